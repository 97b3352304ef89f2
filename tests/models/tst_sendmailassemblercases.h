#pragma once

// The COUNTING.md "Sendmail" rows of tst_sendmailassembler: Sendmail lines,
// written from Sendmail's own log formats, and the records they must give.

#include <vector>

#include <QString>
#include <QStringList>

#include "tests/models/sessionassemblerharness.h"

namespace mailtls::testing {

struct SendmailCase
{
    const char *name;
    QStringList log;
    QStringList expected;
};

inline std::vector<SendmailCase> sendmailCases()
{
    const QString tls13 = QStringLiteral("version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256");
    const QString tls13ok = QStringLiteral("version=TLSv1.3, verify=OK, cipher=TLS_AES_256_GCM_SHA384, bits=256/256");
    auto serverTls = [&tls13](const char *time, const char *pid, const char *relay) {
        return QStringLiteral("%1 sm-mta[%2]: STARTTLS=server, relay=%3, %4")
            .arg(QString::fromUtf8(time), QString::fromUtf8(pid), QString::fromUtf8(relay), tls13);
    };
    auto clientTls = [&tls13ok](const char *time, const char *program, const char *relay) {
        return QStringLiteral("%1 %2: STARTTLS=client, relay=%3, %4")
            .arg(QString::fromUtf8(time), QString::fromUtf8(program), QString::fromUtf8(relay), tls13ok);
    };
    auto s = [](const char *row) { return QString::fromUtf8(row); };

    std::vector<SendmailCase> cases;

    // ---- inbound ----
    cases.push_back({"inbound TLS message; the session ends with the log",
        QStringList{serverTls("10:00:00", "100", "mail.example.net [192.0.2.10]"),
                    s("10:00:01 sm-mta[100]: 4A1B2C3D000100: from=<a@example.net>, size=2048, class=0, nrcpts=1, msgid=<1@example.net>, proto=ESMTPS, daemon=MTA, relay=mail.example.net [192.0.2.10]"),
                    s("10:00:02 sm-mta[101]: 4A1B2C3D000100: to=<u@mx.example.com>, ctladdr=<a@example.net> (1000/1000), delay=00:00:01, xdelay=00:00:00, mailer=local, pri=32048, dsn=2.0.0, stat=Sent")},
        L({"msg@1 inbound mail.example.net(192.0.2.10) 4A1B2C3D000100 enc 2048 [0,1]",
           "msg@2 outbound local() 4A1B2C3D000100 plain 2048 to=u@mx.example.com local [1,2]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1]"})});

    cases.push_back({"plaintext session that starts mid-log",
        L({"10:00:00 sm-mta[102]: 4A1B2C3D000102: from=<b@example.net>, size=10, class=0, nrcpts=1, msgid=<2@example.net>, proto=ESMTP, daemon=MTA-v4, relay=mx.example.net [192.0.2.11]"}),
        L({"msg@0 inbound mx.example.net(192.0.2.11) 4A1B2C3D000102 plain 10 [0]",
           "conn@0 inbound mx.example.net(192.0.2.11) plain [0]"})});

    cases.push_back({"several messages per session; the pid's next client is another session",
        QStringList{serverTls("10:00:00", "103", "client.example.org [192.0.2.12]"),
                    s("10:00:01 sm-mta[103]: 4A1B2C3D000103: from=<c@example.org>, size=100, class=0, nrcpts=1, msgid=<3@example.org>, proto=ESMTPS, daemon=MTA, relay=client.example.org [192.0.2.12]"),
                    s("10:00:02 sm-mta[103]: 4A1B2C3E000103: from=<c@example.org>, size=200, class=0, nrcpts=2, msgid=<4@example.org>, proto=ESMTPS, daemon=MTA, relay=client.example.org [192.0.2.12]"),
                    s("11:00:00 sm-mta[103]: 4A1B2C3F000103: from=<d@example.com>, size=300, class=0, nrcpts=1, msgid=<5@example.com>, proto=ESMTP, daemon=MTA, relay=other.example.com [198.51.100.5]")},
        L({"msg@1 inbound client.example.org(192.0.2.12) 4A1B2C3D000103 enc 100 [0,1]",
           "msg@2 inbound client.example.org(192.0.2.12) 4A1B2C3E000103 enc 200 [0,2]",
           "msg@3 inbound other.example.com(198.51.100.5) 4A1B2C3F000103 plain 300 [3]",
           "conn@0 inbound client.example.org(192.0.2.12) enc [0,1,2]",
           "conn@3 inbound other.example.com(198.51.100.5) plain [3]"})});

    cases.push_back({"a client that sent no mail",
        QStringList{serverTls("10:00:00", "104", "bot.example.net [203.0.113.99]"),
                    s("10:00:01 sm-mta[104]: 4A1B2C3D000104: ruleset=check_rcpt, arg1=<x@example.com>, relay=bot.example.net [203.0.113.99], reject=550 5.7.1 <x@example.com>... Relaying denied"),
                    s("10:00:02 sm-mta[104]: 4A1B2C3D000104: lost input channel from bot.example.net [203.0.113.99] to MTA after rcpt"),
                    s("10:00:03 sm-mta[105]: 4A1B2C3D000105: scanner.example.net [203.0.113.98] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA")},
        L({"conn@0 inbound bot.example.net(203.0.113.99) enc [0,2]",
           "conn@3 inbound scanner.example.net(203.0.113.98) plain [3]"})});

    cases.push_back({"submission by AUTH=server",
        QStringList{serverTls("10:00:00", "106", "laptop.example.com [203.0.113.50]"),
                    s("10:00:01 sm-mta[106]: AUTH=server, relay=laptop.example.com [203.0.113.50], authid=alice, mech=PLAIN, bits=0"),
                    s("10:00:02 sm-mta[106]: 4A1B2C3D000106: from=<alice@example.com>, size=700, class=0, nrcpts=1, msgid=<6@example.com>, proto=ESMTPSA, daemon=MTA, relay=laptop.example.com [203.0.113.50]")},
        L({"msg@2 submission laptop.example.com(203.0.113.50) 4A1B2C3D000106 enc 700 [0,2]",
           "conn@0 submission laptop.example.com(203.0.113.50) enc [0,1,2]"})});

    cases.push_back({"submission on the MSA daemon, STARTTLS and AUTH not logged (LogLevel 8)",
        L({"10:00:00 sm-mta[107]: 4A1B2C3D000107: from=<bob@example.com>, size=710, class=0, nrcpts=1, msgid=<7@example.com>, proto=ESMTPSA, daemon=MSA, relay=[203.0.113.51]"}),
        L({"msg@0 submission 203.0.113.51(203.0.113.51) 4A1B2C3D000107 enc 710 [0]",
           "conn@0 submission 203.0.113.51(203.0.113.51) enc [0]"})});

    cases.push_back({"an AUTH after the first message makes the session submission",
        L({"10:00:00 sm-mta[108]: 4A1B2C3D000108: from=<c@example.com>, size=1, class=0, nrcpts=1, msgid=<8@example.com>, proto=ESMTP, daemon=MTA, relay=client.example.com [203.0.113.52]",
           "10:00:01 sm-mta[108]: AUTH=server, relay=client.example.com [203.0.113.52], authid=carol, mech=LOGIN, bits=0",
           "10:00:02 sm-mta[108]: 4A1B2C3E000108: from=<c@example.com>, size=2, class=0, nrcpts=1, msgid=<9@example.com>, proto=ESMTPA, daemon=MTA, relay=client.example.com [203.0.113.52]"}),
        L({"msg@0 submission client.example.com(203.0.113.52) 4A1B2C3D000108 plain 1 [0]",
           "msg@2 submission client.example.com(203.0.113.52) 4A1B2C3E000108 plain 2 [0,2]",
           "conn@0 submission client.example.com(203.0.113.52) plain [0,1,2]"})});

    cases.push_back({"Sendmail 8.16's tls_verify= and auth= on the from= line",
        L({"10:00:00 sm-mta[109]: 4A1B2C3D000109: from=<d@example.org>, size=30, class=0, nrcpts=1, msgid=<10@example.org>, proto=ESMTP, daemon=MTA, tls_verify=NO, auth=NONE, relay=relay.example.org [198.51.100.9]",
           "10:05:00 sm-mta[110]: 4A1B2C3D000110: from=<e@example.org>, size=40, class=0, nrcpts=1, msgid=<11@example.org>, proto=ESMTP, daemon=MTA, tls_verify=NONE, auth=PLAIN, relay=relay.example.org [198.51.100.9]"}),
        L({"msg@0 inbound relay.example.org(198.51.100.9) 4A1B2C3D000109 enc 30 [0]",
           "msg@1 submission relay.example.org(198.51.100.9) 4A1B2C3D000110 plain 40 [1]",
           "conn@0 inbound relay.example.org(198.51.100.9) enc [0]",
           "conn@1 submission relay.example.org(198.51.100.9) plain [1]"})});

    cases.push_back({"accept failure with OpenSSL's detail: one failure, one plaintext connection",
        L({"10:00:00 sm-mta[111]: STARTTLS=server, error: accept failed=-1, reason=no shared cipher, SSL_error=1, errno=0, retry=-1, relay=old.example.net [198.51.100.30]",
           "10:00:00 sm-mta[111]: STARTTLS=server: 111:error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher:s3_srvr.c:1435:"}),
        L({"conn@0 inbound old.example.net(198.51.100.30) plain [0,1]",
           "fail@0 inbound old.example.net(198.51.100.30) Handshake \"no shared cipher\" [0,1]"})});

    cases.push_back({"accept failure of Sendmail 8.12, which names no client",
        L({"10:00:00 sm-mta[112]: STARTTLS=server, error: accept failed=0, SSL_error=5, timedout=0, errno=0"}),
        L({"conn@0 inbound () plain [0]",
           "fail@0 inbound () Handshake \"accept failed=0, SSL_error=5, timedout=0, errno=0\" [0]"})});

    // One Sendmail process serves one connection: the client goes on in
    // plaintext on the same session after a failed handshake (a real Sendmail
    // logs its mail, or its "did not issue MAIL", on the same pid).
    cases.push_back({"after an accept failure the client goes on in plaintext on the same session",
        L({"10:00:00 sm-mta[113]: STARTTLS=server, error: accept failed=0, reason=unknown, SSL_error=5, errno=104, retry=-1, relay=[192.0.2.81]",
           "10:00:05 sm-mta[113]: 4A1B2C3D000113: from=<f@example.net>, size=5, class=0, nrcpts=1, msgid=<12@example.net>, proto=ESMTP, daemon=MTA, relay=[192.0.2.81]"}),
        L({"msg@1 inbound 192.0.2.81(192.0.2.81) 4A1B2C3D000113 plain 5 [0,1]",
           "conn@0 inbound 192.0.2.81(192.0.2.81) plain [0,1]",
           "fail@0 inbound 192.0.2.81(192.0.2.81) Handshake \"accept failed=0, reason=unknown, SSL_error=5, errno=104, retry=-1, relay=[192.0.2.81]\" [0]"})});

    cases.push_back({"an accept failure, then the client leaves: one connection, one failure",
        L({"10:00:00 sm-mta[116]: STARTTLS=server, error: accept failed=0, reason=unknown, SSL_error=5, errno=104, retry=-1, relay=[192.0.2.82]",
           "10:00:01 sm-mta[116]: 4A1B2C3D000116: [192.0.2.82] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA-v4"}),
        L({"conn@0 inbound 192.0.2.82(192.0.2.82) plain [0,1]",
           "fail@0 inbound 192.0.2.82(192.0.2.82) Handshake \"accept failed=0, reason=unknown, SSL_error=5, errno=104, retry=-1, relay=[192.0.2.82]\" [0]"})});

    // Every recipient refused: nothing was queued, so no message.
    cases.push_back({"a from= line with nrcpts=0 is no message",
        L({"10:00:00 sm-mta[117]: 4A1B2C3D000117: ruleset=check_rcpt, arg1=<x@elsewhere.example>, relay=[192.0.2.83], reject=550 5.7.1 <x@elsewhere.example>... Relaying denied",
           "10:00:00 sm-mta[117]: 4A1B2C3D000117: from=<spam@example.net>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA-v4, relay=[192.0.2.83]"}),
        L({"conn@0 inbound 192.0.2.83(192.0.2.83) plain [0,1]"})});

    cases.push_back({"a forged name and an IPv6 client are named by their address",
        L({"10:00:00 sm-mta[114]: 4A1B2C3D000114: from=<g@example.net>, size=1, class=0, nrcpts=1, msgid=<13@example.net>, proto=ESMTP, daemon=MTA-v6, relay=mail.example.net [IPv6:2001:DB8::25] (may be forged)"}),
        L({"msg@0 inbound 2001:db8::25(2001:db8::25) 4A1B2C3D000114 plain 1 [0]",
           "conn@0 inbound 2001:db8::25(2001:db8::25) plain [0]"})});

    cases.push_back({"a loopback client is a local hop",
        L({"10:00:00 sm-mta[115]: 4A1B2C3D000115: from=<h@mx.example.com>, size=12, class=0, nrcpts=1, msgid=<14@mx.example.com>, proto=ESMTP, daemon=MTA-v4, relay=localhost [127.0.0.1]"}),
        L({"msg@0 inbound localhost(127.0.0.1) 4A1B2C3D000115 plain 12 local [0]",
           "conn@0 inbound localhost(127.0.0.1) plain local [0]"})});

    cases.push_back({"a local submission and a notification are not inbound messages",
        L({"10:00:00 sendmail[116]: 4A1B2C3D000116: from=root, size=300, class=0, nrcpts=1, msgid=<15@mx.example.com>, relay=root@localhost",
           "10:00:01 sm-mta[117]: 4A1B2C3D000117: from=<>, size=2978, class=0, nrcpts=1, msgid=<16@mx.example.com>, proto=ESMTP, daemon=MTA, relay=[RESPONSE]"}),
        QStringList()});

    // ---- outbound ----
    cases.push_back({"outbound TLS delivery; bytes and sender from the from= line",
        QStringList{s("10:00:00 sendmail[200]: 4A1B2C3D000200: from=me, size=4096, class=0, nrcpts=1, msgid=<20@mx.example.com>, relay=me@localhost"),
                    clientTls("10:00:01", "sm-mta[201]", "mx1.example.org."),
                    s("10:00:02 sm-mta[201]: 4A1B2C3D000200: to=<b@example.org>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=124096, relay=mx1.example.org. [198.51.100.20], dsn=2.0.0, stat=Sent (OK id=1)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 4A1B2C3D000200 enc 4096 to=b@example.org [0,1,2]",
           "conn@2 outbound mx1.example.org(198.51.100.20) enc [1,2]"})});

    cases.push_back({"several recipients per line, several lines per message: one message, one connection",
        QStringList{clientTls("10:00:00", "sm-mta[202]", "mx.example.com."),
                    s("10:00:01 sm-mta[202]: 4A1B2C3D000202: to=<a@example.com>,<b@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:00:02 sm-mta[202]: 4A1B2C3D000202: to=<c@example.com>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@1 outbound mx.example.com(203.0.113.22) 4A1B2C3D000202 enc 0 to=a@example.com,b@example.com,c@example.com [0,1,2]",
           "conn@1 outbound mx.example.com(203.0.113.22) enc [0,1]"})});

    cases.push_back({"several messages on one cached connection; after ConnectionCacheTimeout a new one",
        QStringList{clientTls("10:00:00", "sm-mta[203]", "mx.example.com."),
                    s("10:00:01 sm-mta[203]: 4A1B2C3D000203: to=<a@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:02:00 sm-mta[203]: 4A1B2C3E000203: to=<b@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:20:00 sm-mta[203]: 4A1B2C3F000203: to=<c@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@1 outbound mx.example.com(203.0.113.22) 4A1B2C3D000203 enc 0 to=a@example.com [0,1]",
           "msg@2 outbound mx.example.com(203.0.113.22) 4A1B2C3E000203 enc 0 to=b@example.com [0,2]",
           "msg@3 outbound mx.example.com(203.0.113.22) 4A1B2C3F000203 plain 0 to=c@example.com [3]",
           "conn@1 outbound mx.example.com(203.0.113.22) enc [0,1]",
           "conn@3 outbound mx.example.com(203.0.113.22) plain [3]"})});

    cases.push_back({"one message to two peers, one of them in plaintext",
        QStringList{clientTls("10:00:00", "sm-mta[204]", "mx.example.com."),
                    s("10:00:01 sm-mta[204]: 4A1B2C3D000204: to=<a@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:00:02 sm-mta[204]: 4A1B2C3D000204: to=<b@example.net>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mail.example.net. [192.0.2.10], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@1 outbound mx.example.com(203.0.113.22) 4A1B2C3D000204 enc 0 to=a@example.com [0,1]",
           "msg@2 outbound mail.example.net(192.0.2.10) 4A1B2C3D000204 plain 0 to=b@example.net [2]",
           "conn@1 outbound mx.example.com(203.0.113.22) enc [0,1]",
           "conn@2 outbound mail.example.net(192.0.2.10) plain [2]"})});

    cases.push_back({"a message is encrypted only if every sent line to that peer was",
        QStringList{clientTls("10:00:00", "sm-mta[205]", "mx.example.com."),
                    s("10:00:01 sm-mta[205]: 4A1B2C3D000205: to=<a@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("11:00:00 sm-mta[206]: 4A1B2C3D000205: to=<b@example.com>, delay=01:00:00, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@1 outbound mx.example.com(203.0.113.22) 4A1B2C3D000205 plain 0 to=a@example.com,b@example.com [0,1,2]",
           "conn@1 outbound mx.example.com(203.0.113.22) enc [0,1]",
           "conn@2 outbound mx.example.com(203.0.113.22) plain [2]"})});

    cases.push_back({"deferrals and bounces are not messages; a connection that was made is one",
        L({"10:00:00 sm-mta[207]: 4A1B2C3D000207: to=<a@slow.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.slow.example. [198.51.100.60], dsn=4.2.0, stat=Deferred: 450 4.2.0 Greylisted",
           "10:00:01 sm-mta[207]: 4A1B2C3E000207: to=<b@gone.example>, delay=00:00:00, pri=30000, stat=User unknown",
           "10:00:02 sm-mta[207]: 4A1B2C3F000207: to=<c@down.example>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=120000, relay=mx.down.example., dsn=4.0.0, stat=Deferred: Connection refused by mx.down.example."}),
        L({"conn@0 outbound mx.slow.example(198.51.100.60) plain [0]"})});

    cases.push_back({"a connect that timed out or was refused opened no connection",
        L({"10:00:00 sm-mta[212]: 4A1B2C3D000212: to=<j.doe@ostkrahaus.example>, delay=00:00:30, xdelay=00:00:30, mailer=esmtp, pri=143096, relay=mail.ostkrahaus.example. [192.0.2.220], dsn=4.0.0, stat=Deferred: Connection timed out with mail.ostkrahaus.example.",
           "10:00:01 sm-mta[212]: 4A1B2C3E000212: to=<c@down.example>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=120000, relay=mx.down.example. [198.51.100.61], dsn=4.0.0, stat=Deferred: Connection refused by mx.down.example.",
           "10:00:02 sm-mta[213]: 4A1B2C3F000213: to=<d@far.example>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120000, relay=mx.far.example. [203.0.113.61], dsn=4.0.0, stat=Deferred: No route to host",
           "10:00:03 sm-mta[213]: 4A1B2C40000213: to=<e@far.example>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120000, relay=mx.far.example. [203.0.113.61], dsn=4.0.0, stat=Deferred: Network is unreachable",
           "10:00:04 sm-mta[213]: 4A1B2C41000213: to=<f@sleepy.example>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120000, relay=mx.sleepy.example. [203.0.113.62], dsn=4.0.0, stat=Deferred: Host mx.sleepy.example. is down",
           "10:00:05 sm-mta[213]: 4A1B2C42000213: to=<g@ostkrahaus.example>, delay=00:00:03, xdelay=00:00:03, mailer=esmtp, pri=120000, relay=mail.ostkrahaus.example. [192.0.2.220], dsn=5.0.0, stat=Connection timed out with mail.ostkrahaus.example."}),
        QStringList()});

    cases.push_back({"after a timed-out connect, the next MX's connection is one and the same relay's next is new",
        QStringList{s("10:00:00 sm-mta[214]: 4A1B2C3D000214: to=<a@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:00:40 sm-mta[214]: 4A1B2C3E000214: to=<b@example.com>, delay=00:00:30, xdelay=00:00:30, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=4.0.0, stat=Deferred: Connection timed out with mx.example.com."),
                    clientTls("10:00:41", "sm-mta[214]", "mx2.example.com."),
                    s("10:00:42 sm-mta[214]: 4A1B2C3E000214: to=<b@example.com>, delay=00:00:32, xdelay=00:00:02, mailer=esmtp, pri=120000, relay=mx2.example.com. [203.0.113.23], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:00:43 sm-mta[214]: 4A1B2C3F000214: to=<c@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@0 outbound mx.example.com(203.0.113.22) 4A1B2C3D000214 plain 0 to=a@example.com [0]",
           "msg@3 outbound mx2.example.com(203.0.113.23) 4A1B2C3E000214 enc 0 to=b@example.com [2,3]",
           "msg@4 outbound mx.example.com(203.0.113.22) 4A1B2C3F000214 plain 0 to=c@example.com [4]",
           "conn@0 outbound mx.example.com(203.0.113.22) plain [0]",
           "conn@3 outbound mx2.example.com(203.0.113.23) enc [2,3]",
           "conn@4 outbound mx.example.com(203.0.113.22) plain [4]"})});

    cases.push_back({"a time-out after STARTTLS=client came on a connection that was made",
        QStringList{clientTls("10:00:00", "sm-mta[215]", "mx.example.com."),
                    s("10:05:00 sm-mta[215]: 4A1B2C3D000215: to=<a@example.com>, delay=00:05:00, xdelay=00:05:00, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=4.0.0, stat=Deferred: Connection timed out with mx.example.com.")},
        L({"conn@1 outbound mx.example.com(203.0.113.22) enc [0,1]"})});

    cases.push_back({"a delivery logged before its from= line gets the size",
        QStringList{serverTls("10:00:00", "208", "client.example.net [192.0.2.90]"),
                    s("10:00:01 sm-mta[208]: 4A1B2C3D000208: to=<d@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=125000, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)"),
                    s("10:00:01 sm-mta[208]: 4A1B2C3D000208: from=<s@example.net>, size=5000, class=0, nrcpts=1, msgid=<21@example.net>, proto=ESMTPS, daemon=MTA, relay=client.example.net [192.0.2.90]")},
        L({"msg@1 outbound mx.example.org(198.51.100.25) 4A1B2C3D000208 plain 5000 to=d@example.org [1,2]",
           "msg@2 inbound client.example.net(192.0.2.90) 4A1B2C3D000208 enc 5000 [0,2]",
           "conn@0 inbound client.example.net(192.0.2.90) enc [0,2]",
           "conn@1 outbound mx.example.org(198.51.100.25) plain [1]"})});

    cases.push_back({"local mailers and /dev/null are local",
        L({"10:00:00 sm-mta[209]: 4A1B2C3D000209: to=<alice@mx.example.com>, delay=00:00:00, xdelay=00:00:00, mailer=local, pri=30735, dsn=2.0.0, stat=Sent",
           "10:00:00 sm-mta[209]: 4A1B2C3D000209: to=/dev/null, ctladdr=<spam@mx.example.com> (8/0), delay=00:00:00, xdelay=00:00:00, mailer=*file*, pri=30457, dsn=2.0.0, stat=Sent",
           "10:00:01 sm-mta[209]: 4A1B2C3D000210: to=|/usr/bin/procmail, ctladdr=<bob@mx.example.com> (1001/1001), delay=00:00:00, xdelay=00:00:00, mailer=prog, pri=30457, dsn=2.0.0, stat=Sent"}),
        L({"msg@0 outbound local() 4A1B2C3D000209 plain 0 to=alice@mx.example.com,/dev/null local [0,1]",
           "msg@2 outbound local() 4A1B2C3D000210 plain 0 to=|/usr/bin/procmail local [2]"})});

    cases.push_back({"sm-msp-queue is local submission",
        QStringList{clientTls("10:00:00", "sm-msp-queue[210]", "[127.0.0.1]"),
                    s("10:00:01 sm-msp-queue[210]: 4A1B2C3D000211: to=<root@mx.example.com>, ctladdr=root (0/0), delay=00:00:01, xdelay=00:00:01, mailer=relay, pri=30000, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (4A1B2C3E000211 Message accepted for delivery)"),
                    s("10:05:00 sm-msp-queue[211]: 4A1B2C3D000212: to=<root@mx.example.com>, ctladdr=root (0/0), delay=00:00:01, xdelay=00:00:01, mailer=relay, pri=30000, relay=smarthost.example.net. [192.0.2.200], dsn=2.0.0, stat=Sent (ok)")},
        L({"msg@1 outbound 127.0.0.1(127.0.0.1) 4A1B2C3D000211 enc 0 to=root@mx.example.com local [0,1]",
           "msg@2 outbound smarthost.example.net(192.0.2.200) 4A1B2C3D000212 plain 0 to=root@mx.example.com local [2]",
           "conn@1 outbound 127.0.0.1(127.0.0.1) enc local [0,1]",
           "conn@2 outbound smarthost.example.net(192.0.2.200) plain local [2]"})});

    // ---- TLS failures ----
    cases.push_back({"a two-line client error, the rejection and the deferral: one failure",
        L({"10:00:00 sm-mta[300]: STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
           "10:00:00 sm-mta[300]: STARTTLS=client: 300:error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2149:",
           "10:00:00 sm-mta[300]: ruleset=tls_server, arg1=SOFTWARE, relay=mx.weakdh.example, reject=403 4.7.0 TLS handshake failed.",
           "10:00:00 sm-mta[300]: 4A1B2C3D000300: to=<x@weakdh.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.weakdh.example. [192.0.2.37], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed."}),
        L({"conn@3 outbound mx.weakdh.example(192.0.2.37) plain [3]",
           "fail@0 outbound mx.weakdh.example(192.0.2.37) DhKeyTooSmall \"dh key too small\" [0,1,2,3]"})});

    cases.push_back({"Sendmail 8.12's wording: OpenSSL 1.0's detail line gives the reason",
        L({"10:00:00 sm-mta[301]: STARTTLS=client, error: connect failed=0, SSL_error=1",
           "10:00:00 sm-mta[301]: STARTTLS=client: 301:error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3339:",
           "10:00:00 sm-mta[301]: ruleset=tls_server, arg1=SOFTWARE, relay=mx.weakdh.example, reject=403 4.7.0 TLS handshake failed."}),
        L({"fail@0 outbound mx.weakdh.example() DhKeyTooSmall \"dh key too small\" [0,1,2]"})});

    cases.push_back({"a failure, then the same relay in plaintext",
        L({"10:00:00 sm-mta[302]: STARTTLS=client, error: connect failed=-1, reason=sslv3 alert handshake failure, SSL_error=1, errno=0, retry=-1",
           "10:00:01 sm-mta[302]: STARTTLS: read error=syscall error (-1), errno=104, get_error=error:00000000:lib(0):func(0):reason(0), retry=99, ssl_err=5",
           "10:00:02 sm-mta[302]: 4A1B2C3D000302: to=<y@legacy.example>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120000, relay=mx.legacy.example. [192.0.2.38], dsn=2.0.0, stat=Sent (ok)"}),
        L({"msg@2 outbound mx.legacy.example(192.0.2.38) 4A1B2C3D000302 plain 0 to=y@legacy.example [2]",
           "conn@2 outbound mx.legacy.example(192.0.2.38) plain [2]",
           "fail@0 outbound mx.legacy.example(192.0.2.38) Handshake \"sslv3 alert handshake failure\" [0,1]"})});

    cases.push_back({"STARTTLS required but not offered",
        L({"10:00:00 sm-mta[303]: ruleset=tls_server, arg1=NONE, relay=mx.plain.example, reject=403 4.7.0 other side does not support STARTTLS",
           "10:00:00 sm-mta[303]: 4A1B2C3D000303: to=<z@plain.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.plain.example. [192.0.2.39], dsn=4.0.0, stat=Deferred: 403 4.7.0 other side does not support STARTTLS"}),
        L({"conn@1 outbound mx.plain.example(192.0.2.39) plain [1]",
           "fail@0 outbound mx.plain.example(192.0.2.39) NotOffered \"other side does not support STARTTLS\" [0,1]"})});

    cases.push_back({"a certificate rejection after a handshake that worked: an encrypted connection and a failure",
        QStringList{clientTls("10:00:00", "sm-mta[304]", "mx.bank.example."),
                    s("10:00:00 sm-mta[304]: ruleset=tls_server, arg1=FAIL, relay=mx.bank.example, reject=403 4.7.0 authentication failed"),
                    s("10:00:01 sm-mta[304]: 4A1B2C3D000304: to=<w@bank.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.bank.example. [192.0.2.40], dsn=4.0.0, stat=Deferred: 403 4.7.0 authentication failed")},
        L({"conn@2 outbound mx.bank.example(192.0.2.40) enc [0,2]",
           "fail@1 outbound mx.bank.example(192.0.2.40) Certificate \"authentication failed\" [1,2]"})});

    cases.push_back({"each retry is an attempt of its own",
        L({"10:00:00 sm-mta[305]: STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
           "10:00:00 sm-mta[305]: 4A1B2C3D000305: to=<x@weakdh.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.weakdh.example. [192.0.2.37], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.",
           "10:30:00 sm-mta[306]: STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
           "10:30:00 sm-mta[306]: 4A1B2C3D000305: to=<x@weakdh.example>, delay=00:30:01, xdelay=00:00:01, mailer=esmtp, pri=210000, relay=mx.weakdh.example. [192.0.2.37], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed."}),
        L({"conn@1 outbound mx.weakdh.example(192.0.2.37) plain [1]",
           "conn@3 outbound mx.weakdh.example(192.0.2.37) plain [3]",
           "fail@0 outbound mx.weakdh.example(192.0.2.37) DhKeyTooSmall \"dh key too small\" [0,1]",
           "fail@2 outbound mx.weakdh.example(192.0.2.37) DhKeyTooSmall \"dh key too small\" [2,3]"})});

    cases.push_back({"a TLS deferral with no TLS lines before it is an attempt",
        L({"10:00:00 sm-mta[307]: 4A1B2C3D000307: to=<v@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [198.51.100.25], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed."}),
        L({"conn@0 outbound mx.example.org(198.51.100.25) plain [0]",
           "fail@0 outbound mx.example.org(198.51.100.25) Handshake \"TLS handshake failed.\" [0]"})});

    cases.push_back({"a read error on a connection whose handshake worked is no failure",
        QStringList{clientTls("10:00:00", "sm-mta[308]", "mx.example.com."),
                    s("10:00:05 sm-mta[308]: STARTTLS: read error=syscall error (-1), errno=104, get_error=error:00000000:lib(0):func(0):reason(0), retry=99, ssl_err=5"),
                    s("10:00:05 sm-mta[308]: 4A1B2C3D000308: to=<g@example.com>, delay=00:00:05, xdelay=00:00:05, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=4.0.0, stat=Deferred: Connection reset by mx.example.com.")},
        L({"conn@2 outbound mx.example.com(203.0.113.22) enc [0,2]"})});

    cases.push_back({"a rejection logged before its connect failure is still one attempt",
        L({"10:00:00 sm-mta[310]: ruleset=tls_server, arg1=SOFTWARE, relay=mx.example.org, reject=403 4.7.0 TLS handshake failed.",
           "10:00:00 sm-mta[310]: STARTTLS=client, error: connect failed=0, SSL_error=5"}),
        L({"fail@0 outbound mx.example.org() Handshake \"TLS handshake failed.\" [0,1]"})});

    cases.push_back({"an attempt no line names is settled at the end of the log",
        L({"10:00:00 sm-mta[309]: STARTTLS=client, error: connect failed=0, SSL_error=5"}),
        L({"fail@0 outbound () Handshake \"connect failed=0, SSL_error=5\" [0]"})});

    return cases;
}

} // namespace mailtls::testing
