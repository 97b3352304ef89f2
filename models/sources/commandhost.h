#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QProcess;

namespace mailtls {

// Where a source runs its commands (journalctl, the remote file reader): this
// machine, or a remote host over SSH. The command is an argument vector, never
// a shell string: a host that must hand it to a shell (ssh does) quotes every
// argument, so user text (a path with spaces or quotes) cannot become a command.
class CommandHost
{
public:
    virtual ~CommandHost() = default;

    // Sets `process` up (program, arguments, environment) to run `argv`
    // (argv[0] is the program) on the host. Does not start it.
    virtual void prepare(QProcess &process, const QStringList &argv) const = 0;

    // Words a user can act on for a run that ended with `exitCode` and wrote
    // `errorOutput` (-1 and nothing for a run that could not start); empty
    // when nothing in it is the host's own doing (the command's message is
    // then shown as it is).
    virtual QString diagnose(int exitCode, const QByteArray &errorOutput) const = 0;
    // True when diagnose()'s problem will not go away by retrying (a changed
    // host key, a refused login): the source stops and waits for the user.
    virtual bool needsUser(int exitCode, const QByteArray &errorOutput) const = 0;

    virtual bool isLocal() const = 0;
    // "this computer", "mail@mx.example.org:2222", …
    virtual QString displayName() const = 0;
};

} // namespace mailtls
