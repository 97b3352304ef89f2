#include <QTest>

#include "models/probe/probeanalyzer.h"
#include "models/probe/probereporttext.h"
#include "tests/models/probereporttestutil.h"

using namespace mailtls;
using namespace mailtls::probetest;

class TestProbeReportText final : public QObject
{
    Q_OBJECT

private slots:
    void domain();
    void unreachableHost();
    void wrap_data();
    void wrap();
    void words();
};

void TestProbeReportText::domain()
{
    const QString mx1 = QStringLiteral("mx1.example.test");
    const QString mx2 = QStringLiteral("mx2.example.test");
    QList<SmtpSessionResult> sessions = soundSessions(1024, QByteArray(128, '\x5a'));
    sessions[2] = versionSession(TlsProfile::OnlyTls10, QStringLiteral("TLSv1"));
    sessions[0].tls.certificateVerified = false;
    sessions[0].tls.verifyError = QStringLiteral("unable to get local issuer certificate");
    AddressProbeResult cached = addressResult(mx2, QStringLiteral("2001:db8::2"), {plainSession(mx2)});
    cached.fromCache = true;
    ProbeReport r = domainReport({addressResult(mx1, QStringLiteral("192.0.2.1"), sessions), cached});
    r.mx.hosts.append(MxHost{QStringLiteral("mx3.example.test"), 30, {}, QStringLiteral("NXDOMAIN")});
    r.mtaSts = mtaSts(QStringLiteral("testing"), {mx2});
    r.tlsRpt = tlsRpt(true);
    ProbeAnalyzer::analyze(r);
    // The advice's own words are ProbeAdvice's (tested with the analyzer):
    // here only how they are laid out.
    for (Finding &f : r.findings)
        f.advice = f.code == QLatin1String("dh-weak")
            ? QStringLiteral("A long piece of advice that has to be wrapped at the width given, with every line "
                             "after the first indented under the first word.")
            : QString();

    QCOMPARE(ProbeReportText::format(r, 80), QStringLiteral(R"(example.test: no TLS
  probed 2024-03-18 11:00:00 UTC, 0.8 s, 7 SMTP sessions
  MX 10 mx1.example.test
    192.0.2.1:25  weak
      greeting: mx1.example.test ESMTP
      STARTTLS: TLSv1.3, TLS_AES_256_GCM_SHA384, ECDHE X25519 (253 bits)
      DHE: 1024 bits, a group of its own
      versions: TLS 1.0 yes, TLS 1.1 no, TLS 1.2 yes, TLS 1.3 yes
      certificate: CN=mx1.example.test
        issuer: CN=Example Test CA; valid 2024-01-01 to 2024-06-01
        names: mx1.example.test; not trusted (unable to get local issuer
          certificate); valid for mx1.example.test
  MX 20 mx2.example.test
    [2001:db8::2]:25  no TLS  (result of 2024-03-18 11:00:00 UTC, reused)
      greeting: mx2.example.test ESMTP
      STARTTLS: not offered
  MX 30 mx3.example.test: no address (NXDOMAIN)
  findings:
    [HIGH] mx1.example.test (192.0.2.1): Diffie-Hellman group of only 1024 bits
      (Logjam)
      evidence: 1024 bits, a group of its own; TLSv1.2 with DHE-RSA-AES256-GCM-SHA384
      advice: A long piece of advice that has to be wrapped at the width given,
              with every line after the first indented under the first word.
    [HIGH] mx2.example.test (2001:db8::2): STARTTLS is not offered: mail to this
      server travels in plaintext
      evidence: 250-mx2.example.test
                250-PIPELINING
                250-SIZE 10240000
                250 8BITMIME
    [MEDIUM] mx1.example.test (192.0.2.1): Old TLS versions accepted: TLS 1.0
      evidence: accepted: TLS 1.0, TLS 1.2, TLS 1.3
    [MEDIUM] mx2.example.test: The mail server mx2.example.test is not in the
      MTA-STS policy
      evidence: MX mx2.example.test; policy mx: mx1.example.test
    [MEDIUM] mx3.example.test: The mail server mx3.example.test has no address
      evidence: NXDOMAIN
    [LOW] mx1.example.test (192.0.2.1): The certificate is not trusted
      evidence: unable to get local issuer certificate; subject CN=mx1.example.test, issuer CN=Example Test CA
    [INFO] MTA-STS policy in testing mode
      evidence: mode: testing; mx: mx1.example.test; max_age: 604800
    [INFO] TLS-RPT reports are asked for
      evidence: mailto:tlsrpt@example.test
  MTA-STS: mode testing, mx mx1.example.test, max_age 604800 (id 20240318)
  TLS-RPT: reports to mailto:tlsrpt@example.test
)"));
}

void TestProbeReportText::unreachableHost()
{
    ProbeReport r = hostReport(QStringLiteral("2001:db8::9"), 2525,
                               {failedSession(TlsProfile::Default, SessionOutcome::RateLimited, ProbeStep::Banner,
                                              QStringLiteral("421 4.7.0 Try later"))});
    ProbeAnalyzer::analyze(r);
    QCOMPARE(ProbeReportText::format(r), QStringLiteral(R"([2001:db8::9]:2525: unreachable
  probed 2024-03-18 11:00:00 UTC, 0.3 s, 1 SMTP session
  host 2001:db8::9
    [2001:db8::9]:2525  unreachable
      not reached: rate-limited, try later: 421 4.7.0 Try later
  findings:
    [LOW] 2001:db8::9: Rate-limited, try later
      evidence: 421 4.7.0 Try later
      advice: The server asked to try later (a 4xx reply), so the probe stopped there instead of
              trying again. Probe again later: many servers limit how often one client may connect.
)"));

    ProbeReport nullMx;
    nullMx.target = {ProbeTarget::Kind::Domain, QStringLiteral("nomail.example.test"), 25};
    nullMx.mx.nullMx = true;
    ProbeAnalyzer::analyze(nullMx);
    QCOMPARE(ProbeReportText::format(nullMx), QStringLiteral(R"(nomail.example.test: unreachable
  takes no mail (null MX)
  findings:
    [INFO] The domain takes no mail (null MX)
      evidence: nomail.example.test MX 0 .
)"));
}

void TestProbeReportText::wrap_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("indent");
    QTest::addColumn<int>("firstUsed");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("wrapped");

    QTest::newRow("fits") << "one two three" << 2 << 0 << 40 << "one two three";
    QTest::newRow("wraps") << "aaaa bbbb cccc dddd eeee ffff gggg" << 2 << 0 << 20
                           << "aaaa bbbb cccc dddd\n  eeee ffff gggg";
    QTest::newRow("first line shorter") << "aaaa bbbb cccc dddd eeee ffff gggg" << 0 << 10 << 30
                                        << "aaaa bbbb cccc dddd\neeee ffff gggg";
    QTest::newRow("long word stays whole") << QString(QStringLiteral("x").repeated(30) + QStringLiteral(" y")) << 4
                                           << 0 << 20 << QString(QStringLiteral("x").repeated(30) + QStringLiteral("\n    y"));
    QTest::newRow("line breaks kept") << "first\nsecond line" << 3 << 0 << 40 << "first\n   second line";
}

void TestProbeReportText::wrap()
{
    QFETCH(QString, text);
    QFETCH(int, indent);
    QFETCH(int, firstUsed);
    QFETCH(int, width);
    QFETCH(QString, wrapped);
    QCOMPARE(ProbeReportText::wrap(text, indent, firstUsed, width), wrapped);
}

void TestProbeReportText::words()
{
    QCOMPARE(ProbeReportText::verdictName(Verdict::Good), QStringLiteral("good"));
    QCOMPARE(ProbeReportText::verdictName(Verdict::Weak), QStringLiteral("weak"));
    QCOMPARE(ProbeReportText::verdictName(Verdict::NoTls), QStringLiteral("no TLS"));
    QCOMPARE(ProbeReportText::verdictName(Verdict::Unreachable), QStringLiteral("unreachable"));
}

QTEST_GUILESS_MAIN(TestProbeReportText)
#include "tst_probereporttext.moc"
