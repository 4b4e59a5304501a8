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
public struct CSVReportWriter: Sendable {
    public let blank: Blank
    public let taxonomy: TaxonomyModel

    public init(blank: Blank, taxonomy: TaxonomyModel) {
        self.blank = blank
        self.taxonomy = taxonomy
    }

    public static let documentType = "https://xbrl.org/2021/xbrl-csv"
    public static let packageDocumentType = "https://xbrl.org/report-package/2023/xbr"
    static let factsTable = "Facts"
    static let printedFormsTable = "PrintedForms"

    /// One value placed in a table.
    struct Cell {
        var value: String
        var decimals: Int?
        var period: String?
        var isNil: Bool
    }

    /// The package's files, in order: (path inside the zip, bytes).
    public func files(facts: [Fact], entity: String, name: String, statementDate: CalendarDate) -> [(path: String, contents: [UInt8])] {
        let prefix = taxonomy.prefix
        let xmlWriter = InstanceWriter(taxonomy: taxonomy)
        let periods = StatementPeriods(statementDate: statementDate)
        var expected = FactImporter.ExpectedContexts(blank: blank, periods: periods)

        // Where facts can go: the line of an items page, the column of a members page.
        var itemLines: [String: (Int, Int)] = [:]
        var memberColumns: [String: [(Int, Int)]] = [:]
        var rowMembers: [Int: [String: Int]] = [:]
        for (p, page) in blank.pages.enumerated() {
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
        let mixed = blank.pages.map { page in page.orientation == .items && page.lines.contains { $0.instant != nil } }

        var grids: [[[Cell?]]] = blank.pages.map { page in Array(repeating: Array(repeating: nil, count: page.columns.count), count: page.lines.count) }
        var gridPrinted: [(table: String, row: Int, column: String, printed: String)] = []
        var others: [Int] = []

        func text(_ fact: Fact) -> (String, Int?) {
            switch fact.value {
            case .amount(let amount, let scale):
                return (JSONReportWriter.canonicalDecimal(xmlWriter.scaled(amount, scale)), amount.fractionDigits - scale.exponent)
            case .text(let t): return (t, nil)
            case .boolean(let b): return (b ? "true" : "false", nil)
            case .date(let d): return (d.description, nil)
            case .none: return ("", nil)
            }
        }
        func isNil(_ fact: Fact) -> Bool { if case .none = fact.value { true } else { false } }

        for (i, fact) in facts.enumerated() {
            let type = taxonomy.concept(fact.concept)?.type
            var placed = false
            // A nil fact goes to Facts.csv: a grid column has decimals, which a nil fact must not.
            if isNil(fact) {
                placed = false
            } else if let (p, l) = itemLines[fact.concept], type == .monetary {
                let contexts = expected.contexts(page: p, instant: blank.pages[p].lines[l].instant)
                if let c = contexts.indices.first(where: { contexts[$0] == fact.context && grids[p][l][$0] == nil }) {
                    let (value, decimals) = text(fact)
                    grids[p][l][c] = Cell(value: value, decimals: isNil(fact) ? nil : decimals,
                                          period: mixed[p] ? Self.period(fact.context.period) : nil, isNil: isNil(fact))
                    if let printed = fact.printedForm { gridPrinted.append((blank.pages[p].id, l + 1, Self.columnName(blank.pages[p].columns[c]), printed)) }
                    placed = true
                }
            } else if let columns = memberColumns[fact.concept] {
                for (p, c) in columns {
                    let page = blank.pages[p], column = page.columns[c]
                    guard periods.period(column.period ?? .currentYearToDate) == fact.context.period, fact.context.typed.isEmpty,
                          fact.context.explicit.count == 1, let member = fact.context.explicit[TaxonomyModel.rowAxis(page)],
                          let l = rowMembers[p]?[member], grids[p][l][c] == nil else { continue }
                    let (value, decimals) = text(fact)
                    grids[p][l][c] = Cell(value: value, decimals: isNil(fact) ? nil : decimals, period: nil, isNil: isNil(fact))
                    if let printed = fact.printedForm { gridPrinted.append((page.id, l + 1, Self.columnName(column), printed)) }
                    placed = true
                    break
                }
            }
            if !placed { others.append(i) }
        }

        // The metadata.
        var meta = JSONBytes()
        meta.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        meta.string(Self.documentType)
        meta.raw(",\n    \"namespaces\": {")
        let namespaces = [(JSONReportWriter.entityPrefix, InstanceWriter.entityScheme), ("iso4217", XBRLNamespace.iso4217), (prefix, taxonomy.namespace),
                          ("xbrl", JSONReportWriter.xbrlNamespace), ("xbrli", XBRLNamespace.xbrli)].sorted { $0.0 < $1.0 }
        for (n, (p, uri)) in namespaces.enumerated() {
            meta.raw(n == 0 ? "\n      " : ",\n      ")
            meta.string(p)
            meta.raw(": ")
            meta.string(uri)
        }
        meta.raw("\n    },\n    \"taxonomy\": [")
        meta.string(taxonomy.entryPointURL)
        meta.raw("]\n  },\n  \"dimensions\": {\"entity\": ")
        meta.string(JSONReportWriter.entityPrefix + ":" + entity)
        meta.raw("},\n  \"tableTemplates\": {")
        var tables: [(id: String, csv: [UInt8])] = []

        for (p, page) in blank.pages.enumerated() where !page.lines.isEmpty && !page.columns.isEmpty {
            let members = page.orientation == .members
            var header = ["line", "caption", members ? "member" : "concept"]
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
                header.append(name)
                if mixed[p] {
                    let periodName = "p" + name.dropFirst()
                    meta.raw(",\n        ")
                    meta.string(periodName)
                    meta.raw(": {}")
                    header.append(periodName)
                }
            }
            meta.raw("\n      }\n    }")
            var csv = CSVBytes()
            csv.row(header)
            for (l, line) in page.lines.enumerated() {
                var fields = [line.line, line.caption, ""]
                // The row's concept or member only where a cell uses it (xBRL-CSV: a value no
                // fact uses is an error).
                if !grids[p][l].contains(where: { $0 != nil }) {
                } else if members {
                    fields[2] = line.member.map { prefix + ":" + TaxonomyModel.member(page, $0, rows: true) } ?? ""
                } else {
                    fields[2] = line.concept.map { prefix + ":" + $0 } ?? ""
                }
                for (c, column) in page.columns.enumerated() where !members || column.concept != nil {
                    let cell = grids[p][l][c]
                    fields.append(cell.map { Self.cellText($0.value, decimals: $0.decimals, columnDecimals: 0, isNil: $0.isNil) } ?? "")
                    if mixed[p] { fields.append(cell?.period ?? "") }
                }
                csv.row(fields)
            }
            tables.append((page.id, csv.bytes))
        }

        // The other facts, one row each.
        var axes: Set<String> = []
        for i in others {
            for (axis, _) in facts[i].context.explicit { axes.insert(axis) }
            for (axis, _) in facts[i].context.typed { axes.insert(axis) }
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
        var factsCSV = CSVBytes()
        factsCSV.row(["concept", "period", "unit", "decimals"] + axisList + ["value"])
        var printedRows: [[String]] = gridPrinted.map { [$0.table, String($0.row), $0.column, $0.printed] }
        for (row, i) in others.enumerated() {
            let fact = facts[i]
            let (value, decimals) = text(fact)
            var fields = [prefix + ":" + fact.concept, Self.period(fact.context.period),
                          xmlWriter.unit(of: fact.concept) == "USD" ? "iso4217:USD" : "",
                          isNil(fact) ? "" : decimals.map(String.init) ?? ""]
            for axis in axisList {
                if let member = fact.context.explicit[axis] {
                    fields.append(prefix + ":" + member)
                } else {
                    fields.append(fact.context.typed[axis].map(Self.escaped) ?? "")
                }
            }
            fields.append(isNil(fact) ? "#nil" : Self.escaped(value))
            factsCSV.row(fields)
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
    public func package(facts: [Fact], entity: String, name: String, statementDate: CalendarDate) -> [UInt8] {
        ZipArchive.stored(files(facts: facts, entity: entity, name: Self.packageName(name), statementDate: statementDate))
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
struct CSVBytes {
    var bytes: [UInt8] = []

    mutating func row(_ fields: [String]) {
        for (n, original) in fields.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            var field = original
            if field.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }), field.unicodeScalars.contains(where: Self.unwritable) {
                field = String(String.UnicodeScalarView(field.unicodeScalars.map { Self.unwritable($0) ? "\u{FFFD}" : $0 }))
            }
            let utf8 = field.utf8
            let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.first == 0x20 || utf8.last == 0x20
            if quote {
                bytes.append(0x22)
                for byte in utf8 {
                    if byte == 0x22 { bytes.append(0x22) }
                    bytes.append(byte)
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0A)
    }

    static func unwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
