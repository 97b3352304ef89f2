#include "widgets/questiondialoglayout.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mailtls {

void QuestionDialogLayout::arrange(QDialog *dialog, QStyle::StandardPixmap icon, QLayout *text, QWidget *buttons,
                                   int widthInChars)
{
    QStyle *style = dialog->style();
    auto *iconLabel = new QLabel(dialog);
    const int iconSize = style->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, dialog);
    iconLabel->setPixmap(style->standardIcon(icon, nullptr, dialog).pixmap(iconSize, iconSize));
    iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *body = new QHBoxLayout;
    body->addWidget(iconLabel, 0, Qt::AlignTop);
    body->addLayout(text, 1);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(body);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(dialog->fontMetrics().averageCharWidth() * widthInChars);
}

} // namespace mailtls
