#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QtGlobal>

namespace mailtls {

// What one HTTPS GET brought back.
struct HttpsResponse
{
    enum class Failure {
        None,        // a whole response was read (any status)
        Connect,     // refused, unreachable, or no connection within the connect timeout
        Timeout,     // connected, but the response did not come in whole within the timeout
        Tls,         // the TLS handshake failed for a reason other than the certificate
        Certificate, // the server's certificate was not accepted (error says why)
        Protocol,    // not HTTP, malformed, or cut short
        TooLarge,    // the body (or the headers) passed their bound
    };
    Failure failure = Failure::None;
    QString error;       // translated; empty when failure is None
    int status = 0;      // the HTTP status code, 0 when no status line was read
    QString statusLine;  // bounded, printable
    QString contentType; // as sent, empty when absent
    QString location;    // a redirect's target, as sent
    QByteArray body;     // only for status 200, at most maxBodyBytes
};

// One bounded HTTPS GET to a given address, with a given name for SNI and the
// certificate check: a policy host is resolved through the probe's own DNS
// server, so nothing here looks a name up. HTTP/1.1 with "Connection: close";
// redirects are reported, never followed; Content-Length, chunked and
// read-to-close bodies. Emits finished() exactly once per start(), never from
// inside it; abort() ends a request without finished().
class HttpsGet final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QHostAddress address;
        quint16 port = 443;
        QString hostName; // SNI, certificate name, Host header
        QString path = QStringLiteral("/");
        // Trusted besides the system's store.
        QList<QSslCertificate> extraCaCertificates;
        int connectTimeoutMs = 10000;
        int timeoutMs = 15000; // from start() to the end of the response
        qint64 maxBodyBytes = 64 * 1024;
    };

    explicit HttpsGet(QObject *parent = nullptr);
    ~HttpsGet() override;

    void start(const Request &request);
    void abort();

signals:
    void finished(const mailtls::HttpsResponse &response);

private:
    class Private;
    Private *d;
};

} // namespace mailtls
