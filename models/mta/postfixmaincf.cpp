#include "models/mta/postfixmaincf.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace mailtls {

namespace {

// Postfix's ISSPACE: ASCII whitespace only, whatever the locale.
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

QByteArray trimmed(const QByteArray &text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && isSpace(text.at(start)))
        ++start;
    while (end > start && isSpace(text.at(end - 1)))
        --end;
    return text.mid(start, end - start);
}

} // namespace

PostfixMainCf::PostfixMainCf() = default;

bool PostfixMainCf::load(const QString &path)
{
    m_lines.clear();
    m_original.clear();
    parse();
    m_path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(tr("%1 does not exist.").arg(path));
        return false;
    }
    if (info.isDir()) {
        fail(tr("%1 is a folder, not a main.cf file.").arg(path));
        return false;
    }
    // A FIFO or device would block or never end.
    if (!info.isFile()) {
        fail(tr("%1 is not a regular file.").arg(path));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    return setText(bytes, path);
}

bool PostfixMainCf::setText(const QByteArray &text, const QString &path)
{
    m_path = path;
    m_error.clear();
    m_lines.clear();
    m_original.clear();
    m_finalNewline = true;
    m_newLine = Ending::Lf;
    if (text.size() > MaxBytes) {
        parse();
        fail(tr("%1 is larger than %2 bytes; MailTLS does not read a main.cf that large.")
                 .arg(path.isEmpty() ? tr("The file") : path)
                 .arg(MaxBytes));
        return false;
    }
    const qsizetype lines = text.count('\n') + ((text.isEmpty() || text.endsWith('\n')) ? 0 : 1);
    if (lines > MaxLines) {
        parse();
        fail(tr("%1 has more than %2 lines; MailTLS does not read a main.cf that long.")
                 .arg(path.isEmpty() ? tr("The file") : path)
                 .arg(MaxLines));
        return false;
    }

    m_lines.reserve(lines);
    qsizetype begin = 0;
    while (begin < text.size()) {
        const qsizetype newline = text.indexOf('\n', begin);
        Line line;
        if (newline < 0) {
            line.content = text.mid(begin);
            begin = text.size();
        } else {
            const bool crlf = newline > begin && text.at(newline - 1) == '\r';
            line.content = text.mid(begin, newline - begin - (crlf ? 1 : 0));
            line.ending = crlf ? Ending::CrLf : Ending::Lf;
            m_newLine = line.ending;
            begin = newline + 1;
        }
        m_lines.append(line);
    }
    m_finalNewline = text.isEmpty() || text.endsWith('\n');
    m_original = text;
    parse();
    return true;
}

QByteArray PostfixMainCf::text() const
{
    QByteArray out;
    qsizetype size = 0;
    for (const Line &line : m_lines)
        size += line.content.size() + 2;
    out.reserve(size);
    for (const Line &line : m_lines) {
        out += line.content;
        if (line.ending == Ending::Lf)
            out += '\n';
        else if (line.ending == Ending::CrLf)
            out += "\r\n";
    }
    return out;
}

QList<QByteArray> PostfixMainCf::names() const
{
    QList<QByteArray> result;
    QSet<QByteArray> seen;
    for (const Definition &definition : m_definitions) {
        if (!seen.contains(definition.name)) {
            seen.insert(definition.name);
            result.append(definition.name);
        }
    }
    return result;
}

bool PostfixMainCf::contains(const QByteArray &name) const
{
    return effective(name) != nullptr;
}

std::optional<QByteArray> PostfixMainCf::value(const QByteArray &name) const
{
    const Definition *definition = effective(name);
    if (definition == nullptr)
        return std::nullopt;
    return definition->value;
}

int PostfixMainCf::definitionCount(const QByteArray &name) const
{
    return int(std::count_if(m_definitions.cbegin(), m_definitions.cend(),
                             [&name](const Definition &definition) { return definition.name == name; }));
}

int PostfixMainCf::lineNumber(const QByteArray &name) const
{
    const Definition *definition = effective(name);
    return definition == nullptr ? 0 : definition->lines.constFirst() + 1;
}

PostfixExpansion PostfixMainCf::expanded(const QByteArray &name, const QHash<QByteArray, QByteArray> &defaults) const
{
    const PostfixExpander expander([this, &defaults](const QByteArray &key) -> std::optional<QByteArray> {
        if (const std::optional<QByteArray> own = value(key))
            return own;
        const auto it = defaults.constFind(key);
        if (it == defaults.cend())
            return std::nullopt;
        return it.value();
    });
    return expander.expandName(name);
}

bool PostfixMainCf::isValidName(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](char c) {
        return PostfixExpander::isNameCharacter(c) || c == '-';
    });
}

QByteArray PostfixMainCf::normalized(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

PostfixMainCf::Edit PostfixMainCf::set(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (!isValidName(name)) {
        fail(tr("\"%1\" is not a Postfix parameter name.").arg(QString::fromUtf8(name)));
        return Edit::Invalid;
    }
    if (value.contains('\n') || value.contains('\r') || value.contains('\0')) {
        fail(tr("The value for %1 contains a line break or a NUL byte.").arg(QString::fromUtf8(name)));
        return Edit::Invalid;
    }
    const QByteArray newValue = trimmed(value);

    if (const Definition *definition = effective(name)) {
        if (normalized(definition->value) == normalized(newValue))
            return Edit::Unchanged;
        const int first = definition->lines.constFirst();
        m_lines[first].content = replacementLine(*definition, newValue);
        // Continuation lines go; comment and blank lines between them stay.
        const QList<int> continuation = definition->lines.mid(1);
        for (auto it = continuation.crbegin(); it != continuation.crend(); ++it)
            m_lines.removeAt(*it);
    } else {
        if (!endsWithAddedBlock())
            m_lines.append(Line {QByteArray(AddedComment), m_newLine});
        const QByteArray line = newValue.isEmpty() ? name + " =" : name + " = " + newValue;
        m_lines.append(Line {line, m_newLine});
    }
    fixLineEnds();
    parse();
    return Edit::Changed;
}

PostfixMainCf::Edit PostfixMainCf::remove(const QByteArray &name)
{
    m_error.clear();
    if (name.isEmpty()) {
        fail(tr("No parameter name given."));
        return Edit::Invalid;
    }
    QSet<int> doomed;
    QList<int> markers;
    for (const Definition &definition : std::as_const(m_definitions)) {
        if (definition.name != name)
            continue;
        for (const int line : definition.lines)
            doomed.insert(line);
        const int before = definition.lines.constFirst() - 1;
        if (before >= 0 && m_lines.at(before).content == AddedComment)
            markers.append(before);
    }
    if (doomed.isEmpty())
        return Edit::Unchanged;

    const auto kept = [&doomed](int line) { return !doomed.contains(line); };
    for (const int marker : std::as_const(markers)) {
        if (doomed.contains(marker))
            continue;
        int next = marker + 1;
        while (next < m_lines.size() && !kept(next))
            ++next;
        if (next < m_lines.size() && kindOf(m_lines.at(next).content) == Kind::Start)
            continue; // still heads another added definition
        doomed.insert(marker);
    }

    QList<int> order(doomed.cbegin(), doomed.cend());
    std::sort(order.begin(), order.end(), std::greater<int>());
    for (const int line : std::as_const(order))
        m_lines.removeAt(line);
    fixLineEnds();
    parse();
    return Edit::Changed;
}

PostfixMainCf::Kind PostfixMainCf::kindOf(const QByteArray &content)
{
    qsizetype first = 0;
    while (first < content.size() && isSpace(content.at(first)))
        ++first;
    if (first == content.size())
        return Kind::Blank;
    if (content.at(first) == '#')
        return Kind::Comment;
    return first == 0 ? Kind::Start : Kind::Continuation;
}

void PostfixMainCf::parse()
{
    m_definitions.clear();
    m_problems.clear();
    int i = 0;
    const int count = int(m_lines.size());
    while (i < count) {
        const Kind kind = kindOf(m_lines.at(i).content);
        if (kind == Kind::Blank || kind == Kind::Comment) {
            ++i;
            continue;
        }
        QList<int> members {i};
        int next = i + 1;
        int end = next;
        while (next < count) {
            const Kind nextKind = kindOf(m_lines.at(next).content);
            if (nextKind == Kind::Start)
                break;
            if (nextKind == Kind::Continuation) {
                members.append(next);
                end = next + 1;
            }
            ++next;
        }
        if (kind == Kind::Continuation) {
            m_problems.append({i + 1,
                               tr("Line %1 starts with whitespace but follows no parameter: "
                                  "Postfix ignores it.")
                                   .arg(i + 1)});
        } else {
            parseLogicalLine(members);
        }
        // Comment lines after the last continuation belong to nobody.
        i = end;
    }
}

void PostfixMainCf::parseLogicalLine(const QList<int> &members)
{
    // Postfix joins the lines' bytes as they are and reads up to a NUL.
    QByteArray joined;
    QList<qsizetype> starts;
    for (const int member : members) {
        starts.append(joined.size());
        joined += m_lines.at(member).content;
    }
    const qsizetype nul = joined.indexOf('\0');
    if (nul >= 0)
        joined.truncate(nul);

    const int lineNumber = members.constFirst() + 1;
    qsizetype nameEnd = 0;
    while (nameEnd < joined.size() && !isSpace(joined.at(nameEnd)) && joined.at(nameEnd) != '=')
        ++nameEnd;
    if (nameEnd == 0) {
        m_problems.append({lineNumber,
                           tr("Line %1 has no parameter name before its \"=\": Postfix refuses "
                              "this file.")
                               .arg(lineNumber)});
        return;
    }
    qsizetype equals = nameEnd;
    while (equals < joined.size() && isSpace(joined.at(equals)))
        ++equals;
    const QByteArray name = joined.left(nameEnd);
    if (equals >= joined.size() || joined.at(equals) != '=') {
        m_problems.append({lineNumber,
                           tr("Line %1 has no \"=\" after \"%2\": Postfix refuses this file.")
                               .arg(lineNumber)
                               .arg(QString::fromUtf8(name.left(80)))});
        return;
    }

    Definition definition;
    definition.name = name;
    definition.lines = members;
    QList<QByteArray> pieces;
    for (qsizetype m = 0; m < members.size(); ++m) {
        const qsizetype start = starts.at(m);
        const qsizetype end = std::min(m + 1 < members.size() ? starts.at(m + 1) : joined.size(), joined.size());
        if (equals >= start && equals < end) {
            definition.equalsLine = members.at(m);
            definition.equalsAt = equals - start;
        }
        const qsizetype from = std::max(start, equals + 1);
        if (from < end) {
            const QByteArray piece = trimmed(joined.mid(from, end - from));
            if (!piece.isEmpty())
                pieces.append(piece);
        }
    }
    definition.value = pieces.join(' ');
    m_definitions.append(definition);
}

const PostfixMainCf::Definition *PostfixMainCf::effective(const QByteArray &name) const
{
    for (auto it = m_definitions.crbegin(); it != m_definitions.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

QByteArray PostfixMainCf::replacementLine(const Definition &definition, const QByteArray &value) const
{
    const int first = definition.lines.constFirst();
    if (definition.equalsLine != first)
        return value.isEmpty() ? definition.name + " =" : definition.name + " = " + value;

    const QByteArray &content = m_lines.at(first).content;
    const QByteArray head = content.left(definition.equalsAt + 1);
    if (value.isEmpty())
        return head;
    qsizetype valueStart = definition.equalsAt + 1;
    while (valueStart < content.size() && isSpace(content.at(valueStart)))
        ++valueStart;
    QByteArray gap;
    if (valueStart < content.size() && content.at(valueStart) != '\0') {
        // The value started on this line: the same spacing before the new one.
        gap = content.mid(definition.equalsAt + 1, valueStart - definition.equalsAt - 1);
    } else {
        const bool spaced = valueStart > definition.equalsAt + 1
            || (definition.equalsAt > 0 && isSpace(content.at(definition.equalsAt - 1)));
        gap = spaced ? QByteArray(" ") : QByteArray();
    }
    return head + gap + value;
}

bool PostfixMainCf::endsWithAddedBlock() const
{
    qsizetype i = m_lines.size() - 1;
    while (i >= 0) {
        const Kind kind = kindOf(m_lines.at(i).content);
        if (kind != Kind::Start && kind != Kind::Continuation)
            break;
        --i;
    }
    return i >= 0 && m_lines.at(i).content == AddedComment;
}

void PostfixMainCf::fixLineEnds()
{
    if (m_lines.isEmpty())
        return;
    for (qsizetype i = 0; i + 1 < m_lines.size(); ++i) {
        if (m_lines.at(i).ending == Ending::None)
            m_lines[i].ending = m_newLine;
    }
    Line &last = m_lines.last();
    if (!m_finalNewline)
        last.ending = Ending::None;
    else if (last.ending == Ending::None)
        last.ending = m_newLine;
}

void PostfixMainCf::fail(const QString &message)
{
    m_error = message;
}

} // namespace mailtls
