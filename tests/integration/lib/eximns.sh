#!/bin/sh
# Runs a command where Debian's exim4 packages, unpacked beside Postfix (they
# cannot be installed with it), look installed: a private mount and UTS
# namespace whose /etc, /usr/sbin, /usr/lib, /var/lib, /var/spool, /var/log
# and /run are read-only overlays of the real folders and a layer of ROOT's.
# The layer adds what Exim needs (its user Debian-exim, /usr/sbin/exim4,
# update-exim4.conf, /etc/init.d/exim4, /usr/lib/exim4/exim4) and symbolic
# links to writable folders under ROOT for the rest:
#
#   /etc/exim4        -> ROOT/etc-exim4         (the configuration; fill it)
#   /var/lib/exim4    -> ROOT/var-lib-exim4     (update-exim4.conf's output)
#   /var/spool/exim4  -> ROOT/spool             (owned by Debian-exim)
#   /var/log/exim4    -> ROOT/log               (owned by Debian-exim)
#   /run/exim4        -> ROOT/run               (the daemon's PID file)
#
# /etc/resolv.conf names only 127.0.0.1 (nothing resolves off the machine),
# /etc/hosts knows mx.exim.test as 127.0.9.1, and the host name is
# mx.exim.test. Nothing outside ROOT is written.
#
#   eximns.sh DEBS ROOT COMMAND [ARGUMENTS...]
#
# DEBS is the folder the exim4 packages were unpacked into
# (MAILTLS_DEBS_DIR/exim). Needs root, util-linux (unshare) and overlayfs.
set -eu

debs=${1:?usage: eximns.sh DEBS ROOT COMMAND...}
root=${2:?usage: eximns.sh DEBS ROOT COMMAND...}
shift 2
[ $# -gt 0 ] || { echo "eximns.sh: no command given" >&2; exit 2; }
[ -x "$debs/usr/sbin/exim4" ] || { echo "eximns.sh: no exim4 in $debs" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "eximns.sh: needs root" >&2; exit 1; }

layers=$root/layers
if [ ! -e "$layers/.done" ]; then
    mkdir -p "$layers/etc/init.d" "$layers/usr-sbin" "$layers/usr-lib/exim4" "$layers/var-lib" \
        "$layers/var-spool" "$layers/var-log" "$layers/run" \
        "$root/etc-exim4" "$root/var-lib-exim4" "$root/spool" "$root/log" "$root/run"
    # A spare uid and gid for Debian-exim: compiled into Debian's exim, it
    # must exist and must not be root.
    uid=$(awk -F: 'BEGIN { u = 990 } { used[$3] = 1 } END { while (used[u]) u++; print u }' /etc/passwd)
    gid=$(awk -F: 'BEGIN { g = 990 } { used[$3] = 1 } END { while (used[g]) g++; print g }' /etc/group)
    cp /etc/passwd "$layers/etc/passwd"
    cp /etc/group "$layers/etc/group"
    grep -q '^Debian-exim:' /etc/passwd \
        || echo "Debian-exim:x:$uid:$gid::/var/spool/exim4:/usr/sbin/nologin" >>"$layers/etc/passwd"
    grep -q '^Debian-exim:' /etc/group || echo "Debian-exim:x:$gid:" >>"$layers/etc/group"
    uid=$(awk -F: '$1 == "Debian-exim" { print $3 }' "$layers/etc/passwd")
    gid=$(awk -F: '$1 == "Debian-exim" { print $4 }' "$layers/etc/passwd")
    printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$layers/etc/resolv.conf"
    printf '127.0.0.1 localhost\n127.0.9.1 mx.exim.test mx\n' >"$layers/etc/hosts"
    echo mx.exim.test >"$layers/etc/mailname"
    echo mx >"$layers/etc/hostname"
    cp "$debs/etc/init.d/exim4" "$layers/etc/init.d/exim4"
    ln -s "$root/etc-exim4" "$layers/etc/exim4"
    ln -s "$debs/usr/sbin/exim4" "$layers/usr-sbin/exim4"
    ln -s "$debs/usr/sbin/update-exim4.conf" "$layers/usr-sbin/update-exim4.conf"
    ln -s /usr/sbin/exim4 "$layers/usr-lib/exim4/exim4"
    ln -s "$root/var-lib-exim4" "$layers/var-lib/exim4"
    ln -s "$root/spool" "$layers/var-spool/exim4"
    ln -s "$root/log" "$layers/var-log/exim4"
    ln -s "$root/run" "$layers/run/exim4"
    chown "$uid:$gid" "$root/spool" "$root/log" "$root/run"
    chmod 0750 "$root/spool" "$root/log" "$root/run"
    touch "$layers/.done"
fi

# shellcheck disable=SC2016 # the inner sh expands its own variables
exec unshare -m -u sh -c '
    set -e
    layers=$1
    shift
    mount --make-rprivate /
    for pair in etc:/etc usr-sbin:/usr/sbin usr-lib:/usr/lib var-lib:/var/lib var-spool:/var/spool \
        var-log:/var/log run:/run; do
        mount -t overlay mailtls-exim -o "lowerdir=$layers/${pair%%:*}:${pair#*:}" "${pair#*:}"
    done
    hostname mx.exim.test
    exec "$@"
' eximns "$layers" "$@"
