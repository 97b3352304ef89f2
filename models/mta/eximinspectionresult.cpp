#include "models/mta/eximinspectionresult.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include "models/mta/servicehostfiles.h"

namespace mailtls {

namespace {

// The items Exim logs unless log_selector says otherwise (spec 53.15).
const QSet<QString> &defaultLogItems()
{
    static const QSet<QString> items {
        QStringLiteral("acl_warn_skipped"),
        QStringLiteral("connection_reject"),
        QStringLiteral("delay_delivery"),
        QStringLiteral("dkim"),
        QStringLiteral("dnslist_defer"),
        QStringLiteral("etrn"),
        QStringLiteral("host_lookup_failed"),
        QStringLiteral("lost_incoming_connection"),
        QStringLiteral("msg_id"),
        QStringLiteral("queue_run"),
        QStringLiteral("rejected_header"),
        QStringLiteral("retry_defer"),
        QStringLiteral("sender_verify_fail"),
        QStringLiteral("size_reject"),
        QStringLiteral("skip_delivery"),
        QStringLiteral("smtp_confirmation"),
        QStringLiteral("tls_certificate_verified"),
        QStringLiteral("tls_cipher"),
    };
    return items;
}

// An Exim list: "<; a ; b" names its separator, else ':' (with "::" for a
// literal colon).
QStringList eximList(const QString &value)
{
    QString text = value.trimmed();
    QChar separator = QLatin1Char(':');
    if (text.size() >= 2 && text.at(0) == QLatin1Char('<') && !text.at(1).isSpace()) {
        separator = text.at(1);
        text = text.mid(2);
    }
    QStringList items;
    QString item;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == separator) {
            if (i + 1 < text.size() && text.at(i + 1) == separator) {
                item += separator;
                ++i;
                continue;
            }
            items.append(item.trimmed());
            item.clear();
            continue;
        }
        item += text.at(i);
    }
    items.append(item.trimmed());
    items.removeAll(QString());
    return items;
}

// One local_interfaces item: "[addr]:port", "addr.port" (IPv4 with a fifth
// part), "addr".
std::pair<QHostAddress, int> interfaceItem(const QString &item)
{
    static const QRegularExpression bracketed(QStringLiteral("^\\[([^\\]]+)\\](?::(\\d+))?$"));
    const QRegularExpressionMatch match = bracketed.match(item);
    if (match.hasMatch())
        return {QHostAddress(match.captured(1)), match.captured(2).isEmpty() ? 0 : match.captured(2).toInt()};
    if (!item.contains(QLatin1Char(':'))) {
        const QStringList parts = item.split(QLatin1Char('.'));
        if (parts.size() == 5)
            return {QHostAddress(parts.mid(0, 4).join(QLatin1Char('.'))), parts.constLast().toInt()};
    } else {
        // IPv6 with a port: "::1.2525".
        const qsizetype dot = item.lastIndexOf(QLatin1Char('.'));
        if (dot > 0 && !item.mid(dot + 1).contains(QLatin1Char(':'))
            && QHostAddress(item.left(dot)).protocol() == QAbstractSocket::IPv6Protocol)
            return {QHostAddress(item.left(dot)), item.mid(dot + 1).toInt()};
    }
    return {QHostAddress(item), 0};
}

int portNumber(const QString &word)
{
    if (word == QLatin1String("smtp"))
        return 25;
    if (word == QLatin1String("submission"))
        return 587;
    if (word == QLatin1String("smtps") || word == QLatin1String("submissions"))
        return 465;
    bool ok = false;
    const int number = word.toInt(&ok);
    return ok && number > 0 && number < 65536 ? number : 0;
}

} // namespace

bool EximInspectionResult::isAtLeast(int major, int minor) const
{
    return versionMajor > major || (versionMajor == major && versionMinor >= minor);
}

bool EximInspectionResult::gnutlsPicksGroup() const
{
    if (tlsLibrary != TlsLibrary::GnuTls)
        return false;
    static const QRegularExpression numbers(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch match = numbers.match(tlsLibraryVersion);
    // Unreported: every GnuTLS of the last years is 3.6 or later.
    if (!match.hasMatch())
        return true;
    const int major = match.captured(1).toInt();
    return major > 3 || (major == 3 && match.captured(2).toInt() >= 6);
}

QString EximInspectionResult::versionText() const
{
    const QString exim = version.isEmpty() ? tr("Exim (version unknown)") : tr("Exim %1").arg(version);
    switch (tlsLibrary) {
    case TlsLibrary::None:
        return tr("%1 without TLS").arg(exim);
    case TlsLibrary::GnuTls:
        return tlsLibraryVersion.isEmpty() ? tr("%1 with GnuTLS").arg(exim)
                                           : tr("%1 with GnuTLS %2").arg(exim, tlsLibraryVersion);
    case TlsLibrary::OpenSsl:
        return tlsLibraryVersion.isEmpty() ? tr("%1 with OpenSSL").arg(exim)
                                           : tr("%1 with %2").arg(exim, tlsLibraryVersion);
    case TlsLibrary::Unknown:
        break;
    }
    return tr("%1, TLS library unknown").arg(exim);
}

QString EximInspectionResult::layoutText() const
{
    switch (layout) {
    case Layout::ConfigFile:
        return tr("%1, read as it is").arg(configFile);
    case Layout::DebianTemplate:
        return tr("Debian's non-split configuration (exim4.conf.localmacros and exim4.conf.template), which "
                  "update-exim4.conf turns into %1")
            .arg(configFile);
    case Layout::DebianSplit:
        return tr("Debian's split configuration (conf.d), which update-exim4.conf turns into %1").arg(configFile);
    }
    return QString();
}

int EximInspectionResult::dhMaxBits() const
{
    bool ok = false;
    const int bits = option(QStringLiteral("tls_dh_max_bits")).toInt(&ok);
    return ok ? bits : 2236;
}

ConfigFile::Contents EximInspectionResult::file(const QString &path) const
{
    return ServiceHostFiles::fileIn(files, path);
}

std::optional<ConfigFile::Status> EximInspectionResult::status(const QString &path) const
{
    const auto it = statuses.constFind(path);
    if (it == statuses.constEnd())
        return std::nullopt;
    return *it;
}

QString EximInspectionResult::listenAddress() const
{
    const QString value = option(QStringLiteral("local_interfaces"));
    const QStringList items = eximList(value);
    if (remote) {
        if (hostAddress.isEmpty())
            return QString();
        const QHostAddress host(hostAddress);
        if (items.isEmpty())
            return hostAddress;
        for (const QString &item : items) {
            const QHostAddress address = interfaceItem(item).first;
            if (address == host
                || (address == QHostAddress(QStringLiteral("0.0.0.0"))
                    && host.protocol() == QAbstractSocket::IPv4Protocol)
                || (address == QHostAddress(QStringLiteral("::")) && host.protocol() == QAbstractSocket::IPv6Protocol))
                return hostAddress;
        }
        // Its loopback cannot be reached from here.
        for (const QString &item : items) {
            const QHostAddress address = interfaceItem(item).first;
            if (!address.isNull() && !address.isLoopback() && address != QHostAddress(QStringLiteral("0.0.0.0"))
                && address != QHostAddress(QStringLiteral("::")))
                return address.toString();
        }
        return QString();
    }
    if (items.isEmpty())
        return QStringLiteral("127.0.0.1");
    QHostAddress first;
    for (const QString &item : items) {
        const QHostAddress address = interfaceItem(item).first;
        if (address.isNull())
            continue;
        if (address == QHostAddress(QStringLiteral("0.0.0.0")) || address == QHostAddress(QStringLiteral("::"))
            || address == QHostAddress::LocalHost)
            return QStringLiteral("127.0.0.1");
        if (first.isNull()
            || (first.protocol() == QAbstractSocket::IPv6Protocol
                && address.protocol() == QAbstractSocket::IPv4Protocol))
            first = address;
    }
    return first.isNull() ? QString() : first.toString();
}

quint16 EximInspectionResult::listenPort() const
{
    const QString address = listenAddress();
    for (const QString &item : eximList(option(QStringLiteral("local_interfaces")))) {
        const auto [itemAddress, port] = interfaceItem(item);
        if (port > 0
            && (itemAddress == QHostAddress(address) || itemAddress == QHostAddress(QStringLiteral("0.0.0.0"))))
            return quint16(port);
    }
    for (const QString &word : eximList(option(QStringLiteral("daemon_smtp_ports")))) {
        const int port = portNumber(word);
        if (port > 0)
            return quint16(port);
    }
    return 25;
}

QStringList EximInspectionResult::tlsLogItems()
{
    return {QStringLiteral("tls_cipher"), QStringLiteral("tls_certificate_verified"), QStringLiteral("tls_peerdn")};
}

bool EximInspectionResult::selectorLogs(const QString &selector, const QString &item)
{
    bool on = defaultLogItems().contains(item);
    const QStringList words = selector.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool plus = word.startsWith(QLatin1Char('+'));
        if (!plus && !word.startsWith(QLatin1Char('-')))
            continue;
        const QString name = word.mid(1);
        if (name == item || name == QLatin1String("all"))
            on = plus;
    }
    return on;
}

QStringList EximInspectionResult::missingTlsLogItems(const QString &selector)
{
    QStringList missing;
    for (const QString &item : tlsLogItems())
        if (!selectorLogs(selector, item))
            missing.append(item);
    return missing;
}

int EximInspectionResult::builtinGroupBits(const QString &name)
{
    static const QHash<QString, int> bits {
        {QStringLiteral("ffdhe2048"), 2048},
        {QStringLiteral("ffdhe3072"), 3072},
        {QStringLiteral("ffdhe4096"), 4096},
        {QStringLiteral("ffdhe6144"), 6144},
        {QStringLiteral("ffdhe8192"), 8192},
        {QStringLiteral("ike1"), 768},
        {QStringLiteral("ike2"), 1024},
        {QStringLiteral("ike5"), 1536},
        {QStringLiteral("ike14"), 2048},
        {QStringLiteral("ike15"), 3072},
        {QStringLiteral("ike16"), 4096},
        {QStringLiteral("ike17"), 6144},
        {QStringLiteral("ike18"), 8192},
        {QStringLiteral("ike22"), 1024},
        {QStringLiteral("ike23"), 2048},
        {QStringLiteral("ike24"), 2048},
        {QStringLiteral("default"), 2048},
        {QStringLiteral("exim.dev.20160529.1"), 2048},
        {QStringLiteral("exim.dev.20160529.2"), 2048},
        {QStringLiteral("exim.dev.20160529.3"), 2048},
    };
    return bits.value(name, 0);
}

int EximInspectionResult::gnutlsGroupBits(int bits)
{
    // GnuTLS turns the size into a security parameter and offers the first
    // RFC 7919 group at least as large as that parameter's size (its default
    // group order runs from ffdhe2048 up): up to "medium" ffdhe2048, "high"
    // (3072 bits) ffdhe3072, "ultra" (8192 bits) ffdhe8192.
    if (bits >= 8192)
        return 8192;
    if (bits >= 3072)
        return 3072;
    return 2048;
}

QByteArray EximInspectionResult::rfc7919Prime(int bits)
{
    QString error;
    const QByteArray pem = DhParameters::rfc7919Pem(QStringLiteral("ffdhe%1").arg(bits), &error);
    return pem.isEmpty() ? QByteArray() : DhParameters::inspect(pem).prime;
}

EximServedDh EximInspectionResult::servedDh() const
{
    EximServedDh served;
    if (!hasTls()) {
        served.why = tr("this Exim has no TLS");
        return served;
    }
    const QString value = dhParam.trimmed();
    if (value == QLatin1String("none")) {
        served.why = tr("tls_dhparam = none: Exim loads no Diffie-Hellman group");
        return served;
    }

    // The group Exim hands its TLS library, and its size.
    int bits = 0;
    QByteArray prime;
    QString name;
    if (value.isEmpty() || value == QLatin1String("default")) {
        if (namedGroupsAvailable()) {
            bits = 2048;
            name = tr("Exim's own 2048-bit group exim.dev.20160529.3");
        } else {
            bits = 2048;
            name = tr("RFC 5114's 2048-bit group ike23");
        }
    } else if (value == QLatin1String("historic")) {
        bits = qMin(2236, dhMaxBits()) - 10;
        name = tr("a group Exim generated in its spool folder");
    } else if (value.startsWith(QLatin1Char('/'))) {
        if (!dh) {
            served.kind = EximServedDh::Kind::Broken;
            served.why = tr("tls_dhparam names %1, which was not read").arg(value);
            return served;
        }
        if (!dh->isValid()) {
            if (tlsLibrary == TlsLibrary::GnuTls && !file(value).exists) {
                // Exim with GnuTLS generates the file it is missing.
                bits = qMin(2236, dhMaxBits()) - 10;
                name = tr("a group Exim generates into %1").arg(value);
            } else {
                served.kind = EximServedDh::Kind::Broken;
                served.why = tr("tls_dhparam names %1: %2; every TLS session fails").arg(value, dh->error);
                return served;
            }
        } else {
            bits = dh->bits;
            prime = dh->prime;
            name = dh->group ? dh->group->name : tr("the group in %1").arg(value);
        }
    } else {
        bits = builtinGroupBits(value);
        if (bits == 0) {
            served.kind = EximServedDh::Kind::Broken;
            served.why = tr("tls_dhparam = %1 is no group Exim knows; every TLS session fails").arg(value);
            return served;
        }
        name = value;
        if (value.startsWith(QLatin1String("ffdhe")))
            prime = rfc7919Prime(bits);
    }

    if (gnutlsPicksGroup()) {
        served.kind = EximServedDh::Kind::Group;
        served.bits = gnutlsGroupBits(bits);
        served.prime = rfc7919Prime(served.bits);
        served.name = QStringLiteral("ffdhe%1").arg(served.bits);
        served.why = tr("GnuTLS keeps only the size of %1 (%2 bits) and offers the RFC 7919 group of that strength, "
                        "%3")
                         .arg(name)
                         .arg(bits)
                         .arg(served.name);
        return served;
    }
    if (tlsLibrary == TlsLibrary::OpenSsl && bits > dhMaxBits()) {
        served.why = tr("%1 has %2 bits, more than tls_dh_max_bits (%3): Exim with OpenSSL skips it and offers "
                        "no DHE")
                         .arg(name)
                         .arg(bits)
                         .arg(dhMaxBits());
        return served;
    }
    served.kind = EximServedDh::Kind::Group;
    served.bits = bits;
    served.prime = prime;
    served.name = name;
    served.why = tr("Exim offers %1 (%2 bits)").arg(name).arg(bits);
    return served;
}

} // namespace mailtls
