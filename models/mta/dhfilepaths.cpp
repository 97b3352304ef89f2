#include "models/mta/dhfilepaths.h"

#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

QStringList offeredDhFilePaths(const std::function<QString(const DhChoice &choice, int bits)> &pathOf)
{
    QStringList paths;
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    for (const QString &group : DhParameters::rfc7919Groups()) {
        choice.group = group;
        paths.append(pathOf(choice, 0));
    }
    choice.kind = DhChoice::Kind::Generated;
    for (const int bits : DhGenerator::offeredBits())
        paths.append(pathOf(choice, bits));
    return paths;
}

} // namespace mailtls
