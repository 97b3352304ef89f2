# shellcheck shell=bash
# A real Sendmail (Debian 12's sendmail 8.17.1.9, unpacked beside Postfix) for
# integration tests: everything runs inside sendmailns.sh's private mount
# namespace, where the packages look installed and /etc/mail, /run/sendmail,
# /var/lib/sendmail and the queues are folders under $SM_ROOT.
#
# Source this file from a bash test script, then call sm_init once. An EXIT
# trap stops the daemon and the syslog receiver by their PIDs and removes $T
# (MAILTLS_KEEP_TMP=1 keeps it). Needs MAILTLS_DEBS_DIR (ctest's
# debian_packages fixture sets it), root, util-linux (unshare), overlayfs,
# openssl, perl.
#
#   sm_ns CMD ARGS...         run CMD in the namespace
#   sm_debian_config ADDR     /etc/mail as Debian's packages and update_tls
#                             leave it, the daemons on ADDR, the generated
#                             tls/starttls.m4 included
#   sm_make_cf                sendmail.cf from sendmail.mc as Debian's
#                             /etc/mail/Makefile builds it
#   sm_start ADDR / sm_stop   the daemon as Debian's init script starts it;
#                             stop by PID
#   sm_pid                    the daemon's PID, from its PID file
#   sm_wait_log REGEX TIMEOUT wait for a line of the mail log ($SM_LOG)
#   sm_listening ADDR PORT    something listens there (from /proc/net/tcp)

# shellcheck source-path=SCRIPTDIR source=process.sh
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

SM_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SM_PID=
SM_SYSLOG_PID=
SM_T_OWNED=0

sm_say() { printf '%s\n' "$*" >&2; }

sm_fail() {
    printf 'FATAL: %s\n' "$*" >&2
    exit 1
}

sm_init() {
    [ "$(id -u)" -eq 0 ] || sm_fail "this test must run as root (Sendmail's daemon and the mount namespace need it)"
    local tool
    for tool in unshare mount openssl perl awk timeout; do
        command -v "$tool" >/dev/null 2>&1 || sm_fail "'$tool' is not installed"
    done
    [ -n "${MAILTLS_DEBS_DIR:-}" ] || sm_fail "MAILTLS_DEBS_DIR is not set (run through ctest, which unpacks the packages)"
    SM_DEBS=$MAILTLS_DEBS_DIR/sendmail
    [ -x "$SM_DEBS/usr/libexec/sendmail/sendmail" ] \
        || sm_fail "Debian's sendmail is not unpacked in $SM_DEBS (ctest -R debian_packages)"
    T=$(mktemp -d /tmp/mailtls-it.XXXXXX) || sm_fail "cannot create a temporary folder"
    SM_T_OWNED=1
    chmod 0755 "$T"
    SM_ROOT=$T/ns
    SM_LOG=$SM_ROOT/maillog
    mkdir -p "$SM_ROOT"
    trap sm_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    sm_ns true || sm_fail "sendmailns.sh cannot make the namespace"
    sm_start_syslog
}

sm_cleanup() {
    local status=$?
    sm_stop
    if [ -n "$SM_SYSLOG_PID" ]; then
        proc_stop 5 "$SM_SYSLOG_PID"
        SM_SYSLOG_PID=
    fi
    if [ "$SM_T_OWNED" = 1 ] && [ -n "${T:-}" ]; then
        if [ "${MAILTLS_KEEP_TMP:-}" = 1 ]; then
            sm_say "kept $T"
        else
            rm -rf "$T"
        fi
    fi
    exit "$status"
}

sm_ns() {
    sh "$SM_LIB/sendmailns.sh" "$SM_DEBS" "$SM_ROOT" "$@"
}

# Sendmail logs through syslog only: a receiver on the namespace's /dev/log
# (a link to $SM_ROOT/log.socket) writes each message as a syslog line would
# read ("Nov 30 05:05:06 mx sm-mta[19980]: …") to $SM_LOG.
sm_start_syslog() {
    rm -f "$SM_ROOT/log.socket"
    : >"$SM_LOG"
    # shellcheck disable=SC2016 # Perl's variables
    perl -MIO::Socket::UNIX -MSocket -e '
        my ($path, $log) = @ARGV;
        my $socket = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $path) or die "$path: $!\n";
        chmod 0666, $path;
        open(my $out, ">>", $log) or die "$log: $!\n";
        $out->autoflush(1);
        while (defined $socket->recv(my $message, 65536)) {
            $message =~ s/^<\d+>//;
            $message =~ s/\n+$//;
            $message =~ s/^(\w{3} [ \d]\d \d\d:\d\d:\d\d) /$1 mx /;
            print $out "$message\n";
        }' "$SM_ROOT/log.socket" "$SM_LOG" </dev/null >/dev/null 2>"$T/syslog.err" &
    SM_SYSLOG_PID=$!
    local deadline=$((SECONDS + 10))
    until [ -S "$SM_ROOT/log.socket" ]; do
        [ "$SECONDS" -ge "$deadline" ] && { cat "$T/syslog.err" >&2; sm_fail "the syslog receiver did not start"; }
        sleep 0.05
    done
}

# sm_debian_config ADDR: what installing sendmail leaves in /etc/mail
# (update_mc copies the package's sendmail.mc; update_tls makes the
# certificate, the key and the DH parameters and has update_tlsm4 write
# tls/starttls.m4 from parse_mc's database), with the daemons moved to ADDR
# and starttls.m4 included as update_tls asks the admin to. The certificate
# and key are $T/pki's (mx.sendmail.test), installed under Debian's names.
sm_debian_config() {
    local addr=$1 etc=$SM_ROOT/etc-mail
    mkdir -p "$etc/m4" "$etc/tls" || sm_fail "cannot fill /etc/mail"
    cp "$SM_DEBS/etc/mail/helpfile" "$SM_DEBS/etc/mail/service.switch" "$etc/"
    : >"$etc/m4/dialup.m4"
    : >"$etc/m4/provider.m4"
    : >"$etc/local-host-names"
    : >"$etc/access"
    printf 'postmaster: root\n' >"$etc/aliases"
    sed -e "s/Addr=127\.0\.0\.1')dnl/Addr=$addr')dnl/" \
        -e "s|^dnl # Default Mailer setup|include(\`/etc/mail/tls/starttls.m4')dnl\ndnl # Default Mailer setup|" \
        "$SM_DEBS/usr/share/sendmail/cf/debian/sendmail.mc" >"$etc/sendmail.mc"
    cp "$SM_DEBS/usr/share/sendmail/cf/debian/submit.mc" "$etc/submit.mc"
    chmod 0644 "$etc/sendmail.mc" "$etc/submit.mc"
    cp "$T/pki/mx.crt" "$etc/tls/sendmail-server.crt"
    cp "$T/pki/mx.key" "$etc/tls/sendmail-common.key"
    chmod 0644 "$etc/tls/sendmail-server.crt"
    chmod 0640 "$etc/tls/sendmail-common.key"
    # update_tlsm4 reads parse_mc's database of sendmail.mc.
    sm_ns sh -c 'cd /etc/mail && perl /usr/share/sendmail/parse_mc -o /etc/mail/databases -i /etc/mail/sendmail.mc \
        && perl /usr/share/sendmail/update_tlsm4' >"$T/update_tlsm4.out" 2>&1 \
        || { cat "$T/update_tlsm4.out" >&2; sm_fail "update_tlsm4 did not write starttls.m4"; }
    [ -s "$etc/tls/starttls.m4" ] || sm_fail "update_tlsm4 wrote no /etc/mail/tls/starttls.m4"
}

# sm_make_cf: /etc/mail/Makefile's way (update_mk): m4 sendmail.mc, then the
# .mc copied below a "### /etc/mail/sendmail.mc ###" line; the access map.
sm_make_cf() {
    sm_ns sh -c 'cd /etc/mail \
        && m4 sendmail.mc >sendmail.cf.new 2>sendmail.cf.errors \
        && echo "### /etc/mail/sendmail.mc ###" >>sendmail.cf.new \
        && sed -e "s/^/# /" sendmail.mc >>sendmail.cf.new \
        && chmod 0644 sendmail.cf.new && mv -f sendmail.cf.new sendmail.cf \
        && /usr/libexec/sendmail/makemap hash /etc/mail/access </etc/mail/access' >"$T/make.out" 2>&1 \
        || { cat "$T/make.out" "$SM_ROOT/etc-mail/sendmail.cf.errors" >&2; sm_fail "sendmail.cf could not be built"; }
    [ -s "$SM_ROOT/etc-mail/sendmail.cf.errors" ] && { cat "$SM_ROOT/etc-mail/sendmail.cf.errors" >&2; sm_fail "m4 complained"; }
    rm -f "$SM_ROOT/etc-mail/sendmail.cf.errors"
}

sm_pid() {
    local pid
    pid=$(head -n 1 "$SM_ROOT/run/mta/sendmail.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] || return 1
    printf '%s\n' "$((pid + 0))"
}

# sm_start ADDR [OPENSSL_CNF]: the daemon as /usr/share/sendmail/sendmail
# starts it (sendmail-mta -Am -L sm-mta -bd -q10m, an absolute path so that
# SIGHUP can start it again), with OPENSSL_CNF as its /etc/ssl/openssl.cnf
# when given; wait until it listens on ADDR:25.
sm_start() {
    local addr=$1 cnf=${2:-} deadline pid
    rm -f "$SM_ROOT/run/mta/sendmail.pid"
    SENDMAILNS_OPENSSL_CONF=$cnf sm_ns /usr/sbin/sendmail-mta -Am -L sm-mta -bd -q10m </dev/null >"$T/start.out" 2>&1 \
        || { cat "$T/start.out" >&2; tail -n 20 "$SM_LOG" >&2; sm_fail "Sendmail did not start"; }
    deadline=$((SECONDS + 30))
    until pid=$(sm_pid) && proc_alive "$pid" && sm_listening "$addr" 25; do
        [ "$SECONDS" -ge "$deadline" ] && { tail -n 20 "$SM_LOG" >&2; sm_fail "Sendmail does not listen on $addr:25"; }
        sleep 0.1
    done
    SM_PID=$pid
}

# The daemon's PID changes with each SIGHUP (it starts again and forks):
# stop whichever the PID file names now, and the one started.
sm_stop() {
    local pids=() pid
    pid=$(sm_pid) && proc_alive "$pid" && pids+=("$pid")
    [ -n "$SM_PID" ] && [ "$SM_PID" != "${pids[0]:-}" ] && proc_alive "$SM_PID" && pids+=("$SM_PID")
    SM_PID=
    [ ${#pids[@]} -gt 0 ] && proc_stop 10 "${pids[@]}"
    return 0
}

sm_listening() {
    local addr=$1 port=$2 a b c d hex
    IFS=. read -r a b c d <<<"$addr"
    hex=$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$port")
    awk -v want="$hex" 'NR > 1 && toupper($2) == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp
}

sm_wait_log() {
    local re=$1 timeout=$2 deadline=$((SECONDS + $2))
    until grep -qE -- "$re" "$SM_LOG" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 20 "$SM_LOG" >&2 || true
            sm_fail "Sendmail logged no line matching /$re/ within ${timeout}s"
        fi
        sleep 0.1
    done
}
