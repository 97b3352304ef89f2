#pragma once

#include <functional>
#include <memory>

#include <QHash>
#include <QPointer>
#include <QWizardPage>

#include "models/mta/mailservice.h"
#include "models/sources/sourcespec.h"

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace mailtls {

class AskpassServer;
class CommandHost;
class FixWizard;
struct HostKeyQuestion;
class MailServiceInspection;
class SecretStore;

// Inspects the chosen mail service's configuration (a MailServiceInspection,
// asynchronously) and shows its version and findings; another service can be
// chosen, and Retry runs the inspection again.
//
// The Computer choice: this computer, or a remote host over SSH
// ("ssh://[user@]host[:port]", inspected when Inspect is pressed). A remote
// host is reached with MailTLS's SSH settings (its known-hosts file, the
// askpass helper: an unknown host key is put to the user as the Sources
// dialog puts it, a password or passphrase for the login asked in a dialog),
// its commands run as root through sudo -n (never asking for a sudo
// password); when sudo refuses, the page shows the sudoers line to add. The
// wizard's PlanApplier gets the same host.
class FixInspectPage final : public QWizardPage
{
    Q_OBJECT

public:
    // How a remote host is reached for `kind` (for tests; default:
    // ServiceHost::create with MailTLS's own SSH settings and this page's
    // askpass server).
    using HostMaker = std::function<std::shared_ptr<const CommandHost>(const SourceSpec &spec, MailService::Kind kind)>;

    explicit FixInspectPage(FixWizard *wizard);
    ~FixInspectPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    // Set when an inspection has succeeded.
    bool inspected() const { return m_ok; }
    QTreeWidget *findingsView() const { return m_findings; }
    void setHostMaker(HostMaker maker) { m_hostMaker = std::move(maker); }

signals:
    void inspectionFinished();

private:
    void start();
    void onFinished();
    void onServiceChosen();
    void onComputerChosen();
    bool remoteChosen() const;
    // The host the service is inspected (and fixed) on; null with the
    // status set when the remote host cannot be used.
    std::shared_ptr<const CommandHost> chosenHost(QString *location, QString *askpassTarget);
    AskpassServer *askpass();
    void askHostKey(quint64 id, const HostKeyQuestion &question);
    void showSudoers(const QString &error);

    FixWizard *m_wizard;
    std::unique_ptr<MailServiceInspection> m_inspection;
    QComboBox *m_serviceBox;
    QComboBox *m_computerBox;
    QLineEdit *m_hostEdit;
    QPushButton *m_inspect;
    QLabel *m_status;
    QLabel *m_sudoersLabel;
    QPlainTextEdit *m_sudoers;
    QTreeWidget *m_findings;
    QPushButton *m_retry;
    QPushButton *m_restore;
    bool m_ok = false;
    QString m_askpassTarget;
    HostMaker m_hostMaker;
    SecretStore *m_secrets = nullptr;
    AskpassServer *m_askpass = nullptr;
    QHash<quint64, QPointer<QDialog>> m_questions;
};

} // namespace mailtls
