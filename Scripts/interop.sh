#!/usr/bin/env bash
# Interoperability check: the fixture's instance, the annual filings' instances and reports, and
# the taxonomy package, as other XBRL processors see them, offline.
#
#   Scripts/interop.sh [path/to/naicxbrl]
#
# - Arelle (PyPI arelle-release, in .venv-arelle) loads each instance with the taxonomy package
#   (--packages) and must report no error, no warning and no calculation inconsistency; it runs
#   the formula linkbase's assertions too, and their counts must be `naicxbrl check`'s (for the
#   fixture in a task of its own, for an annual filing in the same load as its validation), on
#   each blank and edition once.
# - xmllint validates the fixture's instance against the official XBRL 2.1 schemas that ship in
#   the arelle-release package, with the taxonomy resolved through the package's XML catalog.
# - Arelle's OIM loader and writer, and its Inline XBRL loader and the ixbrl-viewer plugin, see
#   the same facts as in the XML instance, and what Arelle writes imports back to the statement.
#
# The checks are independent tasks, run a core each (NAICXBRL_INTEROP_JOBS, default the number of
# cores), longest first; each task's output is printed whole, in order, with its time, when all
# are done. The script fails when any task fails.
set -euo pipefail

# shellcheck source=Scripts/xmllint-official.sh
source "$(dirname "${BASH_SOURCE[0]}")/xmllint-official.sh"
# shellcheck source=Scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$root"
tool="$(naicxbrl_tool "${1:-}")"
official="$(Scripts/arelle-env.sh | tail -1)"
arelle="$root/.venv-arelle/bin/arelleCmdLine"
python="$root/.venv-arelle/bin/python"
"$python" -c 'import iXBRLViewerPlugin' 2>/dev/null \
    || "$root/.venv-arelle/bin/pip" install --disable-pip-version-check --quiet ixbrl-viewer >&2
viewer_plugin="$("$python" -c 'import iXBRLViewerPlugin, os; print(os.path.dirname(iXBRLViewerPlugin.__file__))')"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

fixture=Fixtures/mml-bay-state-life-2011-q2.txt
annual_filings=(forethought-life-2024 commonwealth-annuity-2023 forethought-life-2025)

# input CASE: the statement a case names (the fixture or an annual filing's PDF).
input() {
    if [ "$1" = fixture ]; then echo "$fixture"; else echo "Fixtures/annual/$1-annual.pdf"; fi
}

# arelle_clean LOG: true when Arelle's log holds nothing but info lines (`[info]`, and the
# `[info:profileActivity]` timings Arelle adds where a step takes over a second, as on a busy
# machine); prints the log otherwise.
arelle_clean() {
    local problems
    problems="$(grep -v '^\[info[^]]*\]' "$1" | grep '^\[' || true)"
    [ -z "$problems" ] && return 0
    cat "$1"
    return 1
}

# The instances and the package every task reads, made once, side by side (the tasks wait for
# all of them; each must succeed). (Every calculation that binds in the fixture and the filings
# adds up as printed, so no calculation inconsistency is allowed.)
made=()
"$tool" taxonomy --package "$out/naiclq-2011.zip" & made+=($!)
"$tool" convert "$fixture" -o "$out/fixture.xbrl" & made+=($!)
"$tool" parse "$fixture" --format json > "$out/fixture.parsed.json" & made+=($!)
for filing in "${annual_filings[@]}"; do
    "$tool" convert "$(input "$filing")" -o "$out/$filing.xbrl" & made+=($!)
done
for pid in "${made[@]}"; do wait "$pid"; done
package="$out/naiclq-2011.zip"

# --- The tasks. Each prints what it checked and returns non-zero when a check fails. ---

# The columns of Arelle's fact lists that the Inline XBRL task compares.
fact_columns="Name contextRef unitRef Dec Value Period Dimensions"
# The taxonomy's formula linkbases (an annual edition's is 20 MB): the tasks that neither run the
# assertions nor validate them for the first time leave them unloaded.
formula_linkbases='*-formula.xml'

# Arelle validates an instance (XBRL 2.1, dimensions, XBRL Calculations 1.1), with the taxonomy
# from the package, and must log nothing but info. In the same run it lists the instance's facts
# ($out/CASE.xbrl.csv), which the Inline XBRL task compares with the document's.
validation() {
    local case="$1" log="$out/$1.log"
    echo "Arelle: validation and calculations (XBRL Calculations 1.1) of $case, taxonomy from the package"
    "$arelle" -f "$out/$case.xbrl" --packages "$package" -v --calc c11r --formula none --workOffline \
        --disablePersistentConfig --validationExitCode --facts "$out/$case.xbrl.csv" --factListCols "$fact_columns" \
        --logFile "$log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || { cat "$log"; return 1; }
    arelle_clean "$log" || return 1
    grep -E '^\[info\] (loaded|validated)' "$log" || true
    echo "Arelle, $case: no errors, warnings or calculation inconsistencies"
}

# xmllint validates the fixture's instance against the official XBRL 2.1 schemas. (Not the annual
# instances: libxml2 compiles the official instance schema's item substitution group in time that
# grows with the cube of the concept count, over ten minutes for the annual blank's 3,300; README
# "Validation". Arelle validates those.)
xmllint_official() {
    echo "xmllint: the fixture's instance against the official XBRL 2.1 schemas, through an XML catalog"
    official_xmllint_setup "$out/xmllint" "$package" "$official" "$out/fixture.xbrl"
    if XML_CATALOG_FILES="$out/xmllint/catalog.xml" xmllint --nonet --noout --schema "$out/xmllint/validate.xsd" \
        "$out/fixture.xbrl" 2>"$out/xmllint.log"; then
        tail -1 "$out/xmllint.log"
    else
        echo "xmllint reported:"; sed -n 1,50p "$out/xmllint.log"
        return 1
    fi
}

# Arelle writes the fixture's instance as xBRL-JSON and that back as an instance; naicxbrl imports
# both (the rewritten instance, and the xBRL-JSON report itself) to the statement it parsed.
oim_round_trip() {
    local status=0
    echo "Arelle round trip: instance -> xBRL-JSON -> instance, then naicxbrl import gives the parsed statement"
    "$arelle" -f "$out/fixture.xbrl" --packages "$package" --plugins saveLoadableOIM \
        --saveLoadableOIM "$out/fixture.json" --workOffline --disablePersistentConfig --logFile "$out/oim1.log" >/dev/null 2>&1 || true
    "$arelle" -f "$out/fixture.json" --packages "$package" --plugins saveLoadableOIM \
        --saveOIMinstance "$out/rewritten.xbrl" --workOffline --disablePersistentConfig --logFile "$out/oim2.log" >/dev/null 2>&1 || true
    if [ -s "$out/rewritten.xbrl" ] && "$tool" import "$out/rewritten.xbrl" --format json > "$out/imported.json" \
        && cmp -s "$out/fixture.parsed.json" "$out/imported.json"; then
        echo "the instance Arelle rewrote imports to the same statement"
    else
        echo "the rewritten instance does not import to the same statement:"
        cat "$out/oim1.log" "$out/oim2.log" 2>/dev/null | grep -v '^\[info\]' || true
        diff "$out/fixture.parsed.json" "$out/imported.json" | sed -n 1,40p || true
        status=1
    fi
    "$tool" import "$out/fixture.json" --format json > "$out/arelle-json-imported.json" 2>"$out/arelle-json-import.log" || true
    if cmp -s "$out/fixture.parsed.json" "$out/arelle-json-imported.json"; then
        echo "the xBRL-JSON report Arelle wrote from the instance imports to the same statement"
    else
        echo "the xBRL-JSON report Arelle wrote does not import to the same statement:"; sed -n 1,20p "$out/arelle-json-import.log"
        status=1
    fi
    return $status
}

# The taxonomy's formula linkbase holds the same rules as `naicxbrl check`, one value assertion
# each. Arelle runs them on an instance; its satisfied and not satisfied counts, assertion by
# assertion, must be naicxbrl's. The cases: the fixture; a copy of it with numbers changed (a tie
# between pages, a Schedule T row, a Note 36 row, the count of L responses); and the annual
# filings. Commonwealth 2023 prints a difference of 2 (Five-Year line 117, column 2 against the
# prior year's Summary of Operations line 33), and both it and Forethought 2024 one of 2 between
# the increase in individual annuity reserves on the Analysis of Increase in Reserves and on the
# Analysis of Operations, which both must find; Forethought 2025 prints that one too, and one of 2
# on the Schedule D Verification (line 11, column 1, against lines 1 to 10). Athene 2021 is a partial filing (its PDF leaves out
# most pages) that prints no company code: the ties to the pages it leaves out are evaluated by
# neither, and one difference of 2 is its own (Liabilities line 26, column 1, against lines 1 to 25).
formula() {
    local case="$1" input codes=() run="$1"
    case "$case" in
        fixture) input="$fixture" ;;
        changed) input="$out/changed.txt" ;;
        athene) input=Fixtures/annual/athene-annuity-2021-annual-partial.pdf; codes=(--company-code 61689) ;;
        *) input="$(input "$case")" ;;
    esac
    echo "Arelle: the crosschecks as XBRL formula value assertions on $case agree with naicxbrl check"
    "$tool" convert "$input" "${codes[@]+"${codes[@]}"}" -o "$out/$run-formula.xbrl" 2>/dev/null || true
    "$tool" check "$input" --format json > "$out/$run-check.json" 2>/dev/null || true
    "$arelle" -f "$out/$run-formula.xbrl" --packages "$package" --formula run --formulaAsserResultCounts \
        --workOffline --disablePersistentConfig --logFile "$out/$run-formula.log" \
        --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || true
    formula_counts "$case" "$out/$run-formula.log" "$out/$run-check.json"
}

# formula_counts CASE LOG CHECK_JSON: Arelle's satisfied and not satisfied counts in LOG, assertion
# by assertion, are naicxbrl check's in CHECK_JSON, and LOG holds nothing else but info lines and
# the messages of the assertions not satisfied (each an assertion of naicxbrl's).
formula_counts() {
    python3 - "$@" <<'PY'
import json, re, sys
case, log, report = sys.argv[1:4]
try:
    ours = {k: (v["satisfied"], v["notSatisfied"]) for k, v in json.load(open(report))["assertions"].items()}
except (OSError, ValueError, KeyError) as error:
    print("naicxbrl check gave no report:", error); sys.exit(1)
arelle, problems = {}, []
for line in open(log, encoding="utf-8"):
    m = re.search(r"Assertion (\S+) evaluations : (\d+) satisfied, (\d+) not satisfied", line)
    if m:
        # An annual instance's DTS also holds the quarterly taxonomy (the annual concepts are
        # declared essence-aliases of quarterly ones), so Arelle loads the quarterly assertions
        # too. They find no quarterly facts; where an id is in both, the counts add up.
        before = arelle.get(m.group(1), (0, 0))
        arelle[m.group(1)] = (before[0] + int(m.group(2)), before[1] + int(m.group(3)))
        continue
    message = re.match(r"\[message:([^\]]*)\] ", line)
    if message and message.group(1) in ours:
        continue
    if line.strip() and not re.match(r"\[(info[^\]]*|)\] ", line):
        problems.append(line.rstrip())
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
}

# Arelle loads the xBRL-JSON report and the xBRL-CSV report package naicxbrl writes, with
# --plugins loadFromOIM --formula none (its formula processor raises on a report loaded from OIM),
# and must report no error or warning; its facts, compared fact by fact (concept, entity, period,
# dimensions, unit, decimals, value, footnotes), must be the facts Arelle finds in naicxbrl's XML
# instance.
oim_reports() {
    local case="$1" formats="${2:-json csv}" input format extension report expected status=0
    input="$(input "$case")"
    echo "Open Information Model: the reports of $case ($formats) through Arelle's OIM loader"
    "$python" Scripts/oim-facts.py "$out/$case.xbrl" "$package" > "$out/oim-$case.xbrl.facts" 2>"$out/oim-$case.xbrl.log" || true
    for format in $formats; do
        extension=$format; [ "$format" = csv ] && extension=xbr
        report="$out/oim-$case.$extension"
        if ! "$tool" convert "$input" --format "$format" -o "$report" 2>"$out/oim-$case-$format.convert.log"; then
            echo "$case: naicxbrl convert --format $format failed:"; sed -n 1,10p "$out/oim-$case-$format.convert.log"
            status=1
            continue
        fi
        expected="$out/oim-$case.xbrl.facts"
        if [ "$format" = csv ]; then
            # xBRL-CSV has no footnotes: the package keeps printed forms in a table of comment
            # columns, so the facts are compared without their footnotes.
            sed 's/ | [^|]*$//' "$out/oim-$case.xbrl.facts" > "$out/oim-$case.xbrl.nofootnotes"
            expected="$out/oim-$case.xbrl.nofootnotes"
        fi
        if "$python" Scripts/oim-facts.py "$report" "$package" > "$report.all" 2>"$report.log" \
            && { if [ "$format" = csv ]; then sed 's/ | [^|]*$//' "$report.all"; else cat "$report.all"; fi; } > "$report.facts" \
            && [ -s "$report.facts" ] && cmp -s "$expected" "$report.facts"; then
            echo "Arelle, $case.$extension: no errors or warnings; $(wc -l < "$report.facts") facts, the XML instance's fact by fact"
        else
            echo "Arelle on $case.$extension:"; sed -n 1,20p "$report.log"
            diff "$expected" "$report.facts" | sed -n 1,20p || true
            status=1
        fi
    done
    return $status
}

# The xBRL-CSV report Arelle writes from an instance (loose metadata and tables, a BOM, a row id
# column, the printed forms as footnotes in a table of their own and links to them) imports to
# the statement naicxbrl parsed.
arelle_csv() {
    local case="$1" dir="$out/arelle-csv-$1"
    echo "The xBRL-CSV report Arelle writes from the $case instance, imported by naicxbrl"
    mkdir -p "$dir"
    "$arelle" -f "$out/$case.xbrl" --packages "$package" --plugins saveLoadableOIM \
        --saveLoadableOIM "$dir/report.csv" --skipLoading "$formula_linkbases" --workOffline --disablePersistentConfig \
        --logFile "$dir.log" >/dev/null 2>&1 || true
    "$tool" parse "$(input "$case")" --format json > "$dir.parsed.json" 2>/dev/null || true
    if [ -s "$dir/report-metadata.json" ] \
        && "$tool" import "$dir/report-metadata.json" --format json > "$dir.imported.json" 2>"$dir.import.log" \
        && cmp -s "$dir.parsed.json" "$dir.imported.json"; then
        echo "the xBRL-CSV report Arelle wrote from the $case instance imports to the same statement"
    else
        echo "the xBRL-CSV report Arelle wrote from the $case instance does not import to the same statement:"
        ls "$dir"; sed -n 1,20p "$dir.import.log"
        return 1
    fi
}

# convert --format ixbrl: Arelle loads the XHTML as Inline XBRL 1.1 (schema, transformations,
# calculations) and must report nothing but info; its fact list (concept, context, unit, decimals,
# value, period, dimensions) must equal, fact by fact, the list Arelle made of the XML
# instance (so it runs after that task); and the ixbrl-viewer plugin (PyPI) must build a viewer of
# the document without error. One load of the document does all three. (The formula linkbase is
# left unloaded: the instance's own task, which runs first, validates it and runs its assertions;
# loaded here it would only be validated again, 40 of an annual document's 85 seconds.)
inline_xbrl() {
    local case="$1" log="$out/$1-ix.log" status=0
    echo "Inline XBRL: Arelle validates the $case document, its facts are the XML instance's, ixbrl-viewer builds a viewer"
    "$tool" convert "$(input "$case")" --format ixbrl -o "$out/$case.xhtml" || return 1
    mkdir -p "$out/viewer-$case"
    "$arelle" -f "$out/$case.xhtml" --packages "$package" -v --calc c11r --formula none --skipLoading "$formula_linkbases" --workOffline \
        --disablePersistentConfig --validationExitCode --facts "$out/$case.xhtml.csv" --factListCols "$fact_columns" \
        --plugins "$viewer_plugin" --save-viewer "$out/viewer-$case/$case-viewer.html" \
        --logFile "$log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || status=1
    # Info lines, the viewer's among them.
    if [ "$status" -eq 0 ] && ! grep -v '^\[\(viewer:\)\?info[^]]*\]' "$log" | grep -q '^\['; then
        echo "Arelle, $case.xhtml: no errors, warnings or calculation inconsistencies"
    else
        echo "Arelle reported on $case.xhtml:"; cat "$log"
        status=1
    fi
    python3 - "$out/$case.xhtml.csv" "$out/$case.xbrl.csv" "$case" <<'PY' || status=1
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
    if [ -s "$out/viewer-$case/$case-viewer.html" ]; then
        echo "ixbrl-viewer, $case.xhtml: viewer built"
    else
        echo "ixbrl-viewer built no viewer of $case.xhtml"
        status=1
    fi
    return $status
}

# validation_and_inline CASE: the validation task, then the Inline XBRL task that reads its fact list.
validation_and_inline() {
    local status=0
    validation "$1" || status=1
    inline_xbrl "$1" || status=1
    return $status
}

# An annual filing's instance is loaded by Arelle once (its DTS, over 3,000 concepts and some
# 4,700 assertions, is the long part): validation (XBRL 2.1, dimensions, XBRL Calculations 1.1)
# and, with `formula` as its second argument, the formula run in one, whose log must hold nothing
# but info lines and the messages of the assertions not satisfied, and whose counts must be
# `naicxbrl check`'s (as `formula` above); with `inline`, its fact list then goes to the Inline
# XBRL task.
annual_instance() {
    local case="$1" run="${2:-}" inline="${3:-}" log="$out/$1.log" status=0
    if [ "$run" = formula ]; then
        echo "Arelle: validation, calculations (XBRL Calculations 1.1) and the crosschecks as XBRL formula value assertions of $case, in one load, taxonomy from the package"
        "$tool" check "$(input "$case")" --format json > "$out/$case-check.json" 2>/dev/null || true
        "$arelle" -f "$out/$case.xbrl" --packages "$package" -v --calc c11r --formula run --formulaAsserResultCounts \
            --workOffline --disablePersistentConfig --facts "$out/$case.xbrl.csv" --factListCols "$fact_columns" \
            --logFile "$log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || true
    else
        echo "Arelle: validation and calculations (XBRL Calculations 1.1) of $case, taxonomy from the package"
        "$arelle" -f "$out/$case.xbrl" --packages "$package" -v --calc c11r --formula none --skipLoading "$formula_linkbases" \
            --workOffline --disablePersistentConfig --facts "$out/$case.xbrl.csv" --factListCols "$fact_columns" \
            --logFile "$log" --logFormat "[%(messageCode)s] %(message)s" >/dev/null 2>&1 || true
    fi
    if ! grep -q '^\[info\] validated' "$log"; then
        echo "Arelle did not validate $case:"; sed -n 1,40p "$log"
        status=1
    fi
    if [ "$run" = formula ]; then
        formula_counts "$case" "$log" "$out/$case-check.json" || status=1
    elif grep -v '^\[info[^]]*\]' "$log" | grep -q '^\['; then
        echo "Arelle reported on $case:"; grep -v '^\[info[^]]*\]' "$log" | sed -n 1,40p
        status=1
    fi
    if [ "$status" -eq 0 ]; then
        grep -E '^\[info\] (loaded|validated|formula)' "$log" || true
        echo "Arelle, $case: no errors, warnings or calculation inconsistencies${run:+; the formula run agrees with naicxbrl check}"
    fi
    if [ "$inline" = inline ]; then inline_xbrl "$case" || status=1; fi
    return $status
}

# --- Running them. ---

jobs_max="${NAICXBRL_INTEROP_JOBS:-$(nproc 2>/dev/null || echo 2)}"
tasks=()
# task NAME FUNCTION [ARGS...]: runs FUNCTION ARGS in the background once fewer than $jobs_max
# tasks run, its output and exit status kept for the report.
task() {
    local name="$1"
    shift
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
    tasks+=("$name")
    (
        started=$SECONDS
        status=0
        "$@" > "$out/task-$name.out" 2>&1 || status=$?
        echo "($((SECONDS - started)) s)" >> "$out/task-$name.out"
        echo "$status" > "$out/task-$name.status"
    ) &
}

python3 - "$fixture" "$out/changed.txt" <<'PY'
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

# Longest first: an annual filing's task (Arelle's one load for validation and formula, one to
# two minutes of DTS, assertions and facts on an idle machine, then its Inline XBRL document's).
# Each annual edition's assertions run once, and each edition's Inline XBRL but the 2024 one's is
# loaded (the writer is the same code for every edition; the 2024 document is laid out in
# Chromium by the tests): the 2025 edition on Forethought 2025, the 2024 edition's assertions on
# Forethought 2024, the 2023 edition's on Athene's 2021 statement (read by it) and its Inline
# XBRL on Commonwealth 2023, whose instance is validated without the assertions. (Every check on
# every filing took CI to 30 minutes on two cores in a slow hour.)
task annual-instance-and-inline-xbrl-forethought-life-2025 annual_instance forethought-life-2025 formula inline
task annual-instance-forethought-life-2024 annual_instance forethought-life-2024 formula
task annual-instance-and-inline-xbrl-commonwealth-annuity-2023 annual_instance commonwealth-annuity-2023 "" inline
task formula-athene formula athene
# The OIM forms of an annual filing (each of Arelle's loads takes one to two minutes of an
# annual filing): the 2025 edition's xBRL-CSV report package, whose table templates follow the
# edition's pages. The xBRL-JSON report is written fact by fact, with no template, whatever the
# blank: both forms of the fixture are checked below, and Arelle's xBRL-CSV of the fixture is
# imported back (an annual filing's adds only more facts of the same kinds). The 2024 and 2023
# editions' instances and Inline XBRL documents are checked above.
task oim-forethought-life-2025 oim_reports forethought-life-2025 csv
# (Each edition's entry point is the DTS of an instance validated above: the fixture's for the
# quarterly blank, Commonwealth's, Forethought 2024's and 2025's for the annual editions. A task
# that loaded each entry point alone read the same DTS again, for four minutes of Arelle.)
task validation-and-inline-xbrl-fixture validation_and_inline fixture
task xmllint-fixture xmllint_official
task oim-round-trip-fixture oim_round_trip
for case in fixture changed; do
    task "formula-$case" formula "$case"
done
task oim-fixture oim_reports fixture
task arelle-csv-fixture arelle_csv fixture
wait

fail=0
for name in "${tasks[@]}"; do
    echo "== $name"
    cat "$out/task-$name.out"
    [ "$(cat "$out/task-$name.status" 2>/dev/null)" = 0 ] || { echo "$name: FAILED"; fail=1; }
done
if [ "$fail" -ne 0 ]; then
    echo "interop: FAILED"
    exit 1
fi
echo "interop: passed"
