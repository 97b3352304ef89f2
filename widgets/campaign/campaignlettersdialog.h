#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>
#include <QUrl>

#include "models/campaign/campaign.h"
#include "models/campaign/letterbatch.h"
#include "models/settings/settings.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace mailtls {

class CampaignSendDialog;
class SecretStore;

// The letters of a campaign: one per correspondent of its peers not fixed
// yet (LetterBatch), in the chosen language and from the user's address;
// each shown exactly as it would go out (the RFC 5322 text), and the ticked
// ones exported as .eml files into a folder or as one mbox file, recorded
// in the store as exported, or sent through the user's submission server
// (CampaignSendDialog) after a confirmation, or the one shown handed to the
// user's mail program as a new message to review and send there (a mailto:
// link with the recipient, subject and text), recorded as "mailer". Writing
// the letters and the files runs off the window's thread.
//
// The sender's address, name and the language are remembered (Settings view
// "letters").
class CampaignLettersDialog final : public QDialog
{
    Q_OBJECT

public:
    CampaignLettersDialog(const QString &storePath, const Campaign &campaign, QWidget *parent = nullptr);

    // The letters' Date (tests; default: when they are written).
    void setDate(const QDateTime &date) { m_date = date; }

    const QList<PreparedLetter> &letters() const { return m_letters; }
    // The letters ticked, in the list's order.
    QList<PreparedLetter> chosen() const;
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *preview() const { return m_preview; }
    QLineEdit *fromAddress() const { return m_from; }
    QLineEdit *fromName() const { return m_name; }
    QComboBox *language() const { return m_language; }
    QLabel *status() const { return m_status; }
    QPushButton *writeButton() const { return m_write; }
    QPushButton *emlButton() const { return m_eml; }
    QPushButton *mboxButton() const { return m_mbox; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *mailerButton() const { return m_mailer; }
    // The mailto: link that opens `letter` in a mail program: its recipient,
    // subject and text (RFC 6068; every reserved character percent-encoded).
    static QUrl mailtoUrl(const PreparedLetter &letter);
    // The keychain the Send dialog reads and writes (tests; default the
    // system's).
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }

public slots:
    // Writes the letters with the address, name and language given.
    void writeLetters();
    // Opens the Send dialog with the ticked letters.
    CampaignSendDialog *sendChosen();
    // Exports the ticked letters as one .eml file each into `folder`, or as
    // one mbox file; the store records each as exported.
    void exportEml(const QString &folder);
    void exportMbox(const QString &file);

signals:
    // The letters are written (or could not be: status() says why).
    void lettersWritten();
    // An export ended; `error` empty when every file was written and recorded.
    void exported(const QString &error);
    // Letters were sent (and recorded).
    void sent();

private:
    void showLetter();
    void updateButtons();
    void runExport(const QString &delivery, const QString &target);
    void openInMailer();
    // Records `letters` as gone out by `delivery` now; an error text, or empty.
    static QString record(const QString &storePath, const QList<PreparedLetter> &letters, const QString &delivery);

    QString m_storePath;
    Campaign m_campaign;
    Settings m_settings;
    QDateTime m_date;
    QList<PreparedLetter> m_letters;
    bool m_busy = false;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_write = nullptr;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_eml = nullptr;
    QPushButton *m_mbox = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_mailer = nullptr;
    SecretStore *m_secrets = nullptr;
};

} // namespace mailtls
