import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLTaxonomy
@_spi(Stages) @testable import NAICXBRLInstance

/// The xBRL-CSV table templates are the taxonomy's: each edition's templates are a file of the
/// taxonomy package, generated from the blank's description, and every report of that edition
/// carries the same templates, its statement's periods given as parameters.
final class CSVTemplateTests: XCTestCase {
    /// A JSON value as text that does not depend on its layout (members in document order).
    static func canonical(_ node: JSONDocument.Node) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return "\"" + s + "\""
        case .array(let elements): return "[" + elements.map(canonical).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { "\"\($0.key)\":" + canonical($0.node) }.joined(separator: ",") + "}"
        }
    }

    static func metadata(of package: [UInt8], name: String) throws -> JSONDocument.Node {
        var zip = try ZipReader(package)
        return try JSONDocument.parse(try XCTUnwrap(try zip.contents("\(name)/reports/\(name).json")))
    }

    /// The taxonomy file of the (bundled) edition, as the package `naicxbrl taxonomy` writes holds it.
    static func taxonomyTemplates(_ blank: Blank) throws -> JSONDocument.Node {
        let files = Fixture.packageFiles
        let name = String(blank.entryPoint.dropLast(4)) + "-csv.json"
        let file = try XCTUnwrap(files.first { $0.path == "\(blank.id)/\(name)" }, "the taxonomy package has no \(name)")
        return try JSONDocument.parse(file.contents)
    }

    /// Each page's template in the report is the taxonomy's, member for member, and the report
    /// adds only its own tables (Facts, PrintedForms).
    static func assertReportUsesTheTaxonomysTemplates(_ report: JSONDocument.Node, _ blank: Blank, file: StaticString = #filePath, line: UInt = #line) throws {
        let taxonomy = try taxonomyTemplates(blank)
        XCTAssertEqual(taxonomy["documentInfo"]?["documentType"]?.string, "https://xbrl.org/2021/xbrl-csv", file: file, line: line)
        XCTAssertEqual(taxonomy["documentInfo"]?["taxonomy"]?.elements?.first?.string, blank.taxonomyURL + blank.entryPoint, file: file, line: line)
        XCTAssertNil(taxonomy["tables"], "the taxonomy's file has templates only", file: file, line: line)
        let ours = try XCTUnwrap(taxonomy["tableTemplates"]?.members, file: file, line: line)
        let theirs = try XCTUnwrap(report["tableTemplates"]?.members, file: file, line: line)
        XCTAssertEqual(ours.map(\.key), blank.pages.filter { !$0.lines.isEmpty && !$0.columns.isEmpty }.map(\.id), file: file, line: line)
        XCTAssertEqual(theirs.map(\.key), ours.map(\.key) + ["Facts", "PrintedForms"], file: file, line: line)
        for (a, b) in zip(ours, theirs) {
            XCTAssertEqual(canonical(a.node), canonical(b.node), "template \(a.key)", file: file, line: line)
        }
    }

    func testTheQuarterlyReportCarriesTheTaxonomysTemplatesAndItsPeriodsAsParameters() throws {
        let metadata = try Self.metadata(of: OIMReportTests.csv, name: "mml")
        try Self.assertReportUsesTheTaxonomysTemplates(metadata, .lifeQuarterly)
        // The statement is as of June 30, 2011 (its cover): the instant is the end of that day,
        // the prior year's end December 31, 2010, the year to date January 1 to June 30, 2011.
        let parameters = try XCTUnwrap(metadata["parameters"]?.members)
        let values = Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, $0.node.string ?? "") })
        XCTAssertEqual(values["currentInstant"], "2011-07-01T00:00:00")
        XCTAssertEqual(values["priorYearEnd"], "2011-01-01T00:00:00")
        XCTAssertEqual(values["currentYearToDate"], "2011-01-01T00:00:00/2011-07-01T00:00:00")
        // Every period the templates refer to is a parameter, and nothing else is.
        let templates = String(decoding: try XCTUnwrap(Fixture.packageFiles.first { $0.path.hasPrefix("life-ah-quarterly/") && $0.path.hasSuffix("-csv.json") }).contents, as: UTF8.self)
        var referred = Set<String>()
        for reference in PeriodReference.allCases where templates.contains("\"period\": \"$\(CSVTemplates.parameterName(reference))\"") {
            referred.insert(CSVTemplates.parameterName(reference))
        }
        XCTAssertEqual(Set(values.keys), referred)
        // Assets column 1 is Gross at the statement date, column 4 Net Admitted at the prior year's end.
        let assets = try XCTUnwrap(metadata["tableTemplates"]?["Assets"]?["columns"])
        XCTAssertEqual(assets["c1"]?["dimensions"]?["period"]?.string, "$currentInstant")
        XCTAssertEqual(assets["c1"]?["dimensions"]?["naiclq:AssetsColumnAxis"]?.string, "naiclq:GrossMember")
        XCTAssertEqual(assets["c4"]?["dimensions"]?["period"]?.string, "$priorYearEnd")
    }

    func testTheAnnualReportCarriesItsEditionsTemplates() throws {
        try AnnualStatementTests.requirePdftotext()
        let parsed = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2025"))
        let blank = try XCTUnwrap(Blank.named(parsed.statement.blank, year: parsed.statement.edition))
        XCTAssertEqual(blank.year, 2025)
        let conversion = try Converter.convert(parsed.statement, validate: false)
        let csv = try ReportFormat.csv.bytes(of: conversion, statement: parsed.statement, name: "forethought")
        let metadata = try Self.metadata(of: csv, name: "forethought")
        try Self.assertReportUsesTheTaxonomysTemplates(metadata, blank)
        // December 31, 2025 (the annual statement's date).
        XCTAssertEqual(metadata["parameters"]?["currentInstant"]?.string, "2026-01-01T00:00:00")
        XCTAssertEqual(metadata["parameters"]?["priorYearEnd"]?.string, "2025-01-01T00:00:00")
    }

    /// Each edition of each blank has its own file, beside its entry point.
    func testEachEditionHasItsOwnTemplateFile() throws {
        let files = Fixture.packageFiles.filter { $0.path.hasSuffix("-csv.json") }.map(\.path).sorted()
        XCTAssertEqual(files, ["life-ah-annual/naicla-2023-csv.json", "life-ah-annual/naicla-2024-csv.json", "life-ah-annual/naicla-2025-csv.json",
                               "life-ah-quarterly/naiclq-2011-csv.json"])
    }

    // MARK: Reading parameters

    /// The reference package with its metadata changed by `edit`.
    static func editedMetadata(_ edit: (String) -> String) throws -> [UInt8] {
        var zip = try ZipReader(OIMReportTests.csv)
        let text = String(decoding: try XCTUnwrap(try zip.contents("mml/reports/mml.json")), as: UTF8.self)
        return try OIMReportTests.package(replacing: "mml/reports/mml.json", with: edit(text))
    }

    /// A table's parameter is taken before the report's: here Assets' table says the prior
    /// year ended a year earlier, so its column 4 facts move, and nothing else does.
    func testATablesParameterIsTakenBeforeTheReports() throws {
        let package = try Self.editedMetadata {
            $0.replacingOccurrences(of: "\"Assets\": {\"template\": \"Assets\", \"url\": \"Assets.csv\"}",
                                    with: "\"Assets\": {\"template\": \"Assets\", \"url\": \"Assets.csv\", \"parameters\": {\"priorYearEnd\": \"2010-01-01T00:00:00\"}}")
        }
        let read = CSVReportReader.read(package, name: "mml.xbr")
        XCTAssertEqual(read.raw.issues, [])
        let original = CSVReportReader.read(OIMReportTests.csv, name: "mml.xbr")
        func periods(_ raw: RawInstance, _ concept: String) -> [Period] {
            raw.facts.filter { $0.concept == concept }.compactMap { $0.contextRef.flatMap { raw.contexts[$0]?.period } }.sorted()
        }
        // Bonds: columns 1 and 3 at June 30, 2011; column 4 at December 31, 2010, or 2009 here.
        XCTAssertEqual(periods(original.raw, "Bonds").map(\.description), ["2010-12-31", "2011-06-30", "2011-06-30"])
        XCTAssertEqual(periods(read.raw, "Bonds").map(\.description), ["2009-12-31", "2011-06-30", "2011-06-30"])
        // Liabilities' column 2 keeps the report's parameter.
        XCTAssertEqual(periods(read.raw, "AggregateReserveForLifeContracts"), periods(original.raw, "AggregateReserveForLifeContracts"))
    }

    func testAMissingParameterIsAnErrorWithItsPlace() throws {
        let package = try Self.editedMetadata { $0.replacingOccurrences(of: "\"priorYearEnd\": ", with: "\"priorYearEndX\": ") }
        let read = CSVReportReader.read(package, name: "mml.xbr")
        XCTAssertTrue(read.raw.issues.contains {
            $0.file == "mml.xbr/mml/reports/Assets.csv" && $0.message.contains("column 7 (c4): period refers to $priorYearEnd, which is no column of the table and no parameter")
        }, read.raw.issues.prefix(3).map(\.description).joined(separator: "\n"))
        let notString = try Self.editedMetadata { $0.replacingOccurrences(of: "\"priorYearEnd\": \"2011-01-01T00:00:00\"", with: "\"priorYearEnd\": 2011") }
        XCTAssertTrue(CSVReportReader.read(notString, name: "mml.xbr").raw.issues.contains { $0.message.contains("parameter priorYearEnd must be a string") })
    }

    // MARK: Reading a large table in two parts

    /// A table of at least twice `rowsPerPart` rows is read in two parts at once; the facts,
    /// their contexts (by content), the problems and the imported statement are those of
    /// reading it whole. Here every table of the reference package with 10 rows or more is split.
    func testATableReadInTwoPartsGivesWhatReadingItWholeGives() throws {
        let whole = CSVReportReader.read(OIMReportTests.csv, name: "mml.xbr")
        let saved = CSVReportReader.rowsPerPart
        CSVReportReader.rowsPerPart = 5
        defer { CSVReportReader.rowsPerPart = saved }
        let split = CSVReportReader.read(OIMReportTests.csv, name: "mml.xbr")
        XCTAssertEqual(split.raw.issues, [])
        XCTAssertEqual(split.raw.facts.count, whole.raw.facts.count)
        // Some contexts were named by the second part's assembler.
        XCTAssertTrue(split.raw.contexts.keys.contains { $0.hasPrefix("t") }, "no table was split")
        OIMReportTests.assertSame(OIMReportTests.factSet(whole.raw), OIMReportTests.factSet(split.raw))
        XCTAssertEqual(split.raw.facts.map(\.line), whole.raw.facts.map(\.line), "the facts are not in the order of the rows")
        let imported = ReportImport.read(OIMReportTests.csv, name: "mml.xbr")
        XCTAssertEqual(imported.result.diagnostics, [])
        XCTAssertEqual(imported.result.statement, OIMReportTests.statement)
    }

    /// A problem in the second part is reported once, with its own line, after the first part's.
    func testProblemsOfBothPartsAreReportedInOrder() throws {
        var zip = try ZipReader(OIMReportTests.csv)
        let assets = String(decoding: try XCTUnwrap(try zip.contents("mml/reports/Assets.csv")), as: UTF8.self)
        var lines = assets.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Line 3 (row 2) and the last data row: a value that is no number.
        lines[2] = lines[2].replacingOccurrences(of: "150751734.0", with: "x150751734.0")
        let last = lines.lastIndex { $0.contains(",naiclq:") }!
        var fields = lines[last].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let valueAt = fields.indices.last { Double(fields[$0]) != nil }!
        fields[valueAt] = "#bad"
        lines[last] = fields.joined(separator: ",")
        let package = try OIMReportTests.package(replacing: "mml/reports/Assets.csv", with: lines.joined(separator: "\n"))
        let whole = CSVReportReader.read(package, name: "mml.xbr").raw.issues
        let saved = CSVReportReader.rowsPerPart
        CSVReportReader.rowsPerPart = 5
        defer { CSVReportReader.rowsPerPart = saved }
        let split = CSVReportReader.read(package, name: "mml.xbr").raw.issues
        XCTAssertEqual(split, whole)
        XCTAssertTrue(split.contains { $0.line == last + 1 && $0.message.contains("unknown special value #bad") }, "\(split)")
    }
}
