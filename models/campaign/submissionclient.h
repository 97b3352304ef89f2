#pragma once

#include <memory>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace mailtls {

// Hands one message to the user's own submission server (RFC 6409): port
// 587 with STARTTLS required, or 465 with TLS from the first byte (RFC
// 8314). The server's certificate is verified against the system's
// authorities and the server's name; or, for a home server with a
// certificate of its own, accepted only when the SHA-256 digest of its
// public key is the one given. Credentials go out (AUTH PLAIN, else LOGIN)
// only inside TLS. When a server on 587 does not offer STARTTLS, the client
// says so and quits: no credentials, no envelope, no message.
//
// The SMTP conversation is libcurl's, run on a worker thread so that the
// caller's thread never blocks; what the server said comes back from
// libcurl's protocol trace.
//
// Asynchronous: send() returns at once; finished() comes exactly once per
// send(), on the client's thread, never from inside send(). Every step has a
// timeout; cancel() ends it at once. One message per connection.
class SubmissionClient final : public QObject
{
    Q_OBJECT

public:
    enum class Security { StartTls, ImplicitTls };
    Q_ENUM(Security)

    // Where the conversation is, as libcurl's protocol trace shows it; the
    // QUIT libcurl sends at the end does not change it.
    enum class Stage { Connect, Greeting, Ehlo, StartTls, Handshake, Auth, MailFrom, RcptTo, Data, Message };
    Q_ENUM(Stage)

    enum class Outcome {
        Sent, // the server took the message (its reply to the end of DATA was 2xx)
        Invalid, // the request itself was wrong (no server, a bad address); nothing was tried
        NoStartTls, // port 587 without STARTTLS: refused by us, nothing was sent
        ConnectFailed,
        TlsFailed, // STARTTLS refused, the handshake failed, or the certificate is not the one to trust
        AuthFailed, // credentials refused, or no AUTH mechanism we may use
        Rejected, // the server refused the greeting, the sender, a recipient or the message
        ProtocolError, // not SMTP, or the connection closed mid-way
        TimedOut,
        Cancelled,
    };
    Q_ENUM(Outcome)

    struct Server
    {
        QString host; // a name or an IP literal
        quint16 port = 587;
        Security security = Security::StartTls;
        // The name the certificate must hold; empty: host.
        QString verifyName;
        // Accept exactly the certificate whose public key (its DER
        // SubjectPublicKeyInfo) has this SHA-256 digest (32 bytes), whoever
        // signed it and whatever names it holds, and no other.
        QByteArray pinnedPublicKeySha256;
        // Authorities trusted besides the system's.
        QList<QSslCertificate> caCertificates;
        int timeoutMs = 60000; // per step
    };

    struct Credentials
    {
        QString user; // empty: no AUTH
        QString password;
    };

    struct Message
    {
        QString from; // the envelope sender, an addr-spec
        QStringList to;
        QByteArray bytes; // RFC 5322, CRLF line ends
    };

    struct Result
    {
        Outcome outcome = Outcome::Cancelled;
        Stage stage = Stage::Connect; // where it ended
        QString error; // translated; empty when Sent
        // The server's reply that decided it (for Sent: its reply to the
        // message, "250 2.0.0 Ok: queued as 4F2B1"), as it was sent.
        QString serverReply;
        // Whether the server may have taken the message: only a timeout or
        // a lost connection after the message's last line leaves it open.
        bool maybeSent = false;

        bool ok() const { return outcome == Outcome::Sent; }
    };

    explicit SubmissionClient(QObject *parent = nullptr);
    ~SubmissionClient() override;

    // The keychain entry (SecretStore) of a submission password:
    // "submission-password:USER@HOST:PORT".
    static QString passwordKey(const QString &user, const QString &host, quint16 port);
    // Parses the SHA-256 digest of a public key written as 64 hex digits,
    // with or without ':', or as libcurl's "sha256//BASE64".
    static QByteArray parseFingerprint(const QString &text);
    // The SHA-256 digest of the certificate's DER SubjectPublicKeyInfo: what
    // Server::pinnedPublicKeySha256 takes.
    static QByteArray publicKeySha256(const QSslCertificate &certificate);
    // Translated, for messages: "the greeting", "the TLS handshake", …
    static QString stageText(Stage stage);

    bool isBusy() const { return m_busy; }
    // Ignored while busy.
    void send(const Server &server, const Credentials &credentials, const Message &message);
    void cancel();

signals:
    void stageChanged(mailtls::SubmissionClient::Stage stage);
    void finished(const mailtls::SubmissionClient::Result &result);

private:
    struct Job;
    void finish(const Result &result);

    std::shared_ptr<Job> m_job;
    Stage m_stage = Stage::Connect;
    bool m_busy = false;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::SubmissionClient::Result)
