#pragma once

#include <memory>

#include "models/mta/mailservice.h"
#include "models/mta/mailserviceinspection.h"
#include "models/mta/sendmailinspection.h"

namespace mailtls {

// Sendmail as a MailService: a SendmailInspectionResult and SendmailFixes.
class SendmailService final : public MailService
{
    Q_DECLARE_TR_FUNCTIONS(SendmailService)

public:
    explicit SendmailService(SendmailInspectionResult inspection);

    const SendmailInspectionResult &inspection() const { return m_inspection; }

    Kind kind() const override { return Kind::Sendmail; }
    QString versionText() const override;
    QString configDirectory() const override;
    Running running() const override;
    QList<ConfigFinding> findings() const override;
    // Without STARTTLS compiled in, no fix is a setting of this Sendmail
    // (the plans say why).
    bool offers(Fix fix) const override;
    bool autoDhAvailable() const override;
    QString autoDhUnavailableReason() const override;
    bool hasServerCertificate() const override;
    std::optional<ChangePlan> logjam(const DhChoice &choice, QString *error) const override;
    std::optional<ChangePlan> starttls(const QString &certFile, const QString &keyFile, QString *error) const override;
    std::optional<ChangePlan> tlsLogging(QString *error) const override;
    QString listenAddress() const override;
    quint16 probePort() const override;

private:
    SendmailInspectionResult m_inspection;
};

class SendmailServiceInspection final : public MailServiceInspection
{
    Q_OBJECT

public:
    SendmailServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                              QObject *parent = nullptr);
    ~SendmailServiceInspection() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;

private:
    void onFinished();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    SendmailInspection *m_inspection = nullptr;
};

} // namespace mailtls
