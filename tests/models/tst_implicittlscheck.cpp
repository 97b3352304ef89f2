#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/implicittlscheck.h"
#include "models/tls/dhparameters.h"
#include "tests/models/tst_dovecottestutil.h"

using namespace mailtls;
using namespace mailtls::dovecottest;

// ImplicitTlsCheck against openssl s_server, which speaks TLS from the first
// byte as IMAPS does, on 127.0.11.2: the group a DHE-only handshake gets,
// judged by PlanVerifier's rules.
class TestImplicitTlsCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void judgements_data();
    void judgements();
    void nothingListens();
    void notAnAddress();
    void cancel();

private:
    bool startServer(QProcess &server, quint16 port, const QStringList &extra);
    ProbeReport check(ImplicitTlsCheck &tlsCheck, quint16 port);

    QTemporaryDir m_dir;
    QString m_openssl;
};

namespace {

const QString address = QStringLiteral("127.0.11.2");

ChangePlan::Verification expecting(const QString &group)
{
    ChangePlan::Verification v;
    QString error;
    v.expectedPrime = DhParameters::inspect(DhParameters::rfc7919Pem(group, &error)).prime;
    v.expectedGroupName = group;
    v.address = address;
    return v;
}

} // namespace

void TestImplicitTlsCheck::initTestCase()
{
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        QSKIP("openssl (the command) is not installed");
    QProcess req;
    req.start(m_openssl,
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
               QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
               QStringLiteral("/CN=imap.test"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
               QStringLiteral("-out"), m_dir.filePath(QStringLiteral("cert.pem"))});
    QVERIFY(req.waitForFinished(30000));
    QCOMPARE(req.exitCode(), 0);
    for (const QString &group : {QStringLiteral("ffdhe3072"), QStringLiteral("ffdhe2048")}) {
        QString error;
        QVERIFY(writeFile(m_dir.filePath(group + QStringLiteral(".pem")), DhParameters::rfc7919Pem(group, &error)));
    }
}

bool TestImplicitTlsCheck::startServer(QProcess &server, quint16 port, const QStringList &extra)
{
    // s_server answers one connection after another until it is killed.
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(m_openssl,
                 QStringList {QStringLiteral("s_server"), QStringLiteral("-quiet"), QStringLiteral("-accept"),
                              QStringLiteral("%1:%2").arg(address).arg(port), QStringLiteral("-cert"),
                              m_dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-key"),
                              m_dir.filePath(QStringLiteral("key.pem"))}
                     + extra);
    if (!server.waitForStarted())
        return false;
    for (int i = 0; i < 200; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(address), port);
        if (probe.waitForConnected(100)) {
            probe.abort();
            return true;
        }
        QTest::qWait(20);
    }
    return false;
}

ProbeReport TestImplicitTlsCheck::check(ImplicitTlsCheck &tlsCheck, quint16 port)
{
    QSignalSpy spy(&tlsCheck, &ImplicitTlsCheck::finished);
    tlsCheck.start(address, port);
    if (spy.isEmpty())
        spy.wait(30000);
    return tlsCheck.report();
}

void TestImplicitTlsCheck::judgements_data()
{
    QTest::addColumn<QStringList>("server");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("message");

    QTest::newRow("the chosen group") << QStringList {QStringLiteral("-dhparam"), QStringLiteral("ffdhe3072.pem")}
                                      << QStringLiteral("ffdhe3072") << true
                                      << QStringLiteral("%1 now offers DHE with 3072 bits, ffdhe3072");
    QTest::newRow("another group") << QStringList {QStringLiteral("-dhparam"), QStringLiteral("ffdhe2048.pem")}
                                   << QStringLiteral("ffdhe3072") << false
                                   << QStringLiteral("%1 still offers DHE with 2048 bits, ffdhe2048, not ffdhe3072");
    QTest::newRow("ECDHE only") << QStringList {QStringLiteral("-cipher"),
                                                QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")}
                                << QStringLiteral("ffdhe3072") << true
                                << QStringLiteral("%1 offers no DHE key exchange (ECDHE only): Logjam does not apply");
}

void TestImplicitTlsCheck::judgements()
{
    QFETCH(QStringList, server);
    QFETCH(QString, expected);
    QFETCH(bool, passed);
    QFETCH(QString, message);

    static quint16 port = 9931;
    ++port;
    QStringList extra;
    for (const QString &argument : server)
        extra.append(argument.endsWith(QStringLiteral(".pem")) ? m_dir.filePath(argument) : argument);
    QProcess process;
    QVERIFY(startServer(process, port, extra));
    ImplicitTlsCheck tlsCheck;
    const ProbeReport report = check(tlsCheck, port);
    process.kill();
    process.waitForFinished();

    QCOMPARE(report.addresses.size(), 1);
    QCOMPARE(report.addresses.constFirst().sessions.size(), 2);
    QCOMPARE(report.addresses.constFirst().sessions.at(0).profile, TlsProfile::Default);
    QVERIFY2(report.addresses.constFirst().sessions.at(0).tls.established,
             qPrintable(report.addresses.constFirst().sessions.at(0).tls.error));
    QCOMPARE(report.addresses.constFirst().sessions.at(1).profile, TlsProfile::DheOnly);
    ChangePlan::Verification v = expecting(expected);
    v.port = port;
    const PlanVerifier::Judgement judgement = tlsCheck.judge(v);
    QCOMPARE(judgement.message, message.arg(QStringLiteral("127.0.11.2:%1").arg(port)));
    QCOMPARE(judgement.passed, passed);
}

void TestImplicitTlsCheck::nothingListens()
{
    ImplicitTlsCheck tlsCheck;
    const ProbeReport report = check(tlsCheck, 9930);
    QCOMPARE(report.addresses.constFirst().sessions.size(), 1);
    QCOMPARE(report.addresses.constFirst().sessions.constFirst().outcome, SessionOutcome::ConnectFailed);
    ChangePlan::Verification v = expecting(QStringLiteral("ffdhe3072"));
    v.port = 9930;
    const PlanVerifier::Judgement judgement = tlsCheck.judge(v);
    QVERIFY(!judgement.passed);
    QVERIFY2(judgement.message.startsWith(QStringLiteral("the probe of 127.0.11.2:9930 did not get through: ")),
             qPrintable(judgement.message));
}

void TestImplicitTlsCheck::notAnAddress()
{
    ImplicitTlsCheck tlsCheck;
    QSignalSpy spy(&tlsCheck, &ImplicitTlsCheck::finished);
    tlsCheck.start(QStringLiteral("imap.example.org"), 993);
    QVERIFY(tlsCheck.isRunning());
    QVERIFY(spy.wait(5000));
    ChangePlan::Verification v = expecting(QStringLiteral("ffdhe3072"));
    v.address = QStringLiteral("imap.example.org");
    v.port = 993;
    const PlanVerifier::Judgement judgement = tlsCheck.judge(v);
    QVERIFY(!judgement.passed);
    QCOMPARE(judgement.message,
             QStringLiteral("imap.example.org:993 could not be probed: imap.example.org is not an "
                            "IP address"));
}

void TestImplicitTlsCheck::cancel()
{
    // A listener that never answers the handshake.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress(address), 0));
    ImplicitTlsCheck tlsCheck;
    QSignalSpy spy(&tlsCheck, &ImplicitTlsCheck::finished);
    tlsCheck.start(address, silent.serverPort());
    QTest::qWait(200);
    QVERIFY(tlsCheck.isRunning());
    tlsCheck.cancel();
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(tlsCheck.report().cancelled);
    QCOMPARE(tlsCheck.report().addresses.constFirst().sessions.constFirst().outcome, SessionOutcome::Cancelled);
}

QTEST_GUILESS_MAIN(TestImplicitTlsCheck)
#include "tst_implicittlscheck.moc"
