#!/usr/bin/env bash
# `mailtls fix` against a real Postfix on loopback, started weak: the shared
# 1024-bit RFC 2409 Oakley group 2 as its DH parameters, DHE-only suites (so a
# probe measures the DH group), TLS logging off.
#
#   bash tests/integration/test_fix_postfix.sh /path/to/mailtls
#
#   instance "fix" (mx.fix.test)   127.0.7.1:25   STARTTLS, TLS 1.2, DHE-RSA only
#
# 1. logjam --dry-run, and without --yes: the plan is shown, nothing changes.
# 2. logjam --group ffdhe3072 --yes --verify-address 127.0.7.1:25: main.cf is
#    exactly the old one with the one DH line changed, the group file is
#    RFC 7919's byte for byte, `postfix check` passes, Postfix was reloaded
#    (same master), `mailtls probe 127.0.7.1 --json` measures 3072 bits
#    ffdhe3072, the backup's manifest says "done" and keeps the old main.cf.
# 3. The same again: "Nothing to change", no file touched, no new backup.
# 4. tls-logging --yes: before it a STARTTLS session leaves no TLS line in the
#    log; after it main.cf is exact (one line changed, one appended) and the
#    next session logs "TLS connection established".
# 5. starttls --cert /nonexistent.pem --key /nonexistent.key --yes: the
#    validate step fails, main.cf is restored byte for byte (and its mode),
#    nothing was reloaded, Postfix still runs and still serves ffdhe3072.
# 6. fix --restore lists the backups; --restore ID --yes puts main.cf back as
#    it was before tls-logging and reloads.
# 7. logjam --group auto: the DH line goes, OpenSSL's choice is 2048 bits or
#    more; again: nothing to change.
#
# Every command that might look a name up runs inside a private mount
# namespace whose resolv.conf names only 127.0.0.1 (pf_loopback_dns).
# MAILTLS_KEEP_TMP=1 keeps the run's folder for a post-mortem.
#
# Needs (Debian): postfix, openssl, jq, util-linux, diffutils. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/probefixture.sh
. "$HERE/lib/probefixture.sh"

command -v jq >/dev/null 2>&1 || pf_fail "jq is not installed (apt-get install jq)"
command -v cmp >/dev/null 2>&1 || pf_fail "cmp is not installed (apt-get install diffutils)"
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

pf_init

ADDR=127.0.7.1
NAME=fix
BACKUPS="$T/backups"

# --------------------------------------------------------------- the instance
px_make_ca "$T/pki"
PX_CA="$T/pki/ca.crt"
px_make_leaf "$T/pki" "$T/pki/mx" mx.fix.test
px_write_oakley2 "$T/pki/oakley2.pem"
pf_instance "$NAME" mx.fix.test
DIR=$(pf_dir "$NAME")
LOG=$(pf_log "$NAME")
# Every weak setting in main.cf, where the fix edits it; master.cf only
# names the listener.
pf_set "$NAME" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_cert_file = $T/pki/mx.crt" \
    "smtpd_tls_key_file = $T/pki/mx.key" \
    "smtpd_tls_dh1024_param_file = $T/pki/oakley2.pem" \
    "smtpd_tls_protocols = >=TLSv1.2,<=TLSv1.2" \
    "smtpd_tls_exclude_ciphers = kECDHE, kRSA, aNULL" \
    "smtpd_tls_loglevel = 0" \
    "smtpd_tls_received_header = no"
pf_listen "$NAME" "$ADDR:25" -o syslog_name=postfix-fix
pf_start "$NAME"
MASTER=${PF_PID[$NAME]}

# fix ARGS...: `mailtls fix` on the instance, output in $T/out.N / $T/err.N
# (N counts the runs); returns its exit status.
RUN=0
fix() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    pf_loopback_dns "$MAILTLS" fix "$@" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
# starttls_session [S_CLIENT-OPTIONS...]: one STARTTLS handshake with the instance.
starttls_session() {
    pf_loopback_dns timeout 10 openssl s_client -starttls smtp -connect "$ADDR:25" \
        -servername mx.fix.test -CAfile "$PX_CA" "$@" </dev/null 2>&1
}
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
reloads() { grep -c "postfix/master\[$MASTER\]: reload" "$LOG" 2>/dev/null || true; }
running() { postfix -c "$DIR" status >/dev/null 2>&1; }
mode_of() { stat -c %a "$1"; }

# ------------------------------------------------------------ fixture facts
same "fixture: the DH file holds the RFC 2409 prime" "$PX_OAKLEY2_PRIME" "$(px_dh_prime "$T/pki/oakley2.pem")"
pf_loopback_dns "$MAILTLS" probe --json "$ADDR" >"$T/probe.before.json" 2>"$T/probe.before.err" </dev/null
same "fixture: mailtls probe measures 1024 bits before the fix" "1024" \
    "$(jq -r '.reports[0].addresses[0].sessions[] | select(.profile == "dhe-only") | .tls.keyExchangeBits' \
        "$T/probe.before.json")"
starttls_session -cipher 'DEFAULT:@SECLEVEL=1' >"$T/session.0" || true
pf_wait_log_quiet "$NAME"
check "fixture: a STARTTLS session gets the 1024-bit DH group" contains "$T/session.0" "Server Temp Key: DH, 1024 bits"
check "fixture: TLS logging is off (no 'TLS connection established' in the log)" \
    sh -c '! grep -q "TLS connection established" "$1"' sh "$LOG"

cp -p "$DIR/main.cf" "$T/main.cf.orig"

# ------------------------------------------------ 1. dry run, and no --yes
fix logjam --config-dir "$DIR" --group ffdhe3072 --dry-run --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
same "dry run: exit status" 0 $?
check "dry run: the findings name the shared 1024-bit group" \
    contains "$OUT" "Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"
check "dry run: the findings say TLS logging is off" contains "$OUT" "The SMTP server logs no TLS sessions"
check "dry run: the plan shows the changed line as a diff" \
    contains "$OUT" "+smtpd_tls_dh1024_param_file = $DIR/dh_ffdhe3072.pem"
check "dry run: the plan shows the removed line as a diff" \
    contains "$OUT" "-smtpd_tls_dh1024_param_file = $T/pki/oakley2.pem"
check "dry run: the plan shows the new group file" contains "$OUT" "+++ b${DIR}/dh_ffdhe3072.pem"
check "dry run: the plan names the re-probe" \
    contains "$OUT" "probe $ADDR:25: a DHE-only handshake must get ffdhe3072"
check "dry run: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"
check "dry run: no group file written" absent "$DIR/dh_ffdhe3072.pem"
same "dry run: no backup made" 0 "$(backup_count)"

fix logjam --config-dir "$DIR" --group ffdhe3072 --backup-dir "$BACKUPS"
same "without --yes: exit status" 0 $?
check "without --yes: says to run again with --yes" contains "$OUT" "Run again with --yes to apply this plan."
check "without --yes: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"
check "without --yes: no group file written" absent "$DIR/dh_ffdhe3072.pem"

# ------------------------------------------------------------- 2. logjam
fix logjam --config-dir "$DIR" --group ffdhe3072 --yes --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
status=$?
same "logjam: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload verify; do
    check "logjam: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "logjam: verify reports the new group" \
    contains "$OUT" "$ADDR:25 now offers DHE with 3072 bits, ffdhe3072"

sed "s|^smtpd_tls_dh1024_param_file = .*\$|smtpd_tls_dh1024_param_file = $DIR/dh_ffdhe3072.pem|" \
    "$T/main.cf.orig" >"$T/main.cf.logjam"
check "logjam: main.cf is exactly the old one with the DH line changed" cmp "$T/main.cf.logjam" "$DIR/main.cf"
diff "$T/main.cf.orig" "$DIR/main.cf" >"$T/logjam.diff"
same "logjam: diff against the original" \
    "$(printf '%sc%s\n< smtpd_tls_dh1024_param_file = %s\n---\n> smtpd_tls_dh1024_param_file = %s' \
        "$(grep -n '^smtpd_tls_dh1024_param_file' "$T/main.cf.orig" | cut -d: -f1)" \
        "$(grep -n '^smtpd_tls_dh1024_param_file' "$T/main.cf.orig" | cut -d: -f1)" \
        "$T/pki/oakley2.pem" "$DIR/dh_ffdhe3072.pem")" \
    "$(cat "$T/logjam.diff")"
same "logjam: main.cf keeps its mode" "$(mode_of "$T/main.cf.orig")" "$(mode_of "$DIR/main.cf")"
"$MAILTLS" dhparam --group ffdhe3072 >"$T/ffdhe3072.pem" 2>/dev/null
check "logjam: the group file is RFC 7919's ffdhe3072 byte for byte" cmp "$T/ffdhe3072.pem" "$DIR/dh_ffdhe3072.pem"
same "logjam: the group file's mode" 644 "$(mode_of "$DIR/dh_ffdhe3072.pem")"
postfix -c "$DIR" check >"$T/check.out" 2>&1
same "logjam: postfix check passes" "0:" "$?:$(cat "$T/check.out")"
check "logjam: Postfix still runs" running
same "logjam: Postfix was reloaded, not restarted (same master)" "$MASTER" \
    "$(awk 'NR == 1 { print $1 + 0 }' "$(pf_queue_dir "$NAME")/pid/master.pid")"
same "logjam: one reload in the log" 1 "$(reloads)"

same "logjam: one backup folder" 1 "$(backup_count)"
LOGJAM_BACKUP=$(find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -n 1)
MANIFEST="$BACKUPS/$LOGJAM_BACKUP/manifest.json"
same "logjam: the manifest says done" done "$(jq -r .state "$MANIFEST")"
same "logjam: the manifest names the group file (created, written first) and main.cf (existed)" \
    "$DIR/dh_ffdhe3072.pem:false $DIR/main.cf:true" \
    "$(jq -r '[.files[] | "\(.path):\(.existed)"] | join(" ")' "$MANIFEST")"
same "logjam: the manifest's SHA-256 is the old main.cf's" \
    "$(sha256sum "$T/main.cf.orig" | cut -d' ' -f1)" \
    "$(jq -r '.files[] | select(.path | endswith("/main.cf")) | .sha256' "$MANIFEST")"
MAINCF_ENTRY='.files[] | select(.path | endswith("/main.cf"))'
check "logjam: the backup keeps the old main.cf byte for byte" \
    cmp "$T/main.cf.orig" "$BACKUPS/$LOGJAM_BACKUP/$(jq -r "$MAINCF_ENTRY | .copy" "$MANIFEST")"
same "logjam: the manifest keeps main.cf's mode" "0$(mode_of "$T/main.cf.orig")" \
    "$(jq -r "$MAINCF_ENTRY | .mode" "$MANIFEST")"
same "logjam: the backed-up copy is readable by its owner only" 600 \
    "$(mode_of "$BACKUPS/$LOGJAM_BACKUP/$(jq -r "$MAINCF_ENTRY | .copy" "$MANIFEST")")"

pf_loopback_dns "$MAILTLS" probe --json "$ADDR" >"$T/probe.after.json" 2>"$T/probe.after.err" </dev/null
same "logjam: mailtls probe now measures 3072 bits, ffdhe3072" '[true,"DHE",3072,"ffdhe3072"]' \
    "$(jq -c '.reports[0].addresses[0].sessions[] | select(.profile == "dhe-only")
        | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]' "$T/probe.after.json")"
check "logjam: the probe finds no weak DH any more" \
    sh -c '! jq -e ".reports[0].findings[] | select(.code == \"dh-weak\")" "$1" >/dev/null' sh "$T/probe.after.json"

# -------------------------------------------------------- 3. again: nothing
cp -p "$DIR/main.cf" "$T/main.cf.before-again"
fix logjam --config-dir "$DIR" --group ffdhe3072 --yes --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
same "again: exit status" 0 $?
check "again: nothing to change" contains "$OUT" "Nothing to change (Replace the weak Diffie-Hellman group (Logjam)): already in place."
check "again: main.cf untouched" cmp "$T/main.cf.before-again" "$DIR/main.cf"
same "again: no new backup" 1 "$(backup_count)"
same "again: no reload" 1 "$(reloads)"

# --------------------------------------------------------- 4. tls-logging
fix tls-logging --config-dir "$DIR" --yes --backup-dir "$BACKUPS"
status=$?
same "tls-logging: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "tls-logging: verify is skipped (nothing to probe)" \
    grep -qE "^  verify +skipped +nothing to probe for this change" "$OUT"
{
    sed "s|^smtpd_tls_loglevel = .*\$|smtpd_tls_loglevel = 1|" "$T/main.cf.logjam"
    printf '# Added by MailTLS\nsmtp_tls_loglevel = 1\n'
} >"$T/main.cf.logging"
check "tls-logging: main.cf is exact (smtpd_tls_loglevel changed, smtp_tls_loglevel appended)" \
    cmp "$T/main.cf.logging" "$DIR/main.cf"
same "tls-logging: two reloads in the log" 2 "$(reloads)"
starttls_session >"$T/session.1" || true
check "tls-logging: a default client completes STARTTLS with ffdhe3072" \
    contains "$T/session.1" "Server Temp Key: DH, 3072 bits"
pf_wait_log "$NAME" "postfix-fix/smtpd\[[0-9]+\]: .*TLS connection established from unknown\[127\.0\.0\.1\]" 10
pass "tls-logging: the log now shows 'TLS connection established'"
LOGGING_BACKUP=$(jq -r 'select(.title == "Log TLS sessions") | .id' "$BACKUPS"/*/manifest.json)

# ------------------------------------------------- 5. a failure, rolled back
cp -p "$DIR/main.cf" "$T/main.cf.before-failure"
fix starttls --config-dir "$DIR" --cert /nonexistent.pem --key /nonexistent.key --yes \
    --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
same "starttls failure: exit status" 1 $?
check "starttls failure: the plan set the certificate" contains "$OUT" "+smtpd_tls_cert_file = /nonexistent.pem"
check "starttls failure: the write step succeeded first" grep -qE "^  write +ok " "$OUT"
check "starttls failure: the validate step failed on the certificate" \
    grep -qE "^  validate +FAILED +smtpd_tls_cert_file names /nonexistent.pem, which does not exist" "$OUT"
check "starttls failure: the rollback step put the file back" \
    grep -qE "^  rollback +ok +restored 1 file\(s\) from " "$OUT"
check "starttls failure: no reload was tried" sh -c '! grep -qE "^  reload +(ok|skipped|FAILED) " "$1"' sh "$OUT"
check "starttls failure: the error names the step and the rollback" \
    contains "$ERR" "the validate step failed: smtpd_tls_cert_file names /nonexistent.pem, which does not exist; the previous configuration is back in place"
check "starttls failure: main.cf restored byte for byte" cmp "$T/main.cf.before-failure" "$DIR/main.cf"
same "starttls failure: main.cf keeps its mode" "$(mode_of "$T/main.cf.before-failure")" "$(mode_of "$DIR/main.cf")"
same "starttls failure: no reload" 2 "$(reloads)"
check "starttls failure: Postfix still runs" running
same "starttls failure: the same master" "$MASTER" \
    "$(awk 'NR == 1 { print $1 + 0 }' "$(pf_queue_dir "$NAME")/pid/master.pid")"
starttls_session >"$T/session.2" || true
check "starttls failure: the server still completes STARTTLS with ffdhe3072" \
    contains "$T/session.2" "Server Temp Key: DH, 3072 bits"
same "starttls failure: the manifest says rolled-back" rolled-back \
    "$(jq -r 'select(.title | startswith("Offer STARTTLS")) | .state' "$BACKUPS"/*/manifest.json)"

# ---------------------------------------------------------- 6. restore
fix --restore --backup-dir "$BACKUPS"
same "restore list: exit status" 0 $?
check "restore list: the logjam backup, applied" grep -qE "^  $LOGJAM_BACKUP  .*  applied  Replace the weak" "$OUT"
check "restore list: the failed starttls backup, rolled back" grep -qE "  rolled back  Offer STARTTLS" "$OUT"
check "restore list: the created group file is marked" contains "$OUT" "$DIR/dh_ffdhe3072.pem (created)"

fix --restore "$LOGGING_BACKUP" --backup-dir "$BACKUPS"
same "restore without --yes: exit status" 0 $?
check "restore without --yes: the diff puts the log level back" contains "$OUT" "-smtpd_tls_loglevel = 1"
check "restore without --yes: main.cf unchanged" cmp "$T/main.cf.logging" "$DIR/main.cf"

fix --restore "$LOGGING_BACKUP" --yes --backup-dir "$BACKUPS"
status=$?
same "restore: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "restore: main.cf is as it was before tls-logging" cmp "$T/main.cf.logjam" "$DIR/main.cf"
same "restore: Postfix reloaded" 3 "$(reloads)"
check "restore: Postfix still runs" running

# ------------------------------------------- 7. auto: OpenSSL chooses the group
fix logjam --config-dir "$DIR" --group auto --yes --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
status=$?
same "auto: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
grep -v '^smtpd_tls_dh1024_param_file = ' "$T/main.cf.logjam" >"$T/main.cf.auto"
check "auto: main.cf is the same without the DH line" cmp "$T/main.cf.auto" "$DIR/main.cf"
check "auto: the plan says the old file stays" \
    contains "$OUT" "Note: $DIR/dh_ffdhe3072.pem stays on disk, no longer used: delete it when you like."
check "auto: verify sees a group of 2048 bits or more" grep -qE "^  verify +ok +$ADDR:25 now offers DHE with 2048 bits" "$OUT"
same "auto: four reloads in the log" 4 "$(reloads)"
fix logjam --config-dir "$DIR" --group auto --yes --verify-address "$ADDR:25" --backup-dir "$BACKUPS"
same "auto again: exit status" 0 $?
check "auto again: nothing to change" \
    contains "$OUT" "Nothing to change (Let OpenSSL choose the Diffie-Hellman group): already in place."
check "auto again: main.cf untouched" cmp "$T/main.cf.auto" "$DIR/main.cf"

ck_summary
