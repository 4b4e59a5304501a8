@_spi(Stages) import NAICXBRLCore
/// Reads the rows of one page (or the pages one page of the blank is printed over).
struct PositionedPageReader {
    let description: PageDescription
    /// The page's lines by printed number (an entry's code finds its line of entries).
    private let lineIndex: PrintedLineLookup
    private let sectionKeys: [String]
    /// The words of the columns' headings, by key (``isColumnHeading(_:)``).
    private let headingWords: Set<String>
    private(set) var rows: [Row] = []
    private var seen: Set<String> = []
    private var footnotes: [String] = []
    /// Where the page prints NONE (the first such line).
    private var printedNone: (page: PositionedPage, line: PositionedLine)?
    private let footnoteKeys: [String]
    /// Column positions found on the page's first printed page, for pages that go on from it.
    private var layout: (centers: [Double?], halfGap: Double, valueStart: Double)?
    /// Whether the page's column headings stand evenly spaced: all of them, and the amount
    /// columns' (layout text places a cell printed without leaders by its position only then).
    private var spacing = (all: false, amounts: false)
    /// Pages not read because they are another table of the title (``PageDescription/printsAboveColumns``).
    private(set) var refusedPages: Set<Int> = []
    /// Where each row was printed: line number → input line, for text input.
    private(set) var origins: [String: Int] = [:]
    /// On a page that prints its columns in blocks, one under the other (Schedule H Part 1:
    /// columns 1 to 14 over lines 1 to 14, then columns 15 to 26 over the same lines): the block
    /// being read, counted from 0, and the block each line was first printed in.
    private var block = 0
    private var blockOfLine: [String: Int] = [:]
    /// The lines of the page being read that head a later block: its column numbers (by line
    /// index) and the heading lines above and under them.
    private var blockStarts: [Int: [(column: Int, center: Double)]] = [:]
    private var blockHeadings: Set<Int> = []
    /// Built for the first caption that differs from the description's.
    private var verifier: CaptionVerifier?
    /// On a page of one unnumbered column: where its amounts end on the right, and how near an
    /// amount's right edge must stand to it to be in that (outer) column rather than an inner one.
    private var outerEdge: (right: Double, tolerance: Double)?
    /// The lettered section the rows stand in ("A. Premium Reserves:"), on a page whose lines are
    /// numbered within lettered sections (`A.1`, `B.1`): a printed "1." is the section's line 1.
    private var section: String?
    /// The sub-lines of lines whose amount is printed on a sub-line's row
    /// (``LineDescription/amountOnRowOf``): their amounts stand in the inner column.
    private let innerLines: Set<String>
    /// On a page whose entries print no code (``LineDescription/entryCodesPrinted``): a line of
    /// such entries, whose columns an entry is read by, and the entries read since the last
    /// numbered line, which the next numbered line's total decides the line of.
    private let uncodedTemplate: Int?
    private var pendingEntries: [(row: Row, lines: [PositionedLine], page: PositionedPage)] = []
    /// Whether this table's entries print a wrapped text cell's first line above the entry's
    /// line (their other cells stand on the cell's last line), as the page showed: a text line
    /// before a page's first entry, or one broken after a hyphen, above an entry.
    private var entryTopsAbove = false
    /// Whether this table's entries print dot leaders in their cells.
    private var entriesPrintLeaders = false
    /// On pages without leaders, where the table's text columns' texts end, as read up to the
    /// page named (``columnEnds(_:_:)``).
    private var columnEndsOfPage: (page: Int, ends: [Int: Double])?
    /// Where the texts of each text column of this table's entries start, as read so far.
    private var startsSeen: [Int: [Double]] = [:]

    /// Where each text column's texts start in this table (the middle of the starts read, for a
    /// column read three times or more): a text standing in the room of two headings starts
    /// where one of them sets its texts.
    private var cellStarts: [Int: Double] {
        startsSeen.compactMapValues { starts in
            guard starts.count >= 3 else { return nil }
            return starts.sorted()[starts.count / 2]
        }
    }

    /// Notes where an entry's first line starts each of its texts.
    private mutating func learnCellStarts(_ words: [PositionedWord], _ placed: [Int: Int]) {
        for (column, indices) in Dictionary(grouping: placed.keys, by: { placed[$0] ?? 0 }) {
            guard let start = indices.map({ PositionedPageReader.textStart(words[$0]) }).min() else { continue }
            startsSeen[column, default: []].append(start)
        }
    }

    init(description: PageDescription) {
        self.description = description
        lineIndex = PrintedLineLookup(description)
        let grouping = description.lines.filter { $0.amountOnRowOf != nil }.map(\.line)
        innerLines = Set(description.lines.map(\.line).filter { line in grouping.contains { line.hasPrefix($0 + ".") } })
        sectionKeys = (description.sections ?? []).map { Text.key($0) } + (description.subtitles ?? []).map { Text.key($0) }
        headingWords = Set((description.columns.map(\.heading) + (description.columnHeadingLines ?? [])).flatMap(PositionedPageReader.headingKeys))
        footnoteKeys = (description.footnotes ?? []).map { Text.key($0) }
        uncodedTemplate = description.lines.firstIndex(where: \.hasUncodedEntries)
    }

    /// The printed row being gathered: its number line and the lines that continue it.
    private struct Gathered {
        var line: String
        var index: Int
        var lines: [PositionedLine]
        var words: [PositionedWord]
        /// Where each printed line's words are in `words`.
        var ranges: [Range<Int>]
        /// The row's amount cells have been printed (its last caption line is behind it).
        var closed = false
        /// Parentheses opened and not yet closed before the last printed line.
        var depth = 0
        /// An entry whose code is not printed: `line` is empty until its line of entries is known.
        var uncoded = false
        /// Such an entry's first line's text columns, by word (``entryTextColumns``).
        var firstEntryColumns: [Int: Int]?
        /// Which of `ranges` is that first line: lines printed above it (``holdEntryTop``) come
        /// before it.
        var entryRange = 0
    }

    mutating func read(_ page: PositionedPage, from first: Int, to end: Int, into reader: inout LayoutReader) {
        let lines = page.lines[first..<max(first, end)]
        // A page whose columns layout text sets too close to tell its cells apart is read from
        // the PDF's word positions only (``PageDescription/readsLayoutText``).
        if reader.document.source == .layoutText, description.readsLayoutText == false {
            refuse(page, lines, first: first,
                   "\(description.title): layout text sets this page's columns too close to tell its cells apart, so nothing on it is read; read the PDF, whose word positions place them",
                   into: &reader)
            return
        }
        if description.linesSideBySide == true {
            readSideBySide(page, lines, into: &reader)
            return
        }
        let headings = findColumnHeadings(page, lines)
        guard var scan = placeColumns(page, lines, first: first, headings: headings, into: &reader) else { return }
        let lastHeading = headings.line ?? first - 1
        spacing = (all: PositionedPageReader.evenlySpaced(scan.centers),
                   amounts: PositionedPageReader.evenlySpaced(zip(scan.centers, description.columns).map { $1.valueKind == .amount ? $0 : nil }))
        if let required = description.printsAboveColumns, let headingLine = headings.line {
            let printed = lines.indices.filter { $0 <= headingLine }.map { Text.key(page.lines[$0].text) }
            guard required.contains(where: { words in printed.contains { $0.contains(Text.key(words)) } }) else {
                refuse(page, lines, first: first,
                       "\(description.title): the page does not print \(required.map { "\"\($0)\"" }.joined(separator: " or ")) above its column headings, so it is another table of that title; nothing on it is read",
                       into: &reader)
                return
            }
        }
        for index in lines.indices where index <= lastHeading { reader.mark(page.lines[index], .classified) }
        findColumnBlocks(page, lines, after: lastHeading, scan, source: reader.document.source)
        for index in lines.indices where index > lastHeading { readLine(page, index, &scan, into: &reader) }
        finishCurrent(&scan, page, into: &reader)
    }

    /// Reads a table whose lines are printed side by side (``PageDescription/linesSideBySide``):
    /// each printed line is cut before each word that is a number of the table's lines, and each
    /// piece is that line's number, caption and amount (the last value the piece prints). A
    /// printed line that holds no line of the table is reported, and nothing of it is read.
    private mutating func readSideBySide(_ page: PositionedPage, _ lines: ArraySlice<PositionedLine>, into reader: inout LayoutReader) {
        for printedLine in lines {
            // Leaders glued to a word ("January.......297,228,286") part it.
            var words: [PositionedWord] = []
            for word in printedLine.words {
                let share = (word.x1 - word.x0) / Double(max(word.text.count, 1))
                for piece in PositionedPageReader.piecesBetweenLeaders(word.text) {
                    let x0 = word.x0 + share * Double(piece.offset)
                    words.append(PositionedWord(text: piece.text, x0: x0, x1: x0 + share * Double(piece.text.count), y0: word.y0, y1: word.y1))
                }
            }
            // A number that numbers the printed line, not a line of the table, is no line's start.
            let first = words.count > 1 && description.rowNumbers?.contains(words[0].text) == true ? 1 : 0
            // Where each line's piece starts: the word, the line's number and its index. A line's
            // number starts a piece at the start of the printed line, marked by its period ("4."),
            // or followed by the `$` of its amount ("1B .. $").
            var starts: [(index: Int, line: String, l: Int)] = []
            for (i, word) in words.enumerated().dropFirst(first) {
                let number: (line: String, marked: Bool)
                if let digits = PositionedPageReader.lineNumber(word, before: .infinity), digits.rest == nil {
                    number = (digits.line, digits.marked)
                } else if lineIndex[word.text] != nil {
                    number = (word.text, false) // a number with letters ("1A")
                } else {
                    continue
                }
                guard let l = lineIndex[number.line], i == first || number.marked || (i + 1 < words.count && words[i + 1].text == "$")
                else { continue }
                starts.append((i, number.line, l))
            }
            guard !starts.isEmpty else {
                let key = Text.key(printedLine.text)
                if PositionedPageReader.isPageNumber(printedLine.text) || description.printsPageNumber(printedLine.text)
                    || (description.columnHeadingLines ?? []).contains(where: { Text.key($0) == key }) {
                    reader.mark(printedLine, .classified)
                } else {
                    reader.report(.warning, .unrecognizedLine, page: page, line: printedLine,
                                  "\(description.title): \"\(String(printedLine.text.prefix(80)))\" holds no line of the table; it is not read")
                    reader.mark(printedLine, .reported)
                }
                continue
            }
            var filedAll = starts.first?.index == first
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1].index : words.count
                let piece = Array(words[(start.index + 1)..<end])
                let valueAt = piece.lastIndex { word in
                    switch ValueScanner.value(Substring(word.text)) {
                    case .amount?, .notApplicable?, .dash?: return true
                    default: return false
                    }
                }
                var captionWords = piece[..<(valueAt ?? piece.count)].map(\.text)
                // The `$` before the amount is the amount's.
                if valueAt != nil, captionWords.last == "$" { captionWords.removeLast() }
                let gathered = Gathered(line: start.line, index: start.l, lines: [printedLine], words: piece, ranges: [0..<piece.count], closed: true)
                let label = "\(description.title) line \(start.line)"
                var printed = Row(line: start.line, cells: [valueAt.flatMap { ValueScanner.value(Substring(piece[$0].text)) } ?? .blank],
                                  readByOCR: reader.ocrPages.contains(page.number))
                if let valueAt, piece.index(after: valueAt) < piece.count {
                    reader.report(.warning, .unrecognizedLine, page: page, line: printedLine,
                                  "\(label) prints \"\(piece[(valueAt + 1)...].map(\.text).joined(separator: " "))\" after its amount; it is not read")
                    filedAll = false
                }
                // A table whose captions the blank does not print: the number says which line it is.
                let unprinted = description.captionsPrinted == false && (captionWords.isEmpty || captionWords == ["$"])
                guard unprinted || acceptCaption(captionWords.joined(separator: " "), of: gathered, into: &printed, label: label, page: page, reader: &reader) else {
                    filedAll = false
                    continue
                }
                if let earlier = rows.firstIndex(where: { $0.line == start.line }) {
                    // Printed again (a footnote that a schedule prints on each of its pages): its
                    // amount where the first printing leaves the line blank; another amount than
                    // the first printing's is reported, and the first is kept.
                    let again = printed.cells[0]
                    if rows[earlier].cells[0].isBlank, !again.isBlank {
                        rows[earlier].cells[0] = again
                        rows[earlier].readByOCR = printed.readByOCR
                        if let source = printedLine.sourceLine { origins[start.line] = source }
                    } else if !again.isBlank, again != rows[earlier].cells[0] {
                        reader.report(.warning, .duplicateLine, page: page, line: printedLine,
                                      "\(label) is printed again with another amount; the first printing's is kept")
                        filedAll = false
                    }
                    continue
                }
                guard firstPrinting(of: gathered, label: label, page: page, into: &reader) else { filedAll = false; continue }
                rows.append(printed)
            }
            reader.mark(printedLine, filedAll ? .mapped : .reported)
        }
    }

    /// A word's pieces between dot leaders (two dots or more), each with the offset of its first
    /// character; none for a word of leaders alone.
    static func piecesBetweenLeaders(_ text: String) -> [(text: String, offset: Int)] {
        var pieces: [(text: String, offset: Int)] = []
        let characters = Array(text)
        var i = 0
        var current = ""
        var currentStart = 0
        while i < characters.count {
            var dots = 0
            while i + dots < characters.count, characters[i + dots] == "." { dots += 1 }
            if dots >= 2 {
                if !current.isEmpty { pieces.append((current, currentStart)) }
                current = ""
                i += dots
                currentStart = i
                continue
            }
            if current.isEmpty { currentStart = i }
            current.append(characters[i])
            i += 1
        }
        if !current.isEmpty { pieces.append((current, currentStart)) }
        return pieces
    }

    /// Refuses the lines of a page: an error says why, and none of them is read.
    private mutating func refuse(_ page: PositionedPage, _ lines: ArraySlice<PositionedLine>, first: Int, _ message: String,
                                 into reader: inout LayoutReader) {
        reader.report(.error, .unrecognizedLine, page: page, line: page.lines[max(first - 1, 0)], message)
        refusedPages.insert(page.number)
        for index in lines.indices { reader.mark(page.lines[index], .reported) }
    }

    /// The column numbers printed under the page's first rows that head a block of columns the
    /// page's headings did not place: a line of nothing but the numbers of the next columns not
    /// yet placed, two or more, in the blank's order left to right; with the heading lines printed
    /// over the columns just above it (no word left of where values start, no amount) and those
    /// under it before the next row.
    private mutating func findColumnBlocks(_ page: PositionedPage, _ lines: ArraySlice<PositionedLine>, after lastHeading: Int, _ scan: PageScan,
                                           source: PositionedDocument.Source) {
        blockStarts = [:]
        blockHeadings = []
        let numbers = description.columns.map(\.number)
        var unplaced = description.columns.indices.filter { scan.centers[$0] == nil && !numbers[$0].isEmpty }
        guard !unplaced.isEmpty else { return }
        func isHeadingText(_ words: [PositionedWord]) -> Bool {
            guard let first = words.first, first.x0 >= scan.valueStart else { return false }
            return !PositionedPageReader.hasAmounts(words, valueStart: scan.valueStart, source: source)
                && PositionedPageReader.lineNumber(first, before: scan.valueStart) == nil
        }
        for index in lines.indices where index > lastHeading {
            let words = page.lines[index].words
            guard words.count >= 2 else { continue }
            let columns = words.compactMap { word in numbers.firstIndex(of: word.text).map { (column: $0, center: word.centerX) } }
            // The numbers of the next columns not yet placed, in order and left to right.
            let next = unplaced.prefix(columns.count)
            guard columns.count == words.count, columns.map(\.column) == Array(next),
                  zip(columns, columns.dropFirst()).allSatisfy({ $0.center < $1.center }) else { continue }
            unplaced.removeFirst(columns.count)
            blockStarts[index] = columns
            var above = index - 1
            while above > lastHeading, isHeadingText(page.lines[above].words) {
                blockHeadings.insert(above)
                above -= 1
            }
            var under = index + 1
            while under < lines.endIndex, isHeadingText(page.lines[under].words) {
                blockHeadings.insert(under)
                under += 1
            }
        }
    }

    /// Reads a line that heads a later block of columns: its column numbers place the block's
    /// columns, which the rows under it are read in; its heading lines are read as headings.
    /// False for any other line.
    private mutating func startColumnBlock(_ page: PositionedPage, _ index: Int, _ scan: inout PageScan, into reader: inout LayoutReader) -> Bool {
        if blockHeadings.contains(index) {
            finishCurrent(&scan, page, into: &reader)
            reader.mark(page.lines[index], .classified)
            return true
        }
        guard let columns = blockStarts[index] else { return false }
        finishCurrent(&scan, page, into: &reader)
        var centers: [Double?] = Array(repeating: nil, count: description.columns.count)
        for (column, center) in columns { centers[column] = center }
        let placed = columns.map(\.center)
        let halfGap = (zip(placed, placed.dropFirst()).map { $1 - $0 }.min() ?? 2 * scan.halfGap) / 2
        var next = PageScan(centers: centers, halfGap: halfGap, valueStart: placed[0] - halfGap, leaderless: scan.leaderless)
        next.rowsOnPage = scan.rowsOnPage
        next.numberColumn = scan.numberColumn
        scan = next
        block += 1
        reader.mark(page.lines[index], .classified)
        return true
    }

    /// The numbered column headings, which give each column's position: the centers of the
    /// column numbers and the last line printing them; none where the numbers do not stand left
    /// to right in the blank's order (then they were not headings).
    private func findColumnHeadings(_ page: PositionedPage, _ lines: ArraySlice<PositionedLine>) -> (centers: [Double?], line: Int?) {
        let numbers = description.columns.map(\.number)
        var centers: [Double?] = Array(repeating: nil, count: numbers.count)
        // The column numbers may be printed over several heading lines ("1  Life Contracts  4  5"
        // above "2  3"); each number's first (top-most) appearance is its column's.
        var headingLine: Int?
        for index in lines.indices.prefix(25) {
            let words = page.lines[index].words
            // The first row ends the headings: a line number with its period, or glued to its caption.
            if words.count > 1, let number = PositionedPageReader.lineNumber(words.first, before: .infinity), lineIndex[number.line] != nil,
               number.marked || words.dropFirst().allSatisfy({ !numbers.contains($0.text) }), headingLine != nil {
                break
            }
            if words.count > 1, let letter = PositionedPageReader.sectionLetter(words.first), lineIndex[letter] != nil, headingLine != nil {
                break
            }
            var found = false
            for word in words where numbers.contains(word.text) && !word.text.isEmpty {
                guard let column = numbers.firstIndex(of: word.text), centers[column] == nil else { continue }
                centers[column] = word.centerX
                found = true
            }
            if found { headingLine = index }
        }
        // Numbers must stand left to right in the blank's order; otherwise they were not headings.
        let ordered = centers.compactMap { $0 }
        if zip(ordered, ordered.dropFirst()).contains(where: { $0 >= $1 }) || ordered.count < min(2, numbers.filter { !$0.isEmpty }.count) {
            return (Array(repeating: nil, count: numbers.count), nil)
        }
        return (centers, headingLine)
    }

    /// Where the page's columns stand: by their headings, by the last page's where this one goes
    /// on under the same headings, or, for one column whose number is not printed, by its
    /// amounts' right edges; nil, with an error, where none of these places them.
    private mutating func placeColumns(_ page: PositionedPage, _ lines: ArraySlice<PositionedLine>, first: Int,
                                       headings: (centers: [Double?], line: Int?), into reader: inout LayoutReader) -> PageScan? {
        var centers = headings.centers
        let halfGap: Double
        let valueStart: Double
        if headings.line != nil {
            let placed = centers.compactMap { $0 }.sorted()
            let gaps = zip(placed, placed.dropFirst()).map { $1 - $0 }
            let unit = reader.document.source == .pdf ? 1.0 : 0.2
            halfGap = (gaps.min() ?? 80 * unit) / 2
            // A listing's amounts start after its text columns; one of text columns only (Schedule
            // Y Part 1A) has none, and every word of its entries is text.
            valueStart = uncodedTemplate == nil ? (placed.first ?? 0) - halfGap
                : PositionedPageReader.amountsStart(centers, description.columns)
                    ?? (description.columns.contains { $0.valueKind == .amount } ? (placed.first ?? 0) - halfGap : .infinity)
            layout = (centers, halfGap, valueStart)
        } else if let layout {
            // A page that goes on from the last one, under the same column headings.
            (centers, halfGap, valueStart) = layout
        } else if description.columns.count == 1, description.columns[0].number.isEmpty,
                  let aligned = PositionedPageReader.alignedColumn(page.lines[lines.indices]) {
            // One column whose number is not printed: its amounts' right edges place it.
            outerEdge = (aligned.right, 2 * aligned.character)
            centers = [aligned.right - 4 * aligned.character]
            halfGap = 8 * aligned.character
            valueStart = aligned.valueStart
            layout = (centers, halfGap, valueStart)
        } else {
            reader.report(.error, .unrecognizedLine, page: page, line: page.lines[max(first - 1, 0)],
                          "\(description.title): the numbered column headings (\(description.columns.map(\.number).filter { !$0.isEmpty }.joined(separator: " "))) were not found, so no amount on this page can be placed")
            return nil
        }
        return PageScan(centers: centers, halfGap: halfGap, valueStart: valueStart,
                        leaderless: !page.lines.contains { PositionedPageReader.hasLeader($0.words) })
    }

    /// The page's columns, and the row being gathered as the page's lines are read.
    private struct PageScan {
        let centers: [Double?]
        let halfGap: Double
        let valueStart: Double
        var current: Gathered?
        var rowsOnPage = 0
        /// Where the page's line numbers start: the leftmost seen so far.
        var numberColumn: Double?
        var inFootnotes = false
        /// Lines printed above the next entry's line that are the top of its wrapped text cells
        /// (``holdEntryTop``), held until that entry starts.
        var entryTop: [PositionedLine] = []
        /// The page prints no dot leader (a printer that sets cells apart by space alone): what
        /// leaders tell elsewhere (where a cell ends, which cells an entry leaves empty) is told
        /// by the words' positions.
        var leaderless = false

        init(centers: [Double?], halfGap: Double, valueStart: Double, leaderless: Bool = false) {
            self.centers = centers
            self.halfGap = halfGap
            self.valueStart = valueStart
            self.leaderless = leaderless
        }
    }

    /// Finishes the row being gathered, if any; none is gathered after.
    private mutating func finishCurrent(_ scan: inout PageScan, _ page: PositionedPage, into reader: inout LayoutReader) {
        if let row = scan.current { finishRow(row, page: page, centers: scan.centers, valueStart: scan.valueStart, into: &reader) }
        scan.current = nil
    }

    /// Starts gathering a row of line `number` (the line's `index` in the description) with a
    /// printed line and its words after the line number; for an entry whose code is not printed
    /// (`number` empty until its line of entries is known), with its first line's text columns.
    private func startRow(_ number: String, index: Int, _ line: PositionedLine, words: [PositionedWord], _ scan: inout PageScan,
                          source: PositionedDocument.Source, uncoded entryColumns: [Int: Int]? = nil) {
        scan.current = Gathered(line: number, index: index, lines: [line], words: words, ranges: [0..<words.count],
                                closed: closes(words, valueStart: scan.valueStart, source: source),
                                uncoded: entryColumns != nil, firstEntryColumns: entryColumns)
        scan.rowsOnPage += 1
    }

    /// The page printed as its title over a NONE stamp, among other schedules' (a page of
    /// several schedules that report nothing): it reports nothing.
    mutating func takeNone(_ page: PositionedPage, _ line: PositionedLine) {
        if printedNone == nil { printedNone = (page, line) }
    }

    /// Reads one line under the column headings: into the row being gathered, as a row of its
    /// own, as a footnote, or as what the page prints besides its rows.
    private mutating func readLine(_ page: PositionedPage, _ index: Int, _ scan: inout PageScan, into reader: inout LayoutReader) {
        var line = page.lines[index]
        // NONE stamped across the table (Exhibit 4 of a company that pays no dividends): the
        // page reports nothing; its words are not part of the row beside them.
        if line.words.contains(where: { $0.text == "NONE" }) {
            // Once the table's last line is read, or among its footnotes, NONE is stamped on what
            // the page prints under the table (Schedule S Part 4's table of issuing banks), not
            // on the table.
            let underTable = scan.inFootnotes || description.lines.last.map { seen.contains($0.line) } ?? false
                || (uncodedTemplate != nil && scan.rowsOnPage > 0)
            if printedNone == nil, !underTable { printedNone = (page, line) }
            line.words.removeAll { $0.text == "NONE" }
            if line.words.isEmpty {
                reader.mark(page.lines[index], underTable ? .none : .classified)
                return
            }
        }
        // A page number printed in the margin beside a caption's second line (a landscape
        // page's "6" or "6.3" beside line 21's "(direct business only)") or beside a footnote:
        // a number standing wholly left of where the page's line numbers stand is not a line
        // number.
        if let column = scan.numberColumn, line.words.count > 1, let first = line.words.first, first.x1 < column,
           PositionedPageReader.isPageNumber(first.text) {
            line.words.removeFirst()
        } else if line.words.count > 1, let first = line.words.first, first.text.contains("L"), PositionedPageReader.isPageNumber(first.text) {
            // A landscape page's number ("57L") on the line of a heading: no line number has a letter.
            line.words.removeFirst()
        } else if line.words.count > 1, let first = line.words.first, description.printsPageNumber(first.text),
                  PositionedPageReader.lineNumber(first, before: .infinity).flatMap({ lineIndex[$0.line] }) == nil,
                  first.text.contains(where: \.isLetter) || first.x1 < (scan.centers.compactMap { $0 }.min() ?? 0) - scan.halfGap {
            // The page's own number ("SI12.1", or "53.1" left of the first column, where no line
            // of the page has that number) printed in the margin level with a row.
            line.words.removeFirst()
        }
        if readFootnoteOrTitle(line, page, index, &scan, into: &reader) { return }
        if startColumnBlock(page, index, &scan, into: &reader) { return }
        dropMarginPageNumber(&line, valueStart: scan.valueStart)
        if takeNumberUnderRow(line, page, &scan, into: &reader) { return }
        // A page number printed alone, away from the columns (in the margin of a landscape
        // page: "6", "6.3", "SI10").
        if line.words.count == 1, let only = line.words.first, PositionedPageReader.isPageNumber(only.text) || description.printsPageNumber(only.text),
           !scan.centers.contains(where: { $0.map { abs($0 - only.centerX) < scan.halfGap } ?? false }) {
            reader.mark(line, .classified)
            return
        }
        splitInnerLine(&line, page, &scan, into: &reader)
        // A line printed wholly in the left margin, left of where the page's line numbers
        // start, without amounts: a group label ("Investment Trusts, Closed-End" beside a
        // Summary by Country row that prints no leaders), not the caption of the row above.
        if let column = scan.numberColumn, let last = line.words.last, last.x1 < column,
           !PositionedPageReader.hasAmounts(line.words, valueStart: scan.valueStart, source: reader.document.source) {
            reader.report(.info, .captionMismatch, page: page, line: line,
                          "\(description.title): \"\(String(line.text.prefix(80)))\" stands in the margin and is read as a heading")
            reader.mark(line, .classified)
            return
        }
        dropMarginWords(&line, page, &scan, into: &reader)
        if holdEntryTop(line, page, index, &scan, into: &reader) { return }
        if startUncodedEntry(line, page, index, &scan, into: &reader) { return }
        if startSection(line, page, &scan, into: &reader) { return }
        if startNumberedRow(line, page, &scan, into: &reader) { return }
        continueRow(line, page, &scan, into: &reader)
    }

    /// Reads a page that prints only the table's footnotes, from line `first` on (each footnote
    /// as under the table), and a NONE stamp on them (lines `stamp`, and words of later lines)
    /// as what it is: no footnote's text, and nothing said of the table's rows.
    mutating func readFootnotes(_ page: PositionedPage, stamp: Range<Int>, from first: Int, into reader: inout LayoutReader) {
        for index in stamp {
            let line = page.lines[index]
            reader.mark(line, line.words.allSatisfy { LayoutReader.stampLetters.contains($0.text) } ? .none : .classified)
        }
        for index in first..<page.lines.count {
            var line = page.lines[index]
            if index == first { line.words = Array(line.words.drop { LayoutReader.stampLetters.contains($0.text) }) }
            line.words.removeAll { $0.text == "NONE" }
            let key = Text.key(line.words.map(\.text).joined(separator: " "))
            if line.words.isEmpty {
                reader.mark(page.lines[index], .none)
            } else if footnoteKeys.contains(where: { key.hasPrefix($0) }) || footnotes.isEmpty {
                footnotes.append(PositionedPageReader.plainText(line))
                reader.mark(page.lines[index], .mapped)
            } else if index == page.lines.count - 1, line.words.count == 1,
                      PositionedPageReader.isPageNumber(line.words[0].text) || description.printsPageNumber(line.words[0].text) {
                reader.mark(page.lines[index], .classified)
            } else {
                appendToFootnote(line)
                reader.mark(page.lines[index], .mapped)
            }
        }
    }

    /// Adds a line's text (its words, leaders left out) to the last footnote; a line of leaders
    /// alone adds nothing.
    private mutating func appendToFootnote(_ line: PositionedLine) {
        let text = PositionedPageReader.plainText(line)
        if !text.isEmpty { footnotes[footnotes.count - 1] += " " + text }
    }

    /// Reads a footnote or legend under the table, the page number on the page's last line, or
    /// a section's title; false for any other line.
    private mutating func readFootnoteOrTitle(_ line: PositionedLine, _ page: PositionedPage, _ index: Int, _ scan: inout PageScan,
                                              into reader: inout LayoutReader) -> Bool {
        let key = Text.key(line.text)
        // Footnotes and legends under the table: kept as printed, one per note.
        if footnoteKeys.contains(where: { key.hasPrefix($0) }) {
            finishCurrent(&scan, page, into: &reader)
            scan.inFootnotes = true
            footnotes.append(PositionedPageReader.plainText(line))
            reader.mark(line, .mapped)
            return true
        }
        if scan.inFootnotes, !(index == page.lines.count - 1 && line.words.count == 1) {
            appendToFootnote(line)
            reader.mark(line, .mapped)
            return true
        }
        // The page number, printed alone on the page's last line ("2", "5.1", or the blank's
        // own page number for the page, "SI01").
        if index == page.lines.count - 1, line.words.count == 1, let only = line.words.first,
           PositionedPageReader.isPageNumber(only.text) || description.printsPageNumber(only.text) {
            reader.mark(line, .classified)
            return true
        }
        if sectionKeys.contains(key) {
            finishCurrent(&scan, page, into: &reader)
            reader.mark(line, .classified)
            return true
        }
        return false
    }

    /// A page number printed in the margin, on the same line as a row's line number ("6",
    /// or the blank's own page number for the page: "SI10 10. Book/adjusted ..."), is taken off.
    /// Not a line number followed by its line's code ("2.1 1 NAIC Designation Category 1.A").
    private func dropMarginPageNumber(_ line: inout PositionedLine, valueStart: Double) {
        if line.words.count > 2, let second = PositionedPageReader.lineNumber(line.words[1], before: valueStart), lineIndex[second.line] != nil,
           description.printsPageNumber(line.words[0].text)
            || PositionedPageReader.lineNumber(line.words.first, before: valueStart).map({ first in
                !first.marked && PositionedPageReader.isPageNumber(first.line)
                    && lineIndex[first.line].map { description.lines[$0].code != line.words[1].text } ?? true
            }) == true {
            line.words.removeFirst()
        }
    }

    /// A line number printed alone under its row (layout text sets it after the page number
    /// at the foot of a landscape page, where it also reads as a page number): the row
    /// above's last printed line, whose caption is the number's line's and not the row's,
    /// is the number's row. False where the line is no such number.
    private mutating func takeNumberUnderRow(_ line: PositionedLine, _ page: PositionedPage, _ scan: inout PageScan,
                                             into reader: inout LayoutReader) -> Bool {
        let valueStart = scan.valueStart
        guard line.words.count == 1, let number = PositionedPageReader.lineNumber(line.words.first, before: valueStart), number.rest == nil,
              let rowIndex = lineIndex[number.line], var row = scan.current, row.lines.count > 1, let last = row.ranges.last,
              PositionedPageReader.captionIsOwn(row.words[last], of: description.lines[rowIndex].caption, valueStart: valueStart),
              !PositionedPageReader.captionIsOwn(row.words[last], of: description.lines[row.index].caption, valueStart: valueStart) else { return false }
        let moved = Array(row.words[last])
        let movedLine = row.lines.removeLast()
        row.words.removeSubrange(last)
        row.ranges.removeLast()
        row.closed = closes(row.words, valueStart: valueStart, source: reader.document.source)
        finishRow(row, page: page, centers: scan.centers, valueStart: valueStart, into: &reader)
        startRow(number.line, index: rowIndex, movedLine, words: moved, &scan, source: reader.document.source)
        reader.mark(line, .classified)
        return true
    }

    /// A line number printed inside another's caption ("2.1 Resisted ..... 2.11 Direct",
    /// "4. TOTALS ..... 4.1 Direct", Exhibit 8 Part 1): the amounts are the inner line's;
    /// the words before it are the outer line's caption, a heading, filed as a row of its own
    /// and taken off the line. Only a heading (or no line of the blank) gives its row away so.
    private mutating func splitInnerLine(_ line: inout PositionedLine, _ page: PositionedPage, _ scan: inout PageScan,
                                         into reader: inout LayoutReader) {
        guard let outer = PositionedPageReader.lineNumber(line.words.first, before: scan.valueStart),
              lineIndex[outer.line].map({ description.lines[$0].isHeading }) ?? true,
              let split = PositionedPageReader.innerLineNumber(line.words, outer: outer.line, before: scan.valueStart, lines: lineIndex.all) else { return }
        finishCurrent(&scan, page, into: &reader)
        if let outerIndex = lineIndex[outer.line] {
            var words = Array(line.words[1..<split])
            if let rest = outer.rest { words.insert(rest, at: 0) }
            finishRow(Gathered(line: outer.line, index: outerIndex, lines: [line], words: words, ranges: [0..<words.count], closed: true),
                      page: page, centers: scan.centers, valueStart: scan.valueStart, into: &reader)
        }
        line.words.removeFirst(split)
    }

    /// Words printed in the left margin before a row's line number (Schedule D's Summary by
    /// Country prints its groups there: "Governments   2. Canada"): not the row's caption, so
    /// taken off the line, and an info says they are read as a heading.
    private mutating func dropMarginWords(_ line: inout PositionedLine, _ page: PositionedPage, _ scan: inout PageScan,
                                          into reader: inout LayoutReader) {
        guard PositionedPageReader.lineNumber(line.words.first, before: scan.valueStart).flatMap({ lineIndex[$0.line] }) == nil,
              let start = PositionedPageReader.marginEnd(line.words, before: scan.valueStart, lines: lineIndex.all, numberColumn: scan.numberColumn) else { return }
        finishCurrent(&scan, page, into: &reader)
        reader.report(.info, .captionMismatch, page: page, line: line,
                      "\(description.title): \"\(line.words[..<start].map(\.text).joined(separator: " "))\" stands in the margin left of line \(line.words[start].text) and is read as a heading")
        line.words.removeFirst(start)
    }

    /// A lettered section's heading ("A. Premium Reserves:"): a row of its own, and the
    /// section of the numbered lines under it. False where the line is none.
    private mutating func startSection(_ line: PositionedLine, _ page: PositionedPage, _ scan: inout PageScan,
                                       into reader: inout LayoutReader) -> Bool {
        guard let first = line.words.first, first.x1 <= scan.valueStart, let letter = PositionedPageReader.sectionLetter(first),
              let rowIndex = lineIndex[letter] else { return false }
        finishCurrent(&scan, page, into: &reader)
        section = letter
        startRow(letter, index: rowIndex, line, words: Array(line.words.dropFirst()), &scan, source: reader.document.source)
        return true
    }

    /// A line starting with a line number (within the lettered section, where the page has
    /// them) starts that line's row, unless the row above expects more of its caption; a marked
    /// number of no line of the page is an error. False where the line starts no row.
    private mutating func startNumberedRow(_ line: PositionedLine, _ page: PositionedPage, _ scan: inout PageScan,
                                           into reader: inout LayoutReader) -> Bool {
        guard let number = PositionedPageReader.lineNumber(line.words.first, before: scan.valueStart).map({ number in
                  (line: section.map { "\($0).\(number.line)" }.flatMap { lineIndex[$0] == nil ? nil : $0 } ?? number.line,
                   rest: number.rest, marked: number.marked)
              }),
              number.marked || !(scan.current.map { PositionedPageReader.expectsMore($0.words[($0.ranges.last ?? 0..<0)], depth: $0.depth) } ?? false)
        else { return false }
        if let rowIndex = lineIndex[number.line] {
            finishCurrent(&scan, page, into: &reader)
            if let word = line.words.first { scan.numberColumn = min(scan.numberColumn ?? word.x0, word.x0) }
            var words = Array(line.words.dropFirst())
            if let rest = number.rest { words.insert(rest, at: 0) }
            startRow(number.line, index: rowIndex, line, words: words, &scan, source: reader.document.source)
            return true
        }
        guard number.marked else { return false }
        finishCurrent(&scan, page, into: &reader)
        // Entries printed without codes before it are that unknown line's, not the next known one's.
        refusePendingEntries("line \(number.line), printed next, is not a line of the blank", into: &reader)
        reader.report(.error, .unknownLine, page: page, line: line,
                      "line \(number.line) is not a line of \(description.title); its text is \"\(String(line.text.prefix(80)))\"")
        return true
    }

    /// A line that starts no row: more of the row being gathered, or a heading (text after a
    /// row whose amounts are printed, column headings under the numbers, or text between
    /// rows); amounts outside any row are reported.
    private mutating func continueRow(_ line: PositionedLine, _ page: PositionedPage, _ scan: inout PageScan, into reader: inout LayoutReader) {
        let source = reader.document.source
        if let row = scan.current, row.closed, !PositionedPageReader.hasAmounts(line.words, valueStart: scan.valueStart, source: source) {
            // Text after a row whose amounts are printed, before the next line number: a
            // heading the description does not list. Kept out of the row's caption.
            finishCurrent(&scan, page, into: &reader)
            reader.report(.info, .captionMismatch, page: page, line: line,
                          "\(description.title): \"\(String(line.text.prefix(80)))\" stands between rows and is read as a heading")
            reader.mark(line, .classified)
            return
        }
        if scan.current != nil {
            scan.current?.lines.append(line)
            let start = scan.current?.words.count ?? 0
            if let row = scan.current, let last = row.ranges.last {
                scan.current?.depth = PositionedPageReader.parenthesisDepth(row.words[last], from: row.depth)
            }
            scan.current?.words.append(contentsOf: line.words)
            scan.current?.ranges.append(start..<start + line.words.count)
            if closes(line.words, valueStart: scan.valueStart, source: source) { scan.current?.closed = true }
        } else if scan.rowsOnPage == 0 {
            // Column headings printed under the numbers ("Current Year  Prior Year").
            reader.mark(line, .classified)
        } else if !PositionedPageReader.hasAmounts(line.words, valueStart: scan.valueStart, source: source) {
            // More lines of a heading between rows.
            reader.report(.info, .captionMismatch, page: page, line: line,
                          "\(description.title): \"\(String(line.text.prefix(80)))\" stands between rows and is read as a heading")
            reader.mark(line, .classified)
        } else {
            reader.report(.warning, .unrecognizedLine, page: page, line: line,
                          "amounts on \(description.title) outside any numbered line: \"\(String(line.text.prefix(80)))\"")
        }
    }

    /// Whether a word can be a page number the blank prints ("2", "6.3", "5.1", "24.01", "24.1.GT"):
    /// digits and periods, a digit first, at most six characters, and a state's code after a period.
    static func isPageNumber(_ text: String) -> Bool {
        var number = Substring(text)
        // A page the blank prints once per state ends in the state's code: "24.GT" (grand total), "24.1.MA".
        if let dot = text.lastIndex(of: "."), case let code = text[text.index(after: dot)...], (1...3).contains(code.count),
           code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            number = text[..<dot]
        }
        // A landscape page of a portrait page's number: "57L", "57L.1".
        if let l = number.firstIndex(of: "L"), l > number.startIndex, number[number.index(before: l)].isNumber,
           case let after = number.index(after: l), after == number.endIndex || number[after] == "." {
            number = number[..<l] + number[after...]
        }
        return number.count <= 6 && number.first?.isNumber == true && number.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// A line number at the start of a line: `1.`, `2.1`, `24.01`, `2501.`, `08.301.`, `9999999999`, or one
    /// glued to its caption (`1.Aggregate`). `marked` when it ends in a period or is glued, so it
    /// cannot be the start of a wrapped caption.
    static func lineNumber(_ word: PositionedWord?, before valueStart: Double) -> (line: String, rest: PositionedWord?, marked: Bool)? {
        guard let word, word.x1 <= valueStart else { return nil }
        let scalars = Array(word.text.unicodeScalars)
        var end = 0
        var dots = 0
        while end < scalars.count, scalars[end].properties.numericType != nil || scalars[end] == "." {
            guard scalars[end] == "." || ("0"..."9").contains(scalars[end]) else { return nil }
            if scalars[end] == "." {
                dots += 1
                // Two periods in a row are a dot leader, not part of a number.
                if end + 1 < scalars.count, scalars[end + 1] == "." { break }
            }
            end += 1
        }
        guard end > 0, ("0"..."9").contains(scalars[0]) else { return nil }
        var number = String(String.UnicodeScalarView(scalars[0..<end]))
        var marked = false
        if number.hasSuffix(".") {
            number.removeLast()
            marked = true
        }
        guard !number.isEmpty, number.count <= 10 else { return nil }
        var rest: PositionedWord?
        if end < scalars.count {
            // Glued to the caption: only letters, a dot leader or a parenthesis may follow.
            let next = scalars[end]
            guard next.properties.isAlphabetic || next == "." || next == "(" else { return nil }
            let width = (word.x1 - word.x0) / Double(max(scalars.count, 1))
            rest = PositionedWord(text: String(String.UnicodeScalarView(scalars[end...])), x0: word.x0 + width * Double(end),
                                  x1: word.x1, y0: word.y0, y1: word.y1)
            marked = true
        }
        return (number, rest, marked)
    }

    /// The centre of each phrase of two or more words printed close together on one printed line
    /// (no wider apart than a character and a half), by the index of each of its words. A dot
    /// leader, a word ending or starting in one, and an amount with grouping commas or in
    /// parentheses end a phrase (a number among words, "5803" in "Lines 5801 through 5803 plus",
    /// does not).
    static func phraseCenters(_ words: [PositionedWord], ranges: [Range<Int>]) -> [Int: Double] {
        var centers: [Int: Double] = [:]
        for range in ranges {
            var phrase: [Int] = []
            func close() {
                if phrase.count > 1, let first = phrase.first, let last = phrase.last {
                    let center = (words[first].x0 + words[last].x1) / 2
                    for index in phrase { centers[index] = center }
                }
                phrase = []
            }
            for index in range where index < words.count {
                let word = words[index]
                guard let text = stripLeaders(word.text), text == Substring(word.text),
                      ValueScanner.groupedAmount(in: text) == nil, !text.hasPrefix("(") || text.contains(where: \.isLetter) else {
                    close()
                    continue
                }
                if let last = phrase.last {
                    let before = words[last]
                    let character = before.characterWidth
                    if word.x0 - before.x1 > 1.5 * character { close() }
                }
                phrase.append(index)
            }
            close()
        }
        return centers
    }

    /// The letter of a lettered section's heading ("A." of "A. Premium Reserves:"): one capital
    /// letter and a period.
    static func sectionLetter(_ word: PositionedWord?) -> String? {
        guard let text = word?.text, text.count == 2, text.hasSuffix("."), let letter = text.first,
              letter.isASCII, letter.isUppercase else { return nil }
        return String(letter)
    }

    /// Where the amounts of a page of one unnumbered column stand: the right edge of the rightmost
    /// (the outer column), the width of a character, and where values start (a character left of
    /// the widest amount's left edge). Amounts are the words that hold an amount with grouping
    /// commas once dot leaders are taken off; on a page that prints none, its rightmost words
    /// stand for them. Nil where the lines hold no word.
    static func alignedColumn(_ lines: ArraySlice<PositionedLine>) -> (right: Double, character: Double, valueStart: Double)? {
        var right = -Double.infinity, left = Double.infinity
        var widths: [Double] = []
        for line in lines {
            for word in line.words {
                guard let text = stripLeaders(word.text), ValueScanner.groupedAmount(in: text) != nil else { continue }
                let character = word.characterWidth
                widths.append(character)
                right = max(right, word.x1)
                left = min(left, word.x1 - character * Double(text.count))
            }
        }
        if widths.isEmpty {
            // No amount of that size (a page of leaders, or NONE): the rightmost words (leaders)
            // end where the amounts would, and values start where the widest amount would.
            for line in lines {
                for word in line.words {
                    widths.append(word.characterWidth)
                    right = max(right, word.x1)
                }
            }
            guard !widths.isEmpty else { return nil }
            let character = widths.sorted()[widths.count / 2]
            return (right, character, right - 20 * character)
        }
        let character = widths.sorted()[widths.count / 2]
        return (right, character, left - character)
    }

    /// Where a row's line number stands after words printed in the page's left margin: the index
    /// of the first word that is a line number of the page (with its period, not glued to its
    /// caption), set apart from the words before it by a gap wider than four of their characters,
    /// and standing where the page's line numbers start (within two characters) once that is
    /// known. Nil when there is none.
    static func marginEnd(_ words: [PositionedWord], before valueStart: Double, lines: LineLookup, numberColumn: Double?) -> Int? {
        words.indices.dropFirst().first { index in
            let word = words[index], before = words[index - 1]
            guard let number = lineNumber(word, before: valueStart), number.marked, number.rest == nil, lines[number.line] != nil else { return false }
            let character = before.characterWidth
            let numberCharacter = word.characterWidth
            guard word.x0 - before.x1 > 4 * character else { return false }
            return numberColumn.map { abs(word.x0 - $0) <= 2 * numberCharacter + 0.5 } ?? true
        }
    }

    /// Where a line's caption holds the number of one of its own sub-lines ("2.11" in the row of
    /// "2.1", "4.1" in the row of "4"), standing as a word of its own left of the amounts: that
    /// word's index; nil when there is none.
    static func innerLineNumber(_ words: [PositionedWord], outer: String, before valueStart: Double, lines: LineLookup) -> Int? {
        words.indices.dropFirst().first { index in
            guard let inner = lineNumber(words[index], before: valueStart), inner.rest == nil, lines[inner.line] != nil else { return false }
            // "4" -> "4.1"; "2.1" -> "2.11" (the blank numbers a sub-line of a dotted line by one more digit).
            return inner.line.hasPrefix(outer + ".") || (outer.contains(".") && inner.line.count == outer.count + 1 && inner.line.hasPrefix(outer))
        }
    }

    /// Where a word's text starts once a leader glued before it is taken off (``stripLeaders``).
    static func textStart(_ word: PositionedWord) -> Double {
        guard let text = stripLeaders(word.text) else { return word.x0 }
        let leading = word.text.distance(from: word.text.startIndex, to: text.startIndex)
        return word.x0 + (word.x1 - word.x0) / Double(max(word.text.count, 1)) * Double(leading)
    }

    /// Where a word's text ends once a leader glued after it is taken off (``stripLeaders``).
    static func textEnd(_ word: PositionedWord) -> Double {
        guard let text = stripLeaders(word.text) else { return word.x1 }
        let trailing = word.text.distance(from: text.endIndex, to: word.text.endIndex)
        return word.x1 - (word.x1 - word.x0) / Double(max(word.text.count, 1)) * Double(trailing)
    }

    /// A word with its dot leaders removed, or nil when it is only a leader. A single final
    /// period ("Inc.") is kept; two or more are a leader.
    static func stripLeaders(_ text: String) -> Substring? {
        // Dots alone are a leader; two or more before a word are a leader glued to it, and so is
        // one before an amount (".10,025,912,106"); one before letters is the word's own (".M1"
        // of the designation "C. .M1"). Dots are one byte each: counted on the UTF-8 view.
        let bytes = text.utf8
        var start = bytes.startIndex
        var leading = 0
        while start != bytes.endIndex, bytes[start] == UInt8(ascii: ".") {
            bytes.formIndex(after: &start)
            leading += 1
        }
        if start == bytes.endIndex { return nil }
        let lower = leading >= 2 || !text[start].isLetter ? start : text.startIndex
        var end = bytes.endIndex
        var trailing = 0
        while end != lower, bytes[bytes.index(before: end)] == UInt8(ascii: ".") {
            bytes.formIndex(before: &end)
            trailing += 1
        }
        let result = text[lower..<(trailing >= 2 ? end : text.endIndex)]
        return result.isEmpty ? nil : result
    }

    // MARK: entries whose codes are not printed

    /// Where a listing's amounts start: half the narrowest gap between amount columns left of the
    /// first amount column's heading (the text columns and the totals' captions stand before).
    static func amountsStart(_ centers: [Double?], _ columns: [ColumnDescription]) -> Double? {
        let amounts = columns.indices.filter { columns[$0].valueKind == .amount }.compactMap { centers[$0] }.sorted()
        guard let first = amounts.first else { return nil }
        let gap = zip(amounts, amounts.dropFirst()).map { $1 - $0 }.min() ?? 80
        return first - gap / 2
    }

    /// The text column of each word printed before the amounts on one printed line of an entry
    /// whose code is not printed. A listing prints each text cell with dot leaders filling the
    /// rest of its column, so a cell's text (a run of words no wider apart than a character and a
    /// half) stands somewhere in the room between the texts beside it, whatever its alignment:
    /// the cell is the text column whose heading stands in that room, the one nearest the text
    /// where more than one does; where none does, the column whose heading is nearest.
    static func entryTextColumns(_ words: [PositionedWord], _ range: Range<Int>, centers: [Double?], columns: [ColumnDescription],
                                 valueStart: Double, starts: [Int: Double] = [:]) -> [Int: Int] {
        var runs: [(indices: [Int], x0: Double, x1: Double)] = []
        // Whether the last word read ends in leaders (or is one): the next text is another cell's.
        var leaderBefore = true
        // Where the leaders printed apart before the first text end: they fill the row's first
        // cells, left empty.
        var openingLeadersEnd = -Double.infinity
        for index in range where index < words.count {
            let word = words[index]
            guard let text = stripLeaders(word.text) else {
                leaderBefore = true
                if runs.isEmpty { openingLeadersEnd = word.x1 }
                continue
            }
            let center = centerWithoutLeaders(word, text)
            guard center < valueStart else { break }
            let share = (word.x1 - word.x0) / Double(max(word.text.count, 1))
            let leading = word.text.prefix { $0 == "." }.count
            let x0 = word.x0 + share * Double(leading), x1 = x0 + share * Double(text.count)
            if !leaderBefore, leading < 2, let last = runs.last, x0 - last.x1 <= 1.5 * word.characterWidth {
                runs[runs.count - 1].indices.append(index)
                runs[runs.count - 1].x1 = x1
            } else {
                // Leaders glued to the first text are its own cell's (a right-aligned text's).
                if runs.isEmpty, leading >= 2 { openingLeadersEnd = -Double.infinity }
                runs.append(([index], x0, x1))
            }
            leaderBefore = word.text.utf8.count - text.utf8.count - leading >= 2
        }
        let textColumns = columns.indices.filter { columns[$0].valueKind != .amount && centers[$0] != nil }
        var placed: [Int: Int] = [:]
        for (r, run) in runs.enumerated() {
            // A heading that stands over the leaders opening the row (an empty CUSIP cell's) is
            // not the first text's column. (Leaders between texts may part two words of one cell:
            // a depository's name and its place.)
            let roomStart = r > 0 ? runs[r - 1].x1 : openingLeadersEnd
            let roomEnd = r + 1 < runs.count ? runs[r + 1].x0 : valueStart
            let middle = (run.x0 + run.x1) / 2
            let inRoom = textColumns.filter { c in centers[c].map { $0 > roomStart && $0 < roomEnd } ?? false }
            let pool = inRoom.isEmpty ? textColumns : inRoom
            // Where more than one heading stands in the room, the column whose texts start where
            // this one does (``learnCellStarts``: a column's texts are set from its cell's left),
            // or else the heading nearest.
            let width = run.indices.first.map { words[$0].characterWidth } ?? 0
            let starting = pool.count > 1 ? pool.filter { c in starts[c].map { abs($0 - run.x0) <= 1.5 * width } ?? false } : []
            guard let column = starting.count == 1 ? starting.first
                    : pool.min(by: { abs((centers[$0] ?? 0) - middle) < abs((centers[$1] ?? 0) - middle) }) else { continue }
            for index in run.indices { placed[index] = column }
        }
        return placed
    }

    /// A line that starts an entry whose code is not printed: on a page with such entries, a line
    /// with no line number of the page whose words before the amounts fill two text columns or
    /// more (a total's caption going on, or a name wrapped onto a second line, fills one), or one
    /// that prints leaders in two empty cells or more before its text (an entry that fills one
    /// text column: a name with no code or ID). False for any other line.
    private mutating func startUncodedEntry(_ line: PositionedLine, _ page: PositionedPage, _ index: Int, _ scan: inout PageScan,
                                            into reader: inout LayoutReader) -> Bool {
        guard let template = uncodedTemplate, reader.document.source == .pdf,
              PositionedPageReader.lineNumber(line.words.first, before: scan.valueStart).flatMap({ lineIndex[$0.line] }) == nil else { return false }
        let placed = PositionedPageReader.entryTextColumns(line.words, 0..<line.words.count, centers: scan.centers, columns: description.columns,
                                                          valueStart: scan.valueStart, starts: cellStarts)
        let emptyCellsBefore = placed.keys.min().map { first in line.words[..<first].filter { PositionedPageReader.stripLeaders($0.text) == nil }.count } ?? 0
        // On a page without leaders, an entry that fills one text column (a name without ID or
        // code) after another entry: after one whose amounts are printed, a text that starts
        // where that entry's text in its column starts (not a heading); after one without, a
        // text the entry's own could not have gone on with, for the room it left.
        guard Set(placed.values).count >= 2 || (!placed.isEmpty && emptyCellsBefore >= 2)
                || (!placed.isEmpty && emptyTextCells(line.words, filled: Set(placed.values), scan) >= 2)
                || (scan.leaderless && !placed.isEmpty && scan.current?.uncoded == true
                    && (scan.current?.closed == true ? alignsUnder(line, page, index, scan) : !goesOn(line, page, index, scan))),
              !(scan.rowsOnPage == 0 && scan.entryTop.isEmpty && isColumnHeading(line)) else { return false }
        // In a table whose entries print leaders in their cells, a line printed without any is
        // more of an entry's wrapped cells, not an entry.
        if entriesPrintLeaders, !PositionedPageReader.hasLeader(line.words) { return false }
        if PositionedPageReader.hasLeader(line.words) { entriesPrintLeaders = true }
        finishCurrent(&scan, page, into: &reader)
        learnCellStarts(line.words, placed)
        startRow("", index: template, line, words: line.words, &scan, source: reader.document.source, uncoded: placed)
        if !scan.entryTop.isEmpty, var row = scan.current {
            // The lines held above it come first, in printed order: a cell's text reads top down.
            var words: [PositionedWord] = []
            var ranges: [Range<Int>] = []
            for top in scan.entryTop {
                ranges.append(words.count..<words.count + top.words.count)
                words += top.words
            }
            let shift = words.count
            row.entryRange = ranges.count
            row.ranges = ranges + row.ranges.map { $0.lowerBound + shift..<$0.upperBound + shift }
            row.words = words + row.words
            row.lines = scan.entryTop + row.lines
            row.firstEntryColumns = Dictionary(uniqueKeysWithValues: placed.map { ($0.key + shift, $0.value) })
            scan.current = row
            scan.entryTop.removeAll()
        }
        return true
    }

    /// How many text columns a printed line fills with leaders alone before the amounts, other
    /// than the columns its texts are in (`filled`): an entry that fills one text column (a
    /// depository's name and place, set apart by leaders) prints leaders in its empty ones, where
    /// a caption going on prints none.
    private func emptyTextCells(_ words: [PositionedWord], filled: Set<Int>, _ scan: PageScan) -> Int {
        let textColumns = description.columns.indices.filter { description.columns[$0].valueKind != .amount && scan.centers[$0] != nil }
        let textCenters = scan.centers.indices.map { textColumns.contains($0) ? scan.centers[$0] : nil }
        var empty: Set<Int> = []
        for word in words where PositionedPageReader.stripLeaders(word.text) == nil && word.centerX < scan.valueStart {
            guard let column = PositionedPageReader.nearest(word.centerX, textCenters), !filled.contains(column),
                  let center = textCenters[column], abs(center - word.centerX) < scan.halfGap else { continue }
            empty.insert(column)
        }
        return empty.count
    }

    /// A line of an uncoded entries' table that holds only text, printed without leaders just
    /// above a line that starts an entry and prints them: the top of that entry's wrapped cells,
    /// where the table prints them above (``entryTopsAbove``), held for it. Such a line before
    /// the page's first entry, or one whose text breaks after a hyphen, shows the table does.
    /// False for any other line, and where the next line starts no entry.
    private mutating func holdEntryTop(_ line: PositionedLine, _ page: PositionedPage, _ index: Int, _ scan: inout PageScan,
                                       into reader: inout LayoutReader) -> Bool {
        let source = reader.document.source
        guard uncodedTemplate != nil, source == .pdf, index + 1 < page.lines.count, !PositionedPageReader.hasLeader(line.words),
              PositionedPageReader.lineNumber(line.words.first, before: scan.valueStart).flatMap({ lineIndex[$0.line] }) == nil,
              !PositionedPageReader.hasAmounts(line.words, valueStart: scan.valueStart, source: source) else { return false }
        let next = page.lines[index + 1]
        // Before the page's first entry, a line of words with no digit is more of the columns'
        // headings, unless each of its texts starts where a text of the entry under it does.
        if scan.rowsOnPage == 0, isColumnHeading(line), !PositionedPageReader.textsAlign(line.words, over: next.words) { return false }
        let texts = PositionedPageReader.entryTextColumns(line.words, 0..<line.words.count, centers: scan.centers, columns: description.columns,
                                                          valueStart: .infinity)
        let nextColumns = Set(PositionedPageReader.entryTextColumns(next.words, 0..<next.words.count, centers: scan.centers,
                                                                    columns: description.columns, valueStart: scan.valueStart).values)
        guard !texts.isEmpty, texts.count == line.words.count, scan.leaderless || PositionedPageReader.hasLeader(next.words),
              PositionedPageReader.lineNumber(next.words.first, before: scan.valueStart).flatMap({ lineIndex[$0.line] }) == nil,
              nextColumns.count >= 2 else { return false }
        // (A word broken after a hyphen; not a dash alone, "------" for "none".)
        let hyphenated = line.words.contains { word in
            word.text.count > 1 && word.text.hasSuffix("-") && word.text.contains { $0.isLetter || $0.isNumber }
        }
        // On a page without leaders, a line of text alone may as well be an entry that prints no
        // amount, or the end of the entry above's cells. A wrapped cell's top fills few of the
        // entry's columns: a line that fills half of them or more is an entry of its own (its
        // hyphen is a name's: "LENDSL Trust 2018- A"). Otherwise it is the top of the next
        // entry's cells where it breaks after a hyphen, or where each of its texts either fills a
        // column the entry's line leaves empty or leaves no room for that line's first word in
        // its column (so the printer broke it there), and it cannot go on from the line above,
        // or could either way in a table that was seen to print its entries' tops above them.
        if scan.leaderless, textCells(line.words, scan).count * 2 > textCells(next.words, scan).count { return false }
        if scan.leaderless, !hyphenated {
            // Above the page's first entry, a line over more of the columns' headings is one of them.
            if scan.rowsOnPage == 0, isColumnHeading(next) { return false }
            let own = textCells(line.words, scan), below = textCells(next.words, scan)
            let ends = columnEnds(page, scan)
            guard own.allSatisfy({ column, cell in below[column].map { Self.isFull(cell, before: $0, end: ends[column]) } ?? true })
            else { return false }
            if goesOn(line, page, index, scan) {
                guard entryTopsAbove else { return false }
            } else {
                entryTopsAbove = true
            }
        }
        if scan.rowsOnPage == 0 && scan.current == nil || hyphenated { entryTopsAbove = true }
        guard entryTopsAbove else { return false }
        finishCurrent(&scan, page, into: &reader)
        scan.entryTop.append(line)
        return true
    }

    /// Each text column a line's words before the amounts fill (``entryTextColumns``), with where
    /// its text there starts and ends and how wide its first word is.
    private func textCells(_ words: [PositionedWord], _ scan: PageScan) -> [Int: (start: Double, end: Double, first: Double, character: Double)] {
        let placed = PositionedPageReader.entryTextColumns(words, 0..<words.count, centers: scan.centers, columns: description.columns,
                                                          valueStart: scan.valueStart, starts: cellStarts)
        var cells: [Int: (start: Double, end: Double, first: Double, character: Double)] = [:]
        for (index, column) in placed {
            let word = words[index]
            let start = PositionedPageReader.textStart(word), end = PositionedPageReader.textEnd(word)
            if let cell = cells[column] {
                cells[column] = (min(cell.start, start), max(cell.end, end), start < cell.start ? end - start : cell.first, cell.character)
            } else {
                cells[column] = (start, end, end - start, word.characterWidth)
            }
        }
        return cells
    }

    /// On a page without leaders, where each text column's texts end at most: the rightmost end
    /// of a text of the column on this page or an earlier one of the table, which a text broken
    /// over two lines reached.
    private mutating func columnEnds(_ page: PositionedPage, _ scan: PageScan) -> [Int: Double] {
        if let known = columnEndsOfPage, known.page == page.number { return known.ends }
        var ends = columnEndsOfPage?.ends ?? [:]
        // The entries' lines: two texts or more, a digit among them (the columns' headings, which
        // may stand wider than their cells, print none).
        for line in page.lines where line.words.contains(where: { $0.text.contains(where: \.isNumber) }) {
            let cells = textCells(line.words, scan)
            guard cells.count >= 2 else { continue }
            for (column, cell) in cells { ends[column] = max(ends[column] ?? cell.end, cell.end) }
        }
        columnEndsOfPage = (page.number, ends)
        return ends
    }

    /// Whether a text ending at `upper.end` leaves no room in its column (ending at `end`) for
    /// the first word (`lower`) of the text under it: the printer broke the text there.
    private static func isFull(_ upper: (start: Double, end: Double, first: Double, character: Double),
                               before lower: (start: Double, end: Double, first: Double, character: Double), end: Double?) -> Bool {
        guard let end else { return true }
        return upper.end + upper.character + lower.first > end + upper.character / 2
    }

    /// On a page without leaders: whether line `index` goes on with the texts of the line above
    /// it, a line of the row being read, which fills each of its text columns and leaves no room
    /// there for its first word.
    private mutating func goesOn(_ line: PositionedLine, _ page: PositionedPage, _ index: Int, _ scan: PageScan) -> Bool {
        guard index > 0, scan.current != nil else { return false }
        let own = textCells(line.words, scan)
        let above = textCells(page.lines[index - 1].words, scan)
        let ends = columnEnds(page, scan)
        return !own.isEmpty && own.allSatisfy { column, cell in above[column].map { Self.isFull($0, before: cell, end: ends[column]) } ?? false }
    }

    /// Whether each text of line `index` starts where the line above has a text of the same
    /// column start, within a character and a half.
    private func alignsUnder(_ line: PositionedLine, _ page: PositionedPage, _ index: Int, _ scan: PageScan) -> Bool {
        guard index > 0 else { return false }
        let own = textCells(line.words, scan)
        let above = textCells(page.lines[index - 1].words, scan)
        return !own.isEmpty && own.allSatisfy { column, cell in above[column].map { abs($0.start - cell.start) <= 1.5 * cell.character } ?? false }
    }

    /// Whether each text of a printed line (a run of words without leaders between them) starts
    /// where one of the line under it does, within a character and a half: one cell's lines.
    static func textsAlign(_ words: [PositionedWord], over below: [PositionedWord]) -> Bool {
        let starts = below.filter { stripLeaders($0.text) != nil }.map(textStart)
        var previous: PositionedWord?
        for word in words where stripLeaders(word.text) != nil {
            defer { previous = word }
            if let previous, word.x0 - previous.x1 <= 1.5 * word.characterWidth, !previous.text.hasSuffix("..") { continue }
            let start = textStart(word)
            guard starts.contains(where: { abs($0 - start) <= 1.5 * word.characterWidth }) else { return false }
        }
        return previous != nil
    }

    /// Whether a printed line has a dot leader (two dots or more in a row).
    static func hasLeader(_ words: [PositionedWord]) -> Bool {
        words.contains { $0.text.contains("..") }
    }

    /// Whether a line printed before the page's first row is a line of its column headings, which
    /// is no entry: every word a word of the columns' headings ("Code  Number  Date  Name of
    /// Company"), or no word with a digit or dot leaders ("Domi-  ciliary  Type of  Reserve Credit
    /// Taken"), where an entry prints its codes, dates or amounts, or leaders in its empty cells.
    ///
    /// A heading word the printer breaks after a hyphen stands on two lines, in pieces no heading
    /// spells whole: its start with the hyphen ("Rein-", "Juris-") and its end on the line under
    /// it ("surer", "diction"). Such a piece is a word of the headings when a heading word starts
    /// (or ends) with it, so that a heading line is known by the columns' headings alone however
    /// the printer breaks them.
    private func isColumnHeading(_ line: PositionedLine) -> Bool {
        if line.words.allSatisfy({ word in
            let keys = PositionedPageReader.headingKeys(word.text)
            return keys.allSatisfy(headingWords.contains)
                || keys.count == 1 && isPieceOfHeadingWord(keys[0], broken: word.text.hasSuffix("-"))
        }) { return true }
        return !line.words.contains { word in word.text.contains(where: \.isNumber) || word.text.contains("..") }
    }

    /// Whether `key` is a heading word's start, printed before a hyphen (`broken`, two letters or
    /// more), or its end (three letters or more): a piece of a word broken over two lines.
    private func isPieceOfHeadingWord(_ key: String, broken: Bool) -> Bool {
        guard key.count >= (broken ? 2 : 3), key.allSatisfy(\.isLetter) else { return false }
        return headingWords.contains { word in word.count > key.count && (broken ? word.hasPrefix(key) : word.hasSuffix(key)) }
    }

    /// A heading's words, by key.
    private static func headingKeys(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map { Text.key($0) }
    }

    /// Reads an entry whose code is not printed: its words placed in the text columns by
    /// ``entryTextColumns`` and in the amount columns under their headings; kept until the line
    /// of entries it belongs to is known.
    private mutating func finishUncodedEntry(_ row: Gathered, page: PositionedPage, centers: [Double?], valueStart: Double,
                                             into reader: inout LayoutReader) {
        let label = "\(description.title) entry \"\(String(PositionedPageReader.plainText(row.lines[0]).prefix(60)))\""
        var placing = RowPlacement(row: row, line: description.lines[row.index], label: label, page: page, columns: description.columns,
                                   centers: centers, valueStart: valueStart, layoutText: false)
        // The text cells of the entry's first line, where they start and end: a wrapped cell's
        // other lines start where it does.
        var entryColumns = row.firstEntryColumns ?? [:]
        func cells(_ placed: [Int: Int]) -> [(column: Int, start: Double, end: Double, words: [Int])] {
            Dictionary(grouping: placed.keys) { placed[$0] ?? 0 }.map { column, words in
                (column, words.map { PositionedPageReader.textStart(row.words[$0]) }.min() ?? 0, words.map { PositionedPageReader.textEnd(row.words[$0]) }.max() ?? 0, words)
            }
        }
        for (r, range) in row.ranges.enumerated() {
            var columns = r == row.entryRange ? entryColumns : nil
            if columns == nil {
                var placed = PositionedPageReader.entryTextColumns(row.words, range, centers: centers, columns: description.columns, valueStart: valueStart,
                                                                   starts: cellStarts)
                for cell in cells(placed) {
                    guard let width = cell.words.first.map({ row.words[$0].characterWidth }),
                          let entryCell = cells(entryColumns).filter({ abs($0.start - cell.start) <= 1.5 * width })
                            .min(by: { abs($0.start - cell.start) < abs($1.start - cell.start) }),
                          entryCell.column != cell.column else { continue }
                    if r < row.entryRange, cell.end - cell.start > entryCell.end - entryCell.start {
                        // A cell's first line printed above the entry, longer than its last: it
                        // tells the cell's column better.
                        for word in entryCell.words { entryColumns[word] = cell.column }
                    } else {
                        for word in cell.words { placed[word] = entryCell.column }
                    }
                }
                columns = placed
            }
            placing.entryColumns.merge(columns ?? [:]) { a, _ in a }
            // Text cells printed among or after the amounts (a cash instrument's CUSIP and
            // description): each phrase in the text column whose heading stands in the room
            // between the texts beside it, as before the amounts; amounts stay the amounts'.
            let beyond = PositionedPageReader.entryTextColumns(row.words, range, centers: centers, columns: description.columns, valueStart: .infinity)
            let phrases = PositionedPageReader.phraseCenters(row.words, ranges: [range])
            for (word, column) in beyond where placing.entryColumns[word] == nil {
                let text = PositionedPageReader.stripLeaders(row.words[word].text) ?? ""
                guard PositionedPageReader.centerWithoutLeaders(row.words[word], text) >= valueStart else { continue }
                // An amount or XXX standing alone is a value; a number among a phrase's words
                // ("231" of "COLT 231 M1") is text.
                let value = ValueScanner.value(text).map { $0.amount != nil || $0 == .notApplicable } ?? false
                if !value || phrases[word] != nil { placing.entryColumns[word] = column }
            }
        }
        placing.placeWords(amountsSpaced: spacing.amounts, into: &reader)
        let caption = placing.captionWords.joined(separator: " ")
        pendingEntries.append((Row(line: "", caption: caption.isEmpty ? nil : caption, cells: placing.cells,
                                   readByOCR: reader.ocrPages.contains(page.number)), row.lines, page))
    }

    /// Files the entries read since the last numbered line under the line of entries that line
    /// `number` (printed next, its caption accepted) totals, numbered in printed order after the
    /// line's entries filed already; where `number` totals no such line, they are not filed, and
    /// an error says so.
    private mutating func fileUncodedEntries(before number: String, into reader: inout LayoutReader) {
        guard !pendingEntries.isEmpty else { return }
        guard let l = description.uncodedEntriesTotaled(by: number) else {
            refusePendingEntries("line \(number), printed next, totals no line of entries", into: &reader)
            return
        }
        fileUncodedEntries(under: l, before: "line \(number)", into: &reader)
    }

    /// Files the entries read since the last numbered line under line `l` of the description,
    /// numbered in printed order after the line's entries filed already; `end` names where
    /// they end, for diagnostics.
    private mutating func fileUncodedEntries(under l: Int, before end: String, into reader: inout LayoutReader) {
        let line = description.lines[l]
        var next = rows.filter { line.hasEntry($0.line) }.count
        for (row, lines, page) in pendingEntries {
            guard let code = line.entryCode(next) else {
                reader.report(.error, .unrecognizedLine, page: page, line: lines[0],
                              "\(description.title): more entries are printed before \(end) than the codes \(line.entries ?? "") number; this one is not filed")
                for source in lines { reader.mark(source, .reported) }
                continue
            }
            next += 1
            var filed = row
            filed.line = code
            seen.insert(code)
            if let source = lines[0].sourceLine { origins[code] = source }
            for source in lines { reader.mark(source, .mapped) }
            rows.append(filed)
        }
        pendingEntries.removeAll()
    }

    /// Reports the entries read since the last numbered line as not filed, and why.
    private mutating func refusePendingEntries(_ why: String, into reader: inout LayoutReader) {
        for (_, lines, page) in pendingEntries {
            reader.report(.error, .unrecognizedLine, page: page, line: lines[0],
                          "\(description.title): an entry printed without a code belongs to the line of entries whose total is printed next, but \(why); it is not filed: \"\(String(PositionedPageReader.plainText(lines[0]).prefix(80)))\"")
            for source in lines { reader.mark(source, .reported) }
        }
        pendingEntries.removeAll()
    }

    /// Files one printed row: its words placed in the columns' cells or kept as its caption, the
    /// caption checked against the blank's, and any amount it prints for the line grouping it.
    private mutating func finishRow(_ row: Gathered, page: PositionedPage, centers: [Double?], valueStart: Double, into reader: inout LayoutReader) {
        if row.uncoded {
            finishUncodedEntry(row, page: page, centers: centers, valueStart: valueStart, into: &reader)
            return
        }
        let label = "\(description.title) line \(row.line)"
        guard firstPrinting(of: row, label: label, page: page, into: &reader) else {
            refusePendingEntries("line \(row.line), printed next, is printed twice", into: &reader)
            return
        }
        var placing = RowPlacement(row: row, line: description.lines[row.index], label: label, page: page, columns: description.columns,
                                   centers: centers, valueStart: valueStart, layoutText: reader.document.source == .layoutText)
        if placing.layoutText {
            placing.readCellsFromRight()
            if placing.assigned.isEmpty, description.columns.allSatisfy({ $0.valueKind == .amount }) {
                placing.findUnplacedCells(headingsRegular: spacing.all)
            }
        }
        let groupingLine = innerLines.isEmpty ? nil : description.lines.firstIndex { $0.amountOnRowOf == row.line }
        if let edge = outerEdge, !innerLines.isEmpty {
            placing.separateColumns(edge: edge, inner: innerLines.contains(row.line), grouped: groupingLine != nil, into: &reader)
        }
        placing.placeWords(amountsSpaced: spacing.amounts, into: &reader)
        var printed = Row(line: row.line, cells: placing.cells, readByOCR: reader.ocrPages.contains(page.number))
        guard acceptCaption(placing.captionWords.joined(separator: " "), of: row, into: &printed, label: label, page: page, reader: &reader) else {
            refusePendingEntries("line \(row.line), printed next, is not filed", into: &reader)
            return
        }
        // The entries printed without codes before the line, once its caption says it is the
        // line its number names.
        fileUncodedEntries(before: row.line, into: &reader)
        if let first = rows.firstIndex(where: { $0.line == row.line }) {
            // The line printed again under a later block of columns: its cells there.
            for (c, cell) in printed.cells.enumerated() where cell != .blank { rows[first].cells[c] = cell }
            for source in row.lines { reader.mark(source, .mapped) }
            return
        }
        for source in row.lines { reader.mark(source, .mapped) }
        if let groupingLine { fileGroupingAmount(row.words, placing.groupingWords, of: groupingLine, label: label, page: page, line: row.lines[0], into: &reader) }
        rows.append(printed)
    }

    /// Notes a row's line as read and where it was printed; false, with a warning, when the page
    /// printed that line already (the first printing is kept).
    private mutating func firstPrinting(of row: Gathered, label: String, page: PositionedPage, into reader: inout LayoutReader) -> Bool {
        if seen.contains(row.line) {
            // A line printed again under a later block of columns is read there (its cells in
            // that block's columns); printed again in the same block, the first is kept.
            if let first = blockOfLine[row.line], first < block { return true }
            reader.report(.warning, .duplicateLine, page: page, line: row.lines[0], "\(label) is printed twice; the first is kept")
            return false
        }
        seen.insert(row.line)
        blockOfLine[row.line] = block
        if let source = row.lines[0].sourceLine { origins[row.line] = source }
        return true
    }

    /// Checks a row's printed caption against the blank's, keeping it on the row where it differs
    /// in wording only; false when it is another line's caption or no line's, and the row's values
    /// are not filed.
    private mutating func acceptCaption(_ caption: String, of row: Gathered, into printed: inout Row, label: String,
                                        page: PositionedPage, reader: inout LayoutReader) -> Bool {
        let line = description.lines[row.index]
        if line.isWriteIn {
            if !caption.isEmpty { printed.caption = caption }
            return true
        }
        if line.isEntries {
            // An entry's caption is the filer's own; kept even when empty, so that an entry printed
            // without caption or values is still one.
            printed.caption = caption
            return true
        }
        let slots = line.slots?.count ?? 0
        let split = line.slotMark == nil ? CaptionMatcher.split(caption) : CaptionMatcher.splitNumbers(caption, slots: slots, blank: line.caption)
        guard split.amounts.count == slots else {
            printed.caption = caption
            reader.report(.warning, .captionMismatch, page: page, line: row.lines[0],
                          "\(label) prints \(split.amounts.count) amount\(split.amounts.count == 1 ? "" : "s") after a $ in its caption; the blank has \(slots). The caption is kept as printed: \"\(caption)\"")
            return true
        }
        printed.captionAmounts = split.amounts.allSatisfy(\.isBlank) ? [] : split.amounts
        if CaptionMatcher.matches(printed: split.words, blank: line.caption) { return true }
        if verifier == nil { verifier = CaptionVerifier(description) }
        switch verifier?.verdict(printed: split.words, line: row.index) ?? .equivalent {
        case .equivalent where printed.readByOCR:
            // Words recognized differently are not the statement's own wording.
            reader.report(.info, .captionMismatch, page: page, line: row.lines[0],
                          "\(label)'s caption is read by OCR as \"\(caption)\", which says what the blank's says (\"\(line.caption)\")")
        case .equivalent:
            printed.caption = caption
            reader.report(.info, .captionMismatch, page: page, line: row.lines[0],
                          "\(label) prints its caption as \"\(caption)\"; the blank's is \"\(line.caption)\". The printed caption is kept")
        case .otherLine(let other):
            reader.report(.error, .misplacedRow, page: page, line: row.lines[0],
                          "\(label) prints the caption \"\(caption)\", which is line \(description.lines[other].line) of the \(reader.blank.year) edition (\"\(description.lines[other].caption)\"), not line \(row.line) (\"\(line.caption)\"); its values are not filed")
            return false
        case .noLine:
            reader.report(.error, .misplacedRow, page: page, line: row.lines[0],
                          "\(label) prints the caption \"\(caption)\", which is no line of \(description.title) in the \(reader.blank.year) edition; expected \"\(line.caption)\". Its values are not filed")
            return false
        }
        return true
    }

    /// A printed row's words as they are placed in the cells of the page's columns, and the words
    /// that stay with its caption.
    private struct RowPlacement {
        let row: Gathered
        let line: LineDescription
        let label: String
        let page: PositionedPage
        let columns: [ColumnDescription]
        let centers: [Double?]
        let valueStart: Double
        let layoutText: Bool
        let codeColumn: Int?
        var cells: [Cell]
        var filled: [Bool]
        var captionWords: [String] = []
        /// Layout text: the column of each word read cell by cell from the right.
        var assigned: [Int: Int] = [:]
        /// The leaders and apart-printed dollar signs among the cells read from the right.
        var leaders: Set<Int> = []
        var dollarSigns: Set<Int> = []
        /// Layout text cells printed without leaders that are not placed: the column of the
        /// heading each is nearest, and the one its line's spacing gives.
        var unplaced: [Int: (position: Int, spacing: Int?)] = [:]
        /// Amounts in the outer column of a sub-line's row: the grouping line's.
        var groupingWords: [Int] = []
        /// Amounts in the other column than their line's, which are not read.
        var outOfColumn: Set<Int> = []
        /// Layout text: the cells placed by their position alone, by column, with the printed line
        /// they stand on (two amounts under one heading are told apart by them).
        var placedByPosition: [Int: (text: String, line: Int)] = [:]
        /// The printed line each word stands on, for diagnostics.
        let lineOfWord: [Int]
        /// On a page with a text column, where each phrase of words printed close together stands.
        let phrases: [Int: Double]
        /// The printed line each text column's last word stood on.
        var lastLine: [Int: Int] = [:]
        /// A dollar sign printed apart from the amount it belongs to ("$   1,236").
        var dollar = false
        /// An entry whose code is not printed: the text column of each word printed before the
        /// amounts (``entryTextColumns``).
        var entryColumns: [Int: Int] = [:]

        init(row: Gathered, line: LineDescription, label: String, page: PositionedPage, columns: [ColumnDescription],
             centers: [Double?], valueStart: Double, layoutText: Bool) {
            self.row = row
            self.line = line
            self.label = label
            self.page = page
            self.columns = columns
            self.centers = centers
            self.valueStart = valueStart
            self.layoutText = layoutText
            codeColumn = columns.firstIndex { $0.valueKind == .code }
            cells = Array(repeating: .blank, count: columns.count)
            filled = Array(repeating: false, count: columns.count)
            var lineOfWord: [Int] = Array(repeating: 0, count: row.words.count)
            for (lineIndex, range) in row.ranges.enumerated() {
                for wordIndex in range where wordIndex < lineOfWord.count { lineOfWord[wordIndex] = lineIndex }
            }
            self.lineOfWord = lineOfWord
            phrases = columns.contains { $0.valueKind == .text } ? PositionedPageReader.phraseCenters(row.words, ranges: row.ranges) : [:]
        }

        /// The printed line a word stands on.
        func printedLine(of wordIndex: Int) -> PositionedLine {
            row.lines[min(lineOfWord[wordIndex], row.lines.count - 1)]
        }

        /// Layout text prints each cell as its own leader and amount, but squeezes their
        /// positions; a line that ends in one cell per column is read cell by cell.
        mutating func readCellsFromRight() {
            // Only the columns the line is printed in (all of them unless the blank says).
            let printedColumns = columns.indices.filter { line.prints(in: columns[$0]) }
            for range in row.ranges {
                // A line the blank prints in some columns, with XXX (or an empty cell) in the
                // others: one cell per column, XXX where it has no amount. Tried first: read as the
                // printed columns alone, the rightmost cells would fill them whatever column they
                // stand in ("22 ..XXX.. ..... ..XXX.. 1,561 ..XXX..": 1,561 is column 5's, not 3's).
                if printedColumns.count < columns.count,
                   let found = PositionedPageReader.cellsFromRight(row.words, range, columns: columns, code: line.code),
                   found.values.allSatisfy({ printedColumns.contains($0.value) || ValueScanner.value(PositionedPageReader.stripLeaders(row.words[$0.key].text) ?? "") == .notApplicable }) {
                    assigned.merge(found.values) { a, _ in a }
                    leaders.formUnion(found.leaders)
                    dollarSigns.formUnion(found.dollars)
                } else if let found = PositionedPageReader.cellsFromRight(row.words, range, columns: printedColumns.map { columns[$0] }, code: line.code),
                          // XXX among them marks a column the line is not printed in: the cells
                          // are not the printed columns' alone.
                          printedColumns.count == columns.count
                           || !found.values.keys.contains(where: { ValueScanner.value(PositionedPageReader.stripLeaders(row.words[$0].text) ?? "") == .notApplicable }) {
                    assigned.merge(found.values.mapValues { printedColumns[$0] }) { a, _ in a }
                    leaders.formUnion(found.leaders)
                    dollarSigns.formUnion(found.dollars)
                }
            }
        }

        /// Layout text lines without leaders among their cells, whose cells were not read from the
        /// right, on pages of amount columns only: each cell goes to the column whose heading is
        /// nearest when that heading is clearly the nearest, the line's spacing says the same
        /// (``leaderlessColumns``), the headings are evenly enough spaced to be trusted and no
        /// other cell of the line is nearest the same heading; otherwise the cell is not read, and an error says so (the PDF places it by its true
        /// position).
        mutating func findUnplacedCells(headingsRegular regular: Bool) {
            let printedColumns = columns.indices.filter { line.prints(in: columns[$0]) }
            for range in row.ranges where !row.words[range].contains(where: { $0.centerX >= valueStart && PositionedPageReader.stripLeaders($0.text) != Substring($0.text) }) {
                let amounts = range.compactMap { index -> (word: Int, center: Double)? in
                    let word = row.words[index]
                    guard word.centerX >= valueStart, let cell = ValueScanner.value(Substring(word.text)), cell.amount != nil || cell == .notApplicable else { return nil }
                    return (index, word.centerX)
                }
                let bySpacing = PositionedPageReader.leaderlessColumns(amounts, columns: printedColumns, centers: centers)
                let nearest = amounts.map { PositionedPageReader.nearest($0.center, centers) ?? 0 }
                // Two cells of the line nearest one heading: the line stands on a grid of its own,
                // and no cell of it is placed by position.
                let crowded = Set(nearest).count < nearest.count
                for (cell, nearest) in zip(amounts, nearest) {
                    guard crowded || !regular || (bySpacing.map { $0[cell.word] != nearest } ?? false)
                        || !PositionedPageReader.clearlyNearest(cell.center, centers) else { continue }
                    unplaced[cell.word] = (nearest, bySpacing?[cell.word])
                }
            }
        }

        /// A page of one unnumbered column whose lines group sub-lines (``LineDescription/
        /// amountOnRowOf``): a sub-line's amount stands in the inner column, any other line's in the
        /// outer one, and the grouping line's on its last sub-line's row, in the outer column. An
        /// amount in the other column than its line's is not read, and an error says so.
        mutating func separateColumns(edge: (right: Double, tolerance: Double), inner: Bool, grouped: Bool, into reader: inout LayoutReader) {
            for (index, word) in row.words.enumerated() {
                guard let text = PositionedPageReader.stripLeaders(word.text),
                      PositionedPageReader.centerWithoutLeaders(word, text) >= valueStart,
                      let cell = ValueScanner.value(Substring(PositionedPageReader.normalize(text))), !cell.isBlank else { continue }
                let outer = abs(word.x1 - edge.right) <= edge.tolerance
                if outer, inner, grouped {
                    groupingWords.append(index)
                } else if outer == inner {
                    outOfColumn.insert(index)
                    reader.report(.error, .ambiguousRow, page: page, line: row.lines[0],
                                  "\(label): \"\(word.text)\" stands in the \(outer ? "outer" : "inner") column, where line \(row.line)'s amount is not printed; it is not read")
                }
            }
        }

        /// Places each word of the row but the leaders and the amounts set apart already.
        mutating func placeWords(amountsSpaced: Bool, into reader: inout LayoutReader) {
            for wordIndex in row.words.indices {
                if leaders.contains(wordIndex) || outOfColumn.contains(wordIndex) || groupingWords.contains(wordIndex) { continue }
                guard let text = PositionedPageReader.stripLeaders(row.words[wordIndex].text) else { continue }
                place(wordIndex, text, amountsSpaced: amountsSpaced, into: &reader)
            }
        }

        /// Places one word (its text without leaders): in the cell read for it from the right, as
        /// the line's code, in a text column, with the caption, or as the value of the column
        /// whose heading it stands under.
        private mutating func place(_ wordIndex: Int, _ text: Substring, amountsSpaced: Bool, into reader: inout LayoutReader) {
            let word = row.words[wordIndex]
            let cleaned = PositionedPageReader.normalize(text)
            if cleaned == "$", dollarSignBelongsToNextAmount(wordIndex) {
                dollar = true
                return
            }
            if placeAssigned(wordIndex, cleaned) { return }
            if let column = entryColumns[wordIndex] {
                appendText(cleaned, to: column, word: wordIndex)
                return
            }
            // The fixed code of the line (Schedule T's state abbreviation), wherever it stands.
            if let code = line.code, let codeColumn, !filled[codeColumn], cleaned == code {
                filled[codeColumn] = true
                cells[codeColumn] = .text(code)
                return
            }
            // A footnote marker printed by an amount ("8,355,555,140 (c)") stays with the caption.
            if PositionedPageReader.isFootnoteMarker(cleaned) {
                captionWords.append(cleaned)
                return
            }
            // Where the word's text stands once its leader is taken off.
            let center = PositionedPageReader.centerWithoutLeaders(word, text)
            // A word of a phrase printed in a text column ("FOR PROTECTION OF POLICYHOLDERS IN
            // STATE" under "Purpose of Deposit") goes where the whole phrase stands.
            let textCenter = phrases[wordIndex] ?? center
            if placeText(cleaned, at: textCenter, inPhrase: phrases[wordIndex] != nil, word: wordIndex) { return }
            if center < valueStart, layoutText, wordIndex > 0,
               captionWords.last.map({ !$0.hasSuffix("$") }) ?? true,
               let amount = ValueScanner.groupedAmount(in: Substring(cleaned)), !line.caption.contains(amount) {
                // An amount that layout text sets left of the first amount heading (a wide amount
                // under a narrow heading, or a line printed without leaders): a value, not caption
                // words. (One after a `$` is the caption's own amount.)
                reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(cleaned)\" stands left of the first column's heading in this layout text, which does not tell its column; it is not read. The PDF places it by its position")
                return
            }
            // The blank's XXX under the heading of a text column that stands left of the amounts
            // (Schedule E Part 1's code and rate of interest on its totals lines): that cell's,
            // not the caption's.
            if center < valueStart, ValueScanner.value(Substring(cleaned)) == .notApplicable,
               let column = PositionedPageReader.nearest(center, centers), columns[column].valueKind == .text, !filled[column],
               PositionedPageReader.clearlyNearest(center, centers) {
                filled[column] = true
                cells[column] = .notApplicable
                return
            }
            // (A word of a phrase that stands left of the amounts, a caption's last word reaching
            // under the first column's heading, is the caption's.)
            if center < valueStart || (textCenter < valueStart && ValueScanner.groupedAmount(in: Substring(cleaned)) == nil)
                || (!assigned.isEmpty && assigned[wordIndex] == nil) {
                captionWords.append(cleaned)
                return
            }
            placeAmount(wordIndex, cleaned, at: center, leaderless: layoutText && text == Substring(word.text), amountsSpaced: amountsSpaced, into: &reader)
        }

        /// Whether a dollar sign belongs to the next amount: read so from the right, or the next
        /// word standing in the amount columns.
        private func dollarSignBelongsToNextAmount(_ wordIndex: Int) -> Bool {
            var next = wordIndex + 1
            while next < row.words.count, PositionedPageReader.stripLeaders(row.words[next].text) == nil { next += 1 }
            return dollarSigns.contains(wordIndex) || (assigned.isEmpty && row.words[wordIndex].centerX >= valueStart && next < row.words.count
                && PositionedPageReader.centerWithoutLeaders(row.words[next], PositionedPageReader.stripLeaders(row.words[next].text) ?? "") >= valueStart)
        }

        /// A text or code column's cell: `XXX` is not applicable (also with the last dot of the
        /// leaders that fill its cell glued to it, "..XXX."), any other word its text as printed.
        private static func textCell(_ cleaned: String) -> Cell {
            let mark = cleaned.hasSuffix(".") ? Substring(cleaned.dropLast()) : Substring(cleaned)
            return ValueScanner.value(mark) == .notApplicable ? .notApplicable : .text(cleaned)
        }

        /// A cell with the dollar sign printed apart before it, if any.
        private mutating func withDollar(_ cell: Cell) -> Cell {
            defer { dollar = false }
            if dollar, case .amount(let amount, _) = cell { return .amount(amount, dollarSign: true) }
            return cell
        }

        /// Fills the cell read from the right for a word; false when there is none to fill.
        private mutating func placeAssigned(_ wordIndex: Int, _ cleaned: String) -> Bool {
            guard let column = assigned[wordIndex], !filled[column] else { return false }
            switch columns[column].valueKind {
            case .amount:
                guard let cell = ValueScanner.value(Substring(cleaned)) else { return false }
                filled[column] = true
                cells[column] = withDollar(cell)
            case .text, .code:
                filled[column] = true
                cells[column] = Self.textCell(cleaned)
            }
            return true
        }

        /// Adds a word that stands under a text column's heading, and is no amount or a number
        /// among a phrase's words ("231" of "COLT 231 M1"), to that column's text; false when the
        /// word stands elsewhere.
        private mutating func placeText(_ cleaned: String, at textCenter: Double, inPhrase: Bool, word: Int) -> Bool {
            guard textCenter >= valueStart, let column = PositionedPageReader.nearest(textCenter, centers),
                  columns[column].valueKind == .text,
                  inPhrase || ValueScanner.value(Substring(cleaned)).map({ $0.amount == nil }) ?? true else { return false }
            appendText(cleaned, to: column, word: word)
            return true
        }

        /// Adds a word to a text column's text (after one space, or none where the text went on
        /// to the next printed line after a hyphen), or makes it the cell's text.
        private mutating func appendText(_ cleaned: String, to column: Int, word: Int) {
            defer { lastLine[column] = lineOfWord[word] }
            let newLine = lastLine[column].map { $0 != lineOfWord[word] } ?? false
            if filled[column], case .text(let before) = cells[column] {
                // Text broken after a hyphen ("USD/IRS/240315-" over "540315/6.75%") goes on
                // without a space.
                let broken = newLine && before.count > 1 && before.hasSuffix("-") && before.dropLast().last.map { $0.isLetter || $0.isNumber } == true
                    && cleaned.first.map { $0.isLetter || $0.isNumber } == true
                cells[column] = .text(before + (broken ? "" : " ") + cleaned)
            } else if !filled[column] {
                filled[column] = true
                cells[column] = Self.textCell(cleaned)
            }
        }

        /// Places a word standing in the amount columns in the column whose heading is nearest,
        /// unless it is no amount (it is kept with the caption) or its position does not tell the
        /// column (it is not read, and an error says so).
        private mutating func placeAmount(_ wordIndex: Int, _ cleaned: String, at center: Double, leaderless: Bool, amountsSpaced: Bool,
                                          into reader: inout LayoutReader) {
            guard let cell = ValueScanner.value(Substring(cleaned)), !cell.isBlank else {
                reader.report(.warning, .badValue, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(cleaned)\" stands in the amount columns but is not an amount; it is kept with the caption")
                captionWords.append(cleaned)
                return
            }
            if let (position, spacing) = unplaced[wordIndex] {
                let candidates = [position] + (spacing.map { $0 == position ? [] : [$0] } ?? [])
                reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(cleaned)\" is printed without leaders, and this layout text does not tell which column it stands in (column \(candidates.map { columns[$0].number }.joined(separator: " or "))); it is not read. The PDF places it by its position")
                return
            }
            guard var column = PositionedPageReader.nearest(center, centers) else { return }
            // An amount standing about as near a text column's heading as an amount column's (a
            // short amount right-aligned in its cell, beside a narrow text column: Schedule E
            // Part 1's 77,875 by its "*" column) is the amount column's.
            if columns[column].valueKind == .text, cell.amount != nil, !PositionedPageReader.clearlyNearest(center, centers),
               let second = centers.indices.filter({ $0 != column && centers[$0] != nil })
                .min(by: { abs((centers[$0] ?? 0) - center) < abs((centers[$1] ?? 0) - center) }),
               columns[second].valueKind == .amount {
                column = second
            }
            // Layout text sets each line on a grid of its own: an amount printed without leaders
            // stands where its line's grid puts it, which may be nearer another column's heading.
            // Under amount headings spaced unevenly (narrow columns of counts among amounts) no
            // such position tells a column.
            if leaderless, !amountsSpaced {
                let second = centers.indices.filter { $0 != column && centers[$0] != nil }
                    .min { abs((centers[$0] ?? 0) - center) < abs((centers[$1] ?? 0) - center) }
                reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(cleaned)\" is printed without leaders, and this layout text does not tell which column it stands in (column \(columns[column].number)\(second.map { " or \(columns[$0].number)" } ?? "")); it is not read. The PDF places it by its position")
                return
            }
            if filled[column] {
                refuseSecondAmount(wordIndex, cleaned, in: column, into: &reader)
                return
            }
            filled[column] = true
            // A number under a text column's heading (a percentage among amounts: Schedule S Part
            // 5's collateral percentages) is that column's text, as printed.
            // (A dollar sign printed apart before it is taken either way.)
            let placed = withDollar(cell)
            cells[column] = columns[column].valueKind != .text ? placed : Self.textCell(cleaned)
            if leaderless { placedByPosition[column] = (cleaned, lineOfWord[wordIndex]) }
        }

        /// Two amounts of one printed line under one heading: one of them is out of place, and
        /// which one the positions do not tell when the first was placed by its position alone
        /// (neither is read); otherwise the second is kept with the caption.
        private mutating func refuseSecondAmount(_ wordIndex: Int, _ cleaned: String, in column: Int, into reader: inout LayoutReader) {
            if let (earlier, earlierLine) = placedByPosition[column], earlierLine == lineOfWord[wordIndex] {
                cells[column] = .blank
                placedByPosition[column] = nil
                reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(earlier)\" is printed without leaders, as is \"\(cleaned)\" beside it, and this layout text does not tell which of them stands in column \(columns[column].number); neither is read. The PDF places them by their positions")
                reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                              "\(label): \"\(cleaned)\" is printed without leaders, and this layout text does not tell which column it stands in (column \(columns[column].number) or a neighbour); it is not read. The PDF places it by its position")
                return
            }
            reader.report(.error, .ambiguousRow, page: page, line: printedLine(of: wordIndex),
                          "\(label): two amounts stand under column \(columns[column].number); \"\(cleaned)\" is kept with the caption")
            captionWords.append(cleaned)
        }
    }

    /// Files the amount a sub-line's row prints for the line that groups it
    /// (``LineDescription/amountOnRowOf``) in that line's row: the row its caption began, or a
    /// row of its own in the blank's order where the caption is not printed.
    private mutating func fileGroupingAmount(_ words: [PositionedWord], _ indices: [Int], of lineIndex: Int, label: String,
                                             page: PositionedPage, line: PositionedLine, into reader: inout LayoutReader) {
        guard !indices.isEmpty else { return }
        let grouping = description.lines[lineIndex]
        let texts = indices.map { PositionedPageReader.normalize(PositionedPageReader.stripLeaders(words[$0].text) ?? "") }
        guard indices.count == 1, let cell = ValueScanner.value(Substring(texts[0])) else {
            reader.report(.error, .ambiguousRow, page: page, line: line,
                          "\(label): \(texts.map { "\"\($0)\"" }.joined(separator: " and ")) stand in the outer column, where line \(grouping.line)'s amount is printed; one is expected, and none is read")
            return
        }
        if let existing = rows.lastIndex(where: { $0.line == grouping.line }) {
            guard rows[existing].cells[0].isBlank else {
                reader.report(.error, .ambiguousRow, page: page, line: line,
                              "\(label): \"\(texts[0])\" stands in the outer column as line \(grouping.line)'s amount, which its own row prints already; it is not read")
                return
            }
            rows[existing].cells[0] = cell
        } else {
            let position = rows.firstIndex { (self.lineIndex.all[$0.line] ?? .max) > lineIndex } ?? rows.count
            rows.insert(Row(line: grouping.line, cells: [cell], readByOCR: reader.ocrPages.contains(page.number)), at: position)
            seen.insert(grouping.line)
        }
    }

    /// Whether a printed line carries the row's cells: any word in the amount columns of a PDF,
    /// or for layout text, one cell per column at the end of the line.
    private func closes(_ words: [PositionedWord], valueStart: Double, source: PositionedDocument.Source) -> Bool {
        switch source {
        case .pdf:
            return words.contains { word in
                guard let text = PositionedPageReader.stripLeaders(word.text) else { return word.centerX >= valueStart }
                return PositionedPageReader.centerWithoutLeaders(word, text) >= valueStart
            }
        case .layoutText:
            return PositionedPageReader.cellsFromRight(words, 0..<words.count, columns: description.columns, code: nil) != nil
        }
    }

    /// Whether a printed line holds an amount in the amount columns (layout text: anywhere).
    static func hasAmounts(_ words: [PositionedWord], valueStart: Double, source: PositionedDocument.Source) -> Bool {
        words.contains { word in
            guard let text = stripLeaders(word.text), let cell = ValueScanner.value(text), cell.amount != nil || cell == .notApplicable else { return false }
            return source == .layoutText || centerWithoutLeaders(word, text) >= valueStart
        }
    }

    /// Whether a caption stops where it must go on: inside parentheses, or after a word that
    /// needs a number ("(Line", "Lines 1 to"). A number opening the next line then continues it.
    static func expectsMore(_ words: ArraySlice<PositionedWord>, depth: Int) -> Bool {
        if parenthesisDepth(words, from: depth) > 0 { return true }
        guard let last = words.last.flatMap({ stripLeaders($0.text) }) else { return false }
        let open = ["line", "lines", "col.", "cols.", "column", "columns", "page", "part", "and", "to", "through", "of", "exhibit", "plus", "minus"]
        return open.contains(last.lowercased())
    }

    /// Parentheses still open after `words`, starting from `depth`.
    static func parenthesisDepth(_ words: ArraySlice<PositionedWord>, from depth: Int) -> Int {
        var depth = depth
        for word in words {
            for character in word.text.utf8 {
                if character == UInt8(ascii: "(") { depth += 1 } else if character == UInt8(ascii: ")") { depth = max(depth - 1, 0) }
            }
        }
        return depth
    }

    /// The horizontal center of a word's text without its leader dots, by the share of
    /// characters they take.
    static func centerWithoutLeaders(_ word: PositionedWord, _ text: Substring) -> Double {
        let total = word.text.count
        guard total > 0, text.count < total, let start = word.text.range(of: text) else { return word.centerX }
        let width = (word.x1 - word.x0) / Double(total)
        let before = word.text.distance(from: word.text.startIndex, to: start.lowerBound)
        let x0 = word.x0 + width * Double(before)
        return x0 + width * Double(text.count) / 2
    }

    /// Layout text: the columns of the amounts (and XXX marks) a line prints without leaders
    /// (bold totals, amounts on a caption's last line), or nil to place each by its position.
    ///
    /// `pdftotext -layout` sets each line on its own character grid, so a leaderless amount can
    /// stand nearer the next column's heading than its own; the spacing of a line's cells is
    /// often kept better than their place. The columns chosen are those, left to right, whose
    /// headings the cells stand off by the most nearly equal distance (least squares); a common
    /// distance of more than half the narrowest gap between headings counts against a choice, so
    /// that no choice moves every cell a whole column. A line with one cell has no spacing: nil.
    static func leaderlessColumns(_ cells: [(word: Int, center: Double)], columns: [Int], centers: [Double?]) -> [Int: Int]? {
        let headed = columns.compactMap { column in centers[column].map { (column, $0) } }
        guard cells.count >= 2, cells.count <= headed.count else { return nil }
        let placed = headed.map(\.1).sorted()
        let halfGap = (zip(placed, placed.dropFirst()).map { $1 - $0 }.min() ?? 0) / 2
        var best: (cost: Double, columns: [Int])?
        var chosen: [Int] = []
        func search(_ next: Int) {
            if chosen.count == cells.count {
                let offsets = zip(cells, chosen).map { $0.center - headed[$1].1 }
                let mean = offsets.reduce(0, +) / Double(offsets.count)
                let spread = offsets.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
                let shift = max(0, abs(mean) - halfGap)
                let cost = spread + Double(cells.count) * shift * shift
                if best == nil || cost < best!.cost { best = (cost, chosen.map { headed[$0].0 }) }
                return
            }
            // Leave room for the cells still to place.
            guard next + (cells.count - chosen.count) <= headed.count else { return }
            for index in next..<headed.count where index + (cells.count - chosen.count) <= headed.count {
                chosen.append(index)
                search(index + 1)
                chosen.removeLast()
            }
        }
        search(0)
        guard let best else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(cells.map(\.word), best.columns))
    }

    /// Whether column headings stand evenly enough to place a cell by the nearest: no gap
    /// between neighbours less than three quarters of the median gap (layout text squeezes a
    /// heading line unevenly, "3" and "4" 22 characters apart where the others stand 36 apart,
    /// and then the leaderless lines stand on a grid of their own).
    static func evenlySpaced(_ centers: [Double?]) -> Bool {
        let placed = centers.compactMap { $0 }.sorted()
        let gaps = zip(placed, placed.dropFirst()).map { $1 - $0 }.sorted()
        guard let smallest = gaps.first else { return true }
        return smallest >= gaps[gaps.count / 2] * 3 / 4
    }

    /// Whether the heading nearest a position is nearer than the next by at least a quarter of
    /// the gap between the two.
    static func clearlyNearest(_ x: Double, _ centers: [Double?]) -> Bool {
        let distances = centers.compactMap { $0 }.map { (center: $0, distance: abs($0 - x)) }.sorted { $0.distance < $1.distance }
        guard distances.count > 1 else { return true }
        return distances[1].distance - distances[0].distance >= abs(distances[1].center - distances[0].center) / 4
    }

    /// The column whose heading is nearest to a position.
    static func nearest(_ x: Double, _ centers: [Double?]) -> Int? {
        var best: Int?
        for (column, center) in centers.enumerated() {
            guard let center else { continue }
            if best == nil || abs(center - x) < abs((centers[best ?? 0] ?? 0) - x) { best = column }
        }
        return best
    }

    /// `(a)`, `(b)`, `(c)`: a footnote reference.
    static func isFootnoteMarker(_ text: String) -> Bool {
        guard text.hasPrefix("("), text.hasSuffix(")"), text.count >= 3 else { return false }
        // One letter, or several separated by commas ("(e,f)": two footnotes on one cell).
        let letters = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        return letters.count <= 4 && letters.allSatisfy { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.properties.isLowercase }
    }

    /// Whether the caption words of a printed line (those left of the amount columns, without
    /// leaders) begin as `caption` begins: at least its first twelve letters and digits.
    static func captionIsOwn(_ words: ArraySlice<PositionedWord>, of caption: String, valueStart: Double) -> Bool {
        let printed = Text.key(words.filter { $0.x1 < valueStart }.compactMap { stripLeaders($0.text) }.joined(separator: " "))
        let own = Text.key(caption)
        guard printed.count >= 12, own.count >= 12 else { return false }
        return printed.hasPrefix(own.prefix(printed.count)) || own.hasPrefix(printed.prefix(own.count))
    }

    /// A line's words without dot leaders, joined by single spaces.
    static func plainText(_ line: PositionedLine) -> String {
        line.words.compactMap { stripLeaders($0.text).map { normalize($0) } }.joined(separator: " ")
    }

    /// The cells a printed line of layout text ends with, read from the right: an amount with
    /// its leader, or a leader alone for an empty cell. Nil unless there is one per column and
    /// either every amount has its leader or there are no leaders at all (a bold total line).
    static func cellsFromRight(_ words: [PositionedWord], _ range: Range<Int>, columns: [ColumnDescription], code: String?)
        -> (values: [Int: Int], leaders: Set<Int>, dollars: Set<Int>)? {
        var values: [Int: Int] = [:]
        var leaders: Set<Int> = []
        var dollars: Set<Int> = []
        var column = columns.count - 1
        var index = range.upperBound - 1
        var leaderless = 0
        var empty = 0
        var amounts = 0
        func isLeader(_ text: String) -> Bool { text.count >= 3 && text.allSatisfy { $0 == "." } }
        func isShortLeader(_ text: String) -> Bool { text.count >= 2 && text.allSatisfy { $0 == "." } }
        while column >= 0, index >= range.lowerBound {
            let text = words[index].text
            // A footnote marker printed among leadered cells ("294,503,073 (b) ..... (a) .. 721,562,334")
            // is no cell; finishRow keeps it with the caption. Among cells without leaders it
            // stops the walk, as any other word does: there a cell left empty cannot be told.
            if isFootnoteMarker(text), [index - 1, index + 1].contains(where: { range.contains($0) && isShortLeader(words[$0].text) }) {
                index -= 1
                continue
            }
            if isLeader(text) {
                leaders.insert(index)
                empty += 1
                index -= 1
                column -= 1
                continue
            }
            guard let stripped = stripLeaders(text) else { break }
            switch columns[column].valueKind {
            case .code:
                guard let code, stripped == code else { return column == 0 && !values.isEmpty ? (values, leaders, dollars) : nil }
                values[index] = column
                index -= 1
                column -= 1
                continue
            case .text:
                guard ValueScanner.value(stripped)?.amount == nil else { return nil }
                values[index] = column
                index -= 1
                column -= 1
                continue
            case .amount:
                break
            }
            guard let cell = ValueScanner.value(stripped), !cell.isBlank else { break }
            // An amount glued to the leader of the empty cell on its right ("(1,630)........"):
            // that cell first, then the amount in the column before it.
            if cell.amount != nil, text.hasSuffix("...") {
                empty += 1
                column -= 1
                guard column >= 0, columns[column].valueKind == .amount else { return nil }
            }
            values[index] = column
            amounts += 1
            let glued = text.first == "."
            index -= 1
            // A dollar sign printed apart belongs to the amount; finishRow puts it on the cell.
            if !glued, index >= range.lowerBound, words[index].text == "$" { dollars.insert(index); index -= 1 }
            if !glued {
                // An amount's own leader may be as short as two dots where a marker stands before it.
                if index >= range.lowerBound, isShortLeader(words[index].text) {
                    leaders.insert(index)
                    index -= 1
                } else if index >= range.lowerBound, words[index].text.hasSuffix("...") {
                    // The leader is glued to the caption's last word, which stays in the caption.
                } else {
                    leaderless += 1
                }
            }
            // ... or before its leader ("$ ..... 1,236").
            if index >= range.lowerBound, words[index].text == "$" { dollars.insert(index); index -= 1 }
            column -= 1
        }
        let amountColumns = columns.filter { $0.valueKind == .amount }.count
        guard column < 0, leaderless == 0 || (leaderless == amountColumns && empty == 0) else { return nil }
        // More cells than columns (the blank prints XXX in columns the line has no amount in):
        // the cells cannot be told from the right.
        if index >= range.lowerBound, let before = stripLeaders(words[index].text),
           ValueScanner.value(before) == .notApplicable || (words[index].text.first == "." && ValueScanner.value(before)?.amount != nil) {
            return nil
        }
        return (values, leaders, dollars)
    }

    /// Printed characters the blank writes otherwise: pdftotext's C1 quote codes become apostrophes.
    static func normalize(_ text: Substring) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x91, 0x92, 0x2018, 0x2019: out.append("'")
            case 0x93, 0x94, 0x201C, 0x201D: out.append("\"")
            case 0x96, 0x97: out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    mutating func finish(into reader: inout LayoutReader) -> Page {
        // Lines printed side by side are read across, block by block: kept in the blank's order.
        if description.linesSideBySide == true {
            let order = Dictionary(description.lines.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { a, _ in a })
            rows.sort { (order[$0.line] ?? .max) < (order[$1.line] ?? .max) }
        }
        // A listing that prints no total ends with the table.
        if !pendingEntries.isEmpty, let l = description.untotaledUncodedEntries {
            fileUncodedEntries(under: l, before: "the table's end", into: &reader)
        }
        refusePendingEntries("no line totaling a line of entries is printed after \(pendingEntries.count == 1 ? "it" : "them")", into: &reader)
        let printed = Set(rows.map(\.line))
        let missing = description.lines.filter { !$0.isWriteIn && !$0.isEntries && !printed.contains($0.line) }.map(\.line)
        if !missing.isEmpty {
            reader.report(.info, .missingLine, page: nil, line: nil,
                          "\(description.title) does not print line\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        // NONE on a page that prints values is not the page's NONE: said, not taken as one. The
        // blank's XXX marks (a NONE page's totals line may print them) are no values.
        let holdsValues = rows.contains { row in
            row.cells.contains { !$0.isBlank && $0 != .notApplicable } || row.captionAmounts.contains { !$0.isBlank }
        }
        if let (page, line) = printedNone, holdsValues {
            reader.report(.warning, .unrecognizedLine, page: page, line: line,
                          "\(description.title) prints NONE beside values; the page is read as printing values, and the word NONE is not kept")
        }
        return Page(id: description.id, rows: rows, none: printedNone != nil && !holdsValues, footnotes: footnotes)
    }
}

/// A page's lines by the number printed where a row starts (``LineLookup``), but for the codes of
/// a line of entries whose codes are not printed (``LineDescription/hasUncodedEntries``): such an
/// entry prints no code, so a number where its row starts is one of its text cells (a Federal
/// RSSD number where the entry leaves its first columns empty), never its line.
private struct PrintedLineLookup {
    /// Every line by number, an uncoded entry's code among them (the rows as read).
    let all: LineLookup
    private let lines: [LineDescription]

    init(_ page: PageDescription) {
        all = LineLookup(page)
        lines = page.lines
    }

    subscript(_ number: String) -> Int? {
        guard let index = all[number] else { return nil }
        return lines[index].hasUncodedEntries && lines[index].line != number ? nil : index
    }
}
