#pragma once

// The known store the dashboard tests read: a few peers over three days, each
// record placed so that every figure of every page can be worked out by hand.
// The comments give the figures the tests expect.

#include <memory>

#include <QDebug>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/trafficstore.h"
#include "tests/models/storetestutil.h"

namespace mailtls {

// QTest finds these by argument-dependent lookup, for readable failures.
inline char *toString(const DirectionShare &s)
{
    return QTest::toString(QStringLiteral("%1: msg %2 (enc %3) bytes %4 (enc %5) conn %6 (enc %7) fail %8")
                               .arg(directionName(s.direction))
                               .arg(s.messages)
                               .arg(s.encryptedMessages)
                               .arg(s.bytes)
                               .arg(s.encryptedBytes)
                               .arg(s.connections)
                               .arg(s.encryptedConnections)
                               .arg(s.tlsFailures));
}

inline char *toString(const TrendPoint &p)
{
    return QTest::toString(QStringLiteral("@%1: enc %2 plain %3 encB %4 plainB %5 fail %6")
                               .arg(p.start)
                               .arg(p.encryptedMessages)
                               .arg(p.plaintextMessages)
                               .arg(p.encryptedBytes)
                               .arg(p.plaintextBytes)
                               .arg(p.tlsFailures));
}

inline char *toString(const RecentFailure &f)
{
    return QTest::toString(QStringLiteral("#%1 @%2 %3 %4 (%5 [%6]:%7) %8 \"%9\"")
                               .arg(f.id)
                               .arg(f.time)
                               .arg(directionName(f.direction), f.peer, f.host, f.peerIp)
                               .arg(f.port)
                               .arg(int(f.problem))
                               .arg(f.reason));
}

inline char *toString(const TlsLoggingEvidence &e)
{
    return QTest::toString(QStringLiteral("%1: conn %2 enc %3 logged %4 verdict %5")
                               .arg(directionName(e.direction))
                               .arg(e.connections)
                               .arg(e.encryptedConnections)
                               .arg(e.loggedConnections)
                               .arg(int(e.verdict)));
}

inline char *toString(const TlsCount &c)
{
    return QTest::toString(QStringLiteral("%1 (%2)").arg(c.name).arg(c.connections));
}

inline char *toString(const TlsShare &s)
{
    return QTest::toString(QStringLiteral("\"%1\": %2 conn, %3 peers").arg(s.name).arg(s.connections).arg(s.peers));
}

inline char *toString(const PeerTlsIssue &i)
{
    return QTest::toString(QStringLiteral("%1 %2: %3 last %4 \"%5\"")
                               .arg(directionName(i.direction), i.peer)
                               .arg(i.count)
                               .arg(i.lastTime ? QString::number(*i.lastTime) : QStringLiteral("-"))
                               .arg(i.detail));
}

inline char *toString(const Correspondent &c)
{
    return QTest::toString(QStringLiteral("%1 %2 %3: %4 msg (%5 enc) last %6")
                               .arg(directionName(c.direction),
                                    c.side == Correspondent::Side::Ours ? QStringLiteral("ours")
                                                                        : QStringLiteral("theirs"),
                                    c.address)
                               .arg(c.messages)
                               .arg(c.encryptedMessages)
                               .arg(c.lastSeen));
}

} // namespace mailtls

namespace mailtls::dashboardtest {

constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;
constexpr qint64 day0 = storetest::day0;   // 2024-03-18 00:00:00 UTC

inline TlsDetails tls(Trust trust, const char *protocol, const char *cipher, int bits,
                      const char *keyExchange = "", int keyExchangeBits = 0, bool dhe = false)
{
    TlsDetails d;
    d.trust = trust;
    d.protocol = QString::fromLatin1(protocol);
    d.cipher = QString::fromLatin1(cipher);
    d.cipherBits = bits;
    d.keyExchange = QString::fromLatin1(keyExchange);
    d.keyExchangeBits = keyExchangeBits;
    d.dhe = dhe;
    return d;
}

inline TransferRecord transfer(qint64 key, Direction direction, const char *peer, const char *ip,
                               qint64 time, qint64 bytes, const TlsDetails *details,
                               const char *sender, const char *recipients = "", bool local = false)
{
    TransferRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = QString::fromLatin1(peer);
    r.peerIp = QString::fromLatin1(ip);
    r.queueId = QStringLiteral("Q%1").arg(key);
    r.time = time;
    r.bytes = bytes;
    r.encrypted = details != nullptr;
    r.local = local;
    r.sender = QString::fromLatin1(sender);
    r.recipients = QString::fromLatin1(recipients);
    if (details)
        r.tls = *details;
    r.lines = {key, key + 10};
    return r;
}

inline ConnectionRecord connection(qint64 key, Direction direction, const char *peer,
                                   const char *ip, qint64 time, bool encrypted,
                                   const TlsDetails &details = {}, bool local = false)
{
    ConnectionRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = QString::fromLatin1(peer);
    r.peerIp = QString::fromLatin1(ip);
    r.port = direction == Direction::Submission ? 465 : 25;
    r.time = time;
    r.encrypted = encrypted;
    r.local = local;
    r.tls = details;
    r.lines = {key, key + 20, key + 40};
    return r;
}

inline TlsFailureRecord failure(qint64 key, Direction direction, const char *peer, const char *ip,
                                qint64 time, TlsProblem problem, const char *reason)
{
    TlsFailureRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = QString::fromLatin1(peer);
    r.peerIp = QString::fromLatin1(ip);
    r.port = 25;
    r.time = time;
    r.problem = problem;
    r.reason = QString::fromLatin1(reason);
    r.lines = {key};
    return r;
}

// The records, in this order (ids follow it):
//   inbound   mx.alpha.example [192.0.2.1]
//     day0 10:00 message 1000 B encrypted (TLSv1.3, TLS_AES_256_GCM_SHA384, X25519, trusted)
//     day0 11:00 message 2000 B encrypted (TLSv1.2, ECDHE-RSA-AES128-GCM-SHA256, verified)
//     day1 09:00 message  500 B plaintext; a connection for each, encrypted like it
//     senders news@alpha.example, news@alpha.example, <>
//   inbound   203.0.113.9 (no host name): day1 03:00 a plaintext connection, and at
//     03:00:05 a failure (lost connection after STARTTLS)
//   outbound  mail.beta.example [198.51.100.7]
//     day0 11:59:50 failure: dh key too small
//     day0 12:00 message 3000 B plaintext to carol@ and dave@beta.example, new connection
//     day2 08:00 message 4000 B encrypted (TLSv1.2, DHE-RSA-AES256-GCM-SHA384, untrusted) to carol@
//   outbound  relay.beta.example [198.51.100.8]
//     day1 14:59 failure: certificate verification failed: untrusted issuer
//     day1 15:00 message 1500 B encrypted (TLSv1.3, TLS_AES_128_GCM_SHA256, X25519, verified)
//   submission client.gamma.example [203.0.113.5]
//     day0 13:00 message 700 B encrypted, its connection without TLS details (wrapper mode)
//   outbound  localhost [127.0.0.1], a local hop: day0 10:30 message 900 B plaintext
//   outbound  filter.relay.example [192.0.2.50]: day2 10:00 message 800 B plaintext
//     (the tests list it as local in some rows)
inline AssemblerOutput records()
{
    static const TlsDetails alpha13 = tls(Trust::Trusted, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "X25519", 253);
    static const TlsDetails alpha12 = tls(Trust::Verified, "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", 128);
    static const TlsDetails beta = tls(Trust::Untrusted, "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", 256, "", 0, true);
    static const TlsDetails relay = tls(Trust::Verified, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 128, "X25519", 253);
    static const TlsDetails wrapper;

    AssemblerOutput out;
    const auto in = Direction::Inbound;
    const auto outbound = Direction::Outbound;
    const auto sub = Direction::Submission;
    out.transfers = {
        transfer(1000, in, "mx.alpha.example", "192.0.2.1", day0 + 10 * hour, 1000, &alpha13, "news@alpha.example"),
        transfer(2000, in, "mx.alpha.example", "192.0.2.1", day0 + 11 * hour, 2000, &alpha12, "news@alpha.example"),
        transfer(3000, in, "mx.alpha.example", "192.0.2.1", day0 + day + 9 * hour, 500, nullptr, ""),
        transfer(4000, outbound, "mail.beta.example", "198.51.100.7", day0 + 12 * hour, 3000, nullptr,
                 "alice@ours.example", "carol@beta.example,dave@beta.example"),
        transfer(5000, outbound, "mail.beta.example", "198.51.100.7", day0 + 2 * day + 8 * hour, 4000, &beta,
                 "alice@ours.example", "carol@beta.example"),
        transfer(6000, outbound, "relay.beta.example", "198.51.100.8", day0 + day + 15 * hour, 1500, &relay,
                 "alice@ours.example", "erin@beta.example"),
        transfer(7000, sub, "client.gamma.example", "203.0.113.5", day0 + 13 * hour, 700, &wrapper,
                 "bob@ours.example"),
        transfer(8000, outbound, "localhost", "127.0.0.1", day0 + 10 * hour + 30 * 60, 900, nullptr,
                 "alice@ours.example", "alice@ours.example", true),
        transfer(9000, outbound, "filter.relay.example", "192.0.2.50", day0 + 2 * day + 10 * hour, 800, nullptr,
                 "alice@ours.example", "frank@relay.example"),
    };
    out.connections = {
        connection(1001, in, "mx.alpha.example", "192.0.2.1", day0 + 10 * hour, true, alpha13),
        connection(2001, in, "mx.alpha.example", "192.0.2.1", day0 + 11 * hour, true, alpha12),
        connection(3001, in, "mx.alpha.example", "192.0.2.1", day0 + day + 9 * hour, false),
        connection(3501, in, "203.0.113.9", "203.0.113.9", day0 + day + 3 * hour, false),
        connection(4001, outbound, "mail.beta.example", "198.51.100.7", day0 + 12 * hour, false),
        connection(5001, outbound, "mail.beta.example", "198.51.100.7", day0 + 2 * day + 8 * hour, true, beta),
        connection(6001, outbound, "relay.beta.example", "198.51.100.8", day0 + day + 15 * hour, true, relay),
        connection(7001, sub, "client.gamma.example", "203.0.113.5", day0 + 13 * hour, true, wrapper),
        connection(8001, outbound, "localhost", "127.0.0.1", day0 + 10 * hour + 30 * 60, false, {}, true),
        connection(9001, outbound, "filter.relay.example", "192.0.2.50", day0 + 2 * day + 10 * hour, false),
    };
    out.failures = {
        failure(3502, in, "203.0.113.9", "203.0.113.9", day0 + day + 3 * hour + 5, TlsProblem::LostAfterStarttls,
                "lost connection after STARTTLS"),
        failure(3999, outbound, "mail.beta.example", "198.51.100.7", day0 + 11 * hour + 59 * 60 + 50,
                TlsProblem::DhKeyTooSmall, "dh key too small"),
        failure(5999, outbound, "relay.beta.example", "198.51.100.8", day0 + day + 14 * hour + 59 * 60,
                TlsProblem::Certificate, "certificate verification failed: untrusted issuer"),
    };
    return out;
}

// A temporary store holding records() from source 1.
class KnownStore final
{
public:
    KnownStore()
        : m_dir(std::make_unique<QTemporaryDir>())
    {
    }

    bool make(const AssemblerOutput &output = records())
    {
        if (!m_dir->isValid())
            return false;
        m_store = std::make_unique<TrafficStore>(m_dir->filePath(QStringLiteral("traffic.sqlite")));
        QString error;
        if (!m_store->open(&error)) {
            qWarning() << error;
            return false;
        }
        m_source = m_store->addSource(QStringLiteral("log:sha256:00"), QStringLiteral("mail.log"), &error);
        return m_source > 0 && write(output);
    }

    bool write(const AssemblerOutput &output)
    {
        IngestBatch batch;
        batch.sourceId = m_source;
        batch.output = output;
        batch.position = ++m_position;
        QString error;
        if (!m_store->writeBatch(batch, &error)) {
            qWarning() << error;
            return false;
        }
        return true;
    }

    TrafficStore &store() { return *m_store; }
    QString path() const { return m_dir->filePath(QStringLiteral("traffic.sqlite")); }
    QString dirPath() const { return m_dir->path(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficStore> m_store;
    qint64 m_source = -1;
    qint64 m_position = 0;
};

// Random records over ten days, then a second batch that emits some of them
// again changed (direction, time, peer, encryption, bytes), as the assembler
// does when later lines change a record: the roll-ups must follow.
inline QList<AssemblerOutput> randomBatches(quint32 seed)
{
    QRandomGenerator random(seed);
    const char *const peers[] = {"mx1.one.example", "mx2.one.example", "mail.two.example", "localhost",
                                 "198.51.100.20", "smtp.three.test"};
    const char *const ips[] = {"192.0.2.11", "192.0.2.12", "198.51.100.13", "127.0.0.1", "198.51.100.20",
                               "203.0.113.14"};
    static const TlsDetails kinds[] = {
        tls(Trust::Trusted, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "X25519", 253),
        tls(Trust::Verified, "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", 256),
        tls(Trust::Anonymous, "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", 256, "", 0, true),
        TlsDetails(),
    };
    auto make = [&](qint64 key, AssemblerOutput &output) {
        const int p = int(random.bounded(6u));
        const Direction direction = Direction(random.bounded(3u));
        const qint64 time = day0 + qint64(random.bounded(quint32(10 * day)));
        const bool local = p == 3;
        const TlsDetails &details = kinds[random.bounded(4u)];
        switch (random.bounded(3u)) {
        case 0: {
            TransferRecord t = transfer(key, direction, peers[p], ips[p], time, 100 + random.bounded(5000u),
                                        random.bounded(2u) ? &details : nullptr, "a@b.example", "c@d.example", local);
            output.transfers.push_back(t);
            break;
        }
        case 1:
            output.connections.push_back(connection(key, direction, peers[p], ips[p], time, random.bounded(2u) != 0,
                                                    details, local));
            break;
        default: {
            TlsFailureRecord f = failure(key, direction, peers[p], ips[p], time, TlsProblem::Handshake, "handshake failure");
            f.local = local;
            output.failures.push_back(f);
            break;
        }
        }
    };
    QList<AssemblerOutput> batches(3);
    QList<qint64> keys;
    for (int i = 0; i < 600; ++i) {
        const qint64 key = 1000 + i * 10;
        keys.append(key);
        make(key, batches[i < 300 ? 0 : 1]);
    }
    // Some keys again, as anything: the writer replaces the stored version
    // (which may be of another kind: then both exist, under the same key).
    for (int i = 0; i < 150; ++i)
        make(keys.at(int(random.bounded(quint32(keys.size())))), batches[2]);
    return batches;
}

inline ReportFilter range(std::optional<qint64> since, std::optional<qint64> until)
{
    ReportFilter filter;
    filter.since = since;
    filter.until = until;
    return filter;
}

} // namespace mailtls::dashboardtest
