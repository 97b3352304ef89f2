#include "models/mta/postfixfixes.h"

#include <QDir>
#include <QFileInfo>

#include "models/mta/configfile.h"
#include "models/mta/dhfilepaths.h"
#include "models/mta/postfixinspection.h"
#include "models/mta/postfixmaincf.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

const QByteArray dhParameter = QByteArrayLiteral("smtpd_tls_dh1024_param_file");

// main.cf's edits so far, collected into one FileEdit.
class MainCfEditor
{
public:
    explicit MainCfEditor(const PostfixInspectionResult &inspection)
        : m_inspection(inspection)
    {
        m_ok = m_document.setText(inspection.mainCf, inspection.mainCfPath);
    }

    bool isOk() const { return m_ok; }
    QString errorString() const { return m_document.errorString(); }

    bool set(const QByteArray &name, const QString &value, QString *error)
    {
        const QByteArray bytes = QFile::encodeName(value);
        const PostfixMainCf::Edit edit = m_document.set(name, bytes);
        if (edit == PostfixMainCf::Edit::Invalid) {
            *error = m_document.errorString();
            return false;
        }
        if (edit == PostfixMainCf::Edit::Changed) {
            m_summary.append(QStringLiteral("%1 = %2").arg(QString::fromLatin1(name), value));
            m_parameters.append(name);
        }
        return true;
    }

    bool remove(const QByteArray &name, QString *error)
    {
        const PostfixMainCf::Edit edit = m_document.remove(name);
        if (edit == PostfixMainCf::Edit::Invalid) {
            *error = m_document.errorString();
            return false;
        }
        if (edit == PostfixMainCf::Edit::Changed) {
            m_summary.append(PostfixFixes::tr("%1 removed (Postfix's default applies)").arg(QString::fromLatin1(name)));
            m_parameters.append(name);
        }
        return true;
    }

    // Appends main.cf's edit to `plan` when there is one, with a note for each
    // master.cf service that overrides a changed parameter.
    void addTo(ChangePlan &plan) const
    {
        if (!m_document.isModified())
            return;
        FileEdit edit;
        edit.path = m_inspection.mainCfPath;
        edit.before = m_inspection.mainCf;
        edit.after = m_document.text();
        edit.summary = m_summary;
        edit.parameters = m_parameters;
        plan.edits.append(edit);
        for (const QByteArray &name : m_parameters) {
            for (const PostfixInspectionResult::ServiceOverride &o :
                 m_inspection.overridesOf(QString::fromLatin1(name))) {
                plan.notes.append(PostfixFixes::tr("master.cf sets %1 = %2 for the service %3: this change does not "
                                                   "reach that service")
                                      .arg(o.parameter, o.value, o.service));
            }
        }
    }

private:
    const PostfixInspectionResult &m_inspection;
    PostfixMainCf m_document;
    QStringList m_summary;
    QList<QByteArray> m_parameters;
    bool m_ok = false;
};

bool usable(const PostfixInspectionResult &inspection, QString *error)
{
    if (!inspection.ok) {
        *error = inspection.error.isEmpty() ? PostfixFixes::tr("Postfix has not been inspected") : inspection.error;
        return false;
    }
    return true;
}

} // namespace

ChangePlan PostfixFixes::basePlan(const PostfixInspectionResult &r, const QString &title)
{
    ChangePlan plan;
    plan.title = title;
    plan.mta = QStringLiteral("Postfix");
    plan.configDir = r.configDirectory;
    const QString dir = r.configDirectory;
    const QString c = QStringLiteral("-c");
    plan.validateCommands
        = {{r.postfixProgram, c, dir, QStringLiteral("check")}, {r.postconfProgram, c, dir, QStringLiteral("-n")}};
    plan.statusCommand = {r.postfixProgram, c, dir, QStringLiteral("status")};
    plan.reloadCommand = {r.postfixProgram, c, dir, QStringLiteral("reload")};
    return plan;
}

QString PostfixFixes::dhFilePath(const PostfixInspectionResult &r, const DhChoice &choice, int bits)
{
    const QString name = choice.kind == DhChoice::Kind::Rfc7919 ? QStringLiteral("dh_%1.pem").arg(choice.group)
                                                                : QStringLiteral("dh_%1.pem").arg(bits);
    return QDir(r.configDirectory).filePath(name);
}

QStringList PostfixFixes::dhFilePaths(const PostfixInspectionResult &r)
{
    return offeredDhFilePaths([&r](const DhChoice &choice, int bits) { return dhFilePath(r, choice, bits); });
}

std::optional<ChangePlan> PostfixFixes::logjam(const PostfixInspectionResult &r, const DhChoice &choice, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    MainCfEditor mainCf(r);
    if (!mainCf.isOk()) {
        *error = mainCf.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Replace the weak Diffie-Hellman group (Logjam)"));
    plan.verification.check = ChangePlan::Check::DhGroup;
    if (r.dheExcluded)
        plan.notes.append(tr("DHE is switched off (smtpd_tls_exclude_ciphers): Postfix uses the group only when DHE "
                             "is switched on again."));

    if (choice.kind == DhChoice::Kind::Auto) {
        if (!r.autoDhAvailable()) {
            *error = tr("--group auto needs Postfix 3.7 or later built with OpenSSL 3, and this is %1: choose an "
                        "RFC 7919 group such as ffdhe3072")
                         .arg(r.versionText());
            return std::nullopt;
        }
        plan.title = tr("Let OpenSSL choose the Diffie-Hellman group");
        plan.verification.minimumDhBits = 2048;
        if (r.dhFile.isEmpty() || r.dhFile == QLatin1String("auto"))
            return plan;
        if (!mainCf.remove(dhParameter, error))
            return std::nullopt;
        mainCf.addTo(plan);
        if (r.dh)
            plan.notes.append(tr("%1 stays on disk, no longer used: delete it when you like.").arg(r.dhFile));
        return plan;
    }

    QByteArray pem;
    if (choice.kind == DhChoice::Kind::Rfc7919) {
        pem = DhParameters::rfc7919Pem(choice.group, error);
        if (pem.isEmpty())
            return std::nullopt;
    } else {
        pem = choice.pem;
    }
    const DhFileInfo info = DhParameters::inspect(pem);
    if (!info.isValid()) {
        *error = tr("the new DH parameters are not usable: %1").arg(info.error);
        return std::nullopt;
    }
    if (info.bits < 2048) {
        *error = tr("the new DH group has only %1 bits; at least 2048 are needed").arg(info.bits);
        return std::nullopt;
    }
    plan.verification.expectedPrime = info.prime;
    plan.verification.expectedGroupName = info.group ? info.group->name : tr("the new %1-bit group").arg(info.bits);

    // The file in use already holds the chosen group: nothing to do, whatever
    // its name or PEM layout.
    if (r.dh && r.dh->isValid() && r.dh->prime == info.prime && r.dh->generator == info.generator)
        return plan;

    const QString path = dhFilePath(r, choice, info.bits);
    const ConfigFile::Contents existing = r.file(path);
    if (!existing.error.isEmpty()) {
        *error = existing.error;
        return std::nullopt;
    }
    if (!existing.exists || existing.bytes != pem) {
        FileEdit file;
        file.path = path;
        if (existing.exists)
            file.before = existing.bytes;
        file.after = pem;
        file.summary.append(
            info.group ? tr("DH parameters: %1 (%2, %3 bits)").arg(info.group->name, info.group->source).arg(info.bits)
                       : tr("DH parameters: a group of its own, %1 bits").arg(info.bits));
        file.parameters.append(dhParameter);
        // The group file first: main.cf never names a file that is not there.
        plan.edits.append(file);
    }
    if (!mainCf.set(dhParameter, path, error))
        return std::nullopt;
    mainCf.addTo(plan);
    plan.requiredFiles.append({dhParameter, path});
    if (r.dh && r.dhFile != path && !plan.isEmpty())
        plan.notes.append(tr("%1 stays on disk, no longer used: delete it when you like.").arg(r.dhFile));
    return plan;
}

std::optional<ChangePlan> PostfixFixes::starttls(const PostfixInspectionResult &r, const QString &certFile,
                                                 const QString &keyFile, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    if (certFile.isEmpty() != keyFile.isEmpty()) {
        *error = tr("give the certificate and its key together (--cert FILE --key FILE)");
        return std::nullopt;
    }
    for (const QString &path : {certFile, keyFile}) {
        if (!path.isEmpty() && !QFileInfo(path).isAbsolute()) {
            *error = tr("%1 is not an absolute path; Postfix needs one").arg(path);
            return std::nullopt;
        }
    }
    MainCfEditor mainCf(r);
    if (!mainCf.isOk()) {
        *error = mainCf.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Offer STARTTLS, and use it for outgoing mail"));
    plan.verification.check = ChangePlan::Check::StartTls;

    if (!certFile.isEmpty()) {
        const QString chain = r.effective(QStringLiteral("smtpd_tls_chain_files"));
        if (!chain.isEmpty()) {
            *error = tr("smtpd_tls_chain_files is set (%1) and takes precedence over smtpd_tls_cert_file: change "
                        "the certificate there, or empty it first")
                         .arg(chain);
            return std::nullopt;
        }
        if (r.effective(QStringLiteral("smtpd_tls_cert_file")) != certFile
            && !mainCf.set("smtpd_tls_cert_file", certFile, error))
            return std::nullopt;
        if (r.effective(QStringLiteral("smtpd_tls_key_file")) != keyFile
            && !mainCf.set("smtpd_tls_key_file", keyFile, error))
            return std::nullopt;
        plan.requiredFiles.append({"smtpd_tls_cert_file", certFile});
        plan.requiredFiles.append({"smtpd_tls_key_file", keyFile});
    } else if (!r.hasServerCertificate()) {
        *error = tr("Postfix has no certificate to offer: give one with --cert FILE --key FILE (for example "
                    "Let's Encrypt's fullchain.pem and privkey.pem)");
        return std::nullopt;
    }
    if (r.securityLevel(QStringLiteral("smtpd")) == QLatin1String("none")
        && !mainCf.set("smtpd_tls_security_level", QStringLiteral("may"), error))
        return std::nullopt;
    if (r.securityLevel(QStringLiteral("smtp")) == QLatin1String("none")
        && !mainCf.set("smtp_tls_security_level", QStringLiteral("may"), error))
        return std::nullopt;
    mainCf.addTo(plan);
    return plan;
}

std::optional<ChangePlan> PostfixFixes::tlsLogging(const PostfixInspectionResult &r, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    MainCfEditor mainCf(r);
    if (!mainCf.isOk()) {
        *error = mainCf.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Log TLS sessions"));
    plan.verification.check = ChangePlan::Check::None;
    for (const QByteArray &name : {QByteArrayLiteral("smtpd_tls_loglevel"), QByteArrayLiteral("smtp_tls_loglevel")}) {
        bool ok = false;
        const int level = r.effective(QString::fromLatin1(name)).toInt(&ok);
        if ((!ok || level < 1) && !mainCf.set(name, QStringLiteral("1"), error))
            return std::nullopt;
    }
    mainCf.addTo(plan);
    return plan;
}

} // namespace mailtls
