#include "models/campaign/lettertemplate.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace mailtls {

namespace {

const QRegularExpression &sectionLine()
{
    static const QRegularExpression re(QStringLiteral("^\\[([A-Za-z0-9:_-]+)\\]\\s*$"));
    return re;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return re;
}

QStringList globalPlaceholders()
{
    return {QStringLiteral("recipient_name"), QStringLiteral("recipient_address"), QStringLiteral("their_domain"),
            QStringLiteral("their_mx"),       QStringLiteral("our_domain"),        QStringLiteral("our_address"),
            QStringLiteral("signoff")};
}

// Leading and trailing blank lines are layout of the file, not of the text.
QString trimBlankLines(const QStringList &lines)
{
    qsizetype first = 0;
    qsizetype last = lines.size();
    while (first < last && lines.at(first).trimmed().isEmpty())
        ++first;
    while (last > first && lines.at(last - 1).trimmed().isEmpty())
        --last;
    return lines.mid(first, last - first).join(QLatin1Char('\n'));
}

} // namespace

QStringList LetterTemplate::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QStringList LetterTemplate::adviceKinds()
{
    return {QStringLiteral("no-starttls"), QStringLiteral("no-tls-client"), QStringLiteral("handshake"),
            QStringLiteral("weak-dh"),     QStringLiteral("old-tls"),       QStringLiteral("certificate"),
            QStringLiteral("unknown")};
}

QStringList LetterTemplate::sectionNames()
{
    QStringList names{QStringLiteral("subject"),           QStringLiteral("body"),
                      QStringLiteral("failure"),           QStringLiteral("direction:inbound"),
                      QStringLiteral("direction:outbound"), QStringLiteral("probe"),
                      QStringLiteral("probe-none")};
    for (const QString &kind : adviceKinds())
        names.append(QStringLiteral("advice:") + kind);
    return names;
}

QStringList LetterTemplate::placeholders(const QString &section)
{
    QStringList names = globalPlaceholders();
    if (section == QLatin1String("body"))
        names << QStringLiteral("failures") << QStringLiteral("advice") << QStringLiteral("probe");
    else if (section == QLatin1String("failure"))
        names << QStringLiteral("peer") << QStringLiteral("direction") << QStringLiteral("reason")
              << QStringLiteral("count") << QStringLiteral("messages") << QStringLiteral("first_seen")
              << QStringLiteral("last_seen") << QStringLiteral("our_addresses") << QStringLiteral("their_addresses");
    else if (section == QLatin1String("probe"))
        names << QStringLiteral("probe_target") << QStringLiteral("probed_at") << QStringLiteral("findings");
    return names;
}

QString LetterTemplate::defaultText(const QString &language)
{
    if (!languages().contains(language))
        return QString();
    QFile file(QStringLiteral(":/letters/%1.txt").arg(language));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QString LetterTemplate::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/letters");
}

QString LetterTemplate::userFile(const QString &language)
{
    return userFolder() + QStringLiteral("/%1.txt").arg(language);
}

std::optional<LetterTemplate> LetterTemplate::parse(const QString &text, QStringList *problems)
{
    QStringList found;
    LetterTemplate result;
    QString current;
    QStringList lines;
    const QStringList known = sectionNames();
    QStringList ownProblems;

    const auto finish = [&] {
        if (!current.isEmpty())
            result.m_sections.insert(current, trimBlankLines(lines));
        lines.clear();
    };

    const QStringList all = QString(text).remove(QLatin1Char('\r')).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &line = all.at(i);
        const int number = int(i + 1);
        const QRegularExpressionMatch header = sectionLine().match(line);
        if (header.hasMatch()) {
            finish();
            current = header.captured(1);
            if (!known.contains(current))
                ownProblems.append(tr("line %1: unknown section [%2]").arg(number).arg(current));
            else if (found.contains(current))
                ownProblems.append(tr("line %1: section [%2] appears twice").arg(number).arg(current));
            found.append(current);
            continue;
        }
        if (current.isEmpty()) {
            if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#')))
                ownProblems.append(tr("line %1: text before the first section").arg(number));
            continue;
        }
        if (!known.contains(current)) {
            continue;
        }
        const QStringList allowed = placeholders(current);
        QString rest = line;
        QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!allowed.contains(m.captured(1)))
                ownProblems.append(tr("line %1: unknown placeholder %2 in [%3]")
                                       .arg(number)
                                       .arg(m.captured(0), current));
        }
        rest.remove(placeholderPattern());
        if (rest.contains(QLatin1String("{{")) || rest.contains(QLatin1String("}}")))
            ownProblems.append(tr("line %1: unmatched braces in [%2]").arg(number).arg(current));
        lines.append(line);
    }
    finish();

    for (const QString &name : known) {
        if (!found.contains(name))
            ownProblems.append(tr("section [%1] is missing").arg(name));
    }
    const QString subject = result.m_sections.value(QStringLiteral("subject"));
    if (found.contains(QStringLiteral("subject"))
        && (subject.trimmed().isEmpty() || subject.contains(QLatin1Char('\n'))))
        ownProblems.append(tr("section [subject] must be exactly one line"));

    if (problems)
        *problems = ownProblems;
    if (!ownProblems.isEmpty())
        return std::nullopt;
    return result;
}

std::optional<LetterTemplate> LetterTemplate::load(const QString &language, const QString &userFile,
                                                   QString *note)
{
    QString why;
    if (!userFile.isEmpty() && QFileInfo::exists(userFile)) {
        QFile file(userFile);
        if (!file.open(QIODevice::ReadOnly)) {
            why = tr("%1 cannot be read (%2): the built-in template is used").arg(userFile, file.errorString());
        } else {
            QStringList problems;
            std::optional<LetterTemplate> own = parse(QString::fromUtf8(file.readAll()), &problems);
            if (own) {
                own->m_origin = userFile;
                if (note)
                    note->clear();
                return own;
            }
            why = tr("%1 is not used, the built-in template is: %2")
                      .arg(userFile, problems.join(QStringLiteral("; ")));
        }
    }
    if (note)
        *note = why;

    const QString builtIn = defaultText(language);
    if (builtIn.isEmpty()) {
        if (note)
            *note = why.isEmpty() ? tr("there is no letter template for the language \"%1\"").arg(language)
                                  : why;
        return std::nullopt;
    }
    QStringList problems;
    std::optional<LetterTemplate> result = parse(builtIn, &problems);
    if (!result) {
        // A defect of the program itself, not of the user's files.
        if (note)
            *note = tr("the built-in %1 template is broken: %2").arg(language, problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    result->m_origin = QStringLiteral(":/letters/%1.txt").arg(language);
    return result;
}

std::optional<LetterTemplate> LetterTemplate::load(const QString &language, QString *note)
{
    return load(language, userFile(language), note);
}

QString LetterTemplate::fill(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype pos = 0;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        out += values.value(m.captured(1));
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    return out;
}

} // namespace mailtls
