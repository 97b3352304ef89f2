#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/mta/fileedit.h"

namespace mailtls {

// A reviewed change of an MTA's configuration: the file edits in the order
// they are written, and the commands that validate the result, tell whether
// the MTA runs, and reload it. PlanApplier carries it out (backup, write,
// validate, reload, verify, roll back on failure); the user sees diff()
// before anything is written. A plan without edits means "nothing to change".
struct ChangePlan
{
    Q_DECLARE_TR_FUNCTIONS(ChangePlan)

public:
    // What the re-probe after a reload checks.
    enum class Check {
        None, // nothing beyond validation (a logging change shows in the log only)
        DhGroup, // the DHE-only handshake gets `expectedPrime`, or a group of at least `minimumDhBits`
        StartTls, // STARTTLS is advertised and a default handshake completes
    };

    // A file a changed parameter names: it must exist once the edits are
    // written (validation fails otherwise; Postfix itself does not check).
    struct RequiredFile
    {
        QByteArray parameter;
        QString path;
    };

    struct Verification
    {
        Check check = Check::None;
        // Big-endian; empty: any group of at least minimumDhBits passes.
        QByteArray expectedPrime;
        QString expectedGroupName; // "ffdhe3072", for messages
        int minimumDhBits = 2048;
        // Where the own MTA is probed (an IP literal); empty: not probed,
        // and the result says so.
        QString address;
        quint16 port = 25;
        // The service speaks TLS from the first byte (IMAPS, POP3S): probed
        // by ImplicitTlsCheck instead of the SMTP probe engine.
        bool implicitTls = false;
    };

    // Translated, one line: "Replace the weak Diffie-Hellman group".
    QString title;
    // "postfix"
    QString mta;
    QString configDir;
    QList<FileEdit> edits;
    // Each must exit 0, and its output may name none of the changed
    // parameters or files in a warning or fatal line (see PlanApplier).
    QList<QStringList> validateCommands;
    QList<RequiredFile> requiredFiles;
    // Exits 0 when the MTA runs (`postfix -c DIR status`).
    QStringList statusCommand;
    QStringList reloadCommand;
    Verification verification;
    // Translated remarks shown with the plan (what the change does not do).
    QStringList notes;

    bool isEmpty() const;
    // Every parameter the edits change, in order, each once.
    QList<QByteArray> parameters() const;
    // Every file the edits touch.
    QStringList paths() const;

    // The unified diff of every edit, in order: git's headers, "/dev/null"
    // for the missing side of a created or removed file. Empty for an empty
    // plan, and empty with *error set when a file is too large to compare.
    QByteArray diff(QString *error = nullptr) const;
    static QByteArray diffOf(const FileEdit &edit, QString *error = nullptr);
};

} // namespace mailtls
