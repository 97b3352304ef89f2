#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/dovecotconfig.h"
#include "models/mta/dovecotconfigreader.h"
#include "models/mta/servicehost.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"

using namespace mailtls;

// ServiceHostFiles and DovecotConfigReader on a "remote" host (a shell that
// runs the commands here as ssh would there, behind the real SudoCommandHost
// and a stand-in sudo) and on this computer: folder listings through find,
// modification times through stat, reads through CommandFileAccess, and a
// Dovecot configuration read ahead there exactly as DovecotConfig reads it
// here.
class TestServiceHostFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void parseList_data();
    void parseList();
    void list_data();
    void list();
    void modified();
    void read();
    void hostRefuses();
    void dovecotConfig_data();
    void dovecotConfig();

private:
    std::shared_ptr<const CommandHost> remoteHost(remotetest::Sudo sudo = remotetest::Sudo::Runs);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_tools;
    QString m_root;
    std::shared_ptr<remotetest::ShellHost> m_shell;
};

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// "name" or "name/" for a folder, sorted.
QStringList names(const QList<ServiceHostFiles::Entry> &entries)
{
    QStringList out;
    for (const ServiceHostFiles::Entry &entry : entries)
        out.append(entry.folder ? entry.name + QLatin1Char('/') : entry.name);
    out.sort();
    return out;
}

} // namespace

void TestServiceHostFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_tools = m_dir->filePath(QStringLiteral("tools"));
    m_root = m_dir->filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(m_tools));
    QVERIFY(QDir().mkpath(m_root));
    m_shell.reset();
}

std::shared_ptr<const CommandHost> TestServiceHostFiles::remoteHost(remotetest::Sudo sudo)
{
    if (!remotetest::writeSudo(m_tools, sudo))
        return nullptr;
    return remotetest::sudoHost(m_tools, ServiceHost::sudoPrograms(MailService::Kind::Dovecot), &m_shell);
}

void TestServiceHostFiles::parseList_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("files and a folder") << QByteArray("f 10-ssl.conf\0d sub\0f auth-system.conf.ext\0", 44)
                                        << QStringList {QStringLiteral("10-ssl.conf"),
                                                        QStringLiteral("auth-system.conf.ext"), QStringLiteral("sub/")};
    QTest::newRow("a name with a space and a line break")
        << QByteArray("f a b\0f two\nlines\0", 18) << QStringList {QStringLiteral("a b"), QStringLiteral("two\nlines")};
    QTest::newRow("a dangling link and a socket")
        << QByteArray("N gone\0s sock\0", 14) << QStringList {QStringLiteral("gone"), QStringLiteral("sock")};
    QTest::newRow("nothing") << QByteArray() << QStringList();
    QTest::newRow("damaged items are skipped")
        << QByteArray("x\0fname\0f ok\0", 13) << QStringList {QStringLiteral("ok")};
}

void TestServiceHostFiles::parseList()
{
    QFETCH(QByteArray, output);
    QFETCH(QStringList, expected);
    QCOMPARE(names(ServiceHostFiles::parseList(output)), expected);
}

void TestServiceHostFiles::list_data()
{
    QTest::addColumn<bool>("remote");
    QTest::newRow("this computer") << false;
    QTest::newRow("another host") << true;
}

void TestServiceHostFiles::list()
{
    QFETCH(bool, remote);
    const QString folder = m_root + QStringLiteral("/conf.d");
    QVERIFY(writeFile(folder + QStringLiteral("/10-ssl.conf"), "ssl = yes\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/.hidden.conf"), "x\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/a name.conf"), "x\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/sub/inner.conf"), "x\n"));
    const std::shared_ptr<const CommandHost> host = remote ? remoteHost() : std::make_shared<LocalCommandHost>();
    QVERIFY(host);
    ServiceHostFiles files(host);
    QCOMPARE(files.isLocal(), !remote);

    QList<ServiceHostFiles::Entry> entries;
    QString error = QStringLiteral("not answered");
    files.list(folder, [&](const QList<ServiceHostFiles::Entry> &e, const QString &hostError) {
        entries = e;
        error = hostError;
    });
    // Never answered from inside the call.
    QCOMPARE(error, QStringLiteral("not answered"));
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QCOMPARE(names(entries),
             (QStringList {QStringLiteral(".hidden.conf"), QStringLiteral("10-ssl.conf"), QStringLiteral("a name.conf"),
                           QStringLiteral("sub/")}));

    // A missing folder lists nothing, and is no error.
    error = QStringLiteral("not answered");
    files.list(m_root + QStringLiteral("/none"),
               [&](const QList<ServiceHostFiles::Entry> &e, const QString &hostError) {
                   entries = e;
                   error = hostError;
               });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QVERIFY(entries.isEmpty());
    if (remote) {
        const QStringList expected = QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}
            + ServiceHostFiles::listCommand(folder);
        QCOMPARE(m_shell->commands->constFirst(), expected);
    }
}

void TestServiceHostFiles::modified()
{
    const QString a = m_root + QStringLiteral("/a.conf");
    const QString b = m_root + QStringLiteral("/b.conf");
    QVERIFY(writeFile(a, "a\n"));
    QVERIFY(writeFile(b, "b\n"));
    const QDateTime old = QDateTime::fromSecsSinceEpoch(1700000000);
    QFile file(a);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
    file.close();

    ServiceHostFiles files(remoteHost());
    QHash<QString, QDateTime> times;
    QString error = QStringLiteral("not answered");
    const QString missing = m_root + QStringLiteral("/missing.conf");
    files.modified({a, b, missing}, [&](const QHash<QString, QDateTime> &t, const QString &hostError) {
        times = t;
        error = hostError;
    });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    // The one stat cannot look at is left out.
    QCOMPARE(times.size(), 2);
    QCOMPARE(times.value(a), old);
    QCOMPARE(times.value(b).toSecsSinceEpoch(), QFileInfo(b).lastModified().toSecsSinceEpoch());
    QCOMPARE(m_shell->commands->constFirst().mid(3), ServiceHostFiles::modifiedCommand({a, b, missing}));
}

void TestServiceHostFiles::read()
{
    const QString a = m_root + QStringLiteral("/a.pem");
    const QString missing = m_root + QStringLiteral("/missing.pem");
    QVERIFY(writeFile(a, "bytes\n"));
    ServiceHostFiles files(remoteHost());
    QString error = QStringLiteral("not answered");
    files.read({a, missing, a}, [&](const QString &hostError) { error = hostError; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QCOMPARE(files.files().size(), 2);
    QVERIFY(files.files().value(a).exists);
    QCOMPARE(files.files().value(a).bytes, QByteArray("bytes\n"));
    QVERIFY(!files.files().value(missing).exists);
    // The missing one in the same look as the other; only the other is read.
    QStringList programs;
    for (const QStringList &argv : *m_shell->commands)
        programs.append(argv.value(3));
    QCOMPARE(programs.join(QLatin1Char(' ')), QStringLiteral("stat stat cat"));

    // Read again: nothing runs.
    const qsizetype before = m_shell->commands->size();
    error = QStringLiteral("not answered");
    files.read({a}, [&](const QString &hostError) { error = hostError; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QCOMPARE(m_shell->commands->size(), before);

    // What a plan asks of files it did not read.
    const ConfigFile::Contents unread = ServiceHostFiles::fileIn(files.files(), m_root + QStringLiteral("/other"));
    QVERIFY(unread.exists);
    QCOMPARE(unread.error, QStringLiteral("%1/other was not read by the inspection").arg(m_root));
    const DhFileInfo none = ServiceHostFiles::inspectDh(files.files().value(missing));
    QCOMPARE(none.error, QStringLiteral("there is no such file"));
}

void TestServiceHostFiles::hostRefuses()
{
    const QString folder = m_root + QStringLiteral("/conf.d");
    QVERIFY(writeFile(folder + QStringLiteral("/a.conf"), "x\n"));
    ServiceHostFiles files(remoteHost(remotetest::Sudo::AsksForPassword));
    QString listError;
    files.list(folder,
               [&](const QList<ServiceHostFiles::Entry> &, const QString &hostError) { listError = hostError; });
    QTRY_VERIFY_WITH_TIMEOUT(!listError.isEmpty(), 20000);
    QVERIFY2(listError.startsWith(QStringLiteral("sudo on mail@127.0.12.7:2222 refused to run the command without a "
                                                 "password")),
             qPrintable(listError));
    QString readError;
    files.read({folder + QStringLiteral("/a.conf")}, [&](const QString &hostError) { readError = hostError; });
    QTRY_VERIFY_WITH_TIMEOUT(!readError.isEmpty(), 20000);
    QVERIFY2(readError.contains(QStringLiteral("/usr/bin/find")), qPrintable(readError));
    QVERIFY(files.files().isEmpty());
}

void TestServiceHostFiles::dovecotConfig_data()
{
    QTest::addColumn<bool>("remote");
    QTest::newRow("this computer") << false;
    QTest::newRow("another host") << true;
}

void TestServiceHostFiles::dovecotConfig()
{
    QFETCH(bool, remote);
    const QString main = m_root + QStringLiteral("/dovecot.conf");
    QVERIFY(writeFile(main,
                      "protocols = imap\n!include conf.d/*.conf\n!include_try local.conf\n"
                      "!include_try {extra,more}/*.ext\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/conf.d/10-ssl.conf"), "ssl = yes\n!include_try auth-*.conf.ext\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/conf.d/20-imap.conf"), "protocol imap {\n}\n"));
    // Not matched by *.conf (a leading dot), a folder matched and skipped.
    QVERIFY(writeFile(m_root + QStringLiteral("/conf.d/.hidden.conf"), "ssl = no\n"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/conf.d/folder.conf")));
    QVERIFY(writeFile(m_root + QStringLiteral("/conf.d/auth-system.conf.ext"), "passdb {\n}\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/more/b.ext"), "ssl_dh = </b.pem\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/more/a.ext"), "ssl_dh = </a.pem\n"));

    DovecotConfig here;
    QVERIFY(here.load(main));
    QCOMPARE(here.paths(),
             (QStringList {main, m_root + QStringLiteral("/conf.d/10-ssl.conf"),
                           m_root + QStringLiteral("/conf.d/auth-system.conf.ext"),
                           m_root + QStringLiteral("/conf.d/20-imap.conf"), m_root + QStringLiteral("/more/a.ext"),
                           m_root + QStringLiteral("/more/b.ext")}));

    const std::shared_ptr<const CommandHost> host = remote ? remoteHost() : std::make_shared<LocalCommandHost>();
    QVERIFY(host);
    ServiceHostFiles files(host);
    DovecotConfigReader reader(&files);
    QString error = QStringLiteral("not answered");
    reader.read(main, [&](const QString &hostError) { error = hostError; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 30000);
    QVERIFY(reader.loaded());
    QCOMPARE(reader.config().paths(), here.paths());
    for (const QString &path : here.paths())
        QCOMPARE(reader.config().text(path), here.text(path));
    QCOMPARE(reader.config().value("ssl_dh")->value, QByteArray("/b.pem"));
    QCOMPARE(reader.config().problems().size(), here.problems().size());
    if (remote) {
        QStringList listed;
        for (const QStringList &argv : *m_shell->commands)
            if (argv.value(3) == QLatin1String("find"))
                listed.append(argv.value(4));
        listed.sort();
        // Each folder a glob needs, once; {extra,more}: the missing one too.
        QCOMPARE(listed,
                 (QStringList {m_root + QStringLiteral("/conf.d"), m_root + QStringLiteral("/extra"),
                               m_root + QStringLiteral("/more")}));
    }

    // A main file that is not there.
    ServiceHostFiles none(host);
    DovecotConfigReader missing(&none);
    error = QStringLiteral("not answered");
    missing.read(m_root + QStringLiteral("/none.conf"), [&](const QString &hostError) { error = hostError; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 30000);
    QVERIFY(!missing.loaded());
    QCOMPARE(missing.config().errorString(), QStringLiteral("%1/none.conf does not exist").arg(m_root));
}

QTEST_GUILESS_MAIN(TestServiceHostFiles)
#include "tst_servicehostfiles.moc"
