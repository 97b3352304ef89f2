#include "models/campaign/submissiontransfer.h"

#include <cerrno>
#include <cstring>
#include <mutex>

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <curl/curl.h>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslCertificate>
#include <QUrl>

#include "models/probe/smtpreplyreader.h"

namespace mailtls {

void SubmissionTransfer::initialise()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

using Request = SubmissionTransfer::Request;

// How often the worker looks at cancel() and the step timeout while libcurl
// waits for the server.
constexpr int pollMs = 50;

QString hexDigest(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':')).toUpper();
}

// CRLF line ends throughout, as RFC 5321 wants them; libcurl doubles a
// line's leading dot and adds the final "." line itself.
QByteArray crlfText(const QByteArray &message)
{
    QByteArray text = message;
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    if (!text.endsWith('\n'))
        text += '\n';
    text.replace("\n", "\r\n");
    return text;
}

// Where libcurl is to connect, and what our EHLO says: our own address as
// a literal (RFC 5321 4.1.3), so that no name of this machine goes out.
struct Route
{
    QByteArray address; // numeric
    QByteArray ehlo;
    QString error;
};

Route route(const QString &host, quint16 port)
{
    Route r;
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    const int status = getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &list);
    if (status != 0 || !list) {
        r.error = QString::fromLocal8Bit(gai_strerror(status));
        return r;
    }
    char numeric[NI_MAXHOST] = {};
    getnameinfo(list->ai_addr, list->ai_addrlen, numeric, sizeof numeric, nullptr, 0, NI_NUMERICHOST);
    r.address = numeric;
    // A datagram socket's connect() sends nothing; it only makes the kernel
    // choose the local address a connection there would use.
    const int probe = socket(list->ai_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_storage local {};
    socklen_t localSize = sizeof local;
    if (probe < 0 || connect(probe, list->ai_addr, list->ai_addrlen) != 0
        || getsockname(probe, reinterpret_cast<sockaddr *>(&local), &localSize) != 0) {
        r.error = QString::fromLocal8Bit(std::strerror(errno));
    } else {
        char own[NI_MAXHOST] = {};
        getnameinfo(reinterpret_cast<sockaddr *>(&local), localSize, own, sizeof own, nullptr, 0, NI_NUMERICHOST);
        r.ehlo = local.ss_family == AF_INET6 ? "[IPv6:" + QByteArray(own) + "]" : "[" + QByteArray(own) + "]";
    }
    if (probe >= 0)
        close(probe);
    freeaddrinfo(list);
    return r;
}

QByteArray bracketed(const QByteArray &host)
{
    return host.contains(':') ? '[' + host + ']' : host;
}

// The conversation as libcurl's protocol trace shows it, on the worker.
struct Conversation
{
    SubmissionClient::Server server;
    bool wantsLogin = false;
    std::function<void(SubmissionClient::Stage)> stageChanged;

    SubmissionClient::Stage stage = SubmissionClient::Stage::Connect;
    bool encrypted = false;
    SmtpReplyReader reader;
    // The last whole reply, and the stage it answered.
    SmtpReply reply;
    SubmissionClient::Stage replyStage = SubmissionClient::Stage::Connect;
    QString ehloReply;
    QStringList mechanisms;
    bool authOffered = false;
    QString messageReply;
    bool messageAccepted = false;
    int recipient = -1;
    bool noLogin = false;
    bool quitting = false;
    curl_socket_t socket = CURL_SOCKET_BAD;
    QElapsedTimer clock;
    qint64 lastActivity = 0;
    const std::atomic_bool *cancelled = nullptr;
    enum class Stop { No, Cancelled, TimedOut };
    Stop stop = Stop::No;

    // Whether to end the transfer now: cancel(), or a step that has waited
    // longer than the timeout.
    bool shouldStop()
    {
        if (stop == Stop::No && *cancelled)
            stop = Stop::Cancelled;
        else if (stop == Stop::No && clock.elapsed() - lastActivity > server.timeoutMs)
            stop = Stop::TimedOut;
        return stop != Stop::No;
    }

    void enter(SubmissionClient::Stage next)
    {
        if (messageAccepted || stage == next)
            return;
        stage = next;
        stageChanged(next);
    }

    void sent(const QByteArray &lines)
    {
        const QByteArray verb = lines.simplified().split(' ').constFirst().toUpper();
        using Stage = SubmissionClient::Stage;
        if (verb == "EHLO" || verb == "HELO")
            enter(Stage::Ehlo);
        else if (verb == "STARTTLS")
            enter(Stage::StartTls);
        else if (verb == "AUTH")
            enter(Stage::Auth);
        else if (verb == "MAIL")
            enter(Stage::MailFrom);
        else if (verb == "RCPT") {
            ++recipient;
            enter(Stage::RcptTo);
        } else if (verb == "DATA")
            enter(Stage::Data);
        else if (verb == "QUIT")
            quitting = true;
    }

    void received(const QByteArray &bytes)
    {
        reader.append(bytes);
        while (reader.status() == SmtpReplyReader::Status::Complete) {
            answered(reader.reply());
            reader.next();
        }
    }

    void answered(const SmtpReply &r)
    {
        using Stage = SubmissionClient::Stage;
        // What decided the outcome came before QUIT.
        if (quitting)
            return;
        reply = r;
        replyStage = stage;
        const bool positive = r.code >= 200 && r.code < 300;
        switch (stage) {
        case Stage::Connect:
        case Stage::Handshake:
            enter(Stage::Greeting);
            replyStage = Stage::Greeting;
            break;
        case Stage::Ehlo:
            ehloReply = r.text();
            if (encrypted && positive)
                afterEhlo(r);
            break;
        case Stage::StartTls:
            if (r.code == 220) {
                encrypted = true;
                enter(Stage::Handshake);
            }
            break;
        case Stage::Data:
            if (r.code == 354)
                enter(Stage::Message);
            break;
        case Stage::Message:
            if (!messageAccepted) {
                messageReply = r.text();
                messageAccepted = positive;
            }
            break;
        default:
            break;
        }
    }

    void afterEhlo(const SmtpReply &r)
    {
        mechanisms.clear();
        authOffered = false;
        const QStringList lines = r.texts();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QString line = lines.at(i).trimmed();
            const QString keyword = line.section(QLatin1Char(' '), 0, 0).toUpper();
            if (keyword == QLatin1String("AUTH")) {
                authOffered = true;
                mechanisms += line.section(QLatin1Char(' '), 1).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            }
        }
        // libcurl goes on without a login when the server offers none; the
        // user asked for one, so the connection ends before the envelope.
        if (wantsLogin && !authOffered && socket != CURL_SOCKET_BAD) {
            noLogin = true;
            shutdown(socket, SHUT_RDWR);
        }
    }
};

int onTrace(CURL *, curl_infotype type, char *data, size_t size, void *user)
{
    auto *c = static_cast<Conversation *>(user);
    c->lastActivity = c->clock.elapsed();
    const QByteArray bytes(data, qsizetype(size));
    switch (type) {
    case CURLINFO_TEXT:
        if (c->stage == SubmissionClient::Stage::Connect && bytes.startsWith("Connected to ")) {
            if (c->server.security == SubmissionClient::Security::ImplicitTls) {
                c->encrypted = true;
                c->enter(SubmissionClient::Stage::Handshake);
            } else {
                c->enter(SubmissionClient::Stage::Greeting);
            }
        }
        break;
    case CURLINFO_HEADER_OUT:
        c->sent(bytes);
        break;
    case CURLINFO_HEADER_IN:
        c->received(bytes);
        break;
    default:
        break;
    }
    return 0;
}

// libcurl asks between its waits, also while it blocks for the reply to
// the letter's end.
int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Conversation *>(user)->shouldStop() ? 1 : 0;
}

struct Upload
{
    QByteArray bytes;
    qsizetype offset = 0;
};

size_t onRead(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype n = std::min(qsizetype(size * count), upload->bytes.size() - upload->offset);
    std::memcpy(buffer, upload->bytes.constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

curl_socket_t onOpenSocket(void *user, curlsocktype, curl_sockaddr *address)
{
    auto *c = static_cast<Conversation *>(user);
    c->socket = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    return c->socket;
}

QByteArray certificatesPem(const QList<QSslCertificate> &certificates)
{
    QByteArray pem;
    for (const QSslCertificate &certificate : certificates)
        pem += certificate.toPem();
    return pem;
}

// The SHA-256 of the public key in the first certificate libcurl saw.
QByteArray peerKeySha256(CURL *easy)
{
    curl_certinfo *info = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CERTINFO, &info) != CURLE_OK || !info || info->num_of_certs < 1)
        return QByteArray();
    for (curl_slist *item = info->certinfo[0]; item; item = item->next) {
        const QByteArray field(item->data);
        if (field.startsWith("Cert:"))
            return SubmissionClient::publicKeySha256(QSslCertificate(field.mid(5), QSsl::Pem));
    }
    return QByteArray();
}

using Stage = SubmissionClient::Stage;
using Outcome = SubmissionClient::Outcome;
using Result = SubmissionClient::Result;

// What libcurl's result means, told the way the server put it where it
// said something.
Result outcome(const Request &job, const Conversation &c, CURLcode code, const char *curlError, long osErrno,
               const QByteArray &peerKey)
{
    Result r;
    r.stage = c.stage;
    const QString &where = job.where;
    const QString detail = QString::fromLocal8Bit(*curlError ? curlError : curl_easy_strerror(code));
    const QString reply = c.reply.text();
    const bool answered = c.replyStage == c.stage && c.reply.code != 0;
    const QString seconds = QString::number(job.server.timeoutMs / 1000.0, 'g', 3);
    const auto fail = [&r](Outcome o, const QString &error, const QString &serverReply = QString()) {
        r.outcome = o;
        r.error = error;
        r.serverReply = serverReply;
        return r;
    };

    if (code == CURLE_OK) {
        if (!c.messageAccepted)
            return fail(Outcome::ProtocolError, SubmissionClient::tr("%1 did not confirm the letter").arg(where));
        r.outcome = Outcome::Sent;
        r.stage = Stage::Message;
        r.serverReply = c.messageReply;
        return r;
    }
    if (c.messageAccepted) {
        // The letter is the server's; what went wrong came after (QUIT).
        r.outcome = Outcome::Sent;
        r.stage = Stage::Message;
        r.serverReply = c.messageReply;
        return r;
    }
    if (c.noLogin) {
        r.stage = Stage::Ehlo;
        return fail(Outcome::AuthFailed,
                    SubmissionClient::tr("%1 offers no login (AUTH) after STARTTLS; send without a user name if it "
                                         "takes mail from you without one")
                        .arg(where));
    }
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
        r.stage = Stage::Connect;
        return fail(Outcome::ConnectFailed,
                    SubmissionClient::tr("cannot connect to %1: %2")
                        .arg(where, osErrno ? QString::fromLocal8Bit(std::strerror(int(osErrno))) : detail));
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_ABORTED_BY_CALLBACK:
        if (c.stop == Conversation::Stop::Cancelled) {
            r.maybeSent = c.stage == Stage::Message;
            return fail(Outcome::Cancelled, SubmissionClient::tr("cancelled during %1").arg(SubmissionClient::stageText(c.stage)));
        }
        r.maybeSent = c.stage == Stage::Message;
        return fail(Outcome::TimedOut,
                    r.maybeSent ? SubmissionClient::tr("%1 did not confirm the letter within %2 s: it may have been "
                                                       "sent")
                                      .arg(where, seconds)
                                : SubmissionClient::tr("%1 did not answer within %2 s during %3")
                                      .arg(where, seconds, SubmissionClient::stageText(c.stage)));
    case CURLE_USE_SSL_FAILED:
        if (c.stage == Stage::StartTls)
            return fail(Outcome::TlsFailed, SubmissionClient::tr("%1 refused STARTTLS: %2").arg(where, reply), reply);
        r.stage = Stage::Ehlo;
        return fail(Outcome::NoStartTls,
                    SubmissionClient::tr("%1 does not offer STARTTLS, so the connection cannot be encrypted: nothing "
                                         "was sent (no password, no letter). Use the server's port 465 if it takes "
                                         "TLS there, or switch STARTTLS on in the server.")
                        .arg(where),
                    c.ehloReply);
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        r.stage = Stage::Handshake;
        return fail(Outcome::TlsFailed,
                    SubmissionClient::tr("the certificate of %1 is not the one to trust: the SHA-256 digest of its "
                                         "public key is %2, not %3")
                        .arg(where, peerKey.isEmpty() ? SubmissionClient::tr("unknown") : hexDigest(peerKey),
                             hexDigest(job.server.pinnedPublicKeySha256)));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
        r.stage = Stage::Handshake;
        return fail(Outcome::TlsFailed,
                    SubmissionClient::tr("the TLS handshake with %1 failed: %2").arg(where, detail));
    case CURLE_LOGIN_DENIED:
        if (answered && c.stage == Stage::Auth)
            return fail(Outcome::AuthFailed,
                        SubmissionClient::tr("%1 refused the login of %2: %3").arg(where, job.credentials.user, reply),
                        reply);
        return fail(Outcome::AuthFailed,
                    SubmissionClient::tr("%1 offers no login MailTLS can use (PLAIN or LOGIN); it "
                                         "offers %2")
                        .arg(where, c.mechanisms.join(QLatin1Char(' '))));
    default:
        break;
    }
    if (answered && (c.reply.code >= 400 || c.reply.code < 200 || c.stage == Stage::Greeting)) {
        switch (c.stage) {
        case Stage::Greeting:
            return fail(Outcome::Rejected, SubmissionClient::tr("%1 refused the connection: %2").arg(where, reply),
                        reply);
        case Stage::Ehlo:
            return fail(Outcome::Rejected, SubmissionClient::tr("%1 refused EHLO: %2").arg(where, reply), reply);
        case Stage::Auth:
            return fail(Outcome::AuthFailed,
                        SubmissionClient::tr("%1 refused the login of %2: %3").arg(where, job.credentials.user, reply),
                        reply);
        case Stage::MailFrom:
            return fail(Outcome::Rejected,
                        SubmissionClient::tr("%1 refused the sender %2: %3").arg(where, job.message.from, reply),
                        reply);
        case Stage::RcptTo:
            return fail(Outcome::Rejected,
                        SubmissionClient::tr("%1 refused the recipient %2: %3")
                            .arg(where, job.message.to.value(std::max(0, c.recipient)), reply),
                        reply);
        case Stage::Data:
            return fail(Outcome::Rejected, SubmissionClient::tr("%1 refused DATA: %2").arg(where, reply), reply);
        case Stage::Message:
            return fail(Outcome::Rejected, SubmissionClient::tr("%1 refused the letter: %2").arg(where, reply), reply);
        default:
            break;
        }
    }
    if (c.stage == Stage::Handshake && code == CURLE_WEIRD_SERVER_REPLY
        && job.server.security == SubmissionClient::Security::StartTls)
        // libcurl refuses bytes that came after STARTTLS's 220 in plaintext,
        // where anyone on the path can inject them (RFC 7457 2.2).
        return fail(Outcome::TlsFailed,
                    SubmissionClient::tr("%1 sent more than its reply to STARTTLS before the TLS handshake (someone on "
                                         "the way may have injected it): nothing was sent")
                        .arg(where));
    if (c.stage == Stage::Handshake)
        return fail(Outcome::TlsFailed,
                    SubmissionClient::tr("the TLS handshake with %1 failed: %2").arg(where, detail));
    r.maybeSent = c.stage == Stage::Message;
    if (code == CURLE_WEIRD_SERVER_REPLY)
        return fail(Outcome::ProtocolError,
                    SubmissionClient::tr("%1 does not answer as an SMTP server during %2: %3")
                        .arg(where, SubmissionClient::stageText(c.stage), detail));
    return fail(Outcome::ProtocolError,
                SubmissionClient::tr("%1 closed the connection during %2").arg(where, SubmissionClient::stageText(c.stage)));
}

} // namespace

SubmissionClient::Result SubmissionTransfer::run(const Request &job, const std::function<void(Stage)> &stageChanged,
                                                 const std::atomic_bool &cancelled)
{
    const SubmissionClient::Server &server = job.server;
    const Route to = route(server.host, server.port);
    if (!to.error.isEmpty()) {
        Result r;
        r.outcome = Outcome::ConnectFailed;
        r.error = SubmissionClient::tr("cannot connect to %1: %2").arg(job.where, to.error);
        return r;
    }

    Conversation c;
    c.server = server;
    c.wantsLogin = !job.credentials.user.isEmpty();
    c.stageChanged = stageChanged;
    c.cancelled = &cancelled;
    c.clock.start();
    Upload upload {crlfText(job.message.bytes), 0};

    // The certificate is checked against the name in the URL; libcurl
    // connects to the address found above.
    const QByteArray urlHost = bracketed((server.verifyName.isEmpty() ? server.host : server.verifyName).toUtf8());
    const QByteArray port = QByteArray::number(server.port);
    const QByteArray url = (server.security == SubmissionClient::Security::ImplicitTls ? "smtps://" : "smtp://")
        + urlHost + ':' + port + '/' + QUrl::toPercentEncoding(QString::fromLatin1(to.ehlo));
    const QByteArray connectTo = urlHost + ':' + port + ':' + bracketed(to.address) + ':' + port;
    curl_slist *connectList = curl_slist_append(nullptr, connectTo.constData());
    curl_slist *recipients = nullptr;
    for (const QString &recipient : job.message.to)
        recipients = curl_slist_append(recipients, ('<' + recipient.toUtf8() + '>').constData());
    const QByteArray from = '<' + job.message.from.toUtf8() + '>';
    const QByteArray user = job.credentials.user.toUtf8();
    const QByteArray password = job.credentials.password.toUtf8();
    const QByteArray caPem = certificatesPem(server.caCertificates);
    const QByteArray pin = "sha256//" + server.pinnedPublicKeySha256.toBase64();
    char curlError[CURL_ERROR_SIZE] = {};

    CURL *easy = curl_easy_init();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connectList);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, curlError);
    curl_easy_setopt(easy, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(server.timeoutMs));
    // What QUIT may wait for once libcurl is done; the steps before it are
    // timed below, to the millisecond.
    curl_easy_setopt(easy, CURLOPT_SERVER_RESPONSE_TIMEOUT, long((server.timeoutMs + 999) / 1000 + 1));
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &c);
    if (server.pinnedPublicKeySha256.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!caPem.isEmpty()) {
            // Besides the system's bundle, which libcurl keeps loading.
            curl_blob blob {const_cast<char *>(caPem.constData()), size_t(caPem.size()), CURL_BLOB_COPY};
            curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        }
    } else {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
        curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, pin.constData());
        curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
    }
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients);
    if (c.wantsLogin) {
        curl_easy_setopt(easy, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, password.constData());
        curl_easy_setopt(easy, CURLOPT_LOGIN_OPTIONS, "AUTH=PLAIN;AUTH=LOGIN");
    }
    curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(easy, CURLOPT_READFUNCTION, onRead);
    curl_easy_setopt(easy, CURLOPT_READDATA, &upload);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, onOpenSocket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &c);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, onTrace);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &c);

    CURLM *multi = curl_multi_init();
    curl_multi_add_handle(multi, easy);
    CURLcode code = CURLE_OK;
    int running = 1;
    while (running > 0) {
        if (curl_multi_perform(multi, &running) != CURLM_OK || running == 0 || c.shouldStop())
            break;
        curl_multi_poll(multi, nullptr, 0, pollMs, nullptr);
    }
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg == CURLMSG_DONE)
            code = msg->data.result;
    }
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    const QByteArray peerKey = code == CURLE_SSL_PINNEDPUBKEYNOTMATCH ? peerKeySha256(easy) : QByteArray();
    // Removing a transfer that has not ended cuts its connection.
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(connectList);
    curl_slist_free_all(recipients);

    if (c.stop != Conversation::Stop::No)
        code = CURLE_ABORTED_BY_CALLBACK;
    return outcome(job, c, code, curlError, osErrno, peerKey);
}

} // namespace mailtls
