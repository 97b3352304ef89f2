#pragma once

#include <QWidget>

#include "models/probe/probetypes.h"

class QLabel;
class QPushButton;
class QTableView;

namespace mailtls {

class DashboardCard;
class FindingsView;
class ProbeHostModel;
class VerdictLabel;
class VerdictMarkProxyModel;

// One probe report: the domain's verdict as a badge with the target, when it
// ran and what it cost, the MTA-STS and TLS-RPT summary, a table of every MX
// address probed, and the findings with their evidence and advice.
class ProbeReportView final : public QWidget
{
    Q_OBJECT

public:
    explicit ProbeReportView(QWidget *parent = nullptr);

    void setReport(const ProbeReport &report);
    // Nothing shown; `note` says why ("Probing example.org…", "No probe yet").
    void clear(const QString &note);
    bool hasReport() const { return m_hasReport; }
    const ProbeReport &report() const { return m_report; }

    // The texts shown above the tables.
    QString titleText() const;
    QString summaryText() const;
    QString policyText() const;

    VerdictLabel *verdictLabel() const { return m_verdict; }
    QTableView *hostTable() const { return m_hostTable; }
    // Copies the whole report as text (ProbeReportText), e.g. for a letter to
    // the peer's admin.
    QPushButton *copyReportButton() const { return m_copyReport; }
    ProbeHostModel *hostModel() const { return m_hostModel; }
    FindingsView *findingsView() const { return m_findings; }
    DashboardCard *resultCard() const { return m_resultCard; }
    DashboardCard *findingsCard() const { return m_findingsCard; }

    // The MTA-STS and TLS-RPT lines of a domain's report; empty for a host.
    static QString policySummary(const ProbeReport &report);
    // When it ran, how long it took, how many SMTP sessions it opened.
    static QString runSummary(const ProbeReport &report);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitHostTable();

    ProbeReport m_report;
    bool m_hasReport = false;
    VerdictLabel *m_verdict = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_policy = nullptr;
    QPushButton *m_copyReport = nullptr;
    ProbeHostModel *m_hostModel = nullptr;
    VerdictMarkProxyModel *m_hostProxy = nullptr;
    QTableView *m_hostTable = nullptr;
    FindingsView *m_findings = nullptr;
    DashboardCard *m_resultCard = nullptr;
    DashboardCard *m_findingsCard = nullptr;
};

} // namespace mailtls
