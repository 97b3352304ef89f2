#pragma once

#include <functional>

#include <QCoreApplication>
#include <QList>
#include <QString>

class QWidget;

namespace mailtls {

class DashboardCard;

// What the dashboard's pages do alike with their cards: build one with its
// content and export, and say the same thing on all of them while figures
// load or cannot be read.
class DashboardCards final
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCards)

public:
    // A card named `objectName` (none when empty) showing `content`, whose
    // Export writes `csv` and, when there is a `picture`, draws it as PNG and
    // SVG. `exportName` proposes file names.
    static DashboardCard *make(const QString &objectName, const QString &title, const QString &explanation,
                               QWidget *content, const QString &exportName, std::function<QString()> csv,
                               QWidget *picture = nullptr, QWidget *parent = nullptr);

    static void setNotes(const QList<DashboardCard *> &cards, const QString &note);
    // "Loading…": a page's first figures are on their way.
    static QString loadingNote();
    // The store gave `error` instead of figures.
    static QString unreadableNote(const QString &error);
};

} // namespace mailtls
