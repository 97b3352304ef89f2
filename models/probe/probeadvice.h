#pragma once

#include <QCoreApplication>
#include <QString>

namespace mailtls {

// The advice of ProbeAnalyzer's findings, written for the admin of the server
// probed (the user forwards it): what is wrong in one sentence, then what to
// change, naming the settings of the common MTAs.
class ProbeAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeAdvice)

public:
    static QString dnsFailure(const QString &name, bool domain);
    static QString implicitMx(const QString &domain);
    static QString mxUnresolved(const QString &host);

    static QString unreachable(quint16 port);
    static QString rateLimited();
    static QString rejected();
    static QString protocolError(quint16 port);

    static QString noStartTls();
    // `line`: the EHLO line with STARTTLS masked ("250-XXXXXXXA").
    static QString startTlsStripped(const QString &line);
    static QString startTlsRefused(const QString &reply);
    static QString handshakeFailed(const QString &error, bool otherClientsSucceed);
    static QString handshakeDhTooSmall();

    static QString weakDh(int bits, bool widelyShared);
    static QString oldProtocols(const QString &versions);
    static QString noTls12(const QString &accepted);
    static QString noTls13();

    static QString certificateExpired(const QString &date, bool enforced);
    static QString certificateNotYetValid(const QString &date, bool enforced);
    static QString certificateSelfSigned(bool enforced);
    static QString certificateUntrusted(bool enforced);
    static QString certificateNameMismatch(const QString &name, bool enforced);

    static QString mtaStsAbsent(const QString &domain);
    static QString mtaStsRecordError(const QString &domain);
    static QString mtaStsPolicyError(const QString &domain);
    static QString mtaStsTesting();
    static QString mtaStsNone();
    static QString mtaStsMxNotCovered(const QString &mx, const QString &domain, bool enforced);
    static QString tlsRptAbsent(const QString &domain);
    static QString tlsRptError(const QString &domain);

private:
    static QString enableStartTls();
    static QString fixDhGroup();
    static QString certificateStakes(bool enforced);
};

} // namespace mailtls
