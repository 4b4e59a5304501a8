import NAICXBRLCore
import NAICXBRLXML
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
///   each cell's period. A nil fact (a dash or `XXX` printed for the value) is in Facts.csv,
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

    @_spi(Stages) public static let documentType = "https://xbrl.org/2021/xbrl-csv"
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

        // Where facts can go: the line of an items page, the column of a members page.
        var itemLines: [String: (Int, Int)] = [:]
        var memberColumns: [String: [(Int, Int)]] = [:]
        var rowMembers: [Int: [String: Int]] = [:]
        for (p, page) in pages.enumerated() {
            for (l, line) in page.lines.enumerated() {
                if page.orientation == .items, let concept = line.concept { itemLines[concept] = (p, l) }
                if page.orientation == .members, let member = line.member {
                    rowMembers[p, default: [:]][TaxonomyModel.member(page, member, rows: true)] = l
                }
            }
            if page.orientation == .members {
                for (c, column) in page.columns.enumerated() {
                    if let concept = column.concept { memberColumns[concept, default: []].append((p, c)) }
                }
            }
        }
        let mixed = pages.map { page in page.orientation == .items && page.lines.contains { $0.instant != nil } }

        // What each concept is, looked up once per concept rather than once per fact.
        struct ConceptPlace {
            var monetary = false
            var usd = false
            var integer = false
            var line: (Int, Int)?
            var columns: [(Int, Int)] = []
        }
        let places: [ConceptPlace] = numbers.concepts.map { concept in
            let type = taxonomy.concept(concept)?.type
            return ConceptPlace(monetary: type == .monetary, usd: xmlWriter.unit(of: concept) == "USD", integer: xmlWriter.isInteger(concept),
                                line: itemLines[concept], columns: memberColumns[concept] ?? [])
        }
        // Each context's period as written, worked out when first needed.
        var periodTexts = [String?](repeating: nil, count: numbers.contexts.count)
        func periodText(_ n: Int) -> String {
            if let known = periodTexts[n] { return known }
            let text = Self.period(numbers.contexts[n].period)
            periodTexts[n] = text
            return text
        }

        // Each page's grid: the index of the fact in each cell (line by line), -1 where none.
        var grids: [[Int32]] = pages.map { page in [Int32](repeating: -1, count: page.lines.count * page.columns.count) }
        var gridPrinted: [(table: String, row: Int, column: String, printed: String)] = []
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
                    if let printed = facts[i].printedForm { gridPrinted.append((pages[p].id, l + 1, Self.columnName(pages[p].columns[c]), printed)) }
                    placed = true
                }
            } else if !place.columns.isEmpty {
                let context = numbers.contexts[numbers.factContexts[i]]
                for (p, c) in place.columns {
                    let page = pages[p], column = page.columns[c]
                    guard periods.period(column.period ?? .currentYearToDate) == context.period, context.typed.isEmpty,
                          context.explicit.count == 1, let member = context.explicit[TaxonomyModel.rowAxis(page)],
                          let l = rowMembers[p]?[member], grids[p][l * page.columns.count + c] < 0 else { continue }
                    grids[p][l * page.columns.count + c] = Int32(truncatingIfNeeded: i)
                    if let printed = facts[i].printedForm { gridPrinted.append((page.id, l + 1, Self.columnName(column), printed)) }
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

        // The metadata.
        var meta = JSONBytes()
        meta.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        meta.string(Self.documentType)
        meta.raw(",\n")
        meta.namespaces([(JSONReportWriter.entityPrefix, InstanceWriter.entityScheme), ("iso4217", XBRLNamespace.iso4217), (prefix, taxonomy.namespace),
                         ("xbrl", JSONReportWriter.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)], taxonomy: taxonomy.entryPointURL)
        meta.raw(",\n  \"dimensions\": {\"entity\": ")
        meta.string(JSONReportWriter.entityPrefix + ":" + entity)
        meta.raw("},\n  \"tableTemplates\": {")
        var tables: [(id: String, csv: [UInt8])] = []

        for (p, page) in pages.enumerated() where !page.lines.isEmpty && !page.columns.isEmpty {
            let members = page.orientation == .members
            var csv = CSVBytes(capacity: 64 * page.lines.count * (page.columns.count + 2))
            csv.field("line")
            csv.comma()
            csv.field("caption")
            csv.comma()
            csv.field(members ? "member" : "concept")
            meta.raw(tables.isEmpty ? "\n    " : ",\n    ")
            meta.string(page.id)
            meta.raw(": {\n      \"columns\": {\n        \"line\": {\"comment\": true},\n        \"caption\": {\"comment\": true},\n        ")
            meta.raw(members ? "\"member\": {}" : "\"concept\": {}")
            let contexts = members ? [] : expected.contexts(page: p, instant: nil)
            for (c, column) in page.columns.enumerated() {
                let name = Self.columnName(column)
                var dims: [(String, String)] = []
                var monetary = true
                if members {
                    guard let concept = column.concept else { continue }
                    dims.append(("concept", prefix + ":" + concept))
                    dims.append(("period", Self.period(periods.period(column.period ?? .currentYearToDate))))
                    dims.append((prefix + ":" + TaxonomyModel.rowAxis(page), "$member"))
                    monetary = taxonomy.concept(concept)?.type == .monetary
                } else {
                    dims.append(("concept", "$concept"))
                    dims.append(("period", mixed[p] ? "$p" + name.dropFirst() : Self.period(contexts[c].period)))
                    for (axis, member) in contexts[c].explicit { dims.append((prefix + ":" + axis, prefix + ":" + member)) }
                }
                if monetary { dims.append(("unit", "iso4217:USD")) }
                meta.raw(",\n        ")
                meta.string(name)
                meta.raw(": {")
                if monetary { meta.raw("\"decimals\": 0, ") }
                meta.raw("\"dimensions\": {")
                for (n, (key, value)) in dims.enumerated() {
                    if n > 0 { meta.raw(", ") }
                    meta.string(key)
                    meta.raw(": ")
                    meta.string(value)
                }
                meta.raw("}}")
                csv.comma()
                csv.field(name)
                if mixed[p] {
                    let periodName = "p" + name.dropFirst()
                    meta.raw(",\n        ")
                    meta.string(periodName)
                    meta.raw(": {}")
                    csv.comma()
                    csv.field(periodName)
                }
            }
            meta.raw("\n      }\n    }")
            csv.endRow()
            let grid = grids[p]
            let width = page.columns.count
            for (l, line) in page.lines.enumerated() {
                csv.field(line.line)
                csv.comma()
                csv.field(line.caption)
                csv.comma()
                // The row's concept or member only where a cell uses it (xBRL-CSV: a value no
                // fact uses is an error).
                if !grid[(l * width)..<(l * width + width)].contains(where: { $0 >= 0 }) {
                } else if members {
                    if let member = line.member { csv.field(prefix + ":" + TaxonomyModel.member(page, member, rows: true)) }
                } else if let concept = line.concept {
                    csv.field(prefix, concept)
                }
                for (c, column) in page.columns.enumerated() where !members || column.concept != nil {
                    csv.comma()
                    let i = Int(grid[l * width + c])
                    if i >= 0 { cell(i, into: &csv) }
                    if mixed[p] {
                        csv.comma()
                        if i >= 0 { csv.field(periodText(numbers.factContexts[i])) }
                    }
                }
                csv.endRow()
            }
            tables.append((page.id, csv.bytes))
        }

        // The other facts, one row each.
        var axes: Set<String> = []
        var contextSeen = [Bool](repeating: false, count: numbers.contexts.count)
        for i in others where !contextSeen[numbers.factContexts[i]] {
            let context = numbers.contexts[numbers.factContexts[i]]
            contextSeen[numbers.factContexts[i]] = true
            for (axis, _) in context.explicit { axes.insert(axis) }
            for (axis, _) in context.typed { axes.insert(axis) }
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
        var printedRows: [[String]] = gridPrinted.map { [$0.table, String($0.row), $0.column, $0.printed] }
        var axisFields = [[UInt8]?](repeating: nil, count: numbers.contexts.count)
        for (row, i) in others.enumerated() {
            let fact = facts[i]
            let place = places[numbers.factConcepts[i]]
            factsCSV.field(prefix, fact.concept)
            factsCSV.comma()
            factsCSV.field(periodText(numbers.factContexts[i]))
            factsCSV.comma()
            if place.usd { factsCSV.field("iso4217:USD") }
            factsCSV.comma()
            if case .amount(let amount, let scale) = fact.value { factsCSV.integer(amount.fractionDigits - scale.exponent) }
            // A context's dimension columns, written once per context.
            let n = numbers.factContexts[i]
            if axisFields[n] == nil {
                let context = numbers.contexts[n]
                var fields = CSVBytes(capacity: 16 * axisList.count + 16)
                for axis in axisList {
                    fields.comma()
                    if let member = context.explicit[axis] {
                        fields.field(prefix, member)
                    } else if let value = context.typed[axis] {
                        fields.field(Self.escaped(value))
                    }
                }
                axisFields[n] = fields.bytes
            }
            factsCSV.raw(axisFields[n]!)
            factsCSV.comma()
            switch fact.value {
            case .amount(let amount, let scale): factsCSV.canonicalNumber(xmlWriter.scaled(amount, scale), integer: place.integer)
            default: cell(i, into: &factsCSV)
            }
            factsCSV.endRow()
            if let printed = fact.printedForm { printedRows.append([Self.factsTable, String(row + 1), "value", printed]) }
        }
        tables.append((Self.factsTable, factsCSV.bytes))

        meta.raw(",\n    ")
        meta.string(Self.printedFormsTable)
        meta.raw(": {\n      \"columns\": {\n        \"table\": {\"comment\": true},\n        \"row\": {\"comment\": true},\n        \"column\": {\"comment\": true},\n        \"printed\": {\"comment\": true}\n      }\n    }")
        var printedCSV = CSVBytes()
        printedCSV.row(["table", "row", "column", "printed"])
        for fields in printedRows { printedCSV.row(fields) }
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

    /// `c` and the blank's column number, as an identifier (`c1`, `c2`).
    static func columnName(_ column: ColumnDescription) -> String {
        "c" + String(column.number.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// An OIM period, as in the xBRL-JSON report.
    static func period(_ period: Period) -> String {
        var out = JSONBytes()
        JSONReportWriter.period(period, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A cell of a page's value column: `#nil`, or the value with a decimals suffix where its
    /// decimals are not the column's.
    static func cellText(_ value: String, decimals: Int?, columnDecimals: Int, isNil: Bool) -> String {
        if isNil { return "#nil" }
        guard let decimals, decimals != columnDecimals else { return escaped(value) }
        return value + "d" + String(decimals)
    }

    /// A text as a cell value: an empty text is `#empty`, and a leading `#` is doubled (xBRL-CSV's
    /// special values start with `#`).
    static func escaped(_ text: String) -> String {
        if text.isEmpty { return "#empty" }
        if text.hasPrefix("#") { return "#" + text }
        return text
    }
}

/// CSV as RFC 4180 writes it, UTF-8, rows ended by a line feed: a field with a comma, a quote,
/// a line break or a leading or trailing space is quoted, its quotes doubled. A character XML
/// cannot hold is written as U+FFFD, as the XML instance and the JSON report write it.
///
/// A row is written field by field (``field(_:)``, ``comma()``, ``endRow()``), numbers straight
/// into the bytes, or whole (``row(_:)``).
struct CSVBytes: ReportBytes, ~Copyable {
    var out: XMLBytes

    init(capacity: Int = 256) {
        out = XMLBytes(capacity: capacity)
    }

    mutating func row(_ fields: [String]) {
        for (n, field) in fields.enumerated() {
            if n > 0 { comma() }
            self.field(field)
        }
        endRow()
    }

    mutating func comma() { out.raw(0x2C) }
    mutating func endRow() { out.raw(0x0A) }
    mutating func raw(_ byte: UInt8) { out.raw(byte) }

    /// One field, quoted where it must be.
    mutating func field(_ original: String) {
        Text.withBytes(original) { utf8 in
            if utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }), original.unicodeScalars.contains(where: Self.unwritable) {
                let field = String(String.UnicodeScalarView(original.unicodeScalars.map { Self.unwritable($0) ? "\u{FFFD}" : $0 }))
                Text.withBytes(field) { quoted($0) }
            } else {
                quoted(utf8)
            }
        }
    }

    /// `prefix:name` as one field.
    mutating func field(_ prefix: String, _ name: String) {
        let plain = Text.withBytes(prefix) { Self.plain($0) } && Text.withBytes(name) { Self.plain($0) }
        guard plain else { return field(prefix + ":" + name) }
        out.raw(prefix)
        out.raw(0x3A)
        out.raw(name)
    }

    /// Whether a name is written as it is: no byte to quote or replace, no space at either end.
    private static func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        !utf8.contains { $0 < 0x21 || $0 == 0x2C || $0 == 0x22 || $0 == 0xEF }
    }

    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.first == 0x20 || utf8.last == 0x20
        guard quote else {
            out.raw(utf8)
            return
        }
        out.raw(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.raw(0x22) }
            out.raw(byte)
        }
        out.raw(0x22)
    }

    static func unwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
