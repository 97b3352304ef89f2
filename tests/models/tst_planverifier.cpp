#include <QtTest>

#include <openssl/bn.h>

#include "fixplantestutil.h"
#include "models/mta/planverifier.h"

using namespace mailtls;

// What the re-probe after a reload must show, judged on hand-made probe
// reports (the sessions AddressProbe records for each kind of server).
class TestPlanVerifier : public QObject
{
    Q_OBJECT

private slots:
    void judge_data();
    void judge();
};

namespace {

QByteArray ffdhe3072Prime()
{
    QString ignored;
    return DhParameters::inspect(DhParameters::rfc7919Pem(QStringLiteral("ffdhe3072"), &ignored)).prime;
}

QByteArray modp2048Prime()
{
    return fixplantest::bnBytes(BN_get_rfc3526_prime_2048(nullptr));
}

QByteArray oakley2Prime()
{
    return fixplantest::bnBytes(BN_get_rfc2409_prime_1024(nullptr));
}

SmtpSessionResult session(TlsProfile profile, bool startTls, bool established, const QByteArray &prime = {},
                          int bits = 0)
{
    SmtpSessionResult s;
    s.profile = profile;
    s.startTlsAdvertised = startTls;
    s.tlsAttempted = startTls;
    s.tls.established = established;
    s.tls.protocol = established ? QStringLiteral("TLSv1.2") : QString();
    s.tls.cipher = established ? QStringLiteral("DHE-RSA-AES256-GCM-SHA384") : QString();
    s.tls.dhPrime = prime;
    s.tls.keyExchangeBits = bits;
    if (!established && startTls)
        s.tls.error = QStringLiteral("sslv3 alert handshake failure");
    return s;
}

ProbeReport report(const QList<SmtpSessionResult> &sessions)
{
    ProbeReport r;
    AddressProbeResult a;
    a.address = QHostAddress(QStringLiteral("127.0.7.1"));
    a.sessions = sessions;
    if (!sessions.isEmpty())
        r.addresses.append(a);
    return r;
}

} // namespace

void TestPlanVerifier::judge_data()
{
    QTest::addColumn<ProbeReport>("probe");
    QTest::addColumn<int>("check"); // ChangePlan::Check
    QTest::addColumn<QByteArray>("expectedPrime");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("message");

    const int dh = int(ChangePlan::Check::DhGroup);
    const int starttls = int(ChangePlan::Check::StartTls);
    const SmtpSessionResult ok = session(TlsProfile::Default, true, true);
    const QByteArray ffdhe3072 = ffdhe3072Prime();

    QTest::newRow("the chosen group") << report({ok, session(TlsProfile::DheOnly, true, true, ffdhe3072, 3072)}) << dh
                                      << ffdhe3072 << true
                                      << QStringLiteral("127.0.7.1:25 now offers DHE with 3072 bits, ffdhe3072");
    QTest::newRow("a leading zero byte is the same prime")
        << report({ok, session(TlsProfile::DheOnly, true, true, '\0' + ffdhe3072, 3072)}) << dh << ffdhe3072 << true
        << QStringLiteral("127.0.7.1:25 now offers DHE with 3072 bits, ffdhe3072");
    QTest::newRow("still the old group")
        << report({session(TlsProfile::Default, true, false),
                   session(TlsProfile::DheOnly, true, true, oakley2Prime(), 1024)})
        << dh << ffdhe3072 << false
        << QStringLiteral("127.0.7.1:25 still offers DHE with 1024 bits, RFC 2409 Oakley group 2, not ffdhe3072");
    QTest::newRow("auto: 2048 bits are enough")
        << report({ok, session(TlsProfile::DheOnly, true, true, modp2048Prime(), 2048)}) << dh << QByteArray() << true
        << QStringLiteral("127.0.7.1:25 now offers DHE with 2048 bits, RFC 3526 MODP group 14");
    QTest::newRow("auto: 1024 bits are not")
        << report({ok, session(TlsProfile::DheOnly, true, true, oakley2Prime(), 1024)}) << dh << QByteArray() << false
        << QStringLiteral("127.0.7.1:25 still offers DHE with only 1024 bits, RFC 2409 Oakley group 2 (at least 2048 "
                          "expected)");
    QTest::newRow("no DHE at all: Logjam does not apply")
        << report({ok, session(TlsProfile::DheOnly, true, false)}) << dh << ffdhe3072 << true
        << QStringLiteral("127.0.7.1:25 offers no DHE key exchange (ECDHE only): Logjam does not apply");
    QTest::newRow("no DHE-only session") << report({ok}) << dh << ffdhe3072 << false
                                         << QStringLiteral(
                                                "127.0.7.1:25 could not be asked for its Diffie-Hellman group");
    QTest::newRow("no STARTTLS: the group cannot be seen")
        << report({session(TlsProfile::Default, false, false)}) << dh << ffdhe3072 << false
        << QStringLiteral("127.0.7.1:25 does not offer STARTTLS");
    SmtpSessionResult refused = session(TlsProfile::Default, false, false);
    refused.outcome = SessionOutcome::ConnectFailed;
    refused.detail = QStringLiteral("Connection refused");
    QTest::newRow("nothing listens") << report({refused}) << starttls << QByteArray() << false
                                     << QStringLiteral("the probe of 127.0.7.1:25 did not get through: Connection "
                                                       "refused");
    QTest::newRow("no session") << report({}) << starttls << QByteArray() << false
                                << QStringLiteral("127.0.7.1:25 could not be probed: no session was opened");
    QTest::newRow("STARTTLS works") << report({ok}) << starttls << QByteArray() << true
                                    << QStringLiteral(
                                           "127.0.7.1:25 offers STARTTLS: TLSv1.2, DHE-RSA-AES256-GCM-SHA384");
    QTest::newRow("STARTTLS offered, the handshake fails")
        << report({session(TlsProfile::Default, true, false)}) << starttls << QByteArray() << false
        << QStringLiteral("127.0.7.1:25 offers STARTTLS, but the TLS handshake fails: sslv3 alert handshake failure");
    QTest::newRow("STARTTLS not offered (the certificate did not load)")
        << report({session(TlsProfile::Default, false, false)}) << starttls << QByteArray() << false
        << QStringLiteral("127.0.7.1:25 does not offer STARTTLS");
}

void TestPlanVerifier::judge()
{
    QFETCH(ProbeReport, probe);
    QFETCH(int, check);
    QFETCH(QByteArray, expectedPrime);
    QFETCH(bool, passed);
    QFETCH(QString, message);

    ChangePlan::Verification v;
    v.check = ChangePlan::Check(check);
    v.address = QStringLiteral("127.0.7.1");
    v.port = 25;
    v.expectedPrime = expectedPrime;
    if (!expectedPrime.isEmpty())
        v.expectedGroupName = QStringLiteral("ffdhe3072");
    const PlanVerifier::Judgement judgement = PlanVerifier::judge(probe, v);
    QCOMPARE(judgement.message, message);
    QCOMPARE(judgement.passed, passed);
}

QTEST_GUILESS_MAIN(TestPlanVerifier)
#include "tst_planverifier.moc"
