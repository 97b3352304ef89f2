#include "models/itemmodels/peerfailuremodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QStringList rowText(const QAbstractItemModel &model, int row)
{
    QStringList text;
    for (int column = 0; column < model.columnCount(); ++column)
        text << model.index(row, column).data().toString();
    return text;
}

} // namespace

class TestPeerFailureModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fixtureRows_data();
    void fixtureRows();
    void roles();
    void headers();
    void problemsExplained();
    void aNewFailureKeepsTheSelectedRow();

private:
    KnownStore m_known;
};

void TestPeerFailureModel::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestPeerFailureModel::fixtureRows_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<QList<QStringList>>("rows");

    // Failure ids follow the order of records().failures in the fixture.
    QTest::newRow("lost after STARTTLS, no host name")
        << ReportFilter() << QStringLiteral("203.0.113.9") << QList<qint64>{1}
        << QList<QStringList>{texts({"2024-03-19 03:00:05", "Inbound", "203.0.113.9", "203.0.113.9:25",
                                     "Lost after STARTTLS", "lost connection after STARTTLS"})};
    QTest::newRow("dh key too small")
        << ReportFilter() << QStringLiteral("mail.beta.example") << QList<qint64>{2}
        << QList<QStringList>{texts({"2024-03-18 11:59:50", "Outbound", "mail.beta.example", "198.51.100.7:25",
                                     "DH key too small", "dh key too small"})};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("a domain's hosts, newest first")
        << domains << QStringLiteral("beta.example") << QList<qint64>{3, 2}
        << QList<QStringList>{texts({"2024-03-19 14:59:00", "Outbound", "relay.beta.example", "198.51.100.8:25",
                                     "Certificate not accepted", "certificate verification failed: untrusted issuer"}),
                              texts({"2024-03-18 11:59:50", "Outbound", "mail.beta.example", "198.51.100.7:25",
                                     "DH key too small", "dh key too small"})};
    QTest::newRow("out of range") << range(day0 + 12 * hour, std::nullopt) << QStringLiteral("mail.beta.example")
                                  << QList<qint64>{} << QList<QStringList>{};
}

void TestPeerFailureModel::fixtureRows()
{
    QFETCH(ReportFilter, filter);
    QFETCH(QString, peer);
    QFETCH(QList<qint64>, ids);
    QFETCH(QList<QStringList>, rows);

    QString error;
    const PeerDetail detail = m_known.store().peerDetail(filter, peer, PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    PeerFailureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFailures(detail.failures);
    QCOMPARE(model.columnCount(), int(PeerFailureModel::ColumnCount));
    QCOMPARE(model.rowCount(), rows.size());
    for (int row = 0; row < rows.size(); ++row) {
        QCOMPARE(rowText(model, row), rows.at(row));
        QCOMPARE(model.index(row, 0).data(KeyedTableModel::RecordIdRole).toLongLong(), ids.at(row));
    }
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPeerFailureModel::roles()
{
    QString error;
    const PeerDetail detail =
        m_known.store().peerDetail(ReportFilter(), QStringLiteral("mail.beta.example"), PeerDetailOptions(), &error);
    PeerFailureModel model;
    model.setFailures(detail.failures);
    using M = PeerFailureModel;
    QCOMPARE(model.index(0, M::TimeColumn).data(M::SortRole).toLongLong(), day0 + 11 * hour + 59 * 60 + 50);
    QCOMPARE(model.index(0, M::TimeColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2024-03-18T11:59:50Z UTC"));
    QCOMPARE(model.index(0, M::DirectionColumn).data(M::SortRole).toInt(), int(Direction::Outbound));
    QCOMPARE(model.index(0, M::ReasonColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("dh key too small"));
    QCOMPARE(model.index(0, M::ProblemColumn).data(Qt::ToolTipRole).toString(),
             PeerFailureModel::problemExplanation(TlsProblem::DhKeyTooSmall));
    QCOMPARE(model.index(0, M::HostColumn).data(M::EncryptedRole), QVariant());
    QCOMPARE(model.failures().first().problem, TlsProblem::DhKeyTooSmall);
}

void TestPeerFailureModel::headers()
{
    PeerFailureModel model;
    const QStringList titles = texts({"Time", "Direction", "Host", "Address", "Problem", "Reason"});
    for (int column = 0; column < PeerFailureModel::ColumnCount; ++column) {
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), titles.at(column));
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(model.headerData(0, Qt::Vertical), QVariant());
}

void TestPeerFailureModel::problemsExplained()
{
    // Every kind a failure can have is named and explained, each differently.
    QSet<QString> titles;
    QSet<QString> explanations;
    const QList<TlsProblem> problems = {TlsProblem::NotOffered,    TlsProblem::CannotStart,
                                        TlsProblem::Handshake,     TlsProblem::DhKeyTooSmall,
                                        TlsProblem::Certificate,   TlsProblem::LostAfterStarttls,
                                        TlsProblem::Other};
    for (TlsProblem problem : problems) {
        PeerFailure f;
        f.id = 1;
        f.problem = problem;
        PeerFailureModel model;
        model.setFailures({f});
        titles.insert(model.index(0, PeerFailureModel::ProblemColumn).data().toString());
        explanations.insert(model.index(0, PeerFailureModel::ProblemColumn).data(Qt::ToolTipRole).toString());
    }
    titles.remove(QString());
    explanations.remove(QString());
    QCOMPARE(titles.size(), problems.size());
    QCOMPARE(explanations.size(), problems.size());
}

void TestPeerFailureModel::aNewFailureKeepsTheSelectedRow()
{
    QString error;
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    const PeerDetail detail =
        m_known.store().peerDetail(domains, QStringLiteral("beta.example"), PeerDetailOptions(), &error);
    QCOMPARE(detail.failures.size(), 2);
    PeerFailureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFailures(detail.failures);
    const QPersistentModelIndex selected = model.index(1, PeerFailureModel::ReasonColumn);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    PeerFailure newer = detail.failures.first();
    newer.id = 9;
    newer.time += hour;
    model.setFailures(QList<PeerFailure>{newer} + detail.failures);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(selected.row(), 2);
    QCOMPARE(selected.data().toString(), QStringLiteral("dh key too small"));
    QCOMPARE(model.index(0, 0).data(KeyedTableModel::RecordIdRole).toLongLong(), 9);
}

QTEST_GUILESS_MAIN(TestPeerFailureModel)
#include "tst_peerfailuremodel.moc"
