#pragma once

#include <cstdint>
#include <map>
#include <string>
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

// The delivery half of SessionAssembler (COUNTING.md "Postfix, outbound"):
// which connection each smtp delivery line used (cached, same transaction, new),
// one message per (queue id, peer) with a sent line, and TLS failure attempts.
class AssemblerOutbound final
{
public:
    AssemblerOutbound(AssemblerQueue &queue, AssemblerRecords &records, AssemblerStrings &strings);

    // SmtpTlsEstablished, SmtpTlsReused, SmtpTlsFailure of an smtp or lmtp process.
    // `hints`: SessionAssembler::prepare() of the event, or none.
    void tlsLine(std::uint64_t pid, std::int64_t time, const LogEvent &event,
                 std::int64_t offset, std::int64_t now, const AssemblerHints *hints);
    // Delivery lines of every delivery agent.
    void delivery(std::uint64_t pid, std::int64_t time, const LogEvent &event,
                  std::int64_t offset, std::int64_t now, const AssemblerHints *hints);

    // The first qmgr from= line of a queue id arrived after some of its messages.
    void queued(std::string_view queueId, assembler::QueueEntry &entry);

    void expire(std::int64_t now);
    void finish();

    std::size_t size() const { return m_processes.size(); }
    void clear()
    {
        m_processes.clear();
        m_silence.clear();
    }
    void save(QDataStream &out) const;
    bool load(QDataStream &in, int version);

private:
    // The connection a delivery line went over, as far as the counting goes.
    struct Use
    {
        bool encrypted = false;
        bool newConnection = false;
        const assembler::TlsState *tls = nullptr;
        std::int64_t tlsOffset = -1;
    };

    assembler::SmtpProcess &process(std::uint64_t pid, std::int64_t now);
    // Records a line of the process at `time` (its last line, for expiry).
    void touch(std::uint64_t pid, assembler::SmtpProcess &p, std::int64_t time);
    Use connectionOf(assembler::SmtpProcess &p, const LogEvent &event);
    void failures(assembler::SmtpProcess &p, std::int64_t time, const LogEvent &event,
                  std::int64_t offset);
    void countSent(std::int64_t time, const LogEvent &event, std::int64_t offset, const Use &use);

    void start(assembler::Attempt &a, std::int64_t time, const LogEvent &event,
               std::int64_t offset);
    void join(assembler::Attempt &a, const LogEvent &event, std::int64_t offset);
    void setRelay(assembler::Attempt &a, const LogEvent &event);
    void conclude(assembler::Attempt &a);
    void emitAttempt(const assembler::Attempt &a);
    void emitConnection(std::int64_t time, const LogEvent &event, std::int64_t offset,
                        const Use &use);
    void emitMessage(std::string_view queueId, assembler::QueueEntry &entry,
                     assembler::OutboundMessage &message);
    void endSorted(std::vector<std::uint64_t> pids, bool erase);

    AssemblerQueue &m_queue;
    AssemblerRecords &m_records;
    AssemblerStrings &m_strings;
    AssemblerTable<std::uint64_t, assembler::SmtpProcess> m_processes;
    // Pids by the hour of their last line (SmtpProcess::silenceSlot); a pid may
    // also linger under an earlier hour, which expire() then drops.
    std::map<std::int64_t, std::vector<std::uint64_t>> m_silence;
    // The remote end of the delivery line being read, made once (linePeer())
    // for its connection and its message.
    const assembler::PeerState &linePeer(const LogEvent &event);

    // Per-line scratch, reused so that a line costs no allocation.
    std::string_view m_relay;        // assembler::relayKey() of the line being read
    std::string m_relayBuffer;
    const AssemblerHints *m_hints = nullptr;   // of the line being fed
    assembler::PeerState m_linePeer;
    bool m_linePeerSet = false;
};

} // namespace mailtls
