#pragma once

#include <QCoreApplication>
#include <QString>

namespace mailtls {

// Writes an export whole or not at all: into a temporary file beside the
// target, renamed over it once complete (QSaveFile), so a reader never sees
// half a file and a failed write leaves the old one in place.
class CsvFile final
{
    Q_DECLARE_TR_FUNCTIONS(CsvFile)

public:
    // UTF-8. False with a message naming the file and what went wrong.
    static bool write(const QString &path, const QString &text, QString *error);
};

} // namespace mailtls
