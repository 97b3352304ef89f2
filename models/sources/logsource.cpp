#include "models/sources/logsource.h"

namespace mailtls {

LogSource::LogSource(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mailtls::SourceChunk>();
}

QString LogSource::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QCoreApplication::translate("LogSource", "stopped");
    case State::Connecting:
        return QCoreApplication::translate("LogSource", "connecting");
    case State::Following:
        return QCoreApplication::translate("LogSource", "following");
    case State::Lagging:
        return QCoreApplication::translate("LogSource", "catching up");
    }
    return QString();
}

void LogSource::setState(State state, const QString &reason, bool needsUser)
{
    if (state == m_state && reason == m_reason && needsUser == m_needsUser)
        return;
    m_state = state;
    m_reason = reason;
    m_needsUser = needsUser;
    emit stateChanged(state, reason);
}

} // namespace mailtls
