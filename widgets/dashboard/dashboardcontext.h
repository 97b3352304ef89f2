#pragma once

#include <optional>

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include "models/logs/records.h"
#include "models/store/reportfilter.h"

namespace mailtls {

class QueryRunner;

// What every dashboard page shows: which store, which time range, which
// directions, how peers are grouped. The pages read filter() and re-query on
// filterChanged(); they re-query on dataChanged() too, which arrives at most
// twice a second however fast a live source or an import writes, so charts
// stay fluid while records stream in.
class DashboardContext final : public QObject
{
    Q_OBJECT

public:
    enum class Range { Day, Week, Month, All, Custom };
    Q_ENUM(Range)

    explicit DashboardContext(QObject *parent = nullptr);

    QueryRunner *runner() const { return m_runner; }

    QString storePath() const { return m_storePath; }
    // Also marks whether the store holds the bundled demo data.
    void setStore(const QString &path, bool demo);
    bool isDemo() const { return m_demo; }

    Range range() const { return m_range; }
    // Custom ranges: UTC seconds, since inclusive, until exclusive.
    void setRange(Range range, std::optional<qint64> since = {}, std::optional<qint64> until = {});
    std::optional<Direction> direction() const { return m_direction; }
    void setDirection(std::optional<Direction> direction);
    ReportFilter::GroupBy groupBy() const { return m_groupBy; }
    void setGroupBy(ReportFilter::GroupBy groupBy);

    // The moment relative ranges end at: now, unless fixed (tests, screenshots).
    void setReferenceTime(std::optional<qint64> seconds);
    qint64 referenceTime() const;

    // The user's choices, and the filter of any choices: relative ranges end
    // at referenceTime().
    struct Selection
    {
        Range range = Range::All;
        std::optional<Direction> direction;
        ReportFilter::GroupBy groupBy = ReportFilter::GroupBy::Host;
    };
    Selection selection() const;
    ReportFilter filterFor(const Selection &selection) const;
    // The filter of the current choices.
    ReportFilter filter() const;
    // Names a selection's figures for QueryRunner::runCached: the same words
    // while the choices, the custom range and a fixed reference time are.
    QString cacheKey(const Selection &selection) const;
    // The selections a user is likely to pick next from `current`: each
    // other relative range (and All), and the other grouping.
    static QList<Selection> neighbours(const Selection &current);
    // For titles and exports: "Last 24 hours", "All time", "2024-03-01 – 2024-03-31".
    QString rangeTitle() const;
    static QString rangeName(Range range);

    // Records landed in the store (a live batch, an import's progress): pages
    // hear dataChanged() within half a second, once for any number of calls.
    void notifyDataChanged();

signals:
    void storeChanged();
    void filterChanged();
    void dataChanged();

private:
    QueryRunner *m_runner = nullptr;
    QString m_storePath;
    bool m_demo = false;
    Range m_range = Range::All;
    std::optional<qint64> m_since;
    std::optional<qint64> m_until;
    std::optional<Direction> m_direction;
    ReportFilter::GroupBy m_groupBy = ReportFilter::GroupBy::Host;
    std::optional<qint64> m_referenceTime;
    QTimer m_dataTimer;
};

} // namespace mailtls
