#include "models/tls/dhparameters.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace mailtls {

namespace {

const char dhLabel[] = "DH PARAMETERS";
// OpenSSL refuses larger DH moduli (OPENSSL_DH_MAX_MODULUS_BITS).
constexpr int maxModulusBits = 10000;

struct OpenSslDeleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(OSSL_DECODER_CTX *p) const { OSSL_DECODER_CTX_free(p); }
    void operator()(OSSL_ENCODER_CTX *p) const { OSSL_ENCODER_CTX_free(p); }
};
template<typename T> using Owned = std::unique_ptr<T, OpenSslDeleter>;

// OpenSSL's newest error as text, and the queue emptied: errors left behind
// would be blamed on the next TLS operation of this thread.
QString takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return DhParameters::tr("unknown OpenSSL error");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

QByteArray bnBytes(const BIGNUM *bn)
{
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

struct PemBlock
{
    QByteArray label;
    QByteArray text; // from the BEGIN line to the END line, each '\n'-terminated
};

// The label of a "-----BEGIN LABEL-----" or "-----END LABEL-----" line, or a
// null array. Labels are short upper-case ASCII (RFC 7468); anything else is
// not taken for one, so a label shown in a message is always printable.
QByteArray pemLabel(const QByteArray &line, const char *keyword)
{
    const QByteArray start = QByteArray("-----") + keyword + ' ';
    if (!line.startsWith(start) || !line.endsWith("-----") || line.size() < start.size() + 5)
        return QByteArray();
    const QByteArray label = line.mid(start.size(), line.size() - start.size() - 5);
    if (label.isEmpty() || label.size() > 64)
        return QByteArray();
    for (const char c : label) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '-' || c == '_'
              || c == '#'))
            return QByteArray();
    }
    return label;
}

// Splits the PEM blocks out of `data`; text around them is ignored, as
// OpenSSL does (`openssl dhparam -text` writes a description first).
bool splitPem(const QByteArray &data, QList<PemBlock> *blocks, QString *error)
{
    PemBlock open;
    bool inBlock = false;
    for (QByteArray line : data.split('\n')) {
        while (line.endsWith('\r') || line.endsWith(' ') || line.endsWith('\t'))
            line.chop(1);
        if (!inBlock) {
            const QByteArray label = pemLabel(line, "BEGIN");
            if (label.isNull())
                continue;
            open = PemBlock {label, line + '\n'};
            inBlock = true;
            continue;
        }
        const QByteArray begin = pemLabel(line, "BEGIN");
        if (!begin.isNull()) {
            *error = DhParameters::tr("the PEM block \"%1\" has no END line before the next block begins")
                         .arg(QString::fromLatin1(open.label));
            return false;
        }
        open.text += line + '\n';
        const QByteArray end = pemLabel(line, "END");
        if (end.isNull())
            continue;
        if (end != open.label) {
            *error = DhParameters::tr("the PEM block \"%1\" ends with \"END %2\": the file is damaged")
                         .arg(QString::fromLatin1(open.label), QString::fromLatin1(end));
            return false;
        }
        blocks->append(open);
        inBlock = false;
    }
    if (inBlock) {
        *error = DhParameters::tr("the PEM block \"%1\" has no END line: the file is cut short")
                     .arg(QString::fromLatin1(open.label));
        return false;
    }
    return true;
}

// What a block of another kind holds, said so that the user recognises the
// file they picked by mistake.
QString notDhParameters(const QByteArray &label)
{
    if (label == "X9.42 DH PARAMETERS")
        return DhParameters::tr("the file holds X9.42 DH parameters (BEGIN X9.42 DH PARAMETERS); mail servers read "
                                "PKCS#3 DH parameters (BEGIN DH PARAMETERS): replace it with an RFC 7919 group");
    if (label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE")
        return DhParameters::tr("the file holds a certificate (BEGIN %1), not DH parameters")
            .arg(QString::fromLatin1(label));
    if (label.endsWith("PRIVATE KEY"))
        return DhParameters::tr("the file holds a private key (BEGIN %1), not DH parameters")
            .arg(QString::fromLatin1(label));
    if (label.endsWith("PUBLIC KEY"))
        return DhParameters::tr("the file holds a public key (BEGIN %1), not DH parameters")
            .arg(QString::fromLatin1(label));
    if (label.endsWith("CERTIFICATE REQUEST"))
        return DhParameters::tr("the file holds a certificate request (BEGIN %1), not DH parameters")
            .arg(QString::fromLatin1(label));
    if (label == "EC PARAMETERS")
        return DhParameters::tr("the file holds elliptic-curve parameters (BEGIN EC PARAMETERS), not DH parameters");
    return DhParameters::tr("the file holds a PEM block \"%1\", not DH parameters").arg(QString::fromLatin1(label));
}

DhFileInfo invalid(const QString &error)
{
    DhFileInfo info;
    info.error = error;
    return info;
}

bool isBlank(const QByteArray &data)
{
    for (const char c : data) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

QString groupName(const EVP_PKEY *key)
{
    char name[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &length) <= 0) {
        ERR_clear_error();
        return QString();
    }
    return QString::fromLatin1(name, qsizetype(length));
}

} // namespace

QStringList DhParameters::rfc7919Groups()
{
    return {QStringLiteral("ffdhe2048"), QStringLiteral("ffdhe3072"), QStringLiteral("ffdhe4096"),
            QStringLiteral("ffdhe6144"), QStringLiteral("ffdhe8192")};
}

QByteArray DhParameters::rfc7919Pem(const QString &group, QString *error)
{
    if (!rfc7919Groups().contains(group)) {
        *error = tr("\"%1\" is not an RFC 7919 group (%2)").arg(group, rfc7919Groups().join(QStringLiteral(", ")));
        return QByteArray();
    }
    QByteArray name = group.toLatin1();
    const Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name.data(), 0),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_params(ctx.get(), params) <= 0
        || EVP_PKEY_paramgen(ctx.get(), &key) <= 0) {
        *error = tr("OpenSSL cannot provide the group %1: %2").arg(group, takeOpenSslError());
        return QByteArray();
    }
    const Owned<EVP_PKEY> owned(key);
    return encodePem(key, error);
}

QByteArray DhParameters::encodePem(const EVP_PKEY *key, QString *error)
{
    // "type-specific" is PKCS#3 DHparams for a DH key: the only form every
    // mail server reads.
    const Owned<OSSL_ENCODER_CTX> ctx(
        OSSL_ENCODER_CTX_new_for_pkey(key, OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS, "PEM", "type-specific", nullptr));
    unsigned char *data = nullptr;
    size_t length = 0;
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0
        || OSSL_ENCODER_to_data(ctx.get(), &data, &length) <= 0) {
        *error = tr("OpenSSL cannot write the DH parameters as PEM: %1").arg(takeOpenSslError());
        return QByteArray();
    }
    QByteArray pem(reinterpret_cast<const char *>(data), qsizetype(length));
    OPENSSL_free(data);
    if (!pem.startsWith(QByteArray("-----BEGIN ") + dhLabel + "-----\n")) {
        *error = tr("OpenSSL wrote the DH parameters in another form than PKCS#3 (BEGIN DH PARAMETERS)");
        return QByteArray();
    }
    return pem;
}

DhFileInfo DhParameters::inspect(const QByteArray &pem)
{
    if (pem.size() > maxFileSize)
        return invalid(tr("the file is larger than 1 MiB: it is not a DH parameter file"));
    if (isBlank(pem))
        return invalid(tr("the file is empty"));

    QList<PemBlock> blocks;
    QString error;
    if (!splitPem(pem, &blocks, &error))
        return invalid(error);
    if (blocks.isEmpty())
        return invalid(tr("the file holds no PEM block: DH parameters start with -----BEGIN DH PARAMETERS-----"));
    if (blocks.size() > 1) {
        QStringList labels;
        for (const PemBlock &block : blocks)
            labels.append(QString::fromLatin1(block.label));
        return invalid(tr("the file holds %1 PEM blocks (%2); a DH parameter file holds one, DH PARAMETERS")
                           .arg(blocks.size())
                           .arg(labels.join(QStringLiteral(", "))));
    }
    const PemBlock &block = blocks.constFirst();
    if (block.label != dhLabel)
        return invalid(notDhParameters(block.label));

    const Owned<BIO> bio(BIO_new_mem_buf(block.text.constData(), int(block.text.size())));
    EVP_PKEY *key = nullptr;
    const Owned<OSSL_DECODER_CTX> decoder(OSSL_DECODER_CTX_new_for_pkey(
        &key, "PEM", "type-specific", "DH", OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS, nullptr, nullptr));
    if (!bio || !decoder || OSSL_DECODER_from_bio(decoder.get(), bio.get()) <= 0 || key == nullptr) {
        EVP_PKEY_free(key);
        ERR_clear_error();
        return invalid(tr("the DH PARAMETERS block is damaged: it does not decode as PKCS#3 DH parameters"));
    }
    const Owned<EVP_PKEY> owned(key);
    BIGNUM *p = nullptr;
    BIGNUM *g = nullptr;
    const bool gotP = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p) > 0;
    const Owned<BIGNUM> ownedP(p);
    const bool gotG = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_G, &g) > 0;
    const Owned<BIGNUM> ownedG(g);
    if (!gotP || !gotG) {
        ERR_clear_error();
        return invalid(tr("the DH PARAMETERS block is damaged: it lacks the prime or the generator"));
    }

    DhFileInfo info;
    info.bits = BN_num_bits(p);
    info.prime = bnBytes(p);
    info.generator = bnBytes(g);
    if (info.bits > maxModulusBits)
        return invalid(
            tr("the prime has %1 bits, more than the %2 OpenSSL accepts").arg(info.bits).arg(maxModulusBits));
    if (!BN_is_odd(p) || info.bits < 3)
        return invalid(tr("the prime is not a prime (it is even or below 3): the DH parameters are broken"));
    const Owned<BIGNUM> pMinusOne(BN_dup(p));
    if (!pMinusOne || !BN_sub_word(pMinusOne.get(), 1))
        return invalid(takeOpenSslError());
    if (BN_cmp(g, BN_value_one()) <= 0 || BN_cmp(g, pMinusOne.get()) >= 0)
        return invalid(tr("the generator is not between 2 and the prime minus 2: the DH parameters are broken"));

    info.group = KnownDhGroups::identify(info.prime);
    // OpenSSL names the group only when prime and generator both match RFC
    // 7919's.
    const bool rfc7919 = info.group && groupName(key).startsWith(QLatin1String("ffdhe"));
    if (info.bits < 2048)
        info.verdict = info.group && info.group->widelyShared && info.bits <= 1024 ? DhFileInfo::Verdict::WeakShared
                                                                                   : DhFileInfo::Verdict::Weak;
    else if (rfc7919)
        info.verdict = DhFileInfo::Verdict::Rfc7919;
    else if (info.group)
        info.verdict = DhFileInfo::Verdict::Published;
    else
        info.verdict = DhFileInfo::Verdict::Unique;
    return info;
}

DhFileInfo DhParameters::inspectFile(const QString &path)
{
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return invalid(tr("there is no such file"));
    if (fileInfo.isDir())
        return invalid(tr("it is a folder, not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(tr("cannot be read: %1").arg(file.errorString()));
    // One byte past the limit tells a file at the limit from a larger one,
    // and a device that never ends (/dev/zero) is not read to its end.
    const QByteArray data = file.read(maxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return invalid(tr("cannot be read: %1").arg(file.errorString()));
    return inspect(data);
}

QString DhParameters::summary(const DhFileInfo &info)
{
    const QString group = info.group ? info.group->name : tr("a group of its own");
    switch (info.verdict) {
    case DhFileInfo::Verdict::Invalid:
        return info.error;
    case DhFileInfo::Verdict::WeakShared:
        return tr("%1 bits, %2, shared by many servers (Logjam): replace it").arg(info.bits).arg(group);
    case DhFileInfo::Verdict::Weak:
        return tr("%1 bits, %2: under the 2048 bits advised today (Logjam): replace it").arg(info.bits).arg(group);
    case DhFileInfo::Verdict::Rfc7919:
        if (info.bits < 3072)
            return tr("%1 bits, RFC 7919 group %2: acceptable; a group of 3072 bits or more is today's advice")
                .arg(info.bits)
                .arg(group);
        return tr("%1 bits, RFC 7919 group %2: fine").arg(info.bits).arg(group);
    case DhFileInfo::Verdict::Published:
        return tr("%1 bits, %2: fine").arg(info.bits).arg(info.group->title());
    case DhFileInfo::Verdict::Unique:
        return tr("%1 bits, %2: fine").arg(info.bits).arg(group);
    }
    return QString();
}

bool DhParameters::writePem(const QString &path, const QByteArray &pem, QString *error)
{
    if (pem.isEmpty()) {
        *error = tr("nothing to write to %1").arg(path);
        return false;
    }
    const QByteArray native = QFile::encodeName(path);
    struct stat existing = {};
    const bool replacing = ::stat(native.constData(), &existing) == 0;
    if (replacing && !S_ISREG(existing.st_mode)) {
        *error = tr("%1 is not a regular file").arg(path);
        return false;
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // The temporary file gets the target's final owner and mode before a byte
    // is written, so the renamed file is never briefly someone else's.
    const int fd = file.handle();
    if (replacing && (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid())
        && ::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
        const int code = errno;
        file.cancelWriting();
        *error = tr("cannot give the new %1 the owner and group of the file it replaces (%2:%3): %4")
                     .arg(path, QString::number(existing.st_uid), QString::number(existing.st_gid),
                          QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    const mode_t mode = replacing ? (existing.st_mode & 07777) : mode_t(0644);
    if (::fchmod(fd, mode) != 0) {
        const int code = errno;
        file.cancelWriting();
        *error = tr("cannot set the mode of the new %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    if (file.write(pem) != pem.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mailtls
