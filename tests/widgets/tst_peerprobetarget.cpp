#include "widgets/probe/peerprobetarget.h"

#include <QTest>

using namespace mailtls;

namespace {

PeerFigures figures(Direction direction, const char *peer, qint64 plaintext)
{
    PeerFigures f;
    f.direction = direction;
    f.peer = QString::fromLatin1(peer);
    f.messages = plaintext + 1;
    f.plaintextMessages = plaintext;
    f.encryptedMessages = 1;
    return f;
}

ProbeTarget domain(const char *name)
{
    ProbeTarget t;
    t.name = QString::fromLatin1(name);
    return t;
}

ProbeTarget host(const char *name)
{
    ProbeTarget t;
    t.kind = ProbeTarget::Kind::Host;
    t.name = QString::fromLatin1(name);
    return t;
}

} // namespace

class TestPeerProbeTarget final : public QObject
{
    Q_OBJECT

private slots:
    void ofAPeer_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        const int d = int(ProbeTarget::Kind::Domain);
        const int h = int(ProbeTarget::Kind::Host);
        QTest::newRow("host name") << QStringLiteral("mail.beta.example") << true << d
                                   << QStringLiteral("beta.example");
        QTest::newRow("deeper, public suffix of two labels")
            << QStringLiteral("mx1.mail.example.co.uk") << true << d << QStringLiteral("example.co.uk");
        QTest::newRow("a domain already")
            << QStringLiteral("beta.example") << true << d << QStringLiteral("beta.example");
        QTest::newRow("upper case") << QStringLiteral("MX.Alpha.Example") << true << d
                                    << QStringLiteral("alpha.example");
        QTest::newRow("IPv4") << QStringLiteral("203.0.113.9") << true << h << QStringLiteral("203.0.113.9");
        QTest::newRow("IPv6") << QStringLiteral("2001:DB8::9") << true << h << QStringLiteral("2001:db8::9");
        QTest::newRow("not a name") << QStringLiteral("bad peer!") << false << d << QString();
        QTest::newRow("empty") << QString() << false << d << QString();
    }

    void ofAPeer()
    {
        QFETCH(QString, peer);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(QString, name);
        const std::optional<ProbeTarget> target = PeerProbeTarget::of(peer);
        QCOMPARE(target.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(int(target->kind), kind);
        QCOMPARE(target->name, name);
        QCOMPARE(int(target->port), 25);
    }

    void plaintextPeersEachDomainOnceMostPlaintextFirst()
    {
        const QList<PeerFigures> peers = {
            figures(Direction::Inbound, "mx1.alpha.example", 2),
            figures(Direction::Inbound, "encrypted.example", 0),
            figures(Direction::Inbound, "203.0.113.9", 5),
            figures(Direction::Outbound, "mx2.alpha.example", 7),
            figures(Direction::Outbound, "mail.beta.example", 3),
            figures(Direction::Submission, "client.gamma.example", 9),
            figures(Direction::Outbound, "bad peer!", 4),
        };
        QCOMPARE(PeerProbeTarget::ofPlaintextPeers(peers),
                 (QList<ProbeTarget> {domain("alpha.example"), host("203.0.113.9"), domain("beta.example")}));
        QCOMPARE(PeerProbeTarget::ofPlaintextPeers({}), QList<ProbeTarget>());
    }
};

QTEST_GUILESS_MAIN(TestPeerProbeTarget)
#include "tst_peerprobetarget.moc"
