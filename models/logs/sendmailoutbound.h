#pragma once

#include <cstdint>
#include <vector>

#include <QDataStream>

#include "models/logs/assemblerrecords.h"
#include "models/logs/assemblerstrings.h"
#include "models/logs/assemblertable.h"
#include "models/logs/sendmailevent.h"
#include "models/logs/sendmailstate.h"

namespace mailtls {

// The delivery side of SendmailAssembler (COUNTING.md "Sendmail"), per pid:
//
// - STARTTLS=client, relay=H. says that the pid's next connection to H is
//   encrypted. A to= line to H [IP] uses the connection the pid holds to H
//   (Sendmail caches it for its next message for ConnectionCacheTimeout), or a
//   new one: encrypted iff a STARTTLS=client line for H came since its last
//   to= line to H. Each new connection is one connection record.
// - One outbound message is one (queue id, peer) with a stat=Sent line;
//   encrypted iff every such line went over an encrypted connection. Bytes and
//   sender come from the queue id's from= line, whichever comes first.
// - One TLS failure per attempt: "STARTTLS=client, error: connect failed" names
//   no relay; OpenSSL's detail lines, "STARTTLS: read error", the tls_server
//   rejection and a deferral for the same reason join it, and its relay is the
//   first of the pid's later lines to name one.
class SendmailOutbound final
{
public:
    SendmailOutbound(AssemblerRecords &records, AssemblerStrings &strings);

    // Any from= line: the queue id's size, sender and arrival.
    void queued(std::int64_t time, const SendmailEvent &event, std::int64_t offset);
    void clientTls(std::uint64_t pid, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                   bool local);
    void clientFailure(std::uint64_t pid, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                       bool local);
    // ClientTlsDetail and TlsIoError: false when the pid has no open attempt.
    bool detail(std::uint64_t pid, std::int64_t time, const SendmailEvent &event, std::int64_t offset);
    void tlsServerReject(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                         std::int64_t offset, bool local);
    void delivery(std::uint64_t pid, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                  bool local);

    void expire(std::int64_t now);
    void finish();
    void clear();

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    struct Use
    {
        bool encrypted = false;
        const assembler::TlsState *tls = nullptr;
        std::int64_t tlsOffset = -1;
    };

    sendmail::Sender &sender(std::uint64_t pid, std::int64_t time);
    sendmail::Connection &connection(sendmail::Sender &p, std::string_view relay);
    void forget(sendmail::Sender &p, std::string_view relay);

    void start(sendmail::Sender &p, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
               bool local);
    void join(sendmail::Sender &p, const SendmailEvent &event, std::int64_t offset, bool local);
    void setRelay(sendmail::Sender &p, const SendmailEvent &event, bool local);
    void conclude(assembler::Attempt &a);
    void emitAttempt(const assembler::Attempt &a);
    void failures(sendmail::Sender &p, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                  bool local);

    Use connect(sendmail::Sender &p, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                const assembler::PeerState &peer);
    void countSent(std::int64_t time, const SendmailEvent &event, std::int64_t offset, const Use &use,
                   const assembler::PeerState &peer);
    void emitMessage(std::string_view queueId, const sendmail::QueueEntry &entry,
                     assembler::OutboundMessage &m);
    // Drops the queue id once every recipient of its from= line has a final status.
    void settle(std::string_view queueId, const sendmail::QueueEntry &entry);
    void endSorted(std::vector<std::uint64_t> pids, bool erase);

    AssemblerRecords &m_records;
    AssemblerStrings &m_strings;
    AssemblerTable<std::uint64_t, sendmail::Sender> m_senders;
    AssemblerTable<AssemblerText, sendmail::QueueEntry> m_queue;
    AssemblerText m_relay;   // the normalised relay name of the line at hand
};

} // namespace mailtls
