#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls dhparam --group ffdhe2048|…|ffdhe8192 | --bits 2048|3072|4096
// [--out FILE]`: writes DH parameters for a mail server, an RFC 7919 group at
// once or a freshly generated group (progress on standard error, Ctrl+C
// cancels and writes nothing), to FILE whole or not at all, or to standard
// output. `mailtls dhparam --inspect FILE` says what a DH parameter file
// holds and whether to replace it. Exit status 0 on success (for --inspect: a
// group large enough), 1 on failure, cancel or a weak group, 2 on usage errors.
class DhParamCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DhParamCommand)

public:
    // `arguments` starts with the program name, then "dhparam".
    static int run(const QStringList &arguments);

    // Generates a fresh `bits`-bit group, with progress lines on standard
    // error; Ctrl+C cancels. Empty, with the reason printed, on failure or
    // cancel. For `dhparam --bits` and `fix logjam --bits`.
    static QByteArray generateWithProgress(int bits);
};

} // namespace mailtls
