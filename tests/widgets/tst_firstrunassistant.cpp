#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "widgets/firstrunassistant.h"
#include "widgets/sourceeditdialog.h"

using namespace mailtls;

namespace {

using Kind = LocalLogCandidate::Kind;
using Status = LocalLogCandidate::Status;
using Choice = FirstRunAssistant::Choice;

LocalLogCandidate candidate(Kind kind, const char *path, Status status, const char *reason = "")
{
    LocalLogCandidate c;
    c.kind = kind;
    c.path = QString::fromLatin1(path);
    c.status = status;
    c.reason = QString::fromLatin1(reason);
    return c;
}

const QString closedLog =
    QStringLiteral("Permission denied reading /var/log/mail.log: add your user to the adm group, or run as root");
const QString closedJournal = QStringLiteral(
    "Permission denied reading the systemd journal: add your user to the systemd-journal group, or run as root");

// The usual places: the second file and the journal readable.
QList<LocalLogCandidate> someReadable()
{
    return {candidate(Kind::File, "/var/log/mail.log", Status::Missing, "/var/log/mail.log does not exist"),
            candidate(Kind::File, "/var/log/maillog", Status::Readable),
            candidate(Kind::Journal, "", Status::Readable)};
}

QList<LocalLogCandidate> noneReadable()
{
    return {candidate(Kind::File, "/var/log/mail.log", Status::Unreadable, qPrintable(closedLog)),
            candidate(Kind::File, "/var/log/maillog", Status::Missing, "/var/log/maillog does not exist"),
            candidate(Kind::Journal, "", Status::Unreadable, qPrintable(closedJournal))};
}

// The keys go where a user's would: to the widget with the focus.
void press(QWidget *window, Qt::Key key)
{
    QWidget *target = window->focusWidget() ? window->focusWidget() : window;
    QTest::keyClick(target, key);
}

// A click on a radio button's indicator (its middle may be past its text).
void clickOption(FirstRunAssistant &assistant, const QString &name)
{
    auto *option = assistant.findChild<QRadioButton *>(name);
    QTest::mouseClick(option, Qt::LeftButton, {}, QPoint(option->height() / 2, option->height() / 2));
}

bool showAndActivate(QWidget *window)
{
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

// Fills the SSH page of a source editor the assistant opened, and presses OK.
bool enterSshSource(FirstRunAssistant &assistant, const QString &host, const QString &path)
{
    SourceEditDialog *editor = assistant.sourceEditor();
    if (!editor || !QTest::qWaitForWindowExposed(editor))
        return false;
    auto *ssh = editor->findChild<QRadioButton *>(QStringLiteral("kindSsh"));
    if (!ssh || !ssh->isChecked())
        return false;
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("host")), host);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("remotePath")), path);
    QPushButton *ok = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (!ok->isEnabled())
        return false;
    QTest::mouseClick(ok, Qt::LeftButton);
    return true;
}

} // namespace

class TestFirstRunAssistant final : public QObject
{
    Q_OBJECT

private slots:
    void offersTheFirstReadableLog()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        auto *first = assistant.findChild<QRadioButton *>(QStringLiteral("localOption0"));
        auto *journal = assistant.findChild<QRadioButton *>(QStringLiteral("localOption1"));
        QVERIFY(first && journal);
        QCOMPARE(first->text(), QStringLiteral("&Follow /var/log/maillog on this computer"));
        QCOMPARE(journal->text(), QStringLiteral("Follow the systemd journal on this computer"));
        QVERIFY(!assistant.findChild<QRadioButton *>(QStringLiteral("localOption2")));
        QVERIFY(!assistant.findChild<QLabel *>(QStringLiteral("localProblems")));
        QVERIFY(first->isChecked());
        QCOMPARE(assistant.focusWidget(), first);

        QSignalSpy accepted(&assistant, &QDialog::accepted);
        press(&assistant, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(assistant.choice(), Choice::Source);
        QVERIFY(assistant.chosenSource().has_value());
        QCOMPARE(assistant.chosenSource()->toString(), QStringLiteral("/var/log/maillog"));
        QCOMPARE(assistant.chosenImportFiles(), QStringList());
        QVERIFY(!assistant.chosenDemo());
    }

    void theKeyboardPicksTheJournal()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        press(&assistant, Qt::Key_Down);
        auto *journal = assistant.findChild<QRadioButton *>(QStringLiteral("localOption1"));
        QVERIFY(journal->isChecked());
        QCOMPARE(assistant.focusWidget(), journal);
        press(&assistant, Qt::Key_Return);
        QCOMPARE(assistant.result(), int(QDialog::Accepted));
        QCOMPARE(assistant.chosenSource()->toString(), QStringLiteral("journal"));
        QCOMPARE(assistant.chosenSource()->kind, SourceSpec::Kind::Journal);
    }

    void unreadableLogsAreListedWithWhatToDo()
    {
        FirstRunAssistant assistant(noneReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QVERIFY(!assistant.findChild<QRadioButton *>(QStringLiteral("localOption0")));
        auto *problems = assistant.findChild<QLabel *>(QStringLiteral("localProblems"));
        QVERIFY(problems);
        QCOMPARE(problems->text(), QStringLiteral("This computer has a mail log you may not read yet:\n• ") + closedLog
                                       + QStringLiteral("\n• ") + closedJournal);
        // Nothing to follow here: the demo is what Enter gives.
        auto *demo = assistant.findChild<QRadioButton *>(QStringLiteral("demoOption"));
        QVERIFY(demo->isChecked());
        QCOMPARE(demo->accessibleDescription(), QStringLiteral("A sample log bundled with MailTLS, not your mail. The "
                                                               "window says \"Demo data\" while it shows it."));
        press(&assistant, Qt::Key_Return);
        QCOMPARE(assistant.choice(), Choice::Demo);
        QVERIFY(assistant.chosenDemo());
        QVERIFY(!assistant.chosenSource().has_value());
    }

    void saysWhenNoLogIsFound()
    {
        FirstRunAssistant assistant({candidate(Kind::File, "/var/log/mail.log", Status::Missing, "gone"),
                                     candidate(Kind::Journal, "", Status::Missing, "no journal")},
                                    nullptr);
        auto *problems = assistant.findChild<QLabel *>(QStringLiteral("localProblems"));
        QVERIFY(problems);
        QCOMPARE(problems->text(), QStringLiteral("No mail server log was found on this computer."));
    }

    void continueOnSshOpensTheSourceEditor()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QSignalSpy accepted(&assistant, &QDialog::accepted);
        clickOption(assistant, QStringLiteral("remoteOption"));
        press(&assistant, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(assistant.sourceEditor());
        QVERIFY(enterSshSource(assistant, QStringLiteral("mx.example.org"), QStringLiteral("/var/log/mail.log")));
        // The editor's OK finishes the assistant too: the option was chosen.
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(assistant.choice(), Choice::Source);
        QCOMPARE(assistant.chosenSource()->toString(), QStringLiteral("ssh://mx.example.org/var/log/mail.log"));
        QVERIFY(assistant.chosenSource()->isRemote());
    }

    void setUpFirstThenContinue()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QSignalSpy accepted(&assistant, &QDialog::accepted);
        auto *setUp = assistant.findChild<QPushButton *>(QStringLiteral("remoteSetUp"));
        QCOMPARE(setUp->accessibleName(), QStringLiteral("Set up the log on another computer"));
        QTest::mouseClick(setUp, Qt::LeftButton);
        QVERIFY(assistant.findChild<QRadioButton *>(QStringLiteral("remoteOption"))->isChecked());
        QVERIFY(enterSshSource(assistant, QStringLiteral("backup-mx.example.net"), QStringLiteral("/var/log/maillog")));
        QTRY_VERIFY(!assistant.sourceEditor());
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(assistant.findChild<QLabel *>(QStringLiteral("remoteSource"))->text(),
                 QStringLiteral("Will follow backup-mx.example.net: /var/log/maillog"));
        QCOMPARE(assistant.choice(), Choice::None);

        // Continue has the focus now: Enter does not set up again.
        QTRY_COMPARE(assistant.focusWidget(), assistant.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));
        press(&assistant, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(assistant.chosenSource()->toString(), QStringLiteral("ssh://backup-mx.example.net/var/log/maillog"));
    }

    void cancellingTheEditorKeepsTheAssistantOpen()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        clickOption(assistant, QStringLiteral("remoteOption"));
        press(&assistant, Qt::Key_Return);
        QPointer<SourceEditDialog> editor = assistant.sourceEditor();
        QVERIFY(editor);
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editor);
        QVERIFY(assistant.isVisible());
        QCOMPARE(assistant.choice(), Choice::None);
        // A later source set up with the button does not finish it by itself.
        assistant.editRemoteSource();
        QVERIFY(enterSshSource(assistant, QStringLiteral("mx.example.org"), QStringLiteral("/var/log/mail.log")));
        QTRY_VERIFY(!assistant.sourceEditor());
        QVERIFY(assistant.isVisible());
        QCOMPARE(assistant.choice(), Choice::None);
    }

    void importsChosenFiles()
    {
        QTemporaryDir dir;
        for (const char *name : {"mail.log", "mail.log.1"}) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QSignalSpy accepted(&assistant, &QDialog::accepted);
        QTest::mouseClick(assistant.findChild<QPushButton *>(QStringLiteral("importChoose")), Qt::LeftButton);
        QVERIFY(assistant.findChild<QRadioButton *>(QStringLiteral("importOption"))->isChecked());
        QFileDialog *picker = assistant.filePicker();
        QVERIFY(picker);
        QCOMPARE(picker->fileMode(), QFileDialog::ExistingFiles);
        picker->setDirectory(dir.path());
        picker->selectFile(QStringLiteral("\"mail.log\" \"mail.log.1\""));
        // What the Open button does.
        static_cast<QDialog *>(picker)->accept();
        QTRY_VERIFY(!assistant.filePicker());
        QCOMPARE(accepted.count(), 0);
        auto *files = assistant.findChild<QLabel *>(QStringLiteral("importFiles"));
        QCOMPARE(files->text(), QStringLiteral("Will import mail.log, mail.log.1"));

        press(&assistant, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(assistant.choice(), Choice::ImportFiles);
        QCOMPARE(assistant.chosenImportFiles(),
                 (QStringList{dir.filePath(QStringLiteral("mail.log")), dir.filePath(QStringLiteral("mail.log.1"))}));
        QVERIFY(!assistant.chosenSource().has_value());
    }

    void continueOnImportOpensThePicker()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("maillog")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        FirstRunAssistant assistant(noneReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QSignalSpy accepted(&assistant, &QDialog::accepted);
        clickOption(assistant, QStringLiteral("importOption"));
        press(&assistant, Qt::Key_Return);
        QFileDialog *picker = assistant.filePicker();
        QVERIFY(picker);
        picker->setDirectory(dir.path());
        picker->selectFile(QStringLiteral("maillog"));
        // What the Open button does.
        static_cast<QDialog *>(picker)->accept();
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(assistant.chosenImportFiles(), QStringList{file.fileName()});
    }

    void escapeChoosesNothing()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        QVERIFY(showAndActivate(&assistant));
        QSignalSpy rejected(&assistant, &QDialog::rejected);
        press(&assistant, Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(assistant.choice(), Choice::None);
        QVERIFY(!assistant.chosenSource().has_value());
        QVERIFY(!assistant.chosenDemo());
    }

    void everyControlHasAName()
    {
        FirstRunAssistant assistant(someReadable(), nullptr);
        for (QRadioButton *option : assistant.findChildren<QRadioButton *>()) {
            QVERIFY2(!option->text().isEmpty(), qPrintable(option->objectName()));
            QVERIFY2(!option->accessibleDescription().isEmpty(), qPrintable(option->objectName()));
        }
        for (QPushButton *button : assistant.findChildren<QPushButton *>())
            QVERIFY2(!button->text().isEmpty(), qPrintable(button->objectName()));
        QCOMPARE(assistant.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text(),
                 QStringLiteral("&Continue"));
    }
};

QTEST_MAIN(TestFirstRunAssistant)
#include "tst_firstrunassistant.moc"
