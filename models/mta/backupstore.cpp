#include "models/mta/backupstore.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include "models/mta/changeplan.h"
#include "models/mta/configfile.h"

namespace mailtls {

namespace {

const QString manifestName = QStringLiteral("manifest.json");
constexpr int manifestFormat = 1;
constexpr qint64 maxManifestBytes = 1024 * 1024;

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

QString modeText(int mode)
{
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

QJsonObject toJson(const Backup &backup)
{
    QJsonArray validate;
    for (const QStringList &command : backup.validateCommands)
        validate.append(toJson(command));
    QJsonArray files;
    for (const BackedUpFile &file : backup.files) {
        files.append(QJsonObject {
            {QStringLiteral("path"), file.path},
            {QStringLiteral("existed"), file.existed},
            {QStringLiteral("copy"), file.copy},
            {QStringLiteral("mode"), modeText(file.mode)},
            {QStringLiteral("owner"), qint64(file.owner)},
            {QStringLiteral("group"), qint64(file.group)},
            {QStringLiteral("sha256"), file.sha256},
            {QStringLiteral("newSha256"), file.newSha256},
            {QStringLiteral("written"), file.written},
        });
    }
    return QJsonObject {
        {QStringLiteral("format"), manifestFormat},
        {QStringLiteral("id"), backup.id},
        {QStringLiteral("created"), backup.created.toString(Qt::ISODate)},
        {QStringLiteral("title"), backup.title},
        {QStringLiteral("mta"), backup.mta},
        {QStringLiteral("configDir"), backup.configDir},
        {QStringLiteral("host"), backup.host},
        {QStringLiteral("validateCommands"), validate},
        {QStringLiteral("statusCommand"), toJson(backup.statusCommand)},
        {QStringLiteral("reloadCommand"), toJson(backup.reloadCommand)},
        {QStringLiteral("state"), backup.state},
        {QStringLiteral("files"), files},
        {QStringLiteral("log"), toJson(backup.log)},
    };
}

bool fromJson(const QJsonObject &o, Backup *backup)
{
    if (o.value(QStringLiteral("format")).toInt() != manifestFormat)
        return false;
    backup->created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    backup->title = o.value(QStringLiteral("title")).toString();
    backup->mta = o.value(QStringLiteral("mta")).toString();
    backup->configDir = o.value(QStringLiteral("configDir")).toString();
    // Manifests written before remote hosts have none: this computer.
    backup->host = o.value(QStringLiteral("host")).toString();
    for (const QJsonValue &command : o.value(QStringLiteral("validateCommands")).toArray())
        backup->validateCommands.append(stringList(command));
    backup->statusCommand = stringList(o.value(QStringLiteral("statusCommand")));
    backup->reloadCommand = stringList(o.value(QStringLiteral("reloadCommand")));
    backup->state = o.value(QStringLiteral("state")).toString();
    backup->log = stringList(o.value(QStringLiteral("log")));
    for (const QJsonValue &value : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = value.toObject();
        BackedUpFile file;
        file.path = f.value(QStringLiteral("path")).toString();
        file.existed = f.value(QStringLiteral("existed")).toBool();
        file.copy = f.value(QStringLiteral("copy")).toString();
        bool ok = false;
        file.mode = f.value(QStringLiteral("mode")).toString().toInt(&ok, 8);
        file.owner = uint(f.value(QStringLiteral("owner")).toInteger());
        file.group = uint(f.value(QStringLiteral("group")).toInteger());
        file.sha256 = f.value(QStringLiteral("sha256")).toString();
        file.newSha256 = f.value(QStringLiteral("newSha256")).toString();
        file.written = f.value(QStringLiteral("written")).toBool();
        // A copy's name never leaves the backup folder.
        if (file.path.isEmpty() || !ok || file.copy.contains(QLatin1Char('/')) || (file.existed && file.copy.isEmpty()))
            return false;
        backup->files.append(file);
    }
    return backup->created.isValid();
}

} // namespace

bool Backup::isFinished() const
{
    return state == QLatin1String("done") || state == QLatin1String("rolled-back")
        || state == QLatin1String("rollback-failed");
}

QString BackupStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backups");
}

BackupStore::BackupStore(const QString &root)
    : m_root(root)
{ }

bool BackupStore::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{8}T[0-9]{6}Z(-[0-9]{1,4})?$"));
    return pattern.match(id).hasMatch();
}

std::optional<Backup> BackupStore::create(const ChangePlan &plan, const QDateTime &now, QString *error,
                                          const QString &host) const
{
    // Only a folder made here is closed to others: the user's own choice of
    // an existing folder (even /tmp) keeps its mode.
    const bool existed = QFileInfo(m_root).isDir();
    if (!existed && !QDir().mkpath(m_root)) {
        *error = tr("cannot create the backup folder %1").arg(m_root);
        return std::nullopt;
    }
    if (!existed)
        QFile::setPermissions(m_root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QDateTime utc = now.toUTC();
    const QString stamp = utc.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QDir root(m_root);
    QString id = stamp;
    // mkdir fails on an existing folder, so two plans in one second (or two
    // processes) never share one.
    for (int n = 2; !root.mkdir(id); ++n) {
        if (n > 999) {
            *error = tr("cannot create a backup folder in %1").arg(m_root);
            return std::nullopt;
        }
        id = stamp + QStringLiteral("-%1").arg(n);
    }
    Backup backup;
    backup.id = id;
    backup.folder = root.filePath(id);
    QFile::setPermissions(backup.folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    backup.created = QDateTime::fromSecsSinceEpoch(utc.toSecsSinceEpoch(), Qt::UTC);
    backup.title = plan.title;
    backup.mta = plan.mta;
    backup.configDir = plan.configDir;
    backup.host = host;
    backup.validateCommands = plan.validateCommands;
    backup.statusCommand = plan.statusCommand;
    backup.reloadCommand = plan.reloadCommand;
    backup.state = QStringLiteral("backed-up");
    if (!save(backup, error)) {
        discard(backup);
        return std::nullopt;
    }
    return backup;
}

bool BackupStore::saveCopy(Backup &backup, BackedUpFile &file, const QByteArray &bytes, QString *error) const
{
    file.copy = QStringLiteral("%1-%2").arg(backup.files.size() + 1).arg(QFileInfo(file.path).fileName());
    file.sha256 = ConfigFile::sha256(bytes);
    return ConfigFile::write(QDir(backup.folder).filePath(file.copy), bytes, 0600, std::nullopt, std::nullopt, error);
}

bool BackupStore::save(const Backup &backup, QString *error) const
{
    const QByteArray json = QJsonDocument(toJson(backup)).toJson(QJsonDocument::Indented);
    return ConfigFile::write(QDir(backup.folder).filePath(manifestName), json, 0600, std::nullopt, std::nullopt, error);
}

void BackupStore::discard(const Backup &backup) const
{
    if (!backup.folder.isEmpty() && isValidId(backup.id))
        QDir(backup.folder).removeRecursively();
}

std::optional<Backup> BackupStore::load(const QString &id, QString *error) const
{
    if (!isValidId(id)) {
        *error = tr("\"%1\" is not the name of a backup (they look like 20260301T120000Z)").arg(id);
        return std::nullopt;
    }
    const QString folder = QDir(m_root).filePath(id);
    const QString path = QDir(folder).filePath(manifestName);
    const ConfigFile::Contents contents = ConfigFile::read(path);
    if (!contents.exists) {
        *error = tr("there is no backup %1 in %2").arg(id, m_root);
        return std::nullopt;
    }
    if (!contents.error.isEmpty() || contents.bytes.size() > maxManifestBytes) {
        *error = contents.error.isEmpty() ? tr("%1 is too large").arg(path) : contents.error;
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(contents.bytes, &parseError);
    Backup backup;
    if (!document.isObject() || !fromJson(document.object(), &backup)) {
        *error = tr("%1 is not a backup manifest MailTLS can read").arg(path);
        return std::nullopt;
    }
    backup.id = id;
    backup.folder = folder;
    return backup;
}

QList<Backup> BackupStore::list(QString *error) const
{
    QList<Backup> result;
    QStringList problems;
    const QStringList ids = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        if (!isValidId(id))
            continue;
        QString problem;
        if (const std::optional<Backup> backup = load(id, &problem))
            result.append(*backup);
        else
            problems.append(problem);
    }
    std::sort(result.begin(), result.end(), [](const Backup &a, const Backup &b) {
        if (a.created != b.created)
            return a.created > b.created;
        // The same second: "-2" came after the bare stamp.
        return a.id.size() != b.id.size() ? a.id.size() > b.id.size() : a.id > b.id;
    });
    if (error != nullptr)
        *error = problems.join(QLatin1Char('\n'));
    return result;
}

std::optional<QByteArray> BackupStore::copyOf(const Backup &backup, const BackedUpFile &file, QString *error) const
{
    const QString path = QDir(backup.folder).filePath(file.copy);
    const ConfigFile::Contents contents = ConfigFile::read(path);
    if (!contents.exists || !contents.error.isEmpty()) {
        *error = contents.exists ? contents.error : tr("the saved copy %1 is missing").arg(path);
        return std::nullopt;
    }
    if (ConfigFile::sha256(contents.bytes) != file.sha256) {
        *error = tr("the saved copy %1 is not what was saved (its SHA-256 differs)").arg(path);
        return std::nullopt;
    }
    return contents.bytes;
}

} // namespace mailtls
