#include "models/report/reportformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

PeerFigures totalOf(const QList<PeerFigures> &rows, Direction direction)
{
    PeerFigures t;
    t.direction = direction;
    for (const PeerFigures &r : rows) {
        if (r.direction != direction)
            continue;
        t.messages += r.messages;
        t.encryptedMessages += r.encryptedMessages;
        t.plaintextMessages += r.plaintextMessages;
        t.bytes += r.bytes;
        t.encryptedBytes += r.encryptedBytes;
        t.connections += r.connections;
        t.encryptedConnections += r.encryptedConnections;
        t.tlsFailures += r.tlsFailures;
    }
    return t;
}

} // namespace

bool ReportFormatter::formatFromName(const QString &name, Format *format)
{
    if (name == QLatin1String("table"))
        *format = Format::Table;
    else if (name == QLatin1String("csv"))
        *format = Format::Csv;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

QString ReportFormatter::csvHeader()
{
    return QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                          "encrypted_bytes,connections,encrypted_connections,tls_failures");
}

QString ReportFormatter::format(const QList<PeerFigures> &rows, Format format)
{
    switch (format) {
    case Format::Table: return table(rows);
    case Format::Csv: return csv(rows);
    case Format::Json: return json(rows);
    }
    return QString();
}

QString ReportFormatter::csv(const QList<PeerFigures> &rows)
{
    QString out = csvHeader() + QLatin1Char('\n');
    for (const PeerFigures &r : rows) {
        out += directionName(r.direction) + QLatin1Char(',') + DashboardCsv::field(r.peer);
        for (qint64 v : {r.messages, r.encryptedMessages, r.plaintextMessages, r.bytes, r.encryptedBytes,
                         r.connections, r.encryptedConnections, r.tlsFailures})
            out += QLatin1Char(',') + QString::number(v);
        out += QLatin1Char('\n');
    }
    return out;
}

QString ReportFormatter::json(const QList<PeerFigures> &rows)
{
    QJsonArray array;
    for (const PeerFigures &r : rows) {
        QJsonObject o;
        o.insert(QStringLiteral("direction"), directionName(r.direction));
        o.insert(QStringLiteral("peer"), r.peer);
        o.insert(QStringLiteral("messages"), r.messages);
        o.insert(QStringLiteral("encrypted_messages"), r.encryptedMessages);
        o.insert(QStringLiteral("plaintext_messages"), r.plaintextMessages);
        o.insert(QStringLiteral("bytes"), r.bytes);
        o.insert(QStringLiteral("encrypted_bytes"), r.encryptedBytes);
        o.insert(QStringLiteral("connections"), r.connections);
        o.insert(QStringLiteral("encrypted_connections"), r.encryptedConnections);
        o.insert(QStringLiteral("tls_failures"), r.tlsFailures);
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString ReportFormatter::percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("–");
    return QStringLiteral("%1 %").arg(100.0 * double(part) / double(whole), 0, 'f', 1);
}

QString ReportFormatter::humanBytes(qint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString ReportFormatter::table(const QList<PeerFigures> &rows)
{
    const QStringList header = {tr("Direction"), tr("Peer"),        tr("Messages"),
                                tr("Encrypted"), tr("Plaintext"),   tr("Enc. %"),
                                tr("Bytes"),     tr("Enc. bytes %"), tr("Connections"),
                                tr("Enc. conn. %"), tr("TLS failures")};
    QList<QStringList> cells;
    QList<bool> separatorBefore;
    auto cellsOf = [](const QString &direction, const QString &peer, const PeerFigures &r) {
        return QStringList{direction,
                           peer,
                           QString::number(r.messages),
                           QString::number(r.encryptedMessages),
                           QString::number(r.plaintextMessages),
                           percent(r.encryptedMessages, r.messages),
                           humanBytes(r.bytes),
                           percent(r.encryptedBytes, r.bytes),
                           QString::number(r.connections),
                           percent(r.encryptedConnections, r.connections),
                           QString::number(r.tlsFailures)};
    };

    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        int peers = 0;
        for (const PeerFigures &r : rows) {
            if (r.direction != d)
                continue;
            cells.append(cellsOf(directionName(d), r.peer, r));
            separatorBefore.append(false);
            ++peers;
        }
        if (peers == 0)
            continue;
        const QString total = peers == 1 ? tr("total (1 peer)") : tr("total (%1 peers)").arg(peers);
        cells.append(cellsOf(directionName(d), total, totalOf(rows, d)));
        separatorBefore.append(true);
    }
    if (cells.isEmpty())
        return tr("No traffic matches.") + QLatin1Char('\n');

    QList<int> widths;
    for (const QString &h : header)
        widths.append(int(h.size()));
    for (const QStringList &row : cells)
        for (int i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], int(row[i].size()));

    auto render = [&](const QStringList &row) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            if (i > 0)
                line += QStringLiteral("  ");
            // Names to the left, figures to the right.
            line += i < 2 ? row[i].leftJustified(widths[i]) : row[i].rightJustified(widths[i]);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line + QLatin1Char('\n');
    };
    int totalWidth = 0;
    for (int w : widths)
        totalWidth += w + 2;
    const QString rule = QString(totalWidth - 2, QLatin1Char('-')) + QLatin1Char('\n');

    QString out = render(header) + rule;
    for (int i = 0; i < cells.size(); ++i) {
        if (separatorBefore[i])
            out += rule;
        out += render(cells[i]);
        if (separatorBefore[i] && i + 1 < cells.size())
            out += QLatin1Char('\n');
    }
    return out;
}

} // namespace mailtls
