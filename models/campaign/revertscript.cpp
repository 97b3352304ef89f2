#include "models/campaign/revertscript.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>

namespace mailtls {

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        lines += encoded.mid(i, 76) + '\n';
    return lines;
}

QByteArray withoutCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

QString joined(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

} // namespace

QByteArray RevertScript::Block::removedFrom(const QByteArray &text) const
{
    QByteArray out;
    bool inBlock = false;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (!inBlock && withoutCr(line) == begin) {
            inBlock = true;
            continue;
        }
        if (inBlock) {
            inBlock = withoutCr(line) != end;
            continue;
        }
        out += line;
        if (i != lines.size() - 1)
            out += '\n';
    }
    return out;
}

bool RevertScript::Block::isIn(const QByteArray &text) const
{
    const QList<QByteArray> lines = text.split('\n');
    return std::any_of(lines.cbegin(), lines.cend(), [this](const QByteArray &line) { return withoutCr(line) == begin; });
}

QByteArray RevertScript::shellQuoted(const QByteArray &word)
{
    QByteArray quoted = word;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

QString RevertScript::scriptPath(const QString &configDir, qint64 campaignId)
{
    return QDir(configDir).filePath(QStringLiteral(".mailtls-campaign-%1.sh").arg(campaignId));
}

QString RevertScript::statusPath(const QString &configDir, qint64 campaignId)
{
    return QDir(configDir).filePath(QStringLiteral(".mailtls-campaign-%1.status").arg(campaignId));
}

QByteArray RevertScript::command(const QStringList &words)
{
    QByteArray line;
    for (const QString &word : words) {
        if (!line.isEmpty())
            line += ' ';
        line += shellQuoted(word.toUtf8());
    }
    return line;
}

QByteArray RevertScript::script(const Input &input)
{
    const auto q = [](const QString &text) { return shellQuoted(text.toUtf8()); };
    const QByteArray id = QByteArray::number(input.campaignId);
    const QByteArray end =
        QDateTime::fromSecsSinceEpoch(input.windowEnd, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toLatin1();
    QByteArray s;
    s += "#!/bin/sh\n"
         "# MailTLS campaign " + id + ": ends its window of mandatory STARTTLS (planned end " + end + " UTC)\n"
         "# when MailTLS has not ended it by then. It needs nothing of MailTLS. Each file\n"
         "# gets its bytes from before the window back (a file the window made goes),\n"
         "# but only while it holds exactly the window's bytes; a file changed meanwhile\n"
         "# is not overwritten, and only the window's settings are taken back out of it.\n"
         "# Then the configuration is checked, " + input.mta.toUtf8() + " reloaded when it runs, and the\n"
         "# status file written that MailTLS reads on its next start.\n"
         "PATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
         "export PATH\n"
         "umask 077\n"
         "status=" + q(input.statusPath) + "\n"
         "out=\"$status.new.$$\"\n"
         ": >\"$out\" || exit 1\n"
         "note() { printf '%s\\n' \"$1\" >>\"$out\"; }\n"
         "sum() { sha256sum <\"$1\" 2>/dev/null | cut -c1-64; }\n"
         "changed=0\n"
         "note 'campaign=" + id + "'\n"
         "note " + q(QStringLiteral("mta=") + input.mta) + "\n";
    for (const File &file : input.files) {
        s += "\nf=" + q(file.path) + "\n"
             "now=$(sum \"$f\")\n"
             "if [ -e \"$f\" ] && [ \"$now\" = '" + sha256Hex(file.window) + "' ]; then\n";
        if (file.existed) {
            s += "    new=\"$f.mailtls-revert.$$\"\n"
                 "    if cp -p \"$f\" \"$new\" && base64 -d >\"$new\" <<'MAILTLS_BYTES'\n"
                 + base64Lines(file.before) +
                 "MAILTLS_BYTES\n"
                 "    then\n"
                 "        if [ \"$(sum \"$new\")\" = '" + sha256Hex(file.before) + "' ] && mv -f \"$new\" \"$f\"; then\n"
                 "            note \"restored=$f\"\n"
                 "        else\n"
                 "            rm -f \"$new\"\n"
                 "            note \"failed=$f\"\n"
                 "        fi\n"
                 "    else\n"
                 "        rm -f \"$new\"\n"
                 "        note \"failed=$f\"\n"
                 "    fi\n"
                 "elif [ -e \"$f\" ] && [ \"$now\" = '" + sha256Hex(file.before) + "' ]; then\n"
                 "    note \"restored=$f\"\n";
        } else {
            s += "    if rm -f \"$f\"; then\n"
                 "        note \"restored=$f\"\n"
                 "    else\n"
                 "        note \"failed=$f\"\n"
                 "    fi\n"
                 "elif [ ! -e \"$f\" ]; then\n"
                 "    note \"restored=$f\"\n";
        }
        s += "else\n"
             "    changed=1\n"
             "    note \"changed=$f\"\n"
             "fi\n";
    }
    s += "\nif [ \"$changed\" = 1 ]; then\n";
    if (!input.parameters.isEmpty())
        s += "    dir=" + q(input.configDir) + "\n"
             "    postconf=" + q(input.postconfProgram) + "\n";
    for (const Parameter &parameter : input.parameters) {
        const QByteArray name = parameter.name;
        const QByteArray change = parameter.before
            ? "\"$postconf\" -c \"$dir\" -e " + shellQuoted(name + " = " + *parameter.before)
            : "\"$postconf\" -c \"$dir\" -X " + shellQuoted(name);
        s += "    if [ \"$(\"$postconf\" -c \"$dir\" -h " + name + " 2>/dev/null)\" = " + shellQuoted(parameter.window)
             + " ]; then\n"
               "        if " + change + " && [ \"$(\"$postconf\" -c \"$dir\" -h " + name + " 2>/dev/null)\" != "
             + shellQuoted(parameter.window) + " ]; then\n"
               "            note 'adjusted=" + name + "'\n"
               "        else\n"
               "            note 'enforcing=" + name + "'\n"
               "        fi\n"
               "    fi\n";
    }
    // A block comes out with awk on a copy (cp -p keeps owner and mode),
    // renamed into place, and counts as out only when its first line is gone.
    for (const Block &block : input.blocks) {
        s += "    f=" + q(block.path) + "\n"
             "    b=" + shellQuoted(block.begin) + "\n"
             "    e=" + shellQuoted(block.end) + "\n"
             "    if [ -e \"$f\" ] && grep -qxF -e \"$b\" \"$f\"; then\n"
             "        new=\"$f.mailtls-revert.$$\"\n"
             "        if cp -p \"$f\" \"$new\" && awk -v b=\"$b\" -v e=\"$e\" "
             "'$0 == b { out = 1 } !out { print } out && $0 == e { out = 0 }' \"$f\" >\"$new\" \\\n"
             "            && ! grep -qxF -e \"$b\" \"$new\" && mv -f \"$new\" \"$f\"; then\n"
             "            note \"unblocked=$f\"\n"
             "        else\n"
             "            rm -f \"$new\"\n"
             "            note \"enforcing=$f\"\n"
             "        fi\n"
             "    fi\n";
    }
    s += "    :\n"
         "fi\n"
         "\ncheck=ok\n";
    // Commands never read the job's standard input (sendmail -bt would
    // wait on it).
    for (const QStringList &validate : input.validateCommands)
        s += command(validate) + " </dev/null >/dev/null 2>&1 || check=failed\n";
    s += "note \"check=$check\"\n"
         "if [ \"$check\" = ok ]; then\n"
         "    if " + (input.statusCommand.isEmpty() ? QByteArray("true") : command(input.statusCommand))
         + " </dev/null >/dev/null 2>&1; then\n"
           "        if " + (input.reloadCommand.isEmpty() ? QByteArray("false") : command(input.reloadCommand))
         + " </dev/null >/dev/null 2>&1; then\n"
         "            note 'reload=done'\n"
         "        else\n"
         "            note 'reload=failed'\n"
         "        fi\n"
         "    else\n"
         "        note 'reload=not-running'\n"
         "    fi\n"
         "else\n"
         "    note 'reload=skipped'\n"
         "fi\n"
         "note \"ended=$(date -u +%s)\"\n"
         "note 'complete=yes'\n"
         "mv -f \"$out\" \"$status\"\n";
    return s;
}

std::optional<RevertStatus> RevertScript::parseStatus(const QByteArray &text)
{
    RevertStatus status;
    bool complete = false;
    bool hasCampaign = false;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        const QString value = QString::fromUtf8(line.mid(equals + 1));
        if (key == "campaign") {
            status.campaignId = value.toLongLong(&hasCampaign);
        } else if (key == "ended") {
            status.ended = value.toLongLong();
        } else if (key == "restored") {
            status.restored.append(value);
        } else if (key == "changed") {
            status.changed.append(value);
        } else if (key == "failed") {
            status.failed.append(value);
        } else if (key == "mta") {
            status.mta = value;
        } else if (key == "adjusted") {
            status.adjusted.append(value);
        } else if (key == "unblocked") {
            status.unblocked.append(value);
        } else if (key == "enforcing") {
            status.stillEnforcing.append(value);
        } else if (key == "check") {
            status.checkOk = value == QLatin1String("ok");
        } else if (key == "reload") {
            status.reload = value;
        } else if (key == "complete") {
            complete = value == QLatin1String("yes");
        }
    }
    if (!complete || !hasCampaign)
        return std::nullopt;
    return status;
}

QString RevertStatus::describe() const
{
    QStringList parts;
    if (!restored.isEmpty())
        parts.append(RevertScript::tr("It put back %1 as it was before the window.").arg(joined(restored)));
    if (!changed.isEmpty())
        parts.append(RevertScript::tr("%1 was changed during the window, so it was not overwritten.").arg(joined(changed)));
    if (!adjusted.isEmpty())
        parts.append(RevertScript::tr("It set %1 back to the value before the window with postconf.").arg(joined(adjusted)));
    if (!unblocked.isEmpty())
        parts.append(RevertScript::tr("It took the window's lines out of %1.").arg(joined(unblocked)));
    if (!failed.isEmpty())
        parts.append(RevertScript::tr("It could NOT put back %1.").arg(joined(failed)));
    if (!stillEnforcing.isEmpty())
        parts.append(RevertScript::tr("It could NOT take back %1: %2 may still require TLS.").arg(joined(stillEnforcing), mta));
    if (!checkOk)
        parts.append(RevertScript::tr("The configuration check failed afterwards, so %1 was not reloaded.").arg(mta));
    else if (reload == QLatin1String("done"))
        parts.append(RevertScript::tr("%1 was reloaded.").arg(mta));
    else if (reload == QLatin1String("not-running"))
        parts.append(RevertScript::tr("%1 was not running.").arg(mta));
    else if (reload == QLatin1String("failed"))
        parts.append(RevertScript::tr("Reloading %1 failed: it takes the settings at its next start.").arg(mta));
    return parts.join(QLatin1Char(' '));
}

} // namespace mailtls
