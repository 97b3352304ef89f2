#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace mailtls {

class ExportMenu;

// One framed block of a dashboard page: a title (with a tooltip that
// explains the figure), an Export button when the block can be exported, and
// its content below. Its accessible name is its title.
class DashboardCard final : public QFrame
{
    Q_OBJECT

public:
    DashboardCard(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    void setContent(QWidget *content);
    QWidget *content() const { return m_content; }
    // Adds the Export button; the menu becomes the card's child. `baseName`
    // proposes file names.
    ExportMenu *addExport(const QString &baseName);
    ExportMenu *exportMenu() const { return m_export; }
    QString title() const;
    // A line under the title for state the figures depend on ("Loading…",
    // an error); empty hides it.
    void setNote(const QString &note);
    QString note() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_note = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_content = nullptr;
    ExportMenu *m_export = nullptr;
    QToolButton *m_exportButton = nullptr;
};

} // namespace mailtls
