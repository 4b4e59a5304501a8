#!/usr/bin/env bash
# Interoperability check: the fixture's instance and the taxonomy package, as other XBRL
# processors see them, offline.
#
#   Scripts/interop.sh [path/to/naicxbrl]
#
# - Arelle (PyPI arelle-release, in .venv-arelle) loads the instance with the taxonomy package
#   (--packages) and must report no error, no warning and no calculation inconsistency, other
#   than the inconsistencies truly present in the printed statement, listed below with reasons.
# - xmllint validates the instance against the official XBRL 2.1 schemas that ship in the
#   arelle-release package, with the taxonomy resolved through the package's XML catalog.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tool="${1:-}"
if [ -z "$tool" ]; then
    swift build -c release --product naicxbrl >&2
    tool="$root/.build/release/naicxbrl"
fi
official="$(Scripts/arelle-env.sh | tail -1)"
arelle="$root/.venv-arelle/bin/arelleCmdLine"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Calculation inconsistencies present in the printed statement itself, by message fragment.
# (None so far: every calculation that binds in the fixture adds up as printed.)
allowed=()

"$tool" convert Fixtures/mml-bay-state-life-2011-q2.txt -o "$out/fixture.xbrl"
"$tool" taxonomy --package "$out/naiclq-2011.zip"
fail=0

echo "== Arelle: validation and calculations (XBRL Calculations 1.1), taxonomy from the package"
"$arelle" -f "$out/fixture.xbrl" --packages "$out/naiclq-2011.zip" -v --calc c11r --workOffline \
    --disablePersistentConfig --validationExitCode --logFile "$out/arelle.log" \
    --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || fail=1
problems="$(grep -v '^\[info\]' "$out/arelle.log" | grep '^\[' || true)"
for pattern in "${allowed[@]+"${allowed[@]}"}"; do
    problems="$(printf '%s\n' "$problems" | grep -vF "$pattern" || true)"
done
if [ -n "$problems" ] || [ "$fail" -ne 0 ]; then
    echo "Arelle reported:"; cat "$out/arelle.log"
    fail=1
else
    grep -E '^\[info\] (loaded|validated)' "$out/arelle.log" || true
    echo "Arelle: no errors, warnings or calculation inconsistencies"
fi

echo "== xmllint: the instance against the official XBRL 2.1 schemas, through an XML catalog"
mkdir -p "$out/pkg"
(cd "$out/pkg" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(".")' "$out/naiclq-2011.zip")
package_root="$(dirname "$(find "$out/pkg" -path '*/META-INF/catalog.xml' -print -quit)")/.."
cat > "$out/catalog.xml" <<CATALOG
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <nextCatalog catalog="$package_root/META-INF/catalog.xml"/>
  <rewriteURI uriStartString="http://www.xbrl.org/" rewritePrefix="file://$official/www.xbrl.org/"/>
  <rewriteURI uriStartString="http://www.w3.org/" rewritePrefix="file://$official/www.w3.org/"/>
  <rewriteSystem systemIdStartString="http://www.xbrl.org/" rewritePrefix="file://$official/www.xbrl.org/"/>
  <rewriteSystem systemIdStartString="http://www.w3.org/" rewritePrefix="file://$official/www.w3.org/"/>
</catalog>
CATALOG
# (grep -m1 rather than head: with pipefail, head closing the pipe early fails the script.)
entry="$(grep -m1 -o 'xlink:href="[^"]*"' "$out/fixture.xbrl" | sed 's/xlink:href="//; s/"$//')"
namespace="$(grep -m1 -ho 'targetNamespace="[^"]*"' "$package_root"/*/*.xsd | sed 's/.*targetNamespace="//; s/"$//')"
cat > "$out/validate.xsd" <<XSD
<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="$namespace" schemaLocation="$entry"/>
  <xs:import namespace="http://xbrl.org/2006/xbrldi" schemaLocation="http://www.xbrl.org/2006/xbrldi-2006.xsd"/>
</xs:schema>
XSD
if XML_CATALOG_FILES="$out/catalog.xml" xmllint --nonet --noout --schema "$out/validate.xsd" "$out/fixture.xbrl" 2>"$out/xmllint.log"; then
    tail -1 "$out/xmllint.log"
else
    echo "xmllint reported:"; sed -n 1,50p "$out/xmllint.log"
    fail=1
fi

echo "== Arelle round trip: instance -> xBRL-JSON -> instance, then naicxbrl import gives the parsed statement"
"$arelle" -f "$out/fixture.xbrl" --packages "$out/naiclq-2011.zip" --plugins saveLoadableOIM \
    --saveLoadableOIM "$out/fixture.json" --workOffline --disablePersistentConfig --logFile "$out/oim1.log" >/dev/null 2>&1 || true
"$arelle" -f "$out/fixture.json" --packages "$out/naiclq-2011.zip" --plugins saveLoadableOIM \
    --saveOIMinstance "$out/rewritten.xbrl" --workOffline --disablePersistentConfig --logFile "$out/oim2.log" >/dev/null 2>&1 || true
"$tool" parse Fixtures/mml-bay-state-life-2011-q2.txt --format json > "$out/parsed.json" 2>/dev/null || true
if [ -s "$out/rewritten.xbrl" ] && "$tool" import "$out/rewritten.xbrl" --format json > "$out/imported.json" \
    && cmp -s "$out/parsed.json" "$out/imported.json"; then
    echo "the instance Arelle rewrote imports to the same statement"
else
    echo "the rewritten instance does not import to the same statement:"
    cat "$out/oim1.log" "$out/oim2.log" 2>/dev/null | grep -v '^\[info\]' || true
    diff "$out/parsed.json" "$out/imported.json" > "$out/diff.txt" || true
    sed -n 1,40p "$out/diff.txt"
    fail=1
fi

if [ "$fail" -ne 0 ]; then
    echo "interop: FAILED"
    exit 1
fi
echo "interop: passed"
