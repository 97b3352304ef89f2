#pragma once

#include <optional>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// A ProbeReport as JSON and back, every field: the store keeps reports this
// way and `mailtls probe --json` prints them. fromJson(toJson(r)) gives r
// back exactly. The key names are stable (a stored report is read again by
// later versions); enums are words, times ISO 8601 UTC with milliseconds
// ("2024-03-18T11:00:00.250Z", null when unset), addresses as text ("" when
// unset), bytes (certificate DER, DH prime) base64.
//
// {
//   "format": 1,
//   "target": {"kind": "domain"|"host", "name", "port"},
//   "started", "finished",
//   "mx": {"domain", "nullMx", "implicitMx", "error",
//          "hosts": [{"name", "preference", "addresses": [text], "error"}], "notes": [text]},
//   "addresses": [{"mxName", "address", "port", "probedAt", "fromCache",
//                  "sessions": [SESSION]}],
//   "mtaSts": null | {"recordFound", "record", "id", "recordError", "policyFetched", "policyUrl",
//                     "policyError", "policyText", "mode", "mxPatterns": [text], "maxAge",
//                     "mxNotCovered": [text]},
//   "tlsRpt": null | {"recordFound", "record", "reportUris": [text], "error"},
//   "sessionsUsed", "cancelled",
//   "findings": [{"code", "severity", "mxName", "address", "title", "evidence", "advice"}],
//   "hostVerdicts": [{"mxName", "address", "verdict"}],
//   "verdict"
// }
// SESSION: {"profile", "outcome", "stoppedAt", "detail", "banner": [text], "ehlo": [text],
//           "startTlsAdvertised", "ehloLooksStripped", "startTlsReply", "tlsAttempted",
//           "tls": TLS, "elapsedMs"}
// TLS: {"established", "protocol", "cipher", "keyExchange", "group", "keyExchangeBits",
//       "dhPrime", "chain": [{"subject", "subjectAltNames": [text], "issuer", "notBefore",
//       "notAfter", "der"}], "certificateVerified", "verifyError", "nameMatches", "error"}
//
// Words: kind domain|host; profile default|dhe-only|tls1.0|tls1.1|tls1.2|tls1.3;
// outcome completed|connect-failed|timed-out|rate-limited|rejected|protocol-error|cancelled;
// stoppedAt resolve|connect|banner|ehlo|starttls|handshake|quit;
// severity info|low|medium|high|critical; verdict good|weak|no-tls|unreachable.
class ProbeJson final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeJson)

public:
    static constexpr int format = 1;

    static QJsonObject toJson(const ProbeReport &report);
    // What the object holds; a missing key leaves that field at its default.
    // `error` (when given) is set to the first problem (not a probe report,
    // a later format, an unknown word), empty when there was none.
    static ProbeReport fromJson(const QJsonObject &object, QString *error = nullptr);

    // The words above, for whoever stores or shows them.
    static QString severityWord(Severity severity);
    static std::optional<Severity> severityFromWord(const QString &word);
    static QString verdictWord(Verdict verdict);
    static std::optional<Verdict> verdictFromWord(const QString &word);
    static QString profileWord(TlsProfile profile);
    static std::optional<TlsProfile> profileFromWord(const QString &word);
    static QString outcomeWord(SessionOutcome outcome);
    static std::optional<SessionOutcome> outcomeFromWord(const QString &word);
    static QString stepWord(ProbeStep step);
    static std::optional<ProbeStep> stepFromWord(const QString &word);
};

} // namespace mailtls
