import NAICXBRLCore
import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Maps a statement to XBRL facts by its blank's description, and nothing else.
///
/// Every value of the model becomes exactly one fact: a cell of a tabular page, an amount printed
/// in a caption, a caption of the filer's own, a cover field, a note's paragraph or table cell, an
/// interrogatory's answer. The importer (``FactImporter``) reverses this mapping.
@_spi(Stages) public struct FactMapping: Sendable {
    @_spi(Stages) public let blank: Blank
    @_spi(Stages) public let taxonomy: TaxonomyModel

    @_spi(Stages) public init(blank: Blank) {
        self.blank = blank
        self.taxonomy = TaxonomyModel.of(blank)
    }

    @_spi(Stages) public struct Result: Sendable {
        @_spi(Stages) public var facts: [Fact]
        @_spi(Stages) public var diagnostics: [Diagnostic]
        /// The NAIC company code the entity is identified by.
        @_spi(Stages) public var entity: String
        /// Every context the facts use, each once, and the number of each fact's context in
        /// it: the writer then hashes no context again.
        var contexts: [FactContext] = []
        var factContexts: [Int] = []
        /// Every concept the facts report, each once, and the number of each fact's concept in
        /// it: nor does the writer hash a concept's name again.
        var concepts: [String] = []
        var factConcepts: [Int] = []
    }

    @_spi(Stages) public enum Failure: Error, CustomStringConvertible {
        case noStatementDate
        case noCompanyCode

        @_spi(Stages) public var description: String {
            switch self {
            case .noStatementDate: "the statement date is not printed on the cover or a page header; periods cannot be set"
            case .noCompanyCode: "the NAIC company code is not printed in the statement; the entity cannot be identified (give it with --company-code, or --codes in a batch)"
            }
        }
    }

    @_spi(Stages) public func facts(of statement: Statement, file: String? = nil) throws -> Result {
        guard let date = statement.cover.statementDate else { throw Failure.noStatementDate }
        guard let entity = statement.cover.companyCode, !entity.isEmpty else { throw Failure.noCompanyCode }
        var builder = Builder(periods: StatementPeriods(statementDate: date), file: file)
        for page in statement.pages {
            guard let description = blank.page(page.id) else {
                builder.diagnostics.append(Diagnostic(.error, .importError, file: file, line: nil, "page \(page.id) is not a page of the \(blank.title) blank"))
                continue
            }
            builder.page(page, description)
        }
        builder.cover(statement.cover)
        for note in statement.notes { builder.note(note) }
        for item in statement.interrogatories { builder.interrogatory(item) }
        return Result(facts: builder.facts, diagnostics: builder.diagnostics, entity: entity,
                      contexts: builder.contexts, factContexts: builder.factContexts,
                      concepts: builder.concepts, factConcepts: builder.factConcepts)
    }

    /// Collects facts, merging the ones two cells report alike.
    struct Builder {
        let periods: StatementPeriods
        let file: String?
        var facts: [Fact] = []
        /// Contexts, each once, and the number of each fact's context.
        var contexts: [FactContext] = []
        var contextNumbers: [FactContext: Int] = [:]
        var factContexts: [Int] = []
        /// Concepts, each once, and the number of each fact's concept.
        var concepts: [String] = []
        var conceptNumbers: [String: Int] = [:]
        var factConcepts: [Int] = []
        /// The fact of each concept and context number added.
        var seen = NumberPairMap(capacity: 4096)
        var diagnostics: [Diagnostic] = []
        /// The concept numbers of the note and interrogatory tables' columns, once known.
        var tableColumnNumbers: [String: (text: [Int], amount: [Int], percent: [Int], rowLabel: Int)] = [:]

        init(periods: StatementPeriods, file: String?) {
            self.periods = periods
            self.file = file
            // The reference statement has about 3,000 facts in 750 contexts.
            facts.reserveCapacity(4096)
            factContexts.reserveCapacity(4096)
            factConcepts.reserveCapacity(4096)
            contexts.reserveCapacity(1024)
            contextNumbers.reserveCapacity(1024)
        }

        var document: Period { periods.period(.currentYearToDate) }
        var coverInstant: Period { periods.period(.currentInstant) }

        /// The number of `context`, interned.
        mutating func number(_ context: FactContext) -> Int {
            if let known = contextNumbers[context] { return known }
            contextNumbers[context] = contexts.count
            contexts.append(context)
            return contexts.count - 1
        }

        mutating func add(_ fact: consuming Fact, origin: @autoclosure () -> String) {
            let context = number(fact.context)
            add(concept: fact.concept, context: context, value: fact.value, printedForm: fact.printedForm, origin: origin())
        }

        /// The number of `concept`, interned.
        mutating func conceptNumber(_ concept: String) -> Int {
            if let known = conceptNumbers[concept] { return known }
            conceptNumbers[concept] = concepts.count
            concepts.append(concept)
            return concepts.count - 1
        }

        /// Adds the fact of `concept` in context number `context`.
        mutating func add(concept: String, context: Int, value: Fact.Value, printedForm: String? = nil,
                          origin: @autoclosure () -> String) {
            add(concept: conceptNumber(concept), context: context, value: value, printedForm: printedForm, origin: origin())
        }

        /// Adds the fact of concept number `concept` in context number `context`. The fact is
        /// made only when it is kept: a fact made and then copied would retain each of its
        /// strings again.
        mutating func add(concept: Int, context: Int, value: Fact.Value, printedForm: String? = nil,
                          origin: @autoclosure () -> String) {
            // One lookup for the usual case, a fact not seen before.
            if let index = seen.value(for: concept, context, insertingIfAbsent: facts.count) {
                // Two cells that report the same balance at the same date (the prior-year-end
                // column of a year-to-date and of a full-year table) are one fact.
                if facts[index].value != value || facts[index].printedForm != printedForm {
                    diagnostics.append(Diagnostic(.error, .importError, file: file, line: nil,
                                                  "\(origin()) reports \(concepts[concept]) for \(contexts[context].period) differently from another cell of the same item and date; only the first is written"))
                }
                return
            }
            facts.append(Fact(concept: concepts[concept], context: contexts[context], value: value, printedForm: printedForm))
            factContexts.append(context)
            factConcepts.append(concept)
        }

        mutating func text(_ concept: String, _ value: String?, _ context: FactContext) {
            guard let value else { return }
            add(Fact(concept: concept, context: context, value: .text(value)), origin: concept)
        }

        mutating func text(_ concept: String, _ value: String?, context number: Int) {
            guard let value else { return }
            add(concept: concept, context: number, value: .text(value), origin: concept)
        }

        /// The fact for a printed cell, or nil for a blank one.
        static func value(of cell: Cell, scale: Scale = .units) -> (Fact.Value, String?)? {
            switch cell {
            case .blank: return nil
            case .amount(let amount, let dollar): return (.amount(amount, scale: scale), dollar ? ValueScanner.render(cell) : nil)
            case .dash, .notApplicable: return (.none, ValueScanner.render(cell))
            case .text(let t): return (.text(t), nil)
            case .percent(let percent): return (.amount(percent, scale: .percent), nil)
            }
        }

        mutating func page(_ page: Page, _ description: PageDescription) {
            let pageAxis: DimensionMembers = ["PageAxis": page.id]
            let factsBefore = facts.count
            let members = description.orientation == .members
            let firstAmountColumn = description.columns.first { $0.valueKind == .amount }
            // A row's line by its printed number (an entry's code finds its line of entries).
            let lineIndex = LineLookup(description)
            // On a page whose rows are items, a cell's context depends on its column and on where
            // the line's balance stands (if it is one): worked out once per page.
            var itemContexts: [Int: Int] = [:]
            // On a page whose rows are members, on the row's member and the column's period:
            // worked out once per row and period.
            let rowAxis = members ? TaxonomyModel.rowAxis(description) : ""
            var rowContexts: [(period: PeriodReference?, context: Int)] = []
            let columnConcepts = members ? description.columns.map { $0.concept.map { conceptNumber($0) } } : []
            // Columns that report items of their own (``ColumnDescription/conceptSuffix``).
            let suffixed = !members && description.columns.contains { $0.conceptSuffix != nil }
            // Lines and columns are read field by field where they are kept: a line or column
            // copied for each row and cell would retain each of its strings.
            let hasEntries = lineIndex.hasEntries
            for row in page.rows {
                guard let l = lineIndex[row.line] else {
                    diagnostics.append(Diagnostic(.error, .importError, file: file, line: nil, "\(description.title) has no line \(row.line)"))
                    continue
                }
                func origin() -> String { "\(description.title) line \(row.line)" }
                rowContexts.removeAll(keepingCapacity: true)
                let rowMember = members ? description.lines[l].member.map { TaxonomyModel.member(description, $0, rows: true) } : nil
                let scale = description.lines[l].valueScale
                let instant = description.lines[l].instant
                let lineConcept = members || description.lines[l].isHeading ? nil : description.lines[l].concept.map { conceptNumber($0) }
                let cellConcepts: [Int?] = suffixed
                    ? description.columns.map { column in description.concept(description.lines[l], column: column).map { conceptNumber($0) } } : []
                // Cells of the line that report an item of their own (a count), by column id.
                let describedCells = members ? description.lines[l].cells : nil
                for (index, cell) in row.cells.enumerated() {
                    guard index < description.columns.count,
                          let (value, printed) = Builder.value(of: cell, scale: suffixed ? description.valueScale(description.lines[l], column: description.columns[index]) : scale)
                    else { continue }
                    let period = description.columns[index].period
                    let isAmount = description.columns[index].valueKind == .amount
                    let concept: Int?
                    let context: Int
                    if hasEntries, description.lines[l].isEntries {
                        // An entry's cells: the column's context and the entry's code.
                        concept = members ? columnConcepts[index] : suffixed ? cellConcepts[index]
                            : description.columns[index].valueKind == .code ? nil : lineConcept
                        context = number(TaxonomyModel.entryContext(description, description.lines[l], column: index, code: row.line, periods: periods))
                    } else if members {
                        concept = columnConcepts[index]
                        if let known = rowContexts.first(where: { $0.period == period }) {
                            context = known.context
                        } else {
                            var c = FactContext(period: periods.period(period ?? .currentYearToDate))
                            if let rowMember { c.explicit[rowAxis] = rowMember }
                            context = number(c)
                            rowContexts.append((period, context))
                        }
                    } else {
                        concept = suffixed ? cellConcepts[index] : description.columns[index].valueKind == .code ? nil : lineConcept
                        let key = index * LineDescription.InstantPosition.numbers + LineDescription.InstantPosition.number(instant)
                        if let known = itemContexts[key] {
                            context = known
                        } else {
                            var c = FactContext(period: periods.period(period ?? .currentYearToDate, at: instant))
                            if let member = description.columns[index].member {
                                c.explicit[TaxonomyModel.columnAxis(description)] = TaxonomyModel.member(description, member, rows: false)
                            }
                            context = number(c)
                            itemContexts[key] = context
                        }
                    }
                    let described = describedCells?[description.columns[index].id]
                    switch CellPlacement.of(cell, isAmount: isAmount, item: concept != nil, described: described) {
                    case .nothing:
                        continue
                    case .count(let count):
                        // A count printed as digits: a whole number, in unit pure. Printed
                        // otherwise, the cell is its column's, as on any other line.
                        if let described {
                            add(concept: conceptNumber(described.concept), context: context, value: .amount(Amount(units: count), scale: .units),
                                origin: "\(origin()) column \(description.columns[index].number)")
                        }
                    case .item:
                        var value = value
                        if !isAmount, cell == .notApplicable { value = .text("XXX") }
                        if let concept {
                            add(concept: concept, context: context, value: value, printedForm: isAmount ? printed : nil,
                                origin: "\(origin()) column \(description.columns[index].number)")
                        }
                    case .printedText:
                        // A cell the blank has no item for, or text where an amount belongs: kept as printed.
                        text("TextOfCell", ValueScanner.render(cell),
                             FactContext(period: document, typed: pageAxis.adding("LineAxis", row.line).adding("TableColumnAxis", String(index + 1))))
                    }
                }
                if !row.captionAmounts.isEmpty {
                    let slots = description.lines[l].slots ?? []
                    let period = periods.period(firstAmountColumn?.period ?? .currentYearToDate, at: instant)
                    for (index, cell) in row.captionAmounts.enumerated() {
                        guard index < slots.count, let (value, printed) = Builder.value(of: cell) else { continue }
                        add(Fact(concept: slots[index], context: FactContext(period: period), value: value, printedForm: printed),
                            origin: "\(origin()) caption")
                    }
                }
                if row.caption != nil {
                    text("PrintedCaption", row.caption, FactContext(period: document, typed: pageAxis.adding("LineAxis", row.line)))
                }
            }
            for (i, heading) in page.headings.enumerated() {
                text("PrintedColumnHeadings", heading.joined(separator: "\t"),
                     FactContext(period: document, typed: pageAxis.adding("TableRowAxis", String(i + 1))))
            }
            for (i, footnote) in page.footnotes.enumerated() {
                text("PrintedFootnote", footnote, FactContext(period: document, typed: pageAxis.adding("TableRowAxis", String(i + 1))))
            }
            if page.none {
                add(Fact(concept: "PageIsNone", context: FactContext(period: document, typed: pageAxis), value: .boolean(true)), origin: page.id)
            }
            let printed = Set(page.rows.map(\.line))
            let missing = description.lines.filter { !$0.isEntries && !printed.contains($0.line) }.map(\.line)
            // A page printed with every line and no value (a footnote table left empty) says so
            // by the lines it leaves out, none, so that it is read back.
            if !missing.isEmpty || facts.count == factsBefore {
                text("LinesNotPrinted", missing.joined(separator: " "), FactContext(period: document, typed: pageAxis))
            }
            let recognized = page.rows.filter(\.readByOCR).map(\.line)
            if !recognized.isEmpty {
                text("LinesReadByOCR", recognized.joined(separator: " "), FactContext(period: document, typed: pageAxis))
            }
        }

        mutating func cover(_ cover: Cover) {
            let at = FactContext(period: coverInstant)
            coverItems(CoverItem.cover, of: cover, at)
            func numbered(_ i: Int) -> FactContext { FactContext(period: coverInstant, typed: ["ItemNumberAxis": String(i + 1)]) }
            func lists(_ lists: [CoverList]) {
                for list in lists {
                    for (i, entry) in list.entries(cover).enumerated() {
                        for (item, value) in zip(list.items, entry) { text(item.name, value, numbered(i)) }
                    }
                }
            }
            lists(CoverList.cover)
            if cover.jurat != nil {
                coverItems(CoverItem.juratPlace, of: cover, at)
                lists(CoverList.jurat)
                coverItems(CoverItem.jurat, of: cover, at)
            }
        }

        /// The facts of cover items, read where the table says the model keeps them.
        mutating func coverItems(_ items: [CoverItem], of cover: Cover, _ at: FactContext) {
            for item in items {
                switch item.field {
                case .text(let get, _): text(item.name, get(cover), at)
                case .date(let get, _):
                    if let d = get(cover) { add(Fact(concept: item.name, context: at, value: .date(d)), origin: "cover") }
                case .yesNo(let get, _):
                    add(Fact(concept: item.name, context: at, value: get(cover).map { .boolean($0) } ?? .none),
                        origin: item.inJurat ? "jurat" : "cover")
                }
            }
        }

        mutating func table(_ table: Table, prefix: String, axes: DimensionMembers) {
            let scaleConcept = prefix + "TableScale"
            if table.scale != .units { text(scaleConcept, table.scale.rawValue, FactContext(period: document, typed: axes)) }
            for (i, heading) in table.headings.enumerated() {
                text(prefix + "TableHeadings", heading.joined(separator: "\t"),
                     FactContext(period: document, typed: axes.adding("TableRowAxis", "H\(i + 1)")))
            }
            let columns: (text: [Int], amount: [Int], percent: [Int], rowLabel: Int)
            if let known = tableColumnNumbers[prefix] {
                columns = known
            } else {
                let concepts = Builder.columnConcepts(prefix)
                columns = (concepts.text.map { conceptNumber($0) }, concepts.amount.map { conceptNumber($0) },
                           concepts.percent.map { conceptNumber($0) }, conceptNumber(prefix + "TableRowLabel"))
                tableColumnNumbers[prefix] = columns
            }
            let rowLabel = concepts[columns.rowLabel]
            for (r, row) in table.rows.enumerated() {
                let rowAxes = axes.adding("TableRowAxis", String(r + 1))
                let context = number(FactContext(period: document, typed: rowAxes))
                add(concept: columns.rowLabel, context: context, value: .text(row.label), origin: rowLabel)
                for (c, cell) in row.cells.enumerated() {
                    guard let (value, printed) = Builder.value(of: cell, scale: table.scale) else { continue }
                    guard c < CommonConcepts.maxTableColumns else {
                        diagnostics.append(Diagnostic(.error, .importError, file: file, line: nil,
                                                      "\(prefix) table row \(r + 1) has more than \(CommonConcepts.maxTableColumns) columns; column \(c + 1) is not written"))
                        continue
                    }
                    if case .text = value {
                        add(concept: columns.text[c], context: context, value: value, origin: "\(prefix) table")
                    } else if case .percent = cell {
                        add(concept: columns.percent[c], context: context, value: value, origin: "\(prefix) table")
                    } else {
                        add(concept: columns.amount[c], context: context, value: value, printedForm: printed, origin: "\(prefix) table")
                    }
                }
            }
        }

        /// The concepts of a table's text, amount and percentage columns, by column index.
        static func columnConcepts(_ prefix: String) -> (text: [String], amount: [String], percent: [String]) {
            if prefix == "Note" { return noteColumnConcepts }
            if prefix == "Interrogatory" { return interrogatoryColumnConcepts }
            return makeColumnConcepts(prefix)
        }

        private static let noteColumnConcepts = makeColumnConcepts("Note")
        private static let interrogatoryColumnConcepts = makeColumnConcepts("Interrogatory")

        private static func makeColumnConcepts(_ prefix: String) -> (text: [String], amount: [String], percent: [String]) {
            ((1...CommonConcepts.maxTableColumns).map { "\(prefix)TableTextColumn\($0)" },
             (1...CommonConcepts.maxTableColumns).map { "\(prefix)TableAmountColumn\($0)" },
             (1...CommonConcepts.maxTableColumns).map { "\(prefix)TablePercentColumn\($0)" })
        }

        mutating func note(_ note: Note) {
            let axes: DimensionMembers = ["NoteAxis": String(note.number)]
            text("NoteTitle", note.title, FactContext(period: document, typed: axes))
            for (i, block) in note.content.enumerated() {
                let blockAxes = axes.adding("BlockAxis", String(i + 1))
                switch block {
                case .text(let t): text("NoteParagraph", t, FactContext(period: document, typed: blockAxes))
                case .table(let t): table(t, prefix: "Note", axes: blockAxes)
                }
            }
        }

        mutating func interrogatory(_ item: Interrogatory) {
            let axes: DimensionMembers = ["InterrogatoryAxis": "\(item.part):\(item.number)"]
            let at = FactContext(period: document, typed: axes)
            text("InterrogatoryText", item.text, at)
            switch item.answer {
            case .none: break
            case .choice(let choice, let offersNotApplicable):
                if offersNotApplicable || choice == .notApplicable {
                    add(Fact(concept: "InterrogatoryAnswerYesNoNotApplicable", context: at, value: choice.map { .text($0.rawValue) } ?? .none), origin: item.number)
                } else {
                    add(Fact(concept: "InterrogatoryAnswerYesNo", context: at, value: choice.map { .boolean($0 == .yes) } ?? .none), origin: item.number)
                }
            case .date(let d):
                add(Fact(concept: "InterrogatoryAnswerDate", context: at, value: .date(d)), origin: item.number)
            case .amounts(let cells):
                for (i, cell) in cells.enumerated() {
                    let context = FactContext(period: document, typed: axes.adding("TableColumnAxis", String(i + 1)))
                    let (value, printed) = Builder.value(of: cell) ?? (.none, nil)
                    if case .text(let t) = value {
                        add(Fact(concept: "InterrogatoryAnswerText", context: context, value: .text(t)), origin: item.number)
                    } else {
                        add(Fact(concept: "InterrogatoryAnswerAmount", context: context, value: value, printedForm: printed), origin: item.number)
                    }
                }
            case .percent(let cell):
                let (value, printed) = Builder.value(of: cell, scale: .percent) ?? (.none, nil)
                add(Fact(concept: "InterrogatoryAnswerPercent", context: at, value: value, printedForm: printed), origin: item.number)
            case .text(let t):
                add(Fact(concept: "InterrogatoryAnswerText", context: at, value: .text(t)), origin: item.number)
            }
            for (i, detail) in item.details.enumerated() {
                text("InterrogatoryDetail", detail, FactContext(period: document, typed: axes.adding("TableRowAxis", String(i + 1))))
            }
            if let t = item.table { table(t, prefix: "Interrogatory", axes: axes) }
        }
    }
}

/// A map from pairs of numbers a builder assigned (a concept's and a context's, each below
/// 2^32) to the number of a fact: open addressing, linear probing, a power-of-two table at most
/// half full. The numbers are given out in order, not chosen by a statement, so a
/// multiplicative hash spreads them without a seed.
struct NumberPairMap {
    private var keys: [UInt64]
    /// `Int.min` for an empty slot.
    private var values: [Int]
    private var count = 0
    private var shift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: .min, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The value of the pair `(a, b)`; when it has none, `value` (not `Int.min`) is set for it
    /// and nil returned.
    mutating func value(for a: Int, _ b: Int, insertingIfAbsent value: Int) -> Int? {
        let key = UInt64(truncatingIfNeeded: a) << 32 | UInt64(truncatingIfNeeded: b) & 0xFFFF_FFFF
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while values[i] != .min {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        if 2 * count > keys.count { grow() }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: .min, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value != .min {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while values[i] != .min { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }
}
