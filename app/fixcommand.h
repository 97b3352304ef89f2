#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls fix logjam|starttls|tls-logging [--mta postfix] [--config-dir DIR]
// [--dry-run | --yes] [--group ffdhe2048…ffdhe8192|auto] [--cert FILE --key FILE]
// [--verify-address IP[:PORT]] [--backup-dir DIR]`: inspects the own Postfix
// (PostfixInspection), prints the findings and the change plan
// (PostfixFixes) as a unified diff. --dry-run stops there; without --yes it
// stops there too and says to run again with --yes; with --yes PlanApplier
// backs up, writes, validates, reloads and re-probes, printing each step's
// outcome, and puts everything back on a failure or Ctrl+C. A plan with
// nothing to change says so.
//
// `mailtls fix --restore` lists the backups; `mailtls fix --restore BACKUP
// [--yes]` shows (and with --yes applies) the plan that puts the saved files
// back.
//
// Exit status: 0 when applied, nothing to change, or the plan shown without
// --yes; 1 when inspecting, planning or applying failed (the files are then
// as they were); 2 on usage errors (including an --mta other than postfix).
class FixCommand final
{
    Q_DECLARE_TR_FUNCTIONS(FixCommand)

public:
    // `arguments` starts with the program name, then "fix".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
