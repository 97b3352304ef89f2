#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include <QByteArray>
#include <QString>

#include "models/logs/mtaassembler.h"

namespace mailtls {

// Sendmail's log lines (programs sendmail, sm-mta, sm-msp-queue) as the
// records of COUNTING.md "Sendmail", in the shape SessionAssembler gives
// Postfix's:
//
// - inbound: the lines of one daemon child are one session with one client
//   (SendmailInbound); a from= line of it is an inbound message, or a
//   submission when the session authenticated or runs on an MSA/MSP daemon;
//   encrypted iff a STARTTLS=server line (or Sendmail's own proto=ESMTPS)
//   came before it;
// - outbound: a delivery process's STARTTLS=client lines and to= lines make
//   its connections and messages (SendmailOutbound);
// - TLS failures: accept failures inbound; connect failures with their
//   follow-up lines, tls_server rejections and TLS deferrals outbound, one per
//   attempt, "dh key too small" kept as the reason in whatever words OpenSSL used;
// - local hops: loopback peers, local mailers (mailer=local, prog, *file*,
//   relay=local, to=/dev/null) and everything sm-msp-queue does (local
//   submission, not interconnect).
//
// Its open state (sessions, connections, attempts, queue ids) is saved and
// restored, so reading a log through restarts gives the records of one clean read.
class SendmailAssembler final : public MtaAssembler
{
public:
    SendmailAssembler();
    ~SendmailAssembler() override;
    SendmailAssembler(const SendmailAssembler &) = delete;
    SendmailAssembler &operator=(const SendmailAssembler &) = delete;

    // The syslog tags Sendmail logs under (see SendmailParser).
    static bool isSendmailProgram(std::string_view program);

    bool feed(const LogLine &line, std::int64_t offset) override;
    void passTime(std::int64_t time) override;
    void finish() override;
    AssemblerOutput takeOutput() override;
    void recycle(AssemblerOutput &&spent) override;
    QByteArray saveState() const override;
    bool restoreState(const QByteArray &state, QString *error) override;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace mailtls
