#!/usr/bin/env python3
"""How much of each filed PDF naicxbrl reads (issue "The whole annual statement", point 5).

    Scripts/coverage.py [--tool PATH] FILE.pdf ...

For each filing, from the tool's own accounts and outputs and from poppler's text of the PDF:

- pages: all, read into the model, of schedules the blank description does not read (by the
  tool's page account, `parse --format pages`), and unreadable;
- numeric facts: the facts with a unit or decimals in the xBRL-JSON report (`convert --format json`;
  a fact in xbrli:pure, a count or a percentage, has no unit there);
- amounts: the distinct amounts of 1,000 or more, comma-grouped, printed anywhere in the filing
  (`pdftotext -layout`; a negative printed in parentheses counts by its magnitude), and how many
  of them are the value of some numeric fact (by magnitude, exactly; a fact reported in
  thousands, with negative decimals, also by its value in thousands, as it is printed).

It writes nothing but its report; `--tool` names the naicxbrl binary (default: the debug build).

    Scripts/coverage.py --ocr [--company-code CODE] FILE.pdf ...

reads with `--ocr` (pages in fonts without a Unicode map, decoded or read by OCR), and takes the
printed amounts of a page whose text layer holds none (`pdftotext` prints no amount of it: its
fonts have no Unicode map) from Tesseract's own reading of the page rendered at 300 dpi, apart
from the tool; a page whose text layer prints amounts is taken from that layer alone, which is
exact (Tesseract's misreadings of it, "587,365,315" for 687,365,315, are no printed amounts).
`--company-code` is passed on for a filing that does not print its code.

A percentage printed with grouping ("-1,122.507" in a column of effective tax rates) is the
value of its fact times 100 (a percentage fact is the ratio, in xbrli:pure with places).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, **kw)


def page_ocr(pdf, page, folder):
    stem = os.path.join(folder, f"p{page}")
    run(["pdftoppm", "-r", "300", "-gray", "-f", str(page), "-l", str(page), "-singlefile", "-png", pdf, stem])
    return run(["tesseract", stem + ".png", "stdout", "--psm", "6"]).stdout.decode("utf-8", "replace")


def ocr_text(pdf, pages):
    """The text of `pages` (numbers from 1) as Tesseract reads their renderings (two at once)."""
    from concurrent.futures import ThreadPoolExecutor
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return "\n".join(pool.map(lambda page: page_ocr(pdf, page, folder), pages))


def printed_amounts(pdf, ocr=False):
    text = run(["pdftotext", "-layout", pdf, "-"]).stdout.decode("utf-8", "replace")
    if ocr:
        # pdftotext ends each page with a form feed, a page without a text layer too.
        pages = text.split("\f")
        if text.endswith("\f"):
            pages.pop()
        without = [n for n, page in enumerate(pages, start=1) if not AMOUNT.search(page)]
        text += "\n" + ocr_text(pdf, without)
    amounts = set()
    for match in AMOUNT.finditer(text):
        try:
            amounts.add(Decimal(match.group(0).replace(",", "")).normalize())
        except InvalidOperation:
            pass
    return amounts


def fact_values(tool, pdf, options):
    """The number of numeric facts and their magnitudes; None when the tool converts nothing."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "report.json")
        run([tool, "convert", pdf, "--format", "json", "--no-validate", "-o", out] + options)
        if not os.path.exists(out):
            return None
        facts = json.load(open(out, encoding="utf-8")).get("facts", {})
    values = set()
    numeric = 0
    for fact in facts.values():
        # A numeric fact has a unit, or decimals: xBRL-JSON leaves the unit out where it is
        # xbrli:pure (counts, percentages).
        numeric_fact = "unit" in fact.get("dimensions", {}) or "decimals" in fact
        if not numeric_fact or fact.get("value") is None:
            continue
        numeric += 1
        try:
            value = abs(Decimal(fact["value"]))
            values.add(value.normalize())
            # An amount printed in thousands ("$000 omitted") is a fact of whole dollars with
            # decimals -3: the printed figure is its value in thousands.
            decimals = fact.get("decimals")
            if isinstance(decimals, int) and decimals < 0:
                values.add((value / (Decimal(10) ** -decimals)).normalize())
            # A percentage is printed as the ratio times 100.
            if "unit" not in fact.get("dimensions", {}) and isinstance(decimals, int) and decimals > 0:
                values.add((value * 100).normalize())
        except InvalidOperation:
            pass
    return numeric, values


def pages(tool, pdf, options):
    result = run([tool, "parse", pdf, "--format", "pages"] + options)
    try:
        account = json.loads(result.stdout)
    except ValueError:
        return None
    return account


def main(argv):
    tool = os.path.join(ROOT, ".build", "debug", "naicxbrl")
    files = []
    options = []
    ocr = False
    i = 0
    while i < len(argv):
        if argv[i] == "--tool" and i + 1 < len(argv):
            tool = argv[i + 1]
            i += 2
            continue
        if argv[i] == "--company-code" and i + 1 < len(argv):
            options += argv[i:i + 2]
            i += 2
            continue
        if argv[i] == "--ocr":
            ocr = True
            options.append("--ocr")
            i += 1
            continue
        files.append(argv[i])
        i += 1
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    print("filing | pages | read | not read (other schedules) | unreadable | numeric facts | amounts printed (distinct, >= 1,000) | of them a fact's value")
    print("---|---|---|---|---|---|---|---")
    for pdf in files:
        account = pages(tool, pdf, options)
        if account is None:
            print(f"{os.path.basename(pdf)} | the tool could not read it |")
            continue
        facts = fact_values(tool, pdf, options)
        printed = printed_amounts(pdf, ocr)
        if facts is None:
            numeric, share = "not converted", "-"
        else:
            numeric, values = facts
            found = sum(1 for amount in printed if amount in values)
            share = f"{found} ({100 * found / len(printed):.1f} %)" if printed else "0"
        print(f"{os.path.basename(pdf)} | {account.get('pages', 0)} | {account.get('read', 0)} | {account.get('notRead', 0)} | "
              f"{account.get('unreadable', 0)} | {numeric} | {len(printed)} | {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
