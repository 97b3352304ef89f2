#include "app/campaignletterscommand.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QTextStream>

#include "app/campaigncommand.h"
#include "app/commandline.h"
#include "app/stopsignals.h"
#include "models/campaign/campaignstore.h"
#include "models/campaign/letterbatch.h"
#include "models/campaign/lettersender.h"
#include "models/campaign/mboxwriter.h"
#include "models/secrets/secretstore.h"

namespace mailtls {

namespace {

// The options both verbs share: which letters, in which words, from whom.
struct LetterOptions
{
    QCommandLineOption db{QStringLiteral("db"),
                          CampaignLettersCommand::tr("The store (default: the one the window uses)."),
                          CampaignLettersCommand::tr("PATH")};
    QCommandLineOption campaign{QStringLiteral("campaign"),
                                CampaignLettersCommand::tr("The campaign (default: the newest)."),
                                CampaignLettersCommand::tr("ID")};
    QCommandLineOption from{QStringLiteral("from"), CampaignLettersCommand::tr("Your address: the letters' sender."),
                            CampaignLettersCommand::tr("ADDR")};
    QCommandLineOption name{QStringLiteral("name"),
                            CampaignLettersCommand::tr("Your name, as sender and under the letters."),
                            CampaignLettersCommand::tr("NAME")};
    QCommandLineOption language{QStringLiteral("language"),
                                CampaignLettersCommand::tr("The letters' language: en or de (default: en)."),
                                CampaignLettersCommand::tr("LANG"), QStringLiteral("en")};
    QCommandLineOption templateFile{
        QStringLiteral("template"),
        CampaignLettersCommand::tr("Your letter template (default: letters/LANG.txt in the configuration folder, "
                                   "else the built-in one)."),
        CampaignLettersCommand::tr("FILE")};
    QCommandLineOption only{QStringLiteral("only"),
                            CampaignLettersCommand::tr("Only the letter to this correspondent (may be repeated)."),
                            CampaignLettersCommand::tr("ADDR")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({db, campaign, from, name, language, templateFile, only});
    }

    // The letters, or std::nullopt after printing why not (`exitCode`).
    std::optional<LetterBatch::Result> prepare(const QCommandLineParser &parser, QString *storePath,
                                               int *exitCode) const
    {
        *exitCode = CommandLine::Usage;
        if (!parser.isSet(from)) {
            CommandLine::printError(CampaignLettersCommand::tr("--from ADDR is needed: your address, the letters' "
                                                               "sender"));
            return std::nullopt;
        }
        qint64 campaignId = 0;
        if (parser.isSet(campaign)) {
            bool ok = false;
            campaignId = parser.value(campaign).toLongLong(&ok);
            if (!ok || campaignId <= 0) {
                CommandLine::printError(CampaignLettersCommand::tr("--campaign: \"%1\" is not a campaign number")
                                            .arg(parser.value(campaign)));
                return std::nullopt;
            }
        }
        *storePath = parser.isSet(db) ? QFileInfo(parser.value(db)).absoluteFilePath()
                                      : CampaignCommand::defaultStorePath();
        LetterBatch::Options options;
        options.language = parser.value(language);
        if (parser.isSet(templateFile))
            options.templateFile = QFileInfo(parser.value(templateFile)).absoluteFilePath();
        options.from = {parser.value(name), parser.value(from).trimmed()};
        options.only = parser.values(only);
        LetterBatch::Result result = LetterBatch::prepare(*storePath, campaignId, options);
        for (const QString &note : std::as_const(result.notes))
            CommandLine::printError(note);
        if (!result.error.isEmpty()) {
            CommandLine::printError(result.error);
            *exitCode = CommandLine::Failed;
            return std::nullopt;
        }
        return result;
    }

    // prepare()'s letters, with their campaigns' store opened in `store`, or
    // std::nullopt after printing why there is nothing to do (`exitCode`);
    // `noLetters` (%1: the campaign) says the campaign has no letters.
    std::optional<LetterBatch::Result> prepareWithStore(const QCommandLineParser &parser, const QString &noLetters,
                                                        std::optional<CampaignStore> *store, int *exitCode) const
    {
        QString storePath;
        std::optional<LetterBatch::Result> batch = prepare(parser, &storePath, exitCode);
        if (!batch)
            return std::nullopt;
        if (batch->letters.isEmpty()) {
            CommandLine::printOut(noLetters.arg(batch->campaign->id));
            *exitCode = CommandLine::Ok;
            return std::nullopt;
        }
        store->emplace(storePath);
        QString error;
        if (!(*store)->open(&error)) {
            CommandLine::printError(error);
            *exitCode = CommandLine::Failed;
            return std::nullopt;
        }
        return batch;
    }
};

bool recordAll(CampaignStore &store, const QList<CampaignLetter> &records, QString *error)
{
    for (CampaignLetter record : records) {
        if (!store.addLetter(&record, error))
            return false;
    }
    return true;
}

QString adviceText(const PreparedLetter &letter)
{
    return letter.composed.advice.join(QStringLiteral(", "));
}

// A line typed on the terminal without echo; false when standard input is
// not a terminal or it ended.
bool readHidden(const QString &prompt, QString *answer)
{
    if (!isatty(STDIN_FILENO))
        return false;
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved = {};
    const bool quiet = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (quiet) {
        termios noEcho = saved;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &noEcho);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (quiet)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    if (line.isNull())
        return false;
    *answer = line;
    return true;
}

// "host:port", "[v6]:port", "v4:port"; a name is allowed (the user's own
// server), and looked up only when sending.
bool parseServer(const QString &text, QString *host, quint16 *port)
{
    QString h;
    QString p;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0 || text.mid(close + 1, 1) != QLatin1String(":"))
            return false;
        h = text.mid(1, close - 1);
        p = text.mid(close + 2);
        if (QHostAddress(h).protocol() != QAbstractSocket::IPv6Protocol)
            return false;
    } else {
        if (text.count(QLatin1Char(':')) != 1)
            return false;
        h = text.section(QLatin1Char(':'), 0, 0);
        p = text.section(QLatin1Char(':'), 1);
    }
    bool ok = false;
    const int number = p.toInt(&ok);
    if (h.isEmpty() || !ok || number < 1 || number > 65535)
        return false;
    *host = h;
    *port = quint16(number);
    return true;
}

// "N/min", "N/minute" or "N": letters a minute.
int parseRate(const QString &text)
{
    QString number = text.trimmed();
    for (const QString &unit : {QStringLiteral("/minute"), QStringLiteral("/min"), QStringLiteral("/m")}) {
        if (number.endsWith(unit)) {
            number.chop(unit.size());
            break;
        }
    }
    bool ok = false;
    const int rate = number.toInt(&ok);
    return ok && rate >= 1 && rate <= 600 ? rate : 0;
}

} // namespace

int CampaignLettersCommand::letters(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the letters of a campaign (default: the newest), one per correspondent of a server that failed, "
           "as .eml files or one mbox. Nothing is sent."));
    parser.addHelpOption();
    LetterOptions common;
    common.addTo(parser);
    const QCommandLineOption outOption(QStringLiteral("out"), tr("Write one .eml per correspondent into DIR."),
                                       tr("DIR"));
    const QCommandLineOption mboxOption(QStringLiteral("mbox"), tr("Write every letter into one mbox FILE."),
                                        tr("FILE"));
    parser.addOptions({outOption, mboxOption});
    if (const std::optional<int> done = CampaignCommand::parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("campaign letters takes no arguments besides its options"));
        return CommandLine::Usage;
    }
    if (!parser.isSet(outOption) && !parser.isSet(mboxOption)) {
        CommandLine::printError(tr("say where the letters go: --out DIR (one .eml each) or --mbox FILE"));
        return CommandLine::Usage;
    }
    const QString outDir = parser.isSet(outOption) ? QFileInfo(parser.value(outOption)).absoluteFilePath() : QString();
    const QString mboxFile = parser.isSet(mboxOption) ? QFileInfo(parser.value(mboxOption)).absoluteFilePath()
                                                      : QString();
    if (!outDir.isEmpty() && !QDir().mkpath(outDir)) {
        CommandLine::printError(tr("--out: the folder %1 cannot be made").arg(QDir::toNativeSeparators(outDir)));
        return CommandLine::Failed;
    }

    std::optional<CampaignStore> store;
    int exitCode = CommandLine::Failed;
    const std::optional<LetterBatch::Result> batch = common.prepareWithStore(
        parser,
        tr("Campaign %1 has no letters to write: no failing server with a known correspondent.\n"),
        &store, &exitCode);
    if (!batch)
        return exitCode;
    QString error;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<MboxWriter::Entry> entries;
    for (const PreparedLetter &letter : batch->letters) {
        if (!outDir.isEmpty()) {
            const QString path = QDir(outDir).filePath(LetterBatch::fileName(letter.letter.recipient));
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(letter.letter.message) != letter.letter.message.size()
                || !file.commit()) {
                CommandLine::printError(
                    tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
                return CommandLine::Failed;
            }
            if (!recordAll(*store, letter.records(QStringLiteral("eml"), now, QString()), &error)) {
                CommandLine::printError(error);
                return CommandLine::Failed;
            }
            CommandLine::printOut(tr("%1: %2 (%3)\n")
                                      .arg(letter.letter.recipient, QDir::toNativeSeparators(path),
                                           adviceText(letter)));
        }
        if (!mboxFile.isEmpty())
            entries.append({parser.value(common.from).trimmed(), QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                            letter.letter.message});
    }
    if (!mboxFile.isEmpty()) {
        if (!MboxWriter::write(mboxFile, entries, &error)) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        for (const PreparedLetter &letter : batch->letters) {
            if (!recordAll(*store, letter.records(QStringLiteral("mbox"), now, QString()), &error)) {
                CommandLine::printError(error);
                return CommandLine::Failed;
            }
            if (outDir.isEmpty())
                CommandLine::printOut(tr("%1: in %2 (%3)\n")
                                          .arg(letter.letter.recipient, QDir::toNativeSeparators(mboxFile),
                                               adviceText(letter)));
        }
    }
    CommandLine::printOut(tr("%n letter(s) of campaign %1 written; nothing was sent.\n", nullptr,
                             int(batch->letters.size()))
                              .arg(batch->campaign->id));
    return CommandLine::Ok;
}

int CampaignLettersCommand::send(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send the letters of a campaign (default: the newest) through your own submission server, after you "
           "confirm. Port 465 speaks TLS from the start; on any other port the server must offer STARTTLS, or "
           "nothing is sent."));
    parser.addHelpOption();
    LetterOptions common;
    common.addTo(parser);
    const QCommandLineOption serverOption(QStringLiteral("server"), tr("Your submission server, e.g. "
                                                                       "smtp.example.org:587."),
                                          tr("HOST:PORT"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        tr("Log in as NAME; the password comes from the keychain."), tr("NAME"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), tr("At most N letters a minute (default: 10/min)."),
                                        tr("N/min"), QStringLiteral("10/min"));
    const QCommandLineOption yesOption(QStringLiteral("yes"), tr("Send without asking."));
    const QCommandLineOption fingerprintOption(
        QStringLiteral("fingerprint"),
        tr("Trust exactly the server certificate whose public key has this SHA-256 digest, 64 hex digits or "
           "sha256//BASE64 (a server with a certificate of its own; openssl x509 -in CERT -pubkey -noout | "
           "openssl pkey -pubin -outform der | openssl dgst -sha256 prints it)."),
        tr("SHA256"));
    const QCommandLineOption caOption(QStringLiteral("ca-file"),
                                      tr("Trust the authorities in FILE (PEM) besides the system's."), tr("FILE"));
    parser.addOptions({serverOption, userOption, rateOption, yesOption, fingerprintOption, caOption});
    if (const std::optional<int> done = CampaignCommand::parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("campaign send takes no arguments besides its options"));
        return CommandLine::Usage;
    }

    SubmissionClient::Server server;
    if (!parser.isSet(serverOption)) {
        CommandLine::printError(tr("--server HOST:PORT is needed: your submission server"));
        return CommandLine::Usage;
    }
    if (!parseServer(parser.value(serverOption), &server.host, &server.port)) {
        CommandLine::printError(tr("--server: \"%1\" is not HOST:PORT").arg(parser.value(serverOption)));
        return CommandLine::Usage;
    }
    server.security = server.port == 465 ? SubmissionClient::Security::ImplicitTls
                                         : SubmissionClient::Security::StartTls;
    const int rate = parseRate(parser.value(rateOption));
    if (rate == 0) {
        CommandLine::printError(tr("--rate: \"%1\" is not a number of letters a minute (1 to 600)")
                                    .arg(parser.value(rateOption)));
        return CommandLine::Usage;
    }
    if (parser.isSet(fingerprintOption)) {
        server.pinnedPublicKeySha256 = SubmissionClient::parseFingerprint(parser.value(fingerprintOption));
        if (server.pinnedPublicKeySha256.isEmpty()) {
            CommandLine::printError(tr("--fingerprint: \"%1\" is not a SHA-256 fingerprint (64 hex digits)")
                                        .arg(parser.value(fingerprintOption)));
            return CommandLine::Usage;
        }
    }
    if (parser.isSet(caOption)) {
        QFile file(parser.value(caOption));
        if (!file.open(QIODevice::ReadOnly)) {
            CommandLine::printError(tr("--ca-file: %1 cannot be read: %2").arg(file.fileName(), file.errorString()));
            return CommandLine::Failed;
        }
        server.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (server.caCertificates.isEmpty()) {
            CommandLine::printError(tr("--ca-file: %1 holds no PEM certificate").arg(file.fileName()));
            return CommandLine::Usage;
        }
    }

    std::optional<CampaignStore> store;
    int exitCode = CommandLine::Failed;
    const std::optional<LetterBatch::Result> batch = common.prepareWithStore(
        parser,
        tr("Campaign %1 has no letters to send: no failing server with a known correspondent.\n"),
        &store, &exitCode);
    if (!batch)
        return exitCode;
    QString error;

    const QString where = QStringLiteral("%1:%2")
                              .arg(server.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + server.host
                                                                                  + QLatin1Char(']')
                                                                          : server.host)
                              .arg(server.port);
    const QString security = server.security == SubmissionClient::Security::ImplicitTls
                                 ? tr("TLS from the start")
                                 : tr("STARTTLS required");
    QString list = tr("%n letter(s) of campaign %1 to send through %2 (%3), %4 a minute at most:\n", nullptr,
                      int(batch->letters.size()))
                       .arg(batch->campaign->id)
                       .arg(where, security)
                       .arg(rate);
    for (const PreparedLetter &letter : batch->letters)
        list += QStringLiteral("  %1: %2 (%3)\n").arg(letter.letter.recipient, letter.letter.subject,
                                                      adviceText(letter));
    CommandLine::printOut(list);

    if (!parser.isSet(yesOption)) {
        std::fputs(tr("Send them? Type yes to send: ").toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("yes") && answer != QLatin1String("y")) {
            CommandLine::printError(tr("nothing was sent"));
            return CommandLine::Failed;
        }
    }

    SubmissionClient::Credentials credentials;
    if (parser.isSet(userOption)) {
        credentials.user = parser.value(userOption);
        const QString key = SubmissionClient::passwordKey(credentials.user, server.host, server.port);
        SecretStore secrets;
        SecretStore::Result read;
        {
            QEventLoop loop;
            secrets.read(key, &loop, [&](const SecretStore::Result &r) {
                read = r;
                loop.quit();
            });
            loop.exec();
        }
        if (read.ok()) {
            credentials.password = read.secret;
        } else {
            const QString prompt = tr("Password of %1 at %2: ").arg(credentials.user, where);
            if (!readHidden(prompt, &credentials.password)) {
                CommandLine::printError(
                    read.error == SecretStore::Error::NotFound
                        ? tr("the keychain holds no password of %1 at %2, and there is no terminal to ask on: run "
                             "mailtls campaign send once in a terminal to keep it there")
                              .arg(credentials.user, where)
                        : tr("the password of %1 at %2 cannot be read from the keychain (%3), and there is no "
                             "terminal to ask on")
                              .arg(credentials.user, where, read.message));
                return CommandLine::Failed;
            }
            if (read.error == SecretStore::Error::NotFound) {
                QEventLoop loop;
                SecretStore::Result written;
                secrets.write(key, credentials.password, &loop, [&](const SecretStore::Result &r) {
                    written = r;
                    loop.quit();
                });
                loop.exec();
                if (!written.ok())
                    CommandLine::printError(tr("the password is not kept in the keychain: %1").arg(written.message));
            } else {
                CommandLine::printError(read.message);
            }
        }
    }

    QHash<QString, const PreparedLetter *> byRecipient;
    QList<CampaignLetter> letters;
    for (const PreparedLetter &letter : batch->letters) {
        byRecipient.insert(letter.letter.recipient, &letter);
        letters.append(letter.letter);
    }

    LetterSender sender;
    sender.setServer(server);
    sender.setCredentials(credentials);
    sender.setRate(rate);
    sender.setRecorder([&](CampaignLetter *letter, QString *recordError) {
        const PreparedLetter *prepared = byRecipient.value(letter->recipient);
        if (!prepared)
            return false;
        const QList<CampaignLetter> records = prepared->records(letter->delivery, letter->at, letter->serverReply);
        for (CampaignLetter record : records) {
            if (!store->addLetter(&record, recordError))
                return false;
            if (letter->id == 0)
                letter->id = record.id;
        }
        return true;
    });
    const QString envelopeFrom = parser.value(common.from).trimmed();
    QObject::connect(&sender, &LetterSender::letterSent, &sender,
                     [](int, const CampaignLetter &letter, const QString &recordError) {
                         CommandLine::printOut(tr("sent to %1: %2\n").arg(letter.recipient, letter.serverReply));
                         if (!recordError.isEmpty())
                             CommandLine::printError(tr("the letter to %1 was sent but is not recorded: %2")
                                                         .arg(letter.recipient, recordError));
                     });
    QObject::connect(&sender, &LetterSender::letterFailed, &sender,
                     [&letters](int index, const SubmissionClient::Result &result) {
                         CommandLine::printError(tr("not sent to %1: %2")
                                                     .arg(letters.at(index).recipient, result.error));
                     });
    int sent = 0;
    int failed = 0;
    int notTried = 0;
    StopSignals stop(StopSignals::Second::EndsAtOnce);
    QEventLoop loop;
    QObject::connect(&stop, &StopSignals::stopRequested, &sender, [&sender] {
        CommandLine::printError(tr("stopping"));
        sender.cancel();
    });
    QObject::connect(&sender, &LetterSender::finished, &loop, [&](int s, int f, int n) {
        sent = s;
        failed = f;
        notTried = n;
        loop.quit();
    });
    sender.start(letters, envelopeFrom);
    loop.exec();

    CommandLine::printOut(tr("%1 sent, %2 not sent, %3 not tried.\n").arg(sent).arg(failed).arg(notTried));
    return failed == 0 && notTried == 0 ? CommandLine::Ok : CommandLine::Failed;
}

} // namespace mailtls
