#include "models/sources/sourcespec.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace mailtls {

namespace {

const QString sshScheme = QStringLiteral("ssh://");
const QString journalWord = QStringLiteral("journal");

// A word handed to ssh or journalctl as an argument of its own: it must not be
// mistaken for an option, and carries no spaces or control characters.
bool isPlainWord(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.@:\\\\+=][A-Za-z0-9_.@:\\\\+=-]*$"));
    return plain.match(word).hasMatch();
}

bool isHostName(const QString &host)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$"));
    static const QRegularExpression v6(QStringLiteral("^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$"));
    return name.match(host).hasMatch() || (host.contains(QLatin1Char(':')) && v6.match(host).hasMatch());
}

// "journal" or "journal:UNIT" sets `spec` to a journal; false for anything else.
bool parseJournal(const QString &text, SourceSpec &spec, QString *error, bool *isJournal)
{
    *isJournal = false;
    if (text != journalWord && !text.startsWith(journalWord + QLatin1Char(':')))
        return true;
    *isJournal = true;
    spec.kind = SourceSpec::Kind::Journal;
    spec.unit = text.mid(journalWord.size() + 1);
    if (text.size() > journalWord.size() && spec.unit.isEmpty()) {
        *error = SourceSpec::tr("\"%1\" names no unit after \"journal:\": give one (journal:postfix.service) "
                                "or write \"journal\" alone for the mail server's usual identifiers.")
                     .arg(text);
        return false;
    }
    if (!spec.unit.isEmpty() && !isPlainWord(spec.unit)) {
        *error = SourceSpec::tr("\"%1\" is not a systemd unit name (it has spaces, or starts with a dash).")
                     .arg(spec.unit);
        return false;
    }
    return true;
}

std::optional<SourceSpec> parseSsh(const QString &text, QString *error)
{
    SourceSpec spec;
    const QString rest = text.mid(sshScheme.size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0 || slash == rest.size() - 1) {
        *error = SourceSpec::tr("\"%1\" names no log on the host: add the log's path "
                                "(ssh://host/var/log/mail.log) or /journal.")
                     .arg(text);
        return std::nullopt;
    }
    QString authority = rest.left(slash);
    const QString path = QUrl::fromPercentEncoding(rest.mid(slash).toUtf8());

    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        spec.user = authority.left(at);
        authority = authority.mid(at + 1);
        if (spec.user.isEmpty() || !isPlainWord(spec.user)) {
            *error = SourceSpec::tr("\"%1\" is not a user name ssh can log in as.").arg(spec.user);
            return std::nullopt;
        }
    }
    QString portText;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = SourceSpec::tr("\"%1\" opens an IPv6 address with \"[\" but does not close it.").arg(text);
            return std::nullopt;
        }
        spec.host = authority.mid(1, close - 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                *error = SourceSpec::tr("\"%1\" has text after the IPv6 address that is not a port.").arg(text);
                return std::nullopt;
            }
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
        spec.host = colon < 0 ? authority : authority.left(colon);
        if (colon >= 0)
            portText = authority.mid(colon + 1);
    }
    if (spec.host.isEmpty() || !isHostName(spec.host)) {
        *error = SourceSpec::tr("\"%1\" is not a host name or address.").arg(spec.host);
        return std::nullopt;
    }
    if (!portText.isNull()) {
        bool ok = false;
        spec.port = portText.toInt(&ok);
        if (!ok || spec.port < 1 || spec.port > 65535) {
            *error = SourceSpec::tr("\"%1\" is not a port number (1 to 65535).").arg(portText);
            return std::nullopt;
        }
    }

    bool isJournal = false;
    if (!parseJournal(path.mid(1), spec, error, &isJournal))
        return std::nullopt;
    if (!isJournal) {
        spec.kind = SourceSpec::Kind::File;
        spec.path = path;
        if (path.contains(QChar(0)) || path.contains(QLatin1Char('\n'))) {
            *error = SourceSpec::tr("The path \"%1\" has a line break or a NUL in it.").arg(path);
            return std::nullopt;
        }
    }
    return spec;
}

} // namespace

std::optional<SourceSpec> SourceSpec::parse(const QString &text, QString *error,
                                            const QString &workingDirectory)
{
    if (text.trimmed().isEmpty()) {
        *error = tr("The source is empty: give a log file, journal[:UNIT], or ssh://host/path.");
        return std::nullopt;
    }
    if (text.startsWith(sshScheme))
        return parseSsh(text, error);

    SourceSpec spec;
    bool isJournal = false;
    if (!parseJournal(text, spec, error, &isJournal))
        return std::nullopt;
    if (isJournal)
        return spec;
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (scheme.match(text).hasMatch()) {
        *error = tr("\"%1\" uses a scheme MailTLS cannot follow; it follows local files, "
                    "journal[:UNIT] and ssh://host/path.")
                     .arg(text);
        return std::nullopt;
    }
    if (text.contains(QChar(0)) || text.contains(QLatin1Char('\n'))) {
        *error = tr("The path \"%1\" has a line break or a NUL in it.").arg(text);
        return std::nullopt;
    }
    const QDir base(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory);
    spec.kind = Kind::File;
    spec.path = QDir::cleanPath(base.absoluteFilePath(text));
    return spec;
}

QString SourceSpec::toString() const
{
    QString what = kind == Kind::Journal
                       ? (unit.isEmpty() ? journalWord : journalWord + QLatin1Char(':') + unit)
                       : path;
    if (!isRemote())
        return what;
    QString authority;
    if (!user.isEmpty())
        authority += user + QLatin1Char('@');
    authority += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port != 0)
        authority += QLatin1Char(':') + QString::number(port);
    if (kind == Kind::Journal)
        return sshScheme + authority + QLatin1Char('/') + what;
    return sshScheme + authority + QString::fromLatin1(QUrl::toPercentEncoding(what, "/-._~:@+=,"));
}

QString SourceSpec::displayName() const
{
    QString what;
    if (kind == Kind::Journal)
        what = unit.isEmpty() ? tr("journal") : tr("journal (%1)").arg(unit);
    else
        what = QDir::toNativeSeparators(path);
    if (!isRemote())
        return what;
    QString where = user.isEmpty() ? QString() : user + QLatin1Char('@');
    if (port != 0) {
        where += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
        where += QLatin1Char(':') + QString::number(port);
    } else {
        where += host;
    }
    return tr("%1: %2").arg(where, what);
}

bool SourceSpec::operator==(const SourceSpec &other) const
{
    return kind == other.kind && path == other.path && unit == other.unit && user == other.user
           && host == other.host && port == other.port;
}

} // namespace mailtls
