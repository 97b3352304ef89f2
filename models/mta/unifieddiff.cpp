#include "models/mta/unifieddiff.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QHash>

namespace mailtls {

namespace {

// One line of a text: [begin, end) in its bytes, the '\n' included when there is one.
struct LineSpan
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

std::vector<LineSpan> splitLines(const QByteArray &text)
{
    std::vector<LineSpan> lines;
    qsizetype begin = 0;
    while (begin < text.size()) {
        const qsizetype newline = text.indexOf('\n', begin);
        const qsizetype end = newline < 0 ? text.size() : newline + 1;
        lines.push_back({begin, end});
        begin = end;
    }
    return lines;
}

qsizetype countLines(const QByteArray &text)
{
    const qsizetype newlines = text.count('\n');
    return newlines + ((!text.isEmpty() && !text.endsWith('\n')) ? 1 : 0);
}

enum class Op : char { Equal, Delete, Insert };

// Myers' greedy shortest edit script of a against b (line ids). False when it
// needs more than maxEdits edits; `ops` is then left alone.
bool shortestEdits(const std::vector<int> &a, const std::vector<int> &b, int maxEdits, std::vector<Op> &ops)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int limit = std::min(n + m, maxEdits);
    const int offset = limit + 1;
    std::vector<int> v(size_t(2 * limit + 3), 0);
    // trace[d] holds v[-d..d] as it was after round d.
    std::vector<std::vector<int>> trace;

    int found = -1;
    for (int d = 0; d <= limit && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                ? v[size_t(offset + k + 1)]
                : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    }
    if (found < 0)
        return false;

    std::vector<Op> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &previous = trace[size_t(d - 1)];
        const auto at = [&previous, d](int k) { return previous[size_t(k + d - 1)]; };
        const int k = x - y;
        const int previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        const int previousX = at(previousK);
        const int previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            reversed.push_back(Op::Equal);
            --x;
            --y;
        }
        reversed.push_back(x == previousX ? Op::Insert : Op::Delete);
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::Equal);
        --x;
        --y;
    }
    ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
    return true;
}

// git's quoting of a path with bytes a diff header cannot carry plainly.
QByteArray headerPath(const QByteArray &prefix, const QString &path)
{
    QByteArray name = path.toUtf8();
    if (name.startsWith('/'))
        name.remove(0, 1);
    name.prepend(prefix);
    const bool plain = std::none_of(name.cbegin(), name.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f || c == '"' || c == '\\';
    });
    if (plain)
        return name;
    QByteArray quoted("\"");
    for (const char c : std::as_const(name)) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\t':
            quoted += "\\t";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        default:
            if (u < 0x20 || u == 0x7f) {
                quoted += '\\';
                quoted += char('0' + ((u >> 6) & 7));
                quoted += char('0' + ((u >> 3) & 7));
                quoted += char('0' + (u & 7));
            } else {
                quoted += c;
            }
        }
    }
    quoted += '"';
    return quoted;
}

// diff's range: "start,count", "start" for one line, "before,0" for none.
QByteArray range(qsizetype first, qsizetype count)
{
    if (count == 0)
        return QByteArray::number(first) + ",0";
    if (count == 1)
        return QByteArray::number(first + 1);
    return QByteArray::number(first + 1) + ',' + QByteArray::number(count);
}

void appendLine(QByteArray &out, char marker, const QByteArray &text, const LineSpan &line)
{
    out += marker;
    const bool newline = text.at(line.end - 1) == '\n';
    out.append(text.constData() + line.begin, line.end - line.begin - (newline ? 1 : 0));
    out += '\n';
    if (!newline)
        out += "\\ No newline at end of file\n";
}

} // namespace

QByteArray UnifiedDiff::make(const QString &oldPath, const QString &newPath, const QByteArray &before,
                             const QByteArray &after, int context, QString *error)
{
    if (error != nullptr)
        error->clear();
    if (before == after)
        return {};
    for (const QByteArray *side : {&before, &after}) {
        const QString which = side == &before ? oldPath : newPath;
        if (side->size() > MaxBytes) {
            if (error != nullptr)
                *error = tr("%1 is too large to compare: %2 bytes, at most %3.")
                             .arg(which)
                             .arg(side->size())
                             .arg(MaxBytes);
            return {};
        }
        const qsizetype lines = countLines(*side);
        if (lines > MaxLines) {
            if (error != nullptr)
                *error = tr("%1 has too many lines to compare: %2, at most %3.").arg(which).arg(lines).arg(MaxLines);
            return {};
        }
    }
    context = std::max(context, 0);

    const std::vector<LineSpan> oldLines = splitLines(before);
    const std::vector<LineSpan> newLines = splitLines(after);

    // Equal lines get equal ids, so the search compares integers.
    QHash<QByteArray, int> ids;
    const auto idsOf = [&ids](const QByteArray &text, const std::vector<LineSpan> &lines) {
        std::vector<int> result;
        result.reserve(lines.size());
        for (const LineSpan &line : lines) {
            const QByteArray bytes = QByteArray::fromRawData(text.constData() + line.begin, line.end - line.begin);
            auto it = ids.constFind(bytes);
            if (it == ids.cend())
                it = ids.insert(QByteArray(bytes.constData(), bytes.size()), int(ids.size()));
            result.push_back(it.value());
        }
        return result;
    };
    const std::vector<int> a = idsOf(before, oldLines);
    const std::vector<int> b = idsOf(after, newLines);

    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;

    std::vector<Op> ops(head, Op::Equal);
    const std::vector<int> middleA(a.begin() + qsizetype(head), a.end() - qsizetype(tail));
    const std::vector<int> middleB(b.begin() + qsizetype(head), b.end() - qsizetype(tail));
    if (!shortestEdits(middleA, middleB, MaxEdits, ops)) {
        ops.insert(ops.end(), middleA.size(), Op::Delete);
        ops.insert(ops.end(), middleB.size(), Op::Insert);
    }
    ops.insert(ops.end(), tail, Op::Equal);

    // Line numbers on both sides before each op.
    std::vector<qsizetype> oldAt(ops.size() + 1, 0);
    std::vector<qsizetype> newAt(ops.size() + 1, 0);
    for (size_t i = 0; i < ops.size(); ++i) {
        oldAt[i + 1] = oldAt[i] + (ops[i] != Op::Insert ? 1 : 0);
        newAt[i + 1] = newAt[i] + (ops[i] != Op::Delete ? 1 : 0);
    }

    QByteArray out;
    out += "--- " + headerPath("a/", oldPath) + '\n';
    out += "+++ " + headerPath("b/", newPath) + '\n';

    const size_t total = ops.size();
    const auto runEnd = [&ops, total](size_t from) {
        while (from < total && ops[from] != Op::Equal)
            ++from;
        return from;
    };
    const auto nextChange = [&ops, total](size_t from) {
        while (from < total && ops[from] == Op::Equal)
            ++from;
        return from;
    };
    const auto window = size_t(context);

    size_t start = nextChange(0);
    while (start < total) {
        size_t end = runEnd(start);
        for (size_t next = nextChange(end); next < total && next - end <= 2 * window; next = nextChange(end))
            end = runEnd(next);
        const size_t first = start > window ? start - window : 0;
        const size_t last = std::min(total, end + window);

        out += "@@ -" + range(oldAt[first], oldAt[last] - oldAt[first]) + " +"
            + range(newAt[first], newAt[last] - newAt[first]) + " @@\n";
        for (size_t i = first; i < last;) {
            if (ops[i] == Op::Equal) {
                appendLine(out, ' ', before, oldLines[size_t(oldAt[i])]);
                ++i;
                continue;
            }
            // A change shows its removed lines before its added ones, as diff does.
            const size_t changeEnd = runEnd(i);
            for (size_t j = i; j < changeEnd; ++j) {
                if (ops[j] == Op::Delete)
                    appendLine(out, '-', before, oldLines[size_t(oldAt[j])]);
            }
            for (size_t j = i; j < changeEnd; ++j) {
                if (ops[j] == Op::Insert)
                    appendLine(out, '+', after, newLines[size_t(newAt[j])]);
            }
            i = changeEnd;
        }
        start = nextChange(last);
    }
    return out;
}

} // namespace mailtls
