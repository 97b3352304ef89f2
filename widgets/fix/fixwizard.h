#pragma once

#include <optional>

#include <QString>
#include <QStringList>
#include <QWizard>

#include "models/mta/changeplan.h"
#include "models/mta/planapplier.h"
#include "models/mta/postfixfixes.h"
#include "models/mta/postfixinspection.h"
#include "models/probe/probeoptions.h"

namespace mailtls {

// The guided fix of the own Postfix: Inspect → Choose fix → DH parameters
// (Logjam only) → Review changes → Apply → Done or Rolled back. It takes the
// same steps as `mailtls fix`: PostfixInspection, a PostfixFixes plan,
// PlanApplier. Nothing blocks the GUI thread; closing it while a plan is
// applied asks the applier to cancel (which rolls back) and waits for it.
class FixWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { InspectPage, ChoosePage, DhPage, ReviewPage, ApplyPage, ResultPage };
    enum class Fix { Logjam, StartTls, TlsLogging };

    struct Options
    {
        QString configDir = QStringLiteral("/etc/postfix");
        QString backupRoot; // empty: BackupStore::defaultRoot()
        ProbeOptions probeOptions;
        // Where the re-probe goes; empty: loopback when Postfix listens there,
        // else its first inet_interfaces address.
        QString verifyAddress;
        quint16 verifyPort = 25;
        // Where postconf and postfix are looked for before PATH (tests).
        QStringList programFolders;
        bool searchPath = true;
    };

    explicit FixWizard(const Options &options, QWidget *parent = nullptr);
    ~FixWizard() override;

    const Options &options() const { return m_options; }

    const PostfixInspectionResult &inspection() const { return m_inspection; }
    void setInspection(const PostfixInspectionResult &inspection) { m_inspection = inspection; }

    Fix fix() const { return m_fix; }
    void setFix(Fix fix) { m_fix = fix; }
    void setCertificate(const QString &certFile, const QString &keyFile);
    void setDhChoice(const PostfixFixes::DhChoice &choice) { m_dhChoice = choice; }

    // The plan of the chosen fix, with the re-probe's address set; nullopt
    // with *error when it cannot be made.
    std::optional<ChangePlan> makePlan(QString *error) const;
    // The plan of `fix` with the current inputs, for the Choose page.
    std::optional<ChangePlan> planFor(Fix fix, const PostfixFixes::DhChoice &choice, QString *error) const;

    const ChangePlan &plan() const { return m_plan; }
    void setPlan(const ChangePlan &plan) { m_plan = plan; }
    const PlanApplier::Result &applyResult() const { return m_applyResult; }
    void setApplyResult(const PlanApplier::Result &result) { m_applyResult = result; }

    PlanApplier *applier() const { return m_applier; }

    // Translated: "critical", "high", …

    void reject() override;

private:
    QString verifyAddress() const;

    Options m_options;
    PostfixInspectionResult m_inspection;
    Fix m_fix = Fix::Logjam;
    QString m_certFile;
    QString m_keyFile;
    PostfixFixes::DhChoice m_dhChoice;
    ChangePlan m_plan;
    PlanApplier::Result m_applyResult;
    PlanApplier *m_applier = nullptr;
};

} // namespace mailtls
