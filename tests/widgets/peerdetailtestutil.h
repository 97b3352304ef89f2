#pragma once

// Helpers of the peer detail page's tests: the figure names, how long to
// wait, and the real log the provenance tests read.

#include <QAbstractItemModel>
#include <QApplication>
#include <QBarSet>
#include <QClipboard>
#include <QHash>
#include <QLineSeries>
#include <QStringList>
#include <QTableView>

#include "models/logs/records.h"
#include "widgets/dashboard/exportmenu.h"
#include "widgets/dashboard/peerfigurespanel.h"

namespace mailtls::peerdetailtest {

using Figure = PeerFiguresPanel::Figure;
using FigureTexts = QHash<Direction, QStringList>;   // one text per Figure


inline constexpr int waitMs = 10000;

inline QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

// The rows a view shows, in its order.
inline QList<QStringList> shownRows(const QTableView *view)
{
    QList<QStringList> rows;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
        rows << cells;
    }
    return rows;
}

inline QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

inline QList<QPointF> points(const QLineSeries *series)
{
    return series->points();
}

inline QString copied(ExportMenu *menu)
{
    QApplication::clipboard()->clear();
    menu->copyAction()->trigger();
    return QApplication::clipboard()->text();
}

// A log of the test's own making, and a store whose records point at its
// lines, as the importer stores an imported log.
inline const QList<QByteArray> logLines = {
    "Mar 18 10:00:00 mx postfix/smtpd[100]: connect from mx.alpha.example[192.0.2.1]",
    "Mar 18 10:00:01 mx postfix/smtpd[100]: Trusted TLS connection established from mx.alpha.example[192.0.2.1]: "
    "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
    "Mar 18 10:00:02 mx postfix/smtpd[101]: SSL_accept error from mx.alpha.example[192.0.2.1]: lost connection",
    "Mar 18 10:00:03 mx postfix/smtpd[100]: disconnect from mx.alpha.example[192.0.2.1] ehlo=2 starttls=1 quit=1 "
    "commands=4",
};

inline qint64 offsetOf(int line)
{
    qint64 offset = 0;
    for (int i = 0; i < line; ++i)
        offset += logLines.at(i).size() + 1;
    return offset;
}

} // namespace mailtls::peerdetailtest
