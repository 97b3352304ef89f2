#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bn.h>

#include "models/tls/dhparameters.h"
#include "tests/app/commandtestutil.h"

using namespace mailtls;

// `mailtls dhparam` as a user meets it: the real binary. Nothing here lets
// it generate to the end (2048 bits and up take too long for a test).
namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};


// Root writes into any folder: `asNobody` runs the program as "nobody"
// then (setpriv), so that a read-only folder is read-only to it.
Run dhparam(const QStringList &args, bool asNobody = false)
{
    QProcess p;
    p.setProcessEnvironment(commandtest::environment());
    QStringList command {QStringLiteral(MAILTLS_BINARY), QStringLiteral("dhparam")};
    if (asNobody && ::geteuid() == 0)
        command = QStringList {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                               QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups")}
            + command;
    p.start(command.constFirst(), command.mid(1) + args);
    if (!p.waitForFinished(30000))
        qFatal("mailtls dhparam did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList args(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(07777);
}

QByteArray rfc7919(const char *group)
{
    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QString::fromLatin1(group), &error);
    if (pem.isEmpty())
        qFatal("%s", qPrintable(error));
    return pem;
}

// Oakley group 2 (RFC 2409, 1024 bits) with g = 2, as PKCS#3 PEM.
QByteArray oakley2Pem()
{
    BIGNUM *p = BN_get_rfc2409_prime_1024(nullptr);
    QByteArray prime(BN_num_bytes(p), '\0');
    BN_bn2bin(p, reinterpret_cast<unsigned char *>(prime.data()));
    BN_free(p);
    prime.prepend('\0'); // the top bit is set: a positive INTEGER
    QByteArray body = "\x02\x81" + QByteArray(1, char(prime.size())) + prime + QByteArray("\x02\x01\x02", 3);
    const QByteArray der = "\x30\x81" + QByteArray(1, char(body.size())) + body;
    QByteArray pem = "-----BEGIN DH PARAMETERS-----\n";
    const QByteArray base64 = der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    return pem + "-----END DH PARAMETERS-----\n";
}

} // namespace

class TestDhParamCommand final : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void groupToFile();
    void groupToStandardOutput_data();
    void groupToStandardOutput();
    void groupReplacesFileKeepingMode();
    void unwritableFolder();
    void inspect_data();
    void inspect();
    void interruptWritesNothing_data();
    void interruptWritesNothing();
};

void TestDhParamCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    QTest::newRow("nothing") << args({})
                             << "mailtls: dhparam needs --group NAME, --bits N or --inspect FILE (see mailtls "
                                "dhparam --help)\n";
    QTest::newRow("--out alone") << args({"--out", "/tmp/dh.pem"})
                                 << "mailtls: dhparam needs --group NAME, --bits N or --inspect FILE (see mailtls "
                                    "dhparam --help)\n";
    const QString onlyOne = QStringLiteral("mailtls: give only one of --group, --bits and --inspect\n");
    QTest::newRow("--group and --bits") << args({"--group", "ffdhe2048", "--bits", "2048"}) << onlyOne;
    QTest::newRow("--group and --inspect") << args({"--group", "ffdhe2048", "--inspect", "/etc/hostname"}) << onlyOne;
    const QString groups = QStringLiteral("is not one of ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144, ffdhe8192\n");
    QTest::newRow("--group ffdhe1024") << args({"--group", "ffdhe1024"})
                                       << QStringLiteral("mailtls: --group: \"ffdhe1024\" ") + groups;
    QTest::newRow("--group modp_2048") << args({"--group", "modp_2048"})
                                       << QStringLiteral("mailtls: --group: \"modp_2048\" ") + groups;
    QTest::newRow("--group empty") << args({"--group="}) << QStringLiteral("mailtls: --group: \"\" ") + groups;
    QTest::newRow("--bits 1024") << args({"--bits", "1024"})
                                 << "mailtls: --bits: \"1024\" is not one of 2048, 3072, 4096\n";
    QTest::newRow("--bits 512") << args({"--bits", "512"})
                                << "mailtls: --bits: \"512\" is not one of 2048, 3072, 4096\n";
    QTest::newRow("--bits 8192") << args({"--bits", "8192"})
                                 << "mailtls: --bits: \"8192\" is not one of 2048, 3072, 4096\n";
    QTest::newRow("--bits word") << args({"--bits", "many"})
                                 << "mailtls: --bits: \"many\" is not one of 2048, 3072, 4096\n";
    QTest::newRow("--bits 2048.0") << args({"--bits", "2048.0"})
                                   << "mailtls: --bits: \"2048.0\" is not one of 2048, 3072, 4096\n";
    QTest::newRow("--inspect with --out") << args({"--inspect", "/etc/hostname", "--out", "/tmp/x.pem"})
                                          << "mailtls: --out goes with --group or --bits, not with --inspect\n";
    QTest::newRow("argument") << args({"--group", "ffdhe2048", "dh.pem"})
                              << "mailtls: unexpected argument \"dh.pem\"\n";
    QTest::newRow("--out empty") << args({"--group", "ffdhe2048", "--out="})
                                 << "mailtls: --out: the file name is empty\n";
    QTest::newRow("--out in a missing folder") << args({"--group", "ffdhe2048", "--out", "/nonexistent/dir/dh.pem"})
                                               << "mailtls: --out: there is no folder /nonexistent/dir\n";
    // Said before generating, not minutes later.
    QTest::newRow("--bits, --out in a missing folder") << args({"--bits", "4096", "--out", "/nonexistent/dir/dh.pem"})
                                                       << "mailtls: --out: there is no folder /nonexistent/dir\n";
    QTest::newRow("--out a folder") << args({"--group", "ffdhe2048", "--out", "/tmp"})
                                    << "mailtls: --out: /tmp is a folder; name the file to write\n";
    QTest::newRow("--group without a value") << args({"--group"}) << "mailtls: Missing value after '--group'.\n";
    QTest::newRow("unknown option") << args({"--size", "2048"}) << "mailtls: Unknown option 'size'.\n";
}

void TestDhParamCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);

    const Run r = dhparam(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, error);
    QCOMPARE(r.out, QByteArray());
}

void TestDhParamCommand::groupToFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    const Run r = dhparam({QStringLiteral("--group"), QStringLiteral("ffdhe3072"), QStringLiteral("--out"), path});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("Wrote the RFC 7919 group ffdhe3072 (3072 bits) to %1.\n").arg(path));
    QCOMPARE(readAll(path), rfc7919("ffdhe3072"));
    QCOMPARE(modeOf(path), mode_t(0644));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("dh.pem")});
}

void TestDhParamCommand::groupToStandardOutput_data()
{
    QTest::addColumn<QString>("group");
    for (const QString &group : DhParameters::rfc7919Groups())
        QTest::newRow(qPrintable(group)) << group;
}

void TestDhParamCommand::groupToStandardOutput()
{
    QFETCH(QString, group);
    const Run r = dhparam({QStringLiteral("--group"), group});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, rfc7919(group.toLatin1().constData()));
}

void TestDhParamCommand::groupReplacesFileKeepingMode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(writeAll(path, oakley2Pem()));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);

    const Run r = dhparam({QStringLiteral("--group"), QStringLiteral("ffdhe4096"), QStringLiteral("--out"), path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readAll(path), rfc7919("ffdhe4096"));
    QCOMPARE(modeOf(path), mode_t(0640));
}

void TestDhParamCommand::unwritableFolder()
{
    if (::geteuid() == 0 && QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("root writes into a read-only folder, and setpriv is missing");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0555) == 0);
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    const Run group
        = dhparam({QStringLiteral("--group"), QStringLiteral("ffdhe2048"), QStringLiteral("--out"), path}, true);
    // Said before generating, not minutes later.
    const Run bits = dhparam({QStringLiteral("--bits"), QStringLiteral("2048"), QStringLiteral("--out"), path}, true);
    ::chmod(QFile::encodeName(dir.path()).constData(), 0755);

    QCOMPARE(group.exitCode, 1);
    QCOMPARE(group.err, QStringLiteral("mailtls: cannot write %1: Permission denied\n").arg(path));
    QCOMPARE(bits.exitCode, 1);
    QCOMPARE(bits.err, QStringLiteral("mailtls: cannot write in the folder %1\n").arg(dir.path()));
    QVERIFY(!QFileInfo::exists(path));
}

void TestDhParamCommand::inspect_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // %1 is the file's path
    QTest::addColumn<QString>("err");

    QTest::newRow("Oakley group 2")
        << oakley2Pem() << 1
        << "File: %1\n"
           "Bits: 1024\n"
           "Generator: 2\n"
           "Group: RFC 2409 Oakley group 2\n"
           "Verdict: 1024 bits, RFC 2409 Oakley group 2, shared by many servers (Logjam): replace it\n"
           "Fix: mailtls dhparam --group ffdhe3072 --out %1 writes an RFC 7919 group at once, or --bits 3072 "
           "instead of --group generates a group of its own (minutes); then reload the mail server\n"
        << QString();
    QTest::newRow("ffdhe2048") << rfc7919("ffdhe2048") << 0
                               << "File: %1\n"
                                  "Bits: 2048\n"
                                  "Generator: 2\n"
                                  "Group: ffdhe2048 (RFC 7919)\n"
                                  "Verdict: 2048 bits, RFC 7919 group ffdhe2048: acceptable; a group of 3072 bits "
                                  "or more is today's advice\n"
                               << QString();
    QTest::newRow("ffdhe3072") << rfc7919("ffdhe3072") << 0
                               << "File: %1\n"
                                  "Bits: 3072\n"
                                  "Generator: 2\n"
                                  "Group: ffdhe3072 (RFC 7919)\n"
                                  "Verdict: 3072 bits, RFC 7919 group ffdhe3072: fine\n"
                               << QString();
    QTest::newRow("certificate")
        << QByteArray("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n") << 1 << QString()
        << "mailtls: %1: the file holds a certificate (BEGIN CERTIFICATE), not DH parameters\n";
    QTest::newRow("empty") << QByteArray() << 1 << QString() << "mailtls: %1: the file is empty\n";
}

void TestDhParamCommand::inspect()
{
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(writeAll(path, content));
    const Run r = dhparam({QStringLiteral("--inspect"), path});
    QCOMPARE(r.err, err.isEmpty() ? QString() : err.arg(path));
    QCOMPARE(QString::fromUtf8(r.out), out.isEmpty() ? QString() : out.arg(path));
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(readAll(path), content);
}

void TestDhParamCommand::interruptWritesNothing_data()
{
    QTest::addColumn<bool>("toFile");
    QTest::addColumn<int>("signal");
    QTest::newRow("Ctrl+C, --out") << true << int(SIGINT);
    QTest::newRow("Ctrl+C, standard output") << false << int(SIGINT);
    QTest::newRow("SIGTERM, --out") << true << int(SIGTERM);
}

void TestDhParamCommand::interruptWritesNothing()
{
    QFETCH(bool, toFile);
    QFETCH(int, signal);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QStringList arguments {QStringLiteral("dhparam"), QStringLiteral("--bits"), QStringLiteral("4096")};
    if (toFile)
        arguments << QStringLiteral("--out") << path;

    QProcess p;
    p.setProcessEnvironment(commandtest::environment());
    p.start(QStringLiteral(MAILTLS_BINARY), arguments);
    QVERIFY(p.waitForStarted());
    // The first line is written once the signal handler is in place.
    const QByteArray first = "Generating a 4096-bit group; this can take many minutes (Ctrl+C cancels)…\n";
    QByteArray err;
    QElapsedTimer clock;
    clock.start();
    while (!err.contains('\n') && clock.elapsed() < 10000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
    }
    QCOMPARE(err, first);
    clock.restart();
    QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
    QVERIFY(p.waitForFinished(5000));
    QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(err),
             QString::fromUtf8(first) + QStringLiteral("mailtls: cancelled; nothing was written\n"));
    QCOMPARE(p.readAllStandardOutput(), QByteArray());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestDhParamCommand)
#include "tst_dhparamcommand.moc"
