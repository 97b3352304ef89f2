#include "models/campaign/mboxwriter.h"

#include <QSaveFile>

namespace mailtls {

namespace {

const char *const dayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const monthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// asctime()'s layout, which the From_ line keeps: "Mon Nov  2 08:00:00 2026".
QByteArray asctimeText(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(QLatin1String(dayNames[utc.date().dayOfWeek() - 1]),
             QLatin1String(monthNames[utc.date().month() - 1]))
        .arg(utc.date().day(), 2, 10, QLatin1Char(' '))
        .arg(utc.time().toString(QStringLiteral("HH:mm:ss")))
        .arg(utc.date().year())
        .toLatin1();
}

} // namespace

QByteArray MboxWriter::entry(const Entry &entry)
{
    QByteArray message = entry.message;
    message.replace("\r\n", "\n");
    if (!message.endsWith('\n'))
        message += '\n';

    QByteArray sender = entry.envelopeSender.toLatin1();
    if (sender.isEmpty() || sender.contains(' '))
        sender = "MAILER-DAEMON";
    QByteArray out = "From " + sender + ' ' + asctimeText(entry.date) + '\n';
    qsizetype start = 0;
    while (start < message.size()) {
        const qsizetype end = message.indexOf('\n', start);
        const QByteArrayView line(message.constData() + start, end - start);
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (line.sliced(quotes).startsWith("From "))
            out += '>';
        out += line;
        out += '\n';
        start = end + 1;
    }
    out += '\n';
    return out;
}

bool MboxWriter::write(const QString &path, const QList<Entry> &entries, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    for (const Entry &e : entries)
        file.write(MboxWriter::entry(e));
    if (!file.commit()) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mailtls
