#include "models/mta/hostanswers.h"

#include <utility>

#include <QMetaObject>
#include <QObject>
#include <QProcess>

namespace mailtls {

void HostAnswers::later(QObject *context, const quint64 *generation, std::function<void()> answer)
{
    const quint64 asked = *generation;
    QMetaObject::invokeMethod(
        context,
        [generation, asked, answer = std::move(answer)] {
            if (asked == *generation)
                answer();
        },
        Qt::QueuedConnection);
}

void HostAnswers::onProcessEnd(QObject *context, QProcess *process,
                               const std::function<void(bool ran, int exitCode)> &finish)
{
    QObject::connect(process, &QProcess::finished, context, [finish](int exitCode, QProcess::ExitStatus status) {
        finish(true, status == QProcess::NormalExit ? exitCode : -1);
    });
    QObject::connect(process, &QProcess::errorOccurred, context, [context, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            QMetaObject::invokeMethod(
                context, [finish] { finish(false, -1); }, Qt::QueuedConnection);
    });
}

} // namespace mailtls
