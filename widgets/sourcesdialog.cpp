#include "widgets/sourcesdialog.h"

#include <algorithm>
#include <iterator>

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/sourcelistmodel.h"
#include "models/sources/sourcemanager.h"
#include "widgets/sourceeditdialog.h"

namespace mailtls {

namespace {

QPushButton *sideButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    return button;
}

// Retry helps a source that waits: for the user, for its next attempt, or
// after it stopped on a problem.
bool canRetry(const SourceManager::Status &s)
{
    if (s.paused)
        return false;
    if (s.needsUser)
        return true;
    return !s.reason.isEmpty() && (s.state == LogSource::State::Connecting || s.state == LogSource::State::Stopped);
}

} // namespace

SourcesDialog::SourcesDialog(SourceManager *manager, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_model(new SourceListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Sources"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SourceListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("sources"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SourceListModel::SourceColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    // A state's reason can be long: it is cut in the table, and shown whole in
    // the tooltip and under the table.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourceListModel::StateColumn, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideRight);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_state->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    m_state->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_add = sideButton(tr("&Add…"), QStringLiteral("add"), this);
    m_edit = sideButton(tr("&Edit…"), QStringLiteral("edit"), this);
    m_test = sideButton(tr("&Test"), QStringLiteral("test"), this);
    m_pause = sideButton(tr("&Pause"), QStringLiteral("pause"), this);
    m_retry = sideButton(tr("Re&try"), QStringLiteral("retry"), this);
    m_remove = sideButton(tr("&Remove…"), QStringLiteral("remove"), this);
    m_add->setToolTip(tr("Follow another log: a file, the journal, or a log on another computer over SSH"));
    m_test->setToolTip(tr("Try to reach the selected source's log now"));
    m_retry->setToolTip(tr("Try again now, after you fixed what stopped the source"));
    m_remove->setToolTip(tr("Stop following the source; the figures read from it stay"));
    connect(m_add, &QPushButton::clicked, this, &SourcesDialog::addSource);
    connect(m_edit, &QPushButton::clicked, this, &SourcesDialog::editSource);
    connect(m_test, &QPushButton::clicked, this, &SourcesDialog::testSource);
    connect(m_pause, &QPushButton::clicked, this, &SourcesDialog::togglePaused);
    connect(m_retry, &QPushButton::clicked, this, &SourcesDialog::retrySource);
    connect(m_remove, &QPushButton::clicked, this, &SourcesDialog::removeSource);

    auto *removeAction = new QAction(this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &SourcesDialog::removeSource);
    connect(m_view, &QTableView::activated, this, &SourcesDialog::editSource);

    auto *side = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_test, m_pause, m_retry, m_remove})
        side->addWidget(button);
    side->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_view, 1);
    top->addLayout(side);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_state);
    layout->addWidget(buttons);

    connect(m_manager, &SourceManager::sourcesChanged, this, &SourcesDialog::reloadSources);
    connect(m_manager, &SourceManager::sourceUpdated, this, &SourcesDialog::reloadSource);
    connect(m_manager, &SourceManager::warning, this, &SourcesDialog::rememberWarning);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SourcesDialog::updateSelection);
    // A row's state changes under a selection that stays.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &SourcesDialog::updateSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SourcesDialog::updateSelection);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &SourcesDialog::updateSelection);

    m_model->setSources(m_manager->sources());
    if (m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    updateSelection();
    resize(fontMetrics().averageCharWidth() * 140, fontMetrics().lineSpacing() * 24);
}

SourcesDialog::~SourcesDialog() = default;

qint64 SourcesDialog::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return rows.first().data(SourceListModel::IdRole).toLongLong();
}

void SourcesDialog::selectSource(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
}

void SourcesDialog::reloadSources()
{
    const QList<SourceManager::Status> sources = m_manager->sources();
    for (auto it = m_warnings.begin(); it != m_warnings.end();) {
        const bool known = std::any_of(sources.cbegin(), sources.cend(),
                                       [&](const SourceManager::Status &s) { return s.id == it.key(); });
        it = known ? std::next(it) : m_warnings.erase(it);
    }
    const bool wasEmpty = m_model->rowCount() == 0;
    m_model->setSources(sources);
    selectPending();
    // The first sources to arrive: one of them is shown at once.
    if (wasEmpty && selectedId() < 0 && m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    updateSelection();
}

void SourcesDialog::reloadSource(qint64 id)
{
    if (const std::optional<SourceManager::Status> status = m_manager->source(id))
        m_model->updateSource(*status);
}

void SourcesDialog::rememberWarning(qint64 id, const QString &message)
{
    m_warnings.insert(id, message);
    if (id == selectedId())
        updateSelection();
}

void SourcesDialog::selectPending()
{
    if (m_pendingSelection.isEmpty())
        return;
    for (const SourceManager::Status &s : m_model->sources()) {
        if (s.spec == m_pendingSelection) {
            m_pendingSelection.clear();
            selectSource(s.id);
            return;
        }
    }
}

SourceEditDialog *SourcesDialog::editor() const
{
    return m_editor;
}

QString SourcesDialog::stateLine() const
{
    return m_state->text();
}

void SourcesDialog::updateSelection()
{
    const int row = m_model->rowOf(selectedId());
    const bool selected = row >= 0;
    m_edit->setEnabled(selected);
    m_test->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_pause->setEnabled(selected);
    if (!selected) {
        m_pause->setText(tr("&Pause"));
        m_retry->setEnabled(false);
        m_state->setText(m_model->rowCount() == 0
                             ? tr("No sources yet. Add your mail server's log: a file, the journal, or a log on "
                                  "another computer over SSH.")
                             : tr("Select a source to see its state."));
        return;
    }

    const SourceManager::Status &s = m_model->sources().at(row);
    m_pause->setText(s.paused ? tr("Res&ume") : tr("&Pause"));
    m_retry->setEnabled(canRetry(s));

    QStringList lines;
    lines.append(tr("%1 — %2").arg(s.name.isEmpty() ? s.spec : s.name, SourceListModel::stateText(s)));
    if (s.needsUser)
        lines.append(tr("MailTLS waits for you: fix what stopped it, then press Retry."));
    else if (s.paused)
        lines.append(tr("Paused: press Resume to read on from where it stopped."));
    const QString warning = m_warnings.value(s.id);
    if (!warning.isEmpty())
        lines.append(tr("Last warning: %1").arg(warning));
    m_state->setText(lines.join(QLatin1Char('\n')));
}

void SourcesDialog::addSource()
{
    openEditor(-1, false);
}

void SourcesDialog::editSource()
{
    if (selectedId() >= 0)
        openEditor(selectedId(), false);
}

void SourcesDialog::testSource()
{
    if (selectedId() >= 0)
        openEditor(selectedId(), true);
}

void SourcesDialog::openEditor(qint64 id, bool test)
{
    if (m_editor)
        return;
    auto *editor = new SourceEditDialog(m_manager, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (id < 0) {
        editor->setWindowTitle(tr("Add Source"));
        editor->setCommit([this](const QString &spec, QString *error) {
            if (!m_manager->addSource(spec, error))
                return false;
            m_pendingSelection = spec;
            selectPending();
            return true;
        });
    } else {
        const std::optional<SourceManager::Status> status = m_manager->source(id);
        if (!status) {
            delete editor;
            return;
        }
        editor->setWindowTitle(tr("Edit Source"));
        editor->setSpecText(status->spec);
        editor->setCommit([this, id, original = status->spec](const QString &spec, QString *error) {
            // An unchanged source is left running as it is.
            if (spec == original)
                return true;
            if (!m_manager->editSource(id, spec, error))
                return false;
            // Another log is another source in the store: its row comes anew.
            m_pendingSelection = spec;
            selectPending();
            return true;
        });
    }
    m_editor = editor;
    editor->open();
    if (test)
        editor->startTest();
}

void SourcesDialog::togglePaused()
{
    const int row = m_model->rowOf(selectedId());
    if (row < 0)
        return;
    const SourceManager::Status &s = m_model->sources().at(row);
    m_manager->setPaused(s.id, !s.paused);
}

void SourcesDialog::retrySource()
{
    const qint64 id = selectedId();
    if (id >= 0)
        m_manager->retry(id);
}

void SourcesDialog::removeSource()
{
    const int row = m_model->rowOf(selectedId());
    if (row < 0)
        return;
    const SourceManager::Status &s = m_model->sources().at(row);
    const qint64 id = s.id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Source"),
                                tr("Stop following %1?").arg(s.name.isEmpty() ? s.spec : s.name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setInformativeText(tr("MailTLS forgets the source's definition and reads nothing more from it. "
                               "The figures already read from it stay."));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton *clicked) {
        if (clicked == remove)
            m_manager->removeSource(id);
    });
    box->open();
}

} // namespace mailtls
