#include "models/probe/domainpolicycheck.h"

#include <map>
#include <utility>

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTimer>

#include "models/probe/dnsquery.h"
#include "models/probe/httpsget.h"
#include "models/probe/mtastspolicy.h"
#include "models/probe/mxresolver.h"
#include "models/probe/policytxtrecords.h"

namespace mailtls {

namespace {

// RFC 8461 3.3 lets senders bound the policy's size; 64 KiB is plenty for a
// few mx lines.
constexpr qint64 MaxPolicyBytes = 64 * 1024;
const QString PolicyPath = QStringLiteral("/.well-known/mta-sts.txt");

QString normalisedName(const QString &name)
{
    QString lower = name.trimmed().toLower();
    if (lower.endsWith(u'.'))
        lower.chop(1);
    return lower;
}

} // namespace

class DomainPolicyCheck::Private
{
    Q_DECLARE_TR_FUNCTIONS(DomainPolicyCheck)

public:
    // One start(), from the call to its finished().
    struct Job
    {
        int id = 0;
        QString domain;
        QString policyHost;
        QStringList mxNames;
        MtaStsResult mtaSts;
        TlsRptResult tlsRpt;
        bool mtaStsDone = false;
        bool tlsRptDone = false;
        bool finishing = false;
        QPointer<DnsQuery> mtaStsQuery;
        QPointer<DnsQuery> tlsRptQuery;
        QPointer<MxResolver> resolver;
        QPointer<HttpsGet> get;
        QList<QHostAddress> addresses;
        qsizetype nextAddress = 0;
        QStringList connectFailures;
    };

    Private(DomainPolicyCheck *owner, const ProbeOptions &options)
        : q(owner)
        , m_options(options)
    { }

    Job *findJob(int id)
    {
        const auto it = m_jobs.find(id);
        return it == m_jobs.end() ? nullptr : &it->second;
    }

    DnsQuery *txt(Job &job, const QString &name, void (Private::*then)(Job &, const DnsAnswer &));
    void onMtaStsRecord(Job &job, const DnsAnswer &answer);
    void onTlsRptRecord(Job &job, const DnsAnswer &answer);
    void onPolicyHost(int jobId, const MxResolution &resolution);
    void fetchNext(Job &job);
    void onPolicyResponse(int jobId, const HttpsResponse &response);
    void mtaStsDone(Job &job);
    void maybeFinish(Job &job);
    void stop(Job &job);
    void finishLater(Job &job);
    void finish(int jobId);

    DomainPolicyCheck *q;
    ProbeOptions m_options;
    std::map<int, Job> m_jobs;
    int m_nextId = 1;
};

DomainPolicyCheck::DomainPolicyCheck(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, options))
{ }

DomainPolicyCheck::~DomainPolicyCheck()
{
    for (auto &entry : d->m_jobs)
        d->stop(entry.second);
    delete d;
}

void DomainPolicyCheck::start(const QString &domain, const QStringList &mxNames)
{
    const int id = d->m_nextId++;
    Private::Job &job = d->m_jobs[id];
    job.id = id;
    job.domain = normalisedName(domain);
    job.policyHost = QStringLiteral("mta-sts.") + job.domain;
    job.mxNames = mxNames;
    if (job.domain.isEmpty()) {
        job.mtaSts.recordError = Private::tr("no domain given");
        job.tlsRpt.error = job.mtaSts.recordError;
        d->finishLater(job);
        return;
    }
    job.mtaStsQuery = d->txt(job, QStringLiteral("_mta-sts.") + job.domain, &Private::onMtaStsRecord);
    job.tlsRptQuery = d->txt(job, QStringLiteral("_smtp._tls.") + job.domain, &Private::onTlsRptRecord);
}

void DomainPolicyCheck::cancel()
{
    for (auto &entry : d->m_jobs) {
        Private::Job &job = entry.second;
        if (job.finishing)
            continue;
        d->stop(job);
        const QString cancelled = Private::tr("the check was cancelled");
        if (!job.mtaStsDone) {
            // What was learnt so far stays; the step that was under way says it stopped.
            if (job.mtaSts.policyUrl.isEmpty())
                job.mtaSts.recordError = cancelled;
            else
                job.mtaSts.policyError = cancelled;
        }
        if (!job.tlsRptDone)
            job.tlsRpt.error = cancelled;
        d->finishLater(job);
    }
}

DnsQuery *DomainPolicyCheck::Private::txt(Job &job, const QString &name,
                                          void (Private::*then)(Job &, const DnsAnswer &))
{
    auto *query = new DnsQuery(m_options.dnsServer, m_options.dnsTimeoutMs, q);
    const int jobId = job.id;
    QObject::connect(query, &DnsQuery::finished, q, [this, jobId, query, then](const DnsAnswer &answer) {
        query->deleteLater();
        if (Job *owner = findJob(jobId); owner && !owner->finishing)
            (this->*then)(*owner, answer);
    });
    query->start(name, QDnsLookup::TXT);
    return query;
}

void DomainPolicyCheck::Private::onMtaStsRecord(Job &job, const DnsAnswer &answer)
{
    job.mtaStsQuery = nullptr;
    if (answer.failed()) {
        job.mtaSts.recordError = DnsQuery::failureText(answer, m_options.dnsServer, m_options.dnsTimeoutMs);
        mtaStsDone(job);
        return;
    }
    // NXDOMAIN and NODATA leave no texts: no record, which is no error.
    PolicyTxtRecords::readMtaSts(answer.texts, job.mtaSts);
    // RFC 8461 3.1: without exactly one valid record a sender goes no further.
    if (!job.mtaSts.recordFound || !job.mtaSts.recordError.isEmpty()) {
        mtaStsDone(job);
        return;
    }
    job.mtaSts.policyUrl = QStringLiteral("https://") + job.policyHost
        + (m_options.httpsPort == 443 ? QString() : QStringLiteral(":%1").arg(m_options.httpsPort)) + PolicyPath;
    // The policy host resolves through the same server as everything else.
    auto *resolver = new MxResolver(m_options, q);
    job.resolver = resolver;
    const int jobId = job.id;
    QObject::connect(resolver, &MxResolver::finished, q, [this, jobId, resolver](const MxResolution &resolution) {
        resolver->deleteLater();
        onPolicyHost(jobId, resolution);
    });
    resolver->resolveAddresses(job.policyHost);
}

void DomainPolicyCheck::Private::onTlsRptRecord(Job &job, const DnsAnswer &answer)
{
    job.tlsRptQuery = nullptr;
    if (answer.failed())
        job.tlsRpt.error = DnsQuery::failureText(answer, m_options.dnsServer, m_options.dnsTimeoutMs);
    else
        PolicyTxtRecords::readTlsRpt(answer.texts, job.tlsRpt);
    job.tlsRptDone = true;
    maybeFinish(job);
}

void DomainPolicyCheck::Private::onPolicyHost(int jobId, const MxResolution &resolution)
{
    Job *current = findJob(jobId);
    if (!current || current->finishing)
        return;
    current->resolver = nullptr;
    const MxHost host = resolution.hosts.value(0);
    if (host.addresses.isEmpty()) {
        const QString why = !host.error.isEmpty() ? host.error : resolution.error;
        current->mtaSts.policyError = tr("the policy host %1 has no address: %2").arg(current->policyHost, why);
        mtaStsDone(*current);
        return;
    }
    current->addresses = host.addresses;
    current->nextAddress = 0;
    fetchNext(*current);
}

void DomainPolicyCheck::Private::fetchNext(Job &job)
{
    if (job.nextAddress >= job.addresses.size()) {
        job.mtaSts.policyError = job.connectFailures.join(QStringLiteral("; "));
        mtaStsDone(job);
        return;
    }
    HttpsGet::Request request;
    request.address = job.addresses.at(job.nextAddress++);
    request.port = m_options.httpsPort;
    request.hostName = job.policyHost;
    request.path = PolicyPath;
    request.extraCaCertificates = m_options.extraCaCertificates;
    request.connectTimeoutMs = m_options.connectTimeoutMs;
    request.timeoutMs = m_options.readTimeoutMs;
    request.maxBodyBytes = MaxPolicyBytes;

    auto *get = new HttpsGet(q);
    job.get = get;
    const int jobId = job.id;
    QObject::connect(get, &HttpsGet::finished, q, [this, jobId, get](const HttpsResponse &response) {
        get->deleteLater();
        onPolicyResponse(jobId, response);
    });
    get->start(request);
}

void DomainPolicyCheck::Private::onPolicyResponse(int jobId, const HttpsResponse &response)
{
    Job *current = findJob(jobId);
    if (!current || current->finishing)
        return;
    Job &job = *current;
    job.get = nullptr;
    MtaStsResult &sts = job.mtaSts;

    switch (response.failure) {
    case HttpsResponse::Failure::None:
        break;
    case HttpsResponse::Failure::Connect:
        // Another address of the policy host may answer.
        job.connectFailures.append(response.error);
        fetchNext(job);
        return;
    default:
        sts.policyError = response.error;
        mtaStsDone(job);
        return;
    }

    if (response.status >= 300 && response.status < 400) {
        sts.policyError = tr("%1 answered \"%2\" with a redirect to %3; RFC 8461 forbids following redirects "
                             "to the policy")
                              .arg(sts.policyUrl, response.statusLine,
                                   response.location.isEmpty() ? tr("nowhere") : response.location);
        mtaStsDone(job);
        return;
    }
    if (response.status != 200) {
        sts.policyError = tr("%1 answered \"%2\" instead of the policy").arg(sts.policyUrl, response.statusLine);
        mtaStsDone(job);
        return;
    }

    sts.policyFetched = true;
    sts.policyText = QString::fromUtf8(response.body);
    const MtaStsPolicy policy = MtaStsPolicy::parse(response.body);
    sts.mode = policy.mode;
    sts.mxPatterns = policy.mxPatterns;
    sts.maxAge = policy.maxAge;
    QStringList problems;
    const QString mediaType = response.contentType.section(u';', 0, 0).trimmed().toLower();
    if (mediaType != QLatin1String("text/plain"))
        problems.append(
            response.contentType.isEmpty()
                ? tr("the policy is served without a Content-Type, not as text/plain")
                : tr("the policy is served as Content-Type \"%1\", not text/plain").arg(response.contentType));
    problems += policy.errors;
    sts.policyError = problems.join(QStringLiteral("; "));
    // Only a policy that is applied (or tested) says which MX hosts it expects.
    if (sts.mode == QLatin1String("enforce") || sts.mode == QLatin1String("testing"))
        sts.mxNotCovered = policy.uncoveredMx(job.mxNames);
    mtaStsDone(job);
}

void DomainPolicyCheck::Private::mtaStsDone(Job &job)
{
    job.mtaStsDone = true;
    maybeFinish(job);
}

void DomainPolicyCheck::Private::maybeFinish(Job &job)
{
    if (job.mtaStsDone && job.tlsRptDone && !job.finishing) {
        job.finishing = true;
        finish(job.id);
    }
}

void DomainPolicyCheck::Private::stop(Job &job)
{
    if (job.mtaStsQuery) {
        job.mtaStsQuery->abort();
        job.mtaStsQuery->deleteLater();
    }
    if (job.tlsRptQuery) {
        job.tlsRptQuery->abort();
        job.tlsRptQuery->deleteLater();
    }
    if (job.resolver) {
        QObject::disconnect(job.resolver, nullptr, q, nullptr);
        job.resolver->deleteLater();
    }
    if (job.get) {
        job.get->abort();
        job.get->deleteLater();
    }
    job.mtaStsQuery = nullptr;
    job.tlsRptQuery = nullptr;
    job.resolver = nullptr;
    job.get = nullptr;
}

void DomainPolicyCheck::Private::finishLater(Job &job)
{
    job.finishing = true;
    const int jobId = job.id;
    // finished() never comes from inside a call.
    QTimer::singleShot(0, q, [this, jobId] { finish(jobId); });
}

void DomainPolicyCheck::Private::finish(int jobId)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return;
    const MtaStsResult mtaSts = it->second.mtaSts;
    const TlsRptResult tlsRpt = it->second.tlsRpt;
    stop(it->second);
    m_jobs.erase(it);
    emit q->finished(mtaSts, tlsRpt);
}

} // namespace mailtls
