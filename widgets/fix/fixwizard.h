#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QString>
#include <QStringList>
#include <QWizard>

#include "models/mta/changeplan.h"
#include "models/mta/dhchoice.h"
#include "models/mta/mailservice.h"
#include "models/mta/planapplier.h"
#include "models/probe/probeoptions.h"

namespace mailtls {

class CommandHost;
class FixRemoteAccess;

// The guided fix of the own mail service (Postfix, Exim, Sendmail or
// Dovecot): Inspect → Choose fix → DH parameters (Logjam only) → Review
// changes → Apply → Done or Rolled back. It takes the same steps as
// `mailtls fix`: a MailServiceInspection, the MailService's plan,
// PlanApplier, on this computer or a remote host. "Restore Previous
// Configuration" leads from the Restore page to the same Review and Apply
// pages, on the computer of the backup's files. Nothing blocks the GUI
// thread; closing it while a plan is applied asks the applier to cancel
// (which rolls back) and waits for it.
class FixWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { InspectPage, ChoosePage, DhPage, ReviewPage, ApplyPage, ResultPage, RestorePage };
    using Fix = MailService::Fix;

    struct Options
    {
        // The service inspected first; the Inspect page offers the others.
        MailService::Kind kind = MailService::Kind::Postfix;
        // Empty: the service's own folder (/etc/postfix, /etc/exim4, …).
        QString configDir;
        QString backupRoot; // empty: BackupStore::defaultRoot()
        ProbeOptions probeOptions;
        // Where the re-probe goes; empty: where the service says it listens
        // (MailService::listenAddress), on its probePort().
        QString verifyAddress;
        quint16 verifyPort = 25;
        // Where the service's programs are looked for before PATH (tests).
        QStringList programFolders;
        bool searchPath = true;
        // Open on the list of backups ("Restore Previous Configuration…").
        bool restore = false;
        // The fix chosen first on the Choose page (a finding's own fix).
        std::optional<Fix> preferredFix;
    };

    explicit FixWizard(const Options &options, QWidget *parent = nullptr);
    ~FixWizard() override;

    const Options &options() const { return m_options; }

    // The service being inspected or fixed, and its configuration folder
    // (empty: its default): the Inspect page switches between services.
    MailService::Kind kind() const { return m_kind; }
    QString configDir() const;
    void setKind(MailService::Kind kind);
    // The inspected service; null until an inspection has succeeded.
    const std::shared_ptr<const MailService> &service() const { return m_service; }
    void setService(std::shared_ptr<const MailService> service) { m_service = std::move(service); }

    Fix fix() const { return m_fix; }
    void setFix(Fix fix) { m_fix = fix; }
    void setCertificate(const QString &certFile, const QString &keyFile);
    void setDhChoice(const DhChoice &choice) { m_dhChoice = choice; }

    // The plan of the chosen fix, with the re-probe's address set (nullopt
    // with *error when it cannot be made), as a function that holds copies
    // of everything it needs, to run on a worker thread: making a plan may
    // run programs (m4 for Sendmail's sendmail.cf) and must not hold up the
    // window.
    std::function<std::optional<ChangePlan>(QString *)> fixPlanMaker() const;
    // The plan of `fix` with the current inputs, for the Choose page.
    std::optional<ChangePlan> planFor(Fix fix, const DhChoice &choice, QString *error) const;

    // Where remote hosts are reached from (the Inspect and Restore pages).
    FixRemoteAccess *remoteAccess() const { return m_remote; }
    // The computer the service is inspected and fixed on (this one unless
    // set; `location` as PlanApplier::setCommandHost takes it); the applier
    // gets it at once, and again from useServiceHost().
    void setServiceHost(std::shared_ptr<const CommandHost> host, const QString &location);
    // The applier back on the service's computer, after a restore had it on
    // the computer of a backup's files.
    void useServiceHost();

    // Restoring: the backup whose files the plan puts back (empty: a fix),
    // and how ssh's askpass helper names their host (empty: this computer).
    // The Restore page sets the applier's host to theirs; the Review page
    // works the plan out there (PlanApplier::makeRestorePlan).
    // The Inspect page's Restore button leads there, as does Options::restore.
    QString restoreBackup() const { return m_restoreId; }
    QString restoreAskpassTarget() const { return m_restoreAskpassTarget; }
    void setRestoreBackup(const QString &id, const QString &askpassTarget = QString())
    {
        m_restoreId = id;
        m_restoreAskpassTarget = askpassTarget;
    }
    bool wantsRestore() const { return m_wantsRestore; }
    void setWantsRestore(bool wants) { m_wantsRestore = wants; }
    // "Postfix" for a plan of Postfix's, for messages.
    static QString serviceTitle(const ChangePlan &plan);

    const ChangePlan &plan() const { return m_plan; }
    void setPlan(const ChangePlan &plan) { m_plan = plan; }
    const PlanApplier::Result &applyResult() const { return m_applyResult; }
    void setApplyResult(const PlanApplier::Result &result) { m_applyResult = result; }

    PlanApplier *applier() const { return m_applier; }

    void reject() override;

private:
    QString verifyAddress() const;

    Options m_options;
    MailService::Kind m_kind = MailService::Kind::Postfix;
    std::shared_ptr<const MailService> m_service;
    Fix m_fix = Fix::Logjam;
    QString m_certFile;
    QString m_keyFile;
    DhChoice m_dhChoice;
    QString m_restoreId;
    QString m_restoreAskpassTarget;
    std::shared_ptr<const CommandHost> m_serviceHost;
    QString m_serviceLocation;
    FixRemoteAccess *m_remote = nullptr;
    bool m_wantsRestore = false;
    ChangePlan m_plan;
    PlanApplier::Result m_applyResult;
    PlanApplier *m_applier = nullptr;
};

} // namespace mailtls
