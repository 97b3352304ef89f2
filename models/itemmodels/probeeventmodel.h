#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// The step log of the probes running: each ProbeEvent as it happens, with
// its time and the target it belongs to, oldest first. Bounded: past
// MaxRows the oldest rows go.
class ProbeEventModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, TargetColumn, StepColumn, MxColumn, AddressColumn, MessageColumn, ColumnCount };
    enum Role {
        StepRole = Qt::UserRole + 48, // ProbeStep as int
        ProbeIdRole,
    };
    static constexpr int MaxRows = 5000;

    struct Entry
    {
        QDateTime time; // UTC
        int probeId = 0;
        QString target;
        ProbeEvent event;
    };

    explicit ProbeEventModel(QObject *parent = nullptr);

    void append(int probeId, const QString &target, const ProbeEvent &event,
                const QDateTime &time = QDateTime::currentDateTimeUtc());
    void clear();
    const QList<Entry> &entries() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_rows;
};

} // namespace mailtls
