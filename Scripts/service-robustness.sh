#!/usr/bin/env bash
# Loads a naicxbrl-serve started on a loopback port and reports what BENCHMARKS.md records for
# issue 20's robustness bars (each part bounded in time, 127.0.0.1 only):
#   1. 1,000 concurrent connections converting: /healthz polled once a second meanwhile;
#   2. a flood of bodies twice --max-body-bytes: /healthz polled meanwhile, resident memory after;
#   3. memory over ROUNDS x 5,000 or more conversions: resident memory after a warm-up and after each round;
#   4. SIGTERM during a load run (Scripts/service-drain.py): every accepted request answered, exit 0.
#
#     Scripts/service-robustness.sh Service/.build/release/naicxbrl-serve [ROUNDS]
set -euo pipefail
# shellcheck source=Scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
serve="$1"
rounds="${2:-2}"
statement="$root/Fixtures/mml-bay-state-life-2011-q2.txt"
work="$(mktemp -d)"
pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# The server's own messages go to a file, out of the report; port, url and pid are set here.
serve_log="$work/serve.err"
start() { serve_start "$serve" 18190 "$@"; }
stop() {
    kill -TERM "$pid"
    local code=0
    wait "$pid" || code=$?
    pid=
    echo "server exit code: $code"
}
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
poll() {  # SECONDS: /healthz once a second, its status and time
    for _ in $(seq "$1"); do
        sleep 1
        curl -s -o /dev/null --max-time 10 -w "  /healthz %{http_code} in %{time_total} s\n" "$url/healthz" || echo "  /healthz: no answer"
    done
}
load() {  # BODY CONNECTIONS SECONDS
    NAICXBRL_BODY="$1" wrk -t2 -c"$2" -d"$3"s --timeout 5s --latency -s "$root/Scripts/service-load.lua" "$url/v1/convert"
}
summary() { grep -E "requests in|Requests/sec|Non-2xx|Socket errors| 50%| 99%" || true; }

echo "== 1,000 connections ($(uptime))"
ulimit -n 4096
start
load "$statement" 1000 10 >"$work/wrk1.txt" & loader=$!
poll 9
wait "$loader"
summary <"$work/wrk1.txt"
curl -s "$url/metrics" | grep -E '^naicxbrl_http_requests_total\{route="/v1/convert"' || true
curl -s -o /dev/null -w "  /healthz after: %{http_code} in %{time_total} s\n" "$url/healthz"
stop

echo "== oversized bodies ($(uptime))"
head -c 2000000 /dev/zero | tr '\0' 'A' >"$work/big.txt"
start --max-body-bytes 1000000
echo "  resident before: $(rss)"
load "$work/big.txt" 50 10 >"$work/wrk2.txt" & loader=$!
poll 9
wait "$loader"
summary <"$work/wrk2.txt"
curl -s "$url/metrics" | grep -E '^naicxbrl_http_requests_total\{route="/v1/convert"' || true
echo "  resident after: $(rss)"
stop

echo "== memory ($(uptime))"
start
NAICXBRL_BODY="$statement" wrk -t2 -c4 -d10s -s "$root/Scripts/service-load.lua" "$url/v1/convert" | summary
echo "  resident after the warm-up: $(rss)"
for round in $(seq "$rounds"); do
    # At least 5,000 conversions a round, in runs of 15 s.
    done_=0
    while [ "$done_" -lt 5000 ]; do
        n=$(NAICXBRL_BODY="$statement" wrk -t2 -c4 -d15s -s "$root/Scripts/service-load.lua" "$url/v1/convert" | tee -a "$work/wrk3.txt" | awk '/requests in/ {print $1}')
        done_=$((done_ + n))
    done
    echo "  round $round: $done_ conversions; $(grep -c 'Non-2xx\|Socket errors' "$work/wrk3.txt") wrk runs with errors so far"
    echo "  resident after round $round ($(uptime)): $(rss)"
done
curl -s "$url/metrics" | grep -E '^naicxbrl_http_requests_total\{route="/v1/convert"' || true
stop

echo "== SIGTERM during load ($(uptime))"
start
python3 "$root/Scripts/service-drain.py" "$port" "$statement" "$pid" 8 3 && echo "  every accepted request answered" || echo "  SOME ACCEPTED REQUEST WAS NOT ANSWERED"
code=0
wait "$pid" || code=$?
pid=
echo "server exit code: $code"
