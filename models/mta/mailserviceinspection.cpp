#include "models/mta/mailserviceinspection.h"

#include <QEventLoop>

#include "models/mta/dovecotservice.h"
#include "models/mta/eximservice.h"
#include "models/mta/postfixservice.h"
#include "models/mta/sendmailservice.h"

namespace mailtls {

MailServiceInspection::MailServiceInspection(QObject *parent)
    : QObject(parent)
{
}

MailServiceInspection::~MailServiceInspection() = default;

std::unique_ptr<MailServiceInspection> MailServiceInspection::create(MailService::Kind kind,
                                                                     std::shared_ptr<const CommandHost> host,
                                                                     const QString &configDirectory)
{
    switch (kind) {
    case MailService::Kind::Postfix:
        return std::make_unique<PostfixServiceInspection>(std::move(host), configDirectory);
    case MailService::Kind::Exim:
        return std::make_unique<EximServiceInspection>(std::move(host), configDirectory);
    case MailService::Kind::Dovecot:
        return std::make_unique<DovecotServiceInspection>(std::move(host), configDirectory);
    case MailService::Kind::Sendmail:
        return std::make_unique<SendmailServiceInspection>(std::move(host), configDirectory);
    }
    return nullptr;
}

void MailServiceInspection::setProgramFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

void MailServiceInspection::runToEnd()
{
    QEventLoop loop;
    connect(this, &MailServiceInspection::finished, &loop, &QEventLoop::quit);
    start();
    if (isRunning())
        loop.exec();
}

void MailServiceInspection::succeed(std::shared_ptr<const MailService> service)
{
    m_service = std::move(service);
    m_error.clear();
    emit finished();
}

void MailServiceInspection::failWith(const QString &error)
{
    m_service.reset();
    m_error = error;
    emit finished();
}

} // namespace mailtls
