#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "models/store/peerrow.h"

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace mailtls {

// Encrypted versus plaintext messages per peer as horizontal stacked bars, one
// bar per (direction, peer), the first row at the top. New rows are written
// into the existing series, so a live redraw neither flickers nor loses the
// legend; nothing animates. Hovering a bar shows its exact figures.
class PeerBarChart final : public QWidget
{
    Q_OBJECT

public:
    explicit PeerBarChart(QWidget *parent = nullptr);

    // `withDirection` names each bar's direction as well as its peer (when the
    // rows are not all of one direction, a peer may have a bar per direction).
    void setRows(const QList<PeerRow> &rows, bool withDirection);
    const QList<PeerRow> &rows() const { return m_rows; }

    // The `count` rows with the most messages, most first (ties: by peer, then
    // direction); rows without messages have no bar and are left out.
    static QList<PeerRow> topRows(const QList<PeerRow> &rows, int count);

    // What ExportMenu::setPicture draws.
    QChartView *chartView() const { return m_view; }
    QChart *chart() const;
    QHorizontalStackedBarSeries *barSeries() const { return m_bars; }
    // Values and categories as Qt Charts orders a horizontal axis: index 0 is
    // the bottom bar, i.e. the last of rows().
    QBarSet *encryptedSet() const { return m_encrypted; }
    QBarSet *plaintextSet() const { return m_plaintext; }
    QBarCategoryAxis *peerAxis() const { return m_peerAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }

    // The exact figures of rows()[row], as its hover tooltip shows them.
    QString barText(int row) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QStringList labels(bool withDirection) const;
    void applyData();
    void applyPalette();
    void showTip(int barIndex);

    QList<PeerRow> m_rows;
    bool m_withDirection = true;
    QChartView *m_view = nullptr;
    QHorizontalStackedBarSeries *m_bars = nullptr;
    QBarSet *m_encrypted = nullptr;
    QBarSet *m_plaintext = nullptr;
    QBarCategoryAxis *m_peerAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace mailtls
