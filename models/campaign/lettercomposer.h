#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/campaign/campaign.h"
#include "models/campaign/lettertemplate.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// What one letter is about: a correspondent, the failing servers they are
// behind, and what is known of those servers.
struct LetterInput
{
    QString recipientName; // may be empty: the logs know addresses only
    QString recipientAddress;
    QList<CampaignPeer> peers;
    // The latest probe of a peer, by CampaignPeer::peer; a peer without one
    // was not probed.
    QHash<QString, ProbeReport> probes;
    QString ourAddress;
    QString signoff; // empty: ourAddress
};

struct ComposedLetter
{
    QString subject;
    QString body; // lines end in '\n'
    QStringList advice; // the advice kinds given, in order
};

// Fills a LetterTemplate for one correspondent. The words are the
// template's; what MailTLS adds itself is technical and the same in every
// language: times as "2026-11-28 14:03:11 UTC", the MTA's and the probe's
// exact words, finding codes ("no-starttls") and verdict names.
class LetterComposer final
{
    Q_DECLARE_TR_FUNCTIONS(LetterComposer)

public:
    static ComposedLetter compose(const LetterTemplate &letterTemplate, const LetterInput &input);

    // The advice kinds (LetterTemplate::adviceKinds()) that fit one peer:
    // what its failure in the log says for certain (a refused sender does
    // not use TLS, "TLS is required, but was not offered", "dh key too
    // small", a certificate failure), and what its probe found (Medium or
    // worse); "unknown" when neither says more than that TLS failed and it
    // was not probed, "handshake" when it was.
    static QStringList adviceFor(const CampaignPeer &peer, const ProbeReport *probe);

    // The probe's verdict and its Medium-or-worse findings, for the admin.
    static QString findingsText(const ProbeReport &report);

    // One LetterInput per correspondent address of `peers` (their
    // addresses, lower-cased), with every peer that address is behind;
    // sorted by address. Probes and our side are left for the caller.
    static QList<LetterInput> correspondents(const QList<CampaignPeer> &peers);

    // "2026-11-28 14:03:11 UTC".
    static QString timeText(qint64 utcSeconds);
    static QString verdictName(Verdict verdict);
    // The part after the last '@', lower-cased; empty without one.
    static QString domainOf(const QString &address);
};

} // namespace mailtls
