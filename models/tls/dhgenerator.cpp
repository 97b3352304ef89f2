#include "models/tls/dhgenerator.h"

#include <atomic>

#include <QElapsedTimer>
#include <QThread>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "models/tls/dhparameters.h"

namespace mailtls {

// What the worker thread and OpenSSL's callback share. Only `cancel` is
// touched by both threads; the rest belongs to the worker.
struct DhGenerator::Run
{
    DhGenerator *owner = nullptr; // outlives the thread: its destructor waits
    quint64 id = 0;
    int bits = 0;
    std::atomic<bool> cancel {false};
    int candidates = 0;
    Phase phase = Phase::Searching;
    QElapsedTimer sinceReport;
};

namespace {

constexpr int reportIntervalMs = 100;

} // namespace

QList<int> DhGenerator::offeredBits()
{
    return {2048, 3072, 4096};
}

DhGenerator::DhGenerator(QObject *parent)
    : QObject(parent)
{ }

DhGenerator::~DhGenerator()
{
    if (m_run)
        m_run->cancel.store(true);
    stopThread();
}

void DhGenerator::stopThread()
{
    if (m_thread)
        m_thread->wait();
    m_thread.reset();
}

bool DhGenerator::start(int bits)
{
    if (m_running || bits < minimumBits || bits > maximumBits)
        return false;
    // The last run has delivered its end, so its thread is past its work.
    stopThread();
    m_run = std::make_shared<Run>();
    m_run->owner = this;
    m_run->id = ++m_runId;
    m_run->bits = bits;
    m_bits = bits;
    m_candidates = 0;
    m_running = true;

    const std::shared_ptr<Run> run = m_run;
    m_thread.reset(QThread::create([run] {
        // OpenSSL calls this once per candidate prime (0), per Miller-Rabin
        // round (1), per safe-prime round passed (2) and when done (3); a zero
        // return makes it give up.
        const auto callback = [](EVP_PKEY_CTX *ctx) -> int {
            Run *r = static_cast<Run *>(EVP_PKEY_CTX_get_app_data(ctx));
            if (r->cancel.load())
                return 0;
            const int what = EVP_PKEY_CTX_get_keygen_info(ctx, 0);
            Phase phase = r->phase;
            bool due = false;
            if (what == 0) {
                phase = Phase::Searching;
                due = ++r->candidates == 1;
            } else if (what == 2) {
                phase = Phase::Confirming;
            }
            due = due || phase != r->phase || r->sinceReport.hasExpired(reportIntervalMs);
            r->phase = phase;
            if (due) {
                r->sinceReport.restart();
                DhGenerator *owner = r->owner;
                const quint64 id = r->id;
                const int candidates = r->candidates;
                QMetaObject::invokeMethod(
                    owner, [owner, id, candidates, phase] { owner->deliverProgress(id, candidates, phase); },
                    Qt::QueuedConnection);
            }
            return 1;
        };

        run->sinceReport.start();
        int bits = run->bits;
        int generator = 2;
        char type[] = "generator"; // a safe prime and a fixed generator, as `openssl dhparam` makes
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_FFC_TYPE, type, 0),
            OSSL_PARAM_construct_int(OSSL_PKEY_PARAM_FFC_PBITS, &bits),
            OSSL_PARAM_construct_int(OSSL_PKEY_PARAM_DH_GENERATOR, &generator),
            OSSL_PARAM_construct_end(),
        };
        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
        EVP_PKEY *key = nullptr;
        bool generated = false;
        QString error;
        if (ctx != nullptr && EVP_PKEY_paramgen_init(ctx) > 0 && EVP_PKEY_CTX_set_params(ctx, params) > 0) {
            EVP_PKEY_CTX_set_app_data(ctx, run.get());
            EVP_PKEY_CTX_set_cb(ctx, callback);
            generated = EVP_PKEY_paramgen(ctx, &key) > 0;
        }
        Outcome outcome = Outcome::Done;
        QByteArray pem;
        if (run->cancel.load()) {
            outcome = Outcome::Cancelled;
        } else if (!generated) {
            outcome = Outcome::Failed;
            char text[256] = {};
            ERR_error_string_n(ERR_peek_last_error(), text, sizeof text);
            error = DhGenerator::tr("OpenSSL could not generate a %1-bit DH group: %2")
                        .arg(run->bits)
                        .arg(QString::fromLatin1(text));
        } else {
            pem = DhParameters::encodePem(key, &error);
            if (pem.isEmpty())
                outcome = Outcome::Failed;
        }
        ERR_clear_error();
        EVP_PKEY_free(key);
        EVP_PKEY_CTX_free(ctx);
        DhGenerator *owner = run->owner;
        const quint64 id = run->id;
        QMetaObject::invokeMethod(
            owner, [owner, id, outcome, pem, error] { owner->deliverEnd(id, outcome, pem, error); },
            Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("DhGenerator"));
    m_thread->start(QThread::LowPriority);
    return true;
}

void DhGenerator::cancel()
{
    if (m_running && m_run)
        m_run->cancel.store(true);
}

void DhGenerator::deliverProgress(quint64 run, int candidates, Phase phase)
{
    if (run != m_runId || !m_running || m_run->cancel.load())
        return;
    m_candidates = candidates;
    emit progress(candidates, phase);
}

void DhGenerator::deliverEnd(quint64 run, Outcome outcome, const QByteArray &pem, const QString &error)
{
    if (run != m_runId || !m_running)
        return;
    m_running = false;
    // A cancel that came after OpenSSL had finished still wins: the caller
    // has been told nothing will be written.
    if (m_run->cancel.load() || outcome == Outcome::Cancelled) {
        emit cancelled();
        return;
    }
    if (outcome == Outcome::Failed) {
        emit failed(error);
        return;
    }
    emit finished(pem);
}

} // namespace mailtls
