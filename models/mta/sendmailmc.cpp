#include "models/mta/sendmailmc.h"

#include <algorithm>

#include "models/mta/configfile.h"

namespace mailtls {

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isDigits(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

// The end of the m4 name starting at `at`.
qsizetype nameEnd(const QByteArray &text, qsizetype at)
{
    qsizetype end = at;
    while (end < text.size() && isNameChar(text.at(end)))
        ++end;
    return end;
}

// The position of the next newline at or after `at` (the text's end when
// there is none).
qsizetype lineEnd(const QByteArray &text, qsizetype at)
{
    const qsizetype newline = text.indexOf('\n', at);
    return newline < 0 ? text.size() : newline;
}

// After `dnl` at `at`: past the newline it deletes.
qsizetype afterDnl(const QByteArray &text, qsizetype at)
{
    const qsizetype end = lineEnd(text, at);
    return end < text.size() ? end + 1 : end;
}

bool isDnlAt(const QByteArray &text, qsizetype at)
{
    return text.mid(at, 3) == "dnl" && (at + 3 >= text.size() || !isNameChar(text.at(at + 3)));
}

// The argument text [start, end) as m4 would read it, when it holds no
// macro call: quoted parts lose one level of quotes, dnl deletes to the end
// of its line, other characters stay.
bool literalOf(const QByteArray &text, qsizetype start, qsizetype end, QByteArray *value)
{
    value->clear();
    qsizetype p = start;
    while (p < end) {
        const char c = text.at(p);
        if (c == '`') {
            int depth = 1;
            const qsizetype from = ++p;
            while (p < end && depth > 0) {
                if (text.at(p) == '`')
                    ++depth;
                else if (text.at(p) == '\'')
                    --depth;
                ++p;
            }
            if (depth > 0)
                return false;
            value->append(text.mid(from, p - 1 - from));
            continue;
        }
        if (isNameStart(c)) {
            if (isDnlAt(text, p)) {
                p = std::min(afterDnl(text, p), end);
                continue;
            }
            return false;
        }
        if (c == '#')
            return false;
        value->append(c);
        ++p;
    }
    return true;
}

} // namespace

SendmailMc::SendmailMc()
{
    parse();
}

bool SendmailMc::load(const QString &path)
{
    const ConfigFile::Contents contents = ConfigFile::read(path);
    if (!contents.error.isEmpty() || !contents.exists) {
        setText(QByteArray(), path);
        fail(contents.exists ? contents.error : tr("%1 does not exist").arg(path));
        return false;
    }
    return setText(contents.bytes, path);
}

bool SendmailMc::setText(const QByteArray &text, const QString &path)
{
    m_path = path;
    m_error.clear();
    if (text.size() > MaxBytes || text.count('\n') > MaxLines) {
        m_original.clear();
        m_text.clear();
        parse();
        fail(tr("%1 is larger than MailTLS reads (%2 bytes, %3 lines)").arg(path).arg(MaxBytes).arg(MaxLines));
        return false;
    }
    m_original = text;
    m_text = text;
    parse();
    return true;
}

void SendmailMc::fail(const QString &message)
{
    m_error = message;
}

void SendmailMc::parse()
{
    m_statements.clear();
    m_mailerLines.clear();
    m_lineStarts = {0};
    // The quote depth at each line's start (m4 comments and dnl end at a
    // newline, so a line never starts inside one).
    QList<int> depthAt = {0};
    int depth = 0;
    const QByteArray &t = m_text;
    qsizetype i = 0;
    while (i < t.size()) {
        const char c = t.at(i);
        if (depth == 0) {
            if (c == '#') {
                i = lineEnd(t, i);
                continue;
            }
            if (isNameStart(c)) {
                i = isDnlAt(t, i) ? lineEnd(t, i) : nameEnd(t, i);
                continue;
            }
            if (c == '`')
                ++depth;
        } else if (c == '`') {
            ++depth;
        } else if (c == '\'') {
            --depth;
        }
        if (c == '\n') {
            m_lineStarts.append(i + 1);
            depthAt.append(depth);
        }
        ++i;
    }
    m_unbalanced = depth != 0;

    for (qsizetype line = 0; line < m_lineStarts.size(); ++line) {
        qsizetype at = m_lineStarts.at(line);
        while (at < t.size() && (t.at(at) == ' ' || t.at(at) == '\t'))
            ++at;
        // A line may start with the quote of the argument it is part of (as
        // Debian's own parse_mc allows: `include(...)').
        const bool quoted = at < t.size() && t.at(at) == '`';
        if (quoted)
            ++at;
        if (at >= t.size() || !isNameStart(t.at(at)))
            continue;
        const qsizetype end = nameEnd(t, at);
        const QByteArray name = t.mid(at, end - at);
        const bool call = end < t.size() && t.at(end) == '(';
        if (call && (name == "define" || name == "undefine" || name == "include" || name == "sinclude")) {
            parseStatement(at, int(line) + 1, quoted || depthAt.at(line) > 0);
        } else if (!quoted && depthAt.at(line) == 0 && ((name == "MAILER" && call) || name == "MAILER_DEFINITIONS")) {
            m_mailerLines.append(int(line) + 1);
        }
    }
}

bool SendmailMc::parseStatement(qsizetype at, int line, bool conditional)
{
    const QByteArray &t = m_text;
    const qsizetype nameStop = nameEnd(t, at);
    const QByteArray keyword = t.mid(at, nameStop - at);
    struct Argument
    {
        qsizetype start;
        qsizetype end;
    };
    QList<Argument> arguments;
    qsizetype p = nameStop + 1;
    qsizetype close = -1;
    while (p < t.size() && close < 0) {
        // m4 drops an argument's leading blanks and newlines, and dnl there
        // deletes to the end of its line.
        while (p < t.size()) {
            const char c = t.at(p);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++p;
            else if (isDnlAt(t, p))
                p = afterDnl(t, p);
            else
                break;
        }
        const qsizetype start = p;
        int quotes = 0;
        int parens = 0;
        while (p < t.size()) {
            const char c = t.at(p);
            if (quotes > 0) {
                if (c == '`')
                    ++quotes;
                else if (c == '\'')
                    --quotes;
                ++p;
                continue;
            }
            if (c == '`') {
                ++quotes;
            } else if (c == '#') {
                p = lineEnd(t, p);
                continue;
            } else if (isNameStart(c)) {
                p = isDnlAt(t, p) ? afterDnl(t, p) : nameEnd(t, p);
                continue;
            } else if (c == '(') {
                ++parens;
            } else if (c == ')') {
                if (parens == 0)
                    break;
                --parens;
            } else if (c == ',' && parens == 0) {
                break;
            }
            ++p;
        }
        if (p >= t.size())
            return false; // never closed: m4 reads to the end of the input
        arguments.append({start, p});
        if (t.at(p) == ')')
            close = p;
        ++p;
    }
    if (close < 0 || arguments.isEmpty())
        return false;

    Statement s;
    s.kind = keyword == "define" ? Statement::Kind::Define
        : keyword == "undefine"  ? Statement::Kind::Undefine
                                 : Statement::Kind::Include;
    s.optional = keyword == "sinclude";
    s.conditional = conditional;
    s.line = line;
    const auto upper = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), close);
    s.endLine = int(upper - m_lineStarts.cbegin());
    s.start = at;
    s.end = close + 1;
    // A name written bare (define(confLOG_LEVEL, 9)) is taken as written,
    // as its writer meant it; m4 would expand it if it were a macro already,
    // which the build of sendmail.cf shows.
    const QByteArray first = t.mid(arguments.at(0).start, arguments.at(0).end - arguments.at(0).start).trimmed();
    if (s.kind != Statement::Kind::Include && SendmailMc::isValidName(first))
        s.name = first;
    else
        s.literal = literalOf(t, arguments.at(0).start, arguments.at(0).end, &s.name);
    if (s.kind == Statement::Kind::Define) {
        if (arguments.size() >= 2) {
            s.valueStart = arguments.at(1).start;
            s.valueEnd = arguments.at(1).end;
            s.literal = literalOf(t, s.valueStart, s.valueEnd, &s.value) && s.literal;
        }
    }
    m_statements.append(s);
    return true;
}

QList<SendmailMc::Statement> SendmailMc::includes() const
{
    QList<Statement> result;
    for (const Statement &s : m_statements)
        if (s.kind == Statement::Kind::Include)
            result.append(s);
    return result;
}

std::optional<SendmailMc::Statement> SendmailMc::last(const QByteArray &name) const
{
    for (auto it = m_statements.crbegin(); it != m_statements.crend(); ++it) {
        if (it->kind != Statement::Kind::Include && it->name == name)
            return *it;
    }
    return std::nullopt;
}

std::optional<QByteArray> SendmailMc::value(const QByteArray &name) const
{
    const std::optional<Statement> s = last(name);
    if (!s || s->kind != Statement::Kind::Define || !s->literal)
        return std::nullopt;
    return s->value;
}

bool SendmailMc::isValidName(const QByteArray &name)
{
    return !name.isEmpty() && isNameStart(name.at(0))
        && std::all_of(name.cbegin(), name.cend(), [](char c) { return isNameChar(c); });
}

bool SendmailMc::isValidValue(const QByteArray &value)
{
    return std::none_of(value.cbegin(), value.cend(),
                        [](char c) { return c == '`' || c == '\'' || c == '\n' || c == '\r' || c == '\0'; });
}

QByteArray SendmailMc::defineLine(const QByteArray &name, const QByteArray &value)
{
    return "define(`" + name + "', `" + value + "')dnl";
}

bool SendmailMc::check(const QByteArray &name, const QByteArray &value)
{
    if (!isValidName(name)) {
        fail(tr("\"%1\" is not an m4 macro name").arg(QString::fromUtf8(name)));
        return false;
    }
    if (!isValidValue(value)) {
        fail(tr("the value for %1 holds a quote character, a line break or a NUL byte, which sendmail.mc cannot "
                "take literally")
                 .arg(QString::fromLatin1(name)));
        return false;
    }
    if (m_unbalanced) {
        fail(tr("%1 has a quote (`) that is never closed: m4 reads everything after it as one string, so the file "
                "is not edited")
                 .arg(m_path));
        return false;
    }
    return true;
}

qsizetype SendmailMc::lineStart(int line) const
{
    if (line < 1)
        return 0;
    if (line > m_lineStarts.size())
        return m_text.size();
    return m_lineStarts.at(line - 1);
}

QByteArray SendmailMc::newLine() const
{
    const qsizetype last = m_text.lastIndexOf('\n');
    return last > 0 && m_text.at(last - 1) == '\r' ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

void SendmailMc::insertAt(qsizetype offset, const QByteArray &name, const QByteArray &value, bool withComment)
{
    const QByteArray nl = newLine();
    QByteArray lines;
    if (offset >= m_text.size() && !m_text.isEmpty() && !m_text.endsWith('\n'))
        lines += nl;
    if (withComment)
        lines += QByteArray(AddedComment) + nl;
    lines += defineLine(name, value) + nl;
    m_text.insert(offset, lines);
    parse();
}

SendmailMc::Edit SendmailMc::set(const QByteArray &name, const QByteArray &value)
{
    if (!check(name, value))
        return Edit::Invalid;
    const std::optional<Statement> s = last(name);
    if (s && s->kind == Statement::Kind::Define) {
        if (s->literal && s->value == value)
            return Edit::Unchanged;
        if (s->valueStart < 0) {
            // define(`NAME') defines it empty: the value goes in as a second
            // argument.
            m_text.insert(s->end - 1, ", `" + value + '\'');
        } else {
            const QByteArray old = m_text.mid(s->valueStart, s->valueEnd - s->valueStart);
            // A bare number stays bare; everything else is quoted, so that no
            // word of it is taken for a macro.
            const QByteArray replacement = isDigits(old) && isDigits(value) ? value : '`' + value + '\'';
            m_text.replace(s->valueStart, s->valueEnd - s->valueStart, replacement);
        }
        parse();
        return Edit::Changed;
    }
    if (s) {
        insertAt(lineStart(s->endLine + 1), name, value, true);
        return Edit::Changed;
    }
    if (m_mailerLines.isEmpty()) {
        insertAt(m_text.size(), name, value, true);
        return Edit::Changed;
    }
    // Before the mailers, below a block of defines added before (one comment
    // heads them all).
    const int anchor = m_mailerLines.constFirst();
    bool underAdded = false;
    for (int line = anchor - 1; line >= 1; --line) {
        const QByteArray content = m_text.mid(lineStart(line), lineStart(line + 1) - lineStart(line)).trimmed();
        if (content == AddedComment) {
            underAdded = true;
            break;
        }
        if (!content.startsWith("define(`"))
            break;
    }
    insertAt(lineStart(anchor), name, value, !underAdded);
    return Edit::Changed;
}

SendmailMc::Edit SendmailMc::setAfterLine(int line, const QByteArray &name, const QByteArray &value)
{
    if (!check(name, value))
        return Edit::Invalid;
    // Below a block added there before, without a second comment.
    int below = line + 1;
    const auto content
        = [this](int at) { return m_text.mid(lineStart(at), lineStart(at + 1) - lineStart(at)).trimmed(); };
    if (below <= m_lineStarts.size() && content(below) == AddedComment) {
        ++below;
        while (below <= m_lineStarts.size() && content(below).startsWith("define(`"))
            ++below;
        insertAt(lineStart(below), name, value, false);
        return Edit::Changed;
    }
    insertAt(lineStart(below), name, value, true);
    return Edit::Changed;
}

} // namespace mailtls
