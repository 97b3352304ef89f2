#include <QtTest>

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include "models/probe/httpsget.h"
#include "tests/models/policytestpki.h"

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::HttpsResponse::Failure)

namespace {

const QHostAddress ServerAddress(QStringLiteral("127.0.3.85"));
const QString PolicyHost = QStringLiteral("mta-sts.example.test");
const QString PolicyPath = QStringLiteral("/.well-known/mta-sts.txt");

// A TLS server on loopback that reads one request and answers it with the
// bytes a test gives, then closes (or keeps quiet, for the timeout).
class CannedHttpsServer : public QObject
{
public:
    CannedHttpsServer(const QSslCertificate &certificate, const QSslKey &key)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(config);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QIODevice::readyRead, this, [this, socket] { onRequest(socket); });
                onRequest(socket);
            }
        });
    }

    bool listen() { return m_server.listen(ServerAddress, 0); }
    quint16 port() const { return m_server.serverPort(); }

    QByteArray response;
    bool answer = true;
    QByteArray request;

private:
    void onRequest(QTcpSocket *socket)
    {
        if (request.endsWith("\r\n\r\n"))
            return;
        request += socket->readAll();
        if (!request.endsWith("\r\n\r\n") || !answer)
            return;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
};

} // namespace

class TestHttpsGet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void responses_data();
    void responses();
    void sendsOneRequest();
    void certificateForAnotherName();
    void certificateFromAnUnknownCa();
    void notTls();
    void connectionRefused();
    void finishedOnceAndNeverInsideStart();
    void abortSendsNothing();

private:
    HttpsGet::Request request(quint16 port) const;
    HttpsResponse run(const HttpsGet::Request &request);
    QString where(quint16 port) const;

    QTemporaryDir m_dir;
    std::unique_ptr<PolicyTestPki> m_pki;
};

void TestHttpsGet::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    if (!PolicyTestPki::available())
        QSKIP("needs the openssl command");
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<PolicyTestPki>(m_dir.path());
    QString error;
    QVERIFY2(m_pki->makeCa(&error), qPrintable(error));
    QVERIFY2(m_pki->makeServer(QStringLiteral("policy"), {PolicyHost}, &error), qPrintable(error));
    QVERIFY2(m_pki->makeServer(QStringLiteral("other"), {QStringLiteral("other.example.test")}, &error),
             qPrintable(error));
}

HttpsGet::Request TestHttpsGet::request(quint16 port) const
{
    HttpsGet::Request request;
    request.address = ServerAddress;
    request.port = port;
    request.hostName = PolicyHost;
    request.path = PolicyPath;
    request.extraCaCertificates = {m_pki->caCertificate()};
    request.connectTimeoutMs = 5000;
    request.timeoutMs = 5000;
    return request;
}

HttpsResponse TestHttpsGet::run(const HttpsGet::Request &request)
{
    HttpsGet get;
    HttpsResponse response;
    int count = 0;
    connect(&get, &HttpsGet::finished, this, [&](const HttpsResponse &r) {
        response = r;
        ++count;
    });
    get.start(request);
    if (!QTest::qWaitFor([&] { return count > 0; }, request.timeoutMs + 5000))
        qWarning("HttpsGet did not finish");
    return response;
}

QString TestHttpsGet::where(quint16 port) const
{
    return QStringLiteral("mta-sts.example.test (127.0.3.85 port %1)").arg(port);
}

void TestHttpsGet::responses_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<HttpsResponse::Failure>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("statusLine");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QByteArray>("body");
    // "%W" stands for the server's name, address and port.
    QTest::addColumn<QString>("error");

    using F = HttpsResponse::Failure;
    const QString ok11 = QStringLiteral("HTTP/1.1 200 OK");
    const QString plain = QStringLiteral("text/plain");

    QTest::newRow("Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world")
        << true << 5000 << F::None << 200 << ok11 << plain << QString() << QByteArray("hello world") << QString();
    QTest::newRow("Content-Length shorter than what is sent")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello world") << true << 5000 << F::None << 200
        << ok11 << QString() << QString() << QByteArray("hello") << QString();
    QTest::newRow("chunked")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                      "\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
        << true << 5000 << F::None << 200 << ok11 << QStringLiteral("text/plain; charset=utf-8") << QString()
        << QByteArray("hello world") << QString();
    QTest::newRow("read to the close, as openssl s_server -WWW answers")
        << QByteArray("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\nversion: STSv1\r\nmode: none\r\n") << true
        << 5000 << F::None << 200 << QStringLiteral("HTTP/1.0 200 ok") << plain << QString()
        << QByteArray("version: STSv1\r\nmode: none\r\n") << QString();
    QTest::newRow("LF-only headers")
        << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << true << 5000 << F::None << 200 << ok11
        << QString() << QString() << QByteArray("ok") << QString();
    QTest::newRow("exactly 64 KiB")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n") + QByteArray(65536, 'a') << true << 5000
        << F::None << 200 << ok11 << QString() << QString() << QByteArray(65536, 'a') << QString();
    QTest::newRow("404")
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found")
        << true << 5000 << F::None << 404 << QStringLiteral("HTTP/1.1 404 Not Found") << QStringLiteral("text/html")
        << QString() << QByteArray() << QString();
    QTest::newRow("redirect")
        << QByteArray("HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere.example.test/policy\r\n"
                      "Content-Length: 0\r\n\r\n")
        << true << 5000 << F::None << 301 << QStringLiteral("HTTP/1.1 301 Moved Permanently") << QString()
        << QStringLiteral("https://elsewhere.example.test/policy") << QByteArray() << QString();
    QTest::newRow("Content-Length over the bound")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 65537\r\n\r\n") << true << 5000 << F::TooLarge << 200 << ok11
        << QString() << QString() << QByteArray()
        << QStringLiteral("the response from %W is 65537 bytes, more than 64 KiB");
    QTest::newRow("read to the close, over the bound")
        << QByteArray("HTTP/1.0 200 ok\r\n\r\n") + QByteArray(70000, 'a') << true << 5000 << F::TooLarge << 200
        << QStringLiteral("HTTP/1.0 200 ok") << QString() << QString() << QByteArray()
        << QStringLiteral("the response from %W is larger than 64 KiB");
    QTest::newRow("chunks over the bound")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8000\r\n") + QByteArray(0x8000, 'a')
               + "\r\n8001\r\n" + QByteArray(0x8001, 'b') + "\r\n0\r\n\r\n"
        << true << 5000 << F::TooLarge << 200 << ok11 << QString() << QString() << QByteArray()
        << QStringLiteral("the response from %W is larger than 64 KiB");
    QTest::newRow("headers over the bound")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Junk: ") + QByteArray(20000, 'j') + "\r\nContent-Length: 2\r\n\r\nok"
        << true << 5000 << F::TooLarge << 0 << QString() << QString() << QString() << QByteArray()
        << QStringLiteral("the response headers from %W are larger than 16 KiB");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << true << 5000 << F::Protocol << 0
                              << QString() << QString() << QString() << QByteArray()
                              << QStringLiteral("%W did not answer with HTTP: \"SSH-2.0-OpenSSH_9.2\"");
    QTest::newRow("a status that is no number")
        << QByteArray("HTTP/1.1 2xx OK\r\n\r\n") << true << 5000 << F::Protocol << 0
        << QStringLiteral("HTTP/1.1 2xx OK") << QString() << QString() << QByteArray()
        << QStringLiteral("%W did not answer with HTTP: \"HTTP/1.1 2xx OK\"");
    QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort") << true << 5000
                               << F::Protocol << 200 << ok11 << QString() << QString() << QByteArray()
                               << QStringLiteral("%W closed the connection after 5 of 100 bytes");
    QTest::newRow("cut short in the chunks")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel") << true << 5000
        << F::Protocol << 200 << ok11 << QString() << QString() << QByteArray()
        << QStringLiteral("%W closed the connection in the middle of a chunked response");
    QTest::newRow("cut short in the headers")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-") << true << 5000 << F::Protocol << 0 << QString() << QString()
        << QString() << QByteArray()
        << QStringLiteral("%W closed the connection in the middle of the response headers");
    QTest::newRow("closed without a response")
        << QByteArray() << true << 5000 << F::Protocol << 0 << QString() << QString() << QString() << QByteArray()
        << QStringLiteral("%W closed the connection without a response");
    QTest::newRow("a malformed chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << true << 5000 << F::Protocol
        << 200 << ok11 << QString() << QString() << QByteArray()
        << QStringLiteral("%W sent a malformed chunked body");
    QTest::newRow("a malformed Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << true << 5000 << F::Protocol << 200 << ok11
        << QString() << QString() << QByteArray() << QStringLiteral("%W sent a malformed Content-Length: \"-1\"");
    QTest::newRow("no answer") << QByteArray() << false << 500 << F::Timeout << 0 << QString() << QString()
                               << QString() << QByteArray()
                               << QStringLiteral("no complete response from %W within 0.5 s");
}

void TestHttpsGet::responses()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, answer);
    QFETCH(int, timeoutMs);
    QFETCH(HttpsResponse::Failure, failure);
    QFETCH(int, status);
    QFETCH(QString, statusLine);
    QFETCH(QString, contentType);
    QFETCH(QString, location);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    CannedHttpsServer server(m_pki->certificate(QStringLiteral("policy")), m_pki->key(QStringLiteral("policy")));
    QVERIFY(server.listen());
    server.response = response;
    server.answer = answer;

    HttpsGet::Request get = request(server.port());
    get.timeoutMs = timeoutMs;
    QElapsedTimer clock;
    clock.start();
    const HttpsResponse result = run(get);
    QCOMPARE(result.error, QString(error).replace(QStringLiteral("%W"), where(server.port())));
    QCOMPARE(result.failure, failure);
    QCOMPARE(result.status, status);
    QCOMPARE(result.statusLine, statusLine);
    QCOMPARE(result.contentType, contentType);
    QCOMPARE(result.location, location);
    QCOMPARE(result.body, body);
    if (failure == HttpsResponse::Failure::Timeout)
        QVERIFY2(clock.elapsed() >= timeoutMs - 50 && clock.elapsed() < timeoutMs + 2000,
                 qPrintable(QString::number(clock.elapsed())));
}

void TestHttpsGet::sendsOneRequest()
{
    CannedHttpsServer server(m_pki->certificate(QStringLiteral("policy")), m_pki->key(QStringLiteral("policy")));
    QVERIFY(server.listen());
    server.response = "HTTP/1.1 204 No Content\r\n\r\n";
    const HttpsResponse result = run(request(server.port()));
    QCOMPARE(result.failure, HttpsResponse::Failure::None);
    QCOMPARE(result.status, 204);
    QCOMPARE(server.request, QByteArray("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: mta-sts.example.test:")
                                 + QByteArray::number(server.port())
                                 + "\r\nUser-Agent: MailTLS\r\nAccept: text/plain\r\nConnection: close\r\n\r\n");
}

void TestHttpsGet::certificateForAnotherName()
{
    CannedHttpsServer server(m_pki->certificate(QStringLiteral("other")), m_pki->key(QStringLiteral("other")));
    QVERIFY(server.listen());
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    const HttpsResponse result = run(request(server.port()));
    QCOMPARE(result.failure, HttpsResponse::Failure::Certificate);
    QCOMPARE(result.error, QStringLiteral("the certificate of %1 was not accepted: The host name did not match any "
                                          "of the valid hosts for this certificate")
                               .arg(where(server.port())));
    QCOMPARE(result.status, 0);
    QVERIFY(server.request.isEmpty());
}

void TestHttpsGet::certificateFromAnUnknownCa()
{
    CannedHttpsServer server(m_pki->certificate(QStringLiteral("policy")), m_pki->key(QStringLiteral("policy")));
    QVERIFY(server.listen());
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    HttpsGet::Request get = request(server.port());
    get.extraCaCertificates.clear();
    const HttpsResponse result = run(get);
    QCOMPARE(result.failure, HttpsResponse::Failure::Certificate);
    QCOMPARE(result.error, QStringLiteral("the certificate of %1 was not accepted: The issuer certificate of a "
                                          "locally looked up certificate could not be found; No certificates could be verified")
                               .arg(where(server.port())));
    QVERIFY(server.request.isEmpty());
}

void TestHttpsGet::notTls()
{
    QTcpServer plain;
    QVERIFY(plain.listen(ServerAddress, 0));
    connect(&plain, &QTcpServer::newConnection, this, [&plain] {
        QTcpSocket *socket = plain.nextPendingConnection();
        socket->write("220 mail.example.test ESMTP\r\n");
    });
    const HttpsResponse result = run(request(plain.serverPort()));
    QCOMPARE(result.failure, HttpsResponse::Failure::Tls);
    const QString prefix = QStringLiteral("the TLS handshake with %1 failed: ").arg(where(plain.serverPort()));
    QVERIFY2(result.error.startsWith(prefix) && result.error.size() > prefix.size(), qPrintable(result.error));
}

void TestHttpsGet::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(ServerAddress, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const HttpsResponse result = run(request(port));
    QCOMPARE(result.failure, HttpsResponse::Failure::Connect);
    QCOMPARE(result.error, QStringLiteral("could not connect to %1: Connection refused").arg(where(port)));
}

void TestHttpsGet::finishedOnceAndNeverInsideStart()
{
    CannedHttpsServer server(m_pki->certificate(QStringLiteral("policy")), m_pki->key(QStringLiteral("policy")));
    QVERIFY(server.listen());
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    HttpsGet get;
    QSignalSpy spy(&get, &HttpsGet::finished);
    get.start(request(server.port()));
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QTest::qWait(200);
    QCOMPARE(spy.count(), 1);

    // A request that cannot even start still finishes later, not inside start().
    HttpsGet::Request nowhere = request(server.port());
    nowhere.address = QHostAddress();
    get.start(nowhere);
    QCOMPARE(spy.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
    const HttpsResponse result = spy.at(1).at(0).value<HttpsResponse>();
    QCOMPARE(result.failure, HttpsResponse::Failure::Connect);
    QCOMPARE(result.error, QStringLiteral("no address or host name to connect to"));
}

void TestHttpsGet::abortSendsNothing()
{
    CannedHttpsServer server(m_pki->certificate(QStringLiteral("policy")), m_pki->key(QStringLiteral("policy")));
    QVERIFY(server.listen());
    server.answer = false;

    HttpsGet get;
    QSignalSpy spy(&get, &HttpsGet::finished);
    HttpsGet::Request slow = request(server.port());
    slow.timeoutMs = 300;
    get.start(slow);
    QTest::qWait(100);
    get.abort();
    QTest::qWait(500);
    QCOMPARE(spy.count(), 0);
}

QTEST_GUILESS_MAIN(TestHttpsGet)
#include "tst_httpsget.moc"
