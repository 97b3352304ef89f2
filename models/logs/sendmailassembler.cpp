#include "models/logs/sendmailassembler.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

#include "models/logs/assemblerrecords.h"
#include "models/logs/assemblerstrings.h"
#include "models/logs/sendmailinbound.h"
#include "models/logs/sendmailoutbound.h"
#include "models/logs/sendmailparser.h"
#include "models/logs/sessionassembler.h"

namespace mailtls {

namespace {

constexpr quint32 kSnapshotMagic = 0x534d4153;   // "SMAS"
constexpr quint16 kSnapshotVersion = 2;
constexpr quint32 kSnapshotEnd = 0x454e4421;     // "END!"
constexpr std::int64_t kSweepInterval = 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

struct SendmailAssembler::State
{
    AssemblerRecords records;
    AssemblerStrings strings;
    SendmailInbound inbound{records, strings};
    SendmailOutbound outbound{records, strings};
    // The latest log time seen. Expiry runs on log time only, whenever it enters
    // a new hour, so that a restored read expires exactly what a clean read does.
    std::int64_t clock = 0;
    std::int64_t sweepSlot = 0;
    bool started = false;

    void clear()
    {
        inbound.clear();
        outbound.clear();
        clock = 0;
        sweepSlot = 0;
        started = false;
    }
};

SendmailAssembler::SendmailAssembler()
    : d(std::make_unique<State>())
{
}

SendmailAssembler::~SendmailAssembler() = default;

bool SendmailAssembler::isSendmailProgram(std::string_view program)
{
    return SendmailParser::isSendmailProgram(program);
}

void SendmailAssembler::passTime(std::int64_t time)
{
    if (d->started && time <= d->clock)
        return;
    d->clock = time;
    const std::int64_t slot = floorDiv(d->clock, kSweepInterval);
    if (!d->started || slot != d->sweepSlot) {
        d->started = true;
        d->sweepSlot = slot;
        d->inbound.expire(d->clock);
        d->outbound.expire(d->clock);
    }
}

bool SendmailAssembler::feed(const LogLine &line, std::int64_t offset)
{
    if (!isSendmailProgram(line.program))
        return false;
    const SendmailEvent event = SendmailParser::parse(line.message);
    const std::int64_t time = line.timeUtc;
    passTime(time);
    if (event.kind == SendmailEventKind::Unrecognised)
        return false;

    // Pids are per host: a log merged from several servers must not mix their processes.
    const std::uint64_t pid = SessionAssembler::processOf(line);
    const bool local = SendmailParser::isLocalSubmissionProgram(line.program);
    switch (event.kind) {
    case SendmailEventKind::ServerTls:
    case SendmailEventKind::ServerTlsFailure:
    case SendmailEventKind::Auth:
    case SendmailEventKind::SessionLine:
    case SendmailEventKind::SessionEnd:
        if (!local)
            d->inbound.feed(pid, time, event, offset);
        break;
    case SendmailEventKind::ServerTlsDetail:
        d->inbound.detail(pid, event, offset);
        break;
    case SendmailEventKind::From:
        d->outbound.queued(time, event, offset);
        // COUNTING.md: an inbound message is a from= line of an SMTP session
        // (daemon=…), not one sm-msp-queue or the submission program logs.
        if (event.smtp && !event.response && !local)
            d->inbound.feed(pid, time, event, offset);
        break;
    case SendmailEventKind::ClientTls:
        d->outbound.clientTls(pid, time, event, offset, local);
        break;
    case SendmailEventKind::ClientTlsFailure:
        d->outbound.clientFailure(pid, time, event, offset, local);
        break;
    case SendmailEventKind::ClientTlsDetail:
        d->outbound.detail(pid, time, event, offset);
        break;
    case SendmailEventKind::TlsServerReject:
        d->outbound.tlsServerReject(pid, time, event, offset, local);
        break;
    case SendmailEventKind::To:
        d->outbound.delivery(pid, time, event, offset, local);
        break;
    case SendmailEventKind::TlsIoError:
        // After a failed handshake of either side; on a connection whose
        // handshake worked it is not a failed TLS attempt (a peer that hung up).
        if (!d->outbound.detail(pid, time, event, offset))
            d->inbound.detail(pid, event, offset);
        break;
    case SendmailEventKind::Unrecognised:
    case SendmailEventKind::Ignored:
        break;
    }
    return true;
}

void SendmailAssembler::finish()
{
    d->inbound.finish();
    d->outbound.finish();
}

AssemblerOutput SendmailAssembler::takeOutput()
{
    return d->records.take();
}

void SendmailAssembler::recycle(AssemblerOutput &&spent)
{
    d->records.recycle(std::move(spent));
}

QByteArray SendmailAssembler::saveState() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kSnapshotMagic << kSnapshotVersion << qint64(d->clock) << qint64(d->sweepSlot) << d->started;
    d->inbound.save(out);
    d->outbound.save(out);
    out << kSnapshotEnd;
    return bytes;
}

bool SendmailAssembler::restoreState(const QByteArray &state, QString *error)
{
    // The same words as SessionAssembler's: the user sees one kind of snapshot.
    auto fail = [this, error](const QString &message) {
        d->clear();
        if (error)
            *error = message;
        return false;
    };

    d->clear();
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kSnapshotMagic)
        return fail(QCoreApplication::translate("SessionAssembler", "Not a session assembler snapshot (%1 bytes, unknown header); "
                                   "the log will be read from its start.")
                        .arg(state.size()));
    if (version != kSnapshotVersion)
        return fail(QCoreApplication::translate("SessionAssembler", "Session assembler snapshot version %1 is not supported "
                                   "(this build reads version %2); the log will be read from "
                                   "its start.")
                        .arg(version)
                        .arg(kSnapshotVersion));
    qint64 clock = 0;
    qint64 sweepSlot = 0;
    bool started = false;
    in >> clock >> sweepSlot >> started;
    if (in.status() != QDataStream::Ok || !d->inbound.load(in) || !d->outbound.load(in))
        return fail(QCoreApplication::translate("SessionAssembler", "Session assembler snapshot is corrupt (at byte %1 of %2); "
                                   "the log will be read from its start.")
                        .arg(in.device() ? in.device()->pos() : 0)
                        .arg(state.size()));
    quint32 end = 0;
    in >> end;
    if (in.status() != QDataStream::Ok || end != kSnapshotEnd || !in.atEnd())
        return fail(QCoreApplication::translate("SessionAssembler", "Session assembler snapshot is truncated or has trailing "
                                   "bytes (%1 bytes); the log will be read from its start.")
                        .arg(state.size()));
    d->clock = clock;
    d->sweepSlot = sweepSlot;
    d->started = started;
    return true;
}

} // namespace mailtls
