#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/sendmailinspectionresult.h"

class QProcess;
class QTimer;

namespace mailtls {

class CommandHost;
class ServiceHostFiles;

// Inspects a Sendmail installation on this machine without writing anything:
//
// 1. The binary: sendmail-mta (Debian's name for the daemon), else
//    /usr/libexec/sendmail/sendmail, else sendmail. Postfix and Exim install
//    a sendmail command too; one that does not answer as Sendmail is refused
//    with what it is.
// 2. The files in the folder given (default /etc/mail): sendmail.cf (what
//    Sendmail reads), sendmail.mc and the files it includes from that folder
//    (Debian's tls/starttls.m4).
// 3. `sendmail -C sendmail.cf -d0.14 -bt`: the version, the compile options
//    (STARTTLS), the OpenSSL it was built with and runs with, the PID file.
// 4. `m4 sendmail.mc` in the folder, as Debian's Makefile builds sendmail.cf:
//    whether sendmail.cf is up to date with sendmail.mc.
// 5. Whether the daemon runs: `start-stop-daemon --status` on its PID file.
// 6. The DH parameter file DHParameters names (SendmailDhFile), and
//    SendmailAdvice's findings.
//
// Commands run through the CommandHost one after another; finished()
// follows start() once (also after cancel()).
//
// Every file is read through ServiceHostFiles (FileAccess::create(host)), the
// DH files a Logjam plan may write included, so that SendmailFixes reads no
// file of its own. On another host (SudoCommandHost over SSH) the commands
// run there as root, m4 too (`m4 -I FOLDER`: see SendmailCfBuilder), the
// programs are looked for in its folders (setProgramFolders' list, then
// where its PATH would look), and a refusal by the host (sudo's, ssh's) ends
// the inspection with the host's explanation.
class SendmailInspection final : public QObject
{
    Q_OBJECT

public:
    // `configDirectory` empty: /etc/mail.
    SendmailInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent = nullptr);
    ~SendmailInspection() override;

    static QString defaultConfigDirectory() { return QStringLiteral("/etc/mail"); }

    // Where sendmail, m4 and start-stop-daemon are looked for besides PATH
    // (searched first unless searchPath is false; a plain "sendmail" is
    // looked for in the folders first). Default: /usr/libexec/sendmail,
    // /usr/lib/sm.bin, /usr/sbin, /usr/local/sbin, /sbin, /usr/bin.
    void setProgramFolders(const QStringList &folders, bool searchPath = true);
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    SendmailInspectionResult result() const { return m_result; }

    static SendmailInspectionResult read(std::shared_ptr<const CommandHost> host, const QString &configDirectory);

    // `sendmail -d0.14 -bt` parsed into `result`; false (with result.error)
    // when the command is not Sendmail's.
    static bool parseVersion(SendmailInspectionResult &result, const QByteArray &output);
    // The facts after the commands: sendmail.cf's TLS options, the DH file,
    // the findings. Public so that tests can judge hand-made results.
    static void complete(SendmailInspectionResult &result);
    // The files sendmail.mc includes from inside `configDirectory`, read in
    // include order (nested ones too).
    static QList<SendmailInspectionResult::IncludedFile> readIncludes(const QByteArray &mc,
                                                                      const QString &configDirectory);
    // The same, the files taken from `read`.
    static QList<SendmailInspectionResult::IncludedFile>
    readIncludes(const QByteArray &mc, const QString &configDirectory,
                 const std::function<ConfigFile::Contents(const QString &path)> &read);
    // What an inspection looks at and reads after its commands, for `result`
    // read so far: the certificate and key, the tls folder, /etc/ssl/certs;
    // the DH file DHParameters names and every file a Logjam plan may write.
    static QStringList filesToLookAt(const SendmailInspectionResult &result);
    static QStringList filesToRead(const SendmailInspectionResult &result);

signals:
    void finished();

private:
    enum class Step { Version, Build, Status };

    QString findProgram(const QStringList &names, bool foldersFirst = false) const;
    void findPrograms();
    void onPrograms(const QHash<QString, QString> &found);
    void readFiles();
    void readIncludedFiles();
    void gatherFiles();
    void run(Step step, const QStringList &argv, const QString &workingDirectory = QString());
    void onFinished(int exitCode, bool ran);
    void afterVersion(int exitCode, bool ran);
    void afterBuild(int exitCode, bool ran);
    void afterStatus(int exitCode, bool ran);
    void runBuild();
    void runStatus();
    void finish(const QString &error = QString());
    // Whether a host's answer carries the run on: not once it was cancelled,
    // nor after finishing with the host's error.
    bool goesOn(const QString &hostError);
    void discardProcess();

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    QStringList m_folders;
    bool m_searchPath = true;
    int m_timeout = 30000;
    bool m_running = false;
    Step m_step = Step::Version;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_output;
    QByteArray m_errors;
    ServiceHostFiles *m_files = nullptr;
    SendmailInspectionResult m_result;
};

} // namespace mailtls
