#pragma once

#include <QStyledItemDelegate>

namespace mailtls {

// Draws a cell's text as usual and, under it, a thin bar split into the
// encrypted and the plaintext share in the ChartPalette colours, so a column
// of percentages can be read at a glance. The text still carries the figure.
class EncryptedShareDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `shareRole` gives a cell's encrypted share (0..1), or null for none.
    EncryptedShareDelegate(int shareRole, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_shareRole;
};

} // namespace mailtls
