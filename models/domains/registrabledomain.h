#pragma once

#include <QString>

namespace mailtls {

// The registrable domain of a host name, by the Public Suffix List:
// mx1.mail.example.co.uk -> example.co.uk. Reports grouped by domain merge a
// peer's hosts under it. Safe to call from any thread.
class RegistrableDomain final
{
public:
    // An IP address, a public suffix on its own, and anything that is not a
    // host name come back as given; a host name comes back in lower case.
    static QString of(const QString &host);
};

} // namespace mailtls
