#include "models/logs/logformat.h"

#include "models/logs/eximassembler.h"
#include "models/logs/sendmailassembler.h"

namespace mailtls {

QString logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Postfix:
        return QStringLiteral("postfix");
    case LogFormat::Sendmail:
        return QStringLiteral("sendmail");
    case LogFormat::Exim:
        return QStringLiteral("exim");
    }
    return QString();
}

std::optional<LogFormat> logFormatFromName(const QString &name)
{
    for (LogFormat format : {LogFormat::Postfix, LogFormat::Sendmail, LogFormat::Exim}) {
        if (logFormatName(format) == name)
            return format;
    }
    return std::nullopt;
}

std::optional<LogFormat> otherLogFormatOf(std::string_view program)
{
    if (SendmailAssembler::isSendmailProgram(program))
        return LogFormat::Sendmail;
    if (EximAssembler::isEximProgram(program))
        return LogFormat::Exim;
    return std::nullopt;
}

} // namespace mailtls
