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

/// `convert --format ixbrl`: one Inline XBRL document laid out like the printed blank, with the
/// facts of the XML instance, the crosschecks' findings marked, and read back to the same model.
final class InlineXBRLTests: XCTestCase {
    static let conversion: InlineConversion = {
        try! Converter.convertInline(Fixture.reference.statement, file: "fixture.xhtml")
    }()
    static var document: String { String(decoding: conversion.document, as: UTF8.self) }

    /// Facts as a set of comparable tuples: concept, context, unit, decimals, nil, value, printed form.
    static func facts(_ instance: [UInt8], blank: Blank) -> [String] {
        let taxonomy = TaxonomyModel.of(blank)
        let raw = InstanceReader.read(instance, name: "instance", taxonomyNamespace: taxonomy.namespace,
                                      printedFormRole: TaxonomyWriter.printedFormRole(taxonomy))
        return raw.facts.map { fact in
            let context = fact.contextRef.flatMap { raw.contexts[$0] }.map { "\($0.period) \($0.explicit) \($0.typed)" } ?? "?"
            let unit = fact.unitRef.flatMap { raw.units[$0] }.map { "\($0)" } ?? "-"
            let printed = fact.id.flatMap { raw.printedForms[$0] } ?? ""
            return [fact.namespace, fact.concept, context, unit, fact.decimals ?? "-", fact.isNil ? "nil" : "", fact.value, printed].joined(separator: "|")
        }.sorted()
    }

    func testReferenceDocumentIsValidAndHoldsTheInstanceFacts() throws {
        let conversion = Self.conversion
        XCTAssertEqual(conversion.validation, [])
        XCTAssertEqual(conversion.diagnostics, [])
        let xml = try Converter.convert(Fixture.reference.statement, validate: false).instance
        let extracted = try XCTUnwrap(conversion.extracted)
        let inline = Self.facts(extracted, blank: .lifeQuarterly)
        XCTAssertEqual(inline.count, 2896)
        XCTAssertEqual(inline, Self.facts(xml, blank: .lifeQuarterly))
    }

    /// import reads the document back to the parsed statement; converting that gives the XML
    /// instance byte for byte.
    func testImportGivesTheParsedStatementAndTheSameInstance() throws {
        let extraction = InlineXBRLReader.extract(Self.conversion.document, name: "fixture.xhtml")
        XCTAssertEqual(extraction.issues, [])
        let instance = try XCTUnwrap(extraction.instance)
        XCTAssertEqual(InstanceBlank.of(instance)?.editionKey, Blank.lifeQuarterly.editionKey)
        let imported = FactImporter(blank: .lifeQuarterly).importInstance(instance, name: "fixture.xhtml")
        XCTAssertEqual(imported.diagnostics, [])
        XCTAssertEqual(imported.statement, Fixture.reference.statement)
        let again = try Converter.convert(imported.statement, validate: false).instance
        XCTAssertTrue(again == (try Converter.convert(Fixture.reference.statement, validate: false).instance))
    }

    /// Amounts are tagged where they are printed, with the printed digits, sign and format.
    func testAmountsAreTaggedAsPrinted() {
        let document = Self.document
        // Assets line 1, Bonds: 150,751,734 in columns 1 and 3, 142,663,041 in column 4.
        XCTAssertTrue(document.contains("<tr><td class=\"line\">1.</td><td class=\"caption\">Bonds</td><td class=\"amount\"><ix:nonFraction name=\"naiclq:Bonds\""))
        XCTAssertTrue(document.contains("decimals=\"0\" format=\"ixt:num-dot-decimal\">150,751,734</ix:nonFraction></td><td class=\"amount\"></td>"))
        XCTAssertTrue(document.contains("format=\"ixt:num-dot-decimal\">142,663,041</ix:nonFraction></td></tr>"))
        // Assets line 15.2, printed (1,673,536): the parentheses around the tag, sign="-".
        XCTAssertTrue(document.contains("(<ix:nonFraction name=\"naiclq:PremiumsAndConsiderationsDeferredPremiumsAgentsBalancesAndInstallmentsBookedButDeferredAndNotYetDue\""))
        XCTAssertTrue(document.contains("sign=\"-\" format=\"ixt:num-dot-decimal\">1,673,536</ix:nonFraction>)"))
        // Liabilities line 1 prints $ 113,945,631 inside its caption.
        XCTAssertTrue(document.contains("Aggregate reserve for life contracts $ <span class=\"caption-amount\"><ix:nonFraction name=\"naiclq:AggregateReserveForLifeContractsAmount\""))
        XCTAssertTrue(document.contains(">113,945,631</ix:nonFraction></span> less $ included in Line 6.3"))
        // Interrogatory 5 is answered No of Yes, No and N/A: the label of the box checked is the fact.
        XCTAssertTrue(document.contains("<span class=\"choice\"><ix:nonNumeric name=\"naiclq:InterrogatoryAnswerYesNoNotApplicable\""))
        XCTAssertTrue(document.contains(">no</ix:nonNumeric></span> [&#160;X&#160;] N/A [&#160;&#160;&#160;]"))
        // Schedule S prints NONE.
        XCTAssertTrue(document.contains("format=\"ixt:fixed-true\">NONE</ix:nonNumeric></p>"))
        // Every fact of the reference statement has a printed place: nothing is hidden.
        XCTAssertFalse(document.contains("<ix:hidden>"))
    }

    /// The running header, title and column headings of each page, as printed.
    func testPagesAreLaidOutLikeTheBlank() {
        let document = Self.document
        XCTAssertTrue(document.contains("<div class=\"running-header\">STATEMENT AS OF JUNE 30, 2011 OF THE MML Bay State Life Insurance Company</div>\n<h2 class=\"title\">ASSETS</h2>"))
        // The page's heading line is one fact, continued from column to column.
        // "Current Statement Date" over columns 1 to 3, "4 December 31 Prior Year Net Admitted
        // Assets" over both heading lines.
        XCTAssertTrue(document.contains("<th colspan=\"3\"><ix:nonNumeric name=\"naiclq:PrintedColumnHeadings\""))
        XCTAssertTrue(document.contains(">Current Statement Date\t</ix:nonNumeric><ix:continuation"))
        XCTAssertTrue(document.contains("<th rowspan=\"2\"><ix:continuation"))
        XCTAssertTrue(document.contains(">4 December 31 Prior Year Net Admitted Assets</ix:continuation></th></tr>"))
        for page in Fixture.reference.statement.pages {
            XCTAssertTrue(document.contains("<div class=\"page\" id=\"page-\(page.id)\">"), page.id)
        }
        XCTAssertTrue(document.contains("<div class=\"notes\" id=\"notes\">"))
        XCTAssertTrue(document.contains("<div class=\"interrogatories\" id=\"interrogatories\">"))
    }

    /// Each cell a crosscheck warned about is marked, with the rule's message as its title: the
    /// reference statement's 25 one-dollar differences.
    func testFindingsAreMarkedInTheirCells() throws {
        let document = Self.document
        XCTAssertEqual(document.components(separatedBy: " finding finding-warning\" title=\"[").count - 1, 25)
        XCTAssertFalse(document.contains("finding-error"))
        // Schedule D - Verification line 12 prints 150,751,733 where Assets line 1 prints 150,751,734.
        let marked = try XCTUnwrap(document.range(of: "title=\"[bonds-and-stocks-verification-equals-assets]"))
        let cell = document[marked.lowerBound...].prefix(600)
        XCTAssertTrue(cell.contains("(expected 150751734, actual 150751733)"), String(cell))
        XCTAssertTrue(cell.contains(">150,751,733</ix:nonFraction>"), String(cell))
        XCTAssertEqual(Self.conversion.marked, 25)
    }

    /// A rule that fails is marked as an error.
    func testAFailedRuleIsMarkedAsAnError() throws {
        var statement = Fixture.reference.statement
        let p = try XCTUnwrap(statement.pages.firstIndex { $0.id == "Assets" })
        let r = try XCTUnwrap(statement.pages[p].rows.firstIndex { $0.line == "28" })
        statement.pages[p].rows[r].cells[0] = .amount(Amount(units: 4_573_847_486))
        let conversion = try Converter.convertInline(statement, validate: false)
        let document = String(decoding: conversion.document, as: UTF8.self)
        let marked = try XCTUnwrap(document.range(of: "finding finding-error\" title=\"[assets-line-28-total-col-1]"))
        XCTAssertTrue(document[marked.lowerBound...].prefix(500).contains(">4,573,847,486</ix:nonFraction>"))
    }

    /// The document is well-formed XHTML; a broken one is reported, not read.
    func testMalformedDocumentIsReported() {
        var bytes = Self.conversion.document
        bytes.removeLast(20)
        let extraction = InlineXBRLReader.extract(bytes, name: "cut.xhtml")
        XCTAssertNil(extraction.instance)
        XCTAssertTrue(extraction.issues.contains { $0.severity == .error && $0.code == .invalidXML })
    }

    /// A document with a DOCTYPE is refused before its internal subset is read.
    func testDoctypeIsRefused() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body>&x;</body></html>"
        let extraction = InlineXBRLReader.extract(Array(text.utf8), name: "doctype.xhtml")
        XCTAssertNil(extraction.instance)
        XCTAssertTrue(extraction.issues.contains { $0.code == .refused }, "\(extraction.issues)")
    }

    /// Facts are read by their names' namespaces, not prefixes: the same document with another
    /// prefix for the taxonomy imports to the same statement.
    func testAnotherPrefixImportsTheSame() throws {
        let text = Self.document.replacingOccurrences(of: "xmlns:naiclq=", with: "xmlns:q=").replacingOccurrences(of: "naiclq:", with: "q:")
        XCTAssertFalse(text.contains("naiclq:"))
        let extraction = InlineXBRLReader.extract(Array(text.utf8), name: "prefix.xhtml")
        XCTAssertEqual(extraction.issues, [])
        let imported = FactImporter(blank: .lifeQuarterly).importInstance(try XCTUnwrap(extraction.instance), name: "prefix.xhtml")
        XCTAssertEqual(imported.diagnostics, [])
        XCTAssertEqual(imported.statement, Fixture.reference.statement)
    }

    /// A transformation the reader does not know is an error, not a wrong value.
    func testUnknownFormatIsAnError() {
        let text = Self.document.replacingOccurrences(of: "format=\"ixt:num-dot-decimal\">150,751,734<", with: "format=\"ixt:num-unit-decimal\">150,751,734<")
        let extraction = InlineXBRLReader.extract(Array(text.utf8), name: "format.xhtml")
        XCTAssertTrue(extraction.issues.contains { $0.message.contains("ixt:num-unit-decimal") }, "\(extraction.issues)")
    }

    /// A scale far beyond any amount (which would make a string of that many zeros) or not a
    /// whole number is an error naming the element, never an allocation that brings the tool down.
    func testAnOutOfRangeScaleIsAnError() {
        for scale in ["-999999999999", "999999999999", "-9223372036854775808", "99999999999999999999", "65", "1.5"] {
            let text = Self.document.replacingOccurrences(of: "format=\"ixt:num-dot-decimal\">150,751,734<",
                                                          with: "scale=\"\(scale)\" format=\"ixt:num-dot-decimal\">150,751,734<")
            XCTAssertNotEqual(text, Self.document)
            let extraction = InlineXBRLReader.extract(Array(text.utf8), name: "scale.xhtml")
            XCTAssertTrue(extraction.issues.contains { $0.message.contains("the scale") && $0.message.contains("-64 to 64") }, "\(scale): \(extraction.issues)")
        }
        let text = Self.document.replacingOccurrences(of: "format=\"ixt:num-dot-decimal\">150,751,734<",
                                                      with: "scale=\"-64\" format=\"ixt:num-dot-decimal\">150,751,734<")
        XCTAssertFalse(InlineXBRLReader.extract(Array(text.utf8), name: "scale.xhtml").issues.contains { $0.message.contains("the scale") })
    }

    /// Numbers are read exactly: scale moves digits, sign negates, formats drop separators.
    func testNumbersAreReadExactly() {
        typealias R = InlineXBRLReaderTestAccess
        XCTAssertEqual(R.shifted("3,296", 6), "3296000000")
        XCTAssertEqual(R.shifted("4,933,708.07", 0), "4933708.07")
        XCTAssertEqual(R.shifted("3.5", 6), "3500000")
        XCTAssertEqual(R.shifted("12.5", -2), "0.125")
        XCTAssertEqual(R.shifted("9,223,372,036,854,775,807", 3), "9223372036854775807000")
    }

    /// The annual filings: every value printed on their pages is tagged visibly, the only hidden
    /// facts are the lists of lines not printed, and the document reads back to the XML instance.
    func testAnnualFilingsRoundTrip() throws {
        try AnnualStatementTests.requirePdftotext()
        for filing in AnnualStatementTests.filings {
            let parsed = try Fixture.parsedPDF(AnnualStatementTests.pdfPath(filing))
            let conversion = try Converter.convertInline(parsed.statement, file: "\(filing).xhtml")
            XCTAssertEqual(conversion.validation, [], filing)
            let xml = try Converter.convert(parsed.statement, validate: false).instance
            let blank = try XCTUnwrap(Blank.named(parsed.statement.blank, year: parsed.statement.edition))
            let extracted = try XCTUnwrap(conversion.extracted)
            XCTAssertEqual(Self.facts(extracted, blank: blank), Self.facts(xml, blank: blank), filing)
            let imported = FactImporter(blank: blank).importInstance(extracted, name: filing)
            XCTAssertEqual(imported.diagnostics.filter { $0.severity == .error }, [], filing)
            XCTAssertTrue(try Converter.convert(imported.statement, validate: false).instance == xml, filing)
            let document = String(decoding: conversion.document, as: UTF8.self)
            let hidden = document.components(separatedBy: "<ix:hidden>").dropFirst().first?.components(separatedBy: "</ix:hidden>").first ?? ""
            // One list per page that leaves lines of the blank out (Schedule S's listings print
            // only the groups the filer has).
            let hiddenFacts = hidden.components(separatedBy: "<ix:").dropFirst()
            XCTAssertFalse(hiddenFacts.isEmpty, filing)
            XCTAssertTrue(hiddenFacts.allSatisfy { $0.hasPrefix("nonNumeric name=\"naicla:LinesNotPrinted\"") }, filing)
            // The expected values printed on the pages, each printed in the document (the numbers
            // it shows, gathered once: the document is megabytes long).
            var shown = Set<Substring>()
            var rest = document[...]
            while let start = rest.range(of: "format=\"ixt:num-dot-decimal\">"), let end = rest[start.upperBound...].range(of: "</ix:nonFraction>") {
                shown.insert(rest[start.upperBound..<end.lowerBound])
                rest = rest[end.upperBound...]
            }
            let expected = try String(contentsOfFile: Fixture.root.appendingPathComponent("Fixtures/annual/\(filing).expected.tsv").path, encoding: .utf8)
            var checked = 0
            for line in expected.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 4 else { continue }
                var value = String(fields[3])
                guard value.first?.isNumber == true || value.first == "(" else { continue }
                value = value.trimmingCharacters(in: CharacterSet(charactersIn: "()$ "))
                XCTAssertTrue(shown.contains(Substring(value)), "\(filing) \(fields[0]) line \(fields[1]) column \(fields[2]): \(value)")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 100, filing)
        }
    }
}

/// The reader's digit shifting, for the tests.
enum InlineXBRLReaderTestAccess {
    static func shifted(_ printed: String, _ exponent: Int) -> String {
        InlineXBRLReader.shifted(printed.replacingOccurrences(of: ",", with: ""), by: exponent)
    }
}
