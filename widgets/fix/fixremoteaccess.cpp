#include "widgets/fix/fixremoteaccess.h"

#include <QCoreApplication>
#include <QDialog>
#include <QWidget>

#include "models/mta/servicehost.h"
#include "models/secrets/askpassserver.h"
#include "models/secrets/secretstore.h"
#include "models/sources/sshcommandhost.h"
#include "models/sources/sudocommandhost.h"
#include "widgets/hostkeydialog.h"
#include "widgets/secretdialog.h"

namespace mailtls {

FixRemoteAccess::FixRemoteAccess(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{ }

FixRemoteAccess::~FixRemoteAccess()
{
    // Questions still open are refused when their dialogs go.
    for (const QPointer<QDialog> &dialog : std::as_const(m_questions))
        delete dialog.data();
}

FixRemoteAccess::Target FixRemoteAccess::reach(const QString &text, MailService::Kind kind, QString *error)
{
    Target target;
    const std::optional<SourceSpec> spec = ServiceHost::parse(text, error);
    if (!spec)
        return target;
    if (!ServiceHost::supportsRemote(kind)) {
        *error = ServiceHost::remoteRefusal(kind);
        return target;
    }
    target.location = ServiceHost::location(*spec);
    target.askpassTarget = SshCommandHost::displayNameOf(*spec);
    if (m_hostMaker) {
        target.host = m_hostMaker(*spec, kind);
        return target;
    }
    SshSettings settings;
    settings.knownHostsFile = SshSettings::defaultKnownHostsFile();
    settings.askpassProgram = QCoreApplication::applicationFilePath();
    AskpassServer *server = askpass();
    if (server->isListening())
        settings.askpassSocket = server->name();
    target.host = ServiceHost::create(*spec, settings, kind);
    return target;
}

void FixRemoteAccess::succeeded(const QString &askpassTarget)
{
    if (m_askpass != nullptr && !askpassTarget.isEmpty())
        m_askpass->connectionSucceeded(askpassTarget);
}

QStringList FixRemoteAccess::sudoersLines(const QString &error)
{
    QStringList lines;
    for (const QString &line : error.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (line.startsWith(QStringLiteral("    "))
            && (trimmed.contains(QLatin1String(" NOPASSWD: ")) || trimmed.startsWith(QLatin1String("Defaults:"))))
            lines.append(trimmed);
    }
    return lines;
}

AskpassServer *FixRemoteAccess::askpass()
{
    if (m_askpass != nullptr)
        return m_askpass;
    m_secrets = new SecretStore(this);
    m_askpass = new AskpassServer(m_secrets, this);
    QString error;
    if (!m_askpass->listen(&error))
        m_askpassProblem = tr("Passwords and host keys cannot be asked for: %1").arg(error);
    connect(m_askpass, &AskpassServer::hostKeyQuestion, this,
            [this](quint64 id, const HostKeyQuestion &question, const QString &) { askHostKey(id, question); });
    connect(m_askpass, &AskpassServer::secretNeeded, this, [this](const AskpassServer::SecretQuestion &question) {
        auto *dialog = SecretDialog::forQuestion(question, m_askpass, m_dialogParent);
        const quint64 id = question.id;
        connect(dialog, &QDialog::finished, this, [this, id] { m_questions.remove(id); });
        m_questions.insert(id, dialog);
        dialog->open();
    });
    connect(m_askpass, &AskpassServer::questionClosed, this, [this](quint64 id) {
        // ssh gave up waiting: the dialog's answer would reach nobody.
        const QPointer<QDialog> dialog = m_questions.take(id);
        if (dialog) {
            disconnect(dialog, nullptr, m_askpass, nullptr);
            dialog->reject();
        }
    });
    return m_askpass;
}

void FixRemoteAccess::askHostKey(quint64 id, const HostKeyQuestion &question)
{
    auto *dialog
        = new HostKeyDialog(question.host, question.port, question.keyType, question.fingerprint, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAddress(question.address);
    dialog->setOtherNames(question.otherNames);
    auto answered = std::make_shared<bool>(false);
    connect(dialog, &QDialog::finished, m_askpass, [this, id, answered](int result) {
        *answered = true;
        m_questions.remove(id);
        m_askpass->answerHostKey(id, result == QDialog::Accepted);
    });
    connect(dialog, &QObject::destroyed, m_askpass, [this, id, answered] {
        if (!*answered)
            m_askpass->answerHostKey(id, false);
    });
    m_questions.insert(id, dialog);
    dialog->open();
}

} // namespace mailtls
