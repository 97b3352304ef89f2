# Real systemd journals for tests, without journald: log lines become journal
# export format, which systemd-journal-remote writes into journal files that
# journalctl --directory reads (and follows: a new file in the folder counts).
#
# jr_export RFC3339_LOG > FILE.export
#   Each line "2026-11-01T00:00:00.123456+00:00 HOST IDENT[PID]: MESSAGE" becomes
#   one entry with __REALTIME_TIMESTAMP, _HOSTNAME, SYSLOG_IDENTIFIER, _PID,
#   MESSAGE, and _SYSTEMD_UNIT=postfix@-.service for Postfix's programs (others
#   get a unit of their own, e.g. dovecot.service).
# jr_write EXPORT_FILE JOURNAL_DIR NAME
#   Writes the entries into JOURNAL_DIR/NAME.journal.

JR_REMOTE=${JR_REMOTE:-/usr/lib/systemd/systemd-journal-remote}

jr_export() {
    awk '
    function days(y, m, d) {   # days since 1970-01-01 (proleptic Gregorian)
        y -= (m <= 2)
        era = int((y >= 0 ? y : y - 399) / 400)
        yoe = y - era * 400
        doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
        doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
        return era * 146097 + doe - 719468
    }
    {
        stamp = $1; host = $2; tag = $3
        msg = $0
        sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", msg)
        y = substr(stamp, 1, 4) + 0; mo = substr(stamp, 6, 2) + 0; d = substr(stamp, 9, 2) + 0
        h = substr(stamp, 12, 2) + 0; mi = substr(stamp, 15, 2) + 0; s = substr(stamp, 18, 2) + 0
        us = substr(stamp, 21, 6)
        secs = days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s
        sub(/:$/, "", tag)
        ident = tag; pid = ""
        if (match(tag, /\[[0-9]+\]$/)) {
            ident = substr(tag, 1, RSTART - 1)
            pid = substr(tag, RSTART + 1, RLENGTH - 2)
        }
        unit = ident ~ /^postfix/ ? "postfix@-.service" : ident ".service"
        printf "__REALTIME_TIMESTAMP=%d%s\n", secs, us
        # One boot across every file: its monotonic clock must keep running
        # from file to file, or journalctl orders the entries of a newer file
        # before those it has shown.
        printf "__MONOTONIC_TIMESTAMP=%d%s\n", secs - 1700000000, us
        printf "_BOOT_ID=0123456789abcdef0123456789abcdef\n"
        printf "_HOSTNAME=%s\n", host
        printf "SYSLOG_IDENTIFIER=%s\n", ident
        if (pid != "") printf "_PID=%s\n", pid
        printf "_SYSTEMD_UNIT=%s\n", unit
        printf "MESSAGE=%s\n\n", msg
    }' "$1"
}

jr_write() {
    mkdir -p "$2"
    "$JR_REMOTE" --output="$2/$3.journal" "$1" 2>/dev/null
}
