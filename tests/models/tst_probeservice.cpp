#include "models/probe/probeservice.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/trafficstore.h"

using namespace mailtls;

namespace {

// A loopback SMTP server without STARTTLS (or, silent, without a greeting).
class PlainServer final : public QTcpServer
{
public:
    explicit PlainServer(bool silent = false)
        : m_silent(silent)
    {
        connect(this, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++m_connections;
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                if (m_silent)
                    continue;
                socket->write("220 plain.test ESMTP\r\n");
                connect(socket, &QTcpSocket::readyRead, socket, [socket]() {
                    while (socket->canReadLine()) {
                        const QByteArray line = socket->readLine().trimmed().toUpper();
                        if (line.startsWith("EHLO"))
                            socket->write("250-plain.test\r\n250 8BITMIME\r\n");
                        else if (line == "QUIT") {
                            socket->write("221 2.0.0 Bye\r\n");
                            socket->disconnectFromHost();
                        } else
                            socket->write("502 5.5.2 Error\r\n");
                    }
                });
            }
        });
    }
    int connections() const { return m_connections; }

private:
    bool m_silent;
    int m_connections = 0;
};

ProbeOptions testOptions()
{
    ProbeOptions options;
    // Never the system resolver; the targets are literals anyway.
    options.dnsServer = QHostAddress(QStringLiteral("127.0.6.53"));
    options.connectTimeoutMs = 2000;
    options.readTimeoutMs = 2000;
    options.hostSpacingMs = 0;
    return options;
}

ProbeTarget hostTarget(const QTcpServer &server)
{
    return {ProbeTarget::Kind::Host, server.serverAddress().toString(), server.serverPort()};
}

} // namespace

class TestProbeService final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void judgesAndKeeps();
    void batch();
    void cancelled();
    void optionsChangeMidProbe();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

void TestProbeService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
}

void TestProbeService::judgesAndKeeps()
{
    PlainServer server;
    QVERIFY(server.listen(QHostAddress(QStringLiteral("127.0.6.1")), 0));
    ProbeService service(testOptions());
    service.setStorePath(m_store);
    QSignalSpy finished(&service, &ProbeService::finished);
    QSignalSpy stored(&service, &ProbeService::stored);
    QSignalSpy busy(&service, &ProbeService::busyChanged);
    QSignalSpy events(&service, &ProbeService::event);

    const int id = service.probe(hostTarget(server));
    QVERIFY(id > 0);
    QVERIFY(service.isBusy());
    QCOMPARE(finished.count(), 0);
    QVERIFY(stored.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), id);
    const auto report = finished.at(0).at(1).value<ProbeReport>();
    // Judged: no STARTTLS, one session.
    QCOMPARE(report.verdict, Verdict::NoTls);
    QCOMPARE(report.sessionsUsed, 1);
    QStringList codes;
    for (const Finding &finding : report.findings)
        codes << finding.code;
    QVERIFY2(codes.contains(QStringLiteral("no-starttls")), qPrintable(codes.join(QLatin1Char(' '))));
    QCOMPARE(stored.at(0).at(0).toInt(), id);
    QCOMPARE(stored.at(0).at(1).toBool(), true);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QVERIFY(!service.isBusy());
    QVERIFY(events.count() >= 3);
    for (const QList<QVariant> &e : std::as_const(events))
        QCOMPARE(e.at(0).toInt(), id);

    TrafficStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    const QList<ProbeSummary> recent = store.recentProbes(10, &error);
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.at(0).target, hostTarget(server));
    QCOMPARE(recent.at(0).verdict, Verdict::NoTls);
    QCOMPARE(recent.at(0).finished, report.finished.toSecsSinceEpoch());
    QCOMPARE(store.probeHistory(QStringLiteral("127.0.6.1"), false, 10, &error).size(), 1);
}

void TestProbeService::batch()
{
    PlainServer first;
    PlainServer second;
    QVERIFY(first.listen(QHostAddress(QStringLiteral("127.0.6.2")), 0));
    QVERIFY(second.listen(QHostAddress(QStringLiteral("127.0.6.3")), 0));
    ProbeService service(testOptions());
    service.setStorePath(m_store);
    QSignalSpy progress(&service, &ProbeService::batchProgress);
    QSignalSpy done(&service, &ProbeService::batchFinished);
    QSignalSpy stored(&service, &ProbeService::stored);
    const QList<int> ids = service.probeBatch({hostTarget(first), hostTarget(second)});
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.at(0) != ids.at(1));
    QVERIFY(done.wait(10000));
    QCOMPARE(done.count(), 1);
    QCOMPARE(progress.count(), 3);
    QCOMPARE(progress.at(0), (QList<QVariant>{0, 2}));
    QCOMPARE(progress.at(1), (QList<QVariant>{1, 2}));
    QCOMPARE(progress.at(2), (QList<QVariant>{2, 2}));
    QTRY_COMPARE(stored.count(), 2);
    QCOMPARE(first.connections(), 1);
    QCOMPARE(second.connections(), 1);
}

void TestProbeService::cancelled()
{
    PlainServer silent(true);
    QVERIFY(silent.listen(QHostAddress(QStringLiteral("127.0.6.4")), 0));
    ProbeService service(testOptions());
    service.setStorePath(m_store);
    QSignalSpy finished(&service, &ProbeService::finished);
    QSignalSpy stored(&service, &ProbeService::stored);
    const int id = service.probe(hostTarget(silent));
    QTRY_COMPARE(silent.connections(), 1);
    service.cancel(id);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.at(0).at(1).value<ProbeReport>().cancelled);
    QVERIFY(!service.isBusy());
    // A cancelled probe says nothing about the peer: it is not kept.
    QTest::qWait(200);
    QCOMPARE(stored.count(), 0);
    TrafficStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    QCOMPARE(store.recentProbes(10, &error).size(), 0);
}

void TestProbeService::optionsChangeMidProbe()
{
    PlainServer slow(true);
    QVERIFY(slow.listen(QHostAddress(QStringLiteral("127.0.6.5")), 0));
    ProbeOptions options = testOptions();
    options.readTimeoutMs = 500;
    ProbeService service(options);
    QSignalSpy finished(&service, &ProbeService::finished);
    const int id = service.probe(hostTarget(slow));
    QTRY_COMPARE(slow.connections(), 1);
    ProbeOptions changed = options;
    changed.readTimeoutMs = 700;
    service.setOptions(changed);
    QCOMPARE(service.options().readTimeoutMs, 700);
    // The probe ends on the scheduler it started on, under its own id.
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toInt(), id);
    QCOMPARE(finished.at(0).at(1).value<ProbeReport>().verdict, Verdict::Unreachable);
    QVERIFY(!service.isBusy());
}

QTEST_GUILESS_MAIN(TestProbeService)
#include "tst_probeservice.moc"
