#include "models/probe/probescheduler.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include "models/probe/addressprobe.h"
#include "models/probe/domainpolicycheck.h"
#include "models/probe/mxresolver.h"
#include "models/probe/probelogging.h"

namespace mailtls {

namespace {

QString addressKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

} // namespace

class ProbeScheduler::Private
{
public:
    // One address of the probe's MX hosts, in the order the report lists them.
    struct AddressSlot
    {
        QString mxName;
        QHostAddress address;
        quint16 port = 25;
        std::optional<AddressProbeResult> result;
    };

    struct Probe
    {
        ProbeTarget target;
        ProbeReport report;
        bool started = false;
        bool resolved = false;
        bool cancelled = false;
        bool finishQueued = false;
        MxResolver *resolver = nullptr;
        DomainPolicyCheck *policy = nullptr;
        QList<AddressSlot> places;
    };

    // A probe (with its slot) waiting for an AddressProbe's result.
    struct Waiter
    {
        int probeId = 0;
        qsizetype slot = 0;
    };

    // The AddressProbe of one (address, port), shared by every probe that
    // needs that address while it runs. The first waiter owns it: the
    // sessions it opens count as that probe's.
    struct Run
    {
        AddressProbe *probe = nullptr;
        QList<Waiter> waiters;
    };

    struct CacheEntry
    {
        AddressProbeResult result;
        QDeadlineTimer expiry;
    };

    Private(ProbeScheduler *owner, const ProbeOptions &probeOptions);

    void startQueued();
    void startProbe(int id);
    void onResolved(int id, const MxResolution &resolution);
    void startPolicyCheck(int id);
    void onPolicyChecked(int id, const MtaStsResult &mtaSts, const TlsRptResult &tlsRpt);
    void probeAddress(int id, qsizetype slotIndex);
    AddressProbe *startRun(const AddressSlot &slot);
    void onRunEvent(AddressProbe *run, const ProbeEvent &runEvent);
    void onRunFinished(AddressProbe *run, const AddressProbeResult &result);
    std::optional<AddressProbeResult> cached(const QString &key, const QString &mxName);
    void remember(const QString &key, const AddressProbeResult &result);
    void cancelProbe(int id);
    void maybeFinish(int id);
    void queueFinish(int id);
    void emitFinished(int id);
    void emitEvent(int id, ProbeStep step, const QString &mxName, const QString &message,
                   const QHostAddress &address = QHostAddress());
    void shutdown();

    // The slot gate: global concurrency and spacing per address.
    void askForSession(AddressProbe *run);
    void onSessionEnded(AddressProbe *run);
    void pump();

    Probe *findProbe(int id);
    QString runKey(const AddressProbe *run) const;

    ProbeScheduler *q;
    ProbeOptions options;
    int nextId = 1;
    std::map<int, Probe> probes;
    QList<int> queued;
    QHash<QString, Run> runs;
    // Per (address, port): one result per name it was probed for (one
    // result stands for other names too, see AddressProbe::forName).
    QHash<QString, QList<CacheEntry>> cache;

    QElapsedTimer clock;
    QTimer spacingTimer;
    QList<AddressProbe *> gateQueue;
    QSet<AddressProbe *> openRuns;       // with a session open now
    QSet<QString> busyAddresses;         // keys with a session open now
    QHash<QString, qint64> lastSessionEnd; // key → clock nanoseconds
};

ProbeScheduler::Private::Private(ProbeScheduler *owner, const ProbeOptions &probeOptions)
    : q(owner)
    , options(probeOptions)
{
    options.concurrency = std::max(1, options.concurrency);
    options.hostSpacingMs = std::max(0, options.hostSpacingMs);
    clock.start();
    spacingTimer.setSingleShot(true);
    // Coarse timers may fire early; the gate checks the clock itself anyway.
    spacingTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&spacingTimer, &QTimer::timeout, q, [this] { pump(); });
}

ProbeScheduler::Private::Probe *ProbeScheduler::Private::findProbe(int id)
{
    const auto it = probes.find(id);
    return it == probes.end() ? nullptr : &it->second;
}

QString ProbeScheduler::Private::runKey(const AddressProbe *run) const
{
    return addressKey(run->address(), run->port());
}

void ProbeScheduler::Private::startQueued()
{
    const QList<int> ids = std::exchange(queued, {});
    for (const int id : ids)
        startProbe(id);
}

void ProbeScheduler::Private::startProbe(int id)
{
    Probe *probe = findProbe(id);
    if (!probe || probe->cancelled || probe->started)
        return;
    probe->started = true;
    probe->report.started = QDateTime::currentDateTimeUtc();
    const ProbeTarget &target = probe->target;

    if (target.kind == ProbeTarget::Kind::Host) {
        if (QHostAddress literal; literal.setAddress(target.name)) {
            // An IP literal needs no DNS.
            MxResolution resolution;
            resolution.domain = target.name;
            MxHost host;
            host.name = target.name;
            host.addresses = {literal};
            resolution.hosts = {host};
            onResolved(id, resolution);
            return;
        }
    }

    probe->resolver = new MxResolver(options, q);
    QObject::connect(probe->resolver, &MxResolver::finished, q,
                     [this, id](const MxResolution &resolution) { onResolved(id, resolution); });
    if (target.kind == ProbeTarget::Kind::Domain) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("Looking up the mail servers of %1").arg(target.name));
        probe->resolver->resolveDomain(target.name);
    } else {
        emitEvent(id, ProbeStep::Resolve, target.name,
                  ProbeScheduler::tr("Looking up the addresses of %1").arg(target.name));
        probe->resolver->resolveHost(target.name);
    }
}

void ProbeScheduler::Private::onResolved(int id, const MxResolution &resolution)
{
    Probe *probe = findProbe(id);
    if (!probe || probe->cancelled)
        return;
    if (probe->resolver) {
        probe->resolver->deleteLater();
        probe->resolver = nullptr;
    }
    probe->resolved = true;
    probe->report.mx = resolution;
    const bool isDomain = probe->target.kind == ProbeTarget::Kind::Domain;
    const quint16 port = isDomain ? options.smtpPort : probe->target.port;
    const bool literal = !isDomain && QHostAddress(probe->target.name).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol;

    if (!resolution.error.isEmpty()) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1: %2").arg(probe->target.name, resolution.error));
    } else if (resolution.nullMx) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1 takes no mail (null MX)").arg(probe->target.name));
    } else if (resolution.implicitMx) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1 has no MX records: its own addresses take its mail")
                      .arg(probe->target.name));
    }

    for (const MxHost &host : resolution.hosts) {
        if (!literal) {
            QString found;
            if (!host.error.isEmpty()) {
                found = host.error;
            } else if (host.addresses.isEmpty()) {
                found = ProbeScheduler::tr("no addresses");
            } else {
                QStringList addresses;
                for (const QHostAddress &address : host.addresses)
                    addresses.append(address.toString());
                found = addresses.join(QStringLiteral(", "));
            }
            emitEvent(id, ProbeStep::Resolve, host.name,
                      ProbeScheduler::tr("%1: %2").arg(host.name, found));
        }
        for (const QHostAddress &address : host.addresses)
            probe->places.append(AddressSlot{host.name, address, port, std::nullopt});
    }

    if (isDomain && resolution.error.isEmpty() && !resolution.nullMx && !resolution.hosts.isEmpty())
        startPolicyCheck(id);

    // A slot may be filled at once (cache): take the count first.
    const qsizetype slotCount = probe->places.size();
    for (qsizetype i = 0; i < slotCount; ++i)
        probeAddress(id, i);
    maybeFinish(id);
}

void ProbeScheduler::Private::startPolicyCheck(int id)
{
    Probe *probe = findProbe(id);
    QStringList mxNames;
    for (const MxHost &host : probe->report.mx.hosts)
        mxNames.append(host.name);
    emitEvent(id, ProbeStep::Resolve, QString(),
              ProbeScheduler::tr("Checking MTA-STS and TLS-RPT of %1").arg(probe->target.name));
    probe->policy = new DomainPolicyCheck(options, q);
    QObject::connect(probe->policy, &DomainPolicyCheck::finished, q,
                     [this, id](const MtaStsResult &mtaSts, const TlsRptResult &tlsRpt) {
                         onPolicyChecked(id, mtaSts, tlsRpt);
                     });
    probe->policy->start(probe->target.name, mxNames);
}

void ProbeScheduler::Private::onPolicyChecked(int id, const MtaStsResult &mtaSts,
                                              const TlsRptResult &tlsRpt)
{
    Probe *probe = findProbe(id);
    if (!probe || probe->cancelled)
        return;
    if (probe->policy) {
        probe->policy->deleteLater();
        probe->policy = nullptr;
    }
    probe->report.mtaSts = mtaSts;
    probe->report.tlsRpt = tlsRpt;
    maybeFinish(id);
}

void ProbeScheduler::Private::probeAddress(int id, qsizetype slotIndex)
{
    Probe *probe = findProbe(id);
    const AddressSlot slot = probe->places.at(slotIndex);
    const QString key = addressKey(slot.address, slot.port);

    if (std::optional<AddressProbeResult> reused = cached(key, slot.mxName)) {
        qCDebug(lcProbe) << "probe" << id << "reuses the cached result of" << key;
        reused->fromCache = true;
        emitEvent(id, ProbeStep::Connect, slot.mxName,
                  ProbeScheduler::tr("%1 (%2): the result of %3 is reused")
                      .arg(slot.mxName, slot.address.toString(),
                           reused->probedAt.toString(Qt::ISODate)),
                  slot.address);
        probe->places[slotIndex].result = std::move(reused);
        return;
    }

    auto run = runs.find(key);
    if (run != runs.end()) {
        // Another probe (or another MX name of this one) has this address
        // under way: wait for it instead of opening sessions twice.
        emitEvent(id, ProbeStep::Connect, slot.mxName,
                  ProbeScheduler::tr("%1 (%2): waiting for the probe of this address under way")
                      .arg(slot.mxName, slot.address.toString()),
                  slot.address);
        qCDebug(lcProbe) << "probe" << id << "waits for the probe of" << key << "under way";
        run->waiters.append(Waiter{id, slotIndex});
        return;
    }
    Run started;
    started.waiters.append(Waiter{id, slotIndex});
    runs.insert(key, started);
    AddressProbe *addressProbe = startRun(slot);
    runs[key].probe = addressProbe;
    addressProbe->start();
}

AddressProbe *ProbeScheduler::Private::startRun(const AddressSlot &slot)
{
    auto *run = new AddressProbe(options, slot.mxName, slot.address, slot.port, q);
    QObject::connect(run, &AddressProbe::sessionWanted, q, [this, run] { askForSession(run); });
    QObject::connect(run, &AddressProbe::sessionEnded, q, [this, run] { onSessionEnded(run); });
    QObject::connect(run, &AddressProbe::event, q,
                     [this, run](const ProbeEvent &runEvent) { onRunEvent(run, runEvent); });
    QObject::connect(run, &AddressProbe::finished, q,
                     [this, run](const AddressProbeResult &result) { onRunFinished(run, result); });
    return run;
}

void ProbeScheduler::Private::onRunEvent(AddressProbe *run, const ProbeEvent &runEvent)
{
    const auto it = runs.constFind(runKey(run));
    if (it == runs.constEnd() || it->probe != run)
        return;
    const QList<Waiter> waiters = it->waiters;
    for (const Waiter &waiter : waiters) {
        const Probe *probe = findProbe(waiter.probeId);
        if (!probe || probe->cancelled)
            continue;
        ProbeEvent forwarded = runEvent;
        forwarded.mxName = probe->places.at(waiter.slot).mxName;
        const QPointer<ProbeScheduler> alive(q);
        emit q->event(waiter.probeId, forwarded);
        if (!alive)
            return;
    }
}

void ProbeScheduler::Private::onRunFinished(AddressProbe *run, const AddressProbeResult &result)
{
    run->deleteLater();
    gateQueue.removeAll(run);
    const QString key = runKey(run);
    const auto it = runs.find(key);
    if (it == runs.end() || it->probe != run)
        return; // cancelled: nobody waits for it any more
    const QList<Waiter> waiters = it->waiters;
    runs.erase(it);

    const bool cancelled = std::any_of(result.sessions.cbegin(), result.sessions.cend(),
                                       [](const SmtpSessionResult &session) {
                                           return session.outcome == SessionOutcome::Cancelled;
                                       });
    if (!cancelled)
        remember(key, result);

    QList<Waiter> probeAgain;
    for (qsizetype i = 0; i < waiters.size(); ++i) {
        const Waiter &waiter = waiters.at(i);
        Probe *probe = findProbe(waiter.probeId);
        if (!probe)
            continue;
        std::optional<AddressProbeResult> found
            = AddressProbe::forName(result, probe->places.at(waiter.slot).mxName);
        if (!found) {
            probeAgain.append(waiter);
            continue;
        }
        found->fromCache = i > 0;
        probe->places[waiter.slot].result = std::move(found);
    }
    // Waiters with a name the result cannot stand for: the address once
    // more for that name (they share that run among themselves).
    for (const Waiter &waiter : std::as_const(probeAgain))
        probeAddress(waiter.probeId, waiter.slot);
    for (const Waiter &waiter : waiters)
        maybeFinish(waiter.probeId);
}

std::optional<AddressProbeResult> ProbeScheduler::Private::cached(const QString &key, const QString &mxName)
{
    const auto entries = cache.find(key);
    if (entries == cache.end())
        return std::nullopt;
    entries->removeIf([](const CacheEntry &entry) { return entry.expiry.hasExpired(); });
    if (entries->isEmpty()) {
        cache.erase(entries);
        return std::nullopt;
    }
    for (const CacheEntry &entry : std::as_const(*entries)) {
        if (std::optional<AddressProbeResult> reused = AddressProbe::forName(entry.result, mxName))
            return reused;
    }
    return std::nullopt;
}

void ProbeScheduler::Private::remember(const QString &key, const AddressProbeResult &result)
{
    if (options.cacheSeconds <= 0)
        return;
    QList<CacheEntry> &entries = cache[key];
    entries.removeIf([&result](const CacheEntry &entry) {
        return entry.expiry.hasExpired()
            || entry.result.mxName.compare(result.mxName, Qt::CaseInsensitive) == 0;
    });
    entries.append(CacheEntry{result, QDeadlineTimer(qint64(options.cacheSeconds) * 1000)});
}

void ProbeScheduler::Private::maybeFinish(int id)
{
    const Probe *probe = findProbe(id);
    if (!probe || probe->finishQueued || !probe->resolved || probe->policy)
        return;
    const bool open = std::any_of(probe->places.cbegin(), probe->places.cend(),
                                  [](const AddressSlot &slot) { return !slot.result.has_value(); });
    if (!open)
        queueFinish(id);
}

void ProbeScheduler::Private::cancelProbe(int id)
{
    Probe *probe = findProbe(id);
    if (!probe || probe->cancelled || probe->finishQueued)
        return;
    probe->cancelled = true;
    probe->report.cancelled = true;
    queued.removeAll(id);
    if (probe->resolver) {
        probe->resolver->cancel();
        probe->resolver->deleteLater();
        probe->resolver = nullptr;
    }
    if (probe->policy) {
        probe->policy->cancel();
        probe->policy->deleteLater();
        probe->policy = nullptr;
    }
    for (auto it = runs.begin(); it != runs.end();) {
        it->waiters.removeIf([id](const Waiter &waiter) { return waiter.probeId == id; });
        if (!it->waiters.isEmpty()) {
            ++it;
            continue;
        }
        // Nobody else needs this address: close its session. It stays
        // counted in the gate until its socket is closed (sessionEnded).
        AddressProbe *run = it->probe;
        gateQueue.removeAll(run);
        run->cancel();
        it = runs.erase(it);
    }
    queueFinish(id);
}

void ProbeScheduler::Private::queueFinish(int id)
{
    Probe *probe = findProbe(id);
    if (!probe || probe->finishQueued)
        return;
    probe->finishQueued = true;
    QTimer::singleShot(0, q, [this, id] { emitFinished(id); });
}

void ProbeScheduler::Private::emitFinished(int id)
{
    const auto it = probes.find(id);
    if (it == probes.end())
        return;
    ProbeReport report = std::move(it->second.report);
    for (const AddressSlot &slot : std::as_const(it->second.places)) {
        if (slot.result)
            report.addresses.append(*slot.result);
    }
    if (!report.started.isValid())
        report.started = QDateTime::currentDateTimeUtc();
    report.finished = QDateTime::currentDateTimeUtc();
    probes.erase(it);

    const QPointer<ProbeScheduler> alive(q);
    emit q->finished(id, report);
    if (alive && probes.empty())
        emit q->allFinished();
}

void ProbeScheduler::Private::emitEvent(int id, ProbeStep step, const QString &mxName,
                                        const QString &message, const QHostAddress &address)
{
    ProbeEvent stepEvent;
    stepEvent.step = step;
    stepEvent.mxName = mxName;
    stepEvent.address = address;
    stepEvent.message = message;
    emit q->event(id, stepEvent);
}

void ProbeScheduler::Private::askForSession(AddressProbe *run)
{
    if (!gateQueue.contains(run))
        gateQueue.append(run);
    pump();
}

void ProbeScheduler::Private::onSessionEnded(AddressProbe *run)
{
    const QString key = runKey(run);
    openRuns.remove(run);
    busyAddresses.remove(key);
    const qint64 now = clock.nsecsElapsed();
    lastSessionEnd.insert(key, now);
    // Ends older than the spacing no longer hold anything back.
    const qint64 spacing = qint64(options.hostSpacingMs) * 1000000;
    lastSessionEnd.removeIf([now, spacing](const QHash<QString, qint64>::iterator &it) {
        return now - it.value() >= spacing;
    });
    pump();
}

void ProbeScheduler::Private::pump()
{
    const qint64 now = clock.nsecsElapsed();
    const qint64 spacing = qint64(options.hostSpacingMs) * 1000000;
    qint64 nextDue = std::numeric_limits<qint64>::max();
    QList<AddressProbe *> granted;
    for (auto it = gateQueue.begin(); it != gateQueue.end();) {
        if (openRuns.size() + granted.size() >= options.concurrency)
            break;
        const QString key = runKey(*it);
        if (busyAddresses.contains(key)) {
            ++it;
            continue;
        }
        const auto ended = lastSessionEnd.constFind(key);
        if (ended != lastSessionEnd.constEnd() && now - *ended < spacing) {
            nextDue = std::min(nextDue, *ended + spacing);
            ++it;
            continue;
        }
        busyAddresses.insert(key);
        granted.append(*it);
        it = gateQueue.erase(it);
    }
    if (nextDue != std::numeric_limits<qint64>::max()
        && openRuns.size() + granted.size() < options.concurrency) {
        // Round up: the gate lets nothing through before its time.
        spacingTimer.start(int((nextDue - now + 999999) / 1000000));
    }

    for (AddressProbe *run : std::as_const(granted)) {
        qCDebug(lcProbe) << "session to" << runKey(run) << "opens;" << openRuns.size() + 1 << "open";
        openRuns.insert(run);
        const auto owner = runs.constFind(runKey(run));
        if (owner != runs.constEnd() && owner->probe == run && !owner->waiters.isEmpty()) {
            if (Probe *probe = findProbe(owner->waiters.constFirst().probeId))
                ++probe->report.sessionsUsed;
        }
        run->openSession();
    }
}

void ProbeScheduler::Private::shutdown()
{
    spacingTimer.stop();
    for (auto &entry : probes) {
        delete entry.second.resolver;
        delete entry.second.policy;
    }
    // Deleting an AddressProbe closes its session's socket.
    const QList<AddressProbe *> children = q->findChildren<AddressProbe *>(QString(), Qt::FindDirectChildrenOnly);
    for (AddressProbe *run : children) {
        QObject::disconnect(run, nullptr, q, nullptr);
        delete run;
    }
    probes.clear();
    runs.clear();
}

ProbeScheduler::ProbeScheduler(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, options))
{
}

ProbeScheduler::~ProbeScheduler()
{
    d->shutdown();
    delete d;
}

int ProbeScheduler::probe(const ProbeTarget &target)
{
    const int id = d->nextId++;
    Private::Probe probe;
    probe.target = target;
    probe.report.target = target;
    d->probes.emplace(id, std::move(probe));
    d->queued.append(id);
    QTimer::singleShot(0, this, [this] { d->startQueued(); });
    return id;
}

void ProbeScheduler::cancel(int id)
{
    d->cancelProbe(id);
}

void ProbeScheduler::cancelAll()
{
    QList<int> ids;
    for (const auto &entry : d->probes)
        ids.append(entry.first);
    for (const int id : ids)
        d->cancelProbe(id);
}

int ProbeScheduler::pendingCount() const
{
    return int(d->probes.size());
}

void ProbeScheduler::clearCache()
{
    d->cache.clear();
}

} // namespace mailtls
