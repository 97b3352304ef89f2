#include "widgets/importstatus.h"

#include <QFileInfo>
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
    m_cancel->setToolTip(tr("Stop the import; what was read so far stays, and importing the same logs again "
                            "goes on from there"));
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
    connect(m_import, &BackgroundImport::progress, this, [this](int permille) {
        m_bar->setValue(permille);
        m_bar->setToolTip(tr("%1 % read").arg(QLocale().toString(permille / 10.0, 'f', 1)));
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
