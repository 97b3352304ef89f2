#include "widgets/dashboard/dashboardcards.h"

#include <utility>

#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/exportmenu.h"

namespace mailtls {

DashboardCard *DashboardCards::make(const QString &objectName, const QString &title, const QString &explanation,
                                    QWidget *content, const QString &exportName, std::function<QString()> csv,
                                    QWidget *picture, QWidget *parent)
{
    auto *card = new DashboardCard(title, explanation, parent);
    if (!objectName.isEmpty())
        card->setObjectName(objectName);
    card->setContent(content);
    ExportMenu *menu = card->addExport(exportName);
    menu->setCsv(std::move(csv));
    if (picture)
        menu->setPicture(picture);
    return card;
}

void DashboardCards::setNotes(const QList<DashboardCard *> &cards, const QString &note)
{
    for (DashboardCard *card : cards)
        card->setNote(note);
}

QString DashboardCards::loadingNote()
{
    return tr("Loading…");
}

QString DashboardCards::unreadableNote(const QString &error)
{
    return tr("Cannot read the figures: %1").arg(error);
}

} // namespace mailtls
