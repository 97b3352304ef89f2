#!/usr/bin/env bash
# MailTLS developer entry point.
#   ./dev.sh run     set up, build and start the app on the bundled demo logs
#   ./dev.sh test    set up, build and run every test (unit, widget, integration)
#   ./dev.sh build   set up and build only
#   ./dev.sh bench   set up, build and run the benchmarks (figures for the README)
#   ./dev.sh package build the Debian package with CPack
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${MAILTLS_BUILD_DIR:-$here/build}"

# Everything the build, the app and the tests need on Debian 12 / Ubuntu.
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libssl-dev zlib1g-dev libpsl-dev publicsuffix libsqlite3-dev libcurl4-openssl-dev
    xvfb xauth
    postfix swaks libnet-ssleay-perl pflogsumm openssl util-linux mount procps diffutils mawk
    desktop-file-utils appstream file dpkg-dev
    qtkeychain-qt6-dev openssh-client openssh-server gnome-keyring dbus-daemon dbus-bin
    libsecret-1-0 systemd systemd-journal-remote sqlite3 busybox
    dnsmasq-base jq testssl.sh sudo at sma
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "dev.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    log "Installing ${missing[*]}"
    # Postfix asks a question on install: answer it with "No configuration"; the
    # tests run private instances of their own and never touch the system one.
    echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_and_build() {
    local werror=OFF
    [ "${CI:-}" = "true" ] && werror=ON
    if [ ! -f "$build/build.ninja" ]; then
        log "Configuring in $build"
        cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAILTLS_WERROR="$werror" >/dev/null
    fi
    log "Building"
    cmake --build "$build" --parallel "$(nproc)"
}

cmd="${1:-}"
case "$cmd" in
    run)
        install_packages
        configure_and_build
        shift
        log "Starting MailTLS on the bundled demo logs"
        exec "$build/app/mailtls" --demo "$@"
        ;;
    test)
        install_packages
        configure_and_build
        log "Running the tests"
        cd "$build"
        ctest --output-on-failure --timeout 900 -j "$(nproc)"
        ;;
    build)
        install_packages
        configure_and_build
        ;;
    bench)
        install_packages
        configure_and_build
        exec bash "$here/tests/bench/run.sh" "$build"
        ;;
    package)
        install_packages
        configure_and_build
        cd "$build" && cpack -G DEB
        ;;
    *)
        sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
