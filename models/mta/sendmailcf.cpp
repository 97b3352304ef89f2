#include "models/mta/sendmailcf.h"

#include <QFile>

namespace mailtls {

namespace {

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

bool isBuildStamp(const QByteArray &line)
{
    return line.startsWith("##### built by ") || line.startsWith("##### in ") || line.startsWith("##### using ");
}

// The option a line sets: its long name and value; false for other lines.
bool parseOption(const QByteArray &line, QByteArray *name, QByteArray *value)
{
    if (line.size() < 2 || line.at(0) != 'O')
        return false;
    if (line.at(1) == ' ' || line.at(1) == '\t') {
        const QByteArray rest = line.mid(2).trimmed();
        const qsizetype equals = rest.indexOf('=');
        *name = (equals < 0 ? rest : rest.left(equals)).trimmed();
        *value = equals < 0 ? QByteArray() : rest.mid(equals + 1).trimmed();
        return !name->isEmpty();
    }
    // The one-letter form of the options MailTLS reads.
    if (line.at(1) == 'L') {
        *name = "LogLevel";
        *value = line.mid(2).trimmed();
        return true;
    }
    return false;
}

} // namespace

std::optional<QString> SendmailCf::option(const QByteArray &cf, const QByteArray &name)
{
    const QStringList all = options(cf, name);
    if (all.isEmpty())
        return std::nullopt;
    return all.constLast();
}

QStringList SendmailCf::options(const QByteArray &cf, const QByteArray &name)
{
    QStringList result;
    for (const QByteArray &line : linesOf(cf)) {
        QByteArray key;
        QByteArray value;
        if (parseOption(line, &key, &value) && key == name)
            result.append(QString::fromUtf8(value));
    }
    return result;
}

bool SendmailCf::sameBuild(const QByteArray &a, const QByteArray &b)
{
    if (a == b)
        return true;
    const QList<QByteArray> left = linesOf(a);
    const QList<QByteArray> right = linesOf(b);
    if (left.size() != right.size())
        return false;
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (left.at(i) != right.at(i) && !(isBuildStamp(left.at(i)) && isBuildStamp(right.at(i))))
            return false;
    }
    return true;
}

QStringList SendmailCf::differentOptions(const QByteArray &a, const QByteArray &b)
{
    const auto optionLines = [](const QByteArray &cf) {
        QList<QByteArray> lines;
        for (const QByteArray &line : linesOf(cf)) {
            QByteArray name;
            QByteArray value;
            if (parseOption(line, &name, &value))
                lines.append(line);
        }
        return lines;
    };
    const QList<QByteArray> left = optionLines(a);
    const QList<QByteArray> right = optionLines(b);
    QStringList result;
    for (const QByteArray &line : left)
        if (!right.contains(line))
            result.append(QString::fromUtf8(line));
    for (const QByteArray &line : right)
        if (!left.contains(line))
            result.append(QString::fromUtf8(line));
    return result;
}

QByteArray SendmailCf::debianTrailerHeaderFor(const QString &mcPath)
{
    return "### " + QFile::encodeName(mcPath) + " ###";
}

QByteArray SendmailCf::debianTrailerHeader(const QByteArray &cf)
{
    const QList<QByteArray> lines = linesOf(cf);
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith("### ") && line.endsWith(".mc ###") && line.size() > 11)
            return line;
        // Below the header only the copied lines: "# …", or nothing after
        // the final newline.
        if (!line.startsWith('#') && !(i == lines.size() - 1 && line.isEmpty()))
            return QByteArray();
    }
    return QByteArray();
}

QByteArray SendmailCf::withDebianTrailer(const QByteArray &m4Output, const QByteArray &header, const QByteArray &mc)
{
    if (header.isEmpty())
        return m4Output;
    QByteArray result = m4Output + header + '\n';
    qsizetype at = 0;
    while (at < mc.size()) {
        const qsizetype end = mc.indexOf('\n', at);
        if (end < 0) {
            result += "# " + mc.mid(at);
            break;
        }
        result += "# " + mc.mid(at, end + 1 - at);
        at = end + 1;
    }
    return result;
}

QList<QPair<QString, QString>> SendmailCf::fields(const QString &daemonOptions)
{
    QList<QPair<QString, QString>> result;
    for (const QString &part : daemonOptions.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0)
            result.append({part.trimmed(), QString()});
        else
            result.append({part.left(equals).trimmed(), part.mid(equals + 1).trimmed()});
    }
    return result;
}

quint16 SendmailCf::portNumber(const QString &port)
{
    const QString p = port.trimmed().toLower();
    if (p == QLatin1String("smtp"))
        return 25;
    if (p == QLatin1String("submission"))
        return 587;
    if (p == QLatin1String("smtps") || p == QLatin1String("submissions"))
        return 465;
    bool ok = false;
    const uint number = p.toUInt(&ok);
    return ok && number > 0 && number < 65536 ? quint16(number) : 0;
}

} // namespace mailtls
