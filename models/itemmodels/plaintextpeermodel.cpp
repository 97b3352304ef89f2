#include "models/itemmodels/plaintextpeermodel.h"

#include <QLocale>

#include "models/itemmodels/recordtitles.h"

namespace mailtls {

PlaintextPeerModel::PlaintextPeerModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void PlaintextPeerModel::setPeers(const QList<PeerFigures> &peers)
{
    mergeRows(
        m_rows, peers,
        [](const PeerFigures &f) { return directionName(f.direction) + QLatin1Char('\n') + f.peer; },
        [](const PeerFigures &a, const PeerFigures &b) { return a == b; });
}

int PlaintextPeerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlaintextPeerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlaintextPeerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PeerFigures &f = m_rows.at(index.row());
    const QLocale locale;
    const qint64 plaintextBytes = f.bytes - f.encryptedBytes;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DirectionColumn: return RecordTitles::direction(f.direction);
        case PeerColumn: return f.peer;
        case PlaintextMessagesColumn: return locale.toString(f.plaintextMessages);
        case MessagesColumn: return locale.toString(f.messages);
        case EncryptedShareColumn: return RecordTitles::percent(f.encryptedMessages, f.messages);
        case PlaintextBytesColumn: return locale.formattedDataSize(plaintextBytes, 1, QLocale::DataSizeIecFormat);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case DirectionColumn: return int(f.direction);
        case PeerColumn: return f.peer;
        case PlaintextMessagesColumn: return f.plaintextMessages;
        case MessagesColumn: return f.messages;
        case EncryptedShareColumn:
            return f.messages > 0 ? double(f.encryptedMessages) / double(f.messages) : -1.0;
        case PlaintextBytesColumn: return plaintextBytes;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= PlaintextMessagesColumn)
            return QVariant::fromValue<Qt::Alignment>(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue<Qt::Alignment>(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("%1 (%2): %3 of %4 messages in plaintext, %5 of %6 in plaintext; %7 TLS failures. "
                  "Press Enter or double-click for the peer's details.")
            .arg(f.peer, RecordTitles::direction(f.direction), locale.toString(f.plaintextMessages),
                 locale.toString(f.messages),
                 locale.formattedDataSize(plaintextBytes, 1, QLocale::DataSizeIecFormat),
                 locale.formattedDataSize(f.bytes, 1, QLocale::DataSizeIecFormat),
                 locale.toString(f.tlsFailures));
    case PeerRole:
        return f.peer;
    case DirectionRole:
        return int(f.direction);
    }
    return QVariant();
}

QVariant PlaintextPeerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case DirectionColumn: return tr("Direction");
        case PeerColumn: return tr("Peer");
        case PlaintextMessagesColumn: return tr("Plaintext");
        case MessagesColumn: return tr("Messages");
        case EncryptedShareColumn: return tr("Encrypted");
        case PlaintextBytesColumn: return tr("Plaintext size");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case DirectionColumn: return tr("Inbound: the peer delivered to you; outbound: you delivered to it; "
                                        "submission: your users' clients");
        case PeerColumn: return tr("The peer's host name (or IP address when it has none), or its registrable "
                                   "domain when grouped by domain");
        case PlaintextMessagesColumn: return tr("Messages exchanged with this peer without encryption");
        case MessagesColumn: return tr("All messages exchanged with this peer in this direction");
        case EncryptedShareColumn: return tr("The share of its messages that were encrypted");
        case PlaintextBytesColumn: return tr("The logged size of its plaintext messages");
        case ColumnCount: break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue<Qt::Alignment>(
            (section >= PlaintextMessagesColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace mailtls
