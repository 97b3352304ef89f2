#include "models/itemmodels/probehistorymodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include "models/itemmodels/recordtitles.h"

using namespace mailtls;

namespace {

constexpr qint64 day0 = 1710720000; // 2024-03-18 00:00:00 UTC

ProbeSummary summary(qint64 id, ProbeTarget::Kind kind, const char *name, quint16 port, qint64 finished,
                     Verdict verdict, int findings)
{
    ProbeSummary s;
    s.id = id;
    s.target.kind = kind;
    s.target.name = QString::fromLatin1(name);
    s.target.port = port;
    s.finished = finished;
    s.verdict = verdict;
    s.findings = findings;
    return s;
}

const ProbeSummary domain = summary(7, ProbeTarget::Kind::Domain, "example.test", 25, day0 + 3600, Verdict::Weak, 2);
const ProbeSummary host = summary(6, ProbeTarget::Kind::Host, "mx.example.test", 2525, day0 + 60, Verdict::Good, 0);
const ProbeSummary address = summary(5, ProbeTarget::Kind::Host, "2001:db8::1", 25, day0, Verdict::NoTls, 1);

} // namespace

class TestProbeHistoryModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        ProbeHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProbes({domain, host});
        model.setProbes({address, domain, host});
        model.setProbes({host});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setProbes({domain, host, address});
        QCOMPARE(model.rowCount(), 3);
    }

    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<qint64>("id");
        QTest::addColumn<int>("verdict");
        // Local time; the tests run with TZ=UTC.
        QTest::newRow("domain") << 0
                                << QStringList {QStringLiteral("example.test"), QStringLiteral("Weak"),
                                                QStringLiteral("2024-03-18 01:00:00"), QStringLiteral("2")}
                                << qint64(7) << int(Verdict::Weak);
        QTest::newRow("host on a port") << 1
                                        << QStringList {QStringLiteral("mx.example.test:2525"), QStringLiteral("Good"),
                                                        QStringLiteral("2024-03-18 00:01:00"), QStringLiteral("0")}
                                        << qint64(6) << int(Verdict::Good);
        QTest::newRow("IPv6 address") << 2
                                      << QStringList {QStringLiteral("2001:db8::1"), QStringLiteral("No TLS"),
                                                      QStringLiteral("2024-03-18 00:00:00"), QStringLiteral("1")}
                                      << qint64(5) << int(Verdict::NoTls);
    }

    void cells()
    {
        QFETCH(int, row);
        QFETCH(QStringList, texts);
        QFETCH(qint64, id);
        QFETCH(int, verdict);
        ProbeHistoryModel model;
        model.setProbes({domain, host, address});
        QStringList shown;
        for (int c = 0; c < model.columnCount(); ++c)
            shown << model.index(row, c).data().toString();
        QCOMPARE(shown, texts);
        QCOMPARE(model.index(row, 1).data(KeyedTableModel::RecordIdRole).toLongLong(), id);
        QCOMPARE(model.index(row, 3).data(ProbeHistoryModel::VerdictRole).toInt(), verdict);
        QCOMPARE(model.index(row, ProbeHistoryModel::VerdictColumn).data(Qt::ToolTipRole).toString(),
                 RecordTitles::verdictExplanation(Verdict(verdict)));
        QCOMPARE(model.rowOf(id), row);
    }

    void sortValuesToolTipsAndHeaders()
    {
        ProbeHistoryModel model;
        model.setProbes({domain, host});
        QCOMPARE(model.index(0, ProbeHistoryModel::TimeColumn).data(KeyedTableModel::SortRole).toLongLong(),
                 day0 + 3600);
        QCOMPARE(model.index(0, ProbeHistoryModel::TimeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2024-03-18T01:00:00Z UTC"));
        QCOMPARE(model.index(0, ProbeHistoryModel::TargetColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The mail servers of the domain example.test"));
        QCOMPARE(model.index(1, ProbeHistoryModel::TargetColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The host mx.example.test:2525 alone"));
        QCOMPARE(model.index(1, ProbeHistoryModel::FindingsColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(model.rowOf(99), -1);
        QStringList titles;
        for (int s = 0; s < model.columnCount(); ++s)
            titles << model.headerData(s, Qt::Horizontal).toString();
        QCOMPARE(titles,
                 (QStringList {QStringLiteral("Target"), QStringLiteral("Verdict"), QStringLiteral("Probed"),
                               QStringLiteral("Findings")}));
    }

    void aNewProbeKeepsTheSelectedRow()
    {
        ProbeHistoryModel model;
        model.setProbes({host, address});
        QPersistentModelIndex selected(model.index(1, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Newest first: the new probe comes on top.
        model.setProbes({domain, host, address});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 2);
        QCOMPARE(selected.data(KeyedTableModel::RecordIdRole).toLongLong(), qint64(5));
        QCOMPARE(model.probes(), (QList<ProbeSummary> {domain, host, address}));
    }
};

QTEST_GUILESS_MAIN(TestProbeHistoryModel)
#include "tst_probehistorymodel.moc"
