import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// Values asserted here are the ones printed in the reference statement.
final class TabularPagesTests: XCTestCase {
    var statement: Statement { Fixture.reference.statement }

    /// A line of a page whose rows are items is one concept across its amount columns, and a
    /// concept has one period type (XBRL 2.1 section 4.7.2): the amount columns of such a page are
    /// all instants or all durations in every edition of every blank (a line's own `instant`
    /// makes the whole line an instant). So are the columns that report an item of their own
    /// (one suffix, ``ColumnDescription/conceptSuffix``), each of one type of value; and no two
    /// columns share a context unless they report different items.
    func testEveryLineIsOnePeriodTypeAcrossItsColumns() {
        let periods = StatementPeriods(statementDate: CalendarDate(year: 2024, month: 12, day: 31))
        for blank in BlankCatalog.bundledEditions {
            for page in blank.pages where page.orientation == .items {
                let groups = Dictionary(grouping: page.columns.filter { $0.valueKind == .amount }, by: { $0.conceptSuffix ?? "" })
                for (suffix, columns) in groups {
                    let kinds = Set(columns.map { column in column.period.map { periods.period($0).isInstant } ?? false })
                    XCTAssertLessThanOrEqual(kinds.count, 1, "\(blank.editionKey) \(page.id)\(suffix): amount columns mix instants and durations")
                    XCTAssertLessThanOrEqual(Set(columns.map { $0.type }).count, 1, "\(blank.editionKey) \(page.id)\(suffix): columns of one item differ in type")
                    let contexts = columns.map { "\($0.period?.rawValue ?? "")/\($0.member ?? "")" }
                    XCTAssertEqual(Set(contexts).count, contexts.count, "\(blank.editionKey) \(page.id)\(suffix): two columns of one item share a context")
                }
                XCTAssertTrue(page.columns.allSatisfy { $0.type == nil || $0.conceptSuffix != nil },
                              "\(blank.editionKey) \(page.id): a column's type needs its own item")
            }
        }
    }

    func testAssets() {
        XCTAssertEqual(statement.amount("Assets", "28", column: "3"), printed("4,564,471,362"))
        XCTAssertEqual(statement.amount("Assets", "28", column: "1"), printed("4,573,847,386"))
        XCTAssertEqual(statement.amount("Assets", "18.2", column: "2"), printed("9,376,024"))
        XCTAssertEqual(statement.amount("Assets", "15.2", column: "4"), printed("(2,713,099)"))
        XCTAssertEqual(statement.amount("Assets", "1", column: "4"), printed("142,663,041"))
        // Blank is not zero.
        XCTAssertEqual(statement.cell("Assets", "1", column: "2"), .blank)
        XCTAssertEqual(statement.cell("Assets", "2.1", column: "1"), .blank)
        // Amounts printed in the caption of line 5, kept apart from its words.
        let line5 = statement.page("Assets")?.row("5")
        XCTAssertEqual(line5?.captionAmounts, [.amount(printed("(2,959,888)")), .amount(printed("32,293,783")), .amount(printed("6,198,392"))])
        XCTAssertNil(line5?.caption, "a caption that matches the blank is not repeated in the model")
    }

    func testLiabilities() {
        XCTAssertEqual(statement.amount("Liabilities", "39", column: "1"), printed("4,564,471,362"))
        XCTAssertEqual(statement.amount("Liabilities", "9.4", column: "2"), printed("(126,163)"))
        XCTAssertEqual(statement.page("Liabilities")?.row("1")?.captionAmounts.first, .amount(printed("113,945,631")))
        XCTAssertEqual(statement.page("Liabilities")?.row("9.3")?.captionAmounts, [.blank, .amount(printed("5,705,478"))])
        XCTAssertEqual(statement.page("Liabilities")?.row("13")?.captionAmounts, [.amount(printed("(2,985,374)"))])
        XCTAssertEqual(statement.page("Liabilities")?.row("37")?.captionAmounts, [.amount(printed("397"))])
        // 24.09 prints its current column only; the prior year is blank.
        XCTAssertEqual(statement.amount("Liabilities", "24.09", column: "1"), printed("2,433,001"))
        XCTAssertEqual(statement.cell("Liabilities", "24.09", column: "2"), .blank)
        // Write-ins keep the filer's own captions.
        XCTAssertEqual(statement.page("Liabilities")?.row("2501")?.caption, "Miscellaneous liabilities")
        XCTAssertEqual(statement.page("Liabilities")?.row("3401")?.caption, "Additional deferred tax as allowed by SSAP 10R")
        XCTAssertEqual(statement.amount("Liabilities", "2502", column: "2"), printed("62,376"))
    }

    func testSummaryOfOperations() {
        XCTAssertEqual(statement.amount("SummaryOfOperations", "34", column: "1"), printed("(228,162)"))
        XCTAssertEqual(statement.page("SummaryOfOperations")?.row("34")?.captionAmounts,
                       [.amount(printed("(11,739)")), .amount(printed("74,587"))])
        XCTAssertEqual(statement.amount("SummaryOfOperations", "55", column: "2"), printed("174,232,422"))
        XCTAssertEqual(statement.amount("SummaryOfOperations", "51.1", column: "3"), printed("(3,000,000)"))
        XCTAssertEqual(statement.page("SummaryOfOperations")?.row("08.301")?.caption, "Sub advisory fees")
        XCTAssertEqual(statement.amount("SummaryOfOperations", "08.301", column: "1"), printed("(834,842)"))
        XCTAssertEqual(statement.page("SummaryOfOperations")?.row("5302")?.caption, "Change in additional deferred tax as allowed by SSAP 10R")
    }

    func testCashFlow() {
        XCTAssertEqual(statement.amount("CashFlow", "19.1", column: "2"), printed("(2,923,818)"))
        XCTAssertEqual(statement.amount("CashFlow", "19.2", column: "1"), printed("35,532,287"))
        XCTAssertEqual(statement.amount("CashFlow", "17", column: "3"), printed("(38,500,433)"))
        XCTAssertEqual(statement.page("CashFlow")?.row("9")?.captionAmounts, [.amount(printed("71,053"))])
        XCTAssertEqual(statement.page("CashFlow")?.row("20.0001")?.caption, "Bond conversion")
        XCTAssertEqual(statement.amount("CashFlow", "20.0001", column: "2"), printed("1,223,937"))
    }

    func testExhibit1() {
        XCTAssertEqual(statement.amount("Exhibit1", "5", column: "1"), printed("(3,130,080)"))
        XCTAssertEqual(statement.amount("Exhibit1", "13", column: "3"), printed("55,072,400"))
    }

    func testScheduleT() {
        XCTAssertEqual(statement.amount("ScheduleT", "44", column: "2"), printed("2,241,471"))
        XCTAssertEqual(statement.cell("ScheduleT", "44", column: ""), .text("TX"))
        XCTAssertEqual(statement.cell("ScheduleT", "44", column: "1"), .text("L"))
        XCTAssertEqual(statement.cell("ScheduleT", "33", column: "1"), .text("N"))
        XCTAssertEqual(statement.cell("ScheduleT", "58", column: "1"), .notApplicable)
        XCTAssertEqual(statement.cell("ScheduleT", "59", column: "1"), .text("50"))
        XCTAssertEqual(statement.amount("ScheduleT", "59", column: "6"), printed("26,160,652"))
        XCTAssertEqual(statement.amount("ScheduleT", "6", column: "3"), printed("630"))
        XCTAssertEqual(statement.amount("ScheduleT", "99", column: "2"), printed("14,218,589"))
        XCTAssertEqual(statement.page("ScheduleT")?.row("5801")?.caption, "Other Foreign")
        XCTAssertEqual(statement.page("ScheduleT")?.footnotes.count, 2)
    }

    func testSchedulesAndVerifications() {
        XCTAssertEqual(statement.amount("ScheduleDPart1B", "2", column: "2"), printed("153,566,423"))
        XCTAssertEqual(statement.amount("ScheduleDPart1B", "2", column: "4"), printed("(630,421)"))
        XCTAssertEqual(statement.cell("ScheduleDPart1B", "2", column: "7"), .blank)
        XCTAssertEqual(statement.amount("ScheduleDPart1B", "15", column: "8"), printed("173,358,725"))
        XCTAssertEqual(statement.amount("ScheduleDAPart1", "9199999", column: "1"), printed("6,198,392"))
        XCTAssertEqual(statement.cell("ScheduleDAPart1", "9199999", column: "2"), .notApplicable)
        XCTAssertEqual(statement.amount("ScheduleBVerification", "2.2", column: "1"), printed("372"))
        XCTAssertEqual(statement.amount("ScheduleDVerification", "10", column: "1"), printed("150,751,733"))
        XCTAssertEqual(statement.amount("ScheduleDAVerification", "1", column: "1"), printed("5,998,162"))
        XCTAssertEqual(statement.cell("ScheduleDAVerification", "1", column: "2"), .blank)
        XCTAssertEqual(statement.amount("ScheduleEVerification", "12", column: "1"), printed("32,293,782"))
        for id in ["ScheduleS", "ScheduleY", "ScheduleAVerification", "ScheduleBAVerification", "ScheduleDBPartAVerification", "ScheduleDBVerification"] {
            XCTAssertEqual(statement.page(id)?.none, true, id)
        }
        XCTAssertEqual(statement.page("ScheduleBVerification")?.none, false)
    }

    /// Schedule E's line 1 prints one amount without the tabs that would place it; line 10's
    /// arithmetic (Lines 1+2+3+4+5-6-7+8-9) puts it in column 1, and the parse says so.
    func testShortRowResolvedByArithmetic() {
        XCTAssertEqual(statement.amount("ScheduleEVerification", "1", column: "1"), printed("24,697,522"))
        XCTAssertEqual(statement.cell("ScheduleEVerification", "1", column: "2"), .blank)
        XCTAssertTrue(Fixture.reference.diagnostics.contains { $0.code == .resolvedRow && $0.line == 1381 })
    }

    func testColumnHeadingsKept() {
        XCTAssertEqual(statement.page("Liabilities")?.headings, [["1 Current Statement Date", "2 December 31 Prior Year"]])
        XCTAssertEqual(statement.page("SummaryOfOperations")?.headings.first, ["1 Current Year To Date", "2 Prior Year To Date", "3 Prior Year Ended December 31"])
    }
}
