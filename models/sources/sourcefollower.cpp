#include "models/sources/sourcefollower.h"

#include <algorithm>

#include <QCryptographicHash>

#include "models/ingest/ingestlogging.h"
#include "models/ingest/lineingest.h"
#include "models/store/ingestbatch.h"
#include "models/store/storewriter.h"

namespace mailtls {

namespace {

// The rate is measured over this much time.
constexpr qint64 rateWindowMs = 5000;

std::string_view lastLineOf(const QByteArray &text)
{
    // text ends with '\n'; the last line starts after the previous one.
    if (text.size() < 2)
        return {};
    const qsizetype end = text.size() - 1;
    const qsizetype start = text.lastIndexOf('\n', end - 1) + 1;
    return std::string_view(text.constData() + start, std::size_t(end - start));
}

} // namespace

SourceFollower::SourceFollower(StoreWriter &writer, std::unique_ptr<LogSource> source,
                               const SourceRecord &record, const Options &options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_source(std::move(source))
    , m_record(record)
    , m_options(options)
    , m_ingest(std::make_unique<LineIngest>(options.zone))
    , m_position(record.position)
    , m_cursor(record.cursor)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &SourceFollower::flush);
    connect(m_source.get(), &LogSource::chunkRead, this, &SourceFollower::onChunk);
    connect(m_source.get(), &LogSource::stateChanged, this, &SourceFollower::stateChanged);
    connect(m_source.get(), &LogSource::warning, this, &SourceFollower::warning);
}

SourceFollower::~SourceFollower()
{
    stop();
}

void SourceFollower::start()
{
    if (m_running)
        return;
    if (!m_record.assemblerState.isEmpty()) {
        QString why;
        if (!m_assembler.restoreState(m_record.assemblerState, &why)) {
            qCInfo(lcIngest).noquote() << m_record.name << why;
            emit warning(tr("%1: the reading state stored with it is damaged (%2); reading goes on "
                            "where it stopped, and sessions open at that moment may be miscounted.")
                             .arg(m_record.name, why));
        }
    }
    m_running = true;
    m_clock.start();
    m_samples.clear();
    m_samples.emplace_back(0, m_linesRead);
    m_source->start(m_record.cursor, m_record.position);
}

void SourceFollower::stop()
{
    if (!m_running)
        return;
    m_source->stop();
    m_running = false;
    flush();
}

void SourceFollower::onChunk(const SourceChunk &chunk)
{
    if (!m_running || chunk.text.isEmpty())
        return;
    if (chunk.offset != m_position)
        qCWarning(lcIngest) << m_record.name << "chunk at" << chunk.offset << "expected" << m_position;
    m_ingest->setReferenceTime(chunk.referenceTime);
    const std::string_view text(chunk.text.constData(), std::size_t(chunk.text.size()));
    const std::int64_t before = m_ingest->linesSeen();
    m_ingest->ingest(text, chunk.offset, m_assembler);
    const qint64 lines = m_ingest->linesSeen() - before;
    m_pendingLines += lines;
    m_linesRead += lines;
    m_position = chunk.offset + chunk.text.size();
    m_cursor = chunk.cursor;
    m_lastLine.assign(lastLineOf(chunk.text));
    m_dirty = true;
    if (m_pendingLines >= m_options.maxBatchLines)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SourceFollower::flush()
{
    m_flushTimer.stop();
    if (!m_dirty)
        return;
    IngestBatch batch;
    batch.sourceId = m_record.id;
    batch.output = m_assembler.takeOutput();
    batch.position = m_position;
    batch.checkHash = QCryptographicHash::hash(QByteArrayView(m_lastLine.data(), qsizetype(m_lastLine.size())),
                                               QCryptographicHash::Sha256);
    batch.assemblerState = m_assembler.saveState();
    batch.cursor = m_cursor;
    batch.linesRead = m_pendingLines;
    batch.unrecognised = m_ingest->takeUnrecognised();
    m_pendingLines = 0;
    m_dirty = false;
    // The stored record moves on with the batch: a follower made again from it
    // (a restart of this source) starts here.
    m_record.position = batch.position;
    m_record.cursor = batch.cursor;
    m_record.assemblerState = batch.assemblerState;
    m_record.checkHash = batch.checkHash;
    m_record.linesRead += batch.linesRead;
    if (!m_writer.enqueue(std::move(batch))) {
        m_source->stop();
        m_running = false;
        emit failed(m_writer.errorString());
        return;
    }
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_samples.emplace_back(now, m_linesRead);
    while (m_samples.size() > 2 && now - m_samples[1].first > rateWindowMs)
        m_samples.pop_front();
    emit progressed(m_position, m_linesRead);
}

double SourceFollower::rate() const
{
    // Lines over the last rateWindowMs up to now: a source that went quiet
    // goes down to zero instead of keeping its last rate.
    if (m_samples.empty() || !m_clock.isValid())
        return 0;
    const qint64 now = m_clock.elapsed();
    const std::pair<qint64, qint64> *base = &m_samples.front();
    for (const auto &sample : m_samples) {
        if (sample.first > now - rateWindowMs)
            break;
        base = &sample;
    }
    const qint64 span = std::max<qint64>(now - base->first, 1000);
    return double(m_linesRead - base->second) * 1000.0 / double(span);
}

} // namespace mailtls
