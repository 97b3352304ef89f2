#pragma once

#include <cstdint>

namespace mailtls {

// What SessionAssembler works out from one line alone, before it correlates the
// line: made by whoever parses the line (SessionAssembler::prepare()), on any
// thread, so that the one thread that takes every line in order has less to
// do. Hashes are those the assembler looks texts up by (AssemblerStrings',
// AssemblerQueue's); a hash of 0 (or hints left unset) only costs the lookup
// its own hashing.
struct AssemblerHints
{
    std::uint64_t peerName = 0;   // the peer's normalised name (assembler::setPeer())
    std::uint64_t peerIp = 0;     // its lower-cased address
    std::uint64_t tls[3] = {};    // the TLS protocol, cipher and key exchange
    std::uint64_t queueId = 0;    // AssemblerQueue::hash() of the queue id
    bool lowerCase = false;       // host and address hold no upper-case letter
    bool peerSet = false;         // peerName, peerIp and lowerCase are set
};

} // namespace mailtls
