# shellcheck shell=bash
# shellcheck disable=SC2034,SC2119,SC2120 # RH_* are read by the scripts that source this file; rh_sudoers alone writes the defaults
# A "remote" host for `mailtls fix --host ssh://…`, inside the private mount
# namespace the calling test already runs in: a private sshd on ADDR whose
# logins see private copies of /etc's passwd, group, shadow, sudoers, hosts
# and resolv.conf (bind mounts, seen in this namespace only), with a user of
# the test's own who reaches root only through the real sudo -n. The real
# machine's /etc is never changed.
#
#   rh_setup DIR ADDR LOGIN  the private files, keys and configuration under
#                            DIR, LOGIN added (a uid and gid no account has,
#                            home DIR/home); sshd started on a free port of ADDR
#                            (RH_PORT), its key's fingerprint in RH_FINGERPRINT,
#                            the client's configuration in RH_SSH_CONFIG
#   rh_sudoers LINE...       the private sudoers: Debian's defaults plus LINE...
#   rh_remote CMD...         CMD as LOGIN on the host (the test's own view)
#   rh_stop                  stops sshd and takes the bind mounts down (call it
#                            from the test's EXIT trap)
#   rh_serve DIR ADDR LOGIN  rh_setup, then writes RH_PORT, RH_FINGERPRINT,
#                            RH_SSH_CONFIG, RH_LOGIN_ID and the sshd's PID to
#                            DIR/vars (one a line) and waits for sshd: for a
#                            test that runs it in a namespace of another
#                            helper's (lib/sendmail.sh's sm_ns), in the background
#   rh_serve_from NSFN FAILFN DIR ADDR LOGIN
#                            rh_serve run by NSFN (ex_ns, sm_ns, or a wrapper of
#                            one) in the background; waits (FAILFN after 20 s)
#                            for DIR/vars and sets the RH_* variables on this
#                            side, so that rh_remote and rh_sudoers work here
#
# Needs (Debian): openssh-server, openssh-client, sudo, util-linux (mount),
# coreutils, gawk|mawk. Runs as root.

RH_DIR=
RH_ADDR=
RH_LOGIN=
RH_LOGIN_ID=
RH_PORT=
RH_FINGERPRINT=
RH_SSH_CONFIG=
RH_SSHD_PID=
RH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

rh_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

# rh_port_in_use PORT: anything on PORT, over IPv4 or IPv6.
rh_port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v want="$hex" 'FNR > 1 { split($2, a, ":"); if (toupper(a[length(a)]) == want) found = 1 } END { exit !found }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# rh_port_known PORT: a known-hosts file of root's already has a key for it
# (it would look like a changed key).
rh_port_known() {
    local file
    for file in "$HOME/.ssh/known_hosts" /etc/ssh/ssh_known_hosts; do
        [ -r "$file" ] && ssh-keygen -F "[$RH_ADDR]:$1" -f "$file" >/dev/null 2>&1 && return 0
    done
    return 1
}

rh_listening() {
    local a b c d hex
    IFS=. read -r a b c d <<<"$RH_ADDR"
    hex=$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$RH_PORT")
    awk -v want="$hex" 'NR > 1 && toupper($2) == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp
}

rh_sudoers() {
    {
        printf 'Defaults env_reset\nDefaults mail_badpass\nDefaults use_pty\nDefaults !fqdn\n'
        printf 'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n'
        # Its own: /run may be read-only in the namespace.
        printf 'Defaults timestampdir=%s\n' "$RH_DIR/sudo-ts"
        printf 'root ALL=(ALL:ALL) ALL\n'
        local line
        for line in "$@"; do printf '%s\n' "$line"; done
    } >"$RH_DIR/sudoers.new"
    chmod 0440 "$RH_DIR/sudoers.new"
    # Written in place: the namespace sees the file through a bind mount.
    cat "$RH_DIR/sudoers.new" >"$RH_DIR/etc/sudoers"
    chmod 0440 "$RH_DIR/etc/sudoers"
    visudo -c -f "$RH_DIR/etc/sudoers" >/dev/null || rh_fail "visudo refuses the test's sudoers: $*"
}

rh_setup() {
    RH_DIR=$1
    RH_ADDR=$2
    RH_LOGIN=$3
    local tool file key candidate deadline
    for tool in ssh ssh-keygen sudo visudo mount; do
        command -v "$tool" >/dev/null 2>&1 || rh_fail "'$tool' is not installed (see tests/integration/lib/remotehost.sh)"
    done
    [ -x /usr/sbin/sshd ] || rh_fail "/usr/sbin/sshd is missing (apt-get install openssh-server)"
    # The bind mounts below must never reach the machine's own /etc.
    [ "$(readlink /proc/self/ns/mnt)" != "$(readlink /proc/1/ns/mnt)" ] \
        || rh_fail "rh_setup runs inside a private mount namespace only"

    mkdir -p "$RH_DIR/etc" "$RH_DIR/home" "$RH_DIR/sshd" || rh_fail "cannot create $RH_DIR"
    # sshd's privilege separation folder (a read-only /run may have it already).
    [ -d /run/sshd ] || mkdir -p /run/sshd || rh_fail "cannot create /run/sshd"
    RH_LOGIN_ID=4700
    while getent passwd "$RH_LOGIN_ID" >/dev/null || getent group "$RH_LOGIN_ID" >/dev/null; do
        RH_LOGIN_ID=$((RH_LOGIN_ID + 1))
    done
    for file in passwd group shadow; do
        cp "/etc/$file" "$RH_DIR/etc/$file" || rh_fail "cannot copy /etc/$file"
    done
    printf '%s:x:%s:%s:MailTLS remote fix test:%s:/bin/sh\n' "$RH_LOGIN" "$RH_LOGIN_ID" "$RH_LOGIN_ID" \
        "$RH_DIR/home" >>"$RH_DIR/etc/passwd"
    printf '%s:x:%s:\n' "$RH_LOGIN" "$RH_LOGIN_ID" >>"$RH_DIR/etc/group"
    # "*": no password, and not a locked account (sshd refuses those).
    printf '%s:*:19000:0:99999:7:::\n' "$RH_LOGIN" >>"$RH_DIR/etc/shadow"
    chown "$RH_LOGIN_ID:$RH_LOGIN_ID" "$RH_DIR/home"
    printf '127.0.0.1 localhost %s\n' "$(hostname)" >"$RH_DIR/etc/hosts"
    # No name lookup can leave the machine.
    printf 'nameserver 127.0.0.1\n' >"$RH_DIR/etc/resolv.conf"
    : >"$RH_DIR/etc/sudoers"
    rh_sudoers
    for file in passwd group shadow sudoers hosts resolv.conf; do
        mount --bind "$RH_DIR/etc/$file" "/etc/$file" || rh_fail "cannot bind-mount the private /etc/$file"
    done

    for key in host client; do
        ssh-keygen -q -t ed25519 -N '' -C "mailtls-test-remote-$key" -f "$RH_DIR/sshd/${key}_ed25519" \
            || rh_fail "ssh-keygen could not make the $key key"
    done
    cp "$RH_DIR/sshd/client_ed25519.pub" "$RH_DIR/sshd/authorized_keys"
    chmod 0644 "$RH_DIR/sshd/authorized_keys"
    RH_PORT=
    for _ in $(seq 1 200); do
        candidate=$((20000 + RANDOM % 40000))
        rh_port_in_use "$candidate" || rh_port_known "$candidate" || { RH_PORT=$candidate; break; }
    done
    [ -n "$RH_PORT" ] || rh_fail "found no free port for sshd"
    cat >"$RH_DIR/sshd/sshd_config" <<EOF
HostKey $RH_DIR/sshd/host_ed25519
PidFile $RH_DIR/sshd/sshd.pid
ListenAddress $RH_ADDR
Port $RH_PORT
UsePAM no
PermitRootLogin prohibit-password
AllowUsers $RH_LOGIN root
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile $RH_DIR/sshd/authorized_keys
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
EOF
    if /usr/sbin/sshd -t -f /dev/stdin <<<"$(cat "$RH_DIR/sshd/sshd_config"; echo 'PerSourcePenalties no')" >/dev/null 2>&1; then
        echo 'PerSourcePenalties no' >>"$RH_DIR/sshd/sshd_config"
    fi
    RH_SSH_CONFIG="$RH_DIR/sshd/ssh_config"
    cat >"$RH_SSH_CONFIG" <<EOF
Host *
    IdentityFile $RH_DIR/sshd/client_ed25519
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
    /usr/sbin/sshd -t -f "$RH_DIR/sshd/sshd_config" || rh_fail "sshd does not accept $RH_DIR/sshd/sshd_config"
    /usr/sbin/sshd -D -f "$RH_DIR/sshd/sshd_config" -E "$RH_DIR/sshd/sshd.log" &
    RH_SSHD_PID=$!
    deadline=$((SECONDS + 10))
    until rh_listening; do
        proc_alive "$RH_SSHD_PID" || { cat "$RH_DIR/sshd/sshd.log" >&2; rh_fail "sshd did not start"; }
        [ "$SECONDS" -ge "$deadline" ] && rh_fail "sshd does not listen on $RH_ADDR:$RH_PORT after 10s"
        sleep 0.05
    done
    RH_FINGERPRINT=$(ssh-keygen -l -E sha256 -f "$RH_DIR/sshd/host_ed25519.pub" | awk '{ print $2 }')
}

rh_remote() {
    ssh -F "$RH_SSH_CONFIG" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -p "$RH_PORT" -l "$RH_LOGIN" "$RH_ADDR" "$@"
}

rh_stop() {
    local file
    if [ -n "$RH_SSHD_PID" ]; then
        proc_alive "$RH_SSHD_PID" && proc_stop 10 "$RH_SSHD_PID"
        RH_SSHD_PID=
    fi
    # Stacked on a file another bind mount may show (lib/dovecot.sh's
    # passwd): that one cannot be removed while this one stands.
    for file in resolv.conf hosts sudoers shadow group passwd; do
        [ -n "$RH_DIR" ] && [ -f "$RH_DIR/etc/$file" ] && umount "/etc/$file" 2>/dev/null
    done
    RH_DIR=
}

rh_serve_from() {
    local nsfn=$1 failfn=$2 deadline
    shift 2
    # shellcheck disable=SC2016 # $1… belong to the inner bash
    "$nsfn" bash -c '. "$1"; . "$2"; shift 2; rh_serve "$@"' _ "$RH_LIB_DIR/process.sh" "$RH_LIB_DIR/remotehost.sh" \
        "$@" >"$1.out" 2>&1 </dev/null &
    deadline=$((SECONDS + 20))
    until [ -s "$1/vars" ]; do
        [ "$SECONDS" -ge "$deadline" ] && { cat "$1.out" >&2; "$failfn" "the remote host did not start"; }
        sleep 0.1
    done
    RH_DIR=$1
    RH_ADDR=$2
    RH_LOGIN=$3
    { read -r RH_PORT; read -r RH_FINGERPRINT; read -r RH_SSH_CONFIG; read -r RH_LOGIN_ID; read -r RH_SSHD_PID; } \
        <"$RH_DIR/vars"
}

rh_serve() {
    rh_setup "$@"
    printf '%s\n' "$RH_PORT" "$RH_FINGERPRINT" "$RH_SSH_CONFIG" "$RH_LOGIN_ID" "$RH_SSHD_PID" >"$RH_DIR/vars.new"
    mv "$RH_DIR/vars.new" "$RH_DIR/vars"
    wait "$RH_SSHD_PID"
}
