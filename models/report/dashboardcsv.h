#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/store/overviewfigures.h"
#include "models/store/peerdetail.h"
#include "models/store/peerrow.h"
#include "models/store/reportfilter.h"
#include "models/store/tlsquality.h"

namespace mailtls {

// The dashboard's figures as CSV: exactly what a page or chart shows, for the
// GUI's exports and `mailtls export`. Every file starts with comment lines
// ("# …", for people, translated) naming what it holds, the time range, the
// peers selected and the units; then one section per table, each a comment
// line with its title, a header line of fixed English column names (a data
// format) and its rows, sections apart by an empty line. Times are UTC in ISO
// 8601; percentages have one decimal and are empty when there is nothing to
// share; text is quoted as RFC 4180 says.
class DashboardCsv final
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCsv)

public:
    // The Overview page: shares, trend, top plaintext peers, recent failures,
    // TLS logging.
    static QString overview(const OverviewFigures &figures, const ReportFilter &filter);
    // Each of its charts and lists alone.
    static QString shares(const QList<DirectionShare> &shares, const ReportFilter &filter);
    static QString trend(const TrendSeries &trend, const ReportFilter &filter);
    static QString topPlaintextPeers(const QList<PeerFigures> &peers, const ReportFilter &filter);
    static QString recentFailures(const QList<RecentFailure> &failures, const ReportFilter &filter);

    // The Peers table.
    static QString peers(const QList<PeerRow> &rows, const ReportFilter &filter);

    // The TLS quality page.
    static QString tlsQuality(const TlsQuality &quality, const ReportFilter &filter);
    // Each of its charts and lists alone.
    enum class TlsPart { Protocols, Ciphers, KeyExchanges, DhePeers, DhKeyTooSmallPeers, CertificatePeers };
    static QString tlsQualityPart(const TlsQuality &quality, TlsPart part, const ReportFilter &filter);

    // The peer detail page: its rows, timeline, connections, failures and
    // correspondents.
    static QString peerDetail(const PeerDetail &detail, const ReportFilter &filter);
    // Each of its cards alone.
    enum class PeerPart { Figures, Timeline, Connections, Failures, Correspondents };
    static QString peerDetailPart(const PeerDetail &detail, PeerPart part, const ReportFilter &filter);

    // "2024-03-18T10:00:00Z"
    static QString utc(qint64 seconds);
    // "83.3", or "" when whole is 0.
    static QString percent(qint64 part, qint64 whole);
    static QString field(const QString &value);

private:
    struct Section
    {
        QString title;
        QString columns;
        QList<QStringList> rows;
    };

    static QString document(const QString &title, const ReportFilter &filter, const QString &units,
                            const QList<Section> &sections);
    static QString rangeText(const ReportFilter &filter);
    static QString selectionText(const ReportFilter &filter);
    static QString countsUnits();
    static QString tlsUnits();
    // The Peers table's and a peer's: counts, and what the TLS lists hold.
    static QString peerUnits();

    static Section sharesSection(const QList<DirectionShare> &shares);
    static Section trendSection(const TrendSeries &trend);
    static Section topSection(const QList<PeerFigures> &peers);
    static Section failuresSection(const QList<RecentFailure> &failures);
    static Section tlsLoggingSection(const QList<TlsLoggingEvidence> &evidence);
    static Section peersSection(const QList<PeerRow> &rows, const QString &title);
    static Section tlsShareSection(const QString &title, const QString &column, const QList<TlsShare> &shares);
    static Section issueSection(const QString &title, const QString &columns, const QList<PeerTlsIssue> &issues,
                                bool withTime);
    static Section tlsSection(const TlsQuality &quality, TlsPart part);
    static Section connectionsSection(const QList<PeerConnection> &connections);
    static Section peerFailuresSection(const QList<PeerFailure> &failures);
    static Section correspondentsSection(const QList<Correspondent> &correspondents);
    static Section peerSection(const PeerDetail &detail, PeerPart part);
};

} // namespace mailtls
