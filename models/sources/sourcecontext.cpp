#include "models/sources/sourcecontext.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace mailtls {

SourceContext SourceContext::defaults()
{
    SourceContext context;
    context.knownHostsFile =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
    context.askpassProgram = QCoreApplication::applicationFilePath();
    return context;
}

} // namespace mailtls
