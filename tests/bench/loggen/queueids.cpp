#include "tests/bench/loggen/queueids.h"

#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

namespace {

const char kBase52[] = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";

void appendBase(std::string &out, std::uint64_t value, unsigned base, int width)
{
    char buffer[24];
    int n = 0;
    do {
        buffer[n++] = kBase52[value % base];
        value /= base;
    } while (value != 0);
    for (int i = n; i < width; ++i)
        out += '0';
    while (n > 0)
        out += buffer[--n];
}

} // namespace

QueueIds::QueueIds(Random &random)
    : m_random(random)
    , m_inode(0x10000 + random.below(0x80000))
{
}

std::string QueueIds::next(std::int64_t micros)
{
    const bool longStyle = m_random.chance(0.15);
    std::string id;
    do {
        m_inode += 1 + m_random.below(5);
        if (m_inode > 0xFFFFF)
            m_inode = 0x1000 + m_random.below(0x1000);
        id.clear();
        const std::uint64_t usec = static_cast<std::uint64_t>(micros % 1000000);
        if (longStyle) {
            appendBase(id, static_cast<std::uint64_t>(micros / 1000000), 52, 6);
            appendBase(id, usec, 52, 4);
            id += 'z';
            appendBase(id, m_inode, 51, 1);
        } else {
            appendHex(id, usec, 5, true);
            appendHex(id, m_inode, 1, true);
        }
        micros += 1;
    } while (!m_issued.insert(id).second);
    return id;
}

std::string QueueIds::remote()
{
    std::string id;
    appendHex(id, m_random.below(1000000), 5, true);
    appendHex(id, 0x10000 + m_random.below(0xEFFFF), 1, true);
    return id;
}

} // namespace mailtls::bench
