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
    <name>CsvFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>DashboardCards</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>Die Zahlen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>DashboardCsv</name>
    <message>
        <source>all records</source>
        <translation>alle Datensätze</translation>
    </message>
    <message>
        <source>the first record</source>
        <translation>erster Datensatz</translation>
    </message>
    <message>
        <source>the last record</source>
        <translation>letzter Datensatz</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC; the start included, the end not)</source>
        <translation>%1 bis %2 (UTC; Beginn eingeschlossen, Ende nicht)</translation>
    </message>
    <message>
        <source>%1; peers named by registrable domain</source>
        <translation>%1; Gegenstellen nach registrierbarer Domain benannt</translation>
    </message>
    <message>
        <source>%1; peers named by host</source>
        <translation>%1; Gegenstellen nach Host benannt</translation>
    </message>
    <message>
        <source>; local hops included</source>
        <translation>; lokale Wege einbezogen</translation>
    </message>
    <message>
        <source>; local hops left out</source>
        <translation>; lokale Wege ausgelassen</translation>
    </message>
    <message>
        <source>; also left out as local: %1</source>
        <translation>; außerdem als lokal ausgelassen: %1</translation>
    </message>
    <message>
        <source>messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601)</source>
        <translation>Nachrichten, Verbindungen und Fehler sind Anzahlen; Bytes sind Bytes; Prozentwerte beziehen sich auf Nachrichten oder Bytes; Zeiten sind UTC (ISO 8601)</translation>
    </message>
    <message>
        <source>Time range: %1</source>
        <translation>Zeitraum: %1</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Auswahl: %1</translation>
    </message>
    <message>
        <source>Units: %1</source>
        <translation>Einheiten: %1</translation>
    </message>
    <message>
        <source>Encrypted share per direction</source>
        <translation>Verschlüsselter Anteil je Richtung</translation>
    </message>
    <message>
        <source>Encrypted and plaintext mail per hour (UTC hours)</source>
        <translation>Verschlüsselte und unverschlüsselte Mail je Stunde (UTC-Stunden)</translation>
    </message>
    <message>
        <source>Encrypted and plaintext mail per day (UTC days)</source>
        <translation>Verschlüsselte und unverschlüsselte Mail je Tag (UTC-Tage)</translation>
    </message>
    <message>
        <source>Peers with the most plaintext messages</source>
        <translation>Gegenstellen mit den meisten Klartext-Nachrichten</translation>
    </message>
    <message>
        <source>Recent TLS failures, newest first</source>
        <translation>Jüngste TLS-Fehler, neueste zuerst</translation>
    </message>
    <message>
        <source>Whether the mail server logs TLS</source>
        <translation>Ob der Mailserver TLS protokolliert</translation>
    </message>
    <message>
        <source>MailTLS overview</source>
        <translation>MailTLS: Übersicht</translation>
    </message>
    <message>
        <source>MailTLS encrypted share per direction</source>
        <translation>MailTLS: Verschlüsselter Anteil je Richtung</translation>
    </message>
    <message>
        <source>MailTLS trend of encrypted and plaintext mail</source>
        <translation>MailTLS: Verlauf verschlüsselter und unverschlüsselter Mail</translation>
    </message>
    <message>
        <source>MailTLS top plaintext peers</source>
        <translation>MailTLS: Gegenstellen mit dem meisten Klartext</translation>
    </message>
    <message>
        <source>MailTLS recent TLS failures</source>
        <translation>MailTLS: Jüngste TLS-Fehler</translation>
    </message>
    <message>
        <source>MailTLS peers</source>
        <translation>MailTLS: Gegenstellen</translation>
    </message>
    <message>
        <source>; TLS versions and cipher suites list encrypted connections (their count), most first</source>
        <translation>; TLS-Versionen und Cipher-Suites sind mit der Anzahl ihrer verschlüsselten Verbindungen (in Klammern) aufgeführt, häufigste zuerst</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>MailTLS TLS quality</source>
        <translation>MailTLS: TLS-Qualität</translation>
    </message>
    <message>
        <source>connections are encrypted connections; peers count peers per direction; failures are counts; times are UTC (ISO 8601)</source>
        <translation>Verbindungen zählen verschlüsselte Verbindungen; Gegenstellen werden je Richtung gezählt; Fehler sind Anzahlen; Zeiten sind UTC (ISO 8601)</translation>
    </message>
    <message>
        <source>Protocol versions</source>
        <translation>Protokollversionen</translation>
    </message>
    <message>
        <source>Cipher suites</source>
        <translation>Cipher-Suites</translation>
    </message>
    <message>
        <source>Key exchanges</source>
        <translation>Schlüsselaustauschverfahren</translation>
    </message>
    <message>
        <source>Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites</source>
        <translation>Gegenstellen, die Cipher-Suites mit Finite-Field-Diffie-Hellman (DHE/EDH) verwenden</translation>
    </message>
    <message>
        <source>Peers failing with &quot;dh key too small&quot;</source>
        <translation>Gegenstellen mit dem Fehler „dh key too small“</translation>
    </message>
    <message>
        <source>Peers with certificate failures</source>
        <translation>Gegenstellen mit Zertifikatsfehlern</translation>
    </message>
    <message>
        <source>Connections, newest first</source>
        <translation>Verbindungen, neueste zuerst</translation>
    </message>
    <message>
        <source>TLS failures, newest first</source>
        <translation>TLS-Fehler, neueste zuerst</translation>
    </message>
    <message>
        <source>Correspondents (envelope addresses; our side of inbound mail is not recorded)</source>
        <translation>Korrespondenzpartner (Envelope-Adressen; unsere Seite eingehender Mail wird nicht erfasst)</translation>
    </message>
    <message>
        <source>MailTLS peer %1</source>
        <translation>MailTLS: Gegenstelle %1</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>MailTLS TLS quality: %1</source>
        <translation>MailTLS: TLS-Qualität – %1</translation>
    </message>
    <message>
        <source>MailTLS peer %1: %2</source>
        <translation>MailTLS: Gegenstelle %1 – %2</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Write what a dashboard page shows as CSV: the overview (encrypted shares, trend, top plaintext peers, recent TLS failures, whether TLS is logged), the peers table, or TLS quality.</source>
        <translation>Als CSV schreiben, was eine Dashboard-Seite zeigt: die Übersicht (verschlüsselte Anteile, Verlauf, Gegenstellen mit dem meisten Klartext, jüngste TLS-Fehler, ob TLS protokolliert wird), die Tabelle der Gegenstellen oder die TLS-Qualität.</translation>
    </message>
    <message>
        <source>The database to read (it must exist).</source>
        <translation>Die zu lesende Datenbank (sie muss existieren).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>overview, peers or tls.</source>
        <translation>overview, peers oder tls.</translation>
    </message>
    <message>
        <source>VIEW</source>
        <translation>ANSICHT</translation>
    </message>
    <message>
        <source>Write the CSV here (- for standard output).</source>
        <translation>Die CSV-Datei hierhin schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Overview: how many plaintext peers and recent failures (default 10).</source>
        <translation>Übersicht: wie viele Gegenstellen mit Klartext und jüngste Fehler (Vorgabe 10).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Overview: trend points per hour, per day, or auto (default: hours for ranges of up to 72 hours).</source>
        <translation>Übersicht: Verlaufspunkte je Stunde, je Tag oder auto (Vorgabe: Stunden bei Zeiträumen bis zu 72 Stunden).</translation>
    </message>
    <message>
        <source>auto|hour|day</source>
        <translation>auto|hour|day</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>export needs --%1</source>
        <translation>export braucht --%1</translation>
    </message>
    <message>
        <source>--view: &quot;%1&quot; is not one of overview, peers, tls</source>
        <translation>--view: „%1“ ist keiner der Werte overview, peers, tls</translation>
    </message>
    <message>
        <source>--top: &quot;%1&quot; is not a number of peers</source>
        <translation>--top: „%1“ ist keine Anzahl von Gegenstellen</translation>
    </message>
    <message>
        <source>--bucket: &quot;%1&quot; is not one of auto, hour, day</source>
        <translation>--bucket: „%1“ ist keiner der Werte auto, hour, day</translation>
    </message>
    <message>
        <source>there is no database at %1</source>
        <translation>unter %1 gibt es keine Datenbank</translation>
    </message>
</context>
<context>
    <name>FollowCommand</name>
    <message>
        <source>Follow logs as they are written and store their figures, until interrupted (Ctrl+C or SIGTERM).
SOURCE is a log file, journal[:UNIT], ssh://[user@]host[:port]/path/to/log or ssh://[user@]host[:port]/journal[:UNIT]. Each source resumes where it stopped.</source>
        <translation>Protokolle beim Schreiben mitlesen und ihre Zahlen speichern, bis zur Unterbrechung (Strg+C oder SIGTERM).
SOURCE ist eine Protokolldatei, journal[:UNIT], ssh://[user@]host[:port]/path/to/log oder ssh://[user@]host[:port]/journal[:UNIT]. Jede Quelle setzt dort fort, wo sie aufgehört hat.</translation>
    </message>
    <message>
        <source>The database to store into (required).</source>
        <translation>Die Datenbank, in die gespeichert wird (erforderlich).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Accept this SSH host key fingerprint (SHA256:…) for a host not known yet. Repeatable.</source>
        <translation>Diesen SSH-Hostschlüssel-Fingerabdruck (SHA256:…) für einen noch unbekannten Host annehmen. Mehrfach möglich.</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>Use this ssh configuration file instead of ~/.ssh/config.</source>
        <translation>Diese ssh-Konfigurationsdatei statt ~/.ssh/config verwenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Read journal files from this folder instead of the system journal.</source>
        <translation>Journal-Dateien aus diesem Ordner statt aus dem System-Journal lesen.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Seconds between progress lines (default 10; 0: none).</source>
        <translation>Sekunden zwischen Fortschrittszeilen (Vorgabe 10; 0: keine).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>What to follow.</source>
        <translation>Was mitgelesen werden soll.</translation>
    </message>
    <message>
        <source>follow: give the database to store into with --db PATH</source>
        <translation>follow: die Datenbank, in die gespeichert wird, mit --db PFAD angeben</translation>
    </message>
    <message>
        <source>follow: give at least one SOURCE (see mailtls follow --help)</source>
        <translation>follow: mindestens eine SOURCE angeben (siehe mailtls follow --help)</translation>
    </message>
    <message>
        <source>--progress-interval: &quot;%1&quot; is not a number of seconds</source>
        <translation>--progress-interval: „%1“ ist keine Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>passwords and host keys cannot be asked for: %1</source>
        <translation>nach Passwörtern und Hostschlüsseln kann nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>%1 (port %2) is a host MailTLS does not know. Its %3 key fingerprint is %4. If the server&apos;s administrator confirms that fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub on the server), run again with --accept-host-key %4</source>
        <translation>%1 (Port %2) ist ein Host, den MailTLS nicht kennt. Der Fingerabdruck seines %3-Schlüssels ist %4. Wenn der Administrator des Servers diesen Fingerabdruck bestätigt (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub auf dem Server), erneut mit --accept-host-key %4 ausführen</translation>
    </message>
    <message>
        <source>It will be asked for each time.</source>
        <translation>Es wird jedes Mal danach gefragt.</translation>
    </message>
    <message>
        <source>ssh asks &quot;%1&quot;, and there is no terminal to ask on: use a key without a passphrase or an ssh-agent, or run mailtls follow once in a terminal so the answer is kept in the keychain</source>
        <translation>ssh fragt „%1“, aber es gibt kein Terminal für die Frage: einen Schlüssel ohne Passphrase oder einen ssh-agent verwenden, oder mailtls follow einmal in einem Terminal ausführen, damit die Antwort im Schlüsselbund gespeichert wird</translation>
    </message>
    <message>
        <source>cannot catch SIGINT and SIGTERM: %1</source>
        <translation>SIGINT und SIGTERM können nicht abgefangen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2 lines read, %3 lines/s, at byte %4</source>
        <translation>%1: %2 Zeilen gelesen, %3 Zeilen/s, bei Byte %4</translation>
    </message>
    <message>
        <source>stopped; 1 line read and stored</source>
        <translation>beendet; 1 Zeile gelesen und gespeichert</translation>
    </message>
    <message>
        <source>stopped; %1 lines read and stored</source>
        <translation>beendet; %1 Zeilen gelesen und gespeichert</translation>
    </message>
</context>
<context>
    <name>LocalCommandHost</name>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
</context>
<context>
    <name>LocalSourceDiscovery</name>
    <message>
        <source>the systemd journal</source>
        <translation>das systemd-Journal</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>journalctl is not installed, so MailTLS cannot read the systemd journal</source>
        <translation>journalctl ist nicht installiert, daher kann MailTLS das systemd-Journal nicht lesen</translation>
    </message>
    <message>
        <source>This computer keeps no systemd journal (there is no %1)</source>
        <translation>Dieser Computer führt kein systemd-Journal (es gibt kein %1)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Permission denied reading the systemd journal: add your user to the %1 group, or run as root</source>
        <translation>Zugriff verweigert beim Lesen des systemd-Journals: Nehmen Sie Ihren Benutzer in die Gruppe %1 auf oder führen Sie MailTLS als root aus</translation>
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
    <name>LogLineReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is shorter than when it was read: it ends before byte %2</source>
        <translation>%1 ist kürzer als beim Lesen: Die Datei endet vor Byte %2</translation>
    </message>
    <message>
        <source>the source %1 has no readable position; its lines cannot be read back</source>
        <translation>die Quelle %1 hat keine lesbare Position; ihre Zeilen können nicht erneut gelesen werden</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is no longer the file that was read (it was rotated or replaced)</source>
        <translation>%1 ist nicht mehr die Datei, die gelesen wurde (sie wurde rotiert oder ersetzt)</translation>
    </message>
    <message>
        <source>the lines of this record are in an earlier file of %1 that was rotated away</source>
        <translation>die Zeilen dieses Datensatzes stehen in einer früheren Datei von %1, die wegrotiert wurde</translation>
    </message>
    <message>
        <source>this log was read from standard input; its lines cannot be read back</source>
        <translation>dieses Protokoll wurde von der Standardeingabe gelesen; seine Zeilen können nicht erneut gelesen werden</translation>
    </message>
    <message>
        <source>%1 is empty now: it is no longer the log that was imported</source>
        <translation>%1 ist jetzt leer: Es ist nicht mehr das importierte Protokoll</translation>
    </message>
    <message>
        <source>%1 is no longer the log that was imported (its first line differs)</source>
        <translation>%1 ist nicht mehr das importierte Protokoll (seine erste Zeile weicht ab)</translation>
    </message>
    <message>
        <source>%1 holds no line at byte %2 any more</source>
        <translation>%1 enthält bei Byte %2 keine Zeile mehr</translation>
    </message>
    <message>
        <source>the lines of %1 cannot be read back: only local log files can be</source>
        <translation>die Zeilen von %1 können nicht erneut gelesen werden: Das geht nur bei lokalen Protokolldateien</translation>
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
    <name>LogSource</name>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>following</source>
        <translation>liest mit</translation>
    </message>
    <message>
        <source>catching up</source>
        <translation>holt auf</translation>
    </message>
</context>
<context>
    <name>ProvenanceQuery</name>
    <message>
        <source>there is no record %1 in %2</source>
        <translation>in %2 gibt es keinen Datensatz %1</translation>
    </message>
    <message>
        <source>the line offsets of record %1 in %2 are damaged</source>
        <translation>die Zeilenpositionen des Datensatzes %1 in %2 sind beschädigt</translation>
    </message>
</context>
<context>
    <name>RecordTitles</name>
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
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <source>Untrusted</source>
        <translation>Nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>The mail server did not log how far it trusted the certificate.</source>
        <translation>Der Mailserver hat nicht protokolliert, wie weit er dem Zertifikat vertraut hat.</translation>
    </message>
    <message>
        <source>No certificate was presented (anonymous TLS): encrypted, but not authenticated.</source>
        <translation>Es wurde kein Zertifikat vorgelegt (anonymes TLS): verschlüsselt, aber nicht authentifiziert.</translation>
    </message>
    <message>
        <source>The certificate was not signed by a trusted authority: encrypted, but the peer could be anyone.</source>
        <translation>Das Zertifikat wurde nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert: verschlüsselt, aber die Gegenstelle könnte jeder sein.</translation>
    </message>
    <message>
        <source>The certificate was signed by a trusted authority; its name was not checked.</source>
        <translation>Das Zertifikat wurde von einer vertrauenswürdigen Zertifizierungsstelle signiert; sein Name wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>The certificate was signed by a trusted authority and matched the peer&apos;s name.</source>
        <translation>Das Zertifikat wurde von einer vertrauenswürdigen Zertifizierungsstelle signiert und passte zum Namen der Gegenstelle.</translation>
    </message>
    <message>
        <source>STARTTLS not offered</source>
        <translation>STARTTLS nicht angeboten</translation>
    </message>
    <message>
        <source>Cannot start TLS</source>
        <translation>TLS kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Handshake failed</source>
        <translation>Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>DH key too small</source>
        <translation>DH-Schlüssel zu klein</translation>
    </message>
    <message>
        <source>Certificate not accepted</source>
        <translation>Zertifikat nicht akzeptiert</translation>
    </message>
    <message>
        <source>Lost after STARTTLS</source>
        <translation>Nach STARTTLS abgebrochen</translation>
    </message>
    <message>
        <source>Other TLS problem</source>
        <translation>Anderes TLS-Problem</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ReportFilterOptions</name>
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
        <source>--direction: &quot;%1&quot; is not one of inbound, outbound, submission, all</source>
        <translation>--direction: „%1“ ist keiner der Werte inbound, outbound, submission, all</translation>
    </message>
    <message>
        <source>--group-by: &quot;%1&quot; is not one of host, domain</source>
        <translation>--group-by: „%1“ ist keiner der Werte host, domain</translation>
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
        <translation>TLS-Fehler</translation>
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
    <name>SourceSpec</name>
    <message>
        <source>&quot;%1&quot; names no unit after &quot;journal:&quot;: give one (journal:postfix.service) or write &quot;journal&quot; alone for the mail server&apos;s usual identifiers.</source>
        <translation>„%1“ nennt keine Unit nach „journal:“: Geben Sie eine an (journal:postfix.service) oder schreiben Sie nur „journal“ für die üblichen Kennungen des Mailservers.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a systemd unit name (it has spaces, or starts with a dash).</source>
        <translation>„%1“ ist kein systemd-Unit-Name (er enthält Leerzeichen oder beginnt mit einem Bindestrich).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no log on the host: add the log&apos;s path (ssh://host/var/log/mail.log) or /journal.</source>
        <translation>„%1“ nennt kein Protokoll auf dem Host: Ergänzen Sie den Pfad des Protokolls (ssh://host/var/log/mail.log) oder /journal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user name ssh can log in as.</source>
        <translation>„%1“ ist kein Benutzername, mit dem sich ssh anmelden kann.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; opens an IPv6 address with &quot;[&quot; but does not close it.</source>
        <translation>„%1“ öffnet eine IPv6-Adresse mit „[“, schließt sie aber nicht.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has text after the IPv6 address that is not a port.</source>
        <translation>„%1“ enthält nach der IPv6-Adresse Text, der kein Port ist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>„%1“ ist kein Hostname und keine Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1 to 65535).</source>
        <translation>„%1“ ist keine Portnummer (1 bis 65535).</translation>
    </message>
    <message>
        <source>The path &quot;%1&quot; has a line break or a NUL in it.</source>
        <translation>Der Pfad „%1“ enthält einen Zeilenumbruch oder ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The source is empty: give a log file, journal[:UNIT], or ssh://host/path.</source>
        <translation>Die Quelle ist leer: Geben Sie eine Protokolldatei, journal[:UNIT] oder ssh://host/path an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses a scheme MailTLS cannot follow; it follows local files, journal[:UNIT] and ssh://host/path.</source>
        <translation>„%1“ verwendet ein Schema, das MailTLS nicht mitlesen kann; es liest lokale Dateien, journal[:UNIT] und ssh://host/path mit.</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>journal (%1)</source>
        <translation>Journal (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SshCommandHost</name>
    <message>
        <source>&quot;%1&quot; is not an absolute path.</source>
        <translation>„%1“ ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <source>ssh would read &quot;${&quot; in &quot;%1&quot; as an environment variable.</source>
        <translation>ssh würde „${“ in „%1“ als Umgebungsvariable lesen.</translation>
    </message>
    <message>
        <source>The path &quot;%1&quot; has a control character in it.</source>
        <translation>Der Pfad „%1“ enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host ssh can connect to.</source>
        <translation>„%1“ ist kein Host, mit dem sich ssh verbinden kann.</translation>
    </message>
    <message>
        <source>MailTLS has no file to keep accepted host keys in.</source>
        <translation>MailTLS hat keine Datei, in der angenommene Hostschlüssel gespeichert werden können.</translation>
    </message>
    <message>
        <source>MailTLS cannot hand its known-hosts file to ssh: %1</source>
        <translation>MailTLS kann seine Known-Hosts-Datei nicht an ssh übergeben: %1</translation>
    </message>
    <message>
        <source>MailTLS cannot hand the key file to ssh: %1</source>
        <translation>MailTLS kann die Schlüsseldatei nicht an ssh übergeben: %1</translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>ssh refused its configuration (%1). Fix that file or option, then start the source again.</source>
        <translation>ssh hat seine Konfiguration abgelehnt (%1). Korrigieren Sie diese Datei oder Option und starten Sie die Quelle dann erneut.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>(ssh did not print it)</source>
        <translation>(von ssh nicht ausgegeben)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED: the server showed the key %2, not the one on file. This may be an attack (someone between you and the server), or the server was reinstalled. MailTLS will not connect until you have checked the new fingerprint with the server&apos;s administrator and removed the old key from %3.</source>
        <translation>Der Hostschlüssel von %1 hat sich GEÄNDERT: Der Server zeigte den Schlüssel %2, nicht den gespeicherten. Das kann ein Angriff sein (jemand zwischen Ihnen und dem Server), oder der Server wurde neu installiert. MailTLS verbindet sich erst wieder, wenn Sie den neuen Fingerabdruck mit dem Administrator des Servers abgeglichen und den alten Schlüssel aus %3 entfernt haben.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known, and MailTLS could not ask you about it (%2). MailTLS did not connect.</source>
        <translation>Der Hostschlüssel von %1 ist nicht bekannt, und MailTLS konnte Sie nicht danach fragen (%2). MailTLS hat keine Verbindung aufgebaut.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known and was not accepted, so MailTLS did not connect. Start the source again to see the key&apos;s fingerprint, and accept it once the server&apos;s administrator has confirmed it.</source>
        <translation>Der Hostschlüssel von %1 ist nicht bekannt und wurde nicht angenommen, daher hat MailTLS keine Verbindung aufgebaut. Starten Sie die Quelle erneut, um den Fingerabdruck des Schlüssels zu sehen, und nehmen Sie ihn an, sobald der Administrator des Servers ihn bestätigt hat.</translation>
    </message>
    <message>
        <source>%1 refused the login: ssh ignored the key %2 because other users can read it. Make it private (chmod 600), then start the source again.</source>
        <translation>%1 hat die Anmeldung abgelehnt: ssh hat den Schlüssel %2 ignoriert, weil andere Benutzer ihn lesen können. Machen Sie ihn privat (chmod 600) und starten Sie die Quelle dann erneut.</translation>
    </message>
    <message>
        <source>%1 refused the login after too many attempts: ssh offered more keys than the server accepts before the right one. Name the key for this host (IdentityFile and IdentitiesOnly yes in ~/.ssh/config), then start the source again.</source>
        <translation>%1 hat die Anmeldung nach zu vielen Versuchen abgelehnt: ssh hat vor dem richtigen Schlüssel mehr Schlüssel angeboten, als der Server zulässt. Legen Sie den Schlüssel für diesen Host fest (IdentityFile und IdentitiesOnly yes in ~/.ssh/config) und starten Sie die Quelle dann erneut.</translation>
    </message>
    <message>
        <source>%1 refused the login (it accepts: %2). Check the user name and that your key is in that user&apos;s authorized_keys on the server. MailTLS does not retry by itself, so the server does not lock the account.</source>
        <translation>%1 hat die Anmeldung abgelehnt (zulässig: %2). Prüfen Sie den Benutzernamen und ob Ihr Schlüssel auf dem Server in den authorized_keys dieses Benutzers steht. MailTLS versucht es nicht von selbst erneut, damit der Server das Konto nicht sperrt.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the host name and port, that the server is running and that no firewall is in the way; MailTLS keeps trying.</source>
        <translation>%1 ist nicht erreichbar (%2). Prüfen Sie Hostname und Port, ob der Server läuft und ob keine Firewall im Weg ist; MailTLS versucht es weiter.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2); MailTLS reconnects.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen (%2); MailTLS verbindet sich erneut.</translation>
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
    <name>TlsLoggingCheck</name>
    <message numerus="yes">
        <source>None of the %n inbound connection(s) was encrypted. Either your server does not offer STARTTLS, or it does not log TLS, so that encrypted mail looks like plaintext. In Postfix, set smtpd_tls_security_level = may and smtpd_tls_loglevel = 1 in main.cf, then run &quot;postfix reload&quot;.</source>
        <translation>
            <numerusform>Die %n eingehende Verbindung war nicht verschlüsselt. Entweder bietet Ihr Server kein STARTTLS an, oder er protokolliert TLS nicht, sodass verschlüsselte Mail wie Klartext aussieht. Setzen Sie in Postfix smtpd_tls_security_level = may und smtpd_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
            <numerusform>Keine der %n eingehenden Verbindungen war verschlüsselt. Entweder bietet Ihr Server kein STARTTLS an, oder er protokolliert TLS nicht, sodass verschlüsselte Mail wie Klartext aussieht. Setzen Sie in Postfix smtpd_tls_security_level = may und smtpd_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n outbound connection(s) was encrypted. Either your server does not try STARTTLS, or it does not log TLS, so that encrypted deliveries look like plaintext. In Postfix, set smtp_tls_security_level = may and smtp_tls_loglevel = 1 in main.cf, then run &quot;postfix reload&quot;.</source>
        <translation>
            <numerusform>Die %n ausgehende Verbindung war nicht verschlüsselt. Entweder versucht Ihr Server kein STARTTLS, oder er protokolliert TLS nicht, sodass verschlüsselte Zustellungen wie Klartext aussehen. Setzen Sie in Postfix smtp_tls_security_level = may und smtp_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
            <numerusform>Keine der %n ausgehenden Verbindungen war verschlüsselt. Entweder versucht Ihr Server kein STARTTLS, oder er protokolliert TLS nicht, sodass verschlüsselte Zustellungen wie Klartext aussehen. Setzen Sie in Postfix smtp_tls_security_level = may und smtp_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your server does not log the TLS details of inbound mail: %n encrypted connection(s) are known only from their disconnect statistics, without protocol, cipher or certificate trust. In Postfix, set smtpd_tls_loglevel = 1 in main.cf, then run &quot;postfix reload&quot;.</source>
        <translation>
            <numerusform>Ihr Server protokolliert die TLS-Details eingehender Mail nicht: %n verschlüsselte Verbindung ist nur aus ihrer Statistik beim Trennen (disconnect) bekannt, ohne Protokollversion, Cipher oder Vertrauensstatus des Zertifikats. Setzen Sie in Postfix smtpd_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
            <numerusform>Ihr Server protokolliert die TLS-Details eingehender Mail nicht: %n verschlüsselte Verbindungen sind nur aus ihrer Statistik beim Trennen (disconnect) bekannt, ohne Protokollversion, Cipher oder Vertrauensstatus des Zertifikats. Setzen Sie in Postfix smtpd_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your server does not log the TLS details of outbound mail: %n encrypted connection(s) carry no protocol, cipher or certificate trust. In Postfix, set smtp_tls_loglevel = 1 in main.cf, then run &quot;postfix reload&quot;.</source>
        <translation>
            <numerusform>Ihr Server protokolliert die TLS-Details ausgehender Mail nicht: %n verschlüsselte Verbindung enthält keine Angaben zu Protokollversion, Cipher oder Vertrauensstatus des Zertifikats. Setzen Sie in Postfix smtp_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
            <numerusform>Ihr Server protokolliert die TLS-Details ausgehender Mail nicht: %n verschlüsselte Verbindungen enthalten keine Angaben zu Protokollversion, Cipher oder Vertrauensstatus des Zertifikats. Setzen Sie in Postfix smtp_tls_loglevel = 1 in der main.cf und führen Sie dann „postfix reload“ aus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficStore</name>
    <message>
        <source>%1 belongs to another application (%2). MailTLS has not changed it. Choose another file for the MailTLS store.</source>
        <translation>%1 gehört zu einer anderen Anwendung (%2). MailTLS hat die Datei nicht verändert. Wählen Sie eine andere Datei für den MailTLS-Datenbank.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2. MailTLS has not changed it. Restore it from a backup, or move it away so that MailTLS starts a new store (the logs are then read again).</source>
        <translation>%1 ist beschädigt: %2. MailTLS hat die Datei nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, damit MailTLS einen neue Datenbank anlegt (die Protokolle werden dann erneut gelesen).</translation>
    </message>
    <message>
        <source>%1 is not a file. Choose a file name for the MailTLS store.</source>
        <translation>%1 ist keine Datei. Wählen Sie einen Dateinamen für den MailTLS-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file&apos;s permissions.</source>
        <translation>%1 kann nicht gelesen werden: %2. Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>%1 is not a database (it does not start with the SQLite header). MailTLS has not changed it. Choose another file for the MailTLS store, or move this one away.</source>
        <translation>%1 ist keine Datenbank (sie beginnt nicht mit dem SQLite-Kopf). MailTLS hat die Datei nicht verändert. Wählen Sie eine andere Datei für den MailTLS-Datenbank oder verschieben Sie diese.</translation>
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
        <translation>%1 wurde von einer neueren MailTLS-Version geschrieben (Datenbankschema %2; diese Version liest bis %3). MailTLS hat die Datei nicht verändert. Installieren Sie die neuere MailTLS-Version wieder oder wählen Sie eine andere Datei für den Speicher.</translation>
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
        <translation>Der Ordner %1 für den MailTLS-Datenbank kann nicht angelegt werden. Prüfen Sie die Zugriffsrechte oder wählen Sie einen anderen Ort.</translation>
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
        <translation>%1 kann nicht auf Datenbankschema %2 gebracht werden: %3. Die Datei blieb unverändert; prüfen Sie, ob Sie sie schreiben dürfen und ob ihr Datenträger freien Platz hat.</translation>
    </message>
    <message>
        <source>The store %1 is not open.</source>
        <translation>Die Datenbank %1 ist nicht geöffnet.</translation>
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
    <message>
        <source>Cannot change source %1 in %2: %3</source>
        <translation>Die Quelle %1 in %2 kann nicht geändert werden: %3</translation>
    </message>
    <message>
        <source>there is no such source</source>
        <translation>diese Quelle gibt es nicht</translation>
    </message>
</context>
<context>
    <name>TrendQuery</name>
    <message>
        <source>the range holds %1 points of this length, more than %2; choose a shorter range or longer points</source>
        <translation>der Zeitraum umfasst %1 Punkte dieser Länge, mehr als %2; wählen Sie einen kürzeren Zeitraum oder längere Punkte</translation>
    </message>
</context>
<context>
    <name>mailtls::AskpassServer</name>
    <message>
        <source>Cannot create a private folder for ssh&apos;s password questions: %1</source>
        <translation>Für die Passwortabfragen von ssh kann kein privater Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot listen for ssh&apos;s password questions on %1: %2</source>
        <translation>Passwortabfragen von ssh können auf %1 nicht entgegengenommen werden: %2</translation>
    </message>
</context>
<context>
    <name>mailtls::CorrespondentModel</name>
    <message>
        <source>Ours</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Fremde</translation>
    </message>
    <message>
        <source>The null sender: bounces and delivery reports</source>
        <translation>Der leere Absender: Unzustellbarkeits- und Zustellberichte</translation>
    </message>
    <message>
        <source>%1 of %2 messages encrypted</source>
        <translation>%1 von %2 Nachrichten verschlüsselt</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
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
        <source>Encrypted %</source>
        <translation>Verschlüsselt %</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Letzte Nachricht</translation>
    </message>
    <message>
        <source>Inbound: mail from the peer; outbound: mail to it</source>
        <translation>Eingehend: Mail von der Gegenstelle; ausgehend: Mail an sie</translation>
    </message>
    <message>
        <source>Ours: an address of ours that sent to the peer; theirs: an address at the peer&apos;s side. The recipients of inbound mail are not recorded.</source>
        <translation>Eigene: eine eigene Adresse, die an die Gegenstelle gesendet hat; fremde: eine Adresse auf Seiten der Gegenstelle. Die Empfänger eingehender Mail werden nicht erfasst.</translation>
    </message>
    <message>
        <source>The envelope address; &lt;&gt; is the null sender of bounces</source>
        <translation>Die Envelope-Adresse; &lt;&gt; ist der leere Absender von Unzustellbarkeitsberichten</translation>
    </message>
    <message>
        <source>Messages this address sent or received through the peer</source>
        <translation>Nachrichten, die diese Adresse über die Gegenstelle gesendet oder empfangen hat</translation>
    </message>
    <message>
        <source>Of those, the messages that crossed the wire encrypted</source>
        <translation>Davon die Nachrichten, die verschlüsselt übertragen wurden</translation>
    </message>
    <message>
        <source>Share of its messages that crossed the wire encrypted</source>
        <translation>Anteil ihrer Nachrichten, die verschlüsselt übertragen wurden</translation>
    </message>
    <message>
        <source>Its last message with the peer, in local time</source>
        <translation>Ihre letzte Nachricht mit der Gegenstelle, in Ortszeit</translation>
    </message>
</context>
<context>
    <name>mailtls::DashboardContext</name>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
</context>
<context>
    <name>mailtls::DistributionChart</name>
    <message>
        <source>Encrypted connections</source>
        <translation>Verschlüsselte Verbindungen</translation>
    </message>
    <message>
        <source>%1 chart</source>
        <translation>Diagramm: %1</translation>
    </message>
    <message>
        <source>No encrypted connections</source>
        <translation>Keine verschlüsselten Verbindungen</translation>
    </message>
</context>
<context>
    <name>mailtls::ExportMenu</name>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>Als &amp;PNG speichern …</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>Als &amp;SVG speichern …</translation>
    </message>
    <message>
        <source>Save as SVG</source>
        <translation>Als SVG speichern</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export this data as CSV, the picture as PNG or SVG, or copy both</source>
        <translation>Diese Daten als CSV exportieren, das Bild als PNG oder SVG, oder beides kopieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>There is no picture to save.</source>
        <translation>Es gibt kein Bild zum Speichern.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported from MailTLS</source>
        <translation>Aus MailTLS exportiert</translation>
    </message>
</context>
<context>
    <name>mailtls::FileSource</name>
    <message>
        <source>The saved position in %1 is not one this version of MailTLS can read; the log is read from its beginning.</source>
        <translation>Die gespeicherte Position in %1 kann diese MailTLS-Version nicht lesen; das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The log %1 was truncated while MailTLS was closed; lines written to it after position %2 could not be read.</source>
        <translation>Das Protokoll %1 wurde gekürzt, während MailTLS geschlossen war; Zeilen, die nach Position %2 hineingeschrieben wurden, konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The log %1 was replaced while MailTLS was closed; lines written to the old file after position %2 could not be read.</source>
        <translation>Das Protokoll %1 wurde ersetzt, während MailTLS geschlossen war; Zeilen, die nach Position %2 in die alte Datei geschrieben wurden, konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 has a line longer than 1 MiB without a line break at position %2; it was cut into pieces of 1 MiB, each read as a line of its own.</source>
        <translation>%1 enthält an Position %2 eine Zeile, die ohne Zeilenumbruch länger als 1 MiB ist; sie wurde in Stücke zu 1 MiB zerlegt, die jeweils als eigene Zeile gelesen wurden.</translation>
    </message>
    <message>
        <source>waiting for %1 to be created again</source>
        <translation>warte, bis %1 wieder angelegt wird</translation>
    </message>
    <message>
        <source>%1 does not exist yet</source>
        <translation>%1 existiert noch nicht</translation>
    </message>
    <message>
        <source>Permission denied reading %1: a folder on its path is closed to your user; open it, or run as root</source>
        <translation>Zugriff verweigert beim Lesen von %1: Ein Ordner in seinem Pfad ist für Ihren Benutzer gesperrt; geben Sie ihn frei oder führen Sie MailTLS als root aus</translation>
    </message>
    <message>
        <source>Permission denied reading %1: add your user to the %2 group, or run as root</source>
        <translation>Zugriff verweigert beim Lesen von %1: Nehmen Sie Ihren Benutzer in die Gruppe %2 auf oder führen Sie MailTLS als root aus</translation>
    </message>
    <message>
        <source>Permission denied reading %1: make it readable for your user, or run as root</source>
        <translation>Zugriff verweigert beim Lesen von %1: Machen Sie die Datei für Ihren Benutzer lesbar oder führen Sie MailTLS als root aus</translation>
    </message>
    <message>
        <source>%1 is a directory, not a log file</source>
        <translation>%1 ist ein Ordner, keine Protokolldatei</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 cannot exist: a part of its path is a file, not a folder</source>
        <translation>%1 kann nicht existieren: Ein Teil seines Pfades ist eine Datei, kein Ordner</translation>
    </message>
</context>
<context>
    <name>mailtls::FilterBar</name>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum …</translation>
    </message>
    <message>
        <source>Which mail the figures count: by the time it arrived, or the connection was made</source>
        <translation>Welche Mail die Zahlen zählen: nach dem Zeitpunkt, zu dem sie eintraf oder die Verbindung aufgebaut wurde</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>Inbound: mail other servers sent to you. Outbound: mail your server relayed to theirs. Submission: mail your own users sent through your server.</source>
        <translation>Eingehend: Mail, die andere Server an Sie gesendet haben. Ausgehend: Mail, die Ihr Server an deren Server weitergeleitet hat. Einlieferung: Mail, die Ihre eigenen Benutzer über Ihren Server versendet haben.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Count each mail server on its own, or together with the other servers of its registrable domain (mx1.example.com and mx2.example.com as example.com)</source>
        <translation>Jeden Mailserver einzeln zählen oder zusammen mit den anderen Servern seiner registrierbaren Domain (mx1.example.com und mx2.example.com als example.com)</translation>
    </message>
    <message>
        <source>Group peers by</source>
        <translation>Gegenstellen gruppieren nach</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>Custom Range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>mailtls::FirstRunAssistant</name>
    <message>
        <source>Welcome to MailTLS</source>
        <translation>Willkommen bei MailTLS</translation>
    </message>
    <message>
        <source>MailTLS reads your mail server&apos;s log and shows how much of your mail travels encrypted, and with whom it does not. Which log should it read?</source>
        <translation>MailTLS liest das Protokoll Ihres Mailservers und zeigt, wie viel Ihrer Mail verschlüsselt übertragen wird und mit wem nicht. Welches Protokoll soll gelesen werden?</translation>
    </message>
    <message>
        <source>Follow a log on &amp;another computer over SSH</source>
        <translation>Ein Protokoll auf einem &amp;anderen Computer über SSH mitlesen</translation>
    </message>
    <message>
        <source>Reads the log of a mail server you reach with ssh, as it is written.</source>
        <translation>Liest das Protokoll eines Mailservers, den Sie per ssh erreichen, während es geschrieben wird.</translation>
    </message>
    <message>
        <source>&amp;Set Up…</source>
        <translation>&amp;Einrichten …</translation>
    </message>
    <message>
        <source>Set up the log on another computer</source>
        <translation>Das Protokoll auf einem anderen Computer einrichten</translation>
    </message>
    <message>
        <source>&amp;Import log files once</source>
        <translation>Protokolldateien einmalig &amp;importieren</translation>
    </message>
    <message>
        <source>Reads log files you have (also rotated or gzip-compressed ones) once; nothing is followed.</source>
        <translation>Liest vorhandene Protokolldateien (auch rotierte oder mit gzip komprimierte) einmalig; nichts wird mitgelesen.</translation>
    </message>
    <message>
        <source>C&amp;hoose Files…</source>
        <translation>&amp;Dateien auswählen …</translation>
    </message>
    <message>
        <source>Choose log files to import</source>
        <translation>Zu importierende Protokolldateien auswählen</translation>
    </message>
    <message>
        <source>Look around with &amp;demo data</source>
        <translation>Mit &amp;Beispieldaten umsehen</translation>
    </message>
    <message>
        <source>A sample log bundled with MailTLS, not your mail. The window says &quot;Demo data&quot; while it shows it.</source>
        <translation>Ein mit MailTLS geliefertes Beispielprotokoll, nicht Ihre Mail. Solange es angezeigt wird, weist das Fenster auf „Beispieldaten“ hin.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Not &amp;Now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>&amp;Follow %1 on this computer</source>
        <translation>%1 auf diesem Computer &amp;mitlesen</translation>
    </message>
    <message>
        <source>Follow %1 on this computer</source>
        <translation>%1 auf diesem Computer mitlesen</translation>
    </message>
    <message>
        <source>Reads it now and keeps reading as the mail server writes.</source>
        <translation>Liest es jetzt und liest weiter, während der Mailserver schreibt.</translation>
    </message>
    <message>
        <source>This computer has a mail log you may not read yet:
%1</source>
        <translation>Dieser Computer hat ein Mail-Protokoll, das Sie noch nicht lesen dürfen:
%1</translation>
    </message>
    <message>
        <source>No mail server log was found on this computer.</source>
        <translation>Auf diesem Computer wurde kein Protokoll eines Mailservers gefunden.</translation>
    </message>
    <message>
        <source>Will follow %1</source>
        <translation>Wird mitgelesen: %1</translation>
    </message>
    <message>
        <source>Will import %1</source>
        <translation>Wird importiert: %1</translation>
    </message>
    <message>
        <source>Log on Another Computer</source>
        <translation>Protokoll auf einem anderen Computer</translation>
    </message>
    <message>
        <source>Choose Mail Logs to Import</source>
        <translation>Zu importierende Mail-Protokolle auswählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Log files (*.log *.log.* *log *.gz)</source>
        <translation>Protokolldateien (*.log *.log.* *log *.gz)</translation>
    </message>
</context>
<context>
    <name>mailtls::FollowWorker</name>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>MailTLS can read this log.</source>
        <translation>MailTLS kann dieses Protokoll lesen.</translation>
    </message>
    <message>
        <source>No answer within %1 seconds.</source>
        <translation>Keine Antwort innerhalb von %1 Sekunden.</translation>
    </message>
    <message>
        <source>What was read could not be stored: %1. Press Retry once the database can be written to again; reading goes on from what it holds.</source>
        <translation>Das Gelesene konnte nicht gespeichert werden: %1. Klicken Sie auf „Wiederholen“, sobald wieder in die Datenbank geschrieben werden kann; es wird ab dem Stand weitergelesen, den sie enthält.</translation>
    </message>
    <message>
        <source>%1: what was read could not be stored: %2</source>
        <translation>%1: Das Gelesene konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>mailtls::HostKeyDialog</name>
    <message>
        <source>Unknown Host Key</source>
        <translation>Unbekannter Hostschlüssel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Do you trust the host key of %1?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vertrauen Sie dem Hostschlüssel von %1?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>MailTLS has never connected to this host. Compare the fingerprint with the one the server&apos;s administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the server) before accepting.</source>
        <translation>MailTLS war noch nie mit diesem Host verbunden. Vergleichen Sie den Fingerabdruck vor dem Annehmen mit dem, den Ihnen der Administrator des Servers nennt (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub auf dem Server).</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <source>An accepted key is kept in MailTLS&apos;s own list of known hosts. Should the host show another key later, MailTLS stops reading from it and tells you.</source>
        <translation>Ein angenommener Schlüssel wird in der eigenen Liste bekannter Hosts von MailTLS gespeichert. Zeigt der Host später einen anderen Schlüssel, liest MailTLS nicht mehr von ihm und teilt Ihnen das mit.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>%1 (address %2)</source>
        <translation>%1 (Adresse %2)</translation>
    </message>
    <message>
        <source>MailTLS already trusts this same key under other names:
%1</source>
        <translation>MailTLS vertraut demselben Schlüssel bereits unter anderen Namen:
%1</translation>
    </message>
</context>
<context>
    <name>mailtls::ImportStatus</name>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import; what was read so far stays, and importing the same logs again goes on from there</source>
        <translation>Den Import abbrechen; das bisher Gelesene bleibt erhalten, und ein erneuter Import derselben Protokolle setzt dort fort</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>%1 % read</source>
        <translation>%1 % gelesen</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n logs…</source>
        <translation>
            <numerusform>%n Protokoll wird importiert …</numerusform>
            <numerusform>%n Protokolle werden importiert …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailtls::JournalSource</name>
    <message>
        <source>The stored position in the journal on %1 could not be read; reading the journal from its oldest entry.</source>
        <translation>Die gespeicherte Position im Journal auf %1 konnte nicht gelesen werden; das Journal wird ab seinem ältesten Eintrag gelesen.</translation>
    </message>
    <message>
        <source>journalctl on %1 wrote output that is not a journal entry; it was skipped.</source>
        <translation>journalctl auf %1 hat eine Ausgabe geschrieben, die kein Journal-Eintrag ist; sie wurde übersprungen.</translation>
    </message>
    <message>
        <source>journalctl on %1 shows this user only their own entries: the user needs to be in group systemd-journal or adm to read the mail server&apos;s.</source>
        <translation>journalctl auf %1 zeigt diesem Benutzer nur seine eigenen Einträge: Um die des Mailservers zu lesen, muss der Benutzer in der Gruppe systemd-journal oder adm sein.</translation>
    </message>
    <message>
        <source>journalctl on %1 found no journal files.</source>
        <translation>journalctl auf %1 hat keine Journal-Dateien gefunden.</translation>
    </message>
    <message>
        <source>journalctl on %1 found no journal files in %2.</source>
        <translation>journalctl auf %1 hat in %2 keine Journal-Dateien gefunden.</translation>
    </message>
    <message>
        <source>journalctl is not installed on %1</source>
        <translation>journalctl ist auf %1 nicht installiert</translation>
    </message>
</context>
<context>
    <name>mailtls::MainWindow</name>
    <message>
        <source>MailTLS</source>
        <translation>MailTLS</translation>
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
        <source>MailTLS — demo data</source>
        <translation>MailTLS — Beispieldaten</translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation>Die Protokolle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>&amp;Quellen …</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>The logs MailTLS follows live: files, the journal, other computers over SSH</source>
        <translation>Die Protokolle, die MailTLS live mitliest: Dateien, das Journal, andere Computer über SSH</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not kept in the keychain: %1</source>
        <translation>Nicht im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Import Logs…</source>
        <translation>Protokolle &amp;importieren …</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Read mail logs from files (rotated and compressed ones too) into MailTLS</source>
        <translation>Mail-Protokolle aus Dateien (auch rotierte und komprimierte) in MailTLS einlesen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>How much of your mail is encrypted, in and out, and whether it is getting better</source>
        <translation>Wie viel Ihrer Mail verschlüsselt ist, eingehend und ausgehend, und ob es besser wird</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>Every peer&apos;s figures: who sends and receives in plaintext</source>
        <translation>Die Zahlen aller Gegenstellen: wer im Klartext sendet und empfängt</translation>
    </message>
    <message>
        <source>TLS Quality</source>
        <translation>TLS-Qualität</translation>
    </message>
    <message>
        <source>Which TLS versions, ciphers and key exchanges your peers use, and who fails</source>
        <translation>Welche TLS-Versionen, Cipher und Schlüsselaustauschverfahren Ihre Gegenstellen verwenden und bei wem TLS fehlschlägt</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>One peer: its timeline, connections, TLS failures, correspondents and the log lines behind them</source>
        <translation>Eine Gegenstelle: ihr Zeitverlauf, ihre Verbindungen, TLS-Fehler, Korrespondenzpartner und die zugrunde liegenden Protokollzeilen</translation>
    </message>
    <message>
        <source>Peer %1: its timeline, connections, TLS failures and correspondents</source>
        <translation>Gegenstelle %1: ihr Zeitverlauf, ihre Verbindungen, TLS-Fehler und Korrespondenzpartner</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo data.&lt;/b&gt; These figures come from a sample log bundled with MailTLS, not from your mail server. Import your logs or add a live source to see your own.</source>
        <translation>&lt;b&gt;Beispieldaten.&lt;/b&gt; Diese Zahlen stammen aus einem mit MailTLS gelieferten Beispielprotokoll, nicht von Ihrem Mailserver. Importieren Sie Ihre Protokolle oder fügen Sie eine Live-Quelle hinzu, um Ihre eigenen zu sehen.</translation>
    </message>
    <message>
        <source>Import cancelled. What was read so far is kept; import the same logs again to go on.</source>
        <translation>Import abgebrochen. Das bisher Gelesene bleibt erhalten; importieren Sie dieselben Protokolle erneut, um fortzusetzen.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n lines.</source>
        <translation>
            <numerusform>%n Zeile importiert.</numerusform>
            <numerusform>%n Zeilen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Source Not Added</source>
        <translation>Quelle nicht hinzugefügt</translation>
    </message>
    <message>
        <source>MailTLS cannot follow live sources here.</source>
        <translation>MailTLS kann hier keine Live-Quellen mitlesen.</translation>
    </message>
    <message>
        <source>Import Mail Logs</source>
        <translation>Mail-Protokolle importieren</translation>
    </message>
    <message>
        <source>Mail logs (*.log *.log.* mail* maillog* mainlog* *.gz);;All files (*)</source>
        <translation>Mail-Protokolle (*.log *.log.* mail* maillog* mainlog* *.gz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>mailtls::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Your mail server does not log TLS</source>
        <translation>Ihr Mailserver protokolliert TLS nicht</translation>
    </message>
    <message>
        <source>Encrypted share</source>
        <translation>Verschlüsselter Anteil</translation>
    </message>
    <message>
        <source>How much of the mail in this range was encrypted, by messages and by bytes, for each direction apart. Hover over a direction for what its figures count.</source>
        <translation>Wie viel der Mail in diesem Zeitraum verschlüsselt war, nach Nachrichten und nach Bytes, für jede Richtung getrennt. Bewegen Sie den Mauszeiger über eine Richtung, um zu sehen, was ihre Zahlen zählen.</translation>
    </message>
    <message>
        <source>Encrypted and plaintext mail over time</source>
        <translation>Verschlüsselte und Klartext-Mail im Zeitverlauf</translation>
    </message>
    <message>
        <source>Messages (or bytes) per hour or per day, in UTC: encrypted and plaintext stacked, TLS failures as a line on the right-hand axis. Ranges of up to 72 hours are shown per hour.</source>
        <translation>Nachrichten (oder Bytes) je Stunde oder je Tag, in UTC: verschlüsselt und Klartext gestapelt, TLS-Fehler als Linie an der rechten Achse. Zeiträume bis zu 72 Stunden werden stündlich gezeigt.</translation>
    </message>
    <message>
        <source>Trend measure</source>
        <translation>Maß des Verlaufs</translation>
    </message>
    <message>
        <source>Show the trend in messages or in bytes</source>
        <translation>Den Verlauf in Nachrichten oder in Bytes zeigen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <source>Top plaintext peers</source>
        <translation>Gegenstellen mit dem meisten Klartext</translation>
    </message>
    <message>
        <source>The peers that exchanged the most messages with you without encryption in this range. Press Enter or double-click a peer for its details.</source>
        <translation>Die Gegenstellen, die in diesem Zeitraum die meisten Nachrichten unverschlüsselt mit Ihnen ausgetauscht haben. Drücken Sie die Eingabetaste oder doppelklicken Sie auf eine Gegenstelle, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Recent TLS failures</source>
        <translation>Jüngste TLS-Fehler</translation>
    </message>
    <message>
        <source>The latest failed TLS attempts in this range, newest first: a peer that could not start TLS, rejected a certificate, or offered too small a DH key. Press Enter or double-click a failure for the peer&apos;s details.</source>
        <translation>Die letzten fehlgeschlagenen TLS-Versuche in diesem Zeitraum, neueste zuerst: eine Gegenstelle, die TLS nicht starten konnte, ein Zertifikat abgelehnt oder einen zu kleinen DH-Schlüssel angeboten hat. Drücken Sie die Eingabetaste oder doppelklicken Sie auf einen Fehler, um die Details der Gegenstelle zu sehen.</translation>
    </message>
    <message>
        <source>No mail in this range.</source>
        <translation>Keine Mail in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No plaintext mail in this range.</source>
        <translation>Keine Klartext-Mail in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No TLS failures in this range.</source>
        <translation>Keine TLS-Fehler in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Your mail server may not log TLS: encrypted mail would then be counted as plaintext.</source>
        <translation>Ihr Mailserver protokolliert TLS möglicherweise nicht: Verschlüsselte Mail würde dann als Klartext gezählt.</translation>
    </message>
    <message>
        <source>Your mail server does not log TLS details: the protocol, cipher and certificate trust of encrypted mail are unknown.</source>
        <translation>Ihr Mailserver protokolliert keine TLS-Details: Protokollversion, Cipher und Vertrauensstatus des Zertifikats verschlüsselter Mail sind unbekannt.</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerBarChart</name>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Messages (count)</source>
        <translation>Nachrichten (Anzahl)</translation>
    </message>
    <message>
        <source>Encrypted and plaintext messages of the top peers</source>
        <translation>Verschlüsselte und Klartext-Nachrichten der Gegenstellen mit den meisten Nachrichten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Peers: %1; encrypted messages: %2; plaintext messages: %3</source>
        <translation>Gegenstellen: %1; verschlüsselte Nachrichten: %2; Klartext-Nachrichten: %3</translation>
    </message>
    <message>
        <source>Encrypted messages: %1 of %2 (%3)</source>
        <translation>Verschlüsselte Nachrichten: %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Plaintext messages: %1 of %2 (%3)</source>
        <translation>Klartext-Nachrichten: %1 von %2 (%3)</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerConnectionModel</name>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <source>DHE (size not logged)</source>
        <translation>DHE (Größe nicht protokolliert)</translation>
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
        <source>not logged</source>
        <translation>nicht protokolliert</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Encrypted, but the mail server logged no TLS details for this connection (for example TLS on a wrapper port, or TLS logging turned down).</source>
        <translation>Verschlüsselt, aber der Mailserver hat für diese Verbindung keine TLS-Details protokolliert (zum Beispiel TLS auf einem Wrapper-Port oder heruntergesetzte TLS-Protokollierung).</translation>
    </message>
    <message>
        <source>%1, %2-bit key</source>
        <translation>%1, %2-Bit-Schlüssel</translation>
    </message>
    <message>
        <source>Finite-field Diffie-Hellman: the logs do not say how large the group was; a probe of the peer can measure it.</source>
        <translation>Finite-Field-Diffie-Hellman: Die Protokolle sagen nicht, wie groß die Gruppe war; eine Prüfung der Gegenstelle kann sie messen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokollversion</translation>
    </message>
    <message>
        <source>Cipher suite</source>
        <translation>Cipher-Suite</translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>Schlüsselaustausch</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>When the connection opened, in local time</source>
        <translation>Wann die Verbindung aufgebaut wurde, in Ortszeit</translation>
    </message>
    <message>
        <source>Inbound: the peer sent to us; outbound: we sent to it; submission: a client of ours submitted mail</source>
        <translation>Eingehend: Die Gegenstelle hat an uns gesendet; ausgehend: Wir haben an sie gesendet; Einlieferung: Ein eigener Client hat Mail eingeliefert</translation>
    </message>
    <message>
        <source>The peer&apos;s host name as the mail server logged it</source>
        <translation>Der Hostname der Gegenstelle, wie ihn der Mailserver protokolliert hat</translation>
    </message>
    <message>
        <source>The peer&apos;s IP address and port</source>
        <translation>IP-Adresse und Port der Gegenstelle</translation>
    </message>
    <message>
        <source>Whether the connection used TLS</source>
        <translation>Ob die Verbindung TLS verwendet hat</translation>
    </message>
    <message>
        <source>The TLS protocol version negotiated</source>
        <translation>Die ausgehandelte TLS-Protokollversion</translation>
    </message>
    <message>
        <source>The cipher suite negotiated</source>
        <translation>Die ausgehandelte Cipher-Suite</translation>
    </message>
    <message>
        <source>The key exchange group, when the mail server logged it</source>
        <translation>Die Gruppe des Schlüsselaustauschs, sofern der Mailserver sie protokolliert hat</translation>
    </message>
    <message>
        <source>How far the peer&apos;s certificate was trusted: verified (trusted and matching its name), trusted, untrusted, or anonymous (none)</source>
        <translation>Wie weit dem Zertifikat der Gegenstelle vertraut wurde: verifiziert (vertrauenswürdig und zum Namen passend), vertrauenswürdig, nicht vertrauenswürdig oder anonym (kein Zertifikat)</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerDetailPage</name>
    <message>
        <source>Peer detail</source>
        <translation>Details zur Gegenstelle</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Zur&amp;ück</translation>
    </message>
    <message>
        <source>Back to the list this peer was opened from (%1)</source>
        <translation>Zurück zur Liste, aus der diese Gegenstelle geöffnet wurde (%1)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Show &amp;all directions</source>
        <translation>Alle Richtungen &amp;einblenden</translation>
    </message>
    <message>
        <source>Show this peer&apos;s mail in every direction the filter bar selects</source>
        <translation>Die Mail dieser Gegenstelle in allen Richtungen zeigen, die die Filterleiste auswählt</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>This peer&apos;s mail per direction over the range: messages, the share encrypted, bytes, connections and failed TLS attempts, the TLS versions and certificate trust its encrypted connections had, and when it was last seen. Hover over a figure for its exact numbers.</source>
        <translation>Die Mail dieser Gegenstelle je Richtung im Zeitraum: Nachrichten, verschlüsselter Anteil, Bytes, Verbindungen und fehlgeschlagene TLS-Versuche, die TLS-Versionen und der Vertrauensstatus der Zertifikate ihrer verschlüsselten Verbindungen und wann sie zuletzt gesehen wurde. Bewegen Sie den Mauszeiger über eine Zahl, um die genauen Werte zu sehen.</translation>
    </message>
    <message>
        <source>Encrypted and plaintext mail over time</source>
        <translation>Verschlüsselte und Klartext-Mail im Zeitverlauf</translation>
    </message>
    <message>
        <source>This peer&apos;s messages (or bytes) per hour or per day, in UTC: encrypted and plaintext stacked, TLS failures as a line on the right-hand axis. Ranges of up to 72 hours are shown per hour.</source>
        <translation>Die Nachrichten (oder Bytes) dieser Gegenstelle je Stunde oder je Tag, in UTC: verschlüsselt und Klartext gestapelt, TLS-Fehler als Linie an der rechten Achse. Zeiträume bis zu 72 Stunden werden stündlich gezeigt.</translation>
    </message>
    <message>
        <source>Timeline measure</source>
        <translation>Maß des Zeitverlaufs</translation>
    </message>
    <message>
        <source>Show the timeline in messages or in bytes</source>
        <translation>Den Zeitverlauf in Nachrichten oder in Bytes zeigen</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <source>Show &amp;log lines</source>
        <translation>&amp;Protokollzeilen zeigen</translation>
    </message>
    <message>
        <source>Show the log lines this record was read from (Enter)</source>
        <translation>Die Protokollzeilen zeigen, aus denen dieser Datensatz gelesen wurde (Eingabetaste)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>This peer&apos;s SMTP connections, newest first: when, which host and address, whether they used TLS and with which protocol, cipher suite, key exchange and certificate trust. Enter on a row shows the log lines behind it.</source>
        <translation>Die SMTP-Verbindungen dieser Gegenstelle, neueste zuerst: wann, welcher Host und welche Adresse, ob sie TLS verwendet haben und mit welcher Protokollversion, Cipher-Suite, welchem Schlüsselaustausch und Vertrauensstatus des Zertifikats. Die Eingabetaste auf einer Zeile zeigt die zugrunde liegenden Protokollzeilen.</translation>
    </message>
    <message>
        <source>TLS failures</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>Failed attempts to set up TLS with this peer, newest first, with the mail server&apos;s reason. Enter on a row shows the log lines behind it.</source>
        <translation>Fehlgeschlagene Versuche, TLS mit dieser Gegenstelle aufzubauen, neueste zuerst, mit dem Grund laut Mailserver. Die Eingabetaste auf einer Zeile zeigt die zugrunde liegenden Protokollzeilen.</translation>
    </message>
    <message>
        <source>Correspondents</source>
        <translation>Korrespondenzpartner</translation>
    </message>
    <message>
        <source>The envelope addresses that exchanged mail with this peer, most messages first: ours (senders of outbound mail) and theirs (its senders, and the recipients of our mail to it). The recipients of inbound mail are not in the logs&apos; records, so inbound mail names their side only.</source>
        <translation>Die Envelope-Adressen, die Mail mit dieser Gegenstelle ausgetauscht haben, die mit den meisten Nachrichten zuerst: eigene (Absender ausgehender Mail) und fremde (ihre Absender und die Empfänger unserer Mail an sie). Die Empfänger eingehender Mail stehen nicht in den Datensätzen der Protokolle, daher nennt eingehende Mail nur die Seite der Gegenstelle.</translation>
    </message>
    <message>
        <source>No mail with %1 in this range.</source>
        <translation>Keine Mail mit %1 in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No mail in this range.</source>
        <translation>Keine Mail in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No connections in this range.</source>
        <translation>Keine Verbindungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>The newest %1 connections are listed.</source>
        <translation>Die neuesten %1 Verbindungen sind aufgeführt.</translation>
    </message>
    <message>
        <source>No TLS failures in this range.</source>
        <translation>Keine TLS-Fehler in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>The newest %1 failures are listed.</source>
        <translation>Die neuesten %1 Fehler sind aufgeführt.</translation>
    </message>
    <message>
        <source>No envelope addresses in this range.</source>
        <translation>Keine Envelope-Adressen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>The %1 addresses with the most messages are listed.</source>
        <translation>Die %1 Adressen mit den meisten Nachrichten sind aufgeführt.</translation>
    </message>
    <message>
        <source>%1 mail only</source>
        <translation>nur Richtung %1</translation>
    </message>
    <message>
        <source>%1 mail</source>
        <translation>Richtung %1</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>hosts of this domain</source>
        <translation>Hosts dieser Domain</translation>
    </message>
    <message>
        <source>this host</source>
        <translation>dieser Host</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 connection with %2 (%3) at %4</source>
        <translation>Verbindung (%1) mit %2 (%3), %4</translation>
    </message>
    <message>
        <source>%1 TLS failure with %2 (%3) at %4: %5</source>
        <translation>TLS-Fehler (%1) mit %2 (%3), %4: %5</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerFailureModel</name>
    <message>
        <source>TLS was required, but the peer did not offer STARTTLS; the mail waited or bounced.</source>
        <translation>TLS war vorgeschrieben, aber die Gegenstelle hat kein STARTTLS angeboten; die Mail wurde zurückgehalten oder ist zurückgekommen.</translation>
    </message>
    <message>
        <source>STARTTLS was offered, but the TLS session could not be set up.</source>
        <translation>STARTTLS wurde angeboten, aber die TLS-Sitzung konnte nicht aufgebaut werden.</translation>
    </message>
    <message>
        <source>The TLS handshake failed: usually no protocol version or cipher suite in common.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: meist keine gemeinsame Protokollversion oder Cipher-Suite.</translation>
    </message>
    <message>
        <source>The peer offered a Diffie-Hellman group smaller than OpenSSL accepts (Logjam); its administrator needs larger DH parameters.</source>
        <translation>Die Gegenstelle hat eine Diffie-Hellman-Gruppe angeboten, die kleiner ist, als OpenSSL akzeptiert (Logjam); ihr Administrator muss größere DH-Parameter einrichten.</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate was not accepted (expired, untrusted issuer, or another name).</source>
        <translation>Das Zertifikat der Gegenstelle wurde nicht akzeptiert (abgelaufen, nicht vertrauenswürdiger Aussteller oder anderer Name).</translation>
    </message>
    <message>
        <source>The connection dropped right after STARTTLS: often a client that gave up on the handshake.</source>
        <translation>Die Verbindung brach direkt nach STARTTLS ab: oft ein Client, der den Handshake aufgegeben hat.</translation>
    </message>
    <message>
        <source>Another TLS problem; the reason gives the mail server&apos;s words.</source>
        <translation>Ein anderes TLS-Problem; der Grund gibt den Wortlaut des Mailservers wieder.</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>When the TLS attempt failed, in local time</source>
        <translation>Wann der TLS-Versuch fehlschlug, in Ortszeit</translation>
    </message>
    <message>
        <source>Inbound: the peer connected to us; outbound: we connected to it</source>
        <translation>Eingehend: Die Gegenstelle hat sich mit uns verbunden; ausgehend: Wir haben uns mit ihr verbunden</translation>
    </message>
    <message>
        <source>The peer&apos;s host name as the mail server logged it</source>
        <translation>Der Hostname der Gegenstelle, wie ihn der Mailserver protokolliert hat</translation>
    </message>
    <message>
        <source>The peer&apos;s IP address and port</source>
        <translation>IP-Adresse und Port der Gegenstelle</translation>
    </message>
    <message>
        <source>What kind of TLS trouble the log line names</source>
        <translation>Welche Art von TLS-Problem die Protokollzeile nennt</translation>
    </message>
    <message>
        <source>The mail server&apos;s own words</source>
        <translation>Der Wortlaut des Mailservers</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerFiguresPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht protokolliert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>TLS failures</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>TLS versions</source>
        <translation>TLS-Versionen</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Messages that crossed the wire with this peer in the range</source>
        <translation>Nachrichten, die im Zeitraum mit dieser Gegenstelle übertragen wurden</translation>
    </message>
    <message>
        <source>Share of those messages that crossed the wire encrypted</source>
        <translation>Anteil dieser Nachrichten, die verschlüsselt übertragen wurden</translation>
    </message>
    <message>
        <source>Their size, as the mail server logged it</source>
        <translation>Ihre Größe, wie der Mailserver sie protokolliert hat</translation>
    </message>
    <message>
        <source>SMTP connections with this peer, and how many of them used TLS</source>
        <translation>SMTP-Verbindungen mit dieser Gegenstelle und wie viele davon TLS verwendet haben</translation>
    </message>
    <message>
        <source>Attempts to set up TLS that failed</source>
        <translation>Fehlgeschlagene Versuche, TLS aufzubauen</translation>
    </message>
    <message>
        <source>TLS protocol versions of its encrypted connections, with how many used each</source>
        <translation>TLS-Protokollversionen ihrer verschlüsselten Verbindungen, mit der Anzahl je Version</translation>
    </message>
    <message>
        <source>How far its certificates were trusted, from the worst to the best seen</source>
        <translation>Wie weit ihren Zertifikaten vertraut wurde, vom schlechtesten bis zum besten gesehenen Wert</translation>
    </message>
    <message>
        <source>Its last connection, TLS failure or message in the range, in local time</source>
        <translation>Ihre letzte Verbindung, ihr letzter TLS-Fehler oder ihre letzte Nachricht im Zeitraum, in Ortszeit</translation>
    </message>
    <message>
        <source>%1 (%2 encrypted)</source>
        <translation>%1 (%2 verschlüsselt)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 of %2 messages encrypted, %3 in plaintext</source>
        <translation>%1 von %2 Nachrichten verschlüsselt, %3 im Klartext</translation>
    </message>
    <message>
        <source>%1 bytes, %2 of them encrypted (%3)</source>
        <translation>%1 Bytes, davon %2 verschlüsselt (%3)</translation>
    </message>
    <message>
        <source>Failed TLS attempts; the mail may still have gone through in plaintext. The list below names their reasons.</source>
        <translation>Fehlgeschlagene TLS-Versuche; die Mail kann trotzdem im Klartext übertragen worden sein. Die Liste unten nennt die Gründe.</translation>
    </message>
    <message>
        <source>Cipher suites: %1</source>
        <translation>Cipher-Suites: %1</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
</context>
<context>
    <name>mailtls::PeerRowModel</name>
    <message>
        <source>not logged</source>
        <translation>nicht protokolliert</translation>
    </message>
    <message>
        <source>%1: %2 connections</source>
        <translation>%1: %2 Verbindungen</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2): press Enter or double-click to open its details</source>
        <translation>%1 (%2): Eingabetaste drücken oder doppelklicken, um die Details zu öffnen</translation>
    </message>
    <message>
        <source>No messages in this range</source>
        <translation>Keine Nachrichten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1 of %2 messages encrypted, %3 plaintext</source>
        <translation>%1 von %2 Nachrichten verschlüsselt, %3 im Klartext</translation>
    </message>
    <message>
        <source>%1 bytes, of which %2 encrypted</source>
        <translation>%1 Bytes, davon %2 verschlüsselt</translation>
    </message>
    <message>
        <source>%1 connections, of which %2 encrypted</source>
        <translation>%1 Verbindungen, davon %2 verschlüsselt</translation>
    </message>
    <message>
        <source>Failed attempts to set up TLS; the mail may have gone through in plaintext after them.</source>
        <translation>Fehlgeschlagene Versuche, TLS aufzubauen; die Mail kann danach im Klartext übertragen worden sein.</translation>
    </message>
    <message>
        <source>Still being read</source>
        <translation>Wird noch gelesen</translation>
    </message>
    <message>
        <source>No encrypted connections</source>
        <translation>Keine verschlüsselten Verbindungen</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
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
        <source>TLS failures</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>TLS versions</source>
        <translation>TLS-Versionen</translation>
    </message>
    <message>
        <source>Cipher suites</source>
        <translation>Cipher-Suites</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>The mail server (host name, or its address when it has none), or its registrable domain when peers are grouped by domain</source>
        <translation>Der Mailserver (Hostname oder, falls er keinen hat, seine Adresse) oder seine registrierbare Domain, wenn Gegenstellen nach Domain gruppiert sind</translation>
    </message>
    <message>
        <source>Inbound: mail it sent to us; outbound: mail we sent to it; submission: mail our users handed in</source>
        <translation>Eingehend: Mail, die sie an uns gesendet hat; ausgehend: Mail, die wir an sie gesendet haben; Einlieferung: Mail, die unsere Benutzer eingeliefert haben</translation>
    </message>
    <message>
        <source>Messages that crossed the wire between us and this peer</source>
        <translation>Nachrichten, die zwischen uns und dieser Gegenstelle übertragen wurden</translation>
    </message>
    <message>
        <source>Share of those messages that crossed the wire encrypted</source>
        <translation>Anteil dieser Nachrichten, die verschlüsselt übertragen wurden</translation>
    </message>
    <message>
        <source>Size of those messages</source>
        <translation>Größe dieser Nachrichten</translation>
    </message>
    <message>
        <source>SMTP connections with this peer</source>
        <translation>SMTP-Verbindungen mit dieser Gegenstelle</translation>
    </message>
    <message>
        <source>Failed attempts to set up TLS with this peer</source>
        <translation>Fehlgeschlagene Versuche, TLS mit dieser Gegenstelle aufzubauen</translation>
    </message>
    <message>
        <source>TLS versions of its encrypted connections, most used first</source>
        <translation>TLS-Versionen ihrer verschlüsselten Verbindungen, die meistverwendeten zuerst</translation>
    </message>
    <message>
        <source>Cipher suites of its encrypted connections, most used first; the tooltip counts each</source>
        <translation>Cipher-Suites ihrer verschlüsselten Verbindungen, die meistverwendeten zuerst; der Tooltip zählt jede einzeln</translation>
    </message>
    <message>
        <source>How far its certificates were trusted, from the worst to the best seen</source>
        <translation>Wie weit ihren Zertifikaten vertraut wurde, vom schlechtesten bis zum besten gesehenen Wert</translation>
    </message>
    <message>
        <source>When it was last on the wire in this range (local time; the tooltip gives UTC)</source>
        <translation>Wann sie in diesem Zeitraum zuletzt aktiv war (Ortszeit; der Tooltip nennt UTC)</translation>
    </message>
</context>
<context>
    <name>mailtls::PeersPage</name>
    <message>
        <source>Peers</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>Search peers</source>
        <translation>Gegenstellen suchen</translation>
    </message>
    <message>
        <source>Lists only the peers whose name contains this text (Ctrl+F)</source>
        <translation>Listet nur die Gegenstellen, deren Name diesen Text enthält (Strg+F)</translation>
    </message>
    <message>
        <source>Peers table</source>
        <translation>Tabelle der Gegenstellen</translation>
    </message>
    <message>
        <source>Every peer in the chosen time range and directions, one row per direction. Click a column header to sort by it; type in the search box to narrow the list; Enter or a double-click opens a peer.</source>
        <translation>Alle Gegenstellen im gewählten Zeitraum und in den gewählten Richtungen, eine Zeile je Richtung. Klicken Sie auf einen Spaltenkopf, um danach zu sortieren; tippen Sie in das Suchfeld, um die Liste einzugrenzen; die Eingabetaste oder ein Doppelklick öffnet eine Gegenstelle.</translation>
    </message>
    <message>
        <source>Number of peers in the chart</source>
        <translation>Anzahl der Gegenstellen im Diagramm</translation>
    </message>
    <message>
        <source>How many of the listed peers the chart shows, those with the most messages first</source>
        <translation>Wie viele der aufgeführten Gegenstellen das Diagramm zeigt, die mit den meisten Nachrichten zuerst</translation>
    </message>
    <message>
        <source>&amp;Peers shown:</source>
        <translation>Gegenstellen &amp;im Diagramm:</translation>
    </message>
    <message>
        <source>Encrypted and plaintext, top peers</source>
        <translation>Verschlüsselt und Klartext, Gegenstellen mit den meisten Nachrichten</translation>
    </message>
    <message>
        <source>The peers with the most messages among those the table lists, each bar split into the messages that crossed the wire encrypted and those that did not.</source>
        <translation>Die Gegenstellen mit den meisten Nachrichten unter denen, die die Tabelle aufführt; jeder Balken ist aufgeteilt in die Nachrichten, die verschlüsselt übertragen wurden, und die übrigen.</translation>
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No mail in this range.</source>
        <translation>Keine Mail in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No peer name contains “%1”.</source>
        <translation>Kein Name einer Gegenstelle enthält „%1“.</translation>
    </message>
    <message>
        <source>None of these peers has messages in this range.</source>
        <translation>Keine dieser Gegenstellen hat Nachrichten in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>mailtls::PlaintextPeerModel</name>
    <message>
        <source>%1 (%2): %3 of %4 messages in plaintext, %5 of %6 in plaintext; %7 TLS failures. Press Enter or double-click for the peer&apos;s details.</source>
        <translation>%1 (%2): %3 von %4 Nachrichten im Klartext, %5 von %6 im Klartext; %7 TLS-Fehler. Drücken Sie die Eingabetaste oder doppelklicken Sie, um die Details der Gegenstelle zu sehen.</translation>
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
        <source>Plaintext</source>
        <translation>Klartext</translation>
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
        <source>Plaintext size</source>
        <translation>Größe im Klartext</translation>
    </message>
    <message>
        <source>Inbound: the peer delivered to you; outbound: you delivered to it; submission: your users&apos; clients</source>
        <translation>Eingehend: Die Gegenstelle hat an Sie zugestellt; ausgehend: Sie haben an sie zugestellt; Einlieferung: die Clients Ihrer Benutzer</translation>
    </message>
    <message>
        <source>The peer&apos;s host name (or IP address when it has none), or its registrable domain when grouped by domain</source>
        <translation>Der Hostname der Gegenstelle (oder, falls sie keinen hat, die IP-Adresse) oder ihre registrierbare Domain bei Gruppierung nach Domain</translation>
    </message>
    <message>
        <source>Messages exchanged with this peer without encryption</source>
        <translation>Ohne Verschlüsselung mit dieser Gegenstelle ausgetauschte Nachrichten</translation>
    </message>
    <message>
        <source>All messages exchanged with this peer in this direction</source>
        <translation>Alle mit dieser Gegenstelle in dieser Richtung ausgetauschten Nachrichten</translation>
    </message>
    <message>
        <source>The share of its messages that were encrypted</source>
        <translation>Der Anteil ihrer Nachrichten, die verschlüsselt waren</translation>
    </message>
    <message>
        <source>The logged size of its plaintext messages</source>
        <translation>Die protokollierte Größe ihrer Klartext-Nachrichten</translation>
    </message>
</context>
<context>
    <name>mailtls::ProcessSource</name>
    <message>
        <source>Could not run %1 on %2: %3</source>
        <translation>%1 konnte auf %2 nicht ausgeführt werden: %3</translation>
    </message>
    <message>
        <source>%1 on %2 stopped: %3</source>
        <translation>%1 auf %2 wurde beendet: %3</translation>
    </message>
    <message>
        <source>%1 on %2 stopped unexpectedly</source>
        <translation>%1 auf %2 wurde unerwartet beendet</translation>
    </message>
    <message>
        <source>%1 on %2 ended (exit status %3)</source>
        <translation>%1 auf %2 hat sich beendet (Exit-Status %3)</translation>
    </message>
</context>
<context>
    <name>mailtls::ProvenanceView</name>
    <message>
        <source>Log lines – %1</source>
        <translation>Protokollzeilen – %1</translation>
    </message>
    <message>
        <source>Log lines behind a record</source>
        <translation>Protokollzeilen eines Datensatzes</translation>
    </message>
    <message>
        <source>Where each line starts in the source, in bytes from the start of its stream: tools such as tail -c +N (add one) find them there.</source>
        <translation>Wo jede Zeile in der Quelle beginnt, in Bytes ab dem Anfang ihres Datenstroms: Werkzeuge wie tail -c +N (eins addieren) finden sie dort.</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Protokoll wird gelesen …</translation>
    </message>
    <message>
        <source>&amp;Copy lines</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy every line shown to the clipboard</source>
        <translation>Alle angezeigten Zeilen in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>No lines to show.</source>
        <translation>Keine Zeilen vorhanden.</translation>
    </message>
    <message>
        <source>This record is no longer in the store.</source>
        <translation>Dieser Datensatz ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>Cannot find this record: %1</source>
        <translation>Dieser Datensatz kann nicht gefunden werden: %1</translation>
    </message>
    <message>
        <source>The lines cannot be shown: %1.</source>
        <translation>Die Zeilen können nicht angezeigt werden: %1.</translation>
    </message>
    <message>
        <source>A line longer than %1 bytes is shown cut.</source>
        <translation>Eine Zeile, die länger als %1 Bytes ist, wird gekürzt angezeigt.</translation>
    </message>
    <message>
        <source>Only the first %1 of its %2 lines are shown.</source>
        <translation>Nur die ersten %1 seiner %2 Zeilen werden angezeigt.</translation>
    </message>
    <message>
        <source>From the imported log %1</source>
        <translation>Aus dem importierten Protokoll %1</translation>
    </message>
    <message>
        <source>From the followed source %1</source>
        <translation>Aus der mitgelesenen Quelle %1</translation>
    </message>
    <message>
        <source>From the followed source %1 (%2)</source>
        <translation>Aus der mitgelesenen Quelle %1 (%2)</translation>
    </message>
    <message>
        <source>One line, at byte %1 of the source&apos;s stream</source>
        <translation>Eine Zeile, bei Byte %1 des Datenstroms der Quelle</translation>
    </message>
    <message>
        <source>%1 lines, at bytes %2 of the source&apos;s stream</source>
        <translation>%1 Zeilen, bei den Bytes %2 des Datenstroms der Quelle</translation>
    </message>
</context>
<context>
    <name>mailtls::QueryRunner</name>
    <message>
        <source>No store is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
</context>
<context>
    <name>mailtls::RecentFailureModel</name>
    <message>
        <source>%1 with %2 (%3)
%4
Press Enter or double-click for the peer&apos;s details.</source>
        <translation>%1 mit %2 (%3)
%4
Drücken Sie die Eingabetaste oder doppelklicken Sie, um die Details der Gegenstelle zu sehen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
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
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>When the failed TLS attempt began, in the time zone the log is written in</source>
        <translation>Wann der fehlgeschlagene TLS-Versuch begann, in der Zeitzone, in der das Protokoll geschrieben wird</translation>
    </message>
    <message>
        <source>Inbound: the peer tried to deliver to you; outbound: you tried to deliver to it</source>
        <translation>Eingehend: Die Gegenstelle hat versucht, an Sie zuzustellen; ausgehend: Sie haben versucht, an sie zuzustellen</translation>
    </message>
    <message>
        <source>The peer&apos;s host name (or IP address), or its registrable domain when grouped by domain</source>
        <translation>Der Hostname der Gegenstelle (oder die IP-Adresse) oder ihre registrierbare Domain bei Gruppierung nach Domain</translation>
    </message>
    <message>
        <source>The kind of failure, from the words the server logged</source>
        <translation>Die Art des Fehlers, abgeleitet aus dem Wortlaut, den der Server protokolliert hat</translation>
    </message>
    <message>
        <source>The server&apos;s own words for the failure</source>
        <translation>Der Wortlaut des Servers zum Fehler</translation>
    </message>
</context>
<context>
    <name>mailtls::RemoteFileSource</name>
    <message>
        <source>The stored position in %1 on %2 could not be read; reading the file from its start.</source>
        <translation>Die gespeicherte Position in %1 auf %2 konnte nicht gelesen werden; die Datei wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>The file reader on %1 wrote something unexpected: %2</source>
        <translation>Der Dateileser auf %1 hat etwas Unerwartetes ausgegeben: %2</translation>
    </message>
    <message>
        <source>%1 cannot run the file reader: it has no POSIX shell (sh)</source>
        <translation>Auf %1 kann der Dateileser nicht laufen: Es gibt dort keine POSIX-Shell (sh)</translation>
    </message>
    <message>
        <source>The file reader</source>
        <translation>Der Dateileser</translation>
    </message>
    <message>
        <source>%1 does not exist on %2</source>
        <translation>%1 existiert auf %2 nicht</translation>
    </message>
    <message>
        <source>%1 on %2 is not a regular file</source>
        <translation>%1 auf %2 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 has no /proc file system: MailTLS follows files on Linux hosts only</source>
        <translation>Auf %1 gibt es kein /proc-Dateisystem: MailTLS liest Dateien nur auf Linux-Hosts mit</translation>
    </message>
    <message>
        <source>%1 lacks the program %2, which the file reader needs</source>
        <translation>Auf %1 fehlt das Programm %2, das der Dateileser braucht</translation>
    </message>
    <message>
        <source>Permission denied reading %1 on %2: run MailTLS as a user in group %3 (or as one that can read it)</source>
        <translation>Zugriff verweigert beim Lesen von %1 auf %2: Führen Sie MailTLS als Benutzer in der Gruppe %3 aus (oder als einer, der die Datei lesen kann)</translation>
    </message>
    <message>
        <source>Permission denied reading %1 on %2: run MailTLS as a user that can read it</source>
        <translation>Zugriff verweigert beim Lesen von %1 auf %2: Führen Sie MailTLS als Benutzer aus, der die Datei lesen kann</translation>
    </message>
    <message>
        <source>Permission denied reading %1 on %2: the SSH user needs to be in group %3 (or use a user that can read it)</source>
        <translation>Zugriff verweigert beim Lesen von %1 auf %2: Der SSH-Benutzer muss in der Gruppe %3 sein (oder verwenden Sie einen Benutzer, der die Datei lesen kann)</translation>
    </message>
    <message>
        <source>Permission denied reading %1 on %2: use an SSH user that can read it</source>
        <translation>Zugriff verweigert beim Lesen von %1 auf %2: Verwenden Sie einen SSH-Benutzer, der die Datei lesen kann</translation>
    </message>
    <message>
        <source>The file reader on %1 failed: %2</source>
        <translation>Der Dateileser auf %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 on %2 was replaced while MailTLS was not following it, and the old file is gone: lines written to it after the last one read are missing. Reading goes on with the new file from its start.</source>
        <translation>%1 auf %2 wurde ersetzt, während MailTLS die Datei nicht mitlas, und die alte Datei ist nicht mehr vorhanden: Zeilen, die nach der zuletzt gelesenen hineingeschrieben wurden, fehlen. Es wird mit der neuen Datei von Anfang an weitergelesen.</translation>
    </message>
    <message>
        <source>%1 on %2 was emptied while MailTLS was not following it, and no copy of it was found beside it: lines written to it after the last one read are missing. Reading goes on from its start.</source>
        <translation>%1 auf %2 wurde geleert, während MailTLS die Datei nicht mitlas, und daneben wurde keine Kopie gefunden: Zeilen, die nach der zuletzt gelesenen hineingeschrieben wurden, fehlen. Es wird von Anfang an weitergelesen.</translation>
    </message>
    <message>
        <source>The file reader on %1 warns: %2</source>
        <translation>Der Dateileser auf %1 warnt: %2</translation>
    </message>
</context>
<context>
    <name>mailtls::SecretDialog</name>
    <message>
        <source>SSH Password</source>
        <translation>SSH-Passwort</translation>
    </message>
    <message>
        <source>SSH Key Passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>SSH Question</source>
        <translation>SSH-Abfrage</translation>
    </message>
    <message>
        <source>ssh needs a password to read the log.</source>
        <translation>ssh braucht ein Passwort, um das Protokoll zu lesen.</translation>
    </message>
    <message>
        <source>ssh needs a password to read the log on %1.</source>
        <translation>ssh braucht ein Passwort, um das Protokoll auf %1 zu lesen.</translation>
    </message>
    <message>
        <source>ssh needs the passphrase of your key to read the log.</source>
        <translation>ssh braucht die Passphrase Ihres Schlüssels, um das Protokoll zu lesen.</translation>
    </message>
    <message>
        <source>ssh needs the passphrase of your key to read the log on %1.</source>
        <translation>ssh braucht die Passphrase Ihres Schlüssels, um das Protokoll auf %1 zu lesen.</translation>
    </message>
    <message>
        <source>ssh asks for an answer to read the log.</source>
        <translation>ssh erwartet eine Antwort, um das Protokoll zu lesen.</translation>
    </message>
    <message>
        <source>ssh asks for an answer to read the log on %1.</source>
        <translation>ssh erwartet eine Antwort, um das Protokoll auf %1 zu lesen.</translation>
    </message>
    <message>
        <source>The password given before was refused.</source>
        <translation>Das zuvor eingegebene Passwort wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The passphrase given before was wrong.</source>
        <translation>Die zuvor eingegebene Passphrase war falsch.</translation>
    </message>
    <message>
        <source>The answer given before was refused.</source>
        <translation>Die zuvor eingegebene Antwort wurde abgelehnt.</translation>
    </message>
    <message>
        <source>R&amp;emember in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Kept in your system&apos;s keychain, never in MailTLS&apos;s own files; used again when ssh asks for it.</source>
        <translation>Wird im Schlüsselbund Ihres Systems gespeichert, nie in eigenen Dateien von MailTLS; wird wieder verwendet, wenn ssh danach fragt.</translation>
    </message>
    <message>
        <source>No keychain is available, so nothing can be remembered: MailTLS will ask each time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann nichts gespeichert werden: MailTLS fragt jedes Mal.</translation>
    </message>
</context>
<context>
    <name>mailtls::SecretStore</name>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>The keychain holds no password for this.</source>
        <translation>Der Schlüsselbund enthält dafür kein Passwort.</translation>
    </message>
    <message>
        <source>No keychain is available: the system&apos;s password store (Secret Service or KWallet) is not running, or it is locked and cannot be opened. Passwords cannot be remembered; they are asked for each time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar: Die Passwortverwaltung des Systems (Secret Service oder KWallet) läuft nicht oder ist gesperrt und kann nicht geöffnet werden. Passwörter können nicht gespeichert werden; es wird jedes Mal danach gefragt.</translation>
    </message>
    <message>
        <source>The keychain refused access to the password.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das Passwort verweigert.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
</context>
<context>
    <name>mailtls::ShareWidget</name>
    <message>
        <source>of messages encrypted</source>
        <translation>der Nachrichten verschlüsselt</translation>
    </message>
    <message>
        <source>of bytes encrypted</source>
        <translation>der Bytes verschlüsselt</translation>
    </message>
    <message>
        <source>%1: encrypted share</source>
        <translation>%1: verschlüsselter Anteil</translation>
    </message>
    <message>
        <source>Inbound: mail other servers delivered to yours. A message counts once it reaches the queue, and is encrypted when its SMTP session was encrypted (a TLS line, a successful STARTTLS in the disconnect statistics, or a TLS-only service such as smtps).</source>
        <translation>Eingehend: Mail, die andere Server an Ihren zugestellt haben. Eine Nachricht zählt, sobald sie die Warteschlange erreicht, und gilt als verschlüsselt, wenn ihre SMTP-Sitzung verschlüsselt war (eine TLS-Zeile, ein erfolgreiches STARTTLS in der Statistik beim Trennen oder ein reiner TLS-Dienst wie smtps).</translation>
    </message>
    <message>
        <source>Outbound: mail your server delivered to other servers. A message counts once per peer it was sent to, and is encrypted only when every delivery of it to that peer went over an encrypted connection.</source>
        <translation>Ausgehend: Mail, die Ihr Server an andere Server zugestellt hat. Eine Nachricht zählt einmal je Gegenstelle, an die sie gesendet wurde, und gilt nur dann als verschlüsselt, wenn jede Zustellung an diese Gegenstelle über eine verschlüsselte Verbindung lief.</translation>
    </message>
    <message>
        <source>Submission: mail your own users handed to your server (authenticated, or on the submission or smtps service). It is counted apart from server-to-server mail.</source>
        <translation>Einlieferung: Mail, die Ihre eigenen Benutzer an Ihren Server übergeben haben (authentifiziert oder über den Dienst submission oder smtps). Sie wird getrennt von Mail zwischen Servern gezählt.</translation>
    </message>
    <message>
        <source>Bytes are the message sizes the server logged. Local hops (loopback, local delivery, content filters) are left out. Connections count SMTP sessions; a failed TLS attempt is a plaintext connection and a TLS failure.</source>
        <translation>Bytes sind die vom Server protokollierten Nachrichtengrößen. Lokale Wege (Loopback, lokale Zustellung, Inhaltsfilter) sind ausgelassen. Verbindungen zählen SMTP-Sitzungen; ein fehlgeschlagener TLS-Versuch ist eine Klartext-Verbindung und ein TLS-Fehler.</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%1 von %2 Nachrichten</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 encrypted; TLS failures: %3</source>
        <translation>Verbindungen: %1 von %2 verschlüsselt; TLS-Fehler: %3</translation>
    </message>
    <message>
        <source>Encrypted messages: %1</source>
        <translation>Verschlüsselte Nachrichten: %1</translation>
    </message>
    <message>
        <source>Encrypted bytes: %1</source>
        <translation>Verschlüsselte Bytes: %1</translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>Keine Nachrichten</translation>
    </message>
    <message>
        <source>%1 of messages encrypted (%2 of %3); %4 of bytes encrypted (%5 of %6)</source>
        <translation>%1 der Nachrichten verschlüsselt (%2 von %3); %4 der Bytes verschlüsselt (%5 von %6)</translation>
    </message>
</context>
<context>
    <name>mailtls::SourceEditDialog</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Where the mail server&apos;s log is</source>
        <translation>Wo das Protokoll des Mailservers liegt</translation>
    </message>
    <message>
        <source>A log &amp;file on this computer</source>
        <translation>Eine Protokoll&amp;datei auf diesem Computer</translation>
    </message>
    <message>
        <source>The systemd &amp;journal of this computer</source>
        <translation>Das systemd-&amp;Journal dieses Computers</translation>
    </message>
    <message>
        <source>Another computer, over &amp;SSH</source>
        <translation>Ein anderer Computer, über &amp;SSH</translation>
    </message>
    <message>
        <source>Source text:</source>
        <translation>Quellangabe:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Try to read the log now, without adding the source</source>
        <translation>Jetzt versuchen, das Protokoll zu lesen, ohne die Quelle hinzuzufügen</translation>
    </message>
    <message>
        <source>/var/log/mail.log</source>
        <translation>/var/log/mail.log</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen …</translation>
    </message>
    <message>
        <source>Log &amp;file:</source>
        <translation>&amp;Protokolldatei:</translation>
    </message>
    <message>
        <source>Optional, e.g. postfix@-.service</source>
        <translation>Optional, z. B. postfix@-.service</translation>
    </message>
    <message>
        <source>Leave empty to read what the mail server usually logs under (postfix/*).</source>
        <translation>Leer lassen, um zu lesen, was der Mailserver unter seinen üblichen Kennungen protokolliert (postfix/*).</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>mx.example.org, or a Host from ~/.ssh/config</source>
        <translation>mx.example.org oder ein Host aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Optional: from ~/.ssh/config, or your login name</source>
        <translation>Optional: aus ~/.ssh/config oder Ihr Anmeldename</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Default: the port from ~/.ssh/config, or 22</source>
        <translation>Standard: der Port aus ~/.ssh/config oder 22</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Log fi&amp;le:</source>
        <translation>Protokolldate&amp;i:</translation>
    </message>
    <message>
        <source>Jou&amp;rnal, unit:</source>
        <translation>Jou&amp;rnal, Unit:</translation>
    </message>
    <message>
        <source>Choose the Mail Server&apos;s Log</source>
        <translation>Protokoll des Mailservers auswählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Log files (*.log)</source>
        <translation>Protokolldateien (*.log)</translation>
    </message>
    <message>
        <source>Choose the log file to follow.</source>
        <translation>Wählen Sie die Protokolldatei, die mitgelesen werden soll.</translation>
    </message>
    <message>
        <source>Give the host&apos;s name or address.</source>
        <translation>Geben Sie den Namen oder die Adresse des Hosts an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>„%1“ ist kein Hostname und keine Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user name ssh can log in as.</source>
        <translation>„%1“ ist kein Benutzername, mit dem sich ssh anmelden kann.</translation>
    </message>
    <message>
        <source>Give the path of the log file on the host.</source>
        <translation>Geben Sie den Pfad der Protokolldatei auf dem Host an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a systemd unit name.</source>
        <translation>„%1“ ist kein systemd-Unit-Name.</translation>
    </message>
    <message>
        <source>Give the path of a log file on this computer; for the journal or another computer, choose those above.</source>
        <translation>Geben Sie den Pfad einer Protokolldatei auf diesem Computer an; für das Journal oder einen anderen Computer wählen Sie oben die passende Option.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>MailTLS can read this log.</source>
        <translation>MailTLS kann dieses Protokoll lesen.</translation>
    </message>
    <message>
        <source>MailTLS cannot read this log.</source>
        <translation>MailTLS kann dieses Protokoll nicht lesen.</translation>
    </message>
    <message>
        <source>MailTLS cannot read this log: %1</source>
        <translation>MailTLS kann dieses Protokoll nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>mailtls::SourceFollower</name>
    <message>
        <source>%1: the reading state stored with it is damaged (%2); reading goes on where it stopped, and sessions open at that moment may be miscounted.</source>
        <translation>%1: Der dazu gespeicherte Lesestand ist beschädigt (%2); es wird dort weitergelesen, wo aufgehört wurde, und in diesem Moment offene Sitzungen werden möglicherweise falsch gezählt.</translation>
    </message>
</context>
<context>
    <name>mailtls::SourceListModel</name>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 lines/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>%1
MailTLS waits for you: fix this, then press Retry.</source>
        <translation>%1
MailTLS wartet auf Sie: Beheben Sie das Problem und klicken Sie dann auf „Wiederholen“.</translation>
    </message>
    <message>
        <source>Paused: nothing is read from this source until you resume it.</source>
        <translation>Pausiert: Aus dieser Quelle wird nichts gelesen, bis Sie sie fortsetzen.</translation>
    </message>
    <message>
        <source>Read up to byte %1 of the log</source>
        <translation>Bis Byte %1 des Protokolls gelesen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lines read</source>
        <translation>Gelesene Zeilen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Every line MailTLS has read from this source</source>
        <translation>Alle Zeilen, die MailTLS aus dieser Quelle gelesen hat</translation>
    </message>
    <message>
        <source>Lines read per second lately</source>
        <translation>Zuletzt gelesene Zeilen pro Sekunde</translation>
    </message>
    <message>
        <source>How far into the log MailTLS has read and stored</source>
        <translation>Wie weit MailTLS das Protokoll gelesen und gespeichert hat</translation>
    </message>
</context>
<context>
    <name>mailtls::SourceManager</name>
    <message>
        <source>Passwords and host keys cannot be asked for (%1): SSH sources work only with keys that need no passphrase, and hosts already known.</source>
        <translation>Nach Passwörtern und Hostschlüsseln kann nicht gefragt werden (%1): SSH-Quellen funktionieren nur mit Schlüsseln ohne Passphrase und mit bereits bekannten Hosts.</translation>
    </message>
    <message>
        <source>The sources are not open.</source>
        <translation>Die Quellen sind nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>mailtls::SourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Follow another log: a file, the journal, or a log on another computer over SSH</source>
        <translation>Ein weiteres Protokoll mitlesen: eine Datei, das Journal oder ein Protokoll auf einem anderen Computer über SSH</translation>
    </message>
    <message>
        <source>Try to reach the selected source&apos;s log now</source>
        <translation>Jetzt versuchen, das Protokoll der ausgewählten Quelle zu erreichen</translation>
    </message>
    <message>
        <source>Try again now, after you fixed what stopped the source</source>
        <translation>Jetzt erneut versuchen, nachdem Sie behoben haben, was die Quelle gestoppt hat</translation>
    </message>
    <message>
        <source>Stop following the source; the figures read from it stay</source>
        <translation>Die Quelle nicht mehr mitlesen; die aus ihr gelesenen Zahlen bleiben erhalten</translation>
    </message>
    <message>
        <source>No sources yet. Add your mail server&apos;s log: a file, the journal, or a log on another computer over SSH.</source>
        <translation>Noch keine Quellen. Fügen Sie das Protokoll Ihres Mailservers hinzu: eine Datei, das Journal oder ein Protokoll auf einem anderen Computer über SSH.</translation>
    </message>
    <message>
        <source>Select a source to see its state.</source>
        <translation>Wählen Sie eine Quelle aus, um ihren Status zu sehen.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>MailTLS waits for you: fix what stopped it, then press Retry.</source>
        <translation>MailTLS wartet auf Sie: Beheben Sie, was die Quelle gestoppt hat, und klicken Sie dann auf „Wiederholen“.</translation>
    </message>
    <message>
        <source>Paused: press Resume to read on from where it stopped.</source>
        <translation>Pausiert: Klicken Sie auf „Fortsetzen“, um dort weiterzulesen, wo aufgehört wurde.</translation>
    </message>
    <message>
        <source>Last warning: %1</source>
        <translation>Letzte Warnung: %1</translation>
    </message>
    <message>
        <source>Add Source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation>Quelle bearbeiten</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <source>Stop following %1?</source>
        <translation>%1 nicht mehr mitlesen?</translation>
    </message>
    <message>
        <source>MailTLS forgets the source&apos;s definition and reads nothing more from it. The figures already read from it stay.</source>
        <translation>MailTLS vergisst die Definition der Quelle und liest nichts mehr aus ihr. Die bereits aus ihr gelesenen Zahlen bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>mailtls::TlsIssueModel</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
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
        <source>DHE connections</source>
        <translation>DHE-Verbindungen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Cipher suites</source>
        <translation>Cipher-Suites</translation>
    </message>
    <message>
        <source>Last reason</source>
        <translation>Letzter Grund</translation>
    </message>
    <message>
        <source>Inbound: the peer sent to us; outbound: we sent to it; submission: a client of ours</source>
        <translation>Eingehend: Die Gegenstelle hat an uns gesendet; ausgehend: Wir haben an sie gesendet; Einlieferung: ein eigener Client</translation>
    </message>
    <message>
        <source>The peer&apos;s host name (or address), or its domain when grouped by domain</source>
        <translation>Der Hostname der Gegenstelle (oder die Adresse) oder ihre Domain bei Gruppierung nach Domain</translation>
    </message>
    <message>
        <source>Encrypted connections with a finite-field Diffie-Hellman (DHE/EDH) cipher suite</source>
        <translation>Verschlüsselte Verbindungen mit einer Cipher-Suite mit Finite-Field-Diffie-Hellman (DHE/EDH)</translation>
    </message>
    <message>
        <source>Failed TLS attempts of this kind</source>
        <translation>Fehlgeschlagene TLS-Versuche dieser Art</translation>
    </message>
    <message>
        <source>When the last of these failures happened (local time)</source>
        <translation>Wann der letzte dieser Fehler auftrat (Ortszeit)</translation>
    </message>
    <message>
        <source>The DHE cipher suites used, each with its number of connections</source>
        <translation>Die verwendeten DHE-Cipher-Suites, jeweils mit der Anzahl ihrer Verbindungen</translation>
    </message>
    <message>
        <source>The mail server&apos;s words for the last of these failures</source>
        <translation>Der Wortlaut des Mailservers zum letzten dieser Fehler</translation>
    </message>
</context>
<context>
    <name>mailtls::TlsQualityPage</name>
    <message>
        <source>TLS quality</source>
        <translation>TLS-Qualität</translation>
    </message>
    <message>
        <source>Protocol versions</source>
        <translation>Protokollversionen</translation>
    </message>
    <message>
        <source>Which TLS versions the encrypted connections used. TLS 1.0 and 1.1 are outdated (RFC 8996) and SSL is broken: peers still using them need a newer mail server.</source>
        <translation>Welche TLS-Versionen die verschlüsselten Verbindungen verwendet haben. TLS 1.0 und 1.1 sind veraltet (RFC 8996) und SSL ist gebrochen: Gegenstellen, die sie noch verwenden, brauchen einen neueren Mailserver.</translation>
    </message>
    <message>
        <source>Key exchanges</source>
        <translation>Schlüsselaustauschverfahren</translation>
    </message>
    <message>
        <source>How the encrypted connections agreed on their keys, where the mail server logged it. Elliptic curves (X25519, P-256 …) are current.</source>
        <translation>Wie sich die verschlüsselten Verbindungen auf ihre Schlüssel geeinigt haben, sofern der Mailserver es protokolliert hat. Elliptische Kurven (X25519, P-256 …) sind aktuell.</translation>
    </message>
    <message>
        <source>Cipher suites</source>
        <translation>Cipher-Suites</translation>
    </message>
    <message>
        <source>Which cipher suites the encrypted connections used. Forward-secret suites with authenticated encryption are current; RC4, DES, 3DES, NULL, export-grade and MD5 suites protect little.</source>
        <translation>Welche Cipher-Suites die verschlüsselten Verbindungen verwendet haben. Suites mit Forward Secrecy und authentifizierter Verschlüsselung sind aktuell; Suites mit RC4, DES, 3DES, NULL, Export-Stärke und MD5 schützen wenig.</translation>
    </message>
    <message>
        <source>Peers using DHE cipher suites</source>
        <translation>Gegenstellen mit DHE-Cipher-Suites</translation>
    </message>
    <message>
        <source>Peers whose encrypted connections used finite-field Diffie-Hellman (DHE/EDH). A small or widely shared group makes them weak (Logjam).</source>
        <translation>Gegenstellen, deren verschlüsselte Verbindungen Finite-Field-Diffie-Hellman (DHE/EDH) verwendet haben. Eine kleine oder weit verbreitete Gruppe macht sie schwach (Logjam).</translation>
    </message>
    <message>
        <source>Peers failing with &quot;dh key too small&quot;</source>
        <translation>Gegenstellen mit dem Fehler „dh key too small“</translation>
    </message>
    <message>
        <source>TLS handshakes that failed because one side&apos;s Diffie-Hellman key was too small for the other; the mail may then have gone in plaintext, or not at all.</source>
        <translation>TLS-Handshakes, die fehlschlugen, weil der Diffie-Hellman-Schlüssel einer Seite für die andere zu klein war; die Mail wurde dann möglicherweise im Klartext oder gar nicht übertragen.</translation>
    </message>
    <message>
        <source>Peers with certificate failures</source>
        <translation>Gegenstellen mit Zertifikatsfehlern</translation>
    </message>
    <message>
        <source>TLS handshakes that failed because a certificate did not pass the checks the mail server&apos;s policy asks for (expired, self-signed, another name …).</source>
        <translation>TLS-Handshakes, die fehlschlugen, weil ein Zertifikat die Prüfungen nicht bestand, die die Richtlinie des Mailservers verlangt (abgelaufen, selbstsigniert, anderer Name …).</translation>
    </message>
    <message>
        <source>The DH group size is not in the logs; a probe can measure it.</source>
        <translation>Die Größe der DH-Gruppe steht nicht in den Protokollen; eine Prüfung kann sie messen.</translation>
    </message>
    <message>
        <source>%1 encrypted connections · %2</source>
        <translation>%1 verschlüsselte Verbindungen · %2</translation>
    </message>
    <message>
        <source>No encrypted connections in this range.</source>
        <translation>Keine verschlüsselten Verbindungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No peer used a DHE cipher suite in this range.</source>
        <translation>Keine Gegenstelle hat in diesem Zeitraum eine DHE-Cipher-Suite verwendet.</translation>
    </message>
    <message>
        <source>No peer failed with &quot;dh key too small&quot; in this range.</source>
        <translation>Keine Gegenstelle ist in diesem Zeitraum mit „dh key too small“ gescheitert.</translation>
    </message>
    <message>
        <source>No peer failed a certificate check in this range.</source>
        <translation>Keine Gegenstelle ist in diesem Zeitraum an einer Zertifikatsprüfung gescheitert.</translation>
    </message>
</context>
<context>
    <name>mailtls::TlsShareModel</name>
    <message>
        <source>(not logged)</source>
        <translation>(nicht protokolliert)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 encrypted connections (%4); peers: %5</source>
        <translation>%1: %2 von %3 verschlüsselten Verbindungen (%4); Gegenstellen: %5</translation>
    </message>
    <message>
        <source>Protocol version</source>
        <translation>Protokollversion</translation>
    </message>
    <message>
        <source>Cipher suite</source>
        <translation>Cipher-Suite</translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>Schlüsselaustausch</translation>
    </message>
    <message>
        <source>Current (TLS 1.2, 1.3)</source>
        <translation>Aktuell (TLS 1.2, 1.3)</translation>
    </message>
    <message>
        <source>Outdated (TLS 1.0, 1.1, SSL)</source>
        <translation>Veraltet (TLS 1.0, 1.1, SSL)</translation>
    </message>
    <message>
        <source>Other or not logged</source>
        <translation>Sonstige oder nicht protokolliert</translation>
    </message>
    <message>
        <source>Forward secret, authenticated encryption</source>
        <translation>Forward Secrecy, authentifizierte Verschlüsselung</translation>
    </message>
    <message>
        <source>Weak (RC4, DES, 3DES, NULL, export, MD5)</source>
        <translation>Schwach (RC4, DES, 3DES, NULL, Export, MD5)</translation>
    </message>
    <message>
        <source>Elliptic curve or large group</source>
        <translation>Elliptische Kurve oder große Gruppe</translation>
    </message>
    <message>
        <source>Group under 2048 bits</source>
        <translation>Gruppe unter 2048 Bit</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>As the mail server logged it; &quot;(not logged)&quot; counts encrypted connections whose log lines did not name it</source>
        <translation>Wie der Mailserver es protokolliert hat; „(nicht protokolliert)“ zählt verschlüsselte Verbindungen, deren Protokollzeilen es nicht nennen</translation>
    </message>
    <message>
        <source>Encrypted connections that used it</source>
        <translation>Verschlüsselte Verbindungen, die es verwendet haben</translation>
    </message>
    <message>
        <source>Its share of all encrypted connections in the range</source>
        <translation>Sein Anteil an allen verschlüsselten Verbindungen im Zeitraum</translation>
    </message>
    <message>
        <source>Peers that used it, each direction counted apart</source>
        <translation>Gegenstellen, die es verwendet haben, jede Richtung getrennt gezählt</translation>
    </message>
</context>
<context>
    <name>mailtls::TrendChart</name>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>TLS failures</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>Trend of encrypted and plaintext mail</source>
        <translation>Verlauf verschlüsselter und Klartext-Mail</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>Stunde (UTC)</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Bytes (%1)</source>
        <translation>Bytes (%1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Buckets: %1; encrypted: %2; plaintext: %3; TLS failures: %4</source>
        <translation>Zeitabschnitte: %1; verschlüsselt: %2; Klartext: %3; TLS-Fehler: %4</translation>
    </message>
    <message>
        <source>Buckets: %1; encrypted messages: %2; plaintext messages: %3; TLS failures: %4</source>
        <translation>Zeitabschnitte: %1; verschlüsselte Nachrichten: %2; Klartext-Nachrichten: %3; TLS-Fehler: %4</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <source>Encrypted messages: %1, %2</source>
        <translation>Verschlüsselte Nachrichten: %1, %2</translation>
    </message>
    <message>
        <source>Plaintext messages: %1, %2</source>
        <translation>Klartext-Nachrichten: %1, %2</translation>
    </message>
    <message>
        <source>TLS failures: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
</context>
<context>
    <name>mailtls::TrendPanel</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>(see mailtls --help)</source>
        <translation>(siehe mailtls --help)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see mailtls --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe mailtls --help)</translation>
    </message>
    <message>
        <source>MailTLS shows how much of your mail crosses the wire encrypted (STARTTLS) and how much in plaintext, per peer.

Commands:
  report   print per-peer figures from logs and/or a database (mailtls report --help)
  import   add logs to a database (mailtls import --help)
  follow   follow logs as they are written into a database (mailtls follow --help)
  export   write the dashboard&apos;s figures as CSV (mailtls export --help)

Without a command, the window opens.</source>
        <translation>MailTLS zeigt je Gegenstelle, wie viel Ihrer Mail verschlüsselt (STARTTLS) und wie viel im Klartext übertragen wird.

Befehle:
  report   Zahlen je Gegenstelle aus Protokollen und/oder einer Datenbank ausgeben (mailtls report --help)
  import   Protokolle zu einer Datenbank hinzufügen (mailtls import --help)
  follow   Protokolle beim Schreiben in eine Datenbank mitlesen (mailtls follow --help)
  export   die Zahlen des Dashboards als CSV schreiben (mailtls export --help)

Ohne Befehl öffnet sich das Fenster.</translation>
    </message>
    <message>
        <source>report, import, follow or export</source>
        <translation>report, import, follow oder export</translation>
    </message>
    <message>
        <source>Open the window on the bundled demo data</source>
        <translation>Das Fenster mit den mitgelieferten Beispieldaten öffnen</translation>
    </message>
</context>
</TS>
