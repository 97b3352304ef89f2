#pragma once

#include <cstdint>
#include <utility>

#include <QByteArray>
#include <QString>

#include "models/logs/logline.h"
#include "models/logs/records.h"

namespace mailtls {

// Turns one MTA's log lines into the records of COUNTING.md, as
// SessionAssembler does for Postfix: Sendmail and Exim each have one. Lines
// arrive in log order, one source per instance; records carry the byte
// offsets of the lines that made them (LineOffsets), so a figure can be
// checked against its lines.
class MtaAssembler
{
public:
    virtual ~MtaAssembler() = default;

    // True when the line is this MTA's and was used or deliberately passed
    // over; false when it is not this MTA's line or no rule knows it (it is
    // then counted as unrecognised under its program).
    virtual bool feed(const LogLine &line, std::int64_t offset) = 0;
    // The log's clock reached `time` (lines of other programs): sessions and
    // attempts open for too long are closed, as later lines would.
    virtual void passTime(std::int64_t time) = 0;
    // The end of the input: whatever is still open is settled.
    virtual void finish() = 0;
    // The records completed since the last call.
    virtual AssemblerOutput takeOutput() = 0;
    // An output its reader is done with, handed back so that later records
    // reuse its buffers instead of allocating (the default drops it).
    virtual void recycle(AssemblerOutput &&spent) { AssemblerOutput dropped = std::move(spent); }
    // What is still open, so that following a log can resume after a restart
    // without counting a line twice or losing a session's start.
    virtual QByteArray saveState() const = 0;
    virtual bool restoreState(const QByteArray &state, QString *error) = 0;
};

} // namespace mailtls
