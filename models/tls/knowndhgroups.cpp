#include "models/tls/knowndhgroups.h"

#include <algorithm>
#include <memory>

#include <QHash>
#include <QList>
#include <QtGlobal>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace mailtls {

namespace {

// Names and sources stay untranslated in the table (it is built once, maybe
// before a translator is installed) and are translated on the way out.
struct Entry
{
    QByteArray prime; // big-endian, no leading zero bytes
    const char *name = nullptr;
    const char *source = nullptr;
    int bits = 0;
};

struct BnDeleter
{
    void operator()(BIGNUM *bn) const { BN_free(bn); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

QByteArray toBytes(const BIGNUM *bn)
{
    if (bn == nullptr)
        return {};
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

// The prime of one of OpenSSL's named FFC groups: the constants come from
// OpenSSL itself, never typed in here.
QByteArray namedGroupPrime(const char *groupName)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    if (ctx == nullptr)
        return {};
    EVP_PKEY *key = nullptr;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char *>(groupName), 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray prime;
    if (EVP_PKEY_paramgen_init(ctx) > 0 && EVP_PKEY_CTX_set_params(ctx, params) > 0
        && EVP_PKEY_paramgen(ctx, &key) > 0) {
        BIGNUM *p = nullptr;
        if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p) > 0) {
            const BnPtr owned(p);
            prime = toBytes(p);
        }
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    return prime;
}

QByteArray rfc2409Prime(BIGNUM *(*get)(BIGNUM *))
{
    const BnPtr p(get(nullptr));
    return toBytes(p.get());
}

QByteArray withoutLeadingZeros(const QByteArray &prime)
{
    qsizetype first = 0;
    while (first < prime.size() && prime.at(first) == '\0')
        ++first;
    return prime.mid(first);
}

struct Table
{
    QList<Entry> entries; // smallest first
    QHash<QByteArray, qsizetype> byPrime;
};

Table buildTable()
{
    struct Source
    {
        const char *groupName; // OpenSSL's name, or nullptr for an RFC 2409 prime
        BIGNUM *(*rfc2409)(BIGNUM *);
        const char *name;
        const char *source;
    };
    // Postfix 3.7 with OpenSSL 3 and an empty smtpd_tls_dh1024_param_file lets
    // OpenSSL choose the group (SSL_CTX_set_dh_auto); a probe of Debian 12's
    // Postfix 3.7.11 with a 2048-bit RSA key showed the RFC 3526 2048-bit prime.
    static const Source sources[] = {
        {nullptr, BN_get_rfc2409_prime_768, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 2409 Oakley group 1"), "RFC 2409"},
        {nullptr, BN_get_rfc2409_prime_1024, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 2409 Oakley group 2"), "RFC 2409"},
        {"dh_1024_160", nullptr,
         QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 5114 group 22 (1024-bit prime, 160-bit subgroup)"), "RFC 5114"},
        {"modp_1536", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 5"), "RFC 3526"},
        {"ffdhe2048", nullptr, "ffdhe2048", "RFC 7919"},
        {"modp_2048", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 14"),
         QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526; Postfix 3.7's default with OpenSSL 3")},
        {"dh_2048_224", nullptr,
         QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 5114 group 23 (2048-bit prime, 224-bit subgroup)"), "RFC 5114"},
        {"dh_2048_256", nullptr,
         QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 5114 group 24 (2048-bit prime, 256-bit subgroup)"), "RFC 5114"},
        {"ffdhe3072", nullptr, "ffdhe3072", "RFC 7919"},
        {"modp_3072", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 15"), "RFC 3526"},
        {"ffdhe4096", nullptr, "ffdhe4096", "RFC 7919"},
        {"modp_4096", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 16"), "RFC 3526"},
        {"ffdhe6144", nullptr, "ffdhe6144", "RFC 7919"},
        {"modp_6144", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 17"), "RFC 3526"},
        {"ffdhe8192", nullptr, "ffdhe8192", "RFC 7919"},
        {"modp_8192", nullptr, QT_TRANSLATE_NOOP("KnownDhGroups", "RFC 3526 MODP group 18"), "RFC 3526"},
    };

    Table table;
    for (const Source &source : sources) {
        Entry entry;
        entry.prime = withoutLeadingZeros(source.groupName != nullptr ? namedGroupPrime(source.groupName)
                                                                      : rfc2409Prime(source.rfc2409));
        if (entry.prime.isEmpty()) {
            // An OpenSSL built without this group (a FIPS-only provider, say):
            // the catalog is smaller, identify() still works for the rest.
            qWarning("KnownDhGroups: OpenSSL does not provide %s", source.name);
            continue;
        }
        entry.name = source.name;
        entry.source = source.source;
        const BnPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(entry.prime.constData()),
                                 int(entry.prime.size()), nullptr));
        entry.bits = BN_num_bits(bn.get());
        table.entries.append(entry);
    }
    std::stable_sort(table.entries.begin(), table.entries.end(),
                     [](const Entry &a, const Entry &b) { return a.bits < b.bits; });
    for (qsizetype i = 0; i < table.entries.size(); ++i)
        table.byPrime.insert(table.entries.at(i).prime, i);
    return table;
}

const Table &table()
{
    // A function-local static is initialised once, thread-safely (C++11).
    static const Table instance = buildTable();
    return instance;
}

KnownDhGroup toGroup(const Entry &entry)
{
    KnownDhGroup group;
    group.name = KnownDhGroups::tr(entry.name);
    group.source = KnownDhGroups::tr(entry.source);
    group.bits = entry.bits;
    // Every group here is a fixed, published prime that many servers use.
    group.widelyShared = true;
    return group;
}

} // namespace

std::optional<KnownDhGroup> KnownDhGroups::identify(const QByteArray &prime)
{
    const Table &known = table();
    const auto it = known.byPrime.constFind(withoutLeadingZeros(prime));
    if (it == known.byPrime.constEnd())
        return std::nullopt;
    return toGroup(known.entries.at(it.value()));
}

QList<KnownDhGroup> KnownDhGroups::all()
{
    QList<KnownDhGroup> groups;
    for (const Entry &entry : table().entries)
        groups.append(toGroup(entry));
    return groups;
}

} // namespace mailtls
