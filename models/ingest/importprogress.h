#pragma once

#include <algorithm>
#include <cstdint>

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace mailtls {

// How far an import is, for `mailtls import` and the window: what ImportJob
// reports while it runs.
struct ImportProgress
{
    Q_DECLARE_TR_FUNCTIONS(ImportProgress)

public:
    enum class Phase {
        Looking,   // reading the files ahead to order them and count their years
        Reading,   // importing
    };
    Phase phase = Phase::Reading;
    QString file;                  // the file being looked at or read
    int fileNumber = 0;            // from 1, in reading order (Looking: in the order given)
    int fileCount = 0;
    std::int64_t lines = 0;        // Reading: lines gone through so far, all files
    std::int64_t rawBytes = 0;     // bytes read from disk so far in this phase (gzip: compressed)
    std::int64_t rawTotal = -1;    // of all the files to read; -1 when unknown (standard input)
    double seconds = 0;            // since the phase began
    bool finished = false;         // the last report of the phase

    double linesPerSecond() const { return seconds > 0 ? double(lines) / seconds : 0; }
    double bytesPerSecond() const { return seconds > 0 ? double(rawBytes) / seconds : 0; }
    // 0…1000 of the phase's bytes; -1 when the total is unknown.
    int permille() const
    {
        if (rawTotal <= 0)
            return finished ? 1000 : -1;
        return int(std::clamp<std::int64_t>(rawBytes * 1000 / rawTotal, 0, 1000));
    }

    // One line for `mailtls import --progress`:
    //   reading 2/5 mail.log.2.gz: 1234567 lines, 180.2/1020.0 MB (17%), 352000 lines/s, 51.2 MB/s
    //   looking at 3/5 mail.log.1: 45.1/1020.0 MB (4%)
    // Numbers are written the same in every language (a log reader may parse them).
    QString text() const
    {
        const auto mb = [](std::int64_t bytes) { return QString::number(double(bytes) / 1e6, 'f', 1); };
        QString size = mb(rawBytes);
        if (rawTotal >= 0)
            size += QLatin1Char('/') + mb(rawTotal);
        size += QStringLiteral(" MB");
        if (permille() >= 0)
            size += QStringLiteral(" (%1%)").arg(permille() / 10);
        if (phase == Phase::Looking)
            return tr("looking at %1/%2 %3: %4").arg(fileNumber).arg(fileCount).arg(file, size);
        return tr("reading %1/%2 %3: %4 lines, %5, %6 lines/s, %7 MB/s")
            .arg(fileNumber)
            .arg(fileCount)
            .arg(file)
            .arg(lines)
            .arg(size)
            .arg(qint64(linesPerSecond()))
            .arg(QString::number(bytesPerSecond() / 1e6, 'f', 1));
    }
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::ImportProgress)
