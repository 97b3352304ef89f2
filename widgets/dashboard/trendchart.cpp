#include "widgets/dashboard/trendchart.h"

#include <algorithm>
#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QStackedBarSeries>
#include <QValueAxis>

#include "widgets/dashboard/chartaxis.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/chartstyle.h"

namespace mailtls {

namespace {

// Grid lines on each value axis, at most: the failure axis's labels stand
// beside the bars' and must not crowd them.
constexpr int AxisSteps = 4;

const char *const byteUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};

} // namespace

TrendChart::TrendChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_bars(new QStackedBarSeries)
    , m_encrypted(new QBarSet(tr("Encrypted")))
    , m_plaintext(new QBarSet(tr("Plaintext")))
    , m_failures(new QLineSeries)
    , m_timeAxis(new QBarCategoryAxis)
    , m_labelAxis(new QCategoryAxis)
    , m_valueAxis(new QValueAxis)
    , m_failureAxis(new QValueAxis)
{
    QChart *chart = ChartStyle::setUp(this, m_view);

    m_bars->append(m_encrypted);
    m_bars->append(m_plaintext);
    m_bars->setBarWidth(0.8);
    m_failures->setName(tr("TLS failures"));
    chart->addSeries(m_bars);
    chart->addSeries(m_failures);

    // Bars need a category axis, but it would print every bucket's name; the
    // labels come from a value axis over the same -0.5 .. n-0.5 instead.
    m_timeAxis->setVisible(false);
    m_labelAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_valueAxis->setMinorTickCount(0);
    m_failureAxis->setTitleText(tr("TLS failures"));
    m_failureAxis->setLabelFormat(QStringLiteral("%i"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_labelAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    chart->addAxis(m_failureAxis, Qt::AlignRight);
    m_bars->attachAxis(m_timeAxis);
    m_bars->attachAxis(m_valueAxis);
    m_failures->attachAxis(m_labelAxis);
    m_failures->attachAxis(m_failureAxis);

    m_view->setMinimumHeight(220);
    m_view->setAccessibleName(tr("Trend of encrypted and plaintext mail"));

    connect(m_bars, &QStackedBarSeries::hovered, this,
            [this](bool status, int index, QBarSet *) { showBucketTip(status ? index : -1); });
    connect(m_failures, &QLineSeries::hovered, this, [this](const QPointF &point, bool state) {
        showBucketTip(state ? int(std::lround(point.x())) : -1);
    });

    applyPalette();
    applyData();
}

QChart *TrendChart::chart() const
{
    return m_view->chart();
}

void TrendChart::setTrend(const TrendSeries &trend)
{
    m_trend = trend;
    applyData();
}

void TrendChart::setMeasure(Measure measure)
{
    if (measure == m_measure)
        return;
    m_measure = measure;
    applyData();
}

QString TrendChart::byteUnit() const
{
    return QString::fromLatin1(byteUnits[m_bytePower]);
}

QString TrendChart::labelFormat(const LabelSpacing &spacing) const
{
    if (spacing.months > 0)
        return QStringLiteral("MMM yyyy");
    if (m_trend.points.isEmpty())
        return QString();
    const QDate first = QDateTime::fromSecsSinceEpoch(m_trend.points.first().start, Qt::UTC).date();
    const QDate last = QDateTime::fromSecsSinceEpoch(m_trend.points.last().start, Qt::UTC).date();
    // Labels must be unique: the year joins in when the series spans two,
    // the hour when labels stand less than a day apart.
    const bool hours = m_trend.bucket == TrendBucket::Hour && spacing.buckets % 24 != 0;
    QString format = hours ? QStringLiteral("d MMM HH:mm") : QStringLiteral("d MMM");
    if (first.year() != last.year())
        format.replace(QStringLiteral("MMM"), QStringLiteral("MMM yyyy"));
    return format;
}

QStringList TrendChart::categories() const
{
    QStringList labels;
    const QLocale locale;
    const QString format = labelFormat(LabelSpacing());
    labels.reserve(m_trend.points.size());
    for (const TrendPoint &p : m_trend.points)
        labels.append(locale.toString(QDateTime::fromSecsSinceEpoch(p.start, Qt::UTC), format));
    return labels;
}

TrendChart::LabelSpacing TrendChart::labelSpacing(TrendBucket bucket, int points, int maxLabels)
{
    maxLabels = std::max(1, maxLabels);
    const auto fits = [points, maxLabels](double perLabel) { return std::ceil(points / perLabel) <= maxLabels; };
    if (bucket == TrendBucket::Hour) {
        for (int hours : {1, 2, 3, 6, 12}) {
            if (fits(hours))
                return {hours, 0};
        }
        int days = 1;
        while (!fits(24.0 * days))
            ++days;
        return {24 * days, 0};
    }
    for (int days : {1, 2, 7, 14}) {
        if (fits(days))
            return {days, 0};
    }
    const double month = 365.25 / 12;
    for (int months : {1, 3, 6, 12}) {
        if (fits(month * months))
            return {1, months};
    }
    int years = 2;
    while (!fits(365.25 * years))
        ++years;
    return {1, 12 * years};
}

void TrendChart::updateLabels()
{
    const int n = int(m_trend.points.size());
    const QStringList old = m_labelAxis->categoriesLabels();
    for (const QString &label : old)
        m_labelAxis->remove(label);
    m_labelAxis->setStartValue(-0.5);
    m_labelAxis->setRange(-0.5, std::max(1, n) - 0.5);
    if (n == 0)
        return;
    // Room for a label about every 90 pixels, beside the value axes.
    const LabelSpacing spacing = labelSpacing(m_trend.bucket, n, (width() - 120) / 90);
    const QLocale locale;
    const QString format = labelFormat(spacing);
    const bool weeks = m_trend.bucket == TrendBucket::Day && spacing.buckets % 7 == 0;
    for (int i = 0; i < n; ++i) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(m_trend.points.at(i).start, Qt::UTC);
        const qint64 bucket = m_trend.points.at(i).start / m_trend.bucketSeconds();
        bool labelled;
        if (spacing.months > 0) {
            const QDate date = start.date();
            labelled = date.day() == 1 && (date.year() * 12 + date.month() - 1) % spacing.months == 0;
        } else if (weeks) {
            // Day 4 of the epoch (1970-01-05) was a Monday.
            labelled = (bucket + 3) % spacing.buckets == 0;
        } else {
            labelled = bucket % spacing.buckets == 0;
        }
        if (labelled)
            m_labelAxis->append(locale.toString(start, format), i);
    }
}

void TrendChart::applyData()
{
    const QList<TrendPoint> &points = m_trend.points;
    const int n = int(points.size());
    const bool bytes = m_measure == Measure::Bytes;

    qint64 highest = 0;
    qint64 failures = 0;
    for (const TrendPoint &p : points) {
        highest = std::max(highest, bytes ? p.encryptedBytes + p.plaintextBytes
                                          : p.encryptedMessages + p.plaintextMessages);
        failures = std::max(failures, p.tlsFailures);
    }
    m_bytePower = 0;
    if (bytes) {
        while (m_bytePower < 4 && double(highest) >= std::pow(1024.0, m_bytePower + 1))
            ++m_bytePower;
    }
    const double scale = std::pow(1024.0, m_bytePower);

    QList<qreal> encrypted;
    QList<qreal> plaintext;
    QList<QPointF> failurePoints;
    encrypted.reserve(n);
    plaintext.reserve(n);
    failurePoints.reserve(n);
    for (int i = 0; i < n; ++i) {
        const TrendPoint &p = points.at(i);
        encrypted.append(bytes ? double(p.encryptedBytes) / scale : double(p.encryptedMessages));
        plaintext.append(bytes ? double(p.plaintextBytes) / scale : double(p.plaintextMessages));
        failurePoints.append(QPointF(i, double(p.tlsFailures)));
    }

    // Written in place: same categories and counts keep every item, so a live
    // refresh only repaints the bars that changed.
    const QStringList labels = categories();
    if (labels != m_timeAxis->categories())
        m_timeAxis->setCategories(labels);
    ChartStyle::writeValues(m_encrypted, encrypted);
    ChartStyle::writeValues(m_plaintext, plaintext);
    if (m_failures->points() != failurePoints)
        m_failures->replace(failurePoints);

    // Markers on every bucket would bury the bars of a long range.
    m_failures->setPointsVisible(n <= 24);
    m_labelAxis->setTitleText(m_trend.bucket == TrendBucket::Hour ? tr("Hour (UTC)") : tr("Day (UTC)"));
    updateLabels();
    m_valueAxis->setTitleText(bytes ? tr("Bytes (%1)").arg(byteUnit()) : tr("Messages"));
    m_valueAxis->setLabelFormat(bytes && m_bytePower > 0 ? QStringLiteral("%g") : QStringLiteral("%i"));
    ChartAxis::setNiceRange(m_valueAxis, double(highest) / scale, AxisSteps, !bytes || m_bytePower == 0);
    ChartAxis::setNiceRange(m_failureAxis, double(failures), AxisSteps, true);
    updateAccessibleText();
}

void TrendChart::updateAccessibleText()
{
    qint64 encrypted = 0;
    qint64 plaintext = 0;
    qint64 failures = 0;
    const bool bytes = m_measure == Measure::Bytes;
    for (const TrendPoint &p : m_trend.points) {
        encrypted += bytes ? p.encryptedBytes : p.encryptedMessages;
        plaintext += bytes ? p.plaintextBytes : p.plaintextMessages;
        failures += p.tlsFailures;
    }
    const QLocale locale;
    const auto size = [&locale](qint64 b) {
        return locale.formattedDataSize(b, 1, QLocale::DataSizeIecFormat);
    };
    const QString buckets = locale.toString(qint64(m_trend.points.size()));
    const QString summary = bytes
        ? tr("Buckets: %1; encrypted: %2; plaintext: %3; TLS failures: %4")
              .arg(buckets, size(encrypted), size(plaintext), locale.toString(failures))
        : tr("Buckets: %1; encrypted messages: %2; plaintext messages: %3; TLS failures: %4")
              .arg(buckets, locale.toString(encrypted), locale.toString(plaintext), locale.toString(failures));
    m_view->setAccessibleDescription(summary);
}

QString TrendChart::bucketText(int index) const
{
    if (index < 0 || index >= m_trend.points.size())
        return QString();
    const TrendPoint &p = m_trend.points.at(index);
    const QLocale locale;
    const QDateTime start = QDateTime::fromSecsSinceEpoch(p.start, Qt::UTC);
    const QDateTime end = QDateTime::fromSecsSinceEpoch(
        std::min(p.start + m_trend.bucketSeconds(), m_trend.to), Qt::UTC);
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    const auto size = [&locale](qint64 b) {
        if (b < 1024)
            return tr("%1 bytes").arg(locale.toString(b));
        return tr("%1 (%2 bytes)").arg(locale.formattedDataSize(b, 1, QLocale::DataSizeIecFormat),
                                       locale.toString(b));
    };
    QStringList lines;
    lines << tr("%1 – %2 UTC").arg(locale.toString(start, format), locale.toString(end, format))
          << tr("Encrypted messages: %1, %2").arg(locale.toString(p.encryptedMessages), size(p.encryptedBytes))
          << tr("Plaintext messages: %1, %2").arg(locale.toString(p.plaintextMessages), size(p.plaintextBytes))
          << tr("TLS failures: %1").arg(locale.toString(p.tlsFailures));
    return lines.join(QLatin1Char('\n'));
}

void TrendChart::showBucketTip(int index)
{
    ChartStyle::showTip(bucketText(index), m_view);
}

void TrendChart::applyPalette()
{
    const QPalette pal = palette();
    ChartStyle::applyPalette(chart(), {m_labelAxis, m_valueAxis, m_failureAxis}, pal);
    m_failureAxis->setGridLineVisible(false);

    ChartStyle::paintBars(m_encrypted, ChartPalette::Role::Encrypted, pal);
    ChartStyle::paintBars(m_plaintext, ChartPalette::Role::Plaintext, pal);
    m_encrypted->setLabelColor(pal.color(QPalette::Text));
    m_plaintext->setLabelColor(pal.color(QPalette::Text));
    // Dashed with markers: the failure line stays apart from the bars without
    // relying on its colour.
    const QColor failure = ChartPalette::color(ChartPalette::Role::Failure, pal);
    QPen pen(failure, 2, Qt::DashLine);
    m_failures->setPen(pen);
    m_failures->setColor(failure);
    m_failures->setBrush(QBrush(failure));
}

void TrendChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateLabels();
}

void TrendChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace mailtls
