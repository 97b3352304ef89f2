#include "app/askpass.h"

#include <cstdio>
#include <optional>

#include <QByteArray>
#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QString>

#include "models/secrets/askpassprotocol.h"
#include "models/secrets/askpassserver.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace mailtls {

namespace {

constexpr int connectTimeout = 5 * 1000;
// The server refuses a question after its own timeout; a little longer here
// covers a server that stopped answering.
constexpr int replyTimeout = AskpassServer::defaultQuestionTimeout + 60 * 1000;

// ssh shows the helper's standard error to nobody but the log of whoever ran
// ssh: short words in English are enough.
int fail(const QString &message)
{
    const QByteArray bytes = QStringLiteral("mailtls askpass: %1\n").arg(message).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return 1;
}

std::optional<AskpassProtocol::Reply> readReply(QLocalSocket &socket)
{
    QDeadlineTimer deadline(replyTimeout);
    QByteArray buffer;
    QByteArray payload;
    for (;;) {
        buffer += socket.read(AskpassProtocol::maxFrameSize + 4 - buffer.size());
        switch (AskpassProtocol::takeFrame(buffer, &payload)) {
        case AskpassProtocol::Frame::Complete:
            return AskpassProtocol::parseReply(payload);
        case AskpassProtocol::Frame::Invalid:
            return std::nullopt;
        case AskpassProtocol::Frame::Incomplete:
            break;
        }
        if (socket.bytesAvailable() > 0)
            continue;
        if (socket.state() != QLocalSocket::ConnectedState || deadline.hasExpired())
            return std::nullopt;
        socket.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)));
    }
}

} // namespace

bool Askpass::isInvoked(int argc)
{
    return argc == 2 && !qEnvironmentVariableIsEmpty(AskpassProtocol::socketVariable());
}

int Askpass::run(int argc, char *argv[])
{
    // QLocalSocket wants an application object; this one runs no event loop.
    QCoreApplication app(argc, argv);

    AskpassProtocol::Request request;
    request.prompt = QString::fromLocal8Bit(argv[1]);
    request.target = qEnvironmentVariable(AskpassProtocol::targetVariable());
    request.mode = qEnvironmentVariable("SSH_ASKPASS_PROMPT");
#ifdef Q_OS_UNIX
    request.sshPid = qint64(::getppid());
#endif
    if (request.prompt.size() > AskpassProtocol::maxPromptSize)
        return fail(QStringLiteral("the prompt is too long"));

    QLocalSocket socket;
    socket.connectToServer(qEnvironmentVariable(AskpassProtocol::socketVariable()));
    if (!socket.waitForConnected(connectTimeout))
        return fail(QStringLiteral("MailTLS is not there to answer (%1)").arg(socket.errorString()));
    socket.write(AskpassProtocol::encode(request));
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(connectTimeout))
            return fail(QStringLiteral("MailTLS did not take the question (%1)").arg(socket.errorString()));

    const std::optional<AskpassProtocol::Reply> reply = readReply(socket);
    if (!reply)
        return fail(QStringLiteral("MailTLS gave no answer"));
    if (reply->refused)
        return 1;
    const QByteArray answer = reply->answer.toUtf8() + '\n';
    std::fwrite(answer.constData(), 1, size_t(answer.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace mailtls
