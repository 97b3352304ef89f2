#include "models/probe/probereporttext.h"

#include <algorithm>

#include "models/itemmodels/probetitles.h"
#include "models/tls/knowndhgroups.h"

namespace mailtls {

namespace {

const SmtpSessionResult *primarySession(const AddressProbeResult &a)
{
    for (const SmtpSessionResult &s : a.sessions)
        if (s.profile == TlsProfile::Default)
            return &s;
    return a.sessions.isEmpty() ? nullptr : &a.sessions.constFirst();
}

const SmtpSessionResult *sessionOf(const AddressProbeResult &a, TlsProfile profile)
{
    for (const SmtpSessionResult &s : a.sessions)
        if (s.profile == profile)
            return &s;
    return nullptr;
}

bool reachedEhlo(const SmtpSessionResult &s)
{
    return s.outcome == SessionOutcome::Completed || s.stoppedAt == ProbeStep::StartTls
           || s.stoppedAt == ProbeStep::Handshake || s.stoppedAt == ProbeStep::Quit;
}

QString versionName(const QString &protocol)
{
    if (protocol == QLatin1String("TLSv1"))
        return QStringLiteral("TLS 1.0");
    if (protocol.startsWith(QLatin1String("TLSv")))
        return QStringLiteral("TLS ") + protocol.mid(4);
    return protocol;
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString endpoint(const QHostAddress &address, quint16 port)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]:%2").arg(text).arg(port)
                                                               : QStringLiteral("%1:%2").arg(text).arg(port);
}

QString indented(const QString &text, int indent)
{
    QString out = text;
    out.replace(QLatin1Char('\n'), QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
    return out;
}

} // namespace

QString ProbeReportText::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good:
        return tr("good");
    case Verdict::Weak:
        return tr("weak");
    case Verdict::NoTls:
        return tr("no TLS");
    case Verdict::Unreachable:
        return tr("unreachable");
    }
    return QString();
}

QString ProbeReportText::wrap(const QString &text, int indent, int firstUsed, int width)
{
    QStringList lines;
    const QStringList paragraphs = text.split(QLatin1Char('\n'));
    int room = std::max(20, width - firstUsed);
    for (const QString &paragraph : paragraphs) {
        QString line;
        const QStringList words = paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > room) {
                lines.append(line);
                line.clear();
                room = std::max(20, width - indent);
            }
            line += line.isEmpty() ? word : QLatin1Char(' ') + word;
        }
        lines.append(line);
        room = std::max(20, width - indent);
    }
    return lines.join(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
}

namespace {

QString outcomeText(const SmtpSessionResult &s)
{
    switch (s.outcome) {
    case SessionOutcome::Completed:
        return QString();
    case SessionOutcome::ConnectFailed:
        return ProbeReportText::tr("could not connect");
    case SessionOutcome::TimedOut:
        return ProbeReportText::tr("timed out");
    case SessionOutcome::RateLimited:
        return ProbeReportText::tr("rate-limited, try later");
    case SessionOutcome::Rejected:
        return ProbeReportText::tr("rejected");
    case SessionOutcome::ProtocolError:
        return ProbeReportText::tr("not SMTP");
    case SessionOutcome::Cancelled:
        return ProbeReportText::tr("cancelled");
    }
    return QString();
}

QString keyExchangeText(const TlsHandshakeResult &tls)
{
    QString text = tls.keyExchange;
    if (!tls.group.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + tls.group;
    if (tls.keyExchangeBits > 0)
        text += ProbeReportText::tr(" (%1 bits)").arg(tls.keyExchangeBits);
    return text;
}

void addressBlock(QString &out, const AddressProbeResult &a, const QList<HostVerdict> &verdicts, int width)
{
    const QString pad(6, QLatin1Char(' '));
    QString head = QStringLiteral("    ") + endpoint(a.address, a.port);
    for (const HostVerdict &v : verdicts)
        if (v.mxName == a.mxName && v.address == a.address)
            head += QStringLiteral("  ") + ProbeReportText::verdictName(v.verdict);
    if (a.fromCache)
        head += ProbeReportText::tr("  (result of %1, reused)").arg(utcText(a.probedAt));
    out += head + QLatin1Char('\n');

    const SmtpSessionResult *primary = primarySession(a);
    if (!primary) {
        out += pad + ProbeReportText::tr("not probed") + QLatin1Char('\n');
        return;
    }
    if (!reachedEhlo(*primary)) {
        const QString line = primary->detail.isEmpty()
            ? ProbeReportText::tr("not reached: %1").arg(outcomeText(*primary))
            : ProbeReportText::tr("not reached: %1: %2").arg(outcomeText(*primary), primary->detail);
        out += pad + ProbeReportText::wrap(line, 8, 6, width) + QLatin1Char('\n');
        return;
    }
    if (!primary->banner.isEmpty())
        out += pad + ProbeReportText::tr("greeting: %1").arg(primary->banner.constFirst()) + QLatin1Char('\n');
    if (!primary->startTlsAdvertised) {
        out += pad
               + (primary->ehloLooksStripped
                      ? ProbeReportText::tr("STARTTLS: not offered (masked on the way)")
                      : ProbeReportText::tr("STARTTLS: not offered"))
               + QLatin1Char('\n');
        return;
    }
    const TlsHandshakeResult &tls = primary->tls;
    if (tls.established) {
        out += pad
               + ProbeReportText::tr("STARTTLS: %1, %2, %3").arg(tls.protocol, tls.cipher, keyExchangeText(tls))
               + QLatin1Char('\n');
    } else {
        const bool refused = !primary->startTlsReply.isEmpty() && !primary->startTlsReply.startsWith(QLatin1Char('2'));
        const QString why = refused ? primary->startTlsReply : !tls.error.isEmpty() ? tls.error : primary->detail;
        out += pad + ProbeReportText::wrap(ProbeReportText::tr("STARTTLS: failed: %1").arg(why), 8, 6, width)
               + QLatin1Char('\n');
    }

    if (const SmtpSessionResult *dhe = sessionOf(a, TlsProfile::DheOnly)) {
        if (dhe->tls.established && dhe->tls.keyExchangeBits > 0) {
            const std::optional<KnownDhGroup> known = KnownDhGroups::identify(dhe->tls.dhPrime);
            out += pad
                   + (known ? ProbeReportText::tr("DHE: %1 bits, %2").arg(dhe->tls.keyExchangeBits).arg(known->name)
                            : ProbeReportText::tr("DHE: %1 bits, a group of its own").arg(dhe->tls.keyExchangeBits))
                   + QLatin1Char('\n');
        } else if (dhe->tlsAttempted && !dhe->tls.established) {
            out += pad + ProbeReportText::tr("DHE: not accepted") + QLatin1Char('\n');
        }
    }

    QStringList versions;
    const std::pair<TlsProfile, const char *> versionProfiles[] = {{TlsProfile::OnlyTls10, "TLS 1.0"},
                                                                   {TlsProfile::OnlyTls11, "TLS 1.1"},
                                                                   {TlsProfile::OnlyTls12, "TLS 1.2"},
                                                                   {TlsProfile::OnlyTls13, "TLS 1.3"}};
    for (const auto &[profile, name] : versionProfiles) {
        const SmtpSessionResult *s = sessionOf(a, profile);
        if (!s)
            continue;
        // The server chose this version in some session (the protocol is
        // known only after its ServerHello), or refused it before.
        const bool chosen = std::any_of(a.sessions.cbegin(), a.sessions.cend(), [name = name](const SmtpSessionResult &x) {
            return versionName(x.tls.protocol) == QLatin1String(name);
        });
        const QString state = chosen ? ProbeReportText::tr("yes")
                              : s->tlsAttempted && s->tls.protocol.isEmpty()
                                      && (s->outcome == SessionOutcome::Completed
                                          || s->outcome == SessionOutcome::ProtocolError)
                                  ? ProbeReportText::tr("no")
                                  : ProbeReportText::tr("not checked");
        versions.append(QStringLiteral("%1 %2").arg(QLatin1String(name), state));
    }
    if (!versions.isEmpty())
        out += pad + ProbeReportText::tr("versions: %1").arg(versions.join(QStringLiteral(", "))) + QLatin1Char('\n');

    const SmtpSessionResult *withCertificate = tls.established ? primary : nullptr;
    for (const SmtpSessionResult &s : a.sessions)
        if (!withCertificate && s.tls.established)
            withCertificate = &s;
    if (withCertificate && !withCertificate->tls.chain.isEmpty()) {
        const TlsHandshakeResult &t = withCertificate->tls;
        const CertificateInfo &leaf = t.chain.constFirst();
        out += pad + ProbeReportText::wrap(ProbeReportText::tr("certificate: %1").arg(leaf.subject), 8, 6, width)
               + QLatin1Char('\n');
        const QString dateFormat = QStringLiteral("yyyy-MM-dd");
        out += pad + QStringLiteral("  ")
               + ProbeReportText::wrap(ProbeReportText::tr("issuer: %1; valid %2 to %3")
                                           .arg(leaf.issuer, leaf.notBefore.toUTC().toString(dateFormat),
                                                leaf.notAfter.toUTC().toString(dateFormat)),
                                       10, 8, width)
               + QLatin1Char('\n');
        const QString trust = t.certificateVerified ? ProbeReportText::tr("trusted")
                              : t.verifyError.isEmpty()
                                  ? ProbeReportText::tr("not trusted")
                                  : ProbeReportText::tr("not trusted (%1)").arg(t.verifyError);
        const QString name = t.nameMatches ? ProbeReportText::tr("valid for %1").arg(a.mxName)
                                           : ProbeReportText::tr("not valid for %1").arg(a.mxName);
        out += pad + QStringLiteral("  ")
               + ProbeReportText::wrap(ProbeReportText::tr("names: %1; %2; %3")
                                           .arg(leaf.subjectAltNames.join(QStringLiteral(", ")), trust, name),
                                       10, 8, width)
               + QLatin1Char('\n');
    }
}

void policyLines(QString &out, const ProbeReport &r, int width)
{
    if (r.mtaSts) {
        const MtaStsResult &m = *r.mtaSts;
        QString line;
        if (!m.recordError.isEmpty())
            line = ProbeReportText::tr("MTA-STS: record not usable: %1").arg(m.recordError);
        else if (!m.recordFound)
            line = ProbeReportText::tr("MTA-STS: none");
        else if (!m.policyFetched || !m.policyError.isEmpty())
            line = ProbeReportText::tr("MTA-STS: record %1, policy not fetched: %2")
                       .arg(m.record, m.policyError.isEmpty() ? ProbeReportText::tr("not fetched") : m.policyError);
        else
            line = ProbeReportText::tr("MTA-STS: mode %1, mx %2, max_age %3 (id %4)")
                       .arg(m.mode, m.mxPatterns.join(QStringLiteral(", ")))
                       .arg(m.maxAge)
                       .arg(m.id);
        out += QStringLiteral("  ") + ProbeReportText::wrap(line, 4, 2, width) + QLatin1Char('\n');
    }
    if (r.tlsRpt) {
        const TlsRptResult &t = *r.tlsRpt;
        const QString line = !t.error.isEmpty() ? ProbeReportText::tr("TLS-RPT: record not usable: %1").arg(t.error)
                             : !t.recordFound   ? ProbeReportText::tr("TLS-RPT: none")
                                                : ProbeReportText::tr("TLS-RPT: reports to %1")
                                                    .arg(t.reportUris.join(QStringLiteral(", ")));
        out += QStringLiteral("  ") + ProbeReportText::wrap(line, 4, 2, width) + QLatin1Char('\n');
    }
}

} // namespace

QString ProbeReportText::format(const ProbeReport &r, int width)
{
    QString out;
    const bool domain = r.target.kind == ProbeTarget::Kind::Domain;
    QString target = r.target.name;
    if (!domain)
        target = QHostAddress(r.target.name).protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]:%2").arg(r.target.name).arg(r.target.port)
            : QStringLiteral("%1:%2").arg(r.target.name).arg(r.target.port);
    out += tr("%1: %2").arg(target, verdictName(r.verdict)) + QLatin1Char('\n');
    if (r.started.isValid()) {
        const qint64 ms = r.finished.isValid() ? r.started.msecsTo(r.finished) : 0;
        const QString seconds = QString::number(double(ms) / 1000.0, 'f', 1);
        out += QStringLiteral("  ")
               + (r.sessionsUsed == 1 ? tr("probed %1, %2 s, 1 SMTP session").arg(utcText(r.started), seconds)
                                      : tr("probed %1, %2 s, %3 SMTP sessions")
                                            .arg(utcText(r.started), seconds)
                                            .arg(r.sessionsUsed))
               + (r.cancelled ? tr(" (cancelled)") : QString()) + QLatin1Char('\n');
    }

    if (domain && r.mx.nullMx)
        out += QStringLiteral("  ") + tr("takes no mail (null MX)") + QLatin1Char('\n');
    else if (r.mx.hosts.isEmpty() && !r.mx.error.isEmpty())
        out += QStringLiteral("  ") + wrap(tr("no mail servers found: %1").arg(r.mx.error), 4, 2, width)
               + QLatin1Char('\n');

    QList<const AddressProbeResult *> shown;
    for (const MxHost &h : r.mx.hosts) {
        QString head;
        if (!domain)
            head = tr("host %1").arg(h.name);
        else if (r.mx.implicitMx)
            head = tr("%1 (no MX record: the domain's own addresses)").arg(h.name);
        else
            head = tr("MX %1 %2").arg(h.preference).arg(h.name);
        if (h.addresses.isEmpty())
            head += tr(": no address (%1)").arg(h.error.isEmpty() ? tr("no A or AAAA records") : h.error);
        out += QStringLiteral("  ") + head + QLatin1Char('\n');
        for (const AddressProbeResult &a : r.addresses) {
            if (a.mxName.compare(h.name, Qt::CaseInsensitive) != 0 || shown.contains(&a))
                continue;
            shown.append(&a);
            addressBlock(out, a, r.hostVerdicts, width);
        }
    }
    for (const AddressProbeResult &a : r.addresses) {
        if (shown.contains(&a))
            continue;
        out += QStringLiteral("  ") + tr("host %1").arg(a.mxName) + QLatin1Char('\n');
        addressBlock(out, a, r.hostVerdicts, width);
    }

    if (r.findings.isEmpty()) {
        out += QStringLiteral("  ") + tr("findings: none") + QLatin1Char('\n');
    } else {
        out += QStringLiteral("  ") + tr("findings:") + QLatin1Char('\n');
        for (const Finding &f : r.findings) {
            QString where;
            if (!f.mxName.isEmpty() && !f.address.isNull() && f.mxName != f.address.toString())
                where = QStringLiteral("%1 (%2): ").arg(f.mxName, f.address.toString());
            else if (!f.mxName.isEmpty())
                where = f.mxName + QStringLiteral(": ");
            const QString head = QStringLiteral("[%1] ").arg(ProbeTitles::severity(f.severity).toUpper()) + where + f.title;
            out += QStringLiteral("    ") + wrap(head, 6, 4, width) + QLatin1Char('\n');
            if (!f.evidence.isEmpty())
                out += QStringLiteral("      ") + indented(tr("evidence: %1").arg(f.evidence), 16)
                       + QLatin1Char('\n');
            if (!f.advice.isEmpty())
                out += QStringLiteral("      ") + wrap(tr("advice: %1").arg(f.advice), 14, 6, width)
                       + QLatin1Char('\n');
        }
    }
    policyLines(out, r, width);
    return out;
}

} // namespace mailtls
