#!/bin/sh
# Installs headless Chromium for the browser smoke test when it is missing (apt-get as root or with sudo).
# Elsewhere it says how; the smoke test then reports itself skipped (CI sets HANDBOOK_REQUIRE_BROWSER=1).
set -eu
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
        echo "Chromium is missing: installing it with apt-get for the browser smoke test." >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        exit 0
    fi
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "Chromium is missing: installing it with sudo apt-get for the browser smoke test." >&2
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        exit 0
    fi
    echo "Chromium is missing, so the browser smoke test will be skipped. To run it: sudo apt-get install chromium" >&2
    exit 0
fi
echo "Chromium is missing, so the browser smoke test will be skipped. Install Chromium or Google Chrome to run it." >&2
