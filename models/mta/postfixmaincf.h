#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include "models/mta/postfixexpander.h"

namespace mailtls {

// A Postfix main.cf read the way Postfix reads it (postconf(5)), kept byte for
// byte so that an edit changes only the lines it must: comments, blank lines,
// order, spacing, line ends (LF or CRLF), a missing final newline, NUL bytes
// and invalid UTF-8 all stay as they were. The text is bytes, never decoded.
//
// How Postfix reads it: a logical line starts with a non-whitespace character
// in the first column; a line starting with whitespace continues it; a line
// whose first non-whitespace character is '#' is a comment and a line of only
// whitespace is blank, and neither ends a logical line (the next indented line
// still continues it). A logical line is "name = value", spaces around '='
// optional; its value is its lines' text joined (here with single spaces), cut
// at a NUL byte as Postfix's C strings cut it. When a name is defined more
// than once, the last definition wins.
//
// Edits:
// - set(name, value) rewrites the effective (last) definition in place: the
//   text up to and including '=' stays exactly as it was, the value follows; a
//   definition over several lines becomes one line, and comment or blank lines
//   that sat between its lines stay (after it, in their order). Earlier,
//   overridden definitions are left alone. An absent name is appended at the
//   end under a comment line AddedComment (one comment for a run of appended
//   definitions). Setting the value a name already has (compared with
//   whitespace runs made single spaces) changes nothing at all.
// - remove(name) deletes every definition of the name — removing only the last
//   would silently bring an older one back into force — with their
//   continuation lines; comment lines between them stay. An AddedComment line
//   left heading nothing goes too, so set() then remove() of a new name gives
//   the original bytes back.
class PostfixMainCf final
{
    Q_DECLARE_TR_FUNCTIONS(PostfixMainCf)

public:
    // Real main.cf files are tens of kilobytes; these bound memory and time.
    static constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxLines = 100000;
    static constexpr char AddedComment[] = "# Added by MailTLS";

    enum class Edit { Unchanged, Changed, Invalid };

    // A line Postfix would refuse or ignore; 1-based line number.
    struct Problem
    {
        int line = 0;
        QString message;
    };

    // An empty file.
    PostfixMainCf();

    // Reads `path`; false with errorString() when it is missing, not a
    // regular file, unreadable, or over MaxBytes / MaxLines (the document is
    // then empty).
    bool load(const QString &path);
    // The same for bytes from elsewhere (a remote host); the path is only named
    // in messages.
    bool setText(const QByteArray &text, const QString &path = QString());

    QString path() const { return m_path; }
    // Why the last load(), setText(), set() or remove() failed.
    QString errorString() const { return m_error; }

    QByteArray text() const;
    // The text as it was read.
    QByteArray originalText() const { return m_original; }
    bool isModified() const { return text() != m_original; }

    // Every defined name, in the order of its first definition.
    QList<QByteArray> names() const;
    bool contains(const QByteArray &name) const;
    // The effective value, $references not expanded; nothing when undefined.
    std::optional<QByteArray> value(const QByteArray &name) const;
    // How often the name is defined (only the last counts for Postfix).
    int definitionCount(const QByteArray &name) const;
    // 1-based first line of the effective definition, 0 when undefined.
    int lineNumber(const QByteArray &name) const;
    // The value with $references resolved against this file, then `defaults`
    // (what `postconf -d` says) for names the file does not define.
    PostfixExpansion expanded(const QByteArray &name, const QHash<QByteArray, QByteArray> &defaults = {}) const;
    QList<Problem> problems() const { return m_problems; }

    // Invalid (with errorString()) for a name that is not a Postfix parameter
    // name (letters, digits, '_', '-') or a value with a line break or NUL.
    Edit set(const QByteArray &name, const QByteArray &value);
    Edit remove(const QByteArray &name);

    static bool isValidName(const QByteArray &name);
    // Whitespace runs made one space, none at either end.
    static QByteArray normalized(const QByteArray &value);

private:
    enum class Ending : quint8 { None, Lf, CrLf };
    enum class Kind : quint8 { Blank, Comment, Start, Continuation };

    struct Line
    {
        QByteArray content; // without its line end
        Ending ending = Ending::None;
    };

    struct Definition
    {
        QByteArray name;
        QByteArray value;
        QList<int> lines; // the first line and its continuation lines
        int equalsLine = -1; // the line holding '='
        qsizetype equalsAt = -1; // its offset in that line
    };

    static Kind kindOf(const QByteArray &content);
    void parse();
    void parseLogicalLine(const QList<int> &members);
    const Definition *effective(const QByteArray &name) const;
    QByteArray replacementLine(const Definition &definition, const QByteArray &value) const;
    bool endsWithAddedBlock() const;
    void fixLineEnds();
    void fail(const QString &message);

    QString m_path;
    QString m_error;
    QByteArray m_original;
    QList<Line> m_lines;
    // Whether the text ends with a line end (an empty text counts as one).
    bool m_finalNewline = true;
    // The line end new lines get: the file's last one.
    Ending m_newLine = Ending::Lf;
    QList<Definition> m_definitions;
    QList<Problem> m_problems;
};

} // namespace mailtls
