#include "models/itemmodels/correspondentmodel.h"

#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

QString keyOf(const Correspondent &c)
{
    // The address last: it may hold anything, the other parts cannot.
    return QStringLiteral("%1/%2/").arg(int(c.direction)).arg(int(c.side)) + c.address;
}

} // namespace

CorrespondentModel::CorrespondentModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void CorrespondentModel::setCorrespondents(const QList<Correspondent> &correspondents)
{
    mergeRows(m_rows, correspondents, keyOf,
              [](const Correspondent &a, const Correspondent &b) { return a == b; });
}

void CorrespondentModel::clear()
{
    resetRows(m_rows, {});
}

int CorrespondentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CorrespondentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CorrespondentModel::sideTitle(Correspondent::Side side)
{
    return side == Correspondent::Side::Ours ? tr("Ours") : tr("Theirs");
}

QVariant CorrespondentModel::display(const Correspondent &c, int column) const
{
    const QLocale locale;
    switch (column) {
    case DirectionColumn: return RecordTitles::direction(c.direction);
    case SideColumn: return sideTitle(c.side);
    case AddressColumn: return c.address;
    case MessagesColumn: return locale.toString(c.messages);
    case EncryptedMessagesColumn: return locale.toString(c.encryptedMessages);
    case EncryptedShareColumn: return RecordTitles::percent(c.encryptedMessages, c.messages);
    case LastSeenColumn: return RecordTitles::time(c.lastSeen);
    }
    return QVariant();
}

QVariant CorrespondentModel::sortValue(const Correspondent &c, int column) const
{
    switch (column) {
    case DirectionColumn: return int(c.direction);
    case SideColumn: return int(c.side);
    case AddressColumn: return c.address;
    case MessagesColumn: return c.messages;
    case EncryptedMessagesColumn: return c.encryptedMessages;
    case EncryptedShareColumn:
        return c.messages > 0 ? double(c.encryptedMessages) / double(c.messages) : -1.0;
    case LastSeenColumn: return c.lastSeen;
    }
    return QVariant();
}

QVariant CorrespondentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Correspondent &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(c, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AddressColumn:
            return c.address == QLatin1String("<>") ? tr("The null sender: bounces and delivery reports")
                                                    : QVariant();
        case EncryptedShareColumn:
            return tr("%1 of %2 messages encrypted")
                .arg(QLocale().toString(c.encryptedMessages), QLocale().toString(c.messages));
        case LastSeenColumn: return tr("%1 UTC").arg(DashboardCsv::utc(c.lastSeen));
        default: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= MessagesColumn && index.column() <= EncryptedShareColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: return sortValue(c, index.column());
    default: break;
    }
    return QVariant();
}

QVariant CorrespondentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DirectionColumn: return tr("Direction");
        case SideColumn: return tr("Side");
        case AddressColumn: return tr("Address");
        case MessagesColumn: return tr("Messages");
        case EncryptedMessagesColumn: return tr("Encrypted");
        case EncryptedShareColumn: return tr("Encrypted %");
        case LastSeenColumn: return tr("Last message");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DirectionColumn: return tr("Inbound: mail from the peer; outbound: mail to it");
        case SideColumn: return tr("Ours: an address of ours that sent to the peer; theirs: an address at the "
                                   "peer's side. The recipients of inbound mail are not recorded.");
        case AddressColumn: return tr("The envelope address; <> is the null sender of bounces");
        case MessagesColumn: return tr("Messages this address sent or received through the peer");
        case EncryptedMessagesColumn: return tr("Of those, the messages that crossed the wire encrypted");
        case EncryptedShareColumn: return tr("Share of its messages that crossed the wire encrypted");
        case LastSeenColumn: return tr("Its last message with the peer, in local time");
        }
    }
    return QVariant();
}

} // namespace mailtls
