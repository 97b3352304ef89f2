#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mailtls {

class FixWizard;
class PostfixInspection;

// Inspects the Postfix configuration (PostfixInspection, asynchronously) and
// shows its version and findings; Retry when the inspection fails.
class FixInspectPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixInspectPage(FixWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    // Set when an inspection has succeeded.
    bool inspected() const { return m_ok; }
    QTreeWidget *findingsView() const { return m_findings; }

signals:
    void inspectionFinished();

private:
    void start();
    void onFinished();

    FixWizard *m_wizard;
    PostfixInspection *m_inspection = nullptr;
    QLabel *m_status;
    QTreeWidget *m_findings;
    QPushButton *m_retry;
    bool m_ok = false;
};

} // namespace mailtls
