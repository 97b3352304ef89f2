#!/usr/bin/env bash
# Who failed while TLS was required: a real Postfix on loopback refuses a
# plaintext client on its `encrypt` listener and defers mail to a peer that
# offers no STARTTLS; `mailtls import` of its log and `mailtls campaign
# failures --from … --to …` must list exactly those peers and their
# correspondents.
#
#   bash tests/integration/test_campaign_failures.sh /path/to/mailtls
#
#   sink (sink.test)   127.0.17.21:2526  no STARTTLS   <- plain.example
#   MTA  (mta.test)    127.0.17.1:2525   opportunistic STARTTLS (postfix/smtpd)
#                      127.0.17.1:2527   STARTTLS required      (postfix-enc/smtpd)
#                      outbound: smtp_tls_security_level = encrypt
#                      our.test is delivered by the discard transport
#
# Before the window (on :2525):
#   127.0.17.5 plaintext: ann@five.test -> bob@our.test (delivered)
# In the window (on :2527):
#   127.0.17.5 plaintext: refused (530 Must issue a STARTTLS command first)
#   127.0.17.6 STARTTLS:  cid@six.test -> dan@our.test (delivered)
#   127.0.17.6 STARTTLS:  cid@six.test -> erin@plain.example, frank@plain.example
#                         (deferred: TLS is required, but not offered by the sink)
# After the window (on :2527):
#   127.0.17.5 STARTTLS:  ann@five.test -> gus@our.test (delivered): fixed
#
# The failing peers: 127.0.17.5 inbound (refused; its correspondents from the
# mail it sent: theirs ann@five.test, ours gus@ and bob@our.test) and the sink
# 127.0.17.21 outbound (not offered; ours cid@six.test, theirs erin@ and
# frank@plain.example). 127.0.17.6 used TLS: not listed. Every peer is
# loopback, so --include-local. A campaign of that window (its row written
# with sqlite3, as `mailtls campaign start` would leave it once ended) gets
# both peers, 127.0.17.5 fixed by the log.
#
# Needs (Debian): postfix swaks libnet-ssleay-perl openssl util-linux mount
# coreutils. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"

command -v swaks >/dev/null 2>&1 || pf_fail "swaks is not installed (apt-get install swaks libnet-ssleay-perl)"
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '${MAILTLS}' (usage: $0 /path/to/mailtls)"
fi
# Postfix stamps its log in local time; MailTLS reads it in the same zone.
export TZ=UTC
pf_init

pf_make_cert "$T/mta" mta.test

# ------------------------------------------------------------------------ sink
pf_instance sink sink.test
pf_set sink \
    "relay_domains = plain.example" \
    "transport_maps = inline:{ plain.example=discard: }"
pf_listen sink 127.0.17.21:2526 -o smtpd_tls_security_level=none
pf_start sink

# ------------------------------------------------------------------------- MTA
pf_instance mta mta.test
pf_set mta \
    "smtpd_tls_cert_file = $T/mta.crt" \
    "smtpd_tls_key_file = $T/mta.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_loglevel = 1" \
    "smtp_tls_security_level = encrypt" \
    "smtp_tls_loglevel = 1" \
    "relay_domains = our.test plain.example" \
    "transport_maps = inline:{ our.test=discard:, plain.example=smtp:[127.0.17.21]:2526 }"
pf_listen mta 127.0.17.1:2525
pf_listen mta 127.0.17.1:2527 \
    -o syslog_name=postfix-enc \
    -o smtpd_tls_security_level=encrypt
pf_start mta

# ----------------------------------------------------------------------- mail
MSGNO=0
# send CLIENT-IP PORT TLS(yes|no) FROM RECIPIENTS: one message, one session.
send() {
    local ip=$1 port=$2 tls=$3 from=$4 rcpts=$5
    MSGNO=$((MSGNO + 1))
    local args=(--server 127.0.17.1 --port "$port" --local-interface "$ip"
        --helo "client$MSGNO.client.test" --from "$from" --to "$rcpts"
        --header "Subject: MailTLS campaign message $MSGNO" --timeout 15)
    [ "$tls" = yes ] && args+=(--tls)
    pf_loopback_dns swaks "${args[@]}" >"$T/swaks$MSGNO.out" 2>&1
}
send_ok() {
    send "$@" && return 0
    sed 's/^/    swaks: /' "$T/swaks$MSGNO.out"
    return 1
}

check "127.0.17.5 plaintext message accepted on :2525 before the window" \
    send_ok 127.0.17.5 2525 no ann@five.test bob@our.test
pf_wait_log mta 'to=<bob@our\.test>, relay=none, .*status=sent' 30
# The window starts on a later second than anything before it.
BEFORE=$(date +%s)
while [ "$(date +%s)" -le "$BEFORE" ]; do sleep 0.1; done
FROM=$(date +%s)

if send 127.0.17.5 2527 no ann@five.test bob@our.test; then
    fail "127.0.17.5 plaintext on the encrypt listener :2527 was refused"
else
    check "127.0.17.5 plaintext on the encrypt listener :2527 was refused with 530" \
        grep -q '530 5.7.0 Must issue a STARTTLS command first' "$T/swaks$MSGNO.out"
fi
check "127.0.17.6 STARTTLS message to our.test accepted on :2527" \
    send_ok 127.0.17.6 2527 yes cid@six.test dan@our.test
check "127.0.17.6 STARTTLS message to plain.example accepted on :2527" \
    send_ok 127.0.17.6 2527 yes cid@six.test erin@plain.example,frank@plain.example
pf_wait_log mta 'to=<frank@plain\.example>, .*status=deferred' 30
pf_wait_log mta 'to=<dan@our\.test>, relay=none, .*status=sent' 30
pf_wait_log_quiet mta
TO=$(($(date +%s) + 1))
# After the window 127.0.17.5 uses STARTTLS: fixed.
while [ "$(date +%s)" -lt "$TO" ]; do sleep 0.1; done
check "127.0.17.5 STARTTLS message accepted on :2527 after the window" \
    send_ok 127.0.17.5 2527 yes ann@five.test gus@our.test
pf_wait_log mta 'to=<gus@our\.test>, relay=none, .*status=sent' 30
pf_wait_log_quiet mta
pf_stop mta
pf_stop sink
LOG="$T/mta/postfix.log"

# ------------------------------------------- what real Postfix logged (facts)
logcount() { grep -cE "$1" "$LOG"; }
expect_count() {
    local what=$1 want=$2 re=$3 got
    got=$(logcount "$re")
    if [ "$got" -eq "$want" ]; then pass "$what ($want)"; else fail "$what: want $want lines matching /$re/, got $got"; fi
}
expect_count "the refused session: mail=0/1 on its disconnect line" 1 \
    ' postfix-enc/smtpd\[[0-9]+\]: disconnect from unknown\[127\.0\.17\.5\] ehlo=1 mail=0/1 .*commands=[0-9]+/[0-9]+$'
expect_count "the refused session: no reject line" 0 'reject:'
expect_count "the deferrals: one per recipient, TLS not offered" 2 \
    'to=<(erin|frank)@plain\.example>, relay=127\.0\.17\.21\[127\.0\.17\.21\]:2526, .*status=deferred \(TLS is required, but was not offered by host 127\.0\.17\.21\[127\.0\.17\.21\]\)'
expect_count "STARTTLS sessions of 127.0.17.6" 2 \
    'Anonymous TLS connection established from unknown\[127\.0\.17\.6\]'

# ------------------------------------------------------------------- mailtls
DB="$T/mailtls.sqlite"
rc=0
"$MAILTLS" import --db "$DB" "$LOG" >"$T/import.out" 2>&1 </dev/null || rc=$?
check "mailtls import of the MTA's log (exit status $rc)" test "$rc" -eq 0

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
# Times of records differ from run to run: compared as T once checked to lie
# in the range.
EXPECTED_CSV="# Failing peers from $(iso "$FROM") to $(iso "$TO") (UTC)
# One row per peer and direction; addresses are space-separated, most recent first.
direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,their_addresses,fixed_at,fixed_by
inbound,127.0.17.5,refused,mail=0/1,1,0,T,T,gus@our.test bob@our.test,ann@five.test,,
outbound,127.0.17.21,not-offered,\"TLS is required, but was not offered by host 127.0.17.21[127.0.17.21]\",1,1,T,T,cid@six.test,erin@plain.example frank@plain.example,,"

rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$FROM" --to "@$TO" --include-local --csv - \
    >"$T/failures.csv" 2>"$T/failures.err" </dev/null || rc=$?
tr -d '\r' <"$T/failures.csv" >"$T/failures.got"
# Every record time lies in [FROM, TO).
awk -F, -v from="$(iso "$FROM")" -v to="$(iso "$TO")" '
    NR > 3 { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9-]+T[0-9:]+Z$/ && ($i < from || $i >= to)) bad = 1 }
    END { exit bad }' "$T/failures.got"
check "every first and last seen lies in the range" test $? -eq 0
sed -E '4,$ s/,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/,T/g' "$T/failures.got" >"$T/failures.cmp"
printf '%s\n' "$EXPECTED_CSV" >"$T/failures.want"
if [ "$rc" -eq 0 ] && cmp -s "$T/failures.want" "$T/failures.cmp"; then
    pass "mailtls campaign failures --csv - lists exactly the failing peers and correspondents"
else
    fail "mailtls campaign failures --csv - (exit status $rc)"
    diff -u "$T/failures.want" "$T/failures.cmp" | tail -n +3
    sed 's/^/    stderr: /' "$T/failures.err"
fi

# The table for people, and the CSV file beside it.
rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$FROM" --to "@$TO" --include-local --csv "$T/out.csv" \
    >"$T/table.out" 2>"$T/table.err" </dev/null || rc=$?
check "the table run succeeds (exit status $rc)" test "$rc" -eq 0
check "the table names the refused peer" grep -qE '^inbound +127\.0\.17\.5 +refused +1 +0 ' "$T/table.out"
check "the table names the sink" grep -qE '^outbound +127\.0\.17\.21 +not-offered +1 +1 ' "$T/table.out"
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "127.0.17.6 used TLS and is not listed" sh -c '! grep -q "127\.0\.17\.6" "$1"' sh "$T/table.out"
check "the CSV file holds what --csv - printed" cmp -s "$T/out.csv" "$T/failures.csv"

# Without --include-local every loopback peer is a local hop.
rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$FROM" --to "@$TO" \
    >"$T/nolocal.out" 2>&1 </dev/null || rc=$?
check "without --include-local no peer is listed" grep -q 'No peer failed in this range.' "$T/nolocal.out"

# Before the window only the delivered message: nothing failed.
rc=0
"$MAILTLS" campaign failures --db "$DB" --from "@$((FROM - 3600))" --to "@$FROM" --include-local \
    >"$T/before.out" 2>&1 </dev/null || rc=$?
check "nothing failed before the window" grep -q 'No peer failed in this range.' "$T/before.out"

# A campaign of the window: the gathering is saved, 127.0.17.5 is fixed.
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$DB" "INSERT INTO campaigns (name, created, mta, host, config_dir, inbound, outbound, window_start, \
window_end, ended_at, ended_by, backup_id) VALUES ('integration', $FROM, 'postfix', '', '$T/mta/etc', 1, 1, \
$FROM, $TO, $TO, 'app', 'none')"
    rc=0
    "$MAILTLS" campaign failures --db "$DB" --campaign 1 --include-local --csv - \
        >"$T/campaign.csv" 2>"$T/campaign.err" </dev/null || rc=$?
    tr -d '\r' <"$T/campaign.csv" |
        sed -E '4,$ s/,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/,T/g' >"$T/campaign.cmp"
    printf '%s\n' "# Failing peers of campaign 1, from $(iso "$FROM") to $(iso "$TO") (UTC)" \
        "# One row per peer and direction; addresses are space-separated, most recent first." \
        "direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,their_addresses,fixed_at,fixed_by" \
        "inbound,127.0.17.5,refused,mail=0/1,1,0,T,T,gus@our.test bob@our.test,ann@five.test,T,log" \
        "outbound,127.0.17.21,not-offered,\"TLS is required, but was not offered by host 127.0.17.21[127.0.17.21]\",1,1,T,T,cid@six.test,erin@plain.example frank@plain.example,," \
        >"$T/campaign.want"
    if [ "$rc" -eq 0 ] && cmp -s "$T/campaign.want" "$T/campaign.cmp"; then
        pass "mailtls campaign failures --campaign 1: the window's peers, 127.0.17.5 fixed by the log"
    else
        fail "mailtls campaign failures --campaign 1 (exit status $rc)"
        diff -u "$T/campaign.want" "$T/campaign.cmp" | tail -n +3
        sed 's/^/    stderr: /' "$T/campaign.err"
    fi
    same "the campaign's peers are stored" "127.0.17.21|1|0||1
127.0.17.5|0|1|log|1" \
        "$(sqlite3 "$DB" "SELECT peer, direction, fixed_at IS NOT NULL, fixed_by, campaign_id FROM campaign_peers ORDER BY peer")"
    same "gathered_at is set" 1 "$(sqlite3 "$DB" "SELECT gathered_at IS NOT NULL FROM campaigns WHERE id = 1")"
else
    pf_say "note: sqlite3 is not installed; the campaign part is left out"
fi

if [ "$FAILED" -gt 0 ]; then
    printf 'MTA log:\n'
    sed 's/^/    /' "$LOG"
fi
ck_summary
