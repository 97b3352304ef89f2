#include "widgets/mainwindow.h"

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
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "models/itemmodels/peerfilterproxymodel.h"
#include "models/itemmodels/peertablemodel.h"
#include "models/report/reportformatter.h"

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
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailTLS"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
