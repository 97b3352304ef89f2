#pragma once

// Rotated Postfix logs for the whole-history import tests: sessions written
// from small realistic templates (inbound and outbound, with and without TLS,
// a few warnings), cut into files the way logrotate leaves them, with the
// modification times a rotation gives.

#include <utime.h>

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace historytest {

// "Dec  5 10:00:00": classic syslog stamps, no year.
inline QByteArray stamp(const QDateTime &utc)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(months[d.month() - 1]) + ' ' + QByteArray::number(d.day()).rightJustified(2, ' ') + ' '
        + t.toString(QStringLiteral("HH:mm:ss")).toLatin1();
}

struct Session
{
    QByteArray text;          // its lines
    bool inbound = false;
    bool encrypted = false;
};

// Session `k` of a log, at `at` (UTC). Five kinds: inbound with TLS, inbound
// plain, outbound with TLS, outbound plain, and inbound plain after a warning.
inline Session session(int k, const QDateTime &at)
{
    Session s;
    const QByteArray t0 = stamp(at);
    const QByteArray t1 = stamp(at.addSecs(1));
    const QByteArray queue = QByteArray::number(0x1A2B300 + k, 16).toUpper();
    const QByteArray smtpd = " mx postfix/smtpd[" + QByteArray::number(10000 + k % 20000) + "]: ";
    const QByteArray smtp = " mx postfix/smtp[" + QByteArray::number(40000 + k % 20000) + "]: ";
    const QByteArray qmgr = " mx postfix/qmgr[777]: ";
    const QByteArray size = QByteArray::number(1000 + (k * 37) % 5000);
    switch (k % 5) {
    case 0:
    case 1:
    case 4: {
        s.inbound = true;
        s.encrypted = k % 5 == 0;
        const QByteArray n = QByteArray::number(k % 3 + 1);
        const QByteArray peer = "mx" + n + ".example.org[192.0.2." + n + "]";
        if (k % 5 == 4)
            s.text += t0 + smtpd + "warning: hostname mx" + n + ".example.org does not resolve to address 192.0.2." + n
                + ": Name or service not known\n";
        s.text += t0 + smtpd + "connect from " + peer + "\n";
        if (s.encrypted)
            s.text += t0 + smtpd + "Anonymous TLS connection established from " + peer
                + ": TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n";
        s.text += t0 + smtpd + queue + ": client=" + peer + "\n";
        s.text += t0 + " mx postfix/cleanup[778]: " + queue + ": message-id=<" + QByteArray::number(k) + "@example.org>\n";
        s.text += t1 + qmgr + queue + ": from=<sender" + n + "@example.org>, size=" + size + ", nrcpt=1 (queue active)\n";
        s.text += t1 + smtpd + "disconnect from " + peer + " ehlo=1 " + (s.encrypted ? "starttls=1 " : "")
            + "mail=1 rcpt=1 data=1 quit=1 commands=" + (s.encrypted ? "6" : "5") + "\n";
        s.text += t1 + " mx postfix/local[779]: " + queue + ": to=<user@mx.test>, relay=local, delay=0.1, "
                                                            "delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)\n";
        s.text += t1 + qmgr + queue + ": removed\n";
        break;
    }
    default: {
        s.encrypted = k % 5 == 2;
        const QByteArray relay = s.encrypted ? "mx.example.net[198.51.100.5]:25" : "smtp.example.com[203.0.113.7]:25";
        s.text += t0 + " mx postfix/pickup[780]: " + queue + ": uid=1000 from=<user>\n";
        s.text += t0 + " mx postfix/cleanup[778]: " + queue + ": message-id=<" + QByteArray::number(k) + "@mx.test>\n";
        s.text += t0 + qmgr + queue + ": from=<user@mx.test>, size=" + size + ", nrcpt=1 (queue active)\n";
        if (s.encrypted)
            s.text += t1 + smtp + "Trusted TLS connection established to " + relay
                + ": TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n";
        s.text += t1 + smtp + queue + ": to=<friend@" + (s.encrypted ? "example.net" : "example.com") + ">, relay="
            + relay + ", delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
        s.text += t1 + qmgr + queue + ": removed\n";
        break;
    }
    }
    return s;
}

// Sessions first … first + count - 1, `stepSeconds` apart from `start`.
inline QByteArray log(int first, int count, const QDateTime &start, int stepSeconds)
{
    QByteArray out;
    for (int k = first; k < first + count; ++k)
        out += session(k, start.addSecs(qint64(k - first) * stepSeconds)).text;
    return out;
}

// The lines of `text` from line `from` (0-based), `count` of them (-1: to the end).
inline QByteArray lines(const QByteArray &text, int from, int count = -1)
{
    QList<QByteArray> all = text.split('\n');
    if (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    QByteArray out;
    for (int i = from; i < all.size() && (count < 0 || i < from + count); ++i)
        out += all.at(i) + '\n';
    return out;
}

inline int lineCount(const QByteArray &text)
{
    return int(text.count('\n'));
}

inline bool setModified(const QString &path, const QDateTime &utc)
{
    struct utimbuf times{};
    times.actime = time_t(utc.toSecsSinceEpoch());
    times.modtime = times.actime;
    return ::utime(QFile::encodeName(path).constData(), &times) == 0;
}

inline bool write(const QString &path, const QByteArray &bytes, const QDateTime &modified = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return !modified.isValid() || setModified(path, modified);
}

// gzip, as logrotate's compress leaves a file.
inline bool writeGzip(const QString &path, const QByteArray &bytes, const QDateTime &modified = {})
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), QStringLiteral("-n")});
    if (!gzip.waitForStarted())
        return false;
    gzip.write(bytes);
    gzip.closeWriteChannel();
    if (!gzip.waitForFinished(60000) || gzip.exitCode() != 0)
        return false;
    return write(path, gzip.readAllStandardOutput(), modified);
}

} // namespace historytest
