#include "models/logs/sessionassembler.h"

#include <algorithm>
#include <utility>

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

#include "models/logs/assemblerinbound.h"
#include "models/logs/assembleroutbound.h"
#include "models/logs/assemblerpeer.h"
#include "models/logs/assemblerqueue.h"
#include "models/logs/assemblerrecords.h"

namespace mailtls {

namespace {

constexpr quint32 kSnapshotMagic = 0x4d544153;   // "MTAS"
// 2: sessions keep whether they logged a reject: line, TLS attempts their
// deferrals' recipients. 1 is still read.
constexpr quint16 kSnapshotVersion = 2;
constexpr quint32 kSnapshotEnd = 0x454e4421;     // "END!"
constexpr std::int64_t kSweepInterval = 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

struct SessionAssembler::State
{
    AssemblerRecords records;
    AssemblerQueue queue;
    AssemblerStrings strings;
    AssemblerInbound inbound{queue, records, strings};
    AssemblerOutbound outbound{queue, records, strings};
    // The latest log time seen. Expiry runs on log time only, whenever it enters
    // a new hour, so that a restored read expires exactly what a clean read does.
    std::int64_t clock = 0;
    std::int64_t sweepSlot = 0;
    bool started = false;

    void clear()
    {
        queue.clear();
        inbound.clear();
        outbound.clear();
        clock = 0;
        sweepSlot = 0;
        started = false;
    }
};

SessionAssembler::SessionAssembler()
    : d(new State)
{
}

SessionAssembler::~SessionAssembler()
{
    delete d;
}

std::uint64_t SessionAssembler::processOf(const LogLine &line)
{
    // Pids are per host: a log merged from several servers must not mix their processes.
    std::uint32_t hash = 2166136261u;   // FNV-1a: stable across runs and builds
    for (char c : line.host) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return (std::uint64_t(hash) << 32) | std::uint32_t(line.pid);
}

bool SessionAssembler::canPass(std::int64_t time, std::int64_t latest)
{
    // The clock is at least `latest` already: a line no later in the hour than
    // that cannot make it enter a new hour, so no sweep starts at it.
    return floorDiv(time, kSweepInterval) <= floorDiv(latest, kSweepInterval);
}

void SessionAssembler::passTime(std::int64_t time)
{
    // Most lines are no later than the clock: nothing moves.
    if (d->started && time <= d->clock)
        return;
    d->clock = time;
    const std::int64_t slot = floorDiv(d->clock, kSweepInterval);
    if (!d->started || slot != d->sweepSlot) {
        d->started = true;
        d->sweepSlot = slot;
        d->inbound.expire(d->clock);
        d->outbound.expire(d->clock);
        d->queue.expire(d->clock);
    }
}

void SessionAssembler::feed(const LogLine &line, const LogEvent &event, std::int64_t offset)
{
    feed(line.timeUtc, processOf(line), event, offset);
}

void SessionAssembler::prepare(const LogEvent &event, AssemblerHints &hints)
{
    // Only what most such lines need: a session's peer is made at its connect
    // line, a delivery's for its new connection or message; the TLS details of
    // an established or reused connection are kept.
    switch (event.kind) {
    case EventKind::SmtpdConnect:
        if (!event.host.empty() || !event.ip.empty())
            assembler::peerHints(event.host, event.ip, hints);
        break;
    case EventKind::Delivery:
        if (!event.host.empty() || !event.ip.empty())
            assembler::peerHints(event.host, event.ip, hints);
        if (event.status == DeliveryStatus::Sent && !event.queueId.empty())
            hints.queueId = AssemblerQueue::hash(event.queueId);
        break;
    case EventKind::SmtpdClient:
    case EventKind::QmgrFrom:
    case EventKind::QmgrRemoved:
        if (!event.queueId.empty())
            hints.queueId = AssemblerQueue::hash(event.queueId);
        break;
    case EventKind::SmtpdTlsEstablished:
    case EventKind::SmtpTlsEstablished:
    case EventKind::SmtpTlsReused:
        hints.tls[0] = AssemblerStrings::hash(event.tls.protocol);
        hints.tls[1] = AssemblerStrings::hash(event.tls.cipher);
        hints.tls[2] = AssemblerStrings::hash(event.tls.keyExchange);
        break;
    default:
        break;
    }
}

void SessionAssembler::feed(std::int64_t time, std::uint64_t process, const LogEvent &event,
                            std::int64_t offset)
{
    feedWith(time, process, event, offset, nullptr);
}

void SessionAssembler::feed(std::int64_t time, std::uint64_t process, const LogEvent &event,
                            std::int64_t offset, const AssemblerHints &hints)
{
    feedWith(time, process, event, offset, &hints);
}

void SessionAssembler::feedWith(std::int64_t time, std::uint64_t process, const LogEvent &event,
                                std::int64_t offset, const AssemblerHints *hints)
{
    passTime(time);

    switch (event.kind) {
    case EventKind::SmtpdConnect:
    case EventKind::SmtpdDisconnect:
    case EventKind::SmtpdClient:
    case EventKind::SmtpdTlsEstablished:
    case EventKind::SmtpdTlsFailure:
        d->inbound.feed(process, time, event, offset, d->clock, hints);
        break;
    case EventKind::QmgrFrom: {
        if (event.queueId.empty())
            break;
        assembler::QueueEntry &entry = d->queue.obtain(event.queueId, time, hints ? hints->queueId : 0);
        if (entry.queued)
            break;   // qmgr logs from= again each time a deferred message is retried
        entry.queued = true;
        entry.size = event.size > 0 ? event.size : 0;
        entry.queueTime = time;
        entry.queueOffset = offset;
        entry.setSender(event.sender);
        d->inbound.queued(event.queueId, entry);
        d->outbound.queued(event.queueId, entry);
        break;
    }
    case EventKind::QmgrRemoved:
        d->queue.remove(event.queueId, hints ? hints->queueId : 0);
        break;
    case EventKind::Delivery:
        d->outbound.delivery(process, time, event, offset, d->clock, hints);
        break;
    case EventKind::SmtpTlsEstablished:
    case EventKind::SmtpTlsReused:
    case EventKind::SmtpTlsFailure:
        if (event.daemon == Daemon::Smtp || event.daemon == Daemon::Lmtp)
            d->outbound.tlsLine(process, time, event, offset, d->clock, hints);
        break;
    case EventKind::Ignored:
        if (event.smtpdReject && event.daemon == Daemon::Smtpd)
            d->inbound.rejected(process);
        break;
    case EventKind::Unrecognised:
        break;
    }
}

void SessionAssembler::finish()
{
    d->inbound.finish();
    d->outbound.finish();
}

AssemblerOutput SessionAssembler::takeOutput()
{
    return d->records.take();
}

void SessionAssembler::recycle(AssemblerOutput &&spent)
{
    d->records.recycle(std::move(spent));
}

QByteArray SessionAssembler::saveState() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kSnapshotMagic << kSnapshotVersion << qint64(d->clock) << qint64(d->sweepSlot)
        << d->started;
    d->queue.save(out);
    d->inbound.save(out);
    d->outbound.save(out);
    out << kSnapshotEnd;
    return bytes;
}

bool SessionAssembler::restoreState(const QByteArray &state, QString *error)
{
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
    if (version != kSnapshotVersion && version != 1)
        return fail(QCoreApplication::translate("SessionAssembler", "Session assembler snapshot version %1 is not supported "
                                   "(this build reads version %2); the log will be read from "
                                   "its start.")
                        .arg(version)
                        .arg(kSnapshotVersion));
    qint64 clock = 0;
    qint64 sweepSlot = 0;
    bool started = false;
    in >> clock >> sweepSlot >> started;
    if (in.status() != QDataStream::Ok || !d->queue.load(in) || !d->inbound.load(in, version)
        || !d->outbound.load(in, version))
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
