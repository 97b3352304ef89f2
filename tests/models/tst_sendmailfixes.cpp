#include <sys/stat.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/planapplier.h"
#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailfixes.h"
#include "models/mta/sendmailinspection.h"
#include "models/sources/localcommandhost.h"
#include "tests/models/fixplantestutil.h"
#include "tests/models/tst_sendmailns.h"

using namespace mailtls;
using namespace mailtls::testutil;

namespace {

const QString mcPath = QStringLiteral("/etc/mail/sendmail.mc");
const QString cfPath = QStringLiteral("/etc/mail/sendmail.cf");
const QByteArray added = "dnl # Added by MailTLS\n";
const QByteArray startTlsInclude = "include(`/etc/mail/tls/starttls.m4')dnl\n";
const QByteArray mailerDefinitions = "dnl # Default Mailer setup\nMAILER_DEFINITIONS\n";

SendmailInspectionResult inspect()
{
    return SendmailInspection::read(std::make_shared<LocalCommandHost>(), QString());
}

DhChoice rfc7919(const QString &group)
{
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    choice.group = group;
    return choice;
}

DhChoice automatic()
{
    DhChoice choice;
    choice.kind = DhChoice::Kind::Auto;
    return choice;
}

QByteArray ffdhe(const QString &group)
{
    QString error;
    return DhParameters::rfc7919Pem(group, &error);
}

// `from` with `before` replaced by `after` exactly once.
QByteArray replacedOnce(const QByteArray &from, const QByteArray &before, const QByteArray &after)
{
    if (from.count(before) != 1)
        qFatal("test data: \"%s\" is not in the text exactly once", before.constData());
    QByteArray result = from;
    result.replace(before, after);
    return result;
}

const FileEdit *editOf(const ChangePlan &plan, const QString &path)
{
    for (const FileEdit &edit : plan.edits)
        if (edit.path == path)
            return &edit;
    return nullptr;
}

QStringList paths(const ChangePlan &plan)
{
    QStringList result;
    for (const FileEdit &edit : plan.edits)
        result.append(edit.path);
    return result;
}

// Writes the plan's files as PlanApplier would (without its checks).
bool writeEdits(const ChangePlan &plan)
{
    for (const FileEdit &edit : plan.edits)
        if (edit.after && !writeFile(edit.path, *edit.after))
            return false;
    return true;
}

// The sendmail.cf Debian's Makefile builds from `mc` (written to
// sendmail.mc for the purpose, then put back).
QByteArray debianBuild(const QByteArray &mc)
{
    const QByteArray oldMc = readFile(mcPath);
    const QByteArray oldCf = readFile(cfPath);
    writeFile(mcPath, mc);
    QString error;
    const bool ok = makeCf(&error);
    const QByteArray cf = readFile(cfPath);
    writeFile(mcPath, oldMc);
    writeFile(cfPath, oldCf);
    return ok ? cf : QByteArray(qPrintable(error));
}

// The plan is made, written, and made again from what was written: nothing.
void checkIdempotent(const ChangePlan &plan,
                     const std::function<std::optional<ChangePlan>(const SendmailInspectionResult &, QString *)> &again)
{
    QVERIFY(writeEdits(plan));
    const SendmailInspectionResult after = inspect();
    QVERIFY2(after.ok, qPrintable(after.error));
    QVERIFY(!after.cfIsStale());
    QString error;
    const std::optional<ChangePlan> second = again(after, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY2(second->isEmpty(), qPrintable(paths(*second).join(QLatin1Char(' '))));
}

} // namespace

class TestSendmailFixes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void logjamOverridesStartTls();
    void logjamPlaces_data();
    void logjamPlaces();
    void logjamNothingToDo();
    void logjamAuto();
    void logjamRefused();
    void starttls();
    void tlsLogging();
    void m4Complaints();
    void applied();
    void validationRollsBack();
};

void TestSendmailFixes::initTestCase()
{
    if (sendmailNamespaceRoot().isEmpty())
        QSKIP(qPrintable(sendmailNamespaceUnavailable()));
}

void TestSendmailFixes::logjamOverridesStartTls()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    const QString dhFile = QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem");
    QCOMPARE(paths(*plan), QStringList({dhFile, mcPath, cfPath}));

    const FileEdit &group = plan->edits.at(0);
    QVERIFY(group.createsFile());
    QCOMPARE(*group.after, ffdhe(QStringLiteral("ffdhe3072")));
    QCOMPARE(group.summary, QStringList {QStringLiteral("DH parameters: ffdhe3072 (RFC 7919, 3072 bits)")});

    // starttls.m4 sets confDH_PARAMETERS: sendmail.mc sets it again right
    // after including it; starttls.m4 stays as it is.
    const FileEdit &mc = plan->edits.at(1);
    QCOMPARE(*mc.before, r.mc);
    const QByteArray expectedMc
        = replacedOnce(r.mc, startTlsInclude,
                       startTlsInclude + added + "define(`confDH_PARAMETERS', `/etc/mail/tls/dh_ffdhe3072.pem')dnl\n");
    QCOMPARE(*mc.after, expectedMc);
    QCOMPARE(mc.summary,
             QStringList {QStringLiteral("define(`confDH_PARAMETERS', `/etc/mail/tls/dh_ffdhe3072.pem')dnl")});
    QCOMPARE(mc.parameters, QList<QByteArray> {"confDH_PARAMETERS"});

    // sendmail.cf is what Debian's Makefile builds from the new sendmail.mc.
    const FileEdit &cf = plan->edits.at(2);
    QCOMPARE(*cf.before, r.cf);
    QVERIFY(SendmailCf::sameBuild(*cf.after, debianBuild(expectedMc)));
    QCOMPARE(SendmailCf::option(*cf.after, "DHParameters").value_or(QString()), dhFile);
    QCOMPARE(SendmailCf::differentOptions(r.cf, *cf.after),
             QStringList({QStringLiteral("O DHParameters=/etc/mail/tls/sendmail-common.prm"),
                          QStringLiteral("O DHParameters=/etc/mail/tls/dh_ffdhe3072.pem")}));
    QCOMPARE(cf.parameters, QList<QByteArray> {"DHParameters"});

    QCOMPARE(plan->mta, QStringLiteral("Sendmail"));
    QCOMPARE(plan->validateCommands, QList<QStringList> {r.validateCommand()});
    QCOMPARE(plan->statusCommand, r.statusCommand());
    QCOMPARE(plan->reloadCommand,
             QStringList({QStringLiteral("/usr/sbin/start-stop-daemon"), QStringLiteral("--stop"),
                          QStringLiteral("--signal"), QStringLiteral("HUP"), QStringLiteral("--quiet"),
                          QStringLiteral("--pidfile"), QStringLiteral("/var/run/sendmail/mta/sendmail.pid"),
                          QStringLiteral("--exec"), QStringLiteral("/usr/sbin/sendmail-mta")}));
    QCOMPARE(plan->requiredFiles.size(), 1);
    QCOMPARE(plan->requiredFiles.at(0).parameter, QByteArray("confDH_PARAMETERS"));
    QCOMPARE(plan->requiredFiles.at(0).path, dhFile);
    QCOMPARE(plan->verification.check, ChangePlan::Check::DhGroup);
    QCOMPARE(plan->verification.expectedPrime, DhParameters::inspect(ffdhe(QStringLiteral("ffdhe3072"))).prime);
    QCOMPARE(plan->verification.expectedGroupName, QStringLiteral("ffdhe3072"));
    QCOMPARE(plan->verification.address, QStringLiteral("127.0.0.1"));
    QCOMPARE(plan->verification.port, quint16(25));
    QCOMPARE(plan->notes,
             QStringList({QStringLiteral("/etc/mail/tls/starttls.m4 sets confDH_PARAMETERS to "
                                         "/etc/mail/tls/sendmail-common.prm; sendmail.mc now sets it again right after "
                                         "including that file, and the later define is the one Sendmail uses "
                                         "(Debian's sendmailconfig rewrites /etc/mail/tls/starttls.m4, so it is not "
                                         "edited there)."),
                          QStringLiteral("/etc/mail/tls/sendmail-common.prm stays on disk, no longer used: delete it "
                                         "when you like.")}));

    checkIdempotent(*plan, [](const SendmailInspectionResult &again, QString *e) {
        return SendmailFixes::logjam(again, rfc7919(QStringLiteral("ffdhe3072")), e);
    });
    // ffdhe4096 after it: the define added before changes in place.
    const SendmailInspectionResult now = inspect();
    const std::optional<ChangePlan> bigger = SendmailFixes::logjam(now, rfc7919(QStringLiteral("ffdhe4096")), &error);
    QVERIFY2(bigger, qPrintable(error));
    QCOMPARE(*editOf(*bigger, mcPath)->after,
             replacedOnce(expectedMc, "`/etc/mail/tls/dh_ffdhe3072.pem'", "`/etc/mail/tls/dh_ffdhe4096.pem'"));
}

void TestSendmailFixes::logjamPlaces_data()
{
    QTest::addColumn<bool>("includeStartTls");
    QTest::addColumn<QByteArray>("define");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");

    const QByteArray line = "define(`confDH_PARAMETERS', `/etc/mail/tls/dh_ffdhe3072.pem')dnl\n";
    QTest::newRow("no define anywhere: before the mailers")
        << false << QByteArray() << mailerDefinitions
        << "dnl # Default Mailer setup\n" + added + line + "MAILER_DEFINITIONS\n";
    QTest::newRow("the admin's define in sendmail.mc: in place")
        << false << QByteArray("define(`confDH_PARAMETERS',`/etc/mail/dh1024.pem')dnl # mine\n")
        << QByteArray("define(`confDH_PARAMETERS',`/etc/mail/dh1024.pem')dnl # mine\n")
        << QByteArray("define(`confDH_PARAMETERS',`/etc/mail/tls/dh_ffdhe3072.pem')dnl # mine\n");
    QTest::newRow("the admin's define after the starttls.m4 include: in place")
        << true << QByteArray("define(`confDH_PARAMETERS', `none')dnl\n")
        << QByteArray("define(`confDH_PARAMETERS', `none')dnl\n") << line;
}

void TestSendmailFixes::logjamPlaces()
{
    QFETCH(bool, includeStartTls);
    QFETCH(QByteArray, define);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QString error;
    QList<QPair<QByteArray, QByteArray>> edits;
    if (!define.isEmpty())
        edits.append({mailerDefinitions, "dnl # Default Mailer setup\n" + define + "MAILER_DEFINITIONS\n"});
    QVERIFY2(makeDebianConfig(&error, edits, includeStartTls), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(paths(*plan), QStringList({QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem"), mcPath, cfPath}));
    QCOMPARE(*editOf(*plan, mcPath)->after, replacedOnce(r.mc, before, after));
    QCOMPARE(SendmailCf::option(*editOf(*plan, cfPath)->after, "DHParameters").value_or(QString()),
             QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem"));
    checkIdempotent(*plan, [](const SendmailInspectionResult &again, QString *e) {
        return SendmailFixes::logjam(again, rfc7919(QStringLiteral("ffdhe3072")), e);
    });
}

void TestSendmailFixes::logjamNothingToDo()
{
    // The file in use holds ffdhe3072 already, under a name of its own.
    QString error;
    QVERIFY2(makeDebianConfig(&error, {}, true, ffdhe(QStringLiteral("ffdhe3072"))), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::Rfc7919);
    std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());
    QCOMPARE(plan->verification.expectedGroupName, QStringLiteral("ffdhe3072"));

    // Another group: a new file, and sendmail.mc names it.
    plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe4096")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(paths(*plan), QStringList({QStringLiteral("/etc/mail/tls/dh_ffdhe4096.pem"), mcPath, cfPath}));

    // A group of its own (--bits): DIR/tls/dh_BITS.pem.
    DhChoice generated;
    generated.kind = DhChoice::Kind::Generated;
    generated.pem = fixplantest::ownGroupPem(2048);
    plan = SendmailFixes::logjam(r, generated, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(paths(*plan), QStringList({QStringLiteral("/etc/mail/tls/dh_2048.pem"), mcPath, cfPath}));
    QCOMPARE(*plan->edits.at(0).after, generated.pem);
    QCOMPARE(plan->verification.expectedGroupName, QStringLiteral("the new 2048-bit group"));
}

void TestSendmailFixes::logjamAuto()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    std::optional<ChangePlan> plan = SendmailFixes::logjam(r, automatic(), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->title, QStringLiteral("Let Sendmail make a fresh 2048-bit Diffie-Hellman group at each start"));
    QCOMPARE(paths(*plan), QStringList({mcPath, cfPath}));
    QCOMPARE(*plan->edits.at(0).after,
             replacedOnce(r.mc, startTlsInclude, startTlsInclude + added + "define(`confDH_PARAMETERS', `2')dnl\n"));
    QCOMPARE(SendmailCf::option(*plan->edits.at(1).after, "DHParameters").value_or(QString()), QStringLiteral("2"));
    QVERIFY(plan->requiredFiles.isEmpty());
    QCOMPARE(plan->verification.expectedPrime, QByteArray());
    QCOMPARE(plan->verification.minimumDhBits, 2048);
    QVERIFY(plan->notes.contains(QStringLiteral("/etc/mail/tls/sendmail-common.prm stays on disk, no longer used: "
                                                "delete it when you like.")));
    checkIdempotent(*plan, [](const SendmailInspectionResult &again, QString *e) {
        return SendmailFixes::logjam(again, automatic(), e);
    });

    // "2048" is "2" to Sendmail (only the first character counts).
    QVERIFY2(makeDebianConfig(&error,
                              {{mailerDefinitions,
                                "dnl # Default Mailer setup\ndefine(`confDH_PARAMETERS', "
                                "`2048')dnl\nMAILER_DEFINITIONS\n"}},
                              false),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    r = inspect();
    plan = SendmailFixes::logjam(r, automatic(), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());

    // Before 8.14.8 there is no "2".
    r.versionNumbers = {8, 14, 7};
    r.version = QStringLiteral("8.14.7");
    plan = SendmailFixes::logjam(r, automatic(), &error);
    QVERIFY(!plan);
    QCOMPARE(error,
             QStringLiteral("--group auto needs Sendmail 8.14.8 or later (DHParameters=2), and this is "
                            "Sendmail 8.14.7 with OpenSSL 3.0.%1: choose an RFC 7919 group such as ffdhe3072")
                 .arg((r.opensslLinked >> 4) & 0xff));
}

void TestSendmailFixes::logjamRefused()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));

    DhChoice broken;
    broken.kind = DhChoice::Kind::Generated;
    broken.pem = "-----BEGIN DH PARAMETERS-----\nAAAA\n-----END DH PARAMETERS-----\n";
    QVERIFY(!SendmailFixes::logjam(r, broken, &error));
    QVERIFY2(error.startsWith(QStringLiteral("the new DH parameters are not usable: ")), qPrintable(error));
    broken.pem = fixplantest::oakley2Pem();
    QVERIFY(!SendmailFixes::logjam(r, broken, &error));
    QCOMPARE(error, QStringLiteral("the new DH group has only 1024 bits; at least 2048 are needed"));

    // A define m4 never reaches (inside an ifdef that is false) cannot carry
    // the change: the plan is refused, nothing is written.
    QVERIFY2(makeDebianConfig(&error,
                              {{mailerDefinitions,
                                "dnl # Default Mailer setup\nifdef(`NEVER_DEFINED', `dnl\n"
                                "define(`confDH_PARAMETERS', `none')dnl\n')dnl\n"
                                "MAILER_DEFINITIONS\n"}},
                              false),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    r = inspect();
    QVERIFY(!SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error,
             QStringLiteral("sendmail.mc was changed to set confDH_PARAMETERS, but m4 builds a sendmail.cf "
                            "with DHParameters = (nothing): another part of sendmail.mc decides it (a later "
                            "define, or an ifdef around this one)"));
    QVERIFY(!QFile::exists(QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem")));

    // No sendmail.mc to change.
    QVERIFY(QFile::remove(mcPath));
    r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error,
             QStringLiteral("there is no sendmail.mc in /etc/mail: MailTLS changes sendmail.mc and builds "
                            "sendmail.cf from it"));

    // A Sendmail without STARTTLS.
    r.compiledWith.removeAll(QStringLiteral("STARTTLS"));
    QVERIFY(!SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error));
    QCOMPARE(error, QStringLiteral("Sendmail 8.17.1.9 was built without STARTTLS: there is no TLS to configure"));
}

void TestSendmailFixes::starttls()
{
    QString error;
    // Debian's sendmail.mc without starttls.m4: no certificate, no CA.
    QVERIFY2(makeDebianConfig(&error, {}, false), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!SendmailFixes::starttls(r, QString(), QString(), &error));
    QCOMPARE(error,
             QStringLiteral("Sendmail has no certificate to offer: give one with --cert FILE --key FILE (for "
                            "example Let's Encrypt's fullchain.pem and privkey.pem)"));
    QVERIFY(!SendmailFixes::starttls(r, QStringLiteral("/etc/mail/tls/sendmail-server.crt"), QString(), &error));
    QCOMPARE(error, QStringLiteral("give the certificate and its key together (--cert FILE --key FILE)"));
    QVERIFY(!SendmailFixes::starttls(r, QStringLiteral("tls/a.crt"), QStringLiteral("tls/a.key"), &error));
    QCOMPARE(error, QStringLiteral("tls/a.crt is not an absolute path; Sendmail needs one"));

    const QString cert = QStringLiteral("/etc/mail/tls/sendmail-server.crt");
    const QString key = QStringLiteral("/etc/mail/tls/sendmail-common.key");
    std::optional<ChangePlan> plan = SendmailFixes::starttls(r, cert, key, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->title, QStringLiteral("Offer STARTTLS"));
    QCOMPARE(paths(*plan), QStringList({mcPath, cfPath}));
    QCOMPARE(*plan->edits.at(0).after,
             replacedOnce(r.mc, mailerDefinitions,
                          "dnl # Default Mailer setup\n" + added
                              + "define(`confSERVER_CERT', `/etc/mail/tls/sendmail-server.crt')dnl\n"
                                "define(`confSERVER_KEY', `/etc/mail/tls/sendmail-common.key')dnl\n"
                                "define(`confCACERT_PATH', `/etc/ssl/certs')dnl\n"
                                "define(`confCACERT', `/etc/mail/tls/sendmail-server.crt')dnl\n"
                                "MAILER_DEFINITIONS\n"));
    const QByteArray newCf = *plan->edits.at(1).after;
    QCOMPARE(SendmailCf::option(newCf, "ServerCertFile").value_or(QString()), cert);
    QCOMPARE(SendmailCf::option(newCf, "ServerKeyFile").value_or(QString()), key);
    QCOMPARE(SendmailCf::option(newCf, "CACertPath").value_or(QString()), QStringLiteral("/etc/ssl/certs"));
    QCOMPARE(SendmailCf::option(newCf, "CACertFile").value_or(QString()), cert);
    QCOMPARE(plan->requiredFiles.size(), 3);
    QCOMPARE(plan->verification.check, ChangePlan::Check::StartTls);
    // Debian's key is group-readable (0640), which Sendmail refuses unless
    // told otherwise (starttls.m4 does; this sendmail.mc does not).
    QCOMPARE(plan->notes,
             QStringList {QStringLiteral("Sendmail refuses a key file others may read (\"file "
                                         "/etc/mail/tls/sendmail-common.key unsafe\"): chmod 600 "
                                         "/etc/mail/tls/sendmail-common.key (or 640 with confDONT_BLAME_SENDMAIL "
                                         "GroupReadableKeyFile, as Debian's starttls.m4 sets it).")});
    checkIdempotent(*plan, [cert, key](const SendmailInspectionResult &again, QString *e) {
        return SendmailFixes::starttls(again, cert, key, e);
    });

    // With Debian's starttls.m4: the certificate it names is overridden
    // after the include; its CA settings stay.
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    QVERIFY(writeFile(QStringLiteral("/etc/mail/tls/le.crt"), readFile(cert)));
    QVERIFY(writeFile(QStringLiteral("/etc/mail/tls/le.key"), readFile(key), 0600));
    r = inspect();
    plan = SendmailFixes::starttls(r, QStringLiteral("/etc/mail/tls/le.crt"), QStringLiteral("/etc/mail/tls/le.key"),
                                   &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(*plan->edits.at(0).after,
             replacedOnce(r.mc, startTlsInclude,
                          startTlsInclude + added + "define(`confSERVER_CERT', `/etc/mail/tls/le.crt')dnl\n"
                              + "define(`confSERVER_KEY', `/etc/mail/tls/le.key')dnl\n"));
    QCOMPARE(plan->notes.size(), 2);
    // The certificate it has already: nothing to change.
    plan = SendmailFixes::starttls(r, QString(), QString(), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());
}

void TestSendmailFixes::tlsLogging()
{
    QString error;
    const QByteArray level8 = "define(`confLOG_LEVEL', `8')dnl\n";
    QVERIFY2(makeDebianConfig(&error,
                              {{mailerDefinitions, "dnl # Default Mailer setup\n" + level8 + "MAILER_DEFINITIONS\n"}}),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QCOMPARE(r.logLevel, 8);
    std::optional<ChangePlan> plan = SendmailFixes::tlsLogging(r, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->title, QStringLiteral("Log TLS sessions"));
    QCOMPARE(plan->verification.check, ChangePlan::Check::None);
    QCOMPARE(paths(*plan), QStringList({mcPath, cfPath}));
    QCOMPARE(*plan->edits.at(0).after, replacedOnce(r.mc, level8, "define(`confLOG_LEVEL', `9')dnl\n"));
    QCOMPARE(SendmailCf::differentOptions(r.cf, *plan->edits.at(1).after),
             QStringList({QStringLiteral("O LogLevel=8"), QStringLiteral("O LogLevel=9")}));
    checkIdempotent(
        *plan, [](const SendmailInspectionResult &again, QString *e) { return SendmailFixes::tlsLogging(again, e); });

    // A higher level stays.
    QVERIFY2(makeDebianConfig(&error,
                              {{mailerDefinitions,
                                "dnl # Default Mailer setup\ndefine(`confLOG_LEVEL', "
                                "`12')dnl\nMAILER_DEFINITIONS\n"}}),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    r = inspect();
    plan = SendmailFixes::tlsLogging(r, &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());

    // sendmail.mc says 9 already, sendmail.cf is older and says 8: only
    // sendmail.cf is built again.
    QVERIFY2(makeDebianConfig(&error,
                              {{mailerDefinitions, "dnl # Default Mailer setup\n" + level8 + "MAILER_DEFINITIONS\n"}}),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    QVERIFY(writeFile(mcPath, replacedOnce(readFile(mcPath), level8, "define(`confLOG_LEVEL', `9')dnl\n")));
    r = inspect();
    QVERIFY(r.cfIsStale());
    plan = SendmailFixes::tlsLogging(r, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(paths(*plan), QStringList {cfPath});
    QCOMPARE(SendmailCf::option(*plan->edits.at(0).after, "LogLevel").value_or(QString()), QStringLiteral("9"));
    QCOMPARE(plan->notes,
             QStringList {QStringLiteral("sendmail.cf was older than sendmail.mc: the new sendmail.cf "
                                         "also puts these earlier changes of sendmail.mc in force: O "
                                         "LogLevel=8; O LogLevel=9")});
}

void TestSendmailFixes::m4Complaints()
{
    // Debian's sendmail.mc includes /etc/mail/m4/dialup.m4; without it m4
    // complains, and Debian's Makefile installs its output all the same.
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY(QFile::remove(QStringLiteral("/etc/mail/m4/dialup.m4")));
    const QByteArray output = run({QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("cd /etc/mail && m4 sendmail.mc 2>/dev/null; true")},
                                  &error);
    QVERIFY(!output.isEmpty());
    QVERIFY(
        writeFile(cfPath, SendmailCf::withDebianTrailer(output, "### /etc/mail/sendmail.mc ###", readFile(mcPath))));
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.buildErrors,
             QStringLiteral("/usr/bin/m4:/etc/mail/sendmail.mc:97: cannot open "
                            "`/etc/mail/m4/dialup.m4': No such file or directory"));
    QVERIFY(!r.cfIsStale());
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(paths(*plan), QStringList({QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem"), mcPath, cfPath}));
    QVERIFY(plan->notes.contains(QStringLiteral("m4 says, as it did before the change: /usr/bin/m4:/etc/mail/"
                                                "sendmail.mc:97: cannot open `/etc/mail/m4/dialup.m4': No such file or "
                                                "directory")));
}

void TestSendmailFixes::applied()
{
    // Through PlanApplier, Sendmail not running: written, validated by the
    // real sendmail -bt, no reload, no probe.
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult r = inspect();
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QTemporaryDir backups;
    PlanApplier applier;
    applier.setBackupRoot(backups.path());
    QSignalSpy finished(&applier, &PlanApplier::finished);
    QVERIFY(applier.apply(*plan));
    QVERIFY(finished.wait(60000));
    const auto result = finished.at(0).at(0).value<PlanApplier::Result>();
    QVERIFY2(result.succeeded, qPrintable(result.message + QLatin1Char('\n') + result.output));
    QStringList steps;
    for (const PlanApplier::StepResult &step : result.steps)
        steps.append(PlanApplier::stepName(step.step) + QLatin1Char(' ')
                     + (step.outcome == PlanApplier::Outcome::Ok            ? QStringLiteral("ok")
                            : step.outcome == PlanApplier::Outcome::Skipped ? QStringLiteral("skipped")
                                                                            : QStringLiteral("failed")));
    QCOMPARE(steps,
             QStringList({QStringLiteral("backup ok"), QStringLiteral("write ok"), QStringLiteral("validate ok"),
                          QStringLiteral("reload skipped"), QStringLiteral("verify skipped")}));
    QCOMPARE(readFile(mcPath), *plan->edits.at(1).after);
    QCOMPARE(readFile(cfPath), *plan->edits.at(2).after);
    QCOMPARE(readFile(QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem")), ffdhe(QStringLiteral("ffdhe3072")));
}

void TestSendmailFixes::validationRollsBack()
{
    // The admin's unfinished edit: an option Sendmail does not know, in
    // LOCAL_CONFIG, sendmail.cf not built since. The plan's sendmail.cf
    // carries it; sendmail -bt refuses it; everything goes back.
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const QByteArray mc = readFile(mcPath) + "LOCAL_CONFIG\nO NoSuchOption=1\n";
    QVERIFY(writeFile(mcPath, mc));
    QVERIFY(::chmod(QFile::encodeName(cfPath).constData(), 0640) == 0);
    const QByteArray cf = readFile(cfPath);
    const SendmailInspectionResult r = inspect();
    QVERIFY(r.cfIsStale());
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, rfc7919(QStringLiteral("ffdhe3072")), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(editOf(*plan, cfPath)->after->contains("\nO NoSuchOption=1\n"));
    QTemporaryDir backups;
    PlanApplier applier;
    applier.setBackupRoot(backups.path());
    QSignalSpy finished(&applier, &PlanApplier::finished);
    QVERIFY(applier.apply(*plan));
    QVERIFY(finished.wait(60000));
    const auto result = finished.at(0).at(0).value<PlanApplier::Result>();
    QVERIFY(!result.succeeded);
    QVERIFY(result.rolledBack);
    QCOMPARE(result.failedStep, std::optional<PlanApplier::Step>(PlanApplier::Step::Validate));
    QCOMPARE(result.message,
             QStringLiteral("/usr/sbin/sendmail-mta -C /etc/mail/sendmail.cf -bt -d0.1 failed (exit "
                            "status 70)"));
    QVERIFY2(result.output.contains(QStringLiteral("readcf: unknown option name NoSuchOption")),
             qPrintable(result.output));
    QCOMPARE(readFile(mcPath), mc);
    QCOMPARE(readFile(cfPath), cf);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(cfPath).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 07777), 0640);
    QVERIFY(!QFile::exists(QStringLiteral("/etc/mail/tls/dh_ffdhe3072.pem")));
}

int main(int argc, char *argv[])
{
    const int status = runInSendmailNamespace(argc, argv);
    if (status >= 0)
        return status;
    QCoreApplication app(argc, argv);
    TestSendmailFixes test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sendmailfixes.moc"
