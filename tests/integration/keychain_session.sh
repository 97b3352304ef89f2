#!/bin/sh
# Runs a keychain test inside a private D-Bus session with a keyring of its own,
# in a temporary HOME and XDG_RUNTIME_DIR, so it never touches the keychain of
# whoever runs it.
#
#   keychain_session.sh MODE TEST [ARGS...]
#
#   unlocked    gnome-keyring-daemon with an unlocked login keyring
#   locked      the same keyring locked, and no display for a prompt to open it
#   no-service  a session bus with no Secret Service on it
#
# The test learns the mode from MAILTLS_KEYCHAIN_SESSION. Exits 77 (skipped)
# when dbus-run-session or gnome-keyring-daemon is missing.
set -eu

mode=$1
shift

for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skipped: $tool is not installed"
        exit 77
    fi
done

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -m 700 "$T/home" "$T/runtime" "$T/runtime2"
export HOME="$T/home"
export XDG_RUNTIME_DIR="$T/runtime"
export XDG_DATA_HOME="$T/home/.local/share"
export XDG_CONFIG_HOME="$T/home/.config"
export XDG_CACHE_HOME="$T/home/.cache"
export MAILTLS_KEYCHAIN_SESSION="$mode"
# No desktop to prompt on, and no bus but the private one.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XDG_CURRENT_DESKTOP DESKTOP_SESSION

# Inside the session: a gnome-keyring-daemon of its own, in the foreground so
# it is stopped by its pid (not left behind when the bus goes), ready once it
# owns the Secret Service's name; then the command, if any. With KEYRING_UNLOCK
# an empty line unlocks the login keyring (creating it the first time; no line
# at all does not unlock); without, the keyring stays locked.
in_session='
if [ -n "${KEYRING_UNLOCK:-}" ]; then
    echo "" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
else
    gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 </dev/null &
fi
daemon=$!
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
        echo "keychain_session.sh: gnome-keyring-daemon did not start" >&2
        kill "$daemon"
        exit 1
    fi
    sleep 0.1
done
status=0
if [ "$#" -gt 0 ]; then
    "$@" || status=$?
fi
kill "$daemon"
wait "$daemon" || true
exit "$status"
'

status=0
case "$mode" in
unlocked)
    KEYRING_UNLOCK=1 dbus-run-session -- sh -c "$in_session" sh "$@" || status=$?
    ;;
locked)
    # The keyring is made in one session and found locked in the next (another
    # runtime folder: nothing of the first session can answer for it).
    KEYRING_UNLOCK=1 dbus-run-session -- sh -c "$in_session" sh
    XDG_RUNTIME_DIR="$T/runtime2" dbus-run-session -- sh -c "$in_session" sh "$@" || status=$?
    ;;
no-service)
    cat >"$T/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$T/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    dbus-run-session --config-file="$T/session.conf" -- "$@" || status=$?
    ;;
*)
    echo "keychain_session.sh: unknown mode $mode (unlocked, locked, no-service)" >&2
    exit 2
    ;;
esac
exit "$status"
