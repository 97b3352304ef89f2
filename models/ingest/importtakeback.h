#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include "models/logs/records.h"
#include "models/store/importedsources.h"
#include "models/store/sourcerecord.h"

namespace mailtls {

class StoreWriter;
class TrafficStore;

// What one import of one file added to its source, kept so that it can be
// taken back (a cancelled import, LogImporter's comment says why this way),
// and the taking back itself.
//
// Records are keyed by where their first line is in the source's stream, so
// everything at or after the position the import began at came from it: taken
// away by key range, in the batches' own ranges (short transactions, newest
// first, the first one putting the source's position and reading state back,
// so that were the rest lost, importing again would read from there and
// replace what is left). The records from before that position that the
// import emitted again (sessions and messages open there, which the reading
// state holds: a bounded number) are kept aside as they were stored, to be
// put back; those it made anew are taken away by key.
class ImportTakeBack final
{
    Q_DECLARE_TR_FUNCTIONS(ImportTakeBack)

public:
    ImportTakeBack(TrafficStore &store, StoreWriter &writer);

    // The source as it was before the import; `created`: the import made it.
    void begin(const SourceRecord &before, bool created);
    bool isCreated() const { return m_created; }
    const SourceRecord &before() const { return m_before; }

    // Before a batch with `output` goes to the writer.
    bool keep(const AssemblerOutput &output, QString *error);
    // After it went, ending at `end`.
    void written(std::int64_t end) { m_ends.push_back(end); }

    // Waits for the writer, then takes back the import's `lines` and
    // `unrecognised` counts with its records, its fingerprints and a name it
    // gave the source (`renamed`). A source the import made is forgotten.
    bool run(const QString &name, std::int64_t lines, const QMap<QString, std::int64_t> &unrecognised, bool renamed,
             QString *error);

    // Takes back all of a source, and forgets it.
    static bool whole(TrafficStore &store, StoreWriter &writer, const SourceRecord &source, QString *error);

private:
    TrafficStore &m_store;
    StoreWriter &m_writer;
    SourceRecord m_before;
    bool m_created = false;
    std::vector<std::int64_t> m_ends;
    std::set<qint64> m_seenTransfers, m_seenConnections, m_seenFailures;
    AssemblerOutput m_replaced;
    RecordKeys m_added;
};

} // namespace mailtls
