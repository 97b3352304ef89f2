#pragma once

#include <QObject>

class QSocketNotifier;

namespace mailtls {

// SIGINT and SIGTERM as a Qt signal for the command-line verbs: the handler
// only writes a byte to a socket pair (about all a signal handler may do),
// and a notifier turns it into stopRequested() on the event loop. One at a
// time; the destructor gives both signals their default action back.
class StopSignals final : public QObject
{
    Q_OBJECT

public:
    enum class Second {
        Stops,     // a second Ctrl+C is one more stopRequested()
        EndsAtOnce // a second Ctrl+C ends the program, as usual
    };
    explicit StopSignals(Second second, QObject *parent = nullptr);
    ~StopSignals() override;

    // False when the signals cannot be caught (errno says why).
    bool isCatching() const { return m_catching; }
    // The handler, for a blocking read that a signal must interrupt: install
    // it without SA_RESTART around the read.
    static void handler(int number);

signals:
    void stopRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
    bool m_catching = false;
};

} // namespace mailtls
