#pragma once

#include <QDnsLookup>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mailtls {

// What one DNS look-up brought back.
struct DnsAnswer
{
    QString name;
    QDnsLookup::Type type = QDnsLookup::A;
    QDnsLookup::Error error = QDnsLookup::NoError;
    QString errorString; // Qt's
    bool timedOut = false;
    QList<QDnsMailExchangeRecord> mx;
    // A or AAAA records of the type asked for, whatever their owner name
    // (the server follows CNAMEs).
    QList<QHostAddress> addresses;
    // TXT records, each one's strings joined.
    QStringList texts;

    // Qt 6.4 on Unix reports NXDOMAIN as NotFoundError and an answer without
    // records of the type (NODATA) as InvalidReplyError: both say "nothing
    // here", though InvalidReplyError also comes from a server that cannot be
    // reached at all (see MxResolver's server check).
    bool nxdomain() const { return !timedOut && error == QDnsLookup::NotFoundError; }
    bool noData() const { return !timedOut && error == QDnsLookup::InvalidReplyError; }
    bool empty() const
    {
        return nxdomain() || noData()
            || (!timedOut && error == QDnsLookup::NoError && mx.isEmpty() && addresses.isEmpty() && texts.isEmpty());
    }
    // The server failed to answer, refused, or said something unusable.
    bool failed() const { return timedOut || (!empty() && error != QDnsLookup::NoError); }
};

// One DNS look-up through a given server (the system's resolver only when the
// server is null) with its own timeout: Qt's QDnsLookup has none, and a
// silent server would hold it for the resolver library's retries. Emits
// finished() exactly once per start(), never from inside it; abort() ends a
// look-up without finished().
class DnsQuery final : public QObject
{
    Q_OBJECT

public:
    DnsQuery(const QHostAddress &server, int timeoutMs, QObject *parent = nullptr);
    ~DnsQuery() override;

    void start(const QString &name, QDnsLookup::Type type);
    void abort();

    // "no answer from DNS server 127.0.0.2 within 5 s", "DNS server … refused
    // to answer for example.test (MX)", …: what went wrong, translated.
    static QString failureText(const DnsAnswer &answer, const QHostAddress &server, int timeoutMs);
    // "DNS server 127.0.0.2", or the system's resolver.
    static QString serverText(const QHostAddress &server);
    static QString typeText(QDnsLookup::Type type);

signals:
    void finished(const mailtls::DnsAnswer &answer);

private:
    class Private;
    Private *d;
};

} // namespace mailtls
