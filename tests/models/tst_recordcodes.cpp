#include "models/store/recordcodes.h"

#include <QTest>

using namespace mailtls;

// The words are a file format: once written they must keep their meaning.
class TestRecordCodes final : public QObject
{
    Q_OBJECT

private slots:
    void trust_data();
    void trust();
    void problem_data();
    void problem();
    void unknownWords();
};

void TestRecordCodes::trust_data()
{
    QTest::addColumn<Trust>("trust");
    QTest::addColumn<QString>("name");
    QTest::newRow("unknown") << Trust::Unknown << QStringLiteral("unknown");
    QTest::newRow("anonymous") << Trust::Anonymous << QStringLiteral("anonymous");
    QTest::newRow("untrusted") << Trust::Untrusted << QStringLiteral("untrusted");
    QTest::newRow("trusted") << Trust::Trusted << QStringLiteral("trusted");
    QTest::newRow("verified") << Trust::Verified << QStringLiteral("verified");
}

void TestRecordCodes::trust()
{
    QFETCH(Trust, trust);
    QFETCH(QString, name);
    QCOMPARE(RecordCodes::trustName(trust), name);
    QCOMPARE(RecordCodes::trustFromName(name), std::optional<Trust>(trust));
}

void TestRecordCodes::problem_data()
{
    QTest::addColumn<TlsProblem>("problem");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << TlsProblem::None << QStringLiteral("none");
    QTest::newRow("not offered") << TlsProblem::NotOffered << QStringLiteral("not-offered");
    QTest::newRow("cannot start") << TlsProblem::CannotStart << QStringLiteral("cannot-start");
    QTest::newRow("handshake") << TlsProblem::Handshake << QStringLiteral("handshake");
    QTest::newRow("dh key too small")
        << TlsProblem::DhKeyTooSmall << QStringLiteral("dh-key-too-small");
    QTest::newRow("certificate") << TlsProblem::Certificate << QStringLiteral("certificate");
    QTest::newRow("lost after STARTTLS")
        << TlsProblem::LostAfterStarttls << QStringLiteral("lost-after-starttls");
    QTest::newRow("other") << TlsProblem::Other << QStringLiteral("other");
}

void TestRecordCodes::problem()
{
    QFETCH(TlsProblem, problem);
    QFETCH(QString, name);
    QCOMPARE(RecordCodes::problemName(problem), name);
    QCOMPARE(RecordCodes::problemFromName(name), std::optional<TlsProblem>(problem));
}

void TestRecordCodes::unknownWords()
{
    QCOMPARE(RecordCodes::trustFromName(u"Verified"), std::nullopt);
    QCOMPARE(RecordCodes::trustFromName(u""), std::nullopt);
    QCOMPARE(RecordCodes::problemFromName(u"dh key too small"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestRecordCodes)
#include "tst_recordcodes.moc"
