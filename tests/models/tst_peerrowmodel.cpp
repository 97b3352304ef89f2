#include "models/itemmodels/peerrowmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/itemmodels/peerrowfilterproxymodel.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using mailtls::storetest::figures;

namespace {

constexpr qint64 day0 = storetest::day0;   // 2024-03-18 00:00:00 UTC
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;
const auto sub = Direction::Submission;

TlsCount count(const char *name, qint64 connections)
{
    return {QString::fromLatin1(name), connections};
}

PeerRow row(const PeerFigures &f, QList<TlsCount> protocols = {}, QList<TlsCount> ciphers = {},
            Trust worst = Trust::Unknown, Trust best = Trust::Unknown, std::optional<qint64> lastSeen = {})
{
    PeerRow r;
    r.figures = f;
    r.protocols = std::move(protocols);
    r.ciphers = std::move(ciphers);
    r.worstTrust = worst;
    r.bestTrust = best;
    r.lastSeen = lastSeen;
    return r;
}

// The rows of the known dashboard store (tst_dashboardfixture.h), and one
// peer with many cipher suites.
PeerRow alpha()
{
    return row(figures(in, QStringLiteral("mx.alpha.example"), 3, 2, 3500, 3000, 3, 2, 0),
               {count("TLSv1.2", 1), count("TLSv1.3", 1)},
               {count("ECDHE-RSA-AES128-GCM-SHA256", 1), count("TLS_AES_256_GCM_SHA384", 1)}, Trust::Trusted,
               Trust::Verified, day0 + day + 9 * hour);
}
PeerRow unnamed()
{
    return row(figures(in, QStringLiteral("203.0.113.9"), 0, 0, 0, 0, 1, 0, 1), {}, {}, Trust::Unknown,
               Trust::Unknown, day0 + day + 3 * hour + 5);
}
PeerRow beta()
{
    return row(figures(out, QStringLiteral("mail.beta.example"), 2, 1, 7000, 4000, 2, 1, 1), {count("TLSv1.2", 1)},
               {count("DHE-RSA-AES256-GCM-SHA384", 1)}, Trust::Untrusted, Trust::Untrusted,
               day0 + 2 * day + 8 * hour);
}
PeerRow gamma()
{
    return row(figures(sub, QStringLiteral("client.gamma.example"), 1, 1, 700, 700, 1, 1, 0), {count("", 1)},
               {count("", 1)}, Trust::Unknown, Trust::Unknown, day0 + 13 * hour);
}
PeerRow busy()
{
    PeerRow r = row(figures(out, QStringLiteral("mx.busy.example"), 120, 90, 5 * 1024 * 1024, 4 * 1024 * 1024, 40,
                            30, 4),
                    {count("TLSv1.3", 25), count("TLSv1.2", 5)},
                    {count("TLS_AES_256_GCM_SHA384", 20), count("ECDHE-RSA-AES256-GCM-SHA384", 5), count("", 3),
                     count("DHE-RSA-AES256-GCM-SHA384", 2)},
                    Trust::Anonymous, Trust::Verified, day0 + 5 * day + 30);
    r.lastProbe = PeerProbeVerdict{Verdict::Weak, day0 + 6 * day};
    return r;
}

QList<PeerRow> knownRows()
{
    return {alpha(), unnamed(), beta(), gamma(), busy()};
}

QList<PeerRow> figuresOnly(QList<PeerRow> rows)
{
    for (PeerRow &r : rows)
        r = row(r.figures);
    return rows;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList texts;
    for (int r = 0; r < model.rowCount(); ++r)
        texts << model.index(r, column).data(role).toString();
    return texts;
}

// Every signal a model can send about its rows.
struct ModelSpies
{
    explicit ModelSpies(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , changed(model, &QAbstractItemModel::dataChanged)
    {
    }

    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy layout;
    QSignalSpy changed;
};

QList<int> changedRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).value<QModelIndex>();
        const auto to = args.at(1).value<QModelIndex>();
        if (from.column() != 0 || to.column() != PeerRowModel::ColumnCount - 1)
            qWarning("dataChanged not over the whole row");
        for (int r = from.row(); r <= to.row(); ++r)
            rows << r;
    }
    return rows;
}

} // namespace

class TestPeerRowModel final : public QObject
{
    Q_OBJECT

private slots:
    void cells_data();
    void cells();
    void roles();
    void headers_data();
    void headers();
    void figuresFirst();
    void unchangedSendsNothing();
    void updatesInPlace();
    void grows();
    void reorders();
    void shrinks();
    void manyScatteredGoneRowsReset();
    void keepsDetailsOfShownRows();
    void search_data();
    void search();
    void sortsNumbers_data();
    void sortsNumbers();
    void shownRowsFollowTheView();
};

void TestPeerRowModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("sort");
    QTest::addColumn<QString>("toolTip");

    using M = PeerRowModel;
    const QString none;
    const QString reading = QStringLiteral("Still being read");
    QTest::newRow("alpha peer") << 0 << int(M::PeerColumn) << "mx.alpha.example"
                                << QVariant(QStringLiteral("mx.alpha.example"))
                                << "mx.alpha.example (Inbound): press Enter or double-click to open its details";
    QTest::newRow("alpha direction") << 0 << int(M::DirectionColumn) << "Inbound" << QVariant(0) << none;
    QTest::newRow("alpha messages") << 0 << int(M::MessagesColumn) << "3" << QVariant(qint64(3))
                                    << "2 of 3 messages encrypted, 1 plaintext";
    QTest::newRow("alpha share") << 0 << int(M::EncryptedShareColumn) << "66.7 %" << QVariant(2.0 / 3.0)
                                 << "2 of 3 messages encrypted, 1 plaintext";
    QTest::newRow("alpha bytes") << 0 << int(M::BytesColumn) << "3.4 KiB" << QVariant(qint64(3500))
                                 << "3,500 bytes, of which 3,000 encrypted";
    QTest::newRow("alpha connections") << 0 << int(M::ConnectionsColumn) << "3" << QVariant(qint64(3))
                                       << "3 connections, of which 2 encrypted";
    QTest::newRow("alpha failures") << 0 << int(M::TlsFailuresColumn) << "0" << QVariant(qint64(0)) << none;
    QTest::newRow("alpha protocols") << 0 << int(M::ProtocolsColumn) << "TLSv1.2, TLSv1.3"
                                     << QVariant(QStringLiteral("TLSv1.2, TLSv1.3"))
                                     << "TLSv1.2: 1 connections\nTLSv1.3: 1 connections";
    QTest::newRow("alpha trust") << 0 << int(M::TrustColumn) << "Trusted – Verified"
                                 << QVariant(int(Trust::Trusted) * 8 + int(Trust::Verified))
                                 << "The certificate was signed by a trusted authority; its name was not checked.\n"
                                    "The certificate was signed by a trusted authority and matched the peer's name.";
    QTest::newRow("alpha last seen") << 0 << int(M::LastSeenColumn) << "2024-03-19 09:00:00"
                                     << QVariant(day0 + day + 9 * hour) << "2024-03-19T09:00:00Z";

    QTest::newRow("no messages: share") << 1 << int(M::EncryptedShareColumn) << "–" << QVariant(-1.0)
                                        << "No messages in this range";
    QTest::newRow("no messages: bytes") << 1 << int(M::BytesColumn) << "0 bytes" << QVariant(qint64(0))
                                        << "0 bytes, of which 0 encrypted";
    QTest::newRow("no messages: failures")
        << 1 << int(M::TlsFailuresColumn) << "1" << QVariant(qint64(1))
        << "Failed attempts to set up TLS; the mail may have gone through in plaintext after them.";
    QTest::newRow("no TLS: protocols") << 1 << int(M::ProtocolsColumn) << "" << QVariant(QString())
                                       << "No encrypted connections";
    QTest::newRow("no TLS: trust") << 1 << int(M::TrustColumn) << "" << QVariant(0) << "No encrypted connections";
    QTest::newRow("no TLS: last seen") << 1 << int(M::LastSeenColumn) << "2024-03-19 03:00:05"
                                       << QVariant(day0 + day + 3 * hour + 5) << "2024-03-19T03:00:05Z";

    QTest::newRow("beta direction") << 2 << int(M::DirectionColumn) << "Outbound" << QVariant(1) << none;
    QTest::newRow("beta share") << 2 << int(M::EncryptedShareColumn) << "50.0 %" << QVariant(0.5)
                                << "1 of 2 messages encrypted, 1 plaintext";
    QTest::newRow("beta bytes") << 2 << int(M::BytesColumn) << "6.8 KiB" << QVariant(qint64(7000))
                                << "7,000 bytes, of which 4,000 encrypted";
    QTest::newRow("beta trust") << 2 << int(M::TrustColumn) << "Untrusted"
                                << QVariant(int(Trust::Untrusted) * 9)
                                << "The certificate was not signed by a trusted authority: encrypted, but the "
                                   "peer could be anyone.";

    QTest::newRow("gamma direction") << 3 << int(M::DirectionColumn) << "Submission" << QVariant(2) << none;
    QTest::newRow("gamma share") << 3 << int(M::EncryptedShareColumn) << "100.0 %" << QVariant(1.0)
                                 << "1 of 1 messages encrypted, 0 plaintext";
    QTest::newRow("gamma bytes") << 3 << int(M::BytesColumn) << "700 bytes" << QVariant(qint64(700))
                                 << "700 bytes, of which 700 encrypted";
    QTest::newRow("details not logged: protocols")
        << 3 << int(M::ProtocolsColumn) << "not logged" << QVariant(QStringLiteral("not logged"))
        << "not logged: 1 connections";
    QTest::newRow("details not logged: trust")
        << 3 << int(M::TrustColumn) << "not logged" << QVariant(0)
        << "The mail server did not log how far it trusted the certificate.";

    QTest::newRow("busy messages") << 4 << int(M::MessagesColumn) << "120" << QVariant(qint64(120))
                                   << "90 of 120 messages encrypted, 30 plaintext";
    QTest::newRow("busy bytes") << 4 << int(M::BytesColumn) << "5.0 MiB" << QVariant(qint64(5 * 1024 * 1024))
                                << "5,242,880 bytes, of which 4,194,304 encrypted";
    QTest::newRow("busy ciphers, most used first")
        << 4 << int(M::CiphersColumn)
        << "TLS_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, not logged, DHE-RSA-AES256-GCM-SHA384"
        << QVariant(QStringLiteral(
               "TLS_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, not logged, DHE-RSA-AES256-GCM-SHA384"))
        << "TLS_AES_256_GCM_SHA384: 20 connections\nECDHE-RSA-AES256-GCM-SHA384: 5 connections\n"
           "not logged: 3 connections\nDHE-RSA-AES256-GCM-SHA384: 2 connections";
    QTest::newRow("busy trust") << 4 << int(M::TrustColumn) << "Anonymous – Verified"
                                << QVariant(int(Trust::Anonymous) * 8 + int(Trust::Verified))
                                << "No certificate was presented (anonymous TLS): encrypted, but not authenticated.\n"
                                   "The certificate was signed by a trusted authority and matched the peer's name.";
    QTest::newRow("busy failures") << 4 << int(M::TlsFailuresColumn) << "4" << QVariant(qint64(4))
                                   << "Failed attempts to set up TLS; the mail may have gone through in plaintext "
                                      "after them.";
    QTest::newRow("busy last seen") << 4 << int(M::LastSeenColumn) << "2024-03-23 00:00:30"
                                    << QVariant(day0 + 5 * day + 30) << "2024-03-23T00:00:30Z";
    QTest::newRow("busy last probe")
        << 4 << int(M::LastProbeColumn) << "Weak" << QVariant(int(Verdict::Weak))
        << "Weak (probed 2024-03-24 00:00:00)\nIts mail servers offer STARTTLS, but with weaknesses (small "
           "Diffie-Hellman group, old TLS versions, certificate problems)";
    QTest::newRow("never probed") << 0 << int(M::LastProbeColumn) << "" << QVariant(-1)
                                  << "Never probed: use Probe to ask its mail servers what they offer";

    // The TLS columns wait for the second step.
    QTest::newRow("figures only: messages") << 5 << int(M::MessagesColumn) << "3" << QVariant(qint64(3))
                                            << "2 of 3 messages encrypted, 1 plaintext";
    QTest::newRow("figures only: ciphers") << 5 << int(M::CiphersColumn) << "" << QVariant(QString()) << reading;
    QTest::newRow("figures only: trust") << 5 << int(M::TrustColumn) << "" << QVariant(0) << reading;
    QTest::newRow("figures only: last seen") << 5 << int(M::LastSeenColumn) << "" << QVariant(qint64(-1))
                                             << reading;
}

void TestPeerRowModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, sort);
    QFETCH(QString, toolTip);

    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    // A peer the first step of a live refresh brings: its TLS columns are not
    // read yet, while the rows shown before keep theirs.
    PeerRow newcomer = alpha();
    newcomer.figures.peer = QStringLiteral("mx2.alpha.example");
    model.setRows(figuresOnly(knownRows() << newcomer), PeerColumns::Figures, true);
    QCOMPARE(model.rowCount(), 6);

    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
    const QVariant value = index.data(PeerRowModel::SortRole);
    QCOMPARE(value.metaType(), sort.metaType());
    QCOMPARE(value, sort);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), toolTip);
}

void TestPeerRowModel::roles()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);

    for (int c = 0; c < PeerRowModel::ColumnCount; ++c) {
        QCOMPARE(model.index(2, c).data(PeerRowModel::PeerRole).toString(), QStringLiteral("mail.beta.example"));
        QCOMPARE(model.index(2, c).data(PeerRowModel::DirectionRole).toInt(), int(Direction::Outbound));
        const bool number = c >= PeerRowModel::MessagesColumn && c <= PeerRowModel::TlsFailuresColumn;
        const auto alignment = model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(alignment, (number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole).isValid(), number);
    }
    QCOMPARE(model.index(0, 0).data(PeerRowModel::EncryptedShareRole), QVariant(2.0 / 3.0));
    QCOMPARE(model.index(2, 0).data(PeerRowModel::EncryptedShareRole), QVariant(0.5));
    QVERIFY(!model.index(1, 0).data(PeerRowModel::EncryptedShareRole).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical, Qt::DisplayRole).isValid());
    QCOMPARE(model.find(Direction::Outbound, QStringLiteral("mx.busy.example")), 4);
    QCOMPARE(model.find(Direction::Inbound, QStringLiteral("mx.busy.example")), -1);
    QCOMPARE(model.rows().size(), 5);
    QCOMPARE(model.rows().at(3).figures, gamma().figures);
}

void TestPeerRowModel::headers_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("toolTip");

    using M = PeerRowModel;
    QTest::newRow("peer") << int(M::PeerColumn) << "Peer"
                          << "The mail server (host name, or its address when it has none), or its registrable "
                             "domain when peers are grouped by domain";
    QTest::newRow("direction") << int(M::DirectionColumn) << "Direction"
                               << "Inbound: mail it sent to us; outbound: mail we sent to it; submission: mail our "
                                  "users handed in";
    QTest::newRow("messages") << int(M::MessagesColumn) << "Messages"
                              << "Messages that crossed the wire between us and this peer";
    QTest::newRow("share") << int(M::EncryptedShareColumn) << "Encrypted %"
                           << "Share of those messages that crossed the wire encrypted";
    QTest::newRow("bytes") << int(M::BytesColumn) << "Bytes" << "Size of those messages";
    QTest::newRow("connections") << int(M::ConnectionsColumn) << "Connections" << "SMTP connections with this peer";
    QTest::newRow("failures") << int(M::TlsFailuresColumn) << "TLS failures"
                              << "Failed attempts to set up TLS with this peer";
    QTest::newRow("protocols") << int(M::ProtocolsColumn) << "TLS versions"
                               << "TLS versions of its encrypted connections, most used first";
    QTest::newRow("ciphers") << int(M::CiphersColumn) << "Cipher suites"
                             << "Cipher suites of its encrypted connections, most used first; the tooltip counts "
                                "each";
    QTest::newRow("trust") << int(M::TrustColumn) << "Trust"
                           << "How far its certificates were trusted, from the worst to the best seen";
    QTest::newRow("last seen") << int(M::LastSeenColumn) << "Last seen"
                               << "When it was last on the wire in this range (local time; the tooltip gives UTC)";
    QTest::newRow("last probe") << int(M::LastProbeColumn) << "Last probe"
                                << "The verdict of the last probe of its mail servers, when it was probed";
}

void TestPeerRowModel::headers()
{
    QFETCH(int, section);
    QFETCH(QString, title);
    QFETCH(QString, toolTip);

    PeerRowModel model;
    QCOMPARE(model.columnCount(), int(PeerRowModel::ColumnCount));
    QCOMPARE(model.headerData(section, Qt::Horizontal, Qt::DisplayRole).toString(), title);
    QCOMPARE(model.headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString(), toolTip);
}

void TestPeerRowModel::figuresFirst()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(figuresOnly(knownRows()), PeerColumns::Figures);
    QCOMPARE(column(model, PeerRowModel::MessagesColumn), strings({"3", "0", "2", "1", "120"}));
    QCOMPARE(column(model, PeerRowModel::CiphersColumn), strings({"", "", "", "", ""}));
    QCOMPARE(column(model, PeerRowModel::LastSeenColumn), strings({"", "", "", "", ""}));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(!model.hasDetails(r));

    ModelSpies spies(&model);
    model.setRows(knownRows(), PeerColumns::Everything);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(spies.moved.size(), 0);
    QCOMPARE(changedRows(spies.changed), QList<int>({0, 1, 2, 3, 4}));
    QCOMPARE(column(model, PeerRowModel::ProtocolsColumn),
             strings({"TLSv1.2, TLSv1.3", "", "TLSv1.2", "not logged", "TLSv1.3, TLSv1.2"}));
    QCOMPARE(column(model, PeerRowModel::TrustColumn),
             strings({"Trusted – Verified", "", "Untrusted", "not logged", "Anonymous – Verified"}));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.hasDetails(r));
}

void TestPeerRowModel::unchangedSendsNothing()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    ModelSpies spies(&model);
    model.setRows(knownRows(), PeerColumns::Everything);
    QCOMPARE(spies.reset.size() + spies.inserted.size() + spies.removed.size() + spies.moved.size()
                 + spies.layout.size() + spies.changed.size(),
             0);
}

void TestPeerRowModel::updatesInPlace()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    const QPersistentModelIndex betaIndex = model.index(2, PeerRowModel::MessagesColumn);

    QList<PeerRow> rows = knownRows();
    rows[2].figures.messages = 3;
    rows[2].figures.plaintextMessages = 2;
    rows[2].figures.bytes = 7500;
    ModelSpies spies(&model);
    model.setRows(rows, PeerColumns::Everything);

    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(spies.moved.size(), 0);
    QCOMPARE(spies.layout.size(), 0);
    QCOMPARE(changedRows(spies.changed), QList<int>{2});
    QCOMPARE(betaIndex.row(), 2);
    QCOMPARE(betaIndex.data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(2, PeerRowModel::EncryptedShareColumn).data().toString(), QStringLiteral("33.3 %"));
    QCOMPARE(model.index(2, PeerRowModel::BytesColumn).data().toString(), QStringLiteral("7.3 KiB"));
}

void TestPeerRowModel::grows()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    const QPersistentModelIndex betaIndex = model.index(2, 0);

    QList<PeerRow> rows = knownRows();
    rows.insert(1, row(figures(in, QStringLiteral("mx.new.example"), 1, 1, 100, 100, 1, 1, 0),
                       {count("TLSv1.3", 1)}, {count("TLS_AES_128_GCM_SHA256", 1)}, Trust::Verified,
                       Trust::Verified, day0 + 6 * day));
    ModelSpies spies(&model);
    model.setRows(rows, PeerColumns::Everything);

    // Inserted at the end, then put where the query has it.
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 5);
    QCOMPARE(spies.layout.size(), 1);
    QCOMPARE(spies.changed.size(), 0);
    QCOMPARE(betaIndex.row(), 3);
    QCOMPARE(column(model, PeerRowModel::PeerColumn),
             strings({"mx.alpha.example", "mx.new.example", "203.0.113.9", "mail.beta.example",
                          "client.gamma.example", "mx.busy.example"}));

    // Appended where the query has it too: no layout change.
    rows << row(figures(sub, QStringLiteral("laptop.example"), 1, 1, 10, 10, 1, 1, 0));
    model.setRows(rows, PeerColumns::Everything);
    QCOMPARE(spies.inserted.size(), 2);
    QCOMPARE(spies.layout.size(), 1);
}

void TestPeerRowModel::reorders()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    const QPersistentModelIndex alphaIndex = model.index(0, 0);

    ModelSpies spies(&model);
    model.setRows({beta(), alpha(), unnamed(), gamma(), busy()}, PeerColumns::Everything);

    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(spies.moved.size(), 0);
    QCOMPARE(spies.layout.size(), 1);
    QCOMPARE(spies.changed.size(), 0);
    QCOMPARE(alphaIndex.row(), 1);
    QCOMPARE(column(model, PeerRowModel::PeerColumn),
             strings({"mail.beta.example", "mx.alpha.example", "203.0.113.9", "client.gamma.example",
                          "mx.busy.example"}));
}

void TestPeerRowModel::shrinks()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    const QPersistentModelIndex gammaIndex = model.index(3, 0);

    ModelSpies spies(&model);
    QList<PeerRow> rows{alpha(), beta(), gamma(), busy()};
    rows[1].figures.tlsFailures = 2;
    model.setRows(rows, PeerColumns::Everything);

    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(1).toInt(), 1);
    QCOMPARE(spies.removed.at(0).at(2).toInt(), 1);
    QCOMPARE(changedRows(spies.changed), QList<int>{1});
    QCOMPARE(spies.layout.size(), 0);
    QCOMPARE(gammaIndex.row(), 2);
    QCOMPARE(column(model, PeerRowModel::TlsFailuresColumn), strings({"0", "2", "0", "4"}));

    // Nothing left: a reset, as from nothing.
    model.clear();
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestPeerRowModel::manyScatteredGoneRowsReset()
{
    QList<PeerRow> rows;
    for (int i = 0; i < 40; ++i)
        rows << row(figures(out, QStringLiteral("mx%1.example").arg(i), 40 - i, 0, 100, 0, 1, 0, 0));
    QList<PeerRow> even;
    for (int i = 0; i < 40; i += 2)
        even << rows.at(i);

    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(rows, PeerColumns::Figures);
    ModelSpies spies(&model);
    // Twenty runs of one row each: more than sixteen, a reset.
    model.setRows(even, PeerColumns::Figures);
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.rowAt(19).figures.peer, QStringLiteral("mx38.example"));

    // Sixteen runs are still removed one by one.
    model.setRows(rows, PeerColumns::Figures);
    spies.reset.clear();
    QList<PeerRow> fewer = rows;
    for (int i = 31; i >= 1; i -= 2)
        fewer.removeAt(i);
    QCOMPARE(fewer.size(), 24);
    model.setRows(fewer, PeerColumns::Figures);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.removed.size(), 16);
    QCOMPARE(model.rows().size(), 24);
    for (int i = 0; i < fewer.size(); ++i)
        QCOMPARE(model.rowAt(i).figures.peer, fewer.at(i).figures.peer);
}

void TestPeerRowModel::keepsDetailsOfShownRows()
{
    PeerRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);

    QList<PeerRow> rows = figuresOnly(knownRows());
    rows[0].figures.messages = 4;
    rows[0].figures.plaintextMessages = 2;
    rows << row(figures(out, QStringLiteral("mx.new.example"), 1, 0, 100, 0, 1, 0, 0));
    ModelSpies spies(&model);
    model.setRows(rows, PeerColumns::Figures, true);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(changedRows(spies.changed), QList<int>{0});
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(column(model, PeerRowModel::MessagesColumn), strings({"4", "0", "2", "1", "120", "1"}));
    QCOMPARE(column(model, PeerRowModel::CiphersColumn),
             strings({"ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_256_GCM_SHA384", "", "DHE-RSA-AES256-GCM-SHA384",
                          "not logged",
                          "TLS_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, not logged, "
                          "DHE-RSA-AES256-GCM-SHA384",
                          ""}));
    QVERIFY(model.hasDetails(0));
    QVERIFY(!model.hasDetails(5));
    QCOMPARE(model.rowAt(0).lastSeen, alpha().lastSeen);

    // Another view's figures do not borrow this one's details.
    model.setRows(rows, PeerColumns::Figures, false);
    QCOMPARE(column(model, PeerRowModel::CiphersColumn), strings({"", "", "", "", "", ""}));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(!model.hasDetails(r));
}

void TestPeerRowModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("peers");

    QTest::newRow("everything") << QString()
                                << strings({"mx.alpha.example", "203.0.113.9", "mail.beta.example",
                                                "client.gamma.example", "mx.busy.example"});
    QTest::newRow("part of a name") << QStringLiteral("beta") << strings({"mail.beta.example"});
    QTest::newRow("any case, blanks around") << QStringLiteral("  ALPHA ") << strings({"mx.alpha.example"});
    QTest::newRow("an address") << QStringLiteral("113.9") << strings({"203.0.113.9"});
    QTest::newRow("several") << QStringLiteral("mx.")
                             << strings({"mx.alpha.example", "mx.busy.example"});
    QTest::newRow("no peer") << QStringLiteral("zzz") << QStringList();
}

void TestPeerRowModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, peers);

    PeerRowModel model;
    PeerRowFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    proxy.setSearchText(text);
    QCOMPARE(proxy.searchText(), text.trimmed());
    QCOMPARE(column(proxy, PeerRowModel::PeerColumn), peers);

    // Live rows are searched as they arrive.
    QList<PeerRow> rows = knownRows();
    rows << row(figures(in, QStringLiteral("beta-alpha.mx.example"), 1, 0, 10, 0, 1, 0, 0));
    model.setRows(rows, PeerColumns::Everything);
    const bool matches = QStringLiteral("beta-alpha.mx.example").contains(text.trimmed(), Qt::CaseInsensitive);
    QCOMPARE(proxy.rowCount(), int(peers.size()) + (matches ? 1 : 0));
}

void TestPeerRowModel::sortsNumbers_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("peers");

    using M = PeerRowModel;
    // Text would put "120" before "2", and "700 bytes" above "6.8 KiB".
    QTest::newRow("messages, ascending")
        << int(M::MessagesColumn) << int(Qt::AscendingOrder)
        << strings({"203.0.113.9", "client.gamma.example", "mail.beta.example", "mx.alpha.example",
                        "mx.busy.example"});
    QTest::newRow("bytes, descending")
        << int(M::BytesColumn) << int(Qt::DescendingOrder)
        << strings({"mx.busy.example", "mail.beta.example", "mx.alpha.example", "client.gamma.example",
                        "203.0.113.9"});
    QTest::newRow("share, ascending: no messages first")
        << int(M::EncryptedShareColumn) << int(Qt::AscendingOrder)
        << strings({"203.0.113.9", "mail.beta.example", "mx.alpha.example", "mx.busy.example",
                        "client.gamma.example"});
    QTest::newRow("failures, descending; ties keep the query's order")
        << int(M::TlsFailuresColumn) << int(Qt::DescendingOrder)
        << strings({"mx.busy.example", "203.0.113.9", "mail.beta.example", "mx.alpha.example",
                        "client.gamma.example"});
    QTest::newRow("trust, ascending: worst first")
        << int(M::TrustColumn) << int(Qt::AscendingOrder)
        << strings({"203.0.113.9", "client.gamma.example", "mx.busy.example", "mail.beta.example",
                        "mx.alpha.example"});
    QTest::newRow("last seen, descending")
        << int(M::LastSeenColumn) << int(Qt::DescendingOrder)
        << strings({"mx.busy.example", "mail.beta.example", "mx.alpha.example", "203.0.113.9",
                        "client.gamma.example"});
    QTest::newRow("direction, ascending")
        << int(M::DirectionColumn) << int(Qt::AscendingOrder)
        << strings({"mx.alpha.example", "203.0.113.9", "mail.beta.example", "mx.busy.example",
                        "client.gamma.example"});
    QTest::newRow("peer, ascending")
        << int(M::PeerColumn) << int(Qt::AscendingOrder)
        << strings({"203.0.113.9", "client.gamma.example", "mail.beta.example", "mx.alpha.example",
                        "mx.busy.example"});
    QTest::newRow("unsorted: the query's order")
        << -1 << int(Qt::AscendingOrder)
        << strings({"mx.alpha.example", "203.0.113.9", "mail.beta.example", "client.gamma.example",
                        "mx.busy.example"});
}

void TestPeerRowModel::sortsNumbers()
{
    QFETCH(int, section);
    QFETCH(int, order);
    QFETCH(QStringList, peers);

    PeerRowModel model;
    PeerRowFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(knownRows(), PeerColumns::Everything);
    proxy.sort(section, Qt::SortOrder(order));
    QCOMPARE(column(proxy, PeerRowModel::PeerColumn), peers);
}

void TestPeerRowModel::shownRowsFollowTheView()
{
    PeerRowModel model;
    PeerRowFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setRows(knownRows(), PeerColumns::Everything);
    proxy.sort(PeerRowModel::MessagesColumn, Qt::DescendingOrder);
    proxy.setSearchText(QStringLiteral("example"));

    QStringList peers;
    const QList<PeerRow> shown = proxy.shownRows();
    for (const PeerRow &r : shown)
        peers << r.figures.peer;
    QCOMPARE(peers, strings({"mx.busy.example", "mx.alpha.example", "mail.beta.example", "client.gamma.example"}));
    QCOMPARE(shown.at(1).ciphers, alpha().ciphers);
    QCOMPARE(shown.at(1).lastSeen, alpha().lastSeen);

    QCOMPARE(PeerRowModel::trustRange(Trust::Unknown, Trust::Unknown), QString());
    QCOMPARE(PeerRowModel::trustRange(Trust::Verified, Trust::Verified), QStringLiteral("Verified"));
    QCOMPARE(PeerRowModel::trustRange(Trust::Untrusted, Trust::Trusted), QStringLiteral("Untrusted – Trusted"));
}

QTEST_GUILESS_MAIN(TestPeerRowModel)
#include "tst_peerrowmodel.moc"
