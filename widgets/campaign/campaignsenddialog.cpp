#include "widgets/campaign/campaignsenddialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "models/campaign/campaignstore.h"
#include "models/secrets/secretstore.h"

namespace mailtls {

namespace {
const QString View = QStringLiteral("submission");
}

CampaignSendDialog::CampaignSendDialog(const QString &storePath, const QList<PreparedLetter> &letters,
                                       const QString &envelopeFrom, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_storePath(storePath)
    , m_letters(letters)
    , m_envelopeFrom(envelopeFrom)
    , m_secrets(secrets ? secrets : new SecretStore(this))
    , m_sender(new LetterSender(this))
{
    setObjectName(QStringLiteral("campaignSendDialog"));
    setWindowTitle(tr("Send %n Letter(s)", nullptr, int(letters.size())));
    m_host = new QLineEdit(m_settings.viewValue(View, QStringLiteral("host")).toString(), this);
    m_host->setObjectName(QStringLiteral("submissionHost"));
    m_host->setPlaceholderText(tr("mail.example.org"));
    m_host->setToolTip(tr("Your own mail server's submission service, the one your mail program sends through"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("submissionPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(m_settings.viewValue(View, QStringLiteral("port"), 587).toInt());
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("submissionSecurity"));
    m_security->addItem(tr("STARTTLS, required"), int(SubmissionClient::Security::StartTls));
    m_security->addItem(tr("TLS from the first byte"), int(SubmissionClient::Security::ImplicitTls));
    m_security->setCurrentIndex(
        std::max(0,
                 m_security->findData(m_settings.viewValue(View, QStringLiteral("security"),
                                                           int(SubmissionClient::Security::StartTls)))));
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        m_port->setValue(m_security->currentData().toInt() == int(SubmissionClient::Security::ImplicitTls) ? 465 : 587);
    });
    m_user = new QLineEdit(m_settings.viewValue(View, QStringLiteral("user")).toString(), this);
    m_user->setObjectName(QStringLiteral("submissionUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("submissionPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("From the keychain, or type it"));
    m_remember = new QCheckBox(tr("&Keep the password in the keychain"), this);
    m_remember->setObjectName(QStringLiteral("submissionRemember"));
    m_rate = new QSpinBox(this);
    m_rate->setObjectName(QStringLiteral("submissionRate"));
    m_rate->setRange(1, 60);
    m_rate->setValue(m_settings.viewValue(View, QStringLiteral("rate"), 10).toInt());
    m_rate->setSuffix(tr(" a minute"));
    m_rate->setToolTip(tr("At most this many letters begin in any minute"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("S&ecurity:"), m_security);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&Rate:"), m_rate);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("submissionProgress"));
    m_progress->setRange(0, int(letters.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m sent"));
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("submissionLog"));
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("What the server answered"));
    m_status = new QLabel(tr("Nothing is sent until you confirm."), this);
    m_status->setObjectName(QStringLiteral("submissionStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_send = buttons->addButton(tr("&Send…"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("submissionSendButton"));
    m_cancel = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("submissionCancelButton"));
    m_cancel->setToolTip(tr("Send no further letter; one on its way finishes"));
    connect(m_send, &QPushButton::clicked, this, &CampaignSendDialog::send);
    connect(m_cancel, &QPushButton::clicked, m_sender, &LetterSender::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_sender, &LetterSender::letterStarted, this, [this](int index) {
        m_log->appendPlainText(tr("Sending to %1…").arg(m_letters.at(index).letter.recipient));
    });
    connect(m_sender, &LetterSender::letterSent, this,
            [this](int index, const CampaignLetter &letter, const QString &recordError) {
                m_progress->setValue(m_progress->value() + 1);
                m_log->appendPlainText(
                    tr("%1: sent (%2)").arg(m_letters.at(index).letter.recipient, letter.serverReply));
                if (!recordError.isEmpty())
                    m_log->appendPlainText(tr("  not recorded: %1").arg(recordError));
            });
    connect(m_sender, &LetterSender::letterFailed, this, [this](int index, const SubmissionClient::Result &result) {
        m_log->appendPlainText(tr("%1: not sent: %2").arg(m_letters.at(index).letter.recipient, result.error));
    });
    connect(m_sender, &LetterSender::finished, this, [this](int sent, int failed, int notTried) {
        m_status->setText(tr("%1 sent, %2 not sent, %3 not tried.").arg(sent).arg(failed).arg(notTried));
        updateButtons();
        emit sendFinished(sent, failed, notTried);
    });
    m_sender->setRecorder([this](CampaignLetter *letter, QString *error) {
        // One record per failing peer the letter is about.
        for (const PreparedLetter &prepared : std::as_const(m_letters)) {
            if (prepared.letter.recipient != letter->recipient || prepared.letter.message != letter->message)
                continue;
            for (CampaignLetter record : prepared.records(letter->delivery, letter->at, letter->serverReply))
                if (!m_store->addLetter(&record, error))
                    return false;
            return true;
        }
        return m_store->addLetter(letter, error);
    });

    // The keychain may hold the password of the user and server remembered.
    const QString key = SecretStore::passwordKey(m_user->text(), m_host->text(), m_port->value());
    if (!m_user->text().isEmpty() && !m_host->text().isEmpty())
        m_secrets->read(key, this, [this](const SecretStore::Result &result) {
            if (result.error == SecretStore::Error::None && m_password->text().isEmpty())
                m_password->setText(result.secret);
        });
    updateButtons();
}

CampaignSendDialog::~CampaignSendDialog()
{
    m_sender->cancel();
    delete m_store;
}

void CampaignSendDialog::setTrust(const QList<QSslCertificate> &authorities, const QString &verifyName)
{
    m_authorities = authorities;
    m_verifyName = verifyName;
}

void CampaignSendDialog::send()
{
    if (m_sender->isBusy() || m_confirmation || m_host->text().trimmed().isEmpty())
        return;
    QStringList recipients;
    for (const PreparedLetter &letter : std::as_const(m_letters))
        recipients << letter.letter.recipient;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send the Letters?"),
                                tr("Send %n letter(s) through %1 to: %2?", nullptr, int(m_letters.size()))
                                    .arg(m_host->text().trimmed(), recipients.join(QStringLiteral(", "))),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("submissionConfirmation"));
    QPushButton *yes = box->addButton(tr("Send"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        m_confirmation = nullptr;
        if (box->clickedButton() == yes)
            startSending();
    });
    box->open();
}

void CampaignSendDialog::startSending()
{
    if (!m_store) {
        m_store = new CampaignStore(m_storePath);
        QString error;
        if (!m_store->open(&error)) {
            m_status->setText(tr("The letters cannot be recorded, so none is sent: %1").arg(error));
            delete m_store;
            m_store = nullptr;
            return;
        }
    }
    SubmissionClient::Server server;
    server.host = m_host->text().trimmed();
    server.port = quint16(m_port->value());
    server.security = SubmissionClient::Security(m_security->currentData().toInt());
    server.caCertificates = m_authorities;
    server.verifyName = m_verifyName;
    m_settings.setViewValue(View, QStringLiteral("host"), server.host);
    m_settings.setViewValue(View, QStringLiteral("port"), m_port->value());
    m_settings.setViewValue(View, QStringLiteral("security"), m_security->currentData());
    m_settings.setViewValue(View, QStringLiteral("user"), m_user->text().trimmed());
    m_settings.setViewValue(View, QStringLiteral("rate"), m_rate->value());
    const QString user = m_user->text().trimmed();
    if (m_remember->isChecked() && !user.isEmpty() && !m_password->text().isEmpty())
        m_secrets->write(SecretStore::passwordKey(user, server.host, server.port), m_password->text(), this,
                         [this](const SecretStore::Result &result) {
                             if (result.error != SecretStore::Error::None)
                                 m_log->appendPlainText(tr("The password was not kept in the keychain: %1")
                                                            .arg(SecretStore::errorMessage(result.error)));
                         });
    m_sender->setServer(server);
    m_sender->setCredentials({user, m_password->text()});
    m_sender->setRate(m_rate->value());
    QList<CampaignLetter> letters;
    for (const PreparedLetter &letter : std::as_const(m_letters))
        letters << letter.letter;
    m_progress->setValue(0);
    m_status->setText(tr("Sending…"));
    m_sender->start(letters, m_envelopeFrom);
    updateButtons();
}

void CampaignSendDialog::updateButtons()
{
    const bool busy = m_sender->isBusy();
    m_send->setEnabled(!busy && !m_letters.isEmpty());
    m_cancel->setVisible(busy);
    for (QWidget *field :
         {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_security),
          static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_rate)})
        field->setEnabled(!busy);
}

} // namespace mailtls
