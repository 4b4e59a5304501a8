@_spi(Stages) import NAICXBRLCore
/// Reads the notes to financial statements: one ``Note`` per printed "Note N – Title" heading,
/// its paragraphs and tables in printed order.
///
/// Text normalization: each printed line is one `.text` paragraph, normalized by ``Text/clean(_:)``
/// (bold residue `**` removed, `\$` read as `$`, a leading list mark `- ` dropped, runs of white
/// space folded to one space). Item markers such as `a.` or `(1)` are kept, because they are how
/// the blank numbers the disclosures. Lines are not joined: the rendering cuts long lines, and
/// joining would invent sentence boundaries the statement never printed.
///
/// Tables are runs of tab-separated lines. Rows at the top of a run whose value columns hold no
/// value ("\tJune 30, 2011\t\t\tTotal", "\tLevel 1\tLevel 2", "\t(In Millions)", "Period
/// Ended\tAmortized Cost …") are headings; the rest are rows labelled by their first column.
///
/// The segmenter hands over non-blank lines only, so where the statement left a blank line is read
/// from gaps in the line numbers, never from blank lines in the input.
enum NotesParser {
    /// `titles`: the notes section's titles in the blank description, printed at the top of
    /// every notes page as a running title; the rendering sometimes glues the first heading of
    /// the page onto it.
    static func parse(_ lines: [SourceText.Line], context: ParseContext, titles: [String]) -> [Note] {
        let given = lines.filter { !isBlank($0.text) }
        var reading = Reading(context: context, titles: titles)
        for (index, line) in given.enumerated() {
            reading.read(line, next: index + 1 < given.count ? given[index + 1] : nil, previousNumber: index > 0 ? given[index - 1].number : nil)
        }
        reading.closeNote()
        return reading.notes
    }

    /// The notes read so far, the note and table open, and where the lines stand (in the table
    /// of contents, under a scale marker).
    private struct Reading {
        let context: ParseContext
        let titles: [String]
        var notes: [Note] = []
        var current: Note?
        var inContents = false
        var lastContentsNumber = 0
        var table: PrintedTableBuilder?
        var pendingScale: Scale?
        /// Line number of the last line read as part of the open table.
        var lastTableLine: Int?
        /// The fields of the table line being read, as byte ranges; kept to reuse its storage.
        var fieldRanges: [Range<Int>] = []

        init(context: ParseContext, titles: [String]) {
            self.context = context
            self.titles = titles
        }

        // The open note and table are changed in place (`current?.…`, `table?.…`): a copy taken
        // out and written back would copy their arrays on every line.
        mutating func closeTable() {
            if let built = table, current != nil {
                current?.content.append(.table(built.build(padAllRows: false)))
            }
            table = nil
            lastTableLine = nil
        }

        mutating func closeNote() {
            closeTable()
            if let note = current { notes.append(note) }
            current = nil
        }

        /// Reads one line (`next` and `previousNumber`: the lines around it): a table line, a
        /// running title, the table of contents, a note's heading, a scale marker, or text.
        mutating func read(_ line: SourceText.Line, next: SourceText.Line?, previousNumber: Int?) {
            if Text.hasTab(line.text) {
                readTabbedLine(line)
                return
            }
            guard let clean = withoutRunningTitle(line) else { return }
            // What the key says, read in scratch space: most lines are neither.
            let (isContents, scaleMark) = Text.withBytes(clean) { bytes in
                Text.withKey(bytes) { key in (Text.equal(key, "tableofcontents"), NotesParser.scaleMarker(key)) }
            }
            if isContents {
                closeTable()
                inContents = true
                context.classified(line)
                return
            }
            if let heading = NotesParser.noteHeading(clean), readHeading(heading, line) { return }
            if inContents {
                // Anything else ends the table of contents.
                inContents = false
            }
            if let scale = scaleMark {
                readScale(scale, line)
                return
            }
            let adjacentToPrevious = previousNumber.map { $0 + 1 == line.number } ?? false
            if table != nil, adjacentToPrevious, lastTableLine == previousNumber,
               let next, next.number == line.number + 1, Text.hasTab(next.text) {
                // "Alt-A:" between rows: the rendering trimmed its empty cells, so it has no tab.
                table?.addRow(label: clean, cells: [], width: 1)
                lastTableLine = line.number
                context.mapped(line)
                return
            }
            closeTable()
            guard current != nil else {
                context.report(.warning, .unrecognizedLine, line: line.number,
                               "text before the first note heading: \"\(String(clean.prefix(80)))\"")
                return
            }
            current?.content.append(.text(clean))
            context.mapped(line)
        }

        /// A tab-separated line: a heading or row of the open table, or the first of a new one.
        mutating func readTabbedLine(_ line: SourceText.Line) {
            guard current != nil else {
                context.report(.warning, .unrecognizedLine, line: line.number,
                               "a table row before the first note heading: \"\(String(Text.clean(line.text).prefix(80)))\"")
                return
            }
            let continues = lastTableLine.map { $0 + 1 == line.number } ?? false
            let openRowsEmpty = table?.rows.isEmpty
            let read = Text.withBytes(line.text) { bytes in
                NotesParser.readTableLine(bytes, openRowsEmpty: openRowsEmpty, continues: continues,
                                          fields: &fieldRanges, line: line, context: context)
            }
            if read.opensTable {
                if table != nil { closeTable() }
                table = PrintedTableBuilder(scale: pendingScale ?? .units)
                pendingScale = nil
            }
            switch read.content {
            case .heading(let cells): table?.addHeading(cleaned: cells, width: read.width)
            case .row(let label, let cells): table?.addRow(label: label, cells: cells, width: read.width)
            }
            lastTableLine = line.number
            context.mapped(line)
        }

        /// A line's clean text without the running title glued before it; nil where the line is
        /// the running title alone (or "continued"), which is classified.
        mutating func withoutRunningTitle(_ line: SourceText.Line) -> String? {
            let clean = Text.clean(line.text)
            guard let runningTitle = titles.first(where: { Text.hasPrefix(clean, $0) }) else { return clean }
            let rest = clean.dropFirst(runningTitle.count).drop { $0 == " " }
            if rest.isEmpty || Text.key(rest) == "continued" {
                context.classified(line)
                return nil
            }
            return String(rest)
        }

        /// A note's heading: a line of the table of contents, the open note's heading printed
        /// again, or a new note. False for a lower number than the open note's: a sentence that
        /// happens to begin "Note 2 – …", kept as text.
        mutating func readHeading(_ heading: (number: Int, title: String), _ line: SourceText.Line) -> Bool {
            if inContents, heading.number > lastContentsNumber {
                lastContentsNumber = heading.number
                context.classified(line)
                return true
            }
            inContents = false
            if let open = current, open.number == heading.number {
                // The heading printed again on a continuation page.
                context.classified(line)
                return true
            }
            if current == nil || heading.number > (current?.number ?? 0) {
                closeNote()
                current = Note(number: heading.number, title: heading.title)
                context.mapped(line)
                return true
            }
            return false
        }

        /// A scale marker ("(In Millions)"): the open table's where it follows it, else the next
        /// table's.
        mutating func readScale(_ scale: Scale, _ line: SourceText.Line) {
            if table != nil, lastTableLine.map({ $0 + 1 == line.number }) ?? false {
                table?.scale = scale
            } else {
                closeTable()
                pendingScale = scale
            }
            context.mapped(line)
        }
    }

    /// "Note 8 – Derivative Instruments" (also `-`, `—`, `:` or `.` after the number).
    static func noteHeading(_ clean: String) -> (number: Int, title: String)? {
        Text.withBytes(clean) { bytes in
            // Most lines are not headings: look for the word "Note" before finding the words.
            let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.count
            guard bytes.count > start + 4, bytes[start + 4] == 0x20,
                  zip(bytes[start..<(start + 4)], "note".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
            let words = Text.wordRanges(bytes)
            guard words.count >= 3 else { return nil }
            var numberWord = bytes.slice(words[1])
            var titleStart = 2
            var separated = false
            if let last = numberWord.last, last == 0x2E || last == 0x3A { // . or :
                numberWord = numberWord.slice(0..<(numberWord.count - 1))
                separated = true
            }
            guard !numberWord.isEmpty, numberWord.count <= 2, numberWord.allSatisfy(Text.isDigit) else { return nil }
            let number = numberWord.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard number > 0 else { return nil }
            if !separated {
                let mark = bytes.slice(words[2])
                guard headingMarks.contains(where: { mark.elementsEqual($0) }) else { return nil }
                titleStart = 3
            }
            guard titleStart < words.count else { return nil }
            // The title's words joined by single spaces: the text from the first to the last,
            // unless a wider gap lies between them.
            let titleWords = words[titleStart...]
            if zip(titleWords, titleWords.dropFirst()).allSatisfy({ $1.lowerBound - $0.upperBound == 1 }),
               let first = titleWords.first, let last = titleWords.last {
                return (number, String(decoding: bytes.slice(first.lowerBound..<last.upperBound), as: UTF8.self))
            }
            return (number, titleWords.map { String(decoding: bytes.slice($0), as: UTF8.self) }.joined(separator: " "))
        }
    }

    /// What may stand between a note's number and its title, as UTF-8.
    private static let headingMarks: [[UInt8]] = ["–", "-", "—", ":", "."].map { Array($0.utf8) }

    /// "(In Millions)" and "(In Thousands)" printed on a line of their own.
    static func scaleMarker(_ key: String) -> Scale? {
        Text.withBytes(key) { scaleMarker($0) }
    }

    /// ``scaleMarker(_:)`` of a key's bytes.
    static func scaleMarker(_ key: Text.Bytes) -> Scale? {
        // Every key here is 10 to 20 bytes long: the rest are rejected by length.
        guard key.count >= 10, key.count <= 20 else { return nil }
        if millionsKeys.contains(where: { Text.equal(key, $0) }) { return .millions }
        if thousandsKeys.contains(where: { Text.equal(key, $0) }) { return .thousands }
        return nil
    }

    private static let millionsKeys: [[UInt8]] = ["inmillions", "dollarsinmillions", "inmillionsofdollars"].map { Array($0.utf8) }
    private static let thousandsKeys: [[UInt8]] = ["inthousands", "dollarsinthousands", "inthousandsofdollars"].map { Array($0.utf8) }

    /// A tab-separated line of a note table, read over its bytes.
    private struct TableLine {
        enum Content {
            case heading([String])
            case row(label: String, cells: [Cell])
        }

        var content: Content
        /// The line opens a new table: none is open, or headings follow rows.
        var opensTable: Bool
        /// The number of fields printed, label included.
        var width: Int
    }

    /// Reads a table line: whether it is a heading or a row of the open table (`openRowsEmpty`
    /// is nil when none is open), and its cells. The fields are byte ranges of the line, so the
    /// only strings made are the cells the table keeps.
    private static func readTableLine(_ bytes: Text.Bytes, openRowsEmpty: Bool?, continues: Bool, fields: inout [Range<Int>],
                                      line: SourceText.Line, context: ParseContext) -> TableLine {
        Text.fieldRanges(bytes, into: &fields)
        let label = Text.clean(bytes.slice(fields[0]))
        let values = fields.dropFirst()
        let headingLike = isHeadingLike(bytes, values)
        let isHeading: Bool
        let opensTable: Bool
        if let rowsEmpty = openRowsEmpty {
            if rowsEmpty && (headingLike || label.isEmpty) {
                (isHeading, opensTable) = (true, false)
            } else if !rowsEmpty && headingLike && (label.isEmpty || !continues) {
                // Headings after rows open the next table (Note 21 prints one per period).
                (isHeading, opensTable) = (true, true)
            } else {
                (isHeading, opensTable) = (false, false)
            }
        } else {
            (isHeading, opensTable) = (headingLike || label.isEmpty, true)
        }
        let content: TableLine.Content = isHeading
            ? .heading(fields.map { Text.clean(bytes.slice($0)) })
            : .row(label: label, cells: dataCells(bytes, values, line: line, context: context))
        return TableLine(content: content, opensTable: opensTable, width: fields.count)
    }

    /// A row is a heading when it prints something in its value columns and none of it is a
    /// value: dates, "Level 1", "(In Millions)", column titles.
    static func isHeadingLike(_ bytes: Text.Bytes, _ valueFields: ArraySlice<Range<Int>>) -> Bool {
        var sawText = false
        for field in valueFields {
            if let cell = ValueScanner.tableValue(bytes.slice(field)) {
                if !cell.isBlank { return false }
            } else {
                sawText = true
            }
        }
        return sawText
    }

    /// The cells of a data row: values, and for anything that is not one, its text with a
    /// bad-value diagnostic (kept, so nothing printed is lost).
    private static func dataCells(_ bytes: Text.Bytes, _ fields: ArraySlice<Range<Int>>, line: SourceText.Line, context: ParseContext) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(fields.count)
        for (offset, field) in fields.enumerated() {
            if let cell = ValueScanner.tableValue(bytes.slice(field)) {
                cells.append(cell)
            } else {
                let text = Text.clean(bytes.slice(field))
                context.report(.warning, .badValue, line: line.number,
                               "column \(offset + 2) of a note table prints \"\(text)\", which is not a value; kept as text",
                               placed: true)
                cells.append(.text(text))
            }
        }
        return cells
    }

    static func isBlank(_ text: Substring) -> Bool {
        Text.isWhiteSpace(text)
    }
}

/// Collects the heading rows and labelled rows of a table printed inside a note or an
/// interrogatory, and evens out the rows the rendering shortened (trailing empty cells are
/// trimmed from every line, so "…\tYES\t\t" arrives as "…\tYES").
struct PrintedTableBuilder {
    private(set) var headings: [[String]] = []
    private(set) var rows: [TableRow] = []
    var scale: Scale
    /// The widest line seen, in fields (label included).
    private(set) var width = 0

    init(scale: Scale = .units) {
        self.scale = scale
    }

    /// A heading row, cell by cell as printed (first cell usually empty); "(In Millions)" and
    /// "(In Thousands)" set the table's scale. Empty cells at the end are dropped: whether the
    /// rendering keeps trailing tabs is not something the statement printed.
    mutating func addHeading(_ fields: [Substring]) {
        addHeading(cleaned: fields.map { Text.clean($0) }, width: fields.count)
    }

    /// ``addHeading(_:)`` of fields already cleaned; `fieldCount` is how many were printed.
    mutating func addHeading(cleaned: [String], width fieldCount: Int) {
        var cells = cleaned
        while let last = cells.last, last.isEmpty, cells.count > 1 { cells.removeLast() }
        for cell in cells {
            let key = Text.key(cell)
            if Text.contains(key, "inmillions") { scale = .millions } else if Text.contains(key, "inthousands") { scale = .thousands }
        }
        headings.append(cells)
        width = max(width, fieldCount)
    }

    mutating func addRow(label: String, cells: [Cell], width fieldCount: Int) {
        // A row whose cells are all empty is a sub-heading ("Alt-A:", "Financial assets:").
        let kept = cells.allSatisfy(\.isBlank) ? [] : cells
        rows.append(TableRow(label: label, cells: kept))
        width = max(width, fieldCount)
    }

    /// The table, each row padded with blank cells to the widest line. Rows without cells stay
    /// sub-headings unless `padAllRows` (interrogatory tables, where a name alone is still a row).
    func build(padAllRows: Bool) -> Table {
        let cellCount = max(width - 1, 0)
        let padded = rows.map { row -> TableRow in
            guard padAllRows || !row.cells.isEmpty, row.cells.count < cellCount else { return row }
            return TableRow(label: row.label, cells: row.cells + Array(repeating: Cell.blank, count: cellCount - row.cells.count))
        }
        return Table(headings: headings, rows: padded, scale: scale)
    }
}
