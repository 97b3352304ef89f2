# shellcheck shell=bash
# The loopback world the probe tests and the probe benchmark run `mailtls probe`
# against: one private Postfix instance with a port-25 listener per
# configuration, a dnsmasq that serves the test domains, and an HTTPS server
# for an MTA-STS policy, all on 127.0.4.0/24 (kept apart from the other
# integration tests' addresses), with a test CA made at run time.
#
#   address          what listens                   domain          MX name
#   127.0.4.1:25     smtpd, no STARTTLS             plain.test      mx.plain.test
#   127.0.4.2:25     smtpd, opportunistic STARTTLS, good.test       mx.good.test
#                    TLS 1.2 and 1.3, default DH
#   127.0.4.3:25     smtpd, DHE only, TLS <= 1.2,   logjam.test     mx.logjam.test
#                    RFC 2409 Oakley group 2 (1024 bits, shared by many servers)
#   127.0.4.4:25     smtpd, DHE only, TLS <= 1.2,   dh1024.test     mx.dh1024.test
#                    a 1024-bit prime of its own
#   127.0.4.5:25     smtpd, TLS 1.0 to 1.3          old.test        mx.old.test
#                    (OpenSSL security level 0)
#   127.0.4.6:25     smtpd, as .2                   implicit.test   (no MX: its A record)
#   127.0.4.53:53    dnsmasq (test domains only; refuses the rest)
#   127.0.4.80:443   openssl s_server -WWW          mta-sts.good.test
#   -                null MX ("MX 0 .")             nullmx.test
#
# Each listener's banner and certificate carry its own MX name; the
# certificates come from the test CA ($T/pki/ca.crt, PX_CA), which the probe is
# given with --ca-file. Each listener logs under its own syslog name
# (postfix-plain, postfix-good, postfix-logjam, postfix-dh1024, postfix-old,
# postfix-implicit), so px_sessions counts the SMTP sessions each one had.
#
# Source lib/postfix.sh first and call pf_init (it makes $T and the EXIT trap
# that stops everything by PID), then px_start. Needs (Debian packages):
# postfix, openssl, dnsmasq-base, util-linux, and what lib/postfix.sh needs.
# Runs as root (port 25, 53 and 443; Postfix's master).

PX_DNS=127.0.4.53
PX_HTTPS=127.0.4.80
PX_CA=
PX_INSTANCE=probe
# listener name -> address (the Postfix syslog name is postfix-NAME)
declare -gA PX_ADDR=(
    [plain]=127.0.4.1
    [good]=127.0.4.2
    [logjam]=127.0.4.3
    [dh1024]=127.0.4.4
    [old]=127.0.4.5
    [implicit]=127.0.4.6
)

# RFC 2409 section 6.2, the second Oakley group: the 1024-bit MODP prime that
# countless servers shared, and the one the Logjam paper's precomputation
# targeted first. Its generator is 2.
PX_OAKLEY2_PRIME=FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF

# px_make_ca DIR: a test CA, DIR/ca.crt and DIR/ca.key.
px_make_ca() {
    local dir=$1
    mkdir -p "$dir" || pf_fail "cannot create $dir"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 \
        -subj "/CN=MailTLS probe test CA" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$dir/ca.key" -out "$dir/ca.crt" >"$dir/ca.openssl.log" 2>&1 \
        || { cat "$dir/ca.openssl.log" >&2; pf_fail "openssl could not make the test CA"; }
}

# px_make_leaf CADIR BASE NAME...: an RSA server certificate BASE.crt (with the
# CA after it, a chain file) and key BASE.key for the DNS names given, the
# first one its subject. RSA so that DHE-RSA suites can be offered with it.
px_make_leaf() {
    local ca=$1 base=$2 cn=$3 san="" name
    shift 2
    for name in "$@"; do san="${san:+$san,}DNS:$name"; done
    openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/CN=$cn" \
        -keyout "$base.key" -out "$base.csr" >"$base.openssl.log" 2>&1 \
        || { cat "$base.openssl.log" >&2; pf_fail "openssl could not make a key for $cn"; }
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
        "$san" >"$base.ext"
    openssl x509 -req -in "$base.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -CAcreateserial \
        -days 30 -sha256 -extfile "$base.ext" -out "$base.leaf.crt" >>"$base.openssl.log" 2>&1 \
        || { cat "$base.openssl.log" >&2; pf_fail "openssl could not sign the certificate of $cn"; }
    cat "$base.leaf.crt" "$ca/ca.crt" >"$base.crt"
    chmod 0600 "$base.key"
}

# px_write_oakley2 FILE: DH parameters (PEM) of the RFC 2409 Oakley group 2.
px_write_oakley2() {
    local file=$1
    printf 'asn1=SEQUENCE:dh\n[dh]\np=INTEGER:0x%s\ng=INTEGER:2\n' "$PX_OAKLEY2_PRIME" >"$file.cnf"
    if ! openssl asn1parse -genconf "$file.cnf" -out "$file.der" -noout >/dev/null 2>&1 \
        || ! openssl dhparam -inform DER -in "$file.der" -out "$file" >/dev/null 2>&1; then
        pf_fail "openssl could not write the Oakley group 2 parameters"
    fi
}

# px_dh_prime FILE: the prime of a DH parameter file, upper-case hex.
px_dh_prime() {
    openssl pkeyparam -in "$1" -text -noout \
        | awk '/^ *P:/ { on = 1; next } on && /^ *G:/ { on = 0 } on { gsub(/[ :]/, ""); printf "%s", $0 }' \
        | sed 's/^00//' | tr 'a-f' 'A-F'
}

# px_udp_listening ADDR PORT: is a UDP socket bound there? (/proc/net/udp)
px_udp_listening() {
    local addr=$1 port=$2 a b c d hex
    IFS=. read -r a b c d <<<"$addr"
    hex=$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$port")
    awk -v want="$hex" 'NR > 1 && toupper($2) == want { found = 1 } END { exit !found }' /proc/net/udp
}

# px_spawn OUT CMD ARGS...: start CMD in the background inside the loopback
# resolver namespace (as pf_loopback_dns), its output to OUT, and register it
# to be stopped at exit. Every step execs the next, so the PID known here
# (PX_SPAWNED, also written to OUT.pid) is CMD's own.
px_spawn() {
    local out=$1
    shift
    # shellcheck disable=SC2016 # $0 and $@ belong to the inner sh
    (exec unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$T/resolv.conf" "$@" \
        </dev/null >"$out" 2>&1) &
    PX_SPAWNED=$!
    printf '%s\n' "$PX_SPAWNED" >"$out.pid"
    pf_register_pid "$PX_SPAWNED"
}

# px_start_dnsmasq: the test zones on $PX_DNS:53. dnsmasq stays in the
# foreground (so the PID px_spawn knows is the daemon's); it answers only for
# .test and refuses every other name (it has no upstream server at all).
px_start_dnsmasq() {
    pf_port_listening "$PX_DNS" 53 && pf_fail "$PX_DNS:53 (TCP) is already in use"
    px_udp_listening "$PX_DNS" 53 && pf_fail "$PX_DNS:53 (UDP) is already in use"
    px_spawn "$T/dnsmasq.out" dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
        --bind-interfaces --listen-address="$PX_DNS" --port=53 --local=/test/ \
        --log-queries --log-facility="$T/dnsmasq.log" --pid-file="$T/dnsmasq.pid" \
        --mx-host=plain.test,mx.plain.test,10 \
        --host-record=mx.plain.test,"${PX_ADDR[plain]}" \
        --mx-host=good.test,mx.good.test,10 \
        --host-record=mx.good.test,"${PX_ADDR[good]}" \
        --txt-record=_mta-sts.good.test,"v=STSv1; id=20260301T000000" \
        --txt-record=_smtp._tls.good.test,"v=TLSRPTv1; rua=mailto:tlsrpt@good.test" \
        --host-record=mta-sts.good.test,"$PX_HTTPS" \
        --mx-host=logjam.test,mx.logjam.test,10 \
        --host-record=mx.logjam.test,"${PX_ADDR[logjam]}" \
        --mx-host=dh1024.test,mx.dh1024.test,10 \
        --host-record=mx.dh1024.test,"${PX_ADDR[dh1024]}" \
        --mx-host=old.test,mx.old.test,10 \
        --host-record=mx.old.test,"${PX_ADDR[old]}" \
        --host-record=implicit.test,"${PX_ADDR[implicit]}" \
        --mx-host=nullmx.test,.,0
    local pid=$PX_SPAWNED deadline=$((SECONDS + 10))
    until px_udp_listening "$PX_DNS" 53 && pf_port_listening "$PX_DNS" 53; do
        proc_alive "$pid" || { cat "$T/dnsmasq.out" >&2; pf_fail "dnsmasq did not start"; }
        [ "$SECONDS" -ge "$deadline" ] && pf_fail "dnsmasq does not listen on $PX_DNS:53 after 10s"
        sleep 0.05
    done
}

# px_start_https: good.test's MTA-STS policy at
# https://mta-sts.good.test/.well-known/mta-sts.txt, served by openssl s_server
# (-WWW: files under its working folder, text/plain for .txt) on $PX_HTTPS:443.
px_start_https() {
    local root="$T/www"
    mkdir -p "$root/.well-known" || pf_fail "cannot create $root"
    printf 'version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 86400\r\n' \
        >"$root/.well-known/mta-sts.txt"
    px_make_leaf "$T/pki" "$T/pki/mta-sts" mta-sts.good.test
    pf_port_listening "$PX_HTTPS" 443 && pf_fail "$PX_HTTPS:443 is already in use"
    # s_server -WWW serves the files under its working folder.
    (cd "$root" && px_spawn "$T/https.out" openssl s_server -quiet -WWW -accept "$PX_HTTPS:443" \
        -cert "$T/pki/mta-sts.crt" -key "$T/pki/mta-sts.key") || exit 1
    local pid
    pid=$(cat "$T/https.out.pid")
    pf_register_pid "$pid"
    pf_wait_port "$PX_HTTPS" 443 10
    proc_alive "$pid" || { cat "$T/https.out" >&2; pf_fail "openssl s_server did not start"; }
}

# px_tls_listener NAME MX-NAME EXTRA-OPTIONS...: an smtpd on NAME's address,
# port 25, offering STARTTLS with a certificate for MX-NAME.
px_tls_listener() {
    local name=$1 mx=$2
    shift 2
    px_make_leaf "$T/pki" "$T/pki/$name" "$mx"
    pf_listen "$PX_INSTANCE" "${PX_ADDR[$name]}:25" \
        -o "syslog_name=postfix-$name" \
        -o "myhostname=$mx" \
        -o smtpd_tls_security_level=may \
        -o "smtpd_tls_cert_file=$T/pki/$name.crt" \
        -o "smtpd_tls_key_file=$T/pki/$name.key" \
        "$@"
}

# px_start: the whole fixture (see the table at the top). About 3 s.
px_start() {
    local tool
    for tool in dnsmasq openssl unshare; do
        command -v "$tool" >/dev/null 2>&1 || pf_fail "'$tool' is not installed (see tests/integration/lib/probefixture.sh)"
    done
    px_make_ca "$T/pki"
    PX_CA="$T/pki/ca.crt"
    px_write_oakley2 "$T/pki/oakley2.pem"
    pf_make_dh1024 "$T/pki/dh1024.pem"

    pf_instance "$PX_INSTANCE" mx.fixture.test
    pf_set "$PX_INSTANCE" "smtpd_tls_loglevel = 1" "smtpd_tls_received_header = no"
    pf_listen "$PX_INSTANCE" "${PX_ADDR[plain]}:25" \
        -o syslog_name=postfix-plain \
        -o myhostname=mx.plain.test \
        -o smtpd_tls_security_level=none
    # A server set up as Postfix's TLS README advises: TLS 1.2 and 1.3,
    # Postfix's built-in DH group, ECDHE first.
    px_tls_listener good mx.good.test -o 'smtpd_tls_protocols=>=TLSv1.2'
    # DHE-RSA suites only: TLS 1.2 at most (TLS 1.3 has no custom DH groups),
    # no ECDHE, no RSA key transport, no anonymous suites.
    px_tls_listener logjam mx.logjam.test \
        -o "smtpd_tls_dh1024_param_file=$T/pki/oakley2.pem" \
        -o 'smtpd_tls_protocols=>=TLSv1.2,<=TLSv1.2' \
        -o smtpd_tls_exclude_ciphers=kECDHE,kRSA,aNULL
    px_tls_listener dh1024 mx.dh1024.test \
        -o "smtpd_tls_dh1024_param_file=$T/pki/dh1024.pem" \
        -o 'smtpd_tls_protocols=>=TLSv1.2,<=TLSv1.2' \
        -o smtpd_tls_exclude_ciphers=kECDHE,kRSA,aNULL
    # TLS 1.0 and 1.1 need SHA-1 signatures, which OpenSSL 3 allows only at
    # security level 0.
    px_tls_listener old mx.old.test \
        -o 'smtpd_tls_protocols=>=TLSv1' \
        -o 'tls_medium_cipherlist=aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:@SECLEVEL=0'
    px_tls_listener implicit implicit.test -o 'smtpd_tls_protocols=>=TLSv1.2'
    pf_start "$PX_INSTANCE"

    px_start_dnsmasq
    px_start_https
}

# px_sessions NAME: SMTP sessions the listener NAME has had so far (its
# "connect from" lines; Postfix logs one per accepted connection).
px_sessions() {
    local log n
    log=$(pf_log "$PX_INSTANCE")
    n=$(grep -cE " postfix-$1/smtpd\[[0-9]+\]: connect from " "$log" 2>/dev/null)
    printf '%s\n' "${n:-0}"
}

# px_probe OUT ERR ARGS...: `mailtls probe --json` against the fixture ($MAILTLS
# is the binary) with ARGS (targets, more options), stdout to OUT and stderr to
# ERR, inside the loopback resolver namespace so that nothing it might look up
# leaves the machine. Returns the probe's exit status.
px_probe() {
    local out=$1 err=$2
    shift 2
    pf_loopback_dns "$MAILTLS" probe --json --dns-server "$PX_DNS" --ca-file "$PX_CA" "$@" \
        >"$out" 2>"$err" </dev/null
}

# px_stray_queries: the names dnsmasq was asked for outside the test zones
# (none may be: every look-up goes to $PX_DNS, and only for .test names).
px_stray_queries() {
    awk '/ query\[[A-Z0-9]+\] / { name = $(NF - 2); if (name !~ /(^|\.)test$/) print name }' "$T/dnsmasq.log" | sort -u
}
