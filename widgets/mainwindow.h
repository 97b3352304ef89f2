#pragma once

#include <memory>
#include <optional>

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include "models/ingest/backgroundimport.h"
#include "models/logs/records.h"
#include "models/mta/mailservice.h"
#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"
#include "models/secrets/askpassserver.h"

class QAction;
class QDialog;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTemporaryDir;

namespace mailtls {

class DashboardContext;
class FilterBar;
class FixWizard;
class ImportStatus;
class PeerDetailPage;
class ProbeSettingsDialog;
class ProbePage;
class ProbeService;
class Settings;
class SourceManager;
class SourcesDialog;

// The main window: the dashboard's pages (Overview, Peers, Peer detail, TLS
// quality) over one store, the filters above them, imports and live sources,
// and the Probe page with the window's one ProbeService, which keeps its
// reports in the store shown.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `settings` (may be null: nothing remembered) must outlive the window.
    explicit MainWindow(Settings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardContext *context() const { return m_context; }

    // Shows this store (the app's own, or any MailTLS store).
    void openStore(const QString &path, bool demo = false);
    // Imports the bundled demo logs into a private store and shows it, marked
    // as demo data.
    void loadDemo();
    // The store imports and live sources write to. Set by the app; without
    // one, imports go to a private store.
    void setAppStore(const QString &path);
    QString appStore() const { return m_appStore; }
    // Imports these logs into the app's store in the background and shows it;
    // the pages follow each committed batch.
    void importLogs(const QStringList &logs);
    BackgroundImport *backgroundImport() const { return m_import; }
    // Offers the local log or journal when readable, an SSH source, a file
    // import or the demo data, and acts on the choice; remembered as done.
    void runFirstRunAssistant();

    // The pages, by object name ("overviewPage", …), and the shown one.
    QWidget *page(const QString &name) const;
    QWidget *currentPage() const;
    void showPage(const QString &name);
    // Opens the peer detail page on this peer (as the filter names peers).
    void showPeer(const QString &peer, Direction direction);

    // The probes of every page run here; options from the settings.
    ProbeService *probeService() const { return m_probeService; }
    // Opens the probe settings (window-modal); accepted, they apply to the
    // probes started from then on.
    ProbeSettingsDialog *showProbeSettings();
    // Opens the Fix My Server wizard (non-modal) on the own Postfix, or with
    // `restore` on the list of backups.
    FixWizard *showFixWizard(bool restore = false, std::optional<MailService::Fix> fix = std::nullopt);
    // Shows the Probe page and probes this target there.
    void probeTarget(const ProbeTarget &target);
    // The probe options the settings ask for (defaults without settings).
    static ProbeOptions probeOptions(const Settings *settings);

    // The app's live sources, owned by the caller and opened before they are
    // set here (the manager's askpass server exists from open() on). The
    // Sources dialog manages them, and the questions ssh asks for them (host
    // keys, passwords) are answered here, in dialogs over this window.
    void setSourceManager(SourceManager *manager);
    SourceManager *sourceManager() const;
    QAction *sourcesAction() const { return m_sourcesAction; }
    QAction *importAction() const { return m_importAction; }
    // Opens the Sources dialog, or raises it when it is open.
    void showSources();
    // The Sources dialog once opened, else nullptr.
    SourcesDialog *sourcesDialog() const;
    // The dialog asking question `id` of the askpass server, while it asks.
    QDialog *questionDialog(quint64 id) const;

signals:
    // A store is shown (after openStore(), loadDemo() or an import's end).
    void storeShown();
    void loadFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildPages();
    void addPage(QWidget *page, const QString &title, const QString &icon, const QString &toolTip);
    void restoreSettings();
    void saveSettings();
    void showBanner(const QString &html);
    // openStore() without telling: the pages follow a store an import fills.
    void showStore(const QString &path, bool demo);
    void importFinished(const BackgroundImport::Result &result);
    void chooseImport();
    void showAbout();
    void connectAskpass(AskpassServer *askpass);
    void askHostKey(quint64 id, const HostKeyQuestion &question, const QString &target);
    void askSecret(const AskpassServer::SecretQuestion &question);
    void closeQuestion(quint64 id);
    QWidget *questionParent();
    void bringToFront();
    void showSourceWarning(qint64 id, const QString &message);

    Settings *m_settings = nullptr;
    DashboardContext *m_context = nullptr;
    FilterBar *m_filters = nullptr;
    QLabel *m_banner = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<QWidget *> m_pageList;   // by their index in m_pages (each inside a scroll area)
    PeerDetailPage *m_detail = nullptr;
    ProbePage *m_probePage = nullptr;
    ProbeService *m_probeService = nullptr;
    QString m_backPage;   // the page the peer detail page was opened from
    BackgroundImport *m_import = nullptr;
    ImportStatus *m_importStatus = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_appStore;
    bool m_importIsDemo = false;
    QString m_importTarget;

    QPointer<SourceManager> m_sourceManager;
    QAction *m_sourcesAction = nullptr;
    QAction *m_importAction = nullptr;
    QPointer<SourcesDialog> m_sourcesDialog;
    QHash<quint64, QPointer<QDialog>> m_questions;
};

} // namespace mailtls
