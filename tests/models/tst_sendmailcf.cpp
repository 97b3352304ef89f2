#include <QtTest>

#include "models/mta/sendmailcf.h"

using namespace mailtls;

namespace {

// The shape of a sendmail.cf as m4 builds it from Debian's sendmail.mc
// (abridged), with the copy of the .mc Debian's Makefile appends.
const QByteArray cf = "#####\n"
                      "##### built by root@mx on Sun Nov 30 05:05:06 UTC 2026\n"
                      "##### in /etc/mail\n"
                      "##### using /usr/share/sendmail/cf/ as configuration include directory\n"
                      "#####\n"
                      "V10/Berkeley\n"
                      "# log level\n"
                      "O LogLevel=9\n"
                      "O DaemonPortOptions=Family=inet,  Name=MTA-v4, Port=smtp, Addr=127.0.0.1\n"
                      "O DaemonPortOptions=Family=inet,  Name=MSP-v4, Port=submission, M=Ea, Addr=127.0.0.1\n"
                      "#O CACertPath\n"
                      "O ServerCertFile=/etc/mail/tls/sendmail-server.crt\n"
                      "O DHParameters=/etc/mail/tls/sendmail-common.prm\n"
                      "O DHParameters =  none \n"
                      "Mlocal,\t\tP=/usr/sbin/sensible-mda, F=lsDFMAw5:/|@qPSfhn9,\n"
                      "### /etc/mail/sendmail.mc ###\n"
                      "# divert(-1)dnl\n"
                      "# \n"
                      "# MAILER(`smtp')dnl\n";

} // namespace

class TestSendmailCf : public QObject
{
    Q_OBJECT

private slots:
    void options_data();
    void options();
    void sameBuild_data();
    void sameBuild();
    void debianTrailer_data();
    void debianTrailer();
    void daemonFields();
};

void TestSendmailCf::options_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QStringList>("all");

    QTest::newRow("the last of two wins, blanks around the value do not count")
        << cf << QByteArray("DHParameters") << QStringLiteral("none")
        << QStringList {QStringLiteral("/etc/mail/tls/sendmail-common.prm"), QStringLiteral("none")};
    QTest::newRow("one setting") << cf << QByteArray("LogLevel") << QStringLiteral("9")
                                 << QStringList {QStringLiteral("9")};
    QTest::newRow("m4's note of an unset option is no setting")
        << cf << QByteArray("CACertPath") << QStringLiteral("(unset)") << QStringList();
    QTest::newRow("one per daemon")
        << cf << QByteArray("DaemonPortOptions")
        << QStringLiteral("Family=inet,  Name=MSP-v4, Port=submission, M=Ea, Addr=127.0.0.1")
        << QStringList {QStringLiteral("Family=inet,  Name=MTA-v4, Port=smtp, Addr=127.0.0.1"),
                        QStringLiteral("Family=inet,  Name=MSP-v4, Port=submission, M=Ea, Addr=127.0.0.1")};
    QTest::newRow("the one-letter form of LogLevel")
        << QByteArray("OL12\r\nO LogLevel=14\r\nOL11\n") << QByteArray("LogLevel") << QStringLiteral("11")
        << QStringList {QStringLiteral("12"), QStringLiteral("14"), QStringLiteral("11")};
    QTest::newRow("a name without a value")
        << QByteArray("O SaveFromLine\n") << QByteArray("SaveFromLine") << QString() << QStringList {QString()};
    QTest::newRow("the copied .mc is not read") << QByteArray("### /etc/mail/sendmail.mc ###\n# O LogLevel=1\n")
                                                << QByteArray("LogLevel") << QStringLiteral("(unset)") << QStringList();
}

void TestSendmailCf::options()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(QString, last);
    QFETCH(QStringList, all);
    QCOMPARE(SendmailCf::option(text, name).value_or(QStringLiteral("(unset)")), last);
    QCOMPARE(SendmailCf::options(text, name), all);
}

void TestSendmailCf::sameBuild_data()
{
    QTest::addColumn<QByteArray>("other");
    QTest::addColumn<bool>("same");
    QTest::addColumn<QStringList>("differences");

    QByteArray rebuilt = cf;
    rebuilt.replace("on Sun Nov 30 05:05:06 UTC 2026", "on Mon Dec  1 09:00:00 UTC 2026");
    rebuilt.replace("##### in /etc/mail", "##### in /root");
    QTest::newRow("another build of the same .mc") << rebuilt << true << QStringList();
    QByteArray changed = rebuilt;
    changed.replace("O LogLevel=9", "O LogLevel=12");
    QTest::newRow("an option changed") << changed << false
                                       << QStringList {QStringLiteral("O LogLevel=9"), QStringLiteral("O LogLevel=12")};
    QByteArray stampMoved = cf;
    stampMoved.replace("V10/Berkeley\n", "V10/Berkeley\n##### built by someone else\n");
    QTest::newRow("a stamp line more") << stampMoved << false << QStringList();
    QByteArray other = cf;
    other.replace("Mlocal,", "Mlocal2,");
    QTest::newRow("a line other than an option") << other << false << QStringList();
}

void TestSendmailCf::sameBuild()
{
    QFETCH(QByteArray, other);
    QFETCH(bool, same);
    QFETCH(QStringList, differences);
    QCOMPARE(SendmailCf::sameBuild(cf, other), same);
    QCOMPARE(SendmailCf::sameBuild(other, cf), same);
    QCOMPARE(SendmailCf::differentOptions(cf, other), differences);
}

void TestSendmailCf::debianTrailer_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("Debian's build") << cf << QByteArray("### /etc/mail/sendmail.mc ###");
    QTest::newRow("m4's output alone") << cf.left(cf.indexOf("### /etc/mail")) << QByteArray();
    QTest::newRow("an empty .mc copied") << QByteArray("O LogLevel=9\n### /etc/mail/sendmail.mc ###\n")
                                         << QByteArray("### /etc/mail/sendmail.mc ###");
    QTest::newRow("rules after it: not the trailer")
        << QByteArray("### /etc/mail/sendmail.mc ###\n# x\nR$* $@ $1\n") << QByteArray();
    QTest::newRow("nothing") << QByteArray() << QByteArray();
}

void TestSendmailCf::debianTrailer()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, header);
    QCOMPARE(SendmailCf::debianTrailerHeader(text), header);
}

void TestSendmailCf::daemonFields()
{
    const QByteArray mc = "divert(-1)dnl\n\nMAILER(`smtp')dnl";
    // sed 's/^/# /' on every line, the last one without a newline as sed keeps it.
    QCOMPARE(SendmailCf::withDebianTrailer("O LogLevel=9\n", "### /etc/mail/sendmail.mc ###", mc),
             QByteArray("O LogLevel=9\n### /etc/mail/sendmail.mc ###\n# divert(-1)dnl\n# \n# MAILER(`smtp')dnl"));
    QCOMPARE(SendmailCf::withDebianTrailer("O LogLevel=9\n", QByteArray(), mc), QByteArray("O LogLevel=9\n"));
    QCOMPARE(SendmailCf::withDebianTrailer("x\n", "### a.mc ###", QByteArray()), QByteArray("x\n### a.mc ###\n"));
    QCOMPARE(SendmailCf::debianTrailerHeaderFor(QStringLiteral("/etc/mail/sendmail.mc")),
             QByteArray("### /etc/mail/sendmail.mc ###"));

    const auto fields
        = SendmailCf::fields(QStringLiteral("Family=inet,  Name=MSP-v4, Port=submission, M=Ea, Addr=127.0.0.1"));
    QCOMPARE(fields.size(), 5);
    QCOMPARE(fields.at(1), qMakePair(QStringLiteral("Name"), QStringLiteral("MSP-v4")));
    QCOMPARE(fields.at(3), qMakePair(QStringLiteral("M"), QStringLiteral("Ea")));
    QCOMPARE(SendmailCf::portNumber(QStringLiteral("smtp")), quint16(25));
    QCOMPARE(SendmailCf::portNumber(QStringLiteral("Submission")), quint16(587));
    QCOMPARE(SendmailCf::portNumber(QStringLiteral("2525")), quint16(2525));
    QCOMPARE(SendmailCf::portNumber(QStringLiteral("gopher")), quint16(0));
    QCOMPARE(SendmailCf::portNumber(QStringLiteral("70000")), quint16(0));
}

QTEST_GUILESS_MAIN(TestSendmailCf)
#include "tst_sendmailcf.moc"
