#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/store/storeopenfailure.h"

namespace mailtls {

// Decides, before anything is written, whether a file may become or stay a
// MailTLS store. A file that is not ours, from a newer version, or damaged is
// refused with a message naming the file and what to do; refusing never
// changes a byte of it.
class StoreFileCheck final
{
public:
    struct Verdict
    {
        StoreOpenFailure failure = StoreOpenFailure::None;
        QString message;   // set with failure
        int version = 0;   // the file's schema version; 0 for a new or empty file
    };

    // From the file's bytes alone, before SQLite opens it: refuses a folder, a
    // file that is not SQLite, and one shorter than its header says.
    static Verdict checkFile(const QString &path);

    // From an open connection, with reads only: refuses another application's
    // database, a newer schema, and a store missing its tables.
    static Verdict checkDatabase(const QSqlDatabase &db, const QString &path);

    // The message for a store SQLite finds corrupt while reading it.
    static QString damagedMessage(const QString &path, const QString &detail);
};

} // namespace mailtls
