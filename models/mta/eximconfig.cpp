#include "models/mta/eximconfig.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>

namespace mailtls {

namespace {

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

qsizetype leadingSpaces(const QByteArray &text)
{
    qsizetype at = 0;
    while (at < text.size() && isSpace(text.at(at)))
        ++at;
    return at;
}

QByteArray rightTrimmed(const QByteArray &text)
{
    qsizetype end = text.size();
    while (end > 0 && isSpace(text.at(end - 1)))
        --end;
    return text.left(end);
}

enum class LineKind { Blank, Comment, Other };

LineKind lineKind(const QByteArray &content)
{
    const QByteArray text = trimmed(content);
    if (text.isEmpty())
        return LineKind::Blank;
    return text.at(0) == '#' ? LineKind::Comment : LineKind::Other;
}

bool isBeginLine(const QByteArray &text)
{
    return text.startsWith("begin") && text.size() > 5 && (text.at(5) == ' ' || text.at(5) == '\t');
}

bool isNameCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A directive's first word and the rest: ".ifdef A B" -> "ifdef", "A B".
std::pair<QByteArray, QByteArray> directive(const QByteArray &text)
{
    qsizetype end = 1;
    while (end < text.size() && !isSpace(text.at(end)))
        ++end;
    return {text.mid(1, end - 1), trimmed(text.mid(end))};
}

EximConfig::Activity combined(const QList<EximConfig::Activity> &stack)
{
    EximConfig::Activity result = EximConfig::Activity::Active;
    for (const EximConfig::Activity activity : stack) {
        if (activity == EximConfig::Activity::Inactive)
            return activity;
        if (activity == EximConfig::Activity::Unknown)
            result = activity;
    }
    return result;
}

} // namespace

bool EximConfig::Setting::isDefaultOf(const QByteArray &macro) const
{
    return conditions.contains(QByteArrayLiteral("ifndef ") + macro);
}

EximConfig::EximConfig() = default;

void EximConfig::setPredefinedMacros(const QSet<QByteArray> &names)
{
    m_predefined = names;
    parse();
}

bool EximConfig::load(const QString &path)
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

bool EximConfig::setText(const QByteArray &text, const QString &path)
{
    m_path = path;
    m_error.clear();
    m_lines.clear();
    m_original.clear();
    m_finalNewline = true;
    m_newLine = Ending::Lf;
    const QString name = path.isEmpty() ? tr("The file") : path;
    if (text.size() > MaxBytes) {
        parse();
        fail(tr("%1 is larger than %2 bytes; MailTLS does not read an Exim configuration that large.")
                 .arg(name)
                 .arg(MaxBytes));
        return false;
    }
    const qsizetype lines = text.count('\n') + ((text.isEmpty() || text.endsWith('\n')) ? 0 : 1);
    if (lines > MaxLines) {
        parse();
        fail(tr("%1 has more than %2 lines; MailTLS does not read an Exim configuration that long.")
                 .arg(name)
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

QByteArray EximConfig::text() const
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

QList<EximConfig::Setting> EximConfig::options(const QByteArray &name) const
{
    QList<Setting> result;
    for (const Setting &setting : m_settings)
        if (setting.kind == Kind::Option && setting.name == name)
            result.append(setting);
    return result;
}

QList<EximConfig::Setting> EximConfig::macros(const QByteArray &name) const
{
    QList<Setting> result;
    for (const Setting &setting : m_settings)
        if (setting.kind == Kind::Macro && setting.name == name)
            result.append(setting);
    return result;
}

bool EximConfig::isOptionName(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool EximConfig::isMacroName(const QByteArray &name)
{
    return !name.isEmpty() && name.at(0) >= 'A' && name.at(0) <= 'Z'
        && std::all_of(name.cbegin(), name.cend(), isNameCharacter);
}

QByteArray EximConfig::normalized(const QByteArray &value)
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

void EximConfig::parse()
{
    m_settings.clear();
    m_places.clear();
    m_problems.clear();
    m_beginLine = -1;
    QSet<QByteArray> certain = m_predefined;
    QSet<QByteArray> possible;

    struct Frame
    {
        bool anyTrue = false;
        bool anyUnknown = false;
        QByteArray first; // "ifdef A"
        int line = 0;
    };
    QList<Frame> frames;
    QList<Activity> stack;
    QList<QByteArray> conditions;

    // Whether a directive's names hold a defined macro (Exim: "any macro
    // substitution took place in the line").
    const auto evaluate = [&certain, &possible](const QByteArray &names) {
        for (const QByteArray &name : std::as_const(certain))
            if (names.contains(name))
                return Activity::Active;
        for (const QByteArray &name : std::as_const(possible))
            if (names.contains(name))
                return Activity::Unknown;
        for (const QByteArray &word : names.simplified().split(' '))
            if (word.startsWith('_'))
                return Activity::Unknown;
        return Activity::Inactive;
    };
    const auto negated = [](Activity activity) {
        return activity == Activity::Active  ? Activity::Inactive
            : activity == Activity::Inactive ? Activity::Active
                                             : Activity::Unknown;
    };

    const int count = int(m_lines.size());
    int i = 0;
    while (i < count) {
        const QByteArray text = trimmed(m_lines.at(i).content);
        if (text.isEmpty() || text.at(0) == '#') {
            ++i;
            continue;
        }
        if (isBeginLine(text)) {
            m_beginLine = i;
            break;
        }
        if (text.at(0) == '.') {
            const auto [word, names] = directive(text);
            const int lineNumber = i + 1;
            if (word == "ifdef" || word == "ifndef") {
                const Activity value = word == "ifdef" ? evaluate(names) : negated(evaluate(names));
                Frame frame;
                frame.anyTrue = value == Activity::Active;
                frame.anyUnknown = value == Activity::Unknown;
                frame.first = word + ' ' + names;
                frame.line = lineNumber;
                frames.append(frame);
                stack.append(value);
                conditions.append(frame.first);
            } else if (word == "elifdef" || word == "elifndef" || word == "else") {
                if (frames.isEmpty()) {
                    m_problems.append({lineNumber,
                                       tr("Line %1: .%2 without .ifdef or .ifndef: Exim refuses this file.")
                                           .arg(lineNumber)
                                           .arg(QString::fromLatin1(word))});
                } else {
                    Frame &frame = frames.last();
                    Activity value;
                    if (frame.anyTrue) {
                        value = Activity::Inactive;
                    } else if (word == "else") {
                        value = frame.anyUnknown ? Activity::Unknown : Activity::Active;
                    } else {
                        value = word == "elifdef" ? evaluate(names) : negated(evaluate(names));
                        if (value == Activity::Active && frame.anyUnknown)
                            value = Activity::Unknown;
                    }
                    frame.anyTrue = frame.anyTrue || value == Activity::Active;
                    frame.anyUnknown = frame.anyUnknown || value == Activity::Unknown;
                    stack.last() = value;
                    conditions.last() = word == "else" ? QByteArrayLiteral("else ") + frame.first : word + ' ' + names;
                }
            } else if (word == "endif") {
                if (frames.isEmpty()) {
                    m_problems.append(
                        {lineNumber,
                         tr("Line %1: .endif without .ifdef or .ifndef: Exim refuses this file.").arg(lineNumber)});
                } else {
                    frames.removeLast();
                    stack.removeLast();
                    conditions.removeLast();
                }
            } else if (word != "include" && word != "include_if_exists") {
                m_problems.append({lineNumber,
                                   tr("Line %1: \"%2\" is not a directive Exim knows.")
                                       .arg(lineNumber)
                                       .arg(QString::fromUtf8(text.left(80)))});
            }
            ++i;
            continue;
        }

        // A setting, with its continuation lines.
        QList<int> members {i};
        int next = i + 1;
        bool open = rightTrimmed(m_lines.at(i).content).endsWith('\\');
        while (open && next < count) {
            const LineKind kind = lineKind(m_lines.at(next).content);
            if (kind == LineKind::Comment) {
                ++next;
                continue;
            }
            members.append(next);
            open = kind != LineKind::Blank && rightTrimmed(m_lines.at(next).content).endsWith('\\');
            ++next;
        }
        if (open) {
            m_problems.append(
                {members.constLast() + 1,
                 tr("Line %1 ends with a backslash, but no line follows it.").arg(members.constLast() + 1)});
        }
        parseSetting(members, stack, conditions);
        if (!m_settings.isEmpty() && m_settings.constLast().line == i + 1 && m_settings.constLast().kind == Kind::Macro
            && m_settings.constLast().activity != Activity::Inactive) {
            const Setting &macro = m_settings.constLast();
            if (macro.activity == Activity::Active)
                certain.insert(macro.name);
            else
                possible.insert(macro.name);
        }
        i = next;
    }
    for (const Frame &frame : std::as_const(frames)) {
        m_problems.append(
            {frame.line,
             tr("Line %1: .%2 has no .endif.").arg(frame.line).arg(QString::fromUtf8(frame.first.left(80)))});
    }
    m_defined = certain + possible;
}

void EximConfig::parseSetting(const QList<int> &members, const QList<Activity> &stack,
                              const QList<QByteArray> &conditions)
{
    // Exim drops a continued line's backslash and the next line's leading
    // whitespace, and joins the two as they are.
    QByteArray joined;
    qsizetype firstEnd = 0;
    for (qsizetype m = 0; m < members.size(); ++m) {
        QByteArray piece = m_lines.at(members.at(m)).content;
        if (m > 0)
            piece = piece.mid(leadingSpaces(piece));
        if (m + 1 < members.size()) {
            piece = rightTrimmed(piece);
            piece.chop(1);
        }
        joined += piece;
        if (m == 0)
            firstEnd = joined.size();
    }
    const int lineNumber = members.constFirst() + 1;

    Setting setting;
    setting.line = lineNumber;
    setting.lastLine = members.constLast() + 1;
    setting.activity = combined(stack);
    setting.conditions = conditions;
    Place place;
    place.lines = members;

    qsizetype at = leadingSpaces(joined);
    const auto skipSpaces = [&joined, &at] {
        while (at < joined.size() && isSpace(joined.at(at)))
            ++at;
    };
    const auto word = [&joined, &at] {
        const qsizetype start = at;
        while (at < joined.size() && isNameCharacter(joined.at(at)))
            ++at;
        return joined.mid(start, at - start);
    };

    if (joined.at(at) >= 'A' && joined.at(at) <= 'Z') {
        setting.kind = Kind::Macro;
        setting.name = word();
        skipSpaces();
        if (at >= joined.size() || joined.at(at) != '=') {
            m_problems.append({lineNumber,
                               tr("Line %1 starts with an upper-case letter but is not a macro "
                                  "definition (NAME = text): Exim refuses this file.")
                                   .arg(lineNumber)});
            return;
        }
        ++at;
        if (at < joined.size() && joined.at(at) == '=') {
            setting.redefinition = true;
            ++at;
        }
    } else {
        setting.kind = Kind::Option;
        QByteArray name = word();
        if (name == "hide" && at < joined.size() && isSpace(joined.at(at))) {
            setting.hidden = true;
            skipSpaces();
            name = word();
        }
        if (name == "domainlist" || name == "hostlist" || name == "addresslist" || name == "localpartlist")
            return; // a named list, not an option
        setting.name = name;
        skipSpaces();
        if (name.isEmpty() || (at < joined.size() && joined.at(at) != '=')) {
            m_problems.append({lineNumber,
                               tr("Line %1 is not an option setting (name = value): Exim refuses "
                                  "this file.")
                                   .arg(lineNumber)});
            return;
        }
        if (at >= joined.size()) {
            setting.hasValue = false;
            m_settings.append(setting);
            m_places.append(place);
            return;
        }
        ++at;
    }
    setting.hasValue = true;
    if (at <= firstEnd)
        place.equalsEnd = at;
    setting.value = trimmed(joined.mid(at));
    m_settings.append(setting);
    m_places.append(place);
}

bool EximConfig::validValue(const QByteArray &name, const QByteArray &value)
{
    if (value.contains('\n') || value.contains('\r') || value.contains('\0')) {
        fail(tr("The value for %1 contains a line break or a NUL byte.").arg(QString::fromUtf8(name)));
        return false;
    }
    if (trimmed(value).endsWith('\\')) {
        fail(tr("The value for %1 ends with a backslash, which Exim reads as a continued line.")
                 .arg(QString::fromUtf8(name)));
        return false;
    }
    return true;
}

EximConfig::Edit EximConfig::setValueAt(int line, const QByteArray &value)
{
    m_error.clear();
    for (qsizetype s = 0; s < m_settings.size(); ++s) {
        const Setting &setting = m_settings.at(s);
        if (setting.line != line)
            continue;
        if (!validValue(setting.name, value))
            return Edit::Invalid;
        const QByteArray newValue = trimmed(value);
        if (setting.hasValue && normalized(setting.value) == normalized(newValue))
            return Edit::Unchanged;
        const Place &place = m_places.at(s);
        const int first = place.lines.constFirst();
        const QByteArray &content = m_lines.at(first).content;
        QByteArray replacement;
        if (place.equalsEnd >= 0) {
            const QByteArray head = content.left(place.equalsEnd);
            qsizetype valueStart = place.equalsEnd;
            while (valueStart < content.size() && isSpace(content.at(valueStart)))
                ++valueStart;
            const bool valueOnThisLine = valueStart < content.size() && content.at(valueStart) != '\\';
            const QByteArray gap = valueOnThisLine ? content.mid(place.equalsEnd, valueStart - place.equalsEnd)
                : (valueStart > place.equalsEnd || head.endsWith(" =") || head.endsWith(" ==")) ? QByteArray(" ")
                                                                                                : QByteArray();
            replacement = newValue.isEmpty() ? head : head + gap + newValue;
        } else {
            replacement = content.left(leadingSpaces(content)) + (setting.hidden ? QByteArray("hide ") : QByteArray())
                + setting.name + (newValue.isEmpty() ? QByteArray(" =") : " = " + newValue);
        }
        m_lines[first].content = replacement;
        const QList<int> continuation = place.lines.mid(1);
        for (auto it = continuation.crbegin(); it != continuation.crend(); ++it)
            m_lines.removeAt(*it);
        fixLineEnds();
        parse();
        return Edit::Changed;
    }
    fail(tr("No setting starts on line %1.").arg(line));
    return Edit::Invalid;
}

EximConfig::Edit EximConfig::setOption(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (!isOptionName(name)) {
        fail(tr("\"%1\" is not an Exim option name.").arg(QString::fromUtf8(name)));
        return Edit::Invalid;
    }
    return setAll(Kind::Option, name, value);
}

EximConfig::Edit EximConfig::setMacro(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (!isMacroName(name)) {
        fail(tr("\"%1\" is not an Exim macro name.").arg(QString::fromUtf8(name)));
        return Edit::Invalid;
    }
    return setAll(Kind::Macro, name, value);
}

EximConfig::Edit EximConfig::setAll(Kind kind, const QByteArray &name, const QByteArray &value)
{
    if (!validValue(name, value))
        return Edit::Invalid;
    QList<int> lines;
    for (const Setting &setting : std::as_const(m_settings))
        if (setting.kind == kind && setting.name == name && !setting.redefinition)
            lines.append(setting.line);
    if (lines.isEmpty()) {
        const QByteArray newValue = trimmed(value);
        append(newValue.isEmpty() ? name + " =" : name + " = " + newValue);
        return Edit::Changed;
    }
    // From the last: an edit removes continuation lines below it only.
    Edit result = Edit::Unchanged;
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const Edit edit = setValueAt(*it, value);
        if (edit == Edit::Invalid)
            return edit;
        if (edit == Edit::Changed)
            result = Edit::Changed;
    }
    return result;
}

EximConfig::Edit EximConfig::removeOption(const QByteArray &name)
{
    m_error.clear();
    return removeAll(Kind::Option, name);
}

EximConfig::Edit EximConfig::removeMacro(const QByteArray &name)
{
    m_error.clear();
    return removeAll(Kind::Macro, name);
}

EximConfig::Edit EximConfig::removeAll(Kind kind, const QByteArray &name)
{
    if (name.isEmpty()) {
        fail(tr("No name given."));
        return Edit::Invalid;
    }
    QSet<int> doomed;
    QSet<int> starts;
    QList<int> markers;
    for (qsizetype s = 0; s < m_settings.size(); ++s) {
        const Setting &setting = m_settings.at(s);
        starts.insert(m_places.at(s).lines.constFirst());
        if (setting.kind != kind || setting.name != name)
            continue;
        for (const int line : m_places.at(s).lines)
            doomed.insert(line);
        const int before = m_places.at(s).lines.constFirst() - 1;
        if (before >= 0 && m_lines.at(before).content == AddedComment)
            markers.append(before);
    }
    if (doomed.isEmpty())
        return Edit::Unchanged;
    for (const int marker : std::as_const(markers)) {
        int next = marker + 1;
        while (next < m_lines.size() && doomed.contains(next))
            ++next;
        if (next < m_lines.size() && starts.contains(next))
            continue; // still heads another added setting
        doomed.insert(marker);
        // The blank line added before the comment goes with it.
        if (marker >= 2 && lineKind(m_lines.at(marker - 1).content) == LineKind::Blank
            && lineKind(m_lines.at(marker - 2).content) != LineKind::Blank)
            doomed.insert(marker - 1);
    }
    QList<int> order(doomed.cbegin(), doomed.cend());
    std::sort(order.begin(), order.end(), std::greater<int>());
    for (const int line : std::as_const(order))
        m_lines.removeAt(line);
    fixLineEnds();
    parse();
    return Edit::Changed;
}

int EximConfig::insertionPoint() const
{
    const int end = m_beginLine >= 0 ? m_beginLine : int(m_lines.size());
    for (int i = end - 1; i >= 0; --i)
        if (lineKind(m_lines.at(i).content) == LineKind::Other)
            return i + 1;
    return m_beginLine >= 0 ? m_beginLine : int(m_lines.size());
}

void EximConfig::append(const QByteArray &line)
{
    const int at = insertionPoint();
    // A run of settings right under AddedComment takes the new one too.
    int top = at - 1;
    while (top >= 0 && lineKind(m_lines.at(top).content) == LineKind::Other
           && trimmed(m_lines.at(top).content).at(0) != '.')
        --top;
    QList<Line> added;
    if (!(top >= 0 && top < at - 1 && m_lines.at(top).content == AddedComment)) {
        if (at > 0 && lineKind(m_lines.at(at - 1).content) != LineKind::Blank)
            added.append(Line {QByteArray(), m_newLine});
        added.append(Line {QByteArray(AddedComment), m_newLine});
    }
    added.append(Line {line, m_newLine});
    for (qsizetype k = 0; k < added.size(); ++k)
        m_lines.insert(at + k, added.at(k));
    fixLineEnds();
    parse();
}

void EximConfig::fixLineEnds()
{
    if (m_lines.isEmpty())
        return;
    for (qsizetype i = 0; i + 1 < m_lines.size(); ++i)
        if (m_lines.at(i).ending == Ending::None)
            m_lines[i].ending = m_newLine;
    Line &last = m_lines.last();
    if (!m_finalNewline)
        last.ending = Ending::None;
    else if (last.ending == Ending::None)
        last.ending = m_newLine;
}

void EximConfig::fail(const QString &message)
{
    m_error = message;
}

} // namespace mailtls
