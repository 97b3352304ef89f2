#include "models/sources/hostkeyquestion.h"

#include <QRegularExpression>

namespace mailtls {

namespace {

// ssh cuts the host at 200 characters; a prompt far longer than ssh writes is
// not one of its questions.
constexpr qsizetype maxPromptSize = 8 * 1024;

// "[name]:port" or "name": the name without brackets, and the port if given.
void splitEndpoint(const QString &endpoint, QString *name, int *port)
{
    static const QRegularExpression bracketed(QStringLiteral("^\\[([^\\]]+)\\]:(\\d{1,5})$"));
    const QRegularExpressionMatch match = bracketed.match(endpoint);
    if (!match.hasMatch()) {
        *name = endpoint;
        return;
    }
    *name = match.captured(1);
    const int value = match.captured(2).toInt();
    if (value >= 1 && value <= 65535)
        *port = value;
}

} // namespace

std::optional<HostKeyQuestion> HostKeyQuestion::parse(const QString &prompt)
{
    if (prompt.size() > maxPromptSize)
        return std::nullopt;
    static const QRegularExpression first(
        QStringLiteral("^The authenticity of host '(.+) \\(([^()]*)\\)' can't be established(?:\\.|$)"));
    static const QRegularExpression fingerprintLine(
        QStringLiteral("^([A-Z0-9][A-Z0-9-]*) key fingerprint is ((?:SHA256|SHA384|SHA512|MD5):\\S+?)\\.$"));
    static const QRegularExpression otherName(QStringLiteral("^    (\\S.*:\\d+: .+)$"));
    static const QRegularExpression last(
        QStringLiteral("^Are you sure you want to continue connecting \\(yes/no(?:/\\[fingerprint\\])?\\)\\? ?$"));

    QStringList lines = prompt.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.size() < 3)
        return std::nullopt;
    const QRegularExpressionMatch head = first.match(lines.constFirst());
    if (!head.hasMatch() || !last.match(lines.constLast()).hasMatch())
        return std::nullopt;

    HostKeyQuestion question;
    int addressPort = 0;
    int namePort = 0;
    splitEndpoint(head.captured(1), &question.host, &namePort);
    const QString address = head.captured(2);
    // With a ProxyCommand ssh has no address: "<no hostip for proxy command>".
    if (!address.startsWith(QLatin1Char('<')))
        splitEndpoint(address, &question.address, &addressPort);
    question.port = namePort != 0 ? namePort : addressPort != 0 ? addressPort : 22;

    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QRegularExpressionMatch print = fingerprintLine.match(line);
        if (print.hasMatch() && question.fingerprint.isEmpty()) {
            question.keyType = print.captured(1);
            question.fingerprint = print.captured(2);
            continue;
        }
        const QRegularExpressionMatch other = otherName.match(line);
        if (other.hasMatch())
            question.otherNames << other.captured(1);
    }
    if (question.host.isEmpty() || question.fingerprint.isEmpty())
        return std::nullopt;
    return question;
}

} // namespace mailtls
