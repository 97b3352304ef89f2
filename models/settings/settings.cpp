#include "models/settings/settings.h"

namespace mailtls {

namespace {
const QString Window = QStringLiteral("window/");
const QString Dashboard = QStringLiteral("dashboard/");
const QString Views = QStringLiteral("views/");
const QString Probe = QStringLiteral("probe/");
}

Settings::Settings() = default;

Settings::Settings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(Window + QStringLiteral("geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(Window + QStringLiteral("geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(Window + QStringLiteral("state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(Window + QStringLiteral("state"), state);
}

QString Settings::currentPage() const
{
    return m_settings.value(Window + QStringLiteral("page")).toString();
}

void Settings::setCurrentPage(const QString &page)
{
    m_settings.setValue(Window + QStringLiteral("page"), page);
}

int Settings::range(int fallback) const
{
    return m_settings.value(Dashboard + QStringLiteral("range"), fallback).toInt();
}

void Settings::setRange(int range)
{
    m_settings.setValue(Dashboard + QStringLiteral("range"), range);
}

qint64 Settings::customSince() const
{
    return m_settings.value(Dashboard + QStringLiteral("since"), 0).toLongLong();
}

qint64 Settings::customUntil() const
{
    return m_settings.value(Dashboard + QStringLiteral("until"), 0).toLongLong();
}

void Settings::setCustomRange(qint64 since, qint64 until)
{
    m_settings.setValue(Dashboard + QStringLiteral("since"), since);
    m_settings.setValue(Dashboard + QStringLiteral("until"), until);
}

int Settings::direction() const
{
    return m_settings.value(Dashboard + QStringLiteral("direction"), -1).toInt();
}

void Settings::setDirection(int direction)
{
    m_settings.setValue(Dashboard + QStringLiteral("direction"), direction);
}

int Settings::groupBy() const
{
    return m_settings.value(Dashboard + QStringLiteral("groupBy"), 0).toInt();
}

void Settings::setGroupBy(int groupBy)
{
    m_settings.setValue(Dashboard + QStringLiteral("groupBy"), groupBy);
}

QString Settings::probeDnsServer() const
{
    return m_settings.value(Probe + QStringLiteral("dnsServer")).toString();
}

void Settings::setProbeDnsServer(const QString &server)
{
    m_settings.setValue(Probe + QStringLiteral("dnsServer"), server);
}

int Settings::probeTimeout() const
{
    return m_settings.value(Probe + QStringLiteral("timeout"), 15).toInt();
}

void Settings::setProbeTimeout(int seconds)
{
    m_settings.setValue(Probe + QStringLiteral("timeout"), seconds);
}

int Settings::probeConcurrency() const
{
    return m_settings.value(Probe + QStringLiteral("concurrency"), 4).toInt();
}

void Settings::setProbeConcurrency(int sessions)
{
    m_settings.setValue(Probe + QStringLiteral("concurrency"), sessions);
}

int Settings::probeCacheMinutes() const
{
    return m_settings.value(Probe + QStringLiteral("cacheMinutes"), 60).toInt();
}

void Settings::setProbeCacheMinutes(int minutes)
{
    m_settings.setValue(Probe + QStringLiteral("cacheMinutes"), minutes);
}

bool Settings::firstRunDone() const
{
    return m_settings.value(QStringLiteral("firstRun/done"), false).toBool();
}

void Settings::setFirstRunDone(bool done)
{
    m_settings.setValue(QStringLiteral("firstRun/done"), done);
}

QVariant Settings::viewValue(const QString &view, const QString &key, const QVariant &fallback) const
{
    return m_settings.value(Views + view + QLatin1Char('/') + key, fallback);
}

void Settings::setViewValue(const QString &view, const QString &key, const QVariant &value)
{
    m_settings.setValue(Views + view + QLatin1Char('/') + key, value);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace mailtls
