#pragma once

#include <functional>

#include <QMenu>
#include <QPointer>
#include <QString>

class QToolButton;

namespace mailtls {

// The export actions of one chart or table: "Export CSV…" (exactly the data
// it shows, from DashboardCsv), "Save as PNG…", "Save as SVG…" (the widget as
// drawn) and "Copy" (the CSV as text and the picture as an image, so it
// pastes into a spreadsheet or a document alike). Files are written whole or
// not at all.
class ExportMenu final : public QMenu
{
    Q_OBJECT

public:
    // `baseName` proposes file names ("mailtls-overview-trend").
    ExportMenu(const QString &baseName, QWidget *parent);

    void setCsv(std::function<QString()> csv);
    // The widget drawn by PNG, SVG and Copy; none leaves those out.
    void setPicture(QWidget *widget);

    // A tool button ("Export") that opens this menu, for a card's title row.
    QToolButton *createButton(QWidget *parent);

    static bool writePng(QWidget *widget, const QString &path, QString *error);
    static bool writeSvg(QWidget *widget, const QString &title, const QString &path,
                         QString *error);
    // The CSV as text/csv and text/plain, the picture as an image.
    static void copy(const QString &csv, QWidget *widget);

    QAction *csvAction() const { return m_csvAction; }
    QAction *pngAction() const { return m_pngAction; }
    QAction *svgAction() const { return m_svgAction; }
    QAction *copyAction() const { return m_copyAction; }

private:
    void updateActions();
    QString askPath(const QString &title, const QString &suffix, const QString &filter);
    void report(const QString &error);

    QString m_baseName;
    std::function<QString()> m_csv;
    QPointer<QWidget> m_picture;
    QAction *m_csvAction = nullptr;
    QAction *m_pngAction = nullptr;
    QAction *m_svgAction = nullptr;
    QAction *m_copyAction = nullptr;
};

} // namespace mailtls
