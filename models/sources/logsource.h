#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QtGlobal>

#include "models/sources/sourcechunk.h"

namespace mailtls {

// One place log lines come from while they are written: a local file, the
// systemd journal, or either of them on a remote host over SSH. A source reads
// from where it stopped (its cursor), hands on whole lines in order as chunks,
// and says what it is doing in words a user can act on.
//
// Lives on one thread (the thread of the pipeline that feeds its chunks to the
// store); chunkRead() is emitted on it.
class LogSource : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Stopped,     // not started, stopped by the owner, or stopped for good (reason says why)
        Connecting,  // starting, or reconnecting after a failure (reason says why it is retrying)
        Following,   // read everything there is; waiting for more
        Lagging,     // reading, with more already written than read
    };
    Q_ENUM(State)

    explicit LogSource(QObject *parent = nullptr);

    // Starts reading after `cursor` (empty: from the beginning of the log),
    // numbering the stream's bytes on from `streamOffset`.
    virtual void start(const QByteArray &cursor, qint64 streamOffset) = 0;
    // Stops reading; emits no chunk after it returns.
    virtual void stop() = 0;

    State state() const { return m_state; }
    // Why the source is in its state: empty while all is well.
    QString reason() const { return m_reason; }
    // True when the source stopped on a problem the user must fix (a changed
    // host key, a refused password): it will not retry by itself.
    bool needsUser() const { return m_needsUser; }

    static QString stateName(State state);

signals:
    void chunkRead(const mailtls::SourceChunk &chunk);
    void stateChanged(mailtls::LogSource::State state, const QString &reason);
    // Something the user should know that does not stop the source, e.g. a
    // file replaced while MailTLS was closed.
    void warning(const QString &message);

protected:
    // Emits stateChanged() when state or reason differ from the current ones.
    void setState(State state, const QString &reason = QString(), bool needsUser = false);

private:
    State m_state = State::Stopped;
    QString m_reason;
    bool m_needsUser = false;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::SourceChunk)
