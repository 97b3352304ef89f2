#include "models/campaign/enforcementplan.h"

#include <QStringList>

#include "models/mta/postfixinspection.h"
#include "models/mta/postfixmaincf.h"

namespace mailtls {

namespace {

struct Token
{
    QByteArray text;
    int line = 0; // 0-based
};

QList<QByteArray> physicalLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QList<Token> tokensOf(const QByteArray &line, int index)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSpace(line.at(i)))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !isSpace(line.at(i)))
            ++i;
        if (i > start)
            tokens.append(Token{line.mid(start, i - start), index});
    }
    return tokens;
}

// The master.cf entries as token lists: an entry starts in the first column;
// indented lines continue it; comment and blank lines do neither (master(5)).
QList<QList<Token>> entriesOf(const QList<QByteArray> &lines)
{
    QList<QList<Token>> entries;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray trimmed = lines.at(i).trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        if (!isSpace(lines.at(i).at(0)))
            entries.append(QList<Token>());
        if (entries.isEmpty())
            continue; // an indented line before any entry: Postfix refuses it, nothing to reach
        entries.last().append(tokensOf(lines.at(i), i));
    }
    return entries;
}

bool isPort25Listener(const QByteArray &service)
{
    const qsizetype colon = service.lastIndexOf(':');
    const QByteArray port = colon < 0 ? service : service.mid(colon + 1);
    return port == "smtp" || port == "25";
}

bool isStrictClientLevel(const QString &level)
{
    static const QStringList strict = {QStringLiteral("encrypt"), QStringLiteral("dane-only"),
                                       QStringLiteral("fingerprint"), QStringLiteral("verify"),
                                       QStringLiteral("secure")};
    return strict.contains(level);
}

bool setWindow(PostfixMainCf &document, bool inbound, bool outbound, QStringList *summary,
               QList<QByteArray> *parameters, QString *error)
{
    QList<QByteArray> names;
    if (inbound)
        names.append(QByteArray(EnforcementPlan::InboundParameter));
    if (outbound)
        names.append(QByteArray(EnforcementPlan::OutboundParameter));
    for (const QByteArray &name : names) {
        const std::optional<QByteArray> was = document.value(name);
        const PostfixMainCf::Edit edit = document.set(name, QByteArray(EnforcementPlan::WindowValue));
        if (edit == PostfixMainCf::Edit::Invalid) {
            *error = document.errorString();
            return false;
        }
        if (edit == PostfixMainCf::Edit::Changed) {
            if (summary) {
                summary->append(was ? EnforcementPlan::tr("%1 = encrypt (was %2)")
                                          .arg(QString::fromLatin1(name), QString::fromUtf8(*was))
                                    : EnforcementPlan::tr("%1 = encrypt (was not set: Postfix's default)")
                                          .arg(QString::fromLatin1(name)));
            }
            if (parameters)
                parameters->append(name);
        }
    }
    return true;
}

} // namespace

ChangePlan EnforcementPlan::basePlan(const PostfixInspectionResult &r, const QString &title)
{
    ChangePlan plan;
    plan.title = title;
    plan.mta = QStringLiteral("Postfix");
    plan.configDir = r.configDirectory;
    const QString c = QStringLiteral("-c");
    plan.validateCommands = {{r.postfixProgram, c, r.configDirectory, QStringLiteral("check")},
                             {r.postconfProgram, c, r.configDirectory, QStringLiteral("-n")}};
    plan.statusCommand = {r.postfixProgram, c, r.configDirectory, QStringLiteral("status")};
    plan.reloadCommand = {r.postfixProgram, c, r.configDirectory, QStringLiteral("reload")};
    return plan;
}

QList<MasterCfOverride> EnforcementPlan::masterCfOverrides(const QByteArray &masterCf, bool inbound, bool outbound)
{
    QList<MasterCfOverride> found;
    const QList<QByteArray> lines = physicalLines(masterCf);
    for (const QList<Token> &entry : entriesOf(lines)) {
        if (entry.size() < 8)
            continue;
        const QByteArray &service = entry.at(0).text;
        const QByteArray &type = entry.at(1).text;
        const QByteArray &command = entry.at(7).text;
        QByteArray parameter;
        if (inbound && type == "inet" && command == "smtpd" && isPort25Listener(service))
            parameter = InboundParameter;
        else if (outbound && type == "unix" && command == "smtp" && service == "smtp")
            parameter = OutboundParameter;
        else
            continue;
        for (qsizetype i = 8; i + 1 < entry.size(); ++i) {
            if (entry.at(i).text != "-o")
                continue;
            // "-o name=value", or "-o { name = value }" (Postfix 3.0 and later).
            const Token &first = entry.at(++i);
            QByteArray setting = first.text;
            if (setting.startsWith('{')) {
                QByteArrayList words{setting};
                while (!words.constLast().endsWith('}') && i + 1 < entry.size())
                    words.append(entry.at(++i).text);
                setting = words.join(' ');
                setting = setting.mid(1, setting.endsWith('}') ? setting.size() - 2 : -1).trimmed();
            }
            const qsizetype equals = setting.indexOf('=');
            if (equals < 0 || setting.left(equals).trimmed() != parameter)
                continue;
            MasterCfOverride o;
            o.line = first.line + 1;
            o.text = QString::fromUtf8(lines.at(first.line));
            o.service = QString::fromUtf8(service + '/' + type);
            o.parameter = QString::fromLatin1(parameter);
            o.value = QString::fromUtf8(setting.mid(equals + 1).trimmed());
            o.blocks = o.value != QLatin1String(WindowValue);
            found.append(o);
        }
    }
    return found;
}

std::optional<ChangePlan> EnforcementPlan::make(const PostfixInspectionResult &r, const QByteArray &masterCf,
                                                const QString &masterCfPath, bool inbound, bool outbound,
                                                QString *error)
{
    if (!r.ok) {
        *error = r.error.isEmpty() ? tr("Postfix has not been inspected") : r.error;
        return std::nullopt;
    }
    if (!inbound && !outbound) {
        *error = tr("a window requires TLS inbound, outbound or both: choose at least one");
        return std::nullopt;
    }
    if (inbound) {
        const QString level = r.securityLevel(QStringLiteral("smtpd"));
        if (level == QLatin1String("encrypt")) {
            *error = tr("inbound mail requires TLS already (smtpd_tls_security_level = encrypt): an inbound window "
                        "would change nothing");
            return std::nullopt;
        }
        if (!r.hasServerCertificate()) {
            *error = tr("Postfix has no server certificate (smtpd_tls_cert_file or smtpd_tls_chain_files): with "
                        "smtpd_tls_security_level = encrypt no sender could deliver at all. Set up STARTTLS first "
                        "(mailtls fix starttls)");
            return std::nullopt;
        }
    }
    if (outbound) {
        const QString level = r.securityLevel(QStringLiteral("smtp"));
        if (isStrictClientLevel(level)) {
            *error = tr("outbound mail requires TLS already (smtp_tls_security_level = %1): an outbound window "
                        "would change nothing")
                         .arg(level);
            return std::nullopt;
        }
    }
    QStringList blocking;
    for (const MasterCfOverride &o : masterCfOverrides(masterCf, inbound, outbound)) {
        if (!o.blocks)
            continue;
        blocking.append(tr("%1 line %2 sets %3=%4 for the service %5, so the window would not reach it:\n    %6")
                            .arg(masterCfPath)
                            .arg(o.line)
                            .arg(o.parameter, o.value, o.service, o.text));
    }
    if (!blocking.isEmpty()) {
        *error = tr("master.cf overrides the window's setting, so it would not take effect:\n%1\nRemove that -o "
                    "setting (or make it encrypt) and start the window again")
                     .arg(blocking.join(QLatin1Char('\n')));
        return std::nullopt;
    }

    PostfixMainCf document;
    if (!document.setText(r.mainCf, r.mainCfPath)) {
        *error = document.errorString();
        return std::nullopt;
    }
    FileEdit edit;
    if (!setWindow(document, inbound, outbound, &edit.summary, &edit.parameters, error))
        return std::nullopt;
    ChangePlan plan = basePlan(r, inbound && outbound ? tr("Require TLS for inbound and outbound mail (campaign window)")
                                  : inbound           ? tr("Require TLS for inbound mail (campaign window)")
                                                      : tr("Require TLS for outbound mail (campaign window)"));
    edit.path = r.mainCfPath;
    edit.before = r.mainCf;
    edit.after = document.text();
    plan.edits.append(edit);
    if (outbound) {
        if (r.securityLevel(QStringLiteral("smtp")) == QLatin1String("dane"))
            plan.notes.append(tr("smtp_tls_security_level was dane: during the window encrypt replaces it, so "
                                 "DANE authentication is off until the window ends."));
        if (const std::optional<QByteArray> maps = document.value("smtp_tls_policy_maps"); maps && !maps->isEmpty())
            plan.notes.append(tr("smtp_tls_policy_maps (%1) still applies: a destination it lists with its own "
                                 "level is not required to use TLS by the window.")
                                  .arg(QString::fromUtf8(*maps)));
    }
    for (const MasterCfOverride &o : masterCfOverrides(masterCf, inbound, outbound))
        plan.notes.append(tr("master.cf line %1 sets %2=%3 for %4 already.").arg(o.line).arg(o.parameter, o.value,
                                                                                             o.service));
    return plan;
}

std::optional<QByteArray> EnforcementPlan::windowText(const QByteArray &before, bool inbound, bool outbound,
                                                      QString *error)
{
    PostfixMainCf document;
    if (!document.setText(before)) {
        *error = document.errorString();
        return std::nullopt;
    }
    if (!setWindow(document, inbound, outbound, nullptr, nullptr, error))
        return std::nullopt;
    return document.text();
}

std::optional<ChangePlan> EnforcementPlan::parameterRevert(const PostfixInspectionResult &r,
                                                           const QByteArray &preWindow, bool inbound, bool outbound,
                                                           QString *error)
{
    if (!r.ok) {
        *error = r.error.isEmpty() ? tr("Postfix has not been inspected") : r.error;
        return std::nullopt;
    }
    PostfixMainCf before;
    PostfixMainCf document;
    if (!before.setText(preWindow) || !document.setText(r.mainCf, r.mainCfPath)) {
        *error = before.errorString().isEmpty() ? document.errorString() : before.errorString();
        return std::nullopt;
    }
    QList<QByteArray> names;
    if (inbound)
        names.append(QByteArray(InboundParameter));
    if (outbound)
        names.append(QByteArray(OutboundParameter));
    FileEdit edit;
    for (const QByteArray &name : names) {
        const std::optional<QByteArray> now = document.value(name);
        if (!now || PostfixMainCf::normalized(*now) != WindowValue)
            continue;
        const std::optional<QByteArray> was = before.value(name);
        const PostfixMainCf::Edit result = was ? document.set(name, *was) : document.remove(name);
        if (result == PostfixMainCf::Edit::Invalid) {
            *error = document.errorString();
            return std::nullopt;
        }
        if (result == PostfixMainCf::Edit::Changed) {
            edit.summary.append(was ? tr("%1 = %2 (as before the window)")
                                          .arg(QString::fromLatin1(name), QString::fromUtf8(*was))
                                    : tr("%1 removed (as before the window: Postfix's default)")
                                          .arg(QString::fromLatin1(name)));
            edit.parameters.append(name);
        }
    }
    ChangePlan plan = basePlan(r, tr("End the campaign window: take its settings out of the changed main.cf"));
    if (document.isModified()) {
        edit.path = r.mainCfPath;
        edit.before = r.mainCf;
        edit.after = document.text();
        plan.edits.append(edit);
        plan.notes.append(tr("main.cf was changed during the window: only the window's settings are put back, the "
                             "other changes stay."));
    }
    return plan;
}

} // namespace mailtls
