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

/// A count printed as a count (Schedule T line 59's number of L responses, "(a) 50") is a fact of
/// `xbrli:nonNegativeIntegerItemType` in unit `pure`, described as data on its line
/// (``LineDescription/cells``), and imports back to the cell as printed in every form.
final class CountTypeTests: XCTestCase {
    static let concept = "ActiveStatusLicensedOrCharteredCount"
    static let statement = Fixture.reference.statement
    static let conversion = InstanceTests.conversion

    /// The one fact of `concept` in an instance: its value, unit measures, decimals, and context.
    static func fact(_ concept: String, in instance: [UInt8]) throws -> (value: String, unit: [String]?, decimals: String?, context: FactContext?) {
        let raw = OIMReportTests.xmlRaw(instance, .lifeQuarterly)
        let facts = raw.facts.filter { $0.concept == concept }
        XCTAssertEqual(facts.count, 1, concept)
        let fact = try XCTUnwrap(facts.first)
        return (fact.value, fact.unitRef.flatMap { raw.units[$0] }, fact.decimals, fact.contextRef.flatMap { raw.contexts[$0] })
    }

    func testTheStatementPrintsTheCountInTheActiveStatusColumn() {
        // As printed: the code column holds the footnote mark (a), column 1 the count.
        XCTAssertTrue(Fixture.referenceText.contains("59. Subtotal\t(a)\t50\t26,141,774\t18,878\t\t26,160,652\t\n"))
        XCTAssertEqual(Self.statement.cell("ScheduleT", "59", column: ""), .text("(a)"))
        XCTAssertEqual(Self.statement.cell("ScheduleT", "59", column: "1"), .text("50"))
        let described = Blank.lifeQuarterly.page("ScheduleT")?.line("59")?.cells?["ActiveStatus"]
        XCTAssertEqual(described?.concept, Self.concept)
        XCTAssertEqual(described?.kind, .count)
    }

    /// The taxonomy declares the count a nonNegativeIntegerItemType instant, with its labels,
    /// its reference to line 59, column 1, and a place in Schedule T's hypercube and presentation.
    func testTheTaxonomyDeclaresANonNegativeInteger() throws {
        let taxonomy = TaxonomyModel.of(.lifeQuarterly)
        let concept = try XCTUnwrap(taxonomy.concept(Self.concept))
        XCTAssertEqual(concept.type, .count)
        XCTAssertEqual(concept.periodType, .instant)
        XCTAssertNil(concept.balance)
        XCTAssertEqual(concept.label, "Active Status: number of L (Licensed or Chartered) responses, except for Canada and Other Alien")
        XCTAssertEqual(concept.printedAt, "Schedule T - Premiums and Annuity Considerations, line 59, column 1")
        XCTAssertEqual(concept.reference?.line, "59")
        XCTAssertEqual(concept.reference?.column, "1")
        let schema = String(decoding: TaxonomyWriter(taxonomy: taxonomy).schema(), as: UTF8.self)
        XCTAssertTrue(schema.contains(#"<xs:element name="\#(Self.concept)" id="naiclq_\#(Self.concept)" type="xbrli:nonNegativeIntegerItemType" substitutionGroup="xbrli:item" nillable="true" xbrli:periodType="instant"/>"#))
        let role = try XCTUnwrap(taxonomy.roles.first { $0.id == "ScheduleT" })
        XCTAssertTrue(role.presentation.contains { $0.from == "ScheduleTAbstract" && $0.to == Self.concept })
        XCTAssertEqual(role.hypercubes.first?.primaryItems.contains(Self.concept), true)
        // The annual blank prints XXX on its Subtotal line and describes no count.
        XCTAssertNil(TaxonomyModel.of(.lifeAnnual).concept(Self.concept))
    }

    /// The instance reports 50, the number printed, as an integer in unit pure at the statement
    /// date on Schedule T's Subtotal line; no ActiveStatus text fact stands there any more.
    func testTheInstanceReportsTheCountAsAnIntegerInUnitPure() throws {
        XCTAssertEqual(Self.conversion.validation.map(\.description), [])
        let fact = try Self.fact(Self.concept, in: Self.conversion.instance)
        XCTAssertEqual(fact.value, "50")
        XCTAssertEqual(fact.unit, ["{\(XBRLNamespace.xbrli)}pure"])
        XCTAssertEqual(fact.decimals, "0")
        XCTAssertEqual(fact.context?.period, .instant(CalendarDate(year: 2011, month: 6, day: 30)))
        XCTAssertEqual(fact.context?.explicit.dictionary, ["ScheduleTLineAxis": "ScheduleTSubtotalMember"])
        let raw = OIMReportTests.xmlRaw(Self.conversion.instance, .lifeQuarterly)
        let subtotal = raw.facts.filter { $0.contextRef.flatMap { raw.contexts[$0] }?.explicit["ScheduleTLineAxis"] == "ScheduleTSubtotalMember" }
        XCTAssertFalse(subtotal.contains { $0.concept == "ActiveStatus" })
        XCTAssertTrue(subtotal.contains { $0.concept == "DirectPremiumsAndConsiderationsTotalByJurisdiction" && $0.value == "26160652" })
        // The crosscheck of the count against the L responses of lines 1 to 56 still holds.
        let checker = try XCTUnwrap(try Checker.bundled(for: .lifeQuarterly))
        XCTAssertEqual(checker.check(Self.statement).assertions["licensed-jurisdictions-count"], .init(satisfied: 1, notSatisfied: 0))
    }

    /// xBRL-JSON: the canonical integer `50`, decimals 0, no unit (pure); xBRL-CSV: a row of
    /// Facts.csv; Inline XBRL: an ix:nonFraction around the printed digits. Each imports to the
    /// parsed statement and is written again byte for byte.
    func testEveryFormRoundTrips() throws {
        let json = try ReportFormat.json.bytes(of: Self.conversion, statement: Self.statement)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains(
            #"{"value": "50", "decimals": 0, "dimensions": {"concept": "naiclq:\#(Self.concept)", "entity": "naic:70416", "period": "2011-07-01T00:00:00", "naiclq:ScheduleTLineAxis": "naiclq:ScheduleTSubtotalMember"}}"#))
        let csv = try ReportFormat.csv.bytes(of: Self.conversion, statement: Self.statement, name: "mml")
        var zip = try ZipReader(csv)
        let factsCSV = String(decoding: try XCTUnwrap(zip.contents("mml/reports/Facts.csv")), as: UTF8.self)
        XCTAssertTrue(factsCSV.contains("naiclq:\(Self.concept),2011-07-01T00:00:00,,0,,,,,,,,naiclq:ScheduleTSubtotalMember,,,50\n"), "Facts.csv")
        let scheduleT = String(decoding: try XCTUnwrap(zip.contents("mml/reports/ScheduleT.csv")), as: UTF8.self)
        XCTAssertTrue(scheduleT.contains("59,Subtotal,naiclq:ScheduleTSubtotalMember,(a),,26141774.0,18878.0,,26160652.0,\n"), "ScheduleT.csv")

        let xml = Self.conversion.instance
        for (name, bytes) in [("fixture.xbrl", xml), ("fixture.json", json), ("mml.xbr", csv)] {
            let report = ReportImport.read(bytes, name: name)
            XCTAssertEqual(report.result.diagnostics, [], name)
            XCTAssertEqual(report.result.statement.cell("ScheduleT", "59", column: "1"), .text("50"), name)
            XCTAssertEqual(report.result.statement, Self.statement, name)
            let again = try Converter.convert(report.result.statement, validate: false)
            XCTAssertTrue(again.instance == xml, name)
            XCTAssertTrue(try ReportFormat.json.bytes(of: again, statement: report.result.statement) == json, name)
            XCTAssertTrue(try ReportFormat.csv.bytes(of: again, statement: report.result.statement, name: "mml") == csv, name)
        }

        let inline = InlineXBRLTests.conversion
        let document = String(decoding: inline.document, as: UTF8.self)
        let tag = try XCTUnwrap(document.range(of: #"<ix:nonFraction name="naiclq:\#(Self.concept)" contextRef="c[0-9]+" id="f[0-9]+" unitRef="pure" decimals="0" format="ixt:num-dot-decimal">50</ix:nonFraction>"#, options: .regularExpression))
        XCTAssertTrue(document[..<tag.lowerBound].hasSuffix(#"<td class="text">"#))
        let extracted = try XCTUnwrap(InlineXBRLReader.extract(inline.document, name: "fixture.xhtml").instance)
        let imported = FactImporter(blank: .lifeQuarterly).importInstance(extracted, name: "fixture.xhtml")
        XCTAssertEqual(imported.diagnostics, [])
        XCTAssertEqual(imported.statement, Self.statement)
        let again = try Converter.convertInline(imported.statement, file: "fixture.xhtml", validate: false)
        XCTAssertTrue(again.document == inline.document)
    }

    /// A Subtotal cell that does not read as a count (XXX, a word, digits with a leading zero) is
    /// the column's text, as on any other line, and imports back as printed.
    func testACellPrintedOtherwiseStaysText() throws {
        for printed in [Cell.notApplicable, .text("L"), .text("050")] {
            var statement = Self.statement
            let page = try XCTUnwrap(statement.pages.firstIndex { $0.id == "ScheduleT" })
            let row = try XCTUnwrap(statement.pages[page].rows.firstIndex { $0.line == "59" })
            statement.pages[page].rows[row].cells[1] = printed
            let conversion = try Converter.convert(statement, file: "count.xbrl")
            XCTAssertEqual(conversion.validation.map(\.description), [], "\(printed)")
            let raw = OIMReportTests.xmlRaw(conversion.instance, .lifeQuarterly)
            XCTAssertFalse(raw.facts.contains { $0.concept == Self.concept }, "\(printed)")
            let subtotal = raw.facts.filter { $0.contextRef.flatMap { raw.contexts[$0] }?.explicit["ScheduleTLineAxis"] == "ScheduleTSubtotalMember" }
            XCTAssertEqual(subtotal.filter { $0.concept == "ActiveStatus" }.map(\.value), [ValueScanner.render(printed)], "\(printed)")
            let imported = FactImporter(blank: .lifeQuarterly).importInstance(conversion.instance, name: "count.xbrl")
            XCTAssertEqual(imported.diagnostics, [], "\(printed)")
            XCTAssertEqual(imported.statement, statement, "\(printed)")
        }
    }

    /// A count fact that is no whole number of 0 or more is an import error naming the fact.
    func testACountThatIsNoWholeNumberIsAnImportError() throws {
        let text = String(decoding: Self.conversion.instance, as: UTF8.self)
        let printed = #"decimals="0">50</naiclq:\#(Self.concept)>"#
        XCTAssertTrue(text.contains(printed))
        for (value, decimals) in [("-3", "0"), ("2.5", "1")] {
            let hostile = text.replacingOccurrences(of: printed, with: #"decimals="\#(decimals)">\#(value)</naiclq:\#(Self.concept)>"#)
            let imported = FactImporter(blank: .lifeQuarterly).importInstance(Array(hostile.utf8), name: "hostile.xbrl")
            let errors = imported.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.count, 1, value)
            XCTAssertEqual(errors.first?.file, "hostile.xbrl")
            XCTAssertNotNil(errors.first?.line, value)
            XCTAssertTrue(errors.first?.message.contains("\(Self.concept) is a count (SCHEDULE T - PREMIUMS AND ANNUITY CONSIDERATIONS, line 59, column 1); its value must be a whole number, 0 or more") == true,
                          errors.first?.message ?? "")
        }
        // xBRL-JSON claims canonical values: 50.0 is no canonical integer.
        let json = String(decoding: try ReportFormat.json.bytes(of: Self.conversion, statement: Self.statement), as: UTF8.self)
        let decimal = json.replacingOccurrences(of: #"{"value": "50", "decimals": 0, "dimensions": {"concept": "naiclq:\#(Self.concept)""#,
                                                with: #"{"value": "50.0", "decimals": 0, "dimensions": {"concept": "naiclq:\#(Self.concept)""#)
        XCTAssertNotEqual(decimal, json)
        let report = ReportImport.read(Array(decimal.utf8), name: "decimal.json")
        XCTAssertTrue(report.result.diagnostics.contains { $0.severity == .error && $0.message.contains("50.0") }, "\(report.result.diagnostics)")
    }

    /// The catalog refuses a cell description that names no column of its page, with the file,
    /// page and line.
    func testACellOfAnUnknownColumnIsRefused() throws {
        var files = BundledBlankData.decodedFiles
        let name = "life-ah-quarterly.json"
        let text = String(decoding: try XCTUnwrap(files[name]), as: UTF8.self)
        let changed = text.replacingOccurrences(of: #""cells": {"ActiveStatus":"#, with: #""cells": {"ActiveStatuses":"#)
        XCTAssertNotEqual(changed, text)
        files[name] = Array(changed.utf8)
        let catalog = try BlankCatalog(files: files)
        XCTAssertThrowsError(try catalog.blank("life-ah-quarterly", year: 2011)) { error in
            XCTAssertTrue("\(error)".hasPrefix("life-ah-quarterly.json: ScheduleT line 59, cell ActiveStatuses: the page has no column ActiveStatuses; expected one of Jurisdiction, ActiveStatus,"), "\(error)")
        }
    }
}
