#!/usr/bin/env bash
# `mailtls probe` against a real Postfix on loopback in several configurations,
# with its MX, TXT and A records from a loopback dnsmasq and an MTA-STS policy
# from a loopback HTTPS server: the exact findings, verdicts, measured DH
# groups, TLS versions and sessions used, for each test domain.
#
#   bash tests/integration/test_probe_postfix.sh /path/to/mailtls
#
# The fixture (tests/integration/lib/probefixture.sh has the whole table):
#
#   plain.test     mx.plain.test   127.0.4.1:25  no STARTTLS
#   good.test      mx.good.test    127.0.4.2:25  STARTTLS, TLS 1.2-1.3, MTA-STS (enforce) and TLS-RPT
#   logjam.test    mx.logjam.test  127.0.4.3:25  DHE only, RFC 2409 Oakley group 2 (1024 bits, shared)
#   dh1024.test    mx.dh1024.test  127.0.4.4:25  DHE only, a 1024-bit prime of its own
#   old.test       mx.old.test     127.0.4.5:25  TLS 1.0 to 1.3
#   implicit.test  (no MX)         127.0.4.6:25  as good.test, found through its A record
#   nullmx.test    MX 0 "."                      takes no mail
#
# First the fixture itself is checked with openssl s_client (so a failure
# below is the probe's, not the fixture's), then each domain is probed alone:
# `mailtls probe --json --dns-server 127.0.4.53 --ca-file CA DOMAIN`. Session
# counts are checked against Postfix's own log ("connect from" lines of the
# listener), and dnsmasq's log must show no name outside the test zones.
# MAILTLS_KEEP_TMP=1 keeps the run's folder (reports, logs) for a post-mortem.
#
# Needs (Debian): jq, and what lib/postfix.sh and lib/probefixture.sh need
# (postfix, openssl, dnsmasq-base, util-linux). Runs as root.

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
if [ -z "$MAILTLS" ] || [ ! -x "$MAILTLS" ]; then
    pf_fail "the mailtls binary is missing: '$MAILTLS' (usage: $0 /path/to/mailtls)"
fi
export LC_ALL=C

pf_init
px_start

# ------------------------------------------------------------ fixture facts
# starttls ADDRESS SERVERNAME S_CLIENT-OPTIONS...: one STARTTLS handshake.
starttls() {
    local addr=$1 name=$2
    shift 2
    pf_loopback_dns timeout 10 openssl s_client -starttls smtp -connect "$addr:25" \
        -servername "$name" -CAfile "$PX_CA" -verify_hostname "$name" "$@" </dev/null 2>&1
}
# says ADDRESS NAME REGEX S_CLIENT-OPTIONS...: s_client's output matches REGEX.
says() {
    local addr=$1 name=$2 re=$3
    shift 3
    starttls "$addr" "$name" "$@" | grep -qE -- "$re"
}
LOW='DEFAULT:@SECLEVEL=0'

check "fixture: mx.plain.test offers no STARTTLS" \
    says "${PX_ADDR[plain]}" mx.plain.test "Didn't find STARTTLS"
check "fixture: mx.good.test gives TLS 1.3 with X25519 and a certificate valid for its name" \
    says "${PX_ADDR[good]}" mx.good.test 'Server Temp Key: X25519' -verify_return_error
check "fixture: mx.good.test refuses TLS 1.1" \
    says "${PX_ADDR[good]}" mx.good.test 'Cipher is \(NONE\)' -tls1_1 -cipher "$LOW"
same "fixture: the Oakley group 2 file holds the RFC 2409 prime" \
    "$PX_OAKLEY2_PRIME" "$(px_dh_prime "$T/pki/oakley2.pem")"
check "fixture: mx.logjam.test offers a 1024-bit DH group" \
    says "${PX_ADDR[logjam]}" mx.logjam.test 'Server Temp Key: DH, 1024 bits' -cipher "$LOW"
check "fixture: mx.logjam.test refuses TLS 1.3" \
    says "${PX_ADDR[logjam]}" mx.logjam.test 'Cipher is \(NONE\)' -tls1_3
check "fixture: mx.dh1024.test offers a 1024-bit DH group" \
    says "${PX_ADDR[dh1024]}" mx.dh1024.test 'Server Temp Key: DH, 1024 bits' -cipher "$LOW"
UNIQUE_PRIME=$(px_dh_prime "$T/pki/dh1024.pem")
check "fixture: mx.dh1024.test's prime is not Oakley group 2" test "$UNIQUE_PRIME" != "$PX_OAKLEY2_PRIME"
check "fixture: mx.old.test accepts TLS 1.0" \
    says "${PX_ADDR[old]}" mx.old.test 'Protocol *: TLSv1$' -tls1 -cipher "$LOW"
check "fixture: mx.old.test accepts TLS 1.1" \
    says "${PX_ADDR[old]}" mx.old.test 'Protocol *: TLSv1\.1$' -tls1_1 -cipher "$LOW"

# ------------------------------------------------------------------- probes
# probe NAME TARGET...: runs the probe, keeps its exit status in RC[NAME], its
# report in $T/NAME.json, its wall time in SECS[NAME], and the lines Postfix
# logged meanwhile in $T/NAME.postfix.log.
declare -A RC=() SECS=()
POSTFIX_LOG=$(pf_log "$PX_INSTANCE")
probe() {
    local name=$1 before start end
    shift
    before=$(wc -l <"$POSTFIX_LOG")
    start=$(date +%s%N)
    px_probe "$T/$name.json" "$T/$name.err" --timeout 10 "$@"
    RC[$name]=$?
    end=$(date +%s%N)
    SECS[$name]=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
    pf_wait_log_quiet "$PX_INSTANCE"
    tail -n +$((before + 1)) "$POSTFIX_LOG" >"$T/$name.postfix.log"
    printf 'probe %s: exit status %s, %s s\n' "$*" "${RC[$name]}" "${SECS[$name]}"
    if ! jq -e '.reports | type == "array"' "$T/$name.json" >/dev/null 2>&1; then
        printf '  no JSON report; stderr:\n'
        sed 's/^/    /' "$T/$name.err"
        printf '{"reports": []}\n' >"$T/$name.json"
    fi
}

# The fixture checks' lines are in the log before the first probe starts.
pf_wait_log_quiet "$PX_INSTANCE"

# q NAME FILTER: jq -c FILTER on NAME's first report.
q() { jq -c ".reports[0] | $2" "$T/$1.json"; }
# is NAME DESCRIPTION FILTER EXPECTED: FILTER on NAME's first report gives
# EXPECTED (compact JSON).
is() { same "$1: $2" "$4" "$(q "$1" "$3")"; }
# has NAME DESCRIPTION FILTER: FILTER on NAME's first report is true.
has() { check "$1: $2" jq_true ".reports[0] | $3" "$T/$1.json"; }
jq_true() { jq -e "$@" >/dev/null; }
# session NAME PROFILE: a filter for NAME's session of that profile.
session() { printf '.addresses[0].sessions[] | select(.profile == "%s")' "$2"; }
# accepted NAME: the TLS versions the listener accepted, from every session
# that completed a handshake.
ACCEPTED='[.addresses[].sessions[] | select(.tls.established) | .tls.protocol] | unique'
# dh_prime NAME: the DHE-only session's prime, upper-case hex.
dh_prime() {
    q "$1" "$(session "$1" dhe-only) | .tls.dhPrime" | tr -d '"' | base64 -d | od -An -tx1 -v | tr -d ' \n' | tr 'a-f' 'A-F'
}
# listener_log NAME LISTENER REGEX: lines of that listener's smtpd in NAME's
# slice of the Postfix log that match REGEX.
listener_log() { grep -cE " postfix-$2/smtpd\[[0-9]+\]: $3" "$T/$1.postfix.log"; }

# common NAME LISTENER EXIT VERDICT SESSIONS 'code:severity ...': what every
# domain's report must say. The findings are compared as a sorted list.
common() {
    local name=$1 listener=$2 rc=$3 verdict=$4 sessions=$5 findings=$6 want
    same "$name: exit status" "$rc" "${RC[$name]}"
    same "$name: one report, for the domain" "[{\"kind\":\"domain\",\"name\":\"$name\",\"port\":25}]" \
        "$(jq -c '[.reports[].target]' "$T/$name.json")"
    is "$name" "verdict" .verdict "\"$verdict\""
    want=$(tr ' ' '\n' <<<"$findings" | sort | jq -Rsc 'split("\n") | map(select(. != ""))')
    is "$name" "findings (code:severity)" '[.findings[] | .code + ":" + .severity] | sort' "$want"
    is "$name" "sessions used" .sessionsUsed "$sessions"
    is "$name" "sessions reported" '[.addresses[].sessions[]] | length' "$sessions"
    check "$name: at most 10 sessions per address" \
        jq_true '.reports[0].addresses | all(.sessions | length <= 10)' "$T/$name.json"
    [ -n "$listener" ] || return 0
    same "$name: SMTP sessions in Postfix's log (connect from)" "$sessions" \
        "$(listener_log "$name" "$listener" 'connect from ')"
    same "$name: sessions that reached QUIT said QUIT (quit=1 in Postfix's log)" \
        "$(q "$name" '[.addresses[].sessions[] | select(.stoppedAt == "quit")] | length')" \
        "$(listener_log "$name" "$listener" 'disconnect from .* quit=1 ')"
    is "$name" "every session completed" '[.addresses[].sessions[].outcome] | unique' '["completed"]'
}
ALL_PROFILES='["default","dhe-only","tls1.0","tls1.1","tls1.2","tls1.3"]'

for domain in plain.test good.test logjam.test dh1024.test old.test implicit.test nullmx.test; do
    probe "$domain" "$domain"
done

# plain.test: no STARTTLS at all.
D=plain.test
common $D plain 1 no-tls 1 "no-starttls:high mta-sts-absent:info tls-rpt-absent:info"
is $D "MX hosts" '.mx.hosts | map([.name, .preference, .addresses])' '[["mx.plain.test",10,["127.0.4.1"]]]'
is $D "host verdicts" '.hostVerdicts' '[{"address":"127.0.4.1","mxName":"mx.plain.test","verdict":"no-tls"}]'
is $D "banner" '.addresses[0].sessions[0].banner[0]' '"mx.plain.test ESMTP Postfix"'
is $D "STARTTLS advertised, tried" '.addresses[0].sessions[0] | [.startTlsAdvertised, .tlsAttempted]' '[false,false]'
has $D "no-starttls quotes the EHLO reply" \
    '.findings[] | select(.code == "no-starttls") | .evidence | startswith("250-mx.plain.test\n") and (test("STARTTLS") | not)'

# good.test: STARTTLS, TLS 1.2 and 1.3, MTA-STS in enforce mode, TLS-RPT.
D=good.test
common $D good 0 good 6 "dhe-ok:info mta-sts-enforce:info tls-rpt:info"
is $D "MX hosts" '.mx.hosts | map([.name, .preference, .addresses])' '[["mx.good.test",10,["127.0.4.2"]]]'
is $D "host verdicts" '.hostVerdicts' '[{"address":"127.0.4.2","mxName":"mx.good.test","verdict":"good"}]'
is $D "profiles probed" '[.addresses[0].sessions[].profile] | sort' "$ALL_PROFILES"
is $D "default handshake: version, key exchange, group" \
    "$(session $D default) | [.tls.established, .tls.protocol, .tls.keyExchange, .tls.group]" '[true,"TLSv1.3","ECDHE","X25519"]'
is $D "certificate verified against the test CA, valid for the MX name" \
    "$(session $D default) | [.tls.certificateVerified, .tls.nameMatches, .tls.chain[0].subjectAltNames]" \
    '[true,true,["mx.good.test"]]'
is $D "DH measured: Postfix's default group" \
    "$(session $D dhe-only) | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]" '[true,"DHE",2048,"modp_2048"]'
has $D "dhe-ok names RFC 3526 group 14" \
    '.findings[] | select(.code == "dhe-ok") | .evidence | startswith("2048 bits, RFC 3526 MODP group 14")'
is $D "TLS versions accepted" "$ACCEPTED" '["TLSv1.2","TLSv1.3"]'
is $D "TLS 1.0 and 1.1 refused by the server" \
    '[.addresses[0].sessions[] | select(.profile == "tls1.0" or .profile == "tls1.1") | [.tls.established, (.tls.error | test("protocol version"))]]' \
    '[[false,true],[false,true]]'
is $D "MTA-STS record and policy" \
    '.mtaSts | [.recordFound, .id, .policyFetched, .policyError, .policyUrl, .mode, .mxPatterns, .maxAge, .mxNotCovered]' \
    '[true,"20260301T000000",true,"","https://mta-sts.good.test/.well-known/mta-sts.txt","enforce",["mx.good.test"],86400,[]]'
is $D "TLS-RPT" '.tlsRpt | [.recordFound, .reportUris, .error]' '[true,["mailto:tlsrpt@good.test"],""]'

# logjam.test: DHE only, with the shared 1024-bit Oakley group 2.
D=logjam.test
common $D logjam 1 weak 6 \
    "dh-weak:critical starttls-failed:high mta-sts-absent:info no-tls13:info tls-rpt-absent:info"
is $D "host verdicts" '.hostVerdicts' '[{"address":"127.0.4.3","mxName":"mx.logjam.test","verdict":"weak"}]'
is $D "DH measured: 1024 bits, no named group" \
    "$(session $D dhe-only) | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits, .tls.group]" '[true,"DHE",1024,""]'
same "$D: the measured prime is RFC 2409 Oakley group 2" "$PX_OAKLEY2_PRIME" "$(dh_prime $D)"
has $D "dh-weak names the shared group" \
    '.findings[] | select(.code == "dh-weak") | (.evidence | startswith("1024 bits, RFC 2409 Oakley group 2")) and (.title | test("shared by many servers"))'
has $D "a default client refuses the group (dh key too small)" \
    "$(session $D default) | (.tls.established | not) and (.tls.error | test(\"dh key too small\"))"
is $D "TLS versions accepted" "$ACCEPTED" '["TLSv1.2"]'

# dh1024.test: DHE only, a 1024-bit prime of its own.
D=dh1024.test
common $D dh1024 1 weak 6 \
    "dh-weak:high starttls-failed:high mta-sts-absent:info no-tls13:info tls-rpt-absent:info"
is $D "DH measured: 1024 bits" \
    "$(session $D dhe-only) | [.tls.established, .tls.keyExchange, .tls.keyExchangeBits]" '[true,"DHE",1024]'
same "$D: the measured prime is the listener's own" "$UNIQUE_PRIME" "$(dh_prime $D)"
has $D "dh-weak says the group is the server's own" \
    '.findings[] | select(.code == "dh-weak") | (.evidence | startswith("1024 bits, a group of its own")) and (.title | test("shared") | not)'
is $D "TLS versions accepted" "$ACCEPTED" '["TLSv1.2"]'

# old.test: TLS 1.0 to 1.3.
D=old.test
common $D old 1 weak 6 "old-protocols:medium dhe-ok:info mta-sts-absent:info tls-rpt-absent:info"
is $D "TLS versions accepted" "$ACCEPTED" '["TLSv1","TLSv1.1","TLSv1.2","TLSv1.3"]'
is $D "each version's own session" \
    '[.addresses[0].sessions[] | select(.profile | startswith("tls1.")) | [.profile, .tls.protocol]] | sort' \
    '[["tls1.0","TLSv1"],["tls1.1","TLSv1.1"],["tls1.2","TLSv1.2"],["tls1.3","TLSv1.3"]]'
is $D "old-protocols names TLS 1.0 and 1.1" '.findings[] | select(.code == "old-protocols") | .title' \
    '"Old TLS versions accepted: TLS 1.0, TLS 1.1"'

# implicit.test: no MX record; its own A record takes its mail.
D=implicit.test
common $D implicit 0 good 6 "implicit-mx:info dhe-ok:info mta-sts-absent:info tls-rpt-absent:info"
is $D "implicit MX from the A record" '.mx | [.implicitMx, .nullMx, (.hosts | map([.name, .addresses]))]' \
    '[true,false,[["implicit.test",["127.0.4.6"]]]]'
is $D "certificate valid for the domain's own name" \
    "$(session $D default) | [.tls.established, .tls.certificateVerified, .tls.nameMatches]" '[true,true,true]'

# nullmx.test: "MX 0 ." takes no mail; nothing is connected to.
D=nullmx.test
common $D "" 1 unreachable 0 "null-mx:info"
is $D "null MX" '.mx | [.nullMx, .hosts, .error]' '[true,[],""]'
is $D "no address probed" '.addresses' '[]'

# Two domains in one run: reports in the order given; exit status 1 when any
# domain has findings above info.
probe pair good.test logjam.test
same "good.test + logjam.test: exit status" 1 "${RC[pair]}"
same "good.test + logjam.test: reports in the order given, with their verdicts" '[["good.test","good"],["logjam.test","weak"]]' \
    "$(jq -c '[.reports[] | [.target.name, .verdict]]' "$T/pair.json")"
probe pair-good good.test implicit.test
same "good.test + implicit.test: exit status" 0 "${RC[pair-good]}"

# ------------------------------------------------------------ no stray DNS
same "every name looked up was a .test name, through dnsmasq" "" "$(px_stray_queries)"
check "dnsmasq was asked at all (its log is read)" grep -q ' query\[MX\] good.test ' "$T/dnsmasq.log"

if [ "$FAILED" -gt 0 ]; then
    for f in "$T"/*.json; do
        printf -- '--- %s\n' "$(basename "$f")"
        jq -c '.reports[] | {verdict, sessionsUsed, findings: [.findings[] | [.code, .severity, .evidence]]}' "$f" 2>/dev/null
    done
fi
ck_summary
