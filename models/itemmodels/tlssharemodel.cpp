#include "models/itemmodels/tlssharemodel.h"

#include <initializer_list>

#include <QLocale>

#include "models/itemmodels/recordtitles.h"

namespace mailtls {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

TlsShareModel::Strength protocolStrength(const QString &name)
{
    if (name == QLatin1String("TLSv1.3") || name == QLatin1String("TLSv1.2"))
        return TlsShareModel::Strength::Current;
    // Deprecated by RFC 8996 (TLS 1.0, 1.1) or broken outright (SSL).
    if (name == QLatin1String("TLSv1") || name == QLatin1String("TLSv1.0") || name == QLatin1String("TLSv1.1")
        || name.startsWith(QLatin1String("SSLv")))
        return TlsShareModel::Strength::Weak;
    return TlsShareModel::Strength::Other;
}

// OpenSSL names ("ECDHE-RSA-AES128-GCM-SHA256") and IANA names
// ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") alike.
TlsShareModel::Strength cipherStrength(const QString &name)
{
    if (name.isEmpty())
        return TlsShareModel::Strength::Other;
    // Broken or export-grade ciphers and digests; "DES" also catches 3DES.
    if (containsAny(name, {"RC4", "RC2", "DES", "NULL", "EXP", "MD5", "IDEA"}))
        return TlsShareModel::Strength::Weak;
    // TLS 1.3 suites, and elliptic-curve Diffie-Hellman with an AEAD cipher:
    // forward secret and authenticated. Finite-field DHE is not here: its
    // group size is unknown (the page lists those peers apart).
    if (name.startsWith(QLatin1String("TLS_AES_")) || name.startsWith(QLatin1String("TLS_CHACHA20_")))
        return TlsShareModel::Strength::Current;
    if (name.contains(QLatin1String("ECDHE"), Qt::CaseInsensitive)
        && containsAny(name, {"GCM", "CHACHA20", "CCM"}))
        return TlsShareModel::Strength::Current;
    return TlsShareModel::Strength::Other;
}

TlsShareModel::Strength keyExchangeStrength(const QString &name)
{
    if (name.isEmpty())
        return TlsShareModel::Strength::Other;
    if (name.startsWith(QLatin1String("ffdhe"), Qt::CaseInsensitive)) {
        bool ok = false;
        const int bits = name.mid(5).toInt(&ok);
        if (!ok)
            return TlsShareModel::Strength::Other;
        return bits < 2048 ? TlsShareModel::Strength::Weak
                           : bits >= 3072 ? TlsShareModel::Strength::Current : TlsShareModel::Strength::Other;
    }
    // Elliptic curves, and the post-quantum hybrids (X25519MLKEM768).
    if (containsAny(name, {"X25519", "X448", "secp", "prime256", "brainpool", "P-256", "P-384", "P-521", "ECDHE",
                           "MLKEM", "Kyber"}))
        return TlsShareModel::Strength::Current;
    return TlsShareModel::Strength::Other;
}

} // namespace

TlsShareModel::TlsShareModel(Parameter parameter, QObject *parent)
    : QAbstractTableModel(parent)
    , m_parameter(parameter)
{
}

void TlsShareModel::setShares(const QList<TlsShare> &shares, qint64 encryptedConnections)
{
    // A chart redraws from its model whole, so a reset costs nothing more.
    beginResetModel();
    m_shares = shares;
    m_encryptedConnections = encryptedConnections;
    endResetModel();
}

TlsShareModel::Strength TlsShareModel::strengthOf(Parameter parameter, const QString &name)
{
    switch (parameter) {
    case Parameter::Protocol: return protocolStrength(name);
    case Parameter::Cipher: return cipherStrength(name);
    case Parameter::KeyExchange: return keyExchangeStrength(name);
    }
    return Strength::Other;
}

QString TlsShareModel::name(int row) const
{
    const QString &name = m_shares.at(row).name;
    return name.isEmpty() ? tr("(not logged)") : name;
}

TlsShareModel::Strength TlsShareModel::strength(int row) const
{
    return strengthOf(m_parameter, m_shares.at(row).name);
}

QString TlsShareModel::summary(int row) const
{
    const TlsShare &share = m_shares.at(row);
    const QLocale locale;
    return tr("%1: %2 of %3 encrypted connections (%4); peers: %5")
        .arg(name(row), locale.toString(share.connections), locale.toString(m_encryptedConnections),
             RecordTitles::percent(share.connections, m_encryptedConnections), locale.toString(share.peers));
}

QString TlsShareModel::parameterTitle() const
{
    switch (m_parameter) {
    case Parameter::Protocol: return tr("Protocol version");
    case Parameter::Cipher: return tr("Cipher suite");
    case Parameter::KeyExchange: return tr("Key exchange");
    }
    return QString();
}

QString TlsShareModel::strengthTitle(Strength strength) const
{
    switch (m_parameter) {
    case Parameter::Protocol:
        switch (strength) {
        case Strength::Current: return tr("Current (TLS 1.2, 1.3)");
        case Strength::Weak: return tr("Outdated (TLS 1.0, 1.1, SSL)");
        case Strength::Other: return tr("Other or not logged");
        }
        break;
    case Parameter::Cipher:
        switch (strength) {
        case Strength::Current: return tr("Forward secret, authenticated encryption");
        case Strength::Weak: return tr("Weak (RC4, DES, 3DES, NULL, export, MD5)");
        case Strength::Other: return tr("Other or not logged");
        }
        break;
    case Parameter::KeyExchange:
        switch (strength) {
        case Strength::Current: return tr("Elliptic curve or large group");
        case Strength::Weak: return tr("Group under 2048 bits");
        case Strength::Other: return tr("Other or not logged");
        }
        break;
    }
    return QString();
}

int TlsShareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shares.size());
}

int TlsShareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TlsShareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int row = index.row();
    const TlsShare &share = m_shares.at(row);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return name(row);
        case ConnectionsColumn: return locale.toString(share.connections);
        case ShareColumn: return RecordTitles::percent(share.connections, m_encryptedConnections);
        case PeersColumn: return locale.toString(share.peers);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn: return share.name;
        case ConnectionsColumn: return share.connections;
        case ShareColumn:
            return m_encryptedConnections > 0 ? double(share.connections) / double(m_encryptedConnections) : -1.0;
        case PeersColumn: return share.peers;
        }
        break;
    case StrengthRole:
        return int(strength(row));
    case Qt::ToolTipRole:
        return summary(row);
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        break;
    }
    return QVariant();
}

QVariant TlsShareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return parameterTitle();
        case ConnectionsColumn: return tr("Connections");
        case ShareColumn: return tr("Share");
        case PeersColumn: return tr("Peers");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn: return tr("As the mail server logged it; \"(not logged)\" counts encrypted connections "
                                   "whose log lines did not name it");
        case ConnectionsColumn: return tr("Encrypted connections that used it");
        case ShareColumn: return tr("Its share of all encrypted connections in the range");
        case PeersColumn: return tr("Peers that used it, each direction counted apart");
        }
    }
    return QVariant();
}

} // namespace mailtls
