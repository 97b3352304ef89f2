#pragma once

// The COUNTING.md rows of tst_sessionassembler: Postfix lines and the records they must give.

#include <vector>

#include <QString>
#include <QStringList>

#include "tests/models/sessionassemblerharness.h"

namespace mailtls::testing {

struct Case
{
    const char *name;
    QStringList log;
    QStringList expected;
};

// One row per COUNTING.md rule, with real-shaped Postfix lines.
inline std::vector<Case> countingCases()
{
    const QString tls13 = QString::fromUtf8(kTls13);
    auto tlsFrom = [&tls13](const char *pid, const char *peer) {
        return QStringLiteral("10:00:01 postfix/smtpd[%1]: Anonymous TLS connection established from %2: %3")
            .arg(QString::fromUtf8(pid), QString::fromUtf8(peer), tls13);
    };
    auto tlsTo = [&tls13](const char *time, const char *pid, const char *trust, const char *relay) {
        return QStringLiteral("%1 postfix/smtp[%2]: %3 TLS connection established to %4: %5")
            .arg(QString::fromUtf8(time), QString::fromUtf8(pid), QString::fromUtf8(trust),
                 QString::fromUtf8(relay), tls13);
    };

    std::vector<Case> cases;

    // ---- inbound ----
    cases.push_back({"inbound plaintext message",
        L({"10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
           "10:00:01 postfix/cleanup[101]: 4104E3D: message-id=<1@example.net>",
           "10:00:02 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=1234, nrcpt=1 (queue active)",
           "10:00:02 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"}),
        L({"msg@1 inbound mail.example.net(192.0.2.10) 4104E3D plain 1234 [0,1,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) plain [0,1,4]"})});

    cases.push_back({"inbound TLS before client=",
        QStringList{QStringLiteral("10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]"),
                    tlsFrom("100", "mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=2048, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7")},
        L({"msg@2 inbound mail.example.net(192.0.2.10) 4104E3D enc 2048 [0,1,2,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,2,4]"})});

    cases.push_back({"inbound whole session starttls=1 without TLS line",
        L({"10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
           "10:00:02 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=3000, nrcpt=1 (queue active)",
           "10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7"}),
        L({"msg@1 inbound mail.example.net(192.0.2.10) 4104E3D enc 3000 [0,1,2,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,3]"})});

    cases.push_back({"inbound TLS line after client= does not encrypt that message",
        QStringList{QStringLiteral("10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:00 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:00 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=10, nrcpt=1 (queue active)"),
                    tlsFrom("100", "mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/smtpd[100]: 5205F4E: client=mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 5205F4E: from=<a@example.net>, size=20, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=3 starttls=1 mail=2 rcpt=2 data=2 quit=1 commands=11")},
        L({"msg@1 inbound mail.example.net(192.0.2.10) 4104E3D plain 10 [0,1,2]",
           "msg@4 inbound mail.example.net(192.0.2.10) 5205F4E enc 20 [0,3,4,5]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,3,4,6]"})});

    cases.push_back({"smtps wrapper session is encrypted and submission",
        L({"10:00:00 postfix/smtps/smtpd[110]: connect from client.example.com[203.0.113.40]",
           "10:00:01 postfix/smtps/smtpd[110]: 6A7B8C9: client=client.example.com[203.0.113.40]",
           "10:00:02 postfix/qmgr[102]: 6A7B8C9: from=<me@example.com>, size=555, nrcpt=1 (queue active)",
           "10:00:03 postfix/smtps/smtpd[110]: disconnect from client.example.com[203.0.113.40] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"}),
        L({"msg@1 submission client.example.com(203.0.113.40) 6A7B8C9 enc 555 [0,1,2]",
           "conn@0 submission client.example.com(203.0.113.40) enc [0,1,3]"})});

    cases.push_back({"submissions wrapper session that fails TLS",
        L({"10:00:00 postfix/submissions/smtpd[111]: connect from unknown[198.51.100.7]",
           "10:00:01 postfix/submissions/smtpd[111]: SSL_accept error from unknown[198.51.100.7]: lost connection",
           "10:00:01 postfix/submissions/smtpd[111]: lost connection after CONNECT from unknown[198.51.100.7]",
           "10:00:01 postfix/submissions/smtpd[111]: disconnect from unknown[198.51.100.7] commands=0/0"}),
        L({"conn@0 submission 198.51.100.7(198.51.100.7) plain [0,1,3]",
           "fail@1 submission 198.51.100.7(198.51.100.7) Handshake \"lost connection\" [1,3]"})});

    cases.push_back({"submission by service and SASL",
        QStringList{QStringLiteral("10:00:00 postfix/submission/smtpd[120]: connect from laptop.example.com[203.0.113.50]"),
                    QStringLiteral("10:00:01 postfix/submission/smtpd[120]: Anonymous TLS connection established from laptop.example.com[203.0.113.50]: ") + tls13,
                    QStringLiteral("10:00:02 postfix/submission/smtpd[120]: 7C1D2E3: client=laptop.example.com[203.0.113.50], sasl_method=PLAIN, sasl_username=alice"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 7C1D2E3: from=<alice@example.com>, size=700, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:03 postfix/submission/smtpd[120]: disconnect from laptop.example.com[203.0.113.50] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8")},
        L({"msg@2 submission laptop.example.com(203.0.113.50) 7C1D2E3 enc 700 [0,1,2,3]",
           "conn@0 submission laptop.example.com(203.0.113.50) enc [0,1,2,4]"})});

    cases.push_back({"submission by sasl_username on port 25",
        L({"10:00:00 postfix/smtpd[121]: connect from laptop.example.com[203.0.113.50]",
           "10:00:01 postfix/smtpd[121]: 7C1D2E4: client=laptop.example.com[203.0.113.50], sasl_method=LOGIN, sasl_username=bob",
           "10:00:02 postfix/qmgr[102]: 7C1D2E4: from=<bob@example.com>, size=710, nrcpt=1 (queue active)",
           "10:00:03 postfix/smtpd[121]: disconnect from laptop.example.com[203.0.113.50] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6"}),
        L({"msg@1 submission laptop.example.com(203.0.113.50) 7C1D2E4 plain 710 [0,1,2]",
           "conn@0 submission laptop.example.com(203.0.113.50) plain [0,1,3]"})});

    cases.push_back({"submission by auth= on the disconnect line only",
        QStringList{QStringLiteral("10:00:00 postfix/smtpd[122]: connect from laptop.example.com[203.0.113.50]"),
                    tlsFrom("122", "laptop.example.com[203.0.113.50]"),
                    QStringLiteral("10:00:02 postfix/smtpd[122]: 7C1D2E5: client=laptop.example.com[203.0.113.50]"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 7C1D2E5: from=<carol@example.com>, size=720, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:03 postfix/smtpd[122]: disconnect from laptop.example.com[203.0.113.50] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8")},
        L({"msg@2 submission laptop.example.com(203.0.113.50) 7C1D2E5 enc 720 [0,1,2,3,4]",
           "conn@0 submission laptop.example.com(203.0.113.50) enc [0,1,2,4]"})});

    cases.push_back({"failed auth is not submission",
        L({"10:00:00 postfix/smtpd[123]: connect from unknown[203.0.113.51]",
           "10:00:01 postfix/smtpd[123]: warning: unknown[203.0.113.51]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
           "10:00:02 postfix/smtpd[123]: disconnect from unknown[203.0.113.51] ehlo=1 auth=0/1 quit=1 commands=2/3"}),
        L({"conn@0 inbound 203.0.113.51(203.0.113.51) plain [0,2]"})});

    cases.push_back({"client= without qmgr is not a message",
        L({"10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
           "10:00:02 postfix/cleanup[101]: 4104E3D: milter-reject: END-OF-MESSAGE from mail.example.net[192.0.2.10]: 5.7.1 Spam; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>",
           "10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5"}),
        L({"conn@0 inbound mail.example.net(192.0.2.10) plain [0,1,3]"})});

    cases.push_back({"client= removed before it reached the queue is not a message",
        L({"10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
           "10:00:02 postfix/qmgr[102]: 4104E3D: removed",
           "10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5",
           "10:00:04 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=9, nrcpt=1 (queue active)"}),
        L({"conn@0 inbound mail.example.net(192.0.2.10) plain [0,1,3]"})});

    cases.push_back({"qmgr line after the disconnect",
        L({"10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
           "10:00:02 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7",
           "10:00:03 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=4321, nrcpt=1 (queue active)"}),
        L({"msg@1 inbound mail.example.net(192.0.2.10) 4104E3D enc 4321 [0,1,2,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,2]"})});

    cases.push_back({"inbound starttls=0/1 is a failure",
        L({"10:00:00 postfix/smtpd[130]: connect from unknown[203.0.113.5]",
           "10:00:01 postfix/smtpd[130]: disconnect from unknown[203.0.113.5] ehlo=1 starttls=0/1 commands=1/2"}),
        L({"conn@0 inbound 203.0.113.5(203.0.113.5) plain [0,1]",
           "fail@1 inbound 203.0.113.5(203.0.113.5) Other \"starttls=0/1\" [1]"})});

    cases.push_back({"SSL_accept error, lost connection after STARTTLS and starttls=0/1 are one failure",
        L({"10:00:00 postfix/smtpd[131]: connect from unknown[203.0.113.6]",
           "10:00:01 postfix/smtpd[131]: SSL_accept error from unknown[203.0.113.6]: -1",
           "10:00:01 postfix/smtpd[131]: lost connection after STARTTLS from unknown[203.0.113.6]",
           "10:00:01 postfix/smtpd[131]: disconnect from unknown[203.0.113.6] ehlo=1 starttls=0/1 commands=1/2"}),
        L({"conn@0 inbound 203.0.113.6(203.0.113.6) plain [0,1,2,3]",
           "fail@1 inbound 203.0.113.6(203.0.113.6) LostAfterStarttls \"lost connection after STARTTLS\" [1,2,3]"})});

    cases.push_back({"lost connection after STARTTLS without statistics",
        L({"10:00:00 postfix/smtpd[132]: connect from old.example.net[203.0.113.7]",
           "10:00:01 postfix/smtpd[132]: lost connection after STARTTLS from old.example.net[203.0.113.7]",
           "10:00:01 postfix/smtpd[132]: disconnect from old.example.net[203.0.113.7]"}),
        L({"conn@0 inbound old.example.net(203.0.113.7) plain [0,1,2]",
           "fail@1 inbound old.example.net(203.0.113.7) LostAfterStarttls \"lost connection after STARTTLS\" [1,2]"})});

    cases.push_back({"lost connection after STARTTLS with a successful starttls=1 is no failure",
        L({"10:00:00 postfix/smtpd[133]: connect from old.example.net[203.0.113.7]",
           "10:00:01 postfix/smtpd[133]: lost connection after STARTTLS from old.example.net[203.0.113.7]",
           "10:00:01 postfix/smtpd[133]: disconnect from old.example.net[203.0.113.7] ehlo=1 starttls=1 commands=2"}),
        L({"conn@0 inbound old.example.net(203.0.113.7) enc [0,1,2]"})});

    cases.push_back({"SSL_accept error after a TLS line is no failure",
        QStringList{QStringLiteral("10:00:00 postfix/smtpd[134]: connect from odd.example.net[203.0.113.8]"),
                    tlsFrom("134", "odd.example.net[203.0.113.8]"),
                    QStringLiteral("10:00:02 postfix/smtpd[134]: SSL_accept error from odd.example.net[203.0.113.8]: Connection reset by peer"),
                    QStringLiteral("10:00:02 postfix/smtpd[134]: disconnect from odd.example.net[203.0.113.8] ehlo=2 starttls=1 commands=3")},
        L({"conn@0 inbound odd.example.net(203.0.113.8) enc [0,1,2,3]"})});

    cases.push_back({"log starting mid-session",
        L({"10:00:00 postfix/smtpd[140]: 5D6E7F8: client=mail.example.net[192.0.2.10]",
           "10:00:01 postfix/qmgr[102]: 5D6E7F8: from=<a@example.net>, size=100, nrcpt=1 (queue active)",
           "10:00:02 postfix/smtpd[140]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7",
           "10:00:03 postfix/smtpd[141]: disconnect from other.example.net[192.0.2.11] ehlo=1 quit=1 commands=2"}),
        L({"msg@0 inbound mail.example.net(192.0.2.10) 5D6E7F8 enc 100 [0,1,2]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,2]",
           "conn@3 inbound other.example.net(192.0.2.11) plain [3]"})});

    cases.push_back({"next connect of the pid ends the session",
        L({"10:00:00 postfix/smtpd[150]: connect from a.example.net[192.0.2.12]",
           "10:00:01 postfix/smtpd[150]: 1A2B3C4: client=a.example.net[192.0.2.12]",
           "10:00:01 postfix/qmgr[102]: 1A2B3C4: from=<a@example.net>, size=500, nrcpt=1 (queue active)",
           "10:00:05 postfix/smtpd[150]: connect from b.example.net[192.0.2.13]",
           "10:00:06 postfix/smtpd[150]: disconnect from b.example.net[192.0.2.13] ehlo=1 quit=1 commands=2"}),
        L({"msg@1 inbound a.example.net(192.0.2.12) 1A2B3C4 plain 500 [0,1,2]",
           "conn@0 inbound a.example.net(192.0.2.12) plain [0,1]",
           "conn@3 inbound b.example.net(192.0.2.13) plain [3,4]"})});

    cases.push_back({"session still open at the end of the log",
        QStringList{QStringLiteral("10:00:00 postfix/smtpd[160]: connect from mail.example.net[192.0.2.10]"),
                    tlsFrom("160", "mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/smtpd[160]: 2B3C4D5: client=mail.example.net[192.0.2.10]"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 2B3C4D5: from=<a@example.net>, size=600, nrcpt=1 (queue active)")},
        L({"msg@2 inbound mail.example.net(192.0.2.10) 2B3C4D5 enc 600 [0,1,2,3]",
           "conn@0 inbound mail.example.net(192.0.2.10) enc [0,1,2]"})});

    cases.push_back({"inbound local hop",
        L({"10:00:00 postfix/smtpd[170]: connect from localhost[127.0.0.1]",
           "10:00:01 postfix/smtpd[170]: 3C4D5E6: client=localhost[127.0.0.1]",
           "10:00:01 postfix/qmgr[102]: 3C4D5E6: from=<a@example.net>, size=800, nrcpt=1 (queue active)",
           "10:00:02 postfix/smtpd[170]: disconnect from localhost[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
           "10:00:03 postfix/smtpd[171]: connect from localhost[::1]",
           "10:00:04 postfix/smtpd[171]: disconnect from localhost[::1] ehlo=1 quit=1 commands=2"}),
        L({"msg@1 inbound localhost(127.0.0.1) 3C4D5E6 plain 800 local [0,1,2]",
           "conn@0 inbound localhost(127.0.0.1) plain local [0,1,3]",
           "conn@4 inbound localhost(::1) plain local [4,5]"})});

    cases.push_back({"postscreen and tlsproxy add nothing",
        L({"10:00:00 postfix/postscreen[180]: CONNECT from [192.0.2.14]:41234 to [192.0.2.1]:25",
           "10:00:01 postfix/postscreen[180]: PASS NEW [192.0.2.14]:41234",
           "10:00:01 postfix/tlsproxy[181]: CONNECT from [192.0.2.14]:41234",
           "10:00:02 postfix/tlsproxy[181]: Anonymous TLS connection established from [192.0.2.14]:41234: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
           "10:00:03 postfix/tlsproxy[181]: DISCONNECT [192.0.2.14]:41234"}),
        QStringList()});

    cases.push_back({"inbound peer names",
        L({"10:00:00 postfix/smtpd[190]: connect from Mail.Example.NET[192.0.2.15]",
           "10:00:01 postfix/smtpd[190]: disconnect from Mail.Example.NET[192.0.2.15] ehlo=1 quit=1 commands=2",
           "10:00:02 postfix/smtpd[191]: connect from unknown[2001:DB8::5]",
           "10:00:03 postfix/smtpd[191]: disconnect from unknown[2001:DB8::5] ehlo=1 quit=1 commands=2",
           "10:00:04 postfix/smtpd[192]: connect from unknown[192.0.2.16]",
           "10:00:05 postfix/smtpd[192]: disconnect from unknown[192.0.2.16] ehlo=1 quit=1 commands=2"}),
        L({"conn@0 inbound mail.example.net(192.0.2.15) plain [0,1]",
           "conn@2 inbound 2001:db8::5(2001:db8::5) plain [2,3]",
           "conn@4 inbound 192.0.2.16(192.0.2.16) plain [4,5]"})});

    cases.push_back({"instance and smtp-25 program names",
        L({"10:00:00 postfix-in/smtpd[195]: connect from mail.example.net[192.0.2.10]",
           "10:00:01 postfix-in/smtpd[195]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 quit=1 commands=4",
           "10:00:02 postfix/smtp-25/smtpd[196]: connect from mail.example.net[192.0.2.10]",
           "10:00:03 postfix/smtp-25/smtpd[196]: disconnect from mail.example.net[192.0.2.10] ehlo=1 quit=1 commands=2"}),
        L({"conn@0 inbound mail.example.net(192.0.2.10) enc [0,1]",
           "conn@2 inbound mail.example.net(192.0.2.10) plain [2,3]"})});

    // ---- outbound ----
    cases.push_back({"outbound over TLS",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 5A3E71F: from=<a@example.com>, size=2048, nrcpt=1 (queue active)"),
                    tlsTo("10:00:01", "200", "Verified", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[200]: 5A3E71F: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F)"),
                    QStringLiteral("10:00:01 postfix/qmgr[102]: 5A3E71F: removed")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 5A3E71F enc 2048 to=b@example.org [0,1,2]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]"})});

    cases.push_back({"outbound plaintext",
        L({"10:00:00 postfix/qmgr[102]: 5A3E720: from=<a@example.com>, size=900, nrcpt=1 (queue active)",
           "10:00:01 postfix/smtp[201]: 5A3E720: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F)"}),
        L({"msg@1 outbound mx1.example.org(198.51.100.20) 5A3E720 plain 900 to=b@example.org [0,1]",
           "conn@1 outbound mx1.example.org(198.51.100.20):25 plain [1]"})});

    cases.push_back({"several recipients in one transaction (rule 2)",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 5A3E721: from=<a@example.com>, size=4096, nrcpt=3 (queue active)"),
                    tlsTo("10:00:01", "202", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[202]: 5A3E721: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F)"),
                    QStringLiteral("10:00:01 postfix/smtp[202]: 5A3E721: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F)"),
                    QStringLiteral("10:00:01 postfix/smtp[202]: 5A3E721: to=<d@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=4.2.2, status=deferred (host mx1.example.org[198.51.100.20] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 5A3E721 enc 4096 to=b@example.org,c@example.org [0,1,2,3]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]"})});

    cases.push_back({"cached connection without a reuse line is plaintext (rule 1)",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A001: from=<a@example.com>, size=1000, nrcpt=1 (queue active)"),
                    tlsTo("10:00:01", "203", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[203]: 6B0A001: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 6B0A002: from=<a@example.com>, size=1100, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:02 postfix/smtp[204]: 6B0A002: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, conn_use=2, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:03 postfix/smtp[204]: 6B0A002: to=<d@example.org>, relay=mx1.example.org[198.51.100.20]:25, conn_use=2, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 6B0A001 enc 1000 to=b@example.org [0,1,2]",
           "msg@4 outbound mx1.example.org(198.51.100.20) 6B0A002 plain 1100 to=c@example.org,d@example.org [3,4,5]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]"})});

    cases.push_back({"cached connection with TLS reused (rule 1)",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A003: from=<a@example.com>, size=1000, nrcpt=1 (queue active)"),
                    tlsTo("10:00:01", "205", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[205]: 6B0A003: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 6B0A004: from=<a@example.com>, size=1200, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:02 postfix/smtp[206]: Trusted TLS connection reused to mx1.example.org[198.51.100.20]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"),
                    QStringLiteral("10:00:02 postfix/smtp[206]: 6B0A004: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, conn_use=2, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:02 postfix/smtp[206]: 6B0A004: to=<d@example.org>, relay=mx1.example.org[198.51.100.20]:25, conn_use=2, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 6B0A003 enc 1000 to=b@example.org [0,1,2]",
           "msg@5 outbound mx1.example.org(198.51.100.20) 6B0A004 enc 1200 to=c@example.org,d@example.org [3,4,5,6]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]"})});

    cases.push_back({"TLS line for a different relay",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A005: from=<a@example.com>, size=1300, nrcpt=1 (queue active)"),
                    tlsTo("10:00:01", "207", "Untrusted", "mx2.example.org[198.51.100.21]:25"),
                    QStringLiteral("10:00:02 postfix/smtp[207]: 6B0A005: lost connection with mx2.example.org[198.51.100.21] while receiving the initial server greeting"),
                    QStringLiteral("10:00:03 postfix/smtp[207]: 6B0A005: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=3, delays=0/0/3/0, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@3 outbound mx1.example.org(198.51.100.20) 6B0A005 plain 1300 to=b@example.org [0,3]",
           "conn@3 outbound mx1.example.org(198.51.100.20):25 plain [3]"})});

    cases.push_back({"a TLS line between two recipients starts a new connection",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A00F: from=<a@example.com>, size=1300, nrcpt=2 (queue active)"),
                    QStringLiteral("10:00:01 postfix/smtp[219]: 6B0A00F: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    tlsTo("10:00:02", "219", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:02 postfix/smtp[219]: 6B0A00F: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@1 outbound mx1.example.org(198.51.100.20) 6B0A00F plain 1300 to=b@example.org,c@example.org [0,1,2,3]",
           "conn@1 outbound mx1.example.org(198.51.100.20):25 plain [1]",
           "conn@3 outbound mx1.example.org(198.51.100.20):25 enc [2,3]"})});

    cases.push_back({"Postfix 3.11 tls= field wins over inference",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A006: from=<a@example.com>, size=100, nrcpt=1 (queue active)"),
                    tlsTo("10:00:01", "208", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[208]: 6B0A006: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, tls=may:none, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:02 postfix/qmgr[102]: 6B0A007: from=<a@example.com>, size=200, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:02 postfix/smtp[209]: 6B0A007: to=<c@example.net>, relay=mx.example.net[203.0.113.30]:25, delay=0.5, delays=0.1/0/0.2/0.2, tls=dane, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 6B0A006 plain 100 to=b@example.org [0,2]",
           "msg@4 outbound mx.example.net(203.0.113.30) 6B0A007 enc 200 to=c@example.net [3,4]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 plain [2]",
           "conn@4 outbound mx.example.net(203.0.113.30):25 enc [4]"})});

    cases.push_back({"one message to two peers is two messages",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A008: from=<a@example.com>, size=5000, nrcpt=2 (queue active)"),
                    tlsTo("10:00:01", "210", "Verified", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[210]: 6B0A008: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:01 postfix/smtp[211]: 6B0A008: to=<e@example.net>, relay=mx.example.net[203.0.113.30]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 6B0A008 enc 5000 to=b@example.org [0,1,2]",
           "msg@3 outbound mx.example.net(203.0.113.30) 6B0A008 plain 5000 to=e@example.net [0,3]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]",
           "conn@3 outbound mx.example.net(203.0.113.30):25 plain [3]"})});

    cases.push_back({"one plaintext sent line makes the message plaintext",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 6B0A009: from=<a@example.com>, size=6000, nrcpt=2 (queue active)"),
                    tlsTo("10:00:01", "212", "Verified", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:01 postfix/smtp[212]: 6B0A009: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)"),
                    QStringLiteral("10:00:02 postfix/smtp[213]: 6B0A009: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@2 outbound mx1.example.org(198.51.100.20) 6B0A009 plain 6000 to=b@example.org,c@example.org [0,1,2,3]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 enc [1,2]",
           "conn@3 outbound mx1.example.org(198.51.100.20):25 plain [3]"})});

    cases.push_back({"outbound peer names",
        L({"10:00:00 postfix/smtp[214]: 6B0A00A: to=<b@example.org>, relay=MX1.Example.ORG.[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
           "10:00:01 postfix/smtp[215]: 6B0A00A: to=<c@example.org>, relay=mx6.example.org[2001:DB8::25]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok)"}),
        L({"msg@0 outbound mx1.example.org(198.51.100.20) 6B0A00A plain 0 to=b@example.org [0]",
           "msg@1 outbound mx6.example.org(2001:db8::25) 6B0A00A plain 0 to=c@example.org [1]",
           "conn@0 outbound mx1.example.org(198.51.100.20):25 plain [0]",
           "conn@1 outbound mx6.example.org(2001:db8::25):25 plain [1]"})});

    cases.push_back({"outbound local hops",
        L({"10:00:00 postfix/qmgr[102]: 7D0E001: from=<a@example.com>, size=300, nrcpt=5 (queue active)",
           "10:00:01 postfix/lmtp[400]: 7D0E001: to=<u@mx.example>, relay=mx.example[private/dovecot-lmtp], delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 <u@mx.example> Saved)",
           "10:00:01 postfix/local[401]: 7D0E001: to=<root@mx.example>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)",
           "10:00:01 postfix/smtp[402]: 7D0E001: to=<v@example.org>, relay=127.0.0.1[127.0.0.1]:10024, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 1)",
           "10:00:01 postfix/pipe[403]: 7D0E001: to=<w@mx.example>, relay=dovecot, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered via dovecot service)",
           "10:00:01 postfix/virtual[404]: 7D0E001: to=<x@mx.example>, relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)"}),
        L({"msg@1 outbound mx.example(private/dovecot-lmtp) 7D0E001 plain 300 to=u@mx.example local [0,1]",
           "msg@2 outbound local() 7D0E001 plain 300 to=root@mx.example local [0,2]",
           "msg@3 outbound 127.0.0.1(127.0.0.1) 7D0E001 plain 300 to=v@example.org local [0,3]",
           "msg@4 outbound dovecot() 7D0E001 plain 300 to=w@mx.example local [0,4]",
           "msg@5 outbound virtual() 7D0E001 plain 300 to=x@mx.example local [0,5]",
           "conn@1 outbound mx.example(private/dovecot-lmtp) plain local [1]",
           "conn@3 outbound 127.0.0.1(127.0.0.1):10024 plain local [3]"})});

    cases.push_back({"deferred and bounced lines are not messages",
        L({"10:00:00 postfix/smtp[216]: 6B0A00B: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.1.1, status=bounced (host mx1.example.org[198.51.100.20] said: 550 5.1.1 no such user (in reply to RCPT TO command))",
           "10:00:01 postfix/smtp[217]: 6B0A00C: to=<c@example.org>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx1.example.org[198.51.100.20]:25: Connection timed out)"}),
        L({"conn@0 outbound mx1.example.org(198.51.100.20):25 plain [0]"})});

    // ---- TLS failures, outbound ----
    cases.push_back({"dh key too small, then plaintext fallback",
        L({"10:00:00 postfix/qmgr[102]: 8E0F001: from=<a@example.com>, size=800, nrcpt=1 (queue active)",
           "10:00:01 postfix/smtp[300]: SSL_connect error to mx.weak.example[192.0.2.30]:25: -1",
           "10:00:01 postfix/smtp[300]: warning: TLS library problem: error:0A00018A:SSL routines::dh key too small:../ssl/statem/statem_clnt.c:2156:",
           "10:00:01 postfix/smtp[300]: 8E0F001: Cannot start TLS: handshake failure",
           "10:00:02 postfix/smtp[300]: 8E0F001: to=<w@weak.example>, relay=mx.weak.example[192.0.2.30]:25, delay=2, delays=0/0/2/0, dsn=2.0.0, status=sent (250 2.0.0 Ok)"}),
        L({"msg@4 outbound mx.weak.example(192.0.2.30) 8E0F001 plain 800 to=w@weak.example [0,4]",
           "conn@4 outbound mx.weak.example(192.0.2.30):25 plain [4]",
           "fail@1 outbound mx.weak.example(192.0.2.30):25 DhKeyTooSmall \"dh key too small\" [1,2,3]"})});

    cases.push_back({"library problem (OpenSSL 1.0 words) before the SSL_connect line names its relay",
        L({"10:00:01 postfix/smtp[301]: warning: TLS library problem: 10406:error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3331:",
           "10:00:01 postfix/smtp[301]: SSL_connect error to mx.weak.example[192.0.2.30]:25: -1",
           "10:00:01 postfix/smtp[301]: 8E0F002: to=<w@weak.example>, relay=mx.weak.example[192.0.2.30]:25, delay=2, delays=0/0/2/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)"}),
        L({"conn@2 outbound mx.weak.example(192.0.2.30):25 plain [2]",
           "fail@0 outbound mx.weak.example(192.0.2.30):25 DhKeyTooSmall \"dh key too small\" [0,1,2]"})});

    cases.push_back({"library problem takes its relay from the next delivery line",
        L({"10:00:01 postfix/smtp[302]: warning: TLS library problem: error:0A000410:SSL routines::sslv3 alert handshake failure:../ssl/record/rec_layer_s3.c:1584:SSL alert number 40",
           "10:00:01 postfix/smtp[302]: 8E0F003: to=<x@old.example>, relay=mx.old.example[192.0.2.33]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)",
           "10:00:01 postfix/smtp[302]: 8E0F003: to=<y@old.example>, relay=mx.old.example[192.0.2.33]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)"}),
        L({"conn@1 outbound mx.old.example(192.0.2.33):25 plain [1]",
           "fail@0 outbound mx.old.example(192.0.2.33):25 Handshake \"sslv3 alert handshake failure\" [0,1,2]"})});

    cases.push_back({"certificate failure then TLS established is one failure and an encrypted connection",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 8E0F004: from=<a@example.com>, size=810, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:01 postfix/smtp[310]: certificate verification failed for mx.self.example[192.0.2.31]:25: self-signed certificate"),
                    tlsTo("10:00:01", "310", "Untrusted", "mx.self.example[192.0.2.31]:25"),
                    QStringLiteral("10:00:02 postfix/smtp[310]: 8E0F004: to=<c@self.example>, relay=mx.self.example[192.0.2.31]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@3 outbound mx.self.example(192.0.2.31) 8E0F004 enc 810 to=c@self.example [0,2,3]",
           "conn@3 outbound mx.self.example(192.0.2.31):25 enc [2,3]",
           "fail@1 outbound mx.self.example(192.0.2.31):25 Certificate \"self-signed certificate\" [1]"})});

    cases.push_back({"certificate failure then deferral (secure level)",
        L({"10:00:01 postfix/smtp[311]: certificate verification failed for mx.self.example[192.0.2.31]:25: untrusted issuer /CN=Example CA",
           "10:00:02 postfix/smtp[311]: 8E0F005: to=<c@self.example>, relay=mx.self.example[192.0.2.31]:25, delay=2, delays=0/0/2/0, dsn=4.7.5, status=deferred (Server certificate not verified)"}),
        L({"conn@1 outbound mx.self.example(192.0.2.31):25 plain [1]",
           "fail@0 outbound mx.self.example(192.0.2.31):25 Certificate \"untrusted issuer /CN=Example CA\" [0,1]"})});

    cases.push_back({"deferral run with no lines before it is one attempt",
        L({"10:00:00 postfix/qmgr[102]: 8E0F006: from=<a@example.com>, size=820, nrcpt=2 (queue active)",
           "10:00:01 postfix/smtp[320]: 8E0F006: to=<a@notls.example>, relay=mx.notls.example[192.0.2.32]:25, delay=0.3, delays=0/0/0.3/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.notls.example[192.0.2.32])",
           "10:00:01 postfix/smtp[320]: 8E0F006: to=<b@notls.example>, relay=mx.notls.example[192.0.2.32]:25, delay=0.3, delays=0/0/0.3/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.notls.example[192.0.2.32])"}),
        L({"conn@1 outbound mx.notls.example(192.0.2.32):25 plain [1]",
           "fail@1 outbound mx.notls.example(192.0.2.32):25 NotOffered \"TLS is required, but was not offered by host mx.notls.example[192.0.2.32]\" [1,2]"})});

    cases.push_back({"further deferrals of the same transaction join the attempt",
        L({"10:00:01 postfix/smtp[321]: SSL_connect error to mx.bad.example[192.0.2.34]:25: lost connection",
           "10:00:01 postfix/smtp[321]: 8E0F007: Cannot start TLS: handshake failure",
           "10:00:01 postfix/smtp[321]: 8E0F007: to=<a@bad.example>, relay=mx.bad.example[192.0.2.34]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)",
           "10:00:01 postfix/smtp[321]: 8E0F007: to=<b@bad.example>, relay=mx.bad.example[192.0.2.34]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)"}),
        L({"conn@2 outbound mx.bad.example(192.0.2.34):25 plain [2]",
           "fail@0 outbound mx.bad.example(192.0.2.34):25 Handshake \"lost connection\" [0,1,2,3]"})});

    cases.push_back({"two transactions are two attempts",
        L({"10:00:01 postfix/smtp[322]: 8E0F008: to=<a@notls.example>, relay=mx.notls.example[192.0.2.32]:25, delay=0.3, delays=0/0/0.3/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.notls.example[192.0.2.32])",
           "10:00:02 postfix/smtp[322]: 8E0F009: to=<b@notls.example>, relay=mx.notls.example[192.0.2.32]:25, delay=0.3, delays=0/0/0.3/0, dsn=4.7.4, status=bounced (TLS is required, but was not offered by host mx.notls.example[192.0.2.32])"}),
        L({"conn@0 outbound mx.notls.example(192.0.2.32):25 plain [0]",
           "conn@1 outbound mx.notls.example(192.0.2.32):25 plain [1]",
           "fail@0 outbound mx.notls.example(192.0.2.32):25 NotOffered \"TLS is required, but was not offered by host mx.notls.example[192.0.2.32]\" [0]",
           "fail@1 outbound mx.notls.example(192.0.2.32):25 NotOffered \"TLS is required, but was not offered by host mx.notls.example[192.0.2.32]\" [1]"})});

    cases.push_back({"failed attempt at one MX, delivery at the next",
        QStringList{QStringLiteral("10:00:00 postfix/qmgr[102]: 8E0F00A: from=<a@example.com>, size=830, nrcpt=1 (queue active)"),
                    QStringLiteral("10:00:01 postfix/smtp[323]: SSL_connect error to mx1.bad.example[192.0.2.35]:25: Connection reset by peer"),
                    tlsTo("10:00:02", "323", "Trusted", "mx2.bad.example[192.0.2.36]:25"),
                    QStringLiteral("10:00:02 postfix/smtp[323]: 8E0F00A: to=<a@bad.example>, relay=mx2.bad.example[192.0.2.36]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)")},
        L({"msg@3 outbound mx2.bad.example(192.0.2.36) 8E0F00A enc 830 to=a@bad.example [0,2,3]",
           "conn@3 outbound mx2.bad.example(192.0.2.36):25 enc [2,3]",
           "fail@1 outbound mx1.bad.example(192.0.2.35):25 Handshake \"Connection reset by peer\" [1]"})});

    cases.push_back({"library warning after an established handshake is not a failure",
        QStringList{tlsTo("10:00:01", "324", "Trusted", "mx1.example.org[198.51.100.20]:25"),
                    QStringLiteral("10:00:02 postfix/smtp[324]: warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading:../ssl/record/rec_layer_s3.c:308:"),
                    QStringLiteral("10:00:02 postfix/smtp[324]: 8E0F00B: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=2, delays=0/0/1/1, dsn=4.4.2, status=deferred (lost connection with mx1.example.org[198.51.100.20] while sending end of data -- message may be sent more than once)")},
        L({"conn@2 outbound mx1.example.org(198.51.100.20):25 enc [0,2]"})});

    cases.push_back({"attempt still open at the end of the log",
        L({"10:00:01 postfix/smtp[325]: SSL_connect error to mx.gone.example[192.0.2.37]:25: -1"}),
        L({"fail@0 outbound mx.gone.example(192.0.2.37):25 Handshake \"-1\" [0]"})});

    cases.push_back({"qmgr suspension lines are no attempts",
        L({"10:00:01 postfix/smtp[326]: 8E0F00C: to=<a@notls.example>, relay=mx.notls.example[192.0.2.32]:25, delay=0.3, delays=0/0/0.3/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.notls.example[192.0.2.32])",
           "10:00:02 postfix/qmgr[102]: 8E0F00D: to=<b@notls.example>, relay=none, delay=1, delays=1/0/0/0, dsn=4.7.4, status=deferred (delivery temporarily suspended: TLS is required, but was not offered by host mx.notls.example[192.0.2.32])",
           "10:00:02 postfix/error[327]: 8E0F00E: to=<c@notls.example>, relay=none, delay=1, delays=1/0/0/0, dsn=4.7.4, status=deferred (delivery temporarily suspended: TLS is required, but was not offered by host mx.notls.example[192.0.2.32])"}),
        L({"conn@0 outbound mx.notls.example(192.0.2.32):25 plain [0]",
           "fail@0 outbound mx.notls.example(192.0.2.32):25 NotOffered \"TLS is required, but was not offered by host mx.notls.example[192.0.2.32]\" [0]"})});

    cases.push_back({"queue ids live as long as the queue keeps them",
        L({"Jun 10 10:00:00 mx postfix/qmgr[102]: 9A0B001: from=<a@example.com>, size=123, nrcpt=1 (queue active)",
           "Jun 10 10:00:01 mx postfix/smtp[800]: 9A0B002: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
           "Jun 10 10:00:02 mx postfix/smtp[800]: 9A0B001: to=<a@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=4.7.1, status=deferred (host mx1.example.org[198.51.100.20] said: 451 4.7.1 try again later (in reply to RCPT TO command))",
           "Jun 13 10:00:00 mx postfix/smtp[801]: 9A0B001: to=<a@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=259200, delays=259199/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
           "Jun 13 10:00:01 mx postfix/smtp[801]: 9A0B002: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=259200, delays=259199/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
           "Jun 21 10:00:00 mx postfix/smtp[802]: 9A0B002: to=<d@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=950400, delays=950399/0/1/0, dsn=2.0.0, status=sent (250 Ok)"}),
        L({"msg@1 outbound mx1.example.org(198.51.100.20) 9A0B002 plain 0 to=b@example.org,c@example.org [1,4]",
           "msg@3 outbound mx1.example.org(198.51.100.20) 9A0B001 plain 123 to=a@example.org [0,3]",
           // Silent for more than a week: given up on, so this is counted anew.
           "msg@5 outbound mx1.example.org(198.51.100.20) 9A0B002 plain 0 to=d@example.org [5]",
           "conn@1 outbound mx1.example.org(198.51.100.20):25 plain [1]",
           "conn@2 outbound mx1.example.org(198.51.100.20):25 plain [2]",
           "conn@3 outbound mx1.example.org(198.51.100.20):25 plain [3]",
           "conn@4 outbound mx1.example.org(198.51.100.20):25 plain [4]",
           "conn@5 outbound mx1.example.org(198.51.100.20):25 plain [5]"})});

    cases.push_back({"pids of two hosts in one log are apart",
        L({"Jun 10 10:00:00 mx1 postfix/smtpd[700]: connect from a.example.net[192.0.2.40]",
           "Jun 10 10:00:01 mx2 postfix/smtpd[700]: connect from b.example.net[192.0.2.41]",
           "Jun 10 10:00:02 mx1 postfix/smtpd[700]: disconnect from a.example.net[192.0.2.40] ehlo=2 starttls=1 quit=1 commands=4",
           "Jun 10 10:00:03 mx2 postfix/smtpd[700]: disconnect from b.example.net[192.0.2.41] ehlo=1 quit=1 commands=2"}),
        L({"conn@0 inbound a.example.net(192.0.2.40) enc [0,2]",
           "conn@1 inbound b.example.net(192.0.2.41) plain [1,3]"})});

    return cases;
}

// Sessions and attempts that go silent, over two days.
inline QStringList expiryLog()
{
    return L({"Jun 10 10:00:00 mx postfix/smtpd[500]: connect from a.example.net[192.0.2.50]",
              "Jun 10 10:00:01 mx postfix/smtpd[500]: 1111AAA: client=a.example.net[192.0.2.50]",
              "Jun 10 10:00:02 mx postfix/smtp[600]: SSL_connect error to mx.stale.example[192.0.2.60]:25: -1",
              "Jun 11 10:00:00 mx postfix/qmgr[102]: 2222BBB: from=<x@example.com>, size=10, nrcpt=1 (queue active)",
              "Jun 11 11:00:05 mx postfix/qmgr[102]: 3333CCC: from=<x@example.com>, size=10, nrcpt=1 (queue active)",
              "Jun 11 11:00:06 mx postfix/smtpd[500]: disconnect from a.example.net[192.0.2.50] ehlo=1 quit=1 commands=2",
              "Jun 12 12:00:00 mx postfix/qmgr[102]: 1111AAA: from=<x@example.com>, size=10, nrcpt=1 (queue active)"});
}

} // namespace mailtls::testing
