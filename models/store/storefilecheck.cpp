#include "models/store/storefilecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QtEndian>

#include "models/store/storeschema.h"

namespace mailtls {

namespace {

constexpr int headerSize = 100;
const char sqliteMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

StoreFileCheck::Verdict refuse(StoreOpenFailure failure, const QString &message)
{
    StoreFileCheck::Verdict verdict;
    verdict.failure = failure;
    verdict.message = message;
    return verdict;
}

QString notOursMessage(const QString &path, const QString &what)
{
    return QCoreApplication::translate("TrafficStore", "%1 belongs to another application (%2). MailTLS has not changed it. "
                          "Choose another file for the MailTLS store.")
        .arg(shown(path), what);
}

// SQLite reports its own result code as the native error code.
bool isCorruption(const QSqlError &error)
{
    bool ok = false;
    const int primary = error.nativeErrorCode().toInt(&ok) & 0xff; // extended codes keep it low
    return ok && (primary == 11 || primary == 26); // SQLITE_CORRUPT, SQLITE_NOTADB
}

} // namespace

QString StoreFileCheck::damagedMessage(const QString &path, const QString &detail)
{
    return QCoreApplication::translate("TrafficStore", "%1 is damaged: %2. MailTLS has not changed it. Restore it from a "
                          "backup, or move it away so that MailTLS starts a new store (the logs "
                          "are then read again).")
        .arg(shown(path), detail);
}

StoreFileCheck::Verdict StoreFileCheck::checkFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (!info.isFile()) {
        return refuse(StoreOpenFailure::Unavailable,
                      QCoreApplication::translate("TrafficStore", "%1 is not a file. Choose a file name for the MailTLS store.")
                          .arg(shown(path)));
    }
    if (info.size() == 0)
        return {}; // an empty file is an empty database to SQLite

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return refuse(StoreOpenFailure::Unavailable,
                      QCoreApplication::translate("TrafficStore", "Cannot read %1: %2. Check the file's permissions.")
                          .arg(shown(path), file.errorString()));
    }
    const QByteArray header = file.read(headerSize);
    const qint64 size = file.size();
    file.close();

    if (!header.startsWith(QByteArray(sqliteMagic, sizeof sqliteMagic))) {
        return refuse(StoreOpenFailure::NotADatabase,
                      QCoreApplication::translate("TrafficStore", "%1 is not a database (it does not start with the SQLite "
                                     "header). MailTLS has not changed it. Choose another file "
                                     "for the MailTLS store, or move this one away.")
                          .arg(shown(path)));
    }
    if (header.size() < headerSize) {
        return refuse(StoreOpenFailure::Damaged,
                      damagedMessage(path, QCoreApplication::translate("TrafficStore", "it ends inside its %1-byte header "
                                                          "(%2 bytes)")
                                               .arg(headerSize)
                                               .arg(size)));
    }

    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const quint32 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        return refuse(StoreOpenFailure::Damaged,
                      damagedMessage(path, QCoreApplication::translate("TrafficStore", "its header names an impossible page "
                                                          "size (%1)")
                                               .arg(rawPageSize)));
    }

    // Pages written since the last checkpoint live in the -wal file, and
    // SQLite itself recovers a file whose checkpoint was interrupted: the
    // size is only telling when there is no WAL content.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return {};

    // The page count in the header is valid only when its "valid-for" stamp
    // matches the change counter (files written by SQLite 3.7.0 or later).
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (validFor == changeCounter && pageCount > 0) {
        const qint64 expected = qint64(pageCount) * pageSize;
        if (size < expected) {
            return refuse(StoreOpenFailure::Damaged,
                          damagedMessage(path, QCoreApplication::translate("TrafficStore", "it holds %1 bytes where its "
                                                              "header says %2; it was probably "
                                                              "cut short by a full disk or an "
                                                              "incomplete copy")
                                                   .arg(size)
                                                   .arg(expected)));
        }
    }
    if (size % pageSize != 0) {
        return refuse(StoreOpenFailure::Damaged,
                      damagedMessage(path, QCoreApplication::translate("TrafficStore", "its size (%1 bytes) is not a whole "
                                                          "number of %2-byte pages")
                                               .arg(size)
                                               .arg(pageSize)));
    }
    return {};
}

StoreFileCheck::Verdict StoreFileCheck::checkDatabase(const QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto readInt = [&](const QString &pragma, qint64 *value) {
        if (!query.exec(pragma) || !query.next())
            return false;
        *value = query.value(0).toLongLong();
        query.finish();
        return true;
    };
    auto failedRead = [&]() {
        const QSqlError error = query.lastError();
        if (isCorruption(error))
            return refuse(StoreOpenFailure::Damaged, damagedMessage(path, error.databaseText()));
        return refuse(StoreOpenFailure::Unavailable,
                      QCoreApplication::translate("TrafficStore", "Cannot read %1: %2. Check the file's permissions and the "
                                     "free space on its disk.")
                          .arg(shown(path), error.text()));
    };

    qint64 applicationId = 0;
    qint64 version = 0;
    if (!readInt(QStringLiteral("PRAGMA application_id"), &applicationId)
        || !readInt(QStringLiteral("PRAGMA user_version"), &version)) {
        return failedRead();
    }
    QStringList tables;
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite%' ORDER BY name")))
        return failedRead();
    while (query.next())
        tables.append(query.value(0).toString());
    if (query.lastError().isValid())
        return failedRead();
    query.finish();

    const QStringList required = StoreSchema::requiredTables();
    if (applicationId != StoreSchema::applicationId) {
        if (applicationId == 0 && version == 0 && tables.isEmpty())
            return {}; // an empty database: ours to set up
        if (applicationId != 0) {
            return refuse(StoreOpenFailure::ForeignDatabase,
                          notOursMessage(path, QCoreApplication::translate("TrafficStore", "its SQLite application id is "
                                                              "0x%1, not MailTLS's 0x%2")
                                                   .arg(quint32(applicationId), 8, 16,
                                                        QLatin1Char('0'))
                                                   .arg(quint32(StoreSchema::applicationId), 8,
                                                        16, QLatin1Char('0'))));
        }
        const QStringList some = tables.mid(0, 5);
        const QString what = tables.isEmpty()
            ? QCoreApplication::translate("TrafficStore", "it has no MailTLS application id and schema version %1")
                  .arg(version)
            : QCoreApplication::translate("TrafficStore", "it has no MailTLS application id and holds %1 table(s) "
                             "such as %2")
                  .arg(tables.size())
                  .arg(some.join(QStringLiteral(", ")));
        return refuse(StoreOpenFailure::ForeignDatabase, notOursMessage(path, what));
    }

    if (version > StoreSchema::currentVersion()) {
        return refuse(StoreOpenFailure::NewerSchema,
                      QCoreApplication::translate("TrafficStore", "%1 was written by a newer version of MailTLS (store schema "
                                     "%2; this version reads up to %3). MailTLS has not changed "
                                     "it. Install the newer MailTLS again, or choose another "
                                     "file for the store.")
                          .arg(shown(path))
                          .arg(version)
                          .arg(StoreSchema::currentVersion()));
    }
    if (version < 1) {
        return refuse(StoreOpenFailure::Damaged,
                      damagedMessage(path, QCoreApplication::translate("TrafficStore", "it carries MailTLS's application id "
                                                          "but no schema version")));
    }
    for (const QString &table : required) {
        if (!tables.contains(table)) {
            return refuse(StoreOpenFailure::Damaged,
                          damagedMessage(path, QCoreApplication::translate("TrafficStore", "its table \"%1\" is missing")
                                                   .arg(table)));
        }
    }
    Verdict verdict;
    verdict.version = int(version);
    return verdict;
}

} // namespace mailtls
