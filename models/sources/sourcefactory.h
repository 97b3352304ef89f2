#pragma once

#include <memory>

#include <QCoreApplication>
#include <QString>

#include "models/sources/sourcecontext.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

class LogSource;

// Makes the source a spec names: a local file, the local journal, or either
// over SSH.
class SourceFactory final
{
    Q_DECLARE_TR_FUNCTIONS(SourceFactory)

public:
    static std::unique_ptr<LogSource> create(const SourceSpec &spec, const SourceContext &context);
    // "[user@]host[:port]": how the askpass helper names the host ssh logs in to.
    static QString sshTarget(const SourceSpec &spec);
};

} // namespace mailtls
