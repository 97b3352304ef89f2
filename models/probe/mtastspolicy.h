#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mailtls {

// An MTA-STS policy file (RFC 8461 3.2) as a sending MTA reads it: CRLF- or
// LF-terminated "key: value" lines with version, mode, max_age and mx
// fields; unknown keys are ignored, the first of a repeated field counts.
// Every problem a sender would trip over is in errors (empty: a valid policy).
class MtaStsPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(MtaStsPolicy)

public:
    // RFC 8461 3.2: the longest max_age a policy may have (about a year).
    static constexpr qint64 MaxMaxAge = 31557600;

    QString version;
    QString mode; // enforce | testing | none, or empty when missing or invalid
    QStringList mxPatterns; // as written, in order
    qint64 maxAge = -1; // -1 when missing or not a number
    QStringList errors; // translated, each naming the line it is about

    bool isValid() const { return errors.isEmpty(); }

    static MtaStsPolicy parse(const QByteArray &text);

    // RFC 8461 4.1: a pattern matches a name equal to it, or "*.rest" matches
    // a name of exactly one more label than "rest". Case-insensitive; a
    // trailing dot on either side is ignored.
    static bool mxMatches(const QString &pattern, const QString &mxName);

    // The names (lower case, without a trailing dot, each once, in their
    // order) that no mx pattern of this policy matches.
    QStringList uncoveredMx(const QStringList &mxNames) const;
};

} // namespace mailtls
