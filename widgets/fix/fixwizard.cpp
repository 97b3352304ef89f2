#include "widgets/fix/fixwizard.h"

#include "models/mta/backupstore.h"
#include "models/sources/localcommandhost.h"
#include "widgets/fix/fixapplypage.h"
#include "widgets/fix/fixchoosepage.h"
#include "widgets/fix/fixdhpage.h"
#include "widgets/fix/fixinspectpage.h"
#include "widgets/fix/fixremoteaccess.h"
#include "widgets/fix/fixrestorepage.h"
#include "widgets/fix/fixresultpage.h"
#include "widgets/fix/fixreviewpage.h"

namespace mailtls {

FixWizard::FixWizard(const Options &options, QWidget *parent)
    : QWizard(parent)
    , m_options(options)
    , m_kind(options.kind)
    , m_serviceHost(std::make_shared<LocalCommandHost>())
    , m_remote(new FixRemoteAccess(this))
    , m_applier(new PlanApplier(this))
{
    setObjectName(QStringLiteral("fixWizard"));
    setWindowTitle(tr("Fix My Server"));
    setAccessibleName(tr("Fix my server"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    m_applier->setBackupRoot(m_options.backupRoot.isEmpty() ? BackupStore::defaultRoot() : m_options.backupRoot);
    m_applier->setProbeOptions(m_options.probeOptions);

    setPage(InspectPage, new FixInspectPage(this));
    setPage(ChoosePage, new FixChoosePage(this));
    setPage(DhPage, new FixDhPage(this));
    setPage(ReviewPage, new FixReviewPage(this));
    setPage(ApplyPage, new FixApplyPage(this));
    setPage(ResultPage, new FixResultPage(this));
    setPage(RestorePage, new FixRestorePage(this));
    m_wantsRestore = options.restore;
    setStartId(options.restore ? RestorePage : InspectPage);
    if (options.restore)
        setWindowTitle(tr("Restore Previous Configuration"));
    resize(760, 560);
}

FixWizard::~FixWizard() = default;

void FixWizard::setCertificate(const QString &certFile, const QString &keyFile)
{
    m_certFile = certFile;
    m_keyFile = keyFile;
}

QString FixWizard::configDir() const
{
    return m_kind == m_options.kind ? m_options.configDir : QString();
}

void FixWizard::setKind(MailService::Kind kind)
{
    m_kind = kind;
    m_service.reset();
}

std::optional<ChangePlan> FixWizard::planFor(Fix fix, const DhChoice &choice, QString *error) const
{
    if (!m_service) {
        *error = tr("The mail service has not been inspected.");
        return std::nullopt;
    }
    return m_service->plan(fix, choice, m_certFile, m_keyFile, error);
}

QString FixWizard::serviceTitle(const ChangePlan &plan)
{
    const std::optional<MailService::Kind> kind = MailService::kindFromKey(plan.mta);
    return kind ? MailService::kindTitle(*kind) : plan.mta;
}

void FixWizard::setServiceHost(std::shared_ptr<const CommandHost> host, const QString &location)
{
    m_serviceHost = std::move(host);
    m_serviceLocation = location;
    useServiceHost();
}

void FixWizard::useServiceHost()
{
    m_applier->setCommandHost(m_serviceHost, m_serviceLocation);
}

std::function<std::optional<ChangePlan>(QString *)> FixWizard::fixPlanMaker() const
{
    if (!m_service) {
        return [](QString *error) {
            *error = tr("The mail service has not been inspected.");
            return std::optional<ChangePlan>();
        };
    }
    const QString address = verifyAddress();
    const quint16 port = m_options.verifyAddress.isEmpty() ? m_service->probePort() : m_options.verifyPort;
    return [service = m_service, fix = m_fix, choice = m_dhChoice, cert = m_certFile, key = m_keyFile, address,
            port](QString *error) {
        std::optional<ChangePlan> plan = service->plan(fix, choice, cert, key, error);
        if (plan && !plan->isEmpty()) {
            plan->verification.address = address;
            plan->verification.port = port;
        }
        return plan;
    };
}

// As `mailtls fix` chooses it.
QString FixWizard::verifyAddress() const
{
    return m_options.verifyAddress.isEmpty() ? m_service->listenAddress() : m_options.verifyAddress;
}

void FixWizard::reject()
{
    // Closing while files may be half changed: the applier rolls back, and
    // the result page says what was put back.
    if (m_applier->isRunning()) {
        m_applier->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace mailtls
