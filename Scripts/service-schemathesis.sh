#!/usr/bin/env bash
# Starts naicxbrl-serve on a loopback port, runs a short schemathesis pass against
# Service/openapi.json (every answer must be one the document lists, never a 5xx), then stops the
# server with SIGTERM and requires exit code 0.
#
#     Scripts/service-schemathesis.sh Service/.build/debug/naicxbrl-serve [MAX_EXAMPLES]
set -euo pipefail
# shellcheck source=Scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

serve="$1"
examples="${2:-25}"
venv="$root/.venv-schemathesis"

if ! "$venv/bin/python" -c 'import schemathesis' >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --disable-pip-version-check --quiet schemathesis
fi

pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true' EXIT
serve_start "$serve" 18790 --time-limit 20

"$venv/bin/schemathesis" run "$root/Service/openapi.json" --url "$url" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --request-timeout 30

kill -TERM "$pid"
trap - EXIT
wait "$pid"
echo "service-schemathesis: the server stopped with exit code 0"
