#include "models/mta/fileaccess.h"

#include "models/mta/commandfileaccess.h"
#include "models/mta/localfileaccess.h"
#include "models/sources/commandhost.h"

namespace mailtls {

FileAccess::FileAccess(QObject *parent)
    : QObject(parent)
{ }

FileAccess::~FileAccess() = default;

std::unique_ptr<FileAccess> FileAccess::create(const std::shared_ptr<const CommandHost> &host)
{
    if (!host || host->isLocal())
        return std::make_unique<LocalFileAccess>();
    return std::make_unique<CommandFileAccess>(host);
}

} // namespace mailtls
