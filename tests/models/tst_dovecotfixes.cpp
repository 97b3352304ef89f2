#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/changeplan.h"
#include "models/mta/dovecotfixes.h"
#include "models/mta/dovecotservice.h"
#include "models/tls/dhparameters.h"
#include "tests/models/tst_dovecottestutil.h"

using namespace mailtls;
using namespace mailtls::dovecottest;

// The Logjam plan on small Dovecot configurations and on Debian's: the exact
// new bytes and diffs, what the plan checks, its notes, that a plan made
// again from the changed files is empty, and what Dovecot does not offer.
class TestDovecotFixes : public QObject
{
    Q_OBJECT

private slots:
    void logjam_data();
    void logjam();
    void debianLayout();
    void commands();
    void withoutDoveadm();
    void notesForOverridesAndDheOff();
    void sameGroupElsewhere();
    void existingGroupFile();
    void dovecot24();
    void autoIsRefused_data();
    void autoIsRefused();
    void badChoices();
    void failedInspection();
    void noGlobalPlace();
    void service();
};

namespace {

// "@DIR@" → the folder; "@D@" → the folder without its leading '/', as diff
// headers name it.
QByteArray expand(QByteArray text, const QString &dir)
{
    const QByteArray path = QFile::encodeName(dir);
    return text.replace("@DIR@", path).replace("@D@", path.mid(1));
}

QByteArray rfc7919(const QString &group)
{
    QString error;
    return DhParameters::rfc7919Pem(group, &error);
}

// Writes every edit of the plan, as PlanApplier would.
bool writeEdits(const ChangePlan &plan)
{
    for (const FileEdit &edit : plan.edits) {
        if (edit.after && !writeFile(edit.path, *edit.after))
            return false;
    }
    return true;
}

const FileEdit *editOf(const ChangePlan &plan, const QString &path)
{
    for (const FileEdit &edit : plan.edits) {
        if (edit.path == path)
            return &edit;
    }
    return nullptr;
}

DhChoice group(const QString &name)
{
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    choice.group = name;
    return choice;
}

} // namespace

void TestDovecotFixes::logjam_data()
{
    QTest::addColumn<QByteArray>("sslConf");
    QTest::addColumn<QString>("weakFile");
    QTest::addColumn<bool>("ownGroup");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("diff");

    QTest::newRow("weak shared group replaced in place")
        << QByteArray("ssl = yes\nssl_cert = </c.pem\nssl_key = </k.pem\n# DH\nssl_dh = <@DIR@/dh1024.pem\n")
        << QStringLiteral("dh1024.pem") << false
        << QByteArray("ssl = yes\nssl_cert = </c.pem\nssl_key = </k.pem\n# DH\nssl_dh = <@DIR@/dh_ffdhe3072.pem\n")
        << QByteArray("--- a/@D@/conf.d/10-ssl.conf\n+++ b/@D@/conf.d/10-ssl.conf\n@@ -2,4 +2,4 @@\n"
                      " ssl_cert = </c.pem\n ssl_key = </k.pem\n # DH\n-ssl_dh = <@DIR@/dh1024.pem\n"
                      "+ssl_dh = <@DIR@/dh_ffdhe3072.pem\n");
    QTest::newRow("a relative file, relative to conf.d")
        << QByteArray("ssl_dh = <dh1024.pem # old\n") << QStringLiteral("conf.d/dh1024.pem") << false
        << QByteArray("ssl_dh = <@DIR@/dh_ffdhe3072.pem # old\n")
        << QByteArray("--- a/@D@/conf.d/10-ssl.conf\n+++ b/@D@/conf.d/10-ssl.conf\n@@ -1 +1 @@\n"
                      "-ssl_dh = <dh1024.pem # old\n+ssl_dh = <@DIR@/dh_ffdhe3072.pem # old\n");
    QTest::newRow("unset: under its commented-out example")
        << QByteArray("ssl = yes\n#ssl_dh = </usr/share/dovecot/dh.pem\n#ssl_min_protocol = TLSv1.2\n") << QString()
        << false
        << QByteArray("ssl = yes\n#ssl_dh = </usr/share/dovecot/dh.pem\nssl_dh = <@DIR@/dh_ffdhe3072.pem\n"
                      "#ssl_min_protocol = TLSv1.2\n")
        << QByteArray("--- a/@D@/conf.d/10-ssl.conf\n+++ b/@D@/conf.d/10-ssl.conf\n@@ -1,3 +1,4 @@\n"
                      " ssl = yes\n #ssl_dh = </usr/share/dovecot/dh.pem\n+ssl_dh = <@DIR@/dh_ffdhe3072.pem\n"
                      " #ssl_min_protocol = TLSv1.2\n");
    QTest::newRow("unset, no example: appended where the ssl settings are")
        << QByteArray("ssl = yes\nssl_cert = </c.pem") << QString() << false
        << QByteArray("ssl = yes\nssl_cert = </c.pem\n# Added by MailTLS\nssl_dh = <@DIR@/dh_ffdhe3072.pem")
        << QByteArray("--- a/@D@/conf.d/10-ssl.conf\n+++ b/@D@/conf.d/10-ssl.conf\n@@ -1,2 +1,4 @@\n"
                      " ssl = yes\n-ssl_cert = </c.pem\n\\ No newline at end of file\n+ssl_cert = </c.pem\n"
                      "+# Added by MailTLS\n+ssl_dh = <@DIR@/dh_ffdhe3072.pem\n\\ No newline at end of file\n");
    QTest::newRow("a group of its own, CRLF kept")
        << QByteArray("ssl_dh = <@DIR@/dh1024.pem\r\n") << QStringLiteral("dh1024.pem") << true
        << QByteArray("ssl_dh = <@DIR@/dh_2048.pem\r\n")
        << QByteArray("--- a/@D@/conf.d/10-ssl.conf\n+++ b/@D@/conf.d/10-ssl.conf\n@@ -1 +1 @@\n"
                      "-ssl_dh = <@DIR@/dh1024.pem\r\n+ssl_dh = <@DIR@/dh_2048.pem\r\n");
}

void TestDovecotFixes::logjam()
{
    QFETCH(QByteArray, sslConf);
    QFETCH(QString, weakFile);
    QFETCH(bool, ownGroup);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, diff);

    QTemporaryDir dir;
    const QString main = dir.filePath(QStringLiteral("dovecot.conf"));
    const QString ssl = dir.filePath(QStringLiteral("conf.d/10-ssl.conf"));
    QVERIFY(writeFile(main, "protocols = imap\n!include conf.d/*.conf\n"));
    QVERIFY(writeFile(ssl, expand(sslConf, dir.path())));
    if (!weakFile.isEmpty())
        QVERIFY(writeFile(dir.filePath(weakFile), fixplantest::oakley2Pem()));

    const DovecotInspectionResult r = handMadeInspection(dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    DhChoice choice = group(QStringLiteral("ffdhe3072"));
    if (ownGroup) {
        choice.kind = DhChoice::Kind::Generated;
        choice.pem = fixplantest::ownGroupPem(2048);
    }
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, choice, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->title, QStringLiteral("Give IMAP and POP a strong Diffie-Hellman group (Logjam)"));
    QCOMPARE(plan->edits.size(), 2);

    // The group file first, then the file where ssl_dh lives; nothing else.
    const QString groupFile
        = dir.filePath(ownGroup ? QStringLiteral("dh_2048.pem") : QStringLiteral("dh_ffdhe3072.pem"));
    QCOMPARE(plan->edits.at(0).path, groupFile);
    QVERIFY(plan->edits.at(0).createsFile());
    QCOMPARE(*plan->edits.at(0).after,
             ownGroup ? fixplantest::ownGroupPem(2048) : rfc7919(QStringLiteral("ffdhe3072")));
    QCOMPARE(plan->edits.at(0).summary,
             QStringList {ownGroup ? QStringLiteral("DH parameters: a group of its own, 2048 bits")
                                   : QStringLiteral("DH parameters: ffdhe3072 (RFC 7919, 3072 bits)")});
    QCOMPARE(plan->edits.at(1).path, ssl);
    QCOMPARE(plan->edits.at(1).before, expand(sslConf, dir.path()));
    QCOMPARE(plan->edits.at(1).after, expand(expected, dir.path()));
    QCOMPARE(ChangePlan::diffOf(plan->edits.at(1)), expand(diff, dir.path()));
    QCOMPARE(plan->edits.at(1).summary, QStringList {QStringLiteral("ssl_dh = <%1").arg(groupFile)});
    QCOMPARE(plan->edits.at(1).parameters, QList<QByteArray> {"ssl_dh"});
    QCOMPARE(plan->requiredFiles.size(), 1);
    QCOMPARE(plan->requiredFiles.constFirst().parameter, QByteArray("ssl_dh"));
    QCOMPARE(plan->requiredFiles.constFirst().path, groupFile);
    QCOMPARE(plan->verification.check, ChangePlan::Check::DhGroup);
    QVERIFY(plan->verification.implicitTls);
    QCOMPARE(plan->verification.minimumDhBits, ownGroup ? 2048 : 3072);
    QCOMPARE(plan->verification.expectedGroupName,
             ownGroup ? QStringLiteral("the new 2048-bit group") : QStringLiteral("ffdhe3072"));
    QCOMPARE(plan->verification.expectedPrime, DhParameters::inspect(*plan->edits.at(0).after).prime);
    // The weak file stays where it was.
    QCOMPARE(plan->notes.constLast().endsWith(QStringLiteral("stays on disk, no longer used.")), !weakFile.isEmpty());

    // Written, the same fix again has nothing to change.
    QVERIFY(writeEdits(*plan));
    const DovecotInspectionResult after = handMadeInspection(dir.path());
    QVERIFY(after.dh);
    QCOMPARE(after.dh->bits, ownGroup ? 2048 : 3072);
    const std::optional<ChangePlan> again = DovecotFixes::logjam(after, choice, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->isEmpty());
    QVERIFY(again->edits.isEmpty());
}

void TestDovecotFixes::debianLayout()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(installDebianConfig(dir.path()));
    const DovecotInspectionResult r = handMadeInspection(dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.origin(DovecotInspectionResult::Role::Dh), QStringLiteral("conf.d/10-ssl.conf line 55"));
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.size(), 2);
    const FileEdit *ssl = editOf(*plan, dir.filePath(QStringLiteral("conf.d/10-ssl.conf")));
    QVERIFY(ssl);
    QCOMPARE(ChangePlan::diffOf(*ssl),
             expand("--- a/@D@/conf.d/10-ssl.conf\n"
                    "+++ b/@D@/conf.d/10-ssl.conf\n"
                    "@@ -52,7 +52,7 @@\n"
                    " # Generate new params with `openssl dhparam -out /etc/dovecot/dh.pem 4096`\n"
                    " # Or migrate from old ssl-parameters.dat file with the command dovecot\n"
                    " # gives on startup when ssl_dh is unset.\n"
                    "-ssl_dh = </usr/share/dovecot/dh.pem\n"
                    "+ssl_dh = <@DIR@/dh_ffdhe3072.pem\n"
                    " \n"
                    " # Minimum SSL protocol version to use. Potentially recognized values are SSLv3,\n"
                    " # TLSv1, TLSv1.1, TLSv1.2 and TLSv1.3, depending on the OpenSSL version used.\n",
                    dir.path()));
    QCOMPARE(plan->notes.constLast(), QStringLiteral("/usr/share/dovecot/dh.pem stays on disk, no longer used."));

    QVERIFY(writeEdits(*plan));
    const std::optional<ChangePlan> again
        = DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->isEmpty());
}

void TestDovecotFixes::commands()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl_dh = </nowhere.pem\n"));
    const DovecotInspectionResult r = handMadeInspection(dir.path());
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, group(QStringLiteral("ffdhe4096")), &error);
    QVERIFY2(plan, qPrintable(error));
    const QString conf = dir.filePath(QStringLiteral("dovecot.conf"));
    QCOMPARE(plan->mta, QStringLiteral("Dovecot"));
    QCOMPARE(plan->configDir, dir.path());
    const QList<QStringList> validate {
        {QStringLiteral("/usr/bin/doveconf"), QStringLiteral("-n"), QStringLiteral("-c"), conf},
        {QStringLiteral("/usr/bin/doveconf"), QStringLiteral("-x"), QStringLiteral("-c"), conf, QStringLiteral("-h"),
         QStringLiteral("ssl_dh")}};
    QCOMPARE(plan->validateCommands, validate);
    QString pgrep = QStandardPaths::findExecutable(QStringLiteral("pgrep"));
    if (pgrep.isEmpty())
        pgrep = QStringLiteral("pgrep");
    QCOMPARE(plan->statusCommand,
             (QStringList {pgrep, QStringLiteral("-F"), dir.filePath(QStringLiteral("run/master.pid")),
                           QStringLiteral("-x"), QStringLiteral("dovecot")}));
    QCOMPARE(plan->reloadCommand,
             (QStringList {QStringLiteral("/usr/bin/doveadm"), QStringLiteral("-c"), conf, QStringLiteral("reload")}));
    QCOMPARE(plan->verification.check, ChangePlan::Check::DhGroup);
    QVERIFY(plan->verification.implicitTls);
    QCOMPARE(plan->verification.address, QStringLiteral("127.0.0.1"));
    QCOMPARE(plan->verification.port, quint16(993));
    QCOMPARE(plan->verification.expectedGroupName, QStringLiteral("ffdhe4096"));
    QCOMPARE(plan->verification.minimumDhBits, 4096);
    QCOMPARE(plan->notes,
             (QStringList {
                 QStringLiteral("To check it yourself once Dovecot has reloaded: openssl s_client -connect "
                                "127.0.0.1:993 -tls1_2 -cipher DHE -brief </dev/null — its \"Server Temp Key\" line "
                                "should read \"DH, 4096 bits\"."),
                 QStringLiteral("/nowhere.pem stays on disk, no longer used.")}));
    QCOMPARE(DovecotFixes::checkCommand(QStringLiteral("2001:db8::1"), 995),
             QStringLiteral("openssl s_client -connect [2001:db8::1]:995 -tls1_2 -cipher DHE -brief </dev/null"));
}

void TestDovecotFixes::withoutDoveadm()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl = yes\n"));
    DovecotInspectionResult r = handMadeInspection(dir.path());
    r.doveadmProgram.clear();
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QString pkill = QStandardPaths::findExecutable(QStringLiteral("pkill"));
    if (pkill.isEmpty())
        pkill = QStringLiteral("pkill");
    QCOMPARE(plan->reloadCommand,
             (QStringList {pkill, QStringLiteral("--signal"), QStringLiteral("HUP"), QStringLiteral("-F"),
                           dir.filePath(QStringLiteral("run/master.pid")), QStringLiteral("-x"),
                           QStringLiteral("dovecot")}));
    // Added to the main file, the only one there is.
    QCOMPARE(plan->edits.at(1).after,
             expand("ssl = yes\n# Added by MailTLS\nssl_dh = <@DIR@/dh_ffdhe3072.pem\n", dir.path()));
}

void TestDovecotFixes::notesForOverridesAndDheOff()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")),
                      "ssl_dh = </weak.pem\nprotocol imap {\n  ssl_dh = </imap.pem\n}\n"
                      "ssl_cipher_list = ALL:!DH:!aNULL\n"));
    const DovecotInspectionResult r = handMadeInspection(dir.path());
    QVERIFY(!r.dheOffered);
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->notes.mid(0, 2),
             (QStringList {QStringLiteral("DHE is switched off (ssl_cipher_list): Dovecot uses the group only when "
                                          "DHE is switched on again."),
                           QStringLiteral("\"protocol imap\" sets its own ssl_dh (dovecot.conf line 3): this change "
                                          "does not reach it.")}));
    // The global line changes; the filter's stays.
    QCOMPARE(plan->edits.at(1).after,
             expand("ssl_dh = <@DIR@/dh_ffdhe3072.pem\nprotocol imap {\n  ssl_dh = </imap.pem\n}\n"
                    "ssl_cipher_list = ALL:!DH:!aNULL\n",
                    dir.path()));
}

void TestDovecotFixes::sameGroupElsewhere()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("mine.pem")), rfc7919(QStringLiteral("ffdhe3072"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl_dh = <mine.pem\n"));
    QString error;
    const std::optional<ChangePlan> plan
        = DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());
    // Another group is a change.
    const std::optional<ChangePlan> other
        = DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe4096")), &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(other->edits.size(), 2);
}

void TestDovecotFixes::existingGroupFile()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl_dh = </old.pem\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dh_ffdhe3072.pem")), "not a group\n"));
    QString error;
    std::optional<ChangePlan> plan
        = DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.at(0).before, QByteArray("not a group\n"));
    QCOMPARE(plan->edits.at(0).after, rfc7919(QStringLiteral("ffdhe3072")));

    // The file is right already: only the configuration changes.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dh_ffdhe3072.pem")), rfc7919(QStringLiteral("ffdhe3072"))));
    plan = DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.size(), 1);
    QCOMPARE(plan->edits.constFirst().path, dir.filePath(QStringLiteral("dovecot.conf")));
    QCOMPARE(plan->requiredFiles.size(), 1);
}

void TestDovecotFixes::dovecot24()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")),
                      "dovecot_config_version = 2.4.1\nssl_server_dh_file = /etc/ssl/dh1024.pem\n"));
    const DovecotInspectionResult r = handMadeInspection(dir.path(), QStringLiteral("2.4.1 (7d8c0e5759)"));
    QVERIFY(r.usesServerSettings());
    QCOMPARE(r.dhFile, QStringLiteral("/etc/ssl/dh1024.pem"));
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.at(1).after,
             expand("dovecot_config_version = 2.4.1\nssl_server_dh_file = @DIR@/dh_ffdhe3072.pem\n", dir.path()));
    QCOMPARE(plan->edits.at(1).parameters, QList<QByteArray> {"ssl_server_dh_file"});
    QCOMPARE(plan->requiredFiles.constFirst().parameter, QByteArray("ssl_server_dh_file"));
    QCOMPARE(plan->validateCommands.at(1).constLast(), QStringLiteral("ssl_server_dh_file"));

    QVERIFY(writeEdits(*plan));
    const std::optional<ChangePlan> again
        = DovecotFixes::logjam(handMadeInspection(dir.path(), QStringLiteral("2.4.1 (7d8c0e5759)")),
                               group(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->isEmpty());
}

void TestDovecotFixes::autoIsRefused_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("reason");

    QTest::newRow("2.3") << QStringLiteral("2.3.19.1 (9b53102964)")
                         << QStringLiteral("Dovecot 2.3.19.1 has no automatic group: without ssl_dh a client that asks "
                                           "for DHE gets no handshake at all. Choose an RFC 7919 group such as "
                                           "ffdhe3072.");
    QTest::newRow("2.4") << QStringLiteral("2.4.1 (7d8c0e5759)")
                         << QStringLiteral("Dovecot 2.4.1 has no automatic group: leaving ssl_server_dh_file unset "
                                           "turns DHE off instead. Choose an RFC 7919 group such as ffdhe3072.");
}

void TestDovecotFixes::autoIsRefused()
{
    QFETCH(QString, version);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl = yes\n"));
    const DovecotInspectionResult r = handMadeInspection(dir.path(), version);
    DhChoice choice;
    choice.kind = DhChoice::Kind::Auto;
    QString error;
    QVERIFY(!DovecotFixes::logjam(r, choice, &error));
    QCOMPARE(error, reason);
    QCOMPARE(DovecotFixes::autoDhUnavailableReason(r), reason);
    const DovecotService service(r);
    QVERIFY(!service.autoDhAvailable());
    QCOMPARE(service.autoDhUnavailableReason(), reason);
}

void TestDovecotFixes::badChoices()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "ssl = yes\n"));
    const DovecotInspectionResult r = handMadeInspection(dir.path());
    QString error;
    DhChoice small;
    small.kind = DhChoice::Kind::Generated;
    small.pem = fixplantest::oakley2Pem();
    QVERIFY(!DovecotFixes::logjam(r, small, &error));
    QCOMPARE(error, QStringLiteral("the new DH group has only 1024 bits; at least 2048 are needed"));
    DhChoice garbage;
    garbage.kind = DhChoice::Kind::Generated;
    garbage.pem = "-----BEGIN DH PARAMETERS-----\nAAAA\n-----END DH PARAMETERS-----\n";
    QVERIFY(!DovecotFixes::logjam(r, garbage, &error));
    QVERIFY(error.startsWith(QStringLiteral("the new DH parameters are not usable: ")));
    QVERIFY(!DovecotFixes::logjam(r, group(QStringLiteral("ffdhe1024")), &error));
    QVERIFY(!error.isEmpty());
}

void TestDovecotFixes::failedInspection()
{
    DovecotInspectionResult r;
    r.error = QStringLiteral("there is no dovecot.conf in /etc/dovecot");
    QString error;
    QVERIFY(!DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error, r.error);
    r.error.clear();
    QVERIFY(!DovecotFixes::logjam(r, group(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error, QStringLiteral("Dovecot has not been inspected"));
}

void TestDovecotFixes::noGlobalPlace()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), "service imap-login {\n  ssl = yes\n"));
    QString error;
    QVERIFY(!DovecotFixes::logjam(handMadeInspection(dir.path()), group(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error,
             QStringLiteral("There is no place outside every section to add ssl_dh: the configuration's braces "
                            "do not balance."));
}

void TestDovecotFixes::service()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")),
                      "listen = 192.0.2.7\nssl_cert = </c.pem\nssl_key = </k.pem\n"));
    const DovecotService service(handMadeInspection(dir.path()));
    QCOMPARE(service.kind(), MailService::Kind::Dovecot);
    QCOMPARE(service.versionText(), QStringLiteral("Dovecot 2.3.19.1 with OpenSSL 3.0.22 25 Aug 2026"));
    QCOMPARE(service.configDirectory(), dir.path());
    QCOMPARE(service.running(), MailService::Running::Yes);
    QVERIFY(service.offers(MailService::Fix::Logjam));
    QVERIFY(!service.offers(MailService::Fix::StartTls));
    QVERIFY(!service.offers(MailService::Fix::TlsLogging));
    QVERIFY(service.hasServerCertificate());
    QCOMPARE(service.listenAddress(), QStringLiteral("192.0.2.7"));
    QCOMPARE(service.probePort(), quint16(993));
    QString error;
    QVERIFY(!service.plan(MailService::Fix::StartTls, DhChoice(), QStringLiteral("/c.pem"), QStringLiteral("/k.pem"),
                          &error));
    QCOMPARE(error, QStringLiteral("Dovecot has no starttls fix: it is not a setting of Dovecot."));
    QVERIFY(!service.plan(MailService::Fix::TlsLogging, DhChoice(), QString(), QString(), &error));
    QCOMPARE(error, QStringLiteral("Dovecot has no tls-logging fix: it is not a setting of Dovecot."));
    QVERIFY(!service.starttls(QString(), QString(), &error));
    QVERIFY(!service.tlsLogging(&error));
    const std::optional<ChangePlan> plan
        = service.plan(MailService::Fix::Logjam, DhChoice(), QString(), QString(), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->verification.address, QStringLiteral("192.0.2.7"));
    QCOMPARE(service.findings().size(), service.inspection().findings.size());
}

QTEST_GUILESS_MAIN(TestDovecotFixes)
#include "tst_dovecotfixes.moc"
