#include "app/probecommand.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTimer>

#include "app/commandline.h"
#include "app/stopsignals.h"
#include "models/probe/probeanalyzer.h"
#include "models/probe/probejson.h"
#include "models/probe/probereporttext.h"
#include "models/probe/probescheduler.h"
#include "models/probe/probetargetparser.h"

namespace mailtls {

namespace {

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

int ProbeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Probe the mail servers of domains (or single hosts) the way a sending server sees them: STARTTLS, "
           "TLS versions, Diffie-Hellman group, certificate, MTA-STS and TLS-RPT; then say what to fix. Exit "
           "status: 0 when every target offers sound STARTTLS, 1 when any has findings, 2 on usage errors."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print one JSON document with every report, evidence and finding."));
    const QCommandLineOption dnsOption(QStringLiteral("dns-server"),
                                       tr("Ask this DNS server (port 53) for every name, instead of the system's "
                                          "resolver."),
                                       tr("IP"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        tr("SMTP port of the mail servers and of hosts given without one (default "
                                           "25)."),
                                        tr("N"), QStringLiteral("25"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               tr("SMTP sessions open at once, over all servers (default 4)."),
                                               tr("N"), QStringLiteral("4"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Seconds to wait for a connection and for each reply (default 15)."),
                                           tr("S"), QStringLiteral("15"));
    const QCommandLineOption caOption(QStringLiteral("ca-file"),
                                      tr("Trust the CA certificates in this PEM file too (a private CA)."),
                                      tr("FILE"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           tr("Say on standard error what each probe does, step by step."));
    parser.addOptions({jsonOption, dnsOption, portOption, concurrencyOption, timeoutOption, caOption, verboseOption});
    parser.addPositionalArgument(QStringLiteral("TARGET"),
                                 tr("A mail domain (its MX hosts are probed), or HOST[:PORT], or an IP address."),
                                 QStringLiteral("DOMAIN|HOST[:PORT]..."));
    if (const std::optional<int> done = CommandLine::parseArguments(parser, arguments))
        return *done;

    ProbeOptions options;
    bool ok = false;
    const int port = parser.value(portOption).toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        CommandLine::printError(tr("--port: \"%1\" is not a port number from 1 to 65535").arg(parser.value(portOption)));
        return CommandLine::Usage;
    }
    options.smtpPort = quint16(port);
    const int concurrency = parser.value(concurrencyOption).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 64) {
        CommandLine::printError(
            tr("--concurrency: \"%1\" is not a number from 1 to 64").arg(parser.value(concurrencyOption)));
        return CommandLine::Usage;
    }
    options.concurrency = concurrency;
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0.1 || seconds > 600) {
        CommandLine::printError(tr("--timeout: \"%1\" is not a number of seconds from 0.1 to 600")
                                    .arg(parser.value(timeoutOption)));
        return CommandLine::Usage;
    }
    options.readTimeoutMs = int(std::lround(seconds * 1000));
    options.connectTimeoutMs = options.readTimeoutMs;
    if (parser.isSet(dnsOption)) {
        const QString text = parser.value(dnsOption);
        QHostAddress server;
        quint16 dnsPort = 53;
        if (!CommandLine::parseAddressAndPort(text, &server, &dnsPort)) {
            CommandLine::printError(tr("--dns-server: \"%1\" is not an IP address (give IP or IP:53)").arg(text));
            return CommandLine::Usage;
        }
        if (dnsPort != 53) {
            // QDnsLookup (Qt 6.4) has a name server setting but no port.
            CommandLine::printError(tr("--dns-server: only port 53 can be used (Qt's DNS look-up has no port "
                                       "setting); give the server an address of its own on port 53, such as "
                                       "127.0.0.53"));
            return CommandLine::Usage;
        }
        options.dnsServer = server;
    }
    if (parser.isSet(caOption)) {
        const QString path = parser.value(caOption);
        if (!QFileInfo(path).isFile()) {
            CommandLine::printError(tr("--ca-file: there is no file %1").arg(path));
            return CommandLine::Usage;
        }
        options.extraCaCertificates = QSslCertificate::fromPath(path, QSsl::Pem);
        if (options.extraCaCertificates.isEmpty()) {
            CommandLine::printError(tr("--ca-file: %1 holds no PEM certificate").arg(path));
            return CommandLine::Usage;
        }
    }

    const QStringList texts = parser.positionalArguments();
    if (texts.isEmpty()) {
        CommandLine::printError(tr("probe needs at least one domain or HOST[:PORT] (see mailtls probe --help)"));
        return CommandLine::Usage;
    }
    QList<ProbeTarget> targets;
    for (const QString &text : texts) {
        QString error;
        const std::optional<ProbeTarget> target = ProbeTargetParser::parse(text, options.smtpPort, &error);
        if (!target) {
            CommandLine::printError(error);
            return CommandLine::Usage;
        }
        targets.append(*target);
    }

    const bool json = parser.isSet(jsonOption);
    const bool verbose = parser.isSet(verboseOption);
    StopSignals stop(StopSignals::Second::EndsAtOnce);
    if (!stop.isCatching())
        CommandLine::printError(tr("Ctrl+C cannot be caught: it will end the probe without a report"));

    ProbeScheduler scheduler(options);
    QHash<int, qsizetype> indexOf;
    std::vector<std::optional<ProbeReport>> reports(std::size_t(targets.size()));
    qsizetype printed = 0;
    qsizetype finished = 0;
    bool cancelled = false;
    QEventLoop loop;

    QObject::connect(&scheduler, &ProbeScheduler::event, &loop, [&](int id, const ProbeEvent &event) {
        if (verbose && indexOf.contains(id))
            writeErr(QStringLiteral("%1: %2\n").arg(targets.at(indexOf.value(id)).name, event.message));
    });
    QObject::connect(&scheduler, &ProbeScheduler::finished, &loop, [&](int id, const ProbeReport &report) {
        if (!indexOf.contains(id))
            return;
        const std::size_t index = std::size_t(indexOf.value(id));
        if (reports[index])
            return;
        ProbeReport judged = report;
        ProbeAnalyzer::analyze(judged);
        reports[index] = judged;
        ++finished;
        // Reports come out in the order the targets were given, each as
        // soon as those before it are done.
        while (!json && printed < targets.size() && reports[std::size_t(printed)]) {
            CommandLine::printOut((printed > 0 ? QStringLiteral("\n") : QString())
                                  + ProbeReportText::format(*reports[std::size_t(printed)]));
            ++printed;
        }
        if (finished == targets.size())
            loop.quit();
    });
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, [&] {
        if (cancelled)
            return;
        cancelled = true;
        writeErr(tr("mailtls: cancelling the probes…") + QLatin1Char('\n'));
        scheduler.cancelAll();
        // Cancelled probes report at once; should one not, stop waiting.
        QTimer::singleShot(5000, &loop, [&loop] { loop.quit(); });
    });

    for (qsizetype i = 0; i < targets.size(); ++i)
        indexOf.insert(scheduler.probe(targets.at(i)), i);
    loop.exec();

    // After a cancel that did not end every probe, what did finish is
    // still printed.
    for (; !json && printed < targets.size(); ++printed) {
        if (reports[std::size_t(printed)])
            CommandLine::printOut((printed > 0 ? QStringLiteral("\n") : QString())
                                  + ProbeReportText::format(*reports[std::size_t(printed)]));
    }

    bool sound = true;
    QJsonArray documents;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const std::optional<ProbeReport> &report = reports[std::size_t(i)];
        if (!report) {
            sound = false;
            if (!json)
                writeErr(tr("mailtls: %1: the probe did not finish").arg(targets.at(i).name) + QLatin1Char('\n'));
            continue;
        }
        sound = sound && ProbeAnalyzer::isSound(*report);
        if (json)
            documents.append(ProbeJson::toJson(*report));
    }
    if (json)
        CommandLine::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("reports"), documents}}).toJson(QJsonDocument::Indented)));
    return sound && !cancelled ? CommandLine::Ok : CommandLine::Failed;
}

} // namespace mailtls
