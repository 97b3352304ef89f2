#pragma once

#include <optional>

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace mailtls {

// A letter template of one language: the text MailTLS writes to a
// correspondent whose mail server failed a campaign, in sections.
//
//   [subject]             one line
//   [body]                the letter; {{failures}}, {{advice}} and {{probe}}
//                         take the sections below
//   [failure]             one failing server (repeated per server)
//   [direction:inbound]   the words for a direction, in [failure]
//   [direction:outbound]
//   [probe]               what a probe of one server found
//   [probe-none]          said instead when no server was probed
//   [advice:KIND]         one piece of advice per kind (adviceKinds())
//
// Lines starting with '#' before the first section are comments. Every
// section is required and every {{placeholder}} must be one its section
// knows: a template that breaks either rule is refused with the reasons,
// never used with a gap or a placeholder left in the text.
//
// The built-in templates are resources (:/letters/<language>.txt); the
// user's copy of one lives in userFolder().
class LetterTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(LetterTemplate)

public:
    // The built-in languages: "en", "de".
    static QStringList languages();
    // Advice kinds, in the order a letter gives them.
    static QStringList adviceKinds();
    // The sections every template has, in file order.
    static QStringList sectionNames();
    // The placeholders `section` may use.
    static QStringList placeholders(const QString &section);

    // The built-in template's text; empty for a language without one.
    static QString defaultText(const QString &language);
    // AppConfigLocation + "/letters".
    static QString userFolder();
    // userFolder() + "/<language>.txt".
    static QString userFile(const QString &language);

    // Parses `text`; on failure std::nullopt and `problems` says why, one
    // entry per problem ("line 12: unknown placeholder {{foo}} in [body]").
    static std::optional<LetterTemplate> parse(const QString &text, QStringList *problems);

    // The template of `language`: the user's copy at `userFile` when it
    // exists and parses, else the built-in one. `note` says why a copy
    // that exists was not used (unreadable, or its problems), else stays
    // empty. std::nullopt (and `note`) for a language with neither.
    static std::optional<LetterTemplate> load(const QString &language, const QString &userFile, QString *note);
    // load() with userFile(language).
    static std::optional<LetterTemplate> load(const QString &language, QString *note);

    QString section(const QString &name) const { return m_sections.value(name); }
    // Where the template came from: a file path, or ":/letters/<lang>.txt".
    QString origin() const { return m_origin; }

    // `text` with every {{name}} replaced by values[name]. parse() has
    // made sure a template's placeholders are known; a name missing from
    // `values` becomes empty.
    static QString fill(const QString &text, const QHash<QString, QString> &values);

private:
    LetterTemplate() = default;

    QHash<QString, QString> m_sections;
    QString m_origin;
};

} // namespace mailtls
