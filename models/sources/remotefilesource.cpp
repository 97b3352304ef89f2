#include "models/sources/remotefilesource.h"

#include <QDateTime>

#include "models/sources/remotefilescript.h"

namespace mailtls {

RemoteFileSource::RemoteFileSource(std::shared_ptr<const CommandHost> host, const QString &path,
                                   QObject *parent)
    : ProcessSource(std::move(host), parent)
    , m_path(path)
{
}

RemoteFileCursor RemoteFileSource::startCursor(const QByteArray &cursor) const
{
    // A cursor this source never made cannot say where to go on: start over
    // rather than guess a place in some other file.
    return RemoteFileCursor::parse(cursor).value_or(RemoteFileCursor());
}

QStringList RemoteFileSource::command(const QByteArray &cursor) const
{
    const RemoteFileCursor start = startCursor(cursor);
    return RemoteFileScript::command(m_path, start.identity, start.digest, start.offset);
}

void RemoteFileSource::beginRun(const QByteArray &cursor)
{
    if (isFirstRunFrom() && !RemoteFileCursor::parse(cursor))
        emit warning(tr("The stored position in %1 on %2 could not be read; reading the file from its start.")
                         .arg(m_path, host().displayName()));
    m_decoder.reset(startCursor(cursor));
    m_error.clear();
}

void RemoteFileSource::readOutput(const QByteArray &bytes)
{
    const quint64 run = currentRun();
    const RemoteFileDecoder::Output out = m_decoder.feed(bytes);
    if (out.modified > 0)
        m_modified = out.modified;
    const qint64 referenceTime = m_modified > 0 ? m_modified : QDateTime::currentSecsSinceEpoch();
    if (!deliver(out.text, m_decoder.cursor().toBytes(), referenceTime))
        return;
    for (const QByteArray &code : out.warnings) {
        emit warning(warningText(code));
        if (!isCurrentRun(run))
            return;
    }
    if (!out.protocolError.isEmpty()) {
        failRun(tr("The file reader on %1 wrote something unexpected: %2")
                    .arg(host().displayName(), QString::fromUtf8(out.protocolError)));
        return;
    }
    if (!out.error.isEmpty()) {
        // The script ends after it; its exit brings the message.
        m_error = out.error;
        return;
    }
    if (out.pending >= 0)
        setReading(out.pending > lagThreshold);
    else if (out.opened && state() != State::Lagging)
        setReading(false);
}

QString RemoteFileSource::failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const
{
    if (!m_error.isEmpty())
        return errorText(m_error);
    if (exitCode == 127)
        return tr("%1 cannot run the file reader: it has no POSIX shell (sh)").arg(host().displayName());
    return ProcessSource::failureReason(exitCode, crashed, errorOutput);
}

QString RemoteFileSource::commandName() const
{
    return tr("The file reader");
}

QString RemoteFileSource::errorText(const QByteArray &error) const
{
    const QList<QByteArray> words = error.split(' ');
    const QByteArray &code = words.at(0);
    const QString detail = QString::fromUtf8(words.value(1));
    const QString where = host().displayName();
    if (code == "missing")
        return tr("%1 does not exist on %2").arg(m_path, where);
    if (code == "notfile")
        return tr("%1 on %2 is not a regular file").arg(m_path, where);
    if (code == "noproc")
        return tr("%1 has no /proc file system: MailTLS follows files on Linux hosts only").arg(where);
    if (code == "notool")
        return tr("%1 lacks the program %2, which the file reader needs").arg(where, detail);
    if (code == "denied") {
        const bool group = !detail.isEmpty() && detail != QLatin1String("-");
        if (host().isLocal()) {
            return group ? tr("Permission denied reading %1 on %2: run MailTLS as a user in group %3 "
                              "(or as one that can read it)")
                               .arg(m_path, where, detail)
                         : tr("Permission denied reading %1 on %2: run MailTLS as a user that can read it")
                               .arg(m_path, where);
        }
        return group ? tr("Permission denied reading %1 on %2: the SSH user needs to be in group %3 "
                          "(or use a user that can read it)")
                           .arg(m_path, where, detail)
                     : tr("Permission denied reading %1 on %2: use an SSH user that can read it")
                           .arg(m_path, where);
    }
    return tr("The file reader on %1 failed: %2").arg(where, QString::fromUtf8(error));
}

QString RemoteFileSource::warningText(const QByteArray &code) const
{
    const QString where = host().displayName();
    if (code == "replaced")
        return tr("%1 on %2 was replaced while MailTLS was not following it, and the old file is "
                  "gone: lines written to it after the last one read are missing. Reading goes on "
                  "with the new file from its start.")
            .arg(m_path, where);
    if (code == "truncated")
        return tr("%1 on %2 was emptied while MailTLS was not following it, and no copy of it was "
                  "found beside it: lines written to it after the last one read are missing. Reading "
                  "goes on from its start.")
            .arg(m_path, where);
    return tr("The file reader on %1 warns: %2").arg(where, QString::fromUtf8(code));
}

} // namespace mailtls
