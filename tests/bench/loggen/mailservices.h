#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/processpool.h"
#include "tests/bench/loggen/queueids.h"
#include "tests/bench/loggen/random.h"

namespace mailtls::bench {

// Where a recipient's mail goes.
enum class Transport { Smtp, Lmtp, Local };

struct Recipient
{
    std::string address;
    std::string origTo;          // alias or forward, logged as orig_to=<…>
    Transport transport = Transport::Lmtp;
    int site = -1;               // Smtp: the remote site
    bool unknownUser = false;    // the remote MX rejects it with 550
};

// A message that reached the queue (its qmgr "queue active" line is written).
struct QueuedMessage
{
    std::string queueId;
    std::string sender;          // empty for bounces: from=<>
    std::string messageId;
    std::int64_t size = 0;
    std::int64_t arrival = 0;    // cleanup got it
    std::int64_t active = 0;     // qmgr line
    bool localSender = false;    // a bounce goes to a local mailbox
    std::vector<Recipient> recipients;
};

// The simulated server: its processes, the world it talks to, the queue ids.
struct MailServices
{
    MailServices(Random &r, MailWorld &w, std::int64_t firstPid)
        : random(r)
        , world(w)
        , queueIds(r)
        , nextPid(firstPid)
        , smtpd(r, nextPid)
        , smtp(r, nextPid)
        , cleanup(r, nextPid)
        , lmtp(r, nextPid)
        , local(r, nextPid)
        , bounce(r, nextPid)
        , dovecotLmtp(r, nextPid, 60000000, 1000)
    {
        masterPid = firstPid - 300;
        restartDaemons();
    }

    // Long-running daemons get new pids after a reload.
    void restartDaemons()
    {
        qmgrPid = nextPid += random.range(2, 9);
        pickupPid = nextPid += random.range(1, 3);
        postscreenPid = nextPid += random.range(1, 3);
        anvilPid = nextPid += random.range(1, 3);
    }

    Random &random;
    MailWorld &world;
    QueueIds queueIds;
    std::int64_t nextPid;
    ProcessPool smtpd;
    ProcessPool smtp;
    ProcessPool cleanup;
    ProcessPool lmtp;
    ProcessPool local;
    ProcessPool bounce;
    ProcessPool dovecotLmtp;
    std::int64_t masterPid = 0;
    std::int64_t qmgrPid = 0;
    std::int64_t pickupPid = 0;
    std::int64_t postscreenPid = 0;
    std::int64_t anvilPid = 0;
    std::int64_t opendkimPid = 812;
};

} // namespace mailtls::bench
