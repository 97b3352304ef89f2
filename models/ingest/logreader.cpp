#include "models/ingest/logreader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QDateTime>
#include <QFile>

namespace mailtls {

namespace {
constexpr std::int64_t ChunkSize = 1 << 18;
// A line longer than this is cut into pieces rather than buffered without bound.
constexpr std::int64_t MaxLineLength = 1 << 20;

// Newlines in [text, text + n): sixteen bytes a step where SSE2 is there
// (every x86-64), counted in bytes for up to 255 steps at a time.
std::int64_t countNewlines(const char *text, std::size_t n)
{
    std::int64_t count = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    while (n >= 16) {
        const std::size_t steps = std::min<std::size_t>(n / 16, 255);
        __m128i counts = _mm_setzero_si128();
        for (std::size_t i = 0; i < steps; ++i) {
            const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text));
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(w, newline));
            text += 16;
        }
        const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
        count += _mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
        n -= steps * 16;
    }
#endif
    return count + std::count(text, text + n, '\n');
}

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}
} // namespace

struct LogReader::Inflater
{
    z_stream stream{};
    QByteArray input;
    bool initialised = false;
    bool finished = false;   // the last gzip member ended and no more input follows
    ~Inflater()
    {
        if (initialised)
            inflateEnd(&stream);
    }
};

LogReader::LogReader(const QString &path)
    : m_path(path)
{
}

LogReader::~LogReader()
{
    if (m_fd >= 0 && !m_stdin)
        ::close(m_fd);
}

QString LogReader::displayName() const
{
    return m_stdin ? QStringLiteral("<stdin>") : m_path;
}

bool LogReader::open(QString *error)
{
    m_stdin = m_path == QLatin1String("-");
    if (m_stdin) {
        m_fd = STDIN_FILENO;
        m_mtime = QDateTime::currentSecsSinceEpoch();
    } else {
        const QByteArray native = QFile::encodeName(m_path);
        m_fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) {
            *error = tr("%1: cannot open: %2").arg(m_path, systemError(errno));
            return false;
        }
        struct stat st{};
        if (::fstat(m_fd, &st) != 0) {
            *error = tr("%1: cannot read: %2").arg(m_path, systemError(errno));
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            *error = tr("%1: is a directory, not a log file").arg(m_path);
            return false;
        }
        m_mtime = st.st_mtime;
        m_rawSize = S_ISREG(st.st_mode) ? std::int64_t(st.st_size) : -1;
    }

    // Sniff the first bytes for gzip's magic number.
    QByteArray head(2, Qt::Uninitialized);
    std::int64_t got = 0;
    while (got < 2) {
        const ssize_t n = ::read(m_fd, head.data() + got, size_t(2 - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = tr("%1: cannot read: %2").arg(displayName(), systemError(errno));
            return false;
        }
        if (n == 0)
            break;
        got += n;
    }
    head.truncate(got);
    m_rawRead = got;
    m_gzip = got == 2 && uchar(head[0]) == 0x1f && uchar(head[1]) == 0x8b;
    if (m_gzip) {
        m_inflater = std::make_unique<Inflater>();
        // 16 + MAX_WBITS: gzip wrapper only.
        if (inflateInit2(&m_inflater->stream, 16 + MAX_WBITS) != Z_OK) {
            *error = tr("%1: cannot start gzip decompression").arg(displayName());
            return false;
        }
        m_inflater->initialised = true;
        m_inflater->input = head;
    } else {
        m_buffer = head;
        m_bufferEnd = head.size();
    }
    return true;
}

std::int64_t LogReader::readRaw(char *into, std::int64_t max)
{
    for (;;) {
        const ssize_t n = ::read(m_fd, into, size_t(max));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_error = tr("%1: read error: %2").arg(displayName(), systemError(errno));
            return -1;
        }
        m_rawRead += n;
        return n;
    }
}

// Appends more text to the buffer. False when nothing more can come.
bool LogReader::fill()
{
    if (m_eof)
        return false;
    // Drop what has been returned already, so the buffer holds at most one
    // unfinished line plus one chunk.
    if (m_bufferStart > 0) {
        m_buffer.remove(0, m_bufferStart);
        m_bufferEnd -= m_bufferStart;
        m_bufferStart = 0;
    }
    if (!m_gzip) {
        m_buffer.resize(m_bufferEnd + ChunkSize);
        const std::int64_t n = readRaw(m_buffer.data() + m_bufferEnd, ChunkSize);
        if (n <= 0) {
            m_buffer.resize(m_bufferEnd);
            m_eof = true;
            return false;
        }
        m_bufferEnd += n;
        m_buffer.resize(m_bufferEnd);
        return true;
    }

    Inflater &z = *m_inflater;
    const std::int64_t before = m_bufferEnd;
    while (m_bufferEnd == before) {
        if (z.stream.avail_in == 0 && z.input.isEmpty()) {
            z.input.resize(ChunkSize);
            const std::int64_t n = readRaw(z.input.data(), ChunkSize);
            if (n < 0) {
                m_eof = true;
                return false;
            }
            z.input.resize(n);
            if (n == 0) {
                if (!z.finished)
                    m_error = tr("%1: the gzip data ends early (the file is truncated or "
                                             "still being written)").arg(displayName());
                m_eof = true;
                return false;
            }
        }
        if (z.stream.avail_in == 0) {
            z.stream.next_in = reinterpret_cast<Bytef *>(z.input.data());
            z.stream.avail_in = uInt(z.input.size());
        }
        m_buffer.resize(m_bufferEnd + ChunkSize);
        z.stream.next_out = reinterpret_cast<Bytef *>(m_buffer.data() + m_bufferEnd);
        z.stream.avail_out = uInt(ChunkSize);
        const int rc = inflate(&z.stream, Z_NO_FLUSH);
        m_bufferEnd += ChunkSize - z.stream.avail_out;
        m_buffer.resize(m_bufferEnd);
        if (z.stream.avail_in == 0)
            z.input.clear();
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members (as `cat a.gz b.gz` makes) are one stream.
            z.finished = true;
            inflateReset(&z.stream);
            continue;
        }
        if (rc == Z_BUF_ERROR && z.stream.avail_in == 0)
            continue;   // needs more input
        if (rc != Z_OK) {
            m_error = tr("%1: unreadable gzip data: %2")
                          .arg(displayName(),
                               QString::fromLatin1(z.stream.msg ? z.stream.msg : "corrupt stream"));
            m_eof = true;
            return m_bufferEnd > before;
        }
        z.finished = false;
    }
    return true;
}

bool LogReader::nextLine(std::string_view &line, std::int64_t &offset)
{
    for (;;) {
        if (m_end >= 0 && m_position >= m_end)
            return false;
        const char *begin = m_buffer.constData() + m_bufferStart;
        const std::int64_t avail = m_end >= 0 ? std::min(m_bufferEnd - m_bufferStart, m_end - m_position)
                                              : m_bufferEnd - m_bufferStart;
        const void *nl = avail > 0 ? std::memchr(begin, '\n', size_t(avail)) : nullptr;
        if (nl) {
            const std::int64_t len = static_cast<const char *>(nl) - begin;
            line = std::string_view(begin, size_t(len));
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            offset = m_position;
            m_bufferStart += len + 1;
            m_position += len + 1;
            if (m_tap)
                m_tap(line, m_position);
            return true;
        }
        if (avail >= MaxLineLength) {
            // A runaway line: hand it out in pieces so memory stays bounded.
            line = std::string_view(begin, size_t(MaxLineLength));
            offset = m_position;
            m_bufferStart += MaxLineLength;
            m_position += MaxLineLength;
            if (m_tap)
                m_tap(line, m_position);
            return true;
        }
        if (!fill()) {
            if (m_includeUnterminated && avail > 0 && m_error.isEmpty()) {
                begin = m_buffer.constData() + m_bufferStart;
                line = std::string_view(begin, size_t(avail));
                offset = m_position;
                m_bufferStart += avail;
                m_position += avail;
                if (m_tap)
                    m_tap(line, m_position);
                return true;
            }
            return false;
        }
    }
}

std::int64_t LogReader::appendLines(std::string &out, std::size_t bytes, std::int64_t maxLines,
                                    std::size_t &lastStart, std::size_t &lastLength)
{
    std::int64_t appended = 0;
    for (;;) {
        const char *begin = m_buffer.constData() + m_bufferStart;
        const std::size_t avail = std::size_t(m_end >= 0 ? std::max<std::int64_t>(0, std::min(m_bufferEnd - m_bufferStart, m_end - m_position))
                                                         : m_bufferEnd - m_bufferStart);
        // Whole lines in the buffer, up to the one that takes `out` to `bytes`:
        // exactly what nextLine() would return one by one, since it reads more
        // only when the buffer holds no newline.
        const std::size_t wanted = out.size() < bytes ? bytes - out.size() : 1;
        const void *end = nullptr;
        if (wanted <= avail)
            end = std::memchr(begin + wanted - 1, '\n', avail - (wanted - 1));
        if (!end && avail > 0)
            end = memrchr(begin, '\n', avail);
        if (end) {
            std::size_t length = std::size_t(static_cast<const char *>(end) - begin) + 1;
            std::int64_t lines = countNewlines(begin, length);
            if (maxLines > 0 && appended + lines > maxLines) {
                // The line count ends before: at the newline of the last line allowed.
                lines = maxLines - appended;
                const char *nl = begin - 1;
                for (std::int64_t i = 0; i < lines; ++i)
                    nl = static_cast<const char *>(std::memchr(nl + 1, '\n', avail - std::size_t(nl + 1 - begin)));
                length = std::size_t(nl - begin) + 1;
            }
            const std::size_t at = out.size();
            out.append(begin, length);
            m_bufferStart += std::int64_t(length);
            m_position += std::int64_t(length);
            if (m_tap)
                tapLines(out.data() + at, length, m_position);
            appended += lines;
            // The last line, as nextLine() returns it: without "\n" and a "\r" before it.
            std::size_t lineEnd = at + length - 1;
            const void *previous = memrchr(out.data() + at, '\n', lineEnd - at);
            lastStart = previous ? std::size_t(static_cast<const char *>(previous) - out.data()) + 1 : at;
            if (lineEnd > lastStart && out[lineEnd - 1] == '\r')
                --lineEnd;
            lastLength = lineEnd - lastStart;
            if (out.size() >= bytes || (maxLines > 0 && appended == maxLines))
                return appended;
            continue;
        }

        // No newline in the buffer: one line the way nextLine() reads it (more
        // text, a runaway line's piece, an unfinished last line, the end).
        std::string_view line;
        std::int64_t offset = 0;
        if (!nextLine(line, offset))
            return appended;
        const std::int64_t terminator = m_position - offset - std::int64_t(line.size());
        lastStart = out.size();
        lastLength = line.size();
        out.append(line);
        out.append(terminator == 2 ? "\r\n" : "\n", std::size_t(terminator));
        ++appended;
        if (terminator == 0 || out.size() >= bytes || (maxLines > 0 && appended == maxLines))
            return appended;
    }
}

void LogReader::tapLines(const char *text, std::size_t length, std::int64_t end) const
{
    std::int64_t position = end - std::int64_t(length);
    std::size_t start = 0;
    while (start < length) {
        const void *nl = std::memchr(text + start, '\n', length - start);
        const std::size_t next = nl ? std::size_t(static_cast<const char *>(nl) - text) + 1 : length;
        std::string_view line(text + start, next - start);
        if (nl) {
            line.remove_suffix(1);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
        }
        position += std::int64_t(next - start);
        m_tap(line, position);
        start = next;
    }
}

std::int64_t LogReader::unterminatedBytes() const
{
    if (m_end >= 0 && m_position >= m_end)
        return 0;
    return m_bufferEnd - m_bufferStart;
}

} // namespace mailtls
