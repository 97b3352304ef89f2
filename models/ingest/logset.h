#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include <QCoreApplication>
#include <QList>
#include <QMultiHash>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace mailtls {

// The logs of one import as they sit on disk, put in the order they were
// written: the rotated files of a log in any order (`mail.log`, `mail.log.1`,
// `mail.log.2.gz`, Postfix's `postfix.log.20250105-062501.gz`, Exim's
// `mainlog.01`, `mainlog-20250105.gz`), copies, and files of other logs.
//
// Order: oldest first by what the files hold, the time of each file's first
// stamped line; on a tie (a copy, a file and its compressed copy), the older
// rotation first (`.2` before `.1` before a file without a rotation suffix; an
// earlier date first), then the order given. Debian's `mail.info`, `mail.warn` and `mail.err` (which
// repeat lines of `mail.log`) come after every other file, so that the
// `mail.log` they are compared with is read by then; standard input comes
// after them, and files not read at all (given twice, compressed otherwise than
// with gzip) are listed last.
//
// Years (COUNTING.md, "Time"): classic stamps carry none. A file's last stamp
// takes the year that puts it at or before the file's rotation time (the time
// a dated rotation suffix names, else its modification time, a day's grace
// for clocks and zones), and the year steps back once for each New Year the
// file's stamps run through (a month that runs backwards, as LinePrefixParser
// counts them). So every file is read whole once before the import to count
// those (gzip too); a log read before keeps the year its first line was read
// in (`known`), and is not read ahead. referenceTime then makes a
// LinePrefixParser give the first stamp that year, and the parser steps
// forward at each New Year from there.
class LogSet final
{
    Q_DECLARE_TR_FUNCTIONS(LogSet)

public:
    // What a file's name says about its place among the files of its log.
    struct RotationName
    {
        enum class Kind {
            Live,      // no rotation suffix
            Numbered,  // .1, .2.gz, .01 (Exim's exicyclog)
            Dated,     // -20250105, .20250105-062501 (Postfix), -2025-01-05
        };
        QString family;        // folder and name without rotation or .gz suffix
        Kind kind = Kind::Live;
        int number = 0;        // Numbered: 1 is the newest rotated file
        std::optional<qint64> rotatedAt;   // Dated: the rotation time the name gives (UTC)
        bool mailLogSubset = false;        // Debian's mail.info, mail.warn, mail.err
    };
    static RotationName parseName(const QString &path, const QTimeZone &zone);

    struct File
    {
        QString path;                 // as given; "-" is standard input
        int argument = 0;             // its place among the files given
        RotationName rotation;
        qint64 modified = 0;          // UTC seconds (now for standard input)
        qint64 rotatedAt = 0;         // the name's rotation time, else `modified`
        qint64 rawSize = -1;          // on disk; -1 when unknown
        bool compressed = false;      // gzip (by its magic bytes)
        QString identity;             // of its first line (identityOf); empty: empty file, standard input
        std::optional<qint64> firstTime;   // of its first stamped line, UTC, year decided
        std::optional<qint64> lastTime;    // of its last stamped line, when read whole
        qint64 referenceTime = 0;     // LinePrefixParser reference: firstTime's year for its first stamp
        qint64 lines = -1;            // when read whole
        qint64 textBytes = -1;        // uncompressed, when read whole
        QString skipped;              // why it is not read at all; empty when it is read
        QString duplicateOf;          // the same file given earlier
        // The first lines of other logs found inside it, after its own first
        // line (read whole only): logs read before, and files of this set.
        struct Embedded
        {
            qint64 offset = 0;
            qint64 line = 0;          // 0-based
            QString identity;
        };
        QList<Embedded> embedded;

        bool isStdin() const { return path == QLatin1String("-"); }
    };

    // The identity a log is known by in the store: the hash of its first line.
    static QString identityOf(std::string_view firstLine);

    // The stored time of the first line of a log read before (nullopt: not read
    // before, or read by a MailTLS that did not keep it).
    using Known = std::function<std::optional<qint64>(const QString &identity)>;
    // The first lines of the logs read before: fingerprint -> identity.
    using FirstLines = QMultiHash<std::uint32_t, QString>;
    // Bytes of the file numbered `index` read so far, for progress.
    using Progress = std::function<void(int index, qint64 rawDone)>;

    explicit LogSet(const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Looks at each file (its name, its first lines, and all of it when its
    // years must be counted) and puts them in order. False with a message
    // naming the file when one cannot be opened or read; a file skipped for a
    // reason of its own (given twice, compressed with something other than gzip)
    // is kept with `skipped` set. Stops early (true, cancelled()) when `cancel`
    // is set.
    bool scan(const QStringList &paths, const Known &known, QString *error,
              const std::function<bool()> &cancelled = {}, const Progress &progress = {},
              const FirstLines &knownFirstLines = {});

    // In reading order.
    const QList<File> &files() const { return m_files; }
    bool cancelled() const { return m_cancelled; }
    // Sum of rawSize over the files read (those with a known size).
    qint64 rawTotal() const;

    // Moves files()[from] to just after files()[after] (a file that holds the
    // beginning of a later one is read after it).
    void moveAfter(int from, int after);

    // Whether files()[index] begins where a log was rotated (its name has a
    // rotation suffix, or it is the live file of a log whose rotated files are
    // in the set): what runs into its first line belongs before that boundary.
    bool beginsAtRotation(int index) const;

    // How the order was chosen, for the summary.
    static QString orderDescription();

private:
    // The file's name, compression and first line.
    bool inspectHead(File &file, QString *error, std::uint32_t *firstFingerprint);
    // All of it: the years of its stamps and the first lines of other logs in it.
    bool readWhole(File &file, const FirstLines &firstLines, QString *error,
                   const std::function<bool()> &cancelled, const std::function<void(qint64)> &progress);
    void sort();

    QTimeZone m_zone;
    QList<File> m_files;
    bool m_cancelled = false;
};

} // namespace mailtls
