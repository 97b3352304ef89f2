#pragma once

#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include "models/ingest/figuresloader.h"
#include "models/secrets/askpassserver.h"

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QTemporaryDir;

namespace mailtls {

class PeerFilterProxyModel;
class PeerTableModel;
class SourceManager;
class SourcesDialog;

// The main window: the per-peer table of encrypted and plaintext traffic.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the bundled demo logs (clearly marked as such).
    void loadDemo();
    // Imports these logs (complete files) into a private database and shows them.
    void loadLogs(const QStringList &logs, bool demo);

    PeerTableModel *peerModel() const { return m_model; }
    PeerFilterProxyModel *proxyModel() const { return m_proxy; }

    // The app's live sources, owned by the caller and opened before they are
    // set here (the manager's askpass server exists from open() on). The
    // Sources dialog manages them, and the questions ssh asks for them (host
    // keys, passwords) are answered here, in dialogs over this window.
    void setSourceManager(SourceManager *manager);
    SourceManager *sourceManager() const;
    QAction *sourcesAction() const { return m_sourcesAction; }
    // Opens the Sources dialog, or raises it when it is open.
    void showSources();
    // The Sources dialog once opened, else nullptr.
    SourcesDialog *sourcesDialog() const;
    // The dialog asking question `id` of the askpass server, while it asks.
    QDialog *questionDialog(quint64 id) const;

signals:
    void figuresShown();
    void loadFailed(const QString &error);

private:
    void buildMenus();
    void showResult();
    void updateTotals();
    void showAbout();
    void connectAskpass(AskpassServer *askpass);
    void askHostKey(quint64 id, const HostKeyQuestion &question, const QString &target);
    void askSecret(const AskpassServer::SecretQuestion &question);
    void closeQuestion(quint64 id);
    QWidget *questionParent();
    void bringToFront();
    void showSourceWarning(qint64 id, const QString &message);

    PeerTableModel *m_model = nullptr;
    PeerFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_banner = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_direction = nullptr;
    QLabel *m_totals = nullptr;
    QProgressBar *m_busy = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<FiguresLoader::Result> *m_watcher = nullptr;
    int m_loads = 0;

    QPointer<SourceManager> m_sourceManager;
    QAction *m_sourcesAction = nullptr;
    QPointer<SourcesDialog> m_sourcesDialog;
    QHash<quint64, QPointer<QDialog>> m_questions;
};

} // namespace mailtls
