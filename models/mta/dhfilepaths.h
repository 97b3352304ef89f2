#pragma once

#include <functional>

#include <QString>
#include <QStringList>

#include "models/mta/dhchoice.h"

namespace mailtls {

// Every file a Logjam fix may write, one per published RFC 7919 group and one
// per generated size, each placed where `pathOf(choice, bits)` says the
// service keeps it.
QStringList offeredDhFilePaths(const std::function<QString(const DhChoice &choice, int bits)> &pathOf);

} // namespace mailtls
