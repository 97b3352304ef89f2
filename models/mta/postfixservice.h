#pragma once

#include <memory>

#include "models/mta/mailservice.h"
#include "models/mta/mailserviceinspection.h"
#include "models/mta/postfixinspection.h"

namespace mailtls {

// Postfix as a MailService: a PostfixInspectionResult and PostfixFixes.
class PostfixService final : public MailService
{
    Q_DECLARE_TR_FUNCTIONS(PostfixService)

public:
    explicit PostfixService(PostfixInspectionResult inspection);

    const PostfixInspectionResult &inspection() const { return m_inspection; }

    Kind kind() const override { return Kind::Postfix; }
    QString versionText() const override;
    QString configDirectory() const override;
    Running running() const override;
    QList<ConfigFinding> findings() const override;
    bool offers(Fix fix) const override;
    bool autoDhAvailable() const override;
    QString autoDhUnavailableReason() const override;
    bool hasServerCertificate() const override;
    std::optional<ChangePlan> logjam(const DhChoice &choice, QString *error) const override;
    std::optional<ChangePlan> starttls(const QString &certFile, const QString &keyFile,
                                       QString *error) const override;
    std::optional<ChangePlan> tlsLogging(QString *error) const override;
    QString listenAddress() const override;

private:
    PostfixInspectionResult m_inspection;
};

class PostfixServiceInspection final : public MailServiceInspection
{
    Q_OBJECT

public:
    PostfixServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                             QObject *parent = nullptr);
    ~PostfixServiceInspection() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;

private:
    void onFinished();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    PostfixInspection *m_inspection = nullptr;
};

} // namespace mailtls
