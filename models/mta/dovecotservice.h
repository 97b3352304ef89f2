#pragma once

#include <memory>

#include "models/mta/dovecotinspection.h"
#include "models/mta/mailservice.h"
#include "models/mta/mailserviceinspection.h"

namespace mailtls {

// Dovecot (IMAP and POP) as a MailService: a DovecotInspectionResult and
// DovecotFixes. It has the Logjam fix only, without an automatic group, and
// is checked on IMAPS (993).
class DovecotService final : public MailService
{
    Q_DECLARE_TR_FUNCTIONS(DovecotService)

public:
    explicit DovecotService(DovecotInspectionResult inspection);

    const DovecotInspectionResult &inspection() const { return m_inspection; }

    Kind kind() const override { return Kind::Dovecot; }
    QString versionText() const override;
    QString configDirectory() const override;
    Running running() const override;
    QList<ConfigFinding> findings() const override;
    bool offers(Fix fix) const override;
    bool autoDhAvailable() const override;
    QString autoDhUnavailableReason() const override;
    bool hasServerCertificate() const override;
    std::optional<ChangePlan> logjam(const DhChoice &choice, QString *error) const override;
    std::optional<ChangePlan> starttls(const QString &certFile, const QString &keyFile, QString *error) const override;
    std::optional<ChangePlan> tlsLogging(QString *error) const override;
    QString listenAddress() const override;
    quint16 probePort() const override { return 993; }

private:
    DovecotInspectionResult m_inspection;
};

class DovecotServiceInspection final : public MailServiceInspection
{
    Q_OBJECT

public:
    DovecotServiceInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                             QObject *parent = nullptr);
    ~DovecotServiceInspection() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;

private:
    void onFinished();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    DovecotInspection *m_inspection = nullptr;
};

} // namespace mailtls
