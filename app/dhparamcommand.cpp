#include "app/dhparamcommand.h"

#include <cstdio>
#include <optional>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include "app/commandline.h"
#include "app/stopsignals.h"
#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

// Seconds between two progress lines of a generation.
constexpr int progressIntervalMs = 5000;

void writeBytes(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

void writeErr(const QString &text)
{
    writeBytes(stderr, text.toLocal8Bit());
}

// Small generators (2, 5) in decimal, anything else in hex.
QString generatorText(const QByteArray &generator)
{
    if (generator.size() > 8)
        return QStringLiteral("0x") + QString::fromLatin1(generator.toHex());
    quint64 value = 0;
    for (const char byte : generator)
        value = (value << 8) | quint8(byte);
    return QString::number(value);
}

// Where the PEM goes: a usage error when --out cannot name a file at all.
std::optional<int> checkOut(const QString &path)
{
    if (path.isEmpty()) {
        CommandLine::printError(DhParamCommand::tr("--out: the file name is empty"));
        return CommandLine::Usage;
    }
    const QFileInfo file(path);
    if (file.isDir()) {
        CommandLine::printError(DhParamCommand::tr("--out: %1 is a folder; name the file to write").arg(path));
        return CommandLine::Usage;
    }
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir()) {
        CommandLine::printError(
            DhParamCommand::tr("--out: there is no folder %1").arg(QDir::toNativeSeparators(file.absolutePath())));
        return CommandLine::Usage;
    }
    return std::nullopt;
}

int inspect(const QString &path)
{
    const DhFileInfo info = DhParameters::inspectFile(path);
    if (!info.isValid()) {
        CommandLine::printError(QStringLiteral("%1: %2").arg(path, info.error));
        return CommandLine::Failed;
    }
    QString text = DhParamCommand::tr("File: %1").arg(path) + QLatin1Char('\n');
    text += DhParamCommand::tr("Bits: %1").arg(info.bits) + QLatin1Char('\n');
    text += DhParamCommand::tr("Generator: %1").arg(generatorText(info.generator)) + QLatin1Char('\n');
    text += (info.group ? DhParamCommand::tr("Group: %1").arg(info.group->title())
                        : DhParamCommand::tr("Group: none published; a group of its own"))
        + QLatin1Char('\n');
    text += DhParamCommand::tr("Verdict: %1").arg(DhParameters::summary(info)) + QLatin1Char('\n');
    if (!info.isFine())
        text += DhParamCommand::tr("Fix: mailtls dhparam --group ffdhe3072 --out %1 writes an RFC 7919 group at "
                                   "once, or --bits 3072 instead of --group generates a group of its own (minutes); "
                                   "then reload the mail server")
                    .arg(path)
            + QLatin1Char('\n');
    CommandLine::printOut(text);
    return info.isFine() ? CommandLine::Ok : CommandLine::Failed;
}

// Writes the PEM to `out`, or to standard output when `out` is null.
int deliver(const QByteArray &pem, const QString &out, const QString &written)
{
    if (out.isNull()) {
        writeBytes(stdout, pem);
        return CommandLine::Ok;
    }
    QString error;
    if (!DhParameters::writePem(out, pem, &error)) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    CommandLine::printOut(written + QLatin1Char('\n'));
    return CommandLine::Ok;
}

int generate(int bits, const QString &out)
{
    // A generation can take many minutes: a folder that cannot take the file
    // is said before, not after.
    if (!out.isNull()) {
        const QFileInfo folder(QFileInfo(out).absolutePath());
        if (!folder.isWritable()) {
            CommandLine::printError(
                DhParamCommand::tr("cannot write in the folder %1").arg(QDir::toNativeSeparators(folder.filePath())));
            return CommandLine::Failed;
        }
    }
    const QByteArray pem = DhParamCommand::generateWithProgress(bits);
    if (pem.isEmpty())
        return CommandLine::Failed;
    return deliver(pem, out, DhParamCommand::tr("Wrote a freshly generated %1-bit group to %2.").arg(bits).arg(out));
}

} // namespace

QByteArray DhParamCommand::generateWithProgress(int bits)
{
    StopSignals stop(StopSignals::Second::EndsAtOnce);
    if (!stop.isCatching())
        CommandLine::printError(DhParamCommand::tr("Ctrl+C cannot be caught: it will end the program at once"));

    DhGenerator generator;
    QEventLoop loop;
    QTimer ticker;
    QElapsedTimer clock;
    DhGenerator::Phase phase = DhGenerator::Phase::Searching;
    QByteArray pem;
    QString error;
    bool cancelled = false;

    const auto progressLine = [&] {
        const int tried = generator.candidatesTried();
        return phase == DhGenerator::Phase::Confirming
            ? DhParamCommand::tr("Generating a %1-bit group: %2 candidate primes tried; confirming the last one…")
                  .arg(bits)
                  .arg(tried)
            : DhParamCommand::tr("Generating a %1-bit group: %2 candidate primes tried…").arg(bits).arg(tried);
    };
    QObject::connect(&generator, &DhGenerator::progress, &loop, [&](int, DhGenerator::Phase now) { phase = now; });
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] { writeErr(progressLine() + QLatin1Char('\n')); });
    QObject::connect(&generator, &DhGenerator::finished, &loop, [&](const QByteArray &result) {
        pem = result;
        loop.quit();
    });
    QObject::connect(&generator, &DhGenerator::failed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    QObject::connect(&generator, &DhGenerator::cancelled, &loop, [&] {
        cancelled = true;
        loop.quit();
    });
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, [&] {
        generator.cancel();
    });

    writeErr(DhParamCommand::tr("Generating a %1-bit group; this can take many minutes (Ctrl+C cancels)…").arg(bits)
             + QLatin1Char('\n'));
    clock.start();
    if (!generator.start(bits)) {
        CommandLine::printError(DhParamCommand::tr("cannot start generating a %1-bit group").arg(bits));
        return QByteArray();
    }
    ticker.start(progressIntervalMs);
    loop.exec();
    ticker.stop();

    if (cancelled) {
        CommandLine::printError(DhParamCommand::tr("cancelled; nothing was written"));
        return QByteArray();
    }
    if (!error.isEmpty()) {
        CommandLine::printError(error);
        return QByteArray();
    }
    writeErr(DhParamCommand::tr("Generated a %1-bit group: %2 candidate primes tried in %3 s.")
                 .arg(bits)
                 .arg(generator.candidatesTried())
                 .arg(clock.elapsed() / 1000)
             + QLatin1Char('\n'));
    return pem;
}

int DhParamCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write Diffie-Hellman parameters for a mail server (Postfix smtpd_tls_dh1024_param_file, Exim "
           "tls_dhparam, Dovecot ssl_dh, Sendmail DHParameters): an RFC 7919 group at once, or a freshly generated "
           "group (minutes). Or say what a DH parameter file holds. Exit status: 0 on success (--inspect: the group "
           "is large enough), 1 on failure, cancel or a weak group, 2 on usage errors."));
    parser.addHelpOption();
    const QCommandLineOption groupOption(QStringLiteral("group"),
                                         tr("Write this RFC 7919 group: ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144 "
                                            "or ffdhe8192 (ffdhe3072 or larger advised)."),
                                         tr("NAME"));
    const QCommandLineOption bitsOption(QStringLiteral("bits"),
                                        tr("Generate a group of its own of 2048, 3072 or 4096 bits."), tr("N"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       tr("Write to this file (whole or not at all; mode 0644, or the mode and "
                                          "owner of the file it replaces) instead of standard output."),
                                       tr("FILE"));
    const QCommandLineOption inspectOption(
        QStringLiteral("inspect"), tr("Say what this DH parameter file holds and whether to replace it."), tr("FILE"));
    parser.addOptions({groupOption, bitsOption, outOption, inspectOption});
    if (const std::optional<int> done = CommandLine::parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
        return CommandLine::Usage;
    }
    const int modes = int(parser.isSet(groupOption)) + int(parser.isSet(bitsOption)) + int(parser.isSet(inspectOption));
    if (modes == 0) {
        CommandLine::printError(
            tr("dhparam needs --group NAME, --bits N or --inspect FILE (see mailtls dhparam --help)"));
        return CommandLine::Usage;
    }
    if (modes > 1) {
        CommandLine::printError(tr("give only one of --group, --bits and --inspect"));
        return CommandLine::Usage;
    }

    if (parser.isSet(inspectOption)) {
        if (parser.isSet(outOption)) {
            CommandLine::printError(tr("--out goes with --group or --bits, not with --inspect"));
            return CommandLine::Usage;
        }
        return inspect(parser.value(inspectOption));
    }

    QString out;
    if (parser.isSet(outOption)) {
        out = parser.value(outOption);
        if (const std::optional<int> done = checkOut(out))
            return *done;
    }

    if (parser.isSet(groupOption)) {
        const QString group = parser.value(groupOption);
        if (!DhParameters::rfc7919Groups().contains(group)) {
            CommandLine::printError(tr("--group: \"%1\" is not one of %2")
                                        .arg(group, DhParameters::rfc7919Groups().join(QStringLiteral(", "))));
            return CommandLine::Usage;
        }
        QString error;
        const QByteArray pem = DhParameters::rfc7919Pem(group, &error);
        if (pem.isEmpty()) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        return deliver(pem, out, tr("Wrote the RFC 7919 group %1 (%2 bits) to %3.").arg(group, group.mid(5), out));
    }

    const QString bitsText = parser.value(bitsOption);
    bool ok = false;
    const int bits = bitsText.toInt(&ok);
    QStringList offered;
    for (const int size : DhGenerator::offeredBits())
        offered.append(QString::number(size));
    if (!ok || !DhGenerator::offeredBits().contains(bits)) {
        CommandLine::printError(
            tr("--bits: \"%1\" is not one of %2").arg(bitsText, offered.join(QStringLiteral(", "))));
        return CommandLine::Usage;
    }
    return generate(bits, out);
}

} // namespace mailtls
