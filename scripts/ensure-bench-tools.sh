#!/bin/sh
# Installs what `make bench` compares against, when missing: Hugo (the reference static-site generator,
# Debian's hugo) and cmark (libcmark's command line, the Markdown floor). Where they cannot be installed it
# says how, and the benchmark leaves those figures out.
set -eu

have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
    if have apt-get && [ "$(id -u)" = "0" ]; then
        echo "$1 is missing: installing it with apt-get for $2." >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    elif have apt-get && have sudo && sudo -n true 2>/dev/null; then
        echo "$1 is missing: installing it with sudo apt-get for $2." >&2
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    else
        echo "$1 is missing, so $2 will be left out. To include it: sudo apt-get install $1 (macOS: brew install $1)" >&2
    fi
}

have hugo || apt_install hugo "the comparison with Hugo"
have cmark || apt_install cmark "the libcmark floor"
