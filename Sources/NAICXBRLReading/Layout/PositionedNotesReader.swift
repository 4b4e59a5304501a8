@_spi(Stages) import NAICXBRLCore

/// Reads the notes to the financial statements from a filed PDF's positioned words: one
/// ``Note`` per numbered heading printed at the notes' left margin ("5. Investments"; the same
/// number again, "5. Investments (Continued)" on the next page, goes on with the open note), its
/// paragraphs and its tables in printed order.
///
/// The notes follow no description of lines: their tables are found by their cells. A cell is a
/// dot leader the blank prints across an empty cell (`$.......`), an amount printed over such a
/// leader, or an amount with grouping commas (or a dash) standing apart from the words before it;
/// the first leader of a line, under a caption's words, is the caption's. A line with cells is a
/// table row. A column ends where its cells' leaders end (an amount is printed against its
/// leader's end), gathered over the table's rows; a cell is in the column its middle stands in,
/// numbered from the left; words among the cells are text cells. A first column at the labels'
/// left holding only words, empty leaders or numbers without grouping commas (years, item numbers,
/// references printed as labels) is the labels'. Two amounts in one column of a row, an amount
/// over a leader another amount fills, or one right of the columns are reported with their line
/// and the row is not read: a value under the wrong column is worse than a value missing.
///
/// A row's label is the words before its cells and the label lines over it since the row above
/// (a caption wraps over several lines, its cells on the last); a label line that starts with an
/// item mark ("a.", "(2)", "1.") while another label follows, or that ends in a colon, is a
/// sub-heading row, with no cells; a line in lower case under a row ends its caption. Lines over
/// a table's first row with words over its cells are the table's column headings, each word
/// under the column it stands over. The other lines are the note's text, a paragraph per block of
/// lines set apart by space. Tables and paragraphs end at a page's end; the page number at the
/// foot is not read.
struct PositionedNotesReader {
    private(set) var notes: [Note] = []

    /// Reads the lines of `page` from `start` (under its running header and title).
    mutating func read(_ page: PositionedPage, from start: Int, into reader: inout LayoutReader) {
        var lines = Array(page.lines.dropFirst(start))
        // The page number at the foot ("19", "19.1").
        while let last = lines.last, last.words.count == 1, Self.isPageNumber(last.words[0].text) { lines.removeLast() }
        guard !lines.isEmpty else { return }
        let layout = PageLayout(lines)
        let tokens = lines.map { layout.tokens($0) }
        // The tables first (a table takes in the headings over its first row), then the rest.
        var tables: [PageLayout.Found] = []
        var index = 0
        while index < lines.count {
            if let table = layout.table(at: index, in: lines, tokens: tokens, after: tables.last?.end ?? 0) {
                tables.append(table)
                index = table.end
            } else {
                index += 1
            }
        }
        var paragraph: [[String]] = []
        var previous: PositionedLine?
        func closeParagraph(_ notes: inout [Note]) {
            if !paragraph.isEmpty, !notes.isEmpty { notes[notes.count - 1].content.append(.text(Self.joined(paragraph))) }
            paragraph.removeAll()
        }
        index = 0
        var nextTable = 0
        while index < lines.count {
            let line = lines[index]
            if nextTable < tables.count, tables[nextTable].start == index {
                let table = tables[nextTable]
                nextTable += 1
                closeParagraph(&notes)
                for problem in table.problems {
                    reader.report(.warning, .unrecognizedLine, page: page, line: problem.line, problem.message)
                }
                if notes.isEmpty {
                    reader.report(.warning, .unrecognizedLine, page: page, line: line, "a table printed before the first note's heading is not read")
                } else if !table.table.rows.isEmpty {
                    notes[notes.count - 1].content.append(.table(table.table))
                }
                previous = lines[table.end - 1]
                index = table.end
                continue
            }
            if let heading = layout.noteHeading(line, tokens: tokens[index], after: notes.last?.number) {
                closeParagraph(&notes)
                if heading.number != notes.last?.number { notes.append(Note(number: heading.number, title: heading.title)) }
            } else if notes.isEmpty {
                reader.report(.warning, .unrecognizedLine, page: page, line: line,
                              "text printed before the first note's heading (\"1. Summary of Significant Accounting Policies\") is not read")
            } else {
                if let previous, line.top - previous.bottom > 0.6 * layout.lineHeight { closeParagraph(&notes) }
                paragraph.append(line.words.map(\.text))
            }
            previous = line
            index += 1
        }
        closeParagraph(&notes)
    }

    /// Printed lines as running text: words joined by spaces, a word broken at a hyphen at a
    /// line's end joined to its rest.
    static func joined(_ lines: [[String]]) -> String {
        var text = ""
        for line in lines {
            for word in line where !word.isEmpty && PageLayout.leader(word) == nil {
                if text.isEmpty || text.hasSuffix("-") && word.first?.isLowercase == true {
                    text += word
                } else {
                    text += " " + word
                }
            }
        }
        return text
    }

    /// "19", "19.1", or a page number in a font whose characters map to other letters (full-width
    /// "ＱＹＮＱ").
    static func isPageNumber(_ text: String) -> Bool {
        if text.count <= 8, text.unicodeScalars.allSatisfy({ (0xFF01...0xFF5E).contains($0.value) }) { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 3 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }
}

/// A printed line's extent on its page.
extension PositionedLine {
    var top: Double { words.map(\.y0).min() ?? 0 }
    var bottom: Double { words.map(\.y1).max() ?? 0 }
    var left: Double { words.first?.x0 ?? 0 }
    var right: Double { words.map(\.x1).max() ?? 0 }
}

/// What one page's notes lines share: their left margin and line height, and how a line's words
/// read as a table's cells.
struct PageLayout {
    let margin: Double
    /// The usual height of a word: the measure of gaps between words and lines.
    let lineHeight: Double

    init(_ lines: [PositionedLine]) {
        margin = lines.map(\.left).min() ?? 0
        let heights = lines.flatMap { $0.words.map { $0.y1 - $0.y0 } }.sorted()
        lineHeight = heights.isEmpty ? 10 : heights[heights.count / 2]
    }

    // MARK: note headings

    /// "5." and a title at the left margin, numbered after the open note (or the open note's
    /// number again, for "(Continued)"), on a line with no cells.
    func noteHeading(_ line: PositionedLine, tokens: [Token], after open: Int?) -> (number: Int, title: String)? {
        guard let heading = headingShape(line, tokens: tokens) else { return nil }
        if let open, heading.number < open || heading.number > open + 5 { return nil }
        if open == nil, heading.number > 5 { return nil }
        return heading
    }

    /// "5." and a title at the left margin, whatever the number.
    private func headingShape(_ line: PositionedLine, tokens: [Token]) -> (number: Int, title: String)? {
        guard line.words.count >= 2, abs(line.words[0].x0 - margin) <= lineHeight / 2, !Self.hasCells(tokens) else { return nil }
        let mark = line.words[0].text
        guard mark.hasSuffix("."), let number = Int(mark.dropLast()), (1...99).contains(number) else { return nil }
        guard let first = line.words[1].text.first, first.isUppercase else { return nil }
        var words = line.words.dropFirst().map(\.text)
        if words.last.map({ Text.key($0) == "continued" }) == true { words.removeLast() }
        return (number, words.joined(separator: " "))
    }

    // MARK: cells

    /// A word of a line as a table reads it.
    enum Token {
        /// A dot leader across an empty cell, or an amount (or a text cell's words), with the
        /// leader it is printed over if any.
        case cell(CellToken)
        /// A leader under a caption's words.
        case captionLeader
        /// `$` or `%` printed apart from its amount.
        case mark(String)
        case word(PositionedWord)
    }

    /// A cell of a line: where its value (or its empty leader) stands, and where its leader
    /// ends, which is where its column ends.
    struct CellToken {
        var x0: Double
        var x1: Double
        var value: Cell
        var dollar: Bool
        /// The right end of the cell's leader.
        var edge: Double?
        /// The value's word as printed ("" for an empty leader).
        var printed = ""
        /// An amount printed over the leader of a cell another amount of the line fills.
        var overFilledCell = false
        /// Where the cell's leader starts, or its value where it has none.
        var start: Double { leaderStart ?? x0 }
        var leaderStart: Double?
        var center: Double { (x0 + x1) / 2 }
    }

    /// A line's words as cells, caption leaders, marks and words.
    func tokens(_ line: PositionedLine) -> [Token] {
        let words = listsJoined(Self.splittingGluedLeaders(line.words))
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        let textWords = words.filter { Self.leader($0.text) == nil && ValueScanner.tableValue(Substring($0.text)) == nil && $0.text != "$" && $0.text != "%" }
        // The line's first leader, under a caption's words, is the caption's; the others are
        // cells (a text cell's words printed over its leader too).
        // (Or, where the leader is drawn under the whole caption from the start of the line's
        // words, any word printed from its start: "191-97" over it is the caption's second line.)
        let firstLeader = words.firstIndex { Self.leader($0.text)?.rest.isEmpty == true }
        let captionLeader = firstLeader.flatMap { i in
            let underWhole = !words.contains { Self.leader($0.text) == nil && $0.x1 <= words[i].x0 }
                && words.contains { Self.leader($0.text) == nil && abs($0.x0 - words[i].x0) < lineHeight / 2 }
            return textWords.contains { $0.x0 < words[i].x1 && $0.x1 > words[i].x0 } || underWhole ? i : nil
        }
        let cellLeaders = words.indices.filter { Self.leader(words[$0].text) != nil && $0 != captionLeader }.map { words[$0] }
        for (i, word) in words.enumerated() {
            if let leader = Self.leader(word.text) {
                if i == captionLeader {
                    tokens.append(.captionLeader)
                } else if leader.rest.isEmpty {
                    tokens.append(.cell(CellToken(x0: word.x0, x1: word.x1, value: .blank, dollar: leader.dollar, edge: word.x1)))
                } else if let value = ValueScanner.tableValue(leader.rest) {
                    tokens.append(.cell(CellToken(x0: word.x0, x1: word.x1, value: value, dollar: leader.dollar, edge: word.x1, printed: String(leader.rest))))
                } else {
                    tokens.append(.word(word))
                }
                continue
            }
            if word.text == "$" || word.text == "%" {
                // A `%` printed apart after an amount makes it a percentage.
                if word.text == "%", case .cell(var cell)? = tokens.last, case .amount(let amount, false) = cell.value {
                    cell.value = .percent(amount)
                    tokens[tokens.count - 1] = .cell(cell)
                }
                tokens.append(.mark(word.text))
                continue
            }
            if let value = ValueScanner.tableValue(Substring(word.text)), value != .blank {
                // Over a leader of the line: that leader's cell.
                if cellLeaders.contains(where: { $0.x0 <= word.centerX && word.centerX <= $0.x1 }) {
                    tokens.append(.cell(CellToken(x0: word.x0, x1: word.x1, value: value, dollar: false, printed: word.text)))
                    continue
                }
                // Standing apart: an amount with grouping commas or a dash, well away from the word before.
                // A `$` printed before the amount stands for the space before it.
                let gap = i == 0 ? Double.infinity : words[i - 1].text == "$" ? Double.infinity : word.x0 - words[i - 1].x1
                let apart = gap >= lineHeight && (i + 1 == words.count || words[i + 1].x0 - word.x1 >= lineHeight
                                                  || Self.leader(words[i + 1].text) != nil || words[i + 1].text == "%" || words[i + 1].text == "$")
                let tabular: Bool
                switch value {
                case .amount, .percent: tabular = ValueScanner.groupedAmount(in: Substring(word.text.prefix { $0 != "%" })) != nil || word.text.contains(".")
                case .dash, .notApplicable: tabular = true
                default: tabular = false
                }
                if apart, tabular, i > 0 || word.x0 > margin + 4 * lineHeight {
                    tokens.append(.cell(CellToken(x0: word.x0, x1: word.x1, value: value, dollar: false, printed: word.text)))
                    continue
                }
            }
            tokens.append(.word(word))
        }
        return Self.mergedOverLeaders(tokens)
    }

    /// A list of small numbers printed in one cell ("86, 51": the SSAP numbers, pages and lines
    /// a reconciliation cites) as one word: a number of one to three digits and a comma, a
    /// space, then the next. (An amount's digit groups follow their comma with no space.)
    private func listsJoined(_ words: [PositionedWord]) -> [PositionedWord] {
        func listed(_ text: Substring) -> Bool { (1...3).contains(text.count) && text.allSatisfy(\.isASCIIDigit) }
        guard words.contains(where: { $0.text.hasSuffix(",") && listed($0.text.dropLast()) }) else { return words }
        var joined: [PositionedWord] = []
        for word in words {
            if let last = joined.last, last.text.hasSuffix(","), listed(last.text.split(separator: " ").last!.dropLast()),
               listed(word.text.hasSuffix(",") ? word.text.dropLast() : Substring(word.text)),
               case let gap = word.x0 - last.x1, gap > lineHeight / 8, gap < lineHeight {
                joined[joined.count - 1].text += " " + word.text
                joined[joined.count - 1].x1 = word.x1
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// Leaders of neighbouring cells printed as one word ("$......$......"): a word each, over
    /// its share of the width.
    private static func splittingGluedLeaders(_ words: [PositionedWord]) -> [PositionedWord] {
        guard words.contains(where: { $0.text.dropFirst().contains("$") && $0.text.allSatisfy { $0 == "." || $0 == "$" } }) else { return words }
        var split: [PositionedWord] = []
        for word in words {
            let characters = Array(word.text)
            guard characters.dropFirst().contains("$"), characters.allSatisfy({ $0 == "." || $0 == "$" }) else {
                split.append(word)
                continue
            }
            let width = (word.x1 - word.x0) / Double(characters.count)
            var start = 0
            for i in 1...characters.count where i == characters.count || characters[i] == "$" {
                split.append(PositionedWord(text: String(characters[start..<i]), x0: word.x0 + Double(start) * width,
                                            x1: word.x0 + Double(i) * width, y0: word.y0, y1: word.y1))
                start = i
            }
        }
        return split
    }

    /// An amount printed over a leader and the leader are one cell: the amount's place and
    /// value, the leader's end and dollar sign.
    private static func mergedOverLeaders(_ tokens: [Token]) -> [Token] {
        var leaders: [CellToken] = []
        var values: [CellToken] = []
        var others: [Token] = []
        for token in tokens {
            guard case .cell(let cell) = token else {
                others.append(token)
                continue
            }
            if cell.value == .blank { leaders.append(cell) } else { values.append(cell) }
        }
        // Neighbouring cells' leaders printed as one word: a leader under two amounts or more and
        // wider than twice the line's other leaders is theirs, each amount a cell of its own.
        let widths = leaders.map { $0.x1 - $0.x0 }.sorted()
        let usual = widths.isEmpty ? 0 : widths[widths.count / 2]
        var used = [Bool](repeating: false, count: leaders.count)
        for l in leaders.indices where leaders[l].x1 - leaders[l].x0 >= 1.8 * usual
            && values.filter({ leaders[l].x0 <= $0.center && $0.center <= leaders[l].x1 }).count >= 2 {
            used[l] = true
        }
        let shared = used
        for v in values.indices where values[v].edge == nil {
            let center = values[v].center
            if leaders.indices.contains(where: { shared[$0] && leaders[$0].x0 <= center && center <= leaders[$0].x1 }) { continue }
            guard let l = leaders.indices.first(where: { !used[$0] && leaders[$0].x0 <= center && center <= leaders[$0].x1 }) else {
                // Over a cell's leader that another amount fills: the two cannot both be right.
                values[v].overFilledCell = leaders.indices.contains { used[$0] && leaders[$0].x0 <= center && center <= leaders[$0].x1 }
                continue
            }
            used[l] = true
            values[v].edge = leaders[l].edge
            values[v].leaderStart = leaders[l].x0
            values[v].dollar = values[v].dollar || leaders[l].dollar
            values[v].value = values[v].value.withDollarSign(values[v].dollar)
        }
        return others + values.map { .cell($0) } + leaders.indices.filter { !used[$0] }.map { .cell(leaders[$0]) }
    }

    /// A dot leader: three dots or more, after a `$` or not, and what follows them (an amount
    /// printed into the leader).
    static func leader(_ text: String) -> (dollar: Bool, rest: Substring)? {
        var rest = Substring(text)
        let dollar = rest.first == "$"
        if dollar { rest = rest.dropFirst() }
        let dots = rest.prefix { $0 == "." }.count
        if dots >= 3 { return (dollar, rest.dropFirst(dots)) }
        let trailing = rest.reversed().prefix { $0 == "." }.count
        if trailing >= 3, trailing == rest.count { return (dollar, "") }
        return nil
    }

    // MARK: tables

    struct Found {
        var table: Table
        /// The first line of the table (its headings) and the line after its last.
        var start: Int
        var end: Int
        var problems: [(line: PositionedLine, message: String)]
    }

    /// The table whose first row is at `index`, with the headings and label lines over it down
    /// to line `floor` (the end of the table above); nil when the line is no row.
    func table(at index: Int, in lines: [PositionedLine], tokens: [[Token]], after floor: Int) -> Found? {
        guard Self.hasCells(tokens[index]) else { return nil }
        // The rows: lines with cells, and the label lines between them.
        var last = index
        var labelBound = Self.firstCellX(tokens[index]) ?? 0
        var next = index + 1
        while next < lines.count {
            if Self.hasCells(tokens[next]) {
                labelBound = min(labelBound, Self.firstCellX(tokens[next]) ?? labelBound)
                last = next
                next += 1
                continue
            }
            // Label lines go on to a row below them; anything else ends the table.
            guard isLabelLine(lines[next], bound: labelBound), headingShape(lines[next], tokens: tokens[next]) == nil else { break }
            next += 1
        }
        var end = last + 1
        // Lines in lower case under the last row end its caption.
        while end < lines.count, isLabelLine(lines[end], bound: labelBound), startsInLowerCase(lines[end]),
              !Self.startsWithItemMark(lines[end].words.map(\.text)),
              lines[end].top - lines[end - 1].bottom < 0.6 * lineHeight {
            end += 1
        }
        // Over the first row: label lines, then heading lines, up to the text.
        var start = index
        var sawHeading = false
        while start > floor, index - start < 16 {
            let line = lines[start - 1]
            if headingShape(line, tokens: tokens[start - 1]) != nil || isParagraphLine(line, bound: labelBound) { break }
            if isLabelLine(line, bound: labelBound) {
                if sawHeading { break }
            } else {
                sawHeading = true
            }
            start -= 1
        }
        return build(lines: lines, tokens: tokens, start: start, firstRow: index, end: end, labelBound: labelBound)
    }

    /// The table from its first heading line (`start`) to `end`: its rows' text cells, its
    /// columns, its rows, and its headings under those columns.
    private func build(lines: [PositionedLine], tokens given: [[Token]], start: Int, firstRow: Int, end: Int, labelBound: Double) -> Found {
        let tokens = textCells(given, lines: lines, rows: firstRow..<end, labelBound: labelBound)
        // The headings, then the label lines over the first row.
        var headingEnd = start
        while headingEnd < firstRow, !isLabelLine(lines[headingEnd], bound: labelBound) { headingEnd += 1 }
        let (edges, labelEdge) = columns(tokens, lines: lines, labels: headingEnd..<end, rows: firstRow..<end)
        var (rows, problems) = self.rows(tokens, lines: lines, from: headingEnd, firstRow: firstRow, end: end, edges: edges, labelEdge: labelEdge)
        Self.canonicalCells(&rows)
        let headings = (start..<headingEnd).map { heading(lines[$0], edges: edges, labelBound: labelBound) }
        Self.percentColumns(&rows, headings: headings)
        return Found(table: Table(headings: headings, rows: rows), start: start, end: end, problems: problems)
    }

    /// The tokens of `rows` with the words right of the labels made text cells, a cell per run of
    /// words.
    private func textCells(_ given: [[Token]], lines: [PositionedLine], rows: Range<Int>, labelBound: Double) -> [[Token]] {
        var tokens = given
        for i in rows where Self.hasCells(tokens[i]) {
            var kept: [Token] = []
            var run: [PositionedWord] = []
            func closeRun() {
                guard let first = run.first, let last = run.last else { return }
                let text = run.map(\.text).joined(separator: " ")
                kept.append(.cell(CellToken(x0: first.x0, x1: last.x1, value: .text(text), dollar: false, printed: text)))
                run.removeAll()
            }
            for token in tokens[i] {
                guard case .word(let word) = token, word.x0 >= labelBound - lineHeight / 4 else {
                    kept.append(token)
                    continue
                }
                // An amount among the cells is a value: one with grouping commas however near the
                // words beside it, another where it stands apart from them.
                if let value = ValueScanner.tableValue(Substring(word.text)), value != .blank,
                   ValueScanner.groupedAmount(in: Substring(word.text)) != nil || standsApart(word, in: lines[i]) {
                    closeRun()
                    kept.append(.cell(CellToken(x0: word.x0, x1: word.x1, value: value, dollar: false, printed: word.text)))
                    continue
                }
                if let last = run.last, word.x0 - last.x1 >= lineHeight { closeRun() }
                run.append(word)
            }
            closeRun()
            tokens[i] = kept
        }
        return tokens
    }

    /// The table's columns, each as the right edge it ends at, from the cells of `rows`; and the
    /// edge of a first column that is the labels' (nil when there is none).
    private func columns(_ tokens: [[Token]], lines: [PositionedLine], labels: Range<Int>, rows: Range<Int>) -> (edges: [Double], labelEdge: Double?) {
        // Columns end where cells' leaders end (an amount is printed against its leader's end):
        // those ends, and the ends of amounts printed without leaders, gathered where they
        // stand within one and a half words' height of each other (columns are wider). A column runs from the end of the one
        // before it to its own end; a cell is in the column its middle stands in.
        var ends: [Double] = []
        for i in rows {
            for case .cell(let cell) in tokens[i] {
                if let edge = cell.edge {
                    ends.append(edge)
                } else if case .amount = cell.value {
                    ends.append(cell.x1)
                }
            }
        }
        ends.sort()
        var edges: [Double] = []
        for x in ends {
            if let last = edges.last, x - last < 1.5 * lineHeight { edges[edges.count - 1] = x } else { edges.append(x) }
        }
        // A first column that starts at the labels' left and holds only empty leaders, words or
        // numbers printed without grouping commas (a caption's leader on a line of its own; years,
        // item numbers or references printed as labels over it) is the labels'.
        let labelsStart = labels.compactMap { lines[$0].words.first?.x0 }.min() ?? 0
        var labelEdge: Double?
        if let first = edges.first, edges.count > 1 {
            let cells = rows.flatMap { i in tokens[i].compactMap { token -> CellToken? in
                if case .cell(let cell) = token, cell.center <= first + lineHeight / 4 { cell } else { nil } } }
            let atLabels = (cells.map(\.start).min() ?? .infinity) <= labelsStart + 2 * lineHeight
            let labelLike = atLabels && cells.allSatisfy { cell in
                switch cell.value {
                case .blank, .text: return true
                case .amount: return !cell.printed.contains(",") && !cell.printed.hasPrefix("(")
                default: return false
                }
            }
            if labelLike {
                labelEdge = first
                edges.removeFirst()
            }
        }
        return (edges, labelEdge)
    }

    /// The table's rows from `from` (its label lines over the first row, then its rows) to
    /// `end`, each cell in the column of `edges` it stands in; and what kept rows from being read.
    private func rows(_ tokens: [[Token]], lines: [PositionedLine], from headingEnd: Int, firstRow: Int, end: Int, edges: [Double],
                      labelEdge: Double?) -> (rows: [TableRow], problems: [(line: PositionedLine, message: String)]) {
        func column(_ cell: CellToken) -> Int? {
            let center = cell.center
            guard let c = edges.firstIndex(where: { center <= $0 + lineHeight / 4 }) else { return nil }
            return c
        }
        var problems: [(line: PositionedLine, message: String)] = []
        var rows: [TableRow] = []
        var label: [[String]] = []
        func flushLabels(keepingLast: Bool) {
            // Label lines that start with an item mark, each but the last, are sub-headings.
            var groups: [[[String]]] = []
            // A line after one that ends in a colon starts a label of its own too.
            for line in label {
                if groups.isEmpty || Self.startsWithItemMark(line) || groups.last?.last?.last?.hasSuffix(":") == true {
                    groups.append([line])
                } else {
                    groups[groups.count - 1].append(line)
                }
            }
            // A label ending in a colon heads the rows under it ("Net Income:").
            let kept = keepingLast && groups.last.map { PositionedNotesReader.joined($0).hasSuffix(":") } != true ? groups.popLast() : nil
            for group in groups { rows.append(TableRow(label: PositionedNotesReader.joined(group), cells: [])) }
            label = kept ?? []
        }
        // A line of the table with a character that cannot be decoded (U+FFFD, pages read by
        // OCR): what it holds cannot be told (an amount, its sign, a word), so the row it is of
        // is not read.
        var undecodedLabel = false
        for i in headingEnd..<end {
            let line = lines[i]
            let words = tokens[i].compactMap { if case .word(let w) = $0 { w.text } else { nil } }
            let undecoded = line.words.contains { $0.text.contains("\u{FFFD}") }
            guard Self.hasCells(tokens[i]) else {
                undecodedLabel = undecodedLabel || undecoded
                if i > firstRow, startsInLowerCase(line), !Self.startsWithItemMark(words), let lastRow = rows.indices.last, label.isEmpty {
                    // A caption's last words under its cells.
                    rows[lastRow].label = PositionedNotesReader.joined([[rows[lastRow].label], words])
                } else {
                    label.append(words)
                }
                continue
            }
            var cells = [Cell](repeating: .blank, count: edges.count)
            var refused = false
            if undecoded || undecodedLabel {
                problems.append((line, "the notes' table row holds a character that cannot be decoded (U+FFFD); the row is not read"))
                refused = true
            }
            undecodedLabel = false
            var labelWords: [String] = []
            for case .cell(let cell) in tokens[i] where cell.value != .blank {
                if let labelEdge, cell.center <= labelEdge + lineHeight / 4 {
                    labelWords.append(cell.printed)
                    continue
                }
                if cell.overFilledCell {
                    problems.append((line, "the notes' table cell \"\(ValueScanner.render(cell.value))\" is printed over the leader of a cell another amount fills; the row is not read"))
                    refused = true
                    continue
                }
                guard let c = column(cell) else {
                    problems.append((line, "the notes' table cell \"\(ValueScanner.render(cell.value))\" stands right of its table's columns; the row is not read"))
                    refused = true
                    continue
                }
                if cells[c] != .blank {
                    problems.append((line, "two cells of the notes' table row stand in column \(c + 1) (\"\(ValueScanner.render(cells[c]))\", \"\(ValueScanner.render(cell.value))\"); the row is not read"))
                    refused = true
                }
                cells[c] = cell.value
            }
            // A row whose own words start with an item mark starts its label: the label lines
            // over it are sub-headings.
            flushLabels(keepingLast: !Self.startsWithItemMark(words))
            label.append(words + labelWords)
            let rowLabel = PositionedNotesReader.joined(label)
            label = []
            // A line of empty leaders alone (a blank line ruled between rows) is no row.
            if refused || rowLabel.isEmpty && cells.allSatisfy({ $0 == .blank }) { continue }
            rows.append(TableRow(label: rowLabel, cells: cells))
        }
        flushLabels(keepingLast: false)
        return (rows, problems)
    }

    /// The percentages of columns that print their numbers without the percent sign:
    /// - a column that prints the sign on some rows only (the first and the total, as some
    ///   printers set a "Percent of Total" column): its other numbers printed as the percentages
    ///   are (no dollar sign, the same places after the decimal point, one or more);
    /// - a column whose heading says it holds percentages (a word "%", or one that begins
    ///   "percent": "% of BACV to Total Assets", "Percent of Total", "Admitted Restricted to
    ///   Total Admitted Assets, %"), where no row prints the sign: its numbers with places after
    ///   the decimal point and no dollar sign. (A note's amounts are whole dollars; a heading
    ///   such as "Guarantee More than 4%" names a rate, not its column's unit, and is not read
    ///   so.);
    /// - a row whose caption says so ("(b) Percentage of Adjusted Gross DTAs By Tax Character
    ///   Attributable To The Impact Of Tax Planning Strategies"): its numbers with places after
    ///   the decimal point and no dollar sign.
    private static func percentColumns(_ rows: inout [TableRow], headings: [[String]]) {
        var places: [Int: Set<Int>] = [:]
        for row in rows {
            for (c, cell) in row.cells.enumerated() {
                if case .percent(let percent) = cell, percent.fractionDigits > 0 { places[c, default: []].insert(percent.fractionDigits) }
            }
        }
        let width = rows.map(\.cells.count).max() ?? 0
        let headedPercent = Set((0..<width).filter { c in
            places[c] == nil && headings.contains { line in c + 1 < line.count && headsPercentages(line[c + 1]) }
        })
        for r in rows.indices {
            let captioned = headsPercentages(rows[r].label)
            for (c, cell) in rows[r].cells.enumerated() {
                guard case .amount(let amount, false) = cell else { continue }
                if places[c]?.contains(amount.fractionDigits) == true
                    || (headedPercent.contains(c) || captioned) && amount.fractionDigits > 0 {
                    rows[r].cells[c] = .percent(amount)
                }
            }
        }
    }

    /// Whether a column's heading or a row's caption says its numbers are percentages: a word
    /// "%" (or "%," and the like) or a word that begins "percent".
    static func headsPercentages(_ heading: String) -> Bool {
        let punctuation: Set<Character> = ["(", ")", ",", ".", ":", ";"]
        return heading.split(separator: " ").contains { word in
            var bare = word
            while let first = bare.first, punctuation.contains(first) { bare.removeFirst() }
            while let last = bare.last, punctuation.contains(last) { bare.removeLast() }
            return bare == "%" || bare.lowercased().hasPrefix("percent")
        }
    }

    /// Canonical cells: as wide as the last column any row fills; a row of empty cells is a
    /// sub-heading.
    private static func canonicalCells(_ rows: inout [TableRow]) {
        let width = rows.map { ($0.cells.lastIndex { $0 != .blank } ?? -1) + 1 }.max() ?? 0
        for r in rows.indices {
            if rows[r].cells.allSatisfy({ $0 == .blank }) {
                rows[r].cells = []
            } else {
                rows[r].cells = Array(rows[r].cells.prefix(width))
            }
        }
    }

    /// A heading line's words under the columns they stand over (the first cell: the words
    /// over the labels).
    private func heading(_ line: PositionedLine, edges: [Double], labelBound: Double) -> [String] {
        var cells = [[String]](repeating: [], count: edges.count + 1)
        for word in line.words {
            guard word.x1 > labelBound else {
                cells[0].append(word.text)
                continue
            }
            let c = edges.firstIndex { word.centerX <= $0 + lineHeight / 4 } ?? edges.count - 1
            cells[c + 1].append(word.text)
        }
        var joined = cells.map { $0.joined(separator: " ") }
        while let lastCell = joined.last, lastCell.isEmpty, joined.count > 1 { joined.removeLast() }
        return joined
    }

    /// Whether a word stands half a word's height or more from the words beside it (leaders and
    /// apart-printed `$` and `%` signs aside).
    private func standsApart(_ word: PositionedWord, in line: PositionedLine) -> Bool {
        !line.words.contains { other in
            other != word && PageLayout.leader(other.text) == nil && other.text != "$" && other.text != "%"
                && (other.x1 <= word.x0 && word.x0 - other.x1 < lineHeight / 2 || other.x0 >= word.x1 && other.x0 - word.x1 < lineHeight / 2)
        }
    }

    private static func hasCells(_ tokens: [Token]) -> Bool {
        tokens.contains { if case .cell = $0 { true } else { false } }
    }

    private static func firstCellX(_ tokens: [Token]) -> Double? {
        tokens.compactMap { if case .cell(let cell) = $0 { cell.start } else { nil } }.min()
    }

    /// A line whose words all stand left of the cells (a `$` printed for the cells below aside):
    /// a row's label going on.
    private func isLabelLine(_ line: PositionedLine, bound: Double) -> Bool {
        line.words.allSatisfy { $0.x1 <= bound + lineHeight / 4 || PageLayout.leader($0.text) != nil && $0.x0 < bound || $0.text == "$" || $0.text == "%" }
    }

    /// A line of running text: words with a word's gaps between them, from the labels into the cells.
    private func isParagraphLine(_ line: PositionedLine, bound: Double) -> Bool {
        guard line.words.count >= 4, line.left < bound, line.right > bound else { return false }
        return zip(line.words, line.words.dropFirst()).allSatisfy { $1.x0 - $0.x1 < lineHeight }
    }

    private func startsInLowerCase(_ line: PositionedLine) -> Bool {
        line.words.first?.text.first?.isLowercase ?? false
    }

    /// "a.", "1.", "(2)", "b)", "i." before the words of a label.
    private static func startsWithItemMark(_ words: [String]) -> Bool {
        guard let first = words.first, first.count <= 5 else { return false }
        var core = Substring(first)
        if core.first == "(" { core = core.dropFirst() }
        guard let close = core.last, close == "." || close == ")" else { return false }
        core = core.dropLast()
        return !core.isEmpty && core.count <= 3 && core.allSatisfy { $0.isLetter || $0.isASCIIDigit }
    }
}

extension Cell {
    /// The cell with a `$` printed before it (a leader's, or one printed apart), where `dollar`.
    func withDollarSign(_ dollar: Bool) -> Cell {
        guard dollar else { return self }
        switch self {
        case .amount(let amount, _): return .amount(amount, dollarSign: true)
        case .dash: return .dash(dollarSign: true)
        default: return self
        }
    }
}
