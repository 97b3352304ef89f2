#pragma once

#include <vector>

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/store/schemamigration.h"

namespace mailtls {

// The store's schema: its identity in the SQLite header and its ordered
// migrations. A file's `PRAGMA user_version` is the last step applied to it.
class StoreSchema final
{
public:
    // `PRAGMA application_id` of every MailTLS store: "MTLS".
    static constexpr qint32 applicationId = 0x4d544c53;

    static const std::vector<SchemaMigration> &migrations();
    static int currentVersion();

    // Tables every schema version has; a store without one of them is damaged.
    static QStringList requiredTables();

    // Applies every step of `steps` above the file's user_version, in order, in
    // one transaction, and stamps the application id: either the file reaches
    // the last step's version or it is left as it was. `steps` must be numbered
    // 1, 2, 3, … without gaps.
    static bool migrate(QSqlDatabase &db, const std::vector<SchemaMigration> &steps,
                        QString *error);
};

} // namespace mailtls
