#pragma once

#include <cstdint>

namespace mailtls {

// Why a store file could not be opened. Each kind asks the user for something
// different (free space or permissions, another file, a newer MailTLS), so the
// CLI and the GUI can act on the kind and show the message.
enum class StoreOpenFailure : std::uint8_t {
    None,
    Unavailable,      // cannot be opened or written at all (permissions, a folder, I/O)
    NotADatabase,     // not an SQLite file
    Damaged,          // an SQLite file that is truncated or corrupt
    NewerSchema,      // a MailTLS store from a newer version
    ForeignDatabase,  // an SQLite database of another application
};

} // namespace mailtls
