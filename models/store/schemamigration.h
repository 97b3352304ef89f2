#pragma once

#include <QStringList>

namespace mailtls {

// One step of the store's schema history: the statements that take a store
// from version - 1 to `version`.
struct SchemaMigration
{
    int version = 0;
    QStringList statements;
};

} // namespace mailtls
