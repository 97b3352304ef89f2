#include "widgets/dashboard/sharewidget.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "widgets/dashboard/sharebar.h"

namespace mailtls {

namespace {

QString bytes(qint64 value)
{
    return QLocale().formattedDataSize(value, 1, QLocale::DataSizeIecFormat);
}

} // namespace

ShareWidget::ShareWidget(Direction direction, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(RecordTitles::direction(direction), this))
    , m_messagePercent(new QLabel(this))
    , m_messageCount(new QLabel(this))
    , m_bytePercent(new QLabel(this))
    , m_byteCount(new QLabel(this))
    , m_connections(new QLabel(this))
    , m_messageBar(new ShareBar(this))
    , m_byteBar(new ShareBar(this))
{
    m_share.direction = direction;
    m_messagePercent->setObjectName(QStringLiteral("messagePercent"));
    m_messageCount->setObjectName(QStringLiteral("messageCount"));
    m_bytePercent->setObjectName(QStringLiteral("bytePercent"));
    m_byteCount->setObjectName(QStringLiteral("byteCount"));
    m_connections->setObjectName(QStringLiteral("connections"));
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_byteBar->setObjectName(QStringLiteral("byteBar"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont big = m_messagePercent->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_messagePercent->setFont(big);
    m_bytePercent->setFont(big);
    for (QLabel *label : {m_messageCount, m_byteCount, m_connections})
        label->setWordWrap(true);

    auto *messageCaption = new QLabel(tr("of messages encrypted"), this);
    auto *byteCaption = new QLabel(tr("of bytes encrypted"), this);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title, 0, 0, 1, 2);
    layout->addWidget(m_messagePercent, 1, 0);
    layout->addWidget(m_bytePercent, 1, 1);
    layout->addWidget(messageCaption, 2, 0);
    layout->addWidget(byteCaption, 2, 1);
    layout->addWidget(m_messageBar, 3, 0);
    layout->addWidget(m_byteBar, 3, 1);
    layout->addWidget(m_messageCount, 4, 0);
    layout->addWidget(m_byteCount, 4, 1);
    layout->addWidget(m_connections, 5, 0, 1, 2);
    layout->setRowStretch(6, 1);

    setToolTip(explanation(direction));
    setAccessibleName(tr("%1: encrypted share").arg(RecordTitles::direction(direction)));
    setShare(m_share);
}

QString ShareWidget::explanation(Direction direction)
{
    QString what;
    switch (direction) {
    case Direction::Inbound:
        what = tr("Inbound: mail other servers delivered to yours. A message counts once it reaches the "
                  "queue, and is encrypted when its SMTP session was encrypted (a TLS line, a successful "
                  "STARTTLS in the disconnect statistics, or a TLS-only service such as smtps).");
        break;
    case Direction::Outbound:
        what = tr("Outbound: mail your server delivered to other servers. A message counts once per peer "
                  "it was sent to, and is encrypted only when every delivery of it to that peer went over "
                  "an encrypted connection.");
        break;
    case Direction::Submission:
        what = tr("Submission: mail your own users handed to your server (authenticated, or on the "
                  "submission or smtps service). It is counted apart from server-to-server mail.");
        break;
    }
    return what + QLatin1Char('\n')
        + tr("Bytes are the message sizes the server logged. Local hops (loopback, local delivery, content "
             "filters) are left out. Connections count SMTP sessions; a failed TLS attempt is a plaintext "
             "connection and a TLS failure.");
}

void ShareWidget::setShare(const DirectionShare &share)
{
    m_share = share;
    const QLocale locale;
    const QString messagePercent = RecordTitles::percent(share.encryptedMessages, share.messages);
    const QString bytePercent = RecordTitles::percent(share.encryptedBytes, share.bytes);
    m_messagePercent->setText(messagePercent);
    m_bytePercent->setText(bytePercent);
    m_messageCount->setText(tr("%1 of %2 messages")
                                .arg(locale.toString(share.encryptedMessages), locale.toString(share.messages)));
    m_byteCount->setText(tr("%1 of %2").arg(bytes(share.encryptedBytes), bytes(share.bytes)));
    m_connections->setText(tr("Connections: %1 of %2 encrypted; TLS failures: %3")
                               .arg(locale.toString(share.encryptedConnections),
                                    locale.toString(share.connections), locale.toString(share.tlsFailures)));
    m_messageBar->setParts(share.encryptedMessages, share.messages);
    m_byteBar->setParts(share.encryptedBytes, share.bytes);
    m_messageBar->setAccessibleName(tr("Encrypted messages: %1").arg(messagePercent));
    m_byteBar->setAccessibleName(tr("Encrypted bytes: %1").arg(bytePercent));
    setAccessibleDescription(share.messages == 0 && share.bytes == 0
        ? tr("No messages")
        : tr("%1 of messages encrypted (%2 of %3); %4 of bytes encrypted (%5 of %6)")
              .arg(messagePercent, locale.toString(share.encryptedMessages), locale.toString(share.messages),
                   bytePercent, bytes(share.encryptedBytes), bytes(share.bytes)));
}

} // namespace mailtls
