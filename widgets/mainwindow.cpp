#include "widgets/mainwindow.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "models/itemmodels/peerfilterproxymodel.h"
#include "models/itemmodels/peertablemodel.h"
#include "models/report/reportformatter.h"
#include "models/sources/sourcemanager.h"
#include "widgets/hostkeydialog.h"
#include "widgets/secretdialog.h"
#include "widgets/sourcesdialog.h"

namespace mailtls {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new PeerTableModel(this))
    , m_proxy(new PeerFilterProxyModel(this))
    , m_watcher(new QFutureWatcher<FiguresLoader::Result>(this))
{
    setWindowTitle(tr("MailTLS"));
    m_proxy->setSourceModel(m_model);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(8);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(central);
    m_search->setPlaceholderText(tr("Filter peers"));
    m_search->setClearButtonEnabled(true);
    m_direction = new QComboBox(central);
    m_direction->addItem(tr("All directions"));
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission})
        m_direction->addItem(PeerTableModel::directionTitle(d), int(d));
    auto *directionLabel = new QLabel(tr("&Direction:"), central);
    directionLabel->setBuddy(m_direction);
    filters->addWidget(m_search, 1);
    filters->addWidget(directionLabel);
    filters->addWidget(m_direction);
    layout->addLayout(filters);

    m_table = new QTableView(central);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->sortByColumn(PeerTableModel::MessagesColumn, Qt::DescendingOrder);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    m_totals = new QLabel(this);
    statusBar()->addWidget(m_totals, 1);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &PeerFilterProxyModel::setSearchText);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant d = m_direction->itemData(index);
        m_proxy->setDirection(d.isValid() ? std::optional<Direction>(Direction(d.toInt())) : std::nullopt);
        updateTotals();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateTotals);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateTotals);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateTotals);
    connect(m_watcher, &QFutureWatcher<FiguresLoader::Result>::finished, this, &MainWindow::showResult);

    buildMenus();
    resize(1180, 680);
}

MainWindow::~MainWindow()
{
    // A closed window cancels its work; the worker holds paths into the scratch
    // folder, so it must have stopped before the folder goes.
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->waitForFinished();
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

    QToolBar *tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_sourcesAction);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_sourcesAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailTLS"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
    SecretDialog::Kind kind = SecretDialog::Kind::Code;
    if (question.kind == AskpassServer::SecretKind::Password)
        kind = SecretDialog::Kind::Password;
    else if (question.kind == AskpassServer::SecretKind::Passphrase)
        kind = SecretDialog::Kind::Passphrase;
    auto *dialog = new SecretDialog(kind, question.target, question.prompt, questionParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRetry(question.retry);
    if (question.key.isEmpty())
        dialog->setRememberOffered(false);
    else if (question.storeError == SecretStore::Error::NoBackend)
        dialog->setKeychainUnavailable(question.storeMessage.isEmpty()
                                           ? SecretStore::errorMessage(SecretStore::Error::NoBackend)
                                           : question.storeMessage);
    const quint64 id = question.id;
    auto answered = std::make_shared<bool>(false);
    connect(dialog, &QDialog::finished, askpass, [askpass, dialog, id, answered](int result) {
        *answered = true;
        if (result == QDialog::Accepted)
            askpass->answerSecret(id, dialog->secret(), dialog->remember());
        else
            askpass->refuseSecret(id);
    });
    connect(dialog, &QObject::destroyed, askpass, [askpass, id, answered] {
        if (!*answered)
            askpass->refuseSecret(id);
    });
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

void MainWindow::loadDemo()
{
    m_scratch = std::make_unique<QTemporaryDir>();
    const QString log = m_scratch->filePath(QStringLiteral("demo-mail.log"));
    if (!m_scratch->isValid() || !QFile::copy(QStringLiteral(":/demo/demo-mail.log"), log)) {
        const QString error = tr("The bundled demo logs could not be unpacked into a temporary folder.");
        m_banner->setText(error);
        m_banner->show();
        emit loadFailed(error);
        return;
    }
    loadLogs({log}, true);
}

void MainWindow::loadLogs(const QStringList &logs, bool demo)
{
    if (!m_scratch)
        m_scratch = std::make_unique<QTemporaryDir>();
    if (demo) {
        m_banner->setText(tr("<b>Demo data.</b> These figures come from a sample log bundled with MailTLS, "
                             "not from your mail server."));
        m_banner->show();
        setWindowTitle(tr("MailTLS — demo data"));
    } else {
        m_banner->hide();
        setWindowTitle(tr("MailTLS"));
    }
    m_busy->show();
    m_totals->setText(tr("Reading logs…"));
    // A load still running is cancelled and its result ignored (the watcher
    // follows only the newest); it writes to a database of its own.
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Each load starts from an empty database: the logs are read whole.
    const QString db = m_scratch->filePath(QStringLiteral("figures-%1.sqlite").arg(++m_loads));
    m_watcher->setFuture(QtConcurrent::run([db, logs, cancel = m_cancel] {
        return FiguresLoader::importAndQuery(db, logs, true, ReportFilter{}, cancel.get());
    }));
}

void MainWindow::showResult()
{
    m_busy->hide();
    const FiguresLoader::Result result = m_watcher->result();
    if (result.cancelled)
        return;
    if (!result.ok) {
        m_totals->clear();
        m_banner->setText(tr("The logs could not be read: %1").arg(result.error.toHtmlEscaped()));
        m_banner->show();
        emit loadFailed(result.error);
        return;
    }
    m_model->setFigures(result.figures);
    updateTotals();
    emit figuresShown();
}

void MainWindow::updateTotals()
{
    QStringList parts;
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        qint64 messages = 0;
        qint64 encrypted = 0;
        bool any = false;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex idx = m_proxy->mapToSource(m_proxy->index(row, 0));
            const PeerFigures &f = m_model->figures().at(idx.row());
            if (f.direction != d)
                continue;
            any = true;
            messages += f.messages;
            encrypted += f.encryptedMessages;
        }
        if (any)
            parts.append(tr("%1: %2 encrypted (%3 of %4 messages)")
                             .arg(PeerTableModel::directionTitle(d), ReportFormatter::percent(encrypted, messages))
                             .arg(encrypted)
                             .arg(messages));
    }
    m_totals->setText(parts.isEmpty() ? tr("No traffic to show.") : parts.join(QStringLiteral("  ·  ")));
}

} // namespace mailtls
