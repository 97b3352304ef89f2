#include "models/mta/localfileaccess.h"

#include <utility>

#include "models/mta/configfile.h"
#include "models/mta/hostanswers.h"

namespace mailtls {

LocalFileAccess::LocalFileAccess(QObject *parent)
    : FileAccess(parent)
{ }

HostFile LocalFileAccess::readNow(const QString &path, bool withBytes)
{
    HostFile file;
    const ConfigFile::Status status = ConfigFile::status(path);
    file.exists = status.exists;
    file.regular = status.regular;
    file.mode = status.mode;
    file.owner = status.owner;
    file.group = status.group;
    if (!withBytes)
        return file;
    const ConfigFile::Contents contents = ConfigFile::read(path);
    // ConfigFile::read tells a file it cannot look at from a missing one.
    file.exists = contents.exists;
    file.bytes = contents.bytes;
    file.error = contents.error;
    return file;
}

bool LocalFileAccess::holds(const QString &path, const Precondition &precondition, QString *error)
{
    if (!precondition.checked)
        return true;
    const ConfigFile::Contents contents = ConfigFile::read(path);
    if (!contents.error.isEmpty()) {
        *error = contents.error;
        return false;
    }
    return contents.exists == precondition.before.has_value()
        && (!contents.exists || contents.bytes == *precondition.before);
}

void LocalFileAccess::later(std::function<void()> answer)
{
    HostAnswers::later(this, &m_generation, std::move(answer));
}

void LocalFileAccess::status(const QString &path, ReadDone done)
{
    const HostFile file = readNow(path, false);
    later([file, done = std::move(done)] { done(file); });
}

void LocalFileAccess::read(const QString &path, ReadDone done)
{
    const HostFile file = readNow(path, true);
    later([file, done = std::move(done)] { done(file); });
}

void LocalFileAccess::write(const QString &path, const QByteArray &bytes, std::optional<int> mode,
                            std::optional<uint> owner, std::optional<uint> group, const Precondition &precondition,
                            ChangeDone done)
{
    FileChange change;
    QString error;
    if (!holds(path, precondition, &error)) {
        change.changed = error.isEmpty();
        change.error = error.isEmpty() ? tr("%1 changed after the plan was made").arg(path) : error;
    } else {
        change.ok = ConfigFile::write(path, bytes, mode, owner, group, &change.error);
    }
    later([change, done = std::move(done)] { done(change); });
}

void LocalFileAccess::remove(const QString &path, const Precondition &precondition, ChangeDone done)
{
    FileChange change;
    QString error;
    if (!holds(path, precondition, &error)) {
        change.changed = error.isEmpty();
        change.error = error.isEmpty() ? tr("%1 changed after the plan was made").arg(path) : error;
    } else {
        change.ok = ConfigFile::remove(path, &change.error);
    }
    later([change, done = std::move(done)] { done(change); });
}

void LocalFileAccess::existing(const QStringList &paths, ListDone done)
{
    QStringList found;
    for (const QString &path : paths)
        if (ConfigFile::status(path).exists)
            found.append(path);
    later([found, done = std::move(done)] { done(found, QString()); });
}

void LocalFileAccess::cancel()
{
    ++m_generation;
}

} // namespace mailtls
