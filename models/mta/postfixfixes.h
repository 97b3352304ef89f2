#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/mta/dhchoice.h"

namespace mailtls {

struct PostfixInspectionResult;

// The change plans for a Postfix configuration, made from an inspection's
// main.cf bytes (PostfixMainCf keeps every other byte) and its settings. Each
// is idempotent: made again from the changed configuration, it is empty.
// Every plan validates with `postfix -c DIR check` and `postconf -c DIR -n`,
// asks `postfix -c DIR status`, and reloads with `postfix -c DIR reload`.
// Files other than main.cf are read through the inspection
// (PostfixInspectionResult::file), so a plan for a remote host is made from
// what was read there.
class PostfixFixes final
{
    Q_DECLARE_TR_FUNCTIONS(PostfixFixes)

public:
    using DhChoice = mailtls::DhChoice;

    // Logjam: smtpd_tls_dh1024_param_file names the chosen group's file (the
    // file written first, main.cf after it), or is removed from main.cf for
    // Auto. Nothing to change when the file in use already holds the chosen
    // group (its prime and generator, in any PEM layout; Auto: when the
    // setting is empty or "auto"). Verified by a DHE-only probe that must get
    // the chosen prime (Auto: 2048 bits or more).
    static std::optional<ChangePlan> logjam(const PostfixInspectionResult &inspection, const DhChoice &choice,
                                            QString *error);
    // STARTTLS: smtpd_tls_security_level = may and smtp_tls_security_level =
    // may where they are none (an "encrypt" or stricter level stays), and
    // smtpd_tls_cert_file / smtpd_tls_key_file when given (absolute paths;
    // both or neither). Without them the server must have a certificate
    // already. Verified by a probe that must complete a STARTTLS handshake.
    static std::optional<ChangePlan> starttls(const PostfixInspectionResult &inspection, const QString &certFile,
                                              const QString &keyFile, QString *error);
    // TLS logging: smtpd_tls_loglevel = 1 and smtp_tls_loglevel = 1 where
    // they are below 1 (a higher level stays). Nothing to probe.
    static std::optional<ChangePlan> tlsLogging(const PostfixInspectionResult &inspection, QString *error);

    // The file a choice writes: DIR/dh_ffdhe3072.pem, DIR/dh_2048.pem.
    static QString dhFilePath(const PostfixInspectionResult &inspection, const DhChoice &choice, int bits);
    // Every file a Logjam plan may write (each RFC 7919 group, each size
    // offered for a group of its own): what a remote inspection reads ahead.
    static QStringList dhFilePaths(const PostfixInspectionResult &inspection);

private:
    static ChangePlan basePlan(const PostfixInspectionResult &inspection, const QString &title);
};

} // namespace mailtls
