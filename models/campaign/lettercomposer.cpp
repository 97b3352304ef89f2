#include "models/campaign/lettercomposer.h"

#include <algorithm>

#include <QDateTime>
#include <QMap>
#include <QSet>

namespace mailtls {

namespace {

bool severe(const Finding &f)
{
    return f.severity >= Severity::Medium;
}

// The advice kind a finding of a probe points at; empty for none.
QString adviceOfFinding(const Finding &f)
{
    const QString &code = f.code;
    if (code == QLatin1String("no-starttls") || code == QLatin1String("starttls-stripped"))
        return QStringLiteral("no-starttls");
    if (code == QLatin1String("starttls-failed"))
        return f.evidence.contains(QLatin1String("dh key too small"), Qt::CaseInsensitive)
                   ? QStringLiteral("weak-dh")
                   : QStringLiteral("handshake");
    if (code == QLatin1String("dh-weak"))
        return QStringLiteral("weak-dh");
    if (code == QLatin1String("old-protocols") || code == QLatin1String("no-tls12"))
        return QStringLiteral("old-tls");
    if (code.startsWith(QLatin1String("certificate-")))
        return QStringLiteral("certificate");
    return QString();
}

QString indented(const QString &text, const QString &indent)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(indent);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString LetterComposer::timeText(qint64 utcSeconds)
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString LetterComposer::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good:
        return QStringLiteral("good");
    case Verdict::Weak:
        return QStringLiteral("weak");
    case Verdict::NoTls:
        return QStringLiteral("no-tls");
    case Verdict::Unreachable:
        break;
    }
    return QStringLiteral("unreachable");
}

QString LetterComposer::domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

QStringList LetterComposer::adviceFor(const CampaignPeer &peer, const ProbeReport *probe)
{
    QSet<QString> kinds;
    const QString &problem = peer.problem;
    if (problem == QLatin1String("refused"))
        kinds.insert(QStringLiteral("no-tls-client"));
    else if (problem == QLatin1String("not-offered"))
        kinds.insert(QStringLiteral("no-starttls"));
    else if (problem == QLatin1String("dh-key-too-small"))
        kinds.insert(QStringLiteral("weak-dh"));
    else if (problem == QLatin1String("certificate"))
        kinds.insert(QStringLiteral("certificate"));

    if (probe) {
        for (const Finding &f : probe->findings) {
            if (!severe(f))
                continue;
            const QString kind = adviceOfFinding(f);
            if (!kind.isEmpty())
                kinds.insert(kind);
        }
    }
    if (kinds.isEmpty())
        kinds.insert(probe ? QStringLiteral("handshake") : QStringLiteral("unknown"));

    QStringList ordered;
    for (const QString &kind : LetterTemplate::adviceKinds()) {
        if (kinds.contains(kind))
            ordered.append(kind);
    }
    return ordered;
}

QString LetterComposer::findingsText(const ProbeReport &report)
{
    QStringList lines{QStringLiteral("verdict: ") + verdictName(report.verdict)};
    for (const Finding &f : report.findings) {
        if (!severe(f))
            continue;
        QString where;
        if (!f.mxName.isEmpty())
            where = f.address.isNull() ? f.mxName + QLatin1Char(' ')
                                       : QStringLiteral("%1 (%2) ").arg(f.mxName, f.address.toString());
        if (f.evidence.isEmpty()) {
            lines.append(QStringLiteral("- %1%2").arg(where, f.code));
        } else if (!f.evidence.contains(QLatin1Char('\n'))) {
            lines.append(QStringLiteral("- %1%2: %3").arg(where, f.code, f.evidence));
        } else {
            lines.append(QStringLiteral("- %1%2:").arg(where, f.code));
            lines.append(indented(f.evidence, QStringLiteral("    ")));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QList<LetterInput> LetterComposer::correspondents(const QList<CampaignPeer> &peers)
{
    QMap<QString, LetterInput> byAddress;
    for (const CampaignPeer &peer : peers) {
        for (const QString &address : peer.theirAddresses) {
            const QString key = address.trimmed().toLower();
            if (key.isEmpty())
                continue;
            LetterInput &input = byAddress[key];
            input.recipientAddress = key;
            input.peers.append(peer);
        }
    }
    return byAddress.values();
}

ComposedLetter LetterComposer::compose(const LetterTemplate &letterTemplate, const LetterInput &input)
{
    QList<CampaignPeer> peers = input.peers;
    std::stable_sort(peers.begin(), peers.end(), [](const CampaignPeer &a, const CampaignPeer &b) {
        if (a.peer != b.peer)
            return a.peer < b.peer;
        return int(a.direction) < int(b.direction);
    });

    // Their mail servers: the MX hosts a probe found, else the servers our
    // log named for mail to them.
    QStringList mx;
    for (const CampaignPeer &peer : peers) {
        const auto probe = input.probes.constFind(peer.peer);
        if (probe == input.probes.cend())
            continue;
        for (const MxHost &host : probe->mx.hosts) {
            if (!mx.contains(host.name))
                mx.append(host.name);
        }
    }
    if (mx.isEmpty()) {
        for (const CampaignPeer &peer : peers) {
            if (peer.direction == Direction::Outbound && !mx.contains(peer.peer))
                mx.append(peer.peer);
        }
    }
    if (mx.isEmpty()) {
        for (const CampaignPeer &peer : peers) {
            if (!mx.contains(peer.peer))
                mx.append(peer.peer);
        }
    }

    QHash<QString, QString> values;
    values.insert(QStringLiteral("recipient_name"), input.recipientName);
    values.insert(QStringLiteral("recipient_address"), input.recipientAddress);
    values.insert(QStringLiteral("their_domain"), domainOf(input.recipientAddress));
    values.insert(QStringLiteral("their_mx"), mx.join(QStringLiteral(", ")));
    values.insert(QStringLiteral("our_domain"), domainOf(input.ourAddress));
    values.insert(QStringLiteral("our_address"), input.ourAddress);
    values.insert(QStringLiteral("signoff"), input.signoff.isEmpty() ? input.ourAddress : input.signoff);

    QStringList failures;
    QSet<QString> adviceKinds;
    QStringList probes;
    QSet<QString> probesSaid;
    for (const CampaignPeer &peer : peers) {
        const auto probe = input.probes.constFind(peer.peer);
        const ProbeReport *report = probe == input.probes.cend() ? nullptr : &*probe;
        for (const QString &kind : adviceFor(peer, report))
            adviceKinds.insert(kind);

        QHash<QString, QString> own = values;
        own.insert(QStringLiteral("peer"), peer.peer);
        own.insert(QStringLiteral("direction"),
                   LetterTemplate::fill(letterTemplate.section(peer.direction == Direction::Inbound
                                                                   ? QStringLiteral("direction:inbound")
                                                                   : QStringLiteral("direction:outbound")),
                                        values));
        own.insert(QStringLiteral("reason"), peer.reason.isEmpty() ? peer.problem : peer.reason);
        own.insert(QStringLiteral("count"), QString::number(peer.failures));
        own.insert(QStringLiteral("messages"), QString::number(peer.messages));
        own.insert(QStringLiteral("first_seen"), timeText(peer.firstSeen));
        own.insert(QStringLiteral("last_seen"), timeText(peer.lastSeen));
        own.insert(QStringLiteral("our_addresses"), peer.ourAddresses.join(QStringLiteral(", ")));
        own.insert(QStringLiteral("their_addresses"), peer.theirAddresses.join(QStringLiteral(", ")));
        failures.append(LetterTemplate::fill(letterTemplate.section(QStringLiteral("failure")), own));

        if (report) {
            // Two peers of one domain may share the domain's probe.
            const QString key = report->target.name + QLatin1Char('|')
                                + QString::number(report->finished.toSecsSinceEpoch());
            if (!probesSaid.contains(key)) {
                probesSaid.insert(key);
                QHash<QString, QString> probeValues = values;
                probeValues.insert(QStringLiteral("probe_target"), report->target.name);
                probeValues.insert(QStringLiteral("probed_at"),
                                   report->finished.isValid() ? timeText(report->finished.toSecsSinceEpoch())
                                                              : QString());
                probeValues.insert(QStringLiteral("findings"), findingsText(*report));
                probes.append(LetterTemplate::fill(letterTemplate.section(QStringLiteral("probe")), probeValues));
            }
        }
    }
    if (adviceKinds.isEmpty())
        adviceKinds.insert(QStringLiteral("unknown"));

    ComposedLetter letter;
    QStringList advice;
    for (const QString &kind : LetterTemplate::adviceKinds()) {
        if (!adviceKinds.contains(kind))
            continue;
        letter.advice.append(kind);
        advice.append(LetterTemplate::fill(letterTemplate.section(QStringLiteral("advice:") + kind), values));
    }

    QHash<QString, QString> bodyValues = values;
    bodyValues.insert(QStringLiteral("failures"), failures.join(QStringLiteral("\n\n")));
    bodyValues.insert(QStringLiteral("advice"), advice.join(QStringLiteral("\n\n")));
    bodyValues.insert(QStringLiteral("probe"),
                      probes.isEmpty() ? LetterTemplate::fill(letterTemplate.section(QStringLiteral("probe-none")),
                                                              values)
                                       : probes.join(QStringLiteral("\n\n")));

    // A value never makes the subject two lines.
    letter.subject = LetterTemplate::fill(letterTemplate.section(QStringLiteral("subject")), values)
                         .simplified();
    letter.body = LetterTemplate::fill(letterTemplate.section(QStringLiteral("body")), bodyValues);
    if (!letter.body.endsWith(QLatin1Char('\n')))
        letter.body += QLatin1Char('\n');
    return letter;
}

} // namespace mailtls
