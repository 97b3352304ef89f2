#include "models/itemmodels/peerconnectionmodel.h"

#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

bool sameTls(const TlsDetails &a, const TlsDetails &b)
{
    return a.trust == b.trust && a.protocol == b.protocol && a.cipher == b.cipher
        && a.cipherBits == b.cipherBits && a.keyExchange == b.keyExchange
        && a.keyExchangeBits == b.keyExchangeBits && a.dhe == b.dhe;
}

bool sameConnection(const PeerConnection &a, const PeerConnection &b)
{
    return a.id == b.id && a.sourceId == b.sourceId && a.time == b.time && a.direction == b.direction
        && a.host == b.host && a.peerIp == b.peerIp && a.port == b.port && a.encrypted == b.encrypted
        && sameTls(a.tls, b.tls);
}

} // namespace

PeerConnectionModel::PeerConnectionModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void PeerConnectionModel::setConnections(const QList<PeerConnection> &connections)
{
    mergeRows(m_rows, connections, [](const PeerConnection &c) { return c.id; }, sameConnection);
}

void PeerConnectionModel::clear()
{
    resetRows(m_rows, {});
}

int PeerConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeerConnectionModel::keyExchangeText(const TlsDetails &tls)
{
    if (!tls.keyExchange.isEmpty()) {
        return tls.keyExchangeBits > 0 ? tr("%1 (%2 bits)").arg(tls.keyExchange).arg(tls.keyExchangeBits)
                                       : tls.keyExchange;
    }
    return tls.dhe ? tr("DHE (size not logged)") : QString();
}

QVariant PeerConnectionModel::display(const PeerConnection &c, int column) const
{
    switch (column) {
    case TimeColumn: return RecordTitles::time(c.time);
    case DirectionColumn: return RecordTitles::direction(c.direction);
    case HostColumn: return c.host;
    case AddressColumn: return RecordTitles::address(c.peerIp, c.port);
    case EncryptionColumn: return c.encrypted ? tr("Encrypted") : tr("Plaintext");
    case ProtocolColumn:
        if (!c.encrypted)
            return QString();
        return c.tls.protocol.isEmpty() ? tr("not logged") : c.tls.protocol;
    case CipherColumn: return c.tls.cipher;
    case KeyExchangeColumn: return keyExchangeText(c.tls);
    case TrustColumn: return RecordTitles::trust(c.tls.trust);
    }
    return QVariant();
}

QVariant PeerConnectionModel::sortValue(const PeerConnection &c, int column) const
{
    switch (column) {
    case TimeColumn: return c.time;
    case DirectionColumn: return int(c.direction);
    case HostColumn: return c.host;
    case AddressColumn: return RecordTitles::address(c.peerIp, c.port);
    case EncryptionColumn: return c.encrypted;
    case ProtocolColumn: return c.tls.protocol;
    case CipherColumn: return c.tls.cipher;
    case KeyExchangeColumn: return keyExchangeText(c.tls);
    case TrustColumn: return int(c.tls.trust);
    }
    return QVariant();
}

QVariant PeerConnectionModel::toolTip(const PeerConnection &c, int column) const
{
    switch (column) {
    case TimeColumn: return tr("%1 UTC").arg(DashboardCsv::utc(c.time));
    case EncryptionColumn:
        if (c.encrypted && c.tls.protocol.isEmpty())
            return tr("Encrypted, but the mail server logged no TLS details for this connection (for "
                      "example TLS on a wrapper port, or TLS logging turned down).");
        break;
    case CipherColumn:
        if (c.tls.cipherBits > 0)
            return tr("%1, %2-bit key").arg(c.tls.cipher).arg(c.tls.cipherBits);
        break;
    case KeyExchangeColumn:
        if (c.tls.dhe)
            return tr("Finite-field Diffie-Hellman: the logs do not say how large the group was; a "
                      "probe of the peer can measure it.");
        break;
    case TrustColumn:
        if (c.encrypted)
            return RecordTitles::trustExplanation(c.tls.trust);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant PeerConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PeerConnection &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(c, index.column());
    case Qt::ToolTipRole: return toolTip(c, index.column());
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: return sortValue(c, index.column());
    case RecordIdRole: return c.id;
    case EncryptedRole: return c.encrypted;
    default: break;
    }
    return QVariant();
}

QVariant PeerConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time");
        case DirectionColumn: return tr("Direction");
        case HostColumn: return tr("Host");
        case AddressColumn: return tr("Address");
        case EncryptionColumn: return tr("Encryption");
        case ProtocolColumn: return tr("Protocol");
        case CipherColumn: return tr("Cipher suite");
        case KeyExchangeColumn: return tr("Key exchange");
        case TrustColumn: return tr("Trust");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn: return tr("When the connection opened, in local time");
        case DirectionColumn: return tr("Inbound: the peer sent to us; outbound: we sent to it; submission: "
                                        "a client of ours submitted mail");
        case HostColumn: return tr("The peer's host name as the mail server logged it");
        case AddressColumn: return tr("The peer's IP address and port");
        case EncryptionColumn: return tr("Whether the connection used TLS");
        case ProtocolColumn: return tr("The TLS protocol version negotiated");
        case CipherColumn: return tr("The cipher suite negotiated");
        case KeyExchangeColumn: return tr("The key exchange group, when the mail server logged it");
        case TrustColumn: return tr("How far the peer's certificate was trusted: verified (trusted and "
                                    "matching its name), trusted, untrusted, or anonymous (none)");
        }
    }
    return QVariant();
}

} // namespace mailtls
