#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace mailtls {

// Everything MailTLS remembers across restarts, in one place: the window's
// layout, the page shown, the dashboard's filters, each view's own state
// (table headers, splitters). Stored with QSettings under the application's
// organisation and name (tests set QStandardPaths' test mode, or a file).
class Settings final
{
public:
    Settings();
    // A settings file of its own (tests).
    explicit Settings(const QString &fileName);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // The page shown last, by its object name.
    QString currentPage() const;
    void setCurrentPage(const QString &page);

    // The dashboard's filters, as DashboardContext names them: the range's
    // enum value and, for a custom range, its bounds (UTC seconds, 0 = none).
    int range(int fallback) const;
    void setRange(int range);
    qint64 customSince() const;
    qint64 customUntil() const;
    void setCustomRange(qint64 since, qint64 until);
    int direction() const;          // -1 = all directions
    void setDirection(int direction);
    int groupBy() const;            // ReportFilter::GroupBy's value
    void setGroupBy(int groupBy);

    // Probes: the DNS server every name a probe looks up goes to (an IP
    // address, port 53; empty: the system's resolver), the seconds to wait
    // for a connection and for each reply, and how many SMTP sessions run at
    // once over all servers, and how long an address's result is reused.
    QString probeDnsServer() const;
    void setProbeDnsServer(const QString &server);
    int probeTimeout() const;       // default 15
    void setProbeTimeout(int seconds);
    int probeConcurrency() const;   // default 4
    void setProbeConcurrency(int sessions);
    int probeCacheMinutes() const;  // default 60
    void setProbeCacheMinutes(int minutes);

    // Whether the first-run assistant has been completed or dismissed.
    bool firstRunDone() const;
    void setFirstRunDone(bool done);

    // One view's own state (a header's saveState(), a splitter's, a search
    // text), by the view's name and a key of its choosing.
    QVariant viewValue(const QString &view, const QString &key, const QVariant &fallback = {}) const;
    void setViewValue(const QString &view, const QString &key, const QVariant &value);

    void sync();

private:
    QSettings m_settings;
};

} // namespace mailtls
