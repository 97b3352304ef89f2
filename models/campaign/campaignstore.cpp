#include "models/campaign/campaignstore.h"

#include <atomic>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "models/store/storefilecheck.h"

namespace mailtls {

namespace {

constexpr int firstCampaignSchema = 8;
constexpr int busyTimeoutMs = 10000;

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("mailtls-campaigns-%1").arg(++counter);
}

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString joinAddresses(const QStringList &addresses)
{
    return addresses.join(QLatin1Char(','));
}

QStringList splitAddresses(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

const QString &campaignColumns()
{
    static const QString columns = QStringLiteral(
        "id, name, created, mta, host, config_dir, inbound, outbound, window_start, window_end, "
        "ended_at, ended_by, backup_id, revert_job, gathered_at FROM campaigns");
    return columns;
}

Campaign campaignOf(const QSqlQuery &row)
{
    Campaign campaign;
    campaign.id = row.value(0).toLongLong();
    campaign.name = row.value(1).toString();
    campaign.created = row.value(2).toLongLong();
    campaign.mta = row.value(3).toString();
    campaign.host = row.value(4).toString();
    campaign.configDir = row.value(5).toString();
    campaign.inbound = row.value(6).toInt() != 0;
    campaign.outbound = row.value(7).toInt() != 0;
    campaign.windowStart = row.value(8).toLongLong();
    campaign.windowEnd = row.value(9).toLongLong();
    campaign.endedAt = optionalFrom(row.value(10));
    campaign.endedBy = row.value(11).toString();
    campaign.backupId = row.value(12).toString();
    campaign.revertJob = row.value(13).toString();
    campaign.gatheredAt = optionalFrom(row.value(14));
    return campaign;
}

const QString &peerColumns()
{
    static const QString columns = QStringLiteral(
        "campaign_id, peer, direction, problem, reason, failures, messages, first_seen, last_seen, "
        "our_addresses, their_addresses, fixed_at, fixed_by FROM campaign_peers");
    return columns;
}

CampaignPeer peerOf(const QSqlQuery &row)
{
    CampaignPeer peer;
    peer.campaignId = row.value(0).toLongLong();
    peer.peer = row.value(1).toString();
    peer.direction = row.value(2).toInt() == int(Direction::Outbound) ? Direction::Outbound : Direction::Inbound;
    peer.problem = row.value(3).toString();
    peer.reason = row.value(4).toString();
    peer.failures = row.value(5).toInt();
    peer.messages = row.value(6).toInt();
    peer.firstSeen = row.value(7).toLongLong();
    peer.lastSeen = row.value(8).toLongLong();
    peer.ourAddresses = splitAddresses(row.value(9).toString());
    peer.theirAddresses = splitAddresses(row.value(10).toString());
    peer.fixedAt = optionalFrom(row.value(11));
    peer.fixedBy = row.value(12).toString();
    return peer;
}

QString peerKey(const QString &peer, Direction direction)
{
    return QString::number(int(direction)) + QLatin1Char(' ') + peer;
}

} // namespace

struct CampaignStore::Private
{
    QString path;
    QString connectionName;
    QSqlDatabase db;
    bool isOpen = false;

    void close()
    {
        isOpen = false;
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
        }
    }

    bool refuse(const QString &message, QString *error)
    {
        close();
        *error = message;
        return false;
    }

    // Every call starts here, so an empty error after it means success.
    bool requireOpen(QString *error) const
    {
        error->clear();
        if (!isOpen)
            *error = tr("The campaigns of %1 are not open.").arg(QDir::toNativeSeparators(path));
        return isOpen;
    }

    QString failed(const QSqlQuery &query) const
    {
        return tr("Cannot use the campaigns in %1: %2")
            .arg(QDir::toNativeSeparators(path), query.lastError().text());
    }

    bool exec(QSqlQuery &query, QString *error) const
    {
        if (query.exec())
            return true;
        *error = failed(query);
        return false;
    }

    // Runs a prepared SELECT and hands each row on.
    template<typename Row>
    bool select(QSqlQuery &query, QString *error, Row row) const
    {
        query.setForwardOnly(true);
        if (!exec(query, error))
            return false;
        while (query.next())
            row(query);
        if (query.lastError().isValid()) {
            *error = failed(query);
            return false;
        }
        return true;
    }

    void bindCampaign(QSqlQuery &query, const Campaign &campaign) const
    {
        query.addBindValue(text(campaign.name));
        query.addBindValue(campaign.created);
        query.addBindValue(text(campaign.mta));
        query.addBindValue(text(campaign.host));
        query.addBindValue(text(campaign.configDir));
        query.addBindValue(campaign.inbound ? 1 : 0);
        query.addBindValue(campaign.outbound ? 1 : 0);
        query.addBindValue(campaign.windowStart);
        query.addBindValue(campaign.windowEnd);
        query.addBindValue(optionalValue(campaign.endedAt));
        query.addBindValue(text(campaign.endedBy));
        query.addBindValue(text(campaign.backupId));
        query.addBindValue(text(campaign.revertJob));
        query.addBindValue(optionalValue(campaign.gatheredAt));
    }

    bool rollback(QString *error)
    {
        const QString why = *error;
        db.rollback();
        *error = why;
        return false;
    }
};

CampaignStore::CampaignStore(const QString &storePath)
    : d(std::make_unique<Private>())
{
    d->path = storePath;
}

CampaignStore::~CampaignStore()
{
    d->close();
}

bool CampaignStore::isOpen() const
{
    return d->isOpen;
}

QString CampaignStore::path() const
{
    return d->path;
}

bool CampaignStore::open(QString *error)
{
    if (d->isOpen)
        return true;
    const QString shown = QDir::toNativeSeparators(d->path);
    if (!QFileInfo(d->path).isFile())
        return d->refuse(tr("There is no MailTLS store at %1.").arg(shown), error);
    StoreFileCheck::Verdict verdict = StoreFileCheck::checkFile(d->path);
    if (verdict.failure != StoreOpenFailure::None)
        return d->refuse(verdict.message, error);

    d->connectionName = nextConnectionName();
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    if (!d->db.isValid())
        return d->refuse(tr("Cannot open %1: Qt's SQLite driver (QSQLITE) is not installed.").arg(shown), error);
    d->db.setDatabaseName(d->path);
    d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!d->db.open())
        return d->refuse(tr("Cannot open %1: %2").arg(shown, d->db.lastError().text()), error);

    verdict = StoreFileCheck::checkDatabase(d->db, d->path);
    if (verdict.failure != StoreOpenFailure::None)
        return d->refuse(verdict.message, error);
    if (verdict.version < firstCampaignSchema) {
        return d->refuse(tr("%1 is at store schema %2; campaigns need schema %3. Open it with MailTLS "
                            "once to bring it up to date.")
                             .arg(shown)
                             .arg(verdict.version)
                             .arg(firstCampaignSchema),
                         error);
    }
    QSqlQuery keys(d->db);
    if (!keys.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return d->refuse(d->failed(keys), error);
    d->isOpen = true;
    return true;
}

bool CampaignStore::create(Campaign *campaign, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QSqlQuery insert(d->db);
    insert.prepare(QStringLiteral("INSERT INTO campaigns (name, created, mta, host, config_dir, inbound, outbound, "
                                  "window_start, window_end, ended_at, ended_by, backup_id, revert_job, gathered_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    d->bindCampaign(insert, *campaign);
    if (!d->exec(insert, error))
        return false;
    campaign->id = insert.lastInsertId().toLongLong();
    return true;
}

bool CampaignStore::update(const Campaign &campaign, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("UPDATE campaigns SET name = ?, created = ?, mta = ?, host = ?, config_dir = ?, "
                                 "inbound = ?, outbound = ?, window_start = ?, window_end = ?, ended_at = ?, "
                                 "ended_by = ?, backup_id = ?, revert_job = ?, gathered_at = ? WHERE id = ?"));
    d->bindCampaign(query, campaign);
    query.addBindValue(campaign.id);
    if (!d->exec(query, error))
        return false;
    if (query.numRowsAffected() != 1) {
        *error = tr("There is no campaign %1 in %2.").arg(campaign.id).arg(QDir::toNativeSeparators(d->path));
        return false;
    }
    return true;
}

bool CampaignStore::remove(qint64 id, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("DELETE FROM campaigns WHERE id = ?"));
    query.addBindValue(id);
    if (!d->exec(query, error))
        return false;
    if (query.numRowsAffected() != 1) {
        *error = tr("There is no campaign %1 in %2.").arg(id).arg(QDir::toNativeSeparators(d->path));
        return false;
    }
    return true;
}

std::optional<Campaign> CampaignStore::load(qint64 id, QString *error) const
{
    if (!d->requireOpen(error))
        return std::nullopt;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT %1 WHERE id = ?").arg(campaignColumns()));
    query.addBindValue(id);
    std::optional<Campaign> found;
    if (!d->select(query, error, [&found](const QSqlQuery &row) { found = campaignOf(row); }))
        return std::nullopt;
    if (!found)
        *error = tr("There is no campaign %1 in %2.").arg(id).arg(QDir::toNativeSeparators(d->path));
    return found;
}

QList<Campaign> CampaignStore::list(QString *error) const
{
    QList<Campaign> campaigns;
    if (!d->requireOpen(error))
        return campaigns;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT %1 ORDER BY created DESC, id DESC").arg(campaignColumns()));
    d->select(query, error, [&campaigns](const QSqlQuery &row) { campaigns.append(campaignOf(row)); });
    return campaigns;
}

std::optional<Campaign> CampaignStore::enforcing(QString *error) const
{
    if (!d->requireOpen(error))
        return std::nullopt;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT %1 WHERE ended_at IS NULL ORDER BY created DESC, id DESC LIMIT 1")
                      .arg(campaignColumns()));
    std::optional<Campaign> found;
    d->select(query, error, [&found](const QSqlQuery &row) { found = campaignOf(row); });
    return found;
}

bool CampaignStore::replacePeers(qint64 campaignId, const QList<CampaignPeer> &peers, qint64 gatheredAt,
                                 QString *error)
{
    if (!d->requireOpen(error))
        return false;
    if (!d->db.transaction()) {
        *error = tr("Cannot use the campaigns in %1: %2")
                     .arg(QDir::toNativeSeparators(d->path), d->db.lastError().text());
        return false;
    }
    struct Fixed
    {
        qint64 at = 0;
        QString by;
    };
    QHash<QString, Fixed> fixed;
    QSqlQuery previous(d->db);
    previous.prepare(QStringLiteral("SELECT peer, direction, fixed_at, fixed_by FROM campaign_peers "
                                    "WHERE campaign_id = ? AND fixed_at IS NOT NULL"));
    previous.addBindValue(campaignId);
    const bool read = d->select(previous, error, [&fixed](const QSqlQuery &row) {
        const Direction direction =
            row.value(1).toInt() == int(Direction::Outbound) ? Direction::Outbound : Direction::Inbound;
        fixed.insert(peerKey(row.value(0).toString(), direction),
                     Fixed{row.value(2).toLongLong(), row.value(3).toString()});
    });
    previous.finish();
    if (!read)
        return d->rollback(error);

    QSqlQuery campaign(d->db);
    campaign.prepare(QStringLiteral("UPDATE campaigns SET gathered_at = ? WHERE id = ?"));
    campaign.addBindValue(gatheredAt);
    campaign.addBindValue(campaignId);
    if (!d->exec(campaign, error))
        return d->rollback(error);
    if (campaign.numRowsAffected() != 1) {
        *error = tr("There is no campaign %1 in %2.").arg(campaignId).arg(QDir::toNativeSeparators(d->path));
        return d->rollback(error);
    }

    QSqlQuery remove(d->db);
    remove.prepare(QStringLiteral("DELETE FROM campaign_peers WHERE campaign_id = ?"));
    remove.addBindValue(campaignId);
    if (!d->exec(remove, error))
        return d->rollback(error);

    QSqlQuery insert(d->db);
    insert.prepare(QStringLiteral("INSERT INTO campaign_peers (campaign_id, peer, direction, problem, reason, "
                                  "failures, messages, first_seen, last_seen, our_addresses, their_addresses, "
                                  "fixed_at, fixed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const CampaignPeer &peer : peers) {
        std::optional<qint64> fixedAt = peer.fixedAt;
        QString fixedBy = peer.fixedBy;
        const auto kept = fixed.constFind(peerKey(peer.peer, peer.direction));
        if (kept != fixed.cend()) {
            fixedAt = kept->at;
            fixedBy = kept->by;
        }
        insert.addBindValue(campaignId);
        insert.addBindValue(text(peer.peer));
        insert.addBindValue(int(peer.direction));
        insert.addBindValue(text(peer.problem));
        insert.addBindValue(text(peer.reason));
        insert.addBindValue(peer.failures);
        insert.addBindValue(peer.messages);
        insert.addBindValue(peer.firstSeen);
        insert.addBindValue(peer.lastSeen);
        insert.addBindValue(text(joinAddresses(peer.ourAddresses)));
        insert.addBindValue(text(joinAddresses(peer.theirAddresses)));
        insert.addBindValue(optionalValue(fixedAt));
        insert.addBindValue(text(fixedBy));
        if (!d->exec(insert, error))
            return d->rollback(error);
    }
    if (!d->db.commit()) {
        *error = tr("Cannot use the campaigns in %1: %2")
                     .arg(QDir::toNativeSeparators(d->path), d->db.lastError().text());
        return d->rollback(error);
    }
    return true;
}

QList<CampaignPeer> CampaignStore::peers(qint64 campaignId, QString *error) const
{
    QList<CampaignPeer> peers;
    if (!d->requireOpen(error))
        return peers;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT %1 WHERE campaign_id = ? ORDER BY direction, peer").arg(peerColumns()));
    query.addBindValue(campaignId);
    d->select(query, error, [&peers](const QSqlQuery &row) { peers.append(peerOf(row)); });
    return peers;
}

bool CampaignStore::markFixed(qint64 campaignId, const QString &peer, Direction direction, qint64 at,
                              const QString &by, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QSqlQuery exists(d->db);
    exists.prepare(QStringLiteral("SELECT fixed_at FROM campaign_peers WHERE campaign_id = ? AND peer = ? "
                                  "AND direction = ?"));
    exists.addBindValue(campaignId);
    exists.addBindValue(peer);
    exists.addBindValue(int(direction));
    bool found = false;
    std::optional<qint64> fixedAt;
    if (!d->select(exists, error, [&](const QSqlQuery &row) {
            found = true;
            fixedAt = optionalFrom(row.value(0));
        }))
        return false;
    exists.finish();
    if (!found) {
        *error = tr("Campaign %1 has no %2 peer %3.").arg(campaignId).arg(directionName(direction), peer);
        return false;
    }
    if (fixedAt && *fixedAt <= at)
        return true;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("UPDATE campaign_peers SET fixed_at = ?, fixed_by = ? WHERE campaign_id = ? "
                                 "AND peer = ? AND direction = ?"));
    query.addBindValue(at);
    query.addBindValue(text(by));
    query.addBindValue(campaignId);
    query.addBindValue(peer);
    query.addBindValue(int(direction));
    return d->exec(query, error);
}

bool CampaignStore::addLetter(CampaignLetter *letter, QString *error)
{
    if (!d->requireOpen(error))
        return false;
    QSqlQuery insert(d->db);
    insert.prepare(QStringLiteral("INSERT INTO campaign_letters (campaign_id, peer, recipient, language, subject, "
                                  "message, delivery, at, server_reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(letter->campaignId);
    insert.addBindValue(text(letter->peer));
    insert.addBindValue(text(letter->recipient));
    insert.addBindValue(text(letter->language));
    insert.addBindValue(text(letter->subject));
    insert.addBindValue(letter->message.isNull() ? QByteArray("") : letter->message);
    insert.addBindValue(text(letter->delivery));
    insert.addBindValue(letter->at);
    insert.addBindValue(text(letter->serverReply));
    if (!d->exec(insert, error))
        return false;
    letter->id = insert.lastInsertId().toLongLong();
    return true;
}

QList<CampaignLetter> CampaignStore::letters(qint64 campaignId, QString *error) const
{
    QList<CampaignLetter> letters;
    if (!d->requireOpen(error))
        return letters;
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT id, campaign_id, peer, recipient, language, subject, message, delivery, at, "
                                 "server_reply FROM campaign_letters WHERE campaign_id = ? ORDER BY at, id"));
    query.addBindValue(campaignId);
    d->select(query, error, [&letters](const QSqlQuery &row) {
        CampaignLetter letter;
        letter.id = row.value(0).toLongLong();
        letter.campaignId = row.value(1).toLongLong();
        letter.peer = row.value(2).toString();
        letter.recipient = row.value(3).toString();
        letter.language = row.value(4).toString();
        letter.subject = row.value(5).toString();
        letter.message = row.value(6).toByteArray();
        letter.delivery = row.value(7).toString();
        letter.at = row.value(8).toLongLong();
        letter.serverReply = row.value(9).toString();
        letters.append(letter);
    });
    return letters;
}

} // namespace mailtls
