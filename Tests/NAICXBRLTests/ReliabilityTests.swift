import Foundation
import XCTest
@testable import NAICXBRL

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
}
