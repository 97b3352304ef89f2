#!/usr/bin/env bash
# Checks that a generated log parses completely: `mailtls report` must give
# exactly the figures the generator counted while writing it.
#
#   check_loggen_figures.sh LOGGEN MAILTLS FORMAT [LINES] [SEED]
#
# FORMAT is postfix, sendmail or exim (mailtls_loggen --format). The log
# (LINES lines, default 20000, seed SEED, default 42) is reported with
# `mailtls report --log FILE --format csv` and compared, row for row, with
# `mailtls_loggen --expect`. Besides, `--verbose` must name the MTA as the
# log's format and find no line of the MTA's own programs it did not
# recognise, and the expected figures must hold what the benchmark relies on
# (inbound, outbound and submission rows, encrypted and plaintext messages,
# TLS failures both ways), so that an empty or one-sided log cannot pass.
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 LOGGEN MAILTLS FORMAT [LINES] [SEED]" >&2
    exit 2
fi
loggen=$1
mailtls=$2
format=$3
lines=${4:-20000}
seed=${5:-42}
export TZ=UTC LC_ALL=C

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'ok     %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAILED %s\n' "$1"; }
check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mailtls-loggen-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

case $format in
postfix) programs='postfix/[a-z/-]+' ;;
sendmail) programs='sm-mta|sendmail|sm-msp-queue' ;;
exim) programs='exim' ;;
*)
    echo "$0: FORMAT is postfix, sendmail or exim, not '$format'" >&2
    exit 2
    ;;
esac

if ! "$loggen" --lines "$lines" --seed "$seed" --format "$format" >"$tmp/mail.log" 2>"$tmp/gen.err" \
    || ! "$loggen" --lines "$lines" --seed "$seed" --format "$format" --expect >"$tmp/expected.csv" 2>>"$tmp/gen.err"; then
    fail "mailtls_loggen --format $format: $(head -c 300 "$tmp/gen.err")"
    printf '%d passed, %d failed\n' "$passed" "$failed"
    exit 1
fi
check "the $format log has exactly $lines lines" test "$(wc -l <"$tmp/mail.log")" -eq "$lines"

if "$mailtls" report --log "$tmp/mail.log" --format csv >"$tmp/report.csv" 2>"$tmp/report.err" </dev/null; then
    if cmp -s "$tmp/expected.csv" "$tmp/report.csv"; then
        pass "mailtls report gives the generator's figures, row for row ($(($(wc -l <"$tmp/expected.csv") - 1)) rows)"
    else
        fail "mailtls report differs from the generator's figures (- generator, + report):"
        diff -u "$tmp/expected.csv" "$tmp/report.csv" | tail -n +3 | head -n 40
    fi
else
    fail "mailtls report failed: $(head -c 300 "$tmp/report.err")"
fi

"$mailtls" report --log "$tmp/mail.log" --verbose >/dev/null 2>"$tmp/verbose.err" </dev/null
check "mailtls report --verbose names the format '$format'" grep -qx "  format: $format" "$tmp/verbose.err"
if grep -qE "^  unrecognised lines of ($programs): " "$tmp/verbose.err"; then
    fail "every line of $format's own programs is recognised: $(grep -E "^  unrecognised lines of ($programs): " "$tmp/verbose.err" | tr '\n' ' ')"
else
    pass "every line of $format's own programs is recognised"
fi

# Columns: direction,peer,messages,encrypted_messages,plaintext_messages,bytes,
# encrypted_bytes,connections,encrypted_connections,tls_failures
sum() { awk -F, -v d="$1" -v c="$2" 'NR > 1 && $1 == d { s += $c } END { print s + 0 }' "$tmp/expected.csv"; }
for direction in inbound outbound submission; do
    check "the log has $direction messages ($(sum "$direction" 3))" test "$(sum "$direction" 3)" -gt 0
done
for direction in inbound outbound; do
    check "$direction: encrypted ($(sum "$direction" 4)) and plaintext ($(sum "$direction" 5)) messages" \
        test "$(sum "$direction" 4)" -gt 0 -a "$(sum "$direction" 5)" -gt 0
    check "$direction: TLS failures ($(sum "$direction" 10))" test "$(sum "$direction" 10)" -gt 0
done

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
