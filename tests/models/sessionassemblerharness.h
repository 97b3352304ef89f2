#pragma once

// Test harness of tst_sessionassembler: real log text through LinePrefixParser
// (UTC, fixed reference time) and PostfixParser into SessionAssembler, and the
// final records (after the store's replace-by-key) written as one line each.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/logs/postfixparser.h"
#include "models/logs/sessionassembler.h"

namespace mailtls::testing {

// Classic stamps below are read as June 2024, in UTC.
inline constexpr std::int64_t kReferenceTime = 1719705600;   // 2024-06-30T00:00:00Z
inline constexpr std::int64_t kJun10 = 1717977600;           // 2024-06-10T00:00:00Z

inline constexpr const char *kTls13 = "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) "
                                        "key-exchange X25519 server-signature RSA-PSS (2048 bits) "
                                        "server-digest SHA256";

// A log fed through the real parsers, kept whole: LogLine and LogEvent views
// point into `text`.
struct ParsedLog
{
    QByteArray text;
    std::vector<LogLine> lines;
    std::vector<LogEvent> events;
    std::vector<std::int64_t> offsets;
    QString error;
};

enum UnparsedLines { FailOnUnparsed, SkipUnparsed };

// Lines that are empty or start with '#' (comments in corpus files) are skipped;
// so are lines without a recognisable prefix when `unparsed` says so.
inline ParsedLog parseText(const QByteArray &text, UnparsedLines unparsed = FailOnUnparsed)
{
    ParsedLog log;
    log.text = text;
    LinePrefixParser prefix{QTimeZone::utc()};
    prefix.setReferenceTime(kReferenceTime);
    PostfixParser parser;
    const char *data = log.text.constData();
    const std::size_t size = std::size_t(log.text.size());
    std::size_t pos = 0;
    while (pos < size) {
        std::size_t end = pos;
        while (end < size && data[end] != '\n')
            ++end;
        std::string_view view(data + pos, end - pos);
        if (!view.empty() && view.back() == '\r')
            view.remove_suffix(1);
        if (!view.empty() && view.front() != '#') {
            LogLine line;
            if (!prefix.parse(view, line)) {
                if (unparsed == SkipUnparsed) {
                    pos = end + 1;
                    continue;
                }
                log.error = QStringLiteral("no prefix: ") + QString::fromUtf8(view.data(), qsizetype(view.size()));
                return log;
            }
            log.lines.push_back(line);
            log.events.push_back(parser.parse(line));
            log.offsets.push_back(std::int64_t(pos));
        }
        pos = end + 1;
    }
    return log;
}

// Short rows: "10:00:00 postfix/smtpd[100]: …" become "Jun 10 10:00:00 mx postfix/smtpd[100]: …";
// rows that start with a month name are taken as they are.
inline QByteArray logText(const QStringList &rows)
{
    QByteArray text;
    for (const QString &row : rows) {
        if (!row.isEmpty() && row.at(0).isDigit())
            text += "Jun 10 " + row.left(8).toUtf8() + " mx" + row.mid(8).toUtf8();
        else
            text += row.toUtf8();
        text += '\n';
    }
    return text;
}

inline QStringList L(std::initializer_list<const char *> rows)
{
    QStringList list;
    for (const char *row : rows)
        list << QString::fromUtf8(row);
    return list;
}

// Final records of a read, after the store's replace-by-key.
struct Final
{
    std::map<std::int64_t, TransferRecord> transfers;
    std::map<std::int64_t, ConnectionRecord> connections;
    std::map<std::int64_t, TlsFailureRecord> failures;

    void apply(const AssemblerOutput &out)
    {
        for (const TransferRecord &r : out.transfers)
            transfers[r.key] = r;
        for (const ConnectionRecord &r : out.connections)
            connections[r.key] = r;
        for (const TlsFailureRecord &r : out.failures)
            failures[r.key] = r;
    }
};

inline void feedRange(SessionAssembler &a, const ParsedLog &log, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i)
        a.feed(log.lines[i], log.events[i], log.offsets[i]);
}

inline Final cleanRead(const ParsedLog &log)
{
    SessionAssembler a;
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    Final f;
    f.apply(a.takeOutput());
    return f;
}

inline QString lineIndex(const ParsedLog &log, std::int64_t offset)
{
    const auto it = std::lower_bound(log.offsets.begin(), log.offsets.end(), offset);
    if (it == log.offsets.end() || *it != offset)
        return QStringLiteral("?%1").arg(offset);
    return QString::number(it - log.offsets.begin());
}

inline QString lineList(const ParsedLog &log, const LineOffsets &lines)
{
    QStringList parts;
    for (std::int64_t offset : lines)
        parts << lineIndex(log, offset);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

inline QString problemName(TlsProblem p)
{
    switch (p) {
    case TlsProblem::None: return QStringLiteral("None");
    case TlsProblem::NotOffered: return QStringLiteral("NotOffered");
    case TlsProblem::CannotStart: return QStringLiteral("CannotStart");
    case TlsProblem::Handshake: return QStringLiteral("Handshake");
    case TlsProblem::DhKeyTooSmall: return QStringLiteral("DhKeyTooSmall");
    case TlsProblem::Certificate: return QStringLiteral("Certificate");
    case TlsProblem::LostAfterStarttls: return QStringLiteral("LostAfterStarttls");
    case TlsProblem::Other: return QStringLiteral("Other");
    }
    return QString();
}

inline QString peerText(const QString &peer, const QString &ip, int port)
{
    QString text = peer + QLatin1Char('(') + ip + QLatin1Char(')');
    if (port != 0)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

inline QString describe(const ParsedLog &log, const TransferRecord &r)
{
    QString text = QStringLiteral("msg@%1 %2 %3 %4 %5 %6")
                       .arg(lineIndex(log, r.key), directionName(r.direction),
                            peerText(r.peer, r.peerIp, 0), r.queueId,
                            r.encrypted ? QStringLiteral("enc") : QStringLiteral("plain"))
                       .arg(r.bytes);
    if (!r.recipients.isEmpty())
        text += QStringLiteral(" to=") + r.recipients;
    if (r.local)
        text += QStringLiteral(" local");
    return text + QLatin1Char(' ') + lineList(log, r.lines);
}

inline QString describe(const ParsedLog &log, const ConnectionRecord &r)
{
    QString text = QStringLiteral("conn@%1 %2 %3 %4")
                       .arg(lineIndex(log, r.key), directionName(r.direction),
                            peerText(r.peer, r.peerIp, r.port),
                            r.encrypted ? QStringLiteral("enc") : QStringLiteral("plain"));
    if (r.local)
        text += QStringLiteral(" local");
    return text + QLatin1Char(' ') + lineList(log, r.lines);
}

inline QString describe(const ParsedLog &log, const TlsFailureRecord &r)
{
    QString text = QStringLiteral("fail@%1 %2 %3 %4 \"%5\"")
                       .arg(lineIndex(log, r.key), directionName(r.direction),
                            peerText(r.peer, r.peerIp, r.port), problemName(r.problem), r.reason);
    if (r.local)
        text += QStringLiteral(" local");
    return text + QLatin1Char(' ') + lineList(log, r.lines);
}

inline QStringList describe(const ParsedLog &log, const Final &f)
{
    QStringList out;
    for (const auto &[key, r] : f.transfers)
        out << describe(log, r);
    for (const auto &[key, r] : f.connections)
        out << describe(log, r);
    for (const auto &[key, r] : f.failures)
        out << describe(log, r);
    return out;
}

inline QString tlsText(const TlsDetails &t)
{
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
        .arg(int(t.trust))
        .arg(t.protocol, t.cipher)
        .arg(t.cipherBits)
        .arg(t.keyExchange)
        .arg(t.keyExchangeBits)
        .arg(t.dhe);
}

inline QString rawLines(const LineOffsets &lines)
{
    QStringList parts;
    for (std::int64_t offset : lines)
        parts << QString::number(offset);
    return parts.join(QLatin1Char(','));
}

// Every field of one record, for comparing two reads record by record.
inline QString fullText(const TransferRecord &r)
{
    return QStringLiteral("T %1 %2 %3 %4 %5 %6 %7 %8 %9")
               .arg(r.key)
               .arg(int(r.direction))
               .arg(r.peer, r.peerIp, r.queueId)
               .arg(r.time)
               .arg(r.bytes)
               .arg(r.encrypted)
               .arg(r.local)
        + QStringLiteral(" %1 %2 %3 %4").arg(r.sender, r.recipients, tlsText(r.tls), rawLines(r.lines));
}

inline QString fullText(const ConnectionRecord &r)
{
    return QStringLiteral("C %1 %2 %3 %4 %5 %6 %7 %8 %9")
               .arg(r.key)
               .arg(int(r.direction))
               .arg(r.peer, r.peerIp)
               .arg(r.port)
               .arg(r.time)
               .arg(r.encrypted)
               .arg(r.local)
               .arg(tlsText(r.tls))
        + QLatin1Char(' ') + rawLines(r.lines);
}

inline QString fullText(const TlsFailureRecord &r)
{
    return QStringLiteral("F %1 %2 %3 %4 %5 %6 %7 %8 %9")
               .arg(r.key)
               .arg(int(r.direction))
               .arg(r.peer, r.peerIp)
               .arg(r.port)
               .arg(r.time)
               .arg(int(r.problem))
               .arg(r.reason)
               .arg(r.local)
        + QLatin1Char(' ') + rawLines(r.lines);
}

inline QStringList describeFully(const Final &f)
{
    QStringList out;
    for (const auto &[key, r] : f.transfers)
        out << fullText(r);
    for (const auto &[key, r] : f.connections)
        out << fullText(r);
    for (const auto &[key, r] : f.failures)
        out << fullText(r);
    return out;
}

// Every record of one output, in the order it holds them.
inline QStringList describeFully(const AssemblerOutput &out)
{
    QStringList text;
    for (const TransferRecord &r : out.transfers)
        text << fullText(r);
    for (const ConnectionRecord &r : out.connections)
        text << fullText(r);
    for (const TlsFailureRecord &r : out.failures)
        text << fullText(r);
    return text;
}

} // namespace mailtls::testing
