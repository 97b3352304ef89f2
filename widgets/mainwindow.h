#pragma once

#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QMainWindow>

#include "models/ingest/figuresloader.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QTemporaryDir;

namespace mailtls {

class PeerFilterProxyModel;
class PeerTableModel;

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

signals:
    void figuresShown();
    void loadFailed(const QString &error);

private:
    void buildMenus();
    void showResult();
    void updateTotals();
    void showAbout();

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
};

} // namespace mailtls
