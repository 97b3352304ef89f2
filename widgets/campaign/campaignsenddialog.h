#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include "models/campaign/letterbatch.h"
#include "models/campaign/lettersender.h"
#include "models/settings/settings.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mailtls {

class CampaignStore;
class SecretStore;

// Sends chosen letters through the user's own submission server (port 587
// with STARTTLS required, or 465 with TLS from the first byte), with the
// password from the keychain (asked here and kept there when the user says
// so), after a confirmation that names every recipient, at most so many a
// minute (LetterSender), with progress and Cancel; each letter the server
// took is recorded in the store as sent with the server's reply. The
// server, port, security, user and rate are remembered (Settings view
// "submission"); the password never is, except in the keychain.
class CampaignSendDialog final : public QDialog
{
    Q_OBJECT

public:
    // `secrets` (may be null: the system keychain) must outlive the dialog.
    CampaignSendDialog(const QString &storePath, const QList<PreparedLetter> &letters, const QString &envelopeFrom,
                       SecretStore *secrets = nullptr, QWidget *parent = nullptr);
    ~CampaignSendDialog() override;

    // Authorities and the certificate's name for a server with a private
    // certificate (tests; by default the system's and the host's name).
    void setTrust(const QList<QSslCertificate> &authorities, const QString &verifyName);

    QLineEdit *host() const { return m_host; }
    QSpinBox *port() const { return m_port; }
    QComboBox *security() const { return m_security; }
    QLineEdit *user() const { return m_user; }
    QLineEdit *password() const { return m_password; }
    QCheckBox *remember() const { return m_remember; }
    QSpinBox *rate() const { return m_rate; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progress() const { return m_progress; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *status() const { return m_status; }
    // The confirmation while it is open.
    QDialog *confirmation() const { return m_confirmation; }

public slots:
    // Asks, then sends.
    void send();

signals:
    // The batch ended: how many were sent, failed and not tried.
    void sendFinished(int sent, int failed, int notTried);

private:
    void startSending();
    void updateButtons();

    QString m_storePath;
    QList<PreparedLetter> m_letters;
    QString m_envelopeFrom;
    Settings m_settings;
    SecretStore *m_secrets = nullptr;
    QList<QSslCertificate> m_authorities;
    QString m_verifyName;
    LetterSender *m_sender = nullptr;
    CampaignStore *m_store = nullptr;
    QDialog *m_confirmation = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QSpinBox *m_rate = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace mailtls
