#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/commandtestutil.h"


// The command line as a user meets it: the real `mailtls` binary, real files.
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    using Run = commandtest::Run;

    Run run(const QStringList &args, const QByteArray &input = QByteArray())
    {
        return commandtest::run(args, input);
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(bytes);
        return path;
    }

    // One inbound TLS message and one outbound plaintext delivery, Postfix 3.7 shapes.
    static QByteArray sampleLog()
    {
        return "Nov 29 10:00:00 mx postfix/smtpd[100]: connect from mail.example.org[192.0.2.10]\n"
               "Nov 29 10:00:00 mx postfix/smtpd[100]: Anonymous TLS connection established from "
               "mail.example.org[192.0.2.10]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
               "Nov 29 10:00:01 mx postfix/smtpd[100]: 4A1B2C3D4E: client=mail.example.org[192.0.2.10]\n"
               "Nov 29 10:00:01 mx postfix/cleanup[101]: 4A1B2C3D4E: message-id=<1@example.org>\n"
               "Nov 29 10:00:01 mx postfix/qmgr[102]: 4A1B2C3D4E: from=<a@example.org>, size=1234, nrcpt=1 "
               "(queue active)\n"
               "Nov 29 10:00:01 mx postfix/smtpd[100]: disconnect from mail.example.org[192.0.2.10] ehlo=2 "
               "starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7\n"
               "Nov 29 10:00:02 mx postfix/smtp[103]: 4A1B2C3D4E: to=<b@example.net>, "
               "relay=mx.example.net[198.51.100.20]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent "
               "(250 2.0.0 Ok)\n"
               "Nov 29 10:00:02 mx postfix/qmgr[102]: 4A1B2C3D4E: removed\n";
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndHelp()
    {
        const Run v = run({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(v.out, QStringLiteral("mailtls " MAILTLS_VERSION "\n"));
        const Run h = run({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains(QStringLiteral("report   print per-peer figures")));
        const Run rh = run({QStringLiteral("report"), QStringLiteral("--help")});
        QCOMPARE(rh.exitCode, 0);
        QVERIFY(rh.out.contains(QStringLiteral("--include-local")));
        // The usage line names the command, not the program's path.
        QVERIFY2(rh.out.startsWith(QStringLiteral("Usage: mailtls report [options]")), qPrintable(rh.out));
        const Run ch = run({QStringLiteral("campaign"), QStringLiteral("start"), QStringLiteral("--help")});
        QCOMPARE(ch.exitCode, 0);
        QVERIFY2(ch.out.startsWith(QStringLiteral("Usage: mailtls campaign start [options]")), qPrintable(ch.out));
        const Run fh = run({QStringLiteral("campaign"), QStringLiteral("failures"), QStringLiteral("--help")});
        QVERIFY2(fh.out.startsWith(QStringLiteral("Usage: mailtls campaign failures [options]")), qPrintable(fh.out));
        const Run eh = run({QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY2(eh.out.startsWith(QStringLiteral("Usage: mailtls export [options]")), qPrintable(eh.out));
    }

    void unknownOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("window option") << QStringList{QStringLiteral("--frobnicate")}
                                       << QStringLiteral("mailtls: Unknown option 'frobnicate'. (see mailtls --help)\n");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("mailtls: unknown command \"frobnicate\" (see mailtls --help)\n");
        QTest::newRow("report option") << QStringList{QStringLiteral("report"), QStringLiteral("--frob")}
                                       << QStringLiteral("mailtls: Unknown option 'frob'.\n");
        QTest::newRow("nothing to report") << QStringList{QStringLiteral("report")}
                                           << QStringLiteral("mailtls: nothing to report: give at least one --log FILE or a --db PATH\n");
        QTest::newRow("bad direction") << QStringList{QStringLiteral("report"), QStringLiteral("--log"), QStringLiteral("x"),
                                                      QStringLiteral("--direction"), QStringLiteral("sideways")}
                                       << QStringLiteral("mailtls: --direction: \"sideways\" is not one of inbound, outbound, submission, all\n");
        QTest::newRow("bad format") << QStringList{QStringLiteral("report"), QStringLiteral("--log"), QStringLiteral("x"),
                                                   QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("mailtls: --format: \"xml\" is not one of table, csv, json\n");
        QTest::newRow("bad group") << QStringList{QStringLiteral("report"), QStringLiteral("--log"), QStringLiteral("x"),
                                                  QStringLiteral("--group-by"), QStringLiteral("country")}
                                   << QStringLiteral("mailtls: --group-by: \"country\" is not one of host, domain\n");
        QTest::newRow("bad date") << QStringList{QStringLiteral("report"), QStringLiteral("--log"), QStringLiteral("x"),
                                                 QStringLiteral("--since"), QStringLiteral("2026-02-30")}
                                  << QStringLiteral("mailtls: --since: \"2026-02-30\" is not a valid date or time of day\n");
        QTest::newRow("import without db") << QStringList{QStringLiteral("import"), QStringLiteral("x")}
                                           << QStringLiteral("mailtls: import needs --db PATH: the database to add the logs to\n");
        QTest::newRow("import without files") << QStringList{QStringLiteral("import"), QStringLiteral("--db"), QStringLiteral("d")}
                                              << QStringLiteral("mailtls: import needs at least one log file\n");
    }
    void unknownOptionsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const Run r = run(args);
        QCOMPARE(r.err, error);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
    }

    void missingFileIsNamed()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.log"));
        const Run r = run({QStringLiteral("report"), QStringLiteral("--log"), missing});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("mailtls: %1: cannot open: No such file or directory\n").arg(missing));
    }

    void unreadableGzipIsNamed()
    {
        QByteArray fake("\x1f\x8b\x08\x00garbage-that-is-not-deflate", 31);
        const QString path = write(QStringLiteral("broken.log.gz"), fake);
        const Run r = run({QStringLiteral("report"), QStringLiteral("--log"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("mailtls: %1: unreadable gzip data").arg(path))
                     || r.err.startsWith(QStringLiteral("mailtls: %1: the gzip data ends early").arg(path)),
                 qPrintable(r.err));
    }

    void reportCsvFromLog()
    {
        const QString path = write(QStringLiteral("sample.log"), sampleLog());
        const Run r = run({QStringLiteral("report"), QStringLiteral("--log"), path, QStringLiteral("--format"),
                           QStringLiteral("csv")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                                       "encrypted_bytes,connections,encrypted_connections,tls_failures\n"
                                       "inbound,mail.example.org,1,1,0,1234,1234,1,1,0\n"
                                       "outbound,mx.example.net,1,0,1,1234,0,1,0,0\n"));
    }

    void reportFromStdinAndFilters()
    {
        const Run r = run({QStringLiteral("report"), QStringLiteral("--log"), QStringLiteral("-"),
                           QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--direction"),
                           QStringLiteral("outbound"), QStringLiteral("--group-by"), QStringLiteral("domain")},
                          sampleLog());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                                       "encrypted_bytes,connections,encrypted_connections,tls_failures\n"
                                       "outbound,example.net,1,0,1,1234,0,1,0,0\n"));
    }

    void importIsIdempotent()
    {
        const QString db = m_dir.filePath(QStringLiteral("store.sqlite"));
        const QByteArray all = sampleLog();
        const int cut = all.indexOf("Nov 29 10:00:02");
        const QString log = write(QStringLiteral("growing.log"), all.left(cut));
        Run r = run({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QStringLiteral("%1: 6 lines read\n").arg(log));
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(r.err, QStringLiteral("%1: imported before, nothing new\n").arg(log));
        write(QStringLiteral("growing.log"), all);
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(r.err, QStringLiteral("%1: read before up to byte %2; 2 new lines read\n").arg(log).arg(cut));
        r = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                                       "encrypted_bytes,connections,encrypted_connections,tls_failures\n"
                                       "inbound,mail.example.org,1,1,0,1234,1234,1,1,0\n"
                                       "outbound,mx.example.net,1,0,1,1234,0,1,0,0\n"));
    }

    void damagedReadingStateIsReadAgainFromTheStart()
    {
        const QString db = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        const QByteArray all = sampleLog();
        const int cut = all.indexOf("Nov 29 10:00:02");
        const QString log = write(QStringLiteral("damaged.log"), all.left(cut));
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"), db, log}).exitCode, 0);
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("UPDATE sources SET assembler_state = X'deadbeef'")));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        write(QStringLiteral("damaged.log"), all);
        const Run r = run({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.startsWith(QStringLiteral("%1: 8 lines read\nmailtls: %1: Not a session assembler snapshot "
                                                 "(4 bytes, unknown header); the log will be read from its start.")
                                      .arg(log)),
                 qPrintable(r.err));
        // Read again from the start: the same figures as one clean read, nothing twice.
        const Run report = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                                QStringLiteral("csv")});
        QCOMPARE(report.out, QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                                            "encrypted_bytes,connections,encrypted_connections,tls_failures\n"
                                            "inbound,mail.example.org,1,1,0,1234,1234,1,1,0\n"
                                            "outbound,mx.example.net,1,0,1,1234,0,1,0,0\n"));
    }

    void notOurDatabaseIsRefused()
    {
        const QString path = write(QStringLiteral("notes.txt"), "these are my notes, not a database\n");
        const Run r = run({QStringLiteral("report"), QStringLiteral("--db"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("mailtls: ")) && r.err.contains(path), qPrintable(r.err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("these are my notes, not a database\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
