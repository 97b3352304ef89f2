#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "models/probe/probetypes.h"
#include "models/store/peerfigures.h"

namespace mailtls {

// What probing a dashboard peer means: a peer named by its address is that
// address (port 25); a peer named by a host or a domain is its registrable
// domain's mail servers, the ones a sending server meets. Safe on any thread.
class PeerProbeTarget final
{
public:
    // std::nullopt for a name that is no probe target.
    static std::optional<ProbeTarget> of(const QString &peer);
    // "Probe all plaintext peers": each peer with plaintext messages, inbound
    // or outbound (submission clients run no mail server), most plaintext
    // first, each target once.
    static QList<ProbeTarget> ofPlaintextPeers(const QList<PeerFigures> &peers);
};

} // namespace mailtls
