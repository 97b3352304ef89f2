#include "widgets/dashboard/dashboardcontext.h"

#include <QLocale>

#include "widgets/dashboard/queryrunner.h"

namespace mailtls {

namespace {
constexpr qint64 Day = 24 * 3600;
constexpr int DataBatchMs = 500;
}

DashboardContext::DashboardContext(QObject *parent)
    : QObject(parent)
    , m_runner(new QueryRunner(this))
{
    m_dataTimer.setSingleShot(true);
    m_dataTimer.setInterval(DataBatchMs);
    // Before any page hears of it: what the runner kept is out of date.
    connect(&m_dataTimer, &QTimer::timeout, m_runner, &QueryRunner::noteDataChanged);
    connect(&m_dataTimer, &QTimer::timeout, this, &DashboardContext::dataChanged);
}

void DashboardContext::setStore(const QString &path, bool demo)
{
    m_storePath = path;
    m_demo = demo;
    m_runner->setStorePath(path);
    m_runner->invalidateCache();
    emit storeChanged();
}

void DashboardContext::setRange(Range range, std::optional<qint64> since, std::optional<qint64> until)
{
    if (range != Range::Custom) {
        since.reset();
        until.reset();
    }
    if (range == m_range && since == m_since && until == m_until)
        return;
    m_range = range;
    m_since = since;
    m_until = until;
    emit filterChanged();
}

void DashboardContext::setDirection(std::optional<Direction> direction)
{
    if (direction == m_direction)
        return;
    m_direction = direction;
    emit filterChanged();
}

void DashboardContext::setGroupBy(ReportFilter::GroupBy groupBy)
{
    if (groupBy == m_groupBy)
        return;
    m_groupBy = groupBy;
    emit filterChanged();
}

void DashboardContext::setReferenceTime(std::optional<qint64> seconds)
{
    if (seconds == m_referenceTime)
        return;
    m_referenceTime = seconds;
    if (m_range != Range::All && m_range != Range::Custom)
        emit filterChanged();
}

qint64 DashboardContext::referenceTime() const
{
    return m_referenceTime ? *m_referenceTime : QDateTime::currentSecsSinceEpoch();
}

DashboardContext::Selection DashboardContext::selection() const
{
    return Selection {m_range, m_direction, m_groupBy};
}

ReportFilter DashboardContext::filter() const
{
    return filterFor(selection());
}

QString DashboardContext::cacheKey(const Selection &selection) const
{
    const auto number = [](std::optional<qint64> value) {
        return value ? QString::number(*value) : QStringLiteral("-");
    };
    return QStringLiteral("%1/%2/%3/%4/%5/%6")
        .arg(int(selection.range))
        .arg(selection.direction ? int(*selection.direction) : -1)
        .arg(int(selection.groupBy))
        .arg(selection.range == Range::Custom ? number(m_since) : QStringLiteral("-"),
             selection.range == Range::Custom ? number(m_until) : QStringLiteral("-"), number(m_referenceTime));
}

QList<DashboardContext::Selection> DashboardContext::neighbours(const Selection &current)
{
    QList<Selection> out;
    for (Range range : {Range::Day, Range::Week, Range::Month, Range::All}) {
        if (range != current.range)
            out.append(Selection {range, current.direction, current.groupBy});
    }
    out.append(Selection {current.range, current.direction,
                          current.groupBy == ReportFilter::GroupBy::Host ? ReportFilter::GroupBy::Domain
                                                                         : ReportFilter::GroupBy::Host});
    return out;
}

ReportFilter DashboardContext::filterFor(const Selection &selection) const
{
    ReportFilter filter;
    filter.groupBy = selection.groupBy;
    if (selection.direction)
        filter.directions = {*selection.direction};
    const qint64 end = referenceTime();
    switch (selection.range) {
    case Range::Day:
        filter.since = end - Day;
        break;
    case Range::Week:
        filter.since = end - 7 * Day;
        break;
    case Range::Month:
        filter.since = end - 30 * Day;
        break;
    case Range::All:
        break;
    case Range::Custom:
        filter.since = m_since;
        filter.until = m_until;
        break;
    }
    return filter;
}

QString DashboardContext::rangeName(Range range)
{
    switch (range) {
    case Range::Day:
        return tr("Last 24 hours");
    case Range::Week:
        return tr("Last 7 days");
    case Range::Month:
        return tr("Last 30 days");
    case Range::All:
        return tr("All time");
    case Range::Custom:
        return tr("Custom range");
    }
    return {};
}

QString DashboardContext::rangeTitle() const
{
    if (m_range != Range::Custom)
        return rangeName(m_range);
    const QLocale locale;
    const auto day = [&locale](qint64 seconds) {
        return locale.toString(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date(), QLocale::ShortFormat);
    };
    if (m_since && m_until)
        return tr("%1 – %2").arg(day(*m_since), day(*m_until - 1));
    if (m_since)
        return tr("Since %1").arg(day(*m_since));
    if (m_until)
        return tr("Until %1").arg(day(*m_until - 1));
    return rangeName(Range::All);
}

void DashboardContext::notifyDataChanged()
{
    if (!m_dataTimer.isActive())
        m_dataTimer.start();
}

} // namespace mailtls
