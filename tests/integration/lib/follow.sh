# shellcheck shell=bash
# Shared by the follow tests: a writer that appends a generated Postfix log in
# pieces and rotates it the ways logrotate does, `mailtls follow` started and
# stopped by PID, and the check that the store holds exactly one clean read.
#
# The caller sets MAILTLS (the binary), T (a private temporary folder) and
# LOG (the followed file, for the rotation helpers). `mailtls follow` writes
# its messages to $T/follow.err.

FOLLOW_PID=

# fl_fail MESSAGE: ends the test with MESSAGE and what `mailtls follow` said.
fl_fail() {
    echo "FAIL: $*" >&2
    echo "--- mailtls follow said:" >&2
    cat "$T/follow.err" >&2
    exit 1
}

# Kills a `mailtls follow` still running (for the EXIT trap).
fl_kill_follow() {
    [ -n "$FOLLOW_PID" ] && kill -KILL "$FOLLOW_PID" 2>/dev/null
    FOLLOW_PID=
}

fl_loggen() {
    echo "$(dirname "$MAILTLS")/../tests/bench/mailtls_loggen"
}

# fl_make_log FILE LINES SEED: a generated log of exactly LINES lines.
fl_make_log() {
    "$(fl_loggen)" --lines "$2" --seed "$3" --days 2 > "$1"
}

# fl_append FROM_FILE FIRST LAST: appends lines FIRST..LAST (1-based) to $LOG,
# in one write, as a syslog daemon does.
fl_append() {
    sed -n "$2,$3p" "$1" >> "$LOG"
}

# fl_write_in_pieces WHOLE_LOG LINES PIECE HOOK: the writer. Appends lines
# 1..LINES of WHOLE_LOG to $LOG, PIECE lines at a time with a short pause, and
# after each piece runs HOOK N (N counts the pieces from 1) with FL_LAST the
# last line appended; a hook that appends lines itself moves FL_LAST on.
fl_write_in_pieces() {
    local whole=$1 lines=$2 size=$3 hook=$4 piece=0 first=1
    while [ "$first" -le "$lines" ]; do
        FL_LAST=$((first + size - 1))
        [ "$FL_LAST" -gt "$lines" ] && FL_LAST=$lines
        fl_append "$whole" "$first" "$FL_LAST"
        piece=$((piece + 1))
        "$hook" "$piece"
        first=$((FL_LAST + 1))
        sleep 0.02
    done
}

# Rotation by rename and create: LOG.1 -> LOG.2, LOG -> LOG.1, new empty LOG.
fl_rotate_rename() {
    [ -e "$LOG.1" ] && mv -f "$LOG.1" "$LOG.2"
    mv "$LOG" "$LOG.1"
    : > "$LOG"
}

# Rotation by copy and truncate: the same file (inode) is emptied.
fl_rotate_copytruncate() {
    [ -e "$LOG.1" ] && mv -f "$LOG.1" "$LOG.2"
    cp "$LOG" "$LOG.1"
    : > "$LOG"
}

# fl_start_follow ERRFILE ARGS...: runs `mailtls follow` in the background; its
# PID in FOLLOW_PID.
fl_start_follow() {
    local err=$1
    shift
    "$MAILTLS" follow --progress-interval 0 "$@" 2>>"$err" &
    FOLLOW_PID=$!
}

# Stops it with SIGTERM; fails unless it exits 0 within 20 s.
fl_stop_follow() {
    kill -TERM "$FOLLOW_PID" 2>/dev/null || return 1
    local _ status
    for _ in $(seq 1 200); do
        kill -0 "$FOLLOW_PID" 2>/dev/null || break
        sleep 0.1
    done
    wait "$FOLLOW_PID"
    status=$?
    FOLLOW_PID=
    return $status
}

# fl_lines DB: lines the store read from all its sources.
fl_lines() {
    sqlite3 "$1" "SELECT coalesce(sum(lines_read), 0) FROM sources" 2>/dev/null || echo 0
}

# fl_wait_lines DB N SECONDS: waits until the store has read N lines.
fl_wait_lines() {
    local _
    for _ in $(seq 1 $(($3 * 10))); do
        [ "$(fl_lines "$1")" = "$2" ] && return 0
        sleep 0.1
    done
    echo "store has $(fl_lines "$1") lines, expected $2" >&2
    return 1
}

# fl_same_as_import DB WHOLE_LOG: the figures in DB are those of one import of
# WHOLE_LOG (include local hops: every figure counts).
fl_same_as_import() {
    rm -f "$T/import.sqlite"
    "$MAILTLS" import --db "$T/import.sqlite" "$2" 2>/dev/null || return 1
    "$MAILTLS" report --db "$T/import.sqlite" --include-local --format csv > "$T/expected.csv" || return 1
    "$MAILTLS" report --db "$1" --include-local --format csv > "$T/actual.csv" || return 1
    [ "$(wc -l < "$T/expected.csv")" -gt 10 ] || { echo "expected figures are too few" >&2; return 1; }
    diff -u "$T/expected.csv" "$T/actual.csv" >&2
}
