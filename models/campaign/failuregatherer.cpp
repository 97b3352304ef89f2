#include "models/campaign/failuregatherer.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "models/store/storefilecheck.h"

namespace mailtls {

namespace {

constexpr int firstCampaignSchema = 8;
constexpr int busyTimeoutMs = 5000;
// Transfers read per peer and side at most, looking for its correspondents:
// a peer that wrote from one address a thousand times stops the reading.
constexpr int rowsPerAddress = 50;

QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return QStringLiteral("mailtls-failures-%1").arg(++counter);
}

// Addresses seen with the time last seen: listed most recent first.
class Addresses final
{
public:
    void add(const QString &address, qint64 time)
    {
        const QString trimmed = address.trimmed();
        if (trimmed.isEmpty())
            return;
        auto it = m_latest.find(trimmed);
        if (it == m_latest.end())
            m_latest.insert(trimmed, time);
        else if (time > it.value())
            it.value() = time;
    }
    void addList(const QString &commaSeparated, qint64 time)
    {
        for (const QString &address : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
            add(address, time);
    }
    bool isEmpty() const { return m_latest.isEmpty(); }
    qsizetype size() const { return m_latest.size(); }

    QStringList list(int limit) const
    {
        std::vector<std::pair<qint64, QString>> all;
        all.reserve(std::size_t(m_latest.size()));
        for (auto it = m_latest.cbegin(); it != m_latest.cend(); ++it)
            all.emplace_back(it.value(), it.key());
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        QStringList out;
        for (const auto &entry : all) {
            if (out.size() >= limit)
                break;
            out << entry.second;
        }
        return out;
    }

private:
    QHash<QString, qint64> m_latest;
};

struct Gathered
{
    CampaignPeer peer;
    QSet<QString> messages;
    Addresses ours;
    Addresses theirs;
};

using PeerKey = std::pair<int, QString>; // direction, peer

class Reader final
{
    Q_DECLARE_TR_FUNCTIONS(FailureGatherer)

public:
    Reader(const QString &path, const FailureGatherer::Options &options)
        : m_path(path)
        , m_options(options)
    { }
    ~Reader()
    {
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
        }
    }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    bool open(QString *error);
    bool readFailures(std::map<PeerKey, Gathered> *peers, QString *error);
    bool readCorrespondents(Gathered *gathered, QString *error);
    bool readFixed(CampaignPeer *peer, qint64 after, QString *error);

private:
    bool failed(const QSqlQuery &query, QString *error) const
    {
        *error
            = tr("Cannot read the failures in %1: %2").arg(QDir::toNativeSeparators(m_path), query.lastError().text());
        return false;
    }
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error) const
    {
        query = QSqlQuery(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return failed(query, error);
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec() || failed(query, error);
    }

    QString m_path;
    FailureGatherer::Options m_options;
    QString m_name;
    QSqlDatabase m_db;
};

bool Reader::open(QString *error)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    if (!QFileInfo(m_path).isFile()) {
        *error = tr("There is no MailTLS store at %1.").arg(shown);
        return false;
    }
    StoreFileCheck::Verdict verdict = StoreFileCheck::checkFile(m_path);
    if (verdict.failure != StoreOpenFailure::None) {
        *error = verdict.message;
        return false;
    }
    m_name = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!m_db.open()) {
        *error = tr("Cannot open %1: %2").arg(shown, m_db.lastError().text());
        return false;
    }
    verdict = StoreFileCheck::checkDatabase(m_db, m_path);
    if (verdict.failure != StoreOpenFailure::None) {
        *error = verdict.message;
        return false;
    }
    if (verdict.version < firstCampaignSchema) {
        *error = tr("%1 is at store schema %2; campaigns need schema %3. Open it with MailTLS once to bring "
                    "it up to date.")
                     .arg(shown)
                     .arg(verdict.version)
                     .arg(firstCampaignSchema);
        return false;
    }
    return true;
}

bool Reader::readFailures(std::map<PeerKey, Gathered> *peers, QString *error)
{
    // Refusals and TLS failures of the range, oldest first: the last row of a
    // peer gives its problem and reason.
    const QString local = m_options.includeLocal ? QString() : QStringLiteral(" AND x.local = 0");
    const QString sql
        = QStringLiteral(
              "SELECT 0, x.direction, e.peer, x.time, 'refused', x.reason, x.sender, x.recipients, '' "
              "FROM refusals x JOIN endpoints e ON e.id = x.endpoint_id WHERE x.time >= ? AND x.time < ?%1 "
              "UNION ALL "
              "SELECT 1, x.direction, e.peer, x.time, x.problem, x.reason, x.sender, x.recipients, x.queue_id "
              "FROM tls_failures x JOIN endpoints e ON e.id = x.endpoint_id WHERE x.time >= ? AND x.time < ?%1 "
              "ORDER BY 4, 1")
              .arg(local);
    QSqlQuery query;
    if (!run(query, sql, {m_options.from, m_options.to, m_options.from, m_options.to}, error))
        return false;
    while (query.next()) {
        const bool refusal = query.value(0).toInt() == 0;
        const int direction = query.value(1).toInt();
        if ((direction == int(Direction::Inbound) && !m_options.inbound)
            || (direction == int(Direction::Outbound) && !m_options.outbound)
            || direction == int(Direction::Submission))
            continue;
        const QString peerName = query.value(2).toString();
        const qint64 time = query.value(3).toLongLong();
        Gathered &g = (*peers)[PeerKey(direction, peerName)];
        CampaignPeer &p = g.peer;
        if (p.failures == 0) {
            p.peer = peerName;
            p.direction = Direction(direction);
            p.firstSeen = time;
        }
        ++p.failures;
        p.lastSeen = time;
        p.problem = query.value(4).toString();
        p.reason = query.value(5).toString();
        const QString sender = query.value(6).toString();
        const QString recipients = query.value(7).toString();
        const QString queueId = query.value(8).toString();
        if (!refusal && !queueId.isEmpty())
            g.messages.insert(queueId);
        else if (refusal && (!sender.isEmpty() || !recipients.isEmpty()))
            g.messages.insert(sender + QLatin1Char('>') + recipients);
        Addresses &senders = direction == int(Direction::Inbound) ? g.theirs : g.ours;
        Addresses &receivers = direction == int(Direction::Inbound) ? g.ours : g.theirs;
        senders.add(sender, time);
        receivers.addList(recipients, time);
    }
    return !query.lastError().isValid() || failed(query, error);
}

bool Reader::readCorrespondents(Gathered *g, QString *error)
{
    const bool inbound = g->peer.direction == Direction::Inbound;
    const bool needOurs = g->ours.isEmpty();
    const bool needTheirs = g->theirs.isEmpty();
    if (!needOurs && !needTheirs)
        return true;
    // Inbound: the message's sender is theirs; ours are the recipients our
    // server delivered that queue id to (relayed or local), which its
    // outbound records of the same source hold.
    const QString sql = inbound
        ? QStringLiteral("SELECT t.time, t.sender, (SELECT group_concat(o.recipients) FROM transfers o "
                         "WHERE o.time >= t.time AND o.source_id = t.source_id AND o.queue_id = t.queue_id "
                         "AND o.direction = 1) FROM transfers t JOIN endpoints e ON e.id = t.endpoint_id "
                         "WHERE e.peer = ? AND t.direction = 0 ORDER BY t.time DESC")
        : QStringLiteral("SELECT t.time, t.sender, t.recipients FROM transfers t JOIN endpoints e ON "
                         "e.id = t.endpoint_id WHERE e.peer = ? AND t.direction = 1 ORDER BY t.time DESC");
    QSqlQuery query;
    if (!run(query, sql, {g->peer.peer}, error))
        return false;
    const int limit = m_options.addressLimit;
    Addresses ours;
    Addresses theirs;
    for (int rows = 0; rows < limit * rowsPerAddress && query.next(); ++rows) {
        const qint64 time = query.value(0).toLongLong();
        const QString sender = query.value(1).toString();
        const QString recipients = query.value(2).toString();
        if (needOurs)
            inbound ? ours.addList(recipients, time) : ours.add(sender, time);
        if (needTheirs)
            inbound ? theirs.add(sender, time) : theirs.addList(recipients, time);
        if ((!needOurs || ours.size() >= limit) && (!needTheirs || theirs.size() >= limit))
            break;
    }
    if (query.lastError().isValid())
        return failed(query, error);
    if (needOurs)
        g->ours = ours;
    if (needTheirs)
        g->theirs = theirs;
    return true;
}

bool Reader::readFixed(CampaignPeer *peer, qint64 after, QString *error)
{
    const QString sql = QStringLiteral(
        "SELECT min(t) FROM (SELECT min(c.time) AS t FROM connections c JOIN endpoints e ON e.id = c.endpoint_id "
        "WHERE e.peer = ? AND c.direction = ? AND c.encrypted = 1 AND c.time >= ? UNION ALL "
        "SELECT min(x.time) FROM transfers x JOIN endpoints e ON e.id = x.endpoint_id "
        "WHERE e.peer = ? AND x.direction = ? AND x.encrypted = 1 AND x.time >= ?)");
    const int direction = int(peer->direction);
    QSqlQuery query;
    if (!run(query, sql, {peer->peer, direction, after, peer->peer, direction, after}, error))
        return false;
    if (!query.next())
        return !query.lastError().isValid() || failed(query, error);
    if (!query.value(0).isNull()) {
        peer->fixedAt = query.value(0).toLongLong();
        peer->fixedBy = QStringLiteral("log");
    }
    return true;
}

} // namespace

std::optional<QList<CampaignPeer>> FailureGatherer::gather(const QString &storePath, const Options &options,
                                                           QString *error)
{
    Reader reader(storePath, options);
    if (!reader.open(error))
        return std::nullopt;
    std::map<PeerKey, Gathered> gathered;
    if (!reader.readFailures(&gathered, error))
        return std::nullopt;
    QList<CampaignPeer> peers;
    for (auto &[key, g] : gathered) {
        if (!reader.readCorrespondents(&g, error))
            return std::nullopt;
        CampaignPeer peer = g.peer;
        peer.messages = int(g.messages.size());
        peer.ourAddresses = g.ours.list(options.addressLimit);
        peer.theirAddresses = g.theirs.list(options.addressLimit);
        if (options.fixedAfter && !reader.readFixed(&peer, *options.fixedAfter, error))
            return std::nullopt;
        peers << peer;
    }
    return peers;
}

} // namespace mailtls
