#include "models/domains/registrabledomain.h"

#include <QByteArray>
#include <QHostAddress>

#include <libpsl.h>

namespace mailtls {

namespace {

// The list installed with the system (updated with it), else the copy built
// into libpsl. Loaded once; libpsl only reads it afterwards, so lookups from
// several threads need no lock.
class PublicSuffixList final
{
public:
    PublicSuffixList()
        : m_latest(psl_latest(nullptr))
    {
    }
    ~PublicSuffixList() { psl_free(m_latest); }
    PublicSuffixList(const PublicSuffixList &) = delete;
    PublicSuffixList &operator=(const PublicSuffixList &) = delete;

    const psl_ctx_t *context() const { return m_latest ? m_latest : psl_builtin(); }

private:
    psl_ctx_t *m_latest;
};

const psl_ctx_t *publicSuffixList()
{
    static const PublicSuffixList list;
    return list.context();
}

bool isHostName(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    qsizetype labelLength = 0;
    for (const QChar c : name) {
        if (c == QLatin1Char('.')) {
            if (labelLength == 0)
                return false;
            labelLength = 0;
            continue;
        }
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            return false;
        if (++labelLength > 63)
            return false;
    }
    return labelLength > 0;
}

} // namespace

QString RegistrableDomain::of(const QString &host)
{
    QHostAddress address;
    if (host.isEmpty() || address.setAddress(host))
        return host;

    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (!isHostName(name))
        return host;

    const QByteArray utf8 = name.toUtf8();
    const psl_ctx_t *list = publicSuffixList();
    if (!list)
        return name;
    const char *domain = psl_registrable_domain(list, utf8.constData());
    if (!domain)
        return host; // a public suffix itself: nothing to merge under
    return QString::fromUtf8(domain);
}

} // namespace mailtls
