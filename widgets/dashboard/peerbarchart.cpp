#include "widgets/dashboard/peerbarchart.h"

#include <algorithm>
#include <utility>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLocale>
#include <QSet>
#include <QValueAxis>

#include "models/itemmodels/recordtitles.h"
#include "widgets/dashboard/chartaxis.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/chartstyle.h"

namespace mailtls {

namespace {

// Long host names would squeeze the bars to nothing; the middle goes, the
// start and the domain stay.
constexpr int LabelLength = 40;
// Room per bar, so labels of 50 bars still do not overlap.
constexpr int BarHeight = 18;
constexpr int ChartFrame = 130;
// Grid lines on the message axis, at most: the chart is narrow.
constexpr int AxisSteps = 4;

QString elided(const QString &text)
{
    if (text.size() <= LabelLength)
        return text;
    const int keep = (LabelLength - 1) / 2;
    return text.left(keep) + QChar(0x2026) + text.right(keep);
}

} // namespace

PeerBarChart::PeerBarChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_bars(new QHorizontalStackedBarSeries)
    , m_encrypted(new QBarSet(tr("Encrypted")))
    , m_plaintext(new QBarSet(tr("Plaintext")))
    , m_peerAxis(new QBarCategoryAxis)
    , m_valueAxis(new QValueAxis)
{
    QChart *chart = ChartStyle::setUp(this, m_view);

    m_bars->append(m_encrypted);
    m_bars->append(m_plaintext);
    m_bars->setBarWidth(0.7);
    chart->addSeries(m_bars);

    m_peerAxis->setTitleText(tr("Peer"));
    m_valueAxis->setTitleText(tr("Messages (count)"));
    m_valueAxis->setLabelFormat(QStringLiteral("%i"));
    m_valueAxis->setMinorTickCount(0);
    chart->addAxis(m_peerAxis, Qt::AlignLeft);
    chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_bars->attachAxis(m_peerAxis);
    m_bars->attachAxis(m_valueAxis);

    m_view->setAccessibleName(tr("Encrypted and plaintext messages of the top peers"));

    connect(m_bars, &QHorizontalStackedBarSeries::hovered, this,
            [this](bool status, int index, QBarSet *) { showTip(status ? index : -1); });

    applyPalette();
    applyData();
}

QChart *PeerBarChart::chart() const
{
    return m_view->chart();
}

QList<PeerRow> PeerBarChart::topRows(const QList<PeerRow> &rows, int count)
{
    QList<PeerRow> top;
    for (const PeerRow &row : rows) {
        if (row.figures.messages > 0)
            top.append(row);
    }
    std::stable_sort(top.begin(), top.end(), [](const PeerRow &a, const PeerRow &b) {
        const PeerFigures &x = a.figures;
        const PeerFigures &y = b.figures;
        if (x.messages != y.messages)
            return x.messages > y.messages;
        if (x.peer != y.peer)
            return x.peer < y.peer;
        return int(x.direction) < int(y.direction);
    });
    if (count >= 0 && top.size() > count)
        top.resize(count);
    return top;
}

void PeerBarChart::setRows(const QList<PeerRow> &rows, bool withDirection)
{
    m_rows = rows;
    m_withDirection = withDirection;
    applyData();
}

QStringList PeerBarChart::labels(bool withDirection) const
{
    QStringList list;
    list.reserve(m_rows.size());
    for (const PeerRow &row : m_rows) {
        const QString peer = elided(row.figures.peer);
        list.append(withDirection ? tr("%1 (%2)").arg(peer, RecordTitles::direction(row.figures.direction))
                                  : peer);
    }
    return list;
}

void PeerBarChart::applyData()
{
    // Categories must be unique: when shortened names or a peer in two
    // directions would collide, every bar names its direction, and if that is
    // not enough the names stay whole.
    QStringList names = labels(m_withDirection);
    if (QSet<QString>(names.cbegin(), names.cend()).size() != names.size())
        names = labels(true);
    if (QSet<QString>(names.cbegin(), names.cend()).size() != names.size()) {
        names.clear();
        for (const PeerRow &row : m_rows)
            names.append(tr("%1 (%2)").arg(row.figures.peer, RecordTitles::direction(row.figures.direction)));
    }

    // Bottom to top, as the axis counts.
    const int n = int(m_rows.size());
    QStringList categories;
    QList<qreal> encrypted;
    QList<qreal> plaintext;
    qint64 highest = 0;
    for (int i = n - 1; i >= 0; --i) {
        const PeerFigures &f = m_rows.at(i).figures;
        categories.append(names.at(i));
        encrypted.append(double(f.encryptedMessages));
        plaintext.append(double(f.plaintextMessages));
        highest = std::max(highest, f.encryptedMessages + f.plaintextMessages);
    }

    // Written in place when the bars are the same ones, so a live refresh
    // only repaints what changed.
    if (categories != m_peerAxis->categories())
        m_peerAxis->setCategories(categories);
    ChartStyle::writeValues(m_encrypted, encrypted);
    ChartStyle::writeValues(m_plaintext, plaintext);
    ChartAxis::setNiceRange(m_valueAxis, double(highest), AxisSteps, true);
    m_view->setMinimumHeight(ChartFrame + BarHeight * std::max(n, 5));

    qint64 encryptedTotal = 0;
    qint64 plaintextTotal = 0;
    for (const PeerRow &row : m_rows) {
        encryptedTotal += row.figures.encryptedMessages;
        plaintextTotal += row.figures.plaintextMessages;
    }
    const QLocale locale;
    m_view->setAccessibleDescription(tr("Peers: %1; encrypted messages: %2; plaintext messages: %3")
                                         .arg(locale.toString(n), locale.toString(encryptedTotal),
                                              locale.toString(plaintextTotal)));
}

QString PeerBarChart::barText(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return QString();
    const PeerFigures &f = m_rows.at(row).figures;
    const QLocale locale;
    const QString total = locale.toString(f.messages);
    QStringList lines;
    lines << tr("%1 (%2)").arg(f.peer, RecordTitles::direction(f.direction))
          << tr("Encrypted messages: %1 of %2 (%3)")
                 .arg(locale.toString(f.encryptedMessages), total,
                      RecordTitles::percent(f.encryptedMessages, f.messages))
          << tr("Plaintext messages: %1 of %2 (%3)")
                 .arg(locale.toString(f.plaintextMessages), total,
                      RecordTitles::percent(f.plaintextMessages, f.messages));
    return lines.join(QLatin1Char('\n'));
}

void PeerBarChart::showTip(int barIndex)
{
    ChartStyle::showTip(barIndex < 0 ? QString() : barText(int(m_rows.size()) - 1 - barIndex), m_view);
}

void PeerBarChart::applyPalette()
{
    const QPalette pal = palette();
    ChartStyle::applyPalette(chart(), {m_peerAxis, m_valueAxis}, pal);
    m_peerAxis->setGridLineVisible(false);

    for (auto [set, role] : {std::pair{m_encrypted, ChartPalette::Role::Encrypted},
                             std::pair{m_plaintext, ChartPalette::Role::Plaintext}}) {
        ChartStyle::paintBars(set, role, pal);
        set->setLabelColor(pal.color(QPalette::Text));
    }
}

void PeerBarChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace mailtls
