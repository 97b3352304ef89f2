#include "models/sources/journaldecoder.h"

#include <ctime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace mailtls {

const QByteArray JournalDecoder::marker = QByteArrayLiteral("mailtls-journal");

namespace {

// A field's bytes: journalctl writes text as a string, other bytes as an array
// of numbers, and a field an entry has several times as an array of those (the
// first is the one journalctl's short output shows).
QByteArray fieldBytes(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (!value.isArray())
        return QByteArray();
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        return QByteArray();
    if (!array.first().isDouble())
        return fieldBytes(array.first());
    QByteArray bytes;
    bytes.reserve(array.size());
    for (const QJsonValue &element : array) {
        const int byte = element.toInt(-1);
        if (byte < 0 || byte > 255)
            return QByteArray();
        bytes.append(static_cast<char>(byte));
    }
    return bytes;
}

bool toMicroseconds(const QByteArray &text, qint64 &usec)
{
    if (text.isEmpty() || text.size() > 19)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    usec = text.toLongLong();
    return true;
}

QByteArray twoDigits(int value)
{
    return QByteArray::number(value).rightJustified(2, '0');
}

// "2026-11-29T20:10:49.123456+00:00"
QByteArray utcStamp(qint64 usec)
{
    const std::time_t seconds = static_cast<std::time_t>(usec / 1000000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    QByteArray stamp;
    stamp.reserve(32);
    stamp += QByteArray::number(parts.tm_year + 1900).rightJustified(4, '0');
    stamp += '-' + twoDigits(parts.tm_mon + 1) + '-' + twoDigits(parts.tm_mday);
    stamp += 'T' + twoDigits(parts.tm_hour) + ':' + twoDigits(parts.tm_min) + ':' + twoDigits(parts.tm_sec);
    stamp += '.' + QByteArray::number(usec % 1000000).rightJustified(6, '0');
    stamp += "+00:00";
    return stamp;
}

} // namespace

void JournalDecoder::reset()
{
    m_input.clear();
    m_started = false;
    m_skipping = false;
}

JournalDecoder::Output JournalDecoder::feed(const QByteArray &bytes)
{
    Output out;
    m_input.append(bytes);
    qsizetype pos = 0;
    while (pos < m_input.size()) {
        const qsizetype newline = m_input.indexOf('\n', pos);
        if (newline < 0)
            break;
        if (m_skipping)
            m_skipping = false;
        else
            takeLine(QByteArrayView(m_input).sliced(pos, newline - pos), out);
        pos = newline + 1;
    }
    m_input.remove(0, pos);
    if (m_input.size() > entryLimit) {
        m_input.clear();
        m_skipping = true;
        if (m_started)
            ++out.skipped;
    }
    out.started = m_started;
    return out;
}

void JournalDecoder::takeLine(QByteArrayView line, Output &out)
{
    if (!m_started) {
        m_started = line == QByteArrayView(marker);
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        ++out.skipped;
        return;
    }
    const QJsonObject entry = document.object();
    qint64 usec = 0;
    const QByteArray made = lineFor(entry, &usec);
    const QByteArray cursor = fieldBytes(entry.value(QLatin1String("__CURSOR")));
    if (!cursor.isEmpty())
        out.cursor = cursor;
    if (made.isEmpty())
        return;
    out.text += made;
    out.newestUsec = qMax(out.newestUsec, usec);
}

QByteArray JournalDecoder::lineFor(const QJsonObject &entry, qint64 *usec)
{
    QByteArray message = fieldBytes(entry.value(QLatin1String("MESSAGE")));
    while (message.endsWith('\n'))
        message.chop(1);
    if (message.isEmpty())
        return QByteArray();
    message.replace('\n', ' ');

    // journalctl's own choice: the time the program gave, else the time the
    // journal received the entry.
    qint64 stamp = 0;
    if (!toMicroseconds(fieldBytes(entry.value(QLatin1String("_SOURCE_REALTIME_TIMESTAMP"))), stamp)
        && !toMicroseconds(fieldBytes(entry.value(QLatin1String("__REALTIME_TIMESTAMP"))), stamp))
        return QByteArray();
    if (usec)
        *usec = stamp;

    QByteArray host = fieldBytes(entry.value(QLatin1String("_HOSTNAME")));
    // journalctl leaves an unknown host out, but a line parser needs the column.
    if (host.isEmpty())
        host = QByteArrayLiteral("localhost");
    QByteArray identifier = fieldBytes(entry.value(QLatin1String("SYSLOG_IDENTIFIER")));
    if (identifier.isEmpty())
        identifier = fieldBytes(entry.value(QLatin1String("_COMM")));
    if (identifier.isEmpty())
        identifier = QByteArrayLiteral("unknown");
    QByteArray pid = fieldBytes(entry.value(QLatin1String("SYSLOG_PID")));
    if (pid.isEmpty())
        pid = fieldBytes(entry.value(QLatin1String("_PID")));

    QByteArray line = utcStamp(stamp);
    line += ' ' + host + ' ' + identifier;
    if (!pid.isEmpty())
        line += '[' + pid + ']';
    line += ": " + message + '\n';
    // A host or identifier with a newline in it must not split the line.
    line.chop(1);
    line.replace('\n', ' ');
    line += '\n';
    return line;
}

} // namespace mailtls
