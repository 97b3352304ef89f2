#!/usr/bin/env bash
# `cpack -G DEB` makes an installable package with the program, its desktop
# file, AppStream metadata and icon, all of which validate.
set -euo pipefail
build="$1"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi; }

check "desktop file validates" "desktop-file-validate '$src/installer/io.github.mailtls.MailTLS.desktop'"
check "metainfo validates" "appstreamcli validate --no-net --pedantic '$src/installer/io.github.mailtls.MailTLS.metainfo.xml' >/dev/null || appstreamcli validate --no-net '$src/installer/io.github.mailtls.MailTLS.metainfo.xml'"

t="$(mktemp -d)"
trap 'rm -rf "$t"' EXIT
(cd "$build" && cpack -G DEB -B "$t" >"$t/cpack.log" 2>&1) || { cat "$t/cpack.log"; echo "0 passed, 1 failed"; exit 1; }
deb="$(ls "$t"/*.deb | head -1)"
check "package built" "[ -f '$deb' ]"
contents="$(dpkg-deb -c "$deb")"
for f in ./usr/bin/mailtls ./usr/share/applications/io.github.mailtls.MailTLS.desktop \
         ./usr/share/metainfo/io.github.mailtls.MailTLS.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.mailtls.MailTLS.svg \
         ./usr/lib/mailtls/libmailtls_models.so ./usr/lib/mailtls/libmailtls_widgets.so; do
    check "package holds $f" "grep -q ' $f\$' <<<\"\$contents\""
done
check "package declares its dependencies" "dpkg-deb -f '$deb' Depends | grep -q libqt6core6"
# Installing it into a scratch root proves the archive unpacks and the program
# runs, finding its own libraries through its RPATH.
dpkg-deb -x "$deb" "$t/root"
check "packaged program runs" "[ \"\$('$t/root/usr/bin/mailtls' --version)\" = 'mailtls $(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$src/CMakeLists.txt")' ]"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
