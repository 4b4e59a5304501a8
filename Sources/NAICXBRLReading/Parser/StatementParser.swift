import Foundation
@_spi(Stages) import NAICXBRLCore

/// The outcome of reading a statement: the model, and an account of every input line.
public struct ParseResult: Sendable {
    public var statement: Statement
    public var diagnostics: [Diagnostic]
    /// How each non-blank input line was accounted for, by 1-based line number.
    public var dispositions: [Int: LineDisposition]
    /// Where each tabular row was printed: page id → line number → input line.
    public var origins: [String: [String: Int]]
    /// False when the input could not be read as a statement at all (exit code 2).
    public var isUsable: Bool
    /// Pages of a PDF whose text layer cannot be read (fonts without a Unicode map), by number.
    public var unreadablePages: [Int] = []
    /// How each page of a statement laid out by position was accounted for: read, a schedule the
    /// blank's description does not cover (by its printed title), or unreadable.
    public var pages: [PageAccount] = []

    /// Lines reported as not recognized: the count the coverage test holds at zero.
    public var unrecognizedLineCount: Int {
        diagnostics.filter { $0.code == .unrecognizedLine || $0.code == .unknownLine }.count
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads a statement's text by a ``Blank`` description.
///
/// The text is split into sections by the titles the blank prints (page titles, "NOTES TO
/// FINANCIAL STATEMENTS", "GENERAL INTERROGATORIES"); pages may come in any order. Within a
/// page, rows are found by their line numbers, never by position in the file.
public enum StatementParser {
    /// Parses a statement file (`-` for standard input). Throws only when the file cannot be
    /// read, or is larger than ``Limits/inputBytes``.
    ///
    /// Without a `blank`, the blank is recognized from the pages' running header, and the form
    /// from the bytes: a PDF (read through poppler's `pdftotext`), text from `pdftotext -layout`
    /// (read by position), or the tab-separated text rendering.
    ///
    /// `pdfParts` is how many `pdftotext` processes read a PDF's pages at once (one per core by
    /// default; a batch that converts several statements at once passes 1).
    ///
    /// With `ocr`, a PDF's pages whose text layer is not text are read by optical character
    /// recognition (Tesseract, on pages rendered by poppler's `pdftoppm`) instead of being
    /// reported unreadable; their rows are marked ``Row/readByOCR``.
    public static func parse(fileAt path: String, blank: Blank? = nil, pdfParts: Int? = nil, ocr: Bool = false) throws -> ParseResult {
        let bytes = try InputFile.read(path)
        return parse(bytes: bytes, name: InputFile.displayName(path), blank: blank, pdfParts: pdfParts, ocr: ocr)
    }

    public static func parse(text: String, name: String = "<input>", blank: Blank? = nil) -> ParseResult {
        parse(bytes: Array(text.utf8), name: name, blank: blank)
    }

    /// Parses a statement's bytes, as ``parse(fileAt:blank:pdfParts:ocr:)`` parses a file's. A PDF's
    /// `pdftotext` processes are stopped at `pdfDeadline` when one is given (a server passes the
    /// end of its request's time limit).
    public static func parse(bytes: [UInt8], name: String, blank: Blank? = nil, pdfParts: Int? = nil, pdfDeadline: DispatchTime? = nil,
                             ocr: Bool = false) -> ParseResult {
        if PDFText.isPDF(bytes) {
            let parts = pdfParts ?? ProcessInfo.processInfo.activeProcessorCount
            if let result = parseByOutline(bytes, name: name, blank: blank, parts: parts, pdfDeadline: pdfDeadline, ocr: ocr) {
                return result
            }
            let document: PositionedDocument
            do {
                document = try PDFText.document(pdf: bytes, name: name, parts: parts, deadline: pdfDeadline)
            } catch {
                return ParseResult(statement: Statement(blank: blank?.id ?? ""), diagnostics: [Diagnostic(.error, .io, file: name, line: nil, error.description)],
                                   dispositions: [:], origins: [:], isUsable: false)
            }
            return parse(document, pdf: bytes, blank: blank, pdfDeadline: pdfDeadline, ocr: ocr)
        }
        if let (line, length) = longLine(bytes, limit: Limits.current.lineBytes) {
            let message = "line \(line) is \(length) bytes long, more than \(Limits.current.lineBytes) (NAICXBRL_MAX_LINE_BYTES sets the limit); the statement was not read"
            return ParseResult(statement: Statement(blank: blank?.id ?? ""), diagnostics: [Diagnostic(.error, .limit, file: name, line: line, message)],
                               dispositions: [:], origins: [:], isUsable: false)
        }
        // A tab marks the tab-separated rendering, and is found at once; only text without one
        // is read by position.
        if !bytes.contains(0x09), unusable(bytes) == nil {
            let text = String(decoding: bytes, as: UTF8.self)
            let document = PositionedDocument.layoutText(text, name: name)
            if let chosen = blank ?? recognize(document), blank == nil || chosen.kind == .annual {
                let (edition, notice) = Editions.choose(chosen, given: blank != nil, year: Editions.year(document, header: chosen.pageHeader), file: name)
                var result = LayoutStatementParser.parse(document, blank: edition)
                if let notice { result.diagnostics.insert(notice, at: 0) }
                return result
            }
        }
        guard let chosen = blank ?? recognizeTabbed(bytes) ?? BlankCatalog.bundled.latest(ofKind: .quarterly) else {
            return ParseResult(statement: Statement(blank: ""), diagnostics: [Diagnostic(.error, .emptyInput, file: name, line: nil, "no blank of the catalog prints this statement's running header")],
                               dispositions: [:], origins: [:], isUsable: false)
        }
        let (edition, notice) = Editions.choose(chosen, given: blank != nil, year: Editions.year(bytes, header: chosen.pageHeader), file: name)
        var result = parseTabbed(bytes: bytes, name: name, blank: edition)
        if let notice { result.diagnostics.insert(notice, at: 0) }
        return result
    }

    /// The PDF pages where a filing would print `page`, which the pages read do not hold: the
    /// pages between the pages read that the blank numbers just before and just after it ("SI01",
    /// "SI05-SI07", "SI10": Commonwealth's 2023 filing prints its Summary Investment Schedule,
    /// SI01, on PDF page 135 and Schedule DA's verification, SI10, on 138, so Schedule D Part 1A
    /// would stand on 136 or 137). Nil where no page read is numbered on either side of it.
    static func pagesWherePrinted(_ page: PageDescription, in result: ParseResult, of blank: Blank) -> ClosedRange<Int>? {
        guard let own = page.printedPageRange else { return nil }
        // The pages read, by the blank's number (of the same prefix) and their PDF page.
        let numbered: [(number: Int, pdfPage: Int)] = result.pages.filter { $0.status == .read }.flatMap { account in
            (account.schedule ?? "").components(separatedBy: " + ").compactMap { id -> [(number: Int, pdfPage: Int)]? in
                guard let range = blank.page(id)?.printedPageRange, range.prefix == own.prefix else { return nil }
                return [(range.numbers.lowerBound, account.page), (range.numbers.upperBound, account.page)]
            }.flatMap { $0 }
        }
        guard let before = numbered.filter({ $0.number < own.numbers.lowerBound }).max(by: { ($0.number, $0.pdfPage) < ($1.number, $1.pdfPage) }),
              let after = numbered.filter({ $0.number > own.numbers.upperBound }).min(by: { ($0.number, $0.pdfPage) < ($1.number, $1.pdfPage) }),
              before.pdfPage < after.pdfPage else { return nil }
        return before.pdfPage...after.pdfPage
    }

    /// Reads only the pages of a PDF the blank's description reads, when the PDF's outline names
    /// them (``PDFOutline``). The pages are read in their ranges, `parts` at once; every other
    /// page is accounted for as not read, under the outline's title for it. (The annual
    /// description reads nearly every page of a filed annual statement; where the outline names
    /// them all, all are read, and a page found to be no page of the description is still named
    /// by the outline.) Nil, and the whole file is read, when the PDF
    /// has no outline, when its outline names none of the description's pages, or when a page
    /// of the description is not found in the pages read (a title the outline words otherwise)
    /// nor in the pages where the blank's numbering places it (``pagesWherePrinted(_:in:of:)``),
    /// which are read too when a page is missing: a page the filing does not print costs a few
    /// pages more, not the whole file.
    static func parseByOutline(_ bytes: [UInt8], name: String, blank: Blank?, parts: Int, pdfDeadline: DispatchTime?, ocr: Bool) -> ParseResult? {
        guard let count = PDFText.pageCount(bytes, deadline: pdfDeadline), count >= 16, count <= Limits.current.pdfPages,
              let outline = PDFOutline.read(bytes, pageCount: count, deadline: pdfDeadline) else { return nil }
        // Every edition's pages: a page an edition drops (Schedule D Part 1A's sections in 2025)
        // is still read in a filing on an earlier one.
        let blanks = blank.map { [$0] } ?? BlankCatalog.bundledEditions
        guard var selected = outline.pages(for: blanks.flatMap { $0.pages.flatMap { [$0.title] + ($0.outline ?? []) } + ($0.cover?.codePages ?? [])
                                                                + $0.sections.flatMap { $0.titles + ($0.outline ?? []) } }),
              selected.count <= count else { return nil }
        /// The positioned words of `pages`, read in their ranges, `parts` at once.
        func extract(_ pages: Set<Int>) -> PositionedDocument? {
            var ranges: [ClosedRange<Int>] = []
            for page in pages.sorted() {
                if let last = ranges.last, last.upperBound + 1 == page {
                    ranges[ranges.count - 1] = last.lowerBound...page
                } else {
                    ranges.append(page...page)
                }
            }
            return try? PDFText.document(pdf: bytes, name: name, ranges: ranges, concurrently: parts, deadline: pdfDeadline)
        }
        func reading(_ pages: Set<Int>) -> (PositionedDocument, ParseResult)? {
            guard let document = extract(pages) else { return nil }
            // Judged without OCR, which then reads the same pages only when they are the ones to read
            // (an unreadable page of the description sends the statement to the whole file, read once).
            return (document, parse(document, pdf: bytes, blank: blank, pdfDeadline: pdfDeadline, ocr: false))
        }
        guard var (document, result) = reading(selected), result.isUsable,
              let read = Blank.named(result.statement.blank, year: result.statement.edition) else { return nil }
        // A page of the description not found, or found on fewer PDF pages than the blank numbers
        // it over (an outline that files a table's first pages under the schedule before it): the
        // pages where the blank's numbering places it are read as well; a page still not found
        // there is one the filing does not print.
        let missing = read.pages.filter { page in
            guard result.statement.page(page.id) != nil else { return true }
            guard let printed = page.printedPageRange?.numbers.count, printed > 1 else { return false }
            return result.pages.filter { $0.status == .read && ($0.schedule ?? "").components(separatedBy: " + ").contains(page.id) }.count < printed
        }
        if !missing.isEmpty {
            var more = selected
            for page in missing {
                guard let pages = pagesWherePrinted(page, in: result, of: read) else { return nil }
                more.formUnion(pages)
            }
            guard more.count <= count else { return nil }
            if more != selected {
                // Only the pages not read yet are extracted; the statement is read again from all.
                guard let added = extract(more.subtracting(selected)) else { return nil }
                var merged = document
                merged.pages = (document.pages + added.pages).sorted { $0.number < $1.number }
                let again = parse(merged, pdf: bytes, blank: blank, pdfDeadline: pdfDeadline, ocr: false)
                guard again.isUsable, again.statement.blank == result.statement.blank,
                      again.statement.edition == result.statement.edition else { return nil }
                (document, result, selected) = (merged, again, more)
            }
        }
        guard result.statement.cover.companyCode != nil else { return nil }
        if ocr, !result.unreadablePages.isEmpty {
            result = parse(document, pdf: bytes, blank: blank, pdfDeadline: pdfDeadline, ocr: true)
        }
        let skipped = (1...count).filter { !selected.contains($0) }
        for page in skipped {
            result.pages.append(PageAccount(page: page, status: .other, schedule: outline.entry(of: page)?.title))
        }
        // A page read and found to be no page of the description is named by the outline, as
        // the pages not read are; its printed title only where the outline names none.
        for index in result.pages.indices where result.pages[index].status == .other {
            if let title = outline.entry(of: result.pages[index].page)?.title { result.pages[index].schedule = title }
        }
        result.pages.sort { $0.page < $1.page }
        if !skipped.isEmpty {
            result.diagnostics.append(Diagnostic(.info, .missingPage, file: name, line: nil,
                                                 "\(skipped.count) pages are not read: the PDF's outline names them as schedules the \(read.title) description does not read (pages \(LayoutReader.ranges(skipped)))"))
        }
        return result
    }

    /// Reads a PDF's positioned words (``PDFText/document(pdf:name:limits:parts:deadline:)``) by
    /// `blank` or the blank its running header names; with `ocr`, pages whose text layer is not
    /// text are read from `pdf`'s images first.
    package static func parse(_ document: PositionedDocument, pdf: [UInt8], blank: Blank? = nil, pdfDeadline: DispatchTime? = nil,
                              ocr: Bool = false) -> ParseResult {
        var document = document
        let name = document.name
        guard let chosen = blank ?? recognize(document) ?? BlankCatalog.bundled.latest(ofKind: .annual) else {
            return ParseResult(statement: Statement(blank: ""), diagnostics: [Diagnostic(.error, .emptyInput, file: name, line: nil, "no blank of the catalog prints this statement's running header")],
                               dispositions: [:], origins: [:], isUsable: false)
        }
        var recognized: [Diagnostic] = []
        var ocrPages: Set<Int> = []
        var decodedPages: Set<Int> = []
        var notDecoded: [Int: [String]] = [:]
        var markedPages: [Int: PositionedPage] = [:]
        if ocr {
            do throws(PageOCR.Failure) {
                try PageOCR.checkTools()
            } catch {
                return ParseResult(statement: Statement(blank: chosen.id), diagnostics: [Diagnostic(.error, .io, file: name, line: nil, error.description)],
                                   dispositions: [:], origins: [:], isUsable: false)
            }
            (ocrPages, decodedPages, notDecoded, markedPages, recognized) = readUnreadablePages(&document, pdf: pdf, blank: chosen, deadline: pdfDeadline)
        }
        let (edition, notice) = Editions.choose(chosen, given: blank != nil, year: Editions.year(document, header: chosen.pageHeader), file: name)
        var result = LayoutStatementParser.parse(document, blank: edition, ocrPages: ocrPages, decodedPages: decodedPages, notDecoded: notDecoded,
                                                 markedPages: markedPages)
        result.diagnostics.insert(contentsOf: recognized, at: 0)
        if let notice { result.diagnostics.insert(notice, at: 0) }
        return result
    }

    /// Reads each page whose text layer is not text by OCR, in place. A page's head (its first
    /// lines: running header and title) is read first; the rest only when the head is a title of
    /// `blank`'s pages or of its notes or interrogatories, or the page follows one (a page that
    /// goes on from it). Any other page keeps only its head, which names it as a schedule the
    /// description does not read. A page OCR cannot read stays as it is (and is reported
    /// unreadable), with the reason. Each page may take `NAICXBRL_OCR_TIMEOUT` seconds (default
    /// 60), or until `deadline`.
    ///
    /// The pages read whole are decoded with one glyph map learned from all of them
    /// (``GlyphMap``): the second set holds those whose every word is the text layer's own or
    /// decoded from it, none left as OCR read it; `notDecoded` the others, with the words left;
    /// `markedPages` those of them whose words left are all of a font without a map, each with
    /// the characters no page teaches (and the lost glyphs not read) marked U+FFFD.
    static func readUnreadablePages(_ document: inout PositionedDocument, pdf: [UInt8], blank: Blank, deadline: DispatchTime?)
        -> (read: Set<Int>, decoded: Set<Int>, notDecoded: [Int: [String]], markedPages: [Int: PositionedPage], diagnostics: [Diagnostic]) {
        var read: Set<Int> = []
        var diagnostics: [Diagnostic] = []
        let seconds = ProcessInfo.processInfo.environment["NAICXBRL_OCR_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 60
        let titles = blank.pages.map { (key: Text.key($0.title), id: $0.id) }
        let sectionTitles = Set(blank.sections.filter { $0.kind == .notes || $0.kind == .interrogatories }.flatMap(\.titles).map(Text.key))
        func described(_ page: PositionedPage) -> Bool {
            let head = Array(page.lines.prefix(headLines))
            return head.indices.contains { LayoutReader.title(in: head, at: $0, titles: titles, blank: blank)?.id != nil }
                || head.contains { sectionTitles.contains(Text.key($0.text)) }
        }
        var follows = false
        var whole: [(index: Int, recognition: PageOCR.Recognition, seconds: Double)] = []
        var pairs: [(extracted: String, read: String)] = []
        for index in document.pages.indices {
            let page = document.pages[index]
            guard UnreadableText.isUnreadable(page) else {
                follows = described(page)
                continue
            }
            let started = DispatchTime.now()
            let limit = min(deadline ?? .distantFuture, started + seconds)
            do throws(PageOCR.Failure) {
                let image = try PageOCR.image(of: page, pdf: pdf, deadline: limit)
                let head = try PageOCR.recognize(page, image: image, lines: headLines, deadline: limit)
                let headPage = head.page(decodedBy: GlyphMap.learn(pairs + head.pairs)).page
                let isDescribed = described(headPage)
                let elapsed = { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }
                if isDescribed || follows {
                    let recognition = try PageOCR.recognize(page, image: image, deadline: limit)
                    pairs += recognition.pairs
                    whole.append((index, recognition, elapsed()))
                } else {
                    document.pages[index] = headPage
                    diagnostics.append(Diagnostic(.info, .ocr, file: document.name, page: page.number, line: nil,
                        "page \(page.number)'s text layer is not text; its heading, read by OCR, is no page of the \(blank.title) description, so the rest is not read (\(String(format: "%.1f", elapsed())) s)"))
                }
                follows = isDescribed
                read.insert(page.number)
            } catch {
                follows = false
                diagnostics.append(Diagnostic(.error, .ocr, file: document.name, page: page.number, line: nil, error.description))
            }
        }
        let map = GlyphMap.learn(pairs)
        var decoded: Set<Int> = []
        var notDecoded: [Int: [String]] = [:]
        var markedPages: [Int: PositionedPage] = [:]
        for (index, var recognition, elapsed) in whole {
            let limit = min(deadline ?? .distantFuture, DispatchTime.now() + seconds)
            do throws(PageOCR.Failure) {
                try PageOCR.readLost(&recognition, map: map, deadline: limit)
            } catch {
                diagnostics.append(Diagnostic(.error, .ocr, file: document.name, page: recognition.number, line: nil, error.description))
            }
            let (page, undecoded) = recognition.page(decodedBy: map)
            document.pages[index] = page
            if undecoded.isEmpty {
                decoded.insert(page.number)
            } else {
                notDecoded[page.number] = undecoded
                // The page with each character no page teaches marked, where that is all that is
                // left: its notes and interrogatories are read with the marks.
                let marked = recognition.page(decodedBy: map, marking: true)
                if marked.undecoded.isEmpty { markedPages[page.number] = marked.page }
            }
            diagnostics.append(Diagnostic(.info, .ocr, file: document.name, page: page.number, line: nil, undecoded.isEmpty
                ? "page \(page.number)'s text layer is not text; its words are read by OCR, and every one of them is decoded from the text layer by its fonts' glyphs, as OCR taught them (\(String(format: "%.1f", elapsed)) s)"
                : "page \(page.number)'s text layer is not text; its words are read by OCR (\(String(format: "%.1f", elapsed)) s)"))
        }
        // By page, in the order found within a page.
        diagnostics = diagnostics.enumerated().sorted { ($0.element.page ?? 0, $0.offset) < ($1.element.page ?? 0, $1.offset) }.map(\.element)
        return (read, decoded, notDecoded, markedPages, diagnostics)
    }

    /// The lines of a page its running header and title stand in.
    static let headLines = 6

    /// The first line longer than `limit` bytes, and its length: one scan, before anything else
    /// reads the text, so no stage meets a line that costs more than the limit.
    static func longLine(_ bytes: [UInt8], limit: Int) -> (line: Int, length: Int)? {
        guard bytes.count > limit else { return nil }
        return bytes.withUnsafeBytes { buffer -> (Int, Int)? in
            guard let base = buffer.baseAddress else { return nil }
            var line = 1, start = 0
            while start < buffer.count {
                var end = buffer.count
                if let found = memchr(base + start, 0x0A, buffer.count - start) { end = base.distance(to: UnsafeRawPointer(found)) }
                if end - start > limit { return (line, end - start) }
                line += 1
                start = end + 1
            }
            return nil
        }
    }

    /// The blank whose running header the tab-separated text prints. The quarterly blank, the
    /// usual one, is tried first, so a quarterly statement never decodes another description.
    static func recognizeTabbed(_ bytes: [UInt8]) -> Blank? {
        // In the catalog's order, lazily: a statement of the first blank decodes no other description.
        Blank.ids.lazy.compactMap(Blank.named).first { contains(bytes, $0.pageHeader) }
    }

    /// Whether the running header `header` occurs in `bytes`.
    private static func contains(_ bytes: [UInt8], _ header: String) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in Text.withBytes(header) { Text.contains(bytes, $0) } }
    }

    /// The known blank whose running header starts the most pages of the document.
    static func recognize(_ document: PositionedDocument) -> Blank? {
        var best: (blank: Blank, pages: Int)?
        for id in Blank.ids {
            guard let blank = Blank.named(id) else { continue }
            let header = Text.key(blank.pageHeader)
            let pages = document.pages.filter { page in page.lines.prefix(8).contains { Text.key($0.text).hasPrefix(header) } }.count
            if pages > 0, pages > best?.pages ?? 0 { best = (blank, pages) }
        }
        return best?.blank
    }

    /// Parses the tab-separated text rendering of a statement.
    public static func parseTabbed(bytes: [UInt8], name: String, blank: Blank) -> ParseResult {
        let context = ParseContext(file: name)
        if let problem = unusable(bytes) {
            context.report(.error, .emptyInput, line: nil, problem)
            return ParseResult(statement: Statement(blank: blank.id), diagnostics: context.diagnostics,
                               dispositions: [:], origins: [:], isUsable: false)
        }
        let source = SourceText(bytes: bytes, name: name)
        source.diagnostics.forEach(context.append)
        var segmenter = Segmenter(blank: blank, context: context)
        // Lines are visited by index: a copy of a line would retain the text it is a slice of.
        let lines = source.lines
        for index in lines.indices where !Text.isSpacesAndTabs(lines[index].text) {
            segmenter.consume(lines[index])
        }
        var result = segmenter.finish()
        for index in lines.indices where context.disposition(of: lines[index].number) == nil {
            guard !Text.isSpacesAndTabs(lines[index].text) else { continue }
            context.report(.error, .unrecognizedLine, line: lines[index].number,
                           "this line was not recognized as part of the statement: \"\(String(Text.clean(lines[index].text).prefix(80)))\"")
        }
        result.diagnostics = context.diagnostics.sorted { ($0.line ?? 0, $0.severity) < ($1.line ?? 0, $1.severity) }
        result.dispositions = context.dispositions
        if result.statement.pages.isEmpty && result.statement.cover.companyName == nil && result.statement.notes.isEmpty
            && result.statement.interrogatories.isEmpty {
            result.isUsable = false
            result.diagnostics.append(Diagnostic(.error, .emptyInput, file: name, line: nil,
                                                 "no page, cover, note or interrogatory of the \(blank.title) blank was found; is this a statement?"))
        }
        return result
    }

    /// 1 for each control byte ``unusable(_:)`` counts: below 0x20, other than tab, LF, CR and FF.
    private static let controlBytes: [UInt8] = (0...255).map { byte in
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C ? 1 : 0
    }

    /// Refuses input that is not text: empty, or with NUL and other control bytes.
    static func unusable(_ bytes: [UInt8]) -> String? {
        let (blank, control) = bytes.withUnsafeBufferPointer { bytes in
            let blank = !bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            // Control bytes other than tab, line breaks and form feed, counted by table lookup:
            // a branch would be mispredicted at every line break and tab.
            let control = controlBytes.withUnsafeBufferPointer { table in
                bytes.reduce(0) { $0 &+ Int(table[Int($1)]) }
            }
            return (blank, control)
        }
        if blank {
            return "the input is empty"
        }
        if control > 0 && control * 100 >= bytes.count {
            return "the input is not text (\(control) control bytes in \(bytes.count)); expected a statement rendered as text"
        }
        return nil
    }
}

/// Splits the statement into the blank's sections and hands each line to its section's reader.
struct Segmenter {
    private enum Section {
        case cover
        /// A page being read: its reader's index in `pageParsers`.
        case page(Int)
        case notes
        case interrogatories(String)
        case between
    }

    let blank: Blank
    let context: ParseContext
    private var section: Section = .cover
    /// The readers of the pages printed so far, in printed order, and where each page's is, by
    /// the page's index in the blank.
    private var pageParsers: [PageParser] = []
    private var pageParserIndex: [Int?]
    private var coverLines: [SourceText.Line] = []
    private var notesLines: [SourceText.Line] = []
    private var interrogatoryLines: [String: [SourceText.Line]] = [:]
    /// The keys of the blank's titles, worked out once per blank.
    private let tables: BlankTables
    /// A page title printed over two lines: what is left to match of it.
    private var titleRemainder: [UInt8]?

    init(blank: Blank, context: ParseContext) {
        self.blank = blank
        self.context = context
        tables = BlankTables.of(blank)
        pageParserIndex = Array(repeating: nil, count: blank.pages.count)
    }

    mutating func consume(_ line: SourceText.Line) {
        // The key of the raw line is the key of its cleaned text (see `Text.key`); the cleaned
        // text itself is only needed for a diagnostic. The key is compared in scratch space.
        Text.withBytes(line.text) { bytes in
            Text.withKey(bytes) { key in consume(line, bytes: bytes, key: key) }
        }
    }

    private mutating func consume(_ line: SourceText.Line, bytes: Text.Bytes, key: Text.Bytes) {
        let hasTab = bytes.baseAddress.map { memchr($0, 0x09, bytes.count) != nil } ?? false

        if let remainder = titleRemainder {
            titleRemainder = nil
            if !key.isEmpty, Text.hasPrefix(remainder, key) {
                context.classified(line)
                if remainder.count > key.count { titleRemainder = Array(remainder.dropFirst(key.count)) }
                return
            }
        }
        if !hasTab, Text.hasPrefix(key, tables.pageHeaderKey) {
            // The running header of a statement page ("STATEMENT AS OF ... OF THE ...").
            context.classified(line)
            if case .cover = section { section = .between }
            return
        }
        if !hasTab, let match = tables.pageTitleKeys.firstIndex(where: { Text.equal(key, $0) }) {
            startPage(match, line: line)
            return
        }
        if !hasTab, key.count >= 16,
           let match = tables.pageTitleKeys.firstIndex(where: { Text.hasPrefix($0, key) }) {
            // The first line of a title printed over two lines.
            startPage(match, line: line)
            titleRemainder = Array(tables.pageTitleKeys[match].dropFirst(key.count))
            return
        }
        if let match = tables.sectionTitleKeys.firstIndex(where: { Text.equal(key, $0) }) {
            enter(blank.sections[tables.sectionTitleSections[match]], line: line, glued: false)
            return
        }
        if let match = tables.notesTitleKeys.firstIndex(where: { Text.hasPrefix(key, $0) }) {
            enter(blank.sections[tables.notesTitleSections[match]], line: line, glued: true)
            return
        }
        switch section {
        case .cover:
            coverLines.append(line)
        case .page(let index):
            pageParsers[index].consume(line, bytes: bytes, key: key)
        case .notes:
            if Text.equal(key, "none") { context.noneMark(line) } else { notesLines.append(line) }
        case .interrogatories(let part):
            if Text.equal(key, "none") { context.noneMark(line) } else { interrogatoryLines[part, default: []].append(line) }
        case .between:
            if Text.equal(key, "none") {
                context.noneMark(line)
            } else {
                context.report(.error, .unrecognizedLine, line: line.number,
                               "text outside any page of the blank: \"\(String(Text.clean(line.text).prefix(80)))\"")
            }
        }
    }

    /// Opens the page whose title is the blank's `titleIndex`th.
    private mutating func startPage(_ titleIndex: Int, line: SourceText.Line) {
        context.classified(line)
        let pageIndex = tables.pageForID[titleIndex]
        if let index = pageParserIndex[pageIndex] {
            context.report(.warning, .duplicatePage, line: line.number,
                           "\(blank.pages[pageIndex].title) is printed a second time; its lines are read into the same page and repeated lines are reported",
                           placed: true)
            section = .page(index)
        } else {
            pageParserIndex[pageIndex] = pageParsers.count
            section = .page(pageParsers.count)
            pageParsers.append(PageParser(description: blank.pages[pageIndex], tables: tables.pages[pageIndex], context: context))
        }
    }

    private mutating func enter(_ description: SectionDescription, line: SourceText.Line, glued: Bool) {
        switch description.kind {
        case .overflow:
            // Text renderings print the write-ins of the overflow page on their pages.
            section = .between
            context.classified(line)
        case .notes:
            section = .notes
            if glued { notesLines.append(line) } else { context.classified(line) }
        case .interrogatories:
            let part = description.part ?? description.id
            // A running title of an interrogatories part already open keeps that part open.
            if case .interrogatories(let open) = section, open != part, part == "1" {
                context.classified(line)
                return
            }
            section = .interrogatories(part)
            context.classified(line)
        }
    }

    mutating func finish() -> ParseResult {
        var statement = Statement(blank: blank.id, edition: blank.year)
        statement.cover = SectionReaders.cover(coverLines, context: context, blank: blank)
        if statement.cover.kind == nil, !coverLines.isEmpty { statement.cover.kind = blank.kind }
        var origins: [String: [String: Int]] = [:]
        var missingPages: [String] = []
        for (pageIndex, description) in blank.pages.enumerated() {
            guard let index = pageParserIndex[tables.pageForID[pageIndex]] else {
                missingPages.append(description.title)
                continue
            }
            var parser = pageParsers[index]
            let page = parser.finish()
            origins[description.id] = parser.origins
            statement.pages.append(page)
            if !page.none {
                let missing = parser.missingLines
                if !missing.isEmpty {
                    context.report(.info, .missingLine, line: nil,
                                   "\(description.title) does not print line\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
                }
            }
        }
        if !missingPages.isEmpty {
            context.report(.info, .missingPage, line: nil,
                           "the statement does not print: \(missingPages.joined(separator: "; "))")
        }
        statement.notes = SectionReaders.notes(notesLines, context: context, blank: blank)
        for section in blank.sections where section.kind == .interrogatories {
            let part = section.part ?? section.id
            if let lines = interrogatoryLines[part] {
                statement.interrogatories += SectionReaders.interrogatories(lines, part: part, context: context, blank: blank)
            }
        }
        return ParseResult(statement: statement, diagnostics: [], dispositions: [:], origins: origins, isUsable: true)
    }
}
