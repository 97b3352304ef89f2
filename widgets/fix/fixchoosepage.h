#pragma once

#include <QWizardPage>

class QGridLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace mailtls {

class FixWizard;
struct FixChoosePlans;

// Which fix to make: Logjam, STARTTLS (with a certificate and key to name) or
// TLS logging. A fix with nothing to change says so and cannot be chosen.
class FixChoosePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixChoosePage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

signals:
    // What each fix changes has been worked out and shown.
    void plansShown();

private:
    QLineEdit *fileChooser(const QString &name, const QString &accessibleName, const QString &caption,
                           QGridLayout *grid, int row, const QString &label);
    void setOption(int index, bool enabled, const QString &note);
    void showPlans(const FixChoosePlans &plans);

    FixWizard *m_wizard;
    quint64 m_generation = 0;
    bool m_ready = false;
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
