#pragma once

#include <QStyle>

class QDialog;
class QLayout;
class QWidget;

namespace mailtls {

// The shape of the dialogs in which ssh's questions reach the user, as in a
// message box: the standard icon at the top left, the dialog's words and
// fields in a column beside it, the buttons below, and a width for lines of
// about `widthInChars` characters.
class QuestionDialogLayout final
{
public:
    static void arrange(QDialog *dialog, QStyle::StandardPixmap icon, QLayout *text, QWidget *buttons,
                        int widthInChars);
};

} // namespace mailtls
