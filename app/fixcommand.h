#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls fix logjam|starttls|tls-logging [--mta SERVICE] [--host ssh://…] [--config-dir DIR]
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
// back, on the host they came from.
//
// `--host ssh://[user@]host[:port]` does the same on another host (Postfix
// only, for now): the commands run there through ssh with the settings
// `mailtls follow` uses (MailTLS's known-hosts file, --ssh-config,
// --identity, --accept-host-key, passwords and passphrases asked on the
// terminal for the SSH login only), as root through `sudo -n` unless the
// login is root; a refusal by sudo says which sudoers line to add. Backups
// stay on this computer and name the host; the re-probe goes to the host's
// address when it is an IP literal (or to --verify-address).
//
// Exit status: 0 when applied, nothing to change, or the plan shown without
// --yes; 1 when inspecting, planning or applying failed (the files are then
// as they were); 2 on usage errors (including --host with a service that
// cannot be fixed remotely yet).
class FixCommand final
{
    Q_DECLARE_TR_FUNCTIONS(FixCommand)

public:
    // `arguments` starts with the program name, then "fix".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
