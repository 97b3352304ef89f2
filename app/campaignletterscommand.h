#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// The letters of a campaign (LetterBatch): one per correspondent of its
// failing peers, in the template of --language (the user's copy when it is
// complete).
//
// `mailtls campaign letters --from ADDR (--out DIR | --mbox FILE) [--name
// NAME] [--campaign ID] [--language en|de] [--template FILE] [--only ADDR…]
// [--db PATH]`: writes one .eml per correspondent into DIR (or all of them
// into one mbox FILE) and records them as exported. Nothing is sent.
//
// `mailtls campaign send --from ADDR --server HOST:PORT [--user NAME]
// [--rate N/min] [--only ADDR…] [--yes] [--fingerprint SHA256] [--ca-file
// FILE] [--name NAME] [--campaign ID] [--language en|de] [--template FILE]
// [--db PATH]`: lists the letters, asks for confirmation on the terminal
// unless --yes, then sends them through the submission server (port 465:
// TLS from the first byte; any other: STARTTLS required), at most N a
// minute, logging in as --user with the password from the keychain (asked
// on the terminal and kept there when it is not yet). Each letter the server
// took is recorded with its reply. Ctrl+C stops after the letter under way.
//
// Exit status: 0 done (every letter written or sent), 1 failed or not
// confirmed, 2 usage.
class CampaignLettersCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignLettersCommand)

public:
    // `arguments` start with the program name, then "campaign", then the verb.
    static int letters(const QStringList &arguments);
    static int send(const QStringList &arguments);
};

} // namespace mailtls
