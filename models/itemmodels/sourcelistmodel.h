#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/sources/sourcemanager.h"

namespace mailtls {

// The app's live sources as a table, one row per source, with their live
// state, progress, rate and position. Fed with SourceManager::Status values
// (not with the manager itself), so the owner decides where they come from.
// Rows keep their place across updates: a changed source changes its row
// (dataChanged), added and removed sources insert and remove rows, so a view's
// selection survives the manager's frequent updates.
class SourceListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SourceColumn,
        StateColumn,
        LinesColumn,
        RateColumn,
        PositionColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,    // raw values: name, state, lines, rate, position
        IdRole,                         // the source's id (qint64)
        NeedsUserRole,                  // bool
        PausedRole,                     // bool
    };

    explicit SourceListModel(QObject *parent = nullptr);

    const QList<SourceManager::Status> &sources() const { return m_rows; }
    // The row of source `id`, -1 when it has none.
    int rowOf(qint64 id) const;

    // The state column's text: "following", "connecting: <reason>", "paused",
    // with a mark in front when the source waits for the user.
    static QString stateText(const SourceManager::Status &status);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // The whole list: sources no longer in it lose their rows, known ones are
    // updated in place, new ones are appended in the order given.
    void setSources(const QList<mailtls::SourceManager::Status> &sources);
    // One source's new state or progress; ignored when the source has no row
    // (it was removed, or the list has not been set yet).
    void updateSource(const mailtls::SourceManager::Status &status);

private:
    void replaceRow(int row, const SourceManager::Status &status);

    QList<SourceManager::Status> m_rows;
};

} // namespace mailtls
