/// Rebuilds a statement from the facts of an instance: the reverse of ``FactMapping``.
///
/// Facts are matched by concept and context, never by position, id or prefix, so any valid
/// serialization of the same facts gives the same statement. What cannot be placed is an error
/// with the line of the fact: a concept the taxonomy does not have, a context the blank has no
/// column for, a duplicate fact with another value.
public struct FactImporter: Sendable {
    public let blank: Blank
    public let taxonomy: TaxonomyModel
    private let lineConcepts: [String: (page: Int, line: Int)]
    private let memberColumns: [String: [(page: Int, column: Int)]]
    private let slotConcepts: [String: (page: Int, line: Int, slot: Int)]
    private let rowMembers: [Int: [String: Int]]

    public init(blank: Blank) {
        self.blank = blank
        taxonomy = TaxonomyModel(blank: blank)
        var lines: [String: (Int, Int)] = [:]
        var columns: [String: [(Int, Int)]] = [:]
        var slots: [String: (Int, Int, Int)] = [:]
        var members: [Int: [String: Int]] = [:]
        for (p, page) in blank.pages.enumerated() {
            for (l, line) in page.lines.enumerated() {
                if page.orientation == .items, let concept = line.concept { lines[concept] = (p, l) }
                for (s, slot) in (line.slots ?? []).enumerated() { slots[slot] = (p, l, s) }
                if page.orientation == .members, let member = line.member {
                    members[p, default: [:]][TaxonomyModel.member(page, member, rows: true)] = l
                }
            }
            if page.orientation == .members {
                for (c, column) in page.columns.enumerated() {
                    if let concept = column.concept { columns[concept, default: []].append((p, c)) }
                }
            }
        }
        lineConcepts = lines
        memberColumns = columns
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

    public func importRaw(_ raw: RawInstance, name: String) -> Result {
        var diagnostics = raw.issues
        var builder = StatementBuilder(blank: blank)
        func fail(_ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(.error, .importError, file: name, line: line, message))
        }
        if diagnostics.contains(where: { $0.code == .invalidXML || $0.severity == .error }) && raw.facts.isEmpty {
            return Result(statement: builder.finish(), diagnostics: diagnostics)
        }
        if !raw.schemaRefs.contains(taxonomy.entryPointURL) {
            fail(nil, "the instance does not refer to the taxonomy \(taxonomy.entryPointURL) (its schemaRef: \(raw.schemaRefs.joined(separator: ", ")))")
            return Result(statement: builder.finish(), diagnostics: diagnostics)
        }
        let entities = Set(raw.entities.values)
        if entities.count > 1 { fail(nil, "the instance reports for more than one entity: \(entities.sorted().joined(separator: ", "))") }

        // The statement date fixes every period; it is reported on the cover.
        var statementDate: CalendarDate?
        for fact in raw.facts where fact.concept == "StatementDate" && fact.namespace == taxonomy.namespace {
            statementDate = CalendarDate(iso: Substring(fact.value.trimmingCharacters(in: .whitespaces)))
        }
        guard let statementDate else {
            fail(nil, "the instance has no StatementDate fact; its periods cannot be matched to the blank's columns")
            return Result(statement: builder.finish(), diagnostics: diagnostics)
        }
        let periods = StatementPeriods(statementDate: statementDate)
        // Contexts equal in content are one context, whatever their ids.
        var canonical: [FactContext: Int] = [:]
        var contextIndex: [String: Int] = [:]
        for (id, context) in raw.contexts {
            if let index = canonical[context] { contextIndex[id] = index } else {
                canonical[context] = canonical.count
                contextIndex[id] = canonical.count - 1
            }
        }
        var expected = ExpectedContexts(blank: blank, periods: periods)
        struct SeenKey: Hashable { var concept: String; var context: Int }
        var seen: [SeenKey: (Fact.Value, String?, Int)] = [:]

        for fact in raw.facts {
            guard fact.namespace == taxonomy.namespace else {
                fail(fact.line, "\(fact.concept) in namespace \(fact.namespace) is not a concept of the \(blank.title) taxonomy")
                continue
            }
            guard let concept = taxonomy.concept(fact.concept), concept.kind == .item else {
                fail(fact.line, "\(fact.concept) is not a reportable concept of the taxonomy")
                continue
            }
            guard let contextRef = fact.contextRef, let context = raw.contexts[contextRef] else {
                fail(fact.line, "\(fact.concept) refers to context \(fact.contextRef ?? "(none)"), which the instance does not define")
                continue
            }
            guard let value = Self.value(of: fact, type: concept.type) else {
                fail(fact.line, "\(fact.concept) has the value \"\(fact.value.prefix(40))\", which is not a valid \(concept.type.rawValue)")
                continue
            }
            var printed = fact.id.flatMap { raw.printedForms[$0] }
            if printed == nil, let id = fact.id, let footnote = raw.footnotes[id], Self.cell(value.0, printed: footnote) != nil {
                // A printed form that lost its role in another processor's rewrite.
                printed = footnote
            }
            let key = SeenKey(concept: fact.concept, context: contextIndex[contextRef] ?? -1)
            if let previous = seen[key] {
                if previous.0 != value.0 || previous.1 != printed {
                    fail(fact.line, "\(fact.concept) is reported twice for the same context with different values (see line \(previous.2))")
                }
                continue
            }
            seen[key] = (value.0, printed, fact.line)
            let placed = place(concept: fact.concept, context: context, value: value.0, printed: printed,
                               periods: periods, expected: &expected, into: &builder)
            if let problem = placed { fail(fact.line, problem) }
        }
        return Result(statement: builder.finish(), diagnostics: diagnostics)
    }

    /// The typed value of a fact, and its decimals for amounts.
    static func value(of fact: RawInstance.RawFact, type: Concept.DataType) -> (Fact.Value, Int?)? {
        if fact.isNil { return (.none, nil) }
        let text = fact.value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type {
        case .monetary, .percent, .integer:
            guard let decimals = fact.decimals.flatMap({ Int($0) }), let amount = decimalAmount(text, decimals: decimals) else { return nil }
            return (.amount(amount.0, scale: amount.1), decimals)
        case .string: return (.text(fact.value), nil)
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
    static func decimalAmount(_ text: String, decimals: Int) -> (Amount, Scale)? {
        var t = Substring(text)
        if t.hasPrefix("+") { t = t.dropFirst() }
        guard let exact = Amount(plain: String(t)) else { return nil }
        if decimals >= 0 {
            // Trailing zeros beyond the printed precision are not precision.
            var a = exact
            while a.fractionDigits > decimals, a.units % 10 == 0 { a = Amount(units: a.units / 10, fractionDigits: a.fractionDigits - 1) }
            guard a.fractionDigits <= decimals, let widened = a.widened(to: decimals) else { return nil }
            return (widened, .units)
        }
        let scale: Scale
        switch -decimals {
        case 3: scale = .thousands
        case 6: scale = .millions
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

    private func place(concept: String, context: FactContext, value: Fact.Value, printed: String?,
                       periods: StatementPeriods, expected: inout ExpectedContexts, into builder: inout StatementBuilder) -> String? {
        // A cell of a page whose rows are items.
        if let (p, l) = lineConcepts[concept] {
            let page = blank.pages[p], line = page.lines[l]
            guard let cell = Self.cell(value, printed: printed) else { return "\(concept): the printed form \(printed ?? "") does not match the value" }
            var placed = false
            for (c, columnContext) in expected.contexts(page: p, instant: line.instant).enumerated() where columnContext == context {
                builder.setCell(page: p, line: l, column: c, cell)
                placed = true
            }
            return placed ? nil : "\(concept) (\(page.title), line \(line.line)) is reported for \(context.period)\(describe(context)), which is no column of the page"
        }
        // A cell of a page whose rows are members.
        if let columns = memberColumns[concept] {
            for (p, c) in columns {
                let page = blank.pages[p], column = page.columns[c]
                guard periods.period(column.period ?? .currentYearToDate) == context.period, context.typed.isEmpty,
                      context.explicit.count == 1, let member = context.explicit[TaxonomyModel.rowAxis(page)],
                      let l = rowMembers[p]?[member] else { continue }
                var cell: Cell?
                if column.valueKind == .amount {
                    cell = Self.cell(value, printed: printed)
                } else if case .text(let t) = value {
                    cell = t == "XXX" ? .notApplicable : .text(t)
                }
                guard let cell else { return "\(concept): the value does not fit the column" }
                builder.setCell(page: p, line: l, column: c, cell)
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

    /// The context of each column of an items page, per position of a balance among flows;
    /// worked out once per import rather than once per fact.
    struct ExpectedContexts {
        let blank: Blank
        let periods: StatementPeriods
        private var cache: [Int: [FactContext]] = [:]

        init(blank: Blank, periods: StatementPeriods) {
            self.blank = blank
            self.periods = periods
        }

        mutating func contexts(page p: Int, instant: LineDescription.InstantPosition?) -> [FactContext] {
            let key = p * 3 + (instant == nil ? 0 : instant == .start ? 1 : 2)
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

    private func describe(_ context: FactContext) -> String {
        let dims = context.explicit.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + context.typed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return dims.isEmpty ? "" : " with " + dims.joined(separator: ", ")
    }
}
