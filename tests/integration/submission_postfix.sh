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
# client trusts it by its SHA-256 fingerprint.
#
# On standard output, once everything listens:
#   READY
#   fingerprint <SHA-256, hex with colons>
#   mailbox <path>
#   log <path>
# It runs until its standard input ends, then stops Postfix by its PID and
# removes $T. Runs as root (Postfix's master needs it).
set -eu
ADDR=${1:-127.0.18.1}
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
pf_start sub

printf 'READY\n'
printf 'fingerprint %s\n' "$(openssl x509 -in "$T/submission.crt" -noout -fingerprint -sha256 | sed 's/^[^=]*=//')"
printf 'mailbox %s\n' "$T/mail/all"
printf 'log %s\n' "$(pf_log sub)"

cat >/dev/null || true
