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
    /// The running title printed at the top of every notes page; the rendering sometimes glues
    /// the first heading of the page onto it.
    static let runningTitle = "NOTES TO FINANCIAL STATEMENTS"

    static func parse(_ lines: [SourceText.Line], context: ParseContext) -> [Note] {
        let given = lines.filter { !isBlank($0.text) }
        var notes: [Note] = []
        var current: Note?
        var inContents = false
        var lastContentsNumber = 0
        var table: PrintedTableBuilder?
        var pendingScale: Scale?
        /// Line number of the last line read as part of the open table.
        var lastTableLine: Int?

        // The open note and table are changed in place (`current?.…`, `table?.…`): a copy taken
        // out and written back would copy their arrays on every line.
        func closeTable() {
            if let built = table, current != nil {
                current?.content.append(.table(built.build(padAllRows: false)))
            }
            table = nil
            lastTableLine = nil
        }
        func closeNote() {
            closeTable()
            if let note = current { notes.append(note) }
            current = nil
        }

        for (index, line) in given.enumerated() {
            let next = index + 1 < given.count ? given[index + 1] : nil
            let previousNumber = index > 0 ? given[index - 1].number : nil
            let adjacentToPrevious = previousNumber.map { $0 + 1 == line.number } ?? false

            if Text.hasTab(line.text) {
                guard current != nil else {
                    context.report(.warning, .unrecognizedLine, line: line.number,
                                   "a table row before the first note heading: \"\(String(Text.clean(line.text).prefix(80)))\"")
                    continue
                }
                let fields = Text.fields(line.text)
                let label = Text.clean(fields.first ?? "")
                let valueFields = fields.dropFirst()
                let headingLike = isHeadingLike(valueFields)
                if let rowsEmpty = table?.rows.isEmpty {
                    let continues = lastTableLine.map { $0 + 1 == line.number } ?? false
                    if rowsEmpty && (headingLike || label.isEmpty) {
                        table?.addHeading(fields)
                    } else if !rowsEmpty && headingLike && (label.isEmpty || !continues) {
                        // Headings after rows open the next table (Note 21 prints one per period).
                        closeTable()
                        var fresh = PrintedTableBuilder(scale: pendingScale ?? .units)
                        pendingScale = nil
                        fresh.addHeading(fields)
                        table = fresh
                    } else {
                        table?.addRow(label: label, cells: dataCells(valueFields, line: line, context: context), width: fields.count)
                    }
                } else {
                    var fresh = PrintedTableBuilder(scale: pendingScale ?? .units)
                    pendingScale = nil
                    if headingLike || label.isEmpty {
                        fresh.addHeading(fields)
                    } else {
                        fresh.addRow(label: label, cells: dataCells(valueFields, line: line, context: context), width: fields.count)
                    }
                    table = fresh
                }
                lastTableLine = line.number
                context.mapped(line)
                continue
            }

            var clean = Text.clean(line.text)
            if Text.hasPrefix(clean, runningTitle) {
                let rest = clean.dropFirst(runningTitle.count).drop { $0 == " " }
                if rest.isEmpty || Text.key(rest) == "continued" {
                    context.classified(line)
                    continue
                }
                clean = String(rest)
            }
            let key = Text.key(clean)
            if key == "tableofcontents" {
                closeTable()
                inContents = true
                context.classified(line)
                continue
            }
            if let heading = noteHeading(clean) {
                if inContents, heading.number > lastContentsNumber {
                    lastContentsNumber = heading.number
                    context.classified(line)
                    continue
                }
                inContents = false
                if let open = current, open.number == heading.number {
                    // The heading printed again on a continuation page.
                    context.classified(line)
                    continue
                }
                if current == nil || heading.number > (current?.number ?? 0) {
                    closeNote()
                    current = Note(number: heading.number, title: heading.title)
                    context.mapped(line)
                    continue
                }
                // A lower number than the note being read: a sentence that happens to begin
                // "Note 2 – …", kept as text below.
            }
            if inContents {
                // Anything else ends the table of contents.
                inContents = false
            }
            if let scale = scaleMarker(key) {
                if table != nil, lastTableLine.map({ $0 + 1 == line.number }) ?? false {
                    table?.scale = scale
                } else {
                    closeTable()
                    pendingScale = scale
                }
                context.mapped(line)
                continue
            }
            if table != nil, adjacentToPrevious, lastTableLine == previousNumber,
               let next, next.number == line.number + 1, Text.hasTab(next.text) {
                // "Alt-A:" between rows: the rendering trimmed its empty cells, so it has no tab.
                table?.addRow(label: clean, cells: [], width: 1)
                lastTableLine = line.number
                context.mapped(line)
                continue
            }
            closeTable()
            guard current != nil else {
                context.report(.warning, .unrecognizedLine, line: line.number,
                               "text before the first note heading: \"\(String(clean.prefix(80)))\"")
                continue
            }
            current?.content.append(.text(clean))
            context.mapped(line)
        }
        closeNote()
        return notes
    }

    /// "Note 8 – Derivative Instruments" (also `-`, `—`, `:` or `.` after the number).
    static func noteHeading(_ clean: String) -> (number: Int, title: String)? {
        // Most lines are not headings: look for the word "Note" before splitting into words.
        let startsWithNote: Bool = Text.withBytes(clean) { bytes in
            guard bytes.count >= 4, bytes.count == 4 || bytes[4] == 0x20 else { return false }
            return zip(bytes.prefix(4), "note".utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        guard startsWithNote else { return nil }
        let words = Text.words(clean)
        guard words.count >= 3, let first = words.first, first.lowercased() == "note" else { return nil }
        var numberWord = words[1]
        var titleStart = 2
        var separated = false
        if let last = numberWord.last, last == "." || last == ":" {
            numberWord = numberWord.dropLast()
            separated = true
        }
        guard !numberWord.isEmpty, numberWord.count <= 2, numberWord.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(numberWord), number > 0 else { return nil }
        if !separated {
            guard ["–", "-", "—", ":", "."].contains(String(words[2])) else { return nil }
            titleStart = 3
        }
        guard titleStart < words.count else { return nil }
        let title = words[titleStart...].joined(separator: " ")
        return (number, title)
    }

    /// "(In Millions)" and "(In Thousands)" printed on a line of their own.
    static func scaleMarker(_ key: String) -> Scale? {
        switch key {
        case "inmillions", "dollarsinmillions", "inmillionsofdollars": return .millions
        case "inthousands", "dollarsinthousands", "inthousandsofdollars": return .thousands
        default: return nil
        }
    }

    /// A row is a heading when it prints something in its value columns and none of it is a
    /// value: dates, "Level 1", "(In Millions)", column titles.
    static func isHeadingLike(_ valueFields: ArraySlice<Substring>) -> Bool {
        var sawText = false
        for field in valueFields {
            if let cell = ValueScanner.value(field) {
                if !cell.isBlank { return false }
            } else {
                sawText = true
            }
        }
        return sawText
    }

    /// The cells of a data row: values, and for anything that is not one, its text with a
    /// bad-value diagnostic (kept, so nothing printed is lost).
    private static func dataCells(_ fields: ArraySlice<Substring>, line: SourceText.Line, context: ParseContext) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(fields.count)
        for (offset, field) in fields.enumerated() {
            if let cell = ValueScanner.value(field) {
                cells.append(cell)
            } else {
                let text = Text.clean(field)
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
        var cells = fields.map { Text.clean($0) }
        while let last = cells.last, last.isEmpty, cells.count > 1 { cells.removeLast() }
        for cell in cells {
            let key = Text.key(cell)
            if Text.contains(key, "inmillions") { scale = .millions } else if Text.contains(key, "inthousands") { scale = .thousands }
        }
        headings.append(cells)
        width = max(width, fields.count)
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
