#include "widgets/fix/fixdhpage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"
#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixDhPage::FixDhPage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_rfc(new QRadioButton(tr("A published &RFC 7919 group:"), this))
    , m_group(new QComboBox(this))
    , m_auto(new QRadioButton(tr("&Automatic: OpenSSL chooses a published group of matching size"), this))
    , m_autoNote(new QLabel(this))
    , m_own(new QRadioButton(tr("&Generate a group of its own:"), this))
    , m_bits(new QComboBox(this))
    , m_generate(new QPushButton(tr("Generate"), this))
    , m_cancel(new QPushButton(tr("Cancel generation"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_generator(new DhGenerator(this))
{
    setObjectName(QStringLiteral("fixDhPage"));
    setTitle(tr("Diffie-Hellman parameters"));
    setSubTitle(tr("internet.nl and testssl.sh accept an RFC 7919 group of 3072 bits or more, OpenSSL's automatic "
                   "choice, and a group of its own of at least 2048 bits."));
    m_rfc->setObjectName(QStringLiteral("dhRfc7919"));
    m_auto->setObjectName(QStringLiteral("dhAuto"));
    m_own->setObjectName(QStringLiteral("dhGenerate"));
    m_group->setObjectName(QStringLiteral("dhGroup"));
    m_bits->setObjectName(QStringLiteral("dhBits"));
    m_generate->setObjectName(QStringLiteral("dhGenerateButton"));
    m_cancel->setObjectName(QStringLiteral("dhCancelButton"));
    m_progress->setObjectName(QStringLiteral("dhProgress"));
    m_progressText->setObjectName(QStringLiteral("dhProgressText"));
    m_rfc->setAccessibleName(tr("Use an RFC 7919 group"));
    m_group->setAccessibleName(tr("RFC 7919 group"));
    m_auto->setAccessibleName(tr("Let OpenSSL choose the group"));
    m_own->setAccessibleName(tr("Generate a group of its own"));
    m_bits->setAccessibleName(tr("Size of the generated group"));
    m_generate->setAccessibleName(tr("Generate the group"));
    m_cancel->setAccessibleName(tr("Cancel the generation"));
    m_progress->setAccessibleName(tr("Generation progress"));
    m_progressText->setAccessibleName(tr("Generation status"));
    m_autoNote->setWordWrap(true);
    m_autoNote->setIndent(24);
    m_progressText->setWordWrap(true);

    for (const QString &group : DhParameters::rfc7919Groups())
        m_group->addItem(group, group);
    m_group->setCurrentIndex(qMax(0, m_group->findData(QStringLiteral("ffdhe3072"))));
    const QLocale locale;
    for (int bits : DhGenerator::offeredBits())
        m_bits->addItem(tr("%1 bits").arg(locale.toString(bits)), bits);
    m_bits->setCurrentIndex(qMax(0, m_bits->findData(3072)));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);

    auto *choice = new QButtonGroup(this);
    for (QRadioButton *button : {m_rfc, m_auto, m_own})
        choice->addButton(button);
    m_rfc->setChecked(true);
    connect(choice, &QButtonGroup::buttonToggled, this, &FixDhPage::updateControls);
    connect(m_bits, &QComboBox::currentIndexChanged, this, [this] {
        m_pem.clear();
        updateControls();
    });
    connect(m_generate, &QPushButton::clicked, this, &FixDhPage::generate);
    connect(m_cancel, &QPushButton::clicked, this, &FixDhPage::cancelGeneration);
    connect(m_generator, &DhGenerator::progress, this, [this](int candidates, DhGenerator::Phase phase) {
        const QString count = QLocale().toString(candidates);
        m_progressText->setText(phase == DhGenerator::Phase::Searching
                                    ? tr("Searching for a safe prime: %1 candidates tried…").arg(count)
                                    : tr("Confirming a candidate (%1 tried)…").arg(count));
    });
    connect(m_generator, &DhGenerator::finished, this, [this](const QByteArray &pem) {
        m_pem = pem;
        m_pemBits = m_generator->bits();
        m_progressText->setText(tr("A group of %1 bits is ready (%2 candidates tried).")
                                    .arg(QLocale().toString(m_pemBits), QLocale().toString(m_generator->candidatesTried())));
        updateControls();
    });
    connect(m_generator, &DhGenerator::failed, this, [this](const QString &error) {
        m_progressText->setText(tr("The generation failed: %1").arg(error));
        updateControls();
    });
    connect(m_generator, &DhGenerator::cancelled, this, [this] {
        m_progressText->setText(tr("The generation was cancelled."));
        updateControls();
    });

    auto *grid = new QGridLayout;
    grid->addWidget(m_rfc, 0, 0);
    grid->addWidget(m_group, 0, 1);
    grid->addWidget(m_auto, 1, 0, 1, 3);
    grid->addWidget(m_autoNote, 2, 0, 1, 3);
    grid->addWidget(m_own, 3, 0);
    grid->addWidget(m_bits, 3, 1);
    grid->addWidget(m_generate, 3, 2);
    grid->setColumnStretch(3, 1);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(progress);
    layout->addWidget(m_progressText);
    layout->addStretch(1);
    updateControls();
}

void FixDhPage::initializePage()
{
    const MailService &service = *m_wizard->service();
    const bool autoOk = service.autoDhAvailable();
    m_auto->setEnabled(autoOk);
    m_autoNote->setText(autoOk ? tr("Preferred with %1: no file to keep up to date.").arg(service.versionText())
                               : service.autoDhUnavailableReason());
    if (autoOk)
        m_auto->setChecked(true);
    else if (m_auto->isChecked())
        m_rfc->setChecked(true);
    updateControls();
}

void FixDhPage::cleanupPage()
{
    cancelGeneration();
}

bool FixDhPage::isComplete() const
{
    if (m_own->isChecked())
        return !m_pem.isEmpty() && !m_generator->isRunning();
    return m_rfc->isChecked() || (m_auto->isChecked() && m_auto->isEnabled());
}

bool FixDhPage::validatePage()
{
    DhChoice choice;
    if (m_auto->isChecked()) {
        choice.kind = DhChoice::Kind::Auto;
    } else if (m_own->isChecked()) {
        choice.kind = DhChoice::Kind::Generated;
        choice.pem = m_pem;
    } else {
        choice.group = m_group->currentData().toString();
    }
    m_wizard->setDhChoice(choice);
    return true;
}

void FixDhPage::generate()
{
    m_pem.clear();
    if (!m_generator->start(m_bits->currentData().toInt()))
        return;
    m_progressText->setText(tr("Searching for a safe prime…"));
    updateControls();
}

void FixDhPage::cancelGeneration()
{
    if (m_generator->isRunning())
        m_generator->cancel();
}

void FixDhPage::updateControls()
{
    const bool running = m_generator->isRunning();
    const bool own = m_own->isChecked();
    m_group->setEnabled(m_rfc->isChecked() && !running);
    m_bits->setEnabled(own && !running);
    m_generate->setEnabled(own && !running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(own);
    m_cancel->setVisible(own);
    m_progressText->setVisible(own);
    // A busy indicator while OpenSSL searches: how long is not knowable, the
    // count of candidates below shows it moves.
    m_progress->setRange(0, running ? 0 : 1);
    m_progress->setValue(running || m_pem.isEmpty() ? 0 : 1);
    for (QRadioButton *button : {m_rfc, m_own})
        button->setEnabled(!running);
    m_auto->setEnabled(!running && m_wizard->service() && m_wizard->service()->autoDhAvailable());
    emit completeChanged();
}

} // namespace mailtls
