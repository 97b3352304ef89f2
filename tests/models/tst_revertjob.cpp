#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "models/campaign/revertjob.h"
#include "models/sources/commandhost.h"

using namespace mailtls;

namespace {

// This computer, with /usr/bin/at, atq, atrm, systemd-run and systemctl
// replaced by scripts in a folder of the test's: what each was asked is
// logged, and files in the folder decide what they answer.
class StubHost final : public CommandHost
{
public:
    explicit StubHost(QString folder)
        : m_folder(std::move(folder))
    {
    }
    void prepare(QProcess &process, const QStringList &argv) const override
    {
        QString program = argv.value(0);
        if (program.startsWith(QLatin1String("/usr/bin/")))
            program = m_folder + QLatin1Char('/') + program.mid(9);
        process.setProgram(program);
        process.setArguments(argv.mid(1));
    }
    QString diagnose(int, const QByteArray &) const override { return QString(); }
    bool needsUser(int, const QByteArray &) const override { return false; }
    bool isLocal() const override { return true; }
    QString displayName() const override { return QStringLiteral("this computer"); }

private:
    QString m_folder;
};

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

// RevertJob against stand-ins for at, atq, atrm, systemd-run and systemctl:
// the exact commands it runs, the script it writes (mode 0700), at without
// atd (the job is taken back and the script removed: no window may start),
// systemd where /run/systemd/system exists, removing a job that ran already,
// and the status file. The real at and atd are
// tests/integration/test_campaign_window.sh.
class TestRevertJob : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void scheduleWithAt();
    void atWithoutDaemon();
    void scheduleWithSystemd();
    void remove_data();
    void remove();
    void isScheduled();
    void readStatus();

private:
    // What the stand-ins were asked, one line each; empty when nothing ran.
    QString log() const
    {
        const QString path = m_dir->filePath(QStringLiteral("bin/log"));
        return QFile::exists(path) ? QString::fromUtf8(readAll(path)) : QString();
    }
    void stub(const QString &name, const QByteArray &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<StubHost> m_host;
    QString m_bin;
    QString m_script;
};

void TestRevertJob::stub(const QString &name, const QByteArray &body)
{
    const QString path = m_bin + QLatin1Char('/') + name;
    QVERIFY(writeAll(path, "#!/bin/sh\nprintf '%s\\n' \"" + name.toUtf8() + " $*\" >>'" + m_bin.toUtf8() + "/log'\n" + body));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void TestRevertJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_bin = m_dir->filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(m_bin));
    m_script = m_dir->filePath(QStringLiteral(".mailtls-campaign-5.sh"));
    const QByteArray bin = m_bin.toUtf8();
    stub(QStringLiteral("at"), "echo 'warning: commands will be executed using /bin/sh' >&2\n"
                               "echo 'job 42 at Mon Nov 30 09:00:00 2026' >&2\n"
                               "touch '" + bin + "/queued'\n"
                               "[ -e '" + bin + "/noatd' ] && echo \"Can't open /run/atd.pid to signal atd. No atd running?\" >&2\n"
                               "exit 0\n");
    stub(QStringLiteral("atq"), "[ -e '" + bin + "/queued' ] && printf '42\\tMon Nov 30 09:00:00 2026 a root\\n'\n"
                                "printf '7\\tMon Nov 30 10:00:00 2026 a root\\n'\nexit 0\n");
    stub(QStringLiteral("atrm"), "[ -e '" + bin + "/queued' ] || { echo \"Cannot find jobid $1\" >&2; exit 1; }\n"
                                 "rm -f '" + bin + "/queued'\nexit 0\n");
    stub(QStringLiteral("systemd-run"), "echo 'Running timer as unit: mailtls-campaign-5.timer' >&2\nexit 0\n");
    stub(QStringLiteral("systemctl"), "exit 0\n");
    m_host = std::make_shared<StubHost>(m_bin);
}

void TestRevertJob::scheduleWithAt()
{
    RevertJob job(m_host);
    job.setSystemdMarker(m_dir->filePath(QStringLiteral("no-systemd")));
    QEventLoop loop;
    QString name;
    QString error;
    job.schedule(5, m_script, "#!/bin/sh\necho end\n", 3600, [&](const QString &j, const QString &e) {
        name = j;
        error = e;
        loop.quit();
    });
    loop.exec();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(name, QStringLiteral("at:42"));
    QCOMPARE(readAll(m_script), QByteArray("#!/bin/sh\necho end\n"));
    QCOMPARE(QFileInfo(m_script).permissions() & 0x7777,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
                 | QFileDevice::WriteUser | QFileDevice::ExeUser);
    const QStringList calls = log().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(calls.size(), 1);
    // 3600 s from now: 60 minutes, or 61 when now is not on a minute.
    QVERIFY2(calls.at(0) == QStringLiteral("at -M -f %1 now + 60 minutes").arg(m_script)
                 || calls.at(0) == QStringLiteral("at -M -f %1 now + 61 minutes").arg(m_script),
             qPrintable(calls.at(0)));
}

void TestRevertJob::atWithoutDaemon()
{
    QVERIFY(writeAll(m_bin + QStringLiteral("/noatd"), QByteArray()));
    RevertJob job(m_host);
    job.setSystemdMarker(m_dir->filePath(QStringLiteral("no-systemd")));
    QEventLoop loop;
    QString name = QStringLiteral("unset");
    QString error;
    job.schedule(5, m_script, "#!/bin/sh\n", 120, [&](const QString &j, const QString &e) {
        name = j;
        error = e;
        loop.quit();
    });
    loop.exec();
    QCOMPARE(name, QString());
    QCOMPARE(error, QStringLiteral("the revert job could not be scheduled: atd, which runs at's jobs, is not running "
                                   "on this computer (at: Can't open /run/atd.pid to signal atd. No atd running?)"));
    QVERIFY(!QFile::exists(m_script));
    QVERIFY(!QFile::exists(m_bin + QStringLiteral("/queued")));
    QVERIFY2(log().endsWith(QLatin1String("atrm 42\n")), qPrintable(log()));
}

void TestRevertJob::scheduleWithSystemd()
{
    RevertJob job(m_host);
    job.setSystemdMarker(m_bin); // any folder that exists
    QEventLoop loop;
    QString name;
    QString error;
    job.schedule(5, m_script, "#!/bin/sh\n", 7200, [&](const QString &j, const QString &e) {
        name = j;
        error = e;
        loop.quit();
    });
    loop.exec();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(name, QStringLiteral("systemd:mailtls-campaign-5"));
    QCOMPARE(log(), QStringLiteral("systemd-run --on-active=7200s --unit=mailtls-campaign-5 --description=MailTLS "
                                   "campaign 5: end the window of mandatory STARTTLS /bin/sh %1\n")
                        .arg(m_script));
}

void TestRevertJob::remove_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<bool>("queued");
    QTest::addColumn<QString>("calls");
    QTest::newRow("at, waiting") << QStringLiteral("at:42") << true << QStringLiteral("atrm 42\n");
    QTest::newRow("at, ran already") << QStringLiteral("at:42") << false << QStringLiteral("atrm 42\natq \n");
    QTest::newRow("systemd") << QStringLiteral("systemd:mailtls-campaign-5") << false
                             << QStringLiteral("systemctl stop mailtls-campaign-5.timer\n");
    QTest::newRow("none") << QString() << false << QString();
}

void TestRevertJob::remove()
{
    QFETCH(QString, job);
    QFETCH(bool, queued);
    QFETCH(QString, calls);
    if (queued)
        QVERIFY(writeAll(m_bin + QStringLiteral("/queued"), QByteArray()));
    const QString status = m_dir->filePath(QStringLiteral(".mailtls-campaign-5.status"));
    QVERIFY(writeAll(m_script, "x"));
    QVERIFY(writeAll(status, "y"));
    RevertJob revert(m_host);
    QEventLoop loop;
    QString error = QStringLiteral("unset");
    revert.remove(job, {m_script, status}, [&](const QString &e) {
        error = e;
        loop.quit();
    });
    loop.exec();
    QCOMPARE(error, QString());
    QCOMPARE(log(), calls);
    QVERIFY(!QFile::exists(m_script));
    QVERIFY(!QFile::exists(status));
}

void TestRevertJob::isScheduled()
{
    RevertJob job(m_host);
    auto ask = [&job](const QString &name) {
        QEventLoop loop;
        std::optional<bool> answer;
        job.isScheduled(name, [&](std::optional<bool> present, const QString &) {
            answer = present;
            loop.quit();
        });
        loop.exec();
        return answer;
    };
    QCOMPARE(ask(QStringLiteral("at:42")), std::optional<bool>(false));
    QCOMPARE(ask(QStringLiteral("at:7")), std::optional<bool>(true));
    QVERIFY(writeAll(m_bin + QStringLiteral("/queued"), QByteArray()));
    QCOMPARE(ask(QStringLiteral("at:42")), std::optional<bool>(true));
    QCOMPARE(ask(QStringLiteral("systemd:mailtls-campaign-5")), std::optional<bool>(true));
    QCOMPARE(ask(QStringLiteral("cron:1")), std::optional<bool>());
}

void TestRevertJob::readStatus()
{
    const QString path = m_dir->filePath(QStringLiteral(".mailtls-campaign-5.status"));
    RevertJob job(m_host);
    auto read = [&] {
        QEventLoop loop;
        std::optional<RevertStatus> result;
        job.readStatus(path, [&](const std::optional<RevertStatus> &status, const QString &) {
            result = status;
            loop.quit();
        });
        loop.exec();
        return result;
    };
    QVERIFY(!read());
    QVERIFY(writeAll(path, "campaign=5\nrestored=/etc/postfix/main.cf\ncheck=ok\nreload=done\nended=1774872060\n"
                           "complete=yes\n"));
    const std::optional<RevertStatus> status = read();
    QVERIFY(status);
    QCOMPARE(status->campaignId, 5);
    QCOMPARE(status->ended, 1774872060);
    QCOMPARE(status->restored, QStringList{QStringLiteral("/etc/postfix/main.cf")});
}

QTEST_GUILESS_MAIN(TestRevertJob)
#include "tst_revertjob.moc"
