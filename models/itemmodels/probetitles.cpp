#include "models/itemmodels/probetitles.h"

#include <QHostAddress>

namespace mailtls {

QString ProbeTitles::serverVerdictExplanation(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good:
        return tr("STARTTLS is offered and the TLS it sets up is sound: mail to this server travels encrypted.");
    case Verdict::Weak:
        return tr("STARTTLS works, but with a weakness (a small or widely shared Diffie-Hellman group, outdated "
                  "protocol versions, a certificate problem): see the findings.");
    case Verdict::NoTls:
        return tr("No TLS could be set up: STARTTLS is not offered, removed on the way, or fails. Mail to this "
                  "server travels in plaintext.");
    case Verdict::Unreachable:
        return tr("The server could not be asked: no address, no connection, a refusal or \"try later\".");
    }
    return QString();
}

QString ProbeTitles::severity(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Low:
        return tr("Low");
    case Severity::Medium:
        return tr("Medium");
    case Severity::High:
        return tr("High");
    case Severity::Critical:
        return tr("Critical");
    }
    return QString();
}

QString ProbeTitles::step(ProbeStep step)
{
    switch (step) {
    case ProbeStep::Resolve:
        return tr("Resolve");
    case ProbeStep::Connect:
        return tr("Connect");
    case ProbeStep::Banner:
        return tr("Banner");
    case ProbeStep::Ehlo:
        return tr("EHLO");
    case ProbeStep::StartTls:
        return tr("STARTTLS");
    case ProbeStep::Handshake:
        return tr("Handshake");
    case ProbeStep::Quit:
        return tr("QUIT");
    }
    return QString();
}

QString ProbeTitles::profile(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::Default:
        return tr("default client");
    case TlsProfile::DheOnly:
        return tr("DHE only, TLS 1.2");
    case TlsProfile::OnlyTls10:
        return tr("TLS 1.0 only");
    case TlsProfile::OnlyTls11:
        return tr("TLS 1.1 only");
    case TlsProfile::OnlyTls12:
        return tr("TLS 1.2 only");
    case TlsProfile::OnlyTls13:
        return tr("TLS 1.3 only");
    }
    return QString();
}

QString ProbeTitles::target(const ProbeTarget &target)
{
    if (target.kind == ProbeTarget::Kind::Domain)
        return target.name;
    // A host name without a port would read back as a domain: the port stays.
    const bool literal = !QHostAddress(target.name).isNull();
    if (literal && target.port == 25)
        return target.name;
    if (target.name.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(target.name).arg(target.port);
    return QStringLiteral("%1:%2").arg(target.name).arg(target.port);
}

QString ProbeTitles::address(const QString &address, quint16 port)
{
    if (port == 25 || port == 0)
        return address;
    if (address.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

} // namespace mailtls
