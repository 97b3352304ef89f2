#include "models/store/recordcodes.h"

#include <initializer_list>

namespace mailtls {

QString RecordCodes::trustName(Trust trust)
{
    switch (trust) {
    case Trust::Unknown: return QStringLiteral("unknown");
    case Trust::Anonymous: return QStringLiteral("anonymous");
    case Trust::Untrusted: return QStringLiteral("untrusted");
    case Trust::Trusted: return QStringLiteral("trusted");
    case Trust::Verified: return QStringLiteral("verified");
    }
    return QStringLiteral("unknown");
}

std::optional<Trust> RecordCodes::trustFromName(QStringView name)
{
    for (Trust trust : {Trust::Unknown, Trust::Anonymous, Trust::Untrusted, Trust::Trusted,
                        Trust::Verified}) {
        if (name == trustName(trust))
            return trust;
    }
    return std::nullopt;
}

QString RecordCodes::problemName(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::None: return QStringLiteral("none");
    case TlsProblem::NotOffered: return QStringLiteral("not-offered");
    case TlsProblem::CannotStart: return QStringLiteral("cannot-start");
    case TlsProblem::Handshake: return QStringLiteral("handshake");
    case TlsProblem::DhKeyTooSmall: return QStringLiteral("dh-key-too-small");
    case TlsProblem::Certificate: return QStringLiteral("certificate");
    case TlsProblem::LostAfterStarttls: return QStringLiteral("lost-after-starttls");
    case TlsProblem::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

std::optional<TlsProblem> RecordCodes::problemFromName(QStringView name)
{
    for (TlsProblem problem :
         {TlsProblem::None, TlsProblem::NotOffered, TlsProblem::CannotStart, TlsProblem::Handshake,
          TlsProblem::DhKeyTooSmall, TlsProblem::Certificate, TlsProblem::LostAfterStarttls,
          TlsProblem::Other}) {
        if (name == problemName(problem))
            return problem;
    }
    return std::nullopt;
}

} // namespace mailtls
