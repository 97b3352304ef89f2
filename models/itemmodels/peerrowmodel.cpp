#include "models/itemmodels/peerrowmodel.h"

#include <QHash>
#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

QString countName(const QString &name)
{
    return name.isEmpty() ? PeerRowModel::tr("not logged") : name;
}

} // namespace

PeerRowModel::PeerRowModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

PeerRowModel::Key PeerRowModel::keyOf(const Entry &entry)
{
    return {int(entry.row.figures.direction), entry.row.figures.peer};
}

bool PeerRowModel::same(const Entry &a, const Entry &b)
{
    return a.detailed == b.detailed && a.row.figures == b.row.figures
        && a.row.protocols == b.row.protocols && a.row.ciphers == b.row.ciphers
        && a.row.bestTrust == b.row.bestTrust && a.row.worstTrust == b.row.worstTrust
        && a.row.lastSeen == b.row.lastSeen && a.row.lastProbe == b.row.lastProbe;
}

void PeerRowModel::setRows(const QList<PeerRow> &rows, PeerColumns columns, bool keepDetails)
{
    const bool detailed = columns == PeerColumns::Everything;
    QHash<Key, int> shown;
    if (!detailed && keepDetails) {
        shown.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            shown.insert(keyOf(m_rows.at(i)), i);
    }

    QList<Entry> fresh;
    fresh.reserve(rows.size());
    QHash<Key, int> seen;
    seen.reserve(rows.size());
    for (const PeerRow &row : rows) {
        Entry entry{row, detailed};
        const Key key = keyOf(entry);
        // The query never repeats a (direction, peer); should it, the first wins
        // rather than breaking the merge's unique keys.
        if (seen.contains(key))
            continue;
        seen.insert(key, int(fresh.size()));
        const auto old = shown.constFind(key);
        if (old != shown.constEnd() && m_rows.at(*old).detailed) {
            const PeerRow &before = m_rows.at(*old).row;
            entry.row.protocols = before.protocols;
            entry.row.ciphers = before.ciphers;
            entry.row.bestTrust = before.bestTrust;
            entry.row.worstTrust = before.worstTrust;
            entry.row.lastSeen = before.lastSeen;
            entry.row.lastProbe = before.lastProbe;
            entry.detailed = true;
        }
        fresh.append(entry);
    }
    mergeRows(m_rows, fresh, keyOf, same);
}

void PeerRowModel::clear()
{
    if (!m_rows.isEmpty())
        resetRows(m_rows, QList<Entry>());
}

QList<PeerRow> PeerRowModel::rows() const
{
    QList<PeerRow> list;
    list.reserve(m_rows.size());
    for (const Entry &entry : m_rows)
        list.append(entry.row);
    return list;
}

int PeerRowModel::find(Direction direction, const QString &peer) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const PeerFigures &f = m_rows.at(i).row.figures;
        if (f.direction == direction && f.peer == peer)
            return i;
    }
    return -1;
}

int PeerRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeerRowModel::countNames(const QList<TlsCount> &counts)
{
    QStringList names;
    names.reserve(counts.size());
    for (const TlsCount &count : counts)
        names.append(countName(count.name));
    return names.join(QStringLiteral(", "));
}

QString PeerRowModel::countLines(const QList<TlsCount> &counts)
{
    const QLocale locale;
    QStringList lines;
    lines.reserve(counts.size());
    for (const TlsCount &count : counts)
        lines.append(tr("%1: %2 connections").arg(countName(count.name), locale.toString(count.connections)));
    return lines.join(QLatin1Char('\n'));
}

QString PeerRowModel::trustRange(Trust worst, Trust best)
{
    if (worst == Trust::Unknown && best == Trust::Unknown)
        return QString();
    if (worst == best || best == Trust::Unknown)
        return RecordTitles::trust(worst);
    if (worst == Trust::Unknown)
        return RecordTitles::trust(best);
    return tr("%1 – %2").arg(RecordTitles::trust(worst), RecordTitles::trust(best));
}

QVariant PeerRowModel::display(const Entry &entry, int column) const
{
    const PeerRow &r = entry.row;
    const PeerFigures &f = r.figures;
    const QLocale locale;
    switch (column) {
    case PeerColumn: return f.peer;
    case DirectionColumn: return RecordTitles::direction(f.direction);
    case MessagesColumn: return locale.toString(f.messages);
    case EncryptedShareColumn: return RecordTitles::percent(f.encryptedMessages, f.messages);
    case BytesColumn: return locale.formattedDataSize(f.bytes, 1, QLocale::DataSizeIecFormat);
    case ConnectionsColumn: return locale.toString(f.connections);
    case TlsFailuresColumn: return locale.toString(f.tlsFailures);
    default: break;
    }
    if (!entry.detailed)
        return QString();
    switch (column) {
    case ProtocolsColumn: return countNames(r.protocols);
    case CiphersColumn: return countNames(r.ciphers);
    case TrustColumn: {
        const QString range = trustRange(r.worstTrust, r.bestTrust);
        if (range.isEmpty() && f.encryptedConnections > 0)
            return tr("not logged");
        return range;
    }
    case LastSeenColumn: return r.lastSeen ? RecordTitles::time(*r.lastSeen) : QString();
    case LastProbeColumn: return r.lastProbe ? RecordTitles::verdict(r.lastProbe->verdict) : QString();
    default: break;
    }
    return QVariant();
}

QVariant PeerRowModel::sortValue(const Entry &entry, int column) const
{
    const PeerRow &r = entry.row;
    const PeerFigures &f = r.figures;
    switch (column) {
    case PeerColumn: return f.peer;
    case DirectionColumn: return int(f.direction);
    case MessagesColumn: return f.messages;
    // Peers without messages below every share, 0 % included.
    case EncryptedShareColumn:
        return f.messages > 0 ? double(f.encryptedMessages) / double(f.messages) : -1.0;
    case BytesColumn: return f.bytes;
    case ConnectionsColumn: return f.connections;
    case TlsFailuresColumn: return f.tlsFailures;
    case ProtocolsColumn:
    case CiphersColumn: return display(entry, column);
    // The worst trust first, then the best: a peer that is sometimes
    // untrusted sorts below one that is always verified.
    case TrustColumn: return int(r.worstTrust) * 8 + int(r.bestTrust);
    case LastSeenColumn: return r.lastSeen ? *r.lastSeen : qint64(-1);
    // Never probed first, then from the best verdict to the worst.
    case LastProbeColumn: return r.lastProbe ? int(r.lastProbe->verdict) : -1;
    default: break;
    }
    return QVariant();
}

QVariant PeerRowModel::toolTip(const Entry &entry, int column) const
{
    const PeerRow &r = entry.row;
    const PeerFigures &f = r.figures;
    const QLocale locale;
    switch (column) {
    case PeerColumn:
        return tr("%1 (%2): press Enter or double-click to open its details")
            .arg(f.peer, RecordTitles::direction(f.direction));
    case DirectionColumn: return QVariant();
    case MessagesColumn:
    case EncryptedShareColumn:
        if (f.messages == 0)
            return tr("No messages in this range");
        return tr("%1 of %2 messages encrypted, %3 plaintext")
            .arg(locale.toString(f.encryptedMessages), locale.toString(f.messages),
                 locale.toString(f.plaintextMessages));
    case BytesColumn:
        return tr("%1 bytes, of which %2 encrypted").arg(locale.toString(f.bytes), locale.toString(f.encryptedBytes));
    case ConnectionsColumn:
        return tr("%1 connections, of which %2 encrypted")
            .arg(locale.toString(f.connections), locale.toString(f.encryptedConnections));
    case TlsFailuresColumn:
        if (f.tlsFailures > 0)
            return tr("Failed attempts to set up TLS; the mail may have gone through in plaintext after them.");
        return QVariant();
    default: break;
    }
    if (!entry.detailed)
        return tr("Still being read");
    switch (column) {
    case ProtocolsColumn:
    case CiphersColumn: {
        const QString lines = countLines(column == ProtocolsColumn ? r.protocols : r.ciphers);
        return lines.isEmpty() ? tr("No encrypted connections") : lines;
    }
    case TrustColumn:
        if (r.worstTrust == r.bestTrust || r.bestTrust == Trust::Unknown)
            return r.worstTrust == Trust::Unknown && f.encryptedConnections == 0
                ? tr("No encrypted connections")
                : RecordTitles::trustExplanation(r.worstTrust);
        return RecordTitles::trustExplanation(r.worstTrust) + QLatin1Char('\n')
            + RecordTitles::trustExplanation(r.bestTrust);
    case LastSeenColumn:
        return r.lastSeen ? DashboardCsv::utc(*r.lastSeen) : QVariant();
    case LastProbeColumn:
        if (!r.lastProbe)
            return tr("Never probed: use Probe to ask its mail servers what they offer");
        return tr("%1 (probed %2)\n%3")
            .arg(RecordTitles::verdict(r.lastProbe->verdict), RecordTitles::time(r.lastProbe->finished),
                 RecordTitles::verdictExplanation(r.lastProbe->verdict));
    default: break;
    }
    return QVariant();
}

QVariant PeerRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(entry, index.column());
    case Qt::ToolTipRole: return toolTip(entry, index.column());
    case SortRole: return sortValue(entry, index.column());
    case PeerRole: return entry.row.figures.peer;
    case DirectionRole: return int(entry.row.figures.direction);
    case EncryptedShareRole:
        if (entry.row.figures.messages <= 0)
            return QVariant();
        return double(entry.row.figures.encryptedMessages) / double(entry.row.figures.messages);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case MessagesColumn:
        case EncryptedShareColumn:
        case BytesColumn:
        case ConnectionsColumn:
        case TlsFailuresColumn: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default: break;
    }
    return QVariant();
}

QVariant PeerRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PeerColumn: return tr("Peer");
        case DirectionColumn: return tr("Direction");
        case MessagesColumn: return tr("Messages");
        case EncryptedShareColumn: return tr("Encrypted %");
        case BytesColumn: return tr("Bytes");
        case ConnectionsColumn: return tr("Connections");
        case TlsFailuresColumn: return tr("TLS failures");
        case ProtocolsColumn: return tr("TLS versions");
        case CiphersColumn: return tr("Cipher suites");
        case TrustColumn: return tr("Trust");
        case LastSeenColumn: return tr("Last seen");
        case LastProbeColumn: return tr("Last probe");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PeerColumn: return tr("The mail server (host name, or its address when it has none), or its registrable domain when peers are grouped by domain");
        case DirectionColumn: return tr("Inbound: mail it sent to us; outbound: mail we sent to it; submission: mail our users handed in");
        case MessagesColumn: return tr("Messages that crossed the wire between us and this peer");
        case EncryptedShareColumn: return tr("Share of those messages that crossed the wire encrypted");
        case BytesColumn: return tr("Size of those messages");
        case ConnectionsColumn: return tr("SMTP connections with this peer");
        case TlsFailuresColumn: return tr("Failed attempts to set up TLS with this peer");
        case ProtocolsColumn: return tr("TLS versions of its encrypted connections, most used first");
        case CiphersColumn: return tr("Cipher suites of its encrypted connections, most used first; the tooltip counts each");
        case TrustColumn: return tr("How far its certificates were trusted, from the worst to the best seen");
        case LastSeenColumn: return tr("When it was last on the wire in this range (local time; the tooltip gives UTC)");
        case LastProbeColumn: return tr("The verdict of the last probe of its mail servers, when it was probed");
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case MessagesColumn:
        case EncryptedShareColumn:
        case BytesColumn:
        case ConnectionsColumn:
        case TlsFailuresColumn: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default: break;
        }
    }
    return QVariant();
}

} // namespace mailtls
