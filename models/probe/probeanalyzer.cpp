#include "models/probe/probeanalyzer.h"

#include <algorithm>

#include "models/probe/probeadvice.h"
#include "models/tls/knowndhgroups.h"

namespace mailtls {

namespace {

// The codes whose Medium-or-worse findings make an address Weak. Certificate
// codes count only under an enforced MTA-STS policy: opportunistic TLS
// encrypts whatever the certificate says.
const char *const tlsWeaknessCodes[] = {"starttls-failed", "dh-weak", "old-protocols", "no-tls12"};
const char *const certificateCodes[] = {"certificate-expired", "certificate-not-yet-valid",
                                        "certificate-self-signed", "certificate-untrusted",
                                        "certificate-name-mismatch"};

template<std::size_t N>
bool isOneOf(const QString &code, const char *const (&codes)[N])
{
    return std::any_of(std::begin(codes), std::end(codes),
                       [&code](const char *c) { return code == QLatin1String(c); });
}

bool isLiteral(const QString &name)
{
    QHostAddress address;
    return address.setAddress(name);
}

// The session got an answer to EHLO: the server speaks SMTP to us.
bool reachedEhlo(const SmtpSessionResult &s)
{
    if (s.outcome == SessionOutcome::Completed)
        return true;
    return s.stoppedAt == ProbeStep::StartTls || s.stoppedAt == ProbeStep::Handshake
           || s.stoppedAt == ProbeStep::Quit;
}

// The server answered this session's ClientHello with a refusal (an alert or
// a closed connection) before choosing a version, as opposed to a timeout, no
// attempt at all, or a handshake our side gave up after the ServerHello.
bool handshakeRefused(const SmtpSessionResult &s)
{
    return s.tlsAttempted && !s.tls.established && s.tls.protocol.isEmpty()
           && (s.outcome == SessionOutcome::Completed || s.outcome == SessionOutcome::ProtocolError);
}

QString versionName(const QString &protocol)
{
    if (protocol == QLatin1String("TLSv1"))
        return QStringLiteral("TLS 1.0");
    if (protocol.startsWith(QLatin1String("TLSv")))
        return QStringLiteral("TLS ") + protocol.mid(4);
    if (protocol == QLatin1String("SSLv3"))
        return QStringLiteral("SSL 3.0");
    return protocol;
}

QString profileVersion(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::OnlyTls10:
        return QStringLiteral("TLS 1.0");
    case TlsProfile::OnlyTls11:
        return QStringLiteral("TLS 1.1");
    case TlsProfile::OnlyTls12:
        return QStringLiteral("TLS 1.2");
    case TlsProfile::OnlyTls13:
        return QStringLiteral("TLS 1.3");
    case TlsProfile::Default:
    case TlsProfile::DheOnly:
        break;
    }
    return QString();
}

// The reply as it was on the wire: "250-first", …, "250 last".
QString ehloReply(const QStringList &lines)
{
    QStringList out;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out.append((i + 1 < lines.size() ? QStringLiteral("250-") : QStringLiteral("250 ")) + lines.at(i));
    return out.join(QLatin1Char('\n'));
}

QString maskedLine(const QStringList &lines)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString keyword = lines.at(i).section(QLatin1Char(' '), 0, 0);
        if (keyword.size() == 8 && keyword.left(7).compare(QLatin1String("XXXXXXX"), Qt::CaseInsensitive) == 0)
            return (i + 1 < lines.size() ? QStringLiteral("250-") : QStringLiteral("250 ")) + lines.at(i);
    }
    return QString();
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

int severityRank(Severity s)
{
    return int(s);
}

// One analysis: the report it fills and what holds for all of it.
class ProbeAnalyzerRun
{
public:
    explicit ProbeAnalyzerRun(ProbeReport &report)
        : m_report(report)
    {
        const std::optional<MtaStsResult> &sts = report.mtaSts;
        m_enforce = sts && sts->policyFetched && sts->policyError.isEmpty()
                    && sts->mode == QLatin1String("enforce");
    }

    void run();

private:
    Finding &add(const QString &code, Severity severity, const AddressProbeResult *address, const QString &title,
                 const QString &evidence, const QString &advice);
    void judgeResolution();
    Verdict judgeAddress(const AddressProbeResult &a, bool anyReached);
    void judgeTls(const AddressProbeResult &a, const SmtpSessionResult &primary);
    void judgeDh(const AddressProbeResult &a);
    void judgeVersions(const AddressProbeResult &a);
    void judgeCertificate(const AddressProbeResult &a, const SmtpSessionResult &session);
    void judgePolicies();
    void sortFindings();

    Severity certificateSeverity(Severity base) const { return m_enforce ? Severity::High : base; }

    ProbeReport &m_report;
    bool m_enforce = false;
};

Finding &ProbeAnalyzerRun::add(const QString &code, Severity severity, const AddressProbeResult *address,
                               const QString &title, const QString &evidence, const QString &advice)
{
    Finding f;
    f.code = code;
    f.severity = severity;
    if (address) {
        f.mxName = address->mxName;
        f.address = address->address;
    }
    f.title = title;
    f.evidence = evidence;
    f.advice = advice;
    m_report.findings.append(f);
    return m_report.findings.last();
}

void ProbeAnalyzerRun::run()
{
    m_report.findings.clear();
    m_report.hostVerdicts.clear();

    judgeResolution();

    bool anyReached = false;
    for (const AddressProbeResult &a : m_report.addresses)
        anyReached = anyReached || std::any_of(a.sessions.cbegin(), a.sessions.cend(), reachedEhlo);

    QList<const AddressProbeResult *> unreachable;
    for (const AddressProbeResult &a : m_report.addresses) {
        const Verdict verdict = judgeAddress(a, anyReached);
        m_report.hostVerdicts.append(HostVerdict{a.mxName, a.address, verdict});
        if (verdict == Verdict::Unreachable)
            unreachable.append(&a);
    }

    // The domain is as good as the worst MX that answered: a sender may pick
    // any of them. Only when none answered is it unreachable.
    Verdict domain = Verdict::Good;
    bool reached = false;
    for (const HostVerdict &v : m_report.hostVerdicts) {
        if (v.verdict == Verdict::Unreachable)
            continue;
        reached = true;
        domain = std::max(domain, v.verdict);
    }
    m_report.verdict = reached ? domain : Verdict::Unreachable;
    if (reached && !unreachable.isEmpty()) {
        QStringList names;
        for (const AddressProbeResult *a : unreachable)
            names.append(QStringLiteral("%1 (%2)").arg(a->address.toString(), a->mxName));
        add(QStringLiteral("some-mx-unreachable"), Severity::Info, nullptr,
            ProbeAnalyzer::tr("%1 of %2 addresses could not be probed; the verdict comes from the others")
                .arg(unreachable.size())
                .arg(m_report.addresses.size()),
            names.join(QStringLiteral(", ")), QString());
    }

    judgePolicies();
    if (m_report.cancelled)
        add(QStringLiteral("cancelled"), Severity::Info, nullptr,
            ProbeAnalyzer::tr("Probe cancelled: the results are incomplete"), QString(), QString());
    sortFindings();
}

void ProbeAnalyzerRun::judgeResolution()
{
    const MxResolution &mx = m_report.mx;
    const bool domain = m_report.target.kind == ProbeTarget::Kind::Domain;
    const QString &name = m_report.target.name;
    // What the resolver left out or could not have, in its own words.
    for (const QString &note : mx.notes)
        add(QStringLiteral("dns-note"), Severity::Info, nullptr, note, QString(), QString());
    if (domain && mx.nullMx) {
        add(QStringLiteral("null-mx"), Severity::Info, nullptr, ProbeAnalyzer::tr("The domain takes no mail (null MX)"),
            ProbeAnalyzer::tr("%1 MX 0 .").arg(name), QString());
        return;
    }
    if (mx.hosts.isEmpty()) {
        const QString evidence = !mx.error.isEmpty() ? mx.error
                                 : domain            ? ProbeAnalyzer::tr("no MX, A or AAAA records")
                                                     : ProbeAnalyzer::tr("no A or AAAA records");
        add(QStringLiteral("dns-failure"), Severity::High, nullptr,
            domain ? ProbeAnalyzer::tr("The domain's mail servers could not be looked up")
                   : ProbeAnalyzer::tr("The host name could not be resolved"),
            evidence, ProbeAdvice::dnsFailure(name, domain));
        return;
    }
    if (domain && mx.implicitMx) {
        QStringList addresses;
        for (const MxHost &h : mx.hosts)
            for (const QHostAddress &address : h.addresses)
                addresses.append(address.toString());
        add(QStringLiteral("implicit-mx"), Severity::Info, nullptr,
            ProbeAnalyzer::tr("No MX record: the domain's own addresses take its mail"),
            ProbeAnalyzer::tr("no MX records; %1 has the addresses %2")
                .arg(name, addresses.join(QStringLiteral(", "))),
            ProbeAdvice::implicitMx(name));
    }
    for (const MxHost &h : mx.hosts) {
        if (!h.addresses.isEmpty())
            continue;
        Finding &f = add(QStringLiteral("mx-unresolved"), Severity::Medium, nullptr,
                         ProbeAnalyzer::tr("The mail server %1 has no address").arg(h.name),
                         h.error.isEmpty() ? ProbeAnalyzer::tr("no A or AAAA records") : h.error,
                         ProbeAdvice::mxUnresolved(h.name));
        f.mxName = h.name;
    }
}

Verdict ProbeAnalyzerRun::judgeAddress(const AddressProbeResult &a, bool anyReached)
{
    const auto defaultSession = std::find_if(a.sessions.cbegin(), a.sessions.cend(), [](const SmtpSessionResult &s) {
        return s.profile == TlsProfile::Default;
    });
    const SmtpSessionResult *primary = defaultSession != a.sessions.cend() ? &*defaultSession
                                       : a.sessions.isEmpty()              ? nullptr
                                                                           : &a.sessions.constFirst();
    if (!primary) {
        if (!m_report.cancelled)
            add(QStringLiteral("not-probed"), Severity::Low, &a, ProbeAnalyzer::tr("This address was not probed"),
                ProbeAnalyzer::tr("no SMTP session was opened"), QString());
        return Verdict::Unreachable;
    }

    if (!reachedEhlo(*primary)) {
        const QString &detail = primary->detail;
        switch (primary->outcome) {
        case SessionOutcome::ConnectFailed:
        case SessionOutcome::TimedOut:
            add(QStringLiteral("unreachable"), anyReached ? Severity::Info : Severity::Low, &a,
                primary->outcome == SessionOutcome::ConnectFailed
                    ? ProbeAnalyzer::tr("Could not connect")
                    : ProbeAnalyzer::tr("No answer in time"),
                detail, ProbeAdvice::unreachable(a.port));
            break;
        case SessionOutcome::RateLimited:
            add(QStringLiteral("rate-limited"), Severity::Low, &a, ProbeAnalyzer::tr("Rate-limited, try later"), detail,
                ProbeAdvice::rateLimited());
            break;
        case SessionOutcome::Rejected:
            add(QStringLiteral("rejected"), Severity::Medium, &a,
                ProbeAnalyzer::tr("The server refuses connections from this prober"), detail,
                ProbeAdvice::rejected());
            break;
        case SessionOutcome::ProtocolError:
            add(QStringLiteral("protocol-error"), Severity::Medium, &a,
                ProbeAnalyzer::tr("The server does not answer as an SMTP server"), detail,
                ProbeAdvice::protocolError(a.port));
            break;
        case SessionOutcome::Cancelled:
        case SessionOutcome::Completed:
            break;
        }
        return Verdict::Unreachable;
    }

    // Cancelled before STARTTLS had its answer: nothing is known of TLS.
    if (primary->outcome == SessionOutcome::Cancelled && !primary->tls.established
        && (primary->stoppedAt == ProbeStep::StartTls || primary->stoppedAt == ProbeStep::Handshake))
        return Verdict::Unreachable;

    // Later sessions that could not do their check.
    bool rateLimitedSaid = false;
    for (const SmtpSessionResult &s : a.sessions) {
        if (&s == primary || reachedEhlo(s) || s.outcome == SessionOutcome::Cancelled)
            continue;
        if (s.outcome == SessionOutcome::RateLimited) {
            if (!rateLimitedSaid)
                add(QStringLiteral("rate-limited"), Severity::Low, &a,
                    ProbeAnalyzer::tr("Rate-limited, try later: some checks were not made"), s.detail,
                    ProbeAdvice::rateLimited());
            rateLimitedSaid = true;
            continue;
        }
        const QString check = s.profile == TlsProfile::DheOnly ? ProbeAnalyzer::tr("Diffie-Hellman")
                                                               : profileVersion(s.profile);
        add(QStringLiteral("probe-incomplete"), Severity::Info, &a,
            ProbeAnalyzer::tr("The %1 check could not be made").arg(check), s.detail, QString());
    }

    judgeTls(a, *primary);

    if (!primary->startTlsAdvertised)
        return Verdict::NoTls;
    if (std::none_of(a.sessions.cbegin(), a.sessions.cend(),
                     [](const SmtpSessionResult &s) { return s.tls.established; }))
        return Verdict::NoTls;
    for (const Finding &f : std::as_const(m_report.findings)) {
        if (f.mxName != a.mxName || f.address != a.address || f.severity < Severity::Medium)
            continue;
        if (isOneOf(f.code, tlsWeaknessCodes) || (m_enforce && isOneOf(f.code, certificateCodes)))
            return Verdict::Weak;
    }
    return Verdict::Good;
}

void ProbeAnalyzerRun::judgeTls(const AddressProbeResult &a, const SmtpSessionResult &primary)
{
    if (!primary.startTlsAdvertised) {
        if (primary.ehloLooksStripped) {
            const QString line = maskedLine(primary.ehlo);
            add(QStringLiteral("starttls-stripped"), Severity::High, &a,
                ProbeAnalyzer::tr("STARTTLS is removed on the way to the server: mail travels in plaintext"),
                ehloReply(primary.ehlo), ProbeAdvice::startTlsStripped(line));
        } else {
            add(QStringLiteral("no-starttls"), Severity::High, &a,
                ProbeAnalyzer::tr("STARTTLS is not offered: mail to this server travels in plaintext"),
                ehloReply(primary.ehlo), ProbeAdvice::noStartTls());
        }
        return;
    }

    const bool anyEstablished = std::any_of(a.sessions.cbegin(), a.sessions.cend(),
                                            [](const SmtpSessionResult &s) { return s.tls.established; });
    const bool defaultEstablished = primary.tls.established;
    if (!defaultEstablished) {
        const bool refused = !primary.startTlsReply.isEmpty() && !primary.startTlsReply.startsWith(QLatin1Char('2'));
        QString evidence;
        if (refused)
            evidence = primary.startTlsReply;
        else if (!primary.tls.error.isEmpty())
            evidence = primary.tls.error;
        else
            evidence = primary.detail;
        const bool dhTooSmall = primary.tls.error.contains(QLatin1String("dh key too small"), Qt::CaseInsensitive);
        add(QStringLiteral("starttls-failed"), Severity::High, &a,
            refused ? ProbeAnalyzer::tr("STARTTLS is offered but refused")
                    : ProbeAnalyzer::tr("STARTTLS is offered but the TLS handshake fails"),
            evidence,
            refused      ? ProbeAdvice::startTlsRefused(evidence)
            : dhTooSmall ? ProbeAdvice::handshakeDhTooSmall()
                         : ProbeAdvice::handshakeFailed(evidence, anyEstablished));
    }

    judgeDh(a);
    judgeVersions(a);

    const SmtpSessionResult *certificateSession = defaultEstablished ? &primary : nullptr;
    for (const SmtpSessionResult &s : a.sessions)
        if (!certificateSession && s.tls.established)
            certificateSession = &s;
    if (certificateSession)
        judgeCertificate(a, *certificateSession);
}

void ProbeAnalyzerRun::judgeDh(const AddressProbeResult &a)
{
    const SmtpSessionResult *dheSession = nullptr;
    const SmtpSessionResult *measured = nullptr;
    // The server's DH group is known from any session that got its key
    // exchange, even one our side then refused ("dh key too small"); the
    // DHE-only session is made for it.
    const auto measures = [](const SmtpSessionResult &s) {
        return s.tls.keyExchangeBits > 0
               && (!s.tls.dhPrime.isEmpty() || (s.tls.established && s.tls.keyExchange == QLatin1String("DHE")));
    };
    for (const SmtpSessionResult &s : a.sessions) {
        if (s.profile == TlsProfile::DheOnly && !dheSession)
            dheSession = &s;
        if (!measured && measures(s))
            measured = &s;
    }
    if (dheSession && measures(*dheSession))
        measured = dheSession;

    if (!measured) {
        // The DHE-only session speaks TLS 1.2: its refusal says "no DHE" only
        // from a server that chooses TLS 1.2 otherwise.
        const bool speaksTls12 = std::any_of(a.sessions.cbegin(), a.sessions.cend(), [](const SmtpSessionResult &s) {
            return s.tls.protocol == QLatin1String("TLSv1.2");
        });
        if (dheSession && speaksTls12 && handshakeRefused(*dheSession))
            add(QStringLiteral("no-dhe"), Severity::Info, &a,
                ProbeAnalyzer::tr("No DHE key exchange (ECDHE only): not exposed to Logjam"),
                dheSession->tls.error, QString());
        return;
    }

    const TlsHandshakeResult &tls = measured->tls;
    const int bits = tls.keyExchangeBits;
    const std::optional<KnownDhGroup> known = KnownDhGroups::identify(tls.dhPrime);
    const bool shared = known && known->widelyShared;
    QString group;
    // Sharing a group matters only while the group is small enough to break.
    if (known)
        group = shared && bits < 2048
            ? ProbeAnalyzer::tr("%1, shared by many servers").arg(known->title())
            : known->title();
    else
        group = ProbeAnalyzer::tr("a group of its own");
    const QString evidence = ProbeAnalyzer::tr("%1 bits, %2; %3 with %4").arg(bits).arg(group, tls.protocol, tls.cipher);

    if (bits >= 2048) {
        add(QStringLiteral("dhe-ok"), Severity::Info, &a,
            ProbeAnalyzer::tr("Diffie-Hellman group of %1 bits").arg(bits), evidence, QString());
        return;
    }
    Severity severity = Severity::Medium;
    QString title;
    if (bits < 1024 || (bits <= 1024 && shared)) {
        severity = Severity::Critical;
    } else if (bits <= 1024) {
        severity = Severity::High;
    }
    if (bits <= 1024 && shared)
        title = ProbeAnalyzer::tr("Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)").arg(bits);
    else
        title = ProbeAnalyzer::tr("Diffie-Hellman group of only %1 bits (Logjam)").arg(bits);
    add(QStringLiteral("dh-weak"), severity, &a, title, evidence, ProbeAdvice::weakDh(bits, shared));
}

void ProbeAnalyzerRun::judgeVersions(const AddressProbeResult &a)
{
    // A version is accepted when the server chose it (a protocol is known
    // only after the ServerHello), even if our side ended the handshake
    // later.
    QStringList accepted;
    const SmtpSessionResult *tls13 = nullptr;
    for (const SmtpSessionResult &s : a.sessions) {
        if (!s.tls.protocol.isEmpty()) {
            const QString version = versionName(s.tls.protocol);
            if (!version.isEmpty() && !accepted.contains(version))
                accepted.append(version);
        }
        if (s.profile == TlsProfile::OnlyTls13 && !tls13)
            tls13 = &s;
    }
    if (accepted.isEmpty())
        return;
    std::sort(accepted.begin(), accepted.end());

    QStringList old;
    for (const QString &v : std::as_const(accepted))
        if (v == QLatin1String("SSL 3.0") || v == QLatin1String("TLS 1.0") || v == QLatin1String("TLS 1.1"))
            old.append(v);
    const bool modern = accepted.contains(QStringLiteral("TLS 1.2")) || accepted.contains(QStringLiteral("TLS 1.3"));
    if (!modern) {
        add(QStringLiteral("no-tls12"), Severity::High, &a, ProbeAnalyzer::tr("Neither TLS 1.2 nor TLS 1.3 is offered"),
            ProbeAnalyzer::tr("accepted: %1").arg(accepted.join(QStringLiteral(", "))),
            ProbeAdvice::noTls12(accepted.join(QStringLiteral(", "))));
    }
    if (!old.isEmpty()) {
        add(QStringLiteral("old-protocols"), Severity::Medium, &a,
            ProbeAnalyzer::tr("Old TLS versions accepted: %1").arg(old.join(QStringLiteral(", "))),
            ProbeAnalyzer::tr("accepted: %1").arg(accepted.join(QStringLiteral(", "))),
            ProbeAdvice::oldProtocols(old.join(QStringLiteral(", "))));
    }
    if (modern && !accepted.contains(QStringLiteral("TLS 1.3")) && tls13 && handshakeRefused(*tls13)) {
        add(QStringLiteral("no-tls13"), Severity::Info, &a, ProbeAnalyzer::tr("TLS 1.3 is not offered"),
            tls13->tls.error, ProbeAdvice::noTls13());
    }
}

void ProbeAnalyzerRun::judgeCertificate(const AddressProbeResult &a, const SmtpSessionResult &session)
{
    const TlsHandshakeResult &tls = session.tls;
    if (tls.chain.isEmpty())
        return;
    const CertificateInfo &leaf = tls.chain.constFirst();
    const QDateTime when = a.probedAt.isValid()      ? a.probedAt
                           : m_report.started.isValid() ? m_report.started
                                                        : QDateTime::currentDateTimeUtc();
    bool datesSaid = false;
    if (leaf.notAfter.isValid() && leaf.notAfter < when) {
        add(QStringLiteral("certificate-expired"), certificateSeverity(Severity::Medium), &a,
            ProbeAnalyzer::tr("The certificate expired on %1").arg(utcText(leaf.notAfter)),
            ProbeAnalyzer::tr("%1: valid until %2; probed %3").arg(leaf.subject, utcText(leaf.notAfter), utcText(when)),
            ProbeAdvice::certificateExpired(utcText(leaf.notAfter), m_enforce));
        datesSaid = true;
    } else if (leaf.notBefore.isValid() && leaf.notBefore > when) {
        add(QStringLiteral("certificate-not-yet-valid"), certificateSeverity(Severity::Medium), &a,
            ProbeAnalyzer::tr("The certificate is not valid before %1").arg(utcText(leaf.notBefore)),
            ProbeAnalyzer::tr("%1: valid from %2; probed %3").arg(leaf.subject, utcText(leaf.notBefore), utcText(when)),
            ProbeAdvice::certificateNotYetValid(utcText(leaf.notBefore), m_enforce));
        datesSaid = true;
    }

    if (!tls.certificateVerified) {
        const QString error = tls.verifyError;
        const bool aboutDates = error.contains(QLatin1String("expired"), Qt::CaseInsensitive)
                                || error.contains(QLatin1String("not yet valid"), Qt::CaseInsensitive);
        const bool selfSigned = (error.contains(QLatin1String("self-signed"), Qt::CaseInsensitive)
                                 || error.contains(QLatin1String("self signed"), Qt::CaseInsensitive))
                                && !error.contains(QLatin1String("in certificate chain"), Qt::CaseInsensitive);
        const QString evidence = ProbeAnalyzer::tr("%1; subject %2, issuer %3")
                                     .arg(error.isEmpty() ? ProbeAnalyzer::tr("not verified") : error, leaf.subject,
                                          leaf.issuer);
        if (aboutDates && datesSaid) {
            // Said already, with the dates.
        } else if (selfSigned) {
            add(QStringLiteral("certificate-self-signed"), certificateSeverity(Severity::Low), &a,
                ProbeAnalyzer::tr("The certificate is self-signed"), evidence,
                ProbeAdvice::certificateSelfSigned(m_enforce));
        } else {
            add(QStringLiteral("certificate-untrusted"), certificateSeverity(Severity::Low), &a,
                ProbeAnalyzer::tr("The certificate is not trusted"), evidence,
                ProbeAdvice::certificateUntrusted(m_enforce));
        }
    }

    // An address typed as such has no name a sender would check.
    if (!tls.nameMatches && !isLiteral(a.mxName)) {
        const QString names = leaf.subjectAltNames.isEmpty() ? leaf.subject
                                                             : leaf.subjectAltNames.join(QStringLiteral(", "));
        add(QStringLiteral("certificate-name-mismatch"), certificateSeverity(Severity::Low), &a,
            ProbeAnalyzer::tr("The certificate is not valid for %1").arg(a.mxName),
            ProbeAnalyzer::tr("certificate names: %1; mail server name: %2").arg(names, a.mxName),
            ProbeAdvice::certificateNameMismatch(a.mxName, m_enforce));
    }
}

void ProbeAnalyzerRun::judgePolicies()
{
    if (m_report.target.kind != ProbeTarget::Kind::Domain)
        return;
    const QString &domain = m_report.target.name;
    if (const std::optional<MtaStsResult> &sts = m_report.mtaSts) {
        if (!sts->recordError.isEmpty()) {
            add(QStringLiteral("mta-sts-error"), Severity::Medium, nullptr,
                ProbeAnalyzer::tr("The MTA-STS record is not usable"), sts->recordError,
                ProbeAdvice::mtaStsRecordError(domain));
        } else if (!sts->recordFound) {
            add(QStringLiteral("mta-sts-absent"), Severity::Info, nullptr, ProbeAnalyzer::tr("No MTA-STS policy"),
                ProbeAnalyzer::tr("no v=STSv1 TXT record at _mta-sts.%1").arg(domain),
                ProbeAdvice::mtaStsAbsent(domain));
        }
        if (sts->recordFound && (!sts->policyFetched || !sts->policyError.isEmpty())) {
            const QString error = sts->policyError.isEmpty() ? ProbeAnalyzer::tr("not fetched") : sts->policyError;
            add(QStringLiteral("mta-sts-policy-error"), Severity::Medium, nullptr,
                ProbeAnalyzer::tr("The MTA-STS policy cannot be fetched"),
                sts->policyUrl.isEmpty() ? error : ProbeAnalyzer::tr("%1 (%2)").arg(error, sts->policyUrl),
                ProbeAdvice::mtaStsPolicyError(domain));
        } else if (sts->recordFound) {
            const QString evidence = ProbeAnalyzer::tr("mode: %1; mx: %2; max_age: %3")
                                         .arg(sts->mode, sts->mxPatterns.join(QStringLiteral(", ")))
                                         .arg(sts->maxAge);
            if (sts->mode == QLatin1String("enforce"))
                add(QStringLiteral("mta-sts-enforce"), Severity::Info, nullptr,
                    ProbeAnalyzer::tr("MTA-STS policy in enforce mode"), evidence, QString());
            else if (sts->mode == QLatin1String("testing"))
                add(QStringLiteral("mta-sts-testing"), Severity::Info, nullptr,
                    ProbeAnalyzer::tr("MTA-STS policy in testing mode"), evidence, ProbeAdvice::mtaStsTesting());
            else
                add(QStringLiteral("mta-sts-none"), Severity::Info, nullptr,
                    ProbeAnalyzer::tr("MTA-STS policy in mode none"), evidence, ProbeAdvice::mtaStsNone());
            const Severity notCovered = m_enforce                                   ? Severity::High
                                        : sts->mode == QLatin1String("testing") ? Severity::Medium
                                                                                : Severity::Info;
            for (const QString &mx : sts->mxNotCovered) {
                Finding &f = add(QStringLiteral("mta-sts-mx-not-covered"), notCovered, nullptr,
                                 ProbeAnalyzer::tr("The mail server %1 is not in the MTA-STS policy").arg(mx),
                                 ProbeAnalyzer::tr("MX %1; policy mx: %2")
                                     .arg(mx, sts->mxPatterns.join(QStringLiteral(", "))),
                                 ProbeAdvice::mtaStsMxNotCovered(mx, domain, m_enforce));
                f.mxName = mx;
            }
        }
    }
    if (const std::optional<TlsRptResult> &rpt = m_report.tlsRpt) {
        if (!rpt->error.isEmpty())
            add(QStringLiteral("tls-rpt-error"), Severity::Low, nullptr,
                ProbeAnalyzer::tr("The TLS-RPT record is not usable"), rpt->error, ProbeAdvice::tlsRptError(domain));
        else if (!rpt->recordFound)
            add(QStringLiteral("tls-rpt-absent"), Severity::Info, nullptr, ProbeAnalyzer::tr("No TLS-RPT record"),
                ProbeAnalyzer::tr("no v=TLSRPTv1 TXT record at _smtp._tls.%1").arg(domain),
                ProbeAdvice::tlsRptAbsent(domain));
        else
            add(QStringLiteral("tls-rpt"), Severity::Info, nullptr, ProbeAnalyzer::tr("TLS-RPT reports are asked for"),
                rpt->reportUris.isEmpty() ? rpt->record : rpt->reportUris.join(QStringLiteral(", ")), QString());
    }
}

void ProbeAnalyzerRun::sortFindings()
{
    // Worst first; then domain-wide findings, then by MX in preference order
    // and address in probe order; then by code.
    QStringList mxOrder;
    for (const MxHost &h : std::as_const(m_report.mx.hosts))
        mxOrder.append(h.name.toLower());
    for (const AddressProbeResult &a : std::as_const(m_report.addresses))
        if (!mxOrder.contains(a.mxName.toLower()))
            mxOrder.append(a.mxName.toLower());
    const auto mxRank = [&mxOrder](const Finding &f) {
        if (f.mxName.isEmpty())
            return -1;
        const qsizetype i = mxOrder.indexOf(f.mxName.toLower());
        return i < 0 ? int(mxOrder.size()) : int(i);
    };
    const auto addressRank = [this](const Finding &f) {
        if (f.address.isNull())
            return -1;
        for (qsizetype i = 0; i < m_report.addresses.size(); ++i)
            if (m_report.addresses.at(i).address == f.address && m_report.addresses.at(i).mxName == f.mxName)
                return int(i);
        return int(m_report.addresses.size());
    };
    std::stable_sort(m_report.findings.begin(), m_report.findings.end(),
                     [&](const Finding &x, const Finding &y) {
                         if (x.severity != y.severity)
                             return severityRank(x.severity) > severityRank(y.severity);
                         if (mxRank(x) != mxRank(y))
                             return mxRank(x) < mxRank(y);
                         if (addressRank(x) != addressRank(y))
                             return addressRank(x) < addressRank(y);
                         return x.code < y.code;
                     });
}

} // namespace

void ProbeAnalyzer::analyze(ProbeReport &report)
{
    ProbeAnalyzerRun(report).run();
}

bool ProbeAnalyzer::isSound(const ProbeReport &report)
{
    if (report.cancelled || report.verdict != Verdict::Good)
        return false;
    return std::all_of(report.findings.cbegin(), report.findings.cend(),
                       [](const Finding &f) { return f.severity == Severity::Info; });
}

} // namespace mailtls
