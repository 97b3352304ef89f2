#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include "models/campaign/campaignwindow.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace mailtls {

class FixRemoteAccess;

// Starts a campaign's window of mandatory STARTTLS on Postfix, here or on a
// host over SSH (reached as Fix My Server reaches it), in three steps: the
// directions, duration, computer and configuration folder, with what
// enforcing means (CampaignWindow::warning) and the peers the store saw using
// plaintext in those directions; then the exact diff of the MTA's files and
// the job that will put them back; then the window started through the engine
// (revert job first, then PlanApplier's steps, shown as they run).
class CampaignStartDialog final : public QDialog
{
    Q_OBJECT

public:
    CampaignStartDialog(const QString &storePath, QWidget *parent = nullptr);

    QCheckBox *inbound() const { return m_inbound; }
    QCheckBox *outbound() const { return m_outbound; }
    QSpinBox *duration() const { return m_duration; }
    QComboBox *unit() const { return m_unit; }
    QComboBox *mta() const { return m_mta; }
    QLineEdit *computer() const { return m_computer; }
    QLineEdit *configDir() const { return m_configDir; }
    QLabel *warning() const { return m_warning; }
    QListWidget *affected() const { return m_affected; }
    QLabel *status() const { return m_status; }
    QPlainTextEdit *diff() const { return m_diff; }
    QPlainTextEdit *steps() const { return m_steps; }
    QStackedWidget *pages() const { return m_pages; }
    QPushButton *nextButton() const { return m_next; }
    // The window's length in seconds, as chosen.
    qint64 seconds() const;
    // The campaign started, once it is.
    const CampaignWindow::Outcome &outcome() const { return m_outcome; }

public slots:
    // Inspects the MTA and works the window's plan out (page 1 → 2).
    void prepare();
    // Schedules the revert job and applies the plan (page 2 → 3).
    void startWindow();

signals:
    void affectedLoaded();
    void prepared();
    void started(bool ok);

private:
    void directionsChanged();
    void loadAffected();
    void updateButtons();

    QString m_storePath;
    CampaignWindow *m_window = nullptr;
    FixRemoteAccess *m_access = nullptr;
    CampaignWindow::Preparation m_preparation;
    CampaignWindow::Outcome m_outcome;
    bool m_busy = false;
    quint64 m_affectedGeneration = 0;
    QStackedWidget *m_pages = nullptr;
    QCheckBox *m_inbound = nullptr;
    QCheckBox *m_outbound = nullptr;
    QSpinBox *m_duration = nullptr;
    QComboBox *m_unit = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_mta = nullptr;
    QLineEdit *m_computer = nullptr;
    QLineEdit *m_configDir = nullptr;
    QLabel *m_warning = nullptr;
    QListWidget *m_affected = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QLabel *m_job = nullptr;
    QPlainTextEdit *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace mailtls
