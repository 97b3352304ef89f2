#include "widgets/fix/fixreviewpage.h"

#include <QFontDatabase>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "models/mta/planapplier.h"
#include "widgets/fix/diffhighlighter.h"
#include "widgets/fix/fixremoteaccess.h"
#include "widgets/fix/fixsudoersnote.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixReviewPage::FixReviewPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_sudoers(new FixSudoersNote(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_diff(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("fixReviewPage"));
    setTitle(tr("Review changes"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Summary of the change"));
    m_diff->setObjectName(QStringLiteral("diff"));
    m_diff->setAccessibleName(tr("The change as a unified diff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document(), m_diff->palette());
    setButtonText(QWizard::CommitButton, tr("&Apply"));
    m_retry->setObjectName(QStringLiteral("retryPlan"));
    m_retry->setAccessibleName(tr("Work the change out again"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &FixReviewPage::workOutRestore);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_sudoers);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_diff, 1);
}

void FixReviewPage::initializePage()
{
    m_ready = false;
    m_empty = false;
    setCommitPage(false);
    setFinalPage(false);
    m_diff->clear();
    m_diff->hide();
    m_sudoers->clear();
    m_retry->hide();
    if (!m_wizard->restoreBackup().isEmpty()) {
        workOutRestore();
        return;
    }
    const quint64 generation = ++m_generation;
    // Made off the window's thread: a plan may run programs (m4).
    m_summary->setText(tr("Working out the change …"));
    emit completeChanged();
    struct Made
    {
        std::optional<ChangePlan> plan;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Made made = watcher->result();
        show(made.plan, made.error);
    });
    watcher->setFuture(QtConcurrent::run([maker = m_wizard->fixPlanMaker()] {
        Made made;
        made.plan = maker(&made.error);
        return made;
    }));
}

void FixReviewPage::workOutRestore()
{
    const quint64 generation = ++m_generation;
    m_ready = false;
    m_empty = false;
    m_sudoers->clear();
    m_retry->hide();
    const QString id = m_wizard->restoreBackup();
    const QString location = m_wizard->applier()->hostLocation();
    m_summary->setText(location.isEmpty()
                           ? tr("Working out what putting back backup %1 changes …").arg(id)
                           : tr("Working out what putting back backup %1 changes on %2 …").arg(id, location));
    emit completeChanged();
    QPointer<FixReviewPage> self(this);
    m_wizard->applier()->makeRestorePlan(
        id, [self, generation](const std::optional<ChangePlan> &plan, const QString &error) {
            if (!self || generation != self->m_generation)
                return;
            const QString askpassTarget = self->m_wizard->restoreAskpassTarget();
            if (plan)
                self->m_wizard->remoteAccess()->succeeded(askpassTarget);
            self->show(plan, error);
            if (!plan) {
                self->m_sudoers->setError(error, askpassTarget);
                self->m_retry->show();
            }
            emit self->completeChanged();
        });
}

void FixReviewPage::cleanupPage()
{
    // A plan still being made is for a page no longer shown (Back, or Cancel:
    // QWizard cleans every page up): a restore's reads stop, and no answer
    // lands here.
    ++m_generation;
    m_wizard->applier()->dropRestorePlans();
}

void FixReviewPage::show(const std::optional<ChangePlan> &plan, QString error)
{
    const QByteArray diff = plan ? plan->diff(&error) : QByteArray();
    m_ready = plan && (plan->isEmpty() || !diff.isEmpty());
    m_empty = plan && plan->isEmpty();
    setCommitPage(m_ready && !m_empty);
    setFinalPage(m_empty);
    if (!m_ready) {
        m_summary->setText(tr("The change cannot be made: %1").arg(error));
        m_diff->clear();
        m_diff->hide();
        return;
    }
    m_wizard->setPlan(*plan);
    if (m_empty) {
        m_summary->setText(tr("Nothing to change: %1 is already in place.").arg(plan->title));
        m_diff->clear();
        m_diff->hide();
        return;
    }
    QString summary = tr("%1. Nothing has been written yet: Apply backs up every file, writes the change, checks it, "
                         "reloads %2 and puts everything back if any step fails.")
                          .arg(plan->title, FixWizard::serviceTitle(*plan));
    // The paths of the diff do not say which computer they are on.
    const QString location = m_wizard->applier()->hostLocation();
    if (!location.isEmpty())
        summary += QLatin1Char('\n') + tr("The files are on %1.").arg(location);
    for (const QString &note : plan->notes)
        summary += QLatin1Char('\n') + note;
    m_summary->setText(summary);
    m_diff->setPlainText(QString::fromLocal8Bit(diff));
    m_diff->show();
}

bool FixReviewPage::isComplete() const
{
    return m_ready;
}

int FixReviewPage::nextId() const
{
    return m_ready && !m_empty ? int(FixWizard::ApplyPage) : -1;
}

} // namespace mailtls
