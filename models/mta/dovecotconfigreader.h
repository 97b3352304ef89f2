#pragma once

#include <functional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include "models/mta/dovecotconfig.h"
#include "models/mta/servicehostfiles.h"

namespace mailtls {

// Reads a Dovecot configuration (dovecot.conf and every file it includes) on
// the service's host through ServiceHostFiles, without blocking: DovecotConfig
// parses what has been read so far and names what it still lacks (a file, a
// folder an include's glob must list); those are fetched and the parse runs
// again, until nothing is missing. Globs are matched here as glob(3) with
// GLOB_BRACE matches them (a wildcard matches no leading '.').
class DovecotConfigReader final : public QObject
{
    Q_OBJECT

public:
    // `files` reads and keeps the bytes; it outlives the reader.
    explicit DovecotConfigReader(ServiceHostFiles *files, QObject *parent = nullptr);

    using Done = std::function<void(const QString &hostError)>;
    // Loads `mainPath` into config(); `done` follows once (hostError set when
    // the host refused: the configuration is then not read).
    void read(const QString &mainPath, Done done);

    const DovecotConfig &config() const { return m_config; }
    bool loaded() const { return m_loaded; }

    // {a,b} expanded, as GLOB_BRACE does (nested braces too).
    static QStringList expandBraces(const QString &pattern);
    static bool hasWildcard(const QString &text);

private:
    void round();
    void fetch(QStringList folders);
    QList<std::pair<QString, bool>> glob(const QString &pattern);
    ConfigFile::Contents readCached(const QString &path);

    ServiceHostFiles *m_files;
    QString m_mainPath;
    Done m_done;
    DovecotConfig m_config;
    bool m_loaded = false;
    int m_rounds = 0;
    QHash<QString, QList<ServiceHostFiles::Entry>> m_listings;
    QStringList m_missingFiles;
    QStringList m_missingFolders;
};

} // namespace mailtls
