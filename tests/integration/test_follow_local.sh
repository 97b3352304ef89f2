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
FOLLOW_PID=
cleanup() {
    [ -n "$FOLLOW_PID" ] && kill -KILL "$FOLLOW_PID" 2>/dev/null
    [ "${MAILTLS_KEEP_TMP:-}" = 1 ] || rm -rf "$T"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- mailtls follow said:" >&2
    cat "$T/follow.err" >&2
    exit 1
}

LINES=20000
PIECE=400
fl_make_log "$T/whole.log" $LINES 11 || fail "cannot generate the log"
LOG="$T/mail.log"
: > "$LOG"
DB="$T/db.sqlite"

fl_start_follow "$T/follow.err" --db "$DB" "$LOG"
piece=0
first=1
while [ $first -le $LINES ]; do
    last=$((first + PIECE - 1))
    [ $last -gt $LINES ] && last=$LINES
    fl_append "$T/whole.log" $first $last
    piece=$((piece + 1))
    case $piece in
        8)  fl_wait_lines "$DB" $last 20 || fail "lines before the first rotation"
            fl_rotate_rename ;;
        14) fl_rotate_copytruncate
            sleep 0.6 ;;
        20) # Stopped in the middle, and the log rotated while it was stopped:
            # the rest of the old file must be read from mail.log.1 on restart.
            fl_stop_follow || fail "follow did not stop cleanly"
            fl_append "$T/whole.log" $((last + 1)) $((last + PIECE))
            last=$((last + PIECE))
            fl_rotate_rename
            fl_start_follow "$T/follow.err" --db "$DB" "$LOG" ;;
        30) fl_wait_lines "$DB" $last 20 || fail "lines before deleting the log"
            rm -f "$LOG"
            sleep 0.6
            : > "$LOG" ;;
        36) fl_stop_follow || fail "follow did not stop cleanly (second time)"
            fl_start_follow "$T/follow.err" --db "$DB" "$LOG" ;;
    esac
    first=$((last + 1))
    sleep 0.02
done

fl_wait_lines "$DB" $LINES 30 || fail "not every line reached the store"
fl_stop_follow || fail "follow did not stop cleanly at the end"
[ "$(fl_lines "$DB")" = $LINES ] || fail "store read $(fl_lines "$DB") lines, expected $LINES"
fl_same_as_import "$DB" "$T/whole.log" || fail "figures differ from one import of the whole log"
echo "PASS: $LINES lines followed through 3 rotations, a deletion and 2 restarts; figures equal one import"
