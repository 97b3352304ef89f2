#!/usr/bin/env bash
# `mailtls follow` asks on its terminal for a passphrase ssh needs; Ctrl+C
# (SIGINT) at that prompt stops it at once, as at any other moment.
#
#   bash tests/integration/test_follow_prompt.sh /path/to/mailtls
#
# ssh is a stand-in here that asks through SSH_ASKPASS as ssh does (nothing
# connects anywhere); script(1) gives mailtls a terminal. Needs: util-linux
# (script), coreutils.

set -u
MAILTLS=${1:?usage: test_follow_prompt.sh /path/to/mailtls}
T=$(mktemp -d /tmp/mailtls-follow-prompt.XXXXXX)
PID=
cleanup() {
    [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null
    [ "${MAILTLS_KEEP_TMP:-}" = 1 ] || rm -rf "$T"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- the terminal showed:" >&2
    cat "$T/tty.out" >&2
    exit 1
}

mkdir -p "$T/bin"
cat > "$T/bin/ssh" <<'SSH'
#!/bin/sh
"$SSH_ASKPASS" "Enter passphrase for key '/nonexistent/id_test': " >/dev/null
exec sleep 60
SSH
chmod +x "$T/bin/ssh"
cat > "$T/run.sh" <<RUN
#!/bin/sh
echo \$\$ > "$T/pid"
export PATH="$T/bin:\$PATH" HOME="$T" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
exec "$MAILTLS" follow --progress-interval 0 --db "$T/db.sqlite" ssh://127.0.0.1/var/log/mail.log
RUN
chmod +x "$T/run.sh"

: > "$T/tty.out"
script -qfec "$T/run.sh" /dev/null > "$T/tty.out" 2>&1 < /dev/null &
SCRIPT_PID=$!
for _ in $(seq 1 200); do
    grep -q "Enter passphrase" "$T/tty.out" && break
    sleep 0.1
done
grep -q "Enter passphrase" "$T/tty.out" || fail "the passphrase prompt did not come"
PID=$(cat "$T/pid")
kill -INT "$PID"
for _ in $(seq 1 100); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$PID" 2>/dev/null && fail "mailtls follow still waits at the prompt 10 s after SIGINT"
PID=
wait "$SCRIPT_PID"
grep -q "stopped; 0 lines read and stored" "$T/tty.out" || fail "mailtls follow did not stop cleanly"
grep -q "there is no terminal to ask on" "$T/tty.out" && fail "an interrupted prompt was taken for a missing terminal"
echo "PASS: SIGINT at the passphrase prompt stops mailtls follow"
echo "1 passed, 0 failed"
