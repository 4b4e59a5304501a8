import Foundation
@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML

/// The checks the blank description already states: the arithmetic printed in captions
/// ("Totals (Lines 1 to 8.3)"), the lines that repeat another ("(Line 25 above)"), and the column
/// arithmetic printed in headings ("Net Admitted Assets (Cols. 1 - 2)").
///
/// They are generated rather than listed so that they cannot drift from the blank: a line added to
/// the description is checked the moment it is there.
enum GeneratedChecks {
    static func rules(for blank: Blank, severity: CheckSeverity, tolerance: Amount) throws(CheckRuleError) -> [CheckRule] {
        var rules: [CheckRule] = []
        for page in blank.pages {
            let title = page.title.capitalizedTitle
            let stem = kebab(page.id)
            // Percentages and factors (columns of their own items) are not summed: their sums are not checked.
            let pageAmountColumns = page.columns.filter { $0.valueKind == .amount && !$0.number.isEmpty && $0.adds }
            /// The amount columns a line is printed in: all, unless the blank names some.
            func amountColumns(_ line: LineDescription) -> [ColumnDescription] {
                pageAmountColumns.filter(line.prints(in:))
            }
            /// One rule a column the line is printed in: the line's cell `must` (a verb phrase)
            /// equal the signed sum of the `right` lines' cells in the same column. Not in a column
            /// where the blank prints none of those lines (XXX): the arithmetic the caption prints
            /// is the other columns' (the A&H premiums in force at the end of the year are no
            /// difference of the XXX the table prints for their additions and deductions).
            func appendLineRules(_ line: LineDescription, id: String, must: String, _ right: [(sign: Int, line: String)], leftRequired: Bool = false) {
                for column in amountColumns(line) where right.contains(where: { page.line($0.line)?.prints(in: column) ?? true }) {
                    let selector = ColumnSelector.number(column.number)
                    rules.append(CheckRule(
                        id: "\(stem)-line-\(line.line)-\(id)-col-\(column.number)",
                        message: "\(title) line \(line.line) (\(caption(line))) must \(must), in column \(column.number) (\(column.heading))",
                        severity: severity, tolerance: tolerance,
                        left: [CheckTerm(sign: 1, reference: .cell(page: page.id, line: line.line, column: selector))],
                        right: right.map { CheckTerm(sign: $0.sign, reference: .cell(page: page.id, line: $0.line, column: selector)) },
                        scope: .single, source: .blank, leftRequired: leftRequired))
                }
            }
            for line in page.lines where !line.isHeading {
                if let text = line.total {
                    guard let formula = Formula(text), let terms = page.expand(formula) else {
                        throw CheckRuleError(rule: "\(stem)-line-\(line.line)-total",
                                             problem: "the blank description's total \(text) of \(page.id) line \(line.line) names a line the page does not have")
                    }
                    appendLineRules(line, id: "total", must: "equal \(words(formula))",
                                    terms.map { (sign: $0.sign, line: canonical($0.line, page)) })
                }
                if let other = line.equals {
                    guard let index = page.lineIndex(other) else {
                        throw CheckRuleError(rule: "\(stem)-line-\(line.line)-equals",
                                             problem: "\(page.id) line \(line.line) repeats line \(other), which the page does not have")
                    }
                    let otherLine = page.lines[index].line
                    // A line that totals entries printed on another page (the overflow page's
                    // summary) repeats its line only where that page prints it.
                    let printedElsewhere = line.total.flatMap { page.line($0)?.isEntries } ?? false
                    appendLineRules(line, id: "equals-line-\(otherLine)", must: "repeat line \(otherLine)", [(sign: 1, line: otherLine)],
                                    leftRequired: printedElsewhere)
                }
            }
            // Column arithmetic goes over the lines that report in the page's own columns; a page
            // whose lines are all balances printed among flows' columns has none to go over.
            let columnsApply = !CheckPlan.rowScopeLines(page).isEmpty
            for column in page.columns where columnsApply {
                guard let text = column.total else { continue }
                guard let formula = Formula(text) else {
                    throw CheckRuleError(rule: "\(stem)-col-\(column.number)-total", problem: "\(page.id) column \(column.number) total \(text) does not read")
                }
                var right: [CheckTerm] = []
                for term in formula.terms {
                    let numbers: [String]
                    switch term.reference {
                    case .single(let n): numbers = [n]
                    case .range(let a, let b):
                        guard let i = page.index(ofColumn: a), let j = page.index(ofColumn: b), i <= j else { numbers = []; break }
                        numbers = page.columns[i...j].filter { $0.valueKind == .amount }.map(\.number)
                    }
                    for n in numbers {
                        guard page.index(ofColumn: n) != nil else {
                            throw CheckRuleError(rule: "\(stem)-col-\(column.number)-total", problem: "\(page.id) has no column \(n)")
                        }
                        right.append(CheckTerm(sign: term.sign, reference: .cell(page: page.id, line: nil, column: .number(n))))
                    }
                }
                guard !right.isEmpty else {
                    throw CheckRuleError(rule: "\(stem)-col-\(column.number)-total", problem: "\(page.id) column \(column.number) total \(text) names no column")
                }
                rules.append(CheckRule(
                    id: "\(stem)-col-\(column.number)-total",
                    message: "\(title) column \(column.number) (\(column.heading)) must equal \(columnWords(formula)) on every line",
                    severity: severity, tolerance: tolerance,
                    left: [CheckTerm(sign: 1, reference: .cell(page: page.id, line: nil, column: .number(column.number)))],
                    right: right, scope: .rows(page: page.id), source: .blank))
            }
        }
        return rules
    }

    /// The blank's own spelling of a line number found with or without its leading zero.
    static func canonical(_ line: String, _ page: PageDescription) -> String {
        page.lines[safe: page.lineIndex(line)]?.line ?? line
    }

    /// `ScheduleDPart1B` → `schedule-d-part-1b`: rule ids read like the page names.
    static func kebab(_ id: String) -> String {
        let chars = Array(id)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if i > 0 {
                let previous = chars[i - 1]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let lowerToUpper = previous.isLowercase && ch.isUppercase
                let letterToDigit = previous.isLetter && ch.isNumber
                let acronymEnd = previous.isUppercase && ch.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || letterToDigit || acronymEnd { out.append("-") }
            }
            out.append(contentsOf: ch.lowercased())
        }
        return out
    }

    /// The caption as a filer reads it, without the `$` placeholders of amounts printed in it.
    static func caption(_ line: LineDescription) -> String {
        if line.isWriteIn || line.caption.isEmpty { return "write-in" }
        var text = line.caption.replacingAll(" ($)", with: "").replacingAll("($)", with: "").replacingAll("$ ", with: "").replacingAll("$", with: "")
        while text.contains("  ") { text = text.replacingAll("  ", with: " ") }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `1..11` → "lines 1 to 11"; `9-28` → "line 9 - line 28".
    static func words(_ formula: Formula) -> String {
        var out = ""
        for (i, term) in formula.terms.enumerated() {
            if i > 0 { out += term.sign < 0 ? " - " : " + " } else if term.sign < 0 { out += "- " }
            switch term.reference {
            case .single(let n): out += "line \(n)"
            case .range(let a, let b): out += "lines \(a) to \(b)"
            }
        }
        return out
    }

    static func columnWords(_ formula: Formula) -> String {
        words(formula).replacingAll("lines ", with: "columns ").replacingAll("line ", with: "column ")
    }
}
