#pragma once

#include <optional>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// Records of one source to take away, with what they add to the figures: how
// an import that was cancelled is taken back (LogImporter). Keys are record
// keys (line offsets in the source's stream).
struct RecordRemoval
{
    qint64 keysFrom = -1;    // every record with keysFrom <= key (< keysUntil); -1: none
    qint64 keysUntil = -1;   // -1: no upper end
    std::vector<qint64> transferKeys;     // and these, whatever their keys
    std::vector<qint64> connectionKeys;
    std::vector<qint64> failureKeys;
    qint64 fingerprintsFrom = -1;         // line fingerprints kept from this line on; -1: none

    bool isEmpty() const
    {
        return keysFrom < 0 && transferKeys.empty() && connectionKeys.empty() && failureKeys.empty()
            && fingerprintsFrom < 0;
    }
};

// What one read step of a source produced. The store writes all of it in one
// transaction, so the source's position never runs ahead of (or behind) the
// records the lines before it made.
struct IngestBatch
{
    qint64 sourceId = -1;
    AssemblerOutput output;
    qint64 position = 0;              // the source's position after this batch
    QByteArray checkHash;
    QByteArray assemblerState;
    QByteArray cursor;                // a followed source's own resume point after this batch
    qint64 linesRead = 0;             // lines in this batch (negative when an import is taken back)
    QHash<QString, qint64> unrecognised; // program -> count in this batch

    // Imported logs. LineFingerprint of each line of the batch, 4 bytes
    // little-endian each, kept in the source's line order (empty: none kept).
    QByteArray lineFingerprints;
    // When set, the source's first and last stamped lines' times become these
    // (a missing one: unknown).
    bool setTimes = false;
    std::optional<qint64> firstTime;
    std::optional<qint64> lastTime;
    // Taken away before the output is stored.
    RecordRemoval removal;
};

} // namespace mailtls
