#pragma once

#include <QList>
#include <QString>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/tlsquality.h"

namespace mailtls {

// One list of the TLS quality page: peers using DHE cipher suites, or peers
// with TLS failures of one kind (each with its count, last time and reason).
// Rows are known by direction and peer, so live updates keep a view's
// selection and scroll position.
class TlsIssueModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Kind { DhePeers, Failures };
    // The DHE list has no last time: its columns are the others, in order.
    enum Column { DirectionColumn, PeerColumn, CountColumn, LastTimeColumn, DetailColumn };
    explicit TlsIssueModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setIssues(const QList<PeerTlsIssue> &issues);
    const QList<PeerTlsIssue> &issues() const { return m_rows; }

    // Which column a section shows, and the section of a column (-1: not shown).
    Column column(int section) const;
    int section(Column column) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Kind m_kind;
    QList<PeerTlsIssue> m_rows;
};

} // namespace mailtls
