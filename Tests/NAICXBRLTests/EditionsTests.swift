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

/// Editions of a blank: the catalog, the choice of edition by the statement's year, stable
/// concepts, the taxonomy's entry points, and caption verification that keeps a value from being
/// filed under a line whose caption it does not print.
final class EditionsTests: XCTestCase {
    static let annual2025 = Fixture.root.appendingPathComponent("Fixtures/annual/forethought-life-2025-annual.pdf").path

    func testEveryEditionResolvesAndItsRulesCompile() throws {
        let catalog = BlankCatalog.bundled
        XCTAssertEqual(catalog.ids, ["life-ah-quarterly", "life-ah-annual"])
        XCTAssertEqual(catalog.years(of: "life-ah-annual"), [2023, 2024, 2025])
        XCTAssertEqual(catalog.years(of: "life-ah-quarterly"), [2011])
        for blank in try catalog.allEditions() {
            XCTAssertEqual(blank.entryPoint, "\(blank.namespacePrefix)-\(blank.year).xsd")
            let rules = try XCTUnwrap(try CheckRuleSet.bundled(for: blank), blank.editionKey)
            XCTAssertFalse(rules.rules.isEmpty)
            // Every line number is printed once per page.
            for page in blank.pages {
                XCTAssertEqual(Set(page.lines.map(\.line)).count, page.lines.count, "\(blank.editionKey) \(page.id)")
            }
        }
    }

    /// A statement's year picks its edition; a year without one takes the nearest earlier
    /// edition, with a warning.
    func testTheYearChoosesTheEdition() {
        XCTAssertEqual(Fixture.reference.statement.edition, 2011)
        XCTAssertFalse(Fixture.reference.diagnostics.contains { $0.code == .edition })
        let later = Fixture.referenceText.replacingOccurrences(of: "JUNE 30, 2011", with: "JUNE 30, 2013")
        let result = StatementParser.parse(text: later, name: "2013.txt")
        XCTAssertEqual(result.statement.edition, 2011)
        XCTAssertEqual(result.diagnostics.filter { $0.code == .edition }.map(\.severity), [.warning])
        XCTAssertEqual(BlankCatalog.bundled.edition(of: "life-ah-annual", for: 2026)?.blank.year, 2025)
        XCTAssertEqual(BlankCatalog.bundled.edition(of: "life-ah-annual", for: 2026)?.exact, false)
        XCTAssertEqual(BlankCatalog.bundled.edition(of: "life-ah-annual", for: 2024)?.exact, true)
    }

    /// A line that means the same in two editions is one concept whatever its number; a removed
    /// line's concept is not in the later edition's taxonomy; no concept name carries a line number.
    func testConceptsAreStableAcrossEditions() throws {
        let y2024 = Blank.edition("life-ah-annual", 2024), y2025 = Blank.edition("life-ah-annual", 2025)
        let five2024 = try XCTUnwrap(y2024.page("FiveYearHistoricalData")), five2025 = try XCTUnwrap(y2025.page("FiveYearHistoricalData"))
        XCTAssertEqual(five2024.line("52")?.caption, "Total nonadmitted assets (Page 2, Line 28, Col. 2)")
        XCTAssertEqual(five2025.line("51")?.caption, "Total nonadmitted assets (Page 2, Line 28, Col. 2)")
        XCTAssertEqual(five2024.line("52")?.concept, five2025.line("51")?.concept)
        XCTAssertEqual(five2025.line("52")?.concept, "FiveYearNonadmittedAndAdmittedAssetsTotalAdmittedAssets")
        let removed = try XCTUnwrap(five2024.line("47")?.concept)
        XCTAssertNotNil(TaxonomyModel.of(y2024).concept(removed))
        XCTAssertNil(TaxonomyModel.of(y2025).concept(removed))
        XCTAssertEqual(y2024.namespace, y2025.namespace)
        for blank in BlankCatalog.bundledEditions {
            for concept in TaxonomyModel.of(blank).concepts {
                // Write-in detail lines are numbered by the blank's write-in scheme (2501, 2502).
                if concept.name.contains("WriteIn") || concept.name.hasPrefix("ScheduleTLine") { continue }
                XCTAssertNil(concept.name.range(of: #"Lines?\d"#, options: .regularExpression), "\(blank.editionKey): \(concept.name)")
            }
        }
    }

    /// `blanks diff life-ah-annual 2024 2025`, checked against the two printed Five-Year pages.
    func testTheFiveYearRenumberingOf2025() throws {
        let diff = EditionDiff(from: Blank.edition("life-ah-annual", 2024), to: Blank.edition("life-ah-annual", 2025))
        let five = try XCTUnwrap(diff.pages.first { $0.page == "FiveYearHistoricalData" })
        XCTAssertEqual(five.lines.filter { $0.kind == .removed }.map(\.from), ["47"])
        let renumbered = five.lines.filter { $0.kind == .renumbered }
        // Lines 48 to 117 of 2024 are 47 to 116 of 2025.
        XCTAssertEqual(renumbered.map(\.from), (48...117).map(String.init))
        XCTAssertEqual(renumbered.map(\.to), (47...116).map(String.init))
        XCTAssertEqual(five.lines.filter { $0.kind == .recaptioned }.map(\.to), ["44", "45", "46"])
        XCTAssertEqual(renumbered.first { $0.to == "49" }?.newCaption, "Total of above Lines 44 to 48")
        XCTAssertEqual(renumbered.first { $0.to == "56" }?.newCaption, "Total of above Lines 53, 54 and 55")
        XCTAssertFalse(diff.pages.contains { $0.page == "Assets" || $0.page == "Liabilities" })
        XCTAssertTrue(diff.text.contains("removed     line 47 \"Affiliated short-term investments"))
        // Schedule T is printed on page 50 of the 2024 filing and page 56 of the 2025 filing, its
        // Part 2 on 51 and 57.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleT" }?.printedPage, EditionDiff.PrintedPageChange(from: "50", to: "56"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleTPart2" }?.printedPage, EditionDiff.PrintedPageChange(from: "51", to: "57"))
        // Schedule E Part 2's verification is printed on SI15 in 2024 and on SI21 in 2025.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart2Verification" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI15", to: "SI21"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleDAVerification" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI10", to: "SI16"))
        // Schedule DB Part A's verification moves from SI11 to SI17 and Schedule DB's from SI14 to
        // SI20; Schedule D's verification
        // (SI03 -> SI04) and Summary by Country (SI04 -> SI05) are pages the edition prints anew.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleDBPartAVerification" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI11", to: "SI17"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleDSummaryByCountry" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI04", to: "SI05"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleDBVerification" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI14", to: "SI20"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart3" }?.printedPage, EditionDiff.PrintedPageChange(from: "E29", to: "E30"))
        // Schedule DB Part C's sections move from SI12 and SI13 to SI18 and SI19, Schedule Y's Parts
        // 1A, 2 and 3 from 53, 54 and 55 to 59, 60 and 61.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleDBPartCSection1" }?.printedPage, EditionDiff.PrintedPageChange(from: "SI12", to: "SI18"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleYPart2" }?.printedPage, EditionDiff.PrintedPageChange(from: "54", to: "60"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleYPart3" }?.printedPage, EditionDiff.PrintedPageChange(from: "55", to: "61"))
        // Schedule E Part 1 (and the month-end balances under it) from E27 to E28.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart1" }?.printedPage, EditionDiff.PrintedPageChange(from: "E27", to: "E28"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart1MonthEndBalances" }?.printedPage, EditionDiff.PrintedPageChange(from: "E27", to: "E28"))
        // Schedule E Part 2 (and its footnote by NAIC designation) from E28 to E29.
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart2" }?.printedPage, EditionDiff.PrintedPageChange(from: "E28", to: "E29"))
        XCTAssertEqual(diff.pages.first { $0.page == "ScheduleEPart2DesignationFootnote" }?.printedPage, EditionDiff.PrintedPageChange(from: "E28", to: "E29"))
        XCTAssertEqual(diff.pages.compactMap(\.printedPage).count, 18)
        XCTAssertTrue(diff.text.contains("printed page 50 -> 56"))
    }

    /// The 2025 filing is read by the 2025 edition: values printed on its Five-Year page are under
    /// the concepts whose captions they print.
    func testThe2025FilingIsReadByItsEdition() throws {
        try AnnualStatementTests.requirePdftotext()
        let result = try Fixture.parsedPDF(Self.annual2025)
        let statement = result.statement
        XCTAssertEqual(statement.edition, 2025)
        XCTAssertEqual(result.diagnostics.filter { $0.code == .misplacedRow || $0.code == .edition }.map(\.description), [])
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "51", column: "1"), .amount(printed("32,919,642")))
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "52", column: "1"), .amount(printed("73,015,640,601")))
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "52", column: "2"), .amount(printed("60,160,298,146")))
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "49", column: "1"), .amount(printed("18,397,522,438")))
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "56", column: "1"), .amount(printed("3,350,143,198")))
        XCTAssertEqual(statement.cell("FiveYearHistoricalData", "116", column: "1"), .amount(printed("(645,229,801)")))
        XCTAssertNil(statement.page("FiveYearHistoricalData")?.row("117"))

        let conversion = try Converter.convert(statement, file: "2025.xbrl")
        XCTAssertEqual(conversion.validation.map(\.description), [])
        let instance = String(decoding: conversion.instance, as: UTF8.self)
        XCTAssertTrue(instance.contains("http://taxonomy.naicxbrl.org/life-ah-annual/naicla-2025.xsd"))
        let admitted = conversion.facts.filter { $0.concept == "FiveYearNonadmittedAndAdmittedAssetsTotalAdmittedAssets" }
        XCTAssertTrue(admitted.contains { amount($0) == printed("73,015,640,601") })
        let nonadmitted = conversion.facts.filter { $0.concept == "FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets" }
        XCTAssertFalse(nonadmitted.contains { amount($0) == printed("73,015,640,601") })
        XCTAssertTrue(nonadmitted.contains { amount($0) == printed("32,919,642") })

        // The crosschecks find no difference that a misplaced line would cause.
        let report = try XCTUnwrap(Checker.bundled(for: Blank.edition("life-ah-annual", 2025))).check(statement)
        let fiveYear = report.results.filter { $0.rule.hasPrefix("five-year-line-") && $0.status == .failed }
        XCTAssertEqual(fiveYear.map(\.rule), [])

        // The instance names its edition, and imports back to the same statement.
        let edition = try XCTUnwrap(BlankCatalog.bundled.edition(entryPointURL: AnnualStatementTests.schemaRef(conversion.instance)))
        let imported = FactImporter(blank: edition).importInstance(conversion.instance, name: "2025.xbrl")
        XCTAssertEqual(imported.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(imported.statement, statement)
    }

    /// Read by the 2024 edition (as a filing of a year with no edition of its own would be read by
    /// the nearest earlier one), the 2025 filing's renumbered Five-Year rows are errors, not values
    /// under the 2024 line numbers' concepts.
    func testAnEarlierEditionNeverFilesRenumberedRows() throws {
        try AnnualStatementTests.requirePdftotext()
        let result = try StatementParser.parse(fileAt: Self.annual2025, blank: Blank.edition("life-ah-annual", 2024))
        let five = try XCTUnwrap(result.statement.page("FiveYearHistoricalData"))
        let misplaced = result.diagnostics.filter { $0.code == .misplacedRow }
        XCTAssertGreaterThan(misplaced.count, 40)
        XCTAssertTrue(misplaced.allSatisfy { $0.severity == .error && ($0.message.hasPrefix("FIVE-YEAR HISTORICAL DATA line ") || $0.message.hasPrefix("SUMMARY INVESTMENT SCHEDULE line ")
                                                                      || $0.message.hasPrefix("ASSET VALUATION RESERVE BASIC CONTRIBUTION")
                                                                      || $0.message.hasPrefix("SCHEDULE D - SUMMARY BY COUNTRY line ")
                                                                      || $0.message.hasPrefix("SCHEDULE D - VERIFICATION BETWEEN YEARS line ")
                                                                      || $0.message.hasPrefix("SCHEDULE E - PART 2 - CASH EQUIVALENTS line ")) },
                      "\(misplaced.map(\.message).filter { !$0.hasPrefix("FIVE-YEAR") && !$0.hasPrefix("SUMMARY INVESTMENT") && !$0.hasPrefix("ASSET VALUATION") })")
        // The 2025 blank's AVR default component leaves line 8 blank ("Intentionally left blank"),
        // where 2024's has unrated multi-class securities: not filed under 2024's item.
        XCTAssertTrue(misplaced.contains { $0.message.contains("DEFAULT COMPONENT line 8 prints the caption \"Intentionally left blank") }, "\(misplaced.map(\.message))")
        XCTAssertNil(result.statement.page("AssetValuationReserveDefaultComponent")?.row("8"))
        // The Summary Investment Schedule's bonds are issuer credit obligations and asset-backed
        // securities in 2025: none of them is filed under 2024's long-term bonds.
        XCTAssertTrue(misplaced.contains { $0.message.hasPrefix("SUMMARY INVESTMENT SCHEDULE line 1.01 prints the caption \"U.S. government obligations\"") })
        XCTAssertNil(result.statement.page("SummaryInvestmentSchedule")?.row("1.01"))
        // Schedule E Part 2's 0509999999 is the total of issuer credit obligations in 2025, the
        // total of U.S. States' bonds in 2024: not filed there; and the lines 2024 does not have are
        // refused with the bonds above them.
        XCTAssertTrue(misplaced.contains { $0.message.hasPrefix("SCHEDULE E - PART 2 - CASH EQUIVALENTS line 0509999999 prints the caption \"Total - issuer credit obligations\"") })
        XCTAssertNil(result.statement.page("ScheduleEPart2")?.row("0509999999"))
        XCTAssertFalse(result.statement.page("ScheduleEPart2")?.rows.contains { $0.line.hasPrefix("00") } ?? true)
        // 2025's line 52 is total admitted assets; 2024's line 52 is total nonadmitted assets.
        XCTAssertNil(five.row("52"))
        XCTAssertTrue(misplaced.contains { $0.message.contains("line 52 prints the caption \"Total admitted assets") })
        // Lines 1 to 46 are the same in both editions, and are read.
        XCTAssertEqual(result.statement.cell("FiveYearHistoricalData", "21", column: "1", blank: Blank.edition("life-ah-annual", 2024)),
                       result.statement.page("FiveYearHistoricalData")?.row("21")?.cells.first)
        XCTAssertNotNil(five.row("46"))
        let facts = try Converter.convert(result.statement, blank: Blank.edition("life-ah-annual", 2024), validate: false).facts
        XCTAssertFalse(facts.contains { $0.concept == "FiveYearNonadmittedAndAdmittedAssetsTotalNonadmittedAssets" && amount($0) == printed("73,015,640,601") })
    }

    /// Two captions swapped on the Five-Year page of the 2025 filing (its text as `pdftotext -layout`
    /// gives it): both rows are errors naming their lines, and neither value is filed.
    func testSwappedCaptionsAreNotFiled() throws {
        try AnnualStatementTests.requirePdftotext()
        let tool = try XCTUnwrap(PDFText.toolPath())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", Self.annual2025, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        let nonadmitted = "Total nonadmitted assets (Page 2, Line 28, Col. 2)"
        let admitted = "Total admitted assets (Page 2, Line 28, Col. 3)"
        XCTAssertEqual(text.components(separatedBy: nonadmitted).count, 2)
        text = text.replacingOccurrences(of: nonadmitted, with: "@@1").replacingOccurrences(of: admitted, with: nonadmitted)
            .replacingOccurrences(of: "@@1", with: admitted)
        let result = StatementParser.parse(text: text, name: "swapped.txt")
        let errors = result.diagnostics.filter { $0.code == .misplacedRow }
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertTrue(errors.allSatisfy { $0.severity == .error && $0.line != nil })
        XCTAssertTrue(errors.contains { $0.message.contains("FIVE-YEAR HISTORICAL DATA line 51") && $0.message.contains("line 52 of the 2025 edition") })
        XCTAssertTrue(errors.contains { $0.message.contains("FIVE-YEAR HISTORICAL DATA line 52") && $0.message.contains("line 51 of the 2025 edition") })
        XCTAssertNil(result.statement.page("FiveYearHistoricalData")?.row("51"))
        XCTAssertNil(result.statement.page("FiveYearHistoricalData")?.row("52"))
        let facts = try Converter.convert(result.statement, validate: false).facts
        XCTAssertFalse(facts.contains { $0.concept.hasPrefix("FiveYearNonadmittedAndAdmittedAssets") })
        XCTAssertTrue(facts.contains { $0.concept == "FiveYearInvestmentDataTotal" })
    }

    private func amount(_ fact: Fact) -> Amount? {
        if case .amount(let amount, _) = fact.value { return amount }
        return nil
    }

    /// The same in the tab-separated rendering: a caption moved to another line number.
    func testAMovedCaptionInTheTextRenderingIsNotFiled() throws {
        let lines = Fixture.referenceText.components(separatedBy: "\n")
        let bonds = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1. Bonds\t") })
        var moved = lines
        // Line 1 of the Assets page printed with the caption of line 6 (contract loans).
        moved[bonds] = lines[bonds].replacingOccurrences(of: "Bonds", with: "Contract loans (including \\$ premium notes)")
        let result = StatementParser.parse(text: moved.joined(separator: "\n"), name: "moved.txt")
        let errors = result.diagnostics.filter { $0.code == .misplacedRow }
        XCTAssertEqual(errors.map(\.line), [bonds + 1], "\(errors)")
        XCTAssertEqual(errors.first?.severity, .error)
        XCTAssertNil(result.statement.page("Assets")?.row("1"))
        XCTAssertNotNil(Fixture.reference.statement.page("Assets")?.row("1"))
    }

    /// Wording that differs only in cross-references, punctuation or abbreviations is the line's own.
    func testEquivalentWordingIsPlaced() {
        let page = Blank.edition("life-ah-annual", 2024).page("FiveYearHistoricalData")!
        let verifier = CaptionVerifier(page)
        let index = page.lines.firstIndex { $0.line == "52" }!
        XCTAssertEqual(verifier.verdict(printed: "Total non-admitted assets (Page 2, Line 28, Column 2)", line: index), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Total nonadmitted assets (Page 2, Line 27, Col. 2)", line: index), .equivalent)
        let admitted = page.lines.firstIndex { $0.line == "53" }!
        XCTAssertEqual(verifier.verdict(printed: "Total admitted assets (Page 2, Line 28, Col. 3)", line: index), .otherLine(admitted))
        XCTAssertEqual(verifier.verdict(printed: "Premiums collected from policyholders", line: index), .noLine)
    }

    /// A long word of the caption misprinted by one letter (Schedule S Part 8's line 17, "Exempt
    /// oligations", in Forethought's 2025 filing) is still its line's caption; two letters, or a
    /// short word, are not. The misprint is read against the line the row's number names only.
    func testACaptionWithAWordMisprintedByOneLetterIsItsLines() {
        let page = Blank.edition("life-ah-annual", 2025).page("ScheduleSPart8")!
        let verifier = CaptionVerifier(page)
        let seventeen = page.lines.firstIndex { $0.line == "17" }!
        XCTAssertEqual(page.lines[seventeen].caption, "Exempt obligations")
        XCTAssertEqual(verifier.verdict(printed: "Exempt oligations", line: seventeen), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Exempt obligaitons", line: seventeen), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Exempt obliggations", line: seventeen), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Exempt oigations", line: seventeen), .noLine)
        XCTAssertEqual(verifier.verdict(printed: "Exempt oblgtions", line: seventeen), .noLine)
        let highest = page.lines.firstIndex { $0.line == "26" }!
        XCTAssertEqual(verifier.verdict(printed: "Highest qualty", line: highest), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Highest quality", line: highest), .equivalent)
        XCTAssertTrue(CaptionVerifier.oneLetterApart(Array("oligations".utf8), Array("obligations".utf8)))
        XCTAssertTrue(CaptionVerifier.oneLetterApart(Array("obligatoins".utf8), Array("obligations".utf8)))
        XCTAssertTrue(CaptionVerifier.oneLetterApart(Array("obligatiojs".utf8), Array("obligations".utf8)))
        XCTAssertFalse(CaptionVerifier.oneLetterApart(Array("obligations".utf8), Array("obligations".utf8)))
        XCTAssertFalse(CaptionVerifier.oneLetterApart(Array("oblgations".utf8), Array("obligatons".utf8)))
        XCTAssertFalse(CaptionVerifier.oneLetterApart(Array("unaffiliated".utf8), Array("affiliated".utf8)))
    }

    /// A caption that holds an amount its line's caption does not ("Industrial and miscellaneous
    /// 15,483,927,264": a value a layout left among the caption's words) is no line's: the row is
    /// not placed, so none of its values is filed in a column the layout did not show it in. An
    /// amount the blank's caption prints, or a number that is not an amount, is still the caption's.
    func testACaptionHoldingAnAmountIsNoLine() {
        let page = Blank.edition("life-ah-annual", 2024).page("SummaryInvestmentSchedule")!
        let verifier = CaptionVerifier(page)
        let index = page.lines.firstIndex { $0.line == "1.06" }!
        XCTAssertEqual(verifier.verdict(printed: "Industrial and miscellaneous 15,483,927,264", line: index), .noLine)
        XCTAssertEqual(verifier.verdict(printed: "Industrial and miscellaneous (15,483,927)", line: index), .noLine)
        XCTAssertEqual(verifier.verdict(printed: "Industrial and miscellaneous .", line: index), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Industrial & miscellaneous 2024", line: index), .equivalent)
        // The next row's start merged into this row's caption (its number, with its period, and
        // its small amounts): no line's.
        let country = Blank.edition("life-ah-annual", 2024).page("ScheduleDSummaryByCountry")!
        let seventeen = country.lines.firstIndex { $0.line == "17" }!
        XCTAssertEqual(CaptionVerifier(country).verdict(printed: "Totals Parent, Subsidiaries and Affiliates 18. Totals 4 4 4", line: seventeen), .noLine)
        XCTAssertEqual(CaptionVerifier(country).verdict(printed: "Totals.", line: seventeen), .equivalent)
        XCTAssertFalse(CaptionVerifier.holdsLineNumber("Total (Lines 1 to 11.)", of: ["1", "11", "12"], own: "12", caption: "Total (Lines 1 to 11.)"))
        XCTAssertTrue(CaptionVerifier.holdsStrayAmount("Total 1,234.56", caption: "Total"))
        XCTAssertFalse(CaptionVerifier.holdsStrayAmount("Policies over $1,000,000", caption: "Policies over $1,000,000"))
        XCTAssertFalse(CaptionVerifier.holdsStrayAmount("Lines 1,2 and 3", caption: "Lines 1 and 3"))
        // The one predicate the caption check and the layout-text reader share.
        XCTAssertEqual(ValueScanner.groupedAmount(in: "(1,117,497)"), "1,117,497")
        XCTAssertEqual(ValueScanner.groupedAmount(in: "$1,000."), "1,000")
        XCTAssertEqual(ValueScanner.groupedAmount(in: "15,483,927,264,"), "15,483,927,264")
        XCTAssertEqual(ValueScanner.groupedAmount(in: "4,933,708.07"), "4,933,708.07")
        XCTAssertNil(ValueScanner.groupedAmount(in: "12,34"))
        XCTAssertNil(ValueScanner.groupedAmount(in: "1234"))
        XCTAssertNil(ValueScanner.groupedAmount(in: "2021-2024,"))
    }

    /// A caption printed without spaces (a font without a Unicode map, read by OCR) is compared
    /// letter by letter: its own line's, with a few letters misread, and another line's.
    func testACaptionWithoutSpacesIsComparedByItsLetters() {
        let page = Blank.edition("life-ah-annual", 2024).page("FiveYearHistoricalData")!
        let verifier = CaptionVerifier(page)
        let index = page.lines.firstIndex { $0.line == "52" }!
        XCTAssertEqual(verifier.verdict(printed: "Totalnon-admittedassets(Page2,Line28,Column2)", line: index), .equivalent)
        XCTAssertEqual(verifier.verdict(printed: "Tota1nonadmittedasscts(Page2,Line28,Co1umn2)", line: index), .equivalent)
        let admitted = page.lines.firstIndex { $0.line == "53" }!
        XCTAssertEqual(verifier.verdict(printed: "Totaladmittedassets(Page2,Line28,Column3)", line: index), .otherLine(admitted))
        XCTAssertEqual(verifier.verdict(printed: "Premiumscollectedfrompolicyholders", line: index), .noLine)
    }

    /// A blank is registered with data alone: a copy of a description under a new id, and a
    /// catalog that lists it, read the reference statement and convert it to a valid instance.
    func testABlankIsAddedAsData() throws {
        var files = BundledBlankData.decodedFiles
        let quarterly = String(decoding: try XCTUnwrap(files["life-ah-quarterly.json"]), as: UTF8.self)
        files["test-copy.json"] = Array(quarterly.replacingOccurrences(of: "\"id\": \"life-ah-quarterly\"", with: "\"id\": \"test-copy\"")
            .replacingOccurrences(of: "http://taxonomy.naicxbrl.org/life-ah-quarterly", with: "http://taxonomy.naicxbrl.org/test-copy").utf8)
        files["catalog.json"] = Array("""
            {"blanks": [{"id": "test-copy", "description": "test-copy.json", "editions": [{"year": 2011}]}]}
            """.utf8)
        let catalog = try BlankCatalog(files: files)
        XCTAssertEqual(catalog.ids, ["test-copy"])
        let blank = try catalog.blank("test-copy", year: 2011)
        XCTAssertEqual(blank.entryPoint, "naiclq-2011.xsd")
        let result = StatementParser.parse(text: Fixture.referenceText, name: "copy.txt", blank: blank)
        XCTAssertEqual(result.statement.blank, "test-copy")
        XCTAssertEqual(result.statement.page("Assets")?.row("1")?.cells.first, .amount(printed("150,751,734")))
        let conversion = try Converter.convert(result.statement, blank: blank, file: "copy.xbrl")
        XCTAssertEqual(conversion.validation.map(\.description), [])
        XCTAssertTrue(String(decoding: conversion.instance, as: UTF8.self).contains("http://taxonomy.naicxbrl.org/test-copy/naiclq-2011.xsd"))
        // A catalog that names a missing file, or an edition of changes that do not apply, is refused.
        files["catalog.json"] = Array(#"{"blanks": [{"id": "test-copy", "description": "nowhere.json", "editions": [{"year": 2011}]}]}"#.utf8)
        XCTAssertThrowsError(try BlankCatalog(files: files))
        files["catalog.json"] = Array(#"{"blanks": [{"id": "test-copy", "description": "test-copy.json", "editions": [{"year": 2011}, {"year": 2012, "changes": "bad.json"}]}]}"#.utf8)
        files["bad.json"] = Array(#"{"blank": "test-copy", "year": 2012, "base": 2011, "pages": [{"page": "Assets", "removed": ["999"]}]}"#.utf8)
        XCTAssertThrowsError(try BlankCatalog(files: files).blank("test-copy", year: 2012)) { error in
            XCTAssertTrue("\(error)".contains("no line 999"), "\(error)")
        }
        // Nor is such a catalog listed without it: listing every edition, or every blank, fails with its error.
        XCTAssertThrowsError(try BlankCatalog(files: files).allEditions()) { error in
            XCTAssertTrue("\(error)".contains("no line 999"), "\(error)")
        }
        XCTAssertThrowsError(try BlankCatalog(files: files).listing())
        // An edition that does not print a page drops it; a rule that names the page must go too.
        files["catalog.json"] = Array(#"{"blanks": [{"id": "test-copy", "description": "test-copy.json", "checks": "life-ah-quarterly-checks.json", "editions": [{"year": 2011}, {"year": 2012, "changes": "bad.json"}]}]}"#.utf8)
        files["bad.json"] = Array(#"{"blank": "test-copy", "year": 2012, "base": 2011, "pages": [{"page": "Assets", "dropped": true}]}"#.utf8)
        let withoutAssets = try BlankCatalog(files: files)
        let edition = try withoutAssets.blank("test-copy", year: 2012)
        XCTAssertNil(edition.page("Assets"))
        XCTAssertNotNil(edition.page("Liabilities"))
        XCTAssertThrowsError(try withoutAssets.checkRuleFile(for: edition)) { error in
            XCTAssertTrue("\(error)".contains("names Assets, which this edition does not print"), "\(error)")
        }
    }

    /// A table printed across pages gives its first and last page numbers ("SI05-SI07"): each page
    /// between prints its own, which is no caption or value.
    func testAPageRangePrintsEachOfItsPageNumbers() {
        var page = PageDescription(id: "P", title: "P", columns: [], lines: [])
        page.printedPage = "SI05-SI07"
        XCTAssertEqual(["SI05", "SI06", "SI07", "SI04", "SI08", "SI5", "S106", "SI05-SI07", ""].map(page.printsPageNumber), [true, true, true, false, false, false, false, true, false])
        page.printedPage = "22-23"
        XCTAssertEqual(["22", "23", "21", "24", "2"].map(page.printsPageNumber), [true, true, false, false, false])
        page.printedPage = "SI01"
        XCTAssertEqual(["SI01", "SI02"].map(page.printsPageNumber), [true, false])
    }

    /// A line whose amount is printed on another line's row (a verification's "2. Cost of
    /// acquired:" on the row of 2.2) names a line of its page, on a page of one unnumbered column;
    /// the catalog refuses anything else with an error naming the place.
    func testAnAmountOnAnotherRowNamesALineOfAOneColumnPage() throws {
        var blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let index = try XCTUnwrap(blank.pages.firstIndex { $0.id == "ScheduleBVerification" })
        XCTAssertNoThrow(try BlankCatalog.checkCells(of: blank, file: "test.json"))
        XCTAssertEqual(blank.pages[index].line("2")?.amountOnRowOf, "2.2")
        var missing = blank
        let two = try XCTUnwrap(missing.pages[index].lines.firstIndex { $0.line == "2" })
        missing.pages[index].lines[two].amountOnRowOf = "2.9"
        XCTAssertThrowsError(try BlankCatalog.checkCells(of: missing, file: "test.json")) { error in
            XCTAssertEqual((error as? BlankCatalogError)?.message,
                           "test.json: ScheduleBVerification line 2: its amount is printed on the row of line 2.9, which the page does not have")
        }
        blank.pages[index].columns[0].number = "1"
        XCTAssertThrowsError(try BlankCatalog.checkCells(of: blank, file: "test.json"))
    }

    /// A line of entries (Exhibit 5's valuation standards, `0100001..0199996`) is numbered by its
    /// first code and names a range of codes of one length that no other line's number or
    /// entries fall in; the catalog refuses anything else with an error naming the place. A
    /// printed code finds its line of entries; the section's totals keep their own lines.
    func testALineOfEntriesNamesARangeOfCodesNoOtherLineHas() throws {
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let index = try XCTUnwrap(blank.pages.firstIndex { $0.id == "Exhibit5" })
        let page = blank.pages[index]
        XCTAssertNoThrow(try BlankCatalog.checkCells(of: blank, file: "test.json"))
        let lookup = LineLookup(page)
        XCTAssertEqual(lookup["0100001"].map { page.lines[$0].line }, "0100001")
        XCTAssertEqual(lookup["0100035"].map { page.lines[$0].line }, "0100001")
        XCTAssertEqual(lookup["0299996"].map { page.lines[$0].line }, "0200001")
        XCTAssertEqual(lookup["0199997"].map { page.lines[$0].line }, "0199997")
        XCTAssertNil(lookup["100035"])
        XCTAssertNil(lookup["0800001"])
        let first = try XCTUnwrap(page.lines.firstIndex { $0.line == "0100001" })
        func refused(_ entries: String, line: String = "0100001", _ message: String) {
            var changed = blank
            changed.pages[index].lines[first].entries = entries
            changed.pages[index].lines[first].line = line
            XCTAssertThrowsError(try BlankCatalog.checkCells(of: changed, file: "test.json"), entries) { error in
                XCTAssertEqual((error as? BlankCatalogError)?.message, message, entries)
            }
        }
        refused("0100001..199996", "test.json: Exhibit5 line 0100001: entries \"0100001..199996\" are not two codes of the same form (digits, other characters in the same places) joined by .., first to last")
        refused("0100001-0199996", "test.json: Exhibit5 line 0100001: entries \"0100001-0199996\" are not two codes of the same form (digits, other characters in the same places) joined by .., first to last")
        refused("0199996..0100001", line: "0199996", "test.json: Exhibit5 line 0199996: entries \"0199996..0100001\" are not two codes of the same form (digits, other characters in the same places) joined by .., first to last")
        refused("0100001..0199996", line: "0100002", "test.json: Exhibit5 line 0100002: a line of entries is numbered by its first code, 0100001")
        refused("0100001..0199997", "test.json: Exhibit5 line 0100001: line 0199997 falls among its entries 0100001..0199997")
        refused("0100001..0200001", "test.json: Exhibit5 line 0100001: line 0199997 falls among its entries 0100001..0200001")
    }
}
