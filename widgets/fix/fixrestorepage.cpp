#include "widgets/fix/fixrestorepage.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/mta/backupstore.h"
#include "models/mta/planapplier.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

namespace {

QString stateText(const Backup &backup)
{
    if (backup.state == QLatin1String("done"))
        return FixRestorePage::tr("Applied");
    if (backup.state == QLatin1String("rolled-back"))
        return FixRestorePage::tr("Rolled back");
    if (backup.state == QLatin1String("rollback-failed"))
        return FixRestorePage::tr("Rollback failed");
    return FixRestorePage::tr("Interrupted (%1)").arg(backup.state);
}

} // namespace

FixRestorePage::FixRestorePage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_backups(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("fixRestorePage"));
    setTitle(tr("Restore a previous configuration"));
    setSubTitle(tr("Every fix saved the files it changed before writing them. Choose a backup: the next page shows "
                   "exactly what putting its files back changes."));
    m_status->setObjectName(QStringLiteral("restoreStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backups->setObjectName(QStringLiteral("backups"));
    m_backups->setAccessibleName(tr("Backups, newest first"));
    m_backups->setColumnCount(4);
    m_backups->setHeaderLabels({tr("Saved"), tr("State"), tr("Change"), tr("Files")});
    m_backups->setRootIsDecorated(false);
    m_backups->setAllColumnsShowFocus(true);
    m_backups->setSelectionMode(QAbstractItemView::SingleSelection);
    m_backups->header()->setStretchLastSection(true);
    connect(m_backups, &QTreeWidget::itemSelectionChanged, this, &FixRestorePage::completeChanged);
    connect(m_backups, &QTreeWidget::itemActivated, this, [this] {
        if (isComplete())
            m_wizard->next();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_backups, 1);
}

void FixRestorePage::initializePage()
{
    m_backups->clear();
    QString problems;
    const QString root = m_wizard->applier()->backupRoot();
    const QList<Backup> backups = m_wizard->applier()->listBackups(&problems);
    for (const Backup &b : backups) {
        QStringList files;
        for (const BackedUpFile &f : b.files)
            files.append(f.existed ? f.path : tr("%1 (created)").arg(f.path));
        auto *item = new QTreeWidgetItem(
            m_backups, {QLocale().toString(b.created.toLocalTime(), QLocale::ShortFormat), stateText(b), b.title,
                        files.join(QStringLiteral(", "))});
        item->setData(0, Qt::UserRole, b.id);
        item->setToolTip(0, tr("Backup %1 in %2").arg(b.id, QDir::toNativeSeparators(b.folder)));
        item->setToolTip(3, files.join(QLatin1Char('\n')));
    }
    QString status = backups.isEmpty()
        ? tr("There are no backups in %1: no fix has changed a file yet.").arg(QDir::toNativeSeparators(root))
        : tr("%n backup(s) in %1.", nullptr, int(backups.size())).arg(QDir::toNativeSeparators(root));
    if (!problems.isEmpty())
        status += QLatin1Char('\n') + problems;
    m_status->setText(status);
    if (!backups.isEmpty())
        m_backups->setCurrentItem(m_backups->topLevelItem(0));
    for (int c = 0; c < 3; ++c)
        m_backups->resizeColumnToContents(c);
}

void FixRestorePage::cleanupPage()
{
    // Back on the Inspect page: Next leads to the fixes again.
    m_wizard->setRestoreBackup(QString());
    m_wizard->setWantsRestore(false);
}

bool FixRestorePage::isComplete() const
{
    return !m_backups->selectedItems().isEmpty();
}

bool FixRestorePage::validatePage()
{
    const QList<QTreeWidgetItem *> selected = m_backups->selectedItems();
    if (selected.isEmpty())
        return false;
    m_wizard->setRestoreBackup(selected.constFirst()->data(0, Qt::UserRole).toString());
    return true;
}

int FixRestorePage::nextId() const
{
    return FixWizard::ReviewPage;
}

} // namespace mailtls
