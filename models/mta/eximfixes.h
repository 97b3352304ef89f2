#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/mta/dhchoice.h"

namespace mailtls {

struct EximInspectionResult;
class EximSources;

// The change plans for an Exim configuration, made from the bytes an
// inspection read (EximSources keeps every other byte, and on Debian puts
// new settings into the local macros file: exim4.conf.localmacros, or
// conf.d/main/000_localmacros in the split layout, as README.Debian 2.1.3
// recommends). Each is idempotent: made again from the changed files, it is
// empty.
//
// Validation, before anything is live: Debian's layouts run
// `update-exim4.conf --check` (it builds the configuration into a temporary
// file and lets `exim -C FILE -bV` judge it, leaving the file Exim reads
// alone); a configuration file of its own gets `exim -C FILE -bV`. The
// reload makes it live: Debian's `systemctl reload exim4` or
// `/etc/init.d/exim4 reload` run update-exim4.conf and signal the daemon;
// elsewhere start-stop-daemon sends the daemon of Exim's PID file SIGHUP,
// and Exim starts again with the new configuration.
class EximFixes final
{
    Q_DECLARE_TR_FUNCTIONS(EximFixes)

public:
    // Logjam: tls_dhparam names the chosen RFC 7919 group by Exim's own name
    // (Exim 4.88 and later; a file beside the configuration before) or the
    // file of a generated group (OpenSSL only: GnuTLS would offer an RFC 7919
    // group of the same size instead), and with OpenSSL tls_dh_max_bits rises
    // to the group's size where it is lower (Exim skips a larger group). Auto
    // removes tls_dhparam: Exim's default (GnuTLS: ffdhe2048; OpenSSL:
    // Exim's own 2048-bit group). The probe expects the group GnuTLS really
    // offers for the choice (ffdhe3072 for ffdhe4096).
    static std::optional<ChangePlan> logjam(const EximInspectionResult &inspection, const DhChoice &choice,
                                            QString *error);
    // STARTTLS: tls_certificate and tls_privatekey when given (on Debian:
    // MAIN_TLS_ENABLE, MAIN_TLS_CERTIFICATE and MAIN_TLS_PRIVATEKEY), and
    // tls_advertise_hosts = * where it is empty. Without a certificate Exim
    // (4.88 and later) offers one it makes itself, which the plan says.
    static std::optional<ChangePlan> starttls(const EximInspectionResult &inspection, const QString &certFile,
                                              const QString &keyFile, QString *error);
    // TLS logging: log_selector gets +tls_cipher, +tls_certificate_verified
    // and +tls_peerdn where they are off (on Debian through
    // MAIN_LOG_SELECTOR, whose Debian default is kept).
    static std::optional<ChangePlan> tlsLogging(const EximInspectionResult &inspection, QString *error);

    // The file a choice writes when it needs one: DIR/dh_ffdhe3072.pem,
    // DIR/dh_3072.pem.
    static QString dhFilePath(const EximInspectionResult &inspection, const DhChoice &choice, int bits);
    // Every file a Logjam plan may write (each RFC 7919 group, each size
    // offered for a group of its own): the inspection reads them ahead, so
    // that a plan reads no file of its own.
    static QStringList dhFilePaths(const EximInspectionResult &inspection);
    // What a new Debian local macros file starts with.
    static QByteArray localMacrosHeader(const EximInspectionResult &inspection);

    // A plan without edits: the inspection's validation, status and reload
    // commands, and the notes every Exim plan carries.
    static ChangePlan basePlan(const EximInspectionResult &inspection, const QString &title);

private:
    static QString currentValue(const EximInspectionResult &inspection, const EximSources &sources,
                                const QByteArray &option);
};

} // namespace mailtls
