#include "widgets/firstrunassistant.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>


namespace mailtls {

namespace {

// Button ids of the options that are not a local log (those count from 0).
enum OptionId { RemoteId = 1000, ImportId, DemoId };

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

FirstRunAssistant::FirstRunAssistant(const QList<LocalLogCandidate> &candidates, SourceManager *manager,
                                     QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_options(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("firstRunAssistant"));
    setWindowTitle(tr("Welcome to MailTLS"));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("MailTLS reads your mail server's log and shows how much of your mail travels "
                                "encrypted, and with whom it does not. Which log should it read?"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(buildLocalOptions(candidates));

    auto *others = new QGridLayout;
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    others->setColumnMinimumWidth(0, indent);
    others->setColumnStretch(1, 1);

    m_remoteOption = addOption(tr("Follow a log on &another computer over SSH"),
                               tr("Reads the log of a mail server you reach with ssh, as it is written."),
                               QStringLiteral("remoteOption"));
    auto *remoteButton = new QPushButton(tr("&Set Up…"), this);
    remoteButton->setObjectName(QStringLiteral("remoteSetUp"));
    remoteButton->setAccessibleName(tr("Set up the log on another computer"));
    m_remoteLabel = captionLabel(QString(), this);
    m_remoteLabel->setObjectName(QStringLiteral("remoteSource"));
    others->addWidget(m_remoteOption, 0, 0, 1, 2);
    others->addWidget(remoteButton, 0, 2);
    others->addWidget(m_remoteLabel, 1, 1, 1, 2);
    m_options->addButton(m_remoteOption, RemoteId);

    m_importOption = addOption(tr("&Import log files once"),
                               tr("Reads log files you have (also rotated or gzip-compressed ones) once; nothing is "
                                  "followed."),
                               QStringLiteral("importOption"));
    auto *importButton = new QPushButton(tr("C&hoose Files…"), this);
    importButton->setObjectName(QStringLiteral("importChoose"));
    importButton->setAccessibleName(tr("Choose log files to import"));
    m_importLabel = captionLabel(QString(), this);
    m_importLabel->setObjectName(QStringLiteral("importFiles"));
    others->addWidget(m_importOption, 2, 0, 1, 2);
    others->addWidget(importButton, 2, 2);
    others->addWidget(m_importLabel, 3, 1, 1, 2);
    m_options->addButton(m_importOption, ImportId);

    m_demoOption = addOption(tr("Look around with &demo data"),
                             tr("A sample log bundled with MailTLS, not your mail. The window says \"Demo data\" "
                                "while it shows it."),
                             QStringLiteral("demoOption"));
    others->addWidget(m_demoOption, 4, 0, 1, 3);
    others->addWidget(captionLabel(m_demoOption->accessibleDescription(), this), 5, 1, 1, 2);
    m_options->addButton(m_demoOption, DemoId);
    layout->addLayout(others);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *go = m_buttons->button(QDialogButtonBox::Ok);
    go->setText(tr("&Continue"));
    go->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Not &Now"));
    layout->addWidget(m_buttons);

    connect(remoteButton, &QPushButton::clicked, this, &FirstRunAssistant::editRemoteSource);
    connect(importButton, &QPushButton::clicked, this, &FirstRunAssistant::chooseImportFiles);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FirstRunAssistant::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FirstRunAssistant::reject);

    // The first log this user can read; without one, the demo.
    QAbstractButton *first = m_readable.isEmpty() ? m_demoOption : m_options->button(0);
    first->setChecked(true);
    first->setFocus();
    showRemoteSource();
    showImportFiles();
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

FirstRunAssistant::~FirstRunAssistant() = default;

QWidget *FirstRunAssistant::buildLocalOptions(const QList<LocalLogCandidate> &candidates)
{
    auto *box = new QWidget(this);
    auto *layout = new QGridLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    layout->setColumnMinimumWidth(0, indent);
    layout->setColumnStretch(1, 1);

    QStringList closed;
    for (const LocalLogCandidate &candidate : candidates) {
        if (candidate.status == LocalLogCandidate::Status::Unreadable)
            closed << candidate.reason;
        if (candidate.status != LocalLogCandidate::Status::Readable)
            continue;
        const int id = int(m_readable.size());
        m_readable << candidate;
        const QString text = id == 0 ? tr("&Follow %1 on this computer").arg(candidate.displayName())
                                     : tr("Follow %1 on this computer").arg(candidate.displayName());
        QRadioButton *option = addOption(text, tr("Reads it now and keeps reading as the mail server writes."),
                                         QStringLiteral("localOption%1").arg(id));
        m_options->addButton(option, id);
        layout->addWidget(option, layout->rowCount(), 0, 1, 2);
    }
    if (!m_readable.isEmpty())
        layout->addWidget(captionLabel(tr("Reads it now and keeps reading as the mail server writes."), box),
                          layout->rowCount(), 1);

    QString text;
    if (!closed.isEmpty())
        text = tr("This computer has a mail log you may not read yet:\n%1")
                   .arg(QStringLiteral("• ") + closed.join(QStringLiteral("\n• ")));
    else if (m_readable.isEmpty())
        text = tr("No mail server log was found on this computer.");
    if (!text.isEmpty()) {
        QLabel *label = captionLabel(text, box);
        label->setObjectName(QStringLiteral("localProblems"));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        layout->addWidget(label, layout->rowCount(), 0, 1, 2);
    }
    return box;
}

QRadioButton *FirstRunAssistant::addOption(const QString &text, const QString &description, const QString &name)
{
    auto *option = new QRadioButton(text, this);
    option->setObjectName(name);
    option->setAccessibleDescription(description);
    return option;
}

std::optional<SourceSpec> FirstRunAssistant::chosenSource() const
{
    return m_choice == Choice::Source ? m_chosenSource : std::nullopt;
}

QStringList FirstRunAssistant::chosenImportFiles() const
{
    return m_choice == Choice::ImportFiles ? m_importFiles : QStringList();
}

void FirstRunAssistant::showRemoteSource()
{
    m_remoteLabel->setText(m_remoteSource ? tr("Will follow %1").arg(m_remoteSource->displayName())
                                          : m_remoteOption->accessibleDescription());
}

void FirstRunAssistant::showImportFiles()
{
    if (m_importFiles.isEmpty()) {
        m_importLabel->setText(m_importOption->accessibleDescription());
        m_importLabel->setToolTip(QString());
        return;
    }
    QStringList names;
    QStringList paths;
    for (const QString &file : m_importFiles) {
        names << QFileInfo(file).fileName();
        paths << QDir::toNativeSeparators(file);
    }
    m_importLabel->setText(tr("Will import %1").arg(names.join(QStringLiteral(", "))));
    m_importLabel->setToolTip(paths.join(QLatin1Char('\n')));
}

void FirstRunAssistant::editRemoteSource()
{
    m_remoteOption->setChecked(true);
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    auto *editor = new SourceEditDialog(m_manager, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowTitle(tr("Log on Another Computer"));
    if (m_remoteSource) {
        editor->setSpecText(m_remoteSource->toString());
    } else if (auto *ssh = editor->findChild<QRadioButton *>(QStringLiteral("kindSsh"))) {
        // The editor starts at a local file; this option is about SSH.
        ssh->setChecked(true);
    }
    editor->setCommit([this](const QString &specText, QString *error) {
        std::optional<SourceSpec> spec = SourceSpec::parse(specText, error);
        if (!spec)
            return false;
        m_remoteSource = spec;
        showRemoteSource();
        return true;
    });
    connect(editor, &QDialog::finished, this, [this](int result) {
        if (result == QDialog::Accepted)
            finishIfAsked();
        m_finishWhenChosen = false;
    });
    m_editor = editor;
    editor->open();
}

void FirstRunAssistant::chooseImportFiles()
{
    m_importOption->setChecked(true);
    if (m_picker) {
        m_picker->raise();
        m_picker->activateWindow();
        return;
    }
    // Window-modal and answered through a signal: no nested event loop.
    auto *picker = new QFileDialog(this, tr("Choose Mail Logs to Import"), QStringLiteral("/var/log"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFiles);
    picker->setNameFilters({tr("All files (*)"), tr("Log files (*.log *.log.* *log *.gz)")});
    connect(picker, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        if (files.isEmpty())
            return;
        m_importFiles = files;
        showImportFiles();
        finishIfAsked();
    });
    connect(picker, &QDialog::finished, this, [this] { m_finishWhenChosen = false; });
    m_picker = picker;
    picker->open();
}

void FirstRunAssistant::finishIfAsked()
{
    if (!m_finishWhenChosen) {
        // Chosen with its own button: Continue is the next step, and Enter
        // would otherwise press that button again.
        m_buttons->button(QDialogButtonBox::Ok)->setFocus();
        return;
    }
    m_finishWhenChosen = false;
    accept();
}

void FirstRunAssistant::accept()
{
    const int id = m_options->checkedId();
    if (id == RemoteId && !m_remoteSource) {
        m_finishWhenChosen = true;
        editRemoteSource();
        return;
    }
    if (id == ImportId && m_importFiles.isEmpty()) {
        m_finishWhenChosen = true;
        chooseImportFiles();
        return;
    }
    m_chosenSource.reset();
    if (id >= 0 && id < m_readable.size()) {
        m_choice = Choice::Source;
        m_chosenSource = m_readable.at(id).spec();
    } else if (id == RemoteId) {
        m_choice = Choice::Source;
        m_chosenSource = m_remoteSource;
    } else if (id == ImportId) {
        m_choice = Choice::ImportFiles;
    } else if (id == DemoId) {
        m_choice = Choice::Demo;
    } else {
        return;
    }
    QDialog::accept();
}

} // namespace mailtls
