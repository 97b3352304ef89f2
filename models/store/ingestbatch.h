#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

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
    qint64 linesRead = 0;             // lines in this batch
    QHash<QString, qint64> unrecognised; // program -> count in this batch
};

} // namespace mailtls
