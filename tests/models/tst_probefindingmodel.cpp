#include "models/itemmodels/probefindingmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mailtls;

namespace {

Finding finding(const char *code, Severity severity, const char *mx, const char *address, const char *title,
                const char *evidence, const char *advice)
{
    Finding f;
    f.code = QString::fromLatin1(code);
    f.severity = severity;
    f.mxName = QString::fromLatin1(mx);
    if (address)
        f.address = QHostAddress(QString::fromLatin1(address));
    f.title = QString::fromLatin1(title);
    f.evidence = QString::fromLatin1(evidence);
    f.advice = QString::fromLatin1(advice);
    return f;
}

const Finding noStartTls
    = finding("no-starttls", Severity::High, "mx1.example.test", "192.0.2.10", "STARTTLS is not offered",
              "250-mx1.example.test\n250 PIPELINING", "Enable STARTTLS.");
const Finding noTlsRpt = finding("tls-rpt-absent", Severity::Info, "", nullptr, "No TLS-RPT record", "", "");
const Finding literal
    = finding("unreachable", Severity::Low, "192.0.2.7", "192.0.2.7", "Not reachable", "Connection refused", "");

} // namespace

class TestProbeFindingModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        ProbeFindingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings({noStartTls, noTlsRpt});
        model.setFindings({literal});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setFindings({noStartTls, noTlsRpt, literal});
        QCOMPARE(model.rowCount(), 3);
    }

    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("code");
        QTest::newRow("host") << 0
                              << QStringList {QStringLiteral("High"), QStringLiteral("STARTTLS is not offered"),
                                              QStringLiteral("mx1.example.test (192.0.2.10)")}
                              << int(Severity::High) << QStringLiteral("no-starttls");
        QTest::newRow("domain") << 1
                                << QStringList {QStringLiteral("Info"), QStringLiteral("No TLS-RPT record"),
                                                QStringLiteral("Domain")}
                                << int(Severity::Info) << QStringLiteral("tls-rpt-absent");
        QTest::newRow("address target") << 2
                                        << QStringList {QStringLiteral("Low"), QStringLiteral("Not reachable"),
                                                        QStringLiteral("192.0.2.7")}
                                        << int(Severity::Low) << QStringLiteral("unreachable");
    }

    void cells()
    {
        QFETCH(int, row);
        QFETCH(QStringList, texts);
        QFETCH(int, severity);
        QFETCH(QString, code);
        ProbeFindingModel model;
        model.setFindings({noStartTls, noTlsRpt, literal});
        QStringList shown;
        for (int c = 0; c < model.columnCount(); ++c)
            shown << model.index(row, c).data().toString();
        QCOMPARE(shown, texts);
        QCOMPARE(model.index(row, 1).data(ProbeFindingModel::SeverityRole).toInt(), severity);
        QCOMPARE(model.index(row, 0).data(KeyedTableModel::SortRole).toInt(), severity);
        QCOMPARE(model.index(row, 2).data(ProbeFindingModel::CodeRole).toString(), code);
        QCOMPARE(model.index(row, 0).data(ProbeFindingModel::EvidenceRole).toString(),
                 model.findings().at(row).evidence);
        QCOMPARE(model.index(row, 0).data(ProbeFindingModel::AdviceRole).toString(), model.findings().at(row).advice);
    }

    void headers()
    {
        ProbeFindingModel model;
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Severity"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Finding"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Server"));
        QCOMPARE(model.headerData(3, Qt::Horizontal), QVariant());
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("What the probe found; select it for the evidence and what to do"));
    }

    void detailText()
    {
        QCOMPARE(ProbeFindingModel::detailText(noStartTls),
                 QStringLiteral("STARTTLS is not offered\n"
                                "Severity: High · mx1.example.test (192.0.2.10)\n"
                                "\n"
                                "Evidence:\n"
                                "250-mx1.example.test\n250 PIPELINING\n"
                                "\n"
                                "What to do:\n"
                                "Enable STARTTLS.\n"
                                "\n"
                                "Finding: no-starttls"));
        QCOMPARE(ProbeFindingModel::detailText(noTlsRpt),
                 QStringLiteral("No TLS-RPT record\nSeverity: Info · the whole domain\n\nFinding: tls-rpt-absent"));
    }
};

QTEST_GUILESS_MAIN(TestProbeFindingModel)
#include "tst_probefindingmodel.moc"
