#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/probe/probetypes.h"

namespace mailtls {

// Reads what a user types as a probe target:
//   "example.org"            a mail domain (its MX hosts are probed)
//   "mx1.example.org:2525"   one host on a port
//   "192.0.2.1", "2001:db8::1", "[2001:db8::1]:25"   one address
// Names lose a trailing dot, are lower-cased and internationalised names
// become their ACE form ("bücher.example" → "xn--bcher-kva.example").
// A target with a port, or an IP literal, is a Host; a bare name is a Domain.
class ProbeTargetParser final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeTargetParser)

public:
    // `defaultPort`: the port of a target that names none. std::nullopt with
    // a message naming the problem (and the text) when it is not a target.
    static std::optional<ProbeTarget> parse(const QString &text, quint16 defaultPort, QString *error);

private:
    static bool checkLabels(const QString &host, const QStringList &labels, bool skipNonAscii, QString *error);
};

} // namespace mailtls
