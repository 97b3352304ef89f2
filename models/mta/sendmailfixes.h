#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/mta/dhchoice.h"

namespace mailtls {

struct SendmailInspectionResult;

// The change plans for Sendmail, made from the bytes an inspection read.
//
// Sendmail reads sendmail.cf, which m4 builds from sendmail.mc: every plan
// edits sendmail.mc (SendmailMc keeps every other byte) and writes the
// sendmail.cf that m4 builds from the edited file, as Debian's
// /etc/mail/Makefile does (with its copy of the .mc at the end when the
// current sendmail.cf has one). The new sendmail.cf is built while the plan
// is made, from a copy in a temporary folder, so the diff shows both files
// and the backup and rollback cover both; a plan whose sendmail.cf does not
// come out with the new values is refused.
//
// A define goes where the last one of its name is: changed in place in
// sendmail.mc, or, when a file sendmail.mc includes sets it (Debian's
// /etc/mail/tls/starttls.m4, which Debian's sendmailconfig writes anew and
// whose confDH_PARAMETERS it resets), added to sendmail.mc right after that
// include, where it wins. Each plan is idempotent: made again from the
// changed files, it is empty (sendmail.cf is compared without the lines m4
// stamps with the time and place of the build).
//
// Validation: `sendmail -C sendmail.cf -bt -d0.1` reads the new file (it
// exits non-zero on a line it refuses). Status and reload go through
// start-stop-daemon on the PID file sendmail.cf names, as Debian's init
// script does: SIGHUP makes Sendmail start again and read sendmail.cf anew.
class SendmailFixes final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailFixes)

public:
    using DhChoice = mailtls::DhChoice;

    // Logjam: confDH_PARAMETERS names the chosen group's file (written first:
    // DIR/tls/dh_ffdhe3072.pem where Debian's tls folder is, else
    // DIR/dh_ffdhe3072.pem), or is "2" for Auto (Sendmail's best choice of its
    // own: a fresh 2048-bit group at each start, 8.14.8 and later). Nothing
    // to change when the file in use already holds the chosen group (any name,
    // any PEM layout Sendmail reads) and sendmail.mc agrees. Verified by a
    // DHE-only probe that must get the chosen prime (Auto: 2048 bits or more).
    static std::optional<ChangePlan> logjam(const SendmailInspectionResult &inspection, const DhChoice &choice,
                                            QString *error);
    // STARTTLS: confSERVER_CERT and confSERVER_KEY when given (absolute paths;
    // both or neither; without them the server must have a certificate
    // already), and the CA options Sendmail's server needs where they are
    // unset: confCACERT_PATH /etc/ssl/certs and confCACERT the server
    // certificate, as Debian's starttls.m4 has them. Sendmail tries STARTTLS
    // as a client by default. Verified by a probe that must complete a
    // STARTTLS handshake.
    static std::optional<ChangePlan> starttls(const SendmailInspectionResult &inspection, const QString &certFile,
                                              const QString &keyFile, QString *error);
    // TLS logging: confLOG_LEVEL 9 where it is lower (a higher level stays).
    // Nothing to probe.
    static std::optional<ChangePlan> tlsLogging(const SendmailInspectionResult &inspection, QString *error);

    static QString dhFilePath(const SendmailInspectionResult &inspection, const DhChoice &choice, int bits);
    // Every file a Logjam plan may write (each RFC 7919 group, each size
    // offered for a group of its own): the inspection reads them ahead.
    static QStringList dhFilePaths(const SendmailInspectionResult &inspection);

    // A plan without edits: the inspection's validation, status and reload
    // commands.
    static ChangePlan basePlan(const SendmailInspectionResult &inspection, const QString &title);
    // The sendmail.cf m4 builds from `mc` (as the inspection's sendmail.mc is
    // built, Debian's trailer included), or std::nullopt with *error. Runs m4
    // through the inspection's host and waits for it: call it off the GUI
    // thread. *buildNote gets what m4 said when it said the same before.
    static std::optional<QByteArray> buildCf(const SendmailInspectionResult &inspection, const QByteArray &mc,
                                             QString *buildNote, QString *error);

private:
    // A define for sendmail.mc and the sendmail.cf option it becomes.
    struct Setting
    {
        QByteArray macro; // "confDH_PARAMETERS"
        QByteArray option; // "DHParameters"
        QString value;
    };

    static bool addConfigurationEdits(const SendmailInspectionResult &inspection, const QList<Setting> &settings,
                                      ChangePlan &plan, QString *error);
};

} // namespace mailtls
