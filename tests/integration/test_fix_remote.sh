#!/usr/bin/env bash
# `mailtls fix --host ssh://…` against a real Postfix on another "host": a
# private sshd on 127.0.12.1 whose logins see a private /etc (passwd, group,
# shadow, sudoers, hosts, resolv.conf bind-mounted in a mount namespace of
# their own) with a user of the test's own, mailfix, who reaches root only
# through sudo -n. The real machine's /etc is never changed.
#
#   bash tests/integration/test_fix_remote.sh /path/to/mailtls
#
#   sshd        127.0.12.1:PORT   mailfix and root, by the test's client key
#   Postfix     127.0.12.1:25     STARTTLS, TLS 1.2, DHE-RSA only, started weak
#                                 (RFC 2409 Oakley group 2), TLS logging off
#
# 1. An unknown host key is refused until accepted (--accept-host-key).
# 2. sudo without a rule for mailfix: the inspection fails with the sudoers
#    explanation (the exact line, never a password prompt); nothing changes.
# 3. A rule without the programs that write files: the plan is shown, the
#    write step fails with the explanation, nothing changes, no backup is kept.
# 4. The line mailtls gave, in sudoers: logjam --group ffdhe3072 --yes changes
#    the remote main.cf exactly as locally, writes RFC 7919's group (root's,
#    0644), validates and reloads through sudo -n (same master), and the
#    re-probe at the SSH host's address measures ffdhe3072; the backup is on
#    this computer and its manifest names the host.
# 5. The same again: nothing to change.
# 6. starttls with a certificate that is not there: validation fails, main.cf
#    is restored byte for byte (mode and owner too), no reload.
# 7. --restore lists the remote backups with their host; --restore ID --yes
#    puts the weak main.cf back over SSH and removes the created group file.
# 8. Logged in as root: no sudo at all (tls-logging --yes).
#
# MAILTLS_KEEP_TMP=1 keeps the run's folder for a post-mortem.
#
# Needs (Debian): postfix, openssh-server, openssh-client, sudo, openssl, jq,
# util-linux, diffutils. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/probefixture.sh
. "$HERE/lib/probefixture.sh"

for tool in jq cmp ssh ssh-keygen sudo; do
    command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (see the header of $0)"
done
[ -x /usr/sbin/sshd ] || pf_fail "/usr/sbin/sshd is missing (apt-get install openssh-server)"
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

pf_init

ADDR=127.0.12.1
NAME=remote
LOGIN=mailfix
BACKUPS="$T/backups"
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"
KNOWN="$T/data/MailTLS/mailtls/known_hosts"

# ------------------------------------------------------ the "remote" /etc
# A uid and gid no account of this machine has.
LOGIN_ID=4700
while getent passwd "$LOGIN_ID" >/dev/null || getent group "$LOGIN_ID" >/dev/null; do
    LOGIN_ID=$((LOGIN_ID + 1))
done
ETC="$T/etc"
HOME_DIR="$T/home"
mkdir -p "$ETC" "$HOME_DIR" || pf_fail "cannot create $ETC"
for file in passwd group shadow; do
    cp "/etc/$file" "$ETC/$file" || pf_fail "cannot copy /etc/$file"
done
printf '%s:x:%s:%s:MailTLS remote fix test:%s:/bin/sh\n' "$LOGIN" "$LOGIN_ID" "$LOGIN_ID" "$HOME_DIR" >>"$ETC/passwd"
printf '%s:x:%s:\n' "$LOGIN" "$LOGIN_ID" >>"$ETC/group"
# "*": no password, and not a locked account (sshd refuses those).
printf '%s:*:19000:0:99999:7:::\n' "$LOGIN" >>"$ETC/shadow"
chown "$LOGIN_ID:$LOGIN_ID" "$HOME_DIR"
printf '127.0.0.1 localhost %s\n' "$(hostname)" >"$ETC/hosts"
cp "$T/resolv.conf" "$ETC/resolv.conf"

# sudoers_with LINE...: the private sudoers, Debian's defaults plus LINE...
# (written in place: the namespace sees the file through a bind mount).
sudoers_with() {
    {
        printf 'Defaults env_reset\nDefaults mail_badpass\nDefaults use_pty\nDefaults !fqdn\n'
        printf 'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n'
        printf 'root ALL=(ALL:ALL) ALL\n'
        local line
        for line in "$@"; do printf '%s\n' "$line"; done
    } >"$ETC/sudoers.new"
    chmod 0440 "$ETC/sudoers.new"
    cat "$ETC/sudoers.new" >"$ETC/sudoers"
    chmod 0440 "$ETC/sudoers"
    visudo -c -f "$ETC/sudoers" >/dev/null || pf_fail "visudo refuses the test's sudoers: $*"
}
: >"$ETC/sudoers"
sudoers_with

# ------------------------------------------------------------------ sshd
SSHD_DIR="$T/sshd"
mkdir -p "$SSHD_DIR" /run/sshd || pf_fail "cannot create $SSHD_DIR"
for key in host client; do
    ssh-keygen -q -t ed25519 -N '' -C "mailtls-test-remote-$key" -f "$SSHD_DIR/${key}_ed25519" \
        || pf_fail "ssh-keygen could not make the $key key"
done
cp "$SSHD_DIR/client_ed25519.pub" "$SSHD_DIR/authorized_keys"
chmod 0644 "$SSHD_DIR/authorized_keys"

port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v want="$hex" 'FNR > 1 { split($2, a, ":"); if (toupper(a[length(a)]) == want) found = 1 } END { exit !found }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
# A key some known-hosts file of root's already has for the port would look
# like a changed key.
port_known() {
    local file
    for file in "$HOME/.ssh/known_hosts" /etc/ssh/ssh_known_hosts; do
        [ -r "$file" ] && ssh-keygen -F "[$ADDR]:$1" -f "$file" >/dev/null 2>&1 && return 0
    done
    return 1
}
PORT=
for _ in $(seq 1 200); do
    candidate=$((20000 + RANDOM % 40000))
    port_in_use "$candidate" || port_known "$candidate" || { PORT=$candidate; break; }
done
[ -n "$PORT" ] || pf_fail "found no free port for sshd"

cat >"$SSHD_DIR/sshd_config" <<EOF
HostKey $SSHD_DIR/host_ed25519
PidFile $SSHD_DIR/sshd.pid
ListenAddress $ADDR
Port $PORT
UsePAM no
PermitRootLogin prohibit-password
AllowUsers $LOGIN root
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile $SSHD_DIR/authorized_keys
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
EOF
if /usr/sbin/sshd -t -f /dev/stdin <<<"$(cat "$SSHD_DIR/sshd_config"; echo 'PerSourcePenalties no')" >/dev/null 2>&1; then
    echo 'PerSourcePenalties no' >>"$SSHD_DIR/sshd_config"
fi
cat >"$SSHD_DIR/ssh_config" <<EOF
Host *
    IdentityFile $SSHD_DIR/client_ed25519
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
/usr/sbin/sshd -t -f "$SSHD_DIR/sshd_config" || pf_fail "sshd does not accept $SSHD_DIR/sshd_config"

# The "remote" side: sshd in a mount namespace of its own, where the private
# files stand in for /etc's; every login and sudo there sees them.
# shellcheck disable=SC2016 # $0 and $@ belong to the inner sh
unshare -m sh -c '
    for f in passwd group shadow sudoers hosts resolv.conf; do
        mount --bind "$0/$f" "/etc/$f" || exit 1
    done
    exec "$@"' "$ETC" /usr/sbin/sshd -D -f "$SSHD_DIR/sshd_config" -E "$SSHD_DIR/sshd.log" &
SSHD_PID=$!
pf_register_pid "$SSHD_PID"
deadline=$((SECONDS + 10))
until pf_port_listening "$ADDR" "$PORT"; do
    proc_alive "$SSHD_PID" || { cat "$SSHD_DIR/sshd.log" >&2; pf_fail "sshd did not start"; }
    [ "$SECONDS" -ge "$deadline" ] && pf_fail "sshd does not listen on $ADDR:$PORT after 10s"
    sleep 0.05
done
FINGERPRINT=$(ssh-keygen -l -E sha256 -f "$SSHD_DIR/host_ed25519.pub" | awk '{ print $2 }')

# remote CMD...: CMD as mailfix on the "remote" host (the test's own view).
remote() {
    ssh -F "$SSHD_DIR/ssh_config" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -p "$PORT" -l "$LOGIN" "$ADDR" "$@"
}
same "fixture: mailfix logs in and is not root" "$LOGIN_ID" "$(remote id -u 2>/dev/null)"
check "fixture: sudo -n is refused to mailfix" sh -c '! "$@" sudo -n true 2>/dev/null' sh remote

# -------------------------------------------------------- Postfix, weak
px_make_ca "$T/pki"
PX_CA="$T/pki/ca.crt"
px_make_leaf "$T/pki" "$T/pki/mx" mx.remote.test
px_write_oakley2 "$T/pki/oakley2.pem"
pf_instance "$NAME" mx.remote.test
DIR=$(pf_dir "$NAME")
LOG=$(pf_log "$NAME")
pf_set "$NAME" \
    "inet_interfaces = all" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_cert_file = $T/pki/mx.crt" \
    "smtpd_tls_key_file = $T/pki/mx.key" \
    "smtpd_tls_dh1024_param_file = $T/pki/oakley2.pem" \
    "smtpd_tls_protocols = >=TLSv1.2,<=TLSv1.2" \
    "smtpd_tls_exclude_ciphers = kECDHE, kRSA, aNULL" \
    "smtpd_tls_loglevel = 0" \
    "smtpd_tls_received_header = no"
pf_listen "$NAME" "$ADDR:25" -o syslog_name=postfix-remote
pf_start "$NAME"
MASTER=${PF_PID[$NAME]}
# Postfix waits for a main.cf changed within the last second to settle.
sleep 1
cp -p "$DIR/main.cf" "$T/main.cf.orig"

HOST="ssh://$LOGIN@$ADDR:$PORT"
LOCATION="$HOST"
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    pf_loopback_dns "$MAILTLS" fix "$@" --ssh-config "$SSHD_DIR/ssh_config" --backup-dir "$BACKUPS" \
        >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "postfix/master\[$MASTER\]: reload" "$LOG" 2>/dev/null || true; }
running() { postfix -c "$DIR" status >/dev/null 2>&1; }
owner_mode() { stat -c '%u:%g %a' "$1"; }

# -------------------------------------------- 1. an unknown host key
fix logjam --host "$HOST" --config-dir "$DIR" --dry-run
same "unknown host key: exit status" 1 $?
check "unknown host key: the fingerprint and the option are shown" \
    contains "$ERR" "--accept-host-key $FINGERPRINT"
check "unknown host key: no key was stored" test ! -s "$KNOWN"

# ----------------------------------------------- 2. sudo without a rule
fix logjam --host "$HOST" --config-dir "$DIR" --group ffdhe3072 --yes --accept-host-key "$FINGERPRINT"
same "no sudo rule: exit status" 1 $?
check "no sudo rule: the accepted host key is kept" test -s "$KNOWN"
check "no sudo rule: sudo's own refusal is quoted" contains "$ERR" 'it said: "sudo: a password is required"'
check "no sudo rule: MailTLS says it never asks for a sudo password" \
    contains "$ERR" "never asks for a sudo password or keeps one"
check "no sudo rule: it says where the line goes" contains "$ERR" "visudo -f /etc/sudoers.d/mailtls"
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/openssl, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm" \
    "$SUDOERS_LINE"
check "no sudo rule: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"
same "no sudo rule: no backup" 0 "$(backup_count)"

# ------------------------------ 3. a rule that cannot write files
sudoers_with "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/openssl, /usr/bin/stat, /usr/bin/test, /usr/bin/cat"
fix logjam --host "$HOST" --config-dir "$DIR" --group ffdhe3072 --yes
same "no write rule: exit status" 1 $?
check "no write rule: the inspection worked (findings shown)" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"
check "no write rule: the plan names the host" contains "$OUT" "configuration in $DIR on $LOGIN@$ADDR:$PORT"
check "no write rule: the write step failed with the sudoers line" \
    grep -qE "^  write +FAILED +cannot write $DIR/dh_ffdhe3072.pem: sudo on $LOGIN@$ADDR:$PORT refused" "$OUT"
check "no write rule: the line to add is in the output" contains "$OUT" "    $SUDOERS_LINE"
check "no write rule: nothing changed" contains "$ERR" "nothing was changed"
check "no write rule: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"
check "no write rule: no group file" absent "$DIR/dh_ffdhe3072.pem"
same "no write rule: no temporary file left" "" "$(find "$DIR" -name '.*mailtls-*')"
same "no write rule: no backup kept" 0 "$(backup_count)"

# ------------------------------------------------------------ 4. logjam
sudoers_with "$SUDOERS_LINE"
fix logjam --host "$HOST" --config-dir "$DIR" --group ffdhe3072 --dry-run
same "dry run: exit status" 0 $?
check "dry run: the plan shows the changed line" contains "$OUT" "+smtpd_tls_dh1024_param_file = $DIR/dh_ffdhe3072.pem"
check "dry run: the re-probe goes to the SSH host's address" \
    contains "$OUT" "probe $ADDR:25: a DHE-only handshake must get ffdhe3072"
check "dry run: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"

fix logjam --host "$HOST" --config-dir "$DIR" --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload verify; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "logjam: verify reports the new group at the SSH host's address" \
    contains "$OUT" "$ADDR:25 now offers DHE with 3072 bits, ffdhe3072"
sed "s|^smtpd_tls_dh1024_param_file = .*\$|smtpd_tls_dh1024_param_file = $DIR/dh_ffdhe3072.pem|" \
    "$T/main.cf.orig" >"$T/main.cf.logjam"
check "logjam: the remote main.cf is exactly the old one with the DH line changed" cmp "$T/main.cf.logjam" "$DIR/main.cf"
same "logjam: main.cf keeps its owner and mode" "$(owner_mode "$T/main.cf.orig")" "$(owner_mode "$DIR/main.cf")"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$DIR/dh_ffdhe3072.pem"
same "logjam: the group file is root's, mode 644" "0:0 644" "$(owner_mode "$DIR/dh_ffdhe3072.pem")"
same "logjam: no temporary file left" "" "$(find "$DIR" -name '.*mailtls-*')"
postfix -c "$DIR" check >"$T/check.out" 2>&1
same "logjam: postfix check passes" "0:" "$?:$(cat "$T/check.out")"
check "logjam: Postfix still runs" running
same "logjam: reloaded, not restarted (same master)" "$MASTER" \
    "$(awk 'NR == 1 { print $1 + 0 }' "$(pf_queue_dir "$NAME")/pid/master.pid")"
same "logjam: one reload in the log" 1 "$(reloads)"
same "logjam: one backup, on this computer" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest names the host" "$LOCATION" "$(jq -r .host "$MANIFEST")"
same "logjam: the manifest says done" "done" "$(jq -r .state "$MANIFEST")"
check "logjam: the backup keeps the old main.cf byte for byte" \
    cmp "$T/main.cf.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[] | select(.path | endswith("/main.cf")) | .copy' "$MANIFEST")"

# -------------------------------------------------------- 5. again: nothing
fix logjam --host "$HOST" --config-dir "$DIR" --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" \
    contains "$OUT" "Nothing to change (Replace the weak Diffie-Hellman group (Logjam)): already in place."
same "again: no new backup" 1 "$(backup_count)"
same "again: no reload" 1 "$(reloads)"

# ---------------------------------------------- 6. a failure, rolled back
cp -p "$DIR/main.cf" "$T/main.cf.before-failure"
chmod 0640 "$DIR/main.cf"
chown "root:$LOGIN_ID" "$DIR/main.cf" 2>/dev/null || chown root:postfix "$DIR/main.cf"
MODE_BEFORE=$(owner_mode "$DIR/main.cf")
fix starttls --host "$HOST" --config-dir "$DIR" --cert /nonexistent.pem --key /nonexistent.key --yes
same "starttls failure: exit status" 1 $?
check "starttls failure: the write step succeeded first" grep -qE "^  write +ok " "$OUT"
check "starttls failure: validation failed on the certificate" \
    grep -qE "^  validate +FAILED +smtpd_tls_cert_file names /nonexistent.pem, which does not exist" "$OUT"
check "starttls failure: the rollback put the file back" grep -qE "^  rollback +ok +restored 1 file\(s\) from " "$OUT"
check "starttls failure: main.cf restored byte for byte" cmp "$T/main.cf.before-failure" "$DIR/main.cf"
same "starttls failure: main.cf keeps its owner, group and mode" "$MODE_BEFORE" "$(owner_mode "$DIR/main.cf")"
same "starttls failure: no reload" 1 "$(reloads)"
check "starttls failure: Postfix still runs" running
same "starttls failure: the manifest says rolled-back" rolled-back \
    "$(jq -r 'select(.title | startswith("Offer STARTTLS")) | .state' "$BACKUPS"/*/manifest.json)"
chmod 0644 "$DIR/main.cf"
chown root:root "$DIR/main.cf"

# ---------------------------------------------------------------- 7. restore
fix --restore
same "restore list: exit status" 0 $?
check "restore list: the logjam backup, applied" grep -qE "^  $LOGJAM_BACKUP  .*  applied  Replace the weak" "$OUT"
check "restore list: the backup names its host" contains "$OUT" "      on $LOCATION"
fix --restore --host "ssh://other@$ADDR:$PORT"
check "restore list of another host: none" contains "$OUT" "No backups in"

fix --restore "$LOGJAM_BACKUP"
same "restore without --yes: exit status" 0 $?
check "restore without --yes: the diff puts the old DH line back" \
    contains "$OUT" "+smtpd_tls_dh1024_param_file = $T/pki/oakley2.pem"
check "restore without --yes: it removes the created group file" contains "$OUT" "$DIR/dh_ffdhe3072.pem (removed)"
check "restore without --yes: main.cf unchanged" cmp -s "$T/main.cf.logjam" "$DIR/main.cf"

fix --restore "$LOGJAM_BACKUP" --yes
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: main.cf is the original again" cmp "$T/main.cf.orig" "$DIR/main.cf"
check "restore: the created group file is gone" absent "$DIR/dh_ffdhe3072.pem"
same "restore: Postfix reloaded" 2 "$(reloads)"
check "restore: Postfix still runs" running
same "restore: its own backup names the host too" "$LOCATION" \
    "$(jq -r 'select(.title | startswith("Put back")) | .host' "$BACKUPS"/*/manifest.json)"

# -------------------------------------------------------- 8. root login
sudoers_with
fix tls-logging --host "ssh://root@$ADDR:$PORT" --config-dir "$DIR" --yes
status=$?
same "root login: exit status (no sudo rule needed)" 0 "$status"
[ "$status" = 0 ] || show_run
{
    sed "s|^smtpd_tls_loglevel = .*\$|smtpd_tls_loglevel = 1|" "$T/main.cf.orig"
    printf '# Added by MailTLS\nsmtp_tls_loglevel = 1\n'
} >"$T/main.cf.logging"
check "root login: main.cf is exact" cmp "$T/main.cf.logging" "$DIR/main.cf"
same "root login: Postfix reloaded" 3 "$(reloads)"

ck_summary
