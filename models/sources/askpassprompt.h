#pragma once

#include <optional>

#include <QString>

#include "models/sources/hostkeyquestion.h"

namespace mailtls {

// What ssh asks through its askpass helper (the prompt is the helper's only
// argument), sorted so the answer can come from the right place:
//
//   HostKey     "The authenticity of host … can't be established. … (yes/no/[fingerprint])? "
//               hostKey() has host, port, key type and fingerprint for the user
//               to judge; answer "yes" to trust the key (ssh files it in
//               MailTLS's known-hosts file), anything else refuses it.
//   Password    "mail@mx.example.org's password: ", or keyboard-interactive
//               "(mail@mx.example.org) Password: "; account() is "mail@mx.example.org"
//               as ssh wrote it (empty for a bare "Password: ").
//   Passphrase  "Enter passphrase for key '/home/me/.ssh/id_ed25519': "; keyFile()
//               is the path as ssh wrote it (ssh cuts it at 100 characters).
//   Other       anything else: a one-time code, a security key's PIN, ssh asking
//               again after an answer it did not understand ("Please type 'yes',
//               'no' or the fingerprint: "). Ask the user each time and keep
//               nothing; refusing (an empty answer, or the helper failing) is
//               always safe.
//
// Texts are OpenSSH 9.2's; a prompt that only resembles one is Other.
class AskpassPrompt final
{
public:
    enum class Kind { HostKey, Password, Passphrase, Other };

    explicit AskpassPrompt(const QString &prompt);

    Kind kind() const { return m_kind; }
    // The prompt as ssh gave it.
    const QString &text() const { return m_text; }
    // Set for Kind::HostKey only.
    const std::optional<HostKeyQuestion> &hostKey() const { return m_hostKey; }
    // Kind::Password: the account asked for; empty otherwise.
    const QString &account() const { return m_account; }
    // Kind::Passphrase: the key file; empty otherwise.
    const QString &keyFile() const { return m_keyFile; }

private:
    Kind m_kind = Kind::Other;
    QString m_text;
    std::optional<HostKeyQuestion> m_hostKey;
    QString m_account;
    QString m_keyFile;
};

} // namespace mailtls
