#pragma once

#include <functional>
#include <optional>

#include <QFrame>
#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "models/campaign/campaignwindow.h"

class QLabel;

class QPushButton;
class QTimer;

namespace mailtls {

class DashboardContext;

// The strip over every page while a campaign's window makes the mail server
// require TLS: what is enforced, on which service and computer, and the time
// left, with "End Now" (after a confirmation) that puts the previous settings
// back through the window engine (CampaignWindow::end). A window that reaches
// its end while MailTLS runs is ended then (CampaignWindow::endAtItsTime);
// one that outlived its end, or that the host's job ended while MailTLS was
// not running, is reported once the store is shown (checkOnStart()).
//
// The enforcing campaign is read on the dashboard's query thread; ending runs
// the applier's steps asynchronously and says which step it is at.
class CampaignBanner final : public QFrame
{
    Q_OBJECT

public:
    // How a window is ended, and how the start-up check runs (tests give
    // their own; by default CampaignWindow on the shown store, reaching an
    // SSH host as Fix My Server does).
    using Ender = std::function<void(const Campaign &campaign, const QString &by,
                                     std::function<void(const CampaignWindow::Outcome &outcome)> done)>;
    using Checker = std::function<void(std::function<void(const QList<WindowReport> &reports)> done)>;

    explicit CampaignBanner(DashboardContext *context, QWidget *parent = nullptr);
    ~CampaignBanner() override;

    void setClock(std::function<qint64()> clock);
    qint64 now() const;
    void setEnder(Ender ender) { m_ender = std::move(ender); }
    void setChecker(Checker checker) { m_checker = std::move(checker); }

    // The campaign whose window runs, as last read.
    const std::optional<Campaign> &campaign() const { return m_campaign; }
    // The strip's text as shown (the window, or the start-up report).
    QString text() const;
    QPushButton *endButton() const { return m_end; }
    QPushButton *dismissButton() const { return m_dismiss; }
    // The confirmation End Now opened, while it is open.
    QMessageBox *confirmation() const { return m_confirmation; }
    bool isEnding() const { return m_ending; }

public slots:
    // Re-reads the enforcing campaign.
    void refresh();
    // Runs the start-up check on the shown store and reports what it found.
    void checkOnStart();
    // Asks, then ends the window.
    void endNow();
    // What the timer does: the time left moves on, and a window seen
    // running before its end is ended once the clock passes it.
    void tick();

signals:
    // Fresh results are shown (after refresh(), a check or an end).
    void loaded();
    // The window was ended (by you, or by MailTLS at its end time).
    void windowEnded(qint64 campaignId);

private:
    void apply(const std::optional<Campaign> &campaign, const QString &error);
    void endWindow(const QString &by);
    void ended(const CampaignWindow::Outcome &outcome, const QString &by);
    void updateText();
    void defaultEnd(const Campaign &campaign, const QString &by,
                    std::function<void(const CampaignWindow::Outcome &outcome)> done);
    void defaultCheck(std::function<void(const QList<WindowReport> &reports)> done);
    CampaignWindow *makeWindow();

    DashboardContext *m_context;
    std::function<qint64()> m_clock;
    Ender m_ender;
    Checker m_checker;
    QLabel *m_label = nullptr;
    QPushButton *m_end = nullptr;
    QPushButton *m_dismiss = nullptr;
    QTimer *m_ticker = nullptr;
    QPointer<QMessageBox> m_confirmation;
    std::optional<Campaign> m_campaign;
    QString m_error;
    QString m_report; // what the start-up check or the last end said
    QString m_step; // the applier's step while ending
    bool m_ending = false;
    qint64 m_endingAtItsTime = 0; // the campaign being ended at its end time
    qint64 m_seenBeforeEnd = 0; // the campaign last seen running before its end
    quint64 m_generation = 0;
};

} // namespace mailtls
