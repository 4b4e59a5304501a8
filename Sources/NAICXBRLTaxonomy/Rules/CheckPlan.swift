import Foundation
import NAICXBRLCore
import NAICXBRLXML

/// A ``CheckRuleSet`` compiled against its blank, once: what each rule reads and where it is
/// checked, decided in this one place.
///
/// Every page, line and column a rule names becomes an index into the blank's description: the
/// lines a row-by-row rule goes over, the columns a period can name and how a statement's date
/// chooses one, the amount of a caption or an interrogatory a term reads, the lines and text a
/// count reads, which rows of a note table are its totals, and each rule's sides and tolerance.
/// ``Checker`` evaluates the plan on a statement (and makes its report's cells and places from
/// it); ``FormulaLinkbaseWriter`` writes the same plan as value assertions. Neither looks a
/// rule's references up again.
package struct CheckPlan: Sendable {
    /// A value read at a fixed place of the statement, once per statement. (Plain integers, so
    /// that reading one copies no strings or arrays.)
    package enum Source: Hashable, Sendable {
        /// Column `column` (an index into the page description's columns) of the row in row slot `row`.
        case cell(row: Int, column: Int, textColumn: Bool)
        /// The amount column of the row in row slot `row` that ``periods``[`period`] chooses for
        /// the statement's date.
        case periodCell(row: Int, period: Int)
        /// The `index`-th (0-based) amount printed in the caption of the row in row slot `row`.
        case caption(row: Int, index: Int)
        /// ``interrogatories``[`i`].
        case interrogatory(Int)
        /// ``counts``[`i`].
        case count(Int)
        /// Names a page or column the blank does not have: never a value.
        case unavailable
    }

    /// Which column of the instance's row a row-by-row term reads.
    package enum RowColumn: Sendable {
        case index(Int, textColumn: Bool)
        /// ``periods``[`i`]: the column depends on the statement's date.
        case period(Int)
        case unavailable
    }

    package enum Operand: Sendable {
        /// ``sources``[`i`].
        case fixed(Int)
        /// A cell of the instance's row (``Scope/rows(page:)``).
        case rowCell(RowColumn)
        /// A cell, sum of rows or totals row of the instance's note table (``Scope/note(_:eachRow:eachColumn:)``);
        /// `column` is 1-based, nil for the instance's column.
        case noteCell(NoteRowSelector, column: Int?)
    }

    package struct Term: Sendable {
        package var operand: Operand
        package var negative: Bool
        /// On the left side (what the statement prints).
        package var left: Bool
    }

    /// Where a rule is checked.
    package enum Scope: Sendable {
        /// Once.
        case single
        /// Every printed row of ``pages``[`page`] whose line is one of its ``PageSlot/rowScope``.
        case rows(page: Int)
        /// Every table of note ``notes``[`note`], and within it every row (`eachRow`) or every
        /// column (`eachColumn`).
        case note(Int, eachRow: Bool, eachColumn: Bool)
    }

    package struct Rule: Sendable {
        package var scope: Scope
        /// The left side's terms, then the right side's, in the rule's order.
        package var terms: [Term]
        /// The sides may differ by this much and the rule still holds (as a rounding difference).
        package var tolerance: Amount
        /// The pages (page slots) a rule that ties two or more pages together reads; empty for
        /// a rule on one page. Such a rule is evaluated only on a statement where each of them
        /// holds a value (``CheckPlan/holdsValue(_:_:)``): a filing that leaves a page out (a
        /// partial filing) leaves its ties unchecked, rather than failed against zeros.
        package var pages: [Int]
        /// Evaluated only where the left side prints a value (``CheckRule/leftRequired``).
        package var leftRequired = false
    }

    /// A page that rules read.
    package struct PageSlot: Sendable {
        package var description: PageDescription
        /// The page's title as reports print it ("Schedule D - Verification").
        package var title: String
        /// The lines rules read, each a row slot.
        package var slots: [String: Int]
        /// The lines row-by-row rules go over (indices into the description's lines, in printed
        /// order); empty when no rule goes row by row over the page.
        package var rowScope: [Int]
        /// The items the page's values are facts of (``CheckPlan/valueConcepts(_:)``).
        package var valueConcepts: [String]

        package var id: String { description.id }
    }

    /// The `index`-th (0-based) amount answering an interrogatory.
    package struct InterrogatoryAmount: Equatable, Sendable {
        package var part: String
        package var number: String
        package var index: Int
        /// What a report calls the question: its part's name (``SectionDescription/name``) and
        /// its number, "General interrogatories part 1, 3.2", "Supplemental interrogatory 3".
        package var place: String
    }

    /// How many of the rows in `rows` (row slots of page slot `page`) print `text` in column `column`.
    package struct Count: Equatable, Sendable {
        package var page: Int
        package var rows: [Int]
        package var column: Int
        package var text: String
    }

    /// A column a rule names by its period: the page's amount column whose period is `period`
    /// for the statement's date.
    package struct PeriodColumn: Sendable {
        /// The page's amount columns with a period, in printed order.
        package var candidates: [(index: Int, period: PeriodReference)]
        package var period: PeriodReference
        /// Every column the period chooses for some statement date (the end of each quarter),
        /// each once: the columns an instance of any date may report it in.
        package var columns: [Int]

        /// The column for a statement's periods; nil when none of the page's is that period.
        package func column(_ periods: StatementPeriods) -> Int? {
            let wanted = periods.period(period)
            return candidates.first { periods.period($0.period) == wanted }?.index
        }
    }

    /// In the rule set's order.
    package let rules: [Rule]
    /// By page slot.
    package let pages: [PageSlot]
    /// Page id → page slot.
    package let pageSlots: [String: Int]
    /// Per row slot: its page slot.
    package let slotPage: [Int]
    /// Per row slot: its line, as the blank numbers it.
    package let slotLine: [String]
    /// Per row slot: a line the page's row-by-row rules go over.
    package let rowScope: [Bool]
    package let sources: [Source]
    package let interrogatories: [InterrogatoryAmount]
    package let counts: [Count]
    package let periods: [PeriodColumn]
    /// Note numbers rules read, by note slot.
    package let notes: [Int]

    /// Compiles `rules`, which name only pages, lines and columns `blank` has (as a
    /// ``CheckRuleSet`` makes sure).
    package init(blank: Blank, rules: [CheckRule]) {
        var builder = Builder(blank: blank)
        self.rules = rules.map { builder.rule($0) }
        pages = builder.pages
        pageSlots = builder.pageSlots
        slotPage = builder.slotPage
        slotLine = builder.slotLine
        rowScope = builder.rowScope
        sources = builder.sources
        interrogatories = builder.interrogatories
        counts = builder.counts
        periods = builder.periods
        notes = builder.notes
        noteTotalLabel = blank.sections.first { $0.kind == .notes }?.totalRowLabel
    }

    /// The page of row slot `slot`.
    package func page(ofRow slot: Int) -> PageSlot { pages[slotPage[slot]] }

    /// The blank's description of the line in row slot `slot`.
    package func line(ofRow slot: Int) -> LineDescription? { page(ofRow: slot).description.line(slotLine[slot]) }

    /// Whether a rule reads a column chosen by the statement's date.
    package func readsPeriodColumn(_ rule: Rule) -> Bool {
        rule.terms.contains { term in
            switch term.operand {
            case .fixed(let s): if case .periodCell = sources[s] { true } else { false }
            case .rowCell(.period): true
            default: false
            }
        }
    }

    /// The lines a row-by-row rule goes over (indices into the page's lines): every line that
    /// reports values in the page's own columns, all of them. (A balance printed among flows has
    /// other periods than its columns, so column arithmetic does not apply to it; nor to a line
    /// the blank prints in some columns only, as Schedule S Part 7's net credit lines.)
    package static func rowScopeLines(_ page: PageDescription) -> [Int] {
        switch page.orientation {
        case .items: page.lines.indices.filter { index in
            let line = page.lines[index]
            return !line.isHeading && line.concept != nil && line.instant == nil && line.columnArithmetic != false
                && page.columns.allSatisfy { $0.valueKind != .amount || line.prints(in: $0) }
        }
        case .members: page.lines.indices.filter { page.lines[$0].member != nil }
        }
    }

    /// The items a page's printed values are facts of: its lines' (on a page whose rows are
    /// members, its columns'), the counts its cells print, and the amounts its captions print.
    package static func valueConcepts(_ page: PageDescription) -> [String] {
        var names: [String] = []
        switch page.orientation {
        case .items: names = page.lines.filter { !$0.isHeading }.flatMap { line in page.columns.compactMap { page.concept(line, column: $0) } }
        case .members: names = page.columns.compactMap(\.concept) + page.lines.flatMap { ($0.cells ?? [:]).values.map(\.concept) }
        }
        names += page.lines.flatMap { $0.slots ?? [] }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.sorted()
    }

    /// Whether a printed page holds a value: a cell or caption amount that its instance reports
    /// as a fact of one of the page's ``valueConcepts(_:)`` that is not nil. A blank cell, a dash,
    /// `XXX` in an amount column (nil facts) and text in an amount column (kept as printed text,
    /// not as the line's item) are none: ``CellPlacement``, the rule ``FactMapping`` places a page's
    /// cells by. The formula linkbase asks the same of an instance (a fact of one of those items).
    package static func holdsValue(_ page: Page, _ description: PageDescription) -> Bool {
        let members = description.orientation == .members
        for row in page.rows {
            guard let line = description.line(printed: row.line) else { continue }
            let slots = line.slots?.count ?? 0
            for cell in row.captionAmounts.prefix(slots) {
                switch cell {
                case .amount, .text: return true
                default: continue
                }
            }
            for (index, cell) in row.cells.prefix(description.columns.count).enumerated() {
                let column = description.columns[index]
                let item = members ? column.concept != nil : !line.isHeading && line.concept != nil
                if CellPlacement.of(cell, isAmount: column.valueKind == .amount, item: item, described: members ? line.cells?[column.id] : nil).isValue { return true }
            }
        }
        return false
    }

    /// What a note table's totals row is labelled with (``SectionDescription/totalRowLabel``):
    /// nil where the blank's notes say none.
    package let noteTotalLabel: String?

    /// Whether `row` of a note table is a totals row: its label starts with `label`.
    package static func isTotal(_ row: TableRow, label: String?) -> Bool {
        guard let label else { return false }
        return row.label.trimmedSpaces.hasPrefix(label)
    }

    private struct Builder {
        /// The blank's pages by id (the first of an id).
        let blankPages: [String: PageDescription]
        /// The names of the blank's interrogatory parts, by part.
        let partNames: [String: String]
        var pages: [PageSlot] = []
        var pageSlots: [String: Int] = [:]
        var slotPage: [Int] = []
        var slotLine: [String] = []
        var rowScope: [Bool] = []
        var sources: [Source] = []
        var sourceSlots: [Source: Int] = [:]
        var interrogatories: [InterrogatoryAmount] = []
        var counts: [Count] = []
        var periods: [PeriodColumn] = []
        var periodSlots: [String: Int] = [:]
        var notes: [Int] = []

        init(blank: Blank) {
            var pages: [String: PageDescription] = [:]
            for page in blank.pages where pages[page.id] == nil { pages[page.id] = page }
            blankPages = pages
            partNames = Dictionary(blank.sections.compactMap { section in section.part.map { ($0, section.name ?? $0) } }) { first, _ in first }
        }

        /// What a report calls question `number` of interrogatories part `part`: a comma sets the
        /// number apart from a name that ends in one.
        func place(part: String, number: String) -> String {
            let name = partNames[part] ?? part
            return "\(name)\(name.last?.isNumber == true ? "," : "") \(number)"
        }

        mutating func page(_ id: String) -> Int {
            if let slot = pageSlots[id] { return slot }
            guard let description = blankPages[id] else { preconditionFailure("a compiled rule names page \(id), which the blank does not have") }
            pageSlots[id] = pages.count
            pages.append(PageSlot(description: description, title: description.title.capitalizedTitle, slots: [:], rowScope: [],
                                  valueConcepts: CheckPlan.valueConcepts(description)))
            return pages.count - 1
        }

        mutating func row(_ pageID: String, _ line: String) -> Int {
            let p = page(pageID)
            if let slot = pages[p].slots[line] { return slot }
            let slot = slotPage.count
            pages[p].slots[line] = slot
            slotPage.append(p)
            slotLine.append(line)
            rowScope.append(false)
            return slot
        }

        /// The page's lines row-by-row rules go over, each a row slot marked as such.
        mutating func rowScope(_ pageID: String) -> Int {
            let p = page(pageID)
            if pages[p].rowScope.isEmpty {
                let lines = CheckPlan.rowScopeLines(pages[p].description)
                pages[p].rowScope = lines
                for i in lines { rowScope[row(pageID, pages[p].description.lines[i].line)] = true }
            }
            return p
        }

        mutating func period(_ pageID: String, _ period: PeriodReference) -> Int? {
            guard let description = blankPages[pageID] else { return nil }
            let key = pageID + "@" + period.rawValue
            if let slot = periodSlots[key] { return slot }
            let candidates = description.columns.indices.compactMap { i in
                description.columns[i].valueKind == .amount ? description.columns[i].period.map { (index: i, period: $0) } : nil
            }
            var column = PeriodColumn(candidates: candidates, period: period, columns: [])
            for month in [3, 6, 9, 12] {
                let date = CalendarDate(year: 2001, month: month, day: CalendarDate.days(in: month, year: 2001))
                if let i = column.column(StatementPeriods(statementDate: date)),
                   !column.columns.contains(where: { description.columns[$0].number == description.columns[i].number }) {
                    column.columns.append(i)
                }
            }
            periodSlots[key] = periods.count
            periods.append(column)
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

        /// The column of `pageID` a column number names.
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
                source = .interrogatory(Self.slot(of: InterrogatoryAmount(part: part, number: number, index: k - 1,
                                                                                   place: place(part: part, number: number)), in: &interrogatories))
            case .count(let pageID, let lines, let columnNumber, let text):
                if let column = column(pageID, columnNumber) {
                    let rows = lines.map { row(pageID, $0) }
                    source = .count(Self.slot(of: Count(page: page(pageID), rows: rows, column: column.index, text: text), in: &counts))
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
                scope = .rows(page: rowScope(pageID))
            case .note(let number, let eachRow, let eachColumn):
                scope = .note(note(number), eachRow: eachRow, eachColumn: eachColumn)
            }
            var terms: [Term] = []
            for (left, side) in [(true, rule.left), (false, rule.right)] {
                for term in side {
                    let operand: Operand
                    switch term.reference {
                    case .cell(let pageID, nil, let selector):
                        // The rule compiler gives a rule that reads the instance's row the scope of that row's page.
                        guard case .rows(let scopePage) = rule.scope, pageID == scopePage else {
                            preconditionFailure("rule \(rule.id) reads a row of \(pageID) its scope does not give")
                        }
                        switch selector {
                        case .number(let n):
                            operand = .rowCell(column(pageID, n).map { .index($0.index, textColumn: $0.textColumn) } ?? .unavailable)
                        case .period(let p):
                            operand = .rowCell(period(pageID, p).map(RowColumn.period) ?? .unavailable)
                        }
                    case .noteCell(let number, let selector, let column):
                        guard case .note(let scopeNumber, _, _) = rule.scope, number == scopeNumber else {
                            preconditionFailure("rule \(rule.id) reads a table of note \(number) its scope does not give")
                        }
                        operand = .noteCell(selector, column: column)
                    default:
                        operand = .fixed(source(term.reference))
                    }
                    terms.append(Term(operand: operand, negative: term.sign < 0, left: left))
                }
            }
            return Rule(scope: scope, terms: terms, tolerance: rule.tolerance, pages: pagesTied(scope, terms), leftRequired: rule.leftRequired)
        }

        /// The pages a rule reads, when they are two or more: its row-by-row page and the pages of
        /// the cells, caption amounts and counts it reads at fixed places.
        func pagesTied(_ scope: Scope, _ terms: [Term]) -> [Int] {
            var read: [Int] = []
            if case .rows(let p) = scope { read.append(p) }
            for term in terms {
                guard case .fixed(let s) = term.operand else { continue }
                let page: Int
                switch sources[s] {
                case .cell(let row, _, _), .periodCell(let row, _), .caption(let row, _): page = slotPage[row]
                case .count(let i): page = counts[i].page
                case .interrogatory, .unavailable: continue
                }
                if !read.contains(page) { read.append(page) }
            }
            return read.count >= 2 ? read.sorted() : []
        }
    }
}
