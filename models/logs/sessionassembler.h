#pragma once

#include <cstdint>

#include <QByteArray>
#include <QString>

#include "models/logs/logevent.h"
#include "models/logs/logline.h"
#include "models/logs/records.h"

namespace mailtls {

// Correlates Postfix events, in log order, into finished records exactly as
// COUNTING.md defines them: smtpd sessions by pid, smtp connections by pid and
// relay (connection reuse, multi-recipient transactions), queue ids to sizes,
// TLS failure attempts, submission apart, local hops flagged.
//
// Records are emitted as soon as they are countable; a later line that changes
// one (disconnect statistics that make a session submission or encrypted, a
// plaintext delivery to a peer already counted as encrypted) emits it again with
// the same key and the store replaces it.
//
// Its open state (sessions per pid, pending TLS lines, queue ids awaiting sizes,
// unfinished failure attempts) can be saved and restored, so reading a log through
// any number of restarts gives the records of one clean read.
class SessionAssembler final
{
public:
    SessionAssembler();
    ~SessionAssembler();
    SessionAssembler(const SessionAssembler &) = delete;
    SessionAssembler &operator=(const SessionAssembler &) = delete;

    // `offset`: byte offset of the line within its source (provenance).
    void feed(const LogLine &line, const LogEvent &event, std::int64_t offset);

    // End of a one-shot read (a report straight from a log): close every open
    // session and pending failure attempt as if the log ended them.
    void finish();

    // Records finished since the last call.
    AssemblerOutput takeOutput();
    // Records taken before and no longer needed: later records reuse their
    // buffers (see AssemblerRecords), sparing the allocations of new ones and
    // the frees of these on whichever thread is done with them.
    void recycle(AssemblerOutput &&spent);

    QByteArray saveState() const;
    bool restoreState(const QByteArray &state, QString *error);

private:
    struct State;
    State *d;
};

} // namespace mailtls
