#pragma once

// Test harness of the tst_eximassembler* tests: log text through
// EximLineParser (Exim's own log files) or LinePrefixParser (Exim through
// syslog), both in UTC, into EximAssembler; the final records (after the
// store's replace-by-key) described one line each, as tst_sessionassembler
// describes Postfix's.

#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "models/logs/eximassembler.h"
#include "models/logs/eximlineparser.h"
#include "models/logs/lineprefixparser.h"
#include "tests/models/sessionassemblerharness.h"

namespace mailtls::eximtesting {

using testing::Final;

// Classic syslog stamps are read as June 2024.
inline constexpr std::int64_t kReferenceTime = 1719705600;   // 2024-06-30T00:00:00Z
inline constexpr std::int64_t kJun10 = 1717977600;           // 2024-06-10T00:00:00Z

// A log read through the real parsers, kept whole: LogLine views point into `text`.
struct EximLog
{
    QByteArray text;
    std::vector<LogLine> lines;
    std::vector<std::int64_t> offsets;
    QString error;
};

enum UnparsedLines { FailOnUnparsed, SkipUnparsed };

// Lines that are empty or start with '#' are skipped; lines neither parser
// reads fail the read unless `unparsed` says to skip them.
inline EximLog parseText(const QByteArray &text, UnparsedLines unparsed = FailOnUnparsed)
{
    EximLog log;
    log.text = text;
    EximLineParser exim{QTimeZone::utc()};
    LinePrefixParser syslog{QTimeZone::utc()};
    syslog.setReferenceTime(kReferenceTime);
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
            if (exim.parse(view, line) || syslog.parse(view, line)) {
                log.lines.push_back(line);
                log.offsets.push_back(std::int64_t(pos));
            } else if (unparsed == FailOnUnparsed) {
                log.error = QStringLiteral("no prefix: ") + QString::fromUtf8(view.data(), qsizetype(view.size()));
                return log;
            }
        }
        pos = end + 1;
    }
    return log;
}

// Short rows: "10:00:00 …" becomes "2024-06-10 10:00:00 …" (Exim's own log);
// other rows are taken as they are.
inline QByteArray logText(const QStringList &rows)
{
    QByteArray text;
    for (const QString &row : rows) {
        if (row.size() > 8 && row.at(2) == QLatin1Char(':') && row.at(5) == QLatin1Char(':'))
            text += "2024-06-10 " + row.toUtf8();
        else
            text += row.toUtf8();
        text += '\n';
    }
    return text;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

inline void feedRange(EximAssembler &a, const EximLog &log, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i)
        a.feed(log.lines[i], log.offsets[i]);
}

inline Final cleanRead(const EximLog &log)
{
    EximAssembler a;
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    Final f;
    f.apply(a.takeOutput());
    return f;
}

// The same read with the assembler saved after line `split` and restored into
// a new one; "" in `error` when the state came back.
inline Final splitRead(const EximLog &log, std::size_t split, QString *error)
{
    Final f;
    QByteArray state;
    {
        EximAssembler first;
        feedRange(first, log, 0, split);
        f.apply(first.takeOutput());
        state = first.saveState();
    }
    EximAssembler second;
    if (!second.restoreState(state, error))
        return f;
    feedRange(second, log, split, log.lines.size());
    second.finish();
    f.apply(second.takeOutput());
    return f;
}

// The Postfix harness describes records by the index of their lines.
inline testing::ParsedLog indexed(const EximLog &log)
{
    testing::ParsedLog parsed;
    parsed.offsets = log.offsets;
    return parsed;
}

inline QStringList describe(const EximLog &log, const Final &f)
{
    return testing::describe(indexed(log), f);
}

// The per-peer figures a report shows (local hops left out):
// "outbound mx.example.org msg=2/1 conn=2/1 fail=1": messages (all/encrypted),
// connections (all/encrypted), TLS failures.
inline QStringList peerCounts(const Final &f)
{
    struct Counts
    {
        int messages = 0;
        int encryptedMessages = 0;
        int connections = 0;
        int encryptedConnections = 0;
        int failures = 0;
    };
    std::map<std::pair<QString, QString>, Counts> rows;
    for (const auto &[key, r] : f.transfers) {
        if (r.local)
            continue;
        Counts &c = rows[{directionName(r.direction), r.peer}];
        ++c.messages;
        c.encryptedMessages += r.encrypted ? 1 : 0;
    }
    for (const auto &[key, r] : f.connections) {
        if (r.local)
            continue;
        Counts &c = rows[{directionName(r.direction), r.peer}];
        ++c.connections;
        c.encryptedConnections += r.encrypted ? 1 : 0;
    }
    for (const auto &[key, r] : f.failures) {
        if (r.local)
            continue;
        ++rows[{directionName(r.direction), r.peer}].failures;
    }
    QStringList out;
    for (const auto &[row, c] : rows) {
        out << QStringLiteral("%1 %2 msg=%3/%4 conn=%5/%6 fail=%7")
                   .arg(row.first, row.second)
                   .arg(c.messages)
                   .arg(c.encryptedMessages)
                   .arg(c.connections)
                   .arg(c.encryptedConnections)
                   .arg(c.failures);
    }
    return out;
}

} // namespace mailtls::eximtesting
