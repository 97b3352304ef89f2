#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/changeplan.h"
#include "models/mta/postfixfixes.h"
#include "models/tls/dhparameters.h"

using namespace mailtls;
using namespace fixplantest;

// The plan builders on small main.cf files: the exact new bytes and diffs,
// what each plan checks afterwards, and that a plan made again from the
// changed configuration is empty.
class TestPostfixFixes : public QObject
{
    Q_OBJECT

private slots:
    void tlsLogging_data();
    void tlsLogging();
    void starttls_data();
    void starttls();
    void logjam_data();
    void logjam();
    void commands();
    void masterOverrideNote();
    void failedInspection();
};

namespace {

const QString etc = QStringLiteral("/etc/postfix-test");

// The plan's one main.cf edit applied to the inspection: what the next
// inspection would see.
PostfixInspectionResult changed(const PostfixInspectionResult &before, const ChangePlan &plan,
                                const QString &version = QStringLiteral("3.7.11"),
                                const QString &openssl = QStringLiteral("OpenSSL 3.0.22 25 Aug 2026"))
{
    QByteArray mainCf = before.mainCf;
    for (const FileEdit &edit : plan.edits) {
        if (edit.path == before.mainCfPath)
            mainCf = edit.after.value_or(QByteArray());
        else if (edit.after)
            writeFile(edit.path, *edit.after);
    }
    return inspection(mainCf, before.configDirectory, version, openssl);
}

QByteArray mainCfAfter(const PostfixInspectionResult &r, const ChangePlan &plan)
{
    for (const FileEdit &edit : plan.edits)
        if (edit.path == r.mainCfPath)
            return edit.after.value_or(QByteArray("(removed)"));
    return r.mainCf;
}

} // namespace

void TestPostfixFixes::tlsLogging_data()
{
    QTest::addColumn<QByteArray>("mainCf");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("diff");

    QTest::newRow("both unset: appended")
        << QByteArray("myhostname = mx.example\n")
        << QByteArray("myhostname = mx.example\n# Added by MailTLS\nsmtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1 +1,4 @@\n"
                      " myhostname = mx.example\n+# Added by MailTLS\n+smtpd_tls_loglevel = 1\n"
                      "+smtp_tls_loglevel = 1\n");
    QTest::newRow("both 0: changed in place, comments and spacing kept")
        << QByteArray("# TLS\nsmtpd_tls_loglevel = 0\n# the client\nsmtp_tls_loglevel=0\nbiff = no\n")
        << QByteArray("# TLS\nsmtpd_tls_loglevel = 1\n# the client\nsmtp_tls_loglevel=1\nbiff = no\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1,5 +1,5 @@\n"
                      " # TLS\n-smtpd_tls_loglevel = 0\n+smtpd_tls_loglevel = 1\n # the client\n"
                      "-smtp_tls_loglevel=0\n+smtp_tls_loglevel=1\n biff = no\n");
    QTest::newRow("a higher level stays")
        << QByteArray("smtpd_tls_loglevel = 2\n")
        << QByteArray("smtpd_tls_loglevel = 2\n# Added by MailTLS\nsmtp_tls_loglevel = 1\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1 +1,3 @@\n"
                      " smtpd_tls_loglevel = 2\n+# Added by MailTLS\n+smtp_tls_loglevel = 1\n");
    QTest::newRow("already on: nothing to change")
        << QByteArray("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n")
        << QByteArray("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n") << QByteArray();
    QTest::newRow("a definition over two lines becomes one")
        << QByteArray("smtpd_tls_loglevel =\n    0\nsmtp_tls_loglevel = 1\n")
        << QByteArray("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1,3 +1,2 @@\n"
                      "-smtpd_tls_loglevel =\n-    0\n+smtpd_tls_loglevel = 1\n smtp_tls_loglevel = 1\n");
    QTest::newRow("$references resolved before judging")
        << QByteArray("level = 0\nsmtpd_tls_loglevel = $level\nsmtp_tls_loglevel = ${level}\n")
        << QByteArray("level = 0\nsmtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1,3 +1,3 @@\n"
                      " level = 0\n-smtpd_tls_loglevel = $level\n-smtp_tls_loglevel = ${level}\n"
                      "+smtpd_tls_loglevel = 1\n+smtp_tls_loglevel = 1\n");
    QTest::newRow("the last definition is the one changed")
        << QByteArray("smtpd_tls_loglevel = 1\nsmtpd_tls_loglevel = 0\nsmtp_tls_loglevel = 1\n")
        << QByteArray("smtpd_tls_loglevel = 1\nsmtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1,3 +1,3 @@\n"
                      " smtpd_tls_loglevel = 1\n-smtpd_tls_loglevel = 0\n+smtpd_tls_loglevel = 1\n"
                      " smtp_tls_loglevel = 1\n");
    QTest::newRow("CRLF and no final newline kept")
        << QByteArray("smtpd_tls_loglevel = 0\r\nbiff = no")
        << QByteArray("smtpd_tls_loglevel = 1\r\nbiff = no\r\n# Added by MailTLS\r\nsmtp_tls_loglevel = 1")
        << QByteArray("--- a/etc/postfix-test/main.cf\n+++ b/etc/postfix-test/main.cf\n@@ -1,2 +1,4 @@\n"
                      "-smtpd_tls_loglevel = 0\r\n-biff = no\n\\ No newline at end of file\n"
                      "+smtpd_tls_loglevel = 1\r\n+biff = no\r\n+# Added by MailTLS\r\n+smtp_tls_loglevel = 1\n"
                      "\\ No newline at end of file\n");
}

void TestPostfixFixes::tlsLogging()
{
    QFETCH(QByteArray, mainCf);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, diff);

    const PostfixInspectionResult r = inspection(mainCf, etc);
    QString error;
    const std::optional<ChangePlan> plan = PostfixFixes::tlsLogging(r, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->title, QStringLiteral("Log TLS sessions"));
    QCOMPARE(plan->isEmpty(), diff.isEmpty());
    QCOMPARE(plan->edits.size(), diff.isEmpty() ? 0 : 1);
    QCOMPARE(mainCfAfter(r, *plan), expected);
    QCOMPARE(plan->diff(), diff);
    QCOMPARE(plan->verification.check, ChangePlan::Check::None);
    QVERIFY(plan->requiredFiles.isEmpty());

    const std::optional<ChangePlan> again = PostfixFixes::tlsLogging(changed(r, *plan), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->isEmpty());
    QVERIFY(again->edits.isEmpty());
}

void TestPostfixFixes::starttls_data()
{
    QTest::addColumn<QByteArray>("mainCf");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("summary");
    QTest::addColumn<QString>("error");

    QTest::newRow("nothing set, a certificate given")
        << QByteArray("myhostname = mx.example\n") << QStringLiteral("/etc/ssl/mx.pem")
        << QStringLiteral("/etc/ssl/mx.key")
        << QByteArray("myhostname = mx.example\n# Added by MailTLS\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"
                      "smtpd_tls_key_file = /etc/ssl/mx.key\nsmtpd_tls_security_level = may\n"
                      "smtp_tls_security_level = may\n")
        << QStringList {QStringLiteral("smtpd_tls_cert_file = /etc/ssl/mx.pem"),
                        QStringLiteral("smtpd_tls_key_file = /etc/ssl/mx.key"),
                        QStringLiteral("smtpd_tls_security_level = may"),
                        QStringLiteral("smtp_tls_security_level = may")}
        << QString();
    QTest::newRow("level none with a certificate in place")
        << QByteArray("smtpd_tls_cert_file = /c.pem\nsmtpd_tls_key_file = /c.key\nsmtpd_tls_security_level = "
                      "none\nsmtp_tls_security_level = may\n")
        << QString() << QString()
        << QByteArray("smtpd_tls_cert_file = /c.pem\nsmtpd_tls_key_file = /c.key\nsmtpd_tls_security_level = "
                      "may\nsmtp_tls_security_level = may\n")
        << QStringList {QStringLiteral("smtpd_tls_security_level = may")} << QString();
    QTest::newRow("encrypt and dane stay")
        << QByteArray("smtpd_tls_security_level = encrypt\nsmtpd_tls_cert_file = /c.pem\nsmtp_tls_security_level = "
                      "dane\n")
        << QString() << QString()
        << QByteArray("smtpd_tls_security_level = encrypt\nsmtpd_tls_cert_file = /c.pem\nsmtp_tls_security_level = "
                      "dane\n")
        << QStringList() << QString();
    QTest::newRow("the obsolete *_use_tls = yes count as may")
        << QByteArray("smtpd_use_tls = yes\nsmtpd_tls_cert_file = /c.pem\nsmtp_use_tls = yes\n") << QString()
        << QString() << QByteArray("smtpd_use_tls = yes\nsmtpd_tls_cert_file = /c.pem\nsmtp_use_tls = yes\n")
        << QStringList() << QString();
    QTest::newRow("the key defaults to the certificate's file")
        << QByteArray("smtpd_tls_cert_file = /c.pem\n") << QStringLiteral("/c.pem") << QStringLiteral("/c.pem")
        << QByteArray("smtpd_tls_cert_file = /c.pem\n# Added by MailTLS\nsmtpd_tls_security_level = may\n"
                      "smtp_tls_security_level = may\n")
        << QStringList {QStringLiteral("smtpd_tls_security_level = may"),
                        QStringLiteral("smtp_tls_security_level = may")}
        << QString();
    QTest::newRow("other certificate paths replace the old ones")
        << QByteArray("smtpd_tls_security_level = may\nsmtp_tls_security_level = may\nsmtpd_tls_cert_file = "
                      "/old.pem\nsmtpd_tls_key_file = /old.key\n")
        << QStringLiteral("/new.pem") << QStringLiteral("/new.key")
        << QByteArray("smtpd_tls_security_level = may\nsmtp_tls_security_level = may\nsmtpd_tls_cert_file = "
                      "/new.pem\nsmtpd_tls_key_file = /new.key\n")
        << QStringList {QStringLiteral("smtpd_tls_cert_file = /new.pem"),
                        QStringLiteral("smtpd_tls_key_file = /new.key")}
        << QString();
    QTest::newRow("no certificate anywhere")
        << QByteArray("smtpd_tls_security_level = may\n") << QString() << QString() << QByteArray() << QStringList()
        << QStringLiteral("Postfix has no certificate to offer: give one with "
                          "--cert FILE --key FILE (for example Let's Encrypt's "
                          "fullchain.pem and privkey.pem)");
    QTest::newRow("chain files take precedence")
        << QByteArray("smtpd_tls_chain_files = /chain.pem\n") << QStringLiteral("/c.pem") << QStringLiteral("/c.key")
        << QByteArray() << QStringList()
        << QStringLiteral("smtpd_tls_chain_files is set (/chain.pem) and takes precedence over smtpd_tls_cert_file: "
                          "change the certificate there, or empty it first");
    QTest::newRow("chain files count as a certificate")
        << QByteArray("smtpd_tls_chain_files = /chain.pem\n") << QString() << QString()
        << QByteArray("smtpd_tls_chain_files = /chain.pem\n# Added by MailTLS\nsmtpd_tls_security_level = may\n"
                      "smtp_tls_security_level = may\n")
        << QStringList {QStringLiteral("smtpd_tls_security_level = may"),
                        QStringLiteral("smtp_tls_security_level = may")}
        << QString();
    QTest::newRow("a relative path") << QByteArray() << QStringLiteral("mx.pem") << QStringLiteral("/mx.key")
                                     << QByteArray() << QStringList()
                                     << QStringLiteral("mx.pem is not an absolute path; Postfix needs one");
    QTest::newRow("a certificate without its key")
        << QByteArray() << QStringLiteral("/mx.pem") << QString() << QByteArray() << QStringList()
        << QStringLiteral("give the certificate and its key together (--cert FILE --key FILE)");
}

void TestPostfixFixes::starttls()
{
    QFETCH(QByteArray, mainCf);
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, summary);
    QFETCH(QString, error);

    const PostfixInspectionResult r = inspection(mainCf, etc);
    QString message;
    const std::optional<ChangePlan> plan = PostfixFixes::starttls(r, cert, key, &message);
    if (!error.isEmpty()) {
        QVERIFY(!plan);
        QCOMPARE(message, error);
        return;
    }
    QVERIFY2(plan, qPrintable(message));
    QCOMPARE(mainCfAfter(r, *plan), expected);
    QCOMPARE(plan->isEmpty(), summary.isEmpty());
    QCOMPARE(plan->edits.isEmpty() ? QStringList() : plan->edits.constFirst().summary, summary);
    QCOMPARE(plan->verification.check, ChangePlan::Check::StartTls);
    QStringList required;
    for (const ChangePlan::RequiredFile &file : plan->requiredFiles)
        required.append(QString::fromLatin1(file.parameter) + QLatin1Char('=') + file.path);
    QStringList expectedRequired;
    if (!cert.isEmpty())
        expectedRequired << QStringLiteral("smtpd_tls_cert_file=") + cert
                         << QStringLiteral("smtpd_tls_key_file=") + key;
    QCOMPARE(required, expectedRequired);

    const std::optional<ChangePlan> again = PostfixFixes::starttls(changed(r, *plan), cert, key, &message);
    QVERIFY2(again, qPrintable(message));
    QVERIFY(again->isEmpty());
}

void TestPostfixFixes::logjam_data()
{
    // %1 in the texts is the configuration folder.
    QTest::addColumn<QString>("mainCf");
    QTest::addColumn<QStringList>("files"); // name=kind: oakley2, ffdhe3072, own2048
    QTest::addColumn<QString>("choice"); // ffdhe…, auto, own2048, own1024
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("openssl");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("written"); // name=kind, in order, main.cf last when it changes
    QTest::addColumn<QString>("groupName");
    QTest::addColumn<QString>("error");

    const QString v37 = QStringLiteral("3.7.11");
    const QString v36 = QStringLiteral("3.6.4");
    const QString ossl3 = QStringLiteral("OpenSSL 3.0.22 25 Aug 2026");
    const QString ossl1 = QStringLiteral("OpenSSL 1.1.1w  11 Sep 2023");

    QTest::newRow("a weak file replaced by ffdhe3072")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh1024.pem\nbiff = no\n")
        << QStringList {QStringLiteral("dh1024.pem=oakley2")} << QStringLiteral("ffdhe3072") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh_ffdhe3072.pem\nbiff = no\n")
        << QStringList {QStringLiteral("dh_ffdhe3072.pem=ffdhe3072"), QStringLiteral("main.cf")}
        << QStringLiteral("ffdhe3072") << QString();
    QTest::newRow("no file set: ffdhe4096 appended")
        << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("ffdhe4096") << v36 << ossl1
        << QStringLiteral("biff = no\n# Added by MailTLS\nsmtpd_tls_dh1024_param_file = %1/dh_ffdhe4096.pem\n")
        << QStringList {QStringLiteral("dh_ffdhe4096.pem=ffdhe4096"), QStringLiteral("main.cf")}
        << QStringLiteral("ffdhe4096") << QString();
    QTest::newRow("the file in use holds the group already ($config_directory)")
        << QStringLiteral("smtpd_tls_dh1024_param_file = ${config_directory}/mine.pem\n")
        << QStringList {QStringLiteral("mine.pem=ffdhe3072")} << QStringLiteral("ffdhe3072") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = ${config_directory}/mine.pem\n") << QStringList()
        << QStringLiteral("ffdhe3072") << QString();
    QTest::newRow("the file in use holds the group with CRLF line ends")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/mine.pem\n")
        << QStringList {QStringLiteral("mine.pem=ffdhe3072-crlf")} << QStringLiteral("ffdhe3072") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/mine.pem\n") << QStringList() << QStringLiteral("ffdhe3072")
        << QString();
    QTest::newRow("the named file holds another group: only the file changes")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh_ffdhe3072.pem\n")
        << QStringList {QStringLiteral("dh_ffdhe3072.pem=oakley2")} << QStringLiteral("ffdhe3072") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh_ffdhe3072.pem\n")
        << QStringList {QStringLiteral("dh_ffdhe3072.pem=ffdhe3072")} << QStringLiteral("ffdhe3072") << QString();
    QTest::newRow("the group file is there already: only main.cf changes")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh1024.pem\n")
        << QStringList {QStringLiteral("dh1024.pem=oakley2"), QStringLiteral("dh_ffdhe3072.pem=ffdhe3072")}
        << QStringLiteral("ffdhe3072") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh_ffdhe3072.pem\n")
        << QStringList {QStringLiteral("main.cf")} << QStringLiteral("ffdhe3072") << QString();
    QTest::newRow("auto: the setting removed")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh1024.pem\nbiff = no\n")
        << QStringList {QStringLiteral("dh1024.pem=oakley2")} << QStringLiteral("auto") << v37 << ossl3
        << QStringLiteral("biff = no\n") << QStringList {QStringLiteral("main.cf")} << QString() << QString();
    QTest::newRow("auto: already empty") << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("auto")
                                         << v37 << ossl3 << QStringLiteral("biff = no\n") << QStringList() << QString()
                                         << QString();
    QTest::newRow("auto: 'auto' is empty too")
        << QStringLiteral("smtpd_tls_dh1024_param_file = auto\n") << QStringList() << QStringLiteral("auto") << v37
        << ossl3 << QStringLiteral("smtpd_tls_dh1024_param_file = auto\n") << QStringList() << QString() << QString();
    QTest::newRow("auto on Postfix 3.6")
        << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("auto") << v36 << ossl3 << QString()
        << QStringList() << QString()
        << QStringLiteral("--group auto needs Postfix 3.7 or later built with OpenSSL 3, and this is Postfix 3.6.4 "
                          "with OpenSSL 3.0.22 25 Aug 2026: choose an RFC 7919 group such as ffdhe3072");
    QTest::newRow("auto with OpenSSL 1.1.1")
        << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("auto") << v37 << ossl1 << QString()
        << QStringList() << QString()
        << QStringLiteral("--group auto needs Postfix 3.7 or later built with OpenSSL 3, and this is Postfix 3.7.11 "
                          "with OpenSSL 1.1.1w  11 Sep 2023: choose an RFC 7919 group such as ffdhe3072");
    QTest::newRow("a freshly generated group")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh1024.pem\n")
        << QStringList {QStringLiteral("dh1024.pem=oakley2")} << QStringLiteral("own2048") << v37 << ossl3
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh_2048.pem\n")
        << QStringList {QStringLiteral("dh_2048.pem=own2048"), QStringLiteral("main.cf")}
        << QStringLiteral("the new 2048-bit group") << QString();
    QTest::newRow("a generated group that is too small")
        << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("own1024") << v37 << ossl3 << QString()
        << QStringList() << QString()
        << QStringLiteral("the new DH group has only 1024 bits; at least 2048 are needed");
    QTest::newRow("not a group") << QStringLiteral("biff = no\n") << QStringList() << QStringLiteral("ffdhe1234") << v37
                                 << ossl3 << QString() << QStringList() << QString()
                                 << QStringLiteral("(DhParameters::rfc7919Pem's message)");
}

void TestPostfixFixes::logjam()
{
    QFETCH(QString, mainCf);
    QFETCH(QStringList, files);
    QFETCH(QString, choice);
    QFETCH(QString, version);
    QFETCH(QString, openssl);
    QFETCH(QString, expected);
    QFETCH(QStringList, written);
    QFETCH(QString, groupName);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto pemOf = [](const QString &kind) {
        QString ignored;
        if (kind == QLatin1String("oakley2"))
            return oakley2Pem();
        if (kind == QLatin1String("own2048"))
            return ownGroupPem(2048);
        if (kind == QLatin1String("own1024"))
            return ownGroupPem(1024);
        if (kind.endsWith(QLatin1String("-crlf")))
            return DhParameters::rfc7919Pem(kind.chopped(5), &ignored).replace("\n", "\r\n");
        return DhParameters::rfc7919Pem(kind, &ignored);
    };
    for (const QString &file : files)
        QVERIFY(
            writeFile(dir.filePath(file.section(QLatin1Char('='), 0, 0)), pemOf(file.section(QLatin1Char('='), 1))));

    PostfixFixes::DhChoice dh;
    if (choice == QLatin1String("auto")) {
        dh.kind = PostfixFixes::DhChoice::Kind::Auto;
    } else if (choice.startsWith(QLatin1String("own"))) {
        dh.kind = PostfixFixes::DhChoice::Kind::Generated;
        dh.pem = pemOf(choice);
    } else {
        dh.group = choice;
    }
    const PostfixInspectionResult r
        = inspection(QString(mainCf).replace(QStringLiteral("%1"), dir.path()).toUtf8(), dir.path(), version, openssl);
    QString message;
    const std::optional<ChangePlan> plan = PostfixFixes::logjam(r, dh, &message);
    if (!error.isEmpty()) {
        // The group's name is judged where the groups are known.
        if (error.startsWith(QLatin1Char('(')))
            DhParameters::rfc7919Pem(choice, &error);
        QVERIFY(!plan);
        QCOMPARE(message, error);
        return;
    }
    QVERIFY2(plan, qPrintable(message));
    QCOMPARE(QString::fromUtf8(mainCfAfter(r, *plan)), QString(expected).replace(QStringLiteral("%1"), dir.path()));
    QStringList edits;
    for (const FileEdit &edit : plan->edits) {
        const QString name = QFileInfo(edit.path).fileName();
        if (name == QLatin1String("main.cf")) {
            QCOMPARE(edit.before, std::optional<QByteArray>(r.mainCf));
            QCOMPARE(edit.parameters, QList<QByteArray> {"smtpd_tls_dh1024_param_file"});
            edits.append(name);
            continue;
        }
        const QString kind = written.value(edits.size()).section(QLatin1Char('='), 1);
        QCOMPARE(edit.after, std::optional<QByteArray>(pemOf(kind)));
        const QFileInfo onDisk(edit.path);
        QCOMPARE(edit.before.has_value(), onDisk.exists());
        if (onDisk.exists())
            QCOMPARE(*edit.before, readFile(edit.path));
        QVERIFY(!edit.mode); // a new file gets 0644, a replaced one keeps its mode
        edits.append(name + QLatin1Char('=') + kind);
    }
    QCOMPARE(edits, written);
    QCOMPARE(plan->verification.check, ChangePlan::Check::DhGroup);
    QCOMPARE(plan->verification.expectedGroupName, groupName);
    if (choice == QLatin1String("auto")) {
        QVERIFY(plan->verification.expectedPrime.isEmpty());
        QCOMPARE(plan->verification.minimumDhBits, 2048);
    } else {
        QCOMPARE(plan->verification.expectedPrime, DhParameters::inspect(pemOf(choice)).prime);
    }

    const std::optional<ChangePlan> again = PostfixFixes::logjam(changed(r, *plan, version, openssl), dh, &message);
    QVERIFY2(again, qPrintable(message));
    QVERIFY(again->isEmpty());
}

void TestPostfixFixes::commands()
{
    const PostfixInspectionResult r = inspection("biff = no\n", etc);
    QString error;
    const std::optional<ChangePlan> plan = PostfixFixes::tlsLogging(r, &error);
    QVERIFY(plan);
    QCOMPARE(plan->mta, QStringLiteral("Postfix"));
    QCOMPARE(plan->configDir, etc);
    QCOMPARE(
        plan->validateCommands,
        (QList<QStringList> {{QStringLiteral("/usr/sbin/postfix"), QStringLiteral("-c"), etc, QStringLiteral("check")},
                             {QStringLiteral("/usr/sbin/postconf"), QStringLiteral("-c"), etc, QStringLiteral("-n")}}));
    QCOMPARE(plan->statusCommand,
             (QStringList {QStringLiteral("/usr/sbin/postfix"), QStringLiteral("-c"), etc, QStringLiteral("status")}));
    QCOMPARE(plan->reloadCommand,
             (QStringList {QStringLiteral("/usr/sbin/postfix"), QStringLiteral("-c"), etc, QStringLiteral("reload")}));
    QCOMPARE(plan->parameters(), (QList<QByteArray> {"smtpd_tls_loglevel", "smtp_tls_loglevel"}));
    QCOMPARE(plan->paths(), QStringList {etc + QStringLiteral("/main.cf")});
}

void TestPostfixFixes::masterOverrideNote()
{
    PostfixInspectionResult r = inspection("biff = no\n", etc);
    r.overrides.append(
        {QStringLiteral("127.0.0.1:25/inet"), QStringLiteral("smtpd_tls_loglevel"), QStringLiteral("0")});
    r.overrides.append({QStringLiteral("submission/inet"), QStringLiteral("syslog_name"), QStringLiteral("x")});
    QString error;
    const std::optional<ChangePlan> plan = PostfixFixes::tlsLogging(r, &error);
    QVERIFY(plan);
    QCOMPARE(plan->notes,
             QStringList {QStringLiteral("master.cf sets smtpd_tls_loglevel = 0 for the service "
                                         "127.0.0.1:25/inet: this change does not reach that service")});
}

void TestPostfixFixes::failedInspection()
{
    PostfixInspectionResult r;
    r.error = QStringLiteral("there is no main.cf in /nowhere");
    QString error;
    QVERIFY(!PostfixFixes::tlsLogging(r, &error));
    QCOMPARE(error, QStringLiteral("there is no main.cf in /nowhere"));
    QVERIFY(!PostfixFixes::starttls(r, QString(), QString(), &error));
    QVERIFY(!PostfixFixes::logjam(r, PostfixFixes::DhChoice(), &error));
}

QTEST_GUILESS_MAIN(TestPostfixFixes)
#include "tst_postfixfixes.moc"
