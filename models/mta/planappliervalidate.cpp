#include "models/mta/planapplier.h"

#include <QFile>

#include "models/mta/fileaccess.h"

// PlanApplier's validate step: the files a change names exist, and each of the
// plan's commands accepts the change.
namespace mailtls {

namespace {

bool isWordCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool containsWord(const QByteArray &line, const QByteArray &word)
{
    for (qsizetype at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
        const bool startOk = at == 0 || !isWordCharacter(line.at(at - 1));
        const qsizetype end = at + word.size();
        const bool endOk = end >= line.size() || !isWordCharacter(line.at(end));
        if (startOk && endOk)
            return true;
    }
    return false;
}

} // namespace

QStringList PlanApplier::validationProblems(const QByteArray &output, const QList<QByteArray> &parameters,
                                            const QStringList &paths)
{
    QStringList problems;
    for (const QByteArray &raw : output.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        // Postfix writes "fatal:", Dovecot "Fatal:".
        const QByteArray lower = line.toLower();
        bool problem = lower.contains("fatal:");
        if (!problem && lower.contains("warning:")) {
            for (const QByteArray &name : parameters)
                problem = problem || containsWord(line, name);
            for (const QString &path : paths)
                problem = problem || (!path.isEmpty() && line.contains(QFile::encodeName(path)));
        }
        if (problem)
            problems.append(QString::fromLocal8Bit(line));
    }
    return problems;
}

void PlanApplier::runValidate()
{
    begin(Step::Validate, tr("Checking the new configuration"));
    checkRequiredFile(0);
}

void PlanApplier::checkRequiredFile(int index)
{
    if (index >= m_plan.requiredFiles.size()) {
        m_validateOutput.clear();
        runValidateCommand(0);
        return;
    }
    const ChangePlan::RequiredFile required = m_plan.requiredFiles.at(index);
    m_files->status(required.path, [this, required, index](const HostFile &status) {
        if (m_cancelled) {
            fail(Step::Validate, tr("cancelled"), QString());
            return;
        }
        if (!status.error.isEmpty()) {
            fail(Step::Validate, status.error, QString());
            return;
        }
        if (!status.exists) {
            fail(Step::Validate,
                 tr("%1 names %2, which does not exist").arg(QString::fromLatin1(required.parameter), required.path),
                 QString());
            return;
        }
        if (!status.regular) {
            fail(Step::Validate,
                 tr("%1 names %2, which is not a regular file")
                     .arg(QString::fromLatin1(required.parameter), required.path),
                 QString());
            return;
        }
        checkRequiredFile(index + 1);
    });
}

void PlanApplier::runValidateCommand(int index)
{
    if (index >= m_plan.validateCommands.size()) {
        setState(QStringLiteral("validated"));
        QStringList ran;
        for (const QStringList &argv : std::as_const(m_plan.validateCommands))
            ran.append(commandText(argv));
        const QString message = ran.isEmpty() ? tr("the files named by the changed settings exist")
                                              : tr("passed: %1").arg(ran.join(QStringLiteral(", ")));
        record(Step::Validate, Outcome::Ok, message, m_validateOutput);
        next(Step::Reload, &PlanApplier::runReload);
        return;
    }
    const QStringList argv = m_plan.validateCommands.at(index);
    runCommand(argv, [this, argv, index](int exitCode, bool ran, const QByteArray &output) {
        const QString text = QString::fromLocal8Bit(output);
        m_validateOutput += QStringLiteral("$ ") + commandText(argv) + QLatin1Char('\n') + text;
        if (m_cancelled) {
            fail(Step::Validate, tr("cancelled"), m_validateOutput);
            return;
        }
        if (!ran) {
            fail(Step::Validate,
                 tr("%1 could not be run: %2")
                     .arg(commandText(argv), commandFailure(exitCode, ran, output, text.trimmed())),
                 m_validateOutput);
            return;
        }
        if (m_commandTimedOut) {
            fail(Step::Validate,
                 tr("%1 did not finish within %n second(s)", nullptr, (m_commandTimeoutMs + 999) / 1000)
                     .arg(commandText(argv)),
                 m_validateOutput);
            return;
        }
        if (exitCode != 0) {
            fail(Step::Validate,
                 commandFailure(exitCode, ran, output,
                                tr("%1 failed (exit status %2)").arg(commandText(argv)).arg(exitCode)),
                 m_validateOutput);
            return;
        }
        QStringList paths;
        for (const FileEdit &edit : std::as_const(m_plan.edits))
            if (edit.createsFile())
                paths.append(edit.path);
        for (const ChangePlan::RequiredFile &required : std::as_const(m_plan.requiredFiles))
            paths.append(required.path);
        const QStringList problems = validationProblems(output, m_plan.parameters(), paths);
        if (!problems.isEmpty()) {
            fail(Step::Validate,
                 tr("%1 objects to the change:\n%2").arg(commandText(argv), problems.join(QLatin1Char('\n'))),
                 m_validateOutput);
            return;
        }
        runValidateCommand(index + 1);
    });
}

} // namespace mailtls
