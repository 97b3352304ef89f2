#include "models/itemmodels/tlssharemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mailtls;

namespace {

using Parameter = TlsShareModel::Parameter;
using Strength = TlsShareModel::Strength;

TlsShare share(const char *name, qint64 connections, qint64 peers)
{
    return {QString::fromLatin1(name), connections, peers};
}

// The fixture store's protocol versions (tst_dashboardtls): 5 encrypted connections.
const QList<TlsShare> protocols = {share("TLSv1.2", 2, 2), share("TLSv1.3", 2, 2), share("", 1, 1)};

} // namespace

class TestTlsShareModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        TlsShareModel model(Parameter::Protocol);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setShares(protocols, 5);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(TlsShareModel::ColumnCount));
        model.setShares({}, 0);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 2);
    }

    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QVariant>("sort");
        QTest::newRow("name") << 0 << int(TlsShareModel::NameColumn) << QStringLiteral("TLSv1.2")
                              << QVariant(QStringLiteral("TLSv1.2"));
        QTest::newRow("not logged") << 2 << int(TlsShareModel::NameColumn) << QStringLiteral("(not logged)")
                                    << QVariant(QString());
        QTest::newRow("connections") << 1 << int(TlsShareModel::ConnectionsColumn) << QStringLiteral("2")
                                     << QVariant(qint64(2));
        QTest::newRow("share") << 0 << int(TlsShareModel::ShareColumn) << QStringLiteral("40.0 %") << QVariant(0.4);
        QTest::newRow("small share") << 2 << int(TlsShareModel::ShareColumn) << QStringLiteral("20.0 %")
                                     << QVariant(0.2);
        QTest::newRow("peers") << 2 << int(TlsShareModel::PeersColumn) << QStringLiteral("1") << QVariant(qint64(1));
    }

    void cells()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QVariant, sort);
        TlsShareModel model(Parameter::Protocol);
        model.setShares(protocols, 5);
        const QModelIndex index = model.index(row, column);
        QCOMPARE(index.data().toString(), display);
        QCOMPARE(index.data(TlsShareModel::SortRole), sort);
        QCOMPARE(index.data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 column == TlsShareModel::NameColumn ? (Qt::AlignLeft | Qt::AlignVCenter)
                                                     : (Qt::AlignRight | Qt::AlignVCenter));
    }

    void summaries()
    {
        TlsShareModel model(Parameter::Protocol);
        model.setShares(protocols, 5);
        QCOMPARE(model.summary(0), QStringLiteral("TLSv1.2: 2 of 5 encrypted connections (40.0 %); peers: 2"));
        QCOMPARE(model.summary(2), QStringLiteral("(not logged): 1 of 5 encrypted connections (20.0 %); peers: 1"));
        QCOMPARE(model.index(1, TlsShareModel::PeersColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("TLSv1.3: 2 of 5 encrypted connections (40.0 %); peers: 2"));
        QCOMPARE(model.index(0, TlsShareModel::NameColumn).data(TlsShareModel::StrengthRole).toInt(),
                 int(Strength::Current));
        QCOMPARE(model.index(2, TlsShareModel::NameColumn).data(TlsShareModel::StrengthRole).toInt(),
                 int(Strength::Other));

        // Nothing encrypted: no share to give.
        model.setShares({share("TLSv1", 0, 0)}, 0);
        QCOMPARE(model.index(0, TlsShareModel::ShareColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(0, TlsShareModel::ShareColumn).data(TlsShareModel::SortRole).toDouble(), -1.0);
    }

    void headers()
    {
        TlsShareModel ciphers(Parameter::Cipher);
        QCOMPARE(ciphers.headerData(TlsShareModel::NameColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Cipher suite"));
        QCOMPARE(ciphers.headerData(TlsShareModel::ShareColumn, Qt::Horizontal).toString(), QStringLiteral("Share"));
        QCOMPARE(ciphers.headerData(TlsShareModel::PeersColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Peers that used it, each direction counted apart"));
        QCOMPARE(ciphers.headerData(0, Qt::Vertical), QVariant());
        QCOMPARE(ciphers.headerData(TlsShareModel::ColumnCount, Qt::Horizontal), QVariant());
        QCOMPARE(TlsShareModel(Parameter::KeyExchange).parameterTitle(), QStringLiteral("Key exchange"));
        QCOMPARE(TlsShareModel(Parameter::Protocol).strengthTitle(Strength::Weak),
                 QStringLiteral("Outdated (TLS 1.0, 1.1, SSL)"));
    }

    void strength_data()
    {
        QTest::addColumn<Parameter>("parameter");
        QTest::addColumn<QString>("name");
        QTest::addColumn<Strength>("strength");
        const auto row = [](const char *tag, Parameter p, const char *name, Strength s) {
            QTest::newRow(tag) << p << QString::fromLatin1(name) << s;
        };
        row("TLS 1.3", Parameter::Protocol, "TLSv1.3", Strength::Current);
        row("TLS 1.2", Parameter::Protocol, "TLSv1.2", Strength::Current);
        row("TLS 1.1", Parameter::Protocol, "TLSv1.1", Strength::Weak);
        row("TLS 1.0", Parameter::Protocol, "TLSv1", Strength::Weak);
        row("SSL 3", Parameter::Protocol, "SSLv3", Strength::Weak);
        row("protocol not logged", Parameter::Protocol, "", Strength::Other);
        row("unknown protocol", Parameter::Protocol, "DTLSv1.2", Strength::Other);

        row("TLS 1.3 suite", Parameter::Cipher, "TLS_AES_256_GCM_SHA384", Strength::Current);
        row("TLS 1.3 ChaCha", Parameter::Cipher, "TLS_CHACHA20_POLY1305_SHA256", Strength::Current);
        row("ECDHE GCM", Parameter::Cipher, "ECDHE-RSA-AES128-GCM-SHA256", Strength::Current);
        row("ECDHE ChaCha", Parameter::Cipher, "ECDHE-ECDSA-CHACHA20-POLY1305", Strength::Current);
        row("IANA ECDHE GCM", Parameter::Cipher, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", Strength::Current);
        row("ECDHE CBC", Parameter::Cipher, "ECDHE-RSA-AES256-SHA384", Strength::Other);
        row("DHE GCM: group unknown", Parameter::Cipher, "DHE-RSA-AES256-GCM-SHA384", Strength::Other);
        row("anonymous ECDH", Parameter::Cipher, "AECDH-AES256-SHA", Strength::Other);
        row("static RSA", Parameter::Cipher, "AES128-GCM-SHA256", Strength::Other);
        row("RC4", Parameter::Cipher, "RC4-SHA", Strength::Weak);
        row("3DES", Parameter::Cipher, "EDH-RSA-DES-CBC3-SHA", Strength::Weak);
        row("IANA 3DES", Parameter::Cipher, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", Strength::Weak);
        row("export", Parameter::Cipher, "EXP-RC2-CBC-MD5", Strength::Weak);
        row("NULL", Parameter::Cipher, "NULL-SHA256", Strength::Weak);
        row("cipher not logged", Parameter::Cipher, "", Strength::Other);

        row("X25519", Parameter::KeyExchange, "X25519", Strength::Current);
        row("hybrid", Parameter::KeyExchange, "X25519MLKEM768", Strength::Current);
        row("P-384", Parameter::KeyExchange, "secp384r1", Strength::Current);
        row("prime256v1", Parameter::KeyExchange, "prime256v1", Strength::Current);
        row("ffdhe4096", Parameter::KeyExchange, "ffdhe4096", Strength::Current);
        row("ffdhe2048", Parameter::KeyExchange, "ffdhe2048", Strength::Other);
        row("ffdhe1024", Parameter::KeyExchange, "ffdhe1024", Strength::Weak);
        row("DHE of unknown size", Parameter::KeyExchange, "DHE", Strength::Other);
        row("key exchange not logged", Parameter::KeyExchange, "", Strength::Other);
    }

    void strength()
    {
        QFETCH(Parameter, parameter);
        QFETCH(QString, name);
        QFETCH(Strength, strength);
        QCOMPARE(TlsShareModel::strengthOf(parameter, name), strength);
    }
};

QTEST_GUILESS_MAIN(TestTlsShareModel)
#include "tst_tlssharemodel.moc"
