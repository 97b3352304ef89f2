#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/mta/changeplan.h"
#include "models/mta/dhchoice.h"

namespace mailtls {

struct DovecotInspectionResult;

// The Logjam plan for a Dovecot configuration, made from an inspection's
// files (DovecotConfig keeps every other byte): the DH setting (Dovecot 2.3
// `ssl_dh = </DIR/dh_ffdhe3072.pem`, from 2.4 `ssl_server_dh_file = PATH`)
// names the chosen group's file, written first, and the setting is changed
// where its global line is (Debian: conf.d/10-ssl.conf) or added there.
// Nothing to change when the file in use already holds the chosen group (its
// prime and generator, in any PEM layout): the plan is idempotent.
//
// Dovecot has no automatic group (DhChoice::Kind::Auto is refused with
// autoDhUnavailableReason()), and no STARTTLS or TLS-logging fix here.
// Validation is `doveconf -n -c FILE` and `doveconf -x -c FILE -h ssl_dh`
// (which opens every `<path` file, as Dovecot's start and reload do), with
// the group file required to exist;
// `pgrep -F base_dir/master.pid -x dovecot` tells whether it runs, and
// `doveadm -c FILE reload` (without doveadm: SIGHUP to the master through
// pkill) reloads it. A plan reads no file of its own: it is made from the
// bytes the inspection read (its configuration and DovecotInspectionResult::
// files), so that it is the same on this computer and on another host. MailTLS's probe speaks SMTP only, so the plan is
// not probed (Check::None); its notes give the openssl command that checks IMAPS.
class DovecotFixes final
{
    Q_DECLARE_TR_FUNCTIONS(DovecotFixes)

public:
    using DhChoice = mailtls::DhChoice;

    static std::optional<ChangePlan> logjam(const DovecotInspectionResult &inspection, const DhChoice &choice,
                                            QString *error);

    // Why DhChoice::Kind::Auto is no choice for this Dovecot (translated).
    static QString autoDhUnavailableReason(const DovecotInspectionResult &inspection);

    // The file a choice writes: DIR/dh_ffdhe3072.pem, DIR/dh_3072.pem.
    static QString dhFilePath(const DovecotInspectionResult &inspection, const DhChoice &choice, int bits);
    // Every file a Logjam plan may write (each RFC 7919 group, each size
    // offered for a group of its own): the inspection reads them ahead.
    static QStringList dhFilePaths(const DovecotInspectionResult &inspection);

    // The command that shows the DH group IMAPS (implicit TLS) hands a
    // DHE-only TLS 1.2 client: its "Server Temp Key" line.
    static QString checkCommand(const QString &address, quint16 port);

private:
    static ChangePlan basePlan(const DovecotInspectionResult &inspection, const QString &title);
};

} // namespace mailtls
