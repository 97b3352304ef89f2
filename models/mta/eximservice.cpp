#include "models/mta/eximservice.h"

#include "models/mta/eximfixes.h"

namespace mailtls {

EximService::EximService(EximInspectionResult inspection)
    : m_inspection(std::move(inspection))
{ }

QString EximService::versionText() const
{
    return m_inspection.versionText();
}

QString EximService::configDirectory() const
{
    return m_inspection.configDirectory;
}

MailService::Running EximService::running() const
{
    switch (m_inspection.running) {
    case EximInspectionResult::Running::Yes:
        return Running::Yes;
    case EximInspectionResult::Running::No:
        return Running::No;
    case EximInspectionResult::Running::Unknown:
        break;
    }
    return Running::Unknown;
}

QList<ConfigFinding> EximService::findings() const
{
    return m_inspection.findings;
}

bool EximService::offers(Fix fix) const
{
    return fix == Fix::TlsLogging || m_inspection.hasTls();
}

bool EximService::autoDhAvailable() const
{
    return m_inspection.autoDhAvailable();
}

QString EximService::autoDhUnavailableReason() const
{
    if (autoDhAvailable())
        return QString();
    if (!m_inspection.hasTls())
        return tr("This Exim has no TLS (%1).").arg(versionText());
    return tr("Needs Exim 4.88 or later, whose default group has 2048 bits (this is %1).").arg(versionText());
}

bool EximService::hasServerCertificate() const
{
    return m_inspection.hasServerCertificate();
}

std::optional<ChangePlan> EximService::logjam(const DhChoice &choice, QString *error) const
{
    return EximFixes::logjam(m_inspection, choice, error);
}

std::optional<ChangePlan> EximService::starttls(const QString &certFile, const QString &keyFile, QString *error) const
{
    return EximFixes::starttls(m_inspection, certFile, keyFile, error);
}

std::optional<ChangePlan> EximService::tlsLogging(QString *error) const
{
    return EximFixes::tlsLogging(m_inspection, error);
}

QString EximService::listenAddress() const
{
    return m_inspection.listenAddress();
}

quint16 EximService::probePort() const
{
    return m_inspection.listenPort();
}

EximServiceInspection::EximServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                                             QObject *parent)
    : MailServiceInspection(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
{ }

EximServiceInspection::~EximServiceInspection() = default;

void EximServiceInspection::start()
{
    delete m_inspection;
    m_inspection = new EximInspection(m_host, m_configDirectory, this);
    if (!m_folders.isEmpty() || !m_searchPath)
        m_inspection->setProgramFolders(m_folders, m_searchPath);
    m_inspection->setTimeout(m_timeout);
    connect(m_inspection, &EximInspection::finished, this, &EximServiceInspection::onFinished);
    m_inspection->start();
}

void EximServiceInspection::cancel()
{
    if (m_inspection != nullptr)
        m_inspection->cancel();
}

bool EximServiceInspection::isRunning() const
{
    return m_inspection != nullptr && m_inspection->isRunning();
}

void EximServiceInspection::onFinished()
{
    EximInspection *inspection = m_inspection;
    m_inspection = nullptr;
    inspection->deleteLater();
    const EximInspectionResult result = inspection->result();
    if (!result.ok) {
        failWith(result.error);
        return;
    }
    succeed(std::make_shared<EximService>(result));
}

} // namespace mailtls
