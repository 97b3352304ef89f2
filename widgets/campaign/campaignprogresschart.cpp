#include "widgets/campaign/campaignprogresschart.h"

#include <algorithm>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include "widgets/campaign/campaigncsv.h"
#include "widgets/dashboard/chartaxis.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/chartstyle.h"

namespace mailtls {

namespace {

constexpr double Day = 24.0 * 3600.0;
constexpr int AxisSteps = 5;

} // namespace

CampaignProgressChart::CampaignProgressChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_fixedLine(new QLineSeries(this))
    , m_baseLine(new QLineSeries(this))
    , m_totalLine(new QLineSeries(this))
    , m_letters(new QLineSeries)
    , m_timeAxis(new QValueAxis)
    , m_countAxis(new QValueAxis)
{
    QChart *chart = ChartStyle::setUp(this, m_view);
    // The areas hold their lines; the lines stay this widget's, drawn only
    // as the areas' edges.
    m_fixedArea = new QAreaSeries(m_fixedLine, m_baseLine);
    m_fixedArea->setName(tr("Fixed"));
    m_openArea = new QAreaSeries(m_totalLine, m_fixedLine);
    m_openArea->setName(tr("Not fixed yet"));
    m_letters->setName(tr("Letters sent"));
    chart->addSeries(m_fixedArea);
    chart->addSeries(m_openArea);
    chart->addSeries(m_letters);

    m_timeAxis->setTitleText(tr("Days since the window started"));
    m_timeAxis->setLabelFormat(QStringLiteral("%g"));
    m_countAxis->setTitleText(tr("Peers"));
    m_countAxis->setLabelFormat(QStringLiteral("%i"));
    m_countAxis->setMinorTickCount(0);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
    }
    m_view->setMinimumHeight(220);
    m_view->setAccessibleName(tr("Campaign progress"));
    applyPalette();
    clear();
}

QChart *CampaignProgressChart::chart() const
{
    return m_view->chart();
}

QString CampaignProgressChart::title() const
{
    return chart()->title();
}

QList<QPointF> CampaignProgressChart::steps(qint64 start, QList<qint64> times, qint64 end)
{
    std::sort(times.begin(), times.end());
    const auto x = [start](qint64 t) { return double(std::max<qint64>(0, t - start)) / Day; };
    QList<QPointF> points {QPointF(0, 0)};
    int count = 0;
    for (qint64 t : times) {
        points << QPointF(x(t), count);
        ++count;
        points << QPointF(x(t), count);
    }
    points << QPointF(x(std::max(end, times.isEmpty() ? end : times.constLast())), count);
    return points;
}

void CampaignProgressChart::setProgress(qint64 windowStart, const QList<CampaignPeerRow> &rows,
                                        const QList<qint64> &lettersSent, qint64 now)
{
    QList<qint64> fixes;
    for (const CampaignPeerRow &row : rows)
        if (row.isFixed() && row.peer.fixedAt)
            fixes << *row.peer.fixedAt;
    qint64 end = std::max(now, windowStart);
    for (qint64 t : fixes)
        end = std::max(end, t);
    for (qint64 t : lettersSent)
        end = std::max(end, t);
    m_fixed = int(fixes.size());
    m_total = int(rows.size());

    const QList<QPointF> fixed = steps(windowStart, fixes, end);
    const double last = fixed.constLast().x();
    m_fixedLine->replace(fixed);
    m_baseLine->replace({QPointF(0, 0), QPointF(last, 0)});
    m_totalLine->replace({QPointF(0, m_total), QPointF(last, m_total)});
    const QList<QPointF> letters = steps(windowStart, lettersSent, end);
    m_letters->replace(letters);

    ChartAxis::setNiceRange(m_timeAxis, std::max(last, 1.0), AxisSteps, false);
    ChartAxis::setNiceRange(m_countAxis, std::max<double>(m_total, lettersSent.size()), AxisSteps, true);
    const QString title = CampaignCsv::progress(m_fixed, m_total);
    chart()->setTitle(title);
    m_view->setAccessibleDescription(
        tr("%1; %n letter(s) sent; over %2 days since the window started", nullptr, int(lettersSent.size()))
            .arg(title, QString::number(last, 'f', 1)));
}

void CampaignProgressChart::clear()
{
    m_fixed = 0;
    m_total = 0;
    m_fixedLine->clear();
    m_baseLine->clear();
    m_totalLine->clear();
    m_letters->clear();
    chart()->setTitle(QString());
    ChartAxis::setNiceRange(m_timeAxis, 1, AxisSteps, false);
    ChartAxis::setNiceRange(m_countAxis, 1, AxisSteps, true);
    m_view->setAccessibleDescription(QString());
}

void CampaignProgressChart::applyPalette()
{
    const QPalette pal = palette();
    ChartStyle::applyPalette(chart(), {m_timeAxis, m_countAxis}, pal);
    const QColor encrypted = ChartPalette::color(ChartPalette::Role::Encrypted, pal);
    const QColor plaintext = ChartPalette::color(ChartPalette::Role::Plaintext, pal);
    m_fixedArea->setBrush(ChartPalette::brush(ChartPalette::Role::Encrypted, pal));
    m_fixedArea->setPen(QPen(encrypted.darker(130), 1.5));
    m_openArea->setBrush(ChartPalette::brush(ChartPalette::Role::Plaintext, pal));
    m_openArea->setPen(QPen(plaintext.darker(130), 1.5));
    const QColor neutral = ChartPalette::color(ChartPalette::Role::Neutral, pal);
    m_letters->setPen(QPen(ChartPalette::isDark(pal) ? neutral.lighter(140) : neutral.darker(140), 2, Qt::DashLine));
    m_letters->setColor(m_letters->pen().color());
}

void CampaignProgressChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace mailtls
