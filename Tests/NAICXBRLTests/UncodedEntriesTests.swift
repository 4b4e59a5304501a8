import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading
@testable import NAICXBRLChecks

/// Entries printed without codes (Schedule S's reinsurers): each belongs to the line of entries
/// whose total line is printed next, numbered in printed order; what no such total follows is
/// reported and not filed.
final class UncodedEntriesTests: XCTestCase {
    func testAnUncodedEntryIsNumberedInPrintedOrderUnderTheLineItsTotalNames() throws {
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let page = try XCTUnwrap(blank.page("ScheduleSPart2"))
        let line = try XCTUnwrap(page.line("0800001"))
        XCTAssertTrue(line.hasUncodedEntries)
        XCTAssertEqual(line.entryCode(0), "0800001")
        XCTAssertEqual(line.entryCode(41), "0800042")
        XCTAssertEqual(line.entryCode(99_997), "0899998")
        XCTAssertNil(line.entryCode(99_998), "past the range's last code")
        XCTAssertEqual(page.uncodedEntriesTotaled(by: "0899999").map { page.lines[$0].line }, "0800001")
        XCTAssertNil(page.uncodedEntriesTotaled(by: "1099999"), "1099999 totals lines, not entries")
        XCTAssertNil(page.uncodedEntriesTotaled(by: "0800001"))
    }

    /// Schedule E Part 1's depositories end at line 0199998 (deposits not listed one by one),
    /// which follows their line in the blank and which one total (0199999, "0100001+0199998")
    /// adds with them: the entries printed before 0199998 are 0100001's. A line that follows
    /// entries but is added with them by no total ends no entries.
    func testEntriesEndAtTheLineAfterThemThatOneTotalAddsThemWith() throws {
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let index = try XCTUnwrap(blank.pages.firstIndex { $0.id == "ScheduleEPart1" })
        let page = blank.pages[index]
        XCTAssertEqual(page.uncodedEntriesTotaled(by: "0199998").map { page.lines[$0].line }, "0100001")
        XCTAssertEqual(page.uncodedEntriesTotaled(by: "0299998").map { page.lines[$0].line }, "0200001")
        XCTAssertNil(page.uncodedEntriesTotaled(by: "0199999"), "0199999 totals lines, not the entries alone")
        XCTAssertNil(page.uncodedEntriesTotaled(by: "0399999"))
        var changed = blank
        let total = try XCTUnwrap(page.lines.firstIndex { $0.line == "0199999" })
        changed.pages[index].lines[total].total = "0199998"
        XCTAssertNil(changed.pages[index].uncodedEntriesTotaled(by: "0199998"))
        XCTAssertThrowsError(try BlankCatalog.checkCells(of: changed, file: "test.json")) { error in
            XCTAssertEqual((error as? BlankCatalogError)?.message,
                           "test.json: ScheduleEPart1 line 0100001: its entries print no code, so they are the line's where the line totaling it alone, or the line after it that one total adds it with, is printed next; expected one line whose total is 0100001, found 0")
        }
    }

    func testTheCatalogWantsOneTotalLineForUncodedEntriesAndNoMemberOnThem() throws {
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let index = try XCTUnwrap(blank.pages.firstIndex { $0.id == "ScheduleSPart2" })
        XCTAssertNoThrow(try BlankCatalog.checkCells(of: blank, file: "test.json"))
        let entries = try XCTUnwrap(blank.pages[index].lines.firstIndex { $0.line == "0800001" })
        let total = try XCTUnwrap(blank.pages[index].lines.firstIndex { $0.line == "0899999" })
        func refused(_ change: (inout PageDescription) -> Void, _ message: String) {
            var changed = blank
            change(&changed.pages[index])
            XCTAssertThrowsError(try BlankCatalog.checkCells(of: changed, file: "test.json")) { error in
                XCTAssertEqual((error as? BlankCatalogError)?.message, message)
            }
        }
        refused({ $0.lines[total].total = "0899998" },
                "test.json: ScheduleSPart2 line 0800001: its entries print no code, so they are the line's where the line totaling it alone, or the line after it that one total adds it with, is printed next; expected one line whose total is 0800001, found 0")
        // A listing that prints no total is a page of that one line (Schedule Y Part 1A).
        XCTAssertNoThrow(try BlankCatalog.checkCells(of: try BlankCatalog.bundled.blank("life-ah-annual", year: 2024), file: "test.json"))
        XCTAssertEqual(blank.page("ScheduleYPart1A")?.lines.count, 1)
        XCTAssertEqual(blank.page("ScheduleYPart1A")?.untotaledUncodedEntries, 0)
        XCTAssertNil(blank.pages[index].untotaledUncodedEntries)
        refused({ $0.lines[entries].member = "Reinsurers" },
                "test.json: ScheduleSPart2 line 0800001: on a page whose rows are members, a line of entries has no member or concept: its entries' cells are facts of the columns' items, told apart by the entry's code")
    }

    /// Forethought 2024's Schedule S Part 2 with its line 0899999 taken out of the PDF's words: the
    /// Mutual of Omaha entry printed before it is then followed by 1099999, which totals lines and
    /// no entries, so it is reported and filed nowhere; the Global Atlantic entry before 0599999
    /// is still 0500001.
    /// An entry's first text goes to the text column whose heading stands nearest it, unless
    /// leaders printed apart before it fill that column's cell (Schedule E Part 2's bond without a
    /// CUSIP: its description is column 2's). Leaders glued to the text are its own cell's.
    func testLeadersThatOpenAnEntryFillTheCellsUnderThem() throws {
        let columns = try JSONDecoder().decode([ColumnDescription].self, from: Data("""
            [{"number": "1", "id": "CUSIP", "heading": "CUSIP", "kind": "text"},
             {"number": "2", "id": "Description", "heading": "Description", "kind": "text"},
             {"number": "3", "id": "Value", "heading": "Value"}]
            """.utf8))
        let centers: [Double?] = [50, 300, 650]
        func word(_ text: String, _ x0: Double, _ x1: Double) -> PositionedWord { PositionedWord(text: text, x0: x0, x1: x1, y0: 0, y1: 10) }
        let apart = [word("...........", 20, 90), word("BANK", 110, 140), word("OF", 145, 155), word("AMERICA", 160, 200)]
        XCTAssertEqual(PositionedPageReader.entryTextColumns(apart, 0..<apart.count, centers: centers, columns: columns, valueStart: 600),
                       [1: 1, 2: 1, 3: 1])
        // The same text with no leaders before it, or with leaders glued to it: the CUSIP's.
        let alone = Array(apart.dropFirst())
        XCTAssertEqual(PositionedPageReader.entryTextColumns(alone, 0..<alone.count, centers: centers, columns: columns, valueStart: 600),
                       [0: 0, 1: 0, 2: 0])
        let glued = [word(".....BANK", 90, 140), word("OF", 145, 155), word("AMERICA", 160, 200)]
        XCTAssertEqual(PositionedPageReader.entryTextColumns(glued, 0..<glued.count, centers: centers, columns: columns, valueStart: 600),
                       [0: 0, 1: 0, 2: 0])
    }

    func testAnEntryFollowedByNoTotalOfEntriesIsReportedAndNotFiled() throws {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: AnnualStatementTests.pdfPath("forethought-life-2024"))))
        var document = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let p = try XCTUnwrap(document.pages.firstIndex { page in
            page.lines.prefix(4).contains { $0.words.map(\.text).joined(separator: " ") == "SCHEDULE S - PART 2" }
        })
        let before = document.pages[p].lines.count
        document.pages[p].lines.removeAll { $0.words.first?.text == "0899999." }
        XCTAssertEqual(document.pages[p].lines.count, before - 1)
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let result = LayoutStatementParser.parse(document, blank: blank)
        let rows = try XCTUnwrap(result.statement.page("ScheduleSPart2")).rows
        XCTAssertEqual(rows.first { $0.line == "0500001" }?.cells[3], .text("Global Atlantic Re Ltd"))
        XCTAssertFalse(rows.contains { $0.cells.contains(.text("Mutual of Omaha Insurance Company")) })
        XCTAssertNil(rows.first { $0.line == "0899999" })
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains("line 1099999, printed next, totals no line of entries")
                && $0.message.contains("Mutual of Omaha") }, "\(result.diagnostics.filter { $0.severity == .error }.map(\.message))")

        // The subtotal printed with a number the page does not have: the entry is that line's,
        // whatever it is, and not the next known total's.
        var renumbered = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let l = try XCTUnwrap(renumbered.pages[p].lines.firstIndex { $0.words.first?.text == "0899999." })
        renumbered.pages[p].lines[l].words[0].text = "2599999."
        let unknown = LayoutStatementParser.parse(renumbered, blank: blank)
        let unknownRows = try XCTUnwrap(unknown.statement.page("ScheduleSPart2")).rows
        XCTAssertFalse(unknownRows.contains { $0.cells.contains(.text("Mutual of Omaha Insurance Company")) })
        XCTAssertEqual(unknownRows.first { $0.line == "0500001" }?.cells[3], .text("Global Atlantic Re Ltd"))
        XCTAssertTrue(unknown.diagnostics.contains { $0.severity == .error && $0.message.contains("line 2599999, printed next, is not a line of the blank") })
        XCTAssertTrue(unknown.diagnostics.contains { $0.severity == .error && $0.message.contains("line 2599999 is not a line of SCHEDULE S - PART 2") })
    }

    /// Exhibit 5A (changes in bases of valuation) under Exhibit 5's interrogatories, on their page:
    /// Forethought 2024's page with its NONE stamp taken out and an entry printed on its first row
    /// of leaders (the description of the valuation class, the bases changed from and to, and the
    /// increase in reserve) and the total on 9999999. The entry is the listing's first, its total
    /// the line's, and the interrogatories above are read as before.
    func testAnExhibit5AEntryUnderTheInterrogatoriesIsRead() throws {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: AnnualStatementTests.pdfPath("forethought-life-2024"))))
        var document = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let p = try XCTUnwrap(document.pages.firstIndex { $0.number == 24 })
        var lines = document.pages[p].lines
        let title = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix("EXHIBIT 5A") })
        for index in lines.indices { lines[index].words.removeAll { $0.text == "NONE" } }
        let row = try XCTUnwrap(lines.indices.first { $0 > title && lines[$0].words.count == 4 && lines[$0].words.allSatisfy { $0.text.allSatisfy { $0 == "." } } })
        let cells = lines[row].words
        func word(_ text: String, _ x0: Double, _ x1: Double) -> PositionedWord {
            PositionedWord(text: text, x0: x0, x1: x1, y0: cells[0].y0, y1: cells[0].y1)
        }
        lines[row].words = [word("Ordinary", cells[0].x0, cells[0].x0 + 34), word("life" + String(repeating: ".", count: 30), cells[0].x0 + 36, cells[0].x1),
                            word("4.00%" + String(repeating: ".", count: 30), cells[1].x0, cells[1].x1),
                            word("3.50%" + String(repeating: ".", count: 30), cells[2].x0, cells[2].x1),
                            word(String(repeating: ".", count: 24) + "1,234,567", cells[3].x0, cells[3].x1)]
        let total = try XCTUnwrap(lines.firstIndex { $0.words.first?.text == "9999999" })
        let last = try XCTUnwrap(lines[total].words.last)
        lines[total].words.append(PositionedWord(text: "1,234,567", x0: cells[3].x1 - 36, x1: cells[3].x1, y0: last.y0, y1: last.y1))
        document.pages[p].lines = lines
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let result = LayoutStatementParser.parse(document, blank: blank)
        XCTAssertEqual(result.diagnostics.filter { $0.severity >= .warning }.map(\.message), [])
        let page = try XCTUnwrap(result.statement.page("Exhibit5A"))
        XCTAssertFalse(page.none)
        XCTAssertEqual(page.row("0000001")?.cells, [.text("Ordinary life"), .text("4.00%"), .text("3.50%"), .amount(try XCTUnwrap(Amount(plain: "1234567")))])
        XCTAssertEqual(page.row("9999999")?.cells[3], .amount(try XCTUnwrap(Amount(plain: "1234567"))))
        XCTAssertEqual(result.statement.interrogatories.filter { $0.part == "exhibit5" }.count, 29)
        let checker = try XCTUnwrap(Checker.shared(for: blank))
        XCTAssertEqual(checker.status(of: "exhibit-5a-line-9999999-total-col-4", on: result.statement), .passed)
    }

}
