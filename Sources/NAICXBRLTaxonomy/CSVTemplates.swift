@_spi(Stages) import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML

/// The xBRL-CSV 1.0 table templates of an edition of a blank: one per page, in the page's
/// printed shape, generated from the blank's description. The taxonomy package holds them as a
/// metadata file of their own (`naiclq-2011-csv.json`, a base a report can `extends`), and the
/// xBRL-CSV writer copies the same templates into each report it writes, so that every report
/// of an edition has the same tables.
///
/// A page's template has the columns `line` and `caption` (comments: what the page prints),
/// `concept` (the line's concept; `member`, the row's member, on a page whose rows are members
/// of its row dimension), then one column per printed column, `c` and the blank's column number
/// (`c1`, `c2`…). A value column's dimensions are the concept (`$concept`, or the column's own
/// on a members page), the period, the column's member where the column is one, and the unit
/// `iso4217:USD` for amounts (`decimals` 0). The period does not depend on the statement: it is
/// a parameter named for the column's period (`$currentInstant`, `$priorYearEnd`,
/// `$currentYearToDate`…; ``parameterName(_:)``), whose value each report states in its
/// `parameters`. A page where some lines are balances among flows has a period column beside
/// each value column (`p1`, `p2`…), so that each row states its cells' period.
package struct CSVTemplates: Sendable {
    /// One page's template.
    package struct Table: Sendable {
        /// The page's place in the blank's pages.
        package let page: Int
        package let id: String
        /// The page's rows are members of its row dimension (Schedule T).
        package let members: Bool
        /// Some lines are balances among flows: each value column has a period column beside it.
        package let mixed: Bool
        /// The value columns, by place in the page's columns, with their names.
        package let columns: [(index: Int, name: String)]
        /// The CSV header row, line feed included.
        package let header: [UInt8]
        /// Each line's first two fields, the line number and caption, with the comma after each.
        package let rowHeads: [[UInt8]]
    }

    /// A template per page that has lines and columns, in the blank's order.
    package let tables: [Table]
    /// The period parameters the templates refer to, in ``PeriodReference`` order, with their
    /// names (``parameterName(_:)``).
    package let parameters: [(reference: PeriodReference, name: String)]
    /// The members of `tableTemplates`, as the report's metadata writes them (four spaces in,
    /// each but the first after a comma): the same bytes in every report of the edition.
    package let members: [UInt8]
    /// The file's name in the blank's folder of the taxonomy package.
    package let file: String
    private let namespaces: [(prefix: String, uri: String)]
    private let entryPoint: String

    /// The file in the taxonomy package: an xBRL-CSV metadata file with the edition's
    /// `documentInfo` and its `tableTemplates` (no tables: a base for a report to extend).
    package func document() -> [UInt8] {
        var out = JSONBytes(capacity: members.count + 1024)
        out.raw("{\n  \"documentInfo\": {\n    \"documentType\": ")
        out.string(Self.documentType)
        out.raw(",\n")
        out.namespaces(namespaces, taxonomy: entryPoint)
        out.raw(",\n  \"tableTemplates\": {")
        out.raw(members)
        out.raw("\n  }\n}\n")
        return out.bytes
    }

    package static let documentType = "https://xbrl.org/2021/xbrl-csv"

    /// The parameter that stands for a period in the templates: the reference's name in Swift
    /// (`currentInstant`, `priorYearToDate`).
    package static func parameterName(_ reference: PeriodReference) -> String {
        String(describing: reference)
    }

    /// `c` and the blank's column number, as an identifier (`c1`, `c2`).
    package static func columnName(_ column: ColumnDescription) -> String {
        "c" + String(column.number.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    init(taxonomy: TaxonomyModel) {
        let blank = taxonomy.blank
        let prefix = taxonomy.prefix
        var maker = TemplateMaker(taxonomy: taxonomy, prefix: prefix)
        for (p, page) in blank.pages.enumerated() where !page.lines.isEmpty && !page.columns.isEmpty {
            maker.add(p, page)
        }
        self.tables = maker.tables
        self.parameters = PeriodReference.allCases.filter(maker.used.contains).map { ($0, Self.parameterName($0)) }
        self.members = maker.meta.bytes
        self.file = String(blank.entryPoint.dropLast(blank.entryPoint.hasSuffix(".xsd") ? 4 : 0)) + "-csv.json"
        self.namespaces = [("iso4217", XBRLNamespace.iso4217), (prefix, taxonomy.namespace)]
        self.entryPoint = taxonomy.entryPointURL
    }

    /// What making the templates gathers page by page: the tables, the members of
    /// `tableTemplates`, and the period parameters the templates refer to.
    private struct TemplateMaker: ~Copyable {
        let taxonomy: TaxonomyModel
        let prefix: String
        var used = Set<PeriodReference>()
        var tables: [Table] = []
        var meta = JSONBytes(capacity: 16_384)

        /// Page `p`'s template: its header row, its member of `tableTemplates` with a column per
        /// value column, and its rows' first fields.
        mutating func add(_ p: Int, _ page: PageDescription) {
            let members = page.orientation == .members
            let mixed = !members && page.lines.contains { $0.instant != nil }
            var header = CSVBytes(capacity: 256)
            header.field("line")
            header.comma()
            header.field("caption")
            header.comma()
            header.field(members ? "member" : "concept")
            meta.raw(tables.isEmpty ? "\n    " : ",\n    ")
            meta.string(page.id)
            meta.raw(": {\n      \"columns\": {\n        \"line\": {\"comment\": true},\n        \"caption\": {\"comment\": true},\n        ")
            meta.raw(members ? "\"member\": {}" : "\"concept\": {}")
            var columns: [(index: Int, name: String)] = []
            for (c, column) in page.columns.enumerated() {
                let name = CSVTemplates.columnName(column)
                guard let (dims, monetary) = dimensions(column, name: name, page, members: members, mixed: mixed) else { continue }
                addColumn(name, dims, monetary: monetary, mixed: mixed, header: &header)
                columns.append((c, name))
            }
            meta.raw("\n      }\n    }")
            header.endRow()
            tables.append(Table(page: p, id: page.id, members: members, mixed: mixed, columns: columns, header: header.bytes,
                                rowHeads: Self.rowHeads(page)))
        }

        /// A column's dimensions, the period parameter they name noted as used, and whether its
        /// values are amounts in dollars; nil for a column the template has no column for.
        mutating func dimensions(_ column: ColumnDescription, name: String, _ page: PageDescription, members: Bool,
                                 mixed: Bool) -> (dims: [(String, String)], monetary: Bool)? {
            let reference = column.period ?? .currentYearToDate
            var dims: [(String, String)] = []
            var monetary = true
            if members {
                guard let concept = column.concept else { return nil }
                dims.append(("concept", prefix + ":" + concept))
                dims.append(("period", "$" + CSVTemplates.parameterName(reference)))
                used.insert(reference)
                dims.append((prefix + ":" + TaxonomyModel.rowAxis(page), "$member"))
                monetary = taxonomy.concept(concept)?.type == .monetary
            } else {
                // A column that reports items of its own has them in the report's other facts.
                if column.conceptSuffix != nil { return nil }
                dims.append(("concept", "$concept"))
                if mixed {
                    dims.append(("period", "$p" + name.dropFirst()))
                } else {
                    dims.append(("period", "$" + CSVTemplates.parameterName(reference)))
                    used.insert(reference)
                }
                if let member = column.member {
                    dims.append((prefix + ":" + TaxonomyModel.columnAxis(page), prefix + ":" + TaxonomyModel.member(page, member, rows: false)))
                }
            }
            if monetary { dims.append(("unit", "iso4217:USD")) }
            return (dims, monetary)
        }

        /// A value column in the metadata and the header, with its period column beside it on a
        /// page where some lines are balances among flows.
        mutating func addColumn(_ name: String, _ dims: [(String, String)], monetary: Bool, mixed: Bool, header: inout CSVBytes) {
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
            header.comma()
            header.field(name)
            if mixed {
                let periodName = "p" + name.dropFirst()
                meta.raw(",\n        ")
                meta.string(periodName)
                meta.raw(": {}")
                header.comma()
                header.field(periodName)
            }
        }

        /// Each line's first two fields, the line number and caption, with the comma after each.
        static func rowHeads(_ page: PageDescription) -> [[UInt8]] {
            page.lines.map { line -> [UInt8] in
                var head = CSVBytes(capacity: line.caption.utf8.count + 16)
                head.field(line.line)
                head.comma()
                head.field(line.caption)
                head.comma()
                return head.bytes
            }
        }
    }
}

extension CSVTemplates {
    private static let cache = EditionCache<CSVTemplates>()

    /// The templates of `blank`'s edition, made once per process.
    package static func of(_ blank: Blank) -> CSVTemplates {
        cache.value(for: blank) { CSVTemplates(taxonomy: TaxonomyModel.of(blank)) }
    }
}
