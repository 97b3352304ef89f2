#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/postfixmaincf.h"
#include "models/mta/unifieddiff.h"
#include "tests/models/postfixconftestutil.h"

using namespace mailtls;
using namespace mailtls::testutil;

namespace {

// "C" changed, "U" unchanged, "I" invalid: one letter per edit.
char letter(PostfixMainCf::Edit edit)
{
    switch (edit) {
    case PostfixMainCf::Edit::Changed:
        return 'C';
    case PostfixMainCf::Edit::Unchanged:
        return 'U';
    case PostfixMainCf::Edit::Invalid:
        return 'I';
    }
    return '?';
}

// Applies "set NAME=VALUE" / "remove NAME" in order; the letters of the results.
QByteArray applyEdits(PostfixMainCf &document, const QByteArrayList &edits)
{
    QByteArray results;
    for (const QByteArray &edit : edits) {
        if (edit.startsWith("set ")) {
            const QByteArray assignment = edit.mid(4);
            const qsizetype equals = assignment.indexOf('=');
            results += letter(document.set(assignment.left(equals), assignment.mid(equals + 1)));
        } else if (edit.startsWith("remove ")) {
            results += letter(document.remove(edit.mid(7)));
        } else {
            qFatal("bad edit in test data");
        }
    }
    return results;
}

QByteArray diffOf(const PostfixMainCf &document)
{
    return UnifiedDiff::make(QStringLiteral("/etc/postfix/main.cf"), QStringLiteral("/etc/postfix/main.cf"),
                             document.originalText(), document.text());
}

} // namespace

class TestPostfixMainCf final : public QObject
{
    Q_OBJECT

private slots:
    void systemFilesRoundTrip_data();
    void systemFilesRoundTrip();
    void debianDefaultEdits();
    void debianInstalledEdits();
    void distEdits();
    void values_data();
    void values();
    void valuesMatchPostconf_data();
    void valuesMatchPostconf();
    void problems_data();
    void problems();
    void edits_data();
    void edits();
    void setThenRemoveRestores_data();
    void setThenRemoveRestores();
    void hostileText();
    void loadErrors_data();
    void loadErrors();
    void readOnlyAndUnreadableFiles();
};

void TestPostfixMainCf::systemFilesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArrayList>("names");

    QTest::newRow("main.cf.debian") << QStringLiteral("main.cf.debian")
                                    << QByteArrayList {"smtpd_banner", "biff", "append_dot_mydomain",
                                                       "readme_directory", "compatibility_level"};
    QTest::newRow("main.cf.dist") << QStringLiteral("main.cf.dist")
                                  << QByteArrayList {"compatibility_level",
                                                     "command_directory",
                                                     "daemon_directory",
                                                     "data_directory",
                                                     "unknown_local_recipient_reject_code",
                                                     "mynetworks",
                                                     "smtpd_banner",
                                                     "debugger_command",
                                                     "sendmail_path",
                                                     "newaliases_path",
                                                     "mailq_path",
                                                     "setgid_group",
                                                     "html_directory",
                                                     "manpage_directory",
                                                     "sample_directory",
                                                     "readme_directory",
                                                     "inet_protocols"};
    QTest::newRow("main.cf.tls") << QStringLiteral("main.cf.tls")
                                 << QByteArrayList {"smtpd_tls_cert_file",      "smtpd_tls_key_file",
                                                    "smtpd_tls_security_level", "smtp_tls_CApath",
                                                    "smtp_tls_security_level",  "smtp_tls_session_cache_database"};
}

void TestPostfixMainCf::systemFilesRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QByteArrayList, names);

    const QString path = postfixShare() + QLatin1Char('/') + name;
    if (!QFile::exists(path))
        QSKIP("the Debian postfix package's files are not installed");
    PostfixMainCf document;
    QVERIFY2(document.load(path), qPrintable(document.errorString()));
    QCOMPARE(document.path(), path);
    QCOMPARE(document.text(), systemFile(name));
    QVERIFY(!document.isModified());
    QCOMPARE(document.names(), names);
    QCOMPARE(document.problems().size(), 0);
}

void TestPostfixMainCf::debianDefaultEdits()
{
    const QByteArray original = systemFile(QStringLiteral("main.cf.debian"));
    if (original.isEmpty())
        QSKIP("the Debian postfix package's files are not installed");
    PostfixMainCf document;
    QVERIFY(document.setText(original, QStringLiteral("/etc/postfix/main.cf")));
    QCOMPARE(document.value("smtpd_banner"), QByteArray("$myhostname ESMTP $mail_name (Debian/GNU)"));
    QCOMPARE(document.lineNumber("compatibility_level"), 22);

    const QByteArrayList edits {"set smtpd_tls_loglevel=1", "set smtp_tls_loglevel=1", "set compatibility_level=3.7",
                                "set smtpd_tls_security_level=may", "set biff=no"};
    QCOMPARE(applyEdits(document, edits), QByteArray("CCCCU"));
    QCOMPARE(diffOf(document),
             QByteArray("--- a/etc/postfix/main.cf\n"
                        "+++ b/etc/postfix/main.cf\n"
                        "@@ -19,6 +19,10 @@\n"
                        " \n"
                        " # See http://www.postfix.org/COMPATIBILITY_README.html -- default to 3.6 on\n"
                        " # fresh installs.\n"
                        "-compatibility_level = 3.6\n"
                        "+compatibility_level = 3.7\n"
                        " \n"
                        " \n"
                        "+# Added by MailTLS\n"
                        "+smtpd_tls_loglevel = 1\n"
                        "+smtp_tls_loglevel = 1\n"
                        "+smtpd_tls_security_level = may\n"));

    // The second run finds everything in place: not one byte changes.
    const QByteArray once = document.text();
    PostfixMainCf again;
    QVERIFY(again.setText(once));
    QCOMPARE(applyEdits(again, edits), QByteArray("UUUUU"));
    QCOMPARE(again.text(), once);
    QCOMPARE(diffOf(again), QByteArray());
}

void TestPostfixMainCf::debianInstalledEdits()
{
    // What Debian's postinst writes: the shipped main.cf, its own lines, the TLS block.
    const QByteArray debian = systemFile(QStringLiteral("main.cf.debian"));
    const QByteArray tls = systemFile(QStringLiteral("main.cf.tls"));
    if (debian.isEmpty() || tls.isEmpty())
        QSKIP("the Debian postfix package's files are not installed");
    const QByteArray original = debian
        + "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\n"
          "myhostname = mx.example.org\n"
          "mydestination = $myhostname, mx.example.org, localhost.localdomain, , localhost\n"
          "relayhost = \n"
        + tls;
    PostfixMainCf document;
    QVERIFY(document.setText(original));
    QCOMPARE(document.value("relayhost"), QByteArray(""));
    QCOMPARE(document.value("smtp_tls_session_cache_database"), QByteArray("btree:${data_directory}/smtp_scache"));
    QCOMPARE(document.expanded("smtp_tls_session_cache_database", {{"data_directory", "/var/lib/postfix"}}).value,
             QByteArray("btree:/var/lib/postfix/smtp_scache"));

    const QByteArrayList edits {"set smtpd_tls_cert_file=/etc/letsencrypt/live/mx.example.org/fullchain.pem",
                                "set smtpd_tls_key_file=/etc/letsencrypt/live/mx.example.org/privkey.pem",
                                "set smtpd_tls_security_level=may",
                                "set relayhost=",
                                "set smtpd_tls_dh1024_param_file=/etc/postfix/dh/ffdhe3072.pem",
                                "set smtpd_tls_loglevel=1"};
    QCOMPARE(applyEdits(document, edits), QByteArray("CCUUCC"));
    QCOMPARE(diffOf(document),
             QByteArray("--- a/etc/postfix/main.cf\n"
                        "+++ b/etc/postfix/main.cf\n"
                        "@@ -28,8 +28,8 @@\n"
                        " relayhost = \n"
                        " \n"
                        " # TLS parameters\n"
                        "-smtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\n"
                        "-smtpd_tls_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n"
                        "+smtpd_tls_cert_file=/etc/letsencrypt/live/mx.example.org/fullchain.pem\n"
                        "+smtpd_tls_key_file=/etc/letsencrypt/live/mx.example.org/privkey.pem\n"
                        " smtpd_tls_security_level=may\n"
                        " \n"
                        " smtp_tls_CApath=/etc/ssl/certs\n"
                        "@@ -37,3 +37,6 @@\n"
                        " smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"
                        " \n"
                        " \n"
                        "+# Added by MailTLS\n"
                        "+smtpd_tls_dh1024_param_file = /etc/postfix/dh/ffdhe3072.pem\n"
                        "+smtpd_tls_loglevel = 1\n"));

    PostfixMainCf again;
    QVERIFY(again.setText(document.text()));
    QCOMPARE(applyEdits(again, edits), QByteArray("UUUUUU"));
    QCOMPARE(diffOf(again), QByteArray());
}

void TestPostfixMainCf::distEdits()
{
    const QByteArray original = systemFile(QStringLiteral("main.cf.dist"));
    if (original.isEmpty())
        QSKIP("the Debian postfix package's files are not installed");
    PostfixMainCf document;
    QVERIFY(document.setText(original));
    QCOMPARE(document.value("debugger_command"),
             QByteArray("PATH=/bin:/usr/bin:/usr/local/bin:/usr/X11R6/bin ddd $daemon_directory/$process_name "
                        "$process_id & sleep 5"));
    QCOMPARE(document.value("sendmail_path"), QByteArray(""));

    // The continued definition becomes one line; the next definition, after
    // comment lines that sit between, is untouched. The whitespace-only lines
    // stay as they are.
    QCOMPARE(applyEdits(document, {"set debugger_command=gdb -batch", "set inet_protocols=all"}), QByteArray("CC"));
    QCOMPARE(diffOf(document),
             QByteArray("--- a/etc/postfix/main.cf\n"
                        "+++ b/etc/postfix/main.cf\n"
                        "@@ -626,9 +626,7 @@\n"
                        " # the process marches on. If you use an X-based debugger, be sure to\n"
                        " # set up your XAUTHORITY environment variable before starting Postfix.\n"
                        " #\n"
                        "-debugger_command =\n"
                        "-\t PATH=/bin:/usr/bin:/usr/local/bin:/usr/X11R6/bin\n"
                        "-\t ddd $daemon_directory/$process_name $process_id & sleep 5\n"
                        "+debugger_command = gdb -batch\n"
                        " \n"
                        " # If you can't use X, use this to capture the call stack when a\n"
                        " # daemon crashes. The result is in a file in the configuration\n"
                        "@@ -690,4 +688,4 @@\n"
                        " # readme_directory: The location of the Postfix README files.\n"
                        " #\n"
                        " readme_directory =\n"
                        "-inet_protocols = ipv4\n"
                        "+inet_protocols = all\n"));
}

void TestPostfixMainCf::values_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("line");

    QTest::newRow("plain") << QByteArray("a = 1\nb = 2\n") << QByteArray("b") << true << QByteArray("2") << 1 << 2;
    QTest::newRow("no spaces") << QByteArray("a=1\n") << QByteArray("a") << true << QByteArray("1") << 1 << 1;
    QTest::newRow("tabs and trailing spaces")
        << QByteArray("a\t=\t x  y \t\n") << QByteArray("a") << true << QByteArray("x  y") << 1 << 1;
    QTest::newRow("empty value") << QByteArray("relayhost = \n") << QByteArray("relayhost") << true << QByteArray() << 1
                                 << 1;
    QTest::newRow("undefined") << QByteArray("a = 1\n") << QByteArray("b") << false << QByteArray() << 0 << 0;
    QTest::newRow("names are case-sensitive")
        << QByteArray("MyHostname = 1\n") << QByteArray("myhostname") << false << QByteArray() << 0 << 0;
    QTest::newRow("three lines with a comment line between")
        << QByteArray("# head\nsmtpd_tls_exclude_ciphers = aNULL,\n# MD5 as well\n    MD5,\n\tRC4\nb = 2\n")
        << QByteArray("smtpd_tls_exclude_ciphers") << true << QByteArray("aNULL, MD5, RC4") << 1 << 2;
    QTest::newRow("blank lines and an indented comment do not end it")
        << QByteArray("a = 1\n\n   \n    # indented comment\n  2\nb = 3\n") << QByteArray("a") << true
        << QByteArray("1 2") << 1 << 1;
    QTest::newRow("value only on the next line")
        << QByteArray("a =\n  1\n") << QByteArray("a") << true << QByteArray("1") << 1 << 1;
    QTest::newRow("'=' on the next line")
        << QByteArray("a\n = 1\n") << QByteArray("a") << true << QByteArray("1") << 1 << 1;
    QTest::newRow("last definition wins")
        << QByteArray("a = 1\nb = 2\na = 3\n  4\n") << QByteArray("a") << true << QByteArray("3 4") << 2 << 3;
    QTest::newRow("'#' after a value is part of it")
        << QByteArray("a = x # y\n") << QByteArray("a") << true << QByteArray("x # y") << 1 << 1;
    QTest::newRow("second '=' is part of the value")
        << QByteArray("a= = x\n") << QByteArray("a") << true << QByteArray("= x") << 1 << 1;
    QTest::newRow("CRLF") << QByteArray("a = 1\r\n  2\r\nb = 3\r\n") << QByteArray("a") << true << QByteArray("1 2")
                          << 1 << 1;
    QTest::newRow("no final newline") << QByteArray("a = 1\nb = 2") << QByteArray("b") << true << QByteArray("2") << 1
                                      << 2;
    QTest::newRow("NUL cuts the value, continuation included")
        << raw("a = x\0y\n  z\nb = 2\n") << QByteArray("a") << true << QByteArray("x") << 1 << 1;
    QTest::newRow("invalid UTF-8 kept as bytes")
        << QByteArray("a = \xff\xfe caf\xc3\n") << QByteArray("a") << true << QByteArray("\xff\xfe caf\xc3") << 1 << 1;
    QTest::newRow("whitespace-only lines are blank")
        << QByteArray(" \n  \nmyhostname = h\n \t \n") << QByteArray("myhostname") << true << QByteArray("h") << 1 << 3;
    QTest::newRow("orphan continuation defines nothing")
        << QByteArray("  a = 1\nb = 2\n") << QByteArray("a") << false << QByteArray() << 0 << 0;
    QTest::newRow("orphan continuation swallows its own continuation")
        << QByteArray("# c\n  a = 1\n  b = 2\nc = 3\n") << QByteArray("b") << false << QByteArray() << 0 << 0;
}

void TestPostfixMainCf::values()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(bool, defined);
    QFETCH(QByteArray, value);
    QFETCH(int, count);
    QFETCH(int, line);

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    QCOMPARE(document.text(), text);
    QCOMPARE(document.contains(name), defined);
    QCOMPARE(document.value(name).has_value(), defined);
    QCOMPARE(document.value(name).value_or(QByteArray()), value);
    QCOMPARE(document.definitionCount(name), count);
    QCOMPARE(document.lineNumber(name), line);
}

void TestPostfixMainCf::valuesMatchPostconf_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("continuations, comments, blanks")
        << QByteArray("mydestination = a,\n# c\n\n   \n    # indented\n\tb,   c\n  d\nmyhostname=h\n");
    QTest::newRow("last wins, spacing") << QByteArray(
        "myhostname = one\nmydomain\t=\tx  y\nmyhostname   =   two\n  three\n");
    QTest::newRow("CRLF and no final newline") << QByteArray("myhostname = h\r\nmydomain = d\r\n  e\r\nbiff = no");
    QTest::newRow("NUL") << raw("myhostname = a\n \0c\nmydomain = q\0r\n  s\nbiff = no\n");
    QTest::newRow("'=' on the next line, '#' in the value")
        << QByteArray("myhostname\n = h\nsmtpd_banner = $myhostname # not a comment\n");
    QTest::newRow("main.cf.dist") << systemFile(QStringLiteral("main.cf.dist"));
    QTest::newRow("main.cf.debian") << systemFile(QStringLiteral("main.cf.debian"));
}

void TestPostfixMainCf::valuesMatchPostconf()
{
    QFETCH(QByteArray, text);

    if (postconfProgram().isEmpty())
        QSKIP("postconf is not installed");
    if (text.isEmpty())
        QSKIP("the Debian postfix package's files are not installed");
    int exitCode = -1;
    const QHash<QByteArray, QByteArray> expected = parsePostconf(postconf(text, {QStringLiteral("-n")}, &exitCode));
    QCOMPARE(exitCode, 0);
    PostfixMainCf document;
    QVERIFY(document.setText(text));
    int compared = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (it.key() == "config_directory")
            continue;
        QVERIFY2(document.contains(it.key()), it.key().constData());
        // postconf prints whitespace runs as one space.
        QCOMPARE(PostfixMainCf::normalized(*document.value(it.key())), it.value());
        ++compared;
    }
    QVERIFY(compared > 0);
}

void TestPostfixMainCf::problems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QStringList>("messages");

    QTest::newRow("none") << QByteArray("a = 1\n  2\n# c\n\n") << QList<int>() << QStringList();
    QTest::newRow("missing '='") << QByteArray("a = 1\nnone\n") << QList<int> {2}
                                 << QStringList {QStringLiteral(
                                        "Line 2 has no \"=\" after \"none\": Postfix refuses this file.")};
    QTest::newRow("space in the name") << QByteArray("my host = x\n") << QList<int> {1}
                                       << QStringList {QStringLiteral(
                                              "Line 1 has no \"=\" after \"my\": Postfix refuses this file.")};
    QTest::newRow("missing name") << QByteArray("=x\n") << QList<int> {1}
                                  << QStringList {QStringLiteral(
                                         "Line 1 has no parameter name before its \"=\": Postfix refuses this file.")};
    QTest::newRow("NUL first") << raw("\0abc = 1\nb = 2\n") << QList<int> {1}
                               << QStringList {QStringLiteral(
                                      "Line 1 has no parameter name before its \"=\": Postfix refuses this file.")};
    QTest::newRow("leading whitespace")
        << QByteArray("\n# c\n  lead = 1\n  more\nb = 2\n") << QList<int> {3}
        << QStringList {QStringLiteral("Line 3 starts with whitespace but follows no parameter: Postfix ignores it.")};
}

void TestPostfixMainCf::problems()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, messages);

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    QList<int> actualLines;
    QStringList actualMessages;
    for (const PostfixMainCf::Problem &problem : document.problems()) {
        actualLines.append(problem.line);
        actualMessages.append(problem.message);
    }
    QCOMPARE(actualLines, lines);
    QCOMPARE(actualMessages, messages);
    QCOMPARE(document.text(), text);
}

void TestPostfixMainCf::edits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("edits");
    QTest::addColumn<QByteArray>("results");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("replace") << QByteArray("a = 1\n# keep\nb = 2\n") << QByteArrayList {"set b=3"} << QByteArray("C")
                             << QByteArray("a = 1\n# keep\nb = 3\n");
    QTest::newRow("no spaces kept") << QByteArray("a=1\n") << QByteArrayList {"set a=2"} << QByteArray("C")
                                    << QByteArray("a=2\n");
    QTest::newRow("wide spaces kept") << QByteArray("a   =   1\n") << QByteArrayList {"set a=2"} << QByteArray("C")
                                      << QByteArray("a   =   2\n");
    QTest::newRow("space only before '='")
        << QByteArray("a =1\n") << QByteArrayList {"set a=2"} << QByteArray("C") << QByteArray("a =2\n");
    QTest::newRow("tabs kept, trailing space dropped")
        << QByteArray("a\t=\t1  \n") << QByteArrayList {"set a=2"} << QByteArray("C") << QByteArray("a\t=\t2\n");
    QTest::newRow("value trimmed") << QByteArray("a = 1\n") << QByteArrayList {"set a=  2 \t"} << QByteArray("C")
                                   << QByteArray("a = 2\n");
    QTest::newRow("three lines with a comment between become one")
        << QByteArray("smtpd_tls_exclude_ciphers = aNULL,\n# MD5 as well\n    MD5,\n\tRC4\nnext = x\n")
        << QByteArrayList {"set smtpd_tls_exclude_ciphers=aNULL, eNULL"} << QByteArray("C")
        << QByteArray("smtpd_tls_exclude_ciphers = aNULL, eNULL\n# MD5 as well\nnext = x\n");
    QTest::newRow("blank and comment after the last continuation stay where they are")
        << QByteArray("a = 1\n  2\n\n# about b\nb = 3\n") << QByteArrayList {"set a=5"} << QByteArray("C")
        << QByteArray("a = 5\n\n# about b\nb = 3\n");
    QTest::newRow("value on the next line")
        << QByteArray("a =\n  1\n") << QByteArrayList {"set a=2"} << QByteArray("C") << QByteArray("a = 2\n");
    QTest::newRow("value on the next line, no space before '='")
        << QByteArray("a=\n  1\n") << QByteArrayList {"set a=2"} << QByteArray("C") << QByteArray("a=2\n");
    QTest::newRow("'=' on the next line") << QByteArray("a\n = 1\nb = 2\n") << QByteArrayList {"set a=2"}
                                          << QByteArray("C") << QByteArray("a = 2\nb = 2\n");
    QTest::newRow("duplicates: the last one is edited")
        << QByteArray("a = 1\nb = 2\na = 3\n") << QByteArrayList {"set a=4"} << QByteArray("C")
        << QByteArray("a = 1\nb = 2\na = 4\n");
    QTest::newRow("duplicates: the effective value already there")
        << QByteArray("a = 1\nb = 2\na = 3\n") << QByteArrayList {"set a=3", "set a=1"} << QByteArray("UC")
        << QByteArray("a = 1\nb = 2\na = 1\n");
    QTest::newRow("same value after whitespace normalisation")
        << QByteArray("a = x   y\n  z\n") << QByteArrayList {"set a=x y z", "set a= x\ty  z "} << QByteArray("UU")
        << QByteArray("a = x   y\n  z\n");
    QTest::newRow("empty stays empty") << QByteArray("relayhost = \n") << QByteArrayList {"set relayhost="}
                                       << QByteArray("U") << QByteArray("relayhost = \n");
    QTest::newRow("empty with trailing space gets a value")
        << QByteArray("relayhost = \n") << QByteArrayList {"set relayhost=[smtp.example.net]:587"} << QByteArray("C")
        << QByteArray("relayhost = [smtp.example.net]:587\n");
    QTest::newRow("empty without space gets a value")
        << QByteArray("relayhost =\nx=\n") << QByteArrayList {"set relayhost=[a.example]", "set x=1"}
        << QByteArray("CC") << QByteArray("relayhost = [a.example]\nx=1\n");
    QTest::newRow("value made empty") << QByteArray("a = 1\n  2\nb=2\n") << QByteArrayList {"set a=", "set b="}
                                      << QByteArray("CC") << QByteArray("a =\nb=\n");
    QTest::newRow("append") << QByteArray("a = 1\n") << QByteArrayList {"set b=2"} << QByteArray("C")
                            << QByteArray("a = 1\n# Added by MailTLS\nb = 2\n");
    QTest::newRow("append twice: one comment")
        << QByteArray("a = 1\n") << QByteArrayList {"set b=2", "set c=3", "set b=4"} << QByteArray("CCC")
        << QByteArray("a = 1\n# Added by MailTLS\nb = 4\nc = 3\n");
    QTest::newRow("append after an earlier run's block")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\n") << QByteArrayList {"set c=3"} << QByteArray("C")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\nc = 3\n");
    QTest::newRow("append after a trailing blank line")
        << QByteArray("a = 1\n\n") << QByteArrayList {"set b=2"} << QByteArray("C")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\n");
    QTest::newRow("append after a trailing comment")
        << QByteArray("a = 1\n# end\n") << QByteArrayList {"set b=2"} << QByteArray("C")
        << QByteArray("a = 1\n# end\n# Added by MailTLS\nb = 2\n");
    QTest::newRow("append an empty value") << QByteArray("a = 1\n") << QByteArrayList {"set b="} << QByteArray("C")
                                           << QByteArray("a = 1\n# Added by MailTLS\nb =\n");
    QTest::newRow("append to an empty file")
        << QByteArray() << QByteArrayList {"set b=2"} << QByteArray("C") << QByteArray("# Added by MailTLS\nb = 2\n");
    QTest::newRow("append without final newline")
        << QByteArray("a = 1") << QByteArrayList {"set b=2", "set c=3"} << QByteArray("CC")
        << QByteArray("a = 1\n# Added by MailTLS\nb = 2\nc = 3");
    QTest::newRow("replace the last line without final newline")
        << QByteArray("a = 1\nb = 2") << QByteArrayList {"set b=3"} << QByteArray("C") << QByteArray("a = 1\nb = 3");
    QTest::newRow("continued last definition without final newline")
        << QByteArray("a = 1\n# c\n  2") << QByteArrayList {"set a=5"} << QByteArray("C") << QByteArray("a = 5\n# c");
    QTest::newRow("CRLF kept") << QByteArray("a = 1\r\n  x\r\nb = 2\r\n") << QByteArrayList {"set a=3", "set c=4"}
                               << QByteArray("CC") << QByteArray("a = 3\r\nb = 2\r\n# Added by MailTLS\r\nc = 4\r\n");
    QTest::newRow("CRLF without final newline")
        << QByteArray("a = 1\r\nb = 2") << QByteArrayList {"set c=4"} << QByteArray("C")
        << QByteArray("a = 1\r\nb = 2\r\n# Added by MailTLS\r\nc = 4");
    QTest::newRow("indented comment inside a continuation stays")
        << QByteArray("a = 1\n   # indented\n  2\n") << QByteArrayList {"set a=3"} << QByteArray("C")
        << QByteArray("a = 3\n   # indented\n");
    QTest::newRow("orphan line is not a definition")
        << QByteArray("  a = 1\nb = 2\n") << QByteArrayList {"set a=3"} << QByteArray("C")
        << QByteArray("  a = 1\nb = 2\n# Added by MailTLS\na = 3\n");
    QTest::newRow("remove every definition, keep comments between")
        << QByteArray("a = 1\nb = 2\na = 3\n  cont\n# keep\n  more\nc = 4\n") << QByteArrayList {"remove a"}
        << QByteArray("C") << QByteArray("b = 2\n# keep\nc = 4\n");
    QTest::newRow("remove the last line without final newline")
        << QByteArray("a = 1\nb = 2") << QByteArrayList {"remove b"} << QByteArray("C") << QByteArray("a = 1");
    QTest::newRow("remove what is not there")
        << QByteArray("a = 1\n") << QByteArrayList {"remove b"} << QByteArray("U") << QByteArray("a = 1\n");
    QTest::newRow("remove one of two added keeps the comment")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\nc = 3\n") << QByteArrayList {"remove b"} << QByteArray("C")
        << QByteArray("a = 1\n\n# Added by MailTLS\nc = 3\n");
    QTest::newRow("remove the last added drops the comment")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\n") << QByteArrayList {"remove b"} << QByteArray("C")
        << QByteArray("a = 1\n\n");
    QTest::newRow("remove an added definition mid-file")
        << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2\n\nc = 3\n") << QByteArrayList {"remove b"} << QByteArray("C")
        << QByteArray("a = 1\n\n\nc = 3\n");
    QTest::newRow("invalid name") << QByteArray("a = 1\n")
                                  << QByteArrayList {"set my host=1", "set =1", "set a$=1", "set a#=1", "remove "}
                                  << QByteArray("IIIII") << QByteArray("a = 1\n");
    QTest::newRow("invalid value") << QByteArray("a = 1\n")
                                   << QByteArrayList {"set a=1\nb = 2", "set a=1\r", raw("set a=x\0y")}
                                   << QByteArray("III") << QByteArray("a = 1\n");
    QTest::newRow("names with '-' are fine")
        << QByteArray("relay-out_destination_rate_delay = 1s\n")
        << QByteArrayList {"set relay-out_destination_rate_delay=2s"} << QByteArray("C")
        << QByteArray("relay-out_destination_rate_delay = 2s\n");
}

void TestPostfixMainCf::edits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, edits);
    QFETCH(QByteArray, results);
    QFETCH(QByteArray, expected);

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    QCOMPARE(applyEdits(document, edits), results);
    QCOMPARE(document.text(), expected);
    QCOMPARE(document.originalText(), text);
    QCOMPARE(document.isModified(), expected != text);
    if (results.contains('I'))
        QVERIFY(!document.errorString().isEmpty());

    // Idempotent: the same edits on the result change nothing (when no name
    // is edited twice, which would undo itself).
    QByteArrayList names;
    for (const QByteArray &edit : edits)
        names.append(edit.mid(edit.indexOf(' ') + 1).split('=').constFirst());
    if (QSet<QByteArray>(names.cbegin(), names.cend()).size() == names.size()) {
        PostfixMainCf again;
        QVERIFY(again.setText(expected));
        const QByteArray second = applyEdits(again, edits);
        QVERIFY2(!second.contains('C'), second.constData());
        QCOMPARE(again.text(), expected);
    }
}

void TestPostfixMainCf::setThenRemoveRestores_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("final newline") << QByteArray("a = 1\n");
    QTest::newRow("no final newline") << QByteArray("a = 1");
    QTest::newRow("trailing blank line") << QByteArray("a = 1\n\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("CRLF") << QByteArray("a = 1\r\n# c\r\n");
    QTest::newRow("main.cf.debian") << systemFile(QStringLiteral("main.cf.debian"));
}

void TestPostfixMainCf::setThenRemoveRestores()
{
    QFETCH(QByteArray, text);

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    QCOMPARE(document.set("smtpd_tls_loglevel", "1"), PostfixMainCf::Edit::Changed);
    QCOMPARE(document.set("smtp_tls_loglevel", "1"), PostfixMainCf::Edit::Changed);
    QVERIFY(document.text() != text);
    QCOMPARE(document.remove("smtp_tls_loglevel"), PostfixMainCf::Edit::Changed);
    QCOMPARE(document.remove("smtpd_tls_loglevel"), PostfixMainCf::Edit::Changed);
    QCOMPARE(document.text(), text);
    QVERIFY(!document.isModified());
}

void TestPostfixMainCf::hostileText()
{
    // A 1 MB line, NUL bytes, invalid UTF-8 and a lone CR around a definition
    // that is edited: every other byte stays.
    const QByteArray longValue(1024 * 1024, 'x');
    const QByteArray before = "long = " + longValue + "\n" + raw("nul = a\0b\n") + "utf = \xff\xfe\xc3(\n"
        + "cr = a\rb\n" + "edit = 1\n" + "tail = \xe2\x82\n";
    PostfixMainCf document;
    QVERIFY(document.setText(before));
    QCOMPARE(document.text(), before);
    QCOMPARE(document.value("long")->size(), longValue.size());
    QCOMPARE(document.value("nul"), QByteArray("a"));
    QCOMPARE(document.value("utf"), QByteArray("\xff\xfe\xc3("));
    QCOMPARE(document.value("cr"), QByteArray("a\rb"));
    QCOMPARE(document.set("edit", "2"), PostfixMainCf::Edit::Changed);
    QByteArray after = before;
    after.replace("edit = 1\n", "edit = 2\n");
    QCOMPARE(document.text(), after);
    QCOMPARE(document.set("utf", "ok"), PostfixMainCf::Edit::Changed);
    after.replace("utf = \xff\xfe\xc3(\n", "utf = ok\n");
    QCOMPARE(document.text(), after);
    // The NUL line's visible value is already "a".
    QCOMPARE(document.set("nul", "a"), PostfixMainCf::Edit::Unchanged);
    QCOMPARE(document.set("nul", "c"), PostfixMainCf::Edit::Changed);
    after.replace(raw("nul = a\0b\n"), "nul = c\n");
    QCOMPARE(document.text(), after);
}

void TestPostfixMainCf::loadErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("DIR/main.cf does not exist.");
    QTest::newRow("folder") << QStringLiteral("folder")
                            << QStringLiteral("DIR/main.cf is a folder, not a main.cf file.");
    QTest::newRow("fifo") << QStringLiteral("fifo") << QStringLiteral("DIR/main.cf is not a regular file.");
    QTest::newRow("dangling symlink") << QStringLiteral("dangling") << QStringLiteral("DIR/main.cf does not exist.");
    QTest::newRow("10 MB") << QStringLiteral("big")
                           << QStringLiteral("DIR/main.cf is larger than 4194304 bytes; MailTLS does not read a "
                                             "main.cf that large.");
    QTest::newRow("too many lines")
        << QStringLiteral("lines")
        << QStringLiteral("DIR/main.cf has more than 100000 lines; MailTLS does not read a main.cf that long.");
    QTest::newRow("just below the limits") << QStringLiteral("fits") << QString();
}

void TestPostfixMainCf::loadErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, error);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("main.cf"));
    const auto write = [&path](const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    };
    if (kind == QLatin1String("folder"))
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("main.cf")));
    else if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    else if (kind == QLatin1String("dangling"))
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), path));
    else if (kind == QLatin1String("big"))
        write("a = " + QByteArray(10 * 1024 * 1024, 'x') + '\n');
    else if (kind == QLatin1String("lines"))
        write(QByteArray("#\n").repeated(PostfixMainCf::MaxLines) + "a = 1");
    else if (kind == QLatin1String("fits"))
        write(QByteArray("#\n").repeated(PostfixMainCf::MaxLines - 1)
              + "a = " + QByteArray(PostfixMainCf::MaxBytes - 2 * (PostfixMainCf::MaxLines - 1) - 5, 'x') + '\n');

    PostfixMainCf document;
    QVERIFY(document.setText("stale = 1\n"));
    const bool loaded = document.load(path);
    QCOMPARE(loaded, error.isEmpty());
    QCOMPARE(document.errorString(), QString(error).replace(QLatin1String("DIR"), dir.path()));
    QCOMPARE(document.path(), path);
    if (loaded) {
        QCOMPARE(document.text().size(), PostfixMainCf::MaxBytes);
        QCOMPARE(document.value("a")->size(), PostfixMainCf::MaxBytes - 2 * (PostfixMainCf::MaxLines - 1) - 5);
    } else {
        // Nothing of the earlier text lingers.
        QCOMPARE(document.text(), QByteArray());
        QVERIFY(!document.contains("stale"));
    }
}

void TestPostfixMainCf::readOnlyAndUnreadableFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("main.cf"));
    const QByteArray original("myhostname = mx.example.org\nsmtpd_tls_loglevel = 0\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(original);
    }
    // Read-only: the document reads and edits it; it never writes (the plan
    // that applies the change reports the file as not writable).
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    PostfixMainCf document;
    QVERIFY2(document.load(path), qPrintable(document.errorString()));
    QCOMPARE(document.set("smtpd_tls_loglevel", "1"), PostfixMainCf::Edit::Changed);
    QCOMPARE(document.text(), QByteArray("myhostname = mx.example.org\nsmtpd_tls_loglevel = 1\n"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    file.close();

    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    if (::geteuid() == 0)
        QSKIP("running as root: a mode 000 file is still readable");
    PostfixMainCf unreadable;
    QVERIFY(!unreadable.load(path));
    QCOMPARE(unreadable.errorString(), QStringLiteral("Cannot read %1: Permission denied").arg(path));
}

QTEST_GUILESS_MAIN(TestPostfixMainCf)
#include "tst_postfixmaincf.moc"
