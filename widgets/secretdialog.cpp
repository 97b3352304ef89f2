#include "widgets/secretdialog.h"

#include <memory>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "models/secrets/secretstore.h"
#include "widgets/questiondialoglayout.h"

namespace mailtls {

SecretDialog::SecretDialog(Kind kind, const QString &target, const QString &prompt, QWidget *parent)
    : QDialog(parent)
{
    switch (kind) {
    case Kind::Password: setWindowTitle(tr("SSH Password")); break;
    case Kind::Passphrase: setWindowTitle(tr("SSH Key Passphrase")); break;
    case Kind::Code: setWindowTitle(tr("SSH Question")); break;
    }

    QString headingText;
    switch (kind) {
    case Kind::Password:
        headingText = target.isEmpty() ? tr("ssh needs a password to read the log.")
                                       : tr("ssh needs a password to read the log on %1.").arg(target);
        break;
    case Kind::Passphrase:
        headingText = target.isEmpty() ? tr("ssh needs the passphrase of your key to read the log.")
                                       : tr("ssh needs the passphrase of your key to read the log on %1.").arg(target);
        break;
    case Kind::Code:
        headingText = target.isEmpty() ? tr("ssh asks for an answer to read the log.")
                                       : tr("ssh asks for an answer to read the log on %1.").arg(target);
        break;
    }
    auto *heading = new QLabel(headingText, this);
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);

    m_retry = new QLabel(this);
    switch (kind) {
    case Kind::Password: m_retry->setText(tr("The password given before was refused.")); break;
    case Kind::Passphrase: m_retry->setText(tr("The passphrase given before was wrong.")); break;
    case Kind::Code: m_retry->setText(tr("The answer given before was refused.")); break;
    }
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setWordWrap(true);
    m_retry->hide();

    // ssh's own words say exactly which account or key it means.
    auto *promptLabel = new QLabel(prompt.trimmed(), this);
    promptLabel->setObjectName(QStringLiteral("prompt"));
    promptLabel->setTextFormat(Qt::PlainText);
    promptLabel->setWordWrap(true);
    promptLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    promptLabel->setBuddy(m_secret);

    m_remember = new QCheckBox(tr("R&emember in the keychain"), this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("Kept in your system's keychain, never in MailTLS's own files; "
                              "used again when ssh asks for it."));
    m_keychain = new QLabel(this);
    m_keychain->setObjectName(QStringLiteral("keychain"));
    m_keychain->setWordWrap(true);
    m_keychain->setTextFormat(Qt::PlainText);
    m_keychain->hide();
    if (kind == Kind::Code)
        setRememberOffered(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(m_retry);
    text->addWidget(promptLabel);
    text->addWidget(m_secret);
    text->addWidget(m_remember);
    text->addWidget(m_keychain);
    QuestionDialogLayout::arrange(this, QStyle::SP_MessageBoxQuestion, text, buttons, 60);
    m_secret->setFocus();
}

SecretDialog::~SecretDialog()
{
    // The secret leaves no copy in the widget behind it.
    m_secret->clear();
}

SecretDialog *SecretDialog::forQuestion(const AskpassServer::SecretQuestion &question, AskpassServer *askpass,
                                        QWidget *parent)
{
    Kind kind = Kind::Code;
    if (question.kind == AskpassServer::SecretKind::Password)
        kind = Kind::Password;
    else if (question.kind == AskpassServer::SecretKind::Passphrase)
        kind = Kind::Passphrase;
    auto *dialog = new SecretDialog(kind, question.target, question.prompt, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRetry(question.retry);
    if (question.key.isEmpty())
        dialog->setRememberOffered(false);
    else if (question.storeError == SecretStore::Error::NoBackend)
        dialog->setKeychainUnavailable(question.storeMessage.isEmpty()
                                           ? SecretStore::errorMessage(SecretStore::Error::NoBackend)
                                           : question.storeMessage);
    const quint64 id = question.id;
    auto answered = std::make_shared<bool>(false);
    connect(dialog, &QDialog::finished, askpass, [askpass, dialog, id, answered](int result) {
        *answered = true;
        if (result == QDialog::Accepted)
            askpass->answerSecret(id, dialog->secret(), dialog->remember());
        else
            askpass->refuseSecret(id);
    });
    connect(dialog, &QObject::destroyed, askpass, [askpass, id, answered] {
        if (!*answered)
            askpass->refuseSecret(id);
    });
    return dialog;
}

void SecretDialog::setRetry(bool retry)
{
    m_retry->setVisible(retry);
}

void SecretDialog::setKeychainUnavailable(const QString &why)
{
    m_remember->setChecked(false);
    m_remember->setEnabled(false);
    m_keychain->setText(why.isEmpty() ? tr("No keychain is available, so nothing can be remembered: "
                                           "MailTLS will ask each time.")
                                      : why);
    m_keychain->show();
}

void SecretDialog::setRememberOffered(bool offered)
{
    m_remember->setVisible(offered);
    m_remember->setEnabled(offered);
    m_remember->setChecked(offered);
    if (!offered)
        m_keychain->hide();
}

QString SecretDialog::secret() const
{
    return m_secret->text();
}

bool SecretDialog::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

} // namespace mailtls
