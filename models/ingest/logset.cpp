#include "models/ingest/logset.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "models/ingest/linefingerprint.h"
#include "models/ingest/logreader.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/logline.h"

namespace mailtls {

namespace {

// Clocks and zones: a stamp up to a day after the file's rotation time is
// taken as written before it.
constexpr qint64 graceSeconds = 86400;
// The first stamp is looked for in this many lines at the head of a file.
constexpr int headLines = 4096;
// Lines whose first bytes equal the line before's hold the same month (classic
// stamps, with or without a "<PRI>"), so year inference needs only the others.
constexpr std::size_t sameHeadBytes = 10;
// Other logs' first lines noted in one file, at most.
constexpr qsizetype maxEmbedded = 64;

// Compressions LogReader does not read, by their magic bytes.
struct Magic
{
    const char *bytes;
    std::size_t length;
    const char *name;
    const char *tool;
};
constexpr Magic unreadable[] = {
    {"BZh", 3, "bzip2", "bunzip2 -k"},
    {"\xFD" "7zXZ\x00", 6, "xz", "unxz -k"},
    {"\x28\xB5\x2F\xFD", 4, "zstd", "unzstd"},
    {"\x04\x22\x4D\x18", 4, "lz4", "unlz4"},
    {"\x1F\x9D", 2, "compress", "uncompress"},
    {"PK\x03\x04", 4, "zip", "unzip"},
    {"7z\xBC\xAF\x27\x1C", 6, "7-Zip", "7z x"},
};

bool sameHead(std::string_view line, const std::string &head)
{
    const std::size_t n = std::min(line.size(), sameHeadBytes);
    return n == head.size() && std::memcmp(line.data(), head.data(), n) == 0;
}

// `utc`'s local date and time in `zone` with the year set to `year` (Feb 29
// becomes Feb 28 in other years).
qint64 withYear(qint64 utc, int year, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(utc, zone);
    return local.addYears(year - local.date().year()).toSecsSinceEpoch();
}

int yearOf(qint64 utc, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(utc, zone).date().year();
}

std::optional<qint64> localTime(int year, int month, int day, int hour, int minute, int second,
                                const QTimeZone &zone)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime at(date, time, zone);
    if (!at.isValid())
        return std::nullopt;
    return at.toSecsSinceEpoch();
}

} // namespace

LogSet::LogSet(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

QString LogSet::identityOf(std::string_view firstLine)
{
    const QByteArray hash = QCryptographicHash::hash(QByteArrayView(firstLine.data(), qsizetype(firstLine.size())),
                                                     QCryptographicHash::Sha256);
    return QStringLiteral("log:sha256:") + QString::fromLatin1(hash.toHex());
}

QString LogSet::orderDescription()
{
    return tr("oldest first, by the time of the first stamped line in each; on a tie the older rotation "
              "(.2 before .1 before a file without a rotation suffix, an earlier date first), then the order given");
}

LogSet::RotationName LogSet::parseName(const QString &path, const QTimeZone &zone)
{
    RotationName name;
    const QFileInfo info(path);
    QString base = info.fileName();
    if (base.endsWith(QLatin1String(".gz")))
        base.chop(3);

    // Postfix's "%Y%m%d-%H%M%S" (maillog_file_rotate_suffix), logrotate's
    // dateext ("-%Y%m%d", maybe with an hour or seconds) and "-%Y-%m-%d".
    static const QRegularExpression dated(QStringLiteral(
        "^(.+?)[.\\-_](\\d{4})-?(\\d{2})-?(\\d{2})(?:[-_T]?(\\d{2})(\\d{2})?(\\d{2})?)?$"));
    static const QRegularExpression numbered(QStringLiteral("^(.+)\\.(\\d{1,4})$"));
    const QRegularExpressionMatch date = dated.match(base);
    QRegularExpressionMatch number;
    if (date.hasMatch()) {
        const int year = date.captured(2).toInt();
        const int month = date.captured(3).toInt();
        const int day = date.captured(4).toInt();
        const bool hasClock = !date.captured(5).isEmpty();
        // A date alone: the rotation happened that day, so its lines are older
        // than the day's end.
        const std::optional<qint64> at = hasClock
            ? localTime(year, month, day, date.captured(5).toInt(), date.captured(6).toInt(),
                        date.captured(7).toInt(), zone)
            : localTime(year, month, day, 23, 59, 59, zone);
        if (at && year >= 1990) {
            name.kind = RotationName::Kind::Dated;
            name.rotatedAt = at;
            base = date.captured(1);
        }
    }
    if (name.kind == RotationName::Kind::Live && (number = numbered.match(base)).hasMatch()) {
        name.kind = RotationName::Kind::Numbered;
        name.number = number.captured(2).toInt();
        base = number.captured(1);
    }
    name.mailLogSubset = base == QLatin1String("mail.info") || base == QLatin1String("mail.warn")
        || base == QLatin1String("mail.err");
    name.family = info.absoluteDir().filePath(base);
    return name;
}

bool LogSet::scan(const QStringList &paths, const Known &known, QString *error,
                  const std::function<bool()> &cancelled, const Progress &progress,
                  const FirstLines &knownFirstLines)
{
    m_files.clear();
    m_cancelled = false;
    struct Seen
    {
        dev_t device;
        ino_t inode;
        QString path;
    };
    std::vector<Seen> seen;
    for (int i = 0; i < paths.size(); ++i) {
        File file;
        file.path = paths.at(i);
        file.argument = i;
        if (!file.isStdin()) {
            struct stat st{};
            const QByteArray native = QFile::encodeName(file.path);
            if (::stat(native.constData(), &st) == 0) {
                const auto twice = std::find_if(seen.begin(), seen.end(), [&](const Seen &s) {
                    return s.device == st.st_dev && s.inode == st.st_ino;
                });
                if (twice != seen.end()) {
                    file.duplicateOf = twice->path;
                    file.skipped = tr("%1: the same file as %2, given twice: read once")
                                       .arg(file.path, twice->path);
                } else {
                    seen.push_back({st.st_dev, st.st_ino, file.path});
                }
            }
        }
        m_files.append(file);
    }

    // First the heads: the first lines of this set's files are looked for in
    // every file, as those of the logs read before are.
    FirstLines firstLines = knownFirstLines;
    std::vector<bool> readAhead(std::size_t(m_files.size()), false);
    for (int i = 0; i < m_files.size(); ++i) {
        File &file = m_files[i];
        if (!file.skipped.isEmpty())
            continue;
        std::uint32_t fingerprint = 0;
        if (!inspectHead(file, error, &fingerprint))
            return false;
        if (file.identity.isEmpty() || !file.skipped.isEmpty())
            continue;
        if (!firstLines.contains(fingerprint, file.identity))
            firstLines.insert(fingerprint, file.identity);
        if (const std::optional<qint64> first = known ? known(file.identity) : std::nullopt) {
            // Read before: its first line keeps the year it was read in.
            file.firstTime = first;
            file.referenceTime = *first;
        } else {
            readAhead[std::size_t(i)] = true;
        }
    }
    for (int i = 0; i < m_files.size(); ++i) {
        if (cancelled && cancelled()) {
            m_cancelled = true;
            return true;
        }
        if (!readAhead[std::size_t(i)])
            continue;
        const bool ok = readWhole(m_files[i], firstLines, error, cancelled, [&](qint64 done) {
            if (progress)
                progress(i, done);
        });
        if (!ok)
            return false;
        if (m_cancelled)
            return true;
    }
    sort();
    return true;
}

bool LogSet::inspectHead(File &file, QString *error, std::uint32_t *firstFingerprint)
{
    file.rotation = parseName(file.path, m_zone);
    if (file.isStdin()) {
        // Read as it comes: it cannot be read ahead. Its stamps take the
        // current year, as LogReader dates standard input now.
        file.rotation = RotationName();
        file.modified = QDateTime::currentSecsSinceEpoch();
        file.rotatedAt = file.modified;
        file.referenceTime = file.modified;
        return true;
    }

    {
        QFile raw(file.path);
        if (raw.open(QIODevice::ReadOnly)) {
            const QByteArray head = raw.read(8);
            for (const Magic &magic : unreadable) {
                if (head.size() >= qsizetype(magic.length)
                    && std::memcmp(head.constData(), magic.bytes, magic.length) == 0) {
                    file.skipped = tr("%1: compressed with %2, which MailTLS does not read (it reads plain "
                                      "and gzip logs): decompress it first (%3 %1) and import the result")
                                       .arg(file.path, QLatin1String(magic.name), QLatin1String(magic.tool));
                    return true;
                }
            }
        }
    }

    LogReader reader(file.path);
    if (!reader.open(error))
        return false;
    file.modified = reader.modificationTime();
    file.rotatedAt = file.rotation.rotatedAt.value_or(file.modified);
    file.rawSize = reader.rawSize();
    file.compressed = reader.isCompressed();
    file.referenceTime = file.rotatedAt;

    std::string_view line;
    std::int64_t offset = 0;
    if (!reader.nextLine(line, offset)) {
        if (!reader.error().isEmpty()) {
            *error = reader.error();
            return false;
        }
        return true; // empty
    }
    file.identity = identityOf(line);
    *firstFingerprint = LineFingerprint::of(line);
    return true;
}

bool LogSet::readWhole(File &file, const FirstLines &firstLines, QString *error,
                       const std::function<bool()> &cancelled, const std::function<void(qint64)> &progress)
{
    LogReader reader(file.path);
    if (!reader.open(error))
        return false;
    LinePrefixParser parser(m_zone);
    parser.setReferenceTime(file.rotatedAt);

    LogLine parsed;
    std::string head;              // the first bytes of the last line parsed
    bool headParsed = false;       // … and whether it had a stamp
    std::string lastStamped;       // the last line presumed to have a stamp
    std::optional<qint64> firstStamp;
    bool firstClassic = false;
    int firstYear = 0;
    qint64 lines = 0;
    std::string_view line;
    std::int64_t offset = 0;
    while (reader.nextLine(line, offset)) {
        if (lines > 0 && file.embedded.size() < maxEmbedded) {
            // Another log's first line, here: one read before, or a file of this set.
            const std::uint32_t fingerprint = LineFingerprint::of(line);
            if (firstLines.contains(fingerprint)) {
                const QString identity = identityOf(line);
                if (identity != file.identity && firstLines.contains(fingerprint, identity))
                    file.embedded.append({offset, lines, identity});
            }
        }
        ++lines;
        if ((lines & 0xffff) == 0) {
            if (cancelled && cancelled()) {
                m_cancelled = true;
                return true;
            }
            if (progress)
                progress(reader.rawBytesRead());
        }
        if (!headParsed || !sameHead(line, head) || !firstStamp) {
            head.assign(line.data(), std::min(line.size(), sameHeadBytes));
            const int yearBefore = parser.yearState().year;
            headParsed = parser.parse(line, parsed);
            if (headParsed && !firstStamp) {
                firstStamp = parsed.timeUtc;
                firstClassic = yearBefore == 0 && parser.yearState().year != 0;
                firstYear = parser.yearState().year;
            }
        }
        if (headParsed)
            lastStamped.assign(line);
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    if (progress)
        progress(reader.rawBytesRead());
    file.lines = lines;
    file.textBytes = reader.position() + reader.unterminatedBytes();
    if (!firstStamp)
        return true;

    if (!parser.parse(lastStamped, parsed))
        return true;
    const qint64 lastStamp = parsed.timeUtc;
    if (!firstClassic) {
        // Years written in the stamps.
        file.firstTime = firstStamp;
        file.lastTime = lastStamp;
        return true;
    }
    // The parser counted the New Years the stamps run through from the year it
    // guessed for the first; the last stamp's year is the one that puts it at or
    // before the rotation time, and the first is that many years before.
    const int turns = parser.yearState().year - firstYear;
    int lastYear = yearOf(file.rotatedAt, m_zone) + 1;
    while (withYear(lastStamp, lastYear, m_zone) > file.rotatedAt + graceSeconds)
        --lastYear;
    const int year = lastYear - turns;
    file.referenceTime = withYear(*firstStamp, year, m_zone);
    file.firstTime = file.referenceTime;
    file.lastTime = withYear(lastStamp, lastYear, m_zone);
    return true;
}

void LogSet::sort()
{
    // Files not read at all (given twice, an unreadable compression) are only
    // listed: after the others.
    auto group = [](const File &f) {
        if (!f.skipped.isEmpty())
            return 3;
        if (f.isStdin())
            return 2;
        return f.rotation.mailLogSubset ? 1 : 0;
    };
    auto time = [](const File &f) { return f.firstTime.value_or(f.rotatedAt); };
    // On a tie: a rotated file before a live one, a higher number or an earlier
    // date first (numbered before dated, which no one log mixes), then the order
    // given. A key of its own for each file, so that the order is total.
    auto age = [](const File &f) -> std::pair<int, qint64> {
        switch (f.rotation.kind) {
        case RotationName::Kind::Numbered:
            return {0, -qint64(f.rotation.number)};
        case RotationName::Kind::Dated:
            return {1, f.rotatedAt};
        case RotationName::Kind::Live:
            break;
        }
        return {2, 0};
    };
    std::stable_sort(m_files.begin(), m_files.end(), [&](const File &a, const File &b) {
        if (group(a) != group(b))
            return group(a) < group(b);
        if (time(a) != time(b))
            return time(a) < time(b);
        if (age(a) != age(b))
            return age(a) < age(b);
        return a.argument < b.argument;
    });
}

qint64 LogSet::rawTotal() const
{
    qint64 total = 0;
    for (const File &f : m_files) {
        if (f.skipped.isEmpty() && f.rawSize > 0)
            total += f.rawSize;
    }
    return total;
}

bool LogSet::beginsAtRotation(int index) const
{
    const File &file = m_files.at(index);
    if (file.rotation.mailLogSubset || file.isStdin())
        return false;
    if (file.rotation.kind != RotationName::Kind::Live)
        return true;
    return std::any_of(m_files.cbegin(), m_files.cend(), [&](const File &other) {
        return other.rotation.family == file.rotation.family && other.rotation.kind != RotationName::Kind::Live;
    });
}

void LogSet::moveAfter(int from, int after)
{
    if (from < 0 || after <= from || after >= m_files.size())
        return;
    m_files.move(from, after);
}

} // namespace mailtls
