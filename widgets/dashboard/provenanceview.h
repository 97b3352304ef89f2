#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/store/loglinereader.h"
#include "models/store/recordprovenance.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mailtls {

class DashboardContext;

// The log lines behind one stored record (a connection, a TLS failure, a
// message), so a user can check a figure against the log: which source they
// came from, where in it (the byte offset of each line in the source's
// stream), and the lines themselves, verbatim in a read-only monospace view
// that can be selected and copied. The record is looked up and its lines
// read on the query thread; lines that cannot be read back any more (a
// rotated or replaced file, a journal, a remote host) are explained instead.
class ProvenanceView final : public QDialog
{
    Q_OBJECT

public:
    // `subject` says which record this is, in the words of the list it was
    // chosen from ("Outbound connection with …").
    ProvenanceView(DashboardContext *context, RecordKind kind, qint64 recordId, const QString &subject,
                   QWidget *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    qint64 recordId() const { return m_recordId; }
    QString subject() const { return m_subject; }

    // Looks the record up and reads its lines again.
    void reload();

    // The lines shown, one per line, without a final newline; empty until
    // they are read or when they cannot be.
    QString linesText() const;
    // Where they came from, and why they cannot be shown when they cannot.
    QString sourceText() const;
    QString offsetsText() const;
    QString problemText() const;
    const QList<LogLineText> &lines() const { return m_lines; }

    QPlainTextEdit *textView() const { return m_text; }
    QPushButton *copyButton() const { return m_copy; }

signals:
    // The lines, or the reason they cannot be shown, are on screen.
    void loaded();

private:
    struct Result
    {
        bool found = false;
        RecordProvenance provenance;
        QList<LogLineText> lines;
        QString readError;
    };

    void apply(const Result &result, const QString &error);
    void copyLines();
    static QString describeSource(const RecordProvenance &provenance);
    static QString describeOffsets(const LineOffsets &offsets);

    DashboardContext *m_context = nullptr;
    RecordKind m_kind;
    qint64 m_recordId;
    QString m_subject;
    QString m_queryKey;
    QList<LogLineText> m_lines;
    QLabel *m_subjectLabel = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_offsets = nullptr;
    QLabel *m_problem = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mailtls
