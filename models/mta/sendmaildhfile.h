#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "models/tls/dhparameters.h"

namespace mailtls {

// A DHParameters file as Sendmail reads it: PEM_read_bio_DHparams takes the
// first "DH PARAMETERS" or "X9.42 DH PARAMETERS" block and skips any other
// block before it. Debian's update_tls writes /etc/mail/tls/sendmail-common.prm
// that way (`openssl dsaparam` then `openssl dhparam -dsaparam`: a DSA
// PARAMETERS block, then the group in X9.42 form), which DhParameters alone
// would refuse. The group is judged by DhParameters (its size, whether it is
// a published one).
class SendmailDhFile final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailDhFile)

public:
    // `note` (when not null) gets a translated remark on how the file holds
    // the group, or stays empty for a plain PKCS#3 file.
    static DhFileInfo inspect(const QByteArray &data, QString *note = nullptr);
    static DhFileInfo inspectFile(const QString &path, QString *note = nullptr);
};

} // namespace mailtls
