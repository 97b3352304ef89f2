#pragma once

#include <optional>

#include <QString>
#include <QWizardPage>

#include "models/mta/changeplan.h"

class QLabel;
class QPlainTextEdit;

namespace mailtls {

class FixWizard;

// The plan as a unified diff, before anything is written. An empty plan
// ("Nothing to change") ends the wizard here.
class FixReviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit FixReviewPage(FixWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override;

    QPlainTextEdit *diffView() const { return m_diff; }

private:
    FixWizard *m_wizard;
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    void show(const std::optional<ChangePlan> &plan, QString error);

    quint64 m_generation = 0;
    bool m_ready = false;
    bool m_empty = false;
};

} // namespace mailtls
