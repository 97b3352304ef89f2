#pragma once

#include <QList>
#include <QWizardPage>

#include "models/mta/backupstore.h"

class QLabel;
class QTreeWidget;

namespace mailtls {

class FixWizard;

// "Restore a previous configuration": the backups of earlier fixes (and
// restores), newest first, each with the computer its files are on (this
// one, or ssh://user@host:port), when it was saved, the service, the change,
// its state and its files. Next sets the wizard's applier to the chosen
// backup's computer (a remote one reached as the Inspect page reaches it,
// through the wizard's FixRemoteAccess); the Review page then works out
// what putting its files back changes there and shows it as a diff, and it
// is applied like any fix. Back to the Inspect page puts the applier back on
// the inspected service's computer.
class FixRestorePage final : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { SavedColumn, ComputerColumn, ServiceColumn, ChangeColumn, StateColumn, FilesColumn };

    explicit FixRestorePage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    QTreeWidget *backupsView() const { return m_backups; }

private:
    void showCount();

    FixWizard *m_wizard;
    QLabel *m_status;
    QTreeWidget *m_backups;
    QList<Backup> m_listed;
    QString m_problems;
};

} // namespace mailtls
