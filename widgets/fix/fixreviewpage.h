#pragma once

#include <optional>

#include <QString>
#include <QWizardPage>

#include "models/mta/changeplan.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mailtls {

class FixSudoersNote;
class FixWizard;

// The plan as a unified diff, before anything is written. An empty plan
// ("Nothing to change") ends the wizard here.
//
// The plan is worked out off the window's thread meanwhile ("Working out
// …"): a fix's on a worker thread (it may run programs), a restore's by
// the applier on the computer the backup's files are on
// (PlanApplier::makeRestorePlan), which for a remote host reads them over
// SSH. A host's refusal (ssh's, sudo's) is shown with the sudoers line to
// add, and Retry works the plan out again. An answer for a page left (Back,
// Cancel) is dropped.
class FixReviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixReviewPage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override;

    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void workOutRestore();
    void show(const std::optional<ChangePlan> &plan, QString error);

    FixWizard *m_wizard;
    QLabel *m_summary;
    FixSudoersNote *m_sudoers;
    QPushButton *m_retry;
    QPlainTextEdit *m_diff;

    quint64 m_generation = 0;
    bool m_ready = false;
    bool m_empty = false;
};

} // namespace mailtls
