#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace mailtls {

class BackgroundImport;

// The status bar's view of a running import: what is read, how far, and a
// Cancel button. Hidden when no import runs.
class ImportStatus final : public QWidget
{
    Q_OBJECT

public:
    ImportStatus(BackgroundImport *import, QWidget *parent = nullptr);

    // Shows it for an import of these logs that has just started.
    void started(const QStringList &logs);

    QProgressBar *progressBar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }

private:
    BackgroundImport *m_import = nullptr;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace mailtls
