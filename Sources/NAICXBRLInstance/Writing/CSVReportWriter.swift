@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Writes facts as an xBRL-CSV 1.0 report in a Report Package 1.0 (`.xbr`, a zip): one CSV
/// table per statement page in the printed shape, a table of the other facts, and the metadata
/// JSON that maps every cell to its concept, period and dimensions.
///
/// The package (`NAME` is the file's name without `.xbr`):
///
///     NAME/META-INF/reportPackage.json    documentType https://xbrl.org/report-package/2023/xbr
///     NAME/reports/NAME.json              the xBRL-CSV metadata (the report's entry point)
///     NAME/reports/Assets.csv             one table per page of the blank, in the blank's order
///     NAME/reports/Facts.csv              every other fact: cover, notes, interrogatories, …
///     NAME/reports/PrintedForms.csv       printed forms ($ 38, -, XXX) by table, row, column
///
/// - **A page's table** has a row per line of the page, in printed order: `line` and `caption`
///   (comment columns: what the page prints), `concept` (the line's concept, or on a page whose
///   rows are members, `member`, the row's member), then one column per printed column, named
///   `c` and the blank's column number (`c1`, `c2`…). A column's cells are facts whose
///   dimensions the metadata gives: the concept from the row, the column's period and member
///   (Assets' Gross, Nonadmitted, Net Admitted), the unit `iso4217:USD`, decimals 0 (a cell
///   printed with other precision carries it as xBRL-CSV's suffix, `4933708.07d2`). A page
///   where some lines are balances among flows (Summary of Operations' "Capital and surplus,
///   December 31, prior year") has a period column beside each value column (`p1`, `p2`…) giving
///   each cell's period. The page templates are the taxonomy's (``CSVTemplates``): a column's
///   period is a parameter, and the metadata's `parameters` give this statement's. A nil fact (a dash or `XXX` printed for the value) is in Facts.csv,
///   since a column's decimals cannot apply to it.
/// - **Facts.csv** holds the facts that are no cell of a page grid (the cover, notes,
///   interrogatories, caption amounts, printed captions): `concept`, `period`, `unit`,
///   `decimals`, a column per taxonomy dimension used, and `value`.
/// - **PrintedForms.csv** is a table of comment columns only, so OIM processors produce no facts
///   from it: `table`, `row` (the data row, from 1), `column`, `printed`. xBRL-CSV has no
///   footnotes of its own; this is where the printed form the XML instance keeps as a footnote
///   is kept, so that the package imports to the statement exactly.
///
/// Values are canonical, as in the xBRL-JSON report. The bytes depend only on the facts.
@_spi(Stages) public struct CSVReportWriter: Sendable {
    @_spi(Stages) public let blank: Blank
    @_spi(Stages) public let taxonomy: TaxonomyModel

    @_spi(Stages) public init(blank: Blank, taxonomy: TaxonomyModel) {
        self.blank = blank
        self.taxonomy = taxonomy
    }

    @_spi(Stages) public static let documentType = CSVTemplates.documentType
    @_spi(Stages) public static let packageDocumentType = "https://xbrl.org/report-package/2023/xbr"
    static let factsTable = "Facts"
    static let printedFormsTable = "PrintedForms"

    /// The package's files, in order: (path inside the zip, bytes).
    @_spi(Stages) public func files(facts: [Fact], entity: String, name: String, statementDate: CalendarDate) -> [(path: String, contents: [UInt8])] {
        files(facts: facts, entity: entity, name: name, statementDate: statementDate, numbers: nil)
    }

    /// `numbers`: the mapping's numbering of the facts' contexts and concepts (see
    /// ``FactNumbers``), so that no fact's context or concept is hashed again.
    func files(facts: [Fact], entity: String, name: String, statementDate: CalendarDate, numbers given: FactNumbers?) -> [(path: String, contents: [UInt8])] {
        let numbers = FactNumbers.of(facts, given: given)
        let prefix = taxonomy.prefix
        let xmlWriter = InstanceWriter(taxonomy: taxonomy)
        let periods = StatementPeriods(statementDate: statementDate)
        var expected = FactImporter.ExpectedContexts(blank: blank, periods: periods)
        let pages = blank.pages

        // What each concept is and where its facts go, looked up once per concept.
        let layout = Layout.of(blank)
        let places: [Layout.Place] = numbers.concepts.map { layout.places[$0] ?? Layout.Place() }
        // Each context's period as a CSV field, worked out when first needed.
        var periodFields = [[UInt8]?](repeating: nil, count: numbers.contexts.count)
        func periodField(_ n: Int) -> [UInt8] {
            if let known = periodFields[n] { return known }
            var field = CSVBytes(capacity: 48)
            JSONReportWriter.period(numbers.contexts[n].period, into: &field)
            let bytes = field.bytes
            periodFields[n] = bytes
            return bytes
        }

        // Each page's grid: the index of the fact in each cell (line by line), -1 where none.
        var grids: [[Int32]] = pages.map { page in [Int32](repeating: -1, count: page.lines.count * page.columns.count) }
        // PrintedForms.csv, written as the printed forms come: the pages' cells, then Facts.csv's.
        var printedCSV = CSVBytes(capacity: 4096)
        printedCSV.row(["table", "row", "column", "printed"])
        func printedForm(_ table: String, _ row: Int, _ column: String, _ printed: String) {
            printedCSV.field(table)
            printedCSV.comma()
            printedCSV.integer(row)
            printedCSV.comma()
            printedCSV.field(column)
            printedCSV.comma()
            printedCSV.field(printed)
            printedCSV.endRow()
        }
        var others: [Int] = []

        for i in facts.indices {
            let place = places[numbers.factConcepts[i]]
            var placed = false
            // A nil fact goes to Facts.csv: a grid column has decimals, which a nil fact must not.
            if case .none = facts[i].value {
                placed = false
            } else if let (p, l) = place.line, place.monetary {
                let width = pages[p].columns.count
                let n = numbers.factContexts[i]
                let columns = expected.columns(matching: numbers.contexts[n], number: n, page: p, instant: pages[p].lines[l].instant)
                if let c = columns.first(where: { grids[p][l * width + $0] < 0 }) {
                    grids[p][l * width + c] = Int32(truncatingIfNeeded: i)
                    if let printed = facts[i].printedForm { printedForm(pages[p].id, l + 1, CSVTemplates.columnName(pages[p].columns[c]), printed) }
                    placed = true
                }
            } else if !place.columns.isEmpty {
                let context = numbers.contexts[numbers.factContexts[i]]
                for (p, c) in place.columns {
                    let page = pages[p], column = page.columns[c]
                    guard periods.period(column.period ?? .currentYearToDate) == context.period, context.typed.isEmpty,
                          context.explicit.count == 1, let member = context.explicit[layout.rowAxes[p]],
                          let l = layout.rowMembers[p][member], grids[p][l * page.columns.count + c] < 0 else { continue }
                    grids[p][l * page.columns.count + c] = Int32(truncatingIfNeeded: i)
                    if let printed = facts[i].printedForm { printedForm(page.id, l + 1, CSVTemplates.columnName(column), printed) }
                    placed = true
                    break
                }
            }
            if !placed { others.append(i) }
        }

        // A fact's value as a cell: canonical, with a decimals suffix where its decimals are not
        // the column's (0).
        func cell(_ i: Int, into csv: inout CSVBytes) {
            switch facts[i].value {
            case .amount(let amount, let scale):
                let decimals = amount.fractionDigits - scale.exponent
                csv.canonicalDecimal(xmlWriter.scaled(amount, scale))
                if decimals != 0 {
                    csv.raw(0x64)   // d
                    csv.integer(decimals)
                }
            case .text(let t): csv.field(Self.escaped(t))
            case .boolean(let b): csv.field(b ? "true" : "false")
            case .date(let d): csv.date(d)
            case .none: csv.field("#nil")
            }
        }

        // The metadata: the edition's templates of the pages (the taxonomy's), the values of
        // the period parameters they refer to, then the tables of this report's other facts.
        let templates = CSVTemplates.of(blank)
        var meta = JSONBytes(capacity: templates.members.count + 4096)
        meta.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        meta.string(Self.documentType)
        meta.raw(",\n")
        meta.namespaces([(JSONReportWriter.entityPrefix, InstanceWriter.entityScheme), ("iso4217", XBRLNamespace.iso4217), (prefix, taxonomy.namespace),
                         ("xbrl", JSONReportWriter.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)], taxonomy: taxonomy.entryPointURL)
        if !templates.parameters.isEmpty {
            meta.raw(",\n  \"parameters\": {")
            for (n, reference) in templates.parameters.enumerated() {
                meta.raw(n == 0 ? "\n    " : ",\n    ")
                meta.string(CSVTemplates.parameterName(reference))
                meta.raw(": \"")
                JSONReportWriter.period(periods.period(reference), into: &meta)
                meta.raw("\"")
            }
            meta.raw("\n  }")
        }
        meta.raw(",\n  \"dimensions\": {\"entity\": ")
        meta.string(JSONReportWriter.entityPrefix + ":" + entity)
        meta.raw("},\n  \"tableTemplates\": {")
        meta.raw(templates.members)
        var tables: [(id: String, csv: [UInt8])] = []

        for table in templates.tables {
            let p = table.page, page = pages[p]
            var csv = CSVBytes(capacity: 64 * page.lines.count * (table.columns.count + 2))
            csv.raw(table.header)
            let grid = grids[p]
            let width = page.columns.count
            for (l, line) in page.lines.enumerated() {
                csv.raw(table.rowHeads[l])
                // The row's concept or member only where a cell uses it (xBRL-CSV: a value no
                // fact uses is an error).
                if !grid[(l * width)..<(l * width + width)].contains(where: { $0 >= 0 }) {
                } else if table.members {
                    if let member = line.member { csv.field(prefix + ":" + TaxonomyModel.member(page, member, rows: true)) }
                } else if let concept = line.concept {
                    csv.name(prefix, concept, plain: layout.places[concept]?.plainName ?? false)
                }
                for (c, _) in table.columns {
                    csv.comma()
                    let i = Int(grid[l * width + c])
                    if i >= 0 { cell(i, into: &csv) }
                    if table.mixed {
                        csv.comma()
                        if i >= 0 { csv.raw(periodField(numbers.factContexts[i])) }
                    }
                }
                csv.endRow()
            }
            tables.append((page.id, csv.bytes))
        }

        // The other facts, one row each.
        // The axes are few: a list, not a set.
        var axes: [String] = []
        var contextSeen = [Bool](repeating: false, count: numbers.contexts.count)
        for i in others where !contextSeen[numbers.factContexts[i]] {
            let context = numbers.contexts[numbers.factContexts[i]]
            contextSeen[numbers.factContexts[i]] = true
            for (axis, _) in context.explicit.sorted where !axes.contains(axis) { axes.append(axis) }
            for (axis, _) in context.typed.sorted where !axes.contains(axis) { axes.append(axis) }
        }
        let axisList = axes.sorted()
        meta.raw(tables.isEmpty ? "\n    " : ",\n    ")
        meta.string(Self.factsTable)
        meta.raw(": {\n      \"columns\": {\n        \"concept\": {},\n        \"period\": {},\n        \"unit\": {},\n        \"decimals\": {}")
        for axis in axisList {
            meta.raw(",\n        ")
            meta.string(axis)
            meta.raw(": {}")
        }
        meta.raw(",\n        \"value\": {\"decimals\": \"$decimals\", \"dimensions\": {\"concept\": \"$concept\", \"period\": \"$period\", \"unit\": \"$unit\"")
        for axis in axisList {
            meta.raw(", ")
            meta.string(prefix + ":" + axis)
            meta.raw(": ")
            meta.string("$" + axis)
        }
        meta.raw("}}\n      }\n    }")
        var factsCSV = CSVBytes(capacity: 96 * others.count + 256)
        factsCSV.row(["concept", "period", "unit", "decimals"] + axisList + ["value"])
        // A context's dimension fields, written once per context.
        var axisFieldCache = [[UInt8]?](repeating: nil, count: numbers.contexts.count)
        // A context's dimension columns, each after a comma: its members and typed values
        // walked beside the axes (all three sorted by axis).
        func axisFields(_ n: Int) -> [UInt8] {
            if let known = axisFieldCache[n] { return known }
            let context = numbers.contexts[n]
            let explicit = context.explicit.sorted, typed = context.typed.sorted
            var e = 0, t = 0
            var fields = CSVBytes(capacity: 24 * axisList.count + 8)
            for axis in axisList {
                fields.comma()
                if e < explicit.count, explicit[e].key == axis {
                    fields.field(prefix, explicit[e].value)
                    e += 1
                } else if t < typed.count, typed[t].key == axis {
                    fields.field(Self.escaped(typed[t].value))
                    t += 1
                }
            }
            let bytes = fields.bytes
            axisFieldCache[n] = bytes
            return bytes
        }
        for (row, i) in others.enumerated() {
            let k = numbers.factConcepts[i]
            let place = places[k]
            factsCSV.name(prefix, numbers.concepts[k], plain: place.plainName)
            factsCSV.comma()
            let n = numbers.factContexts[i]
            factsCSV.raw(periodField(n))
            factsCSV.comma()
            if place.monetary { factsCSV.raw("iso4217:USD") }
            factsCSV.comma()
            if case .amount(let amount, let scale) = facts[i].value { factsCSV.integer(amount.fractionDigits - scale.exponent) }
            factsCSV.raw(axisFields(n))
            factsCSV.comma()
            switch facts[i].value {
            case .amount(let amount, let scale): factsCSV.canonicalNumber(xmlWriter.scaled(amount, scale), integer: place.integer)
            default: cell(i, into: &factsCSV)
            }
            factsCSV.endRow()
            if let printed = facts[i].printedForm { printedForm(Self.factsTable, row + 1, "value", printed) }
        }
        tables.append((Self.factsTable, factsCSV.bytes))

        meta.raw(",\n    ")
        meta.string(Self.printedFormsTable)
        meta.raw(": {\n      \"columns\": {\n        \"table\": {\"comment\": true},\n        \"row\": {\"comment\": true},\n        \"column\": {\"comment\": true},\n        \"printed\": {\"comment\": true}\n      }\n    }")
        tables.append((Self.printedFormsTable, printedCSV.bytes))

        meta.raw("\n  },\n  \"tables\": {")
        for (n, table) in tables.enumerated() {
            meta.raw(n == 0 ? "\n    " : ",\n    ")
            meta.string(table.id)
            meta.raw(": {\"template\": ")
            meta.string(table.id)
            meta.raw(", \"url\": ")
            meta.string(table.id + ".csv")
            meta.raw("}")
        }
        meta.raw("\n  }\n}\n")

        var package = JSONBytes()
        package.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        package.string(Self.packageDocumentType)
        package.raw("\n  }\n}\n")
        var files: [(path: String, contents: [UInt8])] = [("\(name)/META-INF/reportPackage.json", package.bytes),
                                                          ("\(name)/reports/\(name).json", meta.bytes)]
        for table in tables { files.append(("\(name)/reports/\(table.id).csv", table.csv)) }
        return files
    }

    /// Where the facts of each concept of an edition go in the page tables, and what the concept
    /// is: the same for every report of the edition, so worked out once.
    struct Layout: Sendable {
        struct Place: Sendable {
            var monetary = false
            var integer = false
            /// `prefix:name` needs no quoting or replacing in a CSV field (a taxonomy name,
            /// checked once).
            var plainName = false
            /// The line of an items page: (page, line).
            var line: (Int, Int)?
            /// The columns of members pages: (page, column).
            var columns: [(Int, Int)] = []
        }

        var places: [String: Place] = [:]
        /// Each page's row axis and, on a members page, the line of each row member.
        var rowAxes: [String] = []
        var rowMembers: [[String: Int]] = []

        init(_ blank: Blank) {
            let taxonomy = TaxonomyModel.of(blank)
            let plainPrefix = Text.withBytes(taxonomy.prefix) { ReportBytes.plain($0) }
            for concept in taxonomy.concepts {
                places[concept.name] = Place(monetary: concept.type == .monetary, integer: concept.type == .integer || concept.type == .count,
                                             plainName: plainPrefix && Text.withBytes(concept.name) { ReportBytes.plain($0) })
            }
            for (p, page) in blank.pages.enumerated() {
                rowAxes.append(TaxonomyModel.rowAxis(page))
                var members: [String: Int] = [:]
                for (l, line) in page.lines.enumerated() {
                    if page.orientation == .items, let concept = line.concept { places[concept, default: Place()].line = (p, l) }
                    if page.orientation == .members, let member = line.member { members[TaxonomyModel.member(page, member, rows: true)] = l }
                }
                rowMembers.append(members)
                if page.orientation == .members {
                    for (c, column) in page.columns.enumerated() {
                        if let concept = column.concept { places[concept, default: Place()].columns.append((p, c)) }
                    }
                }
            }
        }

        private static let cache = EditionCache<Layout>()

        static func of(_ blank: Blank) -> Layout {
            cache.value(for: blank) { Layout(blank) }
        }
    }

    /// The report package's bytes: a zip of stored entries (``ZipArchive``).
    @_spi(Stages) public func package(facts: [Fact], entity: String, name: String, statementDate: CalendarDate) -> [UInt8] {
        package(facts: facts, entity: entity, name: name, statementDate: statementDate, numbers: nil)
    }

    package func package(facts: [Fact], entity: String, name: String, statementDate: CalendarDate, numbers: FactNumbers?) -> [UInt8] {
        ZipArchive.stored(files(facts: facts, entity: entity, name: Self.packageName(name), statementDate: statementDate, numbers: numbers))
    }

    /// A package's top folder: the file's name, with characters other than letters, digits,
    /// `-`, `_` and `.` as `_` (so that no name can climb out of the package).
    static func packageName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
        })
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "." }) ? "report" : cleaned
    }

    /// A text as a cell value: an empty text is `#empty`, and a leading `#` is doubled (xBRL-CSV's
    /// special values start with `#`).
    static func escaped(_ text: String) -> String {
        if text.isEmpty { return "#empty" }
        if text.hasPrefix("#") { return "#" + text }
        return text
    }
}
