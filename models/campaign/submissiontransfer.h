#pragma once

#include <atomic>
#include <functional>

#include <QString>

#include "models/campaign/submissionclient.h"

namespace mailtls {

// One SubmissionClient::send() as libcurl carries it out: smtp:// with
// STARTTLS required or smtps://, the exact message bytes, AUTH only inside
// TLS, the stages and the server's words read from libcurl's protocol
// trace, and libcurl's result told as a SubmissionClient::Result. run()
// blocks its thread for the whole conversation, so SubmissionClient calls it
// on a worker; `cancelled` and the server's timeout are looked at between
// libcurl's waits.
class SubmissionTransfer final
{
public:
    struct Request
    {
        SubmissionClient::Server server;
        SubmissionClient::Credentials credentials;
        SubmissionClient::Message message;
        QString where; // host:port, as messages name the server
    };

    // libcurl's global set-up, once per process, before any transfer.
    static void initialise();
    static SubmissionClient::Result run(const Request &request,
                                        const std::function<void(SubmissionClient::Stage)> &stageChanged,
                                        const std::atomic_bool &cancelled);
};

} // namespace mailtls
