import Foundation
import NAICXBRLCore
@_spi(Stages) import NAICXBRLXML
import NAICXBRLTaxonomy
import NAICXBRLChecks
/// Reads an xBRL-CSV 1.0 report in a report package (`.xbr`) into ``RawInstance``, so that
/// ``FactImporter`` places its facts as it places an instance's.
///
/// The package is opened by ``ZipReader`` (stored entries only, names that stay inside the
/// package, size limits). Its `META-INF/reportPackage.json` must name a Report Packages 1.0
/// document type, and `reports/` must hold one report: the metadata JSON, whose
/// `documentType` is `https://xbrl.org/2021/xbrl-csv` and whose `taxonomy` names an edition's
/// entry point. Each table's CSV file is read as RFC 4180 (UTF-8, quoted fields): its header
/// must name exactly its template's columns, and every row must have as many fields.
///
/// What is read of xBRL-CSV: report, template and column `dimensions` (literal, or `$column`
/// taking the row's cell, an empty cell leaving the dimension out), `decimals` (an integer or
/// `$column`), comment columns, the cell values `#nil`, `#empty` and `##…`, a numeric value's
/// decimals suffix (`4933708.07d2`), and periods in the ISO form (`2011-07-01T00:00:00`,
/// `2011-01-01T00:00:00/2011-07-01T00:00:00`), report and table `parameters` (a `$name` that no
/// column of the table has). Other features (property groups,
/// the short period forms, `extends`) are reported as not read. A `PrintedForms` table of
/// comment columns `table`, `row`, `column`, `printed` gives printed forms, as naicxbrl writes
/// them. Every problem is an error naming the file inside the package, the row and the column.
/// Loose metadata (``read(metadata:name:blank:table:)``) is read the same way, with row
/// identifiers (`rowIdColumn`), footnote columns (concept `xbrl:note`) and `links` to them.
@_spi(Stages) public enum CSVReportReader {
    /// `blank` is the edition to read by when the report's taxonomy names one the catalog does not
    /// hold (a generated blank); a blank of the catalog is found by its entry point.
    @_spi(Stages) public static func read(_ bytes: [UInt8], name: String, blank given: Blank? = nil) -> JSONReportReader.Result {
        var reader = Reader(name: name, given: given)
        var raw = RawInstance()
        let blank = reader.read(bytes, into: &raw)
        raw.issues += reader.issues
        if reader.dropped > 0 { raw.issues.append(Diagnostic(.error, .oim, file: name, line: nil, "\(reader.dropped) more errors not shown")) }
        return .init(blank: blank, raw: raw)
    }

    /// Reads an xBRL-CSV report whose metadata and tables are loose files rather than a report
    /// package (what Arelle's saveLoadableOIM writes): `metadata` is the metadata JSON, and
    /// `table(url)` gives the bytes of the table file the metadata names by `url`, or nil when
    /// there is none (the caller decides which files it opens: naicxbrl's command line opens only
    /// plain file names beside the metadata).
    @_spi(Stages) public static func read(metadata: [UInt8], name: String, blank given: Blank? = nil,
                            table: @escaping (String) -> [UInt8]?) -> JSONReportReader.Result {
        var reader = Reader(name: name, given: given)
        reader.looseFolder = name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) : ""
        var raw = RawInstance()
        var files = LooseFiles(table: table)
        let blank = reader.read(metadata: metadata, files: &files, into: &raw)
        raw.issues += reader.issues
        if reader.dropped > 0 { raw.issues.append(Diagnostic(.error, .oim, file: name, line: nil, "\(reader.dropped) more errors not shown")) }
        return .init(blank: blank, raw: raw)
    }

    /// ``read(metadata:name:blank:table:)`` of metadata already parsed: `metadata` is its top node.
    static func read(metadata: JSONDocument.Node, name: String, blank given: Blank? = nil,
                     table: @escaping (String) -> [UInt8]?) -> JSONReportReader.Result {
        var reader = Reader(name: name, given: given)
        reader.looseFolder = name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) : ""
        var raw = RawInstance()
        var files = LooseFiles(table: table)
        let blank = reader.read(metadata, at: nil, folder: nil, files: &files, into: &raw)
        raw.issues += reader.issues
        if reader.dropped > 0 { raw.issues.append(Diagnostic(.error, .oim, file: name, line: nil, "\(reader.dropped) more errors not shown")) }
        return .init(blank: blank, raw: raw)
    }

    /// Whether `bytes` are xBRL-CSV metadata: a JSON object whose `documentInfo.documentType` is
    /// xBRL-CSV's.
    @_spi(Stages) public static func isMetadata(_ bytes: [UInt8]) -> Bool {
        guard let document = try? JSONDocument.parse(bytes) else { return false }
        return isMetadata(document)
    }

    /// ``isMetadata(_:)-([UInt8])`` of a document already parsed: `document` is its top node.
    static func isMetadata(_ document: JSONDocument.Node) -> Bool {
        document["documentInfo"]?["documentType"]?.string == CSVReportWriter.documentType
    }

    struct Column {
        var name: String
        var comment = false
        var dimensions: [(String, String)] = []
        /// Whether the column's definition has `dimensions`, even none: then it holds facts.
        var hasDimensions = false
        var decimals: String?
        var isFact: Bool { !comment && (hasDimensions || !dimensions.isEmpty || decimals != nil) }
    }

    struct Template {
        var columns: [Column] = []
        var dimensions: [(String, String)] = []
        var decimals: String?
        /// The column whose cells identify each row (`rowIdColumn`): a fact's id, for links.
        var rowIdColumn: String?
    }

    /// Where a report's files are read from: its report package, or loose files.
    fileprivate protocol Files {
        mutating func contents(_ path: String) throws -> [UInt8]?
        /// How a missing file is named in an error.
        func missing(_ path: String) -> String
    }

    fileprivate struct LooseFiles: Files {
        let table: (String) -> [UInt8]?
        mutating func contents(_ path: String) -> [UInt8]? { table(path) }
        func missing(_ path: String) -> String { "the table file \(path) is not beside the metadata" }
    }

    /// A fact column's dimensions and decimals as its cells take them, worked out once per table:
    /// each dimension once (the first of a name counts; `#none` leaves it out), a `$column`
    /// reference as the referenced column's place, and what is wrong with the references.
    struct ColumnPlan {
        enum Value {
            case literal(String)
            case column(Int)
        }

        enum Decimals {
            case none
            case literal(String)
            case column(Int)
            case problem(String)
        }

        var dimensions: [(String, Value)] = []
        var decimals: Decimals = .none
        var problems: [String] = []
        /// The concept's and unit's places among `dimensions`, and the places of the others (the
        /// context's), with whether any of these takes a row's cell.
        var conceptAt: Int?
        var unitAt: Int?
        var contextAt: [Int] = []
        var contextVaries = false
        /// The column holds footnotes (concept `xbrl:note`), not facts of the taxonomy.
        var isNote = false

        /// `parameters`: the table's parameters over the report's. A `$name` reference is the
        /// row's cell in the column of that name, else the parameter of that name (xBRL-CSV 1.0).
        init(_ merged: [(String, String)], decimals source: String?, index: [String: Int], parameters: [String: String] = [:]) {
            var seen: Set<String> = []
            for (key, value) in merged where !seen.contains(key) {
                if value.hasPrefix("$") {
                    let reference = String(value.dropFirst())
                    guard !reference.utf8.contains(UInt8(ascii: "@")) else {
                        problems.append("the period specifier of \(value.prefix(40)) is not read")
                        continue
                    }
                    if let at = index[reference] {
                        dimensions.append((key, .column(at)))
                    } else if let parameter = parameters[reference] {
                        if parameter != "#none" { dimensions.append((key, .literal(parameter))) }
                    } else {
                        problems.append("\(key) refers to \(value.prefix(40)), which is no column of the table and no parameter")
                        continue
                    }
                } else if value != "#none" {
                    dimensions.append((key, .literal(value)))
                }
                seen.insert(key)
            }
            for (n, (key, value)) in dimensions.enumerated() {
                switch key {
                case "concept":
                    conceptAt = n
                    if case .literal("xbrl:note") = value { isNote = true }
                case "unit": unitAt = n
                default:
                    contextAt.append(n)
                    if case .column = value { contextVaries = true }
                }
            }
            if let source {
                if source.hasPrefix("$") {
                    let reference = String(source.dropFirst())
                    if let at = index[reference] {
                        decimals = .column(at)
                    } else if let parameter = parameters[reference] {
                        decimals = Int(parameter) != nil ? .literal(parameter) : .problem("the decimals parameter \(reference.prefix(40)) is \"\(parameter.prefix(20))\", not an integer")
                    } else {
                        decimals = .problem("decimals refers to \(source.prefix(40)), which is no column of the table and no parameter")
                    }
                } else {
                    decimals = .literal(source)
                }
            }
        }
    }

    /// Where a table's records are, from the first reading: every `every`th record's number,
    /// line and first byte, and how many records there are (the header included).
    struct TableMarks {
        var marks: [(record: Int, line: Int, offset: Int)] = []
        var records = 0
        /// Every how many records one is marked.
        var every = max(1, min(4096, CSVReportReader.rowsPerPart / 8))
    }

    /// A table with at least twice this many rows is read in two parts at once.
    nonisolated(unsafe) static var rowsPerPart = 50_000

    /// What reading a table's rows needs, the same for each part of it.
    struct TableRows: @unchecked Sendable {
        let contents: [UInt8]
        let tableID: String
        let factColumns: [(Column, Int, ColumnPlan)]
        let rowIDAt: Int?
        let hasPrinted: Bool
        let printed: [String: String]
        let firstSlot: Int
        let wanted: [Bool]
    }

    /// What reading one part of a table makes: its facts and contexts, footnotes, and problems.
    final class TablePart: @unchecked Sendable {
        var assembler: FactAssembler
        var raw: RawInstance
        var problems: [(line: Int, message: String)] = []
        var dropped = 0
        var notes: [String: String] = [:]
        /// Per fact column (its slot): the context of the last cell, with the texts of the cells
        /// its dimensions took.
        var contexts: [Int: (varying: [String?], id: String)] = [:]
        var dims: [(String, String)] = []

        init(assembler: FactAssembler, raw: RawInstance) {
            self.assembler = assembler
            self.raw = raw
        }

        func problem(_ line: Int, _ message: String) {
            if problems.count < JSONReportReader.maximumIssues { problems.append((line, message)) } else { dropped += 1 }
        }

        /// The other part's facts, contexts and problems after this one's.
        func join(_ other: TablePart) {
            raw.facts.append(parts: &other.raw.facts)
            raw.contexts.merge(other.raw.contexts) { a, _ in a }
            raw.contextLines.merge(other.raw.contextLines) { a, _ in a }
            raw.entities.merge(other.raw.entities) { a, _ in a }
            raw.printedForms.merge(other.raw.printedForms) { a, _ in a }
            for (line, message) in other.problems { problem(line, message) }
            dropped += other.dropped
            notes.merge(other.notes) { a, _ in a }
        }
    }

    /// Reads the records of `range` (the header, record 0, is skipped) into `part`.
    /// `records`: how many records `range` holds (the first look counted them), for room for
    /// their facts made at once (a fact cell takes at least a few bytes of the file, which bounds it).
    static func read(_ rows: TableRows, _ range: (range: Range<Int>, firstRecord: Int, firstLine: Int), records: Int, into part: TablePart) {
        let wanted = rows.wanted
        var reading = PartReading(taking: part)
        reading.raw.facts.reserveCapacity(reading.raw.facts.count + min(max(records, 0) * rows.factColumns.count, range.range.count / 16))
        defer { reading.giveBack(to: part) }
        // The file was read once already, whole: it cannot fail now.
        try? CSVTable.scan(rows.contents, checked: true, part: range, keep: { record, field in record > 0 && field < wanted.count && wanted[field] }) { fields, r, line, _ in
            guard r > 0 else { return }
            for (column, at, plan) in rows.factColumns {
                reading.readCell(fields, record: r, line: line, column, at: at, plan, rows, into: part)
            }
        }
    }

    /// A part's state taken into a variable of the reading function for the reading (a class's
    /// stored properties are checked for exclusive access at every use), and given back. (Each
    /// taken, not copied, so that what this part adds is not copied on the way.)
    private struct PartReading {
        var assembler: FactAssembler
        var raw = RawInstance()
        var contexts: [Int: (varying: [String?], id: String)] = [:]
        var dims: [(String, String)] = []

        init(taking part: TablePart) {
            assembler = part.assembler
            part.assembler = FactAssembler(model: assembler.model, namespaces: assembler.namespaces)
            swap(&raw, &part.raw)
            swap(&contexts, &part.contexts)
            swap(&dims, &part.dims)
        }

        /// Gives the state back to the part it was taken from.
        mutating func giveBack(to part: TablePart) {
            swap(&assembler, &part.assembler)
            swap(&raw, &part.raw)
            swap(&contexts, &part.contexts)
            swap(&dims, &part.dims)
        }

        /// Reads a record's cell of a fact column: a footnote's text, or a fact with its context.
        @inline(__always)
        mutating func readCell(_ fields: [String], record r: Int, line: Int, _ column: Column, at: Int, _ plan: ColumnPlan,
                               _ rows: TableRows, into part: TablePart) {
            let cell = fields[at]
            if cell.isEmpty { return }
            // A fact's identifier in links: its table, row and column (xBRL-CSV 1.0).
            let linkID = rows.rowIDAt.map { "\(rows.tableID).r_\(fields[$0]).\(column.name)" }
            if plan.isNote {
                if let linkID { part.notes[linkID] = cell }
                return
            }
            func problem(_ message: String) { part.problem(line, "column \(at + 1) (\(column.name)): \(message)") }
            for message in plan.problems { problem(message) }
            // The decimals, as the column plan takes them.
            var decimalsText: String?
            switch plan.decimals {
            case .none: break
            case .literal(let text): decimalsText = text
            case .column(let source):
                let text = fields[source]
                if !text.isEmpty {
                    guard Int(text) != nil else {
                        problem("the decimals \"\(text.prefix(20))\" are not an integer")
                        return
                    }
                    decimalsText = text
                }
            case .problem(let message):
                problem(message)
                return
            }
            if !plan.problems.isEmpty { return }
            var value: String? = cell
            if let message = PartReading.readSpecialValue(cell, into: &value, decimals: &decimalsText) {
                problem(message)
                return
            }
            guard let conceptName = plan.conceptAt.flatMap({ PartReading.text(plan, $0, fields) }) else {
                problem("the fact has no concept")
                return
            }
            let contextID: String
            switch context(plan, slot: rows.firstSlot + at, fields, line: line) {
            case .failure(let failure):
                problem(failure.message)
                return
            case .success(let id):
                contextID = id
            }
            let id = rows.hasPrinted ? "\(rows.tableID).\(r).\(column.name)" : linkID ?? ""
            let outcome = assembler.add(id: id, line: line, concept: conceptName, unit: plan.unitAt.flatMap { PartReading.text(plan, $0, fields) },
                                        context: contextID, value: value, decimals: decimalsText, csv: true,
                                        printed: rows.hasPrinted ? rows.printed[id] : nil, keepsID: linkID != nil, into: &raw)
            if let message = outcome { problem(message) }
        }

        /// A dimension's text in this row: nil where the dimension is left out.
        @inline(__always)
        static func text(_ plan: ColumnPlan, _ n: Int, _ fields: [String]) -> String? {
            switch plan.dimensions[n].1 {
            case .literal(let text): return text
            case .column(let source):
                let text = fields[source]
                return text.isEmpty || text == "#none" ? nil : text
            }
        }

        /// A cell's special value (`#nil`, with no decimals; `#empty`; `##…` for text starting
        /// with `#`), where it is one; what is wrong with it, or nil.
        @inline(__always)
        static func readSpecialValue(_ cell: String, into value: inout String?, decimals decimalsText: inout String?) -> String? {
            guard cell.utf8.first == UInt8(ascii: "#") else { return nil }
            if cell == "#nil" {
                value = nil
                decimalsText = nil
            } else if cell == "#empty" {
                value = ""
            } else if cell.hasPrefix("##") {
                value = String(cell.dropFirst())
            } else {
                return "unknown special value \(cell.prefix(20))"
            }
            return nil
        }

        /// The context of a fact column's cell: resolved once per column where it takes no row's
        /// cell, else once per column and texts of those cells.
        @inline(__always)
        mutating func context(_ plan: ColumnPlan, slot: Int, _ fields: [String], line: Int) -> Result<String, FactAssembler.Problem> {
            let varying = plan.contextVaries ? plan.contextAt.map { PartReading.text(plan, $0, fields) } : []
            if let known = contexts[slot], known.varying == varying { return .success(known.id) }
            dims.removeAll(keepingCapacity: true)
            for n in plan.contextAt { if let text = PartReading.text(plan, n, fields) { dims.append((plan.dimensions[n].0, text)) } }
            let resolved = assembler.context(dims, line: line, into: &raw)
            if case .success(let id) = resolved { contexts[slot] = (varying, id) }
            return resolved
        }
    }

    private struct Reader {
        let name: String
        let given: Blank?
        var issues: [Diagnostic] = []
        var dropped = 0
        /// For loose metadata: the folder its tables are in, as the metadata's name gives it.
        var looseFolder: String?

        init(name: String, given: Blank?) {
            self.name = name
            self.given = given
        }

        mutating func fail(_ file: String?, _ line: Int?, _ message: String, code: Diagnostic.Code = .oim) {
            guard issues.count < JSONReportReader.maximumIssues else {
                dropped += 1
                return
            }
            // A file of a package is named inside it; a loose table, beside the metadata.
            let shown = file.flatMap { file -> String? in
                guard !file.isEmpty else { return nil }
                guard let folder = looseFolder else { return "\(name)/\(file)" }
                return folder.isEmpty ? file : folder + "/" + file
            }
            issues.append(Diagnostic(.error, code, file: shown ?? name, line: line, message))
        }

        mutating func fail(_ file: String, _ node: JSONDocument.Node, _ message: String) {
            fail(file, node.line, "column \(node.column): \(message)")
        }

        /// The JSON file at `path` in the package; nil, with the failure recorded, when it does
        /// not read as JSON or is not there (recorded as `missing`, where that is given).
        mutating func json<F: Files>(_ path: String, in zip: inout F, missing: String?) -> JSONDocument.Node? {
            do {
                guard let contents = try zip.contents(path) else {
                    if let missing { fail(nil, nil, missing, code: .reportPackage) }
                    return nil
                }
                return try JSONDocument.parse(contents)
            } catch let error as JSONDocument.SyntaxError {
                fail(path, error.line, "column \(error.column): \(error.message)", code: .invalidJSON)
                return nil
            } catch {
                fail(nil, nil, "\(error)", code: .reportPackage)
                return nil
            }
        }

        mutating func read(_ bytes: [UInt8], into raw: inout RawInstance) -> Blank? {
            var zip: ZipReader
            do {
                zip = try ZipReader(bytes)
            } catch {
                fail(nil, nil, "\(error)", code: .reportPackage)
                return nil
            }
            let top = Set(zip.entries.map { String($0.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]) })
            guard top.count == 1, let root = top.first, zip.entries.allSatisfy({ $0.path.hasPrefix(root + "/") }) else {
                fail(nil, nil, "a report package holds one top-level folder; this one holds \(top.sorted().prefix(5).joined(separator: ", "))", code: .reportPackage)
                return nil
            }
            // META-INF/reportPackage.json
            let packageJSON = "\(root)/META-INF/reportPackage.json"
            guard let document = json(packageJSON, in: &zip, missing: "the package has no \(packageJSON)") else { return nil }
            let type = document["documentInfo"]?["documentType"]?.string
            guard type == CSVReportWriter.packageDocumentType || type == "https://xbrl.org/report-package/2023" else {
                fail(packageJSON, document.line, "the report package's documentType is \(type.map { "\"\($0.prefix(80))\"" } ?? "missing"), not \(CSVReportWriter.packageDocumentType)", code: .reportPackage)
                return nil
            }
            // The report: one JSON file directly in reports/, or in one folder of it.
            let reports = zip.entries.map(\.path).filter { path in
                guard path.hasPrefix("\(root)/reports/"), path.hasSuffix(".json") else { return false }
                return path.dropFirst(root.count + 9).split(separator: "/").count <= 2
            }
            guard reports.count == 1, let metadataPath = reports.first else {
                fail(nil, nil, reports.isEmpty ? "the package's reports folder holds no report (a .json metadata file)" : "the package holds \(reports.count) reports; a .xbr package holds one", code: .reportPackage)
                return nil
            }
            let folder = String(metadataPath[..<(metadataPath.lastIndex(of: "/")!)])
            let shownMetadata = String(metadataPath)
            guard let metadata = json(shownMetadata, in: &zip, missing: nil) else { return nil }
            return read(metadata, at: shownMetadata, folder: folder, files: &zip, into: &raw)
        }

        /// Loose metadata: the tables are files beside it.
        mutating func read<F: Files>(metadata bytes: [UInt8], files: inout F, into raw: inout RawInstance) -> Blank? {
            let metadata: JSONDocument.Node
            do {
                metadata = try JSONDocument.parse(bytes)
            } catch {
                fail(nil, error.line, "column \(error.column): \(error.message)", code: .invalidJSON)
                return nil
            }
            return read(metadata, at: nil, folder: nil, files: &files, into: &raw)
        }

        /// The report the metadata describes: `shownMetadata` names the metadata file in errors
        /// (nil: the input itself), `folder` is where its table URLs start (nil: beside it).
        mutating func read<F: Files>(_ metadata: JSONDocument.Node, at metadataFile: String?, folder: String?,
                                     files zip: inout F, into raw: inout RawInstance) -> Blank? {
            let shownMetadata = metadataFile ?? ""
            guard let (blank, namespaces) = readDocumentInfo(metadata, shownMetadata, into: &raw) else { return nil }
            let reportParameters = parameters(metadata["parameters"], shownMetadata)
            let reportDimensions = dimensions(metadata["dimensions"], shownMetadata)
            let reportDecimals = decimals(metadata["decimals"], shownMetadata)
            let templates = readTemplates(metadata["tableTemplates"], shownMetadata)
            let model = TaxonomyModel.of(blank)
            let tableList = listTables(metadata["tables"], shownMetadata, templates: templates, folder: folder, parameters: reportParameters)
            // Printed forms first, so that the facts they name carry an id.
            let printed = readPrintedForms(tableList, files: &zip)
            var reading = ReportTables(model: model, namespaces: namespaces, assembler: FactAssembler(model: model, namespaces: namespaces),
                                       printed: printed, dimensions: reportDimensions, decimals: reportDecimals)
            for table in tableList where !(table.id == CSVReportWriter.printedFormsTable && table.template.columns.allSatisfy(\.comment)) {
                readTable(table, files: &zip, &reading, into: &raw)
            }
            fileLinkedFootnotes(metadata["links"], reading.notes, into: &raw)
            return blank
        }

        /// Checks the metadata's top level and its `documentInfo`: the report's edition, found by
        /// its taxonomy (nil when none is known), and its namespace prefixes.
        mutating func readDocumentInfo(_ metadata: JSONDocument.Node, _ shownMetadata: String,
                                       into raw: inout RawInstance) -> (blank: Blank, namespaces: [String: String])? {
            guard let members = metadata.members else {
                fail(shownMetadata, metadata, "the metadata must be a JSON object")
                return nil
            }
            let known: Set<String> = ["documentInfo", "dimensions", "parameters", "tableTemplates", "tables", "decimals", "links"]
            for member in members where !known.contains(member.key) && !member.key.contains(":") {
                fail(shownMetadata, member.node, "\(member.key.prefix(40)) is not read (naicxbrl reads documentInfo, dimensions, parameters, decimals, tableTemplates, tables and links)")
            }
            guard let info = metadata["documentInfo"], let type = info["documentType"]?.string else {
                fail(shownMetadata, metadata, "the metadata has no documentInfo.documentType")
                return nil
            }
            guard type == CSVReportWriter.documentType else {
                fail(shownMetadata, info, "the documentType is \"\(type.prefix(80))\", not \(CSVReportWriter.documentType) (xBRL-CSV 1.0)")
                return nil
            }
            if let extends = info["extends"] { fail(shownMetadata, extends, "extends is not read: the metadata must be in one file") }
            var namespaces: [String: String] = [:]
            for member in info["namespaces"]?.members ?? [] {
                if let uri = member.node.string { namespaces[member.key] = uri } else { fail(shownMetadata, member.node, "a namespace must be a string") }
            }
            guard let hrefs = info["taxonomy"]?.elements else {
                fail(shownMetadata, info, "documentInfo has no taxonomy array naming the edition's entry point")
                return nil
            }
            raw.schemaRefs = hrefs.compactMap(\.string)
            let refs = raw.schemaRefs
            let named = given.flatMap { refs.contains($0.taxonomyURL + $0.entryPoint) ? $0 : nil }
            guard let blank = named ?? refs.lazy.compactMap(JSONReportReader.blank(entryPoint:)).first else {
                return nil
            }
            return (blank, namespaces)
        }

        /// Dimensions of the report, a template or a column: name and value, each a string.
        mutating func dimensions(_ node: JSONDocument.Node?, _ shownMetadata: String) -> [(String, String)] {
            var out: [(String, String)] = []
            for member in node?.members ?? [] {
                if let value = member.node.string { out.append((member.key, value)) } else { fail(shownMetadata, member.node, "dimension \(member.key.prefix(40)) must be a string") }
            }
            return out
        }

        /// Decimals of the report, a template or a column: an integer, or a `$column` reference.
        mutating func decimals(_ node: JSONDocument.Node?, _ shownMetadata: String) -> String? {
            guard let node else { return nil }
            switch node.value {
            case .number(let text) where Int(text) != nil: return text
            case .string(let text) where text.hasPrefix("$"): return text
            default:
                fail(shownMetadata, node, "decimals must be an integer or a $column reference")
                return nil
            }
        }

        /// Parameters: name to value, each a string (xBRL-CSV 1.0).
        mutating func parameters(_ node: JSONDocument.Node?, _ shownMetadata: String) -> [String: String] {
            var out: [String: String] = [:]
            for member in node?.members ?? [] {
                if let value = member.node.string { out[member.key] = value } else { fail(shownMetadata, member.node, "parameter \(member.key.prefix(40)) must be a string") }
            }
            return out
        }

        /// The metadata's table templates by name.
        mutating func readTemplates(_ node: JSONDocument.Node?, _ shownMetadata: String) -> [String: Template] {
            var templates: [String: Template] = [:]
            for member in node?.members ?? [] {
                var template = Template()
                for property in member.node.members ?? [] {
                    switch property.key {
                    case "columns", "dimensions", "decimals": break
                    case "rowIdColumn":
                        if let column = property.node.string { template.rowIdColumn = column } else { fail(shownMetadata, property.node, "rowIdColumn must be a column's name") }
                    default:
                        if !property.key.contains(":") { fail(shownMetadata, property.node, "\(property.key.prefix(40)) of table template \(member.key.prefix(40)) is not read") }
                    }
                }
                template.dimensions = dimensions(member.node["dimensions"], shownMetadata)
                template.decimals = decimals(member.node["decimals"], shownMetadata)
                for column in member.node["columns"]?.members ?? [] {
                    template.columns.append(readColumn(column, shownMetadata))
                }
                templates[member.key] = template
            }
            return templates
        }

        /// A column of a table template: whether it is a comment, its dimensions and decimals.
        mutating func readColumn(_ column: JSONDocument.Member, _ shownMetadata: String) -> Column {
            var definition = Column(name: column.key)
            for property in column.node.members ?? [] {
                switch property.key {
                case "comment":
                    if case .bool(let b) = property.node.value { definition.comment = b } else { fail(shownMetadata, property.node, "comment must be true or false") }
                case "dimensions":
                    definition.dimensions = dimensions(property.node, shownMetadata)
                    definition.hasDimensions = true
                case "decimals": definition.decimals = decimals(property.node, shownMetadata)
                default:
                    if !property.key.contains(":") { fail(shownMetadata, property.node, "\(property.key.prefix(40)) of column \(column.key.prefix(40)) is not read") }
                }
            }
            return definition
        }

        /// A table of the metadata: its id, template, file path and parameters.
        typealias TableEntry = (id: String, template: Template, path: String, parameters: [String: String])

        /// The metadata's tables whose template is known and whose url is a relative path inside
        /// the package, each with its parameters over the report's.
        mutating func listTables(_ node: JSONDocument.Node?, _ shownMetadata: String, templates: [String: Template], folder: String?,
                                 parameters reportParameters: [String: String]) -> [TableEntry] {
            var tableList: [TableEntry] = []
            for member in node?.members ?? [] {
                let templateName = member.node["template"]?.string ?? member.key
                guard let template = templates[templateName] else {
                    fail(shownMetadata, member.node, "table \(member.key.prefix(40)) names no table template of the metadata")
                    continue
                }
                guard let url = member.node["url"]?.string else {
                    fail(shownMetadata, member.node, "table \(member.key.prefix(40)) has no url")
                    continue
                }
                guard !url.isEmpty, !url.hasPrefix("/"), !url.contains(":"), !url.contains("\\"),
                      !url.split(separator: "/", omittingEmptySubsequences: false).contains("..") else {
                    fail(shownMetadata, member.node, "the url \(url.prefix(80)) of table \(member.key.prefix(40)) is not a relative path inside the package")
                    continue
                }
                let tableParameters = member.node["parameters"].map { parameters($0, shownMetadata).merging(reportParameters) { table, _ in table } } ?? reportParameters
                tableList.append((member.key, template, folder.map { $0 + "/" + url } ?? url, tableParameters))
            }
            return tableList
        }

        /// The printed forms of the `PrintedForms` table, by table, row and column.
        mutating func readPrintedForms<F: Files>(_ tableList: [TableEntry], files zip: inout F) -> [String: String] {
            var printed: [String: String] = [:]
            for table in tableList where table.id == CSVReportWriter.printedFormsTable && table.template.columns.map(\.name) == ["table", "row", "column", "printed"] {
                guard let rows = readCSV(&zip, table.path, table.template) else { continue }
                for row in rows.dropFirst() { printed["\(row.fields[0]).\(row.fields[1]).\(row.fields[2])"] = row.fields[3] }
            }
            return printed
        }

        /// What reading the report's tables needs beside them, and what it gathers across them.
        struct ReportTables {
            let model: TaxonomyModel
            let namespaces: [String: String]
            var assembler: FactAssembler
            /// Printed forms by table, row and column.
            let printed: [String: String]
            /// The report's dimensions and decimals, under each template's.
            let dimensions: [(String, String)]
            let decimals: String?
            /// Each fact column of each table is a slot of the assembler, which resolves a context
            /// once for the column's facts of the same dimensions.
            var slots = 0
            /// Footnotes (facts of concept xbrl:note) by their row's id, for the links to them.
            var notes: [String: String] = [:]
        }

        /// Reads a table's facts into `raw`.
        mutating func readTable<F: Files>(_ table: TableEntry, files zip: inout F, _ reading: inout ReportTables, into raw: inout RawInstance) {
            var marks = TableMarks()
            guard let (contents, header) = checkedCSV(&zip, table.path, table.template, marks: &marks) else { return }
            let rows = tableRows(table, contents: contents, header: header, &reading)
            // A large table is read in two parts at once, each with its own assembler (its
            // contexts named apart; the importer makes equal contexts one), then joined in order.
            let first = TablePart(assembler: reading.assembler, raw: raw)
            raw = RawInstance()
            let whole = (range: 0..<contents.count, firstRecord: 0, firstLine: 1)
            if marks.records - 1 >= 2 * CSVReportReader.rowsPerPart, let middle = marks.marks.min(by: { abs($0.record - marks.records / 2) < abs($1.record - marks.records / 2) }),
               middle.record > 0 {
                var other = FactAssembler(model: reading.model, namespaces: reading.namespaces)
                other.idPrefix = "t\(rows.firstSlot)c"
                let second = TablePart(assembler: other, raw: RawInstance())
                let parts = [(first, (range: 0..<middle.offset, firstRecord: 0, firstLine: 1), middle.record - 1),
                             (second, (range: middle.offset..<contents.count, firstRecord: middle.record, firstLine: middle.line), marks.records - middle.record)]
                DispatchQueue.concurrentPerform(iterations: 2) { n in CSVReportReader.read(rows, parts[n].1, records: parts[n].2, into: parts[n].0) }
                first.join(second)
            } else {
                CSVReportReader.read(rows, whole, records: marks.records - 1, into: first)
            }
            reading.assembler = first.assembler
            raw = first.raw
            for (line, message) in first.problems { fail(table.path, line, message) }
            dropped += first.dropped
            reading.notes.merge(first.notes) { a, _ in a }
        }

        /// What reading a table's rows needs, worked out once per table from its header (whose
        /// order may differ from the template's).
        mutating func tableRows(_ table: TableEntry, contents: [UInt8], header: CSVTable.Row, _ reading: inout ReportTables) -> TableRows {
            var index: [String: Int] = [:]
            for (n, field) in header.fields.enumerated() { index[field] = n }
            // Each fact column's place, and its dimensions with the template's and the report's
            // after them, each name once (the first counts), a `$column` reference resolved to the
            // column's place.
            let factColumns = table.template.columns.filter(\.isFact).compactMap { column -> (Column, Int, ColumnPlan)? in
                index[column.name].map { at in
                    (column, at, ColumnPlan(column.dimensions + table.template.dimensions + reading.dimensions,
                                            decimals: column.decimals ?? table.template.decimals ?? reading.decimals, index: index,
                                            parameters: table.parameters))
                }
            }
            let prefix = table.id + "."
            let hasPrinted = reading.printed.keys.contains { $0.hasPrefix(prefix) }
            let rowIDAt = table.template.rowIdColumn.flatMap { index[$0] }
            if let name = table.template.rowIdColumn, rowIDAt == nil {
                fail(table.path, header.line, "the rowIdColumn \(name.prefix(40)) is not a column of the table")
            }
            let firstSlot = reading.slots
            reading.slots += header.fields.count
            // Strings are made only of the fields a fact reads: its cell, the cells its
            // dimensions and decimals refer to, and the row identifier.
            var wanted = [Bool](repeating: false, count: header.fields.count)
            for (_, at, plan) in factColumns {
                wanted[at] = true
                for case (_, .column(let source)) in plan.dimensions { wanted[source] = true }
                if case .column(let source) = plan.decimals { wanted[source] = true }
            }
            if let rowIDAt { wanted[rowIDAt] = true }
            return TableRows(contents: contents, tableID: table.id, factColumns: factColumns, rowIDAt: rowIDAt, hasPrinted: hasPrinted,
                             printed: reading.printed, firstSlot: firstSlot, wanted: wanted)
        }

        /// links: {"footnote": {group: {fact id: [footnote ids]}}}: a footnote linked from a
        /// fact (another processor's form of a printed form).
        func fileLinkedFootnotes(_ node: JSONDocument.Node?, _ notes: [String: String], into raw: inout RawInstance) {
            for type in node?.members ?? [] {
                for group in type.node.members ?? [] {
                    for link in group.node.members ?? [] {
                        guard type.key == "footnote" else { continue }
                        if let note = link.node.elements?.first?.string, let text = notes[note] { raw.footnotes[link.key] = text }
                    }
                }
            }
        }

        /// The rows of a table's CSV file (the header first), checked against the template: the
        /// header names its columns once each, and every row has as many fields.
        mutating func readCSV<F: Files>(_ zip: inout F, _ path: String, _ template: Template) -> [CSVTable.Row]? {
            guard let (contents, _) = checkedCSV(&zip, path, template) else { return nil }
            return try? CSVTable.parse(contents)
        }

        /// A table's CSV file and its header, checked against the template as ``readCSV(_:_:_:)``
        /// checks it, no string made of any field but the header's.
        mutating func checkedCSV<F: Files>(_ zip: inout F, _ path: String, _ template: Template) -> ([UInt8], CSVTable.Row)? {
            var marks = TableMarks()
            return checkedCSV(&zip, path, template, marks: &marks)
        }

        /// ``checkedCSV(_:_:_:)``, and in `marks` where the records are, for reading a large
        /// table in parts.
        mutating func checkedCSV<F: Files>(_ zip: inout F, _ path: String, _ template: Template,
                                           marks: inout TableMarks) -> ([UInt8], CSVTable.Row)? {
            let shown = path
            let contents: [UInt8]
            do {
                guard let found = try zip.contents(path) else {
                    fail(nil, nil, zip.missing(shown), code: .reportPackage)
                    return nil
                }
                contents = found
            } catch {
                fail(nil, nil, "\(error)", code: .reportPackage)
                return nil
            }
            var header: CSVTable.Row?
            var headerCount = 0, headerEnd = contents.count
            var ragged: [(line: Int, count: Int)] = []
            do {
                // The records' shapes (no field read), then the header's fields.
                try CSVTable.shapes(contents) { count, record, line, offset in
                    if record % marks.every == 0 { marks.marks.append((record, line, offset)) }
                    marks.records = record + 1
                    if record == 0 {
                        headerCount = count
                    } else {
                        if record == 1 { headerEnd = offset }
                        if count != headerCount, ragged.count < JSONReportReader.maximumIssues { ragged.append((line, count)) }
                    }
                }
                if marks.records > 0 {
                    try CSVTable.scan(contents, checked: true, part: (0..<headerEnd, 0, 1), keep: { _, _ in true }) { fields, record, line, _ in
                        if record == 0 { header = CSVTable.Row(fields: fields, line: line) }
                    }
                }
            } catch {
                fail(shown, error.row, "column \(error.column): \(error.message)", code: .invalidCSV)
                return nil
            }
            guard let header else {
                fail(shown, 1, "column 1: the table has no header row", code: .invalidCSV)
                return nil
            }
            let declared = Set(template.columns.map(\.name))
            var seen: Set<String> = []
            var ok = true
            for (n, field) in header.fields.enumerated() {
                if !declared.contains(field) {
                    fail(shown, header.line, "column \(n + 1): \(field.prefix(40)) is not a column of the table's template", code: .invalidCSV)
                    ok = false
                } else if !seen.insert(field).inserted {
                    fail(shown, header.line, "column \(n + 1): \(field.prefix(40)) is named twice", code: .invalidCSV)
                    ok = false
                }
            }
            for missing in template.columns.map(\.name) where !seen.contains(missing) && ok {
                fail(shown, header.line, "column \(missing.prefix(40)) of the template is not in the header", code: .invalidCSV)
                ok = false
            }
            for row in ragged {
                fail(shown, row.line, "column \(min(row.count, header.fields.count) + 1): the row has \(row.count) fields, the header \(header.fields.count)", code: .invalidCSV)
                ok = false
            }
            return ok ? (contents, header) : nil
        }
    }
}

/// RFC 4180 CSV: fields separated by commas, records by LF or CRLF, fields quoted with `"`
/// (a quote inside doubled). The file must be UTF-8.
enum CSVTable {
    struct Row {
        var fields: [String]
        /// The line the record starts on, from 1.
        var line: Int
    }

    struct SyntaxError: Error {
        var row: Int
        var column: Int
        var message: String
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        try scan(bytes, keep: { _, _ in true }) { fields, _, line, _ in rows.append(Row(fields: fields, line: line)) }
        return rows
    }

    /// Checks the file as ``scan(_:checked:part:keep:_:)`` does (UTF-8, quoting), with the same
    /// errors, and gives each record's number of fields, number, first line and first byte's
    /// offset, reading no field: the first look at a table, which only counts.
    static func shapes(_ bytes: [UInt8], _ body: (Int, Int, Int, Int) -> Void) throws(SyntaxError) {
        try bytes.withUnsafeBufferPointer { b throws(SyntaxError) in
            var start = 0
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
            if let bad = UTF8Check.firstInvalid(b, from: start) {
                var line = 1, lineStart = 0
                for i in 0..<bad where b[i] == 0x0A { line += 1; lineStart = i + 1 }
                throw SyntaxError(row: line, column: bad - lineStart + 1, message: "the file is not UTF-8 (byte 0x\(String(b[bad], radix: 16, uppercase: true)))")
            }
            var record = 0
            var i = start
            var line = 1
            var recordLine = line
            var recordStart = i
            var fieldNumber = 1
            var fields = 0
            let n = b.count
            while i < n {
                // One field.
                if b[i] == 0x22 {
                    let openLine = line
                    i += 1
                    var closed = false
                    while i < n {
                        if b[i] == 0x22 {
                            if i + 1 < n, b[i + 1] == 0x22 { i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    guard closed else { throw SyntaxError(row: openLine, column: fieldNumber, message: "a quoted field is not closed") }
                    guard i == n || b[i] == 0x2C || b[i] == 0x0A || b[i] == 0x0D else {
                        throw SyntaxError(row: line, column: fieldNumber, message: "text after a quoted field's closing quote")
                    }
                } else {
                    while i < n {
                        let c = b[i]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        if c == 0x22 { throw SyntaxError(row: line, column: fieldNumber, message: "a quote inside an unquoted field") }
                        i += 1
                    }
                }
                fields += 1
                if i < n, b[i] == 0x2C {
                    i += 1
                    fieldNumber += 1
                    if i == n { fields += 1 }
                    continue
                }
                // End of record.
                if i < n, b[i] == 0x0D { i += 1 }
                if i < n, b[i] == 0x0A { i += 1 }
                body(fields, record, recordLine, recordStart)
                fields = 0
                record += 1
                fieldNumber = 1
                line += 1
                recordLine = line
                recordStart = i
            }
            if fields > 0 { body(fields, record, recordLine, recordStart) }
        }
    }

    /// Reads the records one by one: `body` gets each record's fields (a buffer used again for
    /// the next record: a field that `keep(record, field)` does not want is left empty, no string
    /// made of it) and the line it starts on. Records are numbered from 0 (the header).
    /// `checked`: the bytes were found to be UTF-8 already.
    /// `part`: the records from a record's first byte to another's (the whole file by default),
    /// the first of them numbered `firstRecord` and starting on `firstLine`. `body` gets the
    /// record's fields, number, first line and first byte's offset.
    static func scan(_ bytes: [UInt8], checked: Bool = false, part: (range: Range<Int>, firstRecord: Int, firstLine: Int)? = nil,
                     keep: (Int, Int) -> Bool, _ body: ([String], Int, Int, Int) -> Void) throws(SyntaxError) {
        try bytes.withUnsafeBufferPointer { whole throws(SyntaxError) in
            var start = part?.range.lowerBound ?? 0
            if start == 0, whole.count >= 3, whole[0] == 0xEF, whole[1] == 0xBB, whole[2] == 0xBF { start = 3 }
            let end = part?.range.upperBound ?? whole.count
            let b = UnsafeBufferPointer(rebasing: whole[0..<end])
            if !checked, let bad = UTF8Check.firstInvalid(b, from: start) {
                var line = 1, lineStart = 0
                for i in 0..<bad where b[i] == 0x0A { line += 1; lineStart = i + 1 }
                throw SyntaxError(row: line, column: bad - lineStart + 1, message: "the file is not UTF-8 (byte 0x\(String(b[bad], radix: 16, uppercase: true)))")
            }
            var fields: [String] = []
            var record = part?.firstRecord ?? 0
            var i = start
            var line = part?.firstLine ?? 1
            var recordLine = line
            var recordStart = i
            var fieldNumber = 1
            var quotedField: [UInt8] = []
            let n = b.count
            while i < n {
                // One field.
                let wanted = keep(record, fieldNumber - 1)
                if b[i] == 0x22 {
                    let openLine = line
                    i += 1
                    quotedField.removeAll(keepingCapacity: true)
                    var closed = false
                    while i < n {
                        if b[i] == 0x22 {
                            if i + 1 < n, b[i + 1] == 0x22 { quotedField.append(0x22); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b[i] == 0x0A { line += 1 }
                        quotedField.append(b[i])
                        i += 1
                    }
                    guard closed else { throw SyntaxError(row: openLine, column: fieldNumber, message: "a quoted field is not closed") }
                    guard i == n || b[i] == 0x2C || b[i] == 0x0A || b[i] == 0x0D else {
                        throw SyntaxError(row: line, column: fieldNumber, message: "text after a quoted field's closing quote")
                    }
                    fields.append(wanted ? String(decoding: quotedField, as: UTF8.self) : "")
                } else {
                    let fieldStart = i
                    while i < n, b[i] != 0x2C, b[i] != 0x0A, b[i] != 0x0D {
                        if b[i] == 0x22 { throw SyntaxError(row: line, column: fieldNumber, message: "a quote inside an unquoted field") }
                        i += 1
                    }
                    fields.append(wanted && i > fieldStart ? String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<i]), as: UTF8.self) : "")
                }
                if i < n, b[i] == 0x2C {
                    i += 1
                    fieldNumber += 1
                    if i == n { fields.append("") }
                    continue
                }
                // End of record.
                if i < n, b[i] == 0x0D { i += 1 }
                if i < n, b[i] == 0x0A { i += 1 }
                body(fields, record, recordLine, recordStart)
                fields.removeAll(keepingCapacity: true)
                record += 1
                fieldNumber = 1
                line += 1
                recordLine = line
                recordStart = i
            }
            if !fields.isEmpty { body(fields, record, recordLine, recordStart) }
        }
    }
}

extension ZipReader: CSVReportReader.Files {
    func missing(_ path: String) -> String { "the table file \(path) is not in the package" }
}
