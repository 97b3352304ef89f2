#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mailtls {

class Settings;

// How probes run, as the user sets it: the DNS server every probe asks (empty:
// the system's resolver), the timeout of each step, and how many SMTP
// sessions may be open at once. Kept in Settings when accepted.
class ProbeSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ProbeSettingsDialog(Settings *settings, QWidget *parent = nullptr);

    QLineEdit *dnsServerEdit() const { return m_dnsServer; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *concurrencyBox() const { return m_concurrency; }
    QSpinBox *cacheBox() const { return m_cache; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // Why OK is off, or empty.
    QString problem() const;

    void accept() override;

private:
    void check();

    Settings *m_settings;
    QLineEdit *m_dnsServer;
    QSpinBox *m_timeout;
    QSpinBox *m_concurrency;
    QSpinBox *m_cache;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace mailtls
