#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/mta/planapplier.h"

class QCommandLineParser;
class QHostAddress;

namespace mailtls {

// The command-line verbs (`mailtls report`; `mailtls import` is ImportCommand). They run without
// a display and call the same models/ code as the windows.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

    static bool isVerb(const QString &word);
    // `arguments` starts with the program name, then the verb.
    static int run(const QStringList &arguments);

    static int report(const QStringList &arguments);

    // Parses `arguments` (the program name, the verb, then the verb's own)
    // with `parser`, whose options and help option are set: an exit code when
    // the verb is done already (a usage error was printed, or the help was),
    // std::nullopt when it goes on.
    // `command` names the verb in the help's usage line ("campaign start");
    // empty: the verb in `arguments`.
    static std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                             const QString &command = QString());
    // The parser's help with "mailtls COMMAND" in its usage line where Qt
    // puts the program's path.
    static QString helpText(const QCommandLineParser &parser, const QString &command);

    // "IP", "IP:PORT", "[IPv6]" or "[IPv6]:PORT" (an IPv6 address without
    // brackets has no port): an address, never a name (a name would be looked
    // up). `port` is left as it is when none is given.
    static bool parseAddressAndPort(const QString &text, QHostAddress *address, quint16 *port);

    // Prints "mailtls: <message>" on standard error.
    static void printError(const QString &message);
    static void printOut(const QString &text);
    // One step of a change as `mailtls fix` and `mailtls campaign` print it:
    // "  validate  FAILED   message", a message's further lines under its
    // first.
    static QString stepText(const PlanApplier::StepResult &result);
};

} // namespace mailtls
