// Window benchmark: the main window on a big store (one year of a busy small
// site: 2,000,000 messages, 5,000 peers), as a user meets it.
//
//   mailtls_windowbench [--db FILE] [--repeat N] [--log FILE]
//
// Without --db, or with a --db that does not exist yet, fills the store first
// (SyntheticStore, as mailtls_dashboardbench does). Then, for each page:
// "first full paint" is from the window being shown on the store to the
// page's figures applied (its loaded() signal) and painted; "filter change"
// is from a change of direction (and back), of grouping, or of time range to
// the new figures painted, once after the page has settled (it reads the
// neighbouring selections ahead while it is looked at) and once with nothing
// kept (every change a query). Each figure is the best of --repeat runs, in
// milliseconds. With --log, first imports that log through the window (File ›
// Import) into a new store while a timer ticks every 10 ms on the GUI thread,
// and reports how long the import took and the longest the GUI thread was
// away from its event loop meanwhile. Runs offscreen unless QT_QPA_PLATFORM
// says otherwise.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include "models/store/trafficstore.h"
#include "tests/bench/syntheticstore.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/mainwindow.h"

using namespace mailtls;

namespace {

int repeat = 3;
// As mailtls_dashboardbench fills it, so either may make the store.
constexpr qint64 StoreStart = 20000LL * 86400;   // 2024-10-04
// Relative ranges end with the synthetic year.
constexpr qint64 StoreEnd = StoreStart + 365LL * 86400;

void fail(const QString &error)
{
    std::fprintf(stderr, "mailtls_windowbench: %s\n", qPrintable(error));
    std::exit(1);
}

// Runs `change`, then waits for the page's next loaded() and paints it.
double timeUntilPainted(QWidget *window, QWidget *page, const std::function<void()> &change)
{
    QSignalSpy loaded(page, SIGNAL(loaded()));
    QElapsedTimer timer;
    timer.start();
    change();
    if (!loaded.wait(120000))
        fail(QStringLiteral("%1 did not load within two minutes").arg(page->objectName()));
    window->repaint();
    return double(timer.nsecsElapsed()) / 1e6;
}

double best(const std::function<double()> &run)
{
    double fastest = std::numeric_limits<double>::max();
    for (int i = 0; i < repeat; ++i)
        fastest = std::min(fastest, run());
    return fastest;
}

void print(const QString &page, const char *what, double ms)
{
    std::printf("%-16s %-34s %9.1f ms\n", qPrintable(page), what, ms);
    std::fflush(stdout);
}

// The GUI thread's longest absence from its event loop during an import.
void importThroughTheWindow(const QString &log, const QString &db)
{
    MainWindow window;
    window.resize(1280, 800);
    window.setAppStore(db);
    window.show();
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - lastTick);
        lastTick = now;
    });
    QSignalSpy finished(window.backgroundImport(), &BackgroundImport::finished);
    clock.start();
    ticker.start();
    window.importLogs({log});
    if (!finished.wait(600000))
        fail(QStringLiteral("the import did not end within ten minutes"));
    const double seconds = clock.nsecsElapsed() / 1e9;
    ticker.stop();
    const auto result = finished.first().first().value<BackgroundImport::Result>();
    if (!result.ok)
        fail(result.error);
    qint64 lines = 0;
    for (const ImportSummary &summary : result.summaries)
        lines += summary.linesRead;
    std::printf("import through the window: %lld lines in %.2f s; longest GUI-thread stall %.1f ms (timer every 10 ms)\n",
                lines, seconds, longest / 1e6);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Store to open (filled when missing)"),
                                      QStringLiteral("file"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs per figure"),
                                          QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption logOption(QStringLiteral("log"), QStringLiteral("Log to import through the window first"),
                                       QStringLiteral("file"));
    parser.addOptions({dbOption, repeatOption, logOption});
    parser.process(app);
    repeat = qMax(1, parser.value(repeatOption).toInt());

    QTemporaryDir scratch;
    if (parser.isSet(logOption))
        importThroughTheWindow(parser.value(logOption), scratch.filePath(QStringLiteral("imported.sqlite")));
    const QString db = parser.isSet(dbOption) ? parser.value(dbOption)
                                              : scratch.filePath(QStringLiteral("bench.sqlite"));
    if (!QFileInfo::exists(db)) {
        TrafficStore store(db);
        QString error;
        if (!store.open(&error))
            fail(error);
        SyntheticStore::Written written;
        QElapsedTimer timer;
        timer.start();
        SyntheticStore::Options options;
        options.start = StoreStart;
        if (!SyntheticStore::fill(store, options, &written, &error))
            fail(error);
        std::printf("filled %s: %lld transfers, %lld connections, %lld failures in %.1f s\n", qPrintable(db),
                    written.transfers, written.connections, written.failures, timer.elapsed() / 1000.0);
    }

    QStringList pages;
    {
        MainWindow probe;
        auto *navigation = probe.findChild<QListWidget *>(QStringLiteral("navigation"));
        // The Probe page shows probes, not the store's figures: filters do
        // not change it.
        for (int row = 0; row < navigation->count(); ++row)
            if (navigation->item(row)->flags().testFlag(Qt::ItemIsEnabled)
                && navigation->item(row)->data(Qt::UserRole).toString() != QLatin1String("probePage"))
                pages << navigation->item(row)->data(Qt::UserRole).toString();
    }

    for (const QString &name : pages) {
        const double first = best([&] {
            MainWindow window;
            window.resize(1280, 800);
            window.showPage(name);
            QWidget *page = window.page(name);
            return timeUntilPainted(&window, page, [&] {
                window.show();
                window.openStore(db);
            });
        });
        print(name, "first full paint", first);

        MainWindow window;
        window.resize(1280, 800);
        window.showPage(name);
        QWidget *page = window.page(name);
        timeUntilPainted(&window, page, [&] {
            window.show();
            window.openStore(db);
        });
        DashboardContext *context = window.context();
        context->setReferenceTime(StoreEnd);
        QueryRunner *runner = context->runner();
        // `change` then `back`, as a user does: after the page has settled
        // (its neighbouring selections read ahead), and again with nothing
        // kept. Each figure is the change named by `timed`.
        const auto measure = [&](const char *kept, const char *cold, const std::function<void()> &change,
                                 const std::function<void()> &back, bool timeBack) {
            for (const bool fresh : {false, true}) {
                print(name, fresh ? cold : kept, best([&] {
                          runner->waitForIdle(120000);
                          if (fresh)
                              runner->invalidateCache();
                          const double there = timeUntilPainted(&window, page, change);
                          runner->waitForIdle(120000);
                          if (fresh)
                              runner->invalidateCache();
                          const double again = timeUntilPainted(&window, page, back);
                          return timeBack ? again : there;
                      }));
            }
        };
        measure("filter change: direction", "  nothing kept", [&] { context->setDirection(Direction::Outbound); },
                [&] { context->setDirection(std::nullopt); }, true);
        measure("filter change: group by domain", "  nothing kept",
                [&] { context->setGroupBy(ReportFilter::GroupBy::Domain); },
                [&] { context->setGroupBy(ReportFilter::GroupBy::Host); }, true);
        measure("filter change: range 30 d", "  nothing kept",
                [&] { context->setRange(DashboardContext::Range::Month); },
                [&] { context->setRange(DashboardContext::Range::All); }, false);
    }
    return 0;
}
