#pragma once

#include <optional>

#include <QByteArray>

#include "models/logs/records.h"

namespace mailtls {

// Packs a record's provenance (the byte offsets of its lines) into the `lines`
// BLOB: each offset as the zigzag varint of its difference from the previous
// one. A record's lines are close together in log order, so most take one or
// two bytes instead of eight.
class LineOffsetCodec final
{
public:
    static QByteArray encode(const LineOffsets &offsets);
    // std::nullopt when `packed` is not a valid encoding (truncated or overlong).
    static std::optional<LineOffsets> decode(const QByteArray &packed);
};

} // namespace mailtls
