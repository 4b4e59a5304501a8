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

/// The reference linkbase ties every concept of every edition to where the blank prints it.
final class ReferenceLinkbaseTests: XCTestCase {
    func testEveryConceptHasAReference() throws {
        for blank in BlankCatalog.bundledEditions {
            let taxonomy = TaxonomyModel.of(blank)
            let pageTitles = Set(blank.pages.map(\.title))
            for concept in taxonomy.concepts {
                let reference = try XCTUnwrap(concept.reference, "\(blank.editionKey) \(concept.name)")
                XCTAssertFalse(reference.page.isEmpty, "\(blank.editionKey) \(concept.name)")
                // An item printed on a tabular page names its line, or its column where lines
                // are members (Schedule T's jurisdictions).
                if concept.kind == .item, pageTitles.contains(reference.page) {
                    XCTAssertTrue(reference.line != nil || reference.column != nil, "\(blank.editionKey) \(concept.name)")
                }
            }
        }
        let y2025 = TaxonomyModel.of(Blank.edition("life-ah-annual", 2025))
        XCTAssertEqual(y2025.concept("FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets")?.reference,
                       ConceptReference(page: "FIVE-YEAR HISTORICAL DATA", pageNumber: "22-23", line: "51"))
        XCTAssertEqual(TaxonomyModel.of(Blank.edition("life-ah-annual", 2024)).concept("FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets")?.reference,
                       ConceptReference(page: "FIVE-YEAR HISTORICAL DATA", pageNumber: "22-23", line: "52"))
        XCTAssertEqual(y2025.concept("CompanyName")?.reference?.page, "Cover and jurat")
    }

    /// The linkbase and its parts' schema are well-formed XML, and the entry point refers to it.
    func testTheLinkbaseIsWrittenAndReferred() throws {
        let files = Fixture.editionFiles(Blank.edition("life-ah-annual", 2025))
        let linkbase = String(decoding: try XCTUnwrap(files["naicla-2025-ref.xml"]), as: UTF8.self)
        XCTAssertTrue(linkbase.contains("<nref:Page>FIVE-YEAR HISTORICAL DATA</nref:Page>"))
        XCTAssertTrue(linkbase.contains("<nref:Page>SCHEDULE T - PREMIUMS AND ANNUITY CONSIDERATIONS</nref:Page>\n      <nref:PageNumber>56</nref:PageNumber>"))
        XCTAssertTrue(linkbase.contains("<nref:Edition>2025</nref:Edition>"))
        let schema = String(decoding: try XCTUnwrap(files["naicla-2025.xsd"]), as: UTF8.self)
        XCTAssertTrue(schema.contains("xlink:href=\"naicla-2025-ref.xml\" xlink:role=\"http://www.xbrl.org/2003/role/referenceLinkbaseRef\""))
        let package = Dictionary(uniqueKeysWithValues: Fixture.packageFiles.map { ($0.path, $0.contents) })
        let parts = String(decoding: try XCTUnwrap(package["reference/naicxbrl-ref.xsd"]), as: UTF8.self)
        XCTAssertTrue(parts.contains("<xs:element name=\"PageNumber\" type=\"xs:string\" substitutionGroup=\"link:part\">"))
        XCTAssertTrue(String(decoding: try XCTUnwrap(package["META-INF/catalog.xml"]), as: UTF8.self).contains("http://taxonomy.naicxbrl.org/reference/"))
    }

    /// Every concept a page presents has, in the written linkbase, a reference that names that
    /// page and, where the description has one, its printed page number; a page without a
    /// number writes no number part.
    func testEveryConceptOfAPageNamesThePageAndItsPrintedNumber() throws {
        var numbered = 0
        for blank in BlankCatalog.bundledEditions {
            let taxonomy = TaxonomyModel.of(blank)
            let file = try XCTUnwrap(Fixture.editionFiles(blank).first { $0.key.hasSuffix("-ref.xml") }, blank.editionKey)
            let references = Self.references(in: String(decoding: file.value, as: UTF8.self))
            var pagesOf: [String: [PageDescription]] = [:]
            for page in blank.pages {
                let role = try XCTUnwrap(taxonomy.roles.first { $0.id == page.id }, "\(blank.editionKey) \(page.id)")
                var names = Set(role.presentation.flatMap { [$0.from, $0.to] } + role.calculation.flatMap { [$0.from, $0.to] })
                for cube in role.hypercubes {
                    names.formUnion([cube.table, cube.lineItems] + cube.primaryItems)
                    for axis in cube.axes { names.formUnion([axis.axis] + (axis.domain.map { [$0] } ?? []) + axis.members) }
                }
                for name in names { pagesOf[name, default: []].append(page) }
            }
            XCTAssertFalse(pagesOf.isEmpty, blank.editionKey)
            for (name, pages) in pagesOf {
                let parts = try XCTUnwrap(references[name], "\(blank.editionKey) \(name) has no reference")
                let page = try XCTUnwrap(pages.first { $0.title == parts["Page"]?.first }, "\(blank.editionKey) \(name): \(parts)")
                XCTAssertEqual(parts["PageNumber"], page.printedPage.map { [$0] }, "\(blank.editionKey) \(name)")
                if page.printedPage != nil { numbered += 1 }
            }
        }
        XCTAssertGreaterThan(numbered, 0)
    }

    /// The printed page numbers of the annual blank's pages are the ones the filings print at the
    /// foot of each page the statement reads them from, edition by edition. A page a filing adds
    /// to continue a page's write-in lines ("5.1" after "5") is not the blank's.
    func testAnnualPageNumbersAreThoseTheFilingsPrint() throws {
        try AnnualStatementTests.requirePdftotext()
        let tool = try XCTUnwrap(PDFText.toolPath())
        var editions: Set<Int> = []
        for filing in ["commonwealth-annuity-2023", "forethought-life-2024", "forethought-life-2025"] {
            let path = AnnualStatementTests.pdfPath(filing)
            let result = try Fixture.parsedPDF(path)
            let blank = Blank.edition("life-ah-annual", try XCTUnwrap(result.statement.edition, filing))
            editions.insert(blank.year)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-layout", path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            // pdftotext ends each page with a form feed.
            let pdfPages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            var printed: [String: [String]] = [:]
            // The pages read by the blank's page descriptions (the notes are a section of the blank).
            let none = Set(result.statement.pages.filter(\.none).map(\.id))
            for account in result.pages where account.status == .read && (account.schedule ?? "").components(separatedBy: " + ").contains(where: { blank.page($0) != nil }) {
                let numbers = Self.pageNumbers(in: pdfPages[account.page - 1])
                // A page that prints schedules' titles over NONE, several to a page, is numbered
                // as several ("46, 47"): it numbers none of them alone.
                if numbers.count != 1, (account.schedule ?? "").components(separatedBy: " + ").allSatisfy(none.contains) { continue }
                XCTAssertEqual(numbers.count, 1, "\(filing) PDF page \(account.page) prints \(numbers)")
                for id in (account.schedule ?? "").components(separatedBy: " + ") { printed[id, default: []] += numbers }
            }
            for page in blank.pages {
                // Commonwealth's 2023 filing prints no Schedule D Part 1A and no Summary by Country
                // (the 2024 filing numbers them), and its Schedule F and the Asset Valuation Reserve's
                // replications only as NONE titles on a page of two schedules, as Forethought's 2024
                // filing prints Schedule S Parts 4 and 5 (the other filings number them).
                if filing == "commonwealth-annuity-2023" && (page.id.hasPrefix("ScheduleDPart1A") || ["ScheduleDSummaryByCountry", "ScheduleF", "AssetValuationReserveReplications"].contains(page.id))
                    || filing == "forethought-life-2024" && ["ScheduleSPart4", "ScheduleSPart5"].contains(page.id)
                    // Schedule DB Part C (replication transactions) only Forethought's 2024 filing prints.
                    || filing != "forethought-life-2024" && page.id.hasPrefix("ScheduleDBPartC") {
                    XCTAssertNil(printed[page.id], page.id)
                    continue
                }
                let numbers = try XCTUnwrap(printed[page.id], "\(filing): \(page.id) was not read")
                let own = numbers.filter { number in !numbers.contains { number.hasPrefix($0 + ".") } }
                let expected = own.count == 1 ? own[0] : "\(own.first ?? "")-\(own.last ?? "")"
                XCTAssertEqual(page.printedPage, expected, "\(filing) (\(blank.editionKey)) \(page.id) prints \(numbers)")
            }
        }
        XCTAssertEqual(editions, [2023, 2024, 2025])
    }

    /// The reference statement's text prints one page number, under Schedule D Part 1B; the
    /// quarterly description numbers that page, and no other, with it.
    func testQuarterlyPageNumbersAreThoseTheReferenceStatementPrints() throws {
        let result = Fixture.reference
        let lines = Fixture.referenceText.split(separator: "\n", omittingEmptySubsequences: false)
        // Each page starts at the first input line its rows were read from.
        let starts = result.origins.compactMap { id, rows in rows.values.min().map { (id, $0) } }.sorted { $0.1 < $1.1 }
        var printed: [String: String] = [:]
        for (index, line) in lines.enumerated() {
            guard let number = Self.pageNumbers(in: line).first else { continue }
            let page = try XCTUnwrap(starts.last { $0.1 <= index + 1 }, "page number \(number) at line \(index + 1) is on no page")
            XCTAssertNil(printed[page.0], "\(page.0) prints two page numbers")
            printed[page.0] = number
        }
        XCTAssertFalse(printed.isEmpty)
        let described = Dictionary(uniqueKeysWithValues: Blank.lifeQuarterly.pages.compactMap { page in page.printedPage.map { (page.id, $0) } })
        XCTAssertEqual(described, printed)
    }

    /// The page number `text` prints: the last of its lines that hold nothing but a number
    /// (digits, after at most three capital letters, with a decimal part for a continuation page:
    /// "2", "5.1", "S102"), as a one-element list, or none.
    static func pageNumbers(in text: Substring) -> [String] {
        let alone = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.range(of: #"^[A-Z]{0,3}[0-9]+(\.[0-9]+)?(\.[A-Z]{2})?$"#, options: .regularExpression) != nil else { return nil }
            // A page the blank prints once per state ends in the state's code ("24.GT", the
            // Grand Total): the blank's page number is the rest.
            return trimmed.range(of: #"\.[A-Z]{2}$"#, options: .regularExpression).map { String(trimmed[..<$0.lowerBound]) } ?? trimmed
        }
        // A column heading printed alone above its column ("1" over the IMR's "Amount") is not
        // the page number, which is printed last.
        return alone.last.map { [$0] } ?? []
    }

    /// The parts of each reference of a linkbase the writer wrote, by concept name: part name to
    /// the values it has, in order.
    static func references(in linkbase: String) -> [String: [String: [String]]] {
        var out: [String: [String: [String]]] = [:]
        let reference = try! NSRegularExpression(pattern: #"<link:reference [^>]*xlink:label="reference_([^"]+)"[^>]*>(.*?)</link:reference>"#,
                                                 options: [.dotMatchesLineSeparators])
        let part = try! NSRegularExpression(pattern: #"<nref:(\w+)>([^<]*)</nref:\1>"#)
        let whole = linkbase as NSString
        for match in reference.matches(in: linkbase, range: NSRange(location: 0, length: whole.length)) {
            let name = whole.substring(with: match.range(at: 1))
            let body = whole.substring(with: match.range(at: 2))
            var parts: [String: [String]] = [:]
            for found in part.matches(in: body, range: NSRange(location: 0, length: (body as NSString).length)) {
                let value = (body as NSString).substring(with: found.range(at: 2))
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                parts[(body as NSString).substring(with: found.range(at: 1)), default: []].append(value)
            }
            out[name] = parts
        }
        return out
    }
}
