/// Reads one tabular page by its description: line numbers find the rows, columns come from tabs.
struct PageParser {
    let description: PageDescription
    let context: ParseContext

    private var page: Page
    private var sourceLines: [String: Int] = [:]
    private var pending: [PendingRow] = []
    private var lineIndex: [String: Int] = [:]
    /// Keys of the page's text lines that carry no values. A page has a handful, so a list
    /// compared in place is cheaper than hashing every line into a set.
    private let classifiedKeys: [String]
    private let footnoteKeys: [String]
    /// For each row of `page.rows`, its line's place in the blank: what `finish` sorts by.
    private var rowOrder: [Int] = []
    /// Each column's kind, read once rather than copying the column's description per cell.
    private let columnKinds: [ColumnDescription.Kind]
    /// The column that carries each line's fixed code, if the page has one.
    private let codeColumn: Int?

    /// A row printed with fewer cells than the page has columns.
    private struct PendingRow {
        var rowIndex: Int
        var values: [Cell]
        var source: Int
    }

    init(description: PageDescription, context: ParseContext) {
        self.description = description
        self.context = context
        page = Page(id: description.id)
        var keys: [String] = []
        for text in (description.subtitles ?? []) + (description.sections ?? []) + (description.columnHeadingLines ?? []) + (description.boilerplate ?? []) {
            let key = Text.key(text)
            if !keys.contains(key) { keys.append(key) }
        }
        classifiedKeys = keys
        footnoteKeys = (description.footnotes ?? []).map { Text.key($0) }
        lineIndex.reserveCapacity(description.lines.count)
        sourceLines.reserveCapacity(description.lines.count)
        for (i, line) in description.lines.enumerated() { lineIndex[line.line] = i }
        columnKinds = description.columns.map(\.valueKind)
        codeColumn = columnKinds.firstIndex(of: .code)
    }

    /// Where each row was printed: line number in the input, by row line number.
    var origins: [String: Int] { sourceLines }

    /// Reads one line of the page.
    mutating func consume(_ line: SourceText.Line) {
        let fields = Text.fields(line.text)
        let first = fields.first ?? ""
        let firstClean = Text.clean(first)

        if Text.sameKey(line.text, "none") || (firstClean == "NONE" && fields.dropFirst().allSatisfy(Text.isSpaces)) {
            page.none = true
            context.noneMark(line)
            return
        }
        if PageParser.isRule(line.text) {
            context.classified(line) // a rule under a table
            return
        }
        if firstClean.isEmpty || PageParser.isNumberedHeadingRow(fields) {
            // Column headings: the first field (the caption column) is empty, or every field is
            // a numbered heading ("1 NAIC Company Code", "2 Federal ID Number").
            page.headings.append(fields.dropFirst().map { Text.clean($0) })
            context.classified(line)
            return
        }
        if classifiedKeys.contains(where: { Text.sameKey(line.text, $0) || Text.sameKey(first, $0) }) {
            context.classified(line)
            return
        }
        if footnoteKeys.contains(where: { Text.keyHasPrefix(line.text, $0) }) {
            page.footnotes.append(Text.clean(line.text))
            context.mapped(line)
            return
        }
        let numbered = Text.lineNumber(firstClean[...])
        // `lineIndex` finds a line as printed; the description also tolerates a leading zero.
        let printedIndex = numbered.flatMap { lineIndex[$0.number] }
        guard let (number, rest) = numbered, let index = printedIndex ?? description.lineIndex(number) else {
            if let (number, _) = numbered {
                context.report(.error, .unknownLine, line: line.number,
                               "line \(number) is not a line of \(description.title); expected one of its numbered lines")
            } else {
                context.report(.error, .unrecognizedLine, line: line.number,
                               "unrecognized text on \(description.title): \"\(String(firstClean.prefix(80)))\"")
            }
            return
        }
        let lineDescription = description.lines[index]
        if sourceLines[lineDescription.line] != nil {
            context.report(.warning, .duplicateLine, line: line.number,
                           "line \(number) of \(description.title) is printed twice; the first (line \(sourceLines[lineDescription.line] ?? 0)) is kept")
            return
        }
        sourceLines[lineDescription.line] = line.number

        var row = Row(line: lineDescription.line, cells: [])
        // The caption is kept as printed only for write-ins and mismatches: most rows need no copy.
        var caption: String { String(rest) }
        if lineDescription.isWriteIn {
            if !rest.isEmpty { row.caption = caption }
        } else {
            let split = CaptionMatcher.split(rest)
            let slotCount = lineDescription.slots?.count ?? 0
            if CaptionMatcher.matches(printed: split.words, blank: lineDescription.caption), split.amounts.count == slotCount {
                row.captionAmounts = slotCount > 0 && split.amounts.allSatisfy(\.isBlank) ? [] : split.amounts
            } else {
                context.report(.warning, .captionMismatch, line: line.number,
                               "the caption of \(description.title) line \(number) does not match the blank: expected \"\(lineDescription.caption)\"",
                               placed: true)
                row.caption = caption
                if split.amounts.count == slotCount { row.captionAmounts = split.amounts.allSatisfy(\.isBlank) ? [] : split.amounts }
            }
        }

        let columnCount = columnKinds.count
        var values = fields.dropFirst()
        while let last = values.last, values.count > columnCount, Text.isSpaces(last) {
            values.removeLast()
        }
        if values.count > columnCount {
            context.report(.warning, .cellCount, line: line.number,
                           "\(description.title) line \(number) has \(values.count) cells; the page has \(columnCount) columns. The extra cells are kept as text in the caption",
                           placed: true)
            row.caption = (row.caption ?? caption) + " " + values.dropFirst(columnCount).joined(separator: " ")
            values = values.prefix(columnCount)
        }
        var cells: [Cell] = []
        cells.reserveCapacity(columnCount)
        for (column, field) in zip(0..., values) {
            cells.append(scan(field, column: column, lineNumber: line.number, label: number))
        }
        // The code column (Schedule T's state abbreviation) is checked against the blank.
        if let code = lineDescription.code, let index = codeColumn, index < cells.count, cells[index] != .text(code) {
            context.report(.warning, .captionMismatch, line: line.number,
                           "\(description.title) line \(number) should carry the code \(code)", placed: true)
        }
        // A short row is placed by the page's arithmetic when the page is finished.
        let pendingValues = cells.count < columnCount && cells.contains(where: { !$0.isBlank }) ? cells : nil
        cells.append(contentsOf: repeatElement(.blank, count: columnCount - cells.count))
        row.cells = cells
        let rowIndex = page.rows.count
        page.rows.append(row)
        rowOrder.append(printedIndex ?? lineIndex[row.line] ?? Int.max)
        context.mapped(line)
        if let pendingValues {
            pending.append(PendingRow(rowIndex: rowIndex, values: pendingValues, source: line.number))
        }
    }

    /// Whether every filled field, and at least two, is a numbered heading ("1 NAIC Company
    /// Code"): a number, one space, then a word starting with a letter.
    static func isNumberedHeadingRow(_ fields: [Substring]) -> Bool {
        var filled = 0
        for field in fields {
            let trimmed = field.trimmingSpaces
            if trimmed.isEmpty { continue }
            filled += 1
            guard isNumberedHeading(trimmed) else { return false }
        }
        return filled >= 2
    }

    /// A trimmed field that reads "1 Name": `Int` of the text before the first space, and a
    /// letter right after that space.
    private static func isNumberedHeading(_ trimmed: Substring) -> Bool {
        let utf8 = trimmed.utf8
        guard let space = utf8.firstIndex(of: 0x20) else { return false }
        // The text after the space starts right after it: `split(maxSplits: 1)` keeps any
        // further spaces in the second word, so a second space fails the letter test.
        let afterSpace = utf8.index(after: space)
        guard afterSpace < utf8.endIndex, Int(trimmed[..<space]) != nil else { return false }
        let next = utf8[afterSpace]
        if next < 0x80 { return Text.isASCIILetter(next) }
        return trimmed[afterSpace...].first?.isLetter ?? false
    }

    /// A rule under a table: nothing but dashes, tabs and spaces.
    static func isRule(_ text: Substring) -> Bool {
        Text.withBytes(text) { bytes in bytes.allSatisfy { $0 == 0x2D || $0 == 0x09 || $0 == 0x20 } }
    }

    private func scan(_ field: Substring, column: Int, lineNumber: Int, label: String) -> Cell {
        let trimmed = field.trimmingSpaces
        switch columnKinds[column] {
        case .text, .code:
            if trimmed.isEmpty { return .blank }
            if trimmed == "XXX" { return .notApplicable }
            return .text(String(trimmed))
        case .amount:
            if let cell = ValueScanner.value(trimmed) { return cell }
            context.report(.warning, .badValue, line: lineNumber,
                           "\(description.title) line \(label) column \(description.columns[column].number): \"\(trimmed)\" is not an amount; kept as text",
                           placed: true)
            return .text(String(trimmed))
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
        case .text: return nil
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

extension Substring {
    /// The text without leading and trailing spaces and no-break spaces.
    var trimmingSpaces: Substring {
        let bounds: (start: Int, end: Int) = Text.withBytes(self) { bytes in
            var start = 0
            var end = bytes.count
            while start < end {
                if bytes[start] == 0x20 {
                    start += 1
                } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                    start += 2
                } else {
                    break
                }
            }
            while end > start {
                if bytes[end - 1] == 0x20 {
                    end -= 1
                } else if bytes[end - 1] == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            return (start, end)
        }
        if bounds.start == 0 && bounds.end == utf8.count { return self }
        return self[utf8.index(startIndex, offsetBy: bounds.start)..<utf8.index(startIndex, offsetBy: bounds.end)]
    }
}
