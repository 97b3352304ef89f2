# shellcheck shell=bash
# Assertions for the integration tests that check many things in one run:
# each prints PASS: or FAIL: with its description, and ck_summary ends the run
# with the closing line ctest's log shows ("N passed, M failed").
#
#   check DESCRIPTION COMMAND...   passes when COMMAND succeeds
#   same DESCRIPTION EXPECTED ACTUAL
#   pass DESCRIPTION / fail DESCRIPTION
#   contains FILE TEXT / absent PATH   commands for check
#   ck_summary                     prints the counts; fails if any check failed

PASSED=0
FAILED=0

pass() {
    PASSED=$((PASSED + 1))
    printf 'PASS: %s\n' "$1"
}

fail() {
    FAILED=$((FAILED + 1))
    printf 'FAIL: %s\n' "$1"
}

check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

same() {
    if [ "$2" = "$3" ]; then
        pass "$1"
    else
        fail "$1"
        printf '  expected: %s\n  actual:   %s\n' "$2" "$3"
    fi
}

contains() { grep -qF -- "$2" "$1"; }
absent() { [ ! -e "$1" ]; }

ck_summary() {
    printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
    [ "$FAILED" -eq 0 ]
}
