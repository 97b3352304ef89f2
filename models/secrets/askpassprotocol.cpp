#include "models/secrets/askpassprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QtEndian>

namespace mailtls {

namespace {

QByteArray frame(const QJsonObject &object)
{
    const QByteArray payload = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QByteArray bytes(4, '\0');
    qToBigEndian<quint32>(quint32(payload.size()), bytes.data());
    return bytes + payload;
}

std::optional<QJsonObject> objectOf(const QByteArray &payload)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QByteArray AskpassProtocol::encode(const Request &request)
{
    return frame(QJsonObject{{QStringLiteral("prompt"), request.prompt},
                             {QStringLiteral("target"), request.target},
                             {QStringLiteral("mode"), request.mode},
                             {QStringLiteral("pid"), double(request.sshPid)}});
}

QByteArray AskpassProtocol::encode(const Reply &reply)
{
    if (reply.refused)
        return frame(QJsonObject{{QStringLiteral("refused"), true}});
    return frame(QJsonObject{{QStringLiteral("answer"), reply.answer}});
}

AskpassProtocol::Frame AskpassProtocol::takeFrame(QByteArray &buffer, QByteArray *payload)
{
    if (buffer.size() < 4)
        return Frame::Incomplete;
    const quint32 length = qFromBigEndian<quint32>(buffer.constData());
    if (length == 0 || length > quint32(maxFrameSize))
        return Frame::Invalid;
    if (buffer.size() < 4 + qsizetype(length))
        return Frame::Incomplete;
    *payload = buffer.mid(4, qsizetype(length));
    buffer.remove(0, 4 + qsizetype(length));
    return Frame::Complete;
}

std::optional<AskpassProtocol::Request> AskpassProtocol::parseRequest(const QByteArray &payload)
{
    const std::optional<QJsonObject> object = objectOf(payload);
    if (!object)
        return std::nullopt;
    const QJsonValue prompt = object->value(QStringLiteral("prompt"));
    const QJsonValue target = object->value(QStringLiteral("target"));
    const QJsonValue mode = object->value(QStringLiteral("mode"));
    const QJsonValue pid = object->value(QStringLiteral("pid"));
    if (!prompt.isString() || !(target.isString() || target.isUndefined())
        || !(mode.isString() || mode.isUndefined()) || !(pid.isDouble() || pid.isUndefined()))
        return std::nullopt;
    Request request;
    request.prompt = prompt.toString();
    request.target = target.toString();
    request.mode = mode.toString();
    const double pidValue = pid.toDouble(0);
    if (request.prompt.size() > maxPromptSize || pidValue < 0 || pidValue > 2147483647.0)
        return std::nullopt;
    request.sshPid = qint64(pidValue);
    return request;
}

std::optional<AskpassProtocol::Reply> AskpassProtocol::parseReply(const QByteArray &payload)
{
    const std::optional<QJsonObject> object = objectOf(payload);
    if (!object)
        return std::nullopt;
    const QJsonValue answer = object->value(QStringLiteral("answer"));
    if (answer.isString())
        return Reply{false, answer.toString()};
    if (object->value(QStringLiteral("refused")).toBool(false))
        return Reply{true, QString()};
    return std::nullopt;
}

} // namespace mailtls
