#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace mailtls {

// `mailtls campaign VERB …`: campaigns of mandatory STARTTLS. This is the
// dispatcher, and does the window's verbs itself:
//
// `campaign start [--inbound] [--outbound] --duration D [--mta postfix]
// [--config-dir DIR] [--host ssh://…] [--db PATH] [--name TEXT] [--dry-run |
// --yes]`: inspects Postfix, prints what enforcing means (RFC 3207), the
// peers the store saw using plaintext in the window's directions over the
// last 30 days, and the plan as a diff; with --yes schedules the revert job
// on the mail host, then applies the plan (CampaignWindow). Neither
// --inbound nor --outbound: both.
// `campaign status [--campaign ID]`: first the start-up check (a window the
// host's job ended is recorded as such; one that outlived its end is ended),
// then the campaign (default: the newest).
// `campaign end [--yes]`: ends the running window now.
//
// Every verb's run() gets the arguments starting with the program name, then
// "campaign", then the verb. Exit status: 0 done, 1 failed, 2 usage.
class CampaignCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignCommand)

public:
    static int run(const QStringList &arguments);

    // For every campaign verb: parses `arguments` (program, "campaign", verb,
    // options) with `parser` as CommandLine::parseArguments does.
    static std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments);
    // The store the GUI uses (AppDataLocation/mailtls.sqlite): --db's default.
    static QString defaultStorePath();

private:
    static int start(const QStringList &arguments);
    static int status(const QStringList &arguments);
    static int end(const QStringList &arguments);
};

} // namespace mailtls
