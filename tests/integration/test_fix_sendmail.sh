#!/usr/bin/env bash
# `mailtls fix --mta sendmail` against a real Sendmail (Debian 12's sendmail
# 8.17.1.9, unpacked beside Postfix) on loopback, set up the Debian way: the
# package's sendmail.mc in /etc/mail with the daemons moved to 127.0.10.1,
# /etc/mail/tls/starttls.m4 written by Debian's update_tlsm4 and included,
# sendmail.cf built as /etc/mail/Makefile builds it (m4, then a copy of the
# .mc), the daemon started as Debian's init script starts it. Weak from the
# start: update_tls's DH file made with 1024 bits (as Debian once made it: a
# DSA PARAMETERS block, then the group in X9.42 form), an OpenSSL security
# level of 1 for the daemon (level 2, Debian's default, would refuse the
# group and offer no DHE at all), and the admin's LogLevel 8 (no STARTTLS
# lines).
#
#   bash tests/integration/test_fix_sendmail.sh /path/to/mailtls
#
#   Sendmail (mx.sendmail.test)   127.0.10.1:25   STARTTLS
#
# 0. mailtls probe measures the 1024-bit group; a STARTTLS session leaves no
#    STARTTLS= line in the log.
# 1. logjam --dry-run: the findings say so; the plan adds a define to
#    sendmail.mc right after the starttls.m4 include and rebuilds
#    sendmail.cf; nothing is written.
# 2. logjam --group ffdhe3072 --yes (re-probe address and port from the
#    daemon options in sendmail.cf): sendmail.mc is the old one plus the two
#    lines, starttls.m4 untouched, sendmail.cf is exactly what m4 and
#    Debian's Makefile build from it (its build stamps aside), the group file
#    is RFC 7919's; Sendmail restarted on SIGHUP; mailtls probe measures
#    3072 bits ffdhe3072; the backup keeps both files.
# 3. The same again: nothing to change, no backup, no reload.
# 4. tls-logging --yes: the admin's confLOG_LEVEL changed in place; the next
#    STARTTLS session logs its STARTTLS=server line.
# 5. starttls with a certificate that is not there: validation fails, both
#    files are back byte for byte, nothing reloaded, still ffdhe3072.
# 6. The admin's unfinished edit (an option Sendmail does not know, in
#    LOCAL_CONFIG, sendmail.cf not built since): the next plan's sendmail.cf
#    carries it, `sendmail -bt` refuses it, both files are back byte for
#    byte, the daemon untouched.
# 7. fix --restore lists the backups; restoring the one before tls-logging
#    puts both files back and reloads.
# 8. logjam --group auto: DHParameters=2, a fresh 2048-bit group; again:
#    nothing to change.
#
# Everything runs inside sendmailns.sh's private mount namespace (its
# resolv.conf names only 127.0.0.1). MAILTLS_KEEP_TMP=1 keeps the run's folder.
#
# Needs (Debian): openssl, jq, perl, util-linux, diffutils; MAILTLS_DEBS_DIR
# from ctest's debian_packages fixture. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/sendmail.sh
. "$HERE/lib/sendmail.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"

for tool in jq cmp; do
    command -v "$tool" >/dev/null 2>&1 || sm_fail "$tool is not installed (apt-get install jq diffutils)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    sm_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

sm_init

ADDR=127.0.10.1
BACKUPS=$T/backups
ETC=$SM_ROOT/etc-mail
MC=$ETC/sendmail.mc
CF=$ETC/sendmail.cf
STARTTLS=$ETC/tls/starttls.m4

# ----------------------------------------------------------------- the server
mkdir -p "$T/pki"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.sendmail.test \
    -addext subjectAltName=DNS:mx.sendmail.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" \
    >"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not make a certificate"
sm_debian_config "$ADDR"
# update_tls's DH parameters as it made them with 1024 bits: `openssl
# dsaparam -out PRM`, then `openssl dhparam -dsaparam -in PRM >> PRM`.
if ! openssl dsaparam -out "$T/pki/dsa.pem" 1024 >>"$T/pki/openssl.log" 2>&1 \
    || ! openssl dhparam -dsaparam -in "$T/pki/dsa.pem" -out "$T/pki/dhx.pem" >>"$T/pki/openssl.log" 2>&1; then
    sm_fail "openssl could not make the 1024-bit DH parameters"
fi
cat "$T/pki/dsa.pem" "$T/pki/dhx.pem" >"$ETC/tls/sendmail-common.prm"
chmod 0640 "$ETC/tls/sendmail-common.prm"
# The admin's settings: TLS logging off; no name lookups on this machine.
sed -i "s|^define(\`confBAD_RCPT_THROTTLE',\`3')dnl|&\ndnl # quieter logs\ndefine(\`confLOG_LEVEL', \`8')dnl\ndefine(\`confDONT_PROBE_INTERFACES', \`True')dnl|" "$MC"
grep -q "confLOG_LEVEL', \`8'" "$MC" || sm_fail "the admin's LogLevel line is not in sendmail.mc"
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

# fix ARGS...: `mailtls fix ARGS --mta sendmail` in the namespace, output in
# $T/out.N / $T/err.N (N counts the runs); returns its exit status.
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    sm_ns "$MAILTLS" fix "$@" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
# dhe: what mailtls probe measures with its DHE-only handshake, as JSON.
dhe() {
    sm_ns "$MAILTLS" probe --json "$ADDR" </dev/null 2>"$T/probe.err" \
        | jq -c '.reports[0].addresses[0].sessions[] | select(.profile == "dhe-only")
            | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]'
}
# session [S_CLIENT-OPTIONS...]: one STARTTLS handshake with the daemon.
session() {
    sm_ns timeout 10 openssl s_client -starttls smtp -connect "$ADDR:25" -servername mx.sendmail.test \
        -CAfile "$T/pki/mx.crt" "$@" </dev/null >"$T/session.out" 2>&1
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "restarting /usr/sbin/sendmail-mta due to signal" "$SM_LOG" 2>/dev/null || true; }
running() { sm_ns start-stop-daemon --status --pidfile /run/sendmail/mta/sendmail.pid --exec /usr/sbin/sendmail-mta; }
# built: sendmail.cf as Debian's Makefile builds it from the current
# sendmail.mc, without m4's build stamps; stamped FILE: FILE without them.
built() {
    sm_ns sh -c 'cd /etc/mail && m4 sendmail.mc && echo "### /etc/mail/sendmail.mc ###" && sed -e "s/^/# /" sendmail.mc' \
        | grep -vE '^##### (built by|in|using) '
}
unstamped() { grep -vE '^##### (built by|in|using) ' "$1"; }

# ------------------------------------------------------------ fixture facts
same "fixture: mailtls probe measures the 1024-bit group" '[true,"DHE",1024,""]' "$(dhe)"
session
check "fixture: a STARTTLS session completes" contains "$T/session.out" "Verify return code: 0 (ok)"
sleep 1
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "fixture: TLS logging is off (no STARTTLS= line in the log)" \
    sh -c '! grep -q "STARTTLS=server, relay=" "$1"' sh "$SM_LOG"

# ------------------------------------------------------------- 1. dry run
fix logjam --mta sendmail --group ffdhe3072 --dry-run
status=$?
same "dry run: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "dry run: the findings name the 1024-bit group" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits (Logjam)"
check "dry run: the findings say how Debian's file holds it" \
    contains "$OUT" "the group is an X9.42 DH PARAMETERS block, which Sendmail reads; Sendmail skips the file's other blocks: DSA PARAMETERS"
check "dry run: the findings say TLS is not logged" contains "$OUT" "Sendmail logs no TLS sessions"
check "dry run: the plan adds the define to sendmail.mc" \
    contains "$OUT" "+define(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl"
check "dry run: the plan rebuilds sendmail.cf" contains "$OUT" "+O DHParameters=/etc/mail/tls/dh_ffdhe3072.pem"
check "dry run: the old option goes" contains "$OUT" "-O DHParameters=/etc/mail/tls/sendmail-common.prm"
check "dry run: the plan says why starttls.m4 is left alone" \
    contains "$OUT" "Debian's sendmailconfig rewrites /etc/mail/tls/starttls.m4"
check "dry run: validated by sendmail -bt" contains "$OUT" "/usr/sbin/sendmail-mta -C /etc/mail/sendmail.cf -bt -d0.1"
check "dry run: the re-probe, at Sendmail's own address" \
    contains "$OUT" "probe $ADDR:25: a DHE-only handshake must get ffdhe3072"
check "dry run: sendmail.mc is unchanged" cmp -s "$T/mc.orig" "$MC"
check "dry run: sendmail.cf is unchanged" cmp -s "$T/cf.orig" "$CF"
check "dry run: no group file written" absent "$ETC/tls/dh_ffdhe3072.pem"
same "dry run: no backup made" 0 "$(backup_count)"

# --------------------------------------------------------------- 2. logjam
fix logjam --mta sendmail --group ffdhe3072 --yes
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload verify; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "logjam: verify reports the new group" contains "$OUT" "$ADDR:25 now offers DHE with 3072 bits, ffdhe3072"
sed "s|^include(\`/etc/mail/tls/starttls.m4')dnl\$|&\ndnl # Added by MailTLS\ndefine(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl|" \
    "$T/mc.orig" >"$T/mc.logjam"
check "logjam: sendmail.mc is the old one with the define after the starttls.m4 include" cmp "$T/mc.logjam" "$MC"
check "logjam: starttls.m4 is untouched" cmp "$T/starttls.orig" "$STARTTLS"
check "logjam: sendmail.cf is what Debian's Makefile builds from the new sendmail.mc" \
    cmp <(built) <(unstamped "$CF")
same "logjam: sendmail.cf names the new group file" "O DHParameters=/etc/mail/tls/dh_ffdhe3072.pem" \
    "$(grep '^O DHParameters=' "$CF")"
same "logjam: both files keep their mode" "644 644" "$(stat -c %a "$MC") $(stat -c %a "$CF")"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$ETC/tls/dh_ffdhe3072.pem"
same "logjam: Sendmail started again on SIGHUP, once" 1 "$(reloads)"
check "logjam: Sendmail still runs" running
same "logjam: mailtls probe now measures 3072 bits, ffdhe3072" '[true,"DHE",3072,"ffdhe3072"]' "$(dhe)"
same "logjam: one backup folder" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest says done" "done" "$(jq -r .state "$MANIFEST")"
same "logjam: the manifest names the group file (new), sendmail.mc and sendmail.cf" \
    "/etc/mail/tls/dh_ffdhe3072.pem:false /etc/mail/sendmail.mc:true /etc/mail/sendmail.cf:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$MANIFEST")"
check "logjam: the backup keeps the old sendmail.mc byte for byte" \
    cmp "$T/mc.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[1].copy' "$MANIFEST")"
check "logjam: the backup keeps the old sendmail.cf byte for byte" \
    cmp "$T/cf.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r '.files[2].copy' "$MANIFEST")"
cp -p "$CF" "$T/cf.logjam"

# ------------------------------------------------------- 3. again: nothing
fix logjam --mta sendmail --group ffdhe3072 --yes
same "again: exit status" 0 $?
check "again: nothing to change" \
    contains "$OUT" "Nothing to change (Replace the weak Diffie-Hellman group (Logjam)): already in place."
check "again: sendmail.mc untouched" cmp "$T/mc.logjam" "$MC"
check "again: sendmail.cf untouched" cmp "$T/cf.logjam" "$CF"
same "again: no new backup" 1 "$(backup_count)"
same "again: no reload" 1 "$(reloads)"

# --------------------------------------------------------- 4. tls-logging
fix tls-logging --mta sendmail --yes
status=$?
same "tls-logging: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "tls-logging: verify is skipped (nothing to probe)" \
    grep -qE "^  verify +skipped +nothing to probe for this change" "$OUT"
sed "s|^define(\`confLOG_LEVEL', \`8')dnl\$|define(\`confLOG_LEVEL', \`9')dnl|" "$T/mc.logjam" >"$T/mc.logging"
check "tls-logging: sendmail.mc is exact (the admin's LogLevel changed in place)" cmp "$T/mc.logging" "$MC"
check "tls-logging: sendmail.cf is what sendmail.mc builds" cmp <(built) <(unstamped "$CF")
same "tls-logging: sendmail.cf says LogLevel=9" "O LogLevel=9" "$(grep '^O LogLevel=' "$CF")"
same "tls-logging: two restarts on SIGHUP" 2 "$(reloads)"
session -tls1_2 -cipher DHE
check "tls-logging: a DHE session completes with ffdhe3072" contains "$T/session.out" "Server Temp Key: DH, 3072 bits"
sm_wait_log "sm-mta\[[0-9]+\]: STARTTLS=server, relay=localhost \[127\.0\.0\.1\], version=TLSv1\.[23]" 10
pass "tls-logging: the log now shows the STARTTLS=server line"
cp -p "$MC" "$T/mc.before-failure"
cp -p "$CF" "$T/cf.before-failure"
LOGGING_BACKUP=$(jq -r 'select(.title == "Log TLS sessions") | .id' "$BACKUPS"/*/manifest.json)

# ------------------------------------------------- 5. a failure, rolled back
PID_BEFORE=$(sm_pid)
fix starttls --mta sendmail --cert /nonexistent.crt --key /nonexistent.key --yes
same "starttls failure: exit status" 1 $?
check "starttls failure: the plan sets the certificate after the starttls.m4 include" \
    contains "$OUT" "+define(\`confSERVER_CERT', \`/nonexistent.crt')dnl"
check "starttls failure: the write step succeeded first" grep -qE "^  write +ok " "$OUT"
check "starttls failure: the validate step failed on the certificate" \
    grep -qE "^  validate +FAILED +confSERVER_CERT names /nonexistent.crt, which does not exist" "$OUT"
check "starttls failure: the rollback put both files back" grep -qE "^  rollback +ok +restored 2 file\(s\) from " "$OUT"
check "starttls failure: sendmail.mc is back byte for byte" cmp "$T/mc.before-failure" "$MC"
check "starttls failure: sendmail.cf is back byte for byte" cmp "$T/cf.before-failure" "$CF"
same "starttls failure: no reload" 2 "$(reloads)"
same "starttls failure: the same daemon" "$PID_BEFORE" "$(sm_pid)"
check "starttls failure: Sendmail still runs" running
same "starttls failure: Sendmail still offers ffdhe3072" '[true,"DHE",3072,"ffdhe3072"]' "$(dhe)"

# ---------------- 6. the admin's unfinished edit: Sendmail itself refuses it
printf 'LOCAL_CONFIG\nO NoSuchOption=1\n' >>"$MC"
cp -p "$MC" "$T/mc.typo"
fix logjam --mta sendmail --group ffdhe4096 --yes
same "sendmail refuses: exit status" 1 $?
check "sendmail refuses: the inspection saw sendmail.cf is older than sendmail.mc" \
    contains "$OUT" "sendmail.cf is not what sendmail.mc builds: changes to sendmail.mc are not in force"
check "sendmail refuses: the plan says the new sendmail.cf carries the admin's edit too" \
    contains "$OUT" "O NoSuchOption=1"
check "sendmail refuses: sendmail -bt failed" \
    grep -qE "^  validate +FAILED +/usr/sbin/sendmail-mta -C /etc/mail/sendmail.cf -bt -d0.1 failed \(exit status 70\)" "$OUT"
check "sendmail refuses: in Sendmail's own words" contains "$OUT" "readcf: unknown option name NoSuchOption"
check "sendmail refuses: sendmail.mc is back byte for byte, the edit and all" cmp "$T/mc.typo" "$MC"
check "sendmail refuses: sendmail.cf is back byte for byte" cmp "$T/cf.before-failure" "$CF"
check "sendmail refuses: no ffdhe4096 file left behind" absent "$ETC/tls/dh_ffdhe4096.pem"
same "sendmail refuses: no reload" 2 "$(reloads)"
same "sendmail refuses: the same daemon" "$PID_BEFORE" "$(sm_pid)"
check "sendmail refuses: Sendmail still runs" running
cp -p "$T/mc.before-failure" "$MC"

# ----------------------------------------------------------- 7. restore
sm_ns "$MAILTLS" fix --restore --backup-dir "$BACKUPS" >"$T/restore.list" 2>&1
same "restore list: exit status" 0 $?
check "restore list: the logjam backup, applied" grep -qE "^  $LOGJAM_BACKUP  .*  applied  Replace the weak" \
    "$T/restore.list"
check "restore list: the failed starttls backup, rolled back" grep -qE "  rolled back  Offer STARTTLS" "$T/restore.list"
sm_ns "$MAILTLS" fix --restore "$LOGGING_BACKUP" --yes --backup-dir "$BACKUPS" >"$T/restore.out" 2>&1
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || sed 's/^/  | /' "$T/restore.out"
check "restore: sendmail.mc is as it was before tls-logging" cmp "$T/mc.logjam" "$MC"
check "restore: sendmail.cf is as it was before tls-logging" cmp "$T/cf.logjam" "$CF"
same "restore: Sendmail restarted on SIGHUP" 3 "$(reloads)"
check "restore: Sendmail still runs" running

# ------------------------------ 8. auto: Sendmail's own fresh 2048-bit group
fix logjam --mta sendmail --group auto --yes
status=$?
same "auto: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
sed "s|^define(\`confDH_PARAMETERS', \`/etc/mail/tls/dh_ffdhe3072.pem')dnl\$|define(\`confDH_PARAMETERS', \`2')dnl|" \
    "$T/mc.logjam" >"$T/mc.auto"
check "auto: sendmail.mc has DHParameters 2 in place of the file" cmp "$T/mc.auto" "$MC"
same "auto: sendmail.cf says DHParameters=2" "O DHParameters=2" "$(grep '^O DHParameters=' "$CF")"
check "auto: the plan says the old file stays" \
    contains "$OUT" "Note: /etc/mail/tls/dh_ffdhe3072.pem stays on disk, no longer used: delete it when you like."
check "auto: verify sees a group of 2048 bits" grep -qE "^  verify +ok +$ADDR:25 now offers DHE with 2048 bits" "$OUT"
same "auto: mailtls probe measures a 2048-bit group of Sendmail's own" '[true,"DHE",2048,""]' "$(dhe)"
fix logjam --mta sendmail --group auto --yes
same "auto again: exit status" 0 $?
check "auto again: nothing to change" contains "$OUT" \
    "Nothing to change (Let Sendmail make a fresh 2048-bit Diffie-Hellman group at each start): already in place."
check "auto again: starttls.m4 is still untouched" cmp "$T/starttls.orig" "$STARTTLS"

ck_summary
