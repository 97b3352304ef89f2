#include "models/probe/probeadvice.h"

namespace mailtls {

QString ProbeAdvice::dnsFailure(const QString &name, bool domain)
{
    return domain ? tr("Senders cannot find where to deliver mail for %1. Check that the domain is registered and "
                       "that its name servers answer for its MX records (and the A/AAAA records of the hosts they "
                       "name). If the domain resolves elsewhere, the DNS server used for this probe may be at "
                       "fault.")
                        .arg(name)
                  : tr("%1 has no address in DNS. Check the name, and that its name servers answer for its A/AAAA "
                       "records.")
                        .arg(name);
}

QString ProbeAdvice::implicitMx(const QString &domain)
{
    return tr("This works (RFC 5321), but an MX record says clearly which host takes the mail and lets you add a "
              "backup: publish \"%1. MX 10 your-mail-server.%1.\".")
        .arg(domain);
}

QString ProbeAdvice::mxUnresolved(const QString &host)
{
    return tr("Senders skip a mail server without an address. Publish A/AAAA records for %1, or remove its MX "
              "record.")
        .arg(host);
}

QString ProbeAdvice::unreachable(quint16 port)
{
    return tr("If this lasts, senders cannot reach this address either. Check that port %1 is open to the "
              "Internet and that the mail server is running. Some networks block outgoing connections to port 25: "
              "if no server at all can be reached, the block may be on the side of the probe.")
        .arg(port);
}

QString ProbeAdvice::rateLimited()
{
    return tr("The server asked to try later (a 4xx reply), so the probe stopped there instead of trying again. "
              "Probe again later: many servers limit how often one client may connect.");
}

QString ProbeAdvice::rejected()
{
    return tr("The server refused the connection for good (a 5xx reply). If it refuses mail from your own "
              "server too, ask its admin to accept your address.");
}

QString ProbeAdvice::protocolError(quint16 port)
{
    return tr("The reply was not valid SMTP (garbage, or a line without end or too long). Check that port %1 "
              "reaches the mail server and not another service, and that no broken firewall sits in between.")
        .arg(port);
}

QString ProbeAdvice::enableStartTls()
{
    return tr("Postfix: set smtpd_tls_security_level = may and smtpd_tls_chain_files to your key and certificate "
              "files (before Postfix 3.4: smtpd_tls_cert_file and smtpd_tls_key_file), then run postfix reload. "
              "Exim: set tls_advertise_hosts = * with tls_certificate and tls_privatekey. Sendmail: define "
              "confSERVER_CERT and confSERVER_KEY (and confCACERT, confCACERT_PATH) in sendmail.mc, rebuild "
              "sendmail.cf and restart. Microsoft Exchange: enable a certificate for the SMTP service "
              "(Enable-ExchangeCertificate -Services SMTP). Any certificate, even a self-signed one, is enough "
              "for senders to encrypt; one from a public CA for the MX name is better.");
}

QString ProbeAdvice::noStartTls()
{
    return tr("Your server does not offer STARTTLS: mail to you travels in plaintext, readable by anyone on the "
              "way. Turn STARTTLS on. ")
           + enableStartTls();
}

QString ProbeAdvice::startTlsStripped(const QString &line)
{
    return tr("Your server's EHLO reply reaches senders with STARTTLS masked (\"%1\"): a firewall in front of "
              "your server inspects SMTP and removes STARTTLS, so mail to you travels in plaintext. On a Cisco "
              "ASA or PIX, turn ESMTP inspection off (\"no inspect esmtp\" in the global policy; on old versions "
              "\"no fixup smtp 25\"); on other firewalls turn off their SMTP inspection or \"mail guard\". Then "
              "check that the mail server itself offers STARTTLS.")
        .arg(line);
}

QString ProbeAdvice::startTlsRefused(const QString &reply)
{
    return tr("Your server offers STARTTLS but answers it with \"%1\", so senders fall back to plaintext. Most "
              "often the server cannot read its certificate or key: look for TLS errors in the mail log, and "
              "check the files named in smtpd_tls_chain_files (or smtpd_tls_cert_file and smtpd_tls_key_file) "
              "for Postfix, tls_certificate and tls_privatekey for Exim.")
        .arg(reply);
}

QString ProbeAdvice::handshakeFailed(const QString &error, bool otherClientsSucceed)
{
    const QString start = otherClientsSucceed
        ? tr("Your server offers STARTTLS, but a current TLS client cannot complete the handshake (%1); only "
             "clients with weaker settings can. Senders with current settings fall back to plaintext or do not "
             "deliver.")
              .arg(error)
        : tr("Your server offers STARTTLS, but the TLS handshake fails (%1), so senders fall back to plaintext "
             "or do not deliver.")
              .arg(error);
    return start + QLatin1Char(' ')
           + tr("Look for TLS errors in the mail log and check the TLS settings: the certificate and key, the "
                "protocol versions and ciphers allowed (Postfix: smtpd_tls_protocols, smtpd_tls_ciphers; Exim: "
                "tls_require_ciphers, openssl_options).");
}

QString ProbeAdvice::handshakeDhTooSmall()
{
    return tr("Your server offers STARTTLS, but a current TLS client refuses its Diffie-Hellman group as too "
              "small (under 2048 bits) and the handshake fails. See the Diffie-Hellman finding for the fix.");
}

QString ProbeAdvice::fixDhGroup()
{
    return tr("Postfix 3.7 or later built with OpenSSL 3: leave smtpd_tls_dh1024_param_file empty (or set it to "
              "auto) and OpenSSL picks a suitable group. Older Postfix: point smtpd_tls_dh1024_param_file at an "
              "RFC 7919 group of at least 2048 bits (ffdhe2048, or better ffdhe3072). Exim: tls_dhparam = "
              "ffdhe3072. Or stop offering DHE altogether: ECDHE key exchange is not affected.");
}

QString ProbeAdvice::weakDh(int bits, bool widelyShared)
{
    QString start;
    if (bits <= 1024 && widelyShared)
        start = tr("Your server offers STARTTLS, but its Diffie-Hellman group is %1 bits, shared by many servers "
                   "(Logjam): one precomputation lets an attacker read the mail of every server that uses it.")
                    .arg(bits);
    else if (bits < 1024)
        start = tr("Your server offers STARTTLS, but its Diffie-Hellman group is only %1 bits: it can be broken "
                   "with modest means (Logjam).")
                    .arg(bits);
    else if (bits == 1024)
        start = tr("Your server offers STARTTLS, but its Diffie-Hellman group is only %1 bits: within reach of "
                   "well-funded attackers (Logjam), and current TLS clients refuse it.")
                    .arg(bits);
    else
        start = tr("Your server offers STARTTLS, but its Diffie-Hellman group is %1 bits, below the 2048 bits "
                   "recommended today; current TLS clients refuse it.")
                    .arg(bits);
    return start + QLatin1Char(' ') + fixDhGroup();
}

QString ProbeAdvice::oldProtocols(const QString &versions)
{
    return tr("Your server still accepts %1: old versions with known weaknesses that current senders no longer "
              "need. Unless you still receive mail from very old systems, switch them off. Postfix 3.6 or later: "
              "smtpd_tls_protocols = >=TLSv1.2 (older Postfix: !SSLv2, !SSLv3, !TLSv1, !TLSv1.1). Exim with "
              "OpenSSL: openssl_options = +no_tlsv1 +no_tlsv1_1. Sendmail: O ServerSSLOptions=+SSL_OP_NO_TLSv1 "
              "+SSL_OP_NO_TLSv1_1.")
        .arg(versions);
}

QString ProbeAdvice::noTls12(const QString &accepted)
{
    return tr("Your server speaks only %1: current senders refuse these versions and fall back to plaintext. "
              "Update the TLS library or the system (TLS 1.2 needs OpenSSL 1.0.1 or later, TLS 1.3 needs 1.1.1), "
              "and make sure TLS 1.2 is not switched off (Postfix: smtpd_tls_protocols).")
        .arg(accepted);
}

QString ProbeAdvice::noTls13()
{
    return tr("TLS 1.3 is faster and hides more of the handshake. It comes with OpenSSL 1.1.1 or later: updating "
              "the system usually brings it, unless the mail server's settings switch it off.");
}

QString ProbeAdvice::certificateStakes(bool enforced)
{
    return enforced ? tr("Your MTA-STS policy is in enforce mode, so senders that honour it do not deliver mail to "
                         "you at all while this lasts.")
                    : tr("Senders using opportunistic TLS still encrypt, but those that check certificates (with "
                         "MTA-STS, DANE or a policy of their own) do not deliver.");
}

QString ProbeAdvice::certificateExpired(const QString &date, bool enforced)
{
    return tr("Your server's certificate expired on %1.").arg(date) + QLatin1Char(' ') + certificateStakes(enforced)
           + QLatin1Char(' ')
           + tr("Renew it (for example with certbot) and reload the mail server; make sure renewal runs "
                "automatically and reloads it.");
}

QString ProbeAdvice::certificateNotYetValid(const QString &date, bool enforced)
{
    return tr("Your server's certificate is not valid before %1.").arg(date) + QLatin1Char(' ')
           + certificateStakes(enforced) + QLatin1Char(' ')
           + tr("Check the server's clock, or serve the certificate that is valid now.");
}

QString ProbeAdvice::certificateSelfSigned(bool enforced)
{
    return tr("Your server's certificate is self-signed.") + QLatin1Char(' ') + certificateStakes(enforced)
           + QLatin1Char(' ')
           + tr("Use a certificate from a public CA for the MX name (Let's Encrypt works for mail servers).");
}

QString ProbeAdvice::certificateUntrusted(bool enforced)
{
    return tr("Your server's certificate does not lead to a CA that senders trust, or the intermediate "
              "certificates are missing.")
           + QLatin1Char(' ') + certificateStakes(enforced) + QLatin1Char(' ')
           + tr("Serve the full chain, the certificate and its intermediates (Postfix: smtpd_tls_chain_files, or a "
                "smtpd_tls_cert_file holding the full chain; Exim: tls_certificate with the full chain), from a "
                "public CA.");
}

QString ProbeAdvice::certificateNameMismatch(const QString &name, bool enforced)
{
    return tr("Your server's certificate does not name %1, the name senders connect to.").arg(name)
           + QLatin1Char(' ') + certificateStakes(enforced) + QLatin1Char(' ')
           + tr("Add %1 to the certificate's names (subjectAltName) or serve a certificate issued for it.").arg(name);
}

QString ProbeAdvice::mtaStsAbsent(const QString &domain)
{
    return tr("Without MTA-STS, an attacker on the path can remove STARTTLS and senders fall back to plaintext "
              "without noticing. Publish a policy (RFC 8461): a TXT record \"v=STSv1; id=1\" at _mta-sts.%1 and "
              "the policy at https://mta-sts.%1/.well-known/mta-sts.txt, first in mode testing.")
        .arg(domain);
}

QString ProbeAdvice::mtaStsRecordError(const QString &domain)
{
    return tr("Senders ignore an MTA-STS record they cannot read. Publish exactly one TXT record at _mta-sts.%1 of "
              "the form \"v=STSv1; id=20240101T000000\".")
        .arg(domain);
}

QString ProbeAdvice::mtaStsPolicyError(const QString &domain)
{
    return tr("Senders that find the record but cannot fetch the policy treat the domain as having none. Serve "
              "the policy over HTTPS, with a valid certificate for mta-sts.%1, as text/plain at "
              "https://mta-sts.%1/.well-known/mta-sts.txt.")
        .arg(domain);
}

QString ProbeAdvice::mtaStsTesting()
{
    return tr("In testing mode senders report failures (to the TLS-RPT address) but still deliver without TLS. "
              "When the reports are clean, switch the policy to mode: enforce and change the id in the TXT "
              "record.");
}

QString ProbeAdvice::mtaStsNone()
{
    return tr("Mode none tells senders to drop an earlier policy. If that was not the aim, publish mode: testing "
              "or enforce and change the id in the TXT record.");
}

QString ProbeAdvice::mtaStsMxNotCovered(const QString &mx, const QString &domain, bool enforced)
{
    const QString stakes = enforced
        ? tr("Your MTA-STS policy is in enforce mode, so senders that honour it do not deliver to %1.").arg(mx)
        : tr("Once the policy is enforced, senders that honour it will not deliver to %1.").arg(mx);
    return stakes + QLatin1Char(' ')
           + tr("Add an mx: line that matches it to https://mta-sts.%1/.well-known/mta-sts.txt, and change the id "
                "in the TXT record at _mta-sts.%1 so senders fetch the policy again.")
                 .arg(domain);
}

QString ProbeAdvice::tlsRptAbsent(const QString &domain)
{
    return tr("Publish a TLS-RPT record (RFC 8460) to receive daily reports of senders' TLS failures, for example "
              "a TXT record \"v=TLSRPTv1; rua=mailto:tls-reports@%1\" at _smtp._tls.%1.")
        .arg(domain);
}

QString ProbeAdvice::tlsRptError(const QString &domain)
{
    return tr("Senders ignore a TLS-RPT record they cannot read. Publish exactly one TXT record at _smtp._tls.%1 "
              "of the form \"v=TLSRPTv1; rua=mailto:tls-reports@%1\".")
        .arg(domain);
}

} // namespace mailtls
