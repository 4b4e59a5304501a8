import Foundation
import XCTest
@testable import NAICXBRL
@_spi(Stages) @testable import NAICXBRLCore
@testable import NAICXBRLReading
@testable import NAICXBRLChecks
@_spi(Stages) @testable import NAICXBRLXML
@testable import NAICXBRLInstance
@testable import NAICXBRLConversion

/// Pages whose text layer is not text, read by OCR (`--ocr`).
///
/// The filed 2024 statement's Liabilities page is made unreadable the way a font without a
/// Unicode map makes it: every character of its text layer is moved by the same offset (as the
/// notes pages of `athene-annuity-2021-annual-partial.pdf` extract: "Continued" as "'SRXMRYIH",
/// digits as control characters), while each word keeps its box. The page's image is untouched,
/// so OCR reads what the filer printed, and the values are compared with the ones the fixtures
/// list as printed (`*.expected.tsv`).
final class OCRTests: XCTestCase {
    /// Every character moved down by 28 code points, as the corpus's unmapped fonts extract.
    static func garbled(_ page: PositionedPage) -> PositionedPage {
        var page = page
        for l in page.lines.indices {
            for w in page.lines[l].words.indices {
                let text = page.lines[l].words[w].text
                page.lines[l].words[w].text = String(String.UnicodeScalarView(text.unicodeScalars.map { Unicode.Scalar($0.value > 28 ? $0.value - 28 : $0.value) ?? $0 }))
            }
        }
        return page
    }

    static func requireTesseract() throws {
        guard PageOCR.tesseractPath() == nil else { return }
        if ProcessInfo.processInfo.environment["NAICXBRL_SKIP_PDF_TESTS"] != nil {
            throw XCTSkip("tesseract is not installed and NAICXBRL_SKIP_PDF_TESTS is set")
        }
        throw PageOCR.Failure.toolMissing("tesseract")
    }

    func testAnUnreadableLiabilitiesPageIsReadByOCRAndJudgedByItsArithmetic() throws {
        try assertReadByOCR("forethought-life-2024", page: "Liabilities")
    }

    /// Another printer's layout.
    func testAnotherPrintersUnreadablePageIsReadByOCR() throws {
        try assertReadByOCR("commonwealth-annuity-2023", page: "Liabilities")
    }

    /// A third printer (no dot leaders, no company code printed), whose notes pages are unreadable
    /// as filed: the values OCR reads from its Liabilities page, made unreadable here, are
    /// compared with the ones its text layer gives, which are exact.
    func testAPrinterWithoutDotLeadersIsReadByOCR() throws {
        try AnnualStatementTests.requirePdftotext()
        try Self.requireTesseract()
        let bytes = try InputFile.read(EntityAndUnreadableTextTests.athene)
        var document = try PDFText.document(pdf: bytes, name: "athene.pdf", parts: 1)
        let reference = StatementParser.parse(document, pdf: bytes)
        // The filing's notes pages (7 to 38) are unreadable as filed.
        let notes = reference.pages.filter { $0.status == .unreadable }.map(\.page)
        XCTAssertEqual(notes, Array(7...38))
        let title = try XCTUnwrap(Blank.lifeAnnual.page("Liabilities")?.title)
        let index = try XCTUnwrap(document.pages.firstIndex { page in page.lines.prefix(4).contains { Text.key($0.text).hasPrefix(Text.key(title)) } })
        document.pages[index] = Self.garbled(document.pages[index])
        // OCR takes seconds a page: three of the notes pages stand for the 32 here.
        let ocrNotes = Array(notes.prefix(3))
        document.pages.removeAll { notes.contains($0.number) && !ocrNotes.contains($0.number) }
        var result = StatementParser.parse(document, pdf: bytes, ocr: true)
        OCRReview.review(&result, file: "athene.pdf")
        let printed = try XCTUnwrap(reference.statement.page("Liabilities"))
        let read = try XCTUnwrap(result.statement.page("Liabilities"))
        let columns = try XCTUnwrap(Blank.named(result.statement.blank, year: result.statement.edition)?.page("Liabilities")?.columns)
        var total = 0, exact = 0
        for row in printed.rows {
            for (c, cell) in row.cells.enumerated() where !cell.isBlank {
                total += 1
                if read.row(row.line)?.cells[safe: c] == cell { exact += 1; continue }
                let place = "\(title) line \(row.line), column \(columns[c].number)"
                XCTAssertTrue(result.diagnostics.contains { $0.code == .ocr && $0.severity >= .warning && $0.message.hasPrefix("\(place) is read by OCR") }
                              || read.row(row.line) == nil, "\(place): printed \(cell), read \(String(describing: read.row(row.line)?.cells[safe: c])), not reported")
            }
        }
        print("OCR: athene Liabilities: \(exact) of \(total) values exact")
        // The filing leaves out the Five-Year page and the exhibits the Liabilities page is tied
        // to: those ties judge nothing. A value read right is reported only under a rule the
        // statement as printed breaks too (its line 26 differs from the sum by $2).
        if exact == total {
            let blank = try XCTUnwrap(Blank.named(reference.statement.blank, year: reference.statement.edition))
            let printedFailures = Set(try XCTUnwrap(Checker.shared(for: blank)).check(reference.statement).results.filter { $0.status == .failed }.map(\.rule))
            let reported = result.diagnostics.filter { $0.code == .ocr && $0.severity == .error }
            XCTAssertFalse(reported.isEmpty, "line 26's printed rounding difference is reported")
            for finding in reported { XCTAssertTrue(printedFailures.contains(finding.rule ?? ""), finding.message) }
            XCTAssertFalse(reported.contains { $0.rule?.hasPrefix("five-year") ?? false })
        }
        // The notes pages are read by OCR whole (their heading is the notes'): each is read as notes
        // where every word of it is decoded from the text layer, else it is an error naming the
        // words left (testNotesInFontsWithoutAUnicodeMapAreDecodedAndRead).
        XCTAssertTrue(Set(result.unreadablePages).isSubset(of: ocrNotes))
        for finding in result.diagnostics where finding.code == .unreadablePage {
            XCTAssertTrue(finding.message.contains("is read by OCR, but"), finding.message)
        }
        for page in ocrNotes {
            let account = result.pages.first { $0.page == page }
            XCTAssertEqual(account?.readByOCR, true, "page \(page)")
            XCTAssertTrue(account?.status == .read || account?.status == .unreadable, "page \(page)")
        }
        XCTAssertGreaterThan(total, 60)
        XCTAssertGreaterThanOrEqual(Double(exact) / Double(total), 0.95)
    }

    /// Notes pages set in fonts without a Unicode map (Athene's printer: the space, each letter
    /// and digit, parentheses and the percent sign all extract as other characters) are decoded
    /// by the glyph map the pages' OCR teaches, and read as the notes of a text layer are: a note
    /// table's amounts are exactly those printed (`athene-annuity-2021.notes-ocr.tsv`, read by eye
    /// from renderings), a negative one with its parentheses, which the text layer loses.
    func testNotesInFontsWithoutAUnicodeMapAreDecodedAndRead() throws {
        try AnnualStatementTests.requirePdftotext()
        try Self.requireTesseract()
        let bytes = try InputFile.read(EntityAndUnreadableTextTests.athene)
        var document = try PDFText.document(pdf: bytes, name: "athene.pdf", parts: 1)
        // OCR takes seconds a page: six of the 32 notes pages.
        let notes = Array(7...12)
        document.pages.removeAll { (7...38).contains($0.number) && !notes.contains($0.number) }
        let result = StatementParser.parse(document, pdf: bytes, ocr: true)
        let account = try XCTUnwrap(result.pages.first { $0.page == 10 })
        XCTAssertEqual(account.status, .read)
        XCTAssertEqual(account.readByOCR, true)
        XCTAssertTrue(result.diagnostics.contains { $0.code == .ocr && $0.page == 10 && $0.message.contains("every one of them is decoded") })
        // A page with a word the glyph map does not decode is not read from OCR's guesses: an error
        // names the words left.
        for page in notes {
            let account = result.pages.first { $0.page == page }
            XCTAssertEqual(account?.readByOCR, true, "page \(page)")
            if account?.status == .unreadable {
                XCTAssertTrue(result.diagnostics.contains { $0.code == .unreadablePage && $0.page == page && $0.message.contains("cannot be decoded from its text layer (") })
            } else {
                XCTAssertEqual(account?.status, .read, "page \(page)")
            }
        }
        // Page 7 prints a glyph beside "Manual" that no page teaches and OCR cannot read alone: it
        // is kept as U+FFFD with a warning, and the rest of the page is read. Its note 1 table
        // (the reconciliation to NAIC SAP, a leader drawn under each whole caption) as printed,
        // a cell that lists two numbers ("86, 51") one text cell.
        XCTAssertEqual(result.pages.first { $0.page == 7 }?.status, .read)
        XCTAssertTrue(result.diagnostics.contains { $0.page == 7 && $0.severity == .warning && $0.message.contains("cannot be decoded from the text layer") && $0.message.contains("U+FFFD") })
        XCTAssertFalse(result.diagnostics.contains { $0.page == 7 && $0.message.contains("notes' table") })
        let reconciliation = try XCTUnwrap(result.statement.notes.first { $0.number == 1 }?.tables.first)
        func printedRow(_ label: String) -> [String]? {
            reconciliation.rows.first { $0.label == label }?.cells.map { ValueScanner.render($0) }
        }
        XCTAssertEqual(printedRow("(1) State basis (Page 4, Line 35, Columns 1 & 2)"), ["XXX", "XXX", "XXX", "$ (181,548,463)", "$ (7,963,713)"])
        XCTAssertEqual(printedRow("Derivative Instruments Bulletin 06-01"), ["86", "4", "38", "3,328,595", "4,966,262"])
        XCTAssertEqual(printedRow("2012 IAR Mortality Table for Annuities Issued in 2015 IAC 43.3 (5)"), ["51", "3", "1", "877,061", "370,839"])
        XCTAssertEqual(printedRow("(5) State basis (Page 3, Line 38, Columns 1 & 2)"), ["XXX", "XXX", "XXX", "$ 1,278,851,700", "$ 1,312,234,523"])
        XCTAssertEqual(printedRow("(8) NAIC SAP (5-6-7=8)"), ["XXX", "XXX", "XXX", "1,363,783,879", "1,390,743,518"])
        XCTAssertEqual(reconciliation.rows.filter { $0.label == "Derivative Instruments and Equity Indexed Reserves IAC 191-97" }.map { $0.cells.map { ValueScanner.render($0) } },
                       [["86, 51", "2, 3", "7, 1", "(98,310,207)", "19,584,793"], ["86, 51", "2, 3", "7, 1", "(91,108,291)", "(83,808,046)"]])
        XCTAssertEqual(printedRow("(6) State prescribed practices that are an increase / (decrease) from NAIC SAP:"), [])
        let text = result.statement.notes.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("(9) The company recognizes interest income on its impaired loans upon receipt."), text)
        // Every row of the fixture, in order, with its amounts as printed.
        let rows = result.statement.notes.flatMap(\.tables).flatMap(\.rows)
        let expected = try String(contentsOf: Fixture.root.appendingPathComponent("Fixtures/annual/athene-annuity-2021.notes-ocr.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        var next = 0
        for fields in expected {
            let amounts = fields.dropFirst().map { printed -> Amount? in
                if case .amount(let amount, _)? = ValueScanner.value(Substring(printed)) { return amount }
                return nil
            }
            XCTAssertFalse(amounts.contains(nil), "fixture: \(fields)")
            let found = rows[next...].firstIndex { row in
                row.label == fields[0] && row.cells.compactMap { cell -> Amount? in
                    if case .amount(let amount, _) = cell { return amount }
                    return nil
                } == amounts.compactMap { $0 }
            }
            XCTAssertNotNil(found, "\(fields[0]): \(fields.dropFirst().joined(separator: " ")) not read")
            if let found { next = found + 1 }
        }
        XCTAssertEqual(expected.count, 18)

        // Page 11's table of impaired securities prints its cells inside dot leaders, a date
        // centred in its leader: the leaders (which OCR does not read) stand in the decoded page
        // as dots and tell where each column ends, so the seventh column is one of its own.
        let impaired = try XCTUnwrap(result.statement.notes.flatMap(\.tables).first { $0.headings.last?.first == "CUSIP" })
        XCTAssertEqual(impaired.headings.first, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
        let otti = try String(contentsOf: Fixture.root.appendingPathComponent("Fixtures/annual/athene-annuity-2021.notes-otti.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(otti.count, 29)
        XCTAssertEqual(impaired.rows.count, otti.count + 1)
        for (row, fields) in zip(impaired.rows, otti) {
            XCTAssertEqual(row.label, fields[0])
            XCTAssertEqual(row.cells.count, 6, fields[0])
            XCTAssertEqual(row.cells.prefix(5).map(\.amount), fields[1...5].map { printed($0) }, fields[0])
            XCTAssertEqual(row.cells.last, .text(fields[6]), fields[0])
        }
        XCTAssertEqual(impaired.rows.last?.label, "Total")
        XCTAssertEqual(impaired.rows.last?.cells.map(\.amount), [nil, nil, printed("13,811,215"), nil, nil, nil])
    }

    func assertReadByOCR(_ filing: String, page id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try AnnualStatementTests.requirePdftotext()
        try Self.requireTesseract()
        let bytes = try InputFile.read(AnnualStatementTests.pdfPath(filing))
        var document = try PDFText.document(pdf: bytes, name: "\(filing).pdf", parts: 1)
        let title = try XCTUnwrap(Blank.lifeAnnual.page(id)?.title)
        let index = try XCTUnwrap(document.pages.firstIndex { page in
            page.lines.prefix(4).contains { Text.key($0.text).hasPrefix(Text.key(title)) }
        })
        let number = document.pages[index].number
        document.pages[index] = Self.garbled(document.pages[index])
        XCTAssertTrue(UnreadableText.isUnreadable(document.pages[index]))

        // Without OCR the page is reported unreadable, and nothing of it is read (the rows the
        // overflow page for write-ins continues it with, its overflow entries and their summary,
        // are read there).
        let plain = StatementParser.parse(document, pdf: bytes)
        let description = try XCTUnwrap(Blank.named(plain.statement.blank, year: plain.statement.edition)?.page(id))
        let fromOverflow = { (row: Row) in
            guard let line = description.line(printed: row.line) else { return false }
            return line.isEntries || line.total.map { total in description.line(total)?.isEntries ?? false } ?? false
        }
        XCTAssertEqual(plain.statement.page(id)?.rows.filter { !fromOverflow($0) }.map(\.line) ?? [], [])
        XCTAssertTrue(plain.diagnostics.contains { $0.code == .unreadablePage && $0.severity == .error && $0.page == number })

        // With OCR: the page is read, its rows marked, and the values compared with the printed ones.
        let started = Date()
        var result = StatementParser.parse(document, pdf: bytes, ocr: true)
        let seconds = Date().timeIntervalSince(started)
        OCRReview.review(&result, file: "\(filing).pdf")
        XCTAssertFalse(result.diagnostics.contains { $0.code == .unreadablePage })
        XCTAssertTrue(result.diagnostics.contains { $0.code == .ocr && $0.page == number && $0.severity == .info })
        XCTAssertEqual(result.pages.first { $0.page == number }?.readByOCR, true)
        let liabilities = try XCTUnwrap(result.statement.page(id))
        XCTAssertTrue(liabilities.rows.contains(where: \.readByOCR))
        XCTAssertTrue(result.statement.pages.filter { $0.id != id }.allSatisfy { $0.rows.allSatisfy { !$0.readByOCR } })

        let blank = try XCTUnwrap(Blank.named(result.statement.blank, year: result.statement.edition))
        let expected = try AnnualStatementTests.expected(filing, pages: [id])
            .filter { $0.column != "caption" }
        XCTAssertGreaterThan(expected.count, 60)
        let findings = result.diagnostics.filter { $0.code == .ocr && $0.severity >= .warning }
        var exact = 0
        var wrong: [String] = []
        for item in expected {
            let printed = try ValueScanner.cell(Substring(item.value)).get()
            let read: Cell?
            let place: String
            if item.column.hasPrefix("$") {
                let amounts = liabilities.row(item.line)?.captionAmounts.filter { !$0.isBlank } ?? []
                read = amounts[safe: (Int(item.column.dropFirst()) ?? 0) - 1]
                place = "\(title) line \(item.line), amount \(item.column.dropFirst()) printed in the caption"
            } else {
                read = result.statement.cell(item.page, item.line, column: item.column, blank: blank)
                place = "\(title) line \(item.line), column \(item.column)"
            }
            if read == printed {
                exact += 1
                continue
            }
            wrong.append("\(place): printed \(item.value), read \(String(describing: read))")
            // A value read wrong is reported on its cell; a row not read at all, on its page.
            if read != nil, read != .blank {
                XCTAssertTrue(findings.contains { $0.message.hasPrefix("\(place) is read by OCR") }, "\(place) is wrong and not reported")
            } else {
                XCTAssertTrue(result.diagnostics.contains { $0.severity >= .warning && ($0.page == number || $0.message.contains("line \(item.line)")) },
                              "\(place) is missing and not reported")
            }
        }
        let share = Double(exact) / Double(expected.count)
        print("OCR: \(filing) \(id): \(exact) of \(expected.count) values exact (\(String(format: "%.1f", share * 100)) %) in \(String(format: "%.1f", seconds)) s; wrong: \(wrong)")
        XCTAssertGreaterThanOrEqual(share, 0.95, "\(wrong)")
        // No value that the page does not print is read.
        for row in liabilities.rows {
            for (c, cell) in row.cells.enumerated() where !cell.isBlank {
                let column = blank.page(id)?.columns[c].number ?? ""
                XCTAssertTrue(expected.contains { $0.line == row.line && $0.column == column }, "\(id) \(row.line) column \(column) read \(cell), not printed there")
            }
        }
    }

    /// The rows read by OCR are a page's `LinesReadByOCR` fact in every form, valid, and come back
    /// from each on import: the round trip stays byte for byte.
    func testRowsReadByOCRAreMarkedInEveryFormAndComeBack() throws {
        try AnnualStatementTests.requirePdftotext()
        var statement = try Fixture.parsedPDF(AnnualStatementTests.pdfPath("forethought-life-2024")).statement
        let index = try XCTUnwrap(statement.pages.firstIndex { $0.id == "Liabilities" })
        for r in statement.pages[index].rows.indices where ["1", "2", "9.3"].contains(statement.pages[index].rows[r].line) {
            statement.pages[index].rows[r].readByOCR = true
        }
        let conversion = try Converter.convert(statement)
        XCTAssertEqual(conversion.validation.filter { $0.severity == .error }, [])
        let xml = conversion.instance
        XCTAssertTrue(String(decoding: xml, as: UTF8.self).contains(">1 2 9.3</naicla:LinesReadByOCR>"))
        let json = try ReportFormat.json.bytes(of: conversion, statement: statement)
        let csv = try ReportFormat.csv.bytes(of: conversion, statement: statement, name: "ocr")
        for (name, bytes) in [("ocr.xbrl", xml), ("ocr.json", json), ("ocr.xbr", csv)] {
            let report = ReportImport.read(bytes, name: name)
            XCTAssertEqual(report.result.diagnostics.filter { $0.severity >= .warning }, [], name)
            XCTAssertEqual(report.result.statement, statement, name)
            XCTAssertEqual(report.result.statement.page("Liabilities")?.rows.filter(\.readByOCR).map(\.line), ["1", "2", "9.3"], name)
            let again = try Converter.convert(report.result.statement, validate: false)
            XCTAssertTrue(again.instance == xml, name)
        }
        let inline = try Converter.convertInline(statement, file: "ocr.xhtml", validate: false)
        let extracted = try XCTUnwrap(InlineXBRLReader.extract(inline.document, name: "ocr.xhtml").instance)
        let imported = FactImporter(blank: Blank.named(statement.blank, year: statement.edition) ?? .lifeAnnual).importInstance(extracted, name: "ocr.xhtml")
        XCTAssertEqual(imported.statement, statement)
    }

    /// Without Tesseract, `--ocr` says so and exits 2, before reading anything.
    func testOCRWithoutTesseractIsExitCode2() throws {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("naicxbrl")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { throw XCTSkip("the naicxbrl binary is not built next to the tests") }
        for command in ["parse", "convert", "check"] {
            let process = Process()
            process.executableURL = tool
            process.arguments = [command, "--ocr", Fixture.root.appendingPathComponent("Fixtures/mml-bay-state-life-2011-q2.txt").path]
            process.environment = ProcessInfo.processInfo.environment.merging(["NAICXBRL_TESSERACT": "/nonexistent/tesseract"]) { _, new in new }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 2, command)
            XCTAssertTrue(message.contains("--ocr needs tesseract"), "\(command): \(message)")
        }
    }

    func testAmountsReadWithAmountCharactersAreTidied() {
        XCTAssertEqual(PageOCR.amount("4022,282,257"), "4,022,282,257")
        XCTAssertEqual(PageOCR.amount("53,177,,264,519"), "53,177,264,519")
        XCTAssertEqual(PageOCR.amount(".142,803,440"), "142,803,440")
        XCTAssertEqual(PageOCR.amount("(81,979,192)|"), "(81,979,192)")
        XCTAssertEqual(PageOCR.amount("(1,099,622"), "(1,099,622)")
        XCTAssertEqual(PageOCR.amount("24.01"), "24.01")
        XCTAssertEqual(PageOCR.amount("1."), "1.")
        XCTAssertEqual(PageOCR.amount("$1,236"), "$1,236")
        XCTAssertNil(PageOCR.amount("(,"))
        XCTAssertNil(PageOCR.amount("1-2"))
        XCTAssertNil(PageOCR.amount("10)"), "a cross-reference's end stays as read")
        XCTAssertTrue(PageOCR.isLeader("JJJJJJJJ"))
        XCTAssertFalse(PageOCR.isLeader("111"), "an amount")
        XCTAssertEqual(String(String.UnicodeScalarView(GlyphMap.core(Array("\u{12}\u{12}\u{12}\u{12}\u{12}\u{15}".unicodeScalars)))), "\u{15}")
        XCTAssertEqual(String(String.UnicodeScalarView(GlyphMap.core(Array("111,263".unicodeScalars)))), "111,263")
        XCTAssertFalse(PageOCR.isLeader("1,000"))
    }

    /// A glyph OCR reads right on most words is decoded on the word it misread; a character
    /// whose readings disagree keeps each word's OCR text.
    func testTheGlyphMapCorrectsAMisreadDigit() {
        let printed = ["3,229,793,598", "230,675,427", "1,233,300", "393,031", "456,765", "74,567", "45,670", "Total", "Totals"]
        let extracted = printed.map { OCRTests.garbled(PositionedPage(number: 1, lines: [PositionedLine(words: [PositionedWord(text: $0, x0: 0, x1: 1, y0: 0, y1: 1)], number: 1)])).lines[0].words[0].text }
        var read = printed
        read[1] = "280,675,427" // a 3 read as an 8
        XCTAssertEqual(GlyphMap.decode(extracted, read: read), printed)
        // "o" read as "o" twice and "0" three times: not known, so "Total" stays as read.
        let cipher = ["Total", "Totals", "To", "oo"].map { OCRTests.garbled(PositionedPage(number: 1, lines: [PositionedLine(words: [PositionedWord(text: $0, x0: 0, x1: 1, y0: 0, y1: 1)], number: 1)])).lines[0].words[0].text }
        let split = GlyphMap.decode(cipher, read: ["Total", "T0tals", "To", "00"])
        XCTAssertEqual(split, ["Total", "T0tals", "To", "00"])
        // A word of a font with a map that OCR misreads a little keeps its text layer.
        XCTAssertEqual(GlyphMap.decode(["Total", "Liabilities"], read: ["Tota1", "Liabilities"]), ["Total", "Liabilities"])
        // A word in a font with a map (read as extracted) is kept, though its letters are the
        // cipher's for others: "IIII" read as "eeee" teaches I = e, and "It" stays "It".
        XCTAssertEqual(GlyphMap.decode(["IIII", "II", "It", "It"], read: ["eeee", "ee", "It", "Xt"]), ["eeee", "ee", "It", "Xt"])
    }

    /// A font whose space is a glyph sets a printed line as one word of the text layer: the space,
    /// the letters, a ligature and the apostrophe are learned from what OCR reads of whole lines
    /// (a misread letter outvoted), and a line is decoded exactly.
    func testAFontWhoseSpaceIsAGlyphIsDecodedLineByLine() {
        // The corpus's cipher: ASCII moved down by 28, the space a control character, "fi" and
        // "’" glyphs of their own.
        func cipher(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var rest = Substring(text)
            while let first = rest.first {
                if rest.hasPrefix("fi") { out.append("\u{A6}"); rest = rest.dropFirst(2); continue }
                rest = rest.dropFirst()
                if first == "\u{2019}" { out.append("\u{98}"); continue }
                out.append(Unicode.Scalar(first.unicodeScalars.first!.value - 28)!)
            }
            return String(out)
        }
        let printed = ["The Company’s financial statements are prepared on the basis of", "accounting practices prescribed by the Iowa Insurance Division",
                       "Bonds are stated at amortized cost using the scientific method", "Loan-backed securities are stated at amortized cost or fair value",
                       "The Company’s first quarter filing was amended in 2021", "the Division issued Bulletin 06-01 on the fair value of options",
                       "Recoveries of amounts previously charged off were 716,675", "Mezzanine loans are carried at the unpaid principal balance",
                       "In 2021 the Iowa Insurance Division issued Bulletin 21-01", "Interest Income Is Included In Investment Income"]
        var read = printed.map { $0.replacingOccurrences(of: "\u{2019}", with: "'") }
        read[1] = "accounting practices prescribed by the lowa Insurance Division" // "I" read as "l" once
        let extracted = printed.map(cipher)
        let map = GlyphMap.learn(Array(zip(extracted, read)))
        XCTAssertEqual(map.space, "\u{04}")
        XCTAssertEqual(map.known["\u{A6}"], "fi")
        XCTAssertEqual(map.known["\u{98}"], "'", "an apostrophe OCR reads straight")
        XCTAssertEqual(map.known[Unicode.Scalar(UInt32(("I" as Unicode.Scalar).value - 28))!], "I", "the misread is outvoted")
        XCTAssertEqual(map.shift, 28)
        XCTAssertEqual(map.decode(cipher("Iowa financial statements")), "Iowa financial statements")
        // A character no line teaches is known by the shift; the glyphs the text extraction takes
        // for white space are the characters lost: tab, line feed, vertical tab, form feed, carriage
        // return and space moved up by 28.
        XCTAssertEqual(map.decode(cipher("Q")), "Q")
        XCTAssertEqual(map.lostCharacters, Set("%&'()<".unicodeScalars))
        // A word of a font with a map is its text layer's; one OCR misreads a little stays so.
        XCTAssertEqual(map.reading("Annual", read: "Annual"), .plain)
        XCTAssertEqual(map.reading("Statement", read: "Staternent"), .plain)
        XCTAssertEqual(map.reading(cipher("and"), read: "and"), .decoded("and"))
        XCTAssertEqual(map.reading(cipher("i"), read: "j"), .decoded("i"), "OCR reads none of the text layer's characters")
        XCTAssertEqual(map.reading("\u{92}", read: ""), .unknown, "a character no word teaches, outside the shift's range")
        // Without twenty characters on one offset, no shift: nothing is known that OCR did not teach.
        let few = GlyphMap.learn(Array(zip(extracted.prefix(2), read.prefix(2))))
        XCTAssertNil(few.shift)
        XCTAssertTrue(few.lostCharacters.isEmpty)
    }

    /// Glyphs the text extraction loses (a parenthesis the font writes as a form feed) are put
    /// back from the page's image beside the word they belong to; one that cannot be read leaves
    /// the page not wholly decoded.
    func testALostParenthesisGoesBackBesideItsWord() {
        func cipher(_ text: String) -> String { String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == " " ? "\u{04}" : Unicode.Scalar($0.value - 28)! })) }
        let lines = ["Recoveries of amounts previously charged off", "Balance at beginning of period 889,574 621,637",
                     "Additions charged to operations during the year", "Direct write-downs charged against the allowances",
                     "Balance at end of period under the Iowa rules", "Mortgage loans derecognized as a result of foreclosure"]
        let map = GlyphMap.learn(lines.map { (cipher($0), $0) })
        XCTAssertEqual(map.shift, 28)
        let blank = PageOCR.GrayImage(width: 1, height: 1, pixels: [255])
        let words = [PositionedWord(text: cipher("charged off"), x0: 10, x1: 60, y0: 0, y1: 10),
                     PositionedWord(text: cipher("716,675"), x0: 70, x1: 100, y0: 0, y1: 10)]
        var recognition = PageOCR.Recognition(number: 1, words: words, read: ["charged off", "716,675"], taught: ["charged off", "716,675"],
                                              lost: [PageOCR.LostGlyph(previous: 0, next: 1, image: blank), PageOCR.LostGlyph(previous: 1, next: nil, image: blank)])
        recognition.lostReadings = ["(", ")"]
        let (page, undecoded) = recognition.page(decodedBy: map)
        XCTAssertEqual(undecoded, [])
        XCTAssertEqual(page.lines.first?.words.map(\.text), ["charged", "off", "(716,675)"])
        recognition.lostReadings = [nil, ")"]
        XCTAssertEqual(recognition.page(decodedBy: map).undecoded, ["a mark beside \"charged off\"", "a mark beside \"716,675)\""], "a glyph beside a word not read")
        recognition.lostReadings = ["", ")"]
        XCTAssertEqual(recognition.page(decodedBy: map).undecoded, [], "ink that is no lost glyph (a dollar sign set apart)")
        XCTAssertEqual(recognition.page(decodedBy: map).page.lines.first?.words.map(\.text), ["charged", "off", "716,675)"])
    }

    /// A dollar sign whose leader runs under the amount ("$......" as one word, the amount printed
    /// over its end): the ink just before the amount is looked at as its lost glyph (Athene's
    /// "$ (719,331)"), the dollar sign and the leader's dots are not.
    func testALostGlyphBeforeAnAmountPrintedOverItsLeaderIsFound() throws {
        let scale = PageOCR.resolution / 72
        let width = Int(100 * scale), height = Int(12 * scale)
        var pixels = [UInt8](repeating: 255, count: width * height)
        func ink(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>) {
            for row in Int(y.lowerBound * scale)...Int(y.upperBound * scale) {
                for column in Int(x.lowerBound * scale)...Int(x.upperBound * scale) { pixels[row * width + column] = 0 }
            }
        }
        ink(39...44, 1.5...9)        // the dollar sign, its word starting a line's height before the amount
        var dot = 45.0
        while dot < 47 { ink(dot...(dot + 0.4), 8.6...9); dot += 1.5 }     // its leader, on the baseline
        ink(48...49, 1.5...9.5)      // the opening parenthesis the text layer lost
        ink(50.5...74, 2...9)        // the amount
        let image = PageOCR.GrayImage(width: width, height: height, pixels: pixels)
        let dollar = PositionedWord(text: "$" + String(repeating: ".", count: 20), x0: 38.5, x1: 80, y0: 0, y1: 10)
        let amount = PositionedWord(text: "719,331", x0: 50, x1: 75, y0: 0, y1: 10)
        let lost = PageOCR.lostGlyphs([PositionedLine(words: [dollar, amount], number: 1)], words: [dollar, amount], image: image)
        XCTAssertEqual(lost.count, 1)
        let glyph = try XCTUnwrap(lost.first)
        XCTAssertNil(glyph.previous)
        XCTAssertEqual(glyph.next, 1)
        let found = try XCTUnwrap(PageOCR.ink(in: PageOCR.Box(x0: 0, x1: glyph.image.width, y0: 0, y1: glyph.image.height), of: glyph.image))
        XCTAssertLessThanOrEqual(Double(found.right - found.left + 1), 1.5 * scale, "the parenthesis alone, not the dollar sign")
        // A word of text whose box reaches a little into the next one's (kerning) is no leader: the
        // ink before the next word is its own last letters.
        pixels = [UInt8](repeating: 255, count: width * height)
        ink(20...50.3, 1.5...9)      // "upon th"
        ink(50.9...53, 3...9)        // "s"
        let text = PositionedWord(text: "upon th", x0: 20, x1: 50.8, y0: 0, y1: 10)
        let s = PositionedWord(text: "s", x0: 50.5, x1: 53, y0: 0, y1: 10)
        let letters = PageOCR.GrayImage(width: width, height: height, pixels: pixels)
        XCTAssertEqual(PageOCR.lostGlyphs([PositionedLine(words: [text, s], number: 1)], words: [text, s], image: letters).count, 0)
    }

    /// A lost glyph's shape: a mark high on the line alone is an apostrophe, a round blob in its
    /// middle a bullet; a lone bar across the middle is a dash.
    func testLostGlyphsAreToldByTheirShape() {
        func image(_ width: Int, _ height: Int, ink: [(x: Range<Int>, y: Range<Int>)]) -> PageOCR.GrayImage {
            var pixels = [UInt8](repeating: 255, count: width * height)
            for box in ink { for y in box.y { for x in box.x { pixels[y * width + x] = 0 } } }
            return PageOCR.GrayImage(width: width, height: height, pixels: pixels)
        }
        XCTAssertEqual(PageOCR.shape(of: image(10, 60, ink: [(3..<6, 8..<20)])), "'")
        XCTAssertEqual(PageOCR.shape(of: image(30, 60, ink: [(8..<22, 24..<38)])), "")
        XCTAssertNil(PageOCR.shape(of: image(16, 60, ink: [(4..<8, 8..<52)])), "a parenthesis is read, not guessed")
        let dash = image(40, 60, ink: [(5..<35, 30..<34)])
        XCTAssertTrue(PageOCR.isDash(PageOCR.Box(x0: 0, x1: 40, y0: 0, y1: 60), in: dash))
        let underline = image(40, 60, ink: [(5..<35, 55..<58)])
        XCTAssertFalse(PageOCR.isDash(PageOCR.Box(x0: 0, x1: 40, y0: 0, y1: 60), in: underline), "a rule at the foot of the line")
    }

    func testAPGMImageIsRead() {
        let image = PageOCR.pgm(Array("P5\n# comment\n3 2\n255\n".utf8) + [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(image?.width, 3)
        XCTAssertEqual(image?.pixels, [0, 1, 2, 3, 4, 5])
        XCTAssertNil(PageOCR.pgm(Array("P5\n3 2\n255\n".utf8) + [0, 1]))
        XCTAssertNil(PageOCR.pgm(Array("P6\n1 1\n255\n".utf8) + [0, 0, 0]))
    }
}
