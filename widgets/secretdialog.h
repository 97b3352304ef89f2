#pragma once

#include <QDialog>
#include <QString>

#include "models/secrets/askpassserver.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace mailtls {

// Asks for a password or a key passphrase that ssh needs, in ssh's own words,
// and whether to remember it in the system keychain. When there is no
// keychain, nothing can be remembered: the dialog says so and MailTLS asks
// each time.
class SecretDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind {
        Password,
        Passphrase,
        Code,       // anything else ssh asks (a one-time code, a PIN): never remembered
    };

    // `target` names the host ("admin@mx.example.org"); may be empty.
    SecretDialog(Kind kind, const QString &target, const QString &prompt, QWidget *parent = nullptr);
    ~SecretDialog() override;

    // A dialog (deleted on close, not yet open) for `question`, whose answer
    // or refusal goes to `askpass`; closing it unanswered refuses. Every
    // connection to `askpass` has `askpass` as context, so disconnecting the
    // dialog from it drops the answer when the question is withdrawn.
    static SecretDialog *forQuestion(const AskpassServer::SecretQuestion &question, AskpassServer *askpass,
                                     QWidget *parent);

    // The answer ssh got before was refused: say so above the prompt.
    void setRetry(bool retry);
    // The keychain cannot be used: the remember box is unchecked and disabled,
    // and `why` (the keychain's message, which says the secret is asked for
    // each time) is shown under it.
    void setKeychainUnavailable(const QString &why);

    // Offers no remembering at all (the secret has no keychain entry).
    void setRememberOffered(bool offered);

    QString secret() const;
    bool remember() const;

private:
    QLabel *m_retry = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychain = nullptr;
};

} // namespace mailtls
