#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/mta/configfinding.h"
#include "models/mta/dhchoice.h"

namespace mailtls {

// One inspected mail service (an MTA, or Dovecot for IMAP and POP) as
// `mailtls fix` and the Fix My Server wizard see it: what runs, what the
// inspection found, and the change plans that fix it. Each service's
// inspection (PostfixInspection, EximInspection, …) makes one; the plans are
// made from exactly the bytes it read, and a plan made again from the changed
// configuration is empty.
class MailService
{
    Q_DECLARE_TR_FUNCTIONS(MailService)

public:
    enum class Kind { Postfix, Sendmail, Exim, Dovecot };
    enum class Running { Yes, No, Unknown };
    enum class Fix { Logjam, StartTls, TlsLogging };

    virtual ~MailService() = default;

    virtual Kind kind() const = 0;
    // "Postfix 3.7.11 with OpenSSL 3.0.15 3 Sep 2024"
    virtual QString versionText() const = 0;
    virtual QString configDirectory() const = 0;
    virtual Running running() const = 0;
    virtual QList<ConfigFinding> findings() const = 0;

    // Whether this service has the fix at all (Dovecot has Logjam only).
    virtual bool offers(Fix fix) const = 0;
    // Whether DhChoice::Kind::Auto is a valid choice here, and why not when
    // it is not (translated; empty when it is).
    virtual bool autoDhAvailable() const = 0;
    virtual QString autoDhUnavailableReason() const = 0;
    // The server side has a certificate and key configured.
    virtual bool hasServerCertificate() const = 0;

    // The plans. nullopt with *error when one cannot be made (a file that
    // cannot be parsed, a fix the service does not offer); an empty plan
    // when there is nothing to change.
    virtual std::optional<ChangePlan> logjam(const DhChoice &choice, QString *error) const = 0;
    virtual std::optional<ChangePlan> starttls(const QString &certFile, const QString &keyFile,
                                               QString *error) const = 0;
    virtual std::optional<ChangePlan> tlsLogging(QString *error) const = 0;
    std::optional<ChangePlan> plan(Fix fix, const DhChoice &choice, const QString &certFile,
                                   const QString &keyFile, QString *error) const;

    // Where the own service is probed after a change (an IP literal, never a
    // name), and on which port; empty when it is not probed.
    virtual QString listenAddress() const = 0;
    virtual quint16 probePort() const { return 25; }

    // "postfix", "sendmail", "exim", "dovecot": the --mta words.
    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(const QString &key);
    // "Postfix", "Sendmail", "Exim", "Dovecot"
    static QString kindTitle(Kind kind);
    // "the logjam fix", for messages: "logjam", "starttls", "tls-logging".
    static QString fixKey(Fix fix);
    static std::optional<Fix> fixFromKey(const QString &key);
    // The fix for what a probe of the own server found ("dh-weak": Logjam,
    // "no-starttls": STARTTLS); nothing for a finding no fix changes.
    static std::optional<Fix> fixForProbeFinding(const QString &code);

protected:
    // For offers() == false: "Dovecot has no STARTTLS fix here".
    std::optional<ChangePlan> notOffered(Fix fix, QString *error) const;
};

} // namespace mailtls
