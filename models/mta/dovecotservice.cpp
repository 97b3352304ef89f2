#include "models/mta/dovecotservice.h"

#include "models/mta/dovecotfixes.h"

namespace mailtls {

DovecotService::DovecotService(DovecotInspectionResult inspection)
    : m_inspection(std::move(inspection))
{ }

QString DovecotService::versionText() const
{
    return m_inspection.versionText();
}

QString DovecotService::configDirectory() const
{
    return m_inspection.configDirectory;
}

MailService::Running DovecotService::running() const
{
    switch (m_inspection.running) {
    case DovecotInspectionResult::Running::Yes:
        return Running::Yes;
    case DovecotInspectionResult::Running::No:
        return Running::No;
    case DovecotInspectionResult::Running::Unknown:
        break;
    }
    return Running::Unknown;
}

QList<ConfigFinding> DovecotService::findings() const
{
    return m_inspection.findings;
}

bool DovecotService::offers(Fix fix) const
{
    return fix == Fix::Logjam;
}

bool DovecotService::autoDhAvailable() const
{
    return false;
}

QString DovecotService::autoDhUnavailableReason() const
{
    return DovecotFixes::autoDhUnavailableReason(m_inspection);
}

bool DovecotService::hasServerCertificate() const
{
    return m_inspection.hasServerCertificate();
}

std::optional<ChangePlan> DovecotService::logjam(const DhChoice &choice, QString *error) const
{
    return DovecotFixes::logjam(m_inspection, choice, error);
}

std::optional<ChangePlan> DovecotService::starttls(const QString &, const QString &, QString *error) const
{
    return notOffered(Fix::StartTls, error);
}

std::optional<ChangePlan> DovecotService::tlsLogging(QString *error) const
{
    return notOffered(Fix::TlsLogging, error);
}

QString DovecotService::listenAddress() const
{
    return m_inspection.listenAddress();
}

DovecotServiceInspection::DovecotServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                                                   QObject *parent)
    : MailServiceInspection(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
{ }

DovecotServiceInspection::~DovecotServiceInspection() = default;

void DovecotServiceInspection::start()
{
    delete m_inspection;
    m_inspection = new DovecotInspection(m_host, m_configDirectory, this);
    if (!m_folders.isEmpty() || !m_searchPath)
        m_inspection->setProgramFolders(m_folders, m_searchPath);
    m_inspection->setTimeout(m_timeout);
    connect(m_inspection, &DovecotInspection::finished, this, &DovecotServiceInspection::onFinished);
    m_inspection->start();
}

void DovecotServiceInspection::cancel()
{
    if (m_inspection != nullptr)
        m_inspection->cancel();
}

bool DovecotServiceInspection::isRunning() const
{
    return m_inspection != nullptr && m_inspection->isRunning();
}

void DovecotServiceInspection::onFinished()
{
    DovecotInspection *inspection = m_inspection;
    m_inspection = nullptr;
    inspection->deleteLater();
    const DovecotInspectionResult result = inspection->result();
    if (!result.ok) {
        failWith(result.error);
        return;
    }
    succeed(std::make_shared<DovecotService>(result));
}

} // namespace mailtls
