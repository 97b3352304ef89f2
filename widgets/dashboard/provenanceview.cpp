#include "widgets/dashboard/provenanceview.h"

#include <atomic>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFontInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/queryrunner.h"

namespace mailtls {

namespace {

// Each view has a query key of its own: two views open at once must not
// supersede each other's look-up.
std::atomic<quint64> nextView{0};

} // namespace

ProvenanceView::ProvenanceView(DashboardContext *context, RecordKind kind, qint64 recordId, const QString &subject,
                               QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_kind(kind)
    , m_recordId(recordId)
    , m_subject(subject)
    , m_queryKey(QStringLiteral("provenance-%1").arg(++nextView))
{
    setObjectName(QStringLiteral("provenanceView"));
    setWindowTitle(tr("Log lines – %1").arg(subject));
    setAccessibleName(tr("Log lines behind a record"));
    setSizeGripEnabled(true);
    resize(900, 360);

    m_subjectLabel = new QLabel(subject, this);
    QFont bold = m_subjectLabel->font();
    bold.setBold(true);
    m_subjectLabel->setFont(bold);
    m_subjectLabel->setWordWrap(true);
    m_subjectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("provenanceSource"));
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_offsets = new QLabel(this);
    m_offsets->setObjectName(QStringLiteral("provenanceOffsets"));
    m_offsets->setWordWrap(true);
    m_offsets->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_offsets->setToolTip(tr("Where each line starts in the source, in bytes from the start of its stream: "
                             "tools such as tail -c +N (add one) find them there."));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("provenanceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("provenanceLines"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!QFontInfo(mono).fixedPitch()) {
        // A platform without a fixed font of its own (no desktop theme).
        mono.setFamilies({QStringLiteral("monospace")});
        mono.setStyleHint(QFont::Monospace);
        mono.setFixedPitch(true);
    }
    m_text->setFont(mono);
    m_text->setAccessibleName(tr("Log lines"));
    m_text->setPlaceholderText(tr("Reading the log…"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = m_buttons->addButton(tr("&Copy lines"), QDialogButtonBox::ActionRole);
    m_copy->setToolTip(tr("Copy every line shown to the clipboard"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &ProvenanceView::copyLines);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_subjectLabel);
    layout->addWidget(m_source);
    layout->addWidget(m_offsets);
    layout->addWidget(m_problem);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_buttons);
    // The lines are what a keyboard user came for.
    m_text->setFocus();

    reload();
}

void ProvenanceView::reload()
{
    const RecordKind kind = m_kind;
    const qint64 id = m_recordId;
    m_context->runner()->run<Result>(
        this, m_queryKey,
        [kind, id](TrafficStore &store, QString *error) {
            // Reading the file belongs here too: a gzip log is decompressed up
            // to the last line wanted, which can take a while.
            Result result;
            const std::optional<RecordProvenance> provenance = store.provenance(kind, id, error);
            if (!provenance)
                return result;
            result.found = true;
            result.provenance = *provenance;
            LogLineReader::read(result.provenance, &result.lines, &result.readError);
            return result;
        },
        [this](const Result &result, const QString &error) { apply(result, error); });
}

void ProvenanceView::apply(const Result &result, const QString &error)
{
    m_lines.clear();
    m_text->setPlaceholderText(QString());
    if (!result.found) {
        m_text->setPlaceholderText(tr("No lines to show."));
        m_source->setText(QString());
        m_offsets->setText(QString());
        m_problem->setText(error.isEmpty() ? tr("This record is no longer in the store.")
                                           : tr("Cannot find this record: %1").arg(error));
        m_problem->show();
        m_text->clear();
        m_copy->setEnabled(false);
        emit loaded();
        return;
    }
    m_source->setText(describeSource(result.provenance));
    m_offsets->setText(describeOffsets(result.provenance.offsets));
    if (!result.readError.isEmpty()) {
        m_text->setPlaceholderText(tr("No lines to show."));
        m_problem->setText(tr("The lines cannot be shown: %1.").arg(result.readError));
        m_problem->show();
        m_text->clear();
        m_copy->setEnabled(false);
        emit loaded();
        return;
    }
    m_lines = result.lines;
    QStringList texts;
    bool cut = false;
    for (const LogLineText &line : std::as_const(m_lines)) {
        texts << line.text;
        cut = cut || line.truncated;
    }
    QString note;
    if (cut)
        note = tr("A line longer than %1 bytes is shown cut.").arg(LogLineReader::maxLineBytes);
    if (result.provenance.offsets.size() > size_t(m_lines.size()))
        note += (note.isEmpty() ? QString() : QStringLiteral(" "))
            + tr("Only the first %1 of its %2 lines are shown.")
                  .arg(m_lines.size())
                  .arg(result.provenance.offsets.size());
    m_problem->setText(note);
    m_problem->setVisible(!note.isEmpty());
    m_text->setPlainText(texts.join(QLatin1Char('\n')));
    m_copy->setEnabled(!m_lines.isEmpty());
    emit loaded();
}

QString ProvenanceView::linesText() const
{
    return m_text->toPlainText();
}

QString ProvenanceView::sourceText() const
{
    return m_source->text();
}

QString ProvenanceView::offsetsText() const
{
    return m_offsets->text();
}

QString ProvenanceView::problemText() const
{
    return m_problem->text();
}

void ProvenanceView::copyLines()
{
    QApplication::clipboard()->setText(linesText() + QLatin1Char('\n'));
}

QString ProvenanceView::describeSource(const RecordProvenance &provenance)
{
    if (provenance.sourceSpec.isEmpty())
        return tr("From the imported log %1").arg(QDir::toNativeSeparators(provenance.sourceName));
    if (provenance.sourceName == provenance.sourceSpec)
        return tr("From the followed source %1").arg(provenance.sourceSpec);
    return tr("From the followed source %1 (%2)").arg(provenance.sourceName, provenance.sourceSpec);
}

QString ProvenanceView::describeOffsets(const LineOffsets &offsets)
{
    QStringList numbers;
    for (const std::int64_t offset : offsets)
        numbers << QString::number(offset);
    if (numbers.size() == 1)
        return tr("One line, at byte %1 of the source's stream").arg(numbers.first());
    return tr("%1 lines, at bytes %2 of the source's stream").arg(numbers.size()).arg(numbers.join(QStringLiteral(", ")));
}

} // namespace mailtls
