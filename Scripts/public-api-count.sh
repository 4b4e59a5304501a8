#!/usr/bin/env bash
# Counts the declarations each library module makes `public`: plain `public` (the library's API)
# and `@_spi(Stages) public` (offered only to the project's benchmarks and fuzzers, which import
# the modules with `@_spi(Stages) import`). Outside the facade module NAICXBRL, plain `public` is
# left to the types NAICXBRL re-exports and what their API needs (README, "Library API").
#
# Usage: Scripts/public-api-count.sh [--list MODULE]
#   --list MODULE  prints the plain `public` declarations of one module, file:line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

modules=(NAICXBRL NAICXBRLCore NAICXBRLXML NAICXBRLReading NAICXBRLTaxonomy NAICXBRLChecks NAICXBRLInstance NAICXBRLConversion)
# A declaration's modifiers: attributes (`@inlinable`, `@_spi(Stages)`) then `public`.
declaration='^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*public([[:space:]]|\()'

plain() { grep -rnE "$declaration" --include='*.swift' "Sources/$1" | grep -v '@_spi(' || true; }
spi() { grep -rnE "$declaration" --include='*.swift' "Sources/$1" | grep '@_spi(' || true; }
count() { "$@" | grep -c . || true; }

if [ "${1:-}" = "--list" ]; then
    plain "${2:?a module name}"
    exit 0
fi

printf '%-20s %8s %8s\n' module public spi
total_plain=0
total_spi=0
for module in "${modules[@]}"; do
    p=$(count plain "$module")
    s=$(count spi "$module")
    printf '%-20s %8d %8d\n' "$module" "$p" "$s"
    if [ "$module" != NAICXBRL ]; then
        total_plain=$((total_plain + p))
        total_spi=$((total_spi + s))
    fi
done
printf '%-20s %8d %8d\n' "outside NAICXBRL" "$total_plain" "$total_spi"
