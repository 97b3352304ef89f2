#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include "models/mta/configfile.h"
#include "models/mta/eximinspection.h"

// What the Exim tests share: Debian's exim4 packages unpacked by the
// debian_packages fixture (MAILTLS_DEBS_DIR/exim), read where they are.
namespace mailtls::testutil {

inline QString eximRoot()
{
    return QStringLiteral(MAILTLS_DEBS_DIR "/exim");
}

// A file of the unpacked packages, "etc/exim4/exim4.conf.template"; empty
// when it is not there.
inline QByteArray eximPackageFile(const QString &relative)
{
    QFile file(eximRoot() + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QString eximBinary()
{
    return eximRoot() + QStringLiteral("/usr/sbin/exim4");
}

inline bool eximPackagesPresent()
{
    return QFile::exists(eximBinary()) && QFile::exists(eximRoot() + QStringLiteral("/etc/exim4/exim4.conf.template"));
}

// The whole literal, NUL bytes included.
template<size_t N> QByteArray eximRaw(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

// What an inspection reads and looks at after its commands, for a hand-made
// result: the files as they are now on this computer.
inline void readAhead(EximInspectionResult &r)
{
    for (const QString &path : EximInspection::filesToRead(r))
        r.files.insert(path, ConfigFile::read(path));
    for (const QString &path : EximInspection::filesToLookAt(r))
        r.statuses.insert(path, ConfigFile::status(path));
}

} // namespace mailtls::testutil
