#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QString>

#include "models/logs/assemblerhints.h"
#include "models/logs/logevent.h"
#include "models/logs/logformat.h"
#include "models/logs/logline.h"
#include "models/logs/records.h"
#include "models/logs/sessionassembler.h"

namespace mailtls {

class MtaAssembler;

// Every MTA's assembler behind one face, for a log that may hold any of them:
// Postfix's events go to SessionAssembler, Sendmail's and Exim's lines to
// theirs; the clock each line carries moves all of them; their records come
// out together and their open state is saved as one. With a format hint only
// that MTA's lines are read (the others count as unrecognised).
class LogAssembler final
{
public:
    explicit LogAssembler(std::optional<LogFormat> hint = std::nullopt);
    ~LogAssembler();
    LogAssembler(const LogAssembler &) = delete;
    LogAssembler &operator=(const LogAssembler &) = delete;

    std::optional<LogFormat> hint() const { return m_hint; }
    bool reads(LogFormat format) const { return !m_hint || *m_hint == format; }

    // Postfix, as SessionAssembler::feed.
    void feed(const LogLine &line, const LogEvent &event, std::int64_t offset);
    void feed(std::int64_t time, std::uint64_t process, const LogEvent &event, std::int64_t offset,
              const AssemblerHints &hints);
    // A Sendmail or Exim line (otherLogFormatOf(line.program), or an Exim
    // mainlog line): false when it is not read (the hint leaves it out, or no
    // rule knows it).
    bool feedOther(LogFormat format, const LogLine &line, std::int64_t offset);

    void passTime(std::int64_t time);
    void finish();
    AssemblerOutput takeOutput();
    void recycle(AssemblerOutput &&spent);
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state, QString *error);

    // Lines each MTA's assembler took since construction: which format a
    // file holds ("postfix", "sendmail, exim" for a shared syslog).
    std::int64_t linesRead(LogFormat format) const { return m_lines[std::size_t(format)]; }
    // "postfix", "sendmail, exim": the formats that had lines, in that order.
    QString formatsSeen() const;

private:
    MtaAssembler *other(LogFormat format) const;

    std::optional<LogFormat> m_hint;
    SessionAssembler m_postfix;
    std::unique_ptr<MtaAssembler> m_sendmail;
    std::unique_ptr<MtaAssembler> m_exim;
    // Whether a Sendmail or Exim line was seen: only then do Postfix's lines
    // move their clocks too.
    bool m_othersSeen = false;
    std::array<std::int64_t, 3> m_lines {};
};

} // namespace mailtls
