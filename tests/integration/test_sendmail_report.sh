#!/usr/bin/env bash
# A real Sendmail (Debian 12's sendmail 8.17.1.9, unpacked beside Postfix) on
# loopback relays a known mix of mail; `mailtls report` must count its mail
# log exactly as COUNTING.md says.
#
#   bash tests/integration/test_sendmail_report.sh /path/to/mailtls
#
#   Sendmail (mx.sendmail.test)  127.0.14.1:25   STARTTLS (Debian's
#                        sendmail.mc and update_tlsm4's starttls.m4, lib/
#                        sendmail.sh), relaying *.sink.test through a
#                        mailertable, TLSFallbacktoClear; logs through
#                        lib/sendmail.sh's /dev/log receiver
#   sink (Postfix)       127.0.14.21:25  STARTTLS offered     tls.sink.test
#                        127.0.14.22:25  no STARTTLS          plain.sink.test
#                        127.0.14.23:25  STARTTLS with        weak.sink.test
#                                        anonymous suites only (none in
#                                        common with Sendmail's OpenSSL)
#
# swaks clients, each from its own source address and HELO name, one message
# per SMTP session:
#
#   127.0.14.5  alpha  STARTTLS   1: a1@tls               2: a2@tls, a3@tls
#   127.0.14.6  beta   STARTTLS   3: b1@plain
#                      plaintext  4: a4@tls
#   127.0.14.7  gamma  plaintext  5: b2@plain, a5@tls     6: w1@weak
#
# And two refused sessions:
#
#   127.0.14.8  delta    STARTTLS with TLS 1.0 only: the handshake fails
#                        (STARTTLS=server, error: accept failed=…), no message
#   127.0.14.9  epsilon  plaintext to elsewhere.test: relaying denied (450),
#                        Sendmail logs from=<…>, size=0, nrcpts=0; no message
#
# They are not in the default run because mailtls counts them differently
# from COUNTING.md's Postfix rules today: the refused handshake's session as
# two connections, the refused message as one plaintext message.
#
# The mail log is reported with --include-local (every peer is loopback) and
# compared with the exact CSV below; without it no row is left. Bytes are the
# size= of the messages' from= lines. MAILTLS_KEEP_TMP=1 keeps the run's
# folder, MAILTLS_SAVE_LOG=FILE a copy of the mail log.
#
# Needs (Debian): postfix, openssl, perl, swaks, libnet-ssleay-perl,
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

for tool in cmp diff swaks postfix postconf; do
    command -v "$tool" >/dev/null 2>&1 || sm_fail "$tool is not installed (apt-get install diffutils swaks postfix)"
done
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    sm_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

sm_init
# The sink is lib/postfix.sh's, in sm_init's $T: stop it first, then let
# sm_cleanup stop Sendmail and the receiver and remove $T with the exit status.
REFUSED=1
cleanup() {
    local status=$? name
    for name in "${!PF_PID[@]}"; do
        pf_stop "$name" || true
    done
    (exit "$status")
    sm_cleanup
}
trap cleanup EXIT
# What pf_init would make: the loopback-only resolv.conf of pf_loopback_dns.
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$T/resolv.conf"

ADDR=127.0.14.1
LOG=$SM_LOG
ETC=$SM_ROOT/etc-mail

# ----------------------------------------------------------------- the sink
pf_make_cert "$T/sink" sink.test
pf_instance sink sink.test
pf_set sink \
    "relay_domains = tls.sink.test plain.sink.test weak.sink.test" \
    "transport_maps = inline:{ tls.sink.test=discard:, plain.sink.test=discard:, weak.sink.test=discard: }" \
    "smtpd_tls_cert_file = $T/sink.crt" \
    "smtpd_tls_key_file = $T/sink.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_loglevel = 1"
pf_listen sink 127.0.14.21:25
pf_listen sink 127.0.14.22:25 -o smtpd_tls_security_level=none
# Anonymous suites only (so TLS 1.2 at most): nothing Sendmail's OpenSSL offers.
pf_listen sink 127.0.14.23:25 -o syslog_name=postfix-anon \
    -o 'smtpd_tls_protocols=!SSLv2,!SSLv3,!TLSv1.3' \
    -o 'tls_medium_cipherlist=aNULL:-eNULL:@SECLEVEL=0' -o smtpd_tls_exclude_ciphers=
pf_start sink

# --------------------------------------------------------------- the server
mkdir -p "$T/pki"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=mx.sendmail.test \
    -addext subjectAltName=DNS:mx.sendmail.test -keyout "$T/pki/mx.key" -out "$T/pki/mx.crt" \
    >"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not make a certificate"
sm_debian_config "$ADDR"
# The rest of what update_tls makes: the client certificate (the server's, as
# it does) and the DH parameters (RFC 7919's ffdhe2048, no prime search).
cp "$ETC/tls/sendmail-server.crt" "$ETC/tls/sendmail-client.crt"
openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$ETC/tls/sendmail-common.prm" \
    >>"$T/pki/openssl.log" 2>&1 || sm_fail "openssl could not write the ffdhe2048 parameters"
chmod 0640 "$ETC/tls/sendmail-common.prm"
# No name lookups on this machine: hosts from the private /etc/hosts only.
printf 'passwd\tfiles\nhosts\tfiles\naliases\tfiles\n' >"$ETC/service.switch"
# The sink domains relayed to the sink's addresses.
printf 'tls.sink.test\tesmtp:[127.0.14.21]\nplain.sink.test\tesmtp:[127.0.14.22]\nweak.sink.test\tesmtp:[127.0.14.23]\n' \
    >"$ETC/mailertable"
printf 'To:sink.test\tRELAY\n' >"$ETC/access"
sed -i "s|^define(\`confBAD_RCPT_THROTTLE',\`3')dnl|&\ndefine(\`confDONT_PROBE_INTERFACES', \`True')dnl\ndefine(\`confTO_IDENT', \`0s')dnl\ndefine(\`confTLS_FALLBACK_TO_CLEAR', \`True')dnl\nFEATURE(\`mailertable')dnl\nFEATURE(\`accept_unresolvable_domains')dnl|" \
    "$ETC/sendmail.mc"
grep -q "FEATURE(\`mailertable')" "$ETC/sendmail.mc" || sm_fail "the mailertable line is not in sendmail.mc"
sm_make_cf
sm_ns /usr/libexec/sendmail/makemap hash /etc/mail/mailertable <"$ETC/mailertable" >"$T/makemap.out" 2>&1 \
    || { cat "$T/makemap.out" >&2; sm_fail "makemap could not build the mailertable"; }
sm_start "$ADDR"

# ----------------------------------------------------------------------- mail
MSGNO=0
# send SOURCE-IP HELO TLS(yes|no|tls1.0) RECIPIENTS: one message, one session.
send() {
    local ip=$1 helo=$2 tls=$3 rcpts=$4
    MSGNO=$((MSGNO + 1))
    local args=(--server "$ADDR" --local-interface "$ip" --helo "$helo"
        --from "sender$MSGNO@client.test" --to "$rcpts"
        --header "Subject: MailTLS Sendmail report message $MSGNO"
        --header "Message-Id: <msg$MSGNO@client.test>" --timeout 15)
    case $tls in
    yes) args+=(--tls) ;;
    tls1.0) args+=(--tls --tls-protocol tlsv1) ;;
    esac
    sm_ns timeout 20 swaks "${args[@]}" >"$T/swaks.$MSGNO" 2>&1 </dev/null
}
send_ok() {
    send "$@" && return 0
    sed 's/^/    swaks: /' "$T/swaks.$MSGNO"
    return 1
}

check "127.0.14.5 STARTTLS message 1 accepted" send_ok 127.0.14.5 alpha.client.test yes a1@tls.sink.test
check "127.0.14.5 STARTTLS message 2 accepted" \
    send_ok 127.0.14.5 alpha.client.test yes a2@tls.sink.test,a3@tls.sink.test
check "127.0.14.6 STARTTLS message 3 accepted" send_ok 127.0.14.6 beta.client.test yes b1@plain.sink.test
check "127.0.14.6 plaintext message 4 accepted" send_ok 127.0.14.6 beta.client.test no a4@tls.sink.test
check "127.0.14.7 plaintext message 5 accepted" \
    send_ok 127.0.14.7 gamma.client.test no b2@plain.sink.test,a5@tls.sink.test
check "127.0.14.7 plaintext message 6 accepted" send_ok 127.0.14.7 gamma.client.test no w1@weak.sink.test
if [ "$REFUSED" = 1 ]; then
    if send 127.0.14.8 delta.client.test tls1.0 a6@tls.sink.test; then
        fail "127.0.14.8 STARTTLS with TLS 1.0 only is refused"
    else
        pass "127.0.14.8 STARTTLS with TLS 1.0 only is refused"
    fi
    if send 127.0.14.9 epsilon.client.test no someone@elsewhere.test; then
        fail "127.0.14.9 relaying to elsewhere.test is refused"
    else
        check "127.0.14.9 relaying to elsewhere.test is refused" \
            grep -q '<\*\* *450 4.4.0 <someone@elsewhere.test>... Relaying temporarily denied' "$T/swaks.$MSGNO"
    fi
fi
deadline=$((SECONDS + 30))
until [ "$(grep -cE 'sm-mta\[[0-9]+\]: [0-9A-Za-z]+: to=.*stat=Sent' "$LOG")" -ge 7 ]; do
    [ "$SECONDS" -ge "$deadline" ] && { tail -n 30 "$LOG" >&2; sm_fail "Sendmail did not send seven deliveries within 30s"; }
    sleep 0.1
done
sleep 1
sm_stop

if [ -n "${MAILTLS_SAVE_LOG:-}" ]; then
    cp "$LOG" "$MAILTLS_SAVE_LOG" && printf 'saved the mail log as %s\n' "$MAILTLS_SAVE_LOG"
fi

# ------------------------------------------ what real Sendmail logged (facts)
# The expected figures rest on these; if Sendmail ever logs differently,
# these say which assumption broke.
logcount() { grep -cE -- "$1" "$LOG"; }
expect_count() {
    local what=$1 want=$2 re=$3 got
    got=$(logcount "$re")
    if [ "$got" -eq "$want" ]; then pass "$what ($want)"; else fail "$what: want $want lines matching /$re/, got $got"; fi
}
M=' sm-mta\[[0-9]+\]: '
expect_count "one from= line per accepted message" 6 \
    "${M}[0-9A-Za-z]+: from=<sender[1-6]@client\\.test>, size=[1-9][0-9]*, class=0, nrcpts=[12], .*, daemon=MTA-v4, relay=\\[127\\.0\\.14\\.[5-7]\\]$"
expect_count "from= lines of STARTTLS sessions (proto=ESMTPS)" 3 "${M}[0-9A-Za-z]+: from=<sender[1-3]@client\\.test>, .*proto=ESMTPS,"
expect_count "STARTTLS=server lines (127.0.14.5 twice, 127.0.14.6 once)" 3 \
    "${M}STARTTLS=server, relay=\\[127\\.0\\.14\\.[56]\\], version=TLSv1\\.3, verify=NOT, "
expect_count "STARTTLS=client lines to tls.sink.test (one per delivery)" 4 \
    "${M}STARTTLS=client, relay=\\[127\\.0\\.14\\.21\\], version=TLSv1\\.3, verify=FAIL, "
expect_count "tls.sink.test: four stat=Sent lines (message 2's two recipients on one)" 4 \
    "${M}[0-9A-Za-z]+: to=<a[1-5]@tls\\.sink\\.test>(,<a[23]@tls\\.sink\\.test>)?, .*relay=\\[127\\.0\\.14\\.21\\] \\[127\\.0\\.14\\.21\\], dsn=2\\.0\\.0, stat=Sent "
expect_count "plain.sink.test: two stat=Sent lines" 2 \
    "${M}[0-9A-Za-z]+: to=<b[12]@plain\\.sink\\.test>, .*relay=\\[127\\.0\\.14\\.22\\] \\[127\\.0\\.14\\.22\\], dsn=2\\.0\\.0, stat=Sent "
expect_count "weak.sink.test: the handshake fails (no shared cipher)" 1 \
    "${M}STARTTLS=client, error: connect failed=-1, reason=sslv3 alert handshake failure, "
expect_count "weak.sink.test: the tls_server ruleset line of the same failure" 1 \
    "${M}ruleset=tls_server, arg1=SOFTWARE, relay=\\[127\\.0\\.14\\.23\\], reject=454 4\\.7\\.0 TLS handshake failed\\.$"
expect_count "weak.sink.test: delivered in clear (TLSFallbacktoClear)" 1 \
    "${M}[0-9A-Za-z]+: to=<w1@weak\\.sink\\.test>, .*relay=\\[127\\.0\\.14\\.23\\] \\[127\\.0\\.14\\.23\\], dsn=2\\.0\\.0, stat=Sent "
expect_count "no other STARTTLS error" "$((1 + REFUSED))" 'STARTTLS=(client|server), error'
expect_count "nothing deferred or bounced" 0 'stat=(Deferred|Service unavailable|User unknown)'
SINKLOG=$(pf_log sink)
same "weak.sink.test: the sink saw two sessions from Sendmail (the failed handshake, then the clear one)" 2 \
    "$(grep -cE ' postfix-anon/smtpd\[[0-9]+\]: connect from ' "$SINKLOG")"

# Bytes: inbound, the size= of a source address's from= lines; outbound, the
# size= of each message sent to a sink address, once per message.
bytes() {
    awk -v dir="$1" -v ip="$2" '
        / from=<.*, size=/ {
            id = $6; s = $0; sub(/.*, size=/, "", s); sub(/,.*/, "", s)
            size[id] = s
            if (dir == "in" && index($0, "relay=[" ip "]")) sum += s
        }
        / to=<.*stat=Sent/ && dir == "out" && index($0, "relay=[" ip "] [" ip "]") && !seen[$6]++ { sum += size[$6] }
        END { print sum + 0 }' "$LOG"
}
size_of() { awk -v m="from=<$1>," 'index($0, m) { s = $0; sub(/.*, size=/, "", s); sub(/,.*/, "", s); print s }' "$LOG"; }
B5=$(bytes in 127.0.14.5)
B6=$(bytes in 127.0.14.6)
B6TLS=$(size_of sender3@client.test)
B7=$(bytes in 127.0.14.7)
B21=$(bytes out 127.0.14.21)
B22=$(bytes out 127.0.14.22)
B23=$(bytes out 127.0.14.23)
check "127.0.14.5's bytes are those of 2 small messages ($B5)" test "$B5" -gt 200 -a "$B5" -lt 4000
check "127.0.14.21's bytes are those of 4 small messages ($B21)" test "$B21" -gt 400 -a "$B21" -lt 8000

# Per row (COUNTING.md, Sendmail):
# inbound: one message per from= line of an smtp session (daemon=MTA-v4),
# encrypted iff its pid logged STARTTLS=server before it; each session one
# connection.
#   127.0.14.5  2 encrypted messages, 2 encrypted connections.
#   127.0.14.6  1 encrypted (3) and 1 plaintext (4) message, 2 connections.
#   127.0.14.7  2 plaintext messages, 2 connections.
# outbound: one message per (queue id, peer) with a stat=Sent line, encrypted
# iff its pid's connection logged STARTTLS=client for that relay.
#   127.0.14.21 4 messages (1, 2, 4, 5), all encrypted, 4 connections.
#   127.0.14.22 2 messages (3, 5) in plaintext, 2 connections. Message 3
#               arrived encrypted: that says nothing of the way out.
#   127.0.14.23 1 message (6) in clear after the failed handshake: its
#               connect failed= and ruleset=tls_server lines are 1 TLS
#               failure. Connections: 1, one per delivery, although Sendmail
#               opened two (the sink logged both); COUNTING.md's Sendmail
#               section does not say how outbound connections are counted.
# The refused sessions, as COUNTING.md's Postfix rules count them (a session
# is one connection; a message that never reached the queue is no message):
#   127.0.14.8  no message, 1 plaintext connection, 1 TLS failure.
#   127.0.14.9  no message, 1 plaintext connection.
HEADER="direction,peer,messages,encrypted_messages,plaintext_messages,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures"
EXPECTED="$HEADER
inbound,127.0.14.5,2,2,0,$B5,$B5,2,2,0
inbound,127.0.14.6,2,1,1,$B6,$B6TLS,2,1,0
inbound,127.0.14.7,2,0,2,$B7,0,2,0,0"
[ "$REFUSED" = 1 ] && EXPECTED="$EXPECTED
inbound,127.0.14.8,0,0,0,0,0,1,0,1
inbound,127.0.14.9,0,0,0,0,0,1,0,0"
EXPECTED="$EXPECTED
outbound,127.0.14.21,4,4,0,$B21,$B21,4,4,0
outbound,127.0.14.22,2,0,2,$B22,0,2,0,0
outbound,127.0.14.23,1,0,1,$B23,0,1,0,1"

# compare WHAT WANT GOT-FILE ERR-FILE RC
compare() {
    local what=$1 want=$2 got=$3 err=$4 rc=$5
    printf '%s\n' "$want" >"$T/want.csv"
    tr -d '\r' <"$got" >"$T/got.csv"
    if [ "$rc" -eq 0 ] && cmp -s "$T/want.csv" "$T/got.csv"; then
        pass "$what"
    else
        fail "$what (exit status $rc)"
        printf -- '--- expected\n+++ mailtls report\n'
        diff -u "$T/want.csv" "$T/got.csv" | tail -n +3
        [ -s "$err" ] && { printf 'stderr:\n'; sed 's/^/    /' "$err"; }
    fi
}

rc=0
"$MAILTLS" report --log "$LOG" --include-local --format csv >"$T/report.csv" 2>"$T/report.err" </dev/null || rc=$?
compare "mailtls report --include-local --format csv" "$EXPECTED" "$T/report.csv" "$T/report.err" "$rc"
rc=0
"$MAILTLS" report --log "$LOG" --format csv >"$T/nolocal.csv" 2>"$T/nolocal.err" </dev/null || rc=$?
compare "mailtls report --format csv leaves out loopback peers" "$HEADER" "$T/nolocal.csv" "$T/nolocal.err" "$rc"
rc=0
"$MAILTLS" report --log "$LOG" --format-hint sendmail --include-local --format csv \
    >"$T/hint.csv" 2>"$T/hint.err" </dev/null || rc=$?
compare "mailtls report --format-hint sendmail gives the same figures" "$EXPECTED" "$T/hint.csv" "$T/hint.err" "$rc"
rc=0
"$MAILTLS" report --log "$LOG" --format-hint exim --include-local --format csv \
    >"$T/eximhint.csv" 2>"$T/eximhint.err" </dev/null || rc=$?
compare "mailtls report --format-hint exim reads none of Sendmail's lines" "$HEADER" \
    "$T/eximhint.csv" "$T/eximhint.err" "$rc"
rc=0
"$MAILTLS" report --log "$LOG" --include-local --verbose >"$T/verbose.out" 2>&1 </dev/null || rc=$?
same "mailtls report --verbose: exit status" 0 "$rc"
check "mailtls report --verbose names the log's format: sendmail" grep -qx '  format: sendmail' "$T/verbose.out"

if [ "$FAILED" -gt 0 ]; then
    printf 'mail log:\n'
    sed 's/^/    /' "$LOG"
    printf 'report --verbose:\n'
    sed 's/^/    /' "$T/verbose.out"
fi
ck_summary
