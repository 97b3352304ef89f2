#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/lettertemplate.h"

using namespace mailtls;

namespace {

// A complete template with one line per section, to be broken by a test.
QString minimalTemplate()
{
    QString text = QStringLiteral("# comment\n\n");
    for (const QString &section : LetterTemplate::sectionNames())
        text += QStringLiteral("[%1]\ntext of %1\n\n").arg(section);
    return text;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestLetterTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void builtIn_data();
    void builtIn();
    void sections();
    void problems_data();
    void problems();
    void userCopy();
    void brokenUserCopy();
    void unreadableUserCopy();
    void unknownLanguage();
    void fill();
};

void TestLetterTemplate::builtIn_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("bodyStart");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringLiteral("Please switch on encryption for mail between {{their_domain}} and "
                                          "{{our_domain}}")
                        << QStringLiteral("Hello,\n\nI look after the mail server of {{our_domain}}.");
    QTest::newRow("de") << QStringLiteral("de")
                        << QStringLiteral("Bitte Verschlüsselung für E-Mail zwischen {{their_domain}} und "
                                          "{{our_domain}} einschalten")
                        << QStringLiteral("Guten Tag,\n\nich betreue den Mailserver von {{our_domain}}.");
}

void TestLetterTemplate::builtIn()
{
    QFETCH(QString, language);
    QFETCH(QString, subject);
    QFETCH(QString, bodyStart);
    QTemporaryDir dir;
    QString note = QStringLiteral("untouched");
    const std::optional<LetterTemplate> t = LetterTemplate::load(language, dir.filePath(QStringLiteral("none.txt")),
                                                                 &note);
    QVERIFY(t);
    QCOMPARE(note, QString());
    QCOMPARE(t->origin(), QStringLiteral(":/letters/%1.txt").arg(language));
    QCOMPARE(t->section(QStringLiteral("subject")), subject);
    QVERIFY2(t->section(QStringLiteral("body")).startsWith(bodyStart), qPrintable(t->section(QStringLiteral("body"))));
    for (const QString &section : LetterTemplate::sectionNames())
        QVERIFY2(!t->section(section).isEmpty(), qPrintable(section));
}

void TestLetterTemplate::sections()
{
    QStringList problems;
    const std::optional<LetterTemplate> t = LetterTemplate::parse(
        minimalTemplate() + QStringLiteral("[advice:unknown]\n"), &problems);
    QVERIFY(!t);
    QCOMPARE(problems, QStringList{QStringLiteral("line 45: section [advice:unknown] appears twice")});

    const std::optional<LetterTemplate> ok = LetterTemplate::parse(
        minimalTemplate().replace(QStringLiteral("[subject]\ntext of subject\n"),
                                  QStringLiteral("[subject]\n\n  Hi {{their_domain}}  \n\n")),
        &problems);
    QVERIFY(ok);
    QCOMPARE(problems, QStringList());
    // Blank lines around a section's text are the file's layout; the
    // text's own spaces stay.
    QCOMPARE(ok->section(QStringLiteral("subject")), QStringLiteral("  Hi {{their_domain}}  "));
    QCOMPARE(ok->section(QStringLiteral("advice:weak-dh")), QStringLiteral("text of advice:weak-dh"));
    QCOMPARE(ok->section(QStringLiteral("nonexistent")), QString());
}

void TestLetterTemplate::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("problems");

    const QString full = minimalTemplate();
    QTest::newRow("unknown placeholder in the body")
        << QString(full).replace(QStringLiteral("text of body"), QStringLiteral("Dear {{name}},\nok {{advice}}"))
        << QStringList{QStringLiteral("line 7: unknown placeholder {{name}} in [body]")};
    QTest::newRow("a placeholder of another section")
        << QString(full).replace(QStringLiteral("text of subject"), QStringLiteral("About {{failures}}"))
        << QStringList{QStringLiteral("line 4: unknown placeholder {{failures}} in [subject]")};
    QTest::newRow("two on one line, spaces inside braces")
        << QString(full).replace(QStringLiteral("text of failure"),
                                 QStringLiteral("{{ peer }} {{when}} {{ count }} {{Peer}}"))
        << QStringList{QStringLiteral("line 10: unknown placeholder {{when}} in [failure]"),
                       QStringLiteral("line 10: unknown placeholder {{Peer}} in [failure]")};
    QTest::newRow("unmatched braces")
        << QString(full).replace(QStringLiteral("text of probe-none"), QStringLiteral("see {{their_mx}"))
        << QStringList{QStringLiteral("line 22: unmatched braces in [probe-none]")};
    QTest::newRow("missing sections")
        << QString(full)
               .remove(QStringLiteral("[advice:old-tls]\ntext of advice:old-tls\n\n"))
               .remove(QStringLiteral("[probe]\ntext of probe\n\n"))
        << QStringList{QStringLiteral("section [probe] is missing"),
                       QStringLiteral("section [advice:old-tls] is missing")};
    QTest::newRow("unknown section, text before the first")
        << QStringLiteral("Hello\n") + full + QStringLiteral("[advice:bad-dns]\n{{whatever}}\n")
        << QStringList{QStringLiteral("line 1: text before the first section"),
                       QStringLiteral("line 46: unknown section [advice:bad-dns]")};
    QTest::newRow("subject of two lines")
        << QString(full).replace(QStringLiteral("text of subject"), QStringLiteral("one\ntwo"))
        << QStringList{QStringLiteral("section [subject] must be exactly one line")};
    QTest::newRow("empty subject")
        << QString(full).replace(QStringLiteral("text of subject"), QStringLiteral("  "))
        << QStringList{QStringLiteral("section [subject] must be exactly one line")};
    QTest::newRow("empty file") << QString()
                                << QStringList{QStringLiteral("section [subject] is missing"),
                                               QStringLiteral("section [body] is missing"),
                                               QStringLiteral("section [failure] is missing"),
                                               QStringLiteral("section [direction:inbound] is missing"),
                                               QStringLiteral("section [direction:outbound] is missing"),
                                               QStringLiteral("section [probe] is missing"),
                                               QStringLiteral("section [probe-none] is missing"),
                                               QStringLiteral("section [advice:no-starttls] is missing"),
                                               QStringLiteral("section [advice:no-tls-client] is missing"),
                                               QStringLiteral("section [advice:handshake] is missing"),
                                               QStringLiteral("section [advice:weak-dh] is missing"),
                                               QStringLiteral("section [advice:old-tls] is missing"),
                                               QStringLiteral("section [advice:certificate] is missing"),
                                               QStringLiteral("section [advice:unknown] is missing")};
}

void TestLetterTemplate::problems()
{
    QFETCH(QString, text);
    QFETCH(QStringList, problems);
    QStringList found{QStringLiteral("stale")};
    const std::optional<LetterTemplate> t = LetterTemplate::parse(text, &found);
    QVERIFY(!t);
    QCOMPARE(found, problems);
}

void TestLetterTemplate::userCopy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("de.txt"));
    QString text = minimalTemplate();
    // Windows line ends are the same text.
    text.replace(QStringLiteral("text of body"), QStringLiteral("Hallo {{recipient_address}},\r\n{{advice}}"));
    QVERIFY(writeFile(path, text.toUtf8()));
    QString note = QStringLiteral("stale");
    const std::optional<LetterTemplate> t = LetterTemplate::load(QStringLiteral("de"), path, &note);
    QVERIFY(t);
    QCOMPARE(note, QString());
    QCOMPARE(t->origin(), path);
    QCOMPARE(t->section(QStringLiteral("body")), QStringLiteral("Hallo {{recipient_address}},\n{{advice}}"));
}

void TestLetterTemplate::brokenUserCopy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("en.txt"));
    QVERIFY(writeFile(path, minimalTemplate()
                                .replace(QStringLiteral("text of body"), QStringLiteral("Dear {{name}}"))
                                .remove(QStringLiteral("[probe]\ntext of probe\n\n"))
                                .toUtf8()));
    QString note;
    const std::optional<LetterTemplate> t = LetterTemplate::load(QStringLiteral("en"), path, &note);
    QVERIFY(t);
    QCOMPARE(t->origin(), QStringLiteral(":/letters/en.txt"));
    QCOMPARE(note, QStringLiteral("%1 is not used, the built-in template is: line 7: unknown placeholder {{name}} "
                                  "in [body]; section [probe] is missing")
                       .arg(path));
}

void TestLetterTemplate::unreadableUserCopy()
{
    // A folder where the file should be: it exists and cannot be read as
    // a file (permissions would not stop a test run as root).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("en.txt"));
    QVERIFY(QDir().mkdir(path));
    QString note;
    const std::optional<LetterTemplate> t = LetterTemplate::load(QStringLiteral("en"), path, &note);
    QVERIFY(t);
    QCOMPARE(t->origin(), QStringLiteral(":/letters/en.txt"));
    QVERIFY2(note.startsWith(path + QStringLiteral(" cannot be read (")), qPrintable(note));
    QVERIFY2(note.endsWith(QStringLiteral("): the built-in template is used")), qPrintable(note));
}

void TestLetterTemplate::unknownLanguage()
{
    QTemporaryDir dir;
    QString note;
    QVERIFY(!LetterTemplate::load(QStringLiteral("fr"), dir.filePath(QStringLiteral("fr.txt")), &note));
    QCOMPARE(note, QStringLiteral("there is no letter template for the language \"fr\""));
    QCOMPARE(LetterTemplate::defaultText(QStringLiteral("fr")), QString());

    // The user's own language works when the copy is complete.
    const QString path = dir.filePath(QStringLiteral("fr.txt"));
    QVERIFY(writeFile(path, minimalTemplate().toUtf8()));
    const std::optional<LetterTemplate> own = LetterTemplate::load(QStringLiteral("fr"), path, &note);
    QVERIFY(own);
    QCOMPARE(own->origin(), path);
}

void TestLetterTemplate::fill()
{
    const QHash<QString, QString> values{{QStringLiteral("peer"), QStringLiteral("mx1.example.test")},
                                         {QStringLiteral("count"), QStringLiteral("{{peer}}")}};
    // A value is never read as a template in turn.
    QCOMPARE(LetterTemplate::fill(QStringLiteral("{{peer}}: {{ count }} times, {{absent}}."), values),
             QStringLiteral("mx1.example.test: {{peer}} times, ."));
    QCOMPARE(LetterTemplate::fill(QStringLiteral("no placeholders"), values), QStringLiteral("no placeholders"));
}

QTEST_GUILESS_MAIN(TestLetterTemplate)
#include "tst_lettertemplate.moc"
