# Sourced by the ensure-*.sh scripts: `have COMMAND` and `apt_install PACKAGE WHAT [BREW]`, which installs a
# Debian package as root or with sudo, or says how and that WHAT is left out.

have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
    if have apt-get && [ "$(id -u)" = "0" ]; then
        echo "$1 is missing: installing it with apt-get for $2." >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    elif have apt-get && have sudo && sudo -n true 2>/dev/null; then
        echo "$1 is missing: installing it with sudo apt-get for $2." >&2
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    else
        echo "$1 is missing, so $2 will be skipped. To include it: sudo apt-get install $1 (macOS: brew install ${3:-$1})" >&2
    fi
}
