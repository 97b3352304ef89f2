#pragma once

#include <optional>

#include <QDialog>
#include <QFileDialog>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "models/sources/localsourcediscovery.h"
#include "models/sources/sourcespec.h"
#include "widgets/sourceeditdialog.h"

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace mailtls {

class SourceManager;

// Asks, on the first start, where the mail server's log is: this computer's
// log file or journal when this user can read it (those it cannot are listed
// with what to do about them), a log on another computer over SSH (entered
// in the usual source editor), log files to import once, or the bundled demo
// data. It only asks: the owner acts on the choice (adds the source, imports
// the files, shows the demo).
class FirstRunAssistant final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Source, ImportFiles, Demo };
    Q_ENUM(Choice)

    // `candidates`: what LocalSourceDiscovery found. With a manager, the
    // source editor can test a source before it is chosen.
    FirstRunAssistant(const QList<LocalLogCandidate> &candidates, SourceManager *manager,
                      QWidget *parent = nullptr);
    ~FirstRunAssistant() override;

    // What was chosen; Choice::None until the assistant is accepted.
    Choice choice() const { return m_choice; }
    // The source to follow: a local log, or one entered in the editor.
    std::optional<SourceSpec> chosenSource() const;
    QStringList chosenImportFiles() const;
    bool chosenDemo() const { return m_choice == Choice::Demo; }

    // While open (tests): the source editor and the file picker.
    SourceEditDialog *sourceEditor() const { return m_editor; }
    QFileDialog *filePicker() const { return m_picker; }

    // Opens the source editor, or the file picker, for their options.
    void editRemoteSource();
    void chooseImportFiles();

    void accept() override;

private:
    QWidget *buildLocalOptions(const QList<LocalLogCandidate> &candidates);
    QRadioButton *addOption(const QString &text, const QString &description, const QString &name);
    void showRemoteSource();
    void showImportFiles();
    void finishIfAsked();

    SourceManager *m_manager;
    QList<LocalLogCandidate> m_readable;
    QButtonGroup *m_options = nullptr;
    QRadioButton *m_remoteOption = nullptr;
    QRadioButton *m_importOption = nullptr;
    QRadioButton *m_demoOption = nullptr;
    QLabel *m_remoteLabel = nullptr;
    QLabel *m_importLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<SourceEditDialog> m_editor;
    QPointer<QFileDialog> m_picker;

    std::optional<SourceSpec> m_remoteSource;
    QStringList m_importFiles;
    // Continue was pressed with an option still to fill in: the assistant
    // finishes once the editor or the picker gives it.
    bool m_finishWhenChosen = false;
    Choice m_choice = Choice::None;
    std::optional<SourceSpec> m_chosenSource;
};

} // namespace mailtls
