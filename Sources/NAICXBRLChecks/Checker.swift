import Foundation
import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLReading
import NAICXBRLTaxonomy

/// Evaluates a ``CheckRuleSet`` on a statement.
///
/// What is printed decides what is checked, the way an XBRL formula processor decides it on the
/// statement's instance (``FormulaLinkbaseWriter`` writes the same rules as value assertions):
///
/// - an amount counts with its value; a blank cell, a dash, `XXX`, text in an amount column, and a
///   line or page that is not printed count as zero but are not values (they are not facts);
/// - a check is evaluated only where at least one of its cells holds a value, so a block of blank
///   lines is not reported as thousands of passing zeros;
/// - a row-by-row rule is checked on every printed row, a note table rule on every table.
///
/// Amounts are compared exactly, in integer units; a difference within the rule's tolerance is a
/// rounding warning, not a failure.
public struct Checker: Sendable {
    public let rules: CheckRuleSet
    /// What every check run reads from the blank, worked out once.
    private let lookup: BlankLookup
    /// The rules with every place they read resolved to an index, worked out once.
    private let plan: CheckPlan
    private let generatedCount: Int
    private let listedCount: Int

    public init(rules: CheckRuleSet) {
        self.rules = rules
        let lookup = BlankLookup(rules.blank)
        self.lookup = lookup
        plan = CheckPlan(rules: rules.rules, blankPages: lookup.pages, rowScopeLines: lookup.rowScopeLines)
        generatedCount = rules.generatedCount
        listedCount = rules.listedCount
    }

    /// The checker for a blank's bundled rules; nil when the blank has none.
    public static func bundled(for blank: Blank) throws(CheckRuleError) -> Checker? {
        try CheckRuleSet.bundled(for: blank).map(Checker.init(rules:))
    }

    /// ``bundled(for:)``, compiled once per edition for the whole process (nil also when the
    /// rules do not compile), for batches and services that check many statements.
    package static func shared(for blank: Blank) -> Checker? {
        sharedLock.withLock {
            if let known = sharedCheckers[blank.editionKey] { return known }
            let checker = try? bundled(for: blank)
            sharedCheckers[blank.editionKey] = checker
            return checker
        }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedCheckers: [String: Checker?] = [:]

    /// Checks a statement. `origins` (``ParseResult/origins``) gives the input line of each
    /// page row, for the report; `file` names the input in it.
    ///
    /// The rules are evaluated on amounts alone (``CheckPlan``); the report's results (messages,
    /// the cells read and where they are printed) are made when first read.
    public func check(_ statement: Statement, origins: [String: [String: Int]] = [:], file: String? = nil) -> CheckReport {
        let run = CheckPlan.Run(plan: plan, statement: statement)
        /// For rules the plan leaves to the general evaluation; made when first needed.
        var general: Context?
        /// Per result: the rule, and where it was evaluated (nil: not evaluated).
        var outcomes: [(rule: Int, binding: CheckBinding?)] = []
        outcomes.reserveCapacity(rules.rules.count * 4)
        /// Per rule, in rule order.
        var counts: [CheckReport.AssertionCounts] = []
        counts.reserveCapacity(rules.rules.count)
        var summary = CheckReport.Summary(rules: generatedCount + listedCount, generatedRules: generatedCount,
                                          listedRules: listedCount, evaluated: 0, passed: 0, rounding: 0, errors: 0,
                                          warnings: 0, notEvaluated: 0)
        for (index, compiled) in plan.rules.enumerated() {
            let severity = rules.rules[index].severity
            var evaluated = 0
            var tally = CheckReport.AssertionCounts(satisfied: 0, notSatisfied: 0)
            func record(_ status: CheckResult.Status?, _ binding: @autoclosure () -> CheckBinding) {
                guard let status else { return }
                evaluated += 1
                switch status {
                case .passed: summary.passed += 1
                case .rounding: summary.rounding += 1
                case .failed: if severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
                case .notEvaluated: break
                }
                if status == .failed { tally.notSatisfied += 1 } else { tally.satisfied += 1 }
                outcomes.append((index, binding()))
            }
            switch compiled.scope {
            case .single:
                record(run.status(compiled, CheckPlan.Binding()), CheckBinding())
            case .rows(let page):
                for row in run.rowBindings[page] {
                    record(run.status(compiled, CheckPlan.Binding(row: row), page: page),
                           CheckBinding(row: statement.pages[run.pageIndex[page]].rows[row].line))
                }
            case .note(let number, let eachRow, let eachColumn):
                guard let note = run.notes[number] else { break }
                for (t, table) in note.tables.enumerated() {
                    if eachRow {
                        for r in table.rows.indices {
                            record(run.status(compiled, CheckPlan.Binding(table: t, tableRow: r), note: note), CheckBinding(table: t, tableRow: r))
                        }
                    } else if eachColumn {
                        var width = 0
                        for row in table.rows { width = max(width, row.cells.count) }
                        for c in 0..<width {
                            record(run.status(compiled, CheckPlan.Binding(table: t, column: c + 1), note: note), CheckBinding(table: t, column: c + 1))
                        }
                    } else {
                        record(run.status(compiled, CheckPlan.Binding(table: t), note: note), CheckBinding(table: t))
                    }
                }
            case .general:
                let rule = rules.rules[index]
                let context = general ?? Context(statement: statement, lookup: lookup, origins: origins)
                general = context
                for binding in context.bindings(rule.scope) {
                    record(context.evaluation(rule, binding, detailed: false)?.status, binding)
                }
            }
            summary.evaluated += evaluated
            counts.append(tally)
            if evaluated == 0 {
                summary.notEvaluated += 1
                outcomes.append((index, nil))
            }
        }
        let rules = self.rules, lookup = self.lookup, evaluated = outcomes, tallies = counts
        let assertions: @Sendable () -> [String: CheckReport.AssertionCounts] = {
            var byRule: [String: CheckReport.AssertionCounts] = [:]
            for (rule, tally) in zip(rules.rules, tallies) { byRule[rule.id] = tally }
            return byRule
        }
        return CheckReport(file: file, blank: rules.blank.id, summary: summary, makeAssertions: assertions) {
            let context = Context(statement: statement, lookup: lookup, origins: origins)
            return evaluated.map { outcome in
                let rule = rules.rules[outcome.rule]
                if let binding = outcome.binding, let evaluation = context.evaluation(rule, binding, detailed: true) {
                    return context.result(rule, binding, evaluation)
                }
                return CheckResult(rule: rule.id, source: rule.source, severity: rule.severity, status: .notEvaluated, level: nil,
                                   message: rule.message, instance: nil, expected: nil, actual: nil, difference: nil,
                                   tolerance: rule.tolerance.description, cells: [],
                                   reason: context.notEvaluatedReason(rule))
            }
        }
    }
}

/// Where a rule is checked: a row of a page, a table (and row or column) of a note.
struct CheckBinding: Hashable {
    var row: String?
    var table: Int?
    var tableRow: Int?
    var column: Int?
}

/// The value of one term under a binding.
private struct TermValue {
    var amount: ExactSum
    /// At least one of its cells holds a value (is a fact).
    var present: Bool
    var cells: [CheckCell]
}

/// The blank's pages by id, their titles and the lines row-by-row rules go over. Shared by
/// every check run of a ``Checker``.
private final class BlankLookup: Sendable {
    let blank: Blank
    let pages: [String: PageDescription]
    let titles: [String: String]
    let rowScopeLines: [String: Set<String>]

    init(_ blank: Blank) {
        self.blank = blank
        var pages: [String: PageDescription] = [:]
        var titles: [String: String] = [:]
        var lines: [String: Set<String>] = [:]
        for page in blank.pages where pages[page.id] == nil {
            pages[page.id] = page
            titles[page.id] = page.title.capitalizedTitle
            lines[page.id] = Set(Context.rowScopeLines(page))
        }
        self.pages = pages
        self.titles = titles
        self.rowScopeLines = lines
    }
}

/// A statement's pages, rows, notes and interrogatories by what rules name them by, built as
/// rules ask for them. (The model looks each up by a linear search; a statement's checks look
/// up thousands of cells.)
private final class StatementIndex {
    let statement: Statement
    private var pageIndex: [String: Int]?
    private var rowIndex: [String: [String: Int]] = [:]
    private var notes: [Int: CheckPlan.NoteTables?] = [:]
    private var interrogatories: [String: Interrogatory]?

    init(_ statement: Statement) {
        self.statement = statement
    }

    func page(_ id: String) -> Page? {
        if pageIndex == nil {
            var index: [String: Int] = [:]
            for (i, page) in statement.pages.enumerated() where index[page.id] == nil { index[page.id] = i }
            pageIndex = index
        }
        return pageIndex?[id].map { statement.pages[$0] }
    }

    func row(_ pageID: String, _ line: String) -> Row? {
        guard let page = page(pageID) else { return nil }
        if let rows = rowIndex[pageID] { return rows[line].map { page.rows[$0] } }
        var rows: [String: Int] = [:]
        for (i, row) in page.rows.enumerated() where rows[row.line] == nil { rows[row.line] = i }
        rowIndex[pageID] = rows
        return rows[line].map { page.rows[$0] }
    }

    func note(_ number: Int) -> CheckPlan.NoteTables? {
        if let known = notes[number] { return known }
        let found = statement.note(number).map(CheckPlan.NoteTables.init)
        notes[number] = .some(found)
        return found
    }

    func interrogatory(_ part: String, _ number: String) -> Interrogatory? {
        if interrogatories == nil {
            var index: [String: Interrogatory] = [:]
            for item in statement.interrogatories where index[item.part + ":" + item.number] == nil {
                index[item.part + ":" + item.number] = item
            }
            interrogatories = index
        }
        return interrogatories?[part + ":" + number]
    }
}

private struct Context {
    let statement: Statement
    let blank: Blank
    let lookup: BlankLookup
    let index: StatementIndex
    let origins: [String: [String: Int]]
    let periods: StatementPeriods?

    init(statement: Statement, lookup: BlankLookup, origins: [String: [String: Int]]) {
        self.statement = statement
        self.blank = lookup.blank
        self.lookup = lookup
        self.index = StatementIndex(statement)
        self.origins = origins
        periods = statement.cover.statementDate.map(StatementPeriods.init(statementDate:))
    }

    func bindings(_ scope: CheckScope) -> [CheckBinding] {
        switch scope {
        case .single:
            return [CheckBinding()]
        case .rows(let pageID):
            guard let page = index.page(pageID), let lines = lookup.rowScopeLines[pageID] else { return [] }
            return page.rows.filter { lines.contains($0.line) }.map { CheckBinding(row: $0.line) }
        case .note(let number, let eachRow, let eachColumn):
            guard let note = index.note(number) else { return [] }
            var out: [CheckBinding] = []
            for (t, table) in note.tables.enumerated() {
                if eachRow {
                    for r in table.rows.indices { out.append(CheckBinding(table: t, tableRow: r)) }
                } else if eachColumn {
                    let width = table.rows.map(\.cells.count).max() ?? 0
                    for c in 0..<width { out.append(CheckBinding(table: t, column: c + 1)) }
                } else {
                    out.append(CheckBinding(table: t))
                }
            }
            return out
        }
    }

    /// The lines a row-by-row rule goes over: every line that reports values in the page's own
    /// columns. (A balance printed among flows has other periods than its columns, so column
    /// arithmetic does not apply to it.)
    static func rowScopeLines(_ page: PageDescription) -> [String] {
        switch page.orientation {
        case .items: page.lines.filter { !$0.isHeading && $0.concept != nil && $0.instant == nil }.map(\.line)
        case .members: page.lines.filter { $0.member != nil }.map(\.line)
        }
    }

    func notEvaluatedReason(_ rule: CheckRule) -> String {
        for term in rule.terms {
            if case .cell(_, _, .period) = term.reference, periods == nil {
                return "the statement date is not printed, so the column cannot be chosen"
            }
        }
        switch rule.scope {
        case .note(let number, _, _):
            if index.note(number) == nil { return "note \(number) is not printed" }
            if case .note(_, false, _) = rule.scope { return "no table of note \(number) prints a totals row and amounts to add up" }
            return "no table of note \(number) prints amounts in these columns"
        case .rows(let page):
            if index.page(page) == nil { return "\(title(page)) is not printed" }
        case .single:
            break
        }
        return "nothing is printed in the cells it compares"
    }

    func title(_ page: String) -> String { lookup.titles[page] ?? page }

    /// A rule's two sides under a binding, and how they compare.
    struct Evaluation {
        var status: CheckResult.Status
        var left: ExactSum
        var right: ExactSum
        var difference: ExactSum
        /// The cells read; only when `detailed`.
        var cells: [CheckCell]
    }

    /// Evaluates `rule` under `binding`; nil when nothing it reads is printed. `detailed`
    /// also gathers the cells it read, with their places.
    func evaluation(_ rule: CheckRule, _ binding: CheckBinding, detailed: Bool) -> Evaluation? {
        var left = ExactSum(), right = ExactSum()
        var present = false
        var cells: [CheckCell] = []
        for isLeft in [true, false] {
            for term in isLeft ? rule.left : rule.right {
                guard var value = self.value(term.reference, binding, detailed: detailed) else { return nil }
                present = present || value.present
                if detailed {
                    for i in value.cells.indices {
                        value.cells[i].side = isLeft ? "left" : "right"
                        value.cells[i].sign = term.sign
                    }
                    cells += value.cells
                }
                if isLeft { left.add(value.amount, negated: term.sign < 0) } else { right.add(value.amount, negated: term.sign < 0) }
            }
        }
        guard present else { return nil }
        let (status, difference) = ExactSum.compare(left, right, tolerance: rule.tolerance)
        return Evaluation(status: status, left: left, right: right, difference: difference, cells: cells)
    }

    func result(_ rule: CheckRule, _ binding: CheckBinding, _ evaluation: Evaluation) -> CheckResult {
        let status = evaluation.status
        let level: CheckSeverity? = status == .passed ? nil : status == .rounding ? .warning : rule.severity
        return CheckResult(rule: rule.id, source: rule.source, severity: rule.severity, status: status, level: level,
                           message: rule.message, instance: instance(rule.scope, binding), expected: evaluation.right.description,
                           actual: evaluation.left.description, difference: evaluation.difference.description,
                           tolerance: rule.tolerance.description, cells: evaluation.cells, reason: nil)
    }

    func instance(_ scope: CheckScope, _ binding: CheckBinding) -> String? {
        switch scope {
        case .single: return nil
        case .rows(let page): return "\(title(page)) line \(binding.row ?? "?")"
        case .note(let number, _, _):
            var text = "Note \(number), table \((binding.table ?? 0) + 1)"
            if let t = binding.table, let r = binding.tableRow, let table = index.note(number)?.tables[safe: t], let row = table.rows[safe: r] {
                text += ", row \(row.label)"
            }
            if let c = binding.column, let t = binding.table, let table = index.note(number)?.tables[safe: t] {
                text += ", column \(c)\(Self.heading(table, c).map { " (\($0))" } ?? "")"
            }
            return text
        }
    }

    /// A note table's heading for amount column `c` (the first printed heading cell labels the rows).
    static func heading(_ table: Table, _ c: Int) -> String? {
        guard let headings = table.headings.last, c < headings.count else { return nil }
        let text = headings[c].trimmedSpaces
        return text.isEmpty ? nil : text
    }

    func value(_ reference: CheckReference, _ binding: CheckBinding, detailed: Bool) -> TermValue? {
        switch reference {
        case .cell(let pageID, let fixedLine, let selector):
            guard let description = lookup.pages[pageID], let line = fixedLine ?? binding.row else { return nil }
            let index: Int
            switch selector {
            case .number(let n):
                guard let i = description.index(ofColumn: n) else { return nil }
                index = i
            case .period(let p):
                guard let periods, let i = description.columns.firstIndex(where: {
                    $0.valueKind == .amount && $0.period.map { periods.period($0) } == periods.period(p)
                }) else { return nil }
                index = i
            }
            let column = description.columns[index]
            let row = self.index.row(pageID, line)
            let cell = row.flatMap { index < $0.cells.count ? $0.cells[index] : nil }
            let (amount, present) = CheckPlan.amount(cell, textColumn: column.valueKind != .amount)
            guard detailed else { return TermValue(amount: amount, present: present, cells: []) }
            let place = "\(title(pageID)) line \(line), column \(column.number.isEmpty ? column.heading : column.number)"
            return TermValue(amount: amount, present: present,
                             cells: [CheckCell(place: place, page: pageID, line: line, column: column.number,
                                               value: cell.flatMap(Self.printed), printed: row != nil, inputLine: origins[pageID]?[line])])
        case .caption(let pageID, let line, let slot):
            let row = index.row(pageID, line)
            let cell = row?.captionAmounts[safe: slot - 1]
            let (amount, present) = CheckPlan.amount(cell, textColumn: false)
            guard detailed else { return TermValue(amount: amount, present: present, cells: []) }
            let place = "\(title(pageID)) line \(line), amount \(slot) printed in the caption"
            return TermValue(amount: amount, present: present,
                             cells: [CheckCell(place: place, page: pageID, line: line, caption: slot,
                                               value: cell.flatMap(Self.printed), printed: row != nil, inputLine: origins[pageID]?[line])])
        case .interrogatory(let part, let number, let k):
            let item = index.interrogatory(part, number)
            var cell: Cell?
            if case .amounts(let cells)? = item?.answer { cell = cells[safe: k - 1] }
            let (amount, present) = CheckPlan.amount(cell, textColumn: false)
            guard detailed else { return TermValue(amount: amount, present: present, cells: []) }
            let name = part == "supplemental" ? "Supplemental interrogatory" : "General interrogatories part \(part),"
            let place = "\(name) \(number)\(k > 1 ? ", amount \(k)" : "")"
            return TermValue(amount: amount, present: present,
                             cells: [CheckCell(place: place, interrogatory: "\(part):\(number)", value: cell.flatMap(Self.printed), printed: item != nil)])
        case .noteCell(let number, let selector, let fixedColumn):
            guard let t = binding.table, let note = index.note(number), let table = note.tables[safe: t],
                  let c = fixedColumn ?? binding.column else { return nil }
            let totals = note.totals[t]
            var rows: [Int]
            switch selector {
            case .each:
                guard let r = binding.tableRow else { return nil }
                rows = [r]
            case .rows:
                guard !totals.isEmpty else { return nil }
                rows = table.rows.indices.filter { !totals.contains($0) }  // totals: a row or two
            case .total:
                guard !totals.isEmpty else { return nil }
                rows = totals
            }
            var sum = ExactSum()
            var present = false
            for r in rows {
                let (amount, isValue) = CheckPlan.amount(table.rows[r].cells[safe: c - 1], textColumn: false, scale: table.scale)
                present = present || isValue
                sum.add(amount)
            }
            guard detailed else { return TermValue(amount: sum, present: present, cells: []) }
            let heading = Self.heading(table, c).map { " (\($0))" } ?? ""
            let place: String
            let row: String?
            switch selector {
            case .each:
                row = rows.first.map { table.rows[$0].label }
                place = "Note \(number), table \(t + 1), row \(row ?? "?"), column \(c)\(heading)"
            case .rows:
                row = nil
                place = "Note \(number), table \(t + 1), column \(c)\(heading), the \(rows.count) rows above the totals"
            case .total:
                row = totals.first.map { table.rows[$0].label }
                place = "Note \(number), table \(t + 1), row \(row ?? "Totals"), column \(c)\(heading)"
            }
            let printedValue: String? = selector == .each ? rows.first.flatMap { table.rows[$0].cells[safe: c - 1] }.flatMap(Self.printed)
                : present ? sum.description : nil
            return TermValue(amount: sum, present: present,
                             cells: [CheckCell(place: place, column: String(c), note: number, table: t + 1, row: row, value: printedValue, printed: true)])
        case .count(let pageID, let lines, let columnNumber, let text):
            guard let description = lookup.pages[pageID], let column = description.index(ofColumn: columnNumber) else { return nil }
            var count: Int64 = 0
            var present = false
            let page = index.page(pageID)
            for line in lines {
                guard let cell = index.row(pageID, line)?.cells[safe: column] else { continue }
                switch cell {
                case .text(let t):
                    present = true
                    if t.trimmedSpaces == text { count += 1 }
                case .notApplicable:
                    present = true
                default:
                    break
                }
            }
            guard detailed else { return TermValue(amount: ExactSum(Amount(units: count)), present: present, cells: []) }
            let first = lines.first ?? "", last = lines.last ?? ""
            let place = "\(title(pageID)) lines \(first) to \(last), column \(columnNumber): lines printing \(text)"
            return TermValue(amount: ExactSum(Amount(units: count)), present: present,
                             cells: [CheckCell(place: place, page: pageID, line: "\(first)..\(last)", column: columnNumber,
                                               value: present ? String(count) : nil, printed: page != nil, inputLine: origins[pageID]?[first])])
        }
    }

    static func printed(_ cell: Cell) -> String? {
        switch cell {
        case .blank: nil
        case .amount(let amount, _): amount.description
        default: ValueScanner.render(cell)
        }
    }
}
