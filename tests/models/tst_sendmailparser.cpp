#include <string_view>

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/logs/sendmailparser.h"
#include "models/logs/sendmailtext.h"

using namespace mailtls;

namespace {

QString str(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

QString kindName(SendmailEventKind kind)
{
    switch (kind) {
    case SendmailEventKind::Unrecognised: return QStringLiteral("Unrecognised");
    case SendmailEventKind::Ignored: return QStringLiteral("Ignored");
    case SendmailEventKind::ServerTls: return QStringLiteral("ServerTls");
    case SendmailEventKind::ServerTlsFailure: return QStringLiteral("ServerTlsFailure");
    case SendmailEventKind::ServerTlsDetail: return QStringLiteral("ServerTlsDetail");
    case SendmailEventKind::Auth: return QStringLiteral("Auth");
    case SendmailEventKind::From: return QStringLiteral("From");
    case SendmailEventKind::SessionLine: return QStringLiteral("SessionLine");
    case SendmailEventKind::SessionEnd: return QStringLiteral("SessionEnd");
    case SendmailEventKind::ClientTls: return QStringLiteral("ClientTls");
    case SendmailEventKind::ClientTlsFailure: return QStringLiteral("ClientTlsFailure");
    case SendmailEventKind::ClientTlsDetail: return QStringLiteral("ClientTlsDetail");
    case SendmailEventKind::TlsServerReject: return QStringLiteral("TlsServerReject");
    case SendmailEventKind::To: return QStringLiteral("To");
    case SendmailEventKind::TlsIoError: return QStringLiteral("TlsIoError");
    }
    return QString();
}

QString problemName(TlsProblem p)
{
    switch (p) {
    case TlsProblem::None: return QStringLiteral("None");
    case TlsProblem::NotOffered: return QStringLiteral("NotOffered");
    case TlsProblem::CannotStart: return QStringLiteral("CannotStart");
    case TlsProblem::Handshake: return QStringLiteral("Handshake");
    case TlsProblem::DhKeyTooSmall: return QStringLiteral("DhKeyTooSmall");
    case TlsProblem::Certificate: return QStringLiteral("Certificate");
    case TlsProblem::LostAfterStarttls: return QStringLiteral("LostAfterStarttls");
    case TlsProblem::Other: return QStringLiteral("Other");
    }
    return QString();
}

QString statName(SendmailStat s)
{
    switch (s) {
    case SendmailStat::None: return QStringLiteral("None");
    case SendmailStat::Sent: return QStringLiteral("Sent");
    case SendmailStat::Deferred: return QStringLiteral("Deferred");
    case SendmailStat::Bounced: return QStringLiteral("Bounced");
    case SendmailStat::Other: return QStringLiteral("Other");
    }
    return QString();
}

// Every field the event sets, in one line: "Kind qid=… host=… …".
QString describe(const SendmailEvent &e)
{
    QStringList parts{kindName(e.kind)};
    auto add = [&parts](const char *name, std::string_view value) {
        if (!value.empty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + str(value);
    };
    add("qid", e.queueId);
    add("host", e.host);
    add("ip", e.ip);
    if (e.forged)
        parts << QStringLiteral("forged");
    add("from", e.sender);
    if (e.size >= 0)
        parts << QStringLiteral("size=%1").arg(e.size);
    if (e.recipientCount >= 0)
        parts << QStringLiteral("nrcpts=%1").arg(e.recipientCount);
    add("proto", e.protocol);
    add("daemon", e.daemon);
    add("auth", e.authMechanism);
    add("tls_verify", e.tlsVerify);
    if (e.smtp)
        parts << QStringLiteral("smtp");
    if (e.response)
        parts << QStringLiteral("response");
    add("to", e.recipients);
    add("mailer", e.mailer);
    if (e.stat != SendmailStat::None)
        parts << QStringLiteral("stat=") + statName(e.stat);
    if (!e.tls.protocol.empty() || !e.tls.cipher.empty()) {
        parts << QStringLiteral("tls=%1/%2/%3/%4%5")
                     .arg(str(e.tls.protocol), str(e.tls.cipher))
                     .arg(e.tls.cipherBits)
                     .arg(int(e.tls.trust))
                     .arg(e.tls.dhe ? QStringLiteral("/dhe") : QString());
    }
    add("verify", e.verify);
    if (e.problem != TlsProblem::None)
        parts << problemName(e.problem) + QStringLiteral("(\"") + str(e.problemText) + QStringLiteral("\")");
    add("arg1", e.rulesetArg);
    return parts.join(QLatin1Char(' '));
}

QString describeMessage(const QByteArray &message)
{
    return describe(SendmailParser::parse(std::string_view(message.constData(), std::size_t(message.size()))));
}

bool corpusPresent()
{
    return QDir(QStringLiteral(MAILTLS_CORPUS_DIR)).exists();
}

// Lines of a corpus file that are not comments, with their syslog prefix parsed.
struct CorpusLine
{
    QByteArray text;
    QString program;
    QByteArray message;
};

QList<CorpusLine> corpusLines(const QString &relative)
{
    QList<CorpusLine> out;
    QFile f(QStringLiteral(MAILTLS_CORPUS_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    LinePrefixParser prefix{QTimeZone::utc()};
    prefix.setReferenceTime(1719705600);
    const QList<QByteArray> all = f.readAll().split('\n');
    for (QByteArray line : all) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        LogLine parsed;
        const std::string_view view(line.constData(), std::size_t(line.size()));
        CorpusLine c;
        c.text = line;
        if (prefix.parse(view, parsed)) {
            c.program = str(parsed.program);
            c.message = QByteArray(parsed.message.data(), qsizetype(parsed.message.size()));
        }
        out.append(c);
    }
    return out;
}

} // namespace

class TestSendmailParser final : public QObject
{
    Q_OBJECT

private slots:
    void programs_data();
    void programs();
    void parse_data();
    void parse();
    void verifyWords_data();
    void verifyWords();
    void remotes_data();
    void remotes();
    void fields();
    void corpus_data();
    void corpus();
    void robustness();
};

void TestSendmailParser::programs_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<bool>("sendmail");
    QTest::addColumn<bool>("localSubmission");
    QTest::newRow("sendmail") << QByteArray("sendmail") << true << false;
    QTest::newRow("sm-mta") << QByteArray("sm-mta") << true << false;
    QTest::newRow("sm-msp-queue") << QByteArray("sm-msp-queue") << true << true;
    QTest::newRow("sm-acceptingconnections") << QByteArray("sm-acceptingconnections") << true << false;
    QTest::newRow("postfix/smtpd") << QByteArray("postfix/smtpd") << false << false;
    QTest::newRow("exim") << QByteArray("exim") << false << false;
    QTest::newRow("Sendmail") << QByteArray("Sendmail") << false << false;
    QTest::newRow("sm-mta-x") << QByteArray("sm-mta-x") << false << false;
    QTest::newRow("empty") << QByteArray() << false << false;
}

void TestSendmailParser::programs()
{
    QFETCH(QByteArray, program);
    QFETCH(bool, sendmail);
    QFETCH(bool, localSubmission);
    const std::string_view p(program.constData(), std::size_t(program.size()));
    QCOMPARE(SendmailParser::isSendmailProgram(p), sendmail);
    QCOMPARE(SendmailParser::isLocalSubmissionProgram(p), localSubmission);
}

void TestSendmailParser::parse_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");
    struct Row
    {
        const char *name;
        const char *message;
        const char *expected;
    };
    static const Row rows[] = {
        // ---- STARTTLS established ----
        {"server TLS 1.3",
         "STARTTLS=server, relay=mail.example.net [192.0.2.10], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
         "ServerTls host=mail.example.net ip=192.0.2.10 tls=TLSv1.3/TLS_AES_256_GCM_SHA384/256/1 verify=NO"},
        {"server address only, forged",
         "STARTTLS=server, relay=host.example.net [198.51.100.7] (may be forged), version=TLSv1.2, verify=NOT, cipher=ECDHE-RSA-AES128-GCM-SHA256, bits=128/128",
         "ServerTls host=host.example.net ip=198.51.100.7 forged tls=TLSv1.2/ECDHE-RSA-AES128-GCM-SHA256/128/1 verify=NOT"},
        {"server IPv6",
         "STARTTLS=server, relay=mx.example.org [IPv6:2001:db8::25], version=TLSv1.3, verify=OK, cipher=TLS_AES_128_GCM_SHA256, bits=128/128",
         "ServerTls host=mx.example.org ip=2001:db8::25 tls=TLSv1.3/TLS_AES_128_GCM_SHA256/128/3 verify=OK"},
        {"client, old OpenSSL version string",
         "STARTTLS=client, relay=gmail-smtp-in.l.google.com., version=TLSv1/SSLv3, verify=OK, cipher=RC4-SHA, bits=128/128",
         "ClientTls host=gmail-smtp-in.l.google.com. tls=TLSv1/SSLv3/RC4-SHA/128/3 verify=OK"},
        {"client DHE, FAIL",
         "STARTTLS=client, relay=mx.weak.example., version=TLSv1.2, verify=FAIL, cipher=DHE-RSA-AES256-GCM-SHA384, bits=256/256",
         "ClientTls host=mx.weak.example. tls=TLSv1.2/DHE-RSA-AES256-GCM-SHA384/256/2/dhe verify=FAIL"},
        {"client DANE, with the pubkey fingerprint",
         "STARTTLS=client, relay=mx.dane.example., version=TLSv1.3, verify=TRUSTED, cipher=TLS_AES_256_GCM_SHA384, bits=256/256, pubkey_fp=AB:CD",
         "ClientTls host=mx.dane.example. tls=TLSv1.3/TLS_AES_256_GCM_SHA384/256/4 verify=TRUSTED"},
        {"client, address literal relay",
         "STARTTLS=client, relay=[192.0.2.55], version=TLSv1.2, verify=NO, cipher=AES256-SHA, bits=256/256",
         "ClientTls ip=192.0.2.55 tls=TLSv1.2/AES256-SHA/256/1 verify=NO"},
        {"STARTTLS informational", "STARTTLS=client, start=ok", "Ignored"},
        {"STARTTLS cert subject",
         "STARTTLS=server, cert-subject=/CN=mx.example.net, cert-issuer=/CN=CA, verifymsg=ok", "Ignored"},
        {"STARTTLS CN field",
         "STARTTLS=client, relay=mx.example.net., field=cn_subject, status=failed to extract CN", "Ignored"},

        // ---- STARTTLS failures ----
        {"connect failed, 8.12",
         "STARTTLS=client, error: connect failed=0, SSL_error=5",
         "ClientTlsFailure Handshake(\"connect failed=0, SSL_error=5\")"},
        {"connect failed, dh key too small",
         "STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
         "ClientTlsFailure DhKeyTooSmall(\"dh key too small\")"},
        {"connect failed, reason unknown",
         "STARTTLS=client, error: connect failed=-1, reason=unknown, SSL_error=5, errno=104, retry=-1",
         "ClientTlsFailure Handshake(\"connect failed=-1, reason=unknown, SSL_error=5, errno=104, retry=-1\")"},
        {"accept failed with relay",
         "STARTTLS=server, error: accept failed=-1, reason=no shared cipher, SSL_error=1, errno=0, retry=-1, relay=client.example.com [203.0.113.9]",
         "ServerTlsFailure host=client.example.com ip=203.0.113.9 Handshake(\"no shared cipher\")"},
        {"accept failed, address-only relay",
         "STARTTLS=server, error: accept failed=0, reason=unknown, SSL_error=5, errno=0, retry=-1, relay=[198.51.100.23]",
         "ServerTlsFailure ip=198.51.100.23 Handshake(\"accept failed=0, reason=unknown, SSL_error=5, errno=0, retry=-1, relay=[198.51.100.23]\")"},
        {"accept failed, 8.12",
         "STARTTLS=server, error: accept failed=0, SSL_error=5, timedout=0, errno=0",
         "ServerTlsFailure Handshake(\"accept failed=0, SSL_error=5, timedout=0, errno=0\")"},
        {"Sendmail's own TLS trouble", "STARTTLS=server, error: cannot read or set DH parameters(/etc/mail/dh.pem): error:0", "Ignored"},
        {"client detail, OpenSSL 1.0",
         "STARTTLS=client: 5232:error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3339:",
         "ClientTlsDetail DhKeyTooSmall(\"5232:error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3339:\")"},
        {"client detail, OpenSSL 1.1",
         "STARTTLS=client: 1834:error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2149:",
         "ClientTlsDetail DhKeyTooSmall(\"1834:error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2149:\")"},
        {"client detail, OpenSSL 3 through Sendmail 8.17",
         "STARTTLS=client: error:0A00018A:SSL routines::dh key too small:ssl/statem/statem_clnt.c:2156:",
         "ClientTlsDetail DhKeyTooSmall(\"error:0A00018A:SSL routines::dh key too small:ssl/statem/statem_clnt.c:2156:\")"},
        {"client detail, reason macro name",
         "STARTTLS=client: 77:error:SSL_R_DH_KEY_TOO_SMALL",
         "ClientTlsDetail DhKeyTooSmall(\"77:error:SSL_R_DH_KEY_TOO_SMALL\")"},
        {"server detail",
         "STARTTLS=server: 26563:error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher:s3_srvr.c:1435:",
         "ServerTlsDetail Handshake(\"26563:error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher:s3_srvr.c:1435:\")"},
        {"info callback failure",
         "STARTTLS: SSL_connect:failed in SSLv3 read server key exchange A",
         "ClientTlsDetail Handshake(\"SSL_connect:failed in SSLv3 read server key exchange A\")"},
        {"info callback state", "STARTTLS: SSL_accept:SSLv3 write server hello A", "Ignored"},
        {"TLS read diagnostics", "STARTTLS=read, info: fds=9/8, err=5", "Ignored"},
        {"STARTTLS of another kind", "STARTTLS=frobnicate, x=1", "Unrecognised"},
        {"read error",
         "STARTTLS: read error=syscall error (-1), errno=104, get_error=error:00000000:lib(0):func(0):reason(0), retry=99, ssl_err=5",
         "TlsIoError Other(\"read error=syscall error (-1), errno=104, get_error=error:00000000:lib(0):func(0):reason(0), retry=99, ssl_err=5\")"},

        // ---- rulesets ----
        {"tls_server handshake failed",
         "ruleset=tls_server, arg1=SOFTWARE, relay=mx.example.org, reject=403 4.7.0 TLS handshake failed.",
         "TlsServerReject host=mx.example.org Handshake(\"TLS handshake failed.\") arg1=SOFTWARE"},
        {"tls_server, STARTTLS required",
         "ruleset=tls_server, arg1=NONE, relay=mx.plain.example, reject=403 4.7.0 other side does not support STARTTLS",
         "TlsServerReject host=mx.plain.example NotOffered(\"other side does not support STARTTLS\") arg1=NONE"},
        {"tls_server, certificate",
         "ruleset=tls_server, arg1=FAIL, relay=mx.bank.example, reject=403 4.7.0 authentication failed",
         "TlsServerReject host=mx.bank.example Certificate(\"authentication failed\") arg1=FAIL"},
        {"tls_server, TLS_Srv ENCR policy and no STARTTLS (Sendmail 8.17, no queue id)",
         "ruleset=tls_server, arg1=NONE, relay=[192.0.2.2], reject=454 4.7.0 encryption too weak 0 less than 128",
         "TlsServerReject ip=192.0.2.2 NotOffered(\"encryption too weak 0 less than 128\") arg1=NONE"},
        {"tls_server, too weak",
         "ruleset=tls_server, arg1=OK, relay=mx.old.example, reject=403 4.7.0 encryption too weak 56 less than 128",
         "TlsServerReject host=mx.old.example Other(\"encryption too weak 56 less than 128\") arg1=OK"},
        {"check_relay 421 at connect",
         "ruleset=check_relay, arg1=[192.0.2.123], arg2=192.0.2.123, relay=host.example.com [192.0.2.123] (may be forged), reject=421 4.3.2 Connection rate limit exceeded.",
         "SessionEnd host=host.example.com ip=192.0.2.123 forged arg1=[192.0.2.123]"},
        {"check_rcpt with queue id",
         "s1P819mk027713: ruleset=check_rcpt, arg1=<asservnew@example.ru>, relay=128-68-136-133.example.ru [128.68.136.133], reject=550 5.7.1 <asservnew@example.ru>... Relaying denied.",
         "SessionLine qid=s1P819mk027713 host=128-68-136-133.example.ru ip=128.68.136.133 arg1=<asservnew@example.ru>"},
        {"tls_client at MAIL",
         "ruleset=tls_client, arg1=NONE, arg2=MAIL, relay=laptop.example.com [203.0.113.50], reject=403 4.7.0 encryption needed",
         "SessionLine host=laptop.example.com ip=203.0.113.50 arg1=NONE"},

        // ---- from= ----
        {"from over SMTP with TLS and AUTH",
         "qA7LqlqC029841: from=<a@example.net>, size=1391, class=0, nrcpts=1, msgid=<1@example.net>, bodytype=8BITMIME, proto=ESMTPSA, daemon=MSA, relay=laptop.example.net [192.0.2.77]",
         "From qid=qA7LqlqC029841 host=laptop.example.net ip=192.0.2.77 from=a@example.net size=1391 nrcpts=1 proto=ESMTPSA daemon=MSA smtp"},
        {"from, Sendmail 8.16 tls_verify and auth",
         "4AB1cDEf012345: from=<b@example.org>, size=20480, class=0, nrcpts=2, msgid=<2@example.org>, proto=ESMTPS, daemon=MTA-v4, tls_verify=NO, auth=NONE, relay=mail.example.org [198.51.100.20]",
         "From qid=4AB1cDEf012345 host=mail.example.org ip=198.51.100.20 from=b@example.org size=20480 nrcpts=2 proto=ESMTPS daemon=MTA-v4 auth=NONE tls_verify=NO smtp"},
        {"from, local submission",
         "4AB1cDEf012346: from=root, size=310, class=0, nrcpts=1, msgid=<3@mx.example.com>, relay=root@localhost",
         "From qid=4AB1cDEf012346 host=root@localhost from=root size=310 nrcpts=1"},
        {"from, notification",
         "4AB1cDEf012347: from=<>, size=2978, class=0, nrcpts=1, msgid=<4@mx.example.com>, proto=ESMTP, daemon=MTA, relay=[RESPONSE]",
         "From qid=4AB1cDEf012347 size=2978 nrcpts=1 proto=ESMTP daemon=MTA response"},
        {"from, Sendmail 8.9 without daemon",
         "MAA01090: from=<frank@peri.example.edu>, size=555, class=0, pri=60555, nrcpts=2, msgid=<5@nyssa.example.edu>, proto=SMTP, relay=nyssa [128.146.226.22]",
         "From qid=MAA01090 host=nyssa ip=128.146.226.22 from=frank@peri.example.edu size=555 nrcpts=2 proto=SMTP smtp"},

        // ---- to= ----
        {"to, several recipients",
         "qADMh0cd016570: to=<a@example.com>,<b@example.com>,<c@example.com>, delay=00:09:09, xdelay=00:00:09, mailer=esmtp, pri=4437228, relay=mx.example.com. [203.0.113.22], dsn=2.0.0, stat=Sent (<id@x> [InternalId=1] Queued mail for delivery)",
         "To qid=qADMh0cd016570 host=mx.example.com. ip=203.0.113.22 to=<a@example.com>,<b@example.com>,<c@example.com> mailer=esmtp stat=Sent"},
        {"to, ctladdr",
         "qA7LqlqC029841: to=<u@example.net>, ctladdr=<me@example.com> (1000/1000), delay=00:00:01, xdelay=00:00:01, mailer=relay, pri=30301, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (qA7LqlqD029842 Message accepted for delivery)",
         "To qid=qA7LqlqC029841 ip=127.0.0.1 to=<u@example.net> mailer=relay stat=Sent"},
        {"to, local mailer",
         "qA7LqlqC029841: to=<alice@mx.example.com>, delay=00:00:00, xdelay=00:00:00, mailer=local, pri=30735, dsn=2.0.0, stat=Sent",
         "To qid=qA7LqlqC029841 to=<alice@mx.example.com> mailer=local stat=Sent"},
        {"to, deferred without connection",
         "qACMe8E2017601: to=<x@example.com>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=127125, relay=mta6.example.net., dsn=4.0.0, stat=Deferred",
         "To qid=qACMe8E2017601 host=mta6.example.net. to=<x@example.com> mailer=esmtp stat=Deferred"},
        {"to, deferred by the TLS policy",
         "hBT7rwVP015584: to=<w@bank.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.bank.example. [192.0.2.40], dsn=4.0.0, stat=Deferred: 403 4.7.0 authentication failed",
         "To qid=hBT7rwVP015584 host=mx.bank.example. ip=192.0.2.40 to=<w@bank.example> mailer=esmtp stat=Deferred Certificate(\"authentication failed\")"},
        {"to, deferred, not for TLS",
         "hBT7rwVP015585: to=<g@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [203.0.113.22], dsn=4.7.1, stat=Deferred: 451 4.7.1 Greylisting in action, please come back later",
         "To qid=hBT7rwVP015585 host=mx.example.com. ip=203.0.113.22 to=<g@example.com> mailer=esmtp stat=Deferred"},
        {"to, deferred for TLS",
         "hBT7rwVP015583: to=<r@example.org>, delay=4+12:04:53, xdelay=00:00:02, mailer=esmtp, pri=5884931, relay=mx.example.org. [192.0.2.44], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.",
         "To qid=hBT7rwVP015583 host=mx.example.org. ip=192.0.2.44 to=<r@example.org> mailer=esmtp stat=Deferred Handshake(\"TLS handshake failed.\")"},
        {"to, bounced",
         "qAD0Cg5c013756: to=<z@example.com>, delay=00:00:00, pri=30747, stat=Mail Rejected: high volume mailings not allowed.",
         "To qid=qAD0Cg5c013756 to=<z@example.com> stat=Bounced"},
        {"to, 8.16 tls_verify",
         "4AB1cDEf012345: to=<c@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, tls_verify=OK, pri=120480, relay=mx.example.com. [203.0.113.5], dsn=2.0.0, stat=Sent (ok)",
         "To qid=4AB1cDEf012345 host=mx.example.com. ip=203.0.113.5 tls_verify=OK to=<c@example.com> mailer=esmtp stat=Sent"},
        {"to, split line, head", "4AB1cDEf012348[1]: to=<a@example.com>,<b@example.com>,...", "Ignored qid=4AB1cDEf012348"},
        {"to, split line, tail",
         "4AB1cDEf012348[2]: <y@example.com>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=1, relay=mx.example.com. [203.0.113.5], dsn=2.0.0, stat=Sent (ok)",
         "To qid=4AB1cDEf012348 host=mx.example.com. ip=203.0.113.5 mailer=esmtp stat=Sent"},
        {"to, file", "4AB1cDEf012349: to=/dev/null, ctladdr=<spam@mx.example.com> (8/0), delay=00:00:00, xdelay=00:00:00, mailer=*file*, pri=30457, dsn=2.0.0, stat=Sent",
         "To qid=4AB1cDEf012349 to=/dev/null mailer=*file* stat=Sent"},

        // ---- the client, in other words ----
        {"AUTH=server", "AUTH=server, relay=laptop.example.com [203.0.113.50], authid=alice, mech=PLAIN, bits=0",
         "Auth host=laptop.example.com ip=203.0.113.50"},
        {"AUTH=client", "AUTH=client, relay=smarthost.example.net., mech=PLAIN, bits=0", "Ignored"},
        {"AUTH mechanisms", "AUTH: available mech=PLAIN LOGIN, allowed mech=EXTERNAL PLAIN LOGIN", "Ignored"},
        {"AUTH failure",
         "06I02CNi016764: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=user@example.com, relay=example.com [192.0.2.3] (may be forged)",
         "SessionLine qid=06I02CNi016764 host=example.com ip=192.0.2.3 forged"},
        {"did not issue MAIL",
         "v27K4Vj8018624: some-host-24.example.org [192.0.2.195] (may be forged) did not issue MAIL/EXPN/VRFY/ETRN during connection to MSP-v4",
         "SessionEnd qid=v27K4Vj8018624 host=some-host-24.example.org ip=192.0.2.195 forged daemon=MSP-v4"},
        {"lost input channel",
         "56VFYCxS024291: lost input channel from mail.example.org [139.162.120.196] to MTA-v4 after rcpt",
         "SessionEnd qid=56VFYCxS024291 host=mail.example.org ip=139.162.120.196 daemon=MTA-v4"},
        {"server timeout",
         "qA7LqlqC029841: timeout waiting for input from client.example.net [192.0.2.66] during server cmd read",
         "SessionEnd qid=qA7LqlqC029841 host=client.example.net ip=192.0.2.66"},
        {"client timeout", "qA7LqlqC029841: timeout waiting for input from mx.example.net. during client greeting", "Ignored qid=qA7LqlqC029841"},
        {"possible SMTP attack", "s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5",
         "SessionEnd qid=s1GNXHYB005133 ip=190.5.230.178"},
        {"pre-greeting traffic",
         "s1R9r60D044307: rejecting commands from  [209.15.212.253] due to pre-greeting traffic after 0 seconds",
         "SessionLine qid=s1R9r60D044307 ip=209.15.212.253"},
        {"EXPN", "s1MD2hsd004030: rrcs-24-73-201-194.example.com [24.73.201.194]: EXPN root [rejected]",
         "SessionLine qid=s1MD2hsd004030 host=rrcs-24-73-201-194.example.com ip=24.73.201.194"},

        // ---- known, and changing nothing ----
        {"milter", "qA7LqlqC029841: Milter add: header: X-Spam: no", "Ignored qid=qA7LqlqC029841"},
        {"user unknown", "55HIbcGI002794: <baduser@example.com>... User unknown", "Ignored qid=55HIbcGI002794"},
        {"DSN", "qA7LqlqC029841: qA7LqlqD029843: DSN: User unknown", "Ignored qid=qA7LqlqC029841"},
        {"starting daemon", "starting daemon (8.15.2): SMTP+queueing@00:10:00", "Ignored"},
        {"aliases", "alias database /etc/mail/aliases rebuilt by root", "Ignored"},
        {"load", "rejecting connections on daemon MTA-v4: load average: 25", "Ignored"},

        // ---- not known ----
        {"unknown words", "something entirely different", "Unrecognised"},
        {"unknown queue line", "qA7LqlqC029841: flux capacitor overheated", "Unrecognised qid=qA7LqlqC029841"},
        {"empty", "", "Unrecognised"},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << QByteArray(r.message) << QString::fromUtf8(r.expected);
}

void TestSendmailParser::parse()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    QCOMPARE(describeMessage(message), expected);
}

void TestSendmailParser::verifyWords_data()
{
    QTest::addColumn<QByteArray>("verify");
    QTest::addColumn<int>("trust");
    QTest::newRow("OK") << QByteArray("OK") << int(Trust::Trusted);
    QTest::newRow("TRUSTED") << QByteArray("TRUSTED") << int(Trust::Verified);
    QTest::newRow("NO") << QByteArray("NO") << int(Trust::Anonymous);
    QTest::newRow("NOT") << QByteArray("NOT") << int(Trust::Anonymous);
    QTest::newRow("FAIL") << QByteArray("FAIL") << int(Trust::Untrusted);
    QTest::newRow("TEMP") << QByteArray("TEMP") << int(Trust::Untrusted);
    QTest::newRow("PROTOCOL") << QByteArray("PROTOCOL") << int(Trust::Untrusted);
    QTest::newRow("SOFTWARE") << QByteArray("SOFTWARE") << int(Trust::Untrusted);
    QTest::newRow("DANE_FAIL") << QByteArray("DANE_FAIL") << int(Trust::Untrusted);
    QTest::newRow("NONE") << QByteArray("NONE") << int(Trust::Unknown);
    QTest::newRow("CLEAR") << QByteArray("CLEAR") << int(Trust::Unknown);
    QTest::newRow("empty") << QByteArray() << int(Trust::Unknown);
    QTest::newRow("lower case ok") << QByteArray("ok") << int(Trust::Unknown);
}

void TestSendmailParser::verifyWords()
{
    QFETCH(QByteArray, verify);
    QFETCH(int, trust);
    QCOMPARE(int(SendmailText::trustFromVerify(std::string_view(verify.constData(), std::size_t(verify.size())))),
             trust);
    // The same word on a STARTTLS line.
    const QByteArray line = "STARTTLS=client, relay=mx.example.net., version=TLSv1.2, verify=" + verify
        + ", cipher=AES256-SHA, bits=256/256";
    const SendmailEvent e = SendmailParser::parse(std::string_view(line.constData(), std::size_t(line.size())));
    QCOMPARE(e.kind, SendmailEventKind::ClientTls);
    QCOMPARE(int(e.tls.trust), trust);
}

void TestSendmailParser::remotes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<bool>("forged");
    QTest::addColumn<int>("used");
    QTest::newRow("host and address") << QByteArray("mx.example.net [192.0.2.1]") << "mx.example.net" << "192.0.2.1" << false << 26;
    QTest::newRow("trailing dot") << QByteArray("mx.example.net. [192.0.2.1], dsn") << "mx.example.net." << "192.0.2.1" << false << 27;
    QTest::newRow("address only") << QByteArray("[192.0.2.1]") << "" << "192.0.2.1" << false << 11;
    QTest::newRow("address literal host") << QByteArray("[192.0.2.1] [192.0.2.1]") << "" << "192.0.2.1" << false << 23;
    QTest::newRow("forged") << QByteArray("h.example [192.0.2.1] (may be forged): x") << "h.example" << "192.0.2.1" << true << 37;
    QTest::newRow("IPv6") << QByteArray("h.example [IPv6:2001:DB8::1] did") << "h.example" << "2001:DB8::1" << false << 28;
    QTest::newRow("old parentheses") << QByteArray("nyssa (128.146.226.22)") << "nyssa" << "128.146.226.22" << false << 22;
    QTest::newRow("leading spaces") << QByteArray("  [192.0.2.9] due") << "" << "192.0.2.9" << false << 13;
    QTest::newRow("host only") << QByteArray("mx.example.net.") << "mx.example.net." << "" << false << 15;
    QTest::newRow("user@localhost") << QByteArray("root@localhost") << "root@localhost" << "" << false << 14;
    QTest::newRow("unclosed bracket") << QByteArray("[192.0.2.1") << "" << "" << false << 0;
    QTest::newRow("empty") << QByteArray() << "" << "" << false << 0;
}

void TestSendmailParser::remotes()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, host);
    QFETCH(QString, ip);
    QFETCH(bool, forged);
    QFETCH(int, used);
    SendmailText::Remote remote;
    QCOMPARE(int(SendmailText::parseRemote(std::string_view(text.constData(), std::size_t(text.size())), remote)), used);
    QCOMPARE(str(remote.host), host);
    QCOMPARE(str(remote.ip), ip);
    QCOMPARE(remote.forged, forged);
}

void TestSendmailParser::fields()
{
    // Values hold ", " (ctladdr, stat) and "=" (addresses); keys start where ", key=" does.
    const std::string_view text = "to=<a=b@example.com>,<c@example.com>, ctladdr=<me@x> (8/0), "
                                  "delay=00:00:01, weird value, x, stat=Sent (ok, 2 of 2, k=v)";
    SendmailText::Fields fields(text);
    std::string_view key;
    std::string_view value;
    QStringList seen;
    while (fields.next(key, value))
        seen << str(key) + QLatin1Char('|') + str(value);
    QCOMPARE(seen, (QStringList{QStringLiteral("to|<a=b@example.com>,<c@example.com>"),
                                QStringLiteral("ctladdr|<me@x> (8/0)"),
                                QStringLiteral("delay|00:00:01, weird value, x"),
                                QStringLiteral("stat|Sent (ok, 2 of 2, k=v)")}));
    QVERIFY(fields.rest().empty());

    SendmailText::Fields notFields(std::string_view("error: connect failed=0"));
    QVERIFY(!notFields.next(key, value));
}

void TestSendmailParser::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    // Every line of the corpus's Sendmail files, in file order: what the parser makes of it.
    QTest::newRow("grok-patterns test-sendmail.rb")
        << QStringLiteral("extracted/augieschwer-grok-patterns_test-sendmail.rb.lines.txt")
        << QStringList{
               QStringLiteral("To qid=qA7LqlqC029841 host=lds.sonic.net. ip=69.12.221.231 to=<augie@corp.sonic.net> mailer=esmtp stat=Sent"),
               QStringLiteral("To qid=qACL1HdZ024655 host=aspmx.l.google.com. ip=173.194.79.26 to=<augie@corp.sonic.net> mailer=esmtp stat=Sent"),
               QStringLiteral("To qid=qACMe8E2017601 host=mta6.am0.yahoodns.net. to=<augie@corp.sonic.net> mailer=esmtp stat=Deferred"),
               QStringLiteral("To qid=qAD0Cg5c013756 to=<augie@corp.sonic.net> stat=Bounced"),
               QStringLiteral("To qid=qADMh0cd016570 host=ign-com.mail.eo.outlook.com. ip=216.32.180.22 to=<augie@corp.sonic.net>,<augie@sonic.net>,<augie@schwer.us> mailer=esmtp stat=Sent"),
               QStringLiteral("From qid=qA7LqlqC029841 host=a.mail.sonic.net ip=64.142.16.245 from=augie@corp.sonic.net size=1391 nrcpts=1 proto=ESMTP daemon=MTA smtp"),
               QStringLiteral("From qid=qACL1Pfa024787 host=mail.wlbutler.com ip=208.106.122.5 from=augie@corp.sonic.net size=7712 nrcpts=1 proto=ESMTP daemon=MTA smtp"),
               QStringLiteral("Ignored qid=qA7LqlqC029841"),
               QStringLiteral("ClientTls host=gmail-smtp-in.l.google.com. tls=TLSv1/SSLv3/RC4-SHA/128/3 verify=OK"),
               QStringLiteral("TlsIoError Other(\"write error=syscall error (-1), errno=104, get_error=error:00000000:lib(0):func(0):reason(0), retry=99, ssl_err=5\")"),
               QStringLiteral("TlsServerReject host=goransoncpa-com.mail.eo.outlook.com Handshake(\"TLS handshake failed.\") arg1=SOFTWARE"),
               QStringLiteral("ClientTlsFailure Handshake(\"connect failed=0, SSL_error=5\")"),
               QStringLiteral("ServerTls host=173-8-135-25-SFBA.hfc.comcastbusiness.net ip=173.8.135.25 tls=TLSv1/SSLv3/AES128-SHA/128/1 verify=NO"),
               QStringLiteral("ServerTls ip=184.21.104.253 tls=TLSv1/SSLv3/RC4-MD5/128/1 verify=NO"),
               QStringLiteral("SessionEnd host=c-76-102-185-118.hsd1.ca.comcast.net ip=76.102.185.118 arg1=c-76-102-185-118.hsd1.ca.comcast.net"),
               QStringLiteral("SessionEnd ip=184.21.104.253 arg1=[184.21.104.253]"),
               QStringLiteral("Auth host=127.0.0.1.dsl.dynamic.sonic.net ip=127.0.0.1"),
               QStringLiteral("Auth ip=67.59.198.131"),
               QStringLiteral("Auth host=173-228-127-4.dsl.dynamic.sonic.net ip=173.228.127.4 forged"),
               QStringLiteral("Auth host=c-50-131-108-189.hsd1.ca.comcast.net ip=50.131.108.189"),
               QStringLiteral("Auth ip=12.133.142.194"),
           };
    QTest::newRow("fail2ban sendmail-auth")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-auth")
        << QStringList{
               QStringLiteral("SessionEnd qid=s1GNXHYB005133 ip=190.5.230.178"),
               QStringLiteral("SessionEnd qid=s1GNeNqe005178 host=cpe-075-176-164-191.sc.res.rr.com ip=75.176.164.191"),
               QStringLiteral("SessionEnd qid=s1OHA28u032053 host=211-75-6-133.HINET-IP.hinet.net ip=211.75.6.133"),
               QStringLiteral("SessionEnd qid=s1OHxxSn001499 host=192.241.70.95.dsl.static.turk.net ip=95.70.241.192 forged"),
               QStringLiteral("SessionEnd qid=u0CB32qX026592 ip=192.0.2.1"),
               QStringLiteral("SessionEnd qid=xA32R2PQ3529566 ip=192.0.2.2"),
               QStringLiteral("SessionLine qid=06I02CNi016764 host=example.com ip=192.0.2.3 forged"),
               QStringLiteral("SessionLine qid=06I02CNi016765 ip=192.0.2.4 forged"),
               QStringLiteral("SessionLine qid=14NNwaRl065696 ip=192.0.2.5"),
               QStringLiteral("SessionLine qid=14NNx65Q065815 ip=192.0.2.6"),
               QStringLiteral("SessionLine qid=09DJDgOM005976 host=host.example.com ip=192.0.2.7 forged"),
               QStringLiteral("SessionLine qid=09DJDgOM005976 host=host.example.com ip=192.0.2.8"),
               QStringLiteral("SessionLine qid=26H8MRrS025411 ip=192.0.2.9"),
           };
    QTest::newRow("fail2ban sendmail-reject")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-reject")
        << QStringList{
               QStringLiteral("SessionLine qid=s1P819mk027713 host=128-68-136-133.broadband.corbina.ru ip=128.68.136.133 arg1=<asservnew@freemailhost.ru>"),
               QStringLiteral("SessionLine qid=s1NLaDQT022248 host=int0.client.access.azadnet.net ip=80.253.155.119 forged arg1=<dautareuk2@hotmail.it>"),
               QStringLiteral("SessionLine qid=s1O7XtZJ021134 host=118-161-66-57.dynamic.hinet.net ip=118.161.66.57 arg1=<sanjinn232@yahoo.com.tw>"),
               QStringLiteral("SessionLine qid=s1N7vR47006519 ip=2.180.185.27 arg1=<camila.pinto@camilopinto.pt>"),
               QStringLiteral("SessionLine qid=s1NED81M017126 host=161.pool85-60-238.dynamic.orange.es ip=85.60.238.161 arg1=<anabelaalvesd@camilopinto.pt>"),
               QStringLiteral("SessionLine qid=s1O57c6H000716 host=202.53.73.138.nettlinx.com ip=202.53.73.138 forged arg1=<camilo_pinto@camilopinto.pt>"),
               QStringLiteral("SessionLine qid=s1N706jo003992 ip=151.232.63.226 arg1=<joaofr@camilopinto.pt>"),
               QStringLiteral("SessionLine qid=s1N9aKAw012603 host=74-137-127-206.dhcp.insightbb.com ip=74.137.127.206 arg1=<user@host.com>"),
               QStringLiteral("SessionLine qid=s1N9csSZ016772 ip=203.229.186.250 arg1=<user@host.com>"),
               QStringLiteral("SessionLine qid=s1NB63Bp018622 host=r186-54-117-93.dialup.adsl.anteldata.net.uy ip=186.54.117.93 arg1=<user@host.com>"),
               QStringLiteral("SessionEnd host=leased-line-54-82.telecom.by ip=217.21.54.82 arg1=leased-line-54-82.telecom.by"),
               QStringLiteral("SessionEnd host=189-30-205-74.paebv701.dsl.brasiltelecom.net.br ip=189.30.205.74 arg1=189-30-205-74.paebv701.dsl.brasiltelecom.net.br"),
               QStringLiteral("SessionEnd ip=196.213.73.146 arg1=[196.213.73.146]"),
               QStringLiteral("SessionEnd host=host.example.com ip=192.0.2.123 forged arg1=[192.0.2.123]"),
               QStringLiteral("SessionLine qid=s1R9r60D044307 ip=209.15.212.253"),
               QStringLiteral("SessionLine qid=u9A0GtpL018001 host=example.com ip=1.2.3.4"),
               QStringLiteral("SessionLine qid=s1REiHdq087838 ip=41.204.78.137 arg1=<gert-jan@t-online.ch>"),
               QStringLiteral("SessionLine qid=s1REn1un088377 host=189-30-205-74.paebv701.dsl.brasiltelecom.net.br ip=189.30.205.74 arg1=<non-existing-user@example.com>"),
               QStringLiteral("SessionLine qid=s1RLieRP030972 ip=123.69.106.50 arg1=<existing-user@example.com>"),
               QStringLiteral("SessionLine qid=56CF8Qni004012 ip=192.0.2.100 forged arg1=<existing-user@example.com>"),
               QStringLiteral("SessionLine qid=s1NKIkZa093301 ip=76.72.174.70"),
               QStringLiteral("SessionLine qid=s1D0GoSs025815 ip=217.193.142.180"),
               QStringLiteral("SessionLine qid=s1MD2hsd004030 host=rrcs-24-73-201-194.se.biz.rr.com ip=24.73.201.194"),
               QStringLiteral("SessionLine qid=s1D0GoSs025815 ip=217.193.142.180"),
               QStringLiteral("SessionLine qid=s1MD2hsd004030 host=rrcs-24-73-201-194.se.biz.rr.com ip=24.73.201.194"),
               QStringLiteral("SessionLine qid=13O9Ixhq275631 ip=192.0.2.5 arg1=<linda@domain.com>"),
               QStringLiteral("Ignored qid=rA37ZTSC026250"),
               QStringLiteral("Ignored qid=rA37ZTSC026251"),
               QStringLiteral("Ignored qid=rA37ZTSC026252"),
               QStringLiteral("Ignored qid=rA37ZTSC026252"),
               QStringLiteral("Ignored qid=rA37ZTSC026254"),
               QStringLiteral("From qid=rA37ZTSC026254 host=163.23.32.95.dsl-dynamic.vsi.ru ip=95.32.23.163 from=davaojk25@domain.com size=0 nrcpts=0 proto=ESMTP daemon=MTA smtp"),
               QStringLiteral("Ignored qid=rA37ZTSC026252"),
               QStringLiteral("From qid=rA37ZTSC026255 host=163.23.32.95.dsl-dynamic.vsi.ru ip=95.32.23.163 from=anton@domain.com size=0 nrcpts=0 proto=ESMTP daemon=MTA smtp"),
               QStringLiteral("Ignored qid=55HIbcGI002794"),
               QStringLiteral("From qid=55HIbcGI002794 ip=192.168.1.45 from=root@yourhost.com size=108 nrcpts=0 proto=ESMTP daemon=MTA-v4 smtp"),
               QStringLiteral("SessionEnd qid=v26LtRA0020949 host=some-host-24.example.org ip=192.0.2.194 daemon=MTA"),
               QStringLiteral("SessionEnd qid=v27K4Vj8018624 host=some-host-24.example.org ip=192.0.2.195 forged daemon=MSP-v4"),
               QStringLiteral("SessionEnd qid=x2TMXH7Y023221 host=internettl.org ip=104.152.52.29 forged daemon=TLSMTA"),
               QStringLiteral("SessionEnd qid=x2TMpAlI024202 host=internettl.org ip=104.152.52.29 forged daemon=MSA"),
               QStringLiteral("SessionEnd qid=xA32R2PQ3529565 ip=192.0.2.2 daemon=MTA"),
               QStringLiteral("SessionEnd qid=06QDQnNf050437 host=example.com ip=192.0.2.3 daemon=IPv4"),
               QStringLiteral("SessionEnd qid=06QDQnNf050438 host=example.com ip=2001:DB8::1 daemon=IPv6"),
               QStringLiteral("SessionEnd qid=56VFYCxS024291 host=mail.aqicn.org ip=139.162.120.196 daemon=MTA-v4"),
               QStringLiteral("SessionLine qid=55IC59VD017002 ip=45.125.66.67 arg1=<spameri@tiscali.it>"),
           };
}

void TestSendmailParser::corpus()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    if (!corpusPresent())
        QSKIP("the shared corpus is not beside this checkout");
    const QList<CorpusLine> lines = corpusLines(file);
    QStringList actual;
    for (const CorpusLine &line : lines) {
        QVERIFY2(SendmailParser::isSendmailProgram(line.program.toStdString()), line.text.constData());
        actual << describeMessage(line.message);
    }
    if (actual != expected)
        qInfo().noquote() << QStringLiteral("parsed:\n") + actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, expected);
}

void TestSendmailParser::robustness()
{
    // Every prefix of every shape above, and of the corpus: nothing crashes, views stay inside the line.
    QList<QByteArray> messages;
    for (const char *m : {"STARTTLS=server, relay=a [1.2.3.4], version=TLSv1.3, verify=OK, cipher=X, bits=1/2",
                          "STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1",
                          "STARTTLS=server, error: accept failed=0, reason=x, relay=[1.2.3.4]",
                          "STARTTLS=client: 1:error:1:SSL routines:f:dh key too small:f.c:1:",
                          "STARTTLS: read error=x", "ruleset=tls_server, arg1=SOFTWARE, relay=h, reject=403 4.7.0 x",
                          "qA7LqlqC029841: from=<a@b>, size=1, proto=ESMTPSA, daemon=MSA, relay=h [1.2.3.4] (may be forged)",
                          "qA7LqlqC029841: to=<a@b>,<c@d>, mailer=esmtp, relay=h. [IPv6:::1], dsn=2.0.0, stat=Sent (x)",
                          "qA7LqlqC029841[3]: x, relay=h. [1.2.3.4], stat=Sent",
                          "qA7LqlqC029841: h [1.2.3.4] (may be forged) did not issue MAIL during connection to MSA",
                          "qA7LqlqC029841: lost input channel from h [1.2.3.4] to MTA after rcpt",
                          "AUTH=server, relay=[1.2.3.4], authid=a, mech=PLAIN, bits=0"}) {
        messages << QByteArray(m);
    }
    if (corpusPresent()) {
        for (const QString &file : {QStringLiteral("extracted/augieschwer-grok-patterns_test-sendmail.rb.lines.txt"),
                                    QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-auth"),
                                    QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-reject")}) {
            for (const CorpusLine &line : corpusLines(file))
                messages << line.message;
        }
    }
    int parsed = 0;
    for (const QByteArray &message : messages) {
        for (qsizetype n = 0; n <= message.size(); ++n) {
            // A copy of exactly n bytes, so that a read past its end is caught by the sanitizers.
            const QByteArray part = message.left(n);
            const std::string_view view(part.constData(), std::size_t(part.size()));
            const SendmailEvent e = SendmailParser::parse(view);
            for (std::string_view field : {e.queueId, e.host, e.ip, e.sender, e.protocol, e.daemon, e.recipients,
                                           e.mailer, e.statText, e.problemText, e.tls.protocol, e.tls.cipher,
                                           e.verify, e.rulesetArg, e.authMechanism, e.tlsVerify}) {
                QVERIFY(field.empty()
                        || (field.data() >= view.data() && field.data() + field.size() <= view.data() + view.size()));
            }
            ++parsed;
        }
    }
    QVERIFY(parsed > 1000);
}

QTEST_GUILESS_MAIN(TestSendmailParser)
#include "tst_sendmailparser.moc"
