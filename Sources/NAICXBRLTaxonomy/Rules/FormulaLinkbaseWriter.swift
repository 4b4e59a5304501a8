@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
/// Writes a ``CheckRuleSet`` as an XBRL Formula 1.0 linkbase of value assertions, so that any
/// formula processor (Arelle) checks an instance the way `naicxbrl check` checks the statement.
/// It writes the rules as compiled for the checker (``CheckPlan``): the cells, lines, columns,
/// note tables and interrogatory amounts each term reads, the lines a row-by-row rule goes over,
/// the columns a period can name and the tolerance are the plan's, not looked up again.
///
/// Each rule is one `va:valueAssertion` (its id is the rule's) whose test is
/// `abs(left - right) le tolerance`, so a rounding difference within tolerance is satisfied, as
/// the checker counts it. Each cell is a fact variable filtered by concept, period and dimension
/// members, with a fallback of 0: a blank cell, a dash or a line not printed is no fact, and a
/// processor evaluates an assertion only where at least one variable binds to a fact, which is
/// the checker's "at least one value is printed". Row-by-row rules leave the row aspect uncovered
/// (the concept on pages whose lines are items, the line dimension on pages whose lines are
/// members, the table row of a note) so that implicit filtering evaluates them once per row.
/// The cells a total adds up are one sequence variable per sign.
///
/// Periods are not written as dates: the taxonomy serves every statement date. Period filters
/// compute each column's period from the instance's `StatementDate` fact, as ``StatementPeriods``
/// does (prior year to date ends `StatementDate - P1Y`; a balance printed among flows is the
/// instant at the start or end of the column's period).
///
/// What an assertion reads from the instance as a whole (the statement date; whether a page holds
/// a value) is a formula parameter, computed once per instance, not an expression over the
/// instance in each filter or variable: a processor evaluates those at every candidate fact and
/// walks the instance's facts each time (BENCHMARKS.md, "Arelle's formula run").
///
/// `Scripts/interop.sh` runs the linkbase in Arelle on the reference statement and on a changed
/// copy and requires Arelle's satisfied and not satisfied counts, assertion by assertion, to be
/// ``CheckReport/assertions``.
package struct FormulaLinkbaseWriter: Sendable {
    package let taxonomy: TaxonomyModel
    package let rules: CheckRuleSet
    /// The rules as the checker evaluates them: every place they read resolved once.
    private let plan: CheckPlan

    package init(taxonomy: TaxonomyModel, rules: CheckRuleSet) {
        self.taxonomy = taxonomy
        self.rules = rules
        plan = rules.plan
    }

    /// A namespace the linkbase declares: its prefix, and the schema that defines it (none for
    /// the functions' namespace and the instance's).
    struct Namespace {
        var prefix: String
        var uri: String
        var schema: String?

        /// A namespace of the Formula 1.0 specifications, `http://xbrl.org/` and `path`, defined
        /// by the schema at `http://www.xbrl.org/` and `schema`.
        static func formula(_ prefix: String, _ path: String, schema: String) -> Namespace {
            Namespace(prefix: prefix, uri: "http://xbrl.org/" + path, schema: "http://www.xbrl.org/" + schema)
        }
    }

    static let namespaces: [Namespace] = [
        .formula("gen", "2008/generic", schema: "2008/generic-link.xsd"),
        .formula("variable", "2008/variable", schema: "2008/variable.xsd"),
        .formula("va", "2008/assertion/value", schema: "2008/value-assertion.xsd"),
        .formula("cf", "2008/filter/concept", schema: "2008/concept-filter.xsd"),
        .formula("pf", "2008/filter/period", schema: "2008/period-filter.xsd"),
        .formula("df", "2008/filter/dimension", schema: "2008/dimension-filter.xsd"),
        .formula("gf", "2008/filter/general", schema: "2008/general-filter.xsd"),
        .formula("acf", "2010/filter/aspect-cover", schema: "2010/aspect-cover-filter.xsd"),
        .formula("msg", "2010/message", schema: "2010/generic-message.xsd"),
        .formula("sev", "2016/assertion-severity", schema: "2016/assertion-severity.xsd"),
        Namespace(prefix: "xfi", uri: "http://www.xbrl.org/2008/function/instance"),
        Namespace(prefix: "xbrli", uri: XBRLNamespace.xbrli),
    ]

    static let arcroles: [(uri: String, href: String)] = [
        ("http://xbrl.org/arcrole/2008/variable-set", "http://www.xbrl.org/2008/variable.xsd#variable-set"),
        ("http://xbrl.org/arcrole/2008/variable-filter", "http://www.xbrl.org/2008/variable.xsd#variable-filter"),
        ("http://xbrl.org/arcrole/2008/variable-set-precondition", "http://www.xbrl.org/2008/variable.xsd#variable-set-precondition"),
        ("http://xbrl.org/arcrole/2010/assertion-unsatisfied-message", "http://www.xbrl.org/2010/validation-message.xsd#assertion-unsatisfied-message"),
        ("http://xbrl.org/arcrole/2016/assertion-unsatisfied-severity", "http://www.xbrl.org/2016/assertion-severity.xsd#assertion-unsatisfied-severity"),
    ]

    static let messageRole = "http://www.xbrl.org/2010/role/message"

    // MARK: the linkbase's resources, shared between assertions

    enum Filter: Hashable {
        case concepts([String])
        case periodInstant(String)
        case periodStart(String)
        case periodEnd(String)
        case explicitDimension(axis: String, members: [String])
        case typedDimension(axis: String, test: String?)
        case aspectCover(aspects: [String], dimensions: [String])
    }

    struct FilterUse: Hashable {
        var filter: Filter
        var cover: Bool
    }

    struct FactVariable: Hashable {
        var filters: [FilterUse]
        var bindAsSequence = false
        var fallback: String?
    }

    enum Variable: Hashable {
        case fact(FactVariable)
        case general(select: String, sequence: Bool)
    }

    struct Assertion {
        var id: String
        var variables: [(name: String, variable: Variable)]
        var test: String
        var preconditions: [String]
        var message: String
        var severity: CheckSeverity
    }

    /// A rule the writer cannot express; the taxonomy is then written without it.
    package struct Unsupported: Error, CustomStringConvertible {
        package var rule: String
        package var problem: String
        package var description: String { "\(rule): \(problem)" }
    }

    /// The assertions, one per rule, in rule order.
    func assertions() throws(Unsupported) -> [Assertion] {
        try rules.rules.indices.map { i throws(Unsupported) in try assertion(i) }
    }

    /// The linkbase document.
    package func linkbase() -> [UInt8] {
        // The rules ship with the library and the tests compile every one of them; a rule the
        // writer cannot express is left out rather than written wrong.
        let list = rules.rules.indices.compactMap { try? assertion($0) }
        return write(list)
    }

    // MARK: rules to assertions

    private var prefix: String { taxonomy.prefix }
    private func qname(_ local: String) -> String { "\(prefix):\(local)" }
    private func qnameCall(_ local: String) -> String { "QName('\(taxonomy.namespace)', '\(prefix):\(local)')" }

    final class Names {
        var variables: [(name: String, variable: Variable)] = []
        var byKey: [String: String] = [:]

        func name(_ key: String, _ make: () -> Variable) -> String {
            if let name = byKey[key] { return name }
            let name = "v\(variables.count + 1)"
            byKey[key] = name
            variables.append((name, make()))
            return name
        }
    }

    /// The assertion of rule `index` (in the rule set's order), from its compiled terms.
    func assertion(_ index: Int) throws(Unsupported) -> Assertion {
        let rule = rules.rules[index], compiled = plan.rules[index]
        let names = Names()
        var preconditions: [String] = []
        let left = try side(true, "left", compiled, rule: rule, names: names, preconditions: &preconditions)
        let right = try side(false, "right", compiled, rule: rule, names: names, preconditions: &preconditions)
        // A rule that ties pages together is evaluated only where each of its pages holds a
        // value: a fact of one of the page's items that is not nil. That is a parameter of the
        // page (``pageParameter(_:)``), which a precondition reads: not a fact variable, so the
        // rule that an evaluation needs a fact variable bound to a fact still decides the rest.
        for p in compiled.pages {
            preconditions.append("$" + pageParameter(p).name)
        }
        let variables = names.variables
        let test = "abs((\(left)) - (\(right))) le \(try tolerance(compiled, rule: rule).description)"
        let message = "[\(rule.id)] \(rule.message) (expected {\(right)}, actual {\(left)})"
        return Assertion(id: rule.id, variables: variables, test: test, preconditions: preconditions, message: message, severity: rule.severity)
    }

    /// One side of the rule's test (`left`: what the statement prints), its terms added with
    /// their signs; `sideName` names its grouped variables apart from the other side's.
    private func side(_ left: Bool, _ sideName: String, _ compiled: CheckPlan.Rule, rule: CheckRule, names: Names,
                      preconditions: inout [String]) throws(Unsupported) -> String {
        // Cells that differ only by item (or by line member) and enter with the same sign are
        // one sequence variable: `sum($v2)` rather than 25 variables, each of which a
        // processor would otherwise try both bound and fallen back.
        var parts: [(sign: Int, value: String)] = []
        var groups: [(key: GroupKey, sign: Int, part: Int, members: [Filter], variable: FactVariable)] = []
        var seen = Set<Int>()
        for term in compiled.terms where term.left == left {
            let sign = term.negative ? -1 : 1
            if case .fixed(let source) = term.operand, seen.insert(source).inserted, let (variable, identity) = try groupable(source, rule: rule) {
                var rest = variable
                rest.filters.remove(at: identity)
                let key = GroupKey(filters: rest.filters, identity: Self.kind(of: variable.filters[identity].filter))
                if let g = groups.firstIndex(where: { $0.key == key && $0.sign == sign }) {
                    groups[g].members.append(variable.filters[identity].filter)
                    continue
                }
                groups.append((key, sign, parts.count, [variable.filters[identity].filter], variable))
                parts.append((sign, ""))
                continue
            }
            parts.append((sign, try expression(term.operand, scope: compiled.scope, rule: rule, names: names, preconditions: &preconditions)))
        }
        for (g, group) in groups.enumerated() {
            if group.members.count == 1 {
                // A rule evaluated only where its left side is printed: that variable has no
                // fallback, so an evaluation needs its fact.
                var variable = group.variable
                if left, compiled.leftRequired { variable.fallback = nil }
                parts[group.part].value = "$" + names.name("\(sideName)|group\(g)") { .fact(variable) }
                continue
            }
            var merged = FactVariable(filters: group.key.filters, bindAsSequence: true, fallback: left && compiled.leftRequired ? nil : "0")
            merged.filters.insert(FilterUse(filter: Self.merge(group.members), cover: true), at: 0)
            parts[group.part].value = "sum($" + names.name("\(sideName)|group\(g)") { .fact(merged) } + ")"
        }
        var out = ""
        for (i, part) in parts.enumerated() {
            if i == 0 {
                out = part.sign < 0 ? "-\(part.value)" : part.value
            } else {
                out += part.sign < 0 ? " - \(part.value)" : " + \(part.value)"
            }
        }
        return out.isEmpty ? "0" : out
    }

    /// The rule's tolerance in the facts' units. `check` compares amounts as printed, so its
    /// tolerance is in printed units: 1 on a page printed in thousands is a thousand dollars of
    /// the facts the assertion compares. Unsupported when the rule reads cells printed in
    /// different scales, which no one tolerance states alike.
    func tolerance(_ compiled: CheckPlan.Rule, rule: CheckRule) throws(Unsupported) -> Amount {
        var exponents = Set<Int>()
        func add(row: Int, column: Int) {
            let page = plan.page(ofRow: row).description
            guard let line = plan.line(ofRow: row), page.columns.indices.contains(column) else { return }
            exponents.insert(page.valueScale(line, column: page.columns[column]).exponent)
        }
        for term in compiled.terms {
            switch term.operand {
            case .fixed(let source):
                switch plan.sources[source] {
                case .cell(let row, let column, let textColumn) where !textColumn: add(row: row, column: column)
                case .periodCell(let row, let period): for column in plan.periods[period].columns { add(row: row, column: column) }
                case .caption, .interrogatory: exponents.insert(0)
                case .cell, .count, .unavailable: break
                }
            case .rowCell(let selector):
                guard case .rows(let p) = compiled.scope else { break }
                let columns: [Int]
                switch selector {
                case .index(let column, let textColumn): columns = textColumn ? [] : [column]
                case .period(let period): columns = plan.periods[period].columns
                case .unavailable: columns = []
                }
                let page = plan.pages[p]
                for index in page.rowScope {
                    for column in columns where page.description.columns.indices.contains(column) {
                        exponents.insert(page.description.valueScale(page.description.lines[index], column: page.description.columns[column]).exponent)
                    }
                }
            case .noteCell: exponents.insert(0)
            }
        }
        guard exponents.count <= 1 else {
            throw Unsupported(rule: rule.id, problem: "its cells are printed in different scales")
        }
        var tolerance = compiled.tolerance
        let exponent = exponents.first ?? 0
        if exponent < 0 {
            tolerance.fractionDigits -= exponent
        } else {
            for _ in 0..<exponent { tolerance.units *= 10 }
        }
        return tolerance
    }

    struct GroupKey: Hashable {
        var filters: [FilterUse]
        var identity: String
    }

    /// What distinguishes the cells of a group: the item, or the member of a given axis.
    static func kind(of filter: Filter) -> String {
        switch filter {
        case .concepts: "concept"
        case .explicitDimension(let axis, _): "member:" + axis
        default: "other"
        }
    }

    static func merge(_ filters: [Filter]) -> Filter {
        var concepts: [String] = [], members: [String] = [], axis = ""
        for filter in filters {
            switch filter {
            case .concepts(let names): concepts += names
            case .explicitDimension(let a, let m): axis = a; members += m
            default: break
            }
        }
        return concepts.isEmpty ? .explicitDimension(axis: axis, members: members) : .concepts(concepts)
    }

    /// The columns a cell term can be reported in: one column, or for a column named by its
    /// period every column that is that period for some statement date (Schedule D Part 1B's end
    /// of first, second, third quarter).
    private struct CellColumns {
        /// Indices into the page's columns.
        var columns: [Int]
        /// The period the rule names the column by.
        var period: PeriodReference?
        /// How the rule names the column: `3`, `@current-instant`.
        var name: String
    }

    private func columns(_ page: CheckPlan.PageSlot, _ index: Int) -> CellColumns {
        CellColumns(columns: [index], period: nil, name: page.description.columns[index].number)
    }

    private func columns(period slot: Int) -> CellColumns {
        let column = plan.periods[slot]
        return CellColumns(columns: column.columns, period: column.period, name: "@" + column.period.rawValue)
    }

    /// A source that can join a group: a fixed amount cell or caption amount, with the index of
    /// the filter that names it.
    private func groupable(_ source: Int, rule: CheckRule) throws(Unsupported) -> (FactVariable, Int)? {
        let row: Int, columns: CellColumns
        switch plan.sources[source] {
        case .cell(let slot, let column, let textColumn):
            // A line of entries is a sum of its own (``expression``), in no group.
            guard !textColumn, plan.line(ofRow: slot)?.isEntries != true else { return nil }
            (row, columns) = (slot, self.columns(plan.page(ofRow: slot), column))
        case .periodCell(let slot, let period):
            guard plan.line(ofRow: slot)?.isEntries != true else { return nil }
            (row, columns) = (slot, self.columns(period: period))
            guard !columns.columns.isEmpty else { return nil }
        case .caption(let slot, let index):
            return captionVariable(slot, index).map { ($0, 0) }
        default:
            return nil
        }
        let page = plan.page(ofRow: row)
        let variable = try cellVariable(page, row: row, columns: columns, rule: rule)
        let identity = page.description.orientation == .items
            ? variable.filters.firstIndex { if case .concepts = $0.filter { true } else { false } }
            : variable.filters.firstIndex { if case .explicitDimension(let axis, _) = $0.filter { axis == qname(TaxonomyModel.rowAxis(page.description)) } else { false } }
        return identity.map { (variable, $0) }
    }

    /// The fact variable of the `index`-th (0-based) amount printed in the caption of row slot `row`.
    private func captionVariable(_ row: Int, _ index: Int) -> FactVariable? {
        let page = plan.page(ofRow: row).description
        guard let line = plan.line(ofRow: row), let concept = line.slots?[safe: index] else { return nil }
        let period = page.columns.first { $0.valueKind == .amount }?.period ?? .currentYearToDate
        return FactVariable(filters: [FilterUse(filter: .concepts([qname(concept)]), cover: true)] + periodFilters(period, line.instant), fallback: "0")
    }

    /// The XPath value of one term, adding its variables.
    private func expression(_ operand: CheckPlan.Operand, scope: CheckPlan.Scope, rule: CheckRule, names: Names,
                            preconditions: inout [String]) throws(Unsupported) -> String {
        switch operand {
        case .fixed(let source):
            return try fixedExpression(source, rule: rule, names: names)
        case .rowCell(let column):
            guard case .rows(let p) = scope else { throw Unsupported(rule: rule.id, problem: "it reads the row of the instance outside a row-by-row rule") }
            let page = plan.pages[p]
            switch column {
            case .index(let i, let textColumn): return try cellExpression(page, row: nil, columns(page, i), textColumn: textColumn, rule: rule, names: names)
            case .period(let period): return try cellExpression(page, row: nil, columns(period: period), textColumn: false, rule: rule, names: names)
            case .unavailable: throw Unsupported(rule: rule.id, problem: "it names a column \(page.id) does not have")
            }
        case .noteCell(let row, let column):
            guard case .note(let n, _, _) = scope else { throw Unsupported(rule: rule.id, problem: "it reads a note table outside a note table rule") }
            return noteExpression(plan.notes[n], row: row, column: column, names: names, preconditions: &preconditions)
        }
    }

    /// The XPath value of a term that reads one place of the statement (``CheckPlan/sources``).
    private func fixedExpression(_ source: Int, rule: CheckRule, names: Names) throws(Unsupported) -> String {
        switch plan.sources[source] {
        case .cell(let row, let column, let textColumn):
            let page = plan.page(ofRow: row)
            return try cellExpression(page, row: row, columns(page, column), textColumn: textColumn, rule: rule, names: names)
        case .periodCell(let row, let period):
            return try cellExpression(plan.page(ofRow: row), row: row, columns(period: period), textColumn: false, rule: rule, names: names)
        case .caption(let row, let index):
            let pageID = plan.page(ofRow: row).id, line = plan.slotLine[row]
            guard let variable = captionVariable(row, index) else {
                throw Unsupported(rule: rule.id, problem: "no caption amount \(index + 1) on \(pageID) line \(line)")
            }
            return "$" + names.name("caption|\(pageID)|\(line)|\(index + 1)") { .fact(variable) }
        case .interrogatory(let i):
            return interrogatoryExpression(plan.interrogatories[i], names: names)
        case .count(let i):
            return try countExpression(plan.counts[i], rule: rule, names: names)
        case .unavailable:
            throw Unsupported(rule: rule.id, problem: "it names a page or column the blank does not have")
        }
    }

    /// A cell of a page: `row` a row slot, or nil for the row of the instance.
    private func cellExpression(_ page: CheckPlan.PageSlot, row: Int?, _ columns: CellColumns, textColumn: Bool, rule: CheckRule,
                                names: Names) throws(Unsupported) -> String {
        var variable = try cellVariable(page, row: row, columns: columns, rule: rule)
        if let row, plan.line(ofRow: row)?.isEntries == true {
            // A line of entries: the sum of its entries' facts, one per code.
            guard !textColumn else {
                throw Unsupported(rule: rule.id, problem: "\(page.id) line \(plan.slotLine[row]) stands for entries; a text column of entries is not summed")
            }
            // The codes of this line's entries: on a page whose rows are members, every line of
            // entries reports the columns' items.
            let codes = plan.line(ofRow: row)?.entryCodes.map { "normalize-space(string(.)) ge '\($0.first)' and normalize-space(string(.)) le '\($0.last)'" }
            variable.filters.append(FilterUse(filter: .typedDimension(axis: qname("LineAxis"), test: codes), cover: true))
            variable.bindAsSequence = true
            let name = names.name("entries|\(page.id)|\(plan.slotLine[row])|\(columns.name)") { .fact(variable) }
            return "sum($\(name))"
        }
        let name = names.name("cell|\(page.id)|\(row.map { plan.slotLine[$0] } ?? "*")|\(columns.name)") { .fact(variable) }
        if textColumn, describedCell(page, row: row, columns) == nil {
            // A number printed in a text column (Schedule T's count of L responses).
            return "(if (normalize-space(string($\(name))) castable as xs:decimal) then xs:decimal(normalize-space(string($\(name)))) else 0)"
        }
        return "$\(name)"
    }

    /// An amount answered to an interrogatory.
    private func interrogatoryExpression(_ wanted: CheckPlan.InterrogatoryAmount, names: Names) -> String {
        let (part, number, amount) = (wanted.part, wanted.number, wanted.index + 1)
        let variable = FactVariable(filters: [
            FilterUse(filter: .concepts([qname("InterrogatoryAnswerAmount")]), cover: true),
            FilterUse(filter: .typedDimension(axis: qname("InterrogatoryAxis"), test: "normalize-space(string(.)) = '\(part):\(number)'"), cover: true),
            FilterUse(filter: .typedDimension(axis: qname("TableColumnAxis"), test: "normalize-space(string(.)) = '\(amount)'"), cover: true),
        ] + periodFilters(.currentYearToDate, nil), fallback: "0")
        return "$" + names.name("interrogatory|\(part)|\(number)|\(amount)") { .fact(variable) }
    }

    /// How many of some lines print a given text in a column of members.
    private func countExpression(_ count: CheckPlan.Count, rule: CheckRule, names: Names) throws(Unsupported) -> String {
        let page = plan.pages[count.page], column = page.description.columns[count.column]
        guard let concept = column.concept, page.description.orientation == .members else {
            throw Unsupported(rule: rule.id, problem: "\(page.id) column \(column.number) is not a column of members")
        }
        let members = count.rows.compactMap { plan.line(ofRow: $0)?.member }.map { qname(TaxonomyModel.member(page.description, $0, rows: true)) }
        let variable = FactVariable(filters: [
            FilterUse(filter: .concepts([qname(concept)]), cover: true),
            FilterUse(filter: .explicitDimension(axis: qname(TaxonomyModel.rowAxis(page.description)), members: members), cover: true),
            // Text has no unit to match the number it is compared with (a count, in pure).
            FilterUse(filter: .aspectCover(aspects: ["unit"], dimensions: []), cover: true),
        ] + periodFilters(column.period ?? .currentYearToDate, nil), bindAsSequence: true, fallback: "''")
        let lines = count.rows.map { plan.slotLine[$0] }.joined(separator: ",")
        let name = names.name("count|\(page.id)|\(lines)|\(column.number)") { .fact(variable) }
        return "count($\(name)[normalize-space(string(.)) = '\(count.text)'])"
    }

    /// A cell, the rows or the totals row of note `note`'s table in the instance.
    private func noteExpression(_ note: Int, row: NoteRowSelector, column: Int?, names: Names, preconditions: inout [String]) -> String {
        // A note table's column is an item (`NoteTableAmountColumn3`); its row and table are
        // typed dimensions. `col *` leaves the concept uncovered: one evaluation per column.
        let columnConcepts = (column.map { [$0] } ?? Array(1...CommonConcepts.maxTableColumns)).map { qname("NoteTableAmountColumn\($0)") }
        var filters = [
            FilterUse(filter: .concepts(columnConcepts), cover: column != nil),
            FilterUse(filter: .typedDimension(axis: qname("NoteAxis"), test: "normalize-space(string(.)) = '\(note)'"), cover: true),
        ] + periodFilters(.currentYearToDate, nil)
        if row == .each {
            let variable = FactVariable(filters: filters, fallback: "0")
            return "$" + names.name("note|\(note)|each|\(column.map(String.init) ?? "*")") { .fact(variable) }
        }
        // The rows and the totals row: all the table's cells of the column as one sequence,
        // the totals row found by its label.
        filters.append(FilterUse(filter: .typedDimension(axis: qname("TableRowAxis"), test: nil), cover: true))
        let cells = names.name("note|\(note)|cells|\(column.map(String.init) ?? "*")") { .fact(FactVariable(filters: filters, bindAsSequence: true)) }
        let totals = noteTotalRows(note, names: names)
        let exists = "exists($\(totals))"
        if !preconditions.contains(exists) { preconditions.append(exists) }
        let rowOf = "string(xfi:fact-typed-dimension-value(., \(qnameCall("TableRowAxis"))))"
        return row == .total ? "sum($\(cells)[\(rowOf) = $\(totals)])" : "sum($\(cells)[not(\(rowOf) = $\(totals))])"
    }

    /// The name of the variable that selects the table rows of note `note` whose label marks them
    /// as totals, with the variable of the labels it reads.
    private func noteTotalRows(_ note: Int, names: Names) -> String {
        let labels = names.name("note|\(note)|labels") {
            .fact(FactVariable(filters: [
                FilterUse(filter: .concepts([qname("NoteTableRowLabel")]), cover: true),
                FilterUse(filter: .typedDimension(axis: qname("NoteAxis"), test: "normalize-space(string(.)) = '\(note)'"), cover: true),
                FilterUse(filter: .typedDimension(axis: qname("TableRowAxis"), test: nil), cover: true),
                // Labels are text: they have no unit to match the amounts on.
                FilterUse(filter: .aspectCover(aspects: ["unit"], dimensions: []), cover: true),
            ] + periodFilters(.currentYearToDate, nil), bindAsSequence: true))
        }
        return names.name("note|\(note)|totalRows") {
            .general(select: "for $l in $\(labels)[starts-with(normalize-space(string(.)), '\(plan.noteTotalLabel ?? "")')] return string(xfi:fact-typed-dimension-value($l, \(qnameCall("TableRowAxis"))))",
                     sequence: true)
        }
    }

    /// The description of the cell in row slot `row` and `columns`, where the line gives its cell
    /// an item of its own (``LineDescription/cells``); nil for the row of the instance.
    private func describedCell(_ page: CheckPlan.PageSlot, row: Int?, _ columns: CellColumns) -> CellDescription? {
        guard let row, columns.columns.count == 1, let first = columns.columns.first, let line = plan.line(ofRow: row) else { return nil }
        return page.description.cell(line, column: first)
    }

    /// The fact variable of a page's cell: `row` a row slot, or nil for the row of the instance
    /// (every line the page's row-by-row rules go over, left uncovered).
    private func cellVariable(_ page: CheckPlan.PageSlot, row: Int?, columns: CellColumns, rule: CheckRule) throws(Unsupported) -> FactVariable {
        let description = page.description
        guard let first = columns.columns.first else { throw Unsupported(rule: rule.id, problem: "\(page.id) has no column for \(columns.name)") }
        let column = description.columns[first]
        let period = columns.period ?? column.period ?? .currentYearToDate
        var filters: [FilterUse] = []
        switch description.orientation {
        case .items:
            // Columns that report items of their own (a count among amounts) name them by suffix.
            guard columns.columns.allSatisfy({ description.columns[$0].conceptSuffix == column.conceptSuffix }) else {
                throw Unsupported(rule: rule.id, problem: "\(page.id) column \(columns.name) is not one item")
            }
            if let row {
                guard let line = plan.line(ofRow: row), let concept = description.concept(line, column: column) else {
                    throw Unsupported(rule: rule.id, problem: "\(page.id) line \(plan.slotLine[row]) reports no item")
                }
                filters.append(FilterUse(filter: .concepts([qname(concept)]), cover: true))
                filters += periodFilters(period, line.instant)
            } else {
                let concepts = page.rowScope.compactMap { description.concept(description.lines[$0], column: column) }.map(qname)
                // Left uncovered, the concept is what implicit filtering matches row by row.
                filters.append(FilterUse(filter: .concepts(concepts), cover: false))
                filters += periodFilters(period, nil)
            }
            if let member = column.member {
                filters.append(FilterUse(filter: .explicitDimension(axis: qname(TaxonomyModel.columnAxis(description)),
                                                                    members: [qname(TaxonomyModel.member(description, member, rows: false))]), cover: true))
            }
        case .members:
            let concepts = Set(columns.columns.compactMap { description.columns[$0].concept })
            guard concepts.count == 1, var concept = concepts.first else {
                throw Unsupported(rule: rule.id, problem: "\(page.id) column \(columns.name) is not one item")
            }
            if let described = describedCell(page, row: row, columns) {
                // The line's cell reports an item of its own (a count).
                concept = described.concept
            } else if row == nil, page.rowScope.contains(where: { l in columns.columns.contains { page.description.cell(description.lines[l], column: $0) != nil } }) {
                throw Unsupported(rule: rule.id, problem: "\(page.id) column \(columns.name) holds, on some of the lines the rule goes over, a cell that reports an item of its own")
            }
            filters.append(FilterUse(filter: .concepts([qname(concept)]), cover: true))
            filters += periodFilters(period, nil)
            let axis = qname(TaxonomyModel.rowAxis(description))
            if let row, plan.line(ofRow: row)?.isEntries == true {
                // A line of entries: its entries' facts have the entry's code (``cellExpression``)
                // where a line's have its member; the line axis is covered, so no other cell's
                // member is asked of them.
                filters.append(FilterUse(filter: .aspectCover(aspects: [], dimensions: [axis]), cover: true))
            } else if let row {
                guard let member = plan.line(ofRow: row)?.member else {
                    throw Unsupported(rule: rule.id, problem: "\(page.id) line \(plan.slotLine[row]) is no member")
                }
                filters.append(FilterUse(filter: .explicitDimension(axis: axis, members: [qname(TaxonomyModel.member(description, member, rows: true))]), cover: true))
            } else {
                let members = page.rowScope.compactMap { description.lines[$0].member }.map { qname(TaxonomyModel.member(description, $0, rows: true)) }
                filters.append(FilterUse(filter: .explicitDimension(axis: axis, members: members), cover: false))
            }
        }
        return FactVariable(filters: filters, fallback: "0")
    }

    // MARK: periods from the statement date

    /// The instance's statement date, where a filter is evaluated: a parameter (``parameters``)
    /// rather than a variable, since a filter that depends on a variable makes a processor
    /// (Arelle) try every fallback combination, which grows exponentially with the terms of a total.
    private var date: String { "xs:date($\(statementDateParameter.name))" }

    // MARK: parameters

    /// A formula parameter: a value computed once from the instance, before any assertion, and
    /// named in assertions' filters and preconditions. (Reading the instance in each filter or
    /// variable instead makes a processor walk the instance's facts at each evaluation: minutes
    /// on an annual instance.)
    struct Parameter: Hashable {
        var name: String
        var select: String
    }

    /// The statement date as printed (`StatementDate`, as a string; empty where there is none):
    /// each period filter reads it as a date.
    private var statementDateParameter: Parameter {
        Parameter(name: qname("formulaStatementDate"), select: "normalize-space(string((/xbrli:xbrl/\(qname("StatementDate")))[1]))")
    }

    /// The names of the items of the taxonomy's namespace that have a fact that is not nil: read
    /// from the instance once, for the pages' parameters.
    private var factNamesParameter: Parameter {
        Parameter(name: qname("formulaFactNames"),
                  select: "distinct-values(for $f in /xbrli:xbrl/\(prefix):*[not(@xsi:nil = ('true', '1'))] return local-name($f))")
    }

    /// Whether page `p` of the plan holds a value: a fact of one of its items that is not nil.
    private func pageParameter(_ p: Int) -> Parameter {
        let page = plan.pages[p]
        let items = page.valueConcepts.map { "'\($0)'" }.joined(separator: ", ")
        return Parameter(name: qname("formulaPageHasValues" + page.id), select: "$\(factNamesParameter.name) = (\(items))")
    }

    /// The parameters the assertions read: the statement date, the names of the items with
    /// facts, then each page a rule ties to another, in the order of the plan's pages.
    private func parameters(_ assertions: [Assertion]) -> [Parameter] {
        let read = Set(assertions.flatMap(\.preconditions))
        return [statementDateParameter, factNamesParameter] + plan.pages.indices.map(pageParameter).filter { read.contains("$" + $0.name) }
    }
    private var year: String { "year-from-date(\(date))" }

    private func day(_ year: String, _ monthDay: String) -> String {
        "xs:date(concat(string(\(year)), '-\(monthDay)'))"
    }

    private var quarterFirstDay: String {
        let month = "((month-from-date(\(date)) - 1) idiv 3) * 3 + 1"
        return "xs:date(concat(string(\(year)), '-', substring(string(100 + \(month)), 2), '-01'))"
    }

    /// (start, end) of a duration, or (nil, instant): XPath dates, as ``StatementPeriods/period(_:)``.
    func bounds(_ reference: PeriodReference) -> (start: String?, end: String) {
        switch reference {
        case .currentInstant: return (nil, date)
        case .priorYearEnd: return (nil, day("\(year) - 1", "12-31"))
        case .currentYearToDate: return (day(year, "01-01"), date)
        case .priorYearToDate: return (day("\(year) - 1", "01-01"), "(\(date) - xs:yearMonthDuration('P1Y'))")
        case .priorYear: return (day("\(year) - 1", "01-01"), day("\(year) - 1", "12-31"))
        case .currentQuarter: return (quarterFirstDay, date)
        case .quarterStart: return (nil, "(\(quarterFirstDay) - xs:dayTimeDuration('P1D'))")
        case .firstQuarterEnd: return (nil, day(year, "03-31"))
        case .secondQuarterEnd: return (nil, day(year, "06-30"))
        case .thirdQuarterEnd: return (nil, day(year, "09-30"))
        case .firstQuarter: return (day(year, "01-01"), day(year, "03-31"))
        case .secondQuarter: return (day(year, "04-01"), day(year, "06-30"))
        case .thirdQuarter: return (day(year, "07-01"), day(year, "09-30"))
        case .fourthQuarter: return (day(year, "10-01"), day(year, "12-31"))
        case .secondPriorYear: return (day("\(year) - 2", "01-01"), day("\(year) - 2", "12-31"))
        case .thirdPriorYear: return (day("\(year) - 3", "01-01"), day("\(year) - 3", "12-31"))
        case .fourthPriorYear: return (day("\(year) - 4", "01-01"), day("\(year) - 4", "12-31"))
        }
    }

    private func periodFilters(_ reference: PeriodReference, _ position: LineDescription.InstantPosition?) -> [FilterUse] {
        let (start, end) = bounds(reference)
        guard let start else { return [FilterUse(filter: .periodInstant(end), cover: true)] }
        switch position {
        case nil: return [FilterUse(filter: .periodStart(start), cover: true), FilterUse(filter: .periodEnd(end), cover: true)]
        case .start?: return [FilterUse(filter: .periodInstant("(\(start) - xs:dayTimeDuration('P1D'))"), cover: true)]
        case .end?: return [FilterUse(filter: .periodInstant(end), cover: true)]
        case let position?:
            // The last day of a month of the year the period ends in: the day before the next
            // month's first.
            let month = (position.month ?? 12) + 1
            let first = "xs:date(concat(string(year-from-date(\(end))), '-\(month < 10 ? "0" : "")\(month)-01'))"
            return [FilterUse(filter: .periodInstant("(\(first) - xs:dayTimeDuration('P1D'))"), cover: true)]
        }
    }

    // MARK: writing

    private func write(_ assertions: [Assertion]) -> [UInt8] {
        guard let xml = XMLStreamWriter() else { return [] }
        writeStart(xml)
        for (i, parameter) in parameters(assertions).enumerated() {
            xml.element("variable:parameter", attributes: [("xlink:type", "resource"), ("xlink:label", "parameter\(i + 1)"),
                                                           ("name", parameter.name), ("select", parameter.select)])
        }
        var resources = Resources()
        for assertion in assertions { writeAssertion(assertion, xml, &resources) }
        xml.end()
        xml.end()
        return xml.finish()
    }

    /// The resources written so far, by what they are, so that each is written once.
    private struct Resources {
        var filterLabels: [Filter: String] = [:]
        // A variable resource is shared between assertions, but an assertion that names the same
        // variable twice (two columns that are one fact) gets a copy: two arcs between the same
        // resources would be duplicates.
        struct Use: Hashable { var variable: Variable; var copy: Int }
        var variableLabels: [Use: String] = [:]
        var warningLabel: String?
    }

    /// The linkbase's root with its namespaces and schema locations, the role and arcrole
    /// references, and the generic link that holds the assertions, open.
    private func writeStart(_ xml: XMLStreamWriter) {
        xml.start("link:linkbase")
        xml.attribute("xmlns:link", XBRLNamespace.link)
        xml.attribute("xmlns:xlink", XBRLNamespace.xlink)
        xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        xml.attribute("xmlns:xs", "http://www.w3.org/2001/XMLSchema")
        for ns in Self.namespaces { xml.attribute("xmlns:\(ns.prefix)", ns.uri) }
        xml.attribute("xmlns:\(prefix)", taxonomy.namespace)
        xml.attribute("xsi:schemaLocation", Self.namespaces.compactMap { ns in ns.schema.map { "\(ns.uri) \($0)" } }.joined(separator: " "))
        xml.element("link:roleRef", attributes: [("roleURI", Self.messageRole), ("xlink:type", "simple"),
                                                 ("xlink:href", "http://www.xbrl.org/2010/generic-message.xsd#standard-message")])
        for arcrole in Self.arcroles {
            xml.element("link:arcroleRef", attributes: [("arcroleURI", arcrole.uri), ("xlink:type", "simple"), ("xlink:href", arcrole.href)])
        }
        xml.start("gen:link")
        xml.attribute("xlink:type", "extended")
        xml.attribute("xlink:role", "http://www.xbrl.org/2003/role/link")
    }

    /// One value assertion: the assertion, its variables, preconditions, message and severity,
    /// each with its arc.
    private func writeAssertion(_ assertion: Assertion, _ xml: XMLStreamWriter, _ resources: inout Resources) {
        let label = "assertion_\(assertion.id)"
        xml.element("va:valueAssertion", attributes: [("xlink:type", "resource"), ("xlink:label", label), ("id", assertion.id),
                                                      ("aspectModel", "dimensional"), ("implicitFiltering", "true"), ("test", assertion.test)])
        var copies: [Variable: Int] = [:]
        for (order, entry) in assertion.variables.enumerated() {
            let copy = copies[entry.variable, default: 0]
            copies[entry.variable] = copy + 1
            let target = variableLabel(entry.variable, copy: copy, xml, &resources)
            xml.element("variable:variableArc", attributes: [
                ("xlink:type", "arc"), ("xlink:arcrole", "http://xbrl.org/arcrole/2008/variable-set"),
                ("xlink:from", label), ("xlink:to", target), ("order", String(order + 1)), ("name", entry.name),
            ])
        }
        for (i, test) in assertion.preconditions.enumerated() {
            let precondition = "\(label)_precondition\(i + 1)"
            xml.element("variable:precondition", attributes: [("xlink:type", "resource"), ("xlink:label", precondition), ("test", test)])
            xml.element("gen:arc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://xbrl.org/arcrole/2008/variable-set-precondition"),
                                                ("xlink:from", label), ("xlink:to", precondition)])
        }
        let message = "\(label)_message"
        xml.element("msg:message", attributes: [("xlink:type", "resource"), ("xlink:label", message), ("xlink:role", Self.messageRole),
                                                ("xml:lang", "en")], text: assertion.message)
        xml.element("gen:arc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://xbrl.org/arcrole/2010/assertion-unsatisfied-message"),
                                            ("xlink:from", label), ("xlink:to", message)])
        if assertion.severity == .warning {
            if resources.warningLabel == nil {
                resources.warningLabel = "severity_warning"
                xml.element("sev:warning", attributes: [("xlink:type", "resource"), ("xlink:label", "severity_warning")])
            }
            xml.element("gen:arc", attributes: [("xlink:type", "arc"), ("xlink:arcrole", "http://xbrl.org/arcrole/2016/assertion-unsatisfied-severity"),
                                                ("xlink:from", label), ("xlink:to", "severity_warning")])
        }
    }

    /// The label of a variable's resource, the resource written (with its filters and their
    /// arcs) where it is the first use of its copy.
    private func variableLabel(_ variable: Variable, copy: Int, _ xml: XMLStreamWriter, _ resources: inout Resources) -> String {
        let use = Resources.Use(variable: variable, copy: copy)
        if let label = resources.variableLabels[use] { return label }
        let label = "variable\(resources.variableLabels.count + 1)"
        resources.variableLabels[use] = label
        switch variable {
        case .general(let select, let sequence):
            xml.element("variable:generalVariable", attributes: [("xlink:type", "resource"), ("xlink:label", label),
                                                                 ("select", select), ("bindAsSequence", sequence ? "true" : "false")])
        case .fact(let fact):
            var attributes = [("xlink:type", "resource"), ("xlink:label", label), ("bindAsSequence", fact.bindAsSequence ? "true" : "false")]
            if let fallback = fact.fallback { attributes.append(("fallbackValue", fallback)) }
            xml.element("variable:factVariable", attributes: attributes)
            for use in fact.filters {
                let target = filterLabel(use.filter, xml, &resources)
                xml.element("variable:variableFilterArc", attributes: [
                    ("xlink:type", "arc"), ("xlink:arcrole", "http://xbrl.org/arcrole/2008/variable-filter"),
                    ("xlink:from", label), ("xlink:to", target), ("complement", "false"), ("cover", use.cover ? "true" : "false"),
                ])
            }
        }
        return label
    }

    /// The label of a filter's resource, the resource written where it is the filter's first use.
    private func filterLabel(_ filter: Filter, _ xml: XMLStreamWriter, _ resources: inout Resources) -> String {
        if let label = resources.filterLabels[filter] { return label }
        let label = "filter\(resources.filterLabels.count + 1)"
        resources.filterLabels[filter] = label
        writeFilter(xml, filter, label: label)
        return label
    }

    private func writeFilter(_ xml: XMLStreamWriter, _ filter: Filter, label: String) {
        let common = [("xlink:type", "resource"), ("xlink:label", label)]
        /// The filter's element, open, with the resource's attributes.
        func open(_ element: String) {
            xml.start(element)
            for (k, v) in common { xml.attribute(k, v) }
        }
        /// `<wrapper><qnameElement>name</qnameElement></wrapper>`
        func qname(_ wrapper: String, _ qnameElement: String, _ name: String) {
            xml.start(wrapper)
            xml.element(qnameElement, attributes: [], text: name)
            xml.end()
        }
        switch filter {
        case .concepts(let names):
            open("cf:conceptName")
            for name in names { qname("cf:concept", "cf:qname", name) }
            xml.end()
        case .periodInstant(let date):
            xml.element("pf:periodInstant", attributes: common + [("date", date)])
        case .periodStart(let date):
            xml.element("pf:periodStart", attributes: common + [("date", date)])
        case .periodEnd(let date):
            xml.element("pf:periodEnd", attributes: common + [("date", date)])
        case .explicitDimension(let axis, let members):
            open("df:explicitDimension")
            qname("df:dimension", "df:qname", axis)
            for member in members { qname("df:member", "df:qname", member) }
            xml.end()
        case .typedDimension(let axis, let test):
            open("df:typedDimension")
            if let test { xml.attribute("test", test) }
            qname("df:dimension", "df:qname", axis)
            xml.end()
        case .aspectCover(let aspects, let dimensions):
            open("acf:aspectCover")
            for aspect in aspects { xml.element("acf:aspect", attributes: [], text: aspect) }
            for dimension in dimensions { qname("acf:dimension", "acf:qname", dimension) }
            xml.end()
        }
    }
}

extension TaxonomyWriter {
    /// The formula linkbase's file name, beside the other linkbases.
    var formulaFile: String { stem + "-formula.xml" }

    /// The blank's check rules as a formula linkbase; nil for a blank without rules.
    func formulaLinkbase() -> [UInt8]? {
        guard let rules = try? CheckRuleSet.bundled(for: taxonomy.blank) else { return nil }
        return FormulaLinkbaseWriter(taxonomy: taxonomy, rules: rules).linkbase()
    }
}
