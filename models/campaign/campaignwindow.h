#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/campaign/campaign.h"
#include "models/campaign/enforcementplan.h"
#include "models/campaign/revertscript.h"
#include "models/logs/records.h"
#include "models/mta/changeplan.h"
#include "models/mta/eximinspectionresult.h"
#include "models/mta/mailservice.h"
#include "models/mta/sendmailinspectionresult.h"
#include "models/mta/planapplier.h"
#include "models/mta/postfixinspection.h"

class QTimer;

namespace mailtls {

class CommandHost;
class RevertJob;

// A peer the store saw sending or receiving mail in plaintext: a window in
// its direction refuses (inbound) or defers (outbound) that mail.
struct AffectedPeer
{
    Direction direction = Direction::Inbound;
    QString peer;
    qint64 messages = 0;
    qint64 plaintextMessages = 0;
};

// A window that the start-up check looked at.
struct WindowReport
{
    enum class State {
        Enforcing, // runs, ends at windowEnd
        EndedByJob, // the host's job ended it while MailTLS was not running
        EndedNow, // it outlived its end and MailTLS ended it now
        Problem, // it outlived its end and could not be ended: see message
    };
    Campaign campaign;
    State state = State::Enforcing;
    QString message; // translated, for the user as it is
};

// The enforcement window of a campaign on Postfix, on Exim in Debian's
// layouts, or on Sendmail (sendmail.mc), on this computer or on a host reached over SSH (setHost()):
// prepare() inspects the MTA and makes the window's plan (EnforcementPlan,
// EximEnforcementPlan, SendmailEnforcementPlan: its m4 run off the GUI
// thread), start() schedules the revert job on the
// mail host first (RevertJob), then applies the plan through PlanApplier
// (preview, backup, validate, reload, rollback) and records the campaign;
// end() puts the settings from before the window back through PlanApplier
// from the window's backup and removes the job; checkOnStart() finds a
// window that ended by the host's job, or outlived its end, and records or
// ends it.
//
// Nothing leaves the server enforcing without a job that ends it: the job is
// scheduled before anything is written, and a window whose job cannot be
// scheduled is not started; a failed apply removes the job again (unless
// its rollback failed, when the job stays to put the files back).
//
// Every call answers once through its callback, never from inside the call.
class CampaignWindow final : public QObject
{
    Q_OBJECT

public:
    struct Preparation
    {
        QString error; // set when there is no plan
        QString mta = QStringLiteral("postfix"); // "postfix", "exim"
        bool inbound = false;
        bool outbound = false;
        PostfixInspectionResult inspection;
        QString masterCfPath;
        QList<MasterCfOverride> overrides;
        EximInspectionResult exim;
        SendmailInspectionResult sendmail;
        std::optional<ChangePlan> plan;

        // Of the inspection of `mta`'s kind.
        bool inspected() const;
        QString configDirectory() const;
        QString versionText() const;
    };
    struct Outcome
    {
        bool ok = false;
        QString error; // translated; what went wrong and the state the files are in
        QStringList warnings; // translated; it worked, but the user should know
        Campaign campaign;
        PlanApplier::Result apply; // when a plan was applied
        bool applied = false;
    };
    using Prepared = std::function<void(const Preparation &preparation)>;
    using Done = std::function<void(const Outcome &outcome)>;
    using Checked = std::function<void(const QList<WindowReport> &reports)>;
    // The host a campaign's location ("ssh://…") names, for its MTA
    // ("postfix", "exim": what runs there through sudo); nullptr with *error
    // when it cannot be reached from here.
    using HostFactory = std::function<std::shared_ptr<const CommandHost>(const QString &location, const QString &mta,
                                                                         QString *error)>;

    explicit CampaignWindow(QString storePath, QObject *parent = nullptr);
    ~CampaignWindow() override;

    // This computer unless set; `location` as Campaign::host names it.
    void setHost(std::shared_ptr<const CommandHost> host, const QString &location);
    // How checkOnStart() and end() reach a campaign's host when it is not the
    // one set (default: this computer only).
    void setHostFactory(HostFactory factory) { m_hostFactory = std::move(factory); }
    void setBackupRoot(const QString &root);
    // For tests: where systemd's presence is looked for (RevertJob).
    void setSystemdMarker(const QString &path) { m_systemdMarker = path; }

    // The applier start() and end() use: its step signals, cancel().
    PlanApplier &applier() { return *m_applier; }

    // The MTAs a window can be started on, as Campaign::mta names them.
    static QStringList mtas()
    {
        return {QStringLiteral("postfix"), QStringLiteral("exim"), QStringLiteral("sendmail")};
    }
    // "Postfix", "Exim", "Sendmail"
    static QString mtaName(const QString &mta);
    // The service `mta` names, for the host's sudo programs.
    static MailService::Kind serviceKind(const QString &mta);
    // Its configuration folder when none is given.
    static QString defaultConfigDir(const QString &mta);
    // What enforcing means, for the user to read before starting.
    static QString warning(bool inbound, bool outbound, const QString &mta = QStringLiteral("postfix"));
    // Peers with plaintext mail in the window's directions over the 30 days
    // before `now`, most plaintext messages first.
    static QList<AffectedPeer> affectedPeers(const QString &storePath, bool inbound, bool outbound, qint64 now,
                                             QString *error);
    // "30m", "4h", "2d", "90s", "1h30m": seconds, or nothing.
    static std::optional<qint64> parseDuration(const QString &text);

    // `mta` one of mtas(); `configDir` empty: the MTA's default.
    void prepare(const QString &mta, const QString &configDir, bool inbound, bool outbound, Prepared done);
    void prepare(const QString &configDir, bool inbound, bool outbound, Prepared done)
    {
        prepare(QStringLiteral("postfix"), configDir, inbound, outbound, std::move(done));
    }
    // `duration` seconds from now; `name` empty: "Campaign YYYY-MM-DD".
    void start(const Preparation &preparation, qint64 duration, const QString &name, Done done);
    // `by`: "user" (ended early) or "app" (MailTLS at the end time).
    void end(qint64 campaignId, const QString &by, Done done);
    // The running window, if any: ended by its job (recorded), outlived (ended
    // now), or still running (its job checked).
    void checkOnStart(Checked done);
    // Ends the window at its end time while MailTLS runs ("app"); `done` as for end().
    void endAtItsTime(const Campaign &campaign, Done done);

private:
    struct EndContext;
    std::shared_ptr<const CommandHost> hostFor(const Campaign &campaign, QString *error) const;
    RevertJob *jobFor(std::shared_ptr<const CommandHost> host);
    void inspect(std::shared_ptr<const CommandHost> host, const QString &configDir,
                 std::function<void(const PostfixInspectionResult &)> done);
    void inspectExim(std::shared_ptr<const CommandHost> host, const QString &configDir,
                     std::function<void(const EximInspectionResult &, const std::optional<QByteArray> &acl,
                                        const QString &aclError)> done);
    void prepareExim(std::shared_ptr<const CommandHost> host, const QString &configDir, bool inbound, bool outbound,
                     Prepared done);
    void endWithExim(std::shared_ptr<EndContext> context);
    void inspectSendmail(std::shared_ptr<const CommandHost> host, const QString &configDir,
                         std::function<void(const SendmailInspectionResult &)> done);
    void prepareSendmail(std::shared_ptr<const CommandHost> host, const QString &configDir, bool inbound,
                         bool outbound, Prepared done);
    void endWithSendmail(std::shared_ptr<EndContext> context);
    // Whether every file of the window's backup holds the window's bytes
    // (*atWindow) or its bytes from before (*atBefore), as `current` has them.
    static void compareWithBackup(const Backup &backup,
                                  const std::function<std::optional<QByteArray>(const QString &path)> &current,
                                  bool *atWindow, bool *atBefore);
    // True when the campaign has no backup recorded, and the end answered.
    bool endWithoutBackup(std::shared_ptr<EndContext> context, bool enforcing);
    // The window's backup, or nothing with the end answered.
    std::optional<Backup> windowBackup(std::shared_ptr<EndContext> context) const;
    void endByRestore(std::shared_ptr<EndContext> context);
    void applyPlan(const ChangePlan &plan, std::function<void(const PlanApplier::Result &)> done);
    void finishByJob(Campaign campaign, const RevertStatus &status, std::shared_ptr<const CommandHost> host,
                     Done done);
    void endWith(std::shared_ptr<EndContext> context);
    void endApply(std::shared_ptr<EndContext> context, const ChangePlan &plan);
    void endRecord(std::shared_ptr<EndContext> context, const QString &how);
    QString storeError(const QString &error) const;
    // "2026-11-30 12:00:00 UTC"
    static QString utcText(qint64 seconds);

    QString m_storePath;
    std::shared_ptr<const CommandHost> m_host;
    QString m_location;
    HostFactory m_hostFactory;
    QString m_systemdMarker;
    PlanApplier *m_applier = nullptr;
    QTimer *m_endTimer = nullptr;
};

} // namespace mailtls
