#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls follow --db PATH SOURCE...`: follows logs into a database until
// SIGINT or SIGTERM, then stops cleanly with everything read stored. State and
// progress lines go to standard error.
class FollowCommand final
{
    Q_DECLARE_TR_FUNCTIONS(FollowCommand)

public:
    // `arguments` starts with the program name, then "follow".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
