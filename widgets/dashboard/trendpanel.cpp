#include "widgets/dashboard/trendpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "models/settings/settings.h"
#include "widgets/dashboard/trendchart.h"

namespace mailtls {

TrendPanel::TrendPanel(const QString &settingsView, const QString &settingsKey, const QString &label,
                       QWidget *parent)
    : QWidget(parent)
    , m_chart(new TrendChart(this))
    , m_measureBox(new QComboBox(this))
{
    m_measureBox->addItem(tr("Messages"), int(TrendChart::Measure::Messages));
    m_measureBox->addItem(tr("Bytes"), int(TrendChart::Measure::Bytes));
    auto *name = new QLabel(label, this);
    name->setBuddy(m_measureBox);

    auto *controls = new QHBoxLayout;
    controls->addWidget(name);
    controls->addWidget(m_measureBox);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);

    const int saved = Settings().viewValue(settingsView, settingsKey, int(TrendChart::Measure::Messages)).toInt();
    m_measureBox->setCurrentIndex(qMax(0, m_measureBox->findData(saved)));
    m_chart->setMeasure(TrendChart::Measure(m_measureBox->currentData().toInt()));
    connect(m_measureBox, &QComboBox::currentIndexChanged, this, [this, settingsView, settingsKey] {
        const int measure = m_measureBox->currentData().toInt();
        m_chart->setMeasure(TrendChart::Measure(measure));
        Settings().setViewValue(settingsView, settingsKey, measure);
    });
}

} // namespace mailtls
