#include "models/store/trafficstore.h"

#include <atomic>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include "models/store/figurequery.h"
#include "models/store/overviewquery.h"
#include "models/store/peerdetailquery.h"
#include "models/store/peertablequery.h"
#include "models/store/provenancequery.h"
#include "models/store/tlsqualityquery.h"
#include "models/store/recordwriter.h"
#include "models/store/storefilecheck.h"
#include "models/store/storeschema.h"

namespace mailtls {

namespace {

Q_LOGGING_CATEGORY(lcStore, "mailtls.store")

// Writers wait this long for each other (another process importing, a reader
// adding a source) before a write fails as "database is locked".
constexpr int busyTimeoutMs = 10000;

// Files this process has open as stores, with how many connections each. The
// raw header check opens the file on a descriptor of its own, and closing any
// descriptor of a file drops every POSIX lock this process holds on it, SQLite's
// included: another process could then take the file as unused and delete the
// WAL under our connections. So a file already open here is not checked again
// (its first opener checked it).
struct OpenFiles
{
    QMutex mutex;
    QHash<QString, int> count;

    static OpenFiles &instance()
    {
        static OpenFiles files;
        return files;
    }
    static QString keyOf(const QString &path)
    {
        const QFileInfo info(path);
        const QString canonical = info.canonicalFilePath();
        return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    }
    bool isOpen(const QString &key)
    {
        QMutexLocker lock(&mutex);
        return count.value(key) > 0;
    }
    void add(const QString &key)
    {
        QMutexLocker lock(&mutex);
        ++count[key];
    }
    void remove(const QString &key)
    {
        QMutexLocker lock(&mutex);
        if (--count[key] <= 0)
            count.remove(key);
    }
};

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("mailtls-store-%1").arg(counter.fetch_add(1) + 1);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QVariant text(const QString &value)
{
    static const QString empty = QString::fromLatin1("", 0);
    return value.isNull() ? QVariant(empty) : QVariant(value);
}

QString sourceColumns()
{
    return QStringLiteral("id, identity, name, position, check_hash, assembler_state, "
                          "lines_read, cursor, spec, paused, first_time, last_time");
}

SourceRecord sourceFrom(const QSqlQuery &query)
{
    SourceRecord source;
    source.id = query.value(0).toLongLong();
    source.identity = query.value(1).toString();
    source.name = query.value(2).toString();
    source.position = query.value(3).toLongLong();
    source.checkHash = query.value(4).toByteArray();
    source.assemblerState = query.value(5).toByteArray();
    source.linesRead = query.value(6).toLongLong();
    source.cursor = query.value(7).toByteArray();
    source.spec = query.value(8).toString();
    source.paused = query.value(9).toInt() != 0;
    if (!query.value(10).isNull())
        source.firstTime = query.value(10).toLongLong();
    if (!query.value(11).isNull())
        source.lastTime = query.value(11).toLongLong();
    return source;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *why)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *why = query.lastError().text();
    return false;
}

} // namespace

struct TrafficStore::Private
{
    QString path;
    QString connectionName;
    QSqlDatabase db;
    bool isOpen = false;
    int version = 0;
    StoreOpenFailure failure = StoreOpenFailure::None;
    std::unique_ptr<RecordWriter> writer;
    QString openKey;   // registered in OpenFiles while the connection is open

    bool refuse(StoreOpenFailure kind, const QString &message, QString *error)
    {
        failure = kind;
        close();
        setError(error, message);
        return false;
    }

    void close()
    {
        // Statements first, then the connection, then its registration: Qt
        // warns about (and leaks) a connection removed while still in use.
        writer.reset();
        isOpen = false;
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            if (!openKey.isEmpty()) {
                OpenFiles::instance().remove(openKey);
                openKey.clear();
            }
            QSqlDatabase::removeDatabase(connectionName);
        }
    }

    // Every query first checks the store is open; the message is the same.
    bool requireOpen(QString *error) const
    {
        if (!isOpen)
            setError(error, QCoreApplication::translate("TrafficStore", "The store %1 is not open.").arg(shown(path)));
        return isOpen;
    }

    QString readError(const QSqlQuery &query) const
    {
        return QCoreApplication::translate("TrafficStore", "Cannot read %1: %2").arg(shown(path), query.lastError().text());
    }
};

QString TrafficStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/mailtls.sqlite");
}

TrafficStore::TrafficStore(const QString &path)
    : d(std::make_unique<Private>())
{
    d->path = path;
}

TrafficStore::~TrafficStore()
{
    d->close();
}

QString TrafficStore::path() const
{
    return d->path;
}

bool TrafficStore::isOpen() const
{
    return d->isOpen;
}

StoreOpenFailure TrafficStore::openFailure() const
{
    return d->failure;
}

int TrafficStore::schemaVersion() const
{
    return d->version;
}

bool TrafficStore::open(QString *error)
{
    if (d->isOpen)
        return true;
    d->failure = StoreOpenFailure::None;

    StoreFileCheck::Verdict verdict;
    if (!OpenFiles::instance().isOpen(OpenFiles::keyOf(d->path))) {
        verdict = StoreFileCheck::checkFile(d->path);
        if (verdict.failure != StoreOpenFailure::None)
            return d->refuse(verdict.failure, verdict.message, error);
    }

    const QDir folder = QFileInfo(d->path).absoluteDir();
    if (!folder.exists() && !folder.mkpath(QStringLiteral("."))) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot create the folder %1 for the MailTLS store. "
                                        "Check its permissions, or choose another place.")
                             .arg(shown(folder.absolutePath())),
                         error);
    }

    d->connectionName = nextConnectionName();
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    if (!d->db.isValid()) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot open %1: Qt's SQLite driver (QSQLITE) is not "
                                        "installed. Install the Qt 6 SQLite plugin.")
                             .arg(shown(d->path)),
                         error);
    }
    d->db.setDatabaseName(d->path);
    d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!d->db.open()) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot open %1: %2. Check that you may read and write "
                                        "it and its folder.")
                             .arg(shown(d->path), d->db.lastError().text()),
                         error);
    }
    d->openKey = OpenFiles::keyOf(d->path);
    OpenFiles::instance().add(d->openKey);

    // Reads only, until the file is known to be ours (or empty).
    verdict = StoreFileCheck::checkDatabase(d->db, d->path);
    if (verdict.failure != StoreOpenFailure::None)
        return d->refuse(verdict.failure, verdict.message, error);

    QString why;
    QString journalMode;
    {
        QSqlQuery journal(d->db);
        if (journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && journal.next())
            journalMode = journal.value(0).toString();
        else
            why = journal.lastError().text();
    }
    if (journalMode.isEmpty()) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot switch %1 to write-ahead logging: %2. Check that "
                                        "you may write the file and its folder.")
                             .arg(shown(d->path), why),
                         error);
    }
    if (journalMode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        // Some network file systems cannot share WAL memory; the store still
        // works, with readers and the writer taking turns.
        qCWarning(lcStore) << "write-ahead logging unavailable for" << d->path << "- using"
                           << journalMode;
    }
    // NORMAL is durable across application crashes in WAL mode; a power cut
    // may lose the last batches, whose positions are lost with them, so the
    // lines are read again and nothing is counted twice.
    if (!exec(d->db, QStringLiteral("PRAGMA synchronous = NORMAL"), &why)
        || !exec(d->db, QStringLiteral("PRAGMA cache_size = -16384"), &why)) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot set up %1: %2").arg(shown(d->path), why), error);
    }

    if (verdict.version < StoreSchema::currentVersion()
        && !StoreSchema::migrate(d->db, StoreSchema::migrations(), &why)) {
        return d->refuse(StoreOpenFailure::Unavailable,
                         QCoreApplication::translate("TrafficStore", "Cannot bring %1 to store schema %2: %3. The file was "
                                        "left as it was; check that you may write it and that "
                                        "its disk has free space.")
                             .arg(shown(d->path))
                             .arg(StoreSchema::currentVersion())
                             .arg(why),
                         error);
    }
    d->version = StoreSchema::currentVersion();
    d->isOpen = true;
    return true;
}

std::optional<SourceRecord> TrafficStore::findSource(const QString &identity, QString *error)
{
    setError(error, QString());
    if (!d->requireOpen(error))
        return std::nullopt;
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM sources WHERE identity = ?").arg(sourceColumns()));
    query.bindValue(0, text(identity));
    if (!query.exec()) {
        setError(error, d->readError(query));
        return std::nullopt;
    }
    if (!query.next()) {
        if (query.lastError().isValid())
            setError(error, d->readError(query));
        return std::nullopt;
    }
    return sourceFrom(query);
}

QList<SourceRecord> TrafficStore::sources(QString *error) const
{
    setError(error, QString());
    QList<SourceRecord> result;
    if (!d->requireOpen(error))
        return result;
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM sources ORDER BY id").arg(sourceColumns()))) {
        setError(error, d->readError(query));
        return result;
    }
    while (query.next()) {
        result.append(sourceFrom(query));
    }
    if (query.lastError().isValid())
        setError(error, d->readError(query));
    return result;
}

qint64 TrafficStore::addSource(const QString &identity, const QString &name, QString *error)
{
    setError(error, QString());
    if (!d->requireOpen(error))
        return -1;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("INSERT INTO sources (identity, name, position, lines_read, "
                                 "updated_at) VALUES (?, ?, 0, 0, ?)"));
    query.bindValue(0, text(identity));
    query.bindValue(1, text(name));
    query.bindValue(2, qlonglong(QDateTime::currentSecsSinceEpoch()));
    if (!query.exec()) {
        bool ok = false;
        const int code = query.lastError().nativeErrorCode().toInt(&ok) & 0xff;
        if (ok && code == 19) { // SQLITE_CONSTRAINT: identity is UNIQUE
            setError(error, QCoreApplication::translate("TrafficStore", "The source %1 is already in %2.")
                                .arg(identity, shown(d->path)));
        } else {
            setError(error, QCoreApplication::translate("TrafficStore", "Cannot add the source %1 to %2: %3")
                                .arg(identity, shown(d->path), query.lastError().text()));
        }
        return -1;
    }
    return query.lastInsertId().toLongLong();
}

qint64 TrafficStore::defineSource(const QString &identity, const QString &name,
                                  const QString &spec, QString *error)
{
    setError(error, QString());
    if (!d->requireOpen(error))
        return -1;
    // A source followed before keeps its place: defining it again resumes it.
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("INSERT INTO sources (identity, name, position, lines_read, "
                                 "updated_at, spec) VALUES (?, ?, 0, 0, ?, ?) "
                                 "ON CONFLICT (identity) DO UPDATE SET name = excluded.name, "
                                 "spec = excluded.spec"));
    query.bindValue(0, text(identity));
    query.bindValue(1, text(name));
    query.bindValue(2, qlonglong(QDateTime::currentSecsSinceEpoch()));
    query.bindValue(3, text(spec));
    if (!query.exec()) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot add the source %1 to %2: %3")
                            .arg(identity, shown(d->path), query.lastError().text()));
        return -1;
    }
    const std::optional<SourceRecord> source = findSource(identity, error);
    return source ? source->id : -1;
}

bool TrafficStore::updateSource(qint64 id, const char *assignment, const QVariant &value,
                                QString *error)
{
    setError(error, QString());
    if (!d->requireOpen(error))
        return false;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("UPDATE sources SET %1 WHERE id = ?").arg(QLatin1String(assignment)));
    if (value.isValid())
        query.addBindValue(value);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot change source %1 in %2: %3")
                            .arg(id)
                            .arg(shown(d->path), query.lastError().isValid()
                                                     ? query.lastError().text()
                                                     : QCoreApplication::translate("TrafficStore", "there is no such source")));
        return false;
    }
    return true;
}

bool TrafficStore::setSourceName(qint64 id, const QString &name, QString *error)
{
    return updateSource(id, "name = ?", text(name), error);
}

bool TrafficStore::forEachFingerprintBlock(qint64 sourceId, qint64 fromLine,
                                           const std::function<bool(const FingerprintBlock &)> &visit,
                                           QString *error) const
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return false;
    if (!ImportedSources::forEachBlock(d->db, sourceId, fromLine, visit, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read the lines of source %1 from %2: %3")
                            .arg(sourceId)
                            .arg(shown(d->path), why));
        return false;
    }
    return true;
}

bool TrafficStore::storedRecords(qint64 sourceId, const RecordKeys &keys, AssemblerOutput *out,
                                 QString *error) const
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return false;
    if (!ImportedSources::storedRecords(d->db, sourceId, keys, out, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read records of source %1 from %2: %3")
                            .arg(sourceId)
                            .arg(shown(d->path), why));
        return false;
    }
    return true;
}

bool TrafficStore::removeSource(qint64 id, QString *error)
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return false;
    if (!ImportedSources::removeSource(d->db, id, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot remove source %1 from %2: %3")
                            .arg(id)
                            .arg(shown(d->path), why));
        return false;
    }
    return true;
}

bool TrafficStore::setSourcePaused(qint64 id, bool paused, QString *error)
{
    return updateSource(id, "paused = ?", paused ? 1 : 0, error);
}

bool TrafficStore::undefineSource(qint64 id, QString *error)
{
    return updateSource(id, "spec = NULL, paused = 0", QVariant(), error);
}

bool TrafficStore::writeBatch(const IngestBatch &batch, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QString why;
    if (!d->writer) {
        auto writer = std::make_unique<RecordWriter>(d->db);
        if (!writer->prepare(&why)) {
            setError(error, QCoreApplication::translate("TrafficStore", "Cannot write to %1: %2").arg(shown(d->path), why));
            return false;
        }
        d->writer = std::move(writer);
    }
    // IMMEDIATE takes the write lock up front, so a batch never fails half
    // way for want of it.
    if (!exec(d->db, QStringLiteral("BEGIN IMMEDIATE"), &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot write to %1: %2").arg(shown(d->path), why));
        return false;
    }
    if (d->writer->write(batch, &why) && exec(d->db, QStringLiteral("COMMIT"), &why))
        return true;

    QString rollbackWhy;
    if (!exec(d->db, QStringLiteral("ROLLBACK"), &rollbackWhy))
        qCWarning(lcStore) << "rollback failed on" << d->path << rollbackWhy;
    d->writer->rolledBack();
    setError(error, QCoreApplication::translate("TrafficStore", "Cannot store a batch of source %1 (up to position %2) in %3; "
                                   "nothing of it was written: %4")
                        .arg(batch.sourceId)
                        .arg(batch.position)
                        .arg(shown(d->path), why));
    return false;
}

QList<PeerFigures> TrafficStore::peerFigures(const ReportFilter &filter, QString *error) const
{
    setError(error, QString());
    QList<PeerFigures> figures;
    QString why;
    if (d->requireOpen(error) && !FigureQuery::run(d->db, filter, FigureQuery::Plan::Automatic, &figures, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        figures.clear();
    }
    return figures;
}

QList<PeerFigures> TrafficStore::peerFiguresFromRecords(const ReportFilter &filter,
                                                        QString *error) const
{
    setError(error, QString());
    QList<PeerFigures> figures;
    QString why;
    if (d->requireOpen(error) && !FigureQuery::run(d->db, filter, FigureQuery::Plan::RecordsOnly, &figures, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        figures.clear();
    }
    return figures;
}

OverviewFigures TrafficStore::overview(const ReportFilter &filter, const OverviewOptions &options,
                                      QString *error) const
{
    setError(error, QString());
    OverviewFigures figures;
    QString why;
    if (d->requireOpen(error) && !OverviewQuery::run(d->db, filter, options, &figures, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        figures = OverviewFigures();
    }
    return figures;
}

QList<PeerRow> TrafficStore::peerRows(const ReportFilter &filter, PeerColumns columns,
                                      QString *error) const
{
    setError(error, QString());
    QList<PeerRow> rows;
    QString why;
    if (d->requireOpen(error) && !PeerTableQuery::run(d->db, filter, columns, &rows, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        rows.clear();
    }
    return rows;
}

PeerDetail TrafficStore::peerDetail(const ReportFilter &filter, const QString &peer,
                                    const PeerDetailOptions &options, QString *error) const
{
    setError(error, QString());
    PeerDetail detail;
    QString why;
    if (d->requireOpen(error) && !PeerDetailQuery::run(d->db, filter, peer, options, &detail, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        detail = PeerDetail();
    }
    return detail;
}

TlsQuality TrafficStore::tlsQuality(const ReportFilter &filter, QString *error) const
{
    setError(error, QString());
    TlsQuality quality;
    QString why;
    if (d->requireOpen(error) && !TlsQualityQuery::run(d->db, filter, &quality, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        quality = TlsQuality();
    }
    return quality;
}

bool TrafficStore::saveProbeReport(const ProbeReport &report, qint64 *id, QString *error)
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return false;
    if (ProbeHistory::save(d->db, report, id, &why))
        return true;
    setError(error, QCoreApplication::translate("TrafficStore", "Cannot keep the probe of %1 in %2: %3")
                        .arg(report.target.name, shown(d->path), why));
    return false;
}

QList<ProbeSummary> TrafficStore::probeHistory(const QString &peer, bool byDomain, int limit, QString *error) const
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return {};
    QList<ProbeSummary> summaries = ProbeHistory::forPeer(d->db, peer, byDomain, limit, &why);
    if (!why.isEmpty()) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read probes from %1: %2").arg(shown(d->path), why));
        summaries.clear();
    }
    return summaries;
}

QList<ProbeSummary> TrafficStore::recentProbes(int limit, QString *error) const
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return {};
    QList<ProbeSummary> summaries = ProbeHistory::recent(d->db, limit, &why);
    if (!why.isEmpty()) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read probes from %1: %2").arg(shown(d->path), why));
        summaries.clear();
    }
    return summaries;
}

std::optional<ProbeReport> TrafficStore::probeReport(qint64 id, QString *error) const
{
    setError(error, QString());
    QString why;
    if (!d->requireOpen(error))
        return std::nullopt;
    std::optional<ProbeReport> report = ProbeHistory::load(d->db, id, &why);
    if (!report)
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read probes from %1: %2").arg(shown(d->path), why));
    return report;
}

std::optional<RecordProvenance> TrafficStore::provenance(RecordKind kind, qint64 recordId,
                                                         QString *error) const
{
    setError(error, QString());
    RecordProvenance provenance;
    QString why;
    if (!d->requireOpen(error))
        return std::nullopt;
    if (!ProvenanceQuery::run(d->db, kind, recordId, &provenance, &why)) {
        setError(error, QCoreApplication::translate("TrafficStore", "Cannot read figures from %1: %2").arg(shown(d->path), why));
        return std::nullopt;
    }
    return provenance;
}

QHash<QString, qint64> TrafficStore::unrecognisedCounts(QString *error) const
{
    setError(error, QString());
    QHash<QString, qint64> counts;
    if (!d->requireOpen(error))
        return counts;
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT program, sum(count) FROM unrecognised "
                                   "GROUP BY program"))) {
        setError(error, d->readError(query));
        return counts;
    }
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    if (query.lastError().isValid()) {
        setError(error, d->readError(query));
        counts.clear();
    }
    return counts;
}

qint64 TrafficStore::linesRead(QString *error) const
{
    setError(error, QString());
    if (!d->requireOpen(error))
        return -1;
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT coalesce(sum(lines_read), 0) FROM sources"))
        || !query.next()) {
        setError(error, d->readError(query));
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace mailtls
