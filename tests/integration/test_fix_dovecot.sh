#!/usr/bin/env bash
# `mailtls fix --mta dovecot` against Debian's Dovecot 2.3 (dovecot-core and
# dovecot-imapd unpacked, not installed; see lib/dovecot.sh), on Debian's own
# configuration with the admin's certificate, started weak: 10-ssl.conf's
# ssl_dh names the RFC 2409 Oakley group 2 (1024 bits, shared by many servers),
# which OpenSSL 3 refuses to load, so every TLS handshake fails.
#
#   127.0.11.1:993   IMAPS (imap-login), inside a private mount namespace
#
# 1. logjam --dry-run: the findings and the plan as a diff; nothing changes.
# 2. logjam --group ffdhe3072 --yes: 10-ssl.conf is exactly the old one with
#    the ssl_dh line changed, every other file byte for byte the same, the
#    group file is RFC 7919's; doveconf -n passes; Dovecot was reloaded (the
#    same master) and a DHE-only handshake on IMAPS now gets 3072 bits.
# 3. The same again: nothing to change, no file touched, no new backup.
# 4. A configuration doveconf refuses (a login user that does not exist):
#    logjam --group ffdhe4096 --yes fails at validate, 10-ssl.conf is put
#    back byte for byte, the new group file is gone, Dovecot still runs and
#    still serves ffdhe3072.
# 5. --auto is refused; --restore lists the backups; restoring the first one
#    puts the weak 10-ssl.conf back, removes the group file, reloads.
#
# Without dovecot-imapd (it is fetched once with apt-get download) Dovecot
# cannot serve IMAPS: the steps then run without the daemon (the reload is
# skipped as "not running") and say so. MAILTLS_KEEP_TMP=1 keeps the folder.
#
# Needs (Debian): what lib/dovecot.sh needs, and jq. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/process.sh
. "$HERE/lib/process.sh"
# shellcheck source-path=SCRIPTDIR source=lib/dovecot.sh
. "$HERE/lib/dovecot.sh"
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

ADDR=127.0.11.1
ETC="$T/etc/dovecot"
CONF="$ETC/dovecot.conf"
SSL="$ETC/conf.d/10-ssl.conf"
BACKUPS="$T/backups"
dv_config "$ETC" "$ADDR"
px_write_oakley2 "$ETC/dh1024.pem"
sed -i "s|^ssl_dh = .*|ssl_dh = <$ETC/dh1024.pem|" "$SSL"
grep -qx "ssl_dh = <$ETC/dh1024.pem" "$SSL" || dv_fail "10-ssl.conf has no ssl_dh line to make weak"
cp -a "$ETC" "$T/etc.orig"

if [ "$DV_DAEMON" = yes ]; then
    dv_start "$CONF"
    MASTER=$(dv_master "$CONF")
else
    printf 'NOTE: Dovecot cannot run here (%s): the steps run without the daemon\n' "$DV_WHY_NOT"
fi

RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    "$MAILTLS" fix --mta dovecot --config-dir "$ETC" --backup-dir "$BACKUPS" "$@" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "SIGHUP received - reloading configuration" "$T/dovecot.log" 2>/dev/null || true; }
# no_tls FILE: the s_client output in FILE shows no completed handshake.
no_tls() { ! grep -q "^Protocol version:" "$1"; }
# said TEXT: the last run printed TEXT (standard output or error).
said() { grep -qF -- "$1" "$OUT" "$ERR"; }
# same_tree A B: the two configuration folders hold the same files, byte for byte.
same_tree() { diff -r "$1" "$2" >/dev/null; }

# ------------------------------------------------------------ fixture facts
if [ "$DV_DAEMON" = yes ]; then
    dv_default_tls "$ADDR" >"$T/tls.0" || true
    check "fixture: no TLS handshake at all with the 1024-bit group" no_tls "$T/tls.0"
    check "fixture: Dovecot logs why (dh key too small)" contains "$T/dovecot.log" "dh key too small"
fi

# -------------------------------------------------------------- 1. dry run
fix logjam --group ffdhe3072 --dry-run
same "dry run: exit status" 0 $?
check "dry run: the findings name the shared 1024-bit group" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"
check "dry run: the advice says OpenSSL 3 cannot even load it" contains "$OUT" "dh key too small"
check "dry run: the plan shows the removed line" contains "$OUT" "-ssl_dh = <$ETC/dh1024.pem"
check "dry run: the plan shows the new line" contains "$OUT" "+ssl_dh = <$ETC/dh_ffdhe3072.pem"
check "dry run: the plan shows the new group file" contains "$OUT" "+++ b$ETC/dh_ffdhe3072.pem"
check "dry run: the plan tells how to check IMAPS" \
    contains "$OUT" "openssl s_client -connect $ADDR:993 -tls1_2 -cipher DHE -brief </dev/null"
check "dry run: nothing changed" same_tree "$T/etc.orig" "$ETC"
same "dry run: no backup made" 0 "$(backup_count)"

# ---------------------------------------------------------------- 2. logjam
fix logjam --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
if [ "$DV_DAEMON" = yes ]; then
    check "logjam: the reload step succeeded" grep -qE "^  reload +ok " "$OUT"
else
    check "logjam: the reload step was skipped (not running)" grep -qE "^  reload +skipped " "$OUT"
fi
if [ "$DV_DAEMON" = yes ]; then
    # A DHE-only handshake on IMAPS gets the new group.
    check "logjam: the verify step succeeded" grep -qE "^  verify +ok " "$OUT"
else
    check "logjam: the verify step was skipped (not reloaded)" grep -qE "^  verify +skipped " "$OUT"
fi

sed "s|^ssl_dh = .*\$|ssl_dh = <$ETC/dh_ffdhe3072.pem|" "$T/etc.orig/conf.d/10-ssl.conf" >"$T/10-ssl.conf.logjam"
check "logjam: 10-ssl.conf is exactly the old one with the ssl_dh line changed" cmp "$T/10-ssl.conf.logjam" "$SSL"
same "logjam: one line differs" 1 "$(diff "$T/etc.orig/conf.d/10-ssl.conf" "$SSL" | grep -c '^>')"
rm -rf "$T/etc.cmp" && cp -a "$T/etc.orig" "$T/etc.cmp" && cp "$SSL" "$T/etc.cmp/conf.d/10-ssl.conf" \
    && cp "$ETC/dh_ffdhe3072.pem" "$T/etc.cmp/"
check "logjam: every other file is byte for byte the same" same_tree "$T/etc.cmp" "$ETC"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$ETC/dh_ffdhe3072.pem"
doveconf -n -c "$CONF" >"$T/doveconf.out" 2>&1
same "logjam: doveconf -n accepts the configuration" 0 $?
same "logjam: doveconf reads the new group" "<$ETC/dh_ffdhe3072.pem" "$(doveconf -c "$CONF" -h ssl_dh)"
same "logjam: one backup folder" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
same "logjam: the manifest names the group file (created, written first) and 10-ssl.conf" \
    "$ETC/dh_ffdhe3072.pem:false $SSL:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$BACKUPS/$LOGJAM_BACKUP/manifest.json")"
if [ "$DV_DAEMON" = yes ]; then
    check "logjam: Dovecot still runs" dv_running "$CONF"
    same "logjam: Dovecot was reloaded, not restarted (same master)" "$MASTER" "$(dv_master "$CONF")"
    same "logjam: one reload in the log" 1 "$(reloads)"
    dv_dhe "$ADDR" >"$T/dhe.1" || true
    check "logjam: a DHE-only handshake on IMAPS gets the 3072-bit group" contains "$T/dhe.1" "Server Temp Key: DH, 3072 bits"
    dv_default_tls "$ADDR" >"$T/tls.1" || true
    check "logjam: a default handshake succeeds again" contains "$T/tls.1" "Protocol version: TLSv1.3"
fi

# ---------------------------------------------------------- 3. again: nothing
cp -a "$ETC" "$T/etc.logjam"
fix logjam --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" contains "$OUT" "Nothing to change"
check "again: no file touched" same_tree "$T/etc.logjam" "$ETC"
same "again: no new backup" 1 "$(backup_count)"
check "again: the group is judged fine now" contains "$OUT" "Diffie-Hellman group of 3072 bits (ffdhe3072)"

# -------------------------------------------- 4. validation fails: rollback
cp "$ETC/local.conf" "$T/local.conf.good"
printf 'default_login_user = nosuchuser-mailtls\n' >>"$ETC/local.conf"
cp -a "$ETC" "$T/etc.broken"
fix logjam --group ffdhe4096 --yes
status=$?
same "rollback: exit status" 1 "$status"
check "rollback: the validate step failed on doveconf -n" \
    grep -qE "^  validate +FAILED +/usr/bin/doveconf -n -c $CONF failed \(exit status 89\)" "$OUT"
check "rollback: the output says what doveconf refused" \
    contains "$OUT" "default_login_user doesn't exist: nosuchuser-mailtls"
check "rollback: the rollback step succeeded" grep -qE "^  rollback +ok " "$OUT"
check "rollback: every file is back, byte for byte (the new group file gone)" same_tree "$T/etc.broken" "$ETC"
check "rollback: 10-ssl.conf is the one of step 2" cmp "$T/etc.logjam/conf.d/10-ssl.conf" "$SSL"
if [ "$DV_DAEMON" = yes ]; then
    check "rollback: Dovecot still runs" dv_running "$CONF"
    same "rollback: the same master" "$MASTER" "$(dv_master "$CONF")"
    dv_dhe "$ADDR" >"$T/dhe.2" || true
    check "rollback: IMAPS still serves the 3072-bit group" contains "$T/dhe.2" "Server Temp Key: DH, 3072 bits"
fi
cp "$T/local.conf.good" "$ETC/local.conf"

# ------------------------------------------------------ 5. auto and restore
fix logjam --group auto --dry-run
same "auto: refused (exit status)" 1 $?
check "auto: says why" said "has no automatic group"
fix starttls --dry-run
same "starttls: not offered (a usage error)" 2 $?
check "starttls: says Dovecot has none" said "Dovecot has no starttls fix"

restore() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    "$MAILTLS" fix --restore --backup-dir "$BACKUPS" "$@" >"$OUT" 2>"$ERR" </dev/null
}
restore
same "restore: listing exits 0" 0 $?
check "restore: the list names the logjam backup" contains "$OUT" "$LOGJAM_BACKUP"
restore "$LOGJAM_BACKUP" --yes
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: 10-ssl.conf is the weak one again, byte for byte" cmp "$T/etc.orig/conf.d/10-ssl.conf" "$SSL"
check "restore: the group file the fix created is gone" absent "$ETC/dh_ffdhe3072.pem"
if [ "$DV_DAEMON" = yes ]; then
    same "restore: reloaded again (same master)" "$MASTER" "$(dv_master "$CONF")"
    dv_default_tls "$ADDR" >"$T/tls.3" || true
    check "restore: the weak group fails every handshake again" no_tls "$T/tls.3"
fi

ck_summary
