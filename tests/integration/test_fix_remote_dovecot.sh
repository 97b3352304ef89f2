#!/usr/bin/env bash
# `mailtls fix --mta dovecot --host ssh://…` against a real Dovecot 2.3 on
# another "host": Debian's dovecot-core and dovecot-imapd unpacked (see
# lib/dovecot.sh), a private sshd on 127.0.15.1 whose logins see a private
# /etc with a user of the test's own, mailfix, who reaches root only through
# the real sudo -n (lib/remotehost.sh), all in a private mount namespace.
#
#   sshd       127.0.15.1:PORT   mailfix and root, by the test's client key
#   Dovecot    127.0.15.1:993    IMAPS, started weak: 10-ssl.conf's ssl_dh
#                                names the RFC 2409 Oakley group 2
#
# 1. sudo without a rule for mailfix: the inspection fails with the sudoers
#    explanation (the exact line, never a password prompt); nothing changes.
# 2. The line mailtls gave, in sudoers: logjam --group ffdhe3072 --dry-run
#    shows the plan (the host named, the re-probe at the SSH host's address);
#    nothing changes.
# 3. logjam --group ffdhe3072 --yes: 10-ssl.conf on the "remote" side is
#    exactly the old one with the ssl_dh line changed, every other file byte
#    for byte the same, the group file is RFC 7919's (root's, 0644); doveconf
#    -n passes; Dovecot was reloaded through sudo -n (the same master) and the
#    re-probe of IMAPS at the SSH host's address gets ffdhe3072; the backup is
#    on this computer and its manifest names the host.
# 4. The same again: nothing to change, no new backup.
# 5. --restore ID --yes over SSH puts the weak 10-ssl.conf back and removes
#    the group file.
# 6. Logged in as root: no sudo at all (logjam --group ffdhe4096 --yes).
#
# Without dovecot-imapd (it is fetched once with apt-get download) Dovecot
# cannot serve IMAPS: the steps then run without the daemon (the reload is
# skipped as "not running") and say so. MAILTLS_KEEP_TMP=1 keeps the folder.
#
# Needs (Debian): what lib/dovecot.sh and lib/remotehost.sh need, and jq.
# Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/process.sh
. "$HERE/lib/process.sh"
# shellcheck source-path=SCRIPTDIR source=lib/dovecot.sh
. "$HERE/lib/dovecot.sh"
# shellcheck source-path=SCRIPTDIR source=lib/remotehost.sh
. "$HERE/lib/remotehost.sh"
# shellcheck source-path=SCRIPTDIR source=lib/probefixture.sh
. "$HERE/lib/probefixture.sh"
# px_write_oakley2 reports its failure through lib/postfix.sh's pf_fail.
pf_fail() { dv_fail "$@"; }

if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    dv_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
dv_enter "$0" "$@"
command -v jq >/dev/null 2>&1 || dv_fail "jq is not installed (apt-get install jq)"
export LC_ALL=C
dv_init
# sshd goes before Dovecot and its folder.
trap 'rh_stop; dv_cleanup' EXIT

ADDR=127.0.15.1
LOGIN=mailfix
ETC="$T/etc/dovecot"
CONF="$ETC/dovecot.conf"
SSL="$ETC/conf.d/10-ssl.conf"
BACKUPS="$T/backups"
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"

rh_setup "$T/remote" "$ADDR" "$LOGIN"
same "fixture: mailfix logs in and is not root" "$RH_LOGIN_ID" "$(rh_remote id -u 2>/dev/null)"
check "fixture: sudo -n is refused to mailfix" sh -c '! "$@" sudo -n true 2>/dev/null' sh rh_remote
same "fixture: mailfix sees Debian's doveconf" /usr/bin/doveconf "$(rh_remote command -v doveconf 2>/dev/null)"

dv_config "$ETC" "$ADDR"
px_write_oakley2 "$ETC/dh1024.pem"
sed -i "s|^ssl_dh = .*|ssl_dh = <$ETC/dh1024.pem|" "$SSL"
grep -qx "ssl_dh = <$ETC/dh1024.pem" "$SSL" || dv_fail "10-ssl.conf has no ssl_dh line to make weak"
# The configuration is root's and not for everyone, as on a real server.
chmod 0600 "$SSL"
cp -a "$ETC" "$T/etc.orig"

if [ "$DV_DAEMON" = yes ]; then
    dv_start "$CONF"
    MASTER=$(dv_master "$CONF")
else
    printf 'NOTE: Dovecot cannot run here (%s): the steps run without the daemon\n' "$DV_WHY_NOT"
fi

HOST="ssh://$LOGIN@$ADDR:$RH_PORT"
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    "$MAILTLS" fix "$@" --ssh-config "$RH_SSH_CONFIG" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "SIGHUP received - reloading configuration" "$T/dovecot.log" 2>/dev/null || true; }
same_tree() { diff -r "$1" "$2" >/dev/null; }
owner_mode() { stat -c '%u:%g %a' "$1"; }

# ----------------------------------------------- 1. sudo without a rule
fix logjam --mta dovecot --host "$HOST" --config-dir "$ETC" --group ffdhe3072 --yes \
    --accept-host-key "$RH_FINGERPRINT"
status=$?
same "no sudo rule: exit status" 1 "$status"
[ "$status" = 1 ] || show_run
check "no sudo rule: sudo's own refusal is quoted" contains "$ERR" 'it said: "sudo: a password is required"'
check "no sudo rule: it says where the line goes" contains "$ERR" "visudo -f /etc/sudoers.d/mailtls"
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/bin/doveconf, /usr/sbin/dovecot, /usr/bin/doveadm, /usr/bin/openssl, /usr/bin/pgrep, /usr/bin/pkill, /usr/bin/find, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm" \
    "$SUDOERS_LINE"
check "no sudo rule: nothing changed" same_tree "$T/etc.orig" "$ETC"
same "no sudo rule: no backup" 0 "$(backup_count)"

# ------------------------------------------------------------ 2. dry run
rh_sudoers "$SUDOERS_LINE"
fix logjam --mta dovecot --host "$HOST" --config-dir "$ETC" --group ffdhe3072 --dry-run
status=$?
same "dry run: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "dry run: the findings name the shared 1024-bit group" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"
check "dry run: the plan names the host" contains "$OUT" "configuration in $ETC on $LOGIN@$ADDR:$RH_PORT"
check "dry run: the plan shows the removed line" contains "$OUT" "-ssl_dh = <$ETC/dh1024.pem"
check "dry run: the plan shows the new line" contains "$OUT" "+ssl_dh = <$ETC/dh_ffdhe3072.pem"
check "dry run: the plan tells how to check IMAPS at the SSH host's address" \
    contains "$OUT" "openssl s_client -connect $ADDR:993 -tls1_2 -cipher DHE -brief </dev/null"
check "dry run: nothing changed" same_tree "$T/etc.orig" "$ETC"

# --------------------------------------------------------------- 3. logjam
fix logjam --mta dovecot --host "$HOST" --config-dir "$ETC" --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
if [ "$DV_DAEMON" = yes ]; then
    check "logjam: the reload step succeeded" grep -qE "^  reload +ok " "$OUT"
    check "logjam: the verify step succeeded" grep -qE "^  verify +ok " "$OUT"
    check "logjam: verify reports the new group at the SSH host's address" \
        contains "$OUT" "$ADDR:993 now offers DHE with 3072 bits, ffdhe3072"
else
    check "logjam: the reload step was skipped (not running)" grep -qE "^  reload +skipped " "$OUT"
fi
sed "s|^ssl_dh = .*\$|ssl_dh = <$ETC/dh_ffdhe3072.pem|" "$T/etc.orig/conf.d/10-ssl.conf" >"$T/10-ssl.conf.logjam"
check "logjam: the remote 10-ssl.conf is exactly the old one with the ssl_dh line changed" \
    cmp "$T/10-ssl.conf.logjam" "$SSL"
same "logjam: the exact diff" \
    "$(printf '%s\n' "-ssl_dh = <$ETC/dh1024.pem" "+ssl_dh = <$ETC/dh_ffdhe3072.pem")" \
    "$(diff -u "$T/etc.orig/conf.d/10-ssl.conf" "$SSL" | grep -E '^[-+][^-+]')"
same "logjam: 10-ssl.conf keeps its owner and mode" "$(owner_mode "$T/etc.orig/conf.d/10-ssl.conf")" \
    "$(owner_mode "$SSL")"
rm -rf "$T/etc.cmp" && cp -a "$T/etc.orig" "$T/etc.cmp" && cp "$SSL" "$T/etc.cmp/conf.d/10-ssl.conf" \
    && cp "$ETC/dh_ffdhe3072.pem" "$T/etc.cmp/"
check "logjam: every other file is byte for byte the same" same_tree "$T/etc.cmp" "$ETC"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$ETC/dh_ffdhe3072.pem"
same "logjam: the group file is root's, mode 644" "0:0 644" "$(owner_mode "$ETC/dh_ffdhe3072.pem")"
same "logjam: no temporary file left" "" "$(find "$ETC" -name '.*mailtls-*')"
same "logjam: doveconf reads the new group" "<$ETC/dh_ffdhe3072.pem" "$(doveconf -c "$CONF" -h ssl_dh)"
same "logjam: one backup, on this computer" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest names the host" "$HOST" "$(jq -r .host "$MANIFEST")"
same "logjam: the manifest names the service" "Dovecot" "$(jq -r .mta "$MANIFEST")"
same "logjam: the manifest says done" "done" "$(jq -r .state "$MANIFEST")"
same "logjam: the manifest names the group file (created) and 10-ssl.conf" \
    "$ETC/dh_ffdhe3072.pem:false $SSL:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$MANIFEST")"
check "logjam: the backup keeps the old 10-ssl.conf byte for byte" \
    cmp "$T/etc.orig/conf.d/10-ssl.conf" \
    "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[] | select(.path | endswith("/10-ssl.conf")) | .copy' "$MANIFEST")"
if [ "$DV_DAEMON" = yes ]; then
    check "logjam: Dovecot still runs" dv_running "$CONF"
    same "logjam: reloaded, not restarted (same master)" "$MASTER" "$(dv_master "$CONF")"
    same "logjam: one reload in the log" 1 "$(reloads)"
    dv_dhe "$ADDR" >"$T/dhe.1" || true
    check "logjam: a DHE-only handshake on IMAPS gets the 3072-bit group" \
        contains "$T/dhe.1" "Server Temp Key: DH, 3072 bits"
fi

# ---------------------------------------------------------- 4. again: nothing
cp -a "$ETC" "$T/etc.logjam"
fix logjam --mta dovecot --host "$HOST" --config-dir "$ETC" --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" contains "$OUT" "Nothing to change"
check "again: no file touched" same_tree "$T/etc.logjam" "$ETC"
same "again: no new backup" 1 "$(backup_count)"

# ---------------------------------------------------------------- 5. restore
fix --restore
same "restore list: exit status" 0 $?
check "restore list: the backup names its host" contains "$OUT" "      on $HOST"
fix --restore "$LOGJAM_BACKUP" --yes
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: 10-ssl.conf is the weak one again, byte for byte" cmp "$T/etc.orig/conf.d/10-ssl.conf" "$SSL"
check "restore: the group file the fix created is gone" absent "$ETC/dh_ffdhe3072.pem"
if [ "$DV_DAEMON" = yes ]; then
    same "restore: reloaded again (same master)" "$MASTER" "$(dv_master "$CONF")"
    same "restore: two reloads in the log" 2 "$(reloads)"
fi

# -------------------------------------------------------------- 6. root login
rh_sudoers
fix logjam --mta dovecot --host "ssh://root@$ADDR:$RH_PORT" --config-dir "$ETC" --group ffdhe4096 --yes
status=$?
same "root login: exit status (no sudo rule needed)" 0 "$status"
[ "$status" = 0 ] || show_run
sed "s|^ssl_dh = .*\$|ssl_dh = <$ETC/dh_ffdhe4096.pem|" "$T/etc.orig/conf.d/10-ssl.conf" >"$T/10-ssl.conf.root"
check "root login: 10-ssl.conf is exact" cmp "$T/10-ssl.conf.root" "$SSL"
if [ "$DV_DAEMON" = yes ]; then
    dv_dhe "$ADDR" >"$T/dhe.2" || true
    check "root login: IMAPS now serves the 4096-bit group" contains "$T/dhe.2" "Server Temp Key: DH, 4096 bits"
fi

ck_summary
