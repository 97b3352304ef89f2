#include <QTest>

#include <openssl/bn.h>

#include "models/probe/probeanalyzer.h"
#include "models/probe/probejson.h"
#include "models/tls/knowndhgroups.h"
#include "tests/models/probereporttestutil.h"

using namespace mailtls;
using namespace mailtls::probetest;

Q_DECLARE_METATYPE(mailtls::ProbeReport)

namespace {

const QString mx1 = QStringLiteral("mx1.example.test");
const QString mx2 = QStringLiteral("mx2.example.test");
const QString ip1 = QStringLiteral("192.0.2.1");
const QString ip2 = QStringLiteral("192.0.2.2");
const QString ip6 = QStringLiteral("2001:db8::1");

// RFC 2409's second Oakley group: the widely shared 1024-bit prime.
QByteArray oakleyGroup2()
{
    BIGNUM *bn = BN_get_rfc2409_prime_1024(nullptr);
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// A prime of `bits` bits that no list knows (it need not be prime here: only
// its size and that it is unknown matter).
QByteArray ownPrime(int bits)
{
    QByteArray bytes(bits / 8, '\x5a');
    bytes[0] = '\xc3';
    bytes[bytes.size() - 1] = '\x07';
    return bytes;
}

QStringList lines(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

// "severity code [mx] [address]", the order the analyzer sorts them in.
QStringList describe(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings) {
        QString line = ProbeJson::severityWord(f.severity) + QLatin1Char(' ') + f.code;
        if (!f.mxName.isEmpty())
            line += QLatin1Char(' ') + f.mxName;
        if (!f.address.isNull())
            line += QLatin1Char(' ') + f.address.toString();
        out.append(line);
    }
    return out;
}

QStringList describe(const QList<HostVerdict> &verdicts)
{
    QStringList out;
    for (const HostVerdict &v : verdicts)
        out.append(v.address.toString() + QLatin1Char(' ') + ProbeJson::verdictWord(v.verdict));
    return out;
}

const Finding *findingOf(const ProbeReport &report, const QString &code)
{
    for (const Finding &f : report.findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

SmtpSessionResult handshakeFailure(const QString &error)
{
    return refusedSession(TlsProfile::Default, error);
}

} // namespace

class TestProbeAnalyzer final : public QObject
{
    Q_OBJECT

private slots:
    void judges_data();
    void judges();
    void evidence_data();
    void evidence();
    void advice();
    void analyzingTwiceGivesTheSame();

private:
    void addRows();
};

void TestProbeAnalyzer::judges_data()
{
    QTest::addColumn<ProbeReport>("report");
    QTest::addColumn<QStringList>("findings");
    QTest::addColumn<QStringList>("hostVerdicts");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<bool>("sound");
    addRows();
}

void TestProbeAnalyzer::addRows()
{
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions(2048, QByteArray()))});
        r.mtaSts = mtaSts(QStringLiteral("enforce"));
        r.tlsRpt = tlsRpt(true);
        QTest::newRow("sound server, MTA-STS enforced, TLS-RPT")
            << r
            << lines({"info mta-sts-enforce", "info tls-rpt", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        const ProbeReport r = domainReport({addressResult(mx1, ip1, {plainSession()})});
        QTest::newRow("no STARTTLS")
            << r
            << lines({"high no-starttls mx1.example.test 192.0.2.1", "info mta-sts-absent", "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    {
        SmtpSessionResult s = plainSession();
        s.ehlo = {mx1, QStringLiteral("PIPELINING"), QStringLiteral("XXXXXXXA"), QStringLiteral("8BITMIME")};
        s.ehloLooksStripped = true;
        QTest::newRow("STARTTLS stripped")
            << domainReport({addressResult(mx1, ip1, {s})})
            << lines({"high starttls-stripped mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    {
        // A listener with only DHE and a 1024-bit well-known group: a current
        // client refuses it, the DHE-only session measures it.
        QList<SmtpSessionResult> sessions = soundSessions(1024, oakleyGroup2());
        sessions[0] = handshakeFailure(QStringLiteral("error:0A00018A:SSL routines::dh key too small"));
        QTest::newRow("Logjam: shared 1024-bit group")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"critical dh-weak mx1.example.test 192.0.2.1",
                           "high starttls-failed mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 weak"}) << "weak" << false;
    }
    {
        // As Postfix with only DHE and Oakley group 2 answers: every session
        // whose client refuses 1024 bits still learns the version the server
        // chose and its group.
        const QString tooSmall = QStringLiteral("error:0A00018A:SSL routines::dh key too small");
        const QString version = QStringLiteral("error:0A00042E:SSL routines::tlsv1 alert protocol version");
        SmtpSessionResult first = handshakeFailure(tooSmall);
        first.tls.protocol = QStringLiteral("TLSv1.2");
        first.tls.cipher = QStringLiteral("DHE-RSA-AES256-GCM-SHA384");
        first.tls.keyExchangeBits = 1024;
        first.tls.dhPrime = oakleyGroup2();
        SmtpSessionResult tls12 = first;
        tls12.profile = TlsProfile::OnlyTls12;
        QTest::newRow("Logjam as Postfix answers")
            << domainReport({addressResult(mx1, ip1,
                                           {first, dheSession(1024, oakleyGroup2()),
                                            refusedSession(TlsProfile::OnlyTls10, version),
                                            refusedSession(TlsProfile::OnlyTls11, version), tls12,
                                            refusedSession(TlsProfile::OnlyTls13, version)})})
            << lines({"critical dh-weak mx1.example.test 192.0.2.1", "high starttls-failed mx1.example.test 192.0.2.1",
                      "info mta-sts-absent", "info tls-rpt-absent", "info no-tls13 mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 weak"}) << "weak" << false;
        // Without the DHE-only session, the default one's key exchange is the
        // measurement.
        QTest::newRow("Logjam measured by the default session")
            << domainReport({addressResult(mx1, ip1, {first})})
            << lines({"critical dh-weak mx1.example.test 192.0.2.1", "high starttls-failed mx1.example.test 192.0.2.1",
                      "info mta-sts-absent", "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    QTest::newRow("own 1024-bit group")
        << domainReport({addressResult(mx1, ip1, soundSessions(1024, ownPrime(1024)))})
        << lines({"high dh-weak mx1.example.test 192.0.2.1", "info mta-sts-absent", "info tls-rpt-absent"})
        << lines({"192.0.2.1 weak"}) << "weak" << false;
    QTest::newRow("own 1536-bit group")
        << domainReport({addressResult(mx1, ip1, soundSessions(1536, ownPrime(1536)))})
        << lines({"medium dh-weak mx1.example.test 192.0.2.1", "info mta-sts-absent", "info tls-rpt-absent"})
        << lines({"192.0.2.1 weak"}) << "weak" << false;
    QTest::newRow("own 768-bit group")
        << domainReport({addressResult(mx1, ip1, soundSessions(768, ownPrime(768)))})
        << lines({"critical dh-weak mx1.example.test 192.0.2.1", "info mta-sts-absent", "info tls-rpt-absent"})
        << lines({"192.0.2.1 weak"}) << "weak" << false;
    QTest::newRow("own 2048-bit group")
        << domainReport({addressResult(mx1, ip1, soundSessions(2048, ownPrime(2048)))})
        << lines({"info mta-sts-absent", "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
        << lines({"192.0.2.1 good"}) << "good" << true;
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[1] = refusedSession(TlsProfile::DheOnly, QStringLiteral("sslv3 alert handshake failure"));
        QTest::newRow("ECDHE only")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"info mta-sts-absent", "info tls-rpt-absent", "info no-dhe mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[2] = versionSession(TlsProfile::OnlyTls10, QStringLiteral("TLSv1"));
        sessions[3] = versionSession(TlsProfile::OnlyTls11, QStringLiteral("TLSv1.1"));
        QTest::newRow("TLS 1.0 and 1.1 accepted")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"medium old-protocols mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 weak"}) << "weak" << false;
    }
    {
        const QString unsupported = QStringLiteral("error:0A000102:SSL routines::unsupported protocol");
        const QList<SmtpSessionResult> sessions{
            handshakeFailure(unsupported),
            refusedSession(TlsProfile::DheOnly, unsupported),
            versionSession(TlsProfile::OnlyTls10, QStringLiteral("TLSv1")),
            refusedSession(TlsProfile::OnlyTls11, unsupported),
            refusedSession(TlsProfile::OnlyTls12, unsupported),
            refusedSession(TlsProfile::OnlyTls13, unsupported),
        };
        QTest::newRow("only TLS 1.0")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"high no-tls12 mx1.example.test 192.0.2.1", "high starttls-failed mx1.example.test 192.0.2.1",
                           "medium old-protocols mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 weak"}) << "weak" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0] = tlsSession(TlsProfile::Default, QStringLiteral("TLSv1.2"),
                                 QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"), QStringLiteral("ECDHE"),
                                 QStringLiteral("X25519"), 253);
        sessions[5] = refusedSession(TlsProfile::OnlyTls13, QStringLiteral("tlsv1 alert protocol version"));
        QTest::newRow("no TLS 1.3")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"info mta-sts-absent", "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1",
                           "info no-tls13 mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        SmtpSessionResult s = failedSession(TlsProfile::Default, SessionOutcome::RateLimited, ProbeStep::StartTls,
                                            QStringLiteral("454 4.7.0 TLS not available due to local problem"));
        s.ehlo = ehloLines(mx1, true);
        s.startTlsAdvertised = true;
        s.startTlsReply = s.detail;
        QTest::newRow("STARTTLS refused")
            << domainReport({addressResult(mx1, ip1, {s})})
            << lines({"high starttls-failed mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    {
        const QString garbage = QStringLiteral("error:0A00010B:SSL routines::wrong version number");
        const QList<SmtpSessionResult> sessions{
            handshakeFailure(garbage),
            refusedSession(TlsProfile::DheOnly, garbage),
            refusedSession(TlsProfile::OnlyTls10, garbage),
            refusedSession(TlsProfile::OnlyTls11, garbage),
            refusedSession(TlsProfile::OnlyTls12, garbage),
            refusedSession(TlsProfile::OnlyTls13, garbage),
        };
        QTest::newRow("no handshake succeeds")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"high starttls-failed mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    {
        SmtpSessionResult stalled = handshakeFailure(QStringLiteral("the TLS handshake did not finish within 500 ms"));
        stalled.outcome = SessionOutcome::TimedOut;
        stalled.stoppedAt = ProbeStep::Handshake;
        QList<SmtpSessionResult> sessions{stalled};
        for (TlsProfile p : {TlsProfile::DheOnly, TlsProfile::OnlyTls10, TlsProfile::OnlyTls11, TlsProfile::OnlyTls12,
                             TlsProfile::OnlyTls13}) {
            SmtpSessionResult again = stalled;
            again.profile = p;
            sessions.append(again);
        }
        QTest::newRow("stalls after STARTTLS")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"high starttls-failed mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent"})
            << lines({"192.0.2.1 no-tls"}) << "no-tls" << false;
    }
    QTest::newRow("connection refused, one address")
        << hostReport(ip1, 2525,
                      {failedSession(TlsProfile::Default, SessionOutcome::ConnectFailed, ProbeStep::Connect,
                                     QStringLiteral("Connection refused"))})
        << lines({"low unreachable 192.0.2.1 192.0.2.1"}) << lines({"192.0.2.1 unreachable"}) << "unreachable"
        << false;
    QTest::newRow("silent greeting")
        << hostReport(ip1, 25,
                      {failedSession(TlsProfile::Default, SessionOutcome::TimedOut, ProbeStep::Banner,
                                     QStringLiteral("no reply within 500 ms"))})
        << lines({"low unreachable 192.0.2.1 192.0.2.1"}) << lines({"192.0.2.1 unreachable"}) << "unreachable"
        << false;
    QTest::newRow("421 greeting")
        << hostReport(ip1, 25,
                      {failedSession(TlsProfile::Default, SessionOutcome::RateLimited, ProbeStep::Banner,
                                     QStringLiteral("421 4.7.0 mx1 Too many connections, try later"))})
        << lines({"low rate-limited 192.0.2.1 192.0.2.1"}) << lines({"192.0.2.1 unreachable"}) << "unreachable"
        << false;
    QTest::newRow("554 greeting")
        << hostReport(ip1, 25,
                      {failedSession(TlsProfile::Default, SessionOutcome::Rejected, ProbeStep::Banner,
                                     QStringLiteral("554 5.7.1 No SMTP service here"))})
        << lines({"medium rejected 192.0.2.1 192.0.2.1"}) << lines({"192.0.2.1 unreachable"}) << "unreachable"
        << false;
    QTest::newRow("garbage greeting")
        << hostReport(ip1, 25,
                      {failedSession(TlsProfile::Default, SessionOutcome::ProtocolError, ProbeStep::Banner,
                                     QStringLiteral("not an SMTP reply (received: SSH-2.0-OpenSSH_9.2)"))})
        << lines({"medium protocol-error 192.0.2.1 192.0.2.1"}) << lines({"192.0.2.1 unreachable"})
        << "unreachable" << false;
    {
        QList<SmtpSessionResult> sessions = soundSessions().mid(0, 3);
        sessions[2] = failedSession(TlsProfile::OnlyTls10, SessionOutcome::RateLimited, ProbeStep::Banner,
                                    QStringLiteral("421 4.7.0 Try again later"));
        QTest::newRow("rate-limited halfway")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"low rate-limited mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[4] = failedSession(TlsProfile::OnlyTls12, SessionOutcome::ConnectFailed, ProbeStep::Connect,
                                    QStringLiteral("Connection reset by peer"));
        sessions.removeLast();
        QTest::newRow("a later session could not connect")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"info mta-sts-absent", "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1",
                           "info probe-incomplete mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    QTest::newRow("one MX unreachable, the other sound")
        << domainReport({addressResult(mx1, ip1, soundSessions()),
                         addressResult(mx2, ip2,
                                       {failedSession(TlsProfile::Default, SessionOutcome::TimedOut,
                                                      ProbeStep::Connect, QStringLiteral("no connection within 500 ms"))})})
        << lines({"info mta-sts-absent", "info some-mx-unreachable", "info tls-rpt-absent",
                       "info dhe-ok mx1.example.test 192.0.2.1", "info unreachable mx2.example.test 192.0.2.2"})
        << lines({"192.0.2.1 good", "192.0.2.2 unreachable"}) << "good" << true;
    QTest::newRow("the worst MX decides")
        << domainReport({addressResult(mx1, ip1, soundSessions()), addressResult(mx1, ip6, soundSessions()),
                         addressResult(mx2, ip2, {plainSession(mx2)})})
        << lines({"high no-starttls mx2.example.test 192.0.2.2", "info mta-sts-absent", "info tls-rpt-absent",
                       "info dhe-ok mx1.example.test 192.0.2.1", "info dhe-ok mx1.example.test 2001:db8::1"})
        << lines({"192.0.2.1 good", "2001:db8::1 good", "192.0.2.2 no-tls"}) << "no-tls" << false;
    {
        ProbeReport r = domainReport({});
        r.mx.nullMx = true;
        r.mtaSts.reset();
        r.tlsRpt.reset();
        QTest::newRow("null MX") << r << lines({"info null-mx"}) << lines({}) << "unreachable" << false;
    }
    {
        ProbeReport r = domainReport({});
        r.mx.error = QStringLiteral("example.test: no such domain (NXDOMAIN)");
        r.mtaSts.reset();
        r.tlsRpt.reset();
        QTest::newRow("DNS failure") << r << lines({"high dns-failure"}) << lines({}) << "unreachable"
                                     << false;
    }
    {
        ProbeReport r = domainReport({addressResult(QStringLiteral("example.test"), ip1, soundSessions())});
        r.mx.implicitMx = true;
        r.mx.hosts[0].preference = 0;
        QTest::newRow("implicit MX")
            << r
            << lines({"info implicit-mx", "info mta-sts-absent", "info tls-rpt-absent",
                           "info dhe-ok example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.mx.notes = {QStringLiteral("mx1.example.test: AAAA look-up timed out")};
        QTest::newRow("a resolver note")
            << r
            << lines({"info dns-note", "info mta-sts-absent", "info tls-rpt-absent",
                      "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.mx.hosts.append(MxHost{mx2, 20, {}, QStringLiteral("mx2.example.test: no such domain (NXDOMAIN)")});
        QTest::newRow("an MX without address")
            << r
            << lines({"medium mx-unresolved mx2.example.test", "info mta-sts-absent", "info tls-rpt-absent",
                           "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.chain[0].notAfter = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        sessions[0].tls.certificateVerified = false;
        sessions[0].tls.verifyError = QStringLiteral("certificate has expired");
        QTest::newRow("expired certificate")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"medium certificate-expired mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.chain[0].notBefore = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
        sessions[0].tls.certificateVerified = false;
        sessions[0].tls.verifyError = QStringLiteral("certificate is not yet valid");
        QTest::newRow("certificate not yet valid")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"medium certificate-not-yet-valid mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    QList<SmtpSessionResult> selfSigned = soundSessions();
    selfSigned[0].tls.chain = {certificate(QStringLiteral("localhost"))};
    selfSigned[0].tls.chain[0].issuer = selfSigned[0].tls.chain[0].subject;
    selfSigned[0].tls.certificateVerified = false;
    selfSigned[0].tls.verifyError = QStringLiteral("self-signed certificate");
    selfSigned[0].tls.nameMatches = false;
    QTest::newRow("self-signed, other name")
        << domainReport({addressResult(mx1, ip1, selfSigned)})
        << lines({"low certificate-name-mismatch mx1.example.test 192.0.2.1",
                       "low certificate-self-signed mx1.example.test 192.0.2.1", "info mta-sts-absent",
                       "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
        << lines({"192.0.2.1 good"}) << "good" << false;
    {
        // A trusted chain for another name: one finding, the name.
        QList<SmtpSessionResult> otherName = soundSessions();
        otherName[0].tls.chain = {certificate(QStringLiteral("other.example.test"))};
        otherName[0].tls.certificateVerified = true;
        otherName[0].tls.nameMatches = false;
        QTest::newRow("trusted, other name")
            << domainReport({addressResult(mx1, ip1, otherName)})
            << lines({"low certificate-name-mismatch mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, selfSigned)});
        r.mtaSts = mtaSts(QStringLiteral("enforce"));
        QTest::newRow("self-signed, other name, MTA-STS enforced")
            << r
            << lines({"high certificate-name-mismatch mx1.example.test 192.0.2.1",
                           "high certificate-self-signed mx1.example.test 192.0.2.1", "info mta-sts-enforce",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 weak"}) << "weak" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, selfSigned)});
        r.mtaSts = mtaSts(QStringLiteral("testing"));
        QTest::newRow("self-signed, other name, MTA-STS testing")
            << r
            << lines({"low certificate-name-mismatch mx1.example.test 192.0.2.1",
                           "low certificate-self-signed mx1.example.test 192.0.2.1", "info mta-sts-testing",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.certificateVerified = false;
        sessions[0].tls.verifyError = QStringLiteral("unable to get local issuer certificate");
        QTest::newRow("untrusted issuer")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"low certificate-untrusted mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.certificateVerified = false;
        sessions[0].tls.verifyError = QStringLiteral("self-signed certificate in certificate chain");
        QTest::newRow("private CA")
            << domainReport({addressResult(mx1, ip1, sessions)})
            << lines({"low certificate-untrusted mx1.example.test 192.0.2.1", "info mta-sts-absent",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        // An address typed as the target: no name for the certificate to match.
        QList<SmtpSessionResult> sessions = selfSigned;
        QTest::newRow("IP literal, self-signed")
            << hostReport(ip1, 2525, sessions)
            << lines({"low certificate-self-signed 192.0.2.1 192.0.2.1", "info dhe-ok 192.0.2.1 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.mtaSts = mtaSts(QStringLiteral("enforce"), {mx2});
        r.tlsRpt = tlsRpt(true);
        QTest::newRow("MTA-STS enforced, an MX not covered")
            << r
            << lines({"high mta-sts-mx-not-covered mx2.example.test", "info mta-sts-enforce", "info tls-rpt",
                           "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.mtaSts = mtaSts(QStringLiteral("testing"), {mx2});
        QTest::newRow("MTA-STS testing, an MX not covered")
            << r
            << lines({"medium mta-sts-mx-not-covered mx2.example.test", "info mta-sts-testing",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.mtaSts = mtaSts(QStringLiteral("none"));
        QTest::newRow("MTA-STS mode none")
            << r
            << lines({"info mta-sts-none", "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << true;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, selfSigned)});
        MtaStsResult sts = mtaSts(QStringLiteral("enforce"));
        sts.policyFetched = false;
        sts.mode.clear();
        sts.policyError = QStringLiteral("HTTP status 404");
        r.mtaSts = sts;
        QTest::newRow("MTA-STS policy missing: certificates are not enforced")
            << r
            << lines({"medium mta-sts-policy-error", "low certificate-name-mismatch mx1.example.test 192.0.2.1",
                           "low certificate-self-signed mx1.example.test 192.0.2.1", "info tls-rpt-absent",
                           "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        MtaStsResult sts;
        sts.recordError = QStringLiteral("two v=STSv1 records at _mta-sts.example.test");
        r.mtaSts = sts;
        TlsRptResult rpt;
        rpt.error = QStringLiteral("no rua= in \"v=TLSRPTv1;\"");
        r.tlsRpt = rpt;
        QTest::newRow("broken MTA-STS and TLS-RPT records")
            << r
            << lines({"medium mta-sts-error", "low tls-rpt-error", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good"}) << "good" << false;
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions()),
                                      addressResult(mx2, ip2,
                                                    {failedSession(TlsProfile::Default, SessionOutcome::Cancelled,
                                                                   ProbeStep::Connect, QString())})});
        r.cancelled = true;
        QTest::newRow("cancelled halfway")
            << r
            << lines({"info cancelled", "info mta-sts-absent", "info some-mx-unreachable",
                           "info tls-rpt-absent", "info dhe-ok mx1.example.test 192.0.2.1"})
            << lines({"192.0.2.1 good", "192.0.2.2 unreachable"}) << "good" << false;
    }
    {
        SmtpSessionResult s = handshakeFailure(QString());
        s.outcome = SessionOutcome::Cancelled;
        s.stoppedAt = ProbeStep::Handshake;
        ProbeReport r = domainReport({addressResult(mx1, ip1, {s})});
        r.cancelled = true;
        QTest::newRow("cancelled during the handshake")
            << r << lines({"info cancelled", "info mta-sts-absent", "info tls-rpt-absent"})
            << lines({"192.0.2.1 unreachable"}) << "unreachable" << false;
    }
}

void TestProbeAnalyzer::judges()
{
    QFETCH(ProbeReport, report);
    QFETCH(QStringList, findings);
    QFETCH(QStringList, hostVerdicts);
    QFETCH(QString, verdict);
    QFETCH(bool, sound);

    // What was there before is replaced, not added to.
    report.findings = {Finding{QStringLiteral("stale"), Severity::Critical, {}, {}, {}, {}, {}}};
    report.hostVerdicts = {HostVerdict{}};
    ProbeAnalyzer::analyze(report);
    QCOMPARE(describe(report.findings), findings);
    QCOMPARE(describe(report.hostVerdicts), hostVerdicts);
    QCOMPARE(ProbeJson::verdictWord(report.verdict), verdict);
    QCOMPARE(ProbeAnalyzer::isSound(report), sound);
    for (const Finding &f : std::as_const(report.findings)) {
        QVERIFY2(!f.title.isEmpty(), qPrintable(f.code));
        // Every finding that asks something of the admin says what.
        if (f.severity >= Severity::Low)
            QVERIFY2(!f.advice.isEmpty(), qPrintable(f.code));
    }
}

void TestProbeAnalyzer::evidence_data()
{
    QTest::addColumn<ProbeReport>("report");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("evidence");

    QTest::newRow("no STARTTLS: the EHLO reply")
        << domainReport({addressResult(mx1, ip1, {plainSession()})}) << "no-starttls"
        << "STARTTLS is not offered: mail to this server travels in plaintext"
        << "250-mx1.example.test\n250-PIPELINING\n250-SIZE 10240000\n250 8BITMIME";
    {
        SmtpSessionResult s = plainSession();
        s.ehlo = {mx1, QStringLiteral("PIPELINING"), QStringLiteral("XXXXXXXA"), QStringLiteral("8BITMIME")};
        s.ehloLooksStripped = true;
        QTest::newRow("stripped: the EHLO reply")
            << domainReport({addressResult(mx1, ip1, {s})}) << "starttls-stripped"
            << "STARTTLS is removed on the way to the server: mail travels in plaintext"
            << "250-mx1.example.test\n250-PIPELINING\n250-XXXXXXXA\n250 8BITMIME";
    }
    QTest::newRow("421: the exact reply")
        << hostReport(ip1, 25,
                      {failedSession(TlsProfile::Default, SessionOutcome::RateLimited, ProbeStep::Banner,
                                     QStringLiteral("421 4.7.0 mx1 Too many connections, try later"))})
        << "rate-limited"
        << "Rate-limited, try later"
        << "421 4.7.0 mx1 Too many connections, try later";
    {
        SmtpSessionResult s = failedSession(TlsProfile::Default, SessionOutcome::RateLimited, ProbeStep::StartTls,
                                            QStringLiteral("454 4.7.0 TLS not available due to local problem"));
        s.ehlo = ehloLines(mx1, true);
        s.startTlsAdvertised = true;
        s.startTlsReply = s.detail;
        QTest::newRow("STARTTLS refused: the reply")
            << domainReport({addressResult(mx1, ip1, {s})}) << "starttls-failed"
            << "STARTTLS is offered but refused"
            << "454 4.7.0 TLS not available due to local problem";
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions(1024, oakleyGroup2());
        sessions[0] = handshakeFailure(QStringLiteral("error:0A00018A:SSL routines::dh key too small"));
        const std::optional<KnownDhGroup> known = KnownDhGroups::identify(oakleyGroup2());
        QVERIFY(known.has_value());
        QTest::newRow("Logjam: size and group")
            << domainReport({addressResult(mx1, ip1, sessions)}) << "dh-weak"
            << "Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"
            << QStringLiteral("1024 bits, RFC 2409 Oakley group 2, shared by many servers; TLSv1.2 with "
                              "DHE-RSA-AES256-GCM-SHA384");
        QTest::newRow("Logjam: the default handshake's error")
            << domainReport({addressResult(mx1, ip1, sessions)}) << "starttls-failed"
            << "STARTTLS is offered but the TLS handshake fails"
            << "error:0A00018A:SSL routines::dh key too small";
    }
    QTest::newRow("own group")
        << domainReport({addressResult(mx1, ip1, soundSessions(1536, ownPrime(1536)))}) << "dh-weak"
        << "Diffie-Hellman group of only 1536 bits (Logjam)"
        << "1536 bits, a group of its own; TLSv1.2 with DHE-RSA-AES256-GCM-SHA384";
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[2] = versionSession(TlsProfile::OnlyTls10, QStringLiteral("TLSv1"));
        QTest::newRow("old versions: which")
            << domainReport({addressResult(mx1, ip1, sessions)}) << "old-protocols"
            << "Old TLS versions accepted: TLS 1.0"
            << "accepted: TLS 1.0, TLS 1.2, TLS 1.3";
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.chain[0].notAfter = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("expired: the dates")
            << domainReport({addressResult(mx1, ip1, sessions)}) << "certificate-expired"
            << "The certificate expired on 2024-03-01 00:00:00 UTC"
            << "CN=mx1.example.test: valid until 2024-03-01 00:00:00 UTC; probed 2024-03-18 11:00:00 UTC";
    }
    {
        QList<SmtpSessionResult> sessions = soundSessions();
        sessions[0].tls.chain[0].subjectAltNames = {QStringLiteral("mail.example.test"),
                                                    QStringLiteral("www.example.test")};
        sessions[0].tls.nameMatches = false;
        QTest::newRow("name mismatch: the names")
            << domainReport({addressResult(mx1, ip1, sessions)}) << "certificate-name-mismatch"
            << "The certificate is not valid for mx1.example.test"
            << "certificate names: mail.example.test, www.example.test; mail server name: mx1.example.test";
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        MtaStsResult sts = mtaSts(QStringLiteral("enforce"));
        sts.policyError = QStringLiteral("HTTP status 404");
        r.mtaSts = sts;
        QTest::newRow("MTA-STS policy: the error and where")
            << r << "mta-sts-policy-error"
            << "The MTA-STS policy cannot be fetched"
            << "HTTP status 404 (https://mta-sts.example.test/.well-known/mta-sts.txt)";
    }
    {
        ProbeReport r = domainReport({addressResult(mx1, ip1, soundSessions())});
        r.tlsRpt = tlsRpt(true);
        QTest::newRow("TLS-RPT: where reports go")
            << r << "tls-rpt"
            << "TLS-RPT reports are asked for"
            << "mailto:tlsrpt@example.test";
    }
    QTest::newRow("unreachable: the reason")
        << hostReport(ip1, 2525,
                      {failedSession(TlsProfile::Default, SessionOutcome::ConnectFailed, ProbeStep::Connect,
                                     QStringLiteral("Connection refused"))})
        << "unreachable"
        << "Could not connect"
        << "Connection refused";
}

void TestProbeAnalyzer::evidence()
{
    QFETCH(ProbeReport, report);
    QFETCH(QString, code);
    QFETCH(QString, title);
    QFETCH(QString, evidence);

    ProbeAnalyzer::analyze(report);
    const Finding *f = findingOf(report, code);
    QVERIFY2(f, qPrintable(describe(report.findings).join(QStringLiteral("; "))));
    QCOMPARE(f->title, title);
    QCOMPARE(f->evidence, evidence);
}

void TestProbeAnalyzer::advice()
{
    ProbeReport plain = domainReport({addressResult(mx1, ip1, {plainSession()})});
    ProbeAnalyzer::analyze(plain);
    QCOMPARE(findingOf(plain, QStringLiteral("no-starttls"))->advice,
             QStringLiteral(
                 "Your server does not offer STARTTLS: mail to you travels in plaintext, readable by anyone on the "
                 "way. Turn STARTTLS on. Postfix: set smtpd_tls_security_level = may and smtpd_tls_chain_files to "
                 "your key and certificate files (before Postfix 3.4: smtpd_tls_cert_file and smtpd_tls_key_file), "
                 "then run postfix reload. Exim: set tls_advertise_hosts = * with tls_certificate and "
                 "tls_privatekey. Sendmail: define confSERVER_CERT and confSERVER_KEY (and confCACERT, "
                 "confCACERT_PATH) in sendmail.mc, rebuild sendmail.cf and restart. Microsoft Exchange: enable a "
                 "certificate for the SMTP service (Enable-ExchangeCertificate -Services SMTP). Any certificate, "
                 "even a self-signed one, is enough for senders to encrypt; one from a public CA for the MX name is "
                 "better."));

    ProbeReport logjam = domainReport({addressResult(mx1, ip1, soundSessions(1024, oakleyGroup2()))});
    ProbeAnalyzer::analyze(logjam);
    QCOMPARE(findingOf(logjam, QStringLiteral("dh-weak"))->advice,
             QStringLiteral(
                 "Your server offers STARTTLS, but its Diffie-Hellman group is 1024 bits, shared by many servers "
                 "(Logjam): one precomputation lets an attacker read the mail of every server that uses it. "
                 "Postfix 3.7 or later built with OpenSSL 3: leave smtpd_tls_dh1024_param_file empty (or set it to "
                 "auto) and OpenSSL picks a suitable group. Older Postfix: point smtpd_tls_dh1024_param_file at an "
                 "RFC 7919 group of at least 2048 bits (ffdhe2048, or better ffdhe3072). Exim: tls_dhparam = "
                 "ffdhe3072. Or stop offering DHE altogether: ECDHE key exchange is not affected."));

    // Under an enforced MTA-STS policy the stakes are said differently.
    ProbeReport enforced = domainReport({addressResult(mx1, ip1, soundSessions())});
    enforced.addresses[0].sessions[0].tls.nameMatches = false;
    enforced.mtaSts = mtaSts(QStringLiteral("enforce"));
    ProbeAnalyzer::analyze(enforced);
    QCOMPARE(findingOf(enforced, QStringLiteral("certificate-name-mismatch"))->advice,
             QStringLiteral("Your server's certificate does not name mx1.example.test, the name senders connect to. "
                            "Your MTA-STS policy is in enforce mode, so senders that honour it do not deliver mail "
                            "to you at all while this lasts. Add mx1.example.test to the certificate's names "
                            "(subjectAltName) or serve a certificate issued for it."));
}

void TestProbeAnalyzer::analyzingTwiceGivesTheSame()
{
    ProbeReport report = domainReport({addressResult(mx1, ip1, soundSessions(1024, oakleyGroup2())),
                                       addressResult(mx2, ip2, {plainSession(mx2)})});
    ProbeAnalyzer::analyze(report);
    const QJsonObject once = ProbeJson::toJson(report);
    ProbeAnalyzer::analyze(report);
    QCOMPARE(ProbeJson::toJson(report), once);
}

QTEST_GUILESS_MAIN(TestProbeAnalyzer)
#include "tst_probeanalyzer.moc"
