#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QProcess;

namespace mailtls {

class CommandHost;

// Builds sendmail.cf from a sendmail.mc the way Debian's /etc/mail/Makefile
// does: `m4 sendmail.mc` in the configuration folder (its relative includes
// and the "##### in …" line of the result depend on it), standard output
// the .cf, standard error m4's complaints. Nothing live is written: a plan's
// edited .mc is built from a copy in a temporary folder on this computer, and
// on another host (where m4 must run: its framework and includes are there)
// handed to `m4 -I FOLDER` on its standard input, FOLDER standing in for the
// working folder (ssh starts in the login's home; relative includes are
// looked for there first, then in FOLDER).
class SendmailCfBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailCfBuilder)

public:
    static constexpr qsizetype MaxOutputBytes = 16 * 1024 * 1024;

    struct Build
    {
        bool ok = false; // m4 ran and exited 0
        QByteArray output;
        QByteArray errors; // m4's standard error
        QString error; // translated: why it did not run, or its exit status
    };

    static QStringList command(const QString &m4Program, const QString &mcPath) { return {m4Program, mcPath}; }
    // On another host: the .mc on standard input (mcPath empty), or the file.
    static QStringList remoteCommand(const QString &m4Program, const QString &folder,
                                     const QString &mcPath = QString());
    // Runs `process` in `folder` as `cd folder` would: PWD names it too, so
    // the "##### in …" line m4 writes says the folder's own name, not where
    // a symbolic link to it leads.
    static void enterFolder(QProcess &process, const QString &folder);

    // Writes `mc` to a temporary copy, runs m4 over it in `workingDirectory`
    // and waits at most `timeoutMs`: for change plans, which are made in one
    // call. m4's messages name `mcPath` instead of the copy.
    static Build buildCopy(const CommandHost &host, const QString &m4Program, const QString &workingDirectory,
                           const QString &mcPath, const QByteArray &mc, int timeoutMs = 20000);
};

} // namespace mailtls
