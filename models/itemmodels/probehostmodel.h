#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// The mail servers of one probe report, one row per MX address probed (and
// one per MX host whose addresses could not be had): its verdict, what the
// default client's handshake got (protocol, cipher, key exchange), the DH
// group the DHE-only handshake measured, the TLS versions accepted one by
// one, and the leaf certificate.
class ProbeHostModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        MxColumn,
        AddressColumn,
        VerdictColumn,
        ProtocolColumn,
        CipherColumn,
        KeyExchangeColumn,
        DhColumn,
        VersionsColumn,
        CertificateColumn,
        ExpiresColumn,
        VerifiedColumn,
        ColumnCount
    };
    // The row's Verdict as int (any column).
    static constexpr int VerdictRole = Qt::UserRole + 32;

    struct Row
    {
        QString mxName;
        QString address; // empty: the host had no address
        quint16 port = 25;
        QString note; // why there is no address, or how the session ended
        Verdict verdict = Verdict::Unreachable;
        bool fromCache = false;
        bool tls = false; // the default client's handshake succeeded
        bool completed = false; // the default client's session ran to its end
        QString protocol;
        QString cipher;
        QString keyExchange; // "ECDHE (X25519)", "DHE, 2048 bits"
        int dhBits = -1; // -1: not measured; 0: no DHE offered
        QString dhGroup; // the known group's name
        QStringList versions; // "1.2", "1.3": accepted one by one
        QStringList versionNotes; // each version tried, with its outcome
        QString subject;
        QStringList subjectAltNames;
        QString issuer;
        QDateTime notAfter;
        bool hasCertificate = false;
        bool verified = false;
        bool nameMatches = false;
        QString verifyError;
    };

    explicit ProbeHostModel(QObject *parent = nullptr);

    void setReport(const ProbeReport &report);
    void clear();
    const QList<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static Row rowOf(const AddressProbeResult &result, const QList<HostVerdict> &verdicts);
    QString text(const Row &row, Column column) const;
    QVariant sortValue(const Row &row, Column column) const;
    QString toolTip(const Row &row, Column column) const;

    QList<Row> m_rows;
};

} // namespace mailtls
