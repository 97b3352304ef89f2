#pragma once

// Helpers shared by the store tests: building records and expected figures,
// printing figures in failure messages, and a second, plain connection to a
// store file.

#include <QCryptographicHash>
#include <QDebug>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>

#include "models/logs/records.h"
#include "models/store/peerfigures.h"

namespace mailtls {

// QTest finds this by argument-dependent lookup, so it lives beside PeerFigures.
inline char *toString(const PeerFigures &f)
{
    return QTest::toString(QStringLiteral("%1 %2: msg %3 (enc %4, plain %5) bytes %6 (enc %7) "
                                          "conn %8 (enc %9) fail %10")
                               .arg(directionName(f.direction), f.peer)
                               .arg(f.messages)
                               .arg(f.encryptedMessages)
                               .arg(f.plaintextMessages)
                               .arg(f.bytes)
                               .arg(f.encryptedBytes)
                               .arg(f.connections)
                               .arg(f.encryptedConnections)
                               .arg(f.tlsFailures));
}

namespace storetest {

constexpr qint64 day0 = 19800LL * 86400; // 2024-03-18 00:00:00 UTC

inline TransferRecord transfer(qint64 key, Direction direction, const QString &peer,
                               qint64 time, qint64 bytes, bool encrypted)
{
    TransferRecord record;
    record.key = key;
    record.direction = direction;
    record.peer = peer;
    record.peerIp = QStringLiteral("192.0.2.%1").arg(key % 250 + 1);
    record.time = time;
    record.bytes = bytes;
    record.encrypted = encrypted;
    record.lines = {key, key + 120, key + 260};
    return record;
}

inline ConnectionRecord connection(qint64 key, Direction direction, const QString &peer,
                                   qint64 time, bool encrypted)
{
    ConnectionRecord record;
    record.key = key;
    record.direction = direction;
    record.peer = peer;
    record.peerIp = QStringLiteral("192.0.2.%1").arg(key % 250 + 1);
    record.port = 25;
    record.time = time;
    record.encrypted = encrypted;
    record.lines = {key, key + 90};
    return record;
}

inline TlsFailureRecord failure(qint64 key, Direction direction, const QString &peer,
                                qint64 time)
{
    TlsFailureRecord record;
    record.key = key;
    record.direction = direction;
    record.peer = peer;
    record.peerIp = QStringLiteral("192.0.2.%1").arg(key % 250 + 1);
    record.port = 25;
    record.time = time;
    record.problem = TlsProblem::DhKeyTooSmall;
    record.reason = QStringLiteral("dh key too small");
    record.lines = {key};
    return record;
}

inline PeerFigures figures(Direction direction, const QString &peer, qint64 messages,
                           qint64 encryptedMessages, qint64 bytes, qint64 encryptedBytes,
                           qint64 connections, qint64 encryptedConnections, qint64 tlsFailures)
{
    PeerFigures f;
    f.direction = direction;
    f.peer = peer;
    f.messages = messages;
    f.encryptedMessages = encryptedMessages;
    f.plaintextMessages = messages - encryptedMessages;
    f.bytes = bytes;
    f.encryptedBytes = encryptedBytes;
    f.connections = connections;
    f.encryptedConnections = encryptedConnections;
    f.tlsFailures = tlsFailures;
    return f;
}

// A second, plain connection to the file, to look at what TrafficStore wrote
// (or to make files TrafficStore must refuse).
class RawDatabase final
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_ok; }

    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }

    // Every row of `sql`, each as its columns joined by '|'.
    QStringList rows(const QString &sql)
    {
        QStringList result;
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return {QStringLiteral("<error>")};
        }
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns << query.value(i).toString();
            result << columns.join(QLatin1Char('|'));
        }
        return result;
    }

    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return QVariant();
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_ok = false;
};

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace storetest
} // namespace mailtls
