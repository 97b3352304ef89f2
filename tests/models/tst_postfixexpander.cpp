#include <QElapsedTimer>
#include <QtTest>

#include "models/mta/postfixexpander.h"
#include "models/mta/postfixmaincf.h"
#include "tests/models/postfixconftestutil.h"

using namespace mailtls;
using namespace mailtls::testutil;

// Expansion as PostfixMainCf::expanded() gives it: main.cf's values first,
// then the defaults; PostfixExpander does the work.
class TestPostfixExpander final : public QObject
{
    Q_OBJECT

private slots:
    void expansion_data();
    void expansion();
    void expandText();
    void expansionBounds();
    void expansionMatchesPostconf();
};

void TestPostfixExpander::expansion_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArrayList>("undefined");
    QTest::addColumn<QByteArrayList>("cycles");

    // Defaults for every row: what postconf -d would give.
    const QByteArray hostname("myhostname = mx.example.org\n");
    QTest::newRow("$name from the file") << hostname + "smtpd_banner = $myhostname ESMTP $mail_name\n"
                                         << QByteArray("smtpd_banner") << true
                                         << QByteArray("mx.example.org ESMTP Postfix") << QByteArrayList()
                                         << QByteArrayList();
    QTest::newRow("$name from the defaults")
        << QByteArray("smtpd_banner = $myhostname ESMTP\n") << QByteArray("smtpd_banner") << true
        << QByteArray("localhost.localdomain ESMTP") << QByteArrayList() << QByteArrayList();
    QTest::newRow("the file overrides a default")
        << QByteArray("mail_name = Mailer\nx = $mail_name\n") << QByteArray("x") << true << QByteArray("Mailer")
        << QByteArrayList() << QByteArrayList();
    QTest::newRow("braces and parentheses")
        << QByteArray("d = /var/lib/postfix\ncache = btree:${d}/a $(d)/b\n") << QByteArray("cache") << true
        << QByteArray("btree:/var/lib/postfix/a /var/lib/postfix/b") << QByteArrayList() << QByteArrayList();
    QTest::newRow("recursive") << QByteArray("a = [$b]\nb = ($c)\nc = x\n") << QByteArray("a") << true
                               << QByteArray("[(x)]") << QByteArrayList() << QByteArrayList();
    QTest::newRow("name ends at the first other character")
        << hostname + "x = $myhostname.$myhostname_x-$myhostname\n"
        << QByteArray("x") << true << QByteArray("mx.example.org.-mx.example.org") << QByteArrayList {"myhostname_x"}
        << QByteArrayList();
    QTest::newRow("dollar dollar") << QByteArray("x = cost $$5 $$$mail_name\n") << QByteArray("x") << true
                                   << QByteArray("cost $5 $Postfix") << QByteArrayList() << QByteArrayList();
    QTest::newRow("conditionals") << QByteArray(
        "set = yes\nempty =\n"
        "x = ${set?on}|${set:off}|${empty?on}|${empty:off}|${nope:off}|${set?{A}:{B}}|"
        "${empty?{A}:{B}}|${set?{$set}}|${nope:{ $mail_name }}\n")
                                  << QByteArray("x") << true << QByteArray("on|||off|off|A|B|yes| Postfix ")
                                  << QByteArrayList() << QByteArrayList();
    QTest::newRow("undefined names expand to nothing")
        << QByteArray("x = a$nope.${gone}b\n") << QByteArray("x") << true << QByteArray("a.b")
        << QByteArrayList {"nope", "gone"} << QByteArrayList();
    QTest::newRow("cycle of two") << QByteArray("a = 1 $b\nb = 2 $a\n") << QByteArray("a") << true
                                  << QByteArray("1 2 $a") << QByteArrayList() << QByteArrayList {"a"};
    QTest::newRow("self reference in braces") << QByteArray("a = x ${a} y\n") << QByteArray("a") << true
                                              << QByteArray("x ${a} y") << QByteArrayList() << QByteArrayList {"a"};
    QTest::newRow("cycle in parentheses")
        << QByteArray("myhostname = $mydomain\nmydomain = $(myhostname)\n") << QByteArray("myhostname") << true
        << QByteArray("$(myhostname)") << QByteArrayList() << QByteArrayList {"myhostname"};
    QTest::newRow("a conditional test does not expand, so no cycle")
        << QByteArray("a = ${a?{set}:{unset}}\n") << QByteArray("a") << true << QByteArray("set") << QByteArrayList()
        << QByteArrayList();
    QTest::newRow("unclosed brace kept") << QByteArray("x = a ${b\n") << QByteArray("x") << true << QByteArray("a ${b")
                                         << QByteArrayList() << QByteArrayList();
    QTest::newRow("stray dollar kept") << QByteArray("x = a $ b $-c $\n") << QByteArray("x") << true
                                       << QByteArray("a $ b $-c $") << QByteArrayList() << QByteArrayList();
    QTest::newRow("relational form kept as written")
        << QByteArray("x = ${{$mail_name} == {Postfix}?{yes}}\n") << QByteArray("x") << true
        << QByteArray("${{$mail_name} == {Postfix}?{yes}}") << QByteArrayList() << QByteArrayList();
    QTest::newRow("undefined name") << QByteArray("a = 1\n") << QByteArray("b") << false << QByteArray()
                                    << QByteArrayList() << QByteArrayList();
}

void TestPostfixExpander::expansion()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(bool, defined);
    QFETCH(QByteArray, value);
    QFETCH(QByteArrayList, undefined);
    QFETCH(QByteArrayList, cycles);

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    const QHash<QByteArray, QByteArray> defaults {
        {"mail_name", "Postfix"}, {"myhostname", "localhost.localdomain"}, {"mydomain", "localdomain"}};
    const PostfixExpansion expansion = document.expanded(name, defaults);
    QCOMPARE(expansion.defined, defined);
    QCOMPARE(expansion.value, value);
    QCOMPARE(expansion.undefined, undefined);
    QCOMPARE(expansion.cycles, cycles);
    QCOMPARE(expansion.truncated, false);
}

void TestPostfixExpander::expandText()
{
    // A lookup of its own, no document: what the class gives any caller.
    const QHash<QByteArray, QByteArray> values {{"a", "1"}, {"b", "$a"}, {"empty", ""}};
    const PostfixExpander expander([&values](const QByteArray &name) -> std::optional<QByteArray> {
        const auto it = values.constFind(name);
        return it == values.cend() ? std::nullopt : std::optional<QByteArray>(*it);
    });
    const QList<QPair<QByteArray, QByteArray>> cases {
        {"plain text", "plain text"},
        {"$a and ${b} and $(b)", "1 and 1 and 1"},
        {"$$a", "$a"},
        {"${a?{x}:{y}} ${empty?{x}:{y}} ${b:{x}}${empty?x}", "x y "},
        {"trailing $", "trailing $"},
        {"", ""},
    };
    for (const auto &[text, expected] : cases) {
        const PostfixExpansion expansion = expander.expandText(text);
        QCOMPARE(expansion.value, expected);
        QVERIFY(expansion.defined);
        QVERIFY(expansion.undefined.isEmpty());
        QVERIFY(expansion.cycles.isEmpty());
    }
    const PostfixExpansion missing = expander.expandName("nope");
    QVERIFY(!missing.defined);
    QCOMPARE(missing.value, QByteArray());
}

void TestPostfixExpander::expansionBounds()
{
    // Ten levels of ten references each: 10^10 bytes if nothing stopped it.
    QByteArray text("l0 = xxxxxxxxxx\n");
    for (int level = 1; level <= 10; ++level)
        text += 'l' + QByteArray::number(level) + " = " + QByteArray("$l" + QByteArray::number(level - 1)).repeated(10)
            + '\n';
    PostfixMainCf document;
    QVERIFY(document.setText(text));
    QElapsedTimer timer;
    timer.start();
    PostfixExpansion expansion = document.expanded("l10");
    QVERIFY(expansion.truncated);
    QCOMPARE(expansion.value, QByteArray(PostfixExpander::MaxLength, 'x'));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(document.expanded("l3").value, QByteArray(10000, 'x'));
    QVERIFY(!document.expanded("l3").truncated);

    // A chain deeper than Postfix allows.
    QByteArray chain;
    for (int i = 0; i < 150; ++i)
        chain += 'n' + QByteArray::number(i) + " = $n" + QByteArray::number(i + 1) + '\n';
    chain += "n150 = end\n";
    QVERIFY(document.setText(chain));
    expansion = document.expanded("n0");
    QVERIFY(expansion.truncated);
    QCOMPARE(expansion.value, QByteArray());
    QCOMPARE(document.expanded("n60").value, QByteArray("end"));

    // Nested conditionals as deep as the text allows.
    QVERIFY(document.setText("a = 1\nx = " + QByteArray("${a?{").repeated(100000) + "y"
                             + QByteArray("}}").repeated(100000) + '\n'));
    expansion = document.expanded("x");
    QVERIFY(expansion.truncated);
}

void TestPostfixExpander::expansionMatchesPostconf()
{
    if (postconfProgram().isEmpty())
        QSKIP("postconf is not installed");
    const QByteArray text("myhostname = mx.example.org\n"
                          "mydomain = example.org\n"
                          "myorigin = $$x ${mydomain?{yes}:{no}} ${nope:fallback} ${nope?x} $(mydomain)\n"
                          "smtpd_banner = $myhostname ESMTP $mail_name ${mail_version}\n"
                          "smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"
                          "mydestination = $myhostname, localhost.$mydomain, ${myorigin}\n");
    int exitCode = -1;
    QHash<QByteArray, QByteArray> defaults = parsePostconf(postconf(QByteArray(), {QStringLiteral("-d")}, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY(defaults.contains("mail_version"));
    const QByteArrayList names {"myorigin", "smtpd_banner", "smtp_tls_session_cache_database", "mydestination"};
    QStringList arguments {QStringLiteral("-x")};
    for (const QByteArray &name : names)
        arguments.append(QString::fromLatin1(name));
    const QHash<QByteArray, QByteArray> expected = parsePostconf(postconf(text, arguments, &exitCode));
    QCOMPARE(exitCode, 0);
    QCOMPARE(expected.size(), names.size());

    PostfixMainCf document;
    QVERIFY(document.setText(text));
    for (const QByteArray &name : names)
        QCOMPARE(PostfixMainCf::normalized(document.expanded(name, defaults).value), expected.value(name));
}

QTEST_GUILESS_MAIN(TestPostfixExpander)
#include "tst_postfixexpander.moc"
