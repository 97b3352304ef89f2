#include "widgets/fix/fixapplypage.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "widgets/dashboard/chartpalette.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixApplyPage::FixApplyPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_steps(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("fixApplyPage"));
    setTitle(tr("Apply"));
    m_status->setObjectName(QStringLiteral("applyStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Apply status"));
    m_steps->setObjectName(QStringLiteral("applySteps"));
    m_steps->setAccessibleName(tr("Steps of the change"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("Outcome"), tr("Details")});
    m_steps->header()->setStretchLastSection(true);
    m_steps->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_steps, 1);

    PlanApplier *applier = wizard->applier();
    connect(applier, &PlanApplier::stepStarted, this, &FixApplyPage::onStepStarted);
    connect(applier, &PlanApplier::stepFinished, this, &FixApplyPage::onStepFinished);
    connect(applier, &PlanApplier::finished, this, &FixApplyPage::onFinished);
}

QString FixApplyPage::outcomeText(PlanApplier::Outcome outcome)
{
    switch (outcome) {
    case PlanApplier::Outcome::Ok:
        return tr("ok");
    case PlanApplier::Outcome::Skipped:
        return tr("skipped");
    case PlanApplier::Outcome::Failed:
        return tr("failed");
    }
    return QString();
}

void FixApplyPage::initializePage()
{
    m_steps->clear();
    m_current = nullptr;
    m_done = false;
    m_status->setText(tr("Applying: %1…").arg(m_wizard->plan().title));
    if (!m_wizard->applier()->apply(m_wizard->plan())) {
        m_status->setText(tr("The change could not be started."));
        PlanApplier::Result result;
        result.changedNothing = true;
        result.message = m_status->text();
        onFinished(result);
    }
    emit completeChanged();
}

bool FixApplyPage::isComplete() const
{
    return m_done;
}

void FixApplyPage::onStepStarted(PlanApplier::Step step, const QString &description)
{
    m_current = new QTreeWidgetItem(m_steps, {PlanApplier::stepName(step), tr("running…"), description});
    m_steps->scrollToItem(m_current);
}

void FixApplyPage::onStepFinished(const PlanApplier::StepResult &result)
{
    QTreeWidgetItem *item = m_current;
    if (!item || item->text(0) != PlanApplier::stepName(result.step))
        item = new QTreeWidgetItem(m_steps, {PlanApplier::stepName(result.step)});
    m_current = nullptr;
    item->setText(1, outcomeText(result.outcome));
    item->setText(2, result.message);
    item->setToolTip(2, result.message);
    if (result.outcome == PlanApplier::Outcome::Failed)
        item->setForeground(1, ChartPalette::color(ChartPalette::Role::Failure, m_steps->palette()));
    else if (result.outcome == PlanApplier::Outcome::Ok)
        item->setForeground(1, ChartPalette::color(ChartPalette::Role::Encrypted, m_steps->palette()));
    if (!result.output.trimmed().isEmpty()) {
        auto *output = new QTreeWidgetItem(item, {QString(), tr("output"), result.output.trimmed()});
        output->setToolTip(2, result.output);
        item->setExpanded(result.outcome == PlanApplier::Outcome::Failed);
    }
    m_steps->scrollToItem(item);
}

void FixApplyPage::onFinished(const PlanApplier::Result &result)
{
    m_wizard->setApplyResult(result);
    m_done = true;
    m_status->setText(result.succeeded ? tr("Done.") : tr("The change did not go through: see the steps below."));
    emit completeChanged();
    emit applied();
}

} // namespace mailtls
