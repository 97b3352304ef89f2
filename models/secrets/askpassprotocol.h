#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace mailtls {

// What ssh's askpass helper (the `mailtls` binary that ssh runs with a prompt
// as its only argument) and the AskpassServer of the MailTLS process that
// started ssh say to each other, over a local socket only their user can open.
//
// ssh's environment carries the socket's path (socketVariable()) and, set by
// whoever starts ssh, the host it connects to (targetVariable(),
// "[user@]host[:port]"). The helper sends one request and reads one reply,
// then the connection ends. Each is one frame: a 4-byte big-endian length,
// then that many bytes (at most maxFrameSize) of a UTF-8 JSON object:
//   request  {"prompt": TEXT, "target": TEXT, "mode": TEXT, "pid": NUMBER}
//            mode is ssh's SSH_ASKPASS_PROMPT ("", "confirm", "none"),
//            pid the ssh process that asks (the helper's parent)
//   reply    {"answer": TEXT}  or  {"refused": true}
// The secret travels only in the reply frame and on the helper's standard
// output to ssh: never in an argument, the environment or a file.
class AskpassProtocol final
{
public:
    struct Request
    {
        QString prompt;
        QString target;
        QString mode;
        qint64 sshPid = 0;
    };

    struct Reply
    {
        bool refused = true;
        QString answer;
    };

    enum class Frame { Incomplete, Complete, Invalid };

    static constexpr int maxFrameSize = 16 * 1024;
    // ssh's longest prompts (an unknown host key) are a few hundred bytes.
    static constexpr int maxPromptSize = 8 * 1024;

    static const char *socketVariable() { return "MAILTLS_ASKPASS_SOCKET"; }
    static const char *targetVariable() { return "MAILTLS_ASKPASS_TARGET"; }

    static QByteArray encode(const Request &request);
    static QByteArray encode(const Reply &reply);

    // Moves one whole frame's payload from the front of `buffer` into
    // `payload`. Incomplete until the whole frame is there; Invalid for a
    // length of zero or over maxFrameSize (the peer is not a helper: hang up).
    static Frame takeFrame(QByteArray &buffer, QByteArray *payload);

    static std::optional<Request> parseRequest(const QByteArray &payload);
    static std::optional<Reply> parseReply(const QByteArray &payload);
};

} // namespace mailtls
