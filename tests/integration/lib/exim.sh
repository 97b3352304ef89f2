# shellcheck shell=bash
# A real Exim (Debian's exim4 4.96, unpacked beside Postfix) for integration
# tests: everything runs inside eximns.sh's private mount namespace, where the
# packages look installed and /etc/exim4, /var/lib/exim4, /var/spool/exim4,
# /var/log/exim4 and /run/exim4 are folders under $EX_ROOT.
#
# Source this file from a bash test script, then call ex_init once. An EXIT
# trap stops the daemon by its PID and removes $T (MAILTLS_KEEP_TMP=1 keeps
# it). Needs MAILTLS_DEBS_DIR (ctest's debian_packages fixture sets it), root,
# util-linux (unshare), overlayfs, openssl.
#
#   ex_ns CMD ARGS...          run CMD in the namespace
#   ex_debian_config ADDR      Debian's /etc/exim4 and an update-exim4.conf.conf
#                              of an Internet site listening on ADDR
#   ex_start / ex_stop         /etc/init.d/exim4 start; stop by PID
#   ex_pid                     the daemon's PID, from /run/exim4/exim.pid
#   ex_wait_log REGEX TIMEOUT  wait for a mainlog line
#   ex_write_oakley2 FILE      RFC 2409 Oakley group 2 (1024 bits) as PEM

# shellcheck source-path=SCRIPTDIR source=process.sh
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

EX_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EX_PID=
EX_T_OWNED=0

# The RFC 2409 Oakley group 2 prime: 1024 bits, shared by many servers.
EX_OAKLEY2_PRIME=FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF

ex_say() { printf '%s\n' "$*" >&2; }

ex_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

ex_init() {
    [ "$(id -u)" -eq 0 ] || ex_fail "this test must run as root (Exim's daemon and the mount namespace need it)"
    local tool
    for tool in unshare mount openssl awk timeout; do
        command -v "$tool" >/dev/null 2>&1 || ex_fail "'$tool' is not installed"
    done
    [ -n "${MAILTLS_DEBS_DIR:-}" ] || ex_fail "MAILTLS_DEBS_DIR is not set (run through ctest, which unpacks the packages)"
    EX_DEBS=$MAILTLS_DEBS_DIR/exim
    [ -x "$EX_DEBS/usr/sbin/exim4" ] || ex_fail "Debian's exim4 is not unpacked in $EX_DEBS (ctest -R debian_packages)"
    T=$(mktemp -d /tmp/mailtls-it.XXXXXX) || ex_fail "cannot create a temporary folder"
    EX_T_OWNED=1
    # Exim's user reads the certificate's folder.
    chmod 0755 "$T"
    EX_ROOT=$T/ns
    mkdir -p "$EX_ROOT"
    trap ex_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # The namespace's layer (Debian-exim's uid and gid among them).
    ex_ns true || ex_fail "eximns.sh cannot make the namespace"
    # shellcheck disable=SC2034 # for the test script: Debian-exim's group
    EX_GID=$(awk -F: '$1 == "Debian-exim" { print $4 }' "$EX_ROOT/layers/etc/passwd")
}

ex_cleanup() {
    local status=$?
    ex_stop
    if [ "$EX_T_OWNED" = 1 ] && [ -n "${T:-}" ]; then
        if [ "${MAILTLS_KEEP_TMP:-}" = 1 ]; then
            ex_say "kept $T"
        else
            rm -rf "$T"
        fi
    fi
    exit "$status"
}

ex_ns() {
    sh "$EX_LIB/eximns.sh" "$EX_DEBS" "$EX_ROOT" "$@"
}

ex_debian_config() {
    local addr=$1
    cp -a "$EX_DEBS/etc/exim4/." "$EX_ROOT/etc-exim4/" || ex_fail "cannot copy Debian's /etc/exim4"
    cat >"$EX_ROOT/etc-exim4/update-exim4.conf.conf" <<EOF
dc_eximconfig_configtype='internet'
dc_other_hostnames=''
dc_local_interfaces='$addr'
dc_readhost=''
dc_relay_domains=''
dc_minimaldns='false'
dc_relay_nets=''
dc_smarthost=''
CFILEMODE='644'
dc_use_split_config='false'
dc_hide_mailname=''
dc_mailname_in_oh='true'
dc_localdelivery='mail_spool'
EOF
}

ex_pid() {
    local pid
    pid=$(cat "$EX_ROOT/run/exim.pid" 2>/dev/null) || return 1
    printf '%s\n' "$((pid + 0))"
}

# ex_start ADDR: Debian's init script starts the daemon (update-exim4.conf
# first); wait until it listens on ADDR:25.
ex_start() {
    local addr=$1 deadline pid
    ex_ns /etc/init.d/exim4 start >"$T/start.out" 2>&1 \
        || { cat "$T/start.out" >&2; tail -n 20 "$EX_ROOT/log/paniclog" >&2 2>/dev/null; ex_fail "Exim did not start"; }
    deadline=$((SECONDS + 20))
    until pid=$(ex_pid) && proc_alive "$pid" && ex_listening "$addr" 25; do
        [ "$SECONDS" -ge "$deadline" ] && { tail -n 20 "$EX_ROOT/log/mainlog" >&2; ex_fail "Exim does not listen on $addr:25"; }
        sleep 0.1
    done
    EX_PID=$pid
}

ex_stop() {
    [ -n "$EX_PID" ] || return 0
    local pid=$EX_PID
    EX_PID=
    proc_alive "$pid" && proc_stop 10 "$pid"
    return 0
}

# ex_listening ADDR PORT: from /proc/net/tcp, without connecting.
ex_listening() {
    local addr=$1 port=$2 a b c d hex
    IFS=. read -r a b c d <<<"$addr"
    hex=$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$port")
    awk -v want="$hex" 'NR > 1 && toupper($2) == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp
}

ex_wait_log() {
    local re=$1 timeout=$2 deadline=$((SECONDS + $2))
    until grep -qE -- "$re" "$EX_ROOT/log/mainlog" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 20 "$EX_ROOT/log/mainlog" >&2 || true
            ex_fail "Exim logged no line matching /$re/ within ${timeout}s"
        fi
        sleep 0.1
    done
}

ex_write_oakley2() {
    local file=$1
    printf 'asn1=SEQUENCE:dh\n[dh]\np=INTEGER:0x%s\ng=INTEGER:2\n' "$EX_OAKLEY2_PRIME" >"$file.cnf"
    if ! openssl asn1parse -genconf "$file.cnf" -out "$file.der" -noout >/dev/null 2>&1 \
        || ! openssl dhparam -inform DER -in "$file.der" -out "$file" >/dev/null 2>&1; then
        ex_fail "openssl could not write the Oakley group 2 parameters"
    fi
}
