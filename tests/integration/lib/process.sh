# shellcheck shell=bash
# Processes the integration tests started, found and stopped by PID (from
# /proc, so procps is not needed). Sourced by lib/postfix.sh and lib/sshd.sh.
#
#   proc_alive PID                running, and not a zombie
#   proc_children PID             PIDs whose parent is PID, one a line
#   proc_wait_gone TIMEOUT PID... wait up to TIMEOUT seconds for the PIDs to
#                                 end, then SIGKILL the ones left
#   proc_stop TIMEOUT PID...      SIGTERM each PID, then proc_wait_gone

# proc_alive PID: a daemon's exit is reaped by init, which may take a while:
# a zombie has ended all the same.
proc_alive() {
    local line
    { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
    line=${line##*) }
    [ "${line%% *}" != Z ]
}

proc_children() {
    local stat line rest
    for stat in /proc/[0-9]*/stat; do
        { read -r line <"$stat"; } 2>/dev/null || continue
        # The command name may hold spaces and parentheses: the parent PID is
        # the second field after the last ") ".
        rest=${line##*) }
        rest=${rest#* }
        [ "${rest%% *}" = "$1" ] || continue
        stat=${stat#/proc/}
        printf '%s\n' "${stat%/stat}"
    done
}

proc_wait_gone() {
    local timeout=$1 deadline pid left
    shift
    deadline=$((SECONDS + timeout))
    while :; do
        left=()
        for pid in "$@"; do proc_alive "$pid" && left+=("$pid"); done
        [ ${#left[@]} -eq 0 ] && return 0
        [ "$SECONDS" -ge "$deadline" ] && break
        sleep 0.05
    done
    printf '%s\n' "warning: PIDs ${left[*]} still ran ${timeout}s after they were told to stop; sending SIGKILL" >&2
    for pid in "${left[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    return 0
}

proc_stop() {
    local timeout=$1 pid
    shift
    [ $# -gt 0 ] || return 0
    for pid in "$@"; do kill -TERM "$pid" 2>/dev/null; done
    proc_wait_gone "$timeout" "$@"
}
