#include "widgets/dashboard/dashboardcard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/dashboard/exportmenu.h"

namespace mailtls {

DashboardCard::DashboardCard(const QString &title, const QString &explanation, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_note(new QLabel(this))
    , m_layout(new QVBoxLayout(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(title);
    setAccessibleDescription(explanation);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setToolTip(explanation);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    m_layout->addLayout(header);
    m_layout->addWidget(m_note);
}

void DashboardCard::setContent(QWidget *content)
{
    if (m_content) {
        m_layout->removeWidget(m_content);
        m_content->deleteLater();
    }
    m_content = content;
    if (content) {
        content->setParent(this);
        m_layout->addWidget(content, 1);
    }
}

ExportMenu *DashboardCard::addExport(const QString &baseName)
{
    if (m_export)
        return m_export;
    m_export = new ExportMenu(baseName, this);
    m_exportButton = m_export->createButton(this);
    auto *header = static_cast<QHBoxLayout *>(m_layout->itemAt(0)->layout());
    header->addWidget(m_exportButton);
    return m_export;
}

QString DashboardCard::title() const
{
    return m_title->text();
}

void DashboardCard::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString DashboardCard::note() const
{
    return m_note->text();
}

} // namespace mailtls
