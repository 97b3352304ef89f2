#include "models/mta/commandfileaccess.h"

#include <optional>

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "models/mta/configfile.h"
#include "models/mta/localfileaccess.h"
#include "models/mta/servicehost.h"
#include "remotehosttestutil.h"

using namespace mailtls;
using namespace remotetest;

namespace {

constexpr uint nobody = 65534;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

struct Meta
{
    int mode = 0;
    uint owner = 0;
    uint group = 0;
};

Meta metaOf(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return {int(info.st_mode & 07777), info.st_uid, info.st_gid};
}

// Spins the event loop until `done` holds (at most 20 s).
template<typename Predicate> bool waitFor(Predicate done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 20000)
        QTest::qWait(5);
    return done();
}

HostFile readVia(FileAccess &files, const QString &path, bool withBytes = true)
{
    std::optional<HostFile> result;
    if (withBytes)
        files.read(path, [&](const HostFile &file) { result = file; });
    else
        files.status(path, [&](const HostFile &file) { result = file; });
    if (!waitFor([&] { return result.has_value(); }))
        qFatal("no answer for %s", qPrintable(path));
    return *result;
}

FileChange writeVia(FileAccess &files, const QString &path, const QByteArray &bytes, std::optional<int> mode,
                    std::optional<uint> owner, std::optional<uint> group, const Precondition &precondition)
{
    std::optional<FileChange> result;
    files.write(path, bytes, mode, owner, group, precondition, [&](const FileChange &change) { result = change; });
    if (!waitFor([&] { return result.has_value(); }))
        qFatal("no answer for writing %s", qPrintable(path));
    return *result;
}

FileChange removeVia(FileAccess &files, const QString &path, const Precondition &precondition)
{
    std::optional<FileChange> result;
    files.remove(path, precondition, [&](const FileChange &change) { result = change; });
    if (!waitFor([&] { return result.has_value(); }))
        qFatal("no answer for removing %s", qPrintable(path));
    return *result;
}

QStringList sudo(const QStringList &argv)
{
    return QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")} + argv;
}

QStringList statOf(const QString &path, bool follow = false)
{
    QStringList argv {QStringLiteral("stat")};
    if (follow)
        argv << QStringLiteral("-L");
    return sudo(argv << QStringLiteral("-c") << QStringLiteral("%f %u %g %s") << QStringLiteral("--") << path);
}

QStringList catOf(const QString &path)
{
    return sudo({QStringLiteral("cat"), QStringLiteral("--"), path});
}

QStringList testOf(const QString &path)
{
    return sudo({QStringLiteral("test"), QStringLiteral("-e"), path});
}

} // namespace

// CommandFileAccess through a "remote" host that runs each argument vector
// through a POSIX shell as ssh does, as root through a stand-in sudo: the
// exact vectors (quoting, the sudo prefix), the bytes through standard input
// and output (NUL bytes, no final line break), mode, owner and group kept or
// given, a changed file refused, a link never replaced, sudo's refusal with
// its sudoers line, cancel. LocalFileAccess answers the same way.
class TestCommandFileAccess : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readsAFile();
    void readsAMissingFile();
    void readsThroughALink();
    void refusesAFolderAndALargeFile();
    void writesANewFile();
    void replacesAFileKeepingModeAndOwner();
    void givesModeAndOwner();
    void refusesAChangedFile_data();
    void refusesAChangedFile();
    void neverReplacesALink();
    void removes();
    void existing();
    void sudoRefuses();
    void sudoRefusesWrites();
    void cancel();
    void answersLater();
    void localAccessAgrees();

private:
    std::unique_ptr<QTemporaryDir> m_base;
    QString m_tools;
    QString m_dir;
    std::shared_ptr<ShellHost> m_shell;
    std::unique_ptr<CommandFileAccess> m_files;
    const QList<QStringList> &commands() const { return *m_shell->commands; }
};

void TestCommandFileAccess::init()
{
    m_base = std::make_unique<QTemporaryDir>();
    QVERIFY(m_base->isValid());
    m_tools = m_base->filePath(QStringLiteral("tools"));
    // Spaces, quotes and a dollar sign: each reaches the shell quoted.
    m_dir = m_base->filePath(QStringLiteral("etc/post fix's $HOME"));
    QVERIFY(QDir().mkpath(m_tools));
    QVERIFY(QDir().mkpath(m_dir));
    QVERIFY(writeSudo(m_tools, Sudo::Runs));
    const auto host = sudoHost(m_tools, ServiceHost::sudoPrograms(MailService::Kind::Postfix), &m_shell);
    m_files = std::make_unique<CommandFileAccess>(host);
}

void TestCommandFileAccess::readsAFile()
{
    const QString path = m_dir + QStringLiteral("/main.cf");
    const QByteArray bytes("biff = no\n\0binary\xff\nno final line break", 40);
    QVERIFY(writeFile(path, bytes));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    const HostFile file = readVia(*m_files, path);
    QCOMPARE(file.error, QString());
    QVERIFY(file.exists);
    QVERIFY(file.regular);
    QVERIFY(!file.symbolicLink);
    QCOMPARE(file.mode, 0640);
    QCOMPARE(file.owner, uint(::geteuid()));
    QCOMPARE(file.group, uint(::getegid()));
    QCOMPARE(file.bytes, bytes);
    QCOMPARE(commands(), (QList<QStringList> {statOf(path), catOf(path)}));
    // status() does not read the bytes.
    m_shell->commands->clear();
    const HostFile status = readVia(*m_files, path, false);
    QCOMPARE(status.bytes, QByteArray());
    QCOMPARE(status.mode, 0640);
    QCOMPARE(commands(), QList<QStringList> {statOf(path)});
}

void TestCommandFileAccess::readsAMissingFile()
{
    const QString path = m_dir + QStringLiteral("/dh_ffdhe3072.pem");
    const HostFile file = readVia(*m_files, path);
    QVERIFY(!file.exists);
    QCOMPARE(file.error, QString());
    QVERIFY(!file.hostProblem);
    QCOMPARE(commands(), (QList<QStringList> {statOf(path), testOf(path)}));
}

void TestCommandFileAccess::readsThroughALink()
{
    const QString target = m_dir + QStringLiteral("/real.cf");
    const QString link = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(target, "linked\n"));
    QVERIFY(QFile::link(target, link));
    const HostFile file = readVia(*m_files, link);
    QCOMPARE(file.error, QString());
    QVERIFY(file.exists);
    QVERIFY(file.regular);
    QVERIFY(file.symbolicLink);
    QCOMPARE(file.bytes, QByteArray("linked\n"));
    QCOMPARE(commands(), (QList<QStringList> {statOf(link), statOf(link, true), catOf(link)}));

    // A link to nothing is a missing file, as it is to Postfix.
    QVERIFY(QFile::remove(target));
    m_shell->commands->clear();
    const HostFile dangling = readVia(*m_files, link);
    QVERIFY(!dangling.exists);
    QCOMPARE(dangling.error, QString());
    QCOMPARE(commands(), (QList<QStringList> {statOf(link), statOf(link, true), testOf(link)}));
}

void TestCommandFileAccess::refusesAFolderAndALargeFile()
{
    const HostFile folder = readVia(*m_files, m_dir);
    QVERIFY(folder.exists);
    QVERIFY(!folder.regular);
    QCOMPARE(folder.error, QStringLiteral("%1 is not a regular file").arg(m_dir));
    QCOMPARE(commands(), QList<QStringList> {statOf(m_dir)});

    const QString large = m_dir + QStringLiteral("/large");
    QFile file(large);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ConfigFile::MaxBytes + 1));
    file.close();
    m_shell->commands->clear();
    const HostFile read = readVia(*m_files, large);
    QCOMPARE(read.error, QStringLiteral("%1 is larger than %2 bytes").arg(large).arg(ConfigFile::MaxBytes));
    QCOMPARE(read.bytes, QByteArray());
    QCOMPARE(commands(), QList<QStringList> {statOf(large)});

    const QString relative = QStringLiteral("etc/postfix/main.cf");
    const HostFile refused = readVia(*m_files, relative);
    QCOMPARE(refused.error,
             QStringLiteral("cannot read etc/postfix/main.cf: etc/postfix/main.cf is not an absolute path"));
}

void TestCommandFileAccess::writesANewFile()
{
    const QString path = m_dir + QStringLiteral("/dh_ffdhe3072.pem");
    const QByteArray bytes("-----BEGIN DH PARAMETERS-----\n\0\n", 33);
    const FileChange change
        = writeVia(*m_files, path, bytes, std::nullopt, std::nullopt, std::nullopt, Precondition::holds(std::nullopt));
    QVERIFY2(change.ok, qPrintable(change.error));
    QCOMPARE(readFile(path), bytes);
    QCOMPARE(metaOf(path).mode, 0644);
    QCOMPARE(metaOf(path).owner, uint(::geteuid()));
    QCOMPARE(commands().size(), 4);
    QCOMPARE(commands().at(0), statOf(path));
    QCOMPARE(commands().at(1), testOf(path));
    const QString temporary = commands().at(2).constLast();
    QVERIFY2(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(m_dir)
                                + QStringLiteral("/\\.dh_ffdhe3072\\.pem\\.mailtls-[0-9a-z]+$"))
                 .match(temporary)
                 .hasMatch(),
             qPrintable(temporary));
    // A new file gets no owner of its own: the user sudo runs it as (root).
    QCOMPARE(commands().at(2),
             sudo({QStringLiteral("install"), QStringLiteral("-m"), QStringLiteral("0644"), QStringLiteral("-T"),
                   QStringLiteral("--"), QStringLiteral("/dev/stdin"), temporary}));
    QCOMPARE(commands().at(3),
             sudo({QStringLiteral("mv"), QStringLiteral("-f"), QStringLiteral("-T"), QStringLiteral("--"), temporary,
                   path}));
    QVERIFY(!QFile::exists(temporary));
    QCOMPARE(QDir(m_dir).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("dh_ffdhe3072.pem")});
}

void TestCommandFileAccess::replacesAFileKeepingModeAndOwner()
{
    const QString path = m_dir + QStringLiteral("/main.cf");
    const QByteArray before("smtpd_tls_loglevel = 0\n");
    QVERIFY(writeFile(path, before));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root)
        QVERIFY(::chown(QFile::encodeName(path).constData(), nobody, nobody) == 0);
    const Meta old = metaOf(path);
    const FileChange change = writeVia(*m_files, path, "smtpd_tls_loglevel = 1\n", std::nullopt, std::nullopt,
                                       std::nullopt, Precondition::holds(before));
    QVERIFY2(change.ok, qPrintable(change.error));
    QCOMPARE(readFile(path), QByteArray("smtpd_tls_loglevel = 1\n"));
    QCOMPARE(metaOf(path).mode, 0640);
    QCOMPARE(metaOf(path).owner, old.owner);
    QCOMPARE(metaOf(path).group, old.group);
    QCOMPARE(commands().size(), 4);
    QCOMPARE(commands().at(0), statOf(path));
    QCOMPARE(commands().at(1), catOf(path));
    const QString temporary = commands().at(2).constLast();
    QCOMPARE(commands().at(2),
             sudo({QStringLiteral("install"), QStringLiteral("-m"), QStringLiteral("0640"), QStringLiteral("-o"),
                   QString::number(old.owner), QStringLiteral("-g"), QString::number(old.group), QStringLiteral("-T"),
                   QStringLiteral("--"), QStringLiteral("/dev/stdin"), temporary}));
}

void TestCommandFileAccess::givesModeAndOwner()
{
    const QString path = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(path, "old\n"));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    const uint owner = ::geteuid() == 0 ? nobody : uint(::geteuid());
    const uint group = ::geteuid() == 0 ? nobody : uint(::getegid());
    // No precondition: what a rollback writes, whatever is there.
    const FileChange change = writeVia(*m_files, path, "new\n", 0600, owner, group, Precondition::any());
    QVERIFY2(change.ok, qPrintable(change.error));
    QCOMPARE(readFile(path), QByteArray("new\n"));
    QCOMPARE(metaOf(path).mode, 0600);
    QCOMPARE(metaOf(path).owner, owner);
    QCOMPARE(metaOf(path).group, group);
    // Without a precondition the bytes are not read first.
    QCOMPARE(commands().at(0), statOf(path));
    QCOMPARE(
        commands().at(1).mid(3, 7),
        (QStringList {QStringLiteral("install"), QStringLiteral("-m"), QStringLiteral("0600"), QStringLiteral("-o"),
                      QString::number(owner), QStringLiteral("-g"), QString::number(group)}));
}

void TestCommandFileAccess::refusesAChangedFile_data()
{
    QTest::addColumn<QByteArray>("there");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<Precondition>("precondition");
    QTest::newRow("other bytes") << QByteArray("edited by the admin\n") << true
                                 << Precondition::holds(QByteArray("as read\n"));
    QTest::newRow("created since") << QByteArray("someone's\n") << true << Precondition::holds(std::nullopt);
    QTest::newRow("removed since") << QByteArray() << false << Precondition::holds(QByteArray("as read\n"));
}

void TestCommandFileAccess::refusesAChangedFile()
{
    QFETCH(QByteArray, there);
    QFETCH(bool, exists);
    QFETCH(Precondition, precondition);
    const QString path = m_dir + QStringLiteral("/main.cf");
    if (exists)
        QVERIFY(writeFile(path, there));
    const FileChange write
        = writeVia(*m_files, path, "plan's\n", std::nullopt, std::nullopt, std::nullopt, precondition);
    QVERIFY(!write.ok);
    QVERIFY(write.changed);
    QCOMPARE(write.error, QStringLiteral("%1 changed after the plan was made").arg(path));
    QCOMPARE(QFile::exists(path), exists);
    if (exists)
        QCOMPARE(readFile(path), there);
    const FileChange remove = removeVia(*m_files, path, precondition);
    QVERIFY(!remove.ok);
    QVERIFY(remove.changed);
    QCOMPARE(QFile::exists(path), exists);
    for (const QStringList &argv : commands()) {
        QVERIFY2(!argv.contains(QStringLiteral("install")) && !argv.contains(QStringLiteral("rm")),
                 qPrintable(argv.join(QLatin1Char(' '))));
    }
}

void TestCommandFileAccess::neverReplacesALink()
{
    const QString target = m_dir + QStringLiteral("/real.cf");
    const QString link = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(target, "real\n"));
    QVERIFY(QFile::link(target, link));
    const FileChange change = writeVia(*m_files, link, "new\n", std::nullopt, std::nullopt, std::nullopt,
                                       Precondition::holds(QByteArray("real\n")));
    QVERIFY(!change.ok);
    QVERIFY(!change.changed);
    QVERIFY2(change.error.startsWith(link + QStringLiteral(" is a symbolic link")), qPrintable(change.error));
    QCOMPARE(QFileInfo(link).symLinkTarget(), target);
    QCOMPARE(readFile(target), QByteArray("real\n"));
}

void TestCommandFileAccess::removes()
{
    const QString path = m_dir + QStringLiteral("/dh_2048.pem");
    QVERIFY(writeFile(path, "group\n"));
    const FileChange removed = removeVia(*m_files, path, Precondition::holds(QByteArray("group\n")));
    QVERIFY2(removed.ok, qPrintable(removed.error));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(commands(),
             (QList<QStringList> {statOf(path), catOf(path),
                                  sudo({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("--"), path})}));
    // Missing already: removed, without rm.
    m_shell->commands->clear();
    const FileChange again = removeVia(*m_files, path, Precondition::any());
    QVERIFY(again.ok);
    QCOMPARE(commands(), (QList<QStringList> {statOf(path), testOf(path)}));
}

void TestCommandFileAccess::existing()
{
    const QStringList paths {m_dir + QStringLiteral("/a.pem"), m_dir + QStringLiteral("/b c.pem"),
                             m_dir + QStringLiteral("/d.pem")};
    QVERIFY(writeFile(paths.at(1), "b\n"));
    QVERIFY(writeFile(paths.at(2), "d\n"));
    std::optional<QStringList> found;
    QString error;
    m_files->existing(paths, [&](const QStringList &existing, const QString &why) {
        found = existing;
        error = why;
    });
    QVERIFY(waitFor([&] { return found.has_value(); }));
    QCOMPARE(error, QString());
    QCOMPARE(*found, paths.mid(1));
    QCOMPARE(commands(),
             QList<QStringList> {sudo(QStringList {QStringLiteral("stat"), QStringLiteral("-L"), QStringLiteral("-c"),
                                                   QStringLiteral("%n"), QStringLiteral("--")}
                                      + paths)});
}

void TestCommandFileAccess::sudoRefuses()
{
    QVERIFY(writeSudo(m_tools, Sudo::AsksForPassword));
    const QString path = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(path, "biff = no\n"));
    const HostFile file = readVia(*m_files, path);
    QVERIFY(file.hostProblem);
    QVERIFY2(file.error.startsWith(QStringLiteral("cannot read %1: sudo on mail@127.0.12.7:2222 refused").arg(path)),
             qPrintable(file.error));
    QVERIFY2(
        file.error.contains(QStringLiteral("\n    mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, "
                                           "/usr/bin/openssl, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, "
                                           "/usr/bin/install, /usr/bin/mv, /usr/bin/rm\n")),
        qPrintable(file.error));
    // Refused at stat: nothing else is tried.
    QCOMPARE(commands(), QList<QStringList> {statOf(path)});
}

void TestCommandFileAccess::sudoRefusesWrites()
{
    QVERIFY(writeSudo(m_tools, Sudo::RefusesWrites));
    const QString path = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(path, "biff = no\n"));
    const FileChange change = writeVia(*m_files, path, "biff = yes\n", std::nullopt, std::nullopt, std::nullopt,
                                       Precondition::holds(QByteArray("biff = no\n")));
    QVERIFY(!change.ok);
    QVERIFY(!change.changed);
    QVERIFY2(change.error.startsWith(QStringLiteral("cannot write %1: sudo on mail@127.0.12.7:2222 refused").arg(path)),
             qPrintable(change.error));
    QCOMPARE(readFile(path), QByteArray("biff = no\n"));
    QCOMPARE(QDir(m_dir).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("main.cf")});
    // install refused, then the temporary file's removal tried (and refused).
    QCOMPARE(commands().size(), 4);
    QCOMPARE(commands().at(2).value(3), QStringLiteral("install"));
    QCOMPARE(commands().at(3).mid(3, 3),
             (QStringList {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("--")}));
}

void TestCommandFileAccess::cancel()
{
    const QString path = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(path, "biff = no\n"));
    bool answered = false;
    m_files->read(path, [&](const HostFile &) { answered = true; });
    m_files->cancel();
    QTest::qWait(500);
    QVERIFY(!answered);
    // Usable again afterwards.
    QCOMPARE(readVia(*m_files, path).bytes, QByteArray("biff = no\n"));
}

void TestCommandFileAccess::answersLater()
{
    bool answered = false;
    m_files->read(QStringLiteral("relative"), [&](const HostFile &) { answered = true; });
    QVERIFY(!answered);
    QVERIFY(waitFor([&] { return answered; }));
    LocalFileAccess local;
    answered = false;
    local.read(m_dir, [&](const HostFile &) { answered = true; });
    QVERIFY(!answered);
    QVERIFY(waitFor([&] { return answered; }));
}

void TestCommandFileAccess::localAccessAgrees()
{
    const QString path = m_dir + QStringLiteral("/main.cf");
    QVERIFY(writeFile(path, "a\n"));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    LocalFileAccess local;
    for (FileAccess *files : {static_cast<FileAccess *>(&local), static_cast<FileAccess *>(m_files.get())}) {
        const HostFile file = readVia(*files, path);
        QCOMPARE(file.bytes, QByteArray("a\n"));
        QCOMPARE(file.mode, 0640);
        QVERIFY(!readVia(*files, path + QStringLiteral(".missing")).exists);
        const FileChange refused = writeVia(*files, path, "b\n", std::nullopt, std::nullopt, std::nullopt,
                                            Precondition::holds(QByteArray("x\n")));
        QVERIFY(refused.changed);
        QCOMPARE(refused.error, QStringLiteral("%1 changed after the plan was made").arg(path));
    }
}

QTEST_GUILESS_MAIN(TestCommandFileAccess)
#include "tst_commandfileaccess.moc"
