import Foundation
@_spi(Stages) import NAICXBRLCore

/// Reads a statement laid out by position, a filed PDF or its `pdftotext -layout` text, by a
/// ``Blank`` description.
///
/// Each page is recognized by the blank's running header and a page title of the description.
/// On a recognized page, the numbered column headings ("1  2  3  4") give each column's
/// position, and every amount is placed in the column whose heading it sits under, never by
/// counting blanks. A row starts at a line number of the description and takes in the lines
/// that follow it until the next line number, so wrapped captions and amounts printed on a
/// caption's last line stay with their row. Dot leaders are dropped; an amount printed inside
/// a caption after a `$` goes to the caption's slot. What cannot be placed is reported with
/// its page and line.
package enum LayoutStatementParser {
    /// `ocrPages` are the pages whose words were read by OCR (``PageOCR``): their rows are
    /// marked as read by OCR. Of them, `decodedPages` are those whose every word is decoded from
    /// the text layer (``GlyphMap``): their notes and interrogatories are read as text is;
    /// `notDecoded` names the words left as OCR read them on the others.
    /// `markedPages` are those of the others whose words left are all of a font without a map,
    /// decoded but for the characters no page teaches (U+FFFD): their notes and interrogatories
    /// are read so.
    package static func parse(_ document: PositionedDocument, blank: Blank, ocrPages: Set<Int> = [], decodedPages: Set<Int> = [],
                              notDecoded: [Int: [String]] = [:], markedPages: [Int: PositionedPage] = [:]) -> ParseResult {
        var reader = LayoutReader(document: document, blank: blank)
        reader.ocrPages = ocrPages
        reader.decodedPages = decodedPages
        reader.notDecoded = notDecoded
        reader.markedPages = markedPages
        return reader.read()
    }
}

struct LayoutReader {
    let document: PositionedDocument
    let blank: Blank
    var diagnostics: [Diagnostic] = []
    var dispositions: [Int: LineDisposition] = [:]
    /// The company code and year of the first page bar code, for filings that print no
    /// "NAIC Company Code".
    var barCodeCompany: (code: String, year: Int?)?
    /// Pages whose words were read by OCR.
    var ocrPages: Set<Int> = []
    /// Pages read by OCR whose every word is decoded from the text layer.
    var decodedPages: Set<Int> = []
    /// The words left as OCR read them, by page, on the other pages read whole by OCR.
    var notDecoded: [Int: [String]] = [:]
    /// Those of them whose words left are of a font without a map, each character no page
    /// teaches marked U+FFFD.
    var markedPages: [Int: PositionedPage] = [:]

    /// Whether the page's words are text as printed: its text layer's, or decoded from it.
    private func isText(_ page: PositionedPage) -> Bool {
        document.source == .pdf && (!ocrPages.contains(page.number) || decodedPages.contains(page.number))
    }

    init(document: PositionedDocument, blank: Blank) {
        self.document = document
        self.blank = blank
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, page: PositionedPage?, line: PositionedLine?,
                         _ message: String) {
        switch document.source {
        case .layoutText:
            diagnostics.append(Diagnostic(severity, code, file: document.name, line: line?.sourceLine, message))
            if let number = line?.sourceLine, severity >= .warning, dispositions[number] == nil { dispositions[number] = .reported }
        case .pdf:
            diagnostics.append(Diagnostic(severity, code, file: document.name, page: page?.number, line: line?.number, message))
        }
    }

    mutating func mark(_ line: PositionedLine, _ disposition: LineDisposition) {
        guard let number = line.sourceLine, dispositions[number] != .reported else { return }
        dispositions[number] = disposition
    }

    mutating func read() -> ParseResult {
        let titles: [(key: String, id: String)] = blank.pages.flatMap { page in
            [(Text.key(page.title), page.id)] + (page.printedBeforeTitle.map { [(Text.key($0 + " " + page.title), page.id)] } ?? [])
        }
        var reading = DocumentReading(statement: Statement(blank: blank.id, edition: blank.year))
        reading.statement.cover.kind = blank.kind
        for page in document.pages { readPage(page, titles: titles, &reading) }
        takeBarCodeCompany(into: &reading.statement.cover)
        return finish(&reading)
    }

    /// What reading a document's pages gathers across them.
    private struct DocumentReading {
        var statement: Statement
        var readers: [String: PositionedPageReader] = [:]
        /// Pages that are no page of the description.
        var otherPages: [Int] = []
        /// The page of the description the last page read was (a page may go on from it).
        var lastPage: String?
        var unreadable: [Int] = []
        var accounts: [PageAccount] = []
        /// The notes read so far, once a notes page is found.
        var notes: PositionedNotesReader?
        /// The general interrogatories read so far, once one of their pages is found.
        var interrogatories: PositionedInterrogatoriesReader?
        /// The page whose part the last overflow page for write-ins ended with: rows a next
        /// overflow page prints before its first heading go on with it.
        var lastOverflow: String?

        /// Opens the reader of the page `description` describes, once, where none is open yet.
        mutating func openReader(_ description: PageDescription) {
            if readers[description.id] == nil { readers[description.id] = PositionedPageReader(description: description) }
        }
    }

    /// Reads one page of the document: by its running header and title, as the tables of the
    /// description it prints, or as another page.
    private mutating func readPage(_ page: PositionedPage, titles: [(key: String, id: String)], _ reading: inout DocumentReading) {
        let headerKey = Text.key(blank.pageHeader)
        let runningHeader = page.lines.prefix(8).firstIndex(where: { Text.key($0.text).hasPrefix(headerKey) })
        if UnreadableText.isUnreadable(page) {
            refuseUnreadable(page, runningHeader: runningHeader, &reading)
            return
        }
        guard let header = runningHeader else {
            readCoverWords(page, into: &reading.statement.cover)
            reading.otherPages.append(page.number)
            reading.accounts.append(PageAccount(page: page.number, status: .other, schedule: LayoutReader.printedTitle(page, after: nil)))
            return
        }
        readHeader(page.lines[header], into: &reading.statement.cover)
        readCoverWords(page, into: &reading.statement.cover)
        if let nones = noneSchedules(page, header: header), !nones.isEmpty {
            // A page of schedules that each print only their title over NONE: those the
            // description reads report nothing.
            for line in page.lines[header...] { mark(line, Text.key(line.text) == "none" ? .none : .classified) }
            for (id, _, none) in nones {
                if let description = blank.page(id) { reading.openReader(description) }
                reading.readers[id]?.takeNone(page, page.lines[none])
            }
            reading.accounts.append(PageAccount(page: page.number, status: .read, schedule: nones.map(\.id).joined(separator: " + ")))
            reading.lastPage = nil
            return
        }
        let (match, opensWithOther) = findTitle(page, header: header, titles: titles)
        guard let match, blank.page(match.id) != nil else {
            readUntitledPage(page, header: header, &reading)
            return
        }
        mark(page.lines[header], .classified)
        let segments = tableSegments(page, first: match, titles: titles)
        // Interrogatories printed above the page's first table (Exhibit 5's, over Exhibit 5A) are
        // read up to its title.
        var opening: String?
        if opensWithOther, isText(page),
           let section = interrogatoriesSection(page, header: header), let first = segments.first, section.start <= first.title {
            opening = readInterrogatories(page, section, to: first.title, &reading)
        }
        readSegments(page, segments, header: header, opensWithOther: opensWithOther, opening: opening, &reading)
    }

    /// Reads a page's interrogatories from their section's start up to line `end`, and returns
    /// the id of the section read.
    private mutating func readInterrogatories(_ page: PositionedPage, _ section: (part: String?, start: Int), to end: Int,
                                              _ reading: inout DocumentReading) -> String {
        if reading.interrogatories == nil { reading.interrogatories = PositionedInterrogatoriesReader(parts: blank.interrogatoryParts) }
        reading.interrogatories?.read(page, from: section.start, to: end, part: section.part, into: &self)
        let part = section.part ?? reading.interrogatories?.part
        return blank.sections.first { $0.kind == .interrogatories && $0.part == part }?.id ?? "generalInterrogatories"
    }

    /// A page whose words would be misread, or silently missed: the page is an error, and the
    /// readable pages are still read.
    private mutating func refuseUnreadable(_ page: PositionedPage, runningHeader: Int?, _ reading: inout DocumentReading) {
        reading.unreadable.append(page.number)
        let title = UnreadableText.readableTitle(page, skipping: runningHeader).map { "\"\($0)\"" }
            ?? reading.lastPage.flatMap { blank.page($0)?.title }.map { "after \($0)" } ?? "title unreadable"
        report(.error, .unreadablePage, page: page, line: nil,
               "page \(page.number) (\(title)) cannot be read: its text layer is not text (fonts without a Unicode map); nothing on it is read\(ocrPages.contains(page.number) ? "" : " (--ocr reads such pages by OCR)")")
        reading.accounts.append(PageAccount(page: page.number, status: .unreadable,
                                            schedule: UnreadableText.readableTitle(page, skipping: runningHeader)))
        for line in page.lines { mark(line, .reported) }
    }

    /// The page title, which follows the running header within a few lines: the id of the page
    /// of the description it names and the line it ends on. A page whose first table is of a
    /// schedule the description does not read may print one it reads under it (Exhibit 3 under
    /// Exhibit 2): that title is then looked for on the whole page (`opensWithOther`).
    private mutating func findTitle(_ page: PositionedPage, header: Int, titles: [(key: String, id: String)])
        -> (match: (id: String, line: Int)?, opensWithOther: Bool) {
        for index in page.lines.indices.dropFirst(header + 1).prefix(4) {
            guard let title = LayoutReader.title(in: page.lines, at: index, titles: titles, blank: blank) else { continue }
            // Another schedule printed under the same title is no page of the description.
            guard let id = title.id else { break }
            for line in page.lines[index..<title.last] { mark(line, .classified) }
            return ((id, title.last), false)
        }
        let head = page.lines.indices.dropFirst(header + 1).prefix(4).map { Text.key(page.lines[$0].text) }
        let candidates = blank.pages.filter { description in
            description.follows?.contains { title in head.contains { LayoutReader.isTitle($0, Text.key(title)) } } ?? false
        }.map { (key: Text.key($0.title), id: $0.id) }
        var match: (id: String, line: Int)?
        for index in page.lines.indices.dropFirst(header + 1) where !candidates.isEmpty && match == nil {
            let key = Text.key(page.lines[index].text)
            if let title = candidates.first(where: { LayoutReader.isTitle(key, $0.key) }) {
                match = (title.id, index)
            }
        }
        return (match, match != nil)
    }

    /// A page with a running header and no title of the description: one that goes on with the
    /// page before it, opening with one of its sections ("Note: Supplemental disclosures ..."
    /// after the Cash Flow), or another page.
    private mutating func readUntitledPage(_ page: PositionedPage, header: Int, _ reading: inout DocumentReading) {
        // The notes are read from a PDF's text layer only (layout text sets a note table's amounts
        // on lines of their own, away from their leaders and rows), or from one decoded whole: a
        // word as OCR read it is never a note's.
        if let overflow = overflowSection(page, header: header) {
            mark(page.lines[header], .classified)
            readOverflow(page, overflow, &reading)
        } else if let marked = markedPages[page.number], let section = textSection(marked, header: header) {
            // Notes or interrogatories whose every word is decoded but for characters no page
            // teaches: read, each such character kept as U+FFFD and reported; a note table's row
            // or an interrogatory's answer that holds one is not read.
            for line in marked.lines where line.text.contains("\u{FFFD}") {
                let words = line.words.filter { $0.text.contains("\u{FFFD}") }.map { "\"\($0.text)\"" }
                report(.warning, .ocr, page: marked, line: line,
                       "a character of \(words.joined(separator: ", ")) cannot be decoded from the text layer (no page teaches its glyph, and OCR is not taken for it): it is kept as U+FFFD")
            }
            read(section, of: marked, header: header, &reading)
        } else if let undecoded = notDecoded[page.number],
                  let title = notesSection(page, header: header).map({ page.lines[$0.title].text })
                    ?? interrogatoriesSection(page, header: header).map({ _ in page.lines[header + 1].text }) {
            // Notes or interrogatories read by OCR with words the glyph map does not decode: none
            // of them is read from OCR's guesses.
            reading.unreadable.append(page.number)
            let shown = undecoded.prefix(3).map { $0.count > 48 ? String($0.prefix(44)) + "...\"" : $0 }.joined(separator: ", ")
                + (undecoded.count > 3 ? ", ..." : "")
            report(.error, .unreadablePage, page: page, line: nil,
                   "page \(page.number) (\"\(title)\") is read by OCR, but \(undecoded.count) of its words cannot be decoded from its text layer (\(shown)); nothing on it is read")
            reading.accounts.append(PageAccount(page: page.number, status: .unreadable, schedule: title))
            for line in page.lines { mark(line, .reported) }
            reading.lastPage = nil
        } else if isText(page), let section = textSection(page, header: header) {
            read(section, of: page, header: header, &reading)
        } else if let id = reading.lastPage, header + 1 < page.lines.count,
           let sections = blank.page(id)?.sections?.map({ Text.key($0) }),
           sections.contains(Text.key(page.lines[header + 1].text)) {
            mark(page.lines[header], .classified)
            reading.readers[id]?.read(page, from: header + 1, to: page.lines.count, into: &self)
            reading.accounts.append(PageAccount(page: page.number, status: .read, schedule: id))
        } else if let id = reading.lastPage, let start = footnotesOnly(page, header: header, after: id) {
            // The page before's footnotes on a page of their own (Schedule Y Part 1A's table of
            // asterisks after its last rows).
            mark(page.lines[header], .classified)
            reading.readers[id]?.readFootnotes(page, stamp: header + 1..<start, from: start, into: &self)
            reading.accounts.append(PageAccount(page: page.number, status: .read, schedule: id))
        } else {
            reading.otherPages.append(page.number)
            reading.accounts.append(PageAccount(page: page.number, status: .other, schedule: LayoutReader.printedTitle(page, after: header)))
            reading.lastPage = nil
        }
    }

    /// A page of the notes (its section and title line) or of the interrogatories (its part and
    /// first line): pages of running text, read from words decoded whole.
    private enum TextSection {
        case notes((id: String, title: Int))
        case interrogatories((part: String?, start: Int))
    }

    /// The notes or interrogatories section `page` prints under its running header; nil for a
    /// page of neither.
    private func textSection(_ page: PositionedPage, header: Int) -> TextSection? {
        notesSection(page, header: header).map(TextSection.notes) ?? interrogatoriesSection(page, header: header).map(TextSection.interrogatories)
    }

    /// Reads `page` (its text layer, or its reading with undecoded characters marked) as the
    /// notes or interrogatories `section`, and accounts for it as read.
    private mutating func read(_ section: TextSection, of page: PositionedPage, header: Int, _ reading: inout DocumentReading) {
        mark(page.lines[header], .classified)
        let id: String
        switch section {
        case .notes(let notes):
            if reading.notes == nil { reading.notes = PositionedNotesReader() }
            reading.notes?.read(page, from: notes.title + 1, into: &self)
            id = notes.id
        case .interrogatories(let interrogatories):
            id = readInterrogatories(page, interrogatories, to: page.lines.count, &reading)
        }
        reading.accounts.append(PageAccount(page: page.number, status: .read, schedule: id))
        reading.lastPage = nil
    }

    /// The line where a page that prints nothing under its running header but the footnotes of
    /// page `id` (the page before) starts them; nil for any other page. Above them the page may
    /// print only a NONE stamp (upright, one letter a line, or across) and its page number.
    private func footnotesOnly(_ page: PositionedPage, header: Int, after id: String) -> Int? {
        guard let description = blank.page(id), let keys = description.footnotes?.map({ Text.key($0) }), !keys.isEmpty
        else { return nil }
        for index in page.lines.indices.dropFirst(header + 1) {
            let words = page.lines[index].words.drop { Self.stampLetters.contains($0.text) }
            let key = Text.key(words.map(\.text).joined(separator: " "))
            if !words.isEmpty, keys.contains(where: { key.hasPrefix($0) }) { return index }
            guard words.allSatisfy({ PositionedPageReader.isPageNumber($0.text) || description.printsPageNumber($0.text) }) else { return nil }
        }
        return nil
    }

    /// The letters of a NONE stamp, and the stamp whole.
    static let stampLetters: Set<String> = ["N", "O", "E", "NONE"]

    /// On a page that prints nothing under its running header but one or more schedules' titles,
    /// each over a NONE stamp (and the page's number at its foot), the pages of the description among those
    /// schedules (by their title or outline name, the whole line), each with the lines of its
    /// title and its NONE; nil for any other page.
    private func noneSchedules(_ page: PositionedPage, header: Int) -> [(id: String, title: Int, none: Int)]? {
        let body = Array(page.lines.indices.dropFirst(header + 1))
        guard body.count >= 2 else { return nil }
        var found: [(id: String, title: Int, none: Int)] = []
        var index = 0
        var stamps = 0
        while index < body.count {
            let line = page.lines[body[index]]
            let key = Text.key(line.text)
            if key == "none" { return nil }
            guard index + 1 < body.count, Text.key(page.lines[body[index + 1]].text) == "none" else {
                // Only the page's number may stand after the last stamp.
                guard stamps > 0, index == body.count - 1, line.words.count <= 3,
                      line.words.allSatisfy({ word in
                          word.text.split(separator: ",").allSatisfy { PositionedPageReader.isPageNumber(String($0)) }
                      }) else { return nil }
                break
            }
            stamps += 1
            if let description = blank.pages.first(where: { description in
                ([description.title] + (description.outline ?? [])).contains { Text.key($0) == key }
            }) {
                found.append((description.id, body[index], body[index + 1]))
            }
            index += 2
        }
        return stamps >= 1 ? found : nil
    }

    /// The overflow page for write-ins (``SectionDescription/Kind/overflow``): its section, the
    /// line of its title (within a few lines under the running header), and the heading of each
    /// of its parts with the page the heading names (nil for a page the description does not
    /// read), in printed order.
    private func overflowSection(_ page: PositionedPage, header: Int)
        -> (id: String, title: Int, parts: [(line: Int, page: String?)])? {
        guard let section = blank.sections.first(where: { $0.kind == .overflow }) else { return nil }
        let titles = section.titles.map(Text.key)
        guard let title = page.lines.indices.dropFirst(header + 1).prefix(3).first(where: { titles.contains(Text.key(page.lines[$0].text)) })
        else { return nil }
        let headings = (section.subtitles ?? []).map(Text.key)
        let names = blank.pages.flatMap { description in (description.overflowNames ?? []).map { (key: Text.key($0), id: description.id) } }
        var parts: [(line: Int, page: String?)] = []
        for index in page.lines.indices.dropFirst(title + 1) {
            // A landscape page prints its number in the left margin, on the line of a heading
            // ("57L Additional Write-ins for ..."): the heading may follow it.
            let key = Text.key(page.lines[index].text)
            guard let range = headings.lazy.compactMap({ heading in key.range(of: heading).flatMap { $0.lowerBound.utf16Offset(in: key) <= 8 ? $0 : nil } }).first
            else { continue }
            // The longest name the heading goes on with, followed by the line it is for.
            let named = key[range.upperBound...]
            let page = names.filter { named.hasPrefix($0.key) && named.dropFirst($0.key.count).hasPrefix("line") }
                .max { $0.key.count < $1.key.count }?.id
            parts.append((index, page))
        }
        return (section.id, title, parts)
    }

    /// Reads the overflow page for write-ins: the rows under each part's heading with the reader
    /// of the page the heading names, whose lines of overflow entries and summary they are (an
    /// entry's caption is the filer's). Rows printed before the first heading go on with the part
    /// the overflow page before ended with. A part that names no page the description reads is
    /// not read, and a warning names it.
    private mutating func readOverflow(_ page: PositionedPage, _ overflow: (id: String, title: Int, parts: [(line: Int, page: String?)]),
                                       _ reading: inout DocumentReading) {
        mark(page.lines[overflow.title], .classified)
        let firstHeading = overflow.parts.first?.line ?? page.lines.count
        var spans: [(page: String?, heading: Int?, from: Int, to: Int)] = []
        if firstHeading > overflow.title + 1 { spans.append((reading.lastOverflow, nil, overflow.title + 1, firstHeading)) }
        for (position, part) in overflow.parts.enumerated() {
            mark(page.lines[part.line], .classified)
            let end = position + 1 < overflow.parts.count ? overflow.parts[position + 1].line : page.lines.count
            spans.append((part.page, part.line, part.line + 1, end))
        }
        for span in spans where span.from < span.to {
            guard let id = span.page, let description = blank.page(id) else {
                if let heading = span.heading {
                    report(.warning, .unrecognizedLine, page: page, line: page.lines[heading],
                           "page \(page.number): \"\(Text.clean(page.lines[heading].text))\" names no page the blank's description reads; the rows under it are not read")
                    for index in span.from..<span.to { mark(page.lines[index], .reported) }
                } else if let first = page.lines[span.from..<span.to].first(where: { line in
                    // The first row's: a word of three digits or more (a line's code, an amount).
                    line.words.contains { $0.text.filter(\.isNumber).count >= 3 && !PositionedPageReader.isPageNumber($0.text) } }) {
                    // Rows above the page's first part heading go on from the part an earlier
                    // overflow page ended with; with no such page, nothing tells their page.
                    report(.warning, .unrecognizedLine, page: page, line: first,
                           "page \(page.number): rows printed above the first part's heading, with no earlier overflow page whose part they continue, are not read: \"\(String(Text.clean(first.text).prefix(80)))\"")
                    for index in span.from..<span.to { mark(page.lines[index], .reported) }
                }
                continue
            }
            reading.openReader(description)
            reading.readers[id]?.read(page, from: span.from, to: span.to, into: &self)
        }
        reading.lastOverflow = spans.last?.page
        reading.lastPage = nil
        reading.accounts.append(PageAccount(page: page.number, status: .read, schedule: overflow.id))
    }

    /// The notes section whose title the page prints within a few lines under its running
    /// header, and the line of that title.
    private func notesSection(_ page: PositionedPage, header: Int) -> (id: String, title: Int)? {
        let sections = blank.sections.filter { $0.kind == .notes }
        guard !sections.isEmpty else { return nil }
        for index in page.lines.indices.dropFirst(header + 1).prefix(3) {
            let key = Text.key(page.lines[index].text)
            if let section = sections.first(where: { $0.titles.contains { Text.key($0) == key } }) { return (section.id, index) }
        }
        return nil
    }

    /// A page of the general or supplemental interrogatories: the title the blank's interrogatories sections
    /// print within a few lines under the running header, and the part printed under it
    /// ("PART 1 - COMMON INTERROGATORIES"; nil where the page prints none); `start` is the line
    /// after them.
    private func interrogatoriesSection(_ page: PositionedPage, header: Int) -> (part: String?, start: Int)? {
        let sections = blank.sections.filter { $0.kind == .interrogatories && $0.part != nil }
        guard !sections.isEmpty else { return nil }
        for index in page.lines.indices.dropFirst(header + 1).prefix(3) {
            let key = Text.key(page.lines[index].text)
            let titled = sections.filter { $0.titles.contains { Text.key($0) == key } }
            guard !titled.isEmpty else { continue }
            // A section whose title no other section prints is named by its title alone.
            if titled.count == 1, let only = titled.first, only.subtitles?.isEmpty ?? true { return (only.part, index + 1) }
            for next in page.lines.indices.dropFirst(index + 1).prefix(2) {
                let line = Text.key(page.lines[next].text)
                if let section = sections.first(where: { $0.subtitles?.contains { subtitle in
                    let printed = Text.key(subtitle)
                    return line.hasPrefix(printed) || printed.hasPrefix(line) && line.count >= 5 } ?? false }) {
                    return (section.part, next + 1)
                }
            }
            return (nil, index + 1)
        }
        return nil
    }

    /// The tables a page prints, from the first (`first`), each with the line of its title.
    /// A page may print a second table under the first, with a title of its own (the
    /// Exhibit of Capital Gains under the Exhibit of Net Investment Income).
    /// A line the table above names as one of its own sections, or one printed in
    /// parentheses ("(Exhibit of Life Insurance)" on the Five-Year page, naming the exhibit
    /// its lines come from), is no other table's title.
    /// A table the description does not read ends the one above it where that one says
    /// (`precedes`); its lines are no table's of the description (an empty id).
    private func tableSegments(_ page: PositionedPage, first match: (id: String, line: Int), titles: [(key: String, id: String)]) -> [(id: String, title: Int)] {
        var segments: [(id: String, title: Int)] = [(match.id, match.line)]
        var ownSections = Set((blank.page(match.id)?.sections ?? []).map(Text.key))
        var endsAt = Set((blank.page(match.id)?.precedes ?? []).map(Text.key))
        for index in page.lines.indices.dropFirst(match.line + 1) {
            let key = Text.key(page.lines[index].text)
            if endsAt.contains(where: { LayoutReader.isTitle(key, $0) }) {
                segments.append(("", index))
                (ownSections, endsAt) = ([], [])
                continue
            }
            if ownSections.contains(key) || page.lines[index].words.first?.text.hasPrefix("(") == true { continue }
            // The same title search as the page's first (the longest title the line spells, or
            // one printed over up to three lines).
            if let title = LayoutReader.title(in: page.lines, at: index, titles: titles, blank: blank), title.id != segments.last?.id {
                guard let id = title.id else {
                    // A table another schedule prints under the same title: no table's here.
                    segments.append(("", index))
                    (ownSections, endsAt) = ([], [])
                    continue
                }
                ownSections = Set((blank.page(id)?.sections ?? []).map(Text.key))
                endsAt = Set((blank.page(id)?.precedes ?? []).map(Text.key))
                segments.append((id, index))
            }
        }
        return segments
    }

    /// Reads each table of a page with its page's reader, and accounts for the page.
    /// `opening` names what was read above the first table (interrogatories), if anything was.
    private mutating func readSegments(_ page: PositionedPage, _ segments: [(id: String, title: Int)], header: Int, opensWithOther: Bool,
                                       opening: String? = nil, _ reading: inout DocumentReading) {
        let schedules = (opensWithOther ? [opening ?? LayoutReader.printedTitle(page, after: header) ?? "?"] : []) + segments.map(\.id).filter { !$0.isEmpty }
        for (position, segment) in segments.enumerated() {
            guard let segmentDescription = blank.page(segment.id) else { continue }
            let end = position + 1 < segments.count ? segments[position + 1].title : page.lines.count
            mark(page.lines[segment.title], .classified)
            reading.openReader(segmentDescription)
            reading.readers[segment.id]?.read(page, from: segment.title + 1, to: end, into: &self)
            reading.lastPage = segment.id
        }
        // A page whose every table is another of its title (a State Page of one state) is not read.
        let refused = segments.filter { !$0.id.isEmpty }.allSatisfy { reading.readers[$0.id]?.refusedPages.contains(page.number) ?? false }
        reading.accounts.append(refused ? PageAccount(page: page.number, status: .other, schedule: LayoutReader.printedTitle(page, after: header))
                                        : PageAccount(page: page.number, status: .read, schedule: schedules.joined(separator: " + ")))
        if refused { reading.otherPages.append(page.number) }
    }

    /// The company code of the pages' bar code, for a statement that prints none of the year.
    private mutating func takeBarCodeCompany(into cover: inout Cover) {
        if cover.companyCode == nil, let barCode = barCodeCompany,
           barCode.year == nil || barCode.year == cover.statementDate?.year {
            cover.companyCode = barCode.code
            report(.info, .coverField, page: nil, line: nil, "the NAIC company code \(barCode.code) is read from the bar codes printed on the pages")
        }
    }

    /// The statement of the pages read, each page of the description finished in the blank's
    /// order, with what the statement does not print and what it prints besides.
    private mutating func finish(_ reading: inout DocumentReading) -> ParseResult {
        var origins: [String: [String: Int]] = [:]
        var missing: [String] = []
        for description in blank.pages {
            guard var reader = reading.readers[description.id], !(reader.rows.isEmpty && !reader.refusedPages.isEmpty) else {
                missing.append(description.title)
                continue
            }
            reading.statement.pages.append(reader.finish(into: &self))
            origins[description.id] = reader.origins
        }
        if let notes = reading.notes { reading.statement.notes = notes.notes }
        if let interrogatories = reading.interrogatories { reading.statement.interrogatories = interrogatories.interrogatories }
        if !missing.isEmpty {
            report(.info, .missingPage, page: nil, line: nil, "the statement does not print: \(missing.joined(separator: "; "))")
        }
        if !reading.otherPages.isEmpty {
            report(.info, .missingPage, page: nil, line: nil,
                   "\(reading.otherPages.count) page\(reading.otherPages.count == 1 ? " is" : "s are") not pages the \(blank.title) description reads (pages \(LayoutReader.ranges(reading.otherPages)))")
        }
        var usable = true
        if reading.statement.pages.isEmpty {
            usable = false
            report(.error, .emptyInput, page: nil, line: nil,
                   "no page of the \(blank.title) blank was found (expected a running header \"\(blank.pageHeader)\" and page titles such as \"\(blank.pages.first?.title ?? "")\")")
        }
        var result = ParseResult(statement: reading.statement, diagnostics: diagnostics, dispositions: dispositions, origins: origins, isUsable: usable)
        result.unreadablePages = reading.unreadable
        for index in reading.accounts.indices where ocrPages.contains(reading.accounts[index].page) { reading.accounts[index].readByOCR = true }
        result.pages = reading.accounts
        return result
    }

    /// The running header: "ANNUAL STATEMENT FOR THE YEAR 2024 OF THE Forethought Life Insurance Company".
    private func readHeader(_ line: PositionedLine, into cover: inout Cover) {
        let words = line.words.map(\.text)
        let headerWords = blank.pageHeader.split(separator: " ").count
        guard words.count > headerWords else { return }
        var rest = words.dropFirst(headerWords)
        if let year = rest.first.flatMap({ Int($0) }), (1900...2999).contains(year) {
            // "FOR THE YEAR 2024": the statement date is December 31 of that year.
            rest = rest.dropFirst()
            if cover.statementDate == nil, blank.kind == .annual { cover.statementDate = CalendarDate(year: year, month: 12, day: 31) }
        } else if rest.count >= 3, let month = LayoutReader.months.firstIndex(of: rest[rest.startIndex].uppercased()),
                  let day = Int(rest[rest.startIndex + 1].filter(\.isNumber)), let year = Int(rest[rest.startIndex + 2]) {
            // "AS OF JUNE 30, 2011": a quarterly statement's date.
            rest = rest.dropFirst(3)
            let date = CalendarDate(year: year, month: month + 1, day: day)
            if cover.statementDate == nil, date.isValid { cover.statementDate = date }
        }
        if rest.count > 2, rest[rest.startIndex].uppercased() == "OF", rest[rest.startIndex + 1].uppercased() == "THE" {
            let name = rest.dropFirst(2).joined(separator: " ")
            if cover.companyName == nil, !name.isEmpty { cover.companyName = name }
        }
    }

    static let months = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]

    /// The NAIC codes, wherever a page prints them ("NAIC Company Code 91642"); and the bar
    /// codes printed on the filing's pages ("*91642202443059100*": company code, then year).
    private mutating func readCoverWords(_ page: PositionedPage, into cover: inout Cover) {
        guard cover.companyCode == nil || cover.groupCode == nil else { return }
        let codeLabels = CoverParser.Vocabulary.of(blank).labels.filter { $0.field == .companyCode || $0.field == .groupCode }
        for line in page.lines {
            if barCodeCompany == nil {
                for word in line.words where word.text.count >= 11 && word.text.hasPrefix("*") && word.text.hasSuffix("*") {
                    let digits = word.text.dropFirst().dropLast()
                    if digits.allSatisfy({ $0.isASCII && $0.isNumber }) { barCodeCompany = (String(digits.prefix(5)), Int(digits.dropFirst(5).prefix(4))) }
                }
            }
            let words = line.words.map(\.text)
            let keys = words.map { Text.key($0) }
            // The cover's labels of the codes ("NAIC Company Code"), as the description prints them.
            for label in codeLabels {
                let count = label.words.count
                guard keys.count > count else { continue }
                for index in 0..<(keys.count - count) where keys[index..<(index + count)].elementsEqual(label.words) {
                    let value = words[index + count]
                    guard !value.isEmpty, value.allSatisfy(\.isNumber) else { continue }
                    if label.field == .companyCode, cover.companyCode == nil { cover.companyCode = value }
                    if label.field == .groupCode, cover.groupCode == nil { cover.groupCode = value }
                }
            }
        }
    }

    /// Whether a printed line is a page title: the title itself, or the title followed by
    /// "(Continued)" or a footnote marker ("(b)").
    static func isTitle(_ key: String, _ title: String) -> Bool {
        guard key.hasPrefix(title) else { return false }
        let rest = key.dropFirst(title.count)
        return rest.isEmpty || rest.hasPrefix("continued") || (rest.count == 1 && rest.allSatisfy(\.isLetter))
    }

    /// The page title printed from line `index`: on that line alone (``isTitle(_:_:)``; the longest
    /// title that matches), or begun
    /// there (a line of at least 8 characters) and ended on one of the next two (Exhibit 1 Part 2's;
    /// Exhibit 8's parts, told apart by their second line). `last` is the index of the title's last
    /// line; `id` is the title's page, or nil when the line under the title is one another schedule
    /// prints under the same title (``isOtherSchedule(_:under:description:)``). Nil when no title
    /// of `titles` starts at `index`.
    static func title(in lines: [PositionedLine], at index: Int, titles: [(key: String, id: String)], blank: Blank) -> (id: String?, last: Int)? {
        let key = Text.key(lines[index].text)
        let found: (id: String, last: Int)
        // The longest title the line spells: "LIFE INSURANCE (STATE PAGE) (CONTINUED)" is a page of
        // its own where the blank describes one, not the page before it going on. A title printed
        // over more lines that begins with it is longer still ("ASSET VALUATION RESERVE" over "BASIC
        // CONTRIBUTION, …" over "DEFAULT COMPONENT").
        let single = titles.filter({ isTitle(key, $0.key) }).max(by: { $0.key.count < $1.key.count })
        if key.count >= 8, let (id, last) = titleOnLines(lines, from: index, titles: titles),
           single.map({ single in titles.contains { $0.id == id && $0.key.count > single.key.count } }) ?? true {
            found = (id, last)
        } else if let single {
            found = (single.id, index)
        } else {
            return nil
        }
        return (isOtherSchedule(lines, under: found.last, description: blank.page(found.id)) ? nil : found.id, found.last)
    }

    /// Whether the line after the title at `index` is one that another schedule prints under the
    /// same title (``PageDescription/otherSchedulesUnderTitle``).
    static func isOtherSchedule(_ lines: [PositionedLine], under index: Int, description: PageDescription?) -> Bool {
        guard let others = description?.otherSchedulesUnderTitle, index + 1 < lines.count else { return false }
        let next = Text.key(lines[index + 1].text)
        return others.contains { next.hasPrefix(Text.key($0)) }
    }

    /// A title printed over up to three lines from `start`: the title's id and the index of its
    /// last line; nil when the lines from `start` do not spell a title that one line alone does not.
    static func titleOnLines(_ lines: [PositionedLine], from start: Int, titles: [(key: String, id: String)]) -> (String, Int)? {
        // A continuation page prints "(Continued)" after the title's first line.
        var joined = Text.key(lines[start].text)
        if joined.hasSuffix("continued") { joined.removeLast("continued".count) }
        for index in (start + 1)..<min(start + 3, lines.count) {
            joined += Text.key(lines[index].text)
            if let title = titles.first(where: { isTitle(joined, $0.key) }) { return (title.id, index) }
            guard titles.contains(where: { $0.key.hasPrefix(joined) }) else { return nil }
        }
        return nil
    }

    /// The title a page prints: its first line after the running header (or its first line)
    /// with letters in it and no word that is not text (a running header set in a font that
    /// extracts as full-width forms is no title), at most 100 characters.
    static func printedTitle(_ page: PositionedPage, after header: Int?) -> String? {
        let start = header.map { $0 + 1 } ?? 0
        for line in page.lines.dropFirst(start).prefix(4) {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if UnreadableText.letterCount(text) >= 3, !line.words.contains(where: { UnreadableText.isGarbled($0.text) }) {
                return String(text.prefix(100))
            }
        }
        return nil
    }

    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers.first ?? 0
        var previous = start
        for number in numbers.dropFirst() + [Int.min] {
            if number == previous + 1 {
                previous = number
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
            start = number
            previous = number
        }
        return numbers.isEmpty ? "" : parts.joined(separator: ", ")
    }
}

