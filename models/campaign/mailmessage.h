#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mailtls {

struct MailAddress
{
    QString name; // display name, any Unicode; may be empty
    QString address; // an ASCII addr-spec: local@domain
};

// One plain-text letter as the exact bytes of an RFC 5322 message (what an
// .eml file holds and what SMTP's DATA sends): Date, From, To, Subject,
// Message-ID, MIME-Version, Content-Type text/plain; charset=UTF-8, and a
// Content-Transfer-Encoding of 7bit when the body is ASCII in short lines,
// else quoted-printable. Non-ASCII display names and subjects become RFC
// 2047 encoded-words ("=?UTF-8?Q?…?="); headers are folded; every line
// ends in CRLF and is at most 78 characters long.
class MailMessage final
{
    Q_DECLARE_TR_FUNCTIONS(MailMessage)

public:
    static constexpr int maxLineLength = 78;

    void setFrom(const MailAddress &from) { m_from = from; }
    void setTo(const QList<MailAddress> &to) { m_to = to; }
    void setSubject(const QString &subject) { m_subject = subject; }
    // Lines end in '\n' (a '\r' before it is dropped).
    void setBody(const QString &body) { m_body = body; }
    // Unset: the time toBytes() runs. Tests set it.
    void setDate(const QDateTime &date) { m_date = date; }
    // Without angle brackets ("id@domain"). Unset: a random one at the
    // sender's domain. Tests set it.
    void setMessageId(const QString &id) { m_messageId = id; }

    const MailAddress &from() const { return m_from; }
    const QList<MailAddress> &to() const { return m_to; }
    QString subject() const { return m_subject; }

    // Whether the message can be written: addresses that are plain ASCII
    // addr-specs, at least one recipient, no line break in a name or the
    // subject (a header injection otherwise). `error` says what is wrong.
    bool isValid(QString *error) const;

    // The message's bytes; empty when !isValid(). A Message-ID or Date
    // made here is kept, so asking twice gives the same bytes.
    QByteArray toBytes();

    static bool isValidAddress(const QString &address);
    // "Mon, 30 Nov 2026 08:00:00 +0000" (RFC 5322 3.3, in UTC).
    static QByteArray dateText(const QDateTime &date);
    // A fresh "random@domain".
    static QString newMessageId(const QString &domain);
    // The body's bytes in quoted-printable (RFC 2045 6.7), lines at most 76
    // characters, CRLF line ends.
    static QByteArray quotedPrintable(const QString &body);
    // `name: value` folded into lines of at most maxLineLength characters
    // at the spaces between `tokens` (each kept whole), CRLF-terminated.
    static QByteArray foldHeader(const QByteArray &name, const QList<QByteArray> &tokens);
    // Unstructured text (a subject) as tokens: ASCII words as they are,
    // runs of words that need it as encoded-words.
    static QList<QByteArray> textTokens(const QString &text);
    // A display name as tokens: atoms, a quoted-string, or encoded-words.
    static QList<QByteArray> phraseTokens(const QString &name);
    // `text` as Q encoded-words of at most 60 characters each, split
    // between characters, never inside one.
    static QList<QByteArray> encodedWords(const QString &text);

private:
    MailAddress m_from;
    QList<MailAddress> m_to;
    QString m_subject;
    QString m_body;
    QDateTime m_date;
    QString m_messageId;
};

} // namespace mailtls
