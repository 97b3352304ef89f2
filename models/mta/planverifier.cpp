#include "models/mta/planverifier.h"

#include <optional>

#include "models/tls/knowndhgroups.h"

namespace mailtls {

namespace {

QByteArray withoutLeadingZeros(QByteArray bytes)
{
    qsizetype zeros = 0;
    while (zeros < bytes.size() && bytes.at(zeros) == 0)
        ++zeros;
    return bytes.mid(zeros);
}

} // namespace

PlanVerifier::Judgement PlanVerifier::judge(const ProbeReport &report, const ChangePlan::Verification &v)
{
    const QString where = QStringLiteral("%1:%2").arg(v.address).arg(v.port);
    if (report.addresses.isEmpty() || report.addresses.constFirst().sessions.isEmpty()) {
        const QString why = !report.mx.error.isEmpty() ? report.mx.error : tr("no session was opened");
        return {false, tr("%1 could not be probed: %2").arg(where, why)};
    }
    const QList<SmtpSessionResult> &sessions = report.addresses.constFirst().sessions;
    const SmtpSessionResult &first = sessions.constFirst();
    if (first.outcome != SessionOutcome::Completed)
        return {false, tr("the probe of %1 did not get through: %2").arg(where, first.detail)};
    if (!first.startTlsAdvertised)
        return {false, tr("%1 does not offer STARTTLS").arg(where)};
    if (v.check == ChangePlan::Check::StartTls) {
        if (!first.tls.established)
            return {false,
                    tr("%1 offers STARTTLS, but the TLS handshake fails: %2")
                        .arg(where, first.tls.error.isEmpty() ? first.detail : first.tls.error)};
        return {true, tr("%1 offers STARTTLS: %2, %3").arg(where, first.tls.protocol, first.tls.cipher)};
    }

    const SmtpSessionResult *dhe = nullptr;
    for (const SmtpSessionResult &s : sessions)
        if (s.profile == TlsProfile::DheOnly)
            dhe = &s;
    if (dhe == nullptr)
        return {false, tr("%1 could not be asked for its Diffie-Hellman group").arg(where)};
    if (dhe->tls.dhPrime.isEmpty()) {
        if (dhe->outcome == SessionOutcome::Completed && dhe->tlsAttempted && !dhe->tls.established)
            return {true, tr("%1 offers no DHE key exchange (ECDHE only): Logjam does not apply").arg(where)};
        return {false,
                tr("%1's Diffie-Hellman group could not be measured: %2")
                    .arg(where, dhe->tls.error.isEmpty() ? dhe->detail : dhe->tls.error)};
    }
    const int bits = dhe->tls.keyExchangeBits;
    const std::optional<KnownDhGroup> known = KnownDhGroups::identify(dhe->tls.dhPrime);
    const QString name = known ? known->name : tr("a group of its own");
    if (!v.expectedPrime.isEmpty()) {
        if (withoutLeadingZeros(dhe->tls.dhPrime) == withoutLeadingZeros(v.expectedPrime))
            return {true, tr("%1 now offers DHE with %2 bits, %3").arg(where).arg(bits).arg(name)};
        return {false,
                tr("%1 still offers DHE with %2 bits, %3, not %4")
                    .arg(where)
                    .arg(bits)
                    .arg(name, v.expectedGroupName.isEmpty() ? tr("the new group") : v.expectedGroupName)};
    }
    if (bits >= v.minimumDhBits)
        return {true, tr("%1 now offers DHE with %2 bits, %3").arg(where).arg(bits).arg(name)};
    return {false,
            tr("%1 still offers DHE with only %2 bits, %3 (at least %4 expected)")
                .arg(where)
                .arg(bits)
                .arg(name)
                .arg(v.minimumDhBits)};
}

} // namespace mailtls
