#include "tests/bench/loggen/tlsparts.h"

namespace mailtls::bench {

TlsParts TlsParts::of(const std::string &description)
{
    TlsParts parts;
    const std::size_t space = description.find(' ');
    parts.protocol = description.substr(0, space);
    const std::string marker = " with cipher ";
    const std::size_t cipher = description.find(marker);
    if (cipher == std::string::npos)
        return parts;
    const std::size_t cipherStart = cipher + marker.size();
    const std::size_t open = description.find(" (", cipherStart);
    parts.cipher = description.substr(cipherStart, open - cipherStart);
    if (open != std::string::npos) {
        const std::size_t slash = description.find('/', open);
        parts.bits = description.substr(open + 2, slash - open - 2);
    }
    return parts;
}

} // namespace mailtls::bench
