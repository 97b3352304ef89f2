#include "models/itemmodels/sourcelistmodel.h"

#include <QLocale>
#include <QSet>

namespace mailtls {

namespace {

bool sameStatus(const SourceManager::Status &a, const SourceManager::Status &b)
{
    return a.id == b.id && a.spec == b.spec && a.name == b.name && a.state == b.state && a.reason == b.reason
           && a.needsUser == b.needsUser && a.paused == b.paused && a.position == b.position
           && a.linesRead == b.linesRead && a.rate == b.rate;
}

// Sources that want attention sort before those that run well.
int stateRank(const SourceManager::Status &s)
{
    if (s.needsUser)
        return 0;
    if (s.paused)
        return 5;
    switch (s.state) {
    case LogSource::State::Stopped: return 1;
    case LogSource::State::Connecting: return 2;
    case LogSource::State::Lagging: return 3;
    case LogSource::State::Following: return 4;
    }
    return 1;
}

// A stopped or paused source reads nothing: its last rate would mislead.
bool isReading(const SourceManager::Status &s)
{
    return !s.paused && (s.state == LogSource::State::Following || s.state == LogSource::State::Lagging);
}

} // namespace

SourceListModel::SourceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SourceListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QString SourceListModel::stateText(const SourceManager::Status &status)
{
    QString text;
    if (status.paused)
        text = tr("paused");
    else if (status.reason.isEmpty())
        text = LogSource::stateName(status.state);
    else
        text = tr("%1: %2").arg(LogSource::stateName(status.state), status.reason);
    return status.needsUser ? tr("⚠ %1").arg(text) : text;
}

void SourceListModel::setSources(const QList<SourceManager::Status> &sources)
{
    QSet<qint64> ids;
    for (const SourceManager::Status &s : sources)
        ids.insert(s.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (ids.contains(m_rows.at(row).id))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

    QList<SourceManager::Status> added;
    for (const SourceManager::Status &s : sources) {
        const int row = rowOf(s.id);
        if (row >= 0)
            replaceRow(row, s);
        else
            added.append(s);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

void SourceListModel::updateSource(const SourceManager::Status &status)
{
    const int row = rowOf(status.id);
    if (row >= 0)
        replaceRow(row, status);
}

void SourceListModel::replaceRow(int row, const SourceManager::Status &status)
{
    if (sameStatus(m_rows.at(row), status))
        return;
    m_rows[row] = status;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int SourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SourceManager::Status &s = m_rows.at(index.row());
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn: return s.name.isEmpty() ? s.spec : s.name;
        case StateColumn: return stateText(s);
        case LinesColumn: return locale.toString(s.linesRead);
        case RateColumn:
            if (!isReading(s))
                return QStringLiteral("–");
            return tr("%1 lines/s").arg(locale.toString(s.rate, 'f', s.rate < 10 ? 1 : 0));
        case PositionColumn: return locale.formattedDataSize(s.position, 1, QLocale::DataSizeIecFormat);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case SourceColumn: return s.name.isEmpty() ? s.spec : s.name;
        case StateColumn: return stateRank(s);
        case LinesColumn: return s.linesRead;
        case RateColumn: return isReading(s) ? s.rate : -1.0;
        case PositionColumn: return s.position;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SourceColumn: return s.spec;
        case StateColumn:
            if (s.needsUser)
                return tr("%1\nMailTLS waits for you: fix this, then press Retry.").arg(s.reason);
            if (s.paused)
                return tr("Paused: nothing is read from this source until you resume it.");
            if (!s.reason.isEmpty())
                return s.reason;
            break;
        case PositionColumn: return tr("Read up to byte %1 of the log").arg(locale.toString(s.position));
        default: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= LinesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole: return s.id;
    case NeedsUserRole: return s.needsUser;
    case PausedRole: return s.paused;
    default: break;
    }
    return QVariant();
}

QVariant SourceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SourceColumn: return tr("Source");
        case StateColumn: return tr("State");
        case LinesColumn: return tr("Lines read");
        case RateColumn: return tr("Rate");
        case PositionColumn: return tr("Position");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LinesColumn: return tr("Every line MailTLS has read from this source");
        case RateColumn: return tr("Lines read per second lately");
        case PositionColumn: return tr("How far into the log MailTLS has read and stored");
        default: break;
        }
    }
    return QVariant();
}

} // namespace mailtls
