#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "models/store/tlsquality.h"

namespace mailtls {

// One distribution of the TLS quality page (protocol versions, cipher suites
// or key exchanges) as a table in the query's order, most connections first.
// Each entry also has a strength, which the charts show as its colour:
// current, outdated or weak, or neither (including "not logged").
class TlsShareModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Parameter { Protocol, Cipher, KeyExchange };
    Q_ENUM(Parameter)
    enum class Strength { Current, Weak, Other };
    Q_ENUM(Strength)
    enum Column { NameColumn, ConnectionsColumn, ShareColumn, PeersColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // the raw value of a cell
        StrengthRole,                  // Strength, as int
    };

    explicit TlsShareModel(Parameter parameter, QObject *parent = nullptr);

    Parameter parameter() const { return m_parameter; }
    // `encryptedConnections` is the whole the shares are percentages of.
    void setShares(const QList<TlsShare> &shares, qint64 encryptedConnections);
    const QList<TlsShare> &shares() const { return m_shares; }
    qint64 encryptedConnections() const { return m_encryptedConnections; }

    // "TLSv1.2", or "(not logged)" for connections without the detail.
    QString name(int row) const;
    Strength strength(int row) const;
    // One entry in words, with its exact figures (for tooltips):
    // "TLSv1.2: 2 of 5 encrypted connections (40.0 %); peers: 2".
    QString summary(int row) const;

    // What a chart's axis and legend call the parameter and its strengths.
    QString parameterTitle() const;
    QString strengthTitle(Strength strength) const;
    static Strength strengthOf(Parameter parameter, const QString &name);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Parameter m_parameter;
    QList<TlsShare> m_shares;
    qint64 m_encryptedConnections = 0;
};

} // namespace mailtls
