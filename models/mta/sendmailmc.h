#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mailtls {

// A sendmail.mc (or a file it includes, such as Debian's
// /etc/mail/tls/starttls.m4) read the way m4 reads it, kept byte for byte so
// that an edit changes only what it must: comments, dnl lines, quoting,
// spacing, line ends (LF or CRLF), a missing final newline, NUL bytes and
// invalid UTF-8 all stay. The text is bytes, never decoded.
//
// How m4 reads it (GNU m4, default quotes ` and '): outside quotes, '#' starts
// a comment that runs to the end of the line and `dnl` deletes everything up
// to and including the next newline; a quoted string may nest and loses one
// level of quotes when read. Like Debian's own tools (update_tls, parse_mc),
// statements are recognised where a line starts with them (after blanks):
//
//   define(`NAME', `VALUE')dnl        the last define of a name wins
//   undefine(`NAME')dnl
//   include(`PATH')dnl, sinclude(`PATH')dnl
//   MAILER_DEFINITIONS, MAILER(`smtp')dnl   where new defines go before
//
// An argument may run over several lines and start with dnl (Debian's
// confPRIVACY_FLAGS). A statement in a line that starts inside quotes
// belongs to another macro's argument (Debian's starttls.m4 defines
// everything inside ifelse(sm_enable_tls, `yes', `...')): it is marked
// conditional. A value is literal when it is quoted text or plain
// characters; one that calls macros (defn(...), MAIL_SETTINGS_DIR) is not.
//
// Edits:
// - set(name, value) rewrites the value of the last define in place when this
//   file has one (and no undefine after it): only the value argument changes,
//   quoted as `value'. Otherwise a new line `define(`NAME', `VALUE')dnl` goes
//   after the undefine, else before the first MAILER_DEFINITIONS or MAILER(
//   line outside quotes, else at the end; a run of added lines is headed by
//   one AddedComment line. Setting the value a name has changes nothing.
// - setAfterLine() adds the define after a given line (to override a define
//   that a file included there makes).
class SendmailMc final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailMc)

public:
    static constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxLines = 100000;
    static constexpr char AddedComment[] = "dnl # Added by MailTLS";

    enum class Edit { Unchanged, Changed, Invalid };

    struct Statement
    {
        enum class Kind { Define, Undefine, Include };
        Kind kind = Kind::Define;
        // Define and Undefine: the macro name. Include: the path.
        QByteArray name;
        // Define: the value with one level of quotes removed (when literal).
        QByteArray value;
        bool literal = true; // name (and value) are plain text, no macro calls
        bool conditional = false; // inside another macro's quoted argument
        bool optional = false; // sinclude
        int line = 0; // 1-based line where it starts
        int endLine = 0; // 1-based line of its closing parenthesis
        // Byte offsets in text(): the statement from its name to its ')',
        // and the value argument (Define), leading blanks and dnl excluded.
        qsizetype start = 0;
        qsizetype end = 0;
        qsizetype valueStart = -1;
        qsizetype valueEnd = -1;
    };

    SendmailMc();

    // false with errorString() for a missing, unreadable, non-regular or too
    // large file (the document is then empty).
    bool load(const QString &path);
    // The same for bytes read elsewhere; the path only names the file in
    // messages.
    bool setText(const QByteArray &text, const QString &path = QString());

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    QByteArray text() const { return m_text; }
    QByteArray originalText() const { return m_original; }
    bool isModified() const { return m_text != m_original; }

    // Every statement, in file order.
    QList<Statement> statements() const { return m_statements; }
    QList<Statement> includes() const;
    // The last define or undefine of `name`.
    std::optional<Statement> last(const QByteArray &name) const;
    // The value the file leaves `name` with: its last define's, when that is
    // literal and not undefined afterwards.
    std::optional<QByteArray> value(const QByteArray &name) const;
    // Whether the file's quotes are still open at its end (m4 would read the
    // rest of the input as one string): the document is then not edited.
    bool hasUnbalancedQuotes() const { return m_unbalanced; }

    // Invalid (with errorString()) for a name that is not an m4 name, a value
    // m4 cannot take literally (a quote character, a line break, NUL), or a
    // document with unbalanced quotes.
    Edit set(const QByteArray &name, const QByteArray &value);
    // Adds a define of `name` after 1-based `line` (its line end), under an
    // AddedComment line, or at the end of the block of defines such a line
    // heads there already.
    Edit setAfterLine(int line, const QByteArray &name, const QByteArray &value);

    static bool isValidName(const QByteArray &name);
    static bool isValidValue(const QByteArray &value);
    // `define(`NAME', `VALUE')dnl`, without a line end.
    static QByteArray defineLine(const QByteArray &name, const QByteArray &value);

private:
    void parse();
    bool parseStatement(qsizetype at, int line, bool conditional);
    qsizetype lineStart(int line) const;
    QByteArray newLine() const;
    bool check(const QByteArray &name, const QByteArray &value);
    void insertAt(qsizetype offset, const QByteArray &name, const QByteArray &value, bool withComment);
    void fail(const QString &message);

    QString m_path;
    QString m_error;
    QByteArray m_original;
    QByteArray m_text;
    QList<Statement> m_statements;
    QList<qsizetype> m_lineStarts; // offset of each line's first byte
    // Lines (1-based) that start a top-level MAILER_DEFINITIONS or MAILER(.
    QList<int> m_mailerLines;
    bool m_unbalanced = false;
};

} // namespace mailtls
