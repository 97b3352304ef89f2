#include <csignal>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "tests/app/commandtestutil.h"

// `mailtls probe` as a user meets it: the real binary against SMTP servers
// written here, on loopback addresses of their own, IP literals only (no
// name is resolved).
namespace {

// A mail server without STARTTLS: greets, answers EHLO with three lines and
// QUIT with 221; or, when `greets` is false, accepts and says nothing.
class PlainSmtpServer final : public QObject
{
public:
    explicit PlainSmtpServer(bool greets)
        : m_greets(greets)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                ++connections;
                if (m_greets)
                    socket->write("220 plain.example.test ESMTP test\r\n");
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
            }
        });
    }

    bool listen(const QString &address) { return m_server.listen(QHostAddress(address), 0); }
    quint16 port() const { return m_server.serverPort(); }

    int connections = 0;
    QStringList commands;

private:
    void answer(QTcpSocket *socket)
    {
        while (socket->canReadLine()) {
            const QString line = QString::fromLatin1(socket->readLine()).trimmed();
            commands.append(line);
            const QString verb = line.section(QLatin1Char(' '), 0, 0).toUpper();
            if (verb == QLatin1String("EHLO")) {
                socket->write("250-plain.example.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            } else if (verb == QLatin1String("QUIT")) {
                socket->write("221 2.0.0 Bye\r\n");
                socket->disconnectFromHost();
            } else {
                socket->write("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    }

    QTcpServer m_server;
    bool m_greets;
};

using commandtest::Run;

// Runs `mailtls probe ARGS` while this process's event loop serves the test
// servers.
Run probe(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(commandtest::environment());
    QSignalSpy done(&p, &QProcess::finished);
    p.start(QStringLiteral(MAILTLS_BINARY), QStringList{QStringLiteral("probe")} + args);
    if (!p.waitForStarted())
        qFatal("mailtls did not start");
    if (!done.wait(60000))
        qFatal("mailtls probe did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString endpoint(const PlainSmtpServer &server, const char *address)
{
    return QStringLiteral("%1:%2").arg(QLatin1String(address)).arg(server.port());
}

const QStringList noDns{QStringLiteral("--dns-server"), QStringLiteral("127.0.0.1")};

} // namespace

class TestProbeCommand final : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void plaintextServerJson();
    void plaintextServerText();
    void verboseSaysTheSteps();
    void refusedConnection();
    void interruptPrintsWhatWasFound();
};

void TestProbeCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");

    const auto args = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *item : items)
            out.append(QString::fromUtf8(item));
        return out;
    };
    QTest::newRow("no target") << args({}) << "mailtls: probe needs at least one domain or HOST[:PORT] (see mailtls "
                                              "probe --help)\n";
    QTest::newRow("bad target") << args({"example.test", "a..b"})
                                << "mailtls: \"a..b\" is not a domain name: it has an empty label (two dots in a "
                                   "row, or a dot at the start)\n";
    QTest::newRow("URL") << args({"http://x"})
                         << "mailtls: \"http://x\" is a URL or a path, not a mail domain: name a domain "
                            "(example.org) or a host[:port]\n";
    QTest::newRow("target port 0") << args({"192.0.2.1:0"})
                                   << "mailtls: \"192.0.2.1:0\": the port \"0\" is not a number from 1 to 65535\n";
    QTest::newRow("--port 0") << args({"--port", "0", "example.test"})
                              << "mailtls: --port: \"0\" is not a port number from 1 to 65535\n";
    QTest::newRow("--port 70000") << args({"--port", "70000", "example.test"})
                                  << "mailtls: --port: \"70000\" is not a port number from 1 to 65535\n";
    QTest::newRow("--concurrency 0") << args({"--concurrency", "0", "example.test"})
                                     << "mailtls: --concurrency: \"0\" is not a number from 1 to 64\n";
    QTest::newRow("--timeout word") << args({"--timeout", "soon", "example.test"})
                                    << "mailtls: --timeout: \"soon\" is not a number of seconds from 0.1 to 600\n";
    QTest::newRow("--timeout 0") << args({"--timeout", "0", "example.test"})
                                 << "mailtls: --timeout: \"0\" is not a number of seconds from 0.1 to 600\n";
    QTest::newRow("--dns-server name") << args({"--dns-server", "ns.example.test", "example.test"})
                                       << "mailtls: --dns-server: \"ns.example.test\" is not an IP address (give "
                                          "IP or IP:53)\n";
    const QString port53 = QStringLiteral(
        "mailtls: --dns-server: only port 53 can be used (Qt's DNS look-up has no port setting); give the server "
        "an address of its own on port 53, such as 127.0.0.53\n");
    QTest::newRow("--dns-server port 5353") << args({"--dns-server", "127.0.0.1:5353", "example.test"}) << port53;
    QTest::newRow("--dns-server IPv6 port 5353") << args({"--dns-server", "[::1]:5353", "example.test"}) << port53;
    QTest::newRow("--dns-server bad port")
        << args({"--dns-server", "127.0.0.1:x", "example.test"})
        << "mailtls: --dns-server: \"127.0.0.1:x\" is not an IP address (give IP or IP:53)\n";
    QTest::newRow("--dns-server port 53") << args({"--dns-server", "[::1]:53", "a..b"})
                                          << "mailtls: \"a..b\" is not a domain name: it has an empty label (two "
                                             "dots in a row, or a dot at the start)\n";
    QTest::newRow("--ca-file missing") << args({"--ca-file", "/nonexistent/ca.pem", "example.test"})
                                       << "mailtls: --ca-file: there is no file /nonexistent/ca.pem\n";
    QTest::newRow("--ca-file not PEM") << args({"--ca-file", MAILTLS_BINARY, "example.test"})
                                       << QStringLiteral("mailtls: --ca-file: %1 holds no PEM certificate\n")
                                              .arg(QStringLiteral(MAILTLS_BINARY));
    QTest::newRow("unknown option") << args({"--fast", "example.test"}) << "mailtls: Unknown option 'fast'.\n";
}

void TestProbeCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);

    const Run r = probe(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, error);
    QCOMPARE(r.out, QString());
}

void TestProbeCommand::plaintextServerJson()
{
    PlainSmtpServer server(true);
    QVERIFY(server.listen(QStringLiteral("127.0.6.1")));
    const Run r = probe(QStringList{endpoint(server, "127.0.6.1"), QStringLiteral("--json"),
                                    QStringLiteral("--timeout"), QStringLiteral("5")}
                        + noDns);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QString());

    QJsonParseError parseError;
    const QJsonObject document = QJsonDocument::fromJson(r.out.toUtf8(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray reports = document.value(QLatin1String("reports")).toArray();
    QCOMPARE(reports.size(), 1);
    const QJsonObject report = reports.at(0).toObject();
    QCOMPARE(report.value(QLatin1String("verdict")).toString(), QStringLiteral("no-tls"));
    QCOMPARE(report.value(QLatin1String("target")).toObject(),
             (QJsonObject{{QStringLiteral("kind"), QStringLiteral("host")},
                          {QStringLiteral("name"), QStringLiteral("127.0.6.1")},
                          {QStringLiteral("port"), int(server.port())}}));
    QCOMPARE(report.value(QLatin1String("sessionsUsed")).toInt(), 1);
    const QJsonArray findings = report.value(QLatin1String("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject finding = findings.at(0).toObject();
    QCOMPARE(finding.value(QLatin1String("code")).toString(), QStringLiteral("no-starttls"));
    QCOMPARE(finding.value(QLatin1String("severity")).toString(), QStringLiteral("high"));
    QCOMPARE(finding.value(QLatin1String("address")).toString(), QStringLiteral("127.0.6.1"));
    QCOMPARE(finding.value(QLatin1String("evidence")).toString(),
             QStringLiteral("250-plain.example.test\n250-PIPELINING\n250 8BITMIME"));
    QVERIFY(finding.value(QLatin1String("advice")).toString().startsWith(
        QStringLiteral("Your server does not offer STARTTLS: mail to you travels in plaintext")));
    const QJsonArray sessions
        = report.value(QLatin1String("addresses")).toArray().at(0).toObject().value(QLatin1String("sessions")).toArray();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.at(0).toObject().value(QLatin1String("banner")).toArray(),
             QJsonArray{QStringLiteral("plain.example.test ESMTP test")});

    // One polite session: EHLO, then QUIT.
    QCOMPARE(server.connections, 1);
    QCOMPARE(server.commands, (QStringList{QStringLiteral("EHLO mailtls.invalid"), QStringLiteral("QUIT")}));
}

void TestProbeCommand::plaintextServerText()
{
    PlainSmtpServer server(true);
    QVERIFY(server.listen(QStringLiteral("127.0.6.2")));
    const QString target = endpoint(server, "127.0.6.2");
    const Run r = probe(QStringList{target, QStringLiteral("--timeout"), QStringLiteral("5")} + noDns);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QString());
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), target + QStringLiteral(": no TLS"));
    QVERIFY2(lines.contains(QStringLiteral("      STARTTLS: not offered")), qPrintable(r.out));
    QVERIFY2(lines.contains(QStringLiteral(
                 "    [HIGH] 127.0.6.2: STARTTLS is not offered: mail to this server travels in plaintext")),
             qPrintable(r.out));
    QVERIFY2(lines.contains(QStringLiteral("      evidence: 250-plain.example.test")), qPrintable(r.out));
}

void TestProbeCommand::verboseSaysTheSteps()
{
    PlainSmtpServer first(true);
    PlainSmtpServer second(true);
    QVERIFY(first.listen(QStringLiteral("127.0.6.3")));
    QVERIFY(second.listen(QStringLiteral("127.0.6.4")));
    const Run r = probe(QStringList{endpoint(first, "127.0.6.3"), endpoint(second, "127.0.6.4"),
                                    QStringLiteral("--verbose"), QStringLiteral("--timeout"), QStringLiteral("5")}
                        + noDns);
    QCOMPARE(r.exitCode, 1);
    // Every step of both probes, each line naming its target.
    const QStringList steps = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(steps.size() >= 4, qPrintable(r.err));
    int firstSteps = 0;
    int secondSteps = 0;
    for (const QString &step : steps) {
        if (step.startsWith(QLatin1String("127.0.6.3: ")))
            ++firstSteps;
        else if (step.startsWith(QLatin1String("127.0.6.4: ")))
            ++secondSteps;
        else
            QFAIL(qPrintable(step));
    }
    QVERIFY(firstSteps >= 2);
    QVERIFY(secondSteps >= 2);
    // The reports come in the order the targets were given.
    const qsizetype firstReport = r.out.indexOf(endpoint(first, "127.0.6.3") + QStringLiteral(": no TLS\n"));
    const qsizetype secondReport = r.out.indexOf(endpoint(second, "127.0.6.4") + QStringLiteral(": no TLS\n"));
    QCOMPARE(firstReport, 0);
    QVERIFY(secondReport > firstReport);
}

void TestProbeCommand::refusedConnection()
{
    // A port that was free a moment ago: nothing listens there.
    quint16 port = 0;
    {
        QTcpServer probeFor;
        QVERIFY(probeFor.listen(QHostAddress(QStringLiteral("127.0.6.5")), 0));
        port = probeFor.serverPort();
    }
    const Run r = probe(QStringList{QStringLiteral("127.0.6.5:%1").arg(port), QStringLiteral("--json")} + noDns);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject report
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("reports")).toArray().at(0).toObject();
    QCOMPARE(report.value(QLatin1String("verdict")).toString(), QStringLiteral("unreachable"));
    const QJsonObject finding = report.value(QLatin1String("findings")).toArray().at(0).toObject();
    QCOMPARE(finding.value(QLatin1String("code")).toString(), QStringLiteral("unreachable"));
    QCOMPARE(finding.value(QLatin1String("severity")).toString(), QStringLiteral("low"));
}

void TestProbeCommand::interruptPrintsWhatWasFound()
{
    // A server that accepts and never greets: the probe would wait 60 s.
    PlainSmtpServer silent(false);
    QVERIFY(silent.listen(QStringLiteral("127.0.6.6")));
    QProcess p;
    p.setProcessEnvironment(commandtest::environment());
    QSignalSpy done(&p, &QProcess::finished);
    p.start(QStringLiteral(MAILTLS_BINARY),
            QStringList{QStringLiteral("probe"), endpoint(silent, "127.0.6.6"), QStringLiteral("--timeout"),
                        QStringLiteral("60")}
                + noDns);
    QVERIFY(p.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(silent.connections, 1, 20000);
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(done.wait(20000));
    QVERIFY2(clock.elapsed() < 10000, "the probe did not stop at once");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(err, QStringLiteral("mailtls: cancelling the probes…\n"));
    QVERIFY2(out.startsWith(endpoint(silent, "127.0.6.6") + QStringLiteral(": unreachable\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("(cancelled)")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[INFO] Probe cancelled: the results are incomplete")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestProbeCommand)
#include "tst_probecommand.moc"
