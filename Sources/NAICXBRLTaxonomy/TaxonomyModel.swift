import Foundation
@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML

/// The taxonomy of a blank, derived from its description: concepts, dimensions, and one
/// extended-link role per page with its presentation order, calculations and hypercube.
///
/// The generator writes it out as files; the instance writer and importer use it to name facts.
public struct TaxonomyModel: Sendable {
    package struct Arc: Hashable, Sendable {
        package var from: String
        package var to: String
        package var order: Int
        package var weight: Int
    }

    /// A hypercube: its primary items, and its dimensions with their members (none for typed).
    package struct Hypercube: Sendable {
        package var table: String
        package var lineItems: String
        package var primaryItems: [String]
        package var axes: [(axis: String, domain: String?, members: [String])]
    }

    package struct Role: Sendable {
        /// The page id, or `Document` for the non-tabular items.
        package var id: String
        package var uri: String
        package var definition: String
        package var presentation: [Arc]
        package var calculation: [Arc]
        package var hypercubes: [Hypercube]
    }

    package let blank: Blank
    package private(set) var concepts: [Concept] = []
    package private(set) var roles: [Role] = []
    private var index: [String: Int] = [:]

    public var namespace: String { blank.namespace }
    package var prefix: String { blank.namespacePrefix }
    package var entryPointURL: String { blank.taxonomyURL + blank.entryPoint }

    package func concept(_ name: String) -> Concept? { index[name].map { concepts[$0] } }

    // MARK: names shared with the fact mapping

    package static func columnAxis(_ page: PageDescription) -> String { "\(page.id)ColumnAxis" }
    static func columnDomain(_ page: PageDescription) -> String { "\(page.id)ColumnDomain" }
    package static func rowAxis(_ page: PageDescription) -> String { "\(page.id)LineAxis" }
    static func rowDomain(_ page: PageDescription) -> String { "\(page.id)LineDomain" }
    package static func member(_ page: PageDescription, _ member: String, rows: Bool) -> String {
        rows ? "\(page.id)\(member)Member" : "\(member)Member"
    }
    /// The context of an entry's cell in column `c` (``LineDescription/entries``): the column's
    /// period (at the line's instant), its member where the page's columns are members, and the
    /// entry's code as `LineAxis`.
    package static func entryContext(_ page: PageDescription, _ line: LineDescription, column c: Int, code: String,
                                      periods: StatementPeriods) -> FactContext {
        var context = FactContext(period: periods.period(page.columns[c].period ?? .currentYearToDate, at: line.instant), typed: ["LineAxis": code])
        if let member = page.columns[c].member { context.explicit[columnAxis(page)] = Self.member(page, member, rows: false) }
        return context
    }
    /// A heading line's abstract concept: the description names it (names carry no line
    /// numbers, so they stay when an edition renumbers the page).
    /// The part of the statement a cover, note or interrogatory item is printed in, by its axes:
    /// the blank's own title for its notes or interrogatories where the description gives one.
    static func part(of axes: [String], in blank: Blank) -> String {
        func title(_ kind: SectionDescription.Kind, _ fallback: String) -> String {
            blank.sections.first { $0.kind == kind }?.titles.first ?? fallback
        }
        if axes.contains("NoteAxis") { return title(.notes, "Notes") }
        if axes.contains("InterrogatoryAxis") { return title(.interrogatories, "Interrogatories") }
        if axes.contains("PageAxis") { return "Tabular pages, as printed" }
        return "Cover and jurat"
    }

    /// A name's words, as a label says them: "NumberOfPoliciesOrCertificates" → "number of
    /// policies or certificates".
    static func words(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    static func heading(_ page: PageDescription, _ line: LineDescription) -> String {
        line.concept ?? "\(page.id)\(line.caption.filter { $0.isLetter || $0.isNumber })Heading"
    }

    package init(blank: Blank) {
        self.blank = blank
        for page in blank.pages { addPage(page) }
        addDocumentRole()
    }

    /// Where concepts added without a reference of their own are printed: the page, with its
    /// printed number, or the part of the statement.
    private var currentPart = ConceptReference(page: "")

    private mutating func add(_ concept: Concept) {
        if index[concept.name] != nil { return }
        var concept = concept
        if concept.reference == nil { concept.reference = currentPart }
        index[concept.name] = concepts.count
        concepts.append(concept)
    }

    private func roleURI(_ id: String) -> String { blank.taxonomyURL + "role/" + id }

    /// Adds an explicit dimension: its axis, its domain and its members (name, label, printed-at
    /// label, reference), each member once, in the order given; returns the members' names.
    private mutating func addDimension(_ axis: String, label: String, domain: String, domainLabel: String,
                                       members: [(name: String, label: String, printedAt: String, reference: ConceptReference)]) -> [String] {
        add(Concept(name: axis, kind: .explicitDimension, type: .abstract, periodType: .duration, label: label))
        add(Concept(name: domain, kind: .member, type: .abstract, periodType: .duration, label: domainLabel))
        var names: [String] = []
        for member in members where !names.contains(member.name) {
            names.append(member.name)
            add(Concept(name: member.name, kind: .member, type: .abstract, periodType: .duration, label: member.label,
                        printedAt: member.printedAt, reference: member.reference))
        }
        return names
    }

    private mutating func addPage(_ page: PageDescription) {
        var role = PageRole(page)
        var entriesRole: Role?
        currentPart = ConceptReference(page: page.title, pageNumber: page.printedPage)
        add(Concept(name: role.root, kind: .heading, type: .abstract, periodType: .duration, label: role.title))
        if page.orientation == .members {
            let items = addColumnItems(&role)
            addRowAxis(&role, items: items)
            addColumnArithmetic(&role)
            // An entry's cells are facts of the columns' items, with the entry's code in place of
            // a line's member.
            if page.hasEntries { entriesRole = addEntriesRole(role, items: items) }
        } else {
            // Columns that report items of their own (a count among amounts): one item per line
            // and suffix, of the columns' type and period.
            let suffixed = page.suffixedColumns.map { group in
                (suffix: group.suffix, column: page.columns[group.columns[0]], numbers: group.columns.map { page.columns[$0].number }.joined(separator: ", "))
            }
            let lineItems = addLines(&role, suffixed: suffixed)
            // The items of lines of entries: their facts carry the entry's code as well.
            let entries = Set(page.lines.filter(\.isEntries).compactMap(\.concept))
            addCaptionArithmetic(&role, suffixes: [""] + suffixed.filter { $0.column.adds }.map(\.suffix))
            addColumnAxis(&role, items: lineItems.filter { !entries.contains($0) })
            entriesRole = addEntriesRole(role, items: lineItems.filter { entries.contains($0) })
        }
        for cube in role.hypercubes {
            add(Concept(name: cube.table, kind: .hypercube, type: .abstract, periodType: .duration, label: "\(role.title) table"))
            add(Concept(name: cube.lineItems, kind: .heading, type: .abstract, periodType: .duration, label: "\(role.title) line items"))
        }
        roles.append(Role(id: page.id, uri: roleURI(page.id), definition: role.title,
                          presentation: role.presentation, calculation: role.calculation, hypercubes: role.hypercubes))
        if let entriesRole { roles.append(entriesRole) }
    }

    /// The role of a page's lines of entries (``LineDescription/entries``), where it has any: a
    /// hypercube of their items over the page's column axis (where its columns are members) and
    /// the entry's code (`LineAxis`), in a role of its own (the column axis in two hypercubes of
    /// one role would form an undirected cycle; on a page whose rows are members, the columns'
    /// items are then in the line axis's hypercube in the page's role and in this one, and a fact
    /// is valid in either).
    private mutating func addEntriesRole(_ role: PageRole, items: [String]) -> Role? {
        guard !items.isEmpty else { return nil }
        let page = role.page
        let columnAxes = page.orientation == .members ? [] : role.hypercubes.first { $0.table == "\(page.id)Table" }?.axes ?? []
        let cube = Hypercube(table: "\(page.id)EntriesTable", lineItems: "\(page.id)EntriesLineItems", primaryItems: items,
                             axes: columnAxes + [("LineAxis", nil, [])])
        add(Concept(name: cube.table, kind: .hypercube, type: .abstract, periodType: .duration, label: "\(role.title) entries table"))
        add(Concept(name: cube.lineItems, kind: .heading, type: .abstract, periodType: .duration, label: "\(role.title) entries"))
        return Role(id: "\(page.id)Entries", uri: roleURI("\(page.id)Entries"), definition: "\(role.title): entries",
                    presentation: [], calculation: [], hypercubes: [cube])
    }

    /// A page's role as it is built: its arcs and hypercubes.
    private struct PageRole {
        let page: PageDescription
        /// Worked out once: every line's printed-at label starts with it.
        let title: String
        let root: String
        var presentation: [Arc] = []
        var calculation: [Arc] = []
        var hypercubes: [Hypercube] = []

        init(_ page: PageDescription) {
            self.page = page
            title = page.title.capitalizedTitle
            root = "\(page.id)Abstract"
        }

        /// Where on this page a concept is printed.
        func at(line: String? = nil, column: String? = nil, detail: String? = nil) -> ConceptReference {
            ConceptReference(page: page.title, pageNumber: page.printedPage, line: line, column: column, detail: detail)
        }
    }

    /// A column's period as an item's period type: an instant where the line stands at one.
    private static func periodType(_ reference: PeriodReference?, _ instant: LineDescription.InstantPosition?) -> Concept.PeriodType {
        if instant != nil { return .instant }
        guard let reference else { return .duration }
        return StatementPeriods(statementDate: CalendarDate(year: 2001, month: 6, day: 30)).period(reference).isInstant ? .instant : .duration
    }

    /// A line's or column's value type as an item's data type (monetary where none is given).
    private static func dataType(_ type: LineDescription.ValueType?) -> Concept.DataType {
        switch type ?? .monetary {
        case .monetary: .monetary
        case .percent: .percent
        case .count: .count
        case .integer: .integer
        case .ratio: .ratio
        }
    }

    /// On a page whose rows are members: an item per column, then one per cell that reports an
    /// item of its own; returns the items' names.
    private mutating func addColumnItems(_ role: inout PageRole) -> [String] {
        let page = role.page, title = role.title
        var items: [String] = []
        for (order, column) in page.columns.enumerated() {
            guard let name = column.concept else { continue }
            let type: Concept.DataType = column.valueKind == .amount ? .monetary : .string
            add(Concept(name: name, kind: .item, type: type, periodType: Self.periodType(column.period, nil),
                        balance: type == .monetary ? column.balance ?? page.balance : nil, label: column.heading,
                        printedAt: "\(title), column \(column.number.isEmpty ? column.heading : column.number)",
                        reference: role.at(column: column.number.isEmpty ? column.heading : column.number)))
            if !items.contains(name) {
                items.append(name)
                role.presentation.append(Arc(from: role.root, to: name, order: order + 1, weight: 1))
            }
        }
        // Values printed inside a line's caption (Schedule E Part 1's number of depositories):
        // items of their own, in the first amount column's period, as on a page whose rows are
        // items; after the columns' items and the cells'.
        let slotPeriod = Self.periodType(page.columns.first { $0.valueKind == .amount }?.period, nil)
        var slotted = page.columns.count + 1 + page.describedCells.count
        for line in page.lines where !(line.slots ?? []).isEmpty {
            // Reported without the line axis: no item of the page's hypercube.
            addSlots(line, under: role.root, firstOrder: slotted + 1, period: slotPeriod, printedAt: "\(title), line \(line.line)", &role)
            slotted += line.slots?.count ?? 0
        }
        // Cells that report an item of their own (Schedule T's count of L responses on its
        // Subtotal line): after the line axis, so the columns keep their places.
        var described = 0
        for (l, c, cell) in page.describedCells {
            let line = page.lines[l], column = page.columns[c]
            let number = column.number.isEmpty ? column.heading : column.number
            add(Concept(name: cell.concept, kind: .item, type: .count, periodType: Self.periodType(column.period, nil),
                        label: cell.label ?? column.heading,
                        printedAt: "\(title), line \(line.line), column \(number)",
                        reference: role.at(line: line.line, column: number)))
            if !items.contains(cell.concept) {
                items.append(cell.concept)
                described += 1
                role.presentation.append(Arc(from: role.root, to: cell.concept, order: page.columns.count + 1 + described, weight: 1))
            }
        }
        return items
    }

    /// On a page whose rows are members: the line axis with a member per line, and the
    /// hypercube of the column items over it.
    private mutating func addRowAxis(_ role: inout PageRole, items: [String]) {
        let page = role.page, title = role.title
        let axis = Self.rowAxis(page), domain = Self.rowDomain(page)
        let members = addDimension(axis, label: "\(title) line", domain: domain, domainLabel: "All lines", members: page.lines.compactMap { line in
            line.member.map { (Self.member(page, $0, rows: true), line.caption.isEmpty ? "Line \(line.line)" : line.caption,
                               "\(title), line \(line.line)", role.at(line: line.line)) }
        })
        role.presentation.append(Arc(from: role.root, to: axis, order: page.columns.count + 1, weight: 1))
        role.presentation.append(Arc(from: axis, to: domain, order: 1, weight: 1))
        for (i, m) in members.enumerated() { role.presentation.append(Arc(from: domain, to: m, order: i + 1, weight: 1)) }
        if !items.isEmpty, !members.isEmpty {
            role.hypercubes.append(Hypercube(table: "\(page.id)Table", lineItems: "\(page.id)LineItems", primaryItems: items,
                                             axes: [(axis, domain, members)]))
        }
    }

    /// Column arithmetic ("Total Columns 2 Through 5") is a calculation within one context.
    private func addColumnArithmetic(_ role: inout PageRole) {
        let page = role.page
        for column in page.columns {
            guard let total = column.total, let formula = Formula(total), let totalConcept = column.concept else { continue }
            for (order, term) in formula.terms.enumerated() {
                guard case .single(let number) = term.reference,
                      let termConcept = page.columns.first(where: { $0.number == number })?.concept else { continue }
                role.calculation.append(Arc(from: totalConcept, to: termConcept, order: order + 1, weight: term.sign))
            }
        }
    }

    /// A column whose cells report items of their own: the items' name suffix, the column, and
    /// the numbers of the columns it stands for.
    private typealias SuffixedColumn = (suffix: String, column: ColumnDescription, numbers: String)

    /// On a page whose rows are items: each heading line, under the heading whose number starts
    /// its own, and each line's items; returns the items' names.
    private mutating func addLines(_ role: inout PageRole, suffixed: [SuffixedColumn]) -> [String] {
        var parents: [(prefix: String, name: String)] = []
        var orders: [String: Int] = [:]
        var items: [String] = []
        let columnPeriod = role.page.columns.first { $0.valueKind == .amount && $0.conceptSuffix == nil }?.period
        for line in role.page.lines {
            while let last = parents.last, !line.line.hasPrefix(last.prefix) { parents.removeLast() }
            let parent = parents.last?.name ?? role.root
            orders[parent, default: 0] += 1
            if line.isHeading {
                let name = Self.heading(role.page, line)
                add(Concept(name: name, kind: .heading, type: .abstract, periodType: .duration, label: line.caption,
                            printedAt: "\(role.title), line \(line.line)", reference: role.at(line: line.line)))
                role.presentation.append(Arc(from: parent, to: name, order: orders[parent] ?? 1, weight: 1))
                parents.append((line.line + ".", name))
                continue
            }
            guard let name = line.concept else { continue }
            addLineItems(line, name, parent: parent, orders: &orders, period: Self.periodType(columnPeriod, line.instant),
                         suffixed: suffixed, &role, items: &items)
        }
        return items
    }

    /// A line's item, its items in suffixed columns, and the amounts its caption prints.
    private mutating func addLineItems(_ line: LineDescription, _ name: String, parent: String, orders: inout [String: Int],
                                       period type: Concept.PeriodType, suffixed: [SuffixedColumn], _ role: inout PageRole, items: inout [String]) {
        let page = role.page
        // A line of entries is printed on the lines of its codes.
        let printedAt = "\(role.title), \(line.entries.map { "lines \($0.replacingAll("..", with: " to "))" } ?? "line \(line.line)")"
        // A write-in's caption is the filer's; the blank may still say what the line holds
        // (the IMR's "Year of amortization").
        let label = line.isWriteIn && line.caption.isEmpty ? "Write-in line \(line.line)" : line.caption.replacingAll("$", with: "$ ...")
        let lineType = Self.dataType(line.type)
        add(Concept(name: name, kind: .item, type: lineType, periodType: type,
                    balance: lineType == .monetary ? line.balance ?? page.balance : nil, label: label, printedAt: printedAt,
                    reference: role.at(line: line.entries?.replacingAll("..", with: " to ") ?? line.line)))
        items.append(name)
        role.presentation.append(Arc(from: parent, to: name, order: orders[parent] ?? 1, weight: 1))
        for (suffix, column, numbers) in suffixed {
            let type = Self.dataType(column.type)
            orders[parent, default: 0] += 1
            add(Concept(name: name + suffix, kind: .item, type: type, periodType: Self.periodType(column.period, line.instant),
                        balance: type == .monetary ? line.balance ?? page.balance : nil, label: "\(label) (\(Self.words(suffix)))",
                        printedAt: "\(printedAt), column\(numbers.contains(",") ? "s" : "") \(numbers)", reference: role.at(line: line.line, column: numbers)))
            items.append(name + suffix)
            role.presentation.append(Arc(from: parent, to: name + suffix, order: orders[parent] ?? 1, weight: 1))
        }
        addSlots(line, under: name, period: type, printedAt: printedAt, &role)
    }

    /// The items of the values a line prints inside its caption, under `parent` in the page's
    /// presentation.
    private mutating func addSlots(_ line: LineDescription, under parent: String, firstOrder: Int = 1, period type: Concept.PeriodType,
                                   printedAt: String, _ role: inout PageRole) {
        let count = line.slots?.count ?? 1
        let slotType = Self.dataType(line.slotType)
        let what = slotType == .monetary ? "amount" : "number"
        for (i, slot) in (line.slots ?? []).enumerated() {
            add(Concept(name: slot, kind: .item, type: slotType, periodType: type,
                        label: "\(line.caption.replacingAll("$", with: "$ ...")): \(what) \(count > 1 ? "\(i + 1) " : "")printed in the caption",
                        printedAt: printedAt,
                        reference: role.at(line: line.line, detail: "\(what) \(i + 1) printed in the caption")))
            role.presentation.append(Arc(from: parent, to: slot, order: firstOrder + i, weight: 1))
        }
    }

    /// The arithmetic printed in captions, where both sides share a context: for the lines'
    /// items, and for the items of suffixed columns that add up (`suffixes`; not percentages,
    /// whose printed roundings need not).
    private func addCaptionArithmetic(_ role: inout PageRole, suffixes sums: [String]) {
        let page = role.page
        for line in page.lines {
            for suffix in sums {
                guard let lineConcept = line.concept, let totalConcept = concept(lineConcept + suffix) else { continue }
                let total = lineConcept + suffix
                if let text = line.total, let formula = Formula(text), let terms = page.expand(formula) {
                    // A term in another period type (a balance among flows) cannot share the
                    // total's context, so such arithmetic is left to the checks.
                    var arcs: [Arc] = []
                    for (order, term) in terms.enumerated() {
                        // A line of entries sums facts in contexts of their own (each entry's
                        // code): its arithmetic is left to the checks.
                        guard !line.isEntries, let termLine = page.lines[safe: page.lineIndex(term.line)], !termLine.isEntries,
                              let termConcept = termLine.concept, case let name = termConcept + suffix,
                              concept(name)?.periodType == totalConcept.periodType else { arcs = []; break }
                        arcs.append(Arc(from: total, to: name, order: order + 1, weight: term.sign))
                    }
                    role.calculation += arcs
                }
                if let equals = line.equals, !line.isEntries, let otherLine = page.lines[safe: page.lineIndex(equals)], !otherLine.isEntries,
                   let otherConcept = otherLine.concept,
                   case let other = otherConcept + suffix, concept(other)?.periodType == totalConcept.periodType {
                    // "(Line 25 above)": the two lines are one amount. The one without its own
                    // arithmetic sums to the other; when both have arithmetic, each stands alone.
                    if otherLine.total == nil {
                        role.calculation.append(Arc(from: other, to: total, order: 1, weight: 1))
                    } else if line.total == nil {
                        role.calculation.append(Arc(from: total, to: other, order: 1, weight: 1))
                    }
                }
            }
        }
    }

    /// On a page whose rows are items and whose columns are members: the column axis with its
    /// members, and the hypercube of the line items over it.
    private mutating func addColumnAxis(_ role: inout PageRole, items: [String]) {
        let page = role.page, title = role.title
        let members = page.columns.compactMap(\.member)
        guard !members.isEmpty else { return }
        let axis = Self.columnAxis(page), domain = Self.columnDomain(page)
        // A member shared by a column of amounts and a column of counts (its "Number of
        // Pols/Certs") is labelled by the amounts' column's member label.
        let labelled = page.columns.filter { $0.conceptSuffix == nil } + page.columns.filter { $0.conceptSuffix != nil }
        let names = addDimension(axis, label: "\(title) column", domain: domain, domainLabel: "All columns", members: page.columns.compactMap { column in
            column.member.map { member in
                let first = labelled.first { $0.member == member } ?? column
                return (Self.member(page, member, rows: false), first.memberLabel ?? first.heading, "\(title), column \(first.number)", role.at(column: first.number))
            }
        })
        role.hypercubes.append(Hypercube(table: "\(page.id)Table", lineItems: "\(page.id)LineItems", primaryItems: items,
                                         axes: [(axis, domain, names)]))
    }

    private mutating func addDocumentRole() {
        let root = "DocumentAbstract"
        currentPart = ConceptReference(page: "Cover, notes and interrogatories")
        add(Concept(name: root, kind: .heading, type: .abstract, periodType: .duration, label: "Cover, notes and interrogatories"))
        var presentation: [Arc] = []
        for (axis, domain, label) in CommonConcepts.typedAxes {
            add(Concept(name: axis, kind: .typedDimension(domain: domain), type: .abstract, periodType: .duration, label: label))
        }
        var groups: [[String]: [String]] = [:]
        var groupOrder: [[String]] = []
        for (order, item) in CommonConcepts.items.enumerated() {
            add(Concept(name: item.name, kind: .item, type: item.type, periodType: item.period, label: item.label,
                        reference: ConceptReference(page: Self.part(of: item.axes, in: blank))))
            presentation.append(Arc(from: root, to: item.name, order: order + 1, weight: 1))
            if !item.axes.isEmpty {
                if groups[item.axes] == nil { groupOrder.append(item.axes) }
                groups[item.axes, default: []].append(item.name)
            }
        }
        roles.append(Role(id: "Document", uri: roleURI("Document"), definition: "Cover, notes and interrogatories",
                          presentation: presentation, calculation: [], hypercubes: []))
        // Each hypercube of typed dimensions gets a role of its own: hypercubes that share an
        // axis in one role would form the undirected cycles XBRL Dimensions forbids.
        for axes in groupOrder {
            let stem = axes.map { $0.replacingAll("Axis", with: "") }.joined()
            let cube = Hypercube(table: "\(stem)Table", lineItems: "\(stem)LineItems", primaryItems: groups[axes] ?? [],
                                 axes: axes.map { ($0, nil, []) })
            let label = "Items by " + axes.map { $0.replacingAll("Axis", with: "").lowercased() }.joined(separator: ", ")
            add(Concept(name: cube.table, kind: .hypercube, type: .abstract, periodType: .duration, label: label))
            add(Concept(name: cube.lineItems, kind: .heading, type: .abstract, periodType: .duration, label: label))
            roles.append(Role(id: "Dimensions\(stem)", uri: roleURI("Dimensions\(stem)"), definition: label,
                              presentation: [], calculation: [], hypercubes: [cube]))
        }
    }
}

extension TaxonomyModel {
    private static let cache = EditionCache<TaxonomyModel>()

    /// The taxonomy of `blank`, built once per process and edition.
    public static func of(_ blank: Blank) -> TaxonomyModel {
        cache.value(for: blank) { TaxonomyModel(blank: blank) }
    }
}


extension String {
    /// "LIABILITIES, SURPLUS AND OTHER FUNDS" → "Liabilities, Surplus and Other Funds".
    package var capitalizedTitle: String {
        let small: Set<String> = ["and", "of", "or", "the", "for", "to", "in", "by", "a", "an"]
        var out: [String] = []
        for (i, word) in split(separator: " ").enumerated() {
            let lower = word.lowercased()
            // A part's number ("Part 1A") and a schedule's letters ("Schedule DA") stay as printed.
            if word.count <= 3, word.allSatisfy({ $0.isUppercase || $0.isNumber }), !small.contains(lower) || i == 0,
               word.contains(where: \.isNumber) || ["DA", "BA", "DB", "A", "B", "D", "E", "S", "T", "Y"].contains(String(word)) {
                out.append(String(word))
            } else if i > 0, small.contains(lower) {
                out.append(lower)
            } else {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())
            }
        }
        return out.joined(separator: " ")
    }
}
