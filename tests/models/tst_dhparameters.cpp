#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"
#include "models/tls/knowndhgroups.h"

using namespace mailtls;

namespace {

QByteArray bnBytes(const BIGNUM *bn)
{
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    return bytes;
}

QByteArray derLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, char(length));
    QByteArray bytes;
    for (; length > 0; length >>= 8)
        bytes.prepend(char(length & 0xff));
    return char(0x80 | bytes.size()) + bytes;
}

// A DER INTEGER of an unsigned big-endian number.
QByteArray derInteger(QByteArray value)
{
    while (value.size() > 1 && value.at(0) == '\0')
        value.remove(0, 1);
    if (value.isEmpty())
        value = QByteArray(1, '\0');
    if (quint8(value.at(0)) & 0x80)
        value.prepend('\0');
    return '\x02' + derLength(value.size()) + value;
}

QByteArray pemOf(const char *label, const QByteArray &der)
{
    QByteArray pem = QByteArray("-----BEGIN ") + label + "-----\n";
    const QByteArray base64 = der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    return pem + "-----END " + label + "-----\n";
}

// PKCS#3 DHparams written here, not by OpenSSL: the file a server would hold.
QByteArray dhPem(const QByteArray &prime, const QByteArray &generator)
{
    const QByteArray body = derInteger(prime) + derInteger(generator);
    return pemOf("DH PARAMETERS", '\x30' + derLength(body.size()) + body);
}

QByteArray oakleyPrime(BIGNUM *(*get)(BIGNUM *))
{
    BIGNUM *p = get(nullptr);
    const QByteArray bytes = bnBytes(p);
    BN_free(p);
    return bytes;
}

// The prime of one of OpenSSL's named groups ("modp_1536", "ffdhe2048", …).
QByteArray namedPrime(const char *group)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    EVP_PKEY *key = nullptr;
    QByteArray name(group);
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

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

// X9.42 parameters (p, q, g) as OpenSSL writes them, of RFC 5114 group 22.
QByteArray x942Pem()
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr);
    EVP_PKEY *key = nullptr;
    char name[] = "dh_1024_160";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name, 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray pem;
    if (ctx && EVP_PKEY_paramgen_init(ctx) > 0 && EVP_PKEY_CTX_set_params(ctx, params) > 0
        && EVP_PKEY_paramgen(ctx, &key) > 0) {
        BIO *bio = BIO_new(BIO_s_mem());
        if (PEM_write_bio_Parameters(bio, key) > 0)
            pem = bioText(bio);
        BIO_free(bio);
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    return pem;
}

// A P-256 key, and a self-signed certificate for it, as PEM.
struct KeyFiles
{
    QByteArray privateKey;
    QByteArray publicKey;
    QByteArray certificate;
};

KeyFiles keyFiles()
{
    KeyFiles files;
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (key == nullptr)
        return files;
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    files.privateKey = bioText(bio);
    BIO_free(bio);
    bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    files.publicKey = bioText(bio);
    BIO_free(bio);

    X509 *cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("dh.example.test"), -1,
                               -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    if (X509_sign(cert, key, EVP_sha256()) > 0) {
        bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, cert);
        files.certificate = bioText(bio);
        BIO_free(bio);
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(07777);
}

const char *const ffdheStart = "ffffffffffffffffadf85458a2bb4a9a";

} // namespace

class TestDhParameters final : public QObject
{
    Q_OBJECT

private slots:
    void rfc7919Pem_data();
    void rfc7919Pem();
    void rfc7919PemRefusesOtherNames_data();
    void rfc7919PemRefusesOtherNames();
    void inspectsGroups_data();
    void inspectsGroups();
    void inspectsGeneratedGroup();
    void rejects_data();
    void rejects();
    void rejectsOtherPem_data();
    void rejectsOtherPem();
    void inspectFile();
    void writeNewFile();
    void writeReplacesWholeKeepingMode();
    void writeKeepsOwner();
    void writeThroughSymlink();
    void writeRefusals();
    void writeIntoReadOnlyFolder();
};

void TestDhParameters::rfc7919Pem_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("summary");

    QTest::newRow("ffdhe2048") << "ffdhe2048" << 2048
                               << "2048 bits, RFC 7919 group ffdhe2048: acceptable; a group of 3072 bits or more is "
                                  "today's advice";
    QTest::newRow("ffdhe3072") << "ffdhe3072" << 3072 << "3072 bits, RFC 7919 group ffdhe3072: fine";
    QTest::newRow("ffdhe4096") << "ffdhe4096" << 4096 << "4096 bits, RFC 7919 group ffdhe4096: fine";
    QTest::newRow("ffdhe6144") << "ffdhe6144" << 6144 << "6144 bits, RFC 7919 group ffdhe6144: fine";
    QTest::newRow("ffdhe8192") << "ffdhe8192" << 8192 << "8192 bits, RFC 7919 group ffdhe8192: fine";
}

void TestDhParameters::rfc7919Pem()
{
    QFETCH(QString, group);
    QFETCH(int, bits);
    QFETCH(QString, summary);

    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(group, &error);
    QCOMPARE(error, QString());
    // Byte for byte the PKCS#3 file built here from OpenSSL's prime, g = 2.
    QCOMPARE(pem, dhPem(namedPrime(group.toLatin1().constData()), QByteArray(1, '\x02')));

    // OpenSSL reads it back as that group.
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_Parameters(bio, nullptr);
    BIO_free(bio);
    QVERIFY(key != nullptr);
    QVERIFY(EVP_PKEY_is_a(key, "DH"));
    QCOMPARE(EVP_PKEY_get_bits(key), bits);
    char name[32] = {};
    size_t length = 0;
    QVERIFY(EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &length) > 0);
    QCOMPARE(QString::fromLatin1(name), group);
    BIGNUM *p = nullptr;
    QVERIFY(EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p) > 0);
    const QByteArray prime = bnBytes(p);
    BN_free(p);
    EVP_PKEY_free(key);

    const std::optional<KnownDhGroup> known = KnownDhGroups::identify(prime);
    QVERIFY(known);
    QCOMPARE(known->name, group);
    QCOMPARE(known->source, QStringLiteral("RFC 7919"));
    QCOMPARE(known->bits, bits);

    const DhFileInfo info = DhParameters::inspect(pem);
    QCOMPARE(info.error, QString());
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Rfc7919);
    QCOMPARE(info.bits, bits);
    QCOMPARE(info.prime, prime);
    QCOMPARE(info.prime.left(16).toHex(), QByteArray(ffdheStart));
    QCOMPARE(info.generator, QByteArray(1, '\x02'));
    QVERIFY(info.group);
    QCOMPARE(info.group->name, group);
    QVERIFY(info.isFine());
    QCOMPARE(DhParameters::summary(info), summary);
}

void TestDhParameters::rfc7919PemRefusesOtherNames_data()
{
    QTest::addColumn<QString>("group");
    QTest::newRow("empty") << "";
    QTest::newRow("modp_2048") << "modp_2048";
    QTest::newRow("ffdhe1024") << "ffdhe1024";
    QTest::newRow("upper case") << "FFDHE2048";
}

void TestDhParameters::rfc7919PemRefusesOtherNames()
{
    QFETCH(QString, group);
    QString error;
    QCOMPARE(DhParameters::rfc7919Pem(group, &error), QByteArray());
    QCOMPARE(error,
             QStringLiteral("\"%1\" is not an RFC 7919 group (ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144, "
                            "ffdhe8192)")
                 .arg(group));
}

void TestDhParameters::inspectsGroups_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<DhFileInfo::Verdict>("verdict");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QByteArray>("generator");
    QTest::addColumn<QString>("summary");

    using V = DhFileInfo::Verdict;
    const QByteArray two(1, '\x02');
    const QByteArray oakley2 = dhPem(oakleyPrime(BN_get_rfc2409_prime_1024), two);
    QTest::newRow("Oakley group 2") << oakley2 << V::WeakShared << 1024 << "RFC 2409 Oakley group 2" << two
                                    << "1024 bits, RFC 2409 Oakley group 2, shared by many servers (Logjam): "
                                       "replace it";
    QTest::newRow("Oakley group 1") << dhPem(oakleyPrime(BN_get_rfc2409_prime_768), two) << V::WeakShared << 768
                                    << "RFC 2409 Oakley group 1" << two
                                    << "768 bits, RFC 2409 Oakley group 1, shared by many servers (Logjam): replace "
                                       "it";
    // Published, but out of reach of a precomputation: small, not shared.
    QTest::newRow("RFC 3526 group 5") << dhPem(namedPrime("modp_1536"), two) << V::Weak << 1536
                                      << "RFC 3526 MODP group 5" << two
                                      << "1536 bits, RFC 3526 MODP group 5: under the 2048 bits advised today "
                                         "(Logjam): replace it";
    QTest::newRow("RFC 3526 group 14") << dhPem(namedPrime("modp_2048"), two) << V::Published << 2048
                                       << "RFC 3526 MODP group 14" << two
                                       << "2048 bits, RFC 3526 MODP group 14 (Postfix 3.7's default with OpenSSL 3): "
                                          "fine";
    // RFC 7919's prime with another generator is not RFC 7919's group.
    const QByteArray five(1, '\x05');
    QTest::newRow("ffdhe2048 prime, g=5") << dhPem(namedPrime("ffdhe2048"), five) << V::Published << 2048 << "ffdhe2048"
                                          << five << "2048 bits, ffdhe2048 (RFC 7919): fine";
    // Inspection does not test primality: an odd number of 2048 bits that no
    // RFC publishes stands for a group of its own.
    QByteArray own = namedPrime("ffdhe2048");
    own[own.size() - 1] = char(quint8(own.at(own.size() - 1)) - 2);
    QTest::newRow("group of its own") << dhPem(own, two) << V::Unique << 2048 << QString() << two
                                      << "2048 bits, a group of its own: fine";
    QTest::newRow("text before the block (openssl dhparam -text)")
        << QByteArray("    DH Parameters: (1024 bit)\n        P: ...\n        G:    2 (0x2)\n") + oakley2
        << V::WeakShared << 1024 << "RFC 2409 Oakley group 2" << two
        << "1024 bits, RFC 2409 Oakley group 2, shared by many servers (Logjam): replace it";
    QTest::newRow("CRLF line ends") << QByteArray(oakley2).replace("\n", "\r\n") << V::WeakShared << 1024
                                    << "RFC 2409 Oakley group 2" << two
                                    << "1024 bits, RFC 2409 Oakley group 2, shared by many servers (Logjam): "
                                       "replace it";
    QTest::newRow("no newline at the end")
        << oakley2.chopped(1) << V::WeakShared << 1024 << "RFC 2409 Oakley group 2" << two
        << "1024 bits, RFC 2409 Oakley group 2, shared by many servers (Logjam): "
           "replace it";
}

void TestDhParameters::inspectsGroups()
{
    QFETCH(QByteArray, pem);
    QFETCH(DhFileInfo::Verdict, verdict);
    QFETCH(int, bits);
    QFETCH(QString, group);
    QFETCH(QByteArray, generator);
    QFETCH(QString, summary);

    const DhFileInfo info = DhParameters::inspect(pem);
    QCOMPARE(info.error, QString());
    QCOMPARE(info.verdict, verdict);
    QCOMPARE(info.bits, bits);
    QCOMPARE(info.prime.size(), bits / 8);
    QCOMPARE(info.generator, generator);
    QCOMPARE(info.group ? info.group->name : QString(), group);
    QCOMPARE(info.isValid(), true);
    QCOMPARE(info.isFine(), bits >= 2048);
    QCOMPARE(DhParameters::summary(info), summary);
}

void TestDhParameters::inspectsGeneratedGroup()
{
    DhGenerator generator;
    QSignalSpy finished(&generator, &DhGenerator::finished);
    QVERIFY(generator.start(512));
    QVERIFY(finished.wait(60000));
    const QByteArray pem = finished.constFirst().constFirst().toByteArray();

    const DhFileInfo info = DhParameters::inspect(pem);
    QCOMPARE(info.error, QString());
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Weak);
    QCOMPARE(info.bits, 512);
    QCOMPARE(info.generator, QByteArray(1, '\x02'));
    QVERIFY(!info.group);
    QCOMPARE(DhParameters::summary(info),
             QStringLiteral("512 bits, a group of its own: under the 2048 bits advised today (Logjam): replace it"));
    // A safe prime p = 2q + 1 with g = 2: p is 23 mod 24, as OpenSSL makes it.
    BIGNUM *p
        = BN_bin2bn(reinterpret_cast<const unsigned char *>(info.prime.constData()), int(info.prime.size()), nullptr);
    QCOMPARE(quint64(BN_mod_word(p, 24)), quint64(23));
    BN_CTX *ctx = BN_CTX_new();
    QCOMPARE(BN_check_prime(p, ctx, nullptr), 1);
    BN_rshift1(p, p);
    QCOMPARE(BN_check_prime(p, ctx, nullptr), 1);
    BN_CTX_free(ctx);
    BN_free(p);
}

void TestDhParameters::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    const QByteArray two(1, '\x02');
    const QByteArray prime = oakleyPrime(BN_get_rfc2409_prime_1024);
    const QByteArray good = dhPem(prime, two);
    const QString damaged = QStringLiteral("the DH PARAMETERS block is damaged: it does not decode as PKCS#3 DH "
                                           "parameters");
    const QString noBlock = QStringLiteral("the file holds no PEM block: DH parameters start with -----BEGIN DH "
                                           "PARAMETERS-----");

    QTest::newRow("empty") << QByteArray() << "the file is empty";
    QTest::newRow("blank lines") << QByteArray("\n \r\n\t\n") << "the file is empty";
    QTest::newRow("text") << QByteArray("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n") << noBlock;
    QTest::newRow("binary") << QByteArray("\x30\x82\x01\x08\x02\x82\x01\x01\x00\xff\x00\x00", 12) << noBlock;
    QTest::newRow("BEGIN with a lower-case label") << QByteArray("-----BEGIN dh parameters-----\nAAAA\n") << noBlock;
    QByteArray big(DhParameters::maxFileSize + 1, 'A');
    QTest::newRow("1 MiB + 1 byte") << big << "the file is larger than 1 MiB: it is not a DH parameter file";
    big.chop(1);
    QTest::newRow("1 MiB of junk") << big << noBlock;
    QTest::newRow("valid block padded past 1 MiB") << good + QByteArray(DhParameters::maxFileSize, '\n')
                                                   << "the file is larger than 1 MiB: it is not a DH parameter file";
    QTest::newRow("two DH blocks") << good + good
                                   << "the file holds 2 PEM blocks (DH PARAMETERS, DH PARAMETERS); a DH parameter "
                                      "file holds one, DH PARAMETERS";
    QTest::newRow("cut short") << good.left(good.size() / 2)
                               << "the PEM block \"DH PARAMETERS\" has no END line: the file is cut short";
    QTest::newRow("BEGIN inside a block") << good.left(good.indexOf("-----END"))
            + good << "the PEM block \"DH PARAMETERS\" has no END line before the next block begins";
    QTest::newRow("END of another label")
        << QByteArray(good).replace("-----END DH PARAMETERS-----", "-----END CERTIFICATE-----")
        << "the PEM block \"DH PARAMETERS\" ends with \"END CERTIFICATE\": the file is damaged";
    QTest::newRow("not base64") << QByteArray("-----BEGIN DH PARAMETERS-----\n!!!!\n-----END DH PARAMETERS-----\n")
                                << damaged;
    QTest::newRow("empty block") << QByteArray("-----BEGIN DH PARAMETERS-----\n-----END DH PARAMETERS-----\n")
                                 << damaged;
    QByteArray lineMissing = good;
    const qsizetype second = lineMissing.indexOf('\n') + 1;
    lineMissing.remove(second, lineMissing.indexOf('\n', second) + 1 - second);
    QTest::newRow("a line missing") << lineMissing << damaged;
    QTest::newRow("an integer, not a sequence") << pemOf("DH PARAMETERS", derInteger(prime)) << damaged;

    QByteArray even = prime;
    even[even.size() - 1] = char(quint8(even.at(even.size() - 1)) - 1);
    QTest::newRow("even prime") << dhPem(even, two)
                                << "the prime is not a prime (it is even or below 3): the DH parameters are broken";
    const QString badGenerator = QStringLiteral("the generator is not between 2 and the prime minus 2: the DH "
                                                "parameters are broken");
    QTest::newRow("generator 1") << dhPem(prime, QByteArray(1, '\x01')) << badGenerator;
    QByteArray pMinusOne = prime;
    pMinusOne[pMinusOne.size() - 1] = char(quint8(pMinusOne.at(pMinusOne.size() - 1)) - 1);
    QTest::newRow("generator p - 1") << dhPem(prime, pMinusOne) << badGenerator;
    QTest::newRow("generator p") << dhPem(prime, prime) << badGenerator;
    QByteArray huge(10008 / 8, '\xff');
    QTest::newRow("10008-bit prime") << dhPem(huge, two)
                                     << "the prime has 10008 bits, more than the 10000 OpenSSL "
                                        "accepts";
}

void TestDhParameters::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    const DhFileInfo info = DhParameters::inspect(input);
    QCOMPARE(info.error, error);
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Invalid);
    QVERIFY(!info.isValid());
    QVERIFY(!info.isFine());
    QCOMPARE(DhParameters::summary(info), error);
}

void TestDhParameters::rejectsOtherPem_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    const KeyFiles files = keyFiles();
    QVERIFY(!files.certificate.isEmpty());
    const QByteArray x942 = x942Pem();
    QVERIFY(x942.startsWith("-----BEGIN X9.42 DH PARAMETERS-----\n"));
    const QByteArray dh = dhPem(oakleyPrime(BN_get_rfc2409_prime_1024), QByteArray(1, '\x02'));

    QTest::newRow("X9.42") << x942
                           << "the file holds X9.42 DH parameters (BEGIN X9.42 DH PARAMETERS); mail servers read "
                              "PKCS#3 DH parameters (BEGIN DH PARAMETERS): replace it with an RFC 7919 group";
    QTest::newRow("certificate") << files.certificate
                                 << "the file holds a certificate (BEGIN CERTIFICATE), not DH parameters";
    QTest::newRow("private key") << files.privateKey
                                 << "the file holds a private key (BEGIN PRIVATE KEY), not DH parameters";
    QTest::newRow("RSA private key") << pemOf("RSA PRIVATE KEY", QByteArray("\x30\x03\x02\x01\x00", 5))
                                     << "the file holds a private key (BEGIN RSA PRIVATE KEY), not DH parameters";
    QTest::newRow("public key") << files.publicKey
                                << "the file holds a public key (BEGIN PUBLIC KEY), not DH parameters";
    QTest::newRow("certificate request")
        << pemOf("CERTIFICATE REQUEST", QByteArray("\x30\x00", 2))
        << "the file holds a certificate request (BEGIN CERTIFICATE REQUEST), not DH parameters";
    QTest::newRow("EC parameters") << pemOf("EC PARAMETERS", QByteArray("\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07", 10))
                                   << "the file holds elliptic-curve parameters (BEGIN EC PARAMETERS), not DH "
                                      "parameters";
    QTest::newRow("other label") << pemOf("PKCS7", QByteArray("\x30\x00", 2))
                                 << "the file holds a PEM block \"PKCS7\", not DH parameters";
    // A certificate file with DH parameters appended, as some guides suggest.
    QTest::newRow("certificate and DH parameters")
        << files.certificate + dh
        << "the file holds 2 PEM blocks (CERTIFICATE, DH PARAMETERS); a DH parameter file holds one, DH PARAMETERS";
    QTest::newRow("key and certificate")
        << files.privateKey + files.certificate
        << "the file holds 2 PEM blocks (PRIVATE KEY, CERTIFICATE); a DH parameter file holds one, DH PARAMETERS";
}

void TestDhParameters::rejectsOtherPem()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    const DhFileInfo info = DhParameters::inspect(input);
    QCOMPARE(info.error, error);
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Invalid);
}

void TestDhParameters::inspectFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(writeAll(path, DhParameters::rfc7919Pem(QStringLiteral("ffdhe4096"), &error)));

    DhFileInfo info = DhParameters::inspectFile(path);
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Rfc7919);
    QCOMPARE(info.bits, 4096);

    QCOMPARE(DhParameters::inspectFile(dir.filePath(QStringLiteral("missing.pem"))).error,
             QStringLiteral("there is no such file"));
    QCOMPARE(DhParameters::inspectFile(dir.path()).error, QStringLiteral("it is a folder, not a file"));
    const QString empty = dir.filePath(QStringLiteral("empty.pem"));
    QVERIFY(writeAll(empty, QByteArray()));
    QCOMPARE(DhParameters::inspectFile(empty).error, QStringLiteral("the file is empty"));
    // A device without end is read only up to the limit.
    QCOMPARE(DhParameters::inspectFile(QStringLiteral("/dev/zero")).error,
             QStringLiteral("the file is larger than 1 MiB: it is not a DH parameter file"));
}

void TestDhParameters::writeNewFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe3072"), &error);

    // DH parameters are public: 0644 whatever the umask says.
    const mode_t oldMask = ::umask(077);
    const bool ok = DhParameters::writePem(path, pem, &error);
    ::umask(oldMask);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(readAll(path), pem);
    QCOMPARE(modeOf(path), mode_t(0644));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("dh.pem")});
}

void TestDhParameters::writeReplacesWholeKeepingMode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    // A longer old file: nothing of its tail may remain.
    const QByteArray old = dhPem(oakleyPrime(BN_get_rfc2409_prime_1024), QByteArray(1, '\x02')).repeated(10);
    QVERIFY(writeAll(path, old));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);

    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);
    QVERIFY2(DhParameters::writePem(path, pem, &error), qPrintable(error));
    QCOMPARE(readAll(path), pem);
    QCOMPARE(modeOf(path), mode_t(0640));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("dh.pem")});
}

void TestDhParameters::writeKeepsOwner()
{
    if (::geteuid() != 0)
        QSKIP("giving a file to another owner needs root");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(writeAll(path, "old\n"));
    QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);

    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);
    QVERIFY2(DhParameters::writePem(path, pem, &error), qPrintable(error));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_uid, uid_t(65534));
    QCOMPARE(st.st_gid, gid_t(65534));
    QCOMPARE(readAll(path), pem);
}

void TestDhParameters::writeThroughSymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("dh-real.pem"));
    const QString link = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(writeAll(target, "old\n"));
    QVERIFY(QFile::link(QStringLiteral("dh-real.pem"), link));

    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);
    QVERIFY2(DhParameters::writePem(link, pem, &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readAll(target), pem);
}

void TestDhParameters::writeRefusals()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);

    QVERIFY(!DhParameters::writePem(dir.path(), pem, &error));
    QCOMPARE(error, QStringLiteral("%1 is not a regular file").arg(dir.path()));

    const QString path = dir.filePath(QStringLiteral("dh.pem"));
    QVERIFY(!DhParameters::writePem(path, QByteArray(), &error));
    QCOMPARE(error, QStringLiteral("nothing to write to %1").arg(path));
    QVERIFY(!QFileInfo::exists(path));

    const QString nowhere = dir.filePath(QStringLiteral("missing/dh.pem"));
    QVERIFY(!DhParameters::writePem(nowhere, pem, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(nowhere)), qPrintable(error));
}

void TestDhParameters::writeIntoReadOnlyFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("postfix"));
    QVERIFY(QDir().mkdir(folder));
    const QString path = folder + QStringLiteral("/dh.pem");
    const QByteArray old = dhPem(oakleyPrime(BN_get_rfc2409_prime_1024), QByteArray(1, '\x02'));
    QVERIFY(writeAll(path, old));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);

    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);
    // Root writes into any folder: the write is made as "nobody" then.
    const bool root = ::geteuid() == 0;
    if (root)
        QVERIFY(::seteuid(65534) == 0);
    const bool ok = DhParameters::writePem(path, pem, &error);
    if (root)
        QVERIFY(::seteuid(0) == 0);
    ::chmod(QFile::encodeName(folder).constData(), 0755);

    QVERIFY(!ok);
    QCOMPARE(error, QStringLiteral("cannot write %1: Permission denied").arg(path));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("dh.pem")});
}

QTEST_GUILESS_MAIN(TestDhParameters)
#include "tst_dhparameters.moc"
