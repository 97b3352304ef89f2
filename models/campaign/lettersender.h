#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "models/campaign/campaign.h"
#include "models/campaign/submissionclient.h"

namespace mailtls {

// Sends a batch of letters through the user's submission server, one after
// the other, at most `ratePerMinute` in any minute, and records each one the
// server took (delivery "smtp", the time, the server's reply) through the
// recorder (CampaignStore::addLetter in the program). Nothing is sent before
// start(), and nothing but the letters given to it.
//
// A letter the server refuses (its sender, recipient or text) is reported
// and the batch goes on; anything that would fail the same way for the next
// letter (no STARTTLS, TLS, the login, the connection, a timeout) ends the
// batch there, and so does cancel().
class LetterSender final : public QObject
{
    Q_OBJECT

public:
    // Records a letter the server took; sets letter->id. False and `error`
    // when it could not be recorded.
    using Recorder = std::function<bool(CampaignLetter *letter, QString *error)>;
    using Clock = std::function<qint64()>; // UTC seconds

    explicit LetterSender(QObject *parent = nullptr);

    void setServer(const SubmissionClient::Server &server) { m_server = server; }
    void setCredentials(const SubmissionClient::Credentials &credentials) { m_credentials = credentials; }
    // At most `count` letters begin within any `windowMs` (a minute unless a
    // test says otherwise); at least 1.
    void setRate(int count, int windowMs = 60000);
    void setRecorder(Recorder recorder) { m_recorder = std::move(recorder); }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Each letter's message, recipient and campaign are set; `envelopeFrom`
    // is the sender the server is told. Ignored while busy.
    void start(const QList<CampaignLetter> &letters, const QString &envelopeFrom);
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    void letterStarted(int index);
    // The server took letter `index`; `recordError` says why it could not be
    // recorded, empty when it was.
    void letterSent(int index, const mailtls::CampaignLetter &letter, const QString &recordError);
    void letterFailed(int index, const mailtls::SubmissionClient::Result &result);
    // Once per start(): how many were sent, failed, and not tried.
    void finished(int sent, int failed, int notTried);

private:
    void next();
    void onFinished(const SubmissionClient::Result &result);
    void end();

    SubmissionClient m_client;
    SubmissionClient::Server m_server;
    SubmissionClient::Credentials m_credentials;
    Recorder m_recorder;
    Clock m_clock;
    QTimer m_wait;
    int m_rate = 10;
    int m_windowMs = 60000;
    // When each of the last `m_rate` letters began (ms since the epoch).
    // When the letters of the current window started, in nanoseconds of
    // m_monotonic: a monotonic clock, so that a clock change cannot let more
    // letters through, and fine enough that a window is never cut short by
    // rounding.
    QElapsedTimer m_monotonic;
    QList<qint64> m_starts;
    QList<CampaignLetter> m_letters;
    QString m_from;
    int m_index = 0;
    int m_sent = 0;
    int m_failed = 0;
    bool m_busy = false;
    bool m_stop = false;
};

} // namespace mailtls
