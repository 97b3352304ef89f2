#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>

#include "app/askpass.h"
#include "app/commandline.h"
#include "models/settings/settings.h"
#include "models/sources/sourcemanager.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/mainwindow.h"

namespace {

void installTranslators(QCoreApplication &app)
{
    // Parented to the application, so they live as long as it does.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("mailtls"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("mailtls"));
    QCoreApplication::setOrganizationName(QStringLiteral("MailTLS"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILTLS_VERSION));
}

QString overview()
{
    return QCoreApplication::translate(
        "main",
        "MailTLS shows how much of your mail crosses the wire encrypted (STARTTLS) and how much in plaintext, "
        "per peer.\n\n"
        "Commands:\n"
        "  report   print per-peer figures from logs and/or a database (mailtls report --help)\n"
        "  import   add logs to a database (mailtls import --help)\n"
        "  follow   follow logs as they are written into a database (mailtls follow --help)\n"
        "  export   write the dashboard's figures as CSV (mailtls export --help)\n"
        "  probe    check what a domain's mail servers offer (STARTTLS, TLS, certificate) and what to fix "
        "(mailtls probe --help)\n"
        "  dhparam  write Diffie-Hellman parameters for a mail server, or inspect a DH parameter file "
        "(mailtls dhparam --help)\n"
        "  fix      fix weak Diffie-Hellman, STARTTLS or TLS logging on your own Postfix, showing every change "
        "first (mailtls fix --help)\n"
        "  campaign require STARTTLS on your Postfix for a while, see who fails, write to them "
        "(mailtls campaign --help)\n\n"
        "Without a command, the window opens.");
}

// Whether the app's store holds anything: lines read, or a source defined.
bool hasFigures(const QString &storePath, const mailtls::SourceManager &sources)
{
    if (!sources.sources().isEmpty())
        return true;
    mailtls::TrafficStore store(storePath);
    QString error;
    return store.open(&error) && store.linesRead(&error) > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (mailtls::Askpass::isInvoked(argc))
        return mailtls::Askpass::run(argc, argv);
    setIdentity();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (arguments.size() > 1 && mailtls::CommandLine::isVerb(arguments.at(1))) {
        QCoreApplication app(argc, argv);
        installTranslators(app);
        return mailtls::CommandLine::run(arguments);
    }

    // Options of the window. --help, --version and mistakes are answered without
    // opening a display, so they work over SSH and in scripts.
    const QString demoOption = QStringLiteral("--demo");
    const bool demoWanted = arguments.size() == 2 && arguments.at(1) == demoOption;
    const bool windowWanted = arguments.size() == 1 || demoWanted;
    if (!windowWanted) {
        QCoreApplication app(argc, argv);
        installTranslators(app);
        QCommandLineParser parser;
        parser.setApplicationDescription(overview());
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(QCommandLineOption(QStringLiteral("demo"),
                                            QCoreApplication::translate("main", "Open the window on the bundled demo data")));
        parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("main", "report, import, follow, export, probe, dhparam, fix or campaign"),
                                     QStringLiteral("[command]"));
        if (!parser.parse(arguments)) {
            mailtls::CommandLine::printError(parser.errorText() + QLatin1Char(' ')
                                             + QCoreApplication::translate("main", "(see mailtls --help)"));
            return mailtls::CommandLine::Usage;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            mailtls::CommandLine::printOut(QStringLiteral("mailtls %1\n").arg(QCoreApplication::applicationVersion()));
            return mailtls::CommandLine::Ok;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            mailtls::CommandLine::printOut(mailtls::CommandLine::helpText(parser, QString()));
            return mailtls::CommandLine::Ok;
        }
        mailtls::CommandLine::printError(
            QCoreApplication::translate("main", "unknown command \"%1\" (see mailtls --help)")
                .arg(parser.positionalArguments().value(0)));
        return mailtls::CommandLine::Usage;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("MailTLS"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mailtls.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mailtls.MailTLS"));
    installTranslators(app);
    // The live sources the user defined, kept in the app's own store; they
    // resume where they stopped. Made before the window, so it outlives it.
    const QString storePath = mailtls::TrafficStore::defaultPath();
    mailtls::SourceManager sources(storePath, mailtls::SourceContext::defaults());
    QString error;
    const bool storeOpen = sources.open(&error);
    mailtls::Settings settings;
    mailtls::MainWindow window(&settings);
    window.setSourceManager(&sources);
    window.setAppStore(storePath);
    window.show();
    // The user's own figures when there are any; else the demo data, marked
    // as such.
    if (!demoWanted && storeOpen && hasFigures(storePath, sources))
        window.openStore(storePath);
    else
        window.loadDemo();
    if (!demoWanted && !window.context()->storePath().isEmpty() && window.context()->isDemo()
        && !settings.firstRunDone())
        QTimer::singleShot(0, &window, &mailtls::MainWindow::runFirstRunAssistant);
    if (!storeOpen)
        window.statusBar()->showMessage(error);
    return app.exec();
}
