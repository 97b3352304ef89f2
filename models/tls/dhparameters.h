#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include "models/tls/knowndhgroups.h"

namespace mailtls {

// What a DH parameter file holds, as DhParameters::inspect() reads it.
struct DhFileInfo
{
    enum class Verdict {
        Invalid, // not usable DH parameters: `error` says why
        WeakShared, // at most 1024 bits and a published prime: the Logjam worst case
        Weak, // under 2048 bits
        Published, // 2048 bits or more, a published group other than RFC 7919's
        Rfc7919, // an RFC 7919 ffdhe group
        Unique, // 2048 bits or more, a group of its own
    };

    Verdict verdict = Verdict::Invalid;
    QString error;
    int bits = 0;
    QByteArray prime; // big-endian, no leading zero bytes
    QByteArray generator; // big-endian, no leading zero bytes
    std::optional<KnownDhGroup> group;

    bool isValid() const { return verdict != Verdict::Invalid; }
    // Large enough by today's advice; the summary still says when a larger
    // group is advised.
    bool isFine() const
    {
        return verdict == Verdict::Published || verdict == Verdict::Rfc7919 || verdict == Verdict::Unique;
    }
};

// DH parameter files as mail servers read them: PKCS#3 "DH PARAMETERS" in PEM
// (Postfix smtpd_tls_dh1024_param_file, Exim tls_dhparam, Dovecot ssl_dh,
// Sendmail DHParameters).
class DhParameters final
{
    Q_DECLARE_TR_FUNCTIONS(DhParameters)

public:
    // Larger input is refused unread: a DH parameter file of 8192 bits is
    // about 1.5 KB.
    static constexpr qint64 maxFileSize = 1024 * 1024;

    // "ffdhe2048" … "ffdhe8192", smallest first.
    static QStringList rfc7919Groups();

    // The PEM of an RFC 7919 group, from OpenSSL's tables; an empty array and
    // `error` set for a name that is not one of rfc7919Groups().
    static QByteArray rfc7919Pem(const QString &group, QString *error);

    // Never throws, never hangs: hostile input yields Verdict::Invalid and an
    // error that says what the input is instead. The prime's primality is not
    // tested (seconds for a large group); the verdict does not depend on it.
    static DhFileInfo inspect(const QByteArray &pem);
    // Reads at most maxFileSize + 1 bytes of `path`; the errors do not repeat
    // the path.
    static DhFileInfo inspectFile(const QString &path);

    // One line: "1024 bits, RFC 2409 Oakley group 2, shared by many servers
    // (Logjam): replace it"; for an invalid input, its error.
    static QString summary(const DhFileInfo &info);

    // PKCS#3 "DH PARAMETERS" PEM of a DH key's domain parameters.
    static QByteArray encodePem(const EVP_PKEY *key, QString *error);

    // Writes `pem` to `path` whole or not at all: a temporary file in the same
    // folder, synced, then renamed over the target (QSaveFile; a symbolic link
    // is followed to the file it names). A new file gets mode 0644 (DH
    // parameters are public); a replaced file keeps its mode, owner and group,
    // and when its owner cannot be kept nothing is written.
    static bool writePem(const QString &path, const QByteArray &pem, QString *error);
};

} // namespace mailtls
