#pragma once

#include <QWizardPage>

class QGridLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace mailtls {

class FixWizard;

// Which fix to make: Logjam, STARTTLS (with a certificate and key to name) or
// TLS logging. A fix with nothing to change says so and cannot be chosen.
class FixChoosePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixChoosePage(FixWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    QLineEdit *fileChooser(const QString &name, const QString &accessibleName, const QString &caption,
                           QGridLayout *grid, int row, const QString &label);
    void setOption(int index, bool enabled, const QString &note);

    FixWizard *m_wizard;
    QRadioButton *m_logjam;
    QRadioButton *m_starttls;
    QRadioButton *m_logging;
    QLabel *m_logjamNote;
    QLabel *m_starttlsNote;
    QLabel *m_loggingNote;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
};

} // namespace mailtls
