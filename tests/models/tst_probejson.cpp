#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "models/probe/probejson.h"

using namespace mailtls;

namespace {

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
}

// Every field set to something other than its default, so a field that
// toJson forgets or fromJson misreads shows.
ProbeReport fullReport()
{
    ProbeReport r;
    r.target = {ProbeTarget::Kind::Host, QStringLiteral("mx1.example.test"), 2525};
    r.started = utc("2024-03-18T11:00:00.125Z");
    r.finished = utc("2024-03-18T11:00:01.500Z");
    r.mx.domain = QStringLiteral("example.test");
    r.mx.nullMx = true;
    r.mx.implicitMx = true;
    r.mx.error = QStringLiteral("SERVFAIL once");
    r.mx.notes = {QStringLiteral("example.test has 12 MX hosts; only the first 10 by preference are probed"),
                  QStringLiteral("mx2.example.test: timed out")};
    r.mx.hosts = {
        {QStringLiteral("mx1.example.test"), 10,
         {QHostAddress(QStringLiteral("192.0.2.1")), QHostAddress(QStringLiteral("2001:db8::1"))}, QString()},
        {QStringLiteral("mx2.example.test"), 20, {}, QStringLiteral("NXDOMAIN")},
    };

    CertificateInfo leaf;
    leaf.subject = QStringLiteral("CN=mx1.example.test");
    leaf.subjectAltNames = {QStringLiteral("mx1.example.test"), QStringLiteral("mail.example.test")};
    leaf.issuer = QStringLiteral("CN=Example Test CA");
    leaf.notBefore = utc("2024-01-01T00:00:00.000Z");
    leaf.notAfter = utc("2024-04-01T00:00:00.000Z");
    leaf.der = QByteArray("\x30\x82\x01\x00\xff\x00", 6);
    CertificateInfo root = leaf;
    root.subject = QStringLiteral("CN=Example Test CA");
    root.subjectAltNames.clear();
    root.der = QByteArray("\x30\x01\x02", 3);

    SmtpSessionResult first;
    first.profile = TlsProfile::DheOnly;
    first.outcome = SessionOutcome::TimedOut;
    first.stoppedAt = ProbeStep::Handshake;
    first.detail = QStringLiteral("no reply in 15 s");
    first.banner = {QStringLiteral("mx1.example.test ESMTP"), QStringLiteral("second line")};
    first.ehlo = {QStringLiteral("mx1.example.test"), QStringLiteral("PIPELINING"), QStringLiteral("STARTTLS")};
    first.startTlsAdvertised = true;
    first.ehloLooksStripped = true;
    first.startTlsReply = QStringLiteral("220 2.0.0 Ready to start TLS");
    first.tlsAttempted = true;
    first.tls.established = true;
    first.tls.protocol = QStringLiteral("TLSv1.2");
    first.tls.cipher = QStringLiteral("DHE-RSA-AES256-GCM-SHA384");
    first.tls.keyExchange = QStringLiteral("DHE");
    first.tls.group = QStringLiteral("ffdhe2048");
    first.tls.keyExchangeBits = 2048;
    first.tls.dhPrime = QByteArray("\xff\xff\x00\x01", 4);
    first.tls.chain = {leaf, root};
    first.tls.certificateVerified = true;
    first.tls.verifyError = QStringLiteral("self-signed certificate");
    first.tls.nameMatches = true;
    first.tls.error = QStringLiteral("dh key too small");
    first.elapsedMs = 1234;
    SmtpSessionResult second;
    second.profile = TlsProfile::OnlyTls13;
    second.outcome = SessionOutcome::RateLimited;
    second.stoppedAt = ProbeStep::Banner;
    second.detail = QStringLiteral("421 4.7.0 Try again later");

    AddressProbeResult a;
    a.mxName = QStringLiteral("mx1.example.test");
    a.address = QHostAddress(QStringLiteral("2001:db8::1"));
    a.port = 2525;
    a.probedAt = utc("2024-03-18T11:00:00.250Z");
    a.fromCache = true;
    a.sessions = {first, second};
    AddressProbeResult b;
    b.mxName = QStringLiteral("mx1.example.test");
    b.address = QHostAddress(QStringLiteral("192.0.2.1"));
    b.probedAt = utc("2024-03-18T11:00:00.000Z");
    r.addresses = {a, b};

    MtaStsResult sts;
    sts.recordFound = true;
    sts.record = QStringLiteral("v=STSv1; id=20240318");
    sts.id = QStringLiteral("20240318");
    sts.recordError = QStringLiteral("two records");
    sts.policyFetched = true;
    sts.policyUrl = QStringLiteral("https://mta-sts.example.test/.well-known/mta-sts.txt");
    sts.policyError = QStringLiteral("HTTP 404");
    sts.policyText = QStringLiteral("version: STSv1\nmode: enforce\n");
    sts.mode = QStringLiteral("enforce");
    sts.mxPatterns = {QStringLiteral("*.example.test")};
    sts.maxAge = 604800;
    sts.mxNotCovered = {QStringLiteral("backup.example.net")};
    r.mtaSts = sts;
    TlsRptResult rpt;
    rpt.recordFound = true;
    rpt.record = QStringLiteral("v=TLSRPTv1; rua=mailto:tlsrpt@example.test");
    rpt.reportUris = {QStringLiteral("mailto:tlsrpt@example.test")};
    rpt.error = QStringLiteral("none");
    r.tlsRpt = rpt;
    r.sessionsUsed = 7;
    r.cancelled = true;

    Finding f;
    f.code = QStringLiteral("dh-weak");
    f.severity = Severity::Critical;
    f.mxName = QStringLiteral("mx1.example.test");
    f.address = QHostAddress(QStringLiteral("192.0.2.1"));
    f.title = QStringLiteral("title");
    f.evidence = QStringLiteral("evidence");
    f.advice = QStringLiteral("advice");
    Finding g;
    g.code = QStringLiteral("tls-rpt");
    r.findings = {f, g};
    r.hostVerdicts = {{QStringLiteral("mx1.example.test"), QHostAddress(QStringLiteral("192.0.2.1")), Verdict::Weak},
                      {QStringLiteral("mx1.example.test"), QHostAddress(QStringLiteral("2001:db8::1")),
                       Verdict::NoTls}};
    r.verdict = Verdict::NoTls;
    return r;
}

} // namespace

class TestProbeJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void roundTripOfDefaults();
    void exactJson();
    void words();
    void problems_data();
    void problems();
};

// Field by field, so a field lost on the way shows by name.
#define SAME(field) QCOMPARE(back.field, original.field)

void TestProbeJson::roundTrip()
{
    const ProbeReport original = fullReport();
    // Through text too: the store keeps the document, not the object.
    const QByteArray text = QJsonDocument(ProbeJson::toJson(original)).toJson(QJsonDocument::Compact);
    QString error = QStringLiteral("untouched");
    const ProbeReport back = ProbeJson::fromJson(QJsonDocument::fromJson(text).object(), &error);
    QCOMPARE(error, QString());

    SAME(target);
    SAME(started);
    SAME(finished);
    SAME(mx.domain);
    SAME(mx.nullMx);
    SAME(mx.implicitMx);
    SAME(mx.error);
    SAME(mx.notes);
    QCOMPARE(back.mx.hosts.size(), 2);
    for (int i = 0; i < 2; ++i) {
        SAME(mx.hosts[i].name);
        SAME(mx.hosts[i].preference);
        SAME(mx.hosts[i].addresses);
        SAME(mx.hosts[i].error);
    }
    QCOMPARE(back.addresses.size(), 2);
    for (int i = 0; i < 2; ++i) {
        SAME(addresses[i].mxName);
        SAME(addresses[i].address);
        SAME(addresses[i].port);
        SAME(addresses[i].probedAt);
        SAME(addresses[i].fromCache);
        SAME(addresses[i].sessions.size());
    }
    for (int i = 0; i < 2; ++i) {
        SAME(addresses[0].sessions[i].profile);
        SAME(addresses[0].sessions[i].outcome);
        SAME(addresses[0].sessions[i].stoppedAt);
        SAME(addresses[0].sessions[i].detail);
        SAME(addresses[0].sessions[i].banner);
        SAME(addresses[0].sessions[i].ehlo);
        SAME(addresses[0].sessions[i].startTlsAdvertised);
        SAME(addresses[0].sessions[i].ehloLooksStripped);
        SAME(addresses[0].sessions[i].startTlsReply);
        SAME(addresses[0].sessions[i].tlsAttempted);
        SAME(addresses[0].sessions[i].elapsedMs);
        SAME(addresses[0].sessions[i].tls.established);
        SAME(addresses[0].sessions[i].tls.protocol);
        SAME(addresses[0].sessions[i].tls.cipher);
        SAME(addresses[0].sessions[i].tls.keyExchange);
        SAME(addresses[0].sessions[i].tls.group);
        SAME(addresses[0].sessions[i].tls.keyExchangeBits);
        SAME(addresses[0].sessions[i].tls.dhPrime);
        SAME(addresses[0].sessions[i].tls.certificateVerified);
        SAME(addresses[0].sessions[i].tls.verifyError);
        SAME(addresses[0].sessions[i].tls.nameMatches);
        SAME(addresses[0].sessions[i].tls.error);
        SAME(addresses[0].sessions[i].tls.chain.size());
    }
    for (int i = 0; i < 2; ++i) {
        SAME(addresses[0].sessions[0].tls.chain[i].subject);
        SAME(addresses[0].sessions[0].tls.chain[i].subjectAltNames);
        SAME(addresses[0].sessions[0].tls.chain[i].issuer);
        SAME(addresses[0].sessions[0].tls.chain[i].notBefore);
        SAME(addresses[0].sessions[0].tls.chain[i].notAfter);
        SAME(addresses[0].sessions[0].tls.chain[i].der);
    }
    QVERIFY(back.mtaSts.has_value());
    SAME(mtaSts->recordFound);
    SAME(mtaSts->record);
    SAME(mtaSts->id);
    SAME(mtaSts->recordError);
    SAME(mtaSts->policyFetched);
    SAME(mtaSts->policyUrl);
    SAME(mtaSts->policyError);
    SAME(mtaSts->policyText);
    SAME(mtaSts->mode);
    SAME(mtaSts->mxPatterns);
    SAME(mtaSts->maxAge);
    SAME(mtaSts->mxNotCovered);
    QVERIFY(back.tlsRpt.has_value());
    SAME(tlsRpt->recordFound);
    SAME(tlsRpt->record);
    SAME(tlsRpt->reportUris);
    SAME(tlsRpt->error);
    SAME(sessionsUsed);
    SAME(cancelled);
    QCOMPARE(back.findings.size(), 2);
    for (int i = 0; i < 2; ++i) {
        SAME(findings[i].code);
        SAME(findings[i].severity);
        SAME(findings[i].mxName);
        SAME(findings[i].address);
        SAME(findings[i].title);
        SAME(findings[i].evidence);
        SAME(findings[i].advice);
    }
    QCOMPARE(back.hostVerdicts.size(), 2);
    for (int i = 0; i < 2; ++i) {
        SAME(hostVerdicts[i].mxName);
        SAME(hostVerdicts[i].address);
        SAME(hostVerdicts[i].verdict);
    }
    SAME(verdict);
    // Times come back as UTC, to the millisecond.
    QCOMPARE(back.started.timeSpec(), Qt::UTC);
    QCOMPARE(back.started.toMSecsSinceEpoch() % 1000, 125);
    // And the same document again.
    QCOMPARE(ProbeJson::toJson(back), ProbeJson::toJson(original));
}

void TestProbeJson::roundTripOfDefaults()
{
    ProbeReport original;
    original.verdict = Verdict::Good;
    QString error;
    const ProbeReport back = ProbeJson::fromJson(ProbeJson::toJson(original), &error);
    QCOMPARE(error, QString());
    SAME(target);
    QVERIFY(!back.started.isValid());
    QVERIFY(!back.finished.isValid());
    QVERIFY(!back.mtaSts.has_value());
    QVERIFY(!back.tlsRpt.has_value());
    QVERIFY(back.addresses.isEmpty());
    SAME(verdict);
    QCOMPARE(ProbeJson::toJson(back), ProbeJson::toJson(original));
}

void TestProbeJson::exactJson()
{
    ProbeReport r;
    r.target = {ProbeTarget::Kind::Host, QStringLiteral("192.0.2.7"), 2525};
    r.started = utc("2024-03-18T11:00:00.000Z");
    r.finished = utc("2024-03-18T11:00:00.040Z");
    AddressProbeResult a;
    a.mxName = QStringLiteral("192.0.2.7");
    a.address = QHostAddress(QStringLiteral("192.0.2.7"));
    a.port = 2525;
    a.probedAt = r.started;
    SmtpSessionResult s;
    s.banner = {QStringLiteral("plain ESMTP")};
    s.ehlo = {QStringLiteral("plain"), QStringLiteral("8BITMIME")};
    s.stoppedAt = ProbeStep::Quit;
    s.elapsedMs = 12;
    a.sessions = {s};
    r.addresses = {a};
    r.sessionsUsed = 1;
    Finding f;
    f.code = QStringLiteral("no-starttls");
    f.severity = Severity::High;
    f.mxName = a.mxName;
    f.address = a.address;
    f.title = QStringLiteral("T");
    f.evidence = QStringLiteral("250 8BITMIME");
    f.advice = QStringLiteral("A");
    r.findings = {f};
    r.hostVerdicts = {{a.mxName, a.address, Verdict::NoTls}};
    r.verdict = Verdict::NoTls;

    const QByteArray expected
        = R"({"addresses":[{"address":"192.0.2.7","fromCache":false,"mxName":"192.0.2.7","port":2525,)"
          R"("probedAt":"2024-03-18T11:00:00.000Z","sessions":[{"banner":["plain ESMTP"],"detail":"",)"
          R"("ehlo":["plain","8BITMIME"],"ehloLooksStripped":false,"elapsedMs":12,"outcome":"completed",)"
          R"("profile":"default","startTlsAdvertised":false,"startTlsReply":"","stoppedAt":"quit",)"
          R"("tls":{"certificateVerified":false,"chain":[],"cipher":"","dhPrime":"","error":"",)"
          R"("established":false,"group":"","keyExchange":"","keyExchangeBits":0,"nameMatches":false,)"
          R"("protocol":"","verifyError":""},"tlsAttempted":false}]}],"cancelled":false,)"
          R"("findings":[{"address":"192.0.2.7","advice":"A","code":"no-starttls","evidence":"250 8BITMIME",)"
          R"("mxName":"192.0.2.7","severity":"high","title":"T"}],"finished":"2024-03-18T11:00:00.040Z",)"
          R"("format":1,"hostVerdicts":[{"address":"192.0.2.7","mxName":"192.0.2.7","verdict":"no-tls"}],)"
          R"("mtaSts":null,"mx":{"domain":"","error":"","hosts":[],"implicitMx":false,"notes":[],)"
          R"("nullMx":false},)"
          R"("sessionsUsed":1,"started":"2024-03-18T11:00:00.000Z",)"
          R"("target":{"kind":"host","name":"192.0.2.7","port":2525},"tlsRpt":null,"verdict":"no-tls"})";
    QCOMPARE(QJsonDocument(ProbeJson::toJson(r)).toJson(QJsonDocument::Compact), expected);
}

void TestProbeJson::words()
{
    const QList<QPair<Severity, QString>> severities = {{Severity::Info, QStringLiteral("info")},
                                                       {Severity::Low, QStringLiteral("low")},
                                                       {Severity::Medium, QStringLiteral("medium")},
                                                       {Severity::High, QStringLiteral("high")},
                                                       {Severity::Critical, QStringLiteral("critical")}};
    for (const auto &[severity, word] : severities) {
        QCOMPARE(ProbeJson::severityWord(severity), word);
        QCOMPARE(ProbeJson::severityFromWord(word), std::optional<Severity>(severity));
    }
    const QList<QPair<Verdict, QString>> verdicts = {{Verdict::Good, QStringLiteral("good")},
                                                    {Verdict::Weak, QStringLiteral("weak")},
                                                    {Verdict::NoTls, QStringLiteral("no-tls")},
                                                    {Verdict::Unreachable, QStringLiteral("unreachable")}};
    for (const auto &[verdict, word] : verdicts) {
        QCOMPARE(ProbeJson::verdictWord(verdict), word);
        QCOMPARE(ProbeJson::verdictFromWord(word), std::optional<Verdict>(verdict));
    }
    QCOMPARE(ProbeJson::profileWord(TlsProfile::OnlyTls11), QStringLiteral("tls1.1"));
    QCOMPARE(ProbeJson::profileFromWord(QStringLiteral("dhe-only")), std::optional<TlsProfile>(TlsProfile::DheOnly));
    QCOMPARE(ProbeJson::outcomeWord(SessionOutcome::ProtocolError), QStringLiteral("protocol-error"));
    QCOMPARE(ProbeJson::outcomeFromWord(QStringLiteral("timed-out")),
             std::optional<SessionOutcome>(SessionOutcome::TimedOut));
    QCOMPARE(ProbeJson::stepWord(ProbeStep::StartTls), QStringLiteral("starttls"));
    QCOMPARE(ProbeJson::stepFromWord(QStringLiteral("handshake")), std::optional<ProbeStep>(ProbeStep::Handshake));
    QCOMPARE(ProbeJson::severityFromWord(QStringLiteral("High")), std::nullopt);
    QCOMPARE(ProbeJson::verdictFromWord(QString()), std::nullopt);
}

void TestProbeJson::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty object") << QByteArray("{}") << "not a probe report";
    QTest::newRow("no target") << QByteArray(R"({"format":1})") << "not a probe report";
    QTest::newRow("later format")
        << QByteArray(R"({"format":2,"target":{"kind":"domain","name":"example.test","port":25},"verdict":"good"})")
        << "a probe report of a later format (2; this version reads 1)";
    QTest::newRow("unknown verdict")
        << QByteArray(R"({"format":1,"target":{"kind":"domain","name":"example.test","port":25},"verdict":"fine"})")
        << "\"verdict\": unknown value \"fine\"";
    QTest::newRow("unknown kind")
        << QByteArray(R"({"format":1,"target":{"kind":"mx","name":"example.test","port":25},"verdict":"good"})")
        << "\"kind\": unknown value \"mx\"";
    QTest::newRow("bad time") << QByteArray(
        R"({"format":1,"target":{"kind":"domain","name":"x.test","port":25},"started":"yesterday","verdict":"good"})")
                              << "\"started\" is not a time: yesterday";
    QTest::newRow("bad address") << QByteArray(
        R"({"format":1,"target":{"kind":"domain","name":"x.test","port":25},"verdict":"good",)"
        R"("hostVerdicts":[{"mxName":"mx","address":"300.1.1.1","verdict":"good"}]})")
                                 << "\"300.1.1.1\" is not an IP address";
    QTest::newRow("bad base64") << QByteArray(
        R"({"format":1,"target":{"kind":"domain","name":"x.test","port":25},"verdict":"good","addresses":)"
        R"([{"sessions":[{"profile":"default","outcome":"completed","stoppedAt":"quit","tls":{"dhPrime":"%%"}}]}]})")
                                << "\"dhPrime\" is not base64";
}

void TestProbeJson::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QString message;
    ProbeJson::fromJson(document.object(), &message);
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestProbeJson)
#include "tst_probejson.moc"
