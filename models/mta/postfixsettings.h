#pragma once

#include <memory>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include "models/sources/commandhost.h"

class QProcess;
class QTimer;

namespace mailtls {

// One parameter as the installed Postfix sees it.
struct PostfixParameter
{
    enum class Source {
        MainCf, // main.cf sets it (the last definition, as Postfix reads it)
        Default, // main.cf does not set it: Postfix's built-in default applies
        NotInThisPostfix, // this Postfix version has no such parameter (not an error)
        Unknown, // read without postconf and main.cf does not set it: default unknown
    };

    QString name;
    Source source = Source::Unknown;
    // The effective value, $references as written; empty for NotInThisPostfix.
    QString value;
    // The value with $references resolved (`postconf -x`).
    QString expandedValue;
    // `postconf -d`; empty when there is none or it is unknown.
    QString defaultValue;
};

struct PostfixSettingsResult
{
    bool ok = false;
    // Why !ok: postconf missing on a remote host, refused the configuration,
    // timed out, the host could not be reached, ….
    QString error;
    // False: postconf was not found on this machine and the values come from
    // main.cf alone (no defaults, no version).
    bool fromPostconf = false;
    QString postconfProgram;
    // As given (empty: Postfix's default), and as postconf reports it.
    QString configDirectory;
    QString effectiveConfigDirectory;
    // "3.7.11"; empty when unknown.
    QString mailVersion;
    // "OpenSSL 3.0.15 3 Sep 2024": what `$openssl_path version` reports as its
    // library. Postfix 3.7 names no OpenSSL version of its own (no parameter,
    // no command); its openssl_path command is the one Postfix's own "postfix
    // tls" uses and, on a distribution's Postfix, comes with the same library
    // the daemons load. Empty when that command could not be run.
    QString opensslVersion;
    QList<PostfixParameter> parameters;
    // postconf's own warnings (unused parameters, …), and notes on what
    // could not be read.
    QStringList warnings;

    const PostfixParameter *parameter(const QString &name) const;
};

// Reads the TLS-relevant Postfix settings the way Postfix itself resolves
// them, through `postconf [-c DIR]` on the MTA's host (this machine or over
// SSH): the effective values, which of them main.cf sets (-n), the defaults
// (-d), the expanded values (-x), mail_version, and the OpenSSL version of
// openssl_path. A parameter this Postfix does not know (tls_ffdhe_auto_groups
// before 3.8) is reported as such, not as an error. On this machine without
// postconf, main.cf is read alone.
//
// Runs its commands one after another without blocking; finished() follows
// start() once (also after cancel()).
class PostfixSettings final : public QObject
{
    Q_OBJECT

public:
    // `configDirectory` empty: Postfix's default (no -c).
    PostfixSettings(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent = nullptr);
    ~PostfixSettings() override;

    // What the Logjam, STARTTLS and TLS-logging fixes look at.
    static QStringList tlsParameterNames();

    // Before start(); default tlsParameterNames().
    void setParameterNames(const QStringList &names);
    // The postconf to run; default: found on PATH, then in the folders of
    // setPostconfFolders() here, or tried as "postconf", /usr/sbin/postconf,
    // /usr/local/sbin/postconf on a remote host.
    void setPostconfProgram(const QString &program);
    // Where postconf is looked for on this machine after PATH; default
    // /usr/sbin and /usr/local/sbin. An empty list with an empty PATH lookup
    // (searchPath false) finds none, and main.cf is read alone.
    void setPostconfFolders(const QStringList &folders, bool searchPath = true);
    // Per command; default 30 s.
    void setTimeout(int milliseconds);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    PostfixSettingsResult result() const { return m_result; }

    // Runs a PostfixSettings to its end in an event loop of its own: for the
    // command line and tests, never for the GUI thread.
    static PostfixSettingsResult read(std::shared_ptr<const CommandHost> host, const QString &configDirectory,
                                      const QStringList &names = tlsParameterNames());

    // Words for a parameter's source ("not in this Postfix", …).
    static QString sourceText(PostfixParameter::Source source);

signals:
    void finished();

private:
    enum class Step { Values, Defaults, Explicit, Expanded, OpensslVersion };

    QStringList postconfCandidates() const;
    void runStep();
    QStringList stepCommand() const;
    void stepFinished(bool started, int exitCode, bool crashed);
    void nextStep(Step step);
    void readFileInstead();
    void fail(const QString &error);
    void succeed();
    void discardProcess();
    QString commandFailure(int exitCode, bool crashed) const;

    std::shared_ptr<const CommandHost> m_host;
    QString m_configDirectory;
    QStringList m_names;
    QString m_programOverride;
    QStringList m_folders;
    bool m_searchPath = true;
    int m_timeout = 30000;

    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    bool m_running = false;
    bool m_timedOut = false;
    bool m_outputTooLarge = false;
    Step m_step = Step::Values;
    QStringList m_candidates;
    QByteArray m_output;
    QByteArray m_errorOutput;

    QHash<QString, QString> m_values;
    QHash<QString, QString> m_defaults;
    QHash<QString, QString> m_expanded;
    QSet<QString> m_explicit;
    QString m_opensslPath;
    PostfixSettingsResult m_result;
};

} // namespace mailtls
