#include <QtTest>

#include "fixplantestutil.h"
#include "models/campaign/enforcementplan.h"

using namespace mailtls;
using namespace fixplantest;

// EnforcementPlan: master.cf overrides found on the port-25 smtpd and the
// smtp transport only (with their exact lines), the refusals, the window's
// main.cf bytes (only the two definitions change), and taking the window's
// settings back out of a main.cf edited during the window.
class TestEnforcementPlan : public QObject
{
    Q_OBJECT

private slots:
    void overrides_data();
    void overrides();
    void make_data();
    void make();
    void refuses_data();
    void refuses();
    void windowTextMatchesPlan();
    void parameterRevert_data();
    void parameterRevert();
};

namespace {

const QString dir = QStringLiteral("/etc/postfix");

const QByteArray certified = "# TLS\n"
                             "smtpd_tls_cert_file = /etc/ssl/mail.pem\n"
                             "smtpd_tls_key_file = /etc/ssl/mail.key\n"
                             "smtpd_tls_security_level = may\r\n"
                             "myhostname = mx.example.org\n";

const QByteArray masterCf = "smtp      inet  n       -       y       -       -       smtpd\n"
                            "#  -o smtpd_tls_security_level=none\n"
                            "submission inet n       -       y       -       -       smtpd\n"
                            "  -o smtpd_tls_security_level=encrypt\n"
                            "127.0.16.1:25 inet n - n - - smtpd\n"
                            "    -o syslog_name=postfix/loop\n"
                            "    -o smtpd_tls_security_level=may\n"
                            "smtp      unix  -       -       y       -       -       smtp\n"
                            "  -o { smtp_tls_security_level = none }\n"
                            "relay     unix  -       -       y       -       -       smtp\n"
                            "  -o smtp_tls_security_level=may\n"
                            "10.0.0.1:smtp inet n - n - - smtpd -o smtpd_tls_security_level=encrypt\n";

} // namespace

void TestEnforcementPlan::overrides_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<QStringList>("expected"); // "line|service|parameter|value|blocks|text"
    const QString loop = QStringLiteral("7|127.0.16.1:25/inet|smtpd_tls_security_level|may|1|    -o smtpd_tls_security_level=may");
    const QString smtp = QStringLiteral("9|smtp/unix|smtp_tls_security_level|none|1|  -o { smtp_tls_security_level = none }");
    const QString other = QStringLiteral("12|10.0.0.1:smtp/inet|smtpd_tls_security_level|encrypt|0|10.0.0.1:smtp inet n - n - - smtpd -o smtpd_tls_security_level=encrypt");
    QTest::newRow("inbound") << true << false << QStringList{loop, other};
    QTest::newRow("outbound") << false << true << QStringList{smtp};
    QTest::newRow("both") << true << true << QStringList{loop, smtp, other};
    QTest::newRow("neither") << false << false << QStringList{};
}

void TestEnforcementPlan::overrides()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const MasterCfOverride &o : EnforcementPlan::masterCfOverrides(masterCf, inbound, outbound))
        actual.append(QStringLiteral("%1|%2|%3|%4|%5|%6")
                          .arg(o.line)
                          .arg(o.service, o.parameter, o.value)
                          .arg(o.blocks ? 1 : 0)
                          .arg(o.text));
    QCOMPARE(actual, expected);
}

void TestEnforcementPlan::make_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QStringList>("summary");
    QTest::newRow("inbound") << true << false
                             << QByteArray("# TLS\n"
                                           "smtpd_tls_cert_file = /etc/ssl/mail.pem\n"
                                           "smtpd_tls_key_file = /etc/ssl/mail.key\n"
                                           "smtpd_tls_security_level = encrypt\r\n"
                                           "myhostname = mx.example.org\n")
                             << QStringList{QStringLiteral("smtpd_tls_security_level = encrypt (was may)")};
    QTest::newRow("both") << true << true
                          << QByteArray("# TLS\n"
                                        "smtpd_tls_cert_file = /etc/ssl/mail.pem\n"
                                        "smtpd_tls_key_file = /etc/ssl/mail.key\n"
                                        "smtpd_tls_security_level = encrypt\r\n"
                                        "myhostname = mx.example.org\n"
                                        "# Added by MailTLS\n"
                                        "smtp_tls_security_level = encrypt\n")
                          << QStringList{QStringLiteral("smtpd_tls_security_level = encrypt (was may)"),
                                         QStringLiteral("smtp_tls_security_level = encrypt (was not set: Postfix's "
                                                        "default)")};
}

void TestEnforcementPlan::make()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(QByteArray, after);
    QFETCH(QStringList, summary);
    const PostfixInspectionResult r = inspection(certified, dir);
    QString error;
    const QByteArray plainMaster = "smtp inet n - y - - smtpd\nsmtp unix - - y - - smtp\n";
    const std::optional<ChangePlan> plan =
        EnforcementPlan::make(r, plainMaster, dir + QStringLiteral("/master.cf"), inbound, outbound, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.size(), 1);
    const FileEdit &edit = plan->edits.constFirst();
    QCOMPARE(edit.path, QStringLiteral("/etc/postfix/main.cf"));
    QCOMPARE(edit.before, std::optional<QByteArray>(certified));
    QCOMPARE(edit.after, std::optional<QByteArray>(after));
    QCOMPARE(edit.summary, summary);
    QCOMPARE(plan->validateCommands,
             (QList<QStringList>{{QStringLiteral("/usr/sbin/postfix"), QStringLiteral("-c"), dir, QStringLiteral("check")},
                                 {QStringLiteral("/usr/sbin/postconf"), QStringLiteral("-c"), dir, QStringLiteral("-n")}}));
    QCOMPARE(plan->reloadCommand,
             (QStringList{QStringLiteral("/usr/sbin/postfix"), QStringLiteral("-c"), dir, QStringLiteral("reload")}));
    QCOMPARE(plan->verification.check, ChangePlan::Check::None);
}

void TestEnforcementPlan::refuses_data()
{
    QTest::addColumn<QByteArray>("mainCf");
    QTest::addColumn<QByteArray>("master");
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<QString>("error");
    const QByteArray plain = "smtp inet n - y - - smtpd\n";
    QTest::newRow("no direction") << certified << plain << false << false
                                  << QStringLiteral("a window requires TLS inbound, outbound or both: choose at least one");
    QTest::newRow("inbound enforced")
        << QByteArray("smtpd_tls_cert_file = /c\nsmtpd_tls_security_level = encrypt\n") << plain << true << false
        << QStringLiteral("inbound mail requires TLS already (smtpd_tls_security_level = encrypt): an inbound window "
                          "would change nothing");
    QTest::newRow("obsolete enforce") << QByteArray("smtpd_tls_cert_file = /c\nsmtpd_enforce_tls = yes\n") << plain
                                      << true << false
                                      << QStringLiteral("inbound mail requires TLS already (smtpd_tls_security_level = "
                                                        "encrypt): an inbound window would change nothing");
    QTest::newRow("outbound verify")
        << QByteArray("smtp_tls_security_level = verify\n") << plain << false << true
        << QStringLiteral("outbound mail requires TLS already (smtp_tls_security_level = verify): an outbound window "
                          "would change nothing");
    QTest::newRow("no certificate")
        << QByteArray("smtpd_tls_security_level = may\n") << plain << true << false
        << QStringLiteral("Postfix has no server certificate (smtpd_tls_cert_file or smtpd_tls_chain_files): with "
                          "smtpd_tls_security_level = encrypt no sender could deliver at all. Set up STARTTLS first "
                          "(mailtls fix starttls)");
    QTest::newRow("master.cf override")
        << certified << masterCf << true << true
        << QStringLiteral("master.cf overrides the window's setting, so it would not take effect:\n"
                          "/etc/postfix/master.cf line 7 sets smtpd_tls_security_level=may for the service "
                          "127.0.16.1:25/inet, so the window would not reach it:\n"
                          "        -o smtpd_tls_security_level=may\n"
                          "/etc/postfix/master.cf line 9 sets smtp_tls_security_level=none for the service smtp/unix, "
                          "so the window would not reach it:\n"
                          "      -o { smtp_tls_security_level = none }\n"
                          "Remove that -o setting (or make it encrypt) and start the window again");
}

void TestEnforcementPlan::refuses()
{
    QFETCH(QByteArray, mainCf);
    QFETCH(QByteArray, master);
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!EnforcementPlan::make(inspection(mainCf, dir), master, dir + QStringLiteral("/master.cf"), inbound,
                                   outbound, &actual));
    QCOMPARE(actual, error);
}

void TestEnforcementPlan::windowTextMatchesPlan()
{
    const PostfixInspectionResult r = inspection(certified, dir);
    QString error;
    const std::optional<ChangePlan> plan = EnforcementPlan::make(r, QByteArray(), QString(), true, true, &error);
    QVERIFY2(plan, qPrintable(error));
    const std::optional<QByteArray> window = EnforcementPlan::windowText(certified, true, true, &error);
    QVERIFY(window);
    QCOMPARE(*window, *plan->edits.constFirst().after);
}

void TestEnforcementPlan::parameterRevert_data()
{
    QTest::addColumn<QByteArray>("now");
    QTest::addColumn<QByteArray>("expected"); // empty: nothing to change
    // The window's bytes plus a line the user added meanwhile.
    QTest::newRow("both back, user's line stays")
        << QByteArray("# TLS\nsmtpd_tls_cert_file = /etc/ssl/mail.pem\nsmtpd_tls_key_file = /etc/ssl/mail.key\n"
                      "smtpd_tls_security_level = encrypt\r\nmyhostname = mx.example.org\n"
                      "# Added by MailTLS\nsmtp_tls_security_level = encrypt\nmessage_size_limit = 1000\n")
        << QByteArray("# TLS\nsmtpd_tls_cert_file = /etc/ssl/mail.pem\nsmtpd_tls_key_file = /etc/ssl/mail.key\n"
                      "smtpd_tls_security_level = may\r\nmyhostname = mx.example.org\n"
                      "# Added by MailTLS\nmessage_size_limit = 1000\n");
    QTest::newRow("user set outbound to may already")
        << QByteArray("# TLS\nsmtpd_tls_cert_file = /etc/ssl/mail.pem\nsmtpd_tls_key_file = /etc/ssl/mail.key\n"
                      "smtpd_tls_security_level = encrypt\r\nmyhostname = mx.example.org\n"
                      "smtp_tls_security_level = may\n")
        << QByteArray("# TLS\nsmtpd_tls_cert_file = /etc/ssl/mail.pem\nsmtpd_tls_key_file = /etc/ssl/mail.key\n"
                      "smtpd_tls_security_level = may\r\nmyhostname = mx.example.org\n"
                      "smtp_tls_security_level = may\n");
    QTest::newRow("nothing left") << certified << QByteArray();
}

void TestEnforcementPlan::parameterRevert()
{
    QFETCH(QByteArray, now);
    QFETCH(QByteArray, expected);
    QString error;
    const std::optional<ChangePlan> plan =
        EnforcementPlan::parameterRevert(inspection(now, dir), certified, true, true, &error);
    QVERIFY2(plan, qPrintable(error));
    if (expected.isEmpty()) {
        QVERIFY(plan->isEmpty());
        return;
    }
    QCOMPARE(plan->edits.size(), 1);
    QCOMPARE(plan->edits.constFirst().before, std::optional<QByteArray>(now));
    QCOMPARE(plan->edits.constFirst().after, std::optional<QByteArray>(expected));
}

QTEST_GUILESS_MAIN(TestEnforcementPlan)
#include "tst_enforcementplan.moc"
