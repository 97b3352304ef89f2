#include "models/mta/dovecotconfigreader.h"

#include <algorithm>
#include <optional>

#include <fnmatch.h>

#include <QDir>
#include <QFile>

namespace mailtls {

namespace {

// Each round reads at least one file or folder more; a configuration that
// keeps asking stops at DovecotConfig's own limits long before this.
constexpr int MaxRounds = DovecotConfig::MaxFiles + 16;

} // namespace

DovecotConfigReader::DovecotConfigReader(ServiceHostFiles *files, QObject *parent)
    : QObject(parent)
    , m_files(files)
{ }

bool DovecotConfigReader::hasWildcard(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?')) || text.contains(QLatin1Char('['));
}

QStringList DovecotConfigReader::expandBraces(const QString &pattern)
{
    // The first '{' with its matching '}' and the commas between them at its depth.
    qsizetype open = -1;
    qsizetype close = -1;
    QList<qsizetype> commas;
    int depth = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('{')) {
            if (depth == 0)
                open = i;
            ++depth;
        } else if (c == QLatin1Char('}') && depth > 0) {
            --depth;
            if (depth == 0) {
                close = i;
                break;
            }
        } else if (c == QLatin1Char(',') && depth == 1) {
            commas.append(i);
        }
    }
    // No pair of braces: glob reads the pattern as it is.
    if (open < 0 || close < 0)
        return {pattern};
    const QString before = pattern.left(open);
    const QString after = pattern.mid(close + 1);
    QStringList result;
    qsizetype start = open + 1;
    commas.append(close);
    for (const qsizetype end : std::as_const(commas)) {
        result += expandBraces(before + pattern.mid(start, end - start) + after);
        start = end + 1;
    }
    return result;
}

ConfigFile::Contents DovecotConfigReader::readCached(const QString &path)
{
    const auto it = m_files->files().constFind(path);
    if (it != m_files->files().constEnd())
        return *it;
    if (!m_missingFiles.contains(path))
        m_missingFiles.append(path);
    // Missing for this round; the next one has it.
    return ConfigFile::Contents();
}

QList<std::pair<QString, bool>> DovecotConfigReader::glob(const QString &pattern)
{
    QList<std::pair<QString, bool>> result;
    for (const QString &alternative : expandBraces(pattern)) {
        const bool absolute = alternative.startsWith(QLatin1Char('/'));
        const QStringList parts = alternative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        // Candidates so far, with whether each is known to be a folder
        // (from a listing) or not yet known (nothing).
        QList<std::pair<QString, std::optional<bool>>> candidates {
            {absolute ? QStringLiteral("/") : QString(), std::optional<bool>(true)}};
        bool complete = true;
        for (const QString &part : parts) {
            QList<std::pair<QString, std::optional<bool>>> next;
            for (const auto &[prefix, folder] : std::as_const(candidates)) {
                const QString base
                    = prefix.isEmpty() || prefix.endsWith(QLatin1Char('/')) ? prefix : prefix + QLatin1Char('/');
                if (!hasWildcard(part)) {
                    next.append({base + part, std::nullopt});
                    continue;
                }
                const QString folderPath = base.isEmpty() ? QStringLiteral(".") : QDir::cleanPath(base);
                const auto listing = m_listings.constFind(folderPath);
                if (listing == m_listings.constEnd()) {
                    if (!m_missingFolders.contains(folderPath))
                        m_missingFolders.append(folderPath);
                    complete = false;
                    continue;
                }
                const QByteArray wanted = QFile::encodeName(part);
                QList<std::pair<QString, std::optional<bool>>> matched;
                for (const ServiceHostFiles::Entry &entry : *listing) {
                    if (::fnmatch(wanted.constData(), QFile::encodeName(entry.name).constData(), FNM_PERIOD) == 0)
                        matched.append({base + entry.name, std::optional<bool>(entry.folder)});
                }
                std::sort(matched.begin(), matched.end(), [](const auto &a, const auto &b) {
                    return QFile::encodeName(a.first) < QFile::encodeName(b.first);
                });
                next += matched;
            }
            candidates = next;
        }
        if (!complete)
            continue;
        for (const auto &[path, folder] : std::as_const(candidates)) {
            if (folder) {
                result.append({path, *folder});
                continue;
            }
            // A name without wildcards matches when it exists.
            const ConfigFile::Contents contents = readCached(path);
            if (contents.exists)
                result.append({path, false});
        }
    }
    return result;
}

void DovecotConfigReader::read(const QString &mainPath, Done done)
{
    m_mainPath = QDir::cleanPath(mainPath);
    m_done = std::move(done);
    m_rounds = 0;
    m_listings.clear();
    round();
}

void DovecotConfigReader::round()
{
    m_missingFiles.clear();
    m_missingFolders.clear();
    DovecotConfig::Source source;
    source.read = [this](const QString &path) { return readCached(path); };
    source.glob = [this](const QString &pattern) { return glob(pattern); };
    m_loaded = m_config.load(m_mainPath, source);
    if ((m_missingFiles.isEmpty() && m_missingFolders.isEmpty()) || ++m_rounds > MaxRounds) {
        // A last parse with everything there is: what the configuration is.
        m_done(QString());
        return;
    }
    fetch(m_missingFolders);
}

void DovecotConfigReader::fetch(QStringList folders)
{
    // The folders one after another, then the files in one go.
    if (folders.isEmpty()) {
        m_files->read(m_missingFiles, [this](const QString &hostError) {
            if (!hostError.isEmpty()) {
                m_loaded = false;
                m_done(hostError);
                return;
            }
            round();
        });
        return;
    }
    const QString folder = folders.takeFirst();
    m_files->list(folder,
                  [this, folder, folders](const QList<ServiceHostFiles::Entry> &entries, const QString &hostError) {
                      if (!hostError.isEmpty()) {
                          m_loaded = false;
                          m_done(hostError);
                          return;
                      }
                      m_listings.insert(folder, entries);
                      fetch(folders);
                  });
}

} // namespace mailtls
