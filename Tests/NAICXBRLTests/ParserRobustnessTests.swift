import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLChecks
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// Statements the parser has not seen: other figures, pages moved, missing or repeated, and
/// broken values. Each gives a model of what is there and diagnostics with line numbers.
final class ParserRobustnessTests: XCTestCase {
    let lines = Fixture.referenceText.components(separatedBy: "\n")

    /// The fixture's lines from the one whose text starts with `start` up to (not including) the
    /// next that starts with `end`.
    func block(from start: String, to end: String) -> [String] {
        guard let a = lines.firstIndex(where: { $0.hasPrefix(start) }),
              let b = lines[(a + 1)...].firstIndex(where: { $0.hasPrefix(end) }) else { return [] }
        return Array(lines[a..<b])
    }

    func testAmountsArePrintedAsTheBlankPrintsThem() {
        // The forms the reference statement prints: grouped thousands, cents, parentheses.
        XCTAssertEqual(ValueScanner.format(Amount(units: 1_673_536, fractionDigits: 0)), "1,673,536")
        XCTAssertEqual(ValueScanner.format(Amount(units: -2_959_888, fractionDigits: 0)), "(2,959,888)")
        XCTAssertEqual(ValueScanner.format(Amount(units: 493_370_807, fractionDigits: 2)), "4,933,708.07")
        XCTAssertEqual(ValueScanner.format(Amount(units: -30_716_181, fractionDigits: 2)), "(307,161.81)")
        XCTAssertEqual(ValueScanner.format(Amount(units: 5, fractionDigits: 2)), "0.05")
        XCTAssertEqual(ValueScanner.format(Amount(units: 0, fractionDigits: 0)), "0")
        XCTAssertEqual(ValueScanner.format(Amount(units: 999, fractionDigits: 0)), "999")
        XCTAssertEqual(ValueScanner.format(Amount(units: 1_000, fractionDigits: 0)), "1,000")
        XCTAssertEqual(ValueScanner.format(Amount(units: 100_000, fractionDigits: 1)), "10,000.0")
        XCTAssertEqual(ValueScanner.render(.amount(Amount(units: 38, fractionDigits: 0), dollarSign: true)), "$ 38")
    }

    func testPagesInAnotherOrder() {
        let assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        let liabilities = block(from: "LIABILITIES, SURPLUS", to: "STATEMENT AS OF")
        let cashFlow = block(from: "CASH FLOW", to: "EXHIBIT 1")
        let text = (cashFlow + [""] + liabilities + [""] + assets).joined(separator: "\n")
        let result = StatementParser.parse(text: text, name: "reordered.txt")
        XCTAssertEqual(result.unrecognizedLineCount, 0, "\(result.diagnostics)")
        XCTAssertEqual(result.statement.amount("Assets", "28", column: "3"), printed("4,564,471,362"))
        XCTAssertEqual(result.statement.amount("CashFlow", "19.1", column: "2"), printed("(2,923,818)"))
        XCTAssertEqual(result.statement.pages.map(\.id), ["Assets", "Liabilities", "CashFlow"], "pages come out in the blank's order")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .missingPage && $0.message.contains("SUMMARY OF OPERATIONS") })
    }

    func testOtherFiguresAndMissingLines() {
        var assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        assets = assets.map { $0.replacingOccurrences(of: "150,751,734", with: "1,000") }
        assets.removeAll { $0.hasPrefix("17. ") }
        let result = StatementParser.parse(text: assets.joined(separator: "\n"), name: "other.txt")
        XCTAssertEqual(result.statement.amount("Assets", "1", column: "1"), printed("1,000"))
        XCTAssertNil(result.statement.page("Assets")?.row("17"))
        XCTAssertTrue(result.diagnostics.contains { $0.code == .missingLine && $0.message.contains("17") })
    }

    func testCaptionOfAnotherLineIsAnErrorAndNotFiled() {
        var assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        guard let i = assets.firstIndex(where: { $0.hasPrefix("14. ") }) else { return XCTFail("no line 14") }
        assets[i] = assets[i].replacingOccurrences(of: "14. Investment income due and accrued", with: "14. Guaranty funds receivable")
        let result = StatementParser.parse(text: assets.joined(separator: "\n"), name: "caption.txt")
        // The caption is another line's (19, "Guaranty funds receivable or on deposit"): an error
        // naming both, and the value is not filed under line 14's concept.
        let finding = result.diagnostics.first { $0.code == .misplacedRow }
        XCTAssertEqual(finding?.line, i + 1)
        XCTAssertEqual(finding?.severity, .error)
        XCTAssertTrue(finding?.message.contains("Investment income due and accrued") ?? false)
        XCTAssertTrue(finding?.message.contains("line 19 of the blank") ?? false, finding?.message ?? "")
        XCTAssertNil(result.statement.page("Assets")?.row("14"))
        XCTAssertTrue(result.hasErrors)
    }

    func testCaptionsMatchTolerantly() {
        var assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        assets = assets.map { $0.hasPrefix("19. ") ? "19.   **Guaranty  funds receivable or on deposit**\t1,437,426\t\t1,437,426\t1,401,280" : $0 }
        let result = StatementParser.parse(text: assets.joined(separator: "\n"), name: "spacing.txt")
        XCTAssertFalse(result.diagnostics.contains { $0.code == .captionMismatch }, "\(result.diagnostics)")
    }

    func testBrokenNumbersAreReportedWithTheirLine() {
        var assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        guard let i = assets.firstIndex(where: { $0.hasPrefix("14. ") }), let j = assets.firstIndex(where: { $0.hasPrefix("19. ") }) else { return XCTFail() }
        assets[i] = "14. Investment income due and accrued\t1,23,4\t\t2,388,370\t2,374,740"
        assets[j] = "19. Guaranty funds receivable or on deposit\t(12\t\t1,437,426\t1,401,280"
        let result = StatementParser.parse(text: assets.joined(separator: "\n"), name: "numbers.txt")
        let bad = result.diagnostics.filter { $0.code == .badValue }
        XCTAssertEqual(bad.map(\.line), [i + 1, j + 1])
        XCTAssertEqual(result.statement.cell("Assets", "14", column: "1"), .text("1,23,4"), "kept, not dropped")
    }

    func testUnknownLineNumberIsReported() {
        var assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        assets.insert("77. A line the blank does not have\t1\t\t1\t1", at: 5)
        let result = StatementParser.parse(text: assets.joined(separator: "\n"), name: "unknown.txt")
        XCTAssertEqual(result.diagnostics.first { $0.code == .unknownLine }?.line, 6)
        XCTAssertTrue(result.hasErrors)
    }

    func testPageTwice() {
        let assets = block(from: "ASSETS", to: "STATEMENT AS OF")
        let result = StatementParser.parse(text: (assets + assets).joined(separator: "\n"), name: "twice.txt")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .duplicatePage && $0.line == assets.count + 1 })
        XCTAssertEqual(result.statement.amount("Assets", "28", column: "3"), printed("4,564,471,362"))
    }

    func testStatementCutInHalf() {
        let half = lines.prefix(lines.count / 2).joined(separator: "\n")
        let result = StatementParser.parse(text: half, name: "half.txt")
        XCTAssertTrue(result.isUsable)
        XCTAssertEqual(result.statement.amount("CashFlow", "19.2", column: "1"), printed("35,532,287"))
        XCTAssertTrue(result.diagnostics.contains { $0.code == .missingPage && $0.message.contains("SCHEDULE T") })
    }

    func testCRLFAndWindows1252() {
        let crlf = Fixture.referenceText.replacingOccurrences(of: "\n", with: "\r\n")
        let a = StatementParser.parse(text: crlf, name: "crlf.txt")
        XCTAssertEqual(a.statement, Fixture.reference.statement)

        var bytes: [UInt8] = []
        for line in block(from: "ASSETS", to: "STATEMENT AS OF") {
            bytes += line.hasPrefix("2501.") ? Array("2501. Caf".utf8) + [0xE9] + Array("\t\t\t\t".utf8) : Array(line.utf8)
            bytes.append(0x0A)
        }
        let b = StatementParser.parse(bytes: bytes, name: "latin.txt")
        XCTAssertTrue(b.diagnostics.contains { $0.code == .encoding })
        XCTAssertEqual(b.statement.page("Assets")?.row("2501")?.caption, "Café")
    }

    func testUnusableInput() {
        XCTAssertFalse(StatementParser.parse(text: "", name: "empty.txt").isUsable)
        XCTAssertFalse(StatementParser.parse(bytes: [0, 1, 2, 3, 0xFF, 0, 0, 7], name: "junk.bin").isUsable)
        XCTAssertFalse(StatementParser.parse(text: "hello\nworld\n", name: "prose.txt").isUsable)
        let long = String(repeating: "9", count: 1_000_000)
        let result = StatementParser.parse(text: "ASSETS\n1. Bonds\t\(long)\t\t\t", name: "long.txt")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .badValue && $0.line == 2 })
    }

    /// The same filing written by another PDF producer: Forethought 2024's statement pages (PDF
    /// pages 3 to 29: the balance sheet, operations, cash flow, the analyses, the exhibits and
    /// Exhibit 5's interrogatories) rendered again by poppler's cairo backend, whose fonts, text
    /// objects and word boxes are its own. Every page read from it is the original's, value for
    /// value, and so are Exhibit 5's answers.
    func testAFilingWrittenByAnotherProducerReadsTheSame() throws {
        try AnnualStatementTests.requirePdftotext()
        guard let cairo = ChildProcess.find("pdftocairo") else { throw XCTSkip("pdftocairo (poppler-utils) is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naicxbrl-cairo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = folder.appendingPathComponent("forethought-life-2024-cairo.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cairo)
        process.arguments = ["-pdf", "-f", "3", "-l", "29", AnnualStatementTests.pdfPath("forethought-life-2024"), rendered.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let original = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2024")).statement
        let again = try StatementParser.parse(fileAt: rendered.path)
        XCTAssertEqual(again.statement.edition, 2024)
        XCTAssertGreaterThanOrEqual(again.statement.pages.count, 25)
        // Row by row: the original's pages also hold the write-ins its overflow page (PDF page
        // 133, not rendered here) adds to them.
        var rows = 0
        for page in again.statement.pages {
            let before = try XCTUnwrap(original.page(page.id), page.id)
            XCTAssertEqual(page.none, before.none, page.id)
            XCTAssertEqual(page.footnotes, before.footnotes, page.id)
            for row in page.rows {
                XCTAssertEqual(row, before.row(row.line), "\(page.id) line \(row.line)")
                rows += 1
            }
        }
        XCTAssertGreaterThan(rows, 1_000)
        XCTAssertEqual(again.statement.interrogatories.filter { $0.part == "exhibit5" }.map(\.answer),
                       original.interrogatories.filter { $0.part == "exhibit5" }.map(\.answer))
    }

}

final class ValueScannerTests: XCTestCase {
    func cell(_ s: String) -> Cell? { try? ValueScanner.cell(Substring(s)).get() }

    func testPrintedForms() {
        XCTAssertEqual(cell(""), .blank)
        XCTAssertEqual(cell("1,236"), .amount(Amount(units: 1236)))
        XCTAssertEqual(cell("(1,673,536)"), .amount(Amount(units: -1_673_536)))
        XCTAssertEqual(cell("\\$ 3,850,782"), .amount(Amount(units: 3_850_782), dollarSign: true))
        XCTAssertEqual(cell("$ -"), .dash(dollarSign: true))
        XCTAssertEqual(cell("-"), .dash(dollarSign: false))
        XCTAssertEqual(cell("\\$"), .blank)
        XCTAssertEqual(cell("XXX"), .notApplicable)
        XCTAssertEqual(cell("4,933,708.07"), .amount(Amount(units: 493_370_807, fractionDigits: 2)))
        XCTAssertEqual(cell("\\$ (307,161.81)"), .amount(Amount(units: -30_716_181, fractionDigits: 2), dollarSign: true))
        XCTAssertEqual(cell("0.01"), .amount(Amount(units: 1, fractionDigits: 2)))
        XCTAssertEqual(cell("0"), .amount(Amount(units: 0)))
    }

    func testMalformed() {
        for bad in ["1,23,4", "(12", "12)", "1,2345", "abc", "1..2", "1.", "99999999999999999999", "--1", "$$1"] {
            XCTAssertNil(cell(bad), bad)
        }
    }

    func testRenderRoundTrips() {
        for text in ["1,236", "(1,673,536)", "$ 38", "$ -", "-", "XXX", "4,933,708.07", "(307,161.81)", "0.01", "0"] {
            guard let c = cell(text) else { return XCTFail(text) }
            XCTAssertEqual(ValueScanner.render(c), text)
        }
    }

    func testAmountPlainForm() {
        XCTAssertEqual(Amount(units: -5, fractionDigits: 2).description, "-0.05")
        XCTAssertEqual(Amount(plain: "-0.05"), Amount(units: -5, fractionDigits: 2))
        XCTAssertEqual(Amount(plain: "4933708.07"), Amount(units: 493_370_807, fractionDigits: 2))
        XCTAssertNil(Amount(plain: "1e5"))
    }
}

final class BlankDescriptionTests: XCTestCase {
    let blank = Blank.lifeQuarterly

    func testFormulasExpand() {
        XCTAssertEqual(blank.page("Assets").flatMap { p in Formula("1..11").flatMap { p.expand($0) } }?.map(\.line),
                       ["1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "4.3", "5", "6", "7", "8", "9", "10", "11"])
        let liabilities = blank.page("Liabilities")
        XCTAssertEqual(liabilities.flatMap { p in Formula("31+32+33+34+35-36").flatMap { p.expand($0) } }?.map { "\($0.sign)\($0.line)" },
                       ["131", "132", "133", "134", "135", "-136.1", "-136.2"])
        for page in blank.pages {
            for line in page.lines {
                if let text = line.total {
                    guard let formula = Formula(text) else { XCTFail("\(page.id) \(line.line): \(text)"); continue }
                    XCTAssertNotNil(page.expand(formula), "\(page.id) line \(line.line): \(text)")
                }
                if let equals = line.equals { XCTAssertNotNil(page.lineIndex(equals), "\(page.id) \(line.line) = \(equals)") }
            }
        }
    }

    /// Every caption that prints arithmetic ("(Lines 1 to 11)") has it as data.
    func testPrintedArithmeticIsDescribed() {
        for page in blank.pages {
            for line in page.lines where line.caption.range(of: #"\((Total )?Lines? [0-9]"#, options: .regularExpression) != nil
                || line.caption.hasPrefix("Totals of Lines") {
                XCTAssertTrue(line.total != nil || line.equals != nil, "\(page.id) line \(line.line): \(line.caption)")
            }
        }
    }

    /// Every caption of every page prints as many blanks for values (`$`, or the line's own mark)
    /// as the line names values printed in it.
    func testEachValueInACaptionHasItsMark() throws {
        for blank in [Blank.lifeQuarterly, Blank.lifeAnnual, Blank.edition("life-ah-annual", 2025)] {
            for page in blank.pages {
                for line in page.lines where line.slots != nil || line.slotMark != nil {
                    XCTAssertEqual(line.slots?.count ?? 0, line.caption.components(separatedBy: line.slotMark ?? "$").count - 1, "\(page.id) \(line.line)")
                }
            }
        }
    }

    /// A value the filer writes into a blank of the caption other than `$` (Schedule E Part 1's
    /// "Deposits in ... 2 depositories"): a number standing alone among the words; none printed
    /// leaves the slot blank, and a number past the slots stays with the words.
    func testANumberWrittenIntoACaptionsBlank() {
        let blank = "Deposits in ... depositories which do not exceed the allowable limit in any one depository (See instructions) - open depositories"
        let split = CaptionMatcher.splitNumbers("Deposits in ... 2 depositories which do not exceed the allowable limit in any one depository (See instructions) - open depositories", slots: 1, blank: blank)
        XCTAssertEqual(split.amounts, [.amount(Amount(units: 2))])
        XCTAssertTrue(CaptionMatcher.matches(printed: split.words, blank: blank))
        let many = CaptionMatcher.splitNumbers("Deposits in ... 1,204 depositories which", slots: 1, blank: blank)
        XCTAssertEqual(many.amounts, [.amount(Amount(units: 1_204))])
        let none = CaptionMatcher.splitNumbers("Deposits in ... depositories which do not exceed the allowable limit in any one depository (See instructions) - open depositories", slots: 1, blank: blank)
        XCTAssertEqual(none.amounts, [.blank])
        XCTAssertTrue(CaptionMatcher.matches(printed: none.words, blank: blank))
        let twice = CaptionMatcher.splitNumbers("Deposits in 3 ... 4 depositories", slots: 1, blank: blank)
        XCTAssertEqual(twice.amounts, [.amount(Amount(units: 3))])
        XCTAssertEqual(twice.words, "Deposits in ... 4 depositories")
        // A number the blank's caption prints itself is the caption's, each time it prints it.
        let own = CaptionMatcher.splitNumbers("Line 5 deposits in ... 5 depositories", slots: 1, blank: "Line 5 deposits in ... depositories")
        XCTAssertEqual(own.amounts, [.amount(Amount(units: 5))])
        XCTAssertEqual(own.words, "Line 5 deposits in ... depositories")
        XCTAssertEqual(CaptionMatcher.splitNumbers("Line 5 deposits in ... depositories", slots: 1, blank: "Line 5 deposits in ... depositories").amounts, [.blank])
    }

    /// A balance at a month's end stands at that month's last day of the year the column's
    /// period ends in; December's is the year's end.
    func testAMonthEndIsTheMonthsLastDay() {
        let periods = StatementPeriods(statementDate: CalendarDate(year: 2024, month: 12, day: 31))
        XCTAssertEqual(periods.period(.currentYearToDate, at: .endOfFebruary), .instant(CalendarDate(year: 2024, month: 2, day: 29)))
        XCTAssertEqual(periods.period(.priorYear, at: .endOfFebruary), .instant(CalendarDate(year: 2023, month: 2, day: 28)))
        XCTAssertEqual(periods.period(.currentYearToDate, at: .endOfNovember), .instant(CalendarDate(year: 2024, month: 11, day: 30)))
        XCTAssertEqual(periods.period(.currentYearToDate, at: .end), .instant(CalendarDate(year: 2024, month: 12, day: 31)))
        XCTAssertEqual(LineDescription.InstantPosition.allCases.map(LineDescription.InstantPosition.number), Array(1...LineDescription.InstantPosition.numbers - 1))
    }

    func testConceptsAreUniqueAndUpperCamelCase() {
        var seen: [String: String] = [:]
        for page in blank.pages where page.orientation == .items {
            for line in page.lines where !line.isHeading {
                guard let concept = line.concept else { XCTFail("\(page.id) \(line.line) has no concept"); continue }
                XCTAssertTrue(concept.first?.isUppercase ?? false, concept)
                XCTAssertTrue(concept.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, concept)
                if !line.isWriteIn, let other = seen[concept] { XCTFail("\(concept) used by \(other) and \(page.id) \(line.line)") }
                seen[concept] = "\(page.id) \(line.line)"
                XCTAssertEqual(line.slots?.count ?? 0, line.caption.components(separatedBy: line.slotMark ?? "$").count - 1, "\(page.id) \(line.line)")
            }
        }
        XCTAssertGreaterThan(seen.count, 300)
    }

    func testRowMembersAreUniqueWithinAPage() {
        for page in blank.pages where page.orientation == .members {
            let members = page.lines.compactMap(\.member)
            XCTAssertEqual(Set(members).count, members.count, page.id)
        }
    }
}
