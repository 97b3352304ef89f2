#!/usr/bin/env bash
# The STARTTLS probe beside testssl.sh, on the same loopback Postfix in the same run.
#
#   tests/bench/probebench.sh BUILD_DIR
#
# Starts the probe fixture of the integration tests (tests/integration/lib/
# probefixture.sh: one private Postfix, dnsmasq, an MTA-STS server, all on
# 127.0.4.0/24) and measures, for two of its listeners (mx.logjam.test,
# 127.0.4.3:25: DHE only with the 1024-bit RFC 2409 Oakley group 2; mx.good.test,
# 127.0.4.2:25: TLS 1.2 and 1.3 with Postfix's default groups):
#   1. `mailtls probe --json DOMAIN` (MX, MTA-STS and TLS-RPT look-ups included),
#      best of MAILTLS_PROBEBENCH_RUNS runs (default 3);
#   2. `testssl --starttls smtp -p -f` (protocols and forward secrecy: the
#      narrowest testssl.sh run that reports both the DH group and the TLS
#      versions accepted);
#   3. `testssl --starttls smtp` with no test options: its full default run.
# Each row gives the wall time, the SMTP sessions the listener saw (its
# "connect from" lines in Postfix's log), the DH group size and the TLS versions
# each tool reports, then checks that both tools agree on those, and prints a
# markdown table for the README. Exits 1 when they disagree or a tool fails.
#
# testssl.sh runs inside a private mount namespace whose /etc/resolv.conf names
# 127.0.0.1, with NXCONNECT=127.0.0.1:0 and --nodns none: it never looks a name
# up off this machine. It is given an OpenSSL at security level 0 (a wrapper
# that sets OPENSSL_CONF; testssl.sh clears OPENSSL_CONF itself): its bundled
# OpenSSL has no security levels, while Debian's refuses the 1024-bit group
# ("dh key too small") and testssl.sh then cannot connect at all.
#
# Needs (Debian): testssl.sh, jq, and what tests/integration/lib/postfix.sh and
# probefixture.sh need (postfix, openssl, dnsmasq-base, util-linux). Runs as root.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build="$(cd "$1" && pwd)"
MAILTLS="$build/app/mailtls"
runs="${MAILTLS_PROBEBENCH_RUNS:-3}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LIB="$HERE/../integration/lib"
# shellcheck source-path=SCRIPTDIR/../integration source=lib/postfix.sh
. "$LIB/postfix.sh"
# shellcheck source-path=SCRIPTDIR/../integration source=lib/probefixture.sh
. "$LIB/probefixture.sh"

[ -x "$MAILTLS" ] || pf_fail "$MAILTLS is missing: build the project in $build first"
for tool in testssl jq; do
    command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (apt-get install testssl.sh jq)"
done
export LC_ALL=C

pf_init
px_start

say() { printf '%s\n' "$*" >&2; }

# An OpenSSL for testssl.sh at security level 0 (see the top).
printf 'openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n[sys]\nCipherString = DEFAULT:@SECLEVEL=0\n' \
    >"$T/openssl-seclevel0.cnf"
printf '#!/bin/sh\nOPENSSL_CONF=%s exec %s "$@"\n' "$T/openssl-seclevel0.cnf" "$(command -v openssl)" \
    >"$T/openssl-seclevel0"
chmod 0755 "$T/openssl-seclevel0"

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }

# sessions_since LISTENER BEFORE: connections the listener had since BEFORE.
sessions_since() {
    pf_wait_log_quiet "$PX_INSTANCE"
    echo $(($(px_sessions "$1") - $2))
}

# Rows: tool|listener label|seconds|sessions|dh bits|dh group|protocols
ROWS=()
NOTES=()
FAILED=0

# probe_row LISTENER DOMAIN: the best of $runs probes (sessions of that run).
probe_row() {
    local listener=$1 domain=$2 i before start end s best="" best_sessions="" out rc
    for i in $(seq 1 "$runs"); do
        before=$(px_sessions "$listener")
        out="$T/probe-$domain-$i.json"
        start=$(now)
        px_probe "$out" "$T/probe-$domain-$i.err" "$domain"
        rc=$?
        end=$(now)
        if [ "$rc" -gt 1 ] || ! jq -e . "$out" >/dev/null 2>&1; then
            say "mailtls probe $domain failed (exit status $rc):"
            sed 's/^/  /' "$T/probe-$domain-$i.err" >&2
            FAILED=1
            return
        fi
        s=$(elapsed "$start" "$end")
        local n
        n=$(sessions_since "$listener" "$before")
        say "  mailtls probe $domain: run $i: ${s} s, $n sessions"
        if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$s
            best_sessions=$n
            cp "$out" "$T/probe-$domain.json"
        fi
    done
    local bits group protocols report='.reports[0]'
    bits=$(jq -r "$report | [.addresses[].sessions[] | select(.profile == \"dhe-only\") | .tls.keyExchangeBits] | first // 0" \
        "$T/probe-$domain.json")
    # "1024 bits, RFC 2409 Oakley group 2 (RFC 2409), shared by many servers; TLSv1.2 with …"
    group=$(jq -r "$report | [.findings[] | select(.code == \"dh-weak\" or .code == \"dhe-ok\") | .evidence] | first // \"\"
        | sub(\"^[0-9]+ bits, \"; \"\") | sub(\" [(].*\"; \"\") | sub(\";.*\"; \"\")" "$T/probe-$domain.json")
    # Every handshake that completed, whatever its profile, shows a version
    # the server accepts.
    protocols=$(jq -r "$report | [.addresses[].sessions[] | select(.tls.established) | .tls.protocol] | unique | join(\" \")" \
        "$T/probe-$domain.json")
    ROWS+=("mailtls probe|$LABEL|$best|$best_sessions|$bits|$group|$protocols")
    local own
    own=$(jq -r "$report | [.addresses[].sessions[].elapsedMs] | add // 0" "$T/probe-$domain.json")
    NOTES+=("mailtls probe on $LABEL: its $best_sessions sessions took $own ms together (each session's elapsedMs); the rest of its $best s is the spacing between two sessions to one address (ProbeOptions::hostSpacingMs), DNS, MTA-STS and start-up.")
}

# testssl_row LISTENER LABEL ARGS...: one testssl.sh run on the listener.
testssl_row() {
    local listener=$1 label=$2 before start end s n json out
    shift 2
    json="$T/testssl-$listener-${label// /_}.json"
    out="$T/testssl-$listener-${label// /_}.out"
    before=$(px_sessions "$listener")
    start=$(now)
    NXCONNECT=127.0.0.1:0 pf_loopback_dns testssl --openssl="$T/openssl-seclevel0" \
        --quiet --color 0 --nodns none --warnings batch --starttls smtp \
        --jsonfile "$json" "$@" "${PX_ADDR[$listener]}:25" >"$out" 2>&1 </dev/null
    end=$(now)
    s=$(elapsed "$start" "$end")
    n=$(sessions_since "$listener" "$before")
    if ! jq -e 'map(select(.id == "TLS1_2")) | length == 1' "$json" >/dev/null 2>&1; then
        say "testssl $label on $listener gave no protocol results:"
        tail -n 20 "$out" >&2
        FAILED=1
        return
    fi
    say "  testssl $label on $listener: ${s} s, $n sessions"
    local bits group protocols
    # "DH group offered:  RFC2409/Oakley Group 2 (1024 bits)"
    group=$(sed -n 's/^ *DH group offered: *//p' "$out" | head -n 1 | sed 's/ *$//')
    bits=$(printf '%s\n' "$group" | sed -n 's/.*(\([0-9]*\) bits).*/\1/p')
    group=${group% (*}
    protocols=$(jq -r 'map(select((.id | test("^TLS1(_[123])?$")) and (.finding | startswith("offered"))) | .id)
        | map({"TLS1": "TLSv1", "TLS1_1": "TLSv1.1", "TLS1_2": "TLSv1.2", "TLS1_3": "TLSv1.3"}[.]) | unique | join(" ")' "$json")
    ROWS+=("testssl.sh $label|$LABEL|$s|$n|${bits:-0}|$group|$protocols")
}

for pair in logjam:logjam.test good:good.test; do
    listener=${pair%%:*}
    domain=${pair#*:}
    LABEL="mx.$domain (${PX_ADDR[$listener]}:25)"
    say "== $LABEL"
    probe_row "$listener" "$domain"
    testssl_row "$listener" "-p -f" -p -f
    testssl_row "$listener" "full run"
done

# The table, with each testssl.sh row's time and sessions over the probe's on
# the same listener, and whether the verdicts agree.
printf '%s\n' "${ROWS[@]}" | awk -F'|' -v failed="$FAILED" '
{
    tool[NR] = $1; lst[NR] = $2; sec[NR] = $3; ses[NR] = $4; bits[NR] = $5; grp[NR] = $6; prot[NR] = $7
    if ($1 == "mailtls probe") { psec[$2] = $3; pses[$2] = $4; pbits[$2] = $5; pprot[$2] = $7 }
}
END {
    printf "| tool | listener | wall time | SMTP sessions | DH group | TLS versions accepted | time / probe | sessions / probe |\n"
    printf "|---|---|---|---|---|---|---|---|\n"
    bad = failed
    for (i = 1; i <= NR; i++) {
        l = lst[i]
        if (tool[i] == "mailtls probe") {
            tr = "1×"; sr = "1×"
        } else {
            tr = psec[l] > 0 ? sprintf("%.0f×", sec[i] / psec[l]) : "n/a"
            sr = pses[l] > 0 ? sprintf("%.0f×", ses[i] / pses[l]) : "n/a"
            if (bits[i] != pbits[l] || prot[i] != pprot[l]) {
                bad = 1
                printf "DISAGREE on %s: %s says %s bits, %s; mailtls probe says %s bits, %s\n", \
                    l, tool[i], bits[i], prot[i], pbits[l], pprot[l] > "/dev/stderr"
            }
        }
        g = bits[i] > 0 ? bits[i] " bits" : "none"
        if (grp[i] != "") g = g " (" grp[i] ")"
        printf "| %s | %s | %.2f s | %d | %s | %s | %s | %s |\n", tool[i], l, sec[i], ses[i], g, prot[i], tr, sr
    }
    if (!bad) printf "\nBoth tools report the same DH group size and the same TLS versions on every listener.\n"
    exit bad
}'
status=$?
printf '\n'
printf '%s\n' "${NOTES[@]}"
exit "$status"
