#pragma once

#include <string>
#include <string_view>

#include "models/logs/assemblertypes.h"
#include "models/logs/logevent.h"

// How SessionAssembler names the remote end of a line (COUNTING.md "Peer",
// "Local hop"), written into caller-owned strings so that a line costs no
// allocation once the buffers have grown.
namespace mailtls::assembler {

// Lower-case host without its trailing dot; the IP when the host is "unknown" or empty.
void normalisePeerName(std::string_view host, std::string_view ip, std::string &out);

bool isLoopback(std::string_view ip);

// Loopback peers, relay=none/local, unix-socket relays (private/…, public/…)
// and the local delivery agents.
bool isLocalHop(Daemon daemon, std::string_view host, std::string_view ip);

void setPeer(PeerState &peer, Daemon daemon, std::string_view host, std::string_view ip, int port);

// "host[ip]:port" with the host lower-cased: how an smtp pid's TLS lines are
// matched to its delivery lines.
void makeRelayKey(std::string_view host, std::string_view ip, int port, std::string &out);

// Which problem names an attempt when its lines say several things: the most
// specific words win ("dh key too small" over "handshake failure" over "-1").
int problemRank(TlsProblem problem);

} // namespace mailtls::assembler
