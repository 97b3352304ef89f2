#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/mta/eximconfig.h"
#include "models/mta/fileedit.h"

namespace mailtls {

// The files Exim's main section is made of, in the order they are read: one
// configuration file, or Debian's pieces (exim4.conf.localmacros before
// exim4.conf.template; conf.d/main/* in run-parts order). Each file is an
// EximConfig whose conditions see the macros the files before it define.
//
// The edits follow Debian's README (2.1.3, "Using Exim Macros to control the
// configuration"): the user's own files stay untouched where a setting can
// go to the local file (`local`, the file read first):
// - setOption(): where an active line sets the option to a macro (Debian's
//   "tls_certificate = MAIN_TLS_CERTIFICATE"), the macro gets the value
//   (setMacroValue); where it sets it to anything else, that line is
//   changed in place; where nothing sets it, "option = value" goes to the
//   local file.
// - setMacroValue(): a definition of the user's own (not a default inside
//   ".ifndef NAME") is changed in place; otherwise the local file defines it,
//   which Debian's ".ifndef" defaults then leave alone. With one
//   configuration file (no separate local file) the definitions themselves
//   change.
// - defineMacro() defines a macro in the local file unless it is defined.
// - removeOption() deletes every line that sets the option.
class EximSources final
{
    Q_DECLARE_TR_FUNCTIONS(EximSources)

public:
    struct File
    {
        QString path;
        bool exists = false;
        QByteArray bytes;
    };

    struct Located
    {
        int file = 0;
        EximConfig::Setting setting;
    };

    using Edit = EximConfig::Edit;

    // `local` indexes `files`; `separateLocal` says whether it is a file of
    // its own (Debian) or the one configuration file. A missing local file
    // starts with `newFileHeader` when something is added to it.
    EximSources(const QList<File> &files, int local, bool separateLocal, const QByteArray &newFileHeader = {});

    bool isOk() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    int fileCount() const { return int(m_documents.size()); }
    QString path(int file) const { return m_files.at(file).path; }
    const EximConfig &document(int file) const { return m_documents.at(file); }

    // The lines that set the option and are read (active or unknown).
    QList<Located> options(const QByteArray &name) const;
    // Every definition of the macro, read or not.
    QList<Located> macros(const QByteArray &name) const;
    bool isMacroDefined(const QByteArray &name) const;
    // The value of the option's last active line with the macros the files
    // define substituted; nothing when no active line sets it.
    std::optional<QByteArray> resolvedValue(const QByteArray &option) const;
    // Problems of every file, "path: message".
    QStringList problems() const;

    Edit setOption(const QByteArray &name, const QByteArray &value);
    Edit setMacroValue(const QByteArray &name, const QByteArray &value);
    Edit defineMacro(const QByteArray &name, const QByteArray &value);
    Edit removeOption(const QByteArray &name);

    // One FileEdit per changed file, in reading order, with what changed in
    // `summary` and the options (and macros) changed in `parameters`.
    QList<FileEdit> edits() const;

private:
    void evaluate(int from);
    Edit setAt(const QList<Located> &places, const QByteArray &value, const QByteArray &parameter,
               const QString &summary);
    Edit onLocal(const std::function<Edit(EximConfig &)> &edit, const QByteArray &parameter, const QString &summary);
    void note(int file, const QByteArray &parameter, const QString &summary);
    QByteArray substituted(const QByteArray &value) const;

    QList<File> m_files;
    QList<EximConfig> m_documents;
    QList<QStringList> m_summaries;
    QList<QList<QByteArray>> m_parameters;
    int m_local = 0;
    bool m_separateLocal = false;
    QByteArray m_header;
    QString m_error;
};

} // namespace mailtls
