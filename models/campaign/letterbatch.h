#pragma once

#include <optional>

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/campaign/campaign.h"
#include "models/campaign/lettercomposer.h"
#include "models/campaign/mailmessage.h"

namespace mailtls {

// One letter ready to be shown, exported or sent.
struct PreparedLetter
{
    LetterInput input;
    ComposedLetter composed;
    // The message and whom it goes to. `letter.peer` is the first of
    // input.peers; records() gives one record per peer it is about.
    CampaignLetter letter;

    // What the store keeps of it when it goes out by `delivery` at `at`:
    // one CampaignLetter per failing peer the letter is about, so each
    // peer's row of the campaign shows that it was written to.
    QList<CampaignLetter> records(const QString &delivery, qint64 at, const QString &serverReply) const;
};

// Makes the letters of a campaign: one per correspondent address of its
// failing peers (those not fixed yet), each with the latest probe of its
// peers (by host, else by the correspondent's domain), in one template.
class LetterBatch final
{
    Q_DECLARE_TR_FUNCTIONS(LetterBatch)

public:
    struct Options
    {
        QString language = QStringLiteral("en");
        // The user's copy of the template; empty: LetterTemplate::userFile().
        QString templateFile;
        MailAddress from;
        QString signoff; // empty: from's name, else its address
        // Only these correspondents (any case); empty: all.
        QStringList only;
        QDateTime date; // invalid: now
    };

    struct Result
    {
        std::optional<Campaign> campaign;
        QList<PreparedLetter> letters;
        // Said to the user, not failures: the template not used and why,
        // peers without a known correspondent (unless `only` chose), `only`
        // addresses that are no correspondent.
        QStringList notes;
        QString error; // set when nothing could be made
    };

    // `campaignId` 0: the newest campaign. The store must be at schema 8.
    // It reads the store through connections of its own, opened and closed
    // here, so it may run on any thread: a window runs it off its own
    // (QtConcurrent), as it reads the store and every probe of the peers.
    static Result prepare(const QString &storePath, qint64 campaignId, const Options &options);

    // The file name an address's .eml gets: the address with anything but
    // letters, digits, '.', '-', '_', '@' and '+' made '_', then ".eml".
    static QString fileName(const QString &address);
};

} // namespace mailtls
