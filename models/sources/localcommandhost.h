#pragma once

#include <QCoreApplication>

#include "models/sources/commandhost.h"

namespace mailtls {

// Runs a source's commands on this machine, straight from the argument vector
// (no shell in between), so there is nothing of its own to diagnose: a failed
// command speaks for itself.
class LocalCommandHost final : public CommandHost
{
    Q_DECLARE_TR_FUNCTIONS(LocalCommandHost)

public:
    LocalCommandHost() = default;

    void prepare(QProcess &process, const QStringList &argv) const override;
    QString diagnose(int exitCode, const QByteArray &errorOutput) const override;
    bool needsUser(int exitCode, const QByteArray &errorOutput) const override;
    bool isLocal() const override { return true; }
    QString displayName() const override;
};

} // namespace mailtls
