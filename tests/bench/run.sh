#!/usr/bin/env bash
# MailTLS benchmarks (./dev.sh bench runs this after building).
#
#   tests/bench/run.sh BUILD_DIR
#
# Generates a realistic 1,000,000-line log of the same site and the same mix of
# traffic as each MTA writes it — Postfix's mail.log, Sendmail's mail.log and
# Exim's main log (mailtls_loggen --format postfix|sendmail|exim) — in a
# temporary folder and measures, on each file:
#   1. parse+correlate: mailtls_bench (LogReader, the line parsers, the
#      assemblers), best of three runs, on one thread and then as the importer
#      reads, with the parsing spread over the cores;
#   2. import: `mailtls import --db TMP/bench.sqlite FILE` into a new database;
#   3. report: `mailtls report --log FILE --format csv`;
#   4. the tool a user would otherwise run on that log, for comparison:
#      pflogsumm (Postfix), sma (Sendmail), eximstats (Exim);
# then prints lines per second, peak memory, CPU seconds and the ratios against
# the other tool. Builds nothing. Environment: MAILTLS_BENCH_LINES (default
# 1000000), MAILTLS_BENCH_SEED (default 1), MAILTLS_BENCH_FORMATS (default
# "postfix sendmail exim"), MAILTLS_BENCH_EXIMSTATS (eximstats when it is not in
# BUILD_DIR/debs/exim or on PATH), MAILTLS_BENCH_STRICT=1 to exit 1 when a
# target is missed.
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
formats="${MAILTLS_BENCH_FORMATS:-postfix sendmail exim}"

for exe in "$gen" "$bench" "$app"; do
    if [ ! -x "$exe" ]; then
        echo "run.sh: $exe is missing: build the project in $build first" >&2
        exit 1
    fi
done
for format in $formats; do
    case $format in
    postfix | sendmail | exim) ;;
    *)
        echo "run.sh: MAILTLS_BENCH_FORMATS: postfix, sendmail or exim, not '$format'" >&2
        exit 2
        ;;
    esac
done
gnutime=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    gnutime=/usr/bin/time
fi

# The reference tool of each MTA. pflogsumm is required, as it always was;
# Debian's Sendmail and Exim tools are used when they are there.
reference_name() {
    case $1 in
    postfix) echo pflogsumm ;;
    sendmail) echo sma ;;
    exim) echo eximstats ;;
    esac
}
eximstats=""
for candidate in "${MAILTLS_BENCH_EXIMSTATS:-}" "$build/debs/exim/usr/sbin/eximstats" "$(command -v eximstats || true)"; do
    if [ -n "$candidate" ] && [ -f "$candidate" ]; then
        eximstats=$candidate
        break
    fi
done
reference_command() {
    case $1 in
    postfix) command -v pflogsumm >/dev/null && echo pflogsumm ;;
    sendmail) command -v sma >/dev/null && echo sma ;;
    exim) [ -n "$eximstats" ] && command -v perl >/dev/null && echo "perl $eximstats" ;;
    esac
    return 0
}
reference_missing() {
    case $1 in
    postfix) echo "pflogsumm is not installed (apt-get install pflogsumm)" ;;
    sendmail) echo "sma is not installed (apt-get install sma): no Sendmail reference" ;;
    exim) echo "eximstats not found (exim4-base; ctest's debian_packages fixture unpacks it into $build/debs/exim): no Exim reference" ;;
    esac
}
case " $formats " in
*" postfix "*)
    if [ -z "$(reference_command postfix)" ]; then
        echo "run.sh: $(reference_missing postfix)" >&2
        exit 1
    fi
    ;;
esac

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mailtls-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The generated stamps are UTC; so is every reading of them.
export TZ=UTC LC_ALL=C

say() { printf '%s\n' "$*" >&2; }

# Runs a command; writes "SECONDS PEAK_KIB CPU_SECONDS" (peak and CPU 0 when
# unknown) to $1.
measure() {
    local out="$1"
    shift
    if [ -n "$gnutime" ]; then
        "$gnutime" -f '%e %M %U %S' -o "$out.raw" "$@"
        awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out.raw" >"$out"
    else
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f 0 0\n", e - s }' >"$out"
    fi
}

value() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
missed=0
summary="$tmp/summary.txt"
: >"$summary"

bench_format() {
    local format=$1
    local log="$tmp/$format.log"
    say "== $format"
    say "Generating $lines lines (seed $seed, --format $format)"
    measure "$tmp/gen.time" "$gen" --lines "$lines" --seed "$seed" --format "$format" >"$log"
    local gen_s size_mb
    read -r gen_s _ <"$tmp/gen.time"
    size_mb=$(awk -v b="$(stat -c %s "$log")" 'BEGIN { printf "%.0f", b / 1048576 }')
    say "  $size_mb MiB in ${gen_s} s"
    cat "$log" >/dev/null   # all of them read it from the page cache

    # mailtls_bench times the best of three itself; its CPU seconds are the three runs' over three.
    say "Parse+correlate on one thread (mailtls_bench --one-thread, best of 3)"
    measure "$tmp/one.time" "$bench" --one-thread --repeat 3 "$log" >"$tmp/one.out"
    local one_out one_s one_lps one_kib one_cpu
    one_out="$(cat "$tmp/one.out")"
    one_s="$(value "$one_out" seconds)"
    one_lps="$(value "$one_out" lines_per_second)"
    one_kib="$(value "$one_out" peak_rss_kib)"
    one_cpu=$(awk '{ printf "%.2f", $3 / 3 }' "$tmp/one.time")
    say "  $one_out"
    say "Parse+correlate on $(nproc) cores (mailtls_bench, best of 3)"
    measure "$tmp/par.time" "$bench" --repeat 3 "$log" >"$tmp/par.out"
    local par_out par_s par_lps par_kib par_cpu
    par_out="$(cat "$tmp/par.out")"
    par_s="$(value "$par_out" seconds)"
    par_lps="$(value "$par_out" lines_per_second)"
    par_kib="$(value "$par_out" peak_rss_kib)"
    par_cpu=$(awk '{ printf "%.2f", $3 / 3 }' "$tmp/par.time")
    say "  $par_out"

    say "Import into SQLite (mailtls import)"
    rm -f "$tmp/bench.sqlite"
    if ! measure "$tmp/import.time" "$app" import --db "$tmp/bench.sqlite" "$log" >"$tmp/import.out" 2>"$tmp/import.err"; then
        say "run.sh: mailtls import failed:"
        sed 's/^/  /' "$tmp/import.err" >&2
        exit 1
    fi
    local import_s import_kib import_cpu db_mb
    read -r import_s import_kib import_cpu <"$tmp/import.time"
    db_mb=$(awk -v b="$(stat -c %s "$tmp/bench.sqlite")" 'BEGIN { printf "%.0f", b / 1048576 }')
    rm -f "$tmp/bench.sqlite"
    say "  ${import_s} s, database $db_mb MiB"

    say "Report (mailtls report --log FILE --format csv)"
    if ! measure "$tmp/report.time" "$app" report --log "$log" --format csv >"$tmp/report.csv" 2>"$tmp/report.err"; then
        say "run.sh: mailtls report failed:"
        sed 's/^/  /' "$tmp/report.err" >&2
        exit 1
    fi
    local report_s report_kib report_cpu messages
    read -r report_s report_kib report_cpu <"$tmp/report.time"
    messages=$(awk -F, 'NR > 1 { m[$1] += $3 } END { printf "inbound %d, submission %d, outbound %d", m["inbound"], m["submission"], m["outbound"] }' "$tmp/report.csv")
    say "  ${report_s} s: messages $messages"

    local ref_name ref_cmd ref_s=0 ref_kib=0 ref_cpu=0
    ref_name=$(reference_name "$format")
    ref_cmd=$(reference_command "$format")
    if [ -n "$ref_cmd" ]; then
        say "$ref_name"
        # shellcheck disable=SC2086 # "perl FILE" is two words
        measure "$tmp/ref.time" $ref_cmd "$log" >/dev/null 2>"$tmp/ref.err"
        read -r ref_s ref_kib ref_cpu <"$tmp/ref.time"
        say "  ${ref_s} s"
    else
        say "$(reference_missing "$format")"
    fi

    local status=0
    awk -v format="$format" -v lines="$lines" -v cores="$(nproc)" -v size_mb="$size_mb" -v messages="$messages" \
        -v one_s="$one_s" -v one_lps="$one_lps" -v one_kib="$one_kib" -v one_cpu="$one_cpu" \
        -v par_s="$par_s" -v par_lps="$par_lps" -v par_kib="$par_kib" -v par_cpu="$par_cpu" \
        -v import_s="$import_s" -v import_kib="$import_kib" -v import_cpu="$import_cpu" \
        -v report_s="$report_s" -v report_kib="$report_kib" -v report_cpu="$report_cpu" \
        -v ref_name="$ref_name" -v ref_s="$ref_s" -v ref_kib="$ref_kib" -v ref_cpu="$ref_cpu" '
function rate(s) { return s > 0 ? lines / s : 0 }
function mb(kib) { return kib > 0 ? sprintf("%.0f MB", kib * 1024 / 1e6) : "n/a" }
function ratio(a, b) { return a > 0 ? b / a : 0 }
function verdict(ok) { if (!ok) missed = 1; return ok ? "ok" : "MISSED" }
function row(stage, s, lps, kib, cpu, target, result) {
    printf "%-30s %8.2f %12.0f %9s %8.2f   %-24s %s\n", stage, s, lps, mb(kib), cpu, target, result
}
function more(target, result) { printf "%-30s %8s %12s %9s %8s   %-24s %s\n", "", "", "", "", "", target, result }
BEGIN {
    missed = 0
    printf "\nMailTLS benchmark, %s, %d lines (%s MiB; messages: %s), %d cores\n\n", format, lines, size_mb, messages, cores
    printf "%-30s %8s %12s %9s %8s   %-24s %s\n", "stage", "seconds", "lines/s", "peak mem", "CPU s", "target", "result"
    printf "%-30s %8s %12s %9s %8s   %-24s %s\n", "------------------------------", "-------", "-------", "--------", "-----", "------", "------"
    row("parse+correlate, one thread", one_s, one_lps, one_kib, one_cpu, ">= 1,000,000 lines/s", verdict(one_lps >= 1000000))
    more("< 150 MB", verdict(one_kib * 1024 < 150e6))
    row("parse+correlate, all cores", par_s, par_lps, par_kib, par_cpu, "< 150 MB", verdict(par_kib * 1024 < 150e6))
    row("import into SQLite", import_s, rate(import_s), import_kib, import_cpu, ">= 300,000 lines/s", verdict(rate(import_s) >= 300000))
    more("< 150 MB", verdict(import_kib * 1024 < 150e6))
    row("report --log (CSV)", report_s, rate(report_s), report_kib, report_cpu, "", "")
    if (ref_s > 0) {
        row(ref_name, ref_s, rate(ref_s), ref_kib, ref_cpu, "(reference)", "")
        printf "\n%-38s %8s %8s   %-24s %s\n", "speed-up", "wall", "CPU", "target", "result"
        printf "%-38s %7.1fx %7.1fx   %-24s %s\n", "parse+correlate vs " ref_name, ratio(par_s, ref_s), ratio(par_cpu, ref_cpu), ">= 20x", verdict(ratio(par_s, ref_s) >= 20)
        printf "%-38s %7.1fx %7.1fx\n", "  on one thread", ratio(one_s, ref_s), ratio(one_cpu, ref_cpu)
        printf "%-38s %7.1fx %7.1fx\n", "import vs " ref_name, ratio(import_s, ref_s), ratio(import_cpu, ref_cpu)
        printf "%-38s %7.1fx %7.1fx\n", "report vs " ref_name, ratio(report_s, ref_s), ratio(report_cpu, ref_cpu)
    } else {
        printf "\n(no reference tool for %s on this machine)\n", format
    }
    exit missed ? 3 : 0
}' >>"$summary" || status=$?
    if [ "$status" -eq 3 ]; then
        missed=1
    elif [ "$status" -ne 0 ]; then
        exit "$status"
    fi
    rm -f "$log"
}

for format in $formats; do
    bench_format "$format"
done
cat "$summary"
if [ "${MAILTLS_BENCH_STRICT:-0}" = 1 ] && [ "$missed" -eq 1 ]; then
    exit 1
fi
exit 0
