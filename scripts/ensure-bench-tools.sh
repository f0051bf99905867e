#!/bin/sh
# Installs what `make bench` compares against, when missing: Hugo (the reference static-site generator,
# Debian's hugo) and cmark (libcmark's command line, the Markdown floor). Where they cannot be installed it
# says how, and the benchmark leaves those figures out.
set -eu

. "$(dirname "$0")/apt-install.sh"

have hugo || apt_install hugo "the comparison with Hugo"
have cmark || apt_install cmark "the libcmark floor"
