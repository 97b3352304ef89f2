#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QFormLayout;
class QLabel;
class QPushButton;

namespace mailtls {

// Asks whether to trust the host key of a host MailTLS has never connected
// to. Refusing is the default (Enter and Escape refuse): a key is accepted
// only by a deliberate click on Accept, after comparing the fingerprint.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    HostKeyDialog(const QString &host, int port, const QString &keyType, const QString &fingerprint,
                  QWidget *parent = nullptr);

    // The address ssh connected to, when it differs from the host's name.
    void setAddress(const QString &address);
    // The same key already trusted under other names ("FILE:LINE: NAME"):
    // then the host is likely known under a new name, not a new key.
    void setOtherNames(const QStringList &names);

    QString host() const { return m_host; }
    QString fingerprint() const { return m_fingerprint; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *refuseButton() const { return m_refuse; }

private:
    QString m_host;
    QString m_fingerprint;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_otherNames = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_refuse = nullptr;
};

} // namespace mailtls
