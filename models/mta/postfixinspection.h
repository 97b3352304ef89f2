#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/mta/configfinding.h"
#include "models/mta/postfixsettings.h"
#include "models/tls/dhparameters.h"

class QProcess;
class QTimer;

namespace mailtls {

class CommandHost;
class FileAccess;
struct HostFile;

// What an inspection of a Postfix configuration found.
struct PostfixInspectionResult
{
    Q_DECLARE_TR_FUNCTIONS(PostfixInspectionResult)

public:
    enum class Running { Yes, No, Unknown };

    // A service in master.cf that sets one of the inspected parameters with
    // "-o": main.cf does not reach that service for it.
    struct ServiceOverride
    {
        QString service; // "127.0.0.1:25/inet", "submission/inet"
        QString parameter;
        QString value;
    };

    bool ok = false;
    QString error; // why !ok: no Postfix, no main.cf, postconf refused it

    PostfixSettingsResult settings;
    QString configDirectory; // as Postfix reports it ("/etc/postfix")
    QString mainCfPath;
    QByteArray mainCf; // the bytes read: plans are made from exactly these
    QString postconfProgram;
    QString postfixProgram;

    // Parsed from settings.mailVersion / settings.opensslVersion; 0: unknown.
    int versionMajor = 0;
    int versionMinor = 0;
    int versionPatch = 0;
    int opensslMajor = 0;

    Running running = Running::Unknown;
    QString statusOutput;

    // smtpd_tls_dh1024_param_file with $references resolved; empty or "auto"
    // when OpenSSL or Postfix's built-in group is used.
    QString dhFile;
    std::optional<DhFileInfo> dh; // set when dhFile names a file
    bool dheExcluded = false; // smtpd_tls_exclude_ciphers takes DHE out
    QList<ServiceOverride> overrides;

    QList<ConfigFinding> findings;

    // Inspected on another host (through SSH): the files a plan needs were
    // read there, and are in `files`.
    bool remote = false;
    // That host's address when it is an IP literal (a name is never looked
    // up); empty otherwise.
    QString hostAddress;
    // The files read on the remote host, by path: main.cf, the DH file in
    // use, and each DH file a Logjam plan may write (PostfixFixes::dhFilePath).
    QHash<QString, ConfigFile::Contents> files;

    bool isAtLeast(int major, int minor) const;
    // Postfix ≥ 3.7 built with OpenSSL 3: an empty smtpd_tls_dh1024_param_file
    // (or "auto") lets OpenSSL choose a published group of matching size.
    bool autoDhAvailable() const;
    // Postfix ≥ 3.8 with OpenSSL 3 knows tls_ffdhe_auto_groups.
    bool ffdheAutoGroupsAvailable() const;
    // "Postfix 3.7.11 with OpenSSL 3.0.22 3 Sep 2024"
    QString versionText() const;

    // What Postfix uses for `name`: main.cf's last definition, else the
    // default, with $references resolved against main.cf and the defaults.
    QString effective(const QString &name) const;
    // Whether main.cf itself defines `name`.
    bool mainCfDefines(const QString &name) const;
    // The effective TLS security level of the server ("smtpd") or client
    // ("smtp"), the obsolete *_use_tls / *_enforce_tls counted when the
    // level is empty: "none", "may", "encrypt", ….
    QString securityLevel(const QString &prefix) const;
    // The server has a certificate: smtpd_tls_chain_files or smtpd_tls_cert_file.
    bool hasServerCertificate() const;
    QList<ServiceOverride> overridesOf(const QString &parameter) const;
    // Where to probe the server after a change: loopback when Postfix
    // listens there (inet_interfaces all, loopback-only, localhost,
    // 127.0.0.1), else the first address inet_interfaces lists; never a name
    // (it would be looked up). Empty when there is none. On a remote host:
    // hostAddress when Postfix listens on all addresses or on that one, else
    // the first address it lists that is not loopback (its loopback cannot be
    // reached from here).
    QString listenAddress() const;
    // The file at `path` as it is now: read on this computer, or as the
    // inspection read it on the remote host (an error when it did not).
    ConfigFile::Contents file(const QString &path) const;
};

// Inspects a Postfix configuration: PostfixSettings (the TLS settings,
// mail_version, the OpenSSL version), main.cf's bytes, the DH parameter file
// in use (DhParameters::inspectFile), whether Postfix runs
// (`postfix -c DIR status`) and master.cf's per-service overrides
// (`postconf -c DIR -P`), then PostfixAdvice's findings. Commands run without
// blocking; finished() follows start() once.
//
// On another host (a CommandHost that is not this computer, SudoCommandHost
// over SSH) the commands run there and the files are read there through
// CommandFileAccess, the DH files a Logjam plan may write included, so that
// PostfixFixes needs no file of its own. A refusal by the host (sudo's,
// ssh's) ends the inspection with the host's explanation.
class PostfixInspection final : public QObject
{
    Q_OBJECT

public:
    // `configDirectory` empty: Postfix's default (/etc/postfix).
    PostfixInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent = nullptr);
    ~PostfixInspection() override;

    // The parameters read: PostfixSettings::tlsParameterNames() and the ones
    // the advice needs beside them.
    static QStringList parameterNames();

    // For tests: where postconf and postfix are looked for after PATH
    // (default /usr/sbin, /usr/local/sbin).
    void setProgramFolders(const QStringList &folders, bool searchPath = true);
    void setTimeout(int milliseconds);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    PostfixInspectionResult result() const { return m_result; }

    // Runs an inspection to its end in an event loop of its own: for the
    // command line and tests, never for the GUI thread.
    static PostfixInspectionResult read(std::shared_ptr<const CommandHost> host, const QString &configDirectory);

    // The facts after the commands: version numbers, effective DH file and
    // its inspection, and the findings. Public so that tests can judge
    // hand-made results.
    static void complete(PostfixInspectionResult &result);

signals:
    void finished();

private:
    void onSettings();
    void readRemoteFiles();
    void onRemoteMainCf(const HostFile &file);
    void readRemoteFile(const QStringList &paths, int index);
    void runStatus();
    void runOverrides();
    void runCommand(const QStringList &argv, void (PostfixInspection::*done)(int exitCode, bool ran));
    void onStatus(int exitCode, bool ran);
    void onOverrides(int exitCode, bool ran);
    void finish(const QString &error = QString());
    void discardProcess();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    QStringList m_folders;
    bool m_searchPath = true;
    int m_timeout = 30000;
    bool m_running = false;
    PostfixSettings *m_settings = nullptr;
    std::unique_ptr<FileAccess> m_files;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_output;
    PostfixInspectionResult m_result;
};

} // namespace mailtls
