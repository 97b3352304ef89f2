#include "widgets/fix/fixreviewpage.h"

#include <QFontDatabase>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "widgets/fix/diffhighlighter.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixReviewPage::FixReviewPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
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
    const quint64 generation = ++m_generation;
    if (!m_wizard->restoreBackup().isEmpty()) {
        QString error;
        const std::optional<ChangePlan> plan = m_wizard->makePlan(&error);
        show(plan, error);
        return;
    }
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

void FixReviewPage::cleanupPage()
{
    // A plan still being made is for a page no longer shown.
    ++m_generation;
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
