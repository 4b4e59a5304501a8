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
}
