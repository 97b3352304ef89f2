#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "models/logs/records.h"

namespace mailtls {

// Campaigns of mandatory STARTTLS in the store (schema 8: campaigns,
// campaign_peers, campaign_letters), through a connection of its own to a
// file TrafficStore::open() has already brought to schema 8. The file is in
// WAL mode, so this connection and the traffic store's work side by side.
// One instance is one connection, usable from the thread that opened it.
//
// Address lists (CampaignPeer::ourAddresses, theirAddresses) are stored
// comma-separated, as the records keep recipients.
class CampaignStore final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignStore)

public:
    explicit CampaignStore(const QString &storePath);
    ~CampaignStore();
    CampaignStore(const CampaignStore &) = delete;
    CampaignStore &operator=(const CampaignStore &) = delete;

    // Refuses a missing file, one that is not a MailTLS store, and one below
    // schema 8; never creates or migrates a store (TrafficStore does).
    bool open(QString *error);
    bool isOpen() const;
    QString path() const;

    // Sets campaign->id.
    bool create(Campaign *campaign, QString *error);
    bool update(const Campaign &campaign, QString *error);
    // Forgets a campaign with its peers and letters: for a window that could
    // not be started (nothing about it happened).
    bool remove(qint64 id, QString *error);
    // std::nullopt with an error naming the id when there is no such campaign.
    std::optional<Campaign> load(qint64 id, QString *error) const;
    // Newest first (created, then id).
    QList<Campaign> list(QString *error) const;
    // The campaign whose window runs (not ended), the newest if several; an
    // empty error with std::nullopt when none does.
    std::optional<Campaign> enforcing(QString *error) const;

    // Replaces the campaign's failing peers with `peers` (a new gathering),
    // keeping fixedAt/fixedBy of peers already there (same peer and
    // direction); sets the campaign's gatheredAt. One transaction.
    bool replacePeers(qint64 campaignId, const QList<CampaignPeer> &peers, qint64 gatheredAt,
                      QString *error);
    // Ordered by direction (inbound first), then peer.
    QList<CampaignPeer> peers(qint64 campaignId, QString *error) const;
    // A peer fixed already keeps the earlier time (and who saw it); a peer the
    // campaign does not hold is an error.
    bool markFixed(qint64 campaignId, const QString &peer, Direction direction, qint64 at,
                   const QString &by, QString *error);

    // Sets letter->id.
    bool addLetter(CampaignLetter *letter, QString *error);
    // In the order they were written (at, then id).
    QList<CampaignLetter> letters(qint64 campaignId, QString *error) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mailtls
