#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/eximconfig.h"
#include "models/mta/unifieddiff.h"
#include "tests/models/tst_eximutil.h"

using namespace mailtls;
using namespace mailtls::testutil;

namespace {

char letter(EximConfig::Edit edit)
{
    switch (edit) {
    case EximConfig::Edit::Changed:
        return 'C';
    case EximConfig::Edit::Unchanged:
        return 'U';
    case EximConfig::Edit::Invalid:
        return 'I';
    }
    return '?';
}

// "option NAME=VALUE", "macro NAME=VALUE", "-option NAME", "-macro NAME",
// "at LINE=VALUE" in order; the letters of the results.
QByteArray applyEdits(EximConfig &document, const QByteArrayList &edits)
{
    QByteArray results;
    for (const QByteArray &edit : edits) {
        const qsizetype space = edit.indexOf(' ');
        const QByteArray verb = edit.left(space);
        const QByteArray rest = edit.mid(space + 1);
        const qsizetype equals = rest.indexOf('=');
        const QByteArray name = rest.left(equals);
        const QByteArray value = rest.mid(equals + 1);
        if (verb == "option")
            results += letter(document.setOption(name, value));
        else if (verb == "macro")
            results += letter(document.setMacro(name, value));
        else if (verb == "-option")
            results += letter(document.removeOption(rest));
        else if (verb == "-macro")
            results += letter(document.removeMacro(rest));
        else if (verb == "at")
            results += letter(document.setValueAt(name.toInt(), value));
        else
            qFatal("bad edit in test data");
    }
    return results;
}

QByteArray diffOf(const EximConfig &document, const QString &path)
{
    return UnifiedDiff::make(path, path, document.originalText(), document.text());
}

QString activityWord(EximConfig::Activity activity)
{
    switch (activity) {
    case EximConfig::Activity::Active:
        return QStringLiteral("active");
    case EximConfig::Activity::Inactive:
        return QStringLiteral("inactive");
    case EximConfig::Activity::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

// One setting in a line: "option tls_dhparam=ffdhe3072 @12 active [ifdef A|else ifdef B]".
QString describe(const EximConfig::Setting &s)
{
    QString text = QStringLiteral("%1 %2%3%4 @%5")
                       .arg(s.kind == EximConfig::Kind::Macro ? QStringLiteral("macro") : QStringLiteral("option"),
                            QString::fromUtf8(s.name),
                            s.hasValue ? (s.redefinition ? QStringLiteral("==") : QStringLiteral("=")) : QString(),
                            QString::fromUtf8(s.value))
                       .arg(s.line);
    if (s.lastLine != s.line)
        text += QStringLiteral("-%1").arg(s.lastLine);
    text += QLatin1Char(' ') + activityWord(s.activity);
    if (s.hidden)
        text += QStringLiteral(" hidden");
    if (!s.conditions.isEmpty())
        text += QStringLiteral(" [%1]").arg(QString::fromUtf8(s.conditions.join('|')));
    return text;
}

QStringList describeAll(const QList<EximConfig::Setting> &settings)
{
    QStringList lines;
    for (const EximConfig::Setting &s : settings)
        lines.append(describe(s));
    return lines;
}

QStringList debianMainFiles()
{
    return {QStringLiteral("etc/exim4/exim4.conf.template"),
            QStringLiteral("etc/exim4/conf.d/main/01_exim4-config_listmacrosdefs"),
            QStringLiteral("etc/exim4/conf.d/main/02_exim4-config_options"),
            QStringLiteral("etc/exim4/conf.d/main/03_exim4-config_tlsoptions"),
            QStringLiteral("etc/exim4/conf.d/main/90_exim4-config_log_selector")};
}

} // namespace

class TestEximConfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void debianFilesRoundTrip_data();
    void debianFilesRoundTrip();
    void debianTemplateSettings();
    void debianTlsOptionsSettings();
    void templateEdits();
    void splitFileEdits();
    void localMacrosFile();
    void settings_data();
    void settings();
    void problems_data();
    void problems();
    void edits_data();
    void edits();
    void addThenRemoveRestores_data();
    void addThenRemoveRestores();
    void hostileText();
    void loadErrors();
};

void TestEximConfig::initTestCase()
{
    if (!eximPackagesPresent())
        QFAIL(qPrintable(QStringLiteral("Debian's exim4 packages are not unpacked in %1: run ctest -R debian_packages")
                             .arg(eximRoot())));
}

void TestEximConfig::debianFilesRoundTrip_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("mainSection");

    const QDir confd(eximRoot() + QStringLiteral("/etc/exim4/conf.d"));
    QTest::newRow("exim4.conf.template") << QStringLiteral("etc/exim4/exim4.conf.template") << true;
    const QStringList sections = confd.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &section : sections) {
        const QStringList files = QDir(confd.filePath(section)).entryList(QDir::Files, QDir::Name);
        for (const QString &file : files) {
            const QString relative = QStringLiteral("etc/exim4/conf.d/%1/%2").arg(section, file);
            QTest::newRow(qPrintable(section + QLatin1Char('/') + file))
                << relative << (section == QLatin1String("main"));
        }
    }
}

void TestEximConfig::debianFilesRoundTrip()
{
    QFETCH(QString, relative);
    QFETCH(bool, mainSection);

    const QString path = eximRoot() + QLatin1Char('/') + relative;
    EximConfig document;
    QVERIFY2(document.load(path), qPrintable(document.errorString()));
    QCOMPARE(document.text(), eximPackageFile(relative));
    QVERIFY(!document.isModified());
    if (mainSection) {
        QCOMPARE(describeAll({}), QStringList());
        QStringList problems;
        for (const EximConfig::Problem &p : document.problems())
            problems.append(p.message);
        QCOMPARE(problems, QStringList());
        QVERIFY(!document.settings().isEmpty());
    }
    // Debian's section headers (conf.d/acl/00_…) hold their "begin" line.
    QCOMPARE(document.hasSections(),
             !relative.contains(QLatin1String("/conf.d/"))
                 || (relative.contains(QLatin1String("/00_exim4-config_header"))));
}

void TestEximConfig::debianTemplateSettings()
{
    EximConfig document;
    QVERIFY(document.setText(eximPackageFile(QStringLiteral("etc/exim4/exim4.conf.template"))));
    QStringList tls;
    for (const EximConfig::Setting &s : document.settings())
        if (s.name.startsWith("tls_") || s.name.startsWith("MAIN_TLS") || s.name.contains("LOG_SELECTOR")
            || s.name == "log_selector" || s.name == "exim_path" || s.name == "CONFDIR")
            tls.append(describe(s));
    QCOMPARE(tls,
             QStringList({
                 QStringLiteral("option exim_path=/usr/sbin/exim4 @25 active"),
                 QStringLiteral("macro CONFDIR=/etc/exim4 @30 active [ifndef CONFDIR]"),
                 QStringLiteral("macro MAIN_LOG_SELECTOR=+smtp_protocol_error +smtp_syntax_error "
                                "+tls_certificate_verified +tls_peerdn @83 active [ifndef MAIN_LOG_SELECTOR]"),
                 QStringLiteral("macro MAIN_TLS_ADVERTISE_HOSTS=* @341 inactive [ifdef MAIN_TLS_ENABLE|ifndef "
                                "MAIN_TLS_ADVERTISE_HOSTS]"),
                 QStringLiteral("option tls_advertise_hosts=MAIN_TLS_ADVERTISE_HOSTS @343 inactive [ifdef "
                                "MAIN_TLS_ENABLE]"),
                 QStringLiteral("option tls_certificate=MAIN_TLS_CERTKEY @358 inactive [ifdef MAIN_TLS_ENABLE|ifdef "
                                "MAIN_TLS_CERTKEY]"),
                 QStringLiteral("macro MAIN_TLS_CERTIFICATE=CONFDIR/exim.crt @361 inactive [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY|ifndef MAIN_TLS_CERTIFICATE]"),
                 QStringLiteral("option tls_certificate=MAIN_TLS_CERTIFICATE @363 inactive [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY]"),
                 QStringLiteral("macro MAIN_TLS_PRIVATEKEY=CONFDIR/exim.key @366 inactive [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY|ifndef MAIN_TLS_PRIVATEKEY]"),
                 QStringLiteral("option tls_privatekey=MAIN_TLS_PRIVATEKEY @368 inactive [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY]"),
                 QStringLiteral("macro MAIN_TLS_VERIFY_CERTIFICATES=${if "
                                "exists{/etc/ssl/certs/ca-certificates.crt}{/etc/ssl/certs/ca-certificates.crt}{/"
                                "dev/null}} @379-381 inactive [ifdef MAIN_TLS_ENABLE|ifndef "
                                "MAIN_TLS_VERIFY_CERTIFICATES]"),
                 QStringLiteral("option tls_verify_certificates=MAIN_TLS_VERIFY_CERTIFICATES @383 inactive [ifdef "
                                "MAIN_TLS_ENABLE]"),
                 QStringLiteral("option tls_verify_hosts=MAIN_TLS_VERIFY_HOSTS @391 inactive [ifdef "
                                "MAIN_TLS_ENABLE|ifdef MAIN_TLS_VERIFY_HOSTS]"),
                 QStringLiteral("option tls_try_verify_hosts=MAIN_TLS_TRY_VERIFY_HOSTS @404 inactive [ifdef "
                                "MAIN_TLS_ENABLE|ifdef MAIN_TLS_TRY_VERIFY_HOSTS]"),
                 QStringLiteral("option log_selector=MAIN_LOG_SELECTOR @424 active [ifdef MAIN_LOG_SELECTOR]"),
             }));
    QVERIFY(document.definedMacros().contains("MAIN_LOG_SELECTOR"));
    QVERIFY(!document.definedMacros().contains("MAIN_TLS_ENABLE"));
    // Settings after "begin acl" are no main options.
    QVERIFY(document.options("hosts_require_tls").isEmpty());
    QVERIFY(document.hasSections());
}

void TestEximConfig::debianTlsOptionsSettings()
{
    // conf.d/main/03 as update-exim4.conf reads it after a local file that
    // defines MAIN_TLS_ENABLE and MAIN_TLS_CERTIFICATE.
    EximConfig document;
    document.setPredefinedMacros({"MAIN_TLS_ENABLE", "MAIN_TLS_CERTIFICATE", "CONFDIR"});
    QVERIFY(document.setText(eximPackageFile(QStringLiteral("etc/exim4/conf.d/main/03_exim4-config_tlsoptions"))));
    QStringList active;
    for (const EximConfig::Setting &s : document.settings())
        if (s.activity != EximConfig::Activity::Inactive)
            active.append(describe(s));
    QCOMPARE(active,
             QStringList({
                 QStringLiteral("macro MAIN_TLS_ADVERTISE_HOSTS=* @12 active [ifdef MAIN_TLS_ENABLE|ifndef "
                                "MAIN_TLS_ADVERTISE_HOSTS]"),
                 QStringLiteral("option tls_advertise_hosts=MAIN_TLS_ADVERTISE_HOSTS @14 active [ifdef "
                                "MAIN_TLS_ENABLE]"),
                 QStringLiteral("option tls_certificate=MAIN_TLS_CERTIFICATE @34 active [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY]"),
                 QStringLiteral("macro MAIN_TLS_PRIVATEKEY=CONFDIR/exim.key @37 active [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY|ifndef MAIN_TLS_PRIVATEKEY]"),
                 QStringLiteral("option tls_privatekey=MAIN_TLS_PRIVATEKEY @39 active [ifdef "
                                "MAIN_TLS_ENABLE|else ifdef MAIN_TLS_CERTKEY]"),
                 QStringLiteral("macro MAIN_TLS_VERIFY_CERTIFICATES=${if "
                                "exists{/etc/ssl/certs/ca-certificates.crt}{/etc/ssl/certs/"
                                "ca-certificates.crt}{/dev/null}} @50-52 active [ifdef MAIN_TLS_ENABLE|ifndef "
                                "MAIN_TLS_VERIFY_CERTIFICATES]"),
                 QStringLiteral("option tls_verify_certificates=MAIN_TLS_VERIFY_CERTIFICATES @54 active "
                                "[ifdef MAIN_TLS_ENABLE]"),
             }));
    const QList<EximConfig::Setting> certificate = document.macros("MAIN_TLS_PRIVATEKEY");
    QCOMPARE(certificate.size(), 1);
    QVERIFY(certificate.constFirst().isDefaultOf("MAIN_TLS_PRIVATEKEY"));
    QVERIFY(!certificate.constFirst().isDefaultOf("MAIN_TLS_CERTIFICATE"));
}

void TestEximConfig::templateEdits()
{
    const QString path = QStringLiteral("/etc/exim4/exim4.conf.template");
    const QByteArray original = eximPackageFile(QStringLiteral("etc/exim4/exim4.conf.template"));
    EximConfig document;
    QVERIFY(document.setText(original, path));
    const QByteArrayList edits {"option tls_dhparam=ffdhe3072", "option tls_dh_max_bits=3072",
                                "macro MAIN_LOG_SELECTOR=+tls_cipher +tls_peerdn",
                                "macro MAIN_TLS_VERIFY_CERTIFICATES=/etc/ssl/certs/ca-certificates.crt",
                                "option exim_path=/usr/sbin/exim4"};
    QCOMPARE(applyEdits(document, edits), QByteArray("CCCCU"));
    QCOMPARE(diffOf(document, path),
             QByteArray("--- a/etc/exim4/exim4.conf.template\n"
                        "+++ b/etc/exim4/exim4.conf.template\n"
                        "@@ -80,7 +80,7 @@\n"
                        " \n"
                        " # always log tls_peerdn as we use TLS for outgoing connects by default\n"
                        " .ifndef MAIN_LOG_SELECTOR\n"
                        "-MAIN_LOG_SELECTOR = +smtp_protocol_error +smtp_syntax_error +tls_certificate_verified "
                        "+tls_peerdn\n"
                        "+MAIN_LOG_SELECTOR = +tls_cipher +tls_peerdn\n"
                        " .endif\n"
                        " #####################################################\n"
                        " ### end main/01_exim4-config_listmacrosdefs\n"
                        "@@ -376,9 +376,7 @@\n"
                        " # /etc/ssl/certs/ca-certificates.crt is generated by\n"
                        " # the \"ca-certificates\" package's update-ca-certificates(8) command.\n"
                        " .ifndef MAIN_TLS_VERIFY_CERTIFICATES\n"
                        "-MAIN_TLS_VERIFY_CERTIFICATES = ${if exists{/etc/ssl/certs/ca-certificates.crt}\\\n"
                        "-                                    {/etc/ssl/certs/ca-certificates.crt}\\\n"
                        "-\t\t\t\t    {/dev/null}}\n"
                        "+MAIN_TLS_VERIFY_CERTIFICATES = /etc/ssl/certs/ca-certificates.crt\n"
                        " .endif\n"
                        " tls_verify_certificates = MAIN_TLS_VERIFY_CERTIFICATES\n"
                        " \n"
                        "@@ -423,6 +421,10 @@\n"
                        " .ifdef MAIN_LOG_SELECTOR\n"
                        " log_selector = MAIN_LOG_SELECTOR\n"
                        " .endif\n"
                        "+\n"
                        "+# Added by MailTLS\n"
                        "+tls_dhparam = ffdhe3072\n"
                        "+tls_dh_max_bits = 3072\n"
                        " #####################################################\n"
                        " ### end main/90_exim4-config_log_selector\n"
                        " #####################################################\n"));

    // Again on the result: nothing changes, not one byte.
    const QByteArray once = document.text();
    EximConfig again;
    QVERIFY(again.setText(once, path));
    QCOMPARE(applyEdits(again, edits), QByteArray("UUUUU"));
    QCOMPARE(again.text(), once);
    // The options stay before "begin acl", and the file still reads the same way.
    QCOMPARE(describeAll(again.options("tls_dhparam")),
             QStringList {QStringLiteral("option tls_dhparam=ffdhe3072 @426 active")});
    QVERIFY(again.problems().isEmpty());
}

void TestEximConfig::splitFileEdits()
{
    const QString path = QStringLiteral("/etc/exim4/conf.d/main/90_exim4-config_log_selector");
    EximConfig document;
    QVERIFY(
        document.setText(eximPackageFile(QStringLiteral("etc/exim4/conf.d/main/90_exim4-config_log_selector")), path));
    document.setPredefinedMacros({});
    QCOMPARE(applyEdits(document, {"option log_selector=+tls_cipher +tls_peerdn +tls_sni"}), QByteArray("C"));
    QCOMPARE(diffOf(document, path),
             QByteArray("--- a/etc/exim4/conf.d/main/90_exim4-config_log_selector\n"
                        "+++ b/etc/exim4/conf.d/main/90_exim4-config_log_selector\n"
                        "@@ -6,5 +6,5 @@\n"
                        " # MAIN_LOG_SELECTOR == MAIN_LOG_SELECTOR +all -subject -arguments\n"
                        " \n"
                        " .ifdef MAIN_LOG_SELECTOR\n"
                        "-log_selector = MAIN_LOG_SELECTOR\n"
                        "+log_selector = +tls_cipher +tls_peerdn +tls_sni\n"
                        " .endif\n"));
}

void TestEximConfig::localMacrosFile()
{
    // Debian's exim4.conf.localmacros does not exist until someone writes it.
    const QString path = QStringLiteral("/etc/exim4/exim4.conf.localmacros");
    EximConfig document;
    QVERIFY(document.setText(QByteArray(), path));
    QCOMPARE(applyEdits(document,
                        {"macro MAIN_TLS_ENABLE=yes", "macro MAIN_TLS_CERTIFICATE=/etc/ssl/mx.crt",
                         "option tls_dhparam=ffdhe3072"}),
             QByteArray("CCC"));
    QCOMPARE(document.text(),
             QByteArray("# Added by MailTLS\n"
                        "MAIN_TLS_ENABLE = yes\n"
                        "MAIN_TLS_CERTIFICATE = /etc/ssl/mx.crt\n"
                        "tls_dhparam = ffdhe3072\n"));
    QCOMPARE(document.definedMacros(), QSet<QByteArray>({"MAIN_TLS_ENABLE", "MAIN_TLS_CERTIFICATE"}));
}

void TestEximConfig::settings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain") << QByteArray("tls_dhparam = /etc/exim/dh.pem\nqualify_domain=example.org\n")
                           << QStringList {QStringLiteral("option tls_dhparam=/etc/exim/dh.pem @1 active"),
                                           QStringLiteral("option qualify_domain=example.org @2 active")};
    QTest::newRow("indented, hide, boolean")
        << QByteArray("  hide mysql_servers = localhost/u/p  \nqueue_only\nno_message_logs\n")
        << QStringList {QStringLiteral("option mysql_servers=localhost/u/p @1 active hidden"),
                        QStringLiteral("option queue_only @2 active"),
                        QStringLiteral("option no_message_logs @3 active")};
    QTest::newRow("continuation joins without a space")
        << QByteArray(
               "MAC = ${if exists{/a}\\\n      {/a}\\   \n  {/b}}\nlog_selector = +tls_cipher \\\n  +tls_peerdn\n")
        << QStringList {QStringLiteral("macro MAC=${if exists{/a}{/a}{/b}} @1-3 active"),
                        QStringLiteral("option log_selector=+tls_cipher +tls_peerdn @4-5 active")};
    QTest::newRow("comment inside a continuation")
        << QByteArray("log_selector = +tls_cipher \\\n# a comment\n  +tls_sni\nx = 1\n")
        << QStringList {QStringLiteral("option log_selector=+tls_cipher +tls_sni @1-3 active"),
                        QStringLiteral("option x=1 @4 active")};
    QTest::newRow("a blank line ends a continuation")
        << QByteArray("a = 1 \\\n\nb = 2\n")
        << QStringList {QStringLiteral("option a=1 @1-2 active"), QStringLiteral("option b=2 @3 active")};
    QTest::newRow("macro redefinition") << QByteArray("MAC = one\nMAC == MAC two\n")
                                        << QStringList {QStringLiteral("macro MAC=one @1 active"),
                                                        QStringLiteral("macro MAC==MAC two @2 active")};
    QTest::newRow("named lists are no options")
        << QByteArray("domainlist local_domains = @\nhostlist relay = 127.0.0.1\nprimary_hostname = mx\n")
        << QStringList {QStringLiteral("option primary_hostname=mx @3 active")};
    QTest::newRow("conditions") << QByteArray(
        "A = 1\n.ifdef A\nx = 1\n.elifdef B\nx = 2\n.else\nx = 3\n.endif\n.ifndef A\ny = 1\n.endif\n")
                                << QStringList {QStringLiteral("macro A=1 @1 active"),
                                                QStringLiteral("option x=1 @3 active [ifdef A]"),
                                                QStringLiteral("option x=2 @5 inactive [elifdef B]"),
                                                QStringLiteral("option x=3 @7 inactive [else ifdef A]"),
                                                QStringLiteral("option y=1 @10 inactive [ifndef A]")};
    QTest::newRow("a substring counts, as in Exim")
        << QByteArray("AB = 1\n.ifdef ABC\nx = 1\n.endif\n")
        << QStringList {QStringLiteral("macro AB=1 @1 active"), QStringLiteral("option x=1 @3 active [ifdef ABC]")};
    QTest::newRow("builtin macros are unknown")
        << QByteArray(".ifdef _HAVE_GNUTLS\ntls_dhparam = none\n.else\ntls_dhparam = ffdhe3072\n.endif\n")
        << QStringList {QStringLiteral("option tls_dhparam=none @2 unknown [ifdef _HAVE_GNUTLS]"),
                        QStringLiteral("option tls_dhparam=ffdhe3072 @4 unknown [else ifdef _HAVE_GNUTLS]")};
    QTest::newRow("a macro defined in an inactive branch is not defined")
        << QByteArray(".ifdef NOPE\nM = 1\n.endif\n.ifdef M\nx = 1\n.endif\n")
        << QStringList {QStringLiteral("macro M=1 @2 inactive [ifdef NOPE]"),
                        QStringLiteral("option x=1 @5 inactive [ifdef M]")};
    QTest::newRow("main section ends at begin")
        << QByteArray("a = 1\nbegin routers\nb:\n  driver = accept\nbegin transports\n")
        << QStringList {QStringLiteral("option a=1 @1 active")};
    QTest::newRow("crlf") << QByteArray("a = 1\r\nb = two words\r\n")
                          << QStringList {QStringLiteral("option a=1 @1 active"),
                                          QStringLiteral("option b=two words @2 active")};
    QTest::newRow("empty value") << QByteArray("tls_advertise_hosts =\n")
                                 << QStringList {QStringLiteral("option tls_advertise_hosts= @1 active")};
}

void TestEximConfig::settings()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    EximConfig document;
    QVERIFY(document.setText(text));
    QCOMPARE(describeAll(document.settings()), expected);
    QCOMPARE(document.text(), text);
}

void TestEximConfig::problems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QByteArray("a = 1\n.ifdef X\nb = 2\n.endif\n") << QStringList();
    QTest::newRow("endif without if") << QByteArray("a = 1\n.endif\n")
                                      << QStringList {QStringLiteral(
                                             "Line 2: .endif without .ifdef or .ifndef: Exim refuses this file.")};
    QTest::newRow("else without if") << QByteArray(
        ".else\n") << QStringList {QStringLiteral("Line 1: .else without .ifdef or .ifndef: Exim refuses this file.")};
    QTest::newRow("no endif") << QByteArray(".ifndef X\na = 1\n")
                              << QStringList {QStringLiteral("Line 1: .ifndef X has no .endif.")};
    QTest::newRow("unknown directive") << QByteArray(
        ".iffy X\n") << QStringList {QStringLiteral("Line 1: \".iffy X\" is not a directive Exim knows.")};
    QTest::newRow("not a macro") << QByteArray("Foo bar\n")
                                 << QStringList {QStringLiteral("Line 1 starts with an upper-case letter but is not a "
                                                                "macro definition (NAME = text): Exim refuses this "
                                                                "file.")};
    QTest::newRow("not an option") << QByteArray("tls dhparam = x\n")
                                   << QStringList {QStringLiteral(
                                          "Line 1 is not an option setting (name = value): Exim refuses this file.")};
    QTest::newRow("backslash at the end")
        << QByteArray("a = 1 \\\n")
        << QStringList {QStringLiteral("Line 1 ends with a backslash, but no line follows it.")};
}

void TestEximConfig::problems()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    EximConfig document;
    QVERIFY(document.setText(text));
    QStringList messages;
    for (const EximConfig::Problem &p : document.problems())
        messages.append(p.message);
    QCOMPARE(messages, expected);
}

void TestEximConfig::edits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("edits");
    QTest::addColumn<QByteArray>("results");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("in place, spacing kept")
        << QByteArray("# c\ntls_dhparam   =   /a.pem   \nx = 1\n") << QByteArrayList {"option tls_dhparam=ffdhe3072"}
        << QByteArray("C") << QByteArray("# c\ntls_dhparam   =   ffdhe3072\nx = 1\n");
    QTest::newRow("no spaces") << QByteArray("tls_dhparam=/a.pem\n") << QByteArrayList {"option tls_dhparam=none"}
                               << QByteArray("C") << QByteArray("tls_dhparam=none\n");
    QTest::newRow("hide kept") << QByteArray("hide tls_privatekey = /old.key\n")
                               << QByteArrayList {"option tls_privatekey=/new.key"} << QByteArray("C")
                               << QByteArray("hide tls_privatekey = /new.key\n");
    QTest::newRow("continuation collapses, comment stays")
        << QByteArray("log_selector = +a \\\n# why\n   +b\nx = 1\n")
        << QByteArrayList {"option log_selector=+a +b +tls_cipher"} << QByteArray("C")
        << QByteArray("log_selector = +a +b +tls_cipher\n# why\nx = 1\n");
    QTest::newRow("value on the next line") << QByteArray("M = \\\n  old\n") << QByteArrayList {"macro M=new"}
                                            << QByteArray("C") << QByteArray("M = new\n");
    QTest::newRow("same value, other spacing")
        << QByteArray("log_selector = +a   +b\n") << QByteArrayList {"option log_selector=+a +b"} << QByteArray("U")
        << QByteArray("log_selector = +a   +b\n");
    QTest::newRow("every branch") << QByteArray(".ifdef A\nx = 1\n.else\nx = 2\n.endif\n")
                                  << QByteArrayList {"option x=3"} << QByteArray("C")
                                  << QByteArray(".ifdef A\nx = 3\n.else\nx = 3\n.endif\n");
    QTest::newRow("one line only") << QByteArray(".ifdef A\nx = 1\n.else\nx = 2\n.endif\n") << QByteArrayList {"at 4=3"}
                                   << QByteArray("C") << QByteArray(".ifdef A\nx = 1\n.else\nx = 3\n.endif\n");
    QTest::newRow("redefinitions left alone") << QByteArray("M = a\nM == M b\n") << QByteArrayList {"macro M=c"}
                                              << QByteArray("C") << QByteArray("M = c\nM == M b\n");
    QTest::newRow("added before begin")
        << QByteArray("a = 1\n\n# routers\nbegin routers\nr:\n  driver = accept\n")
        << QByteArrayList {"option tls_dhparam=ffdhe3072", "macro M=1"} << QByteArray("CC")
        << QByteArray("a = 1\n\n# Added by MailTLS\ntls_dhparam = ffdhe3072\nM = 1\n\n# routers\nbegin "
                      "routers\nr:\n  driver = accept\n");
    QTest::newRow("added after a directive")
        << QByteArray(".ifdef X\na = 1\n.endif\n") << QByteArrayList {"option b=2"} << QByteArray("C")
        << QByteArray(".ifdef X\na = 1\n.endif\n\n# Added by MailTLS\nb = 2\n");
    QTest::newRow("only comments") << QByteArray("# nothing yet\n") << QByteArrayList {"option b=2"} << QByteArray("C")
                                   << QByteArray("# nothing yet\n\n# Added by MailTLS\nb = 2\n");
    QTest::newRow("removed with continuation")
        << QByteArray("a = 1\ntls_dhparam = \\\n  /x.pem\nb = 2\n") << QByteArrayList {"-option tls_dhparam"}
        << QByteArray("C") << QByteArray("a = 1\nb = 2\n");
    QTest::newRow("remove missing") << QByteArray("a = 1\n") << QByteArrayList {"-option b", "-macro M"}
                                    << QByteArray("UU") << QByteArray("a = 1\n");
    QTest::newRow("crlf kept") << QByteArray("a = 1\r\n") << QByteArrayList {"option b=2", "option a=3"}
                               << QByteArray("CC") << QByteArray("a = 3\r\n\r\n# Added by MailTLS\r\nb = 2\r\n");
    QTest::newRow("no final newline") << QByteArray("a = 1") << QByteArrayList {"option b=2"} << QByteArray("C")
                                      << QByteArray("a = 1\n\n# Added by MailTLS\nb = 2");
    QTest::newRow("invalid names and values")
        << QByteArray("a = 1\n") << QByteArrayList {"option Bad=1", "macro bad=1", "option a=x\\", "option a=x\ny"}
        << QByteArray("IIII") << QByteArray("a = 1\n");
}

void TestEximConfig::edits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, edits);
    QFETCH(QByteArray, results);
    QFETCH(QByteArray, expected);
    EximConfig document;
    QVERIFY(document.setText(text));
    QCOMPARE(applyEdits(document, edits), results);
    QCOMPARE(document.text(), expected);
}

void TestEximConfig::addThenRemoveRestores_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one line") << QByteArray("a = 1\n");
    QTest::newRow("no final newline") << QByteArray("a = 1");
    QTest::newRow("crlf") << QByteArray("a = 1\r\n# c\r\n");
    QTest::newRow("before begin") << QByteArray("a = 1\nbegin acl\n");
    for (const QString &relative : debianMainFiles())
        QTest::newRow(qPrintable(relative)) << eximPackageFile(relative);
}

void TestEximConfig::addThenRemoveRestores()
{
    QFETCH(QByteArray, text);
    EximConfig document;
    QVERIFY(document.setText(text));
    QCOMPARE(applyEdits(document, {"option tls_dhparam=ffdhe3072", "macro MAILTLS_TEST=1"}), QByteArray("CC"));
    QVERIFY(document.text() != text);
    QCOMPARE(applyEdits(document, {"-option tls_dhparam", "-macro MAILTLS_TEST"}), QByteArray("CC"));
    QCOMPARE(document.text(), text);
}

void TestEximConfig::hostileText()
{
    // Invalid UTF-8, NUL bytes and a very long line pass through untouched.
    const QByteArray longValue(200000, 'x');
    const QByteArray text = eximRaw("# caf\xe9 \xff\xfe\nqualify_domain = ex\0ample\n") + "long = " + longValue + "\n";
    EximConfig document;
    QVERIFY(document.setText(text));
    QCOMPARE(document.text(), text);
    QCOMPARE(document.options("long").constFirst().value.size(), longValue.size());
    QCOMPARE(applyEdits(document, {"option tls_dhparam=ffdhe3072"}), QByteArray("C"));
    QVERIFY(document.text().startsWith(text));

    EximConfig huge;
    QVERIFY(!huge.setText(QByteArray(EximConfig::MaxBytes + 1, '\n'), QStringLiteral("/x")));
    QCOMPARE(
        huge.errorString(),
        QStringLiteral("/x is larger than 4194304 bytes; MailTLS does not read an Exim configuration that large."));
    EximConfig lines;
    QVERIFY(!lines.setText(QByteArray(EximConfig::MaxLines + 1, '\n'), QStringLiteral("/y")));
    QCOMPARE(lines.errorString(),
             QStringLiteral("/y has more than 100000 lines; MailTLS does not read an Exim configuration that long."));
}

void TestEximConfig::loadErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EximConfig document;
    QVERIFY(!document.load(dir.filePath(QStringLiteral("missing"))));
    QCOMPARE(document.errorString(), QStringLiteral("%1 does not exist.").arg(dir.filePath(QStringLiteral("missing"))));
    QVERIFY(!document.load(dir.path()));
    QCOMPARE(document.errorString(), QStringLiteral("%1 is not a regular file.").arg(dir.path()));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!document.load(fifo));
    QCOMPARE(document.errorString(), QStringLiteral("%1 is not a regular file.").arg(fifo));

    // A read-only file reads like any other; an edit never writes it.
    const QString path = dir.filePath(QStringLiteral("exim4.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("tls_dhparam = none\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner));
    QVERIFY(document.load(path));
    QCOMPARE(applyEdits(document, {"option tls_dhparam=ffdhe3072"}), QByteArray("C"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("tls_dhparam = none\n"));
}

QTEST_GUILESS_MAIN(TestEximConfig)
#include "tst_eximconfig.moc"
