#include <cstdint>
#include <vector>

#include <QTest>

#include "models/logs/eximassembler.h"
#include "tests/models/tst_eximassemblerharness.h"

using namespace mailtls;
using namespace mailtls::eximtesting;

namespace {

struct Case
{
    const char *name;
    QStringList log;
    QStringList expected;
    QStringList peers;   // per-peer figures; empty: not checked
};

QStringList L(std::initializer_list<const char *> rows)
{
    QStringList list;
    for (const char *row : rows)
        list << QString::fromUtf8(row);
    return list;
}

// One row per COUNTING.md rule ("Exim") and per decision EximInbound and
// EximOutbound document, with lines shaped as Exim writes them.
std::vector<Case> countingCases()
{
    std::vector<Case> cases;

    // ---- inbound ----
    cases.push_back({"inbound plaintext arrival delivered locally",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.net H=mail.example.net [192.0.2.10] P=esmtp S=1234 id=1@example.net",
           "10:00:00 1rmABC-000123-AB => bob <bob@example.org> R=local_user T=mail_spool",
           "10:00:00 1rmABC-000123-AB Completed"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 1234 [0]",
           "msg@1 outbound local() 1rmABC-000123-AB plain 1234 to=bob local [0,1]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0]"}),
        L({"inbound mail.example.net msg=1/0 conn=1/0 fail=0"})});

    cases.push_back({"inbound TLS, verified name with HELO and port",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.net H=Mail.Example.NET. (helo.example.net) [192.0.2.10]:40001 I=[198.51.100.1]:25 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=2048 id=2@example.net"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB enc 2048 [0]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0]"}),
        L({"inbound mail.example.net msg=1/1 conn=1/1 fail=0"})});

    cases.push_back({"a HELO name alone is no peer name",
        L({"10:00:00 1rmABC-000123-AB <= x@example.net H=(helo.example.net) [203.0.113.5] P=esmtp S=10"}),
        L({"msg@0 inbound 203.0.113.5(203.0.113.5) 1rmABC-000123-AB plain 10 [0]",
           "conn@0 inbound 203.0.113.5(203.0.113.5) plain [0]"}),
        {}});

    cases.push_back({"esmtps without X= (tls_cipher off) is encrypted",
        L({"10:00:00 1rmABC-000123-AB <= x@example.net H=mail.example.net [192.0.2.10] P=esmtps S=10"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB enc 10 [0]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0]"}),
        {}});

    cases.push_back({"submission by esmtpsa and A=",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.com H=(laptop) [203.0.113.50]:51000 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:alice S=700"}),
        L({"msg@0 submission 203.0.113.50(203.0.113.50) 1rmABC-000123-AB enc 700 [0]",
           "conn@0 submission 203.0.113.50(203.0.113.50) enc [0]"}),
        L({"submission 203.0.113.50 msg=1/1 conn=1/1 fail=0"})});

    cases.push_back({"submission by esmtpa without TLS",
        L({"10:00:00 1rmABC-000123-AB <= bob@example.com H=(laptop) [203.0.113.51] P=esmtpa A=login:bob S=710"}),
        L({"msg@0 submission 203.0.113.51(203.0.113.51) 1rmABC-000123-AB plain 710 [0]",
           "conn@0 submission 203.0.113.51(203.0.113.51) plain [0]"}),
        {}});

    cases.push_back({"local arrival and local bounce are not inbound",
        L({"10:00:00 1rmABC-000123-AB <= root@mx.example.com U=root P=local S=500",
           "10:00:01 1rmABC-000123-AB ** nobody@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown",
           "10:00:01 1rmABD-000124-AC <= <> R=1rmABC-000123-AB U=Debian-exim P=local S=1800",
           "10:00:01 1rmABD-000124-AC => root <root@mx.example.com> R=system_aliases T=mail_spool",
           "10:00:01 1rmABD-000124-AC Completed",
           "10:00:01 1rmABC-000123-AB Completed"}),
        L({"msg@3 outbound local() 1rmABD-000124-AC plain 1800 to=root local [2,3]",
           "conn@1 outbound mx.example.org(198.51.100.20) plain [1]"}),
        L({"outbound mx.example.org msg=0/0 conn=1/0 fail=0"})});

    cases.push_back({"TLS error on connection from a client",
        L({"10:00:00 TLS error on connection from mail.example.net (helo.example.net) [192.0.2.10]:40001 I=[198.51.100.1]:25 (SSL_accept): error:0A000102:SSL routines::unsupported protocol"}),
        L({"conn@0 inbound mail.example.net(192.0.2.10) plain [0]",
           "fail@0 inbound mail.example.net(192.0.2.10) Handshake \"unsupported protocol\" [0]"}),
        L({"inbound mail.example.net msg=0/0 conn=1/0 fail=1"})});

    cases.push_back({"a client going on in plaintext after a TLS error is one connection",
        L({"10:00:00 [4711] TLS error on connection from (helo) [203.0.113.7] (cert/key setup: cert=/etc/exim4/exim.crt key=/etc/exim4/exim.key): Error while reading file.",
           "10:00:05 [4711] 1rmABC-000123-AB <= x@example.net H=(helo) [203.0.113.7] P=esmtp S=99"}),
        L({"msg@1 inbound 203.0.113.7(203.0.113.7) 1rmABC-000123-AB plain 99 [1]",
           "conn@0 inbound 203.0.113.7(203.0.113.7) plain [0,1]",
           "fail@0 inbound 203.0.113.7(203.0.113.7) Other \"Error while reading file.\" [0]"}),
        {}});

    cases.push_back({"+smtp_connection: one connection from open to QUIT, two messages",
        L({"10:00:00 SMTP connection from [192.0.2.10]:40001 I=[198.51.100.1]:25 (TCP/IP connection count = 1)",
           "10:00:01 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10]:40001 I=[198.51.100.1]:25 P=esmtps X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no S=10",
           "10:00:02 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10]:40001 I=[198.51.100.1]:25 P=esmtps X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no S=20",
           "10:00:03 SMTP connection from mail.example.net [192.0.2.10]:40001 I=[198.51.100.1]:25 closed by QUIT"}),
        L({"msg@1 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB enc 10 [0,1]",
           "msg@2 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC enc 20 [0,2]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,2,3]"}),
        L({"inbound mail.example.net msg=2/2 conn=1/1 fail=0"})});

    cases.push_back({"+smtp_connection without ports: found by IP until it closes",
        L({"10:00:00 SMTP connection from [192.0.2.10] (TCP/IP connection count = 1)",
           "10:00:01 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
           "10:00:02 SMTP connection from mail.example.net [192.0.2.10] closed by QUIT",
           "10:00:05 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=20"}),
        L({"msg@1 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0,1]",
           "msg@3 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC plain 20 [3]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0,1,2]",
           "conn@3 inbound mail.example.net(192.0.2.10) plain [3]"}),
        L({"inbound mail.example.net msg=2/0 conn=2/0 fail=0"})});

    cases.push_back({"+pid: the lines of one receiving process are one connection",
        L({"10:00:00 [4711] 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
           "10:00:01 [4711] 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=20",
           "10:00:02 [4712] 1rmABE-000125-AD <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=30"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0]",
           "msg@1 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC plain 20 [1]",
           "msg@2 inbound mail.example.net(192.0.2.10) 1rmABE-000125-AD plain 30 [2]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0,1]",
           "conn@2 inbound mail.example.net(192.0.2.10) plain [2]"}),
        L({"inbound mail.example.net msg=3/0 conn=2/0 fail=0"})});

    cases.push_back({"+pid with +smtp_connection: the daemon's open line is claimed by the receiving process",
        L({"10:00:00 [100] SMTP connection from [192.0.2.10] (TCP/IP connection count = 1)",
           "10:00:00 [100] SMTP connection from [192.0.2.11] (TCP/IP connection count = 2)",
           "10:00:01 [4711] 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
           "10:00:01 [4712] 1rmABD-000124-AC <= b@example.org H=mail.example.org [192.0.2.11] P=esmtp S=20",
           "10:00:02 [4711] SMTP connection from mail.example.net [192.0.2.10] closed by QUIT",
           "10:00:02 [4712] SMTP connection from mail.example.org [192.0.2.11] lost"}),
        L({"msg@2 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0,2]",
           "msg@3 inbound mail.example.org(192.0.2.11) 1rmABD-000124-AC plain 20 [1,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0,2,4]",
           "conn@1 inbound mail.example.org(192.0.2.11) plain [1,3,5]"}),
        {}});

    cases.push_back({"nothing to tell connections apart: each arrival is one",
        L({"10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
           "10:00:01 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=20"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0]",
           "msg@1 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC plain 20 [1]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0]",
           "conn@1 inbound mail.example.net(192.0.2.10) plain [1]"}),
        L({"inbound mail.example.net msg=2/0 conn=2/0 fail=0"})});

    cases.push_back({"+connection_id: Ci= ties the lines of a connection",
        L({"10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] Ci=8001 P=esmtp S=10",
           "10:00:01 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10] Ci=8001 P=esmtp S=20",
           "10:00:02 SMTP connection from mail.example.net [192.0.2.10] Ci=8001 closed by QUIT",
           "10:00:03 1rmABE-000125-AD <= a@example.net H=mail.example.net [192.0.2.10] Ci=8002 P=esmtp S=30",
           "10:00:04 SMTP connection from mail.example.net [192.0.2.10] Ci=8002 closed by QUIT"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0]",
           "msg@1 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC plain 20 [1]",
           "msg@3 inbound mail.example.net(192.0.2.10) 1rmABE-000125-AD plain 30 [3]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0,1,2]",
           "conn@3 inbound mail.example.net(192.0.2.10) plain [3,4]"}),
        {}});

    cases.push_back({"no MAIL in SMTP connection with TLS is an encrypted connection",
        L({"10:00:00 no MAIL in SMTP connection from (helo) [203.0.113.7]:5000 I=[198.51.100.1]:25 D=2s X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no C=EHLO,STARTTLS,EHLO,QUIT"}),
        L({"conn@0 inbound 203.0.113.7(203.0.113.7) enc [0]"}),
        L({"inbound 203.0.113.7 msg=0/0 conn=1/1 fail=0"})});

    cases.push_back({"rejections join an open connection but open none",
        L({"10:00:00 H=spam.example [203.0.113.66]:6000 F=<x@spam.example> rejected RCPT <y@example.com>: relay not permitted",
           "10:00:01 SMTP connection from [203.0.113.67]:6001 (TCP/IP connection count = 1)",
           "10:00:02 H=(bot) [203.0.113.67]:6001 X=TLS1.3:TLS_AES_128_GCM_SHA256:128 CV=no F=<x@spam.example> rejected RCPT <y@example.com>: relay not permitted",
           "10:00:03 SMTP connection from (bot) [203.0.113.67]:6001 lost"}),
        L({"conn@1 inbound 203.0.113.67(203.0.113.67) enc [1,2,3]"}),
        {}});

    // ---- outbound ----
    cases.push_back({"several recipients: -> is the same delivery",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.com H=(laptop) [203.0.113.50] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:alice S=4000",
           "10:00:01 1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK id=1rmXYZ-000999-ZZ\"",
           "10:00:01 1rmABC-000123-AB -> carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK id=1rmXYZ-000999-ZZ\"",
           "10:00:02 1rmABC-000123-AB => dave@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.30] C=\"250 OK\"",
           "10:00:02 1rmABC-000123-AB Completed"}),
        L({"msg@0 submission 203.0.113.50(203.0.113.50) 1rmABC-000123-AB enc 4000 [0]",
           "msg@1 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 4000 to=bob@example.org,carol@example.org [0,1,2]",
           "msg@3 outbound mx.example.net(192.0.2.30) 1rmABC-000123-AB plain 4000 to=dave@example.net [0,3]",
           "conn@0 submission 203.0.113.50(203.0.113.50) enc [0]",
           "conn@1 outbound mx.example.org(198.51.100.20) enc [1]",
           "conn@3 outbound mx.example.net(192.0.2.30) plain [3]"}),
        L({"outbound mx.example.net msg=1/0 conn=1/0 fail=0",
           "outbound mx.example.org msg=1/1 conn=1/1 fail=0",
           "submission 203.0.113.50 msg=1/1 conn=1/1 fail=0"})});

    cases.push_back({"a connection used again (*) is not a new one",
        L({"10:00:00 1rmABC-000123-AB <= a@example.com U=a P=local S=10",
           "10:00:00 1rmABD-000124-AC <= a@example.com U=a P=local S=20",
           "10:00:01 1rmABC-000123-AB => b@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 OK\"",
           "10:00:02 1rmABD-000124-AC => c@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20]* X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 OK\""}),
        L({"msg@2 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 10 to=b@example.org [0,2]",
           "msg@3 outbound mx.example.org(198.51.100.20) 1rmABD-000124-AC enc 20 to=c@example.org [1,3]",
           "conn@2 outbound mx.example.org(198.51.100.20) enc [2]"}),
        L({"outbound mx.example.org msg=2/2 conn=1/1 fail=0"})});

    cases.push_back({"plaintext fallback after dh key too small (OpenSSL)",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.com U=alice P=local S=900",
           "10:00:01 1rmABC-000123-AB TLS session: (SSL_connect): error:0A00018A:SSL routines::dh key too small: delivering unencrypted to H=mx.weak.example [203.0.113.9] (not in hosts_require_tls)",
           "10:00:02 1rmABC-000123-AB => bob@weak.example R=dnslookup T=remote_smtp H=mx.weak.example [203.0.113.9] C=\"250 OK\"",
           "10:00:02 1rmABC-000123-AB Completed"}),
        L({"msg@2 outbound mx.weak.example(203.0.113.9) 1rmABC-000123-AB plain 900 to=bob@weak.example [0,2]",
           "conn@2 outbound mx.weak.example(203.0.113.9) plain [2]",
           "fail@1 outbound mx.weak.example(203.0.113.9) DhKeyTooSmall \"dh key too small\" [1]"}),
        L({"outbound mx.weak.example msg=1/0 conn=1/0 fail=1"})});

    cases.push_back({"plaintext fallback after dh key too small (OpenSSL 1.1 wording)",
        L({"10:00:01 1rmABC-000123-AB TLS session: (SSL_connect): error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small: delivering unencrypted to H=mx.weak.example [203.0.113.9] (not in hosts_require_tls)"}),
        L({"fail@0 outbound mx.weak.example(203.0.113.9) DhKeyTooSmall \"dh key too small\" [0]"}),
        {}});

    cases.push_back({"GnuTLS refusing a small DH prime: deferral of two recipients is one failure",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.com U=alice P=local S=900",
           "10:00:01 1rmABC-000123-AB == bob@weak.example R=dnslookup T=remote_smtp defer (-37) H=mx.weak.example [203.0.113.9]: TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).",
           "10:00:01 1rmABC-000123-AB == carol@weak.example R=dnslookup T=remote_smtp defer (-37) H=mx.weak.example [203.0.113.9]: TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough)."}),
        L({"conn@1 outbound mx.weak.example(203.0.113.9) plain [1]",
           "fail@1 outbound mx.weak.example(203.0.113.9) DhKeyTooSmall \"The Diffie-Hellman prime sent by the server is not acceptable (not long enough).\" [1,2]"}),
        L({"outbound mx.weak.example msg=0/0 conn=1/0 fail=1"})});

    cases.push_back({"a retry an hour later is another attempt",
        L({"10:00:01 1rmABC-000123-AB == bob@weak.example R=dnslookup T=remote_smtp defer (-37) H=mx.weak.example [203.0.113.9]: TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).",
           "11:00:01 1rmABC-000123-AB == bob@weak.example R=dnslookup T=remote_smtp defer (-37) H=mx.weak.example [203.0.113.9]: TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough)."}),
        L({"conn@0 outbound mx.weak.example(203.0.113.9) plain [0]",
           "conn@1 outbound mx.weak.example(203.0.113.9) plain [1]",
           "fail@0 outbound mx.weak.example(203.0.113.9) DhKeyTooSmall \"The Diffie-Hellman prime sent by the server is not acceptable (not long enough).\" [0]",
           "fail@1 outbound mx.weak.example(203.0.113.9) DhKeyTooSmall \"The Diffie-Hellman prime sent by the server is not acceptable (not long enough).\" [1]"}),
        L({"outbound mx.weak.example msg=0/0 conn=2/0 fail=2"})});

    cases.push_back({"deferral for missing TLS after two hosts: one failure each",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.com U=alice P=local S=900",
           "10:00:01 1rmABC-000123-AB H=mx1.strict.example [198.51.100.31]: a TLS session is required, but the server did not offer TLS support",
           "10:00:02 1rmABC-000123-AB == bob@strict.example R=dnslookup T=remote_smtp defer (-38) H=mx2.strict.example [198.51.100.32]: a TLS session is required, but the server did not offer TLS support"}),
        L({"conn@2 outbound mx2.strict.example(198.51.100.32) plain [2]",
           "fail@1 outbound mx1.strict.example(198.51.100.31) NotOffered \"a TLS session is required, but the server did not offer TLS support\" [1]",
           "fail@2 outbound mx2.strict.example(198.51.100.32) NotOffered \"a TLS session is required, but the server did not offer TLS support\" [2]"}),
        L({"outbound mx1.strict.example msg=0/0 conn=0/0 fail=1",
           "outbound mx2.strict.example msg=0/0 conn=1/0 fail=1"})});

    cases.push_back({"a host's error repeated by the deferral is one failure",
        L({"10:00:01 1rmABC-000123-AB H=mx.strict.example [198.51.100.31]: a TLS session is required, but an attempt to start TLS failed",
           "10:00:01 1rmABC-000123-AB == bob@strict.example R=dnslookup T=remote_smtp defer (-38) H=mx.strict.example [198.51.100.31]: a TLS session is required, but an attempt to start TLS failed"}),
        L({"conn@1 outbound mx.strict.example(198.51.100.31) plain [1]",
           "fail@0 outbound mx.strict.example(198.51.100.31) CannotStart \"a TLS session is required, but an attempt to start TLS failed\" [0,1]"}),
        {}});

    cases.push_back({"a client-side TLS error and the deferral it caused",
        L({"10:00:01 1rmABC-000123-AB H=mx.example.org [198.51.100.20] TLS error on connection (recv): A TLS fatal alert has been received: No supported application protocol could be negotiated",
           "10:00:01 1rmABC-000123-AB == bob@example.org R=dnslookup T=remote_smtp defer (-37) H=mx.example.org [198.51.100.20]: TLS session: error on first read"}),
        L({"conn@1 outbound mx.example.org(198.51.100.20) plain [1]",
           "fail@0 outbound mx.example.org(198.51.100.20) Handshake \"A TLS fatal alert has been received: No supported application protocol could be negotiated\" [0,1]"}),
        {}});

    cases.push_back({"a bounce for a TLS reason",
        L({"10:00:01 1rmABC-000123-AB ** bob@strict.example R=dnslookup T=remote_smtp H=mx.strict.example [198.51.100.31]: a TLS session is required, but the server did not offer TLS support"}),
        L({"conn@0 outbound mx.strict.example(198.51.100.31) plain [0]",
           "fail@0 outbound mx.strict.example(198.51.100.31) NotOffered \"a TLS session is required, but the server did not offer TLS support\" [0]"}),
        {}});

    cases.push_back({"deferrals without a TLS reason are no failures, and one transaction is one connection",
        L({"10:00:01 1rmABC-000123-AB == bob@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 451 4.7.1 Greylisted",
           "10:00:01 1rmABC-000123-AB == carol@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 451 4.7.1 Greylisted",
           "10:00:02 1rmABC-000123-AB == dave@example.net R=dnslookup T=remote_smtp defer (111): Connection refused"}),
        L({"conn@0 outbound mx.example.org(198.51.100.20) plain [0]"}),
        {}});

    cases.push_back({"a refused recipient before an accepted one is the same transaction",
        L({"10:00:01 1rmABC-000123-AB == carol@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 451 4.2.0 try later",
           "10:00:01 1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\""}),
        L({"msg@1 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB plain 0 to=bob@example.org [1]",
           "conn@0 outbound mx.example.org(198.51.100.20) plain [0]"}),
        L({"outbound mx.example.org msg=1/0 conn=1/0 fail=0"})});

    cases.push_back({"a refused recipient after an accepted one is the same transaction",
        L({"10:00:01 1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 OK\"",
           "10:00:01 1rmABC-000123-AB ** carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 550 5.1.1 unknown"}),
        L({"msg@0 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 0 to=bob@example.org [0]",
           "conn@0 outbound mx.example.org(198.51.100.20) enc [0]"}),
        L({"outbound mx.example.org msg=1/1 conn=1/1 fail=0"})});

    cases.push_back({"a plaintext delivery makes the message to that peer plaintext",
        L({"10:00:00 1rmABC-000123-AB <= a@example.com U=a P=local S=10",
           "10:00:01 1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes C=\"250 OK\"",
           "10:00:02 1rmABC-000123-AB == carol@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [198.51.100.20]*: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 451 4.7.1 Greylisted",
           "10:30:00 1rmABC-000123-AB => carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\""}),
        L({"msg@1 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB plain 10 to=bob@example.org,carol@example.org [0,1,3]",
           "conn@1 outbound mx.example.org(198.51.100.20) enc [1]",
           "conn@3 outbound mx.example.org(198.51.100.20) plain [3]"}),
        L({"outbound mx.example.org msg=1/0 conn=2/1 fail=0"})});

    cases.push_back({"both message id lengths",
        L({"10:00:00 1sYk9a-000000003Ht-0Abc <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=10",
           "10:00:01 1sYk9a-000000003Ht-0Abc => b@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 OK\"",
           "10:00:02 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=20",
           "10:00:03 1rmABC-000123-AB => b@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\""}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1sYk9a-000000003Ht-0Abc enc 10 [0]",
           "msg@1 outbound mx.example.org(198.51.100.20) 1sYk9a-000000003Ht-0Abc enc 10 to=b@example.org [0,1]",
           "msg@2 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 20 [2]",
           "msg@3 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB plain 20 to=b@example.org [2,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0]",
           "conn@1 outbound mx.example.org(198.51.100.20) enc [1]",
           "conn@2 inbound mail.example.net(192.0.2.10) plain [2]",
           "conn@3 outbound mx.example.org(198.51.100.20) plain [3]"}),
        L({"inbound mail.example.net msg=2/1 conn=2/1 fail=0",
           "outbound mx.example.org msg=2/1 conn=2/1 fail=0"})});

    cases.push_back({"cutthrough delivery before the arrival",
        L({"10:00:00 1rmABC-000123-AB >> bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes C=\"250 OK\"",
           "10:00:00 1rmABC-000123-AB <= alice@example.com H=(laptop) [203.0.113.50] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=plain:alice S=600"}),
        L({"msg@0 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 600 to=bob@example.org [0,1]",
           "msg@1 submission 203.0.113.50(203.0.113.50) 1rmABC-000123-AB enc 600 [1]",
           "conn@0 outbound mx.example.org(198.51.100.20) enc [0]",
           "conn@1 submission 203.0.113.50(203.0.113.50) enc [1]"}),
        {}});

    cases.push_back({"a content filter on loopback is a local hop",
        L({"10:00:00 1rmABC-000123-AB <= alice@example.net H=localhost [127.0.0.1] P=esmtp S=1000",
           "10:00:01 1rmABC-000123-AB => bob@example.org R=amavis T=amavis_smtp H=localhost [127.0.0.1]:10024 C=\"250 OK\""}),
        L({"msg@0 inbound localhost(127.0.0.1) 1rmABC-000123-AB plain 1000 local [0]",
           "msg@1 outbound localhost(127.0.0.1) 1rmABC-000123-AB plain 1000 to=bob@example.org local [0,1]",
           "conn@0 inbound localhost(127.0.0.1) plain local [0]",
           "conn@1 outbound localhost(127.0.0.1):10024 plain local [1]"}),
        L({})});

    cases.push_back({"suppressed and discarded deliveries are nothing",
        L({"10:00:00 1rmABC-000123-AB *> bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20]",
           "10:00:00 1rmABC-000123-AB => :blackhole: <x@example.com> R=blackhole_router",
           "10:00:00 1rmABC-000123-AB => discarded <y@example.com> R=userforward"}),
        L({}),
        {}});

    cases.push_back({"a fallback line that names no host takes it from the next line",
        L({"10:00:01 1rmABC-000123-AB TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
           "10:00:02 1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\""}),
        L({"msg@1 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB plain 0 to=bob@example.org [1]",
           "conn@1 outbound mx.example.org(198.51.100.20) plain [1]",
           "fail@0 outbound mx.example.org(198.51.100.20) Certificate \"certificate verify failed\" [0,1]"}),
        {}});

    cases.push_back({"a fallback line no later line explains has no peer",
        L({"10:00:01 1rmABC-000123-AB TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
           "10:00:01 1rmABC-000123-AB Completed"}),
        L({"fail@0 outbound () Certificate \"certificate verify failed\" [0]"}),
        {}});

    cases.push_back({"a callout falling back to plaintext",
        L({"10:00:01 1rmABC-000123-AB TLS session: (tls lib connect fn): timed out: callout unencrypted to mx.example.org [198.51.100.20] (not in hosts_require_tls)"}),
        L({"fail@0 outbound mx.example.org(198.51.100.20) Other \"timed out\" [0]"}),
        {}});

    cases.push_back({"a DANE failure and the deferral it caused",
        L({"10:00:01 1rmABC-000123-AB DANE attempt failed; TLS connection to mx.example.org [198.51.100.20]: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
           "10:00:01 1rmABC-000123-AB == bob@example.org R=dnslookup T=remote_smtp defer (-37) H=mx.example.org [198.51.100.20]: TLS session: (certificate verification failed): certificate invalid"}),
        L({"conn@1 outbound mx.example.org(198.51.100.20) plain [1]",
           "fail@0 outbound mx.example.org(198.51.100.20) Certificate \"certificate verify failed\" [0,1]"}),
        {}});

    // ---- syslog ----
    cases.push_back({"Exim through syslog, with its own stamp and pid",
        L({"Jun 10 10:00:00 mx exim4[4711]: 2024-06-10 10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=no S=500",
           "Jun 10 10:00:01 mx exim4[4711]: 2024-06-10 10:00:01 1rmABD-000124-AC <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=no S=600",
           "Jun 10 10:00:02 mx exim4[4720]: 1rmABC-000123-AB => b@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256 CV=yes C=\"250 OK\""}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB enc 500 [0]",
           "msg@1 inbound mail.example.net(192.0.2.10) 1rmABD-000124-AC enc 600 [1]",
           "msg@2 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 500 to=b@example.org [0,2]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1]",
           "conn@2 outbound mx.example.org(198.51.100.20) enc [2]"}),
        {}});

    return cases;
}

} // namespace

class TestEximAssembler : public QObject
{
    Q_OBJECT

private slots:
    void counting_data();
    void counting();
    void peerFigures_data();
    void peerFigures();
    void tlsDetails_data();
    void tlsDetails();
    void timesSendersAndRecipients();
    void recipientListIsBounded();
    void reemission();
    void feedTellsWhatIsExims_data();
    void feedTellsWhatIsExims();
    void expiry();
    void snapshotSplit_data();
    void snapshotSplit();
    void restoreGarbage_data();
    void restoreGarbage();
    void saveStateIsStable();
};

void TestEximAssembler::counting_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");
    for (const Case &c : countingCases())
        QTest::newRow(c.name) << c.log << c.expected;
}

void TestEximAssembler::counting()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const EximLog parsed = parseText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.lines.size(), std::size_t(log.size()));
    QCOMPARE(describe(parsed, cleanRead(parsed)), expected);
}

void TestEximAssembler::peerFigures_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("peers");
    for (const Case &c : countingCases()) {
        if (!c.peers.isEmpty() || c.expected.isEmpty())
            QTest::newRow(c.name) << c.log << c.peers;
    }
}

void TestEximAssembler::peerFigures()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, peers);
    const EximLog parsed = parseText(logText(log));
    QCOMPARE(peerCounts(cleanRead(parsed)), peers);
}

void TestEximAssembler::tlsDetails_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");   // testing::tlsText of the record's TLS details

    // trust/protocol/cipher/bits/key exchange/its bits/dhe; Trust: 1 Anonymous,
    // 2 Untrusted, 3 Trusted, 4 Verified.
    QTest::newRow("inbound OpenSSL TLS 1.3, no client certificate")
        << QStringLiteral("10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=1")
        << QStringLiteral("1/TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0");
    QTest::newRow("inbound client certificate not verified")
        << QStringLiteral("10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.2:ECDHE-RSA-AES128-GCM-SHA256:128 CV=no DN=\"CN=mail.example.net\" S=1")
        << QStringLiteral("2/TLSv1.2/ECDHE-RSA-AES128-GCM-SHA256/128//0/0");
    QTest::newRow("inbound client certificate verified")
        << QStringLiteral("10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.2:ECDHE-RSA-AES128-GCM-SHA256:128 CV=yes DN=\"CN=mail.example.net\" S=1")
        << QStringLiteral("3/TLSv1.2/ECDHE-RSA-AES128-GCM-SHA256/128//0/0");
    QTest::newRow("inbound GnuTLS TLS 1.3 with its group")
        << QStringLiteral("10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtps X=TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256 CV=no S=1")
        << QStringLiteral("1/TLSv1.3/ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM/256/X25519/253/0");
    QTest::newRow("outbound GnuTLS finite-field DH group, resumed")
        << QStringLiteral("10:00:00 1rmABC-000123-AB => b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLS1.3:DHE_FFDHE3072__RSA_PSS_RSAE_SHA256__AES_256_GCM:256* CV=yes C=\"250 OK\"")
        << QStringLiteral("4/TLSv1.3/DHE_FFDHE3072__RSA_PSS_RSAE_SHA256__AES_256_GCM/256/ffdhe3072/3072/1");
    QTest::newRow("outbound old OpenSSL TLSv1 DHE, not verified")
        << QStringLiteral("10:00:00 1rmABC-000123-AB => b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLSv1:DHE-RSA-AES256-SHA:256 CV=no C=\"250 OK\"")
        << QStringLiteral("2/TLSv1/DHE-RSA-AES256-SHA/256//0/1");
    QTest::newRow("outbound GnuTLS TLS 1.2 DHE")
        << QStringLiteral("10:00:00 1rmABC-000123-AB => b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLS1.2:DHE_RSA_AES_256_GCM_SHA384:256 CV=no C=\"250 OK\"")
        << QStringLiteral("2/TLSv1.2/DHE_RSA_AES_256_GCM_SHA384/256//0/1");
    QTest::newRow("outbound DANE")
        << QStringLiteral("10:00:00 1rmABC-000123-AB => b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=dane C=\"250 OK\"")
        << QStringLiteral("4/TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0");
    QTest::newRow("no CV= logged")
        << QStringLiteral("10:00:00 1rmABC-000123-AB => b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 C=\"250 OK\"")
        << QStringLiteral("0/TLSv1.2/ECDHE-RSA-AES256-GCM-SHA384/256//0/0");
}

void TestEximAssembler::tlsDetails()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const EximLog parsed = parseText(logText({line}));
    const Final f = cleanRead(parsed);
    QCOMPARE(f.transfers.size(), std::size_t(1));
    QCOMPARE(f.connections.size(), std::size_t(1));
    QCOMPARE(testing::tlsText(f.transfers.begin()->second.tls), expected);
    QCOMPARE(testing::tlsText(f.connections.begin()->second.tls), expected);
}

void TestEximAssembler::timesSendersAndRecipients()
{
    const EximLog log = parseText(logText(L({
        "10:00:00 1rmABC-000123-AB <= list-bounces@example.com H=mail.example.com [192.0.2.10] P=esmtp S=5000",
        "10:00:30 1rmABC-000123-AB == x@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after RCPT TO:<x@example.org>: 451 Greylisted",
        "10:20:00 1rmABC-000123-AB => x@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\"",
        "10:20:00 1rmABC-000123-AB -> y@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\"",
        "10:25:00 1rmABD-000124-AC => z@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.30] C=\"250 OK\"",
        "10:26:00 TLS error on connection from (bot) [203.0.113.9] (SSL_accept): error:0A000076:SSL routines::no suitable signature algorithm"})));
    const Final f = cleanRead(log);
    const std::int64_t t0 = kJun10 + 10 * 3600;
    const TransferRecord &in = f.transfers.at(log.offsets[0]);
    QCOMPARE(in.time, t0);
    QCOMPARE(in.sender, QStringLiteral("list-bounces@example.com"));
    QCOMPARE(in.recipients, QString());
    const TransferRecord &out = f.transfers.at(log.offsets[2]);
    QCOMPARE(out.time, t0);                       // the arrival
    QCOMPARE(out.bytes, std::int64_t(5000));
    QCOMPARE(out.sender, QStringLiteral("list-bounces@example.com"));
    QCOMPARE(out.recipients, QStringLiteral("x@example.org,y@example.org"));
    const TransferRecord &unknownArrival = f.transfers.at(log.offsets[4]);
    QCOMPARE(unknownArrival.time, t0 + 25 * 60);  // no arrival seen: the delivery line
    QCOMPARE(unknownArrival.bytes, std::int64_t(0));
    QCOMPARE(unknownArrival.sender, QString());
    QCOMPARE(f.connections.at(log.offsets[1]).time, t0 + 30);
    QCOMPARE(f.connections.at(log.offsets[2]).time, t0 + 20 * 60);
    QCOMPARE(f.failures.at(log.offsets[5]).time, t0 + 26 * 60);
    QCOMPARE(f.failures.at(log.offsets[5]).problem, TlsProblem::Handshake);
    QCOMPARE(f.failures.at(log.offsets[5]).reason, QStringLiteral("no suitable signature algorithm"));
}

void TestEximAssembler::recipientListIsBounded()
{
    // A message to many recipients at one peer: one message, bounded lists,
    // and no new emission once they are full.
    QStringList rows{QStringLiteral("10:00:00 1rmABC-000123-AB <= a@example.com U=a P=local S=1")};
    for (int i = 0; i < 40; ++i) {
        rows << QStringLiteral("10:00:01 1rmABC-000123-AB %1 r%2@example.org R=r T=t H=mx.example.org [198.51.100.20] C=\"250 OK\"")
                    .arg(i == 0 ? QStringLiteral("=>") : QStringLiteral("->"))
                    .arg(i);
    }
    const EximLog log = parseText(logText(rows));
    QVERIFY(log.error.isEmpty());
    EximAssembler a;
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    const AssemblerOutput out = a.takeOutput();
    QCOMPARE(out.transfers.size(), std::size_t(16));   // first emission, then one per new recipient up to 16
    QCOMPARE(out.connections.size(), std::size_t(1));
    const TransferRecord &last = out.transfers.back();
    QCOMPARE(last.recipients.count(QLatin1Char(',')), 15);
    QCOMPARE(last.recipients.section(QLatin1Char(','), 15), QStringLiteral("r15@example.org"));
    QCOMPARE(last.lines.size(), std::size_t(16));
    QCOMPARE(last.lines.front(), log.offsets[0]);
}

void TestEximAssembler::reemission()
{
    // What the store sees line by line: a record comes out when it becomes
    // countable and again, with the same key, when a later line changes it.
    const EximLog log = parseText(logText(L({
        "10:00:00 1rmABC-000123-AB >> b@example.org R=r T=t H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 OK\"",
        "10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10]:4000 P=esmtp S=77",
        "10:00:05 1rmABC-000123-AB -> c@example.org R=r T=t H=mx.example.org [198.51.100.20] C=\"250 OK\"",
        "10:00:06 1rmABC-000123-AB -> c@example.org R=r T=t H=mx.example.org [198.51.100.20] C=\"250 OK\"",
        "10:00:07 1rmABC-000123-AB Completed"})));
    EximAssembler a;
    QStringList seen;
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        a.feed(log.lines[i], log.offsets[i]);
        const AssemblerOutput out = a.takeOutput();
        testing::Final one;
        one.apply(out);
        seen << QStringLiteral("%1: %2").arg(i).arg(describe(log, one).join(QStringLiteral(" | ")));
    }
    a.finish();
    testing::Final last;
    last.apply(a.takeOutput());
    seen << QStringLiteral("end: %1").arg(describe(log, last).join(QStringLiteral(" | ")));
    const QStringList expected{
        QStringLiteral("0: msg@0 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 0 to=b@example.org [0] | conn@0 outbound mx.example.org(198.51.100.20) enc [0]"),
        QStringLiteral("1: msg@0 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB enc 77 to=b@example.org [0,1] | msg@1 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 77 [1]"),
        QStringLiteral("2: msg@0 outbound mx.example.org(198.51.100.20) 1rmABC-000123-AB plain 77 to=b@example.org,c@example.org [0,1,2]"),
        QStringLiteral("3: "),
        QStringLiteral("4: "),
        QStringLiteral("end: conn@1 inbound mail.example.net(192.0.2.10) plain [1]"),
    };
    QCOMPARE(seen, expected);
}

void TestEximAssembler::feedTellsWhatIsExims_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("fed");

    QTest::newRow("arrival") << QStringLiteral("2024-06-10 10:00:00 1rmABC-000123-AB <= a@example.net U=a P=local S=1") << true;
    QTest::newRow("Completed") << QStringLiteral("2024-06-10 10:00:00 1rmABC-000123-AB Completed") << true;
    QTest::newRow("any other line of a message") << QStringLiteral("2024-06-10 10:00:00 1rmABC-000123-AB Frozen (delivery error message)") << true;
    QTest::newRow("queue run") << QStringLiteral("2024-06-10 10:00:00 Start queue run: pid=4711") << true;
    QTest::newRow("daemon") << QStringLiteral("2024-06-10 10:00:00 exim 4.97 daemon started: pid=100, -q30m, listening for SMTP on port 25 (IPv4)") << true;
    QTest::newRow("rejection") << QStringLiteral("2024-06-10 10:00:00 H=(bot) [203.0.113.9] F=<a@b> rejected RCPT <c@d>: relay not permitted") << true;
    QTest::newRow("authenticator") << QStringLiteral("2024-06-10 10:00:00 dovecot_login authenticator failed for (User) [203.0.113.9]: 535 Incorrect authentication data") << true;
    QTest::newRow("something else") << QStringLiteral("2024-06-10 10:00:00 frobnicated the widget") << false;
    QTest::newRow("syslog exim4") << QStringLiteral("Jun 10 10:00:00 mx exim4[1]: 1rmABC-000123-AB Completed") << true;
    QTest::newRow("syslog postfix") << QStringLiteral("Jun 10 10:00:00 mx postfix/qmgr[1]: 4104E3D: removed") << false;
    QTest::newRow("syslog sendmail") << QStringLiteral("Jun 10 10:00:00 mx sm-mta[1]: 1rmABC-000123-AB <= x") << false;
}

void TestEximAssembler::feedTellsWhatIsExims()
{
    QFETCH(QString, line);
    QFETCH(bool, fed);
    const EximLog log = parseText(line.toUtf8() + '\n');
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    EximAssembler a;
    QCOMPARE(a.feed(log.lines.at(0), 0), fed);
}

void TestEximAssembler::expiry()
{
    // Open state goes on log time: a connection silent for kConnectionSilence,
    // a fallback no line explains within the attempt, a message whose
    // Completed line the log lost.
    const EximLog log = parseText(logText(L({
        "10:00:00 [4711] 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
        "10:00:01 1rmABD-000124-AC TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
        "10:00:02 1rmABE-000125-AD <= a@example.com U=a P=local S=10"})));
    EximAssembler a;
    feedRange(a, log, 0, log.lines.size());
    QVERIFY(a.takeOutput().connections.empty());
    a.passTime(kJun10 + 10 * 3600 + 1000);
    const AssemblerOutput late = a.takeOutput();
    QCOMPARE(late.connections.size(), std::size_t(1));
    QCOMPARE(late.connections.front().key, log.offsets[0]);
    QCOMPARE(late.failures.size(), std::size_t(1));
    QCOMPARE(late.failures.front().peer, QString());

    // Eight days on, the message is forgotten: a delivery line then has no arrival.
    a.passTime(kJun10 + 8 * 86400);
    const EximLog after = parseText(logText(L({
        "10:00:00 1rmABE-000125-AD => b@example.org R=r T=t H=mx.example.org [198.51.100.20] C=\"250 OK\""})).replace("2024-06-10", "2024-06-18"));
    a.feed(after.lines[0], 1000000);
    const AssemblerOutput delivered = a.takeOutput();
    QCOMPARE(delivered.transfers.size(), std::size_t(1));
    QCOMPARE(delivered.transfers.front().bytes, std::int64_t(0));
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());
}

void TestEximAssembler::snapshotSplit_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<int>("split");
    for (const Case &c : countingCases()) {
        for (int split = 0; split <= c.log.size(); ++split)
            QTest::addRow("%s @%d", c.name, split) << c.log << split;
    }
}

void TestEximAssembler::snapshotSplit()
{
    QFETCH(QStringList, log);
    QFETCH(int, split);
    const EximLog parsed = parseText(logText(log));
    QString error;
    const Final restored = splitRead(parsed, std::size_t(split), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(testing::describeFully(restored), testing::describeFully(cleanRead(parsed)));
}

void TestEximAssembler::restoreGarbage_data()
{
    QTest::addColumn<QByteArray>("state");
    EximAssembler a;
    const EximLog log = parseText(logText(L({
        "10:00:00 [4711] 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10",
        "10:00:01 1rmABD-000124-AC TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed"})));
    feedRange(a, log, 0, log.lines.size());
    const QByteArray good = a.saveState();

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("another assembler's") << SessionAssembler().saveState();
    QTest::newRow("truncated") << good.left(good.size() - 9);
    QTest::newRow("trailing bytes") << good + QByteArray("xyz");
    QByteArray version = good;
    version[5] = char(99);
    QTest::newRow("future version") << version;
    QByteArray corrupt = good;
    corrupt[23] = char(0x7f);   // the count of open connections
    QTest::newRow("corrupt count") << corrupt;
}

void TestEximAssembler::restoreGarbage()
{
    QFETCH(QByteArray, state);
    EximAssembler a;
    QString error;
    QVERIFY(!a.restoreState(state, &error));
    QVERIFY(!error.isEmpty());
    // Refused state leaves a clean assembler that reads on.
    const EximLog log = parseText(logText(L({
        "10:00:00 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp S=10"})));
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    Final f;
    f.apply(a.takeOutput());
    QCOMPARE(describe(log, f), L({"msg@0 inbound mail.example.net(192.0.2.10) 1rmABC-000123-AB plain 10 [0]",
                                  "conn@0 inbound mail.example.net(192.0.2.10) plain [0]"}));
}

void TestEximAssembler::saveStateIsStable()
{
    // The same open state saves to the same bytes, whatever the hash tables'
    // order, and a restored state saves again to those bytes.
    QByteArray text;
    for (int i = 0; i < 50; ++i) {
        text += QStringLiteral("2024-06-10 10:00:%1 [%2] 1rmA%3-000123-AB <= a@example.net H=mail%3.example.net [192.0.2.%4] P=esmtp S=10\n")
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .arg(1000 + i)
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .arg(i + 1)
                    .toUtf8();
        text += QStringLiteral("2024-06-10 10:00:%1 1rmB%2-000123-AB TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed\n")
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .toUtf8();
    }
    const EximLog log = parseText(text);
    EximAssembler a;
    feedRange(a, log, 0, log.lines.size());
    const QByteArray state = a.saveState();
    EximAssembler b;
    QString error;
    QVERIFY2(b.restoreState(state, &error), qPrintable(error));
    QCOMPARE(b.saveState(), state);
    EximAssembler c;
    feedRange(c, log, 0, log.lines.size());
    QCOMPARE(c.saveState(), state);
}

QTEST_GUILESS_MAIN(TestEximAssembler)
#include "tst_eximassembler.moc"
