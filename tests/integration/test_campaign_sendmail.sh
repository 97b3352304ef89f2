#!/usr/bin/env bash
# `mailtls campaign start|status|end|failures --mta sendmail`: a window of
# mandatory STARTTLS on a real Sendmail (Debian 12's sendmail 8.17.1.9,
# unpacked beside Postfix, lib/sendmail.sh) set up the Debian way (/etc/mail
# with the package's sendmail.mc, FEATURE(access_db) and delay_checks,
# sendmail.cf built as Debian's Makefile builds it), and the job on the mail
# host (a real atd with its own spool, inside Sendmail's namespace) that ends
# it when MailTLS does not.
#
#   bash tests/integration/test_campaign_sendmail.sh /path/to/mailtls
#
#   Sendmail (mx.sendmail.test)   127.0.21.1:25   STARTTLS offered; local
#                                                 user carol; relays for
#                                                 127.0.21.6 and 127.0.0.1
#   sink (Postfix)                127.0.21.21:25  no STARTTLS
#                                 127.0.21.22:25  STARTTLS
#   clients (swaks)               127.0.21.5 plaintext (five.test),
#                                 127.0.21.6 STARTTLS (six.test),
#                                 127.0.0.1 plaintext (this host)
#
# Outbound mail goes to address literals (erin@[127.0.21.21]): Debian's
# sendmail.mc has no mailertable, and nothing may be looked up in the DNS.
#
# 1. start --dry-run: the RFC 3207 warning and the plan as a diff (the block
#    appended to sendmail.mc, sendmail.cf rebuilt); nothing written, no job.
# 2. start --inbound --outbound --duration 2h --yes: sendmail.mc is the old
#    one plus exactly the window's block, sendmail.cf is what m4 and Debian's
#    Makefile build from it (its rules in Local_tls_client and
#    Local_tls_server); Sendmail restarted on SIGHUP; the at job is in atq.
#    A plaintext client from 127.0.21.5 gets 250 at MAIL and
#      454 4.7.0 STARTTLS required for now, try again with STARTTLS
#    at RCPT, logged as ruleset=check_rcpt with the recipient; postmaster,
#    127.0.0.1 and a STARTTLS client are accepted. Mail to the sink without
#    STARTTLS is deferred ("other side does not support STARTTLS"), mail to
#    the one with STARTTLS is sent. Status says it enforces; a second start
#    is refused.
# 3. end --yes: sendmail.mc and sendmail.cf back byte for byte, the job
#    gone, Sendmail restarted; plaintext accepted again; the deferred
#    message delivered by `sendmail-mta -qI<id>` (Sendmail's host status
#    cache keeps deferring that host for 30 minutes without connecting).
# 4. A window during which sendmail.mc is edited (a comment appended): end
#    keeps the edit, takes only the block out and builds sendmail.cf from it.
# 5. start --duration 1m --yes, and MailTLS is not running at its end: the
#    job, run by the test's atd on the minute (at most 150 s), puts both
#    files back byte for byte and restarts Sendmail; status reports "ended
#    by the host's job" and records it. While it waits: `mailtls import` of
#    Sendmail's log and `campaign failures` for the first window list exactly
#      inbound  five.test     refused: 1 refusal (ann@five.test -> carol);
#               Sendmail's relay= names the client five.test [127.0.21.5],
#               and MailTLS keeps a Sendmail peer by its name
#      outbound 127.0.21.21   not offered: 1 failure, 1 message (the deferred
#               one: its to= line follows the tls_server line of the same
#               process); ours cid@six.test, theirs erin@ and frank@
#               [127.0.21.21] only (zoe@ got mail before the window)
#    and not six.test (127.0.21.6) or 127.0.21.22, which used STARTTLS.
# 5b. The same job's script with both files edited during the window, run
#    by hand in the namespace as at runs it (sh SCRIPT): it takes the lines
#    between the dnl markers out of sendmail.mc and the lines between the
#    markers m4 copied into the rulesets out of sendmail.cf, checks with
#    sendmail -bt, restarts Sendmail and says so in its status file; a
#    plaintext client is accepted again.
# 6. A sendmail.mc with a LOCAL_TLS_CLIENT of the admin's own, then one with
#    a LOCAL_TLS_SERVER: start is refused (the message names the line),
#    nothing written, no job.
#
# Everything that touches Sendmail or at runs inside sendmailns.sh's
# namespace with two more bind mounts (ns below): /var/spool/cron is the
# test's own at spool and /run a folder of the test's (atd's PID file, and
# /run/sendmail as sendmailns.sh links it), so `at`, atq, atrm and the test's
# atd see only this run's jobs. MAILTLS_KEEP_TMP=1 keeps the run's folder.
#
# Needs (Debian): postfix, at, openssl, swaks, libnet-ssleay-perl, perl,
# util-linux, diffutils; MAILTLS_DEBS_DIR from ctest's debian_packages
# fixture. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/sendmail.sh
. "$HERE/lib/sendmail.sh"
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"
# shellcheck source-path=SCRIPTDIR source=lib/privateat.sh
. "$HERE/lib/privateat.sh"

for tool in at atd atq cmp diff swaks postfix postconf; do
    command -v "$tool" >/dev/null 2>&1 || sm_fail "$tool is not installed (apt-get install at diffutils swaks postfix)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    sm_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C
# Sendmail's syslog lines carry local time without a year; MailTLS reads
# them in the same zone.
export TZ=UTC

sm_init
ATD_PID=
# The sink and atd first, then sm_cleanup stops Sendmail and removes $T with
# the exit status of the run.
cleanup() {
    local status=$? name
    [ -n "$ATD_PID" ] && proc_alive "$ATD_PID" && proc_stop 5 "$ATD_PID"
    for name in "${!PF_PID[@]}"; do
        pf_stop "$name" || true
    done
    (exit "$status")
    sm_cleanup
}
trap cleanup EXIT
# What pf_init would make: the loopback-only resolv.conf of pf_loopback_dns.
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$T/resolv.conf"

ADDR=127.0.21.1
PLAIN_SINK=127.0.21.21
TLS_SINK=127.0.21.22
PLAIN_CLIENT=127.0.21.5
TLS_CLIENT=127.0.21.6
ETC=$SM_ROOT/etc-mail
MC=$ETC/sendmail.mc
CF=$ETC/sendmail.cf
DB=$T/store.sqlite
BACKUPS=$T/backups
REFUSAL="454 4.7.0 STARTTLS required for now, try again with STARTTLS"
NOT_OFFERED="454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)"
# The same as extended regular expressions for the log.
REFUSAL_RE="454 4\.7\.0 STARTTLS required for now, try again with STARTTLS"
NOT_OFFERED_RE="454 4\.7\.0 other side does not support STARTTLS \(STARTTLS required for now\)"

# ------------------------------------------------ the namespace's at and /run
pa_make sendmail "$SM_ROOT/run"
# ns CMD ARGS...: sm_ns with the test's at spool and /run.
ns() { pa_ns sm_ns "$@"; }
pa_start_atd sm_ns sm_fail

# ------------------------------------------------------------------ the sink
mkdir -p "$T/pki"
chmod 0755 "$T/pki"
pf_instance sink sink.test
# Every address literal is relayed and discarded; [127.0.21.x] is not one of
# the sink's own addresses (inet_interfaces), so it is not local.
pf_set sink \
    "relay_domains = static:ALL" \
    "transport_maps = static:discard:" \
    "resolve_numeric_domain = no" \
    "smtpd_relay_restrictions = permit_mynetworks, reject"
pf_make_cert "$T/pki/sink" sink.test
chown postfix: "$T/pki/sink.key"
pf_listen sink "$PLAIN_SINK:25" -o smtpd_tls_security_level=none
pf_listen sink "$TLS_SINK:25" -o smtpd_tls_security_level=may \
    -o "smtpd_tls_cert_file=$T/pki/sink.crt" -o "smtpd_tls_key_file=$T/pki/sink.key" -o smtpd_tls_loglevel=1
pf_start sink
SINKLOG=$(pf_log sink)

# ---------------------------------------------------------------- the server
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.sendmail.test \
    -addext subjectAltName=DNS:mx.sendmail.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" \
    >"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not make a certificate"
# The clients' names: Sendmail wants the senders' domains to resolve, and
# finds them (and the clients' names) in /etc/hosts, never in the DNS.
printf '%s\n' "127.0.0.1 localhost" "$ADDR mx.sendmail.test mx" \
    "$PLAIN_CLIENT five.test" "$TLS_CLIENT six.test" >"$SM_ROOT/layers/etc/hosts"
# A local user for RCPT TO:<carol@…>.
printf 'carol:x:64021:64021::/nonexistent:/usr/sbin/nologin\n' >>"$SM_ROOT/layers/etc/passwd"
sm_debian_config "$ADDR"
sed -i "s|^define(\`confBAD_RCPT_THROTTLE',\`3')dnl|&\ndefine(\`confDONT_PROBE_INTERFACES', \`True')dnl|" "$MC"
grep -q "confDONT_PROBE_INTERFACES" "$MC" || sm_fail "the admin's line is not in sendmail.mc"
# Debian's example access file, its 127 entries narrowed to 127.0.0.1 so that
# 127.0.21.5 counts as a stranger; 127.0.21.6 may relay.
printf '%s\n' "Connect:127.0.0.1		RELAY" "GreetPause:127.0.0.1		0" "ClientRate:127.0.0.1		0" \
    "ClientConn:127.0.0.1		0" "Connect:$TLS_CLIENT		RELAY" "GreetPause:127.0.21		0" \
    "Spam:postmaster@	FRIEND" "Spam:abuse@		FRIEND" >"$ETC/access"
sm_make_cf
sm_start "$ADDR"
cp -p "$MC" "$T/mc.orig"
cp -p "$CF" "$T/cf.orig"

# ------------------------------------------------------------------- helpers
RUN=0
# campaign ARGS...: `mailtls campaign ARGS` in the namespace, output in
# $T/out.N / $T/err.N; returns its exit status.
campaign() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    ns "$MAILTLS" campaign "$@" --db "$DB" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
start() { campaign start --mta sendmail --config-dir /etc/mail "$@"; }
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
MSGNO=0
# send SOURCE-IP TLS(yes|no) FROM TO [rcpt]: one session; with "rcpt" it
# ends after RCPT, so that nothing is queued for a local mailbox (the
# namespace's /var/mail is the real one). The conversation in $T/swaks.N.
send() {
    local ip=$1 tls=$2 from=$3 to=$4 upto=${5:-}
    MSGNO=$((MSGNO + 1))
    local args=(--server "$ADDR" --local-interface "$ip" --helo "client$MSGNO.client.test"
        --from "$from" --to "$to" --header "Subject: MailTLS Sendmail campaign message $MSGNO" --timeout 15)
    [ "$tls" = yes ] && args+=(--tls)
    [ "$upto" = rcpt ] && args+=(--quit-after RCPT)
    ns timeout 20 swaks "${args[@]}" >"$T/swaks.$MSGNO" 2>&1 </dev/null
}
send_ok() {
    send "$@" && return 0
    sed 's/^/    swaks: /' "$T/swaks.$MSGNO"
    return 1
}
# reply_to VERB: the server's reply to VERB (MAIL or RCPT) in $T/swaks.N, as
# one line "CODE TEXT" (swaks marks it <-, <~ with TLS, <** or <~* if 4xx/5xx).
reply_to() {
    awk -v verb="$1" '$0 ~ "^ *[-~*]*> " verb " " { on = 1; next }
        on && /^<[-~*]+ +[0-9][0-9][0-9][ -]/ { sub(/^<[-~*]+ +/, ""); print; exit }' "$T/swaks.$MSGNO"
}
job_of() { sed -n 's/.*revert job \(at:[0-9]*\).*/\1/p' "$1" | head -n 1; }
in_atq() { ns atq | awk -v n="$1" '$1 == n { found = 1 } END { exit !found }'; }
not_in_atq() { ! in_atq "$1"; }
reloads() { grep -c "restarting /usr/sbin/sendmail-mta due to signal" "$SM_LOG" 2>/dev/null || true; }
running() { ns start-stop-daemon --status --pidfile /run/sendmail/mta/sendmail.pid --exec /usr/sbin/sendmail-mta; }
# built: sendmail.cf as Debian's Makefile builds it from the current
# sendmail.mc, without m4's build stamps; unstamped FILE: FILE without them.
built() {
    sm_ns sh -c 'cd /etc/mail && m4 sendmail.mc && echo "### /etc/mail/sendmail.mc ###" && sed -e "s/^/# /" sendmail.mc' \
        | grep -vE '^##### (built by|in|using) '
}
unstamped() { grep -vE '^##### (built by|in|using) ' "$1"; }
# bt: sendmail -bt on the current sendmail.cf, as the plan validates it.
bt() { sm_ns /usr/sbin/sendmail-mta -C /etc/mail/sendmail.cf -bt -d0.1 </dev/null >"$T/bt.out" 2>&1; }
no_campaign_files() { ! compgen -G "$ETC/.mailtls-campaign-*" >/dev/null; }
# wait_restart OLD-PID: until the PID file names a new daemon that listens.
wait_restart() {
    local old=$1 deadline=$((SECONDS + 15)) pid
    until pid=$(sm_pid) && [ "$pid" != "$old" ] && proc_alive "$pid" && sm_listening "$ADDR" 25; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}
TAB=$'\t'
# The window's block in sendmail.mc, as the product writes it; the markers
# m4 copies into the rulesets of sendmail.cf.
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
# window_mc FILE INBOUND OUTBOUND: FILE plus the window's block.
window_mc() {
    cat "$1"
    printf '%s\n' "$MC_BEGIN" "dnl # host, takes this block out again when the window ends."
    [ "$2" = yes ] && printf '%s\n' LOCAL_TLS_CLIENT "$RULES_BEGIN" "${CLIENT_RULES[@]}" "$RULES_END"
    [ "$3" = yes ] && printf '%s\n' LOCAL_TLS_SERVER "$RULES_BEGIN" "${SERVER_RULES[@]}" "$RULES_END"
    printf '%s\n' "$MC_END"
}
# ruleset NAME FILE: the rules of ruleset NAME in sendmail.cf FILE and the
# comments among them (m4 writes a Local_ ruleset at the end of its output,
# right before Debian's "### /etc/mail/sendmail.mc ###").
ruleset() {
    awk -v s="S$1" '$0 == s || index($0, s "=") == 1 { on = 1; next } on && !/^(R|# )/ { exit } on' "$2"
}
# wait_sm_log REGEX TIMEOUT: like sm_wait_log, but a check that fails
# instead of ending the run.
wait_sm_log() {
    local deadline=$((SECONDS + $2))
    until grep -qE -- "$1" "$SM_LOG" 2>/dev/null; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}
# The deferred message's two recipients, in the order Sendmail names them.
BOTH="(<erin@\\[$PLAIN_SINK\\]>,<frank@\\[$PLAIN_SINK\\]>|<frank@\\[$PLAIN_SINK\\]>,<erin@\\[$PLAIN_SINK\\]>)"
# qid_of_to REGEX: the queue ID of the first delivery line for recipients REGEX.
qid_of_to() { sed -nE "s/^.* sm-mta\[[0-9]+\]: ([0-9A-Za-z]+): to=$1, .*/\1/p" "$SM_LOG" | head -n 1; }

# ------------------------------------------------------------ fixture facts
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "fixture: plaintext mail from a stranger to carol is accepted at RCPT" "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
check "fixture: Sendmail relays for the STARTTLS client, in plaintext to the sink" \
    send_ok "$TLS_CLIENT" yes cid@six.test "zoe@[$PLAIN_SINK]"
check "fixture: the sink got it" wait_sm_log "to=<zoe@\[$PLAIN_SINK\]>, .*relay=\[$PLAIN_SINK\] \[$PLAIN_SINK\], dsn=2\.0\.0, stat=Sent" 20
check "fixture: Sendmail delivers to the STARTTLS sink over TLS" \
    send_ok "$TLS_CLIENT" yes cid@six.test "zoe@[$TLS_SINK]"
check "fixture: the STARTTLS sink got it" wait_sm_log "to=<zoe@\[$TLS_SINK\]>, .*dsn=2\.0\.0, stat=Sent" 20
check "fixture: Sendmail started TLS with the STARTTLS sink" grep -qE "STARTTLS=client, relay=\[$TLS_SINK\], version=TLSv1\.[23]" "$SM_LOG"
same "fixture: no Local_tls_client rules in sendmail.cf" "" "$(ruleset Local_tls_client "$CF")"
same "fixture: no at job" "" "$(ns atq)"
DAEMON=$(sm_pid)

# ------------------------------------------------------------- 1. dry run
start --inbound --outbound --duration 2h --dry-run
status=$?
same "dry run: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "dry run: warns with RFC 3207" contains "$OUT" "RFC 3207 says that a publicly referenced SMTP server must not require STARTTLS"
check "dry run: the diff names sendmail.mc" contains "$OUT" "+++ b/etc/mail/sendmail.mc"
check "dry run: the diff names sendmail.cf" contains "$OUT" "+++ b/etc/mail/sendmail.cf"
check "dry run: the diff adds the block's first line" contains "$OUT" "+$MC_BEGIN"
check "dry run: the diff adds LOCAL_TLS_CLIENT" grep -qxF "+LOCAL_TLS_CLIENT" "$OUT"
check "dry run: the diff adds LOCAL_TLS_SERVER" grep -qxF "+LOCAL_TLS_SERVER" "$OUT"
check "dry run: the refusal's rule" grep -qxF "+${CLIENT_RULES[9]}" "$OUT"
check "dry run: the deferral's rule" grep -qxF "+${SERVER_RULES[4]}" "$OUT"
check "dry run: the warning names the reply Sendmail gives" \
    contains "$OUT" "Sendmail answers 454 4.7.0 STARTTLS required for now"
check "dry run: validated by sendmail -bt" contains "$OUT" "/usr/sbin/sendmail-mta -C /etc/mail/sendmail.cf -bt -d0.1"
check "dry run: sendmail.mc unchanged" cmp -s "$T/mc.orig" "$MC"
check "dry run: sendmail.cf unchanged" cmp -s "$T/cf.orig" "$CF"
same "dry run: no at job" "" "$(ns atq)"
same "dry run: no restart" "0 $DAEMON" "$(reloads) $(sm_pid)"
check "dry run: no job script" no_campaign_files

# ------------------------------------------------------------- 2. the window
start --inbound --outbound --duration 2h --name "Sendmail first" --yes
status=$?
same "start: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload; do
    check "start: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
window_mc "$T/mc.orig" yes yes >"$T/mc.window"
check "start: the write step names both files, the second under the first" \
    grep -qxF "                     wrote /etc/mail/sendmail.cf" "$OUT"
check "start: sendmail.mc is the old one plus exactly the block" cmp "$T/mc.window" "$MC"
check "start: sendmail.cf is what Debian's Makefile builds from the new sendmail.mc" \
    cmp <(built) <(unstamped "$CF")
same "start: both files keep their mode" "644 644" "$(stat -c %a "$MC") $(stat -c %a "$CF")"
printf '%s\n' "$RULES_BEGIN" "${CLIENT_RULES[@]}" "$RULES_END" >"$T/client.rules"
printf '%s\n' "$RULES_BEGIN" "${SERVER_RULES[@]}" "$RULES_END" >"$T/server.rules"
check "start: sendmail.cf's Local_tls_client holds exactly the window's rules" \
    cmp "$T/client.rules" <(ruleset Local_tls_client "$CF")
check "start: sendmail.cf's Local_tls_server holds exactly the window's rules" \
    cmp "$T/server.rules" <(ruleset Local_tls_server "$CF")
check "start: sendmail -bt accepts it" bt
check "start: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
same "start: one restart" 1 "$(reloads)"
DAEMON=$(sm_pid)
JOB=$(job_of "$OUT")
check "start: names its at job ($JOB)" test -n "$JOB"
check "start: the job is in atq" in_atq "${JOB#at:}"
check "start: the job's script sits beside the configuration" test -x "$ETC/.mailtls-campaign-1.sh"
# The job first: at's file for it is older than the new sendmail.mc.
# shellcheck disable=SC2016 # $1 and $2 belong to the inner sh
check "start: the job was queued before sendmail.mc was written" sh -c \
    '[ -n "$(find "$1" -type f -name "a*")" ] && [ -z "$(find "$1" -type f -name "a*" -newer "$2")" ]' \
    sh "$T/cron/atjobs" "$MC"
check "start: says when it ends" contains "$OUT" "Campaign 1 started: TLS is required inbound and outbound until"

# Window 1 starts on a later second than the fixture's mail.
BEFORE=$(date +%s)
while [ "$(date +%s)" -le "$BEFORE" ]; do sleep 0.1; done
FROM=$(date +%s)
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test
same "window: a plaintext stranger gets 250 at MAIL (delay_checks)" "250 2.1.0 <ann@five.test>... Sender ok" "$(reply_to MAIL)"
same "window: and the window's 454 at RCPT" "$REFUSAL" "$(reply_to RCPT)"
check "window: Sendmail logs the refusal under check_rcpt with the recipient and the client" \
    wait_sm_log ": ruleset=check_rcpt, arg1=<carol@mx\.sendmail\.test>, relay=five\.test \[127\.0\.21\.5\], reject=$REFUSAL_RE\$" 10
send "$PLAIN_CLIENT" no ann@five.test postmaster@mx.sendmail.test rcpt
same "window: plaintext mail to postmaster is still accepted" "250 2.1.5 <postmaster@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
send 127.0.0.1 no root@mx.sendmail.test carol@mx.sendmail.test rcpt
same "window: plaintext mail from 127.0.0.1 is still accepted" "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
send "$TLS_CLIENT" yes cid@six.test carol@mx.sendmail.test rcpt
same "window: STARTTLS mail to carol is accepted" "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
check "window: STARTTLS mail to the plaintext sink is accepted" \
    send_ok "$TLS_CLIENT" yes cid@six.test "erin@[$PLAIN_SINK],frank@[$PLAIN_SINK]"
check "window: Sendmail's tls_server refuses the sink without STARTTLS" \
    wait_sm_log "sm-mta\[[0-9]+\]: ruleset=tls_server, arg1=NONE, relay=\[$PLAIN_SINK\], reject=$NOT_OFFERED_RE\$" 20
check "window: the message to it is deferred" wait_sm_log \
    ": to=$BOTH, .*relay=\[$PLAIN_SINK\] \[$PLAIN_SINK\], dsn=4\.7\.0, stat=Deferred: $NOT_OFFERED_RE\$" 20
DEFERRED=$(qid_of_to "$BOTH")
check "window: the deferred message is in the queue ($DEFERRED)" test -e "$SM_ROOT/mqueue/qf$DEFERRED"
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "window: the sink received nothing from the window" \
    sh -c '! grep -q "to=<\(erin\|frank\)@" "$1"' sh "$SINKLOG"
check "window: STARTTLS mail to the STARTTLS sink is accepted" \
    send_ok "$TLS_CLIENT" yes cid@six.test "yves@[$TLS_SINK]"
check "window: the STARTTLS sink gets it" wait_sm_log "to=<yves@\[$TLS_SINK\]>, .*dsn=2\.0\.0, stat=Sent" 20
TO=$(($(date +%s) + 1))

campaign status
status=$?
same "status while enforcing: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "status: enforcing" contains "$OUT" "Campaign 1 requires TLS (inbound and outbound) until"
check "status: names the job" contains "$OUT" "The host's job $JOB ends it then if MailTLS does not."
check "status: the campaign" contains "$OUT" "Campaign 1: Sendmail first"

start --inbound --duration 1h --yes
same "a second start: refused" 1 $?
check "a second start: says why" contains "$ERR" "campaign 1's window runs until"
check "a second start: sendmail.mc unchanged" cmp -s "$T/mc.window" "$MC"
same "a second start: no restart" "1 $DAEMON" "$(reloads) $(sm_pid)"

# ------------------------------------------------------------------- 3. end
while [ "$(date +%s)" -lt "$TO" ]; do sleep 0.1; done
campaign end --yes
status=$?
same "end: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "end: sendmail.mc back byte for byte" cmp "$T/mc.orig" "$MC"
check "end: sendmail.cf back byte for byte" cmp "$T/cf.orig" "$CF"
same "end: both files keep their mode" "644 644" "$(stat -c %a "$MC") $(stat -c %a "$CF")"
check "end: the job is gone from atq" not_in_atq "${JOB#at:}"
check "end: the job's files are removed" no_campaign_files
check "end: says so" contains "$OUT" "Campaign 1's window ended at"
check "end: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
same "end: two restarts" 2 "$(reloads)"
DAEMON=$(sm_pid)
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "after: a plaintext stranger is accepted again" "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
# Sendmail's host status cache defers mail for the sink without connecting
# for 30 minutes after the window's deferral; a run for the message forces it.
ns /usr/sbin/sendmail-mta -qI"$DEFERRED" >"$T/queue-run.out" 2>&1
check "after: sendmail-mta -qI$DEFERRED delivers the deferred message" wait_sm_log \
    "$DEFERRED: to=$BOTH, .*dsn=2\.0\.0, stat=Sent" 20
check "after: the sink received the deferred message" pf_wait_log sink "to=<frank@\[$PLAIN_SINK\]>, .*status=sent" 20
campaign status
check "status after end: ended early" contains "$OUT" "by you, early"

# ------------------------------------------ 4. sendmail.mc edited in the window
start --outbound --duration 2h --yes
status=$?
same "edited: start exit status" 0 "$status"
[ "$status" = 0 ] || show_run
window_mc "$T/mc.orig" no yes >"$T/mc.outbound"
check "edited: an outbound window's block only has LOCAL_TLS_SERVER" cmp "$T/mc.outbound" "$MC"
same "edited: no Local_tls_client rules" "" "$(ruleset Local_tls_client "$CF")"
JOB2=$(job_of "$OUT")
check "edited: Sendmail restarted" wait_restart "$DAEMON"
DAEMON=$(sm_pid)
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "edited: an outbound window still accepts a plaintext stranger" \
    "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
printf 'dnl # the admin was here during the window\n' >>"$MC"
campaign end --yes
status=$?
same "edited: end exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "edited: says sendmail.mc was changed and only the block goes" \
    contains "$OUT" "sendmail.mc was changed during the window: it is not overwritten; only the window's lines are taken out."
{ cat "$T/mc.orig"; printf 'dnl # the admin was here during the window\n'; } >"$T/mc.edited"
check "edited: sendmail.mc is the old one plus the admin's line" cmp "$T/mc.edited" "$MC"
check "edited: sendmail.cf is what Debian's Makefile builds from it" cmp <(built) <(unstamped "$CF")
same "edited: no Local_tls_server rules" "" "$(ruleset Local_tls_server "$CF")"
check "edited: the job is gone from atq" not_in_atq "${JOB2#at:}"
check "edited: Sendmail restarted" wait_restart "$DAEMON"
cp -p "$T/mc.orig" "$MC"
cp -p "$T/cf.orig" "$CF"
PID=$(sm_pid)
kill -HUP "$PID"
wait_restart "$PID" || sm_fail "Sendmail did not start again after the test's SIGHUP"
DAEMON=$(sm_pid)
RELOADS=$(reloads)

# ------------------------------------------ 5. MailTLS not running at the end
start --inbound --duration 1m --yes
status=$?
same "short window: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
JOB3=$(job_of "$OUT")
check "short window: the job is in atq" in_atq "${JOB3#at:}"
window_mc "$T/mc.orig" yes no >"$T/mc.inbound"
check "short window: sendmail.mc enforces inbound" cmp "$T/mc.inbound" "$MC"
check "short window: Sendmail restarted" wait_restart "$DAEMON"
DAEMON=$(sm_pid)
# The sink took the forced delivery after window 1: its host status is good again.
check "short window: an inbound window still sends to the sink without STARTTLS" \
    send_ok "$TLS_CLIENT" yes cid@six.test "una@[$PLAIN_SINK]"
check "short window: the sink without STARTTLS gets it" \
    wait_sm_log "to=<una@\[$PLAIN_SINK\]>, .*relay=\[$PLAIN_SINK\] \[$PLAIN_SINK\], dsn=2\.0\.0, stat=Sent" 20

# While the job waits: who failed in the first window.
rc=0
"$MAILTLS" import --db "$DB" "$SM_LOG" >"$T/import.out" 2>&1 </dev/null || rc=$?
check "mailtls import of Sendmail's log (exit status $rc)" test "$rc" -eq 0
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
EXPECTED_CSV="# Failing peers from $(iso "$FROM") to $(iso "$TO") (UTC)
# One row per peer and direction; addresses are space-separated, most recent first.
direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,their_addresses,fixed_at,fixed_by
inbound,five.test,refused,\"STARTTLS required for now, try again with STARTTLS\",1,1,T,T,carol@mx.sendmail.test,ann@five.test,,
outbound,$PLAIN_SINK,not-offered,other side does not support STARTTLS (STARTTLS required for now),1,1,T,T,cid@six.test,erin@[127.0.21.21] frank@[127.0.21.21],,"
rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$FROM" --to "@$TO" --include-local --csv - \
    >"$T/failures.csv" 2>"$T/failures.err" </dev/null || rc=$?
tr -d '\r' <"$T/failures.csv" >"$T/failures.got"
awk -F, -v from="$(iso "$FROM")" -v to="$(iso "$TO")" '
    NR > 3 { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9-]+T[0-9:]+Z$/ && ($i < from || $i >= to)) bad = 1 }
    END { exit bad }' "$T/failures.got"
check "failures: every first and last seen lies in the window" test $? -eq 0
sed -E '4,$ s/,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/,T/g' "$T/failures.got" >"$T/failures.cmp"
printf '%s\n' "$EXPECTED_CSV" >"$T/failures.want"
if [ "$rc" -eq 0 ] && cmp -s "$T/failures.want" "$T/failures.cmp"; then
    pass "campaign failures --csv -: exactly the refused client and the sink, with their correspondents"
else
    fail "campaign failures --csv - (exit status $rc)"
    diff -u "$T/failures.want" "$T/failures.cmp" | tail -n +3
    sed 's/^/    stderr: /' "$T/failures.err"
fi
rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$FROM" --to "@$TO" --include-local \
    >"$T/table.out" 2>"$T/table.err" </dev/null || rc=$?
check "failures table: exit status $rc" test "$rc" -eq 0
check "failures table: the refused client" grep -qE "^inbound +five\.test +refused +1 +1 " "$T/table.out"
check "failures table: the sink" grep -qE "^outbound +127\.0\.21\.21 +not-offered +1 +1 " "$T/table.out"
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "failures table: the STARTTLS client and sink are not listed" \
    sh -c '! grep -qE "^(inbound|outbound) +(six\.test|127\.0\.21\.(6|22)) " "$1"' sh "$T/table.out"

deadline=$((SECONDS + 150))
until [ -s "$ETC/.mailtls-campaign-3.status" ]; do
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 1
done
check "the host's job ran within 150 s" test -s "$ETC/.mailtls-campaign-3.status"
check "the host's job restored sendmail.mc byte for byte" cmp "$T/mc.orig" "$MC"
check "the host's job restored sendmail.cf byte for byte" cmp "$T/cf.orig" "$CF"
same "the host's job kept the files' mode" "644 644" "$(stat -c %a "$MC") $(stat -c %a "$CF")"
check "the host's job left atq" not_in_atq "${JOB3#at:}"
check "the host's job: sendmail -bt passed" contains "$ETC/.mailtls-campaign-3.status" "check=ok"
check "the host's job restarted Sendmail" contains "$ETC/.mailtls-campaign-3.status" "reload=done"
check "the host's job: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
same "the host's job: one more restart" "$((RELOADS + 2))" "$(reloads)"
DAEMON=$(sm_pid)
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "after the job: a plaintext stranger is accepted" "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"

campaign status
status=$?
same "status after the job: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "status: ended by the host's job at T" contains "$OUT" "Campaign 3's window was ended by the host's job at"
check "status: Sendmail was reloaded" contains "$OUT" "Sendmail was reloaded."
check "status: recorded" contains "$OUT" "by the host's job"
check "status: the job's files are cleared away" no_campaign_files
campaign status
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "status again: nothing more to report" sh -c '! grep -q "ended by the host" "$1"' sh "$OUT"

# -------- 5b. the job's script on both files edited in the window
# Run by hand, as at would run it: the block comes out of each file.
start --inbound --outbound --duration 2h --yes
status=$?
same "job on edited files: start exit status" 0 "$status"
[ "$status" = 0 ] || show_run
JOB4=$(job_of "$OUT")
check "job on edited files: Sendmail restarted" wait_restart "$DAEMON"
DAEMON=$(sm_pid)
RELOADS=$(reloads)
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "job on edited files: a plaintext stranger is refused" "$REFUSAL" "$(reply_to RCPT)"
printf 'dnl # the admin was here during the window\n' >>"$MC"
printf '# the admin was here during the window\n' >>"$CF"
# What is left of sendmail.cf: everything but the lines between the markers.
awk -v b="$RULES_BEGIN" -v e="$RULES_END" '$0 == b { out = 1 } !out { print } out && $0 == e { out = 0 }' \
    "$CF" >"$T/cf.unblocked"
ns sh /etc/mail/.mailtls-campaign-4.sh >"$T/job4.out" 2>&1
same "job on edited files: the script's exit status" 0 $?
check "job on edited files: sendmail.mc is the old one plus the admin's line" cmp "$T/mc.edited" "$MC"
check "job on edited files: sendmail.cf lost exactly the window's rules" cmp "$T/cf.unblocked" "$CF"
same "job on edited files: no Local_tls_client rules" "" "$(ruleset Local_tls_client "$CF")"
same "job on edited files: no Local_tls_server rules" "" "$(ruleset Local_tls_server "$CF")"
check "job on edited files: its status names sendmail.mc" \
    contains "$ETC/.mailtls-campaign-4.status" "unblocked=/etc/mail/sendmail.mc"
check "job on edited files: its status names sendmail.cf" \
    contains "$ETC/.mailtls-campaign-4.status" "unblocked=/etc/mail/sendmail.cf"
check "job on edited files: sendmail -bt passed" contains "$ETC/.mailtls-campaign-4.status" "check=ok"
check "job on edited files: Sendmail started again on SIGHUP" wait_restart "$DAEMON"
DAEMON=$(sm_pid)
same "job on edited files: one more restart" "$((RELOADS + 1))" "$(reloads)"
send "$PLAIN_CLIENT" no ann@five.test carol@mx.sendmail.test rcpt
same "job on edited files: a plaintext stranger is accepted again" \
    "250 2.1.5 <carol@mx.sendmail.test>... Recipient ok" "$(reply_to RCPT)"
campaign status
status=$?
same "job on edited files: status exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "job on edited files: status says the host's job ended it" \
    contains "$OUT" "Campaign 4's window was ended by the host's job at"
check "job on edited files: status says the window's lines were taken out" \
    contains "$OUT" "It took the window's lines out of /etc/mail/sendmail.mc, /etc/mail/sendmail.cf."
check "job on edited files: the job is gone from atq" not_in_atq "${JOB4#at:}"
check "job on edited files: the job's files are cleared away" no_campaign_files
cp -p "$T/mc.orig" "$MC"
cp -p "$T/cf.orig" "$CF"

# ------------------------------- 6. the admin's own LOCAL_TLS_CLIENT: refused
printf '%s\n' LOCAL_TLS_CLIENT "R\$* \$| STARTTLS$TAB$TAB\$@ OK" >>"$MC"
sm_make_cf
cp -p "$MC" "$T/mc.own"
cp -p "$CF" "$T/cf.own"
RELOADS=$(reloads)
start --inbound --duration 2h --yes
same "own LOCAL_TLS_CLIENT: start refused" 1 $?
check "own LOCAL_TLS_CLIENT: says why, with the line" contains "$ERR" \
    "/etc/mail/sendmail.mc has rules of its own in LOCAL_TLS_CLIENT (line $(($(wc -l <"$T/mc.orig") + 1))): the window's would be mixed with them."
check "own LOCAL_TLS_CLIENT: sendmail.mc unchanged" cmp "$T/mc.own" "$MC"
check "own LOCAL_TLS_CLIENT: sendmail.cf unchanged" cmp "$T/cf.own" "$CF"
same "own LOCAL_TLS_CLIENT: no at job" "" "$(ns atq)"
check "own LOCAL_TLS_CLIENT: no job script" no_campaign_files
same "own LOCAL_TLS_CLIENT: no restart" "$RELOADS $DAEMON" "$(reloads) $(sm_pid)"
cp -p "$T/mc.orig" "$MC"
printf '%s\n' "dnl # the admin's own" LOCAL_TLS_SERVER "R\$*$TAB$TAB$TAB\$@ OK" >>"$MC"
sm_make_cf
cp -p "$MC" "$T/mc.own"
cp -p "$CF" "$T/cf.own"
start --outbound --duration 2h --yes
same "own LOCAL_TLS_SERVER: start refused" 1 $?
check "own LOCAL_TLS_SERVER: says why, with the line" contains "$ERR" \
    "/etc/mail/sendmail.mc has rules of its own in LOCAL_TLS_SERVER (line $(($(wc -l <"$T/mc.orig") + 2))): the window's would be mixed with them."
check "own LOCAL_TLS_SERVER: sendmail.mc unchanged" cmp "$T/mc.own" "$MC"
check "own LOCAL_TLS_SERVER: sendmail.cf unchanged" cmp "$T/cf.own" "$CF"
same "own LOCAL_TLS_SERVER: no at job" "" "$(ns atq)"
same "own LOCAL_TLS_SERVER: no restart" "$RELOADS $DAEMON" "$(reloads) $(sm_pid)"

if [ "$FAILED" -gt 0 ]; then
    printf 'mail log:\n'
    sed 's/^/    /' "$SM_LOG"
fi
ck_summary
