#include <memory>

#include <QtTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "models/tls/knowndhgroups.h"

using namespace mailtls;

namespace {

QByteArray bnBytes(const BIGNUM *bn)
{
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

// The prime as a server would send it, from OpenSSL's own group tables: the
// test looks groups up the way a handshake would hand them over.
QByteArray opensslPrime(const QByteArray &group)
{
    if (group == "rfc2409_768" || group == "rfc2409_1024") {
        BIGNUM *p = group == "rfc2409_768" ? BN_get_rfc2409_prime_768(nullptr)
                                           : BN_get_rfc2409_prime_1024(nullptr);
        const QByteArray bytes = bnBytes(p);
        BN_free(p);
        return bytes;
    }
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY *key = nullptr;
    QByteArray name = group;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name.data(), 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray bytes;
    BIGNUM *p = nullptr;
    if (ctx && EVP_PKEY_paramgen_init(ctx) > 0 && EVP_PKEY_CTX_set_params(ctx, params) > 0
        && EVP_PKEY_paramgen(ctx, &key) > 0 && EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p) > 0)
        bytes = bnBytes(p);
    BN_free(p);
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    return bytes;
}

} // namespace

class TestKnownDhGroups : public QObject
{
    Q_OBJECT

private slots:
    void identifiesEachGroup_data();
    void identifiesEachGroup();
    void allIsSortedAndComplete();
    void leadingZeroBytesAreIgnored();
    void unknownPrimes_data();
    void unknownPrimes();
};

void TestKnownDhGroups::identifiesEachGroup_data()
{
    QTest::addColumn<QByteArray>("group");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("bits");
    // The first 128 bits as the RFCs print them: a check that the catalog
    // holds the RFC's prime and not merely one of the right size.
    QTest::addColumn<QByteArray>("hexStart");

    const QByteArray oakley = "ffffffffffffffffc90fdaa22168c234";
    const QByteArray ffdhe = "ffffffffffffffffadf85458a2bb4a9a";
    QTest::newRow("oakley 1") << QByteArray("rfc2409_768") << QStringLiteral("RFC 2409 Oakley group 1")
                              << QStringLiteral("RFC 2409") << 768 << oakley;
    QTest::newRow("oakley 2") << QByteArray("rfc2409_1024") << QStringLiteral("RFC 2409 Oakley group 2")
                              << QStringLiteral("RFC 2409") << 1024 << oakley;
    QTest::newRow("rfc5114 1024/160")
        << QByteArray("dh_1024_160") << QStringLiteral("RFC 5114 group 22 (1024-bit prime, 160-bit subgroup)")
        << QStringLiteral("RFC 5114") << 1024 << QByteArray("b10b8f96a080e01dde92de5eae5d54ec");
    QTest::newRow("rfc5114 2048/224")
        << QByteArray("dh_2048_224") << QStringLiteral("RFC 5114 group 23 (2048-bit prime, 224-bit subgroup)")
        << QStringLiteral("RFC 5114") << 2048 << QByteArray("ad107e1e9123a9d0d660faa79559c51f");
    QTest::newRow("rfc5114 2048/256")
        << QByteArray("dh_2048_256") << QStringLiteral("RFC 5114 group 24 (2048-bit prime, 256-bit subgroup)")
        << QStringLiteral("RFC 5114") << 2048 << QByteArray("87a8e61db4b6663cffbbd19c65195999");
    QTest::newRow("modp 1536") << QByteArray("modp_1536") << QStringLiteral("RFC 3526 MODP group 5")
                               << QStringLiteral("RFC 3526") << 1536 << oakley;
    QTest::newRow("modp 2048") << QByteArray("modp_2048") << QStringLiteral("RFC 3526 MODP group 14")
                               << QStringLiteral("RFC 3526; Postfix 3.7's default with OpenSSL 3") << 2048
                               << oakley;
    QTest::newRow("modp 3072") << QByteArray("modp_3072") << QStringLiteral("RFC 3526 MODP group 15")
                               << QStringLiteral("RFC 3526") << 3072 << oakley;
    QTest::newRow("modp 4096") << QByteArray("modp_4096") << QStringLiteral("RFC 3526 MODP group 16")
                               << QStringLiteral("RFC 3526") << 4096 << oakley;
    QTest::newRow("modp 6144") << QByteArray("modp_6144") << QStringLiteral("RFC 3526 MODP group 17")
                               << QStringLiteral("RFC 3526") << 6144 << oakley;
    QTest::newRow("modp 8192") << QByteArray("modp_8192") << QStringLiteral("RFC 3526 MODP group 18")
                               << QStringLiteral("RFC 3526") << 8192 << oakley;
    for (int bits : {2048, 3072, 4096, 6144, 8192}) {
        const QByteArray name = "ffdhe" + QByteArray::number(bits);
        QTest::newRow(name.constData()) << name << QString::fromLatin1(name) << QStringLiteral("RFC 7919") << bits
                                        << ffdhe;
    }
}

void TestKnownDhGroups::identifiesEachGroup()
{
    QFETCH(QByteArray, group);
    QFETCH(QString, name);
    QFETCH(QString, source);
    QFETCH(int, bits);
    QFETCH(QByteArray, hexStart);

    const QByteArray prime = opensslPrime(group);
    QCOMPARE(prime.size(), bits / 8);
    QCOMPARE(prime.left(16).toHex(), hexStart);

    const std::optional<KnownDhGroup> known = KnownDhGroups::identify(prime);
    QVERIFY(known.has_value());
    QCOMPARE(known->name, name);
    QCOMPARE(known->source, source);
    QCOMPARE(known->bits, bits);
    QVERIFY(known->widelyShared);
}

void TestKnownDhGroups::allIsSortedAndComplete()
{
    const QList<KnownDhGroup> groups = KnownDhGroups::all();
    QCOMPARE(groups.size(), 16);
    QStringList names;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        names.append(groups.at(i).name);
        QVERIFY(groups.at(i).widelyShared);
        if (i > 0)
            QVERIFY2(groups.at(i - 1).bits <= groups.at(i).bits, qPrintable(groups.at(i).name));
    }
    QCOMPARE(groups.first().name, QStringLiteral("RFC 2409 Oakley group 1"));
    QCOMPARE(groups.first().bits, 768);
    QCOMPARE(groups.last().bits, 8192);
    // Each name once.
    QStringList unique = names;
    unique.removeDuplicates();
    QCOMPARE(unique.size(), names.size());
}

void TestKnownDhGroups::leadingZeroBytesAreIgnored()
{
    const QByteArray prime = opensslPrime("rfc2409_1024");
    const std::optional<KnownDhGroup> padded = KnownDhGroups::identify(QByteArray(1, '\0') + prime);
    QVERIFY(padded.has_value());
    QCOMPARE(padded->name, QStringLiteral("RFC 2409 Oakley group 2"));
    const std::optional<KnownDhGroup> morePadded = KnownDhGroups::identify(QByteArray(3, '\0') + prime);
    QVERIFY(morePadded.has_value());
    QCOMPARE(morePadded->bits, 1024);
}

void TestKnownDhGroups::unknownPrimes_data()
{
    QTest::addColumn<QByteArray>("prime");

    BIGNUM *random = BN_new();
    QVERIFY(BN_generate_prime_ex(random, 1024, 0, nullptr, nullptr, nullptr) == 1);
    QTest::newRow("a fresh 1024-bit prime") << bnBytes(random);
    BN_free(random);

    QByteArray flipped = opensslPrime("ffdhe2048");
    flipped[100] = char(flipped.at(100) ^ 0x10);
    QTest::newRow("ffdhe2048 with one bit flipped") << flipped;
    QTest::newRow("ffdhe2048 without its last byte") << opensslPrime("ffdhe2048").chopped(1);
    QTest::newRow("ffdhe2048 with a byte more") << opensslPrime("ffdhe2048") + '\xff';
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("zeros only") << QByteArray(256, '\0');
}

void TestKnownDhGroups::unknownPrimes()
{
    QFETCH(QByteArray, prime);
    QVERIFY(!KnownDhGroups::identify(prime).has_value());
}

QTEST_GUILESS_MAIN(TestKnownDhGroups)
#include "tst_knowndhgroups.moc"
