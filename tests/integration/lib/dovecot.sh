# shellcheck shell=bash
# shellcheck disable=SC2034 # DV_DAEMON and DV_WHY_NOT are read by the scripts that source this file
# A real Dovecot 2.3 for the integration tests: Debian's dovecot-core (unpacked
# by the debian_packages fixture into $MAILTLS_DEBS_DIR/dovecot) and
# dovecot-imapd (unpacked here into $MAILTLS_DEBS_DIR/dovecot-imapd, the same
# version), never installed. Inside a private mount namespace, overlays make
# them appear where Debian puts them (/usr/lib/dovecot, /usr/bin/doveconf and
# doveadm, /usr/sbin/dovecot: Debian's binaries look for their libraries and
# helpers there, doveadm runs /usr/bin/doveconf), and bind mounts give
# /etc/passwd and /etc/group the dovecot and dovenull users. Nothing outside
# the namespace changes; Dovecot's base_dir, state_dir and log are under $T.
#
#   dv_enter SCRIPT ARGS...  re-runs the calling script inside a private mount
#                            namespace (does nothing when already inside)
#   dv_init                  root, tools, $T (removed at exit unless
#                            MAILTLS_KEEP_TMP=1), dovecot-imapd, the overlays
#                            and users; DV_DAEMON=yes when Dovecot can run
#                            (else DV_WHY_NOT says why)
#   dv_config DIR ADDR       Debian's configuration in DIR as dpkg installs it
#                            (dovecot.conf, conf.d/, 20-imap.conf), made to
#                            run here: a certificate in 10-ssl.conf, and a
#                            local.conf with IMAPS on ADDR:993 only, base_dir,
#                            state_dir and log_path under $T
#   dv_start CONF            starts Dovecot, waits for its master and port 993
#   dv_master CONF           the master's PID (from base_dir/master.pid)
#   dv_running CONF          the master runs
#   dv_stop CONF             SIGTERM to the master (by PID), waits for it
#   dv_dhe ADDR              one DHE-only TLS 1.2 handshake with ADDR:993
#                            (openssl s_client -brief's output)
#   dv_default_tls ADDR      one handshake with OpenSSL's defaults
#
# Needs (Debian): openssl, util-linux (unshare, mount), dpkg, apt (to fetch
# dovecot-imapd once), procps (pgrep), diffutils; a kernel with overlayfs.
# Runs as root.

DV_CORE=
DV_IMAPD=
DV_DAEMON=no
DV_WHY_NOT=
DV_CONFS=()

dv_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

dv_enter() {
    [ "${DV_NAMESPACE:-}" = 1 ] && return 0
    [ "$(id -u)" -eq 0 ] || dv_fail "this test must run as root (Dovecot's master, the overlays and the private users need it)"
    command -v unshare >/dev/null 2>&1 || dv_fail "'unshare' is not installed (util-linux)"
    DV_NAMESPACE=1 exec unshare -m --propagation private bash "$@"
}

dv_cleanup() {
    local conf
    for conf in "${DV_CONFS[@]}"; do
        dv_running "$conf" && dv_stop "$conf"
    done
    if [ "${MAILTLS_KEEP_TMP:-}" = 1 ]; then
        printf 'kept %s\n' "$T" >&2
    else
        rm -rf "$T"
    fi
}

# dv_imapd: dovecot-imapd of dovecot-core's version, unpacked once.
dv_imapd() {
    local dest="$MAILTLS_DEBS_DIR/dovecot-imapd" cache="$MAILTLS_DEBS_DIR/dovecot-imapd.cache" version
    local cores debs
    cores=("$MAILTLS_DEBS_DIR"/cache/dovecot-core_*.deb)
    local core=${cores[0]}
    [ -f "$core" ] || { DV_WHY_NOT="dovecot-core's .deb is not in $MAILTLS_DEBS_DIR/cache"; return 1; }
    version=$(dpkg-deb -f "$core" Version) || { DV_WHY_NOT="dpkg-deb cannot read $core"; return 1; }
    if [ -x "$dest/usr/lib/dovecot/imap-login" ] && [ "$(cat "$dest/.version" 2>/dev/null)" = "$version" ]; then
        return 0
    fi
    mkdir -p "$cache"
    if ! compgen -G "$cache/dovecot-imapd_*.deb" >/dev/null; then
        (cd "$cache" && apt-get download -qq "dovecot-imapd=$version" >/dev/null 2>&1) || {
            DV_WHY_NOT="apt-get download dovecot-imapd=$version failed"
            return 1
        }
    fi
    debs=("$cache"/dovecot-imapd_*.deb)
    rm -rf "$dest.new"
    dpkg -x "${debs[0]}" "$dest.new" || { DV_WHY_NOT="dpkg -x ${debs[0]} failed"; return 1; }
    printf '%s\n' "$version" >"$dest.new/.version"
    rm -rf "$dest"
    mv "$dest.new" "$dest"
}

# dv_user NAME UID: NAME in the private passwd and group files, unless there.
dv_user() {
    grep -q "^$1:" "$T/passwd" || printf '%s:x:%s:%s:%s:/nonexistent:/usr/sbin/nologin\n' "$1" "$2" "$2" "$1" >>"$T/passwd"
    grep -q "^$1:" "$T/group" || printf '%s:x:%s:\n' "$1" "$2" >>"$T/group"
}

dv_init() {
    [ "${DV_NAMESPACE:-}" = 1 ] || dv_fail "dv_init runs inside dv_enter's namespace"
    local tool
    for tool in openssl mount dpkg-deb pgrep cmp timeout; do
        command -v "$tool" >/dev/null 2>&1 || dv_fail "'$tool' is not installed (see tests/integration/lib/dovecot.sh for the packages)"
    done
    [ -n "${MAILTLS_DEBS_DIR:-}" ] || dv_fail "MAILTLS_DEBS_DIR is not set (ctest sets it; run ctest -R debian_packages first)"
    DV_CORE="$MAILTLS_DEBS_DIR/dovecot"
    [ -x "$DV_CORE/usr/bin/doveconf" ] || dv_fail "Debian's dovecot-core is not unpacked in $DV_CORE (run ctest -R debian_packages first)"
    T=$(mktemp -d /tmp/mailtls-dovecot.XXXXXX) || dv_fail "cannot create a temporary folder"
    # Dovecot's unprivileged processes reach their sockets under $T/run.
    chmod 0755 "$T"
    trap dv_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    local lib="$DV_CORE/usr/lib:/usr/lib"
    if dv_imapd; then
        DV_IMAPD="$MAILTLS_DEBS_DIR/dovecot-imapd"
        lib="$DV_IMAPD/usr/lib:$lib"
    fi
    if ! { mount -t overlay overlay -o "lowerdir=$lib" /usr/lib \
        && mount -t overlay overlay -o "lowerdir=$DV_CORE/usr/bin:/usr/bin" /usr/bin \
        && mount -t overlay overlay -o "lowerdir=$DV_CORE/usr/sbin:/usr/sbin" /usr/sbin; }; then
        dv_fail "cannot mount the overlays on /usr/lib, /usr/bin and /usr/sbin (overlayfs)"
    fi
    [ "$(command -v doveconf)" = /usr/bin/doveconf ] || dv_fail "doveconf is not /usr/bin/doveconf inside the namespace"

    { cp /etc/passwd "$T/passwd" && cp /etc/group "$T/group"; } || dv_fail "cannot copy /etc/passwd and /etc/group"
    dv_user dovecot 61011
    dv_user dovenull 61012
    { mount --bind "$T/passwd" /etc/passwd && mount --bind "$T/group" /etc/group; } \
        || dv_fail "cannot bind-mount the private /etc/passwd and /etc/group"

    if [ -n "$DV_IMAPD" ]; then
        DV_DAEMON=yes
    fi
}

dv_config() {
    local dir=$1 addr=$2
    mkdir -p "$dir" "$T/pki" || dv_fail "cannot create $dir"
    { cp "$DV_CORE/usr/share/dovecot/dovecot.conf" "$dir/" && cp -r "$DV_CORE/usr/share/dovecot/conf.d" "$dir/"; } \
        || dv_fail "cannot copy Debian's configuration"
    if [ -n "$DV_IMAPD" ]; then
        cp "$DV_IMAPD/usr/share/dovecot/conf.d/20-imap.conf" "$dir/conf.d/" || dv_fail "cannot copy 20-imap.conf"
    fi
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -subj /CN=imap.fix.test \
        -keyout "$T/pki/imap.key" -out "$T/pki/imap.crt" >"$T/pki/openssl.log" 2>&1 \
        || { cat "$T/pki/openssl.log" >&2; dv_fail "openssl could not make the IMAPS certificate"; }
    # The admin's own certificate, where Debian's 10-ssl.conf names one.
    sed -i -e "s|^ssl_cert = .*|ssl_cert = <$T/pki/imap.crt|" -e "s|^ssl_key = .*|ssl_key = <$T/pki/imap.key|" \
        "$dir/conf.d/10-ssl.conf"
    mkdir -p "$T/run" "$T/state"
    cat >"$dir/local.conf" <<EOF
protocols = imap
listen = $addr
base_dir = $T/run
state_dir = $T/state
log_path = $T/dovecot.log
service imap-login {
  inet_listener imap {
    port = 0
  }
}
EOF
    DV_CONFS+=("$dir/dovecot.conf")
}

dv_base_dir() { doveconf -c "$1" -h base_dir 2>/dev/null; }

dv_master() {
    local pid
    read -r pid <"$(dv_base_dir "$1")/master.pid" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

dv_running() {
    local pid
    pid=$(dv_master "$1") && proc_alive "$pid"
}

dv_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

dv_start() {
    local conf=$1 addr deadline
    addr=$(doveconf -c "$conf" -h listen 2>/dev/null)
    dovecot -c "$conf" >"$T/dovecot.start" 2>&1 || { cat "$T/dovecot.start" >&2; dv_fail "dovecot did not start"; }
    deadline=$((SECONDS + 15))
    until dv_running "$conf" && dv_port_open "$addr" 993; do
        [ "$SECONDS" -ge "$deadline" ] && { cat "$T/dovecot.log" >&2 2>/dev/null; dv_fail "Dovecot did not listen on $addr:993"; }
        sleep 0.1
    done
}

dv_stop() {
    local pid
    pid=$(dv_master "$1") || return 0
    proc_stop 10 "$pid"
}

dv_dhe() {
    timeout 10 openssl s_client -connect "$1:993" -tls1_2 -cipher DHE -brief </dev/null 2>&1
}

dv_default_tls() {
    timeout 10 openssl s_client -connect "$1:993" -brief </dev/null 2>&1
}
