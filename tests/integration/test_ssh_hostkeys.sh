#!/usr/bin/env bash
# Host keys over SSH: an unknown key is refused until the user accepts it, and
# then kept in MailTLS's own known-hosts file; a changed key is refused always,
# whatever askpass answers, and the file is left as it was.
#
#   MAILTLS_SSH_DRIVER=/path/to/mailtls_ssh_driver bash tests/integration/test_ssh_hostkeys.sh
#
# A private sshd runs on a free port of 127.0.0.1 with its own host key. ssh is
# run through mailtls_ssh_driver, which starts it exactly as SshCommandHost
# prepares it (arguments and environment); askpass is a small script here that
# logs each question and answers what the test tells it to. Set
# MAILTLS_KEEP_TMP=1 to keep the run's folder.
#
# Needs (Debian): openssh-server openssh-client coreutils gawk|mawk. Runs as root.

set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/sshd.sh
. "$HERE/lib/sshd.sh"
# shellcheck source-path=SCRIPTDIR source=lib/check.sh
. "$HERE/lib/check.sh"

DRIVER=${MAILTLS_SSH_DRIVER:-}
if [ -z "$DRIVER" ] || [ ! -x "$DRIVER" ]; then
    sshd_fail "set MAILTLS_SSH_DRIVER to the built mailtls_ssh_driver (ctest does)"
fi


sshd_init
sshd_setup main
sshd_start main
PORT=$(sshd_port main)
SOURCE="ssh://root@127.0.0.1:$PORT/var/log/mail.log"
# Its folder does not exist yet: SshCommandHost makes it (ssh would not).
KNOWN="$T/MailTLS data/known_hosts"

# The user's own known-hosts file is read, never written.
USER_HOME=$(awk -F: -v uid="$(id -u)" '$3 == uid { print $6; exit }' /etc/passwd)
user_known_state() { sha256sum "$USER_HOME/.ssh/known_hosts" 2>/dev/null || echo "absent"; }
USER_KNOWN_BEFORE=$(user_known_state)

# askpass: logs the question and the askpass variables MailTLS set, answers
# with the contents of $T/answer, or fails when that file is missing.
cat >"$T/askpass" <<EOF
#!/bin/sh
{
    printf 'socket=%s target=%s\n' "\$MAILTLS_ASKPASS_SOCKET" "\$MAILTLS_ASKPASS_TARGET"
    printf '%s\n' "\$1"
    printf '%s\n' '--- end of question'
} >>"$T/askpass.log"
[ -f "$T/answer" ] || exit 1
cat "$T/answer"
EOF
chmod 0755 "$T/askpass"
: >"$T/askpass.log"
answer() { printf '%s\n' "$1" >"$T/answer"; }
questions() { grep -c -- '^--- end of question$' "$T/askpass.log"; }

# run NAME REMOTE-ARGV...: ssh as MailTLS runs it; output in $T/NAME.out,
# .err, the driver's report in .report, and the exit status in $RC.
run() {
    local name=$1
    shift
    "$DRIVER" --report "$T/$name.report" --known-hosts "$KNOWN" --askpass "$T/askpass" \
        --askpass-socket mailtls-test-socket --option -F --option "$(sshd_client_config main)" \
        "$SOURCE" -- "$@" </dev/null >"$T/$name.out" 2>"$T/$name.err"
    RC=$?
}
report() { sed -n "s/^$2=//p" "$T/$1.report"; }
known_state() { sha256sum "$KNOWN" 2>/dev/null || echo "absent"; }

# ------------------------------------------------------------- the arguments
"$DRIVER" --print --known-hosts "$KNOWN" --askpass "$T/askpass" --askpass-socket mailtls-test-socket \
    "$SOURCE" -- tail -F /var/log/mail.log >"$T/argv" || sshd_fail "the driver could not print ssh's arguments"
mapfile -d '' -t ARGV <"$T/argv"
EXPECTED=(ssh -T -o StrictHostKeyChecking=ask -o "UserKnownHostsFile=\"$KNOWN\" ~/.ssh/known_hosts"
    -o BatchMode=no -o LogLevel=INFO -o ServerAliveInterval=15 -o ServerAliveCountMax=3 -o ConnectTimeout=15
    -o ForwardAgent=no -o ForwardX11=no -o ClearAllForwardings=yes -p "$PORT" -l root -- 127.0.0.1
    "'tail' '-F' '/var/log/mail.log'")
same "ssh's arguments are exactly SshCommandHost's" "$(printf '[%s] ' "${EXPECTED[@]}")" "$(printf '[%s] ' "${ARGV[@]}")"

# ------------------------------------------------------ unknown key, refused
FINGERPRINT=$(sshd_host_fingerprint main)
answer no
run refused touch "$T/ran-refused"
same "an unknown key answered 'no': ssh fails" 255 "$RC"
check "ssh says the host key was not verified" contains "$T/refused.err" "Host key verification failed."
same "askpass was asked once" 1 "$(questions)"
check "the question names the host and port" contains "$T/askpass.log" \
    "The authenticity of host '[127.0.0.1]:$PORT ([127.0.0.1]:$PORT)' can't be established."
check "the question shows the server's fingerprint" contains "$T/askpass.log" "ED25519 key fingerprint is $FINGERPRINT."
check "askpass sees MailTLS's socket and target" contains "$T/askpass.log" \
    "socket=mailtls-test-socket target=root@127.0.0.1:$PORT"
check "the command did not run" absent "$T/ran-refused"
check "nothing was written to MailTLS's known-hosts file" absent "$KNOWN"
same "MailTLS calls it an unaccepted host key" HostKeyNotAccepted "$(report refused kind)"
same "…that needs the user" yes "$(report refused needsUser)"

# ------------------------------------------------- unknown key, askpass fails
rm -f "$T/answer"
run askpass_failed touch "$T/ran-askpass-failed"
same "a failed askpass refuses the key" 255 "$RC"
check "the command did not run (askpass failed)" absent "$T/ran-askpass-failed"
check "still nothing in MailTLS's known-hosts file" absent "$KNOWN"
same "askpass was asked again" 2 "$(questions)"

# ------------------------------------------------------ unknown key, accepted
# The remote login shell gets every argument back as it was given.
# shellcheck disable=SC2016 # the words are meant literally
HOSTILE=("it's a \"log\"" '$(touch '"$T"'/injected)' '`touch '"$T"'/injected`' "; touch $T/injected"
    'a\b\\c' '' '*' '~' "two
lines" 'Grüße €')
answer yes
run accepted printf '%s\000' "${HOSTILE[@]}"
same "an unknown key answered 'yes': the command runs" 0 "$RC"
same "askpass was asked a third time" 3 "$(questions)"
mapfile -d '' -t ECHOED <"$T/accepted.out"
same "the remote shell got every argument intact" "$(printf '[%s] ' "${HOSTILE[@]}")" "$(printf '[%s] ' "${ECHOED[@]}")"
check "no argument ran as a command" absent "$T/injected"
same "MailTLS's known-hosts file holds the server's key" "[127.0.0.1]:$PORT $(sshd_host_key main)" \
    "$(awk '{ print $1, $2, $3 }' "$KNOWN" 2>/dev/null)"
same "MailTLS reports no failure" None "$(report accepted kind)"
same "the user's known-hosts file is untouched" "$USER_KNOWN_BEFORE" "$(user_known_state)"

# ------------------------------------------------------------ known key now
answer no
run known echo connected
same "the accepted key is trusted from then on" 0 "$RC"
same "…without a question" 3 "$(questions)"
same "…and the command's output arrives" connected "$(cat "$T/known.out")"

# -------------------------------------------------------------- changed key
KNOWN_BEFORE=$(known_state)
sshd_replace_host_key main
NEW_FINGERPRINT=$(sshd_host_fingerprint main)
check "the server has a new key" test "$NEW_FINGERPRINT" != "$FINGERPRINT"
answer yes
for attempt in 1 2; do
    run "changed$attempt" touch "$T/ran-changed"
    same "a changed key is refused (attempt $attempt, askpass would say yes)" 255 "$RC"
    check "ssh warns of the changed key (attempt $attempt)" contains "$T/changed$attempt.err" \
        "REMOTE HOST IDENTIFICATION HAS CHANGED"
    same "askpass was not asked (attempt $attempt)" 3 "$(questions)"
    check "the command did not run (attempt $attempt)" absent "$T/ran-changed"
    same "MailTLS's known-hosts file is unchanged (attempt $attempt)" "$KNOWN_BEFORE" "$(known_state)"
    same "MailTLS calls it a changed host key (attempt $attempt)" HostKeyChanged "$(report "changed$attempt" kind)"
    same "…that needs the user (attempt $attempt)" yes "$(report "changed$attempt" needsUser)"
    check "the message shows the new fingerprint (attempt $attempt)" contains "$T/changed$attempt.report" \
        "ED25519 $NEW_FINGERPRINT"
    check "the message names the file and line of the old key (attempt $attempt)" contains \
        "$T/changed$attempt.report" "$KNOWN, line 1."
done
same "the user's known-hosts file is still untouched" "$USER_KNOWN_BEFORE" "$(user_known_state)"

# --------------------------------- the user removes the old key, accepts anew
ssh-keygen -q -f "$KNOWN" -R "[127.0.0.1]:$PORT" >/dev/null 2>&1 || fail "ssh-keygen -R could not remove the old key"
rm -f "$KNOWN.old"
run reaccepted echo connected
same "with the old key removed, the new key is asked about and accepted" 0 "$RC"
same "…after one more question" 4 "$(questions)"
check "…that shows the new fingerprint" contains "$T/askpass.log" "ED25519 key fingerprint is $NEW_FINGERPRINT."
same "MailTLS's known-hosts file holds the new key" "[127.0.0.1]:$PORT $(sshd_host_key main)" \
    "$(awk '{ print $1, $2, $3 }' "$KNOWN")"

ck_summary
