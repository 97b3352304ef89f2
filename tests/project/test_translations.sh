#!/usr/bin/env bash
# Every user-visible string is in translations/mailtls_de.ts and translated:
# lupdate over the sources must find nothing new and nothing unfinished.
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
t="$(mktemp -d)"
trap 'rm -rf "$t"' EXIT
cp "$src/translations/mailtls_de.ts" "$t/mailtls_de.ts"
"$lupdate" -I "$src" -no-obsolete -locations none -silent \
    "$src/models" "$src/widgets" "$src/app" -ts "$t/mailtls_de.ts" >/dev/null
pass=0 fail=0
if diff -u "$src/translations/mailtls_de.ts" "$t/mailtls_de.ts" >"$t/diff"; then
    pass=$((pass + 1))
else
    echo "translations/mailtls_de.ts is out of date with the sources (run lupdate and translate):"
    head -60 "$t/diff"
    fail=$((fail + 1))
fi
unfinished=$(grep -c 'type="unfinished"' "$t/mailtls_de.ts" || true)
if [ "$unfinished" -eq 0 ]; then
    pass=$((pass + 1))
else
    echo "$unfinished strings are not translated into German:"
    grep -B3 'type="unfinished"' "$t/mailtls_de.ts" | grep '<source>' | head -20
    fail=$((fail + 1))
fi
messages=$(grep -c '<message' "$t/mailtls_de.ts" || true)
if [ "$messages" -gt 0 ]; then pass=$((pass + 1)); else echo "no messages found"; fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
