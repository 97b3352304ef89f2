#!/usr/bin/env bash
# `mailtls campaign start|status|end`: a window of mandatory STARTTLS on a real
# Postfix on loopback, and the job on the mail host (a real atd) that ends it
# when MailTLS does not.
#
#   bash tests/integration/test_campaign_window.sh /path/to/mailtls
#
#   instance "cw" (mx.cw.test)   127.0.16.1:25   STARTTLS offered (may), a certificate
#
# 1. start --dry-run, and without --yes: the RFC 3207 warning, the peers (none
#    known in a new store), the plan as a diff; nothing changes, no job.
# 2. start --inbound --outbound --duration 2h --yes: main.cf is the old one
#    with the inbound level changed and the outbound level appended, nothing
#    else; the at job exists (atq) and its script sits beside main.cf; a
#    plaintext client now gets 530 5.7.0 Must issue a STARTTLS command first;
#    status says it enforces and names the job; a second start is refused.
# 3. end --yes: main.cf is restored byte for byte (and its mode), the job is
#    gone from atq, its script removed; plaintext MAIL FROM is accepted again;
#    status says it ended early.
#    Then a window during which main.cf is edited: end keeps the edit and
#    takes only the window's setting back out.
# 4. With the test's own atd stopped, start fails: `at` would queue a job
#    nothing runs, so no window starts; main.cf, atq and the store unchanged.
# 5. start --duration 1m --yes, and MailTLS is not running at the end: the
#    host's job puts main.cf back byte for byte (waits at most 150 s: atd
#    runs jobs on the minute); then status reports "ended by the host's job at
#    T", records it, and clears the job's files away.
#
# Needs (Debian): postfix, at, swaks, openssl, util-linux, diffutils. Runs as
# root (Postfix and atd). MAILTLS_KEEP_TMP=1 keeps the run's folder.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"

for tool in at atq atd swaks cmp; do
    command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (apt-get install at swaks diffutils)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

pf_init

ADDR=127.0.16.1
NAME=cw
DB="$T/store.sqlite"
BACKUPS="$T/backups"

# ------------------------------------------------------------ the instance
pf_make_cert "$T/mx" mx.cw.test
pf_instance "$NAME" mx.cw.test
DIR=$(pf_dir "$NAME")
pf_set "$NAME" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_cert_file = $T/mx.crt" \
    "smtpd_tls_key_file = $T/mx.key" \
    "smtpd_tls_loglevel = 1"
pf_listen "$NAME" "$ADDR:25" -o syslog_name=postfix-cw
pf_start "$NAME"
chmod 0640 "$DIR/main.cf"
cp -p "$DIR/main.cf" "$T/main.cf.orig"

# ------------------------------------------------------------------ atd
# A job the test did not make would confuse atq's listing: the spool must
# hold none of ours, and an atd must run (ours, unless one runs already).
pf_ensure_atd

RUN=0
campaign() {
    RUN=$((RUN + 1))
    OUT="$T/out.$RUN"
    ERR="$T/err.$RUN"
    pf_loopback_dns "$MAILTLS" campaign "$@" --db "$DB" --backup-dir "$BACKUPS" >"$OUT" 2>"$ERR" </dev/null
}
show_run() {
    printf '  --- stdout of run %s\n' "$RUN"
    sed 's/^/  | /' "$OUT"
    printf '  --- stderr\n'
    sed 's/^/  | /' "$ERR"
}
# plaintext_mail: one SMTP session without STARTTLS, up to MAIL FROM.
plaintext_mail() {
    pf_loopback_dns swaks --server "$ADDR:25" --ehlo client.cw.test --from a@client.cw.test --to b@mx.cw.test \
        --quit-after MAIL 2>&1
}
job_of() { sed -n 's/.*revert job \(at:[0-9]*\).*/\1/p' "$1" | head -n 1; }
in_atq() { atq | awk -v n="$1" '$1 == n { found = 1 } END { exit !found }'; }
mode_of() { stat -c %a "$1"; }
level() { postconf -c "$DIR" -h "$1"; }

# ------------------------------------------------- 1. dry run, and no --yes
campaign start --inbound --outbound --duration 2h --config-dir "$DIR" --dry-run
same "dry run: exit status" 0 $?
check "dry run: warns with RFC 3207" contains "$OUT" "RFC 3207 says that a publicly referenced SMTP server must not require STARTTLS"
check "dry run: inbound plaintext mail is refused" contains "$OUT" "- inbound: mail from servers that do not use STARTTLS is refused"
check "dry run: outbound mail is deferred, not lost" contains "$OUT" "is deferred, not lost"
check "dry run: the peers known to use plaintext (none in a new store)" contains "$OUT" "  none known"
check "dry run: the diff changes the inbound level" contains "$OUT" "+smtpd_tls_security_level = encrypt"
check "dry run: the diff appends the outbound level" contains "$OUT" "+smtp_tls_security_level = encrypt"
check "dry run: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"
same "dry run: no at job" "" "$(atq)"

campaign start --duration 2h --config-dir "$DIR"
same "without --yes: exit status" 0 $?
check "without --yes: says to run again with --yes" contains "$OUT" "Run again with --yes to start the window."
check "without --yes: main.cf unchanged" cmp -s "$T/main.cf.orig" "$DIR/main.cf"

# ----------------------------------------------------------- 2. the window
plaintext_mail >"$T/plain.before"
check "before: plaintext MAIL FROM is accepted" grep -q "<- *250 .*Ok" "$T/plain.before"
campaign start --inbound --outbound --duration 2h --config-dir "$DIR" --name "First" --yes
status=$?
same "start: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
for step in backup write validate reload; do
    check "start: the $step step succeeded" grep -qE "^  $step +ok " "$OUT"
done
{
    sed 's/^smtpd_tls_security_level = may$/smtpd_tls_security_level = encrypt/' "$T/main.cf.orig"
    printf '# Added by MailTLS\nsmtp_tls_security_level = encrypt\n'
} >"$T/main.cf.window"
check "start: main.cf is the old one with the two levels, nothing else" cmp "$T/main.cf.window" "$DIR/main.cf"
same "start: main.cf keeps its mode" 640 "$(mode_of "$DIR/main.cf")"
same "start: Postfix's levels" "encrypt encrypt" "$(level smtpd_tls_security_level) $(level smtp_tls_security_level)"
JOB=$(job_of "$OUT")
check "start: names its at job" test -n "$JOB"
check "start: the job is in atq" in_atq "${JOB#at:}"
check "start: the job's script sits beside main.cf" test -x "$DIR/.mailtls-campaign-1.sh"
check "start: says when it ends" contains "$OUT" "Campaign 1 started: TLS is required inbound and outbound until"
plaintext_mail >"$T/plain.window"
check "window: a plaintext client gets 530" contains "$T/plain.window" "530 5.7.0 Must issue a STARTTLS command first"

campaign status
same "status while enforcing: exit status" 0 $?
check "status: enforcing" contains "$OUT" "Campaign 1 requires TLS (inbound and outbound) until"
check "status: names the job" contains "$OUT" "The host's job $JOB ends it then if MailTLS does not."
check "status: the campaign" contains "$OUT" "Campaign 1: First"

campaign start --duration 1h --config-dir "$DIR" --yes
same "a second start: refused" 1 $?
check "a second start: says why" contains "$ERR" "campaign 1's window runs until"
check "a second start: main.cf unchanged" cmp -s "$T/main.cf.window" "$DIR/main.cf"

# ---------------------------------------------------------------- 3. end
campaign end
same "end without --yes: exit status" 0 $?
check "end without --yes: nothing changed" cmp -s "$T/main.cf.window" "$DIR/main.cf"
campaign end --yes
status=$?
same "end: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "end: main.cf restored byte for byte" cmp "$T/main.cf.orig" "$DIR/main.cf"
same "end: main.cf keeps its mode" 640 "$(mode_of "$DIR/main.cf")"
check "end: the job is gone from atq" sh -c '! atq | awk -v n="$1" '"'"'$1 == n { f = 1 } END { exit !f }'"'" sh "${JOB#at:}"
check "end: the job's script is removed" absent "$DIR/.mailtls-campaign-1.sh"
check "end: says so" contains "$OUT" "Campaign 1's window ended at"
plaintext_mail >"$T/plain.after"
check "after: plaintext MAIL FROM is accepted again" grep -q "<- *250 .*Ok" "$T/plain.after"
campaign status
check "status after end: ended early" contains "$OUT" "by you, early"

# --------------------------------- 3b. main.cf edited during the window
campaign start --inbound --duration 2h --config-dir "$DIR" --yes
status=$?
same "edited: start exit status" 0 "$status"
[ "$status" = 0 ] || show_run
JOB3=$(job_of "$OUT")
printf 'message_size_limit = 20480000\n' >>"$DIR/main.cf"
campaign end --yes
status=$?
same "edited: end exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "edited: says the file was changed and only the settings go back" \
    contains "$OUT" "was changed during the window: it is not overwritten; only the window's settings are put back."
{ cat "$T/main.cf.orig"; printf 'message_size_limit = 20480000\n'; } >"$T/main.cf.edited"
check "edited: main.cf is the old one plus the user's line" cmp "$T/main.cf.edited" "$DIR/main.cf"
check "edited: the job is gone from atq" sh -c '! atq | awk -v n="$1" '"'"'$1 == n { f = 1 } END { exit !f }'"'" sh "${JOB3#at:}"
cp -p "$T/main.cf.orig" "$DIR/main.cf"
postfix -c "$DIR" reload >/dev/null 2>&1

# ------------------------------- 4. no job can be scheduled: no window
# Only with the test's own atd, which it may stop: `at` still queues a job
# without atd (and nothing would run it), so the window must not start.
if [ -n "${ATD:-}" ]; then
    kill "$ATD"
    proc_wait_gone 10 "$ATD" || pf_fail "atd $ATD did not stop"
    ATQ_BEFORE=$(atq)
    campaign start --inbound --duration 1h --config-dir "$DIR" --yes
    same "no atd: start fails" 1 $?
    check "no atd: says why" contains "$ERR" "atd, which runs at's jobs, is not running"
    check "no atd: says nothing was changed" contains "$ERR" "The window was not started: nothing was changed."
    check "no atd: main.cf unchanged" cmp "$T/main.cf.orig" "$DIR/main.cf"
    same "no atd: no job left queued" "$ATQ_BEFORE" "$(atq)"
    check "no atd: no script left" sh -c '! ls -A "$1" | grep -q mailtls-campaign' sh "$DIR"
    campaign status
    check "no atd: no campaign recorded" contains "$OUT" "Campaign 2: "
    pf_ensure_atd
fi

# ------------------------------------- 5. MailTLS not running at the end
campaign start --inbound --duration 1m --config-dir "$DIR" --yes
status=$?
same "short window: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
JOB2=$(job_of "$OUT")
check "short window: the job is in atq" in_atq "${JOB2#at:}"
sed 's/^smtpd_tls_security_level = may$/smtpd_tls_security_level = encrypt/' "$T/main.cf.orig" >"$T/main.cf.short"
check "short window: main.cf enforces inbound" cmp "$T/main.cf.short" "$DIR/main.cf"
deadline=$((SECONDS + 150))
until [ -s "$DIR/.mailtls-campaign-3.status" ]; do
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 1
done
check "the host's job ran within 150 s" test -s "$DIR/.mailtls-campaign-3.status"
check "the host's job restored main.cf byte for byte" cmp "$T/main.cf.orig" "$DIR/main.cf"
same "the host's job kept main.cf's mode" 640 "$(mode_of "$DIR/main.cf")"
check "the host's job left atq" sh -c '! atq | awk -v n="$1" '"'"'$1 == n { f = 1 } END { exit !f }'"'" sh "${JOB2#at:}"
check "the host's job reloaded Postfix" contains "$DIR/.mailtls-campaign-3.status" "reload=done"
plaintext_mail >"$T/plain.job"
check "after the job: plaintext MAIL FROM is accepted" grep -q "<- *250 .*Ok" "$T/plain.job"

campaign status
status=$?
same "status after the job: exit status" 0 "$status"
[ "$status" = 0 ] || show_run
check "status: ended by the host's job at T" contains "$OUT" "Campaign 3's window was ended by the host's job at"
check "status: what the job did" contains "$OUT" "It put back $DIR/main.cf as it was before the window. Postfix was reloaded."
check "status: recorded" contains "$OUT" "by the host's job"
check "status: the job's files are cleared away" sh -c '! ls -A "$1" | grep -q mailtls-campaign' sh "$DIR"
campaign status
check "status again: nothing more to report" sh -c '! grep -q "ended by the host" "$1"' sh "$OUT"

ck_summary
