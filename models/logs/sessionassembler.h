#pragma once

#include <cstdint>

#include <QByteArray>
#include <QString>

#include "models/logs/assemblerhints.h"
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
    // The same from what feed() reads of the line: its time and the process
    // that wrote it (processOf()), for a reader that keeps events without
    // their lines (ParallelIngest).
    void feed(std::int64_t time, std::uint64_t process, const LogEvent &event, std::int64_t offset);
    // The same, with what prepare() worked out from the event ahead.
    void feed(std::int64_t time, std::uint64_t process, const LogEvent &event, std::int64_t offset,
              const AssemblerHints &hints);
    // The process (host and pid) a line names.
    static std::uint64_t processOf(const LogLine &line);
    // What feed() works out from an event alone (normalised peer names and the
    // hashes it looks texts up by): for a parser on another thread to work out,
    // so that the thread that must take every line in order has less to do.
    static void prepare(const LogEvent &event, AssemblerHints &hints);

    // A line that changes no record (an Ignored event) only moves the log's
    // clock, by which open state expires. When canPass() says so for such a
    // line at `time`, `latest` being the latest time of the lines before it in
    // the same read, it need not be fed at all: passing on the latest time of
    // the lines left out, with passTime() before the next line fed, has the
    // same effect (they cannot start an expiry sweep).
    static bool canPass(std::int64_t time, std::int64_t latest);
    void passTime(std::int64_t time);

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
    void feedWith(std::int64_t time, std::uint64_t process, const LogEvent &event, std::int64_t offset,
                  const AssemblerHints *hints);

    struct State;
    State *d;
};

} // namespace mailtls
