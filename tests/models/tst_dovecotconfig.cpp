#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/dovecotconfig.h"
#include "tests/models/tst_dovecottestutil.h"

using namespace mailtls;
using namespace mailtls::dovecottest;

namespace {

// The whole literal, NUL bytes included.
template<size_t N> QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

// "C" changed, "U" unchanged, "I" invalid: one letter per edit.
char letter(DovecotConfig::Edit edit)
{
    switch (edit) {
    case DovecotConfig::Edit::Changed:
        return 'C';
    case DovecotConfig::Edit::Unchanged:
        return 'U';
    case DovecotConfig::Edit::Invalid:
        return 'I';
    }
    return '?';
}

// Applies "set KEY=RAW" / "remove KEY" in order; the letters of the results.
QByteArray applyEdits(DovecotConfig &config, const QByteArrayList &edits)
{
    QByteArray results;
    for (const QByteArray &edit : edits) {
        if (edit.startsWith("set ")) {
            const QByteArray assignment = edit.mid(4);
            const qsizetype equals = assignment.indexOf('=');
            results += letter(config.set(assignment.left(equals), assignment.mid(equals + 1)));
        } else if (edit.startsWith("remove ")) {
            results += letter(config.remove(edit.mid(7)));
        } else {
            qFatal("bad edit in test data");
        }
    }
    return results;
}

// Writes "name" → bytes under `dir` (folders made as needed).
bool writeTree(const QString &dir, const QHash<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!writeFile(dir + QLatin1Char('/') + it.key(), it.value()))
            return false;
    }
    return true;
}

// Replaces the one occurrence of `from` in `text`; fails the test when there is not exactly one.
QByteArray replacedOnce(const QByteArray &text, const QByteArray &from, const QByteArray &to)
{
    if (text.count(from) != 1)
        qFatal("test expectation: the text holds its line not exactly once");
    QByteArray out = text;
    return out.replace(from, to);
}

QString settingText(const std::optional<DovecotConfig::Setting> &setting, const QString &dir)
{
    if (!setting)
        return QStringLiteral("(none)");
    QString path = setting->path;
    path.replace(dir + QLatin1Char('/'), QString());
    return QStringLiteral("%1 = %2 @%3:%4")
        .arg(QString::fromUtf8(setting->key), QString::fromUtf8(setting->rawValue()), path)
        .arg(setting->line);
}

using Files = QHash<QString, QByteArray>;

} // namespace

class TestDovecotConfig final : public QObject
{
    Q_OBJECT

private slots:
    void debianConfiguration();
    void debianSslEdits();
    void debianNewSettings();
    void edits_data();
    void edits();
    void values_data();
    void values();
    void valuesMatchDoveconf_data();
    void valuesMatchDoveconf();
    void includes();
    void includeProblems_data();
    void includeProblems();
    void problems_data();
    void problems();
    void appendsWhereTheFamilyLives();
    void invalidEdits_data();
    void invalidEdits();
    void hostileFiles();
    void loadErrors();
};

void TestDovecotConfig::debianConfiguration()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(installDebianConfig(dir.path()));
    DovecotConfig config;
    QVERIFY2(config.load(dir.filePath(QStringLiteral("dovecot.conf"))), qPrintable(config.errorString()));

    // The order Dovecot reads them in: dovecot.conf, conf.d/*.conf sorted,
    // each .conf.ext where its includer names it (10-auth.conf includes
    // auth-system.conf.ext), then local.conf if there were one.
    QStringList expected {QStringLiteral("dovecot.conf")};
    const QDir protocols(QStringLiteral("/usr/share/dovecot/protocols.d"));
    for (const QString &name : protocols.entryList({QStringLiteral("*.protocol")}, QDir::Files, QDir::Name))
        expected.append(protocols.filePath(name));
    expected += QStringList {
        QStringLiteral("conf.d/10-auth.conf"),       QStringLiteral("conf.d/auth-system.conf.ext"),
        QStringLiteral("conf.d/10-director.conf"),   QStringLiteral("conf.d/10-logging.conf"),
        QStringLiteral("conf.d/10-mail.conf"),       QStringLiteral("conf.d/10-master.conf"),
        QStringLiteral("conf.d/10-metrics.conf"),    QStringLiteral("conf.d/10-ssl.conf"),
        QStringLiteral("conf.d/10-tcpwrapper.conf"), QStringLiteral("conf.d/15-lda.conf"),
        QStringLiteral("conf.d/15-mailboxes.conf"),  QStringLiteral("conf.d/90-acl.conf"),
        QStringLiteral("conf.d/90-plugin.conf"),     QStringLiteral("conf.d/90-quota.conf"),
    };
    QStringList read = config.paths();
    for (QString &path : read)
        path.replace(dir.path() + QLatin1Char('/'), QString());
    QCOMPARE(read, expected);
    for (const QString &path : config.paths()) {
        QCOMPARE(config.text(path), readFile(path));
        QCOMPARE(config.originalText(path), readFile(path));
    }
    QVERIFY(!config.isModified());
    QCOMPARE(config.problems().size(), 0);

    QCOMPARE(settingText(config.value("ssl"), dir.path()), QStringLiteral("ssl = yes @conf.d/10-ssl.conf:6"));
    QCOMPARE(settingText(config.value("ssl_dh"), dir.path()),
             QStringLiteral("ssl_dh = </usr/share/dovecot/dh.pem @conf.d/10-ssl.conf:55"));
    QCOMPARE(config.value("ssl_dh")->kind, DovecotConfig::ValueKind::File);
    QCOMPARE(config.value("ssl_dh")->filePath(), QStringLiteral("/usr/share/dovecot/dh.pem"));
    QCOMPARE(settingText(config.value("ssl_cert"), dir.path()),
             QStringLiteral("ssl_cert = </etc/dovecot/private/dovecot.pem @conf.d/10-ssl.conf:12"));
    QCOMPARE(settingText(config.value("ssl_key"), dir.path()),
             QStringLiteral("ssl_key = </etc/dovecot/private/dovecot.key @conf.d/10-ssl.conf:13"));
    QCOMPARE(settingText(config.value("ssl_client_ca_dir"), dir.path()),
             QStringLiteral("ssl_client_ca_dir = /etc/ssl/certs @conf.d/10-ssl.conf:36"));
    QCOMPARE(settingText(config.value("mail_location"), dir.path()),
             QStringLiteral("mail_location = mbox:~/mail:INBOX=/var/mail/%u @conf.d/10-mail.conf:30"));
    // Commented out in 10-ssl.conf: Dovecot's defaults apply.
    QCOMPARE(settingText(config.value("ssl_min_protocol"), dir.path()), QStringLiteral("(none)"));
    QCOMPARE(settingText(config.value("ssl_cipher_list"), dir.path()), QStringLiteral("(none)"));
    // Set inside sections only (namespace inbox { inbox = yes }).
    QCOMPARE(settingText(config.value("inbox"), dir.path()), QStringLiteral("(none)"));
    const QList<DovecotConfig::Setting> inbox = config.sectionDefinitions("inbox");
    QCOMPARE(inbox.size(), 1);
    QCOMPARE(inbox.constFirst().sections, QByteArrayList {"namespace inbox"});
    const QList<DovecotConfig::Setting> driver = config.definitions("driver");
    QVERIFY(!driver.isEmpty());
    QCOMPARE(driver.constFirst().sections, QByteArrayList {"passdb"});
    QCOMPARE(QFileInfo(driver.constFirst().path).fileName(), QStringLiteral("auth-system.conf.ext"));
}

void TestDovecotConfig::debianSslEdits()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(installDebianConfig(dir.path()));
    const QString ssl = dir.filePath(QStringLiteral("conf.d/10-ssl.conf"));
    const QByteArray original = readFile(ssl);
    DovecotConfig config;
    QVERIFY(config.load(dir.filePath(QStringLiteral("dovecot.conf"))));

    QCOMPARE(applyEdits(config, {"set ssl_dh=</etc/dovecot/dh_ffdhe3072.pem", "set ssl=yes"}), QByteArray("CU"));
    const QByteArray expected = replacedOnce(original, "\nssl_dh = </usr/share/dovecot/dh.pem\n",
                                             "\nssl_dh = </etc/dovecot/dh_ffdhe3072.pem\n");
    QCOMPARE(config.text(ssl), expected);
    QCOMPARE(config.changes().size(), 1);
    QCOMPARE(config.changes().constFirst().path, ssl);
    QCOMPARE(config.changes().constFirst().before, original);
    QCOMPARE(config.changes().constFirst().after, expected);
    for (const QString &path : config.paths()) {
        if (path != ssl)
            QCOMPARE(config.text(path), readFile(path));
    }
    QCOMPARE(settingText(config.value("ssl_dh"), dir.path()),
             QStringLiteral("ssl_dh = </etc/dovecot/dh_ffdhe3072.pem @conf.d/10-ssl.conf:55"));

    // Written and read again, the same edit changes nothing; neither does the
    // same path written with a space after '<'.
    QVERIFY(writeFile(ssl, expected));
    DovecotConfig again;
    QVERIFY(again.load(dir.filePath(QStringLiteral("dovecot.conf"))));
    QCOMPARE(
        applyEdits(again, {"set ssl_dh=</etc/dovecot/dh_ffdhe3072.pem", "set ssl_dh=< /etc/dovecot/dh_ffdhe3072.pem"}),
        QByteArray("UU"));
    QVERIFY(!again.isModified());
    QCOMPARE(again.changes().size(), 0);

    // Removing it deletes the line and nothing else.
    QCOMPARE(applyEdits(again, {"remove ssl_dh", "remove ssl_dh"}), QByteArray("CU"));
    QCOMPARE(again.text(ssl), replacedOnce(original, "\nssl_dh = </usr/share/dovecot/dh.pem\n", "\n"));
}

void TestDovecotConfig::debianNewSettings()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(installDebianConfig(dir.path()));
    const QString ssl = dir.filePath(QStringLiteral("conf.d/10-ssl.conf"));
    const QByteArray original = readFile(ssl);
    DovecotConfig config;
    QVERIFY(config.load(dir.filePath(QStringLiteral("dovecot.conf"))));

    // Each goes under its commented-out example; one without an example goes
    // to the end of 10-ssl.conf, where the ssl_* settings live.
    QCOMPARE(applyEdits(config,
                        {"set ssl_min_protocol=TLSv1.2", "set ssl_prefer_server_ciphers=yes",
                         "set ssl_server_ciphers_example=x", "set ssl_min_protocol=TLSv1.2"}),
             QByteArray("CCCU"));
    QByteArray expected = replacedOnce(original, "#ssl_min_protocol = TLSv1.2\n",
                                       "#ssl_min_protocol = TLSv1.2\nssl_min_protocol = TLSv1.2\n");
    expected = replacedOnce(expected, "#ssl_prefer_server_ciphers = no\n",
                            "#ssl_prefer_server_ciphers = no\nssl_prefer_server_ciphers = yes\n");
    expected += "# Added by MailTLS\nssl_server_ciphers_example = x\n";
    QCOMPARE(config.text(ssl), expected);
    QCOMPARE(config.changes().size(), 1);

    // Removing what was added gives the original bytes back.
    QCOMPARE(applyEdits(
                 config,
                 {"remove ssl_min_protocol", "remove ssl_prefer_server_ciphers", "remove ssl_server_ciphers_example"}),
             QByteArray("CCC"));
    QCOMPARE(config.text(ssl), original);
    QVERIFY(!config.isModified());
}

void TestDovecotConfig::edits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("edits");
    QTest::addColumn<QByteArray>("results");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("value replaced, its comment kept")
        << QByteArray("ssl = no # off for now\nssl_cert = </c.pem\n") << QByteArrayList {"set ssl=yes"}
        << QByteArray("C") << QByteArray("ssl = yes # off for now\nssl_cert = </c.pem\n");
    QTest::newRow("no spaces around '='")
        << QByteArray("ssl=no\n") << QByteArrayList {"set ssl=yes"} << QByteArray("C") << QByteArray("ssl=yes\n");
    QTest::newRow("indented and tabbed") << QByteArray("  ssl\t=\t no  \n") << QByteArrayList {"set ssl=yes"}
                                         << QByteArray("C") << QByteArray("  ssl\t=\t yes  \n");
    QTest::newRow("file value replaced") << QByteArray("ssl_dh = < /etc/dovecot/dh.pem\n")
                                         << QByteArrayList {"set ssl_dh=</etc/dovecot/dh_ffdhe3072.pem"}
                                         << QByteArray("C") << QByteArray("ssl_dh = </etc/dovecot/dh_ffdhe3072.pem\n");
    QTest::newRow("the same file, spaced differently")
        << QByteArray("ssl_dh = < /etc/dovecot/dh.pem\n") << QByteArrayList {"set ssl_dh=</etc/dovecot/dh.pem"}
        << QByteArray("U") << QByteArray("ssl_dh = < /etc/dovecot/dh.pem\n");
    QTest::newRow("the same value, quoted")
        << QByteArray("ssl_cipher_list = \"ALL:!aNULL\"\n") << QByteArrayList {"set ssl_cipher_list=ALL:!aNULL"}
        << QByteArray("U") << QByteArray("ssl_cipher_list = \"ALL:!aNULL\"\n");
    QTest::newRow("a file is not a plain value")
        << QByteArray("ssl_dh = /etc/dovecot/dh.pem\n") << QByteArrayList {"set ssl_dh=</etc/dovecot/dh.pem"}
        << QByteArray("C") << QByteArray("ssl_dh = </etc/dovecot/dh.pem\n");
    QTest::newRow("empty value filled") << QByteArray("ssl_dh =\n") << QByteArrayList {"set ssl_dh=</x.pem"}
                                        << QByteArray("C") << QByteArray("ssl_dh = </x.pem\n");
    QTest::newRow("ambiguous '#' gets a space") << QByteArray("ssl = no#old\n") << QByteArrayList {"set ssl=yes"}
                                                << QByteArray("C") << QByteArray("ssl = yes #old\n");
    QTest::newRow("continued definition becomes one line")
        << QByteArray("a = 1\n  ssl_cipher_list = ALL:\\\n    !aNULL \\\n    :!eNULL\nb = 2\n")
        << QByteArrayList {"set ssl_cipher_list=HIGH"} << QByteArray("C")
        << QByteArray("a = 1\n  ssl_cipher_list = HIGH\nb = 2\n");
    QTest::newRow("last global definition wins")
        << QByteArray("ssl = no\nssl = required\n") << QByteArrayList {"set ssl=yes"} << QByteArray("C")
        << QByteArray("ssl = no\nssl = yes\n");
    QTest::newRow("a filter's setting is not the global one")
        << QByteArray("protocol imap {\n  ssl_dh = </a.pem\n}\n") << QByteArrayList {"set ssl_dh=</b.pem"}
        << QByteArray("C")
        << QByteArray("protocol imap {\n  ssl_dh = </a.pem\n}\n# Added by MailTLS\nssl_dh = </b.pem\n");
    QTest::newRow("global after a filter")
        << QByteArray("ssl_dh = </a.pem\nlocal 192.0.2.1 {\n  ssl_dh = </a.pem\n}\n")
        << QByteArrayList {"set ssl_dh=</b.pem"} << QByteArray("C")
        << QByteArray("ssl_dh = </b.pem\nlocal 192.0.2.1 {\n  ssl_dh = </a.pem\n}\n");
    QTest::newRow("under the commented example, indented like it")
        << QByteArray("a = 1\n  # ssl_dh = </x\n\nb = 2\n") << QByteArrayList {"set ssl_dh=</y.pem"} << QByteArray("C")
        << QByteArray("a = 1\n  # ssl_dh = </x\n  ssl_dh = </y.pem\n\nb = 2\n");
    QTest::newRow("an example inside a section is not the place")
        << QByteArray("service x {\n  #ssl_dh = </x\n}\n") << QByteArrayList {"set ssl_dh=</y.pem"} << QByteArray("C")
        << QByteArray("service x {\n  #ssl_dh = </x\n}\n# Added by MailTLS\nssl_dh = </y.pem\n");
    QTest::newRow("prose mentioning the key is not an example")
        << QByteArray("# set ssl_dh to a file\n") << QByteArrayList {"set ssl_dh=</y.pem"} << QByteArray("C")
        << QByteArray("# set ssl_dh to a file\n# Added by MailTLS\nssl_dh = </y.pem\n");
    QTest::newRow("two appended under one comment")
        << QByteArray("a = 1\n") << QByteArrayList {"set x_a=1", "set x_b=2", "set x_a=3"} << QByteArray("CCC")
        << QByteArray("a = 1\n# Added by MailTLS\nx_a = 3\nx_b = 2\n");
    QTest::newRow("CRLF kept and used") << QByteArray("ssl = no\r\n") << QByteArrayList {"set ssl=yes", "set x=1"}
                                        << QByteArray("CC")
                                        << QByteArray("ssl = yes\r\n# Added by MailTLS\r\nx = 1\r\n");
    QTest::newRow("no final newline kept") << QByteArray("ssl = no") << QByteArrayList {"set ssl=yes", "set x=1"}
                                           << QByteArray("CC") << QByteArray("ssl = yes\n# Added by MailTLS\nx = 1");
    QTest::newRow("empty file") << QByteArray() << QByteArrayList {"set ssl=yes"} << QByteArray("C")
                                << QByteArray("# Added by MailTLS\nssl = yes\n");
    QTest::newRow("bytes after a NUL kept")
        << raw("ssl = no\0junk\n") << QByteArrayList {"set ssl=yes"} << QByteArray("C") << raw("ssl = yes\0junk\n");
    QTest::newRow("invalid UTF-8 around it kept")
        << QByteArray("# caf\xc3\n\xff\xfe = 1\nssl = no\n") << QByteArrayList {"set ssl=yes"} << QByteArray("C")
        << QByteArray("# caf\xc3\n\xff\xfe = 1\nssl = yes\n");
    QTest::newRow("remove every global definition, not the filter's")
        << QByteArray("ssl = no\nprotocol pop3 {\n  ssl = yes\n}\nssl = \\\n  required\n")
        << QByteArrayList {"remove ssl", "remove ssl"} << QByteArray("CU")
        << QByteArray("protocol pop3 {\n  ssl = yes\n}\n");
    QTest::newRow("remove keeps a marker that heads another")
        << QByteArray("a = 1\n") << QByteArrayList {"set x=1", "set y=2", "remove x"} << QByteArray("CCC")
        << QByteArray("a = 1\n# Added by MailTLS\ny = 2\n");
    QTest::newRow("set then remove restores the bytes")
        << QByteArray("a = 1") << QByteArrayList {"set x=1", "set y=2", "remove y", "remove x"} << QByteArray("CCCC")
        << QByteArray("a = 1");
}

void TestDovecotConfig::edits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, edits);
    QFETCH(QByteArray, results);
    QFETCH(QByteArray, expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY2(config.load(path), qPrintable(config.errorString()));
    QCOMPARE(config.text(path), text);
    QCOMPARE(applyEdits(config, edits), results);
    QCOMPARE(config.text(path), expected);
    QCOMPARE(config.originalText(path), text);
    QCOMPARE(config.isModified(), expected != text);

    // Idempotent: each key's final value set again on the result changes nothing.
    if (edits.constLast().startsWith("remove "))
        return;
    QVERIFY(writeFile(path, expected));
    DovecotConfig again;
    QVERIFY(again.load(path));
    QByteArrayList keys;
    QHash<QByteArray, QByteArray> finals;
    for (const QByteArray &edit : edits) {
        const QByteArray assignment = edit.mid(4);
        const QByteArray key = assignment.left(assignment.indexOf('='));
        if (!finals.contains(key))
            keys.append(key);
        finals.insert(key, "set " + assignment);
    }
    QByteArrayList sets;
    for (const QByteArray &key : keys)
        sets.append(finals.value(key));
    QCOMPARE(applyEdits(again, sets), QByteArray(sets.size(), 'U'));
    QCOMPARE(again.text(path), expected);
}

void TestDovecotConfig::values_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("definitions");

    QTest::newRow("plain") << QByteArray("a = 1\nssl = yes\n") << QByteArray("ssl")
                           << QStringLiteral("ssl = yes @dovecot.conf:2") << 1;
    QTest::newRow("absent") << QByteArray("a = 1\n") << QByteArray("ssl") << QStringLiteral("(none)") << 0;
    QTest::newRow("commented out") << QByteArray("#ssl = yes\n") << QByteArray("ssl") << QStringLiteral("(none)") << 0;
    QTest::newRow("trailing comment and spaces") << QByteArray("ssl = yes   # comment\n") << QByteArray("ssl")
                                                 << QStringLiteral("ssl = yes @dovecot.conf:1") << 1;
    QTest::newRow("'#' inside quotes is a value")
        << QByteArray("a = \"x # y\" # z\n") << QByteArray("a") << QStringLiteral("a = x # y @dovecot.conf:1") << 1;
    QTest::newRow("single quotes with an escape")
        << QByteArray("a = 'it\\'s'\n") << QByteArray("a") << QStringLiteral("a = it's @dovecot.conf:1") << 1;
    QTest::newRow("file with spaces after '<'") << QByteArray("ssl_dh = <   /etc/dh.pem\n") << QByteArray("ssl_dh")
                                                << QStringLiteral("ssl_dh = </etc/dh.pem @dovecot.conf:1") << 1;
    QTest::newRow("variable") << QByteArray("a = 1\nb = $a 2\n") << QByteArray("b")
                              << QStringLiteral("b = $a 2 @dovecot.conf:2") << 1;
    QTest::newRow("continued over three lines")
        << QByteArray("a = x \\\n  y\\\n z\n") << QByteArray("a") << QStringLiteral("a = x y z @dovecot.conf:1") << 1;
    QTest::newRow("last wins") << QByteArray("ssl = no\nssl = yes\n") << QByteArray("ssl")
                               << QStringLiteral("ssl = yes @dovecot.conf:2") << 2;
    QTest::newRow("a filter does not set the global value")
        << QByteArray("ssl = yes\nprotocol imap {\n  ssl = no\n}\n") << QByteArray("ssl")
        << QStringLiteral("ssl = yes @dovecot.conf:1") << 2;
    QTest::newRow("nested sections") << QByteArray(
        "service imap-login {\n  inet_listener imaps {\n    ssl = yes\n  }\n}\n")
                                     << QByteArray("ssl") << QStringLiteral("(none)") << 1;
    QTest::newRow("CRLF") << QByteArray("ssl = yes\r\n") << QByteArray("ssl")
                          << QStringLiteral("ssl = yes @dovecot.conf:1") << 1;
    QTest::newRow("NUL ends the line") << raw("ssl = yes\0no\n") << QByteArray("ssl")
                                       << QStringLiteral("ssl = yes @dovecot.conf:1") << 1;
    QTest::newRow("continuation dropped by a comment")
        << QByteArray("ssl = \\\n# c\nyes\n") << QByteArray("ssl") << QStringLiteral("(none)") << 0;
}

void TestDovecotConfig::values()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, key);
    QFETCH(QString, expected);
    QFETCH(int, definitions);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY(config.load(path));
    QCOMPARE(settingText(config.value(key), dir.path()), expected);
    QCOMPARE(config.definitions(key).size(), definitions);
    QCOMPARE(config.text(path), text);
}

void TestDovecotConfig::valuesMatchDoveconf_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("keys");

    const QByteArrayList keys {"ssl", "ssl_dh", "ssl_cipher_list", "ssl_min_protocol", "ssl_cert"};
    QTest::newRow("plain") << QByteArray("ssl = required\nssl_dh = </etc/dovecot/dh.pem\n") << keys;
    QTest::newRow("spaced, quoted, commented")
        << QByteArray("  ssl\t=\tyes   # on\nssl_cipher_list = \"ALL:!aNULL # not a comment\"\nssl_dh = <  /x.pem\n")
        << keys;
    QTest::newRow("continued") << QByteArray("ssl_cipher_list = ALL:\\\n  !aNULL\\\n   :!eNULL\n") << keys;
    QTest::newRow("last wins, filters aside")
        << QByteArray("ssl_min_protocol = TLSv1\nprotocol imap {\n  ssl_min_protocol = TLSv1.3\n}\n"
                      "ssl_min_protocol = TLSv1.1\n")
        << keys;
    QTest::newRow("continuation dropped")
        << QByteArray("ssl_cipher_list = HIGH\nssl_cipher_list = \\\n# c\nssl_min_protocol = TLSv1.1\n") << keys;
    QTest::newRow("CRLF") << QByteArray("ssl = required\r\nssl_cert = </c.pem\r\n") << keys;
}

void TestDovecotConfig::valuesMatchDoveconf()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, keys);
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY(config.load(path));
    for (const QByteArray &key : keys) {
        int exitCode = -1;
        const QByteArray output
            = doveconf({QStringLiteral("-c"), path, QStringLiteral("-h"), QString::fromLatin1(key)}, &exitCode);
        QCOMPARE(exitCode, 0);
        const std::optional<DovecotConfig::Setting> setting = config.value(key);
        if (setting) {
            QCOMPARE(output.trimmed(), setting->rawValue());
        } else {
            // Not set: what doveconf prints is Dovecot's default.
            const QByteArray defaults = doveconf(
                {QStringLiteral("-c"), QStringLiteral("/dev/null"), QStringLiteral("-h"), QString::fromLatin1(key)});
            QCOMPARE(output, defaults);
        }
    }
}

void TestDovecotConfig::includes()
{
    QTemporaryDir dir;
    QVERIFY(writeTree(dir.path(),
                      {
                          {QStringLiteral("dovecot.conf"),
                           "protocols = imap\n!include conf.d/*.conf\n!include_try local.conf\n"
                           "!include_try missing/*.conf\n!include_try {extra,other}.conf\n"},
                          {QStringLiteral("conf.d/20-b.conf"), "ssl = required\n"},
                          {QStringLiteral("conf.d/10-a.conf"), "ssl = yes\n!include ../sub/x.ext\n"},
                          {QStringLiteral("conf.d/README"), "not = read\n"},
                          {QStringLiteral("sub/x.ext"), "service imap {\n  !include inner.ext\n}\n"},
                          {QStringLiteral("sub/inner.ext"), "ssl = no\n"},
                          {QStringLiteral("other.conf"), "ssl_dh = <dh.pem\n"},
                      }));
    DovecotConfig config;
    QVERIFY(config.load(dir.filePath(QStringLiteral("dovecot.conf"))));
    QStringList read = config.paths();
    for (QString &path : read)
        path.replace(dir.path() + QLatin1Char('/'), QString());
    QCOMPARE(read,
             (QStringList {QStringLiteral("dovecot.conf"), QStringLiteral("conf.d/10-a.conf"),
                           QStringLiteral("conf.d/../sub/x.ext"), QStringLiteral("conf.d/../sub/inner.ext"),
                           QStringLiteral("conf.d/20-b.conf"), QStringLiteral("other.conf")}));
    QCOMPARE(config.problems().size(), 0);
    QCOMPARE(settingText(config.value("ssl"), dir.path()), QStringLiteral("ssl = required @conf.d/20-b.conf:1"));
    // The included file inside a section sets it there, not globally.
    const QList<DovecotConfig::Setting> ssl = config.definitions("ssl");
    QCOMPARE(ssl.size(), 3);
    QCOMPARE(ssl.at(1).sections, QByteArrayList {"service imap"});
    // A relative file value is relative to the file that names it.
    QCOMPARE(config.value("ssl_dh")->filePath(), dir.filePath(QStringLiteral("dh.pem")));

    // The edit goes where the effective line is.
    QCOMPARE(config.set("ssl", "yes"), DovecotConfig::Edit::Changed);
    QCOMPARE(config.changes().size(), 1);
    QCOMPARE(config.changes().constFirst().path, dir.filePath(QStringLiteral("conf.d/20-b.conf")));
    QCOMPARE(config.changes().constFirst().after, QByteArray("ssl = yes\n"));
}

void TestDovecotConfig::includeProblems_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("missing include")
        << Files {{QStringLiteral("dovecot.conf"), "a = 1\n!include nothing/*.conf\n"}}
        << QStringList {QStringLiteral("dovecot.conf:2 !include @/nothing/*.conf matches no file: Dovecot refuses the "
                                       "configuration.")};
    QTest::newRow("missing include_try is fine")
        << Files {{QStringLiteral("dovecot.conf"), "!include_try nothing.conf\n"}} << QStringList {};
    QTest::newRow("includes itself")
        << Files {{QStringLiteral("dovecot.conf"), "!include conf.d/*.conf\n"},
                  {QStringLiteral("conf.d/a.conf"), "!include_try ../dovecot.conf\n"}}
        << QStringList {QStringLiteral("conf.d/a.conf:1 @/conf.d/../dovecot.conf is included again while it is being "
                                       "read: Dovecot refuses the configuration (Recursive include file).")};
    QTest::newRow("a queued sibling counts as included")
        << Files {{QStringLiteral("dovecot.conf"), "!include conf.d/*.conf\n"},
                  {QStringLiteral("conf.d/a.conf"), "!include b.conf\n"},
                  {QStringLiteral("conf.d/b.conf"), "x = 1\n"}}
        << QStringList {QStringLiteral("conf.d/a.conf:1 @/conf.d/b.conf is included again while it is being read: "
                                       "Dovecot refuses the configuration (Recursive include file).")};
    QTest::newRow("a folder reads as nothing")
        << Files {{QStringLiteral("dovecot.conf"), "!include sub\n!include_try sub\n"},
                  {QStringLiteral("sub/x"), "x = 1\n"}}
        << QStringList {};
}

void TestDovecotConfig::includeProblems()
{
    QFETCH(Files, files);
    QFETCH(QStringList, problems);

    QTemporaryDir dir;
    QVERIFY(writeTree(dir.path(), files));
    DovecotConfig config;
    QVERIFY(config.load(dir.filePath(QStringLiteral("dovecot.conf"))));
    QStringList found;
    for (const DovecotConfig::Problem &problem : config.problems()) {
        QString path = problem.path;
        path.replace(dir.path() + QLatin1Char('/'), QString());
        found.append(QStringLiteral("%1:%2 %3")
                         .arg(path)
                         .arg(problem.line)
                         .arg(QString(problem.message).replace(dir.path(), QStringLiteral("@"))));
    }
    QCOMPARE(found, problems);
}

void TestDovecotConfig::problems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("fine") << QByteArray("a = 1\nprotocol imap {\n  b = 2\n}\nlocal \"192.0.2.1\" {\n}\n")
                          << QList<int> {};
    QTest::newRow("section never closed") << QByteArray("a = 1\nprotocol imap {\n") << QList<int> {0};
    QTest::newRow("unexpected '}'") << QByteArray("a = 1\n}\n") << QList<int> {2};
    QTest::newRow("text after '{'") << QByteArray("protocol imap { b = 2 }\n") << QList<int> {1};
    QTest::newRow("no '=' and no '{'") << QByteArray("ssl yes\n") << QList<int> {1};
    QTest::newRow("brace glued to the name") << QByteArray("protocol imap{\n}\n") << QList<int> {1, 2};
    QTest::newRow("no key before '='") << QByteArray("= 1\n") << QList<int> {1};
    QTest::newRow("continuation cut by a blank line") << QByteArray("a = 1 \\\n\nb = 2\n") << QList<int> {1};
    QTest::newRow("file ends continued") << QByteArray("a = 1 \\") << QList<int> {1};
}

void TestDovecotConfig::problems()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lines);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY(config.load(path));
    QList<int> found;
    for (const DovecotConfig::Problem &problem : config.problems()) {
        QVERIFY(!problem.message.isEmpty());
        found.append(problem.line);
    }
    QCOMPARE(found, lines);
}

void TestDovecotConfig::appendsWhereTheFamilyLives()
{
    QTemporaryDir dir;
    QVERIFY(writeTree(dir.path(),
                      {
                          {QStringLiteral("dovecot.conf"), "!include conf.d/*.conf\n}\nmail_uid = 1\n"},
                          {QStringLiteral("conf.d/10-ssl.conf"), "ssl = yes\nssl_cert = </c.pem"},
                          {QStringLiteral("conf.d/20-open.conf"), "ssl_key = </k.pem\nservice x {\n"},
                      }));
    DovecotConfig config;
    QVERIFY(config.load(dir.filePath(QStringLiteral("dovecot.conf"))));
    // 20-open.conf holds the last ssl_* setting, but ends inside a section
    // (the main file closes it): the main file is the place then.
    QCOMPARE(config.set("ssl_dh", "</dh.pem"), DovecotConfig::Edit::Changed);
    QCOMPARE(config.changes().size(), 1);
    QCOMPARE(config.changes().constFirst().path, dir.filePath(QStringLiteral("dovecot.conf")));
    QCOMPARE(config.changes().constFirst().after,
             QByteArray("!include conf.d/*.conf\n}\nmail_uid = 1\n# Added by MailTLS\nssl_dh = </dh.pem\n"));

    QTemporaryDir balanced;
    QVERIFY(writeTree(balanced.path(),
                      {
                          {QStringLiteral("dovecot.conf"), "!include conf.d/*.conf\nmail_uid = 1\n"},
                          {QStringLiteral("conf.d/10-ssl.conf"), "ssl = yes\nssl_cert = </c.pem"},
                      }));
    DovecotConfig second;
    QVERIFY(second.load(balanced.filePath(QStringLiteral("dovecot.conf"))));
    QCOMPARE(second.set("ssl_dh", "</dh.pem"), DovecotConfig::Edit::Changed);
    QCOMPARE(second.text(balanced.filePath(QStringLiteral("conf.d/10-ssl.conf"))),
             QByteArray("ssl = yes\nssl_cert = </c.pem\n# Added by MailTLS\nssl_dh = </dh.pem"));
    // No family: the main file.
    QCOMPARE(second.set("verbose", "yes"), DovecotConfig::Edit::Changed);
    QCOMPARE(second.text(balanced.filePath(QStringLiteral("dovecot.conf"))),
             QByteArray("!include conf.d/*.conf\nmail_uid = 1\n# Added by MailTLS\nverbose = yes\n"));
}

void TestDovecotConfig::invalidEdits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("key with a space") << QByteArray("a = 1\n") << QByteArray("ssl dh") << QByteArray("x");
    QTest::newRow("include as a key") << QByteArray("a = 1\n") << QByteArray("!include") << QByteArray("x");
    QTest::newRow("empty key") << QByteArray("a = 1\n") << QByteArray() << QByteArray("x");
    QTest::newRow("line break") << QByteArray("a = 1\n") << QByteArray("ssl") << QByteArray("yes\nx = 1");
    QTest::newRow("NUL") << QByteArray("a = 1\n") << QByteArray("ssl") << raw("yes\0");
    QTest::newRow("comment in the value") << QByteArray("a = 1\n") << QByteArray("ssl") << QByteArray("yes # no");
    QTest::newRow("trailing backslash") << QByteArray("a = 1\n") << QByteArray("ssl") << QByteArray("yes\\");
    QTest::newRow("leading space") << QByteArray("a = 1\n") << QByteArray("ssl") << QByteArray(" yes");
    QTest::newRow("nowhere global to add it") << QByteArray("service x {\n") << QByteArray("ssl") << QByteArray("yes");
}

void TestDovecotConfig::invalidEdits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY(config.load(path));
    QCOMPARE(config.set(key, value), DovecotConfig::Edit::Invalid);
    QVERIFY(!config.errorString().isEmpty());
    QCOMPARE(config.text(path), text);
    QVERIFY(!config.isModified());
}

void TestDovecotConfig::hostileFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dovecot.conf"));

    // A line of a megabyte, and one of only quotes that never close.
    QByteArray text = "a = " + QByteArray(1024 * 1024, 'x') + "\nb = \"'\"'\"'\nssl = no\n";
    QVERIFY(writeFile(path, text));
    DovecotConfig config;
    QVERIFY(config.load(path));
    QCOMPARE(config.value("a")->value.size(), 1024 * 1024);
    QCOMPARE(config.set("ssl", "yes"), DovecotConfig::Edit::Changed);
    QCOMPARE(config.text(path), QByteArray(text).replace("ssl = no", "ssl = yes"));

    // Too many lines, too many bytes.
    QVERIFY(writeFile(path, QByteArray(DovecotConfig::MaxLines + 1, '\n')));
    QVERIFY(!config.load(path));
    QVERIFY(config.errorString().contains(QStringLiteral("lines")));
    QVERIFY(writeFile(path, QByteArray(DovecotConfig::MaxBytes + 1, '#')));
    QVERIFY(!config.load(path));
    QVERIFY(config.errorString().contains(QStringLiteral("larger")));
    QCOMPARE(config.set("ssl", "yes"), DovecotConfig::Edit::Invalid);

    // Includes that would read forever: every file includes the next twice.
    QHash<QString, QByteArray> files;
    files.insert(QStringLiteral("dovecot.conf"), "!include f0.conf\n!include f0.conf\n");
    for (int i = 0; i < 20; ++i)
        files.insert(QStringLiteral("f%1.conf").arg(i),
                     QStringLiteral("!include f%1.conf\n!include f%1.conf\n").arg(i + 1).toUtf8());
    files.insert(QStringLiteral("f20.conf"), "x = 1\n");
    QVERIFY(writeTree(dir.path(), files));
    QVERIFY(config.load(path));
    QVERIFY(!config.problems().isEmpty());
    QVERIFY(config.problems().constLast().message.contains(QString::number(DovecotConfig::MaxReads)));
}

void TestDovecotConfig::loadErrors()
{
    QTemporaryDir dir;
    DovecotConfig config;
    QVERIFY(!config.load(dir.filePath(QStringLiteral("missing.conf"))));
    QVERIFY(config.errorString().contains(QStringLiteral("does not exist")));
    QVERIFY(!config.load(dir.path()));
    QVERIFY(config.errorString().contains(QStringLiteral("not a regular file")));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!config.load(fifo));
    QVERIFY(config.errorString().contains(QStringLiteral("not a regular file")));
    QVERIFY(config.paths().isEmpty());
    QVERIFY(!config.value("ssl"));

    // A main file that cannot be read (as root only a missing read bit on a
    // folder of a non-root user stops it; the message is what counts).
    const QString locked = dir.filePath(QStringLiteral("locked.conf"));
    QVERIFY(writeFile(locked, "ssl = yes\n"));
    QFile::setPermissions(locked, QFileDevice::Permissions());
    if (::geteuid() != 0) {
        QVERIFY(!config.load(locked));
        QVERIFY(config.errorString().contains(QStringLiteral("cannot read")));
    } else {
        QVERIFY(config.load(locked));
        QCOMPARE(config.value("ssl")->value, QByteArray("yes"));
    }
}

QTEST_GUILESS_MAIN(TestDovecotConfig)
#include "tst_dovecotconfig.moc"
