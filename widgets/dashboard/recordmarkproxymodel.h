#pragma once

#include <QIcon>
#include <QPalette>
#include <QSortFilterProxyModel>

namespace mailtls {

// Sorts a KeyedTableModel by its raw values and marks one column of each row
// with the dashboard's colour for what the row is: encrypted or plaintext
// (rows that say, by KeyedTableModel::EncryptedRole), a TLS failure
// otherwise; the same colours and patterns as every chart (ChartPalette).
class RecordMarkProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecordMarkProxyModel(QObject *parent = nullptr);

    // The column that carries the mark; -1 for none.
    void setMarkColumn(int column);
    int markColumn() const { return m_column; }
    // The palette of the view, so the marks follow light and dark themes.
    void setPalette(const QPalette &palette);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static QIcon swatch(const QBrush &brush, const QColor &border);

    int m_column = -1;
    QIcon m_encrypted;
    QIcon m_plaintext;
    QIcon m_failure;
};

} // namespace mailtls
