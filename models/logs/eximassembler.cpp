#include "models/logs/eximassembler.h"

#include <cstdio>
#include <utility>

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

#include "models/logs/eximinbound.h"
#include "models/logs/eximmessageparser.h"
#include "models/logs/eximoutbound.h"
#include "models/logs/eximrefusal.h"
#include "models/logs/sessionassembler.h"

namespace mailtls {

namespace {

constexpr quint32 kSnapshotMagic = 0x4558494d;   // "EXIM"
// 2: outbound failures keep the message they name. 1 is still read.
constexpr quint16 kSnapshotVersion = 2;
constexpr quint32 kSnapshotEnd = 0x454e4421;     // "END!"
// Open state expires on log time, swept whenever the clock enters a new slot,
// so that a restored read expires exactly what a clean read does.
constexpr std::int64_t kSweepInterval = 300;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

struct EximAssembler::State
{
    AssemblerOutput out;
    EximInbound inbound{out};
    EximOutbound outbound{out};
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

EximAssembler::EximAssembler()
    : d(std::make_unique<State>())
{
}

EximAssembler::~EximAssembler() = default;

bool EximAssembler::isEximProgram(std::string_view program)
{
    const std::size_t slash = program.rfind('/');
    if (slash != std::string_view::npos)
        program.remove_prefix(slash + 1);
    if (program.substr(0, 4) != "exim")
        return false;
    for (char c : program.substr(4)) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-'))
            return false;
    }
    return true;
}

void EximAssembler::passTime(std::int64_t time)
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

bool EximAssembler::feed(const LogLine &line, std::int64_t offset)
{
    if (!isEximProgram(line.program))
        return false;
    passTime(line.timeUtc);
    const EximEvent event = EximMessageParser::parse(line.message);

    // The process that wrote the line, per host (a log merged from several
    // servers must not mix their processes): syslog's pid, or Exim's own.
    char process[24] = {};
    exim::LineContext context;
    context.time = line.timeUtc;
    context.offset = offset;
    const std::int64_t pid = line.pid >= 0 ? line.pid : event.innerPid;
    if (pid >= 0) {
        LogLine named = line;
        named.pid = pid;
        const int n = std::snprintf(process, sizeof process, "%llx",
                                    static_cast<unsigned long long>(SessionAssembler::processOf(named)));
        context.process = std::string_view(process, std::size_t(n));
    }

    switch (event.kind) {
    case EximLineKind::Unrecognised:
        return false;
    case EximLineKind::Ignored:
        break;
    case EximLineKind::Arrival:
        d->outbound.arrival(context, event);
        d->inbound.arrival(context, event);
        break;
    case EximLineKind::Delivery:
        d->outbound.delivery(context, event);
        break;
    case EximLineKind::HostFailure:
        d->outbound.hostFailure(context, event);
        break;
    case EximLineKind::TlsFallback:
        d->outbound.fallback(context, event);
        break;
    case EximLineKind::Completed:
        d->outbound.completed(context, event);
        break;
    case EximLineKind::InboundTlsError:
        d->inbound.tlsError(context, event);
        break;
    case EximLineKind::ConnectionOpen:
        d->inbound.opened(context, event);
        break;
    case EximLineKind::ConnectionClose:
        d->inbound.closed(context, event);
        break;
    case EximLineKind::NoMail:
        d->inbound.noMail(context, event);
        break;
    case EximLineKind::InboundEvent:
        d->inbound.clientLine(context, event);
        if (std::optional<RefusalRecord> refusal = EximRefusal::parse(line.message, event, line.timeUtc, offset))
            d->out.refusals.push_back(std::move(*refusal));
        break;
    }
    return true;
}

void EximAssembler::finish()
{
    d->inbound.finish();
    d->outbound.finish();
}

AssemblerOutput EximAssembler::takeOutput()
{
    AssemblerOutput taken = std::move(d->out);
    d->out = AssemblerOutput();
    return taken;
}

QByteArray EximAssembler::saveState() const
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

bool EximAssembler::restoreState(const QByteArray &state, QString *error)
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
        return fail(QCoreApplication::translate("EximAssembler",
                                                "Not an Exim assembler snapshot (%1 bytes, unknown header); "
                                                "the log will be read from its start.")
                        .arg(state.size()));
    if (version != kSnapshotVersion && version != 1)
        return fail(QCoreApplication::translate("EximAssembler",
                                                "Exim assembler snapshot version %1 is not supported (this "
                                                "build reads version %2); the log will be read from its start.")
                        .arg(version)
                        .arg(kSnapshotVersion));
    qint64 clock = 0;
    qint64 sweepSlot = 0;
    bool started = false;
    in >> clock >> sweepSlot >> started;
    if (in.status() != QDataStream::Ok || !d->inbound.load(in) || !d->outbound.load(in, version))
        return fail(QCoreApplication::translate("EximAssembler",
                                                "Exim assembler snapshot is corrupt (at byte %1 of %2); the "
                                                "log will be read from its start.")
                        .arg(in.device() ? in.device()->pos() : 0)
                        .arg(state.size()));
    quint32 end = 0;
    in >> end;
    if (in.status() != QDataStream::Ok || end != kSnapshotEnd || !in.atEnd())
        return fail(QCoreApplication::translate("EximAssembler",
                                                "Exim assembler snapshot is truncated or has trailing bytes "
                                                "(%1 bytes); the log will be read from its start.")
                        .arg(state.size()));
    d->clock = clock;
    d->sweepSlot = sweepSlot;
    d->started = started;
    return true;
}

} // namespace mailtls
