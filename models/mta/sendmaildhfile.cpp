#include "models/mta/sendmaildhfile.h"

#include <memory>

#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace mailtls {

namespace {

struct OpenSslDeleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(OSSL_DECODER_CTX *p) const { OSSL_DECODER_CTX_free(p); }
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
template<typename T> using Owned = std::unique_ptr<T, OpenSslDeleter>;

struct Block
{
    QByteArray label;
    QByteArray text;
};

// The complete PEM blocks of `data`, in order.
QList<Block> pemBlocks(const QByteArray &data)
{
    QList<Block> blocks;
    Block open;
    bool inBlock = false;
    for (QByteArray line : data.split('\n')) {
        while (line.endsWith('\r') || line.endsWith(' ') || line.endsWith('\t'))
            line.chop(1);
        if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.size() > 16) {
            open = Block {line.mid(11, line.size() - 16), line + '\n'};
            inBlock = true;
            continue;
        }
        if (!inBlock)
            continue;
        open.text += line + '\n';
        if (line == "-----END " + open.label + "-----") {
            blocks.append(open);
            inBlock = false;
        }
    }
    return blocks;
}

// The group of an X9.42 block as PKCS#3 PEM (prime and generator; the
// subgroup order is not part of what a TLS server sends).
QByteArray pkcs3FromX942(const QByteArray &block, QString *error)
{
    const Owned<BIO> bio(BIO_new_mem_buf(block.constData(), int(block.size())));
    EVP_PKEY *decoded = nullptr;
    const Owned<OSSL_DECODER_CTX> decoder(OSSL_DECODER_CTX_new_for_pkey(
        &decoded, "PEM", "type-specific", "DHX", OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS, nullptr, nullptr));
    if (!bio || !decoder || OSSL_DECODER_from_bio(decoder.get(), bio.get()) <= 0 || decoded == nullptr) {
        EVP_PKEY_free(decoded);
        ERR_clear_error();
        *error = SendmailDhFile::tr("the X9.42 DH PARAMETERS block is damaged: it does not decode");
        return QByteArray();
    }
    const Owned<EVP_PKEY> key(decoded);
    BIGNUM *p = nullptr;
    BIGNUM *g = nullptr;
    const bool gotP = EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_FFC_P, &p) > 0;
    const Owned<BIGNUM> ownedP(p);
    const bool gotG = EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_FFC_G, &g) > 0;
    const Owned<BIGNUM> ownedG(g);
    if (!gotP || !gotG) {
        ERR_clear_error();
        *error = SendmailDhFile::tr("the X9.42 DH PARAMETERS block lacks the prime or the generator");
        return QByteArray();
    }
    const Owned<OSSL_PARAM_BLD> build(OSSL_PARAM_BLD_new());
    if (!build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_FFC_P, p) <= 0
        || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_FFC_G, g) <= 0) {
        ERR_clear_error();
        *error = SendmailDhFile::tr("OpenSSL cannot take the group out of the X9.42 block");
        return QByteArray();
    }
    const Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(build.get()));
    const Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    EVP_PKEY *dh = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &dh, EVP_PKEY_KEY_PARAMETERS, params.get()) <= 0 || dh == nullptr) {
        EVP_PKEY_free(dh);
        ERR_clear_error();
        *error = SendmailDhFile::tr("OpenSSL cannot take the group out of the X9.42 block");
        return QByteArray();
    }
    const Owned<EVP_PKEY> owned(dh);
    return DhParameters::encodePem(dh, error);
}

DhFileInfo invalid(const QString &error)
{
    DhFileInfo info;
    info.verdict = DhFileInfo::Verdict::Invalid;
    info.error = error;
    return info;
}

} // namespace

DhFileInfo SendmailDhFile::inspect(const QByteArray &data, QString *note)
{
    if (note != nullptr)
        note->clear();
    if (data.size() > DhParameters::maxFileSize)
        return DhParameters::inspect(data);
    const QList<Block> blocks = pemBlocks(data);
    qsizetype chosen = -1;
    for (qsizetype i = 0; i < blocks.size() && chosen < 0; ++i) {
        if (blocks.at(i).label == "DH PARAMETERS" || blocks.at(i).label == "X9.42 DH PARAMETERS")
            chosen = i;
    }
    // No block Sendmail reads: DhParameters says what the file is instead.
    if (chosen < 0)
        return DhParameters::inspect(data);
    const Block &block = blocks.at(chosen);
    QStringList others;
    for (qsizetype i = 0; i < blocks.size(); ++i)
        if (i != chosen)
            others.append(QString::fromLatin1(blocks.at(i).label));
    DhFileInfo info;
    if (block.label == "DH PARAMETERS") {
        info = DhParameters::inspect(block.text);
    } else {
        QString error;
        const QByteArray pem = pkcs3FromX942(block.text, &error);
        info = pem.isEmpty() ? invalid(error) : DhParameters::inspect(pem);
    }
    if (note != nullptr) {
        QStringList remarks;
        if (block.label != "DH PARAMETERS")
            remarks.append(tr("the group is an X9.42 DH PARAMETERS block, which Sendmail reads"));
        if (!others.isEmpty())
            remarks.append(tr("Sendmail skips the file's other blocks: %1").arg(others.join(QStringLiteral(", "))));
        *note = remarks.join(QStringLiteral("; "));
    }
    return info;
}

DhFileInfo SendmailDhFile::inspectFile(const QString &path, QString *note)
{
    if (note != nullptr)
        note->clear();
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists() || fileInfo.isDir())
        return DhParameters::inspectFile(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DhParameters::inspectFile(path);
    const QByteArray data = file.read(DhParameters::maxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return DhParameters::inspectFile(path);
    return inspect(data, note);
}

} // namespace mailtls
