#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimeZone>
#include <QTimer>

#include "models/logs/logassembler.h"
#include "models/sources/logsource.h"
#include "models/store/sourcerecord.h"

namespace mailtls {

class LineIngest;
class StoreWriter;

// Follows one source into the store: its chunks go through the line parsers
// into the session assembler, and what that finishes goes to the store writer
// as a batch carrying the source's position, its cursor and the assembler's
// open state, so the store always holds records, position and state of the
// same moment. A restart (a new follower built from the stored SourceRecord)
// therefore continues exactly: no line lost, none counted twice, and sessions
// open at the stop completed as in one clean read.
//
// Batches are written at most `flushIntervalMs` after their first line (the
// latency from a line written to it being in the store) or when
// `maxBatchLines` lines are waiting. Lives on the thread of its source.
class SourceFollower final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QTimeZone zone = QTimeZone::systemTimeZone();
        int flushIntervalMs = 200;
        int maxBatchLines = 65536;
    };

    // Takes ownership of `source`. `record` is the source as the store holds it.
    SourceFollower(StoreWriter &writer, std::unique_ptr<LogSource> source,
                   const SourceRecord &record, const Options &options, QObject *parent = nullptr);
    ~SourceFollower() override;

    // Restores the stored state and starts the source. A damaged assembler
    // state is reported through warning() and reading goes on from the stored
    // position with no open sessions (at most the sessions open at that moment
    // are miscounted; nothing is counted twice).
    void start();
    // Stops the source and hands what was read to the writer.
    void stop();
    // Writes what was read so far now (a batch even when no record is finished).
    void flush();

    LogSource *source() const { return m_source.get(); }
    qint64 sourceId() const { return m_record.id; }
    const SourceRecord &record() const { return m_record; }
    // Stream position after the last line read, and lines read since start().
    qint64 position() const { return m_position; }
    qint64 linesRead() const { return m_linesRead; }
    // Lines per second over the last few seconds.
    double rate() const;
    bool isRunning() const { return m_running; }

signals:
    void stateChanged(mailtls::LogSource::State state, const QString &reason);
    void warning(const QString &message);
    // After each batch handed to the writer.
    void progressed(qint64 position, qint64 linesRead);
    // The writer refused a batch (it failed); reading stops.
    void failed(const QString &error);

private:
    void onChunk(const SourceChunk &chunk);

    StoreWriter &m_writer;
    std::unique_ptr<LogSource> m_source;
    SourceRecord m_record;
    Options m_options;
    std::unique_ptr<LineIngest> m_ingest;
    LogAssembler m_assembler;
    QTimer m_flushTimer;
    bool m_running = false;

    qint64 m_position = 0;
    QByteArray m_cursor;
    std::string m_lastLine;
    qint64 m_pendingLines = 0;
    qint64 m_linesRead = 0;
    bool m_dirty = false;          // read something since the last batch

    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms, linesRead)
};

} // namespace mailtls
