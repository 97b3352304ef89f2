#pragma once

#include <memory>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// The client side of one TLS connection, in OpenSSL over two memory buffers:
// the owner carries the bytes between it and its socket (receive() what the
// peer sent, send what takeOutgoing() returns), so the handshake runs inside
// the owner's event loop without blocking, and a probe sees what QSslSocket
// hides: the server's Diffie-Hellman group even when it is too small to
// accept, the peer's temporary key, the verification result beside the
// handshake instead of in place of it.
//
// Profiles (TlsProfile): Default is OpenSSL's default client at TLS 1.2-1.3
// under the system's security policy, so it fails where a modern sending MTA
// would ("dh key too small"). The others measure what the server offers and
// accept any key size: DheOnly offers only DHE suites at TLS 1.2, so the DH
// group is measured whatever its size; OnlyTls1x pin one version (1.0 and
// 1.1 with OpenSSL's default suites at security level 0, which their SHA-1
// signatures need), so a version is found accepted even when the server's
// key exchange is weak (that is Default's and DheOnly's finding).
// Certificates are never a reason to fail: the chain is checked against the
// system trust store, the extra CAs and the server name, and the result is
// recorded.
//
// TlsHandshakeResult::group is the group the handshake agreed on (TLS 1.3,
// TLS 1.2 ECDHE) or, for TLS 1.2 DHE, the name OpenSSL knows the server's
// prime by (RFC 7919 ffdhe*, RFC 3526 modp_*, RFC 5114 dh_*), else empty.
// When a handshake fails after the server chose its suite and sent its key,
// the result still holds them (a "dh key too small" failure says how small).
class TlsClient final
{
    Q_DECLARE_TR_FUNCTIONS(mailtls::TlsClient)

public:
    enum class State {
        Idle,
        Handshaking,
        Established,
        Failed,  // the handshake failed: result().error
        Closed,  // after an established connection: either side closed it
    };

    // What a peer may send before the handshake is done; certificate chains
    // of real servers stay far below.
    static constexpr qsizetype maxHandshakeBytes = 256 * 1024;
    static constexpr int maxChainCertificates = 10;

    // `serverName`: sent as SNI and checked against the certificate; an IP
    // literal is checked against the certificate's IP addresses, no SNI.
    TlsClient(TlsProfile profile, const QString &serverName,
              const QList<QSslCertificate> &extraCaCertificates = {});
    ~TlsClient();
    TlsClient(const TlsClient &) = delete;
    TlsClient &operator=(const TlsClient &) = delete;

    // Prepares the connection and its ClientHello (takeOutgoing()). False
    // when OpenSSL cannot set the profile up (state() Failed).
    bool start();
    // Bytes from the peer, in order.
    void receive(const QByteArray &bytes);
    // The peer closed its side of the connection.
    void receiveEnd();
    // Encrypts application data; false unless Established.
    bool write(const QByteArray &plain);
    // Sends close_notify (Established only) and stops reading.
    void close();

    // What to send to the peer now (handshake records, application data,
    // alerts); empty when nothing.
    QByteArray takeOutgoing();
    // Decrypted application data received since the last call.
    QByteArray takeReceived();

    State state() const;
    const TlsHandshakeResult &result() const;
    // Why an established connection ended other than by close_notify.
    QString connectionError() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mailtls
