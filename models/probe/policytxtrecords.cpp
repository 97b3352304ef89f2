#include "models/probe/policytxtrecords.h"

#include <QList>
#include <QUrl>

namespace mailtls {

namespace {

// A TXT record may be up to 64 KiB; evidence shows its start.
constexpr qsizetype MaxShownRecord = 1024;

struct Field
{
    QString name;
    QString value;
};

bool isWsp(QChar c)
{
    return c == u' ' || c == u'\t';
}

QString trimmedWsp(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isWsp(text.at(begin)))
        ++begin;
    while (end > begin && isWsp(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

bool isAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// RFC 8461 sts-ext-name / RFC 8460 tlsrpt-ext-name.
bool isFieldName(const QString &name)
{
    if (name.isEmpty() || name.size() > 32 || !isAlnum(name.front()))
        return false;
    for (QChar c : name) {
        if (!isAlnum(c) && c != u'_' && c != u'-' && c != u'.')
            return false;
    }
    return true;
}

// sts-ext-value / tlsrpt-ext-value: visible ASCII except ";" and "=".
bool isFieldValue(const QString &value)
{
    if (value.isEmpty())
        return false;
    for (QChar c : value) {
        if (c < u'!' || c > u'~' || c == u';' || c == u'=')
            return false;
    }
    return true;
}

// A record of this kind: the version tag, then the end, white space or ";".
// "v=STSv10" is not an STSv1 record.
bool hasVersion(const QString &record, QLatin1String version)
{
    if (!record.startsWith(version))
        return false;
    if (record.size() == version.size())
        return true;
    const QChar next = record.at(version.size());
    return next == u';' || isWsp(next);
}

QString shown(const QString &text, qsizetype limit = 80)
{
    QString out;
    for (QChar c : text.left(limit))
        out.append(c.isPrint() ? c : QChar(u'?'));
    if (text.size() > limit)
        out.append(QStringLiteral("…"));
    return out;
}

// The fields after the version tag, and what is wrong with their syntax.
QList<Field> splitFields(const QString &record, QLatin1String version, QStringList &problems)
{
    QList<Field> fields;
    const QString rest = trimmedWsp(record.mid(version.size()));
    if (rest.isEmpty())
        return fields;
    if (!rest.startsWith(u';')) {
        problems.append(PolicyTxtRecords::tr("%1 must be followed by \";\"").arg(version));
        return fields;
    }
    const QStringList parts = rest.mid(1).split(u';');
    for (const QString &part : parts) {
        const QString field = trimmedWsp(part);
        // A trailing ";" leaves an empty last part, which the RFCs allow.
        if (field.isEmpty())
            continue;
        const qsizetype equals = field.indexOf(u'=');
        if (equals <= 0) {
            problems.append(PolicyTxtRecords::tr("\"%1\" is not a name=value field").arg(shown(field)));
            continue;
        }
        const QString name = field.left(equals);
        if (!isFieldName(name)) {
            problems.append(PolicyTxtRecords::tr("\"%1\" is not a valid field name").arg(shown(name)));
            continue;
        }
        fields.append({name, field.mid(equals + 1)});
    }
    return fields;
}

bool isReportUri(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return url.path().contains(u'@');
    if (scheme == QLatin1String("https"))
        return !url.host().isEmpty();
    return false;
}

QStringList recordsOfKind(const QStringList &txtRecords, QLatin1String version)
{
    QStringList records;
    for (const QString &txt : txtRecords) {
        if (hasVersion(txt, version))
            records.append(txt);
    }
    return records;
}

// DNS gives a record set in any order: sorted, the same records read the same.
QString shownRecords(const QStringList &records)
{
    QStringList out;
    for (const QString &record : records)
        out.append(shown(record, MaxShownRecord));
    out.sort();
    return out.join(u'\n');
}

} // namespace

void PolicyTxtRecords::readMtaSts(const QStringList &txtRecords, MtaStsResult &result)
{
    const QLatin1String version("v=STSv1");
    const QStringList records = recordsOfKind(txtRecords, version);
    result.recordFound = !records.isEmpty();
    result.record = shownRecords(records);
    result.id.clear();
    result.recordError.clear();
    if (records.isEmpty())
        return;
    if (records.size() > 1) {
        result.recordError = tr("%1 TXT records begin with v=STSv1; RFC 8461 allows exactly one, so "
                                "senders ignore MTA-STS")
                                 .arg(records.size());
        return;
    }

    QStringList problems;
    const QList<Field> fields = splitFields(records.first(), version, problems);
    bool haveId = false;
    for (const Field &field : fields) {
        if (field.name == QLatin1String("id")) {
            if (haveId) {
                problems.append(tr("a second id= field"));
                continue;
            }
            haveId = true;
            bool wellFormed = !field.value.isEmpty() && field.value.size() <= 32;
            for (QChar c : field.value)
                wellFormed = wellFormed && isAlnum(c);
            if (wellFormed)
                result.id = field.value;
            else
                problems.append(tr("id \"%1\" is not 1 to 32 letters and digits").arg(shown(field.value)));
        } else if (!isFieldValue(field.value)) {
            problems.append(tr("field %1 has a malformed value \"%2\"").arg(field.name, shown(field.value)));
        }
    }
    if (!haveId)
        problems.append(tr("the record has no id= field"));
    result.recordError = problems.join(QStringLiteral("; "));
}

void PolicyTxtRecords::readTlsRpt(const QStringList &txtRecords, TlsRptResult &result)
{
    const QLatin1String version("v=TLSRPTv1");
    const QStringList records = recordsOfKind(txtRecords, version);
    result.recordFound = !records.isEmpty();
    result.record = shownRecords(records);
    result.reportUris.clear();
    result.error.clear();
    if (records.isEmpty())
        return;
    if (records.size() > 1) {
        result.error = tr("%1 TXT records begin with v=TLSRPTv1; RFC 8460 allows exactly one, so "
                          "senders send no reports")
                           .arg(records.size());
        return;
    }

    QStringList problems;
    const QList<Field> fields = splitFields(records.first(), version, problems);
    bool haveRua = false;
    for (const Field &field : fields) {
        if (field.name != QLatin1String("rua")) {
            if (!isFieldValue(field.value))
                problems.append(tr("field %1 has a malformed value \"%2\"").arg(field.name, shown(field.value)));
            continue;
        }
        if (haveRua) {
            problems.append(tr("a second rua= field"));
            continue;
        }
        haveRua = true;
        const QStringList uris = field.value.split(u',');
        for (const QString &raw : uris) {
            const QString uri = trimmedWsp(raw);
            if (uri.isEmpty()) {
                problems.append(tr("rua= has an empty entry"));
                continue;
            }
            result.reportUris.append(uri);
            if (!isReportUri(uri))
                problems.append(tr("report address \"%1\" is neither a mailto: nor an https: URI").arg(shown(uri)));
        }
    }
    if (!haveRua)
        problems.append(tr("the record has no rua= field, so reports have nowhere to go"));
    result.error = problems.join(QStringLiteral("; "));
}

} // namespace mailtls
