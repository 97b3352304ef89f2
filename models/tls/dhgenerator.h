#pragma once

#include <memory>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QThread;

namespace mailtls {

// Generates a fresh DH group (a safe prime, generator 2) with OpenSSL on a
// thread of its own: seconds for 2048 bits, often many minutes for 4096. Its
// signals arrive on the thread the generator lives in. Nothing is written: the
// PEM comes with finished(), and DhParameters::writePem() stores it.
class DhGenerator final : public QObject
{
    Q_OBJECT

public:
    enum class Phase {
        Searching, // drawing candidate primes and discarding them
        Confirming, // a candidate passed its first test; the remaining rounds run
    };
    Q_ENUM(Phase)

    // OpenSSL generates nothing smaller; the smaller sizes are for tests.
    static constexpr int minimumBits = 512;
    static constexpr int maximumBits = 8192;
    // The sizes offered to users: 2048, 3072, 4096.
    static QList<int> offeredBits();

    explicit DhGenerator(QObject *parent = nullptr);
    // Cancels a generation in progress and waits for its thread (OpenSSL
    // stops at its next candidate or test round, within milliseconds).
    ~DhGenerator() override;

    // False, and nothing started, while a generation runs or when `bits` is
    // outside minimumBits..maximumBits.
    bool start(int bits);
    // Ends the generation at OpenSSL's next callback; cancelled() follows,
    // and neither finished() nor failed() does.
    void cancel();
    bool isRunning() const { return m_running; }
    int bits() const { return m_bits; }
    int candidatesTried() const { return m_candidates; }

signals:
    // At the first candidate, at each change of phase, and at most every
    // 100 ms in between.
    void progress(int candidatesTried, mailtls::DhGenerator::Phase phase);
    void finished(const QByteArray &pem);
    void failed(const QString &error);
    void cancelled();

private:
    struct Run;
    enum class Outcome { Done, Failed, Cancelled };

    void deliverProgress(quint64 run, int candidates, Phase phase);
    void deliverEnd(quint64 run, Outcome outcome, const QByteArray &pem, const QString &error);
    void stopThread();

    std::shared_ptr<Run> m_run;
    std::unique_ptr<QThread> m_thread;
    quint64 m_runId = 0;
    bool m_running = false;
    int m_bits = 0;
    int m_candidates = 0;
};

} // namespace mailtls
