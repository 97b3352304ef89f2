#include "models/probe/probejson.h"

#include <array>
#include <utility>

#include <QJsonArray>
#include <QJsonValue>

namespace mailtls {

namespace {

template<typename Enum, std::size_t N>
QString wordOf(const std::array<std::pair<Enum, const char *>, N> &words, Enum value)
{
    for (const auto &[e, word] : words)
        if (e == value)
            return QString::fromLatin1(word);
    return QString();
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &words, const QString &word)
{
    for (const auto &[e, text] : words)
        if (word == QLatin1String(text))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<Severity, const char *>, 5> severityWords{{
    {Severity::Info, "info"},
    {Severity::Low, "low"},
    {Severity::Medium, "medium"},
    {Severity::High, "high"},
    {Severity::Critical, "critical"},
}};

constexpr std::array<std::pair<Verdict, const char *>, 4> verdictWords{{
    {Verdict::Good, "good"},
    {Verdict::Weak, "weak"},
    {Verdict::NoTls, "no-tls"},
    {Verdict::Unreachable, "unreachable"},
}};

constexpr std::array<std::pair<TlsProfile, const char *>, 6> profileWords{{
    {TlsProfile::Default, "default"},
    {TlsProfile::DheOnly, "dhe-only"},
    {TlsProfile::OnlyTls10, "tls1.0"},
    {TlsProfile::OnlyTls11, "tls1.1"},
    {TlsProfile::OnlyTls12, "tls1.2"},
    {TlsProfile::OnlyTls13, "tls1.3"},
}};

constexpr std::array<std::pair<SessionOutcome, const char *>, 7> outcomeWords{{
    {SessionOutcome::Completed, "completed"},
    {SessionOutcome::ConnectFailed, "connect-failed"},
    {SessionOutcome::TimedOut, "timed-out"},
    {SessionOutcome::RateLimited, "rate-limited"},
    {SessionOutcome::Rejected, "rejected"},
    {SessionOutcome::ProtocolError, "protocol-error"},
    {SessionOutcome::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<ProbeStep, const char *>, 7> stepWords{{
    {ProbeStep::Resolve, "resolve"},
    {ProbeStep::Connect, "connect"},
    {ProbeStep::Banner, "banner"},
    {ProbeStep::Ehlo, "ehlo"},
    {ProbeStep::StartTls, "starttls"},
    {ProbeStep::Handshake, "handshake"},
    {ProbeStep::Quit, "quit"},
}};

constexpr std::array<std::pair<ProbeTarget::Kind, const char *>, 2> kindWords{{
    {ProbeTarget::Kind::Domain, "domain"},
    {ProbeTarget::Kind::Host, "host"},
}};

QJsonValue timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue addressValue(const QHostAddress &address)
{
    return address.isNull() ? QString() : address.toString();
}

QJsonValue bytesValue(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject certificateObject(const CertificateInfo &c)
{
    return QJsonObject{
        {QStringLiteral("subject"), c.subject},
        {QStringLiteral("subjectAltNames"), stringArray(c.subjectAltNames)},
        {QStringLiteral("issuer"), c.issuer},
        {QStringLiteral("notBefore"), timeValue(c.notBefore)},
        {QStringLiteral("notAfter"), timeValue(c.notAfter)},
        {QStringLiteral("der"), bytesValue(c.der)},
    };
}

QJsonObject tlsObject(const TlsHandshakeResult &t)
{
    QJsonArray chain;
    for (const CertificateInfo &c : t.chain)
        chain.append(certificateObject(c));
    return QJsonObject{
        {QStringLiteral("established"), t.established},
        {QStringLiteral("protocol"), t.protocol},
        {QStringLiteral("cipher"), t.cipher},
        {QStringLiteral("keyExchange"), t.keyExchange},
        {QStringLiteral("group"), t.group},
        {QStringLiteral("keyExchangeBits"), t.keyExchangeBits},
        {QStringLiteral("dhPrime"), bytesValue(t.dhPrime)},
        {QStringLiteral("chain"), chain},
        {QStringLiteral("certificateVerified"), t.certificateVerified},
        {QStringLiteral("verifyError"), t.verifyError},
        {QStringLiteral("nameMatches"), t.nameMatches},
        {QStringLiteral("error"), t.error},
    };
}

QJsonObject sessionObject(const SmtpSessionResult &s)
{
    return QJsonObject{
        {QStringLiteral("profile"), ProbeJson::profileWord(s.profile)},
        {QStringLiteral("outcome"), ProbeJson::outcomeWord(s.outcome)},
        {QStringLiteral("stoppedAt"), ProbeJson::stepWord(s.stoppedAt)},
        {QStringLiteral("detail"), s.detail},
        {QStringLiteral("banner"), stringArray(s.banner)},
        {QStringLiteral("ehlo"), stringArray(s.ehlo)},
        {QStringLiteral("startTlsAdvertised"), s.startTlsAdvertised},
        {QStringLiteral("ehloLooksStripped"), s.ehloLooksStripped},
        {QStringLiteral("startTlsReply"), s.startTlsReply},
        {QStringLiteral("tlsAttempted"), s.tlsAttempted},
        {QStringLiteral("tls"), tlsObject(s.tls)},
        {QStringLiteral("elapsedMs"), s.elapsedMs},
    };
}

QJsonObject addressObject(const AddressProbeResult &a)
{
    QJsonArray sessions;
    for (const SmtpSessionResult &s : a.sessions)
        sessions.append(sessionObject(s));
    return QJsonObject{
        {QStringLiteral("mxName"), a.mxName},
        {QStringLiteral("address"), addressValue(a.address)},
        {QStringLiteral("port"), int(a.port)},
        {QStringLiteral("probedAt"), timeValue(a.probedAt)},
        {QStringLiteral("fromCache"), a.fromCache},
        {QStringLiteral("sessions"), sessions},
    };
}

QJsonObject mxObject(const MxResolution &mx)
{
    QJsonArray hosts;
    for (const MxHost &h : mx.hosts) {
        QJsonArray addresses;
        for (const QHostAddress &address : h.addresses)
            addresses.append(addressValue(address));
        hosts.append(QJsonObject{
            {QStringLiteral("name"), h.name},
            {QStringLiteral("preference"), h.preference},
            {QStringLiteral("addresses"), addresses},
            {QStringLiteral("error"), h.error},
        });
    }
    return QJsonObject{
        {QStringLiteral("domain"), mx.domain},
        {QStringLiteral("nullMx"), mx.nullMx},
        {QStringLiteral("implicitMx"), mx.implicitMx},
        {QStringLiteral("error"), mx.error},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("notes"), stringArray(mx.notes)},
    };
}

QJsonObject mtaStsObject(const MtaStsResult &m)
{
    return QJsonObject{
        {QStringLiteral("recordFound"), m.recordFound},
        {QStringLiteral("record"), m.record},
        {QStringLiteral("id"), m.id},
        {QStringLiteral("recordError"), m.recordError},
        {QStringLiteral("policyFetched"), m.policyFetched},
        {QStringLiteral("policyUrl"), m.policyUrl},
        {QStringLiteral("policyError"), m.policyError},
        {QStringLiteral("policyText"), m.policyText},
        {QStringLiteral("mode"), m.mode},
        {QStringLiteral("mxPatterns"), stringArray(m.mxPatterns)},
        {QStringLiteral("maxAge"), m.maxAge},
        {QStringLiteral("mxNotCovered"), stringArray(m.mxNotCovered)},
    };
}

QJsonObject tlsRptObject(const TlsRptResult &t)
{
    return QJsonObject{
        {QStringLiteral("recordFound"), t.recordFound},
        {QStringLiteral("record"), t.record},
        {QStringLiteral("reportUris"), stringArray(t.reportUris)},
        {QStringLiteral("error"), t.error},
    };
}

// Reads values of one report, keeping the first problem met.
class Reader
{
public:
    QString error;

    void problem(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }

    QString string(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
    bool boolean(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toBool(); }
    qint64 integer(const QJsonObject &o, const char *key, qint64 otherwise = 0)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? v.toInteger(otherwise) : otherwise;
    }
    QJsonObject object(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toObject(); }
    QJsonArray array(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toArray(); }

    QStringList strings(const QJsonObject &o, const char *key)
    {
        QStringList list;
        const QJsonArray a = array(o, key);
        for (const QJsonValue &v : a)
            list.append(v.toString());
        return list;
    }

    QDateTime time(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString())
            return QDateTime();
        QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            problem(ProbeJson::tr("\"%1\" is not a time: %2").arg(QLatin1String(key), v.toString()));
        return t;
    }

    QHostAddress address(const QString &text)
    {
        if (text.isEmpty())
            return QHostAddress();
        QHostAddress a;
        if (!a.setAddress(text))
            problem(ProbeJson::tr("\"%1\" is not an IP address").arg(text));
        return a;
    }

    QByteArray bytes(const QJsonObject &o, const char *key)
    {
        const auto decoded = QByteArray::fromBase64Encoding(string(o, key).toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            problem(ProbeJson::tr("\"%1\" is not base64").arg(QLatin1String(key)));
        return decoded.decoded;
    }

    template<typename Enum, std::size_t N>
    Enum word(const QJsonObject &o, const char *key, const std::array<std::pair<Enum, const char *>, N> &words,
              Enum otherwise)
    {
        const QString text = string(o, key);
        if (const std::optional<Enum> e = valueOf(words, text))
            return *e;
        problem(ProbeJson::tr("\"%1\": unknown value \"%2\"").arg(QLatin1String(key), text));
        return otherwise;
    }

    CertificateInfo certificate(const QJsonObject &o)
    {
        CertificateInfo c;
        c.subject = string(o, "subject");
        c.subjectAltNames = strings(o, "subjectAltNames");
        c.issuer = string(o, "issuer");
        c.notBefore = time(o, "notBefore");
        c.notAfter = time(o, "notAfter");
        c.der = bytes(o, "der");
        return c;
    }

    TlsHandshakeResult tls(const QJsonObject &o)
    {
        TlsHandshakeResult t;
        t.established = boolean(o, "established");
        t.protocol = string(o, "protocol");
        t.cipher = string(o, "cipher");
        t.keyExchange = string(o, "keyExchange");
        t.group = string(o, "group");
        t.keyExchangeBits = int(integer(o, "keyExchangeBits"));
        t.dhPrime = bytes(o, "dhPrime");
        const QJsonArray chain = array(o, "chain");
        for (const QJsonValue &v : chain)
            t.chain.append(certificate(v.toObject()));
        t.certificateVerified = boolean(o, "certificateVerified");
        t.verifyError = string(o, "verifyError");
        t.nameMatches = boolean(o, "nameMatches");
        t.error = string(o, "error");
        return t;
    }

    SmtpSessionResult session(const QJsonObject &o)
    {
        SmtpSessionResult s;
        s.profile = word(o, "profile", profileWords, TlsProfile::Default);
        s.outcome = word(o, "outcome", outcomeWords, SessionOutcome::Completed);
        s.stoppedAt = word(o, "stoppedAt", stepWords, ProbeStep::Connect);
        s.detail = string(o, "detail");
        s.banner = strings(o, "banner");
        s.ehlo = strings(o, "ehlo");
        s.startTlsAdvertised = boolean(o, "startTlsAdvertised");
        s.ehloLooksStripped = boolean(o, "ehloLooksStripped");
        s.startTlsReply = string(o, "startTlsReply");
        s.tlsAttempted = boolean(o, "tlsAttempted");
        s.tls = tls(object(o, "tls"));
        s.elapsedMs = integer(o, "elapsedMs");
        return s;
    }

    AddressProbeResult addressResult(const QJsonObject &o)
    {
        AddressProbeResult a;
        a.mxName = string(o, "mxName");
        a.address = address(string(o, "address"));
        a.port = quint16(integer(o, "port", 25));
        a.probedAt = time(o, "probedAt");
        a.fromCache = boolean(o, "fromCache");
        const QJsonArray sessions = array(o, "sessions");
        for (const QJsonValue &v : sessions)
            a.sessions.append(session(v.toObject()));
        return a;
    }

    MxResolution mx(const QJsonObject &o)
    {
        MxResolution mx;
        mx.domain = string(o, "domain");
        mx.nullMx = boolean(o, "nullMx");
        mx.implicitMx = boolean(o, "implicitMx");
        mx.error = string(o, "error");
        const QJsonArray hosts = array(o, "hosts");
        for (const QJsonValue &v : hosts) {
            const QJsonObject h = v.toObject();
            MxHost host;
            host.name = string(h, "name");
            host.preference = int(integer(h, "preference"));
            for (const QString &text : strings(h, "addresses"))
                host.addresses.append(address(text));
            host.error = string(h, "error");
            mx.hosts.append(host);
        }
        mx.notes = strings(o, "notes");
        return mx;
    }

    MtaStsResult mtaSts(const QJsonObject &o)
    {
        MtaStsResult m;
        m.recordFound = boolean(o, "recordFound");
        m.record = string(o, "record");
        m.id = string(o, "id");
        m.recordError = string(o, "recordError");
        m.policyFetched = boolean(o, "policyFetched");
        m.policyUrl = string(o, "policyUrl");
        m.policyError = string(o, "policyError");
        m.policyText = string(o, "policyText");
        m.mode = string(o, "mode");
        m.mxPatterns = strings(o, "mxPatterns");
        m.maxAge = integer(o, "maxAge", -1);
        m.mxNotCovered = strings(o, "mxNotCovered");
        return m;
    }

    TlsRptResult tlsRpt(const QJsonObject &o)
    {
        TlsRptResult t;
        t.recordFound = boolean(o, "recordFound");
        t.record = string(o, "record");
        t.reportUris = strings(o, "reportUris");
        t.error = string(o, "error");
        return t;
    }

    Finding finding(const QJsonObject &o)
    {
        Finding f;
        f.code = string(o, "code");
        f.severity = word(o, "severity", severityWords, Severity::Info);
        f.mxName = string(o, "mxName");
        f.address = address(string(o, "address"));
        f.title = string(o, "title");
        f.evidence = string(o, "evidence");
        f.advice = string(o, "advice");
        return f;
    }
};

} // namespace

QString ProbeJson::severityWord(Severity severity)
{
    return wordOf(severityWords, severity);
}

std::optional<Severity> ProbeJson::severityFromWord(const QString &word)
{
    return valueOf(severityWords, word);
}

QString ProbeJson::verdictWord(Verdict verdict)
{
    return wordOf(verdictWords, verdict);
}

std::optional<Verdict> ProbeJson::verdictFromWord(const QString &word)
{
    return valueOf(verdictWords, word);
}

QString ProbeJson::profileWord(TlsProfile profile)
{
    return wordOf(profileWords, profile);
}

std::optional<TlsProfile> ProbeJson::profileFromWord(const QString &word)
{
    return valueOf(profileWords, word);
}

QString ProbeJson::outcomeWord(SessionOutcome outcome)
{
    return wordOf(outcomeWords, outcome);
}

std::optional<SessionOutcome> ProbeJson::outcomeFromWord(const QString &word)
{
    return valueOf(outcomeWords, word);
}

QString ProbeJson::stepWord(ProbeStep step)
{
    return wordOf(stepWords, step);
}

std::optional<ProbeStep> ProbeJson::stepFromWord(const QString &word)
{
    return valueOf(stepWords, word);
}

QJsonObject ProbeJson::toJson(const ProbeReport &report)
{
    QJsonArray addresses;
    for (const AddressProbeResult &a : report.addresses)
        addresses.append(addressObject(a));
    QJsonArray findings;
    for (const Finding &f : report.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("code"), f.code},
            {QStringLiteral("severity"), severityWord(f.severity)},
            {QStringLiteral("mxName"), f.mxName},
            {QStringLiteral("address"), addressValue(f.address)},
            {QStringLiteral("title"), f.title},
            {QStringLiteral("evidence"), f.evidence},
            {QStringLiteral("advice"), f.advice},
        });
    }
    QJsonArray verdicts;
    for (const HostVerdict &v : report.hostVerdicts) {
        verdicts.append(QJsonObject{
            {QStringLiteral("mxName"), v.mxName},
            {QStringLiteral("address"), addressValue(v.address)},
            {QStringLiteral("verdict"), verdictWord(v.verdict)},
        });
    }
    return QJsonObject{
        {QStringLiteral("format"), format},
        {QStringLiteral("target"),
         QJsonObject{
             {QStringLiteral("kind"), wordOf(kindWords, report.target.kind)},
             {QStringLiteral("name"), report.target.name},
             {QStringLiteral("port"), int(report.target.port)},
         }},
        {QStringLiteral("started"), timeValue(report.started)},
        {QStringLiteral("finished"), timeValue(report.finished)},
        {QStringLiteral("mx"), mxObject(report.mx)},
        {QStringLiteral("addresses"), addresses},
        {QStringLiteral("mtaSts"), report.mtaSts ? QJsonValue(mtaStsObject(*report.mtaSts)) : QJsonValue::Null},
        {QStringLiteral("tlsRpt"), report.tlsRpt ? QJsonValue(tlsRptObject(*report.tlsRpt)) : QJsonValue::Null},
        {QStringLiteral("sessionsUsed"), report.sessionsUsed},
        {QStringLiteral("cancelled"), report.cancelled},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("hostVerdicts"), verdicts},
        {QStringLiteral("verdict"), verdictWord(report.verdict)},
    };
}

ProbeReport ProbeJson::fromJson(const QJsonObject &object, QString *error)
{
    Reader in;
    ProbeReport report;
    const QJsonValue formatValue = object.value(QLatin1String("format"));
    if (!formatValue.isDouble() || !object.contains(QLatin1String("target"))) {
        in.problem(tr("not a probe report"));
    } else if (formatValue.toInt() > format) {
        in.problem(tr("a probe report of a later format (%1; this version reads %2)")
                       .arg(formatValue.toInt())
                       .arg(format));
    }

    const QJsonObject target = in.object(object, "target");
    report.target.kind = in.word(target, "kind", kindWords, ProbeTarget::Kind::Domain);
    report.target.name = in.string(target, "name");
    report.target.port = quint16(in.integer(target, "port", 25));
    report.started = in.time(object, "started");
    report.finished = in.time(object, "finished");
    report.mx = in.mx(in.object(object, "mx"));
    const QJsonArray addresses = in.array(object, "addresses");
    for (const QJsonValue &v : addresses)
        report.addresses.append(in.addressResult(v.toObject()));
    if (object.value(QLatin1String("mtaSts")).isObject())
        report.mtaSts = in.mtaSts(in.object(object, "mtaSts"));
    if (object.value(QLatin1String("tlsRpt")).isObject())
        report.tlsRpt = in.tlsRpt(in.object(object, "tlsRpt"));
    report.sessionsUsed = int(in.integer(object, "sessionsUsed"));
    report.cancelled = in.boolean(object, "cancelled");
    const QJsonArray findings = in.array(object, "findings");
    for (const QJsonValue &v : findings)
        report.findings.append(in.finding(v.toObject()));
    const QJsonArray verdicts = in.array(object, "hostVerdicts");
    for (const QJsonValue &v : verdicts) {
        const QJsonObject o = v.toObject();
        HostVerdict hv;
        hv.mxName = in.string(o, "mxName");
        hv.address = in.address(in.string(o, "address"));
        hv.verdict = in.word(o, "verdict", verdictWords, Verdict::Unreachable);
        report.hostVerdicts.append(hv);
    }
    report.verdict = in.word(object, "verdict", verdictWords, Verdict::Unreachable);
    if (error)
        *error = in.error;
    return report;
}

} // namespace mailtls
