#include "models/probe/probeservice.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include "models/probe/probeanalyzer.h"
#include "models/probe/probelogging.h"
#include "models/probe/probescheduler.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

struct Saved
{
    bool ok = false;
    QString error;
};

// On a pool thread, through a connection of its own.
Saved save(const QString &path, const ProbeReport &report)
{
    Saved saved;
    TrafficStore store(path);
    qint64 id = 0;
    saved.ok = store.open(&saved.error) && store.saveProbeReport(report, &id, &saved.error);
    return saved;
}

} // namespace

class ProbeService::Private
{
public:
    ProbeOptions options;
    ProbeScheduler *scheduler = nullptr;
    QString storePath;
    // One writer at a time: reports are kept in the order they finished.
    QThreadPool writers;
    // The service's ids, and where each probe runs: a probe started before the
    // options changed ends on the scheduler it started on.
    QHash<int, QPair<ProbeScheduler *, int>> running;
    int nextId = 1;
    QSet<int> batch;
    int batchTotal = 0;
    int batchDone = 0;
    bool busy = false;
};

ProbeService::ProbeService(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->options = options;
    d->writers.setMaxThreadCount(1);
    setOptions(options);
}

ProbeService::~ProbeService()
{
    // Schedulers end their sessions as they go; what they say then is for
    // nobody.
    const QList<ProbeScheduler *> schedulers = findChildren<ProbeScheduler *>(Qt::FindDirectChildrenOnly);
    for (ProbeScheduler *scheduler : schedulers) {
        disconnect(scheduler, nullptr, this, nullptr);
        delete scheduler;
    }
    d->writers.waitForDone();
    delete d;
}

void ProbeService::setStorePath(const QString &path)
{
    d->storePath = path;
}

QString ProbeService::storePath() const
{
    return d->storePath;
}

void ProbeService::setOptions(const ProbeOptions &options)
{
    d->options = options;
    ProbeScheduler *old = d->scheduler;
    auto *scheduler = new ProbeScheduler(options, this);
    d->scheduler = scheduler;
    auto serviceId = [this, scheduler](int schedulerId) {
        for (auto it = d->running.cbegin(); it != d->running.cend(); ++it) {
            if (it.value().first == scheduler && it.value().second == schedulerId)
                return it.key();
        }
        return 0;
    };
    connect(scheduler, &ProbeScheduler::event, this, [this, serviceId](int schedulerId, const ProbeEvent &e) {
        if (const int id = serviceId(schedulerId))
            emit event(id, e);
    });
    connect(scheduler, &ProbeScheduler::finished, this, [this, serviceId](int schedulerId, const ProbeReport &evidence) {
        const int id = serviceId(schedulerId);
        if (id == 0)
            return;
        d->running.remove(id);
        finish(id, evidence);
    });
    if (old) {
        if (old->pendingCount() == 0)
            old->deleteLater();
        else
            connect(old, &ProbeScheduler::allFinished, old, &QObject::deleteLater);
    }
}

void ProbeService::finish(int id, const ProbeReport &evidence)
{
    ProbeReport report = evidence;
    ProbeAnalyzer::analyze(report);
    emit finished(id, report);
    const QString path = d->storePath;
    if (!path.isEmpty() && !report.cancelled) {
        auto *watcher = new QFutureWatcher<Saved>(this);
        connect(watcher, &QFutureWatcher<Saved>::finished, this, [this, watcher, id]() {
            const Saved saved = watcher->result();
            watcher->deleteLater();
            if (!saved.ok)
                qCWarning(lcProbe) << saved.error;
            emit stored(id, saved.ok, saved.error);
        });
        watcher->setFuture(QtConcurrent::run(&d->writers, save, path, report));
    }
    if (d->batch.remove(id)) {
        ++d->batchDone;
        emit batchProgress(d->batchDone, d->batchTotal);
        if (d->batch.isEmpty()) {
            d->batchTotal = 0;
            d->batchDone = 0;
            emit batchFinished();
        }
    }
    if (d->running.isEmpty()) {
        d->busy = false;
        emit busyChanged(false);
    }
}

ProbeOptions ProbeService::options() const
{
    return d->options;
}

int ProbeService::probe(const ProbeTarget &target)
{
    const int id = d->nextId++;
    d->running.insert(id, qMakePair(d->scheduler, d->scheduler->probe(target)));
    if (!d->busy) {
        d->busy = true;
        emit busyChanged(true);
    }
    return id;
}

QList<int> ProbeService::probeBatch(const QList<ProbeTarget> &targets)
{
    QList<int> ids;
    for (const ProbeTarget &target : targets) {
        const int id = probe(target);
        ids << id;
        d->batch.insert(id);
    }
    d->batchTotal += int(targets.size());
    if (!targets.isEmpty())
        emit batchProgress(d->batchDone, d->batchTotal);
    return ids;
}

void ProbeService::cancel(int id)
{
    const auto found = d->running.constFind(id);
    if (found != d->running.constEnd())
        found->first->cancel(found->second);
}

void ProbeService::cancelAll()
{
    const auto running = d->running;
    for (const auto &where : running)
        where.first->cancel(where.second);
}

bool ProbeService::isBusy() const
{
    return !d->running.isEmpty();
}

} // namespace mailtls
