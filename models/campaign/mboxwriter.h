#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mailtls {

// Letters as one mbox file (the mboxrd flavour): each message after a
// "From sender Mon Nov 30 08:00:00 2026" line, its lines ending in LF, every
// line that starts with "From " after any number of '>' quoted by one more
// '>', and a blank line after it. Mail programs import such a file whole.
class MboxWriter final
{
    Q_DECLARE_TR_FUNCTIONS(MboxWriter)

public:
    struct Entry
    {
        QString envelopeSender; // the From_ line's address
        QDateTime date;         // the From_ line's time (UTC)
        QByteArray message;     // RFC 5322 bytes, CRLF or LF line ends
    };

    // One message as an mbox entry.
    static QByteArray entry(const Entry &entry);
    // Writes every entry to `path` (replacing it) in one go: written to a
    // temporary file beside it, then renamed, so a failure leaves no half
    // file. `error` says why it failed.
    static bool write(const QString &path, const QList<Entry> &entries, QString *error);
};

} // namespace mailtls
