#pragma once

// A private CA and server certificates for the MTA-STS policy host tests,
// made at run time with the openssl command (the PEM files also serve
// `openssl s_server`). EC P-256 keys: made in milliseconds.

#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

class PolicyTestPki
{
public:
    explicit PolicyTestPki(const QString &dir)
        : m_dir(dir)
    { }

    static bool available() { return !QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(); }

    QString certPath(const QString &base) const { return m_dir + QLatin1Char('/') + base + QStringLiteral(".crt"); }
    QString keyPath(const QString &base) const { return m_dir + QLatin1Char('/') + base + QStringLiteral(".key"); }

    // The CA, `ca.crt` and `ca.key`.
    bool makeCa(QString *error)
    {
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=MailTLS policy test CA"), QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-keyout"),
                    keyPath(QStringLiteral("ca")), QStringLiteral("-out"), certPath(QStringLiteral("ca"))},
                   error);
    }

    // A server certificate `base.crt` / `base.key` for dnsNames, signed by
    // the CA (or self-signed when selfSigned).
    bool makeServer(const QString &base, const QStringList &dnsNames, QString *error, bool selfSigned = false)
    {
        QStringList sans;
        for (const QString &name : dnsNames)
            sans.append(QStringLiteral("DNS:") + name);
        const QString extFile = m_dir + QLatin1Char('/') + base + QStringLiteral(".ext");
        QFile ext(extFile);
        if (!ext.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write ") + extFile;
            return false;
        }
        ext.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=" + sans.join(u',').toUtf8()
                  + "\n");
        ext.close();
        const QString csr = m_dir + QLatin1Char('/') + base + QStringLiteral(".csr");
        if (!run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                  QStringLiteral("-subj"), QStringLiteral("/CN=") + dnsNames.value(0), QStringLiteral("-keyout"),
                  keyPath(base), QStringLiteral("-out"), csr},
                 error))
            return false;
        QStringList sign = {QStringLiteral("x509"),  QStringLiteral("-req"), QStringLiteral("-in"),      csr,
                            QStringLiteral("-days"), QStringLiteral("2"),    QStringLiteral("-extfile"), extFile,
                            QStringLiteral("-out"),  certPath(base)};
        if (selfSigned)
            sign += {QStringLiteral("-key"), keyPath(base)};
        else
            sign += {QStringLiteral("-CA"), certPath(QStringLiteral("ca")), QStringLiteral("-CAkey"),
                     keyPath(QStringLiteral("ca")), QStringLiteral("-CAcreateserial")};
        return run(sign, error);
    }

    QSslCertificate caCertificate() const { return certificate(QStringLiteral("ca")); }

    QSslCertificate certificate(const QString &base) const
    {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(certPath(base));
        return certs.value(0);
    }

    QSslKey key(const QString &base) const
    {
        QFile file(keyPath(base));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QSslKey(file.readAll(), QSsl::Ec);
    }

private:
    bool run(const QStringList &arguments, QString *error)
    {
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"), arguments);
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit
            || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl ") + arguments.join(u' ') + QStringLiteral(" failed: ")
                + QString::fromLocal8Bit(openssl.readAll());
            return false;
        }
        return true;
    }

    QString m_dir;
};
