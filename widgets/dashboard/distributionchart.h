#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "models/itemmodels/tlssharemodel.h"

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace mailtls {

// How a TLS parameter (protocol versions, cipher suites or key exchanges) is
// spread over the encrypted connections: one horizontal bar per entry of a
// TlsShareModel, most used on top, coloured by the entry's strength: current
// as encrypted, outdated or weak as failure, the rest neutral. Bars rather
// than a pie: entries of one strength share a colour, which a pie could tell
// apart by its labels only. Hovering a bar shows its exact figures. The chart
// follows the model; unchanged entries are written in place, so a live
// redraw does not flicker.
class DistributionChart final : public QWidget
{
    Q_OBJECT

public:
    explicit DistributionChart(TlsShareModel *model, QWidget *parent = nullptr);

    TlsShareModel *model() const { return m_model; }
    // What ExportMenu::setPicture draws.
    QChartView *chartView() const { return m_view; }
    QChart *chart() const;

    // The series as drawn: one set per strength present, in the order
    // current, weak, other; each holds one value per category, zero for the
    // entries of other strengths.
    QHorizontalStackedBarSeries *series() const { return m_series; }
    QList<QBarSet *> sets() const;
    // The strength a set stands for.
    static TlsShareModel::Strength strengthOf(const QBarSet *set);
    // Entries bottom to top: the model's rows from its last to its first.
    QBarCategoryAxis *categoryAxis() const { return m_categories; }
    QValueAxis *valueAxis() const { return m_values; }
    // The model row a category index stands for.
    int rowOf(int categoryIndex) const;
    // The text the tooltip of a category shows.
    QString categoryText(int categoryIndex) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyData();
    void applyPalette();
    void showTip(bool status, int categoryIndex);

    TlsShareModel *m_model;
    QChartView *m_view = nullptr;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
};

} // namespace mailtls
