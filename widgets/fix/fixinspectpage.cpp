#include "widgets/fix/fixinspectpage.h"

#include <memory>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/itemmodels/probetitles.h"
#include "models/mta/mailserviceinspection.h"
#include "models/sources/localcommandhost.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixInspectPage::FixInspectPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_serviceBox(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_findings(new QTreeWidget(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_restore(new QPushButton(tr("Restore a &Previous Configuration…"), this))
{
    setObjectName(QStringLiteral("fixInspectPage"));
    setTitle(tr("Inspect"));
    setSubTitle(tr("What the mail server's configuration says about TLS."));
    m_serviceBox->setObjectName(QStringLiteral("fixService"));
    m_serviceBox->setAccessibleName(tr("Mail service to inspect"));
    m_serviceBox->setToolTip(tr("The mail server (MTA) on this computer, or Dovecot for IMAP and POP, which can "
                                "serve a weak Diffie-Hellman group too."));
    for (MailService::Kind kind : {MailService::Kind::Postfix, MailService::Kind::Exim, MailService::Kind::Sendmail,
                                   MailService::Kind::Dovecot})
        m_serviceBox->addItem(MailService::kindTitle(kind), int(kind));
    m_serviceBox->setCurrentIndex(m_serviceBox->findData(int(wizard->kind())));
    connect(m_serviceBox, &QComboBox::activated, this, &FixInspectPage::onServiceChosen);
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
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setToolTip(tr("Put back the files an earlier fix changed, from the backup it made."));
    connect(m_restore, &QPushButton::clicked, this, [this] {
        m_wizard->setWantsRestore(true);
        emit completeChanged();
        m_wizard->next();
    });

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Mail service:"), m_serviceBox);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_findings, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    layout->addLayout(buttons);
}

FixInspectPage::~FixInspectPage() = default;

void FixInspectPage::initializePage()
{
    if (!m_ok)
        start();
}

bool FixInspectPage::isComplete() const
{
    // A broken configuration is one a user may want to restore.
    return m_ok || m_wizard->wantsRestore();
}

int FixInspectPage::nextId() const
{
    return m_wizard->wantsRestore() ? FixWizard::RestorePage : FixWizard::ChoosePage;
}

void FixInspectPage::onServiceChosen()
{
    const auto kind = MailService::Kind(m_serviceBox->currentData().toInt());
    if (kind == m_wizard->kind() && (m_ok || m_inspection))
        return;
    m_wizard->setKind(kind);
    start();
}

void FixInspectPage::start()
{
    m_ok = false;
    m_retry->hide();
    m_findings->clear();
    const MailService::Kind kind = m_wizard->kind();
    const QString title = MailService::kindTitle(kind);
    const QString dir = m_wizard->configDir();
    m_status->setText(dir.isEmpty() ? tr("Inspecting the %1 configuration…").arg(title)
                                    : tr("Inspecting the %1 configuration in %2…").arg(title, dir));
    m_inspection = MailServiceInspection::create(kind, std::make_shared<LocalCommandHost>(), dir);
    if (!m_inspection) {
        m_status->setText(tr("%1 cannot be inspected by this version of MailTLS.").arg(title));
        emit completeChanged();
        emit inspectionFinished();
        return;
    }
    if (!m_wizard->options().programFolders.isEmpty() || !m_wizard->options().searchPath)
        m_inspection->setProgramFolders(m_wizard->options().programFolders, m_wizard->options().searchPath);
    connect(m_inspection.get(), &MailServiceInspection::finished, this, &FixInspectPage::onFinished,
            Qt::QueuedConnection);
    emit completeChanged();
    m_inspection->start();
}

void FixInspectPage::onFinished()
{
    if (!m_inspection || m_inspection->isRunning())
        return;
    const std::unique_ptr<MailServiceInspection> inspection = std::move(m_inspection);
    const std::shared_ptr<const MailService> service = inspection->service();
    if (!service) {
        m_status->setText(tr("The inspection failed: %1").arg(inspection->errorString()));
        m_retry->show();
        emit completeChanged();
        emit inspectionFinished();
        return;
    }
    m_wizard->setService(service);
    QString status = tr("%1, configuration in %2.").arg(service->versionText(), service->configDirectory());
    if (service->running() == MailService::Running::No)
        status += QLatin1Char(' ')
            + tr("%1 is not running: a change takes effect at its next start.")
                  .arg(MailService::kindTitle(service->kind()));
    m_status->setText(status);
    const QList<ConfigFinding> findings = service->findings();
    for (const ConfigFinding &f : findings) {
        const QString finding = f.evidence.isEmpty() ? f.title : f.title + QLatin1Char('\n') + f.evidence;
        auto *item = new QTreeWidgetItem(m_findings, {ProbeTitles::severity(f.severity), finding, f.advice});
        item->setToolTip(2, f.advice);
    }
    if (findings.isEmpty())
        new QTreeWidgetItem(m_findings, {QString(), tr("Nothing to report."), QString()});
    m_ok = true;
    emit completeChanged();
    emit inspectionFinished();
}

} // namespace mailtls
