#include "models/probe/dnsquery.h"

#include <QPointer>
#include <QTimer>

#include "models/probe/probeoptions.h"
#include "models/probe/probelogging.h"

namespace mailtls {

class DnsQuery::Private
{
public:
    QHostAddress m_server;
    int m_timeoutMs = 5000;
    QPointer<QDnsLookup> m_lookup;
    QTimer *m_timer = nullptr;
    QString m_name;
    QDnsLookup::Type m_type = QDnsLookup::A;

    void drop(DnsQuery *q)
    {
        m_timer->stop();
        if (!m_lookup)
            return;
        QDnsLookup *lookup = m_lookup;
        m_lookup = nullptr;
        // abort() emits finished() at once: nobody listens any more.
        QObject::disconnect(lookup, nullptr, q, nullptr);
        lookup->abort();
        lookup->deleteLater();
    }
};

DnsQuery::DnsQuery(const QHostAddress &server, int timeoutMs, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->m_server = server;
    d->m_timeoutMs = qMax(1, timeoutMs);
    d->m_timer = new QTimer(this);
    d->m_timer->setSingleShot(true);
    connect(d->m_timer, &QTimer::timeout, this, [this] {
        if (!d->m_lookup)
            return;
        d->drop(this);
        DnsAnswer answer;
        answer.name = d->m_name;
        answer.type = d->m_type;
        answer.timedOut = true;
        qCDebug(lcProbe) << "DNS" << answer.name << typeText(answer.type) << "timed out";
        emit finished(answer);
    });
}

DnsQuery::~DnsQuery()
{
    d->drop(this);
    delete d;
}

void DnsQuery::start(const QString &name, QDnsLookup::Type type)
{
    d->drop(this);
    d->m_name = name;
    d->m_type = type;
    auto *lookup = new QDnsLookup(type, name, this);
    // With a server set, nothing may reach the system resolver.
    if (!d->m_server.isNull())
        lookup->setNameserver(d->m_server);
    d->m_lookup = lookup;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup] {
        if (lookup != d->m_lookup)
            return;
        d->m_timer->stop();
        DnsAnswer answer;
        answer.name = d->m_name;
        answer.type = d->m_type;
        answer.error = lookup->error();
        answer.errorString = lookup->errorString();
        answer.mx = lookup->mailExchangeRecords();
        const auto family
            = d->m_type == QDnsLookup::AAAA ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol;
        for (const QDnsHostAddressRecord &record : lookup->hostAddressRecords()) {
            if (record.value().protocol() == family)
                answer.addresses.append(record.value());
        }
        for (const QDnsTextRecord &record : lookup->textRecords()) {
            QByteArray text;
            for (const QByteArray &part : record.values())
                text += part;
            answer.texts.append(QString::fromUtf8(text));
        }
        d->m_lookup = nullptr;
        QObject::disconnect(lookup, nullptr, this, nullptr);
        lookup->deleteLater();
        qCDebug(lcProbe) << "DNS" << answer.name << typeText(answer.type) << answer.error << answer.errorString;
        emit finished(answer);
    });
    qCDebug(lcProbe) << "DNS" << name << typeText(type) << "via" << serverText(d->m_server);
    d->m_timer->start(d->m_timeoutMs);
    // QDnsLookup runs the query on a worker thread and reports through the
    // event loop, so finished() cannot come from inside this call.
    lookup->lookup();
}

void DnsQuery::abort()
{
    d->drop(this);
}

QString DnsQuery::serverText(const QHostAddress &server)
{
    return server.isNull() ? tr("the system's DNS resolver") : tr("DNS server %1").arg(server.toString());
}

QString DnsQuery::typeText(QDnsLookup::Type type)
{
    switch (type) {
    case QDnsLookup::A:
        return QStringLiteral("A");
    case QDnsLookup::AAAA:
        return QStringLiteral("AAAA");
    case QDnsLookup::MX:
        return QStringLiteral("MX");
    case QDnsLookup::TXT:
        return QStringLiteral("TXT");
    case QDnsLookup::NS:
        return QStringLiteral("NS");
    case QDnsLookup::CNAME:
        return QStringLiteral("CNAME");
    case QDnsLookup::PTR:
        return QStringLiteral("PTR");
    case QDnsLookup::SRV:
        return QStringLiteral("SRV");
    case QDnsLookup::ANY:
        return QStringLiteral("ANY");
    }
    return QString::number(int(type));
}

QString DnsQuery::failureText(const DnsAnswer &answer, const QHostAddress &server, int timeoutMs)
{
    if (answer.timedOut)
        return tr("no answer from %1 within %2 s").arg(serverText(server), ProbeOptions::secondsText(qMax(1, timeoutMs)));
    const QString type = typeText(answer.type);
    switch (answer.error) {
    case QDnsLookup::ServerRefusedError:
        return tr("%1 refused to answer for %2 (%3)").arg(serverText(server), answer.name, type);
    case QDnsLookup::ServerFailureError:
        return tr("%1 reported a server failure for %2 (%3)").arg(serverText(server), answer.name, type);
    case QDnsLookup::NotFoundError:
        return tr("%1 does not exist (NXDOMAIN)").arg(answer.name);
    default:
        return tr("the DNS look-up of %1 (%2) failed: %3").arg(answer.name, type, answer.errorString);
    }
}

} // namespace mailtls
