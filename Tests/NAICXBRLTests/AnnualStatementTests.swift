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

/// Annual statements as filed: two PDFs in `Fixtures/annual`, read through poppler's
/// `pdftotext` (Debian package poppler-utils, which `.ci/run` installs), and the text
/// `pdftotext -layout` makes of them. The expected values are the ones printed in the PDFs,
/// listed in `Fixtures/annual/*.expected.tsv` (see the README there for how they were taken).
final class AnnualStatementTests: XCTestCase {
    static let filings = ["forethought-life-2024", "commonwealth-annuity-2023"]
    /// The pages whose every printed value the fixtures list.
    static let pages: Set<String> = ["Assets", "Liabilities", "SummaryOfOperations", "CashFlow", "AnalysisOfOperationsSummary", "AnalysisOfOperationsIndividualLife", "AnalysisOfOperationsGroupLife",
                                     "AnalysisOfOperationsIndividualAnnuities",
                                     "AnalysisOfOperationsGroupAnnuities", "AnalysisOfOperationsAccidentAndHealth", "AnalysisOfIncreaseInReservesIndividualLife",
                                     "AnalysisOfIncreaseInReservesGroupLife", "AnalysisOfIncreaseInReservesIndividualAnnuities",
                                     "AnalysisOfIncreaseInReservesGroupAnnuities", "NetInvestmentIncome", "CapitalGains",
                                     "NonadmittedAssets", "Exhibit1Part1", "Exhibit1Part2", "Exhibit2", "Exhibit3", "Exhibit4", "Exhibit6", "Exhibit7", "Exhibit8Part1", "Exhibit8Part2", "InterestMaintenanceReserve", "InterestMaintenanceReserveAmortization", "AssetValuationReserve",
                                     "ScheduleSPart6", "ScheduleSPart7", "ScheduleT", "ScheduleTPart2", "FiveYearHistoricalData",
                                     "LifeInsuranceStatePage", "LifeInsuranceStatePageClaimsAndPolicies", "LifeInsuranceExhibit",
                                     "LifeInsuranceExhibitOrdinary", "LifeInsuranceExhibitParticipatingStatus", "SummaryInvestmentSchedule",
                                     "ScheduleEPart2Verification", "ScheduleDAVerification",
                                     "ExhibitOfNumberOfPoliciesSupplementaryContracts", "ExhibitOfNumberOfPoliciesAnnuities",
                                     "ExhibitOfNumberOfPoliciesAccidentAndHealth", "ExhibitOfNumberOfPoliciesDepositFunds",
                                     "ScheduleDPart1ASection1", "ScheduleDPart1ASection2",
                                     "AssetValuationReserveDefaultComponent", "AssetValuationReserveEquityComponent", "AssetValuationReserveReplications",
                                     "ScheduleAVerification", "ScheduleBVerification", "ScheduleBAVerification", "ScheduleDVerification",
                                     "ScheduleDBPartAVerification", "ScheduleDSummaryByCountry", "ScheduleDBVerification",
                                     "ScheduleHPart1", "ScheduleHPart2", "ScheduleHPart3", "ScheduleHPart4", "ScheduleHPart5", "ScheduleEPart3", "Exhibit5",
                                     "ScheduleSPart1Section1", "ScheduleSPart1Section2", "ScheduleSPart2", "ScheduleSPart3Section1", "ScheduleSPart3Section2", "ScheduleF", "ScheduleSPart4", "ScheduleSPart5",
                                     "ScheduleDBPartCSection1", "ScheduleDBPartCSection2", "ScheduleYPart1A", "ScheduleYPart2", "ScheduleYPart3", "Exhibit5A",
                                     "ScheduleEPart1", "ScheduleEPart1MonthEndBalances", "ScheduleEPart2", "ScheduleEPart2DesignationFootnote"]
    /// Pages whose values the tests require from the PDF only: the Asset Valuation Reserve's
    /// components (ten columns, factors among amounts) and Schedule D Part 1A's two sections
    /// (twelve columns, footnote markers before amounts, bold totals without leaders), whose
    /// layout text squeezes so that no column can be told, and the verifications between years
    /// of Schedules A, B, BA and DB Part A (and D, up to the 2024 blank), whose inner and outer
    /// amounts layout text sets too close to tell apart, and Schedule E Part 3, whose purpose of
    /// deposit layout text sets across two text columns, Exhibit 5, whose entries' captions wrap
    /// over up to four printed lines, Schedule H Part 1, whose columns stand in two blocks one
    /// under the other, and Schedule S's listings (Parts 1 to 3), whose entries print no code and
    /// are read by the PDF's word positions alone: their layout text is refused with an error
    /// (``testLayoutTextOfScheduleDPart1AIsRefusedNotMisread``).
    static let pagesFromThePDFOnly: Set<String> = ["ScheduleDPart1ASection1", "ScheduleDPart1ASection2", "ScheduleDPart1A",
                                                   "AssetValuationReserveDefaultComponent", "AssetValuationReserveEquityComponent", "AssetValuationReserveReplications",
                                                   "ScheduleAVerification", "ScheduleBVerification", "ScheduleBAVerification",
                                                   "ScheduleDBPartAVerification", "ScheduleDBVerification", "ScheduleEPart3", "Exhibit5", "ScheduleHPart1",
                                                   "ScheduleSPart1Section1", "ScheduleSPart1Section2", "ScheduleSPart2", "ScheduleSPart3Section1", "ScheduleSPart3Section2",
                                                   "ScheduleF", "ScheduleSPart4", "ScheduleSPart5", "ScheduleDBPartCSection1", "ScheduleDBPartCSection2",
                                                   "ScheduleYPart1A", "ScheduleYPart2", "ScheduleYPart3", "ScheduleSPart8", "Exhibit5A", "ScheduleEPart1", "ScheduleEPart2"]
    /// The 2025 filing (Forethought Life, on the 2025 edition of the blank): the pages whose
    /// every printed value its fixtures list.
    static let pages2025: Set<String> = ["AnalysisOfOperationsSummary", "AnalysisOfOperationsIndividualLife", "AnalysisOfOperationsGroupLife",
                                         "AnalysisOfOperationsIndividualAnnuities",
                                         "AnalysisOfOperationsGroupAnnuities", "AnalysisOfOperationsAccidentAndHealth", "AnalysisOfIncreaseInReservesIndividualLife",
                                         "AnalysisOfIncreaseInReservesGroupLife", "AnalysisOfIncreaseInReservesIndividualAnnuities",
                                         "AnalysisOfIncreaseInReservesGroupAnnuities", "Exhibit1Part2", "Exhibit2", "Exhibit3", "Exhibit4", "Exhibit6", "Exhibit7", "Exhibit8Part1", "Exhibit8Part2", "InterestMaintenanceReserve",
                                         "InterestMaintenanceReserveAmortization", "AssetValuationReserve", "ScheduleSPart6", "ScheduleSPart7", "ScheduleTPart2",
                                         "LifeInsuranceStatePage", "LifeInsuranceStatePageClaimsAndPolicies", "LifeInsuranceExhibit",
                                     "LifeInsuranceExhibitOrdinary", "LifeInsuranceExhibitParticipatingStatus", "SummaryInvestmentSchedule",
                                     "ScheduleEPart2Verification", "ScheduleDAVerification",
                                     "ExhibitOfNumberOfPoliciesSupplementaryContracts", "ExhibitOfNumberOfPoliciesAnnuities",
                                     "ExhibitOfNumberOfPoliciesAccidentAndHealth", "ExhibitOfNumberOfPoliciesDepositFunds",
                                     "ScheduleDPart1A", "AssetValuationReserveDefaultComponent", "AssetValuationReserveEquityComponent", "AssetValuationReserveReplications",
                                     "ScheduleAVerification", "ScheduleBVerification", "ScheduleBAVerification", "ScheduleDVerification",
                                     "ScheduleDBPartAVerification", "ScheduleDSummaryByCountry", "ScheduleDBVerification",
                                     "ScheduleHPart1", "ScheduleHPart2", "ScheduleHPart3", "ScheduleHPart4", "ScheduleHPart5", "ScheduleEPart3", "Exhibit5",
                                     "ScheduleSPart1Section1", "ScheduleSPart1Section2", "ScheduleSPart2", "ScheduleSPart3Section1", "ScheduleSPart3Section2", "ScheduleF", "ScheduleSPart4", "ScheduleSPart5",
                                     "ScheduleDBPartCSection1", "ScheduleDBPartCSection2", "ScheduleYPart1A", "ScheduleYPart2", "ScheduleYPart3", "ScheduleSPart8", "Exhibit5A",
                                     "ScheduleEPart1", "ScheduleEPart1MonthEndBalances", "ScheduleEPart2", "ScheduleEPart2DesignationFootnote"]

    /// The fixture files of the two complete filings.
    static let files = ["expected", "exhibits", "analysis-of-operations", "analysis-of-increase-in-reserves", "exhibit-1-part-1", "exhibit-1-part-2", "exhibit-2", "exhibit-3", "exhibit-4", "exhibit-6", "exhibit-7", "exhibit-8-part-1", "exhibit-8-part-2", "imr", "avr", "schedule-s-part-6", "schedule-s-part-7", "schedule-t", "schedule-t-part-2", "life-insurance-state-page", "life-insurance-exhibit", "life-insurance-exhibit-2", "summary-investment-schedule", "schedule-e-part-2-verification", "schedule-da-verification", "exhibit-of-number-of-policies", "schedule-d-part-1a", "avr-components", "verifications", "schedule-d-summary-by-country", "schedule-h", "schedule-db-verification", "schedule-e-part-3", "exhibit-5", "schedule-h-part-1", "schedule-s", "schedule-f", "overflow", "schedule-s-part-4", "schedule-s-part-5", "schedule-db-part-c", "schedule-y-part-1a", "schedule-y-part-2", "schedule-y-part-3", "avr-replications", "schedule-e-part-1", "schedule-e-part-2"]
    /// How many printed cells the layout text of each filing does not place (see
    /// ``refusedInLayoutText(_:_:files:pages:)``): the bold totals, printed without leaders, of
    /// Exhibit 2 and the Analysis of Operations pages, whose column headings layout text squeezes
    /// unevenly, so that no position there tells a column; one on Exhibit 8 Part 2 (column 1
    /// of line 6.4, or of line 5 in Commonwealth's), whose right end stands as near column 2's heading as column 1's;
    /// the totals of Schedule T Part 2's line 59 and of the Life Insurance State Page's total lines
    /// (whose count columns stand narrower than its amount columns), printed without leaders
    /// under headings layout text spaces unevenly; and on the State Page's continuation, two
    /// amounts of one line that stand nearest one heading; and on the Summary Investment Schedule,
    /// the lines whose widest amounts print with their leader's last dot apart (". 15,483,927,264"),
    /// which layout text leaves between two columns' headings; and Schedule E Part 2's
    /// verification's line 12, printed without leaders, whose column 1 layout text sets left of
    /// the first heading; the Exhibit of Number of Policies' small numbers and XXX printed without
    /// leaders; Schedule H's totals printed without leaders under thirteen headings (the last line
    /// of each section: A.6, B.5, C.3, 3.3, A.4, B.4, E.4); and the overflow page's summary lines
    /// of the Analysis of Operations parts, printed without leaders under their many headings
    /// (10 cells in Forethought 2024, 26 in Commonwealth) (``isLayoutRefusal(_:)``).
    static let refusedInLayoutText = ["forethought-life-2024": 336, "commonwealth-annuity-2023": 372, "forethought-life-2025": 320]

    static func pdfPath(_ filing: String) -> String {
        Fixture.root.appendingPathComponent("Fixtures/annual/\(filing)-annual.pdf").path
    }

    /// The filing as read, once per test run (``Fixture/parsedPDF(_:)``).
    func parse(_ filing: String) throws -> ParseResult {
        try Self.requirePdftotext()
        return try Fixture.parsedPDF(Self.pdfPath(filing))
    }

    /// These tests need poppler's pdftotext. Without it they fail, unless NAICXBRL_SKIP_PDF_TESTS
    /// is set to skip them on purpose.
    static func requirePdftotext() throws {
        guard PDFText.toolPath() == nil else { return }
        if ProcessInfo.processInfo.environment["NAICXBRL_SKIP_PDF_TESTS"] != nil {
            throw XCTSkip("pdftotext is not installed and NAICXBRL_SKIP_PDF_TESTS is set")
        }
        throw PDFText.Failure.toolMissing
    }

    struct Expected {
        var page: String
        var line: String
        var column: String
        var value: String
    }

    static func expected(_ filing: String,
                         files: [String] = AnnualStatementTests.files,
                         pages: Set<String> = AnnualStatementTests.pages) throws -> [Expected] {
        var rows: [Expected] = []
        for file in files {
            let path = Fixture.root.appendingPathComponent("Fixtures/annual/\(filing).\(file).tsv").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            rows += text.split(separator: "\n").compactMap { line in
                guard !line.hasPrefix("#") else { return nil }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 4, pages.contains(fields[0]) else { return nil }
                return Expected(page: fields[0], line: fields[1], column: fields[2], value: fields[3])
            }
        }
        return rows
    }

    /// Every value printed on the Assets, Liabilities, Summary of Operations, Cash Flow,
    /// Exhibit 1 Part 1 and Schedule T pages, and nothing else: cells, amounts inside captions,
    /// state codes, active status, and write-in captions.
    func assertValuesAsPrinted(_ statement: Statement, _ filing: String, source: String,
                               files: [String] = AnnualStatementTests.files,
                               pages: Set<String> = AnnualStatementTests.pages, atLeast: Int = 1_300,
                               refused: Set<String> = []) throws {
        let blank = Blank.edition("life-ah-annual", statement.edition ?? 2024)
        let expected = try Self.expected(filing, files: files, pages: pages)
        XCTAssertGreaterThan(expected.count, atLeast, filing)
        var found: Set<String> = []
        for item in expected {
            let key = "\(item.page) \(item.line) \(item.column)"
            found.insert(key)
            if refused.contains(key) {
                // Not read, with an error that says so: the cell stays empty (or its row, refused, absent).
                let cell = statement.cell(item.page, item.line, column: item.column, blank: blank)
                XCTAssertTrue(cell == nil || cell == .blank, "\(source): \(key) read \(String(describing: cell))")
                continue
            }
            if item.line.hasPrefix("footnote-") {
                // Amounts printed in a footnote under the table ("(a) Includes $ 151,558,271 accrual
                // of discount"), and Schedule T's count of L responses: kept in the footnote's text.
                let letter = item.line.dropFirst("footnote-".count).prefix { $0 != "-" }
                let note = statement.page(item.page)?.footnotes.first { $0.hasPrefix("(\(letter))") } ?? ""
                XCTAssertTrue(note.split(separator: " ").contains(Substring(item.value)), "\(source): \(key) in \(note)")
                continue
            }
            guard let row = statement.page(item.page)?.row(item.line) else {
                XCTFail("\(source): \(item.page) line \(item.line) was not read")
                continue
            }
            if item.column == "caption" {
                XCTAssertEqual(row.caption, item.value, "\(source): \(key)")
            } else if item.column == "code" {
                let column = blank.page(item.page)?.columns.firstIndex { $0.valueKind == .code }
                XCTAssertEqual(column.map { row.cells[$0] }, .text(item.value), "\(source): \(key)")
            } else if item.column.hasPrefix("$") {
                // $1, $2: the amounts printed inside the caption, in order.
                let printed = row.captionAmounts.filter { !$0.isBlank }
                let index = (Int(item.column.dropFirst()) ?? 0) - 1
                XCTAssertTrue(printed.indices.contains(index) && printed[index] == (try? ValueScanner.cell(Substring(item.value)).get()),
                              "\(source): \(key) expected \(item.value), read \(printed)")
            } else {
                let cell = statement.cell(item.page, item.line, column: item.column, blank: blank)
                let kind = blank.page(item.page)?.columns.first { $0.number == item.column }?.valueKind
                let printed: Cell = kind == .text ? (item.value == "XXX" ? .notApplicable : .text(item.value))
                    : try ValueScanner.cell(Substring(item.value)).get()
                XCTAssertEqual(cell, printed, "\(source): \(key)")
            }
        }
        // Nothing read that is not printed.
        for page in statement.pages where pages.contains(page.id) {
            guard let description = blank.page(page.id) else { continue }
            for row in page.rows {
                for (index, cell) in row.cells.enumerated() where !cell.isBlank {
                    let column = description.columns[index]
                    let key = "\(page.id) \(row.line) \(column.valueKind == .code ? "code" : column.number.isEmpty ? "1" : column.number)"
                    XCTAssertTrue(found.contains(key), "\(source): \(key) read \(cell), which the statement does not print there")
                }
                let amounts = row.captionAmounts.filter { !$0.isBlank }
                for index in amounts.indices {
                    XCTAssertTrue(found.contains("\(page.id) \(row.line) $\(index + 1)"), "\(source): \(page.id) \(row.line) caption amount \(index + 1)")
                }
            }
        }
    }

    /// An error by which layout text leaves printed cells unread because it cannot tell their
    /// column.
    static func isLayoutRefusal(_ message: String) -> Bool {
        message.contains("is printed without leaders") || message.contains("stands left of the first column's heading")
    }

    /// The cells layout text does not read because it cannot tell their column (amounts printed
    /// without leaders on a wide page, which `pdftotext -layout` squeezes unevenly), each named by
    /// an error: as "page line column" keys of the expected values, found by the page title, line
    /// and value the error names. Every such error must name a value printed on that line, and
    /// only pages whose bold totals stand in many columns may have them.
    func refusedInLayoutText(_ result: ParseResult, _ filing: String, files: [String], pages: Set<String>) throws -> Set<String> {
        let expected = try Self.expected(filing, files: files, pages: pages)
        var keys: Set<String> = []
        for diagnostic in result.diagnostics where diagnostic.severity == .error && Self.isLayoutRefusal(diagnostic.message) {
            let description = try XCTUnwrap(Blank.lifeAnnual.pages.first { diagnostic.message.hasPrefix($0.title + " line ") }, diagnostic.message)
            guard pages.contains(description.id) else { continue }
            XCTAssertTrue(["Exhibit2", "Exhibit8Part2", "ScheduleTPart2"].contains(description.id) || description.id.hasPrefix("AnalysisOfOperations")
                          || description.id.hasPrefix("LifeInsuranceStatePage") || description.id.hasPrefix("ExhibitOfNumberOfPolicies")
                          || ["SummaryInvestmentSchedule", "ScheduleEPart2Verification", "ScheduleDAVerification"].contains(description.id)
                          || description.id.hasPrefix("ScheduleHPart"), diagnostic.message)
            let rest = diagnostic.message.dropFirst(description.title.count + " line ".count)
            let line = String(rest.prefix { $0 != ":" })
            let value = String(rest.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" })
            let matches = expected.filter { $0.page == description.id && $0.line == line && $0.value == value && !keys.contains("\($0.page) \($0.line) \($0.column)") }
            // A value printed more than once on the line ("XXX", a total repeated): one that was
            // left unread, in or beside a column the message names.
            let named = diagnostic.message.split(separator: "column ").dropFirst().flatMap { $0.split(separator: " or ") }.compactMap { Int($0.prefix { $0.isNumber }) }
            let unread = matches.filter { result.statement.cell($0.page, $0.line, column: $0.column, blank: .lifeAnnual) == .blank }
            let near = unread.filter { item in Int(item.column).map { column in named.contains { abs($0 - column) <= 1 } } ?? false }
            let match = try XCTUnwrap(near.first ?? unread.first ?? matches.first, "\(filing): \(diagnostic.message) names no value printed there")
            keys.insert("\(match.page) \(match.line) \(match.column)")
        }
        return keys
    }

    func testEveryValueOnTheStatementPagesAsPrintedFromThePDF() throws {
        for filing in Self.filings {
            let result = try parse(filing)
            XCTAssertTrue(result.isUsable, filing)
            try assertValuesAsPrinted(result.statement, filing, source: "\(filing).pdf")
        }
    }

    /// The 2025 filing, read by the 2025 edition: every value printed on the pages its fixtures
    /// list, and nothing else, from the PDF and from its layout text.
    func testEveryValueOfThe2025FilingAsPrinted() throws {
        let filing = "forethought-life-2025"
        let result = try parse(filing)
        XCTAssertTrue(result.isUsable, filing)
        XCTAssertEqual(result.statement.edition, 2025)
        XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning }.map(\.description), [], filing)
        try assertValuesAsPrinted(result.statement, filing, source: "\(filing).pdf", files: ["analysis-of-operations", "analysis-of-increase-in-reserves", "exhibit-1-part-2", "exhibit-2", "exhibit-3", "exhibit-4", "exhibit-6", "exhibit-7", "exhibit-8-part-1", "exhibit-8-part-2", "imr", "avr", "schedule-s-part-6", "schedule-s-part-7", "schedule-t-part-2", "life-insurance-state-page", "life-insurance-exhibit", "life-insurance-exhibit-2", "summary-investment-schedule", "schedule-e-part-2-verification", "schedule-da-verification", "exhibit-of-number-of-policies", "schedule-d-part-1a", "avr-components", "verifications", "schedule-d-summary-by-country", "schedule-h", "schedule-db-verification", "schedule-e-part-3", "exhibit-5", "schedule-h-part-1", "schedule-s", "schedule-f", "overflow", "schedule-s-part-4", "schedule-s-part-5", "schedule-db-part-c", "schedule-y-part-1a", "schedule-y-part-2", "schedule-y-part-3", "avr-replications", "schedule-s-part-8", "schedule-e-part-1", "schedule-e-part-2"], pages: Self.pages2025, atLeast: 50)
        let text = StatementParser.parse(bytes: try Self.layoutText(filing), name: "\(filing).txt")
        let files = ["analysis-of-operations", "analysis-of-increase-in-reserves", "exhibit-1-part-2", "exhibit-2", "exhibit-3", "exhibit-4", "exhibit-6", "exhibit-7", "exhibit-8-part-1", "exhibit-8-part-2", "imr", "avr", "schedule-s-part-6", "schedule-s-part-7", "schedule-t-part-2", "life-insurance-state-page", "life-insurance-exhibit", "life-insurance-exhibit-2", "summary-investment-schedule", "schedule-e-part-2-verification", "schedule-da-verification", "exhibit-of-number-of-policies", "verifications", "schedule-d-summary-by-country", "schedule-h", "schedule-db-verification", "schedule-e-part-3", "exhibit-5", "schedule-h-part-1", "overflow", "schedule-e-part-1", "schedule-e-part-2"]
        let pages = Self.pages2025.subtracting(Self.pagesFromThePDFOnly)
        let refused = try refusedInLayoutText(text, filing, files: files, pages: pages)
        XCTAssertEqual(refused.count, Self.refusedInLayoutText[filing], filing)
        try assertValuesAsPrinted(text.statement, filing, source: "\(filing).txt", files: files, pages: pages, atLeast: 50, refused: refused)
        XCTAssertEqual(text.diagnostics.filter { $0.severity >= .warning && !Self.isLayoutRefusal($0.message) && !Self.isPDFOnlyRefusal($0) }.map(\.description), [], filing)
    }

    func testEveryValueFromPdftotextLayoutText() throws {
        try Self.requirePdftotext()
        // Schedule D's verification is one of the two-column verifications up to the 2024 blank
        // (the 2025 blank prints it in five numbered columns, read from layout text too).
        let pages = Self.pages.subtracting(Self.pagesFromThePDFOnly).subtracting(["ScheduleDVerification"])
        for filing in Self.filings {
            let result = StatementParser.parse(bytes: try Self.layoutText(filing), name: "\(filing).txt")
            XCTAssertEqual(result.statement.blank, "life-ah-annual")
            let refused = try refusedInLayoutText(result, filing, files: Self.files, pages: pages)
            XCTAssertEqual(refused.count, Self.refusedInLayoutText[filing], filing)
            try assertValuesAsPrinted(result.statement, filing, source: "\(filing).txt", pages: pages, refused: refused)
            XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning && !Self.isLayoutRefusal($0.message) && !Self.isPDFOnlyRefusal($0) }.map(\.description), [], filing)
        }
    }

    /// Schedule D Part 1A's sections and the Asset Valuation Reserve's components in layout
    /// text: `pdftotext -layout` squeezes their ten and twelve columns (footnote markers before
    /// amounts, totals and empty cells without leaders) so that a line read from the right slides
    /// by a column. The description says so (`readsLayoutText`): each of their pages is refused
    /// with an error naming it, nothing on them is read, and the PDF reads every value (the
    /// fixtures).
    func testLayoutTextOfScheduleDPart1AIsRefusedNotMisread() throws {
        for (filing, pages) in [("forethought-life-2024", ["ScheduleDPart1ASection1": 3, "ScheduleDPart1ASection2": 2,
                                                          "AssetValuationReserveDefaultComponent": 3, "AssetValuationReserveEquityComponent": 3]),
                                ("forethought-life-2025", ["ScheduleDPart1A": 10, "AssetValuationReserveDefaultComponent": 3,
                                                           "AssetValuationReserveEquityComponent": 3])] {
            let text = StatementParser.parse(bytes: try Self.layoutText(filing), name: "\(filing).txt")
            let blank = Blank.edition("life-ah-annual", try XCTUnwrap(text.statement.edition))
            for (id, count) in pages {
                XCTAssertNil(text.statement.page(id), id)
                let title = try XCTUnwrap(blank.page(id)?.title)
                let refusals = text.diagnostics.filter { Self.isPDFOnlyRefusal($0) && $0.message.hasPrefix(title + ":") }
                XCTAssertEqual(refusals.map(\.severity), Array(repeating: .error, count: count), "\(filing) \(id)")
                XCTAssertFalse(try parse(filing).statement.page(id)?.rows.isEmpty ?? true, "\(filing) \(id)")
            }
        }
    }

    /// The error by which layout text of a page read from a PDF only is refused.
    static func isPDFOnlyRefusal(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && diagnostic.message.contains(": layout text sets this page's columns too close to tell its cells apart")
    }

    /// Layout text may set an amount left of where column 1's heading stands (a wide amount under
    /// a narrow heading, a line printed without leaders: Schedule E Part 2's verification's line
    /// 12). Such an amount is not taken for caption words: it is left unread, with an error that
    /// names it, and the line's other cells are read in their columns.
    func testAnAmountLeftOfTheFirstHeadingIsReportedNotKeptInTheCaption() throws {
        let text = """
        ANNUAL STATEMENT FOR THE YEAR 2024 OF THE Example Life Insurance Company
                            SCHEDULE E - PART 2 - VERIFICATION BETWEEN YEARS
                                                      (Cash Equivalents)
                                                                                                            1                   2                   3                   4
                                                                                                         Total               Bonds            Mutual funds         Other (a)

            1.   Book/adjusted carrying value, December 31 of prior year ....................... ..............1,000 ................... ..............1,000 ...................
            2.   Cost of cash equivalents acquired ............................................. ..............2,000 ..............2,000 ................... ...................
           10.   Book/adjusted carrying value at end of current period (Lines 1+2+3+4+5-6-7+8-9)  ..............3,000 ..............2,000 ..............1,000 ...................
           12.   Statement value at end of current period (Line 10 minus Line 11)        3,000 ....... ..........2,000 ..........1,000 ...................

                                                                                                  SI15
        """
        let result = StatementParser.parse(bytes: Array((text + "\n\u{0C}").utf8), name: "e2v.txt")
        let page = try XCTUnwrap(result.statement.page("ScheduleEPart2Verification"))
        XCTAssertEqual(page.rows.first { $0.line == "10" }?.cells, [.amount(printed("3,000")), .amount(printed("2,000")), .amount(printed("1,000")), .blank])
        let twelve = try XCTUnwrap(page.rows.first { $0.line == "12" })
        XCTAssertEqual(twelve.cells, [.blank, .amount(printed("2,000")), .amount(printed("1,000")), .blank])
        XCTAssertNil(twelve.caption)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.contains("line 12: \"3,000\" stands left of the first column's heading") ?? false, "\(errors)")
    }

    /// The filing as `pdftotext -layout` writes it.
    static func layoutText(_ filing: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(PDFText.toolPath()))
        process.arguments = ["-layout", pdfPath(filing), "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    /// A landscape page prints its page number in the left margin, alone ("6", or "6.3" on a
    /// continued page) or on the line of a row's number ("6.4   21. Commissions ..."): it is no
    /// line and no value. Forethought 2024's layout text, with its Analysis of Operations page
    /// number written each way, reads lines 21 and 22 as printed.
    func testAPageNumberInTheMarginIsNoLine() throws {
        try Self.requirePdftotext()
        let text = String(decoding: try Self.layoutText("forethought-life-2024"), as: UTF8.self)
        let caption = "       21.      Commissions on premiums, annuity considerations and deposit-type contract funds\n"
        let range = try XCTUnwrap(text.range(of: caption))
        let after = try XCTUnwrap(text[range.upperBound...].range(of: "\n6\n"))
        for (beside, alone) in [("6.4", "6.3"), ("6", "6")] {
            var changed = text
            changed.replaceSubrange(after, with: "\n\(alone)\n")
            changed.replaceSubrange(range, with: "\(beside)" + caption.dropFirst(beside.count))
            let result = StatementParser.parse(bytes: Array(changed.utf8), name: "forethought.txt")
            XCTAssertEqual(result.statement.cell("AnalysisOfOperationsSummary", "21", column: "1", blank: .lifeAnnual), .amount(printed("801,856,892")), beside)
            XCTAssertEqual(result.statement.cell("AnalysisOfOperationsSummary", "22", column: "1", blank: .lifeAnnual), .amount(printed("487,659")), beside)
            XCTAssertNil(result.statement.page("AnalysisOfOperationsSummary")?.row("21")?.caption, beside)
        }
    }

    /// NONE stamped on a table that prints no value is the page's NONE; NONE printed beside
    /// values is not (said with a warning), and the values are read as printed.
    func testNoneIsThePagesOnlyWhereItPrintsNoValue() throws {
        try Self.requirePdftotext()
        let stamped = StatementParser.parse(bytes: try Self.layoutText("forethought-life-2024"), name: "forethought.txt")
        XCTAssertEqual(stamped.statement.page("Exhibit4")?.none, true)
        var text = String(decoding: try Self.layoutText("commonwealth-annuity-2023"), as: UTF8.self)
        let caption = "Applied to shorten the endowment or premium-paying period"
        let range = try XCTUnwrap(text.range(of: caption))
        text.replaceSubrange(range, with: caption + " NONE")
        let result = StatementParser.parse(bytes: Array(text.utf8), name: "commonwealth.txt")
        let exhibit4 = try XCTUnwrap(result.statement.page("Exhibit4"))
        XCTAssertFalse(exhibit4.none)
        XCTAssertEqual(result.statement.cell("Exhibit4", "17", column: "1", blank: .lifeAnnual), .amount(printed("928,835")))
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("prints NONE beside values") },
                      "\(result.diagnostics.filter { $0.severity >= .warning })")
    }

    func testCoverFromTheRunningHeaderAndTheNAICCodes() throws {
        let forethought = try parse("forethought-life-2024").statement.cover
        XCTAssertEqual(forethought.companyName, "Forethought Life Insurance Company")
        XCTAssertEqual(forethought.companyCode, "91642")
        XCTAssertEqual(forethought.groupCode, "3891")
        XCTAssertEqual(forethought.statementDate, CalendarDate(year: 2024, month: 12, day: 31))
        XCTAssertEqual(forethought.kind, .annual)
        let commonwealth = try parse("commonwealth-annuity-2023").statement.cover
        XCTAssertEqual(commonwealth.companyName, "Commonwealth Annuity and Life Insurance Company")
        XCTAssertEqual(commonwealth.companyCode, "84824")
        XCTAssertEqual(commonwealth.statementDate, CalendarDate(year: 2023, month: 12, day: 31))
    }

    /// Every line of the supported pages is placed: no warning or error is left.
    func testNothingOnTheSupportedPagesIsLeftUnplaced() throws {
        for filing in Self.filings {
            let result = try parse(filing)
            XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning }.map(\.description), [], filing)
            // The pages of other schedules in between are named, not dropped silently.
            XCTAssertTrue(result.diagnostics.contains { $0.code == .missingPage && $0.message.contains("pages are not pages") }, filing)
        }
    }

    /// The crosschecks pass on both filings, except for differences the filings print: ±1
    /// rounding (reported within tolerance); a difference of 2 in Commonwealth 2023, whose
    /// Five-Year Historical Data line 117, column 2 prints (70,724,188) where its prior year's
    /// Summary of Operations line 33 prints (70,724,186); and in both, a difference of 2 between
    /// the increase in individual annuity reserves on the Analysis of Increase in Reserves and on
    /// the Analysis of Operations; and Forethought 2024's Asset Valuation Reserve equity component,
    /// whose line 99 prints columns 1 and 4 two above the lines it sums (2,392,942,852 against
    /// 2,392,942,850); and Commonwealth's Schedule DB Verification, whose line 1 (Part A, Section
    /// 1, Column 14: 231,121,916) is 37 above its Part A verification's line 10 (231,121,879)
    /// (Fixtures/annual/README.md lists them).
    func testCrosschecksPassExceptDifferencesPrintedInTheFilings() throws {
        guard let checker = Checker.shared(for: .lifeAnnual) else { return XCTFail("no annual rules") }
        let printedDifferences = [
            "forethought-life-2024": ["asset-valuation-reserve-equity-component-line-99-total-col-1",
                                      "asset-valuation-reserve-equity-component-line-99-total-col-4",
                                      // Schedule DB Part C Section 1's 404 entries, each printed in whole dollars,
                                      // add up to 2,051,464,918, 1,789,756,631 and 2,030,489,537 in columns 5, 6
                                      // and 15; its totals line prints 2,051,464,924, 1,789,756,629 and 2,030,489,543.
                                      "schedule-db-part-c-section-1-line-9999999999-total-col-5",
                                      "schedule-db-part-c-section-1-line-9999999999-total-col-6",
                                      "schedule-db-part-c-section-1-line-9999999999-total-col-15",
                                      // Schedule F's 146 claims, each printed in whole dollars, add up to 916,085
                                      // claimed and 300,352 paid; their total line 0399999 prints 916,083 and 300,355.
                                      "schedule-f-line-0399999-total-col-5", "schedule-f-line-0399999-total-col-6",
                                      "analysis-of-increase-in-reserves-individual-annuities-equals-analysis-of-operations"],
            // Commonwealth's Schedule S Part 3 Section 1 prints two subtotals 2 off the sum of the
            // entries it prints above them, in three columns each (0599999, 50 Global Atlantic
            // treaties: 25,211,776,182 against 25,211,776,180, ...; 0899999, 49 entries).
            "commonwealth-annuity-2023": ["summary-investment-schedule-line-13-total-col-1",
                                          "schedule-s-part-3section-1-line-0599999-total-col-9", "schedule-s-part-3section-1-line-0599999-total-col-10",
                                          "schedule-s-part-3section-1-line-0599999-total-col-11", "schedule-s-part-3section-1-line-0899999-total-col-9",
                                          "schedule-s-part-3section-1-line-0899999-total-col-11", "five-year-line-117-prior-year",
                                          "analysis-of-increase-in-reserves-individual-annuities-equals-analysis-of-operations",
                                          "summary-investment-schedule-total-invested-assets-gross",
                                          "schedule-db-verification-carrying-value-equals-part-a-verification"],
        ]
        for filing in Self.filings {
            let report = checker.check(try parse(filing).statement)
            let failed = report.results.filter { $0.status == .failed }.map(\.rule)
            XCTAssertEqual(failed, printedDifferences[filing], "\(filing): \(report.text(includePassed: false))")
            XCTAssertEqual(report.summary.warnings, 0, filing)
            XCTAssertGreaterThan(report.summary.passed, 250, filing)
        }
        let commonwealth = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(commonwealth.cell("FiveYearHistoricalData", "117", column: "2", blank: .lifeAnnual), .amount(printed("(70,724,188)")))
        XCTAssertEqual(commonwealth.cell("SummaryOfOperations", "33", column: "2", blank: .lifeAnnual), .amount(printed("(70,724,186)")))
        // The check that ties the pages together: Liabilities line 39 equals Assets line 28.
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("Liabilities", "39", column: "1", blank: .lifeAnnual), .amount(printed("60,160,298,146")))
        XCTAssertEqual(statement.cell("Assets", "28", column: "3", blank: .lifeAnnual), .amount(printed("60,160,298,146")))
    }

    /// Athene 2021 is a partial filing: its PDF prints the Assets, Liabilities, Summary of
    /// Operations, Capital and Surplus Account and Cash Flow pages only. The ties to the pages it
    /// leaves out (Exhibit 1, Exhibit 7, the Five-Year Historical Data, …) are not evaluated; the
    /// one failure is a difference of 2 the filing prints (Fixtures/annual/README.md).
    func testAPartialFilingReportsItsOwnDifferenceAndNotTheTiesToPagesItLeavesOut() throws {
        guard let checker = Checker.shared(for: .lifeAnnual) else { return XCTFail("no annual rules") }
        try Self.requirePdftotext()
        let statement = try Fixture.parsedPDF(EntityAndUnreadableTextTests.athene).statement
        let report = checker.check(statement)
        XCTAssertEqual(report.results.filter { $0.status == .failed }.map(\.rule), ["liabilities-line-26-total-col-1"],
                       report.text(includePassed: false))
        let difference = try XCTUnwrap(report.results.first { $0.rule == "liabilities-line-26-total-col-1" })
        XCTAssertEqual(difference.actual, "75836333129")
        XCTAssertEqual(difference.expected, "75836333127")
        XCTAssertEqual(statement.cell("Liabilities", "26", column: "1", blank: .lifeAnnual), .amount(printed("75,836,333,129")))
        XCTAssertEqual(statement.cell("Liabilities", "1", column: "1", blank: .lifeAnnual), .amount(printed("47,441,976,603")))
        XCTAssertEqual(statement.cell("Liabilities", "25", column: "1", blank: .lifeAnnual), .amount(printed("6,275,547,200")))
        for rule in ["five-year-line-21-current-year", "exhibit-7-net-balance-equals-liabilities-deposit-type-contracts",
                     "exhibit-1-net-premiums-equal-summary-of-operations"] {
            let result = try XCTUnwrap(report.results.first { $0.rule == rule }, rule)
            XCTAssertEqual(result.status, .notEvaluated, rule)
            XCTAssertTrue(result.reason?.hasSuffix("is not in the statement") ?? false, "\(rule): \(result.reason ?? "")")
        }
        // The ties among the pages it prints are checked: total liabilities and surplus against
        // total assets.
        XCTAssertEqual(report.results.first { $0.rule == "assets-total-equals-liabilities-total" }?.status, .passed)
        XCTAssertGreaterThan(report.summary.passed, 100)
    }

    func testAChangedNumberFailsTheCrosschecks() throws {
        var statement = try parse("forethought-life-2024").statement
        guard let page = statement.pages.firstIndex(where: { $0.id == "Liabilities" }),
              let row = statement.pages[page].rows.firstIndex(where: { $0.line == "39" }) else { return XCTFail("no Liabilities line 39") }
        statement.pages[page].rows[row].cells[0] = .amount(printed("60,160,298,246"))
        let report = try XCTUnwrap(Checker.shared(for: .lifeAnnual)).check(statement)
        XCTAssertGreaterThanOrEqual(report.summary.errors, 2, report.text(includePassed: false))
    }

    /// Exhibit 7's net balance (line 14, column 1) is the liability for deposit-type contracts
    /// (Liabilities line 3, column 1), and its opening balances (lines 1 + 10) the prior year's:
    /// one number changed fails each tie.
    func testAChangedNumberOnExhibit7FailsItsTiesToTheLiabilities() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("Exhibit7", "14", column: "1", blank: .lifeAnnual), .amount(printed("3,307,513,562")))
        XCTAssertEqual(statement.cell("Liabilities", "3", column: "1", blank: .lifeAnnual), .amount(printed("3,307,513,562")))
        let ties = ["exhibit-7-net-balance-equals-liabilities-deposit-type-contracts": ("Liabilities", "3", 0, "3,307,513,662"),
                    "exhibit-7-beginning-balance-equals-liabilities-deposit-type-contracts-prior-year": ("Exhibit7", "10", 0, "(4,769,690)")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Exhibit 2's totals repeat on three other pages: its general expenses unpaid at the end of
    /// the year and of the prior year on the Liabilities page (line 12, columns 1 and 2), its
    /// insurance and fraternal expenses incurred (line 10, columns 1 + 2 + 3 + 4 + 6) in the
    /// Summary of Operations (line 23), and its investment expenses incurred (line 10, column 5)
    /// in the Exhibit of Net Investment Income (line 11). One number changed fails each tie; the
    /// values are Forethought 2024's as printed.
    func testAChangedNumberOnExhibit2FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("Exhibit2", "12", column: "7", blank: .lifeAnnual), .amount(printed("20,348,066")))
        XCTAssertEqual(statement.cell("Liabilities", "12", column: "2", blank: .lifeAnnual), .amount(printed("25,126,842")))
        XCTAssertEqual(statement.cell("SummaryOfOperations", "23", column: "1", blank: .lifeAnnual), .amount(printed("427,059,261")))
        XCTAssertEqual(statement.cell("NetInvestmentIncome", "11", column: "2", blank: .lifeAnnual), .amount(printed("294,503,073")))
        let ties = ["exhibit-2-unpaid-equals-liabilities": ("Liabilities", "12", 0, "20,348,166"),
                    "exhibit-2-unpaid-prior-year-equals-liabilities-prior-year": ("Exhibit2", "11", 6, "25,126,942"),
                    "exhibit-2-insurance-expenses-equal-summary-of-operations": ("Exhibit2", "10", 2, "699,959"),
                    "exhibit-2-investment-expenses-equal-net-investment-income": ("NetInvestmentIncome", "11", 1, "294,503,173")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// The Analysis of Operations by Lines of Business - Summary's column 1 (all lines of business)
    /// repeats the Summary of Operations' current year: premiums (line 1) and the totals (lines 9,
    /// 20, 28, 29 and 33) are listed ties. One number changed fails each; the values are
    /// Commonwealth 2023's as printed. Its column 1 is also columns 2 to 9 on every line, a rule
    /// from the blank's column total.
    func testAChangedNumberOnTheAnalysisOfOperationsFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("AnalysisOfOperationsSummary", "1", column: "1", blank: .lifeAnnual), .amount(printed("2,155,129,009")))
        XCTAssertEqual(statement.cell("SummaryOfOperations", "33", column: "1", blank: .lifeAnnual), .amount(printed("(305,605,028)")))
        let ties = ["analysis-of-operations-premiums-equals-summary-of-operations": ("AnalysisOfOperationsSummary", "1", 0, "2,155,129,109"),
                    "analysis-of-operations-total-income-equals-summary-of-operations": ("SummaryOfOperations", "9", 0, "6,466,267,149"),
                    "analysis-of-operations-total-benefits-equals-summary-of-operations": ("AnalysisOfOperationsSummary", "20", 0, "2,931,561,770"),
                    "analysis-of-operations-total-deductions-equals-summary-of-operations": ("SummaryOfOperations", "28", 0, "6,603,561,419"),
                    "analysis-of-operations-net-gain-before-dividends-equals-summary-of-operations": ("AnalysisOfOperationsSummary", "29", 0, "(137,294,370)"),
                    "analysis-of-operations-net-gain-equals-summary-of-operations": ("AnalysisOfOperationsSummary", "33", 0, "(305,605,128)")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        var changed = statement
        let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == "AnalysisOfOperationsSummary" })
        let row = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == "10" })
        changed.pages[page].rows[row].cells[3] = .amount(printed("999,999"))
        XCTAssertTrue(checker.check(changed).results.contains { $0.rule.hasPrefix("analysis-of-operations-summary-") && $0.status == .failed },
                      "\(checker.check(changed).results.filter { $0.status == .failed }.map(\.rule))")
    }

    /// The Analysis of Operations' Individual Life, Group Life, Individual Annuities, Group
    /// Annuities and Accident and Health pages each total (column 1) what the Summary prints in its
    /// column for that line of business (2 to 6): premiums (line 1) and the totals of lines 9, 28 and 33 are listed
    /// ties. One number changed fails each; the values are Commonwealth 2023's as printed.
    func testAChangedNumberOnTheLinesOfBusinessFailsTheirTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("AnalysisOfOperationsIndividualAnnuities", "1", column: "1", blank: .lifeAnnual), .amount(printed("1,874,301,918")))
        XCTAssertEqual(statement.cell("AnalysisOfOperationsGroupAnnuities", "33", column: "1", blank: .lifeAnnual), .amount(printed("(32,296,259)")))
        var ties: [String: (String, String, Int, String)] = [:]
        for (kind, page) in [("individual-life", "AnalysisOfOperationsIndividualLife"), ("group-life", "AnalysisOfOperationsGroupLife"),
                             ("individual-annuities", "AnalysisOfOperationsIndividualAnnuities"), ("group-annuities", "AnalysisOfOperationsGroupAnnuities"),
                             ("accident-and-health", "AnalysisOfOperationsAccidentAndHealth")] {
            for (line, slug) in [("1", "premiums"), ("9", "total-income"), ("28", "total-deductions"), ("33", "net-gain")] {
                let value = try XCTUnwrap(statement.cell(page, line, column: "1", blank: .lifeAnnual)?.amount, "\(page) \(line)")
                // 100 more, written as the statement prints amounts.
                ties["analysis-of-operations-\(kind)-\(slug)-equals-summary"] = (page, line, 0, printedForm(value.units + 100))
            }
        }
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Each Analysis of Increase in Reserves page's increase (line 15 less line 1, column 1, less
    /// line 6, which goes to surplus) is the increase in aggregate reserves its line of business
    /// reports on the Analysis of Operations (line 19, column 1). The filings print it so on every
    /// page but Individual Annuities: 2 apart in Commonwealth 2023 and Forethought 2024, and
    /// 65,784,506 apart in Forethought 2025 (its Indexed Annuities column). The rule is shown to
    /// hold where the two sides are made equal, and one number changed then fails it. The Group
    /// Life page prints its page number beside its first footnote: the footnote is read whole.
    func testAChangedNumberOnTheAnalysisOfIncreaseInReservesFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        let differences: [(String, String, String, String)] = [
            ("commonwealth-annuity-2023", "15,465,393,639", "14,205,301,973", "1,260,091,664"),
            ("forethought-life-2024", "31,710,818,509", "27,334,441,248", "4,376,377,263"),
            ("forethought-life-2025", "34,942,363,049", "31,710,818,509", "3,165,760,034")]
        for (filing, end, start, increase) in differences {
            let printedStatement = try parse(filing).statement
            XCTAssertEqual(printedStatement.cell("AnalysisOfIncreaseInReservesIndividualAnnuities", "15", column: "1", blank: .lifeAnnual), .amount(printed(end)), filing)
            XCTAssertEqual(printedStatement.cell("AnalysisOfIncreaseInReservesIndividualAnnuities", "1", column: "1", blank: .lifeAnnual), .amount(printed(start)), filing)
            XCTAssertEqual(printedStatement.cell("AnalysisOfOperationsIndividualAnnuities", "19", column: "1", blank: .lifeAnnual), .amount(printed(increase)), filing)
            let rule = "analysis-of-increase-in-reserves-individual-annuities-equals-analysis-of-operations"
            let checks = try XCTUnwrap(Checker.shared(for: Blank.edition("life-ah-annual", printedStatement.edition ?? 2024)))
            XCTAssertEqual(checks.status(of: rule, on: printedStatement), .failed, filing)
        }
        for kind in ["IndividualLife", "GroupLife", "IndividualAnnuities", "GroupAnnuities"] {
            let rule = "analysis-of-increase-in-reserves-\(kind.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1-$2", options: .regularExpression).lowercased())-equals-analysis-of-operations"
            let page = "AnalysisOfIncreaseInReserves\(kind)"
            let end = try XCTUnwrap(statement.cell(page, "15", column: "1", blank: .lifeAnnual)?.amount).units
            let start = try XCTUnwrap(statement.cell(page, "1", column: "1", blank: .lifeAnnual)?.amount).units
            let basis = statement.cell(page, "6", column: "1", blank: .lifeAnnual)?.amount?.units ?? 0
            var equal = statement
            try set(&equal, "AnalysisOfOperations\(kind)", "19", 0, end - start - basis)
            XCTAssertEqual(checker.status(of: rule, on: equal), .passed, rule)
            var changed = equal
            try set(&changed, page, "15", 0, end + 100)
            XCTAssertEqual(checker.status(of: rule, on: changed), .failed, rule)
            // Line 6 counts: the same change there, on its own, fails the rule too.
            var basisChanged = equal
            try set(&basisChanged, page, "6", 0, basis + 100)
            XCTAssertEqual(checker.status(of: rule, on: basisChanged), .failed, rule)
        }
        let footnotes = try parse("forethought-life-2024").statement.page("AnalysisOfIncreaseInReservesGroupLife")?.footnotes ?? []
        XCTAssertEqual(footnotes.map { String($0.prefix(12)) }, ["(a) Indicate", "(b) Individu"])
    }

    /// Sets one cell of a statement to an amount of whole dollars.
    func set(_ statement: inout Statement, _ pageID: String, _ line: String, _ column: Int, _ units: Int64) throws {
        let page = try XCTUnwrap(statement.pages.firstIndex { $0.id == pageID }, pageID)
        let row = try XCTUnwrap(statement.pages[page].rows.firstIndex { $0.line == line }, "\(pageID) line \(line)")
        statement.pages[page].rows[row].cells[column] = .amount(printed(printedForm(units)))
    }

    /// Whole dollars as a statement prints them: grouped by commas, negatives in parentheses.
    func printedForm(_ units: Int64) -> String {
        let digits = String(abs(units)).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? ",\($0.element)" : "\($0.element)" }
        let grouped = String(digits.joined().reversed())
        return units < 0 ? "(\(grouped))" : grouped
    }

    /// The Summary of Operations names three of Exhibit 1 Part 2's totals in its captions: line 6
    /// is line 26.1 (reinsurance ceded), line 21 is line 31 (commissions, direct business) and
    /// line 22 is line 26.2 (reinsurance assumed), column 1. One number changed fails each tie; the
    /// values are Commonwealth 2023's as printed.
    func testAChangedNumberOnExhibit1Part2FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        assertCells(statement, [("Exhibit1Part2", "26.1", "1", "1,129,664,133"), ("SummaryOfOperations", "6", "1", "1,129,664,133"),
                                ("Exhibit1Part2", "24.3", "1", "(602,586,953)")])
        let ties = ["exhibit-1-part-2-reinsurance-ceded-equals-summary-of-operations": ("Exhibit1Part2", "26.1", 0, "1,129,664,233"),
                    "exhibit-1-part-2-commissions-equal-summary-of-operations": ("SummaryOfOperations", "21", 0, "3,570,149"),
                    "exhibit-1-part-2-reinsurance-assumed-equals-summary-of-operations": ("Exhibit1Part2", "26.2", 0, "1,276,094,444")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Exhibit 8 Part 1 prints a sub-line's number inside its heading's caption ("2.1 Resisted
    /// ..... 2.11 Direct", "4. TOTALS ..... 4.1 Direct"): the amounts are the sub-line's. Its total
    /// (line 4.4) is what the Liabilities page's contract claims name (line 4.1 = column 1 less
    /// column 6, line 4.2 = column 6) and what Part 2 carries (line 2.4, column 1). One number
    /// changed fails each tie; the values are Commonwealth 2023's as printed.
    func testAChangedNumberOnExhibit8Part1FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("Exhibit8Part1", "2.21", column: "1", blank: .lifeAnnual), .amount(printed("12,445,362")))
        XCTAssertEqual(statement.cell("Exhibit8Part1", "4.1", column: "1", blank: .lifeAnnual), .amount(printed("17,937,166")))
        XCTAssertEqual(statement.page("Exhibit8Part1")?.row("2.2")?.cells.allSatisfy(\.isBlank), true)
        XCTAssertEqual(statement.page("Exhibit8Part1")?.row("4")?.cells.allSatisfy(\.isBlank), true)
        XCTAssertEqual(statement.cell("Exhibit8Part1", "4.4", column: "6", blank: .lifeAnnual), .amount(printed("3,035,502")))
        let ties = ["exhibit-8-part-1-life-equals-liabilities": ("Liabilities", "4.1", 0, "6,075,962"),
                    "exhibit-8-part-1-accident-and-health-equals-liabilities": ("Exhibit8Part1", "4.4", 5, "3,035,602"),
                    "exhibit-8-part-2-liability-equals-part-1": ("Exhibit8Part1", "4.4", 0, "9,111,464")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Schedule S Part 7 restates the balance sheet gross of ceded reinsurance; its column 1 repeats
    /// the Assets and Liabilities pages' lines its captions name (sixteen listed ties), and the net
    /// credit it adds to the assets (line 4, column 2) is its line 41. Its net credit lines (25 to
    /// 41) print in column 1 only, so the column arithmetic does not go over them. One number
    /// changed fails each tie; the values are Forethought 2024's as printed.
    func testAChangedNumberOnScheduleSPart7FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("ScheduleSPart7", "8", column: "1", blank: .lifeAnnual), .amount(printed("60,160,298,146")))
        XCTAssertEqual(statement.cell("ScheduleSPart7", "41", column: "1", blank: .lifeAnnual), .amount(printed("26,820,734,423")))
        XCTAssertEqual(statement.cell("ScheduleSPart7", "4", column: "2", blank: .lifeAnnual), .amount(printed("26,820,734,423")))
        let lines = ["cash-and-invested-assets-equal-assets": "1", "reinsurance-equals-assets": "2", "premiums-and-considerations-equal-assets": "3",
                     "total-assets-excluding-separate-accounts-equal-assets": "6", "separate-account-assets-equal-assets": "7",
                     "total-assets-equal-assets": "8", "contract-reserves-equal-liabilities": "9", "deposit-type-contracts-equal-liabilities": "10",
                     "claim-reserves-equal-liabilities": "11", "premiums-received-in-advance-equal-liabilities": "13",
                     "other-contract-liabilities-equal-liabilities": "14", "total-liabilities-excluding-separate-accounts-equal-liabilities": "20",
                     "separate-account-liabilities-equal-liabilities": "21", "total-liabilities-equal-liabilities": "22",
                     "capital-and-surplus-equals-liabilities": "23", "total-liabilities-capital-and-surplus-equal-liabilities": "24"]
        var ties: [String: (String, String, Int, String)] = [:]
        for (slug, line) in lines {
            let value = try XCTUnwrap(statement.cell("ScheduleSPart7", line, column: "1", blank: .lifeAnnual)?.amount, line).units
            ties["schedule-s-part-7-\(slug)"] = ("ScheduleSPart7", line, 0, printedForm(value + 100))
        }
        ties["schedule-s-part-7-net-credit-equals-line-41"] = ("ScheduleSPart7", "41", 0, "26,820,734,523")
        XCTAssertEqual(ties.count, 17)
        try assertEachTieFails(ties, checker: checker, statement: statement)
        let report = checker.check(statement)
        XCTAssertFalse(report.results.contains { $0.rule == "schedule-s-part-7-col-3-total" && $0.status == .failed })
    }

    /// Schedule T Part 2 allocates the direct business of Schedule T by jurisdiction again: its
    /// life, annuity and deposit-type totals (line 59, columns 1, 2 and 5) are Schedule T's
    /// (line 59, columns 2, 3 and 7), and its line 59 is lines 1 to 58 within the rounding of 58
    /// jurisdictions. One number changed fails each tie; the values are Forethought 2024's as
    /// printed.
    func testAChangedNumberOnScheduleTPart2FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("ScheduleTPart2", "59", column: "1", blank: .lifeAnnual), .amount(printed("462,771,185")))
        XCTAssertEqual(statement.cell("ScheduleTPart2", "8", column: "5", blank: .lifeAnnual), .amount(printed("2,100,886,817")))
        XCTAssertEqual(statement.page("ScheduleTPart2")?.row("1")?.cells.first, .text("AL"))
        let ties = ["schedule-t-part-2-life-equals-part-1": ("ScheduleTPart2", "59", 1, "462,771,285"),
                    "schedule-t-part-2-annuities-equal-part-1": ("ScheduleT", "59", 3, "14,832,901,059"),
                    "schedule-t-part-2-deposit-type-contracts-equal-part-1": ("ScheduleTPart2", "59", 5, "2,177,018,939"),
                    "schedule-t-part-2-total-by-jurisdiction-col-4": ("ScheduleTPart2", "59", 4, "50,830,955")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// The Life Insurance State Page of all states ("Grand Total") repeats Schedule T's direct
    /// premiums: life (lines 11 + 19), annuity considerations (lines 26 + 33) and accident and
    /// health premiums (line 46) in column 1, other considerations (line 47) in column 2, against
    /// Schedule T's line 59, columns 2 to 5. One number changed fails each tie; the values are
    /// Forethought 2024's as printed.
    func testAChangedNumberOnTheStatePageFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("LifeInsuranceStatePage", "11", "1", "329,301,253"), ("LifeInsuranceStatePage", "19", "1", "133,469,932"),
                                ("ScheduleT", "59", "2", "462,771,185"), ("LifeInsuranceStatePage", "46", "1", "72,330,952")])
        let ties = ["state-page-life-premiums-equal-schedule-t": ("LifeInsuranceStatePage", "11", 0, "329,301,353"),
                    "state-page-annuity-considerations-equal-schedule-t": ("LifeInsuranceStatePage", "33", 0, "79,715,204"),
                    "state-page-accident-and-health-premiums-equal-schedule-t": ("ScheduleT", "59", 4, "72,331,052")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        // Other considerations: neither page prints one, so there is nothing to compare until one does.
        try assertTieWaitsForAValue("state-page-other-considerations-equal-schedule-t", "LifeInsuranceStatePage", "47", 1, checker: checker, statement: statement)
    }

    /// The Summary Investment Schedule's admitted amounts (column 3) are the Assets page's
    /// invested assets, category by category (bonds, stocks, mortgage loans, real estate, cash,
    /// contract loans, derivatives, other invested assets, receivables for securities, securities
    /// lending, write-ins, and the subtotal of line 12); its gross amounts (column 1) are the Assets
    /// page's column 1 where the two differ by nonadmitted amounts (lines 9, 10 and 13). One number
    /// changed fails each tie; the values are Forethought 2024's as printed. Commonwealth 2023
    /// prints its gross total invested assets 2 below its lines' sum and the Assets page's line 12
    /// (69,494,005,430 against 69,494,005,432): that is the filing's own difference.
    func testAChangedNumberOnTheSummaryInvestmentScheduleFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        let page = "SummaryInvestmentSchedule"
        assertCells(statement, [(page, "1.12", "3", "28,029,297,579"), (page, "4.06", "3", "21,030,119,769"), (page, "9", "1", "2,637,145,146"),
                                (page, "9", "3", "2,632,145,146"), (page, "13", "1", "54,966,866,652"), (page, "6.02", "2", "1.319"),
                                ("Assets", "3.2", "3", "717,547,539")])
        let ties = ["summary-investment-schedule-long-term-bonds": (page, "1.12", 2, "28,029,297,679"),
                    "summary-investment-schedule-preferred-stocks": (page, "2.03", 2, "65,282,828"),
                    "summary-investment-schedule-common-stocks": ("Assets", "2.2", 2, "89,959,994"),
                    "summary-investment-schedule-mortgage-loans": ("Assets", "3.2", 2, "717,547,639"),
                    "summary-investment-schedule-real-estate": (page, "5.04", 2, "24,687,628"),
                    "summary-investment-schedule-cash": (page, "6.04", 2, "1,611,126,535"),
                    "summary-investment-schedule-contract-loans": (page, "7", 2, "3,160,531"),
                    "summary-investment-schedule-derivatives": (page, "8", 2, "1,066,194,980"),
                    "summary-investment-schedule-other-invested-assets": (page, "9", 2, "2,637,145,146"),
                    "summary-investment-schedule-other-invested-assets-gross": (page, "9", 0, "2,632,145,146"),
                    "summary-investment-schedule-receivables-for-securities": (page, "10", 2, "409,892,263"),
                    "summary-investment-schedule-receivables-for-securities-gross": (page, "10", 0, "375,195,737"),
                    "summary-investment-schedule-total-invested-assets": (page, "13", 2, "54,927,170,226"),
                    "summary-investment-schedule-total-invested-assets-gross": ("Assets", "12", 0, "54,966,866,752")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        // Neither page prints securities lending or write-ins for invested assets in this filing.
        try assertTieWaitsForAValue("summary-investment-schedule-securities-lending", page, "11", 2, checker: checker, statement: statement)
        try assertTieWaitsForAValue("summary-investment-schedule-write-ins-for-invested-assets", page, "12", 2, checker: checker, statement: statement)
        // The 2025 edition prints bonds as issuer credit obligations (line 1.18) and asset-backed
        // securities (line 2.04); together they are the Assets page's bonds.
        let checker2025 = try XCTUnwrap(Checker.shared(for: BlankCatalog.bundled.blank("life-ah-annual", year: 2025)))
        let statement2025 = try parse("forethought-life-2025").statement
        assertCells(statement2025, [(page, "1.18", "3", "14,055,656,709"), (page, "2.04", "3", "21,860,374,672"), ("Assets", "1", "3", "35,916,031,381")])
        try assertEachTieFails(["summary-investment-schedule-long-term-bonds": (page, "2.04", 2, "21,860,374,772"),
                                "summary-investment-schedule-total-invested-assets": (page, "14", 2, "66,354,071,507"),
                                "schedule-e-part-2-verification-statement-value-equals-summary-investment-schedule": (page, "7.02", 2, "1,572,289,721")],
                               checker: checker2025, statement: statement2025)
    }

    /// Schedule E Part 2's verification ends the year with the cash equivalents the Summary
    /// Investment Schedule reports (line 6.02), and Schedule DA's with its short-term investments
    /// (line 6.03): each verification's line 12, column 1 is that line's column 3 (admitted), its
    /// line 10 the line's column 1 (gross). One number changed fails each tie; the values are
    /// Forethought 2024's as printed.
    func testAChangedNumberOnTheVerificationsFailsTheirTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        let page = "ScheduleEPart2Verification"
        assertCells(statement, [(page, "12", "1", "725,011,752"), (page, "10", "3", "725,011,752"), (page, "5", "2", "(1,117,497)"),
                                ("SummaryInvestmentSchedule", "6.02", "3", "725,011,752")])
        try assertEachTieFails(["schedule-e-part-2-verification-statement-value-equals-summary-investment-schedule": (page, "12", 0, "725,011,852"),
                                "schedule-e-part-2-verification-carrying-value-equals-summary-investment-schedule": ("SummaryInvestmentSchedule", "6.02", 0, "725,011,652"),
                                "schedule-da-verification-statement-value-equals-summary-investment-schedule": ("ScheduleDAVerification", "12", 0, "482,936,752"),
                                "schedule-da-verification-carrying-value-equals-summary-investment-schedule": ("SummaryInvestmentSchedule", "6.03", 0, "482,936,552")],
                               checker: checker, statement: statement)
        assertCells(statement, [("ScheduleDAVerification", "12", "1", "482,936,652"), ("ScheduleDAVerification", "8", "5", "(149,165)"),
                                ("SummaryInvestmentSchedule", "6.03", "1", "482,936,652")])
        // The 2025 edition prints three columns (total, bonds, other short-term investment
        // assets): the third is the 2024 edition's fourth, one member.
        let statement2025 = try parse("forethought-life-2025").statement
        let da2025 = try XCTUnwrap(statement2025.page("ScheduleDAVerification"))
        XCTAssertEqual(da2025.rows.first { $0.line == "1" }?.cells, [.amount(printed("482,936,651")), .amount(printed("340,955,988")), .amount(printed("141,980,663"))])
        let description2025 = try XCTUnwrap(BlankCatalog.bundled.blank("life-ah-annual", year: 2025).page("ScheduleDAVerification"))
        XCTAssertEqual(description2025.columns.map(\.member), ["ShortTermInvestmentsTotal", "ShortTermInvestmentsBonds", "ShortTermInvestmentsOtherShortTermInvestmentAssets"])
        XCTAssertEqual(Blank.lifeAnnual.page("ScheduleDAVerification")?.columns[3].member, "ShortTermInvestmentsOtherShortTermInvestmentAssets")
    }

    /// The Asset Valuation Reserve's basic contribution, reserve objective and maximum reserve
    /// (its lines 7, 10 and 9) are its components' totals: other than mortgage loans, the default
    /// component's line 34; mortgage loans, its line 60; common stock, the equity and other
    /// invested asset component's line 17; real estate and other invested assets, its lines 21 and
    /// 99 (columns 6, 8 and 10). One number changed fails each tie; the values are Forethought
    /// 2024's as printed. The components' factors (columns 5, 7, 9) are `xbrli:pureItemType`
    /// facts of the printed figure, in unit pure.
    func testAChangedNumberOnTheAVRComponentsFailsTheirTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        let (avr, def, eq) = ("AssetValuationReserve", "AssetValuationReserveDefaultComponent", "AssetValuationReserveEquityComponent")
        assertCells(statement, [(avr, "7", "1", "67,217,608"), (def, "34", "6", "67,217,608"), (avr, "9", "2", "255,131,727"),
                                (def, "60", "10", "255,131,727"), (avr, "9", "4", "2,819,447"), (eq, "17", "10", "2,819,447"),
                                (avr, "7", "5", "1,761,043"), (eq, "99", "6", "1,761,043"), (def, "2.1", "5", "0.0002")])
        var ties: [String: (String, String, Int, String)] = [:]
        for (what, avrLine, column) in [("basic-contribution", "7", 6), ("reserve-objective", "10", 8), ("maximum-reserve", "9", 10)] {
            ties["avr-\(what)-other-than-mortgage-loans-equals-default-component"] = (avr, avrLine, 0, "1,000,000,000")
            ties["avr-\(what)-mortgage-loans-equals-default-component"] = (def, "60", column, "1,000,000,000")
            ties["avr-\(what)-common-stock-equals-equity-component"] = (eq, "17", column, "1,000,000,000")
            ties["avr-\(what)-real-estate-and-other-equals-equity-component"] = (eq, "99", column, "1,000,000,000")
        }
        // Forethought 2024 prints no basic contribution for common stock, on either page.
        ties["avr-basic-contribution-common-stock-equals-equity-component"] = nil
        // The default component's long-term bonds and preferred stocks are the Assets page's lines
        // 1 and 2.1; with its short-term bonds, Schedule D Part 1A's total bonds (within 5: 3 apart).
        assertCells(statement, [(def, "9", "1", "28,029,297,579"), ("Assets", "1", "1", "28,029,297,579"),
                                (def, "17", "1", "65,282,728"), ("Assets", "2.1", "1", "65,282,728"), (def, "25", "1", "340,955,988")])
        ties["avr-default-component-long-term-bonds-equals-assets"] = (def, "9", 1, "28,029,297,679")
        ties["avr-default-component-preferred-stocks-equals-assets"] = ("Assets", "2.1", 0, "65,282,828")
        ties["avr-default-component-bonds-equal-schedule-d-part-1a"] = ("ScheduleDPart1ASection1", "12.7", 6, "28,370,253,670")
        try assertEachTieFails(ties, checker: checker, statement: statement)
        try assertTieWaitsForAValue("avr-basic-contribution-common-stock-equals-equity-component", eq, "17", 6, checker: checker, statement: statement)

        // A factor: pure, as printed.
        let conversion = try Converter.convert(statement, file: "forethought-life-2024.xbrl")
        XCTAssertEqual(conversion.validation.map(\.description), [])
        let factor = "AVRDefaultComponentLongTermBondsNAICDesignationCategory1AFactor"
        let schema = String(decoding: TaxonomyWriter(taxonomy: TaxonomyModel.of(.lifeAnnual)).schema(), as: UTF8.self)
        XCTAssertTrue(schema.contains(#"<xs:element name="\#(factor)" id="naicla_\#(factor)" type="xbrli:pureItemType""#))
        XCTAssertEqual(PercentTypeTests.facts(conversion.instance, concepts: [factor]).sorted(),
                       ["\(factor) 2024-12-31 0.0002 decimals=4", "\(factor) 2024-12-31 0.0007 decimals=4", "\(factor) 2024-12-31 0.0013 decimals=4"])
    }

    /// Schedule D Part 1A: Section 1's total bonds are its publicly traded plus privately placed
    /// bonds (columns 11 and 12, lines 14.7 and 15.7), and Section 2 sorts the same bonds by type:
    /// its group totals and lines 12.09 to 15.09 are Section 1's lines g.7 and 12.7 to 15.7 (within
    /// 5: each section rounds its own cells; Forethought 2024's line 12 differs by 2). One number
    /// changed fails each tie; the values are Forethought 2024's as printed. The 2025 blank prints
    /// another Part 1A: its edition has neither section.
    func testAChangedNumberOnScheduleDPart1AFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        let (one, two) = ("ScheduleDPart1ASection1", "ScheduleDPart1ASection2")
        assertCells(statement, [(one, "12.7", "7", "28,370,253,570"), (one, "12.7", "11", "8,830,728,399"), (one, "12.7", "12", "19,539,525,171"),
                                (one, "13.7", "9", "29,420,978,029"), (two, "12.09", "7", "28,370,253,568"), (two, "8.07", "7", "10,109,128,262")])
        let stem = "schedule-d-part-1a-section-1-"
        var ties = [stem + "total-is-publicly-traded-plus-privately-placed": (one, "12.7", 6, "28,370,253,670"),
                    stem + "prior-year-total-is-publicly-traded-plus-privately-placed": (one, "13.7", 8, "29,420,978,129"),
                    stem + "publicly-traded-equals-line-14": (one, "14.7", 6, "8,830,728,498"),
                    stem + "privately-placed-equals-line-15": (one, "15.7", 6, "19,539,525,272"),
                    stem + "line-12.7-equals-section-2": (two, "12.09", 6, "28,370,253,668"),
                    stem + "line-13.7-equals-section-2": (two, "13.09", 8, "29,420,978,125"),
                    stem + "line-14.7-equals-section-2": (two, "14.09", 6, "8,830,728,499"),
                    stem + "line-15.7-equals-section-2": (two, "15.09", 6, "19,539,525,269")]
        for (group, line, changed) in [("1", "1.05", "810,282,957"), ("2", "2.05", "75,003,956"), ("3", "3.05", "69,486,527"),
                                       ("4", "4.05", "43,242,499"), ("5", "5.05", "1,238,131,568"), ("6", "6.05", "15,534,867,994"),
                                       ("7", "7.05", "62,329,479"), ("8", "8.07", "10,109,128,362"), ("10", "10.03", "427,781,127")] {
            ties[stem + "line-\(group).7-equals-section-2"] = (two, line, 6, changed)
        }
        try assertEachTieFails(ties, checker: checker, statement: statement)
        // The filing holds no SVO identified funds or certificates of deposit: nothing to compare.
        try assertTieWaitsForAValue(stem + "line-9.7-equals-section-2", two, "9.01", 6, checker: checker, statement: statement)
        try assertTieWaitsForAValue(stem + "line-11.7-equals-section-2", two, "11.01", 6, checker: checker, statement: statement)
        // The 2025 blank prints one table of 51 groups (issuer credit obligations, asset-backed
        // securities) and its totals as lines 52 to 55, with the same four ties in the table.
        let edition2025 = try BlankCatalog.bundled.blank("life-ah-annual", year: 2025)
        XCTAssertNil(edition2025.page(one))
        XCTAssertNil(edition2025.page(two))
        let statement2025 = try parse("forethought-life-2025").statement
        XCTAssertNil(statement2025.page(one))
        let page = "ScheduleDPart1A"
        let checker2025 = try XCTUnwrap(Checker.shared(for: edition2025))
        XCTAssertEqual(statement2025.cell(page, "52.7", column: "7", blank: edition2025), .amount(printed("35,922,416,822")))
        XCTAssertEqual(statement2025.cell(page, "52.7", column: "11", blank: edition2025), .amount(printed("10,471,922,926")))
        XCTAssertEqual(statement2025.cell(page, "53.7", column: "9", blank: edition2025), .amount(printed("28,370,253,570")))
        XCTAssertEqual(statement2025.cell(page, "55.7", column: "7", blank: edition2025), .amount(printed("25,450,493,895")))
        try assertEachTieFails(["schedule-d-part-1a-total-is-publicly-traded-plus-privately-placed": (page, "52.7", 6, "35,922,416,922"),
                                "schedule-d-part-1a-prior-year-total-is-publicly-traded-plus-privately-placed": (page, "53.7", 8, "28,370,253,670"),
                                "schedule-d-part-1a-publicly-traded-equals-line-54": (page, "54.7", 6, "10,471,923,027"),
                                "schedule-d-part-1a-privately-placed-equals-line-55": (page, "55.7", 6, "25,450,493,995")],
                               checker: checker2025, statement: statement2025)
    }

    /// The Exhibit of Life Insurance's insurance in force at the end of the year and issued
    /// during it (lines 21 and 2: industrial, column 2; credit life, column 6; group, column 9;
    /// all, column 10; in thousands) are the Five-Year Historical Data's lines 5, 3 and 7, and 12,
    /// 10, 11 and 13, current year. One number changed fails each tie; the values are Forethought
    /// 2024's as printed (it prints no industrial or credit life: those ties hold when a value is
    /// printed on either side).
    func testAChangedNumberOnTheExhibitOfLifeInsuranceFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("LifeInsuranceExhibit", "21", "10", "4,051,479"), ("LifeInsuranceExhibit", "2", "9", "110,550"),
                                ("LifeInsuranceExhibit", "16", "3", "(1)")])
        let ties = ["five-year-total-in-force-equals-exhibit-of-life-insurance": ("LifeInsuranceExhibit", "21", 9, "4,051,579"),
                    "five-year-group-issued-equals-exhibit-of-life-insurance": ("LifeInsuranceExhibit", "2", 8, "110,650"),
                    "five-year-total-issued-equals-exhibit-of-life-insurance": ("FiveYearHistoricalData", "13", 0, "588,996")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        for (rule, line, column) in [("five-year-credit-life-in-force-equals-exhibit-of-life-insurance", "21", 5),
                                     ("five-year-industrial-in-force-equals-exhibit-of-life-insurance", "21", 1),
                                     ("five-year-credit-life-issued-equals-exhibit-of-life-insurance", "2", 5),
                                     ("five-year-industrial-issued-equals-exhibit-of-life-insurance", "2", 1)] {
            try assertTieWaitsForAValue(rule, "LifeInsuranceExhibit", line, column, checker: checker, statement: statement)
        }
    }

    /// The Exhibit of Life Insurance's page 2 reconciles its first table: ordinary insurance
    /// issued (line 35, columns 1 and 2) is line 2's columns 3 and 4, and the number in force
    /// (column 3) line 21's column 3; the amount issued by participating status (line 40, columns
    /// 1 + 2) is line 2's column 10; and the Five-Year Historical Data's ordinary whole life and
    /// term (lines 1, 2, 8 and 9) come from line 34. One number changed fails each tie; the values
    /// are Forethought 2024's as printed. The amounts in force (line 35, column 4; line 40,
    /// columns 3 + 4) are line 21's columns 4 and 10 within 5 thousand: each table rounds its own
    /// thousands (1,178,330 here, 1,178,329 in the first table).
    func testAChangedNumberOnTheExhibitOfLifeInsurancePage2FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("LifeInsuranceExhibitOrdinary", "34", "4", "1,177,479"), ("LifeInsuranceExhibitOrdinary", "35", "3", "250,883"),
                                ("LifeInsuranceExhibitParticipatingStatus", "40", "3", "4,051,481")])
        let ordinary = "LifeInsuranceExhibitOrdinary", participating = "LifeInsuranceExhibitParticipatingStatus"
        let ties = ["exhibit-of-life-insurance-ordinary-issued-number-equals-line-2": (ordinary, "35", 0, "86,410"),
                    "exhibit-of-life-insurance-ordinary-issued-amount-equals-line-2": (ordinary, "35", 1, "478,446"),
                    "exhibit-of-life-insurance-ordinary-in-force-number-equals-line-21": (ordinary, "35", 2, "250,983"),
                    "exhibit-of-life-insurance-participating-status-issued-equals-line-2": (participating, "40", 0, "588,996"),
                    "five-year-ordinary-whole-life-in-force-equals-exhibit-of-life-insurance": (ordinary, "34", 3, "1,177,579"),
                    "five-year-ordinary-term-in-force-equals-exhibit-of-life-insurance": ("LifeInsuranceExhibit", "21", 3, "1,178,429"),
                    "five-year-ordinary-whole-life-issued-equals-exhibit-of-life-insurance": (ordinary, "34", 1, "478,446"),
                    "five-year-ordinary-term-issued-equals-exhibit-of-life-insurance": ("FiveYearHistoricalData", "9", 0, "100"),
                    "exhibit-of-life-insurance-ordinary-in-force-amount-equals-line-21": (ordinary, "35", 3, "1,178,336"),
                    "exhibit-of-life-insurance-participating-status-in-force-equals-line-21": (participating, "40", 2, "4,051,491")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        // An amount in the in-force columns is in thousands, as the table prints it; a number of
        // policies is a number.
        let facts = try Converter.convert(statement, validate: false).facts
        XCTAssertEqual(facts.first { $0.concept == "LifeInsuranceExhibitOrdinaryWholeLifeAndEndowmentAtYearEnd" }?.value,
                       .amount(printed("1,177,479"), scale: .thousands))
        XCTAssertEqual(facts.first { $0.concept == "LifeInsuranceExhibitOrdinaryWholeLifeAndEndowmentNumberOfPoliciesAtYearEnd" }?.value,
                       .amount(printed("249,902"), scale: .units))
    }

    /// Schedule E Part 1 lists the depositories without codes, each its name and place apart by
    /// leaders in column 1, and ends the list at line 0199998 (the deposits in depositories not
    /// listed one by one, whose number the filer writes into the caption), not at a total:
    /// 0199999 adds both. Under it, the balances at each month's end print side by side, four
    /// blocks of three. Values as Forethought 2024 prints them on page E27.
    func testScheduleEPart1ListsDepositoriesAndMonthEndBalances() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("ScheduleEPart1", "0100001", column: "1", blank: .lifeAnnual), .text("US Bank Washington, D.C."))
        XCTAssertEqual(statement.cell("ScheduleEPart1", "0100008", column: "1", blank: .lifeAnnual), .text("Asian Bank Philadelphia, PA"))
        XCTAssertNil(statement.page("ScheduleEPart1")?.row("0100009"))
        assertCells(statement, [("ScheduleEPart1", "0100001", "6", "(40,867,767)"), ("ScheduleEPart1", "0199998", "6", "77,875"),
                                ("ScheduleEPart1", "0599999", "6", "403,178,031"), ("ScheduleEPart1MonthEndBalances", "2", "", "331,361,106")])
        XCTAssertEqual(statement.page("ScheduleEPart1")?.row("0199998")?.captionAmounts, [.amount(Amount(units: 2))])
        // The suspended depositories' line prints no number in its caption.
        XCTAssertEqual(statement.page("ScheduleEPart1")?.row("0299998")?.captionAmounts, [])
        try assertEachTieFails(["schedule-e-part-1-total-cash-equals-assets-caption": ("ScheduleEPart1", "0599999", 5, "403,178,131"),
                                "schedule-e-part-1-total-cash-equals-summary-investment-schedule": ("ScheduleEPart1", "0599999", 5, "403,178,131"),
                                "schedule-e-part-1-december-balance-equals-cash-on-deposit": ("ScheduleEPart1MonthEndBalances", "12", 0, "403,178,131")],
                               checker: checker, statement: statement)
        // The open depositories' total adds the listed ones and line 0199998.
        try assertRowRuleFails("schedule-e-part-1-line-0199999-total-col-6", at: "ScheduleEPart1", "0199998", 5, "77,975", checker: checker, statement: statement)
        // A month's balance stands at that month's last day; the number of depositories is a count.
        let facts = try Converter.convert(statement, validate: false).facts
        XCTAssertEqual(facts.first { $0.concept == "DepositoryBalancesLastDayOfFebruary" }?.context.period,
                       .instant(CalendarDate(year: 2024, month: 2, day: 29)))
        XCTAssertEqual(facts.first { $0.concept == "DepositoryBalancesLastDayOfFebruary" }?.value, .amount(printed("331,361,106"), scale: .units))
        XCTAssertEqual(facts.first { $0.concept == "DepositoryBalancesLastDayOfDecember" }?.context.period,
                       .instant(CalendarDate(year: 2024, month: 12, day: 31)))
        XCTAssertEqual(facts.first { $0.concept == "NumberOfOpenDepositoriesNotExceedingAllowableLimit" }?.value, .amount(Amount(units: 2), scale: .units))
        XCTAssertEqual(TaxonomyModel.of(.lifeAnnual).concept("NumberOfOpenDepositoriesNotExceedingAllowableLimit")?.type, .count)
    }

    /// Schedule E Part 2 lists cash equivalents by CUSIP under the blank's subtotal lines, and its
    /// footnote prints the bonds' book/adjusted carrying value by NAIC designation category, side
    /// by side behind the footnote's own line numbers. Values as Commonwealth 2023 prints them.
    func testScheduleEPart2ListsCashEquivalentsAndTheirDesignations() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        // A bond printed without a CUSIP: the leaders of the empty CUSIP cell open its row, and its
        // description stays in column 2.
        XCTAssertEqual(statement.cell("ScheduleEPart2", "1010000001", column: "1", blank: .lifeAnnual), .blank)
        XCTAssertEqual(statement.cell("ScheduleEPart2", "1010000001", column: "2", blank: .lifeAnnual), .text("BANK OF AMERICA CORP"))
        XCTAssertEqual(statement.cell("ScheduleEPart2", "8200000004", column: "1", blank: .lifeAnnual), .text("94975H-29-6"))
        XCTAssertEqual(statement.cell("ScheduleEPart2", "8200000004", column: "3", blank: .lifeAnnual), .text("SD"))
        XCTAssertNil(statement.page("ScheduleEPart2")?.row("8200000005"))
        assertCells(statement, [("ScheduleEPart2", "1010000001", "7", "6,923,710"), ("ScheduleEPart2", "8209999999", "7", "4,331,696,551"),
                                ("ScheduleEPart2", "8609999999", "7", "4,447,680,692"), ("ScheduleEPart2DesignationFootnote", "1G", "", "6,923,710")])
        // The footnote's line numbers (1A to 1F) number its printed lines: no designation is read there.
        XCTAssertEqual(statement.page("ScheduleEPart2DesignationFootnote")?.rows.filter { $0.cells != [.blank] }.map(\.line), ["1G"])
        try assertEachTieFails(["schedule-e-part-2-total-equals-assets-caption": ("ScheduleEPart2", "8609999999", 6, "4,447,680,792"),
                                "schedule-e-part-2-total-equals-summary-investment-schedule": ("ScheduleEPart2", "8609999999", 6, "4,447,680,792"),
                                "schedule-e-part-2-total-equals-verification": ("ScheduleEPart2", "8609999999", 6, "4,447,680,792"),
                                "schedule-e-part-2-money-market-mutual-funds-equal-verification": ("ScheduleEPart2", "8209999999", 6, "4,331,696,651"),
                                "schedule-e-part-2-bonds-equal-verification": ("ScheduleEPart2", "2509999999", 6, "6,923,810"),
                                "schedule-e-part-2-designation-footnote-equals-total-bonds": ("ScheduleEPart2DesignationFootnote", "1G", 0, "6,923,810")],
                               checker: checker, statement: statement)
        // The subtotal adds its entries, and the category's total its four subtotals.
        try assertRowRuleFails("schedule-e-part-2-line-1019999999-total-col-7", at: "ScheduleEPart2", "1010000001", 6, "6,923,810", checker: checker, statement: statement)
        try assertRowRuleFails("schedule-e-part-2-line-1109999999-total-col-7", at: "ScheduleEPart2", "1019999999", 6, "6,923,810", checker: checker, statement: statement)
    }

    /// A schedule of several pages may print its footnote on each: Forethought 2025's Schedule E
    /// Part 2 as if printed over two pages, its headings and footnote on the first (the
    /// footnote's amounts left blank there, or one of them another), its holdings and footnote
    /// on the second. A designation blank where first printed takes its amount from the next
    /// printing; another amount than the first printing's is a warning, and the first is kept.
    func testAFootnotePrintedOnEachPageOfItsScheduleIsReadOnce() throws {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try InputFile.read(Self.pdfPath("forethought-life-2025"))
        let document = try PDFText.document(pdf: bytes, name: "f25.pdf", parts: 1)
        let index = try XCTUnwrap(document.pages.firstIndex { $0.number == 155 })
        let page = document.pages[index]
        let firstEntry = try XCTUnwrap(page.lines.firstIndex { $0.text.contains("BANQUE") })
        let footnote = try XCTUnwrap(page.lines.firstIndex { $0.text.trimmingCharacters(in: .whitespaces) == "1." })
        func firstPage(amount: (String) -> String?) -> PositionedPage {
            let lines = (page.lines[..<firstEntry] + page.lines[footnote...]).enumerated().map { n, line in
                var line = line
                line.number = n + 1
                if n >= firstEntry {
                    line.words = line.words.compactMap { word in
                        guard word.text.contains(","), word.text.contains(where: \.isNumber) else { return word }
                        return amount(word.text).map { PositionedWord(text: $0, x0: word.x0, x1: word.x1, y0: word.y0, y1: word.y1) }
                    }
                }
                return line
            }
            // In place of Schedule E Part 1's page, before the page that lists the holdings.
            return PositionedPage(number: 154, lines: lines)
        }
        for (variant, amount) in [("blank", { (_: String) -> String? in nil }), ("another", { $0.replacingOccurrences(of: "25,013", with: "25,014") })] {
            var twoPages = document
            twoPages.pages[index - 1] = firstPage(amount: amount)
            let result = StatementParser.parse(twoPages, pdf: bytes)
            let warnings = result.diagnostics.filter { $0.message.contains("printed again") }.map(\.message)
            let statement = result.statement
            assertCells(statement, [("ScheduleEPart2DesignationFootnote", "1F", "", "25,007"), ("ScheduleEPart2DesignationFootnote", "2A", "", "24,996"),
                                    ("ScheduleEPart2", "8609999999", "7", "1,572,289,621")], blank: Blank.edition("life-ah-annual", 2025))
            if variant == "blank" {
                XCTAssertEqual(warnings, [], variant)
                assertCells(statement, [("ScheduleEPart2DesignationFootnote", "1E", "", "25,013")], blank: Blank.edition("life-ah-annual", 2025))
            } else {
                XCTAssertEqual(warnings, ["Book/Adjusted Carrying Value by NAIC Designation Category Footnote: line 1E is printed again with another amount; the first printing's is kept"], variant)
                assertCells(statement, [("ScheduleEPart2DesignationFootnote", "1E", "", "25,014")], blank: Blank.edition("life-ah-annual", 2025))
            }
        }
    }

    /// A listing continued on the next page: Forethought 2025's Schedule E Part 2 as if broken
    /// after its second exempt money market fund, the next page printing the title and column
    /// headings again. The entries before the break are filed with those after it under the
    /// subtotal printed on the next page, numbered on, and every value is as printed on one page.
    func testScheduleEPart2ContinuedOnTheNextPageReadsAsOneTable() throws {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try InputFile.read(Self.pdfPath("forethought-life-2025"))
        let document = try PDFText.document(pdf: bytes, name: "f25.pdf", parts: 1)
        let one = StatementParser.parse(document, pdf: bytes)
        let index = try XCTUnwrap(document.pages.firstIndex { $0.number == 155 })
        let page = document.pages[index]
        let headings = try XCTUnwrap(page.lines.firstIndex { $0.text.contains("BANQUE") })
        let breakAt = try XCTUnwrap(page.lines.firstIndex { $0.text.contains("INVESCO TREASURY") })
        func renumbered(_ lines: ArraySlice<PositionedLine>) -> [PositionedLine] {
            lines.enumerated().map { n, line in
                var line = line
                line.number = n + 1
                return line
            }
        }
        var twoPages = document
        // The first part in place of Schedule E Part 1's page (its table is not compared here).
        twoPages.pages[index - 1] = PositionedPage(number: 154, lines: renumbered(page.lines[..<breakAt]))
        twoPages.pages[index] = PositionedPage(number: 155, lines: renumbered(page.lines[..<headings] + page.lines[breakAt...]))
        let two = StatementParser.parse(twoPages, pdf: bytes)
        XCTAssertEqual(two.statement.page("ScheduleEPart2")?.rows, one.statement.page("ScheduleEPart2")?.rows)
        XCTAssertEqual(two.statement.page("ScheduleEPart2DesignationFootnote")?.rows, one.statement.page("ScheduleEPart2DesignationFootnote")?.rows)
        XCTAssertEqual(two.diagnostics.filter { $0.severity >= .warning && $0.message.contains("CASH EQUIVALENTS") }.map(\.description), [])
        XCTAssertEqual(two.statement.cell("ScheduleEPart2", "8200000003", column: "2", blank: Blank.edition("life-ah-annual", 2025)), .text("INVESCO TREASURY INST"))
    }

    /// The 2025 blank numbers Schedule E Part 2's subtotals of issuer credit obligations by the
    /// groups of Schedule D Part 1A (Forethought 2025 prints group 8, corporate bonds
    /// (unaffiliated), as 0089999999): each of the 27 groups is the subtotal of its own entries,
    /// in Part 1A's order, so that a filing holding Treasury bills reads them under 0019999999.
    func testTheIssuerCreditObligationSubtotalsOf2025FollowScheduleDPart1A() throws {
        let blank = Blank.edition("life-ah-annual", 2025)
        let part2 = try XCTUnwrap(blank.page("ScheduleEPart2"))
        let part1A = try XCTUnwrap(blank.page("ScheduleDPart1A"))
        let groups = part1A.lines.filter { !$0.line.contains(".") && (Int($0.line) ?? 0) <= 27 }
        XCTAssertEqual(groups.count, 27)
        for group in groups {
            let number = try XCTUnwrap(Int(group.line))
            let code = String(format: "%03d9999999", number)
            let line = try XCTUnwrap(part2.lines.first { $0.line == code }, code)
            XCTAssertTrue(line.caption.lowercased().hasSuffix(" - " + group.caption.lowercased()), "\(code): \(line.caption)")
            XCTAssertEqual(line.total, String(format: "%03d0000001", number))
            XCTAssertEqual(part2.lines.first { $0.line == String(format: "%03d0000001", number) }?.hasUncodedEntries, true, code)
        }
        // No 2024 bond line is left in the 2025 edition.
        XCTAssertNil(part2.lines.first { $0.line == "2509999999" })
    }

    /// The State Page's continuation prints numbers of policies among amounts: each column of
    /// numbers reports an item of its own (the line's item and `NumberOfPoliciesOrCertificates`,
    /// whole numbers in unit pure, negative for a net decrease), and its year-end columns an
    /// instant item of their own, beside the line's amounts of the year. Values as Forethought
    /// 2024 prints them on line 2 (Individual Life, Whole).
    func testTheStatePageReportsCountsAndYearEndBalancesAsItemsOfTheirOwn() throws {
        let statement = try parse("forethought-life-2024").statement
        let facts = try Converter.convert(statement, validate: false).facts
        let periods = StatementPeriods(statementDate: CalendarDate(year: 2024, month: 12, day: 31))
        func fact(_ concept: String, _ member: String, _ period: PeriodReference) -> Fact.Value? {
            facts.first { $0.concept == concept && $0.context.period == periods.period(period)
                && $0.context.explicit["LifeInsuranceStatePageClaimsAndPoliciesColumnAxis"] == member + "Member" }?.value
        }
        let line = "StatePageClaimsAndPoliciesIndividualLifeWhole"
        XCTAssertEqual(fact(line + "NumberOfPoliciesOrCertificates", "TotalsPaid", .currentYearToDate), .amount(Amount(units: 12_208), scale: .units))
        XCTAssertEqual(fact(line, "TotalsPaid", .currentYearToDate), .amount(printed("59,730,955"), scale: .units))
        XCTAssertEqual(fact(line + "NumberOfPoliciesOrCertificates", "OtherChangesToInForce", .currentYearToDate), .amount(Amount(units: -13_123), scale: .units))
        XCTAssertEqual(fact(line, "OtherChangesToInForce", .currentYearToDate), .amount(printed("(63,366,947)"), scale: .units))
        XCTAssertEqual(fact(line + "NumberOfPoliciesOrCertificatesAtYearEnd", "InForce", .currentInstant), .amount(Amount(units: 192_568), scale: .units))
        XCTAssertEqual(fact(line + "AtYearEnd", "InForce", .currentInstant), .amount(printed("842,511,020"), scale: .units))
        let taxonomy = TaxonomyModel.of(.lifeAnnual)
        XCTAssertEqual(taxonomy.concept(line + "NumberOfPoliciesOrCertificates")?.type, .integer)
        XCTAssertEqual(taxonomy.concept(line + "NumberOfPoliciesOrCertificatesAtYearEnd")?.type, .count)
        XCTAssertEqual(taxonomy.concept(line + "NumberOfPoliciesOrCertificatesAtYearEnd")?.periodType, .instant)
        XCTAssertEqual(taxonomy.concept(line + "AtYearEnd")?.type, .monetary)
        XCTAssertEqual(taxonomy.concept(line + "AtYearEnd")?.periodType, .instant)
        XCTAssertEqual(taxonomy.concept(line)?.periodType, .duration)
    }

    /// A State Page that reports one state's business (as filed with that state) is another
    /// table of the same title: it is not read as the annual statement's Grand Total, and an
    /// error says so. Forethought 2024's layout text with "Grand Total" replaced by a state.
    func testAStatePageOfOneStateIsNotReadAsTheGrandTotal() throws {
        let filing = "forethought-life-2024"
        let text = String(decoding: try Self.layoutText(filing), as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "Grand Total").count - 1, 2)
        let result = StatementParser.parse(bytes: Array(text.replacingOccurrences(of: "Grand Total", with: "Kentucky").utf8), name: "\(filing).txt")
        XCTAssertNil(result.statement.page("LifeInsuranceStatePage"))
        XCTAssertNil(result.statement.page("LifeInsuranceStatePageClaimsAndPolicies"))
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error && $0.message.contains("does not print \"Grand Total\"") }.count, 2)
        XCTAssertEqual(result.pages.filter { $0.schedule?.hasPrefix("LifeInsuranceStatePage") ?? false }.count, 0)
        XCTAssertNotNil(StatementParser.parse(bytes: Array(text.utf8), name: "\(filing).txt").statement.page("LifeInsuranceStatePage"))
    }

    /// The Asset Valuation Reserve's total (line 16, column 7) is the Liabilities page's line 24.01
    /// (its caption names it), its line 1 the prior year's, and the year's change (line 1 less line
    /// 16) is the Summary of Operations' line 44. One number changed fails each tie; the values
    /// are Forethought 2024's as printed.
    func testAChangedNumberOnTheAVRFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("AssetValuationReserve", "16", column: "7", blank: .lifeAnnual), .amount(printed("413,897,302")))
        XCTAssertEqual(statement.cell("AssetValuationReserve", "1", column: "7", blank: .lifeAnnual), .amount(printed("438,687,415")))
        XCTAssertEqual(statement.cell("SummaryOfOperations", "44", column: "1", blank: .lifeAnnual), .amount(printed("24,790,113")))
        let ties = ["avr-reserve-equals-liabilities": ("Liabilities", "24.01", 0, "413,897,402"),
                    "avr-reserve-prior-year-equals-liabilities-prior-year": ("AssetValuationReserve", "1", 6, "438,687,515"),
                    "avr-change-equals-summary-of-operations": ("SummaryOfOperations", "44", 0, "24,790,213")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
        // The AVR's component pages (PDF pages 77 to 82) print the same title, with "BASIC
        // CONTRIBUTION, RESERVE OBJECTIVE AND MAXIMUM RESERVE CALCULATIONS" and the component
        // under it: they are the components' pages, not more of this page, as the replications
        // page (83, stamped NONE) is a page of its own.
        let forethought = try parse("forethought-life-2024")
        let accounts = forethought.pages.filter { (77...83).contains($0.page) }
        XCTAssertEqual(accounts.map(\.schedule), Array(repeating: "AssetValuationReserveDefaultComponent", count: 3)
                       + Array(repeating: "AssetValuationReserveEquityComponent", count: 3) + ["AssetValuationReserveReplications"])
        XCTAssertEqual(forethought.statement.page("AssetValuationReserveReplications")?.none, true)
        // Commonwealth's filing prints the replications as a title over NONE, with Schedule F's.
        let commonwealth = try parse("commonwealth-annuity-2023")
        XCTAssertEqual(commonwealth.pages.first { $0.page == 97 }?.schedule, "AssetValuationReserveReplications + ScheduleF")
        XCTAssertEqual(commonwealth.statement.page("AssetValuationReserveReplications")?.none, true)
    }

    /// The verifications between years end in the statement values the Assets page carries
    /// (Schedule A line 11: real estate, lines 4.1 to 4.3; Schedule B line 15: mortgage loans,
    /// 3.1 and 3.2; Schedule BA line 13: other invested assets, 8; Schedule D line 13: bonds and
    /// stocks, 1, 2.1 and 2.2; column 3, net admitted), and the Summary by Country's totals are the
    /// Assets page's bonds and common stocks (column 1) and the Schedule D verification's carrying
    /// value (within 5: each page rounds its own lines). A line that groups sub-lines prints its
    /// amount on its last sub-line's row, in the outer column: Schedule B's line 2 is 2.1 + 2.2.
    /// One number changed fails each tie; the values are Forethought 2024's and 2025's as printed.
    func testAChangedNumberOnTheVerificationsBetweenYearsFailsTheirTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("ScheduleBVerification", "2", "1", "6,110,508,517"), ("ScheduleBVerification", "2.1", "1", "6,108,351,492"),
                                ("ScheduleBVerification", "2.2", "1", "2,157,025"), ("ScheduleAVerification", "11", "1", "24,687,528"),
                                ("Assets", "4.2", "3", "13,111,105"), ("Assets", "4.3", "3", "11,576,423"),
                                ("ScheduleDSummaryByCountry", "13", "1", "28,029,297,578"), ("Assets", "1", "1", "28,029,297,579"),
                                ("ScheduleDSummaryByCountry", "27", "1", "28,184,540,204"), ("ScheduleDVerification", "11", "1", "28,184,540,202")])
        try assertEachTieFails(["schedule-a-verification-statement-value-equals-assets": ("ScheduleAVerification", "11", 0, "24,687,628"),
                                "schedule-b-verification-statement-value-equals-assets": ("ScheduleBVerification", "15", 0, "21,030,119,869"),
                                "schedule-ba-verification-statement-value-equals-assets": ("ScheduleBAVerification", "13", 0, "2,632,145,246"),
                                "schedule-d-verification-statement-value-equals-assets": ("ScheduleDVerification", "13", 0, "28,184,540,302"),
                                "schedule-d-summary-by-country-total-bonds-equals-assets": ("ScheduleDSummaryByCountry", "13", 0, "28,029,297,678"),
                                "schedule-d-summary-by-country-total-common-stocks-equals-assets": ("ScheduleDSummaryByCountry", "25", 0, "89,959,994"),
                                "schedule-d-summary-by-country-total-equals-verification": ("ScheduleDSummaryByCountry", "27", 0, "28,184,540,304")],
                               checker: checker, statement: statement)
        // The 2025 blank prints Schedule D's verification in five columns (total, issuer credit
        // obligations, asset-backed securities, preferred and common stocks) and the Summary by
        // Country's bonds as issuer credit obligations and asset-backed securities: the ties name
        // the new lines, and each kind's total is the verification's column.
        let edition2025 = try BlankCatalog.bundled.blank("life-ah-annual", year: 2025)
        let checker2025 = try XCTUnwrap(Checker.shared(for: edition2025))
        let statement2025 = try parse("forethought-life-2025").statement
        XCTAssertEqual(statement2025.cell("ScheduleDVerification", "13", column: "1", blank: edition2025), .amount(printed("36,217,430,170")))
        XCTAssertEqual(statement2025.cell("ScheduleDVerification", "11", column: "2", blank: edition2025), .amount(printed("14,055,656,710")))
        XCTAssertEqual(statement2025.cell("ScheduleDSummaryByCountry", "10", column: "1", blank: edition2025), .amount(printed("14,055,656,709")))
        try assertEachTieFails(["schedule-d-verification-statement-value-equals-assets": ("ScheduleDVerification", "13", 0, "36,217,430,270"),
                                "schedule-d-summary-by-country-total-bonds-equals-assets": ("ScheduleDSummaryByCountry", "17", 0, "35,916,031,481"),
                                "schedule-d-summary-by-country-total-common-stocks-equals-assets": ("ScheduleDSummaryByCountry", "29", 0, "110,247,163"),
                                "schedule-d-summary-by-country-total-equals-verification": ("ScheduleDSummaryByCountry", "31", 0, "36,217,440,273"),
                                "schedule-d-summary-by-country-line-10-equals-verification": ("ScheduleDSummaryByCountry", "10", 0, "14,055,656,809"),
                                "schedule-d-summary-by-country-line-16-equals-verification": ("ScheduleDSummaryByCountry", "16", 0, "21,860,374,772"),
                                "schedule-d-summary-by-country-line-23-equals-verification": ("ScheduleDSummaryByCountry", "23", 0, "191,161,829"),
                                "schedule-d-summary-by-country-line-29-equals-verification": ("ScheduleDSummaryByCountry", "29", 0, "110,247,163")],
                               checker: checker2025, statement: statement2025)
        // The one difference these pages of the 2025 filing print: its Schedule D verification's
        // line 11, column 1 (36,217,440,174) is 2 below lines 1 to 10 (Fixtures/annual/README.md).
        let failed = checker2025.check(statement2025).results.filter { $0.status == .failed && ($0.rule.contains("verification") || $0.rule.contains("country")) }
        XCTAssertEqual(failed.map(\.rule), ["schedule-d-verification-line-11-total-col-1"])
    }

    /// Schedule H numbers its lines within lettered sections ("A. Premium Reserves:", then "1.
    /// Unearned premiums"): a printed "1." under "C." is line C.1. Its parts agree with each other
    /// (Part 3's claim reserves at the end of the year, lines 2.1 + 2.2, and at the end of the
    /// prior year, 3.2, are Part 2's C.1 and C.2 in each column; Part 5's net claim reserves, D.3
    /// and D.2 in its total column 13, are C.1 and C.2 in column 1, within 5), Part 4's
    /// commissions on reinsurance ceded (B.4) are the Analysis of Operations' accident and health
    /// line 6, and Schedule DB's verification starts from Part A's carrying value (line 1 = the
    /// Part A verification's line 10). One number changed fails each tie; the values are
    /// Forethought 2024's as printed.
    func testAChangedNumberOnScheduleHFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("ScheduleHPart2", "C.1", "1", "27,495,088"), ("ScheduleHPart2", "C.2", "1", "22,488,301"),
                                ("ScheduleHPart3", "2.1", "1", "18,392,491"), ("ScheduleHPart3", "2.2", "1", "9,102,597"),
                                ("ScheduleHPart5", "D.3", "13", "27,495,088"), ("ScheduleHPart4", "B.4", "1", "820,190"),
                                ("AnalysisOfOperationsAccidentAndHealth", "6", "1", "820,190"),
                                ("ScheduleDBVerification", "1", "1", "1,052,297,063"), ("ScheduleDBPartAVerification", "10", "1", "1,052,297,063")])
        XCTAssertNil(statement.page("ScheduleHPart4")?.row("4"))
        try assertEachTieFails(["schedule-h-part-3-prior-year-claim-reserves-equal-part-2-col-1": ("ScheduleHPart3", "3.2", 0, "22,488,401"),
                                "schedule-h-part-3-current-year-claim-reserves-equal-part-2-col-12": ("ScheduleHPart3", "2.1", 11, "18,392,591"),
                                "schedule-h-part-5-net-ending-claim-reserves-equal-part-2": ("ScheduleHPart5", "D.3", 12, "27,495,188"),
                                "schedule-h-part-5-net-beginning-claim-reserves-equal-part-2": ("ScheduleHPart5", "D.2", 12, "22,488,401"),
                                "schedule-h-part-4-ceded-commissions-equal-analysis-of-operations": ("ScheduleHPart4", "B.4", 0, "820,290"),
                                "schedule-db-verification-carrying-value-equals-part-a-verification": ("ScheduleDBVerification", "1", 0, "1,052,297,163")],
                               checker: checker, statement: statement)
    }

    /// Schedule E Part 3 prints each special deposit by state: its type and purpose as text (the
    /// purpose, several words wide, placed as one phrase under its heading), and its carrying and
    /// fair values for all policyholders or for others. Line 59 is lines 1 to 58 (within 5: each
    /// state is rounded on its own; Forethought 2024 prints column 6 1 above its lines). One
    /// number changed fails the subtotal; the values are Forethought 2024's as printed.
    func testAChangedNumberOnScheduleEPart3FailsItsSubtotal() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("ScheduleEPart3", "4", column: "1", blank: .lifeAnnual), .text("B"))
        XCTAssertEqual(statement.cell("ScheduleEPart3", "4", column: "2", blank: .lifeAnnual), .text("FOR PROTECTION OF POLICYHOLDERS IN STATE"))
        XCTAssertEqual(statement.cell("ScheduleEPart3", "59", column: "1", blank: .lifeAnnual), .notApplicable)
        assertCells(statement, [("ScheduleEPart3", "15", "3", "1,710,617"), ("ScheduleEPart3", "59", "3", "1,710,617"),
                                ("ScheduleEPart3", "59", "6", "4,476,951")])
        try assertEachTieFails(["special-deposits-subtotal-col-3": ("ScheduleEPart3", "59", 3, "1,710,717"),
                                "special-deposits-subtotal-col-6": ("ScheduleEPart3", "59", 6, "4,476,990")],
                               checker: checker, statement: statement)
    }

    /// The overflow page for write-ins prints a part per page whose write-in lines did not fit
    /// ("Additional Write-ins for Assets Line 25"), in that page's columns: its rows are the
    /// named page's lines of overflow entries (2504 on, the filer's captions) and their summary
    /// (2597), which the page repeats on its line 2598. Each part is read into its page; the
    /// summary sums its entries and repeats line 2598 (compared where the overflow page prints
    /// it: a partial filing may leave that page out), and one number changed fails each. Values
    /// are Forethought 2024's as printed (PDF pages 119 and 120; the second a landscape page whose
    /// number, "57L", stands on the line of a part's heading).
    func testTheOverflowPageForWriteInsIsReadIntoThePagesItContinues() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let result = try parse("forethought-life-2024")
        let statement = result.statement
        XCTAssertEqual(result.pages.filter { $0.schedule == "overflowPage" }.map(\.page), [119, 120])
        XCTAssertEqual(result.pages.filter { $0.schedule == "overflowPage" }.map(\.status), [.read, .read])
        XCTAssertEqual(statement.page("Assets")?.row("2504")?.caption, "Prepaid Expenses")
        XCTAssertEqual(statement.page("SummaryOfOperations")?.row("2705")?.caption, "FwH Futues Hedged Unrealized")
        XCTAssertEqual(statement.page("AnalysisOfOperationsSummary")?.row("08.304")?.caption, "Policyholder Contract Fees")
        assertCells(statement, [("Assets", "2504", "1", "645,652"), ("Assets", "2504", "2", "645,652"), ("Assets", "2597", "3", "491,757"),
                                ("Liabilities", "2504", "1", "(2,995,712)"), ("Liabilities", "2505", "2", "1,318,432,160"),
                                ("SummaryOfOperations", "5397", "2", "(20,064,335)"), ("NonadmittedAssets", "2504", "3", "4,770"),
                                ("AnalysisOfOperationsIndividualAnnuities", "2705", "3", "122,018,550"),
                                ("AnalysisOfOperationsIndividualAnnuities", "2797", "4", "(142,999,178)")])
        try assertEachTieFails(["assets-line-2597-total-col-1": ("Assets", "2504", 0, "645,752"),
                                "assets-line-2597-equals-line-2598-col-1": ("Assets", "2598", 0, "1,547,359"),
                                "liabilities-line-2597-total-col-2": ("Liabilities", "2597", 1, "1,318,081,222"),
                                "analysis-of-operations-individual-annuities-line-2797-equals-line-2798-col-3":
                                    ("AnalysisOfOperationsIndividualAnnuities", "2797", 2, "94,394,628")],
                               checker: checker, statement: statement)
        // Where the overflow page is not printed, the page's line 2598 alone is no difference.
        var withoutOverflow = statement
        let assetsPage = try XCTUnwrap(withoutOverflow.pages.firstIndex { $0.id == "Assets" })
        withoutOverflow.pages[assetsPage].rows.removeAll { $0.line == "2597" || ("2504"..."2596").contains($0.line) }
        XCTAssertEqual(checker.status(of: "assets-line-2597-equals-line-2598-col-1", on: withoutOverflow), .notEvaluated)

        // A part naming a page the description does not continue there is said, not read.
        var blank = Blank.edition("life-ah-annual", 2024)
        let assets = try XCTUnwrap(blank.pages.firstIndex { $0.id == "Assets" })
        blank.pages[assets].overflowNames = nil
        let without = try StatementParser.parse(fileAt: Self.pdfPath("forethought-life-2024"), blank: blank)
        XCTAssertNil(without.statement.page("Assets")?.row("2504"))
        XCTAssertEqual(without.statement.page("Liabilities")?.row("2504")?.caption, "Carvm-Modco")
        XCTAssertTrue(without.diagnostics.contains { $0.severity == .warning && $0.message.contains("\"Additional Write-ins for Assets Line 25\" names no page") },
                      "\(without.diagnostics.filter { $0.severity >= .warning })")
        // Rows above the first part's heading continue an earlier overflow page's last part;
        // with none before (the heading left out here), they are said, not read.
        let text = String(decoding: try Self.layoutText("forethought-life-2024"), as: UTF8.self)
        let headless = text.replacingOccurrences(of: "Additional Write-ins for Assets Line 25\n", with: "\n")
        XCTAssertNotEqual(headless, text)
        let read = StatementParser.parse(bytes: Array(headless.utf8), name: "forethought-life-2024.txt")
        XCTAssertNil(read.statement.page("Assets")?.row("2504"))
        XCTAssertTrue(read.diagnostics.contains { $0.severity == .warning && $0.message.contains("rows printed above the first part's heading")
                          && $0.message.contains("2504") }, "\(read.diagnostics.filter { $0.severity >= .warning }.prefix(5))")
    }

    /// Schedule DB Part C lists replication (synthetic asset) transactions: each derivative and
    /// cash instrument an entry of the totals line printed after them. Forethought's 2024 printer
    /// sets a wrapped text cell's first line half a row above the entry's other cells (the
    /// derivative's description, broken after a hyphen; a cash instrument's long description):
    /// it is that entry's, read top down, and a line broken after a hyphen goes on without a
    /// space. Section 2 is the year's inventory by quarter. One number changed fails each total.
    func testAChangedNumberOnScheduleDBPartCFailsItsTotals() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertTexts(statement, [("ScheduleDBPartCSection1", "0000000001", "9", "USD/IRS/240315-540315/6.75%/S+3.106%"),
                                ("ScheduleDBPartCSection1", "0000000019", "13", "TRIBOROUGH BRIDGE AND TUNNEL AUTHORITY"),
                                ("ScheduleDBPartCSection1", "0000000404", "12", "404119-CA-5"), ("ScheduleDBPartCSection1", "0000000404", "13", "HCA INC")])
        XCTAssertEqual(statement.page("ScheduleDBPartCSection1")?.rows.count, 405)
        assertCells(statement, [("ScheduleDBPartCSection1", "0000000001", "4", "750,000,000"), ("ScheduleDBPartCSection1", "9999999999", "16", "1,893,487,512"),
                                ("ScheduleDBPartCSection2", "7", "7", "16"), ("ScheduleDBPartCSection2", "3", "8", "248,532,817")])
        try assertEachTieFails(["schedule-db-part-c-section-1-line-9999999999-total-col-10": ("ScheduleDBPartCSection1", "9999999999", 9, "20,975,482"),
                                "schedule-db-part-c-section-2-line-7-total-col-8": ("ScheduleDBPartCSection2", "7", 7, "2,051,464,824"),
                                "schedule-db-part-c-section-2-line-7-total-col-9": ("ScheduleDBPartCSection2", "2", 8, "94")],
                               checker: checker, statement: statement)
    }

    /// Schedule Y Part 1A lists the insurance holding company system's members, a listing of
    /// text that prints no total: its entries are filed where the table ends. Part 2 lists the
    /// insurer's transactions with each affiliate, whose Control Totals line sums them (to the
    /// filing's rounding: Commonwealth prints 3, (4), (2) and (3)). A name printed without a code
    /// or ID is an entry of its own; a name whose first line is printed above its entry is that
    /// entry's; a short name standing between two headings is in the column whose texts start
    /// where it does. Part 3 lists the insurers under the ultimate controlling party, eight text
    /// columns on one page, without a total either.
    func testScheduleYPartsOneAAndTwoAreReadAsListings() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let forethought = try parse("forethought-life-2024").statement
        assertTexts(forethought, [("ScheduleYPart1A", "0000001", "11", "Commonwealth Annuity and Life Insurance Company"),
                                  ("ScheduleYPart1A", "0000004", "8", "Commonwealth Annuity and Life Insurance Company"),
                                  ("ScheduleYPart1A", "0000140", "11", "BNA Mezz LLC"),
                                  ("ScheduleYPart2", "0000059", "3", "Infinity Asset Holdings 2022, LLC"),
                                  ("ScheduleYPart2", "0000006", "3", "Commonwealth Annuity & Life Insurance Company")])
        XCTAssertEqual(forethought.cell("ScheduleYPart1A", "0000140", column: "10", blank: .lifeAnnual), .blank)
        XCTAssertEqual(forethought.page("ScheduleYPart1A")?.rows.count, 218)
        assertCells(forethought, [("ScheduleYPart2", "0000006", "13", "27,281,808,932")])
        let commonwealth = try parse("commonwealth-annuity-2023").statement
        assertCells(commonwealth, [("ScheduleYPart2", "9999999", "5", "3"), ("ScheduleYPart2", "9999999", "12", "(3)")])
        try assertEachTieFails(["schedule-y-part-2-line-9999999-total-col-5": ("ScheduleYPart2", "9999999", 4, "13"),
                                "schedule-y-part-2-col-12-total": ("ScheduleYPart2", "9999999", 11, "(13)")],
                               checker: checker, statement: commonwealth)
        // Part 3: Commonwealth's 2023 filing prints 63.320 where the later ones print 100.000.
        assertTexts(commonwealth, [("ScheduleYPart3", "0000001", "1", "Accordia Life and Annuity Company"),
                                   ("ScheduleYPart3", "0000004", "2", "Global Atlantic (Fin) Company"),
                                   ("ScheduleYPart3", "0000005", "6", "Cape Verity I, Inc."),
                                   ("ScheduleYPart3", "0000007", "5", "KKR & Co., Inc."),
                                   ("ScheduleYPart3", "0000007", "7", "63.320"), ("ScheduleYPart3", "0000007", "8", "NO")])
        XCTAssertEqual(commonwealth.page("ScheduleYPart3")?.rows.count, 7)
        assertTexts(forethought, [("ScheduleYPart3", "0000007", "7", "100.000"), ("ScheduleYPart3", "0000003", "6", "Commonwealth Annuity & Life Insurance Company")])
    }

    /// Schedule S Part 4 lists the reinsurance ceded to unauthorized companies as Part 3 lists
    /// all of it: each treaty an entry of the subtotal printed after it, its codes, date and
    /// reinsurer as text, its amounts and collateral. Its totals are calculations and checks, and
    /// its life and annuity reserve credit (line 1199999, column 5) is Part 3 Section 1's
    /// unauthorized reserve credit (line 2299999, column 9). One number changed fails each; the
    /// values are Commonwealth 2023's as printed. Forethought's filings print the schedule as
    /// NONE: 2025 on a page of its own (its totals line prints only the blank's XXX), 2024 as a
    /// title over NONE among other schedules' on one page.
    func testAChangedNumberOnScheduleSPart4FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("ScheduleSPart4", "0900001", column: "2", blank: .lifeAnnual), .text("AA-3191328"))
        XCTAssertEqual(statement.cell("ScheduleSPart4", "0900001", column: "4", blank: .lifeAnnual), .text("Kuvare Life Re Ltd"))
        XCTAssertEqual(statement.cell("ScheduleSPart4", "9999999", column: "10", blank: .lifeAnnual), .notApplicable)
        assertCells(statement, [("ScheduleSPart4", "0800001", "5", "1,505"), ("ScheduleSPart4", "0900001", "12", "272,000,979"),
                                ("ScheduleSPart4", "9999999", "8", "17,663,187,402")])
        try assertEachTieFails(["schedule-s-part-4-reserve-credit-equals-part-3-unauthorized": ("ScheduleSPart4", "1199999", 4, "13,277,394,372"),
                                "schedule-s-part-4-line-9999999-total-col-6": ("ScheduleSPart4", "9999999", 5, "72,307,346")],
                               checker: checker, statement: statement)
        // Column 8 is columns 5 to 7 on every total line (a treaty's entry is checked through
        // its subtotal): the rule's result for the line changed fails.
        try assertRowRuleFails("schedule-s-part-4-col-8-total", at: "ScheduleSPart4", "9999999", 7, "17,663,187,502", checker: checker, statement: statement)
        // Column 14, miscellaneous balances, is a credit among the page's debits (as Part 5's).
        XCTAssertEqual(TaxonomyModel.of(.lifeAnnual).concept("ReinsuranceCededUnauthorizedMiscellaneousBalances")?.balance, .credit)
        let forethought2024 = try parse("forethought-life-2024")
        XCTAssertEqual(forethought2024.statement.page("ScheduleSPart4")?.none, true)
        XCTAssertEqual(forethought2024.pages.first { $0.page == 95 }?.schedule, "ScheduleSPart4 + ScheduleSPart5")
        XCTAssertEqual(forethought2024.statement.page("ScheduleSPart5")?.none, true)
        let forethought2025 = try parse("forethought-life-2025").statement.page("ScheduleSPart4")
        XCTAssertEqual(forethought2025?.none, true)
        XCTAssertEqual(forethought2025?.rows.map(\.line), ["9999999"])
        XCTAssertEqual(try parse("commonwealth-annuity-2023").statement.page("ScheduleF")?.none, true)
    }

    /// Schedule S Part 5 lists the reinsurance ceded to certified reinsurers as Part 4 lists the
    /// unauthorized: each treaty an entry of the subtotal printed after it, in thousands ("$000
    /// Omitted"), with the reinsurer's rating, the collateral it provides and the credit allowed.
    /// Its percentages are text as printed, among the amounts. Its totals, and columns 12 (9 + 10
    /// + 11), 14 (12 - 13) and 22 (16 + 17 + 19 + 20 + 21), are checks; one number changed fails
    /// each. The values are Forethought 2025's as printed; Commonwealth 2023 stamps the page NONE.
    func testAChangedNumberOnScheduleSPart5FailsItsTotals() throws {
        let checker = try XCTUnwrap(Checker.shared(for: Blank.edition("life-ah-annual", 2025)))
        let statement = try parse("forethought-life-2025").statement
        assertTexts(statement, [("ScheduleSPart5", "0500001", "2", "CR-3191237"), ("ScheduleSPart5", "0500001", "4", "Global Atlantic Re Limited"),
                                ("ScheduleSPart5", "0500001", "6", "4"), ("ScheduleSPart5", "0500001", "8", "50.0"),
                                ("ScheduleSPart5", "0500001", "23", "50.0"), ("ScheduleSPart5", "0500001", "24", "100.0")])
        XCTAssertEqual(statement.cell("ScheduleSPart5", "9999999", column: "23"), .notApplicable)
        assertCells(statement, [("ScheduleSPart5", "0500001", "9", "27,782,174"), ("ScheduleSPart5", "0599999", "15", "13,891,087"),
                                ("ScheduleSPart5", "9999999", "22", "13,900,324"), ("ScheduleSPart5", "9999999", "25", "27,782,174")])
        try assertEachTieFails(["schedule-s-part-5-line-0599999-total-col-9": ("ScheduleSPart5", "0599999", 8, "27,782,274"),
                                "schedule-s-part-5-line-9999999-total-col-20": ("ScheduleSPart5", "9999999", 19, "13,900,424")],
                               checker: checker, statement: statement)
        // Column 14 is checked on every total line (a treaty's entry through its subtotal): the
        // subtotal's changed fails it there alone.
        try assertRowRuleFails("schedule-s-part-5-col-14-total", at: "ScheduleSPart5", "0599999", 13, "27,782,074", checker: checker, statement: statement)
        // Printed in thousands, reported in dollars to the thousand, as Part 6's amounts are.
        let instance = String(decoding: try Converter.convert(statement, validate: false).instance, as: UTF8.self)
        let reserveCredit = try XCTUnwrap(instance.range(of: "<naicla:ReinsuranceCededCertifiedReserveCreditTaken "))
        let fact = instance[reserveCredit.lowerBound...].prefix { $0 != "\n" }
        XCTAssertTrue(fact.contains("decimals=\"-3\"") && fact.contains(">27782174000<"), String(fact))
        // Column 13, miscellaneous balances, is a credit among the page's debits: column 14's
        // calculation subtracts it.
        let taxonomy = TaxonomyModel.of(.lifeAnnual)
        XCTAssertEqual(taxonomy.concept("ReinsuranceCededCertifiedMiscellaneousBalances")?.balance, .credit)
        XCTAssertEqual(taxonomy.concept("ReinsuranceCededCertifiedNetObligationSubjectToCollateral")?.balance, .debit)
        // The headings' words broken over two lines after a hyphen ("Rein-" over "surer", "Juris-"
        // over "diction") are known as pieces of the columns' headings: the description lists no
        // heading lines of its own, and no heading line is read as an entry.
        XCTAssertNil(Blank.lifeAnnual.page("ScheduleSPart5")?.columnHeadingLines)
        let commonwealth = try parse("commonwealth-annuity-2023").statement.page("ScheduleSPart5")
        XCTAssertEqual(commonwealth?.none, true)
        XCTAssertEqual(commonwealth?.rows.map(\.line), ["9999999"])
    }

    /// Schedule S Part 8 (the 2025 blank) states the assets held under reinsurance agreements
    /// with funds withheld and modified coinsurance, ceded and assumed, by the AVR's classes: one
    /// table of 203 lines printed over six pages, each line's captions read against the blank's
    /// (line 17 prints "Exempt oligations", a letter short of its caption). Its subtotals and
    /// totals, and columns 5 (1 + 3), 6, 11 and 12, are checks; one number changed fails each.
    /// Lines 164 and 165 print XXX where the blank prints no amount (columns 1 to 4 and 7 to 10).
    /// The values are Forethought 2025's as printed.
    func testAChangedNumberOnScheduleSPart8FailsItsTotals() throws {
        let checker = try XCTUnwrap(Checker.shared(for: Blank.edition("life-ah-annual", 2025)))
        let statement = try parse("forethought-life-2025").statement
        // By the 2025 edition's columns (the page is not the 2024 blank's).
        assertCells(statement, [("ScheduleSPart8", "2.1", "1", "1,746,952,325"), ("ScheduleSPart8", "2.1", "5", "1,746,952,325"),
                                ("ScheduleSPart8", "18.3", "1", "7,544"), ("ScheduleSPart8", "33", "1", "9,309,532,989"),
                                ("ScheduleSPart8", "161", "5", "(68,563,637)"), ("ScheduleSPart8", "163", "1", "15,803,366,783"),
                                ("ScheduleSPart8", "165", "5", "15,803,366,783")], blank: Blank.edition("life-ah-annual", 2025))
        XCTAssertNotNil(statement.page("ScheduleSPart8")?.row("17"))
        XCTAssertEqual(statement.cell("ScheduleSPart8", "165", column: "1"), .notApplicable)
        XCTAssertEqual(statement.cell("ScheduleSPart8", "164", column: "10"), .notApplicable)
        XCTAssertEqual(statement.page("ScheduleSPart8")?.rows.count, 203)
        try assertEachTieFails(["schedule-s-part-8-line-2.8-total-col-1": ("ScheduleSPart8", "2.8", 0, "5,707,385,250"),
                                "schedule-s-part-8-line-163-total-col-5": ("ScheduleSPart8", "163", 4, "15,803,366,883"),
                                "schedule-s-part-8-line-165-total-col-5": ("ScheduleSPart8", "165", 4, "15,803,366,883")],
                               checker: checker, statement: statement)
        // Column 5 is checked on every line: line 161's changed fails it there alone.
        let failed = try assertRowRuleFails("schedule-s-part-8-col-5-total", at: "ScheduleSPart8", "161", 4, "(68,563,737)", checker: checker, statement: statement)
        XCTAssertEqual(failed.first?.instance, "Schedule S - Part 8 line 161")
        XCTAssertEqual(checker.status(of: "schedule-s-part-8-line-165-total-col-5", on: statement), .passed)
        XCTAssertNil(checker.rules.rules.first { $0.id == "schedule-s-part-8-line-165-total-col-1" })
    }

    /// Schedule F lists each claim resisted or compromised under the total line of its kind
    /// (Forethought 2024's 146 group death claims before 0399999), and its total lines add up
    /// (2699999 the claims disposed of, 5399999 those and the resisted ones). One number changed
    /// fails each total; the values are Forethought 2024's as printed. Line 0399999 prints two
    /// dollars less claimed than its claims add up to (916,083 against 916,085): with the first
    /// claim two dollars lower the total holds, so the rule reads every claim.
    func testAChangedNumberOnScheduleFFailsItsTotals() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        XCTAssertEqual(statement.cell("ScheduleF", "0300001", column: "1", blank: .lifeAnnual), .text("600003383"))
        XCTAssertEqual(statement.cell("ScheduleF", "0300001", column: "3", blank: .lifeAnnual), .text("AL"))
        XCTAssertEqual(statement.cell("ScheduleF", "0300001", column: "4", blank: .lifeAnnual), .text("2024"))
        XCTAssertEqual(statement.cell("ScheduleF", "5399999", column: "8", blank: .lifeAnnual), .notApplicable)
        assertCells(statement, [("ScheduleF", "0300001", "5", "3,679"), ("ScheduleF", "0300146", "6", "1,522"),
                                ("ScheduleF", "0399999", "5", "916,083"), ("ScheduleF", "5399999", "6", "300,355")])
        try assertEachTieFails(["schedule-f-line-2699999-total-col-5": ("ScheduleF", "2699999", 4, "916,183"),
                                "schedule-f-line-5399999-total-col-6": ("ScheduleF", "5399999", 5, "300,455")],
                               checker: checker, statement: statement)
        let entries = "schedule-f-line-0399999-total-col-5"
        XCTAssertEqual(checker.status(of: entries, on: statement), .failed)
        var changed = statement
        let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == "ScheduleF" })
        let first = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == "0300001" })
        changed.pages[page].rows[first].cells[4] = .amount(printed("3,677"))
        XCTAssertEqual(checker.status(of: entries, on: changed), .passed)
    }

    /// Exhibit 8 Part 2's liability for claims at the end of the year and of the prior year
    /// (lines 2.4 and 4.4, net) is the Liabilities page's contract claims (line 4.1, life, plus
    /// line 4.2, accident and health; columns 1 and 2), and its Accident & Health column (6) is
    /// line 4.2 alone. One number changed fails each tie; the values are Commonwealth 2023's as
    /// printed. The page's title is printed on two lines, the first of them Part 1's too.
    func testAChangedNumberOnExhibit8Part2FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("Exhibit8Part2", "2.4", column: "1", blank: .lifeAnnual), .amount(printed("9,111,364")))
        XCTAssertEqual(statement.cell("Exhibit8Part2", "6.4", column: "1", blank: .lifeAnnual), .amount(printed("383,353,857")))
        XCTAssertEqual(statement.cell("Liabilities", "4.1", column: "1", blank: .lifeAnnual), .amount(printed("6,075,862")))
        XCTAssertEqual(statement.cell("Liabilities", "4.2", column: "1", blank: .lifeAnnual), .amount(printed("3,035,502")))
        let ties = ["exhibit-8-part-2-liability-equals-liabilities": ("Exhibit8Part2", "2.4", 0, "9,111,464"),
                    "exhibit-8-part-2-liability-prior-year-equals-liabilities-prior-year": ("Exhibit8Part2", "4.4", 0, "5,769,594"),
                    "exhibit-8-part-2-accident-and-health-liability-equals-liabilities": ("Liabilities", "4.2", 0, "3,035,602"),
                    "exhibit-8-part-2-accident-and-health-liability-prior-year-equals-liabilities-prior-year": ("Exhibit8Part2", "4.4", 5, "3,703,251")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Exhibit 6's total (line 17, TOTAL (Net), column 1) is the Liabilities page's aggregate
    /// reserve for accident and health contracts (line 2, column 1), and that reserve's change over
    /// the year (line 2, column 1 less column 2) is the increase in reserves the Analysis of
    /// Operations reports for accident and health (line 19, column 1). One number changed fails
    /// each tie; the values are Commonwealth 2023's as printed.
    func testAChangedNumberOnExhibit6FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("Exhibit6", "17", column: "1", blank: .lifeAnnual), .amount(printed("184,895,305")))
        XCTAssertEqual(statement.cell("Liabilities", "2", column: "1", blank: .lifeAnnual), .amount(printed("184,895,305")))
        XCTAssertEqual(statement.cell("Liabilities", "2", column: "2", blank: .lifeAnnual), .amount(printed("198,372,034")))
        XCTAssertEqual(statement.cell("AnalysisOfOperationsAccidentAndHealth", "19", column: "1", blank: .lifeAnnual), .amount(printed("(13,476,729)")))
        let ties = ["exhibit-6-total-equals-liabilities": ("Exhibit6", "17", 0, "184,895,405"),
                    "analysis-of-operations-accident-and-health-increase-in-reserves-equals-liabilities": ("AnalysisOfOperationsAccidentAndHealth", "19", 0, "(13,476,829)")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Exhibit 5's entries (valuation standards, each on a row of its own code) add up to their
    /// section's Totals (Gross), and each entry's Total column is the sum of its other columns; the
    /// exhibit's Totals (Net) is the amount the Liabilities page prints in line 1's caption. One
    /// number changed fails each: an entry's amount fails its section's total and its own row;
    /// Totals (Net) fails the tie. The values are Forethought 2024's as printed.
    func testAChangedNumberOnExhibit5FailsItsTotalsAndItsTie() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("Exhibit5", "0100001", "2", "25,509"), ("Exhibit5", "0100001", "4", "25,509"),
                                ("Exhibit5", "0100035", "2", "21,617,807"), ("Exhibit5", "0199997", "2", "2,782,045,441"),
                                ("Exhibit5", "0200023", "2", "12,905,166,435"), ("Exhibit5", "9999999", "2", "34,214,705,019")])
        XCTAssertEqual(statement.page("Exhibit5")?.row("0100001")?.caption, "1. 130% 41 CSO 3.00% NLP 1956-1965")
        XCTAssertEqual(statement.page("Liabilities")?.row("1")?.captionAmounts.first, .amount(printed("34,214,705,019")))
        let results = checker.check(statement).results
        for rule in ["exhibit-5-line-0199997-total-col-2", "exhibit-5-line-0299997-total-col-4", "exhibit-5-line-9999999-total-col-2"] {
            XCTAssertEqual(results.first { $0.rule == rule }?.status, .passed, rule)
        }
        var changed = statement
        let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == "Exhibit5" })
        let row = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == "0100001" })
        changed.pages[page].rows[row].cells[0] = .amount(printed("25,609"))
        let failed = Set(checker.check(changed).results.filter { $0.status == .failed }.map(\.rule))
        XCTAssertTrue(failed.contains("exhibit-5-line-0199997-total-col-2"), "\(failed)")
        XCTAssertTrue(failed.contains { $0.hasPrefix("exhibit-5-col-2") }, "\(failed)")
        try assertEachTieFails(["exhibit-5-total-equals-liabilities": ("Exhibit5", "9999999", 0, "34,214,705,119")],
                               checker: checker, statement: statement)
    }

    /// Schedule H Part 1 prints its 26 columns in two blocks, one under the other, over the same
    /// lines: a line's cells in both blocks are one row. Its other general insurance expenses and
    /// its taxes, licenses and fees (lines 8 and 9, column 1) are the Analysis of Operations'
    /// accident and health lines 23 and 24, and its incurred claims and cost containment expenses
    /// (line 5, column 1) are Schedule H Part 5's net ones (line E.1, column 13). One number
    /// changed fails each tie; the values are Forethought 2024's as printed.
    func testAChangedNumberOnScheduleHPart1FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("forethought-life-2024").statement
        assertCells(statement, [("ScheduleHPart1", "8", "1", "699,859"), ("ScheduleHPart1", "9", "1", "795,337"),
                                ("ScheduleHPart1", "5", "1", "10,979,055"), ("ScheduleHPart1", "5", "23", "8,032,516"),
                                ("AnalysisOfOperationsAccidentAndHealth", "23", "1", "699,859"),
                                ("AnalysisOfOperationsAccidentAndHealth", "24", "1", "795,337"), ("ScheduleHPart5", "E.1", "13", "10,979,055")])
        // Both blocks' cells of line 2 in one row: the Total (column 1) from the upper block, Long-Term Care (column 23) from the lower.
        let row = try XCTUnwrap(statement.page("ScheduleHPart1")?.row("2"))
        XCTAssertEqual(row.cells.filter { !$0.isBlank }.count, 16)
        XCTAssertEqual(row.cells[22], .amount(printed("91,680,788")))
        XCTAssertEqual(row.cells[25], .notApplicable)
        let ties = ["schedule-h-part-1-general-insurance-expenses-equal-analysis-of-operations": ("ScheduleHPart1", "8", 0, "699,959"),
                    "schedule-h-part-1-taxes-licenses-and-fees-equal-analysis-of-operations": ("AnalysisOfOperationsAccidentAndHealth", "24", 0, "795,437"),
                    "schedule-h-part-1-incurred-claims-equal-part-5": ("ScheduleHPart1", "5", 0, "10,979,155")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// The Form for Calculating the Interest Maintenance Reserve prints two tables that tie to each
    /// other and to the Summary of Operations: the amortization released (IMR line 5) is Summary
    /// of Operations line 4 and the Amortization table's line 1, column 4; the Amortization
    /// table's totals (line 32, columns 1 to 4) are IMR lines 1 to 4. One number changed fails
    /// each tie; the values are Commonwealth 2023's as printed.
    func testAChangedNumberOnTheIMRFailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("InterestMaintenanceReserve", "5", column: "1", blank: .lifeAnnual), .amount(printed("(109,608)")))
        XCTAssertEqual(statement.cell("InterestMaintenanceReserveAmortization", "32", column: "2", blank: .lifeAnnual), .amount(printed("(362,870,594)")))
        XCTAssertEqual(statement.page("InterestMaintenanceReserveAmortization")?.row("31")?.caption, "2053 and Later")
        let ties = ["imr-amortization-equals-summary-of-operations": ("SummaryOfOperations", "4", 0, "(109,708)"),
                    "imr-amortization-equals-amortization-line-1": ("InterestMaintenanceReserveAmortization", "1", 3, "(109,708)"),
                    "imr-reserve-prior-year-equals-amortization-total": ("InterestMaintenanceReserve", "1", 0, "56,407,668"),
                    "imr-capital-gains-equal-amortization-total": ("InterestMaintenanceReserveAmortization", "32", 1, "(362,870,694)"),
                    "imr-liability-gains-equal-amortization-total": ("InterestMaintenanceReserve", "3", 0, "305,298,226"),
                    "imr-balance-before-reduction-equals-amortization-total": ("InterestMaintenanceReserveAmortization", "32", 3, "(1,165,001)")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// A title is found whether or not the filing prints the blank's footnote marker after it
    /// ("... INDIVIDUAL LIFE INSURANCE (a)"): the descriptions' titles carry no marker, and a
    /// printed title may end in one. Forethought 2024's layout text with the markers of the
    /// Analysis of Increase in Reserves and Exhibit 6 titles taken out reads the same pages.
    func testATitleIsFoundWithOrWithoutItsFootnoteMarker() throws {
        let filing = "forethought-life-2024"
        let bytes = try Self.layoutText(filing)
        var text = String(decoding: bytes, as: UTF8.self)
        let titles = ["ANALYSIS OF INCREASE IN RESERVES DURING THE YEAR - INDIVIDUAL LIFE INSURANCE", "EXHIBIT 6 - AGGREGATE RESERVES FOR ACCIDENT AND HEALTH CONTRACTS"]
        for title in titles {
            XCTAssertTrue(text.contains(title + " (a)"), title)
            text = text.replacingOccurrences(of: title + " (a)", with: title)
        }
        let marked = StatementParser.parse(bytes: bytes, name: "\(filing).txt")
        let unmarked = StatementParser.parse(bytes: Array(text.utf8), name: "\(filing).txt")
        for id in ["AnalysisOfIncreaseInReservesIndividualLife", "Exhibit6"] {
            let page = try XCTUnwrap(unmarked.statement.page(id), id)
            XCTAssertEqual(page.rows, marked.statement.page(id)?.rows, id)
            XCTAssertEqual(page.rows.flatMap(\.cells).filter { !$0.isBlank }.count, id == "Exhibit6" ? 25 : 26, id)
        }
    }

    /// A table the blank prints under another schedule's on the same page is still found when
    /// the description does not read the schedule above it: a copy of the annual blank without
    /// Exhibit 2, whose Exhibit 3 says it follows Exhibit 2's title, reads Exhibit 3 as printed
    /// from the PDF and from its layout text, and Exhibit 2's values go nowhere.
    func testATableUnderAScheduleTheDescriptionDoesNotReadIsFound() throws {
        var blank = Blank.lifeAnnual
        blank.pages.removeAll { $0.id == "Exhibit2" }
        let exhibit3 = try XCTUnwrap(blank.pages.firstIndex { $0.id == "Exhibit3" })
        blank.pages[exhibit3].follows = ["EXHIBIT 2 - GENERAL EXPENSES"]
        let filing = "forethought-life-2024"
        let fromPDF = try StatementParser.parse(fileAt: Self.pdfPath(filing), blank: blank)
        let fromText = StatementParser.parse(bytes: try Self.layoutText(filing), name: "\(filing).txt", blank: blank)
        for result in [fromPDF, fromText] {
            XCTAssertNil(result.statement.page("Exhibit2"))
            try assertValuesAsPrinted(result.statement, filing, source: filing, files: ["exhibit-3"], pages: ["Exhibit3"], atLeast: 20)
        }
        var unfollowed = blank
        unfollowed.pages[exhibit3].follows = nil
        XCTAssertNil(StatementParser.parse(bytes: try Self.layoutText(filing), name: "\(filing).txt", blank: unfollowed).statement.page("Exhibit3"))
    }

    /// Exhibit 3's totals repeat on three other pages: its unpaid taxes at the end of the year
    /// and of the prior year on the Liabilities page (line 14, columns 1 and 2), its insurance
    /// taxes incurred (line 7, columns 1 + 2 + 3 + 5) in the Summary of Operations (line 24), and
    /// its investment taxes incurred (line 7, column 4) in the Exhibit of Net Investment Income
    /// (line 12). One number changed fails each tie; the values are Commonwealth 2023's as printed.
    func testAChangedNumberOnExhibit3FailsItsTies() throws {
        let checker = try XCTUnwrap(Checker.shared(for: .lifeAnnual))
        let statement = try parse("commonwealth-annuity-2023").statement
        XCTAssertEqual(statement.cell("Exhibit3", "9", column: "6", blank: .lifeAnnual), .amount(printed("(1,194,341)")))
        XCTAssertEqual(statement.cell("Liabilities", "14", column: "1", blank: .lifeAnnual), .amount(printed("(1,194,341)")))
        XCTAssertEqual(statement.cell("SummaryOfOperations", "24", column: "1", blank: .lifeAnnual), .amount(printed("8,183,306")))
        XCTAssertEqual(statement.cell("NetInvestmentIncome", "12", column: "2", blank: .lifeAnnual), .amount(printed("807,258")))
        // Exhibit 4, printed under Exhibit 3: Commonwealth's as printed; Forethought's stamped NONE.
        XCTAssertEqual(statement.cell("Exhibit4", "17", column: "1", blank: .lifeAnnual), .amount(printed("928,835")))
        for filing in ["forethought-life-2024", "forethought-life-2025"] {
            let exhibit4 = try XCTUnwrap(parse(filing).statement.page("Exhibit4"), filing)
            XCTAssertTrue(exhibit4.none, filing)
            XCTAssertFalse(exhibit4.rows.contains { row in row.caption != nil || row.cells.contains { !$0.isBlank } }, filing)
        }
        let ties = ["exhibit-3-unpaid-equals-liabilities": ("Liabilities", "14", 0, "(1,194,441)"),
                    "exhibit-3-unpaid-prior-year-equals-liabilities-prior-year": ("Exhibit3", "8", 5, "568,194"),
                    "exhibit-3-insurance-taxes-equal-summary-of-operations": ("Exhibit3", "7", 1, "263,311"),
                    "exhibit-3-investment-taxes-equal-net-investment-income": ("NetInvestmentIncome", "12", 1, "807,358")]
        try assertEachTieFails(ties, checker: checker, statement: statement)
    }

    /// Each rule holds on `statement`, and fails with one cell changed: rule → (page, line,
    /// column index, the value printed instead).
    func assertEachTieFails(_ ties: [String: (String, String, Int, String)], checker: Checker, statement: Statement) throws {
        for (rule, (pageID, line, column, value)) in ties {
            // Holds as printed, exactly or within the rounding tolerance.
            let status = checker.status(of: rule, on: statement)
            XCTAssertTrue(status == .passed || status == .rounding, "\(rule): \(String(describing: status))")
            var changed = statement
            let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == pageID }, pageID)
            let row = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == line }, "\(pageID) line \(line)")
            changed.pages[page].rows[row].cells[column] = .amount(printed(value))
            XCTAssertEqual(checker.status(of: rule, on: changed), .failed, rule)
        }
    }

    /// A rule checked row by row (a column's arithmetic on every line, or every total line): it
    /// holds as printed, and fails on one row alone once the cell at `pageID`, `line`, column
    /// index `column` prints `value`. Returns that failed result. Only the rule is evaluated.
    @discardableResult
    func assertRowRuleFails(_ rule: String, at pageID: String, _ line: String, _ column: Int, _ value: String,
                            checker: Checker, statement: Statement) throws -> [CheckResult] {
        let restricted = Checker(rules: checker.rules.restricted(to: [rule]))
        XCTAssertFalse(restricted.check(statement).results.contains { $0.status == .failed }, rule)
        var changed = statement
        let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == pageID }, pageID)
        let row = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == line }, "\(pageID) line \(line)")
        changed.pages[page].rows[row].cells[column] = .amount(printed(value))
        let failed = restricted.check(changed).results.filter { $0.status == .failed }
        XCTAssertEqual(failed.count, 1, rule)
        return failed
    }

    /// Each text cell as the filing prints it: page, line, column and the text.
    func assertTexts(_ statement: Statement, _ cells: [(page: String, line: String, column: String, text: String)]) {
        for cell in cells {
            XCTAssertEqual(statement.cell(cell.page, cell.line, column: cell.column, blank: .lifeAnnual), .text(cell.text),
                           "\(cell.page) line \(cell.line) column \(cell.column)")
        }
    }

    /// Each cell as the filing prints it: page, line, column and the printed amount, the column by
    /// its number in `blank` (the 2024 edition unless given).
    func assertCells(_ statement: Statement, _ cells: [(page: String, line: String, column: String, printed: String)], blank: Blank = .lifeAnnual) {
        for cell in cells {
            XCTAssertEqual(statement.cell(cell.page, cell.line, column: cell.column, blank: blank), .amount(printed(cell.printed)),
                           "\(cell.page) line \(cell.line) column \(cell.column)")
        }
    }

    /// A tie whose cells the filing leaves empty on both pages: nothing to compare as printed, and
    /// failed once the cell at `page`, `line`, column index `column` prints 100.
    func assertTieWaitsForAValue(_ rule: String, _ pageID: String, _ line: String, _ column: Int, checker: Checker, statement: Statement) throws {
        XCTAssertEqual(checker.status(of: rule, on: statement), .notEvaluated, rule)
        var changed = statement
        let page = try XCTUnwrap(changed.pages.firstIndex { $0.id == pageID }, pageID)
        let row = try XCTUnwrap(changed.pages[page].rows.firstIndex { $0.line == line }, "\(pageID) line \(line)")
        changed.pages[page].rows[row].cells[column] = .amount(printed("100"))
        XCTAssertEqual(checker.status(of: rule, on: changed), .failed, rule)
    }

    /// PDF → XBRL → statement is the statement read from the PDF; the instance validates.
    func testConvertValidatesAndImportsBackUnchanged() throws {
        for filing in Self.filings {
            let statement = try parse(filing).statement
            let conversion = try Converter.convert(statement, file: "\(filing).xbrl")
            XCTAssertEqual(conversion.validation.map(\.description), [], filing)
            // One numeric fact per amount printed on the pages the fixtures list (XXX marks are not
            // numbers, nor is what a text column prints: Schedule S's NAIC company codes).
            var fourPages = statement
            fourPages.pages = statement.pages.filter { Self.pages.contains($0.id) }
            fourPages.notes = []
            fourPages.interrogatories = []
            let blank = Blank.edition("life-ah-annual", statement.edition ?? 2024)
            let amounts = try Self.expected(filing).filter { item in
                item.column != "caption" && item.column != "code" && !item.line.hasPrefix("footnote")
                    && blank.page(item.page)?.columns.first(where: { $0.number == item.column })?.valueKind != .text
                    && (try? ValueScanner.cell(Substring(item.value)).get())?.amount != nil
            }.count
            // Schedule DB Part C Section 2's year-to-date beginning inventory is the first quarter's
            // (the same item at the same date), and its ending inventory the fourth quarter's: one
            // fact each for two printed cells, in both its columns.
            let repeated = statement.page("ScheduleDBPartCSection2") == nil ? 0 : 4
            XCTAssertEqual(try Converter.convert(fourPages, validate: false).numericFactCount, amounts - repeated, filing)
            // The instance's schemaRef names the edition the statement was read by.
            let edition = try XCTUnwrap(BlankCatalog.bundled.edition(entryPointURL: Self.schemaRef(conversion.instance)), filing)
            XCTAssertEqual(edition.year, statement.edition, filing)
            let imported = FactImporter(blank: edition).importInstance(conversion.instance, name: "\(filing).xbrl")
            XCTAssertEqual(imported.diagnostics.filter { $0.severity == .error }.map(\.description), [], filing)
            XCTAssertEqual(imported.statement, statement, filing)
            let again = try Converter.convert(imported.statement, file: "\(filing).xbrl", validate: false)
            XCTAssertEqual(again.instance, conversion.instance, filing)
        }
    }

    /// The annual blank reuses the quarterly blank's concept names where a line means the
    /// same; a shared name must mean the same kind of item, and the annual taxonomy declares
    /// each pair equivalent with an XBRL essence-alias arc to the quarterly concept.
    func testConceptsSharedWithTheQuarterlyBlankAgree() {
        let annual = TaxonomyModel.of(.lifeAnnual)
        let quarterly = TaxonomyModel.of(.lifeQuarterly)
        var shared = 0
        for concept in annual.concepts where concept.kind == .item {
            guard let other = quarterly.concept(concept.name) else { continue }
            shared += 1
            XCTAssertEqual(concept.type, other.type, concept.name)
            XCTAssertEqual(concept.periodType, other.periodType, concept.name)
            XCTAssertEqual(concept.balance, other.balance, concept.name)
        }
        XCTAssertGreaterThan(shared, 250)
        let writer = TaxonomyWriter(taxonomy: annual)
        XCTAssertEqual(writer.sharedItems().count, shared)
        let definition = String(decoding: writer.definition(), as: UTF8.self)
        XCTAssertEqual(definition.components(separatedBy: "arcrole/essence-alias").count - 1, shared)
        XCTAssertTrue(definition.contains("http://taxonomy.naicxbrl.org/life-ah-quarterly/naiclq-2011.xsd#naiclq_Bonds"))
        XCTAssertTrue(definition.contains("naicla-2024.xsd#naicla_Bonds"))
    }

    func testAMissingPdftotextIsSaidClearly() {
        setenv("NAICXBRL_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        defer { unsetenv("NAICXBRL_PDFTOTEXT") }
        let result = StatementParser.parse(bytes: Array("%PDF-1.4\n%%EOF\n".utf8), name: "x.pdf")
        XCTAssertFalse(result.isUsable)
        XCTAssertTrue(result.diagnostics.contains { $0.code == .io && $0.message.contains("poppler-utils") }, "\(result.diagnostics)")
    }

    /// pdftotext is stopped when it runs past the limit; the statement is refused, nothing hangs.
    func testPdftotextIsStoppedAtTheTimeLimit() throws {
        try Self.requirePdftotext()
        // A millisecond: less than starting the process takes, so every call is stopped, however
        // few pages the PDF's outline asks for.
        setenv("NAICXBRL_PDFTOTEXT_TIMEOUT", "0.001", 1)
        defer { unsetenv("NAICXBRL_PDFTOTEXT_TIMEOUT") }
        let result = try StatementParser.parse(fileAt: Self.pdfPath("forethought-life-2024"))
        XCTAssertFalse(result.isUsable)
        XCTAssertTrue(result.diagnostics.contains { $0.code == .io && $0.message.contains("did not finish within 0.001 s") }, "\(result.diagnostics)")
    }

    func testABrokenPDFIsRefusedWithoutACrash() throws {
        try Self.requirePdftotext()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.pdfPath("forethought-life-2024"))))
        for cut in [8, 4096, bytes.count / 2] {
            let result = StatementParser.parse(bytes: Array(bytes.prefix(cut)), name: "cut.pdf")
            XCTAssertFalse(result.isUsable, "cut at \(cut)")
            XCTAssertTrue(result.diagnostics.contains { $0.severity == .error }, "cut at \(cut)")
        }
    }

    /// A filing may print headings the description does not list (another edition's wording):
    /// they are reported, and neither the amounts nor the rows' captions change.
    func testHeadingsTheDescriptionDoesNotListStayOutOfRows() throws {
        let known = try parse("forethought-life-2024")
        var blank = Blank.lifeAnnual
        guard let index = blank.pages.firstIndex(where: { $0.id == "FiveYearHistoricalData" }) else { return XCTFail("no Five-Year page") }
        blank.pages[index].sections = []
        let result = try StatementParser.parse(fileAt: Self.pdfPath("forethought-life-2024"), blank: blank)
        XCTAssertEqual(result.statement.page("FiveYearHistoricalData"), known.statement.page("FiveYearHistoricalData"))
        let headings = result.diagnostics.filter { $0.message.contains("is read as a heading") }
        XCTAssertTrue(headings.contains { $0.message.contains("Risk-Based Capital Analysis") }, "\(headings)")
        XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning }.map(\.description), [])
    }

    /// Without a printed "NAIC Company Code", the code comes from the pages' bar codes.
    func testCompanyCodeFromTheBarCodes() throws {
        try Self.requirePdftotext()
        let text = String(decoding: try Self.layoutText("forethought-life-2024"), as: UTF8.self)
            .replacingOccurrences(of: "NAIC Company Code", with: "Company")
        let result = StatementParser.parse(text: text, name: "no-code.txt")
        XCTAssertEqual(result.statement.cover.companyCode, "91642")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .coverField && $0.message.contains("bar codes") })
    }

    /// A dollar sign printed apart from its amount stays with the amount, in a PDF's positions
    /// and in layout text.
    func testDollarSignsPrintedApartFromTheAmount() {
        let text = """
        ANNUAL STATEMENT FOR THE YEAR 2024 OF THE Example Life Insurance Company
                                         ASSETS
                                                      1                2                3                4
         1. Bonds (Schedule D) ........... $ ..... 1,236 $ ........... 0 $ ....... 1,236 $ ....... 1,100
        """
        let result = StatementParser.parse(text: text, name: "dollars.txt")
        let row = result.statement.page("Assets")?.row("1")
        XCTAssertEqual(row?.cells, [.amount(printed("1,236"), dollarSign: true), .amount(printed("0"), dollarSign: true),
                                    .amount(printed("1,236"), dollarSign: true), .amount(printed("1,100"), dollarSign: true)])
        XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning }.map(\.description), [])
    }

    /// A quarterly statement laid out by position (a filed quarterly PDF's text) is read by the
    /// quarterly blank's description, with its date from the running header.
    func testAQuarterlyStatementLaidOutByPosition() {
        let text = """
        STATEMENT AS OF JUNE 30, 2011 OF THE Example Life Insurance Company
                                         ASSETS
                                                      1                2                3                4
         1. Bonds .......................... 150,751,734 ......................... 150,751,734 ... 147,520,003
        Example NAIC Group Code 0000 NAIC Company Code 99999
        """
        let result = StatementParser.parse(text: text, name: "quarterly.txt")
        XCTAssertEqual(result.statement.blank, "life-ah-quarterly")
        XCTAssertEqual(result.statement.cover.statementDate, CalendarDate(year: 2011, month: 6, day: 30))
        XCTAssertEqual(result.statement.cover.companyName, "Example Life Insurance Company")
        XCTAssertEqual(result.statement.cover.companyCode, "99999")
        XCTAssertEqual(result.statement.page("Assets")?.row("1")?.cells,
                       [.amount(printed("150,751,734")), .blank, .amount(printed("150,751,734")), .amount(printed("147,520,003"))])
    }

    func testLineNumbersAndLeaders() {
        func number(_ text: String) -> String? {
            PositionedPageReader.lineNumber(PositionedWord(text: text, x0: 0, x1: 10, y0: 0, y1: 1), before: 100)?.line
        }
        XCTAssertEqual(number("1."), "1")
        XCTAssertEqual(number("2.1"), "2.1")
        XCTAssertEqual(number("08.301."), "08.301")
        XCTAssertEqual(number("1.Aggregate"), "1")
        XCTAssertEqual(number("20.0014."), "20.0014")
        XCTAssertNil(number("1,234"))
        XCTAssertNil(number("(Exhibit"))
        XCTAssertEqual(PositionedPageReader.stripLeaders("................447,255,802"), "447,255,802")
        XCTAssertEqual(PositionedPageReader.stripLeaders("liens......."), "liens")
        XCTAssertNil(PositionedPageReader.stripLeaders("..........."))
        XCTAssertEqual(PositionedPageReader.stripLeaders(".M1"), ".M1")
        XCTAssertEqual(PositionedPageReader.stripLeaders(".10,025,912,106"), "10,025,912,106")
        XCTAssertEqual(PositionedPageReader.stripLeaders("U.S."), "U.S.")
        XCTAssertEqual(PositionedPageReader.stripLeaders("..Québec.."), "Québec")
        XCTAssertEqual(PositionedPageReader.stripLeaders("..$"), "$")
        XCTAssertEqual(PositionedPageReader.stripLeaders("XXX.............."), "XXX")
        XCTAssertEqual(PositionedPageReader.stripLeaders("Inc."), "Inc.")
        for marker in ["(a)", "(e)", "(e,f)"] { XCTAssertTrue(PositionedPageReader.isFootnoteMarker(marker), marker) }
        for word in ["()", "(E)", "(ab)", "(1)", "(e,)", "(1,234)", "a"] { XCTAssertFalse(PositionedPageReader.isFootnoteMarker(word), word) }
    }

    /// The page numbers a blank prints in a margin or at a page's foot ("2", "6.3", "24.GT"; "S102"
    /// is not one: it names a schedule's page, and is printed as text) against words that are not.
    func testPageNumbers() {
        for number in ["2", "6.3", "5.1", "24.01", "10.1.1", "24.GT", "24.1.GT", "24.1.MA"] { XCTAssertTrue(PositionedPageReader.isPageNumber(number), number) }
        for word in ["", ".", ".5", "1,234", "S102", "GT", "24.Total", "24.gt", "1234567", "(a)"] { XCTAssertFalse(PositionedPageReader.isPageNumber(word), word) }
    }

    /// A page title is found on one line or over two or three, and a title that another schedule
    /// prints too is no page of the description when that schedule's line stands under it
    /// (the Asset Valuation Reserve's component pages), whichever way the title is printed.
    func testPageTitlesOnOneOrSeveralLinesAndOtherSchedulesUnderThem() throws {
        let blank = Blank.lifeAnnual
        let titles = blank.pages.map { (key: Text.key($0.title), id: $0.id) }
        func lines(_ texts: String...) -> [PositionedLine] {
            texts.enumerated().map { index, text in
                PositionedLine(words: text.split(separator: " ").map { PositionedWord(text: String($0), x0: 0, x1: 1, y0: 0, y1: 1) }, number: index + 1)
            }
        }
        func title(_ lines: [PositionedLine]) -> (id: String?, last: Int)? {
            LayoutReader.title(in: lines, at: 0, titles: titles, blank: blank)
        }
        let avr = try XCTUnwrap(blank.page("AssetValuationReserve"))
        let other = try XCTUnwrap(avr.otherSchedulesUnderTitle?.first)
        XCTAssertEqual(title(lines(avr.title, "DEFAULT COMPONENT"))?.id, "AssetValuationReserve")
        XCTAssertEqual(title(lines(avr.title, "DEFAULT COMPONENT"))?.last, 0)
        let component = try XCTUnwrap(title(lines(avr.title, other)))
        XCTAssertNil(component.id)
        XCTAssertEqual(component.last, 0)
        // Exhibit 8 Part 1's title over two lines, then with another schedule's line under it.
        let exhibit8 = try XCTUnwrap(blank.page("Exhibit8Part1")).title
        let words = exhibit8.split(separator: " ")
        let first = words.prefix(words.count / 2).joined(separator: " "), second = words.dropFirst(words.count / 2).joined(separator: " ")
        XCTAssertEqual(title(lines(first, second, "1 2 3"))?.id, "Exhibit8Part1")
        XCTAssertEqual(title(lines(first, second, "1 2 3"))?.last, 1)
        var withOther = blank
        let index = try XCTUnwrap(withOther.pages.firstIndex { $0.id == "Exhibit8Part1" })
        withOther.pages[index].otherSchedulesUnderTitle = ["SOME OTHER TABLE"]
        let found = LayoutReader.title(in: lines(first, second, "SOME OTHER TABLE"), at: 0, titles: titles, blank: withOther)
        XCTAssertNil(found?.id)
        XCTAssertEqual(found?.last, 1)
        XCTAssertNil(title(lines("NOT A TITLE OF THE BLANK", "AT ALL")))
    }

    /// The entry point an instance's schemaRef names.
    static func schemaRef(_ instance: [UInt8]) -> String {
        let text = String(decoding: instance.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "<link:schemaRef "), let href = text[start.upperBound...].range(of: "xlink:href=\""),
              let end = text[href.upperBound...].firstIndex(of: "\"") else { return "" }
        return String(text[href.upperBound..<end])
    }
}
