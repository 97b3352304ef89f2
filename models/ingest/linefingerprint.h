#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include <QByteArray>
#include <QtEndian>

namespace mailtls {

// A 32-bit fingerprint of one log line (as LogReader returns it: without its
// newline and a CR before it), stored for every line an import reads so that
// a file whose lines were read already is recognised later, wherever it
// begins in the log read before (ImportedSources, LogOverlap). It is not a
// proof of equality: a match is always checked against the following lines
// as well, and the lines an import goes on after are checked with SHA-256.
//
// Fast, since every line imported is fingerprinted (on LogReader's thread), and
// the same on every machine, since fingerprints are stored: eight bytes at a
// time read as little-endian, one multiply each, then a final mix.
class LineFingerprint final
{
public:
    static std::uint32_t of(std::string_view line)
    {
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
        std::uint64_t h = 0x243F6A8885A308D3ULL ^ (std::uint64_t(line.size()) * k);
        const char *p = line.data();
        std::size_t n = line.size();
        while (n >= 8) {
            h = (h ^ qFromLittleEndian<std::uint64_t>(p)) * k;
            h ^= h >> 29;
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            unsigned char tail[8] = {};
            std::memcpy(tail, p, n);
            h = (h ^ qFromLittleEndian<std::uint64_t>(tail)) * k;
            h ^= h >> 29;
        }
        // splitmix64's finaliser: every input bit reaches both halves.
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBULL;
        h ^= h >> 31;
        return std::uint32_t(h ^ (h >> 32));
    }

    static void append(QByteArray &to, std::uint32_t fingerprint)
    {
        char bytes[4];
        qToLittleEndian(fingerprint, bytes);
        to.append(bytes, 4);
    }
    static std::uint32_t at(const QByteArray &from, qsizetype index)
    {
        return qFromLittleEndian<std::uint32_t>(from.constData() + 4 * index);
    }
};

} // namespace mailtls
