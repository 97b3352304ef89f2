#pragma once

// Shared by the change-plan tests: hand-made Postfix inspections (what
// PostfixInspection would report for a main.cf, with Postfix 3.7's defaults)
// and DH parameter PEMs written byte by byte.

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>

#include <openssl/bn.h>

#include "models/mta/postfixinspection.h"

namespace fixplantest {

using mailtls::PostfixInspection;
using mailtls::PostfixInspectionResult;
using mailtls::PostfixParameter;

// `postconf -d` of Postfix 3.7 for the parameters the fixes read.
inline QHash<QString, QString> postfixDefaults()
{
    return {
        {QStringLiteral("smtpd_tls_security_level"), QString()},
        {QStringLiteral("smtp_tls_security_level"), QString()},
        {QStringLiteral("smtpd_tls_loglevel"), QStringLiteral("0")},
        {QStringLiteral("smtp_tls_loglevel"), QStringLiteral("0")},
        {QStringLiteral("smtpd_tls_dh1024_param_file"), QString()},
        {QStringLiteral("smtpd_tls_dh512_param_file"), QString()},
        {QStringLiteral("smtpd_tls_cert_file"), QString()},
        {QStringLiteral("smtpd_tls_key_file"), QStringLiteral("$smtpd_tls_cert_file")},
        {QStringLiteral("smtpd_tls_chain_files"), QString()},
        {QStringLiteral("smtpd_tls_exclude_ciphers"), QString()},
        {QStringLiteral("smtpd_use_tls"), QStringLiteral("no")},
        {QStringLiteral("smtpd_enforce_tls"), QStringLiteral("no")},
        {QStringLiteral("smtp_use_tls"), QStringLiteral("no")},
        {QStringLiteral("smtp_enforce_tls"), QStringLiteral("no")},
        {QStringLiteral("inet_interfaces"), QStringLiteral("all")},
    };
}

// What an inspection of `dir` with this main.cf finds, without running Postfix.
inline PostfixInspectionResult inspection(const QByteArray &mainCf, const QString &dir,
                                          const QString &version = QStringLiteral("3.7.11"),
                                          const QString &openssl = QStringLiteral("OpenSSL 3.0.22 25 Aug 2026"))
{
    PostfixInspectionResult r;
    r.settings.ok = true;
    r.settings.fromPostconf = true;
    r.settings.mailVersion = version;
    r.settings.opensslVersion = openssl;
    const QHash<QString, QString> defaults = postfixDefaults();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        PostfixParameter parameter;
        parameter.name = it.key();
        parameter.source = PostfixParameter::Source::Default;
        parameter.defaultValue = it.value();
        r.settings.parameters.append(parameter);
    }
    r.configDirectory = dir;
    r.mainCfPath = dir + QStringLiteral("/main.cf");
    r.mainCf = mainCf;
    r.postfixProgram = QStringLiteral("/usr/sbin/postfix");
    r.postconfProgram = QStringLiteral("/usr/sbin/postconf");
    r.running = PostfixInspectionResult::Running::Yes;
    PostfixInspection::complete(r);
    return r;
}

inline QByteArray derLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, char(length));
    QByteArray bytes;
    for (; length > 0; length >>= 8)
        bytes.prepend(char(length & 0xff));
    return char(0x80 | bytes.size()) + bytes;
}

inline QByteArray derInteger(QByteArray value)
{
    while (value.size() > 1 && value.at(0) == '\0')
        value.remove(0, 1);
    if (quint8(value.at(0)) & 0x80)
        value.prepend('\0');
    return '\x02' + derLength(value.size()) + value;
}

// PKCS#3 DH parameters (generator 2) of `prime`, as a server's file holds them.
inline QByteArray dhPem(const QByteArray &prime)
{
    const QByteArray body = derInteger(prime) + derInteger(QByteArray(1, '\x02'));
    const QByteArray base64 = ('\x30' + derLength(body.size()) + body).toBase64();
    QByteArray pem("-----BEGIN DH PARAMETERS-----\n");
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    return pem + "-----END DH PARAMETERS-----\n";
}

inline QByteArray bnBytes(BIGNUM *bn)
{
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

// RFC 2409 Oakley group 2: 1024 bits, shared by many servers.
inline QByteArray oakley2Pem()
{
    return dhPem(bnBytes(BN_get_rfc2409_prime_1024(nullptr)));
}

// A 2048-bit "prime" of its own (RFC 3526 group 14 with a byte changed; DH
// parameter files are not tested for primality, so it passes as a fresh group).
inline QByteArray ownGroupPem(int bits)
{
    QByteArray prime
        = bits == 2048 ? bnBytes(BN_get_rfc3526_prime_2048(nullptr)) : bnBytes(BN_get_rfc2409_prime_1024(nullptr));
    prime[prime.size() / 2] = char(prime.at(prime.size() / 2) ^ 0x5a);
    return dhPem(prime);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

} // namespace fixplantest
