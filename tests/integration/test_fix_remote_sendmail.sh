#!/usr/bin/env bash
# `mailtls fix --mta sendmail --host ssh://…` against a real Sendmail (Debian
# 12's sendmail 8.17.1.9, unpacked; see lib/sendmail.sh) on another "host": a
# private sshd on 127.0.15.2 inside sendmailns.sh's view of the machine, whose
# logins see a private /etc with a user of the test's own, mailfix, who
# reaches root only through the real sudo -n (lib/remotehost.sh). sendmail.cf
# is built by m4 there, never on this side.
#
#   sshd       127.0.15.2:PORT   mailfix, by the test's client key
#   Sendmail   127.0.15.2:25     STARTTLS, started weak: Debian's update_tls
#                                DH file made with 1024 bits
#
# 1. sudo without a rule: the exact sudoers line; nothing changes.
# 2. logjam --group ffdhe3072 --dry-run: the plan (a define after the
#    starttls.m4 include, sendmail.cf rebuilt, the re-probe at the SSH host's
#    address); nothing changes.
# 3. logjam --group ffdhe3072 --yes: sendmail.mc is exactly the old one plus
#    the two lines, sendmail.cf is what Debian's Makefile builds from it (its
#    build stamps aside), the group file is RFC 7919's (root's, 0644);
#    Sendmail started again on SIGHUP sent through sudo; the re-probe at the
#    SSH host's address and mailtls probe measure ffdhe3072; the backup names
#    the host.
# 4. The same again: nothing to change.
# 5. --restore ID --yes over SSH puts both files back, removes the group file.
#
# MAILTLS_KEEP_TMP=1 keeps the run's folder.
#
# Needs (Debian): what lib/sendmail.sh and lib/remotehost.sh need, and jq.
# Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/sendmail.sh
. "$HERE/lib/sendmail.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/remotehost.sh
. "$HERE/lib/remotehost.sh"

for tool in jq cmp ssh ssh-keygen sudo; do
    command -v "$tool" >/dev/null 2>&1 || sm_fail "$tool is not installed (see the header of $0)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    sm_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

sm_init

ADDR=127.0.15.2
LOGIN=mailfix
BACKUPS=$T/backups
ETC=$SM_ROOT/etc-mail
MC=$ETC/sendmail.mc
CF=$ETC/sendmail.cf
STARTTLS=$ETC/tls/starttls.m4
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"

# ------------------------------------------------------------ the "remote" host
# sshd in a namespace of sendmailns.sh's, where Sendmail's files are where
# Debian puts them; it ends with the test (its PID is stopped at exit).
SSHD_PID=
stop_sshd() {
    [ -n "$SSHD_PID" ] && proc_alive "$SSHD_PID" && proc_stop 10 "$SSHD_PID"
    SSHD_PID=
}
# The cleanup exits with the status it finds: the test's, not stop_sshd's.
trap 'status=$?; stop_sshd; (exit "$status"); sm_cleanup' EXIT
rh_serve_from sm_ns sm_fail "$T/remote" "$ADDR" "$LOGIN"
SSHD_PID=$RH_SSHD_PID
same "fixture: mailfix logs in and is not root" "$RH_LOGIN_ID" "$(rh_remote id -u 2>/dev/null)"
check "fixture: sudo -n is refused to mailfix" sh -c '! "$@" sudo -n true 2>/dev/null' sh rh_remote
same "fixture: mailfix sees Debian's sendmail-mta" /usr/sbin/sendmail-mta \
    "$(rh_remote ls /usr/sbin/sendmail-mta 2>/dev/null)"

# ------------------------------------------------------------------ Sendmail
mkdir -p "$T/pki"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.sendmail.test \
    -addext subjectAltName=DNS:mx.sendmail.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" \
    >"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not make a certificate"
sm_debian_config "$ADDR"
# update_tls's DH parameters as it made them with 1024 bits.
if ! openssl dsaparam -out "$T/pki/dsa.pem" 1024 >>"$T/pki/openssl.log" 2>&1 \
    || ! openssl dhparam -dsaparam -in "$T/pki/dsa.pem" -out "$T/pki/dhx.pem" >>"$T/pki/openssl.log" 2>&1; then
    sm_fail "openssl could not make the 1024-bit DH parameters"
fi
cat "$T/pki/dsa.pem" "$T/pki/dhx.pem" >"$ETC/tls/sendmail-common.prm"
chmod 0640 "$ETC/tls/sendmail-common.prm"
sed -i "s|^define(\`confBAD_RCPT_THROTTLE',\`3')dnl|&\ndefine(\`confDONT_PROBE_INTERFACES', \`True')dnl|" "$MC"
sm_make_cf
cat >"$T/openssl-seclevel1.cnf" <<'EOF'
openssl_conf = openssl_init
[openssl_init]
ssl_conf = ssl_sect
[ssl_sect]
system_default = system_default_sect
[system_default_sect]
CipherString = DEFAULT:@SECLEVEL=1
EOF
sm_start "$ADDR" "$T/openssl-seclevel1.cnf"
cp -p "$MC" "$T/mc.orig"
cp -p "$CF" "$T/cf.orig"
cp -p "$STARTTLS" "$T/starttls.orig"

HOST="ssh://$LOGIN@$ADDR:$RH_PORT"
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    sm_ns "$MAILTLS" fix "$@" --ssh-config "$RH_SSH_CONFIG" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
dhe() {
    sm_ns "$MAILTLS" probe --json "$ADDR" </dev/null 2>"$T/probe.err" \
        | jq -c '.reports[0].addresses[0].sessions[] | select(.profile == "dhe-only")
            | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]'
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "restarting /usr/sbin/sendmail-mta due to signal" "$SM_LOG" 2>/dev/null || true; }
running() { sm_ns start-stop-daemon --status --pidfile /run/sendmail/mta/sendmail.pid --exec /usr/sbin/sendmail-mta; }
built() {
    sm_ns sh -c 'cd /etc/mail && m4 sendmail.mc && echo "### /etc/mail/sendmail.mc ###" && sed -e "s/^/# /" sendmail.mc' \
        | grep -vE '^##### (built by|in|using) '
}
unstamped() { grep -vE '^##### (built by|in|using) ' "$1"; }
owner_mode() { stat -c '%u:%g %a' "$1"; }

same "fixture: mailtls probe measures the 1024-bit group" '[true,"DHE",1024,""]' "$(dhe)"

# ----------------------------------------------- 1. sudo without a rule
fix logjam --mta sendmail --host "$HOST" --group ffdhe3072 --yes --accept-host-key "$RH_FINGERPRINT"
status=$?
same "no sudo rule: exit status" 1 "$status"
[ "$status" = 1 ] || show_run
check "no sudo rule: sudo's own refusal is quoted" contains "$ERR" 'it said: "sudo: a password is required"'
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/sendmail-mta, /usr/bin/m4, /usr/sbin/start-stop-daemon, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm" \
    "$SUDOERS_LINE"
check "no sudo rule: sendmail.mc unchanged" cmp -s "$T/mc.orig" "$MC"
same "no sudo rule: no backup" 0 "$(backup_count)"

# ------------------------------------------------------------ 2. dry run
rh_sudoers "$SUDOERS_LINE"
fix logjam --mta sendmail --host "$HOST" --group ffdhe3072 --dry-run
status=$?
same "dry run: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "dry run: the findings name the 1024-bit group" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits (Logjam)"
check "dry run: the plan names the host" contains "$OUT" "configuration in /etc/mail on $LOGIN@$ADDR:$RH_PORT"
check "dry run: the plan adds the define to sendmail.mc" \
    contains "$OUT" "+define(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl"
check "dry run: the plan rebuilds sendmail.cf (m4 there)" \
    contains "$OUT" "+O DHParameters=/etc/mail/tls/dh_ffdhe3072.pem"
check "dry run: the re-probe, at the SSH host's address" \
    contains "$OUT" "probe $ADDR:25: a DHE-only handshake must get ffdhe3072"
check "dry run: sendmail.mc is unchanged" cmp -s "$T/mc.orig" "$MC"
check "dry run: sendmail.cf is unchanged" cmp -s "$T/cf.orig" "$CF"

# --------------------------------------------------------------- 3. logjam
fix logjam --mta sendmail --host "$HOST" --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload verify; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "logjam: verify reports the new group at the SSH host's address" \
    contains "$OUT" "$ADDR:25 now offers DHE with 3072 bits, ffdhe3072"
sed "s|^include(\`/etc/mail/tls/starttls.m4')dnl\$|&\ndnl # Added by MailTLS\ndefine(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl|" \
    "$T/mc.orig" >"$T/mc.logjam"
check "logjam: sendmail.mc is the old one with the define after the starttls.m4 include" cmp "$T/mc.logjam" "$MC"
same "logjam: the exact diff of sendmail.mc" \
    "$(printf '%s\n' "+dnl # Added by MailTLS" "+define(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl")" \
    "$(diff -u "$T/mc.orig" "$MC" | grep -E '^[-+][^-+]')"
check "logjam: starttls.m4 is untouched" cmp "$T/starttls.orig" "$STARTTLS"
check "logjam: sendmail.cf is what Debian's Makefile builds from the new sendmail.mc" \
    cmp <(built) <(unstamped "$CF")
same "logjam: sendmail.cf names the new group file" "O DHParameters=/etc/mail/tls/dh_ffdhe3072.pem" \
    "$(grep '^O DHParameters=' "$CF")"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$ETC/tls/dh_ffdhe3072.pem"
same "logjam: the group file is root's, mode 644" "0:0 644" "$(owner_mode "$ETC/tls/dh_ffdhe3072.pem")"
same "logjam: Sendmail started again on SIGHUP, once" 1 "$(reloads)"
check "logjam: Sendmail still runs" running
same "logjam: mailtls probe now measures 3072 bits, ffdhe3072" '[true,"DHE",3072,"ffdhe3072"]' "$(dhe)"
same "logjam: one backup, on this computer" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest names the host" "$HOST" "$(jq -r .host "$MANIFEST")"
same "logjam: the manifest names the group file (new), sendmail.mc and sendmail.cf" \
    "/etc/mail/tls/dh_ffdhe3072.pem:false /etc/mail/sendmail.mc:true /etc/mail/sendmail.cf:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$MANIFEST")"
check "logjam: the backup keeps the old sendmail.cf byte for byte" \
    cmp "$T/cf.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[2].copy' "$MANIFEST")"
cp -p "$CF" "$T/cf.logjam"

# ------------------------------------------------------- 4. again: nothing
fix logjam --mta sendmail --host "$HOST" --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" \
    contains "$OUT" "Nothing to change (Replace the weak Diffie-Hellman group (Logjam)): already in place."
check "again: sendmail.cf untouched" cmp "$T/cf.logjam" "$CF"
same "again: no new backup" 1 "$(backup_count)"

# ---------------------------------------------------------------- 5. restore
fix --restore "$LOGJAM_BACKUP" --yes
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: sendmail.mc is the original again" cmp "$T/mc.orig" "$MC"
check "restore: sendmail.cf is the original again" cmp "$T/cf.orig" "$CF"
check "restore: the group file the fix created is gone" absent "$ETC/tls/dh_ffdhe3072.pem"
same "restore: Sendmail started again on SIGHUP" 2 "$(reloads)"
same "restore: mailtls probe measures the 1024-bit group again" '[true,"DHE",1024,""]' "$(dhe)"

ck_summary
