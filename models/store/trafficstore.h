#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <QtGlobal>

#include "models/store/importedsources.h"
#include "models/store/ingestbatch.h"
#include "models/store/overviewfigures.h"
#include "models/store/peerdetail.h"
#include "models/store/peerfigures.h"
#include "models/store/peerrow.h"
#include "models/store/probehistory.h"
#include "models/store/recordprovenance.h"
#include "models/store/reportfilter.h"
#include "models/store/sourcerecord.h"
#include "models/store/storeopenfailure.h"
#include "models/store/tlsquality.h"

namespace mailtls {

class RecordWriter;

// The SQLite store: one row per transfer, connection and TLS failure, per-day
// aggregates kept in step with them, and each source's read position. Every
// figure any view, export or report shows comes from peerFigures().
//
// One instance is one connection, usable from the thread that opened it. The
// writer (StoreWriter) owns one instance on its thread; readers open their
// own. The file is in WAL mode, so readers see the last committed batch while
// the writer works.
class TrafficStore final
{
public:
    explicit TrafficStore(const QString &path);
    // The store the window keeps its sources and figures in, and the one the
    // campaign verbs use when no --db is given: mailtls.sqlite in the app's
    // data folder.
    static QString defaultPath();
    ~TrafficStore();
    TrafficStore(const TrafficStore &) = delete;
    TrafficStore &operator=(const TrafficStore &) = delete;

    // Creates the file (and its folder) when missing and brings its schema up
    // to date. A file that is not a MailTLS store, is damaged, or comes from a
    // newer MailTLS is refused unchanged; openFailure() tells which.
    bool open(QString *error);
    bool isOpen() const;
    StoreOpenFailure openFailure() const;
    QString path() const;
    // The schema version the file has after open().
    int schemaVersion() const;

    // std::nullopt with an empty error when there is no such source.
    std::optional<SourceRecord> findSource(const QString &identity, QString *error);
    // The new source's id; -1 on error (an identity already stored is one).
    qint64 addSource(const QString &identity, const QString &name, QString *error);
    QList<SourceRecord> sources(QString *error) const;

    // Followed sources. defineSource() adds a source the user defined (spec:
    // a path, journal[:UNIT], ssh://…) or, when its identity is known already,
    // gives it that spec again, keeping where it stopped; its id, -1 on error.
    // undefineSource() forgets the definition but keeps the source's records and
    // position, so figures stay and defining it again resumes it.
    qint64 defineSource(const QString &identity, const QString &name, const QString &spec,
                        QString *error);
    bool setSourcePaused(qint64 id, bool paused, QString *error);
    bool undefineSource(qint64 id, QString *error);

    // Imported logs (ImportedSources says more). A log read on in a longer
    // version of itself is known by the new file's name from then on.
    bool setSourceName(qint64 id, const QString &name, QString *error);
    bool forEachFingerprintBlock(qint64 sourceId, qint64 fromLine,
                                 const std::function<bool(const FingerprintBlock &)> &visit,
                                 QString *error) const;
    bool storedRecords(qint64 sourceId, const RecordKeys &keys, AssemblerOutput *out, QString *error) const;
    // Forgets a source that has no records (an import taken back whole).
    bool removeSource(qint64 id, QString *error);

    // One transaction: every record (replacing an earlier version with the
    // same source and key), the aggregates, the unrecognised counts and the
    // source's position, check hash, assembler state, cursor and lines read. All or
    // nothing.
    bool writeBatch(const IngestBatch &batch, QString *error);

    // Figures per (direction, peer), sorted by direction, messages descending,
    // peer. Whole days come from the aggregates, cut days from the records.
    QList<PeerFigures> peerFigures(const ReportFilter &filter, QString *error) const;
    // The same figures counted from the records alone: slower, and the
    // reference the aggregates are checked against.
    QList<PeerFigures> peerFiguresFromRecords(const ReportFilter &filter, QString *error) const;

    // The dashboard's pages, each read the way its query class says
    // (OverviewQuery, PeerTableQuery, PeerDetailQuery, TlsQualityQuery,
    // ProvenanceQuery). The error is empty on success.
    OverviewFigures overview(const ReportFilter &filter, const OverviewOptions &options,
                             QString *error) const;
    QList<PeerRow> peerRows(const ReportFilter &filter, PeerColumns columns, QString *error) const;
    PeerDetail peerDetail(const ReportFilter &filter, const QString &peer,
                          const PeerDetailOptions &options, QString *error) const;
    TlsQuality tlsQuality(const ReportFilter &filter, QString *error) const;
    std::optional<RecordProvenance> provenance(RecordKind kind, qint64 recordId,
                                               QString *error) const;

    // Probe reports kept with their time (ProbeHistory).
    bool saveProbeReport(const ProbeReport &report, qint64 *id, QString *error);
    QList<ProbeSummary> probeHistory(const QString &peer, bool byDomain, int limit, QString *error) const;
    QList<ProbeSummary> recentProbes(int limit, QString *error) const;
    std::optional<ProbeReport> probeReport(qint64 id, QString *error) const;

    // Unrecognised lines per program, over all sources.
    QHash<QString, qint64> unrecognisedCounts(QString *error) const;
    // Lines read over all sources; -1 on error.
    qint64 linesRead(QString *error = nullptr) const;

private:
    bool updateSource(qint64 id, const char *assignment, const QVariant &value, QString *error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mailtls
