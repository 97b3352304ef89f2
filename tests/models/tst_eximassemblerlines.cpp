#include <random>

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include "models/logs/eximassembler.h"
#include "models/logs/eximlineparser.h"
#include "models/logs/eximmessageparser.h"
#include "models/logs/eximtlstext.h"
#include "tests/models/sessionassemblerharness.h"

// How EximAssembler reads one line: EximMessageParser (the message into an
// EximEvent) and EximTlsText (X=, CV=, failure wordings), on lines written
// from Exim's documented formats and on every line of the real Exim logs.

using namespace mailtls;

namespace {

QString text(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QString kindName(EximLineKind kind)
{
    switch (kind) {
    case EximLineKind::Unrecognised: return QStringLiteral("Unrecognised");
    case EximLineKind::Ignored: return QStringLiteral("Ignored");
    case EximLineKind::Arrival: return QStringLiteral("Arrival");
    case EximLineKind::Delivery: return QStringLiteral("Delivery");
    case EximLineKind::HostFailure: return QStringLiteral("HostFailure");
    case EximLineKind::TlsFallback: return QStringLiteral("TlsFallback");
    case EximLineKind::Completed: return QStringLiteral("Completed");
    case EximLineKind::InboundTlsError: return QStringLiteral("InboundTlsError");
    case EximLineKind::ConnectionOpen: return QStringLiteral("ConnectionOpen");
    case EximLineKind::ConnectionClose: return QStringLiteral("ConnectionClose");
    case EximLineKind::NoMail: return QStringLiteral("NoMail");
    case EximLineKind::InboundEvent: return QStringLiteral("InboundEvent");
    }
    return QString();
}

QString flagName(EximFlag flag)
{
    switch (flag) {
    case EximFlag::None: return QString();
    case EximFlag::Arrival: return QStringLiteral("<=");
    case EximFlag::FakeReject: return QStringLiteral("(=");
    case EximFlag::Delivered: return QStringLiteral("=>");
    case EximFlag::Additional: return QStringLiteral("->");
    case EximFlag::Cutthrough: return QStringLiteral(">>");
    case EximFlag::Suppressed: return QStringLiteral("*>");
    case EximFlag::Failed: return QStringLiteral("**");
    case EximFlag::Deferred: return QStringLiteral("==");
    }
    return QString();
}

// "Kind flag id address H=name|helo|ip:port* P= X= CV= DN= A= U= T= Ci= S= pid problem "reason"",
// the parts that are there.
QString describe(const EximEvent &e)
{
    QStringList parts{kindName(e.kind)};
    if (e.flag != EximFlag::None)
        parts << flagName(e.flag);
    if (!e.messageId.empty())
        parts << text(e.messageId);
    if (e.kind == EximLineKind::Arrival || e.kind == EximLineKind::Delivery)
        parts << QStringLiteral("<%1>").arg(text(e.address));
    if (e.host.present) {
        QString host = QStringLiteral("H=%1|%2|%3").arg(text(e.host.name), text(e.host.helo), text(e.host.ip));
        if (e.host.port != 0)
            host += QLatin1Char(':') + QString::number(e.host.port);
        if (e.host.reused)
            host += QLatin1Char('*');
        parts << host;
    }
    auto field = [&parts](const char *name, std::string_view value) {
        if (!value.empty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + text(value);
    };
    field("P", e.protocol);
    field("X", e.cipher);
    field("CV", e.verified);
    if (e.hasDn)
        parts << QStringLiteral("DN=") + text(e.peerDn);
    field("A", e.authenticator);
    field("U", e.user);
    field("T", e.transport);
    field("Ci", e.connectionId);
    if (e.size >= 0)
        parts << QStringLiteral("S=%1").arg(e.size);
    if (e.innerPid >= 0)
        parts << QStringLiteral("pid=%1").arg(e.innerPid);
    if (e.problem != TlsProblem::None)
        parts << testing::problemName(e.problem);
    if (!e.reason.empty())
        parts << QLatin1Char('"') + text(e.reason) + QLatin1Char('"');
    return parts.join(QLatin1Char(' '));
}

QString describeMessage(const QByteArray &message)
{
    return describe(EximMessageParser::parse(std::string_view(message.constData(), std::size_t(message.size()))));
}

// What another reader finds in an arrival, delivery or client TLS error line:
// regular expressions over the text, for the fields describe() shows; the
// kind, problem and reason are the parser's own.
QString oracle(const QString &message, const EximEvent &parsed)
{
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
    static const QRegularExpression head(
        QStringLiteral("^(?:\\[(\\d+)\\] )?(\\S+) (\\S\\S) ((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\"])+)"));
    static const QRegularExpression host(QStringLiteral(
        "(?:^| )(?:H=|TLS error on connection from )(?:([^ (\\[]\\S*) )?(?:\\((.*?)\\) )?\\[([^\\]]+)\\](?::(\\w+))?(\\*)?"));
    static const QRegularExpression token(QStringLiteral("(?:(\\w+\\*?)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*))|(\\S+)"));

    const bool clientError = message.startsWith(QLatin1String("TLS error on connection from "));
    const bool arrival = parsed.flag == EximFlag::Arrival || parsed.flag == EximFlag::FakeReject;
    // NAME=value fields, the first of each name, up to the recipients of an
    // arrival (" for …") or the error text of a client's TLS error.
    QMap<QString, QString> fields;
    for (auto it = token.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch t = it.next();
        if (arrival && t.captured(3) == QLatin1String("for"))
            break;
        if (clientError && t.captured(3).startsWith(QLatin1Char('(')))
            break;
        const QString name = t.captured(1);
        QString value = t.captured(2);
        if (name.isEmpty() || fields.contains(name))
            continue;
        if (value.endsWith(QLatin1Char(':')) && !value.startsWith(QLatin1Char('"')))
            value.chop(1);
        fields.insert(name, value);
    }

    const QString plain = QString(message).replace(quoted, QStringLiteral("\"\""));
    QStringList parts{kindName(parsed.kind)};
    QString pid;
    if (!clientError) {
        const QRegularExpressionMatch h = head.match(message);
        pid = h.captured(1);
        parts << h.captured(3) << h.captured(2);
        parts << QStringLiteral("<%1>").arg(h.captured(4) == QLatin1String("<>") ? QString() : h.captured(4));
    }
    const QRegularExpressionMatch hm = host.match(plain);
    if (hm.hasMatch()) {
        QString h = QStringLiteral("H=%1|%2|%3").arg(hm.captured(1), hm.captured(2), hm.captured(3));
        bool digits = false;
        const int port = hm.captured(4).toInt(&digits);
        if (digits && port != 0)
            h += QLatin1Char(':') + QString::number(port);
        if (!hm.captured(5).isEmpty())
            h += QLatin1Char('*');
        parts << h;
    }
    if (arrival)
        parts << QStringLiteral("P=") + fields.value(QStringLiteral("P"));
    for (const char *name : {"X", "CV"}) {
        const QString value = fields.value(QString::fromLatin1(name));
        if (!value.isEmpty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + value;
    }
    if (fields.contains(QStringLiteral("DN"))) {
        QString dn = fields.value(QStringLiteral("DN"));
        if (dn.size() >= 2 && dn.startsWith(QLatin1Char('"')) && dn.endsWith(QLatin1Char('"')))
            dn = dn.mid(1, dn.size() - 2);
        parts << QStringLiteral("DN=") + dn;
    }
    for (const char *name : {"A", "U", "T", "Ci"}) {
        const QString value = fields.value(QString::fromLatin1(name));
        if (!value.isEmpty())
            parts << QString::fromLatin1(name) + QLatin1Char('=') + value;
    }
    bool sized = false;
    const qint64 size = fields.value(QStringLiteral("S")).toLongLong(&sized);
    if (sized)
        parts << QStringLiteral("S=%1").arg(size);
    if (!pid.isEmpty())
        parts << QStringLiteral("pid=") + pid;
    if (parsed.problem != TlsProblem::None)
        parts << testing::problemName(parsed.problem);
    if (!parsed.reason.empty())
        parts << QLatin1Char('"') + text(parsed.reason) + QLatin1Char('"');
    return parts.join(QLatin1Char(' '));
}

QString corpusPath(const QString &path)
{
    return QStringLiteral(MAILTLS_CORPUS_DIR "/") + path;
}

QStringList corpusFiles()
{
    QStringList files;
    const QDir logs(corpusPath(QStringLiteral("exim/test/log")));
    for (const QString &name : logs.entryList(QDir::Files, QDir::Name))
        files << logs.filePath(name);
    for (const char *path : {"crowdsec-hub/.tests/exim-logs/exim-logs.log", "crowdsec-hub/.tests/exim-spam/exim-spam.log",
                             "crowdsec-hub/.tests/exim-bf/exim-bf.log", "crowdsec-hub/.tests/exim-syslog-logs/exim-logs.log",
                             "fail2ban/fail2ban/tests/files/logs/exim", "fail2ban/fail2ban/tests/files/logs/exim-spam"})
        files << corpusPath(QString::fromLatin1(path));
    return files;
}

// The message of every line of the corpus files either parser reads.
QList<QByteArray> corpusMessages()
{
    QList<QByteArray> messages;
    for (const QString &path : corpusFiles()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        EximLineParser exim{QTimeZone::utc()};
        LinePrefixParser syslog{QTimeZone::utc()};
        for (const QByteArray &line : file.readAll().split('\n')) {
            const std::string_view view(line.constData(), std::size_t(line.size()));
            LogLine out;
            if (exim.parse(view, out) || (syslog.parse(view, out) && EximAssembler::isEximProgram(out.program)))
                messages << QByteArray(out.message.data(), qsizetype(out.message.size()));
        }
    }
    return messages;
}

} // namespace

class TestEximAssemblerLines final : public QObject
{
    Q_OBJECT

private slots:
    void messages_data();
    void messages();
    void messageIds_data();
    void messageIds();
    void cipher_data();
    void cipher();
    void trust_data();
    void trust();
    void classify_data();
    void classify();
    void reason_data();
    void reason();
    void corpusLines_data();
    void corpusLines();
    void corpusShapes();
    void hostileInput();
};

void TestEximAssemblerLines::messages_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    // Arrivals
    QTest::newRow("arrival, verified name, old id")
        << QByteArray("1rmABC-000123-AB <= alice@example.net H=mail.example.net [192.0.2.10] P=esmtp S=1234 id=1@example.net")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <alice@example.net> H=mail.example.net||192.0.2.10 P=esmtp S=1234");
    QTest::newRow("arrival, name, HELO, port, interface, TLS, subject, recipients")
        << QByteArray("1rmABC-000000003Hx-0Abc <= alice@example.net H=mail.example.net (helo.example.net) [192.0.2.10]:40001 I=[198.51.100.1]:25 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no DN=\"CN=mail.example.net,O=Example\" S=2048 id=2@example.net T=\"A subject with H=fake [1.2.3.4] inside\" for bob@example.org S=1@example.org carol@example.org")
        << QStringLiteral("Arrival <= 1rmABC-000000003Hx-0Abc <alice@example.net> H=mail.example.net|helo.example.net|192.0.2.10:40001 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no DN=CN=mail.example.net,O=Example T=\"A subject with H=fake [1.2.3.4] inside\" S=2048");
    QTest::newRow("arrival, HELO only, submission")
        << QByteArray("1rmABC-000123-AB <= alice@example.com H=(laptop.local) [203.0.113.50]:51000 P=esmtpsa X=TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:alice S=700")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <alice@example.com> H=|laptop.local|203.0.113.50:51000 P=esmtpsa X=TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:alice S=700");
    QTest::newRow("arrival, HELO with a blank")
        << QByteArray("1rmABC-000123-AB <= x@example.net H=(USER PC) [203.0.113.51] P=smtp S=9")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <x@example.net> H=|USER PC|203.0.113.51 P=smtp S=9");
    QTest::newRow("arrival, IPv6")
        << QByteArray("1rmABC-000123-AB <= x@example.net H=mail.example.net [2001:db8::25]:40001 P=esmtp S=9")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <x@example.net> H=mail.example.net||2001:db8::25:40001 P=esmtp S=9");
    QTest::newRow("arrival, quoted local part with blanks")
        << QByteArray("1rmABC-000123-AB <= \"name with spaces\"@test.ex H=(test) [127.0.0.1] P=smtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 S=9")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <\"name with spaces\"@test.ex> H=|test|127.0.0.1 P=smtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 S=9");
    QTest::newRow("local bounce")
        << QByteArray("1rmABD-000124-AC <= <> R=1rmABC-000123-AB U=Debian-exim P=local S=1800")
        << QStringLiteral("Arrival <= 1rmABD-000124-AC <> P=local U=Debian-exim S=1800");
    QTest::newRow("fakereject")
        << QByteArray("1rmABC-000123-AB (= x@example.net H=mail.example.net [192.0.2.10] P=esmtp S=9")
        << QStringLiteral("Arrival (= 1rmABC-000123-AB <x@example.net> H=mail.example.net||192.0.2.10 P=esmtp S=9");

    // Deliveries
    QTest::newRow("remote delivery")
        << QByteArray("1rmABC-000123-AB => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK H=x [9.9.9.9]\" QT=1s DT=0.5s")
        << QStringLiteral("Delivery => 1rmABC-000123-AB <bob@example.org> H=mx.example.org||198.51.100.20 X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes T=remote_smtp");
    QTest::newRow("another recipient, port, connection used before, resumed")
        << QByteArray("1rmABC-000123-AB -> carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20]:587* X=TLS1.3:TLS_AES_256_GCM_SHA384:256* CV=dane C=\"250 OK\"")
        << QStringLiteral("Delivery -> 1rmABC-000123-AB <carol@example.org> H=mx.example.org||198.51.100.20:587* X=TLS1.3:TLS_AES_256_GCM_SHA384:256* CV=dane T=remote_smtp");
    QTest::newRow("local delivery with its original address")
        << QByteArray("1rmABC-000123-AB => bob <bob@example.org> R=local_user T=mail_spool")
        << QStringLiteral("Delivery => 1rmABC-000123-AB <bob> T=mail_spool");
    QTest::newRow("cutthrough")
        << QByteArray("1rmABC-000123-AB >> bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20] C=\"250 OK\"")
        << QStringLiteral("Delivery >> 1rmABC-000123-AB <bob@example.org> H=mx.example.org||198.51.100.20 T=remote_smtp");
    QTest::newRow("suppressed")
        << QByteArray("1rmABC-000123-AB *> bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.20]")
        << QStringLiteral("Delivery *> 1rmABC-000123-AB <bob@example.org> H=mx.example.org||198.51.100.20 T=remote_smtp");
    QTest::newRow("failure, unroutable")
        << QByteArray("1rmABC-000123-AB ** jim@trek99.example <jim@trek99.example>: unknown mail domain")
        << QStringLiteral("Delivery ** 1rmABC-000123-AB <jim@trek99.example> \"unknown mail domain\"");
    QTest::newRow("failure from the remote server, error after the fields")
        << QByteArray("1rmABC-000123-AB ** ace400@pb.example R=dnslookup T=remote_smtp H=pbmail3.py.example [192.168.63.111] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no : SMTP error from remote mail server after RCPT TO:<ace400@pb.example>: 550 5.1.1 unknown")
        << QStringLiteral("Delivery ** 1rmABC-000123-AB <ace400@pb.example> H=pbmail3.py.example||192.168.63.111 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no T=remote_smtp \"SMTP error from remote mail server after RCPT TO:<ace400@pb.example>: 550 5.1.1 unknown\"");
    QTest::newRow("failure, old style transport colon")
        << QByteArray("1rmABC-000123-AB ** ace400@pb.example R=dnslookup T=remote_smtp: SMTP error from remote mailer after pipelined RCPT TO:<ace400@pb.example>: host pbmail3.py.example [192.168.63.111]: 553 5.3.0 Addressee unknown")
        << QStringLiteral("Delivery ** 1rmABC-000123-AB <ace400@pb.example> T=remote_smtp \"SMTP error from remote mailer after pipelined RCPT TO:<ace400@pb.example>: host pbmail3.py.example [192.168.63.111]: 553 5.3.0 Addressee unknown\"");
    QTest::newRow("deferral, TLS required")
        << QByteArray("1rmABC-000123-AB == bob@strict.example R=dnslookup T=remote_smtp defer (-38) H=mx.strict.example [198.51.100.32]: a TLS session is required, but the server did not offer TLS support")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <bob@strict.example> H=mx.strict.example||198.51.100.32 T=remote_smtp NotOffered \"a TLS session is required, but the server did not offer TLS support\"");
    QTest::newRow("deferral, GnuTLS DH prime")
        << QByteArray("1rmABC-000123-AB == bob@weak.example R=dnslookup T=remote_smtp defer (-37) H=mx.weak.example [203.0.113.9]: TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <bob@weak.example> H=mx.weak.example||203.0.113.9 T=remote_smtp DhKeyTooSmall \"TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).\"");
    QTest::newRow("deferral, refused connection")
        << QByteArray("1rmABC-000123-AB == marvin@endrest.example R=dnslookup T=smtp defer (111): Connection refused")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <marvin@endrest.example> T=smtp \"Connection refused\"");
    QTest::newRow("deferral, host after the errno text")
        << QByteArray("1rmABC-000123-AB == x@test.ex R=r T=t defer (110): Connection timed out H=thishost.test.ex [127.0.0.1]:2525: SMTP timeout after initial connection")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <x@test.ex> H=thishost.test.ex||127.0.0.1:2525 T=t \"SMTP timeout after initial connection\"");
    QTest::newRow("deferral, STARTTLS refused")
        << QByteArray("1rmABC-000123-AB == x@test.ex R=r T=t defer (0) H=127.0.0.1 [127.0.0.1]: SMTP error from remote mail server after STARTTLS: 450 temp problem")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <x@test.ex> H=127.0.0.1||127.0.0.1 T=t CannotStart \"SMTP error from remote mail server after STARTTLS: 450 temp problem\"");
    QTest::newRow("deferral that asks for STARTTLS is not a TLS reason")
        << QByteArray("1rmABC-000123-AB == x@test.ex R=r T=t defer (-44) H=mx.example.org [198.51.100.20]: SMTP error from remote mail server after MAIL FROM:<a@b>: 530 5.7.0 Must issue a STARTTLS command first")
        << QStringLiteral("Delivery == 1rmABC-000123-AB <x@test.ex> H=mx.example.org||198.51.100.20 T=t \"SMTP error from remote mail server after MAIL FROM:<a@b>: 530 5.7.0 Must issue a STARTTLS command first\"");

    // Lines of one host a delivery tried
    QTest::newRow("host error, TLS")
        << QByteArray("1rmABC-000123-AB H=127.0.0.1 [127.0.0.1]:10001: a TLS session is required, but the server did not offer TLS support")
        << QStringLiteral("HostFailure 1rmABC-000123-AB H=127.0.0.1||127.0.0.1:10001 NotOffered \"a TLS session is required, but the server did not offer TLS support\"");
    QTest::newRow("host error, not TLS")
        << QByteArray("1rmABC-000123-AB H=mail1.endrest.example [192.168.239.239]: Connection refused")
        << QStringLiteral("HostFailure 1rmABC-000123-AB H=mail1.endrest.example||192.168.239.239 \"Connection refused\"");
    QTest::newRow("host TLS error as a client")
        << QByteArray("1rmABC-000123-AB H=mx.example.org [198.51.100.20] TLS error on connection (recv): A TLS fatal alert has been received: Bad record MAC")
        << QStringLiteral("HostFailure 1rmABC-000123-AB H=mx.example.org||198.51.100.20 Handshake \"(recv): A TLS fatal alert has been received: Bad record MAC\"");
    QTest::newRow("DANE attempt")
        << QByteArray("1rmABC-000123-AB DANE attempt failed; TLS connection to mx.example.org [198.51.100.20]: (certificate verification failed): certificate invalid")
        << QStringLiteral("HostFailure 1rmABC-000123-AB H=mx.example.org||198.51.100.20 Certificate \"(certificate verification failed): certificate invalid\"");
    QTest::newRow("a client's message refused after DATA")
        << QByteArray("1Unmew-0000ea-SE H=egeftech.static.otenet.gr [83.235.177.148]:32706 I=[1.2.3.4]:25 F=auguriesvbd40@google.com rejected after DATA: This message contains a virus")
        << QStringLiteral("InboundEvent 1Unmew-0000ea-SE H=egeftech.static.otenet.gr||83.235.177.148:32706");
    QTest::newRow("fallback to plaintext, OpenSSL dh key too small")
        << QByteArray("1rmABC-000123-AB TLS session: (SSL_connect): error:0A00018A:SSL routines::dh key too small: delivering unencrypted to H=mx.weak.example [203.0.113.9] (not in hosts_require_tls)")
        << QStringLiteral("TlsFallback 1rmABC-000123-AB H=mx.weak.example||203.0.113.9 DhKeyTooSmall \"(SSL_connect): error:0A00018A:SSL routines::dh key too small\"");
    QTest::newRow("fallback to plaintext, GnuTLS")
        << QByteArray("1rmABC-000123-AB TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).: delivering unencrypted to H=mx.weak.example [203.0.113.9] (not in hosts_require_tls)")
        << QStringLiteral("TlsFallback 1rmABC-000123-AB H=mx.weak.example||203.0.113.9 DhKeyTooSmall \"(gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).\"");
    QTest::newRow("fallback naming no host")
        << QByteArray("1rmABC-000123-AB TLS session: (SSL_connect): error: <<detail omitted>>")
        << QStringLiteral("TlsFallback 1rmABC-000123-AB Handshake \"(SSL_connect): error: <<detail omitted>>\"");
    QTest::newRow("completed")
        << QByteArray("1rmABC-000123-AB Completed QT=2s")
        << QStringLiteral("Completed 1rmABC-000123-AB");
    QTest::newRow("another line of a message")
        << QByteArray("1rmABC-000123-AB Message is frozen")
        << QStringLiteral("Ignored 1rmABC-000123-AB");

    // Client lines
    QTest::newRow("TLS error from a client, fields before the error")
        << QByteArray("TLS error on connection from mail.example.net (helo) [192.0.2.10]:40001 I=[198.51.100.1]:25 Ci=77 (SSL_accept): error:0A000102:SSL routines::unsupported protocol")
        << QStringLiteral("InboundTlsError H=mail.example.net|helo|192.0.2.10:40001 Ci=77 Handshake \"(SSL_accept): error:0A000102:SSL routines::unsupported protocol\"");
    QTest::newRow("TLS error from a client, no function")
        << QByteArray("TLS error on connection from localhost (myhost.test.ex) [127.0.0.1] Unknown curve name in tls_eccurve 'bogus'")
        << QStringLiteral("InboundTlsError H=localhost|myhost.test.ex|127.0.0.1 Other \"Unknown curve name in tls_eccurve 'bogus'\"");
    QTest::newRow("connection opened")
        << QByteArray("SMTP connection from [192.0.2.10]:40001 I=[198.51.100.1]:25 Ci=77 (TCP/IP connection count = 1)")
        << QStringLiteral("ConnectionOpen H=||192.0.2.10:40001 Ci=77");
    QTest::newRow("connection closed")
        << QByteArray("SMTP connection from mail.example.net (helo) [192.0.2.10]:40001 I=[198.51.100.1]:25 D=2s closed by QUIT")
        << QStringLiteral("ConnectionClose H=mail.example.net|helo|192.0.2.10:40001");
    QTest::newRow("connection lost")
        << QByteArray("unexpected disconnection while reading SMTP command from (bot) [203.0.113.9]:6000 D=1s")
        << QStringLiteral("ConnectionClose H=|bot|203.0.113.9:6000");
    QTest::newRow("no MAIL, authenticated, encrypted")
        << QByteArray("no MAIL in SMTP connection from (foobar) [127.0.0.1] D=1s A=plain:userx X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 C=EHLO,STARTTLS,EHLO,AUTH,QUIT")
        << QStringLiteral("NoMail H=|foobar|127.0.0.1 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 A=plain:userx");
    QTest::newRow("rejection")
        << QByteArray("H=imfo.test.biz [1.2.3.4]:35328 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no F=<jack@test.biz> rejected RCPT <sales@toto.com.au>: No Such User Here")
        << QStringLiteral("InboundEvent H=imfo.test.biz||1.2.3.4:35328 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no");
    QTest::newRow("queue run") << QByteArray("Start queue run: pid=4711") << QStringLiteral("Ignored");
    QTest::newRow("unknown") << QByteArray("frobnicated the widget") << QStringLiteral("Unrecognised");

    // What syslog and +pid put in front
    QTest::newRow("Exim's stamp and pid inside a syslog message")
        << QByteArray("2024-03-18 10:00:01.123 +0100 [4711] 1rmABC-000123-AB Completed")
        << QStringLiteral("Completed 1rmABC-000123-AB pid=4711");
    QTest::newRow("first part of a long line split for syslog")
        << QByteArray("[1/3] 2024-03-18 10:00:01 1rmABC-000123-AB <= a@example.net H=mail.example.net [192.0.2.10] P=esmtp")
        << QStringLiteral("Arrival <= 1rmABC-000123-AB <a@example.net> H=mail.example.net||192.0.2.10 P=esmtp");
    QTest::newRow("later part of a long line split for syslog")
        << QByteArray("[2/3]  S=1234 id=1@example.net") << QStringLiteral("Ignored");
}

void TestEximAssemblerLines::messages()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    QCOMPARE(describeMessage(message), expected);
}

void TestEximAssemblerLines::messageIds_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("16, base 62") << QByteArray("1rmABC-000123-AB") << true;
    QTest::newRow("16, base 36") << QByteArray("1RMABC-000123-AB") << true;
    QTest::newRow("23 (4.97)") << QByteArray("1rmABC-000000003Hx-0Abc") << true;
    QTest::newRow("test suite's 23") << QByteArray("10HmaX-000000005vi-0000") << true;
    QTest::newRow("22") << QByteArray("1rmABC-00000003Hx-0Abc") << false;
    QTest::newRow("dash misplaced") << QByteArray("1rmAB-C000123-AB") << false;
    QTest::newRow("punctuation") << QByteArray("1rm.BC-000123-AB") << false;
    QTest::newRow("Postfix queue id") << QByteArray("4104E3D3A2") << false;
}

void TestEximAssemblerLines::messageIds()
{
    QFETCH(QByteArray, id);
    QFETCH(bool, valid);
    QCOMPARE(EximMessageParser::isMessageId(std::string_view(id.constData(), std::size_t(id.size()))), valid);
}

void TestEximAssemblerLines::cipher_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("expected");   // protocol/cipher/bits/group/group bits/dhe/resumed, or "-"

    QTest::newRow("OpenSSL TLS 1.3") << QByteArray("TLS1.3:TLS_AES_256_GCM_SHA384:256")
                                     << QStringLiteral("TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0/0");
    QTest::newRow("OpenSSL TLS 1.2, old spelling") << QByteArray("TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256")
                                                   << QStringLiteral("TLSv1.2/ECDHE-RSA-AES256-GCM-SHA384/256//0/0/0");
    QTest::newRow("OpenSSL TLSv1 DHE") << QByteArray("TLSv1:DHE-RSA-AES256-SHA:256")
                                       << QStringLiteral("TLSv1/DHE-RSA-AES256-SHA/256//0/1/0");
    QTest::newRow("TLS1.0") << QByteArray("TLS1.0:ECDHE-RSA-AES128-SHA:128")
                            << QStringLiteral("TLSv1/ECDHE-RSA-AES128-SHA/128//0/0/0");
    QTest::newRow("TLS1.1") << QByteArray("TLS1.1:AES128-SHA:128") << QStringLiteral("TLSv1.1/AES128-SHA/128//0/0/0");
    QTest::newRow("SSLv3") << QByteArray("SSLv3:DES-CBC3-SHA:168") << QStringLiteral("SSLv3/DES-CBC3-SHA/168//0/0/0");
    QTest::newRow("resumed") << QByteArray("TLS1.3:TLS_AES_256_GCM_SHA384:256*")
                             << QStringLiteral("TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0/1");
    QTest::newRow("GnuTLS TLS 1.2") << QByteArray("TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256")
                                    << QStringLiteral("TLSv1.2/ECDHE_RSA_AES_256_GCM_SHA384/256//0/0/0");
    QTest::newRow("GnuTLS TLS 1.2 DHE") << QByteArray("TLS1.2:DHE_RSA_AES_128_CBC_SHA1:128")
                                        << QStringLiteral("TLSv1.2/DHE_RSA_AES_128_CBC_SHA1/128//0/1/0");
    QTest::newRow("GnuTLS TLS 1.3 X25519") << QByteArray("TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256")
                                           << QStringLiteral("TLSv1.3/ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM/256/X25519/253/0/0");
    QTest::newRow("GnuTLS TLS 1.3 P-384") << QByteArray("TLS1.3:ECDHE_SECP384R1__ECDSA_SECP384R1_SHA384__AES_256_GCM:256")
                                          << QStringLiteral("TLSv1.3/ECDHE_SECP384R1__ECDSA_SECP384R1_SHA384__AES_256_GCM/256/secp384r1/384/0/0");
    QTest::newRow("GnuTLS TLS 1.3 ffdhe2048") << QByteArray("TLS1.3:DHE_FFDHE2048__RSA_PSS_RSAE_SHA256__AES_128_GCM:128")
                                              << QStringLiteral("TLSv1.3/DHE_FFDHE2048__RSA_PSS_RSAE_SHA256__AES_128_GCM/128/ffdhe2048/2048/1/0");
    QTest::newRow("test suite's normalised") << QByteArray("TLS1.x:ke-RSA-AES256-SHAnnn:xxx")
                                             << QStringLiteral("TLS1.x/ke-RSA-AES256-SHAnnn/0//0/0/0");
    QTest::newRow("no bits") << QByteArray("TLS1.2:AES128-SHA") << QStringLiteral("TLSv1.2/AES128-SHA/0//0/0/0");
    QTest::newRow("no cipher") << QByteArray("TLS1.2") << QStringLiteral("-");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("-");
}

void TestEximAssemblerLines::cipher()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, expected);
    TlsInfo tls;
    bool resumed = false;
    const bool ok = EximTlsText::parseCipher(std::string_view(field.constData(), std::size_t(field.size())), tls, &resumed);
    if (expected == QLatin1String("-")) {
        QVERIFY(!ok);
        return;
    }
    QVERIFY(ok);
    const QString group = text(tls.keyExchange).isEmpty() ? QString()
                                                           : QString::fromStdString(EximTlsText::groupName(tls.keyExchange));
    QCOMPARE(QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
                 .arg(text(tls.protocol), text(tls.cipher))
                 .arg(tls.cipherBits)
                 .arg(group)
                 .arg(tls.keyExchangeBits)
                 .arg(int(tls.dhe))
                 .arg(int(resumed)),
             expected);
}

void TestEximAssemblerLines::trust_data()
{
    QTest::addColumn<QByteArray>("cv");
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("dn");
    QTest::addColumn<int>("trust");
    QTest::newRow("outbound yes") << QByteArray("yes") << false << false << int(Trust::Verified);
    QTest::newRow("outbound dane") << QByteArray("dane") << false << false << int(Trust::Verified);
    QTest::newRow("outbound no") << QByteArray("no") << false << false << int(Trust::Untrusted);
    QTest::newRow("outbound none") << QByteArray() << false << false << int(Trust::Unknown);
    QTest::newRow("inbound yes") << QByteArray("yes") << true << true << int(Trust::Trusted);
    QTest::newRow("inbound no, a certificate") << QByteArray("no") << true << true << int(Trust::Untrusted);
    QTest::newRow("inbound no, none") << QByteArray("no") << true << false << int(Trust::Anonymous);
    QTest::newRow("inbound unknown value") << QByteArray("maybe") << true << false << int(Trust::Unknown);
}

void TestEximAssemblerLines::trust()
{
    QFETCH(QByteArray, cv);
    QFETCH(bool, inbound);
    QFETCH(bool, dn);
    QFETCH(int, trust);
    QCOMPARE(int(EximTlsText::trust(std::string_view(cv.constData(), std::size_t(cv.size())), inbound, dn)), trust);
}

void TestEximAssemblerLines::classify_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");

    // dh key too small in every wording: OpenSSL 3, 1.1, 1.0, upper-case
    // function codes, GnuTLS.
    QTest::newRow("OpenSSL 3") << QByteArray("(SSL_connect): error:0A00018A:SSL routines::dh key too small") << QStringLiteral("DhKeyTooSmall");
    QTest::newRow("OpenSSL 1.1") << QByteArray("(SSL_connect): error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small") << QStringLiteral("DhKeyTooSmall");
    QTest::newRow("OpenSSL 1.0") << QByteArray("(SSL_connect): error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small") << QStringLiteral("DhKeyTooSmall");
    QTest::newRow("upper-case reason code") << QByteArray("error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:DH_KEY_TOO_SMALL") << QStringLiteral("DhKeyTooSmall");
    QTest::newRow("GnuTLS") << QByteArray("(gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).") << QStringLiteral("DhKeyTooSmall");
    QTest::newRow("TLS not offered") << QByteArray("a TLS session is required, but the server did not offer TLS support") << QStringLiteral("NotOffered");
    QTest::newRow("TLS could not start") << QByteArray("a TLS session is required, but an attempt to start TLS failed") << QStringLiteral("CannotStart");
    QTest::newRow("STARTTLS refused") << QByteArray("SMTP error from remote mail server after STARTTLS: 454 TLS not available") << QStringLiteral("CannotStart");
    QTest::newRow("certificate, OpenSSL") << QByteArray("(SSL_connect): error:0A000086:SSL routines::certificate verify failed") << QStringLiteral("Certificate");
    QTest::newRow("certificate, Exim's words") << QByteArray("(certificate verification failed): certificate invalid") << QStringLiteral("Certificate");
    QTest::newRow("certificate revoked") << QByteArray("(SSL_connect) Server certificate revoked") << QStringLiteral("Certificate");
    QTest::newRow("certificate alert") << QByteArray("(recv): A TLS fatal alert has been received: Certificate is bad") << QStringLiteral("Certificate");
    QTest::newRow("GnuTLS cipher suites") << QByteArray("(gnutls_handshake): Could not negotiate a supported cipher suite.") << QStringLiteral("Handshake");
    QTest::newRow("OpenSSL protocol") << QByteArray("(SSL_accept): error:0A000102:SSL routines::unsupported protocol") << QStringLiteral("Handshake");
    QTest::newRow("alert") << QByteArray("(SSL_accept): error:0A000418:SSL routines::tlsv1 alert unknown ca") << QStringLiteral("Handshake");
    QTest::newRow("fatal alert") << QByteArray("(recv): A TLS fatal alert has been received.") << QStringLiteral("Handshake");
    QTest::newRow("no TLS words") << QByteArray("Connection refused") << QStringLiteral("None");
    QTest::newRow("numeric code alone") << QByteArray("error:0A00018A") << QStringLiteral("None");
}

void TestEximAssemblerLines::classify()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    QCOMPARE(testing::problemName(EximTlsText::classify(std::string_view(text.constData(), std::size_t(text.size())))), problem);
}

void TestEximAssemblerLines::reason_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("OpenSSL 3") << QByteArray("TLS session: (SSL_connect): error:0A00018A:SSL routines::dh key too small") << QStringLiteral("dh key too small");
    QTest::newRow("OpenSSL 1.0") << QByteArray("(SSL_connect): error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small") << QStringLiteral("dh key too small");
    QTest::newRow("GnuTLS") << QByteArray("TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not acceptable (not long enough).") << QStringLiteral("The Diffie-Hellman prime sent by the server is not acceptable (not long enough).");
    QTest::newRow("function alone") << QByteArray("(certificate verification failed)") << QStringLiteral("certificate verification failed");
    QTest::newRow("function then detail") << QByteArray("(certificate verification failed): certificate invalid") << QStringLiteral("certificate invalid");
    QTest::newRow("function then detail without colon") << QByteArray("(SSL_connect) Server certificate revoked") << QStringLiteral("Server certificate revoked");
    QTest::newRow("plain words") << QByteArray("a TLS session is required, but the server did not offer TLS support") << QStringLiteral("a TLS session is required, but the server did not offer TLS support");
    QTest::newRow("trailing blank") << QByteArray("(certificate verification failed): Verification failed. CA constrains were violated. ") << QStringLiteral("Verification failed. CA constrains were violated.");
}

void TestEximAssemblerLines::reason()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    QCOMPARE(::text(EximTlsText::reason(std::string_view(text.constData(), std::size_t(text.size())))), reason);
}

void TestEximAssemblerLines::corpusLines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    const QString tls = QStringLiteral("TLS1.x:ke-RSA-AES256-SHAnnn:xxx");
    QTest::newRow("1091 delivery")
        << QStringLiteral("exim/test/log/1091")
        << QByteArray("2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 => ncookie@test.ex R=r T=t H=127.0.0.1 [127.0.0.1] X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx CV=yes C=\"250 OK id=10HmaY-000000005vi-0000\"")
        << QStringLiteral("Delivery => 10HmaX-000000005vi-0000 <ncookie@test.ex> H=127.0.0.1||127.0.0.1 X=%1 CV=yes T=t").arg(tls);
    QTest::newRow("1091 arrival with TFO")
        << QStringLiteral("exim/test/log/1091")
        << QByteArray("2017-07-30 18:51:05.712 10HmbA-000000005vi-0000 <= CALLER@myhost.test.ex H=(myhost.test.ex) [127.0.0.1] TFO* P=esmtps X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx S=sss id=E10HmaZ-000000005vi-0000@myhost.test.ex")
        << QStringLiteral("Arrival <= 10HmbA-000000005vi-0000 <CALLER@myhost.test.ex> H=|myhost.test.ex|127.0.0.1 P=esmtps X=%1").arg(tls);
    QTest::newRow("2010 host error")
        << QStringLiteral("exim/test/log/2010")
        << QByteArray("1999-03-02 09:44:33 10HmaX-000000005vi-0000 H=127.0.0.1 [127.0.0.1]:10001: a TLS session is required, but the server did not offer TLS support")
        << QStringLiteral("HostFailure 10HmaX-000000005vi-0000 H=127.0.0.1||127.0.0.1:10001 NotOffered \"a TLS session is required, but the server did not offer TLS support\"");
    QTest::newRow("2010 deferral, port normalised away")
        << QStringLiteral("exim/test/log/2010")
        << QByteArray("1999-03-02 09:44:33 10HmaY-000000005vi-0000 == userx@test.ex R=client T=send_to_server defer (-38) H=127.0.0.1 [127.0.0.1]:PORT_D: a TLS session is required, but the server did not offer TLS support")
        << QStringLiteral("Delivery == 10HmaY-000000005vi-0000 <userx@test.ex> H=127.0.0.1||127.0.0.1 T=send_to_server NotOffered \"a TLS session is required, but the server did not offer TLS support\"");
    QTest::newRow("2112 fallback")
        << QStringLiteral("exim/test/log/2112")
        << QByteArray("1999-03-02 09:44:33 10HmbA-000000005vi-0000 TLS session: (SSL_connect): error: <<detail omitted>>")
        << QStringLiteral("TlsFallback 10HmbA-000000005vi-0000 Handshake \"(SSL_connect): error: <<detail omitted>>\"");
    QTest::newRow("resumed, DN")
        << QStringLiteral("exim/test/log/5890")
        << QByteArray("1999-03-02 09:44:33 10HmaZ-000000005vi-0000 => resume@test.ex R=client T=send_to_server1 H=127.0.0.1 [127.0.0.1]:PORT_D X=TLS1.x:ke--AES256-SHAnnn:xxx* CV=yes DN=\"CN=server1.example.com\" C=\"250 OK id=10HmbA-000000005vi-0000\"")
        << QStringLiteral("Delivery => 10HmaZ-000000005vi-0000 <resume@test.ex> H=127.0.0.1||127.0.0.1 X=TLS1.x:ke--AES256-SHAnnn:xxx* CV=yes DN=CN=server1.example.com T=send_to_server1");
    QTest::newRow("connection used before")
        << QStringLiteral("exim/test/log/1157")
        << QByteArray("1999-03-02 09:44:33 10HmaY-000000005vi-0000 => usery@test.ex R=client T=send_to_server H=127.0.0.1 [127.0.0.1]* X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx CV=yes C=\"250 OK id=10HmbB-000000005vi-0000\"")
        << QStringLiteral("Delivery => 10HmaY-000000005vi-0000 <usery@test.ex> H=127.0.0.1||127.0.0.1* X=%1 CV=yes T=send_to_server").arg(tls);
    QTest::newRow("failure with X= and a spaced colon")
        << QStringLiteral("exim/test/log/1166")
        << QByteArray("2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 ** f1@test.ex R=to_server T=remote_smtp H=127.0.0.1 [127.0.0.1] X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx CV=yes : SMTP error from remote mail server after RCPT TO:<f1@test.ex>: 550 we really do not like you")
        << QStringLiteral("Delivery ** 10HmaX-000000005vi-0000 <f1@test.ex> H=127.0.0.1||127.0.0.1 X=%1 CV=yes T=remote_smtp \"SMTP error from remote mail server after RCPT TO:<f1@test.ex>: 550 we really do not like you\"").arg(tls);
    QTest::newRow("TLS error from a client, GnuTLS")
        << QStringLiteral("exim/test/log/2031")
        << QByteArray("1999-03-02 09:44:33 TLS error on connection from the.local.host.name (myhost.test.ex) [ip4.ip4.ip4.ip4] (gnutls_handshake): The requested data were not available.")
        << QStringLiteral("InboundTlsError H=the.local.host.name|myhost.test.ex|ip4.ip4.ip4.ip4 Handshake \"(gnutls_handshake): The requested data were not available.\"");
    QTest::newRow("submission with TLS")
        << QStringLiteral("exim/test/log/3451")
        << QByteArray("1999-03-02 09:44:33 10HmaZ-000000005vi-0000 <= CALLER@myhost.test.ex H=localhost (myhost.test.ex) [127.0.0.1] P=esmtpsa X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx A=plain:userx S=sss id=E10HmaX-000000005vi-0000@myhost.test.ex")
        << QStringLiteral("Arrival <= 10HmaZ-000000005vi-0000 <CALLER@myhost.test.ex> H=localhost|myhost.test.ex|127.0.0.1 P=esmtpsa X=%1 A=plain:userx").arg(tls);
    QTest::newRow("connection id")
        << QStringLiteral("exim/test/log/1114")
        << QByteArray("2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 <= someone@some.domain H=(rhu.barb) [127.0.0.1] Ci=p1235 P=esmtps X=TLS1.x:ke-RSA-AES256-SHAnnn:xxx K S=sss for CALLER@test.ex")
        << QStringLiteral("Arrival <= 10HmaX-000000005vi-0000 <someone@some.domain> H=|rhu.barb|127.0.0.1 P=esmtps X=%1 Ci=p1235").arg(tls);
    QTest::newRow("crowdsec rejection with TLS")
        << QStringLiteral("crowdsec-hub/.tests/exim-spam/exim-spam.log")
        << QByteArray("2022-06-29 18:38:43 H=tata.test.biz [1.2.3.5]:41584 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no F=<nico@test.biz> rejected RCPT <titi@alpacas.com.au>: Sender verify failed")
        << QStringLiteral("InboundEvent H=tata.test.biz||1.2.3.5:41584 X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=no");
    QTest::newRow("fail2ban no MAIL with pid")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/exim")
        << QByteArray("2016-03-21 06:38:05 [5718] no MAIL in SMTP connection from www3005.sakura.ne.jp [49.212.207.15]:28890 I=[172.89.0.6]:25 D=21s C=EHLO,STARTTLS")
        << QStringLiteral("NoMail H=www3005.sakura.ne.jp||49.212.207.15:28890");
    QTest::newRow("fail2ban syslog-ng line with Exim's pid")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/exim")
        << QByteArray("2016-04-01 11:08:00 info exim[8001]: [8001] no MAIL in SMTP connection from (User) [192.0.2.29]:20042 I=[192.0.2.1]:25 Ci=8001 D=0.349s C=EHLO,AUTH,QUIT")
        << QStringLiteral("NoMail H=|User|192.0.2.29:20042 Ci=8001 pid=8001");
}

void TestEximAssemblerLines::corpusLines()
{
    // The line is in the corpus file as it is, and reads as expected.
    QFETCH(QString, file);
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QFile f(corpusPath(file));
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("the shared corpus is not there");
    QVERIFY2(f.readAll().split('\n').contains(line), qPrintable(file));
    EximLineParser parser{QTimeZone::utc()};
    LogLine out;
    QVERIFY(parser.parse(std::string_view(line.constData(), std::size_t(line.size())), out));
    QCOMPARE(describe(EximMessageParser::parse(out.message)), expected);
}

void TestEximAssemblerLines::corpusShapes()
{
    // Every message of the real Exim logs, read without a crash, and the
    // counted shapes read as what they are.
    if (!QFile::exists(corpusPath(QStringLiteral("exim/test/log"))))
        QSKIP("the shared corpus is not there");
    const QList<QByteArray> messages = corpusMessages();
    QVERIFY(messages.size() > 5000);
    const QRegularExpression flagged(QStringLiteral("^(?:\\[\\d+\\] )?[0-9A-Za-z]{6}-(?:[0-9A-Za-z]{6}-[0-9A-Za-z]{2}|[0-9A-Za-z]{11}-[0-9A-Za-z]{4}) (<=|\\(=|=>|->|>>|\\*>|\\*\\*|==) "));
    int arrivals = 0;
    int deliveries = 0;
    int ciphers = 0;
    int clientTlsErrors = 0;
    int fallbacks = 0;
    for (const QByteArray &message : messages) {
        const EximEvent e = EximMessageParser::parse(std::string_view(message.constData(), std::size_t(message.size())));
        const QString text = QString::fromUtf8(message);
        const QRegularExpressionMatch m = flagged.match(text);
        if (m.hasMatch()) {
            const QString flag = m.captured(1);
            QVERIFY2(flagName(e.flag) == flag, message.constData());
            QVERIFY2(!e.messageId.empty(), message.constData());
            if (flag == QLatin1String("<=") || flag == QLatin1String("(=")) {
                QVERIFY2(e.kind == EximLineKind::Arrival, message.constData());
                ++arrivals;
                if (text.contains(QLatin1String(" H=")))
                    QVERIFY2(!e.host.ip.empty(), message.constData());
            } else {
                QVERIFY2(e.kind == EximLineKind::Delivery, message.constData());
                ++deliveries;
            }
            // The test suite writes some ciphers as "X=TLS_proto_and_cipher": no
            // version and cipher to read.
            if (text.contains(QLatin1String(" X=")) && flag != QLatin1String("**") && flag != QLatin1String("==")
                && e.cipher.find(':') != std::string_view::npos) {
                TlsInfo tls;
                QVERIFY2(EximTlsText::parseCipher(e.cipher, tls), message.constData());
                ++ciphers;
            }
        }
        if (text.startsWith(QLatin1String("TLS error on connection from "))) {
            QVERIFY2(e.kind == EximLineKind::InboundTlsError && !e.host.ip.empty()
                         && e.problem != TlsProblem::None,
                     message.constData());
            ++clientTlsErrors;
        }
        if (text.contains(QLatin1String(" TLS session: ")) && !m.hasMatch()) {
            QVERIFY2(e.kind == EximLineKind::TlsFallback && e.problem != TlsProblem::None, message.constData());
            ++fallbacks;
        }
        if (!e.messageId.empty())
            QVERIFY2(e.kind != EximLineKind::Unrecognised, message.constData());
        if (m.hasMatch() || text.startsWith(QLatin1String("TLS error on connection from ")))
            QCOMPARE(describe(e), oracle(text, e));
    }
    // The counts of these shapes in the corpus (exim @ 13835a3, crowdsec-hub, fail2ban).
    QCOMPARE(arrivals, 944);
    QCOMPARE(deliveries, 888);
    QCOMPARE(ciphers, 823);
    QCOMPARE(clientTlsErrors, 100);
    QCOMPARE(fallbacks, 16);
}

void TestEximAssemblerLines::hostileInput()
{
    // Every prefix of lines of every shape, and random text made of the
    // characters the parser looks for: no crash, no read past the end, and the
    // assembler takes whatever comes of it.
    const QByteArray shapes[] = {
        QByteArray("[1/2] 2024-03-18 10:00:01.123 +0100 [4711] 1rmABC-000123-AB <= a@b H=name (helo x) [192.0.2.1]:25* I=[198.51.100.1]:25 P=esmtpsa X=TLS1.3:ECDHE_X25519__RSA:256* CV=no DN=\"CN=a\\\"b\" A=p:u S=12 T=\"s\" for c@d"),
        QByteArray("1rmABC-000000003Hx-0Abc == a@b <a@b>: R=r T=t: defer (-37) H=h [192.0.2.1]:PORT_D*: TLS session: (gnutls_handshake): x"),
        QByteArray("1rmABC-000123-AB TLS session: (SSL_connect): error:0A00018A:SSL routines::dh key too small: delivering unencrypted to H=h [192.0.2.1] (not in hosts_require_tls)"),
        QByteArray("TLS error on connection from (h) [2001:db8::1]:25 I=[::1]:25 Ci=1 (SSL_accept): error"),
        QByteArray("SMTP connection from (a b c) [192.0.2.1]:1 (TCP/IP connection count = 1)"),
        QByteArray("1rmABC-000123-AB DANE attempt failed; TLS connection to h [192.0.2.1]: (x)"),
    };
    EximAssembler a;
    std::int64_t offset = 0;
    auto feed = [&a, &offset](const std::string &message) {
        EximMessageParser::parse(message);
        LogLine line;
        line.program = "exim";
        line.timeUtc = 1718000000 + offset / 100;
        line.message = message;
        a.feed(line, offset++);
    };
    for (const QByteArray &shape : shapes) {
        for (qsizetype n = 0; n <= shape.size(); ++n)
            feed(std::string(shape.constData(), std::size_t(n)));
    }
    std::mt19937 random(3);
    const char alphabet[] = "1rmABC-000123-AB <==>*()[]:\"=HXSPTC. ab0/";
    for (int i = 0; i < 50000; ++i) {
        std::string message(random() % 64, ' ');
        for (char &c : message)
            c = alphabet[random() % (sizeof alphabet - 1)];
        if (i % 2 == 0)
            message = "1rmABC-000123-AB " + message;
        feed(message);
    }
    a.finish();
    const AssemblerOutput out = a.takeOutput();
    QVERIFY(!out.isEmpty());
    QString error;
    EximAssembler b;
    QVERIFY2(b.restoreState(a.saveState(), &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEximAssemblerLines)
#include "tst_eximassemblerlines.moc"
