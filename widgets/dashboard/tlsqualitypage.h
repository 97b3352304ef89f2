#pragma once

#include <array>

#include <QString>
#include <QWidget>

#include "models/logs/records.h"
#include "models/probe/probetypes.h"
#include "models/store/reportfilter.h"
#include "models/store/tlsquality.h"

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace mailtls {

class DashboardCard;
class DashboardContext;
class DistributionChart;
class TlsIssueModel;
class TlsShareModel;

// The TLS quality page: how protocol versions, cipher suites and key
// exchanges are spread over the encrypted connections of the dashboard's
// filter, and the peers that need a look: those using finite-field DHE (the
// log does not tell the group's size), those failing with "dh key too small",
// those failing certificate checks. Each chart and list exports exactly what
// it shows.
class TlsQualityPage final : public QWidget
{
    Q_OBJECT

public:
    // In the order of the page, and of DashboardCsv::TlsPart.
    enum class Card { Protocols, Ciphers, KeyExchanges, DhePeers, DhKeyTooSmallPeers, CertificatePeers };
    Q_ENUM(Card)

    explicit TlsQualityPage(DashboardContext *context, QWidget *parent = nullptr);
    ~TlsQualityPage() override;

    // Reads the figures again now (the context's signals do it too).
    void refresh();

    // The figures shown and the filter they were read with; empty until the
    // first query is done.
    const TlsQuality &quality() const { return m_quality; }
    const ReportFilter &shownFilter() const { return m_shownFilter; }
    bool hasFigures() const { return m_hasFigures; }

    DashboardCard *card(Card card) const { return m_cards.at(size_t(card)); }
    // The chart of a distribution card; nullptr for a list.
    DistributionChart *chart(Card card) const;
    // The table of a list card (its model is sorted through a proxy); nullptr
    // for a distribution.
    QTableView *table(Card card) const;
    TlsShareModel *shareModel(Card card) const;
    TlsIssueModel *issueModel(Card card) const;
    // "Probe" for the selected peer of the DHE list: the logs do not say the
    // DH group's size, a probe measures it.
    QAction *probeAction() const { return m_probeAction; }
    // The line above the cards: how many encrypted connections, which range.
    QString summary() const;

    // What a card's export writes, and the whole page as `mailtls export
    // --view tls` writes it.
    QString csv(Card card) const;
    QString pageCsv() const;

signals:
    // Fresh figures (or the reason there are none) are on screen.
    void loaded();
    // A row of a list was activated (Enter, double click): the peer as the
    // page names it (host, or domain when grouped by domain).
    void peerActivated(const QString &peer, Direction direction);
    // Probe asked for the selected DHE peer (PeerProbeTarget).
    void probeRequested(const mailtls::ProbeTarget &target);
    // "Fix My Server…" in the header: the own Postfix's guided fix.
    void fixServerRequested();

private:
    static bool isDistribution(Card card) { return card <= Card::KeyExchanges; }
    DashboardCard *makeDistributionCard(Card card, const QString &title, const QString &explanation);
    DashboardCard *makeListCard(Card card, const QString &title, const QString &explanation);
    // The file names its export proposes.
    static QString exportName(Card card);
    static void fitHeight(QTableView *view);
    void apply(const TlsQuality &quality, const ReportFilter &filter, const QString &error);
    void setNotes(const QString &note);
    QString emptyNote(Card card) const;
    QWidget *makeProbeRow(QTableView *view, QWidget *parent);
    void probeSelected();
    // The name of a list's table and of its remembered header state.
    static QString listName(Card card);

    DashboardContext *m_context;
    TlsQuality m_quality;
    ReportFilter m_shownFilter;
    bool m_hasFigures = false;
    QLabel *m_summary = nullptr;
    std::array<DashboardCard *, 6> m_cards{};
    std::array<TlsShareModel *, 3> m_shareModels{};
    std::array<DistributionChart *, 3> m_charts{};
    std::array<TlsIssueModel *, 3> m_issueModels{};
    std::array<QSortFilterProxyModel *, 3> m_proxies{};
    std::array<QTableView *, 3> m_tables{};
    QAction *m_probeAction = nullptr;
};

} // namespace mailtls
