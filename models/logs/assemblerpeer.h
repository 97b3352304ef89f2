#pragma once

#include <string>
#include <string_view>

#include "models/logs/assemblerhints.h"
#include "models/logs/assemblertypes.h"
#include "models/logs/logevent.h"

// How SessionAssembler names the remote end of a line (COUNTING.md "Peer",
// "Local hop"), written into caller-owned strings so that a line costs no
// allocation once the buffers have grown.
namespace mailtls::assembler {

// Lower-case host without its trailing dot; the IP when the host is "unknown" or empty.
void normalisePeerName(std::string_view host, std::string_view ip, AssemblerText &out);

bool isLoopback(std::string_view ip);

// Loopback peers, relay=none/local, unix-socket relays (private/…, public/…)
// and the local delivery agents.
bool isLocalHop(Daemon daemon, std::string_view host, std::string_view ip);

// Also finds the record strings of name and ip in `strings`, with the work
// `hints` (when set: peerHints() of the same host and ip) did already.
void setPeer(PeerState &peer, Daemon daemon, std::string_view host, std::string_view ip, int port,
             AssemblerStrings &strings, const AssemblerHints *hints = nullptr);
// What setPeer() can be told ahead of host and ip.
void peerHints(std::string_view host, std::string_view ip, AssemblerHints &hints);

// "host[ip]:port" with the host lower-cased: how an smtp pid's TLS lines are
// matched to its delivery lines. The line's own text when it says exactly that
// (host and ip are views of it, as the parser made them), else written into
// `buffer`; valid as long as both are.
std::string_view relayKey(std::string_view host, std::string_view ip, int port, std::string &buffer);

// Which line names an attempt when its lines say several things: words over a
// bare OpenSSL return code ("-1"), then the most specific problem ("dh key too
// small" over OpenSSL's "no protocols available" over Postfix's "Cannot start
// TLS: handshake failure").
int problemScore(TlsProblem problem, std::string_view text);

// The words of an OpenSSL error string ("error:0A00018A:SSL routines::dh key too
// small:../ssl/statem/statem_clnt.c:2156:" says "dh key too small"); other text as it is.
std::string_view readableReason(std::string_view text);

} // namespace mailtls::assembler
