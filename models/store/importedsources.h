#pragma once

#include <functional>
#include <vector>

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// One block of an imported log's line fingerprints (LineFingerprint, 4 bytes
// little-endian per line), as one batch stored them.
struct FingerprintBlock
{
    qint64 firstLine = 0;      // the source's line number of the first one (0-based)
    QByteArray fingerprints;

    qint64 lines() const { return fingerprints.size() / 4; }
};

// Records of one source, by kind and key.
struct RecordKeys
{
    std::vector<qint64> transfers;
    std::vector<qint64> connections;
    std::vector<qint64> failures;

    bool isEmpty() const { return transfers.empty() && connections.empty() && failures.empty(); }
};

// The store's bookkeeping of imported logs beyond their position, for
// LogImporter (through TrafficStore): their line fingerprints, the stored
// versions of records an import may replace (to put them back when it is
// cancelled), and forgetting a source whose import was taken back.
class ImportedSources final
{
public:
    // Blocks in line order from the one holding `fromLine` on, until `visit`
    // returns false. One block is in memory at a time.
    static bool forEachBlock(const QSqlDatabase &db, qint64 sourceId, qint64 fromLine,
                             const std::function<bool(const FingerprintBlock &)> &visit, QString *error);

    // The stored records of `sourceId` with these keys, as the assembler had
    // emitted them (keys not stored are left out).
    static bool storedRecords(const QSqlDatabase &db, qint64 sourceId, const RecordKeys &keys,
                              AssemblerOutput *out, QString *error);

    // Deletes the source with its fingerprints and unrecognised counts; false
    // (and nothing deleted) while it still has records.
    static bool removeSource(QSqlDatabase &db, qint64 sourceId, QString *error);
};

} // namespace mailtls
