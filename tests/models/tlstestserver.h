#pragma once

// The server side of TLS for tests: a CA and a server certificate made at run
// time, and an OpenSSL server over memory buffers that a test's own SMTP
// server feeds from its socket after STARTTLS, with the versions, suites and
// Diffie-Hellman groups a test asks for (1024 and 768 bits included, which
// only a server at security level 0 may offer).

#include <memory>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

namespace tlstest {

struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Free
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

inline QByteArray derOf(X509 *cert)
{
    const int size = i2d_X509(cert, nullptr);
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(cert, &out);
    return der;
}

inline void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

// A certificate for `key` named `commonName`, signed by issuer (itself when
// null), valid from an hour ago for 30 days.
inline X509Ptr makeCertificate(EVP_PKEY *key, const char *commonName, X509 *issuer, EVP_PKEY *issuerKey,
                               const char *subjectAltNames, long serial)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("MailTLS tests"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1,
                               -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (issuer) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        addExtension(cert.get(), signer, NID_subject_alt_name, subjectAltNames);
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    }
    X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256());
    return cert;
}

// A CA (P-256) and a server certificate (RSA 2048, which DHE_RSA suites
// need) for mx1.example.test and 127.0.0.1, made once per test run.
struct TestPki
{
    PkeyPtr caKey;
    X509Ptr ca;
    PkeyPtr serverKey;
    X509Ptr server;

    QSslCertificate caCertificate() const { return QSslCertificate(derOf(ca.get()), QSsl::Der); }
    QByteArray serverDer() const { return derOf(server.get()); }

    static const TestPki &instance()
    {
        static const TestPki pki = [] {
            TestPki made;
            made.caKey.reset(EVP_EC_gen("P-256"));
            made.ca = makeCertificate(made.caKey.get(), "MailTLS Test CA", nullptr, nullptr, nullptr, 1);
            made.serverKey.reset(EVP_RSA_gen(2048));
            made.server = makeCertificate(made.serverKey.get(), "mx1.example.test", made.ca.get(),
                                          made.caKey.get(), "DNS:mx1.example.test,IP:127.0.0.1", 2);
            return made;
        }();
        return pki;
    }
};

// Diffie-Hellman parameters a test server offers for DHE suites.
enum class DhGroup {
    None,       // no DHE at all
    Oakley768,  // RFC 2409 group 1
    Oakley1024, // RFC 2409 group 2: the classic shared 1024-bit prime
    Ffdhe2048,  // RFC 7919
};

inline PkeyPtr dhParameters(DhGroup group)
{
    EVP_PKEY *key = nullptr;
    if (group == DhGroup::Ffdhe2048) {
        EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
        char name[] = "ffdhe2048";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name, 0),
                               OSSL_PARAM_construct_end()};
        EVP_PKEY_paramgen_init(context);
        EVP_PKEY_CTX_set_params(context, params);
        EVP_PKEY_paramgen(context, &key);
        EVP_PKEY_CTX_free(context);
        return PkeyPtr(key);
    }
    if (group == DhGroup::None)
        return nullptr;
    BIGNUM *prime = group == DhGroup::Oakley768 ? BN_get_rfc2409_prime_768(nullptr)
                                                : BN_get_rfc2409_prime_1024(nullptr);
    BIGNUM *generator = BN_new();
    BN_set_word(generator, 2);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_FFC_P, prime);
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_FFC_G, generator);
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(builder);
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY_fromdata_init(context);
    EVP_PKEY_fromdata(context, &key, EVP_PKEY_KEY_PARAMETERS, params);
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(generator);
    BN_free(prime);
    return PkeyPtr(key);
}

// The prime of a group, big-endian, as a client should measure it.
inline QByteArray dhPrime(DhGroup group)
{
    PkeyPtr key = dhParameters(group);
    BIGNUM *prime = nullptr;
    if (!key || EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_FFC_P, &prime) != 1)
        return QByteArray();
    QByteArray bytes(BN_num_bytes(prime), Qt::Uninitialized);
    BN_bn2bin(prime, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(prime);
    return bytes;
}

struct TlsServerConfig
{
    int minVersion = TLS1_2_VERSION;
    int maxVersion = TLS1_3_VERSION;
    QByteArray cipherList = "ALL:@SECLEVEL=0";
    QByteArray groups; // empty: OpenSSL's default list
    DhGroup dh = DhGroup::None;
};

// One server-side TLS connection over memory buffers.
class TlsServerEnd
{
public:
    explicit TlsServerEnd(const TlsServerConfig &config)
    {
        const TestPki &pki = TestPki::instance();
        m_ctx = SSL_CTX_new(TLS_server_method());
        // Level 0 still refuses DH under 1024 bits; old servers offered them.
        SSL_CTX_set_security_callback(m_ctx, [](const SSL *, const SSL_CTX *, int, int, int, void *, void *) {
            return 1;
        });
        SSL_CTX_set_min_proto_version(m_ctx, config.minVersion);
        SSL_CTX_set_max_proto_version(m_ctx, config.maxVersion);
        SSL_CTX_set_cipher_list(m_ctx, config.cipherList.constData());
        if (!config.groups.isEmpty())
            SSL_CTX_set1_groups_list(m_ctx, config.groups.constData());
        if (PkeyPtr dh = dhParameters(config.dh))
            SSL_CTX_set0_tmp_dh_pkey(m_ctx, dh.release());
        SSL_CTX_use_certificate(m_ctx, pki.server.get());
        SSL_CTX_use_PrivateKey(m_ctx, pki.serverKey.get());
        SSL_CTX_add1_chain_cert(m_ctx, pki.ca.get());
        m_ssl = SSL_new(m_ctx);
        m_in = BIO_new(BIO_s_mem());
        m_out = BIO_new(BIO_s_mem());
        BIO_set_mem_eof_return(m_in, -1);
        SSL_set_bio(m_ssl, m_in, m_out);
        SSL_set_accept_state(m_ssl);
        ERR_clear_error();
    }
    ~TlsServerEnd()
    {
        SSL_free(m_ssl);
        SSL_CTX_free(m_ctx);
    }
    TlsServerEnd(const TlsServerEnd &) = delete;
    TlsServerEnd &operator=(const TlsServerEnd &) = delete;

    void receive(const QByteArray &bytes)
    {
        if (m_failed)
            return;
        BIO_write(m_in, bytes.constData(), int(bytes.size()));
        if (!m_established) {
            const int rc = SSL_do_handshake(m_ssl);
            if (rc == 1) {
                m_established = true;
            } else {
                const int error = SSL_get_error(m_ssl, rc);
                if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
                    m_failed = true;
                ERR_clear_error();
                return;
            }
        }
        char buffer[4096];
        int n = 0;
        while ((n = SSL_read(m_ssl, buffer, int(sizeof buffer))) > 0)
            m_received.append(buffer, n);
        ERR_clear_error();
    }
    void write(const QByteArray &plain) { SSL_write(m_ssl, plain.constData(), int(plain.size())); }
    void shutdown() { SSL_shutdown(m_ssl); ERR_clear_error(); }
    QByteArray takeOutgoing()
    {
        QByteArray bytes(qsizetype(BIO_ctrl_pending(m_out)), Qt::Uninitialized);
        if (!bytes.isEmpty())
            BIO_read(m_out, bytes.data(), int(bytes.size()));
        return bytes;
    }
    QByteArray takeReceived()
    {
        QByteArray bytes;
        bytes.swap(m_received);
        return bytes;
    }
    bool established() const { return m_established; }

private:
    SSL_CTX *m_ctx = nullptr;
    SSL *m_ssl = nullptr;
    BIO *m_in = nullptr;
    BIO *m_out = nullptr;
    bool m_established = false;
    bool m_failed = false;
    QByteArray m_received;
};

} // namespace tlstest
