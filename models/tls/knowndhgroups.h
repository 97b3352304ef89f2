#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mailtls {

// A Diffie-Hellman group known by name: the RFC 7919 ffdhe groups, the RFC 3526
// and RFC 2409 (Oakley) MODP groups, the RFC 5114 groups, and primes that
// common servers ship as their default. A widely shared prime under 2048 bits
// is the Logjam worst case: one precomputation breaks every server using it.
struct KnownDhGroup
{
    QString name;    // "ffdhe2048", "RFC 2409 Oakley group 2", …
    QString source;  // "RFC 7919", "Postfix built-in default", …
    int bits = 0;
    bool widelyShared = true;

    // "ffdhe2048 (RFC 7919)", "RFC 2409 Oakley group 2": the source only
    // where the name does not say it already.
    QString title() const
    {
        QStringList parts = source.split(QStringLiteral("; "), Qt::SkipEmptyParts);
        if (!parts.isEmpty() && name.startsWith(parts.first()))
            parts.removeFirst();
        return parts.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, parts.join(QStringLiteral("; ")));
    }
};

class KnownDhGroups final
{
    Q_DECLARE_TR_FUNCTIONS(KnownDhGroups)

public:
    // `prime` big-endian, leading zero bytes allowed.
    static std::optional<KnownDhGroup> identify(const QByteArray &prime);
    // Every group known, smallest first.
    static QList<KnownDhGroup> all();
};

} // namespace mailtls
