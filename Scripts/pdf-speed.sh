#!/usr/bin/env bash
# How long a filed annual PDF takes to convert, against one `pdftotext -bbox` of the whole file
# on the same machine, measured in one run (best of three each):
#
#   Scripts/pdf-speed.sh [path/to/naicxbrl] [FILE.pdf]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="${1:-$root/.build/release/naicxbrl}"
pdf="${2:-$root/Fixtures/annual/forethought-life-2025-annual.pdf}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
best() {
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1]); b='$best'; print(a if not b or a < float(b) else float(b))" "$(python3 -c "print($end - $start)")")
    done
    echo "$best"
}
whole=$(best pdftotext -bbox -enc UTF-8 -q "$pdf" "$out/whole.html")
convert=$(best "$tool" convert "$pdf" -o "$out/out.xbrl")
python3 -c "print(f'pdftotext -bbox, whole file: {float(\"$whole\"):.3f} s; naicxbrl convert: {float(\"$convert\"):.3f} s; ratio {float(\"$convert\")/float(\"$whole\"):.2f}')"
