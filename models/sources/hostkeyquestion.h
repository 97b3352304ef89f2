#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace mailtls {

// The question OpenSSH asks (through askpass, with StrictHostKeyChecking=ask)
// before it trusts a host key it has not seen:
//
//   The authenticity of host '[127.0.0.1]:2222 ([127.0.0.1]:2222)' can't be established.
//   ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.
//   This key is not known by any other names.
//   Are you sure you want to continue connecting (yes/no/[fingerprint])?
//
// Answering "yes" makes ssh write the key to its first UserKnownHostsFile
// (MailTLS's own) and connect; "no", an empty answer or a failed askpass makes
// it refuse. ssh never asks this about a key that differs from one on file.
struct HostKeyQuestion
{
    // The name the key is filed under: the host as given, or ssh's
    // HostKeyAlias ("127.0.0.1", "mx.example.org", "::1"), without brackets.
    QString host;
    // From "[host]:port", else from the address, else ssh's default 22.
    int port = 22;
    // The address ssh connected to, without brackets and port; empty when ssh
    // did not name one (a ProxyCommand).
    QString address;
    // "ED25519", "ECDSA", "RSA", …
    QString keyType;
    // As ssh printed it: "SHA256:…" (or "MD5:xx:…" with FingerprintHash md5).
    QString fingerprint;
    // The same key already trusted under other names, one "FILE:LINE: NAME"
    // each (ssh lists them so a user can tell a new name from a new key).
    QStringList otherNames;

    // The question in `prompt`, or std::nullopt when `prompt` is not one.
    static std::optional<HostKeyQuestion> parse(const QString &prompt);
};

} // namespace mailtls
