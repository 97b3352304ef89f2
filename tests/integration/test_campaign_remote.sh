#!/usr/bin/env bash
# `mailtls campaign start|status|end --host ssh://…`: the window on a Postfix
# on another "host" (lib/remotehost.sh: a private sshd on 127.0.16.2 whose
# logins see a private /etc, with a user of the test's own, mailfix, who
# reaches root only through the real sudo -n), its revert job scheduled there
# with at through sudo. The real machine's /etc is never changed.
#
#   bash tests/integration/test_campaign_remote.sh /path/to/mailtls
#
# 1. No sudo rule: start fails with sudo's refusal and the exact sudoers line,
#    which names at, atq and atrm beside Postfix's programs; nothing changes.
# 2. That line in sudoers: start --inbound --duration 2h --yes changes the
#    remote main.cf (only the inbound level), the at job is in root's atq and
#    its script (root's, 0700) beside main.cf; status over SSH names the job.
# 3. end --yes: main.cf restored byte for byte, the job and its script gone;
#    the backup stays on this computer and names the host.
#
# Needs (Debian): postfix, at, openssh-server, openssh-client, sudo, openssl,
# util-linux, diffutils. Runs as root. MAILTLS_KEEP_TMP=1 keeps the folder.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "${MAILTLS_CAMPAIGN_NS:-}" != 1 ]; then
    # lib/remotehost.sh bind-mounts a private /etc: only in a namespace of our own.
    exec env MAILTLS_CAMPAIGN_NS=1 unshare -m --propagation private bash "$0" "$@"
fi
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/remotehost.sh
. "$HERE/lib/remotehost.sh"

for tool in at atq atd cmp ssh sudo; do
    command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (see the header of $0)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

pf_init
trap 'rc=$?; rh_stop; (exit "$rc"); pf_cleanup' EXIT

ADDR=127.0.16.2
NAME=cwr
LOGIN=mailfix
DB="$T/store.sqlite"
BACKUPS="$T/backups"
export XDG_DATA_HOME="$T/data"

pf_make_cert "$T/mx" mx.cwr.test
pf_instance "$NAME" mx.cwr.test
DIR=$(pf_dir "$NAME")
pf_set "$NAME" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_cert_file = $T/mx.crt" \
    "smtpd_tls_key_file = $T/mx.key"
pf_listen "$NAME" "$ADDR:25" -o syslog_name=postfix-cwr
pf_start "$NAME"
cp -p "$DIR/main.cf" "$T/main.cf.orig"

pf_ensure_atd

rh_setup "$T/remote" "$ADDR" "$LOGIN"
HOST="ssh://$LOGIN@$ADDR:$RH_PORT"

RUN=0
campaign() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    "$MAILTLS" campaign "$@" --host "$HOST" --ssh-config "$RH_SSH_CONFIG" --accept-host-key "$RH_FINGERPRINT" \
        --db "$DB" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
job_of() { sed -n 's/.*revert job \(at:[0-9]*\).*/\1/p' "$1" | head -n 1; }
in_atq() { atq | awk -v n="$1" '$1 == n { found = 1 } END { exit !found }'; }

# ---------------------------------------------------------- 1. no sudo rule
campaign start --inbound --duration 2h --config-dir "$DIR" --yes
same "no sudo rule: exit status" 1 $?
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/openssl, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm, /usr/bin/at, /usr/bin/atq, /usr/bin/atrm, /usr/bin/systemd-run, /usr/bin/systemctl" \
    "$SUDOERS_LINE"
[ -n "$SUDOERS_LINE" ] || show_run
check "no sudo rule: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"

# ------------------------------------------------------------- 2. the window
rh_sudoers "$SUDOERS_LINE"
campaign start --inbound --duration 2h --config-dir "$DIR" --yes
status=$?
same "start: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
sed 's/^smtpd_tls_security_level = may$/smtpd_tls_security_level = encrypt/' "$T/main.cf.orig" >"$T/main.cf.window"
check "start: the remote main.cf has only the inbound level changed" cmp "$T/main.cf.window" "$DIR/main.cf"
JOB=$(job_of "$OUT")
check "start: names its at job" test -n "$JOB"
check "start: the job is in root's atq" in_atq "${JOB#at:}"
same "start: the job's script is root's, 0700" "0:0 700" "$(stat -c '%u:%g %a' "$DIR/.mailtls-campaign-1.sh")"
check "start: names the host" contains "$OUT" "on $LOGIN@$ADDR:$RH_PORT puts the previous settings back then"

campaign status
same "status: exit status" 0 $?
check "status: names the job" contains "$OUT" "The host's job $JOB ends it then if MailTLS does not."
check "status: names the host" contains "$OUT" "on ssh://$LOGIN@$ADDR:$RH_PORT"

# ---------------------------------------------------------------- 3. end
campaign end --yes
status=$?
same "end: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "end: the remote main.cf restored byte for byte" cmp "$T/main.cf.orig" "$DIR/main.cf"
check "end: the job is gone from atq" sh -c '! atq | awk -v n="$1" '"'"'$1 == n { f = 1 } END { exit !f }'"'" sh "${JOB#at:}"
check "end: the script is removed" absent "$DIR/.mailtls-campaign-1.sh"
check "end: the backups name the host" grep -qF "\"host\": \"ssh://$LOGIN@$ADDR:$RH_PORT\"" "$BACKUPS"/*/manifest.json

ck_summary
