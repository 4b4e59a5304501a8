@_spi(Stages) import NAICXBRLCore
/// Reads one tabular page by its description: line numbers find the rows, columns come from tabs.
struct PageParser {
    let description: PageDescription
    let context: ParseContext

    private var page: Page
    /// The input line each of the page's lines was printed on, by its place in the description
    /// (``BlankTables/Page/canonicalIndex``); 0 while not printed.
    private var printedAt: [Int]
    private var pending: [PendingRow] = []
    /// The page's keys and line numbers, worked out once per blank.
    private let tables: BlankTables.Page
    /// The fields of the line being read, as byte ranges; kept to reuse its storage.
    private var fieldRanges: [Range<Int>] = []
    /// For each row of `page.rows`, its line's place in the blank: what `finish` sorts by.
    private var rowOrder: [Int] = []
    /// Built for the first caption that differs from the description's.
    private var verifier: CaptionVerifier?

    /// A row printed with fewer cells than the page has columns.
    private struct PendingRow {
        var rowIndex: Int
        var values: [Cell]
        var source: Int
    }

    init(description: PageDescription, tables: BlankTables.Page, context: ParseContext) {
        self.description = description
        self.tables = tables
        self.context = context
        page = Page(id: description.id)
        printedAt = Array(repeating: 0, count: description.lines.count)
    }

    /// Where each row was printed: line number in the input, by row line number.
    var origins: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(page.rows.count)
        for index in printedAt.indices where printedAt[index] != 0 {
            result[description.lines[index].line] = printedAt[index]
        }
        return result
    }

    /// The page's lines that were not printed, in the blank's order.
    var missingLines: [String] {
        description.lines.indices.compactMap { index in
            printedAt[tables.canonicalIndex[index]] == 0 ? description.lines[index].line : nil
        }
    }

    /// Reads one line of the page: its bytes, and its ``Text/key(_:)``, which the segmenter has
    /// already worked out.
    ///
    /// Every row of every page comes through here: the line is read over its bytes, its fields
    /// as byte ranges, and a String is made only of what the model keeps.
    mutating func consume(_ line: SourceText.Line, bytes: Text.Bytes, key: Text.Bytes) {
        Text.fieldRanges(bytes, into: &fieldRanges)
        let first = bytes.slice(fieldRanges[0])
        Text.withClean(first) { firstClean in read(line, key: key, bytes: bytes, first: first, firstClean: firstClean) }
    }

    private mutating func read(_ line: SourceText.Line, key: Text.Bytes, bytes: Text.Bytes, first: Text.Bytes, firstClean: Text.Bytes) {
        let fields = fieldRanges
        if readPageText(line, key: key, bytes: bytes, first: first, firstClean: firstClean, fields) { return }
        guard let (number, index, rest) = numberedLine(line, firstClean) else { return }
        let place = tables.canonicalIndex[index]
        if printedAt[place] != 0 {
            context.report(.warning, .duplicateLine, line: line.number,
                           "line \(number) of \(description.title) is printed twice; the first (line \(printedAt[place])) is kept")
            return
        }
        printedAt[place] = line.number
        // The line's description is read in place: a copy of it would retain each of its strings.
        var row = Row(line: description.lines[index].line, cells: [])
        guard acceptCaption(rest, of: index, number: number, line, into: &row) else {
            printedAt[place] = 0
            return
        }
        var cells = placeCells(bytes, fields, of: index, number: number, line, caption: rest, into: &row)
        // A short row is placed by the page's arithmetic when the page is finished.
        let columnCount = tables.columnKinds.count
        let pendingValues = cells.count < columnCount && cells.contains(where: { !$0.isBlank }) ? cells : nil
        cells.append(contentsOf: repeatElement(.blank, count: columnCount - cells.count))
        row.cells = cells
        let rowIndex = page.rows.count
        page.rows.append(row)
        rowOrder.append(place)
        context.mapped(line)
        if let pendingValues {
            pending.append(PendingRow(rowIndex: rowIndex, values: pendingValues, source: line.number))
        }
    }

    /// Reads a line that is no numbered row: the page's NONE, a rule, column headings, text the
    /// blank prints on the page, or a footnote. False for any other line.
    @inline(__always)
    private mutating func readPageText(_ line: SourceText.Line, key: Text.Bytes, bytes: Text.Bytes, first: Text.Bytes, firstClean: Text.Bytes,
                                       _ fields: [Range<Int>]) -> Bool {
        if Text.equal(key, "none") || (Text.equal(firstClean, "NONE") && fields.dropFirst().allSatisfy { Text.isSpaces(bytes.slice($0)) }) {
            page.none = true
            context.noneMark(line)
            return true
        }
        if PageParser.isRule(bytes) {
            context.classified(line) // a rule under a table
            return true
        }
        if firstClean.isEmpty || PageParser.isNumberedHeadingRow(bytes, fields) {
            // Column headings: the first field (the caption column) is empty, or every field is
            // a numbered heading ("1 NAIC Company Code", "2 Federal ID Number").
            page.headings.append(fields.dropFirst().map { Text.clean(bytes.slice($0)) })
            context.classified(line)
            return true
        }
        // A numbered row, whose first field's key starts with a digit, is no text of the page
        // unless one of those starts with a digit too: its key need not be worked out.
        if !tables.classifiedKeys.isEmpty,
           tables.classifiedKeys.contains(where: { Text.equal(key, $0) })
            || (tables.classifiedKeyStartsWithDigit || !(Text.firstKeyByte(first).map(Text.isDigit) ?? false))
            && Text.withKey(first, { firstKey in tables.classifiedKeys.contains { Text.equal(firstKey, $0) } }) {
            context.classified(line)
            return true
        }
        if tables.footnoteKeys.contains(where: { Text.hasPrefix(key, $0) }) {
            page.footnotes.append(Text.clean(bytes))
            context.mapped(line)
            return true
        }
        return false
    }

    /// The line number a row starts with, the line of the description it is, and the caption
    /// after it; nil, with an error, for a line that is no numbered line of the page.
    @inline(__always)
    private mutating func numberedLine(_ line: SourceText.Line, _ firstClean: Text.Bytes) -> (number: String, index: Int, rest: Text.Bytes)? {
        let numberedAt = Text.lineNumber(firstClean)
        let numbered = numberedAt.map { String(decoding: firstClean.slice(0..<$0.end), as: UTF8.self) }
        // `lineIndex` finds a line as printed; the description also tolerates a leading zero.
        let printedIndex = numbered.flatMap { tables.lineIndex[$0] }
        guard let number = numbered, let restStart = numberedAt?.restStart,
              let index = printedIndex ?? description.lineIndex(number) else {
            if let number = numbered {
                context.report(.error, .unknownLine, line: line.number,
                               "line \(number) is not a line of \(description.title); expected one of its numbered lines")
            } else {
                context.report(.error, .unrecognizedLine, line: line.number,
                               "unrecognized text on \(description.title): \"\(String(String(decoding: firstClean, as: UTF8.self).prefix(80)))\"")
            }
            return nil
        }
        return (number, index, firstClean.slice(restStart..<firstClean.count))
    }

    /// Checks a row's printed caption (`rest`) against the blank's, keeping it on the row where
    /// it differs, and the amounts it prints after a `$`; false, with an error, when it is
    /// another line's caption or no line's, and the row's values are not filed.
    @inline(__always)
    private mutating func acceptCaption(_ rest: Text.Bytes, of index: Int, number: String, _ line: SourceText.Line, into row: inout Row) -> Bool {
        // The caption is kept as printed only for write-ins and mismatches: most rows need no copy.
        var caption: String { String(decoding: rest, as: UTF8.self) }
        if description.lines[index].isWriteIn {
            if !rest.isEmpty { row.caption = caption }
            return true
        }
        let slotCount = description.lines[index].slots?.count ?? 0
        var misplaced: CaptionVerifier.Verdict?
        CaptionMatcher.withSplit(rest) { words, amounts in
            let matches = CaptionMatcher.matches(printed: words, blankKey: tables.captionKeys[index])
            if matches, amounts.count == slotCount {
                row.captionAmounts = slotCount > 0 && amounts.allSatisfy(\.isBlank) ? [] : amounts
                return
            }
            if !matches {
                if verifier == nil { verifier = CaptionVerifier(description) }
                let verdict = verifier?.verdict(printed: String(decoding: words, as: UTF8.self), line: index) ?? .equivalent
                if verdict != .equivalent {
                    misplaced = verdict
                    return
                }
            }
            context.report(matches ? .warning : .info, .captionMismatch, line: line.number,
                           matches
                               ? "\(description.title) line \(number) prints \(amounts.count) amounts after a $ in its caption; the blank has \(slotCount). The caption is kept as printed"
                               : "\(description.title) line \(number) prints its caption as \"\(caption)\"; the blank's is \"\(description.lines[index].caption)\". The printed caption is kept",
                           placed: true)
            row.caption = caption
            if amounts.count == slotCount { row.captionAmounts = amounts.allSatisfy(\.isBlank) ? [] : amounts }
        }
        switch misplaced {
        case .otherLine(let other)?:
            context.report(.error, .misplacedRow, line: line.number,
                           "\(description.title) line \(number) prints the caption \"\(caption)\", which is line \(description.lines[other].line) of the blank (\"\(description.lines[other].caption)\"), not line \(number) (\"\(description.lines[index].caption)\"); its values are not filed")
            return false
        case .noLine?:
            context.report(.error, .misplacedRow, line: line.number,
                           "\(description.title) line \(number) prints the caption \"\(caption)\", which is no line of the page in this edition of the blank; expected \"\(description.lines[index].caption)\". Its values are not filed")
            return false
        default:
            return true
        }
    }

    /// The cells of a row's value fields, without empty ones printed past the page's columns;
    /// extra cells are kept as text in the caption (`caption` is the printed one), and the code
    /// column (Schedule T's state abbreviation) is checked against the blank.
    @inline(__always)
    private mutating func placeCells(_ bytes: Text.Bytes, _ fields: [Range<Int>], of index: Int, number: String, _ line: SourceText.Line,
                                     caption: Text.Bytes, into row: inout Row) -> [Cell] {
        let columnCount = tables.columnKinds.count
        var values = fields.dropFirst()
        while let last = values.last, values.count > columnCount, Text.isSpaces(bytes.slice(last)) {
            values.removeLast()
        }
        if values.count > columnCount {
            context.report(.warning, .cellCount, line: line.number,
                           "\(description.title) line \(number) has \(values.count) cells; the page has \(columnCount) columns. The extra cells are kept as text in the caption",
                           placed: true)
            let extra = values.dropFirst(columnCount).map { String(decoding: bytes.slice($0), as: UTF8.self) }
            row.caption = (row.caption ?? String(decoding: caption, as: UTF8.self)) + " " + extra.joined(separator: " ")
            values = values.prefix(columnCount)
        }
        var cells: [Cell] = []
        cells.reserveCapacity(columnCount)
        for (column, field) in zip(0..., values) {
            cells.append(scan(bytes.slice(field), column: column, lineNumber: line.number, label: number))
        }
        if let code = description.lines[index].code, let codeIndex = tables.codeColumn, codeIndex < cells.count, cells[codeIndex] != .text(code) {
            context.report(.warning, .captionMismatch, line: line.number,
                           "\(description.title) line \(number) should carry the code \(code)", placed: true)
        }
        return cells
    }

    /// Whether every filled field, and at least two, is a numbered heading ("1 NAIC Company
    /// Code"): a number, one space, then a word starting with a letter.
    static func isNumberedHeadingRow(_ bytes: Text.Bytes, _ fields: [Range<Int>]) -> Bool {
        var filled = 0
        for field in fields {
            let trimmed = Text.trimmingSpaces(bytes.slice(field))
            if trimmed.isEmpty { continue }
            filled += 1
            guard isNumberedHeading(trimmed) else { return false }
        }
        return filled >= 2
    }

    /// A trimmed field that reads "1 Name": an `Int` before the first space, and a letter right
    /// after that space (any further space belongs to the name, so a second one fails).
    private static func isNumberedHeading(_ field: Text.Bytes) -> Bool {
        guard let space = field.firstIndex(of: 0x20), space + 1 < field.count,
              Text.isInteger(field.slice(0..<space)) else { return false }
        let next = field[space + 1]
        if next < 0x80 { return Text.isASCIILetter(next) }
        return String(decoding: field.slice((space + 1)..<field.count), as: UTF8.self).first?.isLetter ?? false
    }

    /// A rule under a table: nothing but dashes, tabs and spaces.
    static func isRule(_ bytes: Text.Bytes) -> Bool {
        bytes.allSatisfy { $0 == 0x2D || $0 == 0x09 || $0 == 0x20 }
    }

    private func scan(_ field: Text.Bytes, column: Int, lineNumber: Int, label: String) -> Cell {
        let trimmed = Text.trimmingSpaces(field)
        switch tables.columnKinds[column] {
        case .text, .code:
            if trimmed.isEmpty { return .blank }
            if trimmed.elementsEqual("XXX".utf8) { return .notApplicable }
            return .text(String(decoding: trimmed, as: UTF8.self))
        case .amount:
            if let cell = ValueScanner.value(trimmed) { return cell }
            let printed = String(decoding: trimmed, as: UTF8.self)
            context.report(.warning, .badValue, line: lineNumber,
                           "\(description.title) line \(label) column \(description.columns[column].number): \"\(printed)\" is not an amount; kept as text",
                           placed: true)
            return .text(printed)
        }
    }

    /// Finishes the page: places the cells of short rows where the page's arithmetic decides.
    mutating func finish() -> Page {
        for item in pending {
            resolve(item)
        }
        // Rows in the blank's order, whatever order they were printed in. A page prints each line
        // once, so no two rows share a place and the order is total.
        let order = rowOrder
        // Pages are almost always printed in the blank's order: then there is nothing to move.
        if zip(order, order.dropFirst()).allSatisfy({ $0 < $1 }) { return page }
        let sorted = page.rows.indices.sorted { order[$0] < order[$1] }
        page.rows = sorted.map { page.rows[$0] }
        rowOrder = sorted.map { order[$0] }
        return page
    }

    private mutating func resolve(_ item: PendingRow) {
        let n = description.columns.count
        let k = item.values.count
        let line = page.rows[item.rowIndex].line
        var consistent: [[Cell]] = []
        for positions in combinations(n, k) {
            var cells = Array(repeating: Cell.blank, count: n)
            for (value, position) in zip(item.values, positions) { cells[position] = value }
            if checkArithmetic(line: line, cells: cells) == true { consistent.append(cells) }
        }
        if consistent.count == 1, let cells = consistent.first {
            page.rows[item.rowIndex].cells = cells
            let placed = cells.indices.filter { !cells[$0].isBlank }.map { description.columns[$0].number }
            context.report(.info, .resolvedRow, line: item.source,
                           "\(description.title) line \(line) prints \(k) of \(n) cells; the page's arithmetic places them in column \(placed.joined(separator: ", "))")
        } else {
            context.report(.warning, .ambiguousRow, line: item.source,
                           "\(description.title) line \(line) prints \(k) of \(n) cells and the page's arithmetic does not decide their columns; they are kept in the first \(k) columns",
                           placed: true)
        }
    }

    /// Whether the formulas touching `line` hold in every column when the row has `cells`:
    /// `true` when at least one formula could be evaluated and all evaluable ones hold.
    private func checkArithmetic(line: String, cells: [Cell]) -> Bool? {
        var evaluated = false
        for target in description.lines {
            guard let text = target.total, let formula = Formula(text), let terms = description.expand(formula) else { continue }
            let involved = target.line == line || terms.contains { $0.line == line }
            guard involved else { continue }
            for column in description.columns.indices where description.columns[column].valueKind == .amount {
                func value(_ l: String) -> Amount?? {
                    if l == line { return .some(cells[column].numericValue) }
                    guard let row = page.rows.first(where: { $0.line == l }) else { return .none }
                    return .some(row.cells[column].numericValue)
                }
                guard case .some(let totalValue) = value(target.line), let total = totalValue else { continue }
                var sum = Amount(units: 0)
                var ok = true
                for term in terms {
                    guard case .some(let v) = value(term.line), let amount = v else { ok = false; break }
                    sum = sum.adding(amount, sign: term.sign)
                }
                guard ok else { continue }
                evaluated = true
                if !sum.isNumericallyEqual(to: total) { return false }
            }
        }
        return evaluated ? true : nil
    }

    private func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k <= n, k >= 0 else { return [] }
        if k == 0 { return [[]] }
        var result: [[Int]] = []
        func build(_ start: Int, _ current: [Int]) {
            if current.count == k { result.append(current); return }
            guard start < n else { return }
            for i in start..<n { build(i + 1, current + [i]) }
        }
        build(0, [])
        return result
    }
}

extension Cell {
    /// The cell as a number for arithmetic: blanks and dashes are zero, text has no value.
    var numericValue: Amount? {
        switch self {
        case .blank, .dash, .notApplicable: return Amount(units: 0)
        case .amount(let a, _): return a
        case .text, .percent: return nil
        }
    }
}

extension Amount {
    func adding(_ other: Amount, sign: Int) -> Amount {
        let digits = max(fractionDigits, other.fractionDigits)
        let a = widened(to: digits) ?? self
        let b = other.widened(to: digits) ?? other
        let (r, overflow) = a.units.addingReportingOverflow(sign >= 0 ? b.units : -b.units)
        return overflow ? self : Amount(units: r, fractionDigits: digits)
    }
}
