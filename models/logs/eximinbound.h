#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <QDataStream>

#include "models/logs/eximassemblerstate.h"
#include "models/logs/eximevent.h"
#include "models/logs/records.h"

namespace mailtls {

// EximAssembler's inbound side: messages received from SMTP clients and the
// connections they came on (COUNTING.md "Exim").
//
// Exim logs no line when a client connects unless log_selector has
// +smtp_connection, so a connection is made of the lines that show it:
//
//  1. "SMTP connection from H [ip] (TCP/IP connection count = N)" opens one.
//  2. Without such a line, an arrival (<= with H=), a "TLS error on connection
//     from …" line or a "no MAIL in SMTP connection from …" line opens one,
//     unless it belongs to a connection already open.
//  3. A line belongs to an open connection with the same Ci= (+connection_id),
//     the same client address and port (+incoming_port), or written by the
//     same Exim process for the same client IP (+pid, or syslog's pid: a
//     receiving process serves one connection); failing those, to the latest
//     connection of rule 1 from the same IP that no process has named yet.
//  4. A line that says how the connection ended ("closed by QUIT", "lost",
//     "no MAIL in SMTP connection", "unexpected disconnection", a timeout,
//     "SMTP call from … dropped") ends it; so does a new rule-1 line with the
//     same Ci= or address and port, and kConnectionSilence of log time without
//     a line. A connection of rule 2 that nothing can identify (no Ci=, port
//     or pid) is that one line: each such arrival is a connection of its own.
//  5. It is encrypted when one of its lines has X= (or P=esmtps/esmtpsa), and
//     submission when one has A= or P=esmtpa/esmtpsa. Its record is written
//     when it ends.
//
// Rejections and other lines about a client (H=… rejected RCPT …) join an
// open connection but never open one.
class EximInbound final
{
public:
    explicit EximInbound(AssemblerOutput &out);

    void arrival(const exim::LineContext &line, const EximEvent &event);
    void tlsError(const exim::LineContext &line, const EximEvent &event);
    void opened(const exim::LineContext &line, const EximEvent &event);
    void closed(const exim::LineContext &line, const EximEvent &event);
    void noMail(const exim::LineContext &line, const EximEvent &event);
    void clientLine(const exim::LineContext &line, const EximEvent &event);

    void expire(std::int64_t now);
    void finish();
    void clear();
    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    // The identities of a line (see rule 3).
    struct Keys
    {
        std::string ip;
        std::string connectionId;
        std::string address;
        std::string process;
    };
    Keys keysOf(const exim::LineContext &line, const EximEvent &event) const;
    exim::Connection *find(const Keys &keys);
    exim::Connection &open(const exim::LineContext &line, const EximEvent &event, const Keys &keys,
                           bool explicitOpen);
    void apply(exim::Connection &c, const exim::LineContext &line, const EximEvent &event,
               const Keys &keys);
    // Opens by rule 2 when no connection has the line; the connection's key.
    std::int64_t findOrOpen(const exim::LineContext &line, const EximEvent &event);
    // Rule 4's last sentence: a connection nothing can find again ends at once.
    void closeIfUnfindable(std::int64_t key);
    void close(std::int64_t key);
    void index(const exim::Connection &c);
    void unindex(const exim::Connection &c);

    AssemblerOutput &m_out;
    std::map<std::int64_t, exim::Connection> m_open;
    std::unordered_map<std::string, std::int64_t> m_byId;
    std::unordered_map<std::string, std::int64_t> m_byAddress;
    std::unordered_map<std::string, std::int64_t> m_byProcess;
    // Rule-1 connections no process has named yet, per IP, oldest first.
    std::unordered_map<std::string, std::vector<std::int64_t>> m_unclaimed;
};

} // namespace mailtls
