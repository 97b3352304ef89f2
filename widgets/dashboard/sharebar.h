#pragma once

#include <QWidget>
#include <QtGlobal>

namespace mailtls {

// A thin horizontal bar split into an encrypted part and a plaintext part,
// in the chart colours (plaintext keeps its pattern, so the two differ
// without colour too). Empty (a neutral outline) when there is nothing.
class ShareBar final : public QWidget
{
    Q_OBJECT

public:
    explicit ShareBar(QWidget *parent = nullptr);

    void setParts(qint64 encrypted, qint64 whole);
    qint64 encrypted() const { return m_encrypted; }
    qint64 whole() const { return m_whole; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qint64 m_encrypted = 0;
    qint64 m_whole = 0;
};

} // namespace mailtls
