#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/itemmodels/sourcelistmodel.h"

using namespace mailtls;

namespace {

using State = LogSource::State;

SourceManager::Status status(qint64 id, const QString &spec, const QString &name, State state = State::Following,
                             const QString &reason = QString())
{
    SourceManager::Status s;
    s.id = id;
    s.spec = spec;
    s.name = name;
    s.state = state;
    s.reason = reason;
    return s;
}

SourceManager::Status fileSource()
{
    SourceManager::Status s = status(1, QStringLiteral("/var/log/mail.log"), QStringLiteral("/var/log/mail.log"));
    s.linesRead = 1234567;
    s.rate = 12.4;
    s.position = 3 * 1024 * 1024 / 2;
    return s;
}

SourceManager::Status journalSource()
{
    SourceManager::Status s = status(2, QStringLiteral("journal:postfix@-.service"),
                                     QStringLiteral("journal (postfix@-.service)"), State::Lagging);
    s.linesRead = 40;
    s.rate = 3.26;
    s.position = 512;
    return s;
}

SourceManager::Status sshSource()
{
    SourceManager::Status s = status(7, QStringLiteral("ssh://admin@mx.example.org/var/log/mail.log"),
                                     QStringLiteral("admin@mx.example.org: /var/log/mail.log"), State::Stopped,
                                     QStringLiteral("The host key of mx.example.org changed."));
    s.needsUser = true;
    s.linesRead = 0;
    s.rate = 0;
    s.position = 0;
    return s;
}

QStringList rowTexts(const QAbstractItemModel &model, int row)
{
    QStringList texts;
    for (int column = 0; column < model.columnCount(); ++column)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

QList<qint64> ids(const SourceListModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(SourceListModel::IdRole).toLongLong());
    return result;
}

} // namespace

class TestSourceListModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        SourceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSources({fileSource(), journalSource(), sshSource()});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(SourceListModel::ColumnCount));

        SourceManager::Status faster = journalSource();
        faster.rate = 900;
        faster.state = State::Following;
        model.updateSource(faster);
        model.setSources({sshSource(), status(9, QStringLiteral("journal"), QStringLiteral("journal"))});
        QCOMPARE(ids(model), (QList<qint64>{7, 9}));
        model.setSources({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.index(0, 0).parent(), QModelIndex());
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }

    void displayText_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("needsUser");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<qint64>("linesRead");
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<QStringList>("texts");

        const QString mailLog = QStringLiteral("/var/log/mail.log");
        QTest::newRow("following file")
            << mailLog << mailLog << int(State::Following) << QString() << false << false << qint64(1234567) << 12.4
            << qint64(1572864)
            << QStringList{mailLog, QStringLiteral("following"), QStringLiteral("1,234,567"), QStringLiteral("12 lines/s"),
                           QStringLiteral("1.5 MiB")};
        QTest::newRow("lagging journal, slow")
            << QStringLiteral("journal:postfix@-.service") << QStringLiteral("journal (postfix@-.service)")
            << int(State::Lagging) << QString() << false << false << qint64(40) << 3.26 << qint64(512)
            << QStringList{QStringLiteral("journal (postfix@-.service)"), QStringLiteral("catching up"),
                           QStringLiteral("40"), QStringLiteral("3.3 lines/s"), QStringLiteral("512 bytes")};
        QTest::newRow("needs the user")
            << QStringLiteral("ssh://admin@mx.example.org/var/log/mail.log")
            << QStringLiteral("admin@mx.example.org: /var/log/mail.log") << int(State::Stopped)
            << QStringLiteral("The host key of mx.example.org changed.") << true << false << qint64(0) << 0.0
            << qint64(0)
            << QStringList{QStringLiteral("admin@mx.example.org: /var/log/mail.log"),
                           QStringLiteral("⚠ stopped: The host key of mx.example.org changed."), QStringLiteral("0"),
                           QStringLiteral("–"), QStringLiteral("0 bytes")};
        QTest::newRow("connecting with a reason")
            << QStringLiteral("ssh://mx.example.org:2222/journal") << QStringLiteral("mx.example.org:2222: journal")
            << int(State::Connecting) << QStringLiteral("mx.example.org is unreachable; trying again in 8 s.")
            << false << false << qint64(10) << 4.0 << qint64(2048)
            << QStringList{QStringLiteral("mx.example.org:2222: journal"),
                           QStringLiteral("connecting: mx.example.org is unreachable; trying again in 8 s."),
                           QStringLiteral("10"), QStringLiteral("–"), QStringLiteral("2.0 KiB")};
        QTest::newRow("paused")
            << mailLog << mailLog << int(State::Stopped) << QString() << false << true << qint64(1234567) << 12.4
            << qint64(1572864)
            << QStringList{mailLog, QStringLiteral("paused"), QStringLiteral("1,234,567"), QStringLiteral("–"),
                           QStringLiteral("1.5 MiB")};
        QTest::newRow("no name: the spec")
            << QStringLiteral("journal") << QString() << int(State::Following) << QString() << false << false
            << qint64(0) << 0.0 << qint64(0)
            << QStringList{QStringLiteral("journal"), QStringLiteral("following"), QStringLiteral("0"),
                           QStringLiteral("0.0 lines/s"), QStringLiteral("0 bytes")};
    }

    void displayText()
    {
        QFETCH(QString, spec);
        QFETCH(QString, name);
        QFETCH(int, state);
        QFETCH(QString, reason);
        QFETCH(bool, needsUser);
        QFETCH(bool, paused);
        QFETCH(qint64, linesRead);
        QFETCH(double, rate);
        QFETCH(qint64, position);
        QFETCH(QStringList, texts);

        SourceManager::Status source = status(3, spec, name, State(state), reason);
        source.needsUser = needsUser;
        source.paused = paused;
        source.linesRead = linesRead;
        source.rate = rate;
        source.position = position;
        SourceListModel model;
        model.setSources({source});
        QCOMPARE(rowTexts(model, 0), texts);
        QCOMPARE(model.index(0, SourceListModel::SourceColumn).data(Qt::ToolTipRole).toString(), spec);
        QCOMPARE(model.index(0, 0).data(SourceListModel::IdRole).toLongLong(), 3);
        QCOMPARE(model.index(0, 0).data(SourceListModel::NeedsUserRole).toBool(), needsUser);
        QCOMPARE(model.index(0, 0).data(SourceListModel::PausedRole).toBool(), paused);
        QCOMPARE(SourceListModel::stateText(source), texts.at(SourceListModel::StateColumn));
    }

    void toolTips()
    {
        SourceListModel model;
        SourceManager::Status paused = journalSource();
        paused.paused = true;
        SourceManager::Status retrying = status(3, QStringLiteral("journal"), QStringLiteral("journal"),
                                                State::Connecting, QStringLiteral("journalctl is not installed."));
        model.setSources({sshSource(), paused, retrying, fileSource()});
        const auto tip = [&](int row, int column) { return model.index(row, column).data(Qt::ToolTipRole); };
        QCOMPARE(tip(0, SourceListModel::StateColumn).toString(),
                 QStringLiteral("The host key of mx.example.org changed.\n"
                                "MailTLS waits for you: fix this, then press Retry."));
        QCOMPARE(tip(1, SourceListModel::StateColumn).toString(),
                 QStringLiteral("Paused: nothing is read from this source until you resume it."));
        QCOMPARE(tip(2, SourceListModel::StateColumn).toString(), QStringLiteral("journalctl is not installed."));
        QCOMPARE(tip(3, SourceListModel::StateColumn), QVariant());
        QCOMPARE(tip(3, SourceListModel::PositionColumn).toString(), QStringLiteral("Read up to byte 1,572,864 of the log"));
        QCOMPARE(tip(3, SourceListModel::LinesColumn), QVariant());
    }

    void sortValues()
    {
        SourceListModel model;
        SourceManager::Status paused = fileSource();
        paused.id = 5;
        paused.paused = true;
        paused.state = State::Stopped;
        model.setSources({fileSource(), journalSource(), sshSource(), paused});
        const auto sortValue = [&](int row, int column) {
            return model.index(row, column).data(SourceListModel::SortRole);
        };
        QCOMPARE(sortValue(0, SourceListModel::SourceColumn).toString(), QStringLiteral("/var/log/mail.log"));
        // Attention first, then stopped, connecting, catching up, following, paused.
        QCOMPARE(sortValue(2, SourceListModel::StateColumn).toInt(), 0);
        QCOMPARE(sortValue(1, SourceListModel::StateColumn).toInt(), 3);
        QCOMPARE(sortValue(0, SourceListModel::StateColumn).toInt(), 4);
        QCOMPARE(sortValue(3, SourceListModel::StateColumn).toInt(), 5);
        QCOMPARE(sortValue(0, SourceListModel::LinesColumn).toLongLong(), 1234567);
        QCOMPARE(sortValue(1, SourceListModel::RateColumn).toDouble(), 3.26);
        QCOMPARE(sortValue(3, SourceListModel::RateColumn).toDouble(), -1.0);
        QCOMPARE(sortValue(0, SourceListModel::PositionColumn).toLongLong(), 1572864);
    }

    void headers()
    {
        SourceListModel model;
        QStringList titles;
        for (int column = 0; column < model.columnCount(); ++column)
            titles.append(model.headerData(column, Qt::Horizontal).toString());
        QCOMPARE(titles, (QStringList{QStringLiteral("Source"), QStringLiteral("State"), QStringLiteral("Lines read"),
                                      QStringLiteral("Rate"), QStringLiteral("Position")}));
        QCOMPARE(model.headerData(SourceListModel::RateColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Lines read per second lately"));
        QCOMPARE(model.headerData(0, Qt::Vertical), QVariant());
        QCOMPARE(model.headerData(SourceListModel::ColumnCount, Qt::Horizontal), QVariant());
    }

    void updateChangesOnlyItsRow()
    {
        SourceListModel model;
        model.setSources({fileSource(), journalSource(), sshSource()});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        SourceManager::Status caughtUp = journalSource();
        caughtUp.state = State::Following;
        caughtUp.linesRead = 41;
        model.updateSource(caughtUp);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(1, SourceListModel::ColumnCount - 1));
        QCOMPARE(rowTexts(model, 1).mid(1, 2), (QStringList{QStringLiteral("following"), QStringLiteral("41")}));

        model.updateSource(caughtUp);       // nothing new
        model.updateSource(status(99, QStringLiteral("journal"), QStringLiteral("journal")));   // no such row
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.size() + inserted.size() + removed.size() + layout.size(), 0);
    }

    void setSourcesKeepsRowsInPlace()
    {
        SourceListModel model;
        model.setSources({fileSource(), journalSource(), sshSource()});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // The journal is removed, the ssh source changes, a new source comes.
        SourceManager::Status retried = sshSource();
        retried.needsUser = false;
        retried.state = State::Connecting;
        retried.reason.clear();
        model.setSources({fileSource(), retried, status(8, QStringLiteral("journal"), QStringLiteral("journal"))});

        QCOMPARE(ids(model), (QList<qint64>{1, 7, 8}));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1, 0));
        QCOMPARE(model.index(1, SourceListModel::StateColumn).data().toString(), QStringLiteral("connecting"));
        QCOMPARE(model.rowOf(8), 2);
        QCOMPARE(model.rowOf(2), -1);
    }
};

QTEST_GUILESS_MAIN(TestSourceListModel)
#include "tst_sourcelistmodel.moc"
