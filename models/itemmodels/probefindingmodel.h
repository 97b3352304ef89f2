#pragma once

#include <QList>
#include <QString>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// The findings of one probe report, in the analyser's order (worst first
// when sorted by severity): severity, title and the host each is about
// (empty for the domain's own: MTA-STS, TLS-RPT, DNS). The evidence and the
// advice are the rows' EvidenceRole and AdviceRole, and detailText() gives
// the whole finding as text to read or copy.
class ProbeFindingModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, TitleColumn, HostColumn, ColumnCount };
    enum Role {
        CodeRole = Qt::UserRole + 40,
        SeverityRole, // Severity as int
        EvidenceRole,
        AdviceRole,
    };

    explicit ProbeFindingModel(QObject *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    void clear();
    const QList<Finding> &findings() const { return m_rows; }

    // "mx1.example.org (192.0.2.1)", or "" for a domain-wide finding.
    static QString host(const Finding &finding);
    // The title, severity, host, evidence and advice of a finding, as plain
    // text: what the details pane shows and Copy puts on the clipboard.
    static QString detailText(const Finding &finding);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Finding> m_rows;
};

} // namespace mailtls
