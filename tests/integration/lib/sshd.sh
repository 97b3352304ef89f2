# shellcheck shell=bash
# Private OpenSSH servers on 127.0.0.1 for integration tests.
#
# Source this file from a bash test script and call sshd_init once (after
# pf_init when the script uses lib/postfix.sh too: both then share $T, and the
# EXIT trap stops the servers before handing on to pf_cleanup). Then:
#
#   sshd_setup NAME        host key, client key pair, sshd_config and ssh_config
#                          under $T/NAME, on a free port of 127.0.0.1
#   sshd_start NAME        start it; returns once it listens
#   sshd_port NAME / sshd_dir NAME / sshd_client_config NAME / sshd_host_key NAME
#   sshd_host_fingerprint NAME   "SHA256:…" of its current host key
#   sshd_kill_sessions NAME      end every open connection (the server stays up)
#   sshd_replace_host_key NAME   a new host key (a reinstalled server, or an
#                                attacker); restarts the server on the same port
#   sshd_stop NAME         stop it by its PID, with its open sessions
#
# Clients connect as root with the client key: ssh -F "$(sshd_client_config NAME)"
# -p "$(sshd_port NAME)" root@127.0.0.1. The client config leaves BatchMode off
# so that askpass can be asked, and never names a known-hosts file: tests say
# which one they check.
#
# Needs (Debian packages): openssh-server, openssh-client, coreutils, gawk|mawk.
# Runs as root (sshd must; /run/sshd is created if missing).

declare -gA SSHD_DIR=()
declare -gA SSHD_PORT=()
declare -gA SSHD_PID=()
SSHD_T_OWNED=0
SSHD_NEXT_TRAP=

SSHD_BIN=${SSHD_BIN:-/usr/sbin/sshd}

# shellcheck source=lib/process.sh
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

sshd_say() { printf '%s\n' "$*" >&2; }

sshd_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

# sshd_init: check the tools, make $T (unless a caller already did) and the
# cleanup trap.
sshd_init() {
    [ "$(id -u)" -eq 0 ] || sshd_fail "this test must run as root (sshd needs it)"
    [ -x "$SSHD_BIN" ] || sshd_fail "$SSHD_BIN is missing (apt-get install openssh-server)"
    local tool
    for tool in ssh ssh-keygen awk; do
        command -v "$tool" >/dev/null 2>&1 || sshd_fail "'$tool' is not installed (see tests/integration/lib/sshd.sh)"
    done
    if [ -z "${T:-}" ]; then
        T=$(mktemp -d /tmp/mailtls-it.XXXXXX) || sshd_fail "cannot create a temporary folder"
        SSHD_T_OWNED=1
        trap 'exit 130' INT
        trap 'exit 143' TERM
    fi
    # Keep whatever EXIT trap the caller set (pf_init's) and run it afterwards.
    # `trap -p` prints "trap -- 'HANDLER' EXIT", quoted for the shell.
    local current words
    current=$(trap -p EXIT)
    if [ -n "$current" ]; then
        eval "words=($current)"
        SSHD_NEXT_TRAP=${words[2]}
    fi
    trap sshd_cleanup EXIT
    { mkdir -p /run/sshd && chmod 0755 /run/sshd; } || sshd_fail "cannot create /run/sshd (sshd's privilege separation folder)"
}

sshd_cleanup() {
    local rc=$? name
    trap - EXIT
    for name in "${!SSHD_PID[@]}"; do
        sshd_stop "$name" || true
    done
    if [ "$SSHD_T_OWNED" = 1 ] && [ -n "${T:-}" ] && [ -d "$T" ]; then
        if [ "${MAILTLS_KEEP_TMP:-0}" = 1 ]; then
            sshd_say "kept $T"
        else
            rm -rf -- "$T"
        fi
    fi
    if [ -n "$SSHD_NEXT_TRAP" ]; then
        # The next handler reads the script's exit status from $?.
        (exit "$rc")
        eval "$SSHD_NEXT_TRAP"
    fi
    exit "$rc"
}

# sshd_port_in_use PORT: any TCP socket (listening or not, IPv4 or IPv6) on PORT.
sshd_port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v want="$hex" 'FNR > 1 { split($2, a, ":"); if (toupper(a[length(a)]) == want) found = 1 } END { exit !found }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# sshd_port_known PORT: does a known-hosts file ssh reads by default name
# [127.0.0.1]:PORT? Such a port is not used: an old key there would look like
# a changed one.
sshd_port_known() {
    local home file
    home=$(awk -F: -v uid="$(id -u)" '$3 == uid { print $6; exit }' /etc/passwd)
    for file in "$home/.ssh/known_hosts" "$home/.ssh/known_hosts2" /etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2; do
        [ -r "$file" ] || continue
        ssh-keygen -F "[127.0.0.1]:$1" -f "$file" >/dev/null 2>&1 && return 0
    done
    return 1
}

# sshd_free_port: a port of 127.0.0.1 nothing uses and no known-hosts file names.
sshd_free_port() {
    local port tries
    for tries in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        sshd_port_in_use "$port" && continue
        sshd_port_known "$port" && continue
        printf '%s\n' "$port"
        return 0
    done
    sshd_fail "found no free port on 127.0.0.1 in $tries tries"
}

# sshd_dir NAME / sshd_port NAME
sshd_dir() {
    [ -n "${SSHD_DIR[$1]:-}" ] || sshd_fail "no sshd named $1"
    printf '%s\n' "${SSHD_DIR[$1]}"
}
sshd_port() {
    [ -n "${SSHD_PORT[$1]:-}" ] || sshd_fail "no sshd named $1"
    printf '%s\n' "${SSHD_PORT[$1]}"
}
# sshd_client_config NAME: an ssh_config for clients of NAME (use with -F).
sshd_client_config() { printf '%s\n' "$(sshd_dir "$1")/ssh_config"; }
# sshd_host_key NAME: the server's public host key, "ssh-ed25519 AAAA…".
sshd_host_key() { awk '{ print $1, $2 }' "$(sshd_dir "$1")/host_ed25519.pub"; }
# sshd_host_fingerprint NAME: "SHA256:…", as ssh shows it.
sshd_host_fingerprint() { ssh-keygen -l -E sha256 -f "$(sshd_dir "$1")/host_ed25519.pub" | awk '{ print $2 }'; }

# sshd_setup NAME: keys and configuration of a server under $T/NAME.
sshd_setup() {
    local name=$1 dir port
    [ -z "${SSHD_DIR[$name]:-}" ] || sshd_fail "sshd $name already exists"
    dir="$T/$name"
    mkdir -p "$dir" || sshd_fail "cannot create $dir"
    port=$(sshd_free_port) || exit 1
    SSHD_DIR[$name]=$dir
    SSHD_PORT[$name]=$port
    ssh-keygen -q -t ed25519 -N '' -C "mailtls-test-host-$name" -f "$dir/host_ed25519" \
        || sshd_fail "ssh-keygen could not make a host key for $name"
    ssh-keygen -q -t ed25519 -N '' -C "mailtls-test-client-$name" -f "$dir/client_ed25519" \
        || sshd_fail "ssh-keygen could not make a client key for $name"
    cp "$dir/client_ed25519.pub" "$dir/authorized_keys"
    cat >"$dir/sshd_config" <<EOF
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
ListenAddress 127.0.0.1
Port $port
UsePAM no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
EOF
    # OpenSSH 9.8 and later refuse a client for a while after connections
    # end badly, which tests that cut connections do on purpose.
    if "$SSHD_BIN" -t -f /dev/stdin <<<"$(cat "$dir/sshd_config"; echo 'PerSourcePenalties no')" >/dev/null 2>&1; then
        echo 'PerSourcePenalties no' >>"$dir/sshd_config"
    fi
    cat >"$dir/ssh_config" <<EOF
Host *
    IdentityFile $dir/client_ed25519
    IdentitiesOnly yes
    BatchMode no
    LogLevel ERROR
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    GSSAPIAuthentication no
    CanonicalizeHostname no
    ControlMaster no
    ControlPath none
EOF
    "$SSHD_BIN" -t -f "$dir/sshd_config" || sshd_fail "sshd does not accept $dir/sshd_config"
}

# sshd_wait_listening PORT TIMEOUT
sshd_wait_listening() {
    local port=$1 timeout=$2 deadline=$((SECONDS + $2)) hex
    hex=$(printf '0100007F:%04X' "$port")
    until awk -v want="$hex" 'NR > 1 && toupper($2) == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

# sshd_start NAME: start the server and wait until it listens.
sshd_start() {
    local name=$1 dir port pid deadline
    dir=$(sshd_dir "$name") || exit 1
    port=$(sshd_port "$name") || exit 1
    [ -z "${SSHD_PID[$name]:-}" ] || sshd_fail "sshd $name is already running"
    rm -f "$dir/sshd.pid"
    "$SSHD_BIN" -f "$dir/sshd_config" -E "$dir/sshd.log" \
        || { tail -n 20 "$dir/sshd.log" >&2; sshd_fail "sshd $name did not start"; }
    deadline=$((SECONDS + 10))
    pid=
    until [ -s "$dir/sshd.pid" ] && pid=$(cat "$dir/sshd.pid") && proc_alive "$pid"; do
        [ "$SECONDS" -ge "$deadline" ] && { tail -n 20 "$dir/sshd.log" >&2; sshd_fail "sshd $name wrote no live PID within 10s"; }
        sleep 0.05
    done
    SSHD_PID[$name]=$pid
    sshd_wait_listening "$port" 10 || { tail -n 20 "$dir/sshd.log" >&2; sshd_fail "sshd $name does not listen on 127.0.0.1:$port after 10s"; }
}

# sshd_sessions NAME: PIDs of the server's per-connection processes.
sshd_sessions() {
    local pid=${SSHD_PID[$1]:-}
    [ -n "$pid" ] || return 0
    proc_children "$pid"
}

# sshd_kill_sessions NAME [SIGNAL]: end every open connection of the server
# (default SIGKILL: the client sees the connection drop, as on a crash).
sshd_kill_sessions() {
    local name=$1 signal=${2:-KILL} sessions
    sessions=$(sshd_sessions "$name")
    [ -n "$sessions" ] || return 0
    # shellcheck disable=SC2086
    kill -"$signal" $sessions 2>/dev/null
    # shellcheck disable=SC2086
    proc_wait_gone 5 $sessions
}

# sshd_stop NAME: stop the listener and its open sessions by PID.
sshd_stop() {
    local name=$1 pid sessions
    pid=${SSHD_PID[$name]:-}
    [ -n "$pid" ] || return 0
    sessions=$(sshd_sessions "$name")
    unset "SSHD_PID[$name]"
    # shellcheck disable=SC2086
    proc_stop 10 "$pid" $sessions
}

# sshd_replace_host_key NAME: give the server a new host key, as a reinstall
# (or a machine in the middle) would, and restart it on the same port.
sshd_replace_host_key() {
    local name=$1 dir running=${SSHD_PID[$1]:-}
    dir=$(sshd_dir "$name") || exit 1
    [ -z "$running" ] || sshd_stop "$name"
    rm -f "$dir/host_ed25519" "$dir/host_ed25519.pub"
    ssh-keygen -q -t ed25519 -N '' -C "mailtls-test-host-$name-replaced" -f "$dir/host_ed25519" \
        || sshd_fail "ssh-keygen could not make a new host key for $name"
    [ -z "$running" ] || sshd_start "$name"
}
