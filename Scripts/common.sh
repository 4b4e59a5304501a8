# Sourced by the scripts: the checkout's root as $root, and what several of them do alike.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# naicxbrl_tool [PATH]: prints PATH or, without one, builds the command line (release) and
# prints where it is.
naicxbrl_tool() {
    if [ -n "${1:-}" ]; then
        echo "$1"
        return
    fi
    (cd "$root" && swift build -c release --product naicxbrl >&2)
    echo "$root/.build/release/naicxbrl"
}

# serve_start SERVER DEFAULT_PORT [ARGS...]: starts naicxbrl-serve SERVER with ARGS on
# 127.0.0.1, port NAICXBRL_SERVE_PORT or DEFAULT_PORT, its standard error appended to
# $serve_log where that is set; sets port, url and pid, and waits up to 10 s for /healthz to
# answer (fails, saying so, if it does not).
serve_start() {
    local server="$1"
    port="${NAICXBRL_SERVE_PORT:-$2}"
    url="http://127.0.0.1:$port"
    shift 2
    if [ -n "${serve_log:-}" ]; then
        "$server" --host 127.0.0.1 --port "$port" "$@" 2>>"$serve_log" &
    else
        "$server" --host 127.0.0.1 --port "$port" "$@" &
    fi
    pid=$!
    for _ in $(seq 100); do
        curl -fs "$url/healthz" >/dev/null && return 0
        sleep 0.1
    done
    echo "the server did not start" >&2
    return 1
}
