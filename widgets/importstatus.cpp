#include "widgets/importstatus.h"

#include <QFileInfo>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "models/ingest/backgroundimport.h"

namespace mailtls {

ImportStatus::ImportStatus(BackgroundImport *import, QWidget *parent)
    : QWidget(parent)
    , m_import(import)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("importStatus"));
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(200);
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Import progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import: the log being read is taken back, so nothing of it is counted; "
                            "the logs read before it stay, and importing the same logs again goes on from there"));
    m_cancel->setAccessibleName(tr("Cancel import"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_import->cancel();
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
    });
    connect(m_import, &BackgroundImport::progressed, this, [this](const ImportProgress &progress) {
        if (!m_cancel->isEnabled())
            return; // "Cancelling…" stays
        const QLocale locale;
        const QString file = QFileInfo(progress.file).fileName();
        if (progress.phase == ImportProgress::Phase::Looking) {
            m_label->setText(tr("Looking at %1 (%2 of %3)…").arg(file).arg(progress.fileNumber).arg(progress.fileCount));
            m_bar->setValue(qMax(0, progress.permille()));
            m_bar->setToolTip(tr("Reading the logs ahead, to put them in order and date their lines"));
            return;
        }
        m_label->setText(progress.fileCount == 1
                             ? tr("Importing %1…").arg(file)
                             : tr("Importing %1 (%2 of %3)…").arg(file).arg(progress.fileNumber).arg(progress.fileCount));
        if (progress.permille() >= 0)
            m_bar->setValue(progress.permille());
        m_bar->setToolTip(tr("%1 lines, %2 of %3 MB, %4 lines a second")
                              .arg(locale.toString(qlonglong(progress.lines)),
                                   locale.toString(double(progress.rawBytes) / 1e6, 'f', 1),
                                   progress.rawTotal >= 0 ? locale.toString(double(progress.rawTotal) / 1e6, 'f', 1)
                                                          : QStringLiteral("?"),
                                   locale.toString(qlonglong(progress.linesPerSecond()))));
    });
    connect(m_import, &BackgroundImport::finished, this, &QWidget::hide);
}

void ImportStatus::started(const QStringList &logs)
{
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    m_label->setText(logs.size() == 1 ? tr("Importing %1…").arg(QFileInfo(logs.first()).fileName())
                                      : tr("Importing %n logs…", nullptr, int(logs.size())));
    show();
}

} // namespace mailtls
