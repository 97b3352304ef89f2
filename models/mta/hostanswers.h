#pragma once

#include <functional>

#include <QtGlobal>

class QObject;
class QProcess;

namespace mailtls {

// How the file readers on a service's host answer their callers.
namespace HostAnswers {

// Queues `answer` on `context`'s thread; it is dropped when `*generation`
// (the context's own counter, bumped by a cancel) has moved on meanwhile.
void later(QObject *context, const quint64 *generation, std::function<void()> answer);

// Calls `finish(ran, exitCode)` once `process` ends: exitCode -1 when it
// crashed; ran false when it failed to start, queued, so a start that fails
// at once does not answer inside the call.
void onProcessEnd(QObject *context, QProcess *process, const std::function<void(bool ran, int exitCode)> &finish);

} // namespace HostAnswers

} // namespace mailtls
