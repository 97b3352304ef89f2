#pragma once

#include <QString>
#include <QtGlobal>

namespace mailtls {

class TrafficStore;

// Fills a store with the records of a busy small site, straight through
// TrafficStore::writeBatch (no log, no parser): a Zipf-like share of mail over
// the peers, office hours, TLS 1.3 / 1.2 / 1.0 peers and plaintext ones, DHE
// ciphers, failing peers (dh key too small, certificates), local hops. The same
// options always give the same records.
class SyntheticStore final
{
public:
    struct Options
    {
        qint64 messages = 2000000;
        int peers = 5000;
        int days = 365;
        qint64 start = 0;          // UTC seconds of the first day's midnight
        quint32 seed = 1;
        int batchRecords = 20000;  // records per writeBatch
    };

    struct Written
    {
        qint64 transfers = 0;
        qint64 connections = 0;
        qint64 failures = 0;
    };

    static bool fill(TrafficStore &store, const Options &options, Written *written,
                     QString *error);
};

} // namespace mailtls
