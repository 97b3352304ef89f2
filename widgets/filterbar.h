#pragma once

#include <QWidget>

class QComboBox;

namespace mailtls {

class DashboardContext;
class Settings;

// The dashboard's filters, above every page: time range (24 h, 7 d, 30 d,
// all, a custom range of days), direction, and whether peers are hosts or
// their registrable domains. Bound to a DashboardContext both ways, and
// remembered in Settings.
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    FilterBar(DashboardContext *context, QWidget *parent = nullptr);

    // Applies the remembered filters to the context, then remembers changes.
    void restore(Settings &settings);
    void save(Settings &settings) const;

    QComboBox *rangeBox() const { return m_range; }
    QComboBox *directionBox() const { return m_direction; }
    QComboBox *groupBox() const { return m_group; }

    // Asks for a custom range of days (local dates, both included) and sets
    // it; false when the user cancels.
    bool askCustomRange();

private:
    void rangeChosen(int index);
    void syncFromContext();

    DashboardContext *m_context = nullptr;
    QComboBox *m_range = nullptr;
    QComboBox *m_direction = nullptr;
    QComboBox *m_group = nullptr;
    bool m_syncing = false;
};

} // namespace mailtls
