# shellcheck shell=bash
# An at spool and an atd of the test's own inside an MTA's private mount
# namespace (eximns.sh, sendmailns.sh), so that `at`, atq and atrm there (run
# by MailTLS directly or through an ssh login's sudo) see only this run's
# jobs and an atd runs them: /var/spool/cron and /run are folders of $T
# bound over the namespace's.
#
#   pa_make NAME DIR       the spool and /run; /run/NAME links to DIR (the
#                          MTA's own run folder, as the namespace links it)
#   pa_ns NSFN CMD ARGS... CMD run by NSFN (ex_ns, sm_ns) with both bound
#   pa_start_atd NSFN FAILFN
#                          atd started that way; ATD_PID its PID once it
#                          wrote its PID file (FAILFN after 10 s without)

pa_make() {
    mkdir -p "$T/cron/atjobs" "$T/cron/atspool" "$T/nsrun/lock"
    chown daemon:daemon "$T/cron/atjobs" "$T/cron/atspool"
    chmod 1770 "$T/cron/atjobs" "$T/cron/atspool"
    printf '00000\n' >"$T/cron/atjobs/.SEQ"
    chown daemon:daemon "$T/cron/atjobs/.SEQ"
    chmod 0600 "$T/cron/atjobs/.SEQ"
    ln -s "$2" "$T/nsrun/$1"
}

pa_ns() {
    local nsfn=$1
    shift
    # shellcheck disable=SC2016 # the inner sh expands its own arguments
    "$nsfn" sh -c 'mount --bind "$1" /var/spool/cron && mount --bind "$2" /run && shift 2 && exec "$@"' \
        ns "$T/cron" "$T/nsrun" "$@"
}

pa_start_atd() {
    local deadline
    pa_ns "$1" atd -f >"$T/atd.log" 2>&1 </dev/null &
    deadline=$((SECONDS + 10))
    until [ -s "$T/nsrun/atd.pid" ] && ATD_PID=$(($(cat "$T/nsrun/atd.pid") + 0)) && proc_alive "$ATD_PID"; do
        [ "$SECONDS" -ge "$deadline" ] && { cat "$T/atd.log" >&2; "$2" "the test's atd wrote no PID file within 10s"; }
        sleep 0.1
    done
}
