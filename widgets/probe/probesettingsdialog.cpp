#include "widgets/probe/probesettingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "models/settings/settings.h"

namespace mailtls {

ProbeSettingsDialog::ProbeSettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_dnsServer(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_cache(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Probe Settings"));
    m_dnsServer->setPlaceholderText(tr("the system's resolver"));
    m_dnsServer->setAccessibleName(tr("DNS server"));
    m_dnsServer->setToolTip(tr("Every name a probe looks up (mail servers, their addresses, the MTA-STS policy "
                               "host) goes to this server, on port 53. Empty: the system's resolver."));
    m_timeout->setRange(1, 120);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setAccessibleName(tr("Timeout"));
    m_timeout->setToolTip(tr("How long a probe waits for a connection and for each reply"));
    m_concurrency->setRange(1, 16);
    m_concurrency->setAccessibleName(tr("Sessions at once"));
    m_concurrency->setToolTip(tr("SMTP sessions open at once over all servers; one server never gets two at once"));
    m_cache->setRange(0, 24 * 60);
    m_cache->setSuffix(tr(" min"));
    m_cache->setSpecialValueText(tr("not kept"));
    m_cache->setAccessibleName(tr("Keep results"));
    m_cache->setToolTip(tr("How long an address's result is reused instead of probing it again (0: never)"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    if (m_settings) {
        m_dnsServer->setText(m_settings->probeDnsServer());
        m_timeout->setValue(m_settings->probeTimeout());
        m_concurrency->setValue(m_settings->probeConcurrency());
        m_cache->setValue(m_settings->probeCacheMinutes());
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&DNS server:"), m_dnsServer);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("&Sessions at once:"), m_concurrency);
    form->addRow(tr("&Keep results for:"), m_cache);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dnsServer, &QLineEdit::textChanged, this, &ProbeSettingsDialog::check);
    check();
}

QString ProbeSettingsDialog::problem() const
{
    const QString server = m_dnsServer->text().trimmed();
    if (server.isEmpty() || !QHostAddress(server).isNull())
        return QString();
    return tr("\"%1\" is not an IP address: give the DNS server's IPv4 or IPv6 address (it is asked on port 53), "
              "or leave it empty for the system's resolver.")
        .arg(server);
}

void ProbeSettingsDialog::check()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void ProbeSettingsDialog::accept()
{
    if (!problem().isEmpty())
        return;
    if (m_settings) {
        m_settings->setProbeDnsServer(m_dnsServer->text().trimmed());
        m_settings->setProbeTimeout(m_timeout->value());
        m_settings->setProbeConcurrency(m_concurrency->value());
        m_settings->setProbeCacheMinutes(m_cache->value());
    }
    QDialog::accept();
}

} // namespace mailtls
