#pragma once

#include <QString>
#include <QWidget>

class QComboBox;

namespace mailtls {

class TrendChart;

// A TrendChart under a box that switches it between messages and bytes. The
// choice is remembered (Settings view value `settingsView`/`settingsKey`) and
// comes back the next time the page is built.
class TrendPanel final : public QWidget
{
    Q_OBJECT

public:
    // `label` names the box, with its mnemonic ("&Show:").
    TrendPanel(const QString &settingsView, const QString &settingsKey, const QString &label,
               QWidget *parent = nullptr);

    TrendChart *chart() const { return m_chart; }
    QComboBox *measureBox() const { return m_measureBox; }

private:
    TrendChart *m_chart = nullptr;
    QComboBox *m_measureBox = nullptr;
};

} // namespace mailtls
