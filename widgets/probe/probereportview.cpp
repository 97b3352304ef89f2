#include "widgets/probe/probereportview.h"

#include <algorithm>

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/probehostmodel.h"
#include "models/itemmodels/probetitles.h"
#include "models/itemmodels/recordtitles.h"
#include "models/probe/probereporttext.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/probe/findingsview.h"
#include "widgets/probe/verdictlabel.h"
#include "widgets/probe/verdictmarkproxymodel.h"

namespace mailtls {

ProbeReportView::ProbeReportView(QWidget *parent)
    : QWidget(parent)
    , m_hostModel(new ProbeHostModel(this))
    , m_hostProxy(new VerdictMarkProxyModel(ProbeHostModel::VerdictColumn, ProbeHostModel::VerdictRole, this))
{
    m_hostProxy->setSourceModel(m_hostModel);

    m_verdict = new VerdictLabel;
    m_verdict->setObjectName(QStringLiteral("probeVerdict"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("probeReportTitle"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("probeReportSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_policy = new QLabel;
    m_policy->setObjectName(QStringLiteral("probePolicy"));
    m_policy->setTextFormat(Qt::PlainText);
    m_policy->setWordWrap(true);
    m_policy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_policy->setToolTip(tr("MTA-STS lets a domain ask senders to insist on TLS with a valid certificate (RFC "
                            "8461); TLS-RPT asks them to report TLS failures (RFC 8460)."));

    m_copyReport = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy &report"));
    m_copyReport->setObjectName(QStringLiteral("copyProbeReport"));
    m_copyReport->setAccessibleName(tr("Copy report"));
    m_copyReport->setToolTip(tr("Copy the whole report as text: every server, every finding with its evidence and "
                                "advice, for a letter to the servers' admin"));
    connect(m_copyReport, &QPushButton::clicked, this, [this] {
        if (m_hasReport)
            QApplication::clipboard()->setText(ProbeReportText::format(m_report));
    });

    m_hostTable = new QTableView;
    m_hostTable->setObjectName(QStringLiteral("probeHosts"));
    m_hostTable->setAccessibleName(tr("Mail servers"));
    m_hostTable->setModel(m_hostProxy);
    m_hostTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hostTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hostTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hostTable->setAlternatingRowColors(true);
    m_hostTable->setWordWrap(false);
    m_hostTable->setTabKeyNavigation(false);
    m_hostTable->setTextElideMode(Qt::ElideMiddle);
    m_hostTable->verticalHeader()->hide();
    m_hostTable->horizontalHeader()->setHighlightSections(false);
    m_hostTable->horizontalHeader()->setStretchLastSection(true);
    m_hostTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_hostTable->setSortingEnabled(true);
    m_hostTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_hostTable->verticalHeader()->setDefaultSectionSize(m_hostTable->fontMetrics().height() + 8);
    m_hostProxy->setPalette(m_hostTable->palette());

    auto *heading = new QHBoxLayout;
    heading->addWidget(m_verdict, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_summary);
    heading->addSpacing(8);
    heading->addLayout(texts, 1);
    heading->addWidget(m_copyReport, 0, Qt::AlignTop);

    auto *result = new QWidget;
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addLayout(heading);
    resultLayout->addWidget(m_policy);
    resultLayout->addWidget(m_hostTable);
    m_resultCard = new DashboardCard(
        tr("Result"),
        tr("The domain's verdict is that of its worst mail server, as a sending mail server would meet them: "
           "each MX address with what a current client got, the Diffie-Hellman group a DHE-only client was "
           "given, the TLS versions accepted, and the certificate."),
        this);
    m_resultCard->setObjectName(QStringLiteral("probeResultCard"));
    m_resultCard->setContent(result);

    m_findings = new FindingsView;
    m_findingsCard = new DashboardCard(
        tr("Findings"),
        tr("What the probe found, worst first. Select one for the exact evidence and advice the server's admin "
           "can follow; Copy puts both on the clipboard."),
        this);
    m_findingsCard->setObjectName(QStringLiteral("probeFindingsCard"));
    m_findingsCard->setContent(m_findings);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_resultCard);
    layout->addWidget(m_findingsCard, 1);

    setTabOrder(m_hostTable, m_findings->table());
    fitHostTable();
    clear(tr("Type a domain or a host and press Enter, or choose a probe from the list."));
}

void ProbeReportView::setReport(const ProbeReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_verdict->setVerdict(report.verdict);
    m_copyReport->setEnabled(true);
    m_title->setText(ProbeTitles::target(report.target));
    m_summary->setText(runSummary(report));
    const QString policy = policySummary(report);
    m_policy->setText(policy);
    m_policy->setVisible(!policy.isEmpty());
    m_hostModel->setReport(report);
    m_hostTable->resizeColumnsToContents();
    fitHostTable();
    m_findings->setFindings(report.findings);
    m_resultCard->setNote(report.cancelled ? tr("Cancelled: what was found until then.") : QString());
    m_resultCard->setAccessibleDescription(tr("%1: %2").arg(m_title->text(), RecordTitles::verdict(report.verdict)));
    m_findingsCard->setNote(report.findings.isEmpty() ? tr("Nothing to report.") : QString());
}

void ProbeReportView::clear(const QString &note)
{
    m_report = ProbeReport();
    m_hasReport = false;
    m_verdict->setVerdict(std::nullopt);
    m_copyReport->setEnabled(false);
    m_title->clear();
    m_summary->clear();
    m_policy->clear();
    m_policy->hide();
    m_hostModel->clear();
    fitHostTable();
    m_findings->clear();
    m_resultCard->setNote(note);
    m_findingsCard->setNote(QString());
}

QString ProbeReportView::titleText() const
{
    return m_title->text();
}

QString ProbeReportView::summaryText() const
{
    return m_summary->text();
}

QString ProbeReportView::policyText() const
{
    return m_policy->text();
}

QString ProbeReportView::runSummary(const ProbeReport &report)
{
    QStringList parts;
    if (report.finished.isValid())
        parts << RecordTitles::time(report.finished.toSecsSinceEpoch());
    if (report.started.isValid() && report.finished.isValid()) {
        const qint64 ms = report.started.msecsTo(report.finished);
        parts << (ms < 1000 ? tr("took %1 ms").arg(QLocale().toString(ms))
                            : tr("took %1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1)));
    }
    parts << tr("%n SMTP sessions", nullptr, report.sessionsUsed);
    if (report.target.kind == ProbeTarget::Kind::Domain) {
        if (report.mx.nullMx)
            parts << tr("null MX: takes no mail");
        else if (report.mx.implicitMx)
            parts << tr("no MX records: the domain's own address");
        else
            parts << tr("%n MX hosts", nullptr, int(report.mx.hosts.size()));
    }
    if (report.cancelled)
        parts << tr("cancelled");
    return parts.join(QStringLiteral(" · "));
}

QString ProbeReportView::policySummary(const ProbeReport &report)
{
    QStringList lines;
    if (report.mtaSts) {
        const MtaStsResult &sts = *report.mtaSts;
        if (!sts.recordError.isEmpty())
            lines << tr("MTA-STS: the record is not usable: %1").arg(sts.recordError);
        else if (!sts.recordFound)
            lines << tr("MTA-STS: none (senders may deliver without TLS when it fails)");
        else if (!sts.policyFetched)
            lines << tr("MTA-STS: a record (id %1), but its policy could not be fetched: %2")
                         .arg(sts.id, sts.policyError);
        else {
            QString line
                = tr("MTA-STS: mode %1, for %2; policy cached up to %3 s")
                      .arg(sts.mode, sts.mxPatterns.join(QStringLiteral(", ")), QLocale().toString(sts.maxAge));
            if (!sts.mxNotCovered.isEmpty())
                line += tr("; not covered: %1").arg(sts.mxNotCovered.join(QStringLiteral(", ")));
            lines << line;
        }
    }
    if (report.tlsRpt) {
        const TlsRptResult &rpt = *report.tlsRpt;
        if (!rpt.error.isEmpty())
            lines << tr("TLS-RPT: the record is not usable: %1").arg(rpt.error);
        else if (!rpt.recordFound)
            lines << tr("TLS-RPT: none (no reports of TLS failures are asked for)");
        else
            lines << tr("TLS-RPT: reports go to %1").arg(rpt.reportUris.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void ProbeReportView::fitHostTable()
{
    // As tall as its rows, two to six (a domain's usual MX addresses): the
    // findings below get the rest of the page; more rows scroll.
    const int rows = std::clamp(m_hostModel->rowCount(), 2, 6);
    const int scrollBar = m_hostTable->horizontalScrollBar()->sizeHint().height();
    m_hostTable->setFixedHeight(m_hostTable->horizontalHeader()->sizeHint().height()
                                + rows * m_hostTable->verticalHeader()->defaultSectionSize() + scrollBar
                                + 2 * m_hostTable->frameWidth());
}

void ProbeReportView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_hostProxy)
        m_hostProxy->setPalette(palette());
}

} // namespace mailtls
