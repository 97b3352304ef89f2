#include "models/mta/inspectedfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>

#include "models/sources/commandhost.h"
#include "models/sources/sudocommandhost.h"

namespace mailtls {

InspectedFolder InspectedFolder::resolve(const CommandHost &host, const QString &given)
{
    InspectedFolder folder;
    folder.remote = !host.isLocal();
    if (folder.remote) {
        folder.hostAddress = hostAddressOf(host);
        if (given.startsWith(QLatin1Char('/')))
            folder.directory = QDir::cleanPath(given);
    } else {
        folder.directory = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
    }
    return folder;
}

QString InspectedFolder::hostAddressOf(const CommandHost &host)
{
    const auto *remote = dynamic_cast<const SudoCommandHost *>(&host);
    if (remote == nullptr)
        return QString();
    const QHostAddress address(remote->spec().host);
    return address.isNull() ? QString() : address.toString();
}

} // namespace mailtls
