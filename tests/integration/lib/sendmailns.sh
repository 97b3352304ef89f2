#!/bin/sh
# Runs a command where Debian's sendmail packages, unpacked beside Postfix
# (installing them would remove it), look installed: a private mount and UTS
# namespace whose /etc, /usr/share, /usr/libexec, /usr/sbin, /usr/bin,
# /var/lib, /var/spool, /run and /dev are read-only overlays of the real
# folders and a layer of ROOT's. The layer adds what Sendmail needs (its
# users smmta and smmsp, /usr/share/sendmail, /usr/libexec/sendmail,
# /usr/sbin/sendmail-mta as Debian's alternatives make it, m4) and symbolic
# links to writable folders under ROOT for the rest:
#
#   /etc/mail            -> ROOT/etc-mail        (the configuration; fill it)
#   /run/sendmail        -> ROOT/run             (mta/sendmail.pid, smcontrol)
#   /var/lib/sendmail    -> ROOT/var-lib         (status file, host status)
#   /var/spool/mqueue    -> ROOT/mqueue
#   /var/spool/mqueue-client -> ROOT/mqueue-client
#   /dev/log             -> ROOT/log.socket      (bind a syslog receiver there)
#
# /etc/resolv.conf names only 127.0.0.1 (nothing resolves off the machine),
# /etc/hosts knows mx.sendmail.test as 127.0.10.1, and the host name is
# mx.sendmail.test. Nothing outside ROOT is written.
#
#   sendmailns.sh DEBS ROOT COMMAND [ARGUMENTS...]
#
# DEBS is the folder the sendmail packages were unpacked into
# (MAILTLS_DEBS_DIR/sendmail). With SENDMAILNS_OPENSSL_CONF set, that file is
# /etc/ssl/openssl.cnf for COMMAND alone (Sendmail empties its environment,
# so OPENSSL_CONF does not reach it). Needs root, util-linux (unshare) and
# overlayfs.
set -eu

debs=${1:?usage: sendmailns.sh DEBS ROOT COMMAND...}
root=${2:?usage: sendmailns.sh DEBS ROOT COMMAND...}
shift 2
[ $# -gt 0 ] || { echo "sendmailns.sh: no command given" >&2; exit 2; }
[ -x "$debs/usr/libexec/sendmail/sendmail" ] || { echo "sendmailns.sh: no sendmail in $debs" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "sendmailns.sh: needs root" >&2; exit 1; }

layers=$root/layers
if [ ! -e "$layers/.done" ]; then
    mkdir -p "$layers/etc" "$layers/usr-share" "$layers/usr-libexec" "$layers/usr-sbin" "$layers/usr-bin" \
        "$layers/var-lib" "$layers/var-spool" "$layers/run" "$layers/dev" \
        "$root/etc-mail" "$root/run/mta" "$root/run/msp" "$root/var-lib/host_status" \
        "$root/mqueue" "$root/mqueue-client"
    # Spare uids and gids for Debian's smmta and smmsp (sendmail.cf names
    # smmta its trusted user).
    cp /etc/passwd "$layers/etc/passwd"
    cp /etc/group "$layers/etc/group"
    for user in smmta smmsp; do
        if ! grep -q "^$user:" "$layers/etc/passwd"; then
            uid=$(awk -F: 'BEGIN { u = 990 } { used[$3] = 1 } END { while (used[u]) u++; print u }' \
                "$layers/etc/passwd")
            echo "$user:x:$uid:$uid:Sendmail:/var/lib/sendmail:/usr/sbin/nologin" >>"$layers/etc/passwd"
            grep -q "^$user:" "$layers/etc/group" || echo "$user:x:$uid:" >>"$layers/etc/group"
        fi
    done
    printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$layers/etc/resolv.conf"
    printf '127.0.0.1 localhost\n127.0.10.1 mx.sendmail.test mx\n' >"$layers/etc/hosts"
    echo mx.sendmail.test >"$layers/etc/mailname"
    echo mx >"$layers/etc/hostname"
    ln -s "$root/etc-mail" "$layers/etc/mail"
    ln -s "$debs/usr/share/sendmail" "$layers/usr-share/sendmail"
    ln -s "$debs/usr/libexec/sendmail" "$layers/usr-libexec/sendmail"
    ln -s /usr/libexec/sendmail/sendmail "$layers/usr-sbin/sendmail-mta"
    ln -s "$debs/usr/sbin/sendmailconfig" "$layers/usr-sbin/sendmailconfig"
    ln -s "$debs/usr/bin/m4" "$layers/usr-bin/m4"
    ln -s "$root/var-lib" "$layers/var-lib/sendmail"
    ln -s "$root/mqueue" "$layers/var-spool/mqueue"
    ln -s "$root/mqueue-client" "$layers/var-spool/mqueue-client"
    ln -s "$root/run" "$layers/run/sendmail"
    ln -s "$root/log.socket" "$layers/dev/log"
    chmod 0755 "$root" "$root/etc-mail" "$root/run" "$root/run/mta" "$root/var-lib"
    chmod 2750 "$root/mqueue"
    touch "$layers/.done"
fi

# shellcheck disable=SC2016 # the inner sh expands its own variables
exec unshare -m -u sh -c '
    set -e
    layers=$1
    shift
    mount --make-rprivate /
    for pair in etc:/etc usr-share:/usr/share usr-libexec:/usr/libexec usr-sbin:/usr/sbin usr-bin:/usr/bin \
        var-lib:/var/lib var-spool:/var/spool run:/run dev:/dev; do
        mount -t overlay mailtls-sendmail -o "lowerdir=$layers/${pair%%:*}:${pair#*:}" "${pair#*:}"
    done
    if [ -n "${SENDMAILNS_OPENSSL_CONF:-}" ]; then
        mount --bind "$SENDMAILNS_OPENSSL_CONF" /etc/ssl/openssl.cnf
    fi
    hostname mx.sendmail.test
    exec "$@"
' sendmailns "$layers" "$@"
