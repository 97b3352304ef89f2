#include "models/report/dashboardcsv.h"

#include <QDateTime>

#include "models/probe/probejson.h"
#include "models/store/peerdirectory.h"
#include "models/store/recordcodes.h"

namespace mailtls {

namespace {

QString number(qint64 value)
{
    return QString::number(value);
}

QString directionsOf(const ReportFilter &filter)
{
    QStringList names;
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        if (filter.directions.isEmpty() || filter.directions.contains(d))
            names << directionName(d);
    }
    return names.join(QStringLiteral(", "));
}

// "TLSv1.3 (8); TLSv1.2 (1)"; encrypted connections without details are
// "(not logged)".
QString countList(const QList<TlsCount> &counts)
{
    QStringList parts;
    for (const TlsCount &c : counts) {
        parts << QStringLiteral("%1 (%2)")
                     .arg(c.name.isEmpty() ? QStringLiteral("(not logged)") : c.name)
                     .arg(c.connections);
    }
    return parts.join(QStringLiteral("; "));
}

QString trustWord(Trust trust)
{
    return trust == Trust::Unknown ? QString() : RecordCodes::trustName(trust);
}

QString verdictWord(TlsLogging verdict)
{
    switch (verdict) {
    case TlsLogging::TooFewConnections: return QStringLiteral("too-few-connections");
    case TlsLogging::Logged: return QStringLiteral("logged");
    case TlsLogging::DetailsNotLogged: return QStringLiteral("details-not-logged");
    case TlsLogging::NothingEncrypted: return QStringLiteral("nothing-encrypted");
    }
    return QString();
}

QString sideWord(Correspondent::Side side)
{
    return side == Correspondent::Side::Ours ? QStringLiteral("ours") : QStringLiteral("theirs");
}

QString nameOrNotLogged(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("(not logged)") : name;
}

} // namespace

QString DashboardCsv::utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString DashboardCsv::percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QString();
    return QString::number(100.0 * double(part) / double(whole), 'f', 1);
}

QString DashboardCsv::field(const QString &value)
{
    // Peer names are host names or IPs, but a hostile log can put anything
    // in a name or a reason.
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        QString quoted = value;
        quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    return value;
}

QString DashboardCsv::rangeText(const ReportFilter &filter)
{
    if (!filter.since && !filter.until)
        return tr("all records");
    const QString from = filter.since ? utc(*filter.since) : tr("the first record");
    const QString to = filter.until ? utc(*filter.until) : tr("the last record");
    return tr("%1 to %2 (UTC; the start included, the end not)").arg(from, to);
}

QString DashboardCsv::selectionText(const ReportFilter &filter)
{
    QString text = filter.groupBy == ReportFilter::GroupBy::Domain
        ? tr("%1; peers named by registrable domain").arg(directionsOf(filter))
        : tr("%1; peers named by host").arg(directionsOf(filter));
    text += filter.includeLocal ? tr("; local hops included") : tr("; local hops left out");
    const QStringList listed = PeerDirectory::normalisedLocalPeers(filter.localPeers);
    if (!filter.includeLocal && !listed.isEmpty())
        text += tr("; also left out as local: %1").arg(listed.join(QStringLiteral(", ")));
    return text;
}

QString DashboardCsv::countsUnits()
{
    return tr("messages, connections and failures are counts; bytes are bytes; percentages are of "
              "messages or bytes; times are UTC (ISO 8601)");
}

QString DashboardCsv::document(const QString &title, const ReportFilter &filter, const QString &units,
                               const QList<Section> &sections)
{
    auto comment = [](const QString &text) {
        // A comment is one line, whatever a name in it holds.
        QString line = text;
        line.replace(QLatin1Char('\r'), QLatin1Char(' '));
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return QStringLiteral("# ") + line + QLatin1Char('\n');
    };
    QString out = comment(title);
    out += comment(tr("Time range: %1").arg(rangeText(filter)));
    out += comment(tr("Selection: %1").arg(selectionText(filter)));
    out += comment(tr("Units: %1").arg(units));
    for (const Section &section : sections) {
        out += QLatin1Char('\n');
        out += comment(section.title);
        out += section.columns + QLatin1Char('\n');
        for (const QStringList &row : section.rows) {
            QStringList fields;
            for (const QString &value : row)
                fields << field(value);
            out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return out;
}

DashboardCsv::Section DashboardCsv::sharesSection(const QList<DirectionShare> &shares)
{
    Section s{tr("Encrypted share per direction"),
              QStringLiteral("direction,messages,encrypted_messages,encrypted_messages_percent,bytes,"
                             "encrypted_bytes,encrypted_bytes_percent,connections,encrypted_connections,"
                             "tls_failures"),
              {}};
    for (const DirectionShare &d : shares) {
        s.rows << QStringList{directionName(d.direction),
                              number(d.messages),
                              number(d.encryptedMessages),
                              percent(d.encryptedMessages, d.messages),
                              number(d.bytes),
                              number(d.encryptedBytes),
                              percent(d.encryptedBytes, d.bytes),
                              number(d.connections),
                              number(d.encryptedConnections),
                              number(d.tlsFailures)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::trendSection(const TrendSeries &trend)
{
    Section s{trend.bucket == TrendBucket::Hour ? tr("Encrypted and plaintext mail per hour (UTC hours)")
                                                : tr("Encrypted and plaintext mail per day (UTC days)"),
              QStringLiteral("start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,"
                             "tls_failures"),
              {}};
    for (const TrendPoint &p : trend.points) {
        s.rows << QStringList{utc(p.start),          number(p.encryptedMessages), number(p.plaintextMessages),
                              number(p.encryptedBytes), number(p.plaintextBytes),  number(p.tlsFailures)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::topSection(const QList<PeerFigures> &peers)
{
    Section s{tr("Peers with the most plaintext messages"),
              QStringLiteral("direction,peer,plaintext_messages,messages,encrypted_messages_percent,"
                             "plaintext_bytes,bytes"),
              {}};
    for (const PeerFigures &f : peers) {
        s.rows << QStringList{directionName(f.direction),
                              f.peer,
                              number(f.plaintextMessages),
                              number(f.messages),
                              percent(f.encryptedMessages, f.messages),
                              number(f.bytes - f.encryptedBytes),
                              number(f.bytes)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::failuresSection(const QList<RecentFailure> &failures)
{
    Section s{tr("Recent TLS failures, newest first"),
              QStringLiteral("time_utc,direction,peer,host,peer_ip,port,problem,reason"),
              {}};
    for (const RecentFailure &f : failures) {
        s.rows << QStringList{utc(f.time), directionName(f.direction),       f.peer,  f.host, f.peerIp,
                              number(f.port), RecordCodes::problemName(f.problem), f.reason};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::tlsLoggingSection(const QList<TlsLoggingEvidence> &evidence)
{
    Section s{tr("Whether the mail server logs TLS"),
              QStringLiteral("direction,connections,encrypted_connections,connections_with_tls_details,verdict"),
              {}};
    for (const TlsLoggingEvidence &e : evidence) {
        s.rows << QStringList{directionName(e.direction), number(e.connections), number(e.encryptedConnections),
                              number(e.loggedConnections), verdictWord(e.verdict)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::peersSection(const QList<PeerRow> &rows, const QString &title)
{
    Section s{title,
              QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,"
                             "encrypted_messages_percent,bytes,encrypted_bytes,connections,"
                             "encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,"
                             "worst_trust,last_seen_utc,last_probe,last_probe_utc"),
              {}};
    for (const PeerRow &r : rows) {
        const PeerFigures &f = r.figures;
        s.rows << QStringList{directionName(f.direction),
                              f.peer,
                              number(f.messages),
                              number(f.encryptedMessages),
                              number(f.plaintextMessages),
                              percent(f.encryptedMessages, f.messages),
                              number(f.bytes),
                              number(f.encryptedBytes),
                              number(f.connections),
                              number(f.encryptedConnections),
                              number(f.tlsFailures),
                              countList(r.protocols),
                              countList(r.ciphers),
                              trustWord(r.bestTrust),
                              trustWord(r.worstTrust),
                              r.lastSeen ? utc(*r.lastSeen) : QString(),
                              r.lastProbe ? ProbeJson::verdictWord(r.lastProbe->verdict) : QString(),
                              r.lastProbe ? utc(r.lastProbe->finished) : QString()};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::tlsShareSection(const QString &title, const QString &column,
                                                    const QList<TlsShare> &shares)
{
    Section s{title, column + QStringLiteral(",connections,peers"), {}};
    for (const TlsShare &share : shares)
        s.rows << QStringList{nameOrNotLogged(share.name), number(share.connections), number(share.peers)};
    return s;
}

DashboardCsv::Section DashboardCsv::issueSection(const QString &title, const QString &columns,
                                                 const QList<PeerTlsIssue> &issues, bool withTime)
{
    Section s{title, columns, {}};
    for (const PeerTlsIssue &i : issues) {
        QStringList row{directionName(i.direction), i.peer, number(i.count)};
        if (withTime)
            row << (i.lastTime ? utc(*i.lastTime) : QString());
        row << i.detail;
        s.rows << row;
    }
    return s;
}

QString DashboardCsv::overview(const OverviewFigures &figures, const ReportFilter &filter)
{
    return document(tr("MailTLS overview"), filter, countsUnits(),
                    {sharesSection(figures.shares), trendSection(figures.trend),
                     topSection(figures.topPlaintextPeers), failuresSection(figures.recentFailures),
                     tlsLoggingSection(figures.tlsLogging)});
}

QString DashboardCsv::shares(const QList<DirectionShare> &shares, const ReportFilter &filter)
{
    return document(tr("MailTLS encrypted share per direction"), filter, countsUnits(), {sharesSection(shares)});
}

QString DashboardCsv::trend(const TrendSeries &trend, const ReportFilter &filter)
{
    return document(tr("MailTLS trend of encrypted and plaintext mail"), filter, countsUnits(),
                    {trendSection(trend)});
}

QString DashboardCsv::topPlaintextPeers(const QList<PeerFigures> &peers, const ReportFilter &filter)
{
    return document(tr("MailTLS top plaintext peers"), filter, countsUnits(), {topSection(peers)});
}

QString DashboardCsv::recentFailures(const QList<RecentFailure> &failures, const ReportFilter &filter)
{
    return document(tr("MailTLS recent TLS failures"), filter, countsUnits(), {failuresSection(failures)});
}

QString DashboardCsv::peers(const QList<PeerRow> &rows, const ReportFilter &filter)
{
    return document(tr("MailTLS peers"), filter, peerUnits(), {peersSection(rows, tr("Peers"))});
}

QString DashboardCsv::tlsUnits()
{
    return tr("connections are encrypted connections; peers count peers per direction; failures are "
              "counts; times are UTC (ISO 8601)");
}

DashboardCsv::Section DashboardCsv::tlsSection(const TlsQuality &quality, TlsPart part)
{
    const QString failureColumns = QStringLiteral("direction,peer,failures,last_failure_utc,last_reason");
    switch (part) {
    case TlsPart::Protocols:
        return tlsShareSection(tr("Protocol versions"), QStringLiteral("protocol"), quality.protocols);
    case TlsPart::Ciphers:
        return tlsShareSection(tr("Cipher suites"), QStringLiteral("cipher_suite"), quality.ciphers);
    case TlsPart::KeyExchanges:
        return tlsShareSection(tr("Key exchanges"), QStringLiteral("key_exchange"), quality.keyExchanges);
    case TlsPart::DhePeers:
        return issueSection(tr("Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites"),
                            QStringLiteral("direction,peer,dhe_connections,cipher_suites"), quality.dhePeers, false);
    case TlsPart::DhKeyTooSmallPeers:
        return issueSection(tr("Peers failing with \"dh key too small\""), failureColumns, quality.dhKeyTooSmallPeers,
                            true);
    case TlsPart::CertificatePeers:
        return issueSection(tr("Peers with certificate failures"), failureColumns, quality.certificatePeers, true);
    }
    return Section();
}

QString DashboardCsv::tlsQuality(const TlsQuality &quality, const ReportFilter &filter)
{
    QList<Section> sections;
    for (TlsPart part : {TlsPart::Protocols, TlsPart::Ciphers, TlsPart::KeyExchanges, TlsPart::DhePeers,
                         TlsPart::DhKeyTooSmallPeers, TlsPart::CertificatePeers})
        sections << tlsSection(quality, part);
    return document(tr("MailTLS TLS quality"), filter, tlsUnits(), sections);
}

QString DashboardCsv::tlsQualityPart(const TlsQuality &quality, TlsPart part, const ReportFilter &filter)
{
    const Section section = tlsSection(quality, part);
    return document(tr("MailTLS TLS quality: %1").arg(section.title), filter, tlsUnits(), {section});
}

DashboardCsv::Section DashboardCsv::connectionsSection(const QList<PeerConnection> &connections)
{
    Section s{tr("Connections, newest first"),
              QStringLiteral("time_utc,direction,host,peer_ip,port,encrypted,protocol,cipher_suite,"
                             "cipher_bits,key_exchange,key_exchange_bits,dhe,trust"),
              {}};
    for (const PeerConnection &c : connections) {
        s.rows << QStringList{utc(c.time),
                              directionName(c.direction),
                              c.host,
                              c.peerIp,
                              number(c.port),
                              c.encrypted ? QStringLiteral("yes") : QStringLiteral("no"),
                              c.tls.protocol,
                              c.tls.cipher,
                              c.tls.cipherBits > 0 ? number(c.tls.cipherBits) : QString(),
                              c.tls.keyExchange,
                              c.tls.keyExchangeBits > 0 ? number(c.tls.keyExchangeBits) : QString(),
                              c.tls.dhe ? QStringLiteral("yes") : QStringLiteral("no"),
                              trustWord(c.tls.trust)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::peerFailuresSection(const QList<PeerFailure> &failures)
{
    Section s{tr("TLS failures, newest first"),
              QStringLiteral("time_utc,direction,host,peer_ip,port,problem,reason"),
              {}};
    for (const PeerFailure &f : failures) {
        s.rows << QStringList{utc(f.time),    directionName(f.direction),         f.host, f.peerIp,
                              number(f.port), RecordCodes::problemName(f.problem), f.reason};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::correspondentsSection(const QList<Correspondent> &correspondents)
{
    Section s{tr("Correspondents (envelope addresses; our side of inbound mail is not recorded)"),
              QStringLiteral("direction,side,address,messages,encrypted_messages,last_seen_utc"),
              {}};
    for (const Correspondent &c : correspondents) {
        s.rows << QStringList{directionName(c.direction), sideWord(c.side),           c.address,
                              number(c.messages),         number(c.encryptedMessages), utc(c.lastSeen)};
    }
    return s;
}

DashboardCsv::Section DashboardCsv::peerSection(const PeerDetail &detail, PeerPart part)
{
    switch (part) {
    case PeerPart::Figures: return peersSection(detail.rows, tr("Figures"));
    case PeerPart::Timeline: return trendSection(detail.timeline);
    case PeerPart::Connections: return connectionsSection(detail.connections);
    case PeerPart::Failures: return peerFailuresSection(detail.failures);
    case PeerPart::Correspondents: return correspondentsSection(detail.correspondents);
    }
    return Section();
}

QString DashboardCsv::peerUnits()
{
    return countsUnits()
        + tr("; TLS versions and cipher suites list encrypted connections (their count), most first");
}

QString DashboardCsv::peerDetail(const PeerDetail &detail, const ReportFilter &filter)
{
    QList<Section> sections;
    for (PeerPart part :
         {PeerPart::Figures, PeerPart::Timeline, PeerPart::Connections, PeerPart::Failures, PeerPart::Correspondents})
        sections << peerSection(detail, part);
    return document(tr("MailTLS peer %1").arg(detail.peer), filter, peerUnits(), sections);
}

QString DashboardCsv::peerDetailPart(const PeerDetail &detail, PeerPart part, const ReportFilter &filter)
{
    const Section section = peerSection(detail, part);
    return document(tr("MailTLS peer %1: %2").arg(detail.peer, section.title), filter, peerUnits(), {section});
}

} // namespace mailtls
