#!/usr/bin/env bash
# Creates (once) a Python venv at the repository root with Arelle installed, and prints the
# directory of the official XBRL schemas that the arelle-release package ships, for the tests that
# compare the bundled base schemas with them:
#
#     export NAICXBRL_OFFICIAL_SCHEMAS=$(Scripts/arelle-env.sh | tail -1)
#
# Everything but that last line goes to stderr, so the caller's `tail -1` is the path even when
# pip talks. Running it again reuses the venv and only prints the path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-arelle"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "arelle-env: creating $venv" >&2
    if ! "$python" -m venv "$venv" >&2; then
        rm -rf "$venv"
        echo "arelle-env: '$python -m venv' failed; on Debian, apt-get install python3-venv" >&2
        exit 1
    fi
fi

# Importing is quick and offline; install only when the package is not there yet (or a previous
# install was interrupted and left no importable package).
if ! "$venv/bin/python" -c 'import arelle' >/dev/null 2>&1; then
    echo "arelle-env: installing arelle-release" >&2
    "$venv/bin/pip" install --disable-pip-version-check --quiet arelle-release >&2
fi

# Ask the installed package where it lives rather than guessing the site-packages path, which
# carries the Python version in it.
cache="$("$venv/bin/python" - <<'PY'
import os, importlib.util
spec = importlib.util.find_spec("arelle")
pkg = os.path.dirname(spec.origin)
print(os.path.join(pkg, "resources", "cache", "http"))
PY
)"

if [ ! -f "$cache/www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd" ]; then
    echo "arelle-env: no official schemas under $cache" >&2
    exit 1
fi
echo "$cache"
