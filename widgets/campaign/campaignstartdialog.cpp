#include "widgets/campaign/campaignstartdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "models/itemmodels/recordtitles.h"
#include "models/sources/localcommandhost.h"
#include "widgets/campaign/campaigntext.h"
#include "widgets/fix/diffhighlighter.h"
#include "widgets/fix/fixremoteaccess.h"

namespace mailtls {

namespace {
constexpr int MaxDays = 30; // the engine refuses longer windows
}

CampaignStartDialog::CampaignStartDialog(const QString &storePath, QWidget *parent)
    : QDialog(parent)
    , m_storePath(storePath)
    , m_window(new CampaignWindow(storePath, this))
    , m_access(new FixRemoteAccess(this))
{
    setObjectName(QStringLiteral("campaignStartDialog"));
    setWindowTitle(tr("Start a Campaign"));
    resize(820, 620);

    // Page 1: what, how long, where.
    auto *choose = new QWidget;
    m_inbound = new QCheckBox(tr("&Inbound: refuse mail from servers that do not use STARTTLS"), choose);
    m_inbound->setObjectName(QStringLiteral("campaignInbound"));
    m_inbound->setChecked(true);
    m_outbound = new QCheckBox(tr("&Outbound: hold mail to servers that do not offer STARTTLS"), choose);
    m_outbound->setObjectName(QStringLiteral("campaignOutbound"));
    m_outbound->setChecked(true);
    m_duration = new QSpinBox(choose);
    m_duration->setObjectName(QStringLiteral("campaignDuration"));
    m_duration->setRange(1, 72);
    m_duration->setValue(24);
    m_duration->setAccessibleName(tr("Length of the window"));
    m_unit = new QComboBox(choose);
    m_unit->setObjectName(QStringLiteral("campaignDurationUnit"));
    m_unit->addItem(tr("hours"), 3600);
    m_unit->addItem(tr("days"), 86400);
    m_unit->setAccessibleName(tr("Unit of the window's length"));
    connect(m_unit, &QComboBox::currentIndexChanged, this,
            [this] { m_duration->setMaximum(m_unit->currentData().toInt() == 86400 ? MaxDays : 72); });
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration);
    durationRow->addWidget(m_unit);
    durationRow->addStretch(1);
    m_name = new QLineEdit(choose);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(tr("Campaign %1").arg(QDate::currentDate().toString(Qt::ISODate)));
    m_mta = new QComboBox(choose);
    m_mta->setObjectName(QStringLiteral("campaignMta"));
    m_mta->addItem(QStringLiteral("Postfix"), QStringLiteral("postfix"));
    m_mta->addItem(tr("Exim (Debian's configuration)"), QStringLiteral("exim"));
    m_mta->addItem(QStringLiteral("Sendmail"), QStringLiteral("sendmail"));
    m_mta->setAccessibleName(tr("Mail server"));
    m_computer = new QLineEdit(choose);
    m_computer->setObjectName(QStringLiteral("campaignComputer"));
    m_computer->setPlaceholderText(tr("This computer, or ssh://user@host:port"));
    m_computer->setToolTip(tr("Leave empty for the mail server of this computer; a host over SSH is changed "
                              "through sudo -n, as Fix My Server does"));
    m_configDir = new QLineEdit(QStringLiteral("/etc/postfix"), choose);
    m_configDir->setObjectName(QStringLiteral("campaignConfigDir"));
    m_warning = new QLabel(choose);
    m_warning->setObjectName(QStringLiteral("campaignWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_affected = new QListWidget(choose);
    m_affected->setObjectName(QStringLiteral("campaignAffectedPeers"));
    m_affected->setAccessibleName(tr("Peers that used plaintext and will be affected"));
    auto *form = new QFormLayout;
    form->addRow(tr("Directions:"), m_inbound);
    form->addRow(QString(), m_outbound);
    form->addRow(tr("&Length:"), durationRow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Mail &server:"), m_mta);
    form->addRow(tr("&Computer:"), m_computer);
    form->addRow(tr("Configuration &folder:"), m_configDir);
    auto *chooseLayout = new QVBoxLayout(choose);
    chooseLayout->addLayout(form);
    chooseLayout->addWidget(m_warning);
    chooseLayout->addWidget(
        new QLabel(tr("Peers that used plaintext in these directions in the last 30 days:"), choose));
    chooseLayout->addWidget(m_affected, 1);

    // Page 2: the exact change, and the job that undoes it.
    auto *review = new QWidget;
    m_diff = new QPlainTextEdit(review);
    m_diff->setObjectName(QStringLiteral("campaignDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setAccessibleName(tr("The change to the mail server's configuration"));
    new DiffHighlighter(m_diff->document(), palette());
    m_job = new QLabel(review);
    m_job->setWordWrap(true);
    auto *reviewLayout = new QVBoxLayout(review);
    reviewLayout->addWidget(new QLabel(tr("This change is made for the window:"), review));
    reviewLayout->addWidget(m_diff, 1);
    reviewLayout->addWidget(m_job);

    // Page 3: the steps as they run.
    auto *apply = new QWidget;
    m_steps = new QPlainTextEdit(apply);
    m_steps->setObjectName(QStringLiteral("campaignSteps"));
    m_steps->setReadOnly(true);
    m_steps->setAccessibleName(tr("Steps"));
    auto *applyLayout = new QVBoxLayout(apply);
    applyLayout->addWidget(m_steps, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(choose);
    m_pages->addWidget(review);
    m_pages->addWidget(apply);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("campaignStartStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_back = buttons->addButton(tr("< &Back"), QDialogButtonBox::ActionRole);
    m_next = buttons->addButton(tr("&Prepare…"), QDialogButtonBox::AcceptRole);
    m_next->setObjectName(QStringLiteral("campaignNextButton"));
    m_next->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(0);
        m_status->clear();
        updateButtons();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_pages->currentIndex() == 0)
            prepare();
        else if (m_pages->currentIndex() == 1)
            startWindow();
        else
            accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        // A running apply is stopped and rolled back by the applier.
        if (m_window->applier().isRunning())
            m_window->applier().cancel();
        else
            reject();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(&m_window->applier(), &PlanApplier::stepStarted, this,
            [this](PlanApplier::Step, const QString &what) { m_steps->appendPlainText(what); });
    connect(&m_window->applier(), &PlanApplier::stepFinished, this, [this](const PlanApplier::StepResult &result) {
        const QString outcome = result.outcome == PlanApplier::Outcome::Ok ? tr("done")
            : result.outcome == PlanApplier::Outcome::Skipped              ? tr("skipped")
                                                                           : tr("failed");
        m_steps->appendPlainText(tr("  %1: %2").arg(outcome, result.message));
    });
    connect(m_mta, &QComboBox::currentIndexChanged, this, [this] {
        // The folder follows the server while it is another's default.
        const QString text = m_configDir->text().trimmed();
        bool aDefault = text.isEmpty();
        for (const QString &mta : CampaignWindow::mtas())
            aDefault = aDefault || text == CampaignWindow::defaultConfigDir(mta);
        if (aDefault)
            m_configDir->setText(CampaignWindow::defaultConfigDir(m_mta->currentData().toString()));
        directionsChanged();
    });
    connect(m_inbound, &QCheckBox::toggled, this, &CampaignStartDialog::directionsChanged);
    connect(m_outbound, &QCheckBox::toggled, this, &CampaignStartDialog::directionsChanged);
    directionsChanged();
}

qint64 CampaignStartDialog::seconds() const
{
    return qint64(m_duration->value()) * m_unit->currentData().toInt();
}

void CampaignStartDialog::directionsChanged()
{
    const bool in = m_inbound->isChecked();
    const bool out = m_outbound->isChecked();
    m_warning->setText(in || out ? CampaignWindow::warning(in, out, m_mta->currentData().toString())
                                 : tr("Choose at least one direction."));
    loadAffected();
    updateButtons();
}

void CampaignStartDialog::loadAffected()
{
    const quint64 generation = ++m_affectedGeneration;
    m_affected->clear();
    const bool in = m_inbound->isChecked();
    const bool out = m_outbound->isChecked();
    if (!in && !out)
        return;
    m_affected->addItem(tr("Reading…"));
    struct Affected
    {
        QList<AffectedPeer> peers;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Affected>(this);
    connect(watcher, &QFutureWatcher<Affected>::finished, this, [this, watcher, generation] {
        const Affected result = watcher->result();
        watcher->deleteLater();
        if (generation != m_affectedGeneration)
            return;
        m_affected->clear();
        const QLocale locale;
        if (!result.error.isEmpty())
            m_affected->addItem(tr("The store cannot be read: %1").arg(result.error));
        else if (result.peers.isEmpty())
            m_affected->addItem(tr("None: the store saw no plaintext mail in these directions."));
        for (const AffectedPeer &peer : result.peers)
            m_affected->addItem(tr("%1 (%2): %3 of %4 messages in plaintext")
                                    .arg(peer.peer, RecordTitles::direction(peer.direction),
                                         locale.toString(peer.plaintextMessages), locale.toString(peer.messages)));
        emit affectedLoaded();
    });
    const QString path = m_storePath;
    watcher->setFuture(QtConcurrent::run([path, in, out] {
        Affected result;
        result.peers = CampaignWindow::affectedPeers(path, in, out, QDateTime::currentSecsSinceEpoch(), &result.error);
        return result;
    }));
}

void CampaignStartDialog::prepare()
{
    if (m_busy)
        return;
    const QString location = m_computer->text().trimmed();
    const QString mta = m_mta->currentData().toString();
    if (!location.isEmpty()) {
        QString error;
        const FixRemoteAccess::Target target = m_access->reach(location, CampaignWindow::serviceKind(mta), &error);
        if (!target.host) {
            m_status->setText(error);
            return;
        }
        m_window->setHost(target.host, target.location);
    } else {
        m_window->setHost(std::make_shared<LocalCommandHost>(), QString());
    }
    m_busy = true;
    m_status->setText(tr("Reading %1's configuration…").arg(CampaignWindow::mtaName(mta)));
    updateButtons();
    m_window->prepare(mta, m_configDir->text().trimmed(), m_inbound->isChecked(), m_outbound->isChecked(),
                      [this](const CampaignWindow::Preparation &preparation) {
                          m_busy = false;
                          m_preparation = preparation;
                          if (!preparation.plan) {
                              m_status->setText(preparation.error);
                          } else {
                              QString error;
                              m_diff->setPlainText(QString::fromUtf8(preparation.plan->diff(&error)));
                              m_job->setText(tr("Before anything is written, a job is scheduled on the mail host "
                                                "that puts these settings back after %1, even if MailTLS is not "
                                                "running then; MailTLS removes it when it ends the window first.")
                                                 .arg(CampaignText::duration(seconds())));
                              m_status->setText(error);
                              m_pages->setCurrentIndex(1);
                          }
                          updateButtons();
                          emit prepared();
                      });
}

void CampaignStartDialog::startWindow()
{
    if (m_busy || !m_preparation.plan)
        return;
    m_busy = true;
    m_pages->setCurrentIndex(2);
    m_steps->clear();
    m_status->setText(tr("Scheduling the job that ends the window, then changing %1…")
                          .arg(CampaignWindow::mtaName(m_preparation.mta)));
    updateButtons();
    m_window->start(m_preparation, seconds(), m_name->text().trimmed(), [this](const CampaignWindow::Outcome &outcome) {
        m_busy = false;
        m_outcome = outcome;
        QStringList lines;
        if (outcome.ok)
            lines << tr("Campaign “%1” started; it ends at %2 UTC. The job that ends it on the mail host: %3.")
                         .arg(outcome.campaign.name, CampaignText::time(outcome.campaign.windowEnd),
                              outcome.campaign.revertJob);
        else
            lines << outcome.error;
        lines << outcome.warnings;
        m_status->setText(lines.join(QLatin1Char('\n')));
        updateButtons();
        emit started(outcome.ok);
    });
}

void CampaignStartDialog::updateButtons()
{
    const int page = m_pages->currentIndex();
    const bool any = m_inbound->isChecked() || m_outbound->isChecked();
    m_back->setVisible(page == 1);
    m_back->setEnabled(!m_busy);
    m_inbound->setEnabled(!m_busy);
    m_outbound->setEnabled(!m_busy);
    if (page == 0) {
        m_next->setText(tr("&Prepare…"));
        m_next->setEnabled(!m_busy && any);
    } else if (page == 1) {
        m_next->setText(tr("&Start Window"));
        m_next->setEnabled(!m_busy);
    } else {
        m_next->setText(tr("&Close"));
        m_next->setEnabled(!m_busy);
    }
    m_cancel->setVisible(page != 2 || m_busy);
}

} // namespace mailtls
