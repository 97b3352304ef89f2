#pragma once

#include <QByteArray>
#include <QString>

namespace mailtls {

// The Diffie-Hellman group a Logjam fix gives a mail service.
struct DhChoice
{
    enum class Kind {
        Rfc7919, // `group` ("ffdhe3072"), written to a file beside the configuration
        Auto, // no file: the service (or OpenSSL) chooses a published group
        Generated, // `pem`: a fresh group of at least 2048 bits, written to a file
    };
    Kind kind = Kind::Rfc7919;
    QString group = QStringLiteral("ffdhe3072");
    QByteArray pem;
};

} // namespace mailtls
