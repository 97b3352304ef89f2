#include "widgets/fix/fixchoosepage.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "widgets/fix/fixwizard.h"

namespace mailtls {

FixChoosePage::FixChoosePage(FixWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_logjam(new QRadioButton(tr("&Logjam: replace a weak Diffie-Hellman group"), this))
    , m_starttls(new QRadioButton(tr("Turn &STARTTLS on"), this))
    , m_logging(new QRadioButton(tr("Turn TLS &logging on"), this))
    , m_logjamNote(new QLabel(this))
    , m_starttlsNote(new QLabel(this))
    , m_loggingNote(new QLabel(this))
{
    setObjectName(QStringLiteral("fixChoosePage"));
    setTitle(tr("Choose a fix"));
    setSubTitle(tr("Every change is shown before anything is written."));
    m_logjam->setObjectName(QStringLiteral("fixLogjam"));
    m_starttls->setObjectName(QStringLiteral("fixStarttls"));
    m_logging->setObjectName(QStringLiteral("fixTlsLogging"));
    m_logjam->setAccessibleName(tr("Logjam fix"));
    m_starttls->setAccessibleName(tr("Turn STARTTLS on"));
    m_logging->setAccessibleName(tr("Turn TLS logging on"));
    auto *group = new QButtonGroup(this);
    for (QRadioButton *button : {m_logjam, m_starttls, m_logging})
        group->addButton(button);
    connect(group, &QButtonGroup::buttonToggled, this, &FixChoosePage::completeChanged);
    for (QLabel *note : {m_logjamNote, m_starttlsNote, m_loggingNote}) {
        note->setWordWrap(true);
        note->setIndent(24);
    }
    m_logjamNote->setObjectName(QStringLiteral("logjamNote"));
    m_starttlsNote->setObjectName(QStringLiteral("starttlsNote"));
    m_loggingNote->setObjectName(QStringLiteral("tlsLoggingNote"));

    auto *files = new QGridLayout;
    files->setContentsMargins(24, 0, 0, 0);
    m_cert = fileChooser(QStringLiteral("certFile"), tr("Certificate file"), tr("The server's certificate chain"),
                         files, 0, tr("&Certificate (PEM):"));
    m_key = fileChooser(QStringLiteral("keyFile"), tr("Key file"), tr("The certificate's private key"), files, 1,
                        tr("&Key (PEM):"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_logjam);
    layout->addWidget(m_logjamNote);
    layout->addWidget(m_starttls);
    layout->addWidget(m_starttlsNote);
    layout->addLayout(files);
    layout->addWidget(m_logging);
    layout->addWidget(m_loggingNote);
    layout->addStretch(1);
}

QLineEdit *FixChoosePage::fileChooser(const QString &name, const QString &accessibleName, const QString &caption,
                                      QGridLayout *grid, int row, const QString &label)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    auto *text = new QLabel(label, this);
    text->setBuddy(edit);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setAccessibleName(tr("%1: choose a file").arg(accessibleName));
    connect(browse, &QPushButton::clicked, this, [this, edit, caption] {
        const QString path = QFileDialog::getOpenFileName(this, caption, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    connect(edit, &QLineEdit::textChanged, this, &FixChoosePage::completeChanged);
    grid->addWidget(text, row, 0);
    grid->addWidget(edit, row, 1);
    grid->addWidget(browse, row, 2);
    return edit;
}

// What each fix would change, worked out off the window's thread.
struct FixChoosePlans
{
    std::optional<ChangePlan> logjam;
    std::optional<ChangePlan> autoLogjam;
    std::optional<ChangePlan> starttls;
    std::optional<ChangePlan> logging;
    QString logjamError;
    QString starttlsError;
    QString loggingError;
};

namespace {

FixChoosePlans plansOf(const MailService &service)
{
    using Fix = MailService::Fix;
    FixChoosePlans p;
    const DhChoice rfc;
    p.logjam = service.plan(Fix::Logjam, rfc, QString(), QString(), &p.logjamError);
    if (p.logjam && !p.logjam->isEmpty() && service.autoDhAvailable()) {
        DhChoice automatic;
        automatic.kind = DhChoice::Kind::Auto;
        p.autoLogjam = service.plan(Fix::Logjam, automatic, QString(), QString(), &p.logjamError);
    }
    if (service.offers(Fix::StartTls))
        p.starttls = service.plan(Fix::StartTls, rfc, QString(), QString(), &p.starttlsError);
    if (service.offers(Fix::TlsLogging))
        p.logging = service.plan(Fix::TlsLogging, rfc, QString(), QString(), &p.loggingError);
    return p;
}

} // namespace

void FixChoosePage::initializePage()
{
    m_ready = false;
    const QString working = tr("Working out what this fix changes …");
    for (int i = 0; i < 3; ++i)
        setOption(i, false, working);
    emit completeChanged();
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<FixChoosePlans>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            showPlans(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([service = m_wizard->service()] { return plansOf(*service); }));
}

void FixChoosePage::cleanupPage()
{
    ++m_generation;
}

void FixChoosePage::showPlans(const FixChoosePlans &p)
{
    const MailService &service = *m_wizard->service();
    bool logjamNeeded = p.logjam && !p.logjam->isEmpty();
    if (logjamNeeded && service.autoDhAvailable())
        logjamNeeded = p.autoLogjam && !p.autoLogjam->isEmpty();
    setOption(0, logjamNeeded || !p.logjam,
              logjamNeeded ? tr("Use a strong published group, OpenSSL's own choice or a group of its own.")
                  : p.logjam ? tr("Nothing to change: the Diffie-Hellman group in use is already strong.")
                             : p.logjamError);

    const QString notHere = tr("Not a setting of %1.").arg(MailService::kindTitle(service.kind()));
    // Without certificate files the plan needs the server's own; it is
    // wanted unless it is empty with them too.
    const bool starttlsOffered = service.offers(FixWizard::Fix::StartTls);
    const bool starttlsNeeded = starttlsOffered && (!p.starttls || !p.starttls->isEmpty());
    setOption(1, starttlsNeeded,
              !starttlsOffered ? notHere
                  : starttlsNeeded
                  ? (service.hasServerCertificate()
                         ? tr("Offer STARTTLS and use it for outgoing mail; the certificate files are "
                              "optional (the server has one).")
                         : tr("Offer STARTTLS and use it for outgoing mail; name the certificate and key."))
                  : tr("Nothing to change: STARTTLS is offered and used for outgoing mail already."));

    const bool loggingOffered = service.offers(FixWizard::Fix::TlsLogging);
    const bool loggingNeeded = loggingOffered && (!p.logging || !p.logging->isEmpty());
    setOption(2, loggingNeeded,
              !loggingOffered ? notHere
                  : !p.logging ? p.loggingError
                  : loggingNeeded
                  ? tr("Log each TLS session, so that the dashboard can tell encrypted from plaintext mail.")
                  : tr("Nothing to change: TLS sessions are logged already."));
    m_ready = true;

    // The finding's own fix when it came from one, else the first needed.
    QRadioButton *const buttons[] = {m_logjam, m_starttls, m_logging};
    if (const std::optional<FixWizard::Fix> preferred = m_wizard->options().preferredFix) {
        QRadioButton *button = buttons[int(*preferred)];
        if (button->isEnabled()) {
            button->setChecked(true);
            emit completeChanged();
            emit plansShown();
            return;
        }
    }
    for (QRadioButton *button : buttons) {
        if (button->isEnabled()) {
            button->setChecked(true);
            break;
        }
    }
    emit completeChanged();
    emit plansShown();
}

void FixChoosePage::setOption(int index, bool enabled, const QString &note)
{
    QRadioButton *buttons[] = {m_logjam, m_starttls, m_logging};
    QLabel *notes[] = {m_logjamNote, m_starttlsNote, m_loggingNote};
    buttons[index]->setEnabled(enabled);
    if (!enabled)
        buttons[index]->setChecked(false);
    notes[index]->setText(note);
    notes[index]->setEnabled(enabled);
    if (index == 1) {
        m_cert->setEnabled(enabled);
        m_key->setEnabled(enabled);
    }
}

bool FixChoosePage::isComplete() const
{
    if (!m_ready)
        return false;
    if (m_starttls->isChecked())
        return m_cert->text().trimmed().isEmpty() == m_key->text().trimmed().isEmpty()
            && (m_wizard->service()->hasServerCertificate() || !m_cert->text().trimmed().isEmpty());
    return m_logjam->isChecked() || m_logging->isChecked();
}

bool FixChoosePage::validatePage()
{
    if (m_logjam->isChecked()) {
        m_wizard->setFix(FixWizard::Fix::Logjam);
    } else if (m_starttls->isChecked()) {
        m_wizard->setFix(FixWizard::Fix::StartTls);
        const auto absolute = [](const QString &path) {
            return path.trimmed().isEmpty() ? QString() : QFileInfo(path.trimmed()).absoluteFilePath();
        };
        m_wizard->setCertificate(absolute(m_cert->text()), absolute(m_key->text()));
    } else {
        m_wizard->setFix(FixWizard::Fix::TlsLogging);
    }
    return true;
}

int FixChoosePage::nextId() const
{
    return m_logjam->isChecked() ? FixWizard::DhPage : FixWizard::ReviewPage;
}

} // namespace mailtls
