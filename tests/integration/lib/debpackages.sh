#!/bin/bash
# Unpacks Debian packages that cannot be installed beside Postfix (Exim and
# Sendmail would replace it) or that tests need only as files (Dovecot's
# configuration and doveconf), into one folder per set, without installing
# anything: `apt-get download` into a cache, then `dpkg -x`.
#
#   debpackages.sh DEST
#
# DEST/exim      exim4-daemon-light exim4-base exim4-config
# DEST/sendmail  sendmail-bin sendmail-base sendmail-cf m4
# DEST/dovecot   dovecot-core
# DEST/cache     the downloaded .deb files (kept: a second run downloads nothing)
#
# A set is unpacked again only when its package list changes. Exit status 1
# with the reason when a package cannot be had.
set -euo pipefail

dest=${1:?usage: debpackages.sh DEST}
mkdir -p "$dest/cache"

declare -A sets=(
    [exim]="exim4-daemon-light exim4-base exim4-config"
    [sendmail]="sendmail-bin sendmail-base sendmail-cf m4"
    [dovecot]="dovecot-core"
)

updated=no
download() {
    local pkg=$1
    if compgen -G "$dest/cache/${pkg}_*.deb" >/dev/null; then
        return 0
    fi
    if (cd "$dest/cache" && apt-get download -qq "$pkg" >/dev/null 2>&1); then
        return 0
    fi
    if [ "$updated" = no ] && [ "$(id -u)" = 0 ]; then
        updated=yes
        apt-get update -qq >/dev/null 2>&1 || true
        (cd "$dest/cache" && apt-get download -qq "$pkg" >/dev/null 2>&1) && return 0
    fi
    echo "debpackages.sh: cannot download the Debian package $pkg (apt-get download $pkg failed)" >&2
    return 1
}

for name in "${!sets[@]}"; do
    list=${sets[$name]}
    if [ -f "$dest/$name/.packages" ] && [ "$(cat "$dest/$name/.packages")" = "$list" ]; then
        continue
    fi
    for pkg in $list; do
        download "$pkg"
    done
    rm -rf "$dest/$name.new"
    mkdir -p "$dest/$name.new"
    for pkg in $list; do
        deb=$(ls "$dest/cache/${pkg}"_*.deb | head -n 1)
        dpkg -x "$deb" "$dest/$name.new"
    done
    echo "$list" >"$dest/$name.new/.packages"
    rm -rf "$dest/$name"
    mv "$dest/$name.new" "$dest/$name"
done
