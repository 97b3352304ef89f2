#include "models/ingest/importtakeback.h"

#include "models/ingest/ingestlogging.h"
#include "models/store/ingestbatch.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

// Splits the stored versions of `wanted` from the keys that have none.
template <typename Record>
void sortOut(const std::vector<qint64> &wanted, const std::vector<Record> &stored, std::vector<Record> *replaced,
             std::vector<qint64> *added)
{
    std::set<qint64> found;
    for (const Record &r : stored) {
        found.insert(r.key);
        replaced->push_back(r);
    }
    for (qint64 key : wanted) {
        if (!found.count(key))
            added->push_back(key);
    }
}

template <typename Record>
void newKeys(const std::vector<Record> &records, std::int64_t start, std::set<qint64> *seen, std::vector<qint64> *out)
{
    for (const Record &r : records) {
        if (r.key < start && seen->insert(r.key).second)
            out->push_back(r.key);
    }
}

} // namespace

ImportTakeBack::ImportTakeBack(TrafficStore &store, StoreWriter &writer)
    : m_store(store)
    , m_writer(writer)
{
}

void ImportTakeBack::begin(const SourceRecord &before, bool created)
{
    m_before = before;
    m_created = created;
}

bool ImportTakeBack::keep(const AssemblerOutput &output, QString *error)
{
    const std::int64_t start = m_before.position;
    if (start <= 0)
        return true;
    RecordKeys wanted;
    newKeys(output.transfers, start, &m_seenTransfers, &wanted.transfers);
    newKeys(output.connections, start, &m_seenConnections, &wanted.connections);
    newKeys(output.failures, start, &m_seenFailures, &wanted.failures);
    if (wanted.isEmpty())
        return true;
    // No batch of this import held these keys before: what the store has is
    // what the import found.
    AssemblerOutput stored;
    if (!m_store.storedRecords(m_before.id, wanted, &stored, error))
        return false;
    sortOut(wanted.transfers, stored.transfers, &m_replaced.transfers, &m_added.transfers);
    sortOut(wanted.connections, stored.connections, &m_replaced.connections, &m_added.connections);
    sortOut(wanted.failures, stored.failures, &m_replaced.failures, &m_added.failures);
    return true;
}

bool ImportTakeBack::run(const QString &name, std::int64_t lines, const QMap<QString, std::int64_t> &unrecognised,
                         bool renamed, QString *error)
{
    QString why;
    auto failed = [&] {
        *error = tr("%1: the import was cancelled, but what it had added cannot be taken back: %2").arg(name, why);
        return false;
    };
    if (!m_writer.waitUntilWritten(&why))
        return failed();
    auto asBefore = [this] {
        IngestBatch batch;
        batch.sourceId = m_before.id;
        batch.position = m_before.position;
        batch.checkHash = m_before.checkHash;
        batch.assemblerState = m_before.assemblerState;
        batch.cursor = m_before.cursor;
        return batch;
    };
    const std::int64_t start = m_before.position;
    const std::size_t n = m_ends.size();
    IngestBatch first = asBefore();
    first.output = std::move(m_replaced);
    first.removal.keysFrom = n >= 2 ? m_ends[n - 2] : start;
    first.removal.transferKeys = std::move(m_added.transfers);
    first.removal.connectionKeys = std::move(m_added.connections);
    first.removal.failureKeys = std::move(m_added.failures);
    first.removal.fingerprintsFrom = m_before.linesRead;
    first.linesRead = -lines;
    for (auto it = unrecognised.cbegin(); it != unrecognised.cend(); ++it)
        first.unrecognised.insert(it.key(), -it.value());
    first.setTimes = true;
    first.firstTime = m_before.firstTime;
    first.lastTime = m_before.lastTime;
    bool queued = m_writer.enqueue(std::move(first));
    // The first took [ends[n - 2], …); these take [ends[k - 1], ends[k]) for k = n - 2 … 0.
    for (std::size_t k = n >= 2 ? n - 1 : 0; queued && k-- > 0;) {
        IngestBatch batch = asBefore();
        batch.removal.keysFrom = k == 0 ? start : m_ends[k - 1];
        batch.removal.keysUntil = m_ends[k];
        queued = m_writer.enqueue(std::move(batch));
    }
    if (!m_writer.waitUntilWritten(&why))
        return failed();
    if (m_created && !m_store.removeSource(m_before.id, error))
        return false;
    if (renamed && !m_store.setSourceName(m_before.id, m_before.name, error))
        return false;
    qCDebug(lcIngest) << name << "taken back to position" << start;
    return true;
}

bool ImportTakeBack::whole(TrafficStore &store, StoreWriter &writer, const SourceRecord &source, QString *error)
{
    SourceRecord empty;
    empty.id = source.id;
    empty.identity = source.identity;
    empty.name = source.name;
    ImportTakeBack all(store, writer);
    all.begin(empty, true);
    // Its unrecognised counts go with the source.
    return all.run(source.name, source.linesRead, {}, false, error);
}

} // namespace mailtls
