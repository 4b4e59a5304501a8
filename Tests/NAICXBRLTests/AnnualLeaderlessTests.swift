import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading

/// A printer that prints no dot leaders (Athene's: cells set apart by space alone) read from its
/// words' positions: Forethought 2024's filing with every leader taken out of its text layer.
extension AnnualStatementTests {
    /// The pages of the filing whose values are not all read once its leaders are taken out; the
    /// reader tells their cells apart by leaders where the columns' positions do not.
    static let pagesNotReadWithoutLeaders: Set<String> = [
        // Schedule E Part 1's depositories (a name and place in one text column, the totals'
        // captions wrapped over three lines with a code column's XXX on the last): its entries
        // are refused, with an error, not filed under another line.
        "ScheduleEPart1",
    ]

    /// A word's pieces between the dot leaders it prints (two dots or more in a row), each with
    /// its share of the word's box by its characters; none for a leader alone.
    static func withoutLeaders(_ word: PositionedWord) -> [PositionedWord] {
        let characters = Array(word.text)
        let width = (word.x1 - word.x0) / Double(max(characters.count, 1))
        var pieces: [PositionedWord] = []
        var start = 0
        var index = 0
        func close(_ end: Int) {
            guard end > start else { return }
            pieces.append(PositionedWord(text: String(characters[start..<end]), x0: word.x0 + width * Double(start),
                                         x1: word.x0 + width * Double(end), y0: word.y0, y1: word.y1))
        }
        while index < characters.count {
            if characters[index] == ".", index + 1 < characters.count, characters[index + 1] == "." {
                close(index)
                while index < characters.count, characters[index] == "." { index += 1 }
                start = index
            } else {
                index += 1
            }
        }
        close(characters.count)
        return pieces
    }

    /// Every page but those of ``pagesNotReadWithoutLeaders`` reads every value as printed and
    /// nothing else. Among them: Schedule DB Part C's replications (their swaps' descriptions
    /// printed a line above the entry's line, a whole cell or its first part broken after a
    /// hyphen); Schedule Y Part 1A's members, whose names wrapped over two lines print their top
    /// line above the entry's (told from an entry of its own by the room the line leaves in its
    /// column, and the few columns it fills), and whose first printed word may be their Federal
    /// RSSD number (no line's number: the schedule's entries print no code); and Schedule Y Part
    /// 2's affiliates, one that prints its name alone ("Infinity Asset Holdings 2022, LLC") an
    /// entry of its own, a name wrapped over two lines one entry. The pages not read in full are
    /// reported: no value is filed under another line.
    func testAPrinterWithoutDotLeadersIsReadFromItsWordsPositions() throws {
        try Self.requirePdftotext()
        let filing = "forethought-life-2024"
        let bytes = try InputFile.read(Self.pdfPath(filing))
        var document = try PDFText.document(pdf: bytes, name: "\(filing)-annual.pdf", parts: 2)
        for index in document.pages.indices {
            let words = document.pages[index].lines.flatMap(\.words).flatMap(Self.withoutLeaders)
            document.pages[index].lines = PositionedDocument.lines(of: words)
        }
        XCTAssertFalse(document.pages.contains { page in PositionedPageReader.hasLeader(page.lines.flatMap(\.words)) })
        let result = StatementParser.parse(document, pdf: bytes)
        XCTAssertTrue(result.isUsable)
        let pages = Self.pages.subtracting(Self.pagesNotReadWithoutLeaders)
        try assertValuesAsPrinted(result.statement, filing, source: "\(filing) without leaders", pages: pages)
        // A number an entry prints first where its code columns are empty (Schedule Y Part 1A's
        // Federal RSSD number, "3958278") is no line's number: the entries before it are filed.
        let title = try XCTUnwrap(Blank.lifeAnnual.page("ScheduleYPart1A")?.title)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error && $0.message.hasPrefix(title + ":") }.map(\.message), [])
        // Line numbers are read where they print: no error names a line of those pages.
        let titles = pages.compactMap { Blank.lifeAnnual.page($0)?.title }
        for finding in result.diagnostics where finding.severity == .error {
            XCTAssertFalse(titles.contains { finding.message.hasPrefix($0 + " ") || finding.message.hasPrefix($0 + ":") }, finding.message)
        }
    }
}
