#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mailtls {

// Reads a log as a sequence of complete lines with their byte offsets, from a
// plain file, a gzip file (detected by its magic bytes, not its name) or standard
// input ("-"). Offsets count bytes of the uncompressed text, so a position means
// the same thing in "mail.log.1" and in "mail.log.1.gz".
class LogReader final
{
    Q_DECLARE_TR_FUNCTIONS(LogReader)

public:
    explicit LogReader(const QString &path);
    ~LogReader();
    LogReader(const LogReader &) = delete;
    LogReader &operator=(const LogReader &) = delete;

    bool open(QString *error);
    QString path() const { return m_path; }
    QString displayName() const;
    bool isCompressed() const { return m_gzip; }
    bool isStdin() const { return m_stdin; }
    // Modification time (UTC seconds) for year inference; now for standard input.
    std::int64_t modificationTime() const { return m_mtime; }

    // The next complete line (without its newline) and its offset. False at the
    // end, or on a read error (error() is then non-empty). A last line without a
    // newline is returned only when setIncludeUnterminated(true).
    bool nextLine(std::string_view &line, std::int64_t &offset);
    void setIncludeUnterminated(bool include) { m_includeUnterminated = include; }

    // Appends the next lines to `out` as the log has them (each with its "\n"
    // or "\r\n"): the lines nextLine() would return, at least one, and more
    // while `out` is shorter than `bytes` and fewer than `maxLines` were
    // appended (0: no limit). A piece of a runaway line or an unfinished last
    // line (it has no newline) is the last line appended. Lines whose newline is
    // already read are copied in one piece, without a look at each. Returns the
    // number of lines appended (0 at the end, or on a read error); `lastStart`
    // and `lastLength` say where the last one is in `out`, as nextLine() would
    // have returned it (without its newline).
    std::int64_t appendLines(std::string &out, std::size_t bytes, std::int64_t maxLines, std::size_t &lastStart,
                             std::size_t &lastLength);

    // Offset just past the last line returned (where a later read resumes).
    std::int64_t position() const { return m_position; }

    // Adds `by` to the offsets and positions of everything read from now on:
    // a file read as the continuation of another log, whose stream it joins
    // part way (LogImporter).
    void moveOffsets(std::int64_t by) { m_position += by; }
    // Reads nothing at or past this position (a line start): the rest of the
    // file is another log's, read before. -1: to the end.
    void setEnd(std::int64_t position) { m_end = position; }

    // Called with every line handed out from now on, by nextLine() and
    // appendLines(), in order and on the thread that reads (ParallelIngest's
    // reading thread): the line as nextLine() returns it, and the position just
    // past it. For the fingerprints of what an import reads: it must be quick
    // and must not use the reader. An empty function stops it.
    using LineTap = std::function<void(std::string_view line, std::int64_t end)>;
    void setLineTap(LineTap tap) { m_tap = std::move(tap); }
    // Bytes after position() that form an unfinished last line.
    std::int64_t unterminatedBytes() const;
    QString error() const { return m_error; }

    // Bytes read from the underlying file so far (compressed bytes for gzip), and
    // its size when known (-1 for standard input): for progress.
    std::int64_t rawBytesRead() const { return m_rawRead; }
    std::int64_t rawSize() const { return m_rawSize; }

private:
    bool fill();
    // Hands each line of text[0, length) (whole lines) to the tap; `end` is the
    // position just past the text.
    void tapLines(const char *text, std::size_t length, std::int64_t end) const;
    std::int64_t readRaw(char *into, std::int64_t max);

    QString m_path;
    QString m_error;
    int m_fd = -1;
    bool m_stdin = false;
    bool m_gzip = false;
    bool m_eof = false;
    bool m_includeUnterminated = false;
    std::int64_t m_end = -1;
    LineTap m_tap;
    std::int64_t m_mtime = 0;
    std::int64_t m_rawRead = 0;
    std::int64_t m_rawSize = -1;

    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;

    QByteArray m_buffer;           // text not yet returned, starting at m_bufferOffset
    std::int64_t m_bufferStart = 0;  // index in m_buffer of the first byte not yet returned
    std::int64_t m_bufferEnd = 0;
    std::int64_t m_position = 0;   // stream offset of m_buffer[m_bufferStart]
};

} // namespace mailtls
