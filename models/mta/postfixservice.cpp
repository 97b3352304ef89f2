#include "models/mta/postfixservice.h"

#include "models/mta/postfixfixes.h"

namespace mailtls {

PostfixService::PostfixService(PostfixInspectionResult inspection)
    : m_inspection(std::move(inspection))
{
}

QString PostfixService::versionText() const
{
    return m_inspection.versionText();
}

QString PostfixService::configDirectory() const
{
    return m_inspection.configDirectory;
}

MailService::Running PostfixService::running() const
{
    switch (m_inspection.running) {
    case PostfixInspectionResult::Running::Yes:
        return Running::Yes;
    case PostfixInspectionResult::Running::No:
        return Running::No;
    case PostfixInspectionResult::Running::Unknown:
        break;
    }
    return Running::Unknown;
}

QList<ConfigFinding> PostfixService::findings() const
{
    return m_inspection.findings;
}

bool PostfixService::offers(Fix) const
{
    return true;
}

bool PostfixService::autoDhAvailable() const
{
    return m_inspection.autoDhAvailable();
}

QString PostfixService::autoDhUnavailableReason() const
{
    if (autoDhAvailable())
        return QString();
    return tr("Needs Postfix 3.7 or later with OpenSSL 3 (this is %1).").arg(versionText());
}

bool PostfixService::hasServerCertificate() const
{
    return m_inspection.hasServerCertificate();
}

std::optional<ChangePlan> PostfixService::logjam(const DhChoice &choice, QString *error) const
{
    return PostfixFixes::logjam(m_inspection, choice, error);
}

std::optional<ChangePlan> PostfixService::starttls(const QString &certFile, const QString &keyFile,
                                                   QString *error) const
{
    return PostfixFixes::starttls(m_inspection, certFile, keyFile, error);
}

std::optional<ChangePlan> PostfixService::tlsLogging(QString *error) const
{
    return PostfixFixes::tlsLogging(m_inspection, error);
}

QString PostfixService::listenAddress() const
{
    return m_inspection.listenAddress();
}

PostfixServiceInspection::PostfixServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                                                   QObject *parent)
    : MailServiceInspection(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
{
}

PostfixServiceInspection::~PostfixServiceInspection() = default;

void PostfixServiceInspection::start()
{
    delete m_inspection;
    m_inspection = new PostfixInspection(m_host, m_configDirectory, this);
    if (!m_folders.isEmpty() || !m_searchPath)
        m_inspection->setProgramFolders(m_folders, m_searchPath);
    m_inspection->setTimeout(m_timeout);
    connect(m_inspection, &PostfixInspection::finished, this, &PostfixServiceInspection::onFinished);
    m_inspection->start();
}

void PostfixServiceInspection::cancel()
{
    if (m_inspection != nullptr)
        m_inspection->cancel();
}

bool PostfixServiceInspection::isRunning() const
{
    return m_inspection != nullptr && m_inspection->isRunning();
}

void PostfixServiceInspection::onFinished()
{
    PostfixInspection *inspection = m_inspection;
    m_inspection = nullptr;
    inspection->deleteLater();
    const PostfixInspectionResult result = inspection->result();
    if (!result.ok) {
        failWith(result.error);
        return;
    }
    succeed(std::make_shared<PostfixService>(result));
}

} // namespace mailtls
