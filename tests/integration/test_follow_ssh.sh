#!/usr/bin/env bash
# `mailtls follow ssh://…` against a real sshd on 127.0.0.1: the followed log
# has spaces and quotes in its path; a writer appends 20,000 lines in pieces
# and rotates the file (rename-create, copy-truncate, deletion), the test kills
# the SSH connection five times (once just before a rotation) and restarts
# `mailtls follow` once. The store
# must end with every line read exactly once and the figures of one import.
# Host keys: an unknown key is refused until accepted (--accept-host-key), and
# a changed key is refused always.
#
#   bash tests/integration/test_follow_ssh.sh /path/to/mailtls
#
# Needs: openssh-server, openssh-client, sqlite3, coreutils, sed. Runs as root.

set -u
MAILTLS=${1:?usage: test_follow_ssh.sh /path/to/mailtls}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/follow.sh
. "$HERE/lib/follow.sh"
# shellcheck source=lib/sshd.sh
. "$HERE/lib/sshd.sh"

sshd_init
trap 'fl_kill_follow; sshd_cleanup' EXIT

sshd_setup srv
sshd_start srv
PORT=$(sshd_port srv)
FINGERPRINT=$(sshd_host_fingerprint srv)
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"
KNOWN="$T/data/MailTLS/mailtls/known_hosts"

mkdir -p "$T/remote logs"
LOG="$T/remote logs/it's \"mail\".log"
: > "$LOG"
# The same path in the URL, percent-encoded.
URL_PATH=$(printf '%s' "$LOG" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e "s/'/%27/g" -e 's/"/%22/g')
SOURCE="ssh://root@127.0.0.1:$PORT$URL_PATH"
DB="$T/db.sqlite"
SSH_CONFIG=$(sshd_client_config srv)
: > "$T/follow.err"

# 1. An unknown host key is refused: follow stops, says the fingerprint, and
#    stores no key.
timeout 60 "$MAILTLS" follow --progress-interval 0 --db "$DB" --ssh-config "$SSH_CONFIG" "$SOURCE" 2>"$T/unknown.err"
status=$?
[ $status -eq 1 ] || { cat "$T/unknown.err" >&2; fl_fail "unknown host key: exit status $status, expected 1"; }
grep -qF -- "--accept-host-key $FINGERPRINT" "$T/unknown.err" || { cat "$T/unknown.err" >&2; fl_fail "the fingerprint was not shown"; }
[ ! -s "$KNOWN" ] || fl_fail "a key was stored without being accepted"

# 2. Accepted: followed through rotations, killed connections and a restart.
LINES=20000
PIECE=400
fl_make_log "$T/whole.log" $LINES 23 || fl_fail "cannot generate the log"
after_piece() {
    case $1 in
        3)  fl_wait_lines "$DB" "$FL_LAST" 30 || fl_fail "the first lines did not arrive" ;;
        5|7|33|44) sshd_kill_sessions srv ;;
        8)  # Renamed while the connection is down: the rest of the old file is
            # found by its identity after the reconnect.
            fl_rotate_rename ;;
        15) # Copy-truncate empties the file in place; lines not read by then
            # exist only in the copy (logrotate warns of this), so the test
            # waits until they are read, as the follower would be by then.
            fl_wait_lines "$DB" "$FL_LAST" 30 || fl_fail "lines before the copy-truncate"
            fl_rotate_copytruncate
            sleep 0.6 ;;
        22) fl_stop_follow || fl_fail "follow did not stop cleanly"
            fl_start_follow "$T/follow.err" --db "$DB" --ssh-config "$SSH_CONFIG" "$SOURCE" ;;
        28) fl_wait_lines "$DB" "$FL_LAST" 30 || fl_fail "lines before deleting the log"
            rm -f "$LOG"
            sleep 0.6
            : > "$LOG" ;;
    esac
}

fl_start_follow "$T/follow.err" --db "$DB" --ssh-config "$SSH_CONFIG" --accept-host-key "$FINGERPRINT" "$SOURCE"
fl_write_in_pieces "$T/whole.log" $LINES $PIECE after_piece
fl_wait_lines "$DB" $LINES 60 || fl_fail "not every line reached the store"
fl_stop_follow || fl_fail "follow did not stop cleanly at the end"
[ "$(fl_lines "$DB")" = $LINES ] || fl_fail "store read $(fl_lines "$DB") lines, expected $LINES"
fl_same_as_import "$DB" "$T/whole.log" || fl_fail "figures differ from one import of the whole log"
grep -qF "$(sshd_host_key srv)" "$KNOWN" || fl_fail "the accepted key is not in MailTLS's known_hosts"

# 3. A changed host key is refused, even with --accept-host-key of the new key.
cp "$KNOWN" "$T/known.before"
sshd_replace_host_key srv
NEW_FINGERPRINT=$(sshd_host_fingerprint srv)
timeout 60 "$MAILTLS" follow --progress-interval 0 --db "$DB" --ssh-config "$SSH_CONFIG" \
    --accept-host-key "$NEW_FINGERPRINT" "$SOURCE" 2>"$T/changed.err"
status=$?
[ $status -eq 1 ] || { cat "$T/changed.err" >&2; fl_fail "changed host key: exit status $status, expected 1"; }
grep -qF "$NEW_FINGERPRINT" "$T/changed.err" || { cat "$T/changed.err" >&2; fl_fail "the new fingerprint was not named"; }
cmp -s "$KNOWN" "$T/known.before" || fl_fail "the known_hosts file changed"
[ "$(fl_lines "$DB")" = $LINES ] || fl_fail "lines changed after the refused connection"
echo "PASS: $LINES lines over SSH through 3 rotations, 5 killed connections and a restart; host keys refused until accepted, changed key refused"
