#include "models/sources/sourcefactory.h"

#include "models/sources/filesource.h"
#include "models/sources/journalsource.h"
#include "models/sources/localcommandhost.h"
#include "models/sources/remotefilesource.h"
#include "models/sources/sshcommandhost.h"

namespace mailtls {

QString SourceFactory::sshTarget(const SourceSpec &spec)
{
    return SshCommandHost::displayNameOf(spec);
}

std::unique_ptr<LogSource> SourceFactory::create(const SourceSpec &spec, const SourceContext &context)
{
    std::shared_ptr<const CommandHost> host;
    if (spec.isRemote()) {
        SshSettings settings;
        settings.knownHostsFile = context.knownHostsFile;
        settings.askpassProgram = context.askpassProgram;
        settings.askpassSocket = context.askpassSocket;
        if (!context.sshConfigFile.isEmpty())
            settings.extraOptions << QStringLiteral("-F") << context.sshConfigFile;
        for (const QString &option : context.sshOptions)
            settings.extraOptions << QStringLiteral("-o") << option;
        host = std::make_shared<SshCommandHost>(spec, settings);
    } else if (spec.kind == SourceSpec::Kind::File) {
        return std::make_unique<FileSource>(spec.path);
    } else {
        host = std::make_shared<LocalCommandHost>();
    }
    if (spec.kind == SourceSpec::Kind::File)
        return std::make_unique<RemoteFileSource>(host, spec.path);
    auto journal = std::make_unique<JournalSource>(host, spec.unit);
    if (!context.journalDirectory.isEmpty())
        journal->setDirectory(context.journalDirectory);
    return journal;
}

} // namespace mailtls
