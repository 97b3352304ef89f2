#include "models/mta/mailservice.h"

namespace mailtls {

std::optional<ChangePlan> MailService::plan(Fix fix, const DhChoice &choice, const QString &certFile,
                                            const QString &keyFile, QString *error) const
{
    if (!offers(fix))
        return notOffered(fix, error);
    switch (fix) {
    case Fix::Logjam:
        return logjam(choice, error);
    case Fix::StartTls:
        return starttls(certFile, keyFile, error);
    case Fix::TlsLogging:
        return tlsLogging(error);
    }
    return std::nullopt;
}

QString MailService::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Postfix:
        return QStringLiteral("postfix");
    case Kind::Sendmail:
        return QStringLiteral("sendmail");
    case Kind::Exim:
        return QStringLiteral("exim");
    case Kind::Dovecot:
        return QStringLiteral("dovecot");
    }
    return QString();
}

std::optional<MailService::Kind> MailService::kindFromKey(const QString &key)
{
    for (Kind kind : {Kind::Postfix, Kind::Sendmail, Kind::Exim, Kind::Dovecot}) {
        if (kindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString MailService::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::Postfix:
        return QStringLiteral("Postfix");
    case Kind::Sendmail:
        return QStringLiteral("Sendmail");
    case Kind::Exim:
        return QStringLiteral("Exim");
    case Kind::Dovecot:
        return QStringLiteral("Dovecot");
    }
    return QString();
}

QString MailService::fixKey(Fix fix)
{
    switch (fix) {
    case Fix::Logjam:
        return QStringLiteral("logjam");
    case Fix::StartTls:
        return QStringLiteral("starttls");
    case Fix::TlsLogging:
        return QStringLiteral("tls-logging");
    }
    return QString();
}

std::optional<MailService::Fix> MailService::fixFromKey(const QString &key)
{
    for (Fix fix : {Fix::Logjam, Fix::StartTls, Fix::TlsLogging}) {
        if (fixKey(fix) == key)
            return fix;
    }
    return std::nullopt;
}

std::optional<MailService::Fix> MailService::fixForProbeFinding(const QString &code)
{
    if (code == QLatin1String("dh-weak"))
        return Fix::Logjam;
    if (code == QLatin1String("no-starttls"))
        return Fix::StartTls;
    return std::nullopt;
}

std::optional<ChangePlan> MailService::notOffered(Fix fix, QString *error) const
{
    *error = tr("%1 has no %2 fix: it is not a setting of %1.").arg(kindTitle(kind()), fixKey(fix));
    return std::nullopt;
}

} // namespace mailtls
