#pragma once

// Known campaign failures for the letter tests: what a campaign gathered
// about two correspondents, and the probe of one of their domains.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/campaign/lettercomposer.h"
#include "models/probe/probeanalyzer.h"
#include "models/store/trafficstore.h"
#include "tests/models/probereporttestutil.h"

namespace mailtls::lettertest {

inline qint64 utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC).toSecsSinceEpoch();
}

// Mail from us to example.test deferred: its MX offers no STARTTLS, which a
// probe confirmed.
inline CampaignPeer notOfferedPeer()
{
    CampaignPeer p;
    p.campaignId = 1;
    p.peer = QStringLiteral("mx1.example.test");
    p.direction = Direction::Outbound;
    p.problem = QStringLiteral("not-offered");
    p.reason = QStringLiteral("TLS is required, but was not offered by host mx1.example.test[192.0.2.1]");
    p.failures = 3;
    p.messages = 2;
    p.firstSeen = utc(2026, 11, 28, 14, 3, 11);
    p.lastSeen = utc(2026, 11, 29, 9, 12, 40);
    p.ourAddresses = {QStringLiteral("anna@ours.example")};
    p.theirAddresses = {QStringLiteral("bob@example.test")};
    return p;
}

inline ProbeReport notOfferedProbe()
{
    using namespace probetest;
    ProbeReport r = domainReport({addressResult(QStringLiteral("mx1.example.test"), QStringLiteral("192.0.2.1"),
                                                {plainSession()})});
    ProbeAnalyzer::analyze(r);
    return r;
}

inline LetterInput notOfferedInput()
{
    LetterInput input;
    input.recipientAddress = QStringLiteral("bob@example.test");
    input.peers = {notOfferedPeer()};
    input.probes.insert(QStringLiteral("mx1.example.test"), notOfferedProbe());
    input.ourAddress = QStringLiteral("anna@ours.example");
    input.signoff = QStringLiteral("Anna Schmidt");
    return input;
}

// beispiel.test's server offers a DH group our client refuses, and it sends
// to us without STARTTLS; nobody probed it.
inline QList<CampaignPeer> beispielPeers()
{
    CampaignPeer out;
    out.campaignId = 1;
    out.peer = QStringLiteral("mx.beispiel.test");
    out.direction = Direction::Outbound;
    out.problem = QStringLiteral("dh-key-too-small");
    out.reason = QStringLiteral("SSL_connect error to mx.beispiel.test[192.0.2.2]:25: "
                                "error:0A00018A:SSL routines::dh key too small");
    out.failures = 1;
    out.messages = 1;
    out.firstSeen = utc(2026, 11, 28, 16, 0, 5);
    out.lastSeen = utc(2026, 11, 28, 16, 0, 5);
    out.ourAddresses = {QStringLiteral("anna@ours.example")};
    out.theirAddresses = {QStringLiteral("juergen@beispiel.test")};

    CampaignPeer in;
    in.campaignId = 1;
    in.peer = QStringLiteral("mail.beispiel.test");
    in.direction = Direction::Inbound;
    in.problem = QStringLiteral("refused");
    in.reason = QStringLiteral("disconnect from mail.beispiel.test[192.0.2.3] ehlo=1 mail=0/1 rcpt=0/1 "
                               "quit=1 commands=2/4");
    in.failures = 2;
    in.messages = 0;
    in.firstSeen = utc(2026, 11, 28, 10, 30, 0);
    in.lastSeen = utc(2026, 11, 29, 8, 45, 59);
    in.ourAddresses = {QStringLiteral("anna@ours.example"), QStringLiteral("info@ours.example")};
    in.theirAddresses = {QStringLiteral("juergen@beispiel.test"), QStringLiteral("buero@beispiel.test")};
    return {out, in};
}

inline LetterInput beispielInput()
{
    LetterInput input;
    input.recipientName = QStringLiteral("Jürgen Groß");
    input.recipientAddress = QStringLiteral("juergen@beispiel.test");
    input.peers = beispielPeers();
    input.ourAddress = QStringLiteral("anna@ours.example");
    input.signoff = QStringLiteral("Anna Schmidt");
    return input;
}

// A store at `path` with two campaigns, the newer one (its id in
// `campaignId`) holding the peers above, one peer without a known
// correspondent (unknown.example.test) and one fixed already
// (mx.fixed.test, carol@fixed.test), and the probe of example.test.
inline bool makeCampaignStore(const QString &path, qint64 *campaignId, QString *error)
{
    {
        TrafficStore traffic(path);
        if (!traffic.open(error))
            return false;
        qint64 probeId = 0;
        if (!traffic.saveProbeReport(notOfferedProbe(), &probeId, error))
            return false;
    }
    CampaignStore store(path);
    if (!store.open(error))
        return false;
    Campaign older;
    older.name = QStringLiteral("older");
    older.created = utc(2026, 10, 1, 0, 0, 0);
    older.mta = QStringLiteral("postfix");
    if (!store.create(&older, error))
        return false;
    Campaign campaign;
    campaign.name = QStringLiteral("November");
    campaign.created = utc(2026, 11, 28, 9, 0, 0);
    campaign.mta = QStringLiteral("postfix");
    campaign.inbound = true;
    campaign.outbound = true;
    campaign.windowStart = campaign.created;
    campaign.windowEnd = utc(2026, 11, 29, 9, 0, 0);
    campaign.endedAt = campaign.windowEnd;
    if (!store.create(&campaign, error))
        return false;
    *campaignId = campaign.id;

    QList<CampaignPeer> peers = beispielPeers();
    peers.append(notOfferedPeer());
    // Refused before MAIL FROM: nobody's address is known.
    CampaignPeer anonymous = beispielPeers().at(1);
    anonymous.peer = QStringLiteral("unknown.example.test");
    anonymous.theirAddresses.clear();
    peers.append(anonymous);
    // Fixed already: no letter.
    CampaignPeer fixed = notOfferedPeer();
    fixed.peer = QStringLiteral("mx.fixed.test");
    fixed.theirAddresses = {QStringLiteral("carol@fixed.test")};
    peers.append(fixed);
    for (CampaignPeer &p : peers)
        p.campaignId = campaign.id;
    if (!store.replacePeers(campaign.id, peers, utc(2026, 11, 29, 10, 0, 0), error))
        return false;
    return store.markFixed(campaign.id, fixed.peer, fixed.direction, utc(2026, 11, 30, 7, 0, 0),
                           QStringLiteral("log"), error);
}

inline QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(MAILTLS_TEST_DATA_DIR "/campaign/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// Compares `actual` with the expected file; on a difference it leaves the
// actual bytes beside the temporary folder's files for a look with diff.
inline bool sameAsFile(const QByteArray &actual, const QString &name)
{
    const QByteArray expected = readData(name);
    if (actual == expected)
        return true;
    const QString path = QDir::tempPath() + QStringLiteral("/") + name + QStringLiteral(".actual");
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(actual);
    qWarning("%s differs from the expected file; the actual bytes are in %s", qPrintable(name),
             qPrintable(path));
    return false;
}

} // namespace mailtls::lettertest
