#pragma once

#include <memory>

#include "models/mta/eximinspection.h"
#include "models/mta/mailservice.h"
#include "models/mta/mailserviceinspection.h"

namespace mailtls {

// Exim as a MailService: an EximInspectionResult and EximFixes.
class EximService final : public MailService
{
    Q_DECLARE_TR_FUNCTIONS(EximService)

public:
    explicit EximService(EximInspectionResult inspection);

    const EximInspectionResult &inspection() const { return m_inspection; }

    Kind kind() const override { return Kind::Exim; }
    QString versionText() const override;
    QString configDirectory() const override;
    Running running() const override;
    QList<ConfigFinding> findings() const override;
    // Without TLS, only the logging fix is a setting of this Exim.
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
    EximInspectionResult m_inspection;
};

class EximServiceInspection final : public MailServiceInspection
{
    Q_OBJECT

public:
    EximServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent = nullptr);
    ~EximServiceInspection() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;

private:
    void onFinished();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    EximInspection *m_inspection = nullptr;
};

} // namespace mailtls
