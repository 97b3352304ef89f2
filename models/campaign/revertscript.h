#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mailtls {

// What the revert job left on the mail host for MailTLS to read: the status
// file, "key=value" lines.
struct RevertStatus
{
    qint64 campaignId = 0;
    qint64 ended = 0; // UTC seconds, when the job ran
    QStringList restored; // files put back to their bytes from before the window
    QStringList changed; // files changed since the window started: not overwritten
    QStringList failed; // files it could not put back
    QStringList adjusted; // parameters taken back out of a changed main.cf with postconf
    QStringList stillEnforcing; // parameters it could not take back
    bool checkOk = false; // `postfix -c DIR check` passed afterwards
    QString reload; // "done", "not-running", "failed", "skipped" (the check failed)

    // The window is over: every window setting is back.
    bool windowEnded() const { return failed.isEmpty() && stillEnforcing.isEmpty(); }
    // One paragraph for the user, translated.
    QString describe() const;
};

// The shell script that ends a campaign's window on the mail host without
// MailTLS (run by `at` or a systemd timer). For each file it puts back the
// bytes from before the window, but only while the file holds exactly the
// window's bytes (SHA-256); a file changed meanwhile is not overwritten, and
// the window's parameters are taken back out of it with postconf only where
// they still hold the window's value. Then `postfix -c DIR check`, a reload
// when Postfix runs and the check passed, and the status file, written last
// (renamed into place) so that a half-written one is never read.
class RevertScript final
{
    Q_DECLARE_TR_FUNCTIONS(RevertScript)

public:
    struct File
    {
        QString path;
        QByteArray before; // the bytes to put back
        QByteArray window; // the bytes the window wrote
    };
    struct Parameter
    {
        QByteArray name;
        std::optional<QByteArray> before; // nothing: main.cf did not define it
        QByteArray window; // "encrypt"
    };
    struct Input
    {
        qint64 campaignId = 0;
        qint64 windowEnd = 0;
        QString configDir;
        QString postfixProgram;
        QString postconfProgram;
        QString statusPath;
        QList<File> files;
        QList<Parameter> parameters;
    };

    static QByteArray script(const Input &input);
    // std::nullopt for text that is not a complete status file.
    static std::optional<RevertStatus> parseStatus(const QByteArray &text);
    // A word quoted for a POSIX shell.
    static QByteArray shellQuoted(const QByteArray &word);

    // Where the job's files live on the mail host: beside main.cf, in its
    // configuration folder, named for the campaign.
    static QString scriptPath(const QString &configDir, qint64 campaignId);
    static QString statusPath(const QString &configDir, qint64 campaignId);
};

} // namespace mailtls
