#pragma once

#include <optional>
#include <string_view>

#include <QString>

namespace mailtls {

// The MTAs whose logs MailTLS counts. A file may mix them (a shared syslog):
// each line is read by the one whose program wrote it.
enum class LogFormat { Postfix, Sendmail, Exim };

// The words of --format-hint and of reports: "postfix", "sendmail", "exim".
QString logFormatName(LogFormat format);
std::optional<LogFormat> logFormatFromName(const QString &name);
// Sendmail's or Exim's program names (SendmailAssembler::isSendmailProgram,
// EximAssembler::isEximProgram); nothing for Postfix's and every other program.
std::optional<LogFormat> otherLogFormatOf(std::string_view program);

} // namespace mailtls
