#include <string>

#include <QTest>

#include "models/logs/postfixparser.h"
#include "models/logs/postfixscanner.h"
#include "tests/models/postfixparsertestutil.h"

using namespace mailtls;
using namespace mailtls::testutil;

class TestPostfixParser final : public QObject
{
    Q_OBJECT

private slots:
    void programs_data();
    void programs();
    void parse_data();
    void parse();
    void hostAddressAtEveryLength();
};

void TestPostfixParser::programs_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<bool>("postfix");
    QTest::addColumn<int>("daemon");
    QTest::addColumn<QByteArray>("service");

    struct Row
    {
        const char *program;
        bool postfix;
        Daemon daemon;
        const char *service;
    };
    static const Row rows[] = {
        {"postfix/smtpd", true, Daemon::Smtpd, ""},
        {"postfix/submission/smtpd", true, Daemon::Smtpd, "submission"},
        {"postfix-out/smtp", true, Daemon::Smtp, ""},
        {"postfix-enc/smtpd", true, Daemon::Smtpd, ""},
        {"postfix/smtp-25/smtpd", true, Daemon::Smtpd, "smtp-25"},
        {"postfix/smtps/smtpd", true, Daemon::Smtpd, "smtps"},
        {"postfix/relay/smtp", true, Daemon::Smtp, "relay"},
        {"postfix-smo/submission/smtpd", true, Daemon::Smtpd, "submission"},
        {"postfix/qmgr", true, Daemon::Qmgr, ""},
        {"postfix/trivial-rewrite", true, Daemon::Trivial, ""},
        {"postfix/retry", true, Daemon::Error, ""},
        {"postfix/postfix-script", true, Daemon::Other, ""},
        {"sm-mta", false, Daemon::Other, ""},
        {"postfix", false, Daemon::Other, ""},
        {"postfix-/smtpd", false, Daemon::Other, ""},
        {"postfix/", false, Daemon::Other, ""},
        {"postfix/a/b/smtpd", false, Daemon::Other, ""},
        {"postfix//smtpd", false, Daemon::Other, ""},
        {"postfixx/smtpd", false, Daemon::Other, ""},
    };
    for (const Row &r : rows) {
        QTest::newRow(r.program) << QByteArray(r.program) << r.postfix << int(r.daemon)
                                 << QByteArray(r.service);
    }
}

void TestPostfixParser::programs()
{
    QFETCH(QByteArray, program);
    QFETCH(bool, postfix);
    QFETCH(int, daemon);
    QFETCH(QByteArray, service);
    const std::string_view p(program.constData(), std::size_t(program.size()));
    QCOMPARE(PostfixParser::isPostfixProgram(p), postfix);
    const QByteArray message("connect from a[192.0.2.1]");
    const LogEvent e = parseMessage(program, message);
    QCOMPARE(int(e.daemon), daemon);
    QCOMPARE(str(e.service), QString::fromLatin1(service));
    if (!postfix)
        QCOMPARE(e.kind, EventKind::Unrecognised);
}

void TestPostfixParser::parse_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<Expect>("expected");

    using K = EventKind;
    using D = Daemon;
    using S = DeliveryStatus;
    using P = TlsProblem;

    // --- smtpd
    QTest::newRow("connect") << QByteArray("postfix/smtpd")
        << QByteArray("connect from mail.example.com[192.0.2.1]")
        << Expect(K::SmtpdConnect, D::Smtpd).peer("mail.example.com", "192.0.2.1");
    QTest::newRow("connect IPv6") << QByteArray("postfix/submission/smtpd")
        << QByteArray("connect from unknown[2001:db8::1]")
        << Expect(K::SmtpdConnect, D::Smtpd).service("submission").peer("unknown", "2001:db8::1");
    QTest::newRow("disconnect with stats") << QByteArray("postfix/smtpd")
        << QByteArray("disconnect from a.example[192.0.2.1] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7")
        << Expect(K::SmtpdDisconnect, D::Smtpd).peer("a.example", "192.0.2.1").stats(1, 1, 1, 1);
    QTest::newRow("disconnect failed starttls") << QByteArray("postfix/smtpd")
        << QByteArray("disconnect from a.example[192.0.2.1] ehlo=1 starttls=0/1 commands=1/2")
        << Expect(K::SmtpdDisconnect, D::Smtpd).peer("a.example", "192.0.2.1").stats(0, 1, -1, -1);
    QTest::newRow("disconnect auth") << QByteArray("postfix/smtps/smtpd")
        << QByteArray("disconnect from u.example[198.51.100.7] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6")
        << Expect(K::SmtpdDisconnect, D::Smtpd).service("smtps").peer("u.example", "198.51.100.7")
               .stats(-1, -1, 1, 1).auth();
    QTest::newRow("disconnect failed auth") << QByteArray("postfix/smtpd")
        << QByteArray("disconnect from unknown[192.0.2.1] helo=1 auth=0/1 quit=1 commands=2/3")
        << Expect(K::SmtpdDisconnect, D::Smtpd).peer("unknown", "192.0.2.1").stats(-1, -1, -1, -1);
    QTest::newRow("disconnect without stats") << QByteArray("postfix/smtpd")
        << QByteArray("disconnect from localhost[127.0.0.1]")
        << Expect(K::SmtpdDisconnect, D::Smtpd).peer("localhost", "127.0.0.1");
    QTest::newRow("disconnect unknown address") << QByteArray("postfix/smtpd")
        << QByteArray("disconnect from unknown[unknown] commands=0/0")
        << Expect(K::SmtpdDisconnect, D::Smtpd).peer("unknown", "unknown").stats(-1, -1, -1, -1);
    QTest::newRow("client") << QByteArray("postfix/smtpd")
        << QByteArray("1CF582025C: client=xxx[2.3.4.5]")
        << Expect(K::SmtpdClient, D::Smtpd).queue("1CF582025C").peer("xxx", "2.3.4.5");
    QTest::newRow("client sasl") << QByteArray("postfix/submission/smtpd")
        << QByteArray("3p7RMT0zrYz20p: client=unknown[192.168.0.100], sasl_method=DIGEST-MD5, sasl_username=user@dmain.com")
        << Expect(K::SmtpdClient, D::Smtpd).service("submission").queue("3p7RMT0zrYz20p")
               .peer("unknown", "192.168.0.100").auth();
    QTest::newRow("client orig_queue_id") << QByteArray("postfix/smtpd")
        << QByteArray("ABCDEF123: client=localhost[127.0.0.1], orig_queue_id=9876ABC, orig_client=mx.example[192.0.2.9]")
        << Expect(K::SmtpdClient, D::Smtpd).queue("ABCDEF123").peer("localhost", "127.0.0.1");
    QTest::newRow("TLS established TLSv1.3") << QByteArray("postfix/smtpd")
        << QByteArray("Anonymous TLS connection established from julie.example.com[10.163.89.202]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (4096 bits) server-digest SHA256")
        << Expect(K::SmtpdTlsEstablished, D::Smtpd).peer("julie.example.com", "10.163.89.202")
               .tls(Trust::Anonymous, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "X25519", 253, false);
    QTest::newRow("TLS established with SNI") << QByteArray("postfix/smtpd")
        << QByteArray("Untrusted TLS connection established from c.example[192.0.2.3] to mx.example.net: TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits) key-exchange DHE (2048 bits) server-signature RSA-PSS (2048 bits)")
        << Expect(K::SmtpdTlsEstablished, D::Smtpd).peer("c.example", "192.0.2.3")
               .tls(Trust::Untrusted, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 128, "DHE", 2048, false);
    QTest::newRow("TLS established DHE TLSv1.2") << QByteArray("postfix/smtpd")
        << QByteArray("Anonymous TLS connection established from old.example[192.0.2.4]: TLSv1.2 with cipher DHE-RSA-AES256-GCM-SHA384 (256/256 bits)")
        << Expect(K::SmtpdTlsEstablished, D::Smtpd).peer("old.example", "192.0.2.4")
               .tls(Trust::Anonymous, "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", 256, "", 0, true);
    QTest::newRow("TLS established AECDH is not DHE") << QByteArray("postfix/smtpd")
        << QByteArray("Anonymous TLS connection established from julie.example.com[10.163.89.202]: TLSv1.2 with cipher AECDH-AES256-SHA (256/256 bits)")
        << Expect(K::SmtpdTlsEstablished, D::Smtpd).peer("julie.example.com", "10.163.89.202")
               .tls(Trust::Anonymous, "TLSv1.2", "AECDH-AES256-SHA", 256, "", 0, false);
    QTest::newRow("TLS established, Postfix 2.4 wording") << QByteArray("postfix/smtpd")
        << QByteArray("TLS connection established from old.example[192.0.2.4]: TLSv1 with cipher DHE-RSA-AES256-SHA (256/256 bits)")
        << Expect(K::SmtpdTlsEstablished, D::Smtpd).peer("old.example", "192.0.2.4")
               .tls(Trust::Unknown, "TLSv1", "DHE-RSA-AES256-SHA", 256, "", 0, true);
    QTest::newRow("SSL_accept -1") << QByteArray("postfix/smtpd")
        << QByteArray("SSL_accept error from ssl-tools.net[185.55.116.145]: -1")
        << Expect(K::SmtpdTlsFailure, D::Smtpd).peer("ssl-tools.net", "185.55.116.145")
               .problem(P::Handshake, "-1");
    QTest::newRow("SSL_accept lost") << QByteArray("postfix/smtpd")
        << QByteArray("SSL_accept error from unknown[72.13.58.7]: lost connection")
        << Expect(K::SmtpdTlsFailure, D::Smtpd).peer("unknown", "72.13.58.7")
               .problem(P::Handshake, "lost connection");
    QTest::newRow("lost after STARTTLS") << QByteArray("postfix/smtpd")
        << QByteArray("lost connection after STARTTLS from unknown[72.13.58.7]")
        << Expect(K::SmtpdTlsFailure, D::Smtpd).peer("unknown", "72.13.58.7")
               .problem(P::LostAfterStarttls, "lost connection after STARTTLS");
    QTest::newRow("lost after DATA ignored") << QByteArray("postfix/smtpd")
        << QByteArray("lost connection after DATA (0 bytes) from unknown[72.13.58.7]")
        << Expect(K::Ignored, D::Smtpd);
    QTest::newRow("NOQUEUE reject ignored") << QByteArray("postfix/smtpd")
        << QByteArray("NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@b>: Relay access denied; from=<a@b> to=<c@d> proto=ESMTP helo=<x>")
        << Expect(K::Ignored, D::Smtpd);
    QTest::newRow("queued reject ignored") << QByteArray("postfix/smtpd")
        << QByteArray("00ADB3C0899: reject: RCPT from example.com[192.0.2.1]: 550 5.1.1 <sales@server.com>: Recipient address rejected")
        << Expect(K::Ignored, D::Smtpd).queue("00ADB3C0899");
    QTest::newRow("warning ignored") << QByteArray("postfix/smtpd")
        << QByteArray("warning: hostname bad.example.com does not resolve to address 192.0.2.44: Name or service not known")
        << Expect(K::Ignored, D::Smtpd);
    QTest::newRow("smtpd TLS library problem ignored") << QByteArray("postfix/smtpd")
        << QByteArray("warning: TLS library problem: error:0A000076:SSL routines::no suitable signature algorithm:../ssl/t1_lib.c:3330:")
        << Expect(K::Ignored, D::Smtpd);
    QTest::newRow("smtpd peer detail ignored") << QByteArray("postfix/smtpd")
        << QByteArray("c.example[192.0.2.3]: Trusted: subject_CN=c.example, issuer_CN=R3, fingerprint=AB:CD")
        << Expect(K::Ignored, D::Smtpd);
    const char *const smtpdIgnored[] = {
        "setting up TLS connection from mail.example[192.0.2.1]",
        "TLS SNI mx.example.net from c.example[192.0.2.3] not matched, using default chain",
        "too many errors after RCPT from example.com[192.0.2.11]",
        "improper command pipelining after AUTH from unknown[192.0.2.11]: QUIT",
        "timeout after END-OF-MESSAGE from unknown[72.13.58.7]",
        "NOQUEUE: lost connection after CONNECT from unknown[192.0.2.25]",
        "proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject; from=<> to=<u@example2.com> proto=SMTP helo=<x>",
        "bare <LF> received after CONNECT from example.net[1.2.3.4]",
        "discarding EHLO keywords: CHUNKING ETRN DSN 8BITMIME",
        "initializing the server-side TLS engine",
        "fatal: file /etc/postfix/main.cf: parameter default_privs: unknown user name value: nobody",
        "table hash:/etc/postfix/virtual_mailbox_maps(0,lock|fold_fix) has changed -- restarting",
    };
    for (const char *m : smtpdIgnored)
        QTest::newRow(m) << QByteArray("postfix/smtpd") << QByteArray(m) << Expect(K::Ignored, D::Smtpd);
    const char *const smtpIgnored[] = {
        "initializing the client-side TLS engine",
        "setting up TLS connection to mx.example[192.0.2.5]:25",
        "Host offered STARTTLS: [mx.example]",
        "warning: no MX host for example.com has a valid address record",
        "mx.example[192.0.2.5]:25: re-using session with id 1A2B for 3600 seconds",
    };
    for (const char *m : smtpIgnored)
        QTest::newRow(m) << QByteArray("postfix/smtp") << QByteArray(m) << Expect(K::Ignored, D::Smtp);
    QTest::newRow("smtp lost connection with") << QByteArray("postfix/smtp")
        << QByteArray("745137AA: lost connection with hotmail-com.olc.protection.outlook.com[104.47.55.161] while sending RCPT TO")
        << Expect(K::Ignored, D::Smtp).queue("745137AA");
    QTest::newRow("smtp PIX") << QByteArray("postfix/smtp")
        << QByteArray("B0ADE20FC7: enabling PIX workarounds: disable_esmtp delay_dotcrlf for example.com[93.184.216.34]:25")
        << Expect(K::Ignored, D::Smtp).queue("B0ADE20FC7");
    QTest::newRow("smtp SASL failed") << QByteArray("postfix/smtp")
        << QByteArray("D0F29603B4: SASL authentication failed; server xyz.example.com[1.2.3.4] said: 535 5.7.8 Error")
        << Expect(K::Ignored, D::Smtp).queue("D0F29603B4");
    QTest::newRow("qmgr skipped") << QByteArray("postfix/qmgr")
        << QByteArray("ED06590130AA1C9D6D862: skipped, still being delivered")
        << Expect(K::Ignored, D::Qmgr).queue("ED06590130AA1C9D6D862");
    QTest::newRow("smtpd unknown action") << QByteArray("postfix/smtpd")
        << QByteArray("ABCDEF123: frobnicated: everything") << Expect(K::Unrecognised, D::Smtpd);
    QTest::newRow("qmgr unknown") << QByteArray("postfix/qmgr")
        << QByteArray("ABCDEF123: removed twice") << Expect(K::Unrecognised, D::Qmgr);
    QTest::newRow("word that is no queue id") << QByteArray("postfix/smtp")
        << QByteArray("statistic: nothing") << Expect(K::Unrecognised, D::Smtp);
    QTest::newRow("smtpd unknown") << QByteArray("postfix/smtpd")
        << QByteArray("something nobody ever logged")
        << Expect(K::Unrecognised, D::Smtpd);

    // --- qmgr
    QTest::newRow("qmgr from") << QByteArray("postfix/qmgr")
        << QByteArray("0F5383D: from=<owner-postfix-users@postfix.org>, size=5360, nrcpt=1 (queue active)")
        << Expect(K::QmgrFrom, D::Qmgr).queue("0F5383D").from("owner-postfix-users@postfix.org", 5360, 1);
    QTest::newRow("qmgr null sender") << QByteArray("postfix/qmgr")
        << QByteArray("3mPVKl0Mhjz7sXv: from=<>, size=2666, nrcpt=2 (queue active)")
        << Expect(K::QmgrFrom, D::Qmgr).queue("3mPVKl0Mhjz7sXv").from("", 2666, 2);
    QTest::newRow("qmgr bare sender") << QByteArray("postfix/qmgr")
        << QByteArray("ED373F8043E: from=rory@rory-dev.localdomain, size=270, nrcpt=1 (queue active)")
        << Expect(K::QmgrFrom, D::Qmgr).queue("ED373F8043E").from("rory@rory-dev.localdomain", 270, 1);
    QTest::newRow("qmgr removed") << QByteArray("postfix/qmgr") << QByteArray("AAB4D259B1: removed")
        << Expect(K::QmgrRemoved, D::Qmgr).queue("AAB4D259B1");
    QTest::newRow("qmgr expired") << QByteArray("postfix/qmgr")
        << QByteArray("BACE842E72: from=<noreply@domain.com>, status=expired, returned to sender")
        << Expect(K::Ignored, D::Qmgr).queue("BACE842E72");
    QTest::newRow("postsuper removed is not qmgr") << QByteArray("postfix/postsuper")
        << QByteArray("D4F2023DB: removed") << Expect(K::Ignored, D::Postsuper).queue("D4F2023DB");

    // --- deliveries
    QTest::newRow("smtp sent") << QByteArray("postfix/smtp")
        << QByteArray("5270320179: to=<hebj@telia.com>, relay=mail.telia.com[81.236.60.210]:25, delay=2017, delays=0.1/2017/0.03/0.05, dsn=2.0.0, status=sent (250 2.0.0 6FVIjIMwUJwU66FVIjAEB0 mail accepted for delivery)")
        << Expect(K::Delivery, D::Smtp).queue("5270320179").to("hebj@telia.com")
               .peer("mail.telia.com", "81.236.60.210", 25)
               .status(S::Sent, "250 2.0.0 6FVIjIMwUJwU66FVIjAEB0 mail accepted for delivery");
    QTest::newRow("smtp orig_to conn_use upper-case relay") << QByteArray("postfix-out/smtp")
        << QByteArray("ABC123: to=<x@y.example>, orig_to=<alias@y.example>, relay=MX.Example.COM[192.0.2.1]:25, conn_use=2, delay=1.2, delays=0.76/0.01/0.09/0.34, dsn=2.0.0, status=sent (250 ok)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("x@y.example").origTo("alias@y.example")
               .peer("MX.Example.COM", "192.0.2.1", 25).connUse(2).status(S::Sent, "250 ok");
    QTest::newRow("smtp IPv6 relay") << QByteArray("postfix/smtp")
        << QByteArray("4E74613FE76: to=<r@gmail.com>, relay=gmail-smtp-in.l.google.com[2607:f8b0:400e:c04::1b]:25, delay=1.9, delays=0.05/0/1.1/0.71, dsn=2.0.0, status=sent (250 ok)")
        << Expect(K::Delivery, D::Smtp).queue("4E74613FE76").to("r@gmail.com")
               .peer("gmail-smtp-in.l.google.com", "2607:f8b0:400e:c04::1b", 25).status(S::Sent, "250 ok");
    QTest::newRow("lmtp unix socket") << QByteArray("postfix/lmtp")
        << QByteArray("AD6E41CDC05C: to=<admin@example.com>, relay=sub1.example.com[private/dovecot-lmtp], delay=0.15, delays=0.04/0/0.02/0.08, dsn=2.0.0, status=sent (250 2.0.0 <admin@example.com> Saved)")
        << Expect(K::Delivery, D::Lmtp).queue("AD6E41CDC05C").to("admin@example.com")
               .peer("sub1.example.com", "private/dovecot-lmtp").status(S::Sent, "250 2.0.0 <admin@example.com> Saved");
    QTest::newRow("relay without port") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<a@b.example>, relay=h.example[192.0.2.8], delay=1, delays=1/0/0/0, dsn=2.0.0, status=sent (ok)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("a@b.example").peer("h.example", "192.0.2.8")
               .status(S::Sent, "ok");
    QTest::newRow("relay none") << QByteArray("postfix/smtp")
        << QByteArray("3mJddz5fh3z7sdM: to=<rcarey@example.tv>, relay=none, delay=165276, delays=165276/0.09/0/0.09, dsn=4.4.1, status=deferred (connect to 24.200.177.247[24.200.177.247]:25: Connection timed out)")
        << Expect(K::Delivery, D::Smtp).queue("3mJddz5fh3z7sdM").to("rcarey@example.tv").peer("none", "")
               .status(S::Deferred, "connect to 24.200.177.247[24.200.177.247]:25: Connection timed out");
    QTest::newRow("local bare address") << QByteArray("postfix/local")
        << QByteArray("2A22C263F6: to=user@hostname.example.com, orig_to=root@localhost, relay=local, delay=0.07, delays=0.04/0/0/0.03, dsn=2.0.0, status=sent (delivered to command: procmail -a \"$EXTENSION\")")
        << Expect(K::Delivery, D::Local).queue("2A22C263F6").to("user@hostname.example.com")
               .origTo("root@localhost").peer("local", "")
               .status(S::Sent, "delivered to command: procmail -a \"$EXTENSION\"");
    QTest::newRow("virtual") << QByteArray("postfix/virtual")
        << QByteArray("B657F2DB195D: to=<postmaster@example.com>, relay=virtual, delay=0.52, delays=0.51/0.01/0/0, dsn=2.0.0, status=sent (delivered to maildir)")
        << Expect(K::Delivery, D::Virtual).queue("B657F2DB195D").to("postmaster@example.com")
               .peer("virtual", "").status(S::Sent, "delivered to maildir");
    QTest::newRow("pipe bounced") << QByteArray("postfix/pipe")
        << QByteArray("95ECE24E0: to=<tom@example.com>, relay=dovecot, delay=0.12, delays=0.03/0/0/0.08, dsn=5.4.6, status=bounced (mail forwarding loop for tom@example.com)")
        << Expect(K::Delivery, D::Pipe).queue("95ECE24E0").to("tom@example.com").peer("dovecot", "")
               .status(S::Bounced, "mail forwarding loop for tom@example.com");
    QTest::newRow("discard") << QByteArray("postfix/discard")
        << QByteArray("25F2E5E061: to=<g@test.example.com>, relay=none, delay=0.05, delays=0.05/0/0/0, dsn=2.0.0, status=sent (test.example.com)")
        << Expect(K::Delivery, D::Discard).queue("25F2E5E061").to("g@test.example.com").peer("none", "")
               .status(S::Sent, "test.example.com");
    QTest::newRow("error undeliverable") << QByteArray("postfix/error")
        << QByteArray("3E29030F8637E: to=<user@yahoo.com>, relay=none, delay=0.01, delays=0.01/0/0/0, dsn=5.1.1, status=undeliverable-but-not-cached (User unknown in virtual alias table)")
        << Expect(K::Delivery, D::Error).queue("3E29030F8637E").to("user@yahoo.com").peer("none", "")
               .status(S::Other, "User unknown in virtual alias table");
    QTest::newRow("expired") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<a@b.example>, relay=none, delay=432000, delays=432000/0/0/0, dsn=4.4.1, status=expired (connect to b.example[192.0.2.1]:25: Connection refused)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("a@b.example").peer("none", "")
               .status(S::Expired, "connect to b.example[192.0.2.1]:25: Connection refused");
    QTest::newRow("deferred cannot start TLS") << QByteArray("postfix/smtp")
        << QByteArray("AF3B6480475: to=<v@r.example>, relay=r.example[192.0.2.7]:25, delay=0.06, delays=0.03/0.03/0/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)")
        << Expect(K::Delivery, D::Smtp).queue("AF3B6480475").to("v@r.example").peer("r.example", "192.0.2.7", 25)
               .status(S::Deferred, "Cannot start TLS: handshake failure")
               .problem(P::CannotStart, "Cannot start TLS: handshake failure");
    QTest::newRow("deferred TLS not offered") << QByteArray("postfix/smtp")
        << QByteArray("62D3F481249: to=<v@r.example>, relay=r.example[192.0.2.7]:25, delay=0.07, delays=0.03/0.01/0.03/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host r.example[192.0.2.7])")
        << Expect(K::Delivery, D::Smtp).queue("62D3F481249").to("v@r.example").peer("r.example", "192.0.2.7", 25)
               .status(S::Deferred, "TLS is required, but was not offered by host r.example[192.0.2.7]")
               .problem(P::NotOffered, "TLS is required, but was not offered by host r.example[192.0.2.7]");
    QTest::newRow("bounced certificate") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<v@r.example>, relay=r.example[192.0.2.7]:25, delay=1, delays=0/0/1/0, dsn=5.7.0, status=bounced (Server certificate not verified)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("v@r.example").peer("r.example", "192.0.2.7", 25)
               .status(S::Bounced, "Server certificate not verified")
               .problem(P::Certificate, "Server certificate not verified");
    QTest::newRow("deferred dh key too small") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<v@r.example>, relay=r.example[192.0.2.7]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure: dh key too small)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("v@r.example").peer("r.example", "192.0.2.7", 25)
               .status(S::Deferred, "Cannot start TLS: handshake failure: dh key too small")
               .problem(P::DhKeyTooSmall, "Cannot start TLS: handshake failure: dh key too small");
    QTest::newRow("deferred greylisting is no TLS problem") << QByteArray("postfix/smtp")
        << QByteArray("A0E85200BD: to=<w@l.example>, relay=open.example.nl[10.49.140.10]:25, delay=2.3, delays=0.25/0.05/2/0.04, dsn=4.2.0, status=deferred (host open.example.nl[10.49.140.10] said: 450 4.2.0 Greylisted (in reply to RCPT TO command))")
        << Expect(K::Delivery, D::Smtp).queue("A0E85200BD").to("w@l.example").peer("open.example.nl", "10.49.140.10", 25)
               .status(S::Deferred, "host open.example.nl[10.49.140.10] said: 450 4.2.0 Greylisted (in reply to RCPT TO command)");
    QTest::newRow("remote reply naming TLS is the peer's words") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<a@b.example>, relay=b.example[192.0.2.1]:25, delay=1, delays=0/0/1/0, dsn=5.7.0, status=bounced (host b.example[192.0.2.1] said: 530 5.7.0 handshake failure, Must issue a STARTTLS command first (in reply to MAIL FROM command))")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("a@b.example").peer("b.example", "192.0.2.1", 25)
               .status(S::Bounced, "host b.example[192.0.2.1] said: 530 5.7.0 handshake failure, Must issue a STARTTLS command first (in reply to MAIL FROM command)");
    QTest::newRow("suspended repeats, no new attempt") << QByteArray("postfix/smtp")
        << QByteArray("ABC123: to=<a@b.example>, relay=none, delay=9, delays=9/0/0/0, dsn=4.7.5, status=deferred (delivery temporarily suspended: Cannot start TLS: handshake failure)")
        << Expect(K::Delivery, D::Smtp).queue("ABC123").to("a@b.example").peer("none", "")
               .status(S::Deferred, "delivery temporarily suspended: Cannot start TLS: handshake failure");
    QTest::newRow("tls=dane") << QByteArray("postfix/smtp")
        << QByteArray("7EE668039: to=<user@example.com>, relay=mail.example.com[1.2.3.4]:25, delay=3.6, delays=0.08/0.02/0.85/0.14, tls=dane, dsn=2.1.5, status=sent (250 2.0.0 Ok: queued as 153053D)")
        << Expect(K::Delivery, D::Smtp).queue("7EE668039").to("user@example.com").peer("mail.example.com", "1.2.3.4", 25)
               .tlsField(true).status(S::Sent, "250 2.0.0 Ok: queued as 153053D");
    QTest::newRow("tls=may:none") << QByteArray("postfix/smtp")
        << QByteArray("7EE668039: to=<user@example.com>, relay=mail.example.com[1.2.3.4]:25, delay=3.6, delays=0.08/0.02/0.85/0.14, tls=may:none, dsn=2.1.5, status=sent (250 2.0.0 Ok: queued as 153053D)")
        << Expect(K::Delivery, D::Smtp).queue("7EE668039").to("user@example.com").peer("mail.example.com", "1.2.3.4", 25)
               .tlsField(false).status(S::Sent, "250 2.0.0 Ok: queued as 153053D");
    QTest::newRow("tls=none") << QByteArray("postfix/smtp")
        << QByteArray("7EE668039: to=<user@example.com>, relay=mail.example.com[1.2.3.4]:25, delay=3.6, delays=0.08/0.02/0.85/0.14, tls=none, dsn=2.1.5, status=sent (250 ok)")
        << Expect(K::Delivery, D::Smtp).queue("7EE668039").to("user@example.com").peer("mail.example.com", "1.2.3.4", 25)
               .tlsField(false).status(S::Sent, "250 ok");
    QTest::newRow("tls=may?") << QByteArray("postfix/smtp")
        << QByteArray("7EE668039: to=<user@example.com>, relay=mail.example.com[1.2.3.4]:25, delay=3.6, delays=0.08/0.02/0.85/0.14, tls=may?, dsn=2.1.5, status=sent (250 ok)")
        << Expect(K::Delivery, D::Smtp).queue("7EE668039").to("user@example.com").peer("mail.example.com", "1.2.3.4", 25)
               .tlsField(true).status(S::Sent, "250 ok");
    QTest::newRow("tls=dane/!requiretls:nocertmatch") << QByteArray("postfix/smtp")
        << QByteArray("7EE668039: to=<user@example.com>, relay=mail.example.com[1.2.3.4]:25, delay=3.6, delays=0.08/0.02/0.85/0.14, tls=dane/!requiretls:nocertmatch, dsn=2.1.5, status=sent (250 ok)")
        << Expect(K::Delivery, D::Smtp).queue("7EE668039").to("user@example.com").peer("mail.example.com", "1.2.3.4", 25)
               .tlsField(true).status(S::Sent, "250 ok");

    // --- smtp TLS
    QTest::newRow("smtp TLS established 1.3") << QByteArray("postfix/smtp")
        << QByteArray("Verified TLS connection established to gmail-smtp-in.l.google.com[108.177.14.26]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("gmail-smtp-in.l.google.com", "108.177.14.26", 25)
               .tls(Trust::Verified, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "X25519", 253, false);
    QTest::newRow("smtp TLS established ECDHE curve") << QByteArray("postfix/smtp")
        << QByteArray("Trusted TLS connection established to mx.example[192.0.2.5]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange ECDHE (secp384r1) server-signature ECDSA (P-384) server-digest SHA384")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("mx.example", "192.0.2.5", 25)
               .tls(Trust::Trusted, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "secp384r1", 384, false);
    QTest::newRow("smtp TLS established ffdhe name") << QByteArray("postfix/smtp")
        << QByteArray("Untrusted TLS connection established to mx.example[192.0.2.5]:25: TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits) key-exchange ffdhe3072")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("mx.example", "192.0.2.5", 25)
               .tls(Trust::Untrusted, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 128, "ffdhe3072", 3072, false);
    QTest::newRow("smtp TLS established 1.2 IPv6") << QByteArray("postfix/smtp")
        << QByteArray("Verified TLS connection established to mx2.comcast.net[2001:558:fe21:2a::6]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("mx2.comcast.net", "2001:558:fe21:2a::6", 25)
               .tls(Trust::Verified, "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", 256, "", 0, false);
    QTest::newRow("smtp TLS ADH") << QByteArray("postfix/smtp")
        << QByteArray("Anonymous TLS connection established to relay.example.org[31.0.0.0]:25: TLSv1 with cipher ADH-AES256-SHA (256/256 bits)")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("relay.example.org", "31.0.0.0", 25)
               .tls(Trust::Anonymous, "TLSv1", "ADH-AES256-SHA", 256, "", 0, true);
    QTest::newRow("smtp TLS EDH") << QByteArray("postfix/smtp")
        << QByteArray("Untrusted TLS connection established to m.example[192.0.2.5]:25: TLSv1 with cipher EDH-RSA-DES-CBC3-SHA (168/168 bits)")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("m.example", "192.0.2.5", 25)
               .tls(Trust::Untrusted, "TLSv1", "EDH-RSA-DES-CBC3-SHA", 168, "", 0, true);
    QTest::newRow("smtp TLS established, Postfix 2.4 wording") << QByteArray("postfix/smtp")
        << QByteArray("TLS connection established to mx.example[192.0.2.5]:25: TLSv1 with cipher EDH-RSA-DES-CBC3-SHA (168/168 bits)")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("mx.example", "192.0.2.5", 25)
               .tls(Trust::Unknown, "TLSv1", "EDH-RSA-DES-CBC3-SHA", 168, "", 0, true);
    QTest::newRow("smtp TLS reused") << QByteArray("postfix/smtp")
        << QByteArray("Verified TLS connection reused to mx.example[192.0.2.5]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
        << Expect(K::SmtpTlsReused, D::Smtp).peer("mx.example", "192.0.2.5", 25)
               .tls(Trust::Verified, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "", 0, false);
    QTest::newRow("SSL_connect -1") << QByteArray("postfix/smtp")
        << QByteArray("SSL_connect error to mail.example.org[112.63.65.2]:25: -1")
        << Expect(K::SmtpTlsFailure, D::Smtp).peer("mail.example.org", "112.63.65.2", 25)
               .problem(P::Handshake, "-1");
    QTest::newRow("SSL_connect lost") << QByteArray("postfix/smtp")
        << QByteArray("SSL_connect error to mail.example.org[112.63.65.2]:25: lost connection")
        << Expect(K::SmtpTlsFailure, D::Smtp).peer("mail.example.org", "112.63.65.2", 25)
               .problem(P::Handshake, "lost connection");
    QTest::newRow("certificate verification failed") << QByteArray("postfix/smtp")
        << QByteArray("certificate verification failed for mail.example.com[113.169.17.115]:25: untrusted issuer /C=de/L=XXX/O=XXX GmbH/CN=XX CA")
        << Expect(K::SmtpTlsFailure, D::Smtp).peer("mail.example.com", "113.169.17.115", 25)
               .problem(P::Certificate, "untrusted issuer /C=de/L=XXX/O=XXX GmbH/CN=XX CA");
    QTest::newRow("server certificate verification failed") << QByteArray("postfix/smtp")
        << QByteArray("server certificate verification failed for mx.example[192.0.2.5]:25: num=10:certificate has expired")
        << Expect(K::SmtpTlsFailure, D::Smtp).peer("mx.example", "192.0.2.5", 25)
               .problem(P::Certificate, "num=10:certificate has expired");
    QTest::newRow("dh key too small OpenSSL 1.0") << QByteArray("postfix/smtp")
        << QByteArray("warning: TLS library problem: error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3347:")
        << Expect(K::SmtpTlsFailure, D::Smtp)
               .problem(P::DhKeyTooSmall, "error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3347:");
    QTest::newRow("dh key too small OpenSSL 1.1") << QByteArray("postfix/smtp")
        << QByteArray("warning: TLS library problem: error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2149:")
        << Expect(K::SmtpTlsFailure, D::Smtp)
               .problem(P::DhKeyTooSmall, "error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2149:");
    QTest::newRow("dh key too small OpenSSL 3") << QByteArray("postfix/smtp")
        << QByteArray("warning: TLS library problem: error:0A00018A:SSL routines::dh key too small:ssl/statem/statem_clnt.c:2104:")
        << Expect(K::SmtpTlsFailure, D::Smtp)
               .problem(P::DhKeyTooSmall, "error:0A00018A:SSL routines::dh key too small:ssl/statem/statem_clnt.c:2104:");
    QTest::newRow("TLS library problem, other") << QByteArray("postfix/smtp")
        << QByteArray("warning: TLS library problem: 3682:error:140740BF:SSL routines:SSL23_CLIENT_HELLO:no protocols available:s23_clnt.c:381:")
        << Expect(K::SmtpTlsFailure, D::Smtp)
               .problem(P::Handshake, "3682:error:140740BF:SSL routines:SSL23_CLIENT_HELLO:no protocols available:s23_clnt.c:381:");
    QTest::newRow("TLS library problem, unknown words") << QByteArray("postfix/smtp")
        << QByteArray("warning: TLS library problem: error:0A000126:SSL routines::something new")
        << Expect(K::SmtpTlsFailure, D::Smtp)
               .problem(P::Other, "error:0A000126:SSL routines::something new");
    QTest::newRow("Cannot start TLS") << QByteArray("postfix/smtp")
        << QByteArray("3mPz615lB2z7sZt: Cannot start TLS: handshake failure")
        << Expect(K::SmtpTlsFailure, D::Smtp).queue("3mPz615lB2z7sZt")
               .problem(P::CannotStart, "handshake failure");
    QTest::newRow("smtp remote reply ignored") << QByteArray("postfix/smtp")
        << QByteArray("ED59C3D: host mail2.example.com[1.74.253.23] said: 450 4.7.1 Greylisted (in reply to RCPT TO command)")
        << Expect(K::Ignored, D::Smtp).queue("ED59C3D");
    QTest::newRow("smtp connect failure ignored") << QByteArray("postfix/smtp")
        << QByteArray("connect to mail2.crabruzzo.it[2.115.207.21]:25: No route to host")
        << Expect(K::Ignored, D::Smtp);
    QTest::newRow("smtp peer detail ignored") << QByteArray("postfix/smtp")
        << QByteArray("mx.example[192.0.2.5]:25: Matched subjectAltName: mx.example")
        << Expect(K::Ignored, D::Smtp);
    QTest::newRow("smtp truncated delivery") << QByteArray("postfix/smtp")
        << QByteArray("3mPVKl0Mhjz7sXv: to=<56597@con")
        << Expect(K::Unrecognised, D::Smtp);

    // --- others
    QTest::newRow("cleanup") << QByteArray("postfix/cleanup")
        << QByteArray("0F5383D: message-id=<544D2523.30609@rhsoft.net>")
        << Expect(K::Ignored, D::Cleanup).queue("0F5383D");
    QTest::newRow("pickup") << QByteArray("postfix/pickup") << QByteArray("D2FAE20586: uid=0 from=<fail2ban>")
        << Expect(K::Ignored, D::Pickup).queue("D2FAE20586");
    QTest::newRow("bounce") << QByteArray("postfix/bounce")
        << QByteArray("17CCA8044: sender non-delivery notification: ADD2F8052")
        << Expect(K::Ignored, D::Bounce).queue("17CCA8044");
    QTest::newRow("postscreen") << QByteArray("postfix/postscreen")
        << QByteArray("CONNECT from [61.238.241.86]:53024 to [89.105.204.244]:25")
        << Expect(K::Ignored, D::Postscreen);
    QTest::newRow("tlsproxy TLS line adds nothing") << QByteArray("postfix/tlsproxy")
        << QByteArray("Anonymous TLS connection established from [192.0.2.1]:5555: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
        << Expect(K::Ignored, D::Tlsproxy);
    QTest::newRow("master") << QByteArray("postfix/master")
        << QByteArray("daemon started -- version 3.7.10, configuration /etc/postfix")
        << Expect(K::Ignored, D::Master);
    QTest::newRow("postfix-script") << QByteArray("postfix/postfix-script")
        << QByteArray("starting the Postfix mail system") << Expect(K::Ignored, D::Other);
    QTest::newRow("postfix-script unknown") << QByteArray("postfix/postfix-script")
        << QByteArray("flipping the Postfix mail system") << Expect(K::Unrecognised, D::Other);
}

void TestPostfixParser::parse()
{
    QFETCH(QByteArray, program);
    QFETCH(QByteArray, message);
    QFETCH(Expect, expected);
    const LogEvent e = parseMessage(program, message);
    QCOMPARE(describe(e), describe(expected.e));
}

void TestPostfixParser::hostAddressAtEveryLength()
{
    // host[address]:port is found a word at a time (sixteen or eight bytes, then
    // byte by byte): every length, each stop byte anywhere, must read the same.
    for (int hostLength = 1; hostLength <= 40; ++hostLength) {
        const std::string host = std::string(std::size_t(hostLength), 'h');
        for (int addressLength = 1; addressLength <= 40; addressLength += 3) {
            const std::string address = std::string(std::size_t(addressLength), '7');
            const std::string text = host + "[" + address + "]:25, rest";
            PostfixScanner s(text);
            std::string_view h;
            std::string_view a;
            int port = 0;
            QVERIFY(s.consumeHostAddress(h, a, port, true));
            QCOMPARE(std::string(h), host);
            QCOMPARE(std::string(a), address);
            QCOMPARE(port, 25);
            QCOMPARE(std::string(s.rest()), std::string(", rest"));
        }
        // A blank, a comma or a ']' before the '[' is no host; so is one without '['.
        for (const char stop : {' ', '\t', ',', ']'}) {
            for (int at = 0; at < hostLength; ++at) {
                std::string broken = host + "[192.0.2.1]";
                broken[std::size_t(at)] = stop;
                PostfixScanner s(broken);
                std::string_view h;
                std::string_view a;
                int port = 0;
                QVERIFY2(!s.consumeHostAddress(h, a, port, true), broken.c_str());
                QCOMPARE(std::string(s.rest()), broken);
            }
        }
        PostfixScanner plain(host);
        std::string_view h;
        std::string_view a;
        int port = 0;
        QVERIFY(!plain.consumeHostAddress(h, a, port, true));
    }
}

QTEST_GUILESS_MAIN(TestPostfixParser)
#include "tst_postfixparser.moc"
