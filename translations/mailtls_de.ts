<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>%1: 1 line read</source>
        <translation>%1: 1 Zeile gelesen</translation>
    </message>
    <message>
        <source>%1: %2 lines read</source>
        <translation>%1: %2 Zeilen gelesen</translation>
    </message>
    <message>
        <source>%1: read before up to byte %2; 1 new line read</source>
        <translation>%1: bis Byte %2 bereits gelesen; 1 neue Zeile gelesen</translation>
    </message>
    <message>
        <source>%1: read before up to byte %2; %3 new lines read</source>
        <translation>%1: bis Byte %2 bereits gelesen; %3 neue Zeilen gelesen</translation>
    </message>
    <message>
        <source>%1: imported before, nothing new</source>
        <translation>%1: bereits importiert, nichts Neues</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1: leer</translation>
    </message>
    <message>
        <source>  format: %1</source>
        <translation>  Format: %1</translation>
    </message>
    <message>
        <source>  an unfinished last line (%1 bytes) is left for the next import</source>
        <translation>  eine unvollständige letzte Zeile (%1 Bytes) bleibt für den nächsten Import</translation>
    </message>
    <message>
        <source>  unrecognised lines of %1: %2</source>
        <translation>  nicht erkannte Zeilen von %1: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see mailtls --help</source>
        <translation>unbekannter Befehl „%1“; siehe mailtls --help</translation>
    </message>
    <message>
        <source>Print per-peer figures of encrypted and plaintext mail, from logs and/or a database.</source>
        <translation>Zahlen zu verschlüsselter und unverschlüsselter Mail je Gegenstelle ausgeben, aus Protokollen und/oder einer Datenbank.</translation>
    </message>
    <message>
        <source>Read this log (plain or gzip; - for standard input). Repeatable.</source>
        <translation>Dieses Protokoll lesen (unkomprimiert oder gzip; - für die Standardeingabe). Mehrfach möglich.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Use this database: logs given with --log are added to it first.</source>
        <translation>Diese Datenbank verwenden: mit --log angegebene Protokolle werden zuerst hinzugefügt.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Only mail that arrived at or after T.</source>
        <translation>Nur Mail, die ab T eingetroffen ist.</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Only mail that arrived before T.</source>
        <translation>Nur Mail, die vor T eingetroffen ist.</translation>
    </message>
    <message>
        <source>inbound, outbound, submission or all (default).</source>
        <translation>inbound, outbound, submission oder all (Vorgabe).</translation>
    </message>
    <message>
        <source>DIRECTION</source>
        <translation>RICHTUNG</translation>
    </message>
    <message>
        <source>Name peers by host (default) or by registrable domain.</source>
        <translation>Gegenstellen nach Host (Vorgabe) oder registrierbarer Domain benennen.</translation>
    </message>
    <message>
        <source>host|domain</source>
        <translation>host|domain</translation>
    </message>
    <message>
        <source>Include local hops (loopback, local transports, listed local peers).</source>
        <translation>Lokale Wege einbeziehen (Loopback, lokale Transporte, als lokal genannte Gegenstellen).</translation>
    </message>
    <message>
        <source>Treat this peer (host name or IP) as a local hop. Repeatable.</source>
        <translation>Diese Gegenstelle (Hostname oder IP) als lokal behandeln. Mehrfach möglich.</translation>
    </message>
    <message>
        <source>PEER</source>
        <translation>GEGENSTELLE</translation>
    </message>
    <message>
        <source>table (default), csv or json.</source>
        <translation>table (Vorgabe), csv oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Say on standard error what was read from each log.</source>
        <translation>Auf der Standardfehlerausgabe melden, was aus jedem Protokoll gelesen wurde.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (logs are given with --log FILE)</source>
        <translation>unerwartetes Argument „%1“ (Protokolle werden mit --log DATEI angegeben)</translation>
    </message>
    <message>
        <source>--direction: &quot;%1&quot; is not one of inbound, outbound, submission, all</source>
        <translation>--direction: „%1“ ist keiner der Werte inbound, outbound, submission, all</translation>
    </message>
    <message>
        <source>--group-by: &quot;%1&quot; is not one of host, domain</source>
        <translation>--group-by: „%1“ ist keiner der Werte host, domain</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not one of table, csv, json</source>
        <translation>--format: „%1“ ist keiner der Werte table, csv, json</translation>
    </message>
    <message>
        <source>nothing to report: give at least one --log FILE or a --db PATH</source>
        <translation>nichts auszuwerten: mindestens ein --log DATEI oder ein --db PFAD angeben</translation>
    </message>
    <message>
        <source>--log -: standard input can be read only once</source>
        <translation>--log -: die Standardeingabe kann nur einmal gelesen werden</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>temporärer Ordner kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Add logs to a database. Importing a log again, or a longer version of it, adds only what is new.</source>
        <translation>Protokolle zu einer Datenbank hinzufügen. Ein erneuter Import desselben Protokolls oder einer längeren Fassung davon fügt nur Neues hinzu.</translation>
    </message>
    <message>
        <source>The database to add to (created when missing).</source>
        <translation>Die Datenbank, zu der hinzugefügt wird (wird angelegt, wenn sie fehlt).</translation>
    </message>
    <message>
        <source>Say what was read from each log, including unrecognised lines.</source>
        <translation>Melden, was aus jedem Protokoll gelesen wurde, einschließlich nicht erkannter Zeilen.</translation>
    </message>
    <message>
        <source>Logs to read (plain or gzip; - for standard input).</source>
        <translation>Zu lesende Protokolle (unkomprimiert oder gzip; - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>import needs --db PATH: the database to add the logs to</source>
        <translation>import braucht --db PFAD: die Datenbank, zu der die Protokolle hinzugefügt werden</translation>
    </message>
    <message>
        <source>import needs at least one log file</source>
        <translation>import braucht mindestens eine Protokolldatei</translation>
    </message>
    <message>
        <source>standard input (-) can be read only once</source>
        <translation>die Standardeingabe (-) kann nur einmal gelesen werden</translation>
    </message>
</context>
<context>
    <name>LogImporter</name>
    <message>
        <source>%1: begins like the log imported before as &quot;%2&quot; but differs from it before byte %3; it is not a longer version of that log, so it was not imported (import it into a new database)</source>
        <translation>%1: beginnt wie das zuvor als „%2“ importierte Protokoll, weicht aber vor Byte %3 davon ab; es ist keine längere Fassung dieses Protokolls und wurde daher nicht importiert (in eine neue Datenbank importieren)</translation>
    </message>
    <message>
        <source>%1: the saved reading state of this log in the database is damaged: %2</source>
        <translation>%1: der gespeicherte Lesestand dieses Protokolls in der Datenbank ist beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>LogReader</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: is a directory, not a log file</source>
        <translation>%1: ist ein Ordner, keine Protokolldatei</translation>
    </message>
    <message>
        <source>%1: cannot start gzip decompression</source>
        <translation>%1: gzip-Entpacken kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1: read error: %2</source>
        <translation>%1: Lesefehler: %2</translation>
    </message>
    <message>
        <source>%1: the gzip data ends early (the file is truncated or still being written)</source>
        <translation>%1: die gzip-Daten enden vorzeitig (die Datei ist abgeschnitten oder wird noch geschrieben)</translation>
    </message>
    <message>
        <source>%1: unreadable gzip data: %2</source>
        <translation>%1: unlesbare gzip-Daten: %2</translation>
    </message>
</context>
<context>
    <name>ReportFormatter</name>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>Enc. %</source>
        <translation>Verschl. %</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Enc. bytes %</source>
        <translation>Verschl. Bytes %</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Enc. conn. %</source>
        <translation>Verschl. Verb. %</translation>
    </message>
    <message>
        <source>TLS failures</source>
        <translation>TLS-Fehlschläge</translation>
    </message>
    <message>
        <source>total (1 peer)</source>
        <translation>gesamt (1 Gegenstelle)</translation>
    </message>
    <message>
        <source>total (%1 peers)</source>
        <translation>gesamt (%1 Gegenstellen)</translation>
    </message>
    <message>
        <source>No traffic matches.</source>
        <translation>Kein passender Verkehr.</translation>
    </message>
</context>
<context>
    <name>TimeArgument</name>
    <message>
        <source>&quot;%1&quot; is not a time: use a date such as 2026-11-02, a date and time such as &quot;2026-11-02 14:30&quot; (optionally with Z or +01:00), a span back from now such as 24h, 7d or 2w, or @ and UNIX seconds</source>
        <translation>„%1“ ist keine Zeitangabe: ein Datum wie 2026-11-02, Datum und Uhrzeit wie „2026-11-02 14:30“ (wahlweise mit Z oder +01:00), eine Spanne zurück ab jetzt wie 24h, 7d oder 2w, oder @ und UNIX-Sekunden angeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date or time of day</source>
        <translation>„%1“ ist kein gültiges Datum und keine gültige Uhrzeit</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an impossible UTC offset</source>
        <translation>„%1“ hat einen unmöglichen UTC-Versatz</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not exist in the time zone %2 (a daylight-saving gap)</source>
        <translation>„%1“ gibt es in der Zeitzone %2 nicht (Lücke der Sommerzeitumstellung)</translation>
    </message>
</context>
<context>
    <name>mailtls::MainWindow</name>
    <message>
        <source>MailTLS</source>
        <translation>MailTLS</translation>
    </message>
    <message>
        <source>Filter peers</source>
        <translation>Gegenstellen filtern</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About MailTLS</source>
        <translation>&amp;Über MailTLS</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About MailTLS</source>
        <translation>Über MailTLS</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MailTLS %1&lt;/h3&gt;&lt;p&gt;Shows how much of your mail crosses the wire encrypted with STARTTLS and how much in plaintext, per peer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MailTLS %1&lt;/h3&gt;&lt;p&gt;Zeigt je Gegenstelle, wie viel Ihrer Mail mit STARTTLS verschlüsselt und wie viel im Klartext übertragen wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The bundled demo logs could not be unpacked into a temporary folder.</source>
        <translation>Die mitgelieferten Beispielprotokolle konnten nicht in einen temporären Ordner entpackt werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo data.&lt;/b&gt; These figures come from a sample log bundled with MailTLS, not from your mail server.</source>
        <translation>&lt;b&gt;Beispieldaten.&lt;/b&gt; Diese Zahlen stammen aus einem mit MailTLS gelieferten Beispielprotokoll, nicht von Ihrem Mailserver.</translation>
    </message>
    <message>
        <source>MailTLS — demo data</source>
        <translation>MailTLS — Beispieldaten</translation>
    </message>
    <message>
        <source>Reading logs…</source>
        <translation>Protokolle werden gelesen …</translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation>Die Protokolle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2 encrypted (%3 of %4 messages)</source>
        <translation>%1: %2 verschlüsselt (%3 von %4 Nachrichten)</translation>
    </message>
    <message>
        <source>No traffic to show.</source>
        <translation>Kein Verkehr vorhanden.</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerTableModel</name>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Einlieferung</translation>
    </message>
    <message>
        <source>%1 bytes, of which %2 encrypted</source>
        <translation>%1 Bytes, davon %2 verschlüsselt</translation>
    </message>
    <message>
        <source>Failed TLS attempts with this peer; the mail may still have gone through in plaintext.</source>
        <translation>Fehlgeschlagene TLS-Versuche mit dieser Gegenstelle; die Mail kann trotzdem im Klartext übertragen worden sein.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>Encrypted %</source>
        <translation>Verschlüsselt %</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Encrypted conn.</source>
        <translation>Verschl. Verb.</translation>
    </message>
    <message>
        <source>TLS failures</source>
        <translation>TLS-Fehlschläge</translation>
    </message>
    <message>
        <source>Share of messages that crossed the wire encrypted</source>
        <translation>Anteil der Nachrichten, die verschlüsselt übertragen wurden</translation>
    </message>
    <message>
        <source>SMTP connections with this peer</source>
        <translation>SMTP-Verbindungen mit dieser Gegenstelle</translation>
    </message>
    <message>
        <source>Failed attempts to set up TLS</source>
        <translation>Fehlgeschlagene Versuche, TLS aufzubauen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MailTLS shows how much of your mail crosses the wire encrypted (STARTTLS) and how much in plaintext, per peer.

Commands:
  report   print per-peer figures from logs and/or a database (mailtls report --help)
  import   add logs to a database (mailtls import --help)

Without a command, the window opens.</source>
        <translation>MailTLS zeigt je Gegenstelle, wie viel Ihrer Mail verschlüsselt (STARTTLS) und wie viel im Klartext übertragen wird.

Befehle:
  report   Zahlen je Gegenstelle aus Protokollen und/oder einer Datenbank ausgeben (mailtls report --help)
  import   Protokolle zu einer Datenbank hinzufügen (mailtls import --help)

Ohne Befehl öffnet sich das Fenster.</translation>
    </message>
    <message>
        <source>report or import</source>
        <translation>report oder import</translation>
    </message>
    <message>
        <source>(see mailtls --help)</source>
        <translation>(siehe mailtls --help)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see mailtls --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe mailtls --help)</translation>
    </message>
</context>
</TS>
