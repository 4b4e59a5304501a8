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

/// Filings as they come: a company code the statement does not print, given by the user; pages
/// whose text layer cannot be read, reported page by page while the readable pages are read.
final class EntityAndUnreadableTextTests: XCTestCase {
    static let athene = Fixture.root.appendingPathComponent("Fixtures/annual/athene-annuity-2021-annual-partial.pdf").path

    /// Athene Annuity and Life's 2021 partial filing prints no company code, and its notes pages
    /// (7 to 38) are set in fonts without a Unicode map.
    func testAPartialFilingWithoutACodeAndWithUnreadablePages() throws {
        try AnnualStatementTests.requirePdftotext()
        var result = try Fixture.parsedPDF(Self.athene)
        XCTAssertNil(result.statement.cover.companyCode)
        XCTAssertThrowsError(try Converter.convert(result.statement, validate: false)) { error in
            XCTAssertTrue("\(error)".contains("--company-code"), "\(error)")
        }
        XCTAssertEqual(result.unreadablePages, Array(7...38))
        let unreadable = result.diagnostics.filter { $0.code == .unreadablePage }
        XCTAssertEqual(unreadable.map(\.page), Array(7...38).map { Optional($0) })
        XCTAssertTrue(unreadable.allSatisfy { $0.severity == .error && $0.message.contains("Notes to the Financial Statements") })
        XCTAssertTrue(result.hasErrors)
        XCTAssertTrue(result.isUsable)

        try EntityCodes(companyCode: "61689").apply(to: &result, file: "athene.pdf")
        XCTAssertEqual(result.statement.cover.companyCode, "61689")
        // The readable pages, as printed on the Assets page (PDF page 2).
        XCTAssertEqual(result.statement.cell("Assets", "1", column: "1"), .amount(printed("47,312,106,902")))
        XCTAssertEqual(result.statement.cell("Assets", "12", column: "2"), .amount(printed("871,411")))
        XCTAssertEqual(result.statement.cell("Assets", "28", column: "3"), .amount(printed("106,295,323,481")))
        XCTAssertEqual(result.statement.cell("Assets", "28", column: "4"), .amount(printed("76,555,521,630")))
        let conversion = try Converter.convert(result.statement, file: "athene.xbrl")
        XCTAssertEqual(conversion.validation.map(\.description), [])
        XCTAssertTrue(String(decoding: conversion.instance, as: UTF8.self).contains(">61689</xbrli:identifier>"))
    }

    /// A printed code and a different given one: nothing is converted.
    func testAGivenCodeThatDiffersFromThePrintedOneIsRefused() throws {
        var result = Fixture.reference
        XCTAssertEqual(result.statement.cover.companyCode, "70416")
        try EntityCodes(companyCode: "12345").apply(to: &result, file: "fixture.txt")
        XCTAssertFalse(result.isUsable)
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains("70416") && $0.message.contains("12345") })
        var same = Fixture.reference
        try EntityCodes(companyCode: "70416").apply(to: &same, file: "fixture.txt")
        XCTAssertTrue(same.isUsable)
        XCTAssertEqual(same.diagnostics.count, Fixture.reference.diagnostics.count)
    }

    func testCodesAreCheckedAndReadFromCSV() throws {
        XCTAssertThrowsError(try EntityCodes(companyCode: "1234"))
        XCTAssertThrowsError(try EntityCodes(companyCode: "12a45"))
        XCTAssertThrowsError(try EntityCodes(groupCode: "12345"))
        let table = try EntityCodes.table(csv: "file,companyCode,groupCode\n# Athene\nathene.pdf,61689,\ndir/other.pdf,12345,4731\n", file: "codes.csv")
        XCTAssertEqual(EntityCodes.lookup("/some/where/athene.pdf", in: table)?.companyCode, "61689")
        XCTAssertEqual(EntityCodes.lookup("dir/other.pdf", in: table)?.groupCode, "4731")
        XCTAssertNil(EntityCodes.lookup("third.pdf", in: table))
        XCTAssertThrowsError(try EntityCodes.table(csv: "a.pdf,61689\na.pdf,61689\n", file: "codes.csv")) { error in
            XCTAssertTrue("\(error)".contains("codes.csv:2"), "\(error)")
        }
        XCTAssertThrowsError(try EntityCodes.table(csv: "a.pdf\n", file: "codes.csv"))
    }

    /// Words of text in a font without a Unicode map, against words of a statement page.
    func testUnreadableTextIsRecognized() {
        func page(_ words: [String]) -> PositionedPage {
            let line = PositionedLine(words: words.enumerated().map { i, text in
                PositionedWord(text: text, x0: Double(i * 40), x1: Double(i * 40 + 30), y0: 10, y1: 20)
            }, number: 1)
            return PositionedPage(number: 1, lines: [line])
        }
        let garbled = ["-RZIWXQIRXW", "'SRXMRYIH", "%KIEREP]WMWSJ", "(IJIVVIH8E\\%WWIXW", "3VHMREV]", "*EVQ", "-RWYVIH", "%PP3XLIV"]
        let readable = ["Total", "admitted", "assets", "(Page", "2,", "Line", "28,", "Col.", "3)", "Bonds", "Stocks", "of", "the", "year"]
        XCTAssertTrue(UnreadableText.isUnreadable(page(Array(repeating: garbled, count: 3).flatMap { $0 })))
        XCTAssertFalse(UnreadableText.isUnreadable(page(Array(repeating: readable, count: 3).flatMap { $0 })))
        // A few odd words among many readable ones do not make a page unreadable.
        XCTAssertFalse(UnreadableText.isUnreadable(page(Array(repeating: readable, count: 3).flatMap { $0 } + ["A[1]"])))
        XCTAssertTrue(UnreadableText.isUnreadable(page(Array(repeating: ["\u{FFFD}\u{FFFD}x", "ab\u{E001}"], count: 12).flatMap { $0 })))
    }

    /// A PDF read in page ranges by several pdftotext processes at once gives the same pages as
    /// one pdftotext over the whole file.
    func testPageRangesReadInParallelEqualTheWholeFile() throws {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try InputFile.read(EditionsTests.annual2025)
        XCTAssertEqual(PDFText.pageCount(bytes), 156)
        let whole = try PDFText.document(pdf: bytes, name: "2025.pdf", parts: 1)
        let split = try PDFText.document(pdf: bytes, name: "2025.pdf", parts: 3)
        XCTAssertEqual(whole.pages.count, 156)
        XCTAssertEqual(split.pages.map(\.number), whole.pages.map(\.number))
        XCTAssertEqual(split.pages.map { $0.lines.map(\.text) }, whole.pages.map { $0.lines.map(\.text) })
    }

    /// Every printed page is accounted for: read (by the description's page ids), a schedule the
    /// description does not read (by the PDF's outline title, or its printed title), or unreadable.
    func testEveryPageIsAccountedFor() throws {
        try AnnualStatementTests.requirePdftotext()
        let athene = try Fixture.parsedPDF(Self.athene)
        XCTAssertEqual(athene.pages.map(\.page), Array(1...38))
        XCTAssertEqual(athene.pages.filter { $0.status == .read }.map(\.page), [2, 3, 4, 5, 6])
        XCTAssertEqual(athene.pages.filter { $0.status == .unreadable }.map(\.page), Array(7...38))
        XCTAssertEqual(athene.pages.first { $0.page == 3 }?.schedule, "Liabilities")

        let filing = try Fixture.parsedPDF(EditionsTests.annual2025)
        XCTAssertEqual(filing.pages.count, 156)
        // The pages named in the source of the 2025 edition: Assets 3, Liabilities 4, Summary of
        // Operations 5, Cash Flow 6 and 7, the Analysis of Operations (Summary 8, Individual
        // Life 9, Group Life 10, Individual Annuities 11, Group Annuities 12, Accident and Health
        // 13), the Analysis of Increase in Reserves 14 to 17, the two
        // investment exhibits 18, Exhibit 1 Part 1 19 and Part 2 20, Exhibits 2, 3 and 4 21,
        // Exhibit 5 22 and 23, its interrogatories (and Exhibit 5A) 24, Exhibit 6 25, Exhibit 7 26, Exhibit 8 Parts 1 and 2 27 and 28, Non-Admitted Assets 29, Five-Year 72
        // and 73, the Life Insurance State Page and its continuation 74 and 75, the Exhibit of Life
        // Insurance 76 and 77 (its ordinary insurance and participating status tables), the Exhibit of
        // Number of Policies 78 (its four tables), Schedule F 88 to 91, the notes to the financial statements 30 to 60,
        // the general interrogatories 61 to 71, the IMR form 79 (its
        // outline entry is "Form for Calculating IMR"), the Asset Valuation Reserve 80 and its default
        // and equity components 81 to 86 and its replications 87 (NONE), Schedule H's Part 1 92, Parts 2 to 4 93 and Part 5 94, Schedule S
        // Part 1's two sections 95 and 96, Part 2 97, Part 3's Section 1 98 and 99 and Section 2 100,
        // Part 4 101 (NONE), Part 5 102,
        // Schedule S Parts 6 and 7 103 and 104, Part 8 105 to 110 (one table over six pages), Schedule T 111 and its Part 2 112, Schedule Y Part 1A
        // 119 to 124 (124 prints only its table of asterisks, NONE: the footnote under the last
        // rows), Part 2 125 to 128 and Part 3 129, the supplemental
        // exhibits and schedules interrogatories 130 to 132, the overflow page for write-ins 133 and
        // 134 (its parts are the rows of the pages they name), the Summary Investment
        // Schedule 135, the verifications between years of Schedules A and B 136, BA 137 and D 138,
        // Schedule D's Summary by Country 139, Schedule D Part 1A 140 to 149 (the PDF's outline
        // files its first nine pages under the Summary by Country: they are found where the blank's
        // page numbers place them), Schedule DA's verification 150, Schedule DB Part A's 151,
        // Schedule DB's 152, Schedule E Part 2's 153, Schedule E Part 1 154 (with its month-end
        // balances), Schedule E Part 2 155 (with its footnote by NAIC designation) and Schedule E
        // Part 3 156.
        XCTAssertEqual(filing.pages.filter { $0.status == .read }.map(\.page),
                       Array(3...29) + Array(30...71)
                       + [72, 73, 74, 75, 76, 77, 78, 79]
                       + Array(80...87) + Array(88...91) + [92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104] + Array(105...110) + [111, 112]
                       + Array(119...124) + Array(125...129) + Array(130...134)
                       + Array(135...156))
        XCTAssertEqual(filing.pages.first { $0.page == 124 }?.schedule, "ScheduleYPart1A")
        // Page 124 prints the table's headings ("Asterisk", "Explanation") over dot leaders, a
        // NONE stamp upright beside them: that is the footnote, no row and no NONE of the table.
        let part1A = try XCTUnwrap(filing.statement.page("ScheduleYPart1A"))
        XCTAssertEqual(part1A.footnotes, ["Asterisk Explanation"])
        XCTAssertFalse(part1A.none)
        XCTAssertEqual(filing.pages.first { $0.page == 154 }?.schedule, "ScheduleEPart1 + ScheduleEPart1MonthEndBalances")
        XCTAssertEqual(filing.pages.first { $0.page == 155 }?.schedule, "ScheduleEPart2 + ScheduleEPart2DesignationFootnote")
        XCTAssertEqual(filing.pages.first { $0.page == 136 }?.schedule, "ScheduleAVerification + ScheduleBVerification")
        XCTAssertEqual(filing.pages.first { $0.page == 79 }?.schedule, "InterestMaintenanceReserve + InterestMaintenanceReserveAmortization")
        XCTAssertEqual(filing.pages.first { $0.page == 18 }?.schedule, "NetInvestmentIncome + CapitalGains")
        // A page that prints several tables names them all.
        XCTAssertEqual(filing.pages.first { $0.page == 21 }?.schedule, "Exhibit2 + Exhibit3 + Exhibit4")
        XCTAssertEqual(filing.pages.first { $0.page == 22 }?.schedule, "Exhibit5")
        // Exhibit 5's interrogatories, and Exhibit 5A under them on the same page.
        XCTAssertEqual(filing.pages.first { $0.page == 24 }?.schedule, "exhibit5Interrogatories + Exhibit5A")
        XCTAssertEqual(filing.pages.first { $0.page == 99 }?.schedule, "ScheduleSPart3Section1")
        XCTAssertEqual(filing.pages.first { $0.page == 101 }?.schedule, "ScheduleSPart4")
        XCTAssertEqual(filing.pages.first { $0.page == 102 }?.schedule, "ScheduleSPart5")
        XCTAssertEqual(filing.pages.first { $0.page == 105 }?.schedule, "ScheduleSPart8")
        XCTAssertEqual(filing.pages.first { $0.page == 110 }?.schedule, "ScheduleSPart8")
        // A page not read is named by the PDF's outline: Schedule Y Part 1, the organizational chart.
        XCTAssertEqual(filing.pages.first { $0.page == 113 }?.status, .other)
        XCTAssertEqual(filing.pages.first { $0.page == 113 }?.schedule, "Schedule Y - Part 1")
        XCTAssertEqual(filing.pages.first { $0.page == 45 }?.schedule, "notes")
        XCTAssertFalse(filing.pages.contains { $0.status == .unreadable })
    }
}
