#pragma once

#include <functional>

#include <QObject>

class QWidget;

namespace mailtls {

// When a dashboard page re-reads the store: at once while it is visible;
// while hidden it only remembers that it is out of date, and re-reads when
// next shown. Every page shares one query thread, so a hidden page must not
// queue work in front of the one the user looks at.
class PageRefresh final : public QObject
{
public:
    PageRefresh(QWidget *page, std::function<void()> refresh);

    // The page's figures are out of date.
    void request();
    // The page has just re-read (its refresh() ran for any reason).
    void clear() { m_stale = false; }
    bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_page = nullptr;
    std::function<void()> m_refresh;
    bool m_stale = false;
};

} // namespace mailtls
