#include "models/mta/changeplan.h"

#include "models/mta/unifieddiff.h"

namespace mailtls {

bool ChangePlan::isEmpty() const
{
    for (const FileEdit &edit : edits)
        if (edit.changesFile())
            return false;
    return true;
}

QList<QByteArray> ChangePlan::parameters() const
{
    QList<QByteArray> names;
    for (const FileEdit &edit : edits)
        for (const QByteArray &name : edit.parameters)
            if (!names.contains(name))
                names.append(name);
    return names;
}

QStringList ChangePlan::paths() const
{
    QStringList result;
    for (const FileEdit &edit : edits)
        if (!result.contains(edit.path))
            result.append(edit.path);
    return result;
}

QByteArray ChangePlan::diff(QString *error) const
{
    QByteArray out;
    for (const FileEdit &edit : edits) {
        if (!edit.changesFile())
            continue;
        QString failure;
        const QByteArray one = diffOf(edit, &failure);
        if (!failure.isEmpty()) {
            if (error != nullptr)
                *error = failure;
            return {};
        }
        out += one;
    }
    return out;
}

QByteArray ChangePlan::diffOf(const FileEdit &edit, QString *error)
{
    if (!edit.changesFile())
        return {};
    QByteArray text = UnifiedDiff::make(edit.path, edit.path, edit.before.value_or(QByteArray()),
                                        edit.after.value_or(QByteArray()), 3, error);
    // git names the missing side of a created or removed file /dev/null.
    const qsizetype firstEnd = text.indexOf('\n');
    const qsizetype secondEnd = firstEnd < 0 ? -1 : text.indexOf('\n', firstEnd + 1);
    if (secondEnd < 0)
        return text;
    if (edit.createsFile())
        text.replace(0, firstEnd, "--- /dev/null");
    else if (edit.removesFile())
        text.replace(firstEnd + 1, secondEnd - firstEnd - 1, "+++ /dev/null");
    return text;
}

} // namespace mailtls
