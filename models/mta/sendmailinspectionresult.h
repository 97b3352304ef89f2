#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/mta/configfinding.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

class CommandHost;

// What an inspection of a Sendmail installation found: the files (as read:
// plans are made from exactly these bytes), what `sendmail -d0.14 -bt` says
// about the binary, whether the daemon runs, and the TLS options of the
// sendmail.cf Sendmail reads.
struct SendmailInspectionResult
{
    Q_DECLARE_TR_FUNCTIONS(SendmailInspectionResult)

public:
    enum class Running { Yes, No, Unknown };

    // DHParameters as Sendmail 8.15.2 and later read it: only its first
    // character counts, a path is a file.
    enum class DhSetting {
        Default, // unset: Sendmail's choice (see servedDhText())
        BuiltIn2048, // "i": the 2048-bit group compiled into every Sendmail
        Generated2048, // "2": a group of 2048 bits made at each start
        Generated1024, // "1": a group of 1024 bits made at each start
        BuiltIn512, // "5": the 512-bit group compiled into every Sendmail
        None, // "none": no DHE
        File, // a path
        Unknown, // anything else: Sendmail logs "illegal value" and uses its default
    };

    // A file sendmail.mc includes (read for its defines).
    struct IncludedFile
    {
        QString path;
        QByteArray bytes;
    };

    bool ok = false;
    QString error;

    QString configDirectory; // /etc/mail
    QString mcPath;
    bool mcExists = false;
    QByteArray mc;
    QList<IncludedFile> includes;
    QString cfPath;
    QByteArray cf;

    // m4's build of the current sendmail.mc, as Debian's Makefile completes it.
    bool built = false;
    QByteArray builtCf;
    QString buildErrors; // m4's standard error, or why it could not run

    std::shared_ptr<const CommandHost> host;
    QString sendmailProgram;
    QString m4Program;
    QString startStopProgram; // start-stop-daemon

    QString versionOutput; // `sendmail -d0.14 -bt`, for messages
    QString version; // "8.17.1.9"
    QList<int> versionNumbers; // {8, 17, 1, 9}
    QStringList compiledWith; // "STARTTLS", "TLS_EC", …
    quint32 opensslCompiled = 0; // OPENSSL_VERSION_NUMBER; 0: not said
    quint32 opensslLinked = 0;
    QString pidFile;
    // What Sendmail said when it refused sendmail.cf (`-bt` exited non-zero).
    QStringList cfComplaints;

    Running running = Running::Unknown;
    QString statusOutput;

    // From sendmail.cf (what Sendmail uses); DHParameters as written.
    QString dhParameters;
    DhSetting dhSetting = DhSetting::Default;
    std::optional<DhFileInfo> dh; // when dhSetting is File
    QString dhNote; // how the file holds the group (SendmailDhFile)
    QString serverCert;
    QString serverKey;
    QString caCertFile;
    QString caCertPath;
    int logLevel = 9;

    QList<ConfigFinding> findings;

    // Inspected on another host (through SSH): its commands run there as
    // root, m4 included, and its files were read there.
    bool remote = false;
    // That host's address when it is an IP literal (a name is never looked
    // up); empty otherwise.
    QString hostAddress;
    // The files read besides sendmail.mc, its includes and sendmail.cf, by
    // path: the DH file DHParameters names and each DH file a Logjam plan
    // may write (SendmailFixes::dhFilePaths). Plans are made from these.
    QHash<QString, ConfigFile::Contents> files;
    // What the inspection looked at without reading: the certificate and
    // key, the tls folder beside sendmail.mc, /etc/ssl/certs.
    QHash<QString, ConfigFile::Status> statuses;

    // The file at `path` as the inspection read it (an error when it did not).
    ConfigFile::Contents file(const QString &path) const;
    // What the inspection saw of `path`; nothing when it did not look.
    std::optional<ConfigFile::Status> status(const QString &path) const;
    // `path` is a folder, as far as the inspection saw.
    bool isFolder(const QString &path) const;

    bool isAtLeast(const QList<int> &version) const;
    bool hasStartTls() const { return compiledWith.contains(QStringLiteral("STARTTLS")); }
    // "Sendmail 8.17.1.9 with OpenSSL 3.0.22"
    QString versionText() const;
    // "OpenSSL 3.0.22"; empty when not said.
    QString opensslText() const;
    static QString opensslVersionText(quint32 number);

    // The option as sendmail.cf sets it; empty when it does not.
    QString option(const QString &name) const;
    // The option as a new build of sendmail.mc would set it.
    QString builtOption(const QString &name) const;
    // sendmail.cf differs from what sendmail.mc builds (stamps aside).
    bool cfIsStale() const;

    // DHParameters=2 (the only automatic choice 8.14.8 and later offer: a
    // fresh 2048-bit group at each start).
    bool autoDhAvailable() const;
    QString autoDhValue() const { return QStringLiteral("2"); }
    static DhSetting dhSettingOf(const QString &value, const QList<int> &version);
    // What a DHE client gets, in words ("Sendmail's built-in 2048-bit group,
    // the same on every Sendmail"); bits 0 when no DHE.
    QString servedDhText(int *bits = nullptr) const;

    bool hasServerCertificate() const { return !serverCert.isEmpty() && !serverKey.isEmpty(); }
    // STARTTLS needs both CA options set (8.17's server requirements).
    bool hasCaSettings() const { return !caCertFile.isEmpty() && !caCertPath.isEmpty(); }
    // The daemons' names whose M= modifiers switch STARTTLS off ("S").
    QStringList daemonsWithoutStartTls() const;

    // The first daemon on port 25 (else the first daemon): its address,
    // loopback for one on every address, never a name; and its port. On
    // another host: hostAddress for a daemon on every address (or on that
    // one), nothing for one on loopback (out of reach from here).
    QString listenAddress() const;
    quint16 listenPort() const;

    // The plans' commands.
    QStringList validateCommand() const;
    QStringList statusCommand() const;
    QStringList reloadCommand() const;
};

} // namespace mailtls
