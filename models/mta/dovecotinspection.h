#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/mta/configfinding.h"
#include "models/mta/dovecotconfig.h"
#include "models/tls/dhparameters.h"

class QProcess;
class QTimer;

namespace mailtls {

class CommandHost;
class DovecotConfigReader;
class ServiceHostFiles;

// What an inspection of a Dovecot configuration found.
struct DovecotInspectionResult
{
    Q_DECLARE_TR_FUNCTIONS(DovecotInspectionResult)

public:
    enum class Running { Yes, No, Unknown };

    // The settings read, by what they do: Dovecot 2.4 renamed some of them.
    enum class Role { Ssl, Dh, MinProtocol, CipherList, PreferServerCiphers, Cert, Key, BaseDir, Listen, Protocols };

    bool ok = false;
    QString error; // why !ok: no Dovecot, no dovecot.conf, doveconf refused it

    QString configDirectory; // "/etc/dovecot"
    QString configPath; // "/etc/dovecot/dovecot.conf"
    // Every file read: plans are made from exactly these bytes.
    DovecotConfig config;
    QString doveconfProgram;
    QString doveadmProgram; // empty when not found: reloads go through pkill
    QString dovecotProgram; // empty when not found

    QString versionOutput; // "2.3.19.1 (9b53102964)"
    QString opensslVersion; // "OpenSSL 3.0.15 3 Sep 2024": the system's library, which Dovecot's TLS module loads
    int versionMajor = 0;
    int versionMinor = 0;
    int versionPatch = 0;
    int opensslMajor = 0;

    // `doveconf -c FILE -h NAME` for each name of settingNames(): what
    // Dovecot uses, its defaults included ("</path" for a file).
    QHash<QString, QString> settings;
    // `doveconf -n` exits 0: Dovecot accepts the configuration as it is.
    bool configValid = true;
    QString configCheckOutput; // its first error line when not

    Running running = Running::Unknown;
    QString statusOutput;
    QString pidFile; // base_dir/master.pid

    // The file the DH setting names (a relative path resolved as Dovecot
    // does); empty when the setting is empty.
    QString dhFile;
    std::optional<DhFileInfo> dh; // set when dhFile is
    // The cipher list lets TLS 1.2 DHE suites through (OpenSSL expands it).
    bool dheOffered = true;
    // The DH setting set again inside filters (protocol imap { … }).
    QList<DovecotConfig::Setting> dhOverrides;

    QList<ConfigFinding> findings;

    // Inspected on another host (through SSH): its commands run there as
    // root, and its files were read there.
    bool remote = false;
    // That host's address when it is an IP literal (a name is never looked
    // up); empty otherwise.
    QString hostAddress;
    // Found with the others (empty: by name, wherever the host's PATH has them).
    QString pgrepProgram;
    QString pkillProgram;
    // The files read besides the configuration's own, by path: the DH file
    // in use and each DH file a Logjam plan may write
    // (DovecotFixes::dhFilePaths). Plans are made from these bytes.
    QHash<QString, ConfigFile::Contents> files;

    // The file at `path` as the inspection read it (an error when it did not).
    ConfigFile::Contents file(const QString &path) const;

    bool isAtLeast(int major, int minor) const;
    // Dovecot 2.4 and later: ssl_server_dh_file and friends.
    bool usesServerSettings() const { return isAtLeast(2, 4); }
    // "ssl_dh" or, from 2.4, "ssl_server_dh_file".
    QString settingName(Role role) const;
    static QString settingName(Role role, bool serverSettings);
    QStringList settingNames() const;
    // What Dovecot uses for the role's setting.
    QString effective(Role role) const;
    // Where the global line that sets it is ("conf.d/10-ssl.conf line 55",
    // relative to the configuration directory), or "Dovecot's default".
    QString origin(Role role) const;
    // "Dovecot 2.3.19.1 with OpenSSL 3.0.15 3 Sep 2024"
    QString versionText() const;
    // ssl is not "no".
    bool sslEnabled() const;
    bool hasServerCertificate() const;
    // Where to check IMAPS after a change: loopback when Dovecot listens on
    // every address or there, else the first address `listen` names; never
    // a name. Empty when there is none. On another host: hostAddress when
    // Dovecot listens on every address or on that one, else the first
    // address `listen` names that is not loopback.
    QString listenAddress() const;
};

// Inspects a Dovecot configuration without blocking: the files themselves
// (DovecotConfig: which line sets what, read by DovecotConfigReader),
// `dovecot --version` (else doveconf -n's header), the system's OpenSSL
// version, `doveconf -n -c FILE` (is the configuration valid), `doveconf -c
// FILE -h NAME` for each setting read, whether Dovecot runs (`pgrep -F
// base_dir/master.pid -x dovecot`), the DH parameter file in use and the ones
// a plan may write, then DovecotAdvice's findings. It never writes anything;
// finished() follows start() once.
//
// Every file is read through ServiceHostFiles (FileAccess::create(host)): on
// another host (SudoCommandHost over SSH) the commands run there as root and
// the programs are looked for in its folders (setProgramFolders' list, not
// its PATH). A refusal by the host (sudo's, ssh's) ends the inspection with
// the host's explanation.
class DovecotInspection final : public QObject
{
    Q_OBJECT

public:
    // `configDirectory` empty: /etc/dovecot.
    DovecotInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent = nullptr);
    ~DovecotInspection() override;

    // Where doveconf, dovecot, doveadm and openssl are looked for after PATH
    // (default /usr/bin, /usr/sbin, /usr/local/bin, /usr/local/sbin).
    void setProgramFolders(const QStringList &folders, bool searchPath = true);
    void setTimeout(int milliseconds);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    DovecotInspectionResult result() const { return m_result; }

    // Runs an inspection to its end in an event loop of its own: for the
    // command line and tests, never for the GUI thread.
    static DovecotInspectionResult read(std::shared_ptr<const CommandHost> host, const QString &configDirectory);

    // The facts after the commands: version numbers, the DH file and its
    // inspection, DHE in the cipher list, overrides, and the findings.
    // Public so that tests can judge hand-made results.
    static void complete(DovecotInspectionResult &result);
    // The file the DH setting names (result.dhFile), from the settings and
    // the configuration read.
    static void findDhFile(DovecotInspectionResult &result);
    // What an inspection reads besides the configuration, for `result` read
    // so far: the DH file in use and every file a Logjam plan may write.
    static QStringList filesToRead(const DovecotInspectionResult &result);

    // Whether OpenSSL's expansion of `cipherList` holds a DHE suite; true for
    // a list OpenSSL refuses (Dovecot would then refuse TLS: not this
    // question's answer).
    static bool cipherListOffersDhe(const QString &cipherList);

signals:
    void finished();

private:
    using Done = void (DovecotInspection::*)(int exitCode, bool ran);

    QString findProgram(const QString &name, const QStringList &besides = {}) const;
    void findLocalPrograms();
    void findRemotePrograms();
    void onPrograms(const QHash<QString, QString> &found);
    void readConfig();
    void onConfig(const QString &hostError);
    void startCommands();
    void readFiles();
    void runCommand(const QStringList &argv, Done done);
    void onVersion(int exitCode, bool ran);
    void runOpenssl();
    void onOpenssl(int exitCode, bool ran);
    void runCheck();
    void onCheck(int exitCode, bool ran);
    void runSetting();
    void onSetting(int exitCode, bool ran);
    void runStatus();
    void onStatus(int exitCode, bool ran);
    void finish(const QString &error = QString());
    void discardProcess();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    QStringList m_folders;
    bool m_searchPath = true;
    int m_timeout = 30000;
    bool m_running = false;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_output;
    QByteArray m_errors;
    QStringList m_pendingSettings;
    QString m_openssl;
    ServiceHostFiles *m_files = nullptr;
    DovecotConfigReader *m_reader = nullptr;
    DovecotInspectionResult m_result;
};

} // namespace mailtls
