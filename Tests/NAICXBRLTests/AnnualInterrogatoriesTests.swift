import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading

/// The general interrogatories read from a filed PDF: every answer of the kinds the fixtures list
/// (check boxes, amounts, dates, percentages; `Fixtures/annual/*.interrogatories.tsv`, taken
/// independently of naicxbrl, the README there says how), under its part and number, and no other
/// answer of those kinds.
extension AnnualStatementTests {
    /// An answer as the fixtures write it: its kind, and its value as printed (amounts by value,
    /// a question's columns joined by `|`).
    static func answerKey(_ answer: Answer) -> String? {
        func amount(_ cell: Cell) -> String {
            switch cell {
            case .amount(let value, _): ValueScanner.format(value)
            case .dash: "-"
            default: ""
            }
        }
        switch answer {
        case .choice(let choice, _): return "choice \(choice?.rawValue ?? "none")"
        case .amounts(let cells): return "amount \(cells.map(amount).joined(separator: "|"))"
        case .date(let date): return "date \(date.usForm)"
        case .percent(let cell): return "percent \(amount(cell))"
        case .none, .text: return nil
        }
    }

    static func answerKey(kind: String, printed: String) throws -> String {
        switch kind {
        case "amount", "percent":
            let cells = try printed.split(separator: "|", omittingEmptySubsequences: false).map { field -> String in
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return "" }
                if trimmed == "-" { return "-" }
                guard case .amount(let value, _) = try ValueScanner.cell(Substring(trimmed)).get() else { return trimmed }
                return ValueScanner.format(value)
            }
            return "\(kind) \(cells.joined(separator: "|"))"
        default:
            return "\(kind) \(printed)"
        }
    }

    /// The general interrogatories' answers (`*.interrogatories.tsv`) and Exhibit 5's
    /// (`*.exhibit-5-interrogatories.tsv`, part `exhibit5`, whose words printed under a question
    /// as its answer, "Non-participating", are listed too, kind `text`: they are the question's
    /// details), and no other answer of those kinds.
    func testEveryInterrogatoryAnswerAsPrinted() throws {
        for filing in Self.notesFilings {
            let statement = try parse(filing).statement
            var read: [String: String] = [:]
            for item in statement.interrogatories {
                XCTAssertNil(read["\(item.part) \(item.number)"], "\(filing): question \(item.part) \(item.number) read twice")
                if let key = Self.answerKey(item.answer) { read["\(item.part) \(item.number)"] = key }
            }
            var expected: [String: String] = [:]
            var texts: [String: String] = [:]
            for file in ["interrogatories", "exhibit-5-interrogatories"] {
                let path = Fixture.root.appendingPathComponent("Fixtures/annual/\(filing).\(file).tsv").path
                for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
                where !line.hasPrefix("#") && !line.hasPrefix("part\t") {
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    if fields[2] == "text" { texts["\(fields[0]) \(fields[1])"] = fields[3]; continue }
                    expected["\(fields[0]) \(fields[1])"] = try Self.answerKey(kind: fields[2], printed: fields[3])
                }
            }
            XCTAssertGreaterThan(expected.count, 180, filing)
            XCTAssertGreaterThanOrEqual(expected.keys.filter { $0.hasPrefix("exhibit5 ") }.count, 19, filing)
            for (question, answer) in expected.sorted(by: { $0.key < $1.key }) where read[question] != answer {
                XCTFail("\(filing): question \(question) prints \(answer), read \(read[question] ?? "nothing")")
            }
            for (question, answer) in read where expected[question] == nil {
                XCTFail("\(filing): question \(question) read as \(answer), which the fixtures do not list")
            }
            XCTAssertGreaterThanOrEqual(texts.count, 2, filing)
            for (question, text) in texts {
                let item = statement.interrogatories.first { "\($0.part) \($0.number)" == question }
                XCTAssertEqual(item?.details, [text], "\(filing): question \(question)")
            }
        }
    }

    /// Exhibit 5's interrogatories are read from their page down to Exhibit 5A's title, which
    /// starts that table on the same page (stamped NONE in the corpus); a question whose text
    /// wraps over several lines before its answer keeps them in printed order.
    func testExhibit5InterrogatoriesAndExhibit5A() throws {
        let result = try parse("forethought-life-2024")
        XCTAssertEqual(result.pages.first { $0.page == 24 }?.schedule, "exhibit5Interrogatories + Exhibit5A")
        XCTAssertEqual(result.pages.first { $0.page == 24 }?.status, .read)
        let items = result.statement.interrogatories.filter { $0.part == "exhibit5" }
        XCTAssertEqual(items.first?.number, "1.1")
        XCTAssertEqual(items.last?.number, "9.3")
        XCTAssertEqual(items.first { $0.number == "9.2" }?.answer, .amounts([try ValueScanner.cell("$10,566,032,032").get()]))
        let held = try XCTUnwrap(items.first { $0.number == "6.2" })
        XCTAssertTrue(held.text.hasPrefix("That would have been held (on an exact or approximate basis) using the actual ages of the annuitants; the interest rate(s) used in 6.1; and the same mortality basis used"), held.text)
        XCTAssertTrue(held.text.hasSuffix("the table most recently approved by the state of domicile for valuing individual annuity benefits:"), held.text)
        XCTAssertEqual(held.details, ["Attach statement of methods employed in their valuation."])
        // The general interrogatories' wrapped questions alike: 3.3 prints its answer's date on its
        // third line.
        XCTAssertEqual(result.statement.interrogatories.first { $0.part == "1" && $0.number == "3.3" }?.text,
                       "State as of what date the latest financial examination report became available to other states or the public from either the state of domicile or the reporting entity. This is the release date or completion date of the examination report and not the date of the examination (balance sheet date).")
        for filing in Self.notesFilings {
            let exhibit5A = try parse(filing).statement.page("Exhibit5A")
            XCTAssertEqual(exhibit5A?.none, true, filing)
        }
    }

    /// The supplemental exhibits and schedules interrogatories: each question's response as the
    /// Responses column prints it (`Fixtures/annual/*.supplemental.tsv`), and no other.
    func testEverySupplementalResponseAsPrinted() throws {
        for filing in Self.notesFilings {
            let result = try parse(filing)
            var read: [String: String] = [:]
            for item in result.statement.interrogatories where item.part == "supplemental" {
                if case .text(let text) = item.answer { read[item.number] = text } else { read[item.number] = "\(item.answer)" }
            }
            let path = Fixture.root.appendingPathComponent("Fixtures/annual/\(filing).supplemental.tsv").path
            var expected: [String: String] = [:]
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                expected[fields[0]] = fields[1]
            }
            XCTAssertEqual(expected.count, 48, filing)
            XCTAssertEqual(read, expected, filing)
            XCTAssertEqual(result.pages.filter { $0.schedule == "supplemental" }.count, 3, filing)
        }
    }

    /// Forethought 2024's general interrogatories, as printed on pages 57 to 67: questions in
    /// order under their parts, their text, a sub-question printed on its question's line, a
    /// list under a question kept as its details.
    func testInterrogatoriesWithTheirTextAndDetails() throws {
        let result = try parse("forethought-life-2024")
        let items = result.statement.interrogatories
        XCTAssertEqual(result.pages.filter { $0.schedule == "generalInterrogatoriesPart1" }.map(\.page), Array(57...63))
        XCTAssertEqual(result.pages.filter { $0.schedule == "generalInterrogatoriesPart2" }.map(\.page), Array(64...67))
        let first = try XCTUnwrap(items.first)
        XCTAssertEqual(first.part, "1")
        XCTAssertEqual(first.number, "1.1")
        XCTAssertEqual(first.text, "Is the reporting entity a member of an Insurance Holding Company System consisting of two or more affiliated persons, one or more of which is an insurer?")
        XCTAssertEqual(first.answer, .choice(.yes, offersNotApplicable: false))
        XCTAssertEqual(items.first { $0.number == "3.1" }?.answer, .date(try XCTUnwrap(CalendarDate(us: "12/31/2019"))))
        let loaned = try XCTUnwrap(items.first { $0.part == "1" && $0.number == "20.1" })
        XCTAssertEqual(loaned.answer, Answer.none)
        XCTAssertEqual(items.first { $0.part == "1" && $0.number == "20.11" }?.text, "To directors or other officers")
        // 31.1: Bonds, three columns.
        XCTAssertEqual(items.first { $0.part == "1" && $0.number == "31.1" }?.answer,
                       .amounts(try ["28,370,253,567", "26,911,669,288", "(1,458,584,279)"].map { try ValueScanner.cell(Substring($0)).get() }))
        XCTAssertEqual(items.first { $0.part == "2" && $0.number == "1.2" }?.answer,
                       .amounts([try ValueScanner.cell("$21,603,041").get()]))
        // 42.2 lists the firms paid: the list is its details, not an answer.
        let firms = try XCTUnwrap(items.first { $0.part == "1" && $0.number == "42.2" })
        XCTAssertEqual(firms.answer, Answer.none)
        XCTAssertTrue(firms.details.contains { $0.contains("149,739") })
        let part2 = items.filter { $0.part == "2" }.map(\.number)
        XCTAssertEqual(part2.first, "1.1")
        XCTAssertEqual(Set(items.map { "\($0.part) \($0.number)" }).count, items.count, "each question once")
    }

    /// A page of the interrogatories decoded from a font without a map but for a character no
    /// page teaches (U+FFFD) is read, the character reported; an answer that holds one is not
    /// read (an undecoded mark in a check box could be its X, or nothing). Forethought 2024's
    /// page 57 (Part 1) with the X of 1.1's "Yes [ X ]" undecoded, handed over as such a page
    /// is: read by OCR, words left undecoded, the page marked.
    func testAnInterrogatoriesPageWithAnUndecodedCharacterIsReadButThatAnswer() throws {
        try Self.requirePdftotext()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.pdfPath("forethought-life-2024"))))
        let document = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let p = try XCTUnwrap(document.pages.firstIndex { $0.number == 57 })
        var marked = document.pages[p]
        let l = try XCTUnwrap(marked.lines.firstIndex { $0.words.first?.text == "1.1" })
        // The box is printed on the line under the question's number, at the page's right.
        let boxLine = try XCTUnwrap(marked.lines.indices.dropFirst(l).first { marked.lines[$0].words.contains { $0.text == "X" } })
        let w = try XCTUnwrap(marked.lines[boxLine].words.firstIndex { $0.text == "X" })
        marked.lines[boxLine].words[w].text = "\u{FFFD}"
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let result = LayoutStatementParser.parse(document, blank: blank, ocrPages: [57], notDecoded: [57: ["\"\u{FFFD}\""]],
                                                 markedPages: [57: marked])
        XCTAssertEqual(result.pages.first { $0.page == 57 }?.status, .read)
        XCTAssertFalse(result.diagnostics.contains { $0.page == 57 && $0.severity == .error })
        let warnings = result.diagnostics.filter { $0.page == 57 && $0.severity == .warning }.map(\.message)
        XCTAssertEqual(warnings, [
            "a character of \"\u{FFFD}\" cannot be decoded from the text layer (no page teaches its glyph, and OCR is not taken for it): it is kept as U+FFFD",
            "the answer of interrogatory 1.1 holds a character that cannot be decoded (U+FFFD); the answer is not read",
        ])
        XCTAssertTrue(result.diagnostics.filter { $0.page == 57 && $0.severity == .warning }.allSatisfy { $0.line == marked.lines[boxLine].number })
        let read = Dictionary(result.statement.interrogatories.filter { $0.part == "1" }.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(read["1.1"]?.answer, Answer.none)
        XCTAssertEqual(read["1.1"]?.text.hasPrefix("Is the reporting entity a member of an Insurance Holding Company System"), true)
        // The rest of the page as printed (and as the page read from its text layer gives it).
        XCTAssertEqual(read["1.2"]?.answer, .choice(.yes, offersNotApplicable: true))
        XCTAssertEqual(read["1.3"]?.answer, .text("Indiana"))
        let plain = try parse("forethought-life-2024").statement.interrogatories.filter { $0.part == "1" }
        XCTAssertEqual(result.statement.interrogatories.filter { $0.part == "1" && $0.number != "1.1" }, plain.filter { $0.number != "1.1" })
    }
}
