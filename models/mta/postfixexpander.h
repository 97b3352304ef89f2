#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QList>

namespace mailtls {

// What a parameter's value becomes once its $references are replaced.
struct PostfixExpansion
{
    QByteArray value;
    // The expanded name itself has a value (in main.cf or the defaults).
    bool defined = false;
    // Referenced names without a value: they expand to nothing, as in Postfix.
    QList<QByteArray> undefined;
    // Names whose reference leads back to themselves: that reference is kept
    // as written (Postfix itself refuses such a configuration).
    QList<QByteArray> cycles;
    // The value passed MaxLength bytes or MaxDepth nested references and was
    // cut there.
    bool truncated = false;
};

// Postfix's $parameter expansion (postconf(5), "$name" and its forms):
// $name, ${name}, $(name), $$ for a dollar, and the conditionals
// ${name?text}, ${name:text}, ${name?{text}}, ${name:{text}} and
// ${name?{text1}:{text2}} — "?" when name has a non-empty value, ":" when it
// has none. Anything else after a '$' (Postfix 3's relational ${{a}=={b}...})
// is kept as written.
//
// Values are bytes; expansion never looks at encodings. It is bounded: a
// chain of references that would grow exponentially stops at MaxLength.
class PostfixExpander final
{
public:
    static constexpr qsizetype MaxLength = 1024 * 1024;
    static constexpr int MaxDepth = 100;

    // A name's raw (unexpanded) value, nothing when it has none.
    using Lookup = std::function<std::optional<QByteArray>(const QByteArray &name)>;

    explicit PostfixExpander(Lookup lookup);

    PostfixExpansion expandName(const QByteArray &name) const;
    PostfixExpansion expandText(const QByteArray &text) const;

    // The characters of a name after '$' (letters, digits, '_').
    static bool isNameCharacter(char c);

private:
    struct State;

    void expandInto(const QByteArray &text, State &state) const;
    void expandLevel(const QByteArray &text, State &state) const;
    void substitute(const QByteArray &name, const QByteArray &asWritten, State &state) const;
    void conditional(const QByteArray &inner, const QByteArray &asWritten, State &state) const;
    static void append(State &state, const QByteArray &bytes);

    Lookup m_lookup;
};

} // namespace mailtls
