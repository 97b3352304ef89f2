#pragma once

#include <QList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/peerdetail.h"

namespace mailtls {

// A peer's failed TLS attempts, as the peer detail page lists them: one row
// per failure, newest first as the store gives them, with the mail server's
// reason. SortRole gives raw values, RecordIdRole the failure's row id (for
// its log lines).
class PeerFailureModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, DirectionColumn, HostColumn, AddressColumn, ProblemColumn, ReasonColumn, ColumnCount };

    explicit PeerFailureModel(QObject *parent = nullptr);

    // Merged in by row id (see KeyedTableModel).
    void setFailures(const QList<PeerFailure> &failures);
    void clear();
    const QList<PeerFailure> &failures() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What a kind of failure usually means, for tooltips.
    static QString problemExplanation(TlsProblem problem);

private:
    QVariant display(const PeerFailure &f, int column) const;
    QVariant sortValue(const PeerFailure &f, int column) const;

    QList<PeerFailure> m_rows;
};

} // namespace mailtls
