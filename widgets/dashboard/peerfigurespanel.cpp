#include "widgets/dashboard/peerfigurespanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

const QList<Direction> directions = {Direction::Inbound, Direction::Outbound, Direction::Submission};

// "TLSv1.3 (8), TLSv1.2 (1)"; connections whose TLS details were not logged
// are named as such.
QString countList(const QList<TlsCount> &counts)
{
    QStringList parts;
    for (const TlsCount &c : counts) {
        parts << PeerFiguresPanel::tr("%1 (%2)")
                     .arg(c.name.isEmpty() ? PeerFiguresPanel::tr("not logged") : c.name, QLocale().toString(c.connections));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

PeerFiguresPanel::PeerFiguresPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(18);
    for (int f = 0; f < figureCount; ++f) {
        auto *header = new QLabel(figureTitle(Figure(f)), this);
        header->setToolTip(figureExplanation(Figure(f)));
        header->setForegroundRole(QPalette::PlaceholderText);
        const bool number = Figure(f) <= Figure::TlsFailures;
        header->setAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        grid->addWidget(header, 0, f + 1);
    }
    int line = 1;
    for (Direction direction : directions) {
        auto *title = new QLabel(RecordTitles::direction(direction), this);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->hide();
        grid->addWidget(title, line, 0);
        m_directionLabels.insert(int(direction), title);
        QList<QLabel *> labels;
        for (int f = 0; f < figureCount; ++f) {
            auto *label = new QLabel(this);
            label->setObjectName(QStringLiteral("figure-%1-%2").arg(directionName(direction)).arg(f));
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            label->setAccessibleName(
                tr("%1: %2").arg(RecordTitles::direction(direction), figureTitle(Figure(f))));
            const bool number = Figure(f) <= Figure::TlsFailures;
            label->setAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            label->hide();
            grid->addWidget(label, line, f + 1);
            labels << label;
        }
        m_figureLabels.insert(int(direction), labels);
        ++line;
    }
    // The figures keep together at the left; what room is left stays empty.
    grid->setColumnStretch(figureCount + 1, 1);
}

void PeerFiguresPanel::setRows(const QList<PeerRow> &rows)
{
    m_rows = rows;
    for (Direction direction : directions) {
        const PeerRow *row = nullptr;
        for (const PeerRow &r : m_rows) {
            if (r.figures.direction == direction)
                row = &r;
        }
        m_directionLabels.value(int(direction))->setVisible(row != nullptr);
        const QList<QLabel *> labels = m_figureLabels.value(int(direction));
        for (int f = 0; f < figureCount; ++f) {
            QLabel *label = labels.at(f);
            label->setVisible(row != nullptr);
            label->setText(row ? textOf(*row, Figure(f)) : QString());
            label->setToolTip(row ? toolTipOf(*row, Figure(f)) : QString());
            label->setAccessibleDescription(label->toolTip());
        }
    }
}

bool PeerFiguresPanel::showsDirection(Direction direction) const
{
    return !m_directionLabels.value(int(direction))->isHidden();
}

QString PeerFiguresPanel::text(Direction direction, Figure figure) const
{
    return m_figureLabels.value(int(direction)).at(int(figure))->text();
}

QString PeerFiguresPanel::toolTip(Direction direction, Figure figure) const
{
    return m_figureLabels.value(int(direction)).at(int(figure))->toolTip();
}

QString PeerFiguresPanel::figureTitle(Figure figure)
{
    switch (figure) {
    case Figure::Messages: return tr("Messages");
    case Figure::EncryptedShare: return tr("Encrypted");
    case Figure::Bytes: return tr("Bytes");
    case Figure::Connections: return tr("Connections");
    case Figure::TlsFailures: return tr("TLS failures");
    case Figure::TlsVersions: return tr("TLS versions");
    case Figure::Trust: return tr("Trust");
    case Figure::LastSeen: return tr("Last seen");
    }
    return QString();
}

QString PeerFiguresPanel::figureExplanation(Figure figure)
{
    switch (figure) {
    case Figure::Messages: return tr("Messages that crossed the wire with this peer in the range");
    case Figure::EncryptedShare: return tr("Share of those messages that crossed the wire encrypted");
    case Figure::Bytes: return tr("Their size, as the mail server logged it");
    case Figure::Connections: return tr("SMTP connections with this peer, and how many of them used TLS");
    case Figure::TlsFailures: return tr("Attempts to set up TLS that failed");
    case Figure::TlsVersions:
        return tr("TLS protocol versions of its encrypted connections, with how many used each");
    case Figure::Trust:
        return tr("How far its certificates were trusted, from the worst to the best seen");
    case Figure::LastSeen: return tr("Its last connection, TLS failure or message in the range, in local time");
    }
    return QString();
}

QString PeerFiguresPanel::textOf(const PeerRow &row, Figure figure)
{
    const PeerFigures &f = row.figures;
    const QLocale locale;
    switch (figure) {
    case Figure::Messages: return locale.toString(f.messages);
    case Figure::EncryptedShare: return RecordTitles::percent(f.encryptedMessages, f.messages);
    case Figure::Bytes: return locale.formattedDataSize(f.bytes, 1, QLocale::DataSizeIecFormat);
    case Figure::Connections:
        return tr("%1 (%2 encrypted)").arg(locale.toString(f.connections), locale.toString(f.encryptedConnections));
    case Figure::TlsFailures: return locale.toString(f.tlsFailures);
    case Figure::TlsVersions: return row.protocols.isEmpty() ? QStringLiteral("–") : countList(row.protocols);
    case Figure::Trust:
        if (row.worstTrust == Trust::Unknown)
            return QStringLiteral("–");
        if (row.worstTrust == row.bestTrust)
            return RecordTitles::trust(row.worstTrust);
        return tr("%1 to %2").arg(RecordTitles::trust(row.worstTrust), RecordTitles::trust(row.bestTrust));
    case Figure::LastSeen: return row.lastSeen ? RecordTitles::time(*row.lastSeen) : QStringLiteral("–");
    }
    return QString();
}

QString PeerFiguresPanel::toolTipOf(const PeerRow &row, Figure figure)
{
    const PeerFigures &f = row.figures;
    const QLocale locale;
    switch (figure) {
    case Figure::Messages:
    case Figure::EncryptedShare:
        return tr("%1 of %2 messages encrypted, %3 in plaintext")
            .arg(locale.toString(f.encryptedMessages), locale.toString(f.messages),
                 locale.toString(f.plaintextMessages));
    case Figure::Bytes:
        return tr("%1 bytes, %2 of them encrypted (%3)")
            .arg(locale.toString(f.bytes), locale.toString(f.encryptedBytes),
                 RecordTitles::percent(f.encryptedBytes, f.bytes));
    case Figure::Connections: return figureExplanation(figure);
    case Figure::TlsFailures:
        return f.tlsFailures > 0 ? tr("Failed TLS attempts; the mail may still have gone through in plaintext. "
                                      "The list below names their reasons.")
                                 : figureExplanation(figure);
    case Figure::TlsVersions:
        return row.ciphers.isEmpty() ? figureExplanation(figure)
                                     : tr("Cipher suites: %1").arg(countList(row.ciphers));
    case Figure::Trust:
        return row.worstTrust == Trust::Unknown ? figureExplanation(figure)
                                                : RecordTitles::trustExplanation(row.worstTrust);
    case Figure::LastSeen:
        return row.lastSeen ? tr("%1 UTC").arg(DashboardCsv::utc(*row.lastSeen)) : figureExplanation(figure);
    }
    return QString();
}

} // namespace mailtls
