#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "models/report/dashboardcsv.h"
#include "tests/models/tst_dashboardfixture.h"
#include "tests/app/commandtestutil.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

// `mailtls export` as a user meets it: the real binary on a known store. What
// it writes must be what the window's queries give for the same filter.
class TestExportCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesTheView_data();
    void writesTheView();
    void standardOutput();
    void refuses_data();
    void refuses();
    void failedWriteKeepsTheOldFile();

private:
    using Run = commandtest::Run;

    Run run(const QStringList &args)
    {
        return commandtest::run(QStringList{QStringLiteral("export")} + args);
    }

    QString read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QStringLiteral("<missing>");
    }

    KnownStore m_known;
    QTemporaryDir m_out;
};

void TestExportCommand::initTestCase()
{
    QVERIFY(m_known.make());
    QVERIFY(m_out.isValid());
}

void TestExportCommand::writesTheView_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<TrendBucket>("bucket");
    QTest::addColumn<int>("top");

    for (const char *view : {"overview", "peers", "tls"}) {
        QTest::addRow("%s, everything", view) << QString::fromLatin1(view) << QStringList() << ReportFilter()
                                              << TrendBucket::Auto << 10;
        ReportFilter filter = range(day0 + 11 * hour, day0 + 2 * day);
        filter.directions = {Direction::Outbound};
        filter.groupBy = ReportFilter::GroupBy::Domain;
        QTest::addRow("%s, filtered", view)
            << QString::fromLatin1(view)
            << QStringList{QStringLiteral("--since"), QStringLiteral("2024-03-18 11:00"), QStringLiteral("--until"),
                           QStringLiteral("@%1").arg(day0 + 2 * day), QStringLiteral("--direction"),
                           QStringLiteral("outbound"), QStringLiteral("--group-by"), QStringLiteral("domain")}
            << filter << TrendBucket::Auto << 10;
        ReportFilter local;
        local.includeLocal = true;
        local.localPeers = {QStringLiteral("filter.relay.example")};
        QTest::addRow("%s, local hops", view)
            << QString::fromLatin1(view)
            << QStringList{QStringLiteral("--include-local"), QStringLiteral("--local-peer"),
                           QStringLiteral("filter.relay.example")}
            << local << TrendBucket::Auto << 10;
    }
    QTest::newRow("overview, days, top 1")
        << QStringLiteral("overview")
        << QStringList{QStringLiteral("--bucket"), QStringLiteral("day"), QStringLiteral("--top"), QStringLiteral("1")}
        << ReportFilter() << TrendBucket::Day << 1;
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("192.0.2.50")};
    QTest::newRow("overview, listed local peer, hours")
        << QStringLiteral("overview")
        << QStringList{QStringLiteral("--local-peer"), QStringLiteral("192.0.2.50"), QStringLiteral("--bucket"),
                       QStringLiteral("hour")}
        << listed << TrendBucket::Hour << 10;
}

void TestExportCommand::writesTheView()
{
    QFETCH(QString, view);
    QFETCH(QStringList, options);
    QFETCH(ReportFilter, filter);
    QFETCH(TrendBucket, bucket);
    QFETCH(int, top);

    const QString csv = m_out.filePath(QStringLiteral("%1.csv").arg(QString::fromLatin1(QTest::currentDataTag())));
    const Run r = run(QStringList{QStringLiteral("--db"), m_known.path(), QStringLiteral("--view"), view,
                                  QStringLiteral("--csv"), csv}
                      + options);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());

    QString error;
    QString expected;
    if (view == QLatin1String("overview")) {
        OverviewOptions overviewOptions;
        overviewOptions.bucket = bucket;
        overviewOptions.topPeers = top;
        overviewOptions.recentFailures = top;
        expected = DashboardCsv::overview(m_known.store().overview(filter, overviewOptions, &error), filter);
    } else if (view == QLatin1String("peers")) {
        expected = DashboardCsv::peers(m_known.store().peerRows(filter, PeerColumns::Everything, &error), filter);
    } else {
        expected = DashboardCsv::tlsQuality(m_known.store().tlsQuality(filter, &error), filter);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read(csv), expected);
}

void TestExportCommand::standardOutput()
{
    const Run r = run({QStringLiteral("--db"), m_known.path(), QStringLiteral("--view"), QStringLiteral("peers"),
                       QStringLiteral("--csv"), QStringLiteral("-"), QStringLiteral("--direction"),
                       QStringLiteral("submission")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out,
             QStringLiteral("# MailTLS peers\n"
                            "# Time range: all records\n"
                            "# Selection: submission; peers named by host; local hops left out\n"
                            "# Units: messages, connections and failures are counts; bytes are bytes; percentages "
                            "are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites "
                            "list encrypted connections (their count), most first\n"
                            "\n"
                            "# Peers\n"
                            "direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,"
                            "bytes,encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,"
                            "cipher_suites,best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc\n"
                            "submission,client.gamma.example,1,1,0,100.0,700,700,1,1,0,(not logged) (1),"
                            "(not logged) (1),,,2024-03-18T13:00:00Z,,\n"));
}

void TestExportCommand::refuses_data()
{
    QTest::addColumn<QStringList>("args");   // %DB: the known store, %OUT: a file in the output folder
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");       // the start of standard error

    const QString db = QStringLiteral("%DB");
    const QString out = QStringLiteral("%OUT");
    QTest::newRow("no --db") << QStringList{QStringLiteral("--view"), QStringLiteral("tls"), QStringLiteral("--csv"), out}
                             << 2 << QStringLiteral("mailtls: export needs --db\n");
    QTest::newRow("no --view") << QStringList{QStringLiteral("--db"), db, QStringLiteral("--csv"), out} << 2
                               << QStringLiteral("mailtls: export needs --view\n");
    QTest::newRow("no --csv") << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("tls")}
                              << 2 << QStringLiteral("mailtls: export needs --csv\n");
    QTest::newRow("unknown view")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("graphs"),
                       QStringLiteral("--csv"), out}
        << 2 << QStringLiteral("mailtls: --view: \"graphs\" is not one of overview, peers, tls\n");
    QTest::newRow("bad bucket")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("overview"),
                       QStringLiteral("--csv"), out, QStringLiteral("--bucket"), QStringLiteral("week")}
        << 2 << QStringLiteral("mailtls: --bucket: \"week\" is not one of auto, hour, day\n");
    QTest::newRow("bad top")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("overview"),
                       QStringLiteral("--csv"), out, QStringLiteral("--top"), QStringLiteral("-3")}
        << 2 << QStringLiteral("mailtls: --top: \"-3\" is not a number of peers\n");
    QTest::newRow("bad direction")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("peers"),
                       QStringLiteral("--csv"), out, QStringLiteral("--direction"), QStringLiteral("sideways")}
        << 2 << QStringLiteral("mailtls: --direction: \"sideways\" is not one of inbound, outbound, submission, all\n");
    QTest::newRow("bad time")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("peers"),
                       QStringLiteral("--csv"), out, QStringLiteral("--since"), QStringLiteral("yesterday")}
        << 2 << QStringLiteral("mailtls: --since: \"yesterday\" is not a time");
    QTest::newRow("stray argument")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("peers"),
                       QStringLiteral("--csv"), out, QStringLiteral("extra")}
        << 2 << QStringLiteral("mailtls: unexpected argument \"extra\"\n");
    QTest::newRow("no such database")
        << QStringList{QStringLiteral("--db"), QStringLiteral("%OUTDIR/none.sqlite"), QStringLiteral("--view"),
                       QStringLiteral("peers"), QStringLiteral("--csv"), out}
        << 1 << QStringLiteral("mailtls: there is no database at %OUTDIR/none.sqlite\n");
    QTest::newRow("not a database")
        << QStringList{QStringLiteral("--db"), QStringLiteral("%OUTDIR/notes.txt"), QStringLiteral("--view"),
                       QStringLiteral("peers"), QStringLiteral("--csv"), out}
        << 1 << QStringLiteral("mailtls: %OUTDIR/notes.txt is not a database");
    QTest::newRow("unwritable target")
        << QStringList{QStringLiteral("--db"), db, QStringLiteral("--view"), QStringLiteral("peers"),
                       QStringLiteral("--csv"), QStringLiteral("%OUTDIR/missing/folder/peers.csv")}
        << 1 << QStringLiteral("mailtls: cannot write %OUTDIR/missing/folder/peers.csv: ");
}

void TestExportCommand::refuses()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);

    QFile notes(m_out.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    for (int i = 0; i < 100; ++i)
        notes.write("Remember: renew the certificate of the mail server before May.\n");
    notes.close();
    const QString out = m_out.filePath(QStringLiteral("refused.csv"));
    for (QString &arg : args) {
        arg.replace(QLatin1String("%DB"), m_known.path());
        arg.replace(QLatin1String("%OUTDIR"), m_out.path());
        arg.replace(QLatin1String("%OUT"), out);
    }
    says.replace(QLatin1String("%OUTDIR"), m_out.path());
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith(says), qPrintable(r.err));
    QCOMPARE(r.out, QString());
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(m_out.filePath(QStringLiteral("none.sqlite"))));
}

void TestExportCommand::failedWriteKeepsTheOldFile()
{
    // The target is a folder now: nothing is written, the folder stays.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("a-folder.csv"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("a-folder.csv")));
    const Run r = run({QStringLiteral("--db"), m_known.path(), QStringLiteral("--view"), QStringLiteral("tls"),
                       QStringLiteral("--csv"), target});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("mailtls: cannot write %1: ").arg(target)), qPrintable(r.err));
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
