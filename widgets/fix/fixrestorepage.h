#pragma once

#include <QWizardPage>

class QLabel;
class QTreeWidget;

namespace mailtls {

class FixWizard;

// "Restore a previous configuration": the backups of earlier fixes (and
// restores), newest first, with their state and files; the chosen one's
// restore plan is shown on the Review page and applied like any fix.
class FixRestorePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixRestorePage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    QTreeWidget *backupsView() const { return m_backups; }

private:
    FixWizard *m_wizard;
    QLabel *m_status;
    QTreeWidget *m_backups;
};

} // namespace mailtls
