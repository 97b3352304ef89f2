#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include "models/sources/remotefilecursor.h"

namespace mailtls {

// Turns RemoteFileScript's frames into whole lines and the cursor after them.
// Input may be cut anywhere (a frame over many reads, many frames in one);
// a line still unfinished waits for its newline, and the cursor stays before
// it, so a run killed at any moment resumes with no line lost or repeated.
// The unfinished line of a file that was left behind (rotated away, cut) is
// ended with a newline; one longer than lineLimit is cut there.
class RemoteFileDecoder final
{
public:
    static constexpr qsizetype lineLimit = 1024 * 1024;

    struct Output
    {
        QByteArray text;            // whole lines, each ending in '\n'
        bool opened = false;        // the script opened the file (an F frame)
        qint64 pending = -1;        // bytes past the read ones at the last D frame; -1: none came
        qint64 modified = 0;        // the file's mtime at the last D frame (UTC seconds), 0: none
        QList<QByteArray> warnings; // W codes
        QByteArray error;           // an E frame's code and detail
        QByteArray protocolError;   // set when the input is not the script's frames
    };

    explicit RemoteFileDecoder(const RemoteFileCursor &start = RemoteFileCursor());

    // Forgets all input; the next frames continue from `start`.
    void reset(const RemoteFileCursor &start);
    // Decodes `bytes`: what they completed.
    Output feed(const QByteArray &bytes);
    // Just past the last whole line decoded.
    RemoteFileCursor cursor() const;

private:
    bool takeHeader(const QByteArray &line, Output &out);
    void takeBytes(const char *data, qsizetype size, Output &out);
    void endPartial(Output &out);

    QByteArray m_input;             // undecoded input
    qsizetype m_payload = -1;       // length of the D frame's bytes awaited, -1: a header is
    QByteArray m_identity;
    QByteArray m_digest;
    qint64 m_fileOffset = 0;        // in the current file, past the last byte taken
    QByteArray m_partial;           // the current line so far
    bool m_broken = false;
};

} // namespace mailtls
