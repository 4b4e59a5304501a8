import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// What hostile or careless input must not do: make XML that is not well-formed, skip checks
/// by overflowing, cost time that grows faster than the input.
final class ReliabilityTests: XCTestCase {
    /// The reference statement with `replacement` in place of the first `original`.
    func reference(replacing original: String, with replacement: String) -> [UInt8] {
        var text = Fixture.referenceText
        let range = text.range(of: original)!
        text.replaceSubrange(range, with: replacement)
        return Array(text.utf8)
    }

    // MARK: characters XML cannot hold

    func testControlCharactersNeverMakeMalformedXML() throws {
        let characters: [String] = (0..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) }.map { String(UnicodeScalar(UInt8($0))) }
            + ["\u{FFFE}", "\u{FFFF}"]
        var text = "Under statutory accounting"
        for (i, c) in characters.enumerated() { text += " x\(i)\(c)" }
        let bytes = reference(replacing: "Under statutory accounting", with: text)
        let parsed = StatementParser.parse(bytes: bytes, name: "ctl.txt")
        XCTAssertTrue(parsed.isUsable)
        for validate in [false, true] {
            let conversion = try Converter.convert(parsed.statement, file: "out.xbrl", validate: validate)
            XCTAssertEqual(conversion.validation, [], "\(conversion.validation.prefix(3))")
            let reported = conversion.diagnostics.filter { $0.code == .unwritableCharacter }
            XCTAssertEqual(reported.count, 1, "\(reported)")
            XCTAssertEqual(reported.first?.severity, .error)
            XCTAssertTrue(reported.first?.message.contains("x0\\u{0} x1\\u{1}") ?? false, "\(reported)")
            // Well-formed: the importer reads it, with the character replaced.
            let imported = FactImporter(blank: .lifeQuarterly).importInstance(conversion.instance, name: "out.xbrl")
            XCTAssertFalse(imported.hasErrors, "\(imported.diagnostics.prefix(3))")
        }
    }

    func testAttributeValuesAreCheckedToo() {
        var xml = XMLBytes(capacity: 64)
        xml.attribute("a", "x\u{1B}y\u{FFFF}z\"\t")
        XCTAssertEqual(String(decoding: xml.bytes, as: UTF8.self), " a=\"x\u{FFFD}y\u{FFFD}z&quot;&#9;\"")
        XCTAssertEqual(xml.unwritable, ["x\u{1B}y\u{FFFF}z\"\t"])
        var clean = XMLBytes(capacity: 64)
        clean.text("a\tb\nc\rd\u{FFFD}\u{7F}é")
        XCTAssertEqual(String(decoding: clean.bytes, as: UTF8.self), "a\tb\nc&#13;d\u{FFFD}\u{7F}é")
        XCTAssertEqual(clean.unwritable, [])
    }

    // MARK: overflow

    /// Amounts near 2^63 are compared exactly: a total that cannot be right fails, it is not
    /// "not evaluated".
    func testHugeAmountsAreCheckedNotSkipped() throws {
        guard let checker = try Checker.bundled(for: .lifeQuarterly) else { return XCTFail("no rules") }
        for huge in [Int64.max, Int64.max - 1, Int64.min, Int64.min + 1] {
            var statement = Fixture.reference.statement
            let p = statement.pages.firstIndex { $0.id == "Assets" }!
            let r = statement.pages[p].rows.firstIndex { $0.line == "1" }!
            let column = Blank.lifeQuarterly.page("Assets")!.index(ofColumn: "1")!
            statement.pages[p].rows[r].cells[column] = .amount(Amount(units: huge))
            let report = checker.check(statement)
            let total = report.results.filter { $0.rule == "assets-line-12-total-col-1" }
            XCTAssertFalse(total.isEmpty)
            XCTAssertFalse(total.contains { $0.status == .notEvaluated }, "\(huge): \(total.map(\.status))")
            let failed = total.filter { $0.status == .failed }
            XCTAssertEqual(failed.count, 1, "\(huge): \(total.map(\.status))")
            XCTAssertTrue(report.hasErrors)
            // The difference is exact, beyond 64 bits where it has to be.
            if let difference = failed.first?.difference, let actual = failed.first?.actual, let expected = failed.first?.expected {
                XCTAssertEqual(Decimal(string: actual)! - Decimal(string: expected)!, Decimal(string: difference)!)
            }
            // The fast plan and the detailed report agree.
            XCTAssertEqual(report.summary.errors, report.results.filter { $0.level == .error }.count)
        }
    }

    /// Sums over a note table's rows and amounts scaled from millions are exact too: no rule
    /// the reference statement evaluates is left unevaluated by huge amounts.
    func testHugeAmountsInNoteTablesAreChecked() throws {
        guard let checker = try Checker.bundled(for: .lifeQuarterly) else { return XCTFail("no rules") }
        let before = checker.check(Fixture.reference.statement)
        let evaluated = Set(before.results.filter { $0.status != .notEvaluated }.map(\.rule))
        for scale in [Scale.units, .millions] {
            var statement = Fixture.reference.statement
            var changed = 0
            for n in statement.notes.indices {
                for b in statement.notes[n].content.indices {
                    guard case .table(var table) = statement.notes[n].content[b] else { continue }
                    table.scale = scale
                    for r in table.rows.indices where !CheckPlan.isTotal(table.rows[r], label: "Total") {
                        for c in table.rows[r].cells.indices where table.rows[r].cells[c].amount != nil {
                            table.rows[r].cells[c] = .amount(Amount(units: .max))
                            changed += 1
                        }
                    }
                    statement.notes[n].content[b] = .table(table)
                }
            }
            XCTAssertGreaterThan(changed, 1)
            let after = checker.check(statement)
            let lost = after.results.filter { $0.status == .notEvaluated && evaluated.contains($0.rule) }.map(\.rule)
            XCTAssertEqual(lost, [], "\(scale)")
            XCTAssertTrue(after.hasErrors)
            XCTAssertEqual(after.summary.errors, after.results.filter { $0.level == .error }.count)
        }
    }

    func testExactSumsAgreeWithDecimalArithmetic() {
        let values: [Amount] = [Amount(units: .max), Amount(units: .min), Amount(units: 5, fractionDigits: 2), Amount(units: .max, fractionDigits: 2),
                                Amount(units: -7), Amount(units: .min, fractionDigits: 1)]
        var sum = ExactSum()
        var expected = Decimal(0)
        for (i, value) in values.enumerated() {
            sum.add(value, negated: i % 2 == 1)
            expected += i % 2 == 1 ? -value.decimal : value.decimal
            XCTAssertEqual(sum.decimal, expected)
        }
        XCTAssertEqual(ExactSum.compare(ExactSum(Amount(units: .max)), ExactSum(Amount(units: .min)), tolerance: Amount(units: 1)).status, .failed)
        XCTAssertEqual(ExactSum.compare(ExactSum(Amount(units: .min)), ExactSum(Amount(units: .min)), tolerance: Amount(units: 1)).status, .passed)
    }

    // MARK: limits

    static let instance: [UInt8] = {
        try! Converter.convert(Fixture.reference.statement, validate: false).instance
    }()

    /// The reference instance with `insert` after the first occurrence of `after`.
    func instance(inserting insert: String, after: String) -> [UInt8] {
        var text = String(decoding: Self.instance, as: UTF8.self)
        let range = text.range(of: after)!
        text.insert(contentsOf: insert, at: range.upperBound)
        return Array(text.utf8)
    }

    func testXMLLimitsAreEnforcedWhileReading() throws {
        let validator = try TaxonomyRegistry.validator(for: .lifeQuarterly)
        let cases: [(String, [UInt8])] = [
            ("too many attributes", instance(inserting: (0..<100_000).map { " a\($0)=\"x\"" }.joined(), after: "<naiclq:TotalAssets ")),
            ("too many namespaces", instance(inserting: (0..<100_000).map { " xmlns:p\($0)=\"http://e/\($0)\"" }.joined(), after: "<xbrli:xbrl")),
            ("too many namespaces", instance(inserting: (0..<65).map { " xmlns:p\($0)='http://e/\($0)'" }.joined(), after: "<xbrli:xbrl")),
            ("text node is too long", instance(inserting: String(repeating: "y", count: 8_000_001), after: "<naiclq:NoteParagraph contextRef=\"c184\">")),
            ("attribute value is too long", instance(inserting: " z=\"" + String(repeating: "y", count: 8_000_001) + "\"", after: "<naiclq:TotalAssets ")),
        ]
        for (expected, bytes) in cases {
            let start = Date()
            let imported = FactImporter(blank: .lifeQuarterly).importInstance(bytes, name: "hostile.xbrl")
            XCTAssertEqual(imported.diagnostics.count, 1, "\(imported.diagnostics.prefix(3))")
            XCTAssertEqual(imported.diagnostics.first?.code, .limit)
            XCTAssertTrue(imported.diagnostics.first?.message.contains(expected) ?? false, "\(imported.diagnostics)")
            let issues = validator.validate(bytes, documentName: "hostile.xbrl")
            XCTAssertTrue(issues.contains { $0.message.contains(expected) }, "\(issues.prefix(3))")
            let recognized = InstanceBlank.recognize(bytes)
            if expected.contains("namespaces") { XCTAssertNotNil(recognized.refusal) }
            // Linear: well under a second for each in a release build; a debug build is slower.
            XCTAssertLessThan(Date().timeIntervalSince(start), 60, expected)
        }
        // Within the limits, in UTF-16 too: 64 namespaces and 200 attributes are read.
        let within = instance(inserting: (0..<50).map { " xmlns:p\($0)=\"http://e/\($0)\"" }.joined(), after: "<xbrli:xbrl")
        XCTAssertFalse(FactImporter(blank: .lifeQuarterly).importInstance(within, name: "ok.xbrl").hasErrors)
        let text = String(decoding: instance(inserting: (0..<300).map { " xmlns:p\($0)=\"http://e/\($0)\"" }.joined(), after: "<xbrli:xbrl"), as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let refused = FactImporter(blank: .lifeQuarterly).importInstance(utf16, name: "u16.xbrl")
        XCTAssertEqual(refused.diagnostics.first?.code, .limit, "\(refused.diagnostics.prefix(2))")
    }

    /// Attribute-like text in comments, CDATA, values and processing instructions is not counted.
    func testMarkupLimitsReadOnlyMarkup() {
        var limits = Limits.defaults
        limits.xmlAttributes = 2
        limits.xmlNamespaces = 1
        var scan = MarkupLimits(limits: limits)
        let document = """
        <?xml version="1.0"?><!-- a="1" b="2" c="3" --><?pi a="1" b="2" c="3"?><r xmlns="u" a='x="1" y="2"'>\
        <![CDATA[ <e a="1" b="2" c="3"> ]]><e a="1" b="2"/></r>
        """
        XCTAssertTrue(Array(document.utf8).withUnsafeBytes { scan.read($0) }, scan.refusal ?? "")
        var over = MarkupLimits(limits: limits)
        XCTAssertFalse(Array("<r><e a=\"1\" b=\"2\" c=\"3\"/></r>".utf8).withUnsafeBytes { over.read($0) })
        var namespaces = MarkupLimits(limits: limits)
        XCTAssertFalse(Array("<r xmlns='a' xmlns:b='b'/>".utf8).withUnsafeBytes { namespaces.read($0) })
        // Fed a byte at a time, the same.
        var bytewise = MarkupLimits(limits: limits)
        var refused = false
        for byte in Array("<r><e a=\"1\" b=\"2\" c=\"3\"/></r>".utf8) where !refused {
            refused = ![byte].withUnsafeBytes { bytewise.read($0) }
        }
        XCTAssertTrue(refused)
    }

    func testLongLinesAreRefusedBeforeParsing() {
        let long = reference(replacing: "Under statutory accounting", with: "Under " + String(repeating: "x", count: 2_000_000) + " statutory accounting")
        let start = Date()
        let parsed = StatementParser.parse(bytes: long, name: "long.txt")
        XCTAssertFalse(parsed.isUsable)
        XCTAssertEqual(parsed.diagnostics.map(\.code), [.limit])
        XCTAssertTrue(parsed.diagnostics.first?.message.contains("NAICXBRL_MAX_LINE_BYTES") ?? false)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertNil(StatementParser.longLine(Array("a\nbb\nccc".utf8), limit: 3))
        XCTAssertEqual(StatementParser.longLine(Array("a\nbb\ncccc".utf8), limit: 3)?.line, 3)
        XCTAssertEqual(StatementParser.longLine(Array("a\nbbbb\nc".utf8), limit: 3)?.line, 2)
    }

    func testLimitsComeFromTheEnvironment() {
        let limits = Limits.from(environment: ["NAICXBRL_MAX_JOBS": "3", "NAICXBRL_MAX_XML_ATTRIBUTES": "nonsense", "NAICXBRL_MAX_PDF_PAGES": "-1"])
        XCTAssertEqual(limits.jobs, 3)
        XCTAssertEqual(limits.xmlAttributes, Limits.defaults.xmlAttributes)
        XCTAssertEqual(limits.pdfPages, Limits.defaults.pdfPages)
    }

    // MARK: PDFs

    /// A PDF of `pages` pages that all show one content stream; with `encrypted`, an
    /// encryption dictionary that no empty password opens.
    static func pdf(pages: Int, encrypted: Bool = false) -> [UInt8] {
        var content = "BT /F1 10 Tf 20 800 Td "
        for i in 0..<40 { content += "(ANNUAL STATEMENT FOR THE YEAR 2024 line \(i)) Tj 0 -12 Td " }
        content += "ET"
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [" + (0..<pages).map { "\(5 + $0) 0 R" }.joined(separator: " ") + "] /Count \(pages) >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                       "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"]
        for _ in 0..<pages {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        }
        var trailerExtra = ""
        if encrypted {
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "00", count: 32))> /U <\(String(repeating: "00", count: 32))> /P -4 >>")
            trailerExtra = " /Encrypt \(objects.count) 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (n, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(n + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    func requirePDFTool() throws {
        if ProcessInfo.processInfo.environment["NAICXBRL_SKIP_PDF_TESTS"] == "1" { throw XCTSkip("NAICXBRL_SKIP_PDF_TESTS=1") }
        XCTAssertNotNil(PDFText.toolPath(), "the PDF tests need pdftotext (apt-get install poppler-utils)")
    }

    func testPDFPagesAndTextAreLimitedWhileReading() throws {
        try requirePDFTool()
        var limits = Limits.defaults
        limits.pdfPages = 50
        let start = Date()
        XCTAssertThrowsError(try PDFText.document(pdf: Self.pdf(pages: 3_000), name: "many.pdf", limits: limits)) { error in
            XCTAssertTrue("\(error)".contains("more than 50 pages (NAICXBRL_MAX_PDF_PAGES"), "\(error)")
        }
        limits = Limits.defaults
        limits.pdfTextBytes = 1_000_000
        XCTAssertThrowsError(try PDFText.document(pdf: Self.pdf(pages: 3_000), name: "many.pdf", limits: limits)) { error in
            XCTAssertTrue("\(error)".contains("longer than 1000000 bytes (NAICXBRL_MAX_PDF_TEXT_BYTES"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertEqual(try PDFText.document(pdf: Self.pdf(pages: 3), name: "three.pdf").pages.count, 3)
    }

    func testPasswordProtectedPDFIsCalledSo() throws {
        try requirePDFTool()
        XCTAssertThrowsError(try PDFText.document(pdf: Self.pdf(pages: 1, encrypted: true), name: "locked.pdf")) { error in
            XCTAssertEqual("\(error)", "pdftotext could not read the PDF: the PDF is protected by a password")
        }
    }

    // MARK: import

    func importReference(replacing original: String, with replacement: String) -> FactImporter.Result {
        var text = String(decoding: Self.instance, as: UTF8.self)
        let range = text.range(of: original)!
        text.replaceSubrange(range, with: replacement)
        return FactImporter(blank: .lifeQuarterly).importInstance(Array(text.utf8), name: "changed.xbrl")
    }

    func testUnitsAreChecked() {
        let fact = "<naiclq:TotalAssetsExcludingSeparateAccounts contextRef=\"c21\" unitRef=\"USD\""
        let undefined = importReference(replacing: fact, with: fact.replacingOccurrences(of: "\"USD\"", with: "\"EUR\""))
        XCTAssertTrue(undefined.diagnostics.contains { $0.severity == .error && $0.message.contains("unit EUR, which the instance does not define") },
                      "\(undefined.diagnostics)")
        let pure = importReference(replacing: fact, with: fact.replacingOccurrences(of: "\"USD\"", with: "\"pure\""))
        XCTAssertTrue(pure.diagnostics.contains { $0.severity == .error && $0.message.contains("monetary, in iso4217:USD, but its unit pure") },
                      "\(pure.diagnostics)")
        let none = importReference(replacing: fact, with: fact.replacingOccurrences(of: " unitRef=\"USD\"", with: ""))
        XCTAssertTrue(none.diagnostics.contains { $0.severity == .error && $0.message.contains("has no unitRef") }, "\(none.diagnostics)")
        XCTAssertFalse(FactImporter(blank: .lifeQuarterly).importInstance(Self.instance, name: "base.xbrl").hasErrors)
    }

    func testNilFactWithContentIsAnError() {
        let result = importReference(replacing: "unitRef=\"USD\" xsi:nil=\"true\"/>", with: "unitRef=\"USD\" xsi:nil=\"true\">5</naiclq:ShortTermInvestmentsParValue>")
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains("is nil (xsi:nil=\"true\") but has the content \"5\"") },
                      "\(result.diagnostics)")
    }

    func testInfiniteDecimalsAndPrecisionAreRead() {
        let fact = "<naiclq:TotalAssetsExcludingSeparateAccounts contextRef=\"c21\" unitRef=\"USD\" decimals=\"0\">338504006<"
        for attribute in ["decimals=\"INF\"", "precision=\"0\"", "precision=\"INF\"", "precision=\"9\""] {
            let result = importReference(replacing: fact, with: fact.replacingOccurrences(of: "decimals=\"0\"", with: attribute))
            XCTAssertFalse(result.hasErrors, "\(attribute): \(result.diagnostics.prefix(2))")
            XCTAssertEqual(result.statement, FactImporter(blank: .lifeQuarterly).importInstance(Self.instance, name: "base.xbrl").statement, attribute)
        }
        let neither = importReference(replacing: fact, with: fact.replacingOccurrences(of: " decimals=\"0\"", with: ""))
        XCTAssertTrue(neither.diagnostics.contains { $0.message.contains("neither a decimals nor a precision attribute") }, "\(neither.diagnostics)")
        let bad = importReference(replacing: fact, with: fact.replacingOccurrences(of: "decimals=\"0\"", with: "decimals=\"many\""))
        XCTAssertTrue(bad.diagnostics.contains { $0.message.contains("decimals=\"many\", which is neither a whole number nor INF") }, "\(bad.diagnostics)")
    }

    // MARK: dates

    func testImpossibleStatementDateIsAnError() {
        for date in ["FEBRUARY 30, 2011", "APRIL 31, 2011", "JUNE 0, 2011", "FEBRUARY 29, 2011"] {
            let text = Fixture.referenceText.replacingOccurrences(of: "JUNE 30, 2011", with: date)
            let parsed = StatementParser.parse(text: text, name: "date.txt")
            XCTAssertNil(parsed.statement.cover.statementDate)
            XCTAssertTrue(parsed.diagnostics.contains { $0.severity == .error && $0.message == "the statement date \(date) is not a date" },
                          "\(date): \(parsed.diagnostics.filter { $0.severity == .error }.prefix(3))")
        }
        let leap = StatementParser.parse(text: Fixture.referenceText.replacingOccurrences(of: "JUNE 30, 2011", with: "FEBRUARY 29, 2012"), name: "leap.txt")
        XCTAssertEqual(leap.statement.cover.statementDate, CalendarDate(year: 2012, month: 2, day: 29))
    }
}
