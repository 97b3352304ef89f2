#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include "models/logs/records.h"
#include "models/store/peerrow.h"

class QGridLayout;
class QLabel;

namespace mailtls {

// One peer's figures per direction, as the peer detail page heads them: a
// line per direction it has, with its messages, encrypted share, bytes,
// connections, TLS failures, TLS versions, trust and when it was last seen.
// Each figure's tooltip gives the exact numbers behind it.
class PeerFiguresPanel final : public QWidget
{
    Q_OBJECT

public:
    enum class Figure { Messages, EncryptedShare, Bytes, Connections, TlsFailures, TlsVersions, Trust, LastSeen };
    Q_ENUM(Figure)
    static constexpr int figureCount = 8;

    explicit PeerFiguresPanel(QWidget *parent = nullptr);

    void setRows(const QList<PeerRow> &rows);
    const QList<PeerRow> &rows() const { return m_rows; }

    // Whether a line for `direction` is shown (the peer has it).
    bool showsDirection(Direction direction) const;
    // What one figure of one direction says (empty while its line is hidden).
    QString text(Direction direction, Figure figure) const;
    QString toolTip(Direction direction, Figure figure) const;

    static QString figureTitle(Figure figure);

private:
    static QString textOf(const PeerRow &row, Figure figure);
    static QString toolTipOf(const PeerRow &row, Figure figure);
    static QString figureExplanation(Figure figure);

    QList<PeerRow> m_rows;
    QHash<int, QLabel *> m_directionLabels;        // by Direction
    QHash<int, QList<QLabel *>> m_figureLabels;    // by Direction, one per Figure
};

} // namespace mailtls
