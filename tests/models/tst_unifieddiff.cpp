#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/unifieddiff.h"

using namespace mailtls;

namespace {

// The whole literal, NUL bytes included.
template<size_t N> QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

// Applies `diff` to `before` the way patch does, checking every context and
// removed line against `before`: a diff that does not lead from before to
// after fails here even when its text looks right.
QByteArray applyDiff(const QByteArray &before, const QByteArray &diff, QString *problem)
{
    QList<QByteArray> old;
    for (qsizetype at = 0; at < before.size();) {
        const qsizetype newline = before.indexOf('\n', at);
        const qsizetype end = newline < 0 ? before.size() : newline + 1;
        old.append(before.mid(at, end - at));
        at = end;
    }
    QList<QByteArray> diffLines = diff.split('\n');
    if (diffLines.size() < 3 || !diffLines.at(0).startsWith("--- ") || !diffLines.at(1).startsWith("+++ ")) {
        *problem = QStringLiteral("no header");
        return {};
    }
    if (!diffLines.constLast().isEmpty()) {
        *problem = QStringLiteral("diff text does not end with a newline");
        return {};
    }
    diffLines.removeLast();

    QByteArray out;
    qsizetype oldIndex = 0;
    qsizetype i = 2;
    const QRegularExpression hunkHeader(QStringLiteral("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@$"));
    while (i < diffLines.size()) {
        const auto match = hunkHeader.match(QString::fromLatin1(diffLines.at(i)));
        if (!match.hasMatch()) {
            *problem = QStringLiteral("bad hunk header: ") + QString::fromLatin1(diffLines.at(i));
            return {};
        }
        const qsizetype oldStart = match.captured(1).toLongLong();
        const qsizetype oldCount = match.captured(2).isEmpty() ? 1 : match.captured(2).toLongLong();
        const qsizetype firstOld = oldCount == 0 ? oldStart : oldStart - 1;
        if (firstOld < oldIndex) {
            *problem = QStringLiteral("hunks overlap");
            return {};
        }
        while (oldIndex < firstOld && oldIndex < old.size())
            out += old.at(oldIndex++);
        ++i;
        qsizetype oldSeen = 0;
        while (i < diffLines.size() && !diffLines.at(i).startsWith("@@")) {
            const QByteArray &line = diffLines.at(i);
            const bool noNewline = i + 1 < diffLines.size() && diffLines.at(i + 1) == "\\ No newline at end of file";
            const QByteArray text = line.mid(1) + (noNewline ? QByteArray() : QByteArray("\n"));
            if (line.startsWith(' ') || line.startsWith('-')) {
                if (oldIndex >= old.size() || old.at(oldIndex) != text) {
                    *problem = QStringLiteral("line %1 does not match").arg(oldIndex + 1);
                    return {};
                }
                ++oldIndex;
                ++oldSeen;
                if (line.startsWith(' '))
                    out += text;
            } else if (line.startsWith('+')) {
                out += text;
            } else {
                *problem = QStringLiteral("bad line: ") + QString::fromLatin1(line);
                return {};
            }
            i += noNewline ? 2 : 1;
        }
        if (oldSeen != oldCount) {
            *problem = QStringLiteral("hunk counts %1 old lines, has %2").arg(oldCount).arg(oldSeen);
            return {};
        }
    }
    while (oldIndex < old.size())
        out += old.at(oldIndex++);
    return out;
}

// GNU diff's output for the same two texts, with our header labels; empty when
// there is no diff program.
QByteArray gnuDiff(const QByteArray &before, const QByteArray &after, int context)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("diff"));
    if (program.isEmpty())
        return {};
    QTemporaryDir dir;
    QFile a(dir.filePath(QStringLiteral("a")));
    QFile b(dir.filePath(QStringLiteral("b")));
    if (!a.open(QIODevice::WriteOnly) || !b.open(QIODevice::WriteOnly))
        return {};
    a.write(before);
    b.write(after);
    a.close();
    b.close();
    QProcess diff;
    diff.start(program,
               {QStringLiteral("--text"), QStringLiteral("-U%1").arg(context), QStringLiteral("--label"),
                QStringLiteral("a/etc/postfix/main.cf"), QStringLiteral("--label"),
                QStringLiteral("b/etc/postfix/main.cf"), a.fileName(), b.fileName()});
    diff.waitForFinished(10000);
    return diff.readAllStandardOutput();
}

} // namespace

class TestUnifiedDiff final : public QObject
{
    Q_OBJECT

private slots:
    void diff_data();
    void diff();
    void headers_data();
    void headers();
    void largeEditsStillApply();
    void randomEditsApply();
    void limits_data();
    void limits();
};

void TestUnifiedDiff::diff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("context");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray header("--- a/etc/postfix/main.cf\n+++ b/etc/postfix/main.cf\n");
    const QByteArray ten("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");

    QTest::newRow("equal") << ten << ten << 3 << QByteArray();
    QTest::newRow("both empty") << QByteArray() << QByteArray() << 3 << QByteArray();
    QTest::newRow("equal without final newline") << QByteArray("a\nb") << QByteArray("a\nb") << 3 << QByteArray();
    QTest::newRow("insert in the middle") << ten << QByteArray("1\n2\n3\n4\n5\nnew\n6\n7\n8\n9\n10\n") << 3
                                          << header + "@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n";
    QTest::newRow("delete in the middle") << ten << QByteArray("1\n2\n3\n4\n6\n7\n8\n9\n10\n") << 3
                                          << header + "@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n";
    QTest::newRow("change in the middle") << ten << QByteArray("1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n") << 3
                                          << header + "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n";
    QTest::newRow("change of two lines shows removals first")
        << ten << QByteArray("1\n2\n3\n4\nfive\nsix\n7\n8\n9\n10\n") << 3
        << header + "@@ -2,8 +2,8 @@\n 2\n 3\n 4\n-5\n-6\n+five\n+six\n 7\n 8\n 9\n";
    QTest::newRow("insert at the start") << ten << QByteArray("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n") << 3
                                         << header + "@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n";
    QTest::newRow("delete at the start") << ten << QByteArray("2\n3\n4\n5\n6\n7\n8\n9\n10\n") << 3
                                         << header + "@@ -1,4 +1,3 @@\n-1\n 2\n 3\n 4\n";
    QTest::newRow("append at the end") << ten << ten + "11\n" << 3 << header + "@@ -8,3 +8,4 @@\n 8\n 9\n 10\n+11\n";
    QTest::newRow("delete at the end") << ten << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << 3
                                       << header + "@@ -7,4 +7,3 @@\n 7\n 8\n 9\n-10\n";
    QTest::newRow("new file") << QByteArray() << QByteArray("a\nb\n") << 3 << header + "@@ -0,0 +1,2 @@\n+a\n+b\n";
    QTest::newRow("emptied file") << QByteArray("a\n") << QByteArray() << 3 << header + "@@ -1 +0,0 @@\n-a\n";
    QTest::newRow("one-line ranges") << QByteArray("a\n") << QByteArray("b\n") << 3 << header + "@@ -1 +1 @@\n-a\n+b\n";
    QTest::newRow("final newline added") << QByteArray("a\nb") << QByteArray("a\nb\n") << 3
                                         << header + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n";
    QTest::newRow("final newline removed") << QByteArray("a\nb\n") << QByteArray("a\nb") << 3
                                           << header + "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n";
    QTest::newRow("no final newline on either side")
        << QByteArray("a\nb\nc") << QByteArray("a\nB\nc") << 3
        << header + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n";
    QTest::newRow("append to a file without final newline")
        << QByteArray("a\nb") << QByteArray("a\nb\nc") << 3
        << header + "@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n";
    QTest::newRow("CRLF kept") << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\r\nB\r\nc\r\n") << 3
                               << header + "@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n";
    QTest::newRow("CRLF to LF is a change")
        << QByteArray("a\r\nb\n") << QByteArray("a\nb\n") << 3 << header + "@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n";
    QTest::newRow("six lines apart: one hunk")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n")
        << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n11\n12\n13\n14\n15\n") << 3
        << header + "@@ -1,12 +1,12 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n";
    QTest::newRow("seven lines apart: two hunks")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n")
        << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n11\n12\n13\n14\n15\n") << 3
        << header + "@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n 13\n";
    QTest::newRow("no context") << ten << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n") << 0
                                << header + "@@ -2 +2 @@\n-2\n+X\n@@ -9 +9 @@\n-9\n+Y\n";
    QTest::newRow("no context, insert") << ten << QByteArray("1\n2\nnew\n3\n4\n5\n6\n7\n8\n9\n10\n") << 0
                                        << header + "@@ -2,0 +3 @@\n+new\n";
    QTest::newRow("one line of context") << ten << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n") << 1
                                         << header + "@@ -9,2 +9,2 @@\n 9\n-10\n+ten\n";
    QTest::newRow("bytes kept: NUL, invalid UTF-8, a lone CR")
        << raw("a\nx\0y\n\xff\xfe\n") << raw("a\nx\0z\n\xff\xfe\rq\n") << 3
        << header + raw("@@ -1,3 +1,3 @@\n a\n-x\0y\n-\xff\xfe\n+x\0z\n+\xff\xfe\rq\n");
    QTest::newRow("duplicate lines: the insert goes after the existing line")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nb\nc\n") << 3 << header + "@@ -1,3 +1,4 @@\n a\n b\n+b\n c\n";
}

void TestUnifiedDiff::diff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(int, context);
    QFETCH(QByteArray, expected);

    QString error;
    const QByteArray diff = UnifiedDiff::make(QStringLiteral("/etc/postfix/main.cf"),
                                              QStringLiteral("/etc/postfix/main.cf"), before, after, context, &error);
    QCOMPARE(error, QString());
    QCOMPARE(diff, expected);

    if (!expected.isEmpty()) {
        QString problem;
        QCOMPARE(applyDiff(before, diff, &problem), after);
        QCOMPARE(problem, QString());
        // GNU diff writes the same for these unambiguous cases.
        const QByteArray gnu = gnuDiff(before, after, context);
        if (!gnu.isEmpty())
            QCOMPARE(diff, gnu);
    }
}

void TestUnifiedDiff::headers_data()
{
    QTest::addColumn<QString>("oldPath");
    QTest::addColumn<QString>("newPath");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("absolute") << QStringLiteral("/etc/postfix/main.cf") << QStringLiteral("/etc/postfix/main.cf")
                              << QByteArray("--- a/etc/postfix/main.cf\n+++ b/etc/postfix/main.cf\n");
    QTest::newRow("relative") << QStringLiteral("main.cf") << QStringLiteral("main.cf.new")
                              << QByteArray("--- a/main.cf\n+++ b/main.cf.new\n");
    QTest::newRow("spaces and UTF-8 plain")
        << QStringLiteral("/srv/mail conf/m\u00e4in.cf") << QStringLiteral("/srv/mail conf/m\u00e4in.cf")
        << QByteArray("--- a/srv/mail conf/m\xc3\xa4in.cf\n+++ b/srv/mail conf/m\xc3\xa4in.cf\n");
    QTest::newRow("newline, tab, quote, backslash quoted")
        << QStringLiteral("/tmp/a\nb\tc\"d\\e\x01") << QStringLiteral("x")
        << QByteArray("--- \"a/tmp/a\\nb\\tc\\\"d\\\\e\\001\"\n+++ b/x\n");
}

void TestUnifiedDiff::headers()
{
    QFETCH(QString, oldPath);
    QFETCH(QString, newPath);
    QFETCH(QByteArray, expected);

    const QByteArray diff = UnifiedDiff::make(oldPath, newPath, "a\n", "b\n");
    QCOMPARE(diff, expected + "@@ -1 +1 @@\n-a\n+b\n");
}

void TestUnifiedDiff::largeEditsStillApply()
{
    // Past MaxEdits the middle is replaced whole: longer, still correct.
    QByteArray before;
    QByteArray after;
    before += "head\n";
    after += "head\n";
    for (int i = 0; i < UnifiedDiff::MaxEdits + 10; ++i) {
        before += "old " + QByteArray::number(i) + '\n';
        after += "new " + QByteArray::number(i) + '\n';
    }
    before += "tail\n";
    after += "tail\n";
    const QByteArray diff = UnifiedDiff::make(QStringLiteral("f"), QStringLiteral("f"), before, after);
    QVERIFY(diff.startsWith("--- a/f\n+++ b/f\n@@ -1,2012 +1,2012 @@\n head\n-old 0\n-old 1\n"));
    QString problem;
    QCOMPARE(applyDiff(before, diff, &problem), after);
    QCOMPARE(problem, QString());
}

void TestUnifiedDiff::randomEditsApply()
{
    QRandomGenerator random(20240611);
    const QList<QByteArray> words {"a\n", "b\n", "c\n", "d\r\n", "", "e", "f\n", "a\n"};
    for (int round = 0; round < 500; ++round) {
        QByteArray before;
        QByteArray after;
        const int lines = int(random.bounded(40));
        for (int i = 0; i < lines; ++i) {
            QByteArray word = words.at(int(random.bounded(words.size())));
            if (word.isEmpty() || !word.endsWith('\n'))
                word += '\n';
            before += word;
            const int edit = int(random.bounded(10));
            if (edit == 0)
                continue; // deleted
            if (edit == 1)
                after += "inserted\n";
            after += edit == 2 ? QByteArray("changed\n") : word;
        }
        if (random.bounded(3) == 0 && before.endsWith('\n'))
            before.chop(1);
        if (random.bounded(3) == 0 && after.endsWith('\n'))
            after.chop(1);
        const int context = int(random.bounded(4));
        const QByteArray diff = UnifiedDiff::make(QStringLiteral("f"), QStringLiteral("f"), before, after, context);
        QCOMPARE(diff.isEmpty(), before == after);
        if (diff.isEmpty())
            continue;
        QString problem;
        const QByteArray applied = applyDiff(before, diff, &problem);
        if (applied != after || !problem.isEmpty())
            qWarning().noquote() << "round" << round << problem << "\n" << diff;
        QCOMPARE(applied, after);
    }
}

void TestUnifiedDiff::limits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("error");

    QTest::newRow("over MaxBytes") << QByteArray(UnifiedDiff::MaxBytes + 1, 'x') << QByteArray("x\n")
                                   << QStringLiteral("old.cf is too large to compare: 4194305 bytes, at most 4194304.");
    QTest::newRow("over MaxLines") << QByteArray("x\n") << QByteArray("\n").repeated(UnifiedDiff::MaxLines) + "y"
                                   << QStringLiteral("new.cf has too many lines to compare: 100001, at most 100000.");
    QTest::newRow("at MaxLines") << QByteArray("x\n") << QByteArray("\n").repeated(UnifiedDiff::MaxLines) << QString();
}

void TestUnifiedDiff::limits()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, error);

    QString actual = QStringLiteral("not set");
    const QByteArray diff
        = UnifiedDiff::make(QStringLiteral("old.cf"), QStringLiteral("new.cf"), before, after, 3, &actual);
    QCOMPARE(actual, error);
    QCOMPARE(diff.isEmpty(), !error.isEmpty());
}

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
