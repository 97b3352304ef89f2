#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace mailtls {

// One Exim runtime configuration file (or one piece of Debian's: the
// template, a conf.d/main file, exim4.conf.localmacros) read the way Exim
// reads its main section (spec chapter 6), kept byte for byte so that an edit
// changes only the lines it must: comments, blank lines, order, spacing, line
// ends (LF or CRLF), a missing final newline, NUL bytes and invalid UTF-8 all
// stay. The text is bytes, never decoded.
//
// How Exim reads it: leading and trailing whitespace of a line is ignored; a
// line whose first non-whitespace character is '#' is a comment, an empty
// one is blank. A non-comment line ending with '\' continues on the next
// line: the backslash goes, the next line's leading whitespace goes, the
// two are joined without a space; comment lines in between are skipped, a
// blank line ends the sequence. The main section is everything before the
// first "begin NAME" line; in it a line that starts with an upper-case
// letter defines a macro ("NAME = text", or "NAME == text" to redefine one),
// ".ifdef", ".ifndef", ".elifdef", ".elifndef", ".else", ".endif" skip parts,
// ".include" pulls in a file, and any other line sets an option
// ("[hide] name = value", or a bare boolean "name" / "no_name").
//
// Conditions are evaluated as far as this file can tell: a macro counts as
// defined when an earlier active line of this file, or an earlier file
// (setPredefinedMacros), defines it; a name starting with '_' is one of
// Exim's builtin macros and its branch is Unknown.
//
// Edits work on the main section only and keep every other byte:
// - setValueAt() rewrites one setting's value in place: the text up to and
//   including '=' (and the spacing after it) stays, a setting over several
//   lines becomes one line, comment lines that sat between its lines stay.
// - setOption() / setMacro() do that for every setting of the name (for a
//   macro: every "=" definition; "==" redefinitions are left alone), or add
//   "name = value" after the main section's last setting, under a comment
//   line AddedComment (one comment for a run of added settings).
// - removeOption() / removeMacro() delete every setting of the name with
//   their continuation lines; an AddedComment left heading nothing goes too,
//   so that adding then removing a setting gives the original bytes back.
// Setting the value a setting already has (whitespace runs compared as one
// space) changes nothing at all.
class EximConfig final
{
    Q_DECLARE_TR_FUNCTIONS(EximConfig)

public:
    static constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxLines = 100000;
    static constexpr char AddedComment[] = "# Added by MailTLS";

    enum class Edit { Unchanged, Changed, Invalid };
    enum class Kind { Option, Macro };
    // Whether a line is read by Exim, as far as the macros known here tell.
    enum class Activity { Active, Inactive, Unknown };

    struct Setting
    {
        Kind kind = Kind::Option;
        QByteArray name; // "tls_dhparam", "no_queue_only", "MAIN_TLS_ENABLE"
        QByteArray value; // continuation lines joined, trimmed; macros not substituted
        bool hasValue = false; // false for a bare boolean option
        bool redefinition = false; // "NAME == text"
        bool hidden = false; // "hide name = value"
        int line = 0; // 1-based first line
        int lastLine = 0; // 1-based last line (its last continuation)
        Activity activity = Activity::Active;
        // The enclosing conditions, outermost first: "ifdef MAIN_TLS_ENABLE",
        // "else ifdef MAIN_TLS_CERTKEY", "ifndef MAIN_TLS_CERTIFICATE".
        QList<QByteArray> conditions;

        // Inside ".ifndef NAME": a default that a definition elsewhere replaces.
        bool isDefaultOf(const QByteArray &macro) const;
    };

    struct Problem
    {
        int line = 0;
        QString message;
    };

    EximConfig();

    // Macros defined before this file is read (by earlier files of Debian's
    // layout); the settings' activity is evaluated again.
    void setPredefinedMacros(const QSet<QByteArray> &names);

    // Reads `path`; false with errorString() when it is missing, not a
    // regular file, unreadable, or over MaxBytes / MaxLines.
    bool load(const QString &path);
    bool setText(const QByteArray &text, const QString &path = QString());

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    QByteArray text() const;
    QByteArray originalText() const { return m_original; }
    bool isModified() const { return text() != m_original; }

    // Every option and macro setting of the main section, in order.
    QList<Setting> settings() const { return m_settings; }
    QList<Setting> options(const QByteArray &name) const;
    QList<Setting> macros(const QByteArray &name) const;
    // The macros defined by the end of this file (predefined ones included),
    // counting active and unknown lines.
    QSet<QByteArray> definedMacros() const { return m_defined; }
    // Whether the file has a "begin" line (a whole configuration, not a piece
    // of Debian's main section).
    bool hasSections() const { return m_beginLine >= 0; }
    QList<Problem> problems() const { return m_problems; }

    Edit setValueAt(int line, const QByteArray &value);
    Edit setOption(const QByteArray &name, const QByteArray &value);
    Edit setMacro(const QByteArray &name, const QByteArray &value);
    Edit removeOption(const QByteArray &name);
    Edit removeMacro(const QByteArray &name);

    // Lower-case letters, digits and '_' (what Exim accepts as an option name).
    static bool isOptionName(const QByteArray &name);
    // An upper-case letter, then letters, digits and '_'.
    static bool isMacroName(const QByteArray &name);
    static QByteArray normalized(const QByteArray &value);

private:
    enum class Ending : quint8 { None, Lf, CrLf };

    struct Line
    {
        QByteArray content;
        Ending ending = Ending::None;
    };

    // Where a setting's value starts: its first line, and the offset just
    // after '=' (-1 for a bare boolean option).
    struct Place
    {
        QList<int> lines; // 0-based: the first and its continuation lines
        qsizetype equalsEnd = -1;
    };

    void parse();
    void parseSetting(const QList<int> &members, const QList<Activity> &stack, const QList<QByteArray> &conditions);
    bool validValue(const QByteArray &name, const QByteArray &value);
    Edit setAll(Kind kind, const QByteArray &name, const QByteArray &value);
    Edit removeAll(Kind kind, const QByteArray &name);
    void append(const QByteArray &line);
    int insertionPoint() const;
    void fixLineEnds();
    void fail(const QString &message);

    QString m_path;
    QString m_error;
    QByteArray m_original;
    QList<Line> m_lines;
    bool m_finalNewline = true;
    Ending m_newLine = Ending::Lf;
    QSet<QByteArray> m_predefined;
    QSet<QByteArray> m_defined;
    QList<Setting> m_settings;
    QList<Place> m_places; // parallel to m_settings
    QList<Problem> m_problems;
    int m_beginLine = -1; // 0-based
};

} // namespace mailtls
