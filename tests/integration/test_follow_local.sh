#!/usr/bin/env bash
# `mailtls follow` on a local file while a writer appends 20,000 lines in
# pieces and rotates the file every way logrotate does (rename-create,
# copy-truncate, delete and create again), and while `mailtls follow` itself is
# stopped and started again twice (once across a rotation it did not see): the
# store must end with every line read exactly once and exactly the figures of
# one import of the whole log.
#
#   bash tests/integration/test_follow_local.sh /path/to/mailtls
#
# Needs: sqlite3, coreutils, sed. No network.

set -u
MAILTLS=${1:?usage: test_follow_local.sh /path/to/mailtls}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/follow.sh
. "$HERE/lib/follow.sh"

T=$(mktemp -d /tmp/mailtls-follow-local.XXXXXX)
cleanup() {
    fl_kill_follow
    [ "${MAILTLS_KEEP_TMP:-}" = 1 ] || rm -rf "$T"
}
trap cleanup EXIT

LINES=20000
PIECE=400
fl_make_log "$T/whole.log" $LINES 11 || fl_fail "cannot generate the log"
LOG="$T/mail.log"
: > "$LOG"
DB="$T/db.sqlite"

after_piece() {
    case $1 in
        8)  fl_wait_lines "$DB" "$FL_LAST" 20 || fl_fail "lines before the first rotation"
            fl_rotate_rename ;;
        14) fl_rotate_copytruncate
            sleep 0.6 ;;
        20) # Stopped in the middle, and the log rotated while it was stopped:
            # the rest of the old file must be read from mail.log.1 on restart.
            fl_stop_follow || fl_fail "follow did not stop cleanly"
            fl_append "$T/whole.log" $((FL_LAST + 1)) $((FL_LAST + PIECE))
            FL_LAST=$((FL_LAST + PIECE))
            fl_rotate_rename
            fl_start_follow "$T/follow.err" --db "$DB" "$LOG" ;;
        30) fl_wait_lines "$DB" "$FL_LAST" 20 || fl_fail "lines before deleting the log"
            rm -f "$LOG"
            sleep 0.6
            : > "$LOG" ;;
        36) fl_stop_follow || fl_fail "follow did not stop cleanly (second time)"
            fl_start_follow "$T/follow.err" --db "$DB" "$LOG" ;;
    esac
}

fl_start_follow "$T/follow.err" --db "$DB" "$LOG"
fl_write_in_pieces "$T/whole.log" $LINES $PIECE after_piece

fl_wait_lines "$DB" $LINES 30 || fl_fail "not every line reached the store"
fl_stop_follow || fl_fail "follow did not stop cleanly at the end"
[ "$(fl_lines "$DB")" = $LINES ] || fl_fail "store read $(fl_lines "$DB") lines, expected $LINES"
fl_same_as_import "$DB" "$T/whole.log" || fl_fail "figures differ from one import of the whole log"
echo "PASS: $LINES lines followed through 3 rotations, a deletion and 2 restarts; figures equal one import"
