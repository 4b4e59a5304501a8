import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// Percentages are facts of the Data Type Registry's `num:percentItemType` whose value is a
/// ratio: the figure printed divided by 100, with `decimals` two more than the printed decimals.
final class PercentTypeTests: XCTestCase {
    /// `54.8` → (`0.548`, 3); `0.3` → (`0.003`, 3); `(1.2)` → (`-0.012`, 3). Worked out on the
    /// printed text, apart from the library's amounts.
    static func ratio(_ printed: String) -> (value: String, decimals: Int)? {
        var text = printed.replacingOccurrences(of: ",", with: "")
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !parts[0].isEmpty, (parts + [""]).allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        var whole = String(repeating: "0", count: 2) + parts[0]
        let moved = String(whole.suffix(2))
        whole = String(whole.dropLast(2))
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        return ((negative ? "-" : "") + whole + "." + moved + fraction, fraction.count + 2)
    }

    func testRatioOfAPrintedPercentage() {
        XCTAssertEqual(Self.ratio("54.8")?.value, "0.548")
        XCTAssertEqual(Self.ratio("54.8")?.decimals, 3)
        XCTAssertEqual(Self.ratio("0.3")?.value, "0.003")
        XCTAssertEqual(Self.ratio("100.0")?.value, "1.000")
        XCTAssertEqual(Self.ratio("(1.2)")?.value, "-0.012")
        XCTAssertEqual(Self.ratio("7")?.value, "0.07")
        XCTAssertEqual(Self.ratio("7")?.decimals, 2)
        XCTAssertNil(Self.ratio("-"))
    }

    /// Every percentage printed on the Five-Year Historical Data page of the filings is a
    /// `percentItemType` fact of the printed figure divided by 100, in its column's year.
    func testPrintedPercentagesAreRatiosOfPercentItemType() throws {
        try AnnualStatementTests.requirePdftotext()
        for filing in AnnualStatementTests.filings {
            let year = try XCTUnwrap(Int(filing.suffix(4)), filing)
            let statement = try Fixture.parsedPDF(AnnualStatementTests.pdfPath(filing)).statement
            let conversion = try Converter.convert(statement, file: "\(filing).xbrl")
            XCTAssertEqual(conversion.validation.map(\.description), [], filing)
            let blank = try XCTUnwrap(BlankCatalog.bundled.edition(entryPointURL: AnnualStatementTests.schemaRef(conversion.instance)), filing)
            let page = try XCTUnwrap(blank.page("FiveYearHistoricalData"))
            var concepts: [String: String] = [:]
            for line in page.lines where line.type == .percent { concepts[line.line] = line.concept }
            XCTAssertGreaterThanOrEqual(concepts.count, 17, filing)

            // The taxonomy types each of them num:percentItemType.
            let schema = String(decoding: TaxonomyWriter(taxonomy: TaxonomyModel.of(blank)).schema(), as: UTF8.self)
            XCTAssertTrue(schema.contains(#"xmlns:num="http://www.xbrl.org/dtr/type/numeric""#))
            XCTAssertTrue(schema.contains(#"<xs:import namespace="http://www.xbrl.org/dtr/type/numeric" schemaLocation="http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"/>"#))
            for concept in concepts.values {
                XCTAssertTrue(schema.contains(#"<xs:element name="\#(concept)" id="\#(blank.namespacePrefix)_\#(concept)" type="num:percentItemType""#), concept)
            }

            var expected: [String] = []
            for row in try AnnualStatementTests.expected(filing) where row.page == "FiveYearHistoricalData" {
                guard let concept = concepts[row.line], let column = Int(row.column), let ratio = Self.ratio(row.value) else { continue }
                expected.append("\(concept) \(year - column + 1)-12-31 \(ratio.value) decimals=\(ratio.decimals)")
            }
            XCTAssertGreaterThanOrEqual(expected.count, 60, filing)
            let facts = Self.facts(conversion.instance, concepts: Set(concepts.values))
            XCTAssertEqual(facts.sorted(), expected.sorted(), filing)
        }
    }

    /// The facts of `concepts` in an instance as `concept end-date value decimals=N`, read from
    /// its text: each in unit `pure`, its context's instant or end date.
    static func facts(_ instance: [UInt8], concepts: Set<String>) -> [String] {
        let text = String(decoding: instance, as: UTF8.self)
        var ends: [String: String] = [:]
        let context = try! NSRegularExpression(pattern: #"<xbrli:context id="([^"]+)">.*?<xbrli:(?:instant|endDate)>([0-9-]+)<"#, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        for m in context.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            ends[ns.substring(with: m.range(at: 1))] = ns.substring(with: m.range(at: 2))
        }
        let fact = try! NSRegularExpression(pattern: #"<[a-z]+:([A-Za-z0-9]+) contextRef="([^"]+)" unitRef="([^"]+)" decimals="([^"]+)">([^<]*)<"#)
        var out: [String] = []
        for m in fact.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let concept = ns.substring(with: m.range(at: 1))
            guard concepts.contains(concept) else { continue }
            let unit = ns.substring(with: m.range(at: 3))
            out.append("\(concept) \(ends[ns.substring(with: m.range(at: 2))] ?? "?") \(ns.substring(with: m.range(at: 5))) decimals=\(ns.substring(with: m.range(at: 4)))"
                       + (unit == "pure" ? "" : " unit=\(unit)"))
        }
        return out
    }

    /// An interrogatory answered with a percentage: a ratio in the instance, the printed figure
    /// again on import, and the same instance from the imported statement.
    func testAnInterrogatoryPercentageIsARatioAndImportsBackAsPrinted() throws {
        var statement = Fixture.reference.statement
        let index = try XCTUnwrap(statement.interrogatories.firstIndex { $0.part == "2" && $0.number == "2.1" })
        XCTAssertEqual(statement.interrogatories[index].answer, .percent(.blank))
        statement.interrogatories[index].answer = .percent(.amount(printed("12.5")))
        let conversion = try Converter.convert(statement, file: "percent.xbrl")
        XCTAssertEqual(conversion.validation.map(\.description), [], "")
        let facts = Self.facts(conversion.instance, concepts: ["InterrogatoryAnswerPercent"])
        XCTAssertEqual(facts.map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") }, ["0.125 decimals=3"])

        let imported = FactImporter(blank: .lifeQuarterly).importInstance(conversion.instance, name: "percent.xbrl")
        XCTAssertEqual(imported.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(imported.statement.interrogatories[index].answer, .percent(.amount(printed("12.5"))))
        XCTAssertEqual(try Converter.convert(imported.statement, file: "percent.xbrl", validate: false).instance, conversion.instance)
    }

    /// Another processor's ratio with fewer decimals than a printed percentage still reads as
    /// the percentage: 0.5 with decimals 1 is 50 %.
    func testARatioOfFewDecimalsReadsAsAWholePercentage() {
        XCTAssertEqual(FactImporter.percentFigure(Amount(units: 5, fractionDigits: 1)), Amount(units: 50))
        XCTAssertEqual(FactImporter.percentFigure(Amount(units: 548, fractionDigits: 3)), Amount(units: 548, fractionDigits: 1))
        XCTAssertEqual(FactImporter.percentFigure(Amount(units: -1, fractionDigits: 0)), Amount(units: -100))
        XCTAssertNil(FactImporter.percentFigure(Amount(units: .max, fractionDigits: 0)))
    }
}
