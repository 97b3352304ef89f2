#include "tests/bench/syntheticstore.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QRandomGenerator>
#include <QStringList>

#include "models/store/ingestbatch.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

constexpr qint64 secondsPerDay = 86400;

enum class TlsKind { Tls13, Tls12, Tls12Dhe, Tls10, Plaintext, Mixed };
enum class Trouble { None, DhKeyTooSmall, Certificate, Handshake };

struct Peer
{
    QString name;
    QStringList addresses;
    TlsKind tls = TlsKind::Tls13;
    Trust trust = Trust::Trusted;
    Trouble trouble = Trouble::None;
    QString user;   // a mailbox at the peer
};

TlsDetails detailsOf(TlsKind kind, Trust trust)
{
    switch (kind) {
    case TlsKind::Tls13:
    case TlsKind::Mixed:
        return {trust, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384"), 256,
                QStringLiteral("X25519"), 253, false};
    case TlsKind::Tls12:
        return {trust, QStringLiteral("TLSv1.2"), QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),
                256, QString(), 0, false};
    case TlsKind::Tls12Dhe:
        return {trust, QStringLiteral("TLSv1.2"), QStringLiteral("DHE-RSA-AES256-GCM-SHA384"), 256,
                QString(), 0, true};
    case TlsKind::Tls10:
        return {trust, QStringLiteral("TLSv1"), QStringLiteral("ECDHE-RSA-AES256-SHA"), 256,
                QString(), 0, false};
    case TlsKind::Plaintext:
        break;
    }
    return {};
}

QString addressOf(int index)
{
    // Documentation ranges first, then 2001:db8::/32 for the long tail.
    if (index < 250)
        return QStringLiteral("198.51.100.%1").arg(index + 1);
    if (index < 500)
        return QStringLiteral("203.0.113.%1").arg(index - 249);
    return QStringLiteral("2001:db8::%1").arg(index, 0, 16);
}

class Generator final
{
public:
    Generator(TrafficStore &store, const SyntheticStore::Options &options, qint64 sourceId)
        : m_store(store)
        , m_options(options)
        , m_random(options.seed)
        , m_sourceId(sourceId)
    {
        makePeers();
    }

    bool run(SyntheticStore::Written *written, QString *error)
    {
        const qint64 perDay = std::max<qint64>(1, m_options.messages / m_options.days);
        qint64 left = m_options.messages;
        for (int day = 0; day < m_options.days && left > 0; ++day) {
            const qint64 count = day + 1 == m_options.days ? left : std::min(left, perDay);
            left -= count;
            std::vector<qint64> times;
            times.reserve(std::size_t(count));
            for (qint64 i = 0; i < count; ++i)
                times.push_back(m_options.start + day * secondsPerDay + timeOfDay());
            std::sort(times.begin(), times.end());
            for (const qint64 time : times) {
                message(time);
                if (recordCount() >= m_options.batchRecords && !flush(error))
                    return false;
            }
        }
        if (!flush(error))
            return false;
        *written = m_written;
        return true;
    }

private:
    void makePeers()
    {
        // A Zipf-like share: peer i gets weight 1 / (i + 1)^0.9.
        double total = 0;
        for (int i = 0; i < m_options.peers; ++i) {
            Peer peer;
            peer.name = QStringLiteral("mx%1.d%2.example").arg(i % 3 + 1).arg(i / 3);
            peer.addresses << addressOf(i);
            if (i % 7 == 0)
                peer.addresses << addressOf(i + m_options.peers);
            const quint32 roll = m_random.bounded(100u);
            peer.tls = roll < 60   ? TlsKind::Tls13
                : roll < 78        ? TlsKind::Tls12
                : roll < 83        ? TlsKind::Tls12Dhe
                : roll < 86        ? TlsKind::Tls10
                : roll < 94        ? TlsKind::Plaintext
                                   : TlsKind::Mixed;
            peer.trust = Trust(1 + m_random.bounded(4u));
            const quint32 trouble = m_random.bounded(100u);
            peer.trouble = trouble < 2 ? Trouble::DhKeyTooSmall
                : trouble < 4          ? Trouble::Certificate
                : trouble < 5          ? Trouble::Handshake
                                       : Trouble::None;
            peer.user = QStringLiteral("user%1@d%2.example").arg(i % 50).arg(i / 3);
            m_peers.push_back(peer);
            total += 1.0 / std::pow(double(i + 1), 0.9);
            m_cumulative.push_back(total);
        }
        for (double &c : m_cumulative)
            c /= total;
        for (int i = 0; i < 40; ++i) {
            Peer client;
            client.name = QStringLiteral("client%1.dyn.example").arg(i);
            client.addresses << QStringLiteral("192.0.2.%1").arg(i + 10);
            client.tls = i % 10 == 0 ? TlsKind::Plaintext : TlsKind::Tls13;
            client.trust = Trust::Anonymous;
            m_clients.push_back(client);
        }
        m_localhost.name = QStringLiteral("localhost");
        m_localhost.addresses << QStringLiteral("127.0.0.1");
        m_localhost.tls = TlsKind::Plaintext;
    }

    qint64 timeOfDay()
    {
        // Office hours carry most of the mail.
        if (m_random.bounded(100u) < 70)
            return 8 * 3600 + qint64(m_random.bounded(10u * 3600u));
        return qint64(m_random.bounded(quint32(secondsPerDay)));
    }

    const Peer &remotePeer()
    {
        const double x = m_random.generateDouble();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return m_peers[std::size_t(std::min<qsizetype>(it - m_cumulative.begin(), qsizetype(m_peers.size()) - 1))];
    }

    qsizetype recordCount() const
    {
        return qsizetype(m_output.transfers.size() + m_output.connections.size() + m_output.failures.size());
    }

    qint64 nextKey()
    {
        m_key += 1000;
        return m_key;
    }

    void message(qint64 time)
    {
        const quint32 roll = m_random.bounded(100u);
        if (roll < 3) {
            // A content filter on loopback: a local hop.
            deliver(m_localhost, Direction::Outbound, time, true);
            return;
        }
        if (roll < 12) {
            deliver(m_clients[std::size_t(m_random.bounded(quint32(m_clients.size())))],
                    Direction::Submission, time, false);
            return;
        }
        deliver(remotePeer(), roll < 60 ? Direction::Inbound : Direction::Outbound, time, false);
    }

    void deliver(const Peer &peer, Direction direction, qint64 time, bool local)
    {
        const QString ip = peer.addresses.at(int(m_random.bounded(quint32(peer.addresses.size()))));
        bool encrypted = peer.tls != TlsKind::Plaintext
            && (peer.tls != TlsKind::Mixed || m_random.bounded(2u) == 0);
        TlsDetails tls = encrypted ? detailsOf(peer.tls, peer.trust) : TlsDetails{};

        // Trouble shows on some of a troubled peer's connections.
        const bool trouble = peer.trouble != Trouble::None && m_random.bounded(4u) == 0;
        if (trouble) {
            TlsFailureRecord &f = m_output.failures.emplace_back();
            f.key = nextKey();
            f.direction = direction;
            f.peer = peer.name;
            f.peerIp = ip;
            f.port = 25;
            f.time = time;
            f.local = local;
            f.lines = {f.key, f.key + 100};
            switch (peer.trouble) {
            case Trouble::DhKeyTooSmall:
                f.problem = TlsProblem::DhKeyTooSmall;
                f.reason = QStringLiteral("dh key too small");
                encrypted = false;   // Postfix fell back to plaintext
                tls = TlsDetails{};
                break;
            case Trouble::Certificate:
                f.problem = TlsProblem::Certificate;
                f.reason = QStringLiteral("certificate verification failed: self-signed certificate");
                break;   // opportunistic TLS goes on
            case Trouble::Handshake:
            case Trouble::None:
                f.problem = TlsProblem::Handshake;
                f.reason = QStringLiteral("handshake failure");
                encrypted = false;
                tls = TlsDetails{};
                break;
            }
        }

        // Outbound mail often rides a cached connection: no new connection.
        const bool newConnection = direction != Direction::Outbound || m_random.bounded(10u) < 7;
        if (newConnection) {
            ConnectionRecord &c = m_output.connections.emplace_back();
            c.key = nextKey();
            c.direction = direction;
            c.peer = peer.name;
            c.peerIp = ip;
            c.port = direction == Direction::Submission ? 587 : 25;
            c.time = time;
            c.encrypted = encrypted;
            c.local = local;
            c.tls = tls;
            c.lines = {c.key, c.key + 100, c.key + 200};
        }

        TransferRecord &t = m_output.transfers.emplace_back();
        t.key = nextKey();
        t.direction = direction;
        t.peer = peer.name;
        t.peerIp = ip;
        t.queueId = QStringLiteral("%1").arg(t.key / 1000, 10, 16, QLatin1Char('0')).toUpper();
        t.time = time;
        t.bytes = 1500 + qint64(m_random.bounded(60000u));
        t.encrypted = encrypted;
        t.local = local;
        t.tls = tls;
        if (direction == Direction::Outbound) {
            t.sender = QStringLiteral("alice@ours.example");
            t.recipients = peer.user;
        } else {
            t.sender = direction == Direction::Submission ? QStringLiteral("bob@ours.example") : peer.user;
        }
        t.lines = {t.key, t.key + 100, t.key + 200, t.key + 300};
    }

    bool flush(QString *error)
    {
        IngestBatch batch;
        batch.sourceId = m_sourceId;
        m_written.transfers += qint64(m_output.transfers.size());
        m_written.connections += qint64(m_output.connections.size());
        m_written.failures += qint64(m_output.failures.size());
        batch.linesRead = recordCount() * 3;
        batch.output = std::move(m_output);
        m_output = AssemblerOutput{};
        batch.position = m_key + 1000;
        return m_store.writeBatch(batch, error);
    }

    TrafficStore &m_store;
    const SyntheticStore::Options m_options;
    QRandomGenerator m_random;
    const qint64 m_sourceId;
    std::vector<Peer> m_peers;
    std::vector<double> m_cumulative;
    std::vector<Peer> m_clients;
    Peer m_localhost;
    AssemblerOutput m_output;
    SyntheticStore::Written m_written;
    qint64 m_key = 0;
};

} // namespace

bool SyntheticStore::fill(TrafficStore &store, const Options &options, Written *written,
                          QString *error)
{
    const qint64 sourceId = store.addSource(QStringLiteral("synthetic:%1").arg(options.seed),
                                            QStringLiteral("synthetic"), error);
    if (sourceId < 0)
        return false;
    Generator generator(store, options, sourceId);
    return generator.run(written, error);
}

} // namespace mailtls
