<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupStore</name>
    <message>
        <source>cannot create the backup folder %1</source>
        <translation>der Sicherungsordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create a backup folder in %1</source>
        <translation>in %1 kann kein Sicherungsordner angelegt werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the name of a backup (they look like 20260301T120000Z)</source>
        <translation>„%1“ ist nicht der Name einer Sicherung (diese sehen aus wie 20260301T120000Z)</translation>
    </message>
    <message>
        <source>there is no backup %1 in %2</source>
        <translation>in %2 gibt es keine Sicherung %1</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 ist zu groß</translation>
    </message>
    <message>
        <source>%1 is not a backup manifest MailTLS can read</source>
        <translation>%1 ist kein Sicherungsmanifest, das MailTLS lesen kann</translation>
    </message>
    <message>
        <source>the saved copy %1 is missing</source>
        <translation>die gesicherte Kopie %1 fehlt</translation>
    </message>
    <message>
        <source>the saved copy %1 is not what was saved (its SHA-256 differs)</source>
        <translation>die gesicherte Kopie %1 ist nicht das, was gesichert wurde (ihr SHA-256 weicht ab)</translation>
    </message>
</context>
<context>
    <name>CampaignCommand</name>
    <message>
        <source>inbound and outbound</source>
        <translation>eingehend und ausgehend</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>the host&apos;s job</source>
        <translation>den Auftrag auf dem Host</translation>
    </message>
    <message>
        <source>MailTLS at its end time</source>
        <translation>MailTLS zum Endzeitpunkt</translation>
    </message>
    <message>
        <source>you, early</source>
        <translation>Sie, vorzeitig</translation>
    </message>
    <message>
        <source>The MailTLS store (default: %1).</source>
        <translation>Die MailTLS-Datenbank (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>The mail server is another host, reached over SSH: its commands run there as root through sudo -n unless the login is root.</source>
        <translation>Der Mailserver ist ein anderer Host, erreichbar über SSH: Seine Befehle laufen dort als root über sudo -n, sofern die Anmeldung nicht als root erfolgt.</translation>
    </message>
    <message>
        <source>For --host: use this ssh configuration file.</source>
        <translation>Für --host: diese ssh-Konfigurationsdatei verwenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>For --host: offer this private key first.</source>
        <translation>Für --host: diesen privaten Schlüssel zuerst anbieten.</translation>
    </message>
    <message>
        <source>For --host: accept this SSH host key fingerprint (SHA256:…) for a host not known yet. Repeatable.</source>
        <translation>Für --host: diesen SSH-Hostschlüssel-Fingerabdruck (SHA256:…) für einen noch unbekannten Host annehmen. Mehrfach möglich.</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>Keep the window&apos;s backups in this folder (default: %1).</source>
        <translation>Die Sicherungen des Zeitfensters in diesem Ordner ablegen (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation>--host: %1</translation>
    </message>
    <message>
        <source>passwords and host keys cannot be asked for: %1</source>
        <translation>nach Passwörtern und Hostschlüsseln kann nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>cancelling: anything written is put back…</source>
        <translation>wird abgebrochen: alles Geschriebene wird zurückgenommen …</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <source>  Then: check with %1</source>
        <translation>  Danach: prüfen mit %1</translation>
    </message>
    <message>
        <source>  Note: %1</source>
        <translation>  Hinweis: %1</translation>
    </message>
    <message>
        <source>  Any failure puts every file back as it was.</source>
        <translation>  Bei jedem Fehler werden alle Dateien in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Kampagne %1: %2</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>TLS required %1, %2 until %3</source>
        <translation>TLS verlangt %1, %2 bis %3</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>enforcing</source>
        <translation>in Kraft</translation>
    </message>
    <message>
        <source>ended at %1 by %2</source>
        <translation>beendet am %1 durch %2</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>revert job</source>
        <translation>Rücksetzauftrag</translation>
    </message>
    <message>
        <source>unknown campaign command &quot;%1&quot;; see mailtls campaign --help</source>
        <translation>unbekannter Kampagnenbefehl „%1“; siehe mailtls campaign --help</translation>
    </message>
    <message>
        <source>Require TLS of servers sending to you.</source>
        <translation>TLS von Servern verlangen, die an Sie senden.</translation>
    </message>
    <message>
        <source>Require TLS of servers you send to.</source>
        <translation>TLS von Servern verlangen, an die Sie senden.</translation>
    </message>
    <message>
        <source>How long the window lasts: 30m, 4h, 2d, 1h30m (1 minute to 30 days).</source>
        <translation>Wie lange das Zeitfenster dauert: 30m, 4h, 2d, 1h30m (1 Minute bis 30 Tage).</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>DIENST</translation>
    </message>
    <message>
        <source>The campaign&apos;s name.</source>
        <translation>Der Name der Kampagne.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Show the warning, the peers and the plan; change nothing.</source>
        <translation>Die Warnung, die Gegenstellen und den Plan anzeigen; nichts ändern.</translation>
    </message>
    <message>
        <source>Start the window.</source>
        <translation>Das Zeitfenster starten.</translation>
    </message>
    <message>
        <source>campaign start takes no arguments besides its options</source>
        <translation>campaign start nimmt außer seinen Optionen keine Argumente an</translation>
    </message>
    <message>
        <source>--dry-run and --yes exclude each other</source>
        <translation>--dry-run und --yes schließen einander aus</translation>
    </message>
    <message>
        <source>campaign start needs --duration D (30m, 4h, 2d): the window always ends</source>
        <translation>campaign start braucht --duration D (30m, 4h, 2d): Das Zeitfenster endet immer</translation>
    </message>
    <message>
        <source>--duration: &quot;%1&quot; is not a time from 1 minute to 30 days (30m, 4h, 2d, 1h30m)</source>
        <translation>--duration: „%1“ ist keine Dauer von 1 Minute bis 30 Tagen (30m, 4h, 2d, 1h30m)</translation>
    </message>
    <message>
        <source>--config-dir: there is no folder %1</source>
        <translation>--config-dir: den Ordner %1 gibt es nicht</translation>
    </message>
    <message>
        <source>campaign %1&apos;s window runs until %2: one window at a time (mailtls campaign status; mailtls campaign end --yes)</source>
        <translation>das Zeitfenster der Kampagne %1 läuft bis %2: immer nur ein Zeitfenster (mailtls campaign status; mailtls campaign end --yes)</translation>
    </message>
    <message>
        <source>%1, configuration in %2</source>
        <translation>%1, Konfiguration in %2</translation>
    </message>
    <message>
        <source>%1, configuration in %2 on %3</source>
        <translation>%1, Konfiguration in %2 auf %3</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>Peers that used plaintext in the last 30 days (the store&apos;s figures), affected by the window:</source>
        <translation>Gegenstellen, die in den letzten 30 Tagen unverschlüsselt kommuniziert haben (Zahlen der Datenbank) und vom Zeitfenster betroffen sind:</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>keine bekannt</translation>
    </message>
    <message>
        <source>%1 of %2 message(s) in plaintext: refused during the window</source>
        <translation>%1 von %2 Nachricht(en) unverschlüsselt: werden während des Zeitfensters abgewiesen</translation>
    </message>
    <message>
        <source>%1 of %2 message(s) in plaintext: deferred until the window ends</source>
        <translation>%1 von %2 Nachricht(en) unverschlüsselt: werden bis zum Ende des Zeitfensters zurückgestellt</translation>
    </message>
    <message>
        <source>Window: TLS required %1 until about %2.</source>
        <translation>Zeitfenster: TLS wird %1 bis etwa %2 verlangt.</translation>
    </message>
    <message>
        <source>Nothing was changed. Run again with --yes to start the window.</source>
        <translation>Es wurde nichts geändert. Führen Sie den Befehl erneut mit --yes aus, um das Zeitfenster zu starten.</translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation>Wird gestartet:</translation>
    </message>
    <message>
        <source>Output of the failed step:</source>
        <translation>Ausgabe des fehlgeschlagenen Schritts:</translation>
    </message>
    <message>
        <source>Campaign %1 started: TLS is required %2 until %3.</source>
        <translation>Kampagne %1 gestartet: TLS wird %2 bis %3 verlangt.</translation>
    </message>
    <message>
        <source>The revert job %1 on %2 puts the previous settings back then, even when MailTLS is not running.</source>
        <translation>Der Rücksetzauftrag %1 auf %2 stellt dann die vorherigen Einstellungen wieder her, auch wenn MailTLS nicht läuft.</translation>
    </message>
    <message>
        <source>End it early with: mailtls campaign end --yes</source>
        <translation>Vorzeitig beenden mit: mailtls campaign end --yes</translation>
    </message>
    <message>
        <source>The state of a campaign&apos;s window (default: the newest campaign). A window the host&apos;s job ended is recorded as such; one that outlived its end is ended now.</source>
        <translation>Der Status des Zeitfensters einer Kampagne (Vorgabe: die neueste Kampagne). Ein vom Auftrag auf dem Host beendetes Zeitfenster wird als solches verzeichnet; eines, das über sein Ende hinaus läuft, wird jetzt beendet.</translation>
    </message>
    <message>
        <source>The campaign (default: the newest).</source>
        <translation>Die Kampagne (Vorgabe: die neueste).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>--campaign: &quot;%1&quot; is not a campaign number</source>
        <translation>--campaign: „%1“ ist keine Kampagnennummer</translation>
    </message>
    <message>
        <source>there are no campaigns in %1 yet</source>
        <translation>in %1 gibt es noch keine Kampagnen</translation>
    </message>
    <message>
        <source>End the running window now: the settings from before it are put back from its backup, checked and reloaded, and the host&apos;s job is removed.</source>
        <translation>Das laufende Zeitfenster jetzt beenden: Die Einstellungen von davor werden aus seiner Sicherung wiederhergestellt, geprüft und neu geladen, und der Auftrag auf dem Host wird entfernt.</translation>
    </message>
    <message>
        <source>End it (without: say what would be done).</source>
        <translation>Beenden (ohne diese Option: anzeigen, was getan würde).</translation>
    </message>
    <message>
        <source>no campaign window is running</source>
        <translation>es läuft kein Kampagnen-Zeitfenster</translation>
    </message>
    <message>
        <source>Nothing was changed. Run again with --yes to end the window now: main.cf gets its settings from before the window back (backup %1), and the revert job %2 is removed.</source>
        <translation>Es wurde nichts geändert. Führen Sie den Befehl erneut mit --yes aus, um das Zeitfenster jetzt zu beenden: main.cf erhält seine Einstellungen von vor dem Zeitfenster zurück (Sicherung %1), und der Rücksetzauftrag %2 wird entfernt.</translation>
    </message>
    <message>
        <source>Ending:</source>
        <translation>Wird beendet:</translation>
    </message>
    <message>
        <source>Campaign %1&apos;s window ended at %2: TLS is optional again.</source>
        <translation>Das Zeitfenster der Kampagne %1 wurde am %2 beendet: TLS ist wieder optional.</translation>
    </message>
    <message>
        <source>  reload with %1 when %2 runs</source>
        <translation>  neu laden mit %1, wenn %2 läuft</translation>
    </message>
    <message>
        <source>%1, %2 on %3</source>
        <translation>%1, %2 auf %3</translation>
    </message>
    <message>
        <source>%1 is not running: the window takes effect at its next start.</source>
        <translation>%1 läuft nicht: Das Zeitfenster wird beim nächsten Start wirksam.</translation>
    </message>
    <message>
        <source>Usage: mailtls campaign VERB [options]

A campaign requires TLS on your mail server for a while (a window), gathers who failed, and writes to them.

  start    start a window of mandatory STARTTLS (mailtls campaign start --help)
  status   the window&apos;s state; records a window the host&apos;s job ended
  end      end the running window now
  failures the peers that failed for lack of TLS, with their correspondents (mailtls campaign failures --help)
  letters  the letters to them as .eml files or an mbox; nothing is sent (mailtls campaign letters --help)
  send     send the letters through your submission server, after you confirm (mailtls campaign send --help)
</source>
        <translation>Aufruf: mailtls campaign BEFEHL [Optionen]

Eine Kampagne verlangt eine Zeit lang TLS auf Ihrem Mailserver (ein Zeitfenster), ermittelt, wer daran gescheitert ist, und schreibt diese an.

  start    ein Zeitfenster mit verpflichtendem STARTTLS starten (mailtls campaign start --help)
  status   der Status des Zeitfensters; verzeichnet ein vom Auftrag auf dem Host beendetes Zeitfenster
  end      das laufende Zeitfenster jetzt beenden
  failures die Gegenstellen, die mangels TLS gescheitert sind, mit ihren Korrespondenzpartnern (mailtls campaign failures --help)
  letters  die Schreiben an sie als .eml-Dateien oder eine mbox; es wird nichts gesendet (mailtls campaign letters --help)
  send     die Schreiben nach Ihrer Bestätigung über Ihren Einlieferungsserver senden (mailtls campaign send --help)
</translation>
    </message>
    <message>
        <source>Start a window of mandatory STARTTLS on your Postfix, Exim or Sendmail: inbound, outbound or both (neither option: both). A job on the mail host ends it at its end even when MailTLS is not running.</source>
        <translation>Ein Zeitfenster mit verpflichtendem STARTTLS auf Ihrem Postfix, Exim oder Sendmail starten: eingehend, ausgehend oder beides (keine der beiden Optionen: beides). Ein Auftrag auf dem Host des Mailservers beendet es zum vorgesehenen Zeitpunkt, auch wenn MailTLS nicht läuft.</translation>
    </message>
    <message>
        <source>The mail server: postfix (the default), exim (Debian&apos;s configuration) or sendmail (sendmail.mc).</source>
        <translation>Der Mailserver: postfix (die Vorgabe), exim (Konfiguration von Debian) oder sendmail (sendmail.mc).</translation>
    </message>
    <message>
        <source>The mail server&apos;s configuration folder (default: its own, /etc/postfix, /etc/exim4 or /etc/mail).</source>
        <translation>Der Konfigurationsordner des Mailservers (Vorgabe: sein eigener, /etc/postfix, /etc/exim4 oder /etc/mail).</translation>
    </message>
    <message>
        <source>--mta %1: a campaign window needs a mail server: postfix, exim or sendmail</source>
        <translation>--mta %1: Ein Zeitfenster einer Kampagne braucht einen Mailserver: postfix, exim oder sendmail</translation>
    </message>
</context>
<context>
    <name>CampaignCsv</name>
    <message>
        <source>%1 of %2 fixed</source>
        <translation>%1 von %2 behoben</translation>
    </message>
    <message>
        <source>MailTLS campaign “%1” (number %2): failing peers</source>
        <translation>MailTLS-Kampagne „%1“ (Nummer %2): gescheiterte Gegenstellen</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exportiert: %1</translation>
    </message>
    <message>
        <source>Service: %1 on %2; directions: %3</source>
        <translation>Dienst: %1 auf %2; Richtungen: %3</translation>
    </message>
    <message>
        <source>Window: %1 to %2; %3</source>
        <translation>Zeitfenster: %1 bis %2; %3</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Fortschritt: %1</translation>
    </message>
    <message>
        <source>Units: failures and messages are counts; times are UTC (ISO 8601); states are failing, letter-sent, still-plaintext, fixed-log (seen encrypted in the logs) and fixed-probe (confirmed by a re-probe)</source>
        <translation>Einheiten: Fehler und Nachrichten sind Anzahlen; Zeiten sind UTC (ISO 8601); Statuswerte sind failing, letter-sent, still-plaintext, fixed-log (in den Protokollen verschlüsselt gesehen) und fixed-probe (durch eine erneute Untersuchung bestätigt)</translation>
    </message>
    <message>
        <source>Failing peers</source>
        <translation>Gescheiterte Gegenstellen</translation>
    </message>
</context>
<context>
    <name>CampaignFailuresCommand</name>
    <message>
        <source>List the peers that failed for lack of TLS: sessions refused where TLS was required, and TLS failures, per peer and direction, with the addresses on both sides.</source>
        <translation>Die Gegenstellen auflisten, die mangels TLS gescheitert sind: abgewiesene Sitzungen, wo TLS verlangt war, und TLS-Fehler, je Gegenstelle und Richtung, mit den Adressen auf beiden Seiten.</translation>
    </message>
    <message>
        <source>The campaign (default: the newest, when no range is given); its failing peers are replaced by this gathering.</source>
        <translation>Die Kampagne (Vorgabe: die neueste, wenn kein Zeitraum angegeben ist); ihre gescheiterten Gegenstellen werden durch diese Erhebung ersetzt.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>From T (default: the campaign&apos;s window).</source>
        <translation>Ab T (Vorgabe: das Zeitfenster der Kampagne).</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Before T (default: now, or the window&apos;s end).</source>
        <translation>Vor T (Vorgabe: jetzt oder das Ende des Zeitfensters).</translation>
    </message>
    <message>
        <source>Inbound failures only (with --outbound: both).</source>
        <translation>Nur eingehende Fehler (mit --outbound: beide).</translation>
    </message>
    <message>
        <source>Outbound failures only (with --inbound: both).</source>
        <translation>Nur ausgehende Fehler (mit --inbound: beide).</translation>
    </message>
    <message>
        <source>Include local hops (loopback peers and local transports).</source>
        <translation>Lokale Wege einbeziehen (Loopback-Gegenstellen und lokale Transporte).</translation>
    </message>
    <message>
        <source>At most N addresses per side and peer (default 20).</source>
        <translation>Höchstens N Adressen je Seite und Gegenstelle (Vorgabe 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Also write CSV here (- for standard output).</source>
        <translation>Zusätzlich CSV hierhin schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>The database (default: the one the window uses).</source>
        <translation>Die Datenbank (Vorgabe: die des Zeitfensters).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a positive number</source>
        <translation>--limit: „%1“ ist keine positive Zahl</translation>
    </message>
    <message>
        <source>--campaign: &quot;%1&quot; is not a campaign id</source>
        <translation>--campaign: „%1“ ist keine Kampagnen-ID</translation>
    </message>
    <message>
        <source>--to needs --from</source>
        <translation>--to braucht --from</translation>
    </message>
    <message>
        <source>--from must be before --to</source>
        <translation>--from muss vor --to liegen</translation>
    </message>
    <message>
        <source>there are no campaigns in %1; give --from and --to</source>
        <translation>in %1 gibt es keine Kampagnen; geben Sie --from und --to an</translation>
    </message>
</context>
<context>
    <name>CampaignLettersCommand</name>
    <message>
        <source>The store (default: the one the window uses).</source>
        <translation>Die Datenbank (Vorgabe: die des Zeitfensters).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>The campaign (default: the newest).</source>
        <translation>Die Kampagne (Vorgabe: die neueste).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Your address: the letters&apos; sender.</source>
        <translation>Ihre Adresse: der Absender der Schreiben.</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>Your name, as sender and under the letters.</source>
        <translation>Ihr Name, als Absender und unter den Schreiben.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The letters&apos; language: en or de (default: en).</source>
        <translation>Die Sprache der Schreiben: en oder de (Vorgabe: en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Your letter template (default: letters/LANG.txt in the configuration folder, else the built-in one).</source>
        <translation>Ihre Vorlage für die Schreiben (Vorgabe: letters/SPRACHE.txt im Konfigurationsordner, sonst die eingebaute).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Only the letter to this correspondent (may be repeated).</source>
        <translation>Nur das Schreiben an diesen Korrespondenzpartner (mehrfach möglich).</translation>
    </message>
    <message>
        <source>--from ADDR is needed: your address, the letters&apos; sender</source>
        <translation>--from ADRESSE wird benötigt: Ihre Adresse, der Absender der Schreiben</translation>
    </message>
    <message>
        <source>--campaign: &quot;%1&quot; is not a campaign number</source>
        <translation>--campaign: „%1“ ist keine Kampagnennummer</translation>
    </message>
    <message>
        <source>Write the letters of a campaign (default: the newest), one per correspondent of a server that failed, as .eml files or one mbox. Nothing is sent.</source>
        <translation>Die Schreiben einer Kampagne (Vorgabe: die neueste) erstellen, eines je Korrespondenzpartner eines gescheiterten Servers, als .eml-Dateien oder als eine mbox. Es wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Write one .eml per correspondent into DIR.</source>
        <translation>Je Korrespondenzpartner eine .eml-Datei in ORDNER schreiben.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Write every letter into one mbox FILE.</source>
        <translation>Alle Schreiben in eine mbox DATEI schreiben.</translation>
    </message>
    <message>
        <source>campaign letters takes no arguments besides its options</source>
        <translation>campaign letters nimmt außer seinen Optionen keine Argumente an</translation>
    </message>
    <message>
        <source>say where the letters go: --out DIR (one .eml each) or --mbox FILE</source>
        <translation>geben Sie an, wohin die Schreiben sollen: --out ORDNER (je eine .eml-Datei) oder --mbox DATEI</translation>
    </message>
    <message>
        <source>--out: the folder %1 cannot be made</source>
        <translation>--out: Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Campaign %1 has no letters to write: no failing server with a known correspondent.
</source>
        <translation>Für Kampagne %1 gibt es keine Schreiben zu erstellen: kein gescheiterter Server mit bekanntem Korrespondenzpartner.
</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)
</source>
        <translation>%1: %2 (%3)
</translation>
    </message>
    <message>
        <source>%1: in %2 (%3)
</source>
        <translation>%1: in %2 (%3)
</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) of campaign %1 written; nothing was sent.
</source>
        <translation>
            <numerusform>%n Schreiben der Kampagne %1 erstellt; es wurde nichts gesendet.
</numerusform>
            <numerusform>%n Schreiben der Kampagne %1 erstellt; es wurde nichts gesendet.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the letters of a campaign (default: the newest) through your own submission server, after you confirm. Port 465 speaks TLS from the start; on any other port the server must offer STARTTLS, or nothing is sent.</source>
        <translation>Die Schreiben einer Kampagne (Vorgabe: die neueste) nach Ihrer Bestätigung über Ihren eigenen Einlieferungsserver senden. Port 465 spricht TLS von Anfang an; auf jedem anderen Port muss der Server STARTTLS anbieten, sonst wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Your submission server, e.g. smtp.example.org:587.</source>
        <translation>Ihr Einlieferungsserver, z. B. smtp.example.org:587.</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>Log in as NAME; the password comes from the keychain.</source>
        <translation>Als NAME anmelden; das Passwort kommt aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>At most N letters a minute (default: 10/min).</source>
        <translation>Höchstens N Schreiben pro Minute (Vorgabe: 10/min).</translation>
    </message>
    <message>
        <source>N/min</source>
        <translation>N/min</translation>
    </message>
    <message>
        <source>Send without asking.</source>
        <translation>Ohne Rückfrage senden.</translation>
    </message>
    <message>
        <source>Trust exactly the server certificate whose public key has this SHA-256 digest, 64 hex digits or sha256//BASE64 (a server with a certificate of its own; openssl x509 -in CERT -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 prints it).</source>
        <translation>Genau dem Serverzertifikat vertrauen, dessen öffentlicher Schlüssel diesen SHA-256-Hashwert hat, 64 Hexadezimalziffern oder sha256//BASE64 (für einen Server mit eigenem Zertifikat; openssl x509 -in CERT -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 gibt ihn aus).</translation>
    </message>
    <message>
        <source>SHA256</source>
        <translation>SHA256</translation>
    </message>
    <message>
        <source>Trust the authorities in FILE (PEM) besides the system&apos;s.</source>
        <translation>Zusätzlich zu denen des Systems den Zertifizierungsstellen in DATEI (PEM) vertrauen.</translation>
    </message>
    <message>
        <source>campaign send takes no arguments besides its options</source>
        <translation>campaign send nimmt außer seinen Optionen keine Argumente an</translation>
    </message>
    <message>
        <source>--server HOST:PORT is needed: your submission server</source>
        <translation>--server HOST:PORT wird benötigt: Ihr Einlieferungsserver</translation>
    </message>
    <message>
        <source>--server: &quot;%1&quot; is not HOST:PORT</source>
        <translation>--server: „%1“ ist nicht HOST:PORT</translation>
    </message>
    <message>
        <source>--rate: &quot;%1&quot; is not a number of letters a minute (1 to 600)</source>
        <translation>--rate: „%1“ ist keine Anzahl Schreiben pro Minute (1 bis 600)</translation>
    </message>
    <message>
        <source>--fingerprint: &quot;%1&quot; is not a SHA-256 fingerprint (64 hex digits)</source>
        <translation>--fingerprint: „%1“ ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>--ca-file: %1 cannot be read: %2</source>
        <translation>--ca-file: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--ca-file: %1 holds no PEM certificate</source>
        <translation>--ca-file: %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Campaign %1 has no letters to send: no failing server with a known correspondent.
</source>
        <translation>Für Kampagne %1 gibt es keine Schreiben zu senden: kein gescheiterter Server mit bekanntem Korrespondenzpartner.
</translation>
    </message>
    <message>
        <source>TLS from the start</source>
        <translation>TLS von Anfang an</translation>
    </message>
    <message>
        <source>STARTTLS required</source>
        <translation>STARTTLS verlangt</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) of campaign %1 to send through %2 (%3), %4 a minute at most:
</source>
        <translation>
            <numerusform>%n Schreiben der Kampagne %1 ist über %2 (%3) zu senden, höchstens %4 pro Minute:
</numerusform>
            <numerusform>%n Schreiben der Kampagne %1 sind über %2 (%3) zu senden, höchstens %4 pro Minute:
</numerusform>
        </translation>
    </message>
    <message>
        <source>Send them? Type yes to send: </source>
        <translation>Senden? Geben Sie zum Senden yes ein: </translation>
    </message>
    <message>
        <source>nothing was sent</source>
        <translation>es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>Password of %1 at %2: </source>
        <translation>Passwort von %1 auf %2: </translation>
    </message>
    <message>
        <source>the keychain holds no password of %1 at %2, and there is no terminal to ask on: run mailtls campaign send once in a terminal to keep it there</source>
        <translation>der Schlüsselbund enthält kein Passwort von %1 auf %2, und es gibt kein Terminal für die Frage: Führen Sie mailtls campaign send einmal in einem Terminal aus, um es dort zu speichern</translation>
    </message>
    <message>
        <source>the password of %1 at %2 cannot be read from the keychain (%3), and there is no terminal to ask on</source>
        <translation>das Passwort von %1 auf %2 kann nicht aus dem Schlüsselbund gelesen werden (%3), und es gibt kein Terminal für die Frage</translation>
    </message>
    <message>
        <source>the password is not kept in the keychain: %1</source>
        <translation>das Passwort wird nicht im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <source>sent to %1: %2
</source>
        <translation>an %1 gesendet: %2
</translation>
    </message>
    <message>
        <source>the letter to %1 was sent but is not recorded: %2</source>
        <translation>das Schreiben an %1 wurde gesendet, aber nicht verzeichnet: %2</translation>
    </message>
    <message>
        <source>not sent to %1: %2</source>
        <translation>nicht an %1 gesendet: %2</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird abgebrochen</translation>
    </message>
    <message>
        <source>%1 sent, %2 not sent, %3 not tried.
</source>
        <translation>%1 gesendet, %2 nicht gesendet, %3 nicht versucht.
</translation>
    </message>
</context>
<context>
    <name>CampaignStore</name>
    <message>
        <source>The campaigns of %1 are not open.</source>
        <translation>Die Kampagnen von %1 sind nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot use the campaigns in %1: %2</source>
        <translation>Die Kampagnen in %1 können nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>There is no MailTLS store at %1.</source>
        <translation>Unter %1 gibt es keine MailTLS-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot open %1: Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>%1 kann nicht geöffnet werden: Der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is at store schema %2; campaigns need schema %3. Open it with MailTLS once to bring it up to date.</source>
        <translation>%1 hat Datenbankschema %2; Kampagnen brauchen Schema %3. Öffnen Sie die Datei einmal mit MailTLS, um sie auf den neuesten Stand zu bringen.</translation>
    </message>
    <message>
        <source>There is no campaign %1 in %2.</source>
        <translation>In %2 gibt es keine Kampagne %1.</translation>
    </message>
    <message>
        <source>Campaign %1 has no %2 peer %3.</source>
        <translation>Kampagne %1 hat keine Gegenstelle %3 (%2).</translation>
    </message>
</context>
<context>
    <name>CampaignText</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Inbound and outbound</source>
        <translation>Eingehend und ausgehend</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Outlived its end by %1</source>
        <translation>Seit %1 überfällig</translation>
    </message>
    <message>
        <source>Enforcing, %1 left</source>
        <translation>In Kraft, noch %1</translation>
    </message>
    <message>
        <source>Ended by you</source>
        <translation>Von Ihnen beendet</translation>
    </message>
    <message>
        <source>Ended by MailTLS</source>
        <translation>Von MailTLS beendet</translation>
    </message>
    <message>
        <source>Ended by the host&apos;s job</source>
        <translation>Vom Auftrag auf dem Host beendet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>The window was due to end at %1 UTC, but nothing has recorded putting the previous settings back: the mail server may still require TLS. End it now to restore them.</source>
        <translation>Das Zeitfenster sollte am %1 UTC enden, aber es ist nicht verzeichnet, dass die vorherigen Einstellungen wiederhergestellt wurden: Der Mailserver verlangt möglicherweise noch TLS. Beenden Sie es jetzt, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>The mail server requires TLS until %1 UTC; then MailTLS, or the job on the mail host if MailTLS is not running, puts the previous settings back.</source>
        <translation>Der Mailserver verlangt TLS bis %1 UTC; danach stellt MailTLS die vorherigen Einstellungen wieder her, oder der Auftrag auf dem Host des Mailservers, falls MailTLS nicht läuft.</translation>
    </message>
    <message>
        <source>You ended the window early, at %1 UTC; the previous settings were put back.</source>
        <translation>Sie haben das Zeitfenster vorzeitig beendet, am %1 UTC; die vorherigen Einstellungen wurden wiederhergestellt.</translation>
    </message>
    <message>
        <source>MailTLS put the previous settings back at the window&apos;s end, %1 UTC.</source>
        <translation>MailTLS hat die vorherigen Einstellungen zum Ende des Zeitfensters wiederhergestellt, am %1 UTC.</translation>
    </message>
    <message>
        <source>The job on the mail host put the previous settings back at %1 UTC, while MailTLS was not running.</source>
        <translation>Der Auftrag auf dem Host des Mailservers hat die vorherigen Einstellungen am %1 UTC wiederhergestellt, während MailTLS nicht lief.</translation>
    </message>
    <message>
        <source>The previous settings were put back at %1 UTC.</source>
        <translation>Die vorherigen Einstellungen wurden am %1 UTC wiederhergestellt.</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Gescheitert</translation>
    </message>
    <message>
        <source>Letter sent</source>
        <translation>Schreiben gesendet</translation>
    </message>
    <message>
        <source>Still plaintext</source>
        <translation>Weiterhin unverschlüsselt</translation>
    </message>
    <message>
        <source>Fixed (seen encrypted)</source>
        <translation>Behoben (verschlüsselt gesehen)</translation>
    </message>
    <message>
        <source>Fixed (re-probe)</source>
        <translation>Behoben (erneute Prüfung)</translation>
    </message>
    <message>
        <source>Failed during the window; no letter has been sent and nothing shows it fixed yet.</source>
        <translation>Während des Zeitfensters gescheitert; es wurde kein Schreiben gesendet, und noch deutet nichts auf eine Behebung hin.</translation>
    </message>
    <message>
        <source>A letter was sent on %1 UTC; nothing shows it fixed yet.</source>
        <translation>Am %1 UTC wurde ein Schreiben gesendet; noch deutet nichts auf eine Behebung hin.</translation>
    </message>
    <message>
        <source>A re-probe on %1 UTC, after the window, still found no TLS.</source>
        <translation>Eine erneute Prüfung am %1 UTC, nach dem Zeitfenster, hat weiterhin kein TLS gefunden.</translation>
    </message>
    <message>
        <source>Mail with this peer was seen encrypted in the logs on %1 UTC.</source>
        <translation>Mail mit dieser Gegenstelle wurde am %1 UTC in den Protokollen verschlüsselt gesehen.</translation>
    </message>
    <message>
        <source>A re-probe on %1 UTC found its servers offering TLS.</source>
        <translation>Eine erneute Prüfung am %1 UTC hat ergeben, dass ihre Server TLS anbieten.</translation>
    </message>
    <message>
        <source>Refused: no STARTTLS</source>
        <translation>Abgewiesen: kein STARTTLS</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n gesendet</numerusform>
            <numerusform>%n gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exported</source>
        <translation>
            <numerusform>%n exportiert</numerusform>
            <numerusform>%n exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
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
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLER</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ist größer als %2 Bytes</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot give the new %1 its owner and group (%2:%3): %4</source>
        <translation>Eigentümer und Gruppe (%2:%3) können nicht auf die neue Datei %1 übertragen werden: %4</translation>
    </message>
    <message>
        <source>cannot set the mode of the new %1: %2</source>
        <translation>die Zugriffsrechte der neuen Datei %1 können nicht gesetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
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
    <name>DhParamCommand</name>
    <message>
        <source>--out: the file name is empty</source>
        <translation>--out: der Dateiname ist leer</translation>
    </message>
    <message>
        <source>--out: %1 is a folder; name the file to write</source>
        <translation>--out: %1 ist ein Ordner; die zu schreibende Datei angeben</translation>
    </message>
    <message>
        <source>--out: there is no folder %1</source>
        <translation>--out: den Ordner %1 gibt es nicht</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Bits: %1</source>
        <translation>Bits: %1</translation>
    </message>
    <message>
        <source>Generator: %1</source>
        <translation>Generator: %1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>Group: none published; a group of its own</source>
        <translation>Gruppe: keine veröffentlichte; eine eigene Gruppe</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <source>Fix: mailtls dhparam --group ffdhe3072 --out %1 writes an RFC 7919 group at once, or --bits 3072 instead of --group generates a group of its own (minutes); then reload the mail server</source>
        <translation>Abhilfe: mailtls dhparam --group ffdhe3072 --out %1 schreibt sofort eine Gruppe nach RFC 7919, oder --bits 3072 statt --group erzeugt eine eigene Gruppe (dauert Minuten); danach den Mailserver neu laden</translation>
    </message>
    <message>
        <source>cannot write in the folder %1</source>
        <translation>in den Ordner %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Ctrl+C cannot be caught: it will end the program at once</source>
        <translation>Strg+C kann nicht abgefangen werden: Es beendet das Programm sofort</translation>
    </message>
    <message>
        <source>Generating a %1-bit group: %2 candidate primes tried; confirming the last one…</source>
        <translation>%1-Bit-Gruppe wird erzeugt: %2 Primzahlkandidaten getestet; der letzte wird bestätigt …</translation>
    </message>
    <message>
        <source>Generating a %1-bit group: %2 candidate primes tried…</source>
        <translation>%1-Bit-Gruppe wird erzeugt: %2 Primzahlkandidaten getestet …</translation>
    </message>
    <message>
        <source>Generating a %1-bit group; this can take many minutes (Ctrl+C cancels)…</source>
        <translation>%1-Bit-Gruppe wird erzeugt; das kann viele Minuten dauern (Strg+C bricht ab) …</translation>
    </message>
    <message>
        <source>cannot start generating a %1-bit group</source>
        <translation>die Erzeugung einer %1-Bit-Gruppe kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>cancelled; nothing was written</source>
        <translation>abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Generated a %1-bit group: %2 candidate primes tried in %3 s.</source>
        <translation>%1-Bit-Gruppe erzeugt: %2 Primzahlkandidaten in %3 s getestet.</translation>
    </message>
    <message>
        <source>Wrote a freshly generated %1-bit group to %2.</source>
        <translation>Eine neu erzeugte %1-Bit-Gruppe wurde in %2 geschrieben.</translation>
    </message>
    <message>
        <source>Write Diffie-Hellman parameters for a mail server (Postfix smtpd_tls_dh1024_param_file, Exim tls_dhparam, Dovecot ssl_dh, Sendmail DHParameters): an RFC 7919 group at once, or a freshly generated group (minutes). Or say what a DH parameter file holds. Exit status: 0 on success (--inspect: the group is large enough), 1 on failure, cancel or a weak group, 2 on usage errors.</source>
        <translation>Diffie-Hellman-Parameter für einen Mailserver schreiben (Postfix smtpd_tls_dh1024_param_file, Exim tls_dhparam, Dovecot ssl_dh, Sendmail DHParameters): sofort eine Gruppe nach RFC 7919 oder eine neu erzeugte Gruppe (dauert Minuten). Oder angeben, was eine DH-Parameterdatei enthält. Exit-Status: 0 bei Erfolg (--inspect: die Gruppe ist groß genug), 1 bei Fehler, Abbruch oder schwacher Gruppe, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>Write this RFC 7919 group: ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144 or ffdhe8192 (ffdhe3072 or larger advised).</source>
        <translation>Diese Gruppe nach RFC 7919 schreiben: ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144 oder ffdhe8192 (ffdhe3072 oder größer empfohlen).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Generate a group of its own of 2048, 3072 or 4096 bits.</source>
        <translation>Eine eigene Gruppe mit 2048, 3072 oder 4096 Bit erzeugen.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Write to this file (whole or not at all; mode 0644, or the mode and owner of the file it replaces) instead of standard output.</source>
        <translation>In diese Datei statt auf die Standardausgabe schreiben (vollständig oder gar nicht; Zugriffsrechte 0644 oder die Zugriffsrechte und der Eigentümer der Datei, die sie ersetzt).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Say what this DH parameter file holds and whether to replace it.</source>
        <translation>Angeben, was diese DH-Parameterdatei enthält und ob sie ersetzt werden sollte.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>dhparam needs --group NAME, --bits N or --inspect FILE (see mailtls dhparam --help)</source>
        <translation>dhparam braucht --group NAME, --bits N oder --inspect DATEI (siehe mailtls dhparam --help)</translation>
    </message>
    <message>
        <source>give only one of --group, --bits and --inspect</source>
        <translation>nur eine der Optionen --group, --bits und --inspect angeben</translation>
    </message>
    <message>
        <source>--out goes with --group or --bits, not with --inspect</source>
        <translation>--out gehört zu --group oder --bits, nicht zu --inspect</translation>
    </message>
    <message>
        <source>--group: &quot;%1&quot; is not one of %2</source>
        <translation>--group: „%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>Wrote the RFC 7919 group %1 (%2 bits) to %3.</source>
        <translation>Die Gruppe %1 nach RFC 7919 (%2 Bit) wurde in %3 geschrieben.</translation>
    </message>
    <message>
        <source>--bits: &quot;%1&quot; is not one of %2</source>
        <translation>--bits: „%1“ ist keiner der Werte %2</translation>
    </message>
</context>
<context>
    <name>DhParameters</name>
    <message>
        <source>unknown OpenSSL error</source>
        <translation>unbekannter OpenSSL-Fehler</translation>
    </message>
    <message>
        <source>the PEM block &quot;%1&quot; has no END line before the next block begins</source>
        <translation>der PEM-Block „%1“ hat keine END-Zeile, bevor der nächste Block beginnt</translation>
    </message>
    <message>
        <source>the PEM block &quot;%1&quot; ends with &quot;END %2&quot;: the file is damaged</source>
        <translation>der PEM-Block „%1“ endet mit „END %2“: Die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>the PEM block &quot;%1&quot; has no END line: the file is cut short</source>
        <translation>der PEM-Block „%1“ hat keine END-Zeile: Die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the file holds X9.42 DH parameters (BEGIN X9.42 DH PARAMETERS); mail servers read PKCS#3 DH parameters (BEGIN DH PARAMETERS): replace it with an RFC 7919 group</source>
        <translation>die Datei enthält X9.42-DH-Parameter (BEGIN X9.42 DH PARAMETERS); Mailserver lesen PKCS#3-DH-Parameter (BEGIN DH PARAMETERS): die Datei durch eine Gruppe nach RFC 7919 ersetzen</translation>
    </message>
    <message>
        <source>the file holds a certificate (BEGIN %1), not DH parameters</source>
        <translation>die Datei enthält ein Zertifikat (BEGIN %1), keine DH-Parameter</translation>
    </message>
    <message>
        <source>the file holds a private key (BEGIN %1), not DH parameters</source>
        <translation>die Datei enthält einen privaten Schlüssel (BEGIN %1), keine DH-Parameter</translation>
    </message>
    <message>
        <source>the file holds a public key (BEGIN %1), not DH parameters</source>
        <translation>die Datei enthält einen öffentlichen Schlüssel (BEGIN %1), keine DH-Parameter</translation>
    </message>
    <message>
        <source>the file holds a certificate request (BEGIN %1), not DH parameters</source>
        <translation>die Datei enthält eine Zertifikatsanforderung (BEGIN %1), keine DH-Parameter</translation>
    </message>
    <message>
        <source>the file holds elliptic-curve parameters (BEGIN EC PARAMETERS), not DH parameters</source>
        <translation>die Datei enthält Parameter für elliptische Kurven (BEGIN EC PARAMETERS), keine DH-Parameter</translation>
    </message>
    <message>
        <source>the file holds a PEM block &quot;%1&quot;, not DH parameters</source>
        <translation>die Datei enthält einen PEM-Block „%1“, keine DH-Parameter</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an RFC 7919 group (%2)</source>
        <translation>„%1“ ist keine Gruppe nach RFC 7919 (%2)</translation>
    </message>
    <message>
        <source>OpenSSL cannot provide the group %1: %2</source>
        <translation>OpenSSL kann die Gruppe %1 nicht bereitstellen: %2</translation>
    </message>
    <message>
        <source>OpenSSL cannot write the DH parameters as PEM: %1</source>
        <translation>OpenSSL kann die DH-Parameter nicht als PEM schreiben: %1</translation>
    </message>
    <message>
        <source>OpenSSL wrote the DH parameters in another form than PKCS#3 (BEGIN DH PARAMETERS)</source>
        <translation>OpenSSL hat die DH-Parameter in einer anderen Form als PKCS#3 (BEGIN DH PARAMETERS) geschrieben</translation>
    </message>
    <message>
        <source>the file is larger than 1 MiB: it is not a DH parameter file</source>
        <translation>die Datei ist größer als 1 MiB: Sie ist keine DH-Parameterdatei</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file holds no PEM block: DH parameters start with -----BEGIN DH PARAMETERS-----</source>
        <translation>die Datei enthält keinen PEM-Block: DH-Parameter beginnen mit -----BEGIN DH PARAMETERS-----</translation>
    </message>
    <message>
        <source>the file holds %1 PEM blocks (%2); a DH parameter file holds one, DH PARAMETERS</source>
        <translation>die Datei enthält %1 PEM-Blöcke (%2); eine DH-Parameterdatei enthält genau einen, DH PARAMETERS</translation>
    </message>
    <message>
        <source>the DH PARAMETERS block is damaged: it does not decode as PKCS#3 DH parameters</source>
        <translation>der Block DH PARAMETERS ist beschädigt: Er lässt sich nicht als PKCS#3-DH-Parameter dekodieren</translation>
    </message>
    <message>
        <source>the DH PARAMETERS block is damaged: it lacks the prime or the generator</source>
        <translation>der Block DH PARAMETERS ist beschädigt: Ihm fehlt die Primzahl oder der Generator</translation>
    </message>
    <message>
        <source>the prime has %1 bits, more than the %2 OpenSSL accepts</source>
        <translation>die Primzahl hat %1 Bit, mehr als die %2, die OpenSSL akzeptiert</translation>
    </message>
    <message>
        <source>the prime is not a prime (it is even or below 3): the DH parameters are broken</source>
        <translation>die Primzahl ist keine Primzahl (sie ist gerade oder kleiner als 3): Die DH-Parameter sind unbrauchbar</translation>
    </message>
    <message>
        <source>the generator is not between 2 and the prime minus 2: the DH parameters are broken</source>
        <translation>der Generator liegt nicht zwischen 2 und der Primzahl minus 2: Die DH-Parameter sind unbrauchbar</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>diese Datei gibt es nicht</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>das ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>%1 bits, %2, shared by many servers (Logjam): replace it</source>
        <translation>%1 Bit, %2, von vielen Servern geteilt (Logjam): sollte ersetzt werden</translation>
    </message>
    <message>
        <source>%1 bits, %2: under the 2048 bits advised today (Logjam): replace it</source>
        <translation>%1 Bit, %2: unter den heute empfohlenen 2048 Bit (Logjam): sollte ersetzt werden</translation>
    </message>
    <message>
        <source>%1 bits, RFC 7919 group %2: acceptable; a group of 3072 bits or more is today&apos;s advice</source>
        <translation>%1 Bit, Gruppe %2 nach RFC 7919: akzeptabel; heute wird eine Gruppe mit 3072 Bit oder mehr empfohlen</translation>
    </message>
    <message>
        <source>%1 bits, RFC 7919 group %2: fine</source>
        <translation>%1 Bit, Gruppe %2 nach RFC 7919: in Ordnung</translation>
    </message>
    <message>
        <source>%1 bits, %2: fine</source>
        <translation>%1 Bit, %2: in Ordnung</translation>
    </message>
    <message>
        <source>nothing to write to %1</source>
        <translation>nichts in %1 zu schreiben</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot give the new %1 the owner and group of the file it replaces (%2:%3): %4</source>
        <translation>Eigentümer und Gruppe der ersetzten Datei (%2:%3) können nicht auf die neue Datei %1 übertragen werden: %4</translation>
    </message>
    <message>
        <source>cannot set the mode of the new %1: %2</source>
        <translation>die Zugriffsrechte der neuen Datei %1 können nicht gesetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>DomainPolicyCheck</name>
    <message>
        <source>no domain given</source>
        <translation>keine Domain angegeben</translation>
    </message>
    <message>
        <source>the check was cancelled</source>
        <translation>die Prüfung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the policy host %1 has no address: %2</source>
        <translation>der Richtlinien-Host %1 hat keine Adresse: %2</translation>
    </message>
    <message>
        <source>%1 answered &quot;%2&quot; with a redirect to %3; RFC 8461 forbids following redirects to the policy</source>
        <translation>%1 antwortete „%2“ mit einer Weiterleitung (Ziel: %3); RFC 8461 verbietet, Weiterleitungen zur Richtlinie zu folgen</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>%1 answered &quot;%2&quot; instead of the policy</source>
        <translation>%1 antwortete „%2“ statt mit der Richtlinie</translation>
    </message>
    <message>
        <source>the policy is served without a Content-Type, not as text/plain</source>
        <translation>die Richtlinie wird ohne Content-Type ausgeliefert, nicht als text/plain</translation>
    </message>
    <message>
        <source>the policy is served as Content-Type &quot;%1&quot;, not text/plain</source>
        <translation>die Richtlinie wird mit dem Content-Type „%1“ ausgeliefert, nicht als text/plain</translation>
    </message>
</context>
<context>
    <name>DovecotAdvice</name>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (leer)</translation>
    </message>
    <message>
        <source>Point ssl_server_dh_file at the RFC 7919 group ffdhe3072 (mailtls fix logjam --mta dovecot --group ffdhe3072) or at a freshly generated group of at least 2048 bits (--bits 3072), or leave it unset: Dovecot 2.4 then offers ECDHE only.</source>
        <translation>Lassen Sie ssl_server_dh_file auf die Gruppe ffdhe3072 nach RFC 7919 (mailtls fix logjam --mta dovecot --group ffdhe3072) oder auf eine neu erzeugte Gruppe mit mindestens 2048 Bit (--bits 3072) verweisen, oder lassen Sie es ungesetzt: Dovecot 2.4 bietet dann nur ECDHE an.</translation>
    </message>
    <message>
        <source>Dovecot %1 has no automatic choice of group: point ssl_dh at the RFC 7919 group ffdhe3072 (mailtls fix logjam --mta dovecot --group ffdhe3072) or at a freshly generated group of at least 2048 bits (mailtls fix logjam --mta dovecot --bits 3072).</source>
        <translation>Dovecot %1 hat keine automatische Wahl der Gruppe: Lassen Sie ssl_dh auf die Gruppe ffdhe3072 nach RFC 7919 (mailtls fix logjam --mta dovecot --group ffdhe3072) oder auf eine neu erzeugte Gruppe mit mindestens 2048 Bit (mailtls fix logjam --mta dovecot --bits 3072) verweisen.</translation>
    </message>
    <message>
        <source>Turning DHE off is as good an answer: add !DH to ssl_cipher_list (the commented-out line in Debian&apos;s 10-ssl.conf shows how); every current mail client speaks ECDHE.</source>
        <translation>DHE abzuschalten ist eine ebenso gute Lösung: Fügen Sie !DH zu ssl_cipher_list hinzu (die auskommentierte Zeile in Debians 10-ssl.conf zeigt, wie); jeder aktuelle Mail-Client beherrscht ECDHE.</translation>
    </message>
    <message>
        <source>Checkers: internet.nl does not test IMAP or POP (its mail test is SMTP on port 25). testssl.sh does (testssl.sh HOST:993, or --starttls imap HOST:143): it flags groups under 2048 bits and well-known shared primes (Logjam); ffdhe3072, ffdhe4096 and fresh groups of 3072 bits pass.</source>
        <translation>Prüfwerkzeuge: internet.nl testet weder IMAP noch POP (sein Mail-Test ist SMTP auf Port 25). testssl.sh schon (testssl.sh HOST:993 oder --starttls imap HOST:143): Es bemängelt Gruppen unter 2048 Bit und bekannte, vielfach geteilte Primzahlen (Logjam); ffdhe3072, ffdhe4096 und neu erzeugte Gruppen mit 3072 Bit bestehen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>OpenSSL version unknown</source>
        <translation>OpenSSL-Version unbekannt</translation>
    </message>
    <message>
        <source>Dovecot 2.4 reads the Diffie-Hellman group from ssl_server_dh_file (a path, without &apos;&lt;&apos;); unset, it offers no DHE.</source>
        <translation>Dovecot 2.4 liest die Diffie-Hellman-Gruppe aus ssl_server_dh_file (ein Pfad, ohne &apos;&lt;&apos;); ist es nicht gesetzt, bietet Dovecot kein DHE an.</translation>
    </message>
    <message>
        <source>Dovecot 2.3 gives TLS 1.2 clients that ask for DHE the group in ssl_dh, and has no automatic choice.</source>
        <translation>Dovecot 2.3 gibt TLS-1.2-Clients, die DHE verlangen, die Gruppe aus ssl_dh und hat keine automatische Wahl.</translation>
    </message>
    <message>
        <source>Dovecot is not running</source>
        <translation>Dovecot läuft nicht</translation>
    </message>
    <message>
        <source>A change is checked and written, and takes effect at Dovecot&apos;s next start.</source>
        <translation>Eine Änderung wird geprüft und geschrieben und wird beim nächsten Start von Dovecot wirksam.</translation>
    </message>
    <message>
        <source>Whether Dovecot is running could not be told</source>
        <translation>Ob Dovecot läuft, ließ sich nicht feststellen</translation>
    </message>
    <message>
        <source>Run MailTLS as root (or with sudo) to reload Dovecot after a change.</source>
        <translation>Führen Sie MailTLS als root (oder mit sudo) aus, um Dovecot nach einer Änderung neu zu laden.</translation>
    </message>
    <message>
        <source>doveconf refuses the configuration</source>
        <translation>doveconf lehnt die Konfiguration ab</translation>
    </message>
    <message>
        <source>Dovecot does not start or reload with it. Correct it first: every change is checked with doveconf -n, which fails until then.</source>
        <translation>Dovecot startet damit nicht und lädt sie nicht neu. Korrigieren Sie sie zuerst: Jede Änderung wird mit doveconf -n geprüft, was bis dahin fehlschlägt.</translation>
    </message>
    <message>
        <source>Dovecot offers no TLS for IMAP and POP</source>
        <translation>Dovecot bietet kein TLS für IMAP und POP an</translation>
    </message>
    <message>
        <source>Passwords and mail cross the network in plaintext. Set ssl = yes (or required) with %1 and %2 in conf.d/10-ssl.conf; the Diffie-Hellman group matters only then.</source>
        <translation>Passwörter und Mails gehen im Klartext über das Netz. Setzen Sie ssl = yes (oder required) mit %1 und %2 in conf.d/10-ssl.conf; erst dann spielt die Diffie-Hellman-Gruppe eine Rolle.</translation>
    </message>
    <message>
        <source>TLS is on, but Dovecot has no certificate</source>
        <translation>TLS ist eingeschaltet, aber Dovecot hat kein Zertifikat</translation>
    </message>
    <message>
        <source>Without %1 and %2 Dovecot fails every TLS connection. Name a certificate and its key (for example Let&apos;s Encrypt&apos;s fullchain.pem and privkey.pem).</source>
        <translation>Ohne %1 und %2 lässt Dovecot jede TLS-Verbindung scheitern. Geben Sie ein Zertifikat und seinen Schlüssel an (zum Beispiel fullchain.pem und privkey.pem von Let&apos;s Encrypt).</translation>
    </message>
    <message>
        <source>%1 sets its own %2</source>
        <translation>%1 setzt ein eigenes %2</translation>
    </message>
    <message>
        <source>%1 = %2 (%3 line %4)</source>
        <translation>%1 = %2 (%3, Zeile %4)</translation>
    </message>
    <message>
        <source>A change to the global %1 does not reach &quot;%2&quot;: change it there as well, or remove it there.</source>
        <translation>Eine Änderung am globalen %1 erreicht „%2“ nicht: Ändern Sie es auch dort oder entfernen Sie es dort.</translation>
    </message>
    <message>
        <source>Dovecot accepts TLS versions older than 1.2</source>
        <translation>Dovecot akzeptiert TLS-Versionen älter als 1.2</translation>
    </message>
    <message>
        <source>Set ssl_min_protocol = TLSv1.2: testssl.sh flags TLS 1.0 and 1.1, which every current mail client has left behind.</source>
        <translation>Setzen Sie ssl_min_protocol = TLSv1.2: testssl.sh bemängelt TLS 1.0 und 1.1, die jeder aktuelle Mail-Client hinter sich gelassen hat.</translation>
    </message>
    <message>
        <source>DHE is switched off: Logjam does not apply</source>
        <translation>DHE ist abgeschaltet: Logjam trifft nicht zu</translation>
    </message>
    <message>
        <source>ECDHE alone is what testssl.sh likes best; the Diffie-Hellman group is not used.</source>
        <translation>Nur ECDHE bewertet testssl.sh am besten; die Diffie-Hellman-Gruppe wird nicht verwendet.</translation>
    </message>
    <message>
        <source>With OpenSSL 3 at Debian&apos;s security level Dovecot cannot even load a group under 2048 bits: every TLS connection fails (&quot;dh key too small&quot;).</source>
        <translation>Mit OpenSSL 3 auf der Sicherheitsstufe von Debian kann Dovecot eine Gruppe unter 2048 Bit nicht einmal laden: Jede TLS-Verbindung scheitert („dh key too small“).</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>%1 names a file Dovecot cannot use</source>
        <translation>%1 nennt eine Datei, die Dovecot nicht verwenden kann</translation>
    </message>
    <message>
        <source>A missing file stops Dovecot from starting or reloading; one without DH parameters makes every TLS connection fail (&quot;Couldn&apos;t parse DH parameters&quot;).</source>
        <translation>Eine fehlende Datei hindert Dovecot am Starten oder Neuladen; eine Datei ohne DH-Parameter lässt jede TLS-Verbindung scheitern („Couldn&apos;t parse DH parameters“).</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit, von vielen Servern geteilt (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2): enough today, 3072 bits are advised</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2): heute ausreichend, 3072 Bit werden empfohlen</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2)</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2)</translation>
    </message>
    <message>
        <source>testssl.sh accepts it.</source>
        <translation>testssl.sh akzeptiert sie.</translation>
    </message>
    <message>
        <source>%1 is not set: Dovecot offers ECDHE only</source>
        <translation>%1 ist nicht gesetzt: Dovecot bietet nur ECDHE an</translation>
    </message>
    <message>
        <source>Logjam does not apply. Debian&apos;s Dovecot 2.4 configuration leaves it unset.</source>
        <translation>Logjam trifft nicht zu. Debians Konfiguration von Dovecot 2.4 lässt es ungesetzt.</translation>
    </message>
    <message>
        <source>%1 is not set: clients that ask for DHE get no TLS at all</source>
        <translation>%1 ist nicht gesetzt: Clients, die DHE verlangen, bekommen gar kein TLS</translation>
    </message>
    <message>
        <source>Dovecot 2.3 then logs &quot;Diffie-Hellman key exchange requested, but no DH parameters provided&quot; and the handshake fails; clients that offer ECDHE (nearly all) do not notice.</source>
        <translation>Dovecot 2.3 protokolliert dann „Diffie-Hellman key exchange requested, but no DH parameters provided“, und der Handshake scheitert; Clients, die ECDHE anbieten (fast alle), merken nichts.</translation>
    </message>
</context>
<context>
    <name>DovecotConfig</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 has more than %2 lines; MailTLS does not read a configuration file that long</source>
        <translation>%1 hat mehr als %2 Zeilen; MailTLS liest keine so lange Konfigurationsdatei</translation>
    </message>
    <message>
        <source>The section &quot;%1&quot; is never closed: Dovecot refuses the configuration (Missing &apos;}&apos;).</source>
        <translation>Der Abschnitt „%1“ wird nie geschlossen: Dovecot lehnt die Konfiguration ab (Missing &apos;}&apos;).</translation>
    </message>
    <message>
        <source>The configuration reads files more than %1 times: MailTLS stops there.</source>
        <translation>Die Konfiguration liest Dateien mehr als %1-mal: MailTLS hört dort auf.</translation>
    </message>
    <message>
        <source>Line %1 is continued with &apos;\&apos;, but a comment or blank line follows: Dovecot drops it.</source>
        <translation>Zeile %1 wird mit &apos;\&apos; fortgesetzt, aber es folgt ein Kommentar oder eine Leerzeile: Dovecot verwirft sie.</translation>
    </message>
    <message>
        <source>The file ends with a line continued with &apos;\&apos; (line %1): Dovecot joins it with the next line it reads, in another file.</source>
        <translation>Die Datei endet mit einer mit &apos;\&apos; fortgesetzten Zeile (Zeile %1): Dovecot verbindet sie mit der nächsten Zeile, die es liest, in einer anderen Datei.</translation>
    </message>
    <message>
        <source>!include %1 matches no file: Dovecot refuses the configuration.</source>
        <translation>!include %1 passt auf keine Datei: Dovecot lehnt die Konfiguration ab.</translation>
    </message>
    <message>
        <source>The configuration includes more than %1 files: MailTLS stops there.</source>
        <translation>Die Konfiguration bindet mehr als %1 Dateien ein: MailTLS hört dort auf.</translation>
    </message>
    <message>
        <source>%1 was not read</source>
        <translation>%1 wurde nicht gelesen</translation>
    </message>
    <message>
        <source>%1 is included again while it is being read: Dovecot refuses the configuration (Recursive include file).</source>
        <translation>%1 wird erneut eingebunden, während es gelesen wird: Dovecot lehnt die Konfiguration ab (Recursive include file).</translation>
    </message>
    <message>
        <source>%1: Dovecot refuses the configuration.</source>
        <translation>%1: Dovecot lehnt die Konfiguration ab.</translation>
    </message>
    <message>
        <source>Line %1 has no setting name before its &quot;=&quot;: Dovecot refuses the configuration.</source>
        <translation>Zeile %1 hat keinen Einstellungsnamen vor ihrem „=“: Dovecot lehnt die Konfiguration ab.</translation>
    </message>
    <message>
        <source>Line %1 closes a section that is not open: Dovecot refuses the configuration (Unexpected &apos;}&apos;).</source>
        <translation>Zeile %1 schließt einen Abschnitt, der nicht offen ist: Dovecot lehnt die Konfiguration ab (Unexpected &apos;}&apos;).</translation>
    </message>
    <message>
        <source>Line %1 is neither a setting (no &quot;=&quot;) nor a section (no &quot;{&quot;): Dovecot refuses the configuration.</source>
        <translation>Zeile %1 ist weder eine Einstellung (kein „=“) noch ein Abschnitt (kein „{“): Dovecot lehnt die Konfiguration ab.</translation>
    </message>
    <message>
        <source>Line %1 has text after its &quot;{&quot;: Dovecot refuses the configuration.</source>
        <translation>Zeile %1 hat Text nach ihrem „{“: Dovecot lehnt die Konfiguration ab.</translation>
    </message>
    <message>
        <source>No Dovecot configuration has been read.</source>
        <translation>Es wurde keine Dovecot-Konfiguration gelesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Dovecot setting name.</source>
        <translation>„%1“ ist kein Dovecot-Einstellungsname.</translation>
    </message>
    <message>
        <source>The value for %1 contains a line break or a NUL byte.</source>
        <translation>Der Wert für %1 enthält einen Zeilenumbruch oder ein NUL-Byte.</translation>
    </message>
    <message>
        <source>Dovecot would not read the value &quot;%1&quot; for %2 as written (surrounding whitespace, a &apos;#&apos; comment or a trailing &apos;\&apos;).</source>
        <translation>Dovecot würde den Wert „%1“ für %2 nicht so lesen, wie er geschrieben ist (umgebende Leerzeichen, ein &apos;#&apos;-Kommentar oder ein abschließendes &apos;\&apos;).</translation>
    </message>
    <message>
        <source>There is no place outside every section to add %1: the configuration&apos;s braces do not balance.</source>
        <translation>Es gibt keine Stelle außerhalb aller Abschnitte, an der %1 hinzugefügt werden kann: Die geschweiften Klammern der Konfiguration sind nicht ausgeglichen.</translation>
    </message>
</context>
<context>
    <name>DovecotFixes</name>
    <message>
        <source>Dovecot has not been inspected</source>
        <translation>Dovecot wurde nicht untersucht</translation>
    </message>
    <message>
        <source>Dovecot %1 has no automatic group: leaving ssl_server_dh_file unset turns DHE off instead. Choose an RFC 7919 group such as ffdhe3072.</source>
        <translation>Dovecot %1 hat keine automatische Gruppe: ssl_server_dh_file ungesetzt zu lassen schaltet stattdessen DHE ab. Wählen Sie eine Gruppe nach RFC 7919 wie ffdhe3072.</translation>
    </message>
    <message>
        <source>Dovecot %1 has no automatic group: without ssl_dh a client that asks for DHE gets no handshake at all. Choose an RFC 7919 group such as ffdhe3072.</source>
        <translation>Dovecot %1 hat keine automatische Gruppe: Ohne ssl_dh bekommt ein Client, der DHE verlangt, überhaupt keinen Handshake. Wählen Sie eine Gruppe nach RFC 7919 wie ffdhe3072.</translation>
    </message>
    <message>
        <source>the new DH parameters are not usable: %1</source>
        <translation>die neuen DH-Parameter sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the new DH group has only %1 bits; at least 2048 are needed</source>
        <translation>die neue DH-Gruppe hat nur %1 Bit; mindestens 2048 sind nötig</translation>
    </message>
    <message>
        <source>Give IMAP and POP a strong Diffie-Hellman group (Logjam)</source>
        <translation>IMAP und POP eine starke Diffie-Hellman-Gruppe geben (Logjam)</translation>
    </message>
    <message>
        <source>the new %1-bit group</source>
        <translation>die neue %1-Bit-Gruppe</translation>
    </message>
    <message>
        <source>TLS is off (ssl = no): Dovecot uses the group once TLS is on.</source>
        <translation>TLS ist abgeschaltet (ssl = no): Dovecot verwendet die Gruppe, sobald TLS eingeschaltet ist.</translation>
    </message>
    <message>
        <source>DHE is switched off (ssl_cipher_list): Dovecot uses the group only when DHE is switched on again.</source>
        <translation>DHE ist abgeschaltet (ssl_cipher_list): Dovecot verwendet die Gruppe erst, wenn DHE wieder eingeschaltet wird.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; sets its own %2 (%3 line %4): this change does not reach it.</source>
        <translation>„%1“ setzt ein eigenes %2 (%3, Zeile %4): Diese Änderung erreicht diesen Abschnitt nicht.</translation>
    </message>
    <message>
        <source>To check it yourself once Dovecot has reloaded: %1 — its &quot;Server Temp Key&quot; line should read &quot;DH, %2 bits&quot;.</source>
        <translation>Zur eigenen Prüfung, sobald Dovecot neu geladen hat: %1 – seine Zeile „Server Temp Key“ sollte „DH, %2 bits“ lauten.</translation>
    </message>
    <message>
        <source>DH parameters: %1 (%2, %3 bits)</source>
        <translation>DH-Parameter: %1 (%2, %3 Bit)</translation>
    </message>
    <message>
        <source>DH parameters: a group of its own, %1 bits</source>
        <translation>DH-Parameter: eine eigene Gruppe, %1 Bit</translation>
    </message>
    <message>
        <source>%1 stays on disk, no longer used.</source>
        <translation>%1 bleibt auf der Festplatte, wird aber nicht mehr verwendet.</translation>
    </message>
</context>
<context>
    <name>DovecotInspectionResult</name>
    <message>
        <source>Dovecot&apos;s default</source>
        <translation>Vorgabe von Dovecot</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Dovecot (version unknown)</source>
        <translation>Dovecot (Version unbekannt)</translation>
    </message>
    <message>
        <source>Dovecot %1</source>
        <translation>Dovecot %1</translation>
    </message>
    <message>
        <source>%1, OpenSSL version unknown</source>
        <translation>%1, OpenSSL-Version unbekannt</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
</context>
<context>
    <name>EnforcementPlan</name>
    <message>
        <source>%1 = encrypt (was %2)</source>
        <translation>%1 = encrypt (vorher %2)</translation>
    </message>
    <message>
        <source>%1 = encrypt (was not set: Postfix&apos;s default)</source>
        <translation>%1 = encrypt (vorher nicht gesetzt: Vorgabe von Postfix)</translation>
    </message>
    <message>
        <source>Postfix has not been inspected</source>
        <translation>Postfix wurde nicht untersucht</translation>
    </message>
    <message>
        <source>a window requires TLS inbound, outbound or both: choose at least one</source>
        <translation>ein Zeitfenster verlangt TLS eingehend, ausgehend oder beides: Wählen Sie mindestens eine Richtung</translation>
    </message>
    <message>
        <source>inbound mail requires TLS already (smtpd_tls_security_level = encrypt): an inbound window would change nothing</source>
        <translation>für eingehende Mail wird bereits TLS verlangt (smtpd_tls_security_level = encrypt): Ein eingehendes Zeitfenster würde nichts ändern</translation>
    </message>
    <message>
        <source>Postfix has no server certificate (smtpd_tls_cert_file or smtpd_tls_chain_files): with smtpd_tls_security_level = encrypt no sender could deliver at all. Set up STARTTLS first (mailtls fix starttls)</source>
        <translation>Postfix hat kein Serverzertifikat (smtpd_tls_cert_file oder smtpd_tls_chain_files): Mit smtpd_tls_security_level = encrypt könnte überhaupt kein Absender mehr zustellen. Richten Sie zuerst STARTTLS ein (mailtls fix starttls)</translation>
    </message>
    <message>
        <source>outbound mail requires TLS already (smtp_tls_security_level = %1): an outbound window would change nothing</source>
        <translation>für ausgehende Mail wird bereits TLS verlangt (smtp_tls_security_level = %1): Ein ausgehendes Zeitfenster würde nichts ändern</translation>
    </message>
    <message>
        <source>%1 line %2 sets %3=%4 for the service %5, so the window would not reach it:
    %6</source>
        <translation>%1, Zeile %2, setzt %3=%4 für den Dienst %5, daher würde das Zeitfenster ihn nicht erreichen:
    %6</translation>
    </message>
    <message>
        <source>master.cf overrides the window&apos;s setting, so it would not take effect:
%1
Remove that -o setting (or make it encrypt) and start the window again</source>
        <translation>master.cf überschreibt die Einstellung des Zeitfensters, daher würde sie nicht wirksam:
%1
Entfernen Sie diese -o-Einstellung (oder setzen Sie sie auf encrypt) und starten Sie das Zeitfenster erneut</translation>
    </message>
    <message>
        <source>Require TLS for inbound and outbound mail (campaign window)</source>
        <translation>TLS für eingehende und ausgehende Mail verlangen (Kampagnen-Zeitfenster)</translation>
    </message>
    <message>
        <source>Require TLS for inbound mail (campaign window)</source>
        <translation>TLS für eingehende Mail verlangen (Kampagnen-Zeitfenster)</translation>
    </message>
    <message>
        <source>Require TLS for outbound mail (campaign window)</source>
        <translation>TLS für ausgehende Mail verlangen (Kampagnen-Zeitfenster)</translation>
    </message>
    <message>
        <source>smtp_tls_security_level was dane: during the window encrypt replaces it, so DANE authentication is off until the window ends.</source>
        <translation>smtp_tls_security_level war dane: Während des Zeitfensters tritt encrypt an seine Stelle, daher ist die DANE-Authentifizierung bis zum Ende des Zeitfensters ausgeschaltet.</translation>
    </message>
    <message>
        <source>smtp_tls_policy_maps (%1) still applies: a destination it lists with its own level is not required to use TLS by the window.</source>
        <translation>smtp_tls_policy_maps (%1) gilt weiterhin: Für ein Ziel, das dort mit eigener Stufe aufgeführt ist, verlangt das Zeitfenster kein TLS.</translation>
    </message>
    <message>
        <source>master.cf line %1 sets %2=%3 for %4 already.</source>
        <translation>master.cf, Zeile %1, setzt bereits %2=%3 für %4.</translation>
    </message>
    <message>
        <source>%1 = %2 (as before the window)</source>
        <translation>%1 = %2 (wie vor dem Zeitfenster)</translation>
    </message>
    <message>
        <source>%1 removed (as before the window: Postfix&apos;s default)</source>
        <translation>%1 entfernt (wie vor dem Zeitfenster: Vorgabe von Postfix)</translation>
    </message>
    <message>
        <source>End the campaign window: take its settings out of the changed main.cf</source>
        <translation>Das Kampagnen-Zeitfenster beenden: seine Einstellungen aus der geänderten main.cf entfernen</translation>
    </message>
    <message>
        <source>main.cf was changed during the window: only the window&apos;s settings are put back, the other changes stay.</source>
        <translation>main.cf wurde während des Zeitfensters geändert: Nur die Einstellungen des Zeitfensters werden zurückgesetzt, die anderen Änderungen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>EximAdvice</name>
    <message>
        <source>%1 = (unset)</source>
        <translation>%1 = (nicht gesetzt)</translation>
    </message>
    <message>
        <source>Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more (or no DHE at all) and rates 2048-bit groups &quot;phase out&quot;; testssl.sh flags groups under 2048 bits and well-known shared primes (Logjam).</source>
        <translation>Prüfdienste: internet.nl akzeptiert ffdhe3072, ffdhe4096 und andere Gruppen mit 3072 Bit oder mehr (oder gar kein DHE) und bewertet Gruppen mit 2048 Bit mit „phase out“; testssl.sh bemängelt Gruppen unter 2048 Bit und bekannte, geteilte Primzahlen (Logjam).</translation>
    </message>
    <message>
        <source>Set tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072). With GnuTLS a group file of your own brings nothing: GnuTLS offers ffdhe3072 for any group of 3072 to 8191 bits, ffdhe2048 below, ffdhe8192 from 8192 bits. Unset, tls_dhparam gives ffdhe2048 (--group auto).</source>
        <translation>Setzen Sie tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072). Mit GnuTLS bringt eine eigene Gruppendatei nichts: GnuTLS bietet ffdhe3072 für jede Gruppe mit 3072 bis 8191 Bit an, ffdhe2048 darunter, ffdhe8192 ab 8192 Bit. Ist tls_dhparam nicht gesetzt, ergibt sich ffdhe2048 (--group auto).</translation>
    </message>
    <message>
        <source>Set tls_dhparam = ffdhe3072 and tls_dh_max_bits = 3072 (mailtls fix logjam --group ffdhe3072): below tls_dh_max_bits Exim would skip the group and offer no DHE. A freshly generated group of at least 2048 bits, which Exim&apos;s maintainers recommend, serves as well (mailtls dhparam --bits 3072 --out FILE).</source>
        <translation>Setzen Sie tls_dhparam = ffdhe3072 und tls_dh_max_bits = 3072 (mailtls fix logjam --group ffdhe3072): Liegt tls_dh_max_bits darunter, würde Exim die Gruppe überspringen und kein DHE anbieten. Eine neu erzeugte Gruppe mit mindestens 2048 Bit, wie sie die Maintainer von Exim empfehlen, erfüllt den Zweck ebenso (mailtls dhparam --bits 3072 --out DATEI).</translation>
    </message>
    <message>
        <source>Name an RFC 7919 group of at least 3072 bits in a file (mailtls fix logjam --group ffdhe3072) and raise tls_dh_max_bits to its size, or use a freshly generated group of at least 2048 bits.</source>
        <translation>Geben Sie in einer Datei eine Gruppe nach RFC 7919 mit mindestens 3072 Bit an (mailtls fix logjam --group ffdhe3072) und erhöhen Sie tls_dh_max_bits auf ihre Größe, oder verwenden Sie eine neu erzeugte Gruppe mit mindestens 2048 Bit.</translation>
    </message>
    <message>
        <source>Set tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072).</source>
        <translation>Setzen Sie tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072).</translation>
    </message>
    <message>
        <source>tls_dhparam = none, which turns DHE off and leaves ECDHE, is as good an answer: current mail servers all speak ECDHE.</source>
        <translation>tls_dhparam = none, was DHE abschaltet und ECDHE übrig lässt, ist eine ebenso gute Lösung: Aktuelle Mailserver beherrschen alle ECDHE.</translation>
    </message>
    <message>
        <source>This Exim&apos;s GnuTLS offers RFC 7919 groups only: tls_dhparam chooses their size, never a prime of its own.</source>
        <translation>Das GnuTLS dieses Exim bietet nur Gruppen nach RFC 7919 an: tls_dhparam wählt ihre Größe, nie eine eigene Primzahl.</translation>
    </message>
    <message>
        <source>This Exim hands OpenSSL the group tls_dhparam names, up to tls_dh_max_bits = %1 bits.</source>
        <translation>Dieses Exim übergibt OpenSSL die Gruppe, die tls_dhparam nennt, bis tls_dh_max_bits = %1 Bit.</translation>
    </message>
    <message>
        <source>Exim reads %1</source>
        <translation>Exim liest %1</translation>
    </message>
    <message>
        <source>Exim is not running</source>
        <translation>Exim läuft nicht</translation>
    </message>
    <message>
        <source>A change is checked and written, and takes effect at Exim&apos;s next start.</source>
        <translation>Eine Änderung wird geprüft und geschrieben und wird beim nächsten Start von Exim wirksam.</translation>
    </message>
    <message>
        <source>Whether Exim is running could not be told</source>
        <translation>Ob Exim läuft, ließ sich nicht feststellen</translation>
    </message>
    <message>
        <source>Reload Exim yourself after a change (SIGHUP to its daemon).</source>
        <translation>Laden Sie Exim nach einer Änderung selbst neu (SIGHUP an seinen Daemon).</translation>
    </message>
    <message>
        <source>Exim gives up root when it reloads %1</source>
        <translation>Exim gibt beim Neuladen von %1 die root-Rechte ab</translation>
    </message>
    <message>
        <source>%1 does not list %2</source>
        <translation>%1 führt %2 nicht auf</translation>
    </message>
    <message>
        <source>A daemon started with -C re-reads its file on a reload (SIGHUP) as root only when %1 lists it; otherwise it can no longer listen on port %2. Add the line %3 to %1 (owned by root, writable by nobody else).</source>
        <translation>Ein mit -C gestarteter Daemon liest seine Datei beim Neuladen (SIGHUP) nur dann als root neu ein, wenn %1 sie aufführt; sonst kann er nicht mehr auf Port %2 lauschen. Fügen Sie die Zeile %3 zu %1 hinzu (Eigentümer root, für niemanden sonst schreibbar).</translation>
    </message>
    <message>
        <source>%1 changed after update-exim4.conf last ran</source>
        <translation>%1 wurde geändert, nachdem update-exim4.conf zuletzt lief</translation>
    </message>
    <message>
        <source>%1 is older than %2</source>
        <translation>%1 ist älter als %2</translation>
    </message>
    <message>
        <source>Exim still reads the older %1. Run update-exim4.conf and reload Exim (systemctl reload exim4); a change MailTLS applies does both.</source>
        <translation>Exim liest noch die veraltete Datei %1. Führen Sie update-exim4.conf aus und laden Sie Exim neu (systemctl reload exim4); eine Änderung, die MailTLS anwendet, erledigt beides.</translation>
    </message>
    <message>
        <source>This Exim was built without TLS</source>
        <translation>Dieses Exim wurde ohne TLS gebaut</translation>
    </message>
    <message>
        <source>It can neither offer nor use STARTTLS. Install a build with TLS (Debian: exim4-daemon-light or exim4-daemon-heavy).</source>
        <translation>Es kann STARTTLS weder anbieten noch verwenden. Installieren Sie eine Variante mit TLS (Debian: exim4-daemon-light oder exim4-daemon-heavy).</translation>
    </message>
    <message>
        <source>tls_dhparam names nothing Exim can load</source>
        <translation>tls_dhparam nennt nichts, was Exim laden kann</translation>
    </message>
    <message>
        <source>Exim then fails every TLS session.</source>
        <translation>Exim lässt dann jede TLS-Sitzung scheitern.</translation>
    </message>
    <message>
        <source>DHE is switched off: Logjam does not apply</source>
        <translation>DHE ist abgeschaltet: Logjam trifft nicht zu</translation>
    </message>
    <message>
        <source>ECDHE alone is what internet.nl and testssl.sh like best.</source>
        <translation>Nur ECDHE bewerten internet.nl und testssl.sh am besten.</translation>
    </message>
    <message>
        <source>Exim skips its Diffie-Hellman group and offers no DHE</source>
        <translation>Exim überspringt seine Diffie-Hellman-Gruppe und bietet kein DHE an</translation>
    </message>
    <message>
        <source>Raise tls_dh_max_bits to the group&apos;s size to offer DHE (mailtls fix logjam --group ffdhe3072 sets both), or set tls_dhparam = none to say so.</source>
        <translation>Erhöhen Sie tls_dh_max_bits auf die Größe der Gruppe, um DHE anzubieten (mailtls fix logjam --group ffdhe3072 setzt beides), oder setzen Sie tls_dhparam = none, um ausdrücklich auf DHE zu verzichten.</translation>
    </message>
    <message>
        <source>tls_dhparam names a %1-bit group, which this Exim never offers</source>
        <translation>tls_dhparam nennt eine %1-Bit-Gruppe, die dieses Exim nie anbietet</translation>
    </message>
    <message>
        <source>GnuTLS keeps only the group&apos;s size and offers %1 instead; the file misleads whoever reads the configuration, and an Exim built with OpenSSL would offer it.</source>
        <translation>GnuTLS behält nur die Größe der Gruppe und bietet stattdessen %1 an; die Datei führt jeden in die Irre, der die Konfiguration liest, und ein mit OpenSSL gebautes Exim würde sie anbieten.</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit, von vielen Servern geteilt (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2): internet.nl rates it &quot;phase out&quot;</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2): internet.nl bewertet sie mit „phase out“</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2)</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2)</translation>
    </message>
    <message>
        <source>internet.nl and testssl.sh accept it.</source>
        <translation>internet.nl und testssl.sh akzeptieren sie.</translation>
    </message>
    <message>
        <source>On Debian that sets MAIN_TLS_ENABLE, MAIN_TLS_CERTIFICATE and MAIN_TLS_PRIVATEKEY in %1, as README.Debian recommends.</source>
        <translation>Unter Debian setzt das MAIN_TLS_ENABLE, MAIN_TLS_CERTIFICATE und MAIN_TLS_PRIVATEKEY in %1, wie README.Debian es empfiehlt.</translation>
    </message>
    <message>
        <source>Give Exim a certificate and its key (mailtls fix starttls --cert FILE --key FILE).</source>
        <translation>Geben Sie Exim ein Zertifikat und seinen Schlüssel (mailtls fix starttls --cert DATEI --key DATEI).</translation>
    </message>
    <message>
        <source>The SMTP server does not offer STARTTLS</source>
        <translation>Der SMTP-Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>Set tls_advertise_hosts = * (mailtls fix starttls).</source>
        <translation>Setzen Sie tls_advertise_hosts = * (mailtls fix starttls).</translation>
    </message>
    <message>
        <source>Exim offers STARTTLS with a self-signed certificate it makes up itself</source>
        <translation>Exim bietet STARTTLS mit einem selbstsignierten Zertifikat an, das es selbst erzeugt</translation>
    </message>
    <message>
        <source>Senders that check certificates (DANE, MTA-STS) refuse it.</source>
        <translation>Sendende Server, die Zertifikate prüfen (DANE, MTA-STS), lehnen es ab.</translation>
    </message>
    <message>
        <source>tls_certificate is not set: STARTTLS fails in every session</source>
        <translation>tls_certificate ist nicht gesetzt: STARTTLS scheitert in jeder Sitzung</translation>
    </message>
    <message>
        <source>The certificate or key file Exim is to use does not exist</source>
        <translation>Die Zertifikats- oder Schlüsseldatei, die Exim verwenden soll, existiert nicht</translation>
    </message>
    <message>
        <source>Exim then fails every STARTTLS session. Name the files that exist (mailtls fix starttls --cert FILE --key FILE).</source>
        <translation>Exim lässt dann jede STARTTLS-Sitzung scheitern. Geben Sie vorhandene Dateien an (mailtls fix starttls --cert DATEI --key DATEI).</translation>
    </message>
    <message>
        <source>Exim&apos;s user %1 cannot read the key %2</source>
        <translation>Der Exim-Benutzer %1 kann den Schlüssel %2 nicht lesen</translation>
    </message>
    <message>
        <source>Exim reads the key after it has given up root, and then fails every STARTTLS session. Give the key to group %1 with mode 0640 (Debian: root:Debian-exim).</source>
        <translation>Exim liest den Schlüssel, nachdem es die root-Rechte abgegeben hat, und lässt dann jede STARTTLS-Sitzung scheitern. Übergeben Sie den Schlüssel der Gruppe %1 mit den Zugriffsrechten 0640 (Debian: root:Debian-exim).</translation>
    </message>
    <message>
        <source>The SMTP server offers STARTTLS</source>
        <translation>Der SMTP-Server bietet STARTTLS an</translation>
    </message>
    <message>
        <source>Exim logs no TLS cipher on its message lines</source>
        <translation>Exim protokolliert in seinen Nachrichtenzeilen keinen TLS-Cipher</translation>
    </message>
    <message>
        <source>Add %1 to log_selector (mailtls fix tls-logging): the X= field of every &lt;= and =&gt; line is what tells encrypted from plaintext mail.</source>
        <translation>Fügen Sie %1 zu log_selector hinzu (mailtls fix tls-logging): Erst das Feld X= jeder Zeile mit &lt;= und =&gt; unterscheidet verschlüsselte von Klartext-Mail.</translation>
    </message>
    <message>
        <source>Exim logs the TLS cipher, but not the peer&apos;s certificate</source>
        <translation>Exim protokolliert den TLS-Cipher, aber nicht das Zertifikat der Gegenstelle</translation>
    </message>
    <message>
        <source>Add %1 to log_selector (mailtls fix tls-logging): the DN= and CV= fields say who the peer was and whether its certificate checked out.</source>
        <translation>Fügen Sie %1 zu log_selector hinzu (mailtls fix tls-logging): Die Felder DN= und CV= sagen, wer die Gegenstelle war und ob ihr Zertifikat die Prüfung bestanden hat.</translation>
    </message>
    <message>
        <source>TLS sessions are logged</source>
        <translation>TLS-Sitzungen werden protokolliert</translation>
    </message>
</context>
<context>
    <name>EximAssembler</name>
    <message>
        <source>Not an Exim assembler snapshot (%1 bytes, unknown header); the log will be read from its start.</source>
        <translation>Kein Lesestand des Exim-Zusammensetzers (%1 Bytes, unbekannter Kopf); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Exim assembler snapshot version %1 is not supported (this build reads version %2); the log will be read from its start.</source>
        <translation>Lesestand-Version %1 des Exim-Zusammensetzers wird nicht unterstützt (diese Version liest Version %2); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Exim assembler snapshot is corrupt (at byte %1 of %2); the log will be read from its start.</source>
        <translation>Der Lesestand des Exim-Zusammensetzers ist beschädigt (bei Byte %1 von %2); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
    <message>
        <source>Exim assembler snapshot is truncated or has trailing bytes (%1 bytes); the log will be read from its start.</source>
        <translation>Der Lesestand des Exim-Zusammensetzers ist abgeschnitten oder hat überzählige Bytes (%1 Bytes); das Protokoll wird von Anfang an gelesen.</translation>
    </message>
</context>
<context>
    <name>EximConfig</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes; MailTLS does not read an Exim configuration that large.</source>
        <translation>%1 ist größer als %2 Bytes; MailTLS liest keine so große Exim-Konfiguration.</translation>
    </message>
    <message>
        <source>%1 has more than %2 lines; MailTLS does not read an Exim configuration that long.</source>
        <translation>%1 hat mehr als %2 Zeilen; MailTLS liest keine so lange Exim-Konfiguration.</translation>
    </message>
    <message>
        <source>Line %1: .%2 without .ifdef or .ifndef: Exim refuses this file.</source>
        <translation>Zeile %1: .%2 ohne .ifdef oder .ifndef: Exim lehnt diese Datei ab.</translation>
    </message>
    <message>
        <source>Line %1: .endif without .ifdef or .ifndef: Exim refuses this file.</source>
        <translation>Zeile %1: .endif ohne .ifdef oder .ifndef: Exim lehnt diese Datei ab.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a directive Exim knows.</source>
        <translation>Zeile %1: „%2“ ist keine Direktive, die Exim kennt.</translation>
    </message>
    <message>
        <source>Line %1 ends with a backslash, but no line follows it.</source>
        <translation>Zeile %1 endet mit einem Backslash, aber es folgt keine Zeile mehr.</translation>
    </message>
    <message>
        <source>Line %1: .%2 has no .endif.</source>
        <translation>Zeile %1: .%2 hat kein .endif.</translation>
    </message>
    <message>
        <source>Line %1 starts with an upper-case letter but is not a macro definition (NAME = text): Exim refuses this file.</source>
        <translation>Zeile %1 beginnt mit einem Großbuchstaben, ist aber keine Makrodefinition (NAME = Text): Exim lehnt diese Datei ab.</translation>
    </message>
    <message>
        <source>Line %1 is not an option setting (name = value): Exim refuses this file.</source>
        <translation>Zeile %1 ist keine Optionseinstellung (Name = Wert): Exim lehnt diese Datei ab.</translation>
    </message>
    <message>
        <source>The value for %1 contains a line break or a NUL byte.</source>
        <translation>Der Wert für %1 enthält einen Zeilenumbruch oder ein NUL-Byte.</translation>
    </message>
    <message>
        <source>The value for %1 ends with a backslash, which Exim reads as a continued line.</source>
        <translation>Der Wert für %1 endet mit einem Backslash, den Exim als Fortsetzung der Zeile liest.</translation>
    </message>
    <message>
        <source>No setting starts on line %1.</source>
        <translation>In Zeile %1 beginnt keine Einstellung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Exim option name.</source>
        <translation>„%1“ ist kein Exim-Optionsname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Exim macro name.</source>
        <translation>„%1“ ist kein Exim-Makroname.</translation>
    </message>
    <message>
        <source>No name given.</source>
        <translation>Kein Name angegeben.</translation>
    </message>
</context>
<context>
    <name>EximEnforcementPlan</name>
    <message>
        <source>choose inbound, outbound or both</source>
        <translation>wählen Sie eingehend, ausgehend oder beides</translation>
    </message>
    <message>
        <source>%1 is a configuration file of its own, not Debian&apos;s update-exim4.conf layout: MailTLS starts a window there only through Debian&apos;s macros. By hand: for outbound, give each smtp transport hosts_require_tls = *; for inbound, add `defer !encrypted = *` to the RCPT ACL before it accepts mail for your domains; take both out again when the window ends.</source>
        <translation>%1 ist eine eigenständige Konfigurationsdatei, nicht Debians Aufbau mit update-exim4.conf: MailTLS startet ein Zeitfenster nur über die Makros von Debian. Von Hand: für ausgehend jedem smtp-Transport hosts_require_tls = * geben; für eingehend `defer !encrypted = *` in die RCPT-ACL einfügen, bevor sie Mail für Ihre Domains annimmt; beides am Ende des Zeitfensters wieder entfernen.</translation>
    </message>
    <message>
        <source>this Exim is built without TLS (%1): it cannot offer or require STARTTLS</source>
        <translation>dieses Exim ist ohne TLS gebaut (%1): Es kann STARTTLS weder anbieten noch verlangen</translation>
    </message>
    <message>
        <source>%1 holds a MailTLS window&apos;s block already: end that window first (mailtls campaign end)</source>
        <translation>%1 enthält bereits den Block eines MailTLS-Zeitfensters: Beenden Sie zuerst dieses Zeitfenster (mailtls campaign end)</translation>
    </message>
    <message>
        <source>%1 defines %2 already (line %3): the window would have to replace the admin&apos;s own setting. Take it out for the window, or end the window by hand.</source>
        <translation>%1 definiert %2 bereits (Zeile %3): Das Zeitfenster müsste die eigene Einstellung des Administrators ersetzen. Nehmen Sie sie für das Zeitfenster heraus, oder führen Sie das Zeitfenster von Hand durch.</translation>
    </message>
    <message>
        <source>Exim does not offer STARTTLS (tls_advertise_hosts is empty): an inbound window would refuse every server. Turn STARTTLS on first (mailtls fix --mta exim starttls).</source>
        <translation>Exim bietet kein STARTTLS an (tls_advertise_hosts ist leer): Ein eingehendes Zeitfenster würde jeden Server abweisen. Schalten Sie zuerst STARTTLS ein (mailtls fix --mta exim starttls).</translation>
    </message>
    <message>
        <source>%1 exists and is not the window&apos;s: move it away first</source>
        <translation>%1 existiert und gehört nicht zum Zeitfenster: Verschieben Sie die Datei zuerst</translation>
    </message>
    <message>
        <source>Require STARTTLS for a campaign&apos;s window</source>
        <translation>STARTTLS für das Zeitfenster einer Kampagne verlangen</translation>
    </message>
    <message>
        <source>a server that has not started TLS is asked to try again later (450) at RCPT</source>
        <translation>ein Server, der TLS nicht gestartet hat, wird bei RCPT gebeten, es später erneut zu versuchen (450)</translation>
    </message>
    <message>
        <source>%1 = * and %2 = *: remote_smtp and remote_smtp_smarthost require TLS</source>
        <translation>%1 = * und %2 = *: remote_smtp und remote_smtp_smarthost verlangen TLS</translation>
    </message>
    <message>
        <source>%1 = %2: acl_check_rcpt includes the window&apos;s ACL</source>
        <translation>%1 = %2: acl_check_rcpt bindet die ACL des Zeitfensters ein</translation>
    </message>
    <message>
        <source>Mail to postmaster, from this host, from relay hosts and from authenticated clients is still accepted without TLS: Debian&apos;s acl_check_rcpt accepts it before the window&apos;s ACL.</source>
        <translation>Mail an postmaster, von diesem Host, von Relay-Hosts und von angemeldeten Clients wird weiter ohne TLS angenommen: Debians acl_check_rcpt nimmt sie vor der ACL des Zeitfensters an.</translation>
    </message>
    <message>
        <source>End a campaign&apos;s window</source>
        <translation>Das Zeitfenster einer Kampagne beenden</translation>
    </message>
    <message>
        <source>the window&apos;s block taken out</source>
        <translation>der Block des Zeitfensters entfernt</translation>
    </message>
    <message>
        <source>the window&apos;s ACL removed</source>
        <translation>die ACL des Zeitfensters entfernt</translation>
    </message>
</context>
<context>
    <name>EximFixes</name>
    <message>
        <source>Exim has not been inspected</source>
        <translation>Exim wurde nicht untersucht</translation>
    </message>
    <message>
        <source>update-exim4.conf --check builds the new configuration into a temporary file and checks it; the reload runs update-exim4.conf, which writes %1, and then signals Exim.</source>
        <translation>update-exim4.conf --check baut die neue Konfiguration in eine temporäre Datei und prüft sie; das Neuladen führt update-exim4.conf aus, das %1 schreibt, und sendet Exim dann ein Signal.</translation>
    </message>
    <message>
        <source>%1 does not list %2: the reload leaves Exim without root, unable to listen on port %3. Add the file to %1 first.</source>
        <translation>%1 führt %2 nicht auf: Nach dem Neuladen hat Exim keine root-Rechte mehr und kann nicht auf Port %3 lauschen. Fügen Sie die Datei zuerst zu %1 hinzu.</translation>
    </message>
    <message>
        <source>%1 changed after update-exim4.conf last ran: the reload makes that change live too.</source>
        <translation>%1 wurde geändert, nachdem update-exim4.conf zuletzt lief: Das Neuladen setzt auch diese Änderung in Kraft.</translation>
    </message>
    <message>
        <source>%1 was built without TLS: there is no Diffie-Hellman group to change</source>
        <translation>%1 wurde ohne TLS gebaut: Es gibt keine Diffie-Hellman-Gruppe, die geändert werden könnte</translation>
    </message>
    <message>
        <source>Replace the weak Diffie-Hellman group (Logjam)</source>
        <translation>Die schwache Diffie-Hellman-Gruppe ersetzen (Logjam)</translation>
    </message>
    <message>
        <source>DHE is switched off (tls_dhparam = none): this change switches it on again.</source>
        <translation>DHE ist abgeschaltet (tls_dhparam = none): Diese Änderung schaltet es wieder ein.</translation>
    </message>
    <message>
        <source>--group auto needs Exim 4.88 or later (before, Exim&apos;s default was RFC 5114&apos;s ike23), and this is %1: choose an RFC 7919 group such as ffdhe3072</source>
        <translation>--group auto braucht Exim 4.88 oder neuer (davor war die Vorgabe von Exim die Gruppe ike23 aus RFC 5114), und dies ist %1: eine Gruppe nach RFC 7919 wie ffdhe3072 wählen</translation>
    </message>
    <message>
        <source>Let Exim choose the Diffie-Hellman group (its default)</source>
        <translation>Exim die Diffie-Hellman-Gruppe wählen lassen (seine Vorgabe)</translation>
    </message>
    <message>
        <source>%1 stays on disk, no longer used: delete it when you like.</source>
        <translation>%1 bleibt auf der Festplatte, wird aber nicht mehr verwendet: Löschen Sie die Datei, wann Sie möchten.</translation>
    </message>
    <message>
        <source>%1 never offers a generated group: GnuTLS keeps only its size and offers the RFC 7919 group of that strength. Choose an RFC 7919 group such as ffdhe3072</source>
        <translation>%1 bietet nie eine erzeugte Gruppe an: GnuTLS behält nur ihre Größe und bietet die Gruppe nach RFC 7919 dieser Stärke an. Wählen Sie eine Gruppe nach RFC 7919 wie ffdhe3072</translation>
    </message>
    <message>
        <source>the new DH parameters are not usable: %1</source>
        <translation>die neuen DH-Parameter sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the new DH group has only %1 bits; at least 2048 are needed</source>
        <translation>die neue DH-Gruppe hat nur %1 Bit; mindestens 2048 sind nötig</translation>
    </message>
    <message>
        <source>the new %1-bit group</source>
        <translation>die neue %1-Bit-Gruppe</translation>
    </message>
    <message>
        <source>GnuTLS offers ffdhe%1 for %2: it keeps only the group&apos;s strength class.</source>
        <translation>GnuTLS bietet ffdhe%1 für %2 an: Es behält nur die Stärkeklasse der Gruppe.</translation>
    </message>
    <message>
        <source>DH parameters: %1 (%2, %3 bits)</source>
        <translation>DH-Parameter: %1 (%2, %3 Bit)</translation>
    </message>
    <message>
        <source>DH parameters: a group of its own, %1 bits</source>
        <translation>DH-Parameter: eine eigene Gruppe, %1 Bit</translation>
    </message>
    <message>
        <source>%1 was built without TLS: it cannot offer STARTTLS</source>
        <translation>%1 wurde ohne TLS gebaut: Es kann kein STARTTLS anbieten</translation>
    </message>
    <message>
        <source>give the certificate and its key together (--cert FILE --key FILE)</source>
        <translation>das Zertifikat und seinen Schlüssel zusammen angeben (--cert DATEI --key DATEI)</translation>
    </message>
    <message>
        <source>%1 is not an absolute path; Exim needs one</source>
        <translation>%1 ist kein absoluter Pfad; Exim braucht einen</translation>
    </message>
    <message>
        <source>Offer STARTTLS with a certificate</source>
        <translation>STARTTLS mit einem Zertifikat anbieten</translation>
    </message>
    <message>
        <source>Exim reads the key as its user%1: give it to that user&apos;s group with mode 0640 (Debian: root:Debian-exim).</source>
        <translation>Exim liest den Schlüssel als Benutzer%1: Übergeben Sie ihn der Gruppe dieses Benutzers mit den Zugriffsrechten 0640 (Debian: root:Debian-exim).</translation>
    </message>
    <message>
        <source>Exim has no certificate to offer: give one with --cert FILE --key FILE (for example Let&apos;s Encrypt&apos;s fullchain.pem and privkey.pem)</source>
        <translation>Exim hat kein Zertifikat, das es anbieten kann: eines mit --cert DATEI --key DATEI angeben (zum Beispiel fullchain.pem und privkey.pem von Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Without a certificate Exim makes a self-signed one for each connection, which senders that check certificates refuse: give one with --cert FILE --key FILE.</source>
        <translation>Ohne Zertifikat erzeugt Exim für jede Verbindung ein selbstsigniertes, das sendende Server, die Zertifikate prüfen, ablehnen: eines mit --cert DATEI --key DATEI angeben.</translation>
    </message>
    <message>
        <source>Log TLS sessions</source>
        <translation>TLS-Sitzungen protokollieren</translation>
    </message>
</context>
<context>
    <name>EximInspectionResult</name>
    <message>
        <source>Exim (version unknown)</source>
        <translation>Exim (Version unbekannt)</translation>
    </message>
    <message>
        <source>Exim %1</source>
        <translation>Exim %1</translation>
    </message>
    <message>
        <source>%1 without TLS</source>
        <translation>%1 ohne TLS</translation>
    </message>
    <message>
        <source>%1 with GnuTLS</source>
        <translation>%1 mit GnuTLS</translation>
    </message>
    <message>
        <source>%1 with GnuTLS %2</source>
        <translation>%1 mit GnuTLS %2</translation>
    </message>
    <message>
        <source>%1 with OpenSSL</source>
        <translation>%1 mit OpenSSL</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>%1, TLS library unknown</source>
        <translation>%1, TLS-Bibliothek unbekannt</translation>
    </message>
    <message>
        <source>%1, read as it is</source>
        <translation>%1, so wie die Datei vorliegt</translation>
    </message>
    <message>
        <source>Debian&apos;s non-split configuration (exim4.conf.localmacros and exim4.conf.template), which update-exim4.conf turns into %1</source>
        <translation>Debians nicht aufgeteilte Konfiguration (exim4.conf.localmacros und exim4.conf.template), aus der update-exim4.conf %1 erzeugt</translation>
    </message>
    <message>
        <source>Debian&apos;s split configuration (conf.d), which update-exim4.conf turns into %1</source>
        <translation>Debians aufgeteilte Konfiguration (conf.d), aus der update-exim4.conf %1 erzeugt</translation>
    </message>
    <message>
        <source>this Exim has no TLS</source>
        <translation>dieses Exim hat kein TLS</translation>
    </message>
    <message>
        <source>tls_dhparam = none: Exim loads no Diffie-Hellman group</source>
        <translation>tls_dhparam = none: Exim lädt keine Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <source>Exim&apos;s own 2048-bit group exim.dev.20160529.3</source>
        <translation>Exims eigene 2048-Bit-Gruppe exim.dev.20160529.3</translation>
    </message>
    <message>
        <source>RFC 5114&apos;s 2048-bit group ike23</source>
        <translation>die 2048-Bit-Gruppe ike23 aus RFC 5114</translation>
    </message>
    <message>
        <source>a group Exim generated in its spool folder</source>
        <translation>eine Gruppe, die Exim in seinem Spool-Ordner erzeugt hat</translation>
    </message>
    <message>
        <source>tls_dhparam names %1, which was not read</source>
        <translation>tls_dhparam nennt %1, aber die Datei wurde nicht gelesen</translation>
    </message>
    <message>
        <source>a group Exim generates into %1</source>
        <translation>eine Gruppe, die Exim in %1 erzeugt</translation>
    </message>
    <message>
        <source>tls_dhparam names %1: %2; every TLS session fails</source>
        <translation>tls_dhparam nennt %1: %2; jede TLS-Sitzung scheitert</translation>
    </message>
    <message>
        <source>the group in %1</source>
        <translation>die Gruppe in %1</translation>
    </message>
    <message>
        <source>tls_dhparam = %1 is no group Exim knows; every TLS session fails</source>
        <translation>tls_dhparam = %1 ist keine Gruppe, die Exim kennt; jede TLS-Sitzung scheitert</translation>
    </message>
    <message>
        <source>GnuTLS keeps only the size of %1 (%2 bits) and offers the RFC 7919 group of that strength, %3</source>
        <translation>GnuTLS behält von %1 nur die Größe (%2 Bit) und bietet die Gruppe nach RFC 7919 dieser Stärke an: %3</translation>
    </message>
    <message>
        <source>%1 has %2 bits, more than tls_dh_max_bits (%3): Exim with OpenSSL skips it and offers no DHE</source>
        <translation>%1 hat %2 Bit, mehr als tls_dh_max_bits (%3): Exim mit OpenSSL überspringt die Gruppe und bietet kein DHE an</translation>
    </message>
    <message>
        <source>Exim offers %1 (%2 bits)</source>
        <translation>Exim bietet %1 an (%2 Bit)</translation>
    </message>
</context>
<context>
    <name>EximService</name>
    <message>
        <source>This Exim has no TLS (%1).</source>
        <translation>Dieses Exim hat kein TLS (%1).</translation>
    </message>
    <message>
        <source>Needs Exim 4.88 or later, whose default group has 2048 bits (this is %1).</source>
        <translation>Braucht Exim 4.88 oder neuer, dessen Vorgabegruppe 2048 Bit hat (dies ist %1).</translation>
    </message>
</context>
<context>
    <name>EximSources</name>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (leer)</translation>
    </message>
    <message>
        <source>No Exim configuration file to edit.</source>
        <translation>Keine Exim-Konfigurationsdatei zum Bearbeiten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Exim option name.</source>
        <translation>„%1“ ist kein Exim-Optionsname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Exim macro name.</source>
        <translation>„%1“ ist kein Exim-Makroname.</translation>
    </message>
    <message>
        <source>%1 line %2 builds %3 up with &quot;==&quot;: MailTLS does not change a macro made that way; change it there by hand.</source>
        <translation>%1, Zeile %2, baut %3 mit „==“ auf: MailTLS ändert kein so gebildetes Makro; ändern Sie es dort von Hand.</translation>
    </message>
    <message>
        <source>%1 removed (Exim&apos;s default applies)</source>
        <translation>%1 entfernt (die Vorgabe von Exim gilt)</translation>
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
    <name>FailureGatherer</name>
    <message>
        <source>Cannot read the failures in %1: %2</source>
        <translation>Die Fehler in %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>There is no MailTLS store at %1.</source>
        <translation>Unter %1 gibt es keine MailTLS-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is at store schema %2; campaigns need schema %3. Open it with MailTLS once to bring it up to date.</source>
        <translation>%1 hat Datenbankschema %2; Kampagnen brauchen Schema %3. Öffnen Sie die Datei einmal mit MailTLS, um sie auf den neuesten Stand zu bringen.</translation>
    </message>
</context>
<context>
    <name>FailureReport</name>
    <message>
        <source>from %1 to %2 (UTC)</source>
        <translation>von %1 bis %2 (UTC)</translation>
    </message>
    <message>
        <source>Failing peers of campaign %1, %2</source>
        <translation>Gescheiterte Gegenstellen der Kampagne %1, %2</translation>
    </message>
    <message>
        <source>Failing peers %1</source>
        <translation>Gescheiterte Gegenstellen %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>No peer failed in this range.</source>
        <translation>In diesem Zeitraum ist keine Gegenstelle gescheitert.</translation>
    </message>
    <message>
        <source>DIRECTION</source>
        <translation>RICHTUNG</translation>
    </message>
    <message>
        <source>PEER</source>
        <translation>GEGENSTELLE</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <source>FAILURES</source>
        <translation>FEHLSCHLÄGE</translation>
    </message>
    <message>
        <source>MESSAGES</source>
        <translation>NACHRICHTEN</translation>
    </message>
    <message>
        <source>FIRST SEEN</source>
        <translation>ZUERST GESEHEN</translation>
    </message>
    <message>
        <source>LAST SEEN</source>
        <translation>ZULETZT GESEHEN</translation>
    </message>
    <message>
        <source>FIXED</source>
        <translation>BEHOBEN</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>(none known)</source>
        <translation>(keine bekannt)</translation>
    </message>
    <message>
        <source>ours: %1</source>
        <translation>eigene: %1</translation>
    </message>
    <message>
        <source>theirs: %1</source>
        <translation>fremde: %1</translation>
    </message>
    <message>
        <source>One row per peer and direction; addresses are space-separated, most recent first.</source>
        <translation>Eine Zeile je Gegenstelle und Richtung; Adressen sind durch Leerzeichen getrennt, die jüngsten zuerst.</translation>
    </message>
</context>
<context>
    <name>FixCommand</name>
    <message>
        <source>%1, configuration in %2</source>
        <translation>%1, Konfiguration in %2</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>no re-probe (no address of the own server; give --verify-address IP[:PORT])</source>
        <translation>keine erneute Prüfung (keine Adresse des eigenen Servers; --verify-address IP[:PORT] angeben)</translation>
    </message>
    <message>
        <source>probe %1: STARTTLS must complete a TLS handshake</source>
        <translation>Prüfung von %1: STARTTLS muss einen TLS-Handshake abschließen</translation>
    </message>
    <message>
        <source>probe %1: a DHE-only handshake must get %2</source>
        <translation>Prüfung von %1: ein Handshake nur mit DHE muss %2 erhalten</translation>
    </message>
    <message>
        <source>probe %1: a DHE-only handshake must get at least %2 bits (or no DHE at all)</source>
        <translation>Prüfung von %1: ein Handshake nur mit DHE muss mindestens %2 Bit erhalten (oder gar kein DHE)</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <source>%1 (new file)</source>
        <translation>%1 (neue Datei)</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
    <message>
        <source>  Then: check with %1</source>
        <translation>  Danach: prüfen mit %1</translation>
    </message>
    <message>
        <source>  reload with %1 when %2 runs</source>
        <translation>  neu laden mit %1, wenn %2 läuft</translation>
    </message>
    <message>
        <source>  Note: %1</source>
        <translation>  Hinweis: %1</translation>
    </message>
    <message>
        <source>  Any failure puts every file back as it was.</source>
        <translation>  Bei jedem Fehler werden alle Dateien in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgenommen</translation>
    </message>
    <message>
        <source>ROLLBACK FAILED</source>
        <translation>RÜCKNAHME FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>interrupted (%1)</source>
        <translation>unterbrochen (%1)</translation>
    </message>
    <message>
        <source>putting the saved files back; please wait</source>
        <translation>die gesicherten Dateien werden wiederhergestellt; bitte warten</translation>
    </message>
    <message>
        <source>cancelling: anything written is put back…</source>
        <translation>wird abgebrochen: alles Geschriebene wird zurückgenommen …</translation>
    </message>
    <message>
        <source>Applying:</source>
        <translation>Anwenden:</translation>
    </message>
    <message>
        <source>the plan could not be started</source>
        <translation>der Plan konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>%1 is not running: the change takes effect at its next start.</source>
        <translation>%1 läuft nicht: Die Änderung wird beim nächsten Start wirksam.</translation>
    </message>
    <message>
        <source>The previous files are in backup %1; to put them back: mailtls fix --restore %1 --yes</source>
        <translation>Die vorherigen Dateien liegen in der Sicherung %1; zum Wiederherstellen: mailtls fix --restore %1 --yes</translation>
    </message>
    <message>
        <source>Output of the failed step:</source>
        <translation>Ausgabe des fehlgeschlagenen Schritts:</translation>
    </message>
    <message>
        <source>the %1 step failed and not everything could be put back: see the rollback step above; the saved files are in backup %2</source>
        <translation>der Schritt „%1“ ist fehlgeschlagen, und nicht alles konnte wiederhergestellt werden: siehe den Schritt „Rücknahme“ oben; die gesicherten Dateien liegen in der Sicherung %2</translation>
    </message>
    <message>
        <source>the %1 step failed: %2; nothing was changed</source>
        <translation>der Schritt „%1“ ist fehlgeschlagen: %2; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>the %1 step failed: %2; the previous configuration is back in place</source>
        <translation>der Schritt „%1“ ist fehlgeschlagen: %2; die vorherige Konfiguration ist wiederhergestellt</translation>
    </message>
    <message>
        <source>No backups in %1.</source>
        <translation>Keine Sicherungen in %1.</translation>
    </message>
    <message>
        <source>Backups in %1, newest first:</source>
        <translation>Sicherungen in %1, neueste zuerst:</translation>
    </message>
    <message>
        <source>%1 (created)</source>
        <translation>%1 (angelegt)</translation>
    </message>
    <message>
        <source>Put one back with: mailtls fix --restore BACKUP --yes</source>
        <translation>Eine davon wiederherstellen mit: mailtls fix --restore SICHERUNG --yes</translation>
    </message>
    <message>
        <source>Nothing to change: the files are as backup %1 saved them.</source>
        <translation>Nichts zu ändern: Die Dateien sind so, wie die Sicherung %1 sie gespeichert hat.</translation>
    </message>
    <message>
        <source>Nothing was changed. Run again with --yes to apply this plan.</source>
        <translation>Es wurde nichts geändert. Führen Sie den Befehl erneut mit --yes aus, um diesen Plan anzuwenden.</translation>
    </message>
    <message>
        <source>Fix the own mail server&apos;s TLS: logjam (a weak Diffie-Hellman group), starttls (offer STARTTLS, use it for outgoing mail) or tls-logging (log TLS sessions). Prints the findings and the change as a unified diff; --yes applies it: backup, write, check, reload, re-probe, and everything put back on a failure. Exit status: 0 when applied, nothing to change or only shown; 1 on failure; 2 on usage errors.</source>
        <translation>Das TLS des eigenen Mailservers in Ordnung bringen: logjam (eine schwache Diffie-Hellman-Gruppe), starttls (STARTTLS anbieten und für ausgehende Mail verwenden) oder tls-logging (TLS-Sitzungen protokollieren). Gibt die Befunde und die Änderung als Unified Diff aus; --yes wendet sie an: sichern, schreiben, prüfen, neu laden, erneut prüfen und bei einem Fehler alles zurücknehmen. Exit-Status: 0, wenn angewendet, nichts zu ändern oder nur angezeigt; 1 bei Fehler; 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Show the findings and the plan; change nothing.</source>
        <translation>Die Befunde und den Plan anzeigen; nichts ändern.</translation>
    </message>
    <message>
        <source>Apply the plan.</source>
        <translation>Den Plan anwenden.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GRUPPE</translation>
    </message>
    <message>
        <source>starttls: the server&apos;s certificate chain (PEM), with --key.</source>
        <translation>starttls: die Zertifikatskette des Servers (PEM), zusammen mit --key.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>starttls: the certificate&apos;s private key (PEM).</source>
        <translation>starttls: der private Schlüssel des Zertifikats (PEM).</translation>
    </message>
    <message>
        <source>IP[:PORT]</source>
        <translation>IP[:PORT]</translation>
    </message>
    <message>
        <source>Keep backups in this folder (default: %1).</source>
        <translation>Sicherungen in diesem Ordner ablegen (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>logjam, starttls or tls-logging (or BACKUP with --restore).</source>
        <translation>logjam, starttls oder tls-logging (oder SICHERUNG mit --restore).</translation>
    </message>
    <message>
        <source>--dry-run and --yes exclude each other</source>
        <translation>--dry-run und --yes schließen einander aus</translation>
    </message>
    <message>
        <source>--backup-dir: the folder name is empty</source>
        <translation>--backup-dir: der Ordnername ist leer</translation>
    </message>
    <message>
        <source>--%1 has no meaning with --restore</source>
        <translation>--%1 hat mit --restore keine Bedeutung</translation>
    </message>
    <message>
        <source>--restore takes one backup at most</source>
        <translation>--restore nimmt höchstens eine Sicherung an</translation>
    </message>
    <message>
        <source>fix needs one of logjam, starttls, tls-logging (see mailtls fix --help)</source>
        <translation>fix braucht eines von logjam, starttls, tls-logging (siehe mailtls fix --help)</translation>
    </message>
    <message>
        <source>fix takes one fix at a time</source>
        <translation>fix führt jeweils nur eine Abhilfe aus</translation>
    </message>
    <message>
        <source>unknown fix &quot;%1&quot;: give logjam, starttls or tls-logging</source>
        <translation>unbekannte Abhilfe „%1“: logjam, starttls oder tls-logging angeben</translation>
    </message>
    <message>
        <source>--cert and --key belong to the starttls fix</source>
        <translation>--cert und --key gehören zur Abhilfe starttls</translation>
    </message>
    <message>
        <source>--cert and --key go together</source>
        <translation>--cert und --key gehören zusammen</translation>
    </message>
    <message>
        <source>--group: &quot;%1&quot; is not one of %2, auto</source>
        <translation>--group: „%1“ ist keiner der Werte %2, auto</translation>
    </message>
    <message>
        <source>--verify-address: &quot;%1&quot; is not an IP address with an optional port (a name is not looked up)</source>
        <translation>--verify-address: „%1“ ist keine IP-Adresse mit optionalem Port (ein Name wird nicht aufgelöst)</translation>
    </message>
    <message>
        <source>--config-dir: there is no folder %1</source>
        <translation>--config-dir: den Ordner %1 gibt es nicht</translation>
    </message>
    <message>
        <source>Nothing to change (%1): already in place.</source>
        <translation>Nichts zu ändern (%1): bereits umgesetzt.</translation>
    </message>
    <message>
        <source>%1, configuration in %2 on %3</source>
        <translation>%1, Konfiguration in %2 auf %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the %1 step failed, and nothing was changed: %2</source>
        <translation>der Schritt „%1“ ist fehlgeschlagen, und es wurde nichts geändert: %2</translation>
    </message>
    <message>
        <source>the %1 step failed, and the previous configuration is back in place: %2</source>
        <translation>der Schritt „%1“ ist fehlgeschlagen, und die vorherige Konfiguration ist wiederhergestellt: %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>backup %1 holds files of %2, not of %3</source>
        <translation>die Sicherung %1 enthält Dateien von %2, nicht von %3</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>it is of an unknown service, %1</source>
        <translation>sie gehört zu einem unbekannten Dienst, %1</translation>
    </message>
    <message>
        <source>backup %1 cannot be restored from here: %2</source>
        <translation>die Sicherung %1 kann von hier aus nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>On %1:</source>
        <translation>Auf %1:</translation>
    </message>
    <message>
        <source>The mail service to fix: postfix (the default), exim, sendmail, or dovecot (IMAP and POP; logjam only).</source>
        <translation>Der Maildienst, der in Ordnung gebracht werden soll: postfix (Vorgabe), exim, sendmail oder dovecot (IMAP und POP; nur logjam).</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>DIENST</translation>
    </message>
    <message>
        <source>The service&apos;s configuration folder (default: its own: /etc/postfix, /etc/exim4, /etc/mail, /etc/dovecot).</source>
        <translation>Der Konfigurationsordner des Dienstes (Vorgabe: sein eigener: /etc/postfix, /etc/exim4, /etc/mail, /etc/dovecot).</translation>
    </message>
    <message>
        <source>logjam: the RFC 7919 group to use (ffdhe2048 … ffdhe8192; default ffdhe3072), or auto to let the service choose (Postfix 3.7 or later with OpenSSL 3).</source>
        <translation>logjam: die zu verwendende Gruppe nach RFC 7919 (ffdhe2048 … ffdhe8192; Vorgabe ffdhe3072) oder auto, damit der Dienst wählt (Postfix 3.7 oder neuer mit OpenSSL 3).</translation>
    </message>
    <message>
        <source>logjam: generate a group of its own of this size (2048, 3072 or 4096; takes seconds to many minutes) instead of --group.</source>
        <translation>logjam: statt --group eine eigene Gruppe dieser Größe erzeugen (2048, 3072 oder 4096; dauert Sekunden bis viele Minuten).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Re-probe the own server at this address after the reload (default: 127.0.0.1:25 when the MTA listens on loopback, else the first address it listens on).</source>
        <translation>Den eigenen Server nach dem Neuladen unter dieser Adresse erneut prüfen (Vorgabe: 127.0.0.1:25, wenn der MTA auf Loopback lauscht, sonst die erste Adresse, auf der er lauscht).</translation>
    </message>
    <message>
        <source>List the backups, or with BACKUP show (and with --yes apply) the plan that puts its files back (on the host they came from).</source>
        <translation>Die Sicherungen auflisten, oder mit SICHERUNG den Plan anzeigen (und mit --yes anwenden), der deren Dateien wiederherstellt (auf dem Host, von dem sie stammen).</translation>
    </message>
    <message>
        <source>Fix the service on another host over SSH (Postfix only, for now): its commands run there as root through sudo -n (never asking for a sudo password) unless the login is root; backups stay on this computer. With --restore: that host&apos;s backups only.</source>
        <translation>Den Dienst auf einem anderen Host über SSH in Ordnung bringen (vorerst nur Postfix): Seine Befehle laufen dort als root über sudo -n (ohne je nach einem sudo-Passwort zu fragen), sofern die Anmeldung nicht als root erfolgt; Sicherungen bleiben auf diesem Computer. Mit --restore: nur die Sicherungen dieses Hosts.</translation>
    </message>
    <message>
        <source>ssh://[user@]host[:port]</source>
        <translation>ssh://[user@]host[:port]</translation>
    </message>
    <message>
        <source>For a remote host (--host, or restoring its backup): use this ssh configuration file instead of ~/.ssh/config.</source>
        <translation>Für einen entfernten Host (--host oder beim Wiederherstellen seiner Sicherung): diese ssh-Konfigurationsdatei statt ~/.ssh/config verwenden.</translation>
    </message>
    <message>
        <source>For a remote host: offer this private key first.</source>
        <translation>Für einen entfernten Host: diesen privaten Schlüssel zuerst anbieten.</translation>
    </message>
    <message>
        <source>For a remote host: accept this SSH host key fingerprint (SHA256:…) for a host not known yet. Repeatable.</source>
        <translation>Für einen entfernten Host: diesen SSH-Hostschlüssel-Fingerabdruck (SHA256:…) für einen noch unbekannten Host annehmen. Mehrfach möglich.</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>--mta %1: unknown mail service; give postfix, exim, sendmail or dovecot</source>
        <translation>--mta %1: unbekannter Maildienst; postfix, exim, sendmail oder dovecot angeben</translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation>--host: %1</translation>
    </message>
    <message>
        <source>--%1: the file name is empty</source>
        <translation>--%1: der Dateiname ist leer</translation>
    </message>
    <message>
        <source>passwords and host keys cannot be asked for: %1</source>
        <translation>nach Passwörtern und Hostschlüsseln kann nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>--group and --bits belong to the logjam fix</source>
        <translation>--group und --bits gehören zur Abhilfe logjam</translation>
    </message>
    <message>
        <source>--group and --bits exclude each other: a published group or one of its own</source>
        <translation>--group und --bits schließen einander aus: eine veröffentlichte Gruppe oder eine eigene</translation>
    </message>
    <message>
        <source>--bits: &quot;%1&quot; is not one of %2</source>
        <translation>--bits: „%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>--config-dir: %1 is not an absolute path on %2</source>
        <translation>--config-dir: %1 ist kein absoluter Pfad auf %2</translation>
    </message>
    <message>
        <source>--%1: %2 is not an absolute path on %3</source>
        <translation>--%1: %2 ist kein absoluter Pfad auf %3</translation>
    </message>
    <message>
        <source>--mta %1: this build of mailtls cannot inspect %2</source>
        <translation>--mta %1: diese Version von mailtls kann %2 nicht untersuchen</translation>
    </message>
    <message>
        <source>cannot inspect %1: %2</source>
        <translation>%1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>cannot inspect %1 on %2: %3</source>
        <translation>%1 auf %2 kann nicht untersucht werden: %3</translation>
    </message>
    <message>
        <source>--group auto: %1</source>
        <translation>--group auto: %1</translation>
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
    <name>HttpsGet</name>
    <message>
        <source>could not connect to %1 within %2 s</source>
        <translation>keine Verbindung zu %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1 (%2 port %3)</source>
        <translation>%1 (%2 Port %3)</translation>
    </message>
    <message>
        <source>TLS is not available (no OpenSSL backend)</source>
        <translation>TLS ist nicht verfügbar (kein OpenSSL-Backend)</translation>
    </message>
    <message>
        <source>no address or host name to connect to</source>
        <translation>keine Adresse und kein Hostname zum Verbinden</translation>
    </message>
    <message>
        <source>the response headers from %1 are larger than %2</source>
        <translation>die Antwort-Header von %1 sind größer als %2</translation>
    </message>
    <message>
        <source>%1 did not answer with HTTP: &quot;%2&quot;</source>
        <translation>%1 hat nicht mit HTTP geantwortet: „%2“</translation>
    </message>
    <message>
        <source>%1 sent a malformed Content-Length: &quot;%2&quot;</source>
        <translation>%1 hat eine fehlerhafte Content-Length gesendet: „%2“</translation>
    </message>
    <message>
        <source>the response from %1 is %2 bytes, more than %3</source>
        <translation>die Antwort von %1 ist %2 Bytes groß, mehr als %3</translation>
    </message>
    <message>
        <source>the response from %1 is larger than %2</source>
        <translation>die Antwort von %1 ist größer als %2</translation>
    </message>
    <message>
        <source>%1 sent a malformed chunked body</source>
        <translation>%1 hat einen fehlerhaften Chunked-Body gesendet</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>the certificate of %1 was not accepted: %2</source>
        <translation>das Zertifikat von %1 wurde nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed: %2</source>
        <translation>der TLS-Handshake mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the connection to %1 failed: %2</source>
        <translation>die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection without a response</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection in the middle of the response headers</source>
        <translation>%1 hat die Verbindung mitten in den Antwort-Headern geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection after %2 of %3 bytes</source>
        <translation>%1 hat die Verbindung nach %2 von %3 Bytes geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection in the middle of a chunked response</source>
        <translation>%1 hat die Verbindung mitten in einer Chunked-Antwort geschlossen</translation>
    </message>
    <message>
        <source>no complete response from %1 within %2 s</source>
        <translation>keine vollständige Antwort von %1 innerhalb von %2 s</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>lines %1 to %2 of %3</source>
        <translation>Zeilen %1 bis %2 von %3</translation>
    </message>
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
        <source>%1: the same lines as %2, imported before; nothing new</source>
        <translation>%1: dieselben Zeilen wie %2, bereits importiert; nichts Neues</translation>
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
        <source>%1: its first %2 lines were read before (%3); %4 new lines read as the continuation of %5</source>
        <translation>%1: seine ersten %2 Zeilen wurden bereits gelesen (%3); %4 neue Zeilen als Fortsetzung von %5 gelesen</translation>
    </message>
    <message>
        <source>%1: every line was read before (%2); nothing new</source>
        <translation>%1: jede Zeile wurde bereits gelesen (%2); nichts Neues</translation>
    </message>
    <message>
        <source>%1: cancelled; what it had added was taken back, nothing of it is counted (import it again to read it)</source>
        <translation>%1: abgebrochen; was es hinzugefügt hatte, wurde zurückgenommen, nichts davon wird gezählt (erneut importieren, um es zu lesen)</translation>
    </message>
    <message>
        <source>%1 logs, read %2:</source>
        <translation>%1 Protokolle, gelesen %2:</translation>
    </message>
    <message>
        <source>  format: %1</source>
        <translation>  Format: %1</translation>
    </message>
    <message>
        <source>  stamped from %1 to %2</source>
        <translation>  mit Zeitstempeln von %1 bis %2</translation>
    </message>
    <message>
        <source>  stamped from %1</source>
        <translation>  mit Zeitstempeln ab %1</translation>
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
        <source>cancelling: what the log being read has added is taken back…</source>
        <translation>wird abgebrochen: was das gerade gelesene Protokoll hinzugefügt hat, wird zurückgenommen …</translation>
    </message>
    <message>
        <source>Read only this MTA&apos;s lines: postfix, sendmail or exim (without it, each line&apos;s MTA is told from the program that wrote it).</source>
        <translation>Nur die Zeilen dieses MTA lesen: postfix, sendmail oder exim (ohne diese Angabe wird der MTA jeder Zeile am Programm erkannt, das sie geschrieben hat).</translation>
    </message>
    <message>
        <source>MTA</source>
        <translation>MTA</translation>
    </message>
    <message>
        <source>--format-hint: &quot;%1&quot; is not one of postfix, sendmail, exim</source>
        <translation>--format-hint: „%1“ ist keiner von postfix, sendmail, exim</translation>
    </message>
    <message>
        <source>Add logs to a database: a whole history as it sits on disk (mail.log, mail.log.1, mail.log.2.gz …, in any order). The logs are read oldest first, gzip as it is; a line read before (the same log again, a longer version of it, a copy, an excerpt) is never counted twice, and Debian&apos;s mail.info, mail.warn and mail.err, which repeat lines of mail.log, are skipped. Ctrl+C cancels: the log being read is taken back, the logs read before it stay.</source>
        <translation>Protokolle zu einer Datenbank hinzufügen: eine ganze Historie, wie sie auf der Festplatte liegt (mail.log, mail.log.1, mail.log.2.gz …, in beliebiger Reihenfolge). Die Protokolle werden älteste zuerst gelesen, gzip-Dateien direkt; eine bereits gelesene Zeile (dasselbe Protokoll erneut, eine längere Fassung davon, eine Kopie, ein Auszug) wird nie doppelt gezählt, und Debians mail.info, mail.warn und mail.err, die Zeilen aus mail.log wiederholen, werden übersprungen. Strg+C bricht ab: Das gerade gelesene Protokoll wird zurückgenommen, die davor gelesenen bleiben.</translation>
    </message>
    <message>
        <source>The database to add to (created when missing).</source>
        <translation>Die Datenbank, zu der hinzugefügt wird (wird angelegt, wenn sie fehlt).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Say what was read from each log, including unrecognised lines.</source>
        <translation>Melden, was aus jedem Protokoll gelesen wurde, einschließlich nicht erkannter Zeilen.</translation>
    </message>
    <message>
        <source>Show progress on standard error even when it is not a terminal (a line a second); on a terminal it is shown anyway.</source>
        <translation>Den Fortschritt auf der Standardfehlerausgabe anzeigen, auch wenn sie kein Terminal ist (eine Zeile pro Sekunde); auf einem Terminal wird er ohnehin angezeigt.</translation>
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
    <message>
        <source>cancelled; the logs listed above as read stay imported</source>
        <translation>abgebrochen; die oben als gelesen aufgeführten Protokolle bleiben importiert</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>looking at %1/%2 %3: %4</source>
        <translation>Sichtung %1/%2 %3: %4</translation>
    </message>
    <message>
        <source>reading %1/%2 %3: %4 lines, %5, %6 lines/s, %7 MB/s</source>
        <translation>Einlesen %1/%2 %3: %4 Zeilen, %5, %6 Zeilen/s, %7 MB/s</translation>
    </message>
</context>
<context>
    <name>ImportTakeBack</name>
    <message>
        <source>%1: the import was cancelled, but what it had added cannot be taken back: %2</source>
        <translation>%1: der Import wurde abgebrochen, aber was er hinzugefügt hatte, kann nicht zurückgenommen werden: %2</translation>
    </message>
</context>
<context>
    <name>KnownDhGroups</name>
    <message>
        <source>RFC 2409 Oakley group 1</source>
        <translation>RFC 2409 Oakley-Gruppe 1</translation>
    </message>
    <message>
        <source>RFC 2409 Oakley group 2</source>
        <translation>RFC 2409 Oakley-Gruppe 2</translation>
    </message>
    <message>
        <source>RFC 5114 group 22 (1024-bit prime, 160-bit subgroup)</source>
        <translation>RFC 5114 Gruppe 22 (1024-Bit-Primzahl, 160-Bit-Untergruppe)</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 5</source>
        <translation>RFC 3526 MODP-Gruppe 5</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 14</source>
        <translation>RFC 3526 MODP-Gruppe 14</translation>
    </message>
    <message>
        <source>RFC 3526; Postfix 3.7&apos;s default with OpenSSL 3</source>
        <translation>RFC 3526; Vorgabe von Postfix 3.7 mit OpenSSL 3</translation>
    </message>
    <message>
        <source>RFC 5114 group 23 (2048-bit prime, 224-bit subgroup)</source>
        <translation>RFC 5114 Gruppe 23 (2048-Bit-Primzahl, 224-Bit-Untergruppe)</translation>
    </message>
    <message>
        <source>RFC 5114 group 24 (2048-bit prime, 256-bit subgroup)</source>
        <translation>RFC 5114 Gruppe 24 (2048-Bit-Primzahl, 256-Bit-Untergruppe)</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 15</source>
        <translation>RFC 3526 MODP-Gruppe 15</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 16</source>
        <translation>RFC 3526 MODP-Gruppe 16</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 17</source>
        <translation>RFC 3526 MODP-Gruppe 17</translation>
    </message>
    <message>
        <source>RFC 3526 MODP group 18</source>
        <translation>RFC 3526 MODP-Gruppe 18</translation>
    </message>
</context>
<context>
    <name>LetterBatch</name>
    <message>
        <source>the sender&apos;s address &quot;%1&quot; is not a plain address (local@domain, ASCII)</source>
        <translation>die Absenderadresse „%1“ ist keine einfache Adresse (local@domain, ASCII)</translation>
    </message>
    <message>
        <source>there are no campaigns in %1 yet</source>
        <translation>in %1 gibt es noch keine Kampagnen</translation>
    </message>
    <message numerus="yes">
        <source>no correspondent&apos;s address is known for %n failing server(s), so no letter is written to them: %1</source>
        <translation>
            <numerusform>für %n gescheiterten Server ist keine Adresse eines Korrespondenzpartners bekannt, daher wird kein Schreiben an ihn erstellt: %1</numerusform>
            <numerusform>für %n gescheiterte Server ist keine Adresse eines Korrespondenzpartners bekannt, daher wird kein Schreiben an sie erstellt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not an address a letter can go to; it is left out</source>
        <translation>%1 ist keine Adresse, an die ein Schreiben gehen kann; sie wird ausgelassen</translation>
    </message>
    <message>
        <source>%1 is not a correspondent of a failing server of campaign %2</source>
        <translation>%1 ist kein Korrespondenzpartner eines gescheiterten Servers der Kampagne %2</translation>
    </message>
</context>
<context>
    <name>LetterTemplate</name>
    <message>
        <source>line %1: unknown section [%2]</source>
        <translation>Zeile %1: unbekannter Abschnitt [%2]</translation>
    </message>
    <message>
        <source>line %1: section [%2] appears twice</source>
        <translation>Zeile %1: Abschnitt [%2] kommt zweimal vor</translation>
    </message>
    <message>
        <source>line %1: text before the first section</source>
        <translation>Zeile %1: Text vor dem ersten Abschnitt</translation>
    </message>
    <message>
        <source>line %1: unknown placeholder %2 in [%3]</source>
        <translation>Zeile %1: unbekannter Platzhalter %2 in [%3]</translation>
    </message>
    <message>
        <source>line %1: unmatched braces in [%2]</source>
        <translation>Zeile %1: unpaarige geschweifte Klammern in [%2]</translation>
    </message>
    <message>
        <source>section [%1] is missing</source>
        <translation>Abschnitt [%1] fehlt</translation>
    </message>
    <message>
        <source>section [subject] must be exactly one line</source>
        <translation>Abschnitt [subject] muss genau eine Zeile lang sein</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2): the built-in template is used</source>
        <translation>%1 kann nicht gelesen werden (%2): Die eingebaute Vorlage wird verwendet</translation>
    </message>
    <message>
        <source>%1 is not used, the built-in template is: %2</source>
        <translation>%1 wird nicht verwendet, stattdessen die eingebaute Vorlage: %2</translation>
    </message>
    <message>
        <source>there is no letter template for the language &quot;%1&quot;</source>
        <translation>es gibt keine Vorlage für Schreiben in der Sprache „%1“</translation>
    </message>
    <message>
        <source>the built-in %1 template is broken: %2</source>
        <translation>die eingebaute Vorlage %1 ist fehlerhaft: %2</translation>
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
        <source>Debian&apos;s %1 only repeats lines that are in mail.log</source>
        <translation>Debians %1 wiederholt nur Zeilen, die in mail.log stehen</translation>
    </message>
    <message>
        <source>%1: not read: every line of it is also in %2, read before (%3)</source>
        <translation>%1: nicht gelesen: jede seiner Zeilen steht auch in %2, bereits gelesen (%3)</translation>
    </message>
    <message>
        <source>%1: not read: every line of it is also in %2, read before (a part of that log)</source>
        <translation>%1: nicht gelesen: jede seiner Zeilen steht auch in %2, bereits gelesen (ein Teil dieses Protokolls)</translation>
    </message>
    <message>
        <source>%1: not read: %2; reading it would count those lines twice (a log that only begins like one read before goes into a database of its own)</source>
        <translation>%1: nicht gelesen: %2; es zu lesen würde diese Zeilen doppelt zählen (ein Protokoll, das nur so beginnt wie ein bereits gelesenes, gehört in eine eigene Datenbank)</translation>
    </message>
    <message>
        <source>%1: not read: %2, and its lines are not in any mail.log read before: import the mail.log of the same days instead</source>
        <translation>%1: nicht gelesen: %2, und seine Zeilen stehen in keinem bereits gelesenen mail.log: Importieren Sie stattdessen das mail.log derselben Tage</translation>
    </message>
    <message>
        <source>%1: not read: %2, and only its first %3 lines are in a mail.log read before: import the mail.log of the same days instead</source>
        <translation>%1: nicht gelesen: %2, und nur seine ersten %3 Zeilen stehen in einem bereits gelesenen mail.log: Importieren Sie stattdessen das mail.log derselben Tage</translation>
    </message>
    <message>
        <source>%1: not read: %2; reading it would count those lines twice</source>
        <translation>%1: nicht gelesen: %2; beim Lesen würden diese Zeilen doppelt gezählt</translation>
    </message>
    <message>
        <source>%1: changed while it was read</source>
        <translation>%1: hat sich während des Lesens geändert</translation>
    </message>
    <message>
        <source>no MTA&apos;s lines</source>
        <translation>keine Zeilen eines MTA</translation>
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
    <name>LogOverlap</name>
    <message>
        <source>its lines %1 to %2 are lines %3 to %4 of %5, but %6</source>
        <translation>seine Zeilen %1 bis %2 sind die Zeilen %3 bis %4 von %5, aber %6</translation>
    </message>
    <message>
        <source>its line %1 is not the line that follows there</source>
        <translation>seine Zeile %1 ist nicht die Zeile, die dort folgt</translation>
    </message>
    <message>
        <source>its line %1 is not the last line read of it</source>
        <translation>seine Zeile %1 ist nicht die letzte dort gelesene Zeile</translation>
    </message>
    <message>
        <source>its lines do not end where %1 was read up to (byte %2)</source>
        <translation>seine Zeilen enden nicht dort, bis wohin %1 gelesen wurde (Byte %2)</translation>
    </message>
    <message>
        <source>it is shorter, and this database keeps no fingerprints of that log&apos;s lines (it was imported by an older MailTLS) to tell whether it is a copy of its beginning</source>
        <translation>es ist kürzer, und diese Datenbank speichert keine Fingerabdrücke der Zeilen jenes Protokolls (es wurde von einer älteren MailTLS-Version importiert), an denen sich erkennen ließe, ob es eine Kopie von dessen Anfang ist</translation>
    </message>
    <message>
        <source>its lines %1 to %2 are the first lines of %3, read before, but its line %4 is not the line that follows there</source>
        <translation>seine Zeilen %1 bis %2 sind die ersten Zeilen des zuvor gelesenen Protokolls %3, aber seine Zeile %4 ist nicht die Zeile, die dort folgt</translation>
    </message>
    <message>
        <source>its lines from %1 on are those of %2, read before, but for that log&apos;s last line</source>
        <translation>seine Zeilen ab Zeile %1 sind die des zuvor gelesenen Protokolls %2, bis auf dessen letzte Zeile</translation>
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
    <name>LogSet</name>
    <message>
        <source>oldest first, by the time of the first stamped line in each; on a tie the older rotation (.2 before .1 before a file without a rotation suffix, an earlier date first), then the order given</source>
        <translation>älteste zuerst, nach der Zeit der ersten Zeile mit Zeitstempel in jeder Datei; bei Gleichstand die ältere Rotation (.2 vor .1 vor einer Datei ohne Rotationsendung, ein früheres Datum zuerst), danach die angegebene Reihenfolge</translation>
    </message>
    <message>
        <source>%1: the same file as %2, given twice: read once</source>
        <translation>%1: dieselbe Datei wie %2, doppelt angegeben: einmal gelesen</translation>
    </message>
    <message>
        <source>%1: compressed with %2, which MailTLS does not read (it reads plain and gzip logs): decompress it first (%3 %1) and import the result</source>
        <translation>%1: mit %2 komprimiert, was MailTLS nicht liest (es liest unkomprimierte und gzip-Protokolle): Entpacken Sie die Datei zuerst (%3 %1) und importieren Sie das Ergebnis</translation>
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
    <name>MailMessage</name>
    <message>
        <source>the sender&apos;s address &quot;%1&quot; is not a plain address (local@domain, ASCII)</source>
        <translation>die Absenderadresse „%1“ ist keine einfache Adresse (local@domain, ASCII)</translation>
    </message>
    <message>
        <source>the letter has no recipient</source>
        <translation>das Schreiben hat keinen Empfänger</translation>
    </message>
    <message>
        <source>the recipient&apos;s address &quot;%1&quot; is not a plain address (local@domain, ASCII)</source>
        <translation>die Empfängeradresse „%1“ ist keine einfache Adresse (local@domain, ASCII)</translation>
    </message>
    <message>
        <source>the name of %1 holds a line break or a control character</source>
        <translation>der Name von %1 enthält einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the subject holds a line break or a control character</source>
        <translation>der Betreff enthält einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
</context>
<context>
    <name>MailService</name>
    <message>
        <source>%1 has no %2 fix: it is not a setting of %1.</source>
        <translation>Für %1 gibt es keine Abhilfe %2: Das ist keine Einstellung von %1.</translation>
    </message>
</context>
<context>
    <name>MboxWriter</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>MtaStsPolicy</name>
    <message>
        <source>line %1: &quot;%2&quot; is not a &quot;key: value&quot; field</source>
        <translation>Zeile %1: „%2“ ist kein Feld der Form „key: value“</translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot; is not a valid field name</source>
        <translation>Zeile %1: „%2“ ist kein gültiger Feldname</translation>
    </message>
    <message>
        <source>line %1: field names are case-sensitive: &quot;%2&quot; must be written &quot;%3&quot;</source>
        <translation>Zeile %1: Bei Feldnamen zählt die Groß- und Kleinschreibung: „%2“ muss „%3“ geschrieben werden</translation>
    </message>
    <message>
        <source>line %1: mx &quot;%2&quot; is neither a host name nor a &quot;*.&quot; pattern</source>
        <translation>Zeile %1: mx „%2“ ist weder ein Hostname noch ein Muster mit „*.“</translation>
    </message>
    <message>
        <source>line %1: a second %2 field; the first one counts</source>
        <translation>Zeile %1: ein zweites Feld %2; das erste gilt</translation>
    </message>
    <message>
        <source>line %1: version &quot;%2&quot; is not STSv1, the only version defined</source>
        <translation>Zeile %1: version „%2“ ist nicht STSv1, die einzige definierte Version</translation>
    </message>
    <message>
        <source>line %1: mode &quot;%2&quot; is not one of enforce, testing, none</source>
        <translation>Zeile %1: mode „%2“ ist keiner der Werte enforce, testing, none</translation>
    </message>
    <message>
        <source>line %1: max_age &quot;%2&quot; is not a number of seconds (1 to 10 digits)</source>
        <translation>Zeile %1: max_age „%2“ ist keine Anzahl Sekunden (1 bis 10 Ziffern)</translation>
    </message>
    <message>
        <source>line %1: max_age %2 is more than the maximum of %3 seconds (a year)</source>
        <translation>Zeile %1: max_age %2 ist mehr als das Maximum von %3 Sekunden (ein Jahr)</translation>
    </message>
    <message>
        <source>the policy has no version field</source>
        <translation>die Richtlinie hat kein Feld version</translation>
    </message>
    <message>
        <source>the policy has no mode field</source>
        <translation>die Richtlinie hat kein Feld mode</translation>
    </message>
    <message>
        <source>the policy has no max_age field</source>
        <translation>die Richtlinie hat kein Feld max_age</translation>
    </message>
    <message>
        <source>the policy has no mx field</source>
        <translation>die Richtlinie hat kein Feld mx</translation>
    </message>
    <message numerus="yes">
        <source>and %n more problem(s)</source>
        <translation>
            <numerusform>und %n weiteres Problem</numerusform>
            <numerusform>und %n weitere Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MxResolver</name>
    <message>
        <source>no domain given</source>
        <translation>keine Domain angegeben</translation>
    </message>
    <message>
        <source>%1 is an address, not a mail domain</source>
        <translation>%1 ist eine Adresse, keine Mail-Domain</translation>
    </message>
    <message>
        <source>no host name given</source>
        <translation>kein Hostname angegeben</translation>
    </message>
    <message>
        <source>the look-up was cancelled</source>
        <translation>die Abfrage wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 publishes a null MX beside other MX records, which RFC 7505 forbids; the null MX is ignored</source>
        <translation>%1 veröffentlicht ein Null-MX neben anderen MX-Einträgen, was RFC 7505 verbietet; das Null-MX wird ignoriert</translation>
    </message>
    <message>
        <source>%1 has %2 MX hosts; only the first %3 by preference are probed</source>
        <translation>%1 hat %2 MX-Hosts; nur die ersten %3 nach Präferenz werden geprüft</translation>
    </message>
    <message>
        <source>%1 does not exist (NXDOMAIN)</source>
        <translation>%1 existiert nicht (NXDOMAIN)</translation>
    </message>
    <message>
        <source>%1 has no A or AAAA records</source>
        <translation>%1 hat keine A- oder AAAA-Einträge</translation>
    </message>
    <message>
        <source>%1 has no MX, A or AAAA records</source>
        <translation>%1 hat keine MX-, A- oder AAAA-Einträge</translation>
    </message>
    <message>
        <source>no usable answer from %1 for %2</source>
        <translation>keine verwertbare Antwort für %2 (%1)</translation>
    </message>
    <message>
        <source>%1 has %2 addresses; only %3 are probed (%4 IPv4, %5 IPv6)</source>
        <translation>%1 hat %2 Adressen; nur %3 werden geprüft (%4 IPv4, %5 IPv6)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PlanVerifier</name>
    <message>
        <source>no session was opened</source>
        <translation>es wurde keine Sitzung geöffnet</translation>
    </message>
    <message>
        <source>%1 could not be probed: %2</source>
        <translation>%1 konnte nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>the probe of %1 did not get through: %2</source>
        <translation>die Prüfung von %1 ist nicht durchgekommen: %2</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS</source>
        <translation>%1 bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS, but the TLS handshake fails: %2</source>
        <translation>%1 bietet STARTTLS an, aber der TLS-Handshake schlägt fehl: %2</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS: %2, %3</source>
        <translation>%1 bietet STARTTLS an: %2, %3</translation>
    </message>
    <message>
        <source>%1 could not be asked for its Diffie-Hellman group</source>
        <translation>%1 konnte nicht nach seiner Diffie-Hellman-Gruppe gefragt werden</translation>
    </message>
    <message>
        <source>%1 offers no DHE key exchange (ECDHE only): Logjam does not apply</source>
        <translation>%1 bietet keinen DHE-Schlüsselaustausch an (nur ECDHE): Logjam trifft nicht zu</translation>
    </message>
    <message>
        <source>%1&apos;s Diffie-Hellman group could not be measured: %2</source>
        <translation>Die Diffie-Hellman-Gruppe von %1 konnte nicht gemessen werden: %2</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>%1 now offers DHE with %2 bits, %3</source>
        <translation>%1 bietet jetzt DHE mit %2 Bit an, %3</translation>
    </message>
    <message>
        <source>%1 still offers DHE with %2 bits, %3, not %4</source>
        <translation>%1 bietet weiterhin DHE mit %2 Bit an, %3, nicht %4</translation>
    </message>
    <message>
        <source>the new group</source>
        <translation>die neue Gruppe</translation>
    </message>
    <message>
        <source>%1 still offers DHE with only %2 bits, %3 (at least %4 expected)</source>
        <translation>%1 bietet weiterhin DHE mit nur %2 Bit an, %3 (mindestens %4 erwartet)</translation>
    </message>
</context>
<context>
    <name>PolicyTxtRecords</name>
    <message>
        <source>%1 must be followed by &quot;;&quot;</source>
        <translation>auf %1 muss „;“ folgen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name=value field</source>
        <translation>„%1“ ist kein Feld der Form name=value</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid field name</source>
        <translation>„%1“ ist kein gültiger Feldname</translation>
    </message>
    <message>
        <source>%1 TXT records begin with v=STSv1; RFC 8461 allows exactly one, so senders ignore MTA-STS</source>
        <translation>%1 TXT-Einträge beginnen mit v=STSv1; RFC 8461 erlaubt genau einen, daher ignorieren sendende Server MTA-STS</translation>
    </message>
    <message>
        <source>a second id= field</source>
        <translation>ein zweites Feld id=</translation>
    </message>
    <message>
        <source>id &quot;%1&quot; is not 1 to 32 letters and digits</source>
        <translation>id „%1“ besteht nicht aus 1 bis 32 Buchstaben und Ziffern</translation>
    </message>
    <message>
        <source>field %1 has a malformed value &quot;%2&quot;</source>
        <translation>das Feld %1 hat einen fehlerhaften Wert „%2“</translation>
    </message>
    <message>
        <source>the record has no id= field</source>
        <translation>der Eintrag hat kein Feld id=</translation>
    </message>
    <message>
        <source>%1 TXT records begin with v=TLSRPTv1; RFC 8460 allows exactly one, so senders send no reports</source>
        <translation>%1 TXT-Einträge beginnen mit v=TLSRPTv1; RFC 8460 erlaubt genau einen, daher verschicken sendende Server keine Berichte</translation>
    </message>
    <message>
        <source>a second rua= field</source>
        <translation>ein zweites Feld rua=</translation>
    </message>
    <message>
        <source>rua= has an empty entry</source>
        <translation>rua= hat einen leeren Eintrag</translation>
    </message>
    <message>
        <source>report address &quot;%1&quot; is neither a mailto: nor an https: URI</source>
        <translation>die Berichtsadresse „%1“ ist weder eine mailto:- noch eine https:-URI</translation>
    </message>
    <message>
        <source>the record has no rua= field, so reports have nowhere to go</source>
        <translation>der Eintrag hat kein Feld rua=, daher können Berichte nirgendwohin gesendet werden</translation>
    </message>
</context>
<context>
    <name>PostfixAdvice</name>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (leer)</translation>
    </message>
    <message>
        <source>On Postfix %1 with OpenSSL 3, leave smtpd_tls_dh1024_param_file empty: OpenSSL then picks a published group (RFC 3526 or RFC 7919) as strong as the certificate&apos;s key (mailtls fix logjam --group auto).</source>
        <translation>Lassen Sie bei Postfix %1 mit OpenSSL 3 smtpd_tls_dh1024_param_file leer: OpenSSL wählt dann eine veröffentlichte Gruppe (RFC 3526 oder RFC 7919), die so stark ist wie der Schlüssel des Zertifikats (mailtls fix logjam --group auto).</translation>
    </message>
    <message>
        <source>TLS 1.3 clients also get the RFC 7919 groups listed in tls_ffdhe_auto_groups.</source>
        <translation>TLS-1.3-Clients erhalten außerdem die in tls_ffdhe_auto_groups aufgeführten Gruppen nach RFC 7919.</translation>
    </message>
    <message>
        <source>For a rating of &quot;good&quot; at internet.nl, use the RFC 7919 group ffdhe3072 instead (mailtls fix logjam --group ffdhe3072).</source>
        <translation>Für die Bewertung „good“ bei internet.nl verwenden Sie stattdessen die Gruppe ffdhe3072 nach RFC 7919 (mailtls fix logjam --group ffdhe3072).</translation>
    </message>
    <message>
        <source>Use the RFC 7919 group ffdhe3072 (mailtls fix logjam --group ffdhe3072), or a freshly generated group of at least 2048 bits (mailtls dhparam --bits 3072 --out FILE).</source>
        <translation>Verwenden Sie die Gruppe ffdhe3072 nach RFC 7919 (mailtls fix logjam --group ffdhe3072) oder eine neu erzeugte Gruppe mit mindestens 2048 Bit (mailtls dhparam --bits 3072 --out DATEI).</translation>
    </message>
    <message>
        <source>Turning DHE off (smtpd_tls_exclude_ciphers = kDHE) and relying on ECDHE is as good an answer: current mail servers all speak ECDHE.</source>
        <translation>Ebenso gut ist es, DHE abzuschalten (smtpd_tls_exclude_ciphers = kDHE) und sich auf ECDHE zu verlassen: Aktuelle Mailserver beherrschen alle ECDHE.</translation>
    </message>
    <message>
        <source>Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more (or no DHE at all) and rates 2048-bit groups &quot;phase out&quot;; testssl.sh flags groups under 2048 bits and well-known shared primes (Logjam).</source>
        <translation>Prüfdienste: internet.nl akzeptiert ffdhe3072, ffdhe4096 und andere Gruppen mit 3072 Bit oder mehr (oder gar kein DHE) und bewertet Gruppen mit 2048 Bit mit „phase out“; testssl.sh bemängelt Gruppen unter 2048 Bit und bekannte, geteilte Primzahlen (Logjam).</translation>
    </message>
    <message>
        <source>OpenSSL version unknown</source>
        <translation>OpenSSL-Version unbekannt</translation>
    </message>
    <message>
        <source>This Postfix lets OpenSSL choose the Diffie-Hellman group when smtpd_tls_dh1024_param_file is empty.</source>
        <translation>Diese Postfix-Version lässt OpenSSL die Diffie-Hellman-Gruppe wählen, wenn smtpd_tls_dh1024_param_file leer ist.</translation>
    </message>
    <message>
        <source>Postfix is not running</source>
        <translation>Postfix läuft nicht</translation>
    </message>
    <message>
        <source>A change is checked and written, and takes effect at Postfix&apos;s next start.</source>
        <translation>Eine Änderung wird geprüft und geschrieben und wird beim nächsten Start von Postfix wirksam.</translation>
    </message>
    <message>
        <source>Whether Postfix is running could not be told</source>
        <translation>Ob Postfix läuft, ließ sich nicht feststellen</translation>
    </message>
    <message>
        <source>`postfix status` needs root: run MailTLS as root (or with sudo) to reload Postfix after a change.</source>
        <translation>`postfix status` braucht root-Rechte: Führen Sie MailTLS als root (oder mit sudo) aus, um Postfix nach einer Änderung neu zu laden.</translation>
    </message>
    <message>
        <source>master.cf sets %1 for the service %2</source>
        <translation>master.cf setzt %1 für den Dienst %2</translation>
    </message>
    <message>
        <source>A change to main.cf does not reach this service: change or remove the -o %1 line of %2 in master.cf as well.</source>
        <translation>Eine Änderung an main.cf erreicht diesen Dienst nicht: Ändern oder entfernen Sie auch die Zeile -o %1 von %2 in master.cf.</translation>
    </message>
    <message>
        <source>DHE is switched off: Logjam does not apply</source>
        <translation>DHE ist abgeschaltet: Logjam trifft nicht zu</translation>
    </message>
    <message>
        <source>ECDHE alone is what internet.nl and testssl.sh like best; the DH parameter file is not used.</source>
        <translation>Nur ECDHE bewerten internet.nl und testssl.sh am besten; die DH-Parameterdatei wird nicht verwendet.</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>smtpd_tls_dh1024_param_file names a file Postfix cannot use</source>
        <translation>smtpd_tls_dh1024_param_file nennt eine Datei, die Postfix nicht verwenden kann</translation>
    </message>
    <message>
        <source>Postfix falls back to its built-in group and logs a warning for every TLS session.</source>
        <translation>Postfix weicht auf seine eingebaute Gruppe aus und protokolliert bei jeder TLS-Sitzung eine Warnung.</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit, von vielen Servern geteilt (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2): internet.nl rates it &quot;phase out&quot;</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2): internet.nl bewertet sie mit „phase out“</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2)</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2)</translation>
    </message>
    <message>
        <source>internet.nl and testssl.sh accept it.</source>
        <translation>internet.nl und testssl.sh akzeptieren sie.</translation>
    </message>
    <message>
        <source>OpenSSL chooses the Diffie-Hellman group (Postfix %1 with OpenSSL 3)</source>
        <translation>OpenSSL wählt die Diffie-Hellman-Gruppe (Postfix %1 mit OpenSSL 3)</translation>
    </message>
    <message>
        <source>This is today&apos;s advice for this Postfix. OpenSSL matches the group to the certificate&apos;s key: 2048 bits (RFC 3526 group 14) for a 2048-bit RSA key, which testssl.sh accepts and internet.nl rates &quot;phase out&quot;; for &quot;good&quot; there, use ffdhe3072 (mailtls fix logjam --group ffdhe3072) or turn DHE off.</source>
        <translation>Das ist die heutige Empfehlung für diese Postfix-Version. OpenSSL passt die Gruppe an den Schlüssel des Zertifikats an: 2048 Bit (RFC 3526 Gruppe 14) für einen RSA-Schlüssel mit 2048 Bit, was testssl.sh akzeptiert und internet.nl mit „phase out“ bewertet; für „good“ dort verwenden Sie ffdhe3072 (mailtls fix logjam --group ffdhe3072) oder schalten DHE ab.</translation>
    </message>
    <message>
        <source>Postfix %1&apos;s built-in 1024-bit Diffie-Hellman group, the same on every such server (Logjam)</source>
        <translation>Die eingebaute 1024-Bit-Diffie-Hellman-Gruppe von Postfix %1, auf jedem solchen Server dieselbe (Logjam)</translation>
    </message>
    <message>
        <source>Postfix&apos;s built-in 2048-bit Diffie-Hellman group, the same on every Postfix server</source>
        <translation>Die eingebaute 2048-Bit-Diffie-Hellman-Gruppe von Postfix, auf jedem Postfix-Server dieselbe</translation>
    </message>
    <message>
        <source>Set smtpd_tls_security_level = may with a certificate and its key (mailtls fix starttls --cert FILE --key FILE). Not &quot;encrypt&quot;: on port 25 that refuses every sender without TLS.</source>
        <translation>Setzen Sie smtpd_tls_security_level = may mit einem Zertifikat und seinem Schlüssel (mailtls fix starttls --cert DATEI --key DATEI). Nicht „encrypt“: Das lehnt auf Port 25 jeden sendenden Server ohne TLS ab.</translation>
    </message>
    <message>
        <source>The SMTP server does not offer STARTTLS</source>
        <translation>Der SMTP-Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>smtpd_tls_security_level is %1, but no certificate is set: Postfix offers no STARTTLS</source>
        <translation>smtpd_tls_security_level ist %1, aber es ist kein Zertifikat gesetzt: Postfix bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>The certificate or key file Postfix is to use does not exist</source>
        <translation>Die Zertifikats- oder Schlüsseldatei, die Postfix verwenden soll, existiert nicht</translation>
    </message>
    <message>
        <source>Postfix then offers no STARTTLS. Name the files that exist (mailtls fix starttls --cert FILE --key FILE).</source>
        <translation>Postfix bietet dann kein STARTTLS an. Geben Sie vorhandene Dateien an (mailtls fix starttls --cert DATEI --key DATEI).</translation>
    </message>
    <message>
        <source>The SMTP server offers STARTTLS</source>
        <translation>Der SMTP-Server bietet STARTTLS an</translation>
    </message>
    <message>
        <source>Outgoing mail never uses TLS</source>
        <translation>Ausgehende Mail verwendet nie TLS</translation>
    </message>
    <message>
        <source>Set smtp_tls_security_level = may (mailtls fix starttls): Postfix then encrypts whenever the receiving server offers STARTTLS.</source>
        <translation>Setzen Sie smtp_tls_security_level = may (mailtls fix starttls): Postfix verschlüsselt dann immer, wenn der empfangende Server STARTTLS anbietet.</translation>
    </message>
    <message>
        <source>The SMTP server logs no TLS sessions</source>
        <translation>Der SMTP-Server protokolliert keine TLS-Sitzungen</translation>
    </message>
    <message>
        <source>The SMTP client logs no TLS sessions</source>
        <translation>Der SMTP-Client protokolliert keine TLS-Sitzungen</translation>
    </message>
    <message>
        <source>Set %1 = 1 (mailtls fix tls-logging): one &quot;TLS connection established&quot; line per session, without which the dashboard cannot tell encrypted from plaintext mail.</source>
        <translation>Setzen Sie %1 = 1 (mailtls fix tls-logging): eine Zeile „TLS connection established“ je Sitzung, ohne die das Dashboard verschlüsselte Mail nicht von Klartext-Mail unterscheiden kann.</translation>
    </message>
    <message>
        <source>TLS sessions are logged</source>
        <translation>TLS-Sitzungen werden protokolliert</translation>
    </message>
</context>
<context>
    <name>PostfixFixes</name>
    <message>
        <source>%1 removed (Postfix&apos;s default applies)</source>
        <translation>%1 entfernt (die Vorgabe von Postfix gilt)</translation>
    </message>
    <message>
        <source>master.cf sets %1 = %2 for the service %3: this change does not reach that service</source>
        <translation>master.cf setzt %1 = %2 für den Dienst %3: Diese Änderung erreicht diesen Dienst nicht</translation>
    </message>
    <message>
        <source>Postfix has not been inspected</source>
        <translation>Postfix wurde nicht untersucht</translation>
    </message>
    <message>
        <source>Replace the weak Diffie-Hellman group (Logjam)</source>
        <translation>Die schwache Diffie-Hellman-Gruppe ersetzen (Logjam)</translation>
    </message>
    <message>
        <source>DHE is switched off (smtpd_tls_exclude_ciphers): Postfix uses the group only when DHE is switched on again.</source>
        <translation>DHE ist abgeschaltet (smtpd_tls_exclude_ciphers): Postfix verwendet die Gruppe erst, wenn DHE wieder eingeschaltet wird.</translation>
    </message>
    <message>
        <source>--group auto needs Postfix 3.7 or later built with OpenSSL 3, and this is %1: choose an RFC 7919 group such as ffdhe3072</source>
        <translation>--group auto braucht Postfix 3.7 oder neuer, mit OpenSSL 3 gebaut, und dies ist %1: eine Gruppe nach RFC 7919 wie ffdhe3072 wählen</translation>
    </message>
    <message>
        <source>Let OpenSSL choose the Diffie-Hellman group</source>
        <translation>OpenSSL die Diffie-Hellman-Gruppe wählen lassen</translation>
    </message>
    <message>
        <source>%1 stays on disk, no longer used: delete it when you like.</source>
        <translation>%1 bleibt auf der Festplatte, wird aber nicht mehr verwendet: Löschen Sie die Datei, wann Sie möchten.</translation>
    </message>
    <message>
        <source>the new DH parameters are not usable: %1</source>
        <translation>die neuen DH-Parameter sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the new DH group has only %1 bits; at least 2048 are needed</source>
        <translation>die neue DH-Gruppe hat nur %1 Bit; mindestens 2048 sind nötig</translation>
    </message>
    <message>
        <source>the new %1-bit group</source>
        <translation>die neue %1-Bit-Gruppe</translation>
    </message>
    <message>
        <source>DH parameters: %1 (%2, %3 bits)</source>
        <translation>DH-Parameter: %1 (%2, %3 Bit)</translation>
    </message>
    <message>
        <source>DH parameters: a group of its own, %1 bits</source>
        <translation>DH-Parameter: eine eigene Gruppe, %1 Bit</translation>
    </message>
    <message>
        <source>give the certificate and its key together (--cert FILE --key FILE)</source>
        <translation>das Zertifikat und seinen Schlüssel zusammen angeben (--cert DATEI --key DATEI)</translation>
    </message>
    <message>
        <source>%1 is not an absolute path; Postfix needs one</source>
        <translation>%1 ist kein absoluter Pfad; Postfix braucht einen</translation>
    </message>
    <message>
        <source>Offer STARTTLS, and use it for outgoing mail</source>
        <translation>STARTTLS anbieten und für ausgehende Mail verwenden</translation>
    </message>
    <message>
        <source>smtpd_tls_chain_files is set (%1) and takes precedence over smtpd_tls_cert_file: change the certificate there, or empty it first</source>
        <translation>smtpd_tls_chain_files ist gesetzt (%1) und hat Vorrang vor smtpd_tls_cert_file: das Zertifikat dort ändern oder den Parameter zuerst leeren</translation>
    </message>
    <message>
        <source>Postfix has no certificate to offer: give one with --cert FILE --key FILE (for example Let&apos;s Encrypt&apos;s fullchain.pem and privkey.pem)</source>
        <translation>Postfix hat kein Zertifikat, das es anbieten kann: eines mit --cert DATEI --key DATEI angeben (zum Beispiel fullchain.pem und privkey.pem von Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Log TLS sessions</source>
        <translation>TLS-Sitzungen protokollieren</translation>
    </message>
</context>
<context>
    <name>PostfixInspectionResult</name>
    <message>
        <source>Postfix (version unknown)</source>
        <translation>Postfix (Version unbekannt)</translation>
    </message>
    <message>
        <source>Postfix %1</source>
        <translation>Postfix %1</translation>
    </message>
    <message>
        <source>%1, OpenSSL version unknown</source>
        <translation>%1, OpenSSL-Version unbekannt</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>%1 was not read on the remote host</source>
        <translation>%1 wurde auf dem entfernten Host nicht gelesen</translation>
    </message>
</context>
<context>
    <name>PostfixMainCf</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a main.cf file.</source>
        <translation>%1 ist ein Ordner, keine main.cf-Datei.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes; MailTLS does not read a main.cf that large.</source>
        <translation>%1 ist größer als %2 Bytes; eine so große main.cf liest MailTLS nicht.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>%1 has more than %2 lines; MailTLS does not read a main.cf that long.</source>
        <translation>%1 hat mehr als %2 Zeilen; eine so lange main.cf liest MailTLS nicht.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Postfix parameter name.</source>
        <translation>„%1“ ist kein Name eines Postfix-Parameters.</translation>
    </message>
    <message>
        <source>The value for %1 contains a line break or a NUL byte.</source>
        <translation>Der Wert für %1 enthält einen Zeilenumbruch oder ein NUL-Byte.</translation>
    </message>
    <message>
        <source>No parameter name given.</source>
        <translation>Kein Parametername angegeben.</translation>
    </message>
    <message>
        <source>Line %1 starts with whitespace but follows no parameter: Postfix ignores it.</source>
        <translation>Zeile %1 beginnt mit Leerraum, folgt aber auf keinen Parameter: Postfix ignoriert sie.</translation>
    </message>
    <message>
        <source>Line %1 has no parameter name before its &quot;=&quot;: Postfix refuses this file.</source>
        <translation>Zeile %1 hat keinen Parameternamen vor ihrem „=“: Postfix lehnt diese Datei ab.</translation>
    </message>
    <message>
        <source>Line %1 has no &quot;=&quot; after &quot;%2&quot;: Postfix refuses this file.</source>
        <translation>Zeile %1 hat kein „=“ nach „%2“: Postfix lehnt diese Datei ab.</translation>
    </message>
</context>
<context>
    <name>PostfixService</name>
    <message>
        <source>Needs Postfix 3.7 or later with OpenSSL 3 (this is %1).</source>
        <translation>Braucht Postfix 3.7 oder neuer mit OpenSSL 3 (dies ist %1).</translation>
    </message>
</context>
<context>
    <name>ProbeAdvice</name>
    <message>
        <source>Senders cannot find where to deliver mail for %1. Check that the domain is registered and that its name servers answer for its MX records (and the A/AAAA records of the hosts they name). If the domain resolves elsewhere, the DNS server used for this probe may be at fault.</source>
        <translation>Sendende Server finden nicht, wohin sie Mail für %1 zustellen sollen. Prüfen Sie, ob die Domain registriert ist und ob ihre Nameserver Anfragen nach ihren MX-Einträgen beantworten (und nach den A/AAAA-Einträgen der dort genannten Hosts). Wenn die Domain anderswo aufgelöst wird, liegt der Fehler möglicherweise beim DNS-Server, den diese Prüfung verwendet hat.</translation>
    </message>
    <message>
        <source>%1 has no address in DNS. Check the name, and that its name servers answer for its A/AAAA records.</source>
        <translation>%1 hat keine Adresse im DNS. Prüfen Sie den Namen und ob die zuständigen Nameserver Anfragen nach seinen A/AAAA-Einträgen beantworten.</translation>
    </message>
    <message>
        <source>This works (RFC 5321), but an MX record says clearly which host takes the mail and lets you add a backup: publish &quot;%1. MX 10 your-mail-server.%1.&quot;.</source>
        <translation>Das funktioniert (RFC 5321), aber ein MX-Eintrag legt eindeutig fest, welcher Host die Mail annimmt, und erlaubt Ihnen, einen Ersatzserver hinzuzufügen: Veröffentlichen Sie „%1. MX 10 ihr-mailserver.%1.“.</translation>
    </message>
    <message>
        <source>Senders skip a mail server without an address. Publish A/AAAA records for %1, or remove its MX record.</source>
        <translation>Sendende Server überspringen einen Mailserver ohne Adresse. Veröffentlichen Sie A/AAAA-Einträge für %1 oder entfernen Sie seinen MX-Eintrag.</translation>
    </message>
    <message>
        <source>If this lasts, senders cannot reach this address either. Check that port %1 is open to the Internet and that the mail server is running. Some networks block outgoing connections to port 25: if no server at all can be reached, the block may be on the side of the probe.</source>
        <translation>Wenn das anhält, können auch sendende Server diese Adresse nicht erreichen. Prüfen Sie, ob Port %1 aus dem Internet erreichbar ist und ob der Mailserver läuft. Manche Netze sperren ausgehende Verbindungen zu Port 25: Wenn überhaupt kein Server erreichbar ist, liegt die Sperre möglicherweise auf der Seite der Prüfung.</translation>
    </message>
    <message>
        <source>The server asked to try later (a 4xx reply), so the probe stopped there instead of trying again. Probe again later: many servers limit how often one client may connect.</source>
        <translation>Der Server hat gebeten, es später erneut zu versuchen (eine 4xx-Antwort); die Prüfung hat daher dort aufgehört, statt es gleich noch einmal zu versuchen. Prüfen Sie später erneut: Viele Server begrenzen, wie oft sich ein Client verbinden darf.</translation>
    </message>
    <message>
        <source>The server refused the connection for good (a 5xx reply). If it refuses mail from your own server too, ask its admin to accept your address.</source>
        <translation>Der Server hat die Verbindung endgültig abgelehnt (eine 5xx-Antwort). Wenn er auch Mail von Ihrem eigenen Server ablehnt, bitten Sie seinen Administrator, Ihre Adresse zuzulassen.</translation>
    </message>
    <message>
        <source>The reply was not valid SMTP (garbage, or a line without end or too long). Check that port %1 reaches the mail server and not another service, and that no broken firewall sits in between.</source>
        <translation>Die Antwort war kein gültiges SMTP (unlesbare Daten oder eine Zeile ohne Ende oder zu lang). Prüfen Sie, ob Port %1 zum Mailserver führt und nicht zu einem anderen Dienst und ob keine fehlerhafte Firewall dazwischen sitzt.</translation>
    </message>
    <message>
        <source>Postfix: set smtpd_tls_security_level = may and smtpd_tls_chain_files to your key and certificate files (before Postfix 3.4: smtpd_tls_cert_file and smtpd_tls_key_file), then run postfix reload. Exim: set tls_advertise_hosts = * with tls_certificate and tls_privatekey. Sendmail: define confSERVER_CERT and confSERVER_KEY (and confCACERT, confCACERT_PATH) in sendmail.mc, rebuild sendmail.cf and restart. Microsoft Exchange: enable a certificate for the SMTP service (Enable-ExchangeCertificate -Services SMTP). Any certificate, even a self-signed one, is enough for senders to encrypt; one from a public CA for the MX name is better.</source>
        <translation>Postfix: Setzen Sie smtpd_tls_security_level = may und smtpd_tls_chain_files auf Ihre Schlüssel- und Zertifikatsdateien (vor Postfix 3.4: smtpd_tls_cert_file und smtpd_tls_key_file) und führen Sie dann postfix reload aus. Exim: Setzen Sie tls_advertise_hosts = * mit tls_certificate und tls_privatekey. Sendmail: Definieren Sie confSERVER_CERT und confSERVER_KEY (sowie confCACERT, confCACERT_PATH) in sendmail.mc, erzeugen Sie sendmail.cf neu und starten Sie Sendmail neu. Microsoft Exchange: Aktivieren Sie ein Zertifikat für den SMTP-Dienst (Enable-ExchangeCertificate -Services SMTP). Jedes Zertifikat, auch ein selbstsigniertes, genügt, damit sendende Server verschlüsseln; eines von einer öffentlichen CA für den MX-Namen ist besser.</translation>
    </message>
    <message>
        <source>Your server does not offer STARTTLS: mail to you travels in plaintext, readable by anyone on the way. Turn STARTTLS on. </source>
        <translation>Ihr Server bietet kein STARTTLS an: Mail an Sie wird im Klartext übertragen, lesbar für jeden auf dem Weg. Schalten Sie STARTTLS ein. </translation>
    </message>
    <message>
        <source>Your server&apos;s EHLO reply reaches senders with STARTTLS masked (&quot;%1&quot;): a firewall in front of your server inspects SMTP and removes STARTTLS, so mail to you travels in plaintext. On a Cisco ASA or PIX, turn ESMTP inspection off (&quot;no inspect esmtp&quot; in the global policy; on old versions &quot;no fixup smtp 25&quot;); on other firewalls turn off their SMTP inspection or &quot;mail guard&quot;. Then check that the mail server itself offers STARTTLS.</source>
        <translation>Die EHLO-Antwort Ihres Servers erreicht sendende Server mit maskiertem STARTTLS („%1“): Eine Firewall vor Ihrem Server untersucht SMTP und entfernt STARTTLS, daher wird Mail an Sie im Klartext übertragen. Schalten Sie auf einer Cisco ASA oder PIX die ESMTP-Inspektion ab („no inspect esmtp“ in der globalen Policy; bei alten Versionen „no fixup smtp 25“); schalten Sie auf anderen Firewalls deren SMTP-Inspektion oder „Mail Guard“ ab. Prüfen Sie danach, ob der Mailserver selbst STARTTLS anbietet.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS but answers it with &quot;%1&quot;, so senders fall back to plaintext. Most often the server cannot read its certificate or key: look for TLS errors in the mail log, and check the files named in smtpd_tls_chain_files (or smtpd_tls_cert_file and smtpd_tls_key_file) for Postfix, tls_certificate and tls_privatekey for Exim.</source>
        <translation>Ihr Server bietet STARTTLS an, beantwortet es aber mit „%1“, daher weichen sendende Server auf Klartext aus. Meist kann der Server sein Zertifikat oder seinen Schlüssel nicht lesen: Suchen Sie im Mail-Protokoll nach TLS-Fehlern und prüfen Sie die Dateien, die bei Postfix in smtpd_tls_chain_files (oder smtpd_tls_cert_file und smtpd_tls_key_file) und bei Exim in tls_certificate und tls_privatekey angegeben sind.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but a current TLS client cannot complete the handshake (%1); only clients with weaker settings can. Senders with current settings fall back to plaintext or do not deliver.</source>
        <translation>Ihr Server bietet STARTTLS an, aber ein aktueller TLS-Client kann den Handshake nicht abschließen (%1); das gelingt nur Clients mit schwächeren Einstellungen. Sendende Server mit aktuellen Einstellungen weichen auf Klartext aus oder stellen nicht zu.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but the TLS handshake fails (%1), so senders fall back to plaintext or do not deliver.</source>
        <translation>Ihr Server bietet STARTTLS an, aber der TLS-Handshake schlägt fehl (%1), daher weichen sendende Server auf Klartext aus oder stellen nicht zu.</translation>
    </message>
    <message>
        <source>Look for TLS errors in the mail log and check the TLS settings: the certificate and key, the protocol versions and ciphers allowed (Postfix: smtpd_tls_protocols, smtpd_tls_ciphers; Exim: tls_require_ciphers, openssl_options).</source>
        <translation>Suchen Sie im Mail-Protokoll nach TLS-Fehlern und prüfen Sie die TLS-Einstellungen: Zertifikat und Schlüssel, die erlaubten Protokollversionen und Cipher (Postfix: smtpd_tls_protocols, smtpd_tls_ciphers; Exim: tls_require_ciphers, openssl_options).</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but a current TLS client refuses its Diffie-Hellman group as too small (under 2048 bits) and the handshake fails. See the Diffie-Hellman finding for the fix.</source>
        <translation>Ihr Server bietet STARTTLS an, aber ein aktueller TLS-Client lehnt seine Diffie-Hellman-Gruppe als zu klein ab (unter 2048 Bit), und der Handshake schlägt fehl. Die Abhilfe steht beim Befund zu Diffie-Hellman.</translation>
    </message>
    <message>
        <source>Postfix 3.7 or later built with OpenSSL 3: leave smtpd_tls_dh1024_param_file empty (or set it to auto) and OpenSSL picks a suitable group. Older Postfix: point smtpd_tls_dh1024_param_file at an RFC 7919 group of at least 2048 bits (ffdhe2048, or better ffdhe3072). Exim: tls_dhparam = ffdhe3072. Or stop offering DHE altogether: ECDHE key exchange is not affected.</source>
        <translation>Postfix 3.7 oder neuer, mit OpenSSL 3 gebaut: Lassen Sie smtpd_tls_dh1024_param_file leer (oder setzen Sie es auf auto), dann wählt OpenSSL eine geeignete Gruppe. Ältere Postfix-Versionen: Lassen Sie smtpd_tls_dh1024_param_file auf eine Gruppe nach RFC 7919 mit mindestens 2048 Bit verweisen (ffdhe2048, besser ffdhe3072). Exim: tls_dhparam = ffdhe3072. Oder bieten Sie DHE gar nicht mehr an: Der ECDHE-Schlüsselaustausch ist davon nicht betroffen.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but its Diffie-Hellman group is %1 bits, shared by many servers (Logjam): one precomputation lets an attacker read the mail of every server that uses it.</source>
        <translation>Ihr Server bietet STARTTLS an, aber seine Diffie-Hellman-Gruppe hat %1 Bit und wird von vielen Servern geteilt (Logjam): Eine einzige Vorausberechnung erlaubt es einem Angreifer, die Mail aller Server zu lesen, die sie verwenden.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but its Diffie-Hellman group is only %1 bits: it can be broken with modest means (Logjam).</source>
        <translation>Ihr Server bietet STARTTLS an, aber seine Diffie-Hellman-Gruppe hat nur %1 Bit: Sie lässt sich mit bescheidenen Mitteln brechen (Logjam).</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but its Diffie-Hellman group is only %1 bits: within reach of well-funded attackers (Logjam), and current TLS clients refuse it.</source>
        <translation>Ihr Server bietet STARTTLS an, aber seine Diffie-Hellman-Gruppe hat nur %1 Bit: Das liegt in Reichweite finanzstarker Angreifer (Logjam), und aktuelle TLS-Clients lehnen sie ab.</translation>
    </message>
    <message>
        <source>Your server offers STARTTLS, but its Diffie-Hellman group is %1 bits, below the 2048 bits recommended today; current TLS clients refuse it.</source>
        <translation>Ihr Server bietet STARTTLS an, aber seine Diffie-Hellman-Gruppe hat %1 Bit, weniger als die heute empfohlenen 2048 Bit; aktuelle TLS-Clients lehnen sie ab.</translation>
    </message>
    <message>
        <source>Your server still accepts %1: old versions with known weaknesses that current senders no longer need. Unless you still receive mail from very old systems, switch them off. Postfix 3.6 or later: smtpd_tls_protocols = &gt;=TLSv1.2 (older Postfix: !SSLv2, !SSLv3, !TLSv1, !TLSv1.1). Exim with OpenSSL: openssl_options = +no_tlsv1 +no_tlsv1_1. Sendmail: O ServerSSLOptions=+SSL_OP_NO_TLSv1 +SSL_OP_NO_TLSv1_1.</source>
        <translation>Ihr Server akzeptiert noch %1: alte Versionen mit bekannten Schwächen, die aktuelle sendende Server nicht mehr brauchen. Sofern Sie nicht noch Mail von sehr alten Systemen empfangen, schalten Sie sie ab. Postfix 3.6 oder neuer: smtpd_tls_protocols = &gt;=TLSv1.2 (ältere Postfix-Versionen: !SSLv2, !SSLv3, !TLSv1, !TLSv1.1). Exim mit OpenSSL: openssl_options = +no_tlsv1 +no_tlsv1_1. Sendmail: O ServerSSLOptions=+SSL_OP_NO_TLSv1 +SSL_OP_NO_TLSv1_1.</translation>
    </message>
    <message>
        <source>Your server speaks only %1: current senders refuse these versions and fall back to plaintext. Update the TLS library or the system (TLS 1.2 needs OpenSSL 1.0.1 or later, TLS 1.3 needs 1.1.1), and make sure TLS 1.2 is not switched off (Postfix: smtpd_tls_protocols).</source>
        <translation>Ihr Server beherrscht nur %1: Aktuelle sendende Server lehnen diese Versionen ab und weichen auf Klartext aus. Aktualisieren Sie die TLS-Bibliothek oder das System (TLS 1.2 braucht OpenSSL 1.0.1 oder neuer, TLS 1.3 braucht 1.1.1) und stellen Sie sicher, dass TLS 1.2 nicht abgeschaltet ist (Postfix: smtpd_tls_protocols).</translation>
    </message>
    <message>
        <source>TLS 1.3 is faster and hides more of the handshake. It comes with OpenSSL 1.1.1 or later: updating the system usually brings it, unless the mail server&apos;s settings switch it off.</source>
        <translation>TLS 1.3 ist schneller und verbirgt mehr vom Handshake. Es ist ab OpenSSL 1.1.1 enthalten: Ein Update des Systems bringt es meist mit, sofern die Einstellungen des Mailservers es nicht abschalten.</translation>
    </message>
    <message>
        <source>Your MTA-STS policy is in enforce mode, so senders that honour it do not deliver mail to you at all while this lasts.</source>
        <translation>Ihre MTA-STS-Richtlinie ist im Modus enforce, daher stellen sendende Server, die sie beachten, Ihnen überhaupt keine Mail zu, solange dieser Zustand anhält.</translation>
    </message>
    <message>
        <source>Senders using opportunistic TLS still encrypt, but those that check certificates (with MTA-STS, DANE or a policy of their own) do not deliver.</source>
        <translation>Sendende Server mit opportunistischem TLS verschlüsseln weiterhin, aber solche, die Zertifikate prüfen (mit MTA-STS, DANE oder einer eigenen Richtlinie), stellen nicht zu.</translation>
    </message>
    <message>
        <source>Your server&apos;s certificate expired on %1.</source>
        <translation>Das Zertifikat Ihres Servers ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>Renew it (for example with certbot) and reload the mail server; make sure renewal runs automatically and reloads it.</source>
        <translation>Erneuern Sie es (zum Beispiel mit certbot) und laden Sie den Mailserver neu; sorgen Sie dafür, dass die Erneuerung automatisch läuft und den Mailserver neu lädt.</translation>
    </message>
    <message>
        <source>Your server&apos;s certificate is not valid before %1.</source>
        <translation>Das Zertifikat Ihres Servers ist erst ab %1 gültig.</translation>
    </message>
    <message>
        <source>Check the server&apos;s clock, or serve the certificate that is valid now.</source>
        <translation>Prüfen Sie die Uhr des Servers oder liefern Sie das Zertifikat aus, das jetzt gültig ist.</translation>
    </message>
    <message>
        <source>Your server&apos;s certificate is self-signed.</source>
        <translation>Das Zertifikat Ihres Servers ist selbstsigniert.</translation>
    </message>
    <message>
        <source>Use a certificate from a public CA for the MX name (Let&apos;s Encrypt works for mail servers).</source>
        <translation>Verwenden Sie ein Zertifikat einer öffentlichen CA für den MX-Namen (Let&apos;s Encrypt funktioniert auch für Mailserver).</translation>
    </message>
    <message>
        <source>Your server&apos;s certificate does not lead to a CA that senders trust, or the intermediate certificates are missing.</source>
        <translation>Das Zertifikat Ihres Servers führt nicht zu einer CA, der sendende Server vertrauen, oder die Zwischenzertifikate fehlen.</translation>
    </message>
    <message>
        <source>Serve the full chain, the certificate and its intermediates (Postfix: smtpd_tls_chain_files, or a smtpd_tls_cert_file holding the full chain; Exim: tls_certificate with the full chain), from a public CA.</source>
        <translation>Liefern Sie die vollständige Kette aus, also das Zertifikat und seine Zwischenzertifikate (Postfix: smtpd_tls_chain_files oder ein smtpd_tls_cert_file mit der vollständigen Kette; Exim: tls_certificate mit der vollständigen Kette), von einer öffentlichen CA.</translation>
    </message>
    <message>
        <source>Your server&apos;s certificate does not name %1, the name senders connect to.</source>
        <translation>Das Zertifikat Ihres Servers nennt nicht %1, den Namen, mit dem sich sendende Server verbinden.</translation>
    </message>
    <message>
        <source>Add %1 to the certificate&apos;s names (subjectAltName) or serve a certificate issued for it.</source>
        <translation>Nehmen Sie %1 in die Namen des Zertifikats (subjectAltName) auf oder liefern Sie ein Zertifikat aus, das für diesen Namen ausgestellt ist.</translation>
    </message>
    <message>
        <source>Without MTA-STS, an attacker on the path can remove STARTTLS and senders fall back to plaintext without noticing. Publish a policy (RFC 8461): a TXT record &quot;v=STSv1; id=1&quot; at _mta-sts.%1 and the policy at https://mta-sts.%1/.well-known/mta-sts.txt, first in mode testing.</source>
        <translation>Ohne MTA-STS kann ein Angreifer auf dem Übertragungsweg STARTTLS entfernen, und sendende Server weichen unbemerkt auf Klartext aus. Veröffentlichen Sie eine Richtlinie (RFC 8461): einen TXT-Eintrag „v=STSv1; id=1“ bei _mta-sts.%1 und die Richtlinie unter https://mta-sts.%1/.well-known/mta-sts.txt, zunächst im Modus testing.</translation>
    </message>
    <message>
        <source>Senders ignore an MTA-STS record they cannot read. Publish exactly one TXT record at _mta-sts.%1 of the form &quot;v=STSv1; id=20240101T000000&quot;.</source>
        <translation>Sendende Server ignorieren einen MTA-STS-Eintrag, den sie nicht lesen können. Veröffentlichen Sie genau einen TXT-Eintrag bei _mta-sts.%1 der Form „v=STSv1; id=20240101T000000“.</translation>
    </message>
    <message>
        <source>Senders that find the record but cannot fetch the policy treat the domain as having none. Serve the policy over HTTPS, with a valid certificate for mta-sts.%1, as text/plain at https://mta-sts.%1/.well-known/mta-sts.txt.</source>
        <translation>Sendende Server, die den Eintrag finden, die Richtlinie aber nicht abrufen können, behandeln die Domain, als hätte sie keine. Liefern Sie die Richtlinie über HTTPS mit einem gültigen Zertifikat für mta-sts.%1 als text/plain unter https://mta-sts.%1/.well-known/mta-sts.txt aus.</translation>
    </message>
    <message>
        <source>In testing mode senders report failures (to the TLS-RPT address) but still deliver without TLS. When the reports are clean, switch the policy to mode: enforce and change the id in the TXT record.</source>
        <translation>Im Modus testing melden sendende Server Fehler (an die TLS-RPT-Adresse), stellen aber weiterhin ohne TLS zu. Wenn die Berichte keine Fehler mehr zeigen, stellen Sie die Richtlinie auf mode: enforce um und ändern Sie die id im TXT-Eintrag.</translation>
    </message>
    <message>
        <source>Mode none tells senders to drop an earlier policy. If that was not the aim, publish mode: testing or enforce and change the id in the TXT record.</source>
        <translation>Der Modus none weist sendende Server an, eine frühere Richtlinie zu verwerfen. Wenn das nicht beabsichtigt war, veröffentlichen Sie mode: testing oder enforce und ändern Sie die id im TXT-Eintrag.</translation>
    </message>
    <message>
        <source>Your MTA-STS policy is in enforce mode, so senders that honour it do not deliver to %1.</source>
        <translation>Ihre MTA-STS-Richtlinie ist im Modus enforce, daher stellen sendende Server, die sie beachten, nicht an %1 zu.</translation>
    </message>
    <message>
        <source>Once the policy is enforced, senders that honour it will not deliver to %1.</source>
        <translation>Sobald die Richtlinie im Modus enforce ist, stellen sendende Server, die sie beachten, nicht mehr an %1 zu.</translation>
    </message>
    <message>
        <source>Add an mx: line that matches it to https://mta-sts.%1/.well-known/mta-sts.txt, and change the id in the TXT record at _mta-sts.%1 so senders fetch the policy again.</source>
        <translation>Fügen Sie in https://mta-sts.%1/.well-known/mta-sts.txt eine passende mx:-Zeile hinzu und ändern Sie die id im TXT-Eintrag bei _mta-sts.%1, damit sendende Server die Richtlinie erneut abrufen.</translation>
    </message>
    <message>
        <source>Publish a TLS-RPT record (RFC 8460) to receive daily reports of senders&apos; TLS failures, for example a TXT record &quot;v=TLSRPTv1; rua=mailto:tls-reports@%1&quot; at _smtp._tls.%1.</source>
        <translation>Veröffentlichen Sie einen TLS-RPT-Eintrag (RFC 8460), um tägliche Berichte über die TLS-Fehler sendender Server zu erhalten, zum Beispiel einen TXT-Eintrag „v=TLSRPTv1; rua=mailto:tls-reports@%1“ bei _smtp._tls.%1.</translation>
    </message>
    <message>
        <source>Senders ignore a TLS-RPT record they cannot read. Publish exactly one TXT record at _smtp._tls.%1 of the form &quot;v=TLSRPTv1; rua=mailto:tls-reports@%1&quot;.</source>
        <translation>Sendende Server ignorieren einen TLS-RPT-Eintrag, den sie nicht lesen können. Veröffentlichen Sie genau einen TXT-Eintrag bei _smtp._tls.%1 der Form „v=TLSRPTv1; rua=mailto:tls-reports@%1“.</translation>
    </message>
</context>
<context>
    <name>ProbeAnalyzer</name>
    <message>
        <source>%1 of %2 addresses could not be probed; the verdict comes from the others</source>
        <translation>%1 von %2 Adressen konnten nicht geprüft werden; die Bewertung beruht auf den übrigen</translation>
    </message>
    <message>
        <source>Probe cancelled: the results are incomplete</source>
        <translation>Prüfung abgebrochen: Die Ergebnisse sind unvollständig</translation>
    </message>
    <message>
        <source>The domain takes no mail (null MX)</source>
        <translation>Die Domain nimmt keine Mail an (Null-MX)</translation>
    </message>
    <message>
        <source>%1 MX 0 .</source>
        <translation>%1 MX 0 .</translation>
    </message>
    <message>
        <source>no MX, A or AAAA records</source>
        <translation>keine MX-, A- oder AAAA-Einträge</translation>
    </message>
    <message>
        <source>no A or AAAA records</source>
        <translation>keine A- oder AAAA-Einträge</translation>
    </message>
    <message>
        <source>The domain&apos;s mail servers could not be looked up</source>
        <translation>Die Mailserver der Domain konnten nicht ermittelt werden</translation>
    </message>
    <message>
        <source>The host name could not be resolved</source>
        <translation>Der Hostname konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>No MX record: the domain&apos;s own addresses take its mail</source>
        <translation>Kein MX-Eintrag: Die Adressen der Domain selbst nehmen ihre Mail an</translation>
    </message>
    <message>
        <source>no MX records; %1 has the addresses %2</source>
        <translation>keine MX-Einträge; %1 hat die Adressen %2</translation>
    </message>
    <message>
        <source>The mail server %1 has no address</source>
        <translation>Der Mailserver %1 hat keine Adresse</translation>
    </message>
    <message>
        <source>This address was not probed</source>
        <translation>Diese Adresse wurde nicht geprüft</translation>
    </message>
    <message>
        <source>no SMTP session was opened</source>
        <translation>es wurde keine SMTP-Sitzung geöffnet</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Keine Verbindung möglich</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>Rate-limited, try later</source>
        <translation>Gedrosselt, später erneut versuchen</translation>
    </message>
    <message>
        <source>The server refuses connections from this prober</source>
        <translation>Der Server lehnt Verbindungen von diesem prüfenden Rechner ab</translation>
    </message>
    <message>
        <source>The server does not answer as an SMTP server</source>
        <translation>Der Server antwortet nicht wie ein SMTP-Server</translation>
    </message>
    <message>
        <source>Rate-limited, try later: some checks were not made</source>
        <translation>Gedrosselt, später erneut versuchen: Einige Prüfungen wurden nicht durchgeführt</translation>
    </message>
    <message>
        <source>Diffie-Hellman</source>
        <translation>Diffie-Hellman</translation>
    </message>
    <message>
        <source>The %1 check could not be made</source>
        <translation>Die Prüfung von %1 konnte nicht durchgeführt werden</translation>
    </message>
    <message>
        <source>STARTTLS is removed on the way to the server: mail travels in plaintext</source>
        <translation>STARTTLS wird auf dem Weg zum Server entfernt: Mail wird im Klartext übertragen</translation>
    </message>
    <message>
        <source>STARTTLS is not offered: mail to this server travels in plaintext</source>
        <translation>STARTTLS wird nicht angeboten: Mail an diesen Server wird im Klartext übertragen</translation>
    </message>
    <message>
        <source>STARTTLS is offered but refused</source>
        <translation>STARTTLS wird angeboten, aber abgelehnt</translation>
    </message>
    <message>
        <source>STARTTLS is offered but the TLS handshake fails</source>
        <translation>STARTTLS wird angeboten, aber der TLS-Handshake schlägt fehl</translation>
    </message>
    <message>
        <source>No DHE key exchange (ECDHE only): not exposed to Logjam</source>
        <translation>Kein DHE-Schlüsselaustausch (nur ECDHE): nicht anfällig für Logjam</translation>
    </message>
    <message>
        <source>%1, shared by many servers</source>
        <translation>%1, von vielen Servern geteilt</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>%1 bits, %2; %3 with %4</source>
        <translation>%1 Bit, %2; %3 mit %4</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit, von vielen Servern geteilt (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Neither TLS 1.2 nor TLS 1.3 is offered</source>
        <translation>Weder TLS 1.2 noch TLS 1.3 wird angeboten</translation>
    </message>
    <message>
        <source>accepted: %1</source>
        <translation>akzeptiert: %1</translation>
    </message>
    <message>
        <source>Old TLS versions accepted: %1</source>
        <translation>Alte TLS-Versionen akzeptiert: %1</translation>
    </message>
    <message>
        <source>TLS 1.3 is not offered</source>
        <translation>TLS 1.3 wird nicht angeboten</translation>
    </message>
    <message>
        <source>The certificate expired on %1</source>
        <translation>Das Zertifikat ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>%1: valid until %2; probed %3</source>
        <translation>%1: gültig bis %2; geprüft %3</translation>
    </message>
    <message>
        <source>The certificate is not valid before %1</source>
        <translation>Das Zertifikat ist erst ab %1 gültig</translation>
    </message>
    <message>
        <source>%1: valid from %2; probed %3</source>
        <translation>%1: gültig ab %2; geprüft %3</translation>
    </message>
    <message>
        <source>%1; subject %2, issuer %3</source>
        <translation>%1; Inhaber %2, Aussteller %3</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht verifiziert</translation>
    </message>
    <message>
        <source>The certificate is self-signed</source>
        <translation>Das Zertifikat ist selbstsigniert</translation>
    </message>
    <message>
        <source>The certificate is not trusted</source>
        <translation>Das Zertifikat ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The certificate is not valid for %1</source>
        <translation>Das Zertifikat ist nicht für %1 gültig</translation>
    </message>
    <message>
        <source>certificate names: %1; mail server name: %2</source>
        <translation>Namen im Zertifikat: %1; Name des Mailservers: %2</translation>
    </message>
    <message>
        <source>The MTA-STS record is not usable</source>
        <translation>Der MTA-STS-Eintrag ist nicht verwendbar</translation>
    </message>
    <message>
        <source>No MTA-STS policy</source>
        <translation>Keine MTA-STS-Richtlinie</translation>
    </message>
    <message>
        <source>no v=STSv1 TXT record at _mta-sts.%1</source>
        <translation>kein TXT-Eintrag v=STSv1 bei _mta-sts.%1</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>nicht abgerufen</translation>
    </message>
    <message>
        <source>The MTA-STS policy cannot be fetched</source>
        <translation>Die MTA-STS-Richtlinie kann nicht abgerufen werden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>mode: %1; mx: %2; max_age: %3</source>
        <translation>mode: %1; mx: %2; max_age: %3</translation>
    </message>
    <message>
        <source>MTA-STS policy in enforce mode</source>
        <translation>MTA-STS-Richtlinie im Modus enforce</translation>
    </message>
    <message>
        <source>MTA-STS policy in testing mode</source>
        <translation>MTA-STS-Richtlinie im Modus testing</translation>
    </message>
    <message>
        <source>MTA-STS policy in mode none</source>
        <translation>MTA-STS-Richtlinie im Modus none</translation>
    </message>
    <message>
        <source>The mail server %1 is not in the MTA-STS policy</source>
        <translation>Der Mailserver %1 steht nicht in der MTA-STS-Richtlinie</translation>
    </message>
    <message>
        <source>MX %1; policy mx: %2</source>
        <translation>MX %1; mx der Richtlinie: %2</translation>
    </message>
    <message>
        <source>The TLS-RPT record is not usable</source>
        <translation>Der TLS-RPT-Eintrag ist nicht verwendbar</translation>
    </message>
    <message>
        <source>No TLS-RPT record</source>
        <translation>Kein TLS-RPT-Eintrag</translation>
    </message>
    <message>
        <source>no v=TLSRPTv1 TXT record at _smtp._tls.%1</source>
        <translation>kein TXT-Eintrag v=TLSRPTv1 bei _smtp._tls.%1</translation>
    </message>
    <message>
        <source>TLS-RPT reports are asked for</source>
        <translation>TLS-RPT-Berichte werden angefordert</translation>
    </message>
</context>
<context>
    <name>ProbeCommand</name>
    <message>
        <source>Probe the mail servers of domains (or single hosts) the way a sending server sees them: STARTTLS, TLS versions, Diffie-Hellman group, certificate, MTA-STS and TLS-RPT; then say what to fix. Exit status: 0 when every target offers sound STARTTLS, 1 when any has findings, 2 on usage errors.</source>
        <translation>Die Mailserver von Domains (oder einzelne Hosts) so prüfen, wie ein sendender Server sie sieht: STARTTLS, TLS-Versionen, Diffie-Hellman-Gruppe, Zertifikat, MTA-STS und TLS-RPT; danach nennen, was zu beheben ist. Exit-Status: 0, wenn jedes Ziel einwandfreies STARTTLS anbietet, 1, wenn eines Befunde hat, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>Print one JSON document with every report, evidence and finding.</source>
        <translation>Ein JSON-Dokument mit allen Berichten, Nachweisen und Befunden ausgeben.</translation>
    </message>
    <message>
        <source>Ask this DNS server (port 53) for every name, instead of the system&apos;s resolver.</source>
        <translation>Diesen DNS-Server (Port 53) nach allen Namen fragen statt des Resolvers des Systems.</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>SMTP port of the mail servers and of hosts given without one (default 25).</source>
        <translation>SMTP-Port der Mailserver und der ohne Port angegebenen Hosts (Vorgabe 25).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>SMTP sessions open at once, over all servers (default 4).</source>
        <translation>Gleichzeitig offene SMTP-Sitzungen über alle Server (Vorgabe 4).</translation>
    </message>
    <message>
        <source>Seconds to wait for a connection and for each reply (default 15).</source>
        <translation>Wartezeit in Sekunden auf eine Verbindung und auf jede Antwort (Vorgabe 15).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Trust the CA certificates in this PEM file too (a private CA).</source>
        <translation>Auch den CA-Zertifikaten in dieser PEM-Datei vertrauen (eine private CA).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Say on standard error what each probe does, step by step.</source>
        <translation>Auf der Standardfehlerausgabe Schritt für Schritt melden, was jede Prüfung tut.</translation>
    </message>
    <message>
        <source>A mail domain (its MX hosts are probed), or HOST[:PORT], or an IP address.</source>
        <translation>Eine Mail-Domain (ihre MX-Hosts werden geprüft), HOST[:PORT] oder eine IP-Adresse.</translation>
    </message>
    <message>
        <source>--port: &quot;%1&quot; is not a port number from 1 to 65535</source>
        <translation>--port: „%1“ ist keine Portnummer von 1 bis 65535</translation>
    </message>
    <message>
        <source>--concurrency: &quot;%1&quot; is not a number from 1 to 64</source>
        <translation>--concurrency: „%1“ ist keine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of seconds from 0.1 to 600</source>
        <translation>--timeout: „%1“ ist keine Sekundenzahl von 0.1 bis 600</translation>
    </message>
    <message>
        <source>--dns-server: &quot;%1&quot; is not an IP address (give IP or IP:53)</source>
        <translation>--dns-server: „%1“ ist keine IP-Adresse (IP oder IP:53 angeben)</translation>
    </message>
    <message>
        <source>--dns-server: only port 53 can be used (Qt&apos;s DNS look-up has no port setting); give the server an address of its own on port 53, such as 127.0.0.53</source>
        <translation>--dns-server: nur Port 53 ist möglich (die DNS-Abfrage von Qt hat keine Port-Einstellung); dem Server eine eigene Adresse auf Port 53 geben, etwa 127.0.0.53</translation>
    </message>
    <message>
        <source>--ca-file: there is no file %1</source>
        <translation>--ca-file: die Datei %1 gibt es nicht</translation>
    </message>
    <message>
        <source>--ca-file: %1 holds no PEM certificate</source>
        <translation>--ca-file: %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>probe needs at least one domain or HOST[:PORT] (see mailtls probe --help)</source>
        <translation>probe braucht mindestens eine Domain oder HOST[:PORT] (siehe mailtls probe --help)</translation>
    </message>
    <message>
        <source>Ctrl+C cannot be caught: it will end the probe without a report</source>
        <translation>Strg+C kann nicht abgefangen werden: Es beendet die Prüfung ohne Bericht</translation>
    </message>
    <message>
        <source>mailtls: cancelling the probes…</source>
        <translation>mailtls: Prüfungen werden abgebrochen …</translation>
    </message>
    <message>
        <source>mailtls: %1: the probe did not finish</source>
        <translation>mailtls: %1: die Prüfung wurde nicht abgeschlossen</translation>
    </message>
</context>
<context>
    <name>ProbeHistory</name>
    <message>
        <source>There is no probe report %1 in this store.</source>
        <translation>In dieser Datenbank gibt es keinen Prüfbericht %1.</translation>
    </message>
    <message>
        <source>Probe report %1 is damaged: %2</source>
        <translation>Der Prüfbericht %1 ist beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>ProbeJson</name>
    <message>
        <source>&quot;%1&quot; is not a time: %2</source>
        <translation>„%1“ ist keine Zeitangabe: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not base64</source>
        <translation>„%1“ ist kein Base64</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: unknown value &quot;%2&quot;</source>
        <translation>„%1“: unbekannter Wert „%2“</translation>
    </message>
    <message>
        <source>not a probe report</source>
        <translation>kein Prüfbericht</translation>
    </message>
    <message>
        <source>a probe report of a later format (%1; this version reads %2)</source>
        <translation>ein Prüfbericht in einem neueren Format (%1; diese Version liest %2)</translation>
    </message>
</context>
<context>
    <name>ProbeReportText</name>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>kein TLS</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>keine Verbindung möglich</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>rate-limited, try later</source>
        <translation>gedrosselt, später erneut versuchen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>not SMTP</source>
        <translation>kein SMTP</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source> (%1 bits)</source>
        <translation> (%1 Bit)</translation>
    </message>
    <message>
        <source>  (result of %1, reused)</source>
        <translation>  (Ergebnis von %1, wiederverwendet)</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>not reached: %1</source>
        <translation>nicht erreicht: %1</translation>
    </message>
    <message>
        <source>not reached: %1: %2</source>
        <translation>nicht erreicht: %1: %2</translation>
    </message>
    <message>
        <source>greeting: %1</source>
        <translation>Begrüßung: %1</translation>
    </message>
    <message>
        <source>STARTTLS: not offered (masked on the way)</source>
        <translation>STARTTLS: nicht angeboten (auf dem Weg maskiert)</translation>
    </message>
    <message>
        <source>STARTTLS: not offered</source>
        <translation>STARTTLS: nicht angeboten</translation>
    </message>
    <message>
        <source>STARTTLS: %1, %2, %3</source>
        <translation>STARTTLS: %1, %2, %3</translation>
    </message>
    <message>
        <source>STARTTLS: failed: %1</source>
        <translation>STARTTLS: fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>DHE: %1 bits, %2</source>
        <translation>DHE: %1 Bit, %2</translation>
    </message>
    <message>
        <source>DHE: %1 bits, a group of its own</source>
        <translation>DHE: %1 Bit, eine eigene Gruppe</translation>
    </message>
    <message>
        <source>DHE: not accepted</source>
        <translation>DHE: nicht akzeptiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>versions: %1</source>
        <translation>Versionen: %1</translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>issuer: %1; valid %2 to %3</source>
        <translation>Aussteller: %1; gültig von %2 bis %3</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>not trusted (%1)</source>
        <translation>nicht vertrauenswürdig (%1)</translation>
    </message>
    <message>
        <source>valid for %1</source>
        <translation>gültig für %1</translation>
    </message>
    <message>
        <source>not valid for %1</source>
        <translation>nicht gültig für %1</translation>
    </message>
    <message>
        <source>names: %1; %2; %3</source>
        <translation>Namen: %1; %2; %3</translation>
    </message>
    <message>
        <source>MTA-STS: record not usable: %1</source>
        <translation>MTA-STS: Eintrag nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>MTA-STS: none</source>
        <translation>MTA-STS: keine</translation>
    </message>
    <message>
        <source>MTA-STS: record %1, policy not fetched: %2</source>
        <translation>MTA-STS: Eintrag %1, Richtlinie nicht abgerufen: %2</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>nicht abgerufen</translation>
    </message>
    <message>
        <source>MTA-STS: mode %1, mx %2, max_age %3 (id %4)</source>
        <translation>MTA-STS: mode %1, mx %2, max_age %3 (id %4)</translation>
    </message>
    <message>
        <source>TLS-RPT: record not usable: %1</source>
        <translation>TLS-RPT: Eintrag nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>TLS-RPT: none</source>
        <translation>TLS-RPT: keine</translation>
    </message>
    <message>
        <source>TLS-RPT: reports to %1</source>
        <translation>TLS-RPT: Berichte an %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>probed %1, %2 s, 1 SMTP session</source>
        <translation>geprüft %1, %2 s, 1 SMTP-Sitzung</translation>
    </message>
    <message>
        <source>probed %1, %2 s, %3 SMTP sessions</source>
        <translation>geprüft %1, %2 s, %3 SMTP-Sitzungen</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>takes no mail (null MX)</source>
        <translation>nimmt keine Mail an (Null-MX)</translation>
    </message>
    <message>
        <source>no mail servers found: %1</source>
        <translation>keine Mailserver gefunden: %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>%1 (no MX record: the domain&apos;s own addresses)</source>
        <translation>%1 (kein MX-Eintrag: die Adressen der Domain selbst)</translation>
    </message>
    <message>
        <source>MX %1 %2</source>
        <translation>MX %1 %2</translation>
    </message>
    <message>
        <source>: no address (%1)</source>
        <translation>: keine Adresse (%1)</translation>
    </message>
    <message>
        <source>no A or AAAA records</source>
        <translation>keine A- oder AAAA-Einträge</translation>
    </message>
    <message>
        <source>findings: none</source>
        <translation>Befunde: keine</translation>
    </message>
    <message>
        <source>findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>evidence: %1</source>
        <translation>Nachweis: %1</translation>
    </message>
    <message>
        <source>advice: %1</source>
        <translation>Empfehlung: %1</translation>
    </message>
</context>
<context>
    <name>ProbeTargetParser</name>
    <message>
        <source>&quot;%1&quot; is not a domain name: it has an empty label (two dots in a row, or a dot at the start)</source>
        <translation>„%1“ ist kein Domainname: Er hat ein leeres Label (zwei Punkte hintereinander oder ein Punkt am Anfang)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name: the label &quot;%2&quot; is longer than %3 characters</source>
        <translation>„%1“ ist kein Domainname: Das Label „%2“ ist länger als %3 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name: &quot;%2&quot; may not appear in a host name</source>
        <translation>„%1“ ist kein Domainname: „%2“ darf in einem Hostnamen nicht vorkommen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name: the label &quot;%2&quot; starts or ends with a hyphen</source>
        <translation>„%1“ ist kein Domainname: Das Label „%2“ beginnt oder endet mit einem Bindestrich</translation>
    </message>
    <message>
        <source>no target given: name a domain (example.org) or a host[:port]</source>
        <translation>kein Ziel angegeben: eine Domain (example.org) oder einen host[:port] angeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space: name one domain or host[:port] per argument</source>
        <translation>„%1“ enthält ein Leerzeichen: eine Domain oder einen host[:port] je Argument angeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a URL or a path, not a mail domain: name a domain (example.org) or a host[:port]</source>
        <translation>„%1“ ist eine URL oder ein Pfad, keine Mail-Domain: eine Domain (example.org) oder einen host[:port] angeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a mail address: name its domain, the part after @</source>
        <translation>„%1“ ist eine Mailadresse: ihre Domain angeben, also den Teil nach @</translation>
    </message>
    <message>
        <source>&quot;%1&quot; opens [ but does not close it</source>
        <translation>„%1“ öffnet [, schließt die Klammer aber nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only :PORT may follow the ] of an address</source>
        <translation>„%1“: Auf die ] einer Adresse darf nur :PORT folgen</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation>„%1“: Der Port „%2“ ist keine Zahl von 1 bis 65535</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no host before the port</source>
        <translation>„%1“ nennt keinen Host vor dem Port</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>„%1“ ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: only addresses go in brackets</source>
        <translation>„%1“ ist keine IP-Adresse: In eckige Klammern gehören nur Adressen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (write four numbers from 0 to 255, as in 192.0.2.1)</source>
        <translation>„%1“ ist keine IPv4-Adresse (vier Zahlen von 0 bis 255 schreiben, wie in 192.0.2.1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>„%1“ ist kein Domainname</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name: it is longer than %2 characters</source>
        <translation>„%1“ ist kein Domainname: Er ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither an IPv4 address nor a domain name (its last label is a number)</source>
        <translation>„%1“ ist weder eine IPv4-Adresse noch ein Domainname (sein letztes Label ist eine Zahl)</translation>
    </message>
</context>
<context>
    <name>ProbeTitles</name>
    <message>
        <source>STARTTLS is offered and the TLS it sets up is sound: mail to this server travels encrypted.</source>
        <translation>STARTTLS wird angeboten, und das damit aufgebaute TLS ist einwandfrei: Mail an diesen Server wird verschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>STARTTLS works, but with a weakness (a small or widely shared Diffie-Hellman group, outdated protocol versions, a certificate problem): see the findings.</source>
        <translation>STARTTLS funktioniert, aber mit einer Schwäche (eine kleine oder weit verbreitete Diffie-Hellman-Gruppe, veraltete Protokollversionen, ein Zertifikatsproblem): Siehe die Befunde.</translation>
    </message>
    <message>
        <source>No TLS could be set up: STARTTLS is not offered, removed on the way, or fails. Mail to this server travels in plaintext.</source>
        <translation>Es ließ sich kein TLS aufbauen: STARTTLS wird nicht angeboten, auf dem Weg entfernt oder schlägt fehl. Mail an diesen Server wird im Klartext übertragen.</translation>
    </message>
    <message>
        <source>The server could not be asked: no address, no connection, a refusal or &quot;try later&quot;.</source>
        <translation>Der Server konnte nicht befragt werden: keine Adresse, keine Verbindung, eine Ablehnung oder „später erneut versuchen“.</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Auflösen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>QUIT</source>
        <translation>QUIT</translation>
    </message>
    <message>
        <source>default client</source>
        <translation>Standard-Client</translation>
    </message>
    <message>
        <source>DHE only, TLS 1.2</source>
        <translation>nur DHE, TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.0 only</source>
        <translation>nur TLS 1.0</translation>
    </message>
    <message>
        <source>TLS 1.1 only</source>
        <translation>nur TLS 1.1</translation>
    </message>
    <message>
        <source>TLS 1.2 only</source>
        <translation>nur TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.3 only</source>
        <translation>nur TLS 1.3</translation>
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
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Its mail servers offer STARTTLS with sound TLS</source>
        <translation>Die Mailserver bieten STARTTLS mit einwandfreiem TLS an</translation>
    </message>
    <message>
        <source>Its mail servers offer STARTTLS, but with weaknesses (small Diffie-Hellman group, old TLS versions, certificate problems)</source>
        <translation>Die Mailserver bieten STARTTLS an, aber mit Schwächen (kleine Diffie-Hellman-Gruppe, alte TLS-Versionen, Zertifikatsprobleme)</translation>
    </message>
    <message>
        <source>Its mail servers do not offer STARTTLS, or TLS cannot be set up with them: mail travels in plaintext</source>
        <translation>Die Mailserver bieten kein STARTTLS an, oder TLS lässt sich mit ihnen nicht aufbauen: Mail wird im Klartext übertragen</translation>
    </message>
    <message>
        <source>None of its mail servers could be probed (no answer, refused, or rate-limited)</source>
        <translation>Keiner der Mailserver konnte geprüft werden (keine Antwort, abgelehnt oder gedrosselt)</translation>
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
    <name>RevertScript</name>
    <message>
        <source>It put back %1 as it was before the window.</source>
        <translation>%1 wurde wieder in den Zustand vor dem Zeitfenster versetzt.</translation>
    </message>
    <message>
        <source>%1 was changed during the window, so it was not overwritten.</source>
        <translation>%1 wurde während des Zeitfensters geändert und daher nicht überschrieben.</translation>
    </message>
    <message>
        <source>It set %1 back to the value before the window with postconf.</source>
        <translation>%1 wurde mit postconf auf den Wert vor dem Zeitfenster zurückgesetzt.</translation>
    </message>
    <message>
        <source>It could NOT put back %1.</source>
        <translation>%1 konnte NICHT wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>It took the window&apos;s lines out of %1.</source>
        <translation>Die Zeilen des Zeitfensters wurden aus %1 entfernt.</translation>
    </message>
    <message>
        <source>It could NOT take back %1: %2 may still require TLS.</source>
        <translation>%1 konnte NICHT zurückgenommen werden: %2 verlangt möglicherweise noch TLS.</translation>
    </message>
    <message>
        <source>The configuration check failed afterwards, so %1 was not reloaded.</source>
        <translation>Die Prüfung der Konfiguration ist danach fehlgeschlagen, daher wurde %1 nicht neu geladen.</translation>
    </message>
    <message>
        <source>%1 was reloaded.</source>
        <translation>%1 wurde neu geladen.</translation>
    </message>
    <message>
        <source>%1 was not running.</source>
        <translation>%1 lief nicht.</translation>
    </message>
    <message>
        <source>Reloading %1 failed: it takes the settings at its next start.</source>
        <translation>Das Neuladen von %1 ist fehlgeschlagen: Die Einstellungen werden beim nächsten Start übernommen.</translation>
    </message>
</context>
<context>
    <name>SendmailAdvice</name>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (leer)</translation>
    </message>
    <message>
        <source>DHParameters not set</source>
        <translation>DHParameters nicht gesetzt</translation>
    </message>
    <message>
        <source>Use the RFC 7919 group ffdhe3072 (mailtls fix logjam --group ffdhe3072): confDH_PARAMETERS then names a file holding it. Sendmail %1 has no automatic choice of a published group.</source>
        <translation>Verwenden Sie die Gruppe ffdhe3072 nach RFC 7919 (mailtls fix logjam --group ffdhe3072): confDH_PARAMETERS nennt dann eine Datei, die sie enthält. Sendmail %1 hat keine automatische Wahl einer veröffentlichten Gruppe.</translation>
    </message>
    <message>
        <source>Its own best choice is DHParameters=2, a fresh 2048-bit group at each start (mailtls fix logjam --group auto); the built-in 2048-bit group it uses by default is the same on every Sendmail server.</source>
        <translation>Seine eigene beste Wahl ist DHParameters=2, eine bei jedem Start neu erzeugte 2048-Bit-Gruppe (mailtls fix logjam --group auto); die eingebaute 2048-Bit-Gruppe, die es als Vorgabe verwendet, ist auf jedem Sendmail-Server dieselbe.</translation>
    </message>
    <message>
        <source>Sendmail before 8.14.8 cannot make 2048-bit groups itself.</source>
        <translation>Sendmail vor 8.14.8 kann selbst keine 2048-Bit-Gruppen erzeugen.</translation>
    </message>
    <message>
        <source>A group of your own of at least 2048 bits is fine too (mailtls fix logjam --bits 3072). Turning DHE off (confDH_PARAMETERS none) and relying on ECDHE is as good an answer: current mail servers all speak ECDHE.</source>
        <translation>Eine eigene Gruppe mit mindestens 2048 Bit ist ebenfalls in Ordnung (mailtls fix logjam --bits 3072). Ebenso gut ist es, DHE abzuschalten (confDH_PARAMETERS none) und sich auf ECDHE zu verlassen: Aktuelle Mailserver beherrschen alle ECDHE.</translation>
    </message>
    <message>
        <source>Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more (or no DHE at all) and rates 2048-bit groups &quot;phase out&quot;; testssl.sh flags groups under 2048 bits and well-known shared primes (Logjam).</source>
        <translation>Prüfdienste: internet.nl akzeptiert ffdhe3072, ffdhe4096 und andere Gruppen mit 3072 Bit oder mehr (oder gar kein DHE) und bewertet Gruppen mit 2048 Bit mit „phase out“; testssl.sh bemängelt Gruppen unter 2048 Bit und bekannte, geteilte Primzahlen (Logjam).</translation>
    </message>
    <message>
        <source>compiled with STARTTLS</source>
        <translation>mit STARTTLS kompiliert</translation>
    </message>
    <message>
        <source>compiled without STARTTLS</source>
        <translation>ohne STARTTLS kompiliert</translation>
    </message>
    <message>
        <source>built with %1, running with %2</source>
        <translation>gebaut mit %1, läuft mit %2</translation>
    </message>
    <message>
        <source>This Sendmail can make a fresh 2048-bit Diffie-Hellman group at each start (DHParameters=2).</source>
        <translation>Diese Sendmail-Version kann bei jedem Start eine neue 2048-Bit-Diffie-Hellman-Gruppe erzeugen (DHParameters=2).</translation>
    </message>
    <message>
        <source>This Sendmail was built without STARTTLS</source>
        <translation>Diese Sendmail-Version wurde ohne STARTTLS gebaut</translation>
    </message>
    <message>
        <source>Compiled with: %1</source>
        <translation>Kompiliert mit: %1</translation>
    </message>
    <message>
        <source>It can neither offer nor use TLS. Install a Sendmail built with STARTTLS (Debian&apos;s sendmail-bin is).</source>
        <translation>Sie kann TLS weder anbieten noch verwenden. Installieren Sie ein mit STARTTLS gebautes Sendmail (das sendmail-bin von Debian ist so gebaut).</translation>
    </message>
    <message>
        <source>Sendmail is not running</source>
        <translation>Sendmail läuft nicht</translation>
    </message>
    <message>
        <source>A change is checked and written, and takes effect at Sendmail&apos;s next start.</source>
        <translation>Eine Änderung wird geprüft und geschrieben und wird beim nächsten Start von Sendmail wirksam.</translation>
    </message>
    <message>
        <source>Whether Sendmail is running could not be told</source>
        <translation>Ob Sendmail läuft, ließ sich nicht feststellen</translation>
    </message>
    <message>
        <source>Its PID file is for root to read: run MailTLS as root (or with sudo) to reload Sendmail after a change.</source>
        <translation>Seine PID-Datei kann nur root lesen: Führen Sie MailTLS als root (oder mit sudo) aus, um Sendmail nach einer Änderung neu zu laden.</translation>
    </message>
    <message>
        <source>Sendmail refuses %1</source>
        <translation>Sendmail lehnt %1 ab</translation>
    </message>
    <message>
        <source>Sendmail cannot start with this file. Correct sendmail.mc and build sendmail.cf again (make -C %1).</source>
        <translation>Sendmail kann mit dieser Datei nicht starten. Korrigieren Sie sendmail.mc und bauen Sie sendmail.cf neu (make -C %1).</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>sendmail.cf is not what sendmail.mc builds: changes to sendmail.mc are not in force</source>
        <translation>sendmail.cf entspricht nicht dem, was aus sendmail.mc gebaut wird: Änderungen an sendmail.mc sind nicht in Kraft</translation>
    </message>
    <message>
        <source>the two differ in other lines than options</source>
        <translation>die beiden unterscheiden sich in anderen Zeilen als Optionen</translation>
    </message>
    <message>
        <source>Sendmail reads only sendmail.cf. Build it again (make -C %1, or sendmailconfig) and reload Sendmail; a MailTLS fix rebuilds it as part of its plan.</source>
        <translation>Sendmail liest nur sendmail.cf. Bauen Sie die Datei neu (make -C %1 oder sendmailconfig) und laden Sie Sendmail neu; eine Abhilfe von MailTLS baut sie als Teil ihres Plans neu.</translation>
    </message>
    <message>
        <source>m4 reports problems building sendmail.mc</source>
        <translation>m4 meldet Probleme beim Bauen von sendmail.mc</translation>
    </message>
    <message>
        <source>Debian&apos;s Makefile installs sendmail.cf all the same; correct what m4 names.</source>
        <translation>Das Makefile von Debian installiert sendmail.cf trotzdem; korrigieren Sie, was m4 nennt.</translation>
    </message>
    <message>
        <source>With OpenSSL 3 at its default security level Sendmail cannot use a group this small and offers no DHE at all; where the level is lowered (CipherList @SECLEVEL=1, or openssl.cnf) every DHE client gets it.</source>
        <translation>Mit OpenSSL 3 auf seiner vorgegebenen Sicherheitsstufe kann Sendmail eine so kleine Gruppe nicht verwenden und bietet gar kein DHE an; wo die Stufe gesenkt ist (CipherList @SECLEVEL=1 oder openssl.cnf), erhält jeder DHE-Client sie.</translation>
    </message>
    <message>
        <source>DHE is switched off: Logjam does not apply</source>
        <translation>DHE ist abgeschaltet: Logjam trifft nicht zu</translation>
    </message>
    <message>
        <source>ECDHE alone is what internet.nl and testssl.sh like best.</source>
        <translation>Nur ECDHE bewerten internet.nl und testssl.sh am besten.</translation>
    </message>
    <message>
        <source>Sendmail logs &quot;illegal value&quot; for it and uses its default</source>
        <translation>Sendmail protokolliert dafür „illegal value“ und verwendet seine Vorgabe</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only 1024 bits (Logjam): Sendmail %1&apos;s default</source>
        <translation>Diffie-Hellman-Gruppe mit nur 1024 Bit (Logjam): die Vorgabe von Sendmail %1</translation>
    </message>
    <message>
        <source>Sendmail&apos;s built-in 2048-bit Diffie-Hellman group, the same on every Sendmail server</source>
        <translation>Die eingebaute 2048-Bit-Diffie-Hellman-Gruppe von Sendmail, auf jedem Sendmail-Server dieselbe</translation>
    </message>
    <message>
        <source>A 2048-bit Diffie-Hellman group made afresh at each start: internet.nl rates it &quot;phase out&quot;</source>
        <translation>Eine bei jedem Start neu erzeugte 2048-Bit-Diffie-Hellman-Gruppe: internet.nl bewertet sie mit „phase out“</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only 1024 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur 1024 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only 512 bits, the same on every Sendmail server (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur 512 Bit, auf jedem Sendmail-Server dieselbe (Logjam)</translation>
    </message>
    <message>
        <source>a group of its own</source>
        <translation>eine eigene Gruppe</translation>
    </message>
    <message>
        <source>DHParameters names a file Sendmail cannot use</source>
        <translation>DHParameters nennt eine Datei, die Sendmail nicht verwenden kann</translation>
    </message>
    <message>
        <source>Sendmail logs that the file is unsafe or unreadable and uses its built-in 2048-bit group instead.</source>
        <translation>Sendmail protokolliert, dass die Datei unsicher oder unlesbar ist, und verwendet stattdessen seine eingebaute 2048-Bit-Gruppe.</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit, von vielen Servern geteilt (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of only %1 bits (Logjam)</source>
        <translation>Diffie-Hellman-Gruppe mit nur %1 Bit (Logjam)</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2): internet.nl rates it &quot;phase out&quot;</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2): internet.nl bewertet sie mit „phase out“</translation>
    </message>
    <message>
        <source>Diffie-Hellman group of %1 bits (%2)</source>
        <translation>Diffie-Hellman-Gruppe mit %1 Bit (%2)</translation>
    </message>
    <message>
        <source>internet.nl and testssl.sh accept it.</source>
        <translation>internet.nl und testssl.sh akzeptieren sie.</translation>
    </message>
    <message>
        <source>Set confSERVER_CERT and confSERVER_KEY to a certificate and its key (mailtls fix starttls --cert FILE --key FILE); Sendmail offers STARTTLS once it has them and its CA settings (confCACERT_PATH, confCACERT).</source>
        <translation>Setzen Sie confSERVER_CERT und confSERVER_KEY auf ein Zertifikat und seinen Schlüssel (mailtls fix starttls --cert DATEI --key DATEI); Sendmail bietet STARTTLS an, sobald es diese und seine CA-Einstellungen (confCACERT_PATH, confCACERT) hat.</translation>
    </message>
    <message>
        <source>The SMTP server does not offer STARTTLS</source>
        <translation>Der SMTP-Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>The certificate or key file Sendmail is to use does not exist</source>
        <translation>Die Zertifikats- oder Schlüsseldatei, die Sendmail verwenden soll, existiert nicht</translation>
    </message>
    <message>
        <source>Sendmail then offers no STARTTLS. Name the files that exist (mailtls fix starttls --cert FILE --key FILE).</source>
        <translation>Sendmail bietet dann kein STARTTLS an. Geben Sie vorhandene Dateien an (mailtls fix starttls --cert DATEI --key DATEI).</translation>
    </message>
    <message>
        <source>Sendmail offers no STARTTLS: CACertPath or CACertFile is not set</source>
        <translation>Sendmail bietet kein STARTTLS an: CACertPath oder CACertFile ist nicht gesetzt</translation>
    </message>
    <message>
        <source>Sendmail&apos;s server wants both (Debian&apos;s starttls.m4 sets /etc/ssl/certs and the server certificate): mailtls fix starttls sets those that are missing.</source>
        <translation>Der Server von Sendmail braucht beide (starttls.m4 von Debian setzt /etc/ssl/certs und das Serverzertifikat): mailtls fix starttls setzt die fehlenden.</translation>
    </message>
    <message>
        <source>The SMTP server offers STARTTLS</source>
        <translation>Der SMTP-Server bietet STARTTLS an</translation>
    </message>
    <message>
        <source>The daemon %1 never offers STARTTLS (its modifiers hold S)</source>
        <translation>Der Daemon %1 bietet nie STARTTLS an (seine Modifikatoren enthalten S)</translation>
    </message>
    <message>
        <source>Remove S from the M= modifiers of that DAEMON_OPTIONS line in sendmail.mc.</source>
        <translation>Entfernen Sie S aus den Modifikatoren M= dieser DAEMON_OPTIONS-Zeile in sendmail.mc.</translation>
    </message>
    <message>
        <source>Sendmail logs no TLS sessions</source>
        <translation>Sendmail protokolliert keine TLS-Sitzungen</translation>
    </message>
    <message>
        <source>Set confLOG_LEVEL to 9 (mailtls fix tls-logging): from LogLevel 9 Sendmail logs one STARTTLS=server or STARTTLS=client line per session, without which the dashboard cannot tell encrypted from plaintext mail.</source>
        <translation>Setzen Sie confLOG_LEVEL auf 9 (mailtls fix tls-logging): Ab LogLevel 9 protokolliert Sendmail je Sitzung eine Zeile STARTTLS=server oder STARTTLS=client, ohne die das Dashboard verschlüsselte Mail nicht von Klartext-Mail unterscheiden kann.</translation>
    </message>
    <message>
        <source>TLS sessions are logged</source>
        <translation>TLS-Sitzungen werden protokolliert</translation>
    </message>
</context>
<context>
    <name>SendmailCfBuilder</name>
    <message>
        <source>m4 is not installed, and sendmail.cf is built with it (apt install m4)</source>
        <translation>m4 ist nicht installiert, wird aber zum Bauen von sendmail.cf gebraucht (apt install m4)</translation>
    </message>
    <message>
        <source>cannot make a temporary folder to build sendmail.cf in: %1</source>
        <translation>es kann kein temporärer Ordner zum Bauen von sendmail.cf angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>m4 wrote more than %1 bytes for %2</source>
        <translation>m4 hat für %2 mehr als %1 Bytes geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>m4 did not finish building %1 within %n second(s)</source>
        <translation>
            <numerusform>m4 hat das Bauen von %1 nicht innerhalb von %n Sekunde beendet</numerusform>
            <numerusform>m4 hat das Bauen von %1 nicht innerhalb von %n Sekunden beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>m4 crashed building %1</source>
        <translation>m4 ist beim Bauen von %1 abgestürzt</translation>
    </message>
    <message>
        <source>m4 failed on %1 (exit status %2): %3</source>
        <translation>m4 ist bei %1 fehlgeschlagen (Exit-Status %2): %3</translation>
    </message>
</context>
<context>
    <name>SendmailDhFile</name>
    <message>
        <source>the X9.42 DH PARAMETERS block is damaged: it does not decode</source>
        <translation>der Block X9.42 DH PARAMETERS ist beschädigt: Er lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <source>the X9.42 DH PARAMETERS block lacks the prime or the generator</source>
        <translation>dem Block X9.42 DH PARAMETERS fehlt die Primzahl oder der Generator</translation>
    </message>
    <message>
        <source>OpenSSL cannot take the group out of the X9.42 block</source>
        <translation>OpenSSL kann die Gruppe nicht aus dem X9.42-Block entnehmen</translation>
    </message>
    <message>
        <source>the group is an X9.42 DH PARAMETERS block, which Sendmail reads</source>
        <translation>die Gruppe ist ein Block X9.42 DH PARAMETERS, den Sendmail liest</translation>
    </message>
    <message>
        <source>Sendmail skips the file&apos;s other blocks: %1</source>
        <translation>Sendmail überspringt die anderen Blöcke der Datei: %1</translation>
    </message>
</context>
<context>
    <name>SendmailEnforcementPlan</name>
    <message>
        <source>%1 built again from sendmail.mc (m4)</source>
        <translation>%1 neu aus sendmail.mc gebaut (m4)</translation>
    </message>
    <message>
        <source>choose inbound, outbound or both</source>
        <translation>wählen Sie eingehend, ausgehend oder beides</translation>
    </message>
    <message>
        <source>there is no sendmail.mc in %1: MailTLS changes sendmail.mc and builds sendmail.cf from it</source>
        <translation>in %1 gibt es keine sendmail.mc: MailTLS ändert sendmail.mc und baut daraus sendmail.cf</translation>
    </message>
    <message>
        <source>this Sendmail is built without STARTTLS (%1): it cannot offer or require it</source>
        <translation>dieses Sendmail ist ohne STARTTLS gebaut (%1): Es kann STARTTLS weder anbieten noch verlangen</translation>
    </message>
    <message>
        <source>Sendmail has no server certificate (confSERVER_CERT and confSERVER_KEY), so it offers no STARTTLS: an inbound window would refuse every server. Turn STARTTLS on first (mailtls fix --mta sendmail starttls).</source>
        <translation>Sendmail hat kein Serverzertifikat (confSERVER_CERT und confSERVER_KEY) und bietet daher kein STARTTLS an: Ein eingehendes Zeitfenster würde jeden Server abweisen. Schalten Sie zuerst STARTTLS ein (mailtls fix --mta sendmail starttls).</translation>
    </message>
    <message>
        <source>%1 holds a MailTLS window&apos;s rules already: end that window first (mailtls campaign end)</source>
        <translation>%1 enthält bereits die Regeln eines MailTLS-Zeitfensters: Beenden Sie zuerst dieses Zeitfenster (mailtls campaign end)</translation>
    </message>
    <message>
        <source>%1 has rules of its own in %2 (line %3): the window&apos;s would be mixed with them. Take them out for the window, or require TLS by hand.</source>
        <translation>%1 hat eigene Regeln in %2 (Zeile %3): Die des Zeitfensters würden mit ihnen vermischt. Nehmen Sie sie für das Zeitfenster heraus, oder verlangen Sie TLS von Hand.</translation>
    </message>
    <message>
        <source>%1 has a Local_tls_client or Local_tls_server ruleset that sendmail.mc does not show (an included file or a hack): the window&apos;s rules would be mixed with it.</source>
        <translation>%1 hat einen Regelsatz Local_tls_client oder Local_tls_server, den sendmail.mc nicht zeigt (eine eingebundene Datei oder ein Hack): Die Regeln des Zeitfensters würden mit ihm vermischt.</translation>
    </message>
    <message>
        <source>Require STARTTLS for a campaign&apos;s window</source>
        <translation>STARTTLS für das Zeitfenster einer Kampagne verlangen</translation>
    </message>
    <message>
        <source>LOCAL_TLS_CLIENT: a client without STARTTLS is told %1, unless it connects from this host, has authenticated, or writes to postmaster</source>
        <translation>LOCAL_TLS_CLIENT: Ein Client ohne STARTTLS erhält %1, außer er verbindet sich von diesem Host, hat sich angemeldet oder schreibt an postmaster</translation>
    </message>
    <message>
        <source>LOCAL_TLS_SERVER: mail to a server without STARTTLS waits in the queue (%1)</source>
        <translation>LOCAL_TLS_SERVER: Mail an einen Server ohne STARTTLS wartet in der Warteschlange (%1)</translation>
    </message>
    <message>
        <source>m4 built a sendmail.cf without the window&apos;s rules from the changed sendmail.mc</source>
        <translation>m4 hat aus der geänderten sendmail.mc eine sendmail.cf ohne die Regeln des Zeitfensters gebaut</translation>
    </message>
    <message>
        <source>sendmail.mc has no FEATURE(delay_checks): Sendmail asks for STARTTLS at MAIL, before it knows the recipient, so mail to postmaster is refused too.</source>
        <translation>sendmail.mc hat kein FEATURE(delay_checks): Sendmail verlangt STARTTLS schon bei MAIL, bevor es den Empfänger kennt, daher wird auch Mail an postmaster abgewiesen.</translation>
    </message>
    <message>
        <source>After the window Sendmail may wait up to 30 minutes (its host status cache) before it tries a server it deferred again; the next queue run after that sends the mail.</source>
        <translation>Nach dem Zeitfenster wartet Sendmail unter Umständen bis zu 30 Minuten (sein Zwischenspeicher für den Host-Status), bevor es einen zurückgestellten Server erneut versucht; der nächste Lauf der Warteschlange danach versendet die Mail.</translation>
    </message>
    <message>
        <source>End a campaign&apos;s window</source>
        <translation>Das Zeitfenster einer Kampagne beenden</translation>
    </message>
    <message>
        <source>the window&apos;s block taken out</source>
        <translation>der Block des Zeitfensters entfernt</translation>
    </message>
</context>
<context>
    <name>SendmailFixes</name>
    <message>
        <source>Sendmail has not been inspected</source>
        <translation>Sendmail wurde nicht untersucht</translation>
    </message>
    <message>
        <source>Sendmail %1 was built without STARTTLS: there is no TLS to configure</source>
        <translation>Sendmail %1 wurde ohne STARTTLS gebaut: Es gibt kein TLS zu konfigurieren</translation>
    </message>
    <message>
        <source>%1 stays on disk, no longer used: delete it when you like.</source>
        <translation>%1 bleibt auf der Festplatte, wird aber nicht mehr verwendet: Löschen Sie die Datei, wann Sie möchten.</translation>
    </message>
    <message>
        <source>there is no sendmail.mc in %1: MailTLS changes sendmail.mc and builds sendmail.cf from it</source>
        <translation>in %1 gibt es keine sendmail.mc: MailTLS ändert sendmail.mc und baut daraus sendmail.cf</translation>
    </message>
    <message>
        <source>%1 sets %2 to %3; sendmail.mc now sets it again right after including that file, and the later define is the one Sendmail uses (Debian&apos;s sendmailconfig rewrites /etc/mail/tls/starttls.m4, so it is not edited there).</source>
        <translation>%1 setzt %2 auf %3; sendmail.mc setzt es jetzt direkt nach dem Einbinden dieser Datei erneut, und die spätere Definition ist die, die Sendmail verwendet (sendmailconfig von Debian schreibt /etc/mail/tls/starttls.m4 neu, daher wird die Datei dort nicht bearbeitet).</translation>
    </message>
    <message>
        <source>nothing (undefine)</source>
        <translation>nichts (undefine)</translation>
    </message>
    <message>
        <source>m4 is not installed, and sendmail.cf is built with it (apt install m4)</source>
        <translation>m4 ist nicht installiert, wird aber zum Bauen von sendmail.cf gebraucht (apt install m4)</translation>
    </message>
    <message>
        <source>m4 cannot build the changed sendmail.mc</source>
        <translation>m4 kann die geänderte sendmail.mc nicht bauen</translation>
    </message>
    <message>
        <source>m4 says, as it did before the change: %1</source>
        <translation>m4 meldet, wie schon vor der Änderung: %1</translation>
    </message>
    <message>
        <source>sendmail.mc was changed to set %1, but m4 builds a sendmail.cf with %2 = %3: another part of sendmail.mc decides it (a later define, or an ifdef around this one)</source>
        <translation>sendmail.mc wurde geändert, um %1 zu setzen, aber m4 baut eine sendmail.cf mit %2 = %3: Ein anderer Teil von sendmail.mc bestimmt den Wert (eine spätere Definition oder ein ifdef um diese herum)</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>%1 built again from sendmail.mc (m4)</source>
        <translation>%1 neu aus sendmail.mc gebaut (m4)</translation>
    </message>
    <message>
        <source>sendmail.cf was older than sendmail.mc: the new sendmail.cf also puts these earlier changes of sendmail.mc in force: %1</source>
        <translation>sendmail.cf war älter als sendmail.mc: Die neue sendmail.cf setzt auch diese früheren Änderungen an sendmail.mc in Kraft: %1</translation>
    </message>
    <message>
        <source>Replace the weak Diffie-Hellman group (Logjam)</source>
        <translation>Die schwache Diffie-Hellman-Gruppe ersetzen (Logjam)</translation>
    </message>
    <message>
        <source>--group auto needs Sendmail 8.14.8 or later (DHParameters=2), and this is %1: choose an RFC 7919 group such as ffdhe3072</source>
        <translation>--group auto braucht Sendmail 8.14.8 oder neuer (DHParameters=2), und dies ist %1: eine Gruppe nach RFC 7919 wie ffdhe3072 wählen</translation>
    </message>
    <message>
        <source>Let Sendmail make a fresh 2048-bit Diffie-Hellman group at each start</source>
        <translation>Sendmail bei jedem Start eine neue 2048-Bit-Diffie-Hellman-Gruppe erzeugen lassen</translation>
    </message>
    <message>
        <source>the new DH parameters are not usable: %1</source>
        <translation>die neuen DH-Parameter sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the new DH group has only %1 bits; at least 2048 are needed</source>
        <translation>die neue DH-Gruppe hat nur %1 Bit; mindestens 2048 sind nötig</translation>
    </message>
    <message>
        <source>the new %1-bit group</source>
        <translation>die neue %1-Bit-Gruppe</translation>
    </message>
    <message>
        <source>DH parameters: %1 (%2, %3 bits)</source>
        <translation>DH-Parameter: %1 (%2, %3 Bit)</translation>
    </message>
    <message>
        <source>DH parameters: a group of its own, %1 bits</source>
        <translation>DH-Parameter: eine eigene Gruppe, %1 Bit</translation>
    </message>
    <message>
        <source>give the certificate and its key together (--cert FILE --key FILE)</source>
        <translation>das Zertifikat und seinen Schlüssel zusammen angeben (--cert DATEI --key DATEI)</translation>
    </message>
    <message>
        <source>%1 is not an absolute path; Sendmail needs one</source>
        <translation>%1 ist kein absoluter Pfad; Sendmail braucht einen</translation>
    </message>
    <message>
        <source>Sendmail has no certificate to offer: give one with --cert FILE --key FILE (for example Let&apos;s Encrypt&apos;s fullchain.pem and privkey.pem)</source>
        <translation>Sendmail hat kein Zertifikat, das es anbieten kann: eines mit --cert DATEI --key DATEI angeben (zum Beispiel fullchain.pem und privkey.pem von Let&apos;s Encrypt)</translation>
    </message>
    <message>
        <source>Offer STARTTLS</source>
        <translation>STARTTLS anbieten</translation>
    </message>
    <message>
        <source>Sendmail refuses a key file others may read (&quot;file %1 unsafe&quot;): chmod 600 %1 (or 640 with confDONT_BLAME_SENDMAIL GroupReadableKeyFile, as Debian&apos;s starttls.m4 sets it).</source>
        <translation>Sendmail lehnt eine Schlüsseldatei ab, die andere lesen dürfen („file %1 unsafe“): chmod 600 %1 (oder 640 mit confDONT_BLAME_SENDMAIL GroupReadableKeyFile, wie es starttls.m4 von Debian setzt).</translation>
    </message>
    <message>
        <source>Log TLS sessions</source>
        <translation>TLS-Sitzungen protokollieren</translation>
    </message>
</context>
<context>
    <name>SendmailInspectionResult</name>
    <message>
        <source>Sendmail (version unknown)</source>
        <translation>Sendmail (Version unbekannt)</translation>
    </message>
    <message>
        <source>Sendmail %1</source>
        <translation>Sendmail %1</translation>
    </message>
    <message>
        <source>%1 without STARTTLS</source>
        <translation>%1 ohne STARTTLS</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>a 1024-bit group Sendmail %1 makes at each start (its default before 8.15.2)</source>
        <translation>eine 1024-Bit-Gruppe, die Sendmail %1 bei jedem Start erzeugt (seine Vorgabe vor 8.15.2)</translation>
    </message>
    <message>
        <source>Sendmail&apos;s built-in 2048-bit group, the same on every Sendmail server (its default since 8.15.2)</source>
        <translation>die eingebaute 2048-Bit-Gruppe von Sendmail, auf jedem Sendmail-Server dieselbe (seine Vorgabe seit 8.15.2)</translation>
    </message>
    <message>
        <source>Sendmail&apos;s built-in 2048-bit group, the same on every Sendmail server</source>
        <translation>die eingebaute 2048-Bit-Gruppe von Sendmail, auf jedem Sendmail-Server dieselbe</translation>
    </message>
    <message>
        <source>a 2048-bit group Sendmail makes afresh at each start</source>
        <translation>eine 2048-Bit-Gruppe, die Sendmail bei jedem Start neu erzeugt</translation>
    </message>
    <message>
        <source>a 1024-bit group Sendmail makes afresh at each start</source>
        <translation>eine 1024-Bit-Gruppe, die Sendmail bei jedem Start neu erzeugt</translation>
    </message>
    <message>
        <source>Sendmail&apos;s built-in 512-bit group, the same on every Sendmail server</source>
        <translation>die eingebaute 512-Bit-Gruppe von Sendmail, auf jedem Sendmail-Server dieselbe</translation>
    </message>
    <message>
        <source>no DHE: Sendmail offers ECDHE and RSA key exchange only</source>
        <translation>kein DHE: Sendmail bietet nur ECDHE und RSA-Schlüsselaustausch an</translation>
    </message>
    <message>
        <source>the group in %1 (%2)</source>
        <translation>die Gruppe in %1 (%2)</translation>
    </message>
    <message>
        <source>Sendmail&apos;s built-in %1-bit group, because %2 cannot be used (%3)</source>
        <translation>die eingebaute %1-Bit-Gruppe von Sendmail, weil %2 nicht verwendet werden kann (%3)</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
</context>
<context>
    <name>SendmailMc</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is larger than MailTLS reads (%2 bytes, %3 lines)</source>
        <translation>%1 ist größer, als MailTLS liest (%2 Bytes, %3 Zeilen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an m4 macro name</source>
        <translation>„%1“ ist kein m4-Makroname</translation>
    </message>
    <message>
        <source>the value for %1 holds a quote character, a line break or a NUL byte, which sendmail.mc cannot take literally</source>
        <translation>der Wert für %1 enthält ein Anführungszeichen, einen Zeilenumbruch oder ein NUL-Byte, was sendmail.mc nicht wörtlich übernehmen kann</translation>
    </message>
    <message>
        <source>%1 has a quote (`) that is never closed: m4 reads everything after it as one string, so the file is not edited</source>
        <translation>%1 enthält ein Anführungszeichen (`), das nie geschlossen wird: m4 liest alles danach als eine einzige Zeichenkette, daher wird die Datei nicht bearbeitet</translation>
    </message>
</context>
<context>
    <name>SendmailService</name>
    <message>
        <source>Sendmail %1 was built without STARTTLS.</source>
        <translation>Sendmail %1 wurde ohne STARTTLS gebaut.</translation>
    </message>
    <message>
        <source>Sendmail makes its own 2048-bit groups (DHParameters=2) from 8.14.8 on; this is %1.</source>
        <translation>Sendmail erzeugt ab 8.14.8 eigene 2048-Bit-Gruppen (DHParameters=2); dies ist %1.</translation>
    </message>
</context>
<context>
    <name>ServiceHost</name>
    <message>
        <source>&quot;%1&quot; is not an SSH host: write ssh://[user@]host[:port]</source>
        <translation>„%1“ ist kein SSH-Host: Geben Sie ssh://[user@]host[:port] an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no host: write ssh://[user@]host[:port]</source>
        <translation>„%1“ nennt keinen Host: Geben Sie ssh://[user@]host[:port] an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path after the host: write ssh://[user@]host[:port] (the configuration folder is given with --config-dir)</source>
        <translation>„%1“ enthält nach dem Host einen Pfad: Geben Sie ssh://[user@]host[:port] an (der Konfigurationsordner wird mit --config-dir angegeben)</translation>
    </message>
    <message>
        <source>%1 can be fixed on this computer only: run mailtls fix on that host itself.</source>
        <translation>%1 kann nur auf diesem Computer in Ordnung gebracht werden: Führen Sie mailtls fix auf jenem Host selbst aus.</translation>
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
    <name>SudoCommandHost</name>
    <message>
        <source>the login (LOGIN)</source>
        <translation>der Benutzer (LOGIN)</translation>
    </message>
    <message>
        <source>%1 is not installed on %2 (%3).</source>
        <translation>%1 ist auf %2 nicht installiert (%3).</translation>
    </message>
    <message>
        <source>sudo is not installed on %1, and MailTLS does not log in there as root. Install sudo on %1 and add the line below, or log in as root instead (%2).</source>
        <translation>sudo ist auf %1 nicht installiert, und MailTLS meldet sich dort nicht als root an. Installieren Sie sudo auf %1 und fügen Sie die Zeile unten hinzu, oder melden Sie sich stattdessen als root an (%2).</translation>
    </message>
    <message>
        <source>sudo on %1 refused to run the command without a password (it said: &quot;%2&quot;). MailTLS runs the fix&apos;s commands through sudo -n and never asks for a sudo password or keeps one.</source>
        <translation>sudo auf %1 hat sich geweigert, den Befehl ohne Passwort auszuführen (Meldung: „%2“). MailTLS führt die Befehle der Abhilfe über sudo -n aus und fragt nie nach einem sudo-Passwort, noch speichert es eines.</translation>
    </message>
    <message>
        <source>To let %1 run them as root without a password, add this line on %2 with &quot;visudo -f /etc/sudoers.d/mailtls&quot;:</source>
        <translation>Damit %1 sie ohne Passwort als root ausführen darf, fügen Sie diese Zeile auf %2 mit „visudo -f /etc/sudoers.d/mailtls“ hinzu:</translation>
    </message>
    <message>
        <source>The paths are Debian&apos;s and Ubuntu&apos;s; &quot;command -v PROGRAM&quot; on %1 shows where yours are. These programs can change any file as root: if that is more than you want to grant, log in as root instead (%2).</source>
        <translation>Die Pfade sind die von Debian und Ubuntu; „command -v PROGRAMM“ auf %1 zeigt, wo Ihre liegen. Diese Programme können als root jede Datei ändern: Wenn Ihnen das zu weit geht, melden Sie sich stattdessen als root an (%2).</translation>
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
    <message>
        <source>Cannot keep the probe of %1 in %2: %3</source>
        <translation>Die Prüfung von %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>Cannot read probes from %1: %2</source>
        <translation>Prüfungen können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the lines of source %1 from %2: %3</source>
        <translation>Die Zeilen der Quelle %1 können nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot read records of source %1 from %2: %3</source>
        <translation>Die Datensätze der Quelle %1 können nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot remove source %1 from %2: %3</source>
        <translation>Die Quelle %1 kann nicht aus %2 entfernt werden: %3</translation>
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
    <name>UnifiedDiff</name>
    <message>
        <source>%1 is too large to compare: %2 bytes, at most %3.</source>
        <translation>%1 ist zu groß für einen Vergleich: %2 Bytes, höchstens %3.</translation>
    </message>
    <message>
        <source>%1 has too many lines to compare: %2, at most %3.</source>
        <translation>%1 hat zu viele Zeilen für einen Vergleich: %2, höchstens %3.</translation>
    </message>
</context>
<context>
    <name>mailtls::AddressProbe</name>
    <message>
        <source>%1 (%2): rate-limited, try later; no more sessions to this address</source>
        <translation>%1 (%2): gedrosselt, später erneut versuchen; keine weiteren Sitzungen zu dieser Adresse</translation>
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
    <name>mailtls::CampaignBanner</name>
    <message>
        <source>Campaign window</source>
        <translation>Zeitfenster der Kampagne</translation>
    </message>
    <message>
        <source>&amp;End Now…</source>
        <translation>Jetzt &amp;beenden …</translation>
    </message>
    <message>
        <source>Put the settings from before the window back now, after asking</source>
        <translation>Die Einstellungen von vor dem Zeitfenster nach Rückfrage jetzt wiederherstellen</translation>
    </message>
    <message>
        <source>End the campaign&apos;s window now</source>
        <translation>Das Zeitfenster der Kampagne jetzt beenden</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>Hide this report</source>
        <translation>Diesen Bericht ausblenden</translation>
    </message>
    <message>
        <source>End the Window Now?</source>
        <translation>Zeitfenster jetzt beenden?</translation>
    </message>
    <message>
        <source>End campaign “%1” now? MailTLS puts the settings of %2 on %3 from before the window back and reloads it; mail without TLS is accepted and sent again, and deferred mail leaves the queue.</source>
        <translation>Kampagne „%1“ jetzt beenden? MailTLS stellt die Einstellungen von %2 auf %3 von vor dem Zeitfenster wieder her und lädt den Dienst neu; Mail ohne TLS wird wieder angenommen und versandt, und zurückgestellte Mail verlässt die Warteschlange.</translation>
    </message>
    <message>
        <source>End Now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Campaign “%1” ended: the settings from before the window are back.</source>
        <translation>Kampagne „%1“ beendet: Die Einstellungen von vor dem Zeitfenster sind wiederhergestellt.</translation>
    </message>
    <message>
        <source>Campaign “%1” reached its end: MailTLS put the settings from before the window back.</source>
        <translation>Kampagne „%1“ ist zu Ende: MailTLS hat die Einstellungen von vor dem Zeitfenster wiederhergestellt.</translation>
    </message>
    <message>
        <source>Campaign “%1” could not be ended: %2</source>
        <translation>Kampagne „%1“ konnte nicht beendet werden: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ending campaign “%1”&lt;/b&gt; on %2: %3…</source>
        <translation>&lt;b&gt;Kampagne „%1“ wird beendet&lt;/b&gt; (%2): %3 …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Campaign “%1” outlived its end&lt;/b&gt; at %2 UTC: nothing has recorded putting the previous settings back, so %3 may still require TLS. End it now.</source>
        <translation>&lt;b&gt;Kampagne „%1“ hätte um %2 UTC enden sollen&lt;/b&gt;: Es ist nicht verzeichnet, dass die vorherigen Einstellungen wiederhergestellt wurden, daher verlangt %3 möglicherweise noch TLS. Beenden Sie sie jetzt.</translation>
    </message>
    <message>
        <source>Mail from servers without TLS is refused (4xx/5xx); mail to them waits in the queue until the window ends.</source>
        <translation>Mail von Servern ohne TLS wird abgewiesen (4xx/5xx); Mail an sie wartet in der Warteschlange, bis das Zeitfenster endet.</translation>
    </message>
    <message>
        <source>Mail from servers without TLS is refused (4xx/5xx).</source>
        <translation>Mail von Servern ohne TLS wird abgewiesen (4xx/5xx).</translation>
    </message>
    <message>
        <source>Mail to servers without TLS waits in the queue until the window ends.</source>
        <translation>Mail an Server ohne TLS wartet in der Warteschlange, bis das Zeitfenster endet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mandatory STARTTLS&lt;/b&gt; (%1) on %2 until %3 UTC, %4 left. %5</source>
        <translation>&lt;b&gt;Verpflichtendes STARTTLS&lt;/b&gt; (%1) für %2 bis %3 UTC, noch %4. %5</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignLettersDialog</name>
    <message>
        <source>Letters of “%1”</source>
        <translation>Schreiben der Kampagne „%1“</translation>
    </message>
    <message>
        <source>postmaster@example.org</source>
        <translation>postmaster@example.org</translation>
    </message>
    <message>
        <source>The address the letters come from; replies go there</source>
        <translation>Die Absenderadresse der Schreiben; Antworten gehen dorthin</translation>
    </message>
    <message>
        <source>Your address</source>
        <translation>Ihre Adresse</translation>
    </message>
    <message>
        <source>Your name, as the letters are signed</source>
        <translation>Ihr Name, mit dem die Schreiben unterzeichnet werden</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Language of the letters</source>
        <translation>Sprache der Schreiben</translation>
    </message>
    <message>
        <source>&amp;Write Letters</source>
        <translation>Schreiben ers&amp;tellen</translation>
    </message>
    <message>
        <source>Write one letter to each correspondent of the peers not fixed yet</source>
        <translation>Ein Schreiben an jeden Korrespondenzpartner der noch nicht behobenen Gegenstellen erstellen</translation>
    </message>
    <message>
        <source>Your &amp;address:</source>
        <translation>Ihre &amp;Adresse:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Tick the letters to export; the chosen one is shown beside</source>
        <translation>Haken Sie die zu exportierenden Schreiben an; das ausgewählte wird daneben angezeigt</translation>
    </message>
    <message>
        <source>The letter exactly as it goes out</source>
        <translation>Das Schreiben genau so, wie es versandt wird</translation>
    </message>
    <message>
        <source>Export as .&amp;eml…</source>
        <translation>Als .&amp;eml exportieren …</translation>
    </message>
    <message>
        <source>One .eml file per ticked letter, into a folder; open them in your mail program to send</source>
        <translation>Eine .eml-Datei je angehaktem Schreiben, in einen Ordner; öffnen Sie sie zum Senden in Ihrem Mailprogramm</translation>
    </message>
    <message>
        <source>Export as &amp;mbox…</source>
        <translation>Als &amp;mbox exportieren …</translation>
    </message>
    <message>
        <source>The ticked letters in one mbox file, which mail programs import whole</source>
        <translation>Die angehakten Schreiben in einer mbox-Datei, die Mailprogramme als Ganzes importieren</translation>
    </message>
    <message>
        <source>Se&amp;nd…</source>
        <translation>Sen&amp;den …</translation>
    </message>
    <message>
        <source>Send the ticked letters through your own submission server, after asking</source>
        <translation>Die angehakten Schreiben nach Rückfrage über Ihren eigenen Einlieferungsserver senden</translation>
    </message>
    <message>
        <source>Open in Mail &amp;Program</source>
        <translation>Im &amp;Mailprogramm öffnen</translation>
    </message>
    <message>
        <source>Open the letter shown as a new message in your mail program, to review and send from there</source>
        <translation>Das angezeigte Schreiben als neue Nachricht in Ihrem Mailprogramm öffnen, um es dort zu prüfen und zu senden</translation>
    </message>
    <message>
        <source>Export Letters into Folder</source>
        <translation>Schreiben in Ordner exportieren</translation>
    </message>
    <message>
        <source>Export Letters as mbox</source>
        <translation>Schreiben als mbox exportieren</translation>
    </message>
    <message>
        <source>mbox files (*.mbox);;All files (*)</source>
        <translation>mbox-Dateien (*.mbox);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Writing the letters…</source>
        <translation>Die Schreiben werden erstellt …</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Betrifft %1</translation>
    </message>
    <message>
        <source>No letter to write: no peer that is not fixed has a known correspondent.</source>
        <translation>Kein Schreiben zu erstellen: Keine noch nicht behobene Gegenstelle hat einen bekannten Korrespondenzpartner.</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) written; nothing is sent until you choose Send and confirm.</source>
        <translation>
            <numerusform>%n Schreiben erstellt; es wird nichts gesendet, bevor Sie „Senden“ wählen und bestätigen.</numerusform>
            <numerusform>%n Schreiben erstellt; es wird nichts gesendet, bevor Sie „Senden“ wählen und bestätigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail program could be opened for %1. Export the letter as .eml instead, or send it from here.</source>
        <translation>Für %1 konnte kein Mailprogramm geöffnet werden. Exportieren Sie das Schreiben stattdessen als .eml, oder senden Sie es von hier.</translation>
    </message>
    <message>
        <source>The letter to %1 is open in your mail program; it is sent when you send it there.</source>
        <translation>Das Schreiben an %1 ist in Ihrem Mailprogramm geöffnet; es wird gesendet, wenn Sie es dort senden.</translation>
    </message>
    <message>
        <source>The letters went out but were not recorded: %1</source>
        <translation>Die Schreiben sind hinausgegangen, wurden aber nicht vermerkt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n letter(s)…</source>
        <translation>
            <numerusform>%n Schreiben wird exportiert …</numerusform>
            <numerusform>%n Schreiben werden exportiert …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) exported to %1; nothing was sent.</source>
        <translation>
            <numerusform>%n Schreiben nach %1 exportiert; es wurde nichts gesendet.</numerusform>
            <numerusform>%n Schreiben nach %1 exportiert; es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignListModel</name>
    <message>
        <source>Ended at this time; planned to end at %1 UTC</source>
        <translation>Zu diesem Zeitpunkt beendet; geplantes Ende %1 UTC</translation>
    </message>
    <message>
        <source>The planned end of the window</source>
        <translation>Das geplante Ende des Zeitfensters</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Richtungen</translation>
    </message>
    <message>
        <source>Window start (UTC)</source>
        <translation>Beginn des Zeitfensters (UTC)</translation>
    </message>
    <message>
        <source>Window end (UTC)</source>
        <translation>Ende des Zeitfensters (UTC)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignPage</name>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Noch keine Kampagnen</translation>
    </message>
    <message>
        <source>A campaign makes your mail server require STARTTLS for a few hours or days, then puts the previous settings back, and lists every server that could not send or receive your mail without TLS. You can write to those correspondents and watch here, over the following weeks, who fixed it.</source>
        <translation>Eine Kampagne lässt Ihren Mailserver für einige Stunden oder Tage STARTTLS verlangen, stellt danach die vorherigen Einstellungen wieder her und listet jeden Server auf, der ohne TLS keine Mail an Sie senden oder von Ihnen empfangen konnte. Sie können diesen Korrespondenzpartnern schreiben und hier in den folgenden Wochen verfolgen, wer das Problem behoben hat.</translation>
    </message>
    <message>
        <source>&amp;Start a Campaign…</source>
        <translation>Kampagne s&amp;tarten …</translation>
    </message>
    <message>
        <source>Choose the directions and the length, read what enforcing means, see the exact change, then start the window</source>
        <translation>Richtungen und Dauer wählen, lesen, was das Erzwingen bedeutet, die genaue Änderung ansehen, dann das Zeitfenster starten</translation>
    </message>
    <message>
        <source>Campaigns table</source>
        <translation>Tabelle der Kampagnen</translation>
    </message>
    <message>
        <source>Choose a campaign to see its failing peers</source>
        <translation>Wählen Sie eine Kampagne, um ihre gescheiterten Gegenstellen zu sehen</translation>
    </message>
    <message>
        <source>Each window of mandatory STARTTLS: the service and computer it changed, the directions that required TLS, when it ran, and whether it is still enforcing or who ended it.</source>
        <translation>Jedes Zeitfenster mit verpflichtendem STARTTLS: der Dienst und der Computer, die es geändert hat, die Richtungen, die TLS verlangt haben, wann es lief und ob es TLS noch erzwingt oder wer es beendet hat.</translation>
    </message>
    <message>
        <source>Failing peers table</source>
        <translation>Tabelle der gescheiterten Gegenstellen</translation>
    </message>
    <message>
        <source>P&amp;robe</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Ask the selected peer&apos;s mail servers what they offer now</source>
        <translation>Die Mailserver der ausgewählten Gegenstelle fragen, was sie jetzt anbieten</translation>
    </message>
    <message>
        <source>Re-&amp;probe Remaining</source>
        <translation>Übrige erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Probe every peer of this campaign that is not fixed yet: a peer whose servers now offer TLS is marked fixed</source>
        <translation>Jede noch nicht behobene Gegenstelle dieser Kampagne prüfen: Eine Gegenstelle, deren Server jetzt TLS anbieten, wird als behoben markiert</translation>
    </message>
    <message>
        <source>&amp;Letters…</source>
        <translation>&amp;Schreiben …</translation>
    </message>
    <message>
        <source>Write to the correspondents of the peers not fixed yet: see each letter as it would go out, export them as .eml files or an mbox, or send them through your submission server</source>
        <translation>Den Korrespondenzpartnern der noch nicht behobenen Gegenstellen schreiben: jedes Schreiben so ansehen, wie es versandt würde, die Schreiben als .eml-Dateien oder als mbox exportieren oder über Ihren Einlieferungsserver senden</translation>
    </message>
    <message>
        <source>Re-probe progress</source>
        <translation>Fortschritt der erneuten Prüfung</translation>
    </message>
    <message>
        <source>%v of %m probed</source>
        <translation>%v von %m geprüft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the re-probe; peers found fixed so far stay marked</source>
        <translation>Die erneute Prüfung anhalten; bis dahin als behoben erkannte Gegenstellen bleiben markiert</translation>
    </message>
    <message>
        <source>Failing peers</source>
        <translation>Gescheiterte Gegenstellen</translation>
    </message>
    <message>
        <source>Every peer that failed during the chosen campaign&apos;s window, one row per direction: whether it is still failing, was written to, was fixed (seen encrypted in the logs since, or confirmed by a re-probe) or is still plaintext; what failed, when, and who corresponds with it on both sides. Enter or a double-click opens the peer.</source>
        <translation>Jede Gegenstelle, die im Zeitfenster der gewählten Kampagne gescheitert ist, eine Zeile je Richtung: ob sie noch scheitert, angeschrieben wurde, behoben ist (seitdem verschlüsselt in den Protokollen gesehen oder durch eine erneute Prüfung bestätigt) oder noch unverschlüsselt ist; was gescheitert ist, wann, und wer auf beiden Seiten mit ihr korrespondiert. Die Eingabetaste oder ein Doppelklick öffnet die Gegenstelle.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>How many of the campaign&apos;s failing peers were fixed since the window started (solid), how many are not yet (hatched), and how many letters were sent (dashed).</source>
        <translation>Wie viele der gescheiterten Gegenstellen der Kampagne seit Beginn des Zeitfensters behoben wurden (durchgezogen), wie viele noch nicht (schraffiert) und wie viele Schreiben versandt wurden (gestrichelt).</translation>
    </message>
    <message>
        <source>The campaigns cannot be read: %1</source>
        <translation>Die Kampagnen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No peer failed during this window.</source>
        <translation>In diesem Zeitfenster ist keine Gegenstelle gescheitert.</translation>
    </message>
    <message>
        <source>The failing peers have not been gathered from the logs yet.</source>
        <translation>Die gescheiterten Gegenstellen wurden noch nicht aus den Protokollen ermittelt.</translation>
    </message>
    <message>
        <source>Campaign “%1”: %2</source>
        <translation>Kampagne „%1“: %2</translation>
    </message>
    <message>
        <source>A fix found by the re-probe could not be recorded: %1</source>
        <translation>Eine bei der erneuten Prüfung festgestellte Behebung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Re-probe cancelled after %n peer(s): %1 fixed, %2 still without TLS.</source>
        <translation>
            <numerusform>Erneute Prüfung nach %n Gegenstelle abgebrochen: %1 behoben, %2 weiterhin ohne TLS.</numerusform>
            <numerusform>Erneute Prüfung nach %n Gegenstellen abgebrochen: %1 behoben, %2 weiterhin ohne TLS.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-probed %n peer(s): %1 fixed, %2 still without TLS.</source>
        <translation>
            <numerusform>%n Gegenstelle erneut geprüft: %1 behoben, %2 weiterhin ohne TLS.</numerusform>
            <numerusform>%n Gegenstellen erneut geprüft: %1 behoben, %2 weiterhin ohne TLS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every peer of this campaign is fixed: there is nothing to re-probe.</source>
        <translation>Jede Gegenstelle dieser Kampagne ist behoben: Es gibt nichts erneut zu prüfen.</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignPeerModel</name>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fixed (UTC)</source>
        <translation>Behoben (UTC)</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>Was gescheitert ist</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>Our correspondents</source>
        <translation>Eigene Korrespondenzpartner</translation>
    </message>
    <message>
        <source>Their correspondents</source>
        <translation>Korrespondenzpartner der Gegenstelle</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignProgressChart</name>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Not fixed yet</source>
        <translation>Noch nicht behoben</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Versandte Schreiben</translation>
    </message>
    <message>
        <source>Days since the window started</source>
        <translation>Tage seit Beginn des Zeitfensters</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Fortschritt der Kampagne</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n letter(s) sent; over %2 days since the window started</source>
        <translation>
            <numerusform>%1; %n Schreiben versandt; über %2 Tage seit Beginn des Zeitfensters</numerusform>
            <numerusform>%1; %n Schreiben versandt; über %2 Tage seit Beginn des Zeitfensters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignSendDialog</name>
    <message numerus="yes">
        <source>Send %n Letter(s)</source>
        <translation>
            <numerusform>%n Schreiben senden</numerusform>
            <numerusform>%n Schreiben senden</numerusform>
        </translation>
    </message>
    <message>
        <source>mail.example.org</source>
        <translation>mail.example.org</translation>
    </message>
    <message>
        <source>Your own mail server&apos;s submission service, the one your mail program sends through</source>
        <translation>Der Einlieferungsdienst Ihres eigenen Mailservers, über den Ihr Mailprogramm sendet</translation>
    </message>
    <message>
        <source>STARTTLS, required</source>
        <translation>STARTTLS, erforderlich</translation>
    </message>
    <message>
        <source>TLS from the first byte</source>
        <translation>TLS ab dem ersten Byte</translation>
    </message>
    <message>
        <source>From the keychain, or type it</source>
        <translation>Aus dem Schlüsselbund, oder geben Sie es ein</translation>
    </message>
    <message>
        <source>&amp;Keep the password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source>At most this many letters begin in any minute</source>
        <translation>Höchstens so viele Schreiben werden je Minute begonnen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>S&amp;icherheit:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>%v of %m sent</source>
        <translation>%v von %m gesendet</translation>
    </message>
    <message>
        <source>What the server answered</source>
        <translation>Was der Server geantwortet hat</translation>
    </message>
    <message>
        <source>Nothing is sent until you confirm.</source>
        <translation>Es wird nichts gesendet, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Versenden …</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Send no further letter; one on its way finishes</source>
        <translation>Keine weiteren Schreiben senden; ein gerade laufendes wird noch zu Ende übertragen</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Senden an %1 …</translation>
    </message>
    <message>
        <source>%1: sent (%2)</source>
        <translation>%1: gesendet (%2)</translation>
    </message>
    <message>
        <source>  not recorded: %1</source>
        <translation>  nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1: not sent: %2</source>
        <translation>%1: nicht gesendet: %2</translation>
    </message>
    <message>
        <source>%1 sent, %2 not sent, %3 not tried.</source>
        <translation>%1 gesendet, %2 nicht gesendet, %3 nicht versucht.</translation>
    </message>
    <message>
        <source>Send the Letters?</source>
        <translation>Schreiben versenden?</translation>
    </message>
    <message numerus="yes">
        <source>Send %n letter(s) through %1 to: %2?</source>
        <translation>
            <numerusform>%n Schreiben über %1 versenden an: %2?</numerusform>
            <numerusform>%n Schreiben über %1 versenden an: %2?</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>The letters cannot be recorded, so none is sent: %1</source>
        <translation>Die Schreiben können nicht gespeichert werden, daher wird keines gesendet: %1</translation>
    </message>
    <message>
        <source>The password was not kept in the keychain: %1</source>
        <translation>Das Passwort wurde nicht im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignStartDialog</name>
    <message>
        <source>Start a Campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message>
        <source>&amp;Inbound: refuse mail from servers that do not use STARTTLS</source>
        <translation>&amp;Eingehend: Mail von Servern abweisen, die kein STARTTLS verwenden</translation>
    </message>
    <message>
        <source>&amp;Outbound: hold mail to servers that do not offer STARTTLS</source>
        <translation>&amp;Ausgehend: Mail an Server zurückhalten, die kein STARTTLS anbieten</translation>
    </message>
    <message>
        <source>Length of the window</source>
        <translation>Dauer des Zeitfensters</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Unit of the window&apos;s length</source>
        <translation>Einheit der Dauer des Zeitfensters</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Kampagne %1</translation>
    </message>
    <message>
        <source>This computer, or ssh://user@host:port</source>
        <translation>Dieser Computer oder ssh://user@host:port</translation>
    </message>
    <message>
        <source>Peers that used plaintext and will be affected</source>
        <translation>Gegenstellen, die unverschlüsselt kommuniziert haben und betroffen sein werden</translation>
    </message>
    <message>
        <source>Directions:</source>
        <translation>Richtungen:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Computer:</source>
        <translation>&amp;Computer:</translation>
    </message>
    <message>
        <source>Peers that used plaintext in these directions in the last 30 days:</source>
        <translation>Gegenstellen, die in den letzten 30 Tagen in diesen Richtungen unverschlüsselt kommuniziert haben:</translation>
    </message>
    <message>
        <source>This change is made for the window:</source>
        <translation>Diese Änderung wird für das Zeitfenster vorgenommen:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Prepare…</source>
        <translation>&amp;Vorbereiten …</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>Choose at least one direction.</source>
        <translation>Wählen Sie mindestens eine Richtung.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>None: the store saw no plaintext mail in these directions.</source>
        <translation>Keine: Die Datenbank hat in diesen Richtungen keine unverschlüsselte Mail verzeichnet.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 of %4 messages in plaintext</source>
        <translation>%1 (%2): %3 von %4 Nachrichten unverschlüsselt</translation>
    </message>
    <message>
        <source>Before anything is written, a job is scheduled on the mail host that puts these settings back after %1, even if MailTLS is not running then; MailTLS removes it when it ends the window first.</source>
        <translation>Bevor etwas geschrieben wird, wird auf dem Mail-Host ein Auftrag eingeplant, der diese Einstellungen nach %1 zurücksetzt, auch wenn MailTLS dann nicht läuft; beendet MailTLS das Zeitfenster vorher, entfernt es den Auftrag.</translation>
    </message>
    <message>
        <source>Campaign “%1” started; it ends at %2 UTC. The job that ends it on the mail host: %3.</source>
        <translation>Kampagne „%1“ gestartet; sie endet um %2 UTC. Der Auftrag auf dem Mail-Host, der sie beendet: %3.</translation>
    </message>
    <message>
        <source>&amp;Start Window</source>
        <translation>Zeitfenster &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Exim (Debian&apos;s configuration)</source>
        <translation>Exim (Konfiguration von Debian)</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Leave empty for the mail server of this computer; a host over SSH is changed through sudo -n, as Fix My Server does</source>
        <translation>Leer lassen für den Mailserver dieses Computers; ein Host über SSH wird über sudo -n geändert, wie bei „Meinen Server in Ordnung bringen“</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Mail&amp;server:</translation>
    </message>
    <message>
        <source>Configuration &amp;folder:</source>
        <translation>Konfigurations&amp;ordner:</translation>
    </message>
    <message>
        <source>The change to the mail server&apos;s configuration</source>
        <translation>Die Änderung an der Konfiguration des Mailservers</translation>
    </message>
    <message>
        <source>Reading %1&apos;s configuration…</source>
        <translation>Die Konfiguration von %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Scheduling the job that ends the window, then changing %1…</source>
        <translation>Der Auftrag, der das Zeitfenster beendet, wird eingeplant, danach wird %1 geändert …</translation>
    </message>
</context>
<context>
    <name>mailtls::CampaignWindow</name>
    <message>
        <source>inbound and outbound</source>
        <translation>eingehend und ausgehend</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>A window of mandatory STARTTLS breaks a rule on purpose, for a short while: RFC 3207 says that a publicly referenced SMTP server must not require STARTTLS. While the window runs:</source>
        <translation>Ein Zeitfenster mit verpflichtendem STARTTLS bricht absichtlich und für kurze Zeit eine Regel: Nach RFC 3207 darf ein öffentlich referenzierter SMTP-Server STARTTLS nicht verlangen. Solange das Zeitfenster läuft:</translation>
    </message>
    <message>
        <source>- inbound: mail from servers that do not use STARTTLS is refused (Postfix answers 530 5.7.0 Must issue a STARTTLS command first). Most senders keep it and try again later (a 4xx-like retry), some return it to their sender at once (5xx): that mail is not delivered to you.</source>
        <translation>- eingehend: Mail von Servern, die kein STARTTLS verwenden, wird abgewiesen (Postfix antwortet 530 5.7.0 Must issue a STARTTLS command first). Die meisten sendenden Server behalten sie und versuchen es später erneut (wie nach einer 4xx-Antwort), manche schicken sie sofort an ihren Absender zurück (5xx): Diese Mail wird Ihnen nicht zugestellt.</translation>
    </message>
    <message>
        <source>- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in Postfix&apos;s queue and goes out when the window has ended (unless it grows older than maximal_queue_lifetime, 5 days by default).</source>
        <translation>- ausgehend: Mail an Server, die kein STARTTLS anbieten, wird zurückgestellt, nicht verloren: Sie wartet in der Warteschlange von Postfix und wird versandt, wenn das Zeitfenster geendet hat (sofern sie nicht älter als maximal_queue_lifetime wird, Vorgabe 5 Tage).</translation>
    </message>
    <message>
        <source>The window always ends: a job on the mail host puts the previous settings back at its end even when MailTLS is not running.</source>
        <translation>Das Zeitfenster endet in jedem Fall: Ein Auftrag auf dem Mail-Host stellt an seinem Ende die vorherigen Einstellungen wieder her, auch wenn MailTLS nicht läuft.</translation>
    </message>
    <message>
        <source>the campaign store %1: %2</source>
        <translation>die Kampagnendatenbank %1: %2</translation>
    </message>
    <message>
        <source>campaign %1&apos;s window is on this computer</source>
        <translation>das Zeitfenster der Kampagne %1 liegt auf diesem Computer</translation>
    </message>
    <message>
        <source>campaign %1&apos;s window is on %2: give --host %2</source>
        <translation>das Zeitfenster der Kampagne %1 liegt auf %2: Geben Sie --host %2 an</translation>
    </message>
    <message>
        <source>the plan could not be started (another change is being applied)</source>
        <translation>der Plan konnte nicht gestartet werden (eine andere Änderung wird gerade angewendet)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>there is no %1</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>there is no plan to start a window with</source>
        <translation>es gibt keinen Plan, mit dem sich ein Zeitfenster starten ließe</translation>
    </message>
    <message>
        <source>a window lasts from one minute to 30 days</source>
        <translation>ein Zeitfenster dauert zwischen einer Minute und 30 Tagen</translation>
    </message>
    <message>
        <source>campaign %1&apos;s window runs until %2: end it first (mailtls campaign end)</source>
        <translation>das Zeitfenster der Kampagne %1 läuft bis %2: Beenden Sie es zuerst (mailtls campaign end)</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Kampagne %1</translation>
    </message>
    <message>
        <source>%1. The window was not started: nothing was changed.</source>
        <translation>%1. Das Zeitfenster wurde nicht gestartet: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>the %1 step failed: %2. The window was not started; the previous configuration is in place.</source>
        <translation>der Schritt %1 ist fehlgeschlagen: %2. Das Zeitfenster wurde nicht gestartet; die vorherige Konfiguration ist in Kraft.</translation>
    </message>
    <message>
        <source>campaign %1&apos;s window ended already, at %2</source>
        <translation>das Zeitfenster der Kampagne %1 ist bereits um %2 zu Ende gegangen</translation>
    </message>
    <message>
        <source>The host&apos;s job ran at %1 but did not end the window: %2</source>
        <translation>Der Auftrag auf dem Host lief um %1, hat das Zeitfenster aber nicht beendet: %2</translation>
    </message>
    <message>
        <source>cannot inspect Postfix: %1</source>
        <translation>Postfix kann nicht untersucht werden: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Nothing had been written for this window.</source>
        <translation>Für dieses Zeitfenster war nichts geschrieben worden.</translation>
    </message>
    <message>
        <source>the window&apos;s backup %1: %2</source>
        <translation>die Sicherung %1 des Zeitfensters: %2</translation>
    </message>
    <message>
        <source>the window&apos;s backup %1 holds no copy of %2</source>
        <translation>die Sicherung %1 des Zeitfensters enthält keine Kopie von %2</translation>
    </message>
    <message>
        <source>%1 holds its settings from before the window already.</source>
        <translation>%1 enthält bereits die Einstellungen von vor dem Zeitfenster.</translation>
    </message>
    <message>
        <source>cannot put backup %1 back: %2</source>
        <translation>die Sicherung %1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>%1 was changed during the window: it is not overwritten; only the window&apos;s settings are put back.</source>
        <translation>%1 wurde während des Zeitfensters geändert: Die Datei wird nicht überschrieben; nur die Einstellungen des Zeitfensters werden zurückgenommen.</translation>
    </message>
    <message>
        <source>The window&apos;s settings are no longer in %1.</source>
        <translation>Die Einstellungen des Zeitfensters stehen nicht mehr in %1.</translation>
    </message>
    <message>
        <source>the %1 step failed: %2. The window still runs; the revert job %3 ends it at %4.</source>
        <translation>der Schritt %1 ist fehlgeschlagen: %2. Das Zeitfenster läuft weiter; der Rücksetzauftrag %3 beendet es um %4.</translation>
    </message>
    <message>
        <source>Campaign %1&apos;s window (%2) cannot be checked: %3</source>
        <translation>Das Zeitfenster der Kampagne %1 (%2) kann nicht überprüft werden: %3</translation>
    </message>
    <message>
        <source>Campaign %1&apos;s window was ended by the host&apos;s job at %2.</source>
        <translation>Das Zeitfenster der Kampagne %1 wurde um %2 vom Auftrag auf dem Host beendet.</translation>
    </message>
    <message>
        <source>Campaign %1&apos;s window outlived its end at %2: the host&apos;s job has not ended it.</source>
        <translation>Das Zeitfenster der Kampagne %1 läuft über sein Ende um %2 hinaus: Der Auftrag auf dem Host hat es nicht beendet.</translation>
    </message>
    <message>
        <source>MailTLS ended it now.</source>
        <translation>MailTLS hat es jetzt beendet.</translation>
    </message>
    <message>
        <source>Campaign %1 requires TLS (%2) until %3.</source>
        <translation>Kampagne %1 verlangt TLS (%2) bis %3.</translation>
    </message>
    <message>
        <source>The host&apos;s job %1 ends it then if MailTLS does not.</source>
        <translation>Der Auftrag %1 auf dem Host beendet das Zeitfenster dann, falls MailTLS es nicht tut.</translation>
    </message>
    <message>
        <source>Its revert job %1 is no longer scheduled on the host: end the window yourself (mailtls campaign end) or keep MailTLS running until then.</source>
        <translation>Der zugehörige Rücksetzauftrag %1 ist auf dem Host nicht mehr eingeplant: Beenden Sie das Zeitfenster selbst (mailtls campaign end) oder lassen Sie MailTLS bis dahin laufen.</translation>
    </message>
    <message>
        <source>Whether its revert job %1 is still scheduled cannot be told: %2</source>
        <translation>Ob der zugehörige Rücksetzauftrag %1 noch eingeplant ist, lässt sich nicht feststellen: %2</translation>
    </message>
    <message>
        <source>- inbound: servers that do not use STARTTLS are asked to try again later (Exim answers 450 TLS required at RCPT); they keep the mail and try again, usually for some days. Mail to postmaster and from your own clients is still accepted.</source>
        <translation>- eingehend: Server, die kein STARTTLS verwenden, werden gebeten, es später erneut zu versuchen (Exim antwortet bei RCPT 450 TLS required); sie behalten die Mail und versuchen es erneut, meist einige Tage lang. Mail an postmaster und von Ihren eigenen Clients wird weiter angenommen.</translation>
    </message>
    <message>
        <source>- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in Exim&apos;s queue and goes out when the window has ended (unless its retry rules give up first: 4 days in Debian&apos;s configuration).</source>
        <translation>- ausgehend: Mail an Server, die kein STARTTLS anbieten, wird zurückgestellt, nicht verloren: Sie wartet in der Warteschlange von Exim und wird versandt, wenn das Zeitfenster geendet hat (sofern die Wiederholungsregeln nicht vorher aufgeben: 4 Tage in der Konfiguration von Debian).</translation>
    </message>
    <message>
        <source>the %1 step failed and not everything could be put back (backup %2): %3. The revert job %4 stays scheduled and puts the previous configuration back at %5.</source>
        <translation>der Schritt %1 ist fehlgeschlagen, und nicht alles konnte wiederhergestellt werden (Sicherung %2): %3. Der Rücksetzauftrag %4 bleibt eingeplant und stellt um %5 die vorherige Konfiguration wieder her.</translation>
    </message>
    <message>
        <source>the revert job %1 could not be removed: %2. When it runs it finds the configuration as it was and leaves it alone.</source>
        <translation>der Rücksetzauftrag %1 konnte nicht entfernt werden: %2. Wenn er läuft, findet er die Konfiguration unverändert vor und lässt sie in Ruhe.</translation>
    </message>
    <message>
        <source>cannot inspect Exim: %1</source>
        <translation>Exim kann nicht untersucht werden: %1</translation>
    </message>
    <message>
        <source>MailTLS stopped while it started this window, before it recorded the window&apos;s backup, and %1 holds the window&apos;s settings now. The revert job %2 takes them out at %3; to end it sooner, put the newest backup back with mailtls fix --restore</source>
        <translation>MailTLS wurde beim Starten dieses Zeitfensters beendet, bevor es die Sicherung des Zeitfensters gespeichert hatte, und %1 enthält jetzt die Einstellungen des Zeitfensters. Der Rücksetzauftrag %2 entfernt sie um %3; um das Zeitfenster früher zu beenden, stellen Sie die neueste Sicherung mit mailtls fix --restore wieder her</translation>
    </message>
    <message>
        <source>%1 was changed during the window: it is not overwritten; only the window&apos;s lines are taken out.</source>
        <translation>%1 wurde während des Zeitfensters geändert: Die Datei wird nicht überschrieben; nur die Zeilen des Zeitfensters werden entfernt.</translation>
    </message>
    <message>
        <source>the revert job %1 could not be removed: %2. When it runs it finds the configuration as it was before the window and only reloads %3.</source>
        <translation>der Rücksetzauftrag %1 konnte nicht entfernt werden: %2. Wenn er läuft, findet er die Konfiguration im Zustand vor dem Zeitfenster vor und lädt nur %3 neu.</translation>
    </message>
    <message>
        <source>MailTLS could not end it: %1. %2 may still require TLS.</source>
        <translation>MailTLS konnte es nicht beenden: %1. %2 verlangt möglicherweise noch TLS.</translation>
    </message>
    <message>
        <source>- inbound: servers that do not use STARTTLS are asked to try again later (Sendmail answers 454 4.7.0 STARTTLS required for now); they keep the mail and try again, usually for some days. Mail to postmaster, from this host and from clients that log in is still accepted.</source>
        <translation>- eingehend: Server, die kein STARTTLS verwenden, werden gebeten, es später erneut zu versuchen (Sendmail antwortet 454 4.7.0 STARTTLS required for now); sie behalten die Mail und versuchen es erneut, meist einige Tage lang. Mail an postmaster, von diesem Host und von Clients, die sich anmelden, wird weiter angenommen.</translation>
    </message>
    <message>
        <source>- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in Sendmail&apos;s queue and goes out after the window (senders are warned after 4 hours and the mail returns after 5 days in Debian&apos;s configuration).</source>
        <translation>- ausgehend: Mail an Server, die kein STARTTLS anbieten, wird zurückgestellt, nicht verloren: Sie wartet in der Warteschlange von Sendmail und wird nach dem Zeitfenster versandt (in der Konfiguration von Debian werden Absender nach 4 Stunden gewarnt, und nach 5 Tagen geht die Mail zurück).</translation>
    </message>
    <message>
        <source>cannot inspect Sendmail: %1</source>
        <translation>Sendmail kann nicht untersucht werden: %1</translation>
    </message>
</context>
<context>
    <name>mailtls::CommandFileAccess</name>
    <message>
        <source>%1 is not an absolute path</source>
        <translation>%1 ist kein absoluter Pfad</translation>
    </message>
    <message>
        <source>the path %1 has a line break or a NUL in it</source>
        <translation>der Pfad %1 enthält einen Zeilenumbruch oder ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>%1 could not be run on %2: %3</source>
        <translation>%1 konnte auf %2 nicht ausgeführt werden: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish on %2 within %n second(s)</source>
        <translation>
            <numerusform>%1 wurde auf %2 nicht innerhalb von %n Sekunde beendet</numerusform>
            <numerusform>%1 wurde auf %2 nicht innerhalb von %n Sekunden beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ended with exit status %2 on %3</source>
        <translation>%1 endete auf %3 mit Exit-Status %2</translation>
    </message>
    <message>
        <source>%1 changed after the plan was made</source>
        <translation>%1 hat sich geändert, nachdem der Plan erstellt wurde</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; on %2 MailTLS replaces files only where they are: name the file it points to instead</source>
        <translation>%1 ist ein symbolischer Link; auf %2 ersetzt MailTLS Dateien nur dort, wo sie liegen: Geben Sie stattdessen die Datei an, auf die er zeigt</translation>
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
    <name>mailtls::DhGenerator</name>
    <message>
        <source>OpenSSL could not generate a %1-bit DH group: %2</source>
        <translation>OpenSSL konnte keine %1-Bit-DH-Gruppe erzeugen: %2</translation>
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
    <name>mailtls::DnsQuery</name>
    <message>
        <source>the system&apos;s DNS resolver</source>
        <translation>DNS-Resolver des Systems</translation>
    </message>
    <message>
        <source>DNS server %1</source>
        <translation>DNS-Server %1</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>keine Antwort innerhalb von %2 s (%1)</translation>
    </message>
    <message>
        <source>%1 refused to answer for %2 (%3)</source>
        <translation>%1 hat die Antwort für %2 (%3) verweigert</translation>
    </message>
    <message>
        <source>%1 reported a server failure for %2 (%3)</source>
        <translation>%1 meldet einen Serverfehler für %2 (%3)</translation>
    </message>
    <message>
        <source>%1 does not exist (NXDOMAIN)</source>
        <translation>%1 existiert nicht (NXDOMAIN)</translation>
    </message>
    <message>
        <source>the DNS look-up of %1 (%2) failed: %3</source>
        <translation>die DNS-Abfrage von %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>mailtls::DovecotInspection</name>
    <message>
        <source>doveconf was not found on this computer: is Dovecot installed? (looked on PATH and in %1)</source>
        <translation>doveconf wurde auf diesem Computer nicht gefunden: Ist Dovecot installiert? (gesucht in PATH und in %1)</translation>
    </message>
    <message>
        <source>doveconf was not found on this computer: is Dovecot installed? (looked in %1)</source>
        <translation>doveconf wurde auf diesem Computer nicht gefunden: Ist Dovecot installiert? (gesucht in %1)</translation>
    </message>
    <message>
        <source>there is no dovecot.conf in %1</source>
        <translation>in %1 gibt es keine dovecot.conf</translation>
    </message>
    <message>
        <source>The inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>doveconf could not be run: %1</source>
        <translation>doveconf konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>doveconf refused the configuration (%1 -h %2, exit status %3): %4</source>
        <translation>doveconf hat die Konfiguration abgelehnt (%1 -h %2, Exit-Status %3): %4</translation>
    </message>
    <message>
        <source>%1 does not exist: Dovecot is not running</source>
        <translation>%1 existiert nicht: Dovecot läuft nicht</translation>
    </message>
    <message>
        <source>%1 cannot be read: run MailTLS as root to tell whether Dovecot runs</source>
        <translation>%1 kann nicht gelesen werden: Führen Sie MailTLS als root aus, um festzustellen, ob Dovecot läuft</translation>
    </message>
    <message>
        <source>pgrep was not found: whether Dovecot runs cannot be told</source>
        <translation>pgrep wurde nicht gefunden: Ob Dovecot läuft, lässt sich nicht feststellen</translation>
    </message>
    <message>
        <source>Dovecot runs (master process %1)</source>
        <translation>Dovecot läuft (Master-Prozess %1)</translation>
    </message>
    <message>
        <source>no dovecot process has the number in %1: Dovecot is not running</source>
        <translation>kein dovecot-Prozess hat die Nummer in %1: Dovecot läuft nicht</translation>
    </message>
    <message>
        <source>pgrep -F %1: exit status %2 (%3)</source>
        <translation>pgrep -F %1: Exit-Status %2 (%3)</translation>
    </message>
    <message>
        <source>There is no host to inspect Dovecot on.</source>
        <translation>Es gibt keinen Host, auf dem Dovecot untersucht werden kann.</translation>
    </message>
    <message>
        <source>%1 is not an absolute path: on another host the configuration folder is named in full</source>
        <translation>%1 ist kein absoluter Pfad: Auf einem anderen Host wird der Konfigurationsordner vollständig angegeben</translation>
    </message>
    <message>
        <source>doveconf was not found on %1: is Dovecot installed? (looked in %2)</source>
        <translation>doveconf wurde auf %1 nicht gefunden: Ist Dovecot installiert? (gesucht in %2)</translation>
    </message>
    <message>
        <source>there is no dovecot.conf in %1 on %2</source>
        <translation>in %1 auf %2 gibt es keine dovecot.conf</translation>
    </message>
</context>
<context>
    <name>mailtls::EximInspection</name>
    <message>
        <source>there is no folder or file %1</source>
        <translation>den Ordner oder die Datei %1 gibt es nicht</translation>
    </message>
    <message>
        <source>there is no Exim configuration in %1 (no exim4.conf or exim.conf, and no Debian update-exim4.conf.conf)</source>
        <translation>in %1 gibt es keine Exim-Konfiguration (keine exim4.conf oder exim.conf und keine update-exim4.conf.conf von Debian)</translation>
    </message>
    <message>
        <source>%1 is laid out like Debian&apos;s /etc/exim4, but update-exim4.conf reads /etc/exim4 only</source>
        <translation>%1 ist wie /etc/exim4 von Debian aufgebaut, aber update-exim4.conf liest nur /etc/exim4</translation>
    </message>
    <message>
        <source>update-exim4.conf was not found, though %1 is Debian&apos;s: is exim4-config installed?</source>
        <translation>update-exim4.conf wurde nicht gefunden, obwohl %1 von Debian stammt: Ist exim4-config installiert?</translation>
    </message>
    <message>
        <source>%1 is missing: Debian&apos;s configuration is incomplete</source>
        <translation>%1 fehlt: Die Debian-Konfiguration ist unvollständig</translation>
    </message>
    <message>
        <source>The inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>Exim refuses its configuration: %1</source>
        <translation>Exim lehnt seine Konfiguration ab: %1</translation>
    </message>
    <message>
        <source>exim -bV failed (exit status %1): %2</source>
        <translation>exim -bV ist fehlgeschlagen (Exit-Status %1): %2</translation>
    </message>
    <message>
        <source>exim -bP failed (exit status %1): %2</source>
        <translation>exim -bP ist fehlgeschlagen (Exit-Status %1): %2</translation>
    </message>
    <message>
        <source>no service manager or start-stop-daemon to ask whether Exim runs</source>
        <translation>kein Dienstverwalter und kein start-stop-daemon, um zu fragen, ob Exim läuft</translation>
    </message>
    <message>
        <source>%1: exit status %2</source>
        <translation>%1: Exit-Status %2</translation>
    </message>
    <message>
        <source>%1: exit status %2 (%3)</source>
        <translation>%1: Exit-Status %2 (%3)</translation>
    </message>
    <message>
        <source>There is no host to inspect Exim on.</source>
        <translation>Es gibt keinen Host, auf dem Exim untersucht werden kann.</translation>
    </message>
    <message>
        <source>%1 is not an absolute path: on another host the configuration folder is named in full</source>
        <translation>%1 ist kein absoluter Pfad: Auf einem anderen Host wird der Konfigurationsordner vollständig angegeben</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>neither exim4 nor exim was found on %1: is Exim installed?</source>
        <translation>weder exim4 noch exim wurde auf %1 gefunden: Ist Exim installiert?</translation>
    </message>
    <message>
        <source>neither exim4 nor exim was found on %1: is Exim installed? (looked in %2)</source>
        <translation>weder exim4 noch exim wurde auf %1 gefunden: Ist Exim installiert? (gesucht in %2)</translation>
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
    <name>mailtls::FindingsView</name>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Finding details</source>
        <translation>Details zum Befund</translation>
    </message>
    <message>
        <source>The selected finding: the evidence the probe saw and what the server&apos;s admin can do</source>
        <translation>Der ausgewählte Befund: der Nachweis, den die Prüfung gesehen hat, und was der Administrator des Servers tun kann</translation>
    </message>
    <message>
        <source>Select a finding for its evidence and advice.</source>
        <translation>Wählen Sie einen Befund aus, um Nachweis und Empfehlung zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy finding</source>
        <translation>Befund kopieren</translation>
    </message>
    <message>
        <source>Copy this finding, its evidence and advice, e.g. to write to the server&apos;s admin</source>
        <translation>Diesen Befund mit Nachweis und Empfehlung kopieren, z. B. um dem Administrator des Servers zu schreiben</translation>
    </message>
    <message>
        <source>&amp;Fix on This Computer…</source>
        <translation>Auf diesem Computer be&amp;heben …</translation>
    </message>
    <message>
        <source>This server is this computer: open Fix My Server with the change that fixes this finding</source>
        <translation>Dieser Server ist dieser Computer: „Meinen Server in Ordnung bringen“ mit der Änderung öffnen, die diesen Befund behebt</translation>
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
    <name>mailtls::FixApplyPage</name>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply status</source>
        <translation>Status der Anwendung</translation>
    </message>
    <message>
        <source>Steps of the change</source>
        <translation>Schritte der Änderung</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Applying: %1…</source>
        <translation>Anwenden: %1 …</translation>
    </message>
    <message>
        <source>The change could not be started.</source>
        <translation>Die Änderung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>The change did not go through: see the steps below.</source>
        <translation>Die Änderung wurde nicht durchgeführt: Siehe die Schritte unten.</translation>
    </message>
</context>
<context>
    <name>mailtls::FixChoosePage</name>
    <message>
        <source>&amp;Logjam: replace a weak Diffie-Hellman group</source>
        <translation>&amp;Logjam: eine schwache Diffie-Hellman-Gruppe ersetzen</translation>
    </message>
    <message>
        <source>Turn &amp;STARTTLS on</source>
        <translation>&amp;STARTTLS einschalten</translation>
    </message>
    <message>
        <source>Turn TLS &amp;logging on</source>
        <translation>TLS-&amp;Protokollierung einschalten</translation>
    </message>
    <message>
        <source>Choose a fix</source>
        <translation>Abhilfe auswählen</translation>
    </message>
    <message>
        <source>Every change is shown before anything is written.</source>
        <translation>Jede Änderung wird angezeigt, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <source>Logjam fix</source>
        <translation>Abhilfe für Logjam</translation>
    </message>
    <message>
        <source>Turn STARTTLS on</source>
        <translation>STARTTLS einschalten</translation>
    </message>
    <message>
        <source>Turn TLS logging on</source>
        <translation>TLS-Protokollierung einschalten</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>The server&apos;s certificate chain</source>
        <translation>Die Zertifikatskette des Servers</translation>
    </message>
    <message>
        <source>&amp;Certificate (PEM):</source>
        <translation>Z&amp;ertifikat (PEM):</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key</source>
        <translation>Der private Schlüssel des Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Key (PEM):</source>
        <translation>Sc&amp;hlüssel (PEM):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Use a strong published group, OpenSSL&apos;s own choice or a group of its own.</source>
        <translation>Eine starke veröffentlichte Gruppe, die eigene Wahl von OpenSSL oder eine eigene Gruppe verwenden.</translation>
    </message>
    <message>
        <source>Nothing to change: the Diffie-Hellman group in use is already strong.</source>
        <translation>Nichts zu ändern: Die verwendete Diffie-Hellman-Gruppe ist bereits stark.</translation>
    </message>
    <message>
        <source>Offer STARTTLS and use it for outgoing mail; the certificate files are optional (the server has one).</source>
        <translation>STARTTLS anbieten und für ausgehende Mail verwenden; die Zertifikatsdateien sind optional (der Server hat bereits ein Zertifikat).</translation>
    </message>
    <message>
        <source>Offer STARTTLS and use it for outgoing mail; name the certificate and key.</source>
        <translation>STARTTLS anbieten und für ausgehende Mail verwenden; Zertifikat und Schlüssel angeben.</translation>
    </message>
    <message>
        <source>Nothing to change: STARTTLS is offered and used for outgoing mail already.</source>
        <translation>Nichts zu ändern: STARTTLS wird bereits angeboten und für ausgehende Mail verwendet.</translation>
    </message>
    <message>
        <source>Log each TLS session, so that the dashboard can tell encrypted from plaintext mail.</source>
        <translation>Jede TLS-Sitzung protokollieren, damit das Dashboard verschlüsselte Mail von Klartext-Mail unterscheiden kann.</translation>
    </message>
    <message>
        <source>Nothing to change: TLS sessions are logged already.</source>
        <translation>Nichts zu ändern: TLS-Sitzungen werden bereits protokolliert.</translation>
    </message>
    <message>
        <source>%1: choose a file</source>
        <translation>%1: Datei auswählen</translation>
    </message>
    <message>
        <source>Working out what this fix changes …</source>
        <translation>Es wird ermittelt, was diese Abhilfe ändert …</translation>
    </message>
    <message>
        <source>Not a setting of %1.</source>
        <translation>Keine Einstellung von %1.</translation>
    </message>
</context>
<context>
    <name>mailtls::FixDhPage</name>
    <message>
        <source>A published &amp;RFC 7919 group:</source>
        <translation>Eine veröffentlichte Gruppe nach &amp;RFC 7919:</translation>
    </message>
    <message>
        <source>&amp;Automatic: OpenSSL chooses a published group of matching size</source>
        <translation>&amp;Automatisch: OpenSSL wählt eine veröffentlichte Gruppe passender Größe</translation>
    </message>
    <message>
        <source>&amp;Generate a group of its own:</source>
        <translation>&amp;Eigene Gruppe erzeugen:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation>Erzeugung abbrechen</translation>
    </message>
    <message>
        <source>Diffie-Hellman parameters</source>
        <translation>Diffie-Hellman-Parameter</translation>
    </message>
    <message>
        <source>internet.nl and testssl.sh accept an RFC 7919 group of 3072 bits or more, OpenSSL&apos;s automatic choice, and a group of its own of at least 2048 bits.</source>
        <translation>internet.nl und testssl.sh akzeptieren eine Gruppe nach RFC 7919 mit 3072 Bit oder mehr, die automatische Wahl von OpenSSL und eine eigene Gruppe mit mindestens 2048 Bit.</translation>
    </message>
    <message>
        <source>Use an RFC 7919 group</source>
        <translation>Eine Gruppe nach RFC 7919 verwenden</translation>
    </message>
    <message>
        <source>RFC 7919 group</source>
        <translation>Gruppe nach RFC 7919</translation>
    </message>
    <message>
        <source>Let OpenSSL choose the group</source>
        <translation>OpenSSL die Gruppe wählen lassen</translation>
    </message>
    <message>
        <source>Generate a group of its own</source>
        <translation>Eine eigene Gruppe erzeugen</translation>
    </message>
    <message>
        <source>Size of the generated group</source>
        <translation>Größe der erzeugten Gruppe</translation>
    </message>
    <message>
        <source>Generate the group</source>
        <translation>Die Gruppe erzeugen</translation>
    </message>
    <message>
        <source>Cancel the generation</source>
        <translation>Die Erzeugung abbrechen</translation>
    </message>
    <message>
        <source>Generation progress</source>
        <translation>Fortschritt der Erzeugung</translation>
    </message>
    <message>
        <source>Generation status</source>
        <translation>Status der Erzeugung</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>Searching for a safe prime: %1 candidates tried…</source>
        <translation>Suche nach einer sicheren Primzahl: %1 Kandidaten getestet …</translation>
    </message>
    <message>
        <source>Confirming a candidate (%1 tried)…</source>
        <translation>Ein Kandidat wird bestätigt (%1 getestet) …</translation>
    </message>
    <message>
        <source>A group of %1 bits is ready (%2 candidates tried).</source>
        <translation>Eine Gruppe mit %1 Bit ist fertig (%2 Kandidaten getestet).</translation>
    </message>
    <message>
        <source>The generation failed: %1</source>
        <translation>Die Erzeugung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The generation was cancelled.</source>
        <translation>Die Erzeugung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Preferred with %1: no file to keep up to date.</source>
        <translation>Bei %1 die bevorzugte Wahl: keine Datei, die aktuell gehalten werden muss.</translation>
    </message>
    <message>
        <source>Searching for a safe prime…</source>
        <translation>Suche nach einer sicheren Primzahl …</translation>
    </message>
</context>
<context>
    <name>mailtls::FixInspectPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>What the mail server&apos;s configuration says about TLS.</source>
        <translation>Was die Konfiguration des Mailservers über TLS aussagt.</translation>
    </message>
    <message>
        <source>Inspection status</source>
        <translation>Status der Untersuchung</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Retry the inspection</source>
        <translation>Die Untersuchung wiederholen</translation>
    </message>
    <message>
        <source>The inspection failed: %1</source>
        <translation>Die Untersuchung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1, configuration in %2.</source>
        <translation>%1, Konfiguration in %2.</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Nichts zu berichten.</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <source>Restore a &amp;Previous Configuration…</source>
        <translation>Frühere Konfiguration wieder&amp;herstellen …</translation>
    </message>
    <message>
        <source>Mail service to inspect</source>
        <translation>Zu untersuchender Maildienst</translation>
    </message>
    <message>
        <source>The mail server (MTA) on this computer, or Dovecot for IMAP and POP, which can serve a weak Diffie-Hellman group too.</source>
        <translation>Der Mailserver (MTA) auf diesem Computer oder Dovecot für IMAP und POP, das ebenfalls eine schwache Diffie-Hellman-Gruppe ausliefern kann.</translation>
    </message>
    <message>
        <source>Computer the mail service runs on</source>
        <translation>Computer, auf dem der Maildienst läuft</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>A remote host over SSH</source>
        <translation>Ein entfernter Host über SSH</translation>
    </message>
    <message>
        <source>On a remote host MailTLS logs in with ssh and runs the fix&apos;s commands there as root through sudo -n: it never asks for a sudo password and never keeps one.</source>
        <translation>Auf einem entfernten Host meldet sich MailTLS mit ssh an und führt die Befehle der Abhilfe dort über sudo -n als root aus: Es fragt nie nach einem sudo-Passwort und speichert nie eines.</translation>
    </message>
    <message>
        <source>Remote host</source>
        <translation>Entfernter Host</translation>
    </message>
    <message>
        <source>Inspect the remote host</source>
        <translation>Den entfernten Host untersuchen</translation>
    </message>
    <message>
        <source>Put back the files an earlier fix changed, from the backup it made.</source>
        <translation>Die Dateien, die eine frühere Abhilfe geändert hat, aus deren Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>&amp;Mail service:</source>
        <translation>&amp;Maildienst:</translation>
    </message>
    <message>
        <source>&amp;Computer:</source>
        <translation>&amp;Computer:</translation>
    </message>
    <message>
        <source>Name the host (ssh://user@host:port) and press Inspect.</source>
        <translation>Geben Sie den Host an (ssh://user@host:port) und klicken Sie auf „Untersuchen“.</translation>
    </message>
    <message>
        <source>Inspecting the %1 configuration…</source>
        <translation>Die %1-Konfiguration wird untersucht …</translation>
    </message>
    <message>
        <source>Inspecting the %1 configuration in %2…</source>
        <translation>Die %1-Konfiguration in %2 wird untersucht …</translation>
    </message>
    <message>
        <source>Inspecting the %1 configuration on %2…</source>
        <translation>Die %1-Konfiguration auf %2 wird untersucht …</translation>
    </message>
    <message>
        <source>Inspecting the %1 configuration in %2 on %3…</source>
        <translation>Die %1-Konfiguration in %2 auf %3 wird untersucht …</translation>
    </message>
    <message>
        <source>%1 cannot be inspected by this version of MailTLS.</source>
        <translation>%1 kann von dieser MailTLS-Version nicht untersucht werden.</translation>
    </message>
    <message>
        <source>%1, configuration in %2 on %3.</source>
        <translation>%1, Konfiguration in %2 auf %3.</translation>
    </message>
    <message>
        <source>%1 is not running: a change takes effect at its next start.</source>
        <translation>%1 läuft nicht: Eine Änderung wird beim nächsten Start wirksam.</translation>
    </message>
</context>
<context>
    <name>mailtls::FixRemoteAccess</name>
    <message>
        <source>Passwords and host keys cannot be asked for: %1</source>
        <translation>Nach Passwörtern und Hostschlüsseln kann nicht gefragt werden: %1</translation>
    </message>
</context>
<context>
    <name>mailtls::FixRestorePage</name>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgenommen</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>Rücknahme fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted (%1)</source>
        <translation>Unterbrochen (%1)</translation>
    </message>
    <message>
        <source>Restore a previous configuration</source>
        <translation>Eine frühere Konfiguration wiederherstellen</translation>
    </message>
    <message>
        <source>Every fix saved the files it changed before writing them. Choose a backup: the next page shows exactly what putting its files back changes.</source>
        <translation>Jede Abhilfe hat die Dateien, die sie geändert hat, vor dem Schreiben gesichert. Wählen Sie eine Sicherung: Die nächste Seite zeigt genau, was das Wiederherstellen ihrer Dateien ändert.</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sicherungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>%1 (created)</source>
        <translation>%1 (angelegt)</translation>
    </message>
    <message>
        <source>Backup %1 in %2</source>
        <translation>Sicherung %1 in %2</translation>
    </message>
    <message>
        <source>There are no backups in %1: no fix has changed a file yet.</source>
        <translation>In %1 gibt es keine Sicherungen: Bisher hat keine Abhilfe eine Datei geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in %1.</source>
        <translation>
            <numerusform>%n Sicherung in %1.</numerusform>
            <numerusform>%n Sicherungen in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>The files are on this computer.</source>
        <translation>Die Dateien liegen auf diesem Computer.</translation>
    </message>
    <message>
        <source>The files are on %1: they are read and put back there over SSH, as root through sudo -n.</source>
        <translation>Die Dateien liegen auf %1: Sie werden dort über SSH gelesen und wiederhergestellt, als root über sudo -n.</translation>
    </message>
    <message>
        <source>it is of an unknown service, %1</source>
        <translation>sie gehört zu einem unbekannten Dienst, %1</translation>
    </message>
    <message>
        <source>Backup %1 cannot be restored from here: %2</source>
        <translation>Die Sicherung %1 kann von hier aus nicht wiederhergestellt werden: %2</translation>
    </message>
</context>
<context>
    <name>mailtls::FixResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Output of the failed step</source>
        <translation>Ausgabe des fehlgeschlagenen Schritts</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>%1 is not running: the change takes effect at its next start.</source>
        <translation>%1 läuft nicht: Die Änderung wird beim nächsten Start wirksam.</translation>
    </message>
    <message>
        <source>The previous files are kept in backup %1.</source>
        <translation>Die vorherigen Dateien bleiben in der Sicherung %1 erhalten.</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>Rücknahme fehlgeschlagen</translation>
    </message>
    <message>
        <source>The %1 step failed: %2
Not every file could be put back; the saved files are in backup %3.</source>
        <translation>Der Schritt „%1“ ist fehlgeschlagen: %2
Nicht alle Dateien konnten wiederhergestellt werden; die gesicherten Dateien liegen in der Sicherung %3.</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>Nicht angewendet</translation>
    </message>
    <message>
        <source>The %1 step failed: %2
Nothing was changed.</source>
        <translation>Der Schritt „%1“ ist fehlgeschlagen: %2
Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgenommen</translation>
    </message>
    <message>
        <source>The %1 step failed: %2
Your files were restored.</source>
        <translation>Der Schritt „%1“ ist fehlgeschlagen: %2
Ihre Dateien wurden wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>mailtls::FixReviewPage</name>
    <message>
        <source>Review changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message>
        <source>Summary of the change</source>
        <translation>Zusammenfassung der Änderung</translation>
    </message>
    <message>
        <source>The change as a unified diff</source>
        <translation>Die Änderung als Unified Diff</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>The change cannot be made: %1</source>
        <translation>Die Änderung kann nicht vorgenommen werden: %1</translation>
    </message>
    <message>
        <source>Nothing to change: %1 is already in place.</source>
        <translation>Nichts zu ändern: „%1“ ist bereits umgesetzt.</translation>
    </message>
    <message>
        <source>Working out the change …</source>
        <translation>Die Änderung wird ermittelt …</translation>
    </message>
    <message>
        <source>%1. Nothing has been written yet: Apply backs up every file, writes the change, checks it, reloads %2 and puts everything back if any step fails.</source>
        <translation>%1. Bisher wurde nichts geschrieben: „Anwenden“ sichert jede Datei, schreibt die Änderung, prüft sie, lädt %2 neu und stellt alles wieder her, wenn ein Schritt fehlschlägt.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Work the change out again</source>
        <translation>Die Änderung erneut ermitteln</translation>
    </message>
    <message>
        <source>Working out what putting back backup %1 changes …</source>
        <translation>Es wird ermittelt, was das Wiederherstellen der Sicherung %1 ändert …</translation>
    </message>
    <message>
        <source>Working out what putting back backup %1 changes on %2 …</source>
        <translation>Es wird ermittelt, was das Wiederherstellen der Sicherung %1 auf %2 ändert …</translation>
    </message>
    <message>
        <source>The files are on %1.</source>
        <translation>Die Dateien liegen auf %1.</translation>
    </message>
</context>
<context>
    <name>mailtls::FixSudoersNote</name>
    <message>
        <source>Line to add to sudoers</source>
        <translation>Zeile für sudoers</translation>
    </message>
    <message>
        <source>sudo on %1 runs nothing without a password. Add this on that host (visudo -f /etc/sudoers.d/mailtls), then press Retry; MailTLS never asks for a sudo password:</source>
        <translation>sudo auf %1 führt ohne Passwort nichts aus. Fügen Sie dies auf jenem Host hinzu (visudo -f /etc/sudoers.d/mailtls) und klicken Sie dann auf „Erneut versuchen“; MailTLS fragt nie nach einem sudo-Passwort:</translation>
    </message>
</context>
<context>
    <name>mailtls::FixWizard</name>
    <message>
        <source>Fix My Server</source>
        <translation>Meinen Server in Ordnung bringen</translation>
    </message>
    <message>
        <source>Fix my server</source>
        <translation>Meinen Server in Ordnung bringen</translation>
    </message>
    <message>
        <source>Restore Previous Configuration</source>
        <translation>Frühere Konfiguration wiederherstellen</translation>
    </message>
    <message>
        <source>The mail service has not been inspected.</source>
        <translation>Der Maildienst wurde nicht untersucht.</translation>
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
    <name>mailtls::ImplicitTlsCheck</name>
    <message>
        <source>%1 is not an IP address</source>
        <translation>%1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the connection closed before it was made</source>
        <translation>die Verbindung wurde geschlossen, bevor sie zustande kam</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
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
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
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
    <message>
        <source>Stop the import: the log being read is taken back, so nothing of it is counted; the logs read before it stay, and importing the same logs again goes on from there</source>
        <translation>Den Import abbrechen: Das gerade gelesene Protokoll wird zurückgenommen, sodass nichts davon gezählt wird; die zuvor gelesenen Protokolle bleiben erhalten, und ein erneuter Import derselben Protokolle setzt dort fort</translation>
    </message>
    <message>
        <source>Looking at %1 (%2 of %3)…</source>
        <translation>%1 wird gesichtet (%2 von %3) …</translation>
    </message>
    <message>
        <source>Reading the logs ahead, to put them in order and date their lines</source>
        <translation>Die Protokolle werden vorab gelesen, um sie zu ordnen und ihre Zeilen zu datieren</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>%1 wird importiert (%2 von %3) …</translation>
    </message>
    <message>
        <source>%1 lines, %2 of %3 MB, %4 lines a second</source>
        <translation>%1 Zeilen, %2 von %3 MB, %4 Zeilen pro Sekunde</translation>
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
    <name>mailtls::LetterSender</name>
    <message>
        <source>the letter could not be recorded</source>
        <translation>das Schreiben konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>mailtls::LocalFileAccess</name>
    <message>
        <source>%1 changed after the plan was made</source>
        <translation>%1 hat sich geändert, nachdem der Plan erstellt wurde</translation>
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
    <message>
        <source>&amp;Probes</source>
        <translation>&amp;Prüfungen</translation>
    </message>
    <message>
        <source>Probe &amp;Settings…</source>
        <translation>Prüf&amp;einstellungen …</translation>
    </message>
    <message>
        <source>The DNS server probes ask, their timeout, and how many sessions run at once</source>
        <translation>Der DNS-Server, den Prüfungen abfragen, ihr Zeitlimit und wie viele Sitzungen gleichzeitig laufen</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Ask a domain&apos;s mail servers what they offer: STARTTLS, TLS versions, certificate, Diffie-Hellman group, MTA-STS and TLS-RPT</source>
        <translation>Die Mailserver einer Domain fragen, was sie anbieten: STARTTLS, TLS-Versionen, Zertifikat, Diffie-Hellman-Gruppe, MTA-STS und TLS-RPT</translation>
    </message>
    <message>
        <source>&amp;Fix My Server…</source>
        <translation>Meinen &amp;Server in Ordnung bringen …</translation>
    </message>
    <message>
        <source>Replace a weak Diffie-Hellman group in Postfix, Exim, Sendmail or Dovecot; turn STARTTLS or TLS logging on</source>
        <translation>Eine schwache Diffie-Hellman-Gruppe in Postfix, Exim, Sendmail oder Dovecot ersetzen; STARTTLS oder die TLS-Protokollierung einschalten</translation>
    </message>
    <message>
        <source>&amp;Restore Previous Configuration…</source>
        <translation>Frühere Konfiguration &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>Put back the files an earlier fix changed, from the backup it made</source>
        <translation>Die Dateien, die eine frühere Abhilfe geändert hat, aus deren Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Import cancelled. The log being read was taken back; the logs read before it stay. Import the same logs again to go on.</source>
        <translation>Import abgebrochen. Das gerade gelesene Protokoll wurde zurückgenommen; die zuvor gelesenen Protokolle bleiben. Importieren Sie dieselben Protokolle erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Kampagnen</translation>
    </message>
    <message>
        <source>Windows of mandatory STARTTLS, the peers that failed, and who fixed it (Ctrl+6)</source>
        <translation>Zeitfenster mit verpflichtendem STARTTLS, die gescheiterten Gegenstellen und wer das Problem behoben hat (Strg+6)</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Windows of mandatory STARTTLS: the peers that failed, the letters to them, and who fixed it</source>
        <translation>Zeitfenster mit verpflichtendem STARTTLS: die gescheiterten Gegenstellen, die Schreiben an sie und wer das Problem behoben hat</translation>
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
    <message>
        <source>P&amp;robe</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Ask this peer&apos;s mail servers what they offer: STARTTLS, TLS versions, certificate, Diffie-Hellman group</source>
        <translation>Die Mailserver dieser Gegenstelle fragen, was sie anbieten: STARTTLS, TLS-Versionen, Zertifikat, Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <source>Probe this peer</source>
        <translation>Diese Gegenstelle prüfen</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>This peer&apos;s probes kept in the store, newest first: what its mail servers offered when asked. Enter or a double-click opens one on the Probe page; Probe asks them again.</source>
        <translation>Die in der Datenbank gespeicherten Prüfungen dieser Gegenstelle, neueste zuerst: was ihre Mailserver bei der Abfrage angeboten haben. Die Eingabetaste oder ein Doppelklick öffnet eine davon auf der Seite „Prüfen“; „Prüfen“ fragt sie erneut ab.</translation>
    </message>
    <message>
        <source>Never probed. Probe asks its mail servers what they offer.</source>
        <translation>Noch nie geprüft. „Prüfen“ fragt ihre Mailserver, was sie anbieten.</translation>
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
    <message>
        <source>Never probed: use Probe to ask its mail servers what they offer</source>
        <translation>Noch nie geprüft: Mit „Prüfen“ fragen Sie ihre Mailserver, was sie anbieten</translation>
    </message>
    <message>
        <source>%1 (probed %2)
%3</source>
        <translation>%1 (geprüft %2)
%3</translation>
    </message>
    <message>
        <source>Last probe</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>The verdict of the last probe of its mail servers, when it was probed</source>
        <translation>Die Bewertung der letzten Prüfung ihrer Mailserver, sofern sie geprüft wurde</translation>
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
    <message>
        <source>P&amp;robe</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Ask the selected peer&apos;s mail servers what they offer: STARTTLS, TLS versions, certificate, Diffie-Hellman group</source>
        <translation>Die Mailserver der ausgewählten Gegenstelle fragen, was sie anbieten: STARTTLS, TLS-Versionen, Zertifikat, Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <source>Probe the selected peer</source>
        <translation>Die ausgewählte Gegenstelle prüfen</translation>
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
    <name>mailtls::PlanApplier</name>
    <message>
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Rücknahme</translation>
    </message>
    <message>
        <source>Put back the configuration saved before &quot;%1&quot; (backup %2)</source>
        <translation>Die vor „%1“ gesicherte Konfiguration wiederherstellen (Sicherung %2)</translation>
    </message>
    <message>
        <source>%1 as it was before</source>
        <translation>%1 wie zuvor</translation>
    </message>
    <message>
        <source>remove %1 (it did not exist before)</source>
        <translation>%1 entfernen (gab es zuvor nicht)</translation>
    </message>
    <message>
        <source>a change is being applied; wait until it has finished</source>
        <translation>eine Änderung wird gerade angewendet; warten Sie, bis sie abgeschlossen ist</translation>
    </message>
    <message>
        <source>the files are already as backup %1 saved them: nothing to restore</source>
        <translation>die Dateien sind bereits so, wie die Sicherung %1 sie gespeichert hat: nichts wiederherzustellen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Saving a copy of each file before it changes</source>
        <translation>Von jeder Datei wird vor der Änderung eine Kopie gesichert</translation>
    </message>
    <message>
        <source>the plan changes %1 twice; nothing was changed</source>
        <translation>der Plan ändert %1 zweimal; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 was created after the plan was made</source>
        <translation>%1 wurde angelegt, nachdem der Plan erstellt wurde</translation>
    </message>
    <message>
        <source>%1 was removed after the plan was made</source>
        <translation>%1 wurde entfernt, nachdem der Plan erstellt wurde</translation>
    </message>
    <message>
        <source>%1 changed after the plan was made</source>
        <translation>%1 hat sich geändert, nachdem der Plan erstellt wurde</translation>
    </message>
    <message>
        <source>Nothing was changed: inspect again and review the new plan.</source>
        <translation>Es wurde nichts geändert: Untersuchen Sie erneut und prüfen Sie den neuen Plan.</translation>
    </message>
    <message>
        <source>saved in %1</source>
        <translation>gesichert in %1</translation>
    </message>
    <message>
        <source>Writing the changed files</source>
        <translation>Die geänderten Dateien werden geschrieben</translation>
    </message>
    <message>
        <source>%1 changed while the plan was being applied</source>
        <translation>%1 hat sich geändert, während der Plan angewendet wurde</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>Checking the new configuration</source>
        <translation>Die neue Konfiguration wird geprüft</translation>
    </message>
    <message>
        <source>%1 names %2, which does not exist</source>
        <translation>%1 nennt %2, aber diese Datei gibt es nicht</translation>
    </message>
    <message>
        <source>%1 names %2, which is not a regular file</source>
        <translation>%1 nennt %2, aber das ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>the files named by the changed settings exist</source>
        <translation>die in den geänderten Einstellungen genannten Dateien existieren</translation>
    </message>
    <message>
        <source>passed: %1</source>
        <translation>bestanden: %1</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish within %n second(s)</source>
        <translation>
            <numerusform>%1 wurde nicht innerhalb von %n Sekunde beendet</numerusform>
            <numerusform>%1 wurde nicht innerhalb von %n Sekunden beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed (exit status %2)</source>
        <translation>%1 ist fehlgeschlagen (Exit-Status %2)</translation>
    </message>
    <message>
        <source>%1 objects to the change:
%2</source>
        <translation>%1 beanstandet die Änderung:
%2</translation>
    </message>
    <message>
        <source>Reloading %1</source>
        <translation>%1 wird neu geladen</translation>
    </message>
    <message>
        <source>%1 cannot be reloaded from here: the change takes effect at its next start or reload</source>
        <translation>%1 kann von hier aus nicht neu geladen werden: Die Änderung wird beim nächsten Start oder Neuladen wirksam</translation>
    </message>
    <message>
        <source>%1 is not running: the change takes effect at its next start</source>
        <translation>%1 läuft nicht: Die Änderung wird beim nächsten Start wirksam</translation>
    </message>
    <message>
        <source>%1 reloaded its configuration</source>
        <translation>%1 hat seine Konfiguration neu geladen</translation>
    </message>
    <message>
        <source>Probing the own mail server</source>
        <translation>Der eigene Mailserver wird geprüft</translation>
    </message>
    <message>
        <source>nothing to probe for this change: the validation covers it</source>
        <translation>für diese Änderung ist keine Prüfung des Servers nötig: Die Validierung deckt sie ab</translation>
    </message>
    <message>
        <source>not probed: %1 has not loaded the change yet</source>
        <translation>nicht geprüft: %1 hat die Änderung noch nicht geladen</translation>
    </message>
    <message>
        <source>not probed: no address of the own mail server was given</source>
        <translation>nicht geprüft: Es wurde keine Adresse des eigenen Mailservers angegeben</translation>
    </message>
    <message numerus="yes">
        <source>probed %n time(s), %1 ms apart</source>
        <translation>
            <numerusform>%n-mal geprüft, im Abstand von %1 ms</numerusform>
            <numerusform>%n-mal geprüft, im Abstand von %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not read back as saved</source>
        <translation>%1 stimmt beim erneuten Lesen nicht mit dem Gesicherten überein</translation>
    </message>
    <message numerus="yes">
        <source>restored %n file(s) from %1</source>
        <translation>
            <numerusform>%n Datei aus %1 wiederhergestellt</numerusform>
            <numerusform>%n Dateien aus %1 wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>could not restore every file; the copies are in %1:
%2</source>
        <translation>es konnten nicht alle Dateien wiederhergestellt werden; die Kopien liegen in %1:
%2</translation>
    </message>
    <message>
        <source>Putting the saved files back</source>
        <translation>Die gesicherten Dateien werden wiederhergestellt</translation>
    </message>
    <message>
        <source>%1 reloaded the restored configuration</source>
        <translation>%1 hat die wiederhergestellte Konfiguration neu geladen</translation>
    </message>
    <message>
        <source>reloading %1 failed: run %2 yourself</source>
        <translation>das Neuladen von %1 ist fehlgeschlagen: Führen Sie %2 selbst aus</translation>
    </message>
    <message>
        <source>[output cut after %1 bytes]</source>
        <translation>[Ausgabe nach %1 Bytes abgeschnitten]</translation>
    </message>
    <message numerus="yes">
        <source>[stopped: no answer within %n second(s)]</source>
        <translation>
            <numerusform>[angehalten: keine Antwort innerhalb von %n Sekunde]</numerusform>
            <numerusform>[angehalten: keine Antwort innerhalb von %n Sekunden]</numerusform>
        </translation>
    </message>
    <message>
        <source>backup %1 holds files of %2: they are read there (mailtls fix --restore %1 --yes)</source>
        <translation>die Sicherung %1 enthält Dateien von %2: Sie werden dort wiederhergestellt (mailtls fix --restore %1 --yes)</translation>
    </message>
    <message>
        <source>backup %1 holds files of this computer, not of %2</source>
        <translation>die Sicherung %1 enthält Dateien dieses Computers, nicht von %2</translation>
    </message>
    <message>
        <source>backup %1 holds files of %2, not of %3</source>
        <translation>die Sicherung %1 enthält Dateien von %2, nicht von %3</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>not probed: nothing accepts connections on %1 port %2</source>
        <translation>nicht geprüft: Auf %1 Port %2 nimmt nichts Verbindungen an</translation>
    </message>
</context>
<context>
    <name>mailtls::PostfixInspection</name>
    <message>
        <source>The inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>postconf was not found on this computer: is Postfix installed? (looked on PATH and in %1)</source>
        <translation>postconf wurde auf diesem Computer nicht gefunden: Ist Postfix installiert? (gesucht in PATH und in %1)</translation>
    </message>
    <message>
        <source>there is no main.cf in %1</source>
        <translation>in %1 gibt es keine main.cf</translation>
    </message>
    <message>
        <source>the postfix command was not found beside %1</source>
        <translation>der Befehl postfix wurde neben %1 nicht gefunden</translation>
    </message>
    <message>
        <source>postfix status: exit status %1</source>
        <translation>postfix status: Exit-Status %1</translation>
    </message>
    <message>
        <source>postfix status could not be run: %1</source>
        <translation>postfix status konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>postfix status: exit status %1 (%2)</source>
        <translation>postfix status: Exit-Status %1 (%2)</translation>
    </message>
    <message>
        <source>There is no host to inspect Postfix on.</source>
        <translation>Es gibt keinen Host, auf dem Postfix untersucht werden kann.</translation>
    </message>
    <message>
        <source>there is no main.cf in %1 on %2</source>
        <translation>in %1 auf %2 gibt es keine main.cf</translation>
    </message>
</context>
<context>
    <name>mailtls::PostfixSettings</name>
    <message>
        <source>set in main.cf</source>
        <translation>in main.cf gesetzt</translation>
    </message>
    <message>
        <source>Postfix default</source>
        <translation>Postfix-Vorgabe</translation>
    </message>
    <message>
        <source>not in this Postfix</source>
        <translation>in dieser Postfix-Version nicht vorhanden</translation>
    </message>
    <message>
        <source>not set in main.cf (default unknown)</source>
        <translation>nicht in main.cf gesetzt (Vorgabe unbekannt)</translation>
    </message>
    <message>
        <source>Reading the Postfix settings was cancelled.</source>
        <translation>Das Lesen der Postfix-Einstellungen wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>%1 hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 wrote more than %2 bytes; that is not postconf&apos;s answer.</source>
        <translation>%1 hat mehr als %2 Bytes ausgegeben; das ist nicht die Antwort von postconf.</translation>
    </message>
    <message>
        <source>%1 crashed.</source>
        <translation>%1 ist abgestürzt.</translation>
    </message>
    <message>
        <source>%1 ended with exit status %2.</source>
        <translation>%1 wurde mit Exit-Status %2 beendet.</translation>
    </message>
    <message>
        <source>%1 ended with exit status %2: %3</source>
        <translation>%1 wurde mit Exit-Status %2 beendet: %3</translation>
    </message>
    <message>
        <source>%1 was not found on %2.</source>
        <translation>%1 wurde auf %2 nicht gefunden.</translation>
    </message>
    <message>
        <source>postconf was not found on %1 (tried PATH, /usr/sbin and /usr/local/sbin).</source>
        <translation>postconf wurde auf %1 nicht gefunden (gesucht in PATH, /usr/sbin und /usr/local/sbin).</translation>
    </message>
    <message>
        <source>postconf could not read the Postfix configuration: %1</source>
        <translation>postconf konnte die Postfix-Konfiguration nicht lesen: %1</translation>
    </message>
    <message>
        <source>postconf could not expand the values: %1</source>
        <translation>postconf konnte die Werte nicht expandieren: %1</translation>
    </message>
    <message>
        <source>The OpenSSL version could not be read: %1</source>
        <translation>Die OpenSSL-Version konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>postconf was not found on this computer, and main.cf could not be read either: %1</source>
        <translation>postconf wurde auf diesem Computer nicht gefunden, und main.cf konnte auch nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>postconf was not found on this computer: the settings come from %1 alone, without Postfix&apos;s defaults or version.</source>
        <translation>postconf wurde auf diesem Computer nicht gefunden: Die Einstellungen stammen allein aus %1, ohne die Vorgaben und die Version von Postfix.</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeEventModel</name>
    <message>
        <source>Session with the %1</source>
        <translation>Sitzung mit dem Profil „%1“</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>MX host</source>
        <translation>MX-Host</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>When it happened (local time)</source>
        <translation>Wann es geschah (Ortszeit)</translation>
    </message>
    <message>
        <source>The domain or host being probed</source>
        <translation>Die geprüfte Domain oder der geprüfte Host</translation>
    </message>
    <message>
        <source>The step of the probe: DNS, connection, greeting, EHLO, STARTTLS, handshake</source>
        <translation>Der Schritt der Prüfung: DNS, Verbindung, Begrüßung, EHLO, STARTTLS, Handshake</translation>
    </message>
    <message>
        <source>The mail server asked</source>
        <translation>Der befragte Mailserver</translation>
    </message>
    <message>
        <source>The address connected to</source>
        <translation>Die Adresse, mit der verbunden wurde</translation>
    </message>
    <message>
        <source>What the step did or found, with the server&apos;s words where it answered</source>
        <translation>Was der Schritt getan oder festgestellt hat, mit dem Wortlaut des Servers, sofern er geantwortet hat</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeFindingModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Severity: %1 · the whole domain</source>
        <translation>Schweregrad: %1 · die gesamte Domain</translation>
    </message>
    <message>
        <source>Severity: %1 · %2</source>
        <translation>Schweregrad: %1 · %2</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Nachweis:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Was zu tun ist:</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation>Befund: %1</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>About the domain as a whole (DNS, MTA-STS, TLS-RPT), not one server</source>
        <translation>Betrifft die Domain als Ganzes (DNS, MTA-STS, TLS-RPT), nicht einen einzelnen Server</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>How much it matters: from Info (nothing to do) to Critical (mail is exposed now)</source>
        <translation>Wie schwer es wiegt: von Info (nichts zu tun) bis Kritisch (Mail ist jetzt ungeschützt)</translation>
    </message>
    <message>
        <source>What the probe found; select it for the evidence and what to do</source>
        <translation>Was die Prüfung festgestellt hat; wählen Sie den Befund aus, um Nachweis und Empfehlung zu sehen</translation>
    </message>
    <message>
        <source>The mail server (and address) it is about, or the domain as a whole</source>
        <translation>Der Mailserver (und die Adresse), um den es geht, oder die Domain als Ganzes</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeHistoryModel</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>The mail servers of the domain %1</source>
        <translation>Die Mailserver der Domain %1</translation>
    </message>
    <message>
        <source>The host %1 alone</source>
        <translation>Nur der Host %1</translation>
    </message>
    <message>
        <source>Probed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>When the probe finished (local time)</source>
        <translation>Wann die Prüfung abgeschlossen wurde (Ortszeit)</translation>
    </message>
    <message>
        <source>The domain or host probed</source>
        <translation>Die geprüfte Domain oder der geprüfte Host</translation>
    </message>
    <message>
        <source>The verdict of the probe: a domain&apos;s is that of its worst mail server; a peer&apos;s own list shows that of the peer&apos;s server</source>
        <translation>Die Bewertung der Prüfung: Die einer Domain ist die ihres schlechtesten Mailservers; die eigene Liste einer Gegenstelle zeigt die des Servers der Gegenstelle</translation>
    </message>
    <message>
        <source>Findings of low severity or worse: things the server&apos;s admin should fix</source>
        <translation>Befunde mit dem Schweregrad Niedrig oder höher: Dinge, die der Administrator des Servers beheben sollte</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeHostModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n bits</source>
        <translation>
            <numerusform>%1, %n Bit</numerusform>
            <numerusform>%1, %n Bit</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS %1: accepted</source>
        <translation>TLS %1: akzeptiert</translation>
    </message>
    <message>
        <source>TLS %1: refused</source>
        <translation>TLS %1: abgelehnt</translation>
    </message>
    <message>
        <source>TLS %1: refused (%2)</source>
        <translation>TLS %1: abgelehnt (%2)</translation>
    </message>
    <message>
        <source>The host name has no address.</source>
        <translation>Der Hostname hat keine Adresse.</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>No DHE</source>
        <translation>Kein DHE</translation>
    </message>
    <message numerus="yes">
        <source>%n bits</source>
        <translation>
            <numerusform>%n Bit</numerusform>
            <numerusform>%n Bit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bits (%1)</source>
        <translation>
            <numerusform>%n Bit (%1)</numerusform>
            <numerusform>%n Bit (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht verifiziert</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Anderer Name</translation>
    </message>
    <message>
        <source>From an earlier probe of this address (kept for a while so servers are not asked again).</source>
        <translation>Aus einer früheren Prüfung dieser Adresse (eine Weile aufbewahrt, damit Server nicht erneut befragt werden).</translation>
    </message>
    <message>
        <source>Not measured: no TLS handshake offering only DHE was made.</source>
        <translation>Nicht gemessen: Es wurde kein TLS-Handshake durchgeführt, der nur DHE anbietet.</translation>
    </message>
    <message>
        <source>The server accepts no finite-field Diffie-Hellman (DHE) cipher suite.</source>
        <translation>Der Server akzeptiert keine Cipher-Suite mit Finite-Field-Diffie-Hellman (DHE).</translation>
    </message>
    <message>
        <source>The Diffie-Hellman group a TLS 1.2 client offering only DHE cipher suites was given.</source>
        <translation>Die Diffie-Hellman-Gruppe, die ein TLS-1.2-Client erhielt, der nur DHE-Cipher-Suites anbot.</translation>
    </message>
    <message>
        <source>Subject: %1
Names: %2
Issuer: %3
Expires: %4</source>
        <translation>Inhaber: %1
Namen: %2
Aussteller: %3
Läuft ab: %4</translation>
    </message>
    <message>
        <source>The certificate chain does not lead to a trusted authority.</source>
        <translation>Die Zertifikatskette führt nicht zu einer vertrauenswürdigen Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>Trusted, and valid for %1</source>
        <translation>Vertrauenswürdig und gültig für %1</translation>
    </message>
    <message>
        <source>Trusted, but not valid for %1</source>
        <translation>Vertrauenswürdig, aber nicht gültig für %1</translation>
    </message>
    <message>
        <source>MX host</source>
        <translation>MX-Host</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
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
        <source>DH group</source>
        <translation>DH-Gruppe</translation>
    </message>
    <message>
        <source>TLS versions</source>
        <translation>TLS-Versionen</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>The mail server&apos;s name, as the domain&apos;s MX record names it</source>
        <translation>Der Name des Mailservers, wie ihn der MX-Eintrag der Domain nennt</translation>
    </message>
    <message>
        <source>The address probed (each address of a server is probed on its own)</source>
        <translation>Die geprüfte Adresse (jede Adresse eines Servers wird einzeln geprüft)</translation>
    </message>
    <message>
        <source>Good, weak, no TLS or unreachable: what a sending mail server gets here</source>
        <translation>Gut, schwach, kein TLS oder nicht erreichbar: was ein sendender Mailserver hier vorfindet</translation>
    </message>
    <message>
        <source>The TLS version a current client agreed on; &quot;Plaintext&quot; when no TLS could be set up</source>
        <translation>Die TLS-Version, auf die sich ein aktueller Client geeinigt hat; „Klartext“, wenn kein TLS aufgebaut werden konnte</translation>
    </message>
    <message>
        <source>The cipher suite a current client agreed on</source>
        <translation>Die Cipher-Suite, auf die sich ein aktueller Client geeinigt hat</translation>
    </message>
    <message>
        <source>How a current client and the server agreed on their keys</source>
        <translation>Wie sich ein aktueller Client und der Server auf ihre Schlüssel geeinigt haben</translation>
    </message>
    <message>
        <source>The size of the server&apos;s Diffie-Hellman group, measured with a client offering only DHE cipher suites, and its name when it is a well-known (widely shared) one</source>
        <translation>Die Größe der Diffie-Hellman-Gruppe des Servers, gemessen mit einem Client, der nur DHE-Cipher-Suites anbietet, und ihr Name, wenn es eine bekannte (weit verbreitete) Gruppe ist</translation>
    </message>
    <message>
        <source>The TLS versions the server accepted, each tried on its own</source>
        <translation>Die TLS-Versionen, die der Server akzeptiert hat, jede einzeln getestet</translation>
    </message>
    <message>
        <source>The subject of the server&apos;s certificate</source>
        <translation>Der Inhaber des Serverzertifikats</translation>
    </message>
    <message>
        <source>When the server&apos;s certificate expires (UTC)</source>
        <translation>Wann das Zertifikat des Servers abläuft (UTC)</translation>
    </message>
    <message>
        <source>Whether the certificate leads to a trusted authority and is valid for the MX host&apos;s name</source>
        <translation>Ob das Zertifikat zu einer vertrauenswürdigen Zertifizierungsstelle führt und für den Namen des MX-Hosts gültig ist</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbePage</name>
    <message>
        <source>Probe</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Each step of the probes as it happens: the DNS look-ups, each connection, the server&apos;s greeting, EHLO, STARTTLS and the TLS handshakes, with the server&apos;s own words.</source>
        <translation>Jeder Schritt der Prüfungen, während er geschieht: die DNS-Abfragen, jede Verbindung, die Begrüßung des Servers, EHLO, STARTTLS und die TLS-Handshakes, mit dem Wortlaut des Servers.</translation>
    </message>
    <message>
        <source>&amp;Domain or host:</source>
        <translation>Do&amp;main oder Host:</translation>
    </message>
    <message>
        <source>example.org, mx.example.org:25, 192.0.2.1</source>
        <translation>example.org, mx.example.org:25, 192.0.2.1</translation>
    </message>
    <message>
        <source>Domain or host to probe</source>
        <translation>Zu prüfende Domain oder zu prüfender Host</translation>
    </message>
    <message>
        <source>A mail domain (its MX hosts are probed), or one host or address with an optional port (host:port, [IPv6]:port). Press Enter to probe.</source>
        <translation>Eine Mail-Domain (ihre MX-Hosts werden geprüft) oder ein Host bzw. eine Adresse mit optionalem Port (host:port, [IPv6]:port). Drücken Sie zum Prüfen die Eingabetaste.</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Ask the target&apos;s mail servers what they offer: STARTTLS, TLS versions, cipher, Diffie-Hellman group, certificate, MTA-STS and TLS-RPT (Enter)</source>
        <translation>Die Mailserver des Ziels fragen, was sie anbieten: STARTTLS, TLS-Versionen, Cipher, Diffie-Hellman-Gruppe, Zertifikat, MTA-STS und TLS-RPT (Eingabetaste)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel probe</source>
        <translation>Prüfung abbrechen</translation>
    </message>
    <message>
        <source>Stop the probes running; what was found so far is kept (Esc)</source>
        <translation>Die laufenden Prüfungen anhalten; was bis dahin gefunden wurde, bleibt erhalten (Esc)</translation>
    </message>
    <message>
        <source>Probe all p&amp;laintext peers</source>
        <translation>Alle Gegenstellen mit K&amp;lartext prüfen</translation>
    </message>
    <message>
        <source>Probe all plaintext peers</source>
        <translation>Alle Gegenstellen mit Klartext prüfen</translation>
    </message>
    <message>
        <source>Target error</source>
        <translation>Fehler im Ziel</translation>
    </message>
    <message>
        <source>Probe state</source>
        <translation>Status der Prüfung</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt der Sammelprüfung</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Batch state</source>
        <translation>Status der Sammelprüfung</translation>
    </message>
    <message>
        <source>Recent probes</source>
        <translation>Letzte Prüfungen</translation>
    </message>
    <message>
        <source>Every probe kept in the store, newest first. Select one to read its report again.</source>
        <translation>Jede in der Datenbank gespeicherte Prüfung, neueste zuerst. Wählen Sie eine aus, um ihren Bericht erneut zu lesen.</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cancelling the batch…</source>
        <translation>Sammelprüfung wird abgebrochen …</translation>
    </message>
    <message>
        <source>%1: cancelled. What was found until then is shown.</source>
        <translation>%1: abgebrochen. Angezeigt wird, was bis dahin gefunden wurde.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The report of %1 could not be kept in the store: %2</source>
        <translation>Der Bericht zu %1 konnte nicht in der Datenbank gespeichert werden: %2</translation>
    </message>
    <message>
        <source>This probe is no longer in the store.</source>
        <translation>Diese Prüfung ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>No probes yet.</source>
        <translation>Noch keine Prüfungen.</translation>
    </message>
    <message>
        <source>Reading the plaintext peers…</source>
        <translation>Gegenstellen mit Klartext werden gelesen …</translation>
    </message>
    <message>
        <source>No peer sent or received plaintext mail in this range (%1).</source>
        <translation>Keine Gegenstelle hat in diesem Zeitraum (%1) Mail im Klartext gesendet oder empfangen.</translation>
    </message>
    <message>
        <source>Probing plaintext peers: %1 of %2 done</source>
        <translation>Gegenstellen mit Klartext werden geprüft: %1 von %2 erledigt</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Batch cancelled: %1 of %2 probed</source>
        <translation>Sammelprüfung abgebrochen: %1 von %2 geprüft</translation>
    </message>
    <message numerus="yes">
        <source>Probed %n plaintext peers</source>
        <translation>
            <numerusform>%n Gegenstelle mit Klartext geprüft</numerusform>
            <numerusform>%n Gegenstellen mit Klartext geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>: %1.</source>
        <translation>: %1.</translation>
    </message>
    <message>
        <source>Probe the mail servers of every peer that sent or received plaintext mail in the dashboard&apos;s range (%1): each peer&apos;s domain once, or its address when it has no name</source>
        <translation>Die Mailserver jeder Gegenstelle prüfen, die im Zeitraum des Dashboards (%1) Klartext-Mail gesendet oder empfangen hat: die Domain jeder Gegenstelle einmal oder ihre Adresse, wenn sie keinen Namen hat</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeReportView</name>
    <message>
        <source>MTA-STS lets a domain ask senders to insist on TLS with a valid certificate (RFC 8461); TLS-RPT asks them to report TLS failures (RFC 8460).</source>
        <translation>Mit MTA-STS kann eine Domain sendende Server auffordern, auf TLS mit gültigem Zertifikat zu bestehen (RFC 8461); mit TLS-RPT bittet sie sie, TLS-Fehler zu melden (RFC 8460).</translation>
    </message>
    <message>
        <source>Copy &amp;report</source>
        <translation>&amp;Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy the whole report as text: every server, every finding with its evidence and advice, for a letter to the servers&apos; admin</source>
        <translation>Den ganzen Bericht als Text kopieren: jeden Server, jeden Befund mit Nachweis und Empfehlung, für ein Schreiben an den Administrator der Server</translation>
    </message>
    <message>
        <source>Mail servers</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The domain&apos;s verdict is that of its worst mail server, as a sending mail server would meet them: each MX address with what a current client got, the Diffie-Hellman group a DHE-only client was given, the TLS versions accepted, and the certificate.</source>
        <translation>Die Bewertung der Domain ist die ihres schlechtesten Mailservers, so wie ein sendender Mailserver sie vorfinden würde: jede MX-Adresse mit dem, was ein aktueller Client erhielt, der Diffie-Hellman-Gruppe, die ein Client nur mit DHE erhielt, den akzeptierten TLS-Versionen und dem Zertifikat.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>What the probe found, worst first. Select one for the exact evidence and advice the server&apos;s admin can follow; Copy puts both on the clipboard.</source>
        <translation>Was die Prüfung festgestellt hat, das Schwerwiegendste zuerst. Wählen Sie einen Befund aus, um den genauen Nachweis und die Empfehlung zu sehen, der der Administrator des Servers folgen kann; „Kopieren“ legt beides in die Zwischenablage.</translation>
    </message>
    <message>
        <source>Type a domain or a host and press Enter, or choose a probe from the list.</source>
        <translation>Geben Sie eine Domain oder einen Host ein und drücken Sie die Eingabetaste, oder wählen Sie eine Prüfung aus der Liste.</translation>
    </message>
    <message>
        <source>Cancelled: what was found until then.</source>
        <translation>Abgebrochen: was bis dahin gefunden wurde.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Nichts zu berichten.</translation>
    </message>
    <message>
        <source>took %1 ms</source>
        <translation>Dauer %1 ms</translation>
    </message>
    <message>
        <source>took %1 s</source>
        <translation>Dauer %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n SMTP sessions</source>
        <translation>
            <numerusform>%n SMTP-Sitzung</numerusform>
            <numerusform>%n SMTP-Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>null MX: takes no mail</source>
        <translation>Null-MX: nimmt keine Mail an</translation>
    </message>
    <message>
        <source>no MX records: the domain&apos;s own address</source>
        <translation>keine MX-Einträge: die eigene Adresse der Domain</translation>
    </message>
    <message numerus="yes">
        <source>%n MX hosts</source>
        <translation>
            <numerusform>%n MX-Host</numerusform>
            <numerusform>%n MX-Hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>MTA-STS: the record is not usable: %1</source>
        <translation>MTA-STS: Der Eintrag ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>MTA-STS: none (senders may deliver without TLS when it fails)</source>
        <translation>MTA-STS: keine (sendende Server dürfen ohne TLS zustellen, wenn TLS fehlschlägt)</translation>
    </message>
    <message>
        <source>MTA-STS: a record (id %1), but its policy could not be fetched: %2</source>
        <translation>MTA-STS: ein Eintrag (id %1), aber seine Richtlinie konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>MTA-STS: mode %1, for %2; policy cached up to %3 s</source>
        <translation>MTA-STS: Modus %1, für %2; Richtlinie wird bis zu %3 s zwischengespeichert</translation>
    </message>
    <message>
        <source>; not covered: %1</source>
        <translation>; nicht abgedeckt: %1</translation>
    </message>
    <message>
        <source>TLS-RPT: the record is not usable: %1</source>
        <translation>TLS-RPT: Der Eintrag ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>TLS-RPT: none (no reports of TLS failures are asked for)</source>
        <translation>TLS-RPT: keine (es werden keine Berichte über TLS-Fehler angefordert)</translation>
    </message>
    <message>
        <source>TLS-RPT: reports go to %1</source>
        <translation>TLS-RPT: Berichte gehen an %1</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeScheduler</name>
    <message>
        <source>Looking up the mail servers of %1</source>
        <translation>Mailserver von %1 werden ermittelt</translation>
    </message>
    <message>
        <source>Looking up the addresses of %1</source>
        <translation>Adressen von %1 werden ermittelt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 takes no mail (null MX)</source>
        <translation>%1 nimmt keine Mail an (Null-MX)</translation>
    </message>
    <message>
        <source>%1 has no MX records: its own addresses take its mail</source>
        <translation>%1 hat keine MX-Einträge: Die eigenen Adressen der Domain nehmen ihre Mail an</translation>
    </message>
    <message>
        <source>no addresses</source>
        <translation>keine Adressen</translation>
    </message>
    <message>
        <source>Checking MTA-STS and TLS-RPT of %1</source>
        <translation>MTA-STS und TLS-RPT von %1 werden geprüft</translation>
    </message>
    <message>
        <source>%1 (%2): the result of %3 is reused</source>
        <translation>%1 (%2): Das Ergebnis von %3 wird wiederverwendet</translation>
    </message>
    <message>
        <source>%1 (%2): waiting for the probe of this address under way</source>
        <translation>%1 (%2): Es wird auf die laufende Prüfung dieser Adresse gewartet</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeSettingsDialog</name>
    <message>
        <source>Probe Settings</source>
        <translation>Prüfeinstellungen</translation>
    </message>
    <message>
        <source>the system&apos;s resolver</source>
        <translation>Resolver des Systems</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <source>Every name a probe looks up (mail servers, their addresses, the MTA-STS policy host) goes to this server, on port 53. Empty: the system&apos;s resolver.</source>
        <translation>Jeder Name, den eine Prüfung abfragt (Mailserver, ihre Adressen, der Host der MTA-STS-Richtlinie), geht an diesen Server, auf Port 53. Leer: der Resolver des Systems.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>How long a probe waits for a connection and for each reply</source>
        <translation>Wie lange eine Prüfung auf eine Verbindung und auf jede Antwort wartet</translation>
    </message>
    <message>
        <source>Sessions at once</source>
        <translation>Gleichzeitige Sitzungen</translation>
    </message>
    <message>
        <source>SMTP sessions open at once over all servers; one server never gets two at once</source>
        <translation>Gleichzeitig offene SMTP-Sitzungen über alle Server; ein einzelner Server erhält nie zwei gleichzeitig</translation>
    </message>
    <message>
        <source>&amp;DNS server:</source>
        <translation>&amp;DNS-Server:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Sessions at once:</source>
        <translation>&amp;Gleichzeitige Sitzungen:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: give the DNS server&apos;s IPv4 or IPv6 address (it is asked on port 53), or leave it empty for the system&apos;s resolver.</source>
        <translation>„%1“ ist keine IP-Adresse: Geben Sie die IPv4- oder IPv6-Adresse des DNS-Servers an (er wird auf Port 53 abgefragt), oder lassen Sie das Feld leer, um den Resolver des Systems zu verwenden.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>nicht behalten</translation>
    </message>
    <message>
        <source>Keep results</source>
        <translation>Ergebnisse behalten</translation>
    </message>
    <message>
        <source>How long an address&apos;s result is reused instead of probing it again (0: never)</source>
        <translation>Wie lange das Ergebnis einer Adresse wiederverwendet wird, statt sie erneut zu prüfen (0: nie)</translation>
    </message>
    <message>
        <source>&amp;Keep results for:</source>
        <translation>Ergebnisse &amp;behalten für:</translation>
    </message>
</context>
<context>
    <name>mailtls::ProbeStepLog</name>
    <message>
        <source>Probe steps</source>
        <translation>Prüfschritte</translation>
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
    <name>mailtls::RevertJob</name>
    <message>
        <source>%1 could not be started on %2: %3</source>
        <translation>%1 konnte auf %2 nicht gestartet werden: %3</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2)</source>
        <translation>%1 ist fehlgeschlagen (Exit-Status %2)</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2): %3</source>
        <translation>%1 ist fehlgeschlagen (Exit-Status %2): %3</translation>
    </message>
    <message>
        <source>cannot write the revert job&apos;s script %1: %2</source>
        <translation>das Skript %1 des Rücksetzauftrags kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>atd, which runs at&apos;s jobs, is not running on %1 (at: %2)</source>
        <translation>atd, das die Aufträge von at ausführt, läuft auf %1 nicht (at: %2)</translation>
    </message>
    <message>
        <source>%1 printed no job number: %2</source>
        <translation>%1 hat keine Auftragsnummer ausgegeben: %2</translation>
    </message>
    <message>
        <source>the revert job could not be scheduled: %1</source>
        <translation>der Rücksetzauftrag konnte nicht eingeplant werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an at job</source>
        <translation>„%1“ ist kein at-Auftrag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a revert job MailTLS knows</source>
        <translation>„%1“ ist kein Rücksetzauftrag, den MailTLS kennt</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
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
    <name>mailtls::SendmailInspection</name>
    <message>
        <source>neither sendmail-mta nor sendmail was found on this computer: is Sendmail installed? (looked in %1)</source>
        <translation>weder sendmail-mta noch sendmail wurde auf diesem Computer gefunden: Ist Sendmail installiert? (gesucht in %1)</translation>
    </message>
    <message>
        <source>there is no folder %1</source>
        <translation>den Ordner %1 gibt es nicht</translation>
    </message>
    <message>
        <source>there is no sendmail.cf in %1: build it from sendmail.mc first (make -C %1)</source>
        <translation>in %1 gibt es keine sendmail.cf: Bauen Sie sie zuerst aus sendmail.mc (make -C %1)</translation>
    </message>
    <message>
        <source>The inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 is Postfix&apos;s sendmail command, not Sendmail (it answered &quot;%2&quot;): inspect Postfix with --mta postfix, or point MailTLS at Sendmail&apos;s own binary (sendmail-mta, /usr/libexec/sendmail/sendmail)</source>
        <translation>%1 ist der sendmail-Befehl von Postfix, nicht Sendmail (Antwort: „%2“): Untersuchen Sie Postfix mit --mta postfix, oder verweisen Sie MailTLS auf das eigene Programm von Sendmail (sendmail-mta, /usr/libexec/sendmail/sendmail)</translation>
    </message>
    <message>
        <source>%1 is Exim&apos;s sendmail command, not Sendmail (it answered &quot;%2&quot;): inspect Exim with --mta exim</source>
        <translation>%1 ist der sendmail-Befehl von Exim, nicht Sendmail (Antwort: „%2“): Untersuchen Sie Exim mit --mta exim</translation>
    </message>
    <message>
        <source>%1 did not answer as Sendmail does to -d0.14 -bt (no &quot;Version&quot; line; it said &quot;%2&quot;)</source>
        <translation>%1 hat auf -d0.14 -bt nicht wie Sendmail geantwortet (keine Zeile „Version“; Antwort: „%2“)</translation>
    </message>
    <message>
        <source>there is no sendmail.mc in %1</source>
        <translation>in %1 gibt es keine sendmail.mc</translation>
    </message>
    <message>
        <source>m4 is not installed (apt install m4): sendmail.mc cannot be built</source>
        <translation>m4 ist nicht installiert (apt install m4): sendmail.mc kann nicht gebaut werden</translation>
    </message>
    <message>
        <source>m4 exited with status %1</source>
        <translation>m4 wurde mit Status %1 beendet</translation>
    </message>
    <message>
        <source>start-stop-daemon was not found: whether Sendmail runs cannot be told</source>
        <translation>start-stop-daemon wurde nicht gefunden: Ob Sendmail läuft, lässt sich nicht feststellen</translation>
    </message>
    <message>
        <source>Sendmail names no PID file: whether it runs cannot be told</source>
        <translation>Sendmail nennt keine PID-Datei: Ob es läuft, lässt sich nicht feststellen</translation>
    </message>
    <message>
        <source>start-stop-daemon could not be run: %1</source>
        <translation>start-stop-daemon konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>start-stop-daemon --status --pidfile %1: exit status %2</source>
        <translation>start-stop-daemon --status --pidfile %1: Exit-Status %2</translation>
    </message>
    <message>
        <source>start-stop-daemon --status --pidfile %1: exit status %2 (%3)</source>
        <translation>start-stop-daemon --status --pidfile %1: Exit-Status %2 (%3)</translation>
    </message>
    <message>
        <source>There is no host to inspect Sendmail on.</source>
        <translation>Es gibt keinen Host, auf dem Sendmail untersucht werden kann.</translation>
    </message>
    <message>
        <source>%1 is not an absolute path: on another host the configuration folder is named in full</source>
        <translation>%1 ist kein absoluter Pfad: Auf einem anderen Host wird der Konfigurationsordner vollständig angegeben</translation>
    </message>
    <message>
        <source>neither sendmail-mta nor sendmail was found on %1: is Sendmail installed? (looked in %2)</source>
        <translation>weder sendmail-mta noch sendmail wurde auf %1 gefunden: Ist Sendmail installiert? (gesucht in %2)</translation>
    </message>
</context>
<context>
    <name>mailtls::ServiceHostFiles</name>
    <message>
        <source>find could not be run on %1: %2</source>
        <translation>find konnte auf %1 nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>stat could not be run on %1: %2</source>
        <translation>stat konnte auf %1 nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 was not read by the inspection</source>
        <translation>%1 wurde bei der Untersuchung nicht gelesen</translation>
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
    <name>mailtls::SmtpReplyReader</name>
    <message>
        <source>a reply line exceeds %1 bytes</source>
        <translation>eine Antwortzeile ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>the reply exceeds %1 bytes</source>
        <translation>die Antwort ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>not an SMTP reply: %1</source>
        <translation>keine SMTP-Antwort: %1</translation>
    </message>
</context>
<context>
    <name>mailtls::SmtpSession</name>
    <message>
        <source>Connecting to %1 port %2 (%3)</source>
        <translation>Verbindung zu %1 Port %2 wird aufgebaut (%3)</translation>
    </message>
    <message>
        <source>no address to connect to</source>
        <translation>keine Adresse zum Verbinden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>plaintext only</source>
        <translation>nur Klartext</translation>
    </message>
    <message>
        <source>default TLS client</source>
        <translation>Standard-TLS-Client</translation>
    </message>
    <message>
        <source>DHE only, TLS 1.2</source>
        <translation>nur DHE, TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.0 only</source>
        <translation>nur TLS 1.0</translation>
    </message>
    <message>
        <source>TLS 1.1 only</source>
        <translation>nur TLS 1.1</translation>
    </message>
    <message>
        <source>TLS 1.2 only</source>
        <translation>nur TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.3 only</source>
        <translation>nur TLS 1.3</translation>
    </message>
    <message>
        <source>Sending QUIT</source>
        <translation>QUIT wird gesendet</translation>
    </message>
    <message>
        <source>Connected, waiting for the greeting</source>
        <translation>Verbunden, Begrüßung wird erwartet</translation>
    </message>
    <message>
        <source>Greeted: %1; sending EHLO %2</source>
        <translation>Begrüßt: %1; EHLO %2 wird gesendet</translation>
    </message>
    <message>
        <source>STARTTLS is not advertised; %1 stands where it would be: something on the path removes it</source>
        <translation>STARTTLS wird nicht angekündigt; an seiner Stelle steht %1: Etwas auf dem Weg entfernt es</translation>
    </message>
    <message>
        <source>STARTTLS is not advertised</source>
        <translation>STARTTLS wird nicht angekündigt</translation>
    </message>
    <message>
        <source>STARTTLS is advertised (not used in this session)</source>
        <translation>STARTTLS wird angekündigt (in dieser Sitzung nicht verwendet)</translation>
    </message>
    <message>
        <source>STARTTLS is advertised; sending STARTTLS</source>
        <translation>STARTTLS wird angekündigt; STARTTLS wird gesendet</translation>
    </message>
    <message>
        <source>The server says try later: %1</source>
        <translation>Der Server bittet, es später erneut zu versuchen: %1</translation>
    </message>
    <message>
        <source>The server refuses: %1</source>
        <translation>Der Server lehnt ab: %1</translation>
    </message>
    <message>
        <source>unexpected reply: %1</source>
        <translation>unerwartete Antwort: %1</translation>
    </message>
    <message>
        <source>TLS handshake (%1)</source>
        <translation>TLS-Handshake (%1)</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <source>TLS established: %1, %2, %3</source>
        <translation>TLS aufgebaut: %1, %2, %3</translation>
    </message>
    <message>
        <source>the connection closed while connecting</source>
        <translation>die Verbindung wurde beim Aufbau geschlossen</translation>
    </message>
    <message>
        <source>the server closed the connection without a greeting</source>
        <translation>der Server hat die Verbindung ohne Begrüßung geschlossen</translation>
    </message>
    <message>
        <source>the server closed the connection before its reply was complete</source>
        <translation>der Server hat die Verbindung geschlossen, bevor seine Antwort vollständig war</translation>
    </message>
    <message>
        <source>%1 (received: %2)</source>
        <translation>%1 (empfangen: %2)</translation>
    </message>
    <message>
        <source>no connection within %1 ms</source>
        <translation>keine Verbindung innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no complete reply within %1 ms (received: %2)</source>
        <translation>keine vollständige Antwort innerhalb von %1 ms (empfangen: %2)</translation>
    </message>
    <message>
        <source>the TLS handshake did not finish within %1 ms</source>
        <translation>der TLS-Handshake wurde nicht innerhalb von %1 ms abgeschlossen</translation>
    </message>
    <message>
        <source>Session done in %1 ms</source>
        <translation>Sitzung nach %1 ms beendet</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Timed out: %1</source>
        <translation>Zeitüberschreitung: %1</translation>
    </message>
    <message>
        <source>Rate-limited, try later: %1</source>
        <translation>Gedrosselt, später erneut versuchen: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not SMTP: %1</source>
        <translation>Kein SMTP: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
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
    <name>mailtls::SubmissionClient</name>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>der Begrüßung</translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation>des TLS-Handshakes</translation>
    </message>
    <message>
        <source>the login</source>
        <translation>der Anmeldung</translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <source>RCPT TO</source>
        <translation>RCPT TO</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>DATA</translation>
    </message>
    <message>
        <source>the letter&apos;s transfer</source>
        <translation>der Übertragung des Schreibens</translation>
    </message>
    <message>
        <source>no submission server given</source>
        <translation>kein Einlieferungsserver angegeben</translation>
    </message>
    <message>
        <source>the sender &quot;%1&quot; is not a plain address</source>
        <translation>der Absender „%1“ ist keine einfache Adresse</translation>
    </message>
    <message>
        <source>the letter has no recipient</source>
        <translation>das Schreiben hat keinen Empfänger</translation>
    </message>
    <message>
        <source>the letter is empty</source>
        <translation>das Schreiben ist leer</translation>
    </message>
    <message>
        <source>the public key to trust is not given as its SHA-256 digest</source>
        <translation>der zu vertrauende öffentliche Schlüssel ist nicht als SHA-256-Hashwert angegeben</translation>
    </message>
    <message>
        <source>the recipient &quot;%1&quot; is not a plain address</source>
        <translation>der Empfänger „%1“ ist keine einfache Adresse</translation>
    </message>
    <message>
        <source>cancelled during %1</source>
        <translation>abgebrochen während %1</translation>
    </message>
    <message>
        <source>%1 did not confirm the letter</source>
        <translation>%1 hat das Schreiben nicht bestätigt</translation>
    </message>
    <message>
        <source>%1 offers no login (AUTH) after STARTTLS; send without a user name if it takes mail from you without one</source>
        <translation>%1 bietet nach STARTTLS keine Anmeldung (AUTH) an; senden Sie ohne Benutzernamen, falls der Server Ihre Mail auch ohne annimmt</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>%1 did not confirm the letter within %2 s: it may have been sent</source>
        <translation>%1 hat das Schreiben nicht innerhalb von %2 s bestätigt: Es wurde möglicherweise dennoch gesendet</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s during %3</source>
        <translation>%1 hat während %3 nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 hat STARTTLS abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, so the connection cannot be encrypted: nothing was sent (no password, no letter). Use the server&apos;s port 465 if it takes TLS there, or switch STARTTLS on in the server.</source>
        <translation>%1 bietet kein STARTTLS an, daher kann die Verbindung nicht verschlüsselt werden: Es wurde nichts gesendet (kein Passwort, kein Schreiben). Verwenden Sie Port 465 des Servers, falls er dort TLS annimmt, oder schalten Sie STARTTLS im Server ein.</translation>
    </message>
    <message>
        <source>the certificate of %1 is not the one to trust: the SHA-256 digest of its public key is %2, not %3</source>
        <translation>das Zertifikat von %1 ist nicht das zu vertrauende: Der SHA-256-Hashwert seines öffentlichen Schlüssels ist %2, nicht %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed: %2</source>
        <translation>der TLS-Handshake mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation>%1 hat die Anmeldung von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 offers no login MailTLS can use (PLAIN or LOGIN); it offers %2</source>
        <translation>%1 bietet keine Anmeldung an, die MailTLS verwenden kann (PLAIN oder LOGIN); angeboten wird %2</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 hat die Verbindung abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 refused EHLO: %2</source>
        <translation>%1 hat EHLO abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 refused the sender %2: %3</source>
        <translation>%1 hat den Absender %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 refused the recipient %2: %3</source>
        <translation>%1 hat den Empfänger %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 refused DATA: %2</source>
        <translation>%1 hat DATA abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 refused the letter: %2</source>
        <translation>%1 hat das Schreiben abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 sent more than its reply to STARTTLS before the TLS handshake (someone on the way may have injected it): nothing was sent</source>
        <translation>%1 hat vor dem TLS-Handshake mehr als seine Antwort auf STARTTLS gesendet (möglicherweise hat jemand auf dem Übertragungsweg etwas eingeschleust): Es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>%1 does not answer as an SMTP server during %2: %3</source>
        <translation>%1 antwortet während %2 nicht wie ein SMTP-Server: %3</translation>
    </message>
    <message>
        <source>%1 closed the connection during %2</source>
        <translation>%1 hat die Verbindung während %2 geschlossen</translation>
    </message>
</context>
<context>
    <name>mailtls::TerminalAskpass</name>
    <message>
        <source>%1 (port %2) is a host MailTLS does not know. Its %3 key fingerprint is %4. If the server&apos;s administrator confirms that fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub on the server), run again with --accept-host-key %4</source>
        <translation>%1 (Port %2) ist ein Host, den MailTLS nicht kennt. Der Fingerabdruck seines %3-Schlüssels ist %4. Wenn der Administrator des Servers diesen Fingerabdruck bestätigt (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub auf dem Server), erneut mit --accept-host-key %4 ausführen</translation>
    </message>
    <message>
        <source>It will be asked for each time.</source>
        <translation>Es wird jedes Mal danach gefragt.</translation>
    </message>
    <message>
        <source>ssh asks &quot;%1&quot;, and there is no terminal to ask on: use a key without a passphrase or an ssh-agent, or run %2 once in a terminal so the answer is kept in the keychain</source>
        <translation>ssh fragt „%1“, aber es gibt kein Terminal für die Frage: einen Schlüssel ohne Passphrase oder einen ssh-agent verwenden, oder %2 einmal in einem Terminal ausführen, damit die Antwort im Schlüsselbund gespeichert wird</translation>
    </message>
</context>
<context>
    <name>mailtls::TlsClient</name>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>der Server hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>the TLS handshake failed (OpenSSL error %1)</source>
        <translation>der TLS-Handshake ist fehlgeschlagen (OpenSSL-Fehler %1)</translation>
    </message>
    <message>
        <source>the server closed the connection without close_notify</source>
        <translation>der Server hat die Verbindung ohne close_notify geschlossen</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>der Server hat kein Zertifikat gesendet</translation>
    </message>
    <message>
        <source>the server sent more than %1 bytes during the TLS handshake</source>
        <translation>der Server hat während des TLS-Handshakes mehr als %1 Bytes gesendet</translation>
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
    <message>
        <source>P&amp;robe</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Probe the selected peer&apos;s mail servers: the size and name of their Diffie-Hellman group, and the rest of their TLS</source>
        <translation>Die Mailserver der ausgewählten Gegenstelle prüfen: Größe und Name ihrer Diffie-Hellman-Gruppe und ihr übriges TLS</translation>
    </message>
    <message>
        <source>Probe the selected DHE peer</source>
        <translation>Die ausgewählte DHE-Gegenstelle prüfen</translation>
    </message>
    <message>
        <source>Fix My Server…</source>
        <translation>Meinen Server in Ordnung bringen …</translation>
    </message>
    <message>
        <source>Fix my server</source>
        <translation>Meinen Server in Ordnung bringen</translation>
    </message>
    <message>
        <source>Replace a weak Diffie-Hellman group, turn STARTTLS or TLS logging on in the own Postfix</source>
        <translation>Eine schwache Diffie-Hellman-Gruppe ersetzen, STARTTLS oder die TLS-Protokollierung im eigenen Postfix einschalten</translation>
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
    <name>mailtls::VerdictLabel</name>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Bewertung: %1</translation>
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
        <source>Open the window on the bundled demo data</source>
        <translation>Das Fenster mit den mitgelieferten Beispieldaten öffnen</translation>
    </message>
    <message>
        <source>MailTLS shows how much of your mail crosses the wire encrypted (STARTTLS) and how much in plaintext, per peer.

Commands:
  report   print per-peer figures from logs and/or a database (mailtls report --help)
  import   add logs to a database (mailtls import --help)
  follow   follow logs as they are written into a database (mailtls follow --help)
  export   write the dashboard&apos;s figures as CSV (mailtls export --help)
  probe    check what a domain&apos;s mail servers offer (STARTTLS, TLS, certificate) and what to fix (mailtls probe --help)
  dhparam  write Diffie-Hellman parameters for a mail server, or inspect a DH parameter file (mailtls dhparam --help)
  fix      fix weak Diffie-Hellman, STARTTLS or TLS logging on your own Postfix, showing every change first (mailtls fix --help)
  campaign require STARTTLS on your Postfix for a while, see who fails, write to them (mailtls campaign --help)

Without a command, the window opens.</source>
        <translation>MailTLS zeigt je Gegenstelle, wie viel Ihrer Mail verschlüsselt (STARTTLS) und wie viel unverschlüsselt übertragen wird.

Befehle:
  report   Zahlen je Gegenstelle aus Protokollen und/oder einer Datenbank ausgeben (mailtls report --help)
  import   Protokolle zu einer Datenbank hinzufügen (mailtls import --help)
  follow   Protokolle beim Schreiben in eine Datenbank mitlesen (mailtls follow --help)
  export   die Zahlen des Dashboards als CSV schreiben (mailtls export --help)
  probe    prüfen, was die Mailserver einer Domain anbieten (STARTTLS, TLS, Zertifikat) und was zu beheben ist (mailtls probe --help)
  dhparam  Diffie-Hellman-Parameter für einen Mailserver schreiben oder eine DH-Parameterdatei untersuchen (mailtls dhparam --help)
  fix      schwaches Diffie-Hellman, STARTTLS oder TLS-Protokollierung am eigenen Postfix beheben und dabei jede Änderung vorher zeigen (mailtls fix --help)
  campaign eine Zeit lang STARTTLS am eigenen Postfix verlangen, sehen, wer scheitert, und diese anschreiben (mailtls campaign --help)

Ohne Befehl öffnet sich das Fenster.</translation>
    </message>
    <message>
        <source>report, import, follow, export, probe, dhparam, fix or campaign</source>
        <translation>report, import, follow, export, probe, dhparam, fix oder campaign</translation>
    </message>
</context>
</TS>
