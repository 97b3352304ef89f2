#include "widgets/filterbar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "models/itemmodels/recordtitles.h"
#include "models/settings/settings.h"
#include "widgets/dashboard/dashboardcontext.h"

namespace mailtls {

namespace {
using Range = DashboardContext::Range;
const Range Ranges[] = {Range::Day, Range::Week, Range::Month, Range::All, Range::Custom};
}

FilterBar::FilterBar(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_range(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_group(new QComboBox(this))
{
    setObjectName(QStringLiteral("filterBar"));
    for (Range range : Ranges)
        m_range->addItem(range == Range::Custom ? tr("Custom range…") : DashboardContext::rangeName(range),
                         int(range));
    m_range->setToolTip(tr("Which mail the figures count: by the time it arrived, or the connection was made"));
    m_range->setAccessibleName(tr("Time range"));

    m_direction->addItem(tr("All directions"));
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission})
        m_direction->addItem(RecordTitles::direction(d), int(d));
    m_direction->setToolTip(tr("Inbound: mail other servers sent to you. Outbound: mail your server relayed to "
                               "theirs. Submission: mail your own users sent through your server."));
    m_direction->setAccessibleName(tr("Direction"));

    m_group->addItem(tr("Host"), int(ReportFilter::GroupBy::Host));
    m_group->addItem(tr("Domain"), int(ReportFilter::GroupBy::Domain));
    m_group->setToolTip(tr("Count each mail server on its own, or together with the other servers of its "
                           "registrable domain (mx1.example.com and mx2.example.com as example.com)"));
    m_group->setAccessibleName(tr("Group peers by"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [this, layout](const QString &text, QComboBox *box) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        layout->addWidget(label);
        layout->addWidget(box);
        layout->addSpacing(8);
    };
    labelled(tr("&Range:"), m_range);
    labelled(tr("&Direction:"), m_direction);
    labelled(tr("&Group by:"), m_group);
    layout->addStretch(1);

    connect(m_range, &QComboBox::activated, this, &FilterBar::rangeChosen);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing)
            return;
        const QVariant d = m_direction->itemData(index);
        m_context->setDirection(d.isValid() ? std::optional<Direction>(Direction(d.toInt())) : std::nullopt);
    });
    connect(m_group, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_syncing)
            m_context->setGroupBy(ReportFilter::GroupBy(m_group->itemData(index).toInt()));
    });
    connect(m_context, &DashboardContext::filterChanged, this, &FilterBar::syncFromContext);
    syncFromContext();
}

void FilterBar::rangeChosen(int index)
{
    const Range range = Range(m_range->itemData(index).toInt());
    if (range == Range::Custom) {
        if (!askCustomRange())
            syncFromContext();
        return;
    }
    m_context->setRange(range);
}

bool FilterBar::askCustomRange()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom Range"));
    auto *form = new QFormLayout(&dialog);
    const ReportFilter current = m_context->filter();
    const QDate today = QDate::currentDate();
    auto *from = new QDateEdit(current.since ? QDateTime::fromSecsSinceEpoch(*current.since).date()
                                             : today.addDays(-30),
                               &dialog);
    auto *to = new QDateEdit(current.until ? QDateTime::fromSecsSinceEpoch(*current.until - 1).date() : today,
                             &dialog);
    for (QDateEdit *edit : {from, to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    from->setAccessibleName(tr("First day"));
    to->setAccessibleName(tr("Last day"));
    form->addRow(tr("&From:"), from);
    form->addRow(tr("&To:"), to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto check = [from, to, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(from->date() <= to->date());
    };
    connect(from, &QDateEdit::dateChanged, &dialog, check);
    connect(to, &QDateEdit::dateChanged, &dialog, check);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    // Whole local days: from the first's midnight to the midnight after the last.
    const qint64 since = from->date().startOfDay().toSecsSinceEpoch();
    const qint64 until = to->date().addDays(1).startOfDay().toSecsSinceEpoch();
    m_context->setRange(Range::Custom, since, until);
    return true;
}

void FilterBar::syncFromContext()
{
    m_syncing = true;
    m_range->setCurrentIndex(m_range->findData(int(m_context->range())));
    m_range->setItemText(m_range->findData(int(Range::Custom)),
                         m_context->range() == Range::Custom ? m_context->rangeTitle() : tr("Custom range…"));
    const std::optional<Direction> direction = m_context->direction();
    m_direction->setCurrentIndex(direction ? m_direction->findData(int(*direction)) : 0);
    m_group->setCurrentIndex(m_group->findData(int(m_context->groupBy())));
    m_syncing = false;
}

void FilterBar::restore(Settings &settings)
{
    const Range range = Range(qBound(0, settings.range(int(Range::All)), int(Range::Custom)));
    if (range == Range::Custom) {
        const qint64 since = settings.customSince();
        const qint64 until = settings.customUntil();
        m_context->setRange(range, since ? std::optional<qint64>(since) : std::nullopt,
                            until ? std::optional<qint64>(until) : std::nullopt);
    } else {
        m_context->setRange(range);
    }
    const int direction = settings.direction();
    m_context->setDirection(direction >= 0 && direction <= int(Direction::Submission)
                                ? std::optional<Direction>(Direction(direction))
                                : std::nullopt);
    m_context->setGroupBy(settings.groupBy() == int(ReportFilter::GroupBy::Domain) ? ReportFilter::GroupBy::Domain
                                                                                   : ReportFilter::GroupBy::Host);
    syncFromContext();
}

void FilterBar::save(Settings &settings) const
{
    settings.setRange(int(m_context->range()));
    const ReportFilter filter = m_context->filter();
    if (m_context->range() == Range::Custom)
        settings.setCustomRange(filter.since.value_or(0), filter.until.value_or(0));
    settings.setDirection(m_context->direction() ? int(*m_context->direction()) : -1);
    settings.setGroupBy(int(m_context->groupBy()));
}

} // namespace mailtls
