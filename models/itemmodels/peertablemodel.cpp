#include "models/itemmodels/peertablemodel.h"

#include <QLocale>

#include "models/report/reportformatter.h"

namespace mailtls {

PeerTableModel::PeerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PeerTableModel::setFigures(const QList<PeerFigures> &figures)
{
    beginResetModel();
    m_rows = figures;
    endResetModel();
}

int PeerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeerTableModel::directionTitle(Direction direction)
{
    switch (direction) {
    case Direction::Inbound: return tr("Inbound");
    case Direction::Outbound: return tr("Outbound");
    case Direction::Submission: return tr("Submission");
    }
    return QString();
}

QVariant PeerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PeerFigures &r = m_rows.at(index.row());
    const QLocale locale;
    const double share = r.messages > 0 ? double(r.encryptedMessages) / double(r.messages) : -1.0;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DirectionColumn: return directionTitle(r.direction);
        case PeerColumn: return r.peer;
        case MessagesColumn: return locale.toString(r.messages);
        case EncryptedMessagesColumn: return locale.toString(r.encryptedMessages);
        case PlaintextMessagesColumn: return locale.toString(r.plaintextMessages);
        case EncryptedShareColumn:
            return share < 0 ? QStringLiteral("–") : locale.toString(100.0 * share, 'f', 1) + QStringLiteral(" %");
        case BytesColumn: return locale.formattedDataSize(r.bytes, 1, QLocale::DataSizeIecFormat);
        case ConnectionsColumn: return locale.toString(r.connections);
        case EncryptedConnectionsColumn: return locale.toString(r.encryptedConnections);
        case TlsFailuresColumn: return locale.toString(r.tlsFailures);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case DirectionColumn: return int(r.direction);
        case PeerColumn: return r.peer;
        case MessagesColumn: return r.messages;
        case EncryptedMessagesColumn: return r.encryptedMessages;
        case PlaintextMessagesColumn: return r.plaintextMessages;
        case EncryptedShareColumn: return share;
        case BytesColumn: return r.bytes;
        case ConnectionsColumn: return r.connections;
        case EncryptedConnectionsColumn: return r.encryptedConnections;
        case TlsFailuresColumn: return r.tlsFailures;
        }
        break;
    case DirectionRole:
        return int(r.direction);
    case Qt::TextAlignmentRole:
        if (index.column() >= MessagesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == BytesColumn)
            return tr("%1 bytes, of which %2 encrypted").arg(locale.toString(r.bytes), locale.toString(r.encryptedBytes));
        if (index.column() == TlsFailuresColumn && r.tlsFailures > 0)
            return tr("Failed TLS attempts with this peer; the mail may still have gone through in plaintext.");
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant PeerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DirectionColumn: return tr("Direction");
        case PeerColumn: return tr("Peer");
        case MessagesColumn: return tr("Messages");
        case EncryptedMessagesColumn: return tr("Encrypted");
        case PlaintextMessagesColumn: return tr("Plaintext");
        case EncryptedShareColumn: return tr("Encrypted %");
        case BytesColumn: return tr("Bytes");
        case ConnectionsColumn: return tr("Connections");
        case EncryptedConnectionsColumn: return tr("Encrypted conn.");
        case TlsFailuresColumn: return tr("TLS failures");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EncryptedShareColumn: return tr("Share of messages that crossed the wire encrypted");
        case ConnectionsColumn: return tr("SMTP connections with this peer");
        case TlsFailuresColumn: return tr("Failed attempts to set up TLS");
        default: break;
        }
    }
    return QVariant();
}

} // namespace mailtls
