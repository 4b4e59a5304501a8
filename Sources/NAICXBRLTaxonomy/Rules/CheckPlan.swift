import Foundation
import NAICXBRLCore
import NAICXBRLXML

/// A ``CheckRuleSet`` resolved against its blank once, for a ``Checker``: every page, line and
/// column a rule names becomes an index, so that checking a statement looks each printed line up
/// once and then adds integers.
///
/// A statement is checked in two steps (``Run``): its rows are found by the lines rules read
/// (one table lookup per printed row of a page the rules read), then every cell a rule reads at a
/// fixed place is read once into a flat table of amounts. Rules are then sums over that table, or,
/// row by row and table by table, over the cells of the instance.
///
/// The plan evaluates amounts only; the results a report shows (messages, cells and their places)
/// are made by ``Context`` from the rules themselves, which stay the reference for what a rule
/// means. A rule the plan cannot express (a row-by-row cell of another page, say) is evaluated by
/// ``Context`` too.
package struct CheckPlan: Sendable {
    /// A value read at a fixed place of the statement, once per statement. (Plain integers, so
    /// that reading one copies no strings or arrays.)
    enum Source: Hashable, Sendable {
        /// Column `column` (an index into the page description's columns) of the row in `row`.
        case cell(row: Int, column: Int, textColumn: Bool)
        /// The amount column of the row in `row` whose period is ``periods``[`period`] for the
        /// statement's date.
        case periodCell(row: Int, period: Int)
        /// The `index`-th (0-based) amount printed in the caption of the row in `row`.
        case caption(row: Int, index: Int)
        /// ``interrogatories``[`i`].
        case interrogatory(Int)
        /// ``counts``[`i`].
        case count(Int)
        /// Names a page or column the blank does not have: never a value.
        case unavailable
    }

    /// Which column of the instance's row a row-by-row term reads.
    enum RowColumn: Sendable {
        case index(Int, textColumn: Bool)
        /// ``periods``[`i`]: the column depends on the statement's date.
        case period(Int)
        case unavailable
    }

    enum Operand: Sendable {
        /// ``sources``[`i`].
        case fixed(Int)
        /// A cell of the instance's row (``CheckScope/rows(page:)``).
        case rowCell(RowColumn)
        /// A cell, sum of rows or totals row of the instance's note table.
        case noteCell(NoteRowSelector, column: Int?)
    }

    struct Term: Sendable {
        var operand: Operand
        var negative: Bool
        /// On the left side (what the statement prints).
        var left: Bool
    }

    package enum Scope: Sendable {
        case single
        /// Every printed row of ``pages``[`page`] whose line is one the page's row-by-row rules go over.
        case rows(page: Int)
        /// Every table of note ``notes``[`note`].
        case note(Int, eachRow: Bool, eachColumn: Bool)
        /// Evaluated by ``Context``.
        case general
    }

    package struct Rule: Sendable {
        package var scope: Scope
        /// The left side's terms, then the right side's, in the rule's order.
        var terms: [Term]
        var tolerance: Amount
    }

    /// A page that rules read: the lines they read, each a row slot.
    struct PageLines: Sendable {
        var slots: [String: Int]
    }

    /// The `index`-th (0-based) amount answering an interrogatory.
    struct InterrogatoryAmount: Equatable, Sendable {
        var part: String
        var number: String
        var index: Int
    }

    /// How many of the rows in `rows` (row slots) print `text` in column `column`.
    struct Count: Equatable, Sendable {
        var rows: [Int]
        var column: Int
        var text: String
    }

    /// A column whose period a rule names, for a statement's date: the page's amount columns with a period.
    struct PeriodColumn: Sendable {
        var candidates: [(index: Int, period: PeriodReference)]
        var period: PeriodReference
    }

    package let rules: [Rule]
    /// By page slot.
    let pages: [PageLines]
    /// Page id → page slot.
    let pageSlots: [String: Int]
    /// Per row slot: its page slot.
    let slotPage: [Int]
    /// Per row slot: a line the page's row-by-row rules go over.
    let rowScope: [Bool]
    let sources: [Source]
    let interrogatories: [InterrogatoryAmount]
    let counts: [Count]
    let periods: [PeriodColumn]
    /// Note numbers rules read, by note slot.
    let notes: [Int]

    package init(rules: [CheckRule], blankPages: [String: PageDescription], rowScopeLines: [String: Set<String>]) {
        var builder = Builder(blankPages: blankPages, rowScopeLines: rowScopeLines)
        self.rules = rules.map { builder.rule($0) }
        pages = builder.pages
        pageSlots = builder.pageSlots
        slotPage = builder.slotPage
        rowScope = builder.rowScope
        sources = builder.sources
        interrogatories = builder.interrogatories
        counts = builder.counts
        periods = builder.periods
        notes = builder.notes
    }

    private struct Builder {
        let blankPages: [String: PageDescription]
        let rowScopeLines: [String: Set<String>]
        var pages: [PageLines] = []
        var pageSlots: [String: Int] = [:]
        var slotPage: [Int] = []
        var rowScope: [Bool] = []
        var sources: [Source] = []
        var sourceSlots: [Source: Int] = [:]
        var interrogatories: [InterrogatoryAmount] = []
        var counts: [Count] = []
        var periods: [PeriodColumn] = []
        var periodSlots: [String: Int] = [:]
        var notes: [Int] = []

        init(blankPages: [String: PageDescription], rowScopeLines: [String: Set<String>]) {
            self.blankPages = blankPages
            self.rowScopeLines = rowScopeLines
        }

        mutating func page(_ id: String) -> Int {
            if let slot = pageSlots[id] { return slot }
            pageSlots[id] = pages.count
            pages.append(PageLines(slots: [:]))
            return pages.count - 1
        }

        mutating func row(_ pageID: String, _ line: String) -> Int {
            let p = page(pageID)
            if let slot = pages[p].slots[line] { return slot }
            let slot = slotPage.count
            pages[p].slots[line] = slot
            slotPage.append(p)
            rowScope.append(false)
            return slot
        }

        mutating func period(_ pageID: String, _ period: PeriodReference) -> Int? {
            guard let description = blankPages[pageID] else { return nil }
            let key = pageID + "@" + period.rawValue
            if let slot = periodSlots[key] { return slot }
            let candidates = description.columns.indices.compactMap { i in
                description.columns[i].valueKind == .amount ? description.columns[i].period.map { (index: i, period: $0) } : nil
            }
            periodSlots[key] = periods.count
            periods.append(PeriodColumn(candidates: candidates, period: period))
            return periods.count - 1
        }

        mutating func note(_ number: Int) -> Int {
            if let slot = notes.firstIndex(of: number) { return slot }
            notes.append(number)
            return notes.count - 1
        }

        /// The index of `item` in `list`, appended when new (the lists are a few items long).
        static func slot<Item: Equatable>(of item: Item, in list: inout [Item]) -> Int {
            if let i = list.firstIndex(of: item) { return i }
            list.append(item)
            return list.count - 1
        }

        /// The column of `pageID` a selector names, when it does not depend on the statement.
        func column(_ pageID: String, _ number: String) -> (index: Int, textColumn: Bool)? {
            guard let description = blankPages[pageID], let i = description.index(ofColumn: number) else { return nil }
            return (i, description.columns[i].valueKind != .amount)
        }

        /// The source slot of a term read at a fixed place; terms reading the same cell share one.
        mutating func source(_ reference: CheckReference) -> Int {
            let source: Source
            switch reference {
            case .cell(let pageID, let line?, let selector):
                switch selector {
                case .number(let n):
                    if let column = column(pageID, n) {
                        source = .cell(row: row(pageID, line), column: column.index, textColumn: column.textColumn)
                    } else {
                        source = .unavailable
                    }
                case .period(let p):
                    if let period = period(pageID, p) {
                        source = .periodCell(row: row(pageID, line), period: period)
                    } else {
                        source = .unavailable
                    }
                }
            case .caption(let pageID, let line, let slot):
                source = .caption(row: row(pageID, line), index: slot - 1)
            case .interrogatory(let part, let number, let k):
                source = .interrogatory(Self.slot(of: InterrogatoryAmount(part: part, number: number, index: k - 1), in: &interrogatories))
            case .count(let pageID, let lines, let columnNumber, let text):
                if let column = column(pageID, columnNumber) {
                    source = .count(Self.slot(of: Count(rows: lines.map { row(pageID, $0) }, column: column.index, text: text), in: &counts))
                } else {
                    source = .unavailable
                }
            case .cell(_, nil, _), .noteCell:
                preconditionFailure("a term of the instance is not read at a fixed place")
            }
            if let slot = sourceSlots[source] { return slot }
            sourceSlots[source] = sources.count
            sources.append(source)
            return sources.count - 1
        }

        mutating func rule(_ rule: CheckRule) -> Rule {
            let scope: Scope
            switch rule.scope {
            case .single:
                scope = .single
            case .rows(let pageID):
                let p = page(pageID)
                for line in rowScopeLines[pageID] ?? [] { rowScope[row(pageID, line)] = true }
                scope = .rows(page: p)
            case .note(let number, let eachRow, let eachColumn):
                scope = .note(note(number), eachRow: eachRow, eachColumn: eachColumn)
            }
            var terms: [Term] = []
            var general = false
            for (left, side) in [(true, rule.left), (false, rule.right)] {
                for term in side {
                    let operand: Operand
                    switch term.reference {
                    case .cell(let pageID, nil, let selector):
                        guard case .rows(let scopePage) = rule.scope, pageID == scopePage else {
                            general = true  // a row the scope does not give: left to the general evaluation
                            continue
                        }
                        switch selector {
                        case .number(let n):
                            operand = .rowCell(column(pageID, n).map { .index($0.index, textColumn: $0.textColumn) } ?? .unavailable)
                        case .period(let p):
                            operand = .rowCell(period(pageID, p).map(RowColumn.period) ?? .unavailable)
                        }
                    case .noteCell(let number, let selector, let column):
                        guard case .note(let scopeNumber, _, _) = rule.scope, number == scopeNumber else {
                            general = true  // a table the scope does not give: left to the general evaluation
                            continue
                        }
                        operand = .noteCell(selector, column: column)
                    default:
                        operand = .fixed(source(term.reference))
                    }
                    terms.append(Term(operand: operand, negative: term.sign < 0, left: left))
                }
            }
            if general { return Rule(scope: .general, terms: [], tolerance: rule.tolerance) }
            return Rule(scope: scope, terms: terms, tolerance: rule.tolerance)
        }
    }

    /// What one term reads under a binding.
    struct Value {
        var amount: ExactSum
        /// At least one of the cells read holds a value (is a fact).
        var present: Bool
    }

    /// Where a rule is evaluated within a statement: a row (its index in its page), or a note
    /// table with a row or column of it.
    package struct Binding {
        var row = -1
        var table = -1
        var tableRow: Int?
        /// 1-based.
        var column: Int?

        package init(row: Int = -1, table: Int = -1, tableRow: Int? = nil, column: Int? = nil) {
            self.row = row
            self.table = table
            self.tableRow = tableRow
            self.column = column
        }
    }

    /// One statement's rows, fixed values and note tables, as the plan reads them.
    package struct Run {
        let plan: CheckPlan
        let statement: Statement
        /// Per page slot: the page's index in the statement; -1 when not printed.
        package private(set) var pageIndex: [Int]
        /// Per row slot: the index of the first row printing the line in its page; -1 when not printed.
        private(set) var rowIndex: [Int]
        /// Per page slot: the rows the page's row-by-row rules go over, each as the first row
        /// printing its line, in printed order.
        package private(set) var rowBindings: [[Int]]
        /// Per period slot: the column's index, nil when the statement's date does not choose one.
        private(set) var periodColumns: [Int?]
        /// Per note slot.
        package private(set) var notes: [NoteTables?]
        /// Per source: its value, nil when it is none.
        private(set) var values: [Value?] = []

        package init(plan: CheckPlan, statement: Statement) {
            self.plan = plan
            self.statement = statement
            pageIndex = Array(repeating: -1, count: plan.pages.count)
            rowIndex = Array(repeating: -1, count: plan.slotPage.count)
            rowBindings = Array(repeating: [], count: plan.pages.count)
            for (p, page) in statement.pages.enumerated() {
                guard let slot = plan.pageSlots[page.id], pageIndex[slot] < 0 else { continue }
                pageIndex[slot] = p
                let lines = plan.pages[slot].slots
                for (r, row) in page.rows.enumerated() {
                    guard let line = lines[row.line] else { continue }
                    if rowIndex[line] < 0 { rowIndex[line] = r }
                    if plan.rowScope[line] { rowBindings[slot].append(rowIndex[line]) }
                }
            }
            let periods = statement.cover.statementDate.map(StatementPeriods.init(statementDate:))
            periodColumns = plan.periods.map { column in
                guard let periods else { return nil }
                let wanted = periods.period(column.period)
                return column.candidates.first { periods.period($0.period) == wanted }?.index
            }
            notes = plan.notes.map { number in
                statement.note(number).map(NoteTables.init)
            }
            values = plan.sources.map { read($0) }
        }

        /// The row in row slot `slot`, when printed.
        private func row(_ slot: Int) -> Row? {
            let p = pageIndex[plan.slotPage[slot]], r = rowIndex[slot]
            return p < 0 || r < 0 ? nil : statement.pages[p].rows[r]
        }

        private func read(_ source: Source) -> Value? {
            switch source {
            case .cell(let slot, let column, let textColumn):
                return cell(slot, column, textColumn: textColumn)
            case .periodCell(let slot, let period):
                guard let column = periodColumns[period] else { return nil }
                return cell(slot, column, textColumn: false)
            case .caption(let slot, let index):
                let (amount, present) = CheckPlan.amount(row(slot)?.captionAmounts[safe: index], textColumn: false)
                return Value(amount: amount, present: present)
            case .interrogatory(let i):
                let wanted = plan.interrogatories[i]
                var cell: Cell?
                if case .amounts(let cells)? = statement.interrogatories.first(where: { $0.part == wanted.part && $0.number == wanted.number })?.answer {
                    cell = cells[safe: wanted.index]
                }
                let (amount, present) = CheckPlan.amount(cell, textColumn: false)
                return Value(amount: amount, present: present)
            case .count(let i):
                let wanted = plan.counts[i]
                var count: Int64 = 0
                var present = false
                for slot in wanted.rows {
                    switch row(slot)?.cells[safe: wanted.column] {
                    case .text(let t)?:
                        present = true
                        if t.trimmedSpaces == wanted.text { count += 1 }
                    case .notApplicable?:
                        present = true
                    default:
                        break
                    }
                }
                return Value(amount: ExactSum(Amount(units: count)), present: present)
            case .unavailable:
                return nil
            }
        }

        private func cell(_ slot: Int, _ column: Int, textColumn: Bool) -> Value {
            let p = pageIndex[plan.slotPage[slot]], r = rowIndex[slot]
            var cell: Cell?
            if p >= 0, r >= 0 {
                let cells = statement.pages[p].rows[r].cells
                if column < cells.count { cell = cells[column] }
            }
            let (amount, present) = CheckPlan.amount(cell, textColumn: textColumn)
            return Value(amount: amount, present: present)
        }

        /// Evaluates rule `rule` under `binding`: how its sides compare, nil when nothing it
        /// reads is printed (sums are exact, see ``ExactSum``).
        package func status(_ rule: Rule, _ binding: Binding, page: Int = -1, note: NoteTables? = nil) -> CheckResult.Status? {
            var left = ExactSum(), right = ExactSum()
            var present = false
            for term in rule.terms {
                let value: Value?
                switch term.operand {
                case .fixed(let source): value = values[source]
                case .rowCell(let column): value = rowCell(page, binding.row, column)
                case .noteCell(let selector, let column): value = noteCell(note, binding, selector, column)
                }
                guard let value else { return nil }
                present = present || value.present
                if term.left { left.add(value.amount, negated: term.negative) } else { right.add(value.amount, negated: term.negative) }
            }
            guard present else { return nil }
            return ExactSum.compare(left, right, tolerance: rule.tolerance).status
        }

        private func rowCell(_ page: Int, _ row: Int, _ column: RowColumn) -> Value? {
            let index: Int, textColumn: Bool
            switch column {
            case .index(let i, let text): (index, textColumn) = (i, text)
            case .period(let period):
                guard let i = periodColumns[period] else { return nil }
                (index, textColumn) = (i, false)
            case .unavailable: return nil
            }
            let cells = statement.pages[pageIndex[page]].rows[row].cells
            let (amount, present) = CheckPlan.amount(index < cells.count ? cells[index] : nil, textColumn: textColumn)
            return Value(amount: amount, present: present)
        }

        private func noteCell(_ note: NoteTables?, _ binding: Binding, _ selector: NoteRowSelector, _ fixedColumn: Int?) -> Value? {
            guard let note, binding.table >= 0, binding.table < note.tables.count, let c = fixedColumn ?? binding.column else { return nil }
            let t = binding.table
            let scale = note.tables[t].scale
            var sum = ExactSum()
            var present = false
            /// Adds row `r`'s cell, exactly.
            func add(_ r: Int) {
                let (amount, isValue) = CheckPlan.amount(note.tables[t].rows[r].cells[safe: c - 1], textColumn: false, scale: scale)
                present = present || isValue
                sum.add(amount)
            }
            switch selector {
            case .each:
                guard let r = binding.tableRow else { return nil }
                add(r)
            case .rows:
                guard !note.totals[t].isEmpty else { return nil }
                for r in note.tables[t].rows.indices where !note.totals[t].contains(r) {  // totals: a row or two
                    add(r)
                }
            case .total:
                guard !note.totals[t].isEmpty else { return nil }
                for r in note.totals[t] {
                    add(r)
                }
            }
            return Value(amount: sum, present: present)
        }
    }
}

extension CheckPlan {
    /// A note's tables, and which of their rows are totals.
    package struct NoteTables {
        package var tables: [Table]
        /// Per table, the rows that are totals.
        package var totals: [[Int]]

        package init(_ note: Note) {
            tables = note.tables
            totals = tables.map { table in table.rows.indices.filter { CheckPlan.isTotal(table.rows[$0]) } }
        }
    }

    /// What a printed cell reports: its amount, and whether it is a value at all.
    /// Exact at any size: an amount printed in thousands or millions that does not fit 64 bits
    /// once in dollars is held as a `Decimal`.
    package static func amount(_ cell: Cell?, textColumn: Bool, scale: Scale = .units) -> (ExactSum, Bool) {
        switch cell {
        case .amount(let amount, _)? where !textColumn:
            if let scaled = amount.scaled(byPowerOfTen: scale.exponent) { return (ExactSum(scaled), true) }
            var power = Decimal(1)
            for _ in 0..<scale.exponent { power *= 10 }
            return (ExactSum(decimal: amount.decimal * power), true)
        case .text(let text)? where textColumn:
            return (ExactSum(Amount(plain: text.trimmedSpaces) ?? Amount(units: 0)), true)
        case .notApplicable? where textColumn:
            return (ExactSum(), true)
        case .amount(let amount, _)? where textColumn:
            // A number printed in a text column (Schedule T's count of L responses) is text there.
            return (ExactSum(amount), true)
        default:
            return (ExactSum(), false)
        }
    }

    /// A note table's totals row: labelled `Total` or `Totals` (the blank's own word).
    static func isTotal(_ row: TableRow) -> Bool {
        row.label.trimmedSpaces.hasPrefix("Total")
    }
}
