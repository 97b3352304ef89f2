# shellcheck shell=bash
# Private Postfix instances on loopback for integration tests.
#
# Source this file from a bash test script, then call pf_init once. Everything the
# functions create lives under $T (a fresh temporary folder); an EXIT trap stops
# every process they started, by PID, and removes $T (set MAILTLS_KEEP_TMP=1 to
# keep it for a post-mortem). Every wait is bounded and fails with a message that
# says what did not happen.
#
# Nothing here may reach off this machine: Postfix, swaks and anything else that
# might look a name up runs through pf_loopback_dns, inside a private mount
# namespace whose /etc/resolv.conf names only 127.0.0.1.
#
# Needs (Debian packages): postfix, openssl, util-linux (unshare), mount,
# coreutils, findutils, mawk or gawk. Runs as root (Postfix's master and queue
# need it).

# Instance name -> config directory / master PID.
declare -gA PF_DIR=()
declare -gA PF_PID=()
# Other processes to stop at exit (started by the caller, registered by PID).
declare -ga PF_EXTRA_PIDS=()
PF_T_OWNED=0

# shellcheck source=lib/process.sh
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

pf_say() { printf '%s\n' "$*" >&2; }

pf_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

# pf_init: make $T, the loopback resolv.conf, and the cleanup trap.
pf_init() {
    [ "$(id -u)" -eq 0 ] || pf_fail "this test must run as root (Postfix's master and queue need it)"
    local tool
    for tool in postfix postconf postqueue openssl unshare mount awk timeout; do
        command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (see tests/integration/lib/postfix.sh for the packages)"
    done
    T=$(mktemp -d /tmp/mailtls-it.XXXXXX) || pf_fail "cannot create a temporary folder"
    PF_T_OWNED=1
    # Postfix daemons run as the postfix user and must traverse $T to their queue.
    chmod 0755 "$T"
    printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$T/resolv.conf"
    trap pf_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# pf_loopback_dns CMD ARGS...: run CMD in a private mount namespace whose
# /etc/resolv.conf points at loopback, so no name lookup can leave the machine.
pf_loopback_dns() {
    # shellcheck disable=SC2016 # $0 and $@ belong to the inner sh
    unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$T/resolv.conf" "$@"
}

# pf_register_pid PID: stop PID (and wait for it) at exit.
pf_register_pid() {
    PF_EXTRA_PIDS+=("$1")
}

# pf_ensure_atd: an atd that `at` in this mount namespace can signal: the
# one /run/atd.pid names when it runs (ATD empty), else the test's own, in the
# foreground, stopped at exit (ATD its PID). Another namespace's atd (a test
# with a private /run and spool) does not count.
pf_ensure_atd() {
    local pid deadline
    pid=$(cat /run/atd.pid 2>/dev/null || true)
    ATD=
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        pf_say "note: using the atd that runs already"
        return 0
    fi
    atd -f &
    ATD=$!
    pf_register_pid "$ATD"
    deadline=$((SECONDS + 10))
    until [ "$(cat /run/atd.pid 2>/dev/null || true)" = "$ATD" ]; do
        [ "$SECONDS" -ge "$deadline" ] && pf_fail "atd wrote no PID file within 10s"
        sleep 0.1
    done
}

pf_cleanup() {
    local rc=$? name
    trap - EXIT
    for name in "${!PF_PID[@]}"; do
        pf_stop "$name" || true
    done
    [ ${#PF_EXTRA_PIDS[@]} -gt 0 ] && proc_stop 5 "${PF_EXTRA_PIDS[@]}"
    if [ "$PF_T_OWNED" = 1 ] && [ -n "${T:-}" ] && [ -d "$T" ]; then
        if [ "${MAILTLS_KEEP_TMP:-0}" = 1 ]; then
            pf_say "kept $T"
        else
            rm -rf -- "$T"
        fi
    fi
    exit "$rc"
}

# pf_make_cert BASE CN: self-signed RSA certificate BASE.crt and key BASE.key.
# RSA rather than EC so that DHE-RSA suites can be offered with it.
pf_make_cert() {
    local base=$1 cn=$2
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 \
        -subj "/CN=$cn" -addext "subjectAltName=DNS:$cn" \
        -keyout "$base.key" -out "$base.crt" >"$base.openssl.log" 2>&1 \
        || { cat "$base.openssl.log" >&2; pf_fail "openssl could not make a certificate for $cn"; }
    chmod 0600 "$base.key"
}

# pf_make_dh1024 FILE: 1024-bit DH parameters. A safe-prime search usually takes
# under a second but has no upper bound, so it gets 15 s before falling back to
# DSA-style parameters (instant; equally 1024 bits for the peer's size check).
pf_make_dh1024() {
    local file=$1
    if timeout 15 openssl dhparam -out "$file" 1024 >/dev/null 2>&1; then
        return 0
    fi
    pf_say "note: safe-prime dhparam took over 15 s; using -dsaparam"
    openssl dhparam -dsaparam -out "$file" 1024 >/dev/null 2>&1 \
        || pf_fail "openssl could not make 1024-bit DH parameters"
}

# pf_instance NAME MYHOSTNAME: config, queue and data folders of a private
# instance under $T/NAME, with a main.cf that keeps it on loopback and logs to
# $T/NAME/postfix.log (see pf_log), and a master.cf with Postfix's internal
# services only (add listeners with pf_listen).
pf_instance() {
    local name=$1 host=$2
    local dir="$T/$name"
    [ -z "${PF_DIR[$name]:-}" ] || pf_fail "instance $name already exists"
    mkdir -p "$dir/etc" "$dir/queue" "$dir/data" || pf_fail "cannot create $dir"
    chmod 0755 "$dir" "$dir/etc" "$dir/queue"
    chown postfix: "$dir/data"
    PF_DIR[$name]=$dir/etc
    cat >"$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = $host
mydomain = test
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = no
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
maillog_file = $dir/postfix.log
maillog_file_prefixes = $T
EOF
    # chroot is off everywhere: the instance lives outside /var/spool/postfix.
    cat >"$dir/etc/master.cf" <<'EOF'
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
        -o syslog_name=postfix/$service_name
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

# pf_dir NAME: the instance's config directory.
pf_dir() {
    [ -n "${PF_DIR[$1]:-}" ] || pf_fail "no instance named $1"
    printf '%s\n' "${PF_DIR[$1]}"
}

# pf_queue_dir NAME / pf_log NAME: its queue directory / its maillog_file.
pf_queue_dir() { printf '%s\n' "$(dirname "$(pf_dir "$1")")/queue"; }
pf_log() { printf '%s\n' "$(dirname "$(pf_dir "$1")")/postfix.log"; }

# pf_set NAME 'param = value'...: edit the instance's main.cf.
pf_set() {
    local dir
    dir=$(pf_dir "$1") || exit 1
    shift
    postconf -c "$dir" -e "$@" || pf_fail "postconf -c $dir -e $* failed"
}

# pf_listen NAME ADDR:PORT [SERVICE-OPTIONS...]: an smtpd listener. Options are
# passed on as they are, e.g. -o syslog_name=postfix/submission
# -o smtpd_tls_security_level=encrypt.
pf_listen() {
    local dir=$1 addr=$2
    dir=$(pf_dir "$dir") || exit 1
    shift 2
    {
        printf '%s inet n - n - - smtpd\n' "$addr"
        local opt
        for opt in "$@"; do printf '    %s\n' "$opt"; done
    } >>"$dir/master.cf"
}

# pf_port_listening ADDR PORT: is a TCP socket listening there? Reads
# /proc/net/tcp instead of connecting, so the server logs nothing.
pf_port_listening() {
    local addr=$1 port=$2 a b c d hex
    IFS=. read -r a b c d <<<"$addr"
    # /proc/net/tcp writes IPv4 addresses as one little-endian hex word.
    hex=$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$port")
    awk -v want="$hex" 'NR > 1 && toupper($2) == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp
}

# pf_wait_port ADDR PORT TIMEOUT
pf_wait_port() {
    local addr=$1 port=$2 timeout=$3 deadline=$((SECONDS + $3))
    until pf_port_listening "$addr" "$port"; do
        [ "$SECONDS" -ge "$deadline" ] && pf_fail "nothing listens on $addr:$port after ${timeout}s"
        sleep 0.1
    done
}

# pf_start NAME: check and start the instance (inside pf_loopback_dns), record
# its master PID, and wait until every inet listener of its master.cf listens.
pf_start() {
    local name=$1 dir qdir pidfile deadline pid endpoint endpoints
    dir=$(pf_dir "$name") || exit 1
    qdir=$(pf_queue_dir "$name")
    pidfile="$qdir/pid/master.pid"
    endpoints=$(postconf -c "$dir" -Fh '*/inet/service' | sort -u)
    # The master's own bind error is lost (its log daemon is not up yet), so
    # name the usual cause here.
    for endpoint in $endpoints; do
        case $endpoint in
        *:*) pf_port_listening "${endpoint%:*}" "${endpoint##*:}" \
            && pf_fail "$endpoint is already in use by another process; instance $name cannot listen there" ;;
        esac
    done
    pf_loopback_dns postfix -c "$dir" start >"$T/$name/start.out" 2>&1 \
        || { cat "$T/$name/start.out" >&2; tail -n 20 "$(pf_log "$name")" >&2 2>/dev/null; pf_fail "Postfix instance $name did not start"; }
    deadline=$((SECONDS + 20))
    pid=
    while :; do
        [ -s "$pidfile" ] && pid=$(awk 'NR == 1 { print $1 + 0 }' "$pidfile")
        [ -n "$pid" ] && [ "$pid" -gt 0 ] && proc_alive "$pid" && break
        [ "$SECONDS" -ge "$deadline" ] && pf_fail "Postfix instance $name wrote no live PID to $pidfile within 20s"
        sleep 0.1
    done
    PF_PID[$name]=$pid
    for endpoint in $endpoints; do
        case $endpoint in
        *:*) pf_wait_port "${endpoint%:*}" "${endpoint##*:}" 20 ;;
        esac
    done
}

# pf_queue_count NAME: messages in the instance's queue (any state).
pf_queue_count() {
    local qdir
    qdir=$(pf_queue_dir "$1")
    find "$qdir/maildrop" "$qdir/incoming" "$qdir/active" "$qdir/deferred" "$qdir/hold" \
        -type f 2>/dev/null | wc -l
}

# pf_flush NAME: ask the instance to retry deferred mail now.
pf_flush() {
    local dir
    dir=$(pf_dir "$1") || exit 1
    pf_loopback_dns postqueue -c "$dir" -f || pf_fail "postqueue -f failed for instance $1"
}

# pf_wait_log_quiet NAME: wait (at most 5 s) until the instance's log has not
# grown for 0.5 s; log lines travel through postlogd after the fact.
pf_wait_log_quiet() {
    local log last size stable=0 deadline=$((SECONDS + 5))
    log=$(pf_log "$1")
    last=-1
    while [ "$SECONDS" -lt "$deadline" ]; do
        size=$(stat -c %s "$log" 2>/dev/null || echo 0)
        if [ "$size" = "$last" ]; then
            stable=$((stable + 1))
            [ "$stable" -ge 5 ] && return 0
        else
            stable=0
            last=$size
        fi
        sleep 0.1
    done
}

# pf_wait_log NAME REGEX TIMEOUT: wait until the instance's log has a line
# matching the extended REGEX.
pf_wait_log() {
    local name=$1 re=$2 timeout=$3 deadline=$((SECONDS + $3)) log
    log=$(pf_log "$name")
    until grep -qE -- "$re" "$log" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            pf_say "last lines of $log:"
            tail -n 30 "$log" >&2 || true
            pf_fail "instance $name logged no line matching /$re/ within ${timeout}s"
        fi
        sleep 0.1
    done
}

# pf_wait_drain NAME TIMEOUT: wait until the queue is empty, then until the log
# is quiet. On time-out, show the queue and the log's tail, and fail.
pf_wait_drain() {
    local name=$1 timeout=$2 deadline=$((SECONDS + $2)) dir
    dir=$(pf_dir "$name") || exit 1
    while [ "$(pf_queue_count "$name")" -gt 0 ]; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            pf_say "queue of instance $name:"
            pf_loopback_dns postqueue -c "$dir" -p >&2 || true
            pf_say "last lines of $(pf_log "$name"):"
            tail -n 30 "$(pf_log "$name")" >&2 || true
            pf_fail "queue of Postfix instance $name still holds $(pf_queue_count "$name") message(s) after ${timeout}s"
        fi
        sleep 0.2
    done
    pf_wait_log_quiet "$name"
}

# pf_stop NAME: stop the instance by its master PID. The master passes SIGTERM
# on to its children; the children's PIDs, taken before, are waited for too.
pf_stop() {
    local name=$1 pid children
    pid=${PF_PID[$name]:-}
    [ -n "$pid" ] || return 0
    unset "PF_PID[$name]"
    proc_alive "$pid" || return 0
    children=$(proc_children "$pid")
    # shellcheck disable=SC2086
    proc_stop 10 "$pid" $children
}
