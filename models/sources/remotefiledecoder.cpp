#include "models/sources/remotefiledecoder.h"

namespace mailtls {

namespace {

// A header line is short; a longer one means the input is something else.
constexpr qsizetype headerLimit = 4096;
// What one D frame may carry (the script reads at most 1 MiB at once).
constexpr qint64 payloadLimit = 16 * 1024 * 1024;

bool toCount(const QByteArray &word, qint64 &value)
{
    if (word.isEmpty() || word.size() > 19)
        return false;
    for (const char c : word) {
        if (c < '0' || c > '9')
            return false;
    }
    value = word.toLongLong();
    return true;
}

} // namespace

RemoteFileDecoder::RemoteFileDecoder(const RemoteFileCursor &start)
{
    reset(start);
}

void RemoteFileDecoder::reset(const RemoteFileCursor &start)
{
    m_input.clear();
    m_payload = -1;
    m_identity = start.identity;
    m_digest = start.digest;
    m_fileOffset = start.offset;
    m_partial.clear();
    m_broken = false;
}

RemoteFileCursor RemoteFileDecoder::cursor() const
{
    RemoteFileCursor cursor;
    cursor.identity = m_identity;
    cursor.digest = m_digest;
    cursor.offset = m_fileOffset - m_partial.size();
    return cursor;
}

RemoteFileDecoder::Output RemoteFileDecoder::feed(const QByteArray &bytes)
{
    Output out;
    if (m_broken) {
        out.protocolError = QByteArrayLiteral("input after an error");
        return out;
    }
    m_input.append(bytes);
    qsizetype pos = 0;
    while (pos < m_input.size()) {
        if (m_payload >= 0) {
            const qsizetype end = pos + m_payload;
            if (m_input.size() <= end)
                break;
            const qsizetype newline = m_input.indexOf('\n', end);
            if (newline < 0) {
                if (m_input.size() - end > 20)
                    out.protocolError = QByteArrayLiteral("a data frame without its count");
                break;
            }
            qint64 count = 0;
            if (!toCount(m_input.mid(end, newline - end), count) || count > m_payload) {
                out.protocolError = QByteArrayLiteral("a data frame with a wrong count");
                break;
            }
            takeBytes(m_input.constData() + pos, count, out);
            pos = newline + 1;
            m_payload = -1;
            continue;
        }
        const qsizetype newline = m_input.indexOf('\n', pos);
        if (newline < 0) {
            if (m_input.size() - pos > headerLimit)
                out.protocolError = m_input.mid(pos, 80);
            break;
        }
        const QByteArray line = m_input.mid(pos, newline - pos);
        pos = newline + 1;
        if (!takeHeader(line, out)) {
            out.protocolError = line.left(200);
            break;
        }
    }
    m_input.remove(0, pos);
    if (!out.protocolError.isEmpty())
        m_broken = true;
    return out;
}

bool RemoteFileDecoder::takeHeader(const QByteArray &line, Output &out)
{
    const QList<QByteArray> words = line.split(' ');
    const QByteArray &kind = words.at(0);
    if (kind == "D") {
        qint64 length = 0;
        qint64 size = 0;
        qint64 modified = 0;
        if (words.size() != 4 || !toCount(words.at(1), length) || length > payloadLimit
            || !toCount(words.at(2), size) || !toCount(words.at(3), modified))
            return false;
        m_payload = length;
        out.pending = qMax<qint64>(0, size - m_fileOffset - length);
        out.modified = modified;
        return true;
    }
    if (kind == "F") {
        qint64 offset = 0;
        if (words.size() != 4 || !toCount(words.at(3), offset))
            return false;
        RemoteFileCursor check;
        check.identity = words.at(1);
        check.digest = words.at(2);
        check.offset = offset;
        if (!RemoteFileCursor::parse(check.toBytes()))
            return false;
        // The same bytes go on (in this file, or its copy beside it) only at
        // the offset reached; anywhere else the unfinished line has ended.
        if (offset != m_fileOffset)
            endPartial(out);
        m_identity = check.identity;
        m_digest = check.digest == "-" ? QByteArray() : check.digest;
        m_fileOffset = offset;
        out.opened = true;
        return true;
    }
    if (kind == "T" || kind == "R") {
        if (words.size() != 1)
            return false;
        endPartial(out);
        return true;
    }
    if (kind == "K")
        return words.size() == 1;
    if (kind == "W") {
        if (words.size() < 2)
            return false;
        out.warnings.append(line.mid(2));
        return true;
    }
    if (kind == "E") {
        if (words.size() < 2)
            return false;
        out.error = line.mid(2);
        return true;
    }
    return false;
}

void RemoteFileDecoder::takeBytes(const char *data, qsizetype size, Output &out)
{
    m_fileOffset += size;
    const QByteArrayView bytes(data, size);
    const qsizetype lastNewline = bytes.lastIndexOf('\n');
    if (lastNewline < 0) {
        m_partial.append(bytes);
    } else {
        out.text.append(m_partial);
        out.text.append(bytes.first(lastNewline + 1));
        m_partial = bytes.sliced(lastNewline + 1).toByteArray();
    }
    if (m_partial.size() > lineLimit)
        endPartial(out);
}

void RemoteFileDecoder::endPartial(Output &out)
{
    if (m_partial.isEmpty())
        return;
    out.text.append(m_partial);
    out.text.append('\n');
    m_partial.clear();
}

} // namespace mailtls
