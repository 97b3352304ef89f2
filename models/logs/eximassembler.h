#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include <QByteArray>
#include <QString>

#include "models/logs/mtaassembler.h"

namespace mailtls {

// Turns Exim's main log lines into the records of COUNTING.md ("Exim"), as
// SessionAssembler does for Postfix: arrivals (<=) into inbound and submission
// messages, deliveries (=>, ->, >>) into outbound messages per (message id,
// peer), the connections both went over (EximInbound and EximOutbound say
// what makes one) and TLS failures one per line that reports one.
//
// Lines come from EximLineParser (Exim's own log files) or LinePrefixParser
// (Exim through syslog: program "exim" or "exim4"). Message ids of both
// lengths (16 characters, 23 from Exim 4.97), +pid, +millisec, log_timezone,
// +incoming_port, +connection_id, +smtp_connection, +tls_peerdn and
// +tls_resumption are all understood.
//
// Records are emitted as soon as they are countable; a later line that changes
// one (a plaintext delivery to a peer already counted as encrypted, an arrival
// after a cutthrough delivery) emits it again with the same key.
class EximAssembler final : public MtaAssembler
{
public:
    EximAssembler();
    ~EximAssembler() override;
    EximAssembler(const EximAssembler &) = delete;
    EximAssembler &operator=(const EximAssembler &) = delete;

    // "exim", "exim4" and their like ("exim-4.97", a path ending in one).
    static bool isEximProgram(std::string_view program);

    bool feed(const LogLine &line, std::int64_t offset) override;
    void passTime(std::int64_t time) override;
    void finish() override;
    AssemblerOutput takeOutput() override;
    QByteArray saveState() const override;
    bool restoreState(const QByteArray &state, QString *error) override;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace mailtls
