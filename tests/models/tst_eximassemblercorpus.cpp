#include <QDir>
#include <QTest>

#include "models/logs/eximassembler.h"
#include "tests/models/tst_eximassemblerharness.h"

// EximAssembler on whole logs: the fixtures under tests/data/exim/logs
// (written from Exim's documented formats: a Debian Exim 4.96 with GnuTLS and
// the default log_selector, an Exim 4.97 with OpenSSL and most selectors on,
// Exim through syslog) with exact per-peer figures, and every log of the
// shared corpus read without a crash and with the state saved and restored
// anywhere.

using namespace mailtls;
using namespace mailtls::eximtesting;

namespace {

QString fixturePath(const QString &name)
{
    return QStringLiteral(MAILTLS_TEST_DATA_DIR "/exim/logs/") + name;
}

QString corpusPath(const QString &path)
{
    return QStringLiteral(MAILTLS_CORPUS_DIR "/") + path;
}

QStringList L(std::initializer_list<const char *> rows)
{
    QStringList list;
    for (const char *row : rows)
        list << QString::fromUtf8(row);
    return list;
}

// The Exim test suite's logs put the client's and the server's lines in one
// file, below "******** SERVER ********" and the like: each part is a log of
// its own (they reuse message ids).
QList<QByteArray> logParts(const QByteArray &text)
{
    QList<QByteArray> parts{QByteArray()};
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("****")) {
            parts << QByteArray();
            continue;
        }
        parts.back() += line + '\n';
    }
    return parts;
}

qint64 utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t.toSecsSinceEpoch();
}

} // namespace

class TestEximAssemblerCorpus final : public QObject
{
    Q_OBJECT

private slots:
    void fixtureFigures_data();
    void fixtureFigures();
    void fixtureDetails();
    void fixtureSnapshots_data();
    void fixtureSnapshots();
    void corpusPartRecords_data();
    void corpusPartRecords();
    void corpusFigures_data();
    void corpusFigures();
    void corpusLogs_data();
    void corpusLogs();
};

void TestEximAssemblerCorpus::fixtureFigures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("figures");
    QTest::addColumn<int>("records");   // transfers + connections + failures, local hops included

    QTest::newRow("Debian Exim 4.96, GnuTLS, default log_selector") << QStringLiteral("mainlog")
        << L({"inbound 203.0.113.20 msg=1/0 conn=1/0 fail=0",
              "inbound mail.example.net msg=1/1 conn=1/1 fail=0",
              "inbound scan.example.net msg=0/0 conn=1/0 fail=1",
              "outbound mx.example.net msg=1/0 conn=2/0 fail=0",
              "outbound mx.example.org msg=3/3 conn=2/2 fail=0",
              "outbound mx.strict.example msg=0/0 conn=2/0 fail=2",
              "outbound mx.weak.example msg=1/0 conn=1/0 fail=1",
              "submission 198.51.100.77 msg=3/3 conn=3/3 fail=0"})
        << 33;
    QTest::newRow("Exim 4.97, OpenSSL, +pid +millisec log_timezone +smtp_connection +connection_id")
        << QStringLiteral("mainlog-4.97")
        << L({"inbound 203.0.113.5 msg=0/0 conn=1/0 fail=1",
              "inbound 203.0.113.66 msg=0/0 conn=1/0 fail=0",
              "inbound mail.example.net msg=2/2 conn=1/1 fail=0",
              "inbound probe.example.net msg=0/0 conn=1/1 fail=0",
              "outbound mx.example.org msg=1/1 conn=1/1 fail=0",
              "outbound mx.weak.example msg=1/0 conn=1/0 fail=1",
              "submission 198.51.100.77 msg=1/1 conn=1/1 fail=0"})
        << 16;
    QTest::newRow("Exim through syslog, a line split in two") << QStringLiteral("syslog")
        << L({"inbound 203.0.113.99 msg=0/0 conn=1/0 fail=1",
              "inbound lists.example.org msg=1/1 conn=1/1 fail=0",
              "inbound mail.example.net msg=2/2 conn=1/1 fail=0",
              "outbound mx.example.net msg=1/1 conn=1/1 fail=0",
              "outbound mx.example.org msg=0/0 conn=2/0 fail=2",
              "submission 198.51.100.77 msg=1/0 conn=1/0 fail=0"})
        << 18;
}

void TestEximAssemblerCorpus::fixtureFigures()
{
    QFETCH(QString, file);
    QFETCH(QStringList, figures);
    QFETCH(int, records);
    const EximLog log = parseText(readFile(fixturePath(file)));
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    QVERIFY(!log.lines.empty());
    const Final f = cleanRead(log);
    QCOMPARE(peerCounts(f), figures);
    QCOMPARE(int(f.transfers.size() + f.connections.size() + f.failures.size()), records);
}

void TestEximAssemblerCorpus::fixtureDetails()
{
    // Fields the per-peer figures do not show.
    {
        const EximLog log = parseText(readFile(fixturePath(QStringLiteral("mainlog-4.97"))));
        const Final f = cleanRead(log);
        const TransferRecord &first = f.transfers.at(log.offsets[2]);
        QCOMPARE(first.time, utc("2024-06-10T08:00:01"));   // 10:00:01.530 +0200
        QCOMPARE(first.queueId, QStringLiteral("1sGfRa-00000000Ab1-2Cde"));
        QCOMPARE(first.bytes, std::int64_t(3000));
        QCOMPARE(testing::tlsText(first.tls), QStringLiteral("1/TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0"));
        const ConnectionRecord &in = f.connections.at(log.offsets[1]);
        QCOMPARE(testing::lineList(indexed(log), in.lines), QStringLiteral("[1,2,3,4]"));
        const ConnectionRecord &dane = f.connections.at(log.offsets[15]);
        QCOMPARE(dane.port, 25);
        QCOMPARE(testing::tlsText(dane.tls), QStringLiteral("4/TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0"));
        const TransferRecord &out = f.transfers.at(log.offsets[15]);
        QCOMPARE(out.recipients, QStringLiteral("dave@example.org,erin@example.org"));
        QCOMPARE(out.sender, QStringLiteral("bob@example.com"));
        QCOMPARE(out.bytes, std::int64_t(20480));
        const TlsFailureRecord &weak = f.failures.at(log.offsets[17]);
        QCOMPARE(weak.problem, TlsProblem::DhKeyTooSmall);
        QCOMPARE(weak.reason, QStringLiteral("dh key too small"));
        QCOMPARE(testing::lineList(indexed(log), weak.lines), QStringLiteral("[17]"));
        QCOMPARE(f.failures.at(log.offsets[10]).direction, Direction::Inbound);
        QCOMPARE(f.failures.at(log.offsets[10]).reason, QStringLiteral("unsupported protocol"));
    }
    {
        const EximLog log = parseText(readFile(fixturePath(QStringLiteral("mainlog"))));
        const Final f = cleanRead(log);
        const TlsFailureRecord &weak = f.failures.at(log.offsets[16]);
        QCOMPARE(weak.problem, TlsProblem::DhKeyTooSmall);
        QCOMPARE(weak.reason, QStringLiteral("The Diffie-Hellman prime sent by the server is not acceptable (not long enough)."));
        const TlsFailureRecord &strict = f.failures.at(log.offsets[20]);
        QCOMPARE(strict.problem, TlsProblem::NotOffered);
        QCOMPARE(testing::lineList(indexed(log), strict.lines), QStringLiteral("[20,21]"));
        QCOMPARE(testing::lineList(indexed(log), f.failures.at(log.offsets[23]).lines), QStringLiteral("[23,24]"));
        // The bounce and the local deliveries are local hops.
        QVERIFY(f.transfers.at(log.offsets[36]).local);
        QCOMPARE(f.transfers.at(log.offsets[36]).peer, QStringLiteral("local"));
        QVERIFY(f.transfers.at(log.offsets[39]).local);
        QCOMPARE(f.transfers.at(log.offsets[39]).peer, QStringLiteral("localhost"));
    }
    {
        const EximLog log = parseText(readFile(fixturePath(QStringLiteral("syslog"))));
        const Final f = cleanRead(log);
        // The first part of the split line is read whole; the second is passed over.
        const TransferRecord &list = f.transfers.at(log.offsets[18]);
        QCOMPARE(list.bytes, std::int64_t(88000));
        QCOMPARE(list.sender, QStringLiteral("list-bounces@lists.example.org"));
        QCOMPARE(testing::tlsText(list.tls), QStringLiteral("1/TLSv1.3/ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM/256/X25519/253/0"));
        const TlsFailureRecord &scanner = f.failures.at(log.offsets[6]);
        QCOMPARE(scanner.problem, TlsProblem::Handshake);
        QCOMPARE(scanner.reason, QStringLiteral("An unexpected TLS packet was received."));
        QCOMPARE(testing::lineList(indexed(log), f.connections.at(log.offsets[6]).lines), QStringLiteral("[6,7]"));
        EximAssembler a;
        QVERIFY(!a.feed(log.lines[10], log.offsets[10]));   // cron
        QVERIFY(!a.feed(log.lines[14], log.offsets[14]));   // dovecot
        QVERIFY(a.feed(log.lines[19], log.offsets[19]));    // the second part
    }
}

void TestEximAssemblerCorpus::fixtureSnapshots_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"mainlog", "mainlog-4.97", "syslog"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestEximAssemblerCorpus::fixtureSnapshots()
{
    // Saved and restored after any line, the read gives the records of one clean read.
    QFETCH(QString, file);
    const EximLog log = parseText(readFile(fixturePath(file)));
    const QStringList clean = testing::describeFully(cleanRead(log));
    for (std::size_t split = 0; split <= log.lines.size(); ++split) {
        QString error;
        const Final restored = splitRead(log, split, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(testing::describeFully(restored), clean);
    }
}

void TestEximAssemblerCorpus::corpusPartRecords_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("part");
    QTest::addColumn<QStringList>("expected");

    // 2010: TLS required of two hosts, the first refusing (port 10001), the
    // second (the test suite writes its port as PORT_D) accepting TLS, then not.
    QTest::newRow("2010 client") << QStringLiteral("exim/test/log/2010") << 0
        << L({"msg@3 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) 10HmaX-000000005vi-0000 enc 0 to=userx@test.ex [0,3]",
              "conn@3 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) enc [3]",
              "conn@8 outbound 127.0.0.1(127.0.0.1) plain local [8]",
              "fail@2 outbound 127.0.0.1(127.0.0.1):10001 NotOffered \"a TLS session is required, but the server did not offer TLS support\" local [2]",
              "fail@7 outbound 127.0.0.1(127.0.0.1):10001 NotOffered \"a TLS session is required, but the server did not offer TLS support\" local [7]",
              "fail@8 outbound 127.0.0.1(127.0.0.1) NotOffered \"a TLS session is required, but the server did not offer TLS support\" local [8]"});
    // 2112: verification failures: deferred when TLS is required, plaintext
    // fallback when not; the fallback lines' host is on the delivery after them.
    QTest::newRow("2112 client") << QStringLiteral("exim/test/log/2112") << 0
        << L({"msg@21 outbound 127.0.0.1(127.0.0.1) 10HmaY-000000005vi-0000 enc 0 to=usery@test.ex local [3,21]",
              "msg@25 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) 10HmaZ-000000005vi-0000 enc 0 to=userz@test.ex [5,25]",
              "msg@29 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) 10HmbA-000000005vi-0000 plain 0 to=userq@test.ex [7,29]",
              "msg@33 outbound serverbadname.example.com(ip4.ip4.ip4.ip4) 10HmbB-000000005vi-0000 plain 0 to=userr@test.ex [9,33]",
              "msg@35 outbound server1.example.com(ip4.ip4.ip4.ip4) 10HmbC-000000005vi-0000 enc 0 to=user_s@test.ex [11,35]",
              "msg@39 outbound server1.example.com(ip4.ip4.ip4.ip4) 10HmbD-000000005vi-0000 plain 0 to=usert@test.ex [12,39]",
              "msg@41 outbound server1.example.com(ip4.ip4.ip4.ip4) 10HmbE-000000005vi-0000 enc 0 to=useru@test.ex [13,41]",
              "conn@16 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) plain [16]",
              "conn@21 outbound 127.0.0.1(127.0.0.1) enc local [21]",
              "conn@25 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) enc [25]",
              "conn@29 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) plain [29]",
              "conn@33 outbound serverbadname.example.com(ip4.ip4.ip4.ip4) plain [33]",
              "conn@35 outbound server1.example.com(ip4.ip4.ip4.ip4) enc [35]",
              "conn@39 outbound server1.example.com(ip4.ip4.ip4.ip4) plain [39]",
              "conn@41 outbound server1.example.com(ip4.ip4.ip4.ip4) enc [41]",
              "fail@16 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) Handshake \"error: <<detail omitted>>\" [16]",
              "fail@28 outbound ip4.ip4.ip4.ip4(ip4.ip4.ip4.ip4) Handshake \"error: <<detail omitted>>\" [28,29]",
              "fail@32 outbound serverbadname.example.com(ip4.ip4.ip4.ip4) Handshake \"error: <<detail omitted>>\" [32,33]",
              "fail@38 outbound server1.example.com(ip4.ip4.ip4.ip4) Handshake \"error: <<detail omitted>>\" [38,39]"});
}

void TestEximAssemblerCorpus::corpusPartRecords()
{
    QFETCH(QString, file);
    QFETCH(int, part);
    QFETCH(QStringList, expected);
    const QByteArray text = readFile(corpusPath(file));
    if (text.isEmpty())
        QSKIP("the shared corpus is not there");
    const EximLog log = parseText(logParts(text).at(part), SkipUnparsed);
    QCOMPARE(describe(log, cleanRead(log)), expected);
}

void TestEximAssemblerCorpus::corpusFigures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("figures");
    // Connections fail2ban's samples show: "no MAIL" lines (rejections open none).
    QTest::newRow("fail2ban exim") << QStringLiteral("fail2ban/fail2ban/tests/files/logs/exim")
        << L({"inbound 122.165.71.116 msg=0/0 conn=2/0 fail=0",
              "inbound 192.0.2.29 msg=0/0 conn=1/0 fail=0",
              "inbound host.example.com msg=0/0 conn=2/0 fail=0",
              "inbound www3005.sakura.ne.jp msg=0/0 conn=1/0 fail=0"});
    QTest::newRow("crowdsec exim") << QStringLiteral("crowdsec-hub/.tests/exim-logs/exim-logs.log") << QStringList();
    QTest::newRow("crowdsec exim syslog") << QStringLiteral("crowdsec-hub/.tests/exim-syslog-logs/exim-logs.log") << QStringList();
}

void TestEximAssemblerCorpus::corpusFigures()
{
    QFETCH(QString, file);
    QFETCH(QStringList, figures);
    const QByteArray text = readFile(corpusPath(file));
    if (text.isEmpty())
        QSKIP("the shared corpus is not there");
    const EximLog log = parseText(text, SkipUnparsed);
    QVERIFY(!log.lines.empty());
    QCOMPARE(peerCounts(cleanRead(log)), figures);
}

void TestEximAssemblerCorpus::corpusLogs_data()
{
    QTest::addColumn<QString>("file");
    const QDir logs(corpusPath(QStringLiteral("exim/test/log")));
    for (const QString &name : logs.entryList(QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(QStringLiteral("exim/test/log/") + name)) << logs.filePath(name);
    for (const char *path : {"crowdsec-hub/.tests/exim-logs/exim-logs.log", "crowdsec-hub/.tests/exim-spam/exim-spam.log",
                             "crowdsec-hub/.tests/exim-bf/exim-bf.log", "crowdsec-hub/.tests/exim-syslog-logs/exim-logs.log",
                             "fail2ban/fail2ban/tests/files/logs/exim", "fail2ban/fail2ban/tests/files/logs/exim-spam"})
        QTest::newRow(path) << corpusPath(QString::fromLatin1(path));
}

void TestEximAssemblerCorpus::corpusLogs()
{
    // Every part of every real Exim log, read whole, and read with the state
    // saved and restored every few lines: the same records, every record with
    // its lines, keys among them.
    QFETCH(QString, file);
    const QByteArray text = readFile(file);
    if (text.isEmpty())
        QSKIP("the shared corpus is not there");
    for (const QByteArray &part : logParts(text)) {
        const EximLog log = parseText(part, SkipUnparsed);
        const Final clean = cleanRead(log);
        const QStringList cleanText = testing::describeFully(clean);
        QCOMPARE(testing::describeFully(cleanRead(log)), cleanText);
        for (const auto &[key, r] : clean.transfers)
            QVERIFY(!r.lines.empty() && std::count(r.lines.begin(), r.lines.end(), key) == 1);
        for (const auto &[key, r] : clean.connections)
            QVERIFY(!r.lines.empty() && std::count(r.lines.begin(), r.lines.end(), key) == 1);
        for (const auto &[key, r] : clean.failures)
            QVERIFY(!r.lines.empty() && std::count(r.lines.begin(), r.lines.end(), key) == 1);
        for (std::size_t split = 1; split < log.lines.size(); split += 5) {
            QString error;
            QCOMPARE(testing::describeFully(splitRead(log, split, &error)), cleanText);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
}

QTEST_GUILESS_MAIN(TestEximAssemblerCorpus)
#include "tst_eximassemblercorpus.moc"
