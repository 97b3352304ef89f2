#include "models/probe/probetargetparser.h"

#include <QHostAddress>
#include <QUrl>

namespace mailtls {

namespace {

constexpr int maxNameLength = 253;
constexpr int maxLabelLength = 63;

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

bool isLdh(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
           || c == QLatin1Char('-');
}

} // namespace

bool ProbeTargetParser::checkLabels(const QString &host, const QStringList &labels, bool skipNonAscii,
                                    QString *error)
{
    for (const QString &label : labels) {
        if (label.isEmpty()) {
            *error = tr("\"%1\" is not a domain name: it has an empty label (two dots in a row, or a dot at the "
                        "start)")
                         .arg(host);
            return false;
        }
        bool ascii = true;
        for (const QChar c : label)
            if (c.unicode() > 0x7f)
                ascii = false;
        if (!ascii && skipNonAscii)
            continue;
        if (label.size() > maxLabelLength) {
            *error = tr("\"%1\" is not a domain name: the label \"%2\" is longer than %3 characters")
                         .arg(host, label)
                         .arg(maxLabelLength);
            return false;
        }
        for (const QChar c : label) {
            if (!isLdh(c)) {
                *error = tr("\"%1\" is not a domain name: \"%2\" may not appear in a host name").arg(host, QString(c));
                return false;
            }
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))) {
            *error = tr("\"%1\" is not a domain name: the label \"%2\" starts or ends with a hyphen").arg(host, label);
            return false;
        }
    }
    return true;
}

std::optional<ProbeTarget> ProbeTargetParser::parse(const QString &text, quint16 defaultPort, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ProbeTarget> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const QString input = text.trimmed();
    if (input.isEmpty())
        return fail(tr("no target given: name a domain (example.org) or a host[:port]"));
    for (const QChar c : input)
        if (c.isSpace())
            return fail(tr("\"%1\" contains a space: name one domain or host[:port] per argument").arg(input));
    if (input.contains(QLatin1Char('/')))
        return fail(tr("\"%1\" is a URL or a path, not a mail domain: name a domain (example.org) or a host[:port]")
                        .arg(input));
    if (input.contains(QLatin1Char('@')))
        return fail(tr("\"%1\" is a mail address: name its domain, the part after @").arg(input));

    QString host;
    QString portText;
    bool portGiven = false;
    bool bracketed = false;
    if (input.startsWith(QLatin1Char('['))) {
        const qsizetype close = input.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(tr("\"%1\" opens [ but does not close it").arg(input));
        host = input.mid(1, close - 1);
        bracketed = true;
        const QString rest = input.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return fail(tr("\"%1\": only :PORT may follow the ] of an address").arg(input));
            portText = rest.mid(1);
            portGiven = true;
        }
    } else if (input.count(QLatin1Char(':')) > 1) {
        host = input; // an IPv6 literal; a port needs brackets
    } else if (input.contains(QLatin1Char(':'))) {
        const qsizetype colon = input.indexOf(QLatin1Char(':'));
        host = input.left(colon);
        portText = input.mid(colon + 1);
        portGiven = true;
    } else {
        host = input;
    }

    ProbeTarget target;
    target.port = defaultPort;
    if (portGiven) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!isDigits(portText) || !ok || port < 1 || port > 65535)
            return fail(tr("\"%1\": the port \"%2\" is not a number from 1 to 65535").arg(input, portText));
        target.port = quint16(port);
    }
    if (host.isEmpty())
        return fail(tr("\"%1\" names no host before the port").arg(input));

    if (host.contains(QLatin1Char(':'))) {
        QHostAddress address;
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(tr("\"%1\" is not an IPv6 address").arg(host));
        target.kind = ProbeTarget::Kind::Host;
        target.name = address.toString();
        return target;
    }

    // Only a dotted quad in its usual form is an IPv4 address: "127.1" and
    // "010.0.0.1" read differently in different programs.
    bool allDigitsAndDots = true;
    for (const QChar c : host)
        if (c != QLatin1Char('.') && !(c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            allDigitsAndDots = false;
    if (bracketed && !allDigitsAndDots)
        return fail(tr("\"%1\" is not an IP address: only addresses go in brackets").arg(host));
    if (allDigitsAndDots) {
        QHostAddress address;
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv4Protocol
            || address.toString() != host)
            return fail(tr("\"%1\" is not an IPv4 address (write four numbers from 0 to 255, as in 192.0.2.1)")
                            .arg(host));
        target.kind = ProbeTarget::Kind::Host;
        target.name = host;
        return target;
    }

    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    // Plain labels are checked as typed, so the message names what was typed;
    // the ACE form is checked again for its length.
    QString labelError;
    if (!checkLabels(host, name.split(QLatin1Char('.')), true, &labelError))
        return fail(labelError);
    const QString ace = QString::fromLatin1(QUrl::toAce(name));
    if (ace.isEmpty())
        return fail(tr("\"%1\" is not a domain name").arg(host));
    if (ace.size() > maxNameLength)
        return fail(tr("\"%1\" is not a domain name: it is longer than %2 characters").arg(host).arg(maxNameLength));
    const QStringList labels = ace.split(QLatin1Char('.'));
    if (!checkLabels(host, labels, false, &labelError))
        return fail(labelError);
    if (isDigits(labels.constLast()))
        return fail(tr("\"%1\" is neither an IPv4 address nor a domain name (its last label is a number)")
                        .arg(host));

    target.kind = portGiven ? ProbeTarget::Kind::Host : ProbeTarget::Kind::Domain;
    target.name = ace;
    return target;
}

} // namespace mailtls
