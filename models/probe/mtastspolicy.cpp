#include "models/probe/mtastspolicy.h"

#include <QList>

namespace mailtls {

namespace {

// More problems than this in one file are summed up: a hostile policy of 64
// KiB of junk lines must not yield thousands of messages.
constexpr int MaxErrors = 10;

bool isLetDig(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// RFC 8461 3.2: sts-policy-ext-name.
bool isFieldName(const QString &name)
{
    if (name.isEmpty() || name.size() > 32 || !isLetDig(name.at(0)))
        return false;
    for (QChar c : name) {
        if (!isLetDig(c) && c != u'_' && c != u'-' && c != u'.')
            return false;
    }
    return true;
}

// RFC 5321 Domain: sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str].
bool isDomain(const QString &domain)
{
    if (domain.isEmpty() || domain.size() > 253)
        return false;
    const QStringList labels = domain.split(u'.');
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || !isLetDig(label.front()) || !isLetDig(label.back()))
            return false;
        for (QChar c : label) {
            if (!isLetDig(c) && c != u'-')
                return false;
        }
    }
    return true;
}

// RFC 8461 3.2: sts-policy-mx-value = ["*."] Domain.
bool isMxPattern(const QString &pattern)
{
    return isDomain(pattern.startsWith(QLatin1String("*.")) ? pattern.mid(2) : pattern);
}

QString normalisedName(const QString &name)
{
    QString lower = name.trimmed().toLower();
    if (lower.endsWith(u'.'))
        lower.chop(1);
    return lower;
}

bool isWsp(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A policy line for an error message: printable, bounded.
QString shown(const QString &text)
{
    QString out;
    for (QChar c : text.left(80))
        out.append(c.isPrint() ? c : QChar(u'?'));
    if (text.size() > 80)
        out.append(QStringLiteral("…"));
    return out;
}

} // namespace

MtaStsPolicy MtaStsPolicy::parse(const QByteArray &text)
{
    MtaStsPolicy policy;
    QStringList problems;
    bool haveVersion = false;
    bool haveMode = false;
    bool haveMaxAge = false;

    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        QByteArray raw = lines.at(i);
        if (raw.endsWith('\r'))
            raw.chop(1);
        const QString line = QString::fromUtf8(raw);
        // The last line's terminator is optional, and a blank line says nothing.
        if (line.trimmed().isEmpty())
            continue;

        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            problems.append(tr("line %1: \"%2\" is not a \"key: value\" field").arg(lineNo).arg(shown(line)));
            continue;
        }
        const QString key = line.left(colon);
        QString value = line.mid(colon + 1);
        while (!value.isEmpty() && isWsp(value.front()))
            value.remove(0, 1);
        while (!value.isEmpty() && isWsp(value.back()))
            value.chop(1);

        if (!isFieldName(key)) {
            problems.append(tr("line %1: \"%2\" is not a valid field name").arg(lineNo).arg(shown(key)));
            continue;
        }

        static const QStringList knownKeys
            = {QStringLiteral("version"), QStringLiteral("mode"), QStringLiteral("max_age"), QStringLiteral("mx")};
        if (!knownKeys.contains(key)) {
            // Field names are case-sensitive: "Mode" is an unknown extension
            // that senders skip, which leaves the policy without its mode.
            const QString lower = key.toLower();
            if (knownKeys.contains(lower))
                problems.append(tr("line %1: field names are case-sensitive: \"%2\" must be written \"%3\"")
                                    .arg(lineNo)
                                    .arg(key, lower));
            continue;
        }

        if (key == QLatin1String("mx")) {
            if (!isMxPattern(value))
                problems.append(
                    tr("line %1: mx \"%2\" is neither a host name nor a \"*.\" pattern").arg(lineNo).arg(shown(value)));
            policy.mxPatterns.append(value);
            continue;
        }

        bool *seen = key == QLatin1String("version") ? &haveVersion
            : key == QLatin1String("mode")           ? &haveMode
                                                     : &haveMaxAge;
        if (*seen) {
            problems.append(tr("line %1: a second %2 field; the first one counts").arg(lineNo).arg(key));
            continue;
        }
        *seen = true;

        if (key == QLatin1String("version")) {
            policy.version = value;
            if (value != QLatin1String("STSv1"))
                problems.append(
                    tr("line %1: version \"%2\" is not STSv1, the only version defined").arg(lineNo).arg(shown(value)));
        } else if (key == QLatin1String("mode")) {
            if (value == QLatin1String("enforce") || value == QLatin1String("testing")
                || value == QLatin1String("none"))
                policy.mode = value;
            else
                problems.append(
                    tr("line %1: mode \"%2\" is not one of enforce, testing, none").arg(lineNo).arg(shown(value)));
        } else {
            bool digitsOnly = !value.isEmpty() && value.size() <= 10;
            for (QChar c : value)
                digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
            if (!digitsOnly) {
                problems.append(tr("line %1: max_age \"%2\" is not a number of seconds (1 to 10 digits)")
                                    .arg(lineNo)
                                    .arg(shown(value)));
            } else {
                policy.maxAge = value.toLongLong();
                if (policy.maxAge > MaxMaxAge)
                    problems.append(tr("line %1: max_age %2 is more than the maximum of %3 seconds (a year)")
                                        .arg(lineNo)
                                        .arg(policy.maxAge)
                                        .arg(MaxMaxAge));
            }
        }
    }

    if (!haveVersion)
        problems.append(tr("the policy has no version field"));
    if (!haveMode)
        problems.append(tr("the policy has no mode field"));
    if (!haveMaxAge)
        problems.append(tr("the policy has no max_age field"));
    // RFC 8461 3.2: a policy that is enforced or tested names its MX hosts.
    if (policy.mxPatterns.isEmpty() && policy.mode != QLatin1String("none"))
        problems.append(tr("the policy has no mx field"));

    if (problems.size() > MaxErrors) {
        const qsizetype more = problems.size() - MaxErrors;
        problems = problems.mid(0, MaxErrors);
        problems.append(tr("and %n more problem(s)", nullptr, int(more)));
    }
    policy.errors = problems;
    return policy;
}

bool MtaStsPolicy::mxMatches(const QString &pattern, const QString &mxName)
{
    const QString p = normalisedName(pattern);
    const QString name = normalisedName(mxName);
    if (p.isEmpty() || name.isEmpty())
        return false;
    if (!p.startsWith(QLatin1String("*.")))
        return p == name;
    // "*.example.test": exactly one label in front of ".example.test".
    const QString suffix = p.mid(1);
    if (!name.endsWith(suffix) || name.size() == suffix.size())
        return false;
    const QString first = name.left(name.size() - suffix.size());
    return !first.contains(u'.');
}

QStringList MtaStsPolicy::uncoveredMx(const QStringList &mxNames) const
{
    QStringList uncovered;
    for (const QString &raw : mxNames) {
        const QString name = normalisedName(raw);
        if (name.isEmpty() || uncovered.contains(name))
            continue;
        bool covered = false;
        for (const QString &pattern : mxPatterns)
            covered = covered || mxMatches(pattern, name);
        if (!covered)
            uncovered.append(name);
    }
    return uncovered;
}

} // namespace mailtls
