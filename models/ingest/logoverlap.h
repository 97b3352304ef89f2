#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/store/sourcerecord.h"

namespace mailtls {

class LogReader;
class TrafficStore;

// Finds which lines of a file were read before, by their content, so that an
// import never counts a line twice. What it recognises ("overlap"):
//
//   A file overlaps a log read before (a source in the store) when a run of
//   its lines, one after another and whole, are that log's lines one after
//   another, and the run reaches the file's start or end and that log's start
//   or end. So either
//   - the file begins with lines of that log (match()): it ends inside that
//     log (it is contained: an identical copy, a plain and a gzip copy, a copy
//     taken earlier, an excerpt, a log's last lines) or goes on past that log's
//     end (it continues it: a longer version of the log, a later excerpt that
//     begins inside it), and what follows that log's end may again be a log
//     read before (a file made of several logs one after another); or
//   - that log begins inside the file (embedded(), at a first line LogSet found
//     while reading the file ahead): the file holds all of it (an excerpt read
//     before the whole log; LogImporter takes that log back and counts its
//     lines in the file), or the file ends inside it (the end of an older log
//     and the start of a newer one, read before; LogImporter reads the file up
//     to that log's first line).
//
// How: every line an import reads is kept in the store as a 32-bit fingerprint
// (LineFingerprint), with the times of each log's first and last stamped lines.
// The file's first line is looked for among the fingerprints of the logs whose
// time span holds its stamp (a day's grace), and by the SHA-256 of a log's first
// line (its identity); each place found is followed line by line; a place
// counts once two lines agree (one 32-bit fingerprint alone could agree by
// chance), or the identity agrees. Where a run reaches a log's end, the line
// there must have the SHA-256 the store keeps for that log's last line. A log
// imported before the store kept fingerprints is recognised only from its first
// line, as before: by the SHA-256 of the line at its read position.
//
// Not recognised: lines read before in a run that begins neither at the
// file's first line nor at a log's first line (a piece from the middle of a
// log read before inside another file; a log merged from two servers). Such a
// file is read as a log of its own, unless it begins with lines read before
// and then differs (Differs): it is then refused.
//
// A separate check, subset(), tells a file whose every line is in the logs
// read before, in order but not one after another: Debian's mail.warn.
class LogOverlap final
{
    Q_DECLARE_TR_FUNCTIONS(LogOverlap)

public:
    // A run of the file's lines found in a log read before.
    struct Segment
    {
        qint64 sourceId = -1;
        QString sourceName;
        qint64 fromLine = 0;      // the log's line number (0-based) of the run's first line
        qint64 lines = 0;
    };

    struct Result
    {
        enum class Kind {
            New,        // its first line was not read before
            Contained,  // every line was read before
            Continues,  // read before up to `source`'s end; the rest goes on from there
            Differs,    // it begins with lines read before but then differs
            Postpone,   // what follows a log read before is the first line of `pendingPath`
        };
        Kind kind = Kind::New;
        QList<Segment> segments;        // what was found, in the file's order
        qint64 linesKnown = 0;          // the file's lines that were read before

        // Continues: the log it continues, the first line of the rest (as read,
        // with its offset in the file), the amount to add to the file's offsets
        // to get that log's, and the year inference state just before the rest.
        SourceRecord source;
        std::string line;
        std::int64_t offset = 0;
        std::int64_t shift = 0;
        LinePrefixParser::YearState restYears;
        // New and Continues: the reader has read past `line` (the first line
        // for New): open the file again and read up to it.
        bool reopen = false;

        // Differs: where; Postpone: the file to read first.
        QString detail;
        QString pendingPath;
        // The first place its first line was found (for subset()).
        std::optional<Segment> start;
    };

    using Progress = std::function<void(qint64 lines)>;

    LogOverlap(TrafficStore &store, const QTimeZone &zone, std::function<bool()> cancelled = {});

    // The files of this import still to be read, by identity.
    void setPending(QHash<QString, QString> pendingByIdentity) { m_pending = std::move(pendingByIdentity); }

    // `reader` has returned the file's first line (`firstLine`, at offset 0) and
    // nothing more; its stamps have the years `referenceTime` gives. Reads on
    // as far as the file's lines are known. `identityOnly`: the file cannot be
    // read again (standard input), so look only for a log with the same first line.
    bool match(LogReader &reader, std::string firstLine, qint64 referenceTime, bool identityOnly,
               Result *result, QString *error, const Progress &progress = {});

    // What the file at `path` holds from `offset` on (where the first line of the
    // log `known`, read before, was found in it).
    struct Embedded
    {
        enum class Kind {
            None,        // only that line agrees: not that log
            Holds,       // all of that log's lines, one after another
            EndsInside,  // the file ends inside that log: its lines from `offset` were read before
            Differs,     // that log's first lines, then others
        };
        Kind kind = Kind::None;
        qint64 lines = 0;        // of the file from `offset`, agreeing
        QString detail;
    };
    bool embedded(const QString &path, qint64 offset, const SourceRecord &known, Embedded *result, QString *error);

    // Whether every line of the file at `path` is in the logs read before, in
    // order, from `start` on (through the logs that follow it in time); the
    // name of the log it was found in.
    bool subset(const QString &path, const Segment &start, QString *foundIn, QString *error);

    bool cancelled() const { return m_cancelled && m_cancelled(); }

private:
    struct Candidate;
    struct Cursor;

    bool loadSources(QString *error);
    // Places where `line` (stamped at `time`, if known) is a line of a log read before.
    bool candidates(const std::string &line, std::optional<qint64> time, bool identityOnly,
                    std::vector<Candidate> *out, QString *error);

    TrafficStore &m_store;
    QTimeZone m_zone;
    std::function<bool()> m_cancelled;
    QHash<QString, QString> m_pending;
    QList<SourceRecord> m_sources;   // imported logs, ordered by first time
    bool m_loaded = false;
};

} // namespace mailtls
