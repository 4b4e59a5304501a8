import Foundation
@_spi(Stages) import NAICXBRLCore
import NAICXBRLTaxonomy

/// A ``CheckPlan`` on one statement: its rows found by the lines rules read (one table lookup
/// per printed row of a page the rules read), then every cell a rule reads at a fixed place read
/// once into a flat table of amounts. Rules are then sums over that table, or, row by row and
/// table by table, over the cells of the instance.
///
/// What is printed decides what is checked, the way an XBRL formula processor decides it on the
/// statement's instance:
///
/// - an amount counts with its value; a blank cell, a dash, `XXX`, text in an amount column, and a
///   line or page that is not printed count as zero but are not values (they are not facts);
/// - a rule is evaluated only where at least one of its cells holds a value;
/// - a rule that ties pages together is evaluated only where each of its pages holds a value
///   (``CheckPlan/Rule/pages``).
struct CheckRun {
    /// What one term reads under a binding.
    struct Value {
        var amount: ExactSum
        /// At least one of the cells read holds a value (is a fact).
        var present: Bool
    }

    /// Where a rule is evaluated within a statement: a row (its index in its page), or a note
    /// table with a row or column of it.
    struct Binding {
        var row = -1
        var table = -1
        var tableRow: Int?
        /// 1-based.
        var column: Int?
    }

    let plan: CheckPlan
    let statement: Statement
    /// Per page slot: the page's index in the statement; -1 when not printed.
    private(set) var pageIndex: [Int]
    /// Per page slot: the page is printed and holds a value (``CheckPlan/holdsValue(_:_:)``).
    private(set) var pageHoldsValue: [Bool]
    /// Per row slot: the index of the first row printing the line in its page; -1 when not printed.
    private(set) var rowIndex: [Int]
    /// Per page slot: the rows the page's row-by-row rules go over, each as the first row
    /// printing its line, in printed order.
    private(set) var rowBindings: [[Int]]
    /// Per row slot of a line of entries (``LineDescription/entries``): the rows of its entries,
    /// whose cells a rule naming the line adds up; empty for every other line.
    private(set) var entryRows: [[Int]]
    /// Whether the statement prints its date, which chooses the columns rules name by period.
    let dated: Bool
    /// Per period slot: the column's index, nil when the statement's date does not choose one.
    private(set) var periodColumns: [Int?]
    /// Per note slot.
    private(set) var notes: [NoteTables?]
    /// Per source: its value, nil when it is none.
    private(set) var values: [Value?] = []

    init(plan: CheckPlan, statement: Statement) {
        self.plan = plan
        self.statement = statement
        pageIndex = Array(repeating: -1, count: plan.pages.count)
        rowIndex = Array(repeating: -1, count: plan.slotPage.count)
        rowBindings = Array(repeating: [], count: plan.pages.count)
        entryRows = Array(repeating: [], count: plan.slotPage.count)
        for (p, page) in statement.pages.enumerated() {
            guard let slot = plan.pageSlots[page.id], pageIndex[slot] < 0 else { continue }
            pageIndex[slot] = p
            let lines = plan.pages[slot].slots
            let description = plan.pages[slot].description
            let lookup = LineLookup(description)
            for (r, row) in page.rows.enumerated() {
                if lookup.hasEntries, let l = lookup[row.line], description.lines[l].isEntries {
                    // An entry: its line is the line of entries, and row-by-row rules go over it.
                    guard let line = lines[description.lines[l].line] else { continue }
                    entryRows[line].append(r)
                    if plan.rowScope[line] { rowBindings[slot].append(r) }
                    continue
                }
                guard let line = lines[row.line] else { continue }
                if rowIndex[line] < 0 { rowIndex[line] = r }
                if plan.rowScope[line] { rowBindings[slot].append(rowIndex[line]) }
            }
        }
        let printed = pageIndex
        pageHoldsValue = plan.pages.indices.map { slot in
            printed[slot] >= 0 && CheckPlan.holdsValue(statement.pages[printed[slot]], plan.pages[slot].description)
        }
        let periods = statement.cover.statementDate.map(StatementPeriods.init(statementDate:))
        dated = periods != nil
        periodColumns = plan.periods.map { column in periods.flatMap(column.column) }
        notes = plan.notes.map { number in
            statement.note(number).map { NoteTables($0, totalLabel: plan.noteTotalLabel) }
        }
        values = plan.sources.map { read($0) }
    }

    // MARK: reading the statement

    /// The row in row slot `slot`, when printed.
    private func row(_ slot: Int) -> Row? {
        let p = pageIndex[plan.slotPage[slot]], r = rowIndex[slot]
        return p < 0 || r < 0 ? nil : statement.pages[p].rows[r]
    }

    /// The interrogatory ``CheckPlan/interrogatories``[`i`] reads, when printed.
    private func interrogatory(_ i: Int) -> Interrogatory? {
        let wanted = plan.interrogatories[i]
        return statement.interrogatories.first { $0.part == wanted.part && $0.number == wanted.number }
    }

    /// The cell ``CheckPlan/interrogatories``[`i`] reads, when printed.
    private func interrogatoryCell(_ item: Interrogatory?, _ i: Int) -> Cell? {
        if case .amounts(let cells)? = item?.answer { return cells[safe: plan.interrogatories[i].index] }
        return nil
    }

    /// How many rows ``CheckPlan/counts``[`i`] counts, and whether any of them prints in the column.
    private func count(_ i: Int) -> (count: Int64, present: Bool) {
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
        return (count, present)
    }

    /// The column a fixed cell or a cell of the instance's row reads; nil when the statement's
    /// date chooses none.
    private func column(_ column: CheckPlan.RowColumn) -> (index: Int, textColumn: Bool)? {
        switch column {
        case .index(let i, let text): (i, text)
        case .period(let period): periodColumns[period].map { ($0, false) }
        case .unavailable: nil
        }
    }

    private func read(_ source: CheckPlan.Source) -> Value? {
        switch source {
        case .cell(let slot, let column, let textColumn):
            return cell(slot, column, textColumn: textColumn)
        case .periodCell(let slot, let period):
            guard let column = periodColumns[period] else { return nil }
            return cell(slot, column, textColumn: false)
        case .caption(let slot, let index):
            let (amount, present) = Self.amount(row(slot)?.captionAmounts[safe: index], textColumn: false)
            return Value(amount: amount, present: present)
        case .interrogatory(let i):
            let (amount, present) = Self.amount(interrogatoryCell(interrogatory(i), i), textColumn: false)
            return Value(amount: amount, present: present)
        case .count(let i):
            let (count, present) = count(i)
            return Value(amount: ExactSum(Amount(units: count)), present: present)
        case .unavailable:
            return nil
        }
    }

    private func cell(_ slot: Int, _ column: Int, textColumn: Bool) -> Value {
        let p = pageIndex[plan.slotPage[slot]], r = rowIndex[slot]
        if p >= 0, !entryRows[slot].isEmpty {
            // A line of entries: the sum of its entries' cells.
            var sum = ExactSum()
            var present = false
            for r in entryRows[slot] {
                let cells = statement.pages[p].rows[r].cells
                let (amount, printed) = Self.amount(column < cells.count ? cells[column] : nil, textColumn: textColumn)
                sum.add(amount)
                present = present || printed
            }
            return Value(amount: sum, present: present)
        }
        var cell: Cell?
        if p >= 0, r >= 0 {
            let cells = statement.pages[p].rows[r].cells
            if column < cells.count { cell = cells[column] }
        }
        let (amount, present) = Self.amount(cell, textColumn: textColumn)
        return Value(amount: amount, present: present)
    }

    // MARK: evaluating

    /// What `operand` reads under `binding`; nil when it reads no value at all (a column the
    /// statement's date does not choose, a note table without totals).
    @inline(__always)
    private func value(_ operand: CheckPlan.Operand, _ binding: Binding, page: Int, note: NoteTables?) -> Value? {
        switch operand {
        case .fixed(let source): values[source]
        case .rowCell(let column): rowCell(page, binding.row, column)
        case .noteCell(let selector, let column): noteCell(note, binding, selector, column)
        }
    }

    /// Evaluates `rule` under `binding`: how its sides compare, nil when nothing it reads is
    /// printed (sums are exact, see ``ExactSum``). `page` is the page slot of a row-by-row rule,
    /// `note` the tables of a note table rule.
    func status(_ rule: CheckPlan.Rule, _ binding: Binding, page: Int = -1, note: NoteTables? = nil) -> CheckResult.Status? {
        guard holdsValues(rule) else { return nil }
        var left = ExactSum(), right = ExactSum()
        var present = false, leftPresent = false
        for term in rule.terms {
            guard let value = value(term.operand, binding, page: page, note: note) else { return nil }
            present = present || value.present
            if term.left { leftPresent = leftPresent || value.present }
            if term.left { left.add(value.amount, negated: term.negative) } else { right.add(value.amount, negated: term.negative) }
        }
        guard present, leftPresent || !rule.leftRequired else { return nil }
        return ExactSum.compare(left, right, tolerance: rule.tolerance).status
    }

    private func rowCell(_ page: Int, _ row: Int, _ column: CheckPlan.RowColumn) -> Value? {
        guard let (index, textColumn) = self.column(column) else { return nil }
        let cells = statement.pages[pageIndex[page]].rows[row].cells
        let (amount, present) = Self.amount(index < cells.count ? cells[index] : nil, textColumn: textColumn)
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
            let (amount, isValue) = Self.amount(note.tables[t].rows[r].cells[safe: c - 1], textColumn: false, scale: scale)
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

    // MARK: what a report shows

    /// A rule's two sides under a binding, how they compare, and the cells read.
    struct Evaluation {
        var status: CheckResult.Status
        var left: ExactSum
        var right: ExactSum
        var difference: ExactSum
        var cells: [CheckCell]
    }

    /// ``status(_:_:page:note:)`` with the sides and the cells read, with their places;
    /// `origins` gives the input line of each page row.
    func evaluation(_ rule: CheckPlan.Rule, _ binding: Binding, origins: [String: [String: Int]]) -> Evaluation? {
        guard holdsValues(rule) else { return nil }
        var page = -1
        var note: NoteTables?
        switch rule.scope {
        case .single: break
        case .rows(let p): page = p
        case .note(let n, _, _): note = notes[n]
        }
        var left = ExactSum(), right = ExactSum()
        var present = false, leftPresent = false
        var cells: [CheckCell] = []
        for term in rule.terms {
            guard let value = value(term.operand, binding, page: page, note: note) else { return nil }
            present = present || value.present
            if term.left { leftPresent = leftPresent || value.present }
            var cell = self.cell(term.operand, value, rule.scope, binding, origins: origins)
            cell.side = term.left ? "left" : "right"
            cell.sign = term.negative ? -1 : 1
            cells.append(cell)
            if term.left { left.add(value.amount, negated: term.negative) } else { right.add(value.amount, negated: term.negative) }
        }
        guard present, leftPresent || !rule.leftRequired else { return nil }
        let (status, difference) = ExactSum.compare(left, right, tolerance: rule.tolerance)
        return Evaluation(status: status, left: left, right: right, difference: difference, cells: cells)
    }

    /// The cell `operand` read (`value`) under `binding`, with its place.
    private func cell(_ operand: CheckPlan.Operand, _ value: Value, _ scope: CheckPlan.Scope, _ binding: Binding,
                      origins: [String: [String: Int]]) -> CheckCell {
        switch operand {
        case .fixed(let source):
            switch plan.sources[source] {
            case .cell(let slot, let column, _):
                return pageCell(plan.slotPage[slot], plan.slotLine[slot], row(slot), column, origins: origins)
            case .periodCell(let slot, let period):
                return pageCell(plan.slotPage[slot], plan.slotLine[slot], row(slot), periodColumns[period] ?? -1, origins: origins)
            case .caption(let slot, let index):
                let page = plan.page(ofRow: slot), line = plan.slotLine[slot], row = self.row(slot)
                return CheckCell(place: "\(page.title) line \(line), amount \(index + 1) printed in the caption", page: page.id, line: line,
                                 caption: index + 1, value: row?.captionAmounts[safe: index].flatMap(Self.printed), printed: row != nil,
                                 inputLine: origins[page.id]?[line])
            case .interrogatory(let i):
                let wanted = plan.interrogatories[i], item = interrogatory(i)
                return CheckCell(place: "\(wanted.place)\(wanted.index > 0 ? ", amount \(wanted.index + 1)" : "")",
                                 interrogatory: "\(wanted.part):\(wanted.number)", value: interrogatoryCell(item, i).flatMap(Self.printed),
                                 printed: item != nil)
            case .count(let i):
                let wanted = plan.counts[i], page = plan.pages[wanted.page]
                let first = wanted.rows.first.map { plan.slotLine[$0] } ?? "", last = wanted.rows.last.map { plan.slotLine[$0] } ?? ""
                let column = page.description.columns[wanted.column].number
                let (count, present) = count(i)
                return CheckCell(place: "\(page.title) lines \(first) to \(last), column \(column): lines printing \(wanted.text)",
                                 page: page.id, line: "\(first)..\(last)", column: column, value: present ? String(count) : nil,
                                 printed: pageIndex[wanted.page] >= 0, inputLine: origins[page.id]?[first])
            case .unavailable:
                preconditionFailure("a source without a value is not read")
            }
        case .rowCell(let column):
            guard case .rows(let p) = scope else { preconditionFailure("a row cell is read under a row-by-row rule") }
            let row = statement.pages[pageIndex[p]].rows[binding.row]
            return pageCell(p, row.line, row, self.column(column)?.index ?? -1, origins: origins)
        case .noteCell(let selector, let fixedColumn):
            guard case .note(let n, _, _) = scope, let note = notes[n], let c = fixedColumn ?? binding.column else {
                preconditionFailure("a note cell is read under a note table rule")
            }
            let number = plan.notes[n], t = binding.table, table = note.tables[t]
            let heading = Self.heading(table, c).map { " (\($0))" } ?? ""
            let place: String, row: String?, printed: String?
            switch selector {
            case .each:
                let r = binding.tableRow ?? 0
                row = table.rows[r].label
                place = "Note \(number), table \(t + 1), row \(table.rows[r].label), column \(c)\(heading)"
                printed = table.rows[r].cells[safe: c - 1].flatMap(Self.printed)
            case .rows:
                row = nil
                place = "Note \(number), table \(t + 1), column \(c)\(heading), the \(table.rows.count - note.totals[t].count) rows above the totals"
                printed = value.present ? value.amount.description : nil
            case .total:
                row = note.totals[t].first.map { table.rows[$0].label }
                place = "Note \(number), table \(t + 1), row \(row ?? "Totals"), column \(c)\(heading)"
                printed = value.present ? value.amount.description : nil
            }
            return CheckCell(place: place, column: String(c), note: number, table: t + 1, row: row, value: printed, printed: true)
        }
    }

    /// Column `column` of a page's line, as printed in `row` (nil: not printed).
    private func pageCell(_ page: Int, _ line: String, _ row: Row?, _ column: Int, origins: [String: [String: Int]]) -> CheckCell {
        let slot = plan.pages[page]
        let description = slot.description.columns[column]
        let place = "\(slot.title) line \(line), column \(description.number.isEmpty ? description.heading : description.number)"
        let cell = row.flatMap { column < $0.cells.count ? $0.cells[column] : nil }
        return CheckCell(place: place, page: slot.id, line: line, column: description.number, value: cell.flatMap(Self.printed),
                         printed: row != nil, inputLine: origins[slot.id]?[line])
    }

    /// Where `rule` is checked under `binding`, for a rule that is checked more than once:
    /// "Schedule T line 6", "Note 36, table 2, column 4 (Projected Cash Flow)".
    func instance(_ rule: CheckPlan.Rule, _ binding: Binding) -> String? {
        switch rule.scope {
        case .single:
            return nil
        case .rows(let p):
            return "\(plan.pages[p].title) line \(statement.pages[pageIndex[p]].rows[binding.row].line)"
        case .note(let n, _, _):
            var text = "Note \(plan.notes[n]), table \(binding.table + 1)"
            let table = notes[n]?.tables[safe: binding.table]
            if let r = binding.tableRow, let row = table?.rows[safe: r] {
                text += ", row \(row.label)"
            }
            if let c = binding.column, let table {
                text += ", column \(c)\(Self.heading(table, c).map { " (\($0))" } ?? "")"
            }
            return text
        }
    }

    /// Whether each page `rule` ties together holds a value (a rule on one page: true).
    private func holdsValues(_ rule: CheckPlan.Rule) -> Bool {
        rule.pages.allSatisfy { pageHoldsValue[$0] }
    }

    /// Why `rule` was evaluated nowhere.
    func notEvaluatedReason(_ rule: CheckPlan.Rule) -> String {
        if let p = rule.pages.first(where: { !pageHoldsValue[$0] }) {
            return pageIndex[p] < 0 ? "\(plan.pages[p].title) is not in the statement" : "\(plan.pages[p].title) holds no value"
        }
        if !dated, plan.readsPeriodColumn(rule) {
            return "the statement date is not printed, so the column cannot be chosen"
        }
        switch rule.scope {
        case .note(let n, let eachRow, _):
            let number = plan.notes[n]
            if notes[n] == nil { return "note \(number) is not printed" }
            if !eachRow { return "no table of note \(number) prints a totals row and amounts to add up" }
            return "no table of note \(number) prints amounts in these columns"
        case .rows(let p):
            if pageIndex[p] < 0 { return "\(plan.pages[p].title) is not printed" }
        case .single:
            if rule.leftRequired { return "nothing is printed in the cells it compares, or not on its left: it compares only what the statement prints there" }
        }
        return "nothing is printed in the cells it compares"
    }

    /// A note table's heading for amount column `c` (the first printed heading cell labels the rows).
    static func heading(_ table: Table, _ c: Int) -> String? {
        guard let headings = table.headings.last, c < headings.count else { return nil }
        let text = headings[c].trimmedSpaces
        return text.isEmpty ? nil : text
    }

    static func printed(_ cell: Cell) -> String? {
        switch cell {
        case .blank: nil
        case .amount(let amount, _): amount.description
        default: ValueScanner.render(cell)
        }
    }

    /// What a printed cell reports: its amount, and whether it is a value at all.
    /// Exact at any size: an amount printed in thousands or millions that does not fit 64 bits
    /// once in dollars is held as a `Decimal`.
    static func amount(_ cell: Cell?, textColumn: Bool, scale: Scale = .units) -> (ExactSum, Bool) {
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
}

/// A note's tables, and which of their rows are totals (``CheckPlan/isTotal(_:label:)``).
struct NoteTables {
    var tables: [Table]
    /// Per table, the rows that are totals.
    var totals: [[Int]]

    init(_ note: Note, totalLabel: String?) {
        tables = note.tables
        totals = tables.map { table in table.rows.indices.filter { CheckPlan.isTotal(table.rows[$0], label: totalLabel) } }
    }
}
