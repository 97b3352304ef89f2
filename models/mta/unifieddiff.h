#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mailtls {

// The unified diff of two versions of a file, as `diff -u` / `git diff` write
// it, so the user reviews every changed line before anything is written and
// can hand the text to `patch -p1` from the file system's root.
//
// Lines are compared byte for byte, line end included: a '\r' before the '\n'
// stays in the line (a CRLF file shows as such), and a last line without '\n'
// differs from the same line with one ("\ No newline at end of file").
// The alignment is a shortest edit script (Myers) after the common head and
// tail are set aside; past MaxEdits line edits the rest is shown as removed
// and added whole, which is still a correct diff, only a longer one.
class UnifiedDiff final
{
    Q_DECLARE_TR_FUNCTIONS(UnifiedDiff)

public:
    static constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxLines = 100000;
    static constexpr int MaxEdits = 2000;

    // "--- a/PATH", "+++ b/PATH" (a leading '/' of the path dropped, a path
    // with control characters, '"' or '\' quoted as git quotes it), then the
    // "@@ -l,n +l,n @@" hunks with `context` lines around each change (hunks
    // closer than 2 × context lines merge). Empty when the two are equal, and
    // empty with *error set when either side is over MaxBytes or MaxLines.
    static QByteArray make(const QString &oldPath, const QString &newPath, const QByteArray &before,
                           const QByteArray &after, int context = 3, QString *error = nullptr);
};

} // namespace mailtls
