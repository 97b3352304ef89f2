#!/bin/bash
# campaign_postfix.sh ADDR: a private Postfix on ADDR:25 (127.0.19.x, the
# campaign GUI tests' range) offering STARTTLS with a certificate of its own,
# and an atd to run a window's revert job, for tst_campaignpostfix: the start
# dialog and the banner's End Now against a real Postfix.
#
# On standard output, once Postfix listens:
#   READY
#   configdir <the instance's configuration folder>
# It runs until its standard input ends, then stops Postfix (and the atd it
# started; one that ran already is left alone) and removes $T. Runs as root.
set -eu
ADDR=${1:-127.0.19.20}
case $ADDR in
127.0.19.*) ;;
*) printf 'FATAL: %s is not one of the campaign GUI tests'"'"' addresses (127.0.19.x)\n' "$ADDR" >&2; exit 2 ;;
esac

. "$(dirname "${BASH_SOURCE[0]}")/lib/postfix.sh"

pf_init
pf_make_cert "$T/mx" mx.gui.test
pf_instance gui mx.gui.test
pf_set gui \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_cert_file = $T/mx.crt" \
    "smtpd_tls_key_file = $T/mx.key" \
    "smtpd_tls_loglevel = 1"
pf_listen gui "$ADDR:25" -o syslog_name=postfix-gui
pf_start gui

pf_ensure_atd

printf 'READY\n'
printf 'configdir %s\n' "$(pf_dir gui)"

cat >/dev/null || true
