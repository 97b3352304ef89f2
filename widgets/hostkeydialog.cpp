#include "widgets/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/questiondialoglayout.h"

namespace mailtls {

namespace {

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

HostKeyDialog::HostKeyDialog(const QString &host, int port, const QString &keyType, const QString &fingerprint,
                             QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_fingerprint(fingerprint)
{
    setWindowTitle(tr("Unknown Host Key"));

    auto *heading = new QLabel(this);
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);
    heading->setText(tr("<b>Do you trust the host key of %1?</b>").arg(host.toHtmlEscaped()));

    auto *explanation = new QLabel(
        tr("MailTLS has never connected to this host. Compare the fingerprint with the one the server's "
           "administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the server) before "
           "accepting."),
        this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);

    auto *details = new QFormLayout;
    details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_hostLabel = valueLabel(host, this);
    m_hostLabel->setObjectName(QStringLiteral("host"));
    details->addRow(tr("Host:"), m_hostLabel);
    details->addRow(tr("Port:"), valueLabel(QLocale::c().toString(port), this));
    details->addRow(tr("Key type:"), valueLabel(keyType, this));
    auto *fingerprintLabel = valueLabel(fingerprint, this);
    fingerprintLabel->setObjectName(QStringLiteral("fingerprint"));
    fingerprintLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprintLabel->setWordWrap(true);
    details->addRow(tr("Fingerprint:"), fingerprintLabel);

    auto *after = new QLabel(tr("An accepted key is kept in MailTLS's own list of known hosts. Should the host "
                                "show another key later, MailTLS stops reading from it and tells you."),
                             this);
    after->setWordWrap(true);

    m_otherNames = new QLabel(this);
    m_otherNames->setObjectName(QStringLiteral("otherNames"));
    m_otherNames->setTextFormat(Qt::PlainText);
    m_otherNames->setWordWrap(true);
    m_otherNames->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_otherNames->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("&Accept"), QDialogButtonBox::AcceptRole);
    m_refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    // Enter must not accept a key: Accept never becomes the default, even
    // when it has the focus.
    m_accept->setAutoDefault(false);
    m_refuse->setAutoDefault(true);
    m_refuse->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(explanation);
    text->addLayout(details);
    text->addWidget(m_otherNames);
    text->addWidget(after);
    QuestionDialogLayout::arrange(this, QStyle::SP_MessageBoxWarning, text, buttons, 72);
    m_refuse->setFocus();
}

void HostKeyDialog::setAddress(const QString &address)
{
    if (address.isEmpty() || address == m_host)
        m_hostLabel->setText(m_host);
    else
        m_hostLabel->setText(tr("%1 (address %2)").arg(m_host, address));
}

void HostKeyDialog::setOtherNames(const QStringList &names)
{
    m_otherNames->setVisible(!names.isEmpty());
    m_otherNames->setText(tr("MailTLS already trusts this same key under other names:\n%1")
                              .arg(names.join(QLatin1Char('\n'))));
}

} // namespace mailtls
