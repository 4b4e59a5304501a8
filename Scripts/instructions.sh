#!/usr/bin/env bash
# Counts the instructions each stage of converting the reference statement executes, with
# valgrind's callgrind: a measure that, unlike wall time, does not change with the machine's load.
#
#   Scripts/instructions.sh        (needs valgrind: apt-get install valgrind)
#
# It runs `synthesize time-convert 5 -` once per stage, collecting inside that stage's function
# only, and divides by the number of times the stage ran.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 2; }
(cd "$root/Benchmarks" && swift build -c release --product synthesize >&2)
synthesize="$root/Benchmarks/.build/release/synthesize"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# stage, function (a callgrind pattern), runs in `time-convert 5`: each round parses twice,
# maps, writes and validates three times, checks once. (A conversion on two threads validates
# its instance in two parts: two calls that together read the instance once.)
stages=(
  "parse|*StatementParserO11parseTabbed5bytes4name5blank*|10"
  "facts|*FactMappingV5facts2of4file*|15"
  "XML|*InstanceWriterV7written_8follower*|15"
  "validation|*SchemaValidatorC17validateStreaming_12documentName13elementChecks*|15"
  "crosschecks|*CheckerV5check_7origins4file*|5"
)
for entry in "${stages[@]}"; do
  IFS='|' read -r name pattern runs <<<"$entry"
  total=$(valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" --toggle-collect="$pattern" \
            "$synthesize" time-convert 5 - 2>&1 | awk '/refs:/ {gsub(",", "", $NF); print $NF}')
  awk -v name="$name" -v total="$total" -v runs="$runs" 'BEGIN { printf "%-12s %6.1f M instructions per statement\n", name, total / runs / 1e6 }'
done
