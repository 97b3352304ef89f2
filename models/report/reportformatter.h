#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/store/peerfigures.h"

namespace mailtls {

// Writes per-peer figures as `mailtls report` prints them. CSV and JSON are data
// formats with fixed English keys; the table is for people and is translated.
class ReportFormatter final
{
    Q_DECLARE_TR_FUNCTIONS(ReportFormatter)

public:
    enum class Format { Table, Csv, Json };

    static bool formatFromName(const QString &name, Format *format);
    static QString csvHeader();

    static QString format(const QList<PeerFigures> &rows, Format format);
    static QString csv(const QList<PeerFigures> &rows);
    static QString json(const QList<PeerFigures> &rows);
    static QString table(const QList<PeerFigures> &rows);

    // "83.3 %" style share, or "–" when there is nothing to share.
    static QString percent(qint64 part, qint64 whole);
    // 1536 -> "1.5 KiB"
    static QString humanBytes(qint64 bytes);
};

} // namespace mailtls
