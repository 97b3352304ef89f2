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

// The SMTP server side of SendmailAssembler (COUNTING.md "Sendmail"): the
// lines of one daemon child are one session with one client. Sendmail logs no
// connect or disconnect line, so a session begins at the first line of its pid
// that names a client and ends when the client is gone ("did not issue …",
// "lost input channel …", an accept failure), when the pid names another
// client, after kSessionIdle of silence, or at the end of the input.
//
// A from= line of the session is an inbound (or submission) message, emitted
// at once; the session is one connection, emitted when it ends; an accept
// failure is one TLS failure, emitted at once and again when OpenSSL's detail
// lines that follow it say more.
class SendmailInbound final
{
public:
    SendmailInbound(AssemblerRecords &records, AssemblerStrings &strings);

    // ServerTls, ServerTlsFailure, Auth, From (over SMTP), SessionLine, SessionEnd.
    void feed(std::uint64_t pid, std::int64_t time, const SendmailEvent &event, std::int64_t offset);
    // ServerTlsDetail and TlsIoError: the words after an accept failure. False
    // when the pid has no failed session for them to join.
    bool detail(std::uint64_t pid, const SendmailEvent &event, std::int64_t offset);

    void expire(std::int64_t now);
    void finish();
    void clear() { m_sessions.clear(); }

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    sendmail::Session *sessionFor(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                  std::int64_t offset);
    void open(sendmail::Session &s, std::int64_t time, const SendmailEvent &event, std::int64_t offset);
    void message(sendmail::Session &s, std::int64_t time, const SendmailEvent &event, std::int64_t offset);
    void close(sendmail::Session &s);
    void closeSorted(std::vector<std::uint64_t> pids);
    void emitMessage(const sendmail::InboundMessage &m);
    void emitFailure(const sendmail::Session &s);
    // Our TLS_Clt policy refused the client's MAIL: it did not use STARTTLS.
    void emitRefusal(const sendmail::Session &s, std::int64_t time, const SendmailEvent &event,
                     std::int64_t offset);

    AssemblerRecords &m_records;
    AssemblerStrings &m_strings;
    AssemblerTable<std::uint64_t, sendmail::Session> m_sessions;
};

} // namespace mailtls
