#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QtGlobal>

#include "models/sources/logsource.h"
#include "models/sources/sourcecontext.h"

class QThread;

namespace mailtls {

class AskpassServer;
class FollowWorker;

// The app's live sources: the ones the user defined, kept in the store (so they
// persist and resume where they stopped), followed on a worker thread into the
// store, with their live state for the Sources dialog. Lives on the GUI thread
// and never blocks it: every change is handed to the worker and comes back as
// a signal.
class SourceManager final : public QObject
{
    Q_OBJECT

public:
    struct Status
    {
        qint64 id = -1;
        QString spec;           // canonical SourceSpec text
        QString name;           // display name
        LogSource::State state = LogSource::State::Stopped;
        QString reason;         // why it is in that state; empty while all is well
        bool needsUser = false; // stopped until the user acts (changed host key, refused login)
        bool paused = false;
        qint64 position = 0;    // stream position stored
        qint64 linesRead = 0;   // every line ever read from it
        double rate = 0;        // lines per second lately
    };

    SourceManager(const QString &storePath, const SourceContext &context, QObject *parent = nullptr);
    ~SourceManager() override;

    // Opens the store and starts every defined source that is not paused.
    // False with a message when the store cannot be opened.
    bool open(QString *error);
    QString storePath() const { return m_storePath; }

    QList<Status> sources() const { return m_sources; }
    std::optional<Status> source(qint64 id) const;

    // Adds a source from what the user typed (see SourceSpec); starts it.
    // False with the parser's or the store's message.
    bool addSource(const QString &specText, QString *error);
    // Replaces a source's definition; it restarts from the new one's stored
    // place (a different log is a different source in the store).
    bool editSource(qint64 id, const QString &specText, QString *error);
    void setPaused(qint64 id, bool paused);
    // Stops following it and forgets its definition; its figures stay.
    void removeSource(qint64 id);
    // Retries now (after the user fixed what stopped it).
    void retry(qint64 id);

    // Starts the source given briefly, without storing anything, and reports
    // through testFinished() whether it reached its log (and why not).
    void test(const QString &specText);

    // Questions ssh asks (host keys, passwords) arrive here for the GUI.
    AskpassServer *askpass() const;

signals:
    void sourcesChanged();                // added, removed, edited
    void sourceUpdated(qint64 id);        // state or progress of one source
    void warning(qint64 id, const QString &message);
    void testFinished(const QString &specText, bool reached, const QString &message);

private:
    void applyStatus(const Status &status);

    QString m_storePath;
    SourceContext m_context;
    QList<Status> m_sources;
    std::unique_ptr<AskpassServer> m_askpass;
    QSet<QString> m_targetsAsked;        // ssh targets given a secret since their last outcome
    std::unique_ptr<QThread> m_thread;
    FollowWorker *m_worker = nullptr;    // lives on m_thread
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::SourceManager::Status)
