#include "models/mta/dovecotconfig.h"

#include <algorithm>
#include <functional>

#include <glob.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>

#include "models/mta/configfile.h"

namespace mailtls {

namespace {

// Dovecot's IS_WHITE: space and tab only.
bool isWhite(char c)
{
    return c == ' ' || c == '\t';
}

bool isKeyCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Dovecot's str_unescape(): a backslash keeps the character after it.
QByteArray unescaped(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char c = text.at(i);
        if (c == '\\') {
            if (++i == text.size())
                break;
            c = text.at(i);
        }
        out += c;
    }
    return out;
}

// Where a comment starts: the first '#' outside quotes, else the end.
qsizetype commentStart(const QByteArray &text, qsizetype from)
{
    for (qsizetype p = from; p < text.size(); ++p) {
        const char c = text.at(p);
        if (c == '\'' || c == '"') {
            for (++p; p < text.size() && text.at(p) != c; ++p) {
                if (text.at(p) == '\\' && p + 1 < text.size())
                    ++p;
            }
            if (p >= text.size())
                return text.size();
        } else if (c == '#') {
            return p;
        }
    }
    return text.size();
}

// The line as Dovecot's C string holds it: up to a NUL byte.
QByteArray cString(const QByteArray &content)
{
    const qsizetype nul = content.indexOf('\0');
    return nul < 0 ? content : content.left(nul);
}

QByteArray leadingWhite(const QByteArray &content)
{
    qsizetype i = 0;
    while (i < content.size() && isWhite(content.at(i)))
        ++i;
    return content.left(i);
}

// A line that is neither blank nor a comment.
bool isStatement(const QByteArray &content)
{
    const QByteArray text = cString(content);
    qsizetype i = 0;
    while (i < text.size() && isWhite(text.at(i)))
        ++i;
    return i < text.size() && text.at(i) != '#';
}

} // namespace

// The state of one reading of the whole configuration.
struct DovecotConfig::Walk
{
    bool mayRead = false;
    QByteArrayList sections;
    // The files being read and the ones an include has queued, as Dovecot's
    // input stack holds them: a file on it cannot be included again.
    QList<int> chain;
    int reads = 0;
    bool stopped = false; // MaxReads reached
};

QString DovecotConfig::Setting::filePath() const
{
    if (kind != ValueKind::File)
        return QString();
    const QString name = QFile::decodeName(value);
    if (name.startsWith(QLatin1Char('/')) || !path.contains(QLatin1Char('/')))
        return name;
    return QFileInfo(path).path() + QLatin1Char('/') + name;
}

QByteArray DovecotConfig::Setting::rawValue() const
{
    switch (kind) {
    case ValueKind::File:
        return '<' + value;
    case ValueKind::Variable:
        return '$' + value;
    case ValueKind::Plain:
        break;
    }
    return value;
}

DovecotConfig::DovecotConfig() = default;

bool DovecotConfig::readFile(const QString &path, File *file, QString *error) const
{
    const ConfigFile::Contents contents = m_source.read ? m_source.read(path) : ConfigFile::read(path);
    if (!contents.error.isEmpty()) {
        *error = contents.error;
        return false;
    }
    if (!contents.exists) {
        *error = tr("%1 does not exist").arg(path);
        return false;
    }
    const QByteArray &text = contents.bytes;
    const qsizetype count = text.count('\n') + ((text.isEmpty() || text.endsWith('\n')) ? 0 : 1);
    if (count > MaxLines) {
        *error = tr("%1 has more than %2 lines; MailTLS does not read a configuration file that long")
                     .arg(path)
                     .arg(MaxLines);
        return false;
    }
    file->path = path;
    file->original = text;
    file->lines.clear();
    file->lines.reserve(count);
    qsizetype begin = 0;
    while (begin < text.size()) {
        const qsizetype newline = text.indexOf('\n', begin);
        Line line;
        if (newline < 0) {
            line.content = text.mid(begin);
            line.ending = Ending::None;
            begin = text.size();
        } else {
            const bool crlf = newline > begin && text.at(newline - 1) == '\r';
            line.content = text.mid(begin, newline - begin - (crlf ? 1 : 0));
            line.ending = crlf ? Ending::CrLf : Ending::Lf;
            file->newLine = line.ending;
            begin = newline + 1;
        }
        file->lines.append(line);
    }
    file->finalNewline = text.isEmpty() || text.endsWith('\n');
    return true;
}

bool DovecotConfig::load(const QString &mainPath)
{
    return load(mainPath, Source());
}

bool DovecotConfig::load(const QString &mainPath, const Source &source)
{
    // Kept only while loading: what it reads from may be gone afterwards.
    m_source = source;
    m_fromSource = bool(source.read);
    const auto forget = qScopeGuard([this] { m_source = Source(); });
    m_files.clear();
    m_fileIndex.clear();
    m_globs.clear();
    m_globFolders.clear();
    m_loaded = false;
    m_error.clear();
    m_mainPath = m_fromSource ? QDir::cleanPath(mainPath) : QDir::cleanPath(QFileInfo(mainPath).absoluteFilePath());
    parse(false);
    File main;
    QString error;
    if (!readFile(m_mainPath, &main, &error)) {
        fail(error);
        return false;
    }
    m_files.append(main);
    m_fileIndex.insert(fileKey(m_mainPath), 0);
    m_loaded = true;
    parse(true);
    return true;
}

QStringList DovecotConfig::paths() const
{
    QStringList result;
    for (const int file : m_order)
        result.append(m_files.at(file).path);
    return result;
}

bool DovecotConfig::contains(const QString &path) const
{
    const auto it = m_fileIndex.constFind(fileKey(path));
    return it != m_fileIndex.cend() && m_order.contains(it.value());
}

QByteArray DovecotConfig::text(const QString &path) const
{
    const auto it = m_fileIndex.constFind(fileKey(path));
    if (it == m_fileIndex.cend())
        return QByteArray();
    const File &file = m_files.at(it.value());
    QByteArray out;
    qsizetype size = 0;
    for (const Line &line : file.lines)
        size += line.content.size() + 2;
    out.reserve(size);
    for (const Line &line : file.lines) {
        out += line.content;
        if (line.ending == Ending::Lf)
            out += '\n';
        else if (line.ending == Ending::CrLf)
            out += "\r\n";
    }
    return out;
}

QByteArray DovecotConfig::originalText(const QString &path) const
{
    const auto it = m_fileIndex.constFind(fileKey(path));
    return it == m_fileIndex.cend() ? QByteArray() : m_files.at(it.value()).original;
}

bool DovecotConfig::isModified() const
{
    return !changes().isEmpty();
}

QList<DovecotConfig::Change> DovecotConfig::changes() const
{
    QList<Change> result;
    for (const int file : m_order) {
        const QString &path = m_files.at(file).path;
        const QByteArray now = text(path);
        if (now != m_files.at(file).original)
            result.append(Change {path, m_files.at(file).original, now});
    }
    return result;
}

std::optional<DovecotConfig::Setting> DovecotConfig::value(const QByteArray &key) const
{
    const Definition *definition = effective(key);
    if (definition == nullptr)
        return std::nullopt;
    return definition->setting;
}

QList<DovecotConfig::Setting> DovecotConfig::definitions(const QByteArray &key) const
{
    QList<Setting> result;
    for (const Definition &definition : m_definitions) {
        if (definition.setting.key == key)
            result.append(definition.setting);
    }
    return result;
}

QList<DovecotConfig::Setting> DovecotConfig::sectionDefinitions(const QByteArray &key) const
{
    QList<Setting> result;
    for (const Definition &definition : m_definitions) {
        if (definition.setting.key == key && !definition.setting.isGlobal())
            result.append(definition.setting);
    }
    return result;
}

bool DovecotConfig::isValidKey(const QByteArray &key)
{
    return !key.isEmpty() && std::all_of(key.cbegin(), key.cend(), isKeyCharacter);
}

std::pair<DovecotConfig::ValueKind, QByteArray> DovecotConfig::readValue(const QByteArray &text)
{
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == '<') {
        qsizetype i = 1;
        while (i < n && isWhite(text.at(i)))
            ++i;
        return {ValueKind::File, text.mid(i)};
    }
    if (n > 0 && text.at(0) == '$')
        return {ValueKind::Variable, text.mid(1)};
    if (n > 0 && (text.at(0) == '"' || text.at(0) == '\'') && text.at(n - 1) == text.at(0))
        return {ValueKind::Plain, n == 1 ? QByteArray() : unescaped(text.mid(1, n - 2))};
    return {ValueKind::Plain, text};
}

QStringList DovecotConfig::globMatches(const QString &pattern)
{
    const auto cached = m_globs.constFind(pattern);
    if (cached != m_globs.cend())
        return cached.value();
    QStringList result;
    if (m_fromSource) {
        if (!m_source.glob)
            return {};
        for (const auto &[match, folder] : m_source.glob(pattern)) {
            result.append(match);
            if (folder)
                m_globFolders.insert(match);
        }
        m_globs.insert(pattern, result);
        return result;
    }
    glob_t found = {};
    if (::glob(QFile::encodeName(pattern).constData(), GLOB_BRACE, nullptr, &found) == 0) {
        for (size_t i = 0; i < found.gl_pathc; ++i)
            result.append(QFile::decodeName(found.gl_pathv[i]));
    }
    ::globfree(&found);
    m_globs.insert(pattern, result);
    return result;
}

int DovecotConfig::fileIndex(const QString &path, bool mayRead, bool *tooMany)
{
    *tooMany = false;
    const auto it = m_fileIndex.constFind(fileKey(path));
    if (it != m_fileIndex.cend())
        return it.value();
    if (!mayRead)
        return -1;
    if (m_files.size() >= MaxFiles) {
        *tooMany = true;
        return -1;
    }
    File file;
    QString error;
    if (!readFile(path, &file, &error)) {
        file = File();
        file.path = path;
        file.readable = false;
        file.error = error;
    }
    m_files.append(file);
    m_fileIndex.insert(fileKey(path), int(m_files.size() - 1));
    return int(m_files.size() - 1);
}

QString DovecotConfig::fileKey(const QString &path) const
{
    if (m_fromSource)
        return QDir::cleanPath(path);
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(path) : canonical;
}

void DovecotConfig::parse(bool mayRead)
{
    m_definitions.clear();
    m_examples.clear();
    m_fileEnds.clear();
    m_problems.clear();
    m_order.clear();
    if (m_files.isEmpty())
        return;
    Walk walk;
    walk.mayRead = mayRead;
    walk.chain.append(0);
    parseFile(walk, 0);
    if (!walk.sections.isEmpty()) {
        m_problems.append({m_files.at(0).path, 0,
                           tr("The section \"%1\" is never closed: Dovecot refuses the configuration (Missing '}').")
                               .arg(QString::fromUtf8(walk.sections.constLast()))});
    }
}

void DovecotConfig::parseFile(Walk &walk, int file)
{
    if (walk.reads >= MaxReads) {
        if (!walk.stopped)
            m_problems.append(
                {m_files.at(file).path, 0,
                 tr("The configuration reads files more than %1 times: MailTLS stops there.").arg(MaxReads)});
        walk.stopped = true;
        return;
    }
    ++walk.reads;
    if (!m_order.contains(file))
        m_order.append(file);
    const bool startsGlobal = walk.sections.isEmpty();
    // Copied: an include may add files (and move m_files) while this one is read.
    const QList<Line> lines = m_files.at(file).lines;
    const QString &path = m_files.at(file).path;
    QByteArray gathered;
    QList<int> members;
    for (int i = 0; i < int(lines.size()); ++i) {
        const QByteArray text = cString(lines.at(i).content);
        qsizetype start = 0;
        while (start < text.size() && isWhite(text.at(start)))
            ++start;
        if (start == text.size() || text.at(start) == '#') {
            if (!members.isEmpty()) {
                m_problems.append({path, members.constFirst() + 1,
                                   tr("Line %1 is continued with '\\', but a comment or blank line follows: Dovecot "
                                      "drops it.")
                                       .arg(members.constFirst() + 1)});
                members.clear();
                gathered.clear();
            }
            if (start < text.size() && walk.sections.isEmpty()) {
                // `#ssl_dh = …`: where a new global line of that key belongs.
                qsizetype k = start + 1;
                while (k < text.size() && isWhite(text.at(k)))
                    ++k;
                const qsizetype keyStart = k;
                while (k < text.size() && isKeyCharacter(text.at(k)))
                    ++k;
                const QByteArray key = text.mid(keyStart, k - keyStart);
                while (k < text.size() && isWhite(text.at(k)))
                    ++k;
                if (!key.isEmpty() && k < text.size() && text.at(k) == '=')
                    m_examples.append(Example {key, file, i});
            }
            continue;
        }
        qsizetype end = commentStart(text, start);
        while (end > start && isWhite(text.at(end - 1)))
            --end;
        members.append(i);
        if (end > start && text.at(end - 1) == '\\') {
            qsizetype last = end - 1;
            while (last > start && isWhite(text.at(last - 1)))
                --last;
            if (last > start) {
                gathered += text.mid(start, last - start);
                gathered += ' ';
            }
            continue;
        }
        if (members.size() == 1)
            parseLogical(walk, file, members, text.mid(start, end - start), start);
        else
            parseLogical(walk, file, members, gathered + text.mid(start, end - start), -1);
        members.clear();
        gathered.clear();
    }
    if (!members.isEmpty()) {
        m_problems.append({path, members.constFirst() + 1,
                           tr("The file ends with a line continued with '\\' (line %1): Dovecot joins it with the "
                              "next line it reads, in another file.")
                               .arg(members.constFirst() + 1)});
    }
    m_fileEnds.append(FileEnd {file, startsGlobal && walk.sections.isEmpty()});
}

void DovecotConfig::parseLogical(Walk &walk, int file, const QList<int> &lines, const QByteArray &text, qsizetype base)
{
    const QString path = m_files.at(file).path;
    const int lineNumber = lines.constFirst() + 1;
    const qsizetype n = text.size();
    qsizetype k = 0;
    while (k < n && !isWhite(text.at(k)) && text.at(k) != '=')
        ++k;
    const QByteArray key = text.left(k);
    qsizetype j = k;
    while (j < n && isWhite(text.at(j)))
        ++j;

    if (key == "!include" || key == "!include_try") {
        const bool optional = key == "!include_try";
        QString pattern = QFile::decodeName(text.mid(j));
        if (!pattern.startsWith(QLatin1Char('/')) && path.contains(QLatin1Char('/')))
            pattern = QFileInfo(path).path() + QLatin1Char('/') + pattern;
        const QStringList matches = globMatches(pattern);
        if (matches.isEmpty()) {
            if (!optional)
                m_problems.append({path, lineNumber,
                                   tr("!include %1 matches no file: Dovecot refuses the configuration.").arg(pattern)});
            return;
        }
        // Dovecot queues every match at once, the last first, and reads them
        // in sorted order.
        int queued = 0;
        for (qsizetype m = matches.size() - 1; m >= 0; --m) {
            // Dovecot opens a folder and reads nothing from it.
            if (m_fromSource ? m_globFolders.contains(matches.at(m)) : QFileInfo(matches.at(m)).isDir())
                continue;
            bool tooMany = false;
            const int index = fileIndex(matches.at(m), walk.mayRead, &tooMany);
            QString problem;
            if (tooMany)
                problem = tr("The configuration includes more than %1 files: MailTLS stops there.").arg(MaxFiles);
            else if (index < 0)
                problem = tr("%1 was not read").arg(matches.at(m));
            else if (walk.chain.contains(index))
                problem = tr("%1 is included again while it is being read: Dovecot refuses the configuration "
                             "(Recursive include file).")
                              .arg(matches.at(m));
            else if (!m_files.at(index).readable && optional)
                continue;
            else if (!m_files.at(index).readable)
                problem = tr("%1: Dovecot refuses the configuration.").arg(m_files.at(index).error);
            if (!problem.isEmpty()) {
                m_problems.append({path, lineNumber, problem});
                walk.chain.resize(walk.chain.size() - queued);
                return;
            }
            walk.chain.append(index);
            ++queued;
        }
        for (int q = 0; q < queued; ++q) {
            parseFile(walk, walk.chain.constLast());
            walk.chain.removeLast();
        }
        return;
    }

    if (j < n && text.at(j) == '=') {
        ++j;
        while (j < n && isWhite(text.at(j)))
            ++j;
        Definition definition;
        definition.setting.key = key;
        const auto [kind, value] = readValue(text.mid(j));
        definition.setting.kind = kind;
        definition.setting.value = value;
        definition.setting.path = path;
        definition.setting.line = lineNumber;
        definition.setting.sections = walk.sections;
        definition.file = file;
        definition.lines = lines;
        if (base >= 0) {
            definition.valueStart = base + j;
            definition.valueEnd = base + n;
        }
        if (key.isEmpty())
            m_problems.append({path, lineNumber,
                               tr("Line %1 has no setting name before its \"=\": Dovecot refuses the configuration.")
                                   .arg(lineNumber)});
        else
            m_definitions.append(definition);
        return;
    }

    if (key == "}" && j == n) {
        if (walk.sections.isEmpty())
            m_problems.append({path, lineNumber,
                               tr("Line %1 closes a section that is not open: Dovecot refuses the configuration "
                                  "(Unexpected '}').")
                                   .arg(lineNumber)});
        else
            walk.sections.removeLast();
        return;
    }

    // `type [name] {`
    QByteArray name;
    qsizetype q = j;
    QString error;
    if (q >= n || text.at(q) != '{') {
        if (q < n && text.at(q) != '"') {
            const qsizetype start = q;
            while (q < n && !isWhite(text.at(q)))
                ++q;
            name = text.mid(start, q - start);
        } else if (q < n) {
            const qsizetype start = ++q;
            while (q < n && text.at(q) != '"')
                ++q;
            if (q < n)
                name = unescaped(text.mid(start, q++ - start));
        }
        while (q < n && isWhite(text.at(q)))
            ++q;
        if (q >= n || text.at(q) != '{')
            error = tr("Line %1 is neither a setting (no \"=\") nor a section (no \"{\"): Dovecot refuses the "
                       "configuration.")
                        .arg(lineNumber);
    }
    if (error.isEmpty() && q + 1 != n)
        error = tr("Line %1 has text after its \"{\": Dovecot refuses the configuration.").arg(lineNumber);
    if (!error.isEmpty()) {
        m_problems.append({path, lineNumber, error});
        return;
    }
    walk.sections.append(name.isEmpty() ? key : key + ' ' + name);
}

const DovecotConfig::Definition *DovecotConfig::effective(const QByteArray &key) const
{
    for (auto it = m_definitions.crbegin(); it != m_definitions.crend(); ++it) {
        if (it->setting.key == key && it->setting.isGlobal())
            return &*it;
    }
    return nullptr;
}

int DovecotConfig::appendTarget(const QByteArray &key) const
{
    const auto endsGlobal = [this](int file) {
        bool seen = false;
        for (const FileEnd &end : m_fileEnds) {
            if (end.file != file)
                continue;
            if (!end.global)
                return false;
            seen = true;
        }
        return seen;
    };
    const qsizetype underscore = key.indexOf('_');
    if (underscore > 0) {
        const QByteArray family = key.left(underscore + 1);
        for (auto it = m_definitions.crbegin(); it != m_definitions.crend(); ++it) {
            if (it->setting.isGlobal() && it->setting.key.startsWith(family)) {
                if (endsGlobal(it->file))
                    return it->file;
                break;
            }
        }
    }
    return endsGlobal(0) ? 0 : -1;
}

DovecotConfig::Edit DovecotConfig::set(const QByteArray &key, const QByteArray &rawValue)
{
    m_error.clear();
    if (!m_loaded) {
        fail(tr("No Dovecot configuration has been read."));
        return Edit::Invalid;
    }
    if (!isValidKey(key)) {
        fail(tr("\"%1\" is not a Dovecot setting name.").arg(QString::fromUtf8(key.left(80))));
        return Edit::Invalid;
    }
    if (rawValue.contains('\n') || rawValue.contains('\r') || rawValue.contains('\0')) {
        fail(tr("The value for %1 contains a line break or a NUL byte.").arg(QString::fromUtf8(key)));
        return Edit::Invalid;
    }
    if (!rawValue.isEmpty()
        && (isWhite(rawValue.front()) || isWhite(rawValue.back()) || rawValue.endsWith('\\')
            || commentStart(rawValue, 0) != rawValue.size())) {
        fail(tr("Dovecot would not read the value \"%1\" for %2 as written (surrounding whitespace, a '#' comment or "
                "a trailing '\\').")
                 .arg(QString::fromUtf8(rawValue.left(200)), QString::fromUtf8(key)));
        return Edit::Invalid;
    }
    const auto [kind, value] = readValue(rawValue);
    const QByteArray statement = key + " = " + rawValue;

    int changed = -1;
    if (const Definition *definition = effective(key)) {
        if (definition->setting.kind == kind && definition->setting.value == value)
            return Edit::Unchanged;
        changed = definition->file;
        File &file = m_files[changed];
        const int first = definition->lines.constFirst();
        const QByteArray &content = file.lines.at(first).content;
        if (definition->valueStart >= 0) {
            QByteArray head = content.left(definition->valueStart);
            QByteArray tail = content.mid(definition->valueEnd);
            // An empty value written right after '=' gets the usual space.
            if (definition->valueStart == definition->valueEnd && head.endsWith('='))
                head += ' ';
            if (tail.startsWith('#'))
                tail.prepend(' ');
            file.lines[first].content = head + rawValue + tail;
        } else {
            file.lines[first].content = leadingWhite(content) + statement;
            const QList<int> rest = definition->lines.mid(1);
            for (auto it = rest.crbegin(); it != rest.crend(); ++it)
                file.lines.removeAt(*it);
        }
    } else {
        const auto example
            = std::find_if(m_examples.cbegin(), m_examples.cend(), [&key](const Example &e) { return e.key == key; });
        if (example != m_examples.cend()) {
            changed = example->file;
            File &file = m_files[changed];
            const QByteArray indent = leadingWhite(file.lines.at(example->line).content);
            file.lines.insert(example->line + 1, Line {indent + statement, file.newLine});
        } else {
            changed = appendTarget(key);
            if (changed < 0) {
                fail(tr("There is no place outside every section to add %1: the configuration's braces do not "
                        "balance.")
                         .arg(QString::fromUtf8(key)));
                return Edit::Invalid;
            }
            File &file = m_files[changed];
            // Continue a block this editor appended before, else start one.
            qsizetype i = file.lines.size() - 1;
            while (i >= 0 && isStatement(file.lines.at(i).content))
                --i;
            if (i < 0 || file.lines.at(i).content != AddedComment)
                file.lines.append(Line {QByteArray(AddedComment), file.newLine});
            file.lines.append(Line {statement, file.newLine});
        }
    }
    fixLineEnds(m_files[changed]);
    parse(false);
    return Edit::Changed;
}

DovecotConfig::Edit DovecotConfig::remove(const QByteArray &key)
{
    m_error.clear();
    if (!isValidKey(key)) {
        fail(tr("\"%1\" is not a Dovecot setting name.").arg(QString::fromUtf8(key.left(80))));
        return Edit::Invalid;
    }
    QHash<int, QSet<int>> doomed;
    QHash<int, QList<int>> markers;
    for (const Definition &definition : std::as_const(m_definitions)) {
        if (definition.setting.key != key || !definition.setting.isGlobal())
            continue;
        for (const int line : definition.lines)
            doomed[definition.file].insert(line);
        const int before = definition.lines.constFirst() - 1;
        if (before >= 0 && m_files.at(definition.file).lines.at(before).content == AddedComment)
            markers[definition.file].append(before);
    }
    if (doomed.isEmpty())
        return Edit::Unchanged;

    for (auto it = doomed.begin(); it != doomed.end(); ++it) {
        File &file = m_files[it.key()];
        QSet<int> &lines = it.value();
        for (const int marker : markers.value(it.key())) {
            if (lines.contains(marker))
                continue;
            int next = marker + 1;
            while (next < file.lines.size() && lines.contains(next))
                ++next;
            // Still heads another added setting.
            if (next < file.lines.size() && isStatement(file.lines.at(next).content))
                continue;
            lines.insert(marker);
        }
        QList<int> order(lines.cbegin(), lines.cend());
        std::sort(order.begin(), order.end(), std::greater<int>());
        for (const int line : std::as_const(order))
            file.lines.removeAt(line);
        fixLineEnds(file);
    }
    parse(false);
    return Edit::Changed;
}

void DovecotConfig::fixLineEnds(File &file) const
{
    if (file.lines.isEmpty())
        return;
    for (qsizetype i = 0; i + 1 < file.lines.size(); ++i) {
        if (file.lines.at(i).ending == Ending::None)
            file.lines[i].ending = file.newLine;
    }
    Line &last = file.lines.last();
    if (!file.finalNewline)
        last.ending = Ending::None;
    else if (last.ending == Ending::None)
        last.ending = file.newLine;
}

void DovecotConfig::fail(const QString &message)
{
    m_error = message;
}

} // namespace mailtls
