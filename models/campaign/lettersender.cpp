#include "models/campaign/lettersender.h"

#include <algorithm>

#include <QDateTime>

namespace mailtls {

LetterSender::LetterSender(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
    m_monotonic.start();
    m_wait.setSingleShot(true);
    // A coarse timer may fire early; next() would only wait again.
    m_wait.setTimerType(Qt::PreciseTimer);
    connect(&m_wait, &QTimer::timeout, this, &LetterSender::next);
    connect(&m_client, &SubmissionClient::finished, this, &LetterSender::onFinished);
}

void LetterSender::setRate(int count, int windowMs)
{
    m_rate = std::max(1, count);
    m_windowMs = std::max(1, windowMs);
}

void LetterSender::start(const QList<CampaignLetter> &letters, const QString &envelopeFrom)
{
    if (m_busy)
        return;
    m_busy = true;
    m_stop = false;
    m_letters = letters;
    m_from = envelopeFrom;
    m_index = 0;
    m_sent = 0;
    m_failed = 0;
    // Never from inside start().
    m_wait.start(0);
}

void LetterSender::cancel()
{
    if (!m_busy)
        return;
    m_stop = true;
    if (m_client.isBusy()) {
        // Reported through onFinished() as Cancelled.
        m_client.cancel();
        return;
    }
    m_wait.stop();
    end();
}

void LetterSender::next()
{
    if (m_stop || m_index >= m_letters.size()) {
        end();
        return;
    }
    const qint64 now = m_monotonic.nsecsElapsed();
    const qint64 window = qint64(m_windowMs) * 1000000;
    while (!m_starts.isEmpty() && m_starts.constFirst() + window <= now)
        m_starts.removeFirst();
    if (m_starts.size() >= m_rate) {
        // Rounded up: the window must be over when the timer fires.
        m_wait.start(int((m_starts.constFirst() + window - now + 999999) / 1000000));
        return;
    }
    m_starts.append(now);
    const CampaignLetter &letter = m_letters.at(m_index);
    emit letterStarted(m_index);
    m_client.send(m_server, m_credentials, {m_from, {letter.recipient}, letter.message});
}

void LetterSender::onFinished(const SubmissionClient::Result &result)
{
    const int index = m_index++;
    if (result.ok()) {
        ++m_sent;
        CampaignLetter letter = m_letters.at(index);
        letter.delivery = QStringLiteral("smtp");
        letter.at = m_clock();
        letter.serverReply = result.serverReply;
        QString recordError;
        if (m_recorder && !m_recorder(&letter, &recordError) && recordError.isEmpty())
            recordError = tr("the letter could not be recorded");
        emit letterSent(index, letter, recordError);
    } else {
        ++m_failed;
        emit letterFailed(index, result);
        switch (result.outcome) {
        case SubmissionClient::Outcome::Rejected:
        case SubmissionClient::Outcome::Invalid:
            // This letter's own trouble, unless the server refused us as a
            // whole (its greeting or EHLO).
            if (result.stage == SubmissionClient::Stage::Greeting || result.stage == SubmissionClient::Stage::Ehlo)
                m_stop = true;
            break;
        case SubmissionClient::Outcome::Sent:
            break;
        case SubmissionClient::Outcome::NoStartTls:
        case SubmissionClient::Outcome::ConnectFailed:
        case SubmissionClient::Outcome::TlsFailed:
        case SubmissionClient::Outcome::AuthFailed:
        case SubmissionClient::Outcome::ProtocolError:
        case SubmissionClient::Outcome::TimedOut:
        case SubmissionClient::Outcome::Cancelled:
            m_stop = true;
            break;
        }
    }
    // The next letter from the event loop, after the client has let go of
    // this one's connection.
    m_wait.start(0);
}

void LetterSender::end()
{
    if (!m_busy)
        return;
    m_busy = false;
    const int notTried = int(m_letters.size()) - m_index;
    m_letters.clear();
    emit finished(m_sent, m_failed, notTried);
}

} // namespace mailtls
