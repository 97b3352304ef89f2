#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/ingest/importsummary.h"

namespace mailtls {

// The command-line verbs (`mailtls report`, `mailtls import`). They run without
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
    static int import(const QStringList &arguments);

    static QString outcomeText(const ImportSummary &summary);
    static void printSummaries(const QList<ImportSummary> &summaries, bool verbose);

    // Prints "mailtls: <message>" on standard error.
    static void printError(const QString &message);
    static void printOut(const QString &text);
};

} // namespace mailtls
