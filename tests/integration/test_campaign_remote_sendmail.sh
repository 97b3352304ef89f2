#!/usr/bin/env bash
# `mailtls campaign start|status|end --mta sendmail --host ssh://…`: a window
# of mandatory STARTTLS on a real Sendmail (Debian 12's sendmail 8.17.1.9,
# unpacked; lib/sendmail.sh) on another "host": a private sshd inside
# sendmailns.sh's view of the machine whose logins see a private /etc with a
# user of the test's own, mailfix, who reaches root only through the real
# sudo -n (lib/remotehost.sh). MailTLS runs on this side; m4, at and the
# restart run there.
#
#   bash tests/integration/test_campaign_remote_sendmail.sh /path/to/mailtls
#
#   sshd       127.0.22.1:PORT  mailfix, by the test's client key
#   Sendmail   127.0.22.1:25    STARTTLS offered; local user carol
#   clients    127.0.22.5 plaintext (five.test), 127.0.22.6 STARTTLS (six.test)
#
# 1. sudo without a rule: start fails with sudo's own words and the exact
#    sudoers line (Sendmail's programs and the revert job's: at, atq, atrm,
#    systemd-run, systemctl); nothing changes, no job, no restart.
# 2. That line in sudoers: start --inbound --outbound --duration 2h --yes:
#    sendmail.mc on the host is the old one plus exactly the window's block
#    (as test_campaign_sendmail.sh asserts it), sendmail.cf is what m4 and
#    Debian's Makefile build from it, built by root on the host; Sendmail
#    restarted on SIGHUP; the at job is in the host's atq, its script root's
#    (0700) beside sendmail.mc. A plaintext client gets 250 at MAIL and the
#    window's 454 at RCPT, a STARTTLS client 250. Status over SSH says it
#    enforces and names the job.
# 3. end --yes: both files back byte for byte, the job and its script gone,
#    Sendmail restarted; plaintext accepted again; the backup (on this
#    computer) names the host.
#
# The sshd's namespace binds two folders of the test's over sendmailns.sh's
# read-only ones: /var/spool/cron (at's spool) and /run (atd's PID file, and
# /run/sendmail as sendmailns.sh links it). The test's atd runs with the same
# two, so the `at` and atq that mailfix's sudo runs see this run's jobs only,
# and atd runs them. MAILTLS_KEEP_TMP=1 keeps the run's folder.
#
# Needs (Debian): what lib/sendmail.sh and lib/remotehost.sh need, at, swaks,
# libnet-ssleay-perl, diffutils; MAILTLS_DEBS_DIR from ctest's
# debian_packages fixture. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/sendmail.sh
. "$HERE/lib/sendmail.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/remotehost.sh
. "$HERE/lib/remotehost.sh"
# shellcheck source-path=SCRIPTDIR source=lib/privateat.sh
. "$HERE/lib/privateat.sh"

for tool in at atd atq cmp ssh ssh-keygen sudo swaks; do
    command -v "$tool" >/dev/null 2>&1 || sm_fail "$tool is not installed (see the header of $0)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    sm_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

sm_init

ADDR=127.0.22.1
PLAIN_CLIENT=127.0.22.5
TLS_CLIENT=127.0.22.6
LOGIN=mailfix
ETC=$SM_ROOT/etc-mail
MC=$ETC/sendmail.mc
CF=$ETC/sendmail.cf
DB=$T/store.sqlite
BACKUPS=$T/backups
ACCEPTED="250 2.1.5 <carol@mx.sendmail.test>... Recipient ok"
REFUSAL="454 4.7.0 STARTTLS required for now, try again with STARTTLS"
NOT_OFFERED="454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)"
# MailTLS's own known-hosts file lives in its data folder.
export XDG_DATA_HOME="$T/data"

ATD_PID=
SSHD_PID=
# sshd and atd first, then sm_cleanup stops Sendmail and removes $T with the
# exit status of the run.
cleanup() {
    local status=$? pid
    for pid in "$SSHD_PID" "$ATD_PID"; do
        [ -n "$pid" ] && proc_alive "$pid" && proc_stop 10 "$pid"
    done
    (exit "$status")
    sm_cleanup
}
trap cleanup EXIT

# ------------------------------------------------ the namespace's at and /run
pa_make sendmail "$SM_ROOT/run"
# ns CMD ARGS...: sm_ns with the test's at spool and /run.
ns() { pa_ns sm_ns "$@"; }
pa_start_atd sm_ns sm_fail

# ---------------------------------------------------------------- the server
mkdir -p "$T/pki"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.sendmail.test \
    -addext subjectAltName=DNS:mx.sendmail.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" \
    >"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not make a certificate"
# Sendmail wants the senders' domains to resolve: /etc/hosts, never the DNS.
printf '%s\n' "127.0.0.1 localhost" "$ADDR mx.sendmail.test mx" \
    "$PLAIN_CLIENT five.test" "$TLS_CLIENT six.test" >"$SM_ROOT/layers/etc/hosts"
# A local user for RCPT TO:<carol@…>.
printf 'carol:x:64022:64022::/nonexistent:/usr/sbin/nologin\n' >>"$SM_ROOT/layers/etc/passwd"
sm_debian_config "$ADDR"
sed -i "s|^define(\`confBAD_RCPT_THROTTLE',\`3')dnl|&\ndefine(\`confDONT_PROBE_INTERFACES', \`True')dnl|" "$MC"
grep -q "confDONT_PROBE_INTERFACES" "$MC" || sm_fail "the admin's line is not in sendmail.mc"
printf '%s\n' "Connect:127.0.0.1		RELAY" "GreetPause:127.0.0.1		0" "ClientRate:127.0.0.1		0" \
    "ClientConn:127.0.0.1		0" "GreetPause:127.0.22		0" \
    "Spam:postmaster@	FRIEND" "Spam:abuse@		FRIEND" >"$ETC/access"
sm_make_cf
sm_start "$ADDR"
cp -p "$MC" "$T/mc.orig"
cp -p "$CF" "$T/cf.orig"

# ------------------------------------------------------------ the "remote" host
rh_serve_from ns sm_fail "$T/remote" "$ADDR" "$LOGIN"
SSHD_PID=$RH_SSHD_PID

# ------------------------------------------------------------------- helpers
HOST="ssh://$LOGIN@$ADDR:$RH_PORT"
RUN=0
# campaign ARGS...: `mailtls campaign ARGS` on this side against the host,
# output in $T/out.N / $T/err.N; returns its exit status.
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
MSGNO=0
# send SOURCE-IP TLS(yes|no) FROM TO: one session that ends after RCPT; the
# conversation in $T/swaks.N.
send() {
    local ip=$1 tls=$2 from=$3 to=$4
    MSGNO=$((MSGNO + 1))
    local args=(--server "$ADDR" --local-interface "$ip" --helo "client$MSGNO.client.test"
        --from "$from" --to "$to" --quit-after RCPT --timeout 15)
    [ "$tls" = yes ] && args+=(--tls)
    sm_ns timeout 20 swaks "${args[@]}" >"$T/swaks.$MSGNO" 2>&1 </dev/null
}
# reply_to VERB: the server's reply to VERB (MAIL or RCPT) in $T/swaks.N, as
# one line "CODE TEXT".
reply_to() {
    awk -v verb="$1" '$0 ~ "^ *[-~*]*> " verb " " { on = 1; next }
        on && /^<[-~*]+ +[0-9][0-9][0-9][ -]/ { sub(/^<[-~*]+ +/, ""); print; exit }' "$T/swaks.$MSGNO"
}
job_of() { sed -n 's/.*revert job \(at:[0-9]*\).*/\1/p' "$1" | head -n 1; }
in_atq() { ns atq | awk -v n="$1" '$1 == n { found = 1 } END { exit !found }'; }
not_in_atq() { ! in_atq "$1"; }
reloads() { grep -c "restarting /usr/sbin/sendmail-mta due to signal" "$SM_LOG" 2>/dev/null || true; }
built() {
    sm_ns sh -c 'cd /etc/mail && m4 sendmail.mc && echo "### /etc/mail/sendmail.mc ###" && sed -e "s/^/# /" sendmail.mc' \
        | grep -vE '^##### (built by|in|using) '
}
unstamped() { grep -vE '^##### (built by|in|using) ' "$1"; }
no_campaign_files() { ! compgen -G "$ETC/.mailtls-campaign-*" >/dev/null; }
backup_count() { find "$BACKUPS" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
# wait_restart OLD-PID: until the PID file names a new daemon that listens.
wait_restart() {
    local old=$1 deadline=$((SECONDS + 15)) pid
    until pid=$(sm_pid) && [ "$pid" != "$old" ] && proc_alive "$pid" && sm_listening "$ADDR" 25; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}
TAB=$'\t'
# The window's block, as test_campaign_sendmail.sh asserts it.
MC_BEGIN="dnl # Begin MailTLS window of mandatory STARTTLS: MailTLS, or the job it left on this"
MC_END="dnl # End MailTLS window of mandatory STARTTLS"
RULES_BEGIN="# Begin MailTLS window of mandatory STARTTLS"
RULES_END="# End MailTLS window of mandatory STARTTLS"
CLIENT_RULES=(
    "R\$* \$| STARTTLS$TAB$TAB\$@ OK"
    "R\$*$TAB$TAB$TAB\$: \$&{client_addr}"
    "R127.0.0.1$TAB$TAB\$@ OK"
    "RIPv6:::1$TAB$TAB\$@ OK"
    "R\$*$TAB$TAB$TAB\$: <\$&{auth_type}>"
    "R<\$+>$TAB$TAB$TAB\$@ OK"
    "R\$*$TAB$TAB$TAB\$: <\$&{rcpt_addr}>"
    "R<postmaster>$TAB$TAB\$@ OK"
    "R\$*$TAB$TAB$TAB\$: <\$&{tls_version}>"
    "R<>$TAB$TAB$TAB\$#error \$@ 4.7.0 \$: \"$REFUSAL\""
)
SERVER_RULES=(
    "R\$*$TAB$TAB$TAB\$: \$1 \$| \$&{server_addr}"
    "R\$* \$| 127.0.0.1$TAB\$@ OK"
    "R\$* \$| IPv6:::1$TAB$TAB\$@ OK"
    "R\$* \$| \$*$TAB$TAB\$: <\$1> <\$&{cipher_bits}>"
    "R<\$*> <>$TAB$TAB\$#error \$@ 4.7.0 \$: \"$NOT_OFFERED\""
    "R<\$*> <0>$TAB$TAB\$#error \$@ 4.7.0 \$: \"$NOT_OFFERED\""
)
{
    cat "$T/mc.orig"
    printf '%s\n' "$MC_BEGIN" "dnl # host, takes this block out again when the window ends." \
        LOCAL_TLS_CLIENT "$RULES_BEGIN" "${CLIENT_RULES[@]}" "$RULES_END" \
        LOCAL_TLS_SERVER "$RULES_BEGIN" "${SERVER_RULES[@]}" "$RULES_END" "$MC_END"
} >"$T/mc.window"
# ruleset NAME FILE: the rules of ruleset NAME in sendmail.cf FILE and the
# comments among them.
ruleset() {
    awk -v s="S$1" '$0 == s || index($0, s "=") == 1 { on = 1; next } on && !/^(R|# )/ { exit } on' "$2"
}

# ------------------------------------------------------------ fixture facts
same "fixture: mailfix logs in and is not root" "$RH_LOGIN_ID" "$(rh_remote id -u 2>/dev/null)"
check "fixture: sudo -n is refused to mailfix" sh -c '! "$@" sudo -n true 2>/dev/null' sh rh_remote
check "fixture: no m4 on this side (sendmail.cf can only be built there)" sh -c '! command -v m4 >/dev/null'
check "fixture: this computer is not named mx.sendmail.test" test "$(hostname)" != mx.sendmail.test
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test
same "fixture: a plaintext stranger is accepted at RCPT" "$ACCEPTED" "$(reply_to RCPT)"
same "fixture: no at job" "" "$(ns atq)"
DAEMON=$(sm_pid)

# ----------------------------------------------- 1. sudo without a rule
campaign start --mta sendmail --inbound --outbound --duration 2h --yes
status=$?
same "no sudo rule: exit status" 1 "$status"
[ "$status" = 1 ] || show_run
check "no sudo rule: sudo's own refusal is quoted" contains "$ERR" 'it said: "sudo: a password is required"'
SUDOERS_LINE=$(grep -E "^    $LOGIN ALL=\(root\) NOPASSWD: " "$ERR" | sed 's/^    //')
same "no sudo rule: the exact sudoers line" \
    "$LOGIN ALL=(root) NOPASSWD: /usr/sbin/sendmail-mta, /usr/bin/m4, /usr/sbin/start-stop-daemon, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm, /usr/bin/at, /usr/bin/atq, /usr/bin/atrm, /usr/bin/systemd-run, /usr/bin/systemctl" \
    "$SUDOERS_LINE"
[ -n "$SUDOERS_LINE" ] || show_run
check "no sudo rule: sendmail.mc unchanged" cmp -s "$T/mc.orig" "$MC"
check "no sudo rule: sendmail.cf unchanged" cmp -s "$T/cf.orig" "$CF"
same "no sudo rule: no at job" "" "$(ns atq)"
check "no sudo rule: no job script" no_campaign_files
same "no sudo rule: no restart" "0 $DAEMON" "$(reloads) $(sm_pid)"
same "no sudo rule: no backup" 0 "$(backup_count)"

# ------------------------------------------------------------- 2. the window
rh_sudoers "$SUDOERS_LINE"
campaign start --mta sendmail --inbound --outbound --duration 2h --yes
status=$?
same "start: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload; do
    check "start: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
check "start: sendmail.mc on the host is the old one plus exactly the block" cmp "$T/mc.window" "$MC"
check "start: sendmail.cf is what Debian's Makefile builds from the new sendmail.mc" \
    cmp <(built) <(unstamped "$CF")
# m4's stamp: a new build, by root on the host (mx.sendmail.test is the
# namespace's host name, not this computer's).
OLD_STAMP=$(grep '^##### built by ' "$T/cf.orig")
NEW_STAMP=$(grep '^##### built by ' "$CF")
check "start: m4 ran again ($NEW_STAMP)" test "$NEW_STAMP" != "$OLD_STAMP"
same "start: m4 ran on the host, as root" "##### built by root@mx.sendmail.test" "${NEW_STAMP%% on *}"
same "start: both files keep their owner and mode" "0:0 644 0:0 644" \
    "$(stat -c '%u:%g %a' "$MC") $(stat -c '%u:%g %a' "$CF")"
printf '%s\n' "$RULES_BEGIN" "${CLIENT_RULES[@]}" "$RULES_END" >"$T/client.rules"
printf '%s\n' "$RULES_BEGIN" "${SERVER_RULES[@]}" "$RULES_END" >"$T/server.rules"
check "start: sendmail.cf's Local_tls_client holds exactly the window's rules" \
    cmp "$T/client.rules" <(ruleset Local_tls_client "$CF")
check "start: sendmail.cf's Local_tls_server holds exactly the window's rules" \
    cmp "$T/server.rules" <(ruleset Local_tls_server "$CF")
check "start: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
same "start: one restart" 1 "$(reloads)"
DAEMON=$(sm_pid)
JOB=$(job_of "$OUT")
check "start: names its at job ($JOB)" test -n "$JOB"
check "start: the job is in the host's atq" in_atq "${JOB#at:}"
same "start: the job's script is root's, 0700, beside sendmail.mc" "0:0 700" \
    "$(stat -c '%u:%g %a' "$ETC/.mailtls-campaign-1.sh" 2>&1)"
check "start: says when it ends" contains "$OUT" "Campaign 1 started: TLS is required inbound and outbound until"
check "start: names the host" contains "$OUT" "on $LOGIN@$ADDR:$RH_PORT puts the previous settings back then"

send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test
same "window: a plaintext stranger gets 250 at MAIL (delay_checks)" "250 2.1.0 <ann@five.test>... Sender ok" \
    "$(reply_to MAIL)"
same "window: and the window's 454 at RCPT" "$REFUSAL" "$(reply_to RCPT)"
send "$TLS_CLIENT" yes cid@six.test carol@mx.sendmail.test
same "window: a STARTTLS client is accepted" "$ACCEPTED" "$(reply_to RCPT)"

campaign status
status=$?
same "status: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "status: enforcing" contains "$OUT" "Campaign 1 requires TLS (inbound and outbound) until"
check "status: names the job" contains "$OUT" "The host's job $JOB ends it then if MailTLS does not."
check "status: names the host" contains "$OUT" "on ssh://$LOGIN@$ADDR:$RH_PORT"

# ------------------------------------------------------------------- 3. end
campaign end --yes
status=$?
same "end: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "end: says so" contains "$OUT" "Campaign 1's window ended at"
check "end: sendmail.mc back byte for byte" cmp "$T/mc.orig" "$MC"
check "end: sendmail.cf back byte for byte" cmp "$T/cf.orig" "$CF"
same "end: both files keep their owner and mode" "0:0 644 0:0 644" \
    "$(stat -c '%u:%g %a' "$MC") $(stat -c '%u:%g %a' "$CF")"
check "end: the job is gone from the host's atq" not_in_atq "${JOB#at:}"
same "end: no at job left" "" "$(ns atq)"
check "end: the job's files are removed" no_campaign_files
check "end: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
same "end: two restarts" 2 "$(reloads)"
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test
same "after: a plaintext stranger is accepted again" "$ACCEPTED" "$(reply_to RCPT)"
same "after: two backups, on this computer (start's and end's)" 2 "$(backup_count)"
check "after: the backups name the host" \
    grep -qF "\"host\": \"$HOST\"" "$BACKUPS"/*/manifest.json

if [ "$FAILED" -gt 0 ]; then
    printf 'mail log:\n'
    sed 's/^/    /' "$SM_LOG"
fi
ck_summary
