#!/usr/bin/env bash
# MailTLS benchmarks (./dev.sh bench runs this after building).
#
#   tests/bench/run.sh BUILD_DIR
#
# Generates a realistic 1,000,000-line Postfix log in a temporary folder and
# measures, on that one file:
#   1. parse+correlate: mailtls_bench (LogReader, LinePrefixParser, PostfixParser,
#      SessionAssembler), best of three runs, on one thread and then as the importer
#      reads, with the parsing spread over the cores;
#   2. import: `mailtls import --db TMP/bench.sqlite FILE` into a new database;
#   3. pflogsumm on the same file, for comparison;
# then prints lines per second, peak memory and the ratios against pflogsumm.
# Builds nothing. Environment: MAILTLS_BENCH_LINES (default 1000000),
# MAILTLS_BENCH_SEED (default 1), MAILTLS_BENCH_STRICT=1 to exit 1 when a target is missed.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build="$(cd "$1" && pwd)"
gen="$build/tests/bench/mailtls_loggen"
bench="$build/tests/bench/mailtls_bench"
app="$build/app/mailtls"
lines="${MAILTLS_BENCH_LINES:-1000000}"
seed="${MAILTLS_BENCH_SEED:-1}"

for exe in "$gen" "$bench" "$app"; do
    if [ ! -x "$exe" ]; then
        echo "run.sh: $exe is missing: build the project in $build first" >&2
        exit 1
    fi
done
if ! command -v pflogsumm >/dev/null; then
    echo "run.sh: pflogsumm is not installed (apt-get install pflogsumm)" >&2
    exit 1
fi
gnutime=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    gnutime=/usr/bin/time
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mailtls-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
log="$tmp/mail.log"

# The generated stamps are UTC; so is every reading of them.
export TZ=UTC LC_ALL=C

say() { printf '%s\n' "$*" >&2; }

# Runs a command; writes "SECONDS PEAK_KIB" (peak 0 when unknown) to $1.
measure() {
    local out="$1"
    shift
    if [ -n "$gnutime" ]; then
        "$gnutime" -f '%e %M' -o "$out" "$@"
    else
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f 0\n", e - s }' >"$out"
    fi
}

say "Generating $lines lines (seed $seed)"
measure "$tmp/gen.time" "$gen" --lines "$lines" --seed "$seed" >"$log"
read -r gen_s _ <"$tmp/gen.time"
size_mb=$(awk -v b="$(stat -c %s "$log")" 'BEGIN { printf "%.0f", b / 1048576 }')
say "  $size_mb MiB in ${gen_s} s"
cat "$log" >/dev/null   # all three read it from the page cache

value() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
say "Parse+correlate on one thread (mailtls_bench --one-thread, best of 3)"
one_out="$("$bench" --one-thread --repeat 3 "$log")"
one_s="$(value "$one_out" seconds)"
one_lps="$(value "$one_out" lines_per_second)"
one_rss_kib="$(value "$one_out" peak_rss_kib)"
say "  $one_out"
say "Parse+correlate on $(nproc) cores (mailtls_bench, best of 3)"
par_out="$("$bench" --repeat 3 "$log")"
par_s="$(value "$par_out" seconds)"
par_lps="$(value "$par_out" lines_per_second)"
par_rss_kib="$(value "$par_out" peak_rss_kib)"
say "  $par_out"

say "Import into SQLite (mailtls import)"
rm -f "$tmp/bench.sqlite"
if ! measure "$tmp/import.time" "$app" import --db "$tmp/bench.sqlite" "$log" >"$tmp/import.out" 2>"$tmp/import.err"; then
    say "run.sh: mailtls import failed:"
    sed 's/^/  /' "$tmp/import.err" >&2
    exit 1
fi
read -r import_s import_rss_kib <"$tmp/import.time"
db_mb=$(awk -v b="$(stat -c %s "$tmp/bench.sqlite")" 'BEGIN { printf "%.0f", b / 1048576 }')
say "  ${import_s} s, database $db_mb MiB"

say "pflogsumm"
measure "$tmp/pflogsumm.time" pflogsumm "$log" >/dev/null 2>"$tmp/pflogsumm.err"
read -r pflogsumm_s pflogsumm_rss_kib <"$tmp/pflogsumm.time"
say "  ${pflogsumm_s} s"

awk -v lines="$lines" -v cores="$(nproc)" \
    -v one_s="$one_s" -v one_lps="$one_lps" -v one_kib="$one_rss_kib" \
    -v par_s="$par_s" -v par_lps="$par_lps" -v par_kib="$par_rss_kib" \
    -v import_s="$import_s" -v import_kib="$import_rss_kib" \
    -v pf_s="$pflogsumm_s" -v pf_kib="$pflogsumm_rss_kib" \
    -v strict="${MAILTLS_BENCH_STRICT:-0}" '
function rate(s) { return s > 0 ? lines / s : 0 }
function mb(kib) { return kib > 0 ? sprintf("%.0f MB", kib * 1024 / 1e6) : "n/a" }
function ratio(a, b) { return a > 0 ? b / a : 0 }
function verdict(ok) { if (!ok) missed = 1; return ok ? "ok" : "MISSED" }
function row(stage, s, lps, kib, target, result) {
    printf "%-30s %9.2f %12.0f %9s   %-24s %s\n", stage, s, lps, mb(kib), target, result
}
function more(target, result) { printf "%-30s %9s %12s %9s   %-24s %s\n", "", "", "", "", target, result }
BEGIN {
    missed = 0
    printf "\nMailTLS benchmark, %d lines, %d cores\n\n", lines, cores
    printf "%-30s %9s %12s %9s   %-24s %s\n", "stage", "seconds", "lines/s", "peak mem", "target", "result"
    printf "%-30s %9s %12s %9s   %-24s %s\n", "------------------------------", "-------", "-------", "--------", "------", "------"
    row("parse+correlate, one thread", one_s, one_lps, one_kib, ">= 1,000,000 lines/s", verdict(one_lps >= 1000000))
    more("< 150 MB", verdict(one_kib * 1024 < 150e6))
    row("parse+correlate, all cores", par_s, par_lps, par_kib, "< 150 MB", verdict(par_kib * 1024 < 150e6))
    row("import into SQLite", import_s, rate(import_s), import_kib, ">= 300,000 lines/s", verdict(rate(import_s) >= 300000))
    more("< 150 MB", verdict(import_kib * 1024 < 150e6))
    row("pflogsumm", pf_s, rate(pf_s), pf_kib, "(reference)", "")
    printf "\n%-30s %8.1fx   %-24s %s\n", "parse+correlate vs pflogsumm", ratio(par_s, pf_s), ">= 20x", verdict(ratio(par_s, pf_s) >= 20)
    printf "%-30s %8.1fx\n", "  on one thread", ratio(one_s, pf_s)
    printf "%-30s %8.1fx\n", "import vs pflogsumm", ratio(import_s, pf_s)
    exit (strict == "1" && missed) ? 1 : 0
}'
