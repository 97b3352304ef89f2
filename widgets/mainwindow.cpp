#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>

#include "models/probe/probeservice.h"
#include "models/settings/settings.h"
#include "models/sources/localsourcediscovery.h"
#include "models/sources/sourcemanager.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaignbanner.h"
#include "widgets/campaign/campaignpage.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/overviewpage.h"
#include "widgets/dashboard/peerdetailpage.h"
#include "widgets/dashboard/peerspage.h"
#include "widgets/dashboard/tlsqualitypage.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/filterbar.h"
#include "widgets/probe/findingsview.h"
#include "widgets/probe/probereportview.h"
#include "widgets/firstrunassistant.h"
#include "widgets/fix/fixwizard.h"
#include "widgets/hostkeydialog.h"
#include "widgets/importstatus.h"
#include "widgets/probe/probepage.h"
#include "widgets/probe/probesettingsdialog.h"
#include "widgets/secretdialog.h"
#include "widgets/sourcesdialog.h"

namespace mailtls {

MainWindow::MainWindow(Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_context(new DashboardContext(this))
    , m_import(new BackgroundImport(this))
{
    setWindowTitle(tr("MailTLS"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(8);
    m_banner->hide();
    layout->addWidget(m_banner);
    // Over every page while a campaign's window enforces; the first store
    // of the user's own shown is checked for a window that outlived its end.
    auto *campaignBanner = new CampaignBanner(m_context, central);
    layout->addWidget(campaignBanner);
    auto windowsChecked = std::make_shared<bool>(false);
    connect(this, &MainWindow::storeShown, campaignBanner, [this, campaignBanner, windowsChecked] {
        if (*windowsChecked || m_context->isDemo())
            return;
        *windowsChecked = true;
        campaignBanner->checkOnStart();
    });

    m_filters = new FilterBar(m_context, central);
    layout->addWidget(m_filters);

    auto *body = new QHBoxLayout;
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_pages = new QStackedWidget(central);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_importStatus = new ImportStatus(m_import, this);
    statusBar()->addPermanentWidget(m_importStatus);
    connect(m_import, &BackgroundImport::progress, this, [this] {
        // The import has made the store by its first progress: only then do
        // the pages read it, so they never race it to create the file.
        if (m_context->storePath() != m_importTarget)
            showStore(m_importTarget, m_importIsDemo);
        m_context->notifyDataChanged();
    });
    connect(m_import, &BackgroundImport::finished, this, &MainWindow::importFinished);

    // Probe reports go to the store shown; each one kept is news for every
    // page (the Peers table's last verdict, the peer's probe history).
    m_probeService = new ProbeService(probeOptions(m_settings), this);
    connect(m_context, &DashboardContext::storeChanged, m_probeService,
            [this] { m_probeService->setStorePath(m_context->storePath()); });
    connect(m_probeService, &ProbeService::stored, m_context, [this](int, bool ok) {
        if (ok)
            m_context->notifyDataChanged();
    });

    buildMenus();
    buildPages();
    m_navigation->setMinimumWidth(m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() + 8);
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The import writes into the scratch folder: it must stop before the
    // folder goes.
    m_import->cancel();
    m_import->wait();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::addPage(QWidget *page, const QString &title, const QString &icon, const QString &toolTip)
{
    auto *item = new QListWidgetItem(QIcon::fromTheme(icon), title, m_navigation);
    item->setToolTip(toolTip);
    item->setData(Qt::UserRole, page->objectName());
    // A page smaller than its content scrolls rather than growing the window.
    auto *scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_pages->addWidget(scroll);
    m_pageList.append(page);
    const int index = m_pages->count();
    if (index <= 9) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + index)));
        connect(action, &QAction::triggered, this, [this, index] { m_navigation->setCurrentRow(index - 1); });
        addAction(action);
        item->setToolTip(tr("%1 (%2)").arg(toolTip, action->shortcut().toString(QKeySequence::NativeText)));
    }
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

QWidget *MainWindow::page(const QString &name) const
{
    for (QWidget *candidate : m_pageList)
        if (candidate->objectName() == name)
            return candidate;
    return nullptr;
}

QWidget *MainWindow::currentPage() const
{
    return m_pageList.value(m_pages->currentIndex());
}

void MainWindow::showPage(const QString &name)
{
    QWidget *target = page(name);
    if (!target)
        return;
    QListWidgetItem *item = m_navigation->item(m_pageList.indexOf(target));
    if (item->flags().testFlag(Qt::ItemIsEnabled))
        m_navigation->setCurrentItem(item);
}

void MainWindow::buildMenus()
{
    m_sourcesAction = new QAction(QIcon::fromTheme(QStringLiteral("network-server"),
                                                   style()->standardIcon(QStyle::SP_DriveNetIcon)),
                                  tr("&Sources…"), this);
    m_sourcesAction->setObjectName(QStringLiteral("sourcesAction"));
    m_sourcesAction->setIconText(tr("Sources"));
    m_sourcesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_sourcesAction->setToolTip(tr("The logs MailTLS follows live: files, the journal, other computers over SSH"));
    m_sourcesAction->setStatusTip(m_sourcesAction->toolTip());
    m_sourcesAction->setEnabled(false);
    connect(m_sourcesAction, &QAction::triggered, this, &MainWindow::showSources);

    m_importAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open"),
                                                  style()->standardIcon(QStyle::SP_DialogOpenButton)),
                                 tr("&Import Logs…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setIconText(tr("Import"));
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setToolTip(tr("Read mail logs from files (rotated and compressed ones too) into MailTLS"));
    m_importAction->setStatusTip(m_importAction->toolTip());
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseImport);

    QToolBar *tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_importAction);
    tools->addAction(m_sourcesAction);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importAction);
    file->addAction(m_sourcesAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), m_context, &DashboardContext::notifyDataChanged);
    refresh->setShortcut(QKeySequence::Refresh);
    QAction *campaigns = view->addAction(tr("&Campaigns"), this, [this] { showPage(QStringLiteral("campaignPage")); });
    campaigns->setObjectName(QStringLiteral("campaignsAction"));
    campaigns->setStatusTip(tr("Windows of mandatory STARTTLS, the peers that failed, and who fixed it (Ctrl+6)"));
    QMenu *probes = menuBar()->addMenu(tr("&Probes"));
    QAction *probeSettings = probes->addAction(tr("Probe &Settings…"), this, &MainWindow::showProbeSettings);
    probeSettings->setObjectName(QStringLiteral("probeSettingsAction"));
    probeSettings->setStatusTip(tr("The DNS server probes ask, their timeout, and how many sessions run at once"));
    QAction *fixServer = probes->addAction(tr("&Fix My Server…"), this, [this] { showFixWizard(); });
    fixServer->setObjectName(QStringLiteral("fixServerAction"));
    fixServer->setStatusTip(tr("Replace a weak Diffie-Hellman group in Postfix, Exim, Sendmail or Dovecot; turn "
                               "STARTTLS or TLS logging on"));
    QAction *restoreServer = probes->addAction(tr("&Restore Previous Configuration…"), this,
                                               [this] { showFixWizard(true); });
    restoreServer->setObjectName(QStringLiteral("restoreServerAction"));
    restoreServer->setStatusTip(tr("Put back the files an earlier fix changed, from the backup it made"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailTLS"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildPages()
{
    auto *overview = new OverviewPage(m_context, m_pages);
    addPage(overview, tr("Overview"), QStringLiteral("view-statistics"),
            tr("How much of your mail is encrypted, in and out, and whether it is getting better"));
    auto *peers = new PeersPage(m_context, m_pages);
    addPage(peers, tr("Peers"), QStringLiteral("system-users"),
            tr("Every peer's figures: who sends and receives in plaintext"));
    auto *tls = new TlsQualityPage(m_context, m_pages);
    addPage(tls, tr("TLS Quality"), QStringLiteral("security-medium"),
            tr("Which TLS versions, ciphers and key exchanges your peers use, and who fails"));
    m_detail = new PeerDetailPage(m_context, m_pages);
    addPage(m_detail, tr("Peer"), QStringLiteral("user-identity"),
            tr("One peer: its timeline, connections, TLS failures, correspondents and the log lines behind them"));
    // Until a peer is chosen there is nothing to show.
    m_navigation->item(m_pageList.indexOf(m_detail))->setFlags(Qt::NoItemFlags);
    // After the peer page, so Ctrl+1 … Ctrl+4 stay what they were.
    m_probePage = new ProbePage(m_context, m_probeService, m_pages);
    connect(m_probePage->reportView()->findingsView(), &FindingsView::fixRequested, this,
            [this](MailService::Fix fix) { showFixWizard(false, fix); });
    addPage(m_probePage, tr("Probe"), QStringLiteral("system-search"),
            tr("Ask a domain's mail servers what they offer: STARTTLS, TLS versions, certificate, Diffie-Hellman "
               "group, MTA-STS and TLS-RPT"));

    // After the Probe page, so Ctrl+1 … Ctrl+5 stay what they were.
    auto *campaignPage = new CampaignPage(m_context, m_pages);
    addPage(campaignPage, tr("Campaigns"), QStringLiteral("mail-mark-important"),
            tr("Windows of mandatory STARTTLS: the peers that failed, the letters to them, and who fixed it"));
    connect(campaignPage, &CampaignPage::peerActivated, this, &MainWindow::showPeer);
    connect(campaignPage, &CampaignPage::probeRequested, this, &MainWindow::probeTarget);
    campaignPage->setProbeService(m_probeService);

    connect(peers, &PeersPage::probeRequested, this, &MainWindow::probeTarget);
    connect(tls, &TlsQualityPage::probeRequested, this, &MainWindow::probeTarget);
    connect(tls, &TlsQualityPage::fixServerRequested, this, [this] { showFixWizard(); });
    connect(m_detail, &PeerDetailPage::probeRequested, this, &MainWindow::probeTarget);
    connect(m_detail, &PeerDetailPage::probeReportRequested, this, [this](qint64 id) {
        showPage(m_probePage->objectName());
        m_probePage->showStoredProbe(id);
    });

    connect(overview, &OverviewPage::peerActivated, this, &MainWindow::showPeer);
    connect(peers, &PeersPage::peerActivated, this, &MainWindow::showPeer);
    connect(tls, &TlsQualityPage::peerActivated, this, &MainWindow::showPeer);
    connect(m_detail, &PeerDetailPage::backRequested, this, [this] {
        showPage(m_backPage.isEmpty() ? QStringLiteral("overviewPage") : m_backPage);
    });
    connect(m_detail, &PeerDetailPage::peerChanged, this, [this](const QString &peer) {
        QListWidgetItem *item = m_navigation->item(m_pageList.indexOf(m_detail));
        item->setToolTip(tr("Peer %1: its timeline, connections, TLS failures and correspondents").arg(peer));
    });
}

void MainWindow::showPeer(const QString &peer, Direction direction)
{
    QWidget *from = currentPage();
    if (from && from != m_detail)
        m_backPage = from->objectName();
    m_navigation->item(m_pageList.indexOf(m_detail))->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_detail->showPeer(peer, direction);
    showPage(m_detail->objectName());
}

void MainWindow::probeTarget(const ProbeTarget &target)
{
    showPage(m_probePage->objectName());
    m_probePage->probe(target);
}

ProbeSettingsDialog *MainWindow::showProbeSettings()
{
    auto *dialog = new ProbeSettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { m_probeService->setOptions(probeOptions(m_settings)); });
    dialog->open();
    return dialog;
}

FixWizard *MainWindow::showFixWizard(bool restore, std::optional<MailService::Fix> fix)
{
    FixWizard::Options options;
    options.restore = restore;
    options.preferredFix = fix;
    options.probeOptions = probeOptions(m_settings);
    auto *wizard = new FixWizard(options, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    return wizard;
}

ProbeOptions MainWindow::probeOptions(const Settings *settings)
{
    ProbeOptions options;
    if (!settings)
        return options;
    const QString server = settings->probeDnsServer().trimmed();
    const QHostAddress address(server);
    if (!address.isNull())
        options.dnsServer = address;
    else if (!server.isEmpty())
        qWarning("The probe DNS server \"%s\" in the settings is not an IP address: the system's resolver is used",
                 qPrintable(server));
    const int seconds = settings->probeTimeout();
    if (seconds > 0) {
        options.connectTimeoutMs = seconds * 1000;
        options.readTimeoutMs = seconds * 1000;
    }
    if (settings->probeConcurrency() > 0)
        options.concurrency = settings->probeConcurrency();
    options.cacheSeconds = qMax(0, settings->probeCacheMinutes()) * 60;
    return options;
}

void MainWindow::restoreSettings()
{
    if (!m_settings)
        return;
    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    m_filters->restore(*m_settings);
    showPage(m_settings->currentPage());
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_filters->save(*m_settings);
    if (QWidget *shown = currentPage())
        m_settings->setCurrentPage(shown->objectName());
    m_settings->sync();
}

void MainWindow::showBanner(const QString &html)
{
    m_banner->setText(html);
    m_banner->setVisible(!html.isEmpty());
}

void MainWindow::openStore(const QString &path, bool demo)
{
    showStore(path, demo);
    emit storeShown();
}

void MainWindow::showStore(const QString &path, bool demo)
{
    m_context->setStore(path, demo);
    m_context->setReferenceTime(std::nullopt);
    if (demo) {
        // The demo log ends on a day of its own: "last 7 days" are its last
        // seven, not the week before today.
        m_context->runner()->run<qint64>(
            this, QStringLiteral("demo-end"),
            [](TrafficStore &store, QString *error) {
                qint64 last = 0;
                for (const PeerRow &row : store.peerRows(ReportFilter{}, PeerColumns::Everything, error))
                    last = qMax(last, row.lastSeen.value_or(0));
                return last;
            },
            [this](const qint64 &last, const QString &) {
                if (last > 0 && m_context->isDemo())
                    m_context->setReferenceTime(last + 1);
            });
        showBanner(tr("<b>Demo data.</b> These figures come from a sample log bundled with MailTLS, "
                      "not from your mail server. Import your logs or add a live source to see your own."));
        setWindowTitle(tr("MailTLS — demo data"));
    } else {
        showBanner(QString());
        setWindowTitle(tr("MailTLS"));
    }
}

void MainWindow::setAppStore(const QString &path)
{
    m_appStore = path;
}

void MainWindow::loadDemo()
{
    if (m_import->isRunning())
        return;
    m_scratch = std::make_unique<QTemporaryDir>();
    const QString log = m_scratch->filePath(QStringLiteral("demo-mail.log"));
    if (!m_scratch->isValid() || !QFile::copy(QStringLiteral(":/demo/demo-mail.log"), log)) {
        const QString error = tr("The bundled demo logs could not be unpacked into a temporary folder.");
        showBanner(error);
        emit loadFailed(error);
        return;
    }
    m_importIsDemo = true;
    m_importTarget = m_scratch->filePath(QStringLiteral("demo.sqlite"));
    LogImporter::Options options;
    options.oneShot = true;
    m_import->start(m_importTarget, {log}, options);
    m_importStatus->started({log});
}

void MainWindow::importLogs(const QStringList &logs)
{
    if (logs.isEmpty() || m_import->isRunning())
        return;
    QString target = m_appStore;
    if (target.isEmpty()) {
        if (!m_scratch || m_context->isDemo())
            m_scratch = std::make_unique<QTemporaryDir>();
        target = m_scratch->filePath(QStringLiteral("imported.sqlite"));
    }
    m_importIsDemo = false;
    m_importTarget = target;
    m_import->start(target, logs);
    m_importStatus->started(logs);
}

void MainWindow::importFinished(const BackgroundImport::Result &result)
{
    if (result.cancelled) {
        statusBar()->showMessage(tr("Import cancelled. The log being read was taken back; the logs read before "
                                    "it stay. Import the same logs again to go on."),
                                 15000);
    } else if (!result.ok) {
        showBanner(tr("The logs could not be read: %1").arg(result.error.toHtmlEscaped()));
        emit loadFailed(result.error);
        return;
    } else {
        qint64 lines = 0;
        for (const ImportSummary &summary : result.summaries)
            lines += summary.linesRead;
        if (!m_importIsDemo)
            statusBar()->showMessage(tr("Imported %n lines.", nullptr, int(qMin<qint64>(lines, INT_MAX))), 15000);
    }
    if (m_importIsDemo)
        openStore(m_importTarget, true);
    else if (m_context->storePath() != m_importTarget)
        openStore(m_importTarget, false);
    else {
        m_context->notifyDataChanged();
        emit storeShown();
    }
}

void MainWindow::runFirstRunAssistant()
{
    auto *assistant = new FirstRunAssistant(LocalSourceDiscovery().discover(), m_sourceManager, this);
    assistant->setObjectName(QStringLiteral("firstRunAssistant"));
    assistant->setAttribute(Qt::WA_DeleteOnClose);
    connect(assistant, &QDialog::finished, this, [this, assistant] {
        // Asked once: "Not now" is an answer too; the choices stay in the menus.
        if (m_settings) {
            m_settings->setFirstRunDone(true);
            m_settings->sync();
        }
        switch (assistant->choice()) {
        case FirstRunAssistant::Choice::Source: {
            QString error;
            const std::optional<SourceSpec> spec = assistant->chosenSource();
            if (!spec || !m_sourceManager || !m_sourceManager->addSource(spec->toString(), &error)) {
                QMessageBox::warning(this, tr("Source Not Added"),
                                     error.isEmpty() ? tr("MailTLS cannot follow live sources here.") : error);
                return;
            }
            openStore(m_sourceManager->storePath());
            break;
        }
        case FirstRunAssistant::Choice::ImportFiles:
            importLogs(assistant->chosenImportFiles());
            break;
        case FirstRunAssistant::Choice::Demo:
        case FirstRunAssistant::Choice::None:
            break;
        }
    });
    assistant->open();
}

void MainWindow::chooseImport()
{
    const QString folder = QFile::exists(QStringLiteral("/var/log")) ? QStringLiteral("/var/log") : QDir::homePath();
    const QStringList logs = QFileDialog::getOpenFileNames(
        this, tr("Import Mail Logs"), folder,
        tr("Mail logs (*.log *.log.* mail* maillog* mainlog* *.gz);;All files (*)"));
    importLogs(logs);
}

void MainWindow::setSourceManager(SourceManager *manager)
{
    if (manager == m_sourceManager)
        return;
    if (m_sourceManager) {
        disconnect(m_sourceManager, nullptr, this, nullptr);
        if (AskpassServer *askpass = m_sourceManager->askpass())
            disconnect(askpass, nullptr, this, nullptr);
    }
    // The dialog shows the sources of one manager.
    delete m_sourcesDialog;
    m_sourceManager = manager;
    m_sourcesAction->setEnabled(manager != nullptr);
    if (!manager)
        return;
    connect(manager, &SourceManager::warning, this, &MainWindow::showSourceWarning);
    // Live batches: the pages re-read, batched by the context.
    connect(manager, &SourceManager::sourceUpdated, this, [this] {
        if (m_sourceManager && m_context->storePath() == m_sourceManager->storePath())
            m_context->notifyDataChanged();
    });
    connect(manager, &QObject::destroyed, this, [this] {
        delete m_sourcesDialog;
        m_sourcesAction->setEnabled(false);
    });
    if (AskpassServer *askpass = manager->askpass())
        connectAskpass(askpass);
}

SourceManager *MainWindow::sourceManager() const
{
    return m_sourceManager;
}

SourcesDialog *MainWindow::sourcesDialog() const
{
    return m_sourcesDialog;
}

QDialog *MainWindow::questionDialog(quint64 id) const
{
    return m_questions.value(id);
}

void MainWindow::showSources()
{
    if (!m_sourceManager)
        return;
    if (!m_sourcesDialog)
        m_sourcesDialog = new SourcesDialog(m_sourceManager, this);
    m_sourcesDialog->show();
    m_sourcesDialog->raise();
    m_sourcesDialog->activateWindow();
}

void MainWindow::showSourceWarning(qint64 id, const QString &message)
{
    const std::optional<SourceManager::Status> source = m_sourceManager->source(id);
    const QString name = source ? source->name : QString();
    statusBar()->showMessage(name.isEmpty() ? message : tr("%1: %2").arg(name, message), 15000);
}

// Every question of the askpass server is answered from here.
void MainWindow::connectAskpass(AskpassServer *askpass)
{
    connect(askpass, &AskpassServer::hostKeyQuestion, this, &MainWindow::askHostKey);
    connect(askpass, &AskpassServer::secretNeeded, this, &MainWindow::askSecret);
    connect(askpass, &AskpassServer::questionClosed, this, &MainWindow::closeQuestion);
    connect(askpass, &AskpassServer::rememberFailed, this, [this](const QString &, const QString &message) {
        statusBar()->showMessage(tr("Not kept in the keychain: %1").arg(message), 15000);
    });
}

QWidget *MainWindow::questionParent()
{
    // Over the Sources dialog when the user works there (a test, a new source).
    if (m_sourcesDialog && m_sourcesDialog->isVisible())
        return m_sourcesDialog;
    return this;
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    QApplication::alert(this);
}

void MainWindow::askHostKey(quint64 id, const HostKeyQuestion &question, const QString &)
{
    AskpassServer *askpass = m_sourceManager ? m_sourceManager->askpass() : nullptr;
    if (!askpass)
        return;
    auto *dialog = new HostKeyDialog(question.host, question.port, question.keyType, question.fingerprint,
                                     questionParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAddress(question.address);
    dialog->setOtherNames(question.otherNames);
    // Answered once: by the user, or refused when the dialog goes unanswered.
    auto answered = std::make_shared<bool>(false);
    connect(dialog, &QDialog::finished, askpass, [askpass, id, answered](int result) {
        *answered = true;
        askpass->answerHostKey(id, result == QDialog::Accepted);
    });
    connect(dialog, &QObject::destroyed, askpass, [askpass, id, answered] {
        if (!*answered)
            askpass->answerHostKey(id, false);
    });
    connect(dialog, &QDialog::finished, this, [this, id] { m_questions.remove(id); });
    m_questions.insert(id, dialog);
    bringToFront();
    dialog->open();
}

void MainWindow::askSecret(const AskpassServer::SecretQuestion &question)
{
    AskpassServer *askpass = m_sourceManager ? m_sourceManager->askpass() : nullptr;
    if (!askpass)
        return;
    auto *dialog = SecretDialog::forQuestion(question, askpass, questionParent());
    const quint64 id = question.id;
    connect(dialog, &QDialog::finished, this, [this, id] { m_questions.remove(id); });
    m_questions.insert(id, dialog);
    bringToFront();
    dialog->open();
}

void MainWindow::closeQuestion(quint64 id)
{
    QPointer<QDialog> dialog = m_questions.take(id);
    if (!dialog)
        return;
    // The server gave up on the question: it wants no answer.
    if (m_sourceManager && m_sourceManager->askpass())
        disconnect(dialog, nullptr, m_sourceManager->askpass(), nullptr);
    dialog->reject();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About MailTLS"),
                       tr("<h3>MailTLS %1</h3><p>Shows how much of your mail crosses the wire encrypted "
                          "with STARTTLS and how much in plaintext, per peer.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace mailtls
