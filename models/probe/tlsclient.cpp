#include "models/probe/tlsclient.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QHostAddress>
#include <QMutex>
#include <QUrl>

#include "models/probe/probelogging.h"

namespace mailtls {

namespace {

struct SslCtxFree
{
    void operator()(SSL_CTX *ctx) const { SSL_CTX_free(ctx); }
};
struct SslFree
{
    void operator()(SSL *ssl) const { SSL_free(ssl); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct BnFree
{
    void operator()(BIGNUM *bn) const { BN_free(bn); }
};
struct X509Free
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct GeneralNamesFree
{
    void operator()(GENERAL_NAMES *names) const { GENERAL_NAMES_free(names); }
};

using SecurityCallback = int (*)(const SSL *, const SSL_CTX *, int, int, int, void *, void *);

// A certificate's names are shown to users: enough for any real one.
constexpr qsizetype maxNameChars = 1024;
constexpr int maxSubjectAltNames = 200;
constexpr int readChunkBytes = 16 * 1024;

// The earliest error OpenSSL queued (the cause; later ones are consequences),
// as ERR_error_string writes it: "error:0A00018A:SSL routines::dh key too small".
QString takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QString();
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

QString nameText(const X509_NAME *name)
{
    if (!name)
        return QString();
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio)
        return QString();
    // RFC 2253 order and escaping, but UTF-8 kept as UTF-8 for display.
    if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return QString();
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(qMax(0L, size))).left(maxNameChars);
}

QDateTime dateTime(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return QDateTime();
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

CertificateInfo certificateInfo(X509 *cert)
{
    CertificateInfo info;
    info.subject = nameText(X509_get_subject_name(cert));
    info.issuer = nameText(X509_get_issuer_name(cert));
    info.notBefore = dateTime(X509_get0_notBefore(cert));
    info.notAfter = dateTime(X509_get0_notAfter(cert));
    std::unique_ptr<GENERAL_NAMES, GeneralNamesFree> names(
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (names) {
        const int count = sk_GENERAL_NAME_num(names.get());
        for (int i = 0; i < count && info.subjectAltNames.size() < maxSubjectAltNames; ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names.get(), i);
            if (name->type != GEN_DNS)
                continue;
            const ASN1_STRING *dns = name->d.dNSName;
            info.subjectAltNames.append(
                QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(dns)),
                                    ASN1_STRING_length(dns))
                    .left(maxNameChars));
        }
    }
    const int size = i2d_X509(cert, nullptr);
    if (size > 0) {
        info.der.resize(size);
        auto *out = reinterpret_cast<unsigned char *>(info.der.data());
        i2d_X509(cert, &out);
    }
    ERR_clear_error();
    return info;
}

QString keyExchangeName(int nid)
{
    switch (nid) {
    case NID_kx_ecdhe:
        return QStringLiteral("ECDHE");
    case NID_kx_dhe:
        return QStringLiteral("DHE");
    case NID_kx_rsa:
        return QStringLiteral("RSA");
    case NID_kx_psk:
        return QStringLiteral("PSK");
    case NID_kx_ecdhe_psk:
        return QStringLiteral("ECDHE-PSK");
    case NID_kx_dhe_psk:
        return QStringLiteral("DHE-PSK");
    case NID_kx_rsa_psk:
        return QStringLiteral("RSA-PSK");
    case NID_kx_srp:
        return QStringLiteral("SRP");
    case NID_kx_gost:
    case NID_kx_gost18:
        return QStringLiteral("GOST");
    default:
        break;
    }
    const char *name = OBJ_nid2sn(nid);
    return name ? QString::fromLatin1(name) : QString();
}

// The TLS names ("secp256r1", "ffdhe2048"), except the two curves whose TLS
// names OpenSSL writes in lower case.
QString negotiatedGroup(SSL *ssl)
{
    const int nid = SSL_get_negotiated_group(ssl);
    if (nid == NID_undef)
        return QString();
    if (nid == NID_X25519)
        return QStringLiteral("X25519");
    if (nid == NID_X448)
        return QStringLiteral("X448");
    if (const char *name = SSL_group_to_name(ssl, nid))
        return QString::fromLatin1(name);
    if ((nid & TLSEXT_nid_unknown) == 0) {
        if (const char *name = OBJ_nid2sn(nid))
            return QString::fromLatin1(name);
    }
    return QStringLiteral("0x%1").arg(nid & 0xffff, 4, 16, QLatin1Char('0'));
}

struct StoreFree
{
    void operator()(X509_STORE *store) const { X509_STORE_free(store); }
};
using StorePtr = std::unique_ptr<X509_STORE, StoreFree>;

// The system's trust store and the extra CAs, loaded once and shared by every
// handshake: reading the system bundle parses every CA in it (about 20 ms),
// and a probe runs several handshakes per address. OpenSSL counts the store's
// references and locks its own look-ups, so contexts on any thread share it.
// One set of extra CAs is kept: a process probes with one configuration.
StorePtr trustStore(const QList<QSslCertificate> &extraCa)
{
    static QMutex mutex;
    static QByteArray cachedKey;
    static X509_STORE *cached = nullptr;

    QByteArray key;
    for (const QSslCertificate &certificate : extraCa)
        key += certificate.digest(QCryptographicHash::Sha256);
    QMutexLocker lock(&mutex);
    if (!cached || key != cachedKey) {
        X509_STORE *store = X509_STORE_new();
        if (!store)
            return nullptr;
        // A store that cannot be read leaves every chain unverified, which
        // the result says; it is no reason to skip the handshake.
        if (X509_STORE_set_default_paths(store) != 1)
            qCDebug(lcProbe) << "no system trust store:" << takeOpenSslError();
        for (const QSslCertificate &certificate : extraCa) {
            const QByteArray der = certificate.toDer();
            const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
            std::unique_ptr<X509, X509Free> cert(d2i_X509(nullptr, &in, long(der.size())));
            if (!cert || X509_STORE_add_cert(store, cert.get()) != 1)
                qCDebug(lcProbe) << "extra CA not added:" << takeOpenSslError();
        }
        ERR_clear_error();
        X509_STORE_free(cached);
        cached = store;
        cachedKey = key;
    }
    X509_STORE_up_ref(cached);
    return StorePtr(cached);
}

} // namespace

class TlsClient::Private
{
public:
    Private(TlsProfile profile, const QString &serverName, const QList<QSslCertificate> &extraCa)
        : m_profile(profile)
        , m_serverName(serverName)
        , m_extraCa(extraCa)
    {
    }

    // Records the server's DH key as the handshake offers it to the security
    // check, so a key too small to accept is still measured. Default leaves
    // the decision to OpenSSL's policy; the measuring profiles accept all.
    static int securityCallback(const SSL *ssl, const SSL_CTX *ctx, int op, int bits, int nid,
                                void *other, void *ex)
    {
        auto *self = static_cast<Private *>(ex);
        if (op == SSL_SECOP_TMP_DH && other)
            self->noteServerDhKey(static_cast<const EVP_PKEY *>(other));
        if (self->m_profile != TlsProfile::Default || !self->m_defaultSecurity)
            return 1;
        return self->m_defaultSecurity(ssl, ctx, op, bits, nid, other, ex);
    }

    bool setUp();
    void handshake();
    void readApplicationData();
    void fail(const QString &error);
    void fillResult();
    void noteServerDhKey(const EVP_PKEY *key);

    const TlsProfile m_profile;
    const QString m_serverName;
    const QList<QSslCertificate> m_extraCa;
    std::unique_ptr<SSL_CTX, SslCtxFree> m_ctx;
    std::unique_ptr<SSL, SslFree> m_ssl;
    BIO *m_incoming = nullptr; // owned by m_ssl
    BIO *m_outgoing = nullptr; // owned by m_ssl
    SecurityCallback m_defaultSecurity = nullptr;
    State m_state = State::Idle;
    bool m_peerEnded = false;
    qsizetype m_handshakeBytes = 0;
    QByteArray m_received;
    TlsHandshakeResult m_result;
    QString m_connectionError;
    int m_offeredDhBits = 0;
    QByteArray m_offeredDhPrime;
    QString m_offeredDhGroup;
};

bool TlsClient::Private::setUp()
{
    ERR_clear_error();
    m_ctx.reset(SSL_CTX_new(TLS_client_method()));
    if (!m_ctx) {
        fail(takeOpenSslError());
        return false;
    }
    SSL_CTX *ctx = m_ctx.get();
    m_defaultSecurity = SSL_CTX_get_security_callback(ctx);
    SSL_CTX_set_security_callback(ctx, &Private::securityCallback);
    SSL_CTX_set0_security_ex_data(ctx, this);

    if (StorePtr store = trustStore(m_extraCa))
        SSL_CTX_set1_cert_store(ctx, store.get());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);

    int version = 0;
    const char *ciphers = nullptr;
    switch (m_profile) {
    case TlsProfile::Default:
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        SSL_CTX_set_max_proto_version(ctx, 0);
        break;
    case TlsProfile::DheOnly:
        version = TLS1_2_VERSION;
        ciphers = "DHE:!aNULL:!eNULL:@SECLEVEL=0";
        break;
    case TlsProfile::OnlyTls10:
        version = TLS1_VERSION;
        ciphers = "DEFAULT:@SECLEVEL=0";
        break;
    case TlsProfile::OnlyTls11:
        version = TLS1_1_VERSION;
        ciphers = "DEFAULT:@SECLEVEL=0";
        break;
    case TlsProfile::OnlyTls12:
        version = TLS1_2_VERSION;
        break;
    case TlsProfile::OnlyTls13:
        version = TLS1_3_VERSION;
        break;
    }
    if (version != 0) {
        SSL_CTX_set_min_proto_version(ctx, version);
        SSL_CTX_set_max_proto_version(ctx, version);
    }
    if (ciphers) {
        SSL_CTX_set_security_level(ctx, 0);
        if (SSL_CTX_set_cipher_list(ctx, ciphers) != 1) {
            fail(takeOpenSslError());
            return false;
        }
    }

    m_ssl.reset(SSL_new(ctx));
    m_incoming = BIO_new(BIO_s_mem());
    m_outgoing = BIO_new(BIO_s_mem());
    if (!m_ssl || !m_incoming || !m_outgoing) {
        BIO_free(m_incoming);
        BIO_free(m_outgoing);
        m_incoming = m_outgoing = nullptr;
        fail(takeOpenSslError());
        return false;
    }
    // An empty buffer means "more is coming" until the peer has closed.
    BIO_set_mem_eof_return(m_incoming, -1);
    SSL_set_bio(m_ssl.get(), m_incoming, m_outgoing);
    SSL_set_connect_state(m_ssl.get());

    // The chain is verified without a name, and the name checked apart
    // (fillResult): OpenSSL's verification stops at its first error, so a
    // name in it would hide whether the chain is trusted, and an address's
    // result could not stand for its other MX names.
    QHostAddress literal;
    if (!literal.setAddress(m_serverName) && !m_serverName.isEmpty()) {
        QByteArray name = QUrl::toAce(m_serverName);
        if (name.isEmpty())
            name = m_serverName.toUtf8();
        SSL_set_tlsext_host_name(m_ssl.get(), name.constData());
    }
    ERR_clear_error();
    m_state = State::Handshaking;
    handshake();
    return m_state != State::Failed;
}

void TlsClient::Private::handshake()
{
    ERR_clear_error();
    const int rc = SSL_do_handshake(m_ssl.get());
    if (rc == 1) {
        m_state = State::Established;
        m_result.established = true;
        fillResult();
        qCDebug(lcProbe) << "TLS established with" << m_serverName << m_result.protocol << m_result.cipher
                         << m_result.group << m_result.keyExchangeBits;
        readApplicationData();
        return;
    }
    const int error = SSL_get_error(m_ssl.get(), rc);
    if ((error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) && !m_peerEnded)
        return;
    QString reason = takeOpenSslError();
    if (reason.isEmpty()) {
        reason = m_peerEnded ? tr("the server closed the connection during the TLS handshake")
                             : tr("the TLS handshake failed (OpenSSL error %1)").arg(error);
    }
    fail(reason);
}

void TlsClient::Private::readApplicationData()
{
    char buffer[readChunkBytes];
    while (m_state == State::Established) {
        ERR_clear_error();
        const int n = SSL_read(m_ssl.get(), buffer, int(sizeof buffer));
        if (n > 0) {
            m_received.append(buffer, n);
            continue;
        }
        const int error = SSL_get_error(m_ssl.get(), n);
        if ((error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) && !m_peerEnded)
            return;
        if (error != SSL_ERROR_ZERO_RETURN) {
            m_connectionError = takeOpenSslError();
            if (m_connectionError.isEmpty())
                m_connectionError = tr("the server closed the connection without close_notify");
        }
        m_state = State::Closed;
    }
}

void TlsClient::Private::fail(const QString &error)
{
    m_state = State::Failed;
    m_result.established = false;
    m_result.error = error;
    fillResult();
    qCDebug(lcProbe) << "TLS handshake with" << m_serverName << "failed:" << error;
}

void TlsClient::Private::noteServerDhKey(const EVP_PKEY *key)
{
    m_offeredDhBits = EVP_PKEY_get_bits(key);
    BIGNUM *prime = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &prime) == 1 && prime) {
        std::unique_ptr<BIGNUM, BnFree> owned(prime);
        m_offeredDhPrime.resize(BN_num_bytes(prime));
        BN_bn2bin(prime, reinterpret_cast<unsigned char *>(m_offeredDhPrime.data()));
    }
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) == 1)
        m_offeredDhGroup = QString::fromLatin1(group, qsizetype(length));
    ERR_clear_error();
}

void TlsClient::Private::fillResult()
{
    SSL *ssl = m_ssl.get();
    if (!ssl)
        return;
    TlsHandshakeResult &r = m_result;

    // Before the ServerHello nothing is agreed: the version would be the one
    // offered, not one the server chose.
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    if (!cipher) // the handshake failed after the ServerHello
        cipher = SSL_get_pending_cipher(ssl);
    if (cipher) {
        r.protocol = QString::fromLatin1(SSL_get_version(ssl));
        r.cipher = QString::fromLatin1(SSL_CIPHER_get_name(cipher));
    }
    r.group = negotiatedGroup(ssl);

    EVP_PKEY *peerKey = nullptr;
    if (SSL_get_peer_tmp_key(ssl, &peerKey) == 1 && peerKey) {
        std::unique_ptr<EVP_PKEY, PkeyFree> owned(peerKey);
        if (EVP_PKEY_is_a(peerKey, "DH"))
            noteServerDhKey(peerKey);
        r.keyExchangeBits = EVP_PKEY_get_bits(peerKey);
    } else if (m_offeredDhBits > 0) {
        r.keyExchangeBits = m_offeredDhBits;
    }
    if (!m_offeredDhPrime.isEmpty()) {
        r.dhPrime = m_offeredDhPrime;
        if (r.group.isEmpty())
            r.group = m_offeredDhGroup;
    }

    if (cipher) {
        const int kx = SSL_CIPHER_get_kx_nid(cipher);
        if (kx == NID_kx_any) {
            // TLS 1.3 names no key exchange in its suites: the group says it.
            if (r.group.startsWith(QLatin1String("ffdhe")))
                r.keyExchange = QStringLiteral("DHE");
            else if (!r.group.isEmpty())
                r.keyExchange = QStringLiteral("ECDHE");
        } else {
            r.keyExchange = keyExchangeName(kx);
        }
    } else if (!m_offeredDhPrime.isEmpty()) {
        r.keyExchange = QStringLiteral("DHE");
    }

    r.chain.clear();
    if (STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl)) {
        const int count = qMin(sk_X509_num(chain), maxChainCertificates);
        for (int i = 0; i < count; ++i)
            r.chain.append(certificateInfo(sk_X509_value(chain, i)));
    }
    if (X509 *leaf = SSL_get0_peer_certificate(ssl)) {
        const long verify = SSL_get_verify_result(ssl);
        r.certificateVerified = verify == X509_V_OK;
        r.verifyError = r.certificateVerified ? QString()
                                              : QString::fromLatin1(X509_verify_cert_error_string(verify));
        QHostAddress literal;
        if (literal.setAddress(m_serverName)) {
            literal.setScopeId(QString());
            r.nameMatches = X509_check_ip_asc(leaf, literal.toString().toLatin1().constData(), 0) == 1;
        } else if (!m_serverName.isEmpty()) {
            QByteArray name = QUrl::toAce(m_serverName);
            if (name.isEmpty())
                name = m_serverName.toUtf8();
            r.nameMatches = X509_check_host(leaf, name.constData(), size_t(name.size()),
                                            X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr)
                == 1;
        }
    } else if (m_state == State::Established) {
        r.certificateVerified = false;
        r.verifyError = tr("the server sent no certificate");
    }
    ERR_clear_error();
}

TlsClient::TlsClient(TlsProfile profile, const QString &serverName,
                     const QList<QSslCertificate> &extraCaCertificates)
    : d(std::make_unique<Private>(profile, serverName, extraCaCertificates))
{
}

TlsClient::~TlsClient() = default;

bool TlsClient::start()
{
    if (d->m_state != State::Idle)
        return d->m_state != State::Failed;
    return d->setUp();
}

void TlsClient::receive(const QByteArray &bytes)
{
    if (bytes.isEmpty() || (d->m_state != State::Handshaking && d->m_state != State::Established))
        return;
    if (d->m_state == State::Handshaking) {
        d->m_handshakeBytes += bytes.size();
        if (d->m_handshakeBytes > maxHandshakeBytes) {
            d->fail(tr("the server sent more than %1 bytes during the TLS handshake").arg(maxHandshakeBytes));
            return;
        }
    }
    if (BIO_write(d->m_incoming, bytes.constData(), int(bytes.size())) != int(bytes.size())) {
        d->fail(takeOpenSslError());
        return;
    }
    if (d->m_state == State::Handshaking)
        d->handshake();
    else
        d->readApplicationData();
}

void TlsClient::receiveEnd()
{
    if (d->m_peerEnded || (d->m_state != State::Handshaking && d->m_state != State::Established))
        return;
    d->m_peerEnded = true;
    BIO_set_mem_eof_return(d->m_incoming, 0);
    if (d->m_state == State::Handshaking)
        d->handshake();
    else
        d->readApplicationData();
}

bool TlsClient::write(const QByteArray &plain)
{
    if (d->m_state != State::Established)
        return false;
    if (plain.isEmpty())
        return true;
    ERR_clear_error();
    const bool written = SSL_write(d->m_ssl.get(), plain.constData(), int(plain.size())) > 0;
    ERR_clear_error();
    return written;
}

void TlsClient::close()
{
    if (d->m_state != State::Established)
        return;
    ERR_clear_error();
    SSL_shutdown(d->m_ssl.get());
    ERR_clear_error();
    d->m_state = State::Closed;
}

QByteArray TlsClient::takeOutgoing()
{
    if (!d->m_outgoing)
        return QByteArray();
    const size_t pending = BIO_ctrl_pending(d->m_outgoing);
    if (pending == 0)
        return QByteArray();
    QByteArray bytes(qsizetype(pending), Qt::Uninitialized);
    const int n = BIO_read(d->m_outgoing, bytes.data(), int(pending));
    bytes.resize(qMax(n, 0));
    return bytes;
}

QByteArray TlsClient::takeReceived()
{
    QByteArray bytes;
    bytes.swap(d->m_received);
    return bytes;
}

TlsClient::State TlsClient::state() const
{
    return d->m_state;
}

const TlsHandshakeResult &TlsClient::result() const
{
    return d->m_result;
}

QString TlsClient::connectionError() const
{
    return d->m_connectionError;
}

} // namespace mailtls
