#pragma once

#include <functional>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QByteArrayList>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"

namespace mailtls {

// A Dovecot configuration (dovecot.conf and every file it includes) read the
// way Dovecot 2.3 reads it, kept byte for byte so that an edit changes only
// the lines it must, in the file where the setting lives: comments, blank
// lines, order, spacing, line ends (LF or CRLF), a missing final newline, NUL
// bytes and invalid UTF-8 all stay as they were. The text is bytes, never
// decoded.
//
// How Dovecot reads it (src/config/config-parser.c): leading spaces and tabs
// are skipped; an empty line or one starting with '#' is skipped; elsewhere a
// '#' outside quotes starts a comment; trailing whitespace goes; a line
// ending in '\' continues on the next one (joined with a space; a comment or
// blank line in between drops what was gathered). A logical line is
// - `key = value`: `key = <path` names a file whose contents are the value,
//   `key = $other` a variable, a value in "" or '' is unquoted (a backslash
//   keeps the next character);
// - `!include PATTERN` / `!include_try PATTERN`: the files matching the glob
//   (with {a,b}; a relative pattern is relative to the including file's
//   folder) are read in place, in sorted order; a pattern that matches
//   nothing is an error for !include only, and a file including itself
//   through the chain is an error;
// - `type [name] {` opens a section (a filter such as `protocol imap` or
//   `local 192.0.2.1`, or a block such as `service imap-login`), `}` closes
//   it.
// A setting outside every section is global; when it is set more than once,
// the last one in reading order wins. A filter can set it again for its
// protocol or address.
//
// Edits:
// - set(key, raw) makes the global setting `key = raw`: the effective (last)
//   global definition is rewritten in place, in whatever file it is: the text
//   up to the value stays exactly as it was, and so does a comment after it;
//   a definition continued over several lines becomes one line. Earlier,
//   overridden definitions and the ones inside sections are left alone.
//   An absent key goes after its commented-out example (`#ssl_dh = …`, the
//   first one outside sections), with the comment's indentation; without one
//   it is appended, under the comment line AddedComment, to the file that
//   holds the last global setting of its family (the key up to its first
//   '_': Debian's conf.d/10-ssl.conf for ssl_*), else to the main file.
//   Setting what the key already reads as (the same kind, the same value)
//   changes nothing at all.
// - remove(key) deletes every global definition of the key (removing only
//   the last would bring an older one back into force); an AddedComment line
//   left heading nothing goes too, so set() then remove() of a new key gives
//   the original bytes back.
// Includes are resolved when the configuration is loaded; edits never add or
// remove one.
class DovecotConfig final
{
    Q_DECLARE_TR_FUNCTIONS(DovecotConfig)

public:
    // Per file; real configuration files are kilobytes.
    static constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxLines = 100000;
    // Distinct files, and files read in all (one may be included often).
    static constexpr int MaxFiles = 256;
    static constexpr int MaxReads = 2048;
    static constexpr char AddedComment[] = "# Added by MailTLS";

    enum class Edit { Unchanged, Changed, Invalid };
    enum class ValueKind {
        Plain, // key = value
        File, // key = <path: the file's contents
        Variable, // key = $other
    };

    struct Setting
    {
        QByteArray key;
        // As Dovecot reads it: unquoted, without the '<' or '$'.
        QByteArray value;
        ValueKind kind = ValueKind::Plain;
        QString path; // the file that sets it
        int line = 0; // 1-based, the first of its lines
        // The sections around it, outermost first: "protocol imap",
        // "service imap-login", "inet_listener imaps"; empty: global.
        QByteArrayList sections;

        bool isGlobal() const { return sections.isEmpty(); }
        // For ValueKind::File: the file, a relative path resolved against
        // the folder of `path` as Dovecot does.
        QString filePath() const;
        // The value as written after '=': "<path", "$name", or the value.
        QByteArray rawValue() const;
    };

    // Something Dovecot would refuse (it stops at the first), or a line it
    // silently drops.
    struct Problem
    {
        QString path;
        int line = 0; // 1-based; 0: the file as a whole
        QString message;
    };

    struct Change
    {
        QString path;
        QByteArray before;
        QByteArray after;
    };

    // Where load() takes the files from when they are not this computer's
    // (a configuration read on another host, or read ahead: see
    // DovecotConfigReader). A path is then its own name (no symbolic link is
    // resolved).
    struct Source
    {
        // The file's bytes, as ConfigFile::read answers.
        std::function<ConfigFile::Contents(const QString &path)> read;
        // The paths a glob pattern (with {a,b}) matches, as glob(3) orders
        // them, each with whether it is a folder.
        std::function<QList<std::pair<QString, bool>>(const QString &pattern)> glob;
    };

    DovecotConfig();

    // Reads `mainPath` and every file its includes name. False with
    // errorString() when the main file is missing, not a regular file,
    // unreadable or over MaxBytes / MaxLines; a broken include is a
    // problem(), not a failure.
    bool load(const QString &mainPath);
    // The same, the files taken from `source`.
    bool load(const QString &mainPath, const Source &source);

    QString mainPath() const { return m_mainPath; }
    QString errorString() const { return m_error; }
    // Every file read, in the order Dovecot first reads it.
    QStringList paths() const;
    bool contains(const QString &path) const;
    QByteArray text(const QString &path) const;
    QByteArray originalText(const QString &path) const;
    bool isModified() const;
    // The files whose text differs from what was read, in paths() order.
    QList<Change> changes() const;

    // The effective global setting; nothing when no global line sets it.
    std::optional<Setting> value(const QByteArray &key) const;
    // Every line that sets the key, global or in a section, in reading order.
    QList<Setting> definitions(const QByteArray &key) const;
    // The ones inside sections: they override the global value there.
    QList<Setting> sectionDefinitions(const QByteArray &key) const;
    QList<Problem> problems() const { return m_problems; }

    // Invalid (with errorString()) for a key that is not a setting name
    // (letters, digits, '_', '-'), a raw value with a line break or NUL, or
    // one Dovecot would read differently (a '#' comment, a trailing '\',
    // surrounding whitespace), or when there is no global place to put a
    // new line (unbalanced braces).
    Edit set(const QByteArray &key, const QByteArray &rawValue);
    Edit remove(const QByteArray &key);

    static bool isValidKey(const QByteArray &key);
    // How Dovecot reads the text after '=' (already cut at a comment and
    // trimmed): kind and value.
    static std::pair<ValueKind, QByteArray> readValue(const QByteArray &text);

private:
    enum class Ending : quint8 { None, Lf, CrLf };

    struct Line
    {
        QByteArray content; // without its line end
        Ending ending = Ending::Lf;
    };

    struct File
    {
        QString path;
        QByteArray original;
        QList<Line> lines;
        bool finalNewline = true;
        Ending newLine = Ending::Lf;
        // False (with `error`): a file an include names that cannot be read.
        bool readable = true;
        QString error;
    };

    // One setting line as read, with where its value sits.
    struct Definition
    {
        Setting setting;
        int file = -1;
        QList<int> lines; // 0-based physical lines, first to last
        // In the single physical line: where the value starts and ends
        // (before trailing whitespace and a comment); -1 when continued.
        qsizetype valueStart = -1;
        qsizetype valueEnd = -1;
    };

    // A commented-out example (`#ssl_dh = …`) outside sections.
    struct Example
    {
        QByteArray key;
        int file = -1;
        int line = -1;
    };

    // Where each file read ended: whether a global line may be appended there.
    struct FileEnd
    {
        int file = -1;
        bool global = false;
    };

    struct Walk;

    bool readFile(const QString &path, File *file, QString *error) const;
    int fileIndex(const QString &path, bool mayRead, bool *tooMany);
    // The same file under any name: its canonical path.
    QString fileKey(const QString &path) const;
    QStringList globMatches(const QString &pattern);
    void parse(bool mayRead);
    void parseFile(Walk &walk, int file);
    void parseLogical(Walk &walk, int file, const QList<int> &lines, const QByteArray &text, qsizetype base);
    const Definition *effective(const QByteArray &key) const;
    int appendTarget(const QByteArray &key) const;
    void fixLineEnds(File &file) const;
    void fail(const QString &message);

    QString m_mainPath;
    QString m_error;
    QList<File> m_files;
    QHash<QString, int> m_fileIndex;
    QHash<QString, QStringList> m_globs;
    QSet<QString> m_globFolders; // matches that are folders
    Source m_source; // set while load() reads from a Source
    bool m_fromSource = false;
    QList<int> m_order; // files in the order first read
    QList<Definition> m_definitions;
    QList<Example> m_examples;
    QList<FileEnd> m_fileEnds;
    QList<Problem> m_problems;
    bool m_loaded = false;
};

} // namespace mailtls
