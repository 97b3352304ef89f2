#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mailtls {

// One SMTP reply as the server sent it.
struct SmtpReply
{
    int code = 0;            // the last line's, as Postfix's client takes it
    QList<QByteArray> lines; // whole lines, code included, without the line end

    // The exact reply, lines joined by '\n', made printable.
    QString text() const;
    // Each line's text after its code and separator, made printable.
    QStringList texts() const;
};

// Reads SMTP replies (RFC 5321 4.2: "250-first", …, "250 last") from bytes as
// they arrive, within fixed bounds: a line longer than maxLineBytes or a reply
// longer than maxReplyBytes is Malformed as soon as the bytes say so, and so is
// a line that does not start with a three-digit code, so a hostile or non-SMTP
// peer is recognised without waiting for a timeout and never fills memory.
class SmtpReplyReader final
{
    Q_DECLARE_TR_FUNCTIONS(mailtls::SmtpReplyReader)

public:
    // RFC 5321 allows 512 bytes per reply line; real servers stay well below.
    static constexpr qsizetype maxLineBytes = 4096;
    static constexpr qsizetype maxReplyBytes = 64 * 1024;

    enum class Status { Incomplete, Complete, Malformed };

    // Adds bytes from the peer and reads up to the end of the current reply;
    // bytes past its end wait for next().
    Status append(const QByteArray &bytes);
    Status status() const { return m_status; }
    // Valid when Complete.
    const SmtpReply &reply() const { return m_reply; }
    // Why the reply is Malformed (translated, printable).
    QString error() const { return m_error; }

    // Starts reading the next reply from the bytes that came after this one.
    Status next();
    // Forgets the bytes that came after the current reply; returns how many.
    // After STARTTLS's 220 they came in plaintext before the handshake, where
    // anyone on the path can inject them (the STARTTLS injection flaw, RFC
    // 7457 section 2.2): nothing may read them.
    qsizetype discardUnread();
    // Every byte of the current reply received so far, lines and the
    // unterminated rest (for a timeout's detail).
    qsizetype receivedBytes() const;
    // What the current reply has said so far, its lines joined by '\n' and
    // the unterminated rest (for the detail of a reply that never ended).
    QByteArray receivedSoFar() const;

    // `bytes` as UTF-8 with control characters written as \xNN, at most
    // `maxChars` characters (an ellipsis marks the cut).
    static QString printable(const QByteArray &bytes, qsizetype maxChars = 1024);

private:
    Status parse();
    Status malformed(const QString &error);
    // The line's start is not "ddd", "ddd-" or "ddd ": nothing it goes on to
    // say makes it an SMTP reply.
    static bool badPrefix(const char *line, qsizetype size);

    QByteArray m_buffer;
    qsizetype m_pos = 0;        // start of the unread bytes in m_buffer
    qsizetype m_replyBytes = 0; // bytes of the reply's complete lines, line ends included
    SmtpReply m_reply;
    Status m_status = Status::Incomplete;
    QString m_error;
};

} // namespace mailtls
