#pragma once

#include <QList>
#include <QString>
#include <QWidget>
#include <QtGlobal>

#include "widgets/campaign/campaignpeerrow.h"

class QAreaSeries;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace mailtls {

// A campaign's progress over time: how many of its failing peers were fixed
// (a solid area in the encrypted colour), how many are not yet (hatched in
// the plaintext colour, up to the total), and how many letters were sent (a
// dashed line), from the window's start to now. The x axis
// counts days since the window started, so it reads the same in every time
// zone; the title says "11 of 38 fixed". Fixed and not fixed differ in
// pattern as well as colour, the letters line in its dashes, so the
// chart reads without colour too.
class CampaignProgressChart final : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignProgressChart(QWidget *parent = nullptr);

    // The chart of these peers' fixes and these letter times, from
    // `windowStart` to `now` (or the last fix or letter, if later).
    void setProgress(qint64 windowStart, const QList<CampaignPeerRow> &rows, const QList<qint64> &lettersSent,
                     qint64 now);
    void clear();

    int fixed() const { return m_fixed; }
    int total() const { return m_total; }
    QString title() const;

    QChartView *chartView() const { return m_view; }
    QChart *chart() const;
    // The series as drawn (x in days since the window started): the fixed
    // count as steps, the total as a flat line, the letters sent as steps.
    QLineSeries *fixedSeries() const { return m_fixedLine; }
    QLineSeries *totalSeries() const { return m_totalLine; }
    QLineSeries *lettersSeries() const { return m_letters; }
    QAreaSeries *fixedArea() const { return m_fixedArea; }
    QAreaSeries *openArea() const { return m_openArea; }
    QValueAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *countAxis() const { return m_countAxis; }

    // Cumulative steps: (0, 0), then at each time (in days from `start`)
    // the count before and after it, and the last count at `end`.
    static QList<QPointF> steps(qint64 start, QList<qint64> times, qint64 end);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QChartView *m_view = nullptr;
    QLineSeries *m_fixedLine = nullptr;
    QLineSeries *m_baseLine = nullptr;
    QLineSeries *m_totalLine = nullptr;
    QLineSeries *m_letters = nullptr;
    QAreaSeries *m_fixedArea = nullptr;
    QAreaSeries *m_openArea = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    int m_fixed = 0;
    int m_total = 0;
};

} // namespace mailtls
