#include "models/sources/localcommandhost.h"

#include <QProcess>

namespace mailtls {

void LocalCommandHost::prepare(QProcess &process, const QStringList &argv) const
{
    process.setProgram(argv.value(0));
    process.setArguments(argv.mid(1));
}

QString LocalCommandHost::diagnose(int exitCode, const QByteArray &errorOutput) const
{
    Q_UNUSED(exitCode)
    Q_UNUSED(errorOutput)
    return QString();
}

bool LocalCommandHost::needsUser(int exitCode, const QByteArray &errorOutput) const
{
    Q_UNUSED(exitCode)
    Q_UNUSED(errorOutput)
    return false;
}

QString LocalCommandHost::displayName() const
{
    return tr("this computer");
}

} // namespace mailtls
