import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading

/// A filed PDF's outline names each schedule's pages, so a conversion reads only the pages the
/// blank's description reads; the statement must be the one the whole file gives.
final class PDFOutlineTests: XCTestCase {
    func testTheOutlineSpansEachEntrysPagesUpToTheNext() throws {
        let xml = """
        <pdf2xml><page number="1"></page>
        <outline>
        <item page="1">Cover Page - </item>
        <item page="3">Assets</item>
        <item page="6">Cash Flow</item>
        <outline>
        <item page="7">Page: 1</item>
        </outline>
        <item page="8">Exhibit of Net Investment Income</item>
        <item page="8">Exhibit of Capital Gains (Losses)</item>
        <item page="9">Schedule T</item>
        <item page="10">Schedule T - Part 2 - Interstate Compact</item>
        <item page="99">Beyond the last page</item>
        </outline></pdf2xml>
        """
        let outline = try XCTUnwrap(PDFOutline.parse(xml, pageCount: 12))
        XCTAssertEqual(outline.entries.map(\.title), ["Cover Page -", "Assets", "Cash Flow", "Exhibit of Net Investment Income",
                                                      "Exhibit of Capital Gains (Losses)", "Schedule T", "Schedule T - Part 2 - Interstate Compact"])
        XCTAssertEqual(outline.entries.map(\.pages), [1...2, 3...5, 6...7, 8...8, 8...8, 9...9, 10...12])
        // Schedule T's blank title is longer than the outline's; its Part 2 is another schedule.
        let pages = try XCTUnwrap(outline.pages(for: ["CASH FLOW", "SCHEDULE T - PREMIUMS AND ANNUITY CONSIDERATIONS ALLOCATED BY STATES AND TERRITORIES"]))
        XCTAssertEqual(pages.sorted(), [1, 2, 6, 7, 9])
        XCTAssertNil(outline.pages(for: ["NOTES TO FINANCIAL STATEMENTS"]))
        XCTAssertNil(PDFOutline.parse("<pdf2xml></pdf2xml>", pageCount: 3))
        // A table nested under another schedule's entry (Exhibit 3 on Exhibit 2's page) names its page.
        let exhibits = try XCTUnwrap(PDFOutline.parse("""
            <pdf2xml><outline><item page="1">Cover</item><item page="4">Exhibit 2 - General Expenses</item>
            <outline><item page="4">Exhibit 3 - Taxes, Licenses and Fees</item><item page="4">Exhibit 4 - Dividends or Refunds</item></outline>
            <item page="5">Exhibit 5 - Aggregate Reserve for Life Contracts</item><item page="7">Exhibit 7 - Deposit-Type Contracts</item>
            </outline></pdf2xml>
            """, pageCount: 8))
        XCTAssertEqual(exhibits.nested.map(\.title), ["Exhibit 3 - Taxes, Licenses and Fees", "Exhibit 4 - Dividends or Refunds"])
        XCTAssertEqual(exhibits.pages(for: ["EXHIBIT 3 - TAXES, LICENSES AND FEES (EXCLUDING FEDERAL INCOME TAXES)", "EXHIBIT 7 - DEPOSIT TYPE CONTRACTS"])?.sorted(),
                       [1, 2, 4, 7, 8])
        XCTAssertFalse(PDFOutline.names("Assets", "ASSETS HELD"), "a short title is no prefix match")
        XCTAssertTrue(PDFOutline.names("Liabilities, Surplus and Other Funds", "LIABILITIES, SURPLUS AND OTHER FUNDS"))
    }

    /// The pages an outline names are cut into ranges of an even share each, so that the
    /// `pdftotext`s run at once finish together: Forethought 2025's 1-140 and 149-156 on two
    /// cores are 1-74, 75-140 and 149-156, not one reader for 140 pages and one for 8.
    /// A word whose box poppler prints as "nan" or "inf" (a degenerate text matrix), or far past
    /// any page, is left out: its box could not place it, and OCR would cut its image from nowhere.
    func testAWordWithoutAFiniteBoxIsLeftOut() {
        let xml = """
        <doc><page width="612" height="792">
        <word xMin="10.0" yMin="20.0" xMax="30.0" yMax="28.0">Assets</word>
        <word xMin="nan" yMin="20.0" xMax="30.0" yMax="28.0">lost</word>
        <word xMin="40.0" yMin="inf" xMax="60.0" yMax="28.0">lost</word>
        <word xMin="40.0" yMin="20.0" xMax="1e300" yMax="28.0">lost</word>
        <word xMin="40.0" yMin="20.0" xMax="60.0" yMax="28.0">Total</word>
        </page></doc>
        """
        let pages = PDFText.pages(fromBoundingBoxes: Array(xml.utf8))
        XCTAssertEqual(pages.first?.lines.flatMap(\.words).map(\.text), ["Assets", "Total"])
    }

    func testPageRangesAreReadInEvenShares() {
        XCTAssertEqual(PDFText.balanced([1...140, 149...156], parts: 2), [1...74, 75...140, 149...156])
        XCTAssertEqual(PDFText.balanced([1...10], parts: 3), [1...4, 5...8, 9...10])
        XCTAssertEqual(PDFText.balanced([3...3, 7...9], parts: 2), [3...3, 7...8, 9...9])
        XCTAssertEqual(PDFText.balanced([1...140], parts: 1), [1...140])
    }

    /// Read by its outline, each filing gives the statement the whole file gives, and every page
    /// is accounted for.
    func testReadingByTheOutlineGivesTheStatementOfTheWholeFile() throws {
        try AnnualStatementTests.requirePdftotext()
        for filing in ["forethought-life-2024", "forethought-life-2025", "commonwealth-annuity-2023"] {
            let bytes = try InputFile.read(AnnualStatementTests.pdfPath(filing))
            let count = try XCTUnwrap(PDFText.pageCount(bytes))
            let byOutline = try XCTUnwrap(StatementParser.parseByOutline(bytes, name: filing, blank: nil, parts: 2, pdfDeadline: nil, ocr: false),
                                          "\(filing) has an outline naming its pages")
            let whole = StatementParser.parse(try PDFText.document(pdf: bytes, name: filing, parts: 1), pdf: bytes)
            XCTAssertEqual(byOutline.statement, whole.statement, filing)
            XCTAssertEqual(byOutline.pages.map(\.page), Array(1...count), filing)
            XCTAssertEqual(byOutline.pages.filter { $0.status == .read }, whole.pages.filter { $0.status == .read }, filing)
            // The description reads fewer pages than the filing prints: the others (the cover, the
            // jurat, the organizational chart) are accounted for, named by the outline.
            XCTAssertGreaterThanOrEqual(byOutline.pages.filter { $0.status == .other }.count, 6, filing)
            XCTAssertTrue(byOutline.pages.contains { $0.status == .other && $0.schedule == "Schedule Y - Part 1" }, filing)
            XCTAssertTrue(byOutline.pages.contains { $0.status == .other && $0.schedule == "Jurat" }, filing)
            // Without the outline, such a page is named by the title it prints. Forethought's
            // organizational chart sets its running header in a font that extracts as full-width
            // forms ("ａｎｎｕａｌ＠ｓｔａｔｅｍｅｎｔ…"): that is no title.
            let others = whole.pages.filter { $0.status == .other }
            XCTAssertTrue(others.contains { $0.schedule?.hasPrefix("ORGANIZATIONAL CHART") == true }, "\(filing): \(others)")
            for account in others {
                XCTAssertFalse(account.schedule?.unicodeScalars.contains { (0xFF00...0xFFEF).contains($0.value) } ?? false, "\(filing): \(account)")
            }
        }
    }

    /// A page the outline reading misses is looked for between the pages read that the blank
    /// numbers around it; without a page read numbered on both sides, nothing tells where it
    /// would stand (and the whole file is read).
    func testAMissingPageIsLookedForWhereTheBlanksPageNumbersPlaceIt() throws {
        let blank = Blank.lifeAnnual
        let part1A = try XCTUnwrap(blank.page("ScheduleDPart1ASection1"))
        XCTAssertEqual(part1A.printedPage, "SI05-SI07")
        var result = ParseResult(statement: Statement(blank: "life-ah-annual"), diagnostics: [], dispositions: [:], origins: [:], isUsable: true)
        result.pages = [PageAccount(page: 135, status: .read, schedule: "SummaryInvestmentSchedule"),
                        PageAccount(page: 136, status: .other, schedule: "Schedule A - Verification"),
                        PageAccount(page: 140, status: .read, schedule: "ScheduleDAVerification"),
                        PageAccount(page: 141, status: .read, schedule: "ScheduleEPart2Verification")]
        // SI01 on page 135, SI10 on 140: Part 1A (SI05-SI07) would stand between them.
        XCTAssertEqual(StatementParser.pagesWherePrinted(part1A, in: result, of: blank), 135...140)
        // With nothing read before it, its place is not known.
        result.pages.removeFirst()
        XCTAssertNil(StatementParser.pagesWherePrinted(part1A, in: result, of: blank))
        // A page the blank prints no number for has no place either.
        var unnumbered = part1A
        unnumbered.printedPage = nil
        XCTAssertNil(StatementParser.pagesWherePrinted(unnumbered, in: result, of: blank))
    }
}
