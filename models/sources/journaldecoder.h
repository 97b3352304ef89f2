#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QtGlobal>

namespace mailtls {

// Turns `journalctl --output=json` into the lines `journalctl --output=
// short-iso-precise` shows, with UTC stamps ("2026-11-29T20:10:49.123456+00:00
// mx.example postfix/smtpd[4242]: connect from …"), so the line parsers read
// them like any log and the stamp gives the exact instant. A message of many
// lines becomes one (newlines become spaces); one that is not UTF-8 (which
// journalctl writes as an array of byte values) keeps its bytes.
//
// Output before the marker line JournalSource's command prints is the login's
// noise and is skipped; after it, every line is one JSON entry.
class JournalDecoder final
{
public:
    // The line the command prints before journalctl starts.
    static const QByteArray marker;
    // A JSON line longer than this is skipped (journalctl writes a binary
    // message as numbers, four bytes for each of its bytes).
    static constexpr qsizetype entryLimit = 16 * 1024 * 1024;

    struct Output
    {
        QByteArray text;           // made lines, each ending in '\n'
        QByteArray cursor;         // __CURSOR of the last entry in text; empty: none
        bool started = false;      // the marker came
        int skipped = 0;           // lines after the marker that were not entries
        qint64 newestUsec = 0;     // the latest stamp among the entries, 0: none
    };

    void reset();
    Output feed(const QByteArray &bytes);

    // The line for one entry; empty when it has no message. `usec` gets its
    // stamp (microseconds since 1970, UTC).
    static QByteArray lineFor(const QJsonObject &entry, qint64 *usec = nullptr);

private:
    void takeLine(QByteArrayView line, Output &out);

    QByteArray m_input;
    bool m_started = false;
    bool m_skipping = false; // inside a line past entryLimit
};

} // namespace mailtls
