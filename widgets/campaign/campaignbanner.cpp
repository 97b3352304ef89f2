#include "widgets/campaign/campaignbanner.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaigntext.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/fix/fixremoteaccess.h"

namespace mailtls {

namespace {
// The time left moves on, and a window ends on time, without a query.
constexpr int TickMs = 5000;
} // namespace

CampaignBanner::CampaignBanner(DashboardContext *context, QWidget *parent)
    : QFrame(parent)
    , m_context(context)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("campaignBanner"));
    setAccessibleName(tr("Campaign window"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);

    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("campaignBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_end = new QPushButton(tr("&End Now…"), this);
    m_end->setObjectName(QStringLiteral("campaignEndButton"));
    m_end->setToolTip(tr("Put the settings from before the window back now, after asking"));
    m_end->setAccessibleName(tr("End the campaign's window now"));
    connect(m_end, &QPushButton::clicked, this, &CampaignBanner::endNow);
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("campaignDismissButton"));
    m_dismiss->setToolTip(tr("Hide this report"));
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        m_report.clear();
        updateText();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_end, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);

    m_ender = [this](const Campaign &campaign, const QString &by,
                     std::function<void(const CampaignWindow::Outcome &)> done) {
        defaultEnd(campaign, by, std::move(done));
    };
    m_checker = [this](std::function<void(const QList<WindowReport> &)> done) { defaultCheck(std::move(done)); };

    m_ticker = new QTimer(this);
    m_ticker->setInterval(TickMs);
    connect(m_ticker, &QTimer::timeout, this, &CampaignBanner::tick);
    m_ticker->start();

    connect(m_context, &DashboardContext::storeChanged, this, [this] {
        m_campaign.reset();
        m_report.clear();
        m_error.clear();
        updateText();
        refresh();
    });
    connect(m_context, &DashboardContext::dataChanged, this, &CampaignBanner::refresh);
    updateText();
}

CampaignBanner::~CampaignBanner() = default;

void CampaignBanner::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    updateText();
}

qint64 CampaignBanner::now() const
{
    return m_clock();
}

QString CampaignBanner::text() const
{
    return m_label->text();
}

void CampaignBanner::refresh()
{
    if (m_context->storePath().isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_context->runner()->run<std::optional<Campaign>>(
        this, QStringLiteral("campaign-banner"),
        [](TrafficStore &store, QString *error) -> std::optional<Campaign> {
            CampaignStore campaigns(store.path());
            if (!campaigns.open(error))
                return std::nullopt;
            return campaigns.enforcing(error);
        },
        [this, generation](const std::optional<Campaign> &campaign, const QString &error) {
            if (generation == m_generation)
                apply(campaign, error);
        });
}

void CampaignBanner::apply(const std::optional<Campaign> &campaign, const QString &error)
{
    // A store of an older MailTLS has no campaigns: nothing to say.
    m_error = error;
    if (error.isEmpty())
        m_campaign = campaign;
    updateText();
    emit loaded();
}

void CampaignBanner::checkOnStart()
{
    m_checker([this](const QList<WindowReport> &reports) {
        QStringList lines;
        for (const WindowReport &report : reports) {
            if (report.state != WindowReport::State::Enforcing)
                lines << report.message.toHtmlEscaped();
        }
        if (!lines.isEmpty())
            m_report = lines.join(QStringLiteral("<br>"));
        updateText();
        refresh();
    });
}

void CampaignBanner::endNow()
{
    if (!m_campaign || m_ending || m_confirmation)
        return;
    const Campaign &c = *m_campaign;
    auto *box = new QMessageBox(QMessageBox::Question, tr("End the Window Now?"),
                                tr("End campaign “%1” now? MailTLS puts the settings of %2 on %3 from before the "
                                   "window back and reloads it; mail without TLS is accepted and sent again, and "
                                   "deferred mail leaves the queue.")
                                    .arg(c.name, CampaignText::service(c), CampaignText::computer(c)),
                                QMessageBox::NoButton, window());
    box->setObjectName(QStringLiteral("campaignEndConfirmation"));
    box->addButton(tr("End Now"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole)
            endWindow(QStringLiteral("user"));
    });
    box->open();
}

void CampaignBanner::endWindow(const QString &by)
{
    if (!m_campaign || m_ending)
        return;
    m_ending = true;
    m_step = tr("starting");
    updateText();
    m_ender(*m_campaign, by, [this, by](const CampaignWindow::Outcome &outcome) { ended(outcome, by); });
}

void CampaignBanner::ended(const CampaignWindow::Outcome &outcome, const QString &by)
{
    m_ending = false;
    m_step.clear();
    const QString name = m_campaign ? m_campaign->name : outcome.campaign.name;
    if (outcome.ok) {
        QString message = by == QLatin1String("user")
            ? tr("Campaign “%1” ended: the settings from before the window are back.").arg(name.toHtmlEscaped())
            : tr("Campaign “%1” reached its end: MailTLS put the settings from before the window back.")
                  .arg(name.toHtmlEscaped());
        for (const QString &warning : outcome.warnings)
            message += QStringLiteral("<br>") + warning.toHtmlEscaped();
        m_report = message;
        const qint64 id = m_campaign ? m_campaign->id : outcome.campaign.id;
        m_campaign.reset();
        emit windowEnded(id);
    } else {
        m_report = tr("Campaign “%1” could not be ended: %2").arg(name.toHtmlEscaped(), outcome.error.toHtmlEscaped());
    }
    updateText();
    m_context->notifyDataChanged();
}

void CampaignBanner::tick()
{
    // A window seen running before its end is ended at its end; one found
    // past it is the start-up check's (or the user's) to end.
    if (m_campaign && !m_ending && m_endingAtItsTime != m_campaign->id && now() >= m_campaign->windowEnd
        && m_seenBeforeEnd == m_campaign->id) {
        m_endingAtItsTime = m_campaign->id;
        endWindow(QStringLiteral("app"));
        return;
    }
    updateText();
}

void CampaignBanner::updateText()
{
    QStringList parts;
    const qint64 t = now();
    if (m_campaign) {
        const Campaign &c = *m_campaign;
        if (t < c.windowEnd)
            m_seenBeforeEnd = c.id;
        const QString where = tr("%1 on %2").arg(CampaignText::service(c), CampaignText::computer(c)).toHtmlEscaped();
        if (m_ending) {
            parts << tr("<b>Ending campaign “%1”</b> on %2: %3…")
                         .arg(c.name.toHtmlEscaped(), where, m_step.toHtmlEscaped());
        } else if (c.outlived(t)) {
            parts << tr("<b>Campaign “%1” outlived its end</b> at %2 UTC: nothing has recorded putting the "
                        "previous settings back, so %3 may still require TLS. End it now.")
                         .arg(c.name.toHtmlEscaped(), CampaignText::time(c.windowEnd), where);
        } else {
            QString what;
            if (c.inbound && c.outbound)
                what = tr("Mail from servers without TLS is refused (4xx/5xx); mail to them waits in the queue "
                          "until the window ends.");
            else if (c.inbound)
                what = tr("Mail from servers without TLS is refused (4xx/5xx).");
            else
                what = tr("Mail to servers without TLS waits in the queue until the window ends.");
            parts << tr("<b>Mandatory STARTTLS</b> (%1) on %2 until %3 UTC, %4 left. %5")
                         .arg(CampaignText::directions(c).toLower().toHtmlEscaped(), where,
                              CampaignText::time(c.windowEnd), CampaignText::duration(c.windowEnd - t), what);
        }
    }
    if (!m_report.isEmpty())
        parts << m_report;
    m_label->setText(parts.join(QStringLiteral("<br>")));
    m_end->setVisible(m_campaign.has_value());
    m_end->setEnabled(!m_ending);
    m_dismiss->setVisible(!m_report.isEmpty() && !m_ending);
    setVisible(!parts.isEmpty());
}

CampaignWindow *CampaignBanner::makeWindow()
{
    auto *engine = new CampaignWindow(m_context->storePath(), this);
    // A window on another computer is reached as Fix My Server reaches it:
    // its host keys and passwords asked in dialogs over this window.
    auto *access = new FixRemoteAccess(window());
    connect(engine, &QObject::destroyed, access, &QObject::deleteLater);
    engine->setHostFactory([access = QPointer<FixRemoteAccess>(access)](
                               const QString &location, const QString &mta,
                               QString *error) -> std::shared_ptr<const CommandHost> {
        if (!access)
            return nullptr;
        return access->reach(location, CampaignWindow::serviceKind(mta), error).host;
    });
    connect(&engine->applier(), &PlanApplier::stepStarted, this, [this](PlanApplier::Step, const QString &what) {
        m_step = what;
        updateText();
    });
    return engine;
}

void CampaignBanner::defaultEnd(const Campaign &campaign, const QString &by,
                                std::function<void(const CampaignWindow::Outcome &)> done)
{
    CampaignWindow *engine = makeWindow();
    engine->end(campaign.id, by, [engine, done = std::move(done)](const CampaignWindow::Outcome &outcome) {
        engine->deleteLater();
        done(outcome);
    });
}

void CampaignBanner::defaultCheck(std::function<void(const QList<WindowReport> &)> done)
{
    if (m_context->storePath().isEmpty()) {
        done({});
        return;
    }
    CampaignWindow *engine = makeWindow();
    engine->checkOnStart([engine, done = std::move(done)](const QList<WindowReport> &reports) {
        engine->deleteLater();
        done(reports);
    });
}

} // namespace mailtls
