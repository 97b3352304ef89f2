#pragma once

#include <functional>

#include <QDialog>
#include <QString>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace mailtls {

class SourceManager;

// Defines one source: a local log file, the journal of this machine, or a log
// file or journal on a host reached over SSH. Builds the source text from the
// fields, checks it with SourceSpec as the user types (OK stays disabled until
// it is a source, and the parser's message says why not), and can test it
// through the SourceManager without storing anything.
//
// What OK does is the owner's: the commit function (setCommit) adds or edits
// the source; when it refuses, its message is shown and the dialog stays open.
class SourceEditDialog final : public QDialog
{
    Q_OBJECT

public:
    // Returns false with a message when the source cannot be saved.
    using Commit = std::function<bool(const QString &specText, QString *error)>;

    // Without a manager, there is no Test button.
    explicit SourceEditDialog(SourceManager *manager, QWidget *parent = nullptr);
    ~SourceEditDialog() override;

    // Fills the fields from a source's text (editing an existing source).
    void setSpecText(const QString &specText);
    // The canonical text of the source the fields make; empty while they make none.
    QString specText() const { return m_valid ? m_spec : QString(); }
    bool isValid() const { return m_valid; }
    // Why the fields make no source (or why the commit refused); empty when all is well.
    QString message() const;

    void setCommit(Commit commit) { m_commit = std::move(commit); }

    // Starts a test of the current source; its result shows in the dialog.
    void startTest();
    bool isTesting() const { return !m_testedSpec.isEmpty(); }
    QString testResult() const;

    void accept() override;

signals:
    // The test's result is shown.
    void testShown(bool reached, const QString &message);

private:
    QWidget *buildFilePage();
    QWidget *buildJournalPage();
    QWidget *buildSshPage();
    void chooseFile();
    void kindChanged();
    void revalidate();
    // The source text the fields make, or an empty string with `problem` set
    // when a required field is empty.
    QString composeText(QString *problem) const;
    QString hostText() const;
    void showTestResult(const QString &specText, bool reached, const QString &message);
    void stopTest();

    SourceManager *m_manager;
    Commit m_commit;

    QButtonGroup *m_kinds = nullptr;
    QRadioButton *m_fileKind = nullptr;
    QRadioButton *m_journalKind = nullptr;
    QRadioButton *m_sshKind = nullptr;
    QStackedWidget *m_pages = nullptr;

    QLineEdit *m_path = nullptr;
    QLineEdit *m_unit = nullptr;

    QLineEdit *m_host = nullptr;
    QLineEdit *m_user = nullptr;
    QSpinBox *m_port = nullptr;
    QRadioButton *m_remoteFile = nullptr;
    QRadioButton *m_remoteJournal = nullptr;
    QLineEdit *m_remotePath = nullptr;
    QLineEdit *m_remoteUnit = nullptr;

    QLabel *m_specLabel = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_testResult = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_testButton = nullptr;

    QString m_spec;
    bool m_valid = false;
    QString m_testedSpec;   // the source under test; empty when none is
};

} // namespace mailtls
