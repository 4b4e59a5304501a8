import Foundation
@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML

/// A rule ready to evaluate: compiled from the rule file or generated from the blank.
package struct CheckRule: Sendable {
    package typealias Source = CheckRuleSource

    package var id: String
    package var message: String
    package var severity: CheckSeverity
    package var tolerance: Amount
    /// What the statement prints.
    package var left: [CheckTerm]
    /// What it must equal.
    package var right: [CheckTerm]
    package var scope: CheckScope
    package var source: Source
    /// Evaluated only where the statement prints a value on the left (what it prints): the
    /// overflow page's summary repeats its page's line 2598, and a filing that leaves the
    /// overflow page out (a partial one) prints line 2598 alone.
    package var leftRequired = false

    package var terms: [CheckTerm] { left + right }
}

/// A signed reference: `- Liabilities 36 col 1`.
package struct CheckTerm: Hashable, Sendable {
    /// +1 or -1.
    package var sign: Int
    package var reference: CheckReference

    package init(sign: Int, reference: CheckReference) {
        self.sign = sign
        self.reference = reference
    }
}

/// Which column of a page a reference reads.
package enum ColumnSelector: Hashable, Sendable, CustomStringConvertible {
    /// The blank's column number, as printed (`"3"`).
    case number(String)
    /// The column whose period is this one for the statement's date: Schedule D Part 1B's "end of
    /// the current quarter" is column 5, 6 or 7 depending on the quarter.
    case period(PeriodReference)

    package var description: String {
        switch self {
        case .number(let n): n
        case .period(let p): "@" + p.rawValue
        }
    }
}

/// Which rows of a note's table a reference reads.
package enum NoteRowSelector: String, Hashable, Sendable {
    /// The row of the instance: the rule is checked on every row of every table.
    case each
    /// The sum of the rows that are not totals.
    case rows
    /// The totals row (labelled `Total...`).
    case total
}

/// One value the statement prints, or a count of them.
package enum CheckReference: Hashable, Sendable {
    /// A cell of a tabular page. `line == nil` is the row of the instance (``CheckScope/rows(page:)``).
    case cell(page: String, line: String?, column: ColumnSelector)
    /// The `slot`-th amount printed inside a caption (1-based: `Cash ($...), cash equivalents ($...)`).
    case caption(page: String, line: String, slot: Int)
    /// The `amount`-th amount answering an interrogatory (1-based).
    case interrogatory(part: String, number: String, amount: Int)
    /// A cell of a table of a note; every table of the note is checked. `column == nil` is the
    /// column of the instance.
    case noteCell(note: Int, row: NoteRowSelector, column: Int?)
    /// How many of the page's `lines` print exactly `text` in `column`.
    case count(page: String, lines: [String], column: String, text: String)
}

/// What one rule is checked on.
package enum CheckScope: Hashable, Sendable {
    /// Once.
    case single
    /// Every printed line of the page (column arithmetic such as "Cols. 1 - 2").
    case rows(page: String)
    /// Every table of the note, and within it every row and/or every column.
    case note(number: Int, eachRow: Bool, eachColumn: Bool)
}

/// A rule file that does not compile: the rule and what is wrong with it.
public struct CheckRuleError: Error, CustomStringConvertible, Sendable {
    public var rule: String
    public var problem: String

    public var description: String { "check rule \(rule): \(problem)" }
}

/// The rules for a blank: generated from its description plus the listed ones.
package struct CheckRuleSet: Sendable {
    package let blank: Blank
    package let rules: [CheckRule]
    /// The rules compiled against the blank: what the checker evaluates and the formula linkbase states.
    package let plan: CheckPlan

    package var generatedCount: Int { rules.filter { $0.source == .blank }.count }
    package var listedCount: Int { rules.filter { $0.source == .listed }.count }

    /// Generates the blank's rules and compiles the listed ones; throws on the first rule that
    /// names something the blank does not have.
    package init(blank: Blank, file: CheckRuleFile) throws(CheckRuleError) {
        self.blank = blank
        guard file.blank == blank.id else {
            throw CheckRuleError(rule: "(file)", problem: "the rules are for blank \(file.blank), not \(blank.id)")
        }
        guard let tolerance = Amount(plain: file.generated.tolerance), tolerance.units >= 0 else {
            throw CheckRuleError(rule: "(generated)", problem: "tolerance \(file.generated.tolerance) is not a decimal amount")
        }
        var rules = try GeneratedChecks.rules(for: blank, severity: file.generated.severity, tolerance: tolerance)
        let compiler = CheckExpression.Compiler(blank: blank)
        for listed in file.rules { rules += try compiler.compile(listed) }
        var seen = Set<String>()
        for rule in rules {
            guard seen.insert(rule.id).inserted else { throw CheckRuleError(rule: rule.id, problem: "the id is used twice") }
            guard CheckExpression.isNCName(rule.id) else {
                throw CheckRuleError(rule: rule.id, problem: "the id must be an XML name (letters, digits, '-', '.', '_'; a letter first)")
            }
        }
        self.rules = rules
        plan = CheckPlan(blank: blank, rules: rules)
    }

    private init(blank: Blank, compiled rules: [CheckRule]) {
        self.blank = blank
        self.rules = rules
        plan = CheckPlan(blank: blank, rules: rules)
    }

    /// These rules alone (the others left out, their order kept): a check of a few rules on a
    /// statement of thousands of cells evaluates those rules only.
    package func restricted(to ids: Set<String>) -> CheckRuleSet {
        CheckRuleSet(blank: blank, compiled: rules.filter { ids.contains($0.id) })
    }

    /// Whether the blank has a bundled rule file, without compiling it.
    package static func hasBundledFile(for blank: Blank) -> Bool {
        BlankCatalog.bundled.entry(blank.id)?.checks != nil
    }

    /// The bundled rules of a blank's edition, or nil when the blank has none.
    package static func bundled(for blank: Blank) throws(CheckRuleError) -> CheckRuleSet? {
        let file: CheckRuleFile?
        do {
            file = try BlankCatalog.bundled.checkRuleFile(for: blank)
        } catch {
            throw CheckRuleError(rule: "(file)", problem: error.message)
        }
        guard let file else { return nil }
        return try CheckRuleSet(blank: blank, file: file)
    }
}

/// The small expression language of the rule file.
///
/// An expression is terms joined by ` + ` and ` - ` (spaces around the operator; a leading `-`
/// negates the first term). A term is one of:
///
/// - `PAGE LINES col C`: cells of a tabular page. `PAGE` is the blank's page id (`Assets`,
///   `ScheduleDVerification`); `LINES` a line number or line arithmetic in the blank's own form
///   (`28`, `3.1+3.2`, `1..58`), or `*` for every line (the rule is checked row by row); `C` a
///   column number, `*` for each of the rule's `columns`, or `@PERIOD` for the column whose period
///   is `PERIOD` (`@current-instant`) for the statement's date.
/// - `PAGE LINE caption K`: the K-th amount printed in the line's caption (`Assets 5 caption 2`
///   is the cash equivalents in "Cash ($...), cash equivalents ($...) and short-term investments").
/// - `interrogatory PART NUMBER [amount K]`: an interrogatory's amount answer (`interrogatory 2 1.5`).
/// - `note N table * row * col C`, `note N table * rows col C`, `note N table * total col C`: a
///   note table's cell in every row, the sum of the rows that are not totals, or the totals row,
///   in every table of the note. `C` is a column number (1 is the first amount column) or `*`.
/// - `count PAGE LINES col C = TEXT`: how many of those lines print `TEXT` in column C.
package enum CheckExpression {
    static func isNCName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, CharacterSet.letters.contains(first) || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0)) }
    }

    /// Splits on spaces; `"..."` keeps spaces inside one token.
    static func tokens(_ text: String) -> [String]? {
        var out: [String] = []
        var current = ""
        var quoted = false
        var hasToken = false
        for ch in text {
            if ch == "\"" {
                quoted.toggle()
                hasToken = true
            } else if ch == " " && !quoted {
                if hasToken { out.append(current) }
                current = ""
                hasToken = false
            } else {
                current.append(ch)
                hasToken = true
            }
        }
        if quoted { return nil }
        if hasToken { out.append(current) }
        return out
    }

    struct Compiler {
        let blank: Blank

        func compile(_ rule: ListedRule) throws(CheckRuleError) -> [CheckRule] {
            guard let tolerance = Amount(plain: rule.tolerance), tolerance.units >= 0 else {
                throw CheckRuleError(rule: rule.id, problem: "tolerance \(rule.tolerance) is not a decimal amount")
            }
            guard let columns = rule.columns else {
                return [try compile(rule, id: rule.id, column: nil, tolerance: tolerance)]
            }
            guard !columns.isEmpty else { throw CheckRuleError(rule: rule.id, problem: "columns is empty") }
            var out: [CheckRule] = []
            for column in columns {
                out.append(try compile(rule, id: "\(rule.id)-col-\(column)", column: column, tolerance: tolerance))
            }
            return out
        }

        private func compile(_ rule: ListedRule, id: String, column: String?, tolerance: Amount) throws(CheckRuleError) -> CheckRule {
            let left = try expression(rule.left, rule: rule.id, column: column)
            let right = try expression(rule.right, rule: rule.id, column: column)
            let terms = left + right
            guard !terms.isEmpty else { throw CheckRuleError(rule: rule.id, problem: "the rule has no terms") }
            var scopes = Set<CheckScope>()
            var noteColumns = false
            for term in terms {
                switch term.reference {
                case .cell(let page, nil, _): scopes.insert(.rows(page: page))
                case .noteCell(let note, _, let column):
                    scopes.insert(.note(number: note, eachRow: false, eachColumn: false))
                    if column == nil { noteColumns = true }
                default: break
                }
            }
            var scope = CheckScope.single
            if scopes.count > 1 {
                throw CheckRuleError(rule: rule.id, problem: "a rule can go row by row over one page or one note, not several")
            }
            if let only = scopes.first {
                scope = only
                if case .note(let number, _, _) = only {
                    let rows = terms.compactMap { if case .noteCell(_, let row, _) = $0.reference { row } else { nil } }
                    let eachRow = rows.contains(.each)
                    if eachRow && rows.contains(where: { $0 != .each }) {
                        throw CheckRuleError(rule: rule.id, problem: "`row *` cannot be mixed with `rows` or `total`")
                    }
                    if !eachRow && !(rows.contains(.total) && rows.contains(.rows)) {
                        throw CheckRuleError(rule: rule.id, problem: "`rows` and `total` go together: the rows must add up to the totals row")
                    }
                    if noteColumns && terms.contains(where: { if case .noteCell(_, _, let c) = $0.reference { c != nil } else { true } }) {
                        throw CheckRuleError(rule: rule.id, problem: "with `col *` every term must be a note cell in that column")
                    }
                    scope = .note(number: number, eachRow: eachRow, eachColumn: noteColumns)
                }
                if case .rows = only, terms.contains(where: { if case .cell(_, nil, _) = $0.reference { false } else { true } }) {
                    throw CheckRuleError(rule: rule.id, problem: "with `*` lines every term must be a cell of the same row")
                }
            }
            return CheckRule(id: id, message: rule.message, severity: rule.severity, tolerance: tolerance,
                             left: left, right: right, scope: scope, source: .listed)
        }

        func expression(_ text: String, rule: String, column: String?) throws(CheckRuleError) -> [CheckTerm] {
            guard let tokens = CheckExpression.tokens(text) else { throw CheckRuleError(rule: rule, problem: "unbalanced quote in \"\(text)\"") }
            var terms: [CheckTerm] = []
            var sign = 1
            var current: [String] = []
            func flush() throws(CheckRuleError) {
                guard !current.isEmpty else { throw CheckRuleError(rule: rule, problem: "an operator without a term in \"\(text)\"") }
                terms += try term(current, sign: sign, rule: rule, column: column)
                current = []
            }
            for (i, token) in tokens.enumerated() {
                if token == "+" || token == "-" {
                    if i == 0 && token == "-" { sign = -1; continue }
                    try flush()
                    sign = token == "+" ? 1 : -1
                } else {
                    current.append(token)
                }
            }
            try flush()
            return terms
        }

        private func page(_ id: String, rule: String) throws(CheckRuleError) -> PageDescription {
            guard let page = blank.page(id) else { throw CheckRuleError(rule: rule, problem: "the blank has no page \(id)") }
            return page
        }

        private func lines(_ text: String, of page: PageDescription, rule: String) throws(CheckRuleError) -> [(sign: Int, line: String)] {
            guard let formula = Formula(text), let lines = page.expand(formula) else {
                throw CheckRuleError(rule: rule, problem: "\(page.id) has no line(s) \(text)")
            }
            // Lines are named as the blank numbers them, whichever way the rule wrote a leading zero.
            return lines.map { (sign: $0.sign, line: page.lines[safe: page.lineIndex($0.line)]?.line ?? $0.line) }
        }

        private func columnSelector(_ text: String, of page: PageDescription, rule: String, column: String?) throws(CheckRuleError) -> ColumnSelector {
            var text = text
            if text == "*" {
                guard let column else { throw CheckRuleError(rule: rule, problem: "`col *` needs the rule's `columns`") }
                text = column
            }
            if text.hasPrefix("@") {
                guard let period = PeriodReference(rawValue: String(text.dropFirst())) else {
                    throw CheckRuleError(rule: rule, problem: "unknown period \(text)")
                }
                guard page.columns.contains(where: { $0.valueKind == .amount && $0.period != nil }) else {
                    throw CheckRuleError(rule: rule, problem: "\(page.id) has no column with a period")
                }
                return .period(period)
            }
            guard page.index(ofColumn: text) != nil else { throw CheckRuleError(rule: rule, problem: "\(page.id) has no column \(text)") }
            return .number(text)
        }

        private func term(_ words: [String], sign: Int, rule: String, column: String?) throws(CheckRuleError) -> [CheckTerm] {
            let text = words.joined(separator: " ")
            func bad(_ why: String) -> CheckRuleError { CheckRuleError(rule: rule, problem: "\(why): \"\(text)\"") }
            switch words.first {
            case "count":
                guard words.count == 7, words[3] == "col", words[5] == "=" else { throw bad("expected count PAGE LINES col C = TEXT") }
                let page = try page(words[1], rule: rule)
                let lines = try lines(words[2], of: page, rule: rule)
                guard lines.allSatisfy({ $0.sign > 0 }) else { throw bad("counted lines cannot be subtracted") }
                guard let index = page.index(ofColumn: words[4]), page.columns[index].valueKind != .amount else {
                    throw bad("\(page.id) column \(words[4]) is not a text column")
                }
                return [CheckTerm(sign: sign, reference: .count(page: page.id, lines: lines.map(\.line), column: words[4], text: words[6]))]
            case "interrogatory":
                guard words.count == 3 || (words.count == 5 && words[3] == "amount") else {
                    throw bad("expected interrogatory PART NUMBER [amount K]")
                }
                guard blank.sections.contains(where: { $0.kind == .interrogatories && ($0.part ?? $0.id) == words[1] }) else {
                    throw bad("the blank has no interrogatories part \(words[1])")
                }
                let amount = words.count == 5 ? Int(words[4]) : 1
                guard let amount, amount >= 1 else { throw bad("amount must be 1 or more") }
                return [CheckTerm(sign: sign, reference: .interrogatory(part: words[1], number: words[2], amount: amount))]
            case "note":
                guard words.count == 7 || words.count == 8, let number = Int(words[1]), words[2] == "table", words[3] == "*" else {
                    throw bad("expected note N table * (row * | rows | total) col C")
                }
                guard blank.sections.contains(where: { $0.kind == .notes }) else { throw bad("the blank has no notes") }
                let row: NoteRowSelector
                var rest: ArraySlice<String>
                if words[4] == "row", words.count == 8, words[5] == "*" {
                    row = .each
                    rest = words[6...]
                } else if words.count == 7, words[4] == "rows" || words[4] == "total" {
                    row = words[4] == "rows" ? .rows : .total
                    rest = words[5...]
                } else {
                    throw bad("expected row *, rows or total")
                }
                guard rest.first == "col", let c = rest.last else { throw bad("expected col C") }
                if c == "*" { return [CheckTerm(sign: sign, reference: .noteCell(note: number, row: row, column: nil))] }
                guard let n = Int(c), n >= 1 else { throw bad("a note table column is a number from 1") }
                return [CheckTerm(sign: sign, reference: .noteCell(note: number, row: row, column: n))]
            default:
                guard words.count == 4 else { throw bad("expected PAGE LINES col C or PAGE LINE caption K") }
                let page = try page(words[0], rule: rule)
                if words[2] == "caption" {
                    guard let index = page.lineIndex(words[1]), let slot = Int(words[3]), slot >= 1 else { throw bad("expected PAGE LINE caption K") }
                    let line = page.lines[index]
                    guard slot <= (line.slots?.count ?? 0) else { throw bad("\(page.id) line \(line.line) prints \(line.slots?.count ?? 0) amount(s) in its caption") }
                    return [CheckTerm(sign: sign, reference: .caption(page: page.id, line: line.line, slot: slot))]
                }
                guard words[2] == "col" else { throw bad("expected col or caption") }
                let selector = try columnSelector(words[3], of: page, rule: rule, column: column)
                if words[1] == "*" { return [CheckTerm(sign: sign, reference: .cell(page: page.id, line: nil, column: selector))] }
                return try lines(words[1], of: page, rule: rule).map {
                    CheckTerm(sign: sign * $0.sign, reference: .cell(page: page.id, line: $0.line, column: selector))
                }
            }
        }
    }
}
