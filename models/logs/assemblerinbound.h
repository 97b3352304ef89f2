#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <QDataStream>

#include "models/logs/assemblerhints.h"
#include "models/logs/assemblertable.h"
#include "models/logs/assemblertypes.h"
#include "models/logs/logevent.h"
#include "models/logs/records.h"

namespace mailtls {

class AssemblerQueue;
class AssemblerRecords;

// The smtpd half of SessionAssembler (COUNTING.md "Postfix, inbound"): one
// session per pid, its connection and TLS failure at its end, its client= lines
// as messages once they reach the queue.
class AssemblerInbound final
{
public:
    AssemblerInbound(AssemblerQueue &queue, AssemblerRecords &records, AssemblerStrings &strings);

    // SmtpdConnect, SmtpdClient, SmtpdTlsEstablished, SmtpdTlsFailure, SmtpdDisconnect.
    // `pid` identifies the process (host and pid); `now` is the latest log time.
    // `hints`: SessionAssembler::prepare() of the event, or none.
    void feed(std::uint64_t pid, std::int64_t time, const LogEvent &event, std::int64_t offset,
              std::int64_t now, const AssemblerHints *hints);

    // The first qmgr from= line of `queueId` was just recorded in `entry`.
    void queued(std::string_view queueId, assembler::QueueEntry &entry);

    // A reject: line of the smtpd process `pid` (LogEvent::smtpdReject).
    void rejected(std::uint64_t pid);

    // Ends sessions silent since before `now` minus the silence limit.
    void expire(std::int64_t now);
    void finish();

    std::size_t size() const { return m_sessions.size(); }
    void clear() { m_sessions.clear(); }
    void save(QDataStream &out) const;
    bool load(QDataStream &in, int version);

private:
    void open(assembler::Session &session, std::int64_t time, const LogEvent &event,
              std::int64_t offset);
    void client(std::uint64_t pid, assembler::Session &session, std::int64_t time,
                const LogEvent &event, std::int64_t offset);
    // `disconnect`: offset of the disconnect line, -1 when the session ends otherwise.
    void close(std::uint64_t pid, assembler::Session &session, std::int64_t disconnect);
    void closeSorted(std::vector<std::uint64_t> pids);
    // A session refused for not using TLS, ended by the disconnect line at `offset`.
    void refuse(const assembler::Session &session, std::int64_t time, const LogEvent &event,
                std::int64_t offset);
    // `entry`: the message's queue entry when known (its record strings are shared).
    void emitMessage(assembler::InboundMessage &message, assembler::QueueEntry *entry);

    AssemblerQueue &m_queue;
    AssemblerRecords &m_records;
    AssemblerStrings &m_strings;
    AssemblerTable<std::uint64_t, assembler::Session> m_sessions;
    const AssemblerHints *m_hints = nullptr;   // of the line being fed
};

} // namespace mailtls
