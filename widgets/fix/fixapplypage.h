#pragma once

#include <QWizardPage>

#include "models/mta/planapplier.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace mailtls {

class FixWizard;

// Applies the reviewed plan (PlanApplier::apply()) and lists its steps live:
// Backup, Write, Validate, Reload, Verify, Rollback, each with its outcome,
// message and output. Back stays disabled (the Review page commits).
class FixApplyPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixApplyPage(FixWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    QTreeWidget *stepList() const { return m_steps; }
    // Translated: "ok", "skipped", "failed".
    static QString outcomeText(PlanApplier::Outcome outcome);

signals:
    void applied();

private:
    void onStepStarted(PlanApplier::Step step, const QString &description);
    void onStepFinished(const PlanApplier::StepResult &result);
    void onFinished(const PlanApplier::Result &result);

    FixWizard *m_wizard;
    QLabel *m_status;
    QTreeWidget *m_steps;
    QTreeWidgetItem *m_current = nullptr;
    bool m_done = false;
};

} // namespace mailtls
