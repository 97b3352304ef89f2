#!/usr/bin/env bash
# `mailtls follow journal` and `ssh://…/journal` on real journal files (written
# by systemd-journal-remote: no journald runs here) that grow by new files
# while it follows, through a restart of `mailtls follow` and (over SSH) killed
# connections: the store must end with every Postfix entry read once and the
# figures of one import of the same lines as a log file.
#
#   bash tests/integration/test_follow_journal.sh /path/to/mailtls
#
# Needs: systemd (journalctl), systemd-journal-remote, openssh-server,
# openssh-client, sqlite3, coreutils, awk. Runs as root.

set -u
MAILTLS=${1:?usage: test_follow_journal.sh /path/to/mailtls}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/follow.sh
. "$HERE/lib/follow.sh"
# shellcheck source=lib/journal.sh
. "$HERE/lib/journal.sh"
# shellcheck source=lib/sshd.sh
. "$HERE/lib/sshd.sh"

sshd_init
trap 'fl_kill_follow; sshd_cleanup' EXIT
export XDG_DATA_HOME="$T/data"
: > "$T/follow.err"

LINES=12000
"$(fl_loggen)" --lines $LINES --seed 31 --days 2 --format rfc3339 > "$T/whole.log" || fl_fail "cannot generate the log"
POSTFIX_LINES=$(grep -c ' postfix/' "$T/whole.log")
# Four parts, each its own journal file, written while following.
split -n l/4 -d "$T/whole.log" "$T/part."
for part in 00 01 02 03; do
    jr_export "$T/part.$part" > "$T/part.$part.export"
done

sshd_setup srv
sshd_start srv
PORT=$(sshd_port srv)
SSH_CONFIG=$(sshd_client_config srv)

# run_case NAME SOURCE EXTRA_ARGS...: follows SOURCE while the journal grows.
run_case() {
    local name=$1 source=$2 dir=$T/$1/journal db=$T/$1/db.sqlite
    shift 2
    mkdir -p "$dir"
    jr_write "$T/part.00.export" "$dir" part00 || fl_fail "$name: journal-remote failed"
    fl_start_follow "$T/follow.err" --db "$db" --journal-directory "$dir" "$@" "$source"
    fl_wait_lines "$db" "$(grep -c ' postfix/' "$T/part.00")" 30 || fl_fail "$name: first part"
    jr_write "$T/part.01.export" "$dir" part01
    [ "$name" = ssh ] && { sleep 0.3; sshd_kill_sessions srv; }
    sleep 0.5
    fl_stop_follow || fl_fail "$name: follow did not stop cleanly"
    jr_write "$T/part.02.export" "$dir" part02
    fl_start_follow "$T/follow.err" --db "$db" --journal-directory "$dir" "$@" "$source"
    sleep 0.5
    [ "$name" = ssh ] && sshd_kill_sessions srv
    jr_write "$T/part.03.export" "$dir" part03
    fl_wait_lines "$db" "$POSTFIX_LINES" 60 || fl_fail "$name: not every entry reached the store"
    fl_stop_follow || fl_fail "$name: follow did not stop cleanly at the end"
    fl_same_as_import "$db" "$T/whole.log" || fl_fail "$name: figures differ from one import of the same lines"
}

run_case local journal
run_case ssh "ssh://root@127.0.0.1:$PORT/journal" --ssh-config "$SSH_CONFIG" \
    --accept-host-key "$(sshd_host_fingerprint srv)"
echo "PASS: $POSTFIX_LINES journal entries followed locally and over SSH through new files, a restart and killed connections; figures equal one import"
