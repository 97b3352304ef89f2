#include "widgets/dashboard/distributionchart.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include "widgets/dashboard/chartaxis.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/chartstyle.h"

namespace mailtls {

namespace {

const char *const strengthProperty = "mailtlsStrength";
// Grid lines across the bars, at most: the chart spans the card's width.
constexpr int AxisSteps = 6;

constexpr TlsShareModel::Strength strengths[] = {TlsShareModel::Strength::Current, TlsShareModel::Strength::Weak,
                                                 TlsShareModel::Strength::Other};

ChartPalette::Role roleOf(TlsShareModel::Strength strength)
{
    switch (strength) {
    case TlsShareModel::Strength::Current: return ChartPalette::Role::Encrypted;
    case TlsShareModel::Strength::Weak: return ChartPalette::Role::Failure;
    case TlsShareModel::Strength::Other: return ChartPalette::Role::Neutral;
    }
    return ChartPalette::Role::Neutral;
}

} // namespace

DistributionChart::DistributionChart(TlsShareModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QChartView(this))
    , m_series(new QHorizontalStackedBarSeries)
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    QChart *chart = ChartStyle::setUp(this, m_view);

    m_series->setBarWidth(0.7);
    chart->addSeries(m_series);
    // The card's title names the parameter; an axis title beside long
    // cipher names would only take their room.
    m_categories->setTitleText(model->parameterTitle());
    m_categories->setTitleVisible(false);
    m_values->setTitleText(tr("Encrypted connections"));
    m_values->setLabelFormat(QStringLiteral("%i"));
    m_values->setMinorTickCount(0);
    chart->addAxis(m_categories, Qt::AlignLeft);
    chart->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);

    m_view->setAccessibleName(tr("%1 chart").arg(model->parameterTitle()));

    connect(m_series, &QHorizontalStackedBarSeries::hovered, this,
            [this](bool status, int index, QBarSet *) { showTip(status, index); });
    connect(model, &QAbstractItemModel::modelReset, this, &DistributionChart::applyData);
    connect(model, &QAbstractItemModel::dataChanged, this, &DistributionChart::applyData);

    applyData();
}

QChart *DistributionChart::chart() const
{
    return m_view->chart();
}

QList<QBarSet *> DistributionChart::sets() const
{
    return m_series->barSets();
}

TlsShareModel::Strength DistributionChart::strengthOf(const QBarSet *set)
{
    return TlsShareModel::Strength(set->property(strengthProperty).toInt());
}

int DistributionChart::rowOf(int categoryIndex) const
{
    const int rows = m_model->rowCount();
    return categoryIndex >= 0 && categoryIndex < rows ? rows - 1 - categoryIndex : -1;
}

QString DistributionChart::categoryText(int categoryIndex) const
{
    const int row = rowOf(categoryIndex);
    return row < 0 ? QString() : m_model->summary(row);
}

void DistributionChart::applyData()
{
    const int rows = m_model->rowCount();
    QStringList names;
    QList<TlsShareModel::Strength> present;
    qint64 highest = 0;
    for (int category = 0; category < rows; ++category) {
        const int row = rowOf(category);
        // Category names must be unique; a name is, within one distribution.
        names << m_model->name(row);
        if (!present.contains(m_model->strength(row)))
            present << m_model->strength(row);
        highest = std::max(highest, m_model->shares().at(row).connections);
    }

    QList<TlsShareModel::Strength> drawn;
    for (const QBarSet *set : m_series->barSets())
        drawn << strengthOf(set);
    QList<TlsShareModel::Strength> wanted;
    for (TlsShareModel::Strength s : strengths) {
        if (present.contains(s))
            wanted << s;
    }

    // The same entries and strengths as drawn: the values are written in
    // place and the legend stays; otherwise the sets are made anew.
    const bool same = names == m_categories->categories() && drawn == wanted;
    if (!same) {
        m_series->clear();
        m_categories->setCategories(names);
        for (TlsShareModel::Strength s : wanted) {
            auto *set = new QBarSet(m_model->strengthTitle(s));
            set->setProperty(strengthProperty, int(s));
            m_series->append(set);
        }
    }
    for (QBarSet *set : m_series->barSets()) {
        const TlsShareModel::Strength s = strengthOf(set);
        QList<qreal> values;
        for (int category = 0; category < rows; ++category) {
            const int row = rowOf(category);
            values << (m_model->strength(row) == s ? qreal(m_model->shares().at(row).connections) : 0.0);
        }
        ChartStyle::writeValues(set, values);
    }
    ChartAxis::setNiceRange(m_values, double(highest), AxisSteps, true);
    if (!same)
        applyPalette();

    // Room for every entry: the page scrolls, a crowded axis would not.
    const int rowHeight = fontMetrics().height() + 12;
    m_view->setMinimumHeight(std::max(180, 120 + rows * rowHeight));

    QStringList summaries;
    for (int row = 0; row < rows; ++row)
        summaries << m_model->summary(row);
    m_view->setAccessibleDescription(summaries.isEmpty() ? tr("No encrypted connections")
                                                         : summaries.join(QStringLiteral("; ")));
}

void DistributionChart::showTip(bool status, int categoryIndex)
{
    ChartStyle::showTip(status ? categoryText(categoryIndex) : QString(), m_view);
}

void DistributionChart::applyPalette()
{
    const QPalette pal = palette();
    ChartStyle::applyPalette(chart(), {m_categories, m_values}, pal);
    m_categories->setGridLineVisible(false);
    for (QBarSet *set : m_series->barSets())
        ChartStyle::paintBars(set, roleOf(strengthOf(set)), pal);
}

void DistributionChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace mailtls
