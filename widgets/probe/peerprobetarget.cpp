#include "widgets/probe/peerprobetarget.h"

#include <algorithm>

#include <QHash>
#include <QHostAddress>

#include "models/domains/registrabledomain.h"
#include "models/probe/probetargetparser.h"

namespace mailtls {

std::optional<ProbeTarget> PeerProbeTarget::of(const QString &peer)
{
    const QHostAddress address(peer);
    if (!address.isNull()) {
        ProbeTarget target;
        target.kind = ProbeTarget::Kind::Host;
        target.name = address.toString().toLower();
        return target;
    }
    QString error;
    std::optional<ProbeTarget> target = ProbeTargetParser::parse(RegistrableDomain::of(peer), 25, &error);
    if (!target || target->kind != ProbeTarget::Kind::Domain)
        return std::nullopt;
    return target;
}

QList<ProbeTarget> PeerProbeTarget::ofPlaintextPeers(const QList<PeerFigures> &peers)
{
    QList<PeerFigures> plaintext;
    for (const PeerFigures &p : peers)
        if (p.plaintextMessages > 0 && p.direction != Direction::Submission)
            plaintext << p;
    std::stable_sort(plaintext.begin(), plaintext.end(), [](const PeerFigures &a, const PeerFigures &b) {
        return a.plaintextMessages > b.plaintextMessages;
    });
    QList<ProbeTarget> targets;
    for (const PeerFigures &p : std::as_const(plaintext)) {
        const std::optional<ProbeTarget> target = of(p.peer);
        if (target && !targets.contains(*target))
            targets << *target;
    }
    return targets;
}

} // namespace mailtls
