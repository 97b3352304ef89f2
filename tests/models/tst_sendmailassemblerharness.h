#pragma once

// Test harness of tst_sendmailassembler: real log text through LinePrefixParser
// (UTC, fixed reference time) into SendmailAssembler, and the final records
// (after the store's replace-by-key) written as one line each, in the words of
// tst_sessionassembler's harness.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/logs/sendmailassembler.h"
#include "tests/models/sessionassemblerharness.h"

namespace mailtls::testing {

// Every line with a prefix, whatever its program (events are left empty:
// SendmailAssembler parses its lines itself).
inline ParsedLog parseSendmailText(const QByteArray &text)
{
    ParsedLog log;
    log.text = text;
    LinePrefixParser prefix{QTimeZone::utc()};
    prefix.setReferenceTime(kReferenceTime);
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
                log.error = QStringLiteral("no prefix: ") + QString::fromUtf8(view.data(), qsizetype(view.size()));
                return log;
            }
            log.lines.push_back(line);
            log.offsets.push_back(std::int64_t(pos));
        }
        pos = end + 1;
    }
    return log;
}

inline void feedRange(SendmailAssembler &a, const ParsedLog &log, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i)
        a.feed(log.lines[i], log.offsets[i]);
}

inline Final sendmailRead(const ParsedLog &log)
{
    SendmailAssembler a;
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    Final f;
    f.apply(a.takeOutput());
    return f;
}

// A read that stops after `split` lines, saves its state, and goes on in a new
// assembler restored from it.
inline Final splitRead(const ParsedLog &log, std::size_t split, QString *error)
{
    Final f;
    QByteArray state;
    {
        SendmailAssembler first;
        feedRange(first, log, 0, split);
        f.apply(first.takeOutput());
        state = first.saveState();
    }
    SendmailAssembler second;
    if (!second.restoreState(state, error))
        return f;
    feedRange(second, log, split, log.lines.size());
    second.finish();
    f.apply(second.takeOutput());
    return f;
}

// What a report shows per peer and direction (local hops left out): messages
// (encrypted), bytes, connections (encrypted), TLS failures.
inline QStringList peerFigures(const Final &f)
{
    struct Figures
    {
        int messages = 0;
        int encryptedMessages = 0;
        std::int64_t bytes = 0;
        int connections = 0;
        int encryptedConnections = 0;
        int failures = 0;
    };
    std::map<std::pair<QString, QString>, Figures> rows;
    for (const auto &[key, r] : f.transfers) {
        if (r.local)
            continue;
        Figures &row = rows[{directionName(r.direction), r.peer}];
        ++row.messages;
        row.encryptedMessages += r.encrypted ? 1 : 0;
        row.bytes += r.bytes;
    }
    for (const auto &[key, r] : f.connections) {
        if (r.local)
            continue;
        Figures &row = rows[{directionName(r.direction), r.peer}];
        ++row.connections;
        row.encryptedConnections += r.encrypted ? 1 : 0;
    }
    for (const auto &[key, r] : f.failures) {
        if (r.local)
            continue;
        ++rows[{directionName(r.direction), r.peer}].failures;
    }
    QStringList out;
    for (const auto &[id, row] : rows) {
        out << QStringLiteral("%1 %2: messages %3/%4 bytes %5 connections %6/%7 failures %8")
                   .arg(id.first, id.second)
                   .arg(row.encryptedMessages)
                   .arg(row.messages)
                   .arg(row.bytes)
                   .arg(row.encryptedConnections)
                   .arg(row.connections)
                   .arg(row.failures);
    }
    return out;
}

} // namespace mailtls::testing
