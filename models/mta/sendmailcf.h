#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mailtls {

// What a sendmail.cf (the file Sendmail reads, built by m4 from sendmail.mc)
// says, and how Debian builds it.
//
// Options are `O LongName=value` lines (the value runs to the end of the
// line; blanks around it do not count) or the old one-letter form (`OL9` is
// LogLevel=9). When an option is set twice, Sendmail keeps the last.
// `#O LogLevel=10` is m4's note of an option left unset.
//
// Debian's /etc/mail/Makefile (update_mk) builds sendmail.cf as
// `m4 sendmail.mc`, then a line "### /etc/mail/sendmail.mc ###" and the .mc
// file with "# " before each line. m4 itself writes when and where it was
// built ("##### built by root@host on …", "##### in /etc/mail", "##### using
// … as configuration include directory"): two builds of one .mc differ only
// there.
class SendmailCf final
{
public:
    // The value of the last setting of `name` ("LogLevel"), nothing when the
    // file does not set it.
    static std::optional<QString> option(const QByteArray &cf, const QByteArray &name);
    // Every setting of `name`, in order (DaemonPortOptions, one per daemon).
    static QStringList options(const QByteArray &cf, const QByteArray &name);

    // Whether two builds say the same, their build stamp lines aside.
    static bool sameBuild(const QByteArray &a, const QByteArray &b);
    // The `O` lines in which two builds differ (a's, then b's), for messages.
    static QStringList differentOptions(const QByteArray &a, const QByteArray &b);

    // Debian's header line ("### /etc/mail/sendmail.mc ###") when `cf` ends
    // with the copy of its .mc file; empty otherwise.
    static QByteArray debianTrailerHeader(const QByteArray &cf);
    // m4's output as Debian's Makefile completes it: the header line, then
    // `mc` with "# " before each line (a missing final newline stays
    // missing, as sed leaves it). Without a header, the output alone.
    static QByteArray withDebianTrailer(const QByteArray &m4Output, const QByteArray &header, const QByteArray &mc);
    static QByteArray debianTrailerHeaderFor(const QString &mcPath);

    // The keyword=value fields of a DaemonPortOptions value ("Family=inet,
    // Name=MTA-v4, Port=smtp, Addr=127.0.0.1"), keys as written.
    static QList<QPair<QString, QString>> fields(const QString &daemonOptions);
    // A port as DaemonPortOptions names it ("smtp", "submission", "25");
    // 0 for a name it does not know.
    static quint16 portNumber(const QString &port);
};

} // namespace mailtls
