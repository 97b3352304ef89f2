#pragma once

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QString>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mailtls {

class SourceEditDialog;
class SourceListModel;
class SourceManager;

// The live sources MailTLS follows, with their state as it changes: add, edit,
// test, pause, retry and remove them. Everything it does goes through the
// SourceManager, which answers with signals; nothing here waits.
class SourcesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SourcesDialog(SourceManager *manager, QWidget *parent = nullptr);
    ~SourcesDialog() override;

    SourceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The selected source, -1 when none is.
    qint64 selectedId() const;
    void selectSource(qint64 id);
    // The source editor while one is open (Add…, Edit…, Test), else nullptr.
    SourceEditDialog *editor() const;
    // The line under the table: the selected source's state in full.
    QString stateLine() const;

    void addSource();
    void editSource();
    void testSource();
    void togglePaused();
    void retrySource();
    // Asks first; removing keeps the figures.
    void removeSource();

private:
    void reloadSources();
    void reloadSource(qint64 id);
    void rememberWarning(qint64 id, const QString &message);
    void openEditor(qint64 id, bool test);
    void selectPending();
    void updateSelection();

    SourceManager *m_manager;
    SourceListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_remove = nullptr;
    QPointer<SourceEditDialog> m_editor;
    QHash<qint64, QString> m_warnings;  // the last warning of each source
    QString m_pendingSelection;         // the spec of a source just added, to select when its row comes
};

} // namespace mailtls
