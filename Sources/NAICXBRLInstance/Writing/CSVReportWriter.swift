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

    /// The package's bytes, written in place: each file straight into the zip, its local header
    /// completed once its contents are written (``PackageEntries``). The files, in order:
    /// `reportPackage.json`, the metadata, the page tables, Facts.csv, PrintedForms.csv.
    ///
    /// `numbers`: the mapping's numbering of the facts' contexts and concepts (see
    /// ``FactNumbers``), so that no fact's context or concept is hashed again.
    func write(facts: [Fact], entity: String, name: String, statementDate: CalendarDate, numbers given: FactNumbers?) -> [UInt8] {
        var report = Report(self, facts: facts, numbers: FactNumbers.of(facts, given: given), statementDate: statementDate)
        report.placeFacts()
        var zip = CSVBytes(capacity: report.estimatedSize)
        var entries = PackageEntries()

        entries.begin("\(name)/META-INF/reportPackage.json", in: &zip)
        zip.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        zip.string(Self.packageDocumentType)
        zip.raw("\n  }\n}\n")
        entries.end(in: &zip)

        entries.begin("\(name)/reports/\(name).json", in: &zip)
        report.writeMetadata(entity: entity, into: &zip)
        entries.end(in: &zip)

        for table in report.templates.tables {
            entries.begin("\(name)/reports/\(blank.pages[table.page].id).csv", in: &zip)
            report.writePageTable(table, into: &zip)
            entries.end(in: &zip)
        }

        entries.begin("\(name)/reports/\(Self.factsTable).csv", in: &zip)
        report.writeFactsTable(into: &zip)
        entries.end(in: &zip)

        entries.begin("\(name)/reports/\(Self.printedFormsTable).csv", in: &zip)
        report.printedCSV.out.withBytes(in: 0..<report.printedCSV.out.count) { zip.raw($0) }
        entries.end(in: &zip)
        entries.finish(in: &zip)
        return zip.bytes
    }

    /// One report being written: its facts placed in the page tables' cells or kept for
    /// Facts.csv, and the tables' text.
    private struct Report: ~Copyable {
        let writer: CSVReportWriter
        let facts: [Fact]
        let numbers: FactNumbers
        let periods: StatementPeriods
        let layout: Layout
        let templates: CSVTemplates
        /// What each concept is and where its facts go, looked up once per concept.
        let places: [Layout.Place]
        /// Each context's period as a CSV field, worked out when first needed.
        var periodFields: [[UInt8]?]
        /// Each page's grid: the index of the fact in each cell (line by line), -1 where none.
        var grids: [[Int32]]
        /// The facts of no page cell, for Facts.csv.
        var others: [Int] = []
        /// Facts.csv's dimension columns: the axes of the other facts' contexts, sorted.
        var axisList: [String] = []
        /// A context's dimension fields in Facts.csv, written once per context.
        var axisFieldCache: [[UInt8]?]
        /// PrintedForms.csv, written as the printed forms come: the pages' cells, then Facts.csv's.
        var printedCSV = CSVBytes(capacity: 4096)

        init(_ writer: CSVReportWriter, facts: [Fact], numbers: FactNumbers, statementDate: CalendarDate) {
            self.writer = writer
            self.facts = facts
            self.numbers = numbers
            periods = StatementPeriods(statementDate: statementDate)
            layout = Layout.of(writer.blank)
            templates = CSVTemplates.of(writer.blank)
            let layout = self.layout
            places = numbers.concepts.map { layout.places[$0] ?? Layout.Place() }
            periodFields = [[UInt8]?](repeating: nil, count: numbers.contexts.count)
            axisFieldCache = [[UInt8]?](repeating: nil, count: numbers.contexts.count)
            grids = writer.blank.pages.map { page in [Int32](repeating: -1, count: page.lines.count * page.columns.count) }
            printedCSV.row(["table", "row", "column", "printed"])
        }

        /// Room for the whole package: the page tables' cells, the other facts, the printed forms.
        var estimatedSize: Int {
            let pages = writer.blank.pages
            let cells = templates.tables.reduce(0) { $0 + pages[$1.page].lines.count * ($1.columns.count + 2) }
            return templates.members.count + 64 * cells + 96 * others.count + printedCSV.out.count + 8192
        }

        /// Puts each fact in the cell of a page table its concept and context give, or in
        /// Facts.csv; then works out Facts.csv's dimension columns.
        mutating func placeFacts() {
            var expected = FactImporter.ExpectedContexts(blank: writer.blank, periods: periods)
            for i in facts.indices {
                let place = places[numbers.factConcepts[i]]
                var placed = false
                // A nil fact goes to Facts.csv: a grid column has decimals, which a nil fact must not.
                if case .none = facts[i].value {
                    placed = false
                } else if let (p, l, instant) = place.line, place.monetary {
                    let width = layout.widths[p]
                    let columns = expected.columns(number: numbers.factContexts[i], of: numbers.contexts, page: p, instant: instant)
                    // Not in a column whose cells report items of their own (they are in Facts.csv).
                    if let c = columns.first(where: { grids[p][l * width + $0] < 0 && !layout.suffixed[p][$0] }) {
                        placeInGrid(i, page: p, line: l, column: c)
                        placed = true
                    }
                } else if !place.columns.isEmpty {
                    let context = numbers.contexts[numbers.factContexts[i]]
                    for (p, c, period) in place.columns {
                        let width = layout.widths[p]
                        guard periods.period(period) == context.period, context.typed.isEmpty,
                              context.explicit.count == 1, let member = context.explicit[layout.rowAxes[p]],
                              let l = layout.rowMembers[p][member], grids[p][l * width + c] < 0 else { continue }
                        placeInGrid(i, page: p, line: l, column: c)
                        placed = true
                        break
                    }
                }
                if !placed { others.append(i) }
            }
            // The axes are few: a list, not a set.
            var axes: [String] = []
            var contextSeen = [Bool](repeating: false, count: numbers.contexts.count)
            for i in others where !contextSeen[numbers.factContexts[i]] {
                let context = numbers.contexts[numbers.factContexts[i]]
                contextSeen[numbers.factContexts[i]] = true
                for (axis, _) in context.explicit.sorted where !axes.contains(axis) { axes.append(axis) }
                for (axis, _) in context.typed.sorted where !axes.contains(axis) { axes.append(axis) }
            }
            axisList = axes.sorted()
        }

        private mutating func placeInGrid(_ i: Int, page p: Int, line l: Int, column c: Int) {
            grids[p][l * layout.widths[p] + c] = Int32(truncatingIfNeeded: i)
            if let printed = facts[i].printedForm { printedForm(layout.pageIDs[p], l + 1, layout.columnNames[p][c], printed) }
        }

        /// A row of PrintedForms.csv.
        private mutating func printedForm(_ table: String, _ row: Int, _ column: String, _ printed: String) {
            printedCSV.field(table)
            printedCSV.comma()
            printedCSV.integer(row)
            printedCSV.comma()
            printedCSV.field(column)
            printedCSV.comma()
            printedCSV.field(printed)
            printedCSV.endRow()
        }

        private mutating func periodField(_ n: Int) -> [UInt8] {
            if let known = periodFields[n] { return known }
            var field = CSVBytes(capacity: 48)
            JSONReportWriter.period(numbers.contexts[n].period, into: &field)
            let bytes = field.bytes
            periodFields[n] = bytes
            return bytes
        }

        /// A fact's value as a cell: canonical, with a decimals suffix where its decimals are not
        /// the column's (0).
        private func cell(_ i: Int, into csv: inout CSVBytes) {
            switch facts[i].value {
            case .amount(let amount, let scale):
                let decimals = amount.fractionDigits - scale.exponent
                csv.canonicalDecimal(InstanceWriter.scaled(amount, scale))
                if decimals != 0 {
                    csv.raw(0x64)   // d
                    csv.integer(decimals)
                }
            case .text(let t): csv.field(CSVReportWriter.escaped(t))
            case .boolean(let b): csv.field(b ? "true" : "false")
            case .date(let d): csv.date(d)
            case .none: csv.field("#nil")
            }
        }

        /// The metadata: the edition's templates of the pages (the taxonomy's), the values of
        /// the period parameters they refer to, then the tables of this report's other facts.
        func writeMetadata(entity: String, into zip: inout CSVBytes) {
            let prefix = writer.taxonomy.prefix
            zip.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
            zip.string(CSVReportWriter.documentType)
            zip.raw(",\n")
            zip.namespaces([(JSONReportWriter.entityPrefix, InstanceWriter.entityScheme), ("iso4217", XBRLNamespace.iso4217),
                            (prefix, writer.taxonomy.namespace), ("xbrl", JSONReportWriter.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)],
                           taxonomy: writer.taxonomy.entryPointURL)
            if !templates.parameters.isEmpty {
                zip.raw(",\n  \"parameters\": {")
                for (n, parameter) in templates.parameters.enumerated() {
                    zip.raw(n == 0 ? "\n    " : ",\n    ")
                    zip.string(parameter.name)
                    zip.raw(": \"")
                    JSONReportWriter.period(periods.period(parameter.reference), into: &zip)
                    zip.raw("\"")
                }
                zip.raw("\n  }")
            }
            zip.raw(",\n  \"dimensions\": {\"entity\": ")
            zip.string(JSONReportWriter.entityPrefix + ":" + entity)
            zip.raw("},\n  \"tableTemplates\": {")
            zip.raw(templates.members)
            zip.raw(templates.tables.isEmpty ? "\n    " : ",\n    ")
            zip.string(CSVReportWriter.factsTable)
            zip.raw(": {\n      \"columns\": {\n        \"concept\": {},\n        \"period\": {},\n        \"unit\": {},\n        \"decimals\": {}")
            for axis in axisList {
                zip.raw(",\n        ")
                zip.string(axis)
                zip.raw(": {}")
            }
            zip.raw(",\n        \"value\": {\"decimals\": \"$decimals\", \"dimensions\": {\"concept\": \"$concept\", \"period\": \"$period\", \"unit\": \"$unit\"")
            for axis in axisList {
                zip.raw(", ")
                zip.string(prefix + ":" + axis)
                zip.raw(": ")
                zip.string("$" + axis)
            }
            zip.raw("}}\n      }\n    }")
            zip.raw(",\n    ")
            zip.string(CSVReportWriter.printedFormsTable)
            zip.raw(": {\n      \"columns\": {\n        \"table\": {\"comment\": true},\n        \"row\": {\"comment\": true},\n        \"column\": {\"comment\": true},\n        \"printed\": {\"comment\": true}\n      }\n    }")
            zip.raw("\n  },\n  \"tables\": {")
            for (n, id) in (templates.tables.map(\.id) + [CSVReportWriter.factsTable, CSVReportWriter.printedFormsTable]).enumerated() {
                zip.raw(n == 0 ? "\n    " : ",\n    ")
                zip.string(id)
                zip.raw(": {\"template\": ")
                zip.string(id)
                zip.raw(", \"url\": ")
                zip.string(id + ".csv")
                zip.raw("}")
            }
            zip.raw("\n  }\n}\n")
        }

        /// A page's table: a row per line of the page, its cells from the page's grid.
        mutating func writePageTable(_ table: CSVTemplates.Table, into zip: inout CSVBytes) {
            let p = table.page, lineCount = writer.blank.pages[p].lines.count
            zip.raw(table.header)
            let grid = grids[p]
            let width = layout.widths[p]
            let rowFields = layout.rowFields[p]
            for l in 0..<lineCount {
                zip.raw(table.rowHeads[l])
                // The row's concept or member only where a cell uses it (xBRL-CSV: a value no
                // fact uses is an error).
                if grid[(l * width)..<(l * width + width)].contains(where: { $0 >= 0 }) { zip.raw(rowFields[l]) }
                for (c, _) in table.columns {
                    zip.comma()
                    let i = Int(grid[l * width + c])
                    if i >= 0 { cell(i, into: &zip) }
                    if table.mixed {
                        zip.comma()
                        if i >= 0 { zip.raw(periodField(numbers.factContexts[i])) }
                    }
                }
                zip.endRow()
            }
        }

        /// Facts.csv: the other facts, one row each.
        mutating func writeFactsTable(into zip: inout CSVBytes) {
            let prefix = writer.taxonomy.prefix
            zip.row(["concept", "period", "unit", "decimals"] + axisList + ["value"])
            for (row, i) in others.enumerated() {
                let k = numbers.factConcepts[i]
                let place = places[k]
                zip.name(prefix, numbers.concepts[k], plain: place.plainName)
                zip.comma()
                let n = numbers.factContexts[i]
                zip.raw(periodField(n))
                zip.comma()
                if place.monetary { zip.raw("iso4217:USD") }
                zip.comma()
                if case .amount(let amount, let scale) = facts[i].value { zip.integer(amount.fractionDigits - scale.exponent) }
                zip.raw(axisFields(n))
                zip.comma()
                switch facts[i].value {
                case .amount(let amount, let scale): zip.canonicalNumber(InstanceWriter.scaled(amount, scale), integer: place.integer)
                default: cell(i, into: &zip)
                }
                zip.endRow()
                if let printed = facts[i].printedForm { printedForm(CSVReportWriter.factsTable, row + 1, "value", printed) }
            }
        }

        /// A context's dimension columns, each after a comma: its members and typed values
        /// walked beside the axes (all three sorted by axis).
        private mutating func axisFields(_ n: Int) -> [UInt8] {
            if let known = axisFieldCache[n] { return known }
            let context = numbers.contexts[n]
            let explicit = context.explicit.sorted, typed = context.typed.sorted
            var e = 0, t = 0
            var fields = CSVBytes(capacity: 24 * axisList.count + 8)
            for axis in axisList {
                fields.comma()
                if e < explicit.count, explicit[e].key == axis {
                    fields.field(writer.taxonomy.prefix, explicit[e].value)
                    e += 1
                } else if t < typed.count, typed[t].key == axis {
                    fields.field(CSVReportWriter.escaped(typed[t].value))
                    t += 1
                }
            }
            let bytes = fields.bytes
            axisFieldCache[n] = bytes
            return bytes
        }
    }

    /// The files of a package written into one buffer, in place: each local header written
    /// first without the entry's CRC and size, then again over itself once its contents are
    /// written, so that no file is copied into the package.
    private struct PackageEntries {
        var records: [ZipArchive.Record] = []

        mutating func begin(_ path: String, in zip: inout CSVBytes) {
            let record = ZipArchive.Record(name: Array(path.utf8), offset: zip.out.count)
            zip.raw(ZipArchive.localHeader(record))
            records.append(record)
        }

        mutating func end(in zip: inout CSVBytes) {
            var record = records.removeLast()
            let contents = record.contentsOffset..<zip.out.count
            record.size = contents.count
            record.crc = zip.out.withBytes(in: contents) { ZipArchive.crc32($0) }
            zip.out.overwrite(at: record.offset, with: ZipArchive.localHeader(record))
            records.append(record)
        }

        func finish(in zip: inout CSVBytes) {
            zip.raw(ZipArchive.centralDirectory(records, at: zip.out.count))
        }
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
            /// The line of an items page: (page, line, the line's instant).
            var line: (Int, Int, LineDescription.InstantPosition?)?
            /// The columns of members pages: (page, column, the column's period).
            var columns: [(Int, Int, PeriodReference)] = []
        }

        var places: [String: Place] = [:]
        /// Each page's id, number of columns, and its columns' names in the tables.
        var pageIDs: [String] = []
        var widths: [Int] = []
        var columnNames: [[String]] = []
        /// Each page's row axis and, on a members page, the line of each row member.
        var rowAxes: [String] = []
        var rowMembers: [[String: Int]] = []
        /// Each line's concept (or, on a members page, member) field: what its row says after
        /// the line number and caption where a cell holds a fact.
        var rowFields: [[[UInt8]]] = []
        /// Per page and column: whether the column's cells report items of their own
        /// (``ColumnDescription/conceptSuffix``), which the page table leaves out.
        var suffixed: [[Bool]] = []

        init(_ blank: Blank) {
            let taxonomy = TaxonomyModel.of(blank)
            let prefix = taxonomy.prefix
            let plainPrefix = Text.withBytes(prefix) { ReportBytes.plain($0) }
            for concept in taxonomy.concepts {
                places[concept.name] = Place(monetary: concept.type == .monetary, integer: concept.type == .integer || concept.type == .count,
                                             plainName: plainPrefix && Text.withBytes(concept.name) { ReportBytes.plain($0) })
            }
            for (p, page) in blank.pages.enumerated() {
                pageIDs.append(page.id)
                widths.append(page.columns.count)
                suffixed.append(page.columns.map { page.orientation == .items && $0.conceptSuffix != nil })
                columnNames.append(page.columns.map(CSVTemplates.columnName))
                rowAxes.append(TaxonomyModel.rowAxis(page))
                var members: [String: Int] = [:]
                for (l, line) in page.lines.enumerated() {
                    if page.orientation == .items, let concept = line.concept { places[concept, default: Place()].line = (p, l, line.instant) }
                    if page.orientation == .members, let member = line.member { members[TaxonomyModel.member(page, member, rows: true)] = l }
                }
                rowMembers.append(members)
                if page.orientation == .members {
                    for (c, column) in page.columns.enumerated() {
                        if let concept = column.concept { places[concept, default: Place()].columns.append((p, c, column.period ?? .currentYearToDate)) }
                    }
                }
            }
            for page in blank.pages {
                rowFields.append(page.lines.map { line in
                    var field = CSVBytes(capacity: 64)
                    if page.orientation == .members {
                        if let member = line.member { field.field(prefix + ":" + TaxonomyModel.member(page, member, rows: true)) }
                    } else if let concept = line.concept {
                        field.name(prefix, concept, plain: places[concept]?.plainName ?? false)
                    }
                    return field.bytes
                })
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
        write(facts: facts, entity: entity, name: Self.packageName(name), statementDate: statementDate, numbers: numbers)
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
        guard let first = text.utf8.first else { return "#empty" }
        return first == 0x23 ? "#" + text : text
    }
}
