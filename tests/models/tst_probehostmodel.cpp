#include "models/itemmodels/probehostmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mailtls;

namespace {

// RFC 2409's second Oakley group: the widely shared 1024-bit prime.
const QByteArray oakley2 = QByteArray::fromHex(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF");

SmtpSessionResult session(TlsProfile profile, bool established)
{
    SmtpSessionResult s;
    s.profile = profile;
    s.outcome = SessionOutcome::Completed;
    s.startTlsAdvertised = true;
    s.tlsAttempted = true;
    s.tls.established = established;
    if (!established)
        s.tls.error = QStringLiteral("unsupported protocol");
    return s;
}

AddressProbeResult goodAddress()
{
    AddressProbeResult a;
    a.mxName = QStringLiteral("mx1.example.test");
    a.address = QHostAddress(QStringLiteral("192.0.2.10"));
    a.probedAt = QDateTime(QDate(2024, 3, 18), QTime(10, 0), Qt::UTC);

    SmtpSessionResult primary = session(TlsProfile::Default, true);
    primary.tls.protocol = QStringLiteral("TLSv1.3");
    primary.tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    primary.tls.keyExchange = QStringLiteral("ECDHE");
    primary.tls.group = QStringLiteral("X25519");
    primary.tls.keyExchangeBits = 253;
    CertificateInfo leaf;
    leaf.subject = QStringLiteral("CN=mx1.example.test");
    leaf.subjectAltNames = {QStringLiteral("mx1.example.test"), QStringLiteral("mail.example.test")};
    leaf.issuer = QStringLiteral("CN=Example Test CA");
    leaf.notAfter = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    primary.tls.chain = {leaf};
    primary.tls.certificateVerified = true;
    primary.tls.nameMatches = true;

    SmtpSessionResult dhe = session(TlsProfile::DheOnly, true);
    dhe.tls.keyExchange = QStringLiteral("DHE");
    dhe.tls.keyExchangeBits = 1024;
    dhe.tls.dhPrime = oakley2;

    a.sessions = {primary,
                  dhe,
                  session(TlsProfile::OnlyTls10, false),
                  session(TlsProfile::OnlyTls11, false),
                  session(TlsProfile::OnlyTls12, true),
                  session(TlsProfile::OnlyTls13, true)};
    return a;
}

AddressProbeResult plaintextAddress()
{
    AddressProbeResult a;
    a.mxName = QStringLiteral("mx2.example.test");
    a.address = QHostAddress(QStringLiteral("2001:db8::25"));
    a.port = 2525;
    SmtpSessionResult s;
    s.outcome = SessionOutcome::Completed;
    s.ehlo = {QStringLiteral("mx2.example.test"), QStringLiteral("PIPELINING")};
    a.sessions = {s};
    return a;
}

AddressProbeResult refusedAddress()
{
    AddressProbeResult a;
    a.mxName = QStringLiteral("mx3.example.test");
    a.address = QHostAddress(QStringLiteral("192.0.2.30"));
    SmtpSessionResult s;
    s.outcome = SessionOutcome::ConnectFailed;
    s.stoppedAt = ProbeStep::Connect;
    s.detail = QStringLiteral("Connection refused");
    a.sessions = {s};
    a.fromCache = true;
    return a;
}

ProbeReport report()
{
    ProbeReport r;
    r.target.name = QStringLiteral("example.test");
    MxHost mx1 {QStringLiteral("mx1.example.test"), 10, {QHostAddress(QStringLiteral("192.0.2.10"))}, QString()};
    MxHost mx2 {QStringLiteral("mx2.example.test"), 20, {QHostAddress(QStringLiteral("2001:db8::25"))}, QString()};
    MxHost mx3 {QStringLiteral("mx3.example.test"), 30, {QHostAddress(QStringLiteral("192.0.2.30"))}, QString()};
    MxHost mx4 {QStringLiteral("mx4.example.test"), 40, {}, QStringLiteral("NXDOMAIN")};
    r.mx.hosts = {mx1, mx2, mx3, mx4};
    r.addresses = {goodAddress(), plaintextAddress(), refusedAddress()};
    r.hostVerdicts
        = {{QStringLiteral("mx1.example.test"), QHostAddress(QStringLiteral("192.0.2.10")), Verdict::Weak},
           {QStringLiteral("mx2.example.test"), QHostAddress(QStringLiteral("2001:db8::25")), Verdict::NoTls},
           {QStringLiteral("mx3.example.test"), QHostAddress(QStringLiteral("192.0.2.30")), Verdict::Unreachable}};
    r.verdict = Verdict::NoTls;
    return r;
}

QStringList rowTexts(const ProbeHostModel &model, int row)
{
    QStringList texts;
    for (int c = 0; c < model.columnCount(); ++c)
        texts << model.index(row, c).data().toString();
    return texts;
}

} // namespace

class TestProbeHostModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        ProbeHostModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report());
        QCOMPARE(model.rowCount(), 4);
        ProbeReport one;
        one.addresses = {plaintextAddress()};
        model.setReport(one);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setReport(report());
    }

    void headers()
    {
        ProbeHostModel model;
        QStringList titles;
        for (int s = 0; s < model.columnCount(); ++s)
            titles << model.headerData(s, Qt::Horizontal).toString();
        QCOMPARE(
            titles,
            (QStringList {QStringLiteral("MX host"), QStringLiteral("Address"), QStringLiteral("Verdict"),
                          QStringLiteral("Protocol"), QStringLiteral("Cipher suite"), QStringLiteral("Key exchange"),
                          QStringLiteral("DH group"), QStringLiteral("TLS versions"), QStringLiteral("Certificate"),
                          QStringLiteral("Expires"), QStringLiteral("Verified")}));
        for (int s = 0; s < model.columnCount(); ++s)
            QVERIFY(!model.headerData(s, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.headerData(ProbeHostModel::ColumnCount, Qt::Horizontal), QVariant());
    }

    void rowsOfEachKind_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<int>("verdict");
        QTest::newRow("weak: TLS 1.3, a 1024-bit shared DH group")
            << 0
            << QStringList {QStringLiteral("mx1.example.test"),
                            QStringLiteral("192.0.2.10"),
                            QStringLiteral("Weak"),
                            QStringLiteral("TLSv1.3"),
                            QStringLiteral("TLS_AES_256_GCM_SHA384"),
                            QStringLiteral("ECDHE (X25519)"),
                            QStringLiteral("1024 bits (RFC 2409 Oakley group 2)"),
                            QStringLiteral("1.2, 1.3"),
                            QStringLiteral("CN=mx1.example.test"),
                            QStringLiteral("2030-01-02"),
                            QStringLiteral("Verified")}
            << int(Verdict::Weak);
        QTest::newRow("no STARTTLS, IPv6 on its own port") << 1
                                                           << QStringList {QStringLiteral("mx2.example.test"),
                                                                           QStringLiteral("[2001:db8::25]:2525"),
                                                                           QStringLiteral("No TLS"),
                                                                           QStringLiteral("Plaintext"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–"),
                                                                           QStringLiteral("–")}
                                                           << int(Verdict::NoTls);
        QTest::newRow("connection refused") << 2
                                            << QStringList {QStringLiteral("mx3.example.test"),
                                                            QStringLiteral("192.0.2.30"),
                                                            QStringLiteral("Unreachable"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–"),
                                                            QStringLiteral("–")}
                                            << int(Verdict::Unreachable);
        QTest::newRow("an MX host without an address") << 3
                                                       << QStringList {QStringLiteral("mx4.example.test"),
                                                                       QStringLiteral("no address"),
                                                                       QStringLiteral("Unreachable"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–"),
                                                                       QStringLiteral("–")}
                                                       << int(Verdict::Unreachable);
    }

    void rowsOfEachKind()
    {
        QFETCH(int, row);
        QFETCH(QStringList, texts);
        QFETCH(int, verdict);
        ProbeHostModel model;
        model.setReport(report());
        QCOMPARE(rowTexts(model, row), texts);
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(model.index(row, c).data(ProbeHostModel::VerdictRole).toInt(), verdict);
    }

    void toolTipsAndSortValues()
    {
        ProbeHostModel model;
        model.setReport(report());
        const auto cell = [&model](int row, int column, int role) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, ProbeHostModel::VersionsColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("TLS 1.0: refused (unsupported protocol)\nTLS 1.1: refused (unsupported protocol)\n"
                                "TLS 1.2: accepted\nTLS 1.3: accepted"));
        QCOMPARE(cell(0, ProbeHostModel::CertificateColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("Subject: CN=mx1.example.test\nNames: mx1.example.test, mail.example.test\n"
                                "Issuer: CN=Example Test CA\nExpires: 2030-01-02T03:04:05Z"));
        QCOMPARE(cell(0, ProbeHostModel::VerifiedColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("Trusted, and valid for mx1.example.test"));
        const QString refused = cell(2, ProbeHostModel::VerdictColumn, Qt::ToolTipRole).toString();
        QVERIFY2(refused.endsWith(QStringLiteral("\nConnection refused\nFrom an earlier probe of this address (kept "
                                                 "for a while so servers are not asked again).")),
                 qPrintable(refused));
        QCOMPARE(cell(3, ProbeHostModel::AddressColumn, Qt::ToolTipRole).toString().section(QLatin1Char('\n'), 1),
                 QStringLiteral("NXDOMAIN"));
        QCOMPARE(cell(0, ProbeHostModel::DhColumn, KeyedTableModel::SortRole).toInt(), 1024);
        QCOMPARE(cell(1, ProbeHostModel::DhColumn, KeyedTableModel::SortRole).toInt(), -1);
        QCOMPARE(cell(0, ProbeHostModel::VerdictColumn, KeyedTableModel::SortRole).toInt(), int(Verdict::Weak));
        QCOMPARE(cell(0, ProbeHostModel::ExpiresColumn, KeyedTableModel::SortRole).toLongLong(),
                 QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
    }

    void dhAndCertificateVariants()
    {
        ProbeReport r;
        AddressProbeResult a = goodAddress();
        // No DHE suite accepted: the DHE-only session ends without a key.
        a.sessions[1].tls = TlsHandshakeResult();
        a.sessions[1].tls.error = QStringLiteral("handshake failure");
        a.sessions[0].tls.certificateVerified = false;
        a.sessions[0].tls.verifyError = QStringLiteral("self-signed certificate");
        AddressProbeResult b = goodAddress();
        b.sessions[1].tls.dhPrime = QByteArray(256, '\x5a');
        b.sessions[1].tls.keyExchangeBits = 2048;
        b.sessions[0].tls.nameMatches = false;
        r.addresses = {a, b};
        ProbeHostModel model;
        model.setReport(r);
        QCOMPARE(model.index(0, ProbeHostModel::DhColumn).data().toString(), QStringLiteral("No DHE"));
        QCOMPARE(model.index(0, ProbeHostModel::VerifiedColumn).data().toString(), QStringLiteral("Not verified"));
        QCOMPARE(model.index(0, ProbeHostModel::VerifiedColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("self-signed certificate"));
        QCOMPARE(model.index(1, ProbeHostModel::DhColumn).data().toString(), QStringLiteral("2048 bits"));
        QCOMPARE(model.index(1, ProbeHostModel::VerifiedColumn).data().toString(), QStringLiteral("Other name"));
        // Without a verdict for the address, it is unreachable.
        QCOMPARE(model.index(1, ProbeHostModel::VerdictColumn).data().toString(), QStringLiteral("Unreachable"));
    }

    void newReportResetsTheRows()
    {
        ProbeHostModel model;
        model.setReport(report());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setReport(report());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rows().size(), 4);
        QCOMPARE(model.rows().at(0).versions, (QStringList {QStringLiteral("1.2"), QStringLiteral("1.3")}));
    }
};

QTEST_GUILESS_MAIN(TestProbeHostModel)
#include "tst_probehostmodel.moc"
