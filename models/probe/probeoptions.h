#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QtGlobal>

namespace mailtls {

// How probes behave. The defaults suit the public Internet; tests set
// dnsServer always (nothing may resolve through the system resolver) and may
// shorten the timeouts.
struct ProbeOptions
{
    // Every name a probe resolves goes to this server (port 53: Qt 6.4's
    // QDnsLookup has no port setting). Null: the system resolver.
    QHostAddress dnsServer;
    quint16 dnsPort = 53;
    quint16 smtpPort = 25;     // for MX hosts; a host target's own port wins
    quint16 httpsPort = 443;   // the MTA-STS policy host's
    int connectTimeoutMs = 10000;
    int readTimeoutMs = 15000;  // any one reply (banner, EHLO, STARTTLS, handshake)
    int dnsTimeoutMs = 5000;
    int concurrency = 4;        // SMTP sessions open at once, over all hosts
    // Between one session's end and the next's start to the same address: an
    // address never has two sessions of ours at once, nor more than ten a
    // second, and a probe's six sessions take about a second in all.
    int hostSpacingMs = 100;
    int maxSessionsPerAddress = 10;
    int cacheSeconds = 3600;    // an address's result is reused this long
    // Extra trust anchors beside the system store (a private CA).
    QList<QSslCertificate> extraCaCertificates;
    // The name the probe greets with in EHLO.
    QString heloName = QStringLiteral("mailtls.invalid");

    // A timeout in seconds as messages say it: "5", "0.25".
    static QString secondsText(int ms)
    {
        if (ms % 1000 == 0)
            return QString::number(ms / 1000);
        QString text = QString::number(ms / 1000.0, 'f', 3);
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        return text;
    }
};

} // namespace mailtls
