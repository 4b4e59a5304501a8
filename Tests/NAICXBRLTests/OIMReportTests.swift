import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@_spi(Stages) @testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// The Open Information Model forms: the xBRL-JSON report (and the xBRL-CSV report package)
/// hold the XML instance's facts, fact by fact, import to the same statement, and are written
/// again byte for byte; malformed reports are errors with their place, never a crash.
final class OIMReportTests: XCTestCase {
    static let statement = Fixture.reference.statement
    static let conversion = InstanceTests.conversion
    static let json: [UInt8] = {
        do { return try ReportFormat.json.bytes(of: conversion, statement: statement) } catch { preconditionFailure("\(error)") }
    }()

    // MARK: Fact sets

    /// A fact as a line that does not depend on the syntax: concept, period, dimensions, unit,
    /// decimals, value (numbers by their value), nil, footnote text.
    static func factSet(_ raw: RawInstance) -> [String] {
        raw.facts.map { fact in
            let context = fact.contextRef.flatMap { raw.contexts[$0] }
            var value = fact.value
            if let decimals = fact.decimals.flatMap({ Int($0) }), let (amount, scale) = FactImporter.decimalAmount(FactImporter.trimmed(fact.value), decimals: decimals) {
                value = JSONReportWriter.canonicalDecimal(InstanceWriter.scaled(amount, scale))
            }
            let footnote = fact.id.flatMap { raw.printedForms[$0] ?? raw.footnotes[$0] } ?? ""
            let dims = (context?.explicit.map { "\($0.key)=\($0.value)" } ?? []) + (context?.typed.map { "\($0.key)~\($0.value)" } ?? [])
            return [fact.namespace, fact.concept, context.map { "\($0.period)" } ?? "?", dims.joined(separator: ";"),
                    fact.unitRef.map { raw.units[$0]?.joined(separator: "*") ?? $0 } ?? "", fact.decimals ?? "",
                    fact.isNil ? "(nil)" : value, footnote].joined(separator: " | ")
        }.sorted()
    }

    /// The two fact sets are equal; otherwise the first few facts of each that the other lacks.
    static func assertSame(_ a: [String], _ b: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard a != b else { return }
        let x = Set(a), y = Set(b)
        XCTFail("\(a.count) and \(b.count) facts; only in the first: \(x.subtracting(y).sorted().prefix(3)); only in the second: \(y.subtracting(x).sorted().prefix(3))",
                file: file, line: line)
    }

    static func xmlRaw(_ bytes: [UInt8], _ blank: Blank) -> RawInstance {
        let taxonomy = TaxonomyModel.of(blank)
        return InstanceReader.read(bytes, name: "instance.xbrl", taxonomyNamespace: taxonomy.namespace,
                                   printedFormRole: TaxonomyWriter.printedFormRole(taxonomy))
    }

    func testTheJSONReportHasTheInstancesFactsFactByFact() {
        let xml = Self.xmlRaw(Self.conversion.instance, .lifeQuarterly)
        let json = JSONReportReader.read(Self.json, name: "report.json")
        XCTAssertEqual(json.raw.issues, [])
        XCTAssertEqual(json.blank?.editionKey, Blank.lifeQuarterly.editionKey)
        XCTAssertEqual(json.raw.facts.count, Self.conversion.facts.count)
        let a = Self.factSet(xml), b = Self.factSet(json.raw)
        XCTAssertEqual(a.count, b.count)
        Self.assertSame(a, b)
        // The printed forms (footnotes) came through too.
        XCTAssertGreaterThan(json.raw.footnotes.count, 50)
    }

    /// Values as the statement prints them: Assets line 1, Bonds, 150,751,734 in columns 1 and 3
    /// at June 30, 2011; Note 36's 4,933,708.07 in cents.
    func testValuesAreCanonicalWithTheirDecimals() throws {
        let text = String(decoding: Self.json, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"documentInfo\": {\n    \"documentType\": \"https://xbrl.org/2021/xbrl-json\""))
        XCTAssertTrue(text.contains("\"taxonomy\": [\"http://taxonomy.naicxbrl.org/life-ah-quarterly/naiclq-2011.xsd\"]"))
        XCTAssertTrue(text.contains("""
            "f1": {"value": "150751734.0", "decimals": 0, "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", \
            "period": "2011-07-01T00:00:00", "unit": "iso4217:USD", "naiclq:AssetsColumnAxis": "naiclq:GrossMember"}}
            """))
        XCTAssertTrue(text.contains("{\"value\": \"4933708.07\", \"decimals\": 2, \"dimensions\": {\"concept\": \"naiclq:NoteTableAmountColumn1\""))
        // A printed form is a footnote, linked from its fact.
        XCTAssertTrue(text.contains("{\"value\": \"$ 4,933,708.07\", \"dimensions\": {\"concept\": \"xbrl:note\", \"language\": \"en\", \"noteId\": \"n"))
        // Every fact is keyed by the XML fact's position.
        let count = Self.conversion.facts.count
        XCTAssertTrue(text.contains("\n    \"f\(count)\": {") && !text.contains("\n    \"f\(count + 1)\": {"))
    }

    func testCanonicalDecimals() {
        func c(_ units: Int64, _ digits: Int) -> String { JSONReportWriter.canonicalDecimal(Amount(units: units, fractionDigits: digits)) }
        XCTAssertEqual(c(150751734, 0), "150751734.0")
        XCTAssertEqual(c(493370807, 2), "4933708.07")
        XCTAssertEqual(c(35304400, 2), "353044.0")
        XCTAssertEqual(c(-2959888, 0), "-2959888.0")
        XCTAssertEqual(c(5, 2), "0.05")
        XCTAssertEqual(c(0, 2), "0.0")
        for text in ["150751734.0", "4933708.07", "0.05", "-0.5", "0.0"] { XCTAssertTrue(JSONReportReader.isCanonical(text, .monetary), text) }
        for text in ["150751734", "1.50", "01.0", ".5", "1.", "+1.0", "1e3"] { XCTAssertFalse(JSONReportReader.isCanonical(text, .monetary), text) }
    }

    func testImportingTheJSONReportGivesTheParsedStatementAndTheSameBytes() throws {
        let report = ReportImport.read(Self.json, name: "report.json")
        XCTAssertEqual(report.format, .json)
        XCTAssertEqual(report.result.diagnostics, [])
        XCTAssertEqual(report.result.statement, Self.statement)
        let again = try Converter.convert(report.result.statement, validate: false)
        XCTAssertTrue(again.instance == Self.conversion.instance, "the XML instance of the imported report differs")
        XCTAssertTrue(try ReportFormat.json.bytes(of: again, statement: report.result.statement) == Self.json, "the JSON report written again differs")
    }

    /// The 2024 filing, read from its PDF: the three forms hold the same facts.
    func testAnnualFilingInEveryForm() throws {
        try AnnualStatementTests.requirePdftotext()
        let parsed = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2024"))
        let conversion = try Converter.convert(parsed.statement, validate: false)
        let blank = try XCTUnwrap(Blank.named(parsed.statement.blank, year: parsed.statement.edition))
        let json = try ReportFormat.json.bytes(of: conversion, statement: parsed.statement)
        let read = JSONReportReader.read(json, name: "annual.json")
        XCTAssertEqual(read.raw.issues, [])
        Self.assertSame(Self.factSet(Self.xmlRaw(conversion.instance, blank)), Self.factSet(read.raw))
        let imported = ReportImport.read(json, name: "annual.json")
        XCTAssertEqual(imported.result.diagnostics, [])
        XCTAssertEqual(imported.result.statement, FactImporter(blank: blank).importInstance(conversion.instance, name: "annual.xbrl").statement)
        XCTAssertTrue(try ReportFormat.json.bytes(of: try Converter.convert(imported.result.statement, validate: false), statement: imported.result.statement) == json)
    }

    // MARK: Hostile JSON

    static let header = """
        {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "features": {"xbrl:canonicalValues": true},
         "namespaces": {"naiclq": "http://taxonomy.naicxbrl.org/life-ah-quarterly", "naic": "http://taxonomy.naicxbrl.org/naic-company-code",
          "iso4217": "http://www.xbrl.org/2003/iso4217", "xbrl": "https://xbrl.org/2021", "xbrli": "http://www.xbrl.org/2003/instance"},
         "linkTypes": {"footnote": "http://www.xbrl.org/2003/arcrole/fact-footnote"}, "linkGroups": {"_": "http://www.xbrl.org/2003/role/link"},
         "taxonomy": ["http://taxonomy.naicxbrl.org/life-ah-quarterly/naiclq-2011.xsd"]},
        "facts": {
        """
    static let date = #""d": {"value": "2011-06-30", "dimensions": {"concept": "naiclq:StatementDate", "entity": "naic:70416", "period": "2011-01-01T00:00:00/2011-07-01T00:00:00"}}"#

    /// Each malformed report: the first error's line, column (in its message) and code.
    func testMalformedJSONReportsAreErrorsWithTheirPlace() {
        let cases: [(String, [UInt8], Int?, String, Diagnostic.Code)] = [
            ("an open brace", Array(" {".utf8), 1, "column 3", .invalidJSON),
            ("bad UTF-8", Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8), 1, "not UTF-8", .invalidJSON),
            ("truncated", Array((Self.header + "\n" + Self.date).utf8), 7, "ends inside an object", .invalidJSON),
            ("duplicate fact id", Array((Self.header + "\n" + Self.date + ",\n" + Self.date + "}}").utf8), 8, "occurs twice", .invalidJSON),
            ("deep nesting", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), 1, "nesting deeper than 64", .invalidJSON),
            ("not an object", Array("[1, 2]".utf8), 1, "must be a JSON object", .oim),
            ("documentType", Array((Self.header.replacingOccurrences(of: "2021/xbrl-json", with: "2021/xbrl-csv") + "}}").utf8), 1, "not https://xbrl.org/2021/xbrl-json", .oim),
            ("undeclared prefix", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "naiclq:StatementDate", with: "x:StatementDate") + "}}").utf8), 7, "no declared prefix", .oim),
            ("no value", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "\"value\": \"2011-06-30\", ", with: "") + "}}").utf8), 7, "has no value", .oim),
            ("value a number", Array((Self.header + "\n" + #""a": {"value": 5.0, "decimals": 0, "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", "period": "2011-07-01T00:00:00", "unit": "iso4217:USD"}}}}"#).utf8), 7, "must be a string or null", .oim),
            ("not canonical", Array((Self.header + "\n" + #""a": {"value": "150751734", "decimals": 0, "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", "period": "2011-07-01T00:00:00", "unit": "iso4217:USD"}}}}"#).utf8), 7, "not canonical", .oim),
            ("pure unit", Array((Self.header + "\n" + #""a": {"value": "1.0", "decimals": 0, "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", "period": "2011-07-01T00:00:00", "unit": "xbrli:pure"}}}}"#).utf8), 7, "pure unit", .oim),
            ("no unit", Array((Self.header + "\n" + #""a": {"value": "1.0", "decimals": 0, "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", "period": "2011-07-01T00:00:00"}}}}"#).utf8), 7, "has no unit", .oim),
            ("no decimals", Array((Self.header + "\n" + #""a": {"value": "1.0", "dimensions": {"concept": "naiclq:Bonds", "entity": "naic:70416", "period": "2011-07-01T00:00:00", "unit": "iso4217:USD"}}}}"#).utf8), 7, "has no decimals", .oim),
            ("bad period", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "2011-01-01T00:00:00/", with: "yesterday/") + "}}").utf8), 7, "is not a date-time", .oim),
            ("unknown property", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "{\"value\"", with: "{\"colour\": 1, \"value\"") + "}}").utf8), 7, "unknown property \"colour\"", .oim),
            ("unknown dimension", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "\"entity\"", with: "\"naiclq:NoSuchAxis\": \"naiclq:X\", \"entity\"") + "}}").utf8), 7, "not a dimension of the taxonomy", .oim),
            ("link to nothing", Array((Self.header + "\n" + Self.date.replacingOccurrences(of: "}}", with: "}, \"links\": {\"footnote\": {\"_\": [\"n9\"]}}}") + "}}").utf8), 7, "no footnote of the report", .oim),
        ]
        for (label, bytes, line, message, code) in cases {
            let report = ReportImport.read(bytes, name: "hostile.json")
            guard let first = report.result.diagnostics.first(where: { $0.severity == .error }) else {
                XCTFail("\(label): no error")
                continue
            }
            XCTAssertEqual(first.file, "hostile.json", label)
            XCTAssertEqual(first.line, line, "\(label): \(first)")
            XCTAssertTrue(first.message.contains("column "), "\(label): \(first)")
            XCTAssertTrue(first.message.contains(message), "\(label): \(first)")
            XCTAssertEqual(first.code, code, "\(label): \(first)")
        }
    }

    /// The FuzzReports seeds (reports of slices of the reference statement) import without error.
    func testTheFuzzSeedsImport() throws {
        let folder = Fixture.root.appendingPathComponent("Fuzz/Corpus/reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("cover-") }.sorted()
        XCTAssertEqual(names.count, 4)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let report = ReportImport.read(bytes, name: name)
            XCTAssertNotNil(report.blank, name)
            XCTAssertEqual(report.result.diagnostics.filter { $0.severity == .error }, [], name)
        }
    }

    /// Every prefix of the reference report, and the report with each byte in turn replaced, is
    /// read without a crash (a sample of positions; the reader must always return).
    func testTruncatedAndCorruptedReportsNeverCrash() {
        let bytes = Self.json
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            let report = ReportImport.read(Array(bytes[..<cut]), name: "cut.json")
            XCTAssertTrue(report.result.hasErrors || report.blank == nil, "cut at \(cut)")
        }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            var corrupted = bytes
            corrupted[position] = [0x22, 0x7B, 0x00, 0xFF, 0x5C][position % 5]
            _ = ReportImport.read(corrupted, name: "corrupted.json")
        }
    }

    // MARK: xBRL-CSV

    static let csv: [UInt8] = {
        do { return try ReportFormat.csv.bytes(of: conversion, statement: statement, name: "mml") } catch { preconditionFailure("\(error)") }
    }()

    /// The fact set without footnotes: xBRL-CSV keeps printed forms, not footnotes; the
    /// printed forms are compared through the imported statement.
    static func withoutFootnotes(_ facts: [String]) -> [String] {
        facts.map { line in line.range(of: " | ", options: .backwards).map { String(line[..<$0.lowerBound]) } ?? line }.sorted()
    }

    func testTheCSVPackageHasTheInstancesFactsAndImportsToTheStatement() throws {
        let read = CSVReportReader.read(Self.csv, name: "mml.xbr")
        XCTAssertEqual(read.raw.issues, [])
        XCTAssertEqual(read.raw.facts.count, Self.conversion.facts.count)
        Self.assertSame(Self.withoutFootnotes(Self.factSet(Self.xmlRaw(Self.conversion.instance, .lifeQuarterly))), Self.withoutFootnotes(Self.factSet(read.raw)))
        let report = ReportImport.read(Self.csv, name: "mml.xbr")
        XCTAssertEqual(report.format, .csv)
        XCTAssertEqual(report.result.diagnostics, [])
        XCTAssertEqual(report.result.statement, Self.statement)
        let again = try Converter.convert(report.result.statement, validate: false)
        XCTAssertTrue(again.instance == Self.conversion.instance)
        XCTAssertTrue(try ReportFormat.csv.bytes(of: again, statement: report.result.statement, name: "mml") == Self.csv, "the package written again differs")
    }

    /// Assets.csv is the page as printed: line 1, Bonds, 150,751,734 in columns 1 and 3 and
    /// 142,663,041 in column 4.
    func testAPageTableHasThePrintedShape() throws {
        var zip = try ZipReader(Self.csv)
        XCTAssertEqual(zip.entries.map(\.path).prefix(3), ["mml/META-INF/reportPackage.json", "mml/reports/mml.json", "mml/reports/Assets.csv"])
        let assets = String(decoding: try XCTUnwrap(try zip.contents("mml/reports/Assets.csv")), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(assets[0], "line,caption,concept,c1,c2,c3,c4")
        XCTAssertEqual(assets[1], "1,Bonds,naiclq:Bonds,150751734.0,,150751734.0,142663041.0")
        XCTAssertEqual(assets.count, 1 + Blank.lifeQuarterly.page("Assets")!.lines.count)
        let package = String(decoding: try XCTUnwrap(try zip.contents("mml/META-INF/reportPackage.json")), as: UTF8.self)
        XCTAssertTrue(package.contains("https://xbrl.org/report-package/2023/xbr"))
    }

    func testTheAnnualFilingAsACSVPackage() throws {
        try AnnualStatementTests.requirePdftotext()
        let parsed = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2024"))
        let conversion = try Converter.convert(parsed.statement, validate: false)
        let blank = try XCTUnwrap(Blank.named(parsed.statement.blank, year: parsed.statement.edition))
        let csv = try ReportFormat.csv.bytes(of: conversion, statement: parsed.statement, name: "forethought")
        let read = CSVReportReader.read(csv, name: "forethought.xbr")
        XCTAssertEqual(read.raw.issues, [])
        Self.assertSame(Self.withoutFootnotes(Self.factSet(Self.xmlRaw(conversion.instance, blank))), Self.withoutFootnotes(Self.factSet(read.raw)))
        let imported = ReportImport.read(csv, name: "forethought.xbr")
        XCTAssertEqual(imported.result.diagnostics, [])
        XCTAssertEqual(imported.result.statement, FactImporter(blank: blank).importInstance(conversion.instance, name: "annual.xbrl").statement)
    }

    // MARK: Hostile packages

    /// The reference package with `file` replaced by `contents` (or added).
    static func package(replacing file: String, with contents: String?, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        try package(replacing: file, bytes: contents.map { Array($0.utf8) }, extra: extra)
    }

    static func package(replacing file: String, bytes contents: [UInt8]?, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        var zip = try ZipReader(csv)
        var entries: [(path: String, contents: [UInt8])] = []
        for entry in zip.entries {
            if entry.path == file {
                if let contents { entries.append((entry.path, contents)) }
            } else {
                entries.append((entry.path, try zip.contents(entry.path)!))
            }
        }
        return ZipArchive.stored(entries + extra)
    }

    func testMalformedPackagesAreErrorsWithTheirPlace() throws {
        let assets = "mml/reports/Assets.csv", metadata = "mml/reports/mml.json"
        var zip = try ZipReader(Self.csv)
        let assetsText = String(decoding: try zip.contents(assets)!, as: UTF8.self)
        let metadataText = String(decoding: try zip.contents(metadata)!, as: UTF8.self)
        let cases: [(String, [UInt8], String?, Int?, String, Diagnostic.Code)] = [
            ("not a zip", Array("PK\u{3}\u{4} and nothing else".utf8), nil, nil, "zip", .reportPackage),
            ("../ path", ZipArchive.stored([("mml/../../evil.csv", [0x41])]), nil, nil, "could point outside the package", .reportPackage),
            ("absolute path", ZipArchive.stored([("/etc/passwd", [0x41])]), nil, nil, "could point outside the package", .reportPackage),
            ("two folders", try Self.package(replacing: "none", with: nil, extra: [("other/x.csv", [0x41])]), nil, nil, "one top-level folder", .reportPackage),
            ("no metadata", try Self.package(replacing: metadata, with: nil), nil, nil, "holds no report", .reportPackage),
            ("no package JSON", try Self.package(replacing: "mml/META-INF/reportPackage.json", with: nil), nil, nil, "has no mml/META-INF/reportPackage.json", .reportPackage),
            ("metadata not JSON", try Self.package(replacing: metadata, with: "{\"documentInfo\": "), "mml.xbr/" + metadata, 1, "ends where a value was expected", .invalidJSON),
            ("ragged row", try Self.package(replacing: assets, with: assetsText.replacingOccurrences(of: "1,Bonds,naiclq:Bonds,", with: "1,Bonds,naiclq:Bonds,,")),
             "mml.xbr/mml/reports/Assets.csv", 2, "the row has 8 fields, the header 7", .invalidCSV),
            ("unknown column", try Self.package(replacing: assets, with: assetsText.replacingOccurrences(of: "line,caption,concept,c1", with: "line,caption,concept,colour")),
             "mml.xbr/mml/reports/Assets.csv", 1, "colour is not a column", .invalidCSV),
            ("bad UTF-8", try Self.package(replacing: assets, bytes: Array(assetsText.utf8).map { $0 == 0x42 ? 0xC3 : $0 }),
             "mml.xbr/mml/reports/Assets.csv", 2, "column 3: the file is not UTF-8 (byte 0xC3)", .invalidCSV),
            ("unclosed quote", try Self.package(replacing: assets, with: assetsText + "99,\"Unclosed"),
             "mml.xbr/mml/reports/Assets.csv", assetsText.filter { $0 == "\n" }.count + 1, "a quoted field is not closed", .invalidCSV),
            ("bad amount", try Self.package(replacing: assets, with: assetsText.replacingOccurrences(of: "150751734.0,,", with: "15O751734.0,,")),
             nil, 2, "not a valid monetary", .importError),
            ("unknown special value", try Self.package(replacing: assets, with: assetsText.replacingOccurrences(of: "150751734.0,,", with: "#what,,")),
             "mml.xbr/mml/reports/Assets.csv", 2, "unknown special value", .oim),
            ("wrong documentType", try Self.package(replacing: metadata, with: metadataText.replacingOccurrences(of: "2021/xbrl-csv", with: "2021/xbrl-json")),
             "mml.xbr/" + metadata, 2, "not https://xbrl.org/2021/xbrl-csv", .oim),
            ("table outside the package", try Self.package(replacing: metadata, with: metadataText.replacingOccurrences(of: "\"url\": \"Assets.csv\"", with: "\"url\": \"../../Assets.csv\"")),
             "mml.xbr/" + metadata, nil, "not a relative path inside the package", .oim),
        ]
        for (label, bytes, file, line, message, code) in cases {
            let report = ReportImport.read(bytes, name: "mml.xbr")
            guard let first = report.result.diagnostics.first(where: { $0.severity == .error }) else {
                XCTFail("\(label): no error")
                continue
            }
            if let file { XCTAssertEqual(first.file, file, "\(label): \(first)") }
            if let line { XCTAssertEqual(first.line, line, "\(label): \(first)") }
            XCTAssertTrue(first.message.contains(message), "\(label): \(first)")
            XCTAssertEqual(first.code, code, "\(label): \(first)")
        }
    }

    /// A compressed entry is refused before it is expanded: a package cannot be a zip bomb.
    func testACompressedEntryIsRefusedUnread() throws {
        var bytes = Self.csv
        // The first entry's method, in its local header and in the central directory: 8 (deflate).
        bytes[8] = 8
        var zip = try ZipReader(bytes)
        let centralAt = (0..<(bytes.count - 4)).last { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x01 && bytes[$0 + 3] == 0x02 && zip.entries.count > 0 }
        _ = centralAt
        let first = try XCTUnwrap(zip.entries.first)
        var central = bytes
        if let at = (0..<(central.count - 46)).first(where: { central[$0] == 0x50 && central[$0 + 1] == 0x4B && central[$0 + 2] == 0x01 && central[$0 + 3] == 0x02 }) {
            central[at + 10] = 8
        }
        zip = try ZipReader(central)
        XCTAssertThrowsError(try zip.contents(first.path)) { error in
            XCTAssertTrue("\(error)".contains("is compressed"), "\(error)")
        }
        let report = ReportImport.read(central, name: "bomb.xbr")
        XCTAssertTrue(report.result.diagnostics.contains { $0.code == .reportPackage && $0.message.contains("compressed") })

        // A stored entry that claims 2 GB: refused before anything is allocated for it.
        var huge = Self.csv
        if let at = (0..<(huge.count - 46)).first(where: { huge[$0] == 0x50 && huge[$0 + 1] == 0x4B && huge[$0 + 2] == 0x01 && huge[$0 + 3] == 0x02 }) {
            for offset in [20, 24] { huge[at + offset] = 0xFF; huge[at + offset + 1] = 0xFF; huge[at + offset + 2] = 0xFF; huge[at + offset + 3] = 0x7F }
        }
        let claimed = ReportImport.read(huge, name: "huge.xbr")
        XCTAssertTrue(claimed.result.diagnostics.contains { $0.code == .reportPackage && $0.message.contains("lies outside the archive") },
                      "\(claimed.result.diagnostics.prefix(2))")
    }

    func testCSVParsing() throws {
        let rows = try CSVTable.parse(Array("a,b,c\r\n\"x, \"\"y\"\"\",,\"multi\nline\"\nlast,,\n".utf8))
        XCTAssertEqual(rows.map(\.fields), [["a", "b", "c"], ["x, \"y\"", "", "multi\nline"], ["last", "", ""]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4])
        var bytes = CSVBytes()
        bytes.row(["x, \"y\"", "", "multi\nline", " padded"])
        XCTAssertEqual(String(decoding: bytes.bytes, as: UTF8.self), "\"x, \"\"y\"\"\",,\"multi\nline\",\" padded\"\n")
        XCTAssertEqual(try CSVTable.parse(bytes.bytes).map(\.fields), [["x, \"y\"", "", "multi\nline", " padded"]])
        // A character XML cannot hold is U+FFFD in every form.
        var control = CSVBytes()
        control.row(["a\u{1B}b"])
        XCTAssertEqual(String(decoding: control.bytes, as: UTF8.self), "a\u{FFFD}b\n")
        var json = JSONBytes()
        json.string("a\u{1B}b")
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), "\"a\u{FFFD}b\"")
    }
}

/// The command line with the OIM forms: convert --format, batch output names, import, validate
/// and their exit codes.
final class OIMCommandLineTests: XCTestCase {
    var cli: OIMCommandLineTests { self }

    var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naicxbrl")
    }

    func run(_ arguments: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("the naicxbrl binary is not built next to the tests (\(tool.path))")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
    }

    func testConvertImportAndValidateEachForm() throws {
        let folder = try Fixture.temporaryFolder("oim-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, name) in [("json", "report.json"), ("csv", "report.xbr")] {
            let output = folder.appendingPathComponent(name).path
            let converted = try cli.run(["convert", Fixture.referencePath, "--format", format, "-o", output])
            XCTAssertEqual(converted.code, 0, converted.stderr)
            let validated = try cli.run(["validate", output])
            XCTAssertEqual(validated.code, 0, validated.stderr)
            XCTAssertEqual(validated.stdout, "\(output): valid\n")
            let again = folder.appendingPathComponent("again").appendingPathComponent(name).path
            try FileManager.default.createDirectory(atPath: (again as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let imported = try cli.run(["import", output, "--format", format == "json" ? "xbrl-json" : "xbrl-csv", "-o", again])
            XCTAssertEqual(imported.code, 0, imported.stderr)
            XCTAssertEqual(FileManager.default.contents(atPath: again), FileManager.default.contents(atPath: output), format)
            let model = try cli.run(["import", output])
            XCTAssertEqual(model.code, 0, model.stderr)
            XCTAssertTrue(model.stdout.contains("\"companyCode\" : \"70416\"") || model.stdout.contains("\"companyCode\":\"70416\""), String(model.stdout.prefix(300)))
        }
    }

    func testBatchWritesEachStatementInTheFormat() throws {
        let folder = try Fixture.temporaryFolder("oim-batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try cli.run(["convert", Fixture.referencePath, "--output-dir", folder.path, "--format", "csv"])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mml-bay-state-life-2011-q2.xbr").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mml-bay-state-life-2011-q2.xbrl").path))
    }

    /// A malformed report is invalid input: exit 1 with the place of the problem; a missing file
    /// is exit 2.
    func testMalformedReportsExitOne() throws {
        let folder = try Fixture.temporaryFolder("oim-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try Data("{\"documentInfo\": {\"documentType\": \"https://xbrl.org/2021/xbrl-json\"},\n \"facts\": [}".utf8).write(to: bad)
        for command in ["import", "validate"] {
            let result = try cli.run([command, bad.path])
            XCTAssertEqual(result.code, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("bad.json:2: error: column 12: unexpected '}' where a value was expected [invalid-json]"), result.stderr)
        }
        let zip = folder.appendingPathComponent("evil.xbr")
        try Data(ZipArchive.stored([("evil/../../escape.csv", Array("x".utf8))])).write(to: zip)
        let result = try cli.run(["import", zip.path])
        XCTAssertEqual(result.code, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("could point outside the package"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escape.csv").path))
        XCTAssertEqual(try cli.run(["import", folder.appendingPathComponent("missing.json").path]).code, 2)
    }
}

/// An xBRL-CSV report as another processor writes it (Arelle's saveLoadableOIM): loose metadata
/// and tables rather than a report package, a byte-order mark, one facts table whose rows are
/// identified by a row id column, every dimension a column, and the printed forms as footnotes
/// in a table of their own with links to them.
final class LooseCSVReportTests: XCTestCase {
    /// That report, made here from the facts of the library's xBRL-JSON report of the reference
    /// statement: metadata, facts table and footnotes table by file name.
    static func looseReport() throws -> [String: [UInt8]] {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(OIMReportTests.json)) as? [String: Any])
        let info = try XCTUnwrap(json["documentInfo"] as? [String: Any])
        let facts = try XCTUnwrap(json["facts"] as? [String: [String: Any]])
        var axes: Set<String> = []
        for (_, fact) in facts {
            for key in (fact["dimensions"] as? [String: String] ?? [:]).keys where key.contains(":") { axes.insert(key) }
        }
        let axisList = axes.sorted()
        func column(_ axis: String) -> String { axis.replacingOccurrences(of: ":", with: "_") }
        func field(_ text: String) -> String {
            text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var factRows = ["\u{FEFF}" + (["id", "concept", "decimals", "entity", "period", "unit"] + axisList.map(column) + ["value"]).joined(separator: ",")]
        var noteRows = ["\u{FEFF}id,footnote,language"]
        var links: [String: [String]] = [:]
        for id in facts.keys.sorted() {
            let fact = facts[id]!
            let dimensions = fact["dimensions"] as? [String: String] ?? [:]
            if dimensions["concept"] == "xbrl:note" {
                noteRows.append([id, field(fact["value"] as? String ?? ""), "en"].joined(separator: ","))
                continue
            }
            let text = fact["value"] as? String ?? ""
            let value = fact["value"] is NSNull ? "#nil" : field(text.hasPrefix("#") ? "#" + text : text.isEmpty ? "#empty" : text)
            let decimals = (fact["decimals"] as? Int).map(String.init) ?? ""
            var row = [id, dimensions["concept"] ?? "", decimals, dimensions["entity"] ?? "", dimensions["period"] ?? "", dimensions["unit"] ?? ""]
            row += axisList.map { field(dimensions[$0] ?? "") }
            factRows.append((row + [value]).joined(separator: ","))
            if let notes = ((fact["links"] as? [String: Any])?["footnote"] as? [String: [String]])?["_"] {
                links["facts.r_\(id).value"] = notes.map { "footnotes.r_\($0).footnote" }
            }
        }
        var factDimensions: [String: String] = ["concept": "$concept", "entity": "$entity", "period": "$period", "unit": "$unit"]
        var factColumns: [String: Any] = ["id": [:], "concept": [:], "decimals": [:], "entity": [:], "period": [:], "unit": [:],
                                          "value": ["dimensions": [:]]]
        for axis in axisList {
            factDimensions[axis] = "$" + column(axis)
            factColumns[column(axis)] = [String: Any]()
        }
        let metadata: [String: Any] = [
            "documentInfo": ["documentType": "https://xbrl.org/2021/xbrl-csv", "namespaces": info["namespaces"]!,
                             "linkTypes": info["linkTypes"]!, "linkGroups": info["linkGroups"]!, "taxonomy": info["taxonomy"]!],
            "tables": ["facts": ["template": "facts", "url": "report-facts.csv"],
                       "footnotes": ["template": "footnotes", "url": "report-footnotes.csv"]],
            "tableTemplates": [
                "facts": ["rowIdColumn": "id", "dimensions": factDimensions, "columns": factColumns, "decimals": "$decimals"],
                "footnotes": ["rowIdColumn": "id", "dimensions": ["language": "$language"],
                              "columns": ["id": [:], "footnote": ["dimensions": ["concept": "xbrl:note"]], "language": [:]]],
            ],
            "links": ["footnote": ["_": links]],
        ]
        var metadataBytes = Array("\u{FEFF}".utf8)
        metadataBytes += Array(try JSONSerialization.data(withJSONObject: metadata, options: [.sortedKeys]))
        XCTAssertGreaterThan(links.count, 20, "the reference statement prints values with a printed form ($ 38, -, XXX)")
        return ["report-metadata.json": metadataBytes,
                "report-facts.csv": Array((factRows.joined(separator: "\r\n") + "\r\n").utf8),
                "report-footnotes.csv": Array((noteRows.joined(separator: "\r\n") + "\r\n").utf8)]
    }

    func testALooseReportWithRowIDsAndFootnoteLinksImportsToTheStatement() throws {
        let files = try Self.looseReport()
        let metadata = try XCTUnwrap(files["report-metadata.json"])
        XCTAssertTrue(CSVReportReader.isMetadata(metadata))
        let report = ReportImport.read(metadata, name: "report-metadata.json", beside: { files[$0] })
        XCTAssertEqual(report.format, .csv)
        XCTAssertEqual(report.result.diagnostics.filter { $0.severity >= .warning }.map(\.description), [])
        let imported = report.result.statement, parsed = OIMReportTests.statement
        XCTAssertEqual(imported.cover, parsed.cover)
        for (a, b) in zip(imported.pages, parsed.pages) where a != b {
            for (r, q) in zip(a.rows, b.rows) where r != q { XCTFail("\(a.id) line \(r.line): \(r.cells) \(r.captionAmounts) vs \(q.cells) \(q.captionAmounts)") }
            if a.rows == b.rows { XCTFail("\(a.id) differs outside its rows") }
        }
        for (a, b) in zip(imported.notes, parsed.notes) where a != b { XCTFail("note \(a.number) differs") }
        for (a, b) in zip(imported.interrogatories, parsed.interrogatories) where a != b { XCTFail("\(a.part):\(a.number): \(a.answer) vs \(b.answer)") }
        XCTAssertTrue(imported == parsed, "the imported statement differs")
        // Without the files beside it, the metadata is not taken for an xBRL-JSON report.
        XCTAssertEqual(ReportImport.read(metadata, name: "report-metadata.json").format, .json)
    }

    /// The table files are read by the names the metadata gives, beside it and nowhere else.
    func testATableOutsideTheMetadatasFolderIsRefusedUnread() throws {
        var files = try Self.looseReport()
        let text = String(decoding: files["report-metadata.json"]!, as: UTF8.self)
        files["report-metadata.json"] = Array(text.replacingOccurrences(of: "\"report-facts.csv\"", with: "\"..\\/report-facts.csv\"").utf8)
        final class Asked { var names: [String] = [] }
        let asked = Asked()
        let given = files
        let report = ReportImport.read(given["report-metadata.json"]!, name: "m.json", beside: { name in asked.names.append(name); return given[name] })
        XCTAssertFalse(asked.names.contains { $0.contains("..") }, "\(asked.names)")
        XCTAssertTrue(report.result.diagnostics.contains { $0.message.contains("is not a relative path inside the package") }, "\(report.result.diagnostics)")
        // The command line's reader opens only plain names beside the input.
        let beside = try XCTUnwrap(InputFile.beside("/tmp/x/report-metadata.json"))
        XCTAssertNil(beside("../etc/passwd"))
        XCTAssertNil(beside("sub/file.csv"))
        XCTAssertNil(beside(".."))
        XCTAssertNil(InputFile.beside("-"))
    }
}
