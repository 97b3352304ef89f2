#pragma once

#include <functional>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"
#include "models/store/aggregatedeltas.h"
#include "models/store/ingestbatch.h"
#include "models/store/lookuptables.h"
#include "models/store/sqlitestatement.h"

namespace mailtls {

// Writes one IngestBatch inside a transaction its caller holds: upserts each
// record by (source_id, key), keeps the `daily` aggregates and their roll-ups
// (daily_totals, peer_totals, tls_daily, tls_totals) in step (a replaced
// record's stored contribution is taken away before the new one is added),
// adds the unrecognised counts and moves the source's position.
//
// Records and aggregates go in one row at a time through statements prepared
// once on the SQLite connection itself (see SqliteStatement for why); the
// other per-batch statements are prepared once and reused. Records refer
// to endpoints and TLS parameters by id, so most of their values are integers.
class RecordWriter final
{
public:
    explicit RecordWriter(const QSqlDatabase &db);
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    bool prepare(QString *error);

    // On false nothing is undone here: the caller rolls the transaction back
    // and then calls rolledBack().
    bool write(const IngestBatch &batch, QString *error);
    void rolledBack();

private:
    // What one version of a record adds to `daily` (and, for an encrypted
    // connection, to tls_daily under its TLS parameters).
    struct Contribution
    {
        AggregateKey key;
        qint64 time = 0;
        qint64 bytes = 0;
        bool encrypted = false;
        qint64 tlsId = 0;
    };

    // One kind of record, as the generic upsert sees it.
    struct Kind
    {
        const char *table;
        QSqlQuery *maxKey;
        SqliteStatement *upsert;   // binds source_id, key, then the record's values
        const char *contribution;  // columns read back as Contribution::encrypted, ::bytes, ::tlsId
        qsizetype count;
        std::function<qint64(qsizetype)> keyOf;
        // Binds the record's values (after source_id, key) and says what the
        // record contributes.
        std::function<bool(qsizetype, SqliteStatement &, Contribution *, QString *)> bind;
        std::function<void(const Contribution &, int sign)> countContribution;
        // Adds to `daily` and its roll-ups (refusals add to no figure).
        bool aggregated = true;
    };

    bool upsertRecords(const Kind &kind, qint64 sourceId, QString *error);
    // Takes away the records of `kind` that `removal` names (its key range and
    // `keys`), with what they added to the aggregates.
    bool removeRecords(const Kind &kind, qint64 sourceId, const RecordRemoval &removal,
                       const std::vector<qint64> &keys, QString *error);
    bool subtractStored(const Kind &kind, const QString &sql, QString *error);
    bool writeFingerprints(const IngestBatch &batch, QString *error);
    bool findStored(const Kind &kind, qint64 sourceId, const std::vector<qint64> &keys,
                    QHash<qint64, Contribution> *stored, QString *error);
    bool writeAggregates(QString *error);
    // Reads the latest contact and message of `daily` rows whose latest
    // record may have moved away (AggregateDeltas::rechecks()).
    bool recheckLatest(QString *error);
    // Sums the batch's changes to `daily` into the roll-ups the dashboard reads.
    bool writeRollUps(QString *error);
    bool writeUnrecognised(const IngestBatch &batch, QString *error);
    bool moveSource(const IngestBatch &batch, QString *error);

    QSqlDatabase m_db;
    LookupTables m_lookups;
    QSqlQuery m_sourceExists;
    QSqlQuery m_maxTransferKey;
    QSqlQuery m_maxConnectionKey;
    QSqlQuery m_maxFailureKey;
    QSqlQuery m_maxRefusalKey;
    QSqlQuery m_deleteEmptyDaily;
    QSqlQuery m_upsertUnrecognised;
    QSqlQuery m_updateSource;
    QSqlQuery m_appendFingerprints;
    QSqlQuery m_dropFingerprints;
    QSqlQuery m_setTimes;
    QSqlQuery m_dropEmptyUnrecognised;
    SqliteStatement m_upsertTransfer;
    SqliteStatement m_upsertConnection;
    SqliteStatement m_upsertFailure;
    SqliteStatement m_upsertRefusal;
    SqliteStatement m_addDaily;
    SqliteStatement m_addDayTotals;
    SqliteStatement m_addPeerTotals;
    SqliteStatement m_recheckDaily;
    SqliteStatement m_recheckPeer;
    SqliteStatement m_addTlsDaily;
    SqliteStatement m_addTlsTotals;
    AggregateDeltas m_deltas;
};

} // namespace mailtls
