#include "models/logs/logassembler.h"

#include <QDataStream>
#include <QIODevice>
#include <QStringList>

#include "models/logs/eximassembler.h"
#include "models/logs/mtaassembler.h"
#include "models/logs/sendmailassembler.h"

namespace mailtls {

namespace {

// Saved states begin with this; a state without it is SessionAssembler's own,
// as stores written before Sendmail and Exim were read hold it.
constexpr quint32 StateMagic = 0x4d4c4131; // "MLA1"

void append(AssemblerOutput &to, AssemblerOutput &&from)
{
    if (to.isEmpty()) {
        to = std::move(from);
        return;
    }
    for (auto &r : from.transfers)
        to.transfers.push_back(std::move(r));
    for (auto &r : from.connections)
        to.connections.push_back(std::move(r));
    for (auto &r : from.failures)
        to.failures.push_back(std::move(r));
    for (auto &r : from.refusals)
        to.refusals.push_back(std::move(r));
}

} // namespace

LogAssembler::LogAssembler(std::optional<LogFormat> hint)
    : m_hint(hint)
    , m_sendmail(std::make_unique<SendmailAssembler>())
    , m_exim(std::make_unique<EximAssembler>())
{
}

LogAssembler::~LogAssembler() = default;

MtaAssembler *LogAssembler::other(LogFormat format) const
{
    switch (format) {
    case LogFormat::Sendmail:
        return m_sendmail.get();
    case LogFormat::Exim:
        return m_exim.get();
    case LogFormat::Postfix:
        break;
    }
    return nullptr;
}

void LogAssembler::feed(const LogLine &line, const LogEvent &event, std::int64_t offset)
{
    m_postfix.feed(line, event, offset);
    ++m_lines[std::size_t(LogFormat::Postfix)];
    if (m_othersSeen) {
        m_sendmail->passTime(line.timeUtc);
        m_exim->passTime(line.timeUtc);
    }
}

void LogAssembler::feed(std::int64_t time, std::uint64_t process, const LogEvent &event, std::int64_t offset,
                        const AssemblerHints &hints)
{
    m_postfix.feed(time, process, event, offset, hints);
    ++m_lines[std::size_t(LogFormat::Postfix)];
    if (m_othersSeen) {
        m_sendmail->passTime(time);
        m_exim->passTime(time);
    }
}

bool LogAssembler::feedOther(LogFormat format, const LogLine &line, std::int64_t offset)
{
    MtaAssembler *assembler = other(format);
    if (!assembler || !reads(format))
        return false;
    m_othersSeen = true;
    if (!assembler->feed(line, offset))
        return false;
    ++m_lines[std::size_t(format)];
    // The log's clock moves for the others too.
    m_postfix.passTime(line.timeUtc);
    (assembler == m_sendmail.get() ? m_exim : m_sendmail)->passTime(line.timeUtc);
    return true;
}

void LogAssembler::passTime(std::int64_t time)
{
    m_postfix.passTime(time);
    if (m_othersSeen) {
        m_sendmail->passTime(time);
        m_exim->passTime(time);
    }
}

void LogAssembler::finish()
{
    m_postfix.finish();
    m_sendmail->finish();
    m_exim->finish();
}

AssemblerOutput LogAssembler::takeOutput()
{
    AssemblerOutput out = m_postfix.takeOutput();
    if (m_othersSeen) {
        append(out, m_sendmail->takeOutput());
        append(out, m_exim->takeOutput());
    }
    return out;
}

void LogAssembler::recycle(AssemblerOutput &&spent)
{
    // An output holds the records of every MTA read; the buffers go back to
    // the one that fills most of them (Sendmail's and Exim's outputs went to
    // Postfix's assembler, which never needed them, and each of their
    // batches was allocated anew).
    const auto postfix = m_lines[std::size_t(LogFormat::Postfix)];
    const auto sendmail = m_lines[std::size_t(LogFormat::Sendmail)];
    const auto exim = m_lines[std::size_t(LogFormat::Exim)];
    if (sendmail > postfix && sendmail >= exim)
        m_sendmail->recycle(std::move(spent));
    else if (exim > postfix && exim > sendmail)
        m_exim->recycle(std::move(spent));
    else
        m_postfix.recycle(std::move(spent));
}

QByteArray LogAssembler::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << StateMagic << m_postfix.saveState() << (m_othersSeen ? m_sendmail->saveState() : QByteArray())
        << (m_othersSeen ? m_exim->saveState() : QByteArray()) << m_othersSeen;
    return state;
}

bool LogAssembler::restoreState(const QByteArray &state, QString *error)
{
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    in >> magic;
    if (magic != StateMagic)
        return m_postfix.restoreState(state, error);
    QByteArray postfix;
    QByteArray sendmail;
    QByteArray exim;
    bool othersSeen = false;
    in >> postfix >> sendmail >> exim >> othersSeen;
    if (in.status() != QDataStream::Ok) {
        *error = QStringLiteral("the saved reading state is damaged");
        return false;
    }
    if (!m_postfix.restoreState(postfix, error))
        return false;
    if (!sendmail.isEmpty() && !m_sendmail->restoreState(sendmail, error))
        return false;
    if (!exim.isEmpty() && !m_exim->restoreState(exim, error))
        return false;
    m_othersSeen = othersSeen;
    return true;
}

QString LogAssembler::formatsSeen() const
{
    QStringList seen;
    for (LogFormat format : {LogFormat::Postfix, LogFormat::Sendmail, LogFormat::Exim}) {
        if (m_lines[std::size_t(format)] > 0)
            seen.append(logFormatName(format));
    }
    return seen.join(QStringLiteral(", "));
}

} // namespace mailtls
