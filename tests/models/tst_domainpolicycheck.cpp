#include <QtTest>

#include <QDir>
#include <QDnsLookup>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>

#include "models/probe/domainpolicycheck.h"
#include "tests/models/dnsmasqtestutil.h"
#include "tests/models/policytestpki.h"

using namespace mailtls;

namespace {

// Loopback addresses of this test alone (tests may run in parallel).
const char *const TrapAddress = "127.0.3.56";
const QString DnsAddress = QStringLiteral("127.0.3.55");
const QString SilentDnsAddress = QStringLiteral("127.0.3.59");
// Policy hosts: A serves a valid policy (a certificate for
// mta-sts.enforce.test only to a client that asks for that name by SNI),
// B a 404, C a redirect, D a policy as text/html; nothing listens on the
// dead address; the stalled one accepts and never speaks.
const QString HostA = QStringLiteral("127.0.3.80");
const QString HostB = QStringLiteral("127.0.3.81");
const QString HostC = QStringLiteral("127.0.3.82");
const QString HostD = QStringLiteral("127.0.3.84");
const QString DeadHost = QStringLiteral("127.0.3.79");
const QString StalledHost = QStringLiteral("127.0.3.87");
const quint16 HttpsPort = 8443;

const QByteArray Policy = "version: STSv1\r\nmode: enforce\r\nmx: mx1.enforce.test\r\nmx: *.backup.enforce.test\r\n"
                          "max_age: 604800\r\n";

QStringList describe(const MtaStsResult &sts, const TlsRptResult &rpt)
{
    QStringList lines;
    lines.append(sts.recordFound ? QStringLiteral("record ") + sts.record : QStringLiteral("no record"));
    if (!sts.id.isEmpty())
        lines.append(QStringLiteral("id ") + sts.id);
    if (!sts.recordError.isEmpty())
        lines.append(QStringLiteral("record error ") + sts.recordError);
    if (!sts.policyUrl.isEmpty())
        lines.append(QStringLiteral("url ") + sts.policyUrl);
    if (sts.policyFetched)
        lines.append(QStringLiteral("fetched"));
    if (!sts.policyError.isEmpty())
        lines.append(QStringLiteral("policy error ") + sts.policyError);
    if (!sts.mode.isEmpty())
        lines.append(QStringLiteral("mode ") + sts.mode);
    if (!sts.mxPatterns.isEmpty())
        lines.append(QStringLiteral("mx ") + sts.mxPatterns.join(u' '));
    if (sts.maxAge >= 0)
        lines.append(QStringLiteral("max_age %1").arg(sts.maxAge));
    if (!sts.mxNotCovered.isEmpty())
        lines.append(QStringLiteral("not covered ") + sts.mxNotCovered.join(u' '));
    lines.append(rpt.recordFound ? QStringLiteral("tlsrpt ") + rpt.record : QStringLiteral("no tlsrpt"));
    if (!rpt.reportUris.isEmpty())
        lines.append(QStringLiteral("rua ") + rpt.reportUris.join(u' '));
    if (!rpt.error.isEmpty())
        lines.append(QStringLiteral("tlsrpt error ") + rpt.error);
    return lines;
}

QStringList records()
{
    QStringList options = {QStringLiteral("--local=/test/")};
    auto sts = [&](const QString &domain, const QString &id) {
        options.append(QStringLiteral("--txt-record=_mta-sts.%1,\"v=STSv1; id=%2\"").arg(domain, id));
    };
    auto host = [&](const QString &domain, const QString &address) {
        options.append(QStringLiteral("--host-record=mta-sts.%1,%2").arg(domain, address));
    };
    sts(QStringLiteral("enforce.test"), QStringLiteral("20240101T000000"));
    host(QStringLiteral("enforce.test"), HostA);
    options.append(QStringLiteral("--txt-record=_smtp._tls.enforce.test,\"v=TLSRPTv1; "
                                  "rua=mailto:tls@enforce.test,https://report.enforce.test/tlsrpt\""));
    options.append(QStringLiteral("--txt-record=_smtp._tls.enforce.test,\"v=spf1 -all\""));
    sts(QStringLiteral("uncovered.test"), QStringLiteral("1"));
    host(QStringLiteral("uncovered.test"), HostA);
    sts(QStringLiteral("wrongname.test"), QStringLiteral("1"));
    host(QStringLiteral("wrongname.test"), HostA);
    sts(QStringLiteral("missing.test"), QStringLiteral("1"));
    host(QStringLiteral("missing.test"), HostB);
    sts(QStringLiteral("redirect.test"), QStringLiteral("1"));
    host(QStringLiteral("redirect.test"), HostC);
    sts(QStringLiteral("notplain.test"), QStringLiteral("1"));
    host(QStringLiteral("notplain.test"), HostD);
    sts(QStringLiteral("refused.test"), QStringLiteral("1"));
    host(QStringLiteral("refused.test"), DeadHost);
    sts(QStringLiteral("fallback.test"), QStringLiteral("1"));
    host(QStringLiteral("fallback.test"), DeadHost);
    host(QStringLiteral("fallback.test"), HostA);
    sts(QStringLiteral("twosts.test"), QStringLiteral("1"));
    sts(QStringLiteral("twosts.test"), QStringLiteral("2"));
    host(QStringLiteral("twosts.test"), HostA);
    sts(QStringLiteral("nohost.test"), QStringLiteral("1"));
    sts(QStringLiteral("stalled.test"), QStringLiteral("1"));
    host(QStringLiteral("stalled.test"), StalledHost);
    options.append(QStringLiteral("--txt-record=_smtp._tls.badrpt.test,\"v=TLSRPTv1; rua=http://report.badrpt.test/\""));
    options.append(QStringLiteral("--txt-record=_mta-sts.nosts.test,\"not a policy record\""));
    return options;
}

// Is a TCP socket listening on this IPv4 address and port? From /proc, so the
// server sees no connection.
bool tcpListening(const QString &address, quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    const quint32 raw = qbswap(QHostAddress(address).toIPv4Address());
    const QByteArray want = QByteArray::number(raw, 16).rightJustified(8, '0').toUpper() + ':'
                            + QByteArray::number(port, 16).rightJustified(4, '0').toUpper();
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields.at(1) == want && fields.at(3) == "0A")
            return true;
    }
    return false;
}

} // namespace

class TestDomainPolicyCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void check_data();
    void check();
    void policyTextIsKept();
    void finishedOnceNeverInsideStart();
    void cancelDuringDns();
    void cancelDuringHttps();

private:
    ProbeOptions options(const QString &dns = DnsAddress, int dnsTimeoutMs = 3000) const;
    bool startHttps(const QString &address, const QString &mode, const QByteArray &file, const QStringList &tls,
                    QString *error);
    QList<std::pair<MtaStsResult, TlsRptResult>> run(DomainPolicyCheck &check, int count, int timeoutMs);

    QTemporaryDir m_dir;
    std::unique_ptr<PolicyTestPki> m_pki;
    dnstest::Dnsmasq m_dns;
    dnstest::Dnsmasq m_trap;
    QUdpSocket m_silentDns;
    QTcpServer m_stalled;
    QList<QProcess *> m_https;
};

ProbeOptions TestDomainPolicyCheck::options(const QString &dns, int dnsTimeoutMs) const
{
    ProbeOptions options;
    options.dnsServer = QHostAddress(dns);
    options.dnsTimeoutMs = dnsTimeoutMs;
    options.httpsPort = HttpsPort;
    options.connectTimeoutMs = 3000;
    options.readTimeoutMs = 3000;
    options.extraCaCertificates = {m_pki->caCertificate()};
    return options;
}

bool TestDomainPolicyCheck::startHttps(const QString &address, const QString &mode, const QByteArray &file,
                                       const QStringList &tls, QString *error)
{
    // Each server has its own folder: openssl s_server serves
    // ./.well-known/mta-sts.txt whatever the Host header says.
    const QString root = m_dir.filePath(QStringLiteral("www-") + address);
    if (!QDir().mkpath(root + QStringLiteral("/.well-known"))) {
        *error = QStringLiteral("cannot create ") + root;
        return false;
    }
    QFile policy(root + QStringLiteral("/.well-known/mta-sts.txt"));
    if (!policy.open(QIODevice::WriteOnly) || policy.write(file) != file.size()) {
        *error = QStringLiteral("cannot write ") + policy.fileName();
        return false;
    }
    policy.close();
    auto *server = new QProcess(this);
    m_https.append(server);
    server->setWorkingDirectory(root);
    server->setProcessChannelMode(QProcess::MergedChannels);
    server->start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("s_server"), QStringLiteral("-quiet"), mode, QStringLiteral("-accept"),
                              QStringLiteral("%1:%2").arg(address).arg(HttpsPort)}
                      + tls);
    QElapsedTimer clock;
    clock.start();
    while (!tcpListening(address, HttpsPort)) {
        if (server->state() == QProcess::NotRunning || clock.elapsed() > 5000) {
            *error = QStringLiteral("openssl s_server on %1 did not listen: %2")
                         .arg(address, QString::fromLocal8Bit(server->readAll()));
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

void TestDomainPolicyCheck::initTestCase()
{
    if (!dnstest::isolationProblem().isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot keep look-ups off the system resolver: ")
                         + dnstest::isolationProblem()));
    if (!dnstest::Dnsmasq::available())
        QSKIP("needs dnsmasq (Debian package dnsmasq-base)");
    if (!PolicyTestPki::available())
        QSKIP("needs the openssl command");
    QVERIFY(m_dir.isValid());

    QString error;
    m_pki = std::make_unique<PolicyTestPki>(m_dir.path());
    QVERIFY2(m_pki->makeCa(&error), qPrintable(error));
    QVERIFY2(m_pki->makeServer(QStringLiteral("sni"), {QStringLiteral("mta-sts.enforce.test")}, &error),
             qPrintable(error));
    QVERIFY2(m_pki->makeServer(QStringLiteral("default"),
                               {QStringLiteral("mta-sts.uncovered.test"), QStringLiteral("mta-sts.fallback.test")},
                               &error),
             qPrintable(error));
    QVERIFY2(m_pki->makeServer(QStringLiteral("others"),
                               {QStringLiteral("mta-sts.missing.test"), QStringLiteral("mta-sts.redirect.test"),
                                QStringLiteral("mta-sts.notplain.test")},
                               &error),
             qPrintable(error));

    const QStringList othersTls = {QStringLiteral("-cert"), m_pki->certPath(QStringLiteral("others")),
                                   QStringLiteral("-key"), m_pki->keyPath(QStringLiteral("others"))};
    QVERIFY2(startHttps(HostA, QStringLiteral("-WWW"), Policy,
                        {QStringLiteral("-cert"), m_pki->certPath(QStringLiteral("default")), QStringLiteral("-key"),
                         m_pki->keyPath(QStringLiteral("default")), QStringLiteral("-servername"),
                         QStringLiteral("mta-sts.enforce.test"), QStringLiteral("-cert2"),
                         m_pki->certPath(QStringLiteral("sni")), QStringLiteral("-key2"),
                         m_pki->keyPath(QStringLiteral("sni"))},
                        &error),
             qPrintable(error));
    // -HTTP sends the file as the whole response, headers and all.
    QVERIFY2(startHttps(HostB, QStringLiteral("-HTTP"),
                        "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 10\r\n\r\nNot found\n",
                        othersTls, &error),
             qPrintable(error));
    QVERIFY2(startHttps(HostC, QStringLiteral("-HTTP"),
                        "HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere.test/.well-known/mta-sts.txt\r\n"
                        "Content-Length: 0\r\n\r\n",
                        othersTls, &error),
             qPrintable(error));
    QVERIFY2(startHttps(HostD, QStringLiteral("-HTTP"),
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                        "version: STSv1\nmode: testing\nmx: mx.notplain.test\nmax_age: 86400\n",
                        othersTls, &error),
             qPrintable(error));
    QVERIFY(m_stalled.listen(QHostAddress(StalledHost), HttpsPort));

    QVERIFY2(m_trap.start(QString::fromLatin1(TrapAddress), {}, &error), qPrintable(error));
    QVERIFY2(m_dns.start(DnsAddress, records(), &error), qPrintable(error));
    QVERIFY(m_silentDns.bind(QHostAddress(SilentDnsAddress), 53));
    connect(&m_silentDns, &QUdpSocket::readyRead, this, [this] {
        while (m_silentDns.hasPendingDatagrams())
            m_silentDns.receiveDatagram();
    });

    // The trap works: a look-up without a server set reaches it (and only it).
    QDnsLookup system(QDnsLookup::TXT, QStringLiteral("trap-check.mailtls.invalid"));
    QSignalSpy done(&system, &QDnsLookup::finished);
    system.lookup();
    QVERIFY(done.wait(5000));
    QCOMPARE(system.error(), QDnsLookup::ServerRefusedError);
}

void TestDomainPolicyCheck::cleanupTestCase()
{
    for (QProcess *server : std::as_const(m_https)) {
        server->kill();
        server->waitForFinished(5000);
    }
    if (!dnstest::isolationProblem().isEmpty() || !dnstest::Dnsmasq::available() || !PolicyTestPki::available())
        return;
    m_dns.stop();
    m_trap.stop();
    // Nothing but initTestCase's own check reached the system resolver: not
    // the TXT records, not the policy hosts, not the HTTPS connections.
    QCOMPARE(m_trap.queries(), QStringList{QStringLiteral("query[TXT] trap-check.mailtls.invalid from 127.0.0.1")});
}

QList<std::pair<MtaStsResult, TlsRptResult>> TestDomainPolicyCheck::run(DomainPolicyCheck &check, int count,
                                                                          int timeoutMs)
{
    QList<std::pair<MtaStsResult, TlsRptResult>> results;
    connect(&check, &DomainPolicyCheck::finished, this,
            [&](const MtaStsResult &sts, const TlsRptResult &rpt) { results.append({sts, rpt}); });
    if (!QTest::qWaitFor([&] { return results.size() >= count; }, timeoutMs))
        qWarning("DomainPolicyCheck did not finish in time");
    // Anything more would come now.
    QTest::qWait(100);
    return results;
}

void TestDomainPolicyCheck::check_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QStringList>("mxNames");
    QTest::addColumn<QString>("dns");
    QTest::addColumn<int>("dnsTimeoutMs");
    QTest::addColumn<QStringList>("expected");

    const QString url = QStringLiteral("url https://mta-sts.%1:8443/.well-known/mta-sts.txt");
    const QStringList enforced = {QStringLiteral("fetched"), QStringLiteral("mode enforce"),
                                  QStringLiteral("mx mx1.enforce.test *.backup.enforce.test"),
                                  QStringLiteral("max_age 604800")};

    QTest::newRow("a valid enforce policy, every MX covered")
        << QStringLiteral("enforce.test")
        << QStringList{QStringLiteral("mx1.enforce.test"), QStringLiteral("b1.backup.enforce.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=20240101T000000"), QStringLiteral("id 20240101T000000"),
                       url.arg(QStringLiteral("enforce.test"))}
               + enforced
               + QStringList{QStringLiteral("tlsrpt v=TLSRPTv1; rua=mailto:tls@enforce.test,"
                                            "https://report.enforce.test/tlsrpt"),
                             QStringLiteral("rua mailto:tls@enforce.test https://report.enforce.test/tlsrpt")};
    QTest::newRow("an MX the policy does not cover")
        << QStringLiteral("Uncovered.Test.")
        << QStringList{QStringLiteral("mx1.enforce.test"), QStringLiteral("mx.uncovered.test"),
                       QStringLiteral("a.b.backup.enforce.test")}
        << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("uncovered.test"))}
               + enforced
               + QStringList{QStringLiteral("not covered mx.uncovered.test a.b.backup.enforce.test"),
                             QStringLiteral("no tlsrpt")};
    QTest::newRow("the policy at the second address")
        << QStringLiteral("fallback.test") << QStringList{QStringLiteral("mx1.enforce.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("fallback.test"))}
               + enforced + QStringList{QStringLiteral("no tlsrpt")};
    QTest::newRow("a missing policy (HTTP 404)")
        << QStringLiteral("missing.test") << QStringList{QStringLiteral("mx.missing.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("missing.test")),
                       QStringLiteral("policy error https://mta-sts.missing.test:8443/.well-known/mta-sts.txt "
                                      "answered \"HTTP/1.1 404 Not Found\" instead of the policy"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("a redirect")
        << QStringLiteral("redirect.test") << QStringList{QStringLiteral("mx.redirect.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("redirect.test")),
                       QStringLiteral("policy error https://mta-sts.redirect.test:8443/.well-known/mta-sts.txt "
                                      "answered \"HTTP/1.1 301 Moved Permanently\" with a redirect to "
                                      "https://elsewhere.test/.well-known/mta-sts.txt; RFC 8461 forbids following "
                                      "redirects to the policy"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("a policy served as text/html")
        << QStringLiteral("notplain.test") << QStringList{QStringLiteral("mx.notplain.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("notplain.test")), QStringLiteral("fetched"),
                       QStringLiteral("policy error the policy is served as Content-Type \"text/html; "
                                      "charset=utf-8\", not text/plain"),
                       QStringLiteral("mode testing"), QStringLiteral("mx mx.notplain.test"),
                       QStringLiteral("max_age 86400"), QStringLiteral("no tlsrpt")};
    QTest::newRow("a certificate for the wrong name")
        << QStringLiteral("wrongname.test") << QStringList{QStringLiteral("mx.wrongname.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("wrongname.test")),
                       QStringLiteral("policy error the certificate of mta-sts.wrongname.test (127.0.3.80 port "
                                      "8443) was not accepted: The host name did not match any of the valid hosts "
                                      "for this certificate"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("nothing listens on the policy host")
        << QStringLiteral("refused.test") << QStringList{QStringLiteral("mx.refused.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("refused.test")),
                       QStringLiteral("policy error could not connect to mta-sts.refused.test (127.0.3.79 port "
                                      "8443): Connection refused"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("no policy host")
        << QStringLiteral("nohost.test") << QStringList{QStringLiteral("mx.nohost.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                       url.arg(QStringLiteral("nohost.test")),
                       QStringLiteral("policy error the policy host mta-sts.nohost.test has no address: "
                                      "mta-sts.nohost.test does not exist (NXDOMAIN)"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("two STS records")
        << QStringLiteral("twosts.test") << QStringList{QStringLiteral("mx.twosts.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("record v=STSv1; id=1\nv=STSv1; id=2"),
                       QStringLiteral("record error 2 TXT records begin with v=STSv1; RFC 8461 allows exactly one, "
                                      "so senders ignore MTA-STS"),
                       QStringLiteral("no tlsrpt")};
    QTest::newRow("neither record")
        << QStringLiteral("nosts.test") << QStringList{QStringLiteral("mx.nosts.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("no record"), QStringLiteral("no tlsrpt")};
    QTest::newRow("a TLS-RPT record with an http address")
        << QStringLiteral("badrpt.test") << QStringList{QStringLiteral("mx.badrpt.test")} << DnsAddress << 3000
        << QStringList{QStringLiteral("no record"),
                       QStringLiteral("tlsrpt v=TLSRPTv1; rua=http://report.badrpt.test/"),
                       QStringLiteral("rua http://report.badrpt.test/"),
                       QStringLiteral("tlsrpt error report address \"http://report.badrpt.test/\" is neither a "
                                      "mailto: nor an https: URI")};
    QTest::newRow("a DNS server that never answers")
        << QStringLiteral("enforce.test") << QStringList{QStringLiteral("mx1.enforce.test")} << SilentDnsAddress << 300
        << QStringList{QStringLiteral("no record"),
                       QStringLiteral("record error no answer from DNS server 127.0.3.59 within 0.3 s"),
                       QStringLiteral("no tlsrpt"),
                       QStringLiteral("tlsrpt error no answer from DNS server 127.0.3.59 within 0.3 s")};
}

void TestDomainPolicyCheck::check()
{
    QFETCH(QString, domain);
    QFETCH(QStringList, mxNames);
    QFETCH(QString, dns);
    QFETCH(int, dnsTimeoutMs);
    QFETCH(QStringList, expected);

    DomainPolicyCheck check(options(dns, dnsTimeoutMs));
    check.start(domain, mxNames);
    const auto results = run(check, 1, 15000);
    QCOMPARE(results.size(), 1);
    QCOMPARE(describe(results.first().first, results.first().second), expected);
}

void TestDomainPolicyCheck::policyTextIsKept()
{
    DomainPolicyCheck check(options());
    check.start(QStringLiteral("enforce.test"), {QStringLiteral("mx1.enforce.test")});
    const auto results = run(check, 1, 15000);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().first.policyText, QString::fromLatin1(Policy));
}

void TestDomainPolicyCheck::finishedOnceNeverInsideStart()
{
    DomainPolicyCheck check(options());
    QSignalSpy spy(&check, &DomainPolicyCheck::finished);
    check.start(QStringLiteral("nosts.test"), {});
    check.start(QString(), {});
    check.start(QStringLiteral("enforce.test"), {QStringLiteral("mx1.enforce.test")});
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 3, 15000);
    QTest::qWait(300);
    QCOMPARE(spy.count(), 3);
    QStringList errors;
    for (const QList<QVariant> &arguments : std::as_const(spy))
        errors.append(arguments.at(0).value<MtaStsResult>().recordError);
    errors.sort();
    QCOMPARE(errors, (QStringList{QString(), QString(), QStringLiteral("no domain given")}));
}

void TestDomainPolicyCheck::cancelDuringDns()
{
    DomainPolicyCheck check(options(SilentDnsAddress, 2000));
    QList<std::pair<MtaStsResult, TlsRptResult>> results;
    connect(&check, &DomainPolicyCheck::finished, this,
            [&](const MtaStsResult &sts, const TlsRptResult &rpt) { results.append({sts, rpt}); });
    check.start(QStringLiteral("enforce.test"), {QStringLiteral("mx1.enforce.test")});
    QTest::qWait(50);
    check.cancel();
    QCOMPARE(results.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 1000);
    QCOMPARE(describe(results.first().first, results.first().second),
             (QStringList{QStringLiteral("no record"), QStringLiteral("record error the check was cancelled"),
                          QStringLiteral("no tlsrpt"), QStringLiteral("tlsrpt error the check was cancelled")}));
    QTest::qWait(2300);
    QCOMPARE(results.size(), 1);
}

void TestDomainPolicyCheck::cancelDuringHttps()
{
    int connections = 0;
    auto counter = connect(&m_stalled, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = m_stalled.nextPendingConnection()) {
            socket->setParent(&m_stalled);
            ++connections;
        }
    });
    DomainPolicyCheck check(options());
    QList<std::pair<MtaStsResult, TlsRptResult>> results;
    connect(&check, &DomainPolicyCheck::finished, this,
            [&](const MtaStsResult &sts, const TlsRptResult &rpt) { results.append({sts, rpt}); });
    check.start(QStringLiteral("stalled.test"), {QStringLiteral("mx.stalled.test")});
    QTRY_COMPARE_WITH_TIMEOUT(connections, 1, 5000);
    check.cancel();
    QCOMPARE(results.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 1000);
    QCOMPARE(describe(results.first().first, results.first().second),
             (QStringList{QStringLiteral("record v=STSv1; id=1"), QStringLiteral("id 1"),
                          QStringLiteral("url https://mta-sts.stalled.test:8443/.well-known/mta-sts.txt"),
                          QStringLiteral("policy error the check was cancelled"), QStringLiteral("no tlsrpt")}));
    QTest::qWait(300);
    QCOMPARE(results.size(), 1);
    disconnect(counter);
}

DNSTEST_MAIN(TestDomainPolicyCheck, TrapAddress)
#include "tst_domainpolicycheck.moc"
