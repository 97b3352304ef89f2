#include "widgets/fix/fixrestorepage.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/mta/backupstore.h"
#include "models/mta/mailservice.h"
#include "models/mta/planapplier.h"
#include "models/sources/localcommandhost.h"
#include "widgets/fix/fixremoteaccess.h"
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
    m_backups->setColumnCount(6);
    m_backups->setHeaderLabels({tr("Saved"), tr("Computer"), tr("Service"), tr("Change"), tr("State"), tr("Files")});
    m_backups->setRootIsDecorated(false);
    m_backups->setAllColumnsShowFocus(true);
    m_backups->setSelectionMode(QAbstractItemView::SingleSelection);
    m_backups->header()->setStretchLastSection(true);
    connect(m_backups, &QTreeWidget::itemSelectionChanged, this, [this] {
        // A refusal was about the backup chosen before.
        showCount();
        emit completeChanged();
    });
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
    m_problems.clear();
    m_listed = m_wizard->applier()->listBackups(&m_problems);
    for (const Backup &b : std::as_const(m_listed)) {
        QStringList files;
        for (const BackedUpFile &f : b.files)
            files.append(f.existed ? f.path : tr("%1 (created)").arg(f.path));
        const QString computer = b.host.isEmpty() ? tr("This computer") : b.host;
        auto *item = new QTreeWidgetItem(m_backups,
                                         {QLocale().toString(b.created.toLocalTime(), QLocale::ShortFormat), computer,
                                          b.mta, b.title, stateText(b), files.join(QStringLiteral(", "))});
        item->setData(SavedColumn, Qt::UserRole, b.id);
        item->setToolTip(SavedColumn, tr("Backup %1 in %2").arg(b.id, QDir::toNativeSeparators(b.folder)));
        item->setToolTip(ComputerColumn,
                         b.host.isEmpty() ? tr("The files are on this computer.")
                                          : tr("The files are on %1: they are read and put back there over SSH, "
                                               "as root through sudo -n.")
                                                .arg(b.host));
        item->setToolTip(FilesColumn, files.join(QLatin1Char('\n')));
    }
    if (!m_listed.isEmpty())
        m_backups->setCurrentItem(m_backups->topLevelItem(0));
    for (int c = SavedColumn; c < FilesColumn; ++c)
        m_backups->resizeColumnToContents(c);
    showCount();
}

void FixRestorePage::showCount()
{
    const QString root = QDir::toNativeSeparators(m_wizard->applier()->backupRoot());
    QString status = m_listed.isEmpty() ? tr("There are no backups in %1: no fix has changed a file yet.").arg(root)
                                        : tr("%n backup(s) in %1.", nullptr, int(m_listed.size())).arg(root);
    if (!m_problems.isEmpty())
        status += QLatin1Char('\n') + m_problems;
    m_status->setText(status);
}

void FixRestorePage::cleanupPage()
{
    // Back on the Inspect page: Next leads to the fixes again, on the
    // inspected service's computer.
    m_wizard->setRestoreBackup(QString());
    m_wizard->setWantsRestore(false);
    m_wizard->useServiceHost();
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
    const QString id = selected.constFirst()->data(SavedColumn, Qt::UserRole).toString();
    const auto backup = std::find_if(m_listed.cbegin(), m_listed.cend(), [&id](const Backup &b) { return b.id == id; });
    if (backup == m_listed.cend())
        return false;
    // The plan is worked out, and applied, where the files are.
    if (backup->host.isEmpty()) {
        m_wizard->applier()->setCommandHost(std::make_shared<LocalCommandHost>());
        m_wizard->setRestoreBackup(id);
        return true;
    }
    QString error;
    FixRemoteAccess::Target target;
    const std::optional<MailService::Kind> kind = MailService::kindFromKey(backup->mta.toLower());
    if (kind)
        target = m_wizard->remoteAccess()->reach(backup->host, *kind, &error);
    else
        error = tr("it is of an unknown service, %1").arg(backup->mta);
    if (!target.host) {
        m_status->setText(tr("Backup %1 cannot be restored from here: %2").arg(id, error));
        return false;
    }
    m_wizard->applier()->setCommandHost(target.host, target.location);
    m_wizard->setRestoreBackup(id, target.askpassTarget);
    return true;
}

int FixRestorePage::nextId() const
{
    return FixWizard::ReviewPage;
}

} // namespace mailtls
