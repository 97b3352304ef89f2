#include "models/itemmodels/probetitles.h"

#include <QTest>

#include "models/probe/probetargetparser.h"

using namespace mailtls;

class TestProbeTitles final : public QObject
{
    Q_OBJECT

private slots:
    void targetReadsBackToItself_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("text");
        const int domain = int(ProbeTarget::Kind::Domain);
        const int host = int(ProbeTarget::Kind::Host);
        QTest::newRow("domain") << domain << QStringLiteral("example.test") << 25 << QStringLiteral("example.test");
        QTest::newRow("host on 25") << host << QStringLiteral("mx.example.test") << 25
                                    << QStringLiteral("mx.example.test:25");
        QTest::newRow("host on 2525") << host << QStringLiteral("mx.example.test") << 2525
                                      << QStringLiteral("mx.example.test:2525");
        QTest::newRow("IPv4 on 25") << host << QStringLiteral("192.0.2.1") << 25 << QStringLiteral("192.0.2.1");
        QTest::newRow("IPv4 on 587") << host << QStringLiteral("192.0.2.1") << 587 << QStringLiteral("192.0.2.1:587");
        QTest::newRow("IPv6 on 25") << host << QStringLiteral("2001:db8::1") << 25 << QStringLiteral("2001:db8::1");
        QTest::newRow("IPv6 on 2525") << host << QStringLiteral("2001:db8::1") << 2525
                                      << QStringLiteral("[2001:db8::1]:2525");
    }

    void targetReadsBackToItself()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(int, port);
        QFETCH(QString, text);
        ProbeTarget target;
        target.kind = ProbeTarget::Kind(kind);
        target.name = name;
        target.port = quint16(port);
        QCOMPARE(ProbeTitles::target(target), text);
        QString error;
        const std::optional<ProbeTarget> parsed = ProbeTargetParser::parse(text, 25, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(int(parsed->kind), kind);
        QCOMPARE(parsed->name, name);
        QCOMPARE(int(parsed->port), port);
    }

    void words()
    {
        QVERIFY(ProbeTitles::serverVerdictExplanation(Verdict::NoTls)
                    .endsWith(QStringLiteral("Mail to this server travels in plaintext.")));
        QCOMPARE(ProbeTitles::severity(Severity::Critical), QStringLiteral("Critical"));
        QCOMPARE(ProbeTitles::step(ProbeStep::StartTls), QStringLiteral("STARTTLS"));
        QCOMPARE(ProbeTitles::profile(TlsProfile::OnlyTls11), QStringLiteral("TLS 1.1 only"));
        QCOMPARE(ProbeTitles::address(QStringLiteral("2001:db8::1"), 25), QStringLiteral("2001:db8::1"));
        QCOMPARE(ProbeTitles::address(QStringLiteral("2001:db8::1"), 465), QStringLiteral("[2001:db8::1]:465"));
    }
};

QTEST_GUILESS_MAIN(TestProbeTitles)
#include "tst_probetitles.moc"
