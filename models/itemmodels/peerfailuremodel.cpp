#include "models/itemmodels/peerfailuremodel.h"

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

bool sameFailure(const PeerFailure &a, const PeerFailure &b)
{
    return a.id == b.id && a.sourceId == b.sourceId && a.time == b.time && a.direction == b.direction
        && a.host == b.host && a.peerIp == b.peerIp && a.port == b.port && a.problem == b.problem
        && a.reason == b.reason;
}

} // namespace

PeerFailureModel::PeerFailureModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void PeerFailureModel::setFailures(const QList<PeerFailure> &failures)
{
    mergeRows(m_rows, failures, [](const PeerFailure &f) { return f.id; }, sameFailure);
}

void PeerFailureModel::clear()
{
    resetRows(m_rows, {});
}

int PeerFailureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerFailureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeerFailureModel::problemExplanation(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::None: return QString();
    case TlsProblem::NotOffered:
        return tr("TLS was required, but the peer did not offer STARTTLS; the mail waited or bounced.");
    case TlsProblem::CannotStart:
        return tr("STARTTLS was offered, but the TLS session could not be set up.");
    case TlsProblem::Handshake:
        return tr("The TLS handshake failed: usually no protocol version or cipher suite in common.");
    case TlsProblem::DhKeyTooSmall:
        return tr("The peer offered a Diffie-Hellman group smaller than OpenSSL accepts (Logjam); its "
                  "administrator needs larger DH parameters.");
    case TlsProblem::Certificate:
        return tr("The peer's certificate was not accepted (expired, untrusted issuer, or another name).");
    case TlsProblem::LostAfterStarttls:
        return tr("The connection dropped right after STARTTLS: often a client that gave up on the "
                  "handshake.");
    case TlsProblem::Other:
        return tr("Another TLS problem; the reason gives the mail server's words.");
    }
    return QString();
}

QVariant PeerFailureModel::display(const PeerFailure &f, int column) const
{
    switch (column) {
    case TimeColumn: return RecordTitles::time(f.time);
    case DirectionColumn: return RecordTitles::direction(f.direction);
    case HostColumn: return f.host;
    case AddressColumn: return RecordTitles::address(f.peerIp, f.port);
    case ProblemColumn: return RecordTitles::problem(f.problem);
    case ReasonColumn: return f.reason;
    }
    return QVariant();
}

QVariant PeerFailureModel::sortValue(const PeerFailure &f, int column) const
{
    switch (column) {
    case TimeColumn: return f.time;
    case DirectionColumn: return int(f.direction);
    case ProblemColumn: return RecordTitles::problem(f.problem);
    default: return display(f, column);
    }
}

QVariant PeerFailureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PeerFailure &f = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(f, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return tr("%1 UTC").arg(DashboardCsv::utc(f.time));
        case ProblemColumn: return problemExplanation(f.problem);
        case ReasonColumn: return f.reason;
        default: break;
        }
        break;
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: return sortValue(f, index.column());
    case RecordIdRole: return f.id;
    default: break;
    }
    return QVariant();
}

QVariant PeerFailureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time");
        case DirectionColumn: return tr("Direction");
        case HostColumn: return tr("Host");
        case AddressColumn: return tr("Address");
        case ProblemColumn: return tr("Problem");
        case ReasonColumn: return tr("Reason");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn: return tr("When the TLS attempt failed, in local time");
        case DirectionColumn: return tr("Inbound: the peer connected to us; outbound: we connected to it");
        case HostColumn: return tr("The peer's host name as the mail server logged it");
        case AddressColumn: return tr("The peer's IP address and port");
        case ProblemColumn: return tr("What kind of TLS trouble the log line names");
        case ReasonColumn: return tr("The mail server's own words");
        }
    }
    return QVariant();
}

} // namespace mailtls
