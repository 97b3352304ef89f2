#!/usr/bin/env bash
# `mailtls fix --mta exim --host ssh://…` against a real Exim (Debian 12's
# exim4 4.96 with GnuTLS, unpacked; see lib/exim.sh) set up the Debian way
# (exim4.conf.template, the admin's exim4.conf.localmacros, update-exim4.conf,
# /etc/init.d/exim4) on another "host": a private sshd on 127.0.15.3 inside
# eximns.sh's view of the machine, whose logins see a private /etc with a
# user of the test's own, mailfix, who reaches root only through the real
# sudo -n (lib/remotehost.sh).
#
#   sshd   127.0.15.3:PORT   mailfix, by the test's client key
#   Exim   127.0.15.3:25     STARTTLS; the admin's tls_dhparam names the
#                            1024-bit RFC 2409 Oakley group 2 (GnuTLS keeps
#                            only its size and offers ffdhe2048)
#
# 1. sudo without a rule: the exact sudoers line; nothing changes.
# 2. logjam --group ffdhe3072 --dry-run: the plan changes one line of the
#    local macros file, the re-probe goes to the SSH host's address.
# 3. logjam --group ffdhe3072 --yes: the local file is exactly the old one
#    with that line changed, the template untouched, update-exim4.conf
#    --check passed and the init script reloaded the same daemon through
#    sudo; the re-probe and mailtls probe measure ffdhe3072; the backup
#    names the host.
# 4. The same again: nothing to change.
# 5. --restore ID --yes over SSH puts the local file back and reloads.
#
# MAILTLS_KEEP_TMP=1 keeps the run's folder.
#
# Needs (Debian): what lib/exim.sh and lib/remotehost.sh need, and jq.
# Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/exim.sh
. "$HERE/lib/exim.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/remotehost.sh
. "$HERE/lib/remotehost.sh"

for tool in jq cmp ssh ssh-keygen sudo; do
    command -v "$tool" >/dev/null 2>&1 || ex_fail "$tool is not installed (see the header of $0)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    ex_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

ex_init

ADDR=127.0.15.3
LOGIN=mailfix
BACKUPS=$T/backups
LOCAL=$EX_ROOT/etc-exim4/exim4.conf.localmacros
TEMPLATE=$EX_ROOT/etc-exim4/exim4.conf.template
LOG=$EX_ROOT/log/mainlog
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"

# ------------------------------------------------------------ the "remote" host
# sshd in a namespace of eximns.sh's, where Exim's files are where Debian
# puts them; it ends with the test (its PID is stopped at exit).
SSHD_PID=
stop_sshd() {
    [ -n "$SSHD_PID" ] && proc_alive "$SSHD_PID" && proc_stop 10 "$SSHD_PID"
    SSHD_PID=
}
# The cleanup exits with the status it finds: the test's, not stop_sshd's.
trap 'status=$?; stop_sshd; (exit "$status"); ex_cleanup' EXIT
rh_serve_from ex_ns ex_fail "$T/remote" "$ADDR" "$LOGIN"
SSHD_PID=$RH_SSHD_PID
same "fixture: mailfix logs in and is not root" "$RH_LOGIN_ID" "$(rh_remote id -u 2>/dev/null)"
check "fixture: sudo -n is refused to mailfix" sh -c '! "$@" sudo -n true 2>/dev/null' sh rh_remote
same "fixture: mailfix sees Debian's exim4" /usr/sbin/exim4 "$(rh_remote ls /usr/sbin/exim4 2>/dev/null)"

# ---------------------------------------------------------------------- Exim
mkdir -p "$T/pki"
chmod 0755 "$T/pki"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.exim.test \
    -addext subjectAltName=DNS:mx.exim.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" >"$T/pki/openssl.log" 2>&1 \
    || ex_fail "openssl could not make a certificate"
# As README.Debian asks: root:Debian-exim, mode 0640.
chown "0:$EX_GID" "$T/pki/mx.key"
chmod 0640 "$T/pki/mx.key"
ex_write_oakley2 "$T/pki/dh1024.pem"
ex_debian_config "$ADDR"
{
    printf '# The admin'"'"'s local settings (README.Debian, section 2.1.3)\n'
    printf 'MAIN_TLS_ENABLE = yes\n'
    printf 'MAIN_TLS_CERTIFICATE = %s\n' "$T/pki/mx.crt"
    printf 'MAIN_TLS_PRIVATEKEY = %s\n' "$T/pki/mx.key"
    printf 'tls_dhparam = %s\n' "$T/pki/dh1024.pem"
    printf '# No name lookups on this test machine; received mail stays in the queue.\n'
    printf 'MAIN_HOST_LOOKUP = !*\nhold_domains = *\nqueue_only = true\n'
} >"$LOCAL"
cp -p "$LOCAL" "$T/local.orig"
ex_start "$ADDR"
DAEMON=$EX_PID

HOST="ssh://$LOGIN@$ADDR:$RH_PORT"
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    ex_ns "$MAILTLS" fix "$@" --ssh-config "$RH_SSH_CONFIG" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
dhe() {
    ex_ns "$MAILTLS" probe --json "$ADDR" </dev/null 2>"$T/probe.err" \
        | jq -c '.reports[0].addresses[0].sessions[] | select(.profile == "dhe-only")
            | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]'
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "pid $DAEMON: SIGHUP received: re-exec daemon" "$LOG" 2>/dev/null || true; }
running() { ex_ns /etc/init.d/exim4 status >/dev/null 2>&1; }

same "fixture: mailtls probe measures ffdhe2048, not the 1024-bit file" '[true,"DHE",2048,"ffdhe2048"]' "$(dhe)"

# ----------------------------------------------- 1. sudo without a rule
fix logjam --mta exim --host "$HOST" --group ffdhe3072 --yes --accept-host-key "$RH_FINGERPRINT"
status=$?
same "no sudo rule: exit status" 1 "$status"
[ "$status" = 1 ] || show_run
check "no sudo rule: sudo's own refusal is quoted" contains "$ERR" 'it said: "sudo: a password is required"'
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/exim4, /usr/sbin/update-exim4.conf, /usr/bin/systemctl, /etc/init.d/exim4, /usr/sbin/start-stop-daemon, /usr/bin/find, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm" \
    "$SUDOERS_LINE"
check "no sudo rule: the local file unchanged" cmp -s "$T/local.orig" "$LOCAL"
same "no sudo rule: no backup" 0 "$(backup_count)"

# ------------------------------------------------------------ 2. dry run
rh_sudoers "$SUDOERS_LINE"
fix logjam --mta exim --host "$HOST" --group ffdhe3072 --dry-run
status=$?
same "dry run: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "dry run: the findings say GnuTLS never offers the 1024-bit file" \
    contains "$OUT" "tls_dhparam names a 1024-bit group, which this Exim never offers"
check "dry run: the plan names the host" contains "$OUT" "configuration in /etc/exim4 on $LOGIN@$ADDR:$RH_PORT"
check "dry run: the new line" contains "$OUT" "+tls_dhparam = ffdhe3072"
check "dry run: the old line" contains "$OUT" "-tls_dhparam = $T/pki/dh1024.pem"
check "dry run: validated by update-exim4.conf --check" contains "$OUT" "check with /usr/sbin/update-exim4.conf --check"
check "dry run: reloaded by Debian's init script" contains "$OUT" "reload with /etc/init.d/exim4 reload when Exim runs"
check "dry run: the re-probe, at the SSH host's address" \
    contains "$OUT" "probe $ADDR:25: a DHE-only handshake must get ffdhe3072"
check "dry run: the local file is unchanged" cmp -s "$T/local.orig" "$LOCAL"

# --------------------------------------------------------------- 3. logjam
fix logjam --mta exim --host "$HOST" --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload verify; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "logjam: verify reports the new group at the SSH host's address" \
    contains "$OUT" "$ADDR:25 now offers DHE with 3072 bits, ffdhe3072"
sed "s|^tls_dhparam = .*\$|tls_dhparam = ffdhe3072|" "$T/local.orig" >"$T/local.logjam"
check "logjam: the local file is the old one with the tls_dhparam line changed" cmp "$T/local.logjam" "$LOCAL"
same "logjam: the exact diff" "$(printf '%s\n' "-tls_dhparam = $T/pki/dh1024.pem" "+tls_dhparam = ffdhe3072")" \
    "$(diff -u "$T/local.orig" "$LOCAL" | grep -E '^[-+][^-+]')"
same "logjam: the local file keeps its mode" "$(stat -c %a "$T/local.orig")" "$(stat -c %a "$LOCAL")"
check "logjam: Debian's template is untouched" cmp "$EX_DEBS/etc/exim4/exim4.conf.template" "$TEMPLATE"
same "logjam: exim -bP reads ffdhe3072" "tls_dhparam = ffdhe3072" "$(ex_ns exim4 -bP tls_dhparam)"
same "logjam: reloaded, not restarted (the same daemon)" "$DAEMON" "$(ex_pid)"
same "logjam: one SIGHUP in the log" 1 "$(reloads)"
check "logjam: Exim still runs" running
same "logjam: mailtls probe now measures 3072 bits, ffdhe3072" '[true,"DHE",3072,"ffdhe3072"]' "$(dhe)"
same "logjam: one backup, on this computer" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest names the host" "$HOST" "$(jq -r .host "$MANIFEST")"
same "logjam: the manifest names the local file" "/etc/exim4/exim4.conf.localmacros:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$MANIFEST")"
check "logjam: the backup keeps the old local file byte for byte" \
    cmp "$T/local.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[0].copy' "$MANIFEST")"

# ------------------------------------------------------- 4. again: nothing
fix logjam --mta exim --host "$HOST" --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" \
    contains "$OUT" "Nothing to change (Replace the weak Diffie-Hellman group (Logjam)): already in place."
check "again: the local file untouched" cmp "$T/local.logjam" "$LOCAL"
same "again: no new backup" 1 "$(backup_count)"
same "again: no reload" 1 "$(reloads)"

# ---------------------------------------------------------------- 5. restore
fix --restore "$LOGJAM_BACKUP" --yes
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: the local file is the original again" cmp "$T/local.orig" "$LOCAL"
same "restore: reloaded again" 2 "$(reloads)"
same "restore: mailtls probe measures ffdhe2048 again" '[true,"DHE",2048,"ffdhe2048"]' "$(dhe)"

ck_summary
