#pragma once

#include <QDateTime>
#include <QHostAddress>

#include "models/probe/probetypes.h"

// Evidence a probe could have gathered, built by hand: what SmtpSession and
// ProbeScheduler report for the servers the tests describe.
namespace mailtls::probetest {

inline QDateTime probeTime()
{
    return QDateTime(QDate(2024, 3, 18), QTime(11, 0), Qt::UTC);
}

inline CertificateInfo certificate(const QString &name)
{
    CertificateInfo c;
    c.subject = QStringLiteral("CN=") + name;
    c.subjectAltNames = {name};
    c.issuer = QStringLiteral("CN=Example Test CA");
    c.notBefore = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    c.notAfter = QDateTime(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);
    c.der = QByteArrayLiteral("\x30\x82\x01\x0a");
    return c;
}

inline QStringList ehloLines(const QString &name, bool startTls)
{
    QStringList lines{name, QStringLiteral("PIPELINING"), QStringLiteral("SIZE 10240000")};
    if (startTls)
        lines.append(QStringLiteral("STARTTLS"));
    lines.append(QStringLiteral("8BITMIME"));
    return lines;
}

// A session that got through EHLO without STARTTLS being advertised.
inline SmtpSessionResult plainSession(const QString &name = QStringLiteral("mx1.example.test"))
{
    SmtpSessionResult s;
    s.profile = TlsProfile::Default;
    s.banner = {name + QStringLiteral(" ESMTP")};
    s.ehlo = ehloLines(name, false);
    s.stoppedAt = ProbeStep::Quit;
    return s;
}

// A session whose handshake with `profile` succeeded.
inline SmtpSessionResult tlsSession(TlsProfile profile, const QString &protocol, const QString &cipher,
                                    const QString &keyExchange, const QString &group, int bits,
                                    const QString &name = QStringLiteral("mx1.example.test"))
{
    SmtpSessionResult s;
    s.profile = profile;
    s.banner = {name + QStringLiteral(" ESMTP")};
    s.ehlo = ehloLines(name, true);
    s.startTlsAdvertised = true;
    s.startTlsReply = QStringLiteral("220 2.0.0 Ready to start TLS");
    s.tlsAttempted = true;
    s.stoppedAt = ProbeStep::Quit;
    s.tls.established = true;
    s.tls.protocol = protocol;
    s.tls.cipher = cipher;
    s.tls.keyExchange = keyExchange;
    s.tls.group = group;
    s.tls.keyExchangeBits = bits;
    s.tls.chain = {certificate(name), certificate(QStringLiteral("Example Test CA"))};
    s.tls.chain[1].subject = QStringLiteral("CN=Example Test CA");
    s.tls.certificateVerified = true;
    s.tls.nameMatches = true;
    return s;
}

inline SmtpSessionResult modernSession(const QString &name = QStringLiteral("mx1.example.test"))
{
    return tlsSession(TlsProfile::Default, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384"),
                      QStringLiteral("ECDHE"), QStringLiteral("X25519"), 253, name);
}

inline SmtpSessionResult dheSession(int bits, const QByteArray &prime)
{
    SmtpSessionResult s = tlsSession(TlsProfile::DheOnly, QStringLiteral("TLSv1.2"),
                                     QStringLiteral("DHE-RSA-AES256-GCM-SHA384"), QStringLiteral("DHE"), QString(),
                                     bits);
    s.tls.dhPrime = prime;
    return s;
}

inline SmtpSessionResult versionSession(TlsProfile profile, const QString &protocol)
{
    return tlsSession(profile, protocol, QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"), QStringLiteral("ECDHE"),
                      QStringLiteral("X25519"), 253);
}

// STARTTLS accepted, then the server refused this profile's handshake.
inline SmtpSessionResult refusedSession(TlsProfile profile, const QString &error)
{
    SmtpSessionResult s = tlsSession(profile, QString(), QString(), QString(), QString(), 0);
    s.tls = TlsHandshakeResult();
    s.tls.error = error;
    s.detail = error;
    return s;
}

inline SmtpSessionResult failedSession(TlsProfile profile, SessionOutcome outcome, ProbeStep step,
                                       const QString &detail)
{
    SmtpSessionResult s;
    s.profile = profile;
    s.outcome = outcome;
    s.stoppedAt = step;
    s.detail = detail;
    return s;
}

// What a well-run server answers: every profile but TLS 1.0 and 1.1.
inline QList<SmtpSessionResult> soundSessions(int dhBits = 2048, const QByteArray &prime = QByteArray())
{
    return {modernSession(),
            dheSession(dhBits, prime),
            refusedSession(TlsProfile::OnlyTls10, QStringLiteral("unsupported protocol")),
            refusedSession(TlsProfile::OnlyTls11, QStringLiteral("unsupported protocol")),
            versionSession(TlsProfile::OnlyTls12, QStringLiteral("TLSv1.2")),
            versionSession(TlsProfile::OnlyTls13, QStringLiteral("TLSv1.3"))};
}

inline AddressProbeResult addressResult(const QString &mx, const QString &address,
                                        const QList<SmtpSessionResult> &sessions, quint16 port = 25)
{
    AddressProbeResult a;
    a.mxName = mx;
    a.address = QHostAddress(address);
    a.port = port;
    a.probedAt = probeTime();
    a.sessions = sessions;
    return a;
}

inline MtaStsResult mtaSts(const QString &mode, const QStringList &notCovered = {})
{
    MtaStsResult m;
    m.recordFound = true;
    m.record = QStringLiteral("v=STSv1; id=20240318");
    m.id = QStringLiteral("20240318");
    m.policyFetched = true;
    m.policyUrl = QStringLiteral("https://mta-sts.example.test/.well-known/mta-sts.txt");
    m.mode = mode;
    m.mxPatterns = {QStringLiteral("mx1.example.test")};
    m.maxAge = 604800;
    m.mxNotCovered = notCovered;
    return m;
}

inline TlsRptResult tlsRpt(bool found)
{
    TlsRptResult t;
    t.recordFound = found;
    if (found) {
        t.record = QStringLiteral("v=TLSRPTv1; rua=mailto:tlsrpt@example.test");
        t.reportUris = {QStringLiteral("mailto:tlsrpt@example.test")};
    }
    return t;
}

// A domain whose MX hosts have the addresses probed; no MTA-STS, no TLS-RPT
// unless set.
inline ProbeReport domainReport(const QList<AddressProbeResult> &addresses)
{
    ProbeReport r;
    r.target = {ProbeTarget::Kind::Domain, QStringLiteral("example.test"), 25};
    r.started = probeTime();
    r.finished = probeTime().addMSecs(800);
    r.mx.domain = r.target.name;
    int preference = 10;
    for (const AddressProbeResult &a : addresses) {
        auto host = std::find_if(r.mx.hosts.begin(), r.mx.hosts.end(),
                                 [&a](const MxHost &h) { return h.name == a.mxName; });
        if (host == r.mx.hosts.end()) {
            r.mx.hosts.append(MxHost{a.mxName, preference, {}, QString()});
            preference += 10;
            host = r.mx.hosts.end() - 1;
        }
        host->addresses.append(a.address);
    }
    r.addresses = addresses;
    MtaStsResult none;
    r.mtaSts = none;
    r.tlsRpt = tlsRpt(false);
    for (const AddressProbeResult &a : addresses)
        r.sessionsUsed += int(a.sessions.size());
    return r;
}

inline ProbeReport hostReport(const QString &name, quint16 port, const QList<SmtpSessionResult> &sessions)
{
    ProbeReport r;
    r.target = {ProbeTarget::Kind::Host, name, port};
    r.started = probeTime();
    r.finished = probeTime().addMSecs(300);
    r.mx.domain = name;
    const QHostAddress literal(name);
    const QString address = literal.isNull() ? QStringLiteral("192.0.2.1") : name;
    r.mx.hosts = {MxHost{name, 0, {QHostAddress(address)}, QString()}};
    r.addresses = {addressResult(name, address, sessions, port)};
    r.sessionsUsed = int(sessions.size());
    return r;
}

} // namespace mailtls::probetest
