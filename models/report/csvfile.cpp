#include "models/report/csvfile.h"

#include <QDir>
#include <QSaveFile>

namespace mailtls {

bool CsvFile::write(const QString &path, const QString &text, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size()) {
        *error = tr("cannot write %1: %2").arg(shown, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace mailtls
