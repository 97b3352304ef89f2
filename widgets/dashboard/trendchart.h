#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "models/store/trendseries.h"

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace mailtls {

// Encrypted versus plaintext mail over time as stacked bars, one per bucket
// (hour or day, labelled in UTC), with the TLS failures of each bucket as a
// line on an axis of their own (they count attempts, not messages). Bars
// show messages or bytes. New data is written into the existing series, so a
// live redraw neither flickers nor loses the legend; nothing animates.
class TrendChart final : public QWidget
{
    Q_OBJECT

public:
    enum class Measure { Messages, Bytes };
    Q_ENUM(Measure)

    explicit TrendChart(QWidget *parent = nullptr);

    void setTrend(const TrendSeries &trend);
    const TrendSeries &trend() const { return m_trend; }
    void setMeasure(Measure measure);
    Measure measure() const { return m_measure; }

    // What ExportMenu::setPicture draws.
    QChartView *chartView() const { return m_view; }
    QChart *chart() const;

    // The series as drawn: one bar value per bucket, in the axis's unit (see
    // byteUnit()), and one failure point per bucket at x = its index. The
    // bars' category axis names every bucket but stays hidden; the time axis
    // under the chart labels buckets spaced as labelSpacing() says, as many
    // as the width has room for.
    QBarSet *encryptedSet() const { return m_encrypted; }
    QBarSet *plaintextSet() const { return m_plaintext; }
    QLineSeries *failureSeries() const { return m_failures; }
    QStackedBarSeries *barSeries() const { return m_bars; }
    QBarCategoryAxis *timeAxis() const { return m_timeAxis; }
    QCategoryAxis *labelAxis() const { return m_labelAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }
    QValueAxis *failureAxis() const { return m_failureAxis; }
    // The unit bytes are drawn in ("B", "KiB", "MiB", "GiB", "TiB"): the
    // largest whose value the biggest bucket reaches; its power of 1024.
    QString byteUnit() const;
    int byteUnitPower() const { return m_bytePower; }

    // The exact figures of one bucket, as its hover tooltip shows them.
    QString bucketText(int index) const;

    // Where time labels stand so that about `maxLabels` fit, on calendar
    // boundaries: every 1, 2, 3, 6, 12 hours or whole days (UTC); every 1 or
    // 2 days, on Mondays every week or two, or on the first of every 1, 3, 6
    // or 12 months (then years).
    struct LabelSpacing
    {
        int buckets = 1;   // a label every this many buckets, or
        int months = 0;    // when > 0, on the first day of every this many months

        bool operator==(const LabelSpacing &other) const
        {
            return buckets == other.buckets && months == other.months;
        }
    };
    static LabelSpacing labelSpacing(TrendBucket bucket, int points, int maxLabels);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyData();
    void applyPalette();
    void showBucketTip(int index);
    QStringList categories() const;
    QString labelFormat(const LabelSpacing &spacing) const;
    void updateLabels();
    void updateAccessibleText();

    TrendSeries m_trend;
    Measure m_measure = Measure::Messages;
    int m_bytePower = 0;
    QChartView *m_view = nullptr;
    QStackedBarSeries *m_bars = nullptr;
    QBarSet *m_encrypted = nullptr;
    QBarSet *m_plaintext = nullptr;
    QLineSeries *m_failures = nullptr;
    QBarCategoryAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_labelAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QValueAxis *m_failureAxis = nullptr;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::TrendChart::LabelSpacing)
