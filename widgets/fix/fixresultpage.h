#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace mailtls {

class FixWizard;

// The end: Done (and what the verification found) or Rolled back (which
// step failed, its exact output, and that the files were restored).
class FixResultPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixResultPage(FixWizard *wizard);

    void initializePage() override;

private:
    FixWizard *m_wizard;
    QLabel *m_message;
    QPlainTextEdit *m_output;
};

} // namespace mailtls
