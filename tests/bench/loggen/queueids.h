#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

#include "tests/bench/loggen/random.h"

namespace mailtls::bench {

// Postfix queue ids, unique within one generated log: mostly the classic
// "3F2A81C0E2" (microseconds in 5 hex digits, then the queue file's inode) and
// some of the enable_long_queue_ids kind, "4Yx1Kq3W0dz9ZQk" (seconds and
// microseconds in base 52, "z", the inode in base 51).
class QueueIds final
{
public:
    explicit QueueIds(Random &random);

    std::string next(std::int64_t micros);
    // A queue id of the remote server ("250 2.0.0 Ok: queued as …"); need not be unique.
    std::string remote();

private:
    Random &m_random;
    std::uint64_t m_inode;
    std::unordered_set<std::string> m_issued;
};

} // namespace mailtls::bench
