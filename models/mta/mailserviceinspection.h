#pragma once

#include <memory>

#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/mailservice.h"

namespace mailtls {

class CommandHost;

// Inspects one mail service's configuration without blocking: start(), then
// finished() once, then service() (null when the inspection failed, with
// errorString() saying why: not installed, no configuration, a command
// refused it). Each kind of service has its own subclass; create() makes the
// right one.
class MailServiceInspection : public QObject
{
    Q_OBJECT

public:
    ~MailServiceInspection() override;

    // `configDirectory` empty: the service's default (/etc/postfix, /etc/exim4,
    // /etc/mail, /etc/dovecot).
    static std::unique_ptr<MailServiceInspection> create(MailService::Kind kind, std::shared_ptr<const CommandHost> host,
                                                         const QString &configDirectory);

    // For tests: where the service's programs are looked for first (after
    // PATH unless searchPath is false). Call before start().
    void setProgramFolders(const QStringList &folders, bool searchPath = true);
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    virtual void start() = 0;
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

    std::shared_ptr<const MailService> service() const { return m_service; }
    QString errorString() const { return m_error; }

    // Runs the inspection to its end in an event loop of its own: for the
    // command line and tests, never for the GUI thread.
    void runToEnd();

signals:
    void finished();

protected:
    explicit MailServiceInspection(QObject *parent = nullptr);

    // Subclasses end with one of these; each emits finished().
    void succeed(std::shared_ptr<const MailService> service);
    void failWith(const QString &error);

    QStringList m_folders;
    bool m_searchPath = true;
    int m_timeout = 30000;

private:
    std::shared_ptr<const MailService> m_service;
    QString m_error;
};

} // namespace mailtls
