#include "models/sources/followworker.h"

#include <vector>

#include <QMetaObject>
#include <QTimer>

#include "models/sources/logsource.h"
#include "models/sources/sourcefactory.h"
#include "models/sources/sourcefollower.h"
#include "models/sources/sourcespec.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

// Progress reaches the GUI at most this often per source.
constexpr qint64 progressIntervalMs = 500;

} // namespace

struct FollowWorker::Running
{
    std::unique_ptr<SourceFollower> follower;
    QElapsedTimer lastReport;
    // What the GUI was told last: progress it has not seen is sent by refresh().
    qint64 reportedLines = -1;
    qint64 reportedRate = -1;
};

FollowWorker::FollowWorker(const QString &storePath, const SourceContext &context)
    : m_storePath(storePath)
    , m_context(context)
{
}

FollowWorker::~FollowWorker()
{
    shutdown();
}

void FollowWorker::open()
{
    // Progress is reported at most every progressIntervalMs per source; this
    // sends what a throttled report left out, and a rate that fell to zero.
    m_refresh = new QTimer(this);
    m_refresh->setInterval(int(progressIntervalMs));
    connect(m_refresh, &QTimer::timeout, this, &FollowWorker::refresh);
    m_refresh->start();

    m_store = std::make_unique<TrafficStore>(m_storePath);
    QString error;
    if (!m_store->open(&error)) {
        m_store.reset();
        emit opened(false, error);
        return;
    }
    if (!ensureWriter(&error)) {
        m_store.reset();
        emit opened(false, error);
        return;
    }
    const QList<SourceRecord> all = m_store->sources(&error);
    if (!error.isEmpty()) {
        emit opened(false, error);
        return;
    }
    emit opened(true, QString());
    for (const SourceRecord &record : all) {
        if (record.spec.isEmpty())
            continue; // an imported log, not a followed source
        m_records[record.id] = record;
        if (record.paused)
            emit statusChanged(statusOf(record));
        else
            startFollowing(record);
    }
}

SourceManager::Status FollowWorker::statusOf(const SourceRecord &record) const
{
    SourceManager::Status status;
    status.id = record.id;
    status.spec = record.spec;
    status.name = record.name;
    status.paused = record.paused;
    status.position = record.position;
    status.linesRead = record.linesRead;
    const auto it = m_running.find(record.id);
    if (it != m_running.end()) {
        const SourceFollower &follower = *it->second->follower;
        status.state = follower.source()->state();
        status.reason = follower.source()->reason();
        status.needsUser = follower.source()->needsUser();
        status.position = follower.position();
        status.linesRead = follower.record().linesRead;
        status.rate = follower.rate();
    } else if (record.paused) {
        status.reason = tr("paused");
    } else if (m_stoppedByStore.count(record.id)) {
        status.reason = tr("What was read could not be stored: %1. Press Retry once the database can be "
                           "written to again; reading goes on from what it holds.")
                            .arg(m_storeError);
    }
    return status;
}

void FollowWorker::report(qint64 id, bool force)
{
    const auto record = m_records.find(id);
    if (record == m_records.end())
        return;
    const SourceManager::Status status = statusOf(record->second);
    const auto running = m_running.find(id);
    if (running != m_running.end()) {
        Running &r = *running->second;
        if (!force && r.lastReport.isValid() && r.lastReport.elapsed() < progressIntervalMs)
            return;
        r.lastReport.start();
        r.reportedLines = status.linesRead;
        r.reportedRate = qRound64(status.rate);
    }
    emit statusChanged(status);
}

void FollowWorker::refresh()
{
    for (const auto &[id, running] : m_running) {
        const SourceFollower &follower = *running->follower;
        if (follower.record().linesRead != running->reportedLines
            || qRound64(follower.rate()) != running->reportedRate)
            report(id, true);
    }
}

void FollowWorker::startFollowing(const SourceRecord &record)
{
    if (m_running.count(record.id))
        return;
    QString error;
    if (!ensureWriter(&error)) {
        m_stoppedByStore.insert(record.id);
        report(record.id, true);
        return;
    }
    m_stoppedByStore.erase(record.id);
    const std::optional<SourceSpec> spec = SourceSpec::parse(record.spec, &error);
    if (!spec) {
        emit warning(record.id, tr("%1: %2").arg(record.name, error));
        emit statusChanged(statusOf(record));
        return;
    }
    auto running = std::make_unique<Running>();
    running->follower = std::make_unique<SourceFollower>(*m_writer, SourceFactory::create(*spec, m_context),
                                                         record, SourceFollower::Options());
    SourceFollower *follower = running->follower.get();
    const qint64 id = record.id;
    connect(follower, &SourceFollower::stateChanged, this, [this, id] { report(id, true); });
    connect(follower, &SourceFollower::progressed, this, [this, id] { report(id); });
    connect(follower, &SourceFollower::warning, this, [this, id](const QString &message) {
        emit warning(id, message);
    });
    // Emitted from inside the follower, which storeFailed() deletes.
    connect(follower, &SourceFollower::failed, this, [this, generation = m_writerGeneration](const QString &message) {
        QMetaObject::invokeMethod(this, [this, generation, message] {
            if (generation == m_writerGeneration)
                storeFailed(message);
        }, Qt::QueuedConnection);
    });
    m_running[id] = std::move(running);
    follower->start();
    report(id, true);
}

void FollowWorker::stopFollowing(qint64 id)
{
    const auto it = m_running.find(id);
    if (it == m_running.end())
        return;
    std::unique_ptr<Running> running = std::move(it->second);
    m_running.erase(it);
    running->follower->stop();
    m_records[id] = running->follower->record();
}

bool FollowWorker::ensureWriter(QString *error)
{
    if (m_writer)
        return true;
    if (!m_store) {
        *error = tr("The store is not open.");
        m_storeError = *error;
        return false;
    }
    auto writer = std::make_unique<StoreWriter>(m_storePath);
    if (!writer->start(error)) {
        m_storeError = *error;
        return false;
    }
    const quint64 generation = ++m_writerGeneration;
    // Emitted on the writer's thread: queued here, where a source gone quiet
    // would never learn of it from a refused batch of its own.
    connect(writer.get(), &StoreWriter::failed, this, [this, generation](const QString &message) {
        if (generation == m_writerGeneration)
            storeFailed(message);
    });
    m_writer = std::move(writer);
    m_storeError.clear();
    return true;
}

void FollowWorker::storeFailed(const QString &error)
{
    if (!m_writer)
        return;
    m_storeError = error;
    // The writer dropped every batch after the refused one: each source goes
    // on from the place the store holds, not from where it had read to.
    std::vector<qint64> stopped;
    for (auto it = m_running.begin(); it != m_running.end(); it = m_running.erase(it)) {
        SourceFollower &follower = *it->second->follower;
        follower.disconnect(this);
        follower.stop();
        stopped.push_back(it->first);
        m_stoppedByStore.insert(it->first);
    }
    m_writer.reset();
    QString why;
    const QList<SourceRecord> stored = m_store ? m_store->sources(&why) : QList<SourceRecord>();
    for (const SourceRecord &record : stored) {
        const auto known = m_records.find(record.id);
        if (known != m_records.end())
            known->second = record;
    }
    for (const qint64 id : stopped) {
        emit warning(id, tr("%1: what was read could not be stored: %2").arg(m_records[id].name, error));
        report(id, true);
    }
}

void FollowWorker::add(const QString &specText)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(specText, &error);
    if (!spec || !m_store) {
        emit warning(-1, spec ? tr("The store is not open.") : error);
        return;
    }
    const qint64 id = m_store->defineSource(spec->toString(), spec->displayName(), spec->toString(), &error);
    if (id < 0) {
        emit warning(-1, error);
        return;
    }
    if (m_running.count(id))
        return; // already followed
    std::optional<SourceRecord> record = m_store->findSource(spec->toString(), &error);
    if (!record) {
        emit warning(-1, error);
        return;
    }
    m_records[id] = *record;
    if (record->paused)
        emit statusChanged(statusOf(*record));
    else
        startFollowing(*record);
}

void FollowWorker::edit(qint64 id, const QString &specText)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(specText, &error);
    if (!spec) {
        emit warning(id, error);
        return;
    }
    const auto it = m_records.find(id);
    if (it != m_records.end() && it->second.spec == spec->toString())
        return;
    remove(id);
    add(specText);
}

void FollowWorker::setPaused(qint64 id, bool paused)
{
    const auto it = m_records.find(id);
    if (it == m_records.end() || !m_store)
        return;
    QString error;
    if (!m_store->setSourcePaused(id, paused, &error)) {
        emit warning(id, error);
        return;
    }
    if (paused)
        stopFollowing(id);
    m_records[id].paused = paused;
    if (paused)
        report(id, true);
    else
        startFollowing(m_records[id]);
}

void FollowWorker::remove(qint64 id)
{
    if (!m_records.count(id) || !m_store)
        return;
    stopFollowing(id);
    QString error;
    if (!m_store->undefineSource(id, &error))
        emit warning(id, error);
    m_records.erase(id);
    m_stoppedByStore.erase(id);
    emit removed(id);
}

void FollowWorker::retry(qint64 id)
{
    if (!m_records.count(id) || m_records[id].paused)
        return;
    stopFollowing(id);
    const bool newWriter = !m_writer;
    startFollowing(m_records[id]);
    if (newWriter && m_writer) {
        // The other sources the failed writer stopped go on with the new one.
        const std::set<qint64> waiting = m_stoppedByStore;
        for (const qint64 other : waiting) {
            const auto record = m_records.find(other);
            if (record != m_records.end() && !record->second.paused)
                startFollowing(record->second);
        }
    }
}

void FollowWorker::test(const QString &specText, int timeoutMs)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(specText, &error);
    if (!spec) {
        emit testFinished(specText, false, error);
        return;
    }
    // The source runs on its own until it reaches its log or says why not;
    // nothing it reads is stored.
    LogSource *source = SourceFactory::create(*spec, m_context).release();
    source->setParent(this);
    auto done = std::make_shared<bool>(false);
    auto finish = [this, source, specText, done](bool reached, const QString &message) {
        if (*done)
            return;
        *done = true;
        source->stop();
        source->deleteLater();
        emit testFinished(specText, reached, message);
    };
    connect(source, &LogSource::stateChanged, this,
            [finish](LogSource::State state, const QString &reason) {
                if (state == LogSource::State::Following || state == LogSource::State::Lagging)
                    finish(true, tr("MailTLS can read this log."));
                else if (!reason.isEmpty())
                    finish(false, reason);
            });
    QTimer::singleShot(timeoutMs, source, [finish, timeoutMs] {
        finish(false, tr("No answer within %1 seconds.").arg(timeoutMs / 1000));
    });
    source->start(QByteArray(), 0);
}

void FollowWorker::shutdown()
{
    while (!m_running.empty())
        stopFollowing(m_running.begin()->first);
    if (m_writer) {
        m_writer->stop();
        m_writer.reset();
    }
    m_store.reset();
}

} // namespace mailtls
