#pragma once

#include <memory>

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace mailtls {

class FixWizard;
class MailServiceInspection;

// Inspects the chosen mail service's configuration (a MailServiceInspection,
// asynchronously) and shows its version and findings; another service can be
// chosen, and Retry runs the inspection again.
class FixInspectPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixInspectPage(FixWizard *wizard);
    ~FixInspectPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    // Set when an inspection has succeeded.
    bool inspected() const { return m_ok; }
    QTreeWidget *findingsView() const { return m_findings; }

signals:
    void inspectionFinished();

private:
    void start();
    void onFinished();
    void onServiceChosen();

    FixWizard *m_wizard;
    std::unique_ptr<MailServiceInspection> m_inspection;
    QComboBox *m_serviceBox;
    QLabel *m_status;
    QTreeWidget *m_findings;
    QPushButton *m_retry;
    QPushButton *m_restore;
    bool m_ok = false;
};

} // namespace mailtls
