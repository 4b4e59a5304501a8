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

/// parse(fixture) == import(convert(fixture)), and convert(import(x)) == x, byte for byte.
final class RoundTripTests: XCTestCase {
    static let instance = InstanceTests.conversion.instance
    let importer = FactImporter(blank: .lifeQuarterly)

    func testImportGivesTheParsedStatement() {
        let result = importer.importInstance(Self.instance, name: "fixture.xbrl")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.statement, Fixture.reference.statement)
    }

    func testConvertingTheImportGivesTheSameBytes() throws {
        let imported = importer.importInstance(Self.instance, name: "fixture.xbrl").statement
        let again = try Converter.convert(imported, validate: false).instance
        XCTAssertTrue(again == Self.instance)
    }

    /// The text rendering gives back every line of the fixture's tabular pages: same line
    /// number, same cells, same caption once spacing, `**` and `\$` are normalized.
    func testTextRenderingMatchesTheFixture() throws {
        let statement = importer.importInstance(Self.instance, name: "fixture.xbrl").statement
        let rendered = TextRenderer.render(statement, blank: .lifeQuarterly)
        var renderedRows: [String: [(caption: String, cells: [String])]] = [:]
        for line in rendered.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let (number, rest) = Text.lineNumber(Substring(Text.clean(fields[0]))) else { continue }
            renderedRows[number, default: []].append((Text.key(rest), Array(fields.dropFirst()).map(String.init)))
        }
        let origins = Fixture.reference.origins
        let lines = Fixture.referenceText.components(separatedBy: "\n")
        var checked = 0
        for (page, rows) in origins {
            for (line, source) in rows {
                let fields = lines[source - 1].split(separator: "\t", omittingEmptySubsequences: false)
                guard let (_, rest) = Text.lineNumber(Substring(Text.clean(fields[0]))) else { return XCTFail("line \(source)") }
                let printedCells = Array(fields.dropFirst()).map { String($0).replacingOccurrences(of: "\\$", with: "$").trimmingCharacters(in: .whitespaces) }
                let candidates = renderedRows[line] ?? []
                let match = candidates.contains { candidate in
                    candidate.caption == Text.key(rest) && Self.sameCells(candidate.cells, printedCells)
                }
                XCTAssertTrue(match, "\(page) line \(line) (fixture line \(source)) does not come back as printed: \(candidates)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    /// Cells compare as printed, ignoring trailing empty cells, and `$ 38` equal to `$38`.
    static func sameCells(_ a: [String], _ b: [String]) -> Bool {
        func norm(_ cells: [String]) -> [String] {
            var c = cells.map { $0.replacingOccurrences(of: " ", with: "") }
            while c.last == "" { c.removeLast() }
            return c
        }
        // A short row's cells were placed by arithmetic: compare the values, not the tabs.
        return norm(a) == norm(b) || norm(a).filter { !$0.isEmpty } == norm(b).filter { !$0.isEmpty }
    }

    /// Another serialization of the same facts: other prefix, other context ids, facts in
    /// reverse order, periods as date-times, extra white space around numbers.
    func testAnyEquivalentSerializationImportsTheSame() {
        var text = String(decoding: Self.instance, as: UTF8.self)
        text = text.replacingOccurrences(of: "xmlns:naiclq=", with: "xmlns:n=")
        text = text.replacingOccurrences(of: "naiclq:", with: "n:")
        text = text.replacingOccurrences(of: "id=\"c", with: "id=\"ctx-")
        text = text.replacingOccurrences(of: "contextRef=\"c", with: "contextRef=\"ctx-")
        text = text.replacingOccurrences(of: "<xbrli:instant>2011-06-30</xbrli:instant>", with: "<xbrli:instant>2011-07-01T00:00:00</xbrli:instant>")
        text = text.replacingOccurrences(of: "<xbrli:endDate>2011-06-30</xbrli:endDate>", with: "<xbrli:endDate>2011-07-01T00:00:00</xbrli:endDate>")
        text = text.replacingOccurrences(of: "decimals=\"0\">", with: "decimals=\"0\">  ")
        // Facts in reverse order.
        var lines = text.components(separatedBy: "\n")
        let factLines = lines.indices.filter { lines[$0].hasPrefix("  <n:") && lines[$0].hasSuffix(">") }
        let reversed = factLines.map { lines[$0] }.reversed()
        for (index, line) in zip(factLines, reversed) { lines[index] = line }
        text = lines.joined(separator: "\n")
        let result = importer.importInstance(Array(text.utf8), name: "rewritten.xbrl")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.statement, Fixture.reference.statement)
    }

    func testWhatCannotBePlacedIsAnErrorWithItsLine() {
        let text = String(decoding: Self.instance, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        guard let bonds = lines.firstIndex(where: { $0.contains("<naiclq:Bonds ") }) else { return XCTFail() }
        // An unknown concept.
        var a = lines
        a[bonds] = a[bonds].replacingOccurrences(of: "naiclq:Bonds", with: "naiclq:Bondz")
        let unknown = importer.importInstance(Array(a.joined(separator: "\n").utf8), name: "a.xbrl")
        XCTAssertEqual(unknown.diagnostics.first?.line, bonds + 1)
        XCTAssertTrue(unknown.diagnostics.first?.message.contains("Bondz") ?? false)
        // A duplicate fact with another value.
        var b = lines
        b.insert(lines[bonds].replacingOccurrences(of: ">150751734<", with: ">1<").replacingOccurrences(of: "id=\"f", with: "id=\"dup"), at: bonds + 1)
        let duplicate = importer.importInstance(Array(b.joined(separator: "\n").utf8), name: "b.xbrl")
        XCTAssertEqual(duplicate.diagnostics.map(\.line), [bonds + 2])
        // A fact in a context the blank has no column for (a date no column stands at).
        let contextID = lines[bonds].components(separatedBy: "contextRef=\"")[1].prefix { $0 != "\"" }
        guard let contextLine = lines.firstIndex(where: { $0.contains("<xbrli:context id=\"\(contextID)\">") }) else { return XCTFail() }
        var c = lines
        c[contextLine] = c[contextLine].replacingOccurrences(
            of: "<xbrli:instant>[0-9-]+</xbrli:instant>", with: "<xbrli:instant>2001-01-01</xbrli:instant>", options: .regularExpression)
        XCTAssertNotEqual(c[contextLine], lines[contextLine])
        let orphan = importer.importInstance(Array(c.joined(separator: "\n").utf8), name: "c.xbrl")
        XCTAssertTrue(orphan.diagnostics.contains { $0.line == bonds + 1 && $0.message.contains("no column") }, "\(orphan.diagnostics.prefix(3))")
        // An instance of another taxonomy.
        lines[1] = lines[1]
        let other = text.replacingOccurrences(of: "http://taxonomy.naicxbrl.org/life-ah-quarterly/naiclq-2011.xsd", with: "http://example.com/other.xsd")
        let foreign = importer.importInstance(Array(other.utf8), name: "d.xbrl")
        XCTAssertTrue(foreign.hasErrors)
        XCTAssertTrue(foreign.diagnostics.first?.message.contains("does not refer to the taxonomy") ?? false)
    }

    /// A note or interrogatory table's scale is one a table prints (units, thousands,
    /// millions). A hostile `percent` would read each amount of the table as hundredths of what
    /// was printed: it is an error naming the fact and its line, and the table keeps no such scale.
    func testATableScaleThatNoTableIsPrintedInIsAnError() throws {
        func tableScales(_ statement: Statement) -> [Scale] {
            statement.notes.flatMap { $0.content.compactMap { if case .table(let t) = $0 { t.scale } else { nil } } }
                + statement.interrogatories.compactMap { $0.table?.scale }
        }
        // Note 20's tables are printed "(In Millions)".
        XCTAssertTrue(tableScales(Fixture.reference.statement).contains(.millions))
        var lines = String(decoding: Self.instance, as: UTF8.self).components(separatedBy: "\n")
        let scaleLine = try XCTUnwrap(lines.firstIndex { $0.contains(">millions</naiclq:NoteTableScale>") })
        lines[scaleLine] = lines[scaleLine].replacingOccurrences(of: ">millions<", with: ">percent<")
        let note = importer.importInstance(Array(lines.joined(separator: "\n").utf8), name: "note.xbrl")
        XCTAssertEqual(note.diagnostics.map(\.description),
                       ["note.xbrl:\(scaleLine + 1): error: NoteTableScale has the value \"percent\", which is not a scale a table is printed in (units, thousands, millions) [import-error]"])
        XCTAssertFalse(tableScales(note.statement).contains(.percent))

        // An interrogatory table printed "(In Thousands)", then made percent.
        var statement = Fixture.reference.statement
        let index = try XCTUnwrap(statement.interrogatories.firstIndex { $0.table != nil })
        statement.interrogatories[index].table?.scale = .thousands
        let text = String(decoding: try Converter.convert(statement, validate: false).instance, as: UTF8.self)
        XCTAssertEqual(importer.importInstance(Array(text.utf8), name: "thousands.xbrl").statement, statement)
        var hostile = text.components(separatedBy: "\n")
        let interrogatoryLine = try XCTUnwrap(hostile.firstIndex { $0.contains(">thousands</naiclq:InterrogatoryTableScale>") })
        hostile[interrogatoryLine] = hostile[interrogatoryLine].replacingOccurrences(of: ">thousands<", with: ">percent<")
        let interrogatory = importer.importInstance(Array(hostile.joined(separator: "\n").utf8), name: "interrogatory.xbrl")
        XCTAssertEqual(interrogatory.diagnostics.map(\.description),
                       ["interrogatory.xbrl:\(interrogatoryLine + 1): error: InterrogatoryTableScale has the value \"percent\", which is not a scale a table is printed in (units, thousands, millions) [import-error]"])
        XCTAssertEqual(interrogatory.statement.interrogatories[index].table?.scale, .units)
    }
}
