#!/usr/bin/env bash
# Interoperability check: the fixture's instance and the taxonomy package, as other XBRL
# processors see them, offline.
#
#   Scripts/interop.sh [path/to/naicxbrl]
#
# - Arelle (PyPI arelle-release, in .venv-arelle) loads the instance with the taxonomy package
#   (--packages) and must report no error, no warning and no calculation inconsistency, other
#   than the inconsistencies truly present in the printed statement, listed below with reasons.
#   (The formula linkbase is loaded and schema-validated there; its assertions run in the last
#   section, where their counts are compared with `naicxbrl check`.)
# - xmllint validates the instance against the official XBRL 2.1 schemas that ship in the
#   arelle-release package, with the taxonomy resolved through the package's XML catalog.
set -euo pipefail

# shellcheck source=Scripts/xmllint-official.sh
source "$(dirname "${BASH_SOURCE[0]}")/xmllint-official.sh"
# shellcheck source=Scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$root"
tool="$(naicxbrl_tool "${1:-}")"
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
"$arelle" -f "$out/fixture.xbrl" --packages "$out/naiclq-2011.zip" -v --calc c11r --formula none --workOffline \
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

echo "== Annual statements from filed PDFs: Arelle validation and calculations"
# The filings in Fixtures/annual, read from the PDF through poppler's pdftotext, each by the
# edition of the blank of its year (2023, 2024, 2025). Arelle validates them against the
# official schemas; xmllint does not here: libxml2 compiles the official instance schema's item
# substitution group in time that grows with the cube of the concept count, over ten minutes
# for the annual blank's 3,300 (README "Validation"). The quarterly fixture's instance is
# checked with xmllint below.
for filing in forethought-life-2024 commonwealth-annuity-2023 forethought-life-2025; do
    "$tool" convert "Fixtures/annual/$filing-annual.pdf" -o "$out/$filing.xbrl"
    "$arelle" -f "$out/$filing.xbrl" --packages "$out/naiclq-2011.zip" -v --calc c11r --formula none --workOffline \
        --disablePersistentConfig --validationExitCode --logFile "$out/$filing.log" \
        --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || fail=1
    problems="$(grep -v '^\[info\]' "$out/$filing.log" | grep '^\[' || true)"
    if [ -n "$problems" ]; then
        echo "Arelle reported on $filing:"; cat "$out/$filing.log"
        fail=1
    else
        echo "Arelle, $filing: no errors, warnings or calculation inconsistencies"
    fi
done

echo "== Arelle: every entry point of the taxonomy package, as a DTS of its own"
for entry in $("$tool" blanks --format json | python3 -c 'import json,sys; [print(e["entryPoint"]) for b in json.load(sys.stdin) for e in b["editions"]]'); do
    log="$out/entry-$(basename "$entry").log"
    # With the formula linkbase loaded and no instance, Arelle's validation exit code is 3 even
    # when it logs nothing but info; its log is what is judged here.
    "$arelle" -f "$entry" --packages "$out/naiclq-2011.zip" -v --workOffline --disablePersistentConfig \
        --logFile "$log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || true
    # Info lines, and Arelle's unlabeled progress lines ("[] Formula xpath2 grammar initialized").
    problems="$(grep -vE '^\[(info[^]]*)?\]' "$log" | grep '^\[' || true)"
    if [ -n "$problems" ] || ! grep -q '^\[info\] validated' "$log"; then
        echo "Arelle reported on $entry:"; cat "$log"
        fail=1
    else
        echo "Arelle, $entry: no errors or warnings"
    fi
done

echo "== xmllint: the instance against the official XBRL 2.1 schemas, through an XML catalog"
official_xmllint_setup "$out" "$out/naiclq-2011.zip" "$official" "$out/fixture.xbrl"
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

echo "== Arelle: the crosschecks as XBRL formula value assertions agree with naicxbrl check"
# The taxonomy's formula linkbase holds the same rules as `naicxbrl check`, one value assertion
# each. Arelle runs them on the fixture's instance, on a copy with numbers changed (a tie
# between pages, a Schedule T row, a Note 36 row, the count of L responses) and on the two
# annual filings; its satisfied and not satisfied counts, assertion by assertion, must be
# naicxbrl's.
python3 - Fixtures/mml-bay-state-life-2011-q2.txt "$out/changed.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\n")
def change(marker, old, new):
    hits = [i for i, l in enumerate(lines) if l.startswith(marker) and old in l]
    assert len(hits) == 1, (marker, old, hits)
    lines[hits[0]] = lines[hits[0]].replace(old, new, 1)
change("39. Totals of Lines 28 and 38", "4,564,471,362", "4,564,471,462")
change("6. Colorado", "462,566", "462,666")
change("06050HKX5", "(3,762.52)", "(3,762.62)")
change("59. Subtotal", "\t50\t", "\t49\t")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
cp Fixtures/mml-bay-state-life-2011-q2.txt "$out/fixture.txt"
# The annual filings too: Commonwealth 2023 prints a difference of 2 (Five-Year line 117,
# column 2 against the prior year's Summary of Operations line 33), and both filings one of 2
# between the increase in individual annuity reserves on the Analysis of Increase in Reserves and
# on the Analysis of Operations, which both must find.
# Athene 2021 is a partial filing (its PDF leaves out most pages) that prints no company code:
# the ties to the pages it leaves out are evaluated by neither, and one difference of 2 is its own
# (Liabilities line 26, column 1, against lines 1 to 25).
cp Fixtures/annual/forethought-life-2024-annual.pdf "$out/forethought.pdf"
cp Fixtures/annual/commonwealth-annuity-2023-annual.pdf "$out/commonwealth.pdf"
cp Fixtures/annual/athene-annuity-2021-annual-partial.pdf "$out/athene.pdf"
# Arelle's formula runs take minutes each on the annual instances: two run at once (a core
# each), and their counts are compared when all are done.
for case in fixture changed forethought commonwealth athene; do
    input="$out/$case.txt"
    [ -f "$input" ] || input="$out/$case.pdf"
    codes=()
    [ "$case" = athene ] && codes=(--company-code 61689)
    "$tool" convert "$input" "${codes[@]+"${codes[@]}"}" -o "$out/$case-formula.xbrl" 2>/dev/null || true
    "$tool" check "$input" --format json > "$out/$case-check.json" 2>/dev/null || true
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
    ("$arelle" -f "$out/$case-formula.xbrl" --packages "$out/naiclq-2011.zip" --formula run --formulaAsserResultCounts \
        --workOffline --disablePersistentConfig --logFile "$out/$case-formula.log" \
        --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || true) &
done
wait
for case in fixture changed forethought commonwealth athene; do
    if ! python3 - "$case" "$out/$case-formula.log" "$out/$case-check.json" <<'PY'
import json, re, sys
case, log, report = sys.argv[1:4]
arelle, problems = {}, []
for line in open(log, encoding="utf-8"):
    m = re.search(r"Assertion (\S+) evaluations : (\d+) satisfied, (\d+) not satisfied", line)
    if m:
        # An annual instance's DTS also holds the quarterly taxonomy (the annual concepts are
        # declared essence-aliases of quarterly ones), so Arelle loads the quarterly assertions
        # too. They find no quarterly facts; where an id is in both, the counts add up.
        before = arelle.get(m.group(1), (0, 0))
        arelle[m.group(1)] = (before[0] + int(m.group(2)), before[1] + int(m.group(3)))
    elif line.strip() and not re.match(r"\[(info[^\]]*|message:[^\]]*|)\] ", line):
        problems.append(line.rstrip())
try:
    ours = {k: (v["satisfied"], v["notSatisfied"]) for k, v in json.load(open(report))["assertions"].items()}
except (OSError, ValueError, KeyError) as error:
    print("naicxbrl check gave no report:", error); sys.exit(1)
total = lambda d: tuple(map(sum, zip(*d.values()))) if d else (0, 0)
print("%s: naicxbrl %d assertions, %d satisfied, %d not satisfied" % ((case, len(ours)) + total(ours)))
print("%s: Arelle   %d assertions, %d satisfied, %d not satisfied" % ((case, len([k for k in arelle if k in ours])) + total(arelle)))
bad = [(k, ours.get(k), arelle.get(k)) for k in sorted(set(ours) | set(arelle))
       if ours.get(k, (0, 0)) != arelle.get(k, (0, 0)) or (k in ours and k not in arelle)]
for k, a, b in bad[:40]:
    print("  %s: naicxbrl %s, Arelle %s" % (k, a, b))
for p in problems[:20]:
    print("  Arelle:", p)
expected_failures = 0 if case == "fixture" else 1
ok = not bad and not problems and bool(ours) and (total(ours)[1] == 0) == (expected_failures == 0)
sys.exit(0 if ok else 1)
PY
    then
        fail=1
    fi
done

echo "== Open Information Model: the xBRL-JSON report (and the xBRL-CSV report package) through Arelle's OIM loader"
# Arelle loads each report naicxbrl writes with --plugins loadFromOIM --formula none (its formula
# processor raises on a report loaded from OIM) and must report no error or warning; its facts,
# compared fact by fact (concept, entity, period, dimensions, unit, decimals, value, footnotes),
# must be the facts Arelle finds in naicxbrl's XML instance. Then the xBRL-JSON report Arelle
# writes from the XML instance (saveLoadableOIM) must import to the statement the XML imports to.
python="$root/.venv-arelle/bin/python"
for case in fixture forethought-life-2024 commonwealth-annuity-2023 forethought-life-2025; do
    input="Fixtures/annual/$case-annual.pdf"
    [ "$case" = fixture ] && input=Fixtures/mml-bay-state-life-2011-q2.txt
    "$tool" convert "$input" -o "$out/oim-$case.xbrl" 2>/dev/null || true
    "$python" Scripts/oim-facts.py "$out/oim-$case.xbrl" "$out/naiclq-2011.zip" > "$out/oim-$case.xbrl.facts" 2>"$out/oim-$case.xbrl.log" || true
    for format in json csv; do
        extension=$format; [ "$format" = csv ] && extension=xbr
        report="$out/oim-$case.$extension"
        if ! "$tool" convert "$input" --format "$format" -o "$report" 2>"$out/oim-$case-$format.convert.log"; then
            echo "$case: naicxbrl convert --format $format failed:"; sed -n 1,10p "$out/oim-$case-$format.convert.log"
            fail=1
            continue
        fi
        expected="$out/oim-$case.xbrl.facts"
        if [ "$format" = csv ]; then
            # xBRL-CSV has no footnotes: the package keeps printed forms in a table of comment
            # columns, so the facts are compared without their footnotes.
            sed 's/ | [^|]*$//' "$out/oim-$case.xbrl.facts" > "$out/oim-$case.xbrl.nofootnotes"
            expected="$out/oim-$case.xbrl.nofootnotes"
        fi
        if "$python" Scripts/oim-facts.py "$report" "$out/naiclq-2011.zip" > "$report.all" 2>"$report.log" \
            && { if [ "$format" = csv ]; then sed 's/ | [^|]*$//' "$report.all"; else cat "$report.all"; fi; } > "$report.facts" \
            && [ -s "$report.facts" ] && cmp -s "$expected" "$report.facts"; then
            echo "Arelle, $case.$extension: no errors or warnings; $(wc -l < "$report.facts") facts, the XML instance's fact by fact"
        else
            echo "Arelle on $case.$extension:"; sed -n 1,20p "$report.log"
            diff "$expected" "$report.facts" | sed -n 1,20p
            fail=1
        fi
    done
done
"$tool" import "$out/fixture.json" --format json > "$out/arelle-json-imported.json" 2>"$out/arelle-json-import.log" || true
if cmp -s "$out/parsed.json" "$out/arelle-json-imported.json"; then
    echo "the xBRL-JSON report Arelle wrote from the instance imports to the same statement"
else
    echo "the xBRL-JSON report Arelle wrote does not import to the same statement:"; sed -n 1,20p "$out/arelle-json-import.log"
    fail=1
fi
# The same with the xBRL-CSV report Arelle writes (loose metadata and tables, a BOM, a row id
# column, the printed forms as footnotes in a table of their own and links to them), for the
# reference statement and the 2024 filing.
for case in fixture forethought-life-2024; do
    input="Fixtures/annual/$case-annual.pdf"
    [ "$case" = fixture ] && input=Fixtures/mml-bay-state-life-2011-q2.txt
    mkdir -p "$out/arelle-csv-$case"
    "$arelle" -f "$out/oim-$case.xbrl" --packages "$out/naiclq-2011.zip" --plugins saveLoadableOIM \
        --saveLoadableOIM "$out/arelle-csv-$case/report.csv" --workOffline --disablePersistentConfig \
        --logFile "$out/arelle-csv-$case.log" >/dev/null 2>&1 || true
    "$tool" parse "$input" --format json > "$out/arelle-csv-$case.parsed.json" 2>/dev/null || true
    if [ -s "$out/arelle-csv-$case/report-metadata.json" ] \
        && "$tool" import "$out/arelle-csv-$case/report-metadata.json" --format json > "$out/arelle-csv-$case.imported.json" 2>"$out/arelle-csv-$case.import.log" \
        && cmp -s "$out/arelle-csv-$case.parsed.json" "$out/arelle-csv-$case.imported.json"; then
        echo "the xBRL-CSV report Arelle wrote from the $case instance imports to the same statement"
    else
        echo "the xBRL-CSV report Arelle wrote from the $case instance does not import to the same statement:"
        ls "$out/arelle-csv-$case"; sed -n 1,20p "$out/arelle-csv-$case.import.log"
        fail=1
    fi
done

echo "== Inline XBRL: Arelle validates each document, its facts are the XML instance's, ixbrl-viewer builds a viewer"
# convert --format ixbrl of the reference statement and of the annual filings. Arelle loads the
# XHTML as Inline XBRL 1.1 (schema, transformations, calculations) and must report nothing but
# info; its fact list (concept, context, unit, decimals, value, period, dimensions) must equal,
# fact by fact, the list it makes of the XML instance. The ixbrl-viewer plugin (PyPI) must then
# build a viewer of the document without error.
"$root/.venv-arelle/bin/python" -c 'import iXBRLViewerPlugin' 2>/dev/null \
    || "$root/.venv-arelle/bin/pip" install --disable-pip-version-check --quiet ixbrl-viewer >&2
viewer_plugin="$("$root/.venv-arelle/bin/python" -c 'import iXBRLViewerPlugin, os; print(os.path.dirname(iXBRLViewerPlugin.__file__))')"
for case in fixture forethought-life-2024 commonwealth-annuity-2023 forethought-life-2025; do
    if [ "$case" = fixture ]; then input=Fixtures/mml-bay-state-life-2011-q2.txt; else input="Fixtures/annual/$case-annual.pdf"; fi
    "$tool" convert "$input" --format ixbrl -o "$out/$case.xhtml" || fail=1
    "$tool" convert "$input" -o "$out/$case-ix.xbrl" || fail=1
    "$arelle" -f "$out/$case.xhtml" --packages "$out/naiclq-2011.zip" -v --calc c11r --formula none --workOffline \
        --disablePersistentConfig --validationExitCode --logFile "$out/$case-ix.log" \
        --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || fail=1
    problems="$(grep -v '^\[info\]' "$out/$case-ix.log" | grep '^\[' || true)"
    if [ -n "$problems" ]; then
        echo "Arelle reported on $case.xhtml:"; cat "$out/$case-ix.log"
        fail=1
    else
        echo "Arelle, $case.xhtml: no errors, warnings or calculation inconsistencies"
    fi
    for doc in "$case.xhtml" "$case-ix.xbrl"; do
        "$arelle" -f "$out/$doc" --packages "$out/naiclq-2011.zip" --workOffline --disablePersistentConfig \
            --facts "$out/$doc.csv" --factListCols "Name Contextref Unitref Dec Value Period Dimensions" \
            --logFile "$out/$doc.facts.log" >/dev/null 2>&1 || true
    done
    python3 - "$out/$case.xhtml.csv" "$out/$case-ix.xbrl.csv" "$case" <<'PY' || fail=1
import csv, sys
def facts(path):
    try:
        rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    except OSError:
        return None
    return sorted(tuple(r) for r in rows[1:])
inline, instance, case = facts(sys.argv[1]), facts(sys.argv[2]), sys.argv[3]
if not inline or inline != instance:
    print("%s: Arelle's facts of the Inline XBRL differ from the XML instance's" % case)
    for f in sorted(set(inline or []) ^ set(instance or []))[:10]:
        print("  ", "inline only" if f in set(inline or []) else "instance only", f)
    sys.exit(1)
print("%s: Arelle reads the same %d facts from the Inline XBRL as from the XML instance" % (case, len(inline)))
PY
    mkdir -p "$out/viewer-$case"
    "$arelle" -f "$out/$case.xhtml" --packages "$out/naiclq-2011.zip" --plugins "$viewer_plugin" \
        --save-viewer "$out/viewer-$case/$case-viewer.html" --workOffline --disablePersistentConfig \
        --logFile "$out/$case-viewer.log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || fail=1
    problems="$(grep -v '^\[\(viewer:\)\?info\]' "$out/$case-viewer.log" | grep '^\[' || true)"
    if [ -n "$problems" ] || [ ! -s "$out/viewer-$case/$case-viewer.html" ]; then
        echo "ixbrl-viewer reported on $case.xhtml:"; cat "$out/$case-viewer.log"
        fail=1
    else
        echo "ixbrl-viewer, $case.xhtml: viewer built"
    fi
done

if [ "$fail" -ne 0 ]; then
    echo "interop: FAILED"
    exit 1
fi
echo "interop: passed"
