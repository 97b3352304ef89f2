#include "models/sources/localsourcediscovery.h"

#include <cerrno>
#include <grp.h>
#include <unistd.h>
#include <vector>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "models/sources/filehandle.h"
#include "models/sources/filesource.h"

namespace mailtls {

namespace {

bool processInGroup(const QString &name)
{
    long size = ::sysconf(_SC_GETGR_R_SIZE_MAX);
    std::vector<char> buffer(size_t(size > 0 ? size : 16384));
    struct group entry{};
    struct group *found = nullptr;
    const QByteArray encoded = QFile::encodeName(name);
    while (::getgrnam_r(encoded.constData(), &entry, buffer.data(), buffer.size(), &found) == ERANGE
           && buffer.size() < (1u << 20))
        buffer.resize(buffer.size() * 2);
    if (!found)
        return false;
    if (::getegid() == found->gr_gid)
        return true;
    const int count = ::getgroups(0, nullptr);
    if (count <= 0)
        return false;
    std::vector<gid_t> groups(size_t(count), 0);
    const int listed = ::getgroups(count, groups.data());
    for (int i = 0; i < listed; ++i) {
        if (groups[size_t(i)] == found->gr_gid)
            return true;
    }
    return false;
}

} // namespace

SourceSpec LocalLogCandidate::spec() const
{
    SourceSpec spec;
    spec.kind = kind == Kind::Journal ? SourceSpec::Kind::Journal : SourceSpec::Kind::File;
    spec.path = kind == Kind::File ? path : QString();
    return spec;
}

QString LocalLogCandidate::displayName() const
{
    return kind == Kind::Journal ? LocalSourceDiscovery::tr("the systemd journal") : QDir::toNativeSeparators(path);
}

LocalSourceDiscovery::LocalSourceDiscovery()
    : m_logFiles(defaultLogFiles())
    , m_journalctl(QStringLiteral("journalctl"))
    , m_journalDirectories({QStringLiteral("/var/log/journal"), QStringLiteral("/run/log/journal")})
{
}

QStringList LocalSourceDiscovery::defaultLogFiles()
{
    // Debian and Ubuntu (rsyslog), Red Hat and the BSDs, SUSE, Debian's Exim.
    return {QStringLiteral("/var/log/mail.log"), QStringLiteral("/var/log/maillog"),
            QStringLiteral("/var/log/mail/mail.log"), QStringLiteral("/var/log/exim4/mainlog")};
}

QStringList LocalSourceDiscovery::journalGroups()
{
    // systemd-journal by design; adm and wheel through the access lists
    // systemd's tmpfiles put on the journal's folders.
    return {QStringLiteral("systemd-journal"), QStringLiteral("adm"), QStringLiteral("wheel")};
}

void LocalSourceDiscovery::setUser(bool root, const QStringList &groups)
{
    m_root = root;
    m_groups = groups;
}

QList<LocalLogCandidate> LocalSourceDiscovery::discover() const
{
    QList<LocalLogCandidate> candidates;
    for (const QString &path : m_logFiles)
        candidates << checkFile(path);
    candidates << checkJournal();
    return candidates;
}

LocalLogCandidate LocalSourceDiscovery::checkFile(const QString &path) const
{
    LocalLogCandidate candidate;
    candidate.kind = LocalLogCandidate::Kind::File;
    candidate.path = path;
    int errorCode = 0;
    if (FileHandle::open(path, &errorCode).isOpen()) {
        candidate.status = LocalLogCandidate::Status::Readable;
        return candidate;
    }
    if (errorCode == ENOENT || errorCode == ENOTDIR) {
        candidate.status = LocalLogCandidate::Status::Missing;
        candidate.reason = tr("%1 does not exist").arg(QDir::toNativeSeparators(path));
        return candidate;
    }
    // The words the source itself would say, with what to do about them.
    candidate.status = LocalLogCandidate::Status::Unreadable;
    candidate.reason = FileSource::openProblem(path, errorCode);
    return candidate;
}

LocalLogCandidate LocalSourceDiscovery::checkJournal() const
{
    LocalLogCandidate candidate;
    candidate.kind = LocalLogCandidate::Kind::Journal;
    candidate.status = LocalLogCandidate::Status::Missing;

    const bool found = m_journalctl.contains(QLatin1Char('/'))
        ? QFileInfo(m_journalctl).isExecutable() && QFileInfo(m_journalctl).isFile()
        : !m_journalctl.isEmpty() && !QStandardPaths::findExecutable(m_journalctl).isEmpty();
    if (!found) {
        candidate.reason = tr("journalctl is not installed, so MailTLS cannot read the systemd journal");
        return candidate;
    }
    bool kept = false;
    for (const QString &directory : m_journalDirectories)
        kept = kept || QFileInfo(directory).isDir();
    if (!kept) {
        candidate.reason = tr("This computer keeps no systemd journal (there is no %1)")
                               .arg(m_journalDirectories.join(tr(" or ")));
        return candidate;
    }

    const bool root = m_root ? *m_root : ::geteuid() == 0;
    bool member = false;
    for (const QString &group : journalGroups())
        member = member || (m_root ? m_groups.contains(group) : processInGroup(group));
    if (root || member) {
        candidate.status = LocalLogCandidate::Status::Readable;
        return candidate;
    }
    candidate.status = LocalLogCandidate::Status::Unreadable;
    candidate.reason = tr("Permission denied reading the systemd journal: add your user to the %1 group, or run "
                          "as root")
                           .arg(journalGroups().constFirst());
    return candidate;
}

} // namespace mailtls
