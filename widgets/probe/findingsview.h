#pragma once

#include <QList>
#include <QWidget>

#include "models/mta/mailservice.h"
#include "models/probe/probetypes.h"

class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace mailtls {

class ProbeFindingModel;

// A probe's findings, worst first, and beside them the selected one in full:
// its evidence (the exact reply or value seen) and the advice for the
// server's admin, read-only, with a button that copies it.
class FindingsView final : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsView(QWidget *parent = nullptr);

    // Shows these findings and selects the first (the worst).
    void setFindings(const QList<Finding> &findings);
    void clear();

    // The finding shown in the details pane; nullptr when none is selected.
    const Finding *currentFinding() const;
    void selectFinding(int modelRow);
    // The details pane's text: ProbeFindingModel::detailText of the current one.
    QString detailText() const;
    // Puts the details on the clipboard.
    void copyCurrent();

    QTableView *table() const { return m_table; }
    ProbeFindingModel *model() const { return m_model; }
    QPlainTextEdit *details() const { return m_details; }
    QPushButton *copyButton() const { return m_copy; }
    // "Fix on This Computer…": shown for a finding about an address of this
    // computer that a fix of the own mail server changes.
    QPushButton *fixButton() const { return m_fix; }
    // The fix for a finding, when it is about this computer.
    static std::optional<MailService::Fix> fixFor(const Finding &finding);
    QSplitter *splitter() const { return m_splitter; }

signals:
    void fixRequested(mailtls::MailService::Fix fix);

private:
    void showCurrent();

    ProbeFindingModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_fix = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace mailtls
