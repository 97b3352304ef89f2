#include "models/store/lineoffsetcodec.h"

#include <cstdint>

namespace mailtls {

namespace {

constexpr int maxVarintBytes = 10; // 64 bits at 7 bits a byte

void appendVarint(QByteArray &out, std::uint64_t value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

} // namespace

QByteArray LineOffsetCodec::encode(const LineOffsets &offsets)
{
    QByteArray out;
    out.reserve(int(offsets.size()) * 2);
    std::uint64_t previous = 0;
    for (const std::int64_t offset : offsets) {
        // Unsigned arithmetic: differences wrap instead of overflowing.
        const auto delta = std::int64_t(std::uint64_t(offset) - previous);
        const std::uint64_t zigzag = (std::uint64_t(delta) << 1) ^ std::uint64_t(delta >> 63);
        appendVarint(out, zigzag);
        previous = std::uint64_t(offset);
    }
    return out;
}

std::optional<LineOffsets> LineOffsetCodec::decode(const QByteArray &packed)
{
    LineOffsets offsets;
    std::uint64_t previous = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(packed.constData());
    const qsizetype size = packed.size();
    qsizetype i = 0;
    while (i < size) {
        std::uint64_t zigzag = 0;
        int shift = 0;
        int count = 0;
        bool more = true;
        while (more) {
            if (i >= size || count == maxVarintBytes)
                return std::nullopt;
            const unsigned char byte = data[i++];
            if (count == maxVarintBytes - 1 && byte > 1)
                return std::nullopt; // bits beyond the 64th
            zigzag |= std::uint64_t(byte & 0x7f) << shift;
            shift += 7;
            ++count;
            more = (byte & 0x80) != 0;
        }
        const std::uint64_t delta = (zigzag >> 1) ^ (~(zigzag & 1) + 1);
        previous += delta;
        offsets.push_back(std::int64_t(previous));
    }
    return offsets;
}

} // namespace mailtls
