#include "models/mta/postfixexpander.h"

#include <utility>

namespace mailtls {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

QByteArray trimmedLeft(const QByteArray &text)
{
    qsizetype start = 0;
    while (start < text.size() && isSpace(text.at(start)))
        ++start;
    return text.mid(start);
}

QByteArray trimmedRight(const QByteArray &text)
{
    qsizetype end = text.size();
    while (end > 0 && isSpace(text.at(end - 1)))
        --end;
    return text.left(end);
}

// Index of the bracket closing the one at `open` (nesting of the same kind
// counted, as Postfix's macro parser does), -1 when it is never closed.
qsizetype closingBracket(const QByteArray &text, qsizetype open)
{
    const char opening = text.at(open);
    const char closing = opening == '{' ? '}' : ')';
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text.at(i) == opening) {
            ++depth;
        } else if (text.at(i) == closing) {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

void addOnce(QList<QByteArray> &names, const QByteArray &name)
{
    if (!names.contains(name))
        names.append(name);
}

} // namespace

struct PostfixExpander::State
{
    PostfixExpansion result;
    QList<QByteArray> stack;
    // Nesting of references and conditionals together, so a value of nested
    // braces cannot recurse without bound.
    int depth = 0;
};

PostfixExpander::PostfixExpander(Lookup lookup)
    : m_lookup(std::move(lookup))
{ }

bool PostfixExpander::isNameCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

PostfixExpansion PostfixExpander::expandName(const QByteArray &name) const
{
    State state;
    const std::optional<QByteArray> raw = m_lookup(name);
    if (!raw)
        return state.result;
    state.result.defined = true;
    state.stack.append(name);
    expandInto(*raw, state);
    return state.result;
}

PostfixExpansion PostfixExpander::expandText(const QByteArray &text) const
{
    State state;
    state.result.defined = true;
    expandInto(text, state);
    return state.result;
}

void PostfixExpander::append(State &state, const QByteArray &bytes)
{
    if (state.result.truncated)
        return;
    const qsizetype room = MaxLength - state.result.value.size();
    if (bytes.size() > room) {
        state.result.value.append(bytes.left(room));
        state.result.truncated = true;
        return;
    }
    state.result.value.append(bytes);
}

void PostfixExpander::expandInto(const QByteArray &text, State &state) const
{
    if (state.depth >= MaxDepth) {
        state.result.truncated = true;
        return;
    }
    ++state.depth;
    expandLevel(text, state);
    --state.depth;
}

void PostfixExpander::expandLevel(const QByteArray &text, State &state) const
{
    qsizetype i = 0;
    while (i < text.size() && !state.result.truncated) {
        const qsizetype dollar = text.indexOf('$', i);
        if (dollar < 0) {
            append(state, text.mid(i));
            return;
        }
        append(state, text.mid(i, dollar - i));
        if (dollar + 1 >= text.size()) {
            append(state, QByteArray(1, '$'));
            return;
        }
        const char next = text.at(dollar + 1);
        if (next == '$') {
            append(state, QByteArray(1, '$'));
            i = dollar + 2;
        } else if (isNameCharacter(next)) {
            qsizetype end = dollar + 1;
            while (end < text.size() && isNameCharacter(text.at(end)))
                ++end;
            substitute(text.mid(dollar + 1, end - dollar - 1), text.mid(dollar, end - dollar), state);
            i = end;
        } else if (next == '{' || next == '(') {
            const qsizetype close = closingBracket(text, dollar + 1);
            if (close < 0) {
                append(state, text.mid(dollar));
                return;
            }
            conditional(text.mid(dollar + 2, close - dollar - 2), text.mid(dollar, close - dollar + 1), state);
            i = close + 1;
        } else {
            append(state, QByteArray(1, '$'));
            i = dollar + 1;
        }
    }
}

void PostfixExpander::substitute(const QByteArray &name, const QByteArray &asWritten, State &state) const
{
    if (state.stack.contains(name)) {
        addOnce(state.result.cycles, name);
        append(state, asWritten);
        return;
    }
    const std::optional<QByteArray> raw = m_lookup(name);
    if (!raw) {
        addOnce(state.result.undefined, name);
        return;
    }
    state.stack.append(name);
    expandInto(*raw, state);
    state.stack.removeLast();
}

void PostfixExpander::conditional(const QByteArray &inner, const QByteArray &asWritten, State &state) const
{
    qsizetype nameEnd = 0;
    while (nameEnd < inner.size() && isNameCharacter(inner.at(nameEnd)))
        ++nameEnd;
    const QByteArray name = inner.left(nameEnd);
    if (name.isEmpty()) {
        append(state, asWritten);
        return;
    }
    if (nameEnd == inner.size()) {
        substitute(name, asWritten, state);
        return;
    }
    const char op = inner.at(nameEnd);
    if (op != '?' && op != ':') {
        append(state, asWritten);
        return;
    }

    // Postfix 3's braced forms, else the older "rest of the text" form.
    QByteArray whenMatched = inner.mid(nameEnd + 1);
    std::optional<QByteArray> otherwise;
    const QByteArray argument = trimmedLeft(whenMatched);
    if (argument.startsWith('{')) {
        const qsizetype close = closingBracket(argument, 0);
        const QByteArray after = close < 0 ? QByteArray() : trimmedLeft(argument.mid(close + 1));
        if (close < 0) {
            append(state, asWritten);
            return;
        }
        whenMatched = argument.mid(1, close - 1);
        if (!after.isEmpty()) {
            const QByteArray second = trimmedRight(trimmedLeft(after.mid(1)));
            if (op != '?' || !after.startsWith(':') || !second.startsWith('{')
                || closingBracket(second, 0) != second.size() - 1) {
                append(state, asWritten);
                return;
            }
            otherwise = second.mid(1, second.size() - 2);
        }
    }

    const std::optional<QByteArray> raw = m_lookup(name);
    const bool hasValue = raw && !raw->isEmpty();
    if (op == '?') {
        if (hasValue)
            expandInto(whenMatched, state);
        else if (otherwise)
            expandInto(*otherwise, state);
    } else if (!hasValue) {
        expandInto(whenMatched, state);
    }
}

} // namespace mailtls
