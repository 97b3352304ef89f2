#pragma once

#include <optional>

#include <QString>
#include <QStringView>

#include "models/logs/logevent.h"

namespace mailtls {

// The words the store writes for enum values. Stored as text, not as the
// enums' numbers, so that adding a value to an enum never changes the meaning
// of rows already written, and a user reading the file sees what it means.
class RecordCodes final
{
public:
    static QString trustName(Trust trust);
    static std::optional<Trust> trustFromName(QStringView name);
    static QString problemName(TlsProblem problem);
    static std::optional<TlsProblem> problemFromName(QStringView name);
};

} // namespace mailtls
