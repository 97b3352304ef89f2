#include "models/itemmodels/recordtitles.h"

#include <QDateTime>
#include <QLocale>

namespace mailtls {

QString RecordTitles::direction(Direction direction)
{
    switch (direction) {
    case Direction::Inbound: return tr("Inbound");
    case Direction::Outbound: return tr("Outbound");
    case Direction::Submission: return tr("Submission");
    }
    return QString();
}

QString RecordTitles::trust(Trust trust)
{
    switch (trust) {
    case Trust::Unknown: return QString();
    case Trust::Anonymous: return tr("Anonymous");
    case Trust::Untrusted: return tr("Untrusted");
    case Trust::Trusted: return tr("Trusted");
    case Trust::Verified: return tr("Verified");
    }
    return QString();
}

QString RecordTitles::trustExplanation(Trust trust)
{
    switch (trust) {
    case Trust::Unknown: return tr("The mail server did not log how far it trusted the certificate.");
    case Trust::Anonymous: return tr("No certificate was presented (anonymous TLS): encrypted, but not authenticated.");
    case Trust::Untrusted:
        return tr("The certificate was not signed by a trusted authority: encrypted, but the peer could be anyone.");
    case Trust::Trusted: return tr("The certificate was signed by a trusted authority; its name was not checked.");
    case Trust::Verified: return tr("The certificate was signed by a trusted authority and matched the peer's name.");
    }
    return QString();
}

QString RecordTitles::problem(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::None: return QString();
    case TlsProblem::NotOffered: return tr("STARTTLS not offered");
    case TlsProblem::CannotStart: return tr("Cannot start TLS");
    case TlsProblem::Handshake: return tr("Handshake failed");
    case TlsProblem::DhKeyTooSmall: return tr("DH key too small");
    case TlsProblem::Certificate: return tr("Certificate not accepted");
    case TlsProblem::LostAfterStarttls: return tr("Lost after STARTTLS");
    case TlsProblem::Other: return tr("Other TLS problem");
    }
    return QString();
}

QString RecordTitles::time(qint64 utcSeconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(utcSeconds).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString RecordTitles::address(const QString &ip, int port)
{
    if (port <= 0)
        return ip;
    if (ip.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(ip).arg(port);
    return QStringLiteral("%1:%2").arg(ip).arg(port);
}

QString RecordTitles::percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("–");
    return tr("%1 %").arg(QLocale().toString(100.0 * double(part) / double(whole), 'f', 1));
}

QString RecordTitles::verdict(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good: return tr("Good");
    case Verdict::Weak: return tr("Weak");
    case Verdict::NoTls: return tr("No TLS");
    case Verdict::Unreachable: return tr("Unreachable");
    }
    return QString();
}

QString RecordTitles::verdictExplanation(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good: return tr("Its mail servers offer STARTTLS with sound TLS");
    case Verdict::Weak: return tr("Its mail servers offer STARTTLS, but with weaknesses (small Diffie-Hellman group, old TLS versions, certificate problems)");
    case Verdict::NoTls: return tr("Its mail servers do not offer STARTTLS, or TLS cannot be set up with them: mail travels in plaintext");
    case Verdict::Unreachable: return tr("None of its mail servers could be probed (no answer, refused, or rate-limited)");
    }
    return QString();
}

} // namespace mailtls
