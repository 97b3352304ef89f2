#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/mta/configfinding.h"
#include "models/mta/eximsources.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

// The Diffie-Hellman group an Exim server offers DHE clients that name no
// RFC 7919 group of their own (what a TLS 1.2 DHE probe measures).
struct EximServedDh
{
    enum class Kind {
        None, // no DHE at all ("none", or a group Exim's OpenSSL code skips)
        Group, // `bits`, and `prime` where it is known
        Broken, // tls_dhparam names something Exim cannot load: TLS fails
    };
    Kind kind = Kind::None;
    int bits = 0;
    QByteArray prime; // big-endian; empty when not known here
    QString name; // "ffdhe2048", "Exim's own exim.dev.20160529.3", "the group in /etc/exim4/dh.pem"
    QString why; // translated: how Exim and its TLS library come to it
};

// What an inspection of an Exim installation found.
struct EximInspectionResult
{
    Q_DECLARE_TR_FUNCTIONS(EximInspectionResult)

public:
    enum class Layout {
        ConfigFile, // one file Exim reads as it is (/etc/exim4/exim4.conf, exim.conf, -C FILE)
        DebianTemplate, // update-exim4.conf: exim4.conf.localmacros + exim4.conf.template
        DebianSplit, // update-exim4.conf: conf.d/main/* (dc_use_split_config)
    };
    enum class TlsLibrary { None, GnuTls, OpenSsl, Unknown };
    enum class Running { Yes, No, Unknown };

    bool ok = false;
    QString error;

    // The folder given (or /etc/exim4) and the file Exim reads.
    QString configDirectory;
    Layout layout = Layout::ConfigFile;
    QString configFile;
    // Every exim command names configFile with -C (it is not the file this
    // Exim reads by default).
    bool explicitConfig = false;
    // The main section's files in reading order; plans are made from
    // exactly these bytes. `localFile` indexes the one new settings go to.
    QList<EximSources::File> sources;
    int localFile = 0;

    // The file that lists the configuration files Exim may re-read as root
    // (TRUSTED_CONFIG_LIST, from `exim -d -bV`), and whether it lists
    // configFile (asked only with explicitConfig; nothing: not known).
    QString trustedConfigList;
    std::optional<bool> configTrusted;

    QString eximProgram;
    QString updateProgram; // update-exim4.conf (Debian layouts)
    QString versionOutput; // `exim -bV`, for messages
    QString version; // "4.96"
    int versionMajor = 0;
    int versionMinor = 0;
    TlsLibrary tlsLibrary = TlsLibrary::Unknown;
    QString tlsLibraryVersion; // "3.7.9", "OpenSSL 3.0.15 3 Sep 2024"; empty when not reported

    // `exim -bP` of the options in EximInspection::optionNames(), as printed.
    QHash<QString, QString> options;

    Running running = Running::Unknown;
    QString statusOutput;
    QList<QStringList> validateCommands;
    QStringList statusCommand;
    QStringList reloadCommand;

    // tls_dhparam as Exim reads it, and the file it names.
    QString dhParam;
    std::optional<DhFileInfo> dh;
    // Debian layouts: a source file changed after update-exim4.conf wrote
    // configFile (Exim still reads the older settings).
    QString staleSource;

    QList<ConfigFinding> findings;

    // Inspected on another host (through SSH): its commands run there as
    // root, and its files were read there.
    bool remote = false;
    // That host's address when it is an IP literal (a name is never looked
    // up); empty otherwise.
    QString hostAddress;
    // The files read besides the main section's sources, by path: the DH
    // file tls_dhparam names, TRUSTED_CONFIG_LIST, and each DH file a Logjam
    // plan may write (EximFixes::dhFilePaths). Plans are made from these.
    QHash<QString, ConfigFile::Contents> files;
    // The certificate and key files looked at (never read), by path.
    QHash<QString, ConfigFile::Status> statuses;
    // When configFile and each source were last changed (Debian layouts).
    QHash<QString, QDateTime> modified;

    // The file at `path` as the inspection read it (an error when it did not).
    ConfigFile::Contents file(const QString &path) const;
    // What the inspection saw of `path`; nothing when it did not look.
    std::optional<ConfigFile::Status> status(const QString &path) const;

    bool isAtLeast(int major, int minor) const;
    bool hasTls() const { return tlsLibrary == TlsLibrary::GnuTls || tlsLibrary == TlsLibrary::OpenSsl; }
    bool isDebianLayout() const { return layout != Layout::ConfigFile; }
    // GnuTLS 3.6 and later keep only the size of the group Exim gives them
    // and offer the RFC 7919 group of that strength.
    bool gnutlsPicksGroup() const;
    // tls_dhparam accepts "ffdhe3072" and the other built-in names (Exim 4.88).
    bool namedGroupsAvailable() const { return isAtLeast(4, 88); }
    // Unset tls_dhparam gives a group of 2048 bits or more (Exim 4.88: no
    // longer RFC 5114's ike23).
    bool autoDhAvailable() const { return hasTls() && isAtLeast(4, 88); }
    // "Exim 4.96 with GnuTLS 3.7.9"
    QString versionText() const;
    QString layoutText() const;

    QString option(const QString &name) const { return options.value(name); }
    bool knowsOption(const QString &name) const { return options.contains(name); }
    bool hasServerCertificate() const { return !option(QStringLiteral("tls_certificate")).isEmpty(); }
    int dhMaxBits() const;

    // Where to probe the server after a change: loopback when Exim listens
    // on every interface or on 127.0.0.1, else the first address of
    // local_interfaces; never a name. Empty when there is none. On another
    // host: hostAddress when Exim listens on every interface or on that
    // address, else its first address that is not loopback.
    QString listenAddress() const;
    // The port of that listener (daemon_smtp_ports' first, 25 for "smtp").
    quint16 listenPort() const;

    // Whether log_selector (after Exim's defaults) turns the item on.
    bool logs(const QString &item) const { return selectorLogs(option(QStringLiteral("log_selector")), item); }
    static bool selectorLogs(const QString &selector, const QString &item);
    // The log items MailTLS asks for, and the ones a log_selector leaves off.
    static QStringList tlsLogItems();
    QStringList missingTlsLogItems() const { return missingTlsLogItems(option(QStringLiteral("log_selector"))); }
    static QStringList missingTlsLogItems(const QString &selector);

    EximServedDh servedDh() const;
    // The RFC 7919 group GnuTLS offers for a group of `bits`.
    static int gnutlsGroupBits(int bits);
    // The size of one of Exim's built-in groups ("ffdhe3072", "ike2"); 0 for
    // a name Exim does not know.
    static int builtinGroupBits(const QString &name);
    static QByteArray rfc7919Prime(int bits);
};

} // namespace mailtls
