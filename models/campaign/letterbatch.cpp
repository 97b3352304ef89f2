#include "models/campaign/letterbatch.h"

#include <QDir>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

// The latest probe that reached `peer` as a host, else the latest of
// `domain`; std::nullopt when neither was probed.
std::optional<ProbeReport> latestProbe(const TrafficStore &store, const QString &peer, const QString &domain,
                                       QString *error)
{
    QList<ProbeSummary> summaries = store.probeHistory(peer, false, 1, error);
    if (summaries.isEmpty() && error->isEmpty() && !domain.isEmpty())
        summaries = store.probeHistory(domain, true, 1, error);
    if (summaries.isEmpty())
        return std::nullopt;
    return store.probeReport(summaries.constFirst().id, error);
}

} // namespace

QList<CampaignLetter> PreparedLetter::records(const QString &delivery, qint64 at, const QString &serverReply) const
{
    QList<CampaignLetter> out;
    QStringList seen;
    for (const CampaignPeer &peer : input.peers) {
        if (seen.contains(peer.peer))
            continue;
        seen.append(peer.peer);
        CampaignLetter record = letter;
        record.peer = peer.peer;
        record.delivery = delivery;
        record.at = at;
        record.serverReply = serverReply;
        out.append(record);
    }
    return out;
}

QString LetterBatch::fileName(const QString &address)
{
    QString name = address;
    for (QChar &c : name) {
        const bool keep = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == QLatin1Char('.')
                          || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('@')
                          || c == QLatin1Char('+');
        if (!keep)
            c = QLatin1Char('_');
    }
    // Never a hidden file or a way out of the folder.
    if (name.startsWith(QLatin1Char('.')))
        name.replace(0, 1, QLatin1Char('_'));
    return name + QStringLiteral(".eml");
}

LetterBatch::Result LetterBatch::prepare(const QString &storePath, qint64 campaignId, const Options &options)
{
    Result result;
    QString note;
    const std::optional<LetterTemplate> letterTemplate = LetterTemplate::load(
        options.language, options.templateFile.isEmpty() ? LetterTemplate::userFile(options.language)
                                                         : options.templateFile,
        &note);
    if (!letterTemplate) {
        result.error = note;
        return result;
    }
    if (!note.isEmpty())
        result.notes.append(note);
    if (!MailMessage::isValidAddress(options.from.address)) {
        result.error = tr("the sender's address \"%1\" is not a plain address (local@domain, ASCII)")
                           .arg(options.from.address);
        return result;
    }

    // TrafficStore brings the file to the current schema, or says why not.
    TrafficStore traffic(storePath);
    QString error;
    if (!traffic.open(&error)) {
        result.error = error;
        return result;
    }
    CampaignStore store(storePath);
    if (!store.open(&error)) {
        result.error = error;
        return result;
    }
    if (campaignId > 0) {
        result.campaign = store.load(campaignId, &error);
    } else {
        const QList<Campaign> all = store.list(&error);
        if (!all.isEmpty())
            result.campaign = all.constFirst();
        else if (error.isEmpty())
            error = tr("there are no campaigns in %1 yet").arg(QDir::toNativeSeparators(storePath));
    }
    if (!result.campaign) {
        result.error = error;
        return result;
    }
    const QList<CampaignPeer> all = store.peers(result.campaign->id, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    QList<CampaignPeer> failing;
    QStringList unknown;
    for (const CampaignPeer &peer : all) {
        if (peer.fixedAt)
            continue;
        failing.append(peer);
        if (peer.theirAddresses.isEmpty() && !unknown.contains(peer.peer))
            unknown.append(peer.peer);
    }
    // With --only the user chose whom to write to: the others are no news.
    if (!unknown.isEmpty() && options.only.isEmpty())
        result.notes.append(tr("no correspondent's address is known for %n failing server(s), so no letter is "
                               "written to them: %1",
                               nullptr, int(unknown.size()))
                                .arg(unknown.join(QStringLiteral(", "))));

    QStringList only;
    for (const QString &address : options.only)
        only.append(address.trimmed().toLower());
    QStringList found;

    const QDateTime date = options.date.isValid() ? options.date : QDateTime::currentDateTimeUtc();
    const QString signoff = !options.signoff.isEmpty()       ? options.signoff
                            : !options.from.name.isEmpty() ? options.from.name
                                                           : options.from.address;
    for (LetterInput input : LetterComposer::correspondents(failing)) {
        if (!only.isEmpty() && !only.contains(input.recipientAddress))
            continue;
        found.append(input.recipientAddress);
        if (!MailMessage::isValidAddress(input.recipientAddress)) {
            result.notes.append(tr("%1 is not an address a letter can go to; it is left out")
                                    .arg(input.recipientAddress));
            continue;
        }
        input.ourAddress = options.from.address;
        input.signoff = signoff;
        const QString domain = LetterComposer::domainOf(input.recipientAddress);
        for (const CampaignPeer &peer : std::as_const(input.peers)) {
            if (input.probes.contains(peer.peer))
                continue;
            QString probeError;
            const std::optional<ProbeReport> probe = latestProbe(traffic, peer.peer, domain, &probeError);
            if (!probeError.isEmpty()) {
                result.error = probeError;
                return result;
            }
            if (probe)
                input.probes.insert(peer.peer, *probe);
        }

        PreparedLetter prepared;
        prepared.input = input;
        prepared.composed = LetterComposer::compose(*letterTemplate, input);
        MailMessage message;
        message.setFrom(options.from);
        message.setTo({{input.recipientName, input.recipientAddress}});
        message.setSubject(prepared.composed.subject);
        message.setBody(prepared.composed.body);
        message.setDate(date);
        prepared.letter.campaignId = result.campaign->id;
        prepared.letter.peer = input.peers.constFirst().peer;
        prepared.letter.recipient = input.recipientAddress;
        prepared.letter.language = options.language;
        prepared.letter.subject = prepared.composed.subject;
        prepared.letter.message = message.toBytes();
        result.letters.append(prepared);
    }
    for (const QString &address : std::as_const(only)) {
        if (!found.contains(address))
            result.notes.append(tr("%1 is not a correspondent of a failing server of campaign %2")
                                    .arg(address)
                                    .arg(result.campaign->id));
    }
    return result;
}

} // namespace mailtls
