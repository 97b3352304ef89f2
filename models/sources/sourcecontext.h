#pragma once

#include <QString>
#include <QStringList>

namespace mailtls {

// What sources need to know about where they run: MailTLS's own known-hosts
// file, the askpass helper, an ssh config of the user's choice, and a journal
// directory (tests, or a journal copied from another machine).
struct SourceContext
{
    QString knownHostsFile;     // default: AppDataLocation/known_hosts
    QString askpassProgram;     // the mailtls binary (its askpass mode)
    QString askpassSocket;      // set by the owner of the AskpassServer
    QString sshConfigFile;      // ssh -F FILE, empty for the user's own
    QStringList sshOptions;     // further -o options (tests)
    QString journalDirectory;   // journalctl --directory=DIR, empty for the system journal

    static SourceContext defaults();
};

} // namespace mailtls
