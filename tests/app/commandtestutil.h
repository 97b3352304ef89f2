#pragma once

// The real `mailtls` binary as a user meets it from a shell, for the
// command-line tests: no display, the C locale, UTC.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace commandtest {

inline QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("minimal"));
    return env;
}

struct Run
{
    int exitCode = -1; // -1: it crashed
    QString out;
    QString err;
};

// Runs `mailtls ARGS` to its end, `input` on its standard input.
inline Run run(const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(MAILTLS_BINARY), args);
    if (!p.waitForStarted())
        qFatal("mailtls did not start");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("mailtls did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace commandtest
