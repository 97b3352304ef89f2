#!/usr/bin/env bash
# A real Postfix on loopback relays a known mix of mail; `mailtls report` must
# count it exactly as COUNTING.md says.
#
#   bash tests/integration/test_postfix_report.sh /path/to/mailtls
#
# Two private Postfix instances run on loopback addresses, both logging to
# files (no syslog, no systemd):
#
#   sink (sink.test)   127.0.0.21:2526  opportunistic STARTTLS   <- alpha.example
#                      127.0.0.22:2526  no STARTTLS              <- beta.example
#                      127.0.0.23:2526  DHE only, 1024-bit group <- gamma.example
#   MTA  (mta.test)    127.0.0.1:2525   opportunistic STARTTLS   (postfix/smtpd)
#                      127.0.0.1:2527   STARTTLS required        (postfix-enc/smtpd)
#                      127.0.0.1:2587   STARTTLS required        (postfix/submission/smtpd)
#
# swaks clients, each from its own source address, hand the MTA:
#
#   127.0.0.5  plaintext -> :2525   3 messages, each to one alpha recipient
#   127.0.0.6  STARTTLS  -> :2525   2 messages: two alpha recipients; one beta recipient
#   127.0.0.7  plaintext -> :2527   refused (530 Must issue a STARTTLS command first)
#   127.0.0.8  STARTTLS  -> :2527   1 message to gamma
#   127.0.0.9  STARTTLS  -> :2587   1 message to one beta and one alpha recipient
#
# The MTA's log is then reported with --include-local (every peer here is
# loopback) and compared with the exact CSV below. Set MAILTLS_SAVE_LOG=FILE to
# keep a copy of the MTA's log, MAILTLS_KEEP_TMP=1 to keep the whole run.
#
# Needs (Debian): postfix swaks libnet-ssleay-perl openssl util-linux mount
# findutils gawk|mawk diffutils coreutils. Runs as root.

set -u

MAILTLS=${1:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/postfix.sh
. "$HERE/lib/postfix.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"

command -v swaks >/dev/null 2>&1 || pf_fail "swaks is not installed (apt-get install swaks libnet-ssleay-perl)"
pf_init

# ---------------------------------------------------------------- certificates
pf_make_cert "$T/sink" sink.test
pf_make_cert "$T/mta" mta.test
pf_make_dh1024 "$T/dh1024.pem"
# shellcheck disable=SC2016 # $1 belongs to the inner sh
check "openssl made 1024-bit DH parameters" \
    sh -c 'openssl pkeyparam -in "$1" -text -noout 2>/dev/null | grep -q "(1024 bit)"' sh "$T/dh1024.pem"

# ------------------------------------------------------------------------ sink
pf_instance sink sink.test
pf_set sink \
    "relay_domains = alpha.example beta.example gamma.example" \
    "transport_maps = inline:{ alpha.example=discard:, beta.example=discard:, gamma.example=discard: }" \
    "smtpd_tls_cert_file = $T/sink.crt" \
    "smtpd_tls_key_file = $T/sink.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_loglevel = 1"
pf_listen sink 127.0.0.21:2526
pf_listen sink 127.0.0.22:2526 -o smtpd_tls_security_level=none
# DHE-RSA suites only: TLS 1.2 at most (TLS 1.3 has no custom DH groups),
# no ECDHE, no RSA key transport, no anonymous suites.
pf_listen sink 127.0.0.23:2526 \
    -o syslog_name=postfix-dhe \
    -o "smtpd_tls_dh1024_param_file=$T/dh1024.pem" \
    -o 'smtpd_tls_protocols=!SSLv2,!SSLv3,!TLSv1.3' \
    -o smtpd_tls_exclude_ciphers=kECDHE,kRSA,aNULL
pf_start sink

# ------------------------------------------------------------------------- MTA
pf_instance mta mta.test
pf_set mta \
    "smtpd_tls_cert_file = $T/mta.crt" \
    "smtpd_tls_key_file = $T/mta.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_loglevel = 1" \
    "smtp_tls_security_level = may" \
    "smtp_tls_loglevel = 1" \
    "smtp_connection_cache_on_demand = no" \
    "transport_maps = inline:{ alpha.example=smtp:[127.0.0.21]:2526, beta.example=smtp:[127.0.0.22]:2526, gamma.example=smtp:[127.0.0.23]:2526 }"
# Postfix's SMTP client lowers OpenSSL's security level to 0 for opportunistic
# TLS, so by default it accepts a 1024-bit DH group and the gamma sink would
# look like any other encrypted peer. Putting Debian's level 2 back makes it
# refuse the group ("dh key too small"), as a client at OpenSSL's default does.
pf_set mta "tls_medium_cipherlist = aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:@SECLEVEL=2"
# Postfix falls back to plaintext after a failed STARTTLS only when the message
# had waited at least minimal_backoff_time before the attempt: the first
# attempt defers; the retry, which this test starts with a flush once the
# message is older than that, delivers in plaintext. queue_run_delay stays at
# its default (300s), so no retry happens on its own in between.
pf_set mta "minimal_backoff_time = 2s"
pf_listen mta 127.0.0.1:2525
pf_listen mta 127.0.0.1:2527 \
    -o syslog_name=postfix-enc \
    -o smtpd_tls_security_level=encrypt
pf_listen mta 127.0.0.1:2587 \
    -o syslog_name=postfix/submission \
    -o smtpd_tls_security_level=encrypt
pf_start mta

# ----------------------------------------------------------------------- mail
MSGNO=0

# send CLIENT-IP PORT TLS(yes|no) RECIPIENTS: one message (one SMTP session).
# The body and every header are fixed, so sizes differ only by what Postfix
# itself adds (its Received: header, with the queue id and TLS details).
send() {
    local ip=$1 port=$2 tls=$3 rcpts=$4 out
    MSGNO=$((MSGNO + 1))
    local eml="$T/msg$MSGNO.eml"
    printf '%s\r\n' \
        "Date: Mon, 02 Mar 2026 10:00:00 +0000" \
        "From: <sender@client.test>" \
        "To: <${rcpts//,/>, <}>" \
        "Subject: MailTLS integration message $MSGNO" \
        "Message-ID: <msg$MSGNO@client.test>" \
        "" \
        "Message $MSGNO from $ip to port $port." \
        "Fixed text, so that its size is known." >"$eml"
    local args=(--server 127.0.0.1 --port "$port" --local-interface "$ip"
        --helo "client$MSGNO.client.test" --from sender@client.test
        --to "$rcpts" --data "@$eml" --timeout 15)
    [ "$tls" = yes ] && args+=(--tls)
    out="$T/swaks$MSGNO.out"
    pf_loopback_dns swaks "${args[@]}" >"$out" 2>&1
}

# send_ok ARGS...: send, and show the SMTP transcript when it fails.
send_ok() {
    send "$@" && return 0
    sed 's/^/    swaks: /' "$T/swaks$MSGNO.out"
    return 1
}

check "127.0.0.5 plaintext message 1 accepted on :2525" send_ok 127.0.0.5 2525 no a1@alpha.example
check "127.0.0.5 plaintext message 2 accepted on :2525" send_ok 127.0.0.5 2525 no a2@alpha.example
check "127.0.0.5 plaintext message 3 accepted on :2525" send_ok 127.0.0.5 2525 no a3@alpha.example
check "127.0.0.6 STARTTLS message with two alpha recipients accepted on :2525" \
    send_ok 127.0.0.6 2525 yes a4@alpha.example,a5@alpha.example
check "127.0.0.6 STARTTLS message to beta accepted on :2525" send_ok 127.0.0.6 2525 yes b1@beta.example
if send 127.0.0.7 2527 no a6@alpha.example; then
    fail "127.0.0.7 plaintext on the encrypt listener :2527 was refused"
else
    check "127.0.0.7 plaintext on the encrypt listener :2527 was refused with 530" \
        grep -q '530 5.7.0 Must issue a STARTTLS command first' "$T/swaks$MSGNO.out"
fi
check "127.0.0.8 STARTTLS message to gamma accepted on :2527" send_ok 127.0.0.8 2527 yes g1@gamma.example
GAMMA_QUEUED=$(date +%s)
check "127.0.0.9 STARTTLS submission to beta and alpha accepted on :2587" \
    send_ok 127.0.0.9 2587 yes b2@beta.example,a7@alpha.example

# ------------------------------------------------------------- drain and stop
# The gamma message defers at once; retry it once it is old enough for the
# plaintext fallback (whole seconds, as Postfix compares them, plus a margin).
pf_wait_log mta 'relay=127\.0\.0\.23\[127\.0\.0\.23\]:2526, .*status=deferred' 30
while [ "$(date +%s)" -lt $((GAMMA_QUEUED + 3)) ]; do sleep 0.2; done
pf_flush mta
pf_wait_drain mta 60
pf_stop mta
pf_stop sink

LOG="$T/mta/postfix.log"
if [ -n "${MAILTLS_SAVE_LOG:-}" ]; then
    cp "$LOG" "$MAILTLS_SAVE_LOG" && printf 'saved the MTA log as %s\n' "$MAILTLS_SAVE_LOG"
fi

# ------------------------------------------- what real Postfix logged (facts)
# The expected figures rest on these; if Postfix ever logs differently, these
# say which assumption broke.
logcount() { grep -cE "$1" "$LOG"; }
expect_count() {
    local what=$1 want=$2 re=$3 got
    got=$(logcount "$re")
    if [ "$got" -eq "$want" ]; then pass "$what ($want)"; else fail "$what: want $want lines matching /$re/, got $got"; fi
}

expect_count "one client= line per accepted message" 7 \
    ' postfix(/submission|-enc)?/smtpd\[[0-9]+\]: [0-9A-F]+: client=unknown\[127\.0\.0\.[5-9]\]$'
expect_count "submission messages logged by postfix/submission/smtpd" 1 \
    ' postfix/submission/smtpd\[[0-9]+\]: [0-9A-F]+: client=unknown\[127\.0\.0\.9\]$'
expect_count "TLS sessions logged by smtpd (127.0.0.6 twice, .8, .9)" 4 \
    'smtpd\[[0-9]+\]: Anonymous TLS connection established from unknown\[127\.0\.0\.[5-9]\]'
expect_count "refused plaintext session: mail=0/1 on the disconnect line" 1 \
    ' postfix-enc/smtpd\[[0-9]+\]: disconnect from unknown\[127\.0\.0\.7\] ehlo=1 mail=0/1 .*commands=[0-9]+/[0-9]+$'
expect_count "refused plaintext session: no reject line" 0 \
    'reject:.*127\.0\.0\.7'
expect_count "the refused session has no starttls= (no TLS failure)" 0 \
    'disconnect from unknown\[127\.0\.0\.7\].*starttls='
expect_count "TLS to alpha: one established line per connection" 5 \
    ' postfix/smtp\[[0-9]+\]: Untrusted TLS connection established to 127\.0\.0\.21\[127\.0\.0\.21\]:2526: TLSv1\.3 '
expect_count "alpha deliveries (6 recipients over 5 connections)" 6 \
    'relay=127\.0\.0\.21\[127\.0\.0\.21\]:2526, .*status=sent'
expect_count "beta deliveries" 2 \
    'relay=127\.0\.0\.22\[127\.0\.0\.22\]:2526, .*status=sent'
expect_count "no TLS to beta (it offers no STARTTLS)" 0 \
    'TLS connection established to 127\.0\.0\.22'
expect_count "gamma: the 1024-bit group is refused on both attempts" 2 \
    'warning: TLS library problem: .*dh key too small'
expect_count "gamma: two SSL_connect errors" 2 \
    ' postfix/smtp\[[0-9]+\]: SSL_connect error to 127\.0\.0\.23\[127\.0\.0\.23\]:2526: '
expect_count "gamma: the first attempt defers (message too young for a plaintext fallback)" 1 \
    'relay=127\.0\.0\.23\[127\.0\.0\.23\]:2526, .*status=deferred \(Cannot start TLS: handshake failure\)'
expect_count "gamma: the flushed retry falls back to plaintext and delivers" 1 \
    'relay=127\.0\.0\.23\[127\.0\.0\.23\]:2526, .*status=sent'
expect_count "gamma: never encrypted" 0 \
    'TLS connection established to 127\.0\.0\.23'
expect_count "no cached connections (conn_use=)" 0 'conn_use='

# ------------------------------------------------------------ expected report
# Bytes come from the log: Postfix's Received: header holds the queue id, whose
# length varies from run to run, so each message's size= is read from its qmgr
# line and added up per row here (a message counts in every peer it was sent
# to, once per peer however many recipients).
read_bytes() {
    awk '
    / postfix\/qmgr\[[0-9]+\]: [0-9A-F]+: from=<.*>, size=[0-9]+,/ {
        id = $6; sub(/:$/, "", id)
        s = $0; sub(/.*, size=/, "", s); sub(/,.*/, "", s)
        size[id] = s
    }
    /smtpd\[[0-9]+\]: [0-9A-F]+: client=unknown\[/ {
        id = $6; sub(/:$/, "", id)
        ip = $7; sub(/^client=unknown\[/, "", ip); sub(/\]$/, "", ip)
        client[id] = ip
    }
    / postfix\/smtp\[[0-9]+\]: [0-9A-F]+: to=<.*, relay=.*status=sent/ {
        id = $6; sub(/:$/, "", id)
        r = $0; sub(/.*, relay=[^[]*\[/, "", r); sub(/\].*/, "", r)
        sent[id SUBSEP r] = 1
    }
    END {
        for (id in client) { inb[client[id]] += size[id]; nin[client[id]]++ }
        for (k in sent) { split(k, p, SUBSEP); outb[p[2]] += size[p[1]]; nout[p[2]]++ }
        for (ip in inb) print "in", ip, nin[ip], inb[ip]
        for (ip in outb) print "out", ip, nout[ip], outb[ip]
    }' "$LOG"
}
BYTES=$(read_bytes)
bytes() {
    local b
    b=$(printf '%s\n' "$BYTES" | awk -v d="$1" -v ip="$2" '$1 == d && $2 == ip { print $4 }')
    printf '%s\n' "${b:-MISSING}"
}
B5=$(bytes in 127.0.0.5)
B6=$(bytes in 127.0.0.6)
B8=$(bytes in 127.0.0.8)
B9=$(bytes in 127.0.0.9)
B21=$(bytes out 127.0.0.21)
B22=$(bytes out 127.0.0.22)
B23=$(bytes out 127.0.0.23)
for b in "$B5" "$B6" "$B8" "$B9" "$B21" "$B22" "$B23"; do
    case $b in
    '' | *[!0-9]*) fail "every expected row has bytes in the log (got '$b')" ;;
    esac
done
# Every message is a few hundred bytes; a sum far outside that means the awk
# above read the wrong field.
check "inbound 127.0.0.5 bytes are those of 3 small messages ($B5)" test "$B5" -gt 900 -a "$B5" -lt 3000

# Per row (COUNTING.md):
# inbound 127.0.0.5   3 plaintext sessions, one message each.
# inbound 127.0.0.6   2 sessions, each encrypted before its client= line.
# inbound 127.0.0.8   1 encrypted session on the encrypt listener.
# inbound 127.0.0.7   1 plaintext session refused at MAIL (mail=0/1): a
#                     connection with no message, and no TLS failure (it never
#                     tried STARTTLS).
# outbound 127.0.0.21 5 messages (.5 x3, .6's two-recipient message once, .9's
#                     message once), each over its own new encrypted connection.
# outbound 127.0.0.22 2 messages (.6, .9), 2 plaintext connections.
# outbound 127.0.0.23 1 message delivered in plaintext after the fallback;
#                     2 connections (the deferred attempt's delivery line and
#                     the delivering one, both without a TLS line); 2 TLS
#                     failures (one per failed handshake: the deferred attempt,
#                     and the retry that then fell back).
# submission 127.0.0.9 1 encrypted message on the service named submission.
EXPECTED="direction,peer,messages,encrypted_messages,plaintext_messages,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures
inbound,127.0.0.5,3,0,3,$B5,0,3,0,0
inbound,127.0.0.6,2,2,0,$B6,$B6,2,2,0
inbound,127.0.0.8,1,1,0,$B8,$B8,1,1,0
inbound,127.0.0.7,0,0,0,0,0,1,0,0
outbound,127.0.0.21,5,5,0,$B21,$B21,5,5,0
outbound,127.0.0.22,2,0,2,$B22,0,2,0,0
outbound,127.0.0.23,1,0,1,$B23,0,2,0,2
submission,127.0.0.9,1,1,0,$B9,$B9,1,1,0"
EXPECTED_NO_LOCAL="direction,peer,messages,encrypted_messages,plaintext_messages,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures"

# -------------------------------------------------------------- mailtls report
# compare WHAT WANT GOT-FILE ERR-FILE RC
compare() {
    local what=$1 want=$2 got=$3 err=$4 rc=$5
    printf '%s\n' "$want" >"$T/want.csv"
    # CSV writers may end lines with CRLF; the figures are what is compared.
    tr -d '\r' <"$got" >"$T/got.csv"
    if [ "$rc" -eq 0 ] && cmp -s "$T/want.csv" "$T/got.csv"; then
        pass "$what"
    else
        fail "$what (exit status $rc)"
        printf -- '--- expected\n+++ mailtls report\n'
        diff -u "$T/want.csv" "$T/got.csv" | tail -n +3
        if [ -s "$err" ]; then
            printf 'stderr:\n'
            sed 's/^/    /' "$err"
        fi
    fi
}

if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    fail "the mailtls binary is missing: '${MAILTLS}' (usage: $0 /path/to/mailtls)"
else
    rc=0
    "$MAILTLS" report --log "$LOG" --include-local --format csv \
        >"$T/report.csv" 2>"$T/report.err" </dev/null || rc=$?
    compare "mailtls report --include-local --format csv" "$EXPECTED" "$T/report.csv" "$T/report.err" "$rc"
    rc=0
    "$MAILTLS" report --log "$LOG" --format csv \
        >"$T/report-nolocal.csv" 2>"$T/report-nolocal.err" </dev/null || rc=$?
    compare "mailtls report --format csv leaves out loopback peers" "$EXPECTED_NO_LOCAL" \
        "$T/report-nolocal.csv" "$T/report-nolocal.err" "$rc"
fi

if [ "$FAILED" -gt 0 ]; then
    printf 'MTA log:\n'
    sed 's/^/    /' "$LOG"
fi
ck_summary
