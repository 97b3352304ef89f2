#include "models/mta/sendmailinspectionresult.h"

#include <QHostAddress>

#include "models/mta/sendmailcf.h"
#include "models/mta/servicehostfiles.h"

namespace mailtls {

namespace {

// A DaemonPortOptions value's fields as Sendmail reads them: keys are
// case-insensitive, and only their first letter counts for most.
struct Daemon
{
    QString name;
    QString family = QStringLiteral("inet");
    QString address;
    quint16 port = 25;
    QString modifiers;
};

Daemon daemonOf(const QString &options)
{
    Daemon d;
    for (const auto &[key, value] : SendmailCf::fields(options)) {
        const QString k = key.toLower();
        if (k == QLatin1String("name") || k == QLatin1String("n"))
            d.name = value;
        else if (k == QLatin1String("family") || k == QLatin1String("f"))
            d.family = value.toLower();
        else if (k == QLatin1String("addr") || k == QLatin1String("a"))
            d.address = value;
        else if (k == QLatin1String("port") || k == QLatin1String("p"))
            d.port = SendmailCf::portNumber(value);
        else if (k == QLatin1String("modifiers") || k == QLatin1String("modify") || k == QLatin1String("m"))
            d.modifiers = value;
    }
    return d;
}

QList<Daemon> daemonsOf(const QByteArray &cf)
{
    QList<Daemon> result;
    for (const QString &options : SendmailCf::options(cf, "DaemonPortOptions"))
        result.append(daemonOf(options));
    return result;
}

} // namespace

bool SendmailInspectionResult::isAtLeast(const QList<int> &wanted) const
{
    if (versionNumbers.isEmpty())
        return false;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const int have = versionNumbers.value(i, 0);
        if (have != wanted.at(i))
            return have > wanted.at(i);
    }
    return true;
}

QString SendmailInspectionResult::opensslVersionText(quint32 n)
{
    if (n == 0)
        return QString();
    const quint32 major = n >> 28;
    if (major >= 3)
        return QStringLiteral("OpenSSL %1.%2.%3").arg(major).arg((n >> 20) & 0xff).arg((n >> 4) & 0xff);
    QString text = QStringLiteral("OpenSSL %1.%2.%3").arg(major).arg((n >> 20) & 0xff).arg((n >> 12) & 0xff);
    const quint32 letter = (n >> 4) & 0xff;
    if (letter > 0 && letter <= 26)
        text += QLatin1Char(char('a' + letter - 1));
    return text;
}

QString SendmailInspectionResult::opensslText() const
{
    return opensslVersionText(opensslLinked != 0 ? opensslLinked : opensslCompiled);
}

QString SendmailInspectionResult::versionText() const
{
    const QString sendmail = version.isEmpty() ? tr("Sendmail (version unknown)") : tr("Sendmail %1").arg(version);
    if (!hasStartTls())
        return tr("%1 without STARTTLS").arg(sendmail);
    const QString openssl = opensslText();
    return openssl.isEmpty() ? sendmail : tr("%1 with %2").arg(sendmail, openssl);
}

QString SendmailInspectionResult::option(const QString &name) const
{
    return SendmailCf::option(cf, name.toLatin1()).value_or(QString());
}

QString SendmailInspectionResult::builtOption(const QString &name) const
{
    return SendmailCf::option(builtCf, name.toLatin1()).value_or(QString());
}

bool SendmailInspectionResult::cfIsStale() const
{
    return built && !SendmailCf::sameBuild(cf, builtCf);
}

bool SendmailInspectionResult::autoDhAvailable() const
{
    return hasStartTls() && isAtLeast({8, 14, 8});
}

SendmailInspectionResult::DhSetting SendmailInspectionResult::dhSettingOf(const QString &value,
                                                                          const QList<int> &version)
{
    if (value.isEmpty())
        return DhSetting::Default;
    const QChar c = value.at(0);
    if (c == QLatin1Char('/'))
        return DhSetting::File;
    if (c == QLatin1Char('n') || c == QLatin1Char('N'))
        return DhSetting::None;
    if (c == QLatin1Char('1'))
        return DhSetting::Generated1024;
    if (c == QLatin1Char('5'))
        return DhSetting::BuiltIn512;
    // "2" and "i" came with 8.14.8; an older Sendmail calls them illegal.
    SendmailInspectionResult r;
    r.versionNumbers = version;
    const bool known = version.isEmpty() || r.isAtLeast({8, 14, 8});
    if (c == QLatin1Char('2') && known)
        return DhSetting::Generated2048;
    if ((c == QLatin1Char('i') || c == QLatin1Char('I')) && known)
        return DhSetting::BuiltIn2048;
    return DhSetting::Unknown;
}

QString SendmailInspectionResult::servedDhText(int *bits) const
{
    int size = 0;
    QString text;
    // Before 8.15.2 an unset (or illegal) value made the server generate a
    // 1024-bit group at each start.
    const bool oldDefault = !versionNumbers.isEmpty() && !isAtLeast({8, 15, 2});
    switch (dhSetting) {
    case DhSetting::Default:
    case DhSetting::Unknown:
        if (oldDefault) {
            size = 1024;
            text = tr("a 1024-bit group Sendmail %1 makes at each start (its default before 8.15.2)").arg(version);
        } else {
            size = 2048;
            text = tr("Sendmail's built-in 2048-bit group, the same on every Sendmail server (its default since "
                      "8.15.2)");
        }
        break;
    case DhSetting::BuiltIn2048:
        size = 2048;
        text = tr("Sendmail's built-in 2048-bit group, the same on every Sendmail server");
        break;
    case DhSetting::Generated2048:
        size = 2048;
        text = tr("a 2048-bit group Sendmail makes afresh at each start");
        break;
    case DhSetting::Generated1024:
        size = 1024;
        text = tr("a 1024-bit group Sendmail makes afresh at each start");
        break;
    case DhSetting::BuiltIn512:
        size = 512;
        text = tr("Sendmail's built-in 512-bit group, the same on every Sendmail server");
        break;
    case DhSetting::None:
        text = tr("no DHE: Sendmail offers ECDHE and RSA key exchange only");
        break;
    case DhSetting::File:
        if (dh && dh->isValid()) {
            size = dh->bits;
            text = tr("the group in %1 (%2)").arg(dhParameters, DhParameters::summary(*dh));
        } else {
            // A file it cannot read or finds unsafe ("file … unsafe"):
            // Sendmail goes on with its built-in group.
            size = oldDefault ? 1024 : 2048;
            text = tr("Sendmail's built-in %1-bit group, because %2 cannot be used (%3)")
                       .arg(size)
                       .arg(dhParameters, dh ? dh->error : tr("not read"));
        }
        break;
    }
    if (bits != nullptr)
        *bits = size;
    return text;
}

QStringList SendmailInspectionResult::daemonsWithoutStartTls() const
{
    QStringList names;
    const QStringList all = SendmailCf::options(cf, "DaemonPortOptions");
    for (const QString &options : all) {
        const Daemon d = daemonOf(options);
        if (d.modifiers.contains(QLatin1Char('S')))
            names.append(d.name.isEmpty() ? options : d.name);
    }
    return names;
}

ConfigFile::Contents SendmailInspectionResult::file(const QString &path) const
{
    return ServiceHostFiles::fileIn(files, path);
}

std::optional<ConfigFile::Status> SendmailInspectionResult::status(const QString &path) const
{
    const auto it = statuses.constFind(path);
    if (it == statuses.constEnd())
        return std::nullopt;
    return *it;
}

bool SendmailInspectionResult::isFolder(const QString &path) const
{
    const std::optional<ConfigFile::Status> seen = status(path);
    return seen && seen->exists && !seen->regular;
}

QString SendmailInspectionResult::listenAddress() const
{
    const QList<Daemon> daemons = daemonsOf(cf);
    // Without DaemonPortOptions Sendmail listens on port 25 everywhere.
    Daemon chosen;
    if (!daemons.isEmpty()) {
        chosen = daemons.constFirst();
        for (const Daemon &d : daemons) {
            if (d.port == 25) {
                chosen = d;
                break;
            }
        }
    }
    const bool inet6 = chosen.family == QLatin1String("inet6");
    if (remote) {
        const QHostAddress host(hostAddress);
        if (host.isNull())
            return QString();
        const bool hostInet6 = host.protocol() == QAbstractSocket::IPv6Protocol;
        QHostAddress address;
        if (chosen.address.isEmpty() || !address.setAddress(chosen.address))
            return chosen.address.isEmpty() && inet6 == hostInet6 ? hostAddress : QString();
        if (address == host || (address == QHostAddress::AnyIPv4 && !hostInet6)
            || (address == QHostAddress::AnyIPv6 && hostInet6))
            return hostAddress;
        // Its loopback cannot be reached from here.
        return address.isLoopback() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
            ? QString()
            : address.toString();
    }
    if (chosen.address.isEmpty())
        return inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    QHostAddress address;
    if (!address.setAddress(chosen.address))
        return QString();
    if (address == QHostAddress::AnyIPv4)
        return QStringLiteral("127.0.0.1");
    if (address == QHostAddress::AnyIPv6)
        return QStringLiteral("::1");
    return address.toString();
}

quint16 SendmailInspectionResult::listenPort() const
{
    const QList<Daemon> daemons = daemonsOf(cf);
    if (daemons.isEmpty())
        return 25;
    for (const Daemon &d : daemons)
        if (d.port == 25)
            return 25;
    return daemons.constFirst().port;
}

QStringList SendmailInspectionResult::validateCommand() const
{
    return {sendmailProgram, QStringLiteral("-C"), cfPath, QStringLiteral("-bt"), QStringLiteral("-d0.1")};
}

QStringList SendmailInspectionResult::statusCommand() const
{
    if (startStopProgram.isEmpty() || pidFile.isEmpty())
        return {};
    return {startStopProgram, QStringLiteral("--status"), QStringLiteral("--pidfile"),
            pidFile,          QStringLiteral("--exec"),   sendmailProgram};
}

QStringList SendmailInspectionResult::reloadCommand() const
{
    if (startStopProgram.isEmpty() || pidFile.isEmpty())
        return {};
    // Debian's init script reloads the same way; Sendmail starts again on
    // SIGHUP and reads sendmail.cf anew.
    return {startStopProgram,
            QStringLiteral("--stop"),
            QStringLiteral("--signal"),
            QStringLiteral("HUP"),
            QStringLiteral("--quiet"),
            QStringLiteral("--pidfile"),
            pidFile,
            QStringLiteral("--exec"),
            sendmailProgram};
}

} // namespace mailtls
