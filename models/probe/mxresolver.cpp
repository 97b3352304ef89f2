#include "models/probe/mxresolver.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include <QCoreApplication>
#include <QHostAddress>
#include <QPointer>
#include <QTimer>

#include "models/probe/dnsquery.h"

namespace mailtls {

namespace {

// A domain with more MX hosts, or a host with more addresses, is probed on
// the first ones only: each address costs several SMTP sessions.
constexpr int MaxHosts = 10;
constexpr int MaxAddresses = 10;

QString normalisedName(const QString &name)
{
    QString lower = name.trimmed().toLower();
    if (lower.endsWith(u'.'))
        lower.chop(1);
    if (lower.startsWith(u'[') && lower.endsWith(u']'))
        lower = lower.mid(1, lower.size() - 2);
    return lower;
}

bool addressLess(const QHostAddress &a, const QHostAddress &b)
{
    if (a.protocol() != b.protocol())
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    if (a.protocol() == QAbstractSocket::IPv4Protocol)
        return a.toIPv4Address() < b.toIPv4Address();
    const Q_IPV6ADDR x = a.toIPv6Address();
    const Q_IPV6ADDR y = b.toIPv6Address();
    return std::lexicographical_compare(x.c, x.c + 16, y.c, y.c + 16);
}

// DNS gives addresses in any order (round robin): sorted, a probe of the
// same host gives the same report.
QList<QHostAddress> sortedUnique(QList<QHostAddress> addresses)
{
    std::sort(addresses.begin(), addresses.end(), addressLess);
    addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    return addresses;
}

} // namespace

class MxResolver::Private
{
    Q_DECLARE_TR_FUNCTIONS(MxResolver)

public:
    // One resolve call, from its start to its finished().
    struct Job
    {
        int id = 0;
        QString name;
        MxResolution result;
        QList<QPointer<DnsQuery>> queries;
        // A name's own answers, kept until its result is put together.
        DnsAnswer mx;
        DnsAnswer a;
        DnsAnswer aaaa;
        // Each MX host's A and AAAA answers, by index into result.hosts.
        QList<std::pair<DnsAnswer, DnsAnswer>> hostAnswers;
        int pending = 0;
        bool finishing = false;
    };
    using Then = std::function<void(Job &, const DnsAnswer &)>;

    Private(MxResolver *owner, const ProbeOptions &options)
        : q(owner)
        , m_options(options)
    { }

    Job &newJob(const QString &name);
    void query(Job &job, const QString &name, QDnsLookup::Type type, Then then);
    void stopQueries(Job &job);
    void finish(int jobId);
    void finishLater(Job &job);

    void onMx(Job &job, const DnsAnswer &answer);
    void startHosts(Job &job);
    void onHostsResolved(Job &job);
    void onOwnAddresses(Job &job, bool implicitMx);
    // Asks the server something every working server answers, to tell "no
    // records" from "no answer": Qt reports both as InvalidReplyError.
    void checkServer(Job &job, std::function<void(Job &, bool alive)> then);

    QList<QHostAddress> capped(Job &job, const QString &name, const DnsAnswer &a, const DnsAnswer &aaaa) const;
    QString failure(const DnsAnswer &answer) const
    {
        return DnsQuery::failureText(answer, m_options.dnsServer, m_options.dnsTimeoutMs);
    }

    MxResolver *q;
    ProbeOptions m_options;
    std::map<int, Job> m_jobs;
    int m_nextId = 1;
};

MxResolver::MxResolver(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, options))
{ }

MxResolver::~MxResolver()
{
    for (auto &entry : d->m_jobs)
        d->stopQueries(entry.second);
    delete d;
}

void MxResolver::resolveDomain(const QString &domain)
{
    Private::Job &job = d->newJob(domain);
    if (job.name.isEmpty()) {
        job.result.error = Private::tr("no domain given");
        d->finishLater(job);
        return;
    }
    if (QHostAddress literal; literal.setAddress(job.name)) {
        job.result.error = Private::tr("%1 is an address, not a mail domain").arg(job.name);
        d->finishLater(job);
        return;
    }
    d->query(job, job.name, QDnsLookup::MX, [this](Private::Job &j, const DnsAnswer &mx) { d->onMx(j, mx); });
}

void MxResolver::resolveHost(const QString &host)
{
    Private::Job &job = d->newJob(host);
    MxHost entry;
    entry.name = job.name;
    if (job.name.isEmpty()) {
        entry.error = Private::tr("no host name given");
        job.result.hosts = {entry};
        d->finishLater(job);
        return;
    }
    if (QHostAddress literal; literal.setAddress(job.name)) {
        // An address literal: no DNS at all.
        entry.name = literal.toString();
        entry.addresses = {literal};
        job.result.domain = entry.name;
        job.result.hosts = {entry};
        d->finishLater(job);
        return;
    }
    job.result.hosts = {entry};
    d->query(job, job.name, QDnsLookup::A, [this](Private::Job &j, const DnsAnswer &a) {
        j.a = a;
        if (j.pending == 0)
            d->onOwnAddresses(j, false);
    });
    d->query(job, job.name, QDnsLookup::AAAA, [this](Private::Job &j, const DnsAnswer &aaaa) {
        j.aaaa = aaaa;
        if (j.pending == 0)
            d->onOwnAddresses(j, false);
    });
}

void MxResolver::resolveAddresses(const QString &name)
{
    resolveHost(name);
}

void MxResolver::cancel()
{
    for (auto &entry : d->m_jobs) {
        Private::Job &job = entry.second;
        if (job.finishing)
            continue;
        d->stopQueries(job);
        const QString name = job.result.domain;
        job.result = MxResolution();
        job.result.domain = name;
        job.result.error = Private::tr("the look-up was cancelled");
        d->finishLater(job);
    }
}

MxResolver::Private::Job &MxResolver::Private::newJob(const QString &name)
{
    const int id = m_nextId++;
    Job &job = m_jobs[id];
    job.id = id;
    job.name = normalisedName(name);
    job.result.domain = job.name;
    return job;
}

void MxResolver::Private::query(Job &job, const QString &name, QDnsLookup::Type type, Then then)
{
    auto *dns = new DnsQuery(m_options.dnsServer, m_options.dnsTimeoutMs, q);
    const int jobId = job.id;
    QObject::connect(dns, &DnsQuery::finished, q, [this, jobId, dns, then](const DnsAnswer &answer) {
        dns->deleteLater();
        const auto it = m_jobs.find(jobId);
        if (it == m_jobs.end() || !it->second.queries.contains(dns))
            return;
        Job &owner = it->second;
        owner.queries.removeAll(dns);
        --owner.pending;
        then(owner, answer);
    });
    job.queries.append(dns);
    ++job.pending;
    dns->start(name, type);
}

void MxResolver::Private::stopQueries(Job &job)
{
    for (const QPointer<DnsQuery> &dns : std::as_const(job.queries)) {
        if (dns) {
            dns->abort();
            dns->deleteLater();
        }
    }
    job.queries.clear();
    job.pending = 0;
}

void MxResolver::Private::finish(int jobId)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return;
    const MxResolution result = it->second.result;
    stopQueries(it->second);
    m_jobs.erase(it);
    emit q->finished(result);
}

void MxResolver::Private::finishLater(Job &job)
{
    job.finishing = true;
    const int jobId = job.id;
    // finished() never comes from inside a call.
    QTimer::singleShot(0, q, [this, jobId] { finish(jobId); });
}

void MxResolver::Private::onMx(Job &job, const DnsAnswer &answer)
{
    if (answer.error == QDnsLookup::NoError && !answer.mx.isEmpty()) {
        QList<MxHost> hosts;
        int nullRecords = 0;
        for (const QDnsMailExchangeRecord &record : answer.mx) {
            const QString exchange = normalisedName(record.exchange());
            // RFC 7505: "." (Qt gives an empty name) says "no mail here".
            if (exchange.isEmpty()) {
                ++nullRecords;
                continue;
            }
            const auto same
                = std::find_if(hosts.begin(), hosts.end(), [&](const MxHost &host) { return host.name == exchange; });
            if (same != hosts.end()) {
                same->preference = qMin(same->preference, int(record.preference()));
                continue;
            }
            MxHost host;
            host.name = exchange;
            host.preference = record.preference();
            hosts.append(host);
        }
        if (hosts.isEmpty()) {
            job.result.nullMx = true;
            finish(job.id);
            return;
        }
        if (nullRecords > 0)
            job.result.notes.append(tr("%1 publishes a null MX beside other MX records, which RFC 7505 forbids; "
                                       "the null MX is ignored")
                                        .arg(job.name));
        std::sort(hosts.begin(), hosts.end(), [](const MxHost &a, const MxHost &b) {
            return a.preference != b.preference ? a.preference < b.preference : a.name < b.name;
        });
        if (hosts.size() > MaxHosts) {
            job.result.notes.append(tr("%1 has %2 MX hosts; only the first %3 by preference are probed")
                                        .arg(job.name)
                                        .arg(hosts.size())
                                        .arg(MaxHosts));
            hosts = hosts.mid(0, MaxHosts);
        }
        job.result.hosts = hosts;
        startHosts(job);
        return;
    }
    if (answer.failed()) {
        job.result.error = failure(answer);
        finish(job.id);
        return;
    }
    // No MX records: RFC 5321 5.1's implicit MX, the domain's own addresses.
    job.mx = answer;
    query(job, job.name, QDnsLookup::A, [this](Job &j, const DnsAnswer &a) {
        j.a = a;
        if (j.pending == 0)
            onOwnAddresses(j, true);
    });
    query(job, job.name, QDnsLookup::AAAA, [this](Job &j, const DnsAnswer &aaaa) {
        j.aaaa = aaaa;
        if (j.pending == 0)
            onOwnAddresses(j, true);
    });
}

void MxResolver::Private::startHosts(Job &job)
{
    job.hostAnswers.resize(job.result.hosts.size());
    // Copies: a query's answer may finish the job, which frees it.
    const QStringList names = [&] {
        QStringList list;
        for (const MxHost &host : std::as_const(job.result.hosts))
            list.append(host.name);
        return list;
    }();
    for (qsizetype i = 0; i < names.size(); ++i) {
        query(job, names.at(i), QDnsLookup::A, [this, i](Job &j, const DnsAnswer &a) {
            j.hostAnswers[i].first = a;
            if (j.pending == 0)
                onHostsResolved(j);
        });
        query(job, names.at(i), QDnsLookup::AAAA, [this, i](Job &j, const DnsAnswer &aaaa) {
            j.hostAnswers[i].second = aaaa;
            if (j.pending == 0)
                onHostsResolved(j);
        });
    }
}

void MxResolver::Private::onHostsResolved(Job &job)
{
    for (qsizetype i = 0; i < job.result.hosts.size(); ++i) {
        MxHost &host = job.result.hosts[i];
        const DnsAnswer &a = job.hostAnswers.at(i).first;
        const DnsAnswer &aaaa = job.hostAnswers.at(i).second;
        host.addresses = capped(job, host.name, a, aaaa);
        if (!host.addresses.isEmpty())
            continue;
        // The server answered the MX query, so an empty answer means what it says.
        if (a.failed())
            host.error = failure(a);
        else if (aaaa.failed())
            host.error = failure(aaaa);
        else if (a.nxdomain() && aaaa.nxdomain())
            host.error = tr("%1 does not exist (NXDOMAIN)").arg(host.name);
        else
            host.error = tr("%1 has no A or AAAA records").arg(host.name);
    }
    finish(job.id);
}

void MxResolver::Private::onOwnAddresses(Job &job, bool implicitMx)
{
    const QList<QHostAddress> addresses = capped(job, job.name, job.a, job.aaaa);
    // Where the outcome goes: the whole result for a domain, the one host
    // entry for a host.
    auto fail = [&job, implicitMx](const QString &error) {
        if (implicitMx)
            job.result.error = error;
        else
            job.result.hosts.first().error = error;
    };
    if (!addresses.isEmpty()) {
        if (implicitMx) {
            MxHost host;
            host.name = job.name;
            job.result.hosts = {host};
            job.result.implicitMx = true;
        }
        job.result.hosts.first().addresses = addresses;
        finish(job.id);
        return;
    }
    if (job.a.failed() || job.aaaa.failed()) {
        fail(failure(job.a.failed() ? job.a : job.aaaa));
        finish(job.id);
        return;
    }
    const QString none = implicitMx ? tr("%1 has no MX, A or AAAA records").arg(job.name)
                                    : tr("%1 has no A or AAAA records").arg(job.name);
    if (job.a.nxdomain() && job.aaaa.nxdomain() && (!implicitMx || job.mx.nxdomain())) {
        fail(tr("%1 does not exist (NXDOMAIN)").arg(job.name));
        finish(job.id);
        return;
    }
    if (job.a.noData() && job.aaaa.noData() && (!implicitMx || job.mx.noData())) {
        checkServer(job, [this, implicitMx, none](Job &j, bool alive) {
            const QString error = alive
                ? none
                : tr("no usable answer from %1 for %2").arg(DnsQuery::serverText(m_options.dnsServer), j.name);
            if (implicitMx)
                j.result.error = error;
            else
                j.result.hosts.first().error = error;
            finish(j.id);
        });
        return;
    }
    fail(none);
    finish(job.id);
}

void MxResolver::Private::checkServer(Job &job, std::function<void(Job &, bool)> then)
{
    // Any real answer (an address, NXDOMAIN, even REFUSED) shows that the
    // server is there; an unreachable one gives the same reply as NODATA.
    query(job, QStringLiteral("localhost"), QDnsLookup::A,
          [then](Job &j, const DnsAnswer &answer) { then(j, !answer.timedOut && !answer.noData()); });
}

QList<QHostAddress> MxResolver::Private::capped(Job &job, const QString &name, const DnsAnswer &a,
                                                const DnsAnswer &aaaa) const
{
    const QList<QHostAddress> v4 = sortedUnique(a.addresses);
    const QList<QHostAddress> v6 = sortedUnique(aaaa.addresses);
    // Over the bound, both families keep a share: a host's IPv6 path is
    // probed even behind a long list of IPv4 addresses.
    const qsizetype keep4 = qMin(v4.size(), qMax<qsizetype>(MaxAddresses - v6.size(), MaxAddresses / 2));
    const qsizetype keep6 = qMin(v6.size(), MaxAddresses - keep4);
    if (keep4 < v4.size() || keep6 < v6.size())
        job.result.notes.append(tr("%1 has %2 addresses; only %3 are probed (%4 IPv4, %5 IPv6)")
                                    .arg(name)
                                    .arg(v4.size() + v6.size())
                                    .arg(keep4 + keep6)
                                    .arg(keep4)
                                    .arg(keep6));
    // One family failing while the other answered is worth a note.
    if (!v4.isEmpty() || !v6.isEmpty()) {
        if (a.failed())
            job.result.notes.append(tr("%1: %2").arg(name, failure(a)));
        if (aaaa.failed())
            job.result.notes.append(tr("%1: %2").arg(name, failure(aaaa)));
    }
    return v4.mid(0, keep4) + v6.mid(0, keep6);
}

} // namespace mailtls
