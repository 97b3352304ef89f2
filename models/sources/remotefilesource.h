#pragma once

#include <memory>

#include <QString>

#include "models/sources/processsource.h"
#include "models/sources/remotefiledecoder.h"

namespace mailtls {

// Follows a log file on a host (this machine, or one reached over SSH) with
// RemoteFileScript: through rotation by rename, copytruncate and deletion, and
// across reconnects, resuming just past the last whole line handed on. Its
// stream runs on across files: a new file's first byte follows the old file's
// last one.
//
// Cursor: RemoteFileCursor's text ("rf1 <dev:inode> <digest> <offset>").
class RemoteFileSource final : public ProcessSource
{
    Q_OBJECT

public:
    // Bytes still to read past which the source says it is lagging.
    static constexpr qint64 lagThreshold = 1024 * 1024;

    RemoteFileSource(std::shared_ptr<const CommandHost> host, const QString &path,
                     QObject *parent = nullptr);

    QString path() const { return m_path; }

protected:
    QStringList command(const QByteArray &cursor) const override;
    void beginRun(const QByteArray &cursor) override;
    void readOutput(const QByteArray &bytes) override;
    QString failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const override;
    QString commandName() const override;

private:
    RemoteFileCursor startCursor(const QByteArray &cursor) const;
    QString errorText(const QByteArray &error) const;
    QString warningText(const QByteArray &code) const;

    QString m_path;
    RemoteFileDecoder m_decoder;
    QByteArray m_error;         // the run's E frame
    qint64 m_modified = 0;      // the file's mtime, for the year of yearless stamps
};

} // namespace mailtls
