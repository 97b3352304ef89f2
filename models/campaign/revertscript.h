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
    QString mta = QStringLiteral("Postfix"); // for the words of describe()
    QStringList restored; // files put back to their bytes from before the window
    QStringList changed; // files changed since the window started: not overwritten
    QStringList failed; // files it could not put back
    QStringList adjusted; // parameters taken back out of a changed main.cf with postconf
    QStringList unblocked; // changed files the window's block was taken out of
    QStringList stillEnforcing; // parameters, or files with the block, it could not take back
    bool checkOk = false; // every validation command passed afterwards
    QString reload; // "done", "not-running", "failed", "skipped" (the check failed)

    // The window is over: every window setting is back.
    bool windowEnded() const { return failed.isEmpty() && stillEnforcing.isEmpty(); }
    // One paragraph for the user, translated.
    QString describe() const;
};

// The shell script that ends a campaign's window on the mail host without
// MailTLS (run by `at` or a systemd timer). For each file it puts back the
// bytes from before the window (or removes a file the window created), but
// only while the file holds exactly the window's bytes (SHA-256); a file
// changed meanwhile is not overwritten, and only the window's settings are
// taken back out of it: Postfix's parameters with postconf where they still
// hold the window's value, a block of lines (Exim's macros) between its
// marker lines. Then the plan's validation commands, a reload when the MTA
// runs and they passed, and the status file, written last (renamed into
// place) so that a half-written one is never read.
class RevertScript final
{
    Q_DECLARE_TR_FUNCTIONS(RevertScript)

public:
    struct File
    {
        QString path;
        QByteArray before; // the bytes to put back
        QByteArray window; // the bytes the window wrote
        bool existed = true; // false: the window created the file; it goes again
    };
    struct Parameter
    {
        QByteArray name;
        std::optional<QByteArray> before; // nothing: main.cf did not define it
        QByteArray window; // "encrypt"
    };
    // Lines the window added to a file, from the line `begin` to the line
    // `end` (both whole lines, both included; a file may hold several).
    struct Block
    {
        QString path;
        QByteArray begin;
        QByteArray end;

        // What the script does to a changed file, for plans made here: the
        // text without every such run of lines (a line ending in CR LF
        // counts as the same line), and whether it holds one.
        QByteArray removedFrom(const QByteArray &text) const;
        bool isIn(const QByteArray &text) const;
    };
    struct Input
    {
        qint64 campaignId = 0;
        qint64 windowEnd = 0;
        QString mta = QStringLiteral("Postfix"); // as the user knows it, for the status
        QString configDir;
        QString postconfProgram; // for `parameters`
        QString statusPath;
        // The plan's commands (ChangePlan): each validation must exit 0
        // before the reload; the status command tells whether the MTA runs.
        QList<QStringList> validateCommands;
        QStringList statusCommand;
        QStringList reloadCommand;
        QList<File> files;
        QList<Parameter> parameters;
        QList<Block> blocks;
    };

    static QByteArray script(const Input &input);
    // std::nullopt for text that is not a complete status file.
    static std::optional<RevertStatus> parseStatus(const QByteArray &text);
    // A word quoted for a POSIX shell, and a command of such words.
    static QByteArray shellQuoted(const QByteArray &word);
    static QByteArray command(const QStringList &words);

    // Where the job's files live on the mail host: beside main.cf, in its
    // configuration folder, named for the campaign.
    static QString scriptPath(const QString &configDir, qint64 campaignId);
    static QString statusPath(const QString &configDir, qint64 campaignId);
};

} // namespace mailtls
