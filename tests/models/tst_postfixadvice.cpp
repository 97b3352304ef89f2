#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/postfixadvice.h"
#include "models/tls/dhparameters.h"

using namespace mailtls;
using namespace fixplantest;

// What an inspected Postfix configuration is told: the findings (code and
// severity) for each kind of setting, and the version-aware DH advice.
class TestPostfixAdvice : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void weakGroupFinding();
    void dhAdvice_data();
    void dhAdvice();
};

namespace {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return QString();
}

QByteArray pemOf(const QString &kind)
{
    QString ignored;
    if (kind == QLatin1String("oakley2"))
        return oakley2Pem();
    if (kind == QLatin1String("own2048"))
        return ownGroupPem(2048);
    if (kind == QLatin1String("own1024"))
        return ownGroupPem(1024);
    if (kind == QLatin1String("junk"))
        return QByteArray("not a PEM file\n");
    if (kind == QLatin1String("cert"))
        return QByteArray("(a certificate)\n");
    return DhParameters::rfc7919Pem(kind, &ignored);
}

} // namespace

void TestPostfixAdvice::findings_data()
{
    // %1 in main.cf is the configuration folder, which holds `files`.
    QTest::addColumn<QString>("mainCf");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("openssl");
    QTest::addColumn<QString>("running");
    QTest::addColumn<QStringList>("overrides");
    QTest::addColumn<QStringList>("codes");

    const QString v37 = QStringLiteral("3.7.11");
    const QString ossl3 = QStringLiteral("OpenSSL 3.0.22 25 Aug 2026");
    const QString tls = QStringLiteral("smtpd_tls_cert_file = %1/mx.pem\nsmtpd_tls_key_file = %1/mx.key\n"
                                       "smtpd_tls_security_level = may\nsmtp_tls_security_level = may\n");
    const QString logged = QStringLiteral("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n");
    const QStringList certs {QStringLiteral("mx.pem=cert"), QStringLiteral("mx.key=cert")};
    const QString version = QStringLiteral("postfix-version:info");

    QTest::newRow("Debian's TLS settings, logging off")
        << tls << certs << v37 << ossl3 << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-auto:info"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-off:medium"), QStringLiteral("smtp-tls-log-off:medium")};
    QTest::newRow("a shared 1024-bit group, no TLS, not running")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + logged
        << QStringList {QStringLiteral("dh.pem=oakley2")} << v37 << ossl3 << QStringLiteral("no") << QStringList()
        << QStringList {version,
                        QStringLiteral("not-running:info"),
                        QStringLiteral("dh-weak-shared:critical"),
                        QStringLiteral("no-starttls:high"),
                        QStringLiteral("smtp-no-tls:medium"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("a 1024-bit group of its own")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + tls + logged
        << (certs + QStringList {QStringLiteral("dh.pem=own1024")}) << v37 << ossl3 << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dh-weak:high"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("ffdhe2048") << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + tls + logged
                               << (certs + QStringList {QStringLiteral("dh.pem=ffdhe2048")}) << v37 << ossl3
                               << QStringLiteral("yes") << QStringList()
                               << QStringList {version, QStringLiteral("dh-2048:low"),
                                               QStringLiteral("starttls-ok:info"), QStringLiteral("tls-log-ok:info")};
    QTest::newRow("a 2048-bit group of its own")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + tls + logged
        << (certs + QStringList {QStringLiteral("dh.pem=own2048")}) << v37 << ossl3 << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dh-2048:low"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("ffdhe3072") << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + tls + logged
                               << (certs + QStringList {QStringLiteral("dh.pem=ffdhe3072")}) << v37 << ossl3
                               << QStringLiteral("yes") << QStringList()
                               << QStringList {version, QStringLiteral("dh-ok:info"),
                                               QStringLiteral("starttls-ok:info"), QStringLiteral("tls-log-ok:info")};
    QTest::newRow("a DH file that is missing")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/gone.pem\n") + tls + logged << certs << v37 << ossl3
        << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-file-invalid:high"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("a DH file that is not PEM")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\n") + tls + logged
        << (certs + QStringList {QStringLiteral("dh.pem=junk")}) << v37 << ossl3 << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dh-file-invalid:high"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("DHE switched off: the weak file does not matter")
        << QStringLiteral("smtpd_tls_dh1024_param_file = %1/dh.pem\nsmtpd_tls_exclude_ciphers = aNULL, kDHE\n") + tls
            + logged
        << (certs + QStringList {QStringLiteral("dh.pem=oakley2")}) << v37 << ossl3 << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dhe-off:info"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("Postfix 3.6: its built-in 2048-bit group")
        << tls + logged << certs << QStringLiteral("3.6.4") << ossl3 << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-builtin:low"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("Postfix 3.7 with OpenSSL 1.1.1: no auto")
        << tls + logged << certs << v37 << QStringLiteral("OpenSSL 1.1.1w  11 Sep 2023") << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dh-builtin:low"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("Postfix 3.0: its built-in 1024-bit group")
        << tls + logged << certs << QStringLiteral("3.0.15") << QStringLiteral("OpenSSL 1.0.2u  20 Dec 2019")
        << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-builtin-1024:critical"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("STARTTLS on without a certificate")
        << QStringLiteral("smtpd_tls_security_level = may\nsmtp_tls_security_level = encrypt\n") + logged
        << QStringList() << v37 << ossl3 << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-auto:info"), QStringLiteral("no-certificate:high"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("the certificate file is missing")
        << tls + logged << QStringList {QStringLiteral("mx.key=cert")} << v37 << ossl3 << QStringLiteral("yes")
        << QStringList()
        << QStringList {version, QStringLiteral("dh-auto:info"), QStringLiteral("certificate-missing:high"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("the obsolete smtpd_use_tls")
        << QStringLiteral("smtpd_use_tls = yes\nsmtpd_tls_cert_file = %1/mx.pem\nsmtp_use_tls = yes\n") + logged
        << certs << v37 << ossl3 << QStringLiteral("yes") << QStringList()
        << QStringList {version, QStringLiteral("dh-auto:info"), QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info")};
    QTest::newRow("whether it runs is unknown, and master.cf overrides")
        << tls + logged << certs << v37 << ossl3 << QStringLiteral("unknown")
        << QStringList {QStringLiteral("127.0.0.1:25/inet|smtpd_tls_loglevel|0")}
        << QStringList {version,
                        QStringLiteral("status-unknown:low"),
                        QStringLiteral("dh-auto:info"),
                        QStringLiteral("starttls-ok:info"),
                        QStringLiteral("tls-log-ok:info"),
                        QStringLiteral("master-override:medium")};
}

void TestPostfixAdvice::findings()
{
    QFETCH(QString, mainCf);
    QFETCH(QStringList, files);
    QFETCH(QString, version);
    QFETCH(QString, openssl);
    QFETCH(QString, running);
    QFETCH(QStringList, overrides);
    QFETCH(QStringList, codes);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &file : files)
        QVERIFY(
            writeFile(dir.filePath(file.section(QLatin1Char('='), 0, 0)), pemOf(file.section(QLatin1Char('='), 1))));
    PostfixInspectionResult r
        = inspection(QString(mainCf).replace(QStringLiteral("%1"), dir.path()).toUtf8(), dir.path(), version, openssl);
    r.running = running == QLatin1String("yes") ? PostfixInspectionResult::Running::Yes
        : running == QLatin1String("no")        ? PostfixInspectionResult::Running::No
                                                : PostfixInspectionResult::Running::Unknown;
    for (const QString &o : overrides)
        r.overrides.append(
            {o.section(QLatin1Char('|'), 0, 0), o.section(QLatin1Char('|'), 1, 1), o.section(QLatin1Char('|'), 2)});
    QStringList actual;
    for (const ConfigFinding &f : PostfixAdvice::findings(r)) {
        actual.append(f.code + QLatin1Char(':') + severityName(f.severity));
        QVERIFY2(!f.title.isEmpty(), qPrintable(f.code));
        // A finding that a fix addresses names it in its advice.
        if (!f.fix.isEmpty())
            QVERIFY2(f.advice.contains(QStringLiteral("mailtls fix ") + f.fix), qPrintable(f.advice));
    }
    QCOMPARE(actual, codes);
}

void TestPostfixAdvice::weakGroupFinding()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("dh1024.pem"));
    QVERIFY(writeFile(file, oakley2Pem()));
    const PostfixInspectionResult r
        = inspection(QStringLiteral("smtpd_tls_dh1024_param_file = %1\n").arg(file).toUtf8(), dir.path());
    QCOMPARE(r.dhFile, file);
    QVERIFY(r.dh);
    const QList<ConfigFinding> findings = PostfixAdvice::findings(r);
    const auto it = std::find_if(findings.cbegin(), findings.cend(),
                                 [](const ConfigFinding &f) { return f.code == QLatin1String("dh-weak-shared"); });
    QVERIFY(it != findings.cend());
    QCOMPARE(it->title, QStringLiteral("Diffie-Hellman group of only 1024 bits, shared by many servers (Logjam)"));
    QCOMPARE(it->evidence,
             QStringLiteral("smtpd_tls_dh1024_param_file = %1: %2").arg(file, DhParameters::summary(*r.dh)));
    QCOMPARE(it->advice, PostfixAdvice::dhAdvice(r));
    QCOMPARE(it->fix, QStringLiteral("logjam"));
}

void TestPostfixAdvice::dhAdvice_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("openssl");
    QTest::addColumn<QString>("advice");

    const QString tail = QStringLiteral(
        " Turning DHE off (smtpd_tls_exclude_ciphers = kDHE) and relying on ECDHE is as good an answer: current mail "
        "servers all speak ECDHE. Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or "
        "more (or no DHE at all) and rates 2048-bit groups \"phase out\"; testssl.sh flags groups under 2048 bits and "
        "well-known shared primes (Logjam).");
    const QString autoText = QStringLiteral(
        "On Postfix %1 with OpenSSL 3, leave smtpd_tls_dh1024_param_file empty: OpenSSL then picks a published group "
        "(RFC 3526 or RFC 7919) as strong as the certificate's key (mailtls fix logjam --group auto).");
    const QString good = QStringLiteral(
        " For a rating of \"good\" at internet.nl, use the RFC 7919 group ffdhe3072 instead (mailtls fix logjam "
        "--group ffdhe3072).");
    const QString file = QStringLiteral(
        "Use the RFC 7919 group ffdhe3072 (mailtls fix logjam --group ffdhe3072), or a freshly generated group of at "
        "least 2048 bits (mailtls dhparam --bits 3072 --out FILE).");

    QTest::newRow("3.7 with OpenSSL 3") << QStringLiteral("3.7.11") << QStringLiteral("OpenSSL 3.0.22 25 Aug 2026")
                                        << autoText.arg(QStringLiteral("3.7.11")) + good + tail;
    QTest::newRow("3.8 with OpenSSL 3: tls_ffdhe_auto_groups")
        << QStringLiteral("3.8.6") << QStringLiteral("OpenSSL 3.0.15 3 Sep 2024")
        << autoText.arg(QStringLiteral("3.8.6"))
            + QStringLiteral(" TLS 1.3 clients also get the RFC 7919 groups listed in tls_ffdhe_auto_groups.") + good
            + tail;
    QTest::newRow("3.6") << QStringLiteral("3.6.4") << QStringLiteral("OpenSSL 3.0.11 19 Sep 2023") << file + tail;
    QTest::newRow("3.7 with OpenSSL 1.1.1")
        << QStringLiteral("3.7.11") << QStringLiteral("OpenSSL 1.1.1w  11 Sep 2023") << file + tail;
    QTest::newRow("versions unknown") << QString() << QString() << file + tail;
}

void TestPostfixAdvice::dhAdvice()
{
    QFETCH(QString, version);
    QFETCH(QString, openssl);
    QFETCH(QString, advice);
    QCOMPARE(PostfixAdvice::dhAdvice(inspection("biff = no\n", QStringLiteral("/etc/postfix-test"), version, openssl)),
             advice);
}

QTEST_GUILESS_MAIN(TestPostfixAdvice)
#include "tst_postfixadvice.moc"
