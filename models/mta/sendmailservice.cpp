#include "models/mta/sendmailservice.h"

#include "models/mta/sendmailfixes.h"

namespace mailtls {

SendmailService::SendmailService(SendmailInspectionResult inspection)
    : m_inspection(std::move(inspection))
{ }

QString SendmailService::versionText() const
{
    return m_inspection.versionText();
}

QString SendmailService::configDirectory() const
{
    return m_inspection.configDirectory;
}

MailService::Running SendmailService::running() const
{
    switch (m_inspection.running) {
    case SendmailInspectionResult::Running::Yes:
        return Running::Yes;
    case SendmailInspectionResult::Running::No:
        return Running::No;
    case SendmailInspectionResult::Running::Unknown:
        break;
    }
    return Running::Unknown;
}

QList<ConfigFinding> SendmailService::findings() const
{
    return m_inspection.findings;
}

bool SendmailService::offers(Fix) const
{
    return true;
}

bool SendmailService::autoDhAvailable() const
{
    return m_inspection.autoDhAvailable();
}

QString SendmailService::autoDhUnavailableReason() const
{
    if (autoDhAvailable())
        return QString();
    if (!m_inspection.hasStartTls())
        return tr("Sendmail %1 was built without STARTTLS.").arg(m_inspection.version);
    return tr("Sendmail makes its own 2048-bit groups (DHParameters=2) from 8.14.8 on; this is %1.").arg(versionText());
}

bool SendmailService::hasServerCertificate() const
{
    return m_inspection.hasServerCertificate();
}

std::optional<ChangePlan> SendmailService::logjam(const DhChoice &choice, QString *error) const
{
    return SendmailFixes::logjam(m_inspection, choice, error);
}

std::optional<ChangePlan> SendmailService::starttls(const QString &certFile, const QString &keyFile,
                                                    QString *error) const
{
    return SendmailFixes::starttls(m_inspection, certFile, keyFile, error);
}

std::optional<ChangePlan> SendmailService::tlsLogging(QString *error) const
{
    return SendmailFixes::tlsLogging(m_inspection, error);
}

QString SendmailService::listenAddress() const
{
    return m_inspection.listenAddress();
}

quint16 SendmailService::probePort() const
{
    return m_inspection.listenPort();
}

SendmailServiceInspection::SendmailServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                                                     QObject *parent)
    : MailServiceInspection(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
{ }

SendmailServiceInspection::~SendmailServiceInspection() = default;

void SendmailServiceInspection::start()
{
    delete m_inspection;
    m_inspection = new SendmailInspection(m_host, m_configDirectory, this);
    if (!m_folders.isEmpty() || !m_searchPath)
        m_inspection->setProgramFolders(m_folders, m_searchPath);
    m_inspection->setTimeout(m_timeout);
    connect(m_inspection, &SendmailInspection::finished, this, &SendmailServiceInspection::onFinished);
    m_inspection->start();
}

void SendmailServiceInspection::cancel()
{
    if (m_inspection != nullptr)
        m_inspection->cancel();
}

bool SendmailServiceInspection::isRunning() const
{
    return m_inspection != nullptr && m_inspection->isRunning();
}

void SendmailServiceInspection::onFinished()
{
    SendmailInspection *inspection = m_inspection;
    m_inspection = nullptr;
    inspection->deleteLater();
    const SendmailInspectionResult result = inspection->result();
    if (!result.ok) {
        failWith(result.error);
        return;
    }
    succeed(std::make_shared<SendmailService>(result));
}

} // namespace mailtls
