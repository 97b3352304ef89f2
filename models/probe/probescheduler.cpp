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

bool isIpLiteral(const QString &name)
{
    return QHostAddress().setAddress(name);
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
    ProbeOptions m_options;
    int m_nextId = 1;
    std::map<int, Probe> m_probes;
    QList<int> m_queued;
    QHash<QString, Run> m_runs;
    // Per (address, port): its last result, which stands for every name of
    // the address (AddressProbe::forName).
    QHash<QString, QList<CacheEntry>> m_cache;

    QElapsedTimer m_clock;
    QTimer m_spacingTimer;
    QList<AddressProbe *> m_gateQueue;
    QSet<AddressProbe *> m_openRuns; // with a session open now
    QSet<QString> m_busyAddresses; // keys with a session open now
    QHash<QString, qint64> m_lastSessionEnd; // key → clock nanoseconds
};

ProbeScheduler::Private::Private(ProbeScheduler *owner, const ProbeOptions &probeOptions)
    : q(owner)
    , m_options(probeOptions)
{
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.hostSpacingMs = std::max(0, m_options.hostSpacingMs);
    m_clock.start();
    m_spacingTimer.setSingleShot(true);
    // Coarse timers may fire early; the gate checks the clock itself anyway.
    m_spacingTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_spacingTimer, &QTimer::timeout, q, [this] { pump(); });
}

ProbeScheduler::Private::Probe *ProbeScheduler::Private::findProbe(int id)
{
    const auto it = m_probes.find(id);
    return it == m_probes.end() ? nullptr : &it->second;
}

QString ProbeScheduler::Private::runKey(const AddressProbe *run) const
{
    return addressKey(run->address(), run->port());
}

void ProbeScheduler::Private::startQueued()
{
    const QList<int> ids = std::exchange(m_queued, {});
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

    probe->resolver = new MxResolver(m_options, q);
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
    const quint16 port = isDomain ? m_options.smtpPort : probe->target.port;
    // An IP literal was not looked up: nothing to tell about it.
    const bool literal = !isDomain && isIpLiteral(probe->target.name);

    if (!resolution.error.isEmpty()) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1: %2").arg(probe->target.name, resolution.error));
    } else if (resolution.nullMx) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1 takes no mail (null MX)").arg(probe->target.name));
    } else if (resolution.implicitMx) {
        emitEvent(id, ProbeStep::Resolve, QString(),
                  ProbeScheduler::tr("%1 has no MX records: its own addresses take its mail").arg(probe->target.name));
    }

    for (const QString &note : resolution.notes)
        emitEvent(id, ProbeStep::Resolve, QString(), note);

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
            emitEvent(id, ProbeStep::Resolve, host.name, ProbeScheduler::tr("%1: %2").arg(host.name, found));
        }
        for (const QHostAddress &address : host.addresses)
            probe->places.append(AddressSlot {host.name, address, port, std::nullopt});
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
    probe->policy = new DomainPolicyCheck(m_options, q);
    QObject::connect(
        probe->policy, &DomainPolicyCheck::finished, q,
        [this, id](const MtaStsResult &mtaSts, const TlsRptResult &tlsRpt) { onPolicyChecked(id, mtaSts, tlsRpt); });
    probe->policy->start(probe->target.name, mxNames);
}

void ProbeScheduler::Private::onPolicyChecked(int id, const MtaStsResult &mtaSts, const TlsRptResult &tlsRpt)
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
                      .arg(slot.mxName, slot.address.toString(), reused->probedAt.toString(Qt::ISODate)),
                  slot.address);
        probe->places[slotIndex].result = std::move(reused);
        return;
    }

    auto run = m_runs.find(key);
    if (run != m_runs.end()) {
        // Another probe (or another MX name of this one) has this address
        // under way: wait for it instead of opening sessions twice.
        emitEvent(id, ProbeStep::Connect, slot.mxName,
                  ProbeScheduler::tr("%1 (%2): waiting for the probe of this address under way")
                      .arg(slot.mxName, slot.address.toString()),
                  slot.address);
        qCDebug(lcProbe) << "probe" << id << "waits for the probe of" << key << "under way";
        run->waiters.append(Waiter {id, slotIndex});
        return;
    }
    Run started;
    started.waiters.append(Waiter {id, slotIndex});
    m_runs.insert(key, started);
    AddressProbe *addressProbe = startRun(slot);
    m_runs[key].probe = addressProbe;
    addressProbe->start();
}

AddressProbe *ProbeScheduler::Private::startRun(const AddressSlot &slot)
{
    auto *run = new AddressProbe(m_options, slot.mxName, slot.address, slot.port, q);
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
    const auto it = m_runs.constFind(runKey(run));
    if (it == m_runs.constEnd() || it->probe != run)
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
    m_gateQueue.removeAll(run);
    const QString key = runKey(run);
    const auto it = m_runs.find(key);
    if (it == m_runs.end() || it->probe != run)
        return; // cancelled: nobody waits for it any more
    const QList<Waiter> waiters = it->waiters;
    m_runs.erase(it);

    const bool cancelled
        = std::any_of(result.sessions.cbegin(), result.sessions.cend(),
                      [](const SmtpSessionResult &session) { return session.outcome == SessionOutcome::Cancelled; });
    if (!cancelled)
        remember(key, result);

    for (qsizetype i = 0; i < waiters.size(); ++i) {
        const Waiter &waiter = waiters.at(i);
        Probe *probe = findProbe(waiter.probeId);
        if (!probe)
            continue;
        AddressProbeResult found = AddressProbe::forName(result, probe->places.at(waiter.slot).mxName);
        found.fromCache = i > 0;
        probe->places[waiter.slot].result = std::move(found);
    }
    for (const Waiter &waiter : waiters)
        maybeFinish(waiter.probeId);
}

std::optional<AddressProbeResult> ProbeScheduler::Private::cached(const QString &key, const QString &mxName)
{
    const auto entries = m_cache.find(key);
    if (entries == m_cache.end())
        return std::nullopt;
    entries->removeIf([](const CacheEntry &entry) { return entry.expiry.hasExpired(); });
    if (entries->isEmpty()) {
        m_cache.erase(entries);
        return std::nullopt;
    }
    return AddressProbe::forName(entries->constLast().result, mxName);
}

void ProbeScheduler::Private::remember(const QString &key, const AddressProbeResult &result)
{
    if (m_options.cacheSeconds <= 0)
        return;
    // One result per address: it stands for every name (AddressProbe::forName).
    m_cache[key] = {CacheEntry {result, QDeadlineTimer(qint64(m_options.cacheSeconds) * 1000)}};
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
    m_queued.removeAll(id);
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
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        it->waiters.removeIf([id](const Waiter &waiter) { return waiter.probeId == id; });
        if (!it->waiters.isEmpty()) {
            ++it;
            continue;
        }
        // Nobody else needs this address: close its session. It stays
        // counted in the gate until its socket is closed (sessionEnded).
        AddressProbe *run = it->probe;
        m_gateQueue.removeAll(run);
        run->cancel();
        it = m_runs.erase(it);
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
    const auto it = m_probes.find(id);
    if (it == m_probes.end())
        return;
    ProbeReport report = std::move(it->second.report);
    for (const AddressSlot &slot : std::as_const(it->second.places)) {
        if (slot.result)
            report.addresses.append(*slot.result);
    }
    if (!report.started.isValid())
        report.started = QDateTime::currentDateTimeUtc();
    report.finished = QDateTime::currentDateTimeUtc();
    m_probes.erase(it);

    const QPointer<ProbeScheduler> alive(q);
    emit q->finished(id, report);
    if (alive && m_probes.empty())
        emit q->allFinished();
}

void ProbeScheduler::Private::emitEvent(int id, ProbeStep step, const QString &mxName, const QString &message,
                                        const QHostAddress &address)
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
    if (!m_gateQueue.contains(run))
        m_gateQueue.append(run);
    pump();
}

void ProbeScheduler::Private::onSessionEnded(AddressProbe *run)
{
    const QString key = runKey(run);
    m_openRuns.remove(run);
    m_busyAddresses.remove(key);
    const qint64 now = m_clock.nsecsElapsed();
    m_lastSessionEnd.insert(key, now);
    // Ends older than the spacing no longer hold anything back.
    const qint64 spacing = qint64(m_options.hostSpacingMs) * 1000000;
    m_lastSessionEnd.removeIf(
        [now, spacing](const QHash<QString, qint64>::iterator &it) { return now - it.value() >= spacing; });
    pump();
}

void ProbeScheduler::Private::pump()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 spacing = qint64(m_options.hostSpacingMs) * 1000000;
    qint64 nextDue = std::numeric_limits<qint64>::max();
    QList<AddressProbe *> granted;
    for (auto it = m_gateQueue.begin(); it != m_gateQueue.end();) {
        if (m_openRuns.size() + granted.size() >= m_options.concurrency)
            break;
        const QString key = runKey(*it);
        if (m_busyAddresses.contains(key)) {
            ++it;
            continue;
        }
        const auto ended = m_lastSessionEnd.constFind(key);
        if (ended != m_lastSessionEnd.constEnd() && now - *ended < spacing) {
            nextDue = std::min(nextDue, *ended + spacing);
            ++it;
            continue;
        }
        m_busyAddresses.insert(key);
        granted.append(*it);
        it = m_gateQueue.erase(it);
    }
    if (nextDue != std::numeric_limits<qint64>::max() && m_openRuns.size() + granted.size() < m_options.concurrency) {
        // Round up: the gate lets nothing through before its time.
        m_spacingTimer.start(int((nextDue - now + 999999) / 1000000));
    }

    for (AddressProbe *run : std::as_const(granted)) {
        qCDebug(lcProbe) << "session to" << runKey(run) << "opens;" << m_openRuns.size() + 1 << "open";
        m_openRuns.insert(run);
        const auto owner = m_runs.constFind(runKey(run));
        if (owner != m_runs.constEnd() && owner->probe == run && !owner->waiters.isEmpty()) {
            if (Probe *probe = findProbe(owner->waiters.constFirst().probeId))
                ++probe->report.sessionsUsed;
        }
        run->openSession();
    }
}

void ProbeScheduler::Private::shutdown()
{
    m_spacingTimer.stop();
    for (auto &entry : m_probes) {
        delete entry.second.resolver;
        delete entry.second.policy;
    }
    // Deleting an AddressProbe closes its session's socket.
    const QList<AddressProbe *> children = q->findChildren<AddressProbe *>(QString(), Qt::FindDirectChildrenOnly);
    for (AddressProbe *run : children) {
        QObject::disconnect(run, nullptr, q, nullptr);
        delete run;
    }
    m_probes.clear();
    m_runs.clear();
}

ProbeScheduler::ProbeScheduler(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, options))
{ }

ProbeScheduler::~ProbeScheduler()
{
    d->shutdown();
    delete d;
}

int ProbeScheduler::probe(const ProbeTarget &target)
{
    const int id = d->m_nextId++;
    Private::Probe probe;
    probe.target = target;
    probe.report.target = target;
    d->m_probes.emplace(id, std::move(probe));
    d->m_queued.append(id);
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
    for (const auto &entry : d->m_probes)
        ids.append(entry.first);
    for (const int id : ids)
        d->cancelProbe(id);
}

int ProbeScheduler::pendingCount() const
{
    return int(d->m_probes.size());
}

void ProbeScheduler::clearCache()
{
    d->m_cache.clear();
}

} // namespace mailtls
