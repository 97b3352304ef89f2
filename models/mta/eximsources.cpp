#include "models/mta/eximsources.h"

#include <algorithm>

namespace mailtls {

namespace {

bool isRead(const EximConfig::Setting &setting)
{
    return setting.activity != EximConfig::Activity::Inactive;
}

QString assignment(const QByteArray &name, const QByteArray &value)
{
    return value.isEmpty() ? EximSources::tr("%1 = (empty)").arg(QString::fromUtf8(name))
                           : QStringLiteral("%1 = %2").arg(QString::fromUtf8(name), QString::fromUtf8(value));
}

} // namespace

EximSources::EximSources(const QList<File> &files, int local, bool separateLocal, const QByteArray &newFileHeader)
    : m_files(files)
    , m_local(local)
    , m_separateLocal(separateLocal)
    , m_header(newFileHeader)
{
    if (files.isEmpty() || local < 0 || local >= files.size()) {
        m_error = tr("No Exim configuration file to edit.");
        return;
    }
    for (const File &file : files) {
        EximConfig document;
        if (!document.setText(file.exists ? file.bytes : QByteArray(), file.path) && m_error.isEmpty())
            m_error = document.errorString();
        m_documents.append(document);
        m_summaries.append(QStringList());
        m_parameters.append(QList<QByteArray>());
    }
    evaluate(0);
}

void EximSources::evaluate(int from)
{
    QSet<QByteArray> defined = from > 0 ? m_documents.at(from - 1).definedMacros() : QSet<QByteArray>();
    for (qsizetype i = from; i < m_documents.size(); ++i) {
        m_documents[i].setPredefinedMacros(defined);
        defined = m_documents.at(i).definedMacros();
    }
}

QList<EximSources::Located> EximSources::options(const QByteArray &name) const
{
    QList<Located> result;
    for (qsizetype i = 0; i < m_documents.size(); ++i)
        for (const EximConfig::Setting &setting : m_documents.at(i).options(name))
            if (isRead(setting))
                result.append({int(i), setting});
    return result;
}

QList<EximSources::Located> EximSources::macros(const QByteArray &name) const
{
    QList<Located> result;
    for (qsizetype i = 0; i < m_documents.size(); ++i)
        for (const EximConfig::Setting &setting : m_documents.at(i).macros(name))
            result.append({int(i), setting});
    return result;
}

bool EximSources::isMacroDefined(const QByteArray &name) const
{
    return !m_documents.isEmpty() && m_documents.constLast().definedMacros().contains(name);
}

QByteArray EximSources::substituted(const QByteArray &value) const
{
    // The value each macro is read with: its first definition that is read
    // (a later ".ifndef" default is skipped because it is defined by then).
    QList<std::pair<QByteArray, QByteArray>> values;
    QSet<QByteArray> seen;
    for (const EximConfig &document : m_documents) {
        for (const EximConfig::Setting &setting : document.settings()) {
            if (setting.kind != EximConfig::Kind::Macro || !isRead(setting) || setting.redefinition
                || seen.contains(setting.name))
                continue;
            seen.insert(setting.name);
            values.append({setting.name, setting.value});
        }
    }
    // Longer names first: one name may be part of another.
    std::sort(values.begin(), values.end(),
              [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    QByteArray text = value;
    for (int round = 0; round < 8; ++round) {
        bool changed = false;
        for (const auto &[name, replacement] : std::as_const(values)) {
            if (text.contains(name)) {
                text.replace(name, replacement);
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return text;
}

std::optional<QByteArray> EximSources::resolvedValue(const QByteArray &option) const
{
    const QList<Located> located = options(option);
    if (located.isEmpty())
        return std::nullopt;
    return substituted(located.constLast().setting.value);
}

QStringList EximSources::problems() const
{
    QStringList result;
    for (qsizetype i = 0; i < m_documents.size(); ++i)
        for (const EximConfig::Problem &problem : m_documents.at(i).problems())
            result.append(QStringLiteral("%1: %2").arg(m_files.at(i).path, problem.message));
    return result;
}

void EximSources::note(int file, const QByteArray &parameter, const QString &summary)
{
    if (!m_summaries[file].contains(summary))
        m_summaries[file].append(summary);
    if (!m_parameters[file].contains(parameter))
        m_parameters[file].append(parameter);
}

EximSources::Edit EximSources::setAt(const QList<Located> &places, const QByteArray &value, const QByteArray &parameter,
                                     const QString &summary)
{
    // From the last line of each file: an edit removes continuation lines
    // below the line it changes only.
    QList<Located> order = places;
    std::sort(order.begin(), order.end(), [](const Located &a, const Located &b) {
        return a.file != b.file ? a.file < b.file : a.setting.line > b.setting.line;
    });
    Edit result = Edit::Unchanged;
    for (const Located &place : std::as_const(order)) {
        const Edit edit = m_documents[place.file].setValueAt(place.setting.line, value);
        if (edit == Edit::Invalid) {
            m_error = m_documents.at(place.file).errorString();
            return edit;
        }
        if (edit == Edit::Changed) {
            note(place.file, parameter, summary);
            result = Edit::Changed;
        }
    }
    if (result == Edit::Changed)
        evaluate(0);
    return result;
}

EximSources::Edit EximSources::onLocal(const std::function<Edit(EximConfig &)> &edit, const QByteArray &parameter,
                                       const QString &summary)
{
    EximConfig &document = m_documents[m_local];
    const bool fresh = !m_files.at(m_local).exists && document.text().isEmpty() && !m_header.isEmpty();
    EximConfig attempt = document;
    if (fresh)
        attempt.setText(m_header, m_files.at(m_local).path);
    const Edit result = edit(attempt);
    if (result == Edit::Invalid) {
        m_error = attempt.errorString();
        return result;
    }
    if (result == Edit::Changed) {
        document = attempt;
        note(m_local, parameter, summary);
        evaluate(m_local);
    }
    return result;
}

EximSources::Edit EximSources::setOption(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (!EximConfig::isOptionName(name)) {
        m_error = tr("\"%1\" is not an Exim option name.").arg(QString::fromUtf8(name));
        return Edit::Invalid;
    }
    const QList<Located> located = options(name);
    if (located.isEmpty()) {
        return onLocal([&](EximConfig &document) { return document.setOption(name, value); }, name,
                       assignment(name, value));
    }
    const QByteArray first = located.constFirst().setting.value;
    const bool oneMacro = EximConfig::isMacroName(first) && isMacroDefined(first)
        && std::all_of(located.cbegin(), located.cend(),
                       [&first](const Located &l) { return l.setting.value == first; });
    if (oneMacro) {
        const Edit edit = setMacroValue(first, value);
        if (edit != Edit::Changed)
            return edit;
        // The option is what changed, for the validation's output.
        for (qsizetype i = 0; i < m_documents.size(); ++i)
            if (m_parameters.at(i).contains(first) && !m_parameters.at(i).contains(name))
                m_parameters[i].append(name);
        return edit;
    }
    return setAt(located, value, name, assignment(name, value));
}

EximSources::Edit EximSources::setMacroValue(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (!EximConfig::isMacroName(name)) {
        m_error = tr("\"%1\" is not an Exim macro name.").arg(QString::fromUtf8(name));
        return Edit::Invalid;
    }
    const QList<Located> definitions = macros(name);
    for (const Located &definition : definitions) {
        if (definition.setting.redefinition && isRead(definition.setting)) {
            m_error = tr("%1 line %2 builds %3 up with \"==\": MailTLS does not change a macro made that way; "
                         "change it there by hand.")
                          .arg(m_files.at(definition.file).path)
                          .arg(definition.setting.line)
                          .arg(QString::fromUtf8(name));
            return Edit::Invalid;
        }
    }
    QList<Located> targets;
    for (const Located &definition : definitions) {
        if (!isRead(definition.setting) || definition.setting.redefinition)
            continue;
        // A default under ".ifndef NAME" gives way to the local file's definition.
        if (m_separateLocal && definition.setting.isDefaultOf(name) && definition.file != m_local)
            continue;
        targets.append(definition);
    }
    const QString summary = assignment(name, value);
    if (targets.isEmpty())
        return onLocal([&](EximConfig &document) { return document.setMacro(name, value); }, name, summary);
    return setAt(targets, value, name, summary);
}

EximSources::Edit EximSources::defineMacro(const QByteArray &name, const QByteArray &value)
{
    m_error.clear();
    if (isMacroDefined(name))
        return Edit::Unchanged;
    return setMacroValue(name, value);
}

EximSources::Edit EximSources::removeOption(const QByteArray &name)
{
    m_error.clear();
    const QList<Located> located = options(name);
    Edit result = Edit::Unchanged;
    QList<int> files;
    for (const Located &l : located)
        if (!files.contains(l.file))
            files.append(l.file);
    for (const int file : std::as_const(files)) {
        const Edit edit = m_documents[file].removeOption(name);
        if (edit == Edit::Invalid) {
            m_error = m_documents.at(file).errorString();
            return edit;
        }
        if (edit == Edit::Changed) {
            note(file, name, tr("%1 removed (Exim's default applies)").arg(QString::fromUtf8(name)));
            result = Edit::Changed;
        }
    }
    if (result == Edit::Changed)
        evaluate(0);
    return result;
}

QList<FileEdit> EximSources::edits() const
{
    QList<FileEdit> result;
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        const File &file = m_files.at(i);
        const QByteArray after = m_documents.at(i).text();
        if (file.exists && after == file.bytes)
            continue;
        if (!file.exists && !m_documents.at(i).isModified() && after.isEmpty())
            continue;
        FileEdit edit;
        edit.path = file.path;
        if (file.exists)
            edit.before = file.bytes;
        edit.after = after;
        edit.summary = m_summaries.at(i);
        edit.parameters = m_parameters.at(i);
        result.append(edit);
    }
    return result;
}

} // namespace mailtls
