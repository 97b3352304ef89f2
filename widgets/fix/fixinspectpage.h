#pragma once

#include <memory>

#include <QWizardPage>

#include "widgets/fix/fixremoteaccess.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace mailtls {

class CommandHost;
class FixSudoersNote;
class FixWizard;
class MailServiceInspection;

// Inspects the chosen mail service's configuration (a MailServiceInspection,
// asynchronously) and shows its version and findings; another service can be
// chosen, and Retry runs the inspection again.
//
// The Computer choice: this computer, or a remote host over SSH
// ("ssh://[user@]host[:port]", inspected when Inspect is pressed), reached
// through the wizard's FixRemoteAccess; its commands run as root through
// sudo -n (never asking for a sudo password); when sudo refuses, the page
// shows the sudoers line to add. The wizard's PlanApplier gets the same host
// (FixWizard::setServiceHost).
class FixInspectPage final : public QWizardPage
{
    Q_OBJECT

public:
    using HostMaker = FixRemoteAccess::HostMaker;

    explicit FixInspectPage(FixWizard *wizard);
    ~FixInspectPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    // Set when an inspection has succeeded.
    bool inspected() const { return m_ok; }
    QTreeWidget *findingsView() const { return m_findings; }
    // How a remote host is reached (for tests): the wizard's FixRemoteAccess's.
    void setHostMaker(HostMaker maker);

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
    FixRemoteAccess::Target chosenHost();

    FixWizard *m_wizard;
    std::unique_ptr<MailServiceInspection> m_inspection;
    QComboBox *m_serviceBox;
    QComboBox *m_computerBox;
    QLineEdit *m_hostEdit;
    QPushButton *m_inspect;
    QLabel *m_status;
    FixSudoersNote *m_sudoers;
    QTreeWidget *m_findings;
    QPushButton *m_retry;
    QPushButton *m_restore;
    bool m_ok = false;
    FixRemoteAccess::Target m_target;
};

} // namespace mailtls
