#include "widgets/sourceeditdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include "models/sources/sourcemanager.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

namespace {

enum Page { FilePage, JournalPage, SshPage };

QLabel *selectableLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

SourceEditDialog::SourceEditDialog(SourceManager *manager, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
{
    setWindowTitle(tr("Source"));

    auto *kindBox = new QGroupBox(tr("Where the mail server's log is"), this);
    auto *kindLayout = new QVBoxLayout(kindBox);
    m_fileKind = new QRadioButton(tr("A log &file on this computer"), kindBox);
    m_journalKind = new QRadioButton(tr("The systemd &journal of this computer"), kindBox);
    m_sshKind = new QRadioButton(tr("Another computer, over &SSH"), kindBox);
    m_fileKind->setObjectName(QStringLiteral("kindFile"));
    m_journalKind->setObjectName(QStringLiteral("kindJournal"));
    m_sshKind->setObjectName(QStringLiteral("kindSsh"));
    m_kinds = new QButtonGroup(this);
    m_kinds->addButton(m_fileKind, FilePage);
    m_kinds->addButton(m_journalKind, JournalPage);
    m_kinds->addButton(m_sshKind, SshPage);
    kindLayout->addWidget(m_fileKind);
    kindLayout->addWidget(m_journalKind);
    kindLayout->addWidget(m_sshKind);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildFilePage());
    m_pages->addWidget(buildJournalPage());
    m_pages->addWidget(buildSshPage());

    auto *result = new QFormLayout;
    result->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_specLabel = selectableLabel(this);
    m_specLabel->setObjectName(QStringLiteral("spec"));
    result->addRow(tr("Source text:"), m_specLabel);

    m_message = selectableLabel(this);
    m_message->setObjectName(QStringLiteral("message"));

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->hide();
    m_testResult = selectableLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    if (m_manager) {
        m_testButton = m_buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
        m_testButton->setObjectName(QStringLiteral("testButton"));
        m_testButton->setToolTip(tr("Try to read the log now, without adding the source"));
        connect(m_testButton, &QPushButton::clicked, this, &SourceEditDialog::startTest);
        connect(m_manager, &SourceManager::testFinished, this, &SourceEditDialog::showTestResult);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SourceEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SourceEditDialog::reject);
    // Closing the dialog abandons the test: its result has nowhere to go.
    connect(this, &QDialog::finished, this, &SourceEditDialog::stopTest);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(kindBox);
    layout->addWidget(m_pages);
    layout->addLayout(result);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(m_testResult);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            kindChanged();
    });
    m_fileKind->setChecked(true);
    kindChanged();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

SourceEditDialog::~SourceEditDialog() = default;

QWidget *SourceEditDialog::buildFilePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_path = new QLineEdit(page);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setPlaceholderText(tr("/var/log/mail.log"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("browse"));
    connect(browse, &QPushButton::clicked, this, &SourceEditDialog::chooseFile);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *label = new QLabel(tr("Log &file:"), page);
    label->setBuddy(m_path);
    form->addRow(label, row);
    connect(m_path, &QLineEdit::textChanged, this, &SourceEditDialog::revalidate);
    return page;
}

QWidget *SourceEditDialog::buildJournalPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_unit = new QLineEdit(page);
    m_unit->setObjectName(QStringLiteral("unit"));
    m_unit->setPlaceholderText(tr("Optional, e.g. postfix@-.service"));
    m_unit->setToolTip(tr("Leave empty to read what the mail server usually logs under (postfix/*)."));
    form->addRow(tr("&Unit:"), m_unit);
    connect(m_unit, &QLineEdit::textChanged, this, &SourceEditDialog::revalidate);
    return page;
}

QWidget *SourceEditDialog::buildSshPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("mx.example.org, or a Host from ~/.ssh/config"));
    form->addRow(tr("&Host:"), m_host);

    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("Optional: from ~/.ssh/config, or your login name"));
    form->addRow(tr("&User:"), m_user);

    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Default"));
    m_port->setToolTip(tr("Default: the port from ~/.ssh/config, or 22"));
    form->addRow(tr("&Port:"), m_port);

    m_remoteFile = new QRadioButton(tr("Log fi&le:"), page);
    m_remoteFile->setObjectName(QStringLiteral("remoteFile"));
    m_remotePath = new QLineEdit(page);
    m_remotePath->setObjectName(QStringLiteral("remotePath"));
    m_remotePath->setPlaceholderText(tr("/var/log/mail.log"));
    form->addRow(m_remoteFile, m_remotePath);

    m_remoteJournal = new QRadioButton(tr("Jou&rnal, unit:"), page);
    m_remoteJournal->setObjectName(QStringLiteral("remoteJournal"));
    m_remoteUnit = new QLineEdit(page);
    m_remoteUnit->setObjectName(QStringLiteral("remoteUnit"));
    m_remoteUnit->setPlaceholderText(tr("Optional, e.g. postfix@-.service"));
    form->addRow(m_remoteJournal, m_remoteUnit);

    auto *remoteKinds = new QButtonGroup(page);
    remoteKinds->addButton(m_remoteFile);
    remoteKinds->addButton(m_remoteJournal);
    m_remoteFile->setChecked(true);
    m_remoteUnit->setEnabled(false);
    connect(m_remoteFile, &QRadioButton::toggled, this, [this](bool file) {
        m_remotePath->setEnabled(file);
        m_remoteUnit->setEnabled(!file);
        revalidate();
    });

    for (QLineEdit *edit : {m_host, m_user, m_remotePath, m_remoteUnit})
        connect(edit, &QLineEdit::textChanged, this, &SourceEditDialog::revalidate);
    connect(m_port, &QSpinBox::valueChanged, this, &SourceEditDialog::revalidate);
    return page;
}

void SourceEditDialog::chooseFile()
{
    const QFileInfo current(m_path->text());
    const QString folder = !m_path->text().isEmpty() && current.dir().exists() ? current.absolutePath()
                                                                               : QStringLiteral("/var/log");
    // Opened window-modal and answered through a signal: no nested event loop.
    auto *picker = new QFileDialog(this, tr("Choose the Mail Server's Log"), folder);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    picker->setNameFilters({tr("All files (*)"), tr("Log files (*.log)")});
    if (current.isFile())
        picker->selectFile(current.absoluteFilePath());
    connect(picker, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_path->setText(QDir::toNativeSeparators(file)); });
    picker->open();
}

void SourceEditDialog::kindChanged()
{
    const int page = m_kinds->checkedId();
    if (page < 0)
        return;
    m_pages->setCurrentIndex(page);
    // The fields sit right above the source text, whatever the size of the
    // other kinds' pages.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                          i == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    QWidget *first = page == FilePage ? static_cast<QWidget *>(m_path)
                     : page == JournalPage ? static_cast<QWidget *>(m_unit)
                                           : static_cast<QWidget *>(m_host);
    if (isVisible())
        first->setFocus();
    revalidate();
}

void SourceEditDialog::setSpecText(const QString &specText)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(specText, &error);
    if (!spec) {
        // Shown as typed, with the parser's message.
        m_fileKind->setChecked(true);
        m_path->setText(specText);
        return;
    }
    if (spec->isRemote()) {
        m_host->setText(spec->host);
        m_user->setText(spec->user);
        m_port->setValue(spec->port);
        if (spec->kind == SourceSpec::Kind::Journal) {
            m_remoteJournal->setChecked(true);
            m_remoteUnit->setText(spec->unit);
        } else {
            m_remoteFile->setChecked(true);
            m_remotePath->setText(spec->path);
        }
        m_sshKind->setChecked(true);
    } else if (spec->kind == SourceSpec::Kind::Journal) {
        m_unit->setText(spec->unit);
        m_journalKind->setChecked(true);
    } else {
        m_path->setText(QDir::toNativeSeparators(spec->path));
        m_fileKind->setChecked(true);
    }
    revalidate();
}

QString SourceEditDialog::composeText(QString *problem) const
{
    switch (m_kinds->checkedId()) {
    case FilePage:
        if (m_path->text().isEmpty()) {
            *problem = tr("Choose the log file to follow.");
            return QString();
        }
        return QDir::fromNativeSeparators(m_path->text());
    case JournalPage: {
        const QString unit = m_unit->text().trimmed();
        return unit.isEmpty() ? QStringLiteral("journal") : QStringLiteral("journal:") + unit;
    }
    default:
        break;
    }

    const QString host = hostText();
    if (host.isEmpty()) {
        *problem = tr("Give the host's name or address.");
        return QString();
    }
    const QString user = m_user->text().trimmed();
    // These would end the host or user part of the text early.
    if (host.contains(QLatin1Char('/')) || host.contains(QLatin1Char('@'))) {
        *problem = tr("\"%1\" is not a host name or address.").arg(host);
        return QString();
    }
    if (user.contains(QLatin1Char('/'))) {
        *problem = tr("\"%1\" is not a user name ssh can log in as.").arg(user);
        return QString();
    }
    QString text = QStringLiteral("ssh://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (m_port->value() != 0)
        text += QLatin1Char(':') + QString::number(m_port->value());

    if (m_remoteJournal->isChecked()) {
        const QString unit = m_remoteUnit->text().trimmed();
        return text + (unit.isEmpty() ? QStringLiteral("/journal") : QStringLiteral("/journal:") + unit);
    }
    QString path = m_remotePath->text();
    if (path.isEmpty()) {
        *problem = tr("Give the path of the log file on the host.");
        return QString();
    }
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    // Percent-encoded as SourceSpec writes it, so a path with '%', '#' or
    // spaces reads back as typed.
    return text + QString::fromLatin1(QUrl::toPercentEncoding(path, "/-._~:@+=,"));
}

QString SourceEditDialog::hostText() const
{
    // An IPv6 address may come in the brackets the source text puts around it.
    const QString host = m_host->text().trimmed();
    if (host.size() > 2 && host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        return host.mid(1, host.size() - 2);
    return host;
}

void SourceEditDialog::revalidate()
{
    QString problem;
    const QString text = composeText(&problem);
    std::optional<SourceSpec> spec;
    if (problem.isEmpty())
        spec = SourceSpec::parse(text, &problem);

    if (spec) {
        const int kind = m_kinds->checkedId();
        if (kind == SshPage) {
            // A '@' or '/' in a field moves the text's parts: the parser then
            // reads another host, user or unit than the one typed.
            const QString user = m_user->text().trimmed();
            const QString unit = m_remoteUnit->text().trimmed();
            if (spec->host != hostText())
                problem = tr("\"%1\" is not a host name or address.").arg(hostText());
            else if (spec->user != user)
                problem = tr("\"%1\" is not a user name ssh can log in as.").arg(user);
            else if (m_remoteJournal->isChecked() && spec->unit != unit)
                problem = tr("\"%1\" is not a systemd unit name.").arg(unit);
        } else if (kind == FilePage && (spec->isRemote() || spec->kind != SourceSpec::Kind::File)) {
            problem = tr("Give the path of a log file on this computer; for the journal or another computer, "
                         "choose those above.");
        }
    }

    m_valid = spec.has_value() && problem.isEmpty();
    const QString canonical = m_valid ? spec->toString() : QString();
    if (canonical != m_spec) {
        // The fields name another source now: a running test is about the old one.
        stopTest();
        m_testResult->clear();
        m_testResult->hide();
    }
    m_spec = canonical;
    m_specLabel->setText(m_valid ? m_spec : (text.isEmpty() ? QStringLiteral("–") : text));
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    if (m_testButton)
        m_testButton->setEnabled(m_valid && !isTesting());
}

QString SourceEditDialog::message() const
{
    return m_message->text();
}

QString SourceEditDialog::testResult() const
{
    return m_testResult->text();
}

void SourceEditDialog::startTest()
{
    if (!m_manager || !m_valid || isTesting())
        return;
    m_testedSpec = m_spec;
    m_testResult->setText(tr("Testing %1…").arg(m_spec));
    m_testResult->show();
    m_busy->show();
    m_testButton->setEnabled(false);
    m_manager->test(m_testedSpec);
}

void SourceEditDialog::stopTest()
{
    m_testedSpec.clear();
    m_busy->hide();
    if (m_testButton)
        m_testButton->setEnabled(m_valid);
}

void SourceEditDialog::showTestResult(const QString &specText, bool reached, const QString &message)
{
    if (!isTesting() || specText != m_testedSpec)
        return;
    stopTest();
    // The manager's message is a sentence of its own when the log was reached.
    QString text;
    if (reached)
        text = message.isEmpty() ? tr("MailTLS can read this log.") : message;
    else
        text = message.isEmpty() ? tr("MailTLS cannot read this log.")
                                 : tr("MailTLS cannot read this log: %1").arg(message);
    m_testResult->setText(text);
    m_testResult->show();
    emit testShown(reached, message);
}

void SourceEditDialog::accept()
{
    if (!m_valid)
        return;
    QString error;
    if (m_commit && !m_commit(m_spec, &error)) {
        m_message->setText(error);
        m_message->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace mailtls
