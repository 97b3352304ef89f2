#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/sendmaildhfile.h"
#include "tests/models/fixplantestutil.h"

using namespace mailtls;

namespace {

// `openssl ARGS`, its standard output.
QByteArray openssl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QByteArray();
    const QByteArray out = process.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

} // namespace

class TestSendmailDhFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void files_data();
    void files();
    void onDisk();

private:
    QByteArray m_dsa;
    QByteArray m_x942;
};

void TestSendmailDhFile::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("the openssl command is not installed: it writes the X9.42 files Debian's update_tls writes");
    // What Debian's update_tls runs, with 1024 bits to be quick: `openssl
    // dsaparam -out PRM`, then `openssl dhparam -dsaparam -in PRM >> PRM`.
    QTemporaryDir dir;
    const QString dsa = dir.filePath(QStringLiteral("dsa.pem"));
    QVERIFY(!openssl({QStringLiteral("dsaparam"), QStringLiteral("-out"), dsa, QStringLiteral("1024")}).isNull());
    QFile file(dsa);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_dsa = file.readAll();
    m_x942 = openssl({QStringLiteral("dhparam"), QStringLiteral("-dsaparam"), QStringLiteral("-in"), dsa});
    QVERIFY(m_x942.startsWith("-----BEGIN X9.42 DH PARAMETERS-----\n"));
}

void TestSendmailDhFile::files_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("error");

    QTest::newRow("Debian's: DSA PARAMETERS, then X9.42")
        << m_dsa + m_x942 << true << 1024
        << QStringLiteral("the group is an X9.42 DH PARAMETERS block, which Sendmail reads; Sendmail skips the "
                          "file's other blocks: DSA PARAMETERS")
        << QString();
    QTest::newRow("X9.42 alone") << m_x942 << true << 1024
                                 << QStringLiteral("the group is an X9.42 DH PARAMETERS block, which Sendmail reads")
                                 << QString();
    QTest::newRow("PKCS#3 after another block")
        << m_dsa + fixplantest::oakley2Pem() << true << 1024
        << QStringLiteral("Sendmail skips the file's other blocks: DSA PARAMETERS") << QString();
    QTest::newRow("PKCS#3 alone") << fixplantest::oakley2Pem() << true << 1024 << QString() << QString();
    QTest::newRow("the first of two groups")
        << fixplantest::ownGroupPem(2048) + fixplantest::oakley2Pem() << true << 2048
        << QStringLiteral("Sendmail skips the file's other blocks: DH PARAMETERS") << QString();
    QTest::newRow("DSA parameters only") << m_dsa << false << 0 << QString()
                                         << QStringLiteral("the file holds a PEM block \"DSA PARAMETERS\", not DH "
                                                           "parameters");
    QByteArray damaged = m_x942;
    damaged.replace(40, 8, "AAAAAAAA");
    QTest::newRow("a damaged X9.42 block") << damaged << false << 0
                                           << QStringLiteral("the group is an X9.42 DH PARAMETERS block, which "
                                                             "Sendmail reads")
                                           << QStringLiteral("the X9.42 DH PARAMETERS block is damaged: it does not "
                                                             "decode");
    QTest::newRow("empty") << QByteArray() << false << 0 << QString() << QStringLiteral("the file is empty");
}

void TestSendmailDhFile::files()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, valid);
    QFETCH(int, bits);
    QFETCH(QString, note);
    QFETCH(QString, error);
    QString said;
    const DhFileInfo info = SendmailDhFile::inspect(data, &said);
    QCOMPARE(info.isValid(), valid);
    QCOMPARE(info.bits, bits);
    QCOMPARE(said, note);
    QCOMPARE(info.error, error);
}

void TestSendmailDhFile::onDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sendmail-common.prm"));
    QString note = QStringLiteral("stale");
    DhFileInfo info = SendmailDhFile::inspectFile(path, &note);
    QCOMPARE(info.error, QStringLiteral("there is no such file"));
    QCOMPARE(note, QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_dsa + m_x942);
    file.close();
    info = SendmailDhFile::inspectFile(path, &note);
    QVERIFY(info.isValid());
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Weak);
    // The X9.42 block's group is the DSA block's.
    QCOMPARE(info.prime, SendmailDhFile::inspect(m_x942).prime);
}

QTEST_GUILESS_MAIN(TestSendmailDhFile)
#include "tst_sendmaildhfile.moc"
