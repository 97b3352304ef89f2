#pragma once

#include <functional>

#include "models/mta/fileaccess.h"

namespace mailtls {

// FileAccess on this computer: ConfigFile's reads and atomic writes (which
// take microseconds for configuration files), answered on the next event
// loop turn like every FileAccess.
class LocalFileAccess final : public FileAccess
{
    Q_OBJECT

public:
    explicit LocalFileAccess(QObject *parent = nullptr);

    void status(const QString &path, ReadDone done) override;
    void read(const QString &path, ReadDone done) override;
    void write(const QString &path, const QByteArray &bytes, std::optional<int> mode, std::optional<uint> owner,
               std::optional<uint> group, const Precondition &precondition, ChangeDone done) override;
    void remove(const QString &path, const Precondition &precondition, ChangeDone done) override;
    void existing(const QStringList &paths, ListDone done) override;
    void cancel() override;
    bool isLocal() const override { return true; }

    // What read() and status() answer, at once.
    static HostFile readNow(const QString &path, bool withBytes);

private:
    void later(std::function<void()> answer);
    // Whether `path` holds what `precondition` wants; *error set when it
    // could not be read.
    static bool holds(const QString &path, const Precondition &precondition, QString *error);

    quint64 m_generation = 0;
};

} // namespace mailtls
