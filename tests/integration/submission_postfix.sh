#!/bin/bash
# submission_postfix.sh [ADDR]: a private Postfix on ADDR (default
# 127.0.18.1; each test that runs one has an address of its own, so they may
# run at once) that takes letters as a submission server, for the campaign
# letter tests (tst_submissionpostfix, tst_campaignletterscommand):
#
#   ADDR:2587  STARTTLS required (smtpd_tls_security_level = encrypt)
#   ADDR:2588  no STARTTLS at all (smtpd_tls_security_level = none)
#   ADDR:2465  TLS from the first byte (smtpd_tls_wrappermode = yes)
#
# and delivers every letter for example.test or beispiel.test into one mbox,
# $T/mail/all. Its certificate (CN submission.ours.example) is its own: a
# client trusts it by the SHA-256 digest of its public key.
#
# On standard output, once everything listens:
#   READY
#   fingerprint <SHA-256 of the certificate's public key, hex with colons>
#   mailbox <path>
#   log <path>
# It runs until its standard input ends, then stops Postfix by its PID and
# removes $T. Runs as root (Postfix's master needs it).
#
# submission_postfix.sh ADDR auth: also
#
#   ADDR:2589  STARTTLS, then AUTH PLAIN/LOGIN required (user anna, password
#              "s3cret pass"), through Dovecot's auth service as Postfix's
#              SASL backend
#
# Dovecot is Debian's dovecot-core unpacked in $MAILTLS_DEBS_DIR/dovecot (the
# debian_packages fixture), made to appear under /usr inside a private mount
# namespace with a private /etc/passwd that has its users, as
# tests/integration/lib/dovecot.sh does; nothing outside changes.
set -eu
ADDR=${1:-127.0.18.1}
AUTH=${2:-}
if [ "$AUTH" = auth ] && [ "${SUB_NAMESPACE:-}" != 1 ]; then
    [ -x "${MAILTLS_DEBS_DIR:-}/dovecot/usr/sbin/dovecot" ] \
        || { printf 'FATAL: Debian'"'"'s dovecot-core is not unpacked in %s/dovecot (ctest -R debian_packages)\n' "${MAILTLS_DEBS_DIR:-MAILTLS_DEBS_DIR}" >&2; exit 1; }
    SUB_NAMESPACE=1 exec unshare -m --propagation private bash "$0" "$@"
fi
case $ADDR in
127.0.18.*) ;;
*) printf 'FATAL: %s is not one of the letter tests'"'"' addresses (127.0.18.x)\n' "$ADDR" >&2; exit 2 ;;
esac

. "$(dirname "${BASH_SOURCE[0]}")/lib/postfix.sh"

pf_init
pf_make_cert "$T/submission" submission.ours.example
pf_instance sub submission.ours.example
mkdir -p "$T/mail"
chown 65534:65534 "$T/mail"
pf_set sub \
    "smtpd_tls_cert_file = $T/submission.crt" \
    "smtpd_tls_key_file = $T/submission.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_loglevel = 1" \
    "virtual_mailbox_domains = example.test beispiel.test" \
    "virtual_mailbox_base = $T/mail" \
    "virtual_mailbox_maps = static:all" \
    "virtual_uid_maps = static:65534" \
    "virtual_gid_maps = static:65534"
pf_listen sub "$ADDR:2587" -o syslog_name=postfix/submission -o smtpd_tls_security_level=encrypt
pf_listen sub "$ADDR:2588" -o syslog_name=postfix/plain -o smtpd_tls_security_level=none
pf_listen sub "$ADDR:2465" -o syslog_name=postfix/submissions -o smtpd_tls_wrappermode=yes
if [ "$AUTH" = auth ]; then
    core=$MAILTLS_DEBS_DIR/dovecot
    mount -t overlay overlay -o "lowerdir=$core/usr/lib:/usr/lib" /usr/lib \
        && mount -t overlay overlay -o "lowerdir=$core/usr/bin:/usr/bin" /usr/bin \
        && mount -t overlay overlay -o "lowerdir=$core/usr/sbin:/usr/sbin" /usr/sbin \
        || pf_fail "cannot mount Dovecot's overlays on /usr/lib, /usr/bin and /usr/sbin"
    cp /etc/passwd "$T/passwd" && cp /etc/group "$T/group"
    for user in dovecot:61011 dovenull:61012; do
        grep -q "^${user%:*}:" "$T/passwd" \
            || printf '%s:x:%s:%s::/nonexistent:/usr/sbin/nologin\n' "${user%:*}" "${user#*:}" "${user#*:}" >>"$T/passwd"
        grep -q "^${user%:*}:" "$T/group" || printf '%s:x:%s:\n' "${user%:*}" "${user#*:}" >>"$T/group"
    done
    mount --bind "$T/passwd" /etc/passwd && mount --bind "$T/group" /etc/group \
        || pf_fail "cannot bind-mount the private /etc/passwd and /etc/group"
    mkdir -p "$T/dovecot/run" "$T/dovecot/state"
    printf 'anna:{PLAIN}s3cret pass\n' >"$T/dovecot/users"
    cat >"$T/dovecot/dovecot.conf" <<CONF
protocols = none
base_dir = $T/dovecot/run
state_dir = $T/dovecot/state
log_path = $T/dovecot/dovecot.log
ssl = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $T/dovecot/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=/nonexistent
}
service auth {
  unix_listener $T/dovecot/auth {
    mode = 0666
  }
}
CONF
    # In the foreground, so that its PID is known (and stopped at exit) at once.
    dovecot -F -c "$T/dovecot/dovecot.conf" >"$T/dovecot/start.out" 2>&1 &
    pf_register_pid $!
    deadline=$((SECONDS + 15))
    until [ -S "$T/dovecot/auth" ]; do
        [ "$SECONDS" -ge "$deadline" ] && { cat "$T/dovecot/start.out" "$T/dovecot/dovecot.log" >&2; pf_fail "Dovecot's auth socket did not appear"; }
        sleep 0.1
    done
    pf_listen sub "$ADDR:2589" -o syslog_name=postfix/auth -o smtpd_tls_security_level=encrypt \
        -o smtpd_sasl_auth_enable=yes -o smtpd_sasl_type=dovecot -o "smtpd_sasl_path=$T/dovecot/auth" \
        -o smtpd_tls_auth_only=yes -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
fi
pf_start sub

printf 'READY\n'
printf 'fingerprint %s\n' "$(openssl x509 -in "$T/submission.crt" -noout -pubkey | openssl pkey -pubin -outform der \
    | openssl dgst -sha256 -c | sed 's/^[^=]*= *//')"
printf 'mailbox %s\n' "$T/mail/all"
printf 'log %s\n' "$(pf_log sub)"

cat >/dev/null || true
