#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "models/itemmodels/sourcelistmodel.h"
#include "models/secrets/askpassserver.h"
#include "models/sources/sourcemanager.h"
#include "models/sources/sourcespec.h"
#include "widgets/hostkeydialog.h"
#include "widgets/mainwindow.h"
#include "widgets/secretdialog.h"
#include "widgets/sourceeditdialog.h"
#include "widgets/sourcesdialog.h"

using namespace mailtls;

namespace {

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

QPushButton *okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// The parser's own message for a text, to prove the dialog shows it unchanged.
QString parserMessage(const QString &text)
{
    QString error;
    if (SourceSpec::parse(text, &error))
        return QString();
    return error;
}

// Sends Return to the widget with the keyboard focus, as a user's key press.
void pressReturn(QWidget *window)
{
    QWidget *target = window->focusWidget() ? window->focusWidget() : window;
    QTest::keyClick(target, Qt::Key_Return);
}

const QString sampleLines = QStringLiteral(
    "Nov 29 10:00:00 mx postfix/smtpd[100]: connect from mail.example.org[192.0.2.10]\n"
    "Nov 29 10:00:01 mx postfix/smtpd[100]: disconnect from mail.example.org[192.0.2.10] ehlo=1 quit=1 "
    "commands=2\n");

QString writeLog(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(sampleLines.toUtf8());
    return path;
}

// A SourceManager on a store of its own in a temporary folder, and a log of
// sampleLines beside it.
struct Sandbox
{
    Sandbox()
        : log(writeLog(dir))
        , manager(dir.filePath(QStringLiteral("mailtls.sqlite")), SourceContext::defaults())
    {
    }

    // Opens the manager, adds the log and waits until the manager lists it.
    bool openWithTheLog(QString *error)
    {
        if (!manager.open(error) || !manager.addSource(log, error))
            return false;
        if (QTest::qWaitFor([this] { return manager.sources().size() == 1; }, 20000))
            return true;
        *error = QStringLiteral("the source added is not listed");
        return false;
    }

    QTemporaryDir dir;
    const QString log;
    SourceManager manager;
};

} // namespace

class TestSourcesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Nothing of the user's own: data and known hosts go to test folders.
        QStandardPaths::setTestModeEnabled(true);
    }

    void editDialogValidation_data()
    {
        QTest::addColumn<QString>("kind");      // file, journal, ssh-file, ssh-journal
        QTest::addColumn<QString>("field1");    // path / unit / host
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("field2");    // remote path or unit
        QTest::addColumn<QString>("spec");      // empty: not a source
        QTest::addColumn<QString>("message");

        const QString none;
        QTest::newRow("file: empty") << "file" << none << none << 0 << none << none
                                     << QStringLiteral("Choose the log file to follow.");
        QTest::newRow("file") << "file" << QStringLiteral("/var/log/mail.log") << none << 0 << none
                              << QStringLiteral("/var/log/mail.log") << none;
        QTest::newRow("file: cleaned") << "file" << QStringLiteral("/var/log/../log/mail.log") << none << 0 << none
                                       << QStringLiteral("/var/log/mail.log") << none;
        QTest::newRow("file: a scheme") << "file" << QStringLiteral("http://example.org/mail.log") << none << 0
                                        << none << none
                                        << QStringLiteral("\"http://example.org/mail.log\" uses a scheme MailTLS "
                                                          "cannot follow; it follows local files, journal[:UNIT] "
                                                          "and ssh://host/path.");
        QTest::newRow("file: the journal's word")
            << "file" << QStringLiteral("journal") << none << 0 << none << none
            << QStringLiteral("Give the path of a log file on this computer; for the journal or another "
                              "computer, choose those above.");
        QTest::newRow("journal") << "journal" << none << none << 0 << none << QStringLiteral("journal") << none;
        QTest::newRow("journal: unit") << "journal" << QStringLiteral(" postfix@-.service ") << none << 0 << none
                                       << QStringLiteral("journal:postfix@-.service") << none;
        QTest::newRow("journal: a dash") << "journal" << QStringLiteral("-b") << none << 0 << none << none
                                         << QStringLiteral("\"-b\" is not a systemd unit name (it has spaces, or "
                                                           "starts with a dash).");
        QTest::newRow("journal: a space") << "journal" << QStringLiteral("post fix") << none << 0 << none << none
                                          << QStringLiteral("\"post fix\" is not a systemd unit name (it has "
                                                            "spaces, or starts with a dash).");
        QTest::newRow("ssh: no host") << "ssh-file" << none << none << 0 << QStringLiteral("/var/log/mail.log")
                                      << none << QStringLiteral("Give the host's name or address.");
        QTest::newRow("ssh: no path") << "ssh-file" << QStringLiteral("mx.example.org") << none << 0 << none
                                      << none << QStringLiteral("Give the path of the log file on the host.");
        QTest::newRow("ssh: file") << "ssh-file" << QStringLiteral("mx.example.org") << QStringLiteral("admin")
                                   << 2222 << QStringLiteral("/var/log/mail.log")
                                   << QStringLiteral("ssh://admin@mx.example.org:2222/var/log/mail.log") << none;
        QTest::newRow("ssh: path made absolute, spaces kept")
            << "ssh-file" << QStringLiteral("mx.example.org") << none << 0 << QStringLiteral("logs/mail 1.log")
            << QStringLiteral("ssh://mx.example.org/logs/mail%201.log") << none;
        QTest::newRow("ssh: IPv6") << "ssh-file" << QStringLiteral("::1") << none << 22
                                   << QStringLiteral("/var/log/mail.log")
                                   << QStringLiteral("ssh://[::1]:22/var/log/mail.log") << none;
        QTest::newRow("ssh: IPv6 in brackets") << "ssh-journal" << QStringLiteral("[2001:db8::25]") << none << 0
                                               << none << QStringLiteral("ssh://[2001:db8::25]/journal") << none;
        QTest::newRow("ssh: journal unit") << "ssh-journal" << QStringLiteral("mx.example.org") << none << 0
                                           << QStringLiteral("postfix.service")
                                           << QStringLiteral("ssh://mx.example.org/journal:postfix.service") << none;
        QTest::newRow("ssh: bad host") << "ssh-file" << QStringLiteral("mx example") << none << 0
                                       << QStringLiteral("/var/log/mail.log") << none
                                       << QStringLiteral("\"mx example\" is not a host name or address.");
        QTest::newRow("ssh: option as user") << "ssh-file" << QStringLiteral("mx.example.org")
                                             << QStringLiteral("-oProxyCommand=x") << 0
                                             << QStringLiteral("/var/log/mail.log") << none
                                             << QStringLiteral("\"-oProxyCommand=x\" is not a user name ssh can log "
                                                               "in as.");
        QTest::newRow("ssh: slash in user") << "ssh-file" << QStringLiteral("mx.example.org") << QStringLiteral("a/b")
                                            << 0 << QStringLiteral("/var/log/mail.log") << none
                                            << QStringLiteral("\"a/b\" is not a user name ssh can log in as.");
        QTest::newRow("ssh: at in host") << "ssh-file" << QStringLiteral("root@mx.example.org") << none << 0
                                         << QStringLiteral("/var/log/mail.log") << none
                                         << QStringLiteral("\"root@mx.example.org\" is not a host name or address.");
        QTest::newRow("ssh: unit with a dash") << "ssh-journal" << QStringLiteral("mx.example.org") << none << 0
                                               << QStringLiteral("--all") << none
                                               << QStringLiteral("\"--all\" is not a systemd unit name (it has "
                                                                 "spaces, or starts with a dash).");
    }

    void editDialogValidation()
    {
        QFETCH(QString, kind);
        QFETCH(QString, field1);
        QFETCH(QString, user);
        QFETCH(int, port);
        QFETCH(QString, field2);
        QFETCH(QString, spec);
        QFETCH(QString, message);

        SourceEditDialog dialog(nullptr);
        dialog.show();
        if (kind == QLatin1String("file")) {
            child<QRadioButton>(&dialog, "kindFile")->click();
            QTest::keyClicks(child<QLineEdit>(&dialog, "path"), field1);
        } else if (kind == QLatin1String("journal")) {
            child<QRadioButton>(&dialog, "kindJournal")->click();
            QTest::keyClicks(child<QLineEdit>(&dialog, "unit"), field1);
        } else {
            child<QRadioButton>(&dialog, "kindSsh")->click();
            QTest::keyClicks(child<QLineEdit>(&dialog, "host"), field1);
            QTest::keyClicks(child<QLineEdit>(&dialog, "user"), user);
            child<QSpinBox>(&dialog, "port")->setValue(port);
            const bool file = kind == QLatin1String("ssh-file");
            child<QRadioButton>(&dialog, file ? "remoteFile" : "remoteJournal")->click();
            QTest::keyClicks(child<QLineEdit>(&dialog, file ? "remotePath" : "remoteUnit"), field2);
        }

        QCOMPARE(dialog.message(), message);
        QCOMPARE(dialog.isValid(), !spec.isEmpty());
        QCOMPARE(dialog.specText(), spec);
        QCOMPARE(okButton(&dialog)->isEnabled(), !spec.isEmpty());
        QCOMPARE(child<QLabel>(&dialog, "message")->isVisible(), !message.isEmpty());
        if (!spec.isEmpty())
            QCOMPARE(child<QLabel>(&dialog, "spec")->text(), spec);
        // A source the dialog accepts is one the parser accepts, unchanged.
        if (!spec.isEmpty())
            QCOMPARE(parserMessage(spec), QString());
    }

    void editDialogShowsTheParsersMessages_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("dash") << QStringLiteral("-b");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("slash") << QStringLiteral("a/b");
    }

    void editDialogShowsTheParsersMessages()
    {
        QFETCH(QString, unit);
        SourceEditDialog dialog(nullptr);
        child<QRadioButton>(&dialog, "kindJournal")->click();
        child<QLineEdit>(&dialog, "unit")->setText(unit);
        QVERIFY(!dialog.isValid());
        QCOMPARE(dialog.message(), parserMessage(QStringLiteral("journal:") + unit));
    }

    void editDialogFillsItsFieldsFromASource_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("kind");
        QTest::newRow("file") << QStringLiteral("/var/log/mail.log") << QStringLiteral("kindFile");
        QTest::newRow("journal") << QStringLiteral("journal:postfix.service") << QStringLiteral("kindJournal");
        QTest::newRow("ssh journal") << QStringLiteral("ssh://admin@[::1]:2222/journal:postfix.service")
                                     << QStringLiteral("kindSsh");
        QTest::newRow("ssh file") << QStringLiteral("ssh://mx.example.org/var/log/mail%20log")
                                  << QStringLiteral("kindSsh");
    }

    void editDialogFillsItsFieldsFromASource()
    {
        QFETCH(QString, spec);
        QFETCH(QString, kind);
        SourceEditDialog dialog(nullptr);
        dialog.setSpecText(spec);
        QVERIFY(dialog.findChild<QRadioButton *>(kind)->isChecked());
        QCOMPARE(dialog.specText(), spec);
        QVERIFY(okButton(&dialog)->isEnabled());
    }

    void editDialogSshFields()
    {
        SourceEditDialog dialog(nullptr);
        dialog.setSpecText(QStringLiteral("ssh://admin@[::1]:2222/journal:postfix.service"));
        QCOMPARE(child<QLineEdit>(&dialog, "host")->text(), QStringLiteral("::1"));
        QCOMPARE(child<QLineEdit>(&dialog, "user")->text(), QStringLiteral("admin"));
        QCOMPARE(child<QSpinBox>(&dialog, "port")->value(), 2222);
        QVERIFY(child<QRadioButton>(&dialog, "remoteJournal")->isChecked());
        QCOMPARE(child<QLineEdit>(&dialog, "remoteUnit")->text(), QStringLiteral("postfix.service"));
        QVERIFY(!child<QLineEdit>(&dialog, "remotePath")->isEnabled());

        // Port 0 is ssh's own choice, shown as such and left out of the text.
        child<QSpinBox>(&dialog, "port")->setValue(0);
        QCOMPARE(child<QSpinBox>(&dialog, "port")->text(), QStringLiteral("Default"));
        QCOMPARE(dialog.specText(), QStringLiteral("ssh://admin@[::1]/journal:postfix.service"));
    }

    void editDialogStaysOpenWhenTheCommitRefuses()
    {
        SourceEditDialog dialog(nullptr);
        int commits = 0;
        bool refuse = true;
        QString committed;
        dialog.setCommit([&](const QString &spec, QString *error) {
            ++commits;
            committed = spec;
            if (refuse)
                *error = QStringLiteral("The store is read-only.");
            return !refuse;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QRadioButton>(&dialog, "kindJournal")->click();
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QCOMPARE(commits, 1);
        QCOMPARE(committed, QStringLiteral("journal"));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.message(), QStringLiteral("The store is read-only."));

        refuse = false;
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QCOMPARE(commits, 2);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void hostKeyDialogRefusesByDefault()
    {
        const QString fingerprint = QStringLiteral("SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A");
        HostKeyDialog dialog(QStringLiteral("mx.example.org"), 2222, QStringLiteral("ED25519"), fingerprint);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto *shown = child<QLabel>(&dialog, "fingerprint");
        QCOMPARE(shown->text(), fingerprint);
        QVERIFY(shown->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(shown->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QCOMPARE(child<QLabel>(&dialog, "explanation")->text(),
                 QStringLiteral("MailTLS has never connected to this host. Compare the fingerprint with the one the "
                                "server's administrator gives you (ssh-keygen -lf "
                                "/etc/ssh/ssh_host_ed25519_key.pub on the server) before accepting."));
        QCOMPARE(child<QLabel>(&dialog, "host")->text(), QStringLiteral("mx.example.org"));
        QVERIFY(dialog.refuseButton()->isDefault());
        QVERIFY(!dialog.acceptButton()->isDefault());

        pressReturn(&dialog);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void hostKeyDialogEnterRefusesEvenFromAccept()
    {
        HostKeyDialog dialog(QStringLiteral("192.0.2.25"), 22, QStringLiteral("RSA"), QStringLiteral("SHA256:x"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.acceptButton()->setFocus();
        QTest::keyClick(dialog.acceptButton(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());

        // Only a deliberate press of Accept accepts.
        dialog.show();
        QTest::mouseClick(dialog.acceptButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void hostKeyDialogExtras()
    {
        HostKeyDialog dialog(QStringLiteral("mx.example.org"), 22, QStringLiteral("ECDSA"), QStringLiteral("SHA256:y"));
        dialog.setAddress(QStringLiteral("192.0.2.25"));
        dialog.setOtherNames({QStringLiteral("/home/u/.local/share/mailtls/known_hosts:3: mail.example.org")});
        QCOMPARE(child<QLabel>(&dialog, "host")->text(), QStringLiteral("mx.example.org (address 192.0.2.25)"));
        QCOMPARE(child<QLabel>(&dialog, "otherNames")->text(),
                 QStringLiteral("MailTLS already trusts this same key under other names:\n"
                                "/home/u/.local/share/mailtls/known_hosts:3: mail.example.org"));
        QVERIFY(!child<QLabel>(&dialog, "otherNames")->isHidden());
    }

    void secretDialogReturnsWhatWasTyped_data()
    {
        QTest::addColumn<bool>("uncheck");
        QTest::addColumn<bool>("remember");
        QTest::newRow("remembered (the default)") << false << true;
        QTest::newRow("not remembered") << true << false;
    }

    void secretDialogReturnsWhatWasTyped()
    {
        QFETCH(bool, uncheck);
        QFETCH(bool, remember);
        SecretDialog dialog(SecretDialog::Kind::Password, QStringLiteral("admin@mx.example.org"),
                            QStringLiteral("admin@mx.example.org's password: "));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *edit = child<QLineEdit>(&dialog, "secret");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLabel>(&dialog, "prompt")->text(), QStringLiteral("admin@mx.example.org's password:"));
        auto *box = child<QCheckBox>(&dialog, "remember");
        QVERIFY(box->isChecked());
        QVERIFY(box->isEnabled());
        if (uncheck)
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QTest::keyClicks(edit, QStringLiteral("s3cret pass\"'"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.secret(), QStringLiteral("s3cret pass\"'"));
        QCOMPARE(dialog.remember(), remember);
    }

    void secretDialogWithoutKeychain()
    {
        SecretDialog dialog(SecretDialog::Kind::Passphrase, QString(),
                            QStringLiteral("Enter passphrase for key '/root/.ssh/id_ed25519': "));
        const QString why = SecretStore::errorMessage(SecretStore::Error::NoBackend);
        dialog.setKeychainUnavailable(why);
        dialog.setRetry(true);
        dialog.show();
        auto *box = child<QCheckBox>(&dialog, "remember");
        QVERIFY(!box->isChecked());
        QVERIFY(!box->isEnabled());
        QCOMPARE(dialog.remember(), false);
        QCOMPARE(child<QLabel>(&dialog, "keychain")->text(), why);
        QVERIFY(child<QLabel>(&dialog, "keychain")->isVisible());
        QCOMPARE(child<QLabel>(&dialog, "retry")->text(), QStringLiteral("The passphrase given before was wrong."));
        QVERIFY(child<QLabel>(&dialog, "retry")->isVisible());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("SSH Key Passphrase"));

        // Cancel refuses, whatever was typed.
        QTest::keyClicks(child<QLineEdit>(&dialog, "secret"), QStringLiteral("x"));
        QTest::keyClick(child<QLineEdit>(&dialog, "secret"), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void secretDialogForACodeOffersNoKeychain()
    {
        SecretDialog dialog(SecretDialog::Kind::Code, QStringLiteral("mx.example.org"),
                            QStringLiteral("Verification code: "));
        dialog.show();
        QVERIFY(child<QCheckBox>(&dialog, "remember")->isHidden());
        QCOMPARE(dialog.remember(), false);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("SSH Question"));
    }

    // From here on, a real SourceManager on a store in a temporary folder.

    void addsALocalFileThroughTheEditor()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));

        SourcesDialog dialog(&s.manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 0);
        QCOMPARE(dialog.stateLine(),
                 QStringLiteral("No sources yet. Add your mail server's log: a file, the journal, or a log on "
                                "another computer over SSH."));
        QVERIFY(!child<QPushButton>(&dialog, "edit")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "remove")->isEnabled());

        QTest::mouseClick(child<QPushButton>(&dialog, "add"), Qt::LeftButton);
        SourceEditDialog *editor = dialog.editor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->windowTitle(), QStringLiteral("Add Source"));
        QVERIFY(!okButton(editor)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(editor, "path"), s.log);
        QVERIFY(okButton(editor)->isEnabled());
        QTest::mouseClick(okButton(editor), Qt::LeftButton);
        QTRY_VERIFY(!dialog.editor());

        QTRY_COMPARE(dialog.model()->rowCount(), 1);
        const QModelIndex row = dialog.model()->index(0, SourceListModel::SourceColumn);
        QCOMPARE(row.data().toString(), s.log);
        QCOMPARE(row.data(Qt::ToolTipRole).toString(), s.log);
        // The new source is selected, and its state shows as it changes.
        QCOMPARE(dialog.selectedId(), row.data(SourceListModel::IdRole).toLongLong());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::StateColumn).data().toString(),
                                  QStringLiteral("following"), 20000);
        QCOMPARE(dialog.view()->model()->index(0, SourceListModel::StateColumn).data().toString(),
                 QStringLiteral("following"));
        QTRY_COMPARE(dialog.stateLine(), QStringLiteral("%1 — following").arg(s.log));
        QVERIFY(child<QPushButton>(&dialog, "edit")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "retry")->isEnabled());
        QCOMPARE(child<QPushButton>(&dialog, "pause")->text(), QStringLiteral("&Pause"));

        // Paused and resumed.
        QTest::mouseClick(child<QPushButton>(&dialog, "pause"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::StateColumn).data().toString(),
                                  QStringLiteral("paused"), 20000);
        QCOMPARE(child<QPushButton>(&dialog, "pause")->text(), QStringLiteral("Res&ume"));
        QCOMPARE(dialog.stateLine(), QStringLiteral("%1 — paused\nPaused: press Resume to read on from where it "
                                                    "stopped.")
                                         .arg(s.log));
        QTest::mouseClick(child<QPushButton>(&dialog, "pause"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::StateColumn).data().toString(),
                                  QStringLiteral("following"), 20000);
        QCOMPARE(child<QPushButton>(&dialog, "pause")->text(), QStringLiteral("&Pause"));
    }

    void showsTheLinesReadOnceStored()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));
        SourcesDialog dialog(&s.manager);
        QVERIFY2(s.manager.addSource(s.log, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::StateColumn).data().toString(),
                                  QStringLiteral("following"), 20000);
        // The log's two lines are read and stored within a second; the count
        // shown must follow, though no more lines come.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::LinesColumn).data().toString(),
                                  QStringLiteral("2"), 5000);
        QCOMPARE(dialog.model()->index(0, SourceListModel::PositionColumn).data().toString(),
                 QStringLiteral("%1 bytes").arg(sampleLines.toUtf8().size()));
    }

    void showsWhyASourceWaits()
    {
        Sandbox s;
        const QString folder = s.dir.filePath(QStringLiteral("logs"));
        QVERIFY(QDir().mkpath(folder));
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));
        SourcesDialog dialog(&s.manager);
        dialog.show();
        QVERIFY2(s.manager.addSource(folder, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!s.manager.sources().first().reason.isEmpty(), 20000);

        // The reason in full under the table, and Retry offered.
        const SourceManager::Status status = s.manager.sources().first();
        QCOMPARE(dialog.selectedId(), status.id);
        QCOMPARE(status.state, LogSource::State::Connecting);
        QVERIFY(status.reason.contains(folder));
        QTRY_COMPARE(dialog.stateLine(), QStringLiteral("%1 — connecting: %2").arg(folder, status.reason));
        QVERIFY(child<QPushButton>(&dialog, "retry")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&dialog, "retry"), Qt::LeftButton);

        // A warning stays with its source's state.
        emit s.manager.warning(status.id, QStringLiteral("The log was replaced while MailTLS was closed."));
        QVERIFY(dialog.stateLine().endsWith(
            QStringLiteral("\nLast warning: The log was replaced while MailTLS was closed.")));
    }

    void editsASourceIntoAnother()
    {
        Sandbox s;
        const QString other = s.dir.filePath(QStringLiteral("other.log"));
        QVERIFY(QFile::copy(s.log, other));
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));
        QVERIFY2(s.manager.addSource(s.log, &error), qPrintable(error));
        SourcesDialog dialog(&s.manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, 20000);
        QTRY_VERIFY(dialog.selectedId() >= 0);

        // A double click (or Enter) on the row edits it.
        const QModelIndex cell = dialog.view()->model()->index(0, SourceListModel::SourceColumn);
        const QPoint centre = dialog.view()->visualRect(cell).center();
        // (A double click's first press comes as a click of its own.)
        QTest::mouseClick(dialog.view()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(dialog.view()->viewport(), Qt::LeftButton, {}, centre);
        SourceEditDialog *editor = dialog.editor();
        QVERIFY(editor);
        QCOMPARE(editor->windowTitle(), QStringLiteral("Edit Source"));
        QCOMPARE(child<QLineEdit>(editor, "path")->text(), s.log);
        child<QLineEdit>(editor, "path")->setText(other);
        QTest::mouseClick(okButton(editor), Qt::LeftButton);
        QTRY_VERIFY(!dialog.editor());

        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, SourceListModel::SourceColumn).data().toString(), other,
                                  20000);
        QCOMPARE(dialog.model()->rowCount(), 1);
        QTRY_COMPARE(dialog.selectedId(), s.manager.sources().first().id);
    }

    void removesASourceAfterAsking()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.openWithTheLog(&error), qPrintable(error));

        SourcesDialog dialog(&s.manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(dialog.selectedId(), s.manager.sources().first().id);

        // Cancel keeps it.
        QTest::mouseClick(child<QPushButton>(&dialog, "remove"), Qt::LeftButton);
        auto *box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
        QVERIFY(box);
        QCOMPARE(box->text(), QStringLiteral("Stop following %1?").arg(s.log));
        QCOMPARE(box->informativeText(),
                 QStringLiteral("MailTLS forgets the source's definition and reads nothing more from it. "
                                "The figures already read from it stay."));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemove")));
        QTest::qWait(200);
        QCOMPARE(s.manager.sources().size(), 1);

        // The Delete key asks too.
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.view()->setFocus();
        QTest::keyClick(dialog.view(), Qt::Key_Delete);
        box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
        QVERIFY(box);
        QTest::mouseClick(child<QPushButton>(box, "confirmRemoveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 0, 20000);
        QCOMPARE(s.manager.sources().size(), 0);
        QCOMPARE(dialog.selectedId(), -1);
    }

    void editorTestsASource()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));

        SourceEditDialog editor(&s.manager);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *test = child<QPushButton>(&editor, "testButton");
        QVERIFY(!test->isEnabled());
        child<QLineEdit>(&editor, "path")->setText(s.log);
        QVERIFY(test->isEnabled());

        QSignalSpy shown(&editor, &SourceEditDialog::testShown);
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(editor.isTesting());
        QVERIFY(child<QProgressBar>(&editor, "busy")->isVisible());
        QVERIFY(!test->isEnabled());
        QCOMPARE(editor.testResult(), QStringLiteral("Testing %1…").arg(s.log));
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.first().at(0).toBool(), true);
        QVERIFY(!editor.isTesting());
        QVERIFY(!child<QProgressBar>(&editor, "busy")->isVisible());
        QCOMPARE(editor.testResult(), shown.first().at(1).toString());
        QVERIFY(!editor.testResult().isEmpty());
        // Testing stores nothing.
        QCOMPARE(s.manager.sources().size(), 0);

        // A folder is no log: the source's own reason is shown.
        shown.clear();
        child<QLineEdit>(&editor, "path")->setText(s.dir.path());
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.first().at(0).toBool(), false);
        QCOMPARE(editor.testResult(),
                 QStringLiteral("MailTLS cannot read this log: %1").arg(shown.first().at(1).toString()));
        QVERIFY(shown.first().at(1).toString().contains(s.dir.path()));
    }

    void closingTheEditorAbandonsItsTest()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));

        SourceEditDialog editor(&s.manager);
        editor.show();
        child<QLineEdit>(&editor, "path")->setText(s.log);
        QSignalSpy shown(&editor, &SourceEditDialog::testShown);
        QSignalSpy finished(&s.manager, &SourceManager::testFinished);
        editor.startTest();
        QVERIFY(editor.isTesting());
        editor.reject();
        QVERIFY(!editor.isTesting());
        QVERIFY(finished.wait(20000));
        QCOMPARE(shown.size(), 0);
        QCOMPARE(editor.testResult(), QStringLiteral("Testing %1…").arg(s.log));
    }

    void testButtonOpensTheEditorAndTests()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.openWithTheLog(&error), qPrintable(error));

        SourcesDialog dialog(&s.manager);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "test"), Qt::LeftButton);
        SourceEditDialog *editor = dialog.editor();
        QVERIFY(editor);
        QCOMPARE(editor->windowTitle(), QStringLiteral("Edit Source"));
        QCOMPARE(editor->specText(), s.log);
        QVERIFY(editor->isTesting());
        QSignalSpy shown(editor, &SourceEditDialog::testShown);
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.first().at(0).toBool(), true);

        // OK on an unchanged source leaves it as it is.
        QTest::mouseClick(okButton(editor), Qt::LeftButton);
        QTRY_VERIFY(!dialog.editor());
        QTest::qWait(200);
        QCOMPARE(s.manager.sources().size(), 1);
        QCOMPARE(dialog.model()->rowCount(), 1);
    }

    void mainWindowOpensOneSourcesDialog()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));

        MainWindow window;
        QAction *action = window.sourcesAction();
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(action->text(), QStringLiteral("&Sources…"));
        window.setSourceManager(&s.manager);
        QVERIFY(action->isEnabled());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        action->trigger();
        SourcesDialog *first = window.sourcesDialog();
        QVERIFY(first);
        QVERIFY(first->isVisible());
        QVERIFY(!first->isModal());
        first->close();
        action->trigger();
        QCOMPARE(window.sourcesDialog(), first);
        QVERIFY(first->isVisible());
    }

    void mainWindowAsksTheAskpassQuestions()
    {
        Sandbox s;
        QString error;
        QVERIFY2(s.manager.open(&error), qPrintable(error));
        QVERIFY(s.manager.askpass());

        MainWindow window;
        window.setSourceManager(&s.manager);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        HostKeyQuestion question;
        question.host = QStringLiteral("127.0.0.1");
        question.port = 2222;
        question.keyType = QStringLiteral("ED25519");
        question.fingerprint = QStringLiteral("SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A");
        emit s.manager.askpass()->hostKeyQuestion(41, question, QStringLiteral("127.0.0.1:2222"));
        auto *hostKey = qobject_cast<HostKeyDialog *>(window.questionDialog(41));
        QVERIFY(hostKey);
        QVERIFY(hostKey->isVisible());
        QCOMPARE(child<QLabel>(hostKey, "fingerprint")->text(), question.fingerprint);
        pressReturn(hostKey);
        QVERIFY(!window.questionDialog(41));

        AskpassServer::SecretQuestion secret;
        secret.id = 42;
        secret.kind = AskpassServer::SecretKind::Password;
        secret.key = SecretStore::passwordKey(QStringLiteral("admin"), QStringLiteral("127.0.0.1"), 2222);
        secret.prompt = QStringLiteral("admin@127.0.0.1's password: ");
        secret.target = QStringLiteral("admin@127.0.0.1:2222");
        secret.storeError = SecretStore::Error::NoBackend;
        emit s.manager.askpass()->secretNeeded(secret);
        auto *password = qobject_cast<SecretDialog *>(window.questionDialog(42));
        QVERIFY(password);
        QVERIFY(password->isVisible());
        QCOMPARE(password->remember(), false);

        // The server gave up on it: the dialog goes.
        QPointer<QDialog> gone = password;
        emit s.manager.askpass()->questionClosed(42);
        QVERIFY(!window.questionDialog(42));
        QTRY_VERIFY(!gone);
    }

};

QTEST_MAIN(TestSourcesDialog)
#include "tst_sourcesdialog.moc"
