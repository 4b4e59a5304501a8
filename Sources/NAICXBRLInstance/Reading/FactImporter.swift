@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Rebuilds a statement from the facts of an instance: the reverse of ``FactMapping``.
///
/// Facts are matched by concept and context, never by position, id or prefix, so any valid
/// serialization of the same facts gives the same statement. What cannot be placed is an error
/// with the line of the fact: a concept the taxonomy does not have, a context the blank has no
/// column for, a duplicate fact with another value.
public struct FactImporter: Sendable {
    public let blank: Blank
    @_spi(Stages) public let taxonomy: TaxonomyModel
    private let memberColumns: [String: [(page: Int, column: Int)]]
    /// The cells that report an item of their own (``LineDescription/cells``), by that item.
    private let describedCells: [String: [(page: Int, line: Int, column: Int)]]
    private let slotConcepts: [String: (page: Int, line: Int, slot: Int)]
    private let rowMembers: [Int: [String: Int]]
    /// Item concepts by name, numbered, with their types: one lookup per fact.
    private let itemNumbers: [String: Int]
    private let itemTypes: [Concept.DataType]
    /// Where each numbered item's facts go.
    private let itemPlans: [Plan]

    private enum Plan: Sendable {
        /// A cell of a page whose rows are items: in the columns its context names, of `only`
        /// where the page has columns that report items of their own (``ColumnDescription/conceptSuffix``).
        case line(page: Int, line: Int, instant: LineDescription.InstantPosition?, only: [Int]?)
        /// A cell of an entry of a line of entries (``LineDescription/entries``): the entry's
        /// code is the context's `LineAxis`, the column the rest of the context.
        case entries(page: Int, line: Int)
        case members
        case slot
        case common
    }

    public init(blank: Blank) {
        self.blank = blank
        taxonomy = TaxonomyModel.of(blank)
        var lines: [String: (Int, Int, [Int]?)] = [:]
        var columns: [String: [(Int, Int)]] = [:]
        var slots: [String: (Int, Int, Int)] = [:]
        var members: [Int: [String: Int]] = [:]
        var described: [String: [(Int, Int, Int)]] = [:]
        for (p, page) in blank.pages.enumerated() {
            for (l, line) in page.lines.enumerated() {
                if page.orientation == .items, let concept = line.concept {
                    let suffixed = page.suffixedColumns
                    if suffixed.isEmpty {
                        lines[concept] = (p, l, nil)
                    } else {
                        lines[concept] = (p, l, page.columns.indices.filter { page.columns[$0].conceptSuffix == nil })
                        for (suffix, columns) in suffixed { lines[concept + suffix] = (p, l, columns) }
                    }
                }
                for (s, slot) in (line.slots ?? []).enumerated() { slots[slot] = (p, l, s) }
                if page.orientation == .members, let member = line.member {
                    members[p, default: [:]][TaxonomyModel.member(page, member, rows: true)] = l
                }
            }
            if page.orientation == .members {
                for (c, column) in page.columns.enumerated() {
                    if let concept = column.concept { columns[concept, default: []].append((p, c)) }
                }
                for (l, c, cell) in page.describedCells { described[cell.concept, default: []].append((p, l, c)) }
            }
        }
        var numbers: [String: Int] = [:]
        var types: [Concept.DataType] = []
        for concept in taxonomy.concepts where concept.kind == .item {
            numbers[concept.name] = types.count
            types.append(concept.type)
        }
        itemNumbers = numbers
        itemTypes = types
        itemPlans = taxonomy.concepts.filter { $0.kind == .item }.map { concept in
            if let (p, l, only) = lines[concept.name] {
                if blank.pages[p].lines[l].isEntries { return .entries(page: p, line: l) }
                return .line(page: p, line: l, instant: blank.pages[p].lines[l].instant, only: only)
            }
            if columns[concept.name] != nil || described[concept.name] != nil { return .members }
            if slots[concept.name] != nil { return .slot }
            return .common
        }
        memberColumns = columns
        describedCells = described
        slotConcepts = slots
        rowMembers = members
    }

    public struct Result: Sendable {
        public var statement: Statement
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads and imports an instance document.
    public func importInstance(_ bytes: [UInt8], name: String) -> Result {
        let raw = InstanceReader.read(bytes, name: name, taxonomyNamespace: taxonomy.namespace,
                                      printedFormRole: TaxonomyWriter.printedFormRole(taxonomy))
        return importRaw(raw, name: name)
    }

    /// Imports a read instance: what the document as a whole must be (``refusal(_:)``), its
    /// statement date and contexts, then each fact checked and placed in the statement.
    @_spi(Stages) public func importRaw(_ raw: RawInstance, name: String) -> Result {
        var diagnostics = raw.issues
        var builder = StatementBuilder(blank: blank)
        func fail(_ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(.error, .importError, file: name, line: line, message))
        }
        if let refusal = refusal(raw) {
            if let message = refusal.message { fail(nil, message) }
            if refusal.stops { return Result(statement: builder.finish(), diagnostics: diagnostics) }
        }
        guard let statementDate = statementDate(raw) else {
            fail(nil, "the instance has no StatementDate fact; its periods cannot be matched to the blank's columns")
            return Result(statement: builder.finish(), diagnostics: diagnostics)
        }
        let periods = StatementPeriods(statementDate: statementDate)
        let (contextList, contextIndex) = Self.distinctContexts(raw.contexts)
        // The facts, each read in place and placed (one loop: it is the import's hot path).
        var expected = ExpectedContexts(blank: blank, periods: periods)
        // Concept number and context number: a fact reported twice has the same key. Each key
        // keeps the index of its first fact; a second is compared with it (rare, so its value is
        // worked out again then). A flat table when concepts × contexts is about the size of the
        // instance, a dictionary otherwise.
        let contextCount = max(contextList.count, 1)
        let (tableSize, overflow) = itemTypes.count.multipliedReportingOverflow(by: contextCount)
        let flat = !overflow && tableSize <= max(4 * raw.facts.count, 1 << 20) && raw.facts.count < Int(Int32.max)
        var firstFact = flat ? [Int32](repeating: -1, count: tableSize) : []
        var firstFactByKey: [Int: Int] = [:]
        let footnoted = !raw.printedForms.isEmpty || !raw.footnotes.isEmpty
        func printedForm(_ id: String?, _ value: Fact.Value) -> String? {
            guard footnoted, let id else { return nil }
            if let printed = raw.printedForms[id] { return printed }
            if let footnote = raw.footnotes[id], Self.cell(value, printed: footnote) != nil {
                // A printed form that lost its role in another processor's rewrite.
                return footnote
            }
            return nil
        }

        // Each unit's measures looked at once: a dollar unit, a pure unit, or neither.
        let dollarUnits = Set(raw.units.filter { $0.value == [Self.dollarMeasure] }.keys)
        let pureUnits = Set(raw.units.filter { $0.value == [Self.pureMeasure] }.keys)
        // Facts of a row (xBRL-CSV) or of a concept follow each other: the last concept looked
        // up is kept.
        var lastConcept: (name: String, number: Int)?
        // The contexts of the last few facts (a row's columns), looked at before the table.
        var recentContexts = [(ref: String?, number: Int)](repeating: (nil, -1), count: 8)
        var nextRecent = 0
        var lastUnit: (ref: String, dollars: Bool, pure: Bool)?
        // Each fact read in place, field by field (a copy of a fact retains and releases each of
        // its texts).
        for p in 0..<raw.facts.partCount {
            let (facts, first) = raw.facts.part(p)
            facts.withUnsafeBufferPointer { part in
                for k in part.indices {
                    let factIndex = first + k
                    let fact = part.baseAddress.unsafelyUnwrapped + k
                    guard fact.pointee.namespace == taxonomy.namespace else {
                        fail(fact.pointee.line, "\(fact.pointee.concept) in namespace \(fact.pointee.namespace) is not a concept of the \(blank.title) taxonomy")
                        continue
                    }
                    let number: Int
                    if let last = lastConcept, last.name == fact.pointee.concept {
                        number = last.number
                    } else {
                        guard let found = itemNumbers[fact.pointee.concept] else {
                            fail(fact.pointee.line, "\(fact.pointee.concept) is not a reportable concept of the taxonomy")
                            continue
                        }
                        number = found
                        lastConcept = (fact.pointee.concept, found)
                    }
                    var contextNumber = -1
                    for (ref, number) in recentContexts where ref == fact.pointee.contextRef {
                        contextNumber = number
                        break
                    }
                    if contextNumber < 0 {
                        guard let contextRef = fact.pointee.contextRef, let found = contextIndex[contextRef] else {
                            fail(fact.pointee.line, "\(fact.pointee.concept) refers to context \(fact.pointee.contextRef ?? "(none)"), which the instance does not define")
                            continue
                        }
                        contextNumber = found
                        recentContexts[nextRecent] = (contextRef, found)
                        nextRecent = (nextRecent + 1) % recentContexts.count
                    }
                    let type = itemTypes[number]
                    let unitFits: Bool
                    switch type {
                    case .monetary, .percent, .integer, .count, .ratio:
                        if let last = lastUnit, last.ref == fact.pointee.unitRef {
                            unitFits = type == .monetary ? last.dollars : last.pure
                        } else if let unitRef = fact.pointee.unitRef {
                            let (dollars, pure) = (dollarUnits.contains(unitRef), pureUnits.contains(unitRef))
                            lastUnit = (unitRef, dollars, pure)
                            unitFits = type == .monetary ? dollars : pure
                        } else {
                            unitFits = false
                        }
                    default: unitFits = fact.pointee.unitRef == nil
                    }
                    if !unitFits, let problem = Self.unitProblem(fact.pointee, type: type, units: raw.units) {
                        fail(fact.pointee.line, problem)
                        continue
                    }
                    if fact.pointee.isNil, !Self.trimmed(fact.pointee.value).isEmpty {
                        fail(fact.pointee.line, "\(fact.pointee.concept) is nil (xsi:nil=\"true\") but has the content \"\(fact.pointee.value.prefix(40))\"; a nil fact is empty")
                        continue
                    }
                    if type.isNumeric, !fact.pointee.isNil, fact.pointee.decimals == nil, fact.pointee.precision == nil {
                        fail(fact.pointee.line, "\(fact.pointee.concept) has neither a decimals nor a precision attribute, which a numeric fact needs")
                        continue
                    }
                    guard let value = Self.value(of: fact, type: type) else {
                        if type.isNumeric, let decimals = fact.pointee.decimals, Int(decimals) == nil, decimals != "INF" {
                            fail(fact.pointee.line, "\(fact.pointee.concept) has decimals=\"\(decimals.prefix(40))\", which is neither a whole number nor INF")
                        } else {
                            fail(fact.pointee.line, "\(fact.pointee.concept) has the value \"\(fact.pointee.value.prefix(40))\", which is not a valid \(type.rawValue)")
                        }
                        continue
                    }
                    let printed = printedForm(fact.pointee.id, value.0)
                    let key = number * contextCount + contextNumber
                    let previousIndex: Int? = flat ? (firstFact[key] >= 0 ? Int(firstFact[key]) : nil) : firstFactByKey[key]
                    if let previousIndex {
                        let previous = raw.facts[previousIndex]
                        let previousValue = Self.value(of: previous, type: type)?.0
                        if previousValue != value.0 || printedForm(previous.id, previousValue ?? value.0) != printed {
                            fail(fact.pointee.line, "\(fact.pointee.concept) is reported twice for the same context with different values (see line \(previous.line))")
                        }
                        continue
                    }
                    if flat { firstFact[key] = Int32(truncatingIfNeeded: factIndex) } else { firstFactByKey[key] = factIndex }
                    let problem: String?
                    if case .line(let p, let l, let instant, let only) = itemPlans[number] {
                        // The common case, kept short: a cell of a page whose rows are items.
                        if let cell = Self.cell(value.0, printed: printed) {
                            var columns = expected.columns(number: contextNumber, of: contextList, page: p, instant: instant)
                            if let only { columns.removeAll { !only.contains($0) } }
                            for c in columns { builder.setCell(page: p, line: l, column: c, cell) }
                            problem = columns.isEmpty ? unplaced(fact.pointee.concept, p, l, contextList[contextNumber]) : nil
                        } else {
                            problem = "\(fact.pointee.concept): the printed form \(printed ?? "") does not match the value"
                        }
                    } else if case .entries(let p, let l) = itemPlans[number] {
                        problem = placeEntry(fact.pointee.concept, page: p, line: l, context: contextList[contextNumber], value: value.0,
                                             printed: printed, expected: &expected, into: &builder)
                    } else {
                        problem = place(concept: fact.pointee.concept, context: contextList[contextNumber], contextNumber: contextNumber, value: value.0,
                                        printed: printed, periods: periods, expected: &expected, into: &builder)
                    }
                    if let problem { fail(fact.pointee.line, problem) }
                }
            }
        }
        return Result(statement: builder.finish(), diagnostics: diagnostics)
    }

    /// What keeps a read instance from being imported whole: a document refused at a limit, or
    /// invalid with no fact read, is imported not at all (`message` nil: its reader said why); one
    /// that does not refer to the blank's taxonomy neither; one that reports for more than one
    /// entity is imported, with an error.
    private func refusal(_ raw: RawInstance) -> (message: String?, stops: Bool)? {
        if raw.issues.contains(where: { $0.code == .limit })
            || raw.issues.contains(where: { $0.code == .invalidXML || $0.severity == .error }) && raw.facts.isEmpty {
            return (nil, true)
        }
        if !raw.schemaRefs.contains(taxonomy.entryPointURL) {
            return ("the instance does not refer to the taxonomy \(taxonomy.entryPointURL) (its schemaRef: \(raw.schemaRefs.joined(separator: ", ")))", true)
        }
        let entities = Set(raw.entities.values)
        if entities.count > 1 { return ("the instance reports for more than one entity: \(entities.sorted().joined(separator: ", "))", false) }
        return nil
    }

    /// The statement date the cover reports (the last `StatementDate` fact): it fixes every period.
    private func statementDate(_ raw: RawInstance) -> CalendarDate? {
        var statementDate: CalendarDate?
        for p in 0..<raw.facts.partCount {
            let facts = raw.facts.part(p).facts
            for i in facts.indices where facts[i].concept == "StatementDate" && facts[i].namespace == taxonomy.namespace {
                statementDate = CalendarDate(iso: Substring(Self.trimmed(facts[i].value)))
            }
        }
        return statementDate
    }

    /// The instance's contexts, those equal in content one context whatever their ids: each
    /// once, and the number of each id's.
    private static func distinctContexts(_ contexts: [String: FactContext]) -> (list: [FactContext], index: [String: Int]) {
        var canonical: [FactContext: Int] = [:]
        var list: [FactContext] = []
        var index: [String: Int] = [:]
        for (id, context) in contexts {
            if let known = canonical[context] { index[id] = known } else {
                canonical[context] = list.count
                index[id] = list.count
                list.append(context)
            }
        }
        return (list, index)
    }

    static let iso4217 = "http://www.xbrl.org/2003/iso4217"
    static let xbrli = "http://www.xbrl.org/2003/instance"
    static let dollarMeasure = "{\(iso4217)}USD"
    static let pureMeasure = "{\(xbrli)}pure"

    /// What is wrong with a fact's unit: a numeric fact needs a unit the instance defines, in
    /// dollars for a monetary fact and `xbrli:pure` for a percent or a count; a non-numeric
    /// fact has none.
    static func unitProblem(_ fact: RawInstance.RawFact, type: Concept.DataType, units: [String: [String]]) -> String? {
        let expected: String
        switch type {
        case .monetary: expected = dollarMeasure
        case .percent, .integer, .count, .ratio: expected = pureMeasure
        default:
            return fact.unitRef.map { "\(fact.concept) is not numeric but has the unit \($0)" }
        }
        guard let unitRef = fact.unitRef else { return "\(fact.concept) is numeric but has no unitRef" }
        guard let measures = units[unitRef] else { return "\(fact.concept) refers to unit \(unitRef), which the instance does not define" }
        guard measures == [expected] else {
            return "\(fact.concept) is \(type == .monetary ? "monetary, in iso4217:USD" : "a \(type.rawValue), in xbrli:pure"), but its unit \(unitRef) is \(measures.joined(separator: " "))"
        }
        return nil
    }

    /// The typed value of a fact, and its decimals for amounts.
    static func value(of fact: RawInstance.RawFact, type: Concept.DataType) -> (Fact.Value, Int?)? {
        withUnsafePointer(to: fact) { value(of: $0, type: type) }
    }

    /// The same, the fact read in place.
    static func value(of fact: UnsafePointer<RawInstance.RawFact>, type: Concept.DataType) -> (Fact.Value, Int?)? {
        if fact.pointee.isNil { return (.none, nil) }
        let text = trimmed(fact.pointee.value)
        switch type {
        case .monetary, .percent, .integer, .count, .ratio:
            // decimals="INF", or a precision instead of decimals (XBRL 2.1 section 4.6.6),
            // says the value is exact as written: its precision is the digits written.
            let amount: (Amount, Scale), decimals: Int
            if fact.pointee.decimals == "INF" || (fact.pointee.decimals == nil && fact.pointee.precision != nil) {
                guard let written = writtenAmount(text) else { return nil }
                (amount, decimals) = (written, written.0.fractionDigits)
            } else {
                guard let d = fact.pointee.decimals.flatMap({ Int($0) }), let a = decimalAmount(text, decimals: d) else { return nil }
                (amount, decimals) = (a, d)
            }
            if type == .percent {
                // The model holds a percentage as printed: the ratio 0.548 is 54.8.
                guard amount.1 == .units, let figure = percentFigure(amount.0) else { return nil }
                return (.amount(figure, scale: .percent), decimals)
            }
            return (.amount(amount.0, scale: amount.1), decimals)
        case .string: return (.text(fact.pointee.value), nil)
        case .boolean:
            switch text {
            case "true", "1": return (.boolean(true), nil)
            case "false", "0": return (.boolean(false), nil)
            default: return nil
            }
        case .date:
            return CalendarDate(iso: Substring(text)).map { (.date($0), nil) }
        case .abstract: return nil
        }
    }

    /// `4564471362` with decimals 0, `353044.00` with decimals 2, `3296000000` with decimals -6
    /// (3,296 printed in millions). The printed precision is the decimals.
    /// XML white space trimmed from both ends (xs:decimal, xs:boolean and xs:date collapse it).
    static func trimmed(_ text: String) -> String {
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        // Most values have no space at either end: a look at the two bytes.
        if Text.withBytes(text, { $0.isEmpty || (!space($0[0]) && !space($0[$0.count - 1])) }) { return text }
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, space(utf8[start]) { start = utf8.index(after: start) }
        while end > start, space(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    /// An exact amount as written (`decimals="INF"`, or a `precision`): trailing fraction
    /// zeros are not precision.
    static func writtenAmount(_ text: String) -> (Amount, Scale)? {
        guard var a = Amount(plain: text.utf8.first == 0x2B ? String(text.dropFirst()) : text) else { return nil }
        while a.fractionDigits > 0, a.units % 10 == 0 { a = Amount(units: a.units / 10, fractionDigits: a.fractionDigits - 1) }
        return (a, .units)
    }

    static func decimalAmount(_ text: String, decimals: Int) -> (Amount, Scale)? {
        let exact: Amount
        if text.utf8.first == 0x2B { // +
            guard let a = Amount(plain: String(text.dropFirst())) else { return nil }
            exact = a
        } else {
            guard let a = Amount(plain: text) else { return nil }
            exact = a
        }
        // An Int64 holds 18 digits, so more than 18 digits of precision beyond those written can
        // only be a zero; a hostile `decimals="9000000000000000000"` must not make an amount
        // of that many fraction digits (its description would be that many zeros).
        guard decimals <= exact.fractionDigits + 18 else { return nil }
        if decimals >= 0 {
            // Trailing zeros beyond the printed precision are not precision.
            var a = exact
            while a.fractionDigits > decimals, a.units % 10 == 0 { a = Amount(units: a.units / 10, fractionDigits: a.fractionDigits - 1) }
            guard a.fractionDigits <= decimals, let widened = a.widened(to: decimals) else { return nil }
            return (widened, .units)
        }
        // Not `switch -decimals`: negating `Int.min` ("-9223372036854775808") traps.
        let scale: Scale
        switch decimals {
        case -3: scale = .thousands
        case -6: scale = .millions
        default: return nil
        }
        var a = exact
        while a.fractionDigits > 0, a.units % 10 == 0 { a = Amount(units: a.units / 10, fractionDigits: a.fractionDigits - 1) }
        guard a.fractionDigits == 0 else { return nil }
        var units = a.units
        for _ in 0..<scale.exponent {
            guard units % 10 == 0 else { return nil }
            units /= 10
        }
        return (Amount(units: units), scale)
    }

    /// A ratio as the percentage printed for it: 0.548 is 54.8, 0.5 is 50. Nil when the
    /// percentage does not fit.
    static func percentFigure(_ ratio: Amount) -> Amount? {
        if ratio.fractionDigits >= 2 { return Amount(units: ratio.units, fractionDigits: ratio.fractionDigits - 2) }
        var units = ratio.units
        for _ in ratio.fractionDigits..<2 {
            let (next, overflow) = units.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            units = next
        }
        return Amount(units: units, fractionDigits: 0)
    }

    /// The cell a fact stands for. A printed form must read as a value and say the same as the
    /// fact's value; otherwise there is no cell.
    static func cell(_ value: Fact.Value, printed: String?) -> Cell? {
        if let printed {
            guard case .success(let cell) = ValueScanner.cell(Substring(printed)) else { return nil }
            switch (value, cell) {
            case (.amount(let a, _), .amount(let b, _)) where a == b: return cell
            case (.none, .dash), (.none, .notApplicable), (.none, .blank): return cell
            default: return nil
            }
        }
        switch value {
        case .amount(let a, _): return .amount(a)
        case .none: return .blank
        case .text(let t): return .text(t)
        case .boolean, .date: return nil
        }
    }

    /// Places a fact of a members page, a caption amount or a common item (cells of items pages
    /// are placed in ``importRaw``, the hot path).
    private func place(concept: String, context: FactContext, contextNumber: Int, value: Fact.Value, printed: String?,
                       periods: StatementPeriods, expected: inout ExpectedContexts, into builder: inout StatementBuilder) -> String? {
        // A cell of a line that reports an item of its own: a count, printed as its digits.
        if let cells = describedCells[concept] {
            for (p, l, c) in cells {
                let page = blank.pages[p], column = page.columns[c]
                guard periods.period(column.period ?? .currentYearToDate) == context.period, context.typed.isEmpty,
                      context.explicit.count == 1, let member = context.explicit[TaxonomyModel.rowAxis(page)],
                      rowMembers[p]?[member] == l else { continue }
                if value == .none, printed == nil { return nil }
                guard case .amount(let amount, .units) = value, printed == nil,
                      case let whole = amount.withoutTrailingZeros, whole.fractionDigits == 0, whole.units >= 0 else {
                    return "\(concept) is a count (\(page.title), line \(page.lines[l].line), column \(column.number)); its value must be a whole number, 0 or more"
                }
                builder.setCell(page: p, line: l, column: c, CellDescription.cell(count: whole.units))
                return nil
            }
            return "\(concept) is reported for \(context.period)\(describe(context)), which is not the line and column of its page that print it"
        }
        // A cell of a page whose rows are members: of a line (its member), or of an entry (its code).
        if let columns = memberColumns[concept] {
            for (p, c) in columns {
                let page = blank.pages[p], column = page.columns[c]
                guard periods.period(column.period ?? .currentYearToDate) == context.period else { continue }
                var line: Int?, code: String?
                if context.typed.isEmpty, context.explicit.count == 1, let member = context.explicit[TaxonomyModel.rowAxis(page)] {
                    line = rowMembers[p]?[member]
                } else if context.explicit.isEmpty, context.typed.count == 1, let entry = context.typed["LineAxis"], page.hasEntries {
                    line = page.entriesLine(of: entry)
                    code = entry
                }
                guard let l = line else { continue }
                var cell: Cell?
                if column.valueKind == .amount {
                    cell = Self.cell(value, printed: printed)
                } else if case .text(let t) = value {
                    cell = t == "XXX" ? .notApplicable : .text(t)
                }
                guard let cell else { return "\(concept): the value does not fit the column" }
                if let code {
                    builder.setEntryCell(page: p, line: l, code: code, column: c, cell)
                } else {
                    builder.setCell(page: p, line: l, column: c, cell)
                }
                return nil
            }
            return "\(concept) is reported for \(context.period)\(describe(context)), which is no row and column of its page"
        }
        if let (p, l, s) = slotConcepts[concept] {
            guard context.explicit.isEmpty, context.typed.isEmpty, let cell = Self.cell(value, printed: printed) else {
                return "\(concept) is an amount printed in a caption; it takes no dimensions"
            }
            builder.setSlot(page: p, line: l, slot: s, cell)
            return nil
        }
        return builder.common(concept: concept, context: context, value: value, printed: printed)
    }

    /// Places a cell of an entry: the entry's code must be one of the line's, and the rest of the
    /// context one of the page's columns.
    private func placeEntry(_ concept: String, page p: Int, line l: Int, context: FactContext, value: Fact.Value, printed: String?,
                            expected: inout ExpectedContexts, into builder: inout StatementBuilder) -> String? {
        let line = blank.pages[p].lines[l]
        guard let code = context.typed["LineAxis"], line.hasEntry(code) else {
            return "\(concept) (\(blank.pages[p].title), lines \(line.entries ?? "")) needs the entry's code as its LineAxis, one of \(line.entries ?? "")"
        }
        guard let cell = Self.cell(value, printed: printed) else { return "\(concept): the printed form \(printed ?? "") does not match the value" }
        var column = context
        column.typed["LineAxis"] = nil
        let contexts = expected.contexts(page: p, instant: line.instant)
        let columns = contexts.indices.filter { contexts[$0] == column }
        guard !columns.isEmpty else { return unplaced(concept, p, l, context) }
        for c in columns { builder.setEntryCell(page: p, line: l, code: code, column: c, cell) }
        return nil
    }

    /// The context of each column of an items page, per position of a balance among flows;
    /// worked out once per import rather than once per fact.
    struct ExpectedContexts {
        let blank: Blank
        let periods: StatementPeriods
        private let pageCount: Int
        /// The positions of a balance among flows that the blank's lines use, numbered from 1 by
        /// ``LineDescription/InstantPosition/number(_:)`` (0, none, is 0): the keys below take
        /// as few numbers as the blank needs.
        private let position: [Int]
        private let positionCount: Int
        private var cache: [Int: [FactContext]] = [:]
        /// By context number, page and position: the matching columns (a flat table, grown as
        /// context numbers come).
        private var matches: [[Int]?] = []

        init(blank: Blank, periods: StatementPeriods) {
            self.blank = blank
            self.periods = periods
            pageCount = blank.pages.count
            var position = [Int](repeating: 0, count: LineDescription.InstantPosition.numbers)
            var count = 1
            for case let instant? in blank.pages.flatMap({ $0.lines.map(\.instant) }) {
                let number = LineDescription.InstantPosition.number(instant)
                if position[number] == 0 { position[number] = count; count += 1 }
            }
            self.position = position
            positionCount = count
        }

        /// The columns of page `p` whose cells a fact in `context` (numbered `number`) reports.
        mutating func columns(matching context: FactContext, number: Int, page p: Int, instant: LineDescription.InstantPosition?) -> [Int] {
            let key = (number * pageCount + p) * positionCount + position[LineDescription.InstantPosition.number(instant)]
            if key < matches.count, let known = matches[key] { return known }
            let list = contexts(page: p, instant: instant).indices.filter { contexts(page: p, instant: instant)[$0] == context }
            // The table is kept to a million entries (8 MB); past that, each is worked out again.
            guard key < 1 << 20 else { return list }
            if key >= matches.count { matches += [[Int]?](repeating: nil, count: max(key + 1 - matches.count, matches.count)) }
            matches[key] = list
            return list
        }

        /// The same, for the context numbered `number` in `contexts`, which is looked at only
        /// when its columns on the page are not known yet.
        @inline(__always)
        mutating func columns(number: Int, of contexts: [FactContext], page p: Int, instant: LineDescription.InstantPosition?) -> [Int] {
            let key = (number * pageCount + p) * positionCount + position[LineDescription.InstantPosition.number(instant)]
            if key < matches.count, let known = matches[key] { return known }
            return columns(matching: contexts[number], number: number, page: p, instant: instant)
        }

        mutating func contexts(page p: Int, instant: LineDescription.InstantPosition?) -> [FactContext] {
            let key = p * positionCount + position[LineDescription.InstantPosition.number(instant)]
            if let known = cache[key] { return known }
            let page = blank.pages[p]
            let list = page.columns.map { column -> FactContext in
                var context = FactContext(period: periods.period(column.period ?? .currentYearToDate, at: instant))
                if let member = column.member {
                    context.explicit[TaxonomyModel.columnAxis(page)] = TaxonomyModel.member(page, member, rows: false)
                }
                return context
            }
            cache[key] = list
            return list
        }
    }

    private func unplaced(_ concept: String, _ p: Int, _ l: Int, _ context: FactContext) -> String {
        "\(concept) (\(blank.pages[p].title), line \(blank.pages[p].lines[l].line)) is reported for \(context.period)\(describe(context)), which is no column of the page"
    }

    private func describe(_ context: FactContext) -> String {
        let dims = context.explicit.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + context.typed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return dims.isEmpty ? "" : " with " + dims.joined(separator: ", ")
    }
}
