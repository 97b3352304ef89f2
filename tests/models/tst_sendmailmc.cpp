#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/sendmailmc.h"

using namespace mailtls;

namespace {

const QString debs = QStringLiteral(MAILTLS_DEBS_DIR "/sendmail");

QByteArray packageFile(const QString &relative)
{
    QFile file(debs + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// Debian's files as the packages ship them: sendmail.mc and submit.mc are
// copied to /etc/mail on installation, starttls.m4 is update_tlsm4's model.
QByteArray debianFile(const QString &name)
{
    if (name == QLatin1String("sendmail.mc"))
        return packageFile(QStringLiteral("usr/share/sendmail/cf/debian/sendmail.mc"));
    if (name == QLatin1String("submit.mc"))
        return packageFile(QStringLiteral("usr/share/sendmail/cf/debian/submit.mc"));
    if (name == QLatin1String("starttls.m4"))
        return packageFile(QStringLiteral("usr/share/sendmail/examples/tls/starttls.m4"));
    return QByteArray();
}

char letter(SendmailMc::Edit edit)
{
    switch (edit) {
    case SendmailMc::Edit::Changed:
        return 'C';
    case SendmailMc::Edit::Unchanged:
        return 'U';
    case SendmailMc::Edit::Invalid:
        return 'I';
    }
    return '?';
}

// "NAME=VALUE" sets, "@LINE NAME=VALUE" sets after a line: the letters.
QByteArray applyEdits(SendmailMc &document, const QByteArrayList &edits)
{
    QByteArray results;
    for (QByteArray edit : edits) {
        int line = 0;
        if (edit.startsWith('@')) {
            const qsizetype space = edit.indexOf(' ');
            line = edit.mid(1, space - 1).toInt();
            edit = edit.mid(space + 1);
        }
        const qsizetype equals = edit.indexOf('=');
        const QByteArray name = edit.left(equals);
        const QByteArray value = edit.mid(equals + 1);
        results += letter(line > 0 ? document.setAfterLine(line, name, value) : document.set(name, value));
    }
    return results;
}

// `from` with `before` replaced by `after` exactly once (the test fails
// otherwise: an expectation built on a string the file does not hold proves
// nothing).
QByteArray replacedOnce(const QByteArray &from, const QByteArray &before, const QByteArray &after)
{
    if (from.count(before) != 1)
        qFatal("test data: \"%s\" is not in the file exactly once", before.constData());
    QByteArray result = from;
    result.replace(before, after);
    return result;
}

QString kindText(SendmailMc::Statement::Kind kind)
{
    switch (kind) {
    case SendmailMc::Statement::Kind::Define:
        return QStringLiteral("define");
    case SendmailMc::Statement::Kind::Undefine:
        return QStringLiteral("undefine");
    case SendmailMc::Statement::Kind::Include:
        return QStringLiteral("include");
    }
    return QString();
}

// One line per statement: "define confX=value @line-endLine", with
// "(expression)" for a value that is not literal and "cond" when inside
// another macro's argument.
QStringList describe(const SendmailMc &document)
{
    QStringList lines;
    for (const SendmailMc::Statement &s : document.statements()) {
        QString text = kindText(s.kind) + QLatin1Char(' ') + QString::fromUtf8(s.name);
        if (s.kind == SendmailMc::Statement::Kind::Define)
            text += QLatin1Char('=') + (s.literal ? QString::fromUtf8(s.value) : QStringLiteral("(expression)"));
        text += QStringLiteral(" @%1-%2").arg(s.line).arg(s.endLine);
        if (s.conditional)
            text += QStringLiteral(" cond");
        if (s.optional)
            text += QStringLiteral(" optional");
        lines.append(text);
    }
    return lines;
}

const QByteArray added = "dnl # Added by MailTLS\n";

} // namespace

class TestSendmailMc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statements_data();
    void statements();
    void edits_data();
    void edits();
    void editsAreIdempotent_data();
    void editsAreIdempotent();
    void refusedEdits_data();
    void refusedEdits();
    void hostileInput();
    void files();
};

void TestSendmailMc::initTestCase()
{
    if (debianFile(QStringLiteral("sendmail.mc")).isEmpty())
        QSKIP("Debian's sendmail packages are not unpacked in " MAILTLS_DEBS_DIR "/sendmail: run ctest -R "
              "debian_packages");
}

void TestSendmailMc::statements_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("mailerLines");

    // Debian's sendmail.mc: the dnl'd defines of its comments are no
    // statements; confPRIVACY_FLAGS runs over two lines and starts its value
    // with dnl; VERSIONID, OSTYPE and FEATURE are not statements either.
    QTest::newRow("Debian sendmail.mc")
        << debianFile(QStringLiteral("sendmail.mc"))
        << QStringList {
               QStringLiteral("define _USE_ETC_MAIL_= @34-34"),
               QStringLiteral("include /usr/share/sendmail/cf/m4/cf.m4 @35-35"),
               QStringLiteral("define confPRIVACY_FLAGS=needmailhelo,needexpnhelo,needvrfyhelo,restrictqrun,"
                              "restrictexpand,nobodyreturn,authwarnings @62-63"),
               QStringLiteral("define confCONNECTION_RATE_THROTTLE=15 @66-66"),
               QStringLiteral("define confCONNECTION_RATE_WINDOW_SIZE=10m @67-67"),
               QStringLiteral("define confBAD_RCPT_THROTTLE=3 @85-85"),
               QStringLiteral("include /etc/mail/m4/dialup.m4 @97-97"),
               QStringLiteral("include /etc/mail/m4/provider.m4 @98-98"),
           }
        << QStringList {QStringLiteral("101 MAILER_DEFINITIONS"), QStringLiteral("102 MAILER"),
                        QStringLiteral("103 MAILER")};
    QTest::newRow("Debian submit.mc") << debianFile(QStringLiteral("submit.mc"))
                                      << QStringList {QStringLiteral("define _USE_ETC_MAIL_= @34-34"),
                                                      QStringLiteral("include /usr/share/sendmail/cf/m4/cf.m4 @35-35")}
                                      << QStringList();
    // Debian's starttls.m4: everything inside ifelse(..., `dnl ...'), and the
    // first define builds its value with defn().
    QTest::newRow("Debian starttls.m4")
        << debianFile(QStringLiteral("starttls.m4"))
        << QStringList {
               QStringLiteral("include /usr/share/sendmail/cf/debian/autoconf.m4 @24-24 cond"),
               QStringLiteral("define confDONT_BLAME_SENDMAIL=(expression) @32-33 cond"),
               QStringLiteral("define confTO_STARTTLS=2m @37-37 cond"),
               QStringLiteral("define confCACERT_PATH=/etc/ssl/certs @42-42 cond"),
               QStringLiteral("define confCACERT=/etc/mail/tls/sendmail-server.crt @45-45 cond"),
               QStringLiteral("define confSERVER_CERT=/etc/mail/tls/sendmail-server.crt @49-49 cond"),
               QStringLiteral("define confSERVER_KEY=/etc/mail/tls/sendmail-common.key @50-50 cond"),
               QStringLiteral("define confCLIENT_CERT=/etc/mail/tls/sendmail-client.crt @54-54 cond"),
               QStringLiteral("define confCLIENT_KEY=/etc/mail/tls/sendmail-common.key @55-55 cond"),
               QStringLiteral("define confDH_PARAMETERS=/etc/mail/tls/sendmail-common.prm @58-58 cond"),
               QStringLiteral("define confTLS_SRV_OPTIONS= @61-61 cond"),
           }
        << QStringList();
    QTest::newRow("quoting and comments")
        << QByteArray("# define(`inComment', `x')\n"
                      "dnl define(`dnlComment', `x')\n"
                      "  define(`indented', `a `nested' b')dnl # comment (with parens)\n"
                      "define(bare, 9)dnl\n"
                      "define(`withComma', `a,b')\n"
                      "define(`trailing', `v' )\n"
                      "define(`macro', MAIL_SETTINGS_DIR`x')dnl\n"
                      "define(`empty')dnl\n"
                      "undefine(`gone')dnl\n"
                      "sinclude(`tls/local.m4')dnl\n"
                      "ifdef(`x', `define(`inQuotes', `y')')dnl\n"
                      "`define(`quotedLine', `z')'\n"
                      "MAILER(`local')dnl\n")
        << QStringList {QStringLiteral("define indented=a `nested' b @3-3"),
                        QStringLiteral("define bare=9 @4-4"),
                        QStringLiteral("define withComma=a,b @5-5"),
                        QStringLiteral("define trailing=v  @6-6"),
                        QStringLiteral("define macro=(expression) @7-7"),
                        QStringLiteral("define empty= @8-8"),
                        QStringLiteral("undefine gone @9-9"),
                        QStringLiteral("include tls/local.m4 @10-10 optional"),
                        QStringLiteral("define quotedLine=z @12-12 cond")}
        << QStringList {QStringLiteral("13 MAILER")};
    QTest::newRow("a statement never closed") << QByteArray("define(`a', `b'\n") << QStringList() << QStringList();
}

void TestSendmailMc::statements()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, mailerLines);
    QVERIFY(!text.isEmpty());
    SendmailMc document;
    QVERIFY(document.setText(text, QStringLiteral("/etc/mail/sendmail.mc")));
    QCOMPARE(describe(document), expected);
    QStringList mailers;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray trimmed = lines.at(i).trimmed();
        if (trimmed.startsWith("MAILER_DEFINITIONS"))
            mailers.append(QStringLiteral("%1 MAILER_DEFINITIONS").arg(i + 1));
        else if (trimmed.startsWith("MAILER("))
            mailers.append(QStringLiteral("%1 MAILER").arg(i + 1));
    }
    QCOMPARE(mailers, mailerLines);
    QCOMPARE(document.text(), text);
    QVERIFY(!document.isModified());
}

void TestSendmailMc::edits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("edits");
    QTest::addColumn<QByteArray>("results");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray sendmailMc = debianFile(QStringLiteral("sendmail.mc"));
    const QByteArray submitMc = debianFile(QStringLiteral("submit.mc"));
    const QByteArray starttls = debianFile(QStringLiteral("starttls.m4"));
    const QByteArray mailerDefinitions = "dnl # Default Mailer setup\nMAILER_DEFINITIONS\n";

    QTest::newRow("Debian sendmail.mc: a new define goes before the mailers")
        << sendmailMc << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
        << replacedOnce(sendmailMc, mailerDefinitions,
                        "dnl # Default Mailer setup\n" + added
                            + "define(`confLOG_LEVEL', `9')dnl\nMAILER_DEFINITIONS\n");
    QTest::newRow("Debian sendmail.mc: two new defines under one comment")
        << sendmailMc << QByteArrayList {"confDH_PARAMETERS=/etc/mail/tls/dh_ffdhe3072.pem", "confLOG_LEVEL=9"}
        << QByteArray("CC")
        << replacedOnce(sendmailMc, mailerDefinitions,
                        "dnl # Default Mailer setup\n" + added
                            + "define(`confDH_PARAMETERS', `/etc/mail/tls/dh_ffdhe3072.pem')dnl\n"
                              "define(`confLOG_LEVEL', `9')dnl\nMAILER_DEFINITIONS\n");
    QTest::newRow("Debian sendmail.mc: a define changed in place")
        << sendmailMc << QByteArrayList {"confCONNECTION_RATE_THROTTLE=20"} << QByteArray("C")
        << replacedOnce(sendmailMc, "define(`confCONNECTION_RATE_THROTTLE', `15')dnl",
                        "define(`confCONNECTION_RATE_THROTTLE', `20')dnl");
    QTest::newRow("Debian sendmail.mc: a value over two lines")
        << sendmailMc << QByteArrayList {"confPRIVACY_FLAGS=goaway"} << QByteArray("C")
        << replacedOnce(sendmailMc,
                        "define(`confPRIVACY_FLAGS',dnl\n`needmailhelo,needexpnhelo,needvrfyhelo,restrictqrun,"
                        "restrictexpand,nobodyreturn,authwarnings')dnl",
                        "define(`confPRIVACY_FLAGS',dnl\n`goaway')dnl");
    QTest::newRow("Debian sendmail.mc: after the provider include")
        << sendmailMc << QByteArrayList {"@98 confDH_PARAMETERS=2"} << QByteArray("C")
        << replacedOnce(sendmailMc, "include(`/etc/mail/m4/provider.m4')dnl\n",
                        "include(`/etc/mail/m4/provider.m4')dnl\n" + added + "define(`confDH_PARAMETERS', `2')dnl\n");
    QTest::newRow("Debian submit.mc: no mailers, so at the end")
        << submitMc << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
        << submitMc + added + "define(`confLOG_LEVEL', `9')dnl\n";
    QTest::newRow("Debian starttls.m4: inside its ifelse, in place")
        << starttls << QByteArrayList {"confDH_PARAMETERS=/etc/mail/tls/dh_ffdhe3072.pem"} << QByteArray("C")
        << replacedOnce(starttls, "define(`confDH_PARAMETERS',`/etc/mail/tls/sendmail-common.prm')dnl",
                        "define(`confDH_PARAMETERS',`/etc/mail/tls/dh_ffdhe3072.pem')dnl");
    QTest::newRow("a bare number stays bare")
        << QByteArray("define(confLOG_LEVEL, 9)dnl\n") << QByteArrayList {"confLOG_LEVEL=12"} << QByteArray("C")
        << QByteArray("define(confLOG_LEVEL, 12)dnl\n");
    QTest::newRow("a bare value becomes quoted text")
        << QByteArray("define(confDH_PARAMETERS, none)dnl\n") << QByteArrayList {"confDH_PARAMETERS=/etc/mail/dh.pem"}
        << QByteArray("C") << QByteArray("define(confDH_PARAMETERS, `/etc/mail/dh.pem')dnl\n");
    QTest::newRow("an expression is replaced by the value")
        << QByteArray("define(`confCACERT_PATH', MAIL_SETTINGS_DIR`certs')dnl\n")
        << QByteArrayList {"confCACERT_PATH=/etc/ssl/certs"} << QByteArray("C")
        << QByteArray("define(`confCACERT_PATH', `/etc/ssl/certs')dnl\n");
    QTest::newRow("a define without a value gets one")
        << QByteArray("define(`confDH_PARAMETERS')dnl\n") << QByteArrayList {"confDH_PARAMETERS=2"} << QByteArray("C")
        << QByteArray("define(`confDH_PARAMETERS', `2')dnl\n");
    QTest::newRow("only the last of two defines changes")
        << QByteArray("define(`confLOG_LEVEL', `5')dnl\ndefine(`confLOG_LEVEL', `6')dnl\nMAILER(`smtp')dnl\n")
        << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
        << QByteArray("define(`confLOG_LEVEL', `5')dnl\ndefine(`confLOG_LEVEL', `9')dnl\nMAILER(`smtp')dnl\n");
    QTest::newRow("after an undefine, not before the mailers")
        << QByteArray("define(`confLOG_LEVEL', `5')dnl\nundefine(`confLOG_LEVEL')dnl\nMAILER(`smtp')dnl\n")
        << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
        << QByteArray("define(`confLOG_LEVEL', `5')dnl\nundefine(`confLOG_LEVEL')dnl\n" + added
                      + "define(`confLOG_LEVEL', `9')dnl\nMAILER(`smtp')dnl\n");
    QTest::newRow("a define in quotes of another macro is edited where it is")
        << QByteArray("ifdef(`TLS', `dnl\ndefine(`confLOG_LEVEL', `5')dnl\n')dnl\n")
        << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
        << QByteArray("ifdef(`TLS', `dnl\ndefine(`confLOG_LEVEL', `9')dnl\n')dnl\n");
    QTest::newRow("CRLF line ends")
        << QByteArray("define(`a', `1')dnl\r\nMAILER(`smtp')dnl\r\n") << QByteArrayList {"confLOG_LEVEL=9"}
        << QByteArray("C")
        << QByteArray("define(`a', `1')dnl\r\ndnl # Added by MailTLS\r\ndefine(`confLOG_LEVEL', `9')dnl\r\n"
                      "MAILER(`smtp')dnl\r\n");
    QTest::newRow("no final newline") << QByteArray("define(`a', `1')dnl") << QByteArrayList {"confLOG_LEVEL=9"}
                                      << QByteArray("C")
                                      << QByteArray("define(`a', `1')dnl\n" + added
                                                    + "define(`confLOG_LEVEL', `9')dnl\n");
    QTest::newRow("an empty file") << QByteArray() << QByteArrayList {"confLOG_LEVEL=9"} << QByteArray("C")
                                   << QByteArray(added + "define(`confLOG_LEVEL', `9')dnl\n");
    QTest::newRow("the value it has already")
        << sendmailMc << QByteArrayList {"confCONNECTION_RATE_THROTTLE=15"} << QByteArray("U") << sendmailMc;
}

void TestSendmailMc::edits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, edits);
    QFETCH(QByteArray, results);
    QFETCH(QByteArray, expected);
    SendmailMc document;
    QVERIFY(document.setText(text, QStringLiteral("/etc/mail/sendmail.mc")));
    QCOMPARE(applyEdits(document, edits), results);
    QCOMPARE(document.text(), expected);
    QCOMPARE(document.isModified(), text != expected);
    QCOMPARE(document.originalText(), text);
    // The edited text reads back with the new values.
    SendmailMc again;
    QVERIFY(again.setText(document.text()));
    for (QByteArray edit : edits) {
        if (edit.startsWith('@'))
            edit = edit.mid(edit.indexOf(' ') + 1);
        const qsizetype equals = edit.indexOf('=');
        QCOMPARE(again.value(edit.left(equals)).value_or("(undefined)"), edit.mid(equals + 1));
    }
}

void TestSendmailMc::editsAreIdempotent_data()
{
    edits_data();
}

void TestSendmailMc::editsAreIdempotent()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, edits);
    SendmailMc document;
    QVERIFY(document.setText(text));
    applyEdits(document, edits);
    const QByteArray once = document.text();
    // The same edits again, without the line numbers (the define is there).
    QByteArrayList again;
    for (QByteArray edit : edits)
        again.append(edit.startsWith('@') ? edit.mid(edit.indexOf(' ') + 1) : edit);
    SendmailMc second;
    QVERIFY(second.setText(once));
    QCOMPARE(applyEdits(second, again), QByteArray(again.size(), 'U'));
    QCOMPARE(second.text(), once);
}

void TestSendmailMc::refusedEdits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("error");

    const QByteArray mc = "define(`a', `1')dnl\n";
    QTest::newRow("a quote in the value")
        << mc << QByteArray("confSERVER_CERT") << QByteArray("/etc/mail/o'brien.pem")
        << QStringLiteral("the value for confSERVER_CERT holds a quote character, a line break or a NUL byte, which "
                          "sendmail.mc cannot take literally");
    QTest::newRow("a backquote in the value")
        << mc << QByteArray("confSERVER_CERT") << QByteArray("/tmp/`x`")
        << QStringLiteral(
               "the value for confSERVER_CERT holds a quote character, a line break or a NUL byte, which sendmail.mc "
               "cannot take literally");
    QTest::newRow("a line break in the value")
        << mc << QByteArray("confLOG_LEVEL") << QByteArray("9\nMAILER(`evil')")
        << QStringLiteral("the value for confLOG_LEVEL holds a quote character, a line break or a NUL byte, which "
                          "sendmail.mc cannot take literally");
    QTest::newRow("not a macro name") << mc << QByteArray("conf LOG") << QByteArray("9")
                                      << QStringLiteral("\"conf LOG\" is not an m4 macro name");
    QTest::newRow("quotes never closed")
        << QByteArray("define(`a', `1')dnl\ndefine(`b', `never closed)dnl\n") << QByteArray("confLOG_LEVEL")
        << QByteArray("9")
        << QStringLiteral("/etc/mail/sendmail.mc has a quote (`) that is never closed: m4 reads everything after it "
                          "as one string, so the file is not edited");
}

void TestSendmailMc::refusedEdits()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, error);
    SendmailMc document;
    QVERIFY(document.setText(text, QStringLiteral("/etc/mail/sendmail.mc")));
    QCOMPARE(letter(document.set(name, value)), 'I');
    QCOMPARE(document.errorString(), error);
    QCOMPARE(letter(document.setAfterLine(1, name, value)), 'I');
    QCOMPARE(document.text(), text);
}

void TestSendmailMc::hostileInput()
{
    // A line of a megabyte, NUL bytes and bytes that are not UTF-8 stay as
    // they are; the edit lands after them.
    const QByteArray longLine = "dnl " + QByteArray(1024 * 1024, 'x') + '\n';
    const QByteArray odd = QByteArray("define(`confX', `a\0b')dnl\n", 26) + "dnl caf\xe9 \xff\xfe\n";
    SendmailMc document;
    QVERIFY(document.setText(longLine + odd));
    QCOMPARE(letter(document.set("confLOG_LEVEL", "9")), 'C');
    QCOMPARE(document.text(), longLine + odd + added + "define(`confLOG_LEVEL', `9')dnl\n");
    QCOMPARE(document.value("confX").value_or("(none)"), QByteArray("a\0b", 3));

    // Parentheses and quotes out of balance in comments do not confuse the reader.
    const QByteArray comments = "dnl ( unbalanced ` quote in a dnl comment\n"
                                "# and ' in an m4 comment (\n"
                                "define(`confLOG_LEVEL', `5')dnl\n";
    QVERIFY(document.setText(comments));
    QVERIFY(!document.hasUnbalancedQuotes());
    QCOMPARE(letter(document.set("confLOG_LEVEL", "9")), 'C');
    QCOMPARE(document.text(), QByteArray(comments).replace("`5'", "`9'"));

    // Too large to read.
    QVERIFY(!document.setText(QByteArray(SendmailMc::MaxBytes + 1, '\n'), QStringLiteral("/etc/mail/big.mc")));
    QCOMPARE(document.errorString(),
             QStringLiteral("/etc/mail/big.mc is larger than MailTLS reads (4194304 bytes, 100000 lines)"));
    QCOMPARE(document.text(), QByteArray());
}

void TestSendmailMc::files()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SendmailMc document;
    const QString missing = dir.filePath(QStringLiteral("sendmail.mc"));
    QVERIFY(!document.load(missing));
    QCOMPARE(document.errorString(), QStringLiteral("%1 does not exist").arg(missing));

    QVERIFY(!document.load(dir.path()));
    QCOMPARE(document.errorString(), QStringLiteral("%1 is not a regular file").arg(dir.path()));

    // A read-only file is read (the plan writes it, as root, later).
    QFile file(missing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(debianFile(QStringLiteral("sendmail.mc")));
    file.close();
    QVERIFY(::chmod(QFile::encodeName(missing).constData(), 0444) == 0);
    QVERIFY(document.load(missing));
    QCOMPARE(document.path(), missing);
    QCOMPARE(document.text(), debianFile(QStringLiteral("sendmail.mc")));
    QCOMPARE(document.includes().size(), 3);
}

QTEST_GUILESS_MAIN(TestSendmailMc)
#include "tst_sendmailmc.moc"
