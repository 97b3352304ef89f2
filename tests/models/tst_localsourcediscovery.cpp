#include "models/sources/localsourcediscovery.h"

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "tests/models/readoverridetestutil.h"

using namespace mailtls;

namespace {

using Status = LocalLogCandidate::Status;

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.setPermissions(permissions);
}

} // namespace

class TestLocalSourceDiscovery final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // A folder others may enter, so only a file's own mode closes it.
        QCOMPARE(::chmod(native(m_dir->path()).constData(), 0755), 0);
        m_journalctl = m_dir->filePath(QStringLiteral("bin/journalctl"));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("bin"))));
        QVERIFY(writeFile(m_journalctl, "#!/bin/sh\n", QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_journalFolder = m_dir->filePath(QStringLiteral("journal"));
        QVERIFY(QDir().mkpath(m_journalFolder));
    }

    void defaults()
    {
        QCOMPARE(LocalSourceDiscovery::defaultLogFiles(),
                 (QStringList{QStringLiteral("/var/log/mail.log"), QStringLiteral("/var/log/maillog"),
                              QStringLiteral("/var/log/mail/mail.log"), QStringLiteral("/var/log/exim4/mainlog")}));
        QCOMPARE(LocalSourceDiscovery::journalGroups(),
                 (QStringList{QStringLiteral("systemd-journal"), QStringLiteral("adm"), QStringLiteral("wheel")}));
    }

    void files_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("readable") << QStringLiteral("file") << int(Status::Readable) << QString();
        QTest::newRow("in a folder that does not exist")
            << QStringLiteral("none") << int(Status::Missing) << QStringLiteral("PATH does not exist");
        QTest::newRow("through a file") << QStringLiteral("through file") << int(Status::Missing)
                                        << QStringLiteral("PATH does not exist");
        QTest::newRow("a folder") << QStringLiteral("folder") << int(Status::Unreadable)
                                  << QStringLiteral("PATH is a directory, not a log file");
        QTest::newRow("closed to everyone")
            << QStringLiteral("mode 000") << int(Status::Unreadable)
            << QStringLiteral("Permission denied reading PATH: make it readable for your user, or run as root");
        QTest::newRow("readable by the adm group")
            << QStringLiteral("adm 0640") << int(Status::Unreadable)
            << QStringLiteral("Permission denied reading PATH: add your user to the adm group, or run as root");
    }

    void files()
    {
        QFETCH(QString, setup);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QString path = m_dir->filePath(QStringLiteral("mail.log"));
        if (setup == QLatin1String("file") || setup == QLatin1String("mode 000") || setup == QLatin1String("adm 0640"))
            QVERIFY(writeFile(path, "Mar 18 10:00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]\n",
                              QFile::ReadOwner | QFile::WriteOwner));
        if (setup == QLatin1String("none"))
            path = m_dir->filePath(QStringLiteral("no-such-folder/mail.log"));
        if (setup == QLatin1String("through file")) {
            QVERIFY(writeFile(m_dir->filePath(QStringLiteral("plain")), "x", QFile::ReadOwner));
            path = m_dir->filePath(QStringLiteral("plain/mail.log"));
        }
        if (setup == QLatin1String("folder"))
            QVERIFY(QDir().mkdir(path));
        if (setup == QLatin1String("mode 000"))
            QCOMPARE(::chmod(native(path).constData(), 0), 0);
        if (setup == QLatin1String("adm 0640")) {
            if (::geteuid() != 0)
                QSKIP("giving a file to another user and the adm group needs root");
            QCOMPARE(::chown(native(path).constData(), 65534, 4), 0);
            QCOMPARE(::chmod(native(path).constData(), 0640), 0);
        }

        LocalSourceDiscovery discovery;
        LocalLogCandidate found;
        {
            testutil::WithoutReadOverride notRoot;
            if (!notRoot.isActive())
                QSKIP("cannot drop CAP_DAC_OVERRIDE here, so root reads every file");
            found = discovery.checkFile(path);
        }
        QCOMPARE(found.kind, LocalLogCandidate::Kind::File);
        QCOMPARE(found.path, path);
        QCOMPARE(int(found.status), status);
        QCOMPARE(found.reason, QString(reason).replace(QLatin1String("PATH"), path));
    }

    void journal_data()
    {
        QTest::addColumn<QString>("journalctl");
        QTest::addColumn<bool>("folder");
        QTest::addColumn<bool>("root");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        const QString installed = QStringLiteral("JOURNALCTL");
        const QString noJournalctl =
            QStringLiteral("journalctl is not installed, so MailTLS cannot read the systemd journal");
        const QString closed = QStringLiteral(
            "Permission denied reading the systemd journal: add your user to the systemd-journal group, or run as "
            "root");
        QTest::newRow("root") << installed << true << true << QStringList() << int(Status::Readable) << QString();
        QTest::newRow("systemd-journal") << installed << true << false
                                         << QStringList{QStringLiteral("users"), QStringLiteral("systemd-journal")}
                                         << int(Status::Readable) << QString();
        QTest::newRow("adm") << installed << true << false << QStringList{QStringLiteral("adm")}
                             << int(Status::Readable) << QString();
        QTest::newRow("wheel") << installed << true << false << QStringList{QStringLiteral("wheel")}
                               << int(Status::Readable) << QString();
        QTest::newRow("other groups") << installed << true << false
                                      << QStringList{QStringLiteral("users"), QStringLiteral("mail")}
                                      << int(Status::Unreadable) << closed;
        QTest::newRow("no groups") << installed << true << false << QStringList() << int(Status::Unreadable)
                                   << closed;
        QTest::newRow("no journal kept")
            << installed << false << true << QStringList() << int(Status::Missing)
            << QStringLiteral("This computer keeps no systemd journal (there is no JOURNAL or MISSING)");
        QTest::newRow("no journalctl at a path") << QStringLiteral("DIR/bin/none") << true << true << QStringList()
                                                 << int(Status::Missing) << noJournalctl;
        QTest::newRow("no journalctl on PATH") << QStringLiteral("mailtls-test-no-such-journalctl") << true << true
                                               << QStringList() << int(Status::Missing) << noJournalctl;
        QTest::newRow("no journalctl at all")
            << QString() << true << true << QStringList() << int(Status::Missing) << noJournalctl;
        QTest::newRow("journalctl not executable") << QStringLiteral("DIR/journal") << true << true << QStringList()
                                                   << int(Status::Missing) << noJournalctl;
    }

    void journal()
    {
        QFETCH(QString, journalctl);
        QFETCH(bool, folder);
        QFETCH(bool, root);
        QFETCH(QStringList, groups);
        QFETCH(int, status);
        QFETCH(QString, reason);
        const QString missing = m_dir->filePath(QStringLiteral("run/log/journal"));
        const QString journal = folder ? m_journalFolder : m_dir->filePath(QStringLiteral("var/log/journal"));
        LocalSourceDiscovery discovery;
        discovery.setJournalctl(journalctl == QLatin1String("JOURNALCTL")
                                    ? m_journalctl
                                    : QString(journalctl).replace(QLatin1String("DIR"), m_dir->path()));
        discovery.setJournalDirectories({journal, missing});
        discovery.setUser(root, groups);
        const LocalLogCandidate found = discovery.checkJournal();
        QCOMPARE(found.kind, LocalLogCandidate::Kind::Journal);
        QCOMPARE(found.path, QString());
        QCOMPARE(int(found.status), status);
        QCOMPARE(found.reason, QString(reason)
                                   .replace(QLatin1String("JOURNAL"), journal)
                                   .replace(QLatin1String("MISSING"), missing));
    }

    void theProcessItselfByDefault()
    {
        if (::geteuid() != 0)
            QSKIP("what the journal check says for this user depends on its groups; root may read it");
        LocalSourceDiscovery discovery;
        discovery.setJournalctl(m_journalctl);
        discovery.setJournalDirectories({m_journalFolder});
        QCOMPARE(discovery.checkJournal().status, Status::Readable);
    }

    void discoverListsFilesThenTheJournal()
    {
        const QString readable = m_dir->filePath(QStringLiteral("maillog"));
        QVERIFY(writeFile(readable, "", QFile::ReadOwner | QFile::WriteOwner));
        const QString missing = m_dir->filePath(QStringLiteral("exim4/mainlog"));
        LocalSourceDiscovery discovery;
        discovery.setLogFiles({missing, readable});
        discovery.setJournalctl(m_journalctl);
        discovery.setJournalDirectories({m_journalFolder});
        discovery.setUser(false, {QStringLiteral("adm")});

        const QList<LocalLogCandidate> found = discovery.discover();
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).path, missing);
        QCOMPARE(found.at(0).status, Status::Missing);
        QCOMPARE(found.at(1).path, readable);
        QCOMPARE(found.at(1).status, Status::Readable);
        QCOMPARE(found.at(2).kind, LocalLogCandidate::Kind::Journal);
        QCOMPARE(found.at(2).status, Status::Readable);

        // What the source editor and SourceManager take.
        QCOMPARE(found.at(1).spec().toString(), readable);
        QCOMPARE(found.at(1).spec().kind, SourceSpec::Kind::File);
        QVERIFY(!found.at(1).spec().isRemote());
        QCOMPARE(found.at(2).spec().toString(), QStringLiteral("journal"));
        QCOMPARE(found.at(1).displayName(), readable);
        QCOMPARE(found.at(2).displayName(), QStringLiteral("the systemd journal"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_journalctl;
    QString m_journalFolder;
};

QTEST_GUILESS_MAIN(TestLocalSourceDiscovery)
#include "tst_localsourcediscovery.moc"
