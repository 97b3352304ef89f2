#include "widgets/fix/fixresultpage.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixResultPage::FixResultPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_message(new QLabel(this))
    , m_output(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("fixResultPage"));
    setFinalPage(true);
    m_message->setObjectName(QStringLiteral("resultMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Result"));
    m_output->setObjectName(QStringLiteral("resultOutput"));
    m_output->setAccessibleName(tr("Output of the failed step"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_output, 1);
}

void FixResultPage::initializePage()
{
    const PlanApplier::Result &r = m_wizard->applyResult();
    const ChangePlan &plan = m_wizard->plan();
    if (r.succeeded) {
        setTitle(tr("Done"));
        QStringList lines{tr("%1: done.").arg(plan.title)};
        for (const PlanApplier::StepResult &step : r.steps) {
            if (step.step == PlanApplier::Step::Verify)
                lines.append(tr("Verification: %1").arg(step.message));
        }
        if (!r.mtaRunning)
            lines.append(tr("%1 is not running: the change takes effect at its next start.").arg(plan.mta));
        if (!r.backupId.isEmpty())
            lines.append(tr("The previous files are kept in backup %1.").arg(r.backupId));
        m_message->setText(lines.join(QLatin1Char('\n')));
        m_output->clear();
        m_output->hide();
        return;
    }
    const QString step = r.failedStep ? PlanApplier::stepName(*r.failedStep) : QString();
    QString text;
    if (r.rollbackFailed) {
        setTitle(tr("Rollback failed"));
        text = tr("The %1 step failed: %2\nNot every file could be put back; the saved files are in backup %3.")
                   .arg(step, r.message, r.backupId);
    } else if (r.changedNothing) {
        setTitle(tr("Not applied"));
        text = tr("The %1 step failed: %2\nNothing was changed.").arg(step, r.message);
    } else {
        setTitle(tr("Rolled back"));
        text = tr("The %1 step failed: %2\nYour files were restored.").arg(step, r.message);
    }
    m_message->setText(text);
    m_output->setPlainText(r.output);
    m_output->setVisible(!r.output.isEmpty());
}

} // namespace mailtls
