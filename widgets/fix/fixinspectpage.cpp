#include "widgets/fix/fixinspectpage.h"

#include <memory>

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/itemmodels/probetitles.h"
#include "models/mta/postfixinspection.h"
#include "models/sources/localcommandhost.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixInspectPage::FixInspectPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_findings(new QTreeWidget(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("fixInspectPage"));
    setTitle(tr("Inspect"));
    setSubTitle(tr("What the mail server's configuration says about TLS."));
    m_status->setObjectName(QStringLiteral("inspectStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Inspection status"));
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setColumnCount(3);
    m_findings->setHeaderLabels({tr("Severity"), tr("Finding"), tr("Advice")});
    m_findings->setRootIsDecorated(false);
    m_findings->setWordWrap(true);
    m_findings->header()->setStretchLastSection(true);
    m_retry->setObjectName(QStringLiteral("retryInspection"));
    m_retry->setAccessibleName(tr("Retry the inspection"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &FixInspectPage::start);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
}

void FixInspectPage::initializePage()
{
    if (!m_ok)
        start();
}

bool FixInspectPage::isComplete() const
{
    return m_ok;
}

void FixInspectPage::start()
{
    m_ok = false;
    m_retry->hide();
    m_findings->clear();
    m_status->setText(tr("Inspecting the Postfix configuration in %1…").arg(m_wizard->options().configDir));
    delete m_inspection;
    m_inspection = new PostfixInspection(std::make_shared<LocalCommandHost>(), m_wizard->options().configDir, this);
    if (!m_wizard->options().programFolders.isEmpty())
        m_inspection->setProgramFolders(m_wizard->options().programFolders, m_wizard->options().searchPath);
    connect(m_inspection, &PostfixInspection::finished, this, &FixInspectPage::onFinished);
    m_inspection->start();
    emit completeChanged();
}

void FixInspectPage::onFinished()
{
    const PostfixInspectionResult r = m_inspection->result();
    m_inspection->deleteLater();
    m_inspection = nullptr;
    if (!r.ok) {
        m_status->setText(tr("The inspection failed: %1").arg(r.error));
        m_retry->show();
        emit completeChanged();
        emit inspectionFinished();
        return;
    }
    m_wizard->setInspection(r);
    QString status = tr("%1, configuration in %2.").arg(r.versionText(), r.configDirectory);
    if (r.running == PostfixInspectionResult::Running::No)
        status += QLatin1Char(' ') + tr("Postfix is not running: a change takes effect at its next start.");
    m_status->setText(status);
    for (const ConfigFinding &f : r.findings) {
        const QString finding = f.evidence.isEmpty() ? f.title : f.title + QLatin1Char('\n') + f.evidence;
        auto *item = new QTreeWidgetItem(m_findings, {ProbeTitles::severity(f.severity), finding, f.advice});
        item->setToolTip(2, f.advice);
    }
    if (r.findings.isEmpty())
        new QTreeWidgetItem(m_findings, {QString(), tr("Nothing to report."), QString()});
    m_ok = true;
    emit completeChanged();
    emit inspectionFinished();
}

} // namespace mailtls
