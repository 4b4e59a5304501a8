import Foundation
import XCTest
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading
@testable import NAICXBRLTaxonomy
@testable import NAICXBRLConversion

/// The notes to the financial statements read from a filed PDF: every value the notes' tables
/// print, in its note and column (`Fixtures/annual/*.notes.tsv`, taken independently of naicxbrl;
/// the README there says how), and nothing else.
extension AnnualStatementTests {
    static let notesFilings = ["forethought-life-2024", "commonwealth-annuity-2023", "forethought-life-2025"]

    /// A note table's value as the fixtures write it: an amount by its value, a percentage by
    /// its value and its sign ("758.714 %"), a dash as "-".
    static func noteValueKey(_ printed: String) -> String? {
        let trimmed = printed.trimmingCharacters(in: .whitespaces)
        if ["-", "—", "–"].contains(trimmed) { return "-" }
        let percent = trimmed.hasSuffix(" %")
        guard case .amount(let amount, _)? = try? ValueScanner.cell(Substring(percent ? String(trimmed.dropLast(2)) : trimmed)).get()
        else { return nil }
        return ValueScanner.format(amount) + (percent ? " %" : "")
    }

    static func noteValueKey(_ cell: Cell) -> String? {
        switch cell {
        case .amount(let amount, _): ValueScanner.format(amount)
        case .percent(let percent): ValueScanner.format(percent) + " %"
        case .dash: "-"
        default: nil
        }
    }

    func testEveryNoteTableValueAsPrinted() throws {
        for filing in Self.notesFilings {
            let statement = try parse(filing).statement
            var read: [String: Int] = [:]
            for note in statement.notes {
                for table in note.tables {
                    for row in table.rows {
                        for (c, cell) in row.cells.enumerated() {
                            guard let value = Self.noteValueKey(cell) else { continue }
                            read["\(note.number) \(c + 1) \(value)", default: 0] += 1
                        }
                    }
                }
            }
            let path = Fixture.root.appendingPathComponent("Fixtures/annual/\(filing).notes.tsv").path
            var expected: [String: Int] = [:]
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let value = try XCTUnwrap(Self.noteValueKey(fields[3]), "\(filing): \(line)")
                expected["\(fields[0]) \(fields[2]) \(value)", default: 0] += 1
            }
            XCTAssertGreaterThan(expected.values.reduce(0, +), 1000, filing)
            for (key, count) in expected where read[key] != count {
                XCTFail("\(filing): note, column and value \(key) printed \(count) times, read \(read[key] ?? 0)")
            }
            for (key, count) in read where expected[key] == nil {
                XCTFail("\(filing): note, column and value \(key) read \(count) times, not printed in a note's table")
            }
        }
    }

    /// A percentage printed in a note's table ("21.000 %") is a percentage, not an amount: in the
    /// model, and in the instance a fact of a percentage column (`xbrli:pure`, the ratio 0.21),
    /// where the amount beside it stays money. Forethought 2024, note 9 (page 43): the
    /// significant items of the difference from the statutory tax rate.
    func testAPercentagePrintedInANoteTableIsAPercentage() throws {
        let statement = try parse("forethought-life-2024").statement
        let note = try XCTUnwrap(statement.notes.first { $0.number == 9 })
        let table = try XCTUnwrap(note.tables.first { $0.rows.first?.label == "Provision computed at statutory rate" && $0.headings == [["", "2024", "Effective Tax Rate"]] })
        func cell(_ printed: String) throws -> Cell { try ValueScanner.cell(Substring(printed)).get() }
        func percent(_ printed: String) throws -> Cell { .percent(try XCTUnwrap(try cell(printed).amount)) }
        XCTAssertEqual(table.rows[0].cells, [try cell("$ (21,546,204)"), try percent("21.000")])
        XCTAssertEqual(table.rows[1].label, "IMR")
        XCTAssertEqual(table.rows[1].cells, [try cell("(23,627,752)"), try percent("23.030")])
        XCTAssertEqual(table.rows[2].cells, [try cell("1,441,760"), try percent("-1.410")])
        let taxonomy = TaxonomyModel.of(.lifeAnnual)
        XCTAssertEqual(taxonomy.concept("NoteTablePercentColumn2")?.type, .percent)
        let instance = String(decoding: try Converter.convert(statement, validate: false).instance, as: UTF8.self)
        XCTAssertTrue(instance.contains("unitRef=\"pure\" decimals=\"5\">0.21000</naicla:NoteTablePercentColumn2>"))
        XCTAssertTrue(instance.contains("unitRef=\"pure\" decimals=\"5\">0.23030</naicla:NoteTablePercentColumn2>"))
        XCTAssertTrue(instance.contains("unitRef=\"USD\" decimals=\"0\">-23627752</naicla:NoteTableAmountColumn1>"))
        XCTAssertFalse(instance.contains(">21.000</naicla:NoteTableAmountColumn2>"))

        // Forethought 2025, note 32 B (page 57): the "Percent of Total" column prints its sign on
        // the total line alone ("100.000 %"); its other lines ("81.684", "18.316") are
        // percentages too, and the amounts beside them stay money.
        let annuities = try XCTUnwrap(try parse("forethought-life-2025").statement.notes.first { $0.number == 32 }?.tables.first {
            $0.rows.contains { $0.cells.count == 5 && $0.cells[4] == .percent(printed("81.684")) }
        })
        let rows = Dictionary(annuities.rows.map { ($0.label, $0.cells) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(rows["e. At book value without adjustment (minimal or no charge or adjustment)"]?.last, .percent(printed("18.316")))
        XCTAssertEqual(rows["(3) Total (gross: direct + assumed)"]?.last, .percent(printed("100.000")))
        XCTAssertEqual(rows["e. At book value without adjustment (minimal or no charge or adjustment)"]?.first?.amount.map { _ in true }, true)
    }

    /// A note table's column whose heading says it holds percentages ("% of Liability to Total
    /// Liabilities", "Percent of Total", "Admitted Restricted to Total Admitted Assets, %"), or a
    /// row whose caption does ("Percentage of adjusted gross DTAs ..."), holds percentages though
    /// no row prints the sign, as some printers set them. Forethought 2024 read with every
    /// percent sign of its notes' values taken out: each percentage of such a column or row (the
    /// notes fixture's, checked against the pages) is still one, and nothing else becomes one.
    func testAColumnHeadedAsPercentagesHoldsPercentagesWithoutTheSign() throws {
        try Self.requirePdftotext()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.pdfPath("forethought-life-2024"))))
        var document = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let filing = try parse("forethought-life-2024")
        let notesPages = Set(filing.pages.filter { $0.schedule == "notes" }.map(\.page))
        var taken = 0
        for p in document.pages.indices where notesPages.contains(document.pages[p].number) {
            for l in document.pages[p].lines.indices {
                // A value's sign, glued ("1.992%") or apart ("1.992 %"); the headings' stay.
                let words = document.pages[p].lines[l].words
                document.pages[p].lines[l].words = words.indices.compactMap { w in
                    var word = words[w]
                    guard word.text.hasSuffix("%") else { return word }
                    let number = word.text.count > 1 ? word.text.dropLast() : w > 0 ? Substring(words[w - 1].text) : ""
                    guard number.last?.isNumber == true || number.last == ")" else { return word }
                    taken += 1
                    guard word.text.count > 1 else { return nil }
                    word.text.removeLast()
                    return word
                }
            }
        }
        XCTAssertGreaterThanOrEqual(taken, 79, "the notes fixture's 79 percentages, and the running text's")
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let unsigned = LayoutStatementParser.parse(document, blank: blank).statement

        func headed(_ table: Table, _ c: Int) -> Bool {
            table.headings.contains { c + 1 < $0.count && PageLayout.headsPercentages($0[c + 1]) }
        }
        // Cell by cell: where the printed filing has a percentage in a column headed so, so does
        // the filing without signs; where it has none, neither has the other.
        var kept = 0
        var unnamed: Set<String> = []
        for (note, other) in zip(filing.statement.notes, unsigned.notes) {
            XCTAssertEqual(note.tables.count, other.tables.count, "note \(note.number)")
            for (table, otherTable) in zip(note.tables, other.tables) {
                XCTAssertEqual(table.rows.count, otherTable.rows.count, "note \(note.number)")
                for (row, otherRow) in zip(table.rows, otherTable.rows) {
                    for (c, cell) in row.cells.enumerated() where c < otherRow.cells.count {
                        let otherCell = otherRow.cells[c]
                        switch (cell, otherCell) {
                        case (.percent(let a), .percent(let b)):
                            XCTAssertEqual(a, b)
                            kept += 1
                        case (.percent(let a), .amount(let b, false)):
                            XCTAssertEqual(a, b)
                            // Left an amount: only where neither heading nor caption says so.
                            XCTAssertFalse(headed(table, c) || PageLayout.headsPercentages(row.label), "note \(note.number), \(row.label), column \(c + 1): a percentage its heading or caption names, read as an amount")
                            unnamed.insert(table.headings.last?[c + 1] ?? "")
                        case (_, .percent):
                            XCTFail("note \(note.number), \(row.label), column \(c + 1): \(cell) read as a percentage")
                        default:
                            XCTAssertEqual(cell, otherCell, "note \(note.number), \(row.label), column \(c + 1)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(kept, 0)
        // What such a page loses: note 9's column "Effective Tax Rate" (page 43), which names a
        // rate, not a percentage.
        XCTAssertEqual(unnamed, ["Effective Tax Rate"])
        // As printed on page 53 (note 32's "Percent of Total") and page 38 (note 5's "% of
        // Liability to Total Liabilities").
        let annuities = try XCTUnwrap(unsigned.notes.first { $0.number == 32 }?.tables.first)
        XCTAssertEqual(annuities.rows.compactMap { $0.cells.last }.prefix(4),
                       [.percent(printed("44.873")), .percent(printed("42.201")), .percent(printed("87.074")), .percent(printed("12.478"))])
        let liabilities = try XCTUnwrap(unsigned.notes.first { $0.number == 5 }?.tables.first { table in
            table.rows.first?.label.hasPrefix("u. Recognized Obligation to Return Collateral Asset") == true
        })
        XCTAssertEqual(liabilities.rows.first?.cells.last, .percent(printed("1.992")))
        // Page 41: note 9's row captioned a percentage, in each of its six columns.
        let strategies = try XCTUnwrap(unsigned.notes.first { $0.number == 9 }?.tables.lazy.compactMap { table in
            table.rows.first { $0.label.hasPrefix("2. Percentage of adjusted gross DTAs by tax character") }
        }.first)
        XCTAssertEqual(strategies.cells, ["41.000", "90.200", "46.800", "44.400", "-5.800", "45.800"].map { .percent(printed($0)) })
    }

    /// Each note once, in the blank's numbering, whatever pages it runs over ("(Continued)").
    func testNotesAreNumberedAsPrintedAndContinuedAcrossPages() throws {
        let counts = ["forethought-life-2024": 36, "commonwealth-annuity-2023": 36, "forethought-life-2025": 36]
        for filing in Self.notesFilings {
            let notes = try parse(filing).statement.notes
            XCTAssertEqual(notes.map(\.number), Array(1...(counts[filing] ?? 0)), filing)
            XCTAssertEqual(notes.first { $0.number == 5 }?.title, "Investments", filing)
            XCTAssertEqual(notes.first { $0.number == 20 }?.title, "Fair Value Measurements", filing)
        }
        let pages = try parse("forethought-life-2024").pages
        XCTAssertEqual(pages.filter { $0.schedule == "notes" }.map(\.page), Array(30...56))
    }

    /// Forethought 2024, note 5 A (7), "Allowance for credit losses", as printed on page 33.
    func testANoteTableWithItsHeadingsAndRows() throws {
        let note = try XCTUnwrap(try parse("forethought-life-2024").statement.notes.first { $0.number == 5 })
        let table = try XCTUnwrap(note.tables.first { $0.rows.first?.label == "a. Balance at beginning of period" })
        XCTAssertEqual(table.headings, [["", "2024", "2023"]])
        func amount(_ printed: String) throws -> Cell { try ValueScanner.cell(Substring(printed)).get() }
        XCTAssertEqual(table.rows.map(\.label), ["a. Balance at beginning of period", "b. Additions charged to operations",
                                                 "c. Direct write-downs charged against the allowances",
                                                 "d. Recoveries of amounts previously charged off", "e. Balance at end of period (a+b-c-d)"])
        XCTAssertEqual(table.rows[0].cells, [try amount("$82,952,985"), try amount("$56,969,165")])
        XCTAssertEqual(table.rows[2].cells, [try amount("94,444,600"), try amount("6,221,539")])
        XCTAssertEqual(table.rows[3].cells, [], "a row of empty cells")
        XCTAssertEqual(table.rows[4].cells, [try amount("$98,610,075"), try amount("$82,952,985")])
        // The paragraph before it, and the sub-headings of the table of impaired loans above it.
        XCTAssertTrue(note.content.contains(.text("(7) Allowance for credit losses")))
        let impaired = try XCTUnwrap(note.tables.first { $0.rows.contains { $0.label == "1. With allowance for credit losses" } })
        XCTAssertEqual(impaired.rows.filter(\.cells.isEmpty).map(\.label).prefix(2), ["a. Current Year", "4. Subject to a participant or co-lender mortgage loan agreement for which the reporting entity is restricted from unilaterally foreclosing on the mortgage loan"])
        XCTAssertEqual(impaired.headings.last, ["", "Farm", "Insured", "All Other", "Insured", "All Other", "Mezzanine", "Total"])
    }

    /// Forethought 2024 read with one word of page 33 (note 5's allowance for credit losses)
    /// changed, and the warnings on that word's line.
    private func readPage33(changing text: String, _ change: (inout PositionedWord) -> Void) throws -> (ParseResult, [Diagnostic]) {
        try AnnualStatementTests.requirePdftotext()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: AnnualStatementTests.pdfPath("forethought-life-2024"))))
        var document = try PDFText.document(pdf: bytes, name: "forethought-life-2024-annual.pdf")
        let p = try XCTUnwrap(document.pages.firstIndex { $0.number == 33 })
        let l = try XCTUnwrap(document.pages[p].lines.firstIndex { $0.words.contains { $0.text == text } })
        let w = try XCTUnwrap(document.pages[p].lines[l].words.firstIndex { $0.text == text })
        change(&document.pages[p].lines[l].words[w])
        let blank = try BlankCatalog.bundled.blank("life-ah-annual", year: 2024)
        let result = LayoutStatementParser.parse(document, blank: blank)
        let warnings = result.diagnostics.filter { $0.page == 33 && $0.line == document.pages[p].lines[l].number && $0.severity == .warning }
        return (result, warnings)
    }

    /// An amount moved into the column of the amount beside it: the row is reported with its
    /// page and line and not read; the rest of its table is.
    func testTwoAmountsInOneColumnOfANoteTableAreReportedAndTheRowIsNotRead() throws {
        // Over the 2024 column's leader, left of 82,952,985.
        let (result, warnings) = try readPage33(changing: "56,969,165") { $0.x0 = 310; $0.x1 = 335 }
        XCTAssertEqual(warnings.map(\.message), ["the notes' table cell \"56,969,165\" is printed over the leader of a cell another amount fills; the row is not read"])
        let note = try XCTUnwrap(result.statement.notes.first { $0.number == 5 })
        let table = try XCTUnwrap(note.tables.first { $0.rows.first?.label == "b. Additions charged to operations" })
        XCTAssertFalse(table.rows.contains { $0.label.hasPrefix("a. Balance") })
        XCTAssertEqual(table.rows.count, 4)
    }

    /// A character that cannot be decoded (U+FFFD, where a page read by OCR prints a glyph no
    /// page teaches) in a note table's row: what it stands for cannot be told, so the row is a
    /// warning and not read; the rest of the table is.
    func testANoteTableRowWithAnUndecodedCharacterIsNotRead() throws {
        let (result, warnings) = try readPage33(changing: "94,444,600") { $0.text = "94,4\u{FFFD}4,600" }
        XCTAssertEqual(warnings.map(\.message), ["the notes' table row holds a character that cannot be decoded (U+FFFD); the row is not read"])
        let note = try XCTUnwrap(result.statement.notes.first { $0.number == 5 })
        let table = try XCTUnwrap(note.tables.first { $0.rows.first?.label == "a. Balance at beginning of period" })
        XCTAssertFalse(table.rows.contains { $0.label.hasPrefix("c. Direct write-downs") })
        XCTAssertEqual(table.rows.first?.cells, [.amount(printed("82,952,985"), dollarSign: true), .amount(printed("56,969,165"), dollarSign: true)])
        XCTAssertEqual(table.rows.count, 4)
    }

    /// Layout text sets a note table's amounts on lines of their own, away from their rows: the
    /// notes are read from a PDF's words only, and their pages are others in layout text.
    func testTheNotesAreNotReadFromLayoutText() throws {
        try Self.requirePdftotext()
        let result = StatementParser.parse(bytes: try Self.layoutText("forethought-life-2024"), name: "forethought-life-2024.txt")
        XCTAssertEqual(result.statement.notes, [])
        XCTAssertFalse(result.pages.contains { $0.schedule == "notes" })
    }
}
