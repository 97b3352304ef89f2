#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// What the Postfix configuration tests share: literals with NUL bytes, the
// files Debian's postfix package ships, and the real postconf.
namespace mailtls::testutil {

// The whole literal, NUL bytes included.
template<size_t N> QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

// The files the Debian postfix package ships; read where they are, never copied.
inline QString postfixShare()
{
    return QStringLiteral("/usr/share/postfix");
}

inline QByteArray systemFile(const QString &name)
{
    QFile file(postfixShare() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QString postconfProgram()
{
    QString program = QStandardPaths::findExecutable(QStringLiteral("postconf"));
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(QStringLiteral("postconf"),
                                                 {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    return program;
}

// "name = value" lines as postconf prints them.
inline QHash<QByteArray, QByteArray> parsePostconf(const QByteArray &output)
{
    QHash<QByteArray, QByteArray> values;
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype equals = line.indexOf(" =");
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 2).trimmed());
    }
    return values;
}

// Runs postconf on `text` written as main.cf of a fresh directory.
inline QByteArray postconf(const QByteArray &text, const QStringList &arguments, int *exitCode = nullptr)
{
    QTemporaryDir dir;
    QFile mainCf(dir.filePath(QStringLiteral("main.cf")));
    QFile masterCf(dir.filePath(QStringLiteral("master.cf")));
    if (!mainCf.open(QIODevice::WriteOnly) || !masterCf.open(QIODevice::WriteOnly))
        return {};
    mainCf.write(text);
    mainCf.flush();
    // Postfix waits for a main.cf changed within the last second to settle.
    mainCf.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime);
    mainCf.close();
    masterCf.close();
    QProcess process;
    process.start(postconfProgram(), QStringList {QStringLiteral("-c"), dir.path()} + arguments);
    process.waitForFinished(30000);
    if (exitCode != nullptr)
        *exitCode = process.exitCode();
    return process.readAllStandardOutput();
}

} // namespace mailtls::testutil
