#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QtGlobal>

#include "models/store/reportfilter.h"

namespace mailtls {

// The options every verb that reads figures takes to build a ReportFilter:
// --since, --until, --direction, --group-by, --include-local, --local-peer.
// One definition, so `report` and `export` read them alike.
class ReportFilterOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ReportFilterOptions)

public:
    ReportFilterOptions();

    QList<QCommandLineOption> options() const;
    void addTo(QCommandLineParser &parser) const;

    // Times without an offset are in `zone`; spans count back from `now`.
    // False with a message naming the option.
    bool read(const QCommandLineParser &parser, const QTimeZone &zone, qint64 now,
              ReportFilter *filter, QString *error) const;

private:
    QCommandLineOption m_since;
    QCommandLineOption m_until;
    QCommandLineOption m_direction;
    QCommandLineOption m_groupBy;
    QCommandLineOption m_includeLocal;
    QCommandLineOption m_localPeer;
};

} // namespace mailtls
