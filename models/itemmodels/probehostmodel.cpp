#include "models/itemmodels/probehostmodel.h"

#include <algorithm>

#include <QLocale>

#include "models/itemmodels/probetitles.h"
#include "models/itemmodels/recordtitles.h"
#include "models/tls/knowndhgroups.h"

namespace mailtls {

namespace {

const QString none = QStringLiteral("–");

// The version a one-version profile tries; empty for the others.
QString versionOf(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::OnlyTls10:
        return QStringLiteral("1.0");
    case TlsProfile::OnlyTls11:
        return QStringLiteral("1.1");
    case TlsProfile::OnlyTls12:
        return QStringLiteral("1.2");
    case TlsProfile::OnlyTls13:
        return QStringLiteral("1.3");
    case TlsProfile::Default:
    case TlsProfile::DheOnly:
        break;
    }
    return QString();
}

QString keyExchangeText(const TlsHandshakeResult &tls)
{
    if (!tls.established)
        return QString();
    QString text = tls.keyExchange;
    if (!tls.group.isEmpty())
        text = text.isEmpty() ? tls.group : ProbeHostModel::tr("%1 (%2)").arg(text, tls.group);
    else if (tls.keyExchangeBits > 0)
        text = ProbeHostModel::tr("%1, %n bits", nullptr, tls.keyExchangeBits).arg(text);
    return text;
}

} // namespace

ProbeHostModel::ProbeHostModel(QObject *parent)
    : KeyedTableModel(parent)
{ }

ProbeHostModel::Row ProbeHostModel::rowOf(const AddressProbeResult &result, const QList<HostVerdict> &verdicts)
{
    Row row;
    row.mxName = result.mxName;
    row.address = result.address.toString();
    row.port = result.port;
    row.fromCache = result.fromCache;
    const auto verdict = std::find_if(verdicts.cbegin(), verdicts.cend(), [&result](const HostVerdict &v) {
        return v.mxName == result.mxName && v.address == result.address;
    });
    if (verdict != verdicts.cend())
        row.verdict = verdict->verdict;

    const auto primary = std::find_if(result.sessions.cbegin(), result.sessions.cend(),
                                      [](const SmtpSessionResult &s) { return s.profile == TlsProfile::Default; });
    if (primary != result.sessions.cend()) {
        row.completed = primary->outcome == SessionOutcome::Completed;
        row.note = primary->detail;
        const TlsHandshakeResult &tls = primary->tls;
        row.tls = tls.established;
        if (tls.established) {
            row.protocol = tls.protocol;
            row.cipher = tls.cipher;
            row.keyExchange = keyExchangeText(tls);
        }
        if (!tls.chain.isEmpty()) {
            const CertificateInfo &leaf = tls.chain.first();
            row.hasCertificate = true;
            row.subject = leaf.subject;
            row.subjectAltNames = leaf.subjectAltNames;
            row.issuer = leaf.issuer;
            row.notAfter = leaf.notAfter;
            row.verified = tls.certificateVerified;
            row.nameMatches = tls.nameMatches;
            row.verifyError = tls.verifyError;
        }
    }
    for (const SmtpSessionResult &session : result.sessions) {
        if (session.profile == TlsProfile::DheOnly) {
            if (session.tls.keyExchangeBits > 0
                && (session.tls.keyExchange == QLatin1String("DHE") || !session.tls.dhPrime.isEmpty())) {
                row.dhBits = session.tls.keyExchangeBits;
                if (const std::optional<KnownDhGroup> group = KnownDhGroups::identify(session.tls.dhPrime))
                    row.dhGroup = group->name;
            } else if (session.outcome == SessionOutcome::Completed && session.tlsAttempted) {
                row.dhBits = 0;
            }
            continue;
        }
        const QString version = versionOf(session.profile);
        if (version.isEmpty())
            continue;
        if (session.tls.established) {
            row.versions << version;
            row.versionNotes << tr("TLS %1: accepted").arg(version);
        } else {
            const QString why = !session.tls.error.isEmpty() ? session.tls.error : session.detail;
            row.versionNotes << (why.isEmpty() ? tr("TLS %1: refused").arg(version)
                                               : tr("TLS %1: refused (%2)").arg(version, why));
        }
    }
    return row;
}

void ProbeHostModel::setReport(const ProbeReport &report)
{
    QList<Row> rows;
    for (const AddressProbeResult &result : report.addresses)
        rows << rowOf(result, report.hostVerdicts);
    // An MX host with no address to probe still belongs in the list.
    for (const MxHost &host : report.mx.hosts) {
        const bool probed = std::any_of(report.addresses.cbegin(), report.addresses.cend(),
                                        [&host](const AddressProbeResult &a) { return a.mxName == host.name; });
        if (probed || !host.addresses.isEmpty())
            continue;
        Row row;
        row.mxName = host.name;
        row.note = host.error.isEmpty() ? tr("The host name has no address.") : host.error;
        rows << row;
    }
    resetRows(m_rows, rows);
}

void ProbeHostModel::clear()
{
    resetRows(m_rows, {});
}

int ProbeHostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeHostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProbeHostModel::text(const Row &row, Column column) const
{
    switch (column) {
    case MxColumn:
        return row.mxName;
    case AddressColumn:
        return row.address.isEmpty() ? tr("no address") : ProbeTitles::address(row.address, row.port);
    case VerdictColumn:
        return RecordTitles::verdict(row.verdict);
    case ProtocolColumn:
        if (row.tls)
            return row.protocol;
        return row.completed ? tr("Plaintext") : none;
    case CipherColumn:
        return row.tls ? row.cipher : none;
    case KeyExchangeColumn:
        return row.tls && !row.keyExchange.isEmpty() ? row.keyExchange : none;
    case DhColumn:
        if (row.dhBits < 0)
            return none;
        if (row.dhBits == 0)
            return tr("No DHE");
        return row.dhGroup.isEmpty() ? tr("%n bits", nullptr, row.dhBits)
                                     : tr("%n bits (%1)", nullptr, row.dhBits).arg(row.dhGroup);
    case VersionsColumn:
        return row.versions.isEmpty() ? none : row.versions.join(QStringLiteral(", "));
    case CertificateColumn:
        return row.hasCertificate ? row.subject : none;
    case ExpiresColumn:
        return row.hasCertificate && row.notAfter.isValid()
            ? QLocale().toString(row.notAfter.toUTC().date(), QStringLiteral("yyyy-MM-dd"))
            : none;
    case VerifiedColumn:
        if (!row.hasCertificate)
            return none;
        if (!row.verified)
            return tr("Not verified");
        return row.nameMatches ? tr("Verified") : tr("Other name");
    case ColumnCount:
        break;
    }
    return QString();
}

QVariant ProbeHostModel::sortValue(const Row &row, Column column) const
{
    switch (column) {
    case VerdictColumn:
        return int(row.verdict);
    case DhColumn:
        return row.dhBits;
    case ExpiresColumn:
        return row.notAfter.isValid() ? row.notAfter.toSecsSinceEpoch() : qint64(-1);
    case VerifiedColumn:
        return row.hasCertificate ? int(row.verified) * 2 + int(row.nameMatches) : -1;
    default:
        break;
    }
    return text(row, column);
}

QString ProbeHostModel::toolTip(const Row &row, Column column) const
{
    switch (column) {
    case MxColumn:
    case AddressColumn:
    case VerdictColumn: {
        QStringList lines {ProbeTitles::serverVerdictExplanation(row.verdict)};
        if (!row.note.isEmpty())
            lines << row.note;
        if (row.fromCache)
            lines << tr("From an earlier probe of this address (kept for a while so servers are not asked again).");
        return lines.join(QLatin1Char('\n'));
    }
    case VersionsColumn:
        return row.versionNotes.join(QLatin1Char('\n'));
    case DhColumn:
        if (row.dhBits < 0)
            return tr("Not measured: no TLS handshake offering only DHE was made.");
        if (row.dhBits == 0)
            return tr("The server accepts no finite-field Diffie-Hellman (DHE) cipher suite.");
        return tr("The Diffie-Hellman group a TLS 1.2 client offering only DHE cipher suites was given.");
    case CertificateColumn:
    case ExpiresColumn:
        if (!row.hasCertificate)
            return QString();
        return tr("Subject: %1\nNames: %2\nIssuer: %3\nExpires: %4")
            .arg(row.subject, row.subjectAltNames.join(QStringLiteral(", ")), row.issuer,
                 row.notAfter.toUTC().toString(Qt::ISODate));
    case VerifiedColumn:
        if (!row.hasCertificate)
            return QString();
        if (!row.verified)
            return row.verifyError.isEmpty() ? tr("The certificate chain does not lead to a trusted authority.")
                                             : row.verifyError;
        return row.nameMatches ? tr("Trusted, and valid for %1").arg(row.mxName)
                               : tr("Trusted, but not valid for %1").arg(row.mxName);
    default:
        break;
    }
    return QString();
}

QVariant ProbeHostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case SortRole:
        return sortValue(row, column);
    case VerdictRole:
        return int(row.verdict);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleDescriptionRole:
        if (column == VerdictColumn)
            return ProbeTitles::serverVerdictExplanation(row.verdict);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant ProbeHostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case MxColumn:
            return tr("MX host");
        case AddressColumn:
            return tr("Address");
        case VerdictColumn:
            return tr("Verdict");
        case ProtocolColumn:
            return tr("Protocol");
        case CipherColumn:
            return tr("Cipher suite");
        case KeyExchangeColumn:
            return tr("Key exchange");
        case DhColumn:
            return tr("DH group");
        case VersionsColumn:
            return tr("TLS versions");
        case CertificateColumn:
            return tr("Certificate");
        case ExpiresColumn:
            return tr("Expires");
        case VerifiedColumn:
            return tr("Verified");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case MxColumn:
            return tr("The mail server's name, as the domain's MX record names it");
        case AddressColumn:
            return tr("The address probed (each address of a server is probed on its own)");
        case VerdictColumn:
            return tr("Good, weak, no TLS or unreachable: what a sending mail server gets here");
        case ProtocolColumn:
            return tr("The TLS version a current client agreed on; \"Plaintext\" when no TLS could be set up");
        case CipherColumn:
            return tr("The cipher suite a current client agreed on");
        case KeyExchangeColumn:
            return tr("How a current client and the server agreed on their keys");
        case DhColumn:
            return tr("The size of the server's Diffie-Hellman group, measured with a client offering only DHE "
                      "cipher suites, and its name when it is a well-known (widely shared) one");
        case VersionsColumn:
            return tr("The TLS versions the server accepted, each tried on its own");
        case CertificateColumn:
            return tr("The subject of the server's certificate");
        case ExpiresColumn:
            return tr("When the server's certificate expires (UTC)");
        case VerifiedColumn:
            return tr("Whether the certificate leads to a trusted authority and is valid for the MX host's name");
        case ColumnCount:
            break;
        }
    }
    return QVariant();
}

} // namespace mailtls
