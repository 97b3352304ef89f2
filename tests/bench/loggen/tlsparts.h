#pragma once

#include <string>

#include "tests/bench/loggen/mailworld.h"

namespace mailtls::bench {

// The protocol, cipher and key bits of a host's TLS description ("TLSv1.3 with
// cipher TLS_AES_256_GCM_SHA384 (256/256 bits) …", as the Postfix generator
// keeps it), for MTAs that log them as fields of their own.
struct TlsParts
{
    std::string protocol; // "TLSv1.3"
    std::string cipher; // OpenSSL's name
    std::string bits; // "256"

    static TlsParts of(const std::string &description);
};

} // namespace mailtls::bench
