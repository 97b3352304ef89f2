#include "models/campaign/mailmessage.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace mailtls {

namespace {

// What an encoded-word may hold as its text: 60 characters in all, 12 of
// them "=?UTF-8?Q?" and "?=". Short enough to follow any header name here
// on one line.
constexpr qsizetype maxEncodedWord = 60;
constexpr qsizetype maxEncodedText = maxEncodedWord - 12;
// RFC 2045 6.7: encoded lines of at most 76 characters, the soft break's
// '=' included.
constexpr qsizetype maxQpLine = 75;

const char hexDigits[] = "0123456789ABCDEF";

QByteArray hexEscape(uchar c)
{
    QByteArray out("=");
    out += hexDigits[c >> 4];
    out += hexDigits[c & 0x0F];
    return out;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return true;
    }
    return false;
}

// RFC 5322 3.2.3 atext.
bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return false;
    return c.isLetterOrNumber() || QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c.unicode()));
}

// RFC 2047 5(3): the characters a Q encoded-word in a phrase may carry as
// they are; the same set serves unstructured text.
bool isQSafe(uint c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '*'
           || c == '+' || c == '-' || c == '/';
}

bool needsEncoding(const QString &word)
{
    return !isAscii(word) || hasControl(word) || word.contains(QLatin1String("=?"))
           || word.size() > maxEncodedWord;
}

const char *const dayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const monthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QString normalisedBody(const QString &body)
{
    QString text = body;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

// 7bit when every line is short printable ASCII.
bool fitsSevenBit(const QString &body)
{
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.size() > MailMessage::maxLineLength)
            return false;
        for (const QChar c : line) {
            const ushort u = c.unicode();
            if (u >= 0x80 || u == 0x7F || (u < 0x20 && u != '\t'))
                return false;
        }
    }
    return true;
}

} // namespace

bool MailMessage::isValidAddress(const QString &address)
{
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
        "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
    return address.size() <= 254 && re.match(address).hasMatch();
}

bool MailMessage::isValid(QString *error) const
{
    QString why;
    if (!isValidAddress(m_from.address))
        why = tr("the sender's address \"%1\" is not a plain address (local@domain, ASCII)").arg(m_from.address);
    else if (m_to.isEmpty())
        why = tr("the letter has no recipient");
    for (const MailAddress &to : m_to) {
        if (why.isEmpty() && !isValidAddress(to.address))
            why = tr("the recipient's address \"%1\" is not a plain address (local@domain, ASCII)").arg(to.address);
    }
    QList<MailAddress> all = m_to;
    all.append(m_from);
    for (const MailAddress &a : all) {
        if (why.isEmpty() && hasControl(a.name))
            why = tr("the name of %1 holds a line break or a control character").arg(a.address);
    }
    if (why.isEmpty() && hasControl(m_subject))
        why = tr("the subject holds a line break or a control character");
    if (error)
        *error = why;
    return why.isEmpty();
}

QByteArray MailMessage::dateText(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QStringLiteral("%1, %2 %3 %4 %5 +0000")
        .arg(QLatin1String(dayNames[d.dayOfWeek() - 1]))
        .arg(d.day())
        .arg(QLatin1String(monthNames[d.month() - 1]))
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(t.toString(QStringLiteral("HH:mm:ss")))
        .toLatin1();
}

QString MailMessage::newMessageId(const QString &domain)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray random(reinterpret_cast<const char *>(words), sizeof words);
    return QStringLiteral("%1.%2@%3")
        .arg(QString::number(QDateTime::currentSecsSinceEpoch(), 36),
             QString::fromLatin1(random.toHex()), domain.isEmpty() ? QStringLiteral("mailtls.invalid") : domain);
}

QList<QByteArray> MailMessage::encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray current;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        QByteArray piece;
        if (c == ' ') {
            piece = "_";
        } else if (isQSafe(c)) {
            piece = QByteArray(1, char(c));
        } else {
            const QByteArray utf8 = QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1).toUtf8();
            for (const char b : utf8)
                piece += hexEscape(uchar(b));
        }
        if (!current.isEmpty() && current.size() + piece.size() > maxEncodedText) {
            words.append("=?UTF-8?Q?" + current + "?=");
            current.clear();
        }
        current += piece;
    }
    if (!current.isEmpty())
        words.append("=?UTF-8?Q?" + current + "?=");
    return words;
}

QList<QByteArray> MailMessage::textTokens(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<QByteArray> tokens;
    QStringList run;
    const auto flush = [&] {
        if (!run.isEmpty())
            tokens.append(encodedWords(run.join(QLatin1Char(' '))));
        run.clear();
    };
    for (const QString &word : words) {
        if (needsEncoding(word)) {
            run.append(word);
            continue;
        }
        flush();
        tokens.append(word.toLatin1());
    }
    flush();
    return tokens;
}

QList<QByteArray> MailMessage::phraseTokens(const QString &name)
{
    const QString simple = name.simplified();
    if (simple.isEmpty())
        return {};
    if (needsEncoding(simple) && !isAscii(simple))
        return encodedWords(simple);
    const QStringList words = simple.split(QLatin1Char(' '));
    bool atoms = !simple.contains(QLatin1String("=?"));
    for (const QString &word : words) {
        for (const QChar c : word)
            atoms = atoms && isAtext(c);
    }
    if (atoms) {
        QList<QByteArray> tokens;
        for (const QString &word : words)
            tokens.append(word.toLatin1());
        return tokens;
    }
    QString quoted = simple;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    if (quoted.size() + 2 > maxEncodedWord)
        return encodedWords(simple);
    return {QByteArray("\"") + quoted.toLatin1() + "\""};
}

QByteArray MailMessage::foldHeader(const QByteArray &name, const QList<QByteArray> &tokens)
{
    QByteArray out;
    QByteArray line = name + ":";
    bool first = true;
    for (const QByteArray &token : tokens) {
        if (!first && line.size() + 1 + token.size() > maxLineLength) {
            out += line + "\r\n";
            line = " " + token;
            continue;
        }
        line += " " + token;
        first = false;
    }
    out += line + "\r\n";
    return out;
}

QByteArray MailMessage::quotedPrintable(const QString &body)
{
    QString text = normalisedBody(body);
    text.chop(1);
    QByteArray out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QByteArray bytes = line.toUtf8();
        QByteArray current;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const uchar c = uchar(bytes.at(i));
            const bool last = i + 1 == bytes.size();
            QByteArray piece;
            // "From " at a line's start is changed by mbox readers: encode it.
            const bool fromLine = i == 0 && bytes.startsWith("From ");
            if ((c >= 33 && c <= 126 && c != '=' && !fromLine) || ((c == ' ' || c == '\t') && !last))
                piece = QByteArray(1, char(c));
            else
                piece = hexEscape(c);
            if (current.size() + piece.size() > maxQpLine) {
                // Break after the last space when there is one, so that
                // words stay whole for anyone reading the raw message.
                const qsizetype space = current.lastIndexOf(' ');
                const qsizetype cut = space >= maxQpLine / 2 ? space + 1 : current.size();
                out += current.left(cut) + "=\r\n";
                current.remove(0, cut);
            }
            current += piece;
        }
        out += current + "\r\n";
    }
    return out;
}

QByteArray MailMessage::toBytes()
{
    if (!isValid(nullptr))
        return QByteArray();
    if (!m_date.isValid())
        m_date = QDateTime::currentDateTimeUtc();
    if (m_messageId.isEmpty())
        m_messageId = newMessageId(m_from.address.section(QLatin1Char('@'), -1).toLower());

    const auto addressTokens = [](const MailAddress &a) {
        QList<QByteArray> tokens = phraseTokens(a.name);
        tokens.append(tokens.isEmpty() ? a.address.toLatin1() : "<" + a.address.toLatin1() + ">");
        return tokens;
    };

    QByteArray out;
    out += foldHeader("Date", {dateText(m_date)});
    out += foldHeader("From", addressTokens(m_from));
    QList<QByteArray> to;
    for (qsizetype i = 0; i < m_to.size(); ++i) {
        QList<QByteArray> tokens = addressTokens(m_to.at(i));
        if (i + 1 < m_to.size())
            tokens.last() += ',';
        to.append(tokens);
    }
    out += foldHeader("To", to);
    out += foldHeader("Subject", textTokens(m_subject));
    out += foldHeader("Message-ID", {"<" + m_messageId.toLatin1() + ">"});
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    const QString body = normalisedBody(m_body);
    if (fitsSevenBit(body)) {
        out += "Content-Transfer-Encoding: 7bit\r\n\r\n";
        QByteArray bytes = body.toLatin1();
        bytes.replace("\n", "\r\n");
        out += bytes;
    } else {
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += quotedPrintable(body);
    }
    return out;
}

} // namespace mailtls
