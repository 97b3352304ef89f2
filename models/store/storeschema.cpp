#include "models/store/storeschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mailtls {

namespace {

// Version 1. Records keep the source id and key the assembler gave them, so a
// record emitted again replaces its earlier version (UNIQUE (source_id, key)).
// The remote end (host name + address) and the TLS parameters repeat on most
// rows, so records refer to them by id: rows stay small and the writer binds
// fewer values per record. The *_rows views show records with them spelled
// out. Enum values other than direction are stored as words (RecordCodes).
// `daily` holds the per-day sums figures are read from; keyed by endpoint (not
// only the host name) so that a peer the user lists as local by address can
// be left out without reading the records. Foreign keys are declared for the
// reader; the writer, the only one to insert, checks the source itself.
SchemaMigration version1()
{
    SchemaMigration step;
    step.version = 1;
    step.statements = {
        QStringLiteral(
            "CREATE TABLE sources ("
            " id INTEGER PRIMARY KEY,"
            " identity TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " position INTEGER NOT NULL DEFAULT 0,"
            " check_hash BLOB,"
            " assembler_state BLOB,"
            " lines_read INTEGER NOT NULL DEFAULT 0,"
            " updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE endpoints ("
            " id INTEGER PRIMARY KEY,"
            " peer TEXT NOT NULL,"
            " peer_ip TEXT NOT NULL,"
            " UNIQUE (peer, peer_ip))"),
        QStringLiteral(
            "CREATE TABLE tls_parameters ("
            " id INTEGER PRIMARY KEY,"
            " trust TEXT NOT NULL,"
            " protocol TEXT NOT NULL,"
            " cipher TEXT NOT NULL,"
            " cipher_bits INTEGER NOT NULL,"
            " key_exchange TEXT NOT NULL,"
            " key_exchange_bits INTEGER NOT NULL,"
            " dhe INTEGER NOT NULL CHECK (dhe IN (0, 1)),"
            " UNIQUE (trust, protocol, cipher, cipher_bits, key_exchange, key_exchange_bits,"
            " dhe))"),
        QStringLiteral(
            "CREATE TABLE transfers ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " queue_id TEXT NOT NULL,"
            " time INTEGER NOT NULL,"
            " bytes INTEGER NOT NULL CHECK (bytes >= 0),"
            " encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " sender TEXT NOT NULL,"
            " recipients TEXT NOT NULL,"
            " tls_id INTEGER NOT NULL REFERENCES tls_parameters (id),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX transfers_time ON transfers (time)"),
        QStringLiteral(
            "CREATE TABLE connections ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " port INTEGER NOT NULL,"
            " time INTEGER NOT NULL,"
            " encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " tls_id INTEGER NOT NULL REFERENCES tls_parameters (id),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX connections_time ON connections (time)"),
        QStringLiteral(
            "CREATE TABLE tls_failures ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " port INTEGER NOT NULL,"
            " time INTEGER NOT NULL,"
            " problem TEXT NOT NULL,"
            " reason TEXT NOT NULL,"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX tls_failures_time ON tls_failures (time)"),
        QStringLiteral(
            "CREATE TABLE unrecognised ("
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " program TEXT NOT NULL,"
            " count INTEGER NOT NULL,"
            " PRIMARY KEY (source_id, program)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE daily ("
            " day INTEGER NOT NULL,"          // UTC days since 1970-01-01
            " direction INTEGER NOT NULL,"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " local INTEGER NOT NULL,"
            " messages INTEGER NOT NULL,"
            " encrypted_messages INTEGER NOT NULL,"
            " bytes INTEGER NOT NULL,"
            " encrypted_bytes INTEGER NOT NULL,"
            " connections INTEGER NOT NULL,"
            " encrypted_connections INTEGER NOT NULL,"
            " tls_failures INTEGER NOT NULL,"
            " PRIMARY KEY (day, direction, endpoint_id, local)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE VIEW transfer_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.queue_id, r.time, r.bytes, r.encrypted, r.local, r.sender,"
            " r.recipients, t.trust, t.protocol, t.cipher, t.cipher_bits, t.key_exchange,"
            " t.key_exchange_bits, t.dhe, r.lines"
            " FROM transfers r JOIN endpoints e ON e.id = r.endpoint_id"
            " JOIN tls_parameters t ON t.id = r.tls_id"),
        QStringLiteral(
            "CREATE VIEW connection_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.port, r.time, r.encrypted, r.local, t.trust, t.protocol,"
            " t.cipher, t.cipher_bits, t.key_exchange, t.key_exchange_bits, t.dhe, r.lines"
            " FROM connections r JOIN endpoints e ON e.id = r.endpoint_id"
            " JOIN tls_parameters t ON t.id = r.tls_id"),
        QStringLiteral(
            "CREATE VIEW tls_failure_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.port, r.time, r.problem, r.reason, r.local, r.lines"
            " FROM tls_failures r JOIN endpoints e ON e.id = r.endpoint_id"),
    };
    return step;
}

bool run(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

// Version 2: followed sources. A followed source resumes from a cursor of its
// own (which file and where in it, or a journal cursor) kept beside the stream
// position, and is defined by what the user gave (`spec`: a path,
// journal[:UNIT], ssh://…), so the app can start it again; a paused source
// keeps its place without being read.
SchemaMigration version2()
{
    SchemaMigration step;
    step.version = 2;
    step.statements = {
        QStringLiteral("ALTER TABLE sources ADD COLUMN cursor BLOB"),
        QStringLiteral("ALTER TABLE sources ADD COLUMN spec TEXT"),
        QStringLiteral("ALTER TABLE sources ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (paused IN (0, 1))"),
    };
    return step;
}

// The value columns `daily` and its roll-ups share.
const QStringList &dailyValues()
{
    static const QStringList columns = {
        QStringLiteral("messages"),    QStringLiteral("encrypted_messages"),
        QStringLiteral("bytes"),       QStringLiteral("encrypted_bytes"),
        QStringLiteral("connections"), QStringLiteral("encrypted_connections"),
        QStringLiteral("tls_failures")};
    return columns;
}

// "a = a + NEW.a - OLD.a, …" (either side may be left out with an empty prefix).
QString adjusted(const QString &plus, const QString &minus)
{
    QStringList parts;
    for (const QString &c : dailyValues()) {
        QString part = c + QStringLiteral(" = ") + c;
        if (!plus.isEmpty())
            part += QStringLiteral(" + ") + plus + c;
        if (!minus.isEmpty())
            part += QStringLiteral(" - ") + minus + c;
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

QString prefixed(const QString &prefix)
{
    QStringList parts;
    for (const QString &c : dailyValues())
        parts << prefix + c;
    return parts.join(QStringLiteral(", "));
}

QString valueDefinitions()
{
    QStringList parts;
    for (const QString &c : dailyValues())
        parts << c + QStringLiteral(" INTEGER NOT NULL");
    return parts.join(QStringLiteral(", "));
}

// A roll-up of `daily` keyed by `keys` (a subset of daily's key columns),
// kept in step by triggers: statements for the three triggers' bodies.
struct RollUp
{
    QString table;
    QStringList keys;

    QString where(const QString &row) const
    {
        QStringList parts;
        for (const QString &k : keys)
            parts << k + QStringLiteral(" = ") + row + k;
        return parts.join(QStringLiteral(" AND "));
    }
    QString add(const QString &row) const
    {
        return QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (%4, %5) ON CONFLICT DO UPDATE SET %6;")
            .arg(table, keys.join(QStringLiteral(", ")), prefixed(QString()),
                 [&] {
                     QStringList parts;
                     for (const QString &k : keys)
                         parts << row + k;
                     return parts.join(QStringLiteral(", "));
                 }(),
                 prefixed(row), adjusted(QStringLiteral("excluded."), QString()));
    }
    QString subtract(const QString &row) const
    {
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3;")
            .arg(table, adjusted(QString(), row), where(row));
    }
    QString change() const
    {
        return QStringLiteral("UPDATE %1 SET %2 WHERE %3;")
            .arg(table, adjusted(QStringLiteral("NEW."), QStringLiteral("OLD.")),
                 where(QStringLiteral("NEW.")));
    }
};

// The UTC day of a `time` column, floored as AggregateDeltas::dayOf() does.
QString dayOf(const QString &time)
{
    return QStringLiteral("((%1 - ((%1 % 86400) + 86400) % 86400) / 86400)").arg(time);
}

// Version 3: what the dashboard reads. Figures over long ranges summed from
// `daily` cost one row per peer and day (a year of a busy site: ~800,000
// rows, most of a second), so roll-ups keep the sums a range of whole data
// needs:
// - daily_totals: per day, direction and local flag, over all peers (the
//   trend chart and the per-direction shares);
// - peer_totals: per direction and endpoint over all time (the Peers table
//   when the range holds all records);
// - tls_daily / tls_totals: encrypted connections per TLS parameters, per day
//   and over all time (TLS versions, ciphers and trust per peer; the TLS
//   quality page).
// Triggers kept them in step with `daily` and `connections`, inside the
// writer's transaction, until version 4 (which leaves that to the writer). The
// triggers on `daily` ran once per touched aggregate row, those on
// `connections` once per encrypted connection.
//
// Connections and TLS failures are indexed by endpoint, so that a peer's
// (detail page, last seen) are found without reading everyone's. Transfers
// are not: that index would cost every import about a fifth more, and a
// peer's messages are found through the days `daily` gives for it. `daily` by
// endpoint serves a peer's timeline and subtracting peers the user listed as
// local. These indexes are on the expression (endpoint_id + 0), and queries
// that want them say so: on the column itself, SQLite's planner would read a
// whole table in endpoint order to save the sort of a GROUP BY direction,
// endpoint_id whose range has no upper end (a "last 30 days" figure), which
// costs far more than the sort.
SchemaMigration version3()
{
    const RollUp perDay{QStringLiteral("daily_totals"),
                        {QStringLiteral("day"), QStringLiteral("direction"), QStringLiteral("local")}};
    const RollUp perPeer{QStringLiteral("peer_totals"),
                         {QStringLiteral("direction"), QStringLiteral("endpoint_id"),
                          QStringLiteral("local")}};
    // The writer never changes a daily row's key, only its values; the
    // general case is handled all the same.
    const QString sameKey = QStringLiteral("NEW.day = OLD.day AND NEW.direction = OLD.direction AND "
                                           "NEW.endpoint_id = OLD.endpoint_id AND NEW.local = OLD.local");
    const QString tlsKeys = QStringLiteral("direction, endpoint_id, local, tls_id");
    auto tlsAdd = [&](const QString &row) {
        return QStringLiteral("INSERT INTO tls_daily (day, %1, connections) VALUES (%2, %3direction, "
                              "%3endpoint_id, %3local, %3tls_id, 1) ON CONFLICT DO UPDATE SET "
                              "connections = connections + 1; "
                              "INSERT INTO tls_totals (%1, connections) VALUES (%3direction, "
                              "%3endpoint_id, %3local, %3tls_id, 1) ON CONFLICT DO UPDATE SET "
                              "connections = connections + 1;")
            .arg(tlsKeys, dayOf(row + QStringLiteral("time")), row);
    };
    auto tlsSubtract = [&](const QString &row) {
        return QStringLiteral("UPDATE tls_daily SET connections = connections - 1 WHERE day = %1 AND "
                              "direction = %2direction AND endpoint_id = %2endpoint_id AND "
                              "local = %2local AND tls_id = %2tls_id; "
                              "UPDATE tls_totals SET connections = connections - 1 WHERE "
                              "direction = %2direction AND endpoint_id = %2endpoint_id AND "
                              "local = %2local AND tls_id = %2tls_id;")
            .arg(dayOf(row + QStringLiteral("time")), row);
    };

    SchemaMigration step;
    step.version = 3;
    step.statements = {
        QStringLiteral("CREATE INDEX connections_peer ON connections ((endpoint_id + 0), direction, local, time)"),
        QStringLiteral("CREATE INDEX tls_failures_peer ON tls_failures ((endpoint_id + 0), direction, local, time)"),
        QStringLiteral("CREATE INDEX daily_peer ON daily ((endpoint_id + 0), day)"),
        QStringLiteral("CREATE TABLE daily_totals (day INTEGER NOT NULL, direction INTEGER NOT NULL, "
                       "local INTEGER NOT NULL, %1, PRIMARY KEY (day, direction, local)) WITHOUT ROWID")
            .arg(valueDefinitions()),
        QStringLiteral("CREATE TABLE peer_totals (direction INTEGER NOT NULL, endpoint_id INTEGER NOT "
                       "NULL REFERENCES endpoints (id), local INTEGER NOT NULL, %1, "
                       "PRIMARY KEY (direction, endpoint_id, local)) WITHOUT ROWID")
            .arg(valueDefinitions()),
        QStringLiteral("CREATE TABLE tls_daily (day INTEGER NOT NULL, direction INTEGER NOT NULL, "
                       "endpoint_id INTEGER NOT NULL REFERENCES endpoints (id), local INTEGER NOT "
                       "NULL, tls_id INTEGER NOT NULL REFERENCES tls_parameters (id), connections "
                       "INTEGER NOT NULL, PRIMARY KEY (day, direction, endpoint_id, local, tls_id)) "
                       "WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE tls_totals (direction INTEGER NOT NULL, endpoint_id INTEGER NOT "
                       "NULL REFERENCES endpoints (id), local INTEGER NOT NULL, tls_id INTEGER NOT "
                       "NULL REFERENCES tls_parameters (id), connections INTEGER NOT NULL, "
                       "PRIMARY KEY (direction, endpoint_id, local, tls_id)) WITHOUT ROWID"),
        // What the store held before this step.
        QStringLiteral("INSERT INTO daily_totals SELECT day, direction, local, %1 FROM daily "
                       "GROUP BY day, direction, local")
            .arg([] {
                QStringList sums;
                for (const QString &c : dailyValues())
                    sums << QStringLiteral("sum(%1)").arg(c);
                return sums.join(QStringLiteral(", "));
            }()),
        QStringLiteral("INSERT INTO peer_totals SELECT direction, endpoint_id, local, %1 FROM daily "
                       "GROUP BY direction, endpoint_id, local")
            .arg([] {
                QStringList sums;
                for (const QString &c : dailyValues())
                    sums << QStringLiteral("sum(%1)").arg(c);
                return sums.join(QStringLiteral(", "));
            }()),
        QStringLiteral("INSERT INTO tls_daily SELECT %1, %2, count(*) FROM connections "
                       "WHERE encrypted = 1 GROUP BY 1, %2")
            .arg(dayOf(QStringLiteral("time")), tlsKeys),
        QStringLiteral("INSERT INTO tls_totals SELECT %1, count(*) FROM connections "
                       "WHERE encrypted = 1 GROUP BY %1")
            .arg(tlsKeys),
        QStringLiteral("CREATE TRIGGER daily_inserted AFTER INSERT ON daily BEGIN %1 %2 END")
            .arg(perDay.add(QStringLiteral("NEW.")), perPeer.add(QStringLiteral("NEW."))),
        QStringLiteral("CREATE TRIGGER daily_changed AFTER UPDATE ON daily WHEN %1 BEGIN %2 %3 END")
            .arg(sameKey, perDay.change(), perPeer.change()),
        QStringLiteral("CREATE TRIGGER daily_moved AFTER UPDATE ON daily WHEN NOT (%1) BEGIN "
                       "%2 %3 %4 %5 END")
            .arg(sameKey, perDay.subtract(QStringLiteral("OLD.")),
                 perPeer.subtract(QStringLiteral("OLD.")), perDay.add(QStringLiteral("NEW.")),
                 perPeer.add(QStringLiteral("NEW."))),
        QStringLiteral("CREATE TRIGGER daily_deleted AFTER DELETE ON daily BEGIN %1 %2 END")
            .arg(perDay.subtract(QStringLiteral("OLD.")), perPeer.subtract(QStringLiteral("OLD."))),
        QStringLiteral("CREATE TRIGGER connection_inserted AFTER INSERT ON connections "
                       "WHEN NEW.encrypted = 1 BEGIN %1 END")
            .arg(tlsAdd(QStringLiteral("NEW."))),
        QStringLiteral("CREATE TRIGGER connection_replaced AFTER UPDATE ON connections "
                       "WHEN OLD.encrypted = 1 BEGIN %1 END")
            .arg(tlsSubtract(QStringLiteral("OLD."))),
        // Whichever of the two runs first, one takes the old version away and
        // the other adds the new one.
        QStringLiteral("CREATE TRIGGER connection_replacing AFTER UPDATE ON connections "
                       "WHEN NEW.encrypted = 1 BEGIN %1 END")
            .arg(tlsAdd(QStringLiteral("NEW."))),
        QStringLiteral("CREATE TRIGGER connection_deleted AFTER DELETE ON connections "
                       "WHEN OLD.encrypted = 1 BEGIN %1 END")
            .arg(tlsSubtract(QStringLiteral("OLD."))),
    };
    return step;
}

// Version 4: the roll-ups without triggers. Run per touched `daily` row and
// per encrypted connection, the triggers took about a fifth of an import's
// time; the writer now adds each batch's changes, summed in memory, to the
// roll-ups in the same transaction (RecordWriter), so they stay as exact as
// the triggers kept them. Only the writer changes records and `daily`.
SchemaMigration version4()
{
    SchemaMigration step;
    step.version = 4;
    for (const char *trigger : {"daily_inserted", "daily_changed", "daily_moved", "daily_deleted",
                                "connection_inserted", "connection_replaced", "connection_replacing",
                                "connection_deleted"})
        step.statements << QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger));
    return step;
}

// Version 5: each `daily` row and each `peer_totals` row keeps the time of its
// latest connection or TLS failure (last_contact) and of its latest message
// (last_message), so the Peers table's "last seen" is read with its figures
// instead of looked up per peer in the records. The writer keeps them.
SchemaMigration version5()
{
    const QString day = dayOf(QStringLiteral("time"));
    const QString sameRow = QStringLiteral("m.day = daily.day AND m.direction = daily.direction AND "
                                           "m.endpoint_id = daily.endpoint_id AND m.local = daily.local");
    SchemaMigration step;
    step.version = 5;
    for (const char *table : {"daily", "peer_totals"}) {
        for (const char *column : {"last_contact", "last_message"})
            step.statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 INTEGER")
                                   .arg(QLatin1String(table), QLatin1String(column));
    }
    step.statements << QStringLiteral("UPDATE daily SET last_contact = m.t FROM (SELECT day, direction, "
                                      "endpoint_id, local, max(t) AS t FROM (SELECT %1 AS day, direction, "
                                      "endpoint_id, local, max(time) AS t FROM connections GROUP BY 1, 2, 3, 4 "
                                      "UNION ALL SELECT %1, direction, endpoint_id, local, max(time) FROM "
                                      "tls_failures GROUP BY 1, 2, 3, 4) GROUP BY 1, 2, 3, 4) AS m WHERE %2")
                           .arg(day, sameRow)
                    << QStringLiteral("UPDATE daily SET last_message = m.t FROM (SELECT %1 AS day, direction, "
                                      "endpoint_id, local, max(time) AS t FROM transfers GROUP BY 1, 2, 3, 4) "
                                      "AS m WHERE %2")
                           .arg(day, sameRow)
                    << QStringLiteral("UPDATE peer_totals SET last_contact = m.c, last_message = m.t FROM "
                                      "(SELECT direction, endpoint_id, local, max(last_contact) AS c, "
                                      "max(last_message) AS t FROM daily GROUP BY 1, 2, 3) AS m WHERE "
                                      "m.direction = peer_totals.direction AND m.endpoint_id = "
                                      "peer_totals.endpoint_id AND m.local = peer_totals.local");
    return step;
}

// Version 6: probe reports (ProbeHistory). A report is kept whole as JSON
// (ProbeJson) with what lists need beside it; probe_hosts names every host
// and address a report reached, with its verdict, so a peer finds its probes.
SchemaMigration version6()
{
    SchemaMigration step;
    step.version = 6;
    step.statements = {
        QStringLiteral("CREATE TABLE probe_reports ("
                       " id INTEGER PRIMARY KEY,"
                       " kind TEXT NOT NULL CHECK (kind IN ('domain', 'host')),"
                       " target TEXT NOT NULL,"
                       " port INTEGER NOT NULL,"
                       " started INTEGER NOT NULL,"
                       " finished INTEGER NOT NULL,"
                       " verdict TEXT NOT NULL,"
                       " findings INTEGER NOT NULL,"
                       " report TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX probe_reports_target ON probe_reports (target, finished)"),
        QStringLiteral("CREATE INDEX probe_reports_finished ON probe_reports (finished)"),
        QStringLiteral("CREATE TABLE probe_hosts ("
                       " name TEXT NOT NULL,"
                       " report_id INTEGER NOT NULL REFERENCES probe_reports (id),"
                       " verdict TEXT NOT NULL,"
                       " PRIMARY KEY (name, report_id)) WITHOUT ROWID"),
    };
    return step;
}

// Version 7: what importing a site's whole history needs to know of each
// imported log besides where it stopped. first_time and last_time: the times
// of its first and last stamped lines as they were read (the first fixes the
// year that stamps without one were read in, so a longer version of the log
// goes on in the same years; both narrow the logs a new file is compared
// with). source_lines: a 32-bit fingerprint of every line read (LineFingerprint),
// in blocks of one batch each, so that a file whose lines were read already
// (a copy, an excerpt, an older copy of a log, Debian's mail.warn) is
// recognised by its content wherever it begins in the log read before.
SchemaMigration version7()
{
    SchemaMigration step;
    step.version = 7;
    step.statements = {
        QStringLiteral("ALTER TABLE sources ADD COLUMN first_time INTEGER"),
        QStringLiteral("ALTER TABLE sources ADD COLUMN last_time INTEGER"),
        QStringLiteral("CREATE TABLE source_lines ("
                       " source_id INTEGER NOT NULL REFERENCES sources (id),"
                       " first_line INTEGER NOT NULL,"
                       " fingerprints BLOB NOT NULL,"
                       " UNIQUE (source_id, first_line))"),
    };
    return step;
}

// Version 8: campaigns of mandatory STARTTLS (models/campaign/).
// - refusals: sessions or messages the own MTA refused because the peer did
//   not use TLS where it was required (a Postfix smtpd session on an encrypt
//   listener whose MAIL was refused: `mail=0/1` and no reject line; Exim's
//   and Sendmail's reject lines). Not TLS failures in COUNTING.md's sense
//   (the peer attempted no TLS), so kept apart from tls_failures.
// - tls_failures gain the queue id and the envelope of an outbound attempt
//   (a deferral names the message), so a campaign names its correspondents.
// - campaigns: one window of mandatory STARTTLS each, on one service and
//   host, with the backup that restores the settings and the job on the mail
//   host that restores them if MailTLS does not.
// - campaign_peers: the peers a campaign found failing, fixed when it ended
//   (or when the user gathered them), and what became of each.
// - campaign_letters: every letter written for a campaign, as the exact
//   bytes, and how it left (sent, exported, handed to the mail program).
SchemaMigration version8()
{
    SchemaMigration step;
    step.version = 8;
    step.statements = {
        QStringLiteral("CREATE TABLE refusals ("
                       " id INTEGER PRIMARY KEY,"
                       " source_id INTEGER NOT NULL REFERENCES sources (id),"
                       " key INTEGER NOT NULL,"
                       " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
                       " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
                       " port INTEGER NOT NULL,"
                       " time INTEGER NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " sender TEXT NOT NULL,"
                       " recipients TEXT NOT NULL,"
                       " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
                       " lines BLOB NOT NULL,"
                       " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX refusals_time ON refusals (time)"),
        QStringLiteral("ALTER TABLE tls_failures ADD COLUMN queue_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE tls_failures ADD COLUMN sender TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE tls_failures ADD COLUMN recipients TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE campaigns ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " created INTEGER NOT NULL,"
                       " mta TEXT NOT NULL,"
                       " host TEXT NOT NULL,"
                       " config_dir TEXT NOT NULL,"
                       " inbound INTEGER NOT NULL CHECK (inbound IN (0, 1)),"
                       " outbound INTEGER NOT NULL CHECK (outbound IN (0, 1)),"
                       " window_start INTEGER NOT NULL,"
                       " window_end INTEGER NOT NULL,"
                       " ended_at INTEGER,"
                       " ended_by TEXT NOT NULL DEFAULT '',"
                       " backup_id TEXT NOT NULL,"
                       " revert_job TEXT NOT NULL DEFAULT '',"
                       " gathered_at INTEGER)"),
        QStringLiteral("CREATE TABLE campaign_peers ("
                       " campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
                       " peer TEXT NOT NULL,"
                       " direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
                       " problem TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " failures INTEGER NOT NULL,"
                       " messages INTEGER NOT NULL,"
                       " first_seen INTEGER NOT NULL,"
                       " last_seen INTEGER NOT NULL,"
                       " our_addresses TEXT NOT NULL,"
                       " their_addresses TEXT NOT NULL,"
                       " fixed_at INTEGER,"
                       " fixed_by TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (campaign_id, peer, direction)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE campaign_letters ("
                       " id INTEGER PRIMARY KEY,"
                       " campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
                       " peer TEXT NOT NULL,"
                       " recipient TEXT NOT NULL,"
                       " language TEXT NOT NULL,"
                       " subject TEXT NOT NULL,"
                       " message BLOB NOT NULL,"
                       " delivery TEXT NOT NULL CHECK (delivery IN ('smtp', 'eml', 'mbox', 'mailer')),"
                       " at INTEGER NOT NULL,"
                       " server_reply TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX campaign_letters_campaign ON campaign_letters (campaign_id, peer)"),
    };
    return step;
}

} // namespace

const std::vector<SchemaMigration> &StoreSchema::migrations()
{
    static const std::vector<SchemaMigration> steps = {version1(), version2(), version3(), version4(),
                                                       version5(), version6(), version7(), version8()};
    return steps;
}

int StoreSchema::currentVersion()
{
    return migrations().back().version;
}

QStringList StoreSchema::requiredTables()
{
    return {QStringLiteral("sources"),     QStringLiteral("endpoints"),
            QStringLiteral("tls_parameters"), QStringLiteral("transfers"),
            QStringLiteral("connections"), QStringLiteral("tls_failures"),
            QStringLiteral("unrecognised"), QStringLiteral("daily")};
}

bool StoreSchema::migrate(QSqlDatabase &db, const std::vector<SchemaMigration> &steps,
                          QString *error)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != int(i) + 1) {
            *error = QStringLiteral("schema step %1 is numbered %2").arg(i + 1).arg(steps[i].version);
            return false;
        }
    }

    QString why;
    // IMMEDIATE: two processes opening a new file at once must not both
    // create the tables; the second waits, then sees the version the first set.
    if (!run(db, QStringLiteral("BEGIN IMMEDIATE"), &why)) {
        *error = why;
        return false;
    }
    QSqlQuery versionQuery(db);
    if (!versionQuery.exec(QStringLiteral("PRAGMA user_version")) || !versionQuery.next()) {
        *error = versionQuery.lastError().text();
        versionQuery.finish();
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    const int fileVersion = versionQuery.value(0).toInt();
    versionQuery.finish();

    int reached = fileVersion;
    for (const SchemaMigration &step : steps) {
        if (step.version <= fileVersion)
            continue;
        for (const QString &statement : step.statements) {
            if (!run(db, statement, &why)) {
                *error = QStringLiteral("schema step %1: %2").arg(step.version).arg(why);
                run(db, QStringLiteral("ROLLBACK"), &why);
                return false;
            }
        }
        reached = step.version;
    }
    if (reached != fileVersion
        && (!run(db, QStringLiteral("PRAGMA user_version = %1").arg(reached), &why)
            || !run(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId), &why))) {
        *error = why;
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    if (!run(db, QStringLiteral("COMMIT"), &why)) {
        *error = why;
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    return true;
}

} // namespace mailtls
