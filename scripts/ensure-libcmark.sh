#!/bin/sh
# Makes sure libcmark and pkg-config are installed, which the package links through pkg-config.
# Installs them with apt-get (as root, or with sudo when a terminal can answer its prompt) or Homebrew;
# otherwise prints the exact command to run and exits 2.
set -eu

if pkg-config --exists libcmark 2>/dev/null; then
    exit 0
fi

case "$(uname -s)" in
Darwin)
    if command -v brew >/dev/null 2>&1; then
        echo "libcmark is missing: installing it with Homebrew." >&2
        brew install cmark pkg-config
        exit 0
    fi
    echo "libcmark is missing. Install Homebrew (https://brew.sh), then run: brew install cmark pkg-config" >&2
    exit 2
    ;;
*)
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" = "0" ]; then
            echo "libcmark is missing: installing it with apt-get." >&2
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config
            exit 0
        fi
        if command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
            echo "libcmark is missing: installing it with sudo apt-get." >&2
            sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config
            exit 0
        fi
        echo "libcmark is missing. Install it, then run make again: sudo apt-get install libcmark-dev pkg-config" >&2
        exit 2
    fi
    echo "libcmark is missing. Install your system's cmark development package (Debian/Ubuntu: libcmark-dev; Fedora: cmark-devel) and pkg-config." >&2
    exit 2
    ;;
esac
