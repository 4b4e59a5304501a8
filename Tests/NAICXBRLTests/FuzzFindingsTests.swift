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

/// The fuzzers' seed corpus (`Fuzz/Corpus`) run through both entry points, and what the audit
/// for runtime traps and hangs found, kept as regression tests (the fuzzers' runs found nothing
/// more).
///
/// Each finding's input once trapped (the process died), hung or took memory out of proportion
/// to its size; each must now come back as a result, with a diagnostic where it is refused,
/// quickly. A trap cannot be caught by a test: a regression shows as a crash of the test
/// process, which still fails the run.
final class FuzzFindingsTests: XCTestCase {
    static let corpus = Fixture.root.appendingPathComponent("Fuzz/Corpus")
    static let importer = FactImporter(blank: .lifeQuarterly)

    // MARK: - Seed corpus

    /// The input fuzzer's seeds (a mode byte, a file name, a NUL, contents): the contents'
    /// blank is recognized without a trap, and the name shown on a terminal holds no control
    /// character.
    func testInputSeeds() throws {
        let directory = Self.corpus.appendingPathComponent("input")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name))).dropFirst()
            let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
            let shown = TerminalText.safe(String(decoding: bytes[..<split], as: UTF8.self))
            XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A && $0.value != 0x09 }, name)
            _ = InstanceBlank.recognize(Array(bytes[split...].dropFirst()))
        }
    }

    /// Every seed goes through both entry points (the parser's seeds through the importer too,
    /// and the reverse): a result, never a trap, in well under a second.
    func testSeedCorpusThroughBothEntryPoints() throws {
        var count = 0
        for folder in ["parser", "importer"] {
            let directory = Self.corpus.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
            XCTAssertGreaterThanOrEqual(names.count, 3, "Fuzz/Corpus/\(folder) has too few seeds")
            for name in names {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
                let start = Date()
                let parsed = StatementParser.parse(bytes: bytes, name: name)
                let imported = Self.importer.importInstance(bytes, name: name)
                XCTAssertLessThan(Date().timeIntervalSince(start), 2.0, "\(folder)/\(name) is slow")
                if folder == "parser" {
                    XCTAssertTrue(parsed.isUsable, "\(name) is a slice of the reference statement")
                    XCTAssertTrue(imported.hasErrors, "\(name) is text, not XML")
                } else if name.hasSuffix(".xbrl") {
                    // Instances `naicxbrl convert` wrote from slices of the reference statement.
                    XCTAssertFalse(imported.hasErrors, "\(name): \(imported.diagnostics.prefix(3))")
                    XCTAssertNotNil(imported.statement.cover.companyName, name)
                } else {
                    XCTAssertTrue(imported.hasErrors, "\(name) is hostile and must be refused")
                }
                count += 1
            }
        }
        XCTAssertGreaterThanOrEqual(count, 10)
    }

    // MARK: - Parser findings

    /// The reference statement's cover (its first 82 lines) with `lines` added after the line
    /// `heading` (OFFICERS, OTHER, DIRECTORS OR TRUSTEES).
    static func cover(adding added: [String: [String]]) -> String {
        var lines = Fixture.referenceText.split(separator: "\n", omittingEmptySubsequences: false).prefix(82).map(String.init)
        for (heading, more) in added {
            guard let index = lines.firstIndex(of: heading) else { preconditionFailure("no \(heading) on the cover") }
            lines.insert(contentsOf: more, at: index + 2)
        }
        return lines.joined(separator: "\n")
    }

    /// Was quadratic (the fuzzers' release build took 107 s on 4,000 lines of each): every known name
    /// and title was tried at every word of every officer line, the names sorted again for each
    /// line, and each name searched for in every director and officer line.
    func testManyOfficersParseInLinearTime() {
        let n = 1_500
        let text = Self.cover(adding: [
            "OFFICERS": (0..<n).map { "President Ann P\($0) Brown\($0) Treasurer Bob T\($0) Green\($0)" },
            "OTHER": (0..<n).map { "Carl Q\($0) Smith\($0) Executive Vice President Dana R\($0) Jones\($0) Senior Vice President" },
            "DIRECTORS OR TRUSTEES": (0..<n).map { "Eve D\($0) White\($0) Finn E\($0) Black\($0)" },
        ])
        let start = Date()
        let result = StatementParser.parse(text: text, name: "officers.txt")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5.0)
        XCTAssertGreaterThanOrEqual(result.statement.cover.officers.count, 2 * n)
        XCTAssertGreaterThanOrEqual(result.statement.cover.otherOfficers.count, 2 * n)
        XCTAssertGreaterThanOrEqual(result.statement.cover.directors.count, 2 * n)
    }

    /// Was quadratic in the line's length (7.6 s in the fuzzers' release build for 40,000 words): each
    /// connector looked ahead over all the connectors after it.
    func testLineOfConnectorsParsesInLinearTime() {
        let text = Self.cover(adding: ["OFFICERS": ["President " + Array(repeating: "and", count: 20_000).joined(separator: " ") + " Treasurer"]])
        let start = Date()
        let result = StatementParser.parse(text: text, name: "connectors.txt")
        XCTAssertLessThan(Date().timeIntervalSince(start), 3.0)
        XCTAssertTrue(result.isUsable)
    }

    // MARK: - Importer findings

    /// An instance around `body`: the taxonomy's schemaRef, a statement date, a unit, and
    /// contexts with the typed members given.
    static func instance(contexts: [String: [(String, String)]] = [:], _ body: String) -> [UInt8] {
        let entity = "<xbrli:entity><xbrli:identifier scheme=\"http://taxonomy.naicxbrl.org/naic-company-code\">1</xbrli:identifier>"
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" \
            xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" \
            xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:naiclq="http://taxonomy.naicxbrl.org/life-ah-quarterly">
            <link:schemaRef xlink:type="simple" xlink:href="http://taxonomy.naicxbrl.org/life-ah-quarterly/naiclq-2011.xsd"/>
            <xbrli:context id="d">\(entity)</xbrli:entity><xbrli:period><xbrli:instant>2011-06-30</xbrli:instant></xbrli:period></xbrli:context>
            <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
            <naiclq:StatementDate contextRef="d">2011-06-30</naiclq:StatementDate>

            """
        for (id, members) in contexts.sorted(by: { $0.key < $1.key }) {
            let segment = members.map { "<xbrldi:typedMember dimension=\"naiclq:\($0.0)\"><naiclq:M>\($0.1)</naiclq:M></xbrldi:typedMember>" }.joined()
            text += "<xbrli:context id=\"\(id)\">\(entity)<xbrli:segment>\(segment)</xbrli:segment></xbrli:entity>"
                + "<xbrli:period><xbrli:startDate>2011-01-01</xbrli:startDate><xbrli:endDate>2011-06-30</xbrli:endDate></xbrli:period></xbrli:context>\n"
        }
        text += body + "\n</xbrli:xbrl>\n"
        return Array(text.utf8)
    }

    /// Imports `bytes`, requiring an error diagnostic containing `message`, within a second.
    func assertRefused(_ bytes: [UInt8], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let start = Date()
        let result = Self.importer.importInstance(bytes, name: "finding.xbrl")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0, "the import took too long", file: file, line: line)
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains(message) },
                      "expected an error with \"\(message)\", got \(result.diagnostics.map(\.message))", file: file, line: line)
    }

    /// Was a trap: the answer's amounts were built as `(1...width)` with width 0, and
    /// `1...0` is not a range.
    func testInterrogatoryAmountInColumnZero() {
        let bytes = Self.instance(contexts: ["c": [("InterrogatoryAxis", "2:1.11"), ("TableColumnAxis", "0")]],
                                  #"<naiclq:InterrogatoryAnswerAmount contextRef="c" unitRef="USD" decimals="0">5</naiclq:InterrogatoryAnswerAmount>"#)
        assertRefused(bytes, "InterrogatoryAnswerAmount needs a column from 1 to")
    }

    /// Was a hang and then unbounded memory: the amounts below column 900000000000 were filled
    /// with blanks.
    func testInterrogatoryAmountInHugeColumn() {
        let bytes = Self.instance(contexts: ["c": [("InterrogatoryAxis", "2:1.11"), ("TableColumnAxis", "900000000000")]],
                                  #"<naiclq:InterrogatoryAnswerAmount contextRef="c" unitRef="USD" decimals="0">5</naiclq:InterrogatoryAnswerAmount>"#)
        assertRefused(bytes, "InterrogatoryAnswerAmount needs a column from 1 to")
    }

    /// Was a trap: a text cell in column 0 was stored at index -1 of the row.
    func testTextOfCellInColumnZero() {
        let bytes = Self.instance(contexts: ["c": [("PageAxis", "Assets"), ("LineAxis", "1"), ("TableColumnAxis", "0")]],
                                  #"<naiclq:TextOfCell contextRef="c">abc</naiclq:TextOfCell>"#)
        assertRefused(bytes, "TextOfCell needs a line and a column from 1 to")
    }

    /// Was a hang with memory growing without bound: a note table's rows up to 900000000000
    /// were filled in.
    func testNoteTableRowHuge() {
        for row in ["900000000000", "9223372036854775807", "0", "-3"] {
            let bytes = Self.instance(contexts: ["c": [("NoteAxis", "1"), ("BlockAxis", "1"), ("TableRowAxis", row)]],
                                      #"<naiclq:NoteTableRowLabel contextRef="c">x</naiclq:NoteTableRowLabel>"#
                                      + #"<naiclq:NoteTableAmountColumn1 contextRef="c" unitRef="USD" decimals="0">1</naiclq:NoteTableAmountColumn1>"#)
            assertRefused(bytes, "needs a row number from 1 to")
            assertRefused(bytes, "a table cell needs a row and a column from 1 to")
        }
    }

    /// Within the bound, one row 10000 in each of many tables made 10,000 blank rows per table:
    /// 300 facts, 3 million rows. Blank rows are paid from one per fact, so the tables keep only
    /// their reported rows; a gap a few facts pay for is still filled.
    func testBlankRowsArePaidForByFacts() {
        let tables = 300
        var contexts: [String: [(String, String)]] = [:]
        var body = ""
        for t in 1...tables {
            contexts["t\(t)"] = [("NoteAxis", "\(t)"), ("BlockAxis", "1"), ("TableRowAxis", "10000")]
            body += #"<naiclq:NoteTableRowLabel contextRef="t\#(t)">x</naiclq:NoteTableRowLabel>"#
        }
        let start = Date()
        let hostile = Self.importer.importInstance(Self.instance(contexts: contexts, body), name: "rows.xbrl")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(hostile.statement.notes.count, tables)
        XCTAssertEqual(hostile.statement.notes.map { $0.tables.first?.rows.count ?? 0 }.reduce(0, +), tables)

        let gap = Self.importer.importInstance(Self.instance(contexts: [
            "r1": [("NoteAxis", "1"), ("BlockAxis", "1"), ("TableRowAxis", "1")],
            "r3": [("NoteAxis", "1"), ("BlockAxis", "1"), ("TableRowAxis", "3")],
        ], #"<naiclq:NoteTableRowLabel contextRef="r1">a</naiclq:NoteTableRowLabel><naiclq:NoteTableRowLabel contextRef="r3">c</naiclq:NoteTableRowLabel>"#),
            name: "gap.xbrl")
        XCTAssertEqual(gap.statement.note(1)?.tables.first?.rows.map(\.label), ["a", "", "c"])
    }

    /// Was a trap: `decimals` of `Int.min` was negated to choose a scale.
    func testDecimalsIntMin() {
        let bytes = Self.instance(#"<naiclq:Bonds contextRef="d" unitRef="USD" decimals="-9223372036854775808">5</naiclq:Bonds>"#)
        assertRefused(bytes, "which is not a valid monetary")
        XCTAssertNil(FactImporter.decimalAmount("5", decimals: .min))
    }

    /// Was a hang: zero was widened to 9000000000000000000 fraction digits one digit at a time.
    func testDecimalsHugeOnZero() {
        let bytes = Self.instance(#"<naiclq:Bonds contextRef="d" unitRef="USD" decimals="9000000000000000000">0</naiclq:Bonds>"#)
        assertRefused(bytes, "which is not a valid monetary")
        XCTAssertNil(FactImporter.decimalAmount("0", decimals: .max))
        // Precision an Int64 can hold still widens, as other processors write it ("0" for 0.00).
        XCTAssertEqual(FactImporter.decimalAmount("0", decimals: 2)?.0, Amount(units: 0, fractionDigits: 2))
        XCTAssertEqual(FactImporter.decimalAmount("5", decimals: 2)?.0, Amount(units: 500, fractionDigits: 2))
    }

    /// Was quadratic: every arc from one label gave its footnote to every fact the label
    /// locates, so 4,000 locators and 4,000 arcs (1.3 MB) made 16 million assignments. Only the
    /// last arc decides, and still does. Judged by how the time grows (four times the locators and
    /// arcs: about four times the time, not sixteen), which a busy machine slows alike.
    func testFootnoteArcsTimesLocatorsIsLinear() {
        func read(_ count: Int) -> (seconds: Double, footnotes: [String: String]) {
            var link = #"<link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">"#
            for i in 0..<count { link += ##"<link:loc xlink:type="locator" xlink:label="a" xlink:href="#f\##(i)"/>"## }
            for i in 0..<count {
                link += #"<link:footnote xlink:type="resource" xlink:label="n\#(i)" xlink:role="http://www.xbrl.org/2003/role/footnote" xml:lang="en">x\#(i)</link:footnote>"#
                link += #"<link:footnoteArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote" xlink:from="a" xlink:to="n\#(i)"/>"#
            }
            link += "</link:footnoteLink>"
            let bytes = Self.instance(#"<naiclq:Bonds id="f1" contextRef="d" unitRef="USD" decimals="0">5</naiclq:Bonds>"# + link)
            var best = Double.infinity
            var footnotes: [String: String] = [:]
            for _ in 0..<3 {
                let start = Date()
                let raw = InstanceReader.read(bytes, name: "footnotes.xbrl", taxonomyNamespace: Self.importer.taxonomy.namespace,
                                              printedFormRole: TaxonomyWriter.printedFormRole(Self.importer.taxonomy))
                best = min(best, Date().timeIntervalSince(start))
                footnotes = raw.footnotes
            }
            return (best, footnotes)
        }
        let small = read(1_000), large = read(4_000)
        XCTAssertLessThan(large.seconds, 8 * small.seconds + 0.05, "4,000 took \(large.seconds) s, 1,000 \(small.seconds) s")
        XCTAssertEqual(large.footnotes["f1"], "x3999")
        XCTAssertEqual(large.footnotes.count, 4_000)
    }

    /// `widened` of zero is immediate however wide; other amounts stop at overflow.
    func testWideningIsBounded() {
        let start = Date()
        XCTAssertEqual(Amount(units: 0).widened(to: .max)?.units, 0)
        XCTAssertNil(Amount(units: 1).widened(to: .max))
        XCTAssertFalse(Amount(units: 0) < Amount(units: 0, fractionDigits: .max))
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }
}
