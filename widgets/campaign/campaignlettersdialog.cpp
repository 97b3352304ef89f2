#include "widgets/campaign/campaignlettersdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "models/campaign/campaignstore.h"
#include "models/campaign/mboxwriter.h"
#include "widgets/campaign/campaignsenddialog.h"

namespace mailtls {

namespace {
const QString View = QStringLiteral("letters");
const QString FromKey = QStringLiteral("from");
const QString NameKey = QStringLiteral("fromName");
const QString LanguageKey = QStringLiteral("language");
} // namespace

CampaignLettersDialog::CampaignLettersDialog(const QString &storePath, const Campaign &campaign, QWidget *parent)
    : QDialog(parent)
    , m_storePath(storePath)
    , m_campaign(campaign)
{
    setObjectName(QStringLiteral("campaignLettersDialog"));
    setWindowTitle(tr("Letters of “%1”").arg(campaign.name));
    resize(960, 640);

    m_from = new QLineEdit(m_settings.viewValue(View, FromKey).toString(), this);
    m_from->setObjectName(QStringLiteral("letterFromAddress"));
    m_from->setPlaceholderText(tr("postmaster@example.org"));
    m_from->setToolTip(tr("The address the letters come from; replies go there"));
    m_from->setAccessibleName(tr("Your address"));
    m_name = new QLineEdit(m_settings.viewValue(View, NameKey).toString(), this);
    m_name->setObjectName(QStringLiteral("letterFromName"));
    m_name->setToolTip(tr("Your name, as the letters are signed"));
    m_name->setAccessibleName(tr("Your name"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("letterLanguage"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("German"), QStringLiteral("de"));
    m_language->setAccessibleName(tr("Language of the letters"));
    const int language = m_language->findData(m_settings.viewValue(View, LanguageKey, QStringLiteral("en")));
    m_language->setCurrentIndex(std::max(0, language));
    m_write = new QPushButton(tr("&Write Letters"), this);
    m_write->setObjectName(QStringLiteral("letterWriteButton"));
    m_write->setToolTip(tr("Write one letter to each correspondent of the peers not fixed yet"));
    connect(m_write, &QPushButton::clicked, this, &CampaignLettersDialog::writeLetters);

    auto *form = new QFormLayout;
    form->addRow(tr("Your &address:"), m_from);
    form->addRow(tr("Your &name:"), m_name);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addWidget(m_write);
    languageRow->addStretch(1);
    form->addRow(tr("&Language:"), languageRow);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("letterList"));
    m_list->setAccessibleName(tr("Letters"));
    m_list->setToolTip(tr("Tick the letters to export; the chosen one is shown beside"));
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("letterPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setAccessibleName(tr("The letter exactly as it goes out"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("letterStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_eml = buttons->addButton(tr("Export as .&eml…"), QDialogButtonBox::ActionRole);
    m_eml->setObjectName(QStringLiteral("letterEmlButton"));
    m_eml->setToolTip(tr("One .eml file per ticked letter, into a folder; open them in your mail program to send"));
    m_mbox = buttons->addButton(tr("Export as &mbox…"), QDialogButtonBox::ActionRole);
    m_mbox->setObjectName(QStringLiteral("letterMboxButton"));
    m_mbox->setToolTip(tr("The ticked letters in one mbox file, which mail programs import whole"));
    m_send = buttons->addButton(tr("Se&nd…"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("letterSendButton"));
    m_send->setToolTip(tr("Send the ticked letters through your own submission server, after asking"));
    m_mailer = buttons->addButton(tr("Open in Mail &Program"), QDialogButtonBox::ActionRole);
    m_mailer->setObjectName(QStringLiteral("letterMailerButton"));
    m_mailer->setToolTip(tr("Open the letter shown as a new message in your mail program, to review and send "
                            "from there"));
    connect(m_mailer, &QPushButton::clicked, this, &CampaignLettersDialog::openInMailer);
    connect(m_send, &QPushButton::clicked, this, [this] { sendChosen(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_eml, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Export Letters into Folder"),
                                                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (!folder.isEmpty())
            exportEml(folder);
    });
    connect(m_mbox, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getSaveFileName(this, tr("Export Letters as mbox"),
                                           QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                               .filePath(QStringLiteral("mailtls-campaign-%1.mbox").arg(m_campaign.id)),
                                           tr("mbox files (*.mbox);;All files (*)"));
        if (!file.isEmpty())
            exportMbox(file);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &CampaignLettersDialog::showLetter);
    connect(m_list, &QListWidget::currentRowChanged, this, &CampaignLettersDialog::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, &CampaignLettersDialog::updateButtons);
    connect(m_from, &QLineEdit::textChanged, this, &CampaignLettersDialog::updateButtons);
    updateButtons();
}

QList<PreparedLetter> CampaignLettersDialog::chosen() const
{
    QList<PreparedLetter> letters;
    for (int row = 0; row < m_list->count() && row < m_letters.size(); ++row)
        if (m_list->item(row)->checkState() == Qt::Checked)
            letters << m_letters.at(row);
    return letters;
}

void CampaignLettersDialog::writeLetters()
{
    if (m_busy)
        return;
    LetterBatch::Options options;
    options.language = m_language->currentData().toString();
    options.from = MailAddress {m_name->text().trimmed(), m_from->text().trimmed()};
    options.date = m_date;
    m_settings.setViewValue(View, FromKey, options.from.address);
    m_settings.setViewValue(View, NameKey, options.from.name);
    m_settings.setViewValue(View, LanguageKey, options.language);
    m_busy = true;
    m_status->setText(tr("Writing the letters…"));
    updateButtons();
    auto *watcher = new QFutureWatcher<LetterBatch::Result>(this);
    connect(watcher, &QFutureWatcher<LetterBatch::Result>::finished, this, [this, watcher] {
        const LetterBatch::Result result = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_letters = result.letters;
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const PreparedLetter &letter : m_letters) {
            auto *item = new QListWidgetItem(tr("%1 — %2").arg(letter.letter.recipient, letter.letter.subject), m_list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
            item->setToolTip(tr("About %1").arg(letter.letter.peer));
        }
        QStringList lines;
        if (!result.error.isEmpty())
            lines << result.error;
        else if (m_letters.isEmpty())
            lines << tr("No letter to write: no peer that is not fixed has a known correspondent.");
        else
            lines << tr("%n letter(s) written; nothing is sent until you choose Send and confirm.", nullptr,
                        int(m_letters.size()));
        lines << result.notes;
        m_status->setText(lines.join(QLatin1Char('\n')));
        if (!m_letters.isEmpty())
            m_list->setCurrentRow(0);
        showLetter();
        updateButtons();
        emit lettersWritten();
    });
    const QString path = m_storePath;
    const qint64 id = m_campaign.id;
    watcher->setFuture(QtConcurrent::run([path, id, options] { return LetterBatch::prepare(path, id, options); }));
}

void CampaignLettersDialog::showLetter()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_letters.size()) {
        m_preview->clear();
        return;
    }
    // The exact bytes, line ends and all; a message is ASCII or UTF-8.
    QString text = QString::fromUtf8(m_letters.at(row).letter.message);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    m_preview->setPlainText(text);
}

void CampaignLettersDialog::updateButtons()
{
    const bool any = !chosen().isEmpty();
    m_write->setEnabled(!m_busy && !m_from->text().trimmed().isEmpty());
    m_eml->setEnabled(!m_busy && any);
    m_mbox->setEnabled(!m_busy && any);
    m_send->setEnabled(!m_busy && any);
    m_mailer->setEnabled(!m_busy && m_list->currentRow() >= 0 && m_list->currentRow() < m_letters.size());
}

QUrl CampaignLettersDialog::mailtoUrl(const PreparedLetter &letter)
{
    // RFC 6068: line breaks in the body as %0D%0A; QUrlQuery would leave
    // '&', '=' and '+' of the text as they are, so each value is encoded here.
    const auto encoded = [](const QString &text) {
        QString crlf = text;
        crlf.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        return QString::fromLatin1(QUrl::toPercentEncoding(crlf));
    };
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(letter.letter.recipient);
    url.setQuery(QStringLiteral("subject=%1&body=%2")
                     .arg(encoded(letter.composed.subject), encoded(letter.composed.body)),
                 QUrl::StrictMode);
    return url;
}

void CampaignLettersDialog::openInMailer()
{
    const int row = m_list->currentRow();
    if (m_busy || row < 0 || row >= m_letters.size())
        return;
    const PreparedLetter letter = m_letters.at(row);
    if (!QDesktopServices::openUrl(mailtoUrl(letter))) {
        m_status->setText(tr("No mail program could be opened for %1. Export the letter as .eml instead, "
                             "or send it from here.")
                              .arg(letter.letter.recipient));
        return;
    }
    m_busy = true;
    updateButtons();
    const QString storePath = m_storePath;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, letter] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_status->setText(error.isEmpty() ? tr("The letter to %1 is open in your mail program; it is sent when "
                                               "you send it there.")
                                                .arg(letter.letter.recipient)
                                          : error);
        updateButtons();
        emit exported(error);
    });
    watcher->setFuture(QtConcurrent::run(
        [storePath, letter] { return record(storePath, {letter}, QStringLiteral("mailer")); }));
}

QString CampaignLettersDialog::record(const QString &storePath, const QList<PreparedLetter> &letters,
                                      const QString &delivery)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    CampaignStore store(storePath);
    QString error;
    if (!store.open(&error))
        return tr("The letters went out but were not recorded: %1").arg(error);
    for (const PreparedLetter &letter : letters) {
        for (CampaignLetter entry : letter.records(delivery, now, QString())) {
            if (!store.addLetter(&entry, &error))
                return tr("The letters went out but were not recorded: %1").arg(error);
        }
    }
    return QString();
}

CampaignSendDialog *CampaignLettersDialog::sendChosen()
{
    const QList<PreparedLetter> letters = chosen();
    if (m_busy || letters.isEmpty())
        return nullptr;
    auto *dialog = new CampaignSendDialog(m_storePath, letters, m_from->text().trimmed(), m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CampaignSendDialog::sendFinished, this, [this](int sent) {
        if (sent > 0)
            emit this->sent();
    });
    dialog->open();
    return dialog;
}

void CampaignLettersDialog::exportEml(const QString &folder)
{
    runExport(QStringLiteral("eml"), folder);
}

void CampaignLettersDialog::exportMbox(const QString &file)
{
    runExport(QStringLiteral("mbox"), file);
}

void CampaignLettersDialog::runExport(const QString &delivery, const QString &target)
{
    const QList<PreparedLetter> letters = chosen();
    if (m_busy || letters.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Exporting %n letter(s)…", nullptr, int(letters.size())));
    const QString storePath = m_storePath;
    const QString sender = m_from->text().trimmed();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, target, letters] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_status->setText(error.isEmpty()
                              ? tr("%n letter(s) exported to %1; nothing was sent.", nullptr, int(letters.size()))
                                    .arg(QDir::toNativeSeparators(target))
                              : error);
        updateButtons();
        emit exported(error);
    });
    watcher->setFuture(QtConcurrent::run([storePath, delivery, target, letters, sender]() -> QString {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (delivery == QLatin1String("eml")) {
            for (const PreparedLetter &letter : letters) {
                const QString path = QDir(target).filePath(LetterBatch::fileName(letter.letter.recipient));
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly)
                    || file.write(letter.letter.message) != letter.letter.message.size() || !file.commit())
                    return tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            }
        } else {
            QList<MboxWriter::Entry> entries;
            for (const PreparedLetter &letter : letters)
                entries.append({sender, QDateTime::fromSecsSinceEpoch(now, Qt::UTC), letter.letter.message});
            QString error;
            if (!MboxWriter::write(target, entries, &error))
                return error;
        }
        return record(storePath, letters, delivery);
    }));
}

} // namespace mailtls
