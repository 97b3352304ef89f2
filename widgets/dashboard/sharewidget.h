#pragma once

#include <QWidget>

#include "models/store/overviewfigures.h"

class QLabel;

namespace mailtls {

class ShareBar;

// How much of one direction's mail was encrypted: big percentages by
// messages and by bytes, the counts behind them, a bar for each, and the
// connections and TLS failures; the tooltip says what the figures count.
class ShareWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ShareWidget(Direction direction, QWidget *parent = nullptr);

    void setShare(const DirectionShare &share);
    const DirectionShare &share() const { return m_share; }
    Direction direction() const { return m_share.direction; }

    QLabel *messagePercentLabel() const { return m_messagePercent; }
    QLabel *messageCountLabel() const { return m_messageCount; }
    QLabel *bytePercentLabel() const { return m_bytePercent; }
    QLabel *byteCountLabel() const { return m_byteCount; }
    QLabel *connectionLabel() const { return m_connections; }
    ShareBar *messageBar() const { return m_messageBar; }
    ShareBar *byteBar() const { return m_byteBar; }

    // What the figures of a direction mean, as COUNTING.md defines them.
    static QString explanation(Direction direction);

private:
    DirectionShare m_share;
    QLabel *m_title = nullptr;
    QLabel *m_messagePercent = nullptr;
    QLabel *m_messageCount = nullptr;
    QLabel *m_bytePercent = nullptr;
    QLabel *m_byteCount = nullptr;
    QLabel *m_connections = nullptr;
    ShareBar *m_messageBar = nullptr;
    ShareBar *m_byteBar = nullptr;
};

} // namespace mailtls
