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
    <name>SessionAssembler</name>
    <message>
        <source>Not a session assembler snapshot (%1 bytes, unknown header); the log will be read from its start.</source>
        <translation>Kein Lesestand des Sitzungs-Zusammensetzers (%1 Bytes, unbekannter Kopf); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Session assembler snapshot version %1 is not supported (this build reads version %2); the log will be read from its start.</source>
        <translation>Lesestand-Version %1 wird nicht unterstützt (diese Version liest Version %2); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Session assembler snapshot is corrupt (at byte %1 of %2); the log will be read from its start.</source>
        <translation>Der Lesestand ist beschädigt (bei Byte %1 von %2); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Session assembler snapshot is truncated or has trailing bytes (%1 bytes); the log will be read from its start.</source>
        <translation>Der Lesestand ist abgeschnitten oder hat überzählige Bytes (%1 Bytes); das Protokoll wird von Anfang an gelesen.</translation>
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
    <name>TrafficStore</name>
    <message>
        <source>%1 belongs to another application (%2). MailTLS has not changed it. Choose another file for the MailTLS store.</source>
        <translation>%1 gehört zu einer anderen Anwendung (%2). MailTLS hat die Datei nicht verändert. Wählen Sie eine andere Datei für den MailTLS-Speicher.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2. MailTLS has not changed it. Restore it from a backup, or move it away so that MailTLS starts a new store (the logs are then read again).</source>
        <translation>%1 ist beschädigt: %2. MailTLS hat die Datei nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, damit MailTLS einen neuen Speicher anlegt (die Protokolle werden dann erneut gelesen).</translation>
    </message>
    <message>
        <source>%1 is not a file. Choose a file name for the MailTLS store.</source>
        <translation>%1 ist keine Datei. Wählen Sie einen Dateinamen für den MailTLS-Speicher.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file&apos;s permissions.</source>
        <translation>%1 kann nicht gelesen werden: %2. Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>%1 is not a database (it does not start with the SQLite header). MailTLS has not changed it. Choose another file for the MailTLS store, or move this one away.</source>
        <translation>%1 ist keine Datenbank (sie beginnt nicht mit dem SQLite-Kopf). MailTLS hat die Datei nicht verändert. Wählen Sie eine andere Datei für den MailTLS-Speicher oder verschieben Sie diese.</translation>
    </message>
    <message>
        <source>it ends inside its %1-byte header (%2 bytes)</source>
        <translation>sie endet innerhalb ihres %1 Byte langen Kopfes (%2 Bytes)</translation>
    </message>
    <message>
        <source>its header names an impossible page size (%1)</source>
        <translation>ihr Kopf nennt eine unmögliche Seitengröße (%1)</translation>
    </message>
    <message>
        <source>it holds %1 bytes where its header says %2; it was probably cut short by a full disk or an incomplete copy</source>
        <translation>sie enthält %1 Bytes, ihr Kopf nennt %2; sie wurde wahrscheinlich durch einen vollen Datenträger oder eine unvollständige Kopie abgeschnitten</translation>
    </message>
    <message>
        <source>its size (%1 bytes) is not a whole number of %2-byte pages</source>
        <translation>ihre Größe (%1 Bytes) ist kein Vielfaches der Seitengröße von %2 Bytes</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file&apos;s permissions and the free space on its disk.</source>
        <translation>%1 kann nicht gelesen werden: %2. Prüfen Sie die Zugriffsrechte der Datei und den freien Platz auf ihrem Datenträger.</translation>
    </message>
    <message>
        <source>its SQLite application id is 0x%1, not MailTLS&apos;s 0x%2</source>
        <translation>ihre SQLite-Anwendungskennung ist 0x%1, nicht die von MailTLS (0x%2)</translation>
    </message>
    <message>
        <source>it has no MailTLS application id and schema version %1</source>
        <translation>sie hat keine MailTLS-Anwendungskennung und die Schemaversion %1</translation>
    </message>
    <message>
        <source>it has no MailTLS application id and holds %1 table(s) such as %2</source>
        <translation>sie hat keine MailTLS-Anwendungskennung und enthält %1 Tabelle(n), etwa %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of MailTLS (store schema %2; this version reads up to %3). MailTLS has not changed it. Install the newer MailTLS again, or choose another file for the store.</source>
        <translation>%1 wurde von einer neueren MailTLS-Version geschrieben (Speicherschema %2; diese Version liest bis %3). MailTLS hat die Datei nicht verändert. Installieren Sie die neuere MailTLS-Version wieder oder wählen Sie eine andere Datei für den Speicher.</translation>
    </message>
    <message>
        <source>it carries MailTLS&apos;s application id but no schema version</source>
        <translation>sie trägt die MailTLS-Anwendungskennung, aber keine Schemaversion</translation>
    </message>
    <message>
        <source>its table &quot;%1&quot; is missing</source>
        <translation>ihre Tabelle „%1“ fehlt</translation>
    </message>
    <message>
        <source>The store writer for %1 was not started.</source>
        <translation>Der Schreibvorgang für %1 wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the MailTLS store. Check its permissions, or choose another place.</source>
        <translation>Der Ordner %1 für den MailTLS-Speicher kann nicht angelegt werden. Prüfen Sie die Zugriffsrechte oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Cannot open %1: Qt&apos;s SQLite driver (QSQLITE) is not installed. Install the Qt 6 SQLite plugin.</source>
        <translation>%1 kann nicht geöffnet werden: Der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert. Installieren Sie das SQLite-Plugin für Qt 6.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2. Check that you may read and write it and its folder.</source>
        <translation>%1 kann nicht geöffnet werden: %2. Prüfen Sie, ob Sie die Datei und ihren Ordner lesen und schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot switch %1 to write-ahead logging: %2. Check that you may write the file and its folder.</source>
        <translation>%1 kann nicht auf Write-Ahead-Logging umgestellt werden: %2. Prüfen Sie, ob Sie die Datei und ihren Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot set up %1: %2</source>
        <translation>%1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>Cannot bring %1 to store schema %2: %3. The file was left as it was; check that you may write it and that its disk has free space.</source>
        <translation>%1 kann nicht auf Speicherschema %2 gebracht werden: %3. Die Datei blieb unverändert; prüfen Sie, ob Sie sie schreiben dürfen und ob ihr Datenträger freien Platz hat.</translation>
    </message>
    <message>
        <source>The store %1 is not open.</source>
        <translation>Der Speicher %1 ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The source %1 is already in %2.</source>
        <translation>Die Quelle %1 ist bereits in %2.</translation>
    </message>
    <message>
        <source>Cannot add the source %1 to %2: %3</source>
        <translation>Die Quelle %1 kann nicht zu %2 hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot store a batch of source %1 (up to position %2) in %3; nothing of it was written: %4</source>
        <translation>Ein Stapel der Quelle %1 (bis Position %2) kann nicht in %3 gespeichert werden; nichts davon wurde geschrieben: %4</translation>
    </message>
    <message>
        <source>Cannot read figures from %1: %2</source>
        <translation>Zahlen können nicht aus %1 gelesen werden: %2</translation>
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
