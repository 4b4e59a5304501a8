#!/usr/bin/env bash
# Times, side by side in one run and on the same instance:
#   - naicxbrl validate (taxonomy compiled with the validation variant of the instance schema),
#   - xmllint --schema with the official XBRL 2.1 schemas (through an XML catalog),
#   - Arelle's validation (arelle-release, offline, with the taxonomy package),
# a cold `naicxbrl convert` of the reference statement (wall time and peak memory), batch
# conversion of generated statements, and the import of a synthetic instance of 1,000,000 facts;
# prints ratios, not only times.
#
#   Scripts/compare.sh [STATEMENTS]     (default 1000 generated statements)
#
# NAICXBRL_SCRATCH (default .build) is the build folder of the main package, for a checkout
# where another build already uses .build.
set -euo pipefail

# shellcheck source=Scripts/xmllint-official.sh
source "$(dirname "${BASH_SOURCE[0]}")/xmllint-official.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
count="${1:-1000}"
runs=5

scratch="${NAICXBRL_SCRATCH:-.build}"
# The shipped build links the Swift runtime statically: a self-contained binary that starts
# faster and maps far less shared-library memory than one linked to the shared runtime.
swift build -c release --static-swift-stdlib --product naicxbrl --scratch-path "$scratch" >&2
(cd Benchmarks && swift build -c release --product synthesize >&2)
tool="$root/$scratch/release/naicxbrl"
synthesize="$root/Benchmarks/.build/release/synthesize"
official="$(Scripts/arelle-env.sh | tail -1)"
arelle="$root/.venv-arelle/bin/arelleCmdLine"
command -v xmllint >/dev/null || { echo "xmllint is missing: apt-get install libxml2-utils" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$tool" convert Fixtures/mml-bay-state-life-2011-q2.txt -o "$out/fixture.xbrl"
"$tool" taxonomy --package "$out/naiclq-2011.zip"
official_xmllint_setup "$out" "$out/naiclq-2011.zip" "$official" "$out/fixture.xbrl"

# The best of $runs wall-clock times of a command, in milliseconds.
best() {
    local best_ms=""
    for _ in $(seq "$runs"); do
        local start end ms
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
    done
    echo "$best_ms"
}

naicxbrl_ms=$(best "$tool" validate "$out/fixture.xbrl")
xmllint_ms=$(best env XML_CATALOG_FILES="$out/catalog.xml" xmllint --nonet --noout --schema "$out/validate.xsd" "$out/fixture.xbrl")
arelle_ms=$(best "$arelle" -f "$out/fixture.xbrl" --packages "$out/naiclq-2011.zip" -v --workOffline --disablePersistentConfig --formula none)

echo "Validation of the reference statement's instance ($(wc -c < "$out/fixture.xbrl") bytes), best of $runs, whole process:"
printf '  %-44s %8s ms\n' "naicxbrl validate" "$naicxbrl_ms" "xmllint --schema (official XBRL 2.1 schemas)" "$xmllint_ms" "Arelle (validate, offline)" "$arelle_ms"
awk -v n="$naicxbrl_ms" -v x="$xmllint_ms" -v a="$arelle_ms" 'BEGIN {
    if (n < 1) n = 1
    printf "  naicxbrl is %.1f times faster than xmllint and %.1f times faster than Arelle\n", x / n, a / n }'

# Cold process: the reference statement converted and validated, best of $runs, and its peak
# resident memory (GNU time's maximum resident set size).
convert_ms=$(best "$tool" convert Fixtures/mml-bay-state-life-2011-q2.txt -o "$out/convert.xbrl")
convert_kb=$(/usr/bin/time -f '%M' "$tool" convert Fixtures/mml-bay-state-life-2011-q2.txt -o "$out/convert.xbrl" 2>&1 >/dev/null | tail -1)
echo "Cold naicxbrl convert of the reference statement (parse, write, validate), best of $runs:"
printf '  %s ms, %s MB peak resident memory (bars: 50 ms, 30 MB)\n' "$convert_ms" "$(awk -v kb="$convert_kb" 'BEGIN { printf "%.1f", kb / 1024 }')"

"$synthesize" statements "$count" "$out/statements"
start=$(date +%s%N)
"$tool" convert "$out/statements" --output-dir "$out/instances" >/dev/null 2>"$out/batch.log" || true
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
converted=$(grep -c '"validation":"valid"' "$out/instances/summary.jsonl" || true)
echo "Batch conversion of $count generated statements (parse, write, validate, crosschecks; $(nproc) jobs):"
awk -v ms="$ms" -v n="$converted" -v total="$count" 'BEGIN {
    printf "  %d of %d converted in %.2f s: %.0f statements per second\n", n, total, ms / 1000, n / (ms / 1000) }'

echo "Import of a synthetic instance of 1,000,000 facts (in process; bar: 500,000 facts/s):"
"$synthesize" time-import 1000000 - | sed 's/^/  /'
