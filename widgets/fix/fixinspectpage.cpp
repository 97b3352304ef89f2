#include "widgets/fix/fixinspectpage.h"

#include <memory>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/itemmodels/probetitles.h"
#include "models/mta/mailserviceinspection.h"
#include "models/mta/planapplier.h"
#include "models/sources/localcommandhost.h"
#include "widgets/fix/fixsudoersnote.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

namespace {

enum Computer { ThisComputer, RemoteHost };

} // namespace

FixInspectPage::FixInspectPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_serviceBox(new QComboBox(this))
    , m_computerBox(new QComboBox(this))
    , m_hostEdit(new QLineEdit(this))
    , m_inspect(new QPushButton(tr("&Inspect"), this))
    , m_status(new QLabel(this))
    , m_sudoers(new FixSudoersNote(this))
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
    for (MailService::Kind kind :
         {MailService::Kind::Postfix, MailService::Kind::Exim, MailService::Kind::Sendmail, MailService::Kind::Dovecot})
        m_serviceBox->addItem(MailService::kindTitle(kind), int(kind));
    m_serviceBox->setCurrentIndex(m_serviceBox->findData(int(wizard->kind())));
    connect(m_serviceBox, &QComboBox::activated, this, &FixInspectPage::onServiceChosen);

    m_computerBox->setObjectName(QStringLiteral("fixComputer"));
    m_computerBox->setAccessibleName(tr("Computer the mail service runs on"));
    m_computerBox->addItem(tr("This computer"), int(ThisComputer));
    m_computerBox->addItem(tr("A remote host over SSH"), int(RemoteHost));
    m_computerBox->setToolTip(tr("On a remote host MailTLS logs in with ssh and runs the fix's commands there as "
                                 "root through sudo -n: it never asks for a sudo password and never keeps one."));
    connect(m_computerBox, &QComboBox::activated, this, &FixInspectPage::onComputerChosen);
    m_hostEdit->setObjectName(QStringLiteral("fixHost"));
    m_hostEdit->setAccessibleName(tr("Remote host"));
    m_hostEdit->setPlaceholderText(QStringLiteral("ssh://user@mail.example.org:22"));
    m_hostEdit->setEnabled(false);
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &FixInspectPage::start);
    m_inspect->setObjectName(QStringLiteral("inspectButton"));
    m_inspect->setAccessibleName(tr("Inspect the remote host"));
    m_inspect->setEnabled(false);
    connect(m_inspect, &QPushButton::clicked, this, &FixInspectPage::start);

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
    auto *computer = new QHBoxLayout;
    computer->addWidget(m_computerBox);
    computer->addWidget(m_hostEdit, 1);
    computer->addWidget(m_inspect);
    form->addRow(tr("&Computer:"), computer);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_sudoers);
    layout->addWidget(m_findings, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    layout->addLayout(buttons);
}

FixInspectPage::~FixInspectPage() = default;

void FixInspectPage::setHostMaker(HostMaker maker)
{
    m_wizard->remoteAccess()->setHostMaker(std::move(maker));
}

void FixInspectPage::initializePage()
{
    if (!m_ok && !remoteChosen())
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

bool FixInspectPage::remoteChosen() const
{
    return m_computerBox->currentData().toInt() == RemoteHost;
}

void FixInspectPage::onServiceChosen()
{
    const auto kind = MailService::Kind(m_serviceBox->currentData().toInt());
    if (kind == m_wizard->kind() && (m_ok || m_inspection))
        return;
    m_wizard->setKind(kind);
    start();
}

void FixInspectPage::onComputerChosen()
{
    const bool remote = remoteChosen();
    m_hostEdit->setEnabled(remote);
    m_inspect->setEnabled(remote);
    if (remote) {
        // Nothing is inspected until the host is named.
        if (m_inspection)
            m_inspection->cancel();
        m_inspection.reset();
        m_ok = false;
        m_findings->clear();
        m_retry->hide();
        m_wizard->setKind(m_wizard->kind());
        m_status->setText(tr("Name the host (ssh://user@host:port) and press Inspect."));
        m_hostEdit->setFocus();
        emit completeChanged();
        return;
    }
    start();
}

FixRemoteAccess::Target FixInspectPage::chosenHost()
{
    if (!remoteChosen())
        return {std::make_shared<LocalCommandHost>(), QString(), QString()};
    QString error;
    FixRemoteAccess::Target target
        = m_wizard->remoteAccess()->reach(m_hostEdit->text().trimmed(), m_wizard->kind(), &error);
    if (!target.host)
        m_status->setText(error);
    return target;
}

void FixInspectPage::start()
{
    m_ok = false;
    m_retry->hide();
    m_findings->clear();
    m_sudoers->clear();
    if (m_inspection)
        m_inspection->cancel();
    m_inspection.reset();
    const MailService::Kind kind = m_wizard->kind();
    const QString title = MailService::kindTitle(kind);
    const QString dir = m_wizard->configDir();
    m_target = chosenHost();
    const std::shared_ptr<const CommandHost> host = m_target.host;
    if (!host) {
        emit completeChanged();
        emit inspectionFinished();
        return;
    }
    // The fix is applied where it was inspected.
    m_wizard->setServiceHost(host, m_target.location);
    if (m_target.location.isEmpty())
        m_status->setText(dir.isEmpty() ? tr("Inspecting the %1 configuration…").arg(title)
                                        : tr("Inspecting the %1 configuration in %2…").arg(title, dir));
    else
        m_status->setText(
            dir.isEmpty() ? tr("Inspecting the %1 configuration on %2…").arg(title, host->displayName())
                          : tr("Inspecting the %1 configuration in %2 on %3…").arg(title, dir, host->displayName()));
    if (!m_target.location.isEmpty() && !m_wizard->remoteAccess()->askpassProblem().isEmpty())
        m_status->setText(m_status->text() + QLatin1Char('\n') + m_wizard->remoteAccess()->askpassProblem());
    m_inspection = MailServiceInspection::create(kind, host, dir);
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
        m_sudoers->setError(inspection->errorString(), m_target.askpassTarget);
        m_retry->show();
        emit completeChanged();
        emit inspectionFinished();
        return;
    }
    m_wizard->remoteAccess()->succeeded(m_target.askpassTarget);
    m_wizard->setService(service);
    QString status = m_target.location.isEmpty()
        ? tr("%1, configuration in %2.").arg(service->versionText(), service->configDirectory())
        : tr("%1, configuration in %2 on %3.")
              .arg(service->versionText(), service->configDirectory(), m_target.location);
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
