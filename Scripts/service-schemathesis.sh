#!/usr/bin/env bash
# Starts naicxbrl-serve on a loopback port, runs a short schemathesis pass against
# Service/openapi.json (every answer must be one the document lists, never a 5xx), then stops the
# server with SIGTERM and requires exit code 0.
#
#     Scripts/service-schemathesis.sh Service/.build/debug/naicxbrl-serve [MAX_EXAMPLES]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
serve="$1"
examples="${2:-25}"
port="${NAICXBRL_SERVE_PORT:-18790}"
venv="$root/.venv-schemathesis"

if ! "$venv/bin/python" -c 'import schemathesis' >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --disable-pip-version-check --quiet schemathesis
fi

"$serve" --host 127.0.0.1 --port "$port" --time-limit 20 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.2
done

"$venv/bin/schemathesis" run "$root/Service/openapi.json" --url "http://127.0.0.1:$port" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --request-timeout 30

kill -TERM "$pid"
trap - EXIT
wait "$pid"
echo "service-schemathesis: the server stopped with exit code 0"
