#pragma once

#include <QByteArray>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace mailtls {

class DhGenerator;
class FixWizard;

// The Logjam fix's group: an RFC 7919 group, OpenSSL's automatic choice
// (Postfix ≥ 3.7 with OpenSSL 3), or a fresh group generated on a thread with
// progress and Cancel. Next is enabled once a choice is ready.
class FixDhPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixDhPage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void generate();
    void cancelGeneration();
    void updateControls();

    FixWizard *m_wizard;
    QRadioButton *m_rfc;
    QComboBox *m_group;
    QRadioButton *m_auto;
    QLabel *m_autoNote;
    QRadioButton *m_own;
    QComboBox *m_bits;
    QPushButton *m_generate;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    DhGenerator *m_generator;
    QByteArray m_pem;
    int m_pemBits = 0;
};

} // namespace mailtls
