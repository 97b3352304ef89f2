#include "models/probe/smtpreplyreader.h"

namespace mailtls {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// How much of a bad line an error message quotes.
constexpr qsizetype quotedChars = 80;

} // namespace

QString SmtpReply::text() const
{
    QStringList printable;
    printable.reserve(lines.size());
    // Bounded by the reader's maxLineBytes already; printable() only escapes.
    for (const QByteArray &line : lines)
        printable.append(SmtpReplyReader::printable(line, SmtpReplyReader::maxLineBytes * 4));
    return printable.join(QLatin1Char('\n'));
}

QStringList SmtpReply::texts() const
{
    QStringList result;
    result.reserve(lines.size());
    for (const QByteArray &line : lines)
        result.append(SmtpReplyReader::printable(line.mid(4), SmtpReplyReader::maxLineBytes * 4));
    return result;
}

SmtpReplyReader::Status SmtpReplyReader::append(const QByteArray &bytes)
{
    if (m_status == Status::Malformed)
        return m_status;
    m_buffer.append(bytes);
    if (m_status == Status::Complete)
        return m_status;
    return parse();
}

SmtpReplyReader::Status SmtpReplyReader::next()
{
    if (m_status == Status::Malformed)
        return m_status;
    m_reply = SmtpReply();
    m_replyBytes = 0;
    m_status = Status::Incomplete;
    return parse();
}

qsizetype SmtpReplyReader::discardUnread()
{
    const qsizetype dropped = m_buffer.size() - m_pos;
    m_buffer.clear();
    m_pos = 0;
    return dropped;
}

qsizetype SmtpReplyReader::receivedBytes() const
{
    return m_replyBytes + (m_status == Status::Complete ? 0 : m_buffer.size() - m_pos);
}

QByteArray SmtpReplyReader::receivedSoFar() const
{
    QByteArray text;
    for (const QByteArray &line : m_reply.lines) {
        if (!text.isEmpty())
            text += '\n';
        text += line;
    }
    if (m_status != Status::Complete && m_pos < m_buffer.size()) {
        if (!text.isEmpty())
            text += '\n';
        text.append(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
        if (text.endsWith('\r'))
            text.chop(1);
    }
    return text;
}

QString SmtpReplyReader::printable(const QByteArray &bytes, qsizetype maxChars)
{
    const QString decoded = QString::fromUtf8(bytes);
    QString result;
    result.reserve(qMin(decoded.size(), maxChars) + 1);
    for (const QChar c : decoded) {
        if (result.size() >= maxChars) {
            result.append(QChar(0x2026));
            break;
        }
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            result.append(QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0')));
        else
            result.append(c);
    }
    return result;
}

bool SmtpReplyReader::badPrefix(const char *line, qsizetype size)
{
    for (qsizetype i = 0; i < qMin<qsizetype>(size, 3); ++i) {
        if (!isDigit(line[i]))
            return true;
    }
    return size > 3 && line[3] != ' ' && line[3] != '-';
}

SmtpReplyReader::Status SmtpReplyReader::malformed(const QString &error)
{
    m_status = Status::Malformed;
    m_error = error;
    m_buffer.clear();
    m_pos = 0;
    return m_status;
}

SmtpReplyReader::Status SmtpReplyReader::parse()
{
    while (m_status == Status::Incomplete) {
        const char *data = m_buffer.constData() + m_pos;
        const qsizetype available = m_buffer.size() - m_pos;
        const char *newline = static_cast<const char *>(memchr(data, '\n', size_t(available)));
        if (!newline) {
            qsizetype partial = available;
            if (partial > 0 && data[partial - 1] == '\r')
                --partial;
            if (partial > maxLineBytes)
                return malformed(tr("a reply line exceeds %1 bytes").arg(maxLineBytes));
            if (m_replyBytes + available > maxReplyBytes)
                return malformed(tr("the reply exceeds %1 bytes").arg(maxReplyBytes));
            if (badPrefix(data, partial))
                return malformed(tr("not an SMTP reply: %1")
                                     .arg(printable(QByteArray(data, partial), quotedChars)));
            break;
        }
        const qsizetype terminated = newline - data + 1;
        qsizetype length = terminated - 1;
        if (length > 0 && data[length - 1] == '\r')
            --length;
        if (length > maxLineBytes)
            return malformed(tr("a reply line exceeds %1 bytes").arg(maxLineBytes));
        if (m_replyBytes + terminated > maxReplyBytes)
            return malformed(tr("the reply exceeds %1 bytes").arg(maxReplyBytes));
        if (length < 3 || badPrefix(data, length))
            return malformed(tr("not an SMTP reply: %1").arg(printable(QByteArray(data, length), quotedChars)));

        m_reply.lines.append(QByteArray(data, length));
        m_replyBytes += terminated;
        m_pos += terminated;
        if (length == 3 || data[3] == ' ') {
            m_reply.code = (data[0] - '0') * 100 + (data[1] - '0') * 10 + (data[2] - '0');
            m_status = Status::Complete;
        }
    }
    // Keeps the buffer from holding read lines: a reply of many short lines
    // arriving in one read is consumed by offset, then dropped here at once.
    if (m_pos > 0 && (m_status != Status::Complete || m_pos == m_buffer.size())) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    return m_status;
}

} // namespace mailtls
